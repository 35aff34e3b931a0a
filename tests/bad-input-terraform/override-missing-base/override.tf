resource "azurerm_virtual_network" "v" {
  address_space = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "not_declared" {
  address_prefixes = ["10.1.0.0/24"]
}
