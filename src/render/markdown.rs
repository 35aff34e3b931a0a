//! `--format markdown`: findings and capacity for a pull-request comment or a GitHub job
//! summary (`$GITHUB_STEP_SUMMARY`). GitHub-flavoured Markdown: a list of findings, each with
//! its place as `path:line:column`, then each plan's capacity table as a Markdown table with
//! the cells of the human one.

use super::human::summary_line;
use super::table;
use super::Summary;
use crate::check::FileReport;
use crate::diagnostic::{Finding, Severity};
use crate::source::SourceFile;

/// `quiet` leaves out the summary and the capacity tables, as it does for human output.
pub fn render(reports: &[FileReport], quiet: bool) -> String {
    let mut out = String::from("## cniplan\n\n");
    if !quiet {
        out.push_str(&summary_line(&Summary::of(reports)));
        out.push('\n');
    }
    let findings: Vec<String> = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| item(&r.source, f)))
        .collect();
    if !findings.is_empty() {
        out.push_str("### Findings\n\n");
        out.push_str(&findings.concat());
        out.push('\n');
    } else if quiet {
        out.push_str("No findings.\n\n");
    }
    if !quiet {
        for report in reports {
            out.push_str(&capacity(&report.source.path, &report.subnets));
        }
    }
    // One line break at the end, as a file or a job summary wants it.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `- ⚠️ **warning** `rule` `path:line:column`: message`, then its related places and its
/// help as a nested list.
fn item(source: &SourceFile, finding: &Finding) -> String {
    let (icon, severity) = match finding.severity {
        Severity::Error => ("❌", "error"),
        Severity::Warning => ("⚠️", "warning"),
        Severity::Note => ("ℹ️", "note"),
    };
    let place = |span: crate::diagnostic::Span| format!("{}:{}", source.path, source.position(span.start));
    let at = finding.span.map_or(source.path.clone(), place);
    let mut out = format!(
        "- {icon} **{severity}** {} {}: {}\n",
        code(finding.rule.name()),
        code(&at),
        lines(&finding.message)
    );
    for related in &finding.related {
        let message = match related.message.as_str() {
            "" => String::new(),
            message => format!(": {}", lines(message)),
        };
        out.push_str(&format!("  - {}{message}\n", code(&place(related.span))));
    }
    if let Some(help) = &finding.help {
        out.push_str(&format!("  - help: {}\n", lines(help)));
    }
    out
}

/// A plan's capacity table; nothing for a plan with no used subnet (human output shows none).
fn capacity(path: &str, rows: &[crate::capacity::rows::SubnetRow]) -> String {
    let rows = table::cells(rows);
    if rows.is_empty() {
        return String::new();
    }
    let mut out = format!("### Capacity of {}\n\n", code(path));
    let header: Vec<String> = table::HEADER.iter().map(|h| cell(&[h.to_string()])).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let rule: Vec<&str> = (0..table::HEADER.len())
        .map(|column| {
            if table::FIGURES.contains(&column) {
                "--:"
            } else {
                ":--"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|lines| cell(lines)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out
}

/// A table cell: its lines joined by `<br>`, the only line break a Markdown table cell has,
/// and every character Markdown would read escaped (`|` would end the cell).
fn cell(lines: &[String]) -> String {
    let lines: Vec<String> = lines.iter().map(|line| escape(line)).collect();
    lines.join("<br>")
}

/// A message's text: code spans (between backticks, as messages quote names and settings)
/// kept as they are, the rest escaped; a line break becomes a hard break inside the list item.
fn lines(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(inline).collect();
    lines.join("\\\n    ")
}

fn inline(text: &str) -> String {
    // An unmatched backtick would open a code span that swallows the rest: treat all as text.
    if text.matches('`').count() % 2 == 1 {
        return escape(text);
    }
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("`{part}`")
            } else {
                escape(part)
            }
        })
        .collect()
}

/// A value as code (`path:8:21`, a rule's name); plain escaped text if it holds a backtick.
fn code(text: &str) -> String {
    if text.contains('`') || text.contains('\n') {
        escape(text)
    } else {
        format!("`{text}`")
    }
}

/// Names come from the plan: a `*`, `<` or `|` in one must show as itself, not as emphasis,
/// HTML or a table's next cell.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_stay_and_the_rest_is_escaped() {
        assert_eq!(
            inline("cluster `my_aks` has *two* <pools>"),
            "cluster `my_aks` has \\*two\\* \\<pools\\>"
        );
        assert_eq!(inline("a ` alone"), "a \\` alone");
    }

    #[test]
    fn a_cell_keeps_its_pipes_and_lines() {
        assert_eq!(cell(&["a|b".into(), "c".into()]), "a\\|b<br>c");
    }

    #[test]
    fn a_line_break_stays_inside_the_list_item() {
        assert_eq!(lines("first\nsecond"), "first\\\n    second");
    }
}
