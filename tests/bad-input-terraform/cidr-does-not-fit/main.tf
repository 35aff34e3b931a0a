resource "azurerm_subnet" "s" {
  name             = "s"
  address_prefixes = cidrsubnets("10.0.0.0/24", 1, 1, 1)
}
