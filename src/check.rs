//! One plan file through the whole pipeline.

use crate::capacity::rows::SubnetRow;
use crate::config::Settings;
use crate::finding::Finding;
use crate::source::SourceFile;
use crate::{capacity, plan, rules, suppress, topology};

/// Everything cniplan has to say about one plan file.
pub struct FileReport {
    pub source: SourceFile,
    /// Sorted by place in the file, then rule.
    pub findings: Vec<Finding>,
    /// Capacity of every subnet with a valid CIDR, in plan order; empty when the plan did not load.
    pub subnets: Vec<SubnetRow>,
}

/// One plan with every rule at its default severity and no configuration.
pub fn check_source(source: SourceFile) -> FileReport {
    check_source_with(source, &Settings::default())
}

/// One plan under a repository's settings: rules turned off or re-graded, the headroom
/// warning, and the plan's own `# cniplan: ignore[...]` comments.
pub fn check_source_with(source: SourceFile, settings: &Settings) -> FileReport {
    let (findings, subnets) = match plan::load(&source) {
        Err(findings) => (findings, Vec::new()),
        Ok(loaded) => {
            let (mut topology, mut findings) = topology::resolve(&loaded);
            let plan_sets_headroom = loaded
                .root
                .get("allocation")
                .and_then(|a| a.get("headroom_warning"))
                .is_some();
            if let Some(headroom) = settings.headroom_warning.filter(|_| !plan_sets_headroom) {
                topology.allocation.headroom_warning = headroom;
            }
            let capacity = capacity::simulate(&topology);
            // Three independent jobs: the rules, the capacity rows, and freeing the span tree
            // and typed plan (a large plan's allocations take a while to give back).
            let ((rule_findings, rows), ()) = rayon::join(
                || {
                    rayon::join(
                        || rules::check(&topology, &capacity),
                        || capacity::rows::rows(&topology, &capacity),
                    )
                },
                move || drop(loaded),
            );
            findings.extend(rule_findings);
            (findings, rows)
        }
    };
    // Rules turned off are gone before suppressions are matched; the notes about unused
    // suppressions are graded like any other finding.
    let findings = settings.adjust(findings);
    let mut findings = settings.adjust(suppress::apply(&source, findings));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    FileReport {
        source,
        findings,
        subnets,
    }
}
