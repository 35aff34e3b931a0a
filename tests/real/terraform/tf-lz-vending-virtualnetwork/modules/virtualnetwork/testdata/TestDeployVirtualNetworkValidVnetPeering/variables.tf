variable "subscription_id" {
  type = string
}

variable "virtual_networks" {
  type = any
}

variable "enable_telemetry" {
  type = bool
}
