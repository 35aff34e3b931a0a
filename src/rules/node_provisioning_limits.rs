//! node-provisioning-limits: node auto-provisioning (Karpenter on AKS) in the networks it
//! supports. NAP works with Azure CNI Overlay and Azure CNI node subnet (either with the
//! Cilium dataplane), not with kubenet, a pod subnet (dynamic IP allocation) or Calico network
//! policy (AKS docs node-auto-provisioning-networking.md, "Supported networking
//! configurations for NAP"); and beside it a cluster keeps fixed-size pools only (the AKS
//! API's NodeProvisioningMode: "autoscaling Node Pools cannot be" created). A warning: a
//! provisioned pool without a bound (a Karpenter NodePool without `limits`), whose subnet
//! demand nothing caps (Karpenter docs, NodePool `spec.limits`: without them it provisions
//! without bound).

use crate::diagnostic::{Finding, Rule, Severity, Span};
use crate::plan::model::{NetworkPlugin, NetworkPolicy};
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    {
        unbounded(cluster, out);
        let Some(on) = cluster.node_provisioning else {
            return;
        };
        let how = match cluster.pools.iter().find(|p| p.provisioned) {
            Some(first) => format!("pool `{}`", first.name.value),
            None => "node provisioning mode Auto".to_string(),
        };
        if let Some((why, at, help)) = unsupported(cluster) {
            out.push(
                Finding::new(
                    Rule::NodeProvisioningLimits,
                    on,
                    format!(
                        "cluster `{}` provisions nodes automatically ({how}), but {why}, which node auto-provisioning does not support",
                        cluster.name.value
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
    // With node provisioning mode Auto, "fixed size node pools can still be created, but
    // autoscaling node pools cannot be" (the AKS API's NodeProvisioningMode).
    if let Some(pool) = cluster.pools.iter().find(|p| !p.provisioned && p.autoscaling) {
        return Some((
            format!(
                "its pool `{}` autoscales (min_count and max_count)",
                pool.name.value
            ),
            pool.full_scale_nodes.span,
            "give the pool a fixed node_count: with node auto-provisioning, Karpenter adds the nodes",
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

/// Each provisioned pool without a bound: a NodePool without `limits` (or a plan's
/// `provisioned_pools` entry without `max_nodes`) lets Karpenter add nodes until the subnet
/// or the quota runs out, so no scenario can size its subnet.
fn unbounded(cluster: &Cluster, out: &mut Vec<Finding>) {
    for pool in cluster
        .pools
        .iter()
        .filter(|p| p.provisioned && p.full_scale_nodes.defaulted)
    {
        out.push(
            Finding::new(
                Rule::NodeProvisioningLimits,
                pool.name.span,
                format!(
                    "provisioned pool `{}` of cluster `{}` has no limits: Karpenter adds nodes until its subnet runs out, so its subnet demand is unbounded and its nodes are not counted",
                    pool.name.value, cluster.name.value
                ),
            )
            .severity(Severity::Warning)
            .help("set the NodePool's `spec.limits` (cpu, memory), or `max_nodes` on a plan's provisioned pool, so that its nodes have a bound the subnet can be sized for"),
        );
    }
}
