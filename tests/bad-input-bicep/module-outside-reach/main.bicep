module m '../../../../../../../../../../../../../../../../etc/net.bicep' = {
  name: 'm'
}
var x = ''
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet${x}'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'nodes'
        properties: {
          addressPrefix: '10.0.0.0/24'
        }
      }
    ]
  }
}
