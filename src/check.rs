//! One plan file through the whole pipeline.

use crate::finding::Finding;
use crate::source::SourceFile;
use crate::{plan, rules, topology};

/// Everything cniplan has to say about one plan file.
pub struct FileReport {
    pub source: SourceFile,
    /// Sorted by place in the file, then rule.
    pub findings: Vec<Finding>,
}

pub fn check_source(source: SourceFile) -> FileReport {
    let mut findings = match plan::load(&source) {
        Err(findings) => findings,
        Ok(loaded) => {
            let (topology, mut findings) = topology::resolve(&loaded);
            findings.extend(rules::check(&topology));
            findings
        }
    };
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    FileReport { source, findings }
}
