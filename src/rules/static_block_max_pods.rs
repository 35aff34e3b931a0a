//! static-block-max-pods: a static-block node holds whole /28 blocks for max_pods plus its own
//! IP, so only `max_pods = 16N - 1` leaves nothing of its last block unused (AKS docs
//! concepts-network-azure-cni-pod-subnet.md, "Static block allocation mode" › "Plan IP addressing").

use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::{Finding, Rule};
use crate::limits::{MAX_PODS_MAX, MAX_PODS_MIN, STATIC_BLOCK_SIZE};
use crate::mode::Mode;
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    // Each pool has one pod subnet, so it appears in exactly one pod row.
    let uses = capacity
        .iter()
        .filter(|c| c.role == Role::Pod)
        .flat_map(|c| &c.uses)
        .filter(|u| u.mode == Mode::StaticBlock);
    for u in uses {
        let cluster = &topology.clusters[u.cluster];
        let Some(pool) = u.pool_of(topology) else {
            continue;
        };
        let max_pods = pool.max_pods.value;
        // max-pods-range reports a max_pods AKS refuses; its blocks mean nothing.
        if !(MAX_PODS_MIN..=MAX_PODS_MAX).contains(&max_pods) {
            continue;
        }
        let Some(waste) = Waste::of(max_pods, u.ips_per_node) else {
            continue;
        };
        let peak_nodes = u.full_scale_nodes.saturating_add(u.surge_nodes);
        let message = format!(
            "pool `{}` of cluster `{}` has max_pods {max_pods}: each node holds {} ({} pod-subnet IPs) \
             for {} IPs ({max_pods} pods and the node's own), leaving {} of its last block unused: {} per node, \
             {} at peak ({} nodes)",
            pool.name.value,
            cluster.name.value,
            count(waste.blocks, "/28 block"),
            u.ips_per_node,
            u64::from(max_pods) + 1,
            count(waste.per_node, "IP"),
            waste.per_node,
            thousands(waste.per_node.saturating_mul(peak_nodes)),
            thousands(peak_nodes),
        );
        out.push(Finding::new(Rule::StaticBlockMaxPods, pool.max_pods.span, message).help(waste.help()));
    }
}

/// "1 IP", "5 IPs"; "1 block", "7 blocks".
fn count(n: u64, one: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        _ => format!("{n} {one}s"),
    }
}

/// The unused IPs of a node's blocks, and the `16N - 1` values on either side.
#[derive(Debug, PartialEq, Eq)]
struct Waste {
    blocks: u64,
    per_node: u64,
    /// The same blocks, every IP used: the next `16N - 1`, when AKS accepts it.
    same_blocks: Option<u64>,
    /// One block fewer, every IP used: the previous `16N - 1`, when AKS accepts it.
    fewer_blocks: Option<u64>,
}

impl Waste {
    /// `None` when `max_pods + 1` fills the node's blocks exactly.
    fn of(max_pods: u32, ips_per_node: u64) -> Option<Waste> {
        let needed = u64::from(max_pods) + 1;
        let per_node = ips_per_node.checked_sub(needed).filter(|&w| w > 0)?;
        let accepted = |m: u64| (u64::from(MAX_PODS_MIN)..=u64::from(MAX_PODS_MAX)).contains(&m);
        Some(Waste {
            blocks: ips_per_node / STATIC_BLOCK_SIZE,
            per_node,
            same_blocks: Some(ips_per_node - 1).filter(|&m| accepted(m)),
            fewer_blocks: ips_per_node
                .checked_sub(STATIC_BLOCK_SIZE + 1)
                .filter(|&m| accepted(m)),
        })
    }

    fn help(&self) -> String {
        let mut options = Vec::new();
        if let Some(m) = self.same_blocks {
            options.push(format!(
                "{m} ({}, the same {} IPs, none unused)",
                count(self.blocks, "block"),
                m + 1
            ));
        }
        if let Some(m) = self.fewer_blocks {
            options.push(format!(
                "{m} ({}, {} IPs per node)",
                count(self.blocks - 1, "block"),
                m + 1
            ));
        }
        match options.as_slice() {
            [] => "set max_pods to 16N - 1 for some N".to_string(),
            _ => format!("set max_pods to {}", options.join(" or ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Waste;
    use crate::mode::static_blocks;

    fn waste(max_pods: u32) -> Option<Waste> {
        Waste::of(max_pods, static_blocks(max_pods))
    }

    #[test]
    fn only_16n_minus_1_fills_the_blocks() {
        for fits in [15, 31, 111, 239] {
            assert_eq!(waste(fits), None, "{fits}");
        }
        // The docs' examples: 30 → 2 blocks, 1 IP unused; 32 → 3 blocks, 15 unused.
        let w = waste(30).unwrap();
        assert_eq!((w.blocks, w.per_node), (2, 1));
        assert_eq!((w.same_blocks, w.fewer_blocks), (Some(31), Some(15)));
        let w = waste(32).unwrap();
        assert_eq!((w.blocks, w.per_node), (3, 15));
        let w = waste(110).unwrap();
        assert_eq!(
            (w.blocks, w.per_node, w.same_blocks, w.fewer_blocks),
            (7, 1, Some(111), Some(95))
        );
        assert_eq!(
            w.help(),
            "set max_pods to 111 (7 blocks, the same 112 IPs, none unused) or 95 (6 blocks, 96 IPs per node)"
        );
    }

    #[test]
    fn suggestions_stay_within_what_aks_accepts() {
        // 250 → 16 blocks (256 IPs): 255 is above AKS's 250, so only 239 is offered.
        let w = waste(250).unwrap();
        assert_eq!((w.per_node, w.same_blocks, w.fewer_blocks), (5, None, Some(239)));
        // 10 → 1 block: no smaller 16N - 1 of 10 or more.
        let w = waste(10).unwrap();
        assert_eq!((w.per_node, w.same_blocks, w.fewer_blocks), (5, Some(15), None));
    }
}
