//! One renderer per output format; each turns the reports of a run into text.

mod answer;
pub mod catalog;
mod cell;
pub mod churn;
pub mod compare;
mod csv;
mod github;
mod human;
mod json;
mod junit;
mod markdown;
pub mod report;
mod sarif;
pub mod simulate;
pub mod size;
mod snippet;
mod table;

use crate::check::FileReport;
use crate::diagnostic::{Finding, Severity};

pub use human::HumanOptions;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets, the capacity table and a summary line.
    Human,
    /// The stable JSON contract (docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// JUnit XML: one test case per plan file and rule.
    Junit,
    /// CSV: the capacity rows, one line per subnet, for a spreadsheet.
    Csv,
    /// GitHub-flavoured Markdown: findings and capacity tables, for pull requests and job
    /// summaries.
    Markdown,
}

pub fn render(reports: &[FileReport], format: Format, human: &HumanOptions) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(reports, format, human, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Renders straight into `out`: the JSON of a large estate is tens of megabytes that need
/// not sit in memory at once.
pub fn write(
    reports: &[FileReport],
    format: Format,
    human: &HumanOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let split;
    let reports = if reports.iter().any(|r| !r.extra_sources.is_empty()) {
        split = by_file(reports);
        &split[..]
    } else {
        reports
    };
    match format {
        Format::Human => out.write_all(human::render(reports, human).as_bytes()),
        Format::Json => json::write(reports, out),
        Format::Sarif => out.write_all(sarif::render(reports).as_bytes()),
        Format::Github => out.write_all(github::render(reports).as_bytes()),
        Format::Junit => out.write_all(junit::render(reports).as_bytes()),
        Format::Csv => csv::write(reports, out),
        Format::Markdown => out.write_all(markdown::render(reports, human.quiet).as_bytes()),
    }
}

/// Reports whose findings point into several files, as one report per file: every format
/// then places each finding in the file it belongs to, and the capacity stays with the input.
fn by_file(reports: &[FileReport]) -> Vec<FileReport> {
    let mut out = Vec::new();
    for report in reports {
        let files = 1 + report.extra_sources.len() as u32;
        for file in 0..files {
            let source = report.source_of(file);
            let findings: Vec<Finding> = report
                .findings
                .iter()
                .filter(|f| f.span.map_or(0, |s| s.file) == file)
                .map(|f| in_own_file(report, f))
                .collect();
            let subnets = if file == 0 {
                report.subnets.clone()
            } else {
                Vec::new()
            };
            if file == 0 || !findings.is_empty() {
                let mut split = FileReport::new(source.clone(), findings, subnets);
                if file == 0 {
                    split.assumed_surges = report.assumed_surges.clone();
                }
                out.push(split);
            }
        }
    }
    out
}

/// A finding with its spans made relative to its own file; a related place in another file
/// is named in the related message instead.
fn in_own_file(report: &FileReport, finding: &Finding) -> Finding {
    let mut f = finding.clone();
    let file = f.span.map_or(0, |s| s.file);
    if let Some(span) = &mut f.span {
        span.file = 0;
    }
    f.related.retain(|r| r.span.file == file);
    for r in &finding.related {
        if r.span.file != file {
            let other = report.source_of(r.span.file);
            let at = other.position(r.span.start);
            f.message
                .push_str(&format!(" ({}: {}:{at})", r.message, other.path));
        }
    }
    for r in &mut f.related {
        r.span.file = 0;
    }
    // A fix is shown with its finding when all of it lies in the finding's file.
    if let Some(fix) = f.fix.as_deref_mut() {
        let edits = fix.candidates.iter_mut().flat_map(|c| c.edits.iter_mut());
        let mut elsewhere = false;
        for e in edits {
            elsewhere |= e.span.file != file;
            e.span.file = 0;
        }
        if elsewhere {
            f.fix = None;
        }
    }
    f
}

/// A plan's path as CI tools want it, relative to the repository: forward slashes, no leading
/// `./`. `None` for standard input, which has no place in the repository.
fn repository_path(path: &str) -> Option<String> {
    if path == STDIN_PATH {
        return None;
    }
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped.trim_start_matches('/');
    }
    Some(rest.to_string())
}

/// The path the CLI gives a plan read from standard input.
pub(crate) const STDIN_PATH: &str = "<stdin>";

/// Findings per severity across a run.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut summary = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for finding in reports.iter().flat_map(|r| &r.findings) {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Note => summary.notes += 1,
            }
        }
        summary
    }
}
