//! AzAPI resources (issue 22, docs/terraform.md#azapi): `azapi_resource` and
//! `azapi_update_resource` of VNets, subnets, peerings, clusters and pools, read from `.tf`
//! configurations as the Azure resources their bodies are. The plan JSON side is
//! `tests/fixtures/terraform/azapi-*.tfplan.json` (run by `tests/suite/terraform.rs`) and the real
//! configurations are in `tests/suite/terraform_cli.rs`.

use cniplan::check;
use cniplan::diagnostic::{Rule, Severity};
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;

/// A configuration of one `main.tf`, checked.
fn check_tf(main: &str) -> check::FileReport {
    let sources = vec![SourceFile::new("cfg", ""), SourceFile::new("cfg/main.tf", main)];
    let input = Input {
        sources,
        format: Format::Terraform,
    };
    check::run(input, &Default::default()).report
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

/// `LINE:COLUMN rule: message` of each finding.
fn findings(report: &check::FileReport) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let at = f.span.map_or_else(String::new, |s| {
                let source = report.source_of(s.file);
                source.position(s.start).to_string()
            });
            format!("{at} {}: {}", f.rule.name(), f.message)
        })
        .collect()
}

const VNET: &str = r#"
resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}

resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "vnet"
  parent_id = azurerm_resource_group.rg.id
  body = {
    properties = {
      addressSpace = { addressPrefixes = ["10.0.0.0/16"] }
      subnets = [
        { name = "a", properties = { addressPrefix = "10.0.1.0/24" } },
        { name = "b", properties = { addressPrefix = "10.0.2.0/24" } },
      ]
    }
  }
}
"#;

/// The fixture: a VNet with an inline subnet, `for_each` child subnets, a cluster whose body
/// is `jsonencode()` of an object, a pool in a local module, a patch of the inline subnet.
#[test]
fn the_fixture_reads_as_worked_out_by_hand() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/terraform/azapi");
    let (sources, read) = cniplan::input::terraform::hcl::read_dir(std::path::Path::new(dir), &[]).unwrap();
    assert!(read.is_ok());
    let report = check::run(
        Input {
            sources,
            format: Format::Terraform,
        },
        &Default::default(),
    )
    .report;
    assert_eq!(findings(&report), Vec::<String>::new());
    // Dynamic (a pod subnet): a node takes 1 IP of its node subnet and maxPods + 1 of the
    // pod subnet. system: 3 nodes, surge ceil(33 % × 3) = 1; user: 2..10, surge 1. The pod
    // subnet: 3 × 31 + 2 × 51 = 195 at baseline; at peak 3 × 31 + 10 × 51 and the larger
    // surge of one pool, 51: 654.
    assert_eq!(
        rows(&report),
        [
            "vnet-azapi/ingress 10.20.255.0/24 unused 251 0 0",
            "vnet-azapi/pods 10.20.64.0/18 pod 16379 195 654",
            "vnet-azapi/system 10.20.0.0/24 node 251 3 4",
            "vnet-azapi/user 10.20.1.0/26 node 59 2 11",
        ]
    );
    let pools: Vec<(String, String)> = report
        .subnets
        .iter()
        .flat_map(|r| r.pools.iter().map(|p| (p.pool.clone(), p.mode.to_string())))
        .collect();
    assert!(pools.iter().all(|(_, mode)| mode == "dynamic"), "{pools:?}");
}

/// `azapi_update_resource` patches what exists: a new prefix for a subnet is the subnet's
/// prefix, not a second declaration of it.
#[test]
fn a_patch_is_merged_and_is_no_conflict() {
    let report = check_tf(&format!(
        r#"{VNET}
resource "azapi_update_resource" "b" {{
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "b"
  parent_id = azapi_resource.vnet.id
  body      = {{ properties = {{ addressPrefix = "10.0.2.0/25" }} }}
}}
"#
    ));
    assert_eq!(findings(&report), Vec::<String>::new());
    assert_eq!(
        rows(&report),
        [
            "vnet/a 10.0.1.0/24 unused 251 0 0",
            "vnet/b 10.0.2.0/25 unused 123 0 0"
        ]
    );
}

/// One resource ID is one subnet: inline in its VNet and again as a child resource with
/// another prefix, the two fight on every apply (the AzAPI FAQ says so too).
#[test]
fn a_subnet_inline_and_as_a_child_with_another_prefix_conflicts() {
    let report = check_tf(&format!(
        r#"{VNET}
resource "azapi_resource" "b" {{
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "b"
  parent_id = azapi_resource.vnet.id
  body      = {{ properties = {{ addressPrefix = "10.0.3.0/24" }} }}
}}
"#
    ));
    let got = findings(&report);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("conflicting-declarations"), "{got:?}");
    // At the child's prefix, which ARM deploys after the VNet.
    assert!(got[0].starts_with("26:48 "), "{got:?}");
    assert_eq!(
        rows(&report),
        [
            "vnet/a 10.0.1.0/24 unused 251 0 0",
            "vnet/b 10.0.3.0/24 unused 251 0 0"
        ]
    );
}

/// azurerm pools link to AzAPI subnets, AzAPI pools to azurerm subnets.
#[test]
fn azurerm_and_azapi_resources_link_both_ways() {
    let report = check_tf(&format!(
        r#"{VNET}
resource "azapi_resource" "c" {{
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "c"
  parent_id = azapi_resource.vnet.id
  body      = {{ properties = {{ addressPrefix = "10.0.3.0/28" }} }}
}}

resource "azurerm_virtual_network" "other" {{
  name                = "other"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}}

resource "azurerm_subnet" "d" {{
  name                 = "d"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.other.name
  address_prefixes     = ["10.1.0.0/27"]
}}

resource "azurerm_kubernetes_cluster" "k" {{
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
  kubernetes_version  = "1.33"
  default_node_pool {{
    name           = "sys"
    node_count     = 2
    max_pods       = 30
    vm_size        = "Standard_D2s_v5"
    vnet_subnet_id = azapi_resource.c.id
    upgrade_settings {{
      max_surge = "1"
    }}
  }}
  network_profile {{
    network_plugin = "azure"
    service_cidr   = "10.2.0.0/16"
    dns_service_ip = "10.2.0.10"
  }}
}}

resource "azapi_resource" "pool" {{
  type      = "Microsoft.ContainerService/managedClusters/agentPools@2025-05-01"
  name      = "user"
  parent_id = azurerm_kubernetes_cluster.k.id
  body = {{
    properties = {{
      count        = 2
      maxPods      = 30
      osType       = "Linux"
      vnetSubnetID = azurerm_subnet.d.id
      upgradeSettings = {{ maxSurge = "1" }}
    }}
  }}
}}
"#
    ));
    let rows = rows(&report);
    // Traditional Azure CNI, 30 pods: 31 IPs a node. c: 11 usable, 2 nodes (62) — out of
    // room. The AzAPI pool's cluster is azurerm's: the pool is not read, and said so.
    assert!(
        rows.contains(&"vnet/c 10.0.3.0/28 node+pod 11 62 93".to_string()),
        "{rows:?}"
    );
    let got = findings(&report);
    assert!(
        got.iter().any(|f| f.contains(
            "azapi_resource.pool: its cluster is `azurerm_kubernetes_cluster.k`, an azurerm cluster"
        )),
        "{got:?}"
    );
}

/// An AzAPI subnet of an azurerm VNet is that VNet's subnet: checked against its address
/// space, not a second VNet of the same name.
#[test]
fn an_azapi_subnet_of_an_azurerm_vnet_belongs_to_it() {
    let report = check_tf(
        r#"
resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
}

resource "azapi_resource" "s" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "s"
  parent_id = azurerm_virtual_network.v.id
  body      = { properties = { addressPrefix = "10.1.1.0/24" } }
}
"#,
    );
    assert_eq!(rows(&report), ["v/s 10.1.1.0/24 unused 251 0 0"]);
    // Outside the VNet's 10.0.0.0/16: the azurerm VNet's own check, at the AzAPI prefix.
    let got = findings(&report);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("13:48 subnet-outside-vnet"), "{got:?}");
}

/// A body that is a string of invalid JSON is refused where it is written.
#[test]
fn a_body_of_invalid_json_is_a_located_error() {
    let report = check_tf(
        r#"
resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "vnet"
  parent_id = "/subscriptions/s/resourceGroups/rg"
  body      = "{\"properties\": {\"addressSpace\": "
}
"#,
    );
    let got = findings(&report);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("6:15 plan-schema: azapi_resource.vnet: `body` is a string that is not JSON"),
        "{got:?}"
    );
    assert_eq!(report.findings[0].severity, Severity::Error);
}

/// Parents that name each other are Terraform's cycle, reported where it closes; the rest
/// is read and nothing loops.
#[test]
fn a_parent_id_cycle_ends_in_a_finding() {
    let report = check_tf(
        r#"
resource "azapi_resource" "a" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "a"
  parent_id = azapi_resource.b.id
  body      = { properties = { addressSpace = { addressPrefixes = ["10.0.0.0/16"] } } }
}

resource "azapi_resource" "b" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "b"
  parent_id = azapi_resource.a.id
  body      = { properties = { addressPrefix = "10.0.0.0/24" } }
}
"#,
    );
    let rules: Vec<Rule> = report.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&Rule::PlanSchema), "{:?}", findings(&report));
    assert!(
        findings(&report).iter().any(|f| f.contains("cycle")),
        "{:?}",
        findings(&report)
    );
}

/// A pool whose subnet ID is built from its VNet's ID names one of several subnets:
/// cniplan does not guess which.
#[test]
fn a_subnet_id_built_from_a_vnet_with_several_subnets_is_noted() {
    let report = check_tf(&format!(
        r#"{VNET}
resource "azapi_resource" "aks" {{
  type      = "Microsoft.ContainerService/managedClusters@2025-05-01"
  name      = "aks"
  parent_id = azurerm_resource_group.rg.id
  body = {{
    properties = {{
      networkProfile    = {{ networkPlugin = "azure", networkPluginMode = "overlay" }}
      agentPoolProfiles = [{{ name = "sys", count = 1, vnetSubnetID = "${{azapi_resource.vnet.id}}/subnets/a" }}]
    }}
  }}
}}
"#
    ));
    let got = findings(&report);
    assert!(
        got.iter().any(|f| f.contains("unresolved-input")
            && f.contains("which has several subnets: cniplan cannot tell which")),
        "{got:?}"
    );
}

/// A patch of an azurerm cluster's network profile is not applied to what cniplan reads of
/// it, and says so; one that repeats its Kubernetes version says nothing.
#[test]
fn a_patch_of_an_azurerm_resource_is_noted_when_it_changes_what_is_read() {
    let cluster = r#"
resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
  kubernetes_version  = "1.33"
  default_node_pool {
    name       = "sys"
    node_count = 2
    vm_size    = "Standard_D2s_v5"
  }
}
"#;
    let patch = |body: &str| {
        format!(
            r#"{cluster}
resource "azapi_update_resource" "p" {{
  type        = "Microsoft.ContainerService/managedClusters@2025-05-01"
  resource_id = azurerm_kubernetes_cluster.k.id
  body        = {{ properties = {body} }}
}}
"#
        )
    };
    let quiet = findings(&check_tf(&patch(r#"{ kubernetesVersion = "1.33" }"#)));
    assert!(
        !quiet.iter().any(|f| f.contains("azapi_update_resource")),
        "{quiet:?}"
    );
    let noted = findings(&check_tf(&patch(
        r#"{ networkProfile = { podCidr = "10.9.0.0/16" } }"#,
    )));
    assert!(
        noted.iter().any(|f| f.contains(
            "azapi_update_resource.p: it patches `networkProfile` of `azurerm_kubernetes_cluster.k`"
        )),
        "{noted:?}"
    );
}
