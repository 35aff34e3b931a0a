//! network-policy-limits: Azure Network Policy Manager scales to 250 nodes and 20,000 pods;
//! beyond that it may run out of memory (AKS docs use-network-policies.md, Azure Network
//! Policy Manager limitations; best-practices-performance-scale-large.md). It retires on
//! Windows on 30 September 2026 and on Linux on 30 September 2028 (AKS docs includes/
//! azure-network-policy-manager-{windows,linux}-retirement.md).

use super::scale::ClusterScale;
use crate::diagnostic::{Finding, Rule};
use crate::limits::{NETWORK_POLICY_MANAGER_MAX_NODES, NETWORK_POLICY_MANAGER_MAX_PODS};
use crate::numbers::thousands;
use crate::plan::model::NetworkPolicy;
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    if cluster.network_policy.value == NetworkPolicy::Azure {
        let scale = ClusterScale::of(cluster);
        let mut over = Vec::new();
        if scale.peak_nodes() > NETWORK_POLICY_MANAGER_MAX_NODES {
            over.push(format!(
                "{} nodes with the upgrade surge (NPM supports {NETWORK_POLICY_MANAGER_MAX_NODES})",
                thousands(scale.peak_nodes())
            ));
        }
        if scale.pods > NETWORK_POLICY_MANAGER_MAX_PODS {
            over.push(format!(
                "{} pods (NPM supports {})",
                thousands(scale.pods),
                thousands(NETWORK_POLICY_MANAGER_MAX_PODS)
            ));
        }
        if over.is_empty() {
            return;
        }
        out.push(
            Finding::new(
                Rule::NetworkPolicyLimits,
                cluster.network_policy.span,
                format!(
                    "cluster `{}` uses Azure Network Policy Manager (NPM) and can reach {}; past \
                     those limits AKS does not support NPM, which may run out of memory",
                    cluster.name.value,
                    over.join(" and ")
                ),
            )
            .help(
                "move to Cilium network policy (`network_dataplane: cilium`, `network_policy: \
                 cilium`; no such node limit), or keep the cluster within the limits; NPM itself \
                 retires on Windows nodes on 30 September 2026 and on Linux nodes on 30 September 2028",
            ),
        );
    }
}
