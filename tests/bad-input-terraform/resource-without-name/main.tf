resource "azurerm_virtual_network" "v" {
  name          = "v"
  address_space = ["10.0.0.0/16"]
}

# No name: Terraform refuses it ("The argument \"name\" is required").
resource "azurerm_subnet" "s" {
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.0.0.0/30"]
}
