//! Arbitrary bytes → a Terraform plan JSON → the plan reader, `check` and `import`.
//!
//! Seeded with the plan fixtures (tests/fixtures/terraform/, tests/real/terraform/,
//! tests/bad-input/tfplan-*), libFuzzer's mutations keep most inputs JSON and many of them
//! plans. Every input must end in findings or a plan, never a panic; when it loads, the
//! plan `cniplan import` writes must check to the same capacity rows (without `source`), and
//! the JSON output must be valid JSON.
#![no_main]

use cniplan::check;
use cniplan::input::{self, Format, Input};
use cniplan::plan::write::{self, Part};
use cniplan::render::{self, HumanOptions};
use cniplan::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = SourceFile::new("fuzz.tfplan.json", text);
    let input = Input {
        sources: vec![source.clone()],
        format: Format::Terraform,
    };
    let Ok(loaded) = input::read(&input) else {
        return;
    };
    let settings = Default::default();
    let checked = check::run(
        Input {
            sources: vec![source],
            format: Format::Terraform,
        },
        &settings,
    );
    let reports = [checked.report];
    let options = HumanOptions {
        color: false,
        quiet: false,
        width: 100,
    };
    let _ = render::render(&reports, render::Format::Human, &options);
    let json = render::render(&reports, render::Format::Json, &options);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("--format json is not valid JSON ({e}):\n{json}");
    }
    let yaml = write::write(&[Part {
        plan: &loaded.plan,
        sources: &input.sources,
        notes: &loaded.notes,
    }]);
    let again = check::run(
        Input {
            sources: vec![SourceFile::new("imported.cniplan.yaml", yaml.clone())],
            format: Format::Cniplan,
        },
        &settings,
    );
    // A cniplan plan holds IPv4 subnet prefixes only: `import` names a subnet's IPv6 ones in
    // a comment, so their rows are not compared.
    let strip = |rows: &[cniplan::capacity::rows::SubnetRow]| -> Vec<_> {
        rows.iter()
            .filter(|r| r.vnet.is_none() || r.family == cniplan::capacity::Family::Ipv4)
            .cloned()
            .map(|mut r| {
                r.source = None;
                r
            })
            .collect()
    };
    // Two subnets of one name in one VNet are a `duplicate-name` error in the plan JSON and
    // in the imported plan alike, and no reference of a plan can tell them apart: a pool on
    // the second lands on the first. The rows are compared only where names are unique.
    let namesakes = reports[0]
        .findings
        .iter()
        .any(|f| f.rule == cniplan::diagnostic::Rule::DuplicateName && f.message.contains("subnet of VNet"));
    if namesakes {
        return;
    }
    assert_eq!(
        strip(&again.report.subnets),
        strip(&reports[0].subnets),
        "import changed the capacity rows:\n{yaml}"
    );
});
