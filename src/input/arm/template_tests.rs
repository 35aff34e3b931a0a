//! The template semantics the reader implements, each on a small template: loops, nested
//! deployments and their scopes, outputs, cycles, unknowns and ARM's own limits.

use crate::diagnostic::{Finding, Rule};
use crate::input::{Format, Input};
use crate::plan::Plan;
use crate::source::SourceFile;

const SCHEMA: &str = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

/// Reads a template (its `resources` and the rest given as JSON object members).
fn read_with(members: &str, parameters: &[&str]) -> (Plan, Vec<Finding>) {
    let mut sources = vec![SourceFile::new(
        "t.json",
        format!("{{\"$schema\": \"{SCHEMA}\", {members}}}"),
    )];
    sources.extend(
        parameters
            .iter()
            .enumerate()
            .map(|(i, p)| SourceFile::new(format!("p{i}.json"), format!("{{\"parameters\": {p}}}"))),
    );
    let input = Input {
        sources,
        format: Format::Arm,
    };
    match crate::input::read(&input) {
        Ok(loaded) => (loaded.plan, loaded.notes),
        Err(findings) => panic!("does not load: {findings:?}"),
    }
}

fn read(members: &str) -> (Plan, Vec<Finding>) {
    read_with(members, &[])
}

fn subnets(plan: &Plan) -> Vec<String> {
    plan.vnets
        .iter()
        .flat_map(|v| {
            v.subnets
                .iter()
                .map(move |s| format!("{}/{} {}", v.name.value, s.name.value, s.cidr.value))
        })
        .collect()
}

fn rules(findings: &[Finding]) -> Vec<Rule> {
    findings.iter().map(|f| f.rule).collect()
}

const VNET_LOOP: &str = r#"
    "parameters": {"count": {"type": "int", "defaultValue": 3}},
    "resources": [{
        "type": "Microsoft.Network/virtualNetworks",
        "name": "[concat('vnet-', copyIndex(1))]",
        "copy": {"name": "vnets", "count": "[parameters('count')]"},
        "properties": {
            "addressSpace": {"addressPrefixes": ["[format('10.{0}.0.0/16', copyIndex())]"]},
            "copy": [{
                "name": "subnets",
                "count": 2,
                "input": {
                    "name": "[concat('s', copyIndex('subnets'))]",
                    "properties": {"addressPrefix": "[cidrSubnet(format('10.{0}.0.0/16', copyIndex()), 24, copyIndex('subnets'))]"}
                }
            }]
        }
    }]"#;

#[test]
fn resource_and_property_copy_loops_expand() {
    let (plan, findings) = read(VNET_LOOP);
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        subnets(&plan),
        [
            "vnet-1/s0 10.0.0.0/24",
            "vnet-1/s1 10.0.1.0/24",
            "vnet-2/s0 10.1.0.0/24",
            "vnet-2/s1 10.1.1.0/24",
            "vnet-3/s0 10.2.0.0/24",
            "vnet-3/s1 10.2.1.0/24"
        ]
    );
    // A parameters file changes the count; later files win.
    let (plan, _) = read_with(
        VNET_LOOP,
        &[r#"{"count": {"value": 5}}"#, r#"{"Count": {"value": 1}}"#],
    );
    assert_eq!(plan.vnets.len(), 1);
}

#[test]
fn a_copy_count_arm_refuses_is_a_finding_not_a_loop() {
    let members = VNET_LOOP.replace("\"[parameters('count')]\"", "1000000000");
    let (plan, findings) = read(&members);
    assert!(plan.vnets.is_empty());
    assert_eq!(rules(&findings), [Rule::PlanSchema]);
    assert!(
        findings[0].message.contains("1000000000 iterations"),
        "{}",
        findings[0].message
    );
    // At the count as written (file 0 holds `{"$schema": …, ` before the members).
    let span = findings[0].span.expect("located");
    let text = format!("{{\"$schema\": \"{SCHEMA}\", {members}}}");
    assert_eq!(&text[span.start..span.end], "1000000000");
}

#[test]
fn circular_variables_are_a_finding_where_the_cycle_closes() {
    let (plan, findings) = read(
        r#"
        "variables": {"a": "[variables('b')]", "b": "[concat(variables('a'), '/16')]"},
        "resources": [{
            "type": "Microsoft.Network/virtualNetworks", "name": "v",
            "properties": {"addressSpace": {"addressPrefixes": ["[variables('a')]"]}}
        }]"#,
    );
    assert_eq!(plan.vnets.len(), 1);
    assert!(findings
        .iter()
        .any(|f| f.rule == Rule::PlanSchema && f.message.contains("refers to itself")));
    // The VNet's address space is then unknown, and said so.
    assert!(findings.iter().any(|f| f.rule == Rule::UnresolvedInput));
}

#[test]
fn an_unknown_function_is_one_note_per_resource_naming_it() {
    let (plan, findings) = read(
        r#"
        "resources": [
            {"type": "Microsoft.Network/virtualNetworks", "name": "v",
             "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                            "subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/22"}}]}},
            {"type": "Microsoft.ContainerService/managedClusters", "name": "aks",
             "properties": {"agentPoolProfiles": [{
                 "name": "p", "count": 1,
                 "maxPods": "[frobnicate(30)]",
                 "osType": "[frobnicate('Linux')]",
                 "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'nodes')]"
             }]}}
        ]"#,
    );
    assert_eq!(plan.clusters[0].node_pools.value.len(), 1);
    // One note for the pool (the cluster's own is for the service CIDR it leaves to AKS).
    let notes: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == Rule::AssumedValue && f.message.contains("agent pool"))
        .collect();
    assert_eq!(notes.len(), 1, "{findings:?}");
    assert!(notes[0].message.contains("`frobnicate()`"));
    assert!(notes[0].message.contains("`maxPods`") && notes[0].message.contains("`osType`"));
}

#[test]
fn nested_deployments_pass_parameters_in_inner_scope_and_share_them_in_outer() {
    let nested = |scope: &str| {
        format!(
            r#"
        "parameters": {{"prefix": {{"type": "string", "defaultValue": "10.9.0.0/16"}}}},
        "variables": {{"name": "outer-vnet"}},
        "resources": [{{
            "type": "Microsoft.Resources/deployments", "name": "net",
            "resourceGroup": "rg-net",
            "properties": {{
                "expressionEvaluationOptions": {{"scope": "{scope}"}},
                "parameters": {{"prefix": {{"value": "10.7.0.0/16"}}}},
                "template": {{
                    "parameters": {{"prefix": {{"type": "string"}}}},
                    "variables": {{"name": "inner-vnet"}},
                    "resources": [{{
                        "type": "Microsoft.Network/virtualNetworks", "name": "[variables('name')]",
                        "properties": {{"addressSpace": {{"addressPrefixes": ["[parameters('prefix')]"]}}}}
                    }}]
                }}
            }}
        }}]"#
        )
    };
    let (plan, findings) = read(&nested("inner"));
    assert!(findings.is_empty(), "{findings:?}");
    let vnet = &plan.vnets[0];
    assert_eq!(
        (
            vnet.name.value.as_str(),
            vnet.address_space.value[0].value.as_str()
        ),
        ("inner-vnet", "10.7.0.0/16")
    );
    // The nested deployment's resource group is where its resources land.
    assert_eq!(
        vnet.resource_group.as_ref().map(|g| g.value.as_str()),
        Some("rg-net")
    );
    let (plan, _) = read(&nested("outer"));
    let vnet = &plan.vnets[0];
    assert_eq!(
        (
            vnet.name.value.as_str(),
            vnet.address_space.value[0].value.as_str()
        ),
        ("outer-vnet", "10.9.0.0/16")
    );
}

#[test]
fn outputs_of_a_nested_deployment_link_a_pool_to_its_subnet() {
    let (plan, findings) = read(
        r#"
        "resources": [
            {"type": "Microsoft.Resources/deployments", "name": "network",
             "properties": {
                "expressionEvaluationOptions": {"scope": "inner"},
                "template": {
                    "resources": [{"type": "Microsoft.Network/virtualNetworks", "name": "v",
                        "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                                       "subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/22"}}]}}],
                    "outputs": {"subnetId": {"type": "string",
                        "value": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'nodes')]"}}
                }}},
            {"type": "Microsoft.ContainerService/managedClusters", "name": "aks",
             "properties": {"networkProfile": {"serviceCidr": "172.16.0.0/16", "dnsServiceIP": "172.16.0.10"},
                "agentPoolProfiles": [{"name": "p", "count": 1, "maxPods": 30,
                "upgradeSettings": {"maxSurge": "1"},
                "vnetSubnetID": "[reference(resourceId('Microsoft.Resources/deployments', 'network'), '2022-09-01').outputs.subnetId.value]"}]}}
        ]"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    let pool = &plan.clusters[0].node_pools.value[0];
    assert!(
        pool.vnet_subnet
            .value
            .ends_with("/virtualNetworks/v/subnets/nodes"),
        "{}",
        pool.vnet_subnet.value
    );
}

#[test]
fn language_version_2_resources_are_an_object_and_existing_ones_are_skipped() {
    let (plan, findings) = read(
        r#"
        "languageVersion": "2.0",
        "resources": {
            "hub": {"existing": true, "type": "Microsoft.Network/virtualNetworks", "name": "hub"},
            "spoke": {"type": "Microsoft.Network/virtualNetworks", "name": "spoke",
                      "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}}}
        }"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    let names: Vec<&str> = plan.vnets.iter().map(|v| v.name.value.as_str()).collect();
    assert_eq!(names, ["spoke"]);
}

#[test]
fn names_and_functions_match_without_case_and_double_brackets_stay_text() {
    let (plan, findings) = read(
        r#"
        "parameters": {"VnetName": {"type": "string", "defaultValue": "v"}},
        "resources": [{"type": "microsoft.network/VIRTUALNETWORKS", "name": "[PARAMETERS('vnetname')]",
            "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                           "subnets": [{"name": "[[not-an-expression]", "properties": {"addressPrefix": "[ToLower('10.0.0.0/24')]"}}]}}]"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(subnets(&plan), ["v/[not-an-expression] 10.0.0.0/24"]);
}

#[test]
fn conditions_decide_what_is_deployed() {
    let (plan, findings) = read(
        r#"
        "parameters": {"deploy": {"type": "bool", "defaultValue": false}, "maybe": {"type": "bool"}},
        "resources": [
            {"condition": "[parameters('deploy')]", "type": "Microsoft.Network/virtualNetworks", "name": "off",
             "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}},
            {"condition": "[parameters('maybe')]", "type": "Microsoft.Network/virtualNetworks", "name": "unknown",
             "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}}}
        ]"#,
    );
    let names: Vec<&str> = plan.vnets.iter().map(|v| v.name.value.as_str()).collect();
    assert_eq!(names, ["unknown"]);
    assert_eq!(rules(&findings), [Rule::AssumedValue]);
    assert!(findings[0].message.contains("assumed deployed"));
}

#[test]
fn child_resources_declared_inside_and_beside_their_vnet() {
    let (plan, findings) = read(
        r#"
        "resources": [
            {"type": "Microsoft.Network/virtualNetworks", "name": "v",
             "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}},
             "resources": [{"type": "subnets", "name": "inside", "properties": {"addressPrefix": "10.0.1.0/24"}}]},
            {"type": "Microsoft.Network/virtualNetworks/subnets", "name": "v/beside",
             "properties": {"addressPrefix": "10.0.2.0/24"}}
        ]"#,
    );
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(subnets(&plan), ["v/inside 10.0.1.0/24", "v/beside 10.0.2.0/24"]);
}

#[test]
fn expressions_that_do_not_parse_and_undeclared_names_are_located() {
    let members = r#"
        "resources": [{"type": "Microsoft.Network/virtualNetworks", "name": "v",
            "properties": {"addressSpace": {"addressPrefixes": ["[concat('10.0.0.0/16']", "[parameters('nope')]"]}}}]"#;
    let (_, findings) = read(members);
    let schema: Vec<&Finding> = findings.iter().filter(|f| f.rule == Rule::PlanSchema).collect();
    assert_eq!(schema.len(), 2, "{findings:?}");
    assert!(schema.iter().any(|f| f.message.contains("does not parse")));
    assert!(schema.iter().any(|f| f.message.contains("no parameter `nope`")));
}

#[test]
fn parameters_files_may_not_set_what_the_template_does_not_declare() {
    let (_, findings) = read_with(VNET_LOOP, &[r#"{"cuont": {"value": 2}}"#]);
    assert_eq!(rules(&findings), [Rule::PlanSchema]);
    assert!(
        findings[0].message.contains("did you mean `count`"),
        "{}",
        findings[0].message
    );
    assert_eq!(findings[0].span.map(|s| s.file), Some(1));
}

#[test]
fn exponential_templates_stop_at_the_caps() {
    // Each variable doubles the last: 2^60 characters if nothing stopped it.
    let mut vars = vec![r#""v0": "xxxxxxxxxxxxxxxx""#.to_string()];
    for i in 1..60 {
        vars.push(format!(
            r#""v{i}": "[concat(variables('v{}'), variables('v{}'))]""#,
            i - 1,
            i - 1
        ));
    }
    let members = format!(
        r#""variables": {{{}}}, "resources": [{{"type": "Microsoft.Network/virtualNetworks", "name": "[variables('v59')]",
            "properties": {{"addressSpace": {{"addressPrefixes": ["10.0.0.0/16"]}}}}}}]"#,
        vars.join(", ")
    );
    let (plan, findings) = read(&members);
    assert_eq!(plan.vnets.len(), 1);
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("cniplan evaluates strings of at most 1 MiB")),
        "{findings:?}"
    );
}
