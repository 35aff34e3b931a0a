variable "private_cluster" {
  type    = bool
  default = "True"
}

variable "unused_counts" {
  type    = list(number)
  default = [1, "two"]
}
