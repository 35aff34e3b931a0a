//! node-subnet-exhausted: the scenario runs a node subnet out of IPs — in traditional mode
//! the node and its max_pods pod IPs. Before that, AKS refuses to deploy a traditional cluster
//! whose node subnet cannot hold every pool at its max_count (or node_count) with
//! max_pods + 1 IPs per node: `InsufficientSubnetSize`, "Pre-allocated IPs N exceeds IPs
//! available M" (Support article insufficientsubnetsize-error-advanced-networking.md;
//! Azure/AKS#1795).

use super::exhaustion;
use super::free_range::SubnetPlaces;
use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::mode::Mode;
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for c in capacity
        .iter()
        .filter(|c| matches!(c.role, Role::Node | Role::NodePod))
    {
        // AKS counts every pool at full scale, which the scenario reaches before its surge:
        // a subnet AKS refuses always runs out in the scenario too, so the sentence always
        // has a finding to join.
        let Some(e) = &c.exhaustion else { continue };
        let finding = exhaustion::finding(
            Rule::NodeSubnetExhausted,
            "node subnet",
            topology,
            c,
            e,
            &mut places,
        );
        out.extend(finding.map(|mut f| {
            if let Some(sentence) = deploy_refusal(c) {
                f.message.push_str(&sentence);
            }
            f
        }));
    }
}

/// The sentence for a traditional node subnet that AKS refuses at deploy time, if it does.
fn deploy_refusal(c: &RangeCapacity) -> Option<String> {
    let pre_allocated = pre_allocated_ips(c);
    (pre_allocated > c.usable).then(|| {
        format!(
            ". AKS refuses the deploy with InsufficientSubnetSize: pre-allocated IPs {} exceed the {} available \
             (every pool at its max_count or node_count, max_pods + 1 IPs per node)",
            thousands(pre_allocated),
            thousands(c.usable)
        )
    })
}

/// What AKS pre-allocates in a node subnet before it deploys traditional Azure CNI pools:
/// each pool at full scale (max_count when autoscaling, else node_count) × (max_pods + 1),
/// surge nodes not included. Pools of other modes are not counted.
fn pre_allocated_ips(c: &RangeCapacity) -> u64 {
    c.uses
        .iter()
        .filter(|u| u.mode == Mode::Traditional)
        .map(|u| u.full_scale_nodes.saturating_mul(u.ips_per_node))
        .fold(0, u64::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity::{PoolUse, Range};

    fn pool_use(mode: Mode, nodes: u64, ips_per_node: u64) -> PoolUse {
        PoolUse {
            cluster: 0,
            pool: Some(0),
            role: Role::NodePod,
            mode,
            ips_per_node,
            stranded_per_node: 0,
            pods_per_node: 0,
            baseline_nodes: 1,
            full_scale_nodes: nodes,
            surge_nodes: 1,
        }
    }

    #[test]
    fn aks_counts_traditional_pools_at_full_scale_without_surge() {
        // 3 × 31 + 10 × 51 = 603 traditional; the overlay pool's 5 nodes are not counted.
        let c = RangeCapacity {
            range: Range::Subnet(0),
            role: Role::NodePod,
            usable: 251,
            uses: vec![
                pool_use(Mode::Traditional, 3, 31),
                pool_use(Mode::Traditional, 10, 51),
                pool_use(Mode::Overlay, 5, 1),
            ],
            baseline_demand: 0,
            peak_demand: 0,
            exhaustion: None,
        };
        assert_eq!(pre_allocated_ips(&c), 603);
        assert_eq!(
            deploy_refusal(&c).as_deref(),
            Some(
                ". AKS refuses the deploy with InsufficientSubnetSize: pre-allocated IPs 603 exceed the 251 \
                 available (every pool at its max_count or node_count, max_pods + 1 IPs per node)"
            )
        );
        assert_eq!(deploy_refusal(&RangeCapacity { usable: 603, ..c }), None);
    }
}
