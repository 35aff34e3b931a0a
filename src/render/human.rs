//! Human output: each finding as miette renders compiler diagnostics — the source
//! snippet, a label on the offending value, related labels, and the fix as help.

use super::snippet::{Snippet, CONTEXT_LINES};
use super::Summary;
use crate::check::FileReport;
use crate::diagnostic::{Finding, Severity};
use crate::source::{visible, SourceFile};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use std::fmt;

pub struct HumanOptions {
    pub color: bool,
    /// Only the findings: no capacity table, no summary line.
    pub quiet: bool,
    pub width: usize,
}

pub fn render(reports: &[FileReport], options: &HumanOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_context_lines(CONTEXT_LINES);
    let mut out = String::new();
    for report in reports {
        for finding in &report.findings {
            let snippet = (finding.span.is_some() && !touches_long_line(&report.source, finding))
                .then(|| Snippet::new(&report.source, finding));
            let diagnostic = Report { finding, snippet };
            // Writing into a String cannot fail.
            let _ = handler.render_report(&mut out, &diagnostic);
            if diagnostic.snippet.is_none() {
                if let Some(span) = finding.span {
                    let at = report.source.position(span.start);
                    out.push_str(&format!("  at {}:{at}\n", visible(&report.source.path)));
                }
            }
            out.push('\n');
        }
    }
    // Then the capacity tables: every finding first, as a linter lists them, whatever the
    // files an input's findings are spread over (a Terraform module's table belongs to its
    // directory, its findings to its `.tf` files).
    if !options.quiet {
        for report in reports {
            if let Some(table) = super::table::capacity(&report.source.path, &report.subnets) {
                out.push_str(&table);
                // What the peaks rest on where the plan writes no surge.
                if let Some(surges) = super::table::assumed_surges(&report.assumed_surges) {
                    out.push_str(&surges);
                }
                out.push('\n');
            }
        }
    }
    if !options.quiet {
        out.push_str(&summary_line(&Summary::of(reports)));
    }
    out
}

/// Lines longer than this are shown as `path:line:column` without the snippet: a snippet of
/// them is unreadable, and miette cannot pad past 65,535 columns.
const LONGEST_SNIPPET_LINE: usize = 1_000;

pub(super) fn touches_long_line(source: &SourceFile, finding: &Finding) -> bool {
    let spans = finding
        .span
        .into_iter()
        .chain(finding.related.iter().map(|r| r.span));
    spans.into_iter().any(|span| {
        // Through the line index: searching the text for the line's ends cost a pass over
        // a one-line plan JSON (as Terraform writes it) for every finding.
        let (start, end, _) = source.lines_around(span.start, span.end, 0, 0);
        end - start > LONGEST_SNIPPET_LINE
    })
}

pub(super) fn summary_line(s: &Summary) -> String {
    let files = plural(s.files, "file");
    if s.errors + s.warnings + s.notes == 0 {
        return format!("No findings in {files}.\n");
    }
    let mut parts = Vec::new();
    for (n, word) in [(s.errors, "error"), (s.warnings, "warning"), (s.notes, "note")] {
        if n > 0 {
            parts.push(plural(n, word));
        }
    }
    format!("Found {} in {files}.\n", parts.join(", "))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One finding as miette renders it. Its message, help and labels come from the plan's
/// names and values, so each is shown through `visible`, as the snippet's text is.
struct Report<'a> {
    finding: &'a Finding,
    /// The source snippet with labels (none for a finding without a place, or on an
    /// over-long line).
    snippet: Option<Snippet<'a>>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(&self.finding.message))
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(&self.finding.message))
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.rule.name()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(visible(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let snippet = self.snippet.as_ref()?;
        let span = self.finding.span?;
        let primary = LabeledSpan::new_primary_with_span(None, snippet.shown(span));
        let related = self.finding.related.iter().map(|r| {
            LabeledSpan::new_with_span(Some(visible(&r.message).into_owned()), snippet.shown(r.span))
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
