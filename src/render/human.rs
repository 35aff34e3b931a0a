//! Human output: each finding as miette renders compiler diagnostics — the source
//! snippet, a label on the offending value, related labels, and the fix as help.

use super::Summary;
use crate::check::FileReport;
use crate::finding::{Finding, Severity};
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
            name: &report.source.path,
            text: &report.source.text,
        };
        for finding in &report.findings {
            let diagnostic = Report {
                finding,
                source: &source,
            };
            // Writing into a String cannot fail.
            let _ = handler.render_report(&mut out, &diagnostic);
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

fn summary_line(s: &Summary) -> String {
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

/// A plan's text under its path, as miette wants a source (NamedSource would need 'static).
struct Named<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

struct Report<'a> {
    finding: &'a Finding,
    source: &'a Named<'a>,
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
        self.finding.span.map(|_| self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.finding.span?;
        let primary = LabeledSpan::new_primary_with_span(None, (span.start, span.len()));
        let related = self
            .finding
            .related
            .iter()
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), (r.span.start, r.span.len())));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
