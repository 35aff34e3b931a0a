//! Structured plans: an `arbitrary` plan description (cniplan_fuzz::PlanDesc) rendered to
//! YAML in the SPEC §2 format, then `check_source`, every renderer and, when the plan loads,
//! the `simulate` step tables and the pods-per-node sweep with their renderers.
#![no_main]

use cniplan::diagnostic::Rule;
use cniplan::render::{self, Format, HumanOptions};
use cniplan::simulate::SweepKind;
use cniplan::source::SourceFile;
use cniplan_fuzz::PlanDesc;
use libfuzzer_sys::fuzz_target;

const PATH: &str = "fuzz.cniplan.yaml";

fuzz_target!(|plan: PlanDesc| {
    let rule_names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    let text = plan.to_yaml(&rule_names);

    let report = cniplan::check_source(SourceFile::new(PATH, text.clone()));
    let reports = [report];
    let options = HumanOptions {
        color: false,
        quiet: false,
        width: 100,
    };
    let human = render::render(&reports, Format::Human, &options);
    assert!(!human.is_empty());
    let json = render::render(&reports, Format::Json, &options);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("--format json is not valid JSON ({e}):\n{json}\n--- plan:\n{text}");
    }

    let source = SourceFile::new(PATH, text);
    let checked = cniplan::check::run(cniplan::input::Input::single(source), &Default::default());
    if let Some(model) = &checked.model {
        let findings = &checked.report.findings;
        let steps = cniplan::simulate::step_tables(model);
        let _ = render::simulate::steps_human(&steps, &[]);
        let steps_json = render::simulate::steps_json(PATH, findings, &steps);
        assert!(serde_json::from_str::<serde_json::Value>(&steps_json).is_ok());
        for kind in [SweepKind::PodsPerNode, SweepKind::MaxPods, SweepKind::MaxCount] {
            let sweep = cniplan::simulate::sweep(model, kind);
            let _ = render::simulate::sweep_human(&sweep);
            let sweep_json = render::simulate::sweep_json(PATH, findings, &sweep);
            assert!(serde_json::from_str::<serde_json::Value>(&sweep_json).is_ok());
        }
    }
});
