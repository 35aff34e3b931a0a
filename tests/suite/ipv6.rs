//! Dual-stack subnets and VNets from imported inputs (SPEC §5, `family` and `cidrs`): a
//! subnet's IPv6 prefixes are a capacity row of their own, right after its IPv4 row, whose
//! nodes are those of dual-stack clusters (AKS docs configure-dual-stack.md: "nodes receive
//! both an IPv4 and IPv6 address from the Azure virtual network subnet"), and IPv6 prefixes
//! overlap only IPv6 ones. The hand-worked estate (tests/imported/ipv6/): VNet `vnet-ds`
//! 10.0.0.0/16 + fd00:db8::/48, subnet `nodes` 10.0.1.0/24 + fd00:db8:0:1::/64, and cluster
//! `aks-ds` (overlay, IPv4 and IPv6) with pool `system` of 3 nodes, `maxSurge` 1: 3 nodes at
//! baseline, 4 at the surge. The /64 holds 2^64 − 5 = 18,446,744,073,709,551,611 addresses.

use crate::common::{cniplan, json};
use serde_json::Value;
use std::path::Path;

const ARM: &str = "tests/imported/ipv6/dual-stack.json";
const USABLE_64: u64 = 18_446_744_073_709_551_611;

fn check(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
    all.extend_from_slice(args);
    json(&cniplan(&all))
}

/// The ARM template with its text changed by `edit`, checked from a file of its own.
fn check_arm_edited(edit: impl Fn(String) -> String) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(ARM)).unwrap();
    let path = dir.path().join("template.json");
    std::fs::write(&path, edit(text)).unwrap();
    check(&["--input", "arm", path.to_str().unwrap()])
}

fn rows(v: &Value) -> Vec<Value> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap().clone())
        .collect()
}

/// (rule, line, column, message) of every diagnostic.
fn diagnostics(v: &Value) -> Vec<(String, u64, u64, String)> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `nodes`' two rows as the hand-worked estate gives them, whatever the input format: IPv4
/// then IPv6, the IPv6 one with 2^64 − 5 usable and the cluster's 3 (4 at the surge) nodes.
fn assert_dual_stack_rows(v: &Value) {
    let rows = rows(v);
    let names: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), r["family"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("nodes", "ipv4"),
            ("nodes", "ipv6"),
            ("aks-ds/pod_cidr", "ipv4"),
            ("aks-ds/pod_cidr_v6", "ipv6")
        ],
        "{rows:#?}"
    );
    let (v4, v6) = (&rows[0], &rows[1]);
    assert_eq!(v4["cidrs"], serde_json::json!(["10.0.1.0/24"]));
    assert_eq!(v4["usable"], 251);
    assert_eq!(v6["vnet"], "vnet-ds");
    assert_eq!(v6["cidr"], "fd00:db8:0:1::/64");
    assert_eq!(v6["cidrs"], serde_json::json!(["fd00:db8:0:1::/64"]));
    assert_eq!(v6["role"], "node");
    assert_eq!(v6["usable"].as_u64(), Some(USABLE_64));
    assert_eq!(v6["baseline_demand"], 3);
    assert_eq!(v6["peak_demand"], 4);
    assert_eq!(v6["exhaustion"], Value::Null);
    let pool = &v6["pools"][0];
    assert_eq!(
        (
            &pool["cluster"],
            &pool["pool"],
            &pool["ips_per_node"],
            &pool["peak_nodes"]
        ),
        (&"aks-ds".into(), &"system".into(), &1.into(), &4.into())
    );
    assert_eq!(v6["source"], v4["source"]);
    // Nothing is said about an IPv6 prefix left out: none is.
    let said: Vec<_> = diagnostics(v)
        .into_iter()
        .filter(|d| d.3.contains("IPv6") || d.3.contains("pod_cidr is not set"))
        .collect();
    assert!(said.is_empty(), "{said:?}");
}

#[test]
fn an_arm_dual_stack_subnet_has_an_ipv6_row_of_its_nodes() {
    let v = check(&["--input", "arm", ARM]);
    assert_dual_stack_rows(&v);
    assert!(diagnostics(&v).is_empty(), "{:?}", diagnostics(&v));
}

#[test]
fn az_exports_of_the_same_estate_give_the_same_rows() {
    let v = check(&[
        "--input",
        "az",
        "tests/imported/ipv6/az/vnets.json",
        "tests/imported/ipv6/az/aks.json",
    ]);
    assert_dual_stack_rows(&v);
}

#[test]
fn a_terraform_configuration_of_the_same_estate_gives_the_same_rows() {
    // `address_prefixes = ["10.0.1.0/24", "fd00:db8:0:1::/64"]`, and the cluster's ranges in
    // `pod_cidrs` and `service_cidrs` only: no AKS default is assumed for them.
    let v = check(&["--input", "terraform", "tests/imported/ipv6/tf"]);
    assert_dual_stack_rows(&v);
    assert!(diagnostics(&v).is_empty(), "{:?}", diagnostics(&v));
}

#[test]
fn a_single_stack_cluster_takes_no_ipv6_address() {
    let v = check_arm_edited(|t| {
        t.replace(r#""ipFamilies": ["IPv4", "IPv6"],"#, "")
            .replace(
                r#""podCidrs": ["10.244.0.0/16", "fd12:3456:789a::/64"],"#,
                r#""podCidr": "10.244.0.0/16","#,
            )
            .replace(
                r#""serviceCidrs": ["10.1.0.0/16", "fd12:3456:789a:1::/108"],"#,
                r#""serviceCidr": "10.1.0.0/16","#,
            )
    });
    let rows = rows(&v);
    let v6 = rows
        .iter()
        .find(|r| r["name"] == "nodes" && r["family"] == "ipv6")
        .expect("the IPv6 row stays");
    assert_eq!(
        (&v6["baseline_demand"], &v6["peak_demand"]),
        (&0.into(), &0.into())
    );
    assert_eq!(v6["pools"][0]["ips_per_node"], 0);
    assert_eq!(v6["usable"].as_u64(), Some(USABLE_64));
    let v4 = rows
        .iter()
        .find(|r| r["name"] == "nodes" && r["family"] == "ipv4")
        .unwrap();
    assert_eq!(v4["peak_demand"], 4);
    assert!(!rows.iter().any(|r| r["name"] == "aks-ds/pod_cidr_v6"));
}

#[test]
fn overlapping_ipv6_subnets_and_one_outside_the_ipv6_address_space_are_found() {
    let v = check_arm_edited(|t| {
        t.replace(
            r#"          {"name": "nodes", "properties": {"addressPrefixes": ["10.0.1.0/24", "fd00:db8:0:1::/64"]}}"#,
            concat!(
                r#"          {"name": "nodes", "properties": {"addressPrefixes": ["10.0.1.0/24", "fd00:db8:0:1::/64"]}},"#,
                "\n",
                r#"          {"name": "other", "properties": {"addressPrefixes": ["10.0.2.0/24", "fd00:db8:0:1::/80"]}},"#,
                "\n",
                r#"          {"name": "outside", "properties": {"addressPrefixes": ["10.0.3.0/24", "fd00:db9::/64"]}}"#,
            ),
        )
    });
    let found: Vec<_> = diagnostics(&v)
        .into_iter()
        .filter(|d| d.0.starts_with("subnet-"))
        .map(|(rule, line, column, message)| {
            (
                rule,
                line,
                column,
                message.split(" (/subscriptions").next().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "subnet-overlap".to_string(),
                14,
                79,
                "subnet `other` (fd00:db8:0:1::/80) overlaps subnet `nodes` (fd00:db8:0:1::/64) in VNet `vnet-ds`".to_string()
            ),
            (
                "subnet-outside-vnet".to_string(),
                15,
                81,
                "subnet `outside` (fd00:db9::/64) is outside VNet `vnet-ds`'s address space fd00:db8::/48".to_string()
            ),
        ]
    );
    // Every IPv6 row is its subnet's, right after its IPv4 row.
    let order: Vec<String> = rows(&v)
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["name"].as_str().unwrap(),
                r["family"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        order[..6],
        [
            "nodes ipv4",
            "nodes ipv6",
            "other ipv4",
            "other ipv6",
            "outside ipv4",
            "outside ipv6"
        ]
    );
}

#[test]
fn an_ipv4_prefix_never_overlaps_an_ipv6_one() {
    // ::a00:100/120 has the numbers of 10.0.1.0/24 (0x0a000100), and ::/0 those of the whole
    // IPv4 address space: as IPv6 prefixes they overlap nothing of IPv4 (vnet-overlap, which
    // compares the prefixes of one VNet, would say so).
    let v = check_arm_edited(|t| {
        t.replace(r#""fd00:db8::/48""#, r#""::/0""#)
            .replace(r#""fd00:db8:0:1::/64""#, r#""::a00:100/120""#)
    });
    let rules: Vec<String> = diagnostics(&v).into_iter().map(|d| d.0).collect();
    assert!(!rules.iter().any(|r| r.contains("overlap")), "{rules:?}");
}

#[test]
fn a_hostile_ipv6_prefix_saturates_and_an_ipv6_only_subnet_has_one_row() {
    let v = check_arm_edited(|t| {
        t.replace(r#""fd00:db8::/48""#, r#""::/0""#).replace(
            r#"["10.0.1.0/24", "fd00:db8:0:1::/64"]"#,
            r#"["::/0", "fd00:db8:0:1::/64"]"#,
        )
    });
    let rows = rows(&v);
    let nodes: Vec<&Value> = rows.iter().filter(|r| r["name"] == "nodes").collect();
    assert_eq!(nodes.len(), 1, "{nodes:#?}");
    assert_eq!(nodes[0]["family"], "ipv6");
    assert_eq!(
        nodes[0]["cidrs"],
        serde_json::json!(["::/0", "fd00:db8:0:1::/64"])
    );
    assert_eq!(nodes[0]["usable"].as_u64(), Some(u64::MAX));
    assert_eq!(nodes[0]["peak_demand"], 4);
}

#[test]
fn import_names_the_ipv6_prefixes_a_plan_cannot_hold() {
    let out = cniplan(&["import", "--input", "arm", ARM]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("address_space: [10.0.0.0/16]"), "{yaml}");
    assert!(
        yaml.contains("# IPv6 fd00:db8::/48 left out: a cniplan plan holds IPv4 prefixes"),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "# IPv6 fd00:db8:0:1::/64 left out: a cniplan plan holds IPv4 prefixes, so its IPv6 capacity row"
        ),
        "{yaml}"
    );
    // The written plan checks as a cniplan plan: IPv4 only, nothing refused.
    let again = crate::common::stdin_plan(&["check", "--format", "json", "-"], &yaml);
    let v = json(&again);
    let rules: Vec<String> = diagnostics(&v).into_iter().map(|d| d.0).collect();
    assert!(!rules.contains(&"invalid-cidr".to_string()), "{rules:?}");
    assert!(rows(&v)
        .iter()
        .all(|r| r["name"] != "nodes" || r["family"] == "ipv4"));
}

#[test]
fn a_cniplan_plan_subnet_cidr_stays_ipv4() {
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/16]\n    subnets:\n      - name: s\n        cidr: fd00:db8:0:1::/64\n";
    let v = json(&crate::common::stdin_plan(
        &["check", "--format", "json", "-"],
        plan,
    ));
    let found: Vec<(String, u64, u64)> = diagnostics(&v).into_iter().map(|d| (d.0, d.1, d.2)).collect();
    assert_eq!(found, [("invalid-cidr".to_string(), 7, 15)]);
    assert!(rows(&v).is_empty());
}

/// tests/real/terraform/tf-byocni-dual-stack-ipv6-vnet/SOURCE.md: an IPv4 VNet and an
/// IPv6-only one, one subnet each, and a dual-stack bring-your-own-CNI cluster on neither.
#[test]
fn a_real_configuration_with_an_ipv6_only_vnet() {
    let v = check(&[
        "--input",
        "terraform",
        "tests/real/terraform/tf-byocni-dual-stack-ipv6-vnet",
    ]);
    let rows: Vec<(String, String, Value, String, u64, u64)> = rows(&v)
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["family"].as_str().unwrap().to_string(),
                r["cidrs"].clone(),
                r["role"].as_str().unwrap().to_string(),
                r["usable"].as_u64().unwrap(),
                r["peak_demand"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "byocniipv4-subnet".into(),
                "ipv4".into(),
                serde_json::json!(["192.168.10.0/24"]),
                "unused".into(),
                251,
                0
            ),
            (
                "byocniipv6-subnet".into(),
                "ipv6".into(),
                serde_json::json!(["1900::/64"]),
                "unused".into(),
                USABLE_64,
                0
            ),
        ]
    );
    let found: Vec<(String, u64, u64)> = diagnostics(&v).into_iter().map(|d| (d.0, d.1, d.2)).collect();
    assert_eq!(
        found,
        [
            ("assumed-value".into(), 34, 3),
            ("assumed-value".into(), 34, 3),
            ("unresolved-input".into(), 34, 3),
            ("dual-stack-limits".into(), 47, 39),
        ]
    );
}

#[test]
fn peered_vnets_whose_ipv6_address_spaces_overlap_are_an_error() {
    // A second VNet with other IPv4 space and the same IPv6 /48, peered with `vnet-ds`.
    let v = check_arm_edited(|t| {
        t.replace(
            r#"  "resources": ["#,
            concat!(
                r#"  "resources": ["#,
                "\n",
                r#"    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet-hub", "location": "westeurope","#,
                "\n",
                r#"     "properties": {"addressSpace": {"addressPrefixes": ["10.9.0.0/16", "fd00:db8::/48"]}}},"#,
                "\n",
                r#"    {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "apiVersion": "2023-09-01", "name": "vnet-ds/to-hub","#,
                "\n",
                r#"     "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-ds')]", "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"],"#,
                "\n",
                r#"     "properties": {"remoteVirtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"}}},"#,
            ),
        )
    });
    let found: Vec<_> = diagnostics(&v)
        .into_iter()
        .filter(|d| d.0 == "vnet-overlap")
        .map(|d| {
            (
                d.1,
                d.2,
                d.3.split(" (/subscriptions").next().unwrap().to_string(),
            )
        })
        .collect();
    // At `vnet-ds`'s IPv6 prefix (line 11 of the template, 16 with the five lines above it).
    assert_eq!(
        found,
        [(
            16,
            61,
            "VNet `vnet-ds` (fd00:db8::/48) overlaps VNet `vnet-hub` (fd00:db8::/48): peered VNets cannot route to overlapping ranges".to_string()
        )],
        "{:?}",
        diagnostics(&v)
    );
}

#[test]
fn simulate_counts_the_free_addresses_of_a_64_exactly() {
    let v = json(&cniplan(&["simulate", "--input", "arm", "--format", "json", ARM]));
    let v6 = v["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "nodes" && s["family"] == "ipv6")
        .expect("the IPv6 row's steps");
    let free: Vec<(&str, u64)> = v6["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["phase"].as_str().unwrap(), s["free"].as_u64().unwrap()))
        .collect();
    // 2^64 - 5 usable, less 3 nodes at baseline and 4 at the surge.
    assert_eq!(free, [("baseline", USABLE_64 - 3), ("surge", USABLE_64 - 4)]);
}
