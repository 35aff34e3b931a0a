resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2021-02-01"
  name      = "vnet"
  parent_id = "/subscriptions/s/resourceGroups/rg"
  body      = "{\"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}"
}
