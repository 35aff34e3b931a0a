//! Every default a user can meet is filled in one place and noted the same way, whatever
//! the input (issue 20): one estate written as a cniplan plan, a Terraform configuration, an
//! ARM template and az exports (tests/fixtures/defaults/, its README works the figures out)
//! leaves a pool's max_pods and surge and a cluster's service CIDR to AKS. Each reader gives
//! the same capacity figures (the resolver fills the defaults from `limits`), and each
//! imported reader notes the defaults in the same words (`input::assumed`), its own key
//! names aside; a cniplan plan's author hears of max_pods through `implicit-max-pods`.

use crate::common;
use serde_json::Value;

/// A capacity row: subnet, peak, and each pool's (name, IPs per node, most nodes).
type Row = (String, u64, Vec<(String, u64, u64)>);

/// `cniplan check --format json ARGS`: the findings (rule, line, message) of every file, and
/// the capacity rows (subnet, peak, (pool, IPs per node, most nodes)).
#[allow(clippy::type_complexity)]
fn check(
    args: &[&str],
) -> (
    Vec<(String, u64, String)>,
    Vec<(String, u64, Vec<(String, u64, u64)>)>,
) {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let out = common::cniplan(&all);
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut findings = Vec::new();
    let mut rows = Vec::new();
    for file in v["files"].as_array().expect("files") {
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            findings.push((
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            ));
        }
        for s in file["subnets"].as_array().into_iter().flatten() {
            let pools = s["pools"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    (
                        p["pool"].as_str().unwrap().to_string(),
                        p["ips_per_node"].as_u64().unwrap(),
                        p["max_nodes"].as_u64().unwrap(),
                    )
                })
                .collect();
            rows.push((
                s["name"].as_str().unwrap().to_string(),
                s["peak_demand"].as_u64().unwrap(),
                pools,
            ));
        }
    }
    (findings, rows)
}

/// The figures worked out by hand in tests/fixtures/defaults/README.md: max_pods 250, a
/// surge of 1 node, so 4 nodes at peak.
fn assert_the_same_figures(rows: &[Row]) {
    let sys = |ips: u64, most: u64| vec![("sys".to_string(), ips, most)];
    assert_eq!(
        rows,
        [
            ("nodes".to_string(), 4, sys(1, 1019)),
            ("pods".to_string(), 1004, sys(251, 65)),
        ]
    );
}

/// The notes an imported reader gives: one `assumed-value` per default, in the shared words
/// with the reader's own key names, and the default service CIDR's overlap.
fn assert_noted(findings: &[(String, u64, String)], keys: [&str; 3]) {
    let [max_pods, max_surge, service_cidr] = keys;
    let assumed: Vec<&str> = findings
        .iter()
        .filter(|f| f.0 == "assumed-value")
        .map(|f| f.2.as_str())
        .collect();
    let said = |words: String| {
        assert!(
            assumed.iter().any(|m| m.contains(&words)),
            "no note says {words:?}: {assumed:#?}"
        );
    };
    said(format!(
        "{max_pods} is not set (Azure computes it): assumed 250, AKS's default for dynamic allocation of pod IPs"
    ));
    said(format!(
        "{max_surge} is not set: assumed AKS's default of 10% of the pool's nodes, rounded up (1 node for pools of up to 10)"
    ));
    said(format!(
        "{service_cidr} is not set (AKS computes it): assumed AKS's default 10.0.0.0/16, with the DNS service at 10.0.0.10"
    ));
    assert!(
        findings.iter().all(|f| f.0 != "implicit-max-pods"),
        "an imported pool's max_pods is noted once, by its reader: {findings:#?}"
    );
    assert_eq!(
        findings.iter().filter(|f| f.0 == "service-cidr-overlap").count(),
        1,
        "{findings:#?}"
    );
}

#[test]
fn a_cniplan_plan_gets_the_defaults_and_implicit_max_pods() {
    let (findings, rows) = check(&["tests/fixtures/defaults/plan.yaml"]);
    assert_the_same_figures(&rows);
    let rules: Vec<(&str, u64)> = findings.iter().map(|f| (f.0.as_str(), f.1)).collect();
    // The overlap at the cluster's name (line 13), the max pods at the pool's (line 16). A
    // plan's author wrote the plan: no assumed-value note for what its format documents.
    assert_eq!(rules, [("service-cidr-overlap", 13), ("implicit-max-pods", 16)]);
    assert!(findings[1]
        .2
        .contains("cniplan assumes 250 for dynamic allocation of pod IPs"));
}

#[test]
fn a_terraform_configuration_gets_the_same_defaults_noted() {
    let (findings, rows) = check(&["--input", "terraform", "tests/fixtures/defaults/tf"]);
    assert_the_same_figures(&rows);
    assert_noted(
        &findings,
        ["max_pods", "upgrade_settings.max_surge", "service_cidr"],
    );
}

#[test]
fn an_arm_template_gets_the_same_defaults_noted() {
    let (findings, rows) = check(&["tests/fixtures/defaults/arm.json"]);
    assert_the_same_figures(&rows);
    assert_noted(
        &findings,
        [
            "maxPods",
            "upgradeSettings.maxSurge",
            "networkProfile.serviceCidr",
        ],
    );
}

#[test]
fn az_exports_get_the_same_defaults_noted() {
    let (findings, rows) = check(&[
        "--input",
        "az",
        "tests/fixtures/defaults/az/vnets.json",
        "tests/fixtures/defaults/az/aks.json",
    ]);
    assert_the_same_figures(&rows);
    assert_noted(
        &findings,
        [
            "maxPods",
            "upgradeSettings.maxSurge",
            "networkProfile.serviceCidr",
        ],
    );
}
