variable "pools" {
  type = map(object({
    node_count = number
    max_pods   = optional(number, 30)
    vm_size    = string
  }))
}

resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
  default_node_pool {
    name       = "system"
    node_count = var.pools["system"].node_count
    max_pods   = var.pools["system"].max_pods
    vm_size    = var.pools["system"].vm_size
  }
}
