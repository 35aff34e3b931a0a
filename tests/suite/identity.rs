//! One resource is one resource, however many declarations deploy it (SPEC §6, issue 18):
//! a second declaration of one subnet is the same subnet, one capacity row, and a
//! `conflicting-declarations` finding when the two disagree, naming both places.

use crate::common;

use common::{cniplan, json};

/// `(rule, severity, line)` of a finding.
type Found = (String, String, u64);

/// The exit code, every finding, and `name cidr` of every row, over all files.
fn check(args: &[&str]) -> (Option<i32>, Vec<Found>, Vec<String>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = cniplan(&all);
    let v = json(&out);
    let files = v["files"].as_array().expect("files");
    let findings = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().expect("diagnostics").clone())
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let rows = files
        .iter()
        .flat_map(|f| f["subnets"].as_array().expect("subnets").clone())
        .map(|r| format!("{} {}", r["name"].as_str().unwrap(), r["cidr"].as_str().unwrap()))
        .collect();
    (out.status.code(), findings, rows)
}

#[test]
fn an_arm_subnet_inline_and_as_a_child_is_one_subnet() {
    let (code, findings, rows) = check(&["tests/fixtures/conflicting-declarations.json"]);
    assert_eq!(code, Some(0), "a warning does not fail the gate");
    assert_eq!(
        findings,
        [("conflicting-declarations".into(), "warning".into(), 35)]
    );
    assert_eq!(rows, ["nodes 10.1.0.0/22", "pods 10.1.32.0/20"]);
}

#[test]
fn an_az_subnet_exported_twice_with_different_prefixes_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";
    let vnets = format!(
        r#"[{{"id": "{id}", "name": "v", "resourceGroup": "rg", "addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
  "subnets": [{{"id": "{id}/subnets/s", "name": "s", "addressPrefix": "10.1.0.0/24"}}]}}]"#
    );
    let subnets = format!(
        r#"[{{"id": "{id}/subnets/s", "name": "s", "resourceGroup": "rg", "addressPrefix": "10.1.4.0/24"}}]"#
    );
    let a = dir.path().join("vnets.json");
    let b = dir.path().join("subnets.json");
    std::fs::write(&a, vnets).unwrap();
    std::fs::write(&b, subnets).unwrap();
    let (code, findings, rows) = check(&["--input", "az", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, "conflicting-declarations");
    // An export keeps the first copy it read, and says which.
    assert_eq!(rows, ["s 10.1.0.0/24"]);
}

#[test]
fn terraform_inline_subnets_beside_subnet_resources_are_an_error() {
    let (code, findings, rows) = check(&["--input", "terraform", "tests/fixtures/terraform/conflicting"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings,
        [
            ("conflicting-declarations".into(), "error".into(), 15),
            ("conflicting-declarations".into(), "error".into(), 21)
        ]
    );
    assert_eq!(rows, ["nodes 10.1.0.0/24", "other 10.1.1.0/24"]);
}

/// Issue 19: a REST list page that has a `nextLink` is not the whole estate, and says so.
#[test]
fn a_paged_rest_export_is_noted() {
    let dir = tempfile::tempdir().unwrap();
    let id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";
    let page = format!(
        r#"{{"value": [{{"id": "{id}", "name": "v", "resourceGroup": "rg", "addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
  "subnets": [{{"id": "{id}/subnets/s", "name": "s", "addressPrefix": "10.1.0.0/24"}}]}}],
  "nextLink": "https://management.azure.com/subscriptions/0/providers/Microsoft.Network/virtualNetworks?$skiptoken=x"}}"#
    );
    let path = dir.path().join("page1.json");
    std::fs::write(&path, page).unwrap();
    let (code, findings, rows) = check(&["--input", "az", path.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert_eq!(findings, [("unresolved-input".into(), "note".into(), 3)]);
    assert_eq!(rows, ["s 10.1.0.0/24"]);
}

/// ARM refuses a template that declares one resource twice; cniplan says so in ARM's words.
#[test]
fn one_resource_twice_in_one_arm_template_is_refused_as_arm_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let child = r#"{"type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2024-05-01",
      "name": "spoke/nodes", "properties": {"addressPrefix": "10.1.0.0/24"}}"#;
    let template = format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "spoke",
      "properties": {{"addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}}}}}},
    {child},
    {child}
  ]}}"#
    );
    let path = dir.path().join("twice.json");
    std::fs::write(&path, template).unwrap();
    let out = cniplan(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let d = &json(&out)["files"][0]["diagnostics"][0];
    assert_eq!(
        (&d["rule"], &d["severity"], &d["line"]),
        (&"conflicting-declarations".into(), &"error".into(), &9.into())
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("the resource 'Microsoft.Network/virtualNetworks/spoke/subnets/nodes' is defined multiple times in a template"),
        "{d}"
    );
}

/// A subnet with two IPv4 prefixes is one row whose `cidrs` lists both and whose `usable`
/// sums them, 5 reserved in each (SPEC §5): 10.2.0.0/25 + 10.2.1.0/26 = 123 + 59 = 182.
#[test]
fn an_az_subnet_with_two_prefixes_is_one_row_counting_both() {
    let dir = tempfile::tempdir().unwrap();
    let id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";
    let vnets = format!(
        r#"[{{"id": "{id}", "name": "v", "resourceGroup": "rg", "addressSpace": {{"addressPrefixes": ["10.2.0.0/16"]}},
  "subnets": [{{"id": "{id}/subnets/s", "name": "s", "addressPrefixes": ["10.2.0.0/25", "10.2.1.0/26"],
                "ipConfigurations": [{{"id": "x"}}, {{"id": "y"}}]}}]}}]"#
    );
    let path = dir.path().join("vnets.json");
    std::fs::write(&path, vnets).unwrap();
    let out = cniplan(&[
        "check",
        "--format",
        "json",
        "--input",
        "az",
        path.to_str().unwrap(),
    ]);
    let v = json(&out);
    let row = &v["files"][0]["subnets"][0];
    assert_eq!(row["cidr"], "10.2.0.0/25");
    assert_eq!(row["cidrs"], serde_json::json!(["10.2.0.0/25", "10.2.1.0/26"]));
    assert_eq!(row["family"], "ipv4");
    // Two IP configurations take two of the 182.
    assert_eq!(row["usable"], 180);
}

/// A key written twice in one JSON object keeps the last value, as ARM, Terraform and az read
/// JSON, and says so when the two differ (issue 19): the /29 written first would have been a
/// subnet-too-small error; the /24 written last is what deploys.
#[test]
fn a_json_key_written_twice_keeps_the_last_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let template = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet",
     "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
       "subnets": [
         {"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/29", "addressPrefix": "10.0.0.0/24"}},
         {"name": "same", "name": "same", "properties": {"addressPrefix": "10.0.1.0/24"}}
       ]}}
  ]
}"#;
    let path = dir.path().join("t.json");
    std::fs::write(&path, template).unwrap();
    let (code, findings, rows) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    // One warning, at the kept key; `name` repeated with the same value is no conflict.
    assert_eq!(
        findings,
        [("conflicting-declarations".into(), "warning".into(), 8)]
    );
    assert_eq!(rows, ["nodes 10.0.0.0/24", "same 10.0.1.0/24"]);

    let export = r#"[{"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
  "name": "v", "resourceGroup": "rg", "addressSpace": {"addressPrefixes": ["10.3.0.0/16"]},
  "subnets": [{"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
    "name": "s", "addressPrefix": "10.3.0.0/24",
    "addressPrefix": "10.3.4.0/24"}]}]"#;
    let az = dir.path().join("vnets.json");
    std::fs::write(&az, export).unwrap();
    let (_, findings, rows) = check(&["--input", "az", az.to_str().unwrap()]);
    assert_eq!(
        findings,
        [("conflicting-declarations".into(), "warning".into(), 5)]
    );
    assert_eq!(rows, ["s 10.3.4.0/24"]);
}
