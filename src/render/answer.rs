//! What every answer's JSON (`simulate`, `compare`, `size`) carries beside its body: the
//! plan's path and its findings by severity, so a script reading the answer knows whether
//! `cniplan check` would pass without running it.

use crate::diagnostic::{Finding, Severity};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// The plan's findings by severity.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct FindingCounts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl FindingCounts {
    pub fn of(findings: &[Finding]) -> Self {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        FindingCounts {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
        }
    }
}

/// `{"path", "findings", KEY: body}`, pretty-printed, keys in that order (docs/json-output.md
/// names the body's key: `clusters` for compare, `subnets` for size).
pub fn json<T: Serialize>(path: &str, findings: &[Finding], key: &str, body: &T) -> String {
    let answer = Answer {
        path,
        findings: FindingCounts::of(findings),
        key,
        body,
    };
    // Serializing plain numbers and strings cannot fail.
    serde_json::to_string_pretty(&answer).unwrap_or_default() + "\n"
}

struct Answer<'a, T> {
    path: &'a str,
    findings: FindingCounts,
    key: &'a str,
    body: &'a T,
}

impl<T: Serialize> Serialize for Answer<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("path", self.path)?;
        map.serialize_entry("findings", &self.findings)?;
        map.serialize_entry(self.key, self.body)?;
        map.end()
    }
}
