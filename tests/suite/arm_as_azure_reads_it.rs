//! An ARM template read as Azure Resource Manager reads it (issue 19): keys in any case, the
//! calls ARM refuses said as errors at the call (notes when only a parameter's default makes
//! them fail), and a subnet or pool whose name is known only when deployed still counted.

use crate::common::{json, stdin_plan};
use serde_json::Value;

fn check(template: &str) -> (Option<i32>, Value) {
    let out = stdin_plan(&["check", "--input", "arm", "--format", "json", "-"], template);
    (out.status.code(), json(&out))
}

/// (rule, severity, line:column, message) of every finding.
fn findings(v: &Value) -> Vec<(String, String, String, String)> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                format!("{}:{}", d["line"], d["column"]),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn rows(v: &Value) -> Vec<(String, String)> {
    v["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["cidr"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const SCHEMA: &str = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

#[test]
fn keys_in_another_case_are_the_same_keys() {
    let lower = format!(
        r#"{{"$schema": "{SCHEMA}", "resources": [{{"type": "Microsoft.Network/virtualNetworks", "name": "v",
  "properties": {{"addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
  "subnets": [{{"name": "s", "properties": {{"addressPrefix": "10.1.0.0/30"}}}}]}}}}]}}"#
    );
    let upper = lower
        .replace("$schema", "$Schema")
        .replace("\"resources\"", "\"Resources\"")
        .replace("\"type\"", "\"TYPE\"")
        .replace("\"name\"", "\"Name\"")
        .replace("properties", "Properties")
        .replace("addressSpace", "AddressSpace")
        .replace("subnets", "Subnets")
        .replace("addressPrefix", "AddressPrefix");
    let (code_lower, lower) = check(&lower);
    let (code_upper, upper) = check(&upper);
    assert_eq!((code_lower, code_upper), (Some(1), Some(1)));
    assert_eq!(rows(&upper), [("s".to_string(), "10.1.0.0/30".to_string())]);
    let rules = |v: &Value| findings(v).into_iter().map(|f| (f.0, f.2)).collect::<Vec<_>>();
    assert_eq!(rules(&upper), rules(&lower));
    assert_eq!(
        rules(&upper)[0],
        ("subnet-too-small".to_string(), "3:61".to_string())
    );
}

#[test]
fn a_division_by_zero_is_an_error_at_the_call() {
    let template = format!(
        r#"{{"$schema": "{SCHEMA}",
"variables": {{"octet": "[mod(256, sub(1, 1))]"}},
"resources": [{{"type": "Microsoft.Network/virtualNetworks", "name": "[concat('v', variables('octet'))]"}}]}}"#
    );
    let (code, v) = check(&template);
    assert_eq!(code, Some(1));
    let got = findings(&v);
    let errors: Vec<_> = got.iter().filter(|f| f.1 == "error").collect();
    assert_eq!(
        errors,
        [&(
            "plan-schema".to_string(),
            "error".to_string(),
            "2:26".to_string(),
            "`mod(256, 0)` divides by zero; ARM refuses the expression".to_string()
        )]
    );
}

#[test]
fn an_index_or_substring_past_the_end_is_an_error_and_only_a_note_on_a_default() {
    let template = format!(
        r#"{{"$schema": "{SCHEMA}",
"parameters": {{"hubId": {{"type": "string", "defaultValue": ""}}}},
"variables": {{"third": "[split('a/b', '/')[2]]", "cut": "[substring('vnet', 3, 2)]",
  "hubGroup": "[split(parameters('hubId'), '/')[4]]"}},
"resources": [{{"type": "Microsoft.Network/virtualNetworks",
  "name": "[concat(variables('third'), variables('cut'), variables('hubGroup'))]"}}]}}"#
    );
    let (code, v) = check(&template);
    assert_eq!(code, Some(1));
    let got = findings(&v);
    let at = |n: &str| {
        got.iter()
            .find(|f| f.3.contains(n))
            .unwrap_or_else(|| panic!("{n}: {got:?}"))
    };
    let index = at("index 2");
    assert_eq!(
        (index.0.as_str(), index.1.as_str(), index.2.as_str()),
        ("plan-schema", "error", "3:26")
    );
    assert_eq!(
        index.3,
        "index 2 of an array of length 2 is out of bounds; ARM refuses the expression"
    );
    let cut = at("substring");
    assert_eq!((cut.1.as_str(), cut.2.as_str()), ("error", "3:59"));
    // The hub's ID is a parameter whose default is empty: a deployment passes the real one.
    let hub = at("index 4");
    assert_eq!(
        (hub.0.as_str(), hub.1.as_str(), hub.2.as_str()),
        ("unresolved-input", "note", "4:17")
    );
    assert!(
        hub.3
            .starts_with("with the parameters' defaults, index 4 of an array of length 1"),
        "{}",
        hub.3
    );
    // Given a value, the same template reads it without a word.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(
        &path,
        template.replace(
            r#""defaultValue": """#,
            r#""defaultValue": "/subscriptions/s/resourceGroups/hub/providers/x/y/z""#,
        ),
    )
    .unwrap();
    let out = crate::common::cniplan(&["check", "--format", "json", path.to_str().unwrap()]);
    assert!(findings(&json(&out)).iter().all(|f| !f.3.contains("index 4")));
}

#[test]
fn a_subnet_and_a_pool_named_only_when_deployed_are_still_counted() {
    let template = format!(
        r#"{{"$schema": "{SCHEMA}", "resources": [
{{"type": "Microsoft.Network/virtualNetworks", "name": "v",
  "properties": {{"addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
  "subnets": [
    {{"name": "[reference('x').subnetName]", "properties": {{"addressPrefix": "10.1.0.0/24"}}}},
    {{"name": "b", "properties": {{"addressPrefix": "10.1.0.0/25"}}}}]}}}},
{{"type": "Microsoft.ContainerService/managedClusters", "name": "aks",
  "properties": {{"networkProfile": {{"networkPlugin": "azure"}},
  "agentPoolProfiles": [{{"name": "[reference('x').poolName]", "count": 3, "maxPods": 30, "mode": "System",
    "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'b')]"}}]}}}}]}}"#
    );
    let (code, v) = check(&template);
    assert_eq!(code, Some(1));
    // The nameless subnet takes its addresses: its overlap with `b` is found.
    let got = findings(&v);
    let overlap = got.iter().find(|f| f.0 == "subnet-overlap").expect("the overlap");
    assert_eq!(
        overlap.3.split(" (/subscriptions").next().unwrap(),
        "subnet `b` (10.1.0.0/25) overlaps subnet `[reference('x').subnetName]#1` (10.1.0.0/24) in VNet `v`"
    );
    assert_eq!(
        rows(&v),
        [
            (
                "[reference('x').subnetName]#1".to_string(),
                "10.1.0.0/24".to_string()
            ),
            ("b".to_string(), "10.1.0.0/25".to_string())
        ]
    );
    // The nameless pool's 3 nodes of 31 IPs (plus a surge node) are on `b`.
    let b = &v["files"][0]["subnets"][1];
    assert_eq!(b["peak_demand"], 124, "{b}");
    assert_eq!(b["pools"][0]["pool"], "[reference('x').poolName]#1");
    let notes: Vec<_> = got
        .iter()
        .filter(|f| f.0 == "assumed-value" && f.3.contains("called by the expression"))
        .collect();
    assert_eq!(notes.len(), 2, "{got:?}");
}

#[test]
fn a_refusal_reached_through_a_defaults_decision_is_a_note() {
    // `mode` defaults to 'a', which takes the branch that divides by zero; `n` defaults to
    // 3, one more than the list has. A deployment that passes other values is not refused.
    let template = format!(
        r#"{{"$schema": "{SCHEMA}",
"parameters": {{"mode": {{"type": "string", "defaultValue": "a"}}, "n": {{"type": "int", "defaultValue": 3}}}},
"variables": {{"names": ["x", "y"]}},
"resources": [{{"type": "Microsoft.Network/virtualNetworks", "name": "v",
  "properties": {{"addressSpace": {{"addressPrefixes": ["10.0.0.0/16"]}},
  "copy": [{{"name": "subnets", "count": "[parameters('n')]",
    "input": {{"name": "[variables('names')[copyIndex('subnets')]]", "properties": {{"addressPrefix": "[format('10.0.{{0}}.0/24', copyIndex('subnets'))]"}}}}}}],
  "dhcpOptions": {{"dnsServers": ["[if(equals(parameters('mode'), 'a'), string(div(10, 0)), '10.0.0.4')]"]}}}}}}]}}"#
    );
    let (code, v) = check(&template);
    assert_eq!(code, Some(0), "{:?}", findings(&v));
    let got = findings(&v);
    assert!(got.iter().all(|f| f.1 != "error"), "{got:?}");
    let refusals: Vec<_> = got
        .iter()
        .filter(|f| f.3.starts_with("with the parameters' defaults"))
        .map(|f| (f.2.as_str(), f.3.split(" (/subscriptions").next().unwrap()))
        .collect();
    assert_eq!(
        refusals,
        [
            ("7:25", "with the parameters' defaults, index 2 of an array of length 2 is out of bounds; ARM refuses the expression"),
            ("8:79", "with the parameters' defaults, `div(10, 0)` divides by zero; ARM refuses the expression"),
        ]
    );
}

#[test]
fn a_bracketed_value_in_a_parameters_file_is_a_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let template = format!(
        r#"{{"$schema": "{SCHEMA}",
"parameters": {{"prefix": {{"type": "string"}}}},
"resources": [{{"type": "Microsoft.Network/virtualNetworks", "name": "[substring(parameters('prefix'), 0, 12)]",
  "properties": {{"addressSpace": {{"addressPrefixes": ["10.0.0.0/16"]}}}}}}]}}"#
    );
    std::fs::write(dir.path().join("t.json"), template).unwrap();
    std::fs::write(
        dir.path().join("t.parameters.json"),
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {"prefix": {"value": "[prefix]"}}}"#,
    )
    .unwrap();
    let out = crate::common::cniplan(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let got = findings(&json(&out));
    assert!(got.iter().all(|f| f.1 == "note"), "{got:?}");
    assert!(
        got.iter()
            .any(|f| f.3.contains("the placeholder `[prefix]` in parameter `prefix`")),
        "{got:?}"
    );
}

#[test]
fn a_subnet_with_both_prefix_forms_says_which_it_reads() {
    let template = format!(
        r#"{{"$schema": "{SCHEMA}", "resources": [{{"type": "Microsoft.Network/virtualNetworks", "name": "v",
  "properties": {{"addressSpace": {{"addressPrefixes": ["10.0.0.0/16"]}}, "subnets": [
    {{"name": "same", "properties": {{"addressPrefix": "10.0.1.0/24", "addressPrefixes": ["10.0.1.0/24"]}}}},
    {{"name": "both", "properties": {{"addressPrefix": "10.0.2.0/24", "addressPrefixes": ["10.0.3.0/24", "10.0.4.0/24"]}}}}]}}}}]}}"#
    );
    let (code, v) = check(&template);
    assert_eq!(code, Some(0));
    let got: Vec<_> = findings(&v)
        .into_iter()
        .filter(|f| f.0 == "conflicting-declarations")
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "4:88");
    assert!(
        got[0]
            .3
            .starts_with("subnet `both` has both `addressPrefix` (10.0.2.0/24) and `addressPrefixes`"),
        "{got:?}"
    );
    assert_eq!(
        rows(&v),
        [
            ("same".to_string(), "10.0.1.0/24".to_string()),
            ("both".to_string(), "10.0.2.0/24".to_string())
        ]
    );
}

/// Two entries of one `agentPoolProfiles` list named `a` and `A` (one name to Azure), 2 and 3
/// nodes: before, the second replaced the first without a word. Now both are read and
/// `duplicate-name` names both places, as it does in a cniplan plan; each counts its nodes
/// and one surge node (AKS's 10% rounded up): 3 and 4 on `s`.
#[test]
fn one_pool_name_twice_in_agent_pool_profiles_is_a_duplicate_name() {
    let template = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-04-01", "name": "vnet",
     "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
       "subnets": [{"name": "s", "properties": {"addressPrefix": "10.0.1.0/24"}}]}},
    {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-05-01", "name": "aks",
     "properties": {"dnsPrefix": "aks",
       "networkProfile": {"networkPlugin": "azure", "serviceCidr": "172.16.0.0/16", "dnsServiceIP": "172.16.0.10"},
       "agentPoolProfiles": [
         {"name": "a", "count": 2, "mode": "System", "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 's')]"},
         {"name": "A", "count": 3, "mode": "User", "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 's')]"}
       ]}}
  ]
}"#;
    let (code, v) = check(template);
    assert_eq!(code, Some(1));
    let errors: Vec<_> = findings(&v).into_iter().filter(|f| f.1 == "error").collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (rule, _, at, message) = &errors[0];
    assert_eq!((rule.as_str(), at.as_str()), ("duplicate-name", "13:19"));
    assert!(
        message.starts_with("a second node pool of cluster `aks` is named `A`, which Azure takes for `a`"),
        "{message}"
    );
    let d = &v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-name")
        .unwrap()["related"][0];
    assert_eq!((&d["line"], &d["column"]), (&12.into(), &19.into()));
    let pools: Vec<(String, u64)> = v["files"][0]["subnets"][0]["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["pool"].as_str().unwrap().to_string(),
                p["peak_nodes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pools, [("a".to_string(), 3), ("A".to_string(), 4)]);
}

/// A variable that copies `range(0, 10000)` 800 times, flattened into the first VNet's name,
/// spends the evaluation budget; what comes after it (a literal /30 subnet) is left unknown,
/// so unchecked. That was a note and exit 0: a runaway loop let the gate pass. It is now an
/// error where the budget ran out (at `range(`), as in Terraform: one budget, one severity.
#[test]
fn a_template_that_spends_the_evaluation_budget_does_not_pass_the_gate() {
    let template = r#"{
 "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "contentVersion": "1.0.0.0",
 "variables": {"copy": [{"name": "big", "count": 800, "input": "[range(0, 10000)]"}]},
 "resources": [
  {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01",
   "name": "[concat('a', string(length(flatten(variables('big')))))]",
   "properties": {"addressSpace": {"addressPrefixes": ["10.2.0.0/16"]}}},
  {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "v",
   "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
    "subnets": [{"name": "s", "properties": {"addressPrefix": "10.1.0.0/30"}}]}}
 ]
}"#;
    let (code, v) = check(template);
    assert_eq!(code, Some(1));
    let errors: Vec<_> = findings(&v).into_iter().filter(|f| f.1 == "error").collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (rule, _, at, message) = &errors[0];
    assert_eq!((rule.as_str(), at.as_str()), ("plan-schema", "4:66"), "{message}");
    assert!(
        message.starts_with("evaluating the template took more than 4,000,000 steps; cniplan stopped here"),
        "{message}"
    );
}

/// `json('{"a": 1}').b` reads a property the object does not have: ARM refuses the template
/// ("The language expression property 'b' doesn't exist"), so it is an error at the
/// expression, as a division by zero is. `resourceGroup().tags` is not: cniplan's
/// `resourceGroup()` holds only part of what Azure returns, so a property it lacks is
/// unknown, a note. Before, both were notes.
#[test]
fn a_property_the_object_does_not_have_is_refused_unless_cniplan_models_only_part_of_it() {
    let template = r#"{
 "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "contentVersion": "1.0.0.0",
 "resources": [
  {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "v",
   "tags": {"owner": "[resourceGroup().tags.owner]"},
   "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
    "subnets": [{"name": "[json('{\"a\": 1}').b]", "properties": {"addressPrefix": "10.1.0.0/24"}}]}}
 ]
}"#;
    let (code, v) = check(template);
    assert_eq!(code, Some(1));
    let errors: Vec<_> = findings(&v).into_iter().filter(|f| f.1 == "error").collect();
    assert_eq!(
        errors,
        [(
            "plan-schema".to_string(),
            "error".to_string(),
            "8:26".to_string(),
            "the property `b`, which the object does not have; ARM refuses the expression".to_string()
        )]
    );
}
