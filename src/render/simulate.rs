//! `cniplan simulate` output: the step table of each used subnet with its soft and hard
//! limits, or a sweep.

use super::answer::FindingCounts;
use super::cell;
use crate::capacity::{AssumedSurge, Role};
use crate::diagnostic::Finding;
use crate::numbers::thousands;
use crate::simulate::{SubnetSteps, Sweep, SweepKind, SweepRow, SweepSubnet};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};
use serde_json::json;

pub fn steps_json(path: &str, findings: &[Finding], subnets: &[SubnetSteps]) -> String {
    let value = json!({"path": path, "findings": FindingCounts::of(findings), "subnets": subnets});
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// A sweep (docs/sizing.md): per subnet the largest value that still fits, and every used range's
/// figures at each value shown. The pods-per-node sweep keeps its `densities` array.
pub fn sweep_json(path: &str, findings: &[Finding], sweep: &Sweep) -> String {
    let key = sweep.kind.key();
    let values: Vec<serde_json::Value> = sweep
        .values
        .iter()
        .map(|v| {
            let mut entry = serde_json::Map::new();
            entry.insert(key.to_string(), v.value.into());
            entry.insert("subnets".to_string(), json!(v.subnets));
            serde_json::Value::Object(entry)
        })
        .collect();
    let array = match sweep.kind {
        SweepKind::PodsPerNode => "densities",
        SweepKind::MaxPods | SweepKind::MaxCount => "values",
    };
    let mut value = json!({"path": path, "findings": FindingCounts::of(findings), "sweep": sweep.kind.as_str(),
                           "subnets": sweep.subnets});
    if let Some(map) = value.as_object_mut() {
        map.insert(array.to_string(), serde_json::Value::Array(values));
    }
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// The step tables, then the pools whose surge phase counts the default surge, and why.
pub fn steps_human(subnets: &[SubnetSteps], surges: &[AssumedSurge]) -> String {
    if subnets.is_empty() {
        return "No subnet is used by a node pool; nothing to simulate.\n".to_string();
    }
    let mut out = String::new();
    for s in subnets {
        let row = &s.row;
        let counted = if row.vnet.is_some() {
            format!("{} subnet, {} usable IPs", row.role, thousands(row.usable))
        } else {
            format!(
                "pod CIDR, {} {} node slots",
                thousands(row.usable),
                row.node_block()
            )
        };
        let label = cell::range(row.vnet.as_deref(), &row.name);
        out.push_str(&format!("{label} ({}, {counted})\n", row.cidr));
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        let mut header: Vec<String> = vec!["phase".into(), "step".into()];
        header.extend(s.pool_names.iter().map(|n| format!("nodes {}", cell::name(n))));
        header.extend(["pods", "allocated", "stranded", "free"].map(String::from));
        table.set_header(header);
        let mut previous: Option<u64> = None;
        for step in &s.steps {
            if previous.is_some_and(|p| step.step > p + 1) {
                table.add_row(vec!["…".to_string(); s.pool_names.len() + 6]);
            }
            previous = Some(step.step);
            let mut cells = vec![step.phase.to_string(), step.step.to_string()];
            cells.extend(step.nodes.iter().map(|n| thousands(*n)));
            cells.extend([
                thousands(step.pods),
                thousands(step.allocated),
                thousands(step.stranded),
            ]);
            // |free| is at most u64::MAX: usable and demand are both u64.
            let free = u64::try_from(step.free.unsigned_abs()).unwrap_or(u64::MAX);
            cells.push(if step.free < 0 {
                format!("-{}", thousands(free))
            } else {
                thousands(free)
            });
            table.add_row(cells);
        }
        for column in 1..s.pool_names.len() + 6 {
            if let Some(c) = table.column_mut(column) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
        out.push_str(&format!("{table}\n"));
        out.push_str(&match &row.exhaustion {
            Some(e) => format!(
                "Runs out in the {} phase at step {}: pool {}/{} cannot get its IPs; the step needs {} IPs \
                 for {} nodes and {} pods ({} of those IPs stranded), {} more than the {} usable.\n",
                e.phase,
                e.step,
                cell::name(&e.cluster),
                cell::name(&e.pool),
                thousands(e.demand),
                thousands(e.nodes),
                thousands(e.pods),
                thousands(e.stranded_ips),
                thousands(e.demand.saturating_sub(row.usable)),
                thousands(row.usable)
            ),
            None => format!(
                "Holds the peak: {} of {} usable IPs.\n",
                thousands(row.peak_demand),
                thousands(row.usable)
            ),
        });
        out.push_str(&limits_lines(s));
        out.push('\n');
    }
    if let Some(surges) = super::table::assumed_surges(surges) {
        out.push_str(&surges);
    }
    out
}

/// The soft and hard limits (docs/capacity.md) under a subnet's step table: where batches stop
/// fitting and where pods fail even with batches of 1; for other ranges, why there are none
/// (only when the range runs out, where a reader looks for them).
fn limits_lines(s: &SubnetSteps) -> String {
    let usable = thousands(s.row.usable);
    match (&s.soft_limit, &s.hard_limit, s.scarce_peak_demand) {
        (Some(soft), hard, Some(scarce)) => {
            let mut out = format!(
                "Soft limit {}: a full batch no longer fits ({} IPs for {} nodes), so pods begin waiting for IPs.\n",
                soft.when(),
                thousands(soft.demand),
                thousands(soft.nodes)
            );
            out.push_str(&match hard {
                Some(h) => format!(
                    "Hard limit {}: even with batches of 1 (the node agent's subnet-scarcity mode) {} pods and \
                     the primary IPs of {} nodes need {} of {usable} IPs, so pods fail to start.\n",
                    h.when(),
                    thousands(h.pods),
                    thousands(h.nodes),
                    thousands(h.demand)
                ),
                None => format!(
                    "No hard limit: with batches of 1 (the node agent's subnet-scarcity mode) pods plus primary \
                     IPs peak at {} of {usable} IPs, so every pod starts, some after a wait.\n",
                    thousands(scarce)
                ),
            });
            out
        }
        (None, _, Some(scarce)) => format!(
            "No soft or hard limit: full batches fit at every step (pods plus primary IPs peak at {}).\n",
            thousands(scarce)
        ),
        _ if s.row.exhaustion.is_some() => format!("{}.\n", s.limits_note.unwrap_or_default()),
        _ => String::new(),
    }
}

/// The values where it matters (pods per node: where some peak changes, as IPs per node move
/// in batches; max_pods: every 16 and around each answer; max_count: each answer and the value
/// after it), then per subnet the largest value that still fits.
pub fn sweep_human(sweep: &Sweep) -> String {
    let values = &sweep.values;
    let Some(first) = values.first() else {
        return "No node pool; nothing to sweep.\n".to_string();
    };
    if first.subnets.is_empty() {
        return "No subnet is used by a node pool; nothing to sweep.\n".to_string();
    }
    let names: Vec<String> = first
        .subnets
        .iter()
        .map(|s| cell::range(s.vnet.as_deref(), &s.name))
        .collect();
    let (title, column) = match sweep.kind {
        SweepKind::PodsPerNode => ("Peak demand by pods per node (rows where a peak changes; ! = runs out)", "pods/node"),
        SweepKind::MaxPods => (
            "Peak demand by max_pods on every pool (every 16, and around each subnet's answer; ! = runs out)",
            "max_pods",
        ),
        SweepKind::MaxCount => (
            "Peak demand by max_count on every pool (each subnet's answer and the value after it; ! = runs out)",
            "max_count",
        ),
    };
    let mut out = format!("{title}\n");
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    let mut header = vec![column.to_string()];
    header.extend(names.iter().cloned());
    table.set_header(header);
    let answers: Vec<u32> = sweep
        .subnets
        .iter()
        .filter_map(|s| s.largest_fitting)
        .flat_map(|v| [v, v.saturating_add(1)])
        .collect();
    let top = values.last().map_or(0, |v| v.value);
    let mut last: Option<Vec<u64>> = None;
    for v in values {
        let peaks: Vec<u64> = v.subnets.iter().map(|s| s.peak_demand).collect();
        let shown = match sweep.kind {
            SweepKind::PodsPerNode => last.as_ref() != Some(&peaks) || v.value == top,
            SweepKind::MaxPods => {
                v.value % 16 == 0
                    || v.value == values[0].value
                    || v.value == top
                    || answers.contains(&v.value)
            }
            SweepKind::MaxCount => true,
        };
        last = Some(peaks);
        if !shown {
            continue;
        }
        let mut cells = vec![thousands(v.value)];
        cells.extend(v.subnets.iter().map(|s| {
            let mark = if s.exhaustion.is_some() { " !" } else { "" };
            format!("{}{mark}", thousands(s.peak_demand))
        }));
        table.add_row(cells);
    }
    for column in 0..=names.len() {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push_str(&format!("{table}\n"));
    let at_top = values.last().map(|v| &v.subnets);
    for (i, (name, s)) in names.iter().zip(&sweep.subnets).enumerate() {
        let Some(last) = at_top.and_then(|rows| rows.get(i)) else {
            continue;
        };
        out.push_str(&answer_line(sweep.kind, name, s, last));
    }
    out
}

/// One subnet's answer: the largest value that fits, or why the sweep's value does not matter.
fn answer_line(kind: SweepKind, name: &str, s: &SweepSubnet, last: &SweepRow) -> String {
    let unit = if s.role == Role::PodCidr {
        "usable /24 slots"
    } else {
        "usable IPs"
    };
    if let Some(note) = s.note {
        // The peak is the same at every value, so the sweep's answer is not a value.
        let who = match s.decided_by {
            "max_pods" => "max_pods decides",
            _ => "the node count decides",
        };
        let (every, verdict) = match kind {
            SweepKind::PodsPerNode => ("density", "It holds every density."),
            _ => ("value", "It holds every value."),
        };
        let verdict = if last.exhaustion.is_some() {
            format!("It runs out at every {every}.")
        } else {
            verdict.to_string()
        };
        let counted = if s.role == Role::PodCidr {
            "/24 slots"
        } else {
            "IPs"
        };
        return format!(
            "{name}: {note} ({} {counted}, {} usable); {who}. {verdict}\n",
            thousands(last.peak_demand),
            thousands(last.usable)
        );
    }
    let peak = |p: Option<u64>| thousands(p.unwrap_or_default());
    let nodes = thousands(s.full_scale_nodes_at_largest.unwrap_or_default());
    let usable = thousands(s.usable);
    match (kind, s.largest_fitting) {
        (SweepKind::PodsPerNode, None) => format!("{name}: runs out even with 0 pods per node.\n"),
        (SweepKind::MaxPods, None) => format!("{name}: runs out even at max_pods 10, the lowest AKS takes.\n"),
        (SweepKind::MaxCount, None) => format!(
            "{name}: runs out at the pools' baseline whatever max_count: lower node_count or min_count, or give it a \
             larger range.\n"
        ),
        (SweepKind::PodsPerNode, Some(d)) if s.every_value_fits => format!(
            "{name}: holds every density up to {d} pods per node (peak {} of {usable} {unit}).\n",
            peak(s.peak_at_largest)
        ),
        (SweepKind::PodsPerNode, Some(d)) => {
            format!("{name}: holds up to {d} pods per node; at {} it runs out.\n", d + 1)
        }
        (SweepKind::MaxPods, Some(v)) if s.every_value_fits => format!(
            "{name}: holds every max_pods up to {v} (all pools together: {nodes} nodes at full scale, peak {} of \
             {usable} {unit}).\n",
            peak(s.peak_at_largest)
        ),
        (SweepKind::MaxPods, Some(v)) => format!(
            "{name}: holds up to max_pods {v}; at {} it runs out (at {v}, all pools together: {nodes} nodes at full \
             scale, peak {} of {usable} {unit}).\n",
            v + 1,
            peak(s.peak_at_largest)
        ),
        (SweepKind::MaxCount, Some(v)) if s.every_value_fits => format!(
            "{name}: holds max_count {} (AKS's limit per pool) on every pool: all pools together reach {nodes} nodes \
             at full scale (peak {} of {usable} {unit}).\n",
            thousands(v),
            peak(s.peak_at_largest)
        ),
        (SweepKind::MaxCount, Some(v)) => format!(
            "{name}: holds max_count {} on every pool: all pools together reach {nodes} nodes at full scale (peak {} \
             of {usable} {unit}); at {} it runs out.\n",
            thousands(v),
            peak(s.peak_at_largest),
            thousands(v + 1)
        ),
    }
}
