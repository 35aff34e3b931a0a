#!/usr/bin/env python3
"""One root module of many plain resources, for the memory figure of issue 19 ("memory for
any input stays within a small multiple of its size"): by default 35,000 resources in one
`main.tf` of 8.3 MB, under the per-file limit of 8 MiB (`files::MAX_CONFIG_FILE_BYTES`).
One resource group and 100 VNets; every other resource is a subnet that refers to its VNet
and the resource group (`azurerm_virtual_network.vN.name`), with a literal prefix, so that
every subnet reads two other resources' values.

    python3 benches/gen_tf_resources.py OUT_DIR [--resources 35000]
"""

import argparse
import os

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--resources", type=int, default=35000)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    vnets = 100
    subnets = args.resources - vnets - 1
    out = []
    out.append('''resource "azurerm_resource_group" "rg" {
  name     = "rg-network"
  location = "westeurope"
}
''')
    for v in range(vnets):
        out.append(f'''
resource "azurerm_virtual_network" "v{v}" {{
  name                = "vnet-{v:03d}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  address_space       = ["10.{v}.0.0/16"]
}}
''')
    for s in range(subnets):
        v = s % vnets
        i = s // vnets
        out.append(f'''
resource "azurerm_subnet" "s{s}" {{
  name                 = "snet-{v:03d}-{i:04d}"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.v{v}.name
  address_prefixes     = ["10.{v}.{i % 256}.{(i // 256) * 16 % 256}/28"]
}}
''')
    with open(os.path.join(args.out, "main.tf"), "w") as f:
        f.write("".join(out))

if __name__ == "__main__":
    main()
