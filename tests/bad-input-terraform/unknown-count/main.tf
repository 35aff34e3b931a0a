resource "random_integer" "n" {
  min = 1
  max = 3
}

resource "azurerm_subnet" "s" {
  name             = "s-${count.index}"
  count            = random_integer.n.result
  address_prefixes = ["10.0.${count.index}.0/24"]
}
