resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}
module "net" {
  source   = "./net"
  count    = 2
  for_each = toset(["a"])
}
