//! What the tests that run the binary share: `cniplan` run as a user runs it, from the
//! repository's root with colour off, with a plan on standard input or not, and what it
//! printed. tests/heavy.rs uses a part of it, hence the allow.
#![allow(dead_code)]

pub mod measure;

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `cniplan ARGS` from the repository's root, colour off; add environment before running.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cniplan"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    command
}

/// `cniplan ARGS`, run to its end.
pub fn cniplan(args: &[&str]) -> Output {
    command(args).output().expect("the binary runs")
}

/// `cniplan ARGS` with `plan` on standard input (the `-` path).
pub fn stdin_plan(args: &[&str], plan: &str) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(plan.as_bytes())
        .expect("write the plan");
    child.wait_with_output().expect("the binary runs")
}

/// What the run printed on standard output.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// What the run printed on standard output, as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// The first character of `bytes` that would act on a terminal or reorder what follows:
/// a control character other than the line breaks and tabs renderers write themselves, or a
/// bidi mark, override or isolate. cniplan shows each of these as `\u{1b}`.
pub fn raw_hidden(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061c}' | '\u{00ad}' | '\u{feff}')
            || ('\u{200b}'..='\u{200f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2060}'..='\u{2064}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || ('\u{e0000}'..='\u{e007f}').contains(&c)
    })
}
