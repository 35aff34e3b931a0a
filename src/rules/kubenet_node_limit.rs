//! kubenet-node-limit: kubenet routes each node's /24 through one user-defined route, and a
//! route table holds 400 (AKS docs configure-kubenet.md, Overview of kubenet networking).
//! AKS checks it at create and, asking for fewer than 400 nodes, at upgrade (AKS changelog
//! 2023-06-25 and 2023-09-10). A surge node needs its route too, so the surge counts.

use super::scale::ClusterScale;
use crate::diagnostic::{Finding, Rule};
use crate::limits::KUBENET_MAX_NODES;
use crate::numbers::thousands;
use crate::plan::model::NetworkPlugin;
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    if cluster.network_plugin.value == NetworkPlugin::Kubenet {
        let scale = ClusterScale::of(cluster);
        if scale.peak_nodes() <= KUBENET_MAX_NODES {
            return;
        }
        // Point at the count to lower: the largest pool's max_count or node_count.
        let Some(largest) = scale.largest_pool.map(|p| &cluster.pools[p]) else {
            return;
        };
        let message = if scale.full_scale_nodes > KUBENET_MAX_NODES {
            format!(
                "kubenet cluster `{}` scales to {} nodes; AKS refuses to create a kubenet cluster of \
                 more than {KUBENET_MAX_NODES}: each node takes one route, and a route table holds \
                 {KUBENET_MAX_NODES}",
                cluster.name.value,
                thousands(scale.full_scale_nodes)
            )
        } else {
            format!(
                "kubenet cluster `{}` scales to {} nodes, and to {} while a pool upgrades with its \
                 surge nodes: each node takes one route, a route table holds {KUBENET_MAX_NODES}, \
                 and AKS upgrades a kubenet cluster only below {KUBENET_MAX_NODES} nodes",
                cluster.name.value,
                thousands(scale.full_scale_nodes),
                thousands(scale.peak_nodes())
            )
        };
        out.push(
            Finding::new(Rule::KubenetNodeLimit, largest.full_scale_nodes.span, message)
                .help(format!(
                    "keep the pools' max_count plus the largest max_surge at {KUBENET_MAX_NODES} or \
                 below, or migrate to Azure CNI Overlay (up to 5,000 nodes, no route table)"
                ))
                .related(cluster.network_plugin.span, "kubenet is chosen here"),
        );
    }
}
