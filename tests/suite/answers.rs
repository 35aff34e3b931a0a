//! Issue 13's answers as a user sees them, every figure computed by hand: `cniplan size` and
//! `cidr: auto` (with `size --write` passing `check`), the max-pods and max-count sweeps, and
//! the soft and hard limits of a dynamic pod subnet that runs out.

use serde_json::{json, Value};
use std::process::Output;

use crate::common;
use common::{cniplan, stdin_plan, stdout};

const AUTO: &str = "tests/fixtures/auto-cidr.yaml";
const KUBENET: &str = "examples/kubenet-to-overlay/plan.yaml";

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// (name, current, smallest_prefix, suggested) of every row of `size --format json`.
fn size_rows(v: &Value) -> Vec<(String, String, Value, Value)> {
    v["subnets"]
        .as_array()
        .expect("subnets array")
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["current"].as_str().unwrap().to_string(),
                r["smallest_prefix"].clone(),
                r["suggested"].clone(),
            )
        })
        .collect()
}

fn row(name: &str, current: &str, smallest: Value, suggested: Value) -> (String, String, Value, Value) {
    (name.to_string(), current.to_string(), smallest, suggested)
}

#[test]
fn auto_subnets_get_the_hand_computed_prefixes_and_places() {
    // The computation is in the fixture's header.
    let out = cniplan(&["size", "--format", "json", AUTO]);
    assert_eq!(out.status.code(), Some(0), "auto-cidr findings are notes");
    let v = json_of(&out);
    assert_eq!(v["findings"], json!({"errors": 0, "warnings": 0, "notes": 6}));
    assert_eq!(
        size_rows(&v),
        vec![
            row("gateway", "10.50.0.0/26", Value::Null, Value::Null),
            row("nodes", "auto", json!("/26"), json!("10.50.0.64/26")),
            row("pods-a", "auto", json!("/21"), json!("10.50.8.0/21")),
            row("pods-b", "auto", json!("/24"), json!("10.50.1.0/24")),
            row("bastion", "10.50.4.0/24", Value::Null, Value::Null),
            row("endpoints", "auto/27", json!("/27"), json!("10.50.0.128/27")),
            row("batch-nodes", "auto", json!("/24"), json!("10.50.2.0/24")),
            row("batch-pods", "auto", json!("/18"), json!("10.60.0.0/18")),
        ]
    );
    let pods_a = &v["subnets"][2];
    assert_eq!(
        (&pods_a["role"], &pods_a["peak_demand"]),
        (&json!("pod"), &json!(1430))
    );

    // check places them the same way and says so at each `auto`, in every format.
    let check = json_of(&cniplan(&["check", "--format", "json", AUTO]));
    let notes: Vec<(u64, String)> = check["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(notes.len(), 6);
    assert_eq!(
        notes[1],
        (
            35,
            "subnet `pods-a` is `auto`: cniplan placed it at 10.50.8.0/21, a /21, the smallest subnet that \
             holds its peak of 1,430 IPs within the 80 % headroom (2,043 usable), at the lowest free range of \
             VNet `spoke`'s address space"
                .to_string()
        )
    );
    assert!(
        notes[3].1.contains("10.50.0.128/27, the /27 it asks for"),
        "{notes:?}"
    );
    assert_eq!(
        cniplan(&["check", "--fail-on", "note", AUTO]).status.code(),
        Some(1)
    );
}

#[test]
fn size_write_fills_in_the_ranges_and_its_output_passes_check() {
    let out = cniplan(&["size", "--write", AUTO]);
    assert_eq!(out.status.code(), Some(0));
    let written = stdout(&out);
    let original = std::fs::read_to_string(AUTO).unwrap();
    // Only the six values change; comments, quoting and layout stay.
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(written.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        vec![
            ("        cidr: auto", "        cidr: 10.50.0.64/26"),
            ("        cidr: auto", "        cidr: 10.50.8.0/21"),
            ("        cidr: \"auto\"", "        cidr: \"10.50.1.0/24\""),
            (
                "        cidr: auto/27       # private endpoints: a fixed size",
                "        cidr: 10.50.0.128/27 # private endpoints: a fixed size"
            ),
            ("        cidr: auto", "        cidr: 10.50.2.0/24"),
            ("        cidr: auto", "        cidr: 10.60.0.0/18"),
        ]
    );
    assert_eq!(original.lines().count(), written.lines().count());
    // The written plan passes check with nothing to say, even at --fail-on note.
    let check = stdin_plan(&["check", "--format", "json", "--fail-on", "note", "-"], &written);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let v = json_of(&check);
    assert_eq!(
        v["summary"],
        json!({"files": 1, "errors": 0, "warnings": 0, "notes": 0})
    );
    // And sizing it again suggests the very same ranges.
    let again = json_of(&stdin_plan(&["size", "--format", "json", "-"], &written));
    let suggested: Vec<Value> = size_rows(&again).into_iter().map(|r| r.3).collect();
    assert_eq!(
        suggested[1..4],
        [
            json!("10.50.0.64/26"),
            json!("10.50.8.0/21"),
            json!("10.50.1.0/24")
        ]
    );
}

/// A /8 VNet peered with a hub inside it, an on-premises range and the service CIDR in it
/// too (vnet-overlap reports the hub; the point here is where cniplan does not go).
const OBSTACLES: &str = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    peerings: [hub]
    subnets:
      - name: nodes
        cidr: auto
      - name: pods
        cidr: auto
  - name: hub
    address_space: [10.0.0.0/12]
external_networks:
  - name: onprem
    cidrs: [10.16.0.0/12]
clusters:
  - name: c
    service_cidr: 10.32.0.0/16
    dns_service_ip: 10.32.0.10
    node_pools:
      - name: p
        min_count: 2
        max_count: 1000
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn auto_subnets_stay_clear_of_peers_external_networks_and_service_cidrs() {
    // 1,000 nodes + 100 surge (10 %) at 251 IPs: 276,100 pod IPs, more than a /16 holds, so
    // the pod subnet gets the /16 dynamic allocation allows and the note says to split over
    // 6 (52,424 each within the headroom); 1,100 node IPs need 1,375 usable: a /21. 10.0/12 is the hub's, 10.16/12 on-premises, 10.32.0.0/16 the
    // service CIDR: the lowest free /16 is 10.33.0.0, the lowest /21 after it 10.34.0.0.
    let v = json_of(&stdin_plan(
        &["size", "--format", "json", "--fail-on", "never", "-"],
        OBSTACLES,
    ));
    let rows = size_rows(&v);
    assert_eq!(rows[0], row("nodes", "auto", json!("/21"), json!("10.34.0.0/21")));
    assert_eq!(rows[1], row("pods", "auto", Value::Null, json!("10.33.0.0/16")));
    let note = v["subnets"][1]["note"].as_str().unwrap();
    assert!(note.contains("over 6 /16 pod subnets"), "{note}");
}

#[test]
fn an_auto_subnet_with_no_room_is_an_error() {
    let plan = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/24]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/25
      - name: pods
        cidr: auto/24
clusters: []
";
    let out = stdin_plan(&["check", "--format", "json", "-"], plan);
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(
        (&d["rule"], &d["severity"], &d["line"]),
        (&json!("auto-cidr"), &json!("error"), &json!(9))
    );
    assert_eq!(
        d["message"],
        "subnet `pods` is `auto`, but no free /24 is left in VNet `v`'s address space (10.1.0.0/24) outside \
         its subnets, peered VNets, external networks, service CIDRs, pod CIDRs and forbidden ranges"
    );
    // --write leaves it and says so.
    let out = stdin_plan(&["size", "--write", "-"], plan);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("cidr: auto/24"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("left `auto` in place for v/pods"));
}

/// The walkthrough's shape at 30 pods per node on a /24 pod subnet (251 usable): 2 to 12 nodes,
/// 49 IPs per node with batches (48 + the primary), 31 with batches of 1 (30 + the primary).
const LIMITS: &str = "version: 1
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
        max_pods: 250
        pods_per_node: 30
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn size_suggests_written_subnets_their_smallest_prefix_at_a_free_place() {
    // The pool's 12 nodes surge by 10 %, rounded up: 2, so 14 nodes at peak.
    // pods: 14 × 49 = 686 → 858 usable within 80 %: a /22 (1,019). Its own
    // 10.1.0.0/22 would hold the node subnet, so the lowest free /22: 10.1.4.0/22.
    // nodes: 14 IPs → 18 within 80 %: a /27 (27 usable), in place at 10.1.0.0/27.
    let v = json_of(&stdin_plan(
        &["size", "--format", "json", "--fail-on", "never", "-"],
        LIMITS,
    ));
    assert_eq!(
        size_rows(&v),
        vec![
            row("nodes", "10.1.0.0/24", json!("/27"), json!("10.1.0.0/27")),
            row("pods", "10.1.1.0/24", json!("/22"), json!("10.1.4.0/22")),
        ]
    );
    // A pod CIDR: 451 nodes at one /24 each → 564 slots within 80 %: a /14 (1,024); its own
    // 10.244.0.0/14 is free.
    let v = json_of(&cniplan(&[
        "size",
        "--format",
        "json",
        "--fail-on",
        "never",
        KUBENET,
    ]));
    let cidr = v["subnets"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (cidr["vnet"].clone(), cidr["name"].clone(), cidr["role"].clone()),
        (Value::Null, json!("aks-kubenet/pod_cidr"), json!("pod-cidr"))
    );
    assert_eq!(
        (
            cidr["current"].clone(),
            cidr["smallest_prefix"].clone(),
            cidr["suggested"].clone()
        ),
        (json!("10.244.0.0/16"), json!("/14"), json!("10.244.0.0/14"))
    );
    let human = stdout(&cniplan(&["size", "--fail-on", "never", KUBENET]));
    assert!(
        human.contains(
            "│ aks-kubenet/pod_cidr ┆ pod-cidr ┆ 10.244.0.0/16 ┆  451 ┆ /14      ┆ 10.244.0.0/14 │"
        ),
        "{human}"
    );
    // size exits like check.
    assert_eq!(stdin_plan(&["size", "-"], LIMITS).status.code(), Some(1));
}

#[test]
fn soft_and_hard_limits_of_a_dynamic_pod_subnet() {
    // Soft: 6 nodes × 49 = 294 > 251 at step 4 (2 + 4 nodes). Hard: 9 nodes × 31 = 279 > 251
    // at step 7 (8 × 31 = 248 still fits).
    let out = stdin_plan(&["simulate", "--format", "json", "-"], LIMITS);
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    let pods = &v["subnets"][1];
    assert_eq!(
        pods["soft_limit"],
        json!({"phase": "scale-out", "step": 4, "nodes": 6, "pods": 180, "demand": 294})
    );
    assert_eq!(
        pods["hard_limit"],
        json!({"phase": "scale-out", "step": 7, "nodes": 9, "pods": 270, "demand": 279})
    );
    assert_eq!(pods["scarce_peak_demand"], 14 * 31);
    assert!(pods["limits_note"].is_null());
    let nodes = &v["subnets"][0];
    assert!(nodes["soft_limit"].is_null() && nodes["hard_limit"].is_null());
    assert!(nodes["limits_note"]
        .as_str()
        .unwrap()
        .starts_with("Soft and hard limits apply to dynamic pod subnets only"));

    let text = stdout(&stdin_plan(&["simulate", "-"], LIMITS));
    assert!(
        text.contains(
            "Soft limit during scale-out, at step 4: a full batch no longer fits (294 IPs for 6 nodes), so pods \
             begin waiting for IPs.\nHard limit during scale-out, at step 7: even with batches of 1 (the node \
             agent's subnet-scarcity mode) 270 pods and the primary IPs of 9 nodes need 279 of 251 IPs, so pods \
             fail to start.\n"
        ),
        "{text}"
    );
    let check = json_of(&stdin_plan(&["check", "--format", "json", "-"], LIMITS));
    let message = check["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "pod-subnet-exhausted")
        .expect("the pod subnet runs out")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.ends_with(
            "That is the soft limit: a full batch no longer fits, so pods begin waiting for IPs. The hard limit, \
             where pods fail to start even in the node agent's subnet-scarcity mode (batches of 1), comes during \
             scale-out, at step 7: 9 nodes with 270 pods and their primary IPs need 279 IPs"
        ),
        "{message}"
    );
}

/// The answers of a sweep: (name, decided_by, largest_fitting, full_scale_nodes_at_largest,
/// peak_at_largest) per subnet.
fn answers(v: &Value) -> Vec<(String, String, Value, Value, Value)> {
    v["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["decided_by"].as_str().unwrap().to_string(),
                s["largest_fitting"].clone(),
                s["full_scale_nodes_at_largest"].clone(),
                s["peak_at_largest"].clone(),
            )
        })
        .collect()
}

#[test]
fn the_max_pods_sweep_finds_the_largest_max_pods_that_fits() {
    // pods_per_node 30 is written, so pods are min(30, max_pods); 12 nodes and 2 of surge (10 %
    // of 12, rounded up). At max_pods 16 a node holds min(16, 32) + 1 = 17 IPs:
    // 14 × 17 = 238 ≤ 251; at 17, 14 × 18 = 252.
    let out = stdin_plan(
        &["simulate", "--sweep", "max-pods", "--format", "json", "-"],
        LIMITS,
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    assert_eq!(v["sweep"], "max-pods");
    assert_eq!(
        answers(&v),
        vec![
            (
                "nodes".into(),
                "node_count".into(),
                json!(250),
                json!(12),
                json!(14)
            ),
            ("pods".into(), "max_pods".into(), json!(16), json!(12), json!(238)),
        ]
    );
    // Shown: 10, every 16, 250, and each answer with the value after it.
    let values = v["values"].as_array().unwrap();
    let shown: Vec<u64> = values.iter().map(|x| x["max_pods"].as_u64().unwrap()).collect();
    let mut expected: Vec<u64> = vec![10, 17, 250];
    expected.extend((16..=240).step_by(16));
    expected.sort_unstable();
    assert_eq!(shown, expected);
    assert_eq!(values[1]["subnets"][1]["peak_demand"], 238);
    assert_eq!(values[2]["subnets"][1]["peak_demand"], 252);
    assert!(values[2]["subnets"][1]["exhaustion"].is_object());
    let text = stdout(&stdin_plan(&["simulate", "--sweep", "max-pods", "-"], LIMITS));
    assert!(
        text.contains(
            "v/pods: holds up to max_pods 16; at 17 it runs out (at 16, all pools together: 12 nodes at full \
             scale, peak 238 of 251 usable IPs).\n"
        ),
        "{text}"
    );
}

/// Two pools of one cluster share a /24 pod subnet at 49 IPs per node.
const SHARED: &str = "version: 1
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
      - name: a
        min_count: 1
        max_count: 12
        max_pods: 250
        pods_per_node: 30
        vnet_subnet: nodes
        pod_subnet: pods
      - name: b
        node_count: 1
        max_pods: 250
        pods_per_node: 30
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn the_max_count_sweep_counts_every_pool_on_a_subnet_together() {
    // At max_count N each pool reaches N nodes: 2N at full scale plus one pool's surge,
    // 10 % of N rounded up, each 49 IPs: (2N + 1) × 49 ≤ 251 holds for N = 2 (245) and not
    // for 3 (343). The node subnet (1 IP per node): 2N + ⌈N/10⌉ ≤ 251 → N = 119 (238 + 12 =
    // 250; at 120, 240 + 12 = 252).
    let out = stdin_plan(
        &["simulate", "--sweep", "max-count", "--format", "json", "-"],
        SHARED,
    );
    let v = json_of(&out);
    assert_eq!(v["sweep"], "max-count");
    assert_eq!(
        answers(&v),
        vec![
            (
                "nodes".into(),
                "max_count".into(),
                json!(119),
                json!(238),
                json!(250)
            ),
            ("pods".into(), "max_count".into(), json!(2), json!(4), json!(245)),
        ]
    );
    let shown: Vec<u64> = v["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["max_count"].as_u64().unwrap())
        .collect();
    assert_eq!(shown, [2, 3, 119, 120]);
    let text = stdout(&stdin_plan(&["simulate", "--sweep", "max-count", "-"], SHARED));
    assert!(
        text.contains(
            "v/pods: holds max_count 2 on every pool: all pools together reach 4 nodes at full scale (peak 245 \
             of 251 usable IPs); at 3 it runs out.\n"
        ),
        "{text}"
    );
    // The pods-per-node sweep keeps its shape. 15 nodes at peak (12 + 1, and a's surge of 2,
    // 10 % of 12 rounded up): a node takes 17 IPs even with no pod (one batch and its primary
    // IP), and 17 × 15 = 255 > 251, so no density fits.
    let v = json_of(&stdin_plan(
        &["simulate", "--sweep", "pods-per-node", "--format", "json", "-"],
        SHARED,
    ));
    assert_eq!(v["densities"][0]["pods_per_node"], 0);
    assert_eq!(
        answers(&v)[1],
        (
            "pods".into(),
            "pods_per_node".into(),
            Value::Null,
            Value::Null,
            Value::Null
        )
    );
}

#[test]
fn the_docs_show_the_binarys_real_output() {
    let example = "examples/auto-subnets/plan.yaml";
    let sizing = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sizing.md"))
        .expect("docs/sizing.md");
    let capacity = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/capacity.md"))
        .expect("docs/capacity.md");
    for args in [
        vec!["size", example],
        vec!["simulate", "--sweep", "max-count", example],
    ] {
        let out = stdout(&cniplan(&args));
        assert!(
            sizing.contains(&out),
            "update docs/sizing.md's output of `cniplan {}`:\n{out}",
            args.join(" ")
        );
    }
    let written = stdout(&cniplan(&["size", "--write", example]));
    for line in [
        "        cidr: 10.30.1.0/27            # sized from the peak, placed in a free range",
        "        cidr: 10.30.4.0/22",
        "        cidr: 10.30.1.32/27           # a fixed size, placed by cniplan",
    ] {
        assert!(written.contains(line) && sizing.contains(line), "{line}");
    }
    let limits = stdout(&stdin_plan(&["simulate", "-"], LIMITS));
    let soft = limits
        .lines()
        .find(|l| l.starts_with("Soft limit"))
        .expect("a soft limit");
    let hard = limits
        .lines()
        .find(|l| l.starts_with("Hard limit"))
        .expect("a hard limit");
    assert!(capacity.contains(&format!("{soft}\n{hard}\n")));
    // The written example passes check with nothing to say.
    let check = stdin_plan(&["check", "--fail-on", "note", "-"], &written);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

/// `size --write` replaces only a plain or quoted `auto` on one line. A block scalar, an
/// anchored value and the aliases that read it stay as written, each named with its place on
/// stderr; the written plan loads (no `plan-schema` error) and gains no overlap.
#[test]
fn size_write_leaves_block_scalars_and_anchors_and_says_where() {
    let plan = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/16]
    subnets:
      - name: a
        cidr: \"auto\"
      - name: b
        cidr: 'auto/28'
      - name: c
        cidr: !!str auto
      - name: d
        cidr: &x auto
      - name: e
        cidr: *x
      - name: f
        cidr: >-
          auto
      - name: g
        cidr: |
          auto/28

      - name: h
        cidr: 10.0.9.0/24
";
    let out = stdin_plan(&["size", "--write", "-"], plan);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = stdout(&out);
    let changed: Vec<(&str, &str)> = plan
        .lines()
        .zip(written.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed,
        vec![
            ("        cidr: \"auto\"", "        cidr: \"10.0.0.32/29\""),
            ("        cidr: 'auto/28'", "        cidr: '10.0.0.0/28'"),
            ("        cidr: !!str auto", "        cidr: !!str 10.0.0.40/29"),
        ]
    );
    assert_eq!(plan.lines().count(), written.lines().count());
    assert!(written.ends_with("10.0.9.0/24\n"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        vec![
            "cniplan: <stdin>:13:18: left `auto` in place for v/d: its value carries the YAML anchor `&x`, \
             which aliases may share; write the range by hand",
            "cniplan: <stdin>:15:15: left `auto` in place for v/e: its value is the YAML alias `*x`, which \
             reads its anchor's value; write the range by hand",
            "cniplan: <stdin>:18:11: left `auto` in place for v/f: its value is not a plain or quoted scalar \
             on one line; write the range by hand",
            "cniplan: <stdin>:21:11: left `auto` in place for v/g: its value is not a plain or quoted scalar \
             on one line; write the range by hand",
        ]
    );
    // What it left is still `auto`, what it wrote is placed as `check` places it: checked
    // again, the plan has no error and no warning, and the same ranges.
    let check = stdin_plan(&["check", "--format", "json", "-"], &written);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let v = json_of(&check);
    assert_eq!(v["summary"]["errors"], json!(0), "{v}");
    assert_eq!(v["summary"]["warnings"], json!(0), "{v}");
    let before = json_of(&stdin_plan(&["size", "--format", "json", "-"], plan));
    let after = json_of(&stdin_plan(&["size", "--format", "json", "-"], &written));
    // What it left is placed where it was before.
    let rows = |v: &Value| -> Vec<(String, String, Value)> {
        v["subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["name"].as_str().unwrap().to_string(),
                    r["current"].as_str().unwrap().to_string(),
                    r["suggested"].clone(),
                )
            })
            .collect()
    };
    let left: Vec<(String, String, Value)> = rows(&after)
        .into_iter()
        .filter(|r| r.1.starts_with("auto"))
        .collect();
    let names: Vec<&str> = left.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["d", "e", "f", "g"]);
    for row in &left {
        assert!(rows(&before).contains(row), "{row:?} moved: {before}");
    }
}

/// An anchored `auto` that only one subnet reads is still left: other values may share it.
#[test]
fn size_write_leaves_an_anchored_auto_read_once() {
    let plan = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/16]
    subnets:
      - name: a
        cidr: &one auto
";
    let out = stdin_plan(&["size", "--write", "-"], plan);
    assert_eq!(stdout(&out), plan);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cniplan: <stdin>:7:20: left `auto` in place for v/a: its value carries the YAML anchor `&one`, \
         which aliases may share; write the range by hand\n"
    );
}
