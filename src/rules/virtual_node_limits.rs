//! virtual-node-limits: virtual nodes (the ACI connector add-on) as AKS supports them. They
//! only work with Azure CNI, not kubenet (nor a bring-your-own CNI); only Linux pods run on
//! them; and their subnet is a subnet of the cluster's VNet that Azure Container Instances
//! is delegated (AKS docs virtual-nodes.md, "Network requirements" and "Limitations").

use crate::diagnostic::{Finding, Rule};
use crate::limits::VIRTUAL_NODE_DELEGATION;
use crate::plan::model::{NetworkPlugin, OsType};
use crate::topology::{Cluster, Pool, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        // Pods on virtual nodes, or an imported ACI connector whose pod count is unknown.
        let uses_them = |p: &&Pool| p.virtual_node_pods.value > 0 || p.virtual_node_subnet_written.is_some();
        for pool in cluster.pools.iter().filter(uses_them) {
            check_pool(topology, cluster, pool, out);
        }
    }
}

fn check_pool(topology: &Topology, cluster: &Cluster, pool: &Pool, out: &mut Vec<Finding>) {
    let whose = format!("pool `{}` of cluster `{}`", pool.name.value, cluster.name.value);
    let at = match (pool.virtual_node_pods.defaulted, pool.virtual_node_subnet_written) {
        (true, Some(subnet)) => subnet,
        _ => pool.virtual_node_pods.span,
    };
    let plugin = cluster.network_plugin.value;
    if plugin != NetworkPlugin::Azure {
        let plugin_name = match plugin {
            NetworkPlugin::Kubenet => "kubenet",
            _ => "a bring-your-own CNI (network_plugin none)",
        };
        out.push(
            Finding::new(
                Rule::VirtualNodeLimits,
                at,
                format!("{whose} runs pods on virtual nodes, but the cluster uses {plugin_name}; virtual nodes need Azure CNI"),
            )
            .help("use `network_plugin: azure` for this cluster, or move these pods to regular nodes")
            .related(cluster.network_plugin.span, "the cluster's network plugin"),
        );
    }
    if pool.os_type.value == OsType::Windows {
        out.push(
            Finding::new(
                Rule::VirtualNodeLimits,
                at,
                format!("{whose} is a Windows pool; virtual nodes run Linux pods only"),
            )
            .help("run the virtual-node pods from a Linux pool, or set virtual_node_pods to 0 here"),
        );
    }
    let (Some(subnet), Some(written)) = (pool.virtual_node_subnet, pool.virtual_node_subnet_written) else {
        return;
    };
    let s = &topology.subnets[subnet];
    if let Some(node) = pool.node_subnet {
        let (node_vnet, vn_vnet) = (topology.subnets[node].vnet, s.vnet);
        if node_vnet != vn_vnet {
            let vnet = |v: usize| &topology.vnets[v].name.value;
            out.push(
                Finding::new(
                    Rule::VirtualNodeLimits,
                    written,
                    format!(
                        "the virtual-node subnet `{}` of {whose} is in VNet `{}`, but the cluster's nodes live in VNet `{}`",
                        s.name.value,
                        vnet(vn_vnet),
                        vnet(node_vnet)
                    ),
                )
                .help(format!("use a subnet of VNet `{}` for the virtual nodes", vnet(node_vnet)))
                .related(pool.node_subnet_span, "the node subnet"),
            );
        }
    }
    if let Some(delegation) = &s.delegation {
        if !delegation
            .value
            .trim()
            .eq_ignore_ascii_case(VIRTUAL_NODE_DELEGATION)
        {
            out.push(
                Finding::new(
                    Rule::VirtualNodeLimits,
                    delegation.span,
                    format!(
                        "the virtual-node subnet `{}` of {whose} is delegated to `{}`; Azure Container Instances needs it delegated to `{VIRTUAL_NODE_DELEGATION}`",
                        s.name.value,
                        delegation.value.trim()
                    ),
                )
                .help(format!("delegate the subnet to `{VIRTUAL_NODE_DELEGATION}`, or give the virtual nodes a subnet of their own"))
                .related(written, "used for virtual nodes here"),
            );
        }
    }
}
