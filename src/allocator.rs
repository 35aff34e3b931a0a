//! The node agent's pod-IP pool, as a pure core (ACN `cns/ipampool/monitor.go`; the
//! feature article, "Planning IP addressing"). Nothing else in cniplan computes IPs per node.
//!
//! A node joins with one batch; when fewer than `refill` IPs are free it requests the next
//! batch (rounding up to a batch multiple, clamped at max pods, so the top step may be
//! partial: 240 → 250); when `release` or more are free it gives one batch back.

use crate::limits::Allocation;

/// One node's batch settings, after the node agent's clamping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Batching {
    /// IPs per batch: the plan's batch size, clamped to max pods.
    pub batch: u32,
    /// Request the next batch when free IPs fall below this.
    pub refill: u32,
    /// Give a batch back when free IPs reach this.
    pub release: u32,
    pub max_pods: u32,
    /// The node's own IP in the pod subnet (DNS and IMDS SNAT), outside the pool.
    pub primary: u32,
}

impl Batching {
    pub fn new(allocation: &Allocation, max_pods: u32) -> Self {
        let max_pods = max_pods.max(1);
        let batch = allocation.batch_size.clamp(1, max_pods);
        // Thresholds scale with a clamped batch, rounding half up as the agent does:
        // int(batch × percent / 100 + 0.5) (ACN monitor_test.go, TestCalculateIPs).
        // In u128: batch, threshold and batch size may each be near u32::MAX (found by fuzzing).
        let scale = |threshold: u32| {
            let scaled = u128::from(batch) * u128::from(threshold);
            let size = u128::from(allocation.batch_size.max(1));
            u32::try_from((2 * scaled + size) / (2 * size)).unwrap_or(u32::MAX)
        };
        Batching {
            batch,
            refill: scale(allocation.refill_below),
            release: scale(allocation.release_at),
            max_pods,
            primary: allocation.primary_ips_per_node,
        }
    }

    /// Pool IPs (without the primary) a node holds in steady state with `pods` pods,
    /// reached by scaling up (docs/capacity.md):
    /// `min(max_pods, B × max(1, ceil((pods + R) / B)))`.
    pub fn pool_ips(&self, pods: u32) -> u32 {
        let pods = u64::from(pods.min(self.max_pods));
        let b = u64::from(self.batch);
        let batches = (pods + u64::from(self.refill)).div_ceil(b).max(1);
        (b * batches).min(u64::from(self.max_pods)) as u32
    }

    /// Pod-subnet IPs a node takes with `pods` pods: its pool plus its primary IP.
    pub fn ips_per_node(&self, pods: u32) -> u64 {
        u64::from(self.pool_ips(pods)) + u64::from(self.primary)
    }

    /// Pod-subnet IPs a node holds in the agent's subnet-scarcity mode, where batches shrink
    /// to 1 and the pool holds one IP per pod: its pods plus its primary IP (docs/capacity.md,
    /// the hard limit; ACN `cns/ipampool/monitor.go`).
    pub fn scarce_ips_per_node(&self, pods: u32) -> u64 {
        u64::from(pods.min(self.max_pods)) + u64::from(self.primary)
    }
}

/// One node's pod IPs, pod by pod: those allocated to it from the subnet and those assigned
/// to its pods, driven by the agent's reconcile loop (for property tests and for the churn
/// simulation to come). Not a node pool: the plan's `NodePool` is a group of nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeIps {
    pub allocated: u32,
    pub assigned: u32,
}

impl NodeIps {
    /// A node that just joined, reconciled once.
    pub fn join(batching: &Batching) -> Self {
        let mut node = NodeIps {
            allocated: batching.batch,
            assigned: 0,
        };
        node.reconcile(batching);
        node
    }

    pub fn free(&self) -> u32 {
        self.allocated - self.assigned
    }

    /// A pod starts and takes an IP; false when the node is at max pods or holds no free IP
    /// (the pod waits for the next batch).
    pub fn add_pod(&mut self, batching: &Batching) -> bool {
        if self.assigned >= self.allocated {
            return false;
        }
        self.assigned += 1;
        self.reconcile(batching);
        true
    }

    pub fn remove_pod(&mut self, batching: &Batching) {
        self.assigned = self.assigned.saturating_sub(1);
        self.reconcile(batching);
    }

    /// One pass of the pool monitor: scale up below `refill` free, else down at `release`.
    pub fn reconcile(&mut self, b: &Batching) {
        while self.free() < b.refill && self.allocated < b.max_pods {
            let next = (self.allocated / b.batch + 1) * b.batch;
            self.allocated = next.min(b.max_pods);
        }
        while self.free() >= b.release && self.allocated > b.batch {
            // Down to the previous multiple of the batch (a partial top step drops to a multiple).
            let previous = (self.allocated - 1) / b.batch * b.batch;
            if previous < self.assigned {
                break;
            }
            self.allocated = previous;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn defaults(max_pods: u32) -> Batching {
        Batching::new(&Allocation::default(), max_pods)
    }

    #[test]
    fn the_specs_examples() {
        let b = defaults(250);
        assert_eq!((b.batch, b.refill, b.release), (16, 8, 24));
        assert_eq!(b.ips_per_node(250), 251);
        assert_eq!(b.ips_per_node(30), 49);
        assert_eq!(b.ips_per_node(0), 17);
        assert_eq!(defaults(30).ips_per_node(30), 31);
        // The top step is partial: 240 → 250.
        assert_eq!(b.pool_ips(235), 250);
        assert_eq!(b.pool_ips(232), 240);
        // Subnet scarcity: one IP per pod plus the primary, never the batches.
        assert_eq!(b.scarce_ips_per_node(30), 31);
        assert_eq!(b.scarce_ips_per_node(300), 251);
    }

    #[test]
    fn a_batch_larger_than_max_pods_is_clamped_with_its_thresholds() {
        let a = Allocation {
            batch_size: 16,
            refill_below: 8,
            release_at: 24,
            ..Allocation::default()
        };
        let b = Batching::new(&a, 3);
        // ACN TestCalculateIPs: batch 3 → minFree 2, maxFree 5.
        assert_eq!((b.batch, b.refill, b.release), (3, 2, 5));
        assert_eq!(b.pool_ips(0), 3);
        let b = Batching::new(&a, 10);
        assert_eq!((b.batch, b.refill, b.release), (10, 5, 15));
    }

    fn batching() -> impl Strategy<Value = Batching> {
        (1u32..=64, 1u32..=64, 0u32..=64, 1u32..=300, 0u32..=2).prop_map(
            |(batch, refill, extra, max_pods, primary)| {
                // The plan schema's bounds: refill_below >= 1, release_at >= refill_below + batch_size.
                let allocation = Allocation {
                    batch_size: batch,
                    refill_below: refill,
                    release_at: refill + batch + extra,
                    primary_ips_per_node: primary,
                    headroom_warning: 0.8,
                };
                Batching::new(&allocation, max_pods)
            },
        )
    }

    proptest! {
        /// Pods arriving one at a time reach the closed form's steady state exactly.
        #[test]
        fn scaling_up_pod_by_pod_agrees_with_the_closed_form(b in batching(), pods in 0u32..=300) {
            let pods = pods.min(b.max_pods);
            let mut node = NodeIps::join(&b);
            for _ in 0..pods {
                prop_assert!(node.add_pod(&b));
            }
            prop_assert_eq!(node.allocated, b.pool_ips(pods));
        }

        /// Away from the clamps (one batch at the bottom, max pods at the top), free IPs stay
        /// in the hysteresis band [refill, release) whatever pods come and go.
        #[test]
        fn free_ips_stay_in_the_hysteresis_band(b in batching(), moves in proptest::collection::vec(any::<bool>(), 0..600)) {
            let mut node = NodeIps::join(&b);
            for add in moves {
                if add { node.add_pod(&b); } else { node.remove_pod(&b); }
                prop_assert!(node.assigned <= node.allocated && node.allocated <= b.max_pods);
                if node.allocated < b.max_pods {
                    prop_assert!(node.free() >= b.refill, "{node:?} {b:?}");
                }
                if node.allocated > b.batch {
                    prop_assert!(node.free() < b.release, "{node:?} {b:?}");
                }
            }
        }
    }
}
