//! Terraform's JSON syntax (`*.tf.json`) and override files (`override.tf`,
//! `*_override.tf` and their JSON forms), issue 22 and docs/terraform.md: read as Terraform
//! reads them, findings on the line and column of the file that wrote the value.

use cniplan::check;
use cniplan::input::terraform::hcl;
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use std::path::Path;

fn check_dir(relative: &str) -> check::FileReport {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(relative);
    let (sources, _) = hcl::read_dir(&dir, &[]).expect("the directory reads");
    check::run(
        Input {
            sources,
            format: Format::Terraform,
        },
        &Default::default(),
    )
    .report
}

/// A configuration of in-memory files (`(name, text)`), checked.
fn check_files(files: &[(&str, &str)]) -> check::FileReport {
    let mut sources = vec![SourceFile::new("cfg", "")];
    sources.extend(files.iter().map(|(n, t)| SourceFile::new(format!("cfg/{n}"), *t)));
    check::run(
        Input {
            sources,
            format: Format::Terraform,
        },
        &Default::default(),
    )
    .report
}

/// `vnet/name cidr role usable baseline peak` of each capacity row.
fn rows(report: &check::FileReport) -> Vec<String> {
    report
        .subnets
        .iter()
        .map(|r| {
            format!(
                "{}/{} {} {} {} {} {}",
                r.vnet.as_deref().unwrap_or("-"),
                r.name,
                r.cidr,
                r.role,
                r.usable,
                r.baseline_demand,
                r.peak_demand
            )
        })
        .collect()
}

/// `FILE:LINE:COLUMN rule` of each finding, the file by its name.
fn located(report: &check::FileReport) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let span = f.span.expect("located");
            let source = report.source_of(span.file);
            let name = source.path.rsplit('/').next().unwrap_or_default();
            format!("{name}:{} {}", source.position(span.start), f.rule.name())
        })
        .collect()
}

/// The text a finding points at.
fn pointed(report: &check::FileReport, i: usize) -> String {
    let span = report.findings[i].span.unwrap();
    report.source_of(span.file).text[span.start..span.end].to_string()
}

/// The fixture: a VNet, `count` subnets and a cluster in `main.tf.json`, a pool in a local
/// module's `main.tf.json`. Templates give values (`"${length(local.names)}"` is 2), a
/// variable's `type` is a type and its `default` a literal, `default_node_pool` is written as
/// an object. The user pool's 250 pods a node cannot fit the /24 pod subnet: the error points
/// at the prefix in the JSON.
#[test]
fn a_tf_json_configuration_reads_as_worked_out_by_hand() {
    let report = check_dir("fixtures/terraform/tfjson");
    // system: 3 nodes × (30 + 1) = 93 pod IPs; user: 4 nodes × (250 + 1) = 1,004; peak adds
    // the larger surge of one pool, a user node: 251.
    assert_eq!(
        rows(&report),
        [
            "aks-vnet/nodes 10.40.0.0/24 node 251 7 8",
            "aks-vnet/pods 10.40.1.0/24 pod 251 1097 1348"
        ]
    );
    assert_eq!(located(&report), ["main.tf.json:27:30 pod-subnet-exhausted"]);
    assert_eq!(
        pointed(&report, 0),
        "\"${cidrsubnet(local.space, 8, count.index)}\""
    );
}

/// The fixture: `override.tf` raises a variable's default, replaces the default pool's block
/// whole (its `max_pods` and `upgrade_settings` are gone, so AKS's defaults are assumed, at
/// the override's block) and the network profile; `net_override.tf.json` overrides a local
/// and one attribute of a subnet.
#[test]
fn override_files_merge_as_terraform_merges_them() {
    let report = check_dir("fixtures/terraform/overrides");
    assert_eq!(
        rows(&report),
        [
            "vnet-over/nodes-small 10.50.8.0/26 node 59 5 6",
            "-/aks-over/pod_cidr 100.64.0.0/16 pod-cidr 256 5 6"
        ]
    );
    assert_eq!(
        located(&report),
        ["override.tf:8:3 assumed-value", "override.tf:8:3 assumed-value"]
    );
}

const BASE: &str = r#"
variable "size" {
  default = 1
}

resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]

  subnet {
    name             = "a"
    address_prefixes = ["10.0.1.0/24"]
  }
  subnet {
    name             = "b"
    address_prefixes = ["10.0.2.0/24"]
  }
}
"#;

/// Nested blocks of a type are replaced whole: two inline subnets become the one of the
/// override, whatever their names.
#[test]
fn nested_blocks_of_a_type_are_replaced_whole() {
    let report = check_files(&[
        ("main.tf", BASE),
        (
            "z_override.tf",
            "resource \"azurerm_virtual_network\" \"v\" {\n  subnet {\n    name             = \"c\"\n    address_prefixes = [\"10.0.3.0/24\"]\n  }\n}\n",
        ),
    ]);
    assert_eq!(rows(&report), ["v/c 10.0.3.0/24 unused 251 0 0"]);
    assert!(report.findings.is_empty(), "{:?}", located(&report));
}

/// A `dynamic` block in an override replaces the static blocks of the type it makes.
#[test]
fn a_dynamic_block_replaces_the_static_blocks_of_its_type() {
    let report = check_files(&[
        ("main.tf", BASE),
        (
            "override.tf.json",
            r#"{"resource": {"azurerm_virtual_network": {"v": {"dynamic": {"subnet": {
                "for_each": "${{x = \"10.0.8.0/24\", y = \"10.0.9.0/25\"}}",
                "content": {"name": "${subnet.key}", "address_prefixes": ["${subnet.value}"]}}}}}}}"#,
        ),
    ]);
    assert_eq!(
        rows(&report),
        ["v/x 10.0.8.0/24 unused 251 0 0", "v/y 10.0.9.0/25 unused 123 0 0"]
    );
}

/// Override files apply after every primary file, in name order: the last one wins.
#[test]
fn later_override_files_win() {
    let report = check_files(&[
        (
            "a_override.tf",
            "resource \"azurerm_virtual_network\" \"v\" {\n  address_space = [\"10.1.0.0/16\"]\n}\n",
        ),
        (
            "b_override.tf",
            "resource \"azurerm_virtual_network\" \"v\" {\n  address_space = [\"10.0.0.0/8\"]\n}\n",
        ),
        ("main.tf", BASE),
    ]);
    assert!(report.findings.is_empty(), "{:?}", located(&report));
    let report_b = check_files(&[
        (
            "a_override.tf",
            "resource \"azurerm_virtual_network\" \"v\" {\n  address_space = [\"10.9.0.0/16\"]\n}\n",
        ),
        ("main.tf", BASE),
    ]);
    // Outside 10.9.0.0/16, each subnet is reported where it is written.
    let got = located(&report_b);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|g| g.starts_with("main.tf:") && g.ends_with("subnet-outside-vnet")),
        "{got:?}"
    );
}

/// Terraform refuses an override of what no primary file declares; cniplan says so where it
/// is written, and reads the rest.
#[test]
fn an_override_of_nothing_is_terraforms_error() {
    let report = check_files(&[
        ("main.tf", BASE),
        (
            "override.tf",
            "resource \"azurerm_subnet\" \"ghost\" {\n  name = \"g\"\n}\n\nlocals {\n  nothing = 1\n}\n",
        ),
    ]);
    assert_eq!(
        located(&report),
        ["override.tf:1:1 plan-schema", "override.tf:6:3 plan-schema"]
    );
    assert!(report.findings[0]
        .message
        .contains("missing base resource to override"));
    assert_eq!(rows(&report).len(), 2);
}

/// A module call's `source` and arguments are overridden one by one.
#[test]
fn module_calls_are_overridden_argument_by_argument() {
    let module = "variable \"prefix\" {}\nvariable \"space\" {}\nresource \"azurerm_virtual_network\" \"m\" {\n  name                = \"m\"\n  resource_group_name = \"rg\"\n  location            = \"westeurope\"\n  address_space       = [var.space]\n  subnet {\n    name             = \"s\"\n    address_prefixes = [var.prefix]\n  }\n}\n";
    let report = check_files(&[
        ("main.tf", "module \"net\" {\n  source = \"./old\"\n  prefix = \"10.0.0.0/24\"\n  space  = \"10.0.0.0/16\"\n}\n"),
        ("override.tf", "module \"net\" {\n  source = \"./new\"\n  prefix = \"10.0.0.0/26\"\n}\n"),
        ("new/main.tf", module),
    ]);
    assert!(report.findings.is_empty(), "{:?}", located(&report));
    assert_eq!(rows(&report), ["m/s 10.0.0.0/26 unused 59 0 0"]);
}

/// What Terraform refuses in JSON syntax is located in the JSON: a file cut short, an
/// expression that is no HCL, a block type it does not know.
#[test]
fn bad_json_syntax_is_located_in_the_json() {
    let report = check_files(&[(
        "main.tf.json",
        "{\"resource\": {\"azurerm_subnet\": {\"s\": {\"name\": ",
    )]);
    assert_eq!(located(&report), ["main.tf.json:1:48 plan-syntax"]);
    let report = check_files(&[(
        "main.tf.json",
        "{\n  \"locals\": {\n    \"x\": \"${var.}\"\n  }\n}\n",
    )]);
    let got = located(&report);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("main.tf.json:3:") && got[0].ends_with("plan-syntax"),
        "{got:?}"
    );
    let report = check_files(&[("main.tf.json", "{\"resources\": {}}")]);
    assert_eq!(located(&report), ["main.tf.json:1:2 plan-schema"]);
}

/// AzAPI in JSON syntax: a body as an object, and as `"${jsonencode({...})}"` (every
/// expression in `.tf.json` is a string), whose subnet ID links through its reference.
#[test]
fn azapi_resources_in_json_syntax_are_read() {
    let report = check_files(&[(
        "main.tf.json",
        r#"{"resource": {"azapi_resource": {
  "vnet": {"type": "Microsoft.Network/virtualNetworks@2024-05-01", "name": "v", "parent_id": "/subscriptions/s/resourceGroups/rg",
           "body": {"properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}}}},
  "nodes": {"type": "Microsoft.Network/virtualNetworks/subnets@2024-05-01", "name": "nodes", "parent_id": "${azapi_resource.vnet.id}",
           "body": {"properties": {"addressPrefix": "10.1.2.0/24"}}},
  "aks": {"type": "Microsoft.ContainerService/managedClusters@2025-05-01", "name": "aks", "parent_id": "/subscriptions/s/resourceGroups/rg",
          "body": "${jsonencode({properties = {networkProfile = {networkPlugin = \"azure\", networkPluginMode = \"overlay\", serviceCidr = \"10.2.0.0/16\", dnsServiceIP = \"10.2.0.10\", podCidr = \"10.244.0.0/16\"}, agentPoolProfiles = [{name = \"sys\", count = 3, maxPods = 250, upgradeSettings = {maxSurge = \"1\"}, vnetSubnetID = azapi_resource.nodes.id}]}})}"}
}}}"#,
    )]);
    assert!(report.findings.is_empty(), "{:?}", located(&report));
    assert_eq!(
        rows(&report),
        [
            "v/nodes 10.1.2.0/24 node 251 3 4",
            "-/aks/pod_cidr 10.244.0.0/16 pod-cidr 256 3 4"
        ]
    );
}
