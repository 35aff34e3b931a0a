//! `cniplan simulate`: the scenario step by step for every used subnet, with its soft and
//! hard limits, and the sweeps (pods per node, max_pods, max_count) that answer "how far can
//! we go before this subnet runs out?", every pool sharing a subnet counted together.

use crate::capacity;
use crate::capacity::rows::{rows, SubnetRow};
use crate::capacity::scarcity::{self, LimitPoint, Limits};
use crate::capacity::scenario::{state_at, StepState};
use crate::capacity::Model;
use crate::capacity::Role;
use crate::capacity::{PoolKnobs, PoolUse, RangeCapacity};
use crate::limits;
use crate::topology::{Pool, Topology};
use rayon::prelude::*;
use serde::Serialize;

/// Steps shown in full; longer scenarios show their start, the exhaustion point and their end.
const MAX_STEPS_SHOWN: u64 = 120;
const STEPS_AROUND: u64 = 40;

#[derive(Serialize)]
pub struct SubnetSteps {
    #[serde(flatten)]
    pub row: SubnetRow,
    /// Pool names in the order of each step's `nodes`.
    pub pool_names: Vec<String>,
    pub steps: Vec<Step>,
    /// Steps left out of `steps` (long scale-outs).
    pub omitted_steps: u64,
    /// docs/capacity.md, dynamic pod subnets only: the step where a full batch no longer fits (pods
    /// begin waiting for IPs), the exhaustion point's step.
    pub soft_limit: Option<LimitPoint>,
    /// The step where pods plus each node's primary IP pass usable even with batches of 1
    /// (the node agent's subnet-scarcity mode): pods fail to start.
    pub hard_limit: Option<LimitPoint>,
    /// Pods plus primary IPs at peak, the least a dynamic pod subnet must hold; null elsewhere.
    pub scarce_peak_demand: Option<u64>,
    /// Why a range has no soft and hard limits: it is not a dynamic pod subnet.
    pub limits_note: Option<&'static str>,
}

#[derive(Serialize)]
pub struct Step {
    pub phase: crate::capacity::Phase,
    pub step: u64,
    pub nodes: Vec<u64>,
    pub pods: u64,
    pub allocated: u64,
    pub stranded: u64,
    /// Usable minus allocated; negative once the subnet has run out. Exact for an IPv6 /64
    /// (past i64), written as JSON's integers go: within i64 or u64, else at i64's end (a
    /// demand past 2^63 addresses, which only a plan of absurd counts reaches).
    #[serde(serialize_with = "json_integer")]
    pub free: i128,
}

fn json_integer<S: serde::Serializer>(n: &i128, s: S) -> Result<S::Ok, S::Error> {
    match (i64::try_from(*n), u64::try_from(*n)) {
        (Ok(small), _) => s.serialize_i64(small),
        (_, Ok(large)) => s.serialize_u64(large),
        _ => s.serialize_i64(i64::MIN),
    }
}

/// The step tables of every used subnet.
pub fn step_tables(model: &Model) -> Vec<SubnetSteps> {
    let (topology, capacity) = (&model.topology, &model.capacity);
    let subnet_rows = rows(topology, capacity);
    capacity
        .iter()
        .zip(subnet_rows)
        .filter(|(c, _)| !c.uses.is_empty())
        .map(|(c, row)| {
            let total = capacity::scenario::scale_out_steps(&c.uses).saturating_add(2);
            let (soft_limit, hard_limit, scarce_peak_demand, limits_note) =
                match scarcity::limits(topology, c) {
                    Limits::Dynamic {
                        soft,
                        hard,
                        scarce_peak,
                    } => (soft, hard, Some(scarce_peak), None),
                    Limits::NotDynamic => (None, None, None, Some(Limits::NOT_DYNAMIC)),
                };
            let marked = [
                c.exhaustion.as_ref().map(|e| e.step),
                hard_limit.as_ref().map(|h| h.step),
            ];
            let shown = shown_steps(total, &marked);
            let steps: Vec<Step> = shown
                .into_iter()
                .map(|k| step(row.usable, state_at(c, k)))
                .collect();
            SubnetSteps {
                pool_names: row
                    .pools
                    .iter()
                    .map(|p| format!("{}/{}", p.cluster, p.pool))
                    .collect(),
                omitted_steps: total - steps.len() as u64,
                steps,
                row,
                soft_limit,
                hard_limit,
                scarce_peak_demand,
                limits_note,
            }
        })
        .collect()
}

/// Which of `total` steps to show, in order: all of a short scenario; else the first and last
/// STEPS_AROUND and the marked steps (the exhaustion point, the hard limit) with their
/// neighbours. Computed, never walked, so a plan asking for billions of nodes shows a few
/// dozen steps at once.
fn shown_steps(total: u64, marked: &[Option<u64>]) -> Vec<u64> {
    if total <= MAX_STEPS_SHOWN {
        return (0..total).collect();
    }
    let mut shown: Vec<u64> = (0..STEPS_AROUND).chain(total - STEPS_AROUND..total).collect();
    for &e in marked.iter().flatten() {
        shown.extend(e.saturating_sub(2)..=e.saturating_add(2).min(total - 1));
    }
    shown.sort_unstable();
    shown.dedup();
    shown
}

fn step(usable: u64, s: StepState) -> Step {
    Step {
        phase: s.phase,
        step: s.step,
        nodes: s.nodes,
        pods: s.pods,
        allocated: s.demand,
        stranded: s.stranded,
        // In i128: a dual-stack subnet's /64 has 2^64 - 5 usable IPs, and demand saturates at
        // u64::MAX on absurd plans; either way the difference fits.
        free: i128::from(usable) - i128::from(s.demand),
    }
}

/// Which setting a sweep varies (docs/sizing.md), over every pool of the plan at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepKind {
    /// Pods per node, 0 to the plan's largest max_pods (each pool clamped at its own).
    PodsPerNode,
    /// max_pods, 10 to 250 (AKS's bounds); pods per node follow it where the plan leaves
    /// them unset, and are clamped at it where written.
    MaxPods,
    /// Each pool's max_count (a fixed pool's node_count), 0 to AKS's 1,000 per pool; a pool
    /// never drops below its baseline (node_count or min_count).
    MaxCount,
}

impl SweepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SweepKind::PodsPerNode => "pods-per-node",
            SweepKind::MaxPods => "max-pods",
            SweepKind::MaxCount => "max-count",
        }
    }

    /// The plan key a swept value stands for, as the JSON names it.
    pub fn key(self) -> &'static str {
        match self {
            SweepKind::PodsPerNode => "pods_per_node",
            SweepKind::MaxPods => "max_pods",
            SweepKind::MaxCount => "max_count",
        }
    }

    /// The plan's settings with this sweep's value `v` put in.
    fn knobs(self, pool: &Pool, v: u32) -> PoolKnobs {
        let plan = PoolKnobs::of(pool);
        match self {
            SweepKind::PodsPerNode => PoolKnobs {
                pods_per_node: v,
                ..plan
            },
            // Pods left unset follow max_pods, as the resolver fills them in.
            SweepKind::MaxPods => PoolKnobs {
                max_pods: v,
                pods_per_node: if pool.pods_per_node.defaulted {
                    v
                } else {
                    plan.pods_per_node.min(v)
                },
                ..plan
            },
            SweepKind::MaxCount => PoolKnobs {
                full_scale_nodes: v.max(pool.baseline_nodes.value),
                ..plan
            },
        }
    }
}

/// A sweep's answer: per used range, the largest value that still fits, and each range's
/// figures at the values shown.
pub struct Sweep {
    pub kind: SweepKind,
    pub subnets: Vec<SweepSubnet>,
    /// Ascending values, each with every used range's row (in `subnets`' order).
    pub values: Vec<SweepValue>,
}

/// One value of a sweep: every used range's peak and exhaustion with that value put in.
#[derive(Serialize)]
pub struct SweepValue {
    pub value: u32,
    pub subnets: Vec<SweepRow>,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct SweepRow {
    pub vnet: Option<String>,
    pub name: String,
    pub role: crate::capacity::Role,
    pub usable: u64,
    pub peak_demand: u64,
    pub utilization: Option<f64>,
    pub exhaustion: Option<crate::capacity::rows::ExhaustionRow>,
    /// Nodes of every pool on the range together, at full scale.
    pub full_scale_nodes: u64,
}

/// Every used range at one setting of the plan, in `capacity::simulate`'s order.
fn rows_at(topology: &Topology, knobs: impl Fn(&Pool) -> PoolKnobs) -> Vec<SweepRow> {
    let capacity = capacity::simulate_knobs(topology, knobs);
    let nodes: Vec<u64> = capacity.iter().map(|c| full_scale_nodes(&c.uses)).collect();
    rows(topology, &capacity)
        .into_iter()
        .zip(nodes)
        .filter(|(r, _)| !r.pools.is_empty())
        .map(|(r, full_scale_nodes)| SweepRow {
            vnet: r.vnet,
            name: r.name,
            role: r.role,
            usable: r.usable,
            peak_demand: r.peak_demand,
            utilization: r.utilization,
            exhaustion: r.exhaustion.map(|e| *e),
            full_scale_nodes,
        })
        .collect()
}

/// Nodes at full scale of the distinct pools among `uses` (a pool on a subnet in both roles
/// counts once).
fn full_scale_nodes(uses: &[PoolUse]) -> u64 {
    let mut pools: Vec<(usize, Option<usize>, u64)> = uses
        .iter()
        .map(|u| (u.cluster, u.pool, u.full_scale_nodes))
        .collect();
    pools.sort_unstable();
    pools.dedup_by_key(|p| (p.0, p.1));
    pools.iter().map(|p| p.2).fold(0, u64::saturating_add)
}

/// Every density from 0 to the largest max_pods of the plan (each pool clamped at its own,
/// and at AKS's 250), computed in parallel.
pub fn sweep_pods_per_node(topology: &Topology) -> Vec<SweepValue> {
    let densest = topology
        .clusters
        .iter()
        .flat_map(|c| &c.pools)
        .map(|p| p.max_pods.value)
        .max()
        .unwrap_or(0);
    table(
        topology,
        SweepKind::PodsPerNode,
        0..=densest.min(limits::MAX_PODS_MAX),
    )
}

/// A range's rows at each value, computed in parallel across values.
fn table(
    topology: &Topology,
    kind: SweepKind,
    values: impl IntoParallelIterator<Item = u32>,
) -> Vec<SweepValue> {
    let mut table: Vec<SweepValue> = values
        .into_par_iter()
        .map(|v| SweepValue {
            value: v,
            subnets: rows_at(topology, |pool| kind.knobs(pool, v)),
        })
        .collect();
    table.sort_by_key(|v| v.value);
    table
}

/// The sweep of `kind` over the plan.
pub fn sweep(model: &Model, kind: SweepKind) -> Sweep {
    let topology = &model.topology;
    match kind {
        SweepKind::PodsPerNode => {
            let values = sweep_pods_per_node(topology);
            let subnets = summaries_from_table(kind, &values);
            Sweep {
                kind,
                subnets,
                values,
            }
        }
        SweepKind::MaxPods => searched_sweep(model, kind, limits::MAX_PODS_MIN, limits::MAX_PODS_MAX),
        SweepKind::MaxCount => {
            let top = u32::try_from(limits::MAX_NODES_PER_POOL).unwrap_or(u32::MAX);
            searched_sweep(model, kind, 0, top)
        }
    }
}

/// Per range, the largest value whose row still fits: demand never falls as pods per node or
/// max_pods grow (batches and blocks only round up), so the fitting values are a prefix.
fn summaries_from_table(kind: SweepKind, values: &[SweepValue]) -> Vec<SweepSubnet> {
    let Some(first) = values.first() else {
        return Vec::new();
    };
    (0..first.subnets.len())
        .map(|i| {
            let fits = values
                .iter()
                .take_while(|v| v.subnets[i].exhaustion.is_none())
                .last();
            let every = values.iter().all(|v| v.subnets[i].exhaustion.is_none());
            summary(
                kind,
                &first.subnets[i],
                fits.map(|v| (v.value, &v.subnets[i])),
                every,
            )
        })
        .collect()
}

/// Per used range, the largest value in `lo ..= hi` that still fits: demand never falls as
/// max_pods or the node count grows (batches, blocks and nodes only round up), so a binary
/// search finds it in a dozen runs of that range's scenario alone; ranges in parallel. The
/// values shown (and whose rows are kept) are each range's answer and the one after it, and
/// for max_pods every 16 besides: an estate's table stays small.
fn searched_sweep(model: &Model, kind: SweepKind, lo: u32, hi: u32) -> Sweep {
    let (topology, capacity) = (&model.topology, &model.capacity);
    let used: Vec<&RangeCapacity> = capacity.iter().filter(|c| !c.uses.is_empty()).collect();
    let answers: Vec<Option<u32>> = used
        .par_iter()
        .map(|c| {
            let fits = |v: u32| at_value(topology, c, kind, v).exhaustion.is_none();
            if !fits(lo) {
                return None;
            }
            // fits(lo) holds; narrow to the largest such value.
            let (mut lo, mut hi) = (lo, hi);
            while lo < hi {
                let mid = lo + (hi - lo).div_ceil(2);
                if fits(mid) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            Some(lo)
        })
        .collect();
    let mut shown: Vec<u32> = answers
        .iter()
        .flat_map(|a| match a {
            Some(v) => vec![*v, v.saturating_add(1).min(hi)],
            None => vec![lo],
        })
        .collect();
    if kind == SweepKind::MaxPods {
        shown.extend((lo..=hi).filter(|v| v % 16 == 0));
        shown.extend([lo, hi]);
    }
    shown.sort_unstable();
    shown.dedup();
    let values = table(topology, kind, shown);
    let subnets = used
        .iter()
        .zip(&answers)
        .enumerate()
        .map(|(i, (c, answer))| {
            let row_at = |v: u32| {
                values
                    .iter()
                    .find(|x| x.value == v)
                    .and_then(|x| x.subnets.get(i))
            };
            let fits = answer.and_then(|v| row_at(v).map(|r| (v, r)));
            match row_at(answer.unwrap_or(lo)) {
                Some(first) => summary(kind, first, fits, *answer == Some(hi)),
                None => summary_of_range(topology, c, kind),
            }
        })
        .collect();
    Sweep {
        kind,
        subnets,
        values,
    }
}

/// One range's scenario with the sweep's value `v` put into every pool on it.
fn at_value(topology: &Topology, c: &RangeCapacity, kind: SweepKind, v: u32) -> RangeCapacity {
    let uses = c
        .uses
        .iter()
        .map(|u| match u.pool_of(topology) {
            Some(pool) => capacity::use_with(topology, c.range, u, kind.knobs(pool, v)),
            // The cluster's own use follows no pool's settings.
            None => u.clone(),
        })
        .collect();
    capacity::scenario::run(c.range, c.usable, uses)
}

/// What decides a swept range's peak, and its answer.
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct SweepSubnet {
    pub vnet: Option<String>,
    pub name: String,
    pub role: crate::capacity::Role,
    /// The setting that moves this range's peak: `pods_per_node`, `max_pods` (traditional:
    /// 1 + max_pods per node), `max_count`, or `node_count` (the sweep's value does not move it).
    pub decided_by: &'static str,
    /// Why the swept value does not change the peak, when it does not.
    pub note: Option<&'static str>,
    pub usable: u64,
    /// The largest value at which the range holds its peak, every pool sharing it counted
    /// together; null when even the smallest value runs out.
    pub largest_fitting: Option<u32>,
    /// The range holds the peak at every value of the sweep.
    pub every_value_fits: bool,
    /// At `largest_fitting`: the nodes of all the range's pools together at full scale.
    pub full_scale_nodes_at_largest: Option<u64>,
    /// At `largest_fitting`: the peak demand.
    pub peak_at_largest: Option<u64>,
}

fn summary(
    kind: SweepKind,
    row: &SweepRow,
    fits: Option<(u32, &SweepRow)>,
    every_value_fits: bool,
) -> SweepSubnet {
    let (decided_by, note) = decider(kind, row.role);
    SweepSubnet {
        vnet: row.vnet.clone(),
        name: row.name.clone(),
        role: row.role,
        decided_by,
        note,
        usable: row.usable,
        largest_fitting: fits.map(|f| f.0),
        every_value_fits,
        full_scale_nodes_at_largest: fits.map(|f| f.1.full_scale_nodes),
        peak_at_largest: fits.map(|f| f.1.peak_demand),
    }
}

/// A range with no row to read (never happens: every used range has one); its names only.
fn summary_of_range(topology: &Topology, c: &RangeCapacity, kind: SweepKind) -> SweepSubnet {
    let row = crate::capacity::rows::rows(topology, std::slice::from_ref(c)).remove(0);
    let (decided_by, note) = decider(kind, row.role);
    SweepSubnet {
        vnet: row.vnet,
        name: row.name,
        role: row.role,
        decided_by,
        note,
        usable: row.usable,
        largest_fitting: None,
        every_value_fits: false,
        full_scale_nodes_at_largest: None,
        peak_at_largest: None,
    }
}

/// What decides a range's peak under a sweep, and why the swept value does not, when it does
/// not: density moves only a pod subnet's peak; max_pods a pod subnet's and a traditional
/// subnet's; the node count every range's.
fn decider(kind: SweepKind, role: Role) -> (&'static str, Option<&'static str>) {
    const NODE: &str = "a node subnet takes 1 IP per node whatever its pods: the density does not \
                        change this subnet's peak";
    const CIDR: &str =
        "a pod CIDR gives each node one /24 whatever its pods: the density does not change its peak";
    match (kind, role) {
        (_, Role::ApiServer) => (
            "api_server_subnet",
            Some("an API server takes its IPs whatever the nodes: the sweep does not change this subnet's peak"),
        ),
        (_, Role::HostedSystem) => (
            "system_node_subnet",
            Some("AKS runs its hosted system nodes whatever the plan's pools: the sweep does not change this subnet's peak"),
        ),
        (_, Role::VirtualNode) => (
            "virtual_node_pods",
            Some("pods on virtual nodes take one IP each whatever the nodes: the sweep does not change this subnet's peak"),
        ),
        (SweepKind::MaxCount, _) => ("max_count", None),
        (SweepKind::PodsPerNode, Role::NodePod) => (
            "max_pods",
            Some(
                "traditional Azure CNI reserves 1 + max_pods IPs per node whatever its pods: \
                 the density does not change this subnet's peak",
            ),
        ),
        (SweepKind::MaxPods, Role::NodePod) => ("max_pods", None),
        (SweepKind::PodsPerNode, Role::Node) => ("node_count", Some(NODE)),
        (SweepKind::MaxPods, Role::Node) => (
            "node_count",
            Some("a node subnet takes 1 IP per node whatever max_pods: max_pods does not change this subnet's peak"),
        ),
        (SweepKind::PodsPerNode, Role::PodCidr) => ("node_count", Some(CIDR)),
        (SweepKind::MaxPods, Role::PodCidr) => (
            "node_count",
            Some("a pod CIDR gives each node one /24 whatever max_pods: max_pods does not change its peak"),
        ),
        (SweepKind::MaxPods, _) => ("max_pods", None),
        _ => ("pods_per_node", None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Input;
    use crate::source::SourceFile;

    /// Every mode on one plan: two dynamic pools sharing a pod subnet, a static-block pool, a
    /// traditional cluster and an overlay cluster.
    const PLAN: &str = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - {name: nodes, cidr: 10.1.0.0/24}
      - {name: pods, cidr: 10.1.4.0/22}
      - {name: blocks, cidr: 10.1.8.0/22}
      - {name: flat, cidr: 10.1.12.0/22}
clusters:
  - name: dyn
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - {name: a, min_count: 1, max_count: 9, max_pods: 110, pods_per_node: 40, vnet_subnet: nodes, pod_subnet: pods}
      - {name: b, node_count: 2, vnet_subnet: nodes, pod_subnet: pods, max_surge: '50%'}
      - {name: s, node_count: 3, max_pods: 60, vnet_subnet: nodes, pod_subnet: blocks, pod_ip_allocation_mode: StaticBlock}
  - name: trad
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - {name: t, min_count: 2, max_count: 5, vnet_subnet: flat}
  - name: ovl
    network_plugin_mode: overlay
    pod_cidr: 10.200.0.0/22
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - {name: o, min_count: 1, max_count: 3, vnet_subnet: nodes}
";

    fn model() -> Model {
        let input = Input::single(SourceFile::new("plan.yaml", PLAN));
        let checked = crate::check::run(input, &crate::config::Settings::default());
        checked.model.expect("the plan loads")
    }

    #[test]
    fn one_range_rerun_agrees_with_the_whole_plan_rerun() {
        let model = model();
        let topology = &model.topology;
        for kind in [SweepKind::PodsPerNode, SweepKind::MaxPods, SweepKind::MaxCount] {
            for v in [0, 10, 17, 31, 60, 111, 250, 1000] {
                let whole = capacity::simulate_knobs(topology, |pool| kind.knobs(pool, v));
                for (c, w) in model.capacity.iter().zip(&whole) {
                    let one = at_value(topology, c, kind, v);
                    assert_eq!(one.uses, w.uses, "{kind:?} {v} {:?}", c.range);
                    assert_eq!(one.peak_demand, w.peak_demand, "{kind:?} {v} {:?}", c.range);
                }
            }
        }
        // At the plan's own settings, a rerun changes nothing.
        for c in &model.capacity {
            for u in &c.uses {
                let Some(pool) = u.pool_of(topology) else { continue };
                assert_eq!(&capacity::use_with(topology, c.range, u, PoolKnobs::of(pool)), u);
            }
        }
    }

    #[test]
    fn the_searched_answer_is_the_last_value_that_fits() {
        let model = model();
        for kind in [SweepKind::MaxPods, SweepKind::MaxCount] {
            let sweep = sweep(&model, kind);
            let used: Vec<&RangeCapacity> = model.capacity.iter().filter(|c| !c.uses.is_empty()).collect();
            assert_eq!(sweep.subnets.len(), used.len());
            for (s, c) in sweep.subnets.iter().zip(used) {
                let fits = |v: u32| at_value(&model.topology, c, kind, v).exhaustion.is_none();
                let (lo, hi) = match kind {
                    SweepKind::MaxPods => (10, 250),
                    _ => (0, 1000),
                };
                let walked = (lo..=hi).take_while(|&v| fits(v)).last();
                assert_eq!(s.largest_fitting, walked, "{kind:?} {}", s.name);
            }
        }
    }
}
