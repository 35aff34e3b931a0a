//! One renderer per output format; each turns the reports of a run into text.

pub mod catalog;
mod github;
mod human;
mod json;
mod junit;
mod sarif;
pub mod simulate;
mod table;

use crate::check::FileReport;
use crate::diagnostic::Severity;

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
}

pub fn render(reports: &[FileReport], format: Format, human: &HumanOptions) -> String {
    match format {
        Format::Human => human::render(reports, human),
        Format::Json => json::render(reports),
        Format::Sarif => sarif::render(reports),
        Format::Github => github::render(reports),
        Format::Junit => junit::render(reports),
    }
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
const STDIN_PATH: &str = "<stdin>";

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
