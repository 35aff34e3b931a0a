//! `cniplan size` output: a table of every subnet and pod CIDR with its smallest prefix and a
//! free range, or its JSON (docs/json-output.md).

use super::cell;
use crate::diagnostic::Finding;
use crate::numbers::thousands;
use crate::size::SizeRow;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

/// The `{"subnets": [...]}` of docs/json-output.md, with the plan's path and finding counts
/// beside it, as `compare` and `simulate` carry them.
pub fn json(path: &str, findings: &[Finding], rows: &[SizeRow]) -> String {
    super::answer::json(path, findings, "subnets", &rows)
}

pub fn human(path: &str, rows: &[SizeRow], headroom: f64) -> String {
    if rows.is_empty() {
        return "No subnet or pod CIDR in the plan; nothing to size.\n".to_string();
    }
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(["range", "role", "current", "peak", "smallest", "suggested"]);
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    for r in rows {
        table.add_row([
            cell::range(r.vnet.as_deref(), &r.name),
            r.role.to_string(),
            cell::name(&r.current).into_owned(),
            thousands(r.peak_demand),
            dash(&r.smallest_prefix),
            dash(&r.suggested),
        ]);
    }
    if let Some(column) = table.column_mut(3) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    let mut out = format!("Sizes for {}\n{table}\n", crate::source::visible(path));
    out.push_str(&format!(
        "Peaks in IPs (pod CIDRs: /24 node slots). The smallest prefix keeps the peak within {} % of its \
         usable IPs under the plan's own mode; a suggested range overlaps no subnet, peered VNet, external \
         network, service CIDR, pod CIDR, forbidden range or other suggestion.\n",
        crate::render::compare::percent(headroom)
    ));
    for r in rows {
        if let Some(note) = &r.note {
            let name = cell::range(r.vnet.as_deref(), &r.name);
            out.push_str(&format!("  {name}: {}\n", crate::source::visible(note)));
        }
    }
    out
}
