//! One input through the whole pipeline: the library entry every command goes through.

use crate::capacity::rows::SubnetRow;
use crate::capacity::{AssumedSurge, Model};
use crate::config::Settings;
use crate::diagnostic::Finding;
use crate::input::Input;
use crate::source::SourceFile;
use crate::{capacity, input, rules, suppress, topology};

/// Everything cniplan has to say about one input.
#[derive(Clone)]
pub struct FileReport {
    /// The input (file 0 of every span).
    pub source: SourceFile,
    /// Other files the findings point into (files 1, 2, …): the `.tf` files beside a
    /// Terraform plan, the other files of an estate read together.
    pub extra_sources: Vec<SourceFile>,
    /// Sorted by file, place in the file, then rule.
    pub findings: Vec<Finding>,
    /// Capacity of every subnet with a valid CIDR, in plan order; empty when the plan did not load.
    pub subnets: Vec<SubnetRow>,
    /// The pools whose upgrade surge is the default, as the human output says under the
    /// capacity table (`capacity::assumed_surges`); the JSON has none of it.
    pub assumed_surges: Vec<AssumedSurge>,
}

impl FileReport {
    pub fn new(source: SourceFile, findings: Vec<Finding>, subnets: Vec<SubnetRow>) -> Self {
        FileReport {
            source,
            extra_sources: Vec::new(),
            findings,
            subnets,
            assumed_surges: Vec::new(),
        }
    }

    /// The source a span of this report points into.
    pub fn source_of(&self, file: u32) -> &SourceFile {
        match file.checked_sub(1) {
            None => &self.source,
            Some(i) => self.extra_sources.get(i as usize).unwrap_or(&self.source),
        }
    }
}

/// A checked input with what the commands beyond `check` build on: the resolved topology
/// and the scenario's capacity, when the input loaded.
pub struct Checked {
    pub report: FileReport,
    pub model: Option<Model>,
}

/// One plan with every rule at its default severity and no configuration.
pub fn check_source(source: SourceFile) -> FileReport {
    check_source_with(source, &Settings::default())
}

/// One plan under a repository's settings: rules turned off or re-graded, the headroom
/// warning, and the plan's own `# cniplan: ignore[...]` comments.
pub fn check_source_with(source: SourceFile, settings: &Settings) -> FileReport {
    run(Input::single(source), settings).report
}

/// The pipeline: read, resolve, place `cidr: auto` subnets, simulate, check, then settings
/// and suppressions; then every fix the rules propose is verified (`fix::verify`): checked
/// again with it applied, by this same pipeline, and kept only if it holds.
pub fn run(input: Input, settings: &Settings) -> Checked {
    let format = input.format;
    let editable = input::editable(&input);
    let syntaxes = input::syntaxes(&input);
    let mut checked = pipeline(input, settings);
    let report = &mut checked.report;
    if report.findings.iter().any(|f| f.fix.is_some()) {
        let files: Vec<SourceFile> = std::iter::once(report.source.clone())
            .chain(report.extra_sources.iter().cloned())
            .collect();
        let recheck =
            |sources: Vec<SourceFile>| pipeline(Input { sources, format }, settings).report.findings;
        let findings = std::mem::take(&mut report.findings);
        report.findings =
            crate::fix::verify(&files, &editable, &syntaxes, findings, settings.fixing, &recheck);
    }
    checked
}

/// What an input's files are to `check --fix`: which may be written, and in which syntax.
pub fn editable(input: &Input) -> (Vec<input::Editable>, Vec<input::comments::Syntax>) {
    (input::editable(input), input::syntaxes(input))
}

/// [`run`] without verifying fixes: what a verification checks again.
fn pipeline(input: Input, settings: &Settings) -> Checked {
    let (findings, subnets, model) = match input::read_with(&input, &|path| {
        settings.karpenter_cluster(path).map(str::to_string)
    }) {
        Err(findings) => (findings, Vec::new(), None),
        Ok(loaded) => {
            let (mut topology, mut findings) = topology::resolve(loaded.plan, settings.headroom_warning);
            findings.extend(loaded.notes);
            // `cidr: auto` subnets get their ranges before anything reads them.
            crate::size::auto::place(&mut topology);
            let capacity = capacity::simulate(&topology);
            let (rule_findings, rows) = rayon::join(
                || rules::check(&topology, &capacity),
                || capacity::rows::rows(&topology, &capacity),
            );
            findings.extend(rule_findings);
            input::tree::point_at_anchors(&mut findings, &loaded.aliases);
            input::name_resources(&mut findings, &loaded.resources);
            (findings, rows, Some(Model { topology, capacity }))
        }
    };
    // Rules turned off are gone before suppressions are matched; the notes about unused
    // suppressions are graded like any other finding.
    let findings = settings.adjust(findings);
    let syntaxes = input::syntaxes(&input);
    let mut findings = settings.adjust(suppress::apply(&input.sources, &syntaxes, findings));
    let mut sources = input.sources.into_iter();
    let source = sources.next().unwrap_or_else(|| SourceFile::new("", ""));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let assumed_surges = model
        .as_ref()
        .map_or_else(Vec::new, |m| capacity::assumed_surges(&m.topology, &m.capacity));
    Checked {
        report: FileReport {
            source,
            extra_sources: sources.collect(),
            findings,
            subnets,
            assumed_surges,
        },
        model,
    }
}
