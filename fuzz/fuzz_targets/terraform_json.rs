//! Arbitrary bytes → a `.tf` directory of a `main.tf.json` (Terraform's JSON syntax) and an
//! `override.tf` (the input split at its first 0xFF) → the `.tf` reader, the locator, and
//! `check` with its JSON renderer.
//!
//! The JSON becomes the HCL it stands for and every place goes back to the JSON through a
//! map: every span the reader returns must lie within its file on character boundaries, every
//! located attribute too, and the JSON report must parse. The override file merges into the
//! JSON's blocks, AzAPI bodies included.
#![no_main]

use cniplan::input::terraform::{hcl, Locator};
use cniplan::input::tree::{Node, Value};
use cniplan::input::{Format, Input};
use cniplan::render::{self, HumanOptions};
use cniplan::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (json, over) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let sources = vec![
        SourceFile::new("fuzz", ""),
        SourceFile::new("fuzz/main.tf.json", String::from_utf8_lossy(json).into_owned()),
        SourceFile::new("fuzz/override.tf", String::from_utf8_lossy(over).into_owned()),
    ];
    match hcl::read(&sources) {
        Err(findings) => {
            for f in findings {
                assert_within(&sources, f.span.expect("syntax errors are located"));
            }
        }
        Ok(read) => {
            for f in &read.findings {
                assert_within(&sources, f.span.expect("findings are located"));
                for r in &f.related {
                    assert_within(&sources, r.span);
                }
            }
            let locator = Locator::from_sources(&sources, 1);
            for r in &read.resources {
                assert_within(&sources, r.span);
                assert_tree_within(&sources, &r.values);
                if let Some(span) = locator.resource(&r.address) {
                    assert_within(&sources, span);
                }
                for path in r.references.keys().chain(r.unknown.iter().map(String::as_str)) {
                    if let Some(span) = locator.nearest(&r.address, path) {
                        assert_within(&sources, span);
                    }
                }
            }
        }
    }
    let checked = cniplan::check::run(
        Input {
            sources,
            format: Format::Terraform,
        },
        &Default::default(),
    );
    let options = HumanOptions {
        color: false,
        quiet: false,
        width: 100,
    };
    let reports = [checked.report];
    let json = render::render(&reports, render::Format::Json, &options);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("--format json is not valid JSON ({e}):\n{json}");
    }
    let _ = render::render(&reports, render::Format::Human, &options);
});

fn assert_within(sources: &[SourceFile], span: cniplan::diagnostic::Span) {
    let text = &sources[span.file as usize].text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} beyond the file"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?}"
    );
}

fn assert_tree_within(sources: &[SourceFile], node: &Node) {
    assert_within(sources, node.span);
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| assert_tree_within(sources, n)),
        Value::Map(entries) => entries.iter().for_each(|e| {
            assert_within(sources, e.key_span);
            assert_tree_within(sources, &e.value);
        }),
        _ => {}
    }
}
