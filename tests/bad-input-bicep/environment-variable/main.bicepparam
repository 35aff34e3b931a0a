using 'net.bicep'
param p = readEnvironmentVariable('HOME', 'x')
