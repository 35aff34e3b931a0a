locals {
  # 100,000 different numbers: compared each with every other, 30 s apiece.
  many = flatten([for i in range(100) : [for j in range(1000) : i * 1000 + j]])
  kept = distinct(local.many)
  set  = toset(local.many)
}
resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}
resource "azurerm_subnet" "s" {
  count                = length(local.kept) == length(local.set) ? 1 : 0
  name                 = "s"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.1.0.0/30"]
}
