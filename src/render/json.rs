//! `--format json`: the stable contract, documented for users in docs/json-output.md.

use super::Summary;
use crate::capacity::rows::SubnetRow;
use crate::check::FileReport;
use crate::source::SourceFile;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    files: Vec<File<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Diagnostic<'a>>,
    subnets: &'a [SubnetRow],
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

pub fn write(reports: &[FileReport], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let files = reports.iter().map(file).collect();
    let s = Summary::of(reports);
    let output = Output {
        files,
        summary: JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            notes: s.notes,
        },
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &output)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

fn file(report: &FileReport) -> File<'_> {
    let source = &report.source;
    let diagnostics = report
        .findings
        .iter()
        .map(|f| {
            let (start, end) = match f.span {
                Some(span) => {
                    let (s, e) = (source.position(span.start), source.position(span.end));
                    (Some(s), Some(e))
                }
                None => (None, None),
            };
            Diagnostic {
                rule: f.rule.name(),
                severity: f.severity.as_str(),
                message: &f.message,
                help: f.help.as_deref(),
                line: start.map(|p| p.line),
                column: start.map(|p| p.column),
                end_line: end.map(|p| p.line),
                end_column: end.map(|p| p.column),
                related: f.related.iter().map(|r| related(source, r)).collect(),
            }
        })
        .collect();
    File {
        path: &source.path,
        diagnostics,
        subnets: &report.subnets,
    }
}

fn related<'a>(source: &SourceFile, r: &'a crate::diagnostic::Related) -> Related<'a> {
    let (s, e) = (source.position(r.span.start), source.position(r.span.end));
    Related {
        message: &r.message,
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}
