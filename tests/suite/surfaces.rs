//! `compare` and `size` on the surfaces of issue 23: node auto-provisioning's pools (bounded
//! and not), AKS Automatic's API server and hosted system pool subnets, and a dual-stack pod
//! range (tests/surfaces/automatic-nap-dual-stack.cniplan.yaml, figures in its header).

use serde_json::Value;

use crate::common;

const PLAN: &str = "tests/surfaces/automatic-nap-dual-stack.cniplan.yaml";

fn json(args: &[&str]) -> Value {
    let out = common::command(args).output().expect("the binary runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn size_answers_for_nap_pools_the_automatic_subnets_and_the_ipv6_pod_cidr() {
    let v = json(&["size", "--format", "json", PLAN]);
    let rows: Vec<String> = v["subnets"]
        .as_array()
        .expect("subnets")
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["name"].as_str().unwrap(),
                r["peak_demand"],
                r["smallest_prefix"].as_str().unwrap_or("-"),
                r["suggested"].as_str().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "api 9 /28 10.60.0.0/28",
            "nodes 4 /28 10.60.1.0/28",
            "nap 44 /26 10.60.2.0/26",
            "sys 3 /26 10.60.3.0/26",
            "auto/pod_cidr 47 /18 10.244.0.0/18",
            "auto/pod_cidr_v6 47 /74 fd12:3456:789a::/74",
        ]
    );
    let note = |name: &str| {
        v["subnets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .and_then(|r| r["note"].as_str())
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        note("nap"),
        "auto-provisioned nodes at their NodePools' bound (`burst` 40); `spill` without limits, not counted: no size holds unbounded nodes"
    );
    assert!(note("api").starts_with("each API server takes 9 IPs"));
    assert!(note("sys").contains("a /26"));
}

#[test]
fn compare_names_the_nap_bounds_the_automatic_network_and_the_ipv6_range() {
    let v = json(&["compare", "--format", "json", PLAN]);
    let cluster = &v["clusters"][0];
    assert_eq!(cluster["current_mode"], "overlay");
    let notes = |mode: &str| -> Vec<String> {
        cluster["modes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["mode"] == mode)
            .unwrap()["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    };
    let overlay = notes("overlay");
    assert!(
        overlay
            .contains(&"auto-provisioned nodes counted at their NodePools' bound (`burst` 40)".to_string()),
        "{overlay:#?}"
    );
    assert!(
        overlay.iter().any(
            |n| n.starts_with("node-provisioning-limits: provisioned pool `spill`")
                && n.contains("has no limits")
        ),
        "{overlay:#?}"
    );
    assert!(overlay.contains(&"its API server takes 9 IPs of its own subnet in every mode".to_string()));
    assert!(
        overlay.contains(&"its hosted system pool takes 3 IPs of its own subnet in every mode".to_string())
    );
    assert!(
        overlay.contains(&"dual-stack: the IPv6 pod CIDR takes 47 /80 blocks, a /74 at least".to_string())
    );
    let dynamic = notes("dynamic");
    assert!(
        dynamic
            .iter()
            .any(|n| n.starts_with("node-provisioning-limits: ") && n.contains("pod subnet")),
        "{dynamic:#?}"
    );
    // Said once, under the current mode: the unbounded NodePool is no mode's doing.
    assert!(
        !dynamic.iter().any(|n| n.contains("has no limits")),
        "{dynamic:#?}"
    );
    assert!(dynamic
        .iter()
        .any(|n| n.starts_with("AKS Automatic runs Azure CNI Overlay with Cilium only")));
    assert!(
        dynamic.iter().any(|n| n.starts_with("dual-stack-limits: ")
            && n.contains("AKS runs dual-stack clusters on Azure CNI Overlay")),
        "{dynamic:#?}"
    );
    // 3 + 40 + the larger surge 4: the unbounded NodePool adds none.
    let overlay_row = cluster["modes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["mode"] == "overlay")
        .unwrap();
    assert_eq!(overlay_row["node_subnet_ips"], 47);
    assert_eq!(overlay_row["smallest"]["pod_cidr"], "/18");
}

/// The azurerm provider's own virtual-nodes example (tests/real/terraform/
/// tf-azurerm-aci-connector-linux/SOURCE.md, worked out by hand there): the node subnet's
/// figures, and a note naming the virtual-node subnet whose pods the configuration does not
/// count.
#[test]
fn the_providers_virtual_node_example_names_its_aci_subnet() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/real/terraform/tf-azurerm-aci-connector-linux"
    );
    let out = common::cniplan(&["check", "--input", "terraform", "--format", "json", dir]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = common::json(&out);
    let file = &v["files"][0];
    let subnets = file["subnets"].as_array().expect("subnets");
    let rows: Vec<(String, u64, u64, u64)> = subnets
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["usable"].as_u64().unwrap(),
                s["baseline_demand"].as_u64().unwrap(),
                s["peak_demand"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [("default".into(), 251, 31, 62), ("aci".into(), 251, 0, 0)]);
    assert_eq!(subnets[0]["pools"][0]["ips_per_node"], 31);
    assert_eq!(subnets[0]["pools"][0]["max_nodes"], 8);
    // Findings are listed under the file they point into.
    assert_eq!(v["files"][1]["path"], format!("{dir}/main.tf"));
    let diagnostics = v["files"][1]["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 4, "{diagnostics:#?}");
    assert!(
        diagnostics.iter().all(|d| d["severity"] == "note"),
        "{diagnostics:#?}"
    );
    assert!(
        diagnostics.iter().any(|d| d["rule"] == "unresolved-input"
            && d["message"].as_str().unwrap().contains(
                "virtual nodes (aci_connector_linux) are on: each of their pods takes one IP of subnet `aci`"
            )
            && d["line"] == 63),
        "{diagnostics:#?}"
    );
}
