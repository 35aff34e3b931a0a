module "b" {
  source = "../b"
}

resource "azurerm_subnet" "in_a" {
  name             = "in-a"
  address_prefixes = ["10.0.0.0/24"]
}
