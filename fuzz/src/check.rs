//! What the readers' fuzz targets do with an input once it is built: check it as
//! `cniplan check` does, render it in the formats a CI job reads (the JSON must stay valid
//! JSON) and, when it loads, walk its scenario.

use cniplan::input::Input;
use cniplan::render::{self, HumanOptions};

/// Checks `input`, renders it as human, JSON and SARIF, and simulates it when it loads;
/// panics with the JSON when that is not valid JSON (and `what` to say what was read).
pub fn check_and_render(input: Input, what: &str) {
    let checked = cniplan::check::run(input, &Default::default());
    let reports = [checked.report];
    let options = HumanOptions {
        color: false,
        quiet: false,
        width: 100,
    };
    assert!(!render::render(&reports, render::Format::Human, &options).is_empty());
    let json = render::render(&reports, render::Format::Json, &options);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("--format json is not valid JSON ({e}):\n{json}\n--- input:\n{what}");
    }
    let _ = render::render(&reports, render::Format::Sarif, &options);
    if let Some(model) = &checked.model {
        let _ = cniplan::simulate::step_tables(model);
    }
}
