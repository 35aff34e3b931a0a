resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "vnet"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
  location  = "westeurope"
  body      = { properties = { addressSpace = { addressPrefixes = ["10.10.0.0/16"] } } }
}

resource "azapi_resource" "nodes" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "nodes"
  parent_id = azapi_resource.vnet.id
  body      = { properties = { addressPrefix = "10.10.0.0/22" } }
}

resource "azapi_resource" "apiserver" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "apiserver"
  parent_id = azapi_resource.vnet.id
  body = { properties = {
    addressPrefix = "10.10.4.0/28"
    delegations   = [{ name = "aks", properties = { serviceName = "Microsoft.ContainerService/managedClusters" } }]
  } }
}

resource "azapi_resource" "aks" {
  type      = "Microsoft.ContainerService/managedClusters@2025-10-01"
  name      = "aks"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
  location  = "westeurope"
  body = { properties = {
    dnsPrefix         = "aks"
    agentPoolProfiles = [{ name = "sys", mode = "System", count = 1, vmSize = "Standard_D2s_v5", maxPods = 30, vnetSubnetID = azapi_resource.nodes.id, upgradeSettings = { maxSurge = "1" } }]
    networkProfile    = { networkPlugin = "azure", networkPluginMode = "overlay", podCidr = "10.244.0.0/16", serviceCidr = "10.245.0.0/16", dnsServiceIP = "10.245.0.10" }
    apiServerAccessProfile = { enableVnetIntegration = true, subnetId = azapi_resource.apiserver.id }
  } }
}
