//! ARM templates and az exports through the whole pipeline (issue 12's "done when"): the
//! fixtures under tests/imported/ state their hand-computed figures in their headers.

use cniplan::capacity::rows::SubnetRow;
use cniplan::check::{run, Checked};
use cniplan::config::Settings;
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use std::path::Path;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/imported")
}

fn source(path: &str) -> SourceFile {
    let text = std::fs::read_to_string(dir().join(path)).expect("fixture is readable");
    SourceFile::new(path, text)
}

fn check(paths: &[&str], format: Format) -> Checked {
    run(
        Input {
            sources: paths.iter().map(|p| source(p)).collect(),
            format,
        },
        &Settings::default(),
    )
}

/// `rule line:column` (in the file the finding points into) of every finding.
fn findings(checked: &Checked) -> Vec<String> {
    let report = &checked.report;
    report
        .findings
        .iter()
        .map(|f| {
            let span = f.span.expect("located");
            let file = report.source_of(span.file);
            format!("{} {}:{}", f.rule.name(), file.path, file.position(span.start))
        })
        .collect()
}

fn row<'a>(checked: &'a Checked, name: &str) -> &'a SubnetRow {
    checked
        .report
        .subnets
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[test]
fn a_pool_is_simulated_with_the_parameter_files_max_count() {
    let with = check(
        &["arm/pool-max-count.json", "arm/pool-max-count.parameters.json"],
        Format::Auto,
    );
    assert_eq!(
        findings(&with),
        [
            "pod-subnet-exhausted arm/pool-max-count.json:35:84",
            "assumed-value arm/pool-max-count.json:54:21"
        ],
        "the pod subnet's prefix is where the finding points; the pool sets no maxSurge (SPEC §2's default, noted)"
    );
    let pods = row(&with, "pods");
    assert_eq!((pods.usable, pods.baseline_demand), (251, 62));
    assert_eq!(pods.pools[0].ips_per_node, 31);
    // maxCount 20 from the parameters file, plus its surge: 10 % of 20, 2 nodes.
    assert_eq!(pods.pools[0].peak_nodes, 22);
    let e = pods.exhaustion.as_ref().expect("the pod subnet runs out");
    assert_eq!(
        (e.phase.as_str(), e.step, e.demand, e.stranded_ips),
        ("scale-out", 7, 279, 0)
    );
    assert_eq!((e.cluster.as_str(), e.pool.as_str()), ("aks-spoke", "system"));

    let without = check(&["arm/pool-max-count.json"], Format::Auto);
    assert_eq!(
        findings(&without),
        ["assumed-value arm/pool-max-count.json:54:21"]
    );
    let pods = row(&without, "pods");
    assert_eq!((pods.peak_demand, pods.pools[0].peak_nodes), (124, 4));
    assert!(pods.exhaustion.is_none());
}

#[test]
fn the_parameter_files_value_is_what_a_finding_about_it_points_at() {
    let checked = check(
        &["arm/pool-max-count.json", "arm/pool-max-count.parameters.json"],
        Format::Arm,
    );
    let model = checked.model.as_ref().expect("the template loads");
    let pool = &model.topology.clusters[0].pools[0];
    assert_eq!(pool.full_scale_nodes.value, 20);
    // File 1 is the parameters file: `{"value": 20}` is on its line 5.
    let span = pool.full_scale_nodes.span;
    assert_eq!(span.file, 1);
    assert_eq!(
        checked.report.source_of(1).position(span.start).to_string(),
        "5:27"
    );
}

#[test]
fn an_az_export_in_several_files_is_one_estate() {
    let checked = check(
        &[
            "az/vnets.json",
            "az/subnets.json",
            "az/aks.json",
            "az/nodepools.json",
        ],
        Format::Az,
    );
    // The pool of nodepools.json sets no maxSurge: SPEC §2's default, noted.
    assert_eq!(findings(&checked), ["assumed-value az/nodepools.json:23:13"]);
    assert_eq!(checked.report.source.path, "az/vnets.json");
    assert_eq!(checked.report.extra_sources.len(), 3);
    // Two private endpoints hold IPs in the node subnet; the three node NICs of the
    // export's own cluster do not count, the simulation counts nodes itself.
    let nodes = row(&checked, "nodes");
    assert_eq!((nodes.usable, nodes.role.as_str()), (256 - 5 - 2, "node"));
    // The pools' IDs say `resourcegroups` in lower case; both pools are linked.
    let pools: Vec<&str> = nodes.pools.iter().map(|p| p.pool.as_str()).collect();
    assert_eq!(pools, ["system", "user"]);
    let pods = row(&checked, "pods");
    assert_eq!((pods.usable, pods.role.as_str()), (1019, "pod"));
    assert!(pods
        .pools
        .iter()
        .all(|p| p.mode.as_str() == "dynamic" && p.ips_per_node == 51));
}

#[test]
fn az_exports_give_the_same_estate_in_any_file_order() {
    let a = check(&["az/aks.json", "az/nodepools.json", "az/vnets.json"], Format::Az);
    let b = check(&["az/vnets.json", "az/nodepools.json", "az/aks.json"], Format::Az);
    let usable = |c: &Checked| {
        c.report
            .subnets
            .iter()
            .map(|r| (r.name.clone(), r.usable, r.peak_demand))
            .collect::<Vec<_>>()
    };
    assert_eq!(usable(&a), usable(&b));
}

#[test]
fn a_cluster_exported_without_its_vnets_says_what_it_could_not_check() {
    let checked = check(&["az/aks.json"], Format::Az);
    let got = findings(&checked);
    assert_eq!(
        got,
        ["unresolved-input az/aks.json:18:25"],
        "the pool's missing VNet; the cluster is still checked, its pool unlinked"
    );
    let message = &checked.report.findings[0].message;
    assert!(
        message.contains("`vnet-aks` in resource group `rg-net` is not in the export"),
        "{message}"
    );
}

#[test]
fn the_cli_reads_several_az_files_as_one_report() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .current_dir(dir())
        .args([
            "check",
            "--format",
            "json",
            "--input",
            "az",
            "az/vnets.json",
            "az/aks.json",
            "az/nodepools.json",
        ])
        .output()
        .expect("the binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // vnets.json with the rows, nodepools.json with its maxSurge note.
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["files"][0]["path"], "az/vnets.json");
    assert_eq!(json["files"][0]["subnets"][0]["usable"], 249);
}

#[test]
fn the_cli_passes_parameters_files_to_check_and_simulate() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
            .current_dir(dir())
            .args(args)
            .output()
            .expect("the binary runs")
    };
    let template = "arm/pool-max-count.json";
    let params = "arm/pool-max-count.parameters.json";
    let out = run(&["check", "--format", "json", "--parameters", params, template]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["simulate", "--format", "json", "--parameters", params, template]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pods = json["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "pods")
        .unwrap();
    assert_eq!(pods["exhaustion"]["step"], 7);
    let out = run(&["simulate", template, params]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "simulate takes one input unless --input az"
    );
}

/// Runs the binary on files of one az export, killed past `limit`.
fn run_az(files: &[&Path], limit: std::time::Duration) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--format", "json", "--input", "az"])
        .args(files)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = std::time::Instant::now();
    // Output is read on threads so a large report never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut b);
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut b);
        b
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let output = std::process::Output {
        status,
        stdout: out.join().expect("stdout"),
        stderr: err.join().expect("stderr"),
    };
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    output
}

/// `rule line:column` of the JSON report's findings, per file.
fn json_findings(out: &std::process::Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| {
            let path = f["path"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string();
            f["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |d| {
                    format!(
                        "{} {path}:{}:{}",
                        d["rule"].as_str().unwrap_or(""),
                        d["line"],
                        d["column"]
                    )
                })
        })
        .collect()
}

#[test]
fn broken_az_exports_are_located_findings() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let write = |name: &str, text: &str| {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).expect("written");
        path
    };
    let vnets = std::fs::read_to_string(dir().join("az/vnets.json")).expect("fixture");
    let truncated = write("truncated.json", &vnets[..vnets.len() / 2]);
    let out = run_az(&[&truncated], std::time::Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_findings(&out).len(), 1);
    assert!(json_findings(&out)[0].starts_with("plan-syntax truncated.json:"));

    let wrong = write(
        "wrong.json",
        r#"[{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
             "type": "Microsoft.Network/virtualNetworks", "name": "v",
             "addressSpace": {"addressPrefixes": [10]},
             "subnets": [{"name": "a", "addressPrefix": {"x": 1}}]}]"#,
    );
    let out = run_az(&[&wrong], std::time::Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json_findings(&out),
        ["plan-schema wrong.json:3:51", "plan-schema wrong.json:4:57"]
    );

    let other = write(
        "account.json",
        r#"{"id": "/subscriptions/s", "name": "my subscription"}"#,
    );
    let out = run_az(&[&other], std::time::Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_findings(&out), ["plan-schema account.json:1:1"]);
}

/// A 100 MB `az network vnet list` (279 subnets of 2,000 NICs each) is read in bounded
/// time: a few seconds in a debug build, where the JSON parse dominates.
#[test]
fn a_100_mb_export_is_read() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let path = tmp.path().join("vnets.json");
    let sub =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network";
    let mut text = format!(
        r#"[{{"id": "{sub}/virtualNetworks/big", "name": "big", "type": "Microsoft.Network/virtualNetworks",
             "addressSpace": {{"addressPrefixes": ["10.0.0.0/8"]}}, "subnets": ["#
    );
    let mut i = 0;
    while text.len() < 100 * 1024 * 1024 {
        let nics: Vec<String> = (0..2000)
            .map(|k| format!(r#"{{"id": "{sub}/networkInterfaces/nic-{i}-{k}/ipConfigurations/ipconfig1"}}"#))
            .collect();
        let comma = if i == 0 { "" } else { "," };
        text.push_str(&format!(
            r#"{comma}{{"id": "{sub}/virtualNetworks/big/subnets/s{i}", "name": "s{i}", "addressPrefix": "10.{}.{}.0/20", "ipConfigurations": [{}]}}"#,
            i / 16,
            (i % 16) * 16,
            nics.join(",")
        ));
        i += 1;
    }
    text.push_str("]}]");
    std::fs::write(&path, &text).expect("written");
    drop(text);
    let out = run_az(&[&path], std::time::Duration::from_secs(120));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let subnets = json["files"][0]["subnets"].as_array().expect("rows");
    assert_eq!(subnets.len(), i);
    // A /20 holds 4,096 addresses: 5 Azure keeps, 2,000 the NICs hold.
    assert_eq!(subnets[0]["usable"], 4096 - 5 - 2000);
}

/// SPEC §5: every capacity row says its family and all its prefixes, and a finding of an
/// imported input names the resource it is about, by resource ID (an inline subnet's own ID,
/// not its VNet's).
#[test]
fn rows_carry_family_and_cidrs_and_findings_their_resource() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args([
            "check",
            "--format",
            "json",
            "tests/bad-input/arm-directive-in-tag.json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let file = &v["files"][0];
    let id = "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
    assert_eq!(file["diagnostics"][0]["rule"], "subnet-too-small");
    assert_eq!(file["diagnostics"][0]["resource"], id);
    let row = &file["subnets"][0];
    assert_eq!(
        (&row["family"], &row["cidrs"]),
        (&serde_json::json!("ipv4"), &serde_json::json!(["10.1.0.0/30"]))
    );
    assert_eq!(row["source"], id);
}

/// Issue 18: a hub and a spoke in resource groups of their own, peered by resource ID (the
/// landing zone accelerator's layout), are peered VNets: their overlap is an error, and the
/// spoke cluster's service CIDR on a hub subnet is found. cniplan read them as unpeered.
#[test]
fn a_peering_across_resource_groups_is_a_peering() {
    let checked = check(&["arm/peering-across-resource-groups.json"], Format::Auto);
    let at = |rule: &str, pos: &str| format!("{rule} arm/peering-across-resource-groups.json:{pos}");
    assert_eq!(
        findings(&checked),
        [
            at("assumed-value", "10:14"),
            at("vnet-overlap", "60:54"),
            at("service-cidr-overlap", "97:34"),
        ]
    );
    let overlap = &checked.report.findings[1];
    assert_eq!(overlap.severity.as_str(), "error");
    assert!(
        overlap.message.contains("peered VNets cannot route"),
        "{}",
        overlap.message
    );
    assert_eq!(row(&checked, "aks").peak_demand, 93);

    // `import` names the peer in the other group by a resource ID that its plan reads back.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["import", "arm/peering-across-resource-groups.json"])
        .current_dir(dir())
        .output()
        .expect("runs");
    let yaml = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        yaml.contains(
            "peerings: [\"/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub\"]"
        ),
        "{yaml}"
    );
    let plan = run(
        Input::single(SourceFile::new("imported.cniplan.yaml", yaml)),
        &Settings::default(),
    );
    let rules: Vec<&str> = plan.report.findings.iter().map(|f| f.rule.name()).collect();
    assert_eq!(rules, ["vnet-overlap", "service-cidr-overlap"]);
}
