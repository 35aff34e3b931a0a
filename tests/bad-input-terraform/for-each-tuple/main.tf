# Terraform refuses a tuple for for_each ("must be a map, or set of strings"): the subnets
# were read as two instances named alike. toset() makes it a set.
resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "s" {
  for_each             = ["a", "b"]
  name                 = "s-${each.key}"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.1.0.0/24"]
}
