//! What the capacity findings, the capacity table and `simulate` tell a user: the figures of
//! the exhaustion point, the sizing help, and the table's per-pool column. Every figure below
//! is computed by hand in the comments beside it (SPEC §3).

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], plan: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(plan.as_bytes())
        .expect("write the plan");
    child.wait_with_output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn json(args: &[&str], plan: &str) -> Value {
    serde_json::from_slice(&run(args, plan).stdout).expect("stdout is JSON")
}

/// The diagnostics of the first file whose rule is `rule`.
fn findings_of(v: &Value, rule: &str) -> Vec<Value> {
    v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == rule)
        .cloned()
        .collect()
}

fn row(v: &Value, name: &str) -> Value {
    v["files"][0]["subnets"]
        .as_array()
        .expect("subnets")
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no row for {name}"))
        .clone()
}

/// A /22 pod subnet (1,024 − 5 = 1,019 usable) and one pool of 30 pods per node at max_pods
/// 250: 16 × ceil((30 + 8) / 16) = 48 pool IPs + 1 primary = 49 IPs per node, 48 − 30 = 18 of
/// them stranded. From 1 node, one more per step: step 19 holds 20 × 49 = 980 ≤ 1,019; step 20
/// asks for 21 × 49 = 1,029 > 1,019 (10 more), with 21 × 30 = 630 pods and 21 × 18 = 378
/// stranded IPs. (Before, the message said 360: the 20 nodes that fitted, beside the 21
/// nodes' 1,029.)
const SCALE_OUT_STRANDED: &str = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/24
      - name: pods
        cidr: 10.1.4.0/22
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - name: p
        min_count: 1
        max_count: 30
        max_pods: 250
        pods_per_node: 30
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn the_exhaustion_point_reports_one_moment_the_steps_own() {
    let v = json(&["check", "--format", "json", "-"], SCALE_OUT_STRANDED);
    assert_eq!(
        row(&v, "pods")["exhaustion"],
        serde_json::json!({"phase": "scale-out", "step": 20, "cluster": "c", "pool": "p",
                           "nodes": 21, "pods": 630, "demand": 1029, "stranded_ips": 378})
    );
    let found = findings_of(&v, "pod-subnet-exhausted");
    assert_eq!(found.len(), 1, "{v}");
    assert_eq!((&found[0]["line"], &found[0]["column"]), (&9.into(), &15.into()));
    assert_eq!(
        found[0]["message"],
        "pod subnet `pods` (10.1.4.0/22) runs out during scale-out, at step 20, where pool `p` of \
         cluster `c` cannot get its IPs: the step needs 1,029 IPs for 21 nodes and 630 pods (378 \
         of those IPs stranded on nodes), 10 more than the subnet's 1,019 usable"
    );

    // simulate's row of step 20 shows the same four figures.
    let sim = json(&["simulate", "--format", "json", "-"], SCALE_OUT_STRANDED);
    let pods = sim["subnets"]
        .as_array()
        .expect("subnets")
        .iter()
        .find(|s| s["name"] == "pods")
        .expect("the pod subnet")
        .clone();
    assert_eq!(
        pods["steps"][20],
        serde_json::json!({"phase": "scale-out", "step": 20, "nodes": [21], "pods": 630,
                           "allocated": 1029, "stranded": 378, "free": -10})
    );
    let text = stdout(&run(&["simulate", "-"], SCALE_OUT_STRANDED));
    assert!(
        text.contains(
            "Runs out in the scale-out phase at step 20: pool c/p cannot get its IPs; the step \
             needs 1,029 IPs for 21 nodes and 630 pods (378 of those IPs stranded), 10 more than \
             the 1,019 usable.\n"
        ),
        "{text}"
    );
}
