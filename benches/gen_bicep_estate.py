#!/usr/bin/env python3
"""A Bicep estate for the speed target of issue 22: by default 100 teams, each a directory
with two Bicep files (200 files), 1,000 VNets and 20,000 subnets in all, which a walk
(`cniplan check DIR`) reads from source, one check per team's `main.bicep`.

Half the teams are written the way Azure Verified Modules and most reference architectures
are: `main.bicep` builds the list of its VNets with a `for` expression and calls
`network.bicep` once per VNet through a module loop; the module computes its subnets with a
`for` over `range()` and `cidrSubnet`. The other half are written out: `main.bicep` declares
half its VNets with their subnets literal, and calls `spokes.bicep` (no loop) for the other
half. Every team has a cluster (dynamic pod IP allocation) whose pools use the first VNet's
first two subnets, named through `resourceId` or a symbolic reference. Each VNet is a /20 with
a /24 node subnet, a /22 pod subnet and eighteen /26s.

    python3 benches/gen_bicep_estate.py OUT_DIR [--teams 100] [--vnets 10] [--subnets 20]
"""

import argparse
import os

API_VNET = "2024-05-01"
API_AKS = "2024-09-01"


def prefix(team, v, j):
    """The /24 node subnet, the /22 pod subnet, then /26s, inside VNet v's /20."""
    base = v * 16
    if j == 0:
        return f"10.{team}.{base}.0/24"
    if j == 1:
        return f"10.{team}.{base + 4}.0/22"
    k = j - 2
    return f"10.{team}.{base + 8 + k // 4}.{(k % 4) * 64}/26"


def cluster(team, node_subnet, pod_subnet):
    return f"""resource aks 'Microsoft.ContainerService/managedClusters@{API_AKS}' = {{
  name: 'aks-${{team}}'
  location: location
  identity: {{
    type: 'SystemAssigned'
  }}
  properties: {{
    kubernetesVersion: '1.30'
    dnsPrefix: team
    networkProfile: {{
      networkPlugin: 'azure'
      networkPolicy: 'cilium'
      networkDataplane: 'cilium'
      serviceCidr: '172.16.0.0/16'
      dnsServiceIP: '172.16.0.10'
    }}
    agentPoolProfiles: [
      {{
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D4s_v5'
        count: 3
        maxPods: 30
        vnetSubnetID: {node_subnet}
        podSubnetID: {pod_subnet}
        upgradeSettings: {{
          maxSurge: '10%'
        }}
      }}
      {{
        name: 'work'
        mode: 'User'
        vmSize: 'Standard_D8s_v5'
        count: 2
        enableAutoScaling: true
        minCount: 2
        maxCount: 20
        maxPods: 30
        vnetSubnetID: {node_subnet}
        podSubnetID: {pod_subnet}
        upgradeSettings: {{
          maxSurge: '10%'
        }}
      }}
    ]
  }}
}}
"""


NETWORK_MODULE = f"""@description('The VNet, one of the team\\'s.')
param name string

@description('A /20: a /24 for nodes, a /22 for pods, then /26s.')
param addressSpace string

param subnetCount int = 20
param location string = resourceGroup().location

var endpoints = [
  'Microsoft.Storage'
  'Microsoft.KeyVault'
  'Microsoft.Sql'
]

resource vnet 'Microsoft.Network/virtualNetworks@{API_VNET}' = {{
  name: name
  location: location
  properties: {{
    addressSpace: {{
      addressPrefixes: [
        addressSpace
      ]
    }}
    subnets: [for i in range(0, subnetCount): {{
      name: 'snet-${{padLeft(i, 3, '0')}}'
      properties: {{
        addressPrefix: i == 0 ? cidrSubnet(addressSpace, 24, 0) : i == 1 ? cidrSubnet(addressSpace, 22, 1) : cidrSubnet(addressSpace, 26, 30 + i)
        serviceEndpoints: [for s in take(endpoints, i % 4): {{
          service: s
        }}]
        privateEndpointNetworkPolicies: 'Disabled'
      }}
    }}]
  }}
}}

output vnetId string = vnet.id
output nodeSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', name, 'snet-000')
"""


def looped_team(t, vnets, subnets):
    name = f"team{t:03d}"
    main = f"""// {name}: its VNets through a module loop.
targetScope = 'resourceGroup'

param location string = resourceGroup().location
param team string = '{name}'
param vnetCount int = {vnets}

var vnets = [for v in range(0, vnetCount): {{
  name: 'vnet-${{team}}-${{v}}'
  addressSpace: '10.{t}.${{v * 16}}.0/20'
}}]

module net './network.bicep' = [for (v, i) in vnets: {{
  name: 'net-${{team}}-${{i}}'
  params: {{
    name: v.name
    addressSpace: v.addressSpace
    subnetCount: {subnets}
    location: location
  }}
}}]

{cluster(name, "net[0].outputs.nodeSubnetId", "resourceId('Microsoft.Network/virtualNetworks/subnets', vnets[0].name, 'snet-001')")}"""
    return {"main.bicep": main, "network.bicep": NETWORK_MODULE}


def literal_vnet(symbol, t, v, subnets, name_expr):
    items = []
    for j in range(subnets):
        endpoints = ["Microsoft.Storage", "Microsoft.KeyVault", "Microsoft.Sql"][: j % 4]
        eps = ""
        if endpoints:
            eps = "\n          serviceEndpoints: [\n" + "".join(
                f"            {{\n              service: '{e}'\n            }}\n" for e in endpoints
            ) + "          ]"
        items.append(
            f"""      {{
        name: 'snet-{j:03d}'
        properties: {{
          addressPrefix: '{prefix(t, v, j)}'{eps}
          privateEndpointNetworkPolicies: 'Disabled'
        }}
      }}
"""
        )
    return f"""resource {symbol} 'Microsoft.Network/virtualNetworks@{API_VNET}' = {{
  name: {name_expr}
  location: location
  tags: {{
    team: team
    cost: 'network'
  }}
  properties: {{
    addressSpace: {{
      addressPrefixes: [
        '10.{t}.{v * 16}.0/20'
      ]
    }}
    subnets: [
{''.join(items)}    ]
  }}
}}
"""


def literal_team(t, vnets, subnets):
    name = f"team{t:03d}"
    half = vnets // 2
    main = [
        f"// {name}: its VNets written out, half of them in a module.\n",
        "param location string = resourceGroup().location\n",
        f"param team string = '{name}'\n\n",
    ]
    for v in range(half):
        main.append(literal_vnet(f"vnet{v}", t, v, subnets, f"'vnet-${{team}}-{v}'") + "\n")
    main.append(
        f"""module spokes './spokes.bicep' = {{
  name: 'spokes-${{team}}'
  params: {{
    team: team
    location: location
  }}
}}

"""
    )
    main.append(cluster(name, "'${vnet0.id}/subnets/snet-000'", "'${vnet0.id}/subnets/snet-001'"))
    spokes = [
        f"// {name}: the spokes.\n",
        "param team string\n",
        "param location string\n\n",
    ]
    for v in range(half, vnets):
        spokes.append(literal_vnet(f"vnet{v}", t, v, subnets, f"'vnet-${{team}}-{v}'") + "\n")
    return {"main.bicep": "".join(main), "spokes.bicep": "".join(spokes)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--teams", type=int, default=100)
    ap.add_argument("--vnets", type=int, default=10)
    ap.add_argument("--subnets", type=int, default=20)
    a = ap.parse_args()
    assert a.vnets <= 16 and 2 <= a.subnets <= 34 and a.teams <= 256
    for t in range(a.teams):
        files = (looped_team if t % 2 == 0 else literal_team)(t, a.vnets, a.subnets)
        d = os.path.join(a.out, f"team{t:03d}")
        os.makedirs(d, exist_ok=True)
        for name, text in files.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
