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

/// A template whose nested deployments (inner scope) each declare VNet `hub` with one
/// subnet `nodes`: `(name, VNet prefix, subnet prefix, what it waits for)`; `copy` makes
/// the deployments the iterations of one loop named by `copyIndex()` instead.
fn nested(deployments: &[(&str, &str, &str, Option<&str>)], copy: Option<&str>) -> String {
    let body = |name: &str, vnet: &str, subnet: &str, after: Option<&str>| {
        let depends = after
            .map(|a| format!(r#""dependsOn": ["[resourceId('Microsoft.Resources/deployments', '{a}')]"],"#))
            .unwrap_or_default();
        format!(
            r#"{{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "{name}", {depends}
      {copy}
      "properties": {{"mode": "Incremental", "expressionEvaluationOptions": {{"scope": "inner"}},
        "template": {{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [{{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub",
            "properties": {{"addressSpace": {{"addressPrefixes": ["{vnet}"]}},
              "subnets": [{{"name": "nodes", "properties": {{"addressPrefix": "{subnet}"}}}}]}}}}]}}}}}}"#,
            copy = copy.map(|c| format!(r#""copy": {c},"#)).unwrap_or_default()
        )
    };
    let resources: Vec<String> = deployments.iter().map(|&(n, v, s, a)| body(n, v, s, a)).collect();
    format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {}
  ]}}"#,
        resources.join(",\n    ")
    )
}

/// `(rule, severity, message)` of a finding.
type Said = (String, String, String);

/// The findings (rule, severity, message) and rows of a template checked alone.
fn check_template(template: &str) -> (Option<i32>, Vec<Said>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.json");
    std::fs::write(&path, template).unwrap();
    let out = cniplan(&["check", "--format", "json", path.to_str().unwrap()]);
    let v = json(&out);
    let file = &v["files"][0];
    let findings = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] != "assumed-value")
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap().to_string();
            (text("rule"), text("severity"), text("message"))
        })
        .collect();
    let rows = file["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                // A pod CIDR's row belongs to no VNet.
                r["vnet"].as_str().unwrap_or("-"),
                r["name"].as_str().unwrap(),
                r["cidr"].as_str().unwrap()
            )
        })
        .collect();
    (out.status.code(), findings, rows)
}

/// Issue 18, item 1 (minimal reproduction): AVM's e2e tests deploy a module twice, `init`
/// then `idem`, to show a second deployment changes nothing. Two nested deployments that
/// deploy one resource ID are one VNet and one subnet: one row, no `duplicate-name`, no
/// `vnet-overlap` or `subnet-overlap`.
#[test]
fn nested_deployments_that_deploy_one_id_alike_are_one_resource() {
    let template = nested(
        &[
            ("init", "10.0.0.0/16", "10.0.1.0/24", None),
            ("idem", "10.0.0.0/16", "10.0.1.0/24", None),
        ],
        None,
    );
    let (code, findings, rows) = check_template(&template);
    assert_eq!(code, Some(0));
    assert_eq!(findings, []);
    assert_eq!(rows, ["hub nodes 10.0.1.0/24"]);
}

/// The same ID with other values is one `conflicting-declarations` finding per resource,
/// naming both deployments and the one Azure ends with: `idem` waits for `init`
/// (`dependsOn`), so Azure ends with `idem`'s values, and that is what is checked.
#[test]
fn nested_deployments_that_disagree_name_the_one_deployed_last() {
    let template = nested(
        &[
            ("init", "10.0.0.0/16", "10.0.1.0/24", None),
            ("idem", "10.1.0.0/16", "10.1.1.0/24", Some("init")),
        ],
        None,
    );
    let (code, findings, rows) = check_template(&template);
    assert_eq!(code, Some(0), "{findings:?}");
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|(r, s, _)| (r.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("conflicting-declarations", "warning"),
            ("conflicting-declarations", "warning")
        ]
    );
    let messages: Vec<&str> = findings.iter().map(|f| f.2.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.starts_with("VNet `hub` (/subscriptions/")
            && m.contains("declared twice with different address spaces, 10.1.0.0/16 here and 10.0.0.0/16 before; Azure ends with 10.1.0.0/16: deployment `idem` deploys after `init`")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("subnet `nodes`")
            && m.contains("10.1.1.0/24 here and 10.0.1.0/24 before; Azure ends with 10.1.1.0/24: deployment `idem` deploys after `init`")),
        "{messages:#?}"
    );
    assert_eq!(rows, ["hub nodes 10.1.1.0/24"]);

    // Written the other way round (`init` waits for `idem`), Azure ends with `init`'s.
    let template = nested(
        &[
            ("init", "10.0.0.0/16", "10.0.1.0/24", Some("idem")),
            ("idem", "10.1.0.0/16", "10.1.1.0/24", None),
        ],
        None,
    );
    let (_, findings, rows) = check_template(&template);
    assert!(
        findings
            .iter()
            .all(|f| f.2.contains("deployment `init` deploys after `idem`")),
        "{findings:#?}"
    );
    assert_eq!(rows, ["hub nodes 10.0.1.0/24"]);

    // Nothing orders them: ARM runs them in parallel; the later in the template is kept.
    let template = nested(
        &[
            ("init", "10.0.0.0/16", "10.0.1.0/24", None),
            ("idem", "10.1.0.0/16", "10.1.1.0/24", None),
        ],
        None,
    );
    let (_, findings, rows) = check_template(&template);
    assert_eq!(findings.len(), 2);
    assert!(
        findings
            .iter()
            .all(|f| f.2.contains("nothing orders deployments `init` and `idem`")),
        "{findings:#?}"
    );
    assert_eq!(rows, ["hub nodes 10.1.1.0/24"]);
}

/// The e2e pattern as compiled Bicep writes it: one deployment in a serial copy loop
/// (`@batchSize(1)`) over `['init', 'idem']`, passing each iteration its values. The
/// iterations run one after the other, so the second is what Azure ends with.
#[test]
fn a_serial_loop_of_deployments_orders_its_iterations() {
    let template = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": {"iterations": ["init", "idem"], "spaces": ["10.0.0.0/16", "10.1.0.0/16"]},
  "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
     "name": "[format('test-{0}', variables('iterations')[copyIndex()])]",
     "copy": {"name": "testDeployment", "count": 2, "mode": "serial", "batchSize": 1},
     "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
       "parameters": {"space": {"value": "[variables('spaces')[copyIndex()]]"}},
       "template": {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0",
         "parameters": {"space": {"type": "string"}},
         "resources": [{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "hub",
           "properties": {"addressSpace": {"addressPrefixes": ["[parameters('space')]"]},
             "subnets": [{"name": "nodes", "properties": {"addressPrefix": "[cidrSubnet(parameters('space'), 24, 1)]"}}]}}]}}}
  ]}"#;
    let (_, findings, rows) = check_template(template);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(
        findings
            .iter()
            .all(|f| f.2.contains("deployment `test-idem` deploys after `test-init`")),
        "{findings:#?}"
    );
    assert_eq!(rows, ["hub nodes 10.1.1.0/24"]);
    // A parallel loop orders nothing.
    let parallel = template.replace(r#", "mode": "serial", "batchSize": 1"#, "");
    let (_, findings, _) = check_template(&parallel);
    assert!(
        findings.iter().all(|f| f
            .2
            .contains("nothing orders deployments `test-init` and `test-idem`")),
        "{findings:#?}"
    );
}

/// Issue 18, item 1 (minimal reproduction of ALZ-Bicep's baseline sample): a name nothing
/// offline can know (`resourceGroup().location`) computed by the same expression from the
/// same inputs is the same name, so two deployments of it are one VNet; a name that also
/// reads an input that differs (`prefix`) stays another VNet, whose overlap is reported.
#[test]
fn unknown_names_computed_alike_are_one_resource() {
    let deployment = |name: &str, prefix: &str| {
        format!(
            r#"{{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "{name}",
     "properties": {{"mode": "Incremental", "expressionEvaluationOptions": {{"scope": "inner"}},
       "parameters": {{"location": {{"value": "[resourceGroup().location]"}}, "prefix": {{"value": "{prefix}"}}}},
       "template": {{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
         "contentVersion": "1.0.0.0",
         "parameters": {{"location": {{"type": "string"}}, "prefix": {{"type": "string"}},
           "vnetName": {{"type": "string", "defaultValue": "[format('{{0}}-hub-{{1}}', parameters('prefix'), parameters('location'))]"}}}},
         "resources": [{{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "[parameters('vnetName')]",
           "properties": {{"addressSpace": {{"addressPrefixes": ["10.10.0.0/16"]}},
             "subnets": [{{"name": "GatewaySubnet", "properties": {{"addressPrefix": "10.10.252.0/24"}}}}]}}}}]}}}}}}"#
        )
    };
    let template = format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{}, {}, {}]}}"#,
        deployment("baseline", "alz"),
        deployment("baseline_with_ER", "alz"),
        deployment("other", "corp")
    );
    let (_, findings, rows) = check_template(&template);
    let rules: Vec<&str> = findings.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(rules, ["vnet-overlap"], "{findings:#?}");
    assert!(
        findings[0].2.contains("#1") && findings[0].2.contains("#2"),
        "{}",
        findings[0].2
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
}

/// Issue 18, items 1, 2 and 7, on code written by others (SOURCE.md of each directory holds
/// the reading worked out by hand):
/// - bicep-registry-modules' virtual-network e2e tests `ipv6` and `max` deploy the module
///   twice (`init`, `idem`, `@batchSize(1)`): one VNet, one row per subnet, no error;
/// - ALZ-Bicep's `baseline.sample.bicep` calls `hubNetworking.bicep` three times, each
///   naming the hub `alz-hub-${resourceGroup().location}`: one VNet, four rows, no warning;
/// - the managed-cluster e2e test `kubenet` deploys one cluster twice: one cluster with its
///   two pools, one `kubenet-retirement` warning, no `duplicate-name`.
#[test]
fn real_templates_that_deploy_one_resource_twice_read_it_once() {
    let cases: [(&str, &[&str], &[&str]); 5] = [
        // Issue 18, item 7: subnets whose prefixes AVNM IPAM assigns, sized from the number
        // of addresses asked for: 64 → /26 (59 usable), 16 → /28 (11), 8 → /29 (3).
        (
            "avm-vnet-e2e-idem/tests/e2e/ipam/main.test.bicep",
            &["subnet-1 ipam/26 59", "subnet-2 ipam/28 11", "subnet-3 ipam/29 3"],
            &[],
        ),
        (
            "avm-vnet-e2e-idem/tests/e2e/ipv6/main.test.bicep",
            // A dual-stack subnet: its IPv6 /64 is a row of its own, 2^64 - 5 usable.
            &[
                "ipv6-subnet 10.0.0.0/24 251",
                "ipv6-subnet fd00:592b:3014::/64 18446744073709551611",
            ],
            &[],
        ),
        (
            "avm-vnet-e2e-idem/tests/e2e/max/main.test.bicep",
            &[
                "GatewaySubnet 10.0.0.0/24 251",
                "#_namePrefix_#-az-subnet-x-001 10.0.1.0/24 251",
                "#_namePrefix_#-az-subnet-x-002 10.0.2.0/24 251",
                "#_namePrefix_#-az-subnet-x-003 10.0.3.0/24 251",
                "#_namePrefix_#-az-subnet-x-004 10.0.4.0/24 251",
                "AzureBastionSubnet 10.0.5.0/24 251",
                "AzureFirewallSubnet 10.0.6.0/24 251",
            ],
            &[],
        ),
        (
            "alz-hub-baseline-sample/hubNetworking/samples/baseline.sample.bicep",
            &[
                "AzureBastionSubnet 10.10.15.0/24 251",
                "GatewaySubnet 10.10.252.0/24 251",
                "AzureFirewallSubnet 10.10.254.0/24 251",
                "AzureFirewallManagementSubnet 10.10.253.0/24 251",
            ],
            &[],
        ),
        (
            "avm-aks-e2e-idem/tests/e2e/kubenet/main.test.bicep",
            &["#_namePrefix_#csmkube001/pod_cidr 10.244.0.0/16 256"],
            &["kubenet-retirement warning"],
        ),
    ];
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/real/bicep");
    for (path, want_rows, want) in cases {
        // Registry modules as `bicep restore` leaves them, under `~/.bicep`.
        let home = tempfile::tempdir().unwrap();
        if let Some(dir) = path.split('/').next() {
            let cache = format!("{root}/{dir}/cache");
            if std::path::Path::new(&cache).is_dir() {
                std::os::unix::fs::symlink(&cache, home.path().join(".bicep")).unwrap();
            }
        }
        let out = common::command(&["check", "--format", "json", &format!("{root}/{path}")])
            .env("HOME", home.path())
            .output()
            .unwrap();
        let v = json(&out);
        let files = v["files"].as_array().unwrap();
        let rows: Vec<String> = files
            .iter()
            .flat_map(|f| f["subnets"].as_array().unwrap().clone())
            .map(|r| {
                format!(
                    "{} {} {}",
                    r["name"].as_str().unwrap(),
                    r["cidr"].as_str().unwrap(),
                    r["usable"]
                )
            })
            .collect();
        assert_eq!(rows, want_rows, "{path}");
        let found: Vec<String> = files
            .iter()
            .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
            .filter(|d| d["severity"] != "note")
            .map(|d| {
                format!(
                    "{} {}",
                    d["rule"].as_str().unwrap(),
                    d["severity"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(found, want, "{path}");
        assert_eq!(out.status.code(), Some(0), "{path}");
        // One VNet or cluster, however many deployments declare it.
        let vnets: std::collections::BTreeSet<&str> = files
            .iter()
            .flat_map(|f| f["subnets"].as_array().unwrap())
            .filter_map(|r| r["vnet"].as_str())
            .collect();
        assert!(vnets.len() <= 1, "{path}: {vnets:?}");
    }
}

/// Issue 18, item 7 (minimal reproduction): a subnet whose prefix AVNM IPAM allocates is
/// counted by its size, the smallest prefix that holds the addresses asked for (300 → /23,
/// 512 − 5 = 507 usable), and said so in one note at `numberOfIpAddresses`; three nodes of
/// 31 IPs and one surge node peak at 124. Having no address, it overlaps nothing: the
/// second IPAM subnet of the same VNet is no `subnet-overlap`.
#[test]
fn an_ipam_subnet_is_counted_by_its_size() {
    let pool = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkManagers/m/ipamPools/p";
    let template = format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "contentVersion": "1.0.0.0",
 "resources": [
  {{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-07-01", "name": "spoke",
   "properties": {{
     "addressSpace": {{"ipamPoolPrefixAllocations": [{{"pool": {{"id": "{pool}"}}, "numberOfIpAddresses": "1024"}}]}},
     "subnets": [
       {{"name": "nodes", "properties": {{"ipamPoolPrefixAllocations": [{{"pool": {{"id": "{pool}"}}, "numberOfIpAddresses": "300"}}]}}}},
       {{"name": "other", "properties": {{"ipamPoolPrefixAllocations": [{{"pool": {{"id": "{pool}"}}, "numberOfIpAddresses": 256}}]}}}}
     ]}}}},
  {{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-05-01", "name": "aks",
   "properties": {{"agentPoolProfiles": [{{"name": "sys", "mode": "System", "count": 3, "vmSize": "Standard_D4s_v5", "maxPods": 30,
      "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'nodes')]"}}],
      "networkProfile": {{"networkPlugin": "azure"}}}}}}
 ]}}"#
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ipam.json");
    std::fs::write(&path, template).unwrap();
    let out = cniplan(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let file = &v["files"][0];
    let rows: Vec<String> = file["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["name"].as_str().unwrap(),
                r["cidr"].as_str().unwrap(),
                r["usable"],
                r["peak_demand"]
            )
        })
        .collect();
    assert_eq!(rows, ["nodes ipam/23 507 124", "other ipam/24 251 0"]);
    let notes: Vec<(u64, &str)> = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("AVNM IPAM"))
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert_eq!(notes[0].0, 8);
    assert!(
        notes[0].1.contains("300 addresses are counted as one /23"),
        "{}",
        notes[0].1
    );
    assert!(
        notes[0].1.contains("left out of the overlap checks"),
        "{}",
        notes[0].1
    );
    assert!(
        file["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] == "note"),
        "{file}"
    );
}

/// The same in Terraform: `azurerm_subnet`'s `ip_address_pool { number_of_ip_addresses }`
/// (azurerm 4.x) is a /23 for 300 addresses, noted at the value.
#[test]
fn a_terraform_ipam_subnet_is_counted_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), TF_IPAM).unwrap();
    let out = cniplan(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let files = v["files"].as_array().unwrap();
    let rows: Vec<String> = files
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap().clone())
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["name"].as_str().unwrap(),
                r["cidr"].as_str().unwrap(),
                r["usable"],
                r["peak_demand"]
            )
        })
        .collect();
    assert_eq!(rows, ["nodes ipam/23 507 124"]);
    let noted: Vec<u64> = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("300 addresses are counted as one /23")
        })
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(noted, [22]);
}

const TF_IPAM: &str = r#"resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}

resource "azurerm_virtual_network" "vnet" {
  name                = "spoke"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  ip_address_pool {
    id                     = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkManagers/m/ipamPools/p"
    number_of_ip_addresses = "1024"
  }
}

resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.vnet.name
  ip_address_pool {
    id                     = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkManagers/m/ipamPools/p"
    number_of_ip_addresses = "300"
  }
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  dns_prefix          = "aks"
  default_node_pool {
    name           = "system"
    node_count     = 3
    vm_size        = "Standard_D4s_v5"
    max_pods       = 30
    vnet_subnet_id = azurerm_subnet.nodes.id
  }
  identity {
    type = "SystemAssigned"
  }
  network_profile {
    network_plugin = "azure"
  }
}
"#;

/// Bicep's `@batchSize(1)` on a module loop (the AVM e2e tests' `init`/`idem`) deploys the
/// iterations one after the other, as `bicep build` writes it (`"mode": "serial"`): where
/// they disagree, Azure ends with `idem`'s values, and the finding says why.
#[test]
fn a_bicep_batch_size_orders_module_iterations() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vnet.bicep"), BICEP_VNET).unwrap();
    let main = dir.path().join("main.bicep");
    std::fs::write(&main, BICEP_MAIN).unwrap();
    let out = cniplan(&["check", "--format", "json", main.to_str().unwrap()]);
    let v = json(&out);
    let diagnostics: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| {
            format!(
                "{} {}",
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
    assert!(
        diagnostics.iter().all(|d| d.starts_with("conflicting-declarations")
            && d.ends_with("deployment `test-idem` deploys after `test-init` (`dependsOn` or a serial copy loop orders them)")),
        "{diagnostics:#?}"
    );
    let rows: Vec<&str> = v["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cidr"].as_str().unwrap())
        .collect();
    assert_eq!(rows, ["10.1.1.0/24"]);
}

const BICEP_VNET: &str = r#"param space string

resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'hub'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [space]
    }
    subnets: [
      {
        name: 'nodes'
        properties: {
          addressPrefix: cidrSubnet(space, 24, 1)
        }
      }
    ]
  }
}
"#;

const BICEP_MAIN: &str = r#"var spaces = ['10.0.0.0/16', '10.1.0.0/16']

@batchSize(1)
module test 'vnet.bicep' = [
  for (iteration, i) in ['init', 'idem']: {
    name: 'test-${iteration}'
    params: {
      space: spaces[i]
    }
  }
]
"#;

/// A template that declares VNet `spoke` with subnet `nodes` and, in nested deployments
/// `(name, networkPluginMode, count, what it waits for)`, cluster `aks` with pool `system`
/// on it.
fn clusters(deployments: &[(&str, &str, u32, Option<&str>)]) -> String {
    let cluster = |name: &str, mode: &str, count: u32, after: Option<&str>| {
        let depends = after
            .map(|a| format!(r#""dependsOn": ["[resourceId('Microsoft.Resources/deployments', '{a}')]"],"#))
            .unwrap_or_default();
        format!(
            r#"{{"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "{name}", {depends}
      "properties": {{"mode": "Incremental", "expressionEvaluationOptions": {{"scope": "inner"}},
        "template": {{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [{{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-09-01", "name": "aks",
            "properties": {{"kubernetesVersion": "1.30",
              "networkProfile": {{"networkPlugin": "azure", "networkPluginMode": "{mode}"{pod_cidr}}},
              "agentPoolProfiles": [{{"name": "system", "count": {count}, "maxPods": 30, "mode": "System",
                "upgradeSettings": {{"maxSurge": "1"}},
                "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'nodes')]"}}]}}}}]}}}}}}"#,
            // A pod CIDR is for overlay only.
            pod_cidr = if mode == "overlay" {
                r#", "podCidr": "192.168.0.0/16""#
            } else {
                ""
            }
        )
    };
    let mut resources = vec![
        r#"{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "spoke",
      "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
        "subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.1.0.0/22"}}]}}"#
            .to_string(),
    ];
    resources.extend(deployments.iter().map(|&(n, m, c, a)| cluster(n, m, c, a)));
    format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {}
  ]}}"#,
        resources.join(",\n    ")
    )
}

/// The pools of the one row of `clusters()`'s subnet: `(pool, peak nodes)`.
fn pools_of(template: &str) -> Vec<(String, u64)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.json");
    std::fs::write(&path, template).unwrap();
    let v = json(&cniplan(&["check", "--format", "json", path.to_str().unwrap()]));
    let rows = v["files"][0]["subnets"].as_array().unwrap();
    let nodes = rows
        .iter()
        .find(|r| r["name"] == "nodes")
        .expect("the node subnet's row");
    nodes["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["pool"].as_str().unwrap().to_string(),
                p["peak_nodes"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Issue 18, item 1 (minimal reproduction): a cluster that two nested deployments declare
/// with other values (another network mode, another pool count) is one cluster with one
/// pool, the values of the deployment that deploys last, and one warning per resource ID
/// (the cluster's, the pool's) naming both values; declared alike, nothing is said.
#[test]
fn nested_deployments_that_declare_one_cluster_differently_are_one_cluster_and_named() {
    let alike = clusters(&[("a", "overlay", 3, None), ("b", "overlay", 3, Some("a"))]);
    let (code, findings, _) = check_template(&alike);
    assert_eq!((code, findings), (Some(0), vec![]));
    assert_eq!(pools_of(&alike), [("system".to_string(), 4)]);

    let differ = clusters(&[("a", "", 3, None), ("b", "overlay", 5, Some("a"))]);
    let (code, findings, rows) = check_template(&differ);
    assert_eq!(code, Some(0), "{findings:#?}");
    let said: Vec<&str> = findings.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(
        said,
        [
            "cluster `aks` (/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.ContainerService/managedClusters/aks) is declared twice with different values: `networkPluginMode` overlay here, not set before; `podCidr` 192.168.0.0/16 here, not set before; Azure ends with the values here: deployment `b` deploys after `a` (`dependsOn` or a serial copy loop orders them)",
            "agent pool `system` of cluster `aks` (/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/system) is declared twice with different values: `count` 5 here, 3 before; Azure ends with the values here: deployment `b` deploys after `a` (`dependsOn` or a serial copy loop orders them)",
        ]
    );
    assert!(findings
        .iter()
        .all(|f| f.0 == "conflicting-declarations" && f.1 == "warning"));
    // Overlay: the pods leave the node subnet; one pool of 5 nodes, surging by 1.
    assert_eq!(rows, ["spoke nodes 10.1.0.0/22", "- aks/pod_cidr 192.168.0.0/16"]);
    assert_eq!(pools_of(&differ), [("system".to_string(), 6)]);

    // `a` waits for `b`: Azure ends with `a`'s values, 3 nodes in the traditional mode.
    let reversed = clusters(&[("a", "", 3, Some("b")), ("b", "overlay", 5, None)]);
    let (_, findings, rows) = check_template(&reversed);
    assert!(
        findings.iter().all(|f| f
            .2
            .contains("Azure ends with the values before: deployment `a` deploys after `b`")),
        "{findings:#?}"
    );
    assert_eq!(rows, ["spoke nodes 10.1.0.0/22"]);
    assert_eq!(pools_of(&reversed), [("system".to_string(), 4)]);
}

/// A pool in its cluster's `agentPoolProfiles` and again as an `agentPools` resource of one
/// template is one pool: the resource deploys after its cluster, so Azure ends with its count.
#[test]
fn a_pool_inline_and_as_an_agent_pool_resource_is_one_pool() {
    let template = |count: u32| {
        format!(
            r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "spoke",
      "properties": {{"addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
        "subnets": [{{"name": "nodes", "properties": {{"addressPrefix": "10.1.0.0/22"}}}}]}}}},
    {{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-09-01", "name": "aks",
      "properties": {{"kubernetesVersion": "1.30",
        "networkProfile": {{"networkPlugin": "azure", "networkPluginMode": "overlay", "podCidr": "192.168.0.0/16"}},
        "agentPoolProfiles": [{{"name": "system", "count": 3, "maxPods": 30, "mode": "System",
          "upgradeSettings": {{"maxSurge": "1"}},
          "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'nodes')]"}}]}}}},
    {{"type": "Microsoft.ContainerService/managedClusters/agentPools", "apiVersion": "2024-09-01", "name": "aks/system",
      "dependsOn": ["[resourceId('Microsoft.ContainerService/managedClusters', 'aks')]"],
      "properties": {{"count": {count}, "maxPods": 30, "mode": "System", "upgradeSettings": {{"maxSurge": "1"}},
        "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'nodes')]"}}}}
  ]}}"#
        )
    };
    let (code, findings, _) = check_template(&template(7));
    assert_eq!(code, Some(0), "{findings:#?}");
    let said: Vec<&str> = findings.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(
        said,
        ["agent pool `system` of cluster `aks` (/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/system) is declared twice with different values: `count` 7 here, 3 before; Azure ends with the values here: the `agentPools` resource deploys after the cluster that declares the pool inline; the cluster's next deployment sets the inline values again"]
    );
    assert_eq!(pools_of(&template(7)), [("system".to_string(), 8)]);
    // Alike, nothing is said, and still one pool (no `duplicate-name`).
    assert_eq!(check_template(&template(3)).1, vec![]);
    assert_eq!(pools_of(&template(3)), [("system".to_string(), 4)]);
}

/// Two VNets named `hub` (a `duplicate-name` error) with different subnets: `hub/b` names the
/// one that holds `b`, as `cniplan import` writes it when a stand-in VNet has no resource
/// group (fuzz/regressions/terraform_plan-3.json); before, it took the first `hub` and the
/// pool lost its subnet. Traditional Azure CNI: 3 nodes + 1 surge at 1 + 30 IPs each, peak
/// 124 on `b`.
#[test]
fn vnet_slash_subnet_finds_the_namesake_that_holds_the_subnet() {
    let plan = "version: 1
vnets:
  - name: hub
    address_space: [10.0.0.0/16]
    subnets:
      - name: a
        cidr: 10.0.1.0/24
  - name: hub
    address_space: [10.1.0.0/16]
    subnets:
      - name: b
        cidr: 10.1.1.0/24
clusters:
  - name: aks
    network_plugin: azure
    node_pools:
      - name: p
        node_count: 3
        max_pods: 30
        max_surge: 1
        vnet_subnet: hub/b
";
    let out = common::stdin_plan(&["check", "--format", "json", "-"], plan);
    let v = json(&out);
    let file = &v["files"][0];
    let rules: Vec<(&str, u64)> = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(rules, [("duplicate-name", 8)], "{v}");
    let b = file["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "b")
        .expect("row of b");
    assert_eq!(b["pools"][0]["peak_nodes"], 4, "{b}");
    assert_eq!(b["peak_demand"], 124, "{b}");
    assert_eq!(out.status.code(), Some(1));
}
