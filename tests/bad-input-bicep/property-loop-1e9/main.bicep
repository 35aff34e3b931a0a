resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/8'
      ]
    }
    subnets: [for i in range(0, 1000000000): {
      name: 'snet-${i}'
      properties: {
        addressPrefix: cidrSubnet('10.0.0.0/8', 32, i)
      }
    }]
  }
}
