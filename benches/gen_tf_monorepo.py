#!/usr/bin/env python3
"""A Terraform monorepo as infrastructure teams keep one, for the benchmarks of issue 24: by
default 200 root modules (`live/<env>/<team>/`) and 20,000 subnets, checked by `cniplan check
DIR` as pre-commit and CI run it.

Each root module has its versions, providers, variables, locals and outputs files. Its
`main.tf` writes the team's subnets in a `locals` map (100 by default: name, prefix, service
endpoints) and calls two local modules: `modules/network` (a VNet, its subnets by `for_each`
over the map, their ids as an output) and `modules/aks` (a cluster with a dynamic pod subnet,
and more node pools by `for_each`), both by a relative `source`. The modules are called by every
root, so a walk finds them as modules, not as roots. Subnet prefixes are cut from the VNet by
`cidrsubnet` in half of the roots and written out in the other half.

    python3 benches/gen_tf_monorepo.py OUT_DIR [--roots 200] [--subnets 100]
"""

import argparse
import os

ENVS = ["dev", "test", "stage", "prod"]

NETWORK = '''variable "name" {
  type        = string
  description = "The VNet's name."
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "address_space" {
  type        = string
  description = "The VNet's one address range."
}

variable "subnets" {
  type = map(object({
    prefix            = string
    service_endpoints = list(string)
  }))
  description = "Subnets by name."
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "azurerm_virtual_network" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = [var.address_space]
  tags                = var.tags
}

resource "azurerm_subnet" "this" {
  for_each = var.subnets

  name                 = each.key
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [each.value.prefix]
  service_endpoints    = each.value.service_endpoints
}

output "subnet_ids" {
  value       = { for name, subnet in azurerm_subnet.this : name => subnet.id }
  description = "Subnet ids by name."
}

output "vnet_id" {
  value = azurerm_virtual_network.this.id
}
'''

AKS = '''variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "node_subnet_id" {
  type = string
}

variable "pod_subnet_id" {
  type = string
}

variable "system_nodes" {
  type    = number
  default = 3
}

variable "pools" {
  type = map(object({
    min_count = number
    max_count = number
    max_pods  = number
  }))
  default = {}
}

resource "azurerm_kubernetes_cluster" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  dns_prefix          = var.name
  kubernetes_version  = "1.30"

  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D4s_v5"
    node_count     = var.system_nodes
    max_pods       = 30
    vnet_subnet_id = var.node_subnet_id
    pod_subnet_id  = var.pod_subnet_id

    upgrade_settings {
      max_surge = "10%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "cilium"
    network_data_plane = "cilium"
    service_cidr   = "172.16.0.0/16"
    dns_service_ip = "172.16.0.10"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "this" {
  for_each = var.pools

  name                  = each.key
  kubernetes_cluster_id = azurerm_kubernetes_cluster.this.id
  vm_size               = "Standard_D8s_v5"
  auto_scaling_enabled  = true
  min_count             = each.value.min_count
  max_count             = each.value.max_count
  max_pods              = each.value.max_pods
  vnet_subnet_id        = var.node_subnet_id
  pod_subnet_id         = var.pod_subnet_id

  upgrade_settings {
    max_surge = "10%"
  }
}

output "cluster_id" {
  value = azurerm_kubernetes_cluster.this.id
}
'''

VERSIONS = '''terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}
'''

PROVIDERS = '''provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}
'''

VARIABLES = '''variable "subscription_id" {
  type        = string
  description = "Where the team's estate lives."
  default     = "00000000-0000-0000-0000-000000000000"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "system_nodes" {
  type    = number
  default = 3
}
'''

OUTPUTS = '''output "vnet_id" {
  value = module.network.vnet_id
}

output "cluster_id" {
  value = module.aks.cluster_id
}
'''

ENDPOINTS = ['"Microsoft.Storage"', '"Microsoft.KeyVault"', '"Microsoft.Sql"']


def main_tf(root, subnets, computed):
    """The team's main.tf: its subnets in a locals map, the two module calls."""
    lines = ["locals {", f'  team = "team{root:03d}"', f'  space = "10.{root}.0.0/16"', "  subnets = {"]
    for j in range(subnets):
        # Node and pod subnets first (/24 and /20 of the VNet /16), then /26s.
        if j == 0:
            newbits, net, cidr = 8, 0, f"10.{root}.0.0/24"
        elif j == 1:
            newbits, net, cidr = 4, 1, f"10.{root}.16.0/20"
        else:
            n = 128 + (j - 2)  # /26s from 10.R.32.0 on
            newbits, net = 10, n
            cidr = f"10.{root}.{n // 4}.{(n % 4) * 64}/26"
        prefix = f"cidrsubnet(local.space, {newbits}, {net})" if computed else f'"{cidr}"'
        endpoints = ", ".join(ENDPOINTS[: j % 4])
        lines.append(f'    "snet-{j:03d}" = {{')
        lines.append(f"      prefix            = {prefix}")
        lines.append(f"      service_endpoints = [{endpoints}]")
        lines.append("    }")
    lines += ["  }", "}", ""]
    lines.append(
        f'''resource "azurerm_resource_group" "this" {{
  name     = "rg-${{local.team}}"
  location = var.location
}}

module "network" {{
  source = "../../../modules/network"

  name                = "vnet-${{local.team}}"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  address_space       = local.space
  subnets             = local.subnets
  tags = {{
    team = local.team
  }}
}}

module "aks" {{
  source = "../../../modules/aks"

  name                = "aks-${{local.team}}"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  node_subnet_id      = module.network.subnet_ids["snet-000"]
  pod_subnet_id       = module.network.subnet_ids["snet-001"]
  system_nodes        = var.system_nodes
  pools = {{
    work = {{ min_count = 2, max_count = 20, max_pods = 30 }}
    batch = {{ min_count = 0, max_count = 10, max_pods = 30 }}
  }}
}}
'''
    )
    return "\n".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--roots", type=int, default=200)
    parser.add_argument("--subnets", type=int, default=100)
    args = parser.parse_args()
    if args.roots > 250 or not 2 <= args.subnets <= 130:
        parser.error("at most 250 roots (one 10.R.0.0/16 each) and 2 to 130 subnets a root")
    write(os.path.join(args.out, "modules/network/main.tf"), NETWORK)
    write(os.path.join(args.out, "modules/aks/main.tf"), AKS)
    write(os.path.join(args.out, "README.md"), "# Generated Terraform monorepo (cniplan benches)\n")
    for r in range(args.roots):
        root = os.path.join(args.out, "live", ENVS[r % len(ENVS)], f"team{r:03d}")
        write(os.path.join(root, "versions.tf"), VERSIONS)
        write(os.path.join(root, "providers.tf"), PROVIDERS)
        write(os.path.join(root, "variables.tf"), VARIABLES)
        write(os.path.join(root, "outputs.tf"), OUTPUTS)
        write(os.path.join(root, "main.tf"), main_tf(r, args.subnets, computed=r % 2 == 0))


if __name__ == "__main__":
    main()
