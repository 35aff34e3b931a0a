#!/usr/bin/env python3
"""An ARM estate of nested deployments and copy loops, for the benchmark of issue 24: by
default 200 teams and 20,000 subnets, as a template `estate.json` and its parameters file
`estate.parameters.json`, which a walk (`cniplan check DIR`) pairs by name.

Half the teams are data: the parameters file lists them with their subnets (name, prefix,
service endpoints), and the template deploys them by a copy loop of nested deployments (inner
scope), each a VNet whose subnets are a property copy loop over the team's list, and a cluster
in a deployment nested one level deeper, its subnets passed down by `resourceId`. The other
half are written out: one nested deployment per team with its subnets literal, as exported or
hand-written templates hold them. Every team's VNet is a /16 with a /24 node subnet, a /20 pod
subnet (dynamic allocation) and /26s.

    python3 benches/gen_arm_estate.py OUT_DIR [--teams 200] [--subnets 100]
"""

import argparse
import json
import os

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
PARAMS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"
ENDPOINTS = ["Microsoft.Storage", "Microsoft.KeyVault", "Microsoft.Sql"]


def subnet(team, j):
    if j == 0:
        prefix = f"10.{team}.0.0/24"
    elif j == 1:
        prefix = f"10.{team}.16.0/20"
    else:
        n = 128 + (j - 2)
        prefix = f"10.{team}.{n // 4}.{(n % 4) * 64}/26"
    return {
        "name": f"snet-{j:03d}",
        "addressPrefix": prefix,
        "serviceEndpoints": [{"service": s} for s in ENDPOINTS[: j % 4]],
        "privateEndpointNetworkPolicies": "Disabled",
    }


def cluster_deployment(name_expr, vnet_expr):
    """A deployment nested in the team's: the cluster, its subnets passed down as ids."""
    subnet_id = "[resourceId('Microsoft.Network/virtualNetworks/subnets', {0}, '{1}')]"
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": f"[format('aks-{{0}}', {name_expr})]",
        "dependsOn": [f"[resourceId('Microsoft.Network/virtualNetworks', {vnet_expr})]"],
        "properties": {
            "mode": "Incremental",
            "expressionEvaluationOptions": {"scope": "inner"},
            "parameters": {
                "name": {"value": f"[{name_expr}]"},
                "nodeSubnetId": {"value": subnet_id.format(vnet_expr, "snet-000")},
                "podSubnetId": {"value": subnet_id.format(vnet_expr, "snet-001")},
            },
            "template": {
                "$schema": SCHEMA,
                "contentVersion": "1.0.0.0",
                "parameters": {
                    "name": {"type": "string"},
                    "nodeSubnetId": {"type": "string"},
                    "podSubnetId": {"type": "string"},
                    "location": {"type": "string", "defaultValue": "westeurope"},
                },
                "resources": [
                    {
                        "type": "Microsoft.ContainerService/managedClusters",
                        "apiVersion": "2024-05-01",
                        "name": "[format('aks-{0}', parameters('name'))]",
                        "location": "[parameters('location')]",
                        "identity": {"type": "SystemAssigned"},
                        "properties": {
                            "kubernetesVersion": "1.30",
                            "dnsPrefix": "[parameters('name')]",
                            "networkProfile": {
                                "networkPlugin": "azure",
                                "networkPolicy": "cilium",
                                "networkDataplane": "cilium",
                                "serviceCidr": "172.16.0.0/16",
                                "dnsServiceIP": "172.16.0.10",
                            },
                            "agentPoolProfiles": [
                                {
                                    "name": "system",
                                    "mode": "System",
                                    "vmSize": "Standard_D4s_v5",
                                    "count": 3,
                                    "maxPods": 30,
                                    "vnetSubnetID": "[parameters('nodeSubnetId')]",
                                    "podSubnetID": "[parameters('podSubnetId')]",
                                    "upgradeSettings": {"maxSurge": "10%"},
                                },
                                {
                                    "name": "work",
                                    "mode": "User",
                                    "vmSize": "Standard_D8s_v5",
                                    "count": 2,
                                    "enableAutoScaling": True,
                                    "minCount": 2,
                                    "maxCount": 20,
                                    "maxPods": 30,
                                    "vnetSubnetID": "[parameters('nodeSubnetId')]",
                                    "podSubnetID": "[parameters('podSubnetId')]",
                                    "upgradeSettings": {"maxSurge": "10%"},
                                },
                            ],
                        },
                    }
                ],
            },
        },
    }


def vnet(name_expr, space_expr, subnets):
    return {
        "type": "Microsoft.Network/virtualNetworks",
        "apiVersion": "2023-11-01",
        "name": f"[{name_expr}]",
        "location": "[parameters('location')]",
        "properties": {"addressSpace": {"addressPrefixes": [f"[{space_expr}]"]}, **subnets},
    }


def looped_team_deployment():
    """The nested deployment of the copy loop over the parameters' teams."""
    item = "parameters('team').subnets[copyIndex('subnets')]"
    subnets = {
        "copy": [
            {
                "name": "subnets",
                "count": "[length(parameters('team').subnets)]",
                "input": {
                    "name": f"[{item}.name]",
                    "properties": {
                        "addressPrefix": f"[{item}.addressPrefix]",
                        "serviceEndpoints": f"[{item}.serviceEndpoints]",
                        "privateEndpointNetworkPolicies": f"[{item}.privateEndpointNetworkPolicies]",
                    },
                },
            }
        ]
    }
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": "[format('team-{0}', parameters('teams')[copyIndex()].name)]",
        "copy": {"name": "teams", "count": "[length(parameters('teams'))]"},
        "properties": {
            "mode": "Incremental",
            "expressionEvaluationOptions": {"scope": "inner"},
            "parameters": {"team": {"value": "[parameters('teams')[copyIndex()]]"}},
            "template": {
                "$schema": SCHEMA,
                "contentVersion": "1.0.0.0",
                "parameters": {
                    "team": {"type": "object"},
                    "location": {"type": "string", "defaultValue": "westeurope"},
                },
                "variables": {"vnet": "[format('vnet-{0}', parameters('team').name)]"},
                "resources": [
                    vnet("variables('vnet')", "parameters('team').addressSpace", subnets),
                    cluster_deployment("parameters('team').name", "variables('vnet')"),
                ],
            },
        },
    }


def literal_team_deployment(t, count):
    subnets = {
        "subnets": [
            {
                "name": s["name"],
                "properties": {k: v for k, v in s.items() if k != "name"},
            }
            for s in (subnet(t, j) for j in range(count))
        ]
    }
    name = f"team{t:03d}"
    return {
        "type": "Microsoft.Resources/deployments",
        "apiVersion": "2022-09-01",
        "name": f"team-{name}",
        "properties": {
            "mode": "Incremental",
            "expressionEvaluationOptions": {"scope": "inner"},
            "template": {
                "$schema": SCHEMA,
                "contentVersion": "1.0.0.0",
                "parameters": {"location": {"type": "string", "defaultValue": "westeurope"}},
                "variables": {"team": name, "vnet": f"vnet-{name}"},
                "resources": [
                    vnet("variables('vnet')", f"'10.{t}.0.0/16'", subnets),
                    cluster_deployment("variables('team')", "variables('vnet')"),
                ],
            },
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--subnets", type=int, default=100)
    args = parser.parse_args()
    if args.teams > 250 or not 2 <= args.subnets <= 130:
        parser.error("at most 250 teams (one 10.T.0.0/16 each) and 2 to 130 subnets a team")
    looped = range(0, args.teams, 2)
    literal = range(1, args.teams, 2)
    template = {
        "$schema": SCHEMA,
        "contentVersion": "1.0.0.0",
        "parameters": {
            "teams": {"type": "array", "metadata": {"description": "Teams with their subnets."}},
        },
        "resources": [looped_team_deployment()]
        + [literal_team_deployment(t, args.subnets) for t in literal],
    }
    teams = [
        {
            "name": f"team{t:03d}",
            "addressSpace": f"10.{t}.0.0/16",
            "subnets": [subnet(t, j) for j in range(args.subnets)],
        }
        for t in looped
    ]
    parameters = {"$schema": PARAMS_SCHEMA, "contentVersion": "1.0.0.0", "parameters": {"teams": {"value": teams}}}
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "estate.json"), "w") as f:
        json.dump(template, f, indent=2)
    with open(os.path.join(args.out, "estate.parameters.json"), "w") as f:
        json.dump(parameters, f, indent=2)


if __name__ == "__main__":
    main()
