module spoke 'spoke.bicep' = {
  name: 'spoke'
  params: { nodesPrefix: '10.240.0.0/22' }
}
