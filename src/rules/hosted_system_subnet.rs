//! hosted-system-subnet: AKS Automatic's hosted system node pool subnet as the AKS API
//! describes it (ManagedClusterHostedSystemProfile `systemNodeSubnetID`): in the same VNet as
//! the cluster's node subnet and API server subnet ("all three subnet IDs must belong to the
//! same VNet"), for an Automatic cluster only (hosted system pools are "only available in AKS
//! Automatic", aks-automatic-managed-system-node-pools-about.md), and (a warning) no smaller
//! than the /26 AKS creates for it when it makes the subnet itself, since the pool
//! autoscales.

use crate::diagnostic::{Finding, Rule, Severity};
use crate::limits::HOSTED_SYSTEM_SUBNET_PREFIX;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut reported = vec![false; topology.subnets.len()];
    for cluster in &topology.clusters {
        let Some(written) = cluster.system_node_subnet_written else {
            continue;
        };
        let name = &cluster.name.value;
        if cluster.automatic.is_none() {
            out.push(
                Finding::new(
                    Rule::HostedSystemSubnet,
                    written,
                    format!("cluster `{name}` gives a hosted system node pool a subnet, but only AKS Automatic clusters have one"),
                )
                .help("set `sku: Automatic` (the AKS API's sku.name), or remove system_node_subnet"),
            );
        }
        let Some(s) = cluster.system_node_subnet else {
            continue;
        };
        let subnet = &topology.subnets[s];
        let vnet = |v: usize| &topology.vnets[v].name.value;
        let others = cluster
            .api_server_subnet
            .map(|a| ("API server subnet", a))
            .into_iter()
            .chain(
                cluster
                    .pools
                    .iter()
                    .find_map(|p| p.node_subnet)
                    .map(|n| ("node subnet", n)),
            );
        if let Some((what, other)) = others
            .into_iter()
            .find(|(_, o)| topology.subnets[*o].vnet != subnet.vnet)
        {
            let other_vnet = topology.subnets[other].vnet;
            out.push(
                Finding::new(
                    Rule::HostedSystemSubnet,
                    written,
                    format!(
                        "the hosted system pool's subnet `{}` of cluster `{name}` is in VNet `{}`, but its {what} `{}` is in VNet `{}`; AKS needs all three in one VNet",
                        subnet.name.value,
                        vnet(subnet.vnet),
                        topology.subnets[other].name.value,
                        vnet(other_vnet)
                    ),
                )
                .help(format!("use a subnet of VNet `{}` for the hosted system pool", vnet(other_vnet))),
            );
        }
        if std::mem::replace(&mut reported[s], true) {
            continue;
        }
        let Some(cidr) = &subnet.cidr else { continue };
        let prefix = cidr.net().prefix_len();
        if prefix > HOSTED_SYSTEM_SUBNET_PREFIX {
            out.push(
                Finding::new(
                    Rule::HostedSystemSubnet,
                    cidr.span,
                    format!(
                        "hosted system pool subnet `{}` is a /{prefix}, smaller than the /{HOSTED_SYSTEM_SUBNET_PREFIX} AKS creates for it; the pool autoscales",
                        subnet.name.value
                    ),
                )
                .severity(Severity::Warning)
                .help(format!("use a /{HOSTED_SYSTEM_SUBNET_PREFIX} or larger, as AKS does when it makes the subnet"))
                .related(written, format!("cluster `{name}` puts its hosted system nodes here")),
            );
        }
    }
}
