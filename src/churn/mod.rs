//! `simulate --churn` (docs/churn.md): seeded Monte Carlo trials of pods and nodes coming and
//! going, each node driven through the node agent's pool with its release hysteresis ([`trial`]
//! says what a trial does), reporting per range the distribution of peak demand.
//!
//! Trials run in parallel (rayon), each with its own random stream from (seed, part, trial),
//! and their peaks are collected in trial order: the figures are the same on any number of
//! cores. Percentiles are nearest-rank: P95 of 1,000 trials is the 950th smallest peak, a
//! peak some trial really reached, and P50 ≤ P95 ≤ P99 ≤ max by construction.

pub mod pool;
pub mod rng;
pub mod setup;
pub mod trial;

use crate::capacity::rows::rows;
use crate::capacity::Model;
use crate::topology::churn_settings::{Amount, ChurnSettings};
use rayon::prelude::*;
use serde::Serialize;

/// How a run reports its progress (the CLI draws a bar; tests and `report` stay silent).
pub trait Progress: Sync {
    /// `total` trials to run, over every part of the plan.
    fn start(&self, _total: u64) {}
    /// One more trial is done.
    fn advance(&self) {}
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {}

/// The answer: per used range, the distribution of its peak over the trials.
#[derive(Debug, Serialize)]
pub struct Churn {
    pub trials: u32,
    pub seed: u64,
    #[serde(serialize_with = "amount")]
    pub rollout_surge: Amount,
    #[serde(serialize_with = "amount")]
    pub pods_spread: Amount,
    pub subnets: Vec<ChurnRow>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChurnRow {
    /// The subnet's VNet; null for a pod CIDR.
    pub vnet: Option<String>,
    pub name: String,
    pub cidr: String,
    pub role: crate::capacity::Role,
    pub usable: u64,
    pub p50: u64,
    pub p95: u64,
    pub p99: u64,
    pub max: u64,
    /// The share of trials whose peak passed the usable IPs (or /24 slots).
    pub runs_out_share: f64,
    /// The deterministic scenario's peak (`check`, `simulate`), for comparison.
    pub scenario_peak: u64,
    /// `dynamic`: the range's IPs follow each node's pods through the node agent's batches;
    /// `fixed`: each node takes a fixed number whatever its pods (node subnets, static blocks,
    /// traditional CNI, pod CIDRs), so only the node count varies.
    pub per_node: &'static str,
    /// What in the model sets the trials' figures apart from the scenario's, for the human
    /// explanation; the JSON keeps to the figures.
    #[serde(skip)]
    pub causes: Vec<Cause>,
}

/// Why a dynamic pod subnet's trials differ from the deterministic scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Cause {
    /// The pool's release threshold is more than one batch above its refill threshold, so a
    /// node keeps a batch on the way down that it would not take on the way up
    /// ([`crate::allocator::Batching::counts_by_pods`]); under the defaults it keeps none.
    Hysteresis { pool: String },
    /// The scenario puts exactly `pods` pods on every node, which sits closer to the batch
    /// boundary below it (`from` pods: the fewest that take as many IPs as `pods`) than to
    /// the next one (`next` pods): a node the trials' uneven spread leaves below `from`
    /// holds a whole batch less, one above `pods` gains nothing until `next`.
    JustPastBoundary {
        pool: String,
        pods: u32,
        from: u32,
        next: u32,
        batch: u32,
    },
}

impl Cause {
    /// The causes behind a dynamic range's figures, from the pools whose pods it holds.
    fn of(pools: &[setup::PoolPlan], range: usize, p50: u64, scenario_peak: u64) -> Vec<Cause> {
        let mut out = Vec::new();
        for pool in pools.iter().filter(|p| p.pod_range == Some(range)) {
            let Some(b) = &pool.batching else { continue };
            if !b.counts_by_pods() {
                out.push(Cause::Hysteresis {
                    pool: pool.name.clone(),
                });
            }
            if p50 < scenario_peak && pool.pods < pool.max_pods && b.batch > 0 {
                // Pod counts that take as many IPs as `pods`: from just past the boundary below
                // to the one above (`Batching::pool_ips` is a step function of the pods).
                let steps = b.pool_ips(pool.pods) / b.batch;
                let from = (steps.saturating_sub(1) * b.batch).saturating_sub(b.refill) + 1;
                let next = (steps * b.batch).saturating_sub(b.refill) + 1;
                // Clamped at max pods, or with a refill past a batch, the steps are not whole
                // batches: no boundary to name.
                let within = from <= pool.pods && pool.pods < next;
                if steps > 1 && within && pool.pods - from < next - pool.pods {
                    out.push(Cause::JustPastBoundary {
                        pool: pool.name.clone(),
                        pods: pool.pods,
                        from,
                        next,
                        batch: b.batch,
                    });
                }
            }
        }
        out
    }
}

fn amount<S: serde::Serializer>(a: &Amount, s: S) -> Result<S::Ok, S::Error> {
    match a {
        Amount::Pods(n) => s.serialize_u32(*n),
        Amount::Percent(p) => s.serialize_str(&format!("{p}%")),
    }
}

/// Every used range's peak over `settings.trials` trials.
pub fn run(model: &Model, settings: &ChurnSettings, progress: &dyn Progress) -> Result<Churn, String> {
    let parts = setup::parts(model, settings)?;
    let trials = settings.trials.max(1);
    progress.start(u64::from(trials) * parts.len() as u64);
    let capacity = &model.capacity;
    let names = rows(&model.topology, capacity);
    // Parts and trials in parallel, results in order. Each part's peaks (trials × its ranges,
    // in one flat list) become its rows before the task ends, so memory holds the peaks of
    // the parts in flight, not of every part: 5,000 one-node clusters at 100,000 trials kept
    // 15 GB of per-trial lists.
    let out: Vec<Vec<(usize, ChurnRow)>> = parts
        .par_iter()
        .enumerate()
        .map(|(k, part)| {
            let width = part.ranges.len();
            let peaks: Vec<u64> = (0..trials)
                .into_par_iter()
                .flat_map_iter(|t| {
                    let rng = rng::Rng::for_trial(settings.seed, k as u64, u64::from(t));
                    let peaks = trial::run(part, settings.rollout_surge, rng);
                    progress.advance();
                    peaks
                })
                .collect();
            let mut rows_of_part = Vec::with_capacity(width);
            for (local, &r) in part.ranges.iter().enumerate() {
                let mut of_range: Vec<u64> =
                    peaks.iter().skip(local).step_by(width.max(1)).copied().collect();
                of_range.sort_unstable();
                let usable = capacity[r].usable;
                let runs_out = of_range.iter().filter(|&&p| p > usable).count();
                let dynamic = part.pools.iter().any(|p| p.pod_range == Some(local));
                let row = &names[r];
                let (p50, scenario_peak) = (percentile(&of_range, 50), capacity[r].peak_demand);
                rows_of_part.push((
                    r,
                    ChurnRow {
                        vnet: row.vnet.clone(),
                        name: row.name.clone(),
                        cidr: row.cidr.clone(),
                        role: row.role,
                        usable,
                        p50,
                        p95: percentile(&of_range, 95),
                        p99: percentile(&of_range, 99),
                        max: of_range.last().copied().unwrap_or(0),
                        runs_out_share: runs_out as f64 / of_range.len().max(1) as f64,
                        scenario_peak,
                        per_node: if dynamic { "dynamic" } else { "fixed" },
                        causes: Cause::of(&part.pools, local, p50, scenario_peak),
                    },
                ));
            }
            rows_of_part
        })
        .collect();
    let mut out: Vec<(usize, ChurnRow)> = out.into_iter().flatten().collect();
    // In the order `simulate` lists ranges.
    out.sort_by_key(|(r, _)| *r);
    Ok(Churn {
        trials,
        seed: settings.seed,
        rollout_surge: settings.rollout_surge,
        pods_spread: settings.pods_spread,
        subnets: out.into_iter().map(|(_, row)| row).collect(),
    })
}

/// Nearest rank: the smallest value with at least `q` % of the values at or below it.
pub fn percentile(sorted: &[u64], q: u32) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (sorted.len() * q as usize).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

#[cfg(test)]
mod tests;
