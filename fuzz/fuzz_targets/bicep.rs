//! Bicep source: arbitrary bytes, split at the first 0xFF into a `main.bicep` and a module
//! `mod.bicep` it may call (`module m 'mod.bicep' = …`), or, when the text starts with `using`,
//! a `main.bicepparam` for the module. The parser must return every error within its file on
//! a character boundary, and never panic or overflow however deep the nesting; every input
//! then goes through `check::run` with `--input bicep` and every renderer (the translation
//! into ARM, the ARM evaluator, the resource mapping); the JSON output must stay valid JSON.
#![no_main]

use cniplan::input::bicep::syntax;
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use cniplan_fuzz::check_and_render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (main, module) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let main = String::from_utf8_lossy(main).into_owned();
    let module = String::from_utf8_lossy(module).into_owned();
    for text in [&main, &module] {
        for e in syntax::parse(text).errors {
            assert!(e.at <= e.end && e.end <= text.len(), "error outside its file: {e:?}");
            assert!(text.is_char_boundary(e.at) && text.is_char_boundary(e.end), "{e:?}");
        }
    }
    let main_path = if main.trim_start().starts_with("using") {
        "fuzz/main.bicepparam"
    } else {
        "fuzz/main.bicep"
    };
    let input = Input {
        sources: vec![
            SourceFile::new(main_path, main.clone()),
            SourceFile::new("fuzz/mod.bicep", module),
        ],
        format: Format::Bicep,
    };
    check_and_render(input, &main);
});
