//! Human output: each finding as miette renders compiler diagnostics — the source
//! snippet, a label on the offending value, related labels, and the fix as help.

use super::Summary;
use crate::check::FileReport;
use crate::diagnostic::{Finding, Severity};
use crate::source::SourceFile;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
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
        .with_links(false);
    let mut out = String::new();
    for report in reports {
        let source = Named {
            source: &report.source,
        };
        for finding in &report.findings {
            let snippet = !touches_long_line(&report.source, finding);
            let diagnostic = Report {
                finding,
                source: &source,
                snippet,
            };
            // Writing into a String cannot fail.
            let _ = handler.render_report(&mut out, &diagnostic);
            if !snippet {
                if let Some(span) = finding.span {
                    let at = report.source.position(span.start);
                    out.push_str(&format!("  at {}:{at}\n", report.source.path));
                }
            }
            out.push('\n');
        }
        if !options.quiet {
            if let Some(table) = super::table::capacity(&report.source.path, &report.subnets) {
                out.push_str(&table);
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

/// A plan's text under its path, as miette wants a source. Snippets are cut with the file's
/// line index: miette's own `str` source counts lines from the top for every finding, which
/// makes thousands of findings in a large file quadratic.
struct Named<'a> {
    source: &'a SourceFile,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = &self.source.text;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (line_start, to, first_line) = self.source.lines_around(start, end, before, after);
        let (_, _, last_line) = self.source.lines_around(end, end, 0, after);
        // Without context lines miette reads the header's line:column from here, so the
        // contents start at the span itself, with its column counted in characters.
        let (from, column) = if before == 0 {
            (start, self.source.position(start).column - 1)
        } else {
            (line_start, 0)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.source.path.clone(),
            &text.as_bytes()[from..to.max(from)],
            (from, to.max(from) - from).into(),
            self.source.position(from).line - 1,
            column,
            last_line - first_line + 1,
        )))
    }
}

struct Report<'a> {
    finding: &'a Finding,
    source: &'a Named<'a>,
    /// Show the source snippet with labels (false for over-long lines).
    snippet: bool,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
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
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (self.snippet && self.finding.span.is_some()).then_some(self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.finding.span.filter(|_| self.snippet)?;
        let primary = LabeledSpan::new_primary_with_span(None, (span.start, span.len()));
        let related = self
            .finding
            .related
            .iter()
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), (r.span.start, r.span.len())));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
