//! The findings as `check` reports them, each with the lines of the plan around its place:
//! the value marked, and the related places (the other side of an overlap) marked too.

use super::html::{escape, prose};
use crate::check::FileReport;
use crate::diagnostic::{Finding, Span};
use crate::render::human::touches_long_line;
use crate::source::SourceFile;
use std::fmt::Write;

/// Lines shown above and below a finding's value.
const CONTEXT: usize = 2;

pub fn write(out: &mut String, report: &FileReport) {
    out.push_str(r#"<section id="findings"><h2>Findings</h2>"#);
    if report.findings.is_empty() {
        out.push_str("<p>No findings.</p></section>");
        return;
    }
    for finding in &report.findings {
        one(out, report, finding);
    }
    out.push_str("</section>");
}

fn one(out: &mut String, report: &FileReport, finding: &Finding) {
    let severity = finding.severity.as_str();
    let _ = write!(
        out,
        r#"<article class="finding {severity}"><p class="head"><span class="badge {severity}">{severity}</span> <b>{}</b> <span class="rule">[{}]</span>"#,
        prose(&finding.message),
        finding.rule.name()
    );
    let source = finding.span.map(|span| (span, report.source_of(span.file)));
    if let Some((span, source)) = source {
        let _ = write!(
            out,
            r#" <span class="at">{}:{}</span>"#,
            escape(&source.path),
            source.position(span.start)
        );
    }
    out.push_str("</p>");
    if let Some((span, source)) = source {
        let local = local(finding, span.file);
        if !touches_long_line(source, &local) {
            snippet(out, source, &local);
        }
    }
    for related in &finding.related {
        let other = report.source_of(related.span.file);
        let _ = write!(
            out,
            r#"<p class="related">{} <span class="at">{}:{}</span></p>"#,
            prose(&related.message),
            escape(&other.path),
            other.position(related.span.start)
        );
    }
    if let Some(help) = &finding.help {
        let _ = write!(out, r#"<p class="help"><b>help:</b> {}</p>"#, prose(help));
    }
    out.push_str("</article>");
}

/// The finding with only the places in `file`, the one its snippet shows.
fn local(finding: &Finding, file: u32) -> Finding {
    let mut f = finding.clone();
    f.related.retain(|r| r.span.file == file);
    f
}

/// The lines around the finding's value, numbered, with its value and related places marked.
fn snippet(out: &mut String, source: &SourceFile, finding: &Finding) {
    let Some(span) = finding.span else { return };
    let (from, to, first_line) = source.lines_around(span.start, span.end, CONTEXT, CONTEXT);
    let Some(text) = source.text.get(from..to) else {
        return;
    };
    let marks: Vec<(Span, &str)> = std::iter::once((span, "mark"))
        .chain(finding.related.iter().map(|r| (r.span, "mark related")))
        .collect();
    out.push_str(r#"<pre class="snippet">"#);
    let mut at = from;
    for (n, line) in text.split('\n').enumerate() {
        let _ = write!(out, r#"<span class="ln">{:>4}</span> "#, first_line + n + 1);
        marked_line(out, source, at, line, &marks);
        out.push('\n');
        at += line.len() + 1;
    }
    out.push_str("</pre>");
}

/// One line, escaped, with the parts under a mark wrapped in `<mark>`; a mark that does not
/// fall on character boundaries is left out rather than cut a character.
fn marked_line(out: &mut String, source: &SourceFile, start: usize, line: &str, marks: &[(Span, &str)]) {
    let end = start + line.len();
    let mut pos = start;
    let mut on_line: Vec<(usize, usize, &str)> = marks
        .iter()
        .filter_map(|(s, class)| {
            let (a, b) = (s.start.max(start), s.end.min(end));
            let empty_at_line = s.start == s.end && (start..=end).contains(&s.start);
            (a < b || empty_at_line).then_some((a, b.max(a), *class))
        })
        .collect();
    on_line.sort_by_key(|m| (m.0, m.1));
    for (a, b, class) in on_line {
        if a < pos {
            continue;
        }
        let (Some(before), Some(inner)) = (source.text.get(pos..a), source.text.get(a..b)) else {
            continue;
        };
        let _ = write!(
            out,
            r#"{}<mark class="{class}">{}</mark>"#,
            escape(before),
            escape(inner)
        );
        pos = b;
    }
    out.push_str(&escape(source.text.get(pos..end).unwrap_or_default()));
}
