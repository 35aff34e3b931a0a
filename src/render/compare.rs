//! `cniplan compare` output: per cluster, a table of the modes and their notes, or the JSON
//! of docs/json-output.md.

use crate::compare::ClusterComparison;
use crate::diagnostic::Finding;
use crate::numbers::thousands;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

/// The `{"clusters": [...]}` of docs/json-output.md, with the plan's path and its finding
/// counts (as `simulate --format json` carries them), so a script knows whether `check` would
/// pass.
pub fn json(path: &str, findings: &[Finding], clusters: &[ClusterComparison]) -> String {
    super::answer::json(path, findings, "clusters", &clusters)
}

pub fn human(clusters: &[ClusterComparison], headroom: f64) -> String {
    if clusters.is_empty() {
        return "No cluster in the plan; nothing to compare.\n".to_string();
    }
    let mut out = String::new();
    for (i, c) in clusters.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{} ({} today): {} nodes at peak\n",
            super::cell::name(&c.cluster),
            c.current_mode,
            thousands(c.peak_nodes)
        ));
        out.push_str(&format!("{}\n", table(c)));
        out.push_str(&format!(
            "At peak; the smallest ranges keep the peak within {} % of their usable IPs or /24 slots.\n",
            percent(headroom)
        ));
        for m in &c.modes {
            for note in &m.notes {
                out.push_str(&format!("  {}: {}\n", m.mode, crate::source::visible(note)));
            }
        }
    }
    out
}

fn table(c: &ClusterComparison) -> Table {
    let mut table = Table::new();
    // No wrapping: a wrapped table is harder to read than a wide one.
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header([
            "mode",
            "node IPs",
            "pod IPs",
            "/24 slots",
            "node subnet",
            "pod subnet",
            "pod CIDR",
            "migration",
        ]);
    let count = |n: u64| if n == 0 { "-".to_string() } else { thousands(n) };
    let prefix = |p: &Option<String>| p.clone().unwrap_or_else(|| "-".to_string());
    for m in &c.modes {
        table.add_row([
            m.mode.to_string(),
            count(m.node_subnet_ips),
            count(m.pod_subnet_ips),
            count(m.pod_cidr_slots),
            prefix(&m.smallest.node_subnet),
            prefix(&m.smallest.pod_subnet),
            prefix(&m.smallest.pod_cidr),
            m.migration.as_str().to_string(),
        ]);
    }
    for column in 1..4 {
        if let Some(col) = table.column_mut(column) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

/// 0.8 → "80", 0.875 → "87.5": the headroom as the plan writes it, without float noise.
pub(crate) fn percent(headroom: f64) -> String {
    let p = (headroom * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn headroom_reads_as_a_percentage() {
        assert_eq!(super::percent(0.8), "80");
        assert_eq!(super::percent(0.875), "87.5");
        assert_eq!(super::percent(1.0), "100");
    }
}
