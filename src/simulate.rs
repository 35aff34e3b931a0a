//! `cniplan simulate`: the scenario step by step for every used subnet, and the sweep of
//! pods per node that answers "how densely can we pack before this subnet runs out?".

use crate::capacity;
use crate::capacity::rows::{rows, SubnetRow};
use crate::capacity::scenario::{state_at, StepState};
use crate::check::Model;
use crate::topology::Topology;
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
}

#[derive(Serialize)]
pub struct Step {
    pub phase: &'static str,
    pub step: u64,
    pub nodes: Vec<u64>,
    pub pods: u64,
    pub allocated: u64,
    pub stranded: u64,
    /// Usable minus allocated; negative once the subnet has run out.
    pub free: i64,
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
            let shown = shown_steps(total, c.exhaustion.as_ref().map(|e| e.step));
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
            }
        })
        .collect()
}

/// Which of `total` steps to show, in order: all of a short scenario; else the first and last
/// STEPS_AROUND and the exhaustion step with its neighbours. Computed, never walked, so a
/// plan asking for billions of nodes shows a few dozen steps at once.
fn shown_steps(total: u64, exhaustion: Option<u64>) -> Vec<u64> {
    if total <= MAX_STEPS_SHOWN {
        return (0..total).collect();
    }
    let mut shown: Vec<u64> = (0..STEPS_AROUND).chain(total - STEPS_AROUND..total).collect();
    if let Some(e) = exhaustion {
        shown.extend(e.saturating_sub(2)..=e.saturating_add(2).min(total - 1));
    }
    shown.sort_unstable();
    shown.dedup();
    shown
}

fn step(usable: u64, s: StepState) -> Step {
    Step {
        phase: s.phase.as_str(),
        step: s.step,
        nodes: s.nodes,
        pods: s.pods,
        allocated: s.demand,
        stranded: s.stranded,
        // In i128, then clamped: demand saturates at u64::MAX on absurd plans.
        free: (i128::from(usable) - i128::from(s.demand)).clamp(i128::from(i64::MIN), i128::from(i64::MAX))
            as i64,
    }
}

/// One density of the sweep: every used subnet's peak and exhaustion at that many pods per node.
#[derive(Serialize)]
pub struct Density {
    pub pods_per_node: u32,
    pub subnets: Vec<SweepRow>,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct SweepRow {
    pub vnet: Option<String>,
    pub name: String,
    pub role: &'static str,
    pub usable: u64,
    pub peak_demand: u64,
    pub utilization: Option<f64>,
    pub exhaustion: Option<crate::capacity::rows::ExhaustionRow>,
}

/// Every density from 0 to the largest max_pods of the plan (each pool clamped at its own,
/// and at AKS's 250), computed in parallel.
pub fn sweep_pods_per_node(topology: &Topology) -> Vec<Density> {
    let densest = topology
        .clusters
        .iter()
        .flat_map(|c| &c.pools)
        .map(|p| p.max_pods.value)
        .max()
        .unwrap_or(0);
    (0..=densest.min(crate::limits::MAX_PODS_MAX))
        .into_par_iter()
        .map(|d| {
            let capacity = capacity::simulate_with(topology, |_| d);
            let subnets = rows(topology, &capacity)
                .into_iter()
                .filter(|r| !r.pools.is_empty())
                .map(|r| SweepRow {
                    vnet: r.vnet,
                    name: r.name,
                    role: r.role,
                    usable: r.usable,
                    peak_demand: r.peak_demand,
                    utilization: r.utilization,
                    exhaustion: r.exhaustion,
                })
                .collect();
            Density {
                pods_per_node: d,
                subnets,
            }
        })
        .collect()
}

/// What decides a swept subnet's peak: the density only moves a pod subnet's.
#[derive(Serialize, Clone, PartialEq, Debug)]
pub struct SweepSubnet {
    pub vnet: Option<String>,
    pub name: String,
    pub role: &'static str,
    /// `pods_per_node`, `max_pods` (traditional: 1 + max_pods per node) or `node_count`
    /// (a dynamic-mode node subnet: 1 IP per node).
    pub decided_by: &'static str,
    /// Why the density does not change the peak, when it does not.
    pub note: Option<&'static str>,
}

/// Every swept subnet (in the densities' order) with what decides its peak.
pub fn sweep_subnets(densities: &[Density]) -> Vec<SweepSubnet> {
    let Some(first) = densities.first() else {
        return Vec::new();
    };
    first
        .subnets
        .iter()
        .map(|s| {
            let (decided_by, note) = match s.role {
                "node+pod" => (
                    "max_pods",
                    Some(
                        "traditional Azure CNI reserves 1 + max_pods IPs per node whatever its pods: \
                         the density does not change this subnet's peak",
                    ),
                ),
                "node" => (
                    "node_count",
                    Some(
                        "a node subnet takes 1 IP per node whatever its pods: the density does not \
                         change this subnet's peak",
                    ),
                ),
                "pod-cidr" => (
                    "node_count",
                    Some("a pod CIDR gives each node one /24 whatever its pods: the density does not change its peak"),
                ),
                _ => ("pods_per_node", None),
            };
            SweepSubnet {
                vnet: s.vnet.clone(),
                name: s.name.clone(),
                role: s.role,
                decided_by,
                note,
            }
        })
        .collect()
}
