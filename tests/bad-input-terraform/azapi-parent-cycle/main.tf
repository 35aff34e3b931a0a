resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "vnet"
  parent_id = azapi_resource.subnet.id
  body      = { properties = { addressSpace = { addressPrefixes = ["10.0.0.0/16"] } } }
}

resource "azapi_resource" "subnet" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "subnet"
  parent_id = azapi_resource.vnet.id
  body      = { properties = { addressPrefix = "10.0.0.0/24" } }
}
