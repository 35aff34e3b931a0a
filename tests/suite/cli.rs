//! The real binary, as a user runs it: output in each format, and every exit code.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

use crate::common;
use common::{cniplan, json, stdin_plan, stdout};

const WALKTHROUGH: &str = "examples/aks-dynamic-ip/plan.yaml";
const BROKEN: &str = "examples/broken/addressing.cniplan.yaml";

/// The `path` of every file in a JSON report, in output order.
fn file_paths(v: &Value) -> Vec<&str> {
    v["files"]
        .as_array()
        .expect("files array")
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

/// The capacity row of a subnet of the first file.
fn subnet_row(v: &Value, name: &str) -> Value {
    let rows = v["files"][0]["subnets"].as_array().expect("subnets array");
    rows.iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no row for {name}"))
        .clone()
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
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/16]\n    subnets:\n      - name: s\n        cidr: 10.0.0.0/30\n";
    let out = stdin_plan(&["check", "--format", "json", "-"], plan);
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
    let paths = file_paths(&v);
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("a/prod.cniplan.yml") && paths[1].ends_with("b/cniplan.yaml"),
        "{paths:?}"
    );
    let empty = tempfile::tempdir().unwrap();
    let out = cniplan(&["check", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no inputs found"));
}

#[test]
fn init_prints_the_walkthrough_which_checks_with_one_warning() {
    let out = cniplan(&["init"]);
    assert_eq!(out.status.code(), Some(0));
    let printed = stdout(&out);
    let file = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH)).unwrap();
    assert_eq!(printed, file);
}

#[test]
fn walkthrough_pod_subnet_row_reads_as_the_article_plans_it() {
    let v = json(&cniplan(&["check", "--format", "json", WALKTHROUGH]));
    let rows = v["files"][0]["subnets"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let pod = rows.iter().find(|r| r["name"] == "podsubnet").unwrap();
    assert_eq!(pod["role"], "pod");
    assert_eq!(pod["usable"], 65_531);
    assert_eq!(pod["baseline_demand"], 502);
    assert_eq!(pod["peak_demand"], 753); // 2 nodes + 1 surge node at 251 IPs each
    assert_eq!(pod["utilization"], 0.0115);
    assert_eq!(
        pod["pools"][0],
        serde_json::json!({"cluster": "myAKSCluster", "pool": "nodepool1", "mode": "dynamic", "ips_per_node": 251, "peak_nodes": 3, "max_nodes": 261})
    );
    assert!(pod["exhaustion"].is_null());
    let node = rows.iter().find(|r| r["name"] == "nodesubnet").unwrap();
    assert_eq!(
        (node["role"].as_str(), node["peak_demand"].as_u64()),
        (Some("node"), Some(3))
    );
    let text = stdout(&cniplan(&["check", WALKTHROUGH]));
    assert!(
        text.contains("│ podsubnet   ┆ 10.241.0.0/16 ┆ pod  ┆ 65,531 ┆      502 ┆  753 ┆ 1.1 % ┆ -"),
        "{text}"
    );
}

const SMALL_POD_SUBNET: &str = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/24
      - name: pods
        cidr: 10.1.1.0/24
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - name: p
        min_count: 2
        max_count: 12
        max_pods: 30
        pods_per_node: 30
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn a_24_pod_subnet_at_30_pods_holds_8_nodes_and_runs_out_in_scale_out() {
    let out = stdin_plan(&["check", "--format", "json", "-"], SMALL_POD_SUBNET);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let pods = subnet_row(&v, "pods");
    assert_eq!(pods["pools"][0]["ips_per_node"], 31);
    assert_eq!(pods["pools"][0]["max_nodes"], 8);
    // 2 nodes at baseline, one more per step: the 9th node (step 7) needs 279 > 251 IPs;
    // the figures are the step's: 9 nodes × 30 pods = 270, 9 × 31 = 279, none stranded.
    assert_eq!(
        pods["exhaustion"],
        serde_json::json!({"phase": "scale-out", "step": 7, "cluster": "c", "pool": "p",
                           "nodes": 9, "pods": 270, "demand": 279, "stranded_ips": 0})
    );
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("pod-subnet-exhausted"), Some(9), Some(15))
    );
    // At peak 12 nodes and 2 of surge (10 %, rounded up): 14 × 31 = 434 IPs, 543 usable
    // within the 80 % headroom: a /22 (1,019; a /23 holds 405). In place it would cover
    // `nodes`, so the help names the lowest free /22, and the fix writes it (unsafe: the
    // subnet may exist).
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .starts_with("use `10.1.4.0/22`, a free /22 of VNet `v`: it holds the peak of 434 IPs"),
        "{d}"
    );
    assert_eq!(d["fix"]["applicability"], "unsafe", "{d}");
    assert_eq!(d["fix"]["edits"][0]["content"], "10.1.4.0/22", "{d}");
}

#[test]
fn simulate_prints_every_step_and_the_exhaustion_point() {
    let out = stdin_plan(&["simulate", "-"], SMALL_POD_SUBNET);
    // The pod subnet runs out: simulate exits like check, so a script can gate on it.
    assert_eq!(out.status.code(), Some(1));
    let never = stdin_plan(&["simulate", "--fail-on", "never", "-"], SMALL_POD_SUBNET);
    assert_eq!(never.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("v/pods (10.1.1.0/24, pod subnet, 251 usable IPs)"),
        "{text}"
    );
    assert!(
        text.contains("│ scale-out ┆    7 ┆         9 ┆  270 ┆       279 ┆        0 ┆  -28 │"),
        "{text}"
    );
    assert!(
        text.contains("Runs out in the scale-out phase at step 7: pool c/p cannot get its IPs"),
        "{text}"
    );
    let json_out = stdin_plan(&["simulate", "--format", "json", "-"], SMALL_POD_SUBNET);
    let v = json(&json_out);
    let pods = v["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "pods")
        .unwrap()
        .clone();
    assert_eq!(pods["steps"].as_array().unwrap().len(), 12); // baseline, 10 scale-out steps, surge
    assert_eq!(
        pods["steps"][11],
        serde_json::json!({"phase": "surge", "step": 11, "nodes": [14], "pods": 420, "allocated": 434, "stranded": 0, "free": -183})
    );
}

#[test]
fn sweep_finds_the_densest_packing_that_fits() {
    let out = stdin_plan(&["simulate", "--sweep", "pods-per-node", "-"], SMALL_POD_SUBNET);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // 14 nodes at peak (12 and 2 of surge); 251 usable: 17 IPs/node (≤ 8 pods) peaks at 238,
    // 31 IPs/node at 434.
    assert!(
        text.contains("v/pods: holds up to 8 pods per node; at 9 it runs out."),
        "{text}"
    );
    let v = json(&stdin_plan(
        &["simulate", "--sweep", "pods-per-node", "--format", "json", "-"],
        SMALL_POD_SUBNET,
    ));
    let densities = v["densities"].as_array().unwrap();
    assert_eq!(densities.len(), 31);
    assert_eq!(densities[8]["subnets"][1]["peak_demand"], 238);
    assert!(densities[9]["subnets"][1]["exhaustion"].is_object());
}

#[test]
fn rules_lists_every_rule_of_the_spec_with_its_severity() {
    let out = cniplan(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for rule in [
        "plan-syntax",
        "plan-schema",
        "invalid-cidr",
        "cidr-host-bits",
        "duplicate-name",
        "unknown-reference",
        "subnet-too-small",
        "subnet-outside-vnet",
        "subnet-overlap",
        "vnet-overlap",
        "forbidden-range",
        "service-cidr-overlap",
        "service-cidr-size",
        "dns-service-ip",
        "pod-subnet-exhausted",
        "node-subnet-exhausted",
        "subnet-headroom",
        "pod-subnet-too-large",
        "max-pods-range",
        "cluster-limits",
        "pod-subnet-other-vnet",
        "mixed-cni",
        "unsupported-os",
        "delegated-node-subnet",
        "subnet-role-conflict",
        "private-link-unsupported",
        "cli-version",
    ] {
        assert!(
            text.contains(&format!("│ {rule} ")),
            "{rule} missing from:\n{text}"
        );
    }
    assert!(text.contains("│ subnet-headroom          ┆ warning"), "{text}");
    // SPEC §4: these report errors and, for a milder case, warnings.
    for rule in ["vnet-overlap", "service-cidr-overlap", "max-pods-range"] {
        let row = text
            .lines()
            .find(|l| l.starts_with(&format!("│ {rule} ")))
            .unwrap_or_else(|| panic!("no row for {rule}"));
        assert!(row.contains("┆ error / warning ┆"), "{row}");
    }
    let row = text.lines().find(|l| l.starts_with("│ subnet-overlap ")).unwrap();
    assert!(!row.contains("/ warning"), "{row}");
}

#[test]
fn explain_prints_the_page_and_suggests_on_a_typo() {
    let out = cniplan(&["explain", "pod-subnet-exhausted"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.starts_with("# pod-subnet-exhausted\n"), "{page}");
    assert!(
        page.contains("## Example") && page.contains("Use instead:"),
        "{page}"
    );
    // Rule names are matched without case, as a user may copy them from anywhere.
    let shouted = cniplan(&["explain", "POD-SUBNET-EXHAUSTED"]);
    assert_eq!(shouted.status.code(), Some(0));
    assert_eq!(stdout(&shouted), page);
    let out = cniplan(&["explain", "pod-subnet-exausted"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `pod-subnet-exhausted`?"));
}

fn cniplan_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn a_config_file_turns_rules_off_or_regrades_them_and_the_exit_code_follows() {
    let dir = tempfile::tempdir().unwrap();
    let walkthrough =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH)).unwrap();
    std::fs::create_dir_all(dir.path().join("infra/sub")).unwrap();
    std::fs::write(dir.path().join("infra/prod.cniplan.yaml"), &walkthrough).unwrap();
    // No config: the walkthrough's warning does not fail the run.
    assert_eq!(cniplan_in(dir.path(), &["check", "infra"]).status.code(), Some(0));
    // Found upward from a subdirectory; the warning becomes an error.
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "rules:\n  service-cidr-overlap: error\n",
    )
    .unwrap();
    let out = cniplan_in(
        &dir.path().join("infra/sub"),
        &["check", "--format", "json", ".."],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["files"][0]["diagnostics"][0]["severity"], "error");
    // Off: no finding at all.
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "rules:\n  service-cidr-overlap: off\n",
    )
    .unwrap();
    let out = cniplan_in(
        dir.path(),
        &["check", "--format", "json", "--fail-on", "note", "infra"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["summary"]["warnings"], 0);
    // --config names another file; mistakes in it are usage errors with a suggestion.
    std::fs::write(
        dir.path().join("strict.yaml"),
        "rule:\n  service-cidr-overlap: error\n",
    )
    .unwrap();
    let out = cniplan_in(dir.path(), &["check", "--config", "strict.yaml", "infra"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `rules`?"));
}

#[test]
fn config_globs_choose_the_files_a_walk_takes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.1.0.0/16]\n    subnets:\n      - name: s\n        cidr: 10.1.0.0/30\n";
    for f in ["prod/cniplan.yaml", "legacy/cniplan.yaml", "plans/extra.yaml"] {
        let path = dir.path().join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, plan).unwrap();
    }
    let paths = |out: &Output| -> Vec<String> {
        json(out)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
            .collect()
    };
    std::fs::write(dir.path().join(".cniplan.yaml"), "exclude: ['legacy/**']\n").unwrap();
    let out = cniplan_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(paths(&out), vec!["./prod/cniplan.yaml"]);
    std::fs::write(dir.path().join(".cniplan.yaml"), "include: ['plans/*.yaml']\n").unwrap();
    let out = cniplan_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(paths(&out), vec!["./plans/extra.yaml"]);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    let walkthrough =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH)).unwrap();
    std::fs::create_dir_all(dir.path().join("infra")).unwrap();
    std::fs::write(dir.path().join("infra/cniplan.yaml"), &walkthrough).unwrap();
    std::fs::write(dir.path().join("infra/dev.cniplan.yaml"), "version: 1\n").unwrap();
    let checked = |args: &[&str]| -> (Vec<String>, Value) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let out = cniplan_in(dir.path(), &all);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let v = json(&out);
        let paths = file_paths(&v).iter().map(|p| p.replace('\\', "/")).collect();
        (paths, v["summary"].clone())
    };
    let (paths, summary) = checked(&["infra/cniplan.yaml", "infra/cniplan.yaml"]);
    assert_eq!(paths, vec!["infra/cniplan.yaml"]);
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["warnings"], 1, "its finding is counted once too");
    // A file and the directory holding it: the file where it was first named, then the rest.
    let (paths, summary) = checked(&["./infra/dev.cniplan.yaml", "infra"]);
    assert_eq!(paths, vec!["./infra/dev.cniplan.yaml", "infra/cniplan.yaml"]);
    assert_eq!(summary["files"], 2);
    let (paths, _) = checked(&["infra", "infra/../infra/cniplan.yaml", "."]);
    assert_eq!(paths, vec!["infra/cniplan.yaml", "infra/dev.cniplan.yaml"]);
}

/// A tree with a plan in `prod/`, in a directory .gitignore lists, and in a hidden directory.
fn tree_with_ignored_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plan = "version: 1\n";
    for f in [
        "prod/cniplan.yaml",
        "prod/extra.yaml",
        "vendor/cniplan.yaml",
        "vendor/extra.yaml",
        ".hidden/cniplan.yaml",
        ".hidden/extra.yaml",
    ] {
        let path = dir.path().join(f);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, plan).unwrap();
    }
    std::fs::write(dir.path().join(".gitignore"), "vendor/\n").unwrap();
    dir
}

#[test]
fn config_globs_keep_gitignored_and_hidden_directories_out_of_a_walk() {
    let dir = tree_with_ignored_plans();
    let walked = |config: &str| -> Vec<String> {
        std::fs::write(dir.path().join(".cniplan.yaml"), config).unwrap();
        let out = cniplan_in(dir.path(), &["check", "--format", "json", "."]);
        assert_eq!(out.status.code(), Some(0), "{config}");
        file_paths(&json(&out))
            .iter()
            .map(|p| p.replace('\\', "/"))
            .collect()
    };
    assert_eq!(walked(""), vec!["./prod/cniplan.yaml"]);
    // An exclude only narrows the default choice.
    assert_eq!(walked("exclude: ['nothing/**']\n"), vec!["./prod/cniplan.yaml"]);
    // An include widens the file names, still within what .gitignore and hiding leave.
    assert_eq!(walked("include: ['**/extra.yaml']\n"), vec!["./prod/extra.yaml"]);
    assert_eq!(
        walked("include: ['**/*.yaml']\nexclude: ['**/cniplan.yaml']\n"),
        vec!["./prod/extra.yaml"]
    );
}

#[test]
fn a_suppression_comment_silences_exactly_that_rule_on_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.1.0.0/16]\n    subnets:\n      - name: s\n        cidr: 10.1.0.0/30 # cniplan: ignore[subnet-too-small] lab subnet\n      - name: t\n        cidr: 10.1.1.0/30\n";
    std::fs::write(dir.path().join("cniplan.yaml"), plan).unwrap();
    let out = cniplan_in(dir.path(), &["check", "--format", "json", "cniplan.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let d = diagnostics(&json(&out));
    assert_eq!(d, vec![(9, 15, "error".into(), "subnet-too-small".into())]);
    // Rule names in a suppression are matched without case.
    let both = plan.replace(
        "10.1.1.0/30\n",
        "10.1.1.0/30 # cniplan: ignore[Subnet-Too-Small]\n",
    );
    std::fs::write(dir.path().join("cniplan.yaml"), both).unwrap();
    assert_eq!(
        cniplan_in(dir.path(), &["check", "cniplan.yaml"]).status.code(),
        Some(0)
    );
}

#[test]
fn schema_describes_the_plan_format_and_completions_are_scripts() {
    let out = cniplan(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema = json(&out);
    assert_eq!(schema["title"], "cniplan plan (version 1)");
    for key in ["version", "vnets", "external_networks", "allocation", "clusters"] {
        assert!(schema["properties"][key].is_object(), "{key}");
    }
    let pool = &schema["$defs"]["NodePool"];
    assert_eq!(pool["additionalProperties"], false);
    assert_eq!(pool["required"], serde_json::json!(["name", "vnet_subnet"]));
    let out = cniplan(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("_cniplan()"));
    assert_eq!(cniplan(&["completions", "cmd.exe"]).status.code(), Some(2));
}

#[test]
fn ci_formats_report_every_finding_of_the_broken_example() {
    let out = cniplan(&["check", "--format", "sarif", BROKEN]);
    assert_eq!(out.status.code(), Some(1));
    let sarif = json(&out);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    assert_eq!(results[0]["ruleId"], "subnet-overlap");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        12
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        BROKEN
    );

    let out = cniplan(&["check", "--format", "github", BROKEN]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 8, "{text}");
    assert!(
        text.starts_with(&format!(
            "::error file={BROKEN},line=12,col=15,endLine=12,endColumn=26,title=cniplan (subnet-overlap)::"
        )),
        "{text}"
    );

    let out = cniplan(&["check", "--format", "junit", BROKEN]);
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout(&out);
    assert_eq!(xml.matches("<failure ").count(), 8, "{xml}");
    assert!(
        xml.contains(&format!(
            "<testcase classname=\"{BROKEN}\" name=\"subnet-overlap\""
        )),
        "{xml}"
    );
}

#[test]
fn a_tree_of_plans_gives_byte_identical_output_run_after_run_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let walkthrough =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH)).unwrap();
    let broken = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BROKEN)).unwrap();
    for i in 0..200 {
        let path = dir.path().join(format!("team{}/svc{i}/cniplan.yaml", i % 7));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, if i % 3 == 0 { &broken } else { &walkthrough }).unwrap();
    }
    for format in ["human", "json", "sarif", "github", "junit"] {
        let run = || {
            cniplan_in(
                dir.path(),
                &["check", "--format", format, "--color", "never", "."],
            )
        };
        let (first, second) = (run(), run());
        assert_eq!(first.status.code(), Some(1), "{format}");
        assert!(first.stdout == second.stdout, "{format}: two runs differ");
    }
    let v = json(&cniplan_in(dir.path(), &["check", "--format", "json", "."]));
    let paths = file_paths(&v);
    assert_eq!(paths.len(), 200);
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "files in path order");
}

/// Two VNets whose names are equally near `hubX`, in the order given, and a peering to `hubX`.
fn peering_to_hub_x(first: &str, second: &str) -> String {
    format!(
        "version: 1
vnets:
  - name: {first}
    address_space: [10.1.0.0/16]
  - name: {second}
    address_space: [10.2.0.0/16]
  - name: spoke
    address_space: [10.3.0.0/16]
    peerings: [hubX]
"
    )
}

#[test]
fn did_you_mean_picks_the_same_name_on_a_tie_run_after_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ab.cniplan.yaml"),
        peering_to_hub_x("hubA", "hubB"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ba.cniplan.yaml"),
        peering_to_hub_x("hubB", "hubA"),
    )
    .unwrap();
    let run = || cniplan_in(dir.path(), &["check", "--format", "json", "."]);
    let first = run();
    assert_eq!(first.status.code(), Some(1));
    let v = json(&first);
    for file in v["files"].as_array().unwrap() {
        let d = &file["diagnostics"][0];
        assert_eq!(
            (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some("unknown-reference"), Some(9), Some(16)),
            "{d}"
        );
        // Equally near: the smaller name, whichever VNet the plan declares first.
        assert_eq!(d["help"], "did you mean `hubA`?", "{}", file["path"]);
    }
    for _ in 0..9 {
        assert!(run().stdout == first.stdout, "two runs differ");
    }
}

#[test]
fn a_cidr_that_does_not_parse_is_explained_at_its_value() {
    let plan = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    subnets:
      - name: spaced
        cidr: 10.1.2.0 / 24
      - name: long
        cidr: 10.10.0.0/33
      - name: no-length
        cidr: 10.1.3.0/
      - name: no-address
        cidr: /24
";
    let out = stdin_plan(&["check", "--format", "json", "-"], plan);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let found: Vec<(u64, u64, &str, &str, &str)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
                d["help"].as_str().unwrap(),
            )
        })
        .collect();
    let invalid = "invalid-cidr";
    assert_eq!(
        found,
        vec![
            (
                7,
                15,
                invalid,
                "`10.1.2.0 / 24` has spaces in it",
                "write `10.1.2.0/24`"
            ),
            (
                9,
                15,
                invalid,
                "`10.10.0.0/33` has prefix length 33; an IPv4 prefix length is 0 to 32",
                "write a prefix length from 0 to 32, such as `10.10.0.0/16`"
            ),
            (
                11,
                15,
                invalid,
                "`10.1.3.0/` has no prefix length after the `/`",
                "write the prefix length too, such as `10.1.3.0/24`"
            ),
            (
                13,
                15,
                invalid,
                "`/24` has no address before the `/`",
                "write the range's first address too, such as `10.240.0.0/24`"
            ),
        ]
    );
}

#[test]
fn a_custom_allocation_block_is_simulated_not_refused() {
    // batch_size 32 with the default thresholds (refill below 8, release at 24) is a valid plan.
    let plan = SMALL_POD_SUBNET
        .replace("clusters:", "allocation:\n  batch_size: 32\nclusters:")
        .replace("max_count: 12", "max_count: 2");
    let v = json(&stdin_plan(&["check", "--format", "json", "-"], &plan));
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"plan-schema"), "{rules:?}");
    let pods = subnet_row(&v, "pods");
    // 30 pods: 32 × ceil((30 + 8) / 32) = 64, clamped at max_pods 30, plus the primary IP.
    assert_eq!(pods["pools"][0]["ips_per_node"], 31);
}

#[test]
fn the_readme_shows_the_walkthroughs_real_output() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("```text\nservice-cidr-overlap")
        .expect("the sample in the README")
        + "```text\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--color", "never", WALKTHROUGH])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert_eq!(
        &readme[start..end],
        stdout(&out),
        "update the README's sample output"
    );
}

/// A plan that is a named pipe, or a link to a device, is refused at once with a message
/// (exit 2), found by name or in a directory walk; it is never waited on or read without end.
#[cfg(unix)]
#[test]
fn special_files_named_as_plans_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("cniplan.yaml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.cniplan.yaml")).unwrap();
    let out = cniplan(&["check", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("it is a named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
    // A walk names both, as naming them does, even beside a plan it reads: passed over
    // without a word, the gate would pass without them.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(WALKTHROUGH),
        dir.path().join("ok.cniplan.yaml"),
    )
    .unwrap();
    let out = cniplan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].contains("/cniplan.yaml: it is a named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("/zero.cniplan.yaml' leads into /proc, /sys or /dev"),
        "{stderr}"
    );
    assert!(
        lines[1].ends_with("or add it to `exclude` in .cniplan.yaml"),
        "{stderr}"
    );
    let out = cniplan(&["check", dir.path().join("zero.cniplan.yaml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is a device, not a regular file"));
}

/// A socket named as a plan is named for what it is, as a pipe or a device is (it got the
/// operating system's "No such device or address").
#[cfg(unix)]
#[test]
fn a_socket_named_as_a_plan_is_refused_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("s.cniplan.yaml");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let out = cniplan(&["check", socket.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with("s.cniplan.yaml: it is a socket, not a regular file\n"),
        "{stderr}"
    );
}

/// A walk follows a symbolic link to a file within the run's reach, as it follows a `.tf`
/// link: a parameters file linked to a shared one (setting a /30) and a plan linked from
/// elsewhere in the repository are read, not passed over with the gate passing.
#[cfg(unix)]
#[test]
fn a_walk_follows_links_to_files_within_reach() {
    let dir = tempfile::tempdir().unwrap();
    let write = |p: &str, text: &str| {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "arm/t.json",
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"p": {"type": "string", "defaultValue": "10.1.0.0/24"}},
  "resources": [{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "v",
    "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
      "subnets": [{"name": "s", "properties": {"addressPrefix": "[parameters('p')]"}}]}}]}
"#,
    );
    write(
        "shared/prod.json",
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0", "parameters": {"p": {"value": "10.1.0.0/30"}}}"#,
    );
    std::os::unix::fs::symlink("../shared/prod.json", dir.path().join("arm/t.parameters.json")).unwrap();
    let out = cniplan_in(dir.path(), &["check", "--format", "json", "arm"]);
    let v = json(&out);
    let rules: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["subnet-too-small"], "{v}");
    assert_eq!(out.status.code(), Some(1));

    write(
        "elsewhere/bad.yaml",
        "version: 1\nvnets:\n  - name: v\n    address_space: [10.2.0.0/16]\n    subnets:\n      - name: s\n        cidr: 10.2.0.0/30\n",
    );
    write("plans/ok.cniplan.yaml", "version: 1\nvnets: []\n");
    std::os::unix::fs::symlink("../elsewhere/bad.yaml", dir.path().join("plans/bad.cniplan.yaml")).unwrap();
    let out = cniplan_in(dir.path(), &["check", "plans"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("subnet-too-small"), "{stdout}");
}

/// A link the walk would take by its name that leads nowhere, out of the run's reach (whose
/// target is not told, whether it exists or not) or back to itself is named with exit 2, as it
/// is when named on the command line; a link of another name is none of the walk's business.
#[cfg(unix)]
#[test]
fn a_walk_names_the_links_it_cannot_follow() {
    let dir = tempfile::tempdir().unwrap();
    let at = |p: &str| dir.path().join("repo").join(p);
    std::fs::create_dir_all(at("")).unwrap();
    std::fs::write(dir.path().join("secret.yaml"), "version: 1\n").unwrap();
    std::fs::write(at("ok.cniplan.yaml"), "version: 1\nvnets: []\n").unwrap();
    let link = |target: &str, name: &str| std::os::unix::fs::symlink(target, at(name)).unwrap();
    link("../secret.yaml", "out.cniplan.yaml");
    link("../no-such.yaml", "gone.cniplan.yaml");
    link("missing.yaml", "dangling.cniplan.yaml");
    link("loop.bicep", "loop.bicep");
    link("missing.txt", "notes.txt");
    let out = cniplan_in(&at(""), &["check", "."]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let outside = "leads outside what this run reads (the current directory, the paths named on the \
                   command line and the configuration's directory); cniplan does not follow it";
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[0].starts_with("cniplan: cannot read ./dangling.cniplan.yaml: it is a symbolic link to a file that does not exist;"),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!("cniplan: './gone.cniplan.yaml' {outside}")),
        "{stderr}"
    );
    assert!(
        lines[2].starts_with(
            "cniplan: cannot read ./loop.bicep: it is a symbolic link that leads back to itself"
        ),
        "{stderr}"
    );
    assert!(
        lines[3].starts_with(&format!("cniplan: './out.cniplan.yaml' {outside}")),
        "{stderr}"
    );
    // `exclude` walks past them.
    std::fs::write(
        at(".cniplan.yaml"),
        "exclude: [out.cniplan.yaml, gone.cniplan.yaml, dangling.cniplan.yaml, loop.bicep]\n",
    )
    .unwrap();
    let out = cniplan_in(&at(""), &["check", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A `.cniplan.yaml` found in the working directory that is a named pipe is refused with a
/// message, as one named with `--config` is; it was passed over, and the run went on with no
/// configuration at all.
#[cfg(unix)]
#[test]
fn a_configuration_found_by_name_that_is_a_pipe_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".cniplan.yaml");
    let c = std::ffi::CString::new(config.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let plan = dir.path().join("p.cniplan.yaml");
    std::fs::write(&plan, "version: 1\nvnets: []\n").unwrap();
    let out = common::command(&["check", plan.to_str().unwrap()])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".cniplan.yaml"), "{stderr}");
    assert!(
        stderr.contains("it is a named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
}

/// Issue 18: `cniplan check` at the root of an infrastructure repository checks every input
/// kind it finds: a cniplan plan, each Terraform root module once (not the local module they
/// call), each ARM template with its parameters file, and passes over other JSON.
#[test]
fn a_walk_finds_terraform_roots_arm_templates_and_plans() {
    let dir = tempfile::tempdir().unwrap();
    let write = |p: &str, text: &str| {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = |from: &str, to: &str| write(to, &std::fs::read_to_string(root.join(from)).unwrap());
    copy(
        "tests/fixtures/terraform/default-subnet/main.tf",
        "envs/prod/main.tf",
    );
    write(
        "envs/prod/net.tf",
        "module \"net\" {\n  source = \"../../modules/net\"\n}\n",
    );
    write("modules/net/main.tf", "variable \"x\" {\n  default = 1\n}\n");
    copy("tests/imported/arm/pool-max-count.json", "arm/spoke.json");
    copy(
        "tests/imported/arm/pool-max-count.parameters.json",
        "arm/spoke.parameters.json",
    );
    write(
        "k8s/deployment.json",
        "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\"}",
    );
    copy(WALKTHROUGH, "cniplan.yaml");
    let out = cniplan_in(dir.path(), &["check", "--format", "json"]);
    let v = json(&out);
    let mut checked: Vec<String> = file_paths(&v).iter().map(|p| p.replace('\\', "/")).collect();
    checked.sort();
    // Each file with findings or rows is listed; the module, the manifest and the
    // parameters file (read with its template) are no inputs of their own.
    assert_eq!(
        checked,
        [
            "./arm/spoke.json",
            "./cniplan.yaml",
            "envs/prod",
            "envs/prod/main.tf"
        ]
    );
    let rules: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    // The template with its parameters file runs out (maxCount 20), the walkthrough warns.
    assert!(rules.contains(&"pod-subnet-exhausted"), "{rules:?}");
    assert!(rules.contains(&"service-cidr-overlap"), "{rules:?}");
    assert!(rules.contains(&"subnet-headroom"), "{rules:?}");
    assert_eq!(out.status.code(), Some(1));
}

/// Issue 22: a walk reads Bicep source. A template is checked from its source, once, with
/// the modules it calls (a module is no root of its own: alone it would miss the parameters
/// its caller passes); a compiled `main.json` beside its `main.bicep` is not checked again;
/// a `.bicepparam` file brings the template it uses, which is then no root alone.
#[test]
fn a_walk_reads_bicep_templates_once_from_source() {
    let dir = tempfile::tempdir().unwrap();
    let write = |p: &str, text: &str| {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = |from: &str, to: &str| write(to, &std::fs::read_to_string(root.join(from)).unwrap());
    write(
        "hub/main.bicep",
        "module spoke 'modules/spoke.bicep' = {\n  name: 'spoke'\n  params: {\n    prefix: '10.1.0.0/29'\n  }\n}\n",
    );
    write(
        "hub/modules/spoke.bicep",
        "param prefix string\nresource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'spoke'\n  properties: {\n    addressSpace: {\n      addressPrefixes: [prefix]\n    }\n    subnets: [\n      {\n        name: 'a'\n        properties: {\n          addressPrefix: prefix\n        }\n      }\n    ]\n  }\n}\n",
    );
    write("aks/main.bicep", "param location string = 'westeurope'\n");
    copy("tests/imported/arm/pool-max-count.json", "aks/main.json");
    write("env/main.bicep", "param n int\n");
    write("env/prod.bicepparam", "using 'main.bicep'\nparam n = 3\n");
    let out = cniplan_in(dir.path(), &["check", "--format", "json"]);
    let v = json(&out);
    let mut paths: Vec<String> = file_paths(&v).iter().map(|p| p.replace('\\', "/")).collect();
    paths.sort();
    assert_eq!(
        paths,
        ["./aks/main.bicep", "./env/prod.bicepparam", "./hub/main.bicep"]
    );
    // The spoke's subnet, from the module, with its prefix as the hub passes it.
    let hub = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("hub/main.bicep"))
        .unwrap();
    assert_eq!(hub["subnets"][0]["name"], "a");
    assert_eq!(hub["subnets"][0]["cidr"], "10.1.0.0/29");
}

/// A Terraform root whose `.tf` files are links to shared files (one directory per
/// environment, each linking the same `main.tf`) is a root like any other: the walk checks
/// it, as `--input terraform DIR` does, instead of passing over it without a word.
#[cfg(unix)]
#[test]
fn a_walk_checks_a_terraform_root_made_of_linked_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("shared")).unwrap();
    std::fs::create_dir_all(dir.path().join("envs/prod")).unwrap();
    std::fs::write(
        dir.path().join("shared/network.tf.txt"),
        "resource \"azurerm_virtual_network\" \"v\" {\n  name = \"v\"\n  resource_group_name = \"rg\"\n  location = \"westeurope\"\n  address_space = [\"10.1.0.0/16\"]\n}\n\
         resource \"azurerm_subnet\" \"s\" {\n  name = \"s\"\n  resource_group_name = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes = [\"10.1.0.0/30\"]\n}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../../shared/network.tf.txt",
        dir.path().join("envs/prod/main.tf"),
    )
    .unwrap();
    let out = cniplan_in(dir.path(), &["check", "--format", "json"]);
    let v = json(&out);
    let rules: Vec<(&str, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| (d["rule"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(rules, [("subnet-too-small", 11)], "{v}");
    assert_eq!(out.status.code(), Some(1));
}

/// A template whose `$schema` follows a long comment is found by a walk as it is when named
/// (both look at the first 64 KB); a walk used to read only 4 KB and skip it silently.
#[test]
fn a_walk_finds_a_template_whose_schema_comes_after_a_long_comment() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input/arm-directive-in-tag.json"),
    )
    .unwrap();
    let text = format!("// {}\n{template}", "x".repeat(8000));
    std::fs::write(dir.path().join("big.json"), text).unwrap();
    let out = cniplan_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        json(&out)["files"][0]["diagnostics"][0]["rule"],
        "subnet-too-small"
    );
}

/// Issue 18: a binary Terraform plan (`terraform plan -out tfplan`) is named as such, with
/// the command that turns it into the JSON cniplan reads.
#[test]
fn a_binary_terraform_plan_says_how_to_make_the_json() {
    let out = cniplan(&["check", "--format", "json", "tests/bad-input/tfplan-binary.bin"]);
    assert_eq!(out.status.code(), Some(1));
    let d = &json(&out)["files"][0]["diagnostics"][0];
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("this is a binary file (a zip archive"),
        "{d}"
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("terraform show -json tfplan > tfplan.json"),
        "{d}"
    );
}

/// pre-commit names the files a commit changed: a changed parameters file checks its
/// template with it (here maxCount 20 runs the pod subnet out), as a walk would.
#[test]
fn a_parameters_file_named_alone_checks_its_template_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("tests/imported/arm/pool-max-count.json", "spoke.json"),
        (
            "tests/imported/arm/pool-max-count.parameters.json",
            "spoke.parameters.json",
        ),
    ] {
        std::fs::copy(root.join(from), dir.path().join(to)).unwrap();
    }
    let out = cniplan_in(
        dir.path(),
        &["check", "--format", "json", "spoke.parameters.json"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["files"][0]["path"], "spoke.json");
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "pod-subnet-exhausted");
}

/// SPEC §2: `max_unavailable` is a pool key; it takes no IPs, so `max_surge: 0` makes an
/// upgrade cost none, and a value that is no count or percentage is a schema error.
#[test]
fn max_unavailable_takes_no_ips_and_must_be_a_count_or_percentage() {
    let plan = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: n
        cidr: 10.1.0.0/24
clusters:
  - name: c
    service_cidr: 10.2.0.0/16
    node_pools:
      - name: p
        node_count: 4
        max_pods: 30
        max_surge: 0
        max_unavailable: \"25%\"
        vnet_subnet: n
";
    let out = stdin_plan(&["check", "--format", "json", "-"], plan);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let v = json(&out);
    // Traditional Azure CNI: 4 nodes × 31 IPs, and no surge node.
    assert_eq!(v["files"][0]["subnets"][0]["peak_demand"], 4 * 31);
    let bad = stdin_plan(
        &["check", "--format", "json", "-"],
        &plan.replace("\"25%\"", "lots"),
    );
    assert_eq!(bad.status.code(), Some(1));
    let d = &json(&bad)["files"][0]["diagnostics"][0];
    assert_eq!((&d["rule"], &d["line"]), (&"plan-schema".into(), &16.into()));
}

/// pre-commit names changed files one by one, so a walk's `exclude` never applies to them;
/// `--force-exclude` (ruff's answer, which the hooks pass) leaves excluded files out.
#[test]
fn force_exclude_leaves_out_named_files_the_config_excludes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    std::fs::write(dir.path().join(".cniplan.yaml"), "exclude: [\"legacy/**\"]\n").unwrap();
    let broken = "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/16]\n    subnets:\n      - name: a\n        cidr: 10.0.0.0/30\nclusters: []\n";
    std::fs::write(dir.path().join("legacy/old.cniplan.yaml"), broken).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let named = run(&["check", "legacy/old.cniplan.yaml"]);
    assert_eq!(named.status.code(), Some(1), "named, the file is checked");
    let forced = run(&["check", "--force-exclude", "legacy/old.cniplan.yaml"]);
    assert_eq!(
        forced.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "exclude: [\"legacy/**\"]\nforce_exclude: true\n",
    )
    .unwrap();
    assert_eq!(
        run(&["check", "./legacy/old.cniplan.yaml"]).status.code(),
        Some(0)
    );
}

/// A template another one deploys as a linked template (`templateLink.relativePath`) is part
/// of that deployment: a walk checks the parent, not the child alone (issue 18).
#[test]
fn a_walk_leaves_linked_templates_to_the_template_that_links_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("nested")).unwrap();
    let schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    std::fs::write(
        dir.path().join("main.json"),
        format!(
            r#"{{"$schema": "{schema}", "contentVersion": "1.0.0.0", "resources": [
  {{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "vnet",
    "properties": {{"mode": "Incremental", "templateLink": {{"relativePath": "nested/vnet.json"}},
      "parameters": {{"prefix": {{"value": "10.1.0.0/16"}}}}}}}}]}}"#
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("nested/vnet.json"),
        format!(
            r#"{{"$schema": "{schema}", "contentVersion": "1.0.0.0",
  "parameters": {{"prefix": {{"type": "string"}}}},
  "resources": [{{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "v",
    "properties": {{"addressSpace": {{"addressPrefixes": ["[parameters('prefix')]"]}}}}}}]}}"#
        ),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--format", "json", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./main.json"], "{}", String::from_utf8_lossy(&out.stderr));
}
