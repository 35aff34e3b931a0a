module spoke 'modules/spoke.bicep' = {
  name: 'spoke'
}
