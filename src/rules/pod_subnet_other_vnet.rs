//! pod-subnet-other-vnet: a pool's pod subnet must be in the VNet of its node subnet
//! (the feature article, FAQ).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        for pool in &cluster.pools {
            let (Some(node), Some(pod), Some(pod_span)) =
                (pool.node_subnet, pool.pod_subnet, pool.pod_subnet_written)
            else {
                continue;
            };
            let (node_vnet, pod_vnet) = (topology.subnets[node].vnet, topology.subnets[pod].vnet);
            if node_vnet == pod_vnet {
                continue;
            }
            let vnet = |v: usize| &topology.vnets[v].name.value;
            out.push(
                Finding::new(
                    Rule::PodSubnetOtherVnet,
                    pod_span,
                    format!(
                        "pool `{}` of cluster `{}` takes pod IPs from VNet `{}` but its nodes live in VNet `{}`",
                        pool.name.value,
                        cluster.name.value,
                        vnet(pod_vnet),
                        vnet(node_vnet)
                    ),
                )
                .help(format!("use a pod subnet of VNet `{}`", vnet(node_vnet)))
                .related(pool.node_subnet_span, "the node subnet"),
            );
        }
    }
}
