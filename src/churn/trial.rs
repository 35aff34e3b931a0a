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

use super::pool::{Demand, PoolState, Room, Stepping};
use super::rng::Rng;
use super::setup::{Part, PoolPlan};
use crate::topology::churn_settings::Amount;

/// Rounds of rollouts and load dips at full scale.
pub const ROUNDS: u32 = 4;
/// The chance that a pool rolls out a Deployment in a round.
pub const ROLLOUT_CHANCE: f64 = 0.5;
/// The smallest share of a pool's pods that one rollout replaces (the largest is all).
pub const MIN_ROLLOUT_SHARE: f64 = 0.1;
/// The chance that an autoscaling pool's load dips in a round.
pub const DIP_CHANCE: f64 = 0.5;

struct Trial<'a> {
    part: &'a Part,
    surge: Amount,
    rng: Rng,
    pools: Vec<PoolState<'a>>,
    demand: Demand,
}

/// Each range's peak demand over one trial, in the part's range order.
pub fn run(part: &Part, rollout_surge: Amount, rng: Rng) -> Vec<u64> {
    run_rounds(part, rollout_surge, rng, ROUNDS, Stepping::ByCounts)
}

/// A trial with `rounds` rounds of rollouts and dips; with none (and no spread), a trial is
/// the deterministic scenario walked node by node, which the tests hold it to. `stepping`
/// says whether pods may move in one step; the figures are the same either way.
pub fn run_rounds(part: &Part, rollout_surge: Amount, rng: Rng, rounds: u32, stepping: Stepping) -> Vec<u64> {
    let mut t = Trial {
        part,
        surge: rollout_surge,
        rng,
        pools: part.pools.iter().map(|p| PoolState::new(p, stepping)).collect(),
        demand: Demand::new(part.ranges.len()),
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
        for pool in &self.part.pools {
            for &(r, ips) in &pool.held {
                self.demand.add(r, ips);
            }
        }
        for pool in &mut self.pools {
            for _ in 0..pool.plan.baseline {
                pool.join_full(&mut self.rng, &mut self.demand);
            }
        }
    }

    /// In lockstep steps every pool below max_count adds a node, as the scenario does.
    fn scale_out(&mut self) {
        let steps = self
            .part
            .pools
            .iter()
            .map(|p| p.full.saturating_sub(p.baseline))
            .max()
            .unwrap_or(0);
        for _ in 0..steps {
            for pool in &mut self.pools {
                if (pool.nodes.len() as u64) < u64::from(pool.plan.full) {
                    pool.join_full(&mut self.rng, &mut self.demand);
                }
            }
        }
    }

    fn place(&mut self, p: usize, room: Room, among: usize) -> bool {
        self.pools[p].place(room, among, &mut self.rng, &mut self.demand)
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
        for (i, node) in self.pools[p].nodes.iter_mut().enumerate() {
            let assigned = node.ips.assigned;
            let old = self.rng.round(share * f64::from(assigned)).min(assigned);
            node.old = old;
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
        let pool = &mut self.pools[r.pool];
        let among = pool.nodes.len();
        r.pending -= pool.place_many(r.pending, Room::MaxPods, among, &mut self.rng, &mut self.demand);
    }

    /// The previous wave's terminating pods are gone, and their IPs with them: node by node,
    /// since nothing starts meanwhile.
    fn terminated(&mut self, r: &mut Rollout) {
        let pool = &mut self.pools[r.pool];
        for i in r.terminating.drain(..) {
            let i = i as usize;
            let leaving = std::mem::take(&mut pool.nodes[i].leaving);
            pool.remove_pods(i, leaving, &mut self.demand);
        }
    }

    /// As many old pods as the wave started begin terminating, still holding their IPs.
    fn terminate_old(&mut self, r: &mut Rollout) {
        let nodes = &mut self.pools[r.pool].nodes;
        for _ in 0..r.started {
            if r.with_old.is_empty() {
                break;
            }
            let j = self.rng.below(r.with_old.len() as u32) as usize;
            let i = r.with_old[j];
            let node = &mut nodes[i as usize];
            node.old -= 1;
            if node.old == 0 {
                r.with_old.swap_remove(j);
            }
            if node.leaving == 0 {
                r.terminating.push(i);
            }
            node.leaving += 1;
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
            let running = self.pools[p].pods();
            let fall = u64::from(
                self.rng
                    .round(running as f64 * f64::from(depth) / f64::from(nodes)),
            );
            dipping.push((p, depth, fall));
        }
        for &(p, _, fall) in &dipping {
            self.pools[p].stop_many(fall, &mut self.rng, &mut self.demand);
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
        // The emptiest last, so draining pops from the end and the rest keep their places.
        self.pools[p]
            .nodes
            .sort_by_key(|n| std::cmp::Reverse((n.ips.assigned, n.cap)));
        let dynamic = self.plan(p).batching.is_some();
        for _ in 0..depth {
            let Some(last) = self.pools[p].nodes.last().copied() else {
                return;
            };
            let own_room = i64::from(last.cap) - i64::from(last.ips.assigned);
            let pods = last.ips.assigned;
            if dynamic && self.pools[p].room - own_room < i64::from(pods) {
                return;
            }
            let others = self.pools[p].nodes.len() - 1;
            for _ in 0..pods {
                self.place(p, Room::Cap, others);
            }
            self.pools[p].leave(others, &mut self.demand);
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
                let pool = &mut self.pools[p];
                let i = pool.join(&mut self.rng, &mut self.demand);
                let share = pool.nodes[i].cap.min(u32::try_from(left).unwrap_or(u32::MAX));
                left -= u64::from(pool.fill(i, share, &mut self.demand));
            } else if self.place(p, Room::MaxPods, among) {
                left -= 1;
            } else {
                break;
            }
        }
        // The load is back at full scale: the autoscaler adds nodes, each taking its share,
        // until the pool is at max_count again (the nodes that replace drained ones may take
        // more pods each than those did).
        let pool = &mut self.pools[p];
        while (pool.nodes.len() as u64) < full {
            pool.join_full(&mut self.rng, &mut self.demand);
        }
    }

    /// Each cluster upgrades its pools one at a time in a random order, clusters at once.
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
        let pool = &mut self.pools[p];
        let old = pool.nodes.len();
        let buffers = (0..pool.plan.surge)
            .map(|_| pool.join(&mut self.rng, &mut self.demand))
            .collect();
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
        let pool = &mut self.pools[u.pool];
        let refills = pool.plan.batching.is_some_and(|b| b.refill >= 1);
        if pool.by_counts && pool.dynamic && refills {
            // Every add finds an IP (the buffers are empty and a refill threshold asks for the
            // next batch before the last IP goes): pod t of the batch goes to buffer t mod
            // targets, and the demand only rises while they start, so each buffer takes its
            // share in one step.
            let targets = u.buffers.len().min(batch.len()).max(1);
            let pods: u64 = batch.iter().map(|&i| u64::from(pool.nodes[i].ips.assigned)).sum();
            for (k, &b) in u.buffers.iter().take(targets).enumerate() {
                let share = pods / targets as u64 + u64::from((k as u64) < pods % targets as u64);
                pool.fill(b, u32::try_from(share).unwrap_or(u32::MAX), &mut self.demand);
            }
        } else if pool.plan.batching.is_some() {
            // A short last batch fills as many buffers as it has nodes; the others stay empty.
            let targets = u.buffers.len().min(batch.len());
            let mut target = 0;
            for &i in &batch {
                for _ in 0..pool.nodes[i].ips.assigned {
                    let placed = (0..u.buffers.len()).any(|k| {
                        let b = if k < targets {
                            u.buffers[(target + k) % targets]
                        } else {
                            u.buffers[k]
                        };
                        pool.add_pod(b, &mut self.demand)
                    });
                    target += 1;
                    if !placed {
                        break;
                    }
                }
            }
        }
        for &i in &batch {
            pool.reimage(i, &mut self.rng, &mut self.demand);
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
            self.pools[u.pool].leave(i, &mut self.demand);
        }
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
    /// The nodes with terminating pods (each once; the node counts them).
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
