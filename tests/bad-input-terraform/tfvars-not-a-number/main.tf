variable "node_count" {
  type = number
}

resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
  default_node_pool {
    name       = "system"
    node_count = var.node_count
    vm_size    = "Standard_D4s_v5"
  }
}
