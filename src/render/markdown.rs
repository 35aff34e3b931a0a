//! `--format markdown`: findings and capacity for a pull-request comment or a GitHub job
//! summary (`$GITHUB_STEP_SUMMARY`). GitHub-flavoured Markdown: a list of findings, each with
//! its place as `path:line:column`, then each plan's capacity table as a Markdown table with
//! the cells of the human one. Text from the plan is shown, never obeyed: its control
//! characters and bidi overrides as `\u{1b}` (`source::visible`), Markdown's own characters
//! escaped, and an `@name` (a GitHub mention, which would notify that user or team) broken by
//! a zero-width space, `@&#8203;name`, which reads the same and notifies nobody.

use super::human::summary_line;
use super::table;
use super::Summary;
use crate::check::FileReport;
use crate::diagnostic::{Finding, Severity};
use crate::source::{visible, SourceFile};

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
        inline(&finding.message)
    );
    for related in &finding.related {
        let message = match related.message.as_str() {
            "" => String::new(),
            message => format!(": {}", inline(message)),
        };
        out.push_str(&format!("  - {}{message}\n", code(&place(related.span))));
    }
    if let Some(help) = &finding.help {
        out.push_str(&format!("  - help: {}\n", inline(help)));
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
/// kept as they are, the rest escaped. A line break in a name shows as `\u{a}`, as on a
/// terminal, so a message stays one list item.
fn inline(text: &str) -> String {
    let text = visible(text);
    // An unmatched backtick would open a code span that swallows the rest: treat all as text.
    if text.matches('`').count() % 2 == 1 {
        return escape(&text);
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
/// GitHub reads no mention inside a code span.
fn code(text: &str) -> String {
    let text = visible(text);
    if text.contains('`') {
        escape(&text)
    } else {
        format!("`{text}`")
    }
}

/// Names come from the plan: a `*`, `<` or `|` in one must show as itself, not as emphasis,
/// HTML or a table's next cell, and an `@team` must not notify the team.
fn escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            // GitHub's user and team names start with a letter or a digit.
            '@' if chars.peek().is_some_and(char::is_ascii_alphanumeric) => out.push_str("@&#8203;"),
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
    fn a_line_break_or_an_escape_shows_as_its_code() {
        assert_eq!(inline("first\nsecond"), "first\\\\u{a}second");
        assert_eq!(inline("`a\u{1b}[2J`"), "`a\\u{1b}[2J`");
        assert_eq!(code("p\u{202e}.yaml"), "`p\\u{202e}.yaml`");
    }

    #[test]
    fn a_mention_notifies_nobody() {
        assert_eq!(
            inline("cluster @my-org/admins, `@code`"),
            "cluster @&#8203;my-org/admins, `@code`"
        );
        assert_eq!(cell(&["@team".into()]), "@&#8203;team");
        assert_eq!(escape("a @ b, x@"), "a @ b, x@");
    }
}
