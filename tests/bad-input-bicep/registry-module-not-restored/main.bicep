module hub 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'hub'
  params: {
    name: 'hub'
    addressPrefixes: [
      '10.0.0.0/16'
    ]
  }
}
