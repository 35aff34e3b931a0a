//! The capacity table of `check`: one row per used subnet, under the human output and, as a
//! Markdown table, in `--format markdown`.

use super::cell;
use crate::capacity::rows::SubnetRow;
use crate::capacity::{AssumedSurge, Role, SurgeDefault};
use crate::limits::MAX_NODES_PER_POOL;
use crate::numbers::thousands;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

/// The capacity table's columns, shared by the human and the Markdown renderers.
pub(super) const HEADER: [&str; 9] = [
    "subnet",
    "cidr",
    "role",
    "usable",
    "baseline",
    "peak",
    "util.",
    "exhaustion",
    // Each figure is one pool with the subnet to itself: pools sharing a subnet do not each
    // get that many together.
    "most nodes, each pool alone",
];

/// The columns that hold figures, aligned right.
pub(super) const FIGURES: std::ops::Range<usize> = 3..7;

/// No wrapping: a wrapped table is harder to read than a wide one, and pagers scroll.
pub fn capacity(path: &str, rows: &[SubnetRow]) -> Option<String> {
    let cells = cells(rows);
    if cells.is_empty() {
        return None;
    }
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(HEADER);
    for row in cells {
        // One pool per line of the last cell.
        table.add_row(row.map(|cell| cell.join("\n")));
    }
    for column in FIGURES {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    Some(format!("Capacity of {}\n{table}\n", crate::source::visible(path)))
}

/// The cells of every used subnet's row, as people read them; a cell is one or more lines
/// (the last column has one per pool), every name in it escaped and cut short
/// (`cell::name`). Empty when no subnet is used.
pub(super) fn cells(rows: &[SubnetRow]) -> Vec<[Vec<String>; 9]> {
    let used: Vec<&SubnetRow> = rows.iter().filter(|r| !r.pools.is_empty()).collect();
    // Name clusters in the pool column only when there is more than one.
    let clusters: std::collections::BTreeSet<&str> = used
        .iter()
        .flat_map(|r| r.pools.iter().map(|p| p.cluster.as_str()))
        .collect();
    used.into_iter()
        .map(|row| {
            let max_nodes: Vec<String> = row
                .pools
                .iter()
                .map(|p| {
                    let pool = if clusters.len() > 1 {
                        format!("{}/{}", cell::name(&p.cluster), cell::name(&p.pool))
                    } else {
                        cell::name(&p.pool).into_owned()
                    };
                    // A pod CIDR counts /24 node slots: each node takes one, whatever its pods.
                    // A virtual-node subnet counts pods, one IP each, with no node limit.
                    if row.role == Role::ApiServer {
                        return format!(
                            "{}: {} IPs (API server)",
                            cell::name(&p.cluster),
                            thousands(p.ips_per_node)
                        );
                    }
                    if row.role == Role::HostedSystem {
                        return format!(
                            "{}: {} hosted system nodes",
                            cell::name(&p.cluster),
                            thousands(p.peak_nodes)
                        );
                    }
                    if row.role == Role::VirtualNode {
                        return format!("{pool}: {} pods at 1 IP each", thousands(p.max_nodes));
                    }
                    let (per_node, range) = match (row.role, p.ips_per_node) {
                        (Role::PodCidr, _) => (format!("a {} each", row.node_block()), "pod CIDR"),
                        (_, 1) => ("1 IP/node".to_string(), "subnet"),
                        (_, ips) => (format!("{} IPs/node", thousands(ips)), "subnet"),
                    };
                    pool_alone(&pool, p.max_nodes, &per_node, range)
                })
                .collect();
            let exhaustion = match &row.exhaustion {
                Some(e) => format!(
                    "{} step {}, {}/{}",
                    e.phase,
                    e.step,
                    cell::name(&e.cluster),
                    cell::name(&e.pool)
                ),
                None => "-".to_string(),
            };
            let utilization = row
                .utilization
                .map_or("-".to_string(), |u| format!("{:.1} %", u * 100.0));
            let line = |cell: String| vec![cell];
            [
                line(cell::name(&row.name).into_owned()),
                line(row.cidr.clone()),
                line(row.role.to_string()),
                line(thousands(row.usable)),
                line(thousands(row.baseline_demand)),
                line(thousands(row.peak_demand)),
                line(utilization),
                line(exhaustion),
                max_nodes,
            ]
        })
        .collect()
}

/// "nodepool1: 261 at 251 IPs/node"; above AKS's 1,000 nodes per pool, the limit first and what
/// the subnet alone would hold after it, so no cell promises a pool AKS cannot build.
fn pool_alone(pool: &str, max_nodes: u64, per_node: &str, range: &str) -> String {
    if max_nodes > MAX_NODES_PER_POOL {
        format!(
            "{pool}: {} at {per_node} (AKS limit; the {range} holds {})",
            thousands(MAX_NODES_PER_POOL),
            thousands(max_nodes)
        )
    } else {
        format!("{pool}: {} at {per_node}", thousands(max_nodes))
    }
}

/// Pools listed by name under a capacity table or step tables; past this many, a count.
pub(super) const SURGES_LISTED: usize = 20;

/// The pools whose upgrade surge is the default, and why, as `check` and `simulate` print
/// them under their tables: the surge phase and every peak count these nodes. None when
/// every pool writes its surge.
pub(super) fn assumed_surges(surges: &[AssumedSurge]) -> Option<String> {
    if surges.is_empty() {
        return None;
    }
    let mut out =
        String::from("Upgrade surge assumed for the pools that write none, as counted in the surge phase:\n");
    for s in surges.iter().take(SURGES_LISTED) {
        out.push_str(&format!(
            "  {}/{}: {}\n",
            cell::name(&s.cluster),
            cell::name(&s.pool),
            s.figures()
        ));
    }
    if surges.len() > SURGES_LISTED {
        out.push_str(&format!(
            "  … and {} more pools, each likewise\n",
            thousands((surges.len() - SURGES_LISTED) as u64)
        ));
    }
    let mut defaults: Vec<SurgeDefault> = surges.iter().map(|s| s.default).collect();
    defaults.sort_unstable();
    defaults.dedup();
    for default in &defaults {
        out.push_str(&format!("Why: {}.\n", default.why()));
    }
    if defaults.contains(&SurgeDefault::Aks) {
        out.push_str(
            "Write a pool's max_surge (a node count, or a percentage such as \"33%\") to plan for another.\n",
        );
    }
    Some(out)
}
