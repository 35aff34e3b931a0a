param vnetId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/spoke'

resource netRg 'Microsoft.Resources/resourceGroups@2021-04-01' existing = {
  scope: subscription()
  name: split(vnetId, '/')[4]
}

resource vnet 'Microsoft.Network/virtualNetworks@2022-01-01' existing = {
  scope: netRg
  name: last(split(vnetId, '/'))
  resource nodes 'subnets' existing = {
    name: 'nodes'
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks'
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay' }
    agentPoolProfiles: [ { name: 'sys', mode: 'System', count: 3, vmSize: 'Standard_D2s_v5', vnetSubnetID: vnet::nodes.id } ]
  }
}
