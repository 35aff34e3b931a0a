//! What every stage reports, and where: rules, severities, findings and spans. A leaf of the
//! crate: it imports nothing of ours, so every stage can use it.

mod finding;
mod fix;
mod rule;
mod span;

pub use finding::{Finding, Related};
pub use fix::{Applicability, Candidate, Edit, Fix, MAX_CANDIDATES};
pub use rule::Rule;
pub use span::{Span, Spanned};

use std::fmt;

/// How serious a finding is; ordered so that `Error > Warning > Note`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
