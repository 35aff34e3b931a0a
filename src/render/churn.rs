//! `simulate --churn` output: per range the percentiles of peak demand over the trials,
//! beside the deterministic scenario's peak.

use super::cell;
use crate::churn::{Cause, Churn, ChurnRow};
use crate::diagnostic::Finding;
use crate::numbers::thousands;
use crate::source::visible;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};
use serde_json::json;

/// The `{"trials", "seed", "subnets": [...]}` of docs/json-output.md, with the plan's path and
/// finding counts as every `simulate` JSON carries them.
pub fn json(path: &str, findings: &[Finding], churn: &Churn) -> String {
    let mut value = json!({
        "path": path,
        "findings": super::answer::FindingCounts::of(findings),
    });
    if let (Some(map), Ok(serde_json::Value::Object(churn))) =
        (value.as_object_mut(), serde_json::to_value(churn))
    {
        map.extend(churn);
    }
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// "12.3 %", or "0 %" and "100 %" exactly, so a rare run-out never reads as none.
pub fn share(x: f64) -> String {
    if x == 0.0 {
        "0 %".to_string()
    } else if x == 1.0 {
        "100 %".to_string()
    } else if x < 0.001 {
        "< 0.1 %".to_string()
    } else {
        format!("{:.1} %", x * 100.0)
    }
}

pub fn human(churn: &Churn) -> String {
    if churn.subnets.is_empty() {
        return "No subnet is used by a node pool; nothing to churn.\n".to_string();
    }
    let mut out = format!(
        "Peak demand over {} churn trials (seed {}; rollout surge {}, pods per node ± {})\n",
        thousands(churn.trials),
        churn.seed,
        churn.rollout_surge,
        churn.pods_spread
    );
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    table.set_header(vec![
        "range", "usable", "scenario", "P50", "P95", "P99", "max", "runs out",
    ]);
    for row in &churn.subnets {
        let label = cell::range(row.vnet.as_deref(), &row.name);
        let label = if row.per_node == "fixed" {
            format!("{label} *")
        } else {
            label
        };
        table.add_row(vec![
            label,
            thousands(row.usable),
            thousands(row.scenario_peak),
            thousands(row.p50),
            thousands(row.p95),
            thousands(row.p99),
            thousands(row.max),
            share(row.runs_out_share),
        ]);
    }
    for column in 1..8 {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push_str(&format!("{table}\n"));
    out.push_str(
        "scenario: the deterministic peak (`check`, `simulate`); P50 to max: the trials' peaks (nearest rank); \
         runs out: the share of trials whose peak passed the usable IPs.\n",
    );
    if churn.subnets.iter().any(|r| r.per_node == "fixed") {
        out.push_str(
            "* takes fixed IPs (or /24 slots) per node whatever its pods: only the node count varies \
             (scale-in and back, upgrade surges).\n",
        );
    }
    for row in churn.subnets.iter().filter(|r| r.per_node == "dynamic") {
        out.push_str(&explain(row));
    }
    out
}

/// Why a dynamic pod subnet's trials differ from the scenario, in the model's own terms: what
/// holds IPs above the steady state, and what lets the middle trial fall below it.
fn explain(row: &ChurnRow) -> String {
    let label = cell::range(row.vnet.as_deref(), &row.name);
    let mut out = String::new();
    if row.max > row.scenario_peak && row.scenario_peak > 0 {
        let kept: Vec<&str> = row
            .causes
            .iter()
            .filter_map(|c| match c {
                Cause::Hysteresis { pool } => Some(pool.as_str()),
                Cause::JustPastBoundary { .. } => None,
            })
            .collect();
        let hysteresis = if kept.is_empty() {
            // The proof is `Batching::counts_by_pods`: one allocation per pod count.
            " (with release one batch above refill, as the defaults, a settled node holds exactly one allocation per pod count: hysteresis keeps nothing)".to_string()
        } else {
            format!(
                ", and batches kept by release hysteresis in {} (release_at is more than one batch above refill_below)",
                visible(&kept.join(", "))
            )
        };
        out.push_str(&format!(
            "{label}: P95 {} is {} the scenario's {}: rollouts' extra and terminating pods, and pods spread unevenly across nodes, \
             hold IPs the steady state does not{hysteresis}.\n",
            thousands(row.p95),
            if row.p95 > row.scenario_peak { "above" } else { "within" },
            thousands(row.scenario_peak)
        ));
    }
    for cause in &row.causes {
        if let Cause::JustPastBoundary {
            pool,
            pods,
            from,
            next,
            batch,
        } = cause
        {
            out.push_str(&format!(
                "{label}: P50 {} is below the scenario's {}: the scenario puts exactly {pods} pods on every node of {}, \
                 just past a batch boundary ({from} to {} pods take the same IPs); in the trials pods spread unevenly \
                 (pods_spread, rebalancing after scale-in), and a node left below {from} pods holds {batch} IPs less, \
                 while one above {pods} gains none until {next}.\n",
                thousands(row.p50),
                thousands(row.scenario_peak),
                visible(pool),
                next - 1,
            ));
        }
    }
    out
}
