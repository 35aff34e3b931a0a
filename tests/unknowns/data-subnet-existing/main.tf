data "azurerm_subnet" "nodes" {
  name                 = "nodes"
  virtual_network_name = "spoke"
  resource_group_name  = "rg-net"
}
