//! `cniplan compare` as a user runs it: the acceptance figures of issue 10, each migration
//! answer, both formats, exit codes and stable output.

use serde_json::Value;
use std::process::Output;

use crate::common;
use common::{json, stdin_plan, stdout};

const KUBENET: &str = "examples/kubenet-to-overlay/plan.yaml";
const DYNAMIC: &str = "examples/aks-dynamic-ip/plan.yaml";

/// At a fixed width, so tables wrap the same everywhere.
fn cniplan(args: &[&str]) -> Output {
    common::command(args)
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs")
}

/// The figures of one mode of the first cluster.
fn mode<'v>(v: &'v Value, name: &str) -> &'v Value {
    v["clusters"][0]["modes"]
        .as_array()
        .expect("modes array")
        .iter()
        .find(|m| m["mode"] == name)
        .unwrap_or_else(|| panic!("no row for {name}"))
}

fn notes(m: &Value) -> Vec<&str> {
    m["notes"]
        .as_array()
        .expect("notes array")
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect()
}

#[test]
fn the_kubenet_cluster_of_issue_10_under_every_mode() {
    // --fail-on never: the figures are the point here, whatever the plan's findings.
    let out = cniplan(&["compare", "--format", "json", "--fail-on", "never", KUBENET]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let cluster = &v["clusters"][0];
    assert_eq!(cluster["cluster"], "aks-kubenet");
    assert_eq!(cluster["current_mode"], "kubenet");
    assert_eq!(cluster["peak_nodes"], 451);
    let order: Vec<&str> = cluster["modes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["mode"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        ["dynamic", "static-block", "overlay", "traditional", "kubenet"]
    );

    // Traditional: 451 nodes × (110 + 1) in the node subnet.
    let traditional = mode(&v, "traditional");
    assert_eq!(traditional["node_subnet_ips"], 50_061);
    assert_eq!(traditional["pod_subnet_ips"], 0);
    assert_eq!(traditional["smallest"]["node_subnet"], "/16");
    assert_eq!(traditional["smallest"]["pod_subnet"], Value::Null);
    assert_eq!(traditional["migration"], "rebuild");

    // Dynamic: 451 × 49 pod-subnet IPs (40 pods: 3 batches of 16 and the primary IP), and
    // one node-subnet IP per node.
    let dynamic = mode(&v, "dynamic");
    assert_eq!(dynamic["pod_subnet_ips"], 22_099);
    assert_eq!(dynamic["node_subnet_ips"], 451);
    assert_eq!(dynamic["smallest"]["pod_subnet"], "/17");
    assert_eq!(dynamic["smallest"]["node_subnet"], "/22");
    assert_eq!(dynamic["smallest"]["pod_cidr"], Value::Null);

    // Static block: 451 × 7 blocks of 16, whatever the pods; 110 is not 16N - 1.
    let block = mode(&v, "static-block");
    assert_eq!(block["pod_subnet_ips"], 50_512);
    assert_eq!(block["smallest"]["pod_subnet"], "/16");
    // The mode rules' word, asked about the cluster as a static-block cluster.
    assert!(notes(block).contains(
        &"static-block-max-pods: pool `workload` of cluster `aks-kubenet` has max_pods 110: each node holds \
          7 /28 blocks (112 pod-subnet IPs) for 111 IPs (110 pods and the node's own), leaving 1 IP of its \
          last block unused: 1 per node, 451 at peak (451 nodes)"
    ));

    // Overlay: a /24 slot per node; the default /16 holds 256, a /14 holds 451 within 80 %.
    let overlay = mode(&v, "overlay");
    assert_eq!(overlay["pod_cidr_slots"], 451);
    assert_eq!(overlay["node_subnet_ips"], 451);
    assert_eq!(overlay["pod_subnet_ips"], 0);
    assert_eq!(overlay["smallest"]["pod_cidr"], "/14");
    assert_eq!(overlay["migration"], "supported");
    let overlay_notes = notes(overlay);
    assert!(overlay_notes
        .contains(&"the default pod CIDR 10.244.0.0/16 holds 256 nodes (this cluster reaches 451)"));
    assert!(
        overlay_notes.iter().any(
            |n| n.contains("every node pool is reimaged") && n.contains("user-assigned managed identity")
        ),
        "{overlay_notes:?}"
    );

    let kubenet = mode(&v, "kubenet");
    assert_eq!(kubenet["migration"], "current");
    assert_eq!(kubenet["pod_cidr_slots"], 451);
    let kubenet_notes = notes(kubenet);
    assert!(kubenet_notes
        .iter()
        .any(|n| n.starts_with("kubenet-node-limit: kubenet cluster `aks-kubenet` scales to 450 nodes")));
    assert!(kubenet_notes
        .iter()
        .any(|n| n.starts_with("kubenet-retirement: ") && n.contains("31 March 2028")));
    // The rules speak of a mode only under that mode.
    assert!(!notes(overlay).iter().any(|n| n.starts_with("kubenet-")));
}

#[test]
fn the_human_table_shows_every_mode_with_its_figures_and_notes() {
    let out = cniplan(&["compare", "--fail-on", "never", KUBENET]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("aks-kubenet (kubenet today): 451 nodes at peak\n"),
        "{text}"
    );
    for row in [
        "│ dynamic      ┆      451 ┆  22,099 ┆         - ┆ /22         ┆ /17        ┆ -        ┆ rebuild   │",
        "│ static-block ┆      451 ┆  50,512 ┆         - ┆ /22         ┆ /16        ┆ -        ┆ rebuild   │",
        "│ overlay      ┆      451 ┆       - ┆       451 ┆ /22         ┆ -          ┆ /14      ┆ supported │",
        "│ traditional  ┆   50,061 ┆       - ┆         - ┆ /16         ┆ -          ┆ -        ┆ rebuild   │",
        "│ kubenet      ┆      451 ┆       - ┆       451 ┆ /22         ┆ -          ┆ /14      ┆ current   │",
    ] {
        assert!(text.contains(row), "missing {row}\n{text}");
    }
    assert!(
        text.contains(
            "\n  kubenet: kubenet-retirement: cluster `aks-kubenet` uses kubenet, which AKS stops supporting on 31 March 2028\n"
        ),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "NO_COLOR means no escape codes");
}

#[test]
fn a_dynamic_cluster_is_current_and_rebuilds_for_overlay() {
    let out = cniplan(&["compare", "--format", "json", DYNAMIC]);
    // The walkthrough's only finding is a warning.
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["findings"]["warnings"], 1);
    assert_eq!(v["clusters"][0]["current_mode"], "dynamic");
    assert_eq!(mode(&v, "dynamic")["migration"], "current");
    assert_eq!(mode(&v, "overlay")["migration"], "rebuild");
    assert_eq!(mode(&v, "static-block")["migration"], "rebuild");
    // Two pools of 2 nodes at 250 pods, one of them surging a node: 5 × 251 pod IPs, as
    // `check` counts each pool's subnet (2 × 251 + 251 each).
    assert_eq!(mode(&v, "dynamic")["pod_subnet_ips"], 5 * 251);
    assert_eq!(mode(&v, "dynamic")["node_subnet_ips"], 5);
    assert!(notes(mode(&v, "static-block"))
        .iter()
        .any(|n| n.contains("add StaticBlock node pools on a new pod subnet")));
}

const TRADITIONAL: &str = "version: 1
vnets:
  - name: vnet
    address_space: [10.0.0.0/16]
    subnets:
      - name: nodes
        cidr: 10.0.0.0/20
clusters:
  - name: legacy
    network_plugin: azure
    kubernetes_version: \"1.26\"
    service_cidr: 172.16.0.0/16
    node_pools:
      - name: system
        node_count: 3
        vnet_subnet: nodes
      - name: apps
        min_count: 2
        max_count: 20
        max_pods: 60
        pods_per_node: 20
        vnet_subnet: nodes
";

#[test]
fn a_traditional_cluster_migrates_to_overlay_in_place_and_each_mode_uses_its_own_default() {
    let out = stdin_plan(&["compare", "--format", "json", "-"], TRADITIONAL);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["path"], "<stdin>");
    assert_eq!(v["clusters"][0]["current_mode"], "traditional");
    let traditional = mode(&v, "traditional");
    assert_eq!(traditional["migration"], "current");
    // system leaves max_pods unset: 30 here. Full scale 3 × 31 + 20 × 61, and the apps pool's
    // surge (10 % of 20: 2 nodes of 61 IPs) costs more than system's (1 node of 31).
    assert_eq!(traditional["node_subnet_ips"], 3 * 31 + 22 * 61);
    assert!(notes(traditional)
        .iter()
        .any(|n| n.starts_with("max_pods 30 assumed for pool system")));
    let overlay = mode(&v, "overlay");
    assert_eq!(overlay["migration"], "supported");
    let overlay_notes = notes(overlay);
    assert!(overlay_notes
        .iter()
        .any(|n| n.contains("every node pool is reimaged")));
    assert!(
        !overlay_notes.iter().any(|n| n.contains("managed identity")),
        "kubenet only"
    );
    assert!(overlay_notes.contains(&"upgrade Kubernetes first (this cluster runs 1.26)"));
    // Static block: system at its default 250 takes 256, apps at 60 takes 64, whatever the
    // pods; here system's surge node (256) costs more than apps' two (128).
    let block = mode(&v, "static-block");
    assert_eq!(block["pod_subnet_ips"], 4 * 256 + 20 * 64);
    assert!(notes(block).iter().any(|n| n.starts_with(
        "static-block-limits: cluster `legacy` runs Kubernetes 1.26; static block allocation needs 1.28 or later"
    )), "{:?}", notes(block));
    assert_eq!(mode(&v, "kubenet")["migration"], "rebuild");
    assert_eq!(mode(&v, "dynamic")["migration"], "rebuild");
}

#[test]
fn compare_exits_like_check_and_shows_a_broken_plans_findings() {
    // Overlapping subnets: the plan loads, so the figures print, and its errors decide.
    let broken = "examples/broken/addressing.cniplan.yaml";
    let out = cniplan(&["compare", broken]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("│ overlay "), "{}", stdout(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cniplan check"));
    assert_eq!(
        cniplan(&["compare", "--fail-on", "never", broken]).status.code(),
        Some(0)
    );
    // A plan that does not load shows its findings, in the format asked for.
    let typo = "examples/broken/typo.cniplan.yaml";
    let out = cniplan(&["compare", "--format", "json", typo]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "plan-schema");
    let out = cniplan(&["compare", "--color", "never", typo]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("plan-schema"));
    // A file that cannot be read is a usage error.
    assert_eq!(cniplan(&["compare", "no/such/plan.yaml"]).status.code(), Some(2));
}

#[test]
fn compare_output_is_byte_identical_across_runs() {
    for format in ["human", "json"] {
        for plan in [KUBENET, DYNAMIC] {
            let run = || cniplan(&["compare", "--format", format, "--fail-on", "never", plan]);
            let (first, second) = (run(), run());
            assert!(!first.stdout.is_empty());
            assert!(first.stdout == second.stdout, "{format} {plan}: two runs differ");
        }
    }
}

#[test]
fn a_plan_without_clusters_has_nothing_to_compare() {
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/16]\n";
    let out = stdin_plan(&["compare", "-"], plan);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "No cluster in the plan; nothing to compare.\n");
    let v = json(&stdin_plan(&["compare", "--format", "json", "-"], plan));
    assert_eq!(v["clusters"], serde_json::json!([]));
}

#[test]
fn the_docs_show_the_compare_examples_real_output() {
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/network-modes.md"),
    )
    .unwrap();
    let start = page
        .find("```text\naks-kubenet (kubenet today)")
        .expect("the compare sample in docs/network-modes.md")
        + "```text\n".len();
    let end = start + page[start..].find("```").unwrap();
    // The figures print whatever the plan's findings; the exit code is check's business.
    let out = cniplan(&["compare", "--color", "never", KUBENET]);
    assert_eq!(
        &page[start..end],
        stdout(&out),
        "update the compare output in docs/network-modes.md"
    );
}

#[test]
fn the_smallest_ranges_follow_the_configured_headroom() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("cniplan.config.yaml");
    std::fs::write(&config, "headroom_warning: 1.0\n").unwrap();
    let out = cniplan(&[
        "compare",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--config",
        config.to_str().unwrap(),
        KUBENET,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    // With no headroom a /15's 512 slots hold 451 nodes, and a /23's 507 IPs hold 451.
    assert_eq!(mode(&v, "overlay")["smallest"]["pod_cidr"], "/15");
    assert_eq!(mode(&v, "overlay")["smallest"]["node_subnet"], "/23");
}
