//! Arbitrary bytes → plan text → `check_source` → every renderer.
//!
//! Valid UTF-8 is checked as it is; anything else is decoded lossily (as `cniplan check`
//! does with a non-UTF-8 file), so every input reaches the loader. When the text loads,
//! the `simulate` step tables are built too (cheap; the density sweep is left to the
//! `structured_plan` target, where inputs are plans and not mostly syntax errors).
#![no_main]

use cniplan::render::{self, Format, HumanOptions};
use cniplan::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    exercise(text);
});

fn exercise(text: String) {
    let source = SourceFile::new("fuzz.cniplan.yaml", text.clone());
    let report = cniplan::check_source(source);
    let reports = [report];
    let options = HumanOptions {
        color: false,
        quiet: false,
        width: 100,
    };
    let human = render::render(&reports, Format::Human, &options);
    assert!(!human.is_empty());
    let json = render::render(&reports, Format::Json, &options);
    // The JSON output is a stable contract: it must always be valid JSON.
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("--format json is not valid JSON ({e}):\n{json}");
    }
    let colored = HumanOptions {
        color: true,
        quiet: true,
        width: 40,
    };
    let _ = render::render(&reports, Format::Human, &colored);

    let source = SourceFile::new("fuzz.cniplan.yaml", text);
    let checked = cniplan::check::run(cniplan::input::Input::single(source), &Default::default());
    if let Some(model) = &checked.model {
        let findings = &checked.report.findings;
        let steps = cniplan::simulate::step_tables(model);
        let _ = render::simulate::steps_human(&steps, &[]);
        let _ = render::simulate::steps_json("fuzz.cniplan.yaml", findings, &steps);
    }
}
