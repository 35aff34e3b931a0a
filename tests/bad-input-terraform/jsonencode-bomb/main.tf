locals {
  kilobyte = join("", [for i in range(1024) : "x"])
  big      = [for i in range(1024) : [for j in range(2) : local.kilobyte]]
}

resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "vnet"
  parent_id = "/subscriptions/s/resourceGroups/rg"
  body      = jsonencode({ properties = { addressSpace = { addressPrefixes = ["10.0.0.0/16"] }, tags = local.big } })
}
