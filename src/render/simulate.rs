//! `cniplan simulate` output: the step table of each used subnet, or the density sweep.

use crate::diagnostic::{Finding, Severity};
use crate::numbers::thousands;
use crate::simulate::{sweep_subnets, Density, SubnetSteps};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};
use serde_json::json;

/// The plan's findings by severity, so a script reading the simulation knows whether
/// `cniplan check` would pass.
fn summary(findings: &[Finding]) -> serde_json::Value {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    json!({"errors": count(Severity::Error), "warnings": count(Severity::Warning), "notes": count(Severity::Note)})
}

pub fn steps_json(path: &str, findings: &[Finding], subnets: &[SubnetSteps]) -> String {
    let value = json!({"path": path, "findings": summary(findings), "subnets": subnets});
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

pub fn sweep_json(path: &str, findings: &[Finding], densities: &[Density]) -> String {
    let value = json!({"path": path, "findings": summary(findings), "sweep": "pods-per-node",
                       "subnets": sweep_subnets(densities), "densities": densities});
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

pub fn steps_human(subnets: &[SubnetSteps]) -> String {
    if subnets.is_empty() {
        return "No subnet is used by a node pool; nothing to simulate.\n".to_string();
    }
    let mut out = String::new();
    for s in subnets {
        let row = &s.row;
        let counted = if row.vnet.is_some() {
            format!("{} subnet, {} usable IPs", row.role, thousands(row.usable))
        } else {
            format!("pod CIDR, {} /24 node slots", thousands(row.usable))
        };
        out.push_str(&format!("{} ({}, {counted})\n", row.label(), row.cidr));
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        let mut header: Vec<String> = vec!["phase".into(), "step".into()];
        header.extend(s.pool_names.iter().map(|n| format!("nodes {n}")));
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
            cells.push(if step.free < 0 {
                format!("-{}", thousands(step.free.unsigned_abs()))
            } else {
                thousands(step.free as u64)
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
                 for {} nodes and {} pods ({} of those IPs stranded), {} more than the {} usable.\n\n",
                e.phase,
                e.step,
                e.cluster,
                e.pool,
                thousands(e.demand),
                thousands(e.nodes),
                thousands(e.pods),
                thousands(e.stranded_ips),
                thousands(e.demand.saturating_sub(row.usable)),
                thousands(row.usable)
            ),
            None => format!(
                "Holds the peak: {} of {} usable IPs.\n\n",
                thousands(row.peak_demand),
                thousands(row.usable)
            ),
        });
    }
    out
}

/// Densities where some subnet's peak changes (IPs per node move in batches, so most
/// densities repeat the one before), and per subnet the densest packing that still fits.
pub fn sweep_human(densities: &[Density]) -> String {
    let Some(first) = densities.first() else {
        return "No node pool; nothing to sweep.\n".to_string();
    };
    if first.subnets.is_empty() {
        return "No subnet is used by a node pool; nothing to sweep.\n".to_string();
    }
    let names: Vec<String> = first
        .subnets
        .iter()
        .map(|s| match &s.vnet {
            Some(vnet) => format!("{vnet}/{}", s.name),
            None => s.name.clone(),
        })
        .collect();
    let mut out = String::from("Peak demand by pods per node (rows where a peak changes; ! = runs out)\n");
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED);
    let mut header = vec!["pods/node".to_string()];
    header.extend(names.iter().cloned());
    table.set_header(header);
    let mut last: Option<Vec<u64>> = None;
    for d in densities {
        let peaks: Vec<u64> = d.subnets.iter().map(|s| s.peak_demand).collect();
        if last.as_ref() == Some(&peaks) && d.pods_per_node != densities.len() as u32 - 1 {
            continue;
        }
        last = Some(peaks);
        let mut cells = vec![d.pods_per_node.to_string()];
        cells.extend(d.subnets.iter().map(|s| {
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
    let deciders = sweep_subnets(densities);
    for (i, name) in names.iter().enumerate() {
        let last = &densities[densities.len() - 1].subnets[i];
        if let Some((decider, note)) = deciders.get(i).and_then(|d| Some(d).zip(d.note)) {
            // The peak is the same at every density, so the sweep's answer is not a density.
            let who = match decider.decided_by {
                "max_pods" => "max_pods decides",
                _ => "the node count decides",
            };
            let verdict = if last.exhaustion.is_some() {
                "It runs out at every density."
            } else {
                "It holds every density."
            };
            out.push_str(&format!(
                "{name}: {note} ({} IPs, {} usable); {who}. {verdict}\n",
                thousands(last.peak_demand),
                thousands(last.usable)
            ));
            continue;
        }
        let fits = densities
            .iter()
            .take_while(|d| d.subnets[i].exhaustion.is_none())
            .last();
        let line = match fits {
            None => format!("{name}: runs out even with 0 pods per node.\n"),
            Some(d) if d.pods_per_node as usize + 1 == densities.len() => format!(
                "{name}: holds every density up to {} pods per node (peak {} of {} usable IPs).\n",
                d.pods_per_node,
                thousands(d.subnets[i].peak_demand),
                thousands(d.subnets[i].usable)
            ),
            Some(d) => format!(
                "{name}: holds up to {} pods per node; at {} it runs out.\n",
                d.pods_per_node,
                d.pods_per_node + 1
            ),
        };
        out.push_str(&line);
    }
    out
}
