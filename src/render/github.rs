//! `--format github`: one GitHub Actions workflow command per finding, which the runner turns
//! into an annotation on the plan's line in the pull request. Escaped exactly as the Actions
//! toolkit escapes (`@actions/core`, `command.ts`), so no message can end the command early
//! nor start another; before that, text from the plan shows its control characters and bidi
//! overrides as `\u{1b}` (`source::visible`), as the job's log would otherwise obey them.

use super::repository_path;
use crate::check::FileReport;
use crate::diagnostic::{Finding, Severity};
use crate::source::SourceFile;

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for finding in &report.findings {
            out.push_str(&command(&report.source, finding));
            out.push('\n');
        }
    }
    out
}

fn command(source: &SourceFile, finding: &Finding) -> String {
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut properties = Vec::new();
    if let Some(path) = repository_path(&source.path) {
        properties.push(("file", path));
        if let Some(span) = finding.span {
            let (start, end) = (source.position(span.start), source.position(span.end));
            properties.push(("line", start.line.to_string()));
            properties.push(("col", start.column.to_string()));
            properties.push(("endLine", end.line.to_string()));
            properties.push(("endColumn", end.column.to_string()));
        }
    }
    properties.push(("title", format!("cniplan ({})", finding.rule.name())));
    let properties: Vec<String> = properties
        .into_iter()
        .map(|(key, value)| format!("{key}={}", escape_property(&value)))
        .collect();
    let mut message = escape_data(&finding.message);
    // The help on a line of its own in the annotation: cniplan's line break, `%0A`.
    if let Some(help) = &finding.help {
        message.push_str("%0A");
        message.push_str(&escape_data(help));
    }
    format!("::{name} {}::{message}", properties.join(","))
}

/// `escapeData` of the toolkit: the message after the final `::`, its hidden characters shown
/// first (which leaves no line break for the toolkit's `%0D` and `%0A`).
fn escape_data(text: &str) -> String {
    crate::source::visible(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// `escapeProperty` of the toolkit: a `key=value` property before the `::`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does_after_showing_controls() {
        assert_eq!(escape_data("50% done: next, then"), "50%25 done: next, then");
        assert_eq!(escape_property("a:b,c%d"), "a%3Ab%2Cc%25d");
        // A line break in a name cannot end the command and start `::add-mask::` or another.
        assert_eq!(
            escape_data("x\r\n::error::\u{1b}[2J"),
            "x\\u{d}\\u{a}::error::\\u{1b}[2J"
        );
        assert_eq!(escape_property("a\nb"), "a\\u{a}b");
    }
}
