//! `check --fix`, `--diff` and `--unsafe-fixes` as a user runs them: one plan per rule that
//! proposes a value under tests/fixes/, with the plan `--fix --unsafe-fixes` makes of it
//! beside it (`NAME.fixed.yaml`, read and checked by hand: the value written is the one the
//! rule's page promises, and the comments and layout stay); the plans with errors under
//! examples/; the property that a verified fix, applied, removes its finding and adds no
//! error or warning.

use crate::common;
use common::{command, stdin_plan};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn plans() -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> = fs::read_dir(root().join("tests/fixes"))
        .expect("tests/fixes exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".yaml") && !name.ends_with(".fixed.yaml")
        })
        .collect();
    plans.sort();
    plans
}

/// `cniplan ARGS` run in `dir`: (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = command(args).current_dir(dir).output().expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The findings of a JSON report: (severity, rule, whether it has a fix).
fn findings(json: &str) -> Vec<(String, String, bool)> {
    let report: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| {
            (
                d["severity"].as_str().unwrap_or("").to_string(),
                d["rule"].as_str().unwrap_or("").to_string(),
                d.get("fix").is_some(),
            )
        })
        .collect()
}

#[test]
fn every_rule_that_proposes_a_value_has_a_plan_here() {
    let names: Vec<String> = plans()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    // The rules whose pages have a "### Fix" section.
    for entry in fs::read_dir(root().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        let page = fs::read_to_string(&path).unwrap();
        let rule = path.file_stem().unwrap().to_string_lossy().to_string();
        if page.contains("\n### Fix\n") {
            assert!(
                names.contains(&rule),
                "rules/{rule}.md has a Fix but tests/fixes/ no plan"
            );
        }
    }
    assert!(names.len() >= 14, "{names:?}");
}

#[test]
fn each_fix_writes_the_expected_plan_which_then_checks_clean_and_stays() {
    let mut failures = Vec::new();
    for plan in plans() {
        let name = plan.file_name().unwrap().to_string_lossy().to_string();
        let rule = plan.file_stem().unwrap().to_string_lossy().to_string();
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join(&name);
        fs::copy(&plan, &copy).unwrap();
        // Before: the rule fires with a verified fix.
        let (_, before, _) = run_in(
            dir.path(),
            &["check", "--format", "json", "--fail-on", "never", &name],
        );
        let fired = findings(&before);
        if !fired.iter().any(|(_, r, fix)| *r == rule && *fix) {
            failures.push(format!("{name}: no {rule} finding with a fix: {fired:?}"));
            continue;
        }
        let (code, after, stderr) = run_in(
            dir.path(),
            &["check", "--fix", "--unsafe-fixes", "--format", "json", &name],
        );
        let expected = fs::read_to_string(plan.with_extension("fixed.yaml")).unwrap();
        let written = fs::read_to_string(&copy).unwrap();
        if written != expected {
            failures.push(format!("{name}: wrote\n{written}\nexpected\n{expected}"));
        }
        // The re-check the output shows is clean: no error or warning left, exit 0.
        let left: Vec<_> = findings(&after)
            .into_iter()
            .filter(|(severity, _, _)| severity != "note")
            .collect();
        if !left.is_empty() || code != Some(0) {
            failures.push(format!(
                "{name}: after --fix, exit {code:?} and {left:?}; {stderr}"
            ));
        }
        // A second --fix changes nothing.
        let (_, _, again) = run_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "-q", &name]);
        if fs::read_to_string(&copy).unwrap() != expected || !again.contains("fixed 0 findings in 0 files") {
            failures.push(format!("{name}: a second --fix changed something: {again}"));
        }
        // The fixed plan checks clean on its own too.
        let (code, _, _) = run_in(dir.path(), &["check", "-q", &name]);
        if code != Some(0) {
            failures.push(format!("{name}: the fixed plan exits {code:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn diff_prints_what_fix_would_write_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let name = "dns-service-ip.yaml";
    fs::copy(root().join("tests/fixes").join(name), dir.path().join(name)).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["check", "--diff", name]);
    assert_eq!(code, Some(1), "a diff exits 1");
    let expected = [
        "--- a/dns-service-ip.yaml",
        "+++ b/dns-service-ip.yaml",
        "@@ -12,7 +12,7 @@",
        "     network_plugin_mode: overlay",
        "     pod_cidr: 10.244.0.0/16",
        "     service_cidr: 172.16.0.0/16",
        "-    dns_service_ip: 172.16.0.1   # the first address",
        "+    dns_service_ip: 172.16.0.10  # the first address",
        "     node_pools:",
        "       - name: system",
        "         node_count: 3",
        "",
    ];
    assert_eq!(stdout, expected.join("\n"));
    assert!(stderr.contains("1 fix in the diff above"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join(name)).unwrap(),
        fs::read_to_string(root().join("tests/fixes").join(name)).unwrap(),
        "--diff writes nothing"
    );
    // Nothing to fix: no diff, exit 0.
    let (code, stdout, _) = run_in(root(), &["check", "--diff", "examples/hub-and-spoke/plan.yaml"]);
    assert_eq!((code, stdout.as_str()), (Some(0), ""));
}

/// A plan whose line to fix carries a comment with an ESC sequence, BEL and a right-to-left
/// override: the diff holds them as the file does, so `git apply` of a piped or written diff
/// matches the file (on a terminal they are shown escaped: src/cli/output.rs decides).
const HOSTILE_COMMENT: &str = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: s
        cidr: 10.1.0.0/30  # \u{1b}[2J\u{1b}]0;pwned\u{7} owner\u{202e}
";

#[test]
fn a_piped_diff_keeps_the_bytes_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.yaml"), HOSTILE_COMMENT).unwrap();
    let (code, stdout, _) = run_in(dir.path(), &["check", "--diff", "plan.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("-        cidr: 10.1.0.0/30  # \u{1b}[2J\u{1b}]0;pwned\u{7} owner\u{202e}\n"),
        "{stdout:?}"
    );
    assert!(
        stdout.contains("+        cidr: 10.1.0.0/29  # \u{1b}[2J\u{1b}]0;pwned\u{7} owner\u{202e}\n"),
        "{stdout:?}"
    );
}

/// `--diff --output FILE` writes the diff to FILE (it printed the diff and ignored `-o`
/// without a word), and never over a file the run reads.
#[test]
fn diff_with_output_writes_the_diff_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.yaml"), HOSTILE_COMMENT).unwrap();
    let (code, piped, _) = run_in(dir.path(), &["check", "--diff", "plan.yaml"]);
    assert_eq!(code, Some(1));
    let (code, stdout, stderr) = run_in(dir.path(), &["check", "--diff", "plan.yaml", "-o", "fix.diff"]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""), "{stderr}");
    assert_eq!(fs::read_to_string(dir.path().join("fix.diff")).unwrap(), piped);
    assert!(
        stderr.contains("1 fix in the diff written to fix.diff"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        HOSTILE_COMMENT,
        "--diff changes no input"
    );
    let (code, _, stderr) = run_in(dir.path(), &["check", "--diff", "plan.yaml", "-o", "plan.yaml"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("cniplan does not overwrite its inputs"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        HOSTILE_COMMENT
    );
}

#[test]
fn fix_alone_applies_only_the_safe_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let name = "max-pods-range.yaml";
    fs::copy(root().join("tests/fixes").join(name), dir.path().join(name)).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["check", "--fix", "--format", "json", name]);
    let written = fs::read_to_string(dir.path().join(name)).unwrap();
    // pods_per_node is cniplan's own figure (safe); max_pods recreates the pool (unsafe).
    assert!(written.contains("pods_per_node: 30"), "{written}");
    assert!(written.contains("max_pods: 300"), "{written}");
    assert_eq!(code, Some(1), "the max_pods error remains");
    assert_eq!(
        findings(&stdout),
        [("error".to_string(), "max-pods-range".to_string(), true)]
    );
    assert!(
        stderr
            .contains("fixed 1 finding in 1 file; 1 finding has an unsafe fix, which --unsafe-fixes applies"),
        "{stderr}"
    );
}

#[test]
fn the_plans_with_errors_under_examples_check_clean_or_keep_only_findings_without_a_fix() {
    // What is left, by plan, none with a fix: which of two peered VNets should move is the
    // user's choice (vnet-overlap); kubenet's retirement and its 400-node limit are answered
    // by migrating the cluster, not by a value. Everything else is fixed.
    let cases: [(&str, &[&str]); 3] = [
        ("examples/broken/addressing.cniplan.yaml", &["vnet-overlap"]),
        ("examples/broken/typo.cniplan.yaml", &[]),
        (
            "examples/kubenet-to-overlay/plan.yaml",
            &["kubenet-retirement", "kubenet-node-limit"],
        ),
    ];
    for (plan, left) in cases {
        let dir = tempfile::tempdir().unwrap();
        let name = Path::new(plan).file_name().unwrap().to_string_lossy().to_string();
        fs::copy(root().join(plan), dir.path().join(&name)).unwrap();
        let (_, stdout, stderr) = run_in(
            dir.path(),
            &[
                "check",
                "--fix",
                "--unsafe-fixes",
                "--format",
                "json",
                "--fail-on",
                "never",
                &name,
            ],
        );
        let remaining = findings(&stdout);
        let rules: Vec<&str> = remaining.iter().map(|(_, r, _)| r.as_str()).collect();
        assert_eq!(rules, left, "{plan}: {stderr}");
        assert!(
            remaining.iter().all(|(_, _, fix)| !fix),
            "{plan}: a fix was left unapplied"
        );
    }
}

#[test]
fn a_terraform_plan_json_is_not_written() {
    // A plan JSON is Terraform's output: its fixes are verified and shown, never written.
    let dir = tempfile::tempdir().unwrap();
    let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
      {"address": "azurerm_virtual_network.v", "type": "azurerm_virtual_network", "name": "v",
       "values": {"name": "v", "resource_group_name": "rg", "address_space": ["10.1.0.0/16"]}},
      {"address": "azurerm_subnet.s", "type": "azurerm_subnet", "name": "s",
       "values": {"name": "s", "resource_group_name": "rg", "virtual_network_name": "v",
                  "address_prefixes": ["10.1.0.1/24"]}}]}}}"#;
    fs::write(dir.path().join("tfplan.json"), plan).unwrap();
    let (_, stdout, _) = run_in(dir.path(), &["check", "--format", "json", "tfplan.json"]);
    assert!(
        findings(&stdout)
            .iter()
            .any(|(_, r, fix)| r == "cidr-host-bits" && *fix),
        "{stdout}"
    );
    let (_, _, stderr) = run_in(dir.path(), &["check", "--fix", "tfplan.json"]);
    assert!(stderr.contains("a tool writes this file"), "{stderr}");
    assert_eq!(fs::read_to_string(dir.path().join("tfplan.json")).unwrap(), plan);
}

#[test]
fn a_terraform_configuration_gets_its_literal_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let main = "resource \"azurerm_virtual_network\" \"v\" {\n  name                = \"v\"\n  \
                resource_group_name = \"rg\"\n  address_space       = [\"10.1.0.0/16\"]\n}\n\n\
                resource \"azurerm_subnet\" \"s\" {\n  name                 = \"s\"\n  \
                resource_group_name  = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  \
                address_prefixes     = [\"10.1.0.1/24\"] # host bits\n}\n";
    fs::create_dir(dir.path().join("infra")).unwrap();
    fs::write(dir.path().join("infra/main.tf"), main).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["check", "--fix", "--input", "terraform", "infra"]);
    let written = fs::read_to_string(dir.path().join("infra/main.tf")).unwrap();
    assert_eq!(written, main.replace("10.1.0.1/24", "10.1.0.0/24"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_symbolic_link_is_not_written_through() {
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.yaml");
        fs::copy(root().join("tests/fixes/dns-service-ip.yaml"), &target).unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("link.yaml")).unwrap();
        let (code, _, stderr) = run_in(dir.path(), &["check", "--fix", "link.yaml"]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("symbolic link"), "{stderr}");
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            fs::read_to_string(root().join("tests/fixes/dns-service-ip.yaml")).unwrap()
        );
    }
}

#[test]
fn sarif_carries_the_fix_as_replacements() {
    let (_, stdout, _) = run_in(
        root(),
        &["check", "--format", "sarif", "tests/fixes/dns-service-ip.yaml"],
    );
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0];
    assert_eq!(fix["description"]["text"], "set `dns_service_ip: 172.16.0.10`");
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["deletedRegion"]["startLine"], 15);
    assert_eq!(replacement["deletedRegion"]["startColumn"], 21);
    assert_eq!(replacement["insertedContent"]["text"], "172.16.0.10  ");
}

#[test]
fn an_arm_parameter_value_and_a_template_literal_are_fixed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let template = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "subnetPrefix": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-05-01",
      "name": "vnet",
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] },
        "subnets": [
          { "name": "nodes", "properties": { "addressPrefix": "[parameters('subnetPrefix')]" } },
          { "name": "other", "properties": { "addressPrefix": "10.1.8.1/24" } }
        ]
      }
    }
  ]
}
"#;
    let parameters = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "subnetPrefix": { "value": "10.1.4.1/24" } }
}
"#;
    fs::write(dir.path().join("main.json"), template).unwrap();
    fs::write(dir.path().join("main.parameters.json"), parameters).unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "check",
            "--fix",
            "--parameters",
            "main.parameters.json",
            "main.json",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("fixed 2 findings in 2 files"), "{stderr}");
    // The expression stays; the literal it reads, in the parameters file, is fixed.
    assert_eq!(
        fs::read_to_string(dir.path().join("main.json")).unwrap(),
        template.replace("10.1.8.1/24", "10.1.8.0/24")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("main.parameters.json")).unwrap(),
        parameters.replace("10.1.4.1/24", "10.1.4.0/24")
    );
}

#[test]
fn a_directory_of_plans_is_fixed_plan_by_plan() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.cniplan.yaml", "b.cniplan.yaml"] {
        fs::copy(
            root().join("tests/fixes/subnet-too-small.yaml"),
            dir.path().join(name),
        )
        .unwrap();
    }
    let (code, _, stderr) = run_in(dir.path(), &["check", "--fix", "-q", "."]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("fixed 2 findings in 2 files"), "{stderr}");
    let fixed = fs::read_to_string(root().join("tests/fixes/subnet-too-small.fixed.yaml")).unwrap();
    for name in ["a.cniplan.yaml", "b.cniplan.yaml"] {
        assert_eq!(
            fs::read_to_string(dir.path().join(name)).unwrap(),
            fixed,
            "{name}"
        );
    }
}

#[test]
fn standard_input_is_never_written_and_its_findings_stay_reported() {
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.1.0.0/16]\n    subnets:\n      \
                - name: s\n        cidr: 10.1.0.1/24\n";
    let out = stdin_plan(&["check", "--fix", "-q", "-"], plan);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("standard input has no file to fix; use --diff"),
        "{stderr}"
    );
    assert!(stdout.contains("cidr-host-bits"), "{stdout}");
    let diff = stdin_plan(&["check", "--diff", "-"], plan);
    assert!(
        String::from_utf8_lossy(&diff.stdout).contains("+        cidr: 10.1.0.0/24"),
        "{diff:?}"
    );
}

/// A quoted value with a comment after it is replaced up to its closing quote: the comment
/// stays (the YAML parser's span of a quoted scalar ran on through the comment).
#[test]
fn a_quoted_value_is_fixed_and_its_comment_kept() {
    let dir = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(root().join("tests/fixes/unknown-reference.yaml"))
        .unwrap()
        .replace("pod_subnet: podz", "pod_subnet: \"podz\"  # the pods' subnet");
    let path = dir.path().join("plan.cniplan.yaml");
    fs::write(&path, &plan).unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &["check", "--fix", "--unsafe-fixes", "-q", "plan.cniplan.yaml"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let fixed = fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("        pod_subnet: pods  # the pods' subnet\n")
            || fixed.contains("        pod_subnet: \"pods\"  # the pods' subnet\n"),
        "{fixed}"
    );
}
