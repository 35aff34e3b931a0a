//! Bad Bicep is normal input (issue 22, item 5): every case under tests/bad-input-bicep/
//! (and the large or binary ones generated here) ends in a located finding or in exit 2 with
//! a message, within a time and memory bound, never in a panic or a hang. The notes a case
//! must give (a loop over 10^9 items, a module not at hand) are asserted at their places.

use crate::common;

use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input-bicep")
}

const CPU_LIMIT: Duration = Duration::from_secs(5);
const MEMORY_LIMIT_KB: i64 = 500 * 1024;

fn check(file: &Path, limit: Duration) -> Output {
    let args = ["check", "--input", "bicep", "--format", "json"];
    let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    all.push(file.as_os_str());
    let run = common::measure::run(&all, limit);
    assert!(
        run.cpu <= CPU_LIMIT,
        "{}: {:?} of processor time",
        file.display(),
        run.cpu
    );
    assert!(
        run.peak_kb <= MEMORY_LIMIT_KB,
        "{}: peak memory {} KB",
        file.display(),
        run.peak_kb
    );
    run.output
}

/// (exit code, every finding as "severity rule file:line:column", files relative to `dir`);
/// for exit 2, the start of the message.
fn outcome(dir: &Path, file: &Path, limit: Duration) -> (i32, Vec<String>) {
    let out = check(file, limit);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{}: {stderr}", file.display());
    let code = out.status.code().expect("exited");
    if code == 2 {
        assert!(stderr.starts_with("cniplan: "), "{}: {stderr}", file.display());
        return (2, vec![stderr.lines().next().unwrap_or_default().to_string()]);
    }
    assert!(
        code == 0 || code == 1,
        "{}: exit {code}: {stderr}",
        file.display()
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let prefix = format!("{}/", dir.display());
    let mut found = Vec::new();
    for f in v["files"].as_array().expect("files") {
        let path = f["path"].as_str().expect("path");
        for d in f["diagnostics"].as_array().expect("diagnostics") {
            found.push(format!(
                "{} {} {}:{}:{}",
                d["severity"].as_str().expect("severity"),
                d["rule"].as_str().expect("rule"),
                path.strip_prefix(&prefix).unwrap_or(path),
                d["line"],
                d["column"]
            ));
        }
    }
    (code, found)
}

fn main_file(dir: &Path) -> PathBuf {
    let bicep = dir.join("main.bicep");
    if bicep.exists() {
        bicep
    } else {
        dir.join("main.bicepparam")
    }
}

/// The first finding that is no note, as the manifest writes it.
fn first(found: &[String]) -> String {
    found
        .iter()
        .find(|f| !f.starts_with("note "))
        .map(|f| f.split_once(' ').map_or(f.clone(), |(_, rest)| rest.to_string()))
        .unwrap_or_else(|| "- -".to_string())
}

#[test]
fn every_bad_bicep_case_ends_in_its_expected_finding() {
    let manifest = std::fs::read_to_string(corpus().join("expected.txt")).expect("manifest");
    let mut listed = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [case, exit, rule, at] = fields[..] else {
            panic!("bad manifest line: {line}")
        };
        listed.push(case.to_string());
        let dir = corpus().join(case);
        let (code, found) = outcome(&dir, &main_file(&dir), Duration::from_secs(30));
        assert_eq!(
            (code, first(&found)),
            (exit.parse().expect("exit"), format!("{rule} {at}")),
            "{case}: {found:?}"
        );
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus())
        .expect("corpus")
        .map(|e| e.expect("entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    listed.sort();
    assert_eq!(on_disk, listed, "every case has a line in expected.txt");
}

/// The cases that end in notes say so where the problem is written.
#[test]
fn what_cannot_be_read_is_a_note_at_its_place() {
    for (case, note) in [
        ("missing-module", "note unresolved-input main.bicep:1:14"),
        ("load-missing-file", "note unresolved-input main.bicep:1:15"),
        (
            "registry-module-not-restored",
            "note unresolved-input main.bicep:1:12",
        ),
        ("module-self", "note unresolved-input main.bicep:1:14"),
        // Never read: /proc, a file above the current directory, a module there.
        ("load-proc-environ", "note unresolved-input main.bicep:1:25"),
        ("load-outside-reach", "note unresolved-input main.bicep:1:25"),
        ("module-outside-reach", "note unresolved-input main.bicep:1:10"),
        // The environment is never read: the name is unknown where the template uses it.
        ("environment-variable", "note assumed-value net.bicep:4:9"),
    ] {
        let dir = corpus().join(case);
        let (_, found) = outcome(&dir, &main_file(&dir), Duration::from_secs(30));
        assert!(found.iter().any(|f| f == note), "{case}: {found:?}");
    }
}

/// Inputs too large or binary to keep in the repository, written on the fly.
#[test]
fn generated_hostile_bicep_ends_in_findings_quickly() {
    let vnet = "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'v'\n}\n";
    let fifty_mb = {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 50 * 1024 * 1024 {
            text.push_str(&format!("var v{i} = 'value {i}'\n"));
            i += 1;
        }
        text.push_str(vnet);
        text.into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, i32, &str)> = vec![
        ("fifty-megabytes", fifty_mb, 1, "plan-schema main.bicep:1:1"),
        (
            "binary",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            1,
            "plan-syntax main.bicep:1:",
        ),
        (
            "one-megabyte-string",
            format!("var x = '{}'\n{vnet}", "a".repeat(1 << 20)).into_bytes(),
            0,
            "- -",
        ),
        (
            "ten-thousand-nested-objects",
            format!("var x = {}\n", "{\n a: ".repeat(10_000)).into_bytes(),
            1,
            "plan-syntax main.bicep:",
        ),
    ];
    let root = tempfile::tempdir().expect("temp dir");
    for (name, bytes, exit, start) in cases {
        let dir = root.path().join(name);
        std::fs::create_dir(&dir).expect("case dir");
        std::fs::write(dir.join("main.bicep"), bytes).expect("case file");
        let (code, found) = outcome(&dir, &dir.join("main.bicep"), Duration::from_secs(60));
        let got = if code == 2 {
            found[0].clone()
        } else {
            first(&found)
        };
        assert_eq!(code, exit, "{name}: {found:?}");
        assert!(got.starts_with(start), "{name}: {got}");
    }
}
