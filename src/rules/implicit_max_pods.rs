//! implicit-max-pods: a pool that leaves max_pods unset is sized at its mode's default
//! ([`Mode::default_max_pods`]), and for the pod subnet modes AKS's own pages give two
//! defaults (configure-azure-cni-dynamic-ip-allocation.md: 250;
//! concepts-network-ip-address-planning.md, "Maximum pods per node": 110).

use crate::diagnostic::{Finding, Rule};
use crate::limits::DEFAULT_MAX_PODS_POD_SUBNET_IP_PLANNING;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    // An imported cluster's reader already says what it assumed (`assumed-value`), naming
    // the resource; this rule speaks to a plan's author.
    for cluster in topology.clusters.iter().filter(|c| c.origin.is_none()) {
        for pool in cluster.pools.iter().filter(|p| p.max_pods.defaulted) {
            let (assumed, why) = pool.mode.default_max_pods();
            let whose = format!("pool `{}` of cluster `{}`", pool.name.value, cluster.name.value);
            let (message, help) = if pool.mode.uses_pod_subnet() {
                let planning_page = DEFAULT_MAX_PODS_POD_SUBNET_IP_PLANNING;
                (
                    format!(
                        "{whose} leaves max_pods unset; cniplan assumes {assumed} for {}, the default in the \
                         feature article (configure-azure-cni-dynamic-ip-allocation.md), but AKS's pages disagree: \
                         concepts-network-ip-address-planning.md gives {planning_page} for the pod subnet modes; \
                         the capacity figures assume {assumed}",
                        pool.mode.title()
                    ),
                    format!(
                        "set max_pods to decide (`--max-pods` at `az aks create` or `az aks nodepool add`): \
                         {assumed} sizes for the most pods, {planning_page} if that is what the cluster gets"
                    ),
                )
            } else {
                (
                    format!(
                        "{whose} leaves max_pods unset; cniplan assumes {assumed}, {why}"
                    ),
                    "set max_pods to the value the deployment passes (`--max-pods`), so the figures follow it"
                        .to_string(),
                )
            };
            out.push(Finding::new(Rule::ImplicitMaxPods, pool.name.span, message).help(help));
        }
    }
}
