locals {
  a = local.b
  b = local.a
}

resource "azurerm_subnet" "s" {
  name             = local.a
  address_prefixes = ["10.0.0.0/24"]
}
