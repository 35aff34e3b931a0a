//! The deterministic scenario (docs/capacity.md) over one subnet's pool uses:
//! 1. baseline — every pool at its baseline nodes (step 0);
//! 2. scale-out — in lockstep steps, every pool below its maximum adds one node;
//! 3. surge — at full scale each cluster upgrades one pool at a time (its worst one for
//!    this subnet), all clusters at once; surge nodes join full while old nodes keep their IPs.
//!
//! Demand only grows from step to step, so the exhaustion step is found by binary search:
//! a plan asking for billions of nodes costs a few dozen evaluations, not a loop.

use super::{PoolUse, Range, RangeCapacity, Role};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Baseline,
    ScaleOut,
    Surge,
}

/// Rows carry the phase itself; JSON and text show its name.
impl serde::Serialize for Phase {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Phase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Baseline => "baseline",
            Phase::ScaleOut => "scale-out",
            Phase::Surge => "surge",
        }
    }
}

/// The first request a subnet cannot serve, and the step it belongs to. The four figures are of
/// one moment (docs/capacity.md): the whole step as the scenario asks for it, the node whose
/// request failed included, so they match that step's row in `simulate`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exhaustion {
    pub phase: Phase,
    pub step: u64,
    /// The pool whose request failed (indices into the topology); `None` when the cluster's
    /// own use (its API server, its hosted system nodes) failed.
    pub cluster: usize,
    pub pool: Option<usize>,
    /// Nodes and pods of the step.
    pub nodes: u64,
    pub pods: u64,
    /// IPs the step asks of the subnet (more than it has).
    pub demand: u64,
    /// IPs of the step held by nodes that no pod uses.
    pub stranded_ips: u64,
}

/// One step of the scenario: nodes per use (in `uses` order) and what they take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepState {
    pub phase: Phase,
    pub step: u64,
    pub nodes: Vec<u64>,
    pub pods: u64,
    pub demand: u64,
    pub stranded: u64,
}

pub fn run(range: Range, usable: u64, uses: Vec<PoolUse>) -> RangeCapacity {
    let role = role_of(&uses);
    let last = scale_out_steps(&uses);
    let baseline_demand = demand_at(&uses, 0);
    let full_scale_demand = demand_at(&uses, last);
    let peak_demand = full_scale_demand.saturating_add(surge_demand(&uses));
    let exhaustion = if baseline_demand > usable {
        let requests: Vec<(usize, u64)> = uses
            .iter()
            .enumerate()
            .map(|(i, u)| (i, u.baseline_nodes))
            .collect();
        Some(exhaustion_at(&uses, usable, 0, vec![0; uses.len()], &requests))
    } else if full_scale_demand > usable {
        // The first step whose demand passes usable: demand_at(lo - 1) <= usable < demand_at(hi).
        let (mut lo, mut hi) = (1, last);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if demand_at(&uses, mid) > usable {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let requests: Vec<(usize, u64)> = uses
            .iter()
            .enumerate()
            .filter(|(_, u)| u.baseline_nodes + hi <= u.full_scale_nodes)
            .map(|(i, _)| (i, 1))
            .collect();
        Some(exhaustion_at(
            &uses,
            usable,
            hi,
            nodes_at(&uses, hi - 1),
            &requests,
        ))
    } else if peak_demand > usable {
        let requests: Vec<(usize, u64)> = surging(&uses)
            .into_iter()
            .map(|i| (i, uses[i].surge_nodes))
            .collect();
        Some(exhaustion_at(
            &uses,
            usable,
            last + 1,
            nodes_at(&uses, last),
            &requests,
        ))
    } else {
        None
    };
    RangeCapacity {
        range,
        role,
        usable,
        uses,
        baseline_demand,
        peak_demand,
        exhaustion: exhaustion.map(Box::new),
    }
}

/// What a range serves, from the uses it has: one role per range (a subnet with two is
/// subnet-role-conflict's business).
pub fn role_of(uses: &[PoolUse]) -> Role {
    let has = |role| uses.iter().any(|u| u.role == role);
    if has(Role::PodCidr) {
        Role::PodCidr
    } else if has(Role::Pod) {
        Role::Pod
    } else if has(Role::NodePod) {
        Role::NodePod
    } else if has(Role::Node) {
        Role::Node
    } else if has(Role::VirtualNode) {
        Role::VirtualNode
    } else if has(Role::ApiServer) {
        Role::ApiServer
    } else if has(Role::HostedSystem) {
        Role::HostedSystem
    } else {
        Role::Unused
    }
}

/// Lockstep scale-out steps until every pool is at its maximum.
pub fn scale_out_steps(uses: &[PoolUse]) -> u64 {
    uses.iter()
        .map(|u| u.full_scale_nodes - u.baseline_nodes)
        .max()
        .unwrap_or(0)
}

fn nodes_at(uses: &[PoolUse], step: u64) -> Vec<u64> {
    uses.iter()
        .map(|u| (u.baseline_nodes.saturating_add(step)).min(u.full_scale_nodes))
        .collect()
}

/// IPs the subnet must hold at a scale-out step (0 = baseline).
pub fn demand_at(uses: &[PoolUse], step: u64) -> u64 {
    uses.iter()
        .map(|u| {
            u.ips_per_node
                .saturating_mul(u.baseline_nodes.saturating_add(step).min(u.full_scale_nodes))
        })
        .fold(0, u64::saturating_add)
}

/// For each cluster (first seen first), the uses of the pool whose upgrade takes the most IPs
/// here. A pool uses a subnet once, or twice when it is both its node and its pod subnet: a
/// surge node then takes both its node IP and its pod IPs here.
fn surging(uses: &[PoolUse]) -> Vec<usize> {
    let extra = |cluster: usize, pool: Option<usize>| {
        uses.iter()
            .filter(|u| (u.cluster, u.pool) == (cluster, pool))
            .map(|u| u.surge_nodes.saturating_mul(u.ips_per_node))
            .fold(0, u64::saturating_add)
    };
    let mut worst: Vec<(usize, Option<usize>)> = Vec::new();
    for u in uses {
        match worst.iter_mut().find(|(c, _)| *c == u.cluster) {
            Some(w) if extra(u.cluster, u.pool) > extra(w.0, w.1) => *w = (u.cluster, u.pool),
            Some(_) => {}
            None => worst.push((u.cluster, u.pool)),
        }
    }
    (0..uses.len())
        .filter(|&i| worst.contains(&(uses[i].cluster, uses[i].pool)))
        .collect()
}

fn surge_demand(uses: &[PoolUse]) -> u64 {
    surging(uses)
        .into_iter()
        .map(|i| uses[i].surge_nodes.saturating_mul(uses[i].ips_per_node))
        .fold(0, u64::saturating_add)
}

/// Σ nodes × a per-node figure (IPs, pods, stranded IPs) over the uses, saturating.
fn total(nodes: &[u64], uses: &[PoolUse], per_node: fn(&PoolUse) -> u64) -> u64 {
    nodes
        .iter()
        .zip(uses)
        .map(|(n, u)| n.saturating_mul(per_node(u)))
        .fold(0, u64::saturating_add)
}

/// The pool whose request fails at `step`, where the nodes of the step before (`before`) ask
/// for `requests` in order; the figures are the whole step's.
fn exhaustion_at(
    uses: &[PoolUse],
    usable: u64,
    step: u64,
    before: Vec<u64>,
    requests: &[(usize, u64)],
) -> Exhaustion {
    let (cluster, pool) = failing_pool(uses, usable, before, requests);
    let state = step_state(uses, step);
    Exhaustion {
        phase: state.phase,
        step: state.step,
        cluster,
        pool,
        nodes: state.nodes.iter().copied().fold(0, u64::saturating_add),
        pods: state.pods,
        demand: state.demand,
        stranded_ips: state.stranded,
    }
}

/// Serves the requests in order from `before` and names the pool of the first that does not
/// fit: the one a user sees fail, though the step's demand is what passes usable.
fn failing_pool(
    uses: &[PoolUse],
    usable: u64,
    mut nodes: Vec<u64>,
    requests: &[(usize, u64)],
) -> (usize, Option<usize>) {
    let mut free = usable.saturating_sub(total(&nodes, uses, |u| u.ips_per_node));
    let mut failed = requests.first().map_or(0, |r| r.0);
    for &(i, count) in requests {
        let ips = uses[i].ips_per_node.max(1);
        let fits = (free / ips).min(count);
        nodes[i] += fits;
        free -= fits * ips;
        if fits < count {
            failed = i;
            break;
        }
    }
    (uses[failed].cluster, uses[failed].pool)
}

/// The scenario at one step: 0 is the baseline, 1 ..= the last scale-out step, then the surge.
pub fn state_at(capacity: &RangeCapacity, step: u64) -> StepState {
    step_state(&capacity.uses, step)
}

fn step_state(uses: &[PoolUse], step: u64) -> StepState {
    let last = scale_out_steps(uses);
    let (phase, nodes) = if step > last {
        let mut nodes = nodes_at(uses, last);
        for i in surging(uses) {
            nodes[i] = nodes[i].saturating_add(uses[i].surge_nodes);
        }
        (Phase::Surge, nodes)
    } else if step == 0 {
        (Phase::Baseline, nodes_at(uses, 0))
    } else {
        (Phase::ScaleOut, nodes_at(uses, step))
    };
    let sum = |per_node: fn(&PoolUse) -> u64| total(&nodes, uses, per_node);
    StepState {
        phase,
        step: step.min(last + 1),
        pods: sum(|u| u.pods_per_node),
        demand: sum(|u| u.ips_per_node),
        stranded: sum(|u| u.stranded_per_node),
        nodes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(cluster: usize, pool: usize, ips: u64, base: u64, max: u64, surge: u64) -> PoolUse {
        PoolUse {
            cluster,
            pool: Some(pool),
            role: Role::Pod,
            mode: crate::mode::Mode::Dynamic,
            ips_per_node: ips,
            stranded_per_node: 1,
            pods_per_node: ips - 2,
            baseline_nodes: base,
            full_scale_nodes: max,
            surge_nodes: surge,
        }
    }

    #[test]
    fn the_walkthroughs_pod_subnet() {
        let cap = run(Range::Subnet(0), 65_531, vec![pool(0, 0, 251, 2, 2, 1)]);
        assert_eq!((cap.baseline_demand, cap.peak_demand), (502, 753));
        assert!(cap.exhaustion.is_none());
        assert_eq!(cap.most_nodes_alone(&cap.uses[0]), 261);
    }

    #[test]
    fn exhaustion_in_each_phase_names_the_step_and_pool() {
        // Baseline: 3 × 100 > 250 (2 nodes fit; the figures are the step's 3).
        let e = run(Range::Subnet(0), 250, vec![pool(0, 0, 100, 3, 3, 0)])
            .exhaustion
            .unwrap();
        assert_eq!((e.phase, e.step, e.nodes, e.demand), (Phase::Baseline, 0, 3, 300));
        // Scale-out: two pools of 10 IPs per node, one growing to 10 nodes, one to 3.
        let uses = vec![pool(0, 0, 10, 1, 10, 0), pool(0, 1, 10, 1, 3, 0)];
        // Demand by step: 20, 40, 60, 70, 80; at step 4 the first pool's node does not fit.
        // Step 4 holds 5 + 3 nodes.
        let e = run(Range::Subnet(0), 75, uses).exhaustion.unwrap();
        assert_eq!(
            (e.phase, e.step, e.pool, e.nodes, e.demand),
            (Phase::ScaleOut, 4, Some(0), 8, 80)
        );
        // Surge: full scale fits, one cluster's worst pool surging does not.
        let uses = vec![
            pool(0, 0, 10, 2, 2, 1),
            pool(0, 1, 10, 2, 2, 3),
            pool(1, 2, 10, 1, 1, 1),
        ];
        let cap = run(Range::Subnet(0), 60, uses);
        assert_eq!(cap.peak_demand, 50 + 30 + 10);
        let e = cap.exhaustion.unwrap();
        assert_eq!(
            (e.phase, e.step, e.cluster, e.pool),
            (Phase::Surge, 1, 0, Some(1))
        );
    }

    /// The scenario as the Python peer walks it: step by step, every pool, every step.
    fn walk(usable: u64, uses: &[PoolUse]) -> (u64, u64, Option<(Phase, u64)>) {
        let demand = |nodes: &[u64]| {
            nodes
                .iter()
                .zip(uses)
                .map(|(n, u)| n * u.ips_per_node)
                .sum::<u64>()
        };
        let mut nodes: Vec<u64> = uses.iter().map(|u| u.baseline_nodes).collect();
        let baseline = demand(&nodes);
        let mut exhaustion = (baseline > usable).then_some((Phase::Baseline, 0));
        let mut step = 0;
        while nodes.iter().zip(uses).any(|(n, u)| *n < u.full_scale_nodes) {
            step += 1;
            for (n, u) in nodes.iter_mut().zip(uses) {
                if *n < u.full_scale_nodes {
                    *n += 1;
                }
            }
            if exhaustion.is_none() && demand(&nodes) > usable {
                exhaustion = Some((Phase::ScaleOut, step));
            }
        }
        let mut worst: std::collections::BTreeMap<usize, u64> = std::collections::BTreeMap::new();
        for u in uses {
            let extra = worst.entry(u.cluster).or_default();
            *extra = (*extra).max(u.surge_nodes * u.ips_per_node);
        }
        let peak = demand(&nodes) + worst.values().sum::<u64>();
        if exhaustion.is_none() && peak > usable {
            exhaustion = Some((Phase::Surge, step + 1));
        }
        (baseline, peak, exhaustion)
    }

    proptest::proptest! {
        /// The binary search and closed forms agree with walking every step.
        #[test]
        fn the_scenario_agrees_with_a_step_by_step_walk(
            usable in 0u64..5_000,
            pools in proptest::collection::vec((0usize..3, 1u64..300, 0u64..20, 0u64..40, 0u64..4), 0..6),
        ) {
            let uses: Vec<PoolUse> = pools
                .iter()
                .enumerate()
                .map(|(i, &(cluster, ips, base, extra, surge))| pool(cluster, i, ips.max(2), base, base + extra, surge))
                .collect();
            let cap = run(Range::Subnet(0), usable, uses.clone());
            let (baseline, peak, exhaustion) = walk(usable, &uses);
            proptest::prop_assert_eq!(cap.baseline_demand, baseline);
            proptest::prop_assert_eq!(cap.peak_demand, peak);
            proptest::prop_assert_eq!(cap.exhaustion.as_ref().map(|e| (e.phase, e.step)), exhaustion);
            // The exhaustion's figures are those of its step's row (docs/capacity.md: one moment).
            if let Some(e) = &cap.exhaustion {
                let s = state_at(&cap, e.step);
                let nodes: u64 = s.nodes.iter().sum();
                proptest::prop_assert_eq!((e.nodes, e.pods, e.demand, e.stranded_ips), (nodes, s.pods, s.demand, s.stranded));
            }
        }
    }

    #[test]
    fn a_surge_node_takes_its_node_ip_and_pod_ips_from_a_subnet_in_both_roles() {
        let node_use = PoolUse {
            role: Role::Node,
            ips_per_node: 1,
            stranded_per_node: 0,
            ..pool(0, 0, 49, 2, 2, 1)
        };
        let uses = vec![node_use, pool(0, 0, 49, 2, 2, 1), pool(0, 1, 60, 1, 1, 0)];
        // Full scale 2 + 98 + 60 = 160; pool 0 surges with 1 + 49 (pool 1 has no surge).
        assert_eq!(run(Range::Subnet(0), 10_000, uses).peak_demand, 160 + 50);
    }

    #[test]
    fn absurd_node_counts_cost_a_binary_search() {
        let cap = run(
            Range::Subnet(0),
            1_000_000,
            vec![pool(0, 0, 251, 1, u64::from(u32::MAX), 1)],
        );
        let e = cap.exhaustion.unwrap();
        assert_eq!(e.phase, Phase::ScaleOut);
        assert_eq!(e.step, 1_000_000 / 251); // 3,984 nodes fit; the 3,985th fails at step 3,984.
    }

    #[test]
    fn steps_walk_baseline_scale_out_and_surge() {
        let cap = run(Range::Subnet(0), 10_000, vec![pool(0, 0, 10, 1, 3, 2)]);
        let steps: Vec<(Phase, u64, u64)> = (0..4)
            .map(|k| state_at(&cap, k))
            .map(|s| (s.phase, s.step, s.demand))
            .collect();
        assert_eq!(
            steps,
            vec![
                (Phase::Baseline, 0, 10),
                (Phase::ScaleOut, 1, 20),
                (Phase::ScaleOut, 2, 30),
                (Phase::Surge, 3, 50)
            ]
        );
    }
}
