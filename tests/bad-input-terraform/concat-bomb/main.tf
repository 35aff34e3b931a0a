locals {
  l0   = ["x", "y", "z", "w", "v", "u", "t", "s"]
  l1   = concat(local.l0, local.l0, local.l0, local.l0, local.l0, local.l0, local.l0, local.l0)
  l2   = concat(local.l1, local.l1, local.l1, local.l1, local.l1, local.l1, local.l1, local.l1)
  l3   = concat(local.l2, local.l2, local.l2, local.l2, local.l2, local.l2, local.l2, local.l2)
  l4   = concat(local.l3, local.l3, local.l3, local.l3, local.l3, local.l3, local.l3, local.l3)
  l5   = concat(local.l4, local.l4, local.l4, local.l4, local.l4, local.l4, local.l4, local.l4)
  l6   = concat(local.l5, local.l5, local.l5, local.l5, local.l5, local.l5, local.l5, local.l5)
  l7   = concat(local.l6, local.l6, local.l6, local.l6, local.l6, local.l6, local.l6, local.l6)
  name = length(local.l7)
}
resource "azurerm_virtual_network" "v" {
  name                = local.name
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}
