//! Terraform plan JSON: every fixture under tests/fixtures/terraform/ against its `.expected`
//! (`LINE:COLUMN SEVERITY RULE` per finding, derived by hand), the links each fixture exists
//! to prove, `cniplan import` round trips, and the command line.

use cniplan::capacity::rows::SubnetRow;
use cniplan::check::{self, FileReport};
use cniplan::config::Settings;
use cniplan::input::{self, Format, Input};
use cniplan::plan::model::{NetworkPluginMode, Plan};
use cniplan::plan::write::{self, Part};
use cniplan::source::SourceFile;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common;
use common::cniplan;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform")
}

fn fixtures() -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> = fs::read_dir(dir())
        .expect("tests/fixtures/terraform exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tfplan.json"))
        .collect();
    plans.sort();
    plans
}

fn source(path: &Path) -> SourceFile {
    SourceFile::new(
        path.display().to_string(),
        fs::read_to_string(path).expect("UTF-8"),
    )
}

fn fixture(name: &str) -> PathBuf {
    dir().join(format!("{name}.tfplan.json"))
}

fn check(path: &Path) -> FileReport {
    cniplan::check_source(source(path))
}

fn plan(path: &Path) -> Plan {
    let input = Input {
        sources: vec![source(path)],
        format: Format::Terraform,
    };
    match input::read(&input) {
        Ok(loaded) => loaded.plan,
        Err(f) => panic!("{}: {f:?}", path.display()),
    }
}

fn lines(report: &FileReport) -> String {
    report
        .findings
        .iter()
        .map(|f| {
            let at = report.source.position(f.span.expect("a place").start);
            format!("{at} {} {}\n", f.severity, f.rule.name())
        })
        .collect()
}

/// Fixtures whose expectations need a change on another branch: `resource-groups` needs
/// `duplicate-name` to compare VNets and clusters within their resource group (branch
/// `defects`). Each is checked by its own ignored test until then.
const PENDING: &[&str] = &[];

#[test]
fn every_terraform_fixture_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    let plans = fixtures();
    assert!(plans.len() >= 7);
    for plan in &plans {
        let name = plan
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".tfplan.json", "");
        if PENDING.contains(&name.as_str()) {
            continue;
        }
        let expected = fs::read_to_string(dir().join(format!("{name}.expected")))
            .unwrap_or_else(|_| panic!("{name} has no .expected beside it"));
        let got = lines(&check(plan));
        if got.trim() != expected.trim() {
            failures.push(format!("{name}\n  expected:\n{expected}\n  got:\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn names_repeated_across_resource_groups_are_not_duplicates() {
    let report = check(&fixture("resource-groups"));
    let expected = fs::read_to_string(dir().join("resource-groups.expected")).unwrap();
    assert_eq!(lines(&report).trim(), expected.trim());
}

fn row<'r>(report: &'r FileReport, source: &str) -> &'r SubnetRow {
    report
        .subnets
        .iter()
        .find(|r| r.source.as_deref() == Some(source))
        .unwrap_or_else(|| panic!("no row from {source}"))
}

fn pools(row: &SubnetRow) -> Vec<&str> {
    row.pools.iter().map(|p| p.pool.as_str()).collect()
}

#[test]
fn roles_follow_use_not_names() {
    let report = check(&fixture("linked-plain"));
    // The subnet named aks-node serves pods; the one named aks-pods serves nodes.
    let pods = row(&report, "azurerm_subnet.pods");
    assert_eq!((pods.name.as_str(), pods.role.as_str()), ("aks-node", "pod"));
    let nodes = row(&report, "azurerm_subnet.nodes");
    assert_eq!((nodes.name.as_str(), nodes.role.as_str()), ("aks-pods", "node"));
    assert_eq!(pools(pods), ["system", "user"]);
    // v4's auto_scaling_enabled: the user pool scales to 10, plus a 33 % surge (4 nodes).
    assert_eq!(pods.pools[1].peak_nodes, 14);
}

#[test]
fn count_instances_stay_apart() {
    let report = check(&fixture("linked-count"));
    assert_eq!(pools(row(&report, "azurerm_subnet.pods[0]")), ["system", "pool0"]);
    let one = row(&report, "azurerm_subnet.pods[1]");
    assert_eq!(pools(one), ["pool1"]);
    assert!(one.exhaustion.is_some());
    assert!(row(&report, "azurerm_subnet.pods[0]").exhaustion.is_none());
    // v3's enable_auto_scaling: each pool scales from 1 to 4, plus one surge node.
    assert_eq!(one.pools[0].peak_nodes, 5);
    assert_eq!(
        pools(row(&report, "azurerm_subnet.nodes")),
        ["system", "pool0", "pool1"]
    );
}

#[test]
fn module_inputs_and_outputs_link_pools_to_their_subnets() {
    let report = check(&fixture("linked-module"));
    assert_eq!(
        pools(row(&report, r#"azurerm_subnet.pods["a"]"#)),
        ["system", "usera"]
    );
    assert_eq!(pools(row(&report, r#"azurerm_subnet.pods["b"]"#)), ["userb"]);
    assert_eq!(
        pools(row(&report, "module.net.azurerm_subnet.nodes")),
        ["system", "usera", "userb"]
    );
}

#[test]
fn names_repeated_across_resource_groups_link_within_their_group() {
    let report = check(&fixture("resource-groups"));
    for i in 0..5u64 {
        let r = row(&report, &format!(r#"azurerm_subnet.nodes["{i}"]"#));
        assert_eq!((r.vnet.as_deref(), r.name.as_str()), (Some("k8s-vnet"), "nodes"));
        // Cluster i has i + 1 nodes and surges one more: each in its own group's subnet.
        assert_eq!(r.pools.len(), 1, "{r:?}");
        assert_eq!(r.pools[0].peak_nodes, i + 2);
    }
    assert!(report.findings.iter().all(|f| f.rule.name() == "duplicate-name"));
}

#[test]
fn overlay_is_not_read_as_dynamic() {
    let plan = plan(&fixture("network-modes"));
    let overlay = &plan.clusters[0];
    assert_eq!(overlay.name.value, "aks-overlay");
    assert_eq!(
        overlay.network_plugin_mode.as_ref().map(|m| m.value),
        Some(NetworkPluginMode::Overlay)
    );
    assert_eq!(overlay.pod_cidr.as_ref().unwrap().value, "192.168.0.0/16");
    let pool = &overlay.node_pools.value[0];
    assert!(pool.pod_subnet.is_none());
    assert_eq!(pool.vnet_subnet.value, "azurerm_subnet.overlay");
    assert_eq!(
        (
            pool.min_count.as_ref().unwrap().value,
            pool.max_count.as_ref().unwrap().value
        ),
        (3, 5)
    );
    assert_eq!(pool.max_surge.as_ref().unwrap().value, "10%");
    let traditional = &plan.clusters[1];
    assert!(traditional.network_plugin_mode.is_none());
    assert!(traditional
        .node_pools
        .value
        .iter()
        .all(|p| p.pod_subnet.is_none()));
}

#[test]
fn findings_point_into_the_json_and_name_the_resource() {
    let report = check(&fixture("linked-count"));
    let f = &report.findings[0];
    let span = f.span.unwrap();
    assert_eq!(&report.source.text[span.start..span.end], "\"10.20.1.0/26\"");
    assert!(f.message.ends_with("(azurerm_subnet.pods[1])"), "{}", f.message);
    let notes = check(&fixture("unresolved-input--other-state"));
    assert!(notes.findings[1]
        .message
        .starts_with("azurerm_kubernetes_cluster.aks default_node_pool: vnet_subnet_id names"));
}

#[test]
fn rows_of_cniplan_plans_have_no_source() {
    let report = cniplan::check_source(SourceFile::new(
        "p.yaml",
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aks-dynamic-ip/plan.yaml"))
            .unwrap(),
    ));
    assert!(report.subnets.iter().all(|r| r.source.is_none()));
    let json = serde_json::to_value(&report.subnets).unwrap();
    assert!(json[0].get("source").is_none(), "{json}");
}

/// The imported plan's capacity rows are the input's, without `source`.
fn assert_round_trip(path: &Path) {
    let original = check(path);
    let src = source(path);
    let input = Input::single(src);
    let loaded = input::read(&input).unwrap_or_else(|f| panic!("{}: {f:?}", path.display()));
    let yaml = write::write(&[Part {
        plan: &loaded.plan,
        sources: &input.sources,
        notes: &loaded.notes,
    }]);
    let again = check::run(
        Input::single(SourceFile::new("imported.yaml", yaml.clone())),
        &Settings::default(),
    );
    let strip = |rows: &[SubnetRow]| -> Vec<SubnetRow> {
        rows.iter()
            .cloned()
            .map(|mut r| {
                r.source = None;
                r
            })
            .collect()
    };
    assert_eq!(
        strip(&again.report.subnets),
        strip(&original.subnets),
        "{}:\n{yaml}",
        path.display()
    );
    assert!(
        again
            .report
            .findings
            .iter()
            .all(|f| f.rule.name() != "plan-syntax"),
        "{}:\n{yaml}",
        path.display()
    );
}

#[test]
fn import_round_trips_every_fixture_and_real_plan() {
    for path in fixtures() {
        assert_round_trip(&path);
    }
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real/terraform");
    for entry in fs::read_dir(real).unwrap() {
        let folder = entry.unwrap().path();
        for file in fs::read_dir(&folder).into_iter().flatten() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "json") {
                assert_round_trip(&file);
            }
        }
    }
}

/// Every plan JSON the `terraform_plan` fuzz target found (fuzz/regressions/terraform_plan-*),
/// replayed as the target checks it: the imported plan checks to the same capacity rows.
#[test]
fn import_round_trips_every_fuzz_regression() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut found: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fuzz/regressions exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("terraform_plan-") && name.ends_with(".json")
        })
        .collect();
    found.sort();
    assert!(found.len() >= 2, "{found:?}");
    for path in found {
        assert_round_trip(&path);
    }
}

/// `cniplan check --format json` of a plan JSON and of the plan `cniplan import` writes for
/// it: per subnet row, its CIDR and its pools as `cluster/pool` with their peak nodes.
type Rows = Vec<(String, Vec<(String, u64)>)>;
fn direct_and_imported_rows(plan: &str) -> (Rows, Rows, String) {
    let out = cniplan(&["import", plan]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml = common::stdout(&out);
    let rows = |out: &std::process::Output| -> Rows {
        common::json(out)["files"][0]["subnets"]
            .as_array()
            .expect("subnets")
            .iter()
            .map(|r| {
                let pools = r["pools"]
                    .as_array()
                    .expect("pools")
                    .iter()
                    .map(|p| {
                        let name = format!(
                            "{}/{}",
                            p["cluster"].as_str().unwrap_or(""),
                            p["pool"].as_str().unwrap_or("")
                        );
                        (name, p["peak_nodes"].as_u64().expect("peak_nodes"))
                    })
                    .collect();
                (r["cidr"].as_str().expect("cidr").to_string(), pools)
            })
            .collect()
    };
    let direct = rows(&cniplan(&["check", "--format", "json", plan]));
    let imported = rows(&common::stdin_plan(&["check", "--format", "json", "-"], &yaml));
    (direct, imported, yaml)
}

/// Each `nodes` subnet (CIDR) with cluster `aks`'s pool `system` at `peak` nodes, or none.
fn expected_rows(peaks: [Option<u64>; 5]) -> Rows {
    [
        "10.40.0.0/24",
        "10.41.0.0/24",
        "70.42.0.0/24",
        "10.43.0.0/24",
        "10.44.0.0/24",
    ]
    .into_iter()
    .zip(peaks)
    .map(|(cidr, peak)| {
        let pools = peak.map(|p| ("aks/system".to_string(), p)).into_iter().collect();
        (cidr.to_string(), pools)
    })
    .collect()
}

/// Five VNets named `k8s-vnet` and five clusters named `aks`, one per resource group, one
/// VNet whose resource group the plan leaves out (its subnet names it), and the address of
/// the cluster in that group written as another's (fuzz/regressions/terraform_plan-2.json).
/// `cniplan import` wrote pools' subnets by name, so `check` of the imported plan put three
/// clusters' pools on the group-less VNet's subnet. Now each pool stays on its own group's
/// subnet, as `check` of the plan JSON has it: cluster i has i + 1 nodes and surges one more.
#[test]
fn import_keeps_pools_on_their_own_subnet_when_names_repeat_across_groups() {
    let (direct, imported, yaml) = direct_and_imported_rows("fuzz/regressions/terraform_plan-2.json");
    // The cluster listed twice is read once (the first), so rg-team1's subnet has no pool.
    let expected = expected_rows([Some(2), None, Some(4), Some(5), Some(6)]);
    assert_eq!(direct, expected);
    assert_eq!(imported, expected, "{yaml}");
    for i in [0, 2, 3, 4] {
        let id = format!(
            "vnet_subnet: \"/resourceGroups/rg-team{i}/providers/Microsoft.Network/virtualNetworks/k8s-vnet/subnets/nodes\""
        );
        assert!(yaml.contains(&id), "{id}\n{yaml}");
    }
    // The same plan with that cluster's own address: its pool is on the subnet of the VNet
    // whose group only its subnet said, which the imported plan now writes with it.
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/terraform_plan-2.json"),
    )
    .unwrap();
    let address = r#""address": "azurerm_kubernetes_cluster.aks[\"0\"]""#;
    let second = text.rfind(address).expect("the cluster listed twice");
    let fixed = format!(
        "{}{}{}",
        &text[..second],
        address.replace('0', "1"),
        &text[second + address.len()..]
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groups.tfplan.json");
    fs::write(&path, fixed).unwrap();
    let (direct, imported, yaml) = direct_and_imported_rows(&path.to_string_lossy());
    let expected = expected_rows([Some(2), Some(3), Some(4), Some(5), Some(6)]);
    assert_eq!(direct, expected);
    assert_eq!(imported, expected, "{yaml}");
    assert!(
        yaml.contains("    resource_group: rg-team1  # the resource group of its subnets: another VNet is named `k8s-vnet`\n"),
        "{yaml}"
    );
}

/// A plan whose reading leaves values unknown (a VNet without an address space, a pool
/// without a size: fuzz/regressions/terraform_plan-1.json) imports to a plan with an error at
/// each value to fill in, and the rest still checked: the same capacity rows (the cluster's
/// pod CIDR among them).
#[test]
fn import_of_a_plan_with_unknowns_keeps_the_rows_and_marks_what_to_fill_in() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/terraform_plan-1.json");
    assert_round_trip(&path);
    let input = Input::single(source(&path));
    let loaded = input::read(&input).expect("reads");
    let yaml = write::write(&[Part {
        plan: &loaded.plan,
        sources: &input.sources,
        notes: &loaded.notes,
    }]);
    let again = check::run(
        Input::single(SourceFile::new("imported.yaml", yaml.clone())),
        &Settings::default(),
    );
    let messages: Vec<&str> = again.report.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages.contains(&"VNet `v` has no address space"),
        "{messages:?}"
    );
    assert!(messages.contains(&"node pool `p` has no size"), "{messages:?}");
    assert_eq!(again.report.subnets.len(), 1, "{yaml}");
    assert_eq!(again.report.subnets[0].cidr, "10.244.0.0/16");
}

#[test]
fn import_writes_a_commented_plan_that_checks_alike() {
    let out = cniplan(&["import", "tests/fixtures/terraform/linked-module.tfplan.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains(
        "      - name: pods-b  # azurerm_subnet.pods[\"b\"], tests/fixtures/terraform/linked-module.tfplan.json:110\n"
    ));
    assert!(
        yaml.contains("        pod_subnet: mod-vnet/pods-b  # module.pool[\"b\"]"),
        "{yaml}"
    );
    // VNet names repeated across resource groups: references carry the group.
    let out = cniplan(&["import", "tests/fixtures/terraform/resource-groups.tfplan.json"]);
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains(
        "vnet_subnet: \"/resourceGroups/rg-team3/providers/Microsoft.Network/virtualNetworks/k8s-vnet/subnets/nodes\""
    ), "{yaml}");
    // Notes come first, as comments.
    let out = cniplan(&[
        "import",
        "tests/fixtures/terraform/assumed-value--unknown-max-pods.tfplan.json",
    ]);
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains("# assumed-value: azurerm_kubernetes_cluster.aks default_node_pool: max_pods"),
        "{yaml}"
    );
    // An input that does not load: its findings on stderr, exit 1, nothing on stdout.
    let out = cniplan(&[
        "import",
        "--input",
        "terraform",
        "examples/aks-dynamic-ip/plan.yaml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("plan-syntax"));
}

#[test]
fn check_recognises_plans_by_content_and_walks_take_tfplan_json() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(fixture("linked-count")).unwrap();
    fs::create_dir_all(tmp.path().join("a/b")).unwrap();
    fs::write(tmp.path().join("a/tfplan.json"), &plan).unwrap();
    fs::write(tmp.path().join("a/b/prod.tfplan.json"), &plan).unwrap();
    fs::write(tmp.path().join("a/other.json"), &plan).unwrap();
    let dir = tmp.path().to_string_lossy().to_string();
    let out = cniplan(&["check", "--format", "json", &dir]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a/b/prod.tfplan.json") && paths[1].ends_with("a/tfplan.json"));
    // Named any way, a plan is recognised by its content.
    let out = cniplan(&["check", "--format", "json", &format!("{dir}/a/other.json")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "pod-subnet-exhausted");
    assert_eq!(v["files"][0]["subnets"][2]["source"], "azurerm_subnet.pods[1]");
}

#[test]
fn the_input_flag_names_the_format() {
    // A cniplan plan read as Terraform is no JSON; a plan read as cniplan is YAML of unknown keys.
    let out = cniplan(&[
        "check",
        "--format",
        "json",
        "--input",
        "terraform",
        "examples/aks-dynamic-ip/plan.yaml",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "plan-syntax");
    let out = cniplan(&[
        "check",
        "--format",
        "json",
        "--input",
        "cniplan",
        "tests/fixtures/terraform/linked-plain.tfplan.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "plan-schema");
    let out = cniplan(&[
        "simulate",
        "--input",
        "terraform",
        "tests/fixtures/terraform/linked-plain.tfplan.json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("aks-node"));
}

#[test]
fn sarif_and_github_annotations_land_on_the_plan_json() {
    let out = cniplan(&[
        "check",
        "--format",
        "github",
        "tests/fixtures/terraform/linked-count.tfplan.json",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("::error file=tests/fixtures/terraform/linked-count.tfplan.json,line=106,col=13,"),
        "{text}"
    );
    let out = cniplan(&[
        "check",
        "--format",
        "sarif",
        "tests/fixtures/terraform/linked-count.tfplan.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let location = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/terraform/linked-count.tfplan.json"
    );
    assert_eq!(location["region"]["startLine"], 106);
}
