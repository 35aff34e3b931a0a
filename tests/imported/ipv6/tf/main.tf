resource "azurerm_resource_group" "rg" {
  name     = "rg-ds"
  location = "westeurope"
}

resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-ds"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  address_space       = ["10.0.0.0/16", "fd00:db8::/48"]
}

resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.0.1.0/24", "fd00:db8:0:1::/64"]
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks-ds"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  dns_prefix          = "aksds"
  kubernetes_version  = "1.33"

  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D4s_v5"
    node_count     = 3
    max_pods       = 110
    vnet_subnet_id = azurerm_subnet.nodes.id
    upgrade_settings {
      max_surge = "1"
    }
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    ip_versions         = ["IPv4", "IPv6"]
    pod_cidrs           = ["10.244.0.0/16", "fd12:3456:789a::/64"]
    service_cidrs       = ["10.1.0.0/16", "fd12:3456:789a:1::/108"]
    dns_service_ip      = "10.1.0.10"
  }

  identity {
    type = "SystemAssigned"
  }
}
