//! `cniplan rules`: the rule catalog as a table.

use crate::diagnostic::Rule;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

pub fn table() -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(["rule", "default", "fires when"]);
    for rule in Rule::ALL {
        table.add_row([rule.name(), &default_column(*rule), rule.summary()]);
    }
    format!("{table}\n`cniplan explain RULE` prints a rule's page.\n")
}

/// `error`, or `error / warning` for a rule whose other case is reported at another severity.
fn default_column(rule: Rule) -> String {
    match rule.other_severity() {
        Some(other) => format!("{} / {}", rule.default_severity(), other),
        None => rule.default_severity().to_string(),
    }
}
