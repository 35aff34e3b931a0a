//! The node agent's pod-IP pool, as a pure core (ACN `cns/ipampool/monitor.go`; the
//! feature article, "Planning IP addressing"). Nothing else in cniplan computes IPs per node.
//!
//! A node joins with one batch; when fewer than `refill` IPs are free it requests the next
//! batch (rounding up to a batch multiple, clamped at max pods, so the top step may be
//! partial: 240 → 250); when `release` or more are free it gives one batch back.
//!
//! [`NodeIps`] follows a node pod by pod ([`NodeIps::add_pod`], [`NodeIps::remove_pod`]: the
//! reference). Where the thresholds make a node's allocation a function of its pod count
//! ([`Batching::counts_by_pods`], the defaults among them), [`NodeIps::move_to`] takes a node
//! from one pod count to another in one step, with the same result, and
//! [`NodeIps::add_by_counts`] and [`NodeIps::remove_by_counts`] move it by one pod without the
//! reconcile loop.

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

    /// Whether a node's allocation is a function of its pod count, up to one bit near max
    /// pods, so that [`NodeIps::move_to`] can move it between pod counts in one step: when
    /// the band between refill and release is one batch wide, `release == refill + batch`
    /// (the defaults 16/8/24; a plan whose `release_at - refill_below` is its `batch_size`
    /// keeps it for every max pods, since the thresholds scale with the batch).
    ///
    /// Why. Write `B`, `R`, `L`, `M` for batch, refill, release and max pods, `p` for the
    /// assigned pods, `a` for the allocated IPs, and `f(p) = min(M, B·max(1, ⌈(p + R)/B⌉))`
    /// ([`Batching::pool_ips`]): the smallest multiple of `B` (at least one) that leaves `R`
    /// free, clamped at `M`. `a` is always a multiple of `B` or `M`: a node joins with `B`,
    /// a refill rounds up to the next multiple (clamped at `M`), a release goes down to the
    /// previous one.
    ///
    /// 1. *After any add, `a' = max(a, f(p'))`* (for any `L ≥ R + B`). If `a − p' ≥ R` or
    ///    `a = M`, nothing is refilled and `a ≥ f(p')`. Otherwise the refill climbs the
    ///    multiples above `a` and stops at the first with `R` free, `f(p')`. Nothing is
    ///    released after: a refill leaves less than `R + B ≤ L` free, and without one fewer
    ///    IPs are free than in the settled state before.
    /// 2. *After any removal, with `L = R + B`, `a' = f(p')`, except `a' = M` when `a = M`
    ///    and `M − p' < L`.* A release from a multiple `kB` happens while
    ///    `kB − p' ≥ R + B`, that is while `(k − 1)B ≥ p' + R`, so the releases stop at the
    ///    smallest multiple with `R` free, `f(p')` (never below one batch). From a partial top
    ///    step `M = mB + r` the first release needs `M − p' ≥ L`; after it the same holds from
    ///    `mB`.
    /// 3. Hence, by induction from a node that joined (`a = f(0)`, or `M`), every state
    ///    reached pod by pod has `a = f(p)`, or `a = M` with `M − L < p ≤ mB − R`: the band
    ///    of `B − r` pod counts below a partial top step (`M` not a multiple of `B`) in which
    ///    a node that came down from `M` still holds it and one that came up from below holds
    ///    `mB`. The bit that tells them apart is `a == M`, which the node keeps, so pods
    ///    moving one way from `p` to `p'`, added or removed one by one, give
    ///    - up: `a' = max(a, f(p'))`, where `p'` stops at `M` (at `a` when `R = 0`: no free
    ///      IP is ever asked for, and a pod finds none once `p = a`);
    ///    - down: `a' = M` if `a = M` and `M − p' < L`, else `f(p')`.
    ///
    /// With a wider band (`L > R + B`) a node keeps a batch it would not take on the way up
    /// (hysteresis), and with a narrower one the agent's refill and release undo each other;
    /// both stay pod by pod. `tests::moving_in_one_step_is_moving_pod_by_pod` holds the two
    /// paths to the same allocations over every setting.
    pub fn counts_by_pods(&self) -> bool {
        u64::from(self.release) == u64::from(self.refill) + u64::from(self.batch)
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

    /// Pods come (one by one, each while the node has a free IP for it) or go until the node
    /// holds `pods`, in one step where the allocation is a function of the pod count
    /// ([`Batching::counts_by_pods`], which says why this is exact), else pod by pod. Returns
    /// the pods the node holds after: fewer than `pods` when it has no IP for more (at max
    /// pods).
    #[inline]
    pub fn move_to(&mut self, pods: u32, b: &Batching) -> u32 {
        if b.counts_by_pods() {
            self.move_by_counts(pods, b)
        } else {
            self.move_pod_by_pod(pods, b)
        }
    }

    /// [`NodeIps::move_to`] in one step, for thresholds where [`Batching::counts_by_pods`]
    /// holds (the caller has checked; the hot paths of churn check once per pool).
    #[inline]
    pub fn move_by_counts(&mut self, pods: u32, b: &Batching) -> u32 {
        debug_assert!(b.counts_by_pods());
        let a = self.allocated;
        if pods >= self.assigned {
            // Pods start while one finds a free IP: up to max pods, or with no refill
            // threshold up to what the node holds.
            let limit = if b.refill >= 1 { b.max_pods } else { a };
            let pods = pods.min(limit).max(self.assigned);
            if a < b.max_pods && u64::from(a) < u64::from(pods) + u64::from(b.refill) {
                self.allocated = b.pool_ips(pods);
            }
            self.assigned = pods;
        } else {
            // A node at a partial top step keeps it until `release` IPs are free.
            if a - pods >= b.release {
                self.allocated = b.pool_ips(pods);
            }
            self.assigned = pods;
        }
        self.assigned
    }

    /// One pod more in one step: [`NodeIps::move_by_counts`] to `assigned + 1`, written out
    /// for the scheduler's hot loop (churn places a pod this way a hundred thousand times a
    /// trial). False when the node has no IP for it: at max pods, or with no refill threshold
    /// when every IP it holds is taken.
    #[inline(always)]
    pub fn add_by_counts(&mut self, b: &Batching) -> bool {
        debug_assert!(b.counts_by_pods());
        let a = self.allocated;
        let limit = if b.refill >= 1 { b.max_pods } else { a };
        if self.assigned >= limit {
            return false;
        }
        self.assigned += 1;
        if a < b.max_pods && u64::from(a) < u64::from(self.assigned) + u64::from(b.refill) {
            self.allocated = b.pool_ips(self.assigned);
        }
        true
    }

    /// One pod fewer in one step (none when the node runs none): [`NodeIps::move_by_counts`]
    /// to `assigned - 1`.
    #[inline(always)]
    pub fn remove_by_counts(&mut self, b: &Batching) {
        debug_assert!(b.counts_by_pods());
        if self.assigned == 0 {
            return;
        }
        self.assigned -= 1;
        if self.allocated - self.assigned >= b.release {
            self.allocated = b.pool_ips(self.assigned);
        }
    }

    #[inline(never)]
    fn move_pod_by_pod(&mut self, pods: u32, b: &Batching) -> u32 {
        while self.assigned < pods && self.add_pod(b) {}
        while self.assigned > pods {
            self.remove_pod(b);
        }
        self.assigned
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

    /// Any settings, the thresholds as the node agent scales them: bands one batch wide (the
    /// fast path), wider and narrower, partial top steps, a refill of 0.
    fn any_batching() -> impl Strategy<Value = Batching> {
        let settings = (1u32..=40, 0u32..=24, 0u32..=3, 0u32..=40, 1u32..=130, 0u32..=2);
        settings.prop_map(|(batch, refill, band, extra, max_pods, primary)| {
            let release = match band {
                // One batch wide, as the defaults.
                0 | 1 => refill + batch,
                2 => refill + batch + extra,
                _ => refill + extra,
            };
            let allocation = Allocation {
                batch_size: batch,
                refill_below: refill,
                release_at: release,
                primary_ips_per_node: primary,
                headroom_warning: 0.8,
            };
            Batching::new(&allocation, max_pods)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// A node moved between pod counts in one step holds what it holds when the pods come
        /// and go one by one through the agent's reconcile loop, after every move: up and down,
        /// past max pods, through the band below a partial top step.
        #[test]
        fn moving_in_one_step_is_moving_pod_by_pod(
            b in any_batching(),
            path in proptest::collection::vec(0u32..=140, 1..40),
        ) {
            let mut fast = NodeIps::join(&b);
            let mut slow = fast;
            for &target in &path {
                let reached = fast.move_to(target, &b);
                while slow.assigned < target && slow.add_pod(&b) {}
                while slow.assigned > target {
                    slow.remove_pod(&b);
                }
                prop_assert_eq!(fast, slow, "to {} under {:?}", target, b);
                prop_assert_eq!(reached, slow.assigned);
            }
        }

        /// One pod at a time in one step is the reconcile loop's pod: after every add and
        /// removal, under any thresholds whose band is one batch wide (the only ones that take
        /// this path), max pods with partial top steps and a refill of 0 among them.
        #[test]
        fn a_pod_at_a_time_by_counts_is_the_reconcile_loops_pod(
            b in any_batching().prop_map(|b| Batching { release: b.refill + b.batch, ..b }),
            moves in proptest::collection::vec(any::<bool>(), 0..400),
        ) {
            prop_assert!(b.counts_by_pods());
            let mut fast = NodeIps::join(&b);
            let mut slow = fast;
            for add in moves {
                if add {
                    prop_assert_eq!(fast.add_by_counts(&b), slow.add_pod(&b), "{:?} {:?}", slow, b);
                } else {
                    fast.remove_by_counts(&b);
                    slow.remove_pod(&b);
                }
                prop_assert_eq!(fast, slow, "under {:?}", b);
            }
        }

        /// Under the defaults and any max pods, the settled allocation is `pool_ips` of the pod
        /// count except in the band below a partial top step, where it is max pods or the
        /// multiple below, as the node came.
        #[test]
        fn the_default_allocation_is_a_function_of_the_pods_but_near_max_pods(
            max_pods in 1u32..=250,
            path in proptest::collection::vec(0u32..=250, 1..30),
        ) {
            let b = defaults(max_pods);
            prop_assert!(b.counts_by_pods());
            let mut node = NodeIps::join(&b);
            for target in path {
                let p = node.move_to(target, &b);
                let m = b.max_pods / b.batch * b.batch;
                let in_band = b.max_pods % b.batch != 0
                    && p + b.release > b.max_pods
                    && p + b.refill <= m;
                if node.allocated != b.pool_ips(p) {
                    prop_assert!(in_band && node.allocated == b.max_pods, "{node:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_node_that_came_down_from_a_partial_top_step_keeps_it_in_the_band() {
        // Max pods 30: the top step is 16 → 30. Down from 30 pods, the node keeps 30 until
        // 24 are free (6 pods); up from 0 it holds 16 until fewer than 8 are free (9 pods).
        let b = defaults(30);
        let mut down = NodeIps::join(&b);
        assert_eq!(down.move_to(30, &b), 30);
        assert_eq!(down.allocated, 30);
        down.move_to(7, &b);
        assert_eq!((down.allocated, down.assigned), (30, 7));
        let mut up = NodeIps::join(&b);
        up.move_to(7, &b);
        assert_eq!((up.allocated, up.assigned), (16, 7));
        // Past the band each way, the two agree again.
        down.move_to(6, &b);
        assert_eq!(down.allocated, 16);
        up.move_to(9, &b);
        assert_eq!(up.allocated, 30);
        // More pods than max pods: the node stops at max pods.
        assert_eq!(up.move_to(40, &b), 30);
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
