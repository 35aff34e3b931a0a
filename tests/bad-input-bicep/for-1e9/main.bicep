resource vnets 'Microsoft.Network/virtualNetworks@2024-01-01' = [for i in range(0, 1000000000): {
  name: 'vnet-${i}'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
  }
}]
