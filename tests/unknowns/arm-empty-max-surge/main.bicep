resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.240.0.0/16' ] }
    subnets: [ { name: 'nodes', properties: { addressPrefix: '10.240.0.0/22' } } ]
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks'
    networkProfile: { networkPlugin: 'azure', serviceCidr: '172.16.0.0/16', dnsServiceIP: '172.16.0.10' }
    agentPoolProfiles: [
      {
        name: 'sys'
        mode: 'System'
        count: 5
        maxPods: 30
        vmSize: 'Standard_D2s_v5'
        vnetSubnetID: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'nodes')
        upgradeSettings: { maxSurge: '' }
      }
    ]
  }
}
