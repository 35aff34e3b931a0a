resource "random_string" "r" {
  length = 4
}

resource "azurerm_virtual_network" "v" {
  name                = "vnet-${random_string.r.result}"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.52.0.0/16"]
}

resource "azurerm_subnet" "system" {
  name                 = "System"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.52.0.0/24"]
}

data "azurerm_subnet" "system" {
  name                 = "System"
  virtual_network_name = azurerm_virtual_network.v.name
  resource_group_name  = "rg"
  depends_on           = [azurerm_subnet.system]
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "aks"
  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D2s_v5"
    node_count     = 3
    max_pods       = 100
    vnet_subnet_id = data.azurerm_subnet.system.id
    upgrade_settings { max_surge = "1" }
  }
  network_profile {
    network_plugin = "azure"
    service_cidr   = "172.16.0.0/16"
    dns_service_ip = "172.16.0.10"
  }
  identity { type = "SystemAssigned" }
}
