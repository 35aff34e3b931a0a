//! The real binary, as a user runs it: output in each format, and every exit code.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const WALKTHROUGH: &str = "examples/aks-dynamic-ip/plan.yaml";
const BROKEN: &str = "examples/broken/addressing.cniplan.yaml";

fn cniplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// (line, column, severity, rule) of every diagnostic of the first file.
fn diagnostics(v: &Value) -> Vec<(u64, u64, String, String)> {
    v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["severity"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn walkthrough_gets_exactly_the_service_cidr_warning_and_exits_0() {
    let out = cniplan(&["check", WALKTHROUGH]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("service-cidr-overlap"), "{text}");
    assert!(text.contains(&format!("{WALKTHROUGH}:20:11")), "{text}");
    assert!(text.contains("help: set `service_cidr: 172.16.0.0/16`"), "{text}");
    assert!(text.ends_with("Found 1 warning in 1 file.\n"), "{text}");
    assert!(!text.contains('\u{1b}'), "NO_COLOR means no escape codes");
}

#[test]
fn walkthrough_json_follows_the_contract() {
    let out = cniplan(&["check", "--format", "json", WALKTHROUGH]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["files"][0]["path"], WALKTHROUGH);
    assert_eq!(
        diagnostics(&v),
        vec![(20, 11, "warning".into(), "service-cidr-overlap".into())]
    );
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(20), Some(23))
    );
    assert_eq!(d["related"][0]["line"], 8);
    assert_eq!(d["related"][0]["column"], 21);
    assert!(v["files"][0]["subnets"].is_array());
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 1, "notes": 0})
    );
}

#[test]
fn fail_on_decides_the_exit_code() {
    assert_eq!(
        cniplan(&["check", "--fail-on", "warning", WALKTHROUGH])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        cniplan(&["check", "--fail-on", "note", WALKTHROUGH])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(cniplan(&["check", BROKEN]).status.code(), Some(1));
    assert_eq!(
        cniplan(&["check", "--fail-on", "never", BROKEN]).status.code(),
        Some(0)
    );
}

#[test]
fn broken_example_shows_each_addressing_rule_at_its_value() {
    let out = cniplan(&["check", "--format", "json", BROKEN]);
    assert_eq!(out.status.code(), Some(1));
    let rules: Vec<(u64, u64, String, String)> = diagnostics(&json(&out));
    let expected = [
        (12, 15, "subnet-overlap"),
        (14, 15, "cidr-host-bits"),
        (16, 15, "subnet-too-small"),
        (18, 15, "subnet-outside-vnet"),
        (20, 21, "vnet-overlap"),
        (26, 19, "service-cidr-overlap"),
        (27, 21, "dns-service-ip"),
        (33, 21, "unknown-reference"),
    ];
    let got: Vec<(u64, u64, &str)> = rules.iter().map(|(l, c, _, r)| (*l, *c, r.as_str())).collect();
    assert_eq!(got, expected);
}

#[test]
fn human_output_shows_the_snippet_the_label_and_the_help() {
    let text = stdout(&cniplan(&["check", BROKEN]));
    assert!(
        text.contains("× subnet `pods` (10.1.8.0/21) overlaps subnet `nodes` (10.1.0.0/20)"),
        "{text}"
    );
    assert!(text.contains("`nodes` is here"), "related label: {text}");
    assert!(text.contains("help: did you mean `pods`?"), "{text}");
    assert!(text.contains("Found 8 errors in 1 file."), "{text}");
    let quiet = stdout(&cniplan(&["check", "-q", BROKEN]));
    assert!(!quiet.contains("Found"), "{quiet}");
}

#[test]
fn schema_errors_name_every_unknown_key_with_a_suggestion() {
    let out = cniplan(&["check", "--format", "json", "examples/broken/typo.cniplan.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(
        diagnostics(&v),
        vec![
            (6, 5, "error".into(), "plan-schema".into()),
            (10, 9, "error".into(), "plan-schema".into())
        ]
    );
    assert_eq!(
        v["files"][0]["diagnostics"][0]["help"],
        "did you mean `address_space`?"
    );
    assert_eq!(
        v["files"][0]["diagnostics"][1]["help"],
        "did you mean `reserved_ips`?"
    );
}

#[test]
fn unreadable_files_and_usage_errors_exit_2() {
    let out = cniplan(&["check", "no/such/plan.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/plan.yaml"));
    assert_eq!(
        cniplan(&["check", "--format", "xml", WALKTHROUGH]).status.code(),
        Some(2)
    );
    assert_eq!(cniplan(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(cniplan(&["--help"]).status.code(), Some(0));
}

#[test]
fn stdin_is_read_for_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/16]\n    subnets:\n      - name: s\n        cidr: 10.0.0.0/30\n";
    child.stdin.take().unwrap().write_all(plan.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(
        diagnostics(&v),
        vec![(7, 15, "error".into(), "subnet-too-small".into())]
    );
}

#[test]
fn directories_are_searched_for_plan_files_by_name_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let walkthrough =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH)).unwrap();
    write("b/cniplan.yaml", &walkthrough);
    write("a/prod.cniplan.yml", "version: 1\n");
    write("a/ignored.yaml", "not: a plan");
    let root = dir.path().to_str().unwrap();
    let out = cniplan(&["check", "--format", "json", root]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("a/prod.cniplan.yml") && paths[1].ends_with("b/cniplan.yaml"),
        "{paths:?}"
    );
    let empty = tempfile::tempdir().unwrap();
    let out = cniplan(&["check", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no plan files found"));
}

#[test]
fn init_prints_the_walkthrough_which_checks_with_one_warning() {
    let out = cniplan(&["init"]);
    assert_eq!(out.status.code(), Some(0));
    let printed = stdout(&out);
    let file = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH)).unwrap();
    assert_eq!(printed, file);
}
