#!/usr/bin/env python3
"""A Terraform plan JSON (`terraform show -json` shape, format 1.2) of a large AKS estate,
for the speed benchmark of issue 11: by default 1,000 clusters, 1,000 VNets and 20,000
subnets.

The estate is a `team` module called with for_each, one instance per team: a VNet, N subnets
(count), an AKS cluster (node subnet s[0], pod subnet s[1]) and one more node pool
(s[2], s[3]). Values appear twice, as Terraform writes them: in planned_values and in
resource_changes (with after_unknown), and the configuration holds the module once. The
attributes are those azurerm 4.x plans carry, so the parse sees realistic text, not only
what cniplan reads. Written on one line, as Terraform writes it.

    python3 benches/gen_tfplan.py [--teams 1000] [--subnets 20] > estate.tfplan.json
"""

import argparse
import json
import sys

PROVIDER = "registry.terraform.io/hashicorp/azurerm"


def base(i):
    """VNet i's /20: 10.0.0.0/20, 10.0.16.0/20, … (1,024 VNets fit in 10.0.0.0/10)."""
    return (10 << 24) + i * 4096


def ip(n):
    return ".".join(str((n >> s) & 255) for s in (24, 16, 8, 0))


def subnet_cidr(i, j):
    """Node subnets s0 and s2 are /24s, pod subnets s1 and s3 /22s, the rest /27s."""
    offset, prefix = {0: (0, 24), 2: (256, 24), 1: (1024, 22), 3: (2048, 22)}.get(j, (512 + (j - 4) * 32, 27))
    return f"{ip(base(i) + offset)}/{prefix}"


def subnet_values(team, i, j):
    return {
        "address_prefixes": [subnet_cidr(i, j)],
        "default_outbound_access_enabled": True,
        "delegation": [],
        "name": f"snet-{j:02d}",
        "private_endpoint_network_policies": "Disabled",
        "private_link_service_network_policies_enabled": True,
        "resource_group_name": f"rg-{team}",
        "service_endpoint_policy_ids": None,
        "service_endpoints": None,
        "timeouts": None,
        "virtual_network_name": f"vnet-{team}",
    }


def vnet_values(team, i):
    return {
        "address_space": [f"{ip(base(i))}/20"],
        "bgp_community": None,
        "ddos_protection_plan": [],
        "dns_servers": [],
        "edge_zone": None,
        "encryption": [],
        "flow_timeout_in_minutes": None,
        "location": "westeurope",
        "name": f"vnet-{team}",
        "resource_group_name": f"rg-{team}",
        "tags": {"team": team, "env": "prod"},
        "timeouts": None,
    }


def pool_block(name, count):
    return {
        "auto_scaling_enabled": True,
        "capacity_reservation_group_id": None,
        "fips_enabled": None,
        "gpu_instance": None,
        "host_encryption_enabled": None,
        "kubelet_config": [],
        "linux_os_config": [],
        "max_count": count,
        "max_pods": 30,
        "min_count": 1,
        "mode": "User",
        "name": name,
        "node_labels": None,
        "node_public_ip_enabled": False,
        "only_critical_addons_enabled": None,
        "os_disk_size_gb": 128,
        "os_disk_type": "Managed",
        "os_sku": "Ubuntu",
        "os_type": "Linux",
        "priority": "Regular",
        "proximity_placement_group_id": None,
        "scale_down_mode": "Delete",
        "tags": None,
        "temporary_name_for_rotation": None,
        "ultra_ssd_enabled": False,
        "upgrade_settings": [{"drain_timeout_in_minutes": 0, "max_surge": "10%", "node_soak_duration_in_minutes": 0}],
        "vm_size": "Standard_D4s_v5",
        "workload_runtime": None,
        "zones": ["1", "2", "3"],
    }


def cluster_values(team):
    pool = pool_block("system", 5)
    pool.pop("mode")
    pool.pop("os_type")
    return {
        "aci_connector_linux": [],
        "api_server_access_profile": [],
        "automatic_upgrade_channel": None,
        "azure_active_directory_role_based_access_control": [],
        "azure_policy_enabled": None,
        "default_node_pool": [pool],
        "disk_encryption_set_id": None,
        "dns_prefix": f"aks-{team}",
        "identity": [{"identity_ids": None, "type": "SystemAssigned"}],
        "image_cleaner_enabled": None,
        "kubernetes_version": "1.33",
        "local_account_disabled": None,
        "location": "westeurope",
        "maintenance_window": [],
        "name": f"aks-{team}",
        "network_profile": [{
            "dns_service_ip": "172.16.0.10",
            "ip_versions": None,
            "load_balancer_sku": "standard",
            "network_data_plane": "azure",
            "network_mode": None,
            "network_plugin": "azure",
            "network_plugin_mode": None,
            "network_policy": None,
            "outbound_type": "loadBalancer",
            "service_cidr": "172.16.0.0/16",
        }],
        "oidc_issuer_enabled": None,
        "private_cluster_enabled": False,
        "resource_group_name": f"rg-{team}",
        "role_based_access_control_enabled": True,
        "sku_tier": "Standard",
        "tags": {"team": team, "env": "prod"},
        "timeouts": None,
    }


def unknown_cluster():
    return {
        "default_node_pool": [{"kubelet_disk_type": True, "node_count": True, "orchestrator_version": True,
                               "pod_subnet_id": True, "vnet_subnet_id": True, "upgrade_settings": [{}], "zones": [False, False, False]}],
        "fqdn": True, "id": True, "identity": [{"principal_id": True, "tenant_id": True}],
        "kube_config": True, "kube_config_raw": True, "kubelet_identity": True,
        "network_profile": [{"load_balancer_profile": True, "pod_cidr": True, "pod_cidrs": True, "service_cidrs": True}],
        "node_resource_group": True, "portal_fqdn": True, "private_fqdn": True, "tags": {},
    }


def resource(address, module, kind, name, index, values):
    r = {"address": address, "mode": "managed", "type": kind, "name": name}
    if index is not None:
        r["index"] = index
    r.update({"provider_name": PROVIDER, "schema_version": 0, "values": values, "sensitive_values": {}})
    return r


def change(address, module, kind, name, index, after, unknown):
    r = {"address": address, "module_address": module, "mode": "managed", "type": kind, "name": name}
    if index is not None:
        r["index"] = index
    r.update({"provider_name": PROVIDER,
              "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": unknown,
                         "before_sensitive": False, "after_sensitive": {}}})
    return r


def ref(*refs):
    return {"references": list(refs)}


def const(v):
    return {"constant_value": v}


def configuration(subnets):
    module = {
        "resources": [
            {"address": "azurerm_virtual_network.this", "mode": "managed", "type": "azurerm_virtual_network",
             "name": "this", "provider_config_key": "azurerm",
             "expressions": {"address_space": ref("var.address_space"), "location": const("westeurope"),
                             "name": ref("var.team"), "resource_group_name": ref("var.resource_group_name")},
             "schema_version": 0},
            {"address": "azurerm_subnet.s", "mode": "managed", "type": "azurerm_subnet", "name": "s",
             "provider_config_key": "azurerm",
             "expressions": {"address_prefixes": ref("var.address_space", "count.index"), "name": ref("count.index"),
                             "resource_group_name": ref("var.resource_group_name"),
                             "virtual_network_name": ref("azurerm_virtual_network.this.name", "azurerm_virtual_network.this")},
             "schema_version": 0, "count_expression": const(subnets)},
            {"address": "azurerm_kubernetes_cluster.this", "mode": "managed", "type": "azurerm_kubernetes_cluster",
             "name": "this", "provider_config_key": "azurerm",
             "expressions": {
                 "default_node_pool": [{"name": const("system"), "max_count": const(5), "min_count": const(1),
                                        "max_pods": const(30), "auto_scaling_enabled": const(True),
                                        "vnet_subnet_id": ref("azurerm_subnet.s[0].id", "azurerm_subnet.s[0]", "azurerm_subnet.s"),
                                        "pod_subnet_id": ref("azurerm_subnet.s[1].id", "azurerm_subnet.s[1]", "azurerm_subnet.s"),
                                        "upgrade_settings": [{"max_surge": const("10%")}]}],
                 "dns_prefix": ref("var.team"), "name": ref("var.team"),
                 "network_profile": [{"network_plugin": const("azure"), "service_cidr": const("172.16.0.0/16"),
                                      "dns_service_ip": const("172.16.0.10")}],
                 "resource_group_name": ref("var.resource_group_name")},
             "schema_version": 2},
            {"address": "azurerm_kubernetes_cluster_node_pool.user", "mode": "managed",
             "type": "azurerm_kubernetes_cluster_node_pool", "name": "user", "provider_config_key": "azurerm",
             "expressions": {"kubernetes_cluster_id": ref("azurerm_kubernetes_cluster.this.id", "azurerm_kubernetes_cluster.this"),
                             "name": const("user"), "max_count": const(20), "min_count": const(1), "max_pods": const(30),
                             "vnet_subnet_id": ref("azurerm_subnet.s[2].id", "azurerm_subnet.s[2]", "azurerm_subnet.s"),
                             "pod_subnet_id": ref("azurerm_subnet.s[3].id", "azurerm_subnet.s[3]", "azurerm_subnet.s")},
             "schema_version": 1},
        ],
        "variables": {"address_space": {}, "resource_group_name": {}, "team": {}},
    }
    return {"provider_config": {"azurerm": {"name": "azurerm", "full_name": PROVIDER, "version_constraint": "~> 4.0"}},
            "root_module": {"module_calls": {"team": {
                "source": "./modules/team", "for_each_expression": ref("local.teams"),
                "expressions": {"address_space": ref("each.value.address_space"),
                                "resource_group_name": ref("each.value.resource_group_name"),
                                "team": ref("each.key")},
                "module": module}}}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=1000, help="clusters and VNets (one each per team)")
    parser.add_argument("--subnets", type=int, default=20, help="subnets per VNet (4 to 20)")
    args = parser.parse_args()
    subnets = min(20, max(4, args.subnets))
    planned, changes = [], []
    for i in range(args.teams):
        team = f"t{i:04d}"
        module = f'module.team["{team}"]'
        children = []
        entries = [(f"{module}.azurerm_virtual_network.this", "azurerm_virtual_network", "this", None,
                    vnet_values(team, i), {"id": True, "guid": True, "subnet": True, "tags": {}})]
        for j in range(subnets):
            entries.append((f"{module}.azurerm_subnet.s[{j}]", "azurerm_subnet", "s", j,
                            subnet_values(team, i, j), {"address_prefixes": [False], "delegation": [], "id": True}))
        entries.append((f"{module}.azurerm_kubernetes_cluster.this", "azurerm_kubernetes_cluster", "this", None,
                        cluster_values(team), unknown_cluster()))
        pool = pool_block("user", 20)
        entries.append((f"{module}.azurerm_kubernetes_cluster_node_pool.user", "azurerm_kubernetes_cluster_node_pool",
                        "user", None, pool,
                        {"id": True, "kubernetes_cluster_id": True, "vnet_subnet_id": True, "pod_subnet_id": True,
                         "node_count": True, "orchestrator_version": True, "upgrade_settings": [{}], "zones": [False, False, False]}))
        for address, kind, name, index, values, unknown in entries:
            children.append(resource(address, module, kind, name, index, values))
            changes.append(change(address, module, kind, name, index, values, unknown))
        planned.append({"resources": children, "address": module})
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"child_modules": planned}},
        "resource_changes": changes,
        "configuration": configuration(subnets),
        "timestamp": "2026-12-01T12:00:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }
    json.dump(plan, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
