//! One pool's nodes during a trial, and the node-level events every phase is made of: a node
//! joins or leaves, a pod starts or stops on it (through the node agent's pool, [`NodeIps`]),
//! the scheduler places a pod. Each event moves the demand of the ranges the pool uses and
//! their peaks at once. These run a few hundred thousand times per trial, so the plan's
//! figures they need are copied in here. Where a node's pods only come (a node fills, an
//! upgrade drains onto it) or only go (a wave's terminating pods), they move in one step
//! ([`NodeIps::move_to`]): the demand then only rises or only falls, so its peak is where the
//! move ends, and the allocation is the one pod by pod would reach
//! ([`Batching::counts_by_pods`]). Under the same thresholds a pod the scheduler places or
//! stops moves its node by one pod in closed form ([`NodeIps::add_by_counts`]), not through
//! the reconcile loop.

use super::rng::Rng;
use super::setup::PoolPlan;
use crate::allocator::{Batching, NodeIps};

/// How a node's pods move through the node agent's pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stepping {
    /// In one step where the allocation is a function of the pod count, else pod by pod.
    ByCounts,
    /// Always pod by pod: the reference the tests hold the other to.
    PodByPod,
}

#[derive(Clone, Copy, Debug)]
pub struct Node {
    /// The node's pod IPs (dynamic pools only).
    pub ips: NodeIps,
    /// The pods this node takes when the pool runs at its density (its share of the load).
    pub cap: u32,
    /// Running pods of the Deployment rolling out now, not yet replaced.
    pub old: u32,
    /// Of its pods, those terminating (holding their IPs until they are gone).
    pub leaving: u32,
}

impl Node {
    /// How far the node is above (positive) or below its own share of pods.
    #[inline(always)]
    fn load(&self) -> i64 {
        i64::from(self.ips.assigned) - i64::from(self.cap)
    }
}

/// Every range's demand now and its peak so far, in the part's range order.
pub struct Demand {
    pub now: Vec<u64>,
    pub peak: Vec<u64>,
}

impl Demand {
    pub fn new(ranges: usize) -> Self {
        Demand {
            now: vec![0; ranges],
            peak: vec![0; ranges],
        }
    }

    #[inline(always)]
    pub fn add(&mut self, r: usize, n: u64) {
        let now = &mut self.now[r];
        *now += n;
        let peak = &mut self.peak[r];
        if *now > *peak {
            *peak = *now;
        }
    }

    #[inline(always)]
    fn sub(&mut self, r: usize, n: u64) {
        self.now[r] = self.now[r].saturating_sub(n);
    }

    /// A node's pool went from `before` to `after` allocated IPs.
    #[inline(always)]
    fn moved(&mut self, r: usize, before: u32, after: u32) {
        if after > before {
            self.add(r, u64::from(after - before));
        } else if before > after {
            self.sub(r, u64::from(before - after));
        }
    }
}

/// Which nodes may take a pod: those below their own share, or any below max_pods.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Cap,
    MaxPods,
}

pub struct PoolState<'a> {
    pub plan: &'a PoolPlan,
    pub nodes: Vec<Node>,
    /// Σ (cap − pods) over the nodes, which may go below zero where rollouts left nodes above
    /// their share: the autoscaler's view of the pool, whether its pods fit its nodes.
    pub room: i64,
    /// Nodes below max_pods: whether a surge pod can start anywhere, without a search.
    below_max: u32,
    /// The plan's batches (a dynamic pool) and pod subnet, copied for the hot paths.
    batching: Batching,
    pod_range: usize,
    pub dynamic: bool,
    max_pods: u32,
    /// Whether a node's pods move in one step ([`NodeIps::move_to`]) rather than one by one:
    /// under thresholds that make the allocation a function of the pod count
    /// ([`Batching::counts_by_pods`], the defaults), unless a test asks for the reference.
    pub by_counts: bool,
}

impl<'a> PoolState<'a> {
    pub fn new(plan: &'a PoolPlan, stepping: Stepping) -> Self {
        let dynamic = plan.batching.is_some() && plan.pod_range.is_some();
        let by_counts = stepping == Stepping::ByCounts && plan.batching.is_some_and(|b| b.counts_by_pods());
        PoolState {
            plan,
            nodes: Vec::with_capacity(plan.full as usize + plan.surge as usize),
            room: 0,
            below_max: 0,
            batching: plan.batching.unwrap_or(Batching {
                batch: 1,
                refill: 0,
                release: 1,
                max_pods: 1,
                primary: 0,
            }),
            pod_range: plan.pod_range.unwrap_or(0),
            dynamic,
            max_pods: plan.max_pods,
            by_counts,
        }
    }

    /// A node joins with one batch (dynamic pools) and its fixed IPs elsewhere.
    pub fn join(&mut self, rng: &mut Rng, demand: &mut Demand) -> usize {
        // Drawn, then clamped at max_pods: a pool packed to max_pods keeps most nodes full.
        let cap = rng
            .between(self.plan.pods_lo, self.plan.pods_hi)
            .min(self.max_pods);
        for &(r, n) in &self.plan.fixed {
            demand.add(r, n);
        }
        let ips = if self.dynamic {
            let ips = NodeIps::join(&self.batching);
            demand.add(
                self.pod_range,
                u64::from(ips.allocated) + u64::from(self.batching.primary),
            );
            ips
        } else {
            NodeIps {
                allocated: 0,
                assigned: 0,
            }
        };
        self.room += i64::from(cap);
        self.below_max += u32::from(self.max_pods > 0);
        self.nodes.push(Node {
            ips,
            cap,
            old: 0,
            leaving: 0,
        });
        self.nodes.len() - 1
    }

    /// A node joins and its pods start on it, one by one.
    pub fn join_full(&mut self, rng: &mut Rng, demand: &mut Demand) {
        let i = self.join(rng, demand);
        let cap = self.nodes[i].cap;
        self.fill(i, cap, demand);
    }

    /// Up to `pods` pods start on node `i`, one by one (in one step where the allocation is a
    /// function of the pod count: the pods only come, so the range's demand only rises and
    /// its peak is where the pods stop); how many did.
    pub fn fill(&mut self, i: usize, pods: u32, demand: &mut Demand) -> u32 {
        if self.by_counts && self.dynamic {
            let b = self.batching;
            let node = &mut self.nodes[i];
            let (before, from) = (node.ips.allocated, node.ips.assigned);
            let to = node.ips.move_by_counts(from.saturating_add(pods), &b);
            let started = to - from;
            self.room -= i64::from(started);
            if to == self.max_pods && from < self.max_pods {
                self.below_max -= 1;
            }
            demand.moved(self.pod_range, before, node.ips.allocated);
            return started;
        }
        for started in 0..pods {
            if !self.add_pod(i, demand) {
                return started;
            }
        }
        pods
    }

    /// Node `i` leaves with all its IPs (deleted, or reimaged before it joins again); the
    /// last node takes its place in the list.
    pub fn leave(&mut self, i: usize, demand: &mut Demand) {
        let node = self.nodes.swap_remove(i);
        for &(r, n) in &self.plan.fixed {
            demand.sub(r, n);
        }
        if self.dynamic {
            demand.sub(
                self.pod_range,
                u64::from(node.ips.allocated) + u64::from(self.batching.primary),
            );
        }
        self.room -= i64::from(node.cap) - i64::from(node.ips.assigned);
        self.below_max -= u32::from(node.ips.assigned < self.max_pods);
    }

    /// A pod starts on node `i`; false when the node has no IP for it (at max_pods), or the
    /// pool's pods are not simulated (fixed IPs per node).
    #[inline(always)]
    pub fn add_pod(&mut self, i: usize, demand: &mut Demand) -> bool {
        if !self.dynamic {
            return false;
        }
        let b = self.batching;
        let node = &mut self.nodes[i];
        let before = node.ips.allocated;
        let added = if self.by_counts {
            node.ips.add_by_counts(&b)
        } else {
            node.ips.add_pod(&b)
        };
        if !added {
            return false;
        }
        self.room -= 1;
        if node.ips.assigned == self.max_pods {
            self.below_max -= 1;
        }
        // A pod only ever adds IPs; most find one free and add none.
        if node.ips.allocated != before {
            demand.moved(self.pod_range, before, node.ips.allocated);
        }
        true
    }

    /// A pod on node `i` is gone (if it runs one): its IP is free, and the pool may give a
    /// batch back.
    #[inline(always)]
    pub fn remove_pod(&mut self, i: usize, demand: &mut Demand) {
        if !self.by_counts {
            self.remove_pods(i, 1, demand);
            return;
        }
        let b = self.batching;
        let node = &mut self.nodes[i];
        if !self.dynamic || node.ips.assigned == 0 {
            return;
        }
        let (before, was_full) = (node.ips.allocated, node.ips.assigned == self.max_pods);
        node.ips.remove_by_counts(&b);
        self.room += 1;
        self.below_max += u32::from(was_full);
        if node.ips.allocated != before {
            demand.moved(self.pod_range, before, node.ips.allocated);
        }
    }

    /// `pods` pods on node `i` are gone (as many as it runs), one by one or, where the
    /// allocation is a function of the pod count, in one step: the demand only falls, so no
    /// peak is missed.
    #[inline(always)]
    pub fn remove_pods(&mut self, i: usize, pods: u32, demand: &mut Demand) {
        let b = self.batching;
        let node = &mut self.nodes[i];
        let pods = pods.min(node.ips.assigned);
        if !self.dynamic || pods == 0 {
            return;
        }
        let (before, was_full) = (node.ips.allocated, node.ips.assigned == self.max_pods);
        if self.by_counts {
            node.ips.move_by_counts(node.ips.assigned - pods, &b);
        } else {
            for _ in 0..pods {
                node.ips.remove_pod(&b);
            }
        }
        self.room += i64::from(pods);
        self.below_max += u32::from(was_full);
        demand.moved(self.pod_range, before, node.ips.allocated);
    }

    #[inline(always)]
    fn has_room(&self, i: usize, room: Room) -> bool {
        let node = &self.nodes[i];
        match room {
            Room::Cap => node.ips.assigned < node.cap,
            Room::MaxPods => node.ips.assigned < self.max_pods,
        }
    }

    /// The scheduler starts a pod among the first `among` nodes: the less loaded of two random
    /// ones ("power of two choices", a cheap stand-in for its least-allocated scoring), else
    /// the next with room. False when none has room.
    #[inline]
    pub fn place(&mut self, room: Room, among: usize, rng: &mut Rng, demand: &mut Demand) -> bool {
        let none = match room {
            Room::Cap => self.room <= 0,
            Room::MaxPods => self.below_max == 0,
        };
        if among == 0 || none {
            return false;
        }
        let n = among as u32;
        let (a, b) = (rng.below(n) as usize, rng.below(n) as usize);
        let nodes = &self.nodes[..among];
        let i = if nodes[b].load() < nodes[a].load() { b } else { a };
        if self.has_room(i, room) && self.add_pod(i, demand) {
            return true;
        }
        self.place_after(i, room, among, demand)
    }

    /// Up to `pods` pods start one after another as [`PoolState::place`] starts each, until
    /// one finds no room; how many did.
    pub fn place_many(
        &mut self,
        pods: u64,
        room: Room,
        among: usize,
        rng: &mut Rng,
        demand: &mut Demand,
    ) -> u64 {
        for placed in 0..pods {
            if !self.place(room, among, rng, demand) {
                return placed;
            }
        }
        pods
    }

    /// The scheduler's fallback when its pick has no room: the nodes after it, wrapping.
    #[inline(never)]
    fn place_after(&mut self, i: usize, room: Room, among: usize, demand: &mut Demand) -> bool {
        for j in (i + 1..among).chain(0..i) {
            if self.has_room(j, room) && self.add_pod(j, demand) {
                return true;
            }
        }
        false
    }

    /// A running pod stops: on the more loaded of two random nodes, else the next with a pod.
    #[inline]
    pub fn stop_one(&mut self, rng: &mut Rng, demand: &mut Demand) {
        let n = self.nodes.len();
        if n == 0 {
            return;
        }
        let (a, b) = (rng.below(n as u32) as usize, rng.below(n as u32) as usize);
        let nodes = &self.nodes[..n];
        let i = if nodes[b].load() > nodes[a].load() { b } else { a };
        if nodes[i].ips.assigned > 0 {
            self.remove_pod(i, demand);
            return;
        }
        let Some(j) = (i + 1..n).chain(0..i).find(|&j| self.nodes[j].ips.assigned > 0) else {
            return;
        };
        self.remove_pod(j, demand);
    }

    /// `pods` running pods stop one after another, as [`PoolState::stop_one`] stops each.
    pub fn stop_many(&mut self, pods: u64, rng: &mut Rng, demand: &mut Demand) {
        for _ in 0..pods {
            self.stop_one(rng, demand);
        }
    }

    /// Running pods on the pool's nodes.
    pub fn pods(&self) -> u64 {
        self.nodes.iter().map(|n| u64::from(n.ips.assigned)).sum()
    }

    /// The node gives back every IP and joins again, empty, at the same place in the list.
    pub fn reimage(&mut self, i: usize, rng: &mut Rng, demand: &mut Demand) {
        let last = self.nodes.len() - 1;
        self.nodes.swap(i, last);
        self.leave(last, demand);
        let j = self.join(rng, demand);
        self.nodes.swap(i, j);
    }
}
