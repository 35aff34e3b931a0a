//! `simulate --churn` as a user runs it: SPEC §7's JSON, the same bytes for a seed on any
//! number of cores, the flags and their errors, and the example in docs/churn.md.

use serde_json::Value;
use std::process::Output;

use crate::common;

const EXAMPLE: &str = "examples/rollouts/plan.yaml";

fn cniplan(args: &[&str], threads: Option<&str>) -> Output {
    let mut command = common::command(args);
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n);
    }
    command.output().expect("the binary runs")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn the_json_is_specs_and_the_same_on_one_core_and_two() {
    let args = [
        "simulate", "--churn", "--trials", "400", "--seed", "3", "--format", "json", EXAMPLE,
    ];
    let one = cniplan(&args, Some("1"));
    let two = cniplan(&args, Some("2"));
    let again = cniplan(&args, Some("2"));
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    assert_eq!(one.stdout, two.stdout, "one core and two differ");
    assert_eq!(two.stdout, again.stdout, "the same seed differs");
    let v = json_of(&one);
    assert_eq!((v["trials"].as_u64(), v["seed"].as_u64()), (Some(400), Some(3)));
    let subnets = v["subnets"].as_array().expect("subnets");
    assert_eq!(subnets.len(), 4);
    for s in subnets {
        for key in [
            "vnet",
            "name",
            "usable",
            "p50",
            "p95",
            "p99",
            "max",
            "runs_out_share",
        ] {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
        let p = |k: &str| s[k].as_u64().unwrap();
        assert!(
            p("p50") <= p("p95") && p("p95") <= p("p99") && p("p99") <= p("max"),
            "{s}"
        );
    }
    // Another seed, other figures (the trials are random, not fixed).
    let other = cniplan(
        &[
            "simulate", "--churn", "--trials", "400", "--seed", "4", "--format", "json", EXAMPLE,
        ],
        None,
    );
    assert_ne!(one.stdout, other.stdout);
}

#[test]
fn the_readme_example_runs_out_in_some_trials_that_the_scenario_holds() {
    let out = cniplan(&["simulate", "--churn", "--format", "json", EXAMPLE], None);
    let v = json_of(&out);
    // The plan's own churn block: 1,000 trials, seed 0.
    assert_eq!((v["trials"].as_u64(), v["seed"].as_u64()), (Some(1000), Some(0)));
    let pods = v["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "web-pods")
        .expect("web-pods")
        .clone();
    // The scenario: system 2 × 31, shop 7 × 49 and one surge node of 49 = 454 of 507.
    assert_eq!(pods["scenario_peak"], 454);
    assert_eq!(pods["usable"], 507);
    // Every shop node one batch up mid-rollout: 62 + 7 × (64 + 1) = 517.
    assert_eq!(pods["max"], 517);
    let share = pods["runs_out_share"].as_f64().unwrap();
    assert!(share > 0.0 && share < 0.5, "{share}");
    // Node subnets and pod CIDRs follow the node count: the scenario's peak in every trial.
    let nodes = v["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "web-nodes")
        .unwrap();
    assert_eq!(
        (nodes["p50"].as_u64(), nodes["max"].as_u64()),
        (Some(10), Some(10))
    );
    assert_eq!(nodes["per_node"], "fixed");
}

#[test]
fn human_output_has_the_table_and_exits_like_check() {
    let out = cniplan(&["simulate", "--churn", "--trials", "100", EXAMPLE], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Peak demand over 100 churn trials (seed 0"),
        "{text}"
    );
    assert!(text.contains("shop-vnet/web-pods"), "{text}");
    // Not a terminal: no progress bar on stderr.
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    // The plan has a warning: --fail-on warning makes it exit 1, as check does.
    let gated = cniplan(
        &[
            "simulate",
            "--churn",
            "--trials",
            "10",
            "--fail-on",
            "warning",
            EXAMPLE,
        ],
        None,
    );
    assert_eq!(gated.status.code(), Some(1));
}

#[test]
fn bad_flags_are_usage_errors() {
    for args in [
        vec!["simulate", "--churn", "--trials", "0", EXAMPLE],
        vec!["simulate", "--trials", "10", EXAMPLE],
        vec!["simulate", "--churn", "--sweep", "max-pods", EXAMPLE],
        vec!["simulate", "--churn", "--seed", "-1", EXAMPLE],
    ] {
        let out = cniplan(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn the_docs_show_the_examples_real_churn_output() {
    let out = cniplan(&["simulate", "--churn", EXAMPLE], None);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/churn.md"))
        .expect("docs/churn.md");
    assert!(
        page.contains(&format!("```text\n{text}```")),
        "update docs/churn.md's output of `cniplan simulate --churn {EXAMPLE}`:\n{text}"
    );
}

/// A dynamic pod subnet of one autoscaling pool, 3 to 10 nodes, under `allocation`.
fn boundary_plan(allocation: &str, pods: u32) -> tempfile::NamedTempFile {
    let plan = format!(
        "version: 1\n{allocation}vnets:\n  - name: v\n    address_space: [10.40.0.0/16]\n    subnets:\n      - name: nodes\n        cidr: 10.40.0.0/24\n      - name: pods\n        cidr: 10.40.4.0/22\nclusters:\n  - name: c\n    network_plugin: azure\n    service_cidr: 172.16.0.0/16\n    dns_service_ip: 172.16.0.10\n    node_pools:\n      - name: p\n        min_count: 3\n        max_count: 10\n        max_pods: 110\n        pods_per_node: {pods}\n        vnet_subnet: nodes\n        pod_subnet: pods\n"
    );
    let mut file = tempfile::Builder::new()
        .suffix(".yaml")
        .tempfile()
        .expect("temp file");
    std::io::Write::write_all(&mut file, plan.as_bytes()).expect("write");
    file
}

#[test]
fn the_explanation_names_what_the_model_holds_ips_for() {
    // Scenario: 10 nodes + 1 surge node, each 2 batches + its primary: 11 × 33 = 363.
    // 9 pods per node sit just past a batch boundary: 9 to 24 pods take 2 batches.
    let defaults = boundary_plan("", 9);
    let path = defaults.path().to_str().expect("UTF-8 path");
    let out = cniplan(&["simulate", "--churn", "--trials", "200", path], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("is below the scenario's 363: the scenario puts exactly 9 pods on every node of c/p, just past a batch boundary (9 to 24 pods take the same IPs)"),
        "{text}"
    );
    assert!(
        text.contains("a node left below 9 pods holds 16 IPs less, while one above 9 gains none until 25."),
        "{text}"
    );
    assert!(!text.contains("kept by release hysteresis"), "{text}");

    // 20 pods per node, and a rollout's extra pods take a node to a third batch.
    let wide = boundary_plan(
        "allocation:\n  batch_size: 16\n  refill_below: 8\n  release_at: 40\n",
        20,
    );
    let path = wide.path().to_str().expect("UTF-8 path");
    let out = cniplan(&["simulate", "--churn", "--trials", "200", path], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("and batches kept by release hysteresis in c/p (release_at is more than one batch above refill_below)"),
        "{text}"
    );
}
