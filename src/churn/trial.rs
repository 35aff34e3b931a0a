//! One Monte Carlo trial of a part of the plan: every node of every pool, driven event by
//! event through the node agent's pool ([`NodeIps`]: batches, refill and release hysteresis),
//! and every range's demand followed as it goes, keeping its peak.
//!
//! A trial, all pools in lockstep so that ranges shared by pools and clusters add up:
//! 1. **baseline**: each pool at its baseline nodes; each node's pods are drawn from
//!    `pods_per_node ± pods_spread` and start one by one;
//! 2. **scale-out**: in lockstep steps every pool below max_count adds a node, as the
//!    deterministic scenario does;
//! 3. [`ROUNDS`] rounds at full scale, each with
//!    - **Deployment rollouts**: each pool, with chance [`ROLLOUT_CHANCE`], rolls a Deployment
//!      holding a random share of its pods in waves of `rollout_surge`: a wave's new pods start
//!      on nodes the scheduler picks, while the previous wave's old pods are still
//!      terminating; the node agent counts every pod not Succeeded or Failed, so terminating
//!      pods hold their IPs until they are gone (azure-facts.md, "What the node agent counts");
//!    - **scale-in and back**: each autoscaling pool, with chance [`DIP_CHANCE`], loses load
//!      worth a random number of nodes (down to min_count): pods stop on random nodes (which
//!      keep their batches until release hysteresis lets go), the autoscaler drains the
//!      emptiest nodes whose pods fit elsewhere (the pods start elsewhere before the node and
//!      its IPs go), then the load returns: nodes with room first, new nodes for the rest;
//! 4. **upgrade**: each cluster upgrades its pools one at a time in a random order, clusters at
//!    once: max_surge buffer nodes join, and the old nodes are drained max_surge at a time
//!    onto the buffers and reimaged into the next buffers (AKS's surge upgrade); the drained
//!    nodes hold their IPs until they are reimaged.
//!
//! The scheduler is modelled as "the better of two random nodes" (the one further below its
//! own pods): cheap, and it keeps pods spread unevenly without piling them on one node.
//! Ranges that take fixed IPs per node (node subnets, static blocks, traditional CNI, pod
//! CIDRs) follow the node count alone.

use super::rng::Rng;
use super::settings::Amount;
use super::setup::{Part, PoolPlan};
use crate::capacity::allocator::NodeIps;

/// Rounds of rollouts and load dips at full scale.
pub const ROUNDS: u32 = 4;
/// The chance that a pool rolls out a Deployment in a round.
pub const ROLLOUT_CHANCE: f64 = 0.5;
/// The smallest share of a pool's pods that one rollout replaces (the largest is all).
pub const MIN_ROLLOUT_SHARE: f64 = 0.1;
/// The chance that an autoscaling pool's load dips in a round.
pub const DIP_CHANCE: f64 = 0.5;

#[derive(Clone, Copy, Debug)]
struct Node {
    /// The node's pod IPs (dynamic pools only).
    ips: NodeIps,
    /// The pods this node takes when the pool runs at its density (its share of the load).
    cap: u32,
    /// Running pods of the Deployment rolling out now, not yet replaced.
    old: u32,
}

#[derive(Default)]
struct PoolState {
    nodes: Vec<Node>,
    /// Σ (cap − pods) over the nodes, which may go below zero where rollouts left nodes above
    /// their share: the autoscaler's view of the pool, whether its pods fit its nodes.
    room: i64,
    /// Nodes below max_pods: whether a surge pod can start anywhere, without a search.
    below_max: u32,
}

/// Every range's demand now and its peak so far.
struct Demand {
    now: Vec<u64>,
    peak: Vec<u64>,
}

impl Demand {
    fn add(&mut self, r: usize, n: u64) {
        self.now[r] += n;
        if self.now[r] > self.peak[r] {
            self.peak[r] = self.now[r];
        }
    }

    fn sub(&mut self, r: usize, n: u64) {
        self.now[r] = self.now[r].saturating_sub(n);
    }
}

/// Which nodes may take a pod: those below their own share, or any below max_pods.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Room {
    Cap,
    MaxPods,
}

pub struct Trial<'a> {
    part: &'a Part,
    surge: Amount,
    rng: Rng,
    pools: Vec<PoolState>,
    demand: Demand,
}

/// Each range's peak demand over one trial, in the part's range order.
pub fn run(part: &Part, rollout_surge: Amount, rng: Rng) -> Vec<u64> {
    run_rounds(part, rollout_surge, rng, ROUNDS)
}

/// A trial with `rounds` rounds of rollouts and dips; with none (and no spread), a trial is
/// the deterministic scenario walked node by node, which the tests hold it to.
pub fn run_rounds(part: &Part, rollout_surge: Amount, rng: Rng, rounds: u32) -> Vec<u64> {
    let mut t = Trial {
        part,
        surge: rollout_surge,
        rng,
        pools: part.pools.iter().map(|_| PoolState::default()).collect(),
        demand: Demand {
            now: vec![0; part.ranges.len()],
            peak: vec![0; part.ranges.len()],
        },
    };
    t.baseline();
    t.scale_out();
    for _ in 0..rounds {
        t.rollouts();
        t.dips();
    }
    t.upgrade();
    t.demand.peak
}

impl Trial<'_> {
    fn plan(&self, p: usize) -> &PoolPlan {
        &self.part.pools[p]
    }

    fn baseline(&mut self) {
        for p in 0..self.pools.len() {
            for _ in 0..self.plan(p).baseline {
                self.join_full(p);
            }
        }
    }

    fn scale_out(&mut self) {
        let steps = self
            .part
            .pools
            .iter()
            .map(|p| p.full.saturating_sub(p.baseline))
            .max()
            .unwrap_or(0);
        for _ in 0..steps {
            for p in 0..self.pools.len() {
                if (self.pools[p].nodes.len() as u64) < u64::from(self.plan(p).full) {
                    self.join_full(p);
                }
            }
        }
    }

    /// A node joins and its pods start on it, one by one.
    fn join_full(&mut self, p: usize) {
        let i = self.join(p);
        let cap = self.pools[p].nodes[i].cap;
        for _ in 0..cap {
            if !self.add_pod(p, i) {
                break;
            }
        }
    }

    /// A node joins with one batch (dynamic pools) and its fixed IPs elsewhere.
    fn join(&mut self, p: usize) -> usize {
        let plan = &self.part.pools[p];
        // Drawn, then clamped at max_pods: a pool packed to max_pods keeps most nodes full.
        let cap = self.rng.between(plan.pods_lo, plan.pods_hi).min(plan.max_pods);
        let ips = plan.batching.as_ref().map_or(
            NodeIps {
                allocated: 0,
                assigned: 0,
            },
            NodeIps::join,
        );
        for &(r, n) in &plan.fixed {
            self.demand.add(r, n);
        }
        if let (Some(r), Some(b)) = (plan.pod_range, &plan.batching) {
            self.demand
                .add(r, u64::from(ips.allocated) + u64::from(b.primary));
        }
        let pool = &mut self.pools[p];
        pool.room += i64::from(cap);
        pool.below_max += u32::from(plan.max_pods > 0);
        pool.nodes.push(Node { ips, cap, old: 0 });
        pool.nodes.len() - 1
    }

    /// A node leaves with all its IPs (deleted, or reimaged before it joins again).
    fn leave(&mut self, p: usize, i: usize) {
        let plan = &self.part.pools[p];
        let node = self.pools[p].nodes.swap_remove(i);
        for &(r, n) in &plan.fixed {
            self.demand.sub(r, n);
        }
        if let (Some(r), Some(b)) = (plan.pod_range, &plan.batching) {
            self.demand
                .sub(r, u64::from(node.ips.allocated) + u64::from(b.primary));
        }
        let pool = &mut self.pools[p];
        pool.room -= i64::from(node.cap) - i64::from(node.ips.assigned);
        pool.below_max -= u32::from(node.ips.assigned < plan.max_pods);
    }

    /// A pod starts on node `i`; false when the node has no IP for it (at max_pods).
    fn add_pod(&mut self, p: usize, i: usize) -> bool {
        let plan = &self.part.pools[p];
        let (Some(b), Some(r)) = (&plan.batching, plan.pod_range) else {
            return false;
        };
        let pool = &mut self.pools[p];
        let node = &mut pool.nodes[i];
        let before = node.ips;
        if !node.ips.add_pod(b) {
            return false;
        }
        pool.room -= 1;
        if node.ips.assigned == plan.max_pods {
            pool.below_max -= 1;
        }
        let grown = node.ips.allocated.saturating_sub(before.allocated);
        let shrunk = before.allocated.saturating_sub(node.ips.allocated);
        self.demand.add(r, u64::from(grown));
        self.demand.sub(r, u64::from(shrunk));
        true
    }

    /// A pod on node `i` is gone (its IP is free; the pool may give a batch back).
    fn remove_pod(&mut self, p: usize, i: usize) {
        let plan = &self.part.pools[p];
        let (Some(b), Some(r)) = (&plan.batching, plan.pod_range) else {
            return;
        };
        let pool = &mut self.pools[p];
        let node = &mut pool.nodes[i];
        if node.ips.assigned == 0 {
            return;
        }
        let before = node.ips;
        node.ips.remove_pod(b);
        pool.room += 1;
        if before.assigned == plan.max_pods {
            pool.below_max += 1;
        }
        let shrunk = before.allocated.saturating_sub(node.ips.allocated);
        let grown = node.ips.allocated.saturating_sub(before.allocated);
        self.demand.sub(r, u64::from(shrunk));
        self.demand.add(r, u64::from(grown));
    }

    /// How far a node is above (positive) or below its own share of pods.
    fn load(node: &Node) -> i64 {
        i64::from(node.ips.assigned) - i64::from(node.cap)
    }

    fn has_room(node: &Node, room: Room, max_pods: u32) -> bool {
        match room {
            Room::Cap => node.ips.assigned < node.cap,
            Room::MaxPods => node.ips.assigned < max_pods,
        }
    }

    /// The scheduler starts a pod among the first `among` nodes: the less loaded of two random
    /// ones, else the next with room. False when none has room.
    fn place(&mut self, p: usize, room: Room, among: usize) -> bool {
        let pool = &self.pools[p];
        let none = match room {
            Room::Cap => pool.room <= 0,
            Room::MaxPods => pool.below_max == 0,
        };
        if among == 0 || none {
            return false;
        }
        let max_pods = self.plan(p).max_pods;
        let (a, b) = (
            self.rng.below(among as u32) as usize,
            self.rng.below(among as u32) as usize,
        );
        let nodes = &self.pools[p].nodes;
        let pick = if Self::load(&nodes[b]) < Self::load(&nodes[a]) {
            b
        } else {
            a
        };
        for k in 0..among {
            let i = (pick + k) % among;
            if Self::has_room(&self.pools[p].nodes[i], room, max_pods) && self.add_pod(p, i) {
                return true;
            }
        }
        false
    }

    /// A running pod stops: on the more loaded of two random nodes, else the next with a pod.
    fn stop_one(&mut self, p: usize) {
        let n = self.pools[p].nodes.len();
        if n == 0 {
            return;
        }
        let (a, b) = (
            self.rng.below(n as u32) as usize,
            self.rng.below(n as u32) as usize,
        );
        let nodes = &self.pools[p].nodes;
        let pick = if Self::load(&nodes[b]) > Self::load(&nodes[a]) {
            b
        } else {
            a
        };
        for k in 0..n {
            let i = (pick + k) % n;
            if self.pools[p].nodes[i].ips.assigned > 0 {
                self.remove_pod(p, i);
                return;
            }
        }
    }

    fn rollouts(&mut self) {
        let mut rolling: Vec<Rollout> = Vec::new();
        for p in 0..self.pools.len() {
            if self.plan(p).batching.is_none() || !self.rng.chance(ROLLOUT_CHANCE) {
                continue;
            }
            let share = MIN_ROLLOUT_SHARE + (1.0 - MIN_ROLLOUT_SHARE) * self.rng.unit();
            rolling.push(self.prepare_rollout(p, share));
        }
        // Wave by wave, every rolling pool at once.
        while rolling.iter().any(|r| !r.with_old.is_empty()) {
            for r in rolling.iter_mut() {
                self.start_wave(r);
            }
            for r in rolling.iter_mut() {
                self.terminated(r);
                self.start_pending(r);
            }
            for r in rolling.iter_mut() {
                self.terminate_old(r);
            }
        }
        for r in rolling.iter_mut() {
            self.terminated(r);
            self.start_pending(r);
        }
    }

    /// Marks each node's pods of the Deployment (its share of them, rounded at random).
    fn prepare_rollout(&mut self, p: usize, share: f64) -> Rollout {
        let mut with_old = Vec::new();
        let mut total = 0u64;
        for i in 0..self.pools[p].nodes.len() {
            let assigned = self.pools[p].nodes[i].ips.assigned;
            let old = self.rng.round(share * f64::from(assigned)).min(assigned);
            self.pools[p].nodes[i].old = old;
            if old > 0 {
                with_old.push(i as u32);
                total += u64::from(old);
            }
        }
        Rollout {
            pool: p,
            wave: self.surge.of_rounded_up(total).max(1),
            to_start: total,
            started: 0,
            pending: 0,
            with_old,
            terminating: Vec::new(),
        }
    }

    /// A wave's new pods start (the surge); pods no node can take yet stay pending.
    fn start_wave(&mut self, r: &mut Rollout) {
        let n = r.wave.min(r.to_start);
        r.to_start -= n;
        r.started = n;
        r.pending += n;
        self.start_pending(r);
    }

    /// Pending pods start where a node has room (after terminating pods have made some).
    fn start_pending(&mut self, r: &mut Rollout) {
        let among = self.pools[r.pool].nodes.len();
        while r.pending > 0 && self.place(r.pool, Room::MaxPods, among) {
            r.pending -= 1;
        }
    }

    /// The previous wave's terminating pods are gone, and their IPs with them.
    fn terminated(&mut self, r: &mut Rollout) {
        for i in std::mem::take(&mut r.terminating) {
            self.remove_pod(r.pool, i as usize);
        }
    }

    /// As many old pods as the wave started begin terminating, still holding their IPs.
    fn terminate_old(&mut self, r: &mut Rollout) {
        for _ in 0..r.started {
            if r.with_old.is_empty() {
                break;
            }
            let j = self.rng.below(r.with_old.len() as u32) as usize;
            let i = r.with_old[j];
            let node = &mut self.pools[r.pool].nodes[i as usize];
            node.old -= 1;
            if node.old == 0 {
                r.with_old.swap_remove(j);
            }
            r.terminating.push(i);
        }
        r.started = 0;
    }

    fn dips(&mut self) {
        let mut dipping: Vec<(usize, u32, u64)> = Vec::new();
        for p in 0..self.pools.len() {
            let plan = self.plan(p);
            let (nodes, min) = (self.pools[p].nodes.len() as u32, plan.min);
            if !plan.scales_in() || nodes <= min || !self.rng.chance(DIP_CHANCE) {
                continue;
            }
            let depth = self.rng.between(1, nodes - min);
            // The load falls by the pods of `depth` average nodes.
            let running: u64 = self.pools[p]
                .nodes
                .iter()
                .map(|n| u64::from(n.ips.assigned))
                .sum();
            let fall = u64::from(
                self.rng
                    .round(running as f64 * f64::from(depth) / f64::from(nodes)),
            );
            dipping.push((p, depth, fall));
        }
        for &(p, _, fall) in &dipping {
            for _ in 0..fall {
                self.stop_one(p);
            }
        }
        for &(p, depth, _) in &dipping {
            self.scale_in(p, depth);
        }
        for &(p, _, fall) in &dipping {
            self.load_returns(p, fall);
        }
    }

    /// The autoscaler removes up to `depth` of the emptiest nodes, each only when its pods
    /// fit on the others within their share; the pods start elsewhere before the node goes.
    fn scale_in(&mut self, p: usize, depth: u32) {
        let nodes = &mut self.pools[p].nodes;
        // The emptiest last, so draining pops from the end and the rest keep their places.
        nodes.sort_by_key(|n| std::cmp::Reverse((n.ips.assigned, n.cap)));
        for _ in 0..depth {
            let Some(last) = self.pools[p].nodes.last().copied() else {
                return;
            };
            let own_room = i64::from(last.cap) - i64::from(last.ips.assigned);
            let pods = last.ips.assigned;
            let dynamic = self.plan(p).batching.is_some();
            if dynamic && self.pools[p].room - own_room < i64::from(pods) {
                return;
            }
            let others = self.pools[p].nodes.len() - 1;
            for _ in 0..pods {
                self.place(p, Room::Cap, others);
            }
            self.leave(p, others);
        }
    }

    /// The load comes back: pods start where nodes have room, the autoscaler adds nodes for
    /// the rest up to max_count (each new node takes its share at once), and past it nodes
    /// fill up to max_pods; what still finds no node stays pending.
    fn load_returns(&mut self, p: usize, pods: u64) {
        let full = u64::from(self.plan(p).full);
        let mut left = if self.plan(p).batching.is_some() { pods } else { 0 };
        while left > 0 {
            let among = self.pools[p].nodes.len();
            if self.place(p, Room::Cap, among) {
                left -= 1;
            } else if (among as u64) < full {
                let i = self.join(p);
                let share = u64::from(self.pools[p].nodes[i].cap).min(left);
                for _ in 0..share {
                    if !self.add_pod(p, i) {
                        break;
                    }
                    left -= 1;
                }
            } else if self.place(p, Room::MaxPods, among) {
                left -= 1;
            } else {
                break;
            }
        }
        // The load is back at full scale: the autoscaler adds nodes, each taking its share,
        // until the pool is at max_count again (the nodes that replace drained ones may take
        // more pods each than those did).
        while (self.pools[p].nodes.len() as u64) < full {
            self.join_full(p);
        }
    }

    fn upgrade(&mut self) {
        let part = self.part;
        let mut orders: Vec<Vec<usize>> = part.clusters.clone();
        for order in &mut orders {
            // Fisher-Yates: which pool each cluster upgrades first is a draw of the trial.
            for k in (1..order.len()).rev() {
                let j = self.rng.below(k as u32 + 1) as usize;
                order.swap(k, j);
            }
        }
        let slots = orders.iter().map(Vec::len).max().unwrap_or(0);
        for slot in 0..slots {
            let pools: Vec<usize> = orders
                .iter()
                .filter_map(|o| o.get(slot).copied())
                .filter(|&p| part.pools[p].surge > 0)
                .collect();
            let mut upgrades: Vec<Upgrade> = pools.into_iter().map(|p| self.start_upgrade(p)).collect();
            while upgrades.iter().any(|u| u.next < u.old) {
                for u in upgrades.iter_mut() {
                    self.upgrade_batch(u);
                }
            }
            for u in &upgrades {
                self.finish_upgrade(u);
            }
        }
    }

    /// max_surge buffer nodes join, empty; the pool's nodes until now are the old ones.
    fn start_upgrade(&mut self, p: usize) -> Upgrade {
        let old = self.pools[p].nodes.len();
        let buffers = (0..self.plan(p).surge).map(|_| self.join(p)).collect();
        Upgrade {
            pool: p,
            old,
            next: 0,
            buffers,
        }
    }

    /// The next max_surge old nodes are drained onto as many buffers (the pods start there
    /// while the old nodes still hold their IPs), then reimaged: they are the next buffers.
    fn upgrade_batch(&mut self, u: &mut Upgrade) {
        if u.next >= u.old {
            return;
        }
        let batch: Vec<usize> = (u.next..(u.next + u.buffers.len()).min(u.old)).collect();
        u.next += batch.len();
        if self.plan(u.pool).batching.is_some() {
            // A short last batch fills as many buffers as it has nodes; the others stay empty.
            let targets = u.buffers.len().min(batch.len());
            let mut target = 0;
            for &i in &batch {
                for _ in 0..self.pools[u.pool].nodes[i].ips.assigned {
                    let placed = (0..u.buffers.len()).any(|k| {
                        let b = if k < targets {
                            u.buffers[(target + k) % targets]
                        } else {
                            u.buffers[k]
                        };
                        self.add_pod(u.pool, b)
                    });
                    target += 1;
                    if !placed {
                        break;
                    }
                }
            }
        }
        for &i in &batch {
            self.reimage(u.pool, i);
        }
        let unused = u.buffers.split_off(batch.len().min(u.buffers.len()));
        u.buffers = batch;
        u.buffers.extend(unused);
    }

    /// The last buffers, empty, are deleted: the pool is back to its size.
    fn finish_upgrade(&mut self, u: &Upgrade) {
        let mut last = u.buffers.clone();
        last.sort_unstable_by(|a, b| b.cmp(a));
        for i in last {
            self.leave(u.pool, i);
        }
    }

    /// The node gives back every IP and joins again, empty, at the same place in the list.
    fn reimage(&mut self, p: usize, i: usize) {
        let at = self.pools[p].nodes.len() - 1;
        self.pools[p].nodes.swap(i, at);
        self.leave(p, at);
        let j = self.join(p);
        self.pools[p].nodes.swap(i, j);
    }
}

struct Rollout {
    pool: usize,
    /// New pods per wave (maxSurge of the Deployment).
    wave: u64,
    /// New pods still to start.
    to_start: u64,
    /// New pods the current wave started, as many old ones to terminate.
    started: u64,
    /// New pods no node had room for yet (they wait, holding no IP).
    pending: u64,
    /// Nodes with old pods still running.
    with_old: Vec<u32>,
    /// One entry per terminating pod: its node.
    terminating: Vec<u32>,
}

struct Upgrade {
    pool: usize,
    /// Old nodes are `0..old`; `next` is the first not drained yet.
    old: usize,
    next: usize,
    /// Nodes that take the next batch's pods.
    buffers: Vec<usize>,
}
