param nodesPrefix string

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.240.0.0/16' ] }
    subnets: [ { name: 'nodes', properties: { addressPrefix: nodesPrefix } } ]
  }
}
