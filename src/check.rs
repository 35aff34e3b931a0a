//! One plan file through the whole pipeline.

use crate::capacity::rows::SubnetRow;
use crate::finding::Finding;
use crate::source::SourceFile;
use crate::{capacity, plan, rules, topology};

/// Everything cniplan has to say about one plan file.
pub struct FileReport {
    pub source: SourceFile,
    /// Sorted by place in the file, then rule.
    pub findings: Vec<Finding>,
    /// Capacity of every subnet with a valid CIDR, in plan order; empty when the plan did not load.
    pub subnets: Vec<SubnetRow>,
}

pub fn check_source(source: SourceFile) -> FileReport {
    let (mut findings, subnets) = match plan::load(&source) {
        Err(findings) => (findings, Vec::new()),
        Ok(loaded) => {
            let (topology, mut findings) = topology::resolve(&loaded);
            let capacity = capacity::simulate(&topology);
            findings.extend(rules::check(&topology, &capacity));
            (findings, capacity::rows::rows(&topology, &capacity))
        }
    };
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    FileReport {
        source,
        findings,
        subnets,
    }
}
