//! One input through the whole pipeline: the library entry every command goes through.

use crate::capacity::rows::SubnetRow;
use crate::capacity::SubnetCapacity;
use crate::config::Settings;
use crate::diagnostic::Finding;
use crate::source::SourceFile;
use crate::topology::Topology;
use crate::{capacity, input, rules, suppress, topology};

/// Everything cniplan has to say about one input file.
pub struct FileReport {
    pub source: SourceFile,
    /// Sorted by place in the file, then rule.
    pub findings: Vec<Finding>,
    /// Capacity of every subnet with a valid CIDR, in plan order; empty when the plan did not load.
    pub subnets: Vec<SubnetRow>,
}

/// A checked input with what the commands beyond `check` build on: the resolved topology
/// and the scenario's capacity, when the input loaded.
pub struct Checked {
    pub report: FileReport,
    pub model: Option<Model>,
}

pub struct Model {
    pub topology: Topology,
    pub capacity: Vec<SubnetCapacity>,
}

/// One plan with every rule at its default severity and no configuration.
pub fn check_source(source: SourceFile) -> FileReport {
    check_source_with(source, &Settings::default())
}

/// One plan under a repository's settings: rules turned off or re-graded, the headroom
/// warning, and the plan's own `# cniplan: ignore[...]` comments.
pub fn check_source_with(source: SourceFile, settings: &Settings) -> FileReport {
    run(source, settings).report
}

/// The pipeline: read, resolve, simulate, check, then settings and suppressions.
pub fn run(source: SourceFile, settings: &Settings) -> Checked {
    let (findings, subnets, model) = match input::cniplan::read(&source) {
        Err(findings) => (findings, Vec::new(), None),
        Ok(loaded) => {
            let (topology, mut findings) = topology::resolve(loaded.plan, settings.headroom_warning);
            let capacity = capacity::simulate(&topology);
            let (rule_findings, rows) = rayon::join(
                || rules::check(&topology, &capacity),
                || capacity::rows::rows(&topology, &capacity),
            );
            findings.extend(rule_findings);
            input::tree::point_at_anchors(&mut findings, &loaded.aliases);
            (findings, rows, Some(Model { topology, capacity }))
        }
    };
    // Rules turned off are gone before suppressions are matched; the notes about unused
    // suppressions are graded like any other finding.
    let findings = settings.adjust(findings);
    let mut findings = settings.adjust(suppress::apply(&source, findings));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Checked {
        report: FileReport {
            source,
            findings,
            subnets,
        },
        model,
    }
}
