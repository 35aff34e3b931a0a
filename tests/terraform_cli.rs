//! `--input terraform` and `--var-file` through the real binary: findings of a `.tf`
//! directory land on the `.tf` line in every CI format, and the flags are checked.

use std::process::{Command, Output};

fn cniplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

const CYCLE: &str = "tests/fixtures/terraform/cycle";

#[test]
fn a_finding_in_a_tf_directory_is_annotated_on_the_tf_line() {
    let out = cniplan(&["check", "--input", "terraform", CYCLE, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("::error file=tests/fixtures/terraform/cycle/main.tf,line=3,col=7,"),
        "{stdout}"
    );

    let out = cniplan(&["check", "--input", "terraform", CYCLE, "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let location = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/terraform/cycle/main.tf"
    );
    assert_eq!(location["region"]["startLine"], 3);
    assert_eq!(location["region"]["startColumn"], 7);

    let out = cniplan(&["check", "--input", "terraform", CYCLE, "--color", "never"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("tests/fixtures/terraform/cycle/main.tf:3:7"),
        "{stdout}"
    );
}

#[test]
fn var_files_apply_to_terraform_directories_only() {
    let dir = "tests/fixtures/terraform/basics";
    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        dir,
        "--var-file",
        "tests/fixtures/terraform/basics/vars/override.tfvars",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = cniplan(&[
        "check",
        "--var-file",
        "x.tfvars",
        "examples/aks-dynamic-ip/plan.yaml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--var-file"));

    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        dir,
        "--var-file",
        "tests/fixtures/terraform/basics/main.tf",
    ]);
    assert_eq!(out.status.code(), Some(2));

    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        dir,
        "--var-file",
        "no/such.tfvars",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cniplan: cannot read no/such.tfvars"));
}

#[test]
fn simulate_reads_a_tf_directory_too() {
    let out = cniplan(&[
        "simulate",
        "--input",
        "terraform",
        "tests/fixtures/terraform/basics",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cniplan(&["simulate", "--input", "terraform", CYCLE]);
    assert_eq!(out.status.code(), Some(1));
}
