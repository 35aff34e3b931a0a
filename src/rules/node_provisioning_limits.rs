//! node-provisioning-limits: node auto-provisioning (Karpenter on AKS) in the networks it
//! supports. NAP works with Azure CNI Overlay and Azure CNI node subnet (either with the
//! Cilium dataplane), not with kubenet, a pod subnet (dynamic IP allocation) or Calico network
//! policy (AKS docs node-auto-provisioning-networking.md, "Supported networking
//! configurations for NAP").

use crate::diagnostic::{Finding, Rule, Span};
use crate::plan::model::{NetworkPlugin, NetworkPolicy};
use crate::topology::{Cluster, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        let Some(first) = cluster.pools.iter().find(|p| p.provisioned) else {
            continue;
        };
        if let Some((why, at, help)) = unsupported(cluster) {
            out.push(
                Finding::new(
                    Rule::NodeProvisioningLimits,
                    first.name.span,
                    format!(
                        "cluster `{}` provisions nodes automatically (pool `{}`), but {why}, which node auto-provisioning does not support",
                        cluster.name.value, first.name.value
                    ),
                )
                .help(help)
                .related(at, "set here"),
            );
        }
    }
}

/// The first setting of the cluster NAP refuses: where it is, and what to do.
fn unsupported(cluster: &Cluster) -> Option<(String, Span, &'static str)> {
    if cluster.network_plugin.value == NetworkPlugin::Kubenet {
        return Some((
            "it uses kubenet".into(),
            cluster.network_plugin.span,
            "use Azure CNI Overlay (`network_plugin: azure`, `network_plugin_mode: overlay`), the network NAP is made for",
        ));
    }
    let pod_subnet = cluster
        .pools
        .iter()
        .find_map(|p| p.pod_subnet_written.filter(|_| p.mode.uses_pod_subnet()));
    if let Some(at) = pod_subnet {
        return Some((
            "its pools take pod IPs from a pod subnet".into(),
            at,
            "use Azure CNI Overlay, or Azure CNI without pod subnets, for a cluster with auto-provisioned nodes",
        ));
    }
    if cluster.network_policy.value == NetworkPolicy::Calico {
        return Some((
            "it uses Calico network policy".into(),
            cluster.network_policy.span,
            "use `network_policy: cilium` with `network_dataplane: cilium`, or no network policy",
        ));
    }
    None
}
