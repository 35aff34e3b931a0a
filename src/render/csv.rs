//! `--format csv`: every plan's capacity rows, one line per subnet, for capacity reviews in a
//! spreadsheet. Findings are not rows: the exit code, and the other formats, carry them.
//! Figures are plain numbers (no thousands separators) so a spreadsheet reads them as such.

use crate::capacity::rows::SubnetRow;
use crate::check::FileReport;
use std::io;

/// The columns: `file` first, so the rows of many plans can share one sheet; the rest as
/// the JSON `subnets[]` names them (docs/json-output.md), the exhaustion point flattened.
pub const HEADER: [&str; 13] = [
    "file",
    "vnet",
    "name",
    "cidr",
    "role",
    "usable",
    "baseline_demand",
    "peak_demand",
    "utilization",
    "exhaustion_phase",
    "exhaustion_step",
    "exhaustion_cluster",
    "exhaustion_pool",
];

pub fn write(reports: &[FileReport], out: &mut dyn io::Write) -> io::Result<()> {
    // The csv crate quotes a field with a comma, a quote or a line break (RFC 4180), which a
    // subnet or pool name may hold.
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for report in reports {
        for row in &report.subnets {
            writer.write_record(record(&report.source.path, row))?;
        }
    }
    writer.flush()
}

fn record(path: &str, row: &SubnetRow) -> [String; 13] {
    let exhaustion = row.exhaustion.as_ref();
    [
        text(path),
        text(row.vnet.as_deref().unwrap_or_default()),
        text(&row.name),
        row.cidr.clone(),
        row.role.to_string(),
        row.usable.to_string(),
        row.baseline_demand.to_string(),
        row.peak_demand.to_string(),
        // The JSON's fraction (four decimals): a spreadsheet formats it as a percentage.
        row.utilization.map(|u| u.to_string()).unwrap_or_default(),
        exhaustion.map(|e| e.phase.to_string()).unwrap_or_default(),
        exhaustion.map(|e| e.step.to_string()).unwrap_or_default(),
        text(exhaustion.map_or("", |e| &e.cluster)),
        text(exhaustion.map_or("", |e| &e.pool)),
    ]
}

/// A name from the plan, kept from being read as a formula: a spreadsheet evaluates a cell
/// that starts with `=`, `+`, `-` or `@` (OWASP's "CSV injection"), and a plan may come from
/// anyone. Its control characters and bidi overrides are shown escaped (`\u{1b}`), as in
/// every output a person reads (`source::visible`): a CSV is read in a terminal too. Azure
/// names hold neither, so real names pass unchanged.
fn text(value: &str) -> String {
    let value = crate::source::visible(value);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn a_name_that_would_be_a_formula_is_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("@sum"), "'@sum");
        assert_eq!(text("podsubnet"), "podsubnet");
        assert_eq!(text(""), "");
        assert_eq!(text("v\u{1b}]8;;x\u{7}\u{202e}"), "v\\u{1b}]8;;x\\u{7}\\u{202e}");
    }
}
