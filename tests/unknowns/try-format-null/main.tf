data "azurerm_subscription" "current" {}

variable "pods_subnet" {
  type    = object({ name = optional(string) })
  default = {}
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name          = "default"
    vm_size       = "Standard_D2s_v5"
    node_count    = 1
    pod_subnet_id = try(format("%s/subnets/%s", data.azurerm_subscription.current.id, var.pods_subnet.name), null)
  }
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
  }
  identity { type = "SystemAssigned" }
}
