//! One renderer per output format; each turns the reports of a run into text.

pub mod catalog;
mod human;
mod json;
pub mod simulate;
mod table;

use crate::check::FileReport;
use crate::finding::Severity;

pub use human::HumanOptions;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn render(reports: &[FileReport], format: Format, human: &HumanOptions) -> String {
    match format {
        Format::Human => human::render(reports, human),
        Format::Json => json::render(reports),
    }
}

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
