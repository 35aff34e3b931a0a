resource "azurerm_subnet" "s" {
  name             = "s"
  address_prefixes = ["10.0.0.0/24",
