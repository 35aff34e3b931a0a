resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name          = "default"
    vm_size       = "Standard_D2s_v5"
    node_count    = 1
    pod_subnet_id = data.azurerm_subnet.pods.id
  }
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    service_cidr        = "172.16.0.0/16"
    dns_service_ip      = "172.16.0.10"
  }
  identity { type = "SystemAssigned" }
}
