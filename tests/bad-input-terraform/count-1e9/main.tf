resource "azurerm_subnet" "s" {
  count            = 1e9
  address_prefixes = [cidrsubnet("10.0.0.0/8", 24, count.index)]
}
