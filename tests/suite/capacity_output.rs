//! What the capacity findings, the capacity table and `simulate` tell a user: the figures of
//! the exhaustion point, the sizing help, and the table's per-pool column. Every figure below
//! is computed by hand in the comments beside it (SPEC §3).

use serde_json::Value;

use crate::common;
use common::{stdin_plan as run, stdout};

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
/// nodes' 1,029.) max_surge 1 is written, so the surge adds one node.
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
        max_surge: 1
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
         of those IPs stranded on nodes), 10 more than the subnet's 1,019 usable. That is the soft \
         limit: a full batch no longer fits, so pods begin waiting for IPs; in the node agent's \
         subnet-scarcity mode (batches of 1) they all start: pods plus each node's primary IP peak \
         at 961 of the 1,019 usable, short of the hard limit"
    );
    // SPEC §3's hard limit by hand: with batches of 1 a node holds 30 pods + 1 primary = 31;
    // at peak 30 nodes + 1 surge node = 31 × 31 = 961 ≤ 1,019, so pods never fail.

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

/// Three pools of up to 1,000 nodes at 30 pods per node share one /16 pod subnet (65,531
/// usable, 52,424 within the 80 % headroom: 65,531 × 0.8 = 52,424.8). A node takes 49 pod IPs;
/// each pool peaks at (1,000 + 1 surge, as written) × 49 = 49,049, all three at
/// 3,000 × 49 + 49 = 147,049.
/// The smallest subnet for that is a /14 (262,139 × 0.8 = 209,711; a /15 holds only 104,853),
/// which pod-subnet-too-large forbids: no two pools fit one /16 (98,098 > 52,424), so 3 /16s.
/// The /22 node subnet (1,019 usable) must hold 3,000 + 1 nodes: a /20 (4,091 × 0.8 = 3,272.8).
const THREE_POOLS_OF_1000: &str = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/22
      - name: pods
        cidr: 10.2.0.0/16
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - name: a
        min_count: 1
        max_count: 1000
        pods_per_node: 30
        max_surge: 1
        vnet_subnet: nodes
        pod_subnet: pods
      - name: b
        min_count: 1
        max_count: 1000
        pods_per_node: 30
        max_surge: 1
        vnet_subnet: nodes
        pod_subnet: pods
      - name: d
        min_count: 1
        max_count: 1000
        pods_per_node: 30
        max_surge: 1
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn sizing_help_never_asks_for_a_pod_subnet_larger_than_a_16() {
    let v = json(&["check", "--format", "json", "-"], THREE_POOLS_OF_1000);
    let pods = findings_of(&v, "pod-subnet-exhausted");
    assert_eq!(pods.len(), 1, "{v}");
    assert_eq!(
        pods[0]["help"],
        "a /14 would hold the peak of 147,049 IPs within the 80 % headroom, but a dynamic-mode pod \
         subnet stops at a /16 (pod-subnet-too-large): split the pools over 3 /16 pod subnets \
         (each holds 52,424 IPs within the headroom), or lower max_pods, pods_per_node, the node \
         count (max_count or node_count) or max_surge"
    );
    // A dynamic-mode node subnet takes 1 IP per node: only the node count changes its demand.
    let nodes = findings_of(&v, "node-subnet-exhausted");
    assert_eq!(nodes.len(), 1, "{v}");
    assert_eq!(
        nodes[0]["help"],
        "use `10.1.0.0/20`, the subnet grown in place: it holds the peak of 3,001 IPs within the \
         80 % headroom; or lower the node count (max_count or node_count) or max_surge"
    );
}

/// Two pools of up to 1,000 full nodes (250 pods: 251 IPs each; max_surge 1 written) in one
/// /16 pod subnet. Each
/// pool alone peaks at 1,001 × 251 = 251,251, more than a /16's 52,424 within the headroom,
/// and a pool has one pod subnet: at most 52,424 / 251 = 208 nodes (52,208 IPs) per /16.
/// Split into pools of at most 208 nodes, each pool of 1,001 becomes 4 × 208 + 169, and no two
/// pieces share a /16 (208 + 169 = 377 nodes, 94,627 IPs): 2 × 5 = 10 /16s. The peak of
/// 2,000 × 251 + 251 = 502,251 would take a /12 (1,048,571 × 0.8 = 838,856; a /13 holds 419,426).
const TWO_POOLS_OF_FULL_NODES: &str = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/20
      - name: pods
        cidr: 10.2.0.0/16
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - name: a
        min_count: 1
        max_count: 1000
        max_surge: 1
        vnet_subnet: nodes
        pod_subnet: pods
      - name: b
        min_count: 1
        max_count: 1000
        max_surge: 1
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn sizing_help_splits_a_pool_that_no_16_holds_alone() {
    let v = json(&["check", "--format", "json", "-"], TWO_POOLS_OF_FULL_NODES);
    let pods = findings_of(&v, "pod-subnet-exhausted");
    assert_eq!(pods.len(), 1, "{v}");
    assert_eq!(
        pods[0]["help"],
        "a /12 would hold the peak of 502,251 IPs within the 80 % headroom, but a dynamic-mode pod \
         subnet stops at a /16 (pod-subnet-too-large), 52,424 IPs within the headroom, and a pool \
         takes its pod IPs from one subnet: pool `a` of cluster `c` (and 1 more) peaks at 251,251 \
         IPs (1,001 nodes × 251). Split such pools into pools of at most 208 nodes at their peak \
         (max_count plus max_surge), over 10 /16 pod subnets in all; or lower max_pods, \
         pods_per_node, the node count (max_count or node_count) or max_surge"
    );
}

/// Traditional Azure CNI: 4 nodes × (1 + 50) = 204 of a /24's 251, and the surge node's 51 more
/// make 255. A /23 (507 × 0.8 = 405.6) holds it. Each node reserves 1 + max_pods whatever its
/// pods, so pods_per_node changes nothing: the help does not name it.
const TRADITIONAL: &str = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/24
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - name: p
        node_count: 4
        max_pods: 50
        pods_per_node: 20
        vnet_subnet: nodes
";

#[test]
fn traditional_help_names_max_pods_and_never_the_density() {
    let v = json(&["check", "--format", "json", "-"], TRADITIONAL);
    let nodes = findings_of(&v, "node-subnet-exhausted");
    assert_eq!(nodes.len(), 1, "{v}");
    assert_eq!(
        nodes[0]["help"],
        "use `10.1.0.0/23`, the subnet grown in place: it holds the peak of 255 IPs within the \
         80 % headroom; or lower max_pods, the node count (max_count or node_count) or max_surge"
    );
}

#[test]
fn the_sweep_says_max_pods_decides_in_traditional_mode() {
    let text = stdout(&run(&["simulate", "--sweep", "pods-per-node", "-"], TRADITIONAL));
    assert!(
        text.contains(
            "v/nodes: traditional Azure CNI reserves 1 + max_pods IPs per node whatever its pods: \
             the density does not change this subnet's peak (255 IPs, 251 usable); max_pods \
             decides. It runs out at every density.\n"
        ),
        "{text}"
    );
    let v = json(
        &["simulate", "--sweep", "pods-per-node", "--format", "json", "-"],
        TRADITIONAL,
    );
    assert_eq!(
        v["subnets"],
        serde_json::json!([{"vnet": "v", "name": "nodes", "role": "node+pod", "decided_by": "max_pods",
            "note": "traditional Azure CNI reserves 1 + max_pods IPs per node whatever its pods: \
                     the density does not change this subnet's peak",
            "usable": 251, "largest_fitting": null, "every_value_fits": false,
            "full_scale_nodes_at_largest": null, "peak_at_largest": null}])
    );
    // Every density gives the same peak.
    let peaks: Vec<&Value> = v["densities"]
        .as_array()
        .expect("densities")
        .iter()
        .map(|d| &d["subnets"][0]["peak_demand"])
        .collect();
    assert_eq!(peaks.len(), 51);
    assert!(peaks.iter().all(|p| **p == 255), "{peaks:?}");
}

/// Two pools share a /16 node subnet and a /16 pod subnet (65,531 usable each). Alone, the node
/// subnet holds 65,531 nodes of either pool (1 IP each), but AKS stops a pool at 1,000; the pod
/// subnet holds 65,531 / 251 = 261 nodes of `a` (full nodes) and 65,531 / 49 = 1,337 of `b`
/// (30 pods: 48 + 1 IPs), again above 1,000.
const TWO_POOLS_SHARING: &str = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/16
      - name: pods
        cidr: 10.2.0.0/16
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
      - name: a
        node_count: 2
        vnet_subnet: nodes
        pod_subnet: pods
      - name: b
        node_count: 2
        pods_per_node: 30
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn the_capacity_table_says_each_pool_alone_and_where_aks_stops_a_pool() {
    let out = run(&["check", "-"], TWO_POOLS_SHARING);
    let text = stdout(&out);
    assert!(text.contains("┆ most nodes, each pool alone"), "{text}");
    for cell in [
        "a: 1,000 at 1 IP/node (AKS limit; the subnet holds 65,531)",
        "b: 1,000 at 1 IP/node (AKS limit; the subnet holds 65,531)",
        "a: 261 at 251 IPs/node ",
        "b: 1,000 at 49 IPs/node (AKS limit; the subnet holds 1,337)",
    ] {
        assert!(text.contains(cell), "{cell:?} in\n{text}");
    }
    assert!(!text.contains("max nodes per pool"), "{text}");
    // JSON keeps SPEC §5's meaning: the most nodes the subnet could hold of that pool alone.
    let v = json(&["check", "--format", "json", "-"], TWO_POOLS_SHARING);
    let max_nodes = |subnet: &str| -> Vec<Value> {
        row(&v, subnet)["pools"]
            .as_array()
            .expect("pools")
            .iter()
            .map(|p| p["max_nodes"].clone())
            .collect()
    };
    assert_eq!(max_nodes("nodes"), vec![Value::from(65_531), Value::from(65_531)]);
    assert_eq!(max_nodes("pods"), vec![Value::from(261), Value::from(1_337)]);
}

/// Usable IPs are never negative (SPEC §3): a /30 has 4 − 5 → 0, and a /29 with reserved_ips 10
/// has 8 − 5 − 10 → 0. Both are reported: the /30 as smaller than /29, the /29 as holding
/// fewer addresses than its reserved_ips after Azure's 5 (a /28 leaves 11 ≥ 10).
const NO_USABLE_IP: &str = "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: endpoints
        cidr: 10.1.2.0/29
        reserved_ips: 10
      - name: tiny
        cidr: 10.1.3.0/30
";

#[test]
fn usable_is_never_negative_and_a_subnet_without_usable_ips_is_reported() {
    let v = json(&["check", "--format", "json", "-"], NO_USABLE_IP);
    assert_eq!(row(&v, "endpoints")["usable"], 0);
    assert_eq!(row(&v, "tiny")["usable"], 0);
    let found = findings_of(&v, "subnet-too-small");
    let at: Vec<(u64, u64)> = found
        .iter()
        .map(|d| (d["line"].as_u64().unwrap_or(0), d["column"].as_u64().unwrap_or(0)))
        .collect();
    assert_eq!(at, vec![(8, 23), (10, 15)], "{v}");
    assert_eq!(
        found[0]["message"],
        "subnet `endpoints` (10.1.2.0/29) has no usable IP: reserved_ips 10 is more than the 3 \
         addresses Azure leaves of its 8"
    );
    assert_eq!(
        found[0]["help"],
        "use a /28 or larger for 10 reserved IPs, or set reserved_ips to what other resources in \
         the subnet really take"
    );
}

/// pods_per_node 40 above max_pods 30: counted as 30 (16 × ceil(38 / 16) = 48, clamped to 30,
/// + 1 = 31 IPs per node) and reported as a warning at the 40.
const DENSER_THAN_MAX_PODS: &str = "version: 1
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
        node_count: 2
        max_pods: 30
        pods_per_node: 40
        vnet_subnet: nodes
        pod_subnet: pods
";

#[test]
fn pods_per_node_above_max_pods_is_clamped_and_reported() {
    let v = json(&["check", "--format", "json", "-"], DENSER_THAN_MAX_PODS);
    let found = findings_of(&v, "max-pods-range");
    assert_eq!(found.len(), 1, "{v}");
    let f = &found[0];
    assert_eq!(
        (&f["severity"], &f["line"], &f["column"]),
        (&"warning".into(), &18.into(), &24.into())
    );
    assert_eq!(
        f["message"],
        "pods_per_node 40 of pool `p` of cluster `c` is above its max_pods 30; cniplan counts 30 \
         pods per node, as a node never runs more"
    );
    assert_eq!(
        f["help"],
        "set pods_per_node to 30 or less, or raise max_pods (at most 250)"
    );
    assert_eq!(row(&v, "pods")["pools"][0]["ips_per_node"], 31);
}
