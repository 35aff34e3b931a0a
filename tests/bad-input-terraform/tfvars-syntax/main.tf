variable "cidr" {}

resource "azurerm_subnet" "s" {
  address_prefixes = [var.cidr]
}
