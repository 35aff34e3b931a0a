//! Several deployments as one estate (SPEC §6, docs/configuration.md "Deployments"): the
//! deployments `.cniplan.yaml` lists, checked by `cniplan check` with no arguments, as a
//! platform engineer runs it at the repository's root. The model is mspnp/aks-baseline's
//! walkthrough before Bicep (tests/real/arm/aks-baseline-json/SOURCE.md): hub, spoke, hub
//! again with the spoke's subnets, cluster, each in its resource group, each output passed
//! on as the walkthrough passes it.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const BASELINE: &str = "tests/real/arm/aks-baseline-json";
const FILES: [&str; 5] = [
    "hub-default.json",
    "hub-regionA.json",
    "spoke-BU0001A0008.json",
    "cluster-stamp.json",
    "azuredeploy.parameters.prod.json",
];

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// (path, line, column, rule, message) of every diagnostic of every file.
fn diagnostics(v: &Value) -> Vec<(String, u64, u64, String, String)> {
    let mut out = Vec::new();
    for file in v["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            out.push((
                file["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// The walkthrough's templates in a directory of their own, with `config` as its
/// `.cniplan.yaml`.
fn baseline_with(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    for f in FILES {
        std::fs::copy(from.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(dir.path().join(".cniplan.yaml"), config).unwrap();
    dir
}

/// The walkthrough's configuration with `from` replaced by `to`.
fn baseline_config(from: &str, to: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(BASELINE)
        .join(".cniplan.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from}");
    text.replace(from, to)
}

#[test]
fn aks_baseline_deploys_as_one_estate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    let out = run(&dir, &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    // One estate, and no template checked again on its own.
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [".cniplan.yaml"]);
    // hub-default and hub-regionA deploy one hub VNet into one group: one VNet, each subnet
    // once. The spoke's peering and the hub's peering back find each other's VNet; the
    // pools find the spoke's node subnet: nothing is left unread. Only the cluster's name
    // (uniqueString) is a stand-in.
    assert_eq!(
        diagnostics(&v),
        [(
            ".cniplan.yaml".to_string(),
            4,
            11,
            "assumed-value".to_string(),
            "the deployments: `uniqueString()` and `guid()` hash what only Azure knows (the subscription's and group's IDs): they give stand-ins, so names built with them differ from Azure's".to_string()
        )]
    );
    let rows = v["files"][0]["subnets"].as_array().unwrap();
    let seen: Vec<(&str, &str, &str, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["vnet"].as_str().unwrap(),
                r["name"].as_str().unwrap(),
                r["cidr"].as_str().unwrap(),
                r["usable"].as_u64().unwrap(),
            )
        })
        .collect();
    // Usable: the prefix's size less Azure's 5 reserved addresses. The hub first: it
    // deploys first (hub-default), and hub-regionA's declaration of it is the same VNet.
    assert_eq!(
        seen,
        [
            ("vnet-eastus2-hub", "AzureFirewallSubnet", "10.200.0.0/26", 59),
            ("vnet-eastus2-hub", "GatewaySubnet", "10.200.0.64/27", 27),
            ("vnet-eastus2-hub", "AzureBastionSubnet", "10.200.0.96/27", 27),
            (
                "vnet-spoke-BU0001A0008-00",
                "snet-clusternodes",
                "10.240.0.0/22",
                1019
            ),
            (
                "vnet-spoke-BU0001A0008-00",
                "snet-clusteringressservices",
                "10.240.4.0/28",
                11
            ),
            (
                "vnet-spoke-BU0001A0008-00",
                "snet-applicationgateway",
                "10.240.4.16/28",
                11
            ),
        ]
    );
    // The node subnet, by the ID the spoke deployment gives it in its group.
    let nodes = &rows[3];
    assert_eq!(
        nodes["source"],
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-enterprise-networking-spokes/providers/Microsoft.Network/virtualNetworks/vnet-spoke-BU0001A0008-00/subnets/snet-clusternodes"
    );
    // Traditional Azure CNI, maxPods 30: 31 IPs a node. Baseline (3 + 2) × 31 = 155. Peak:
    // both pools at maxCount (4 + 5) and one pool surging at a time, 33 % of 4 and of 5
    // rounded up = 2 either way: (9 + 2) × 31 = 341 of 1019.
    let pools: Vec<(&str, u64, u64, u64)> = nodes["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["pool"].as_str().unwrap(),
                p["ips_per_node"].as_u64().unwrap(),
                p["peak_nodes"].as_u64().unwrap(),
                p["max_nodes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pools, [("npsystem", 31, 6, 32), ("npuser01", 31, 7, 32)]);
    assert_eq!(nodes["baseline_demand"], 155);
    assert_eq!(nodes["peak_demand"], 341);
    assert_eq!(nodes["exhaustion"], Value::Null);
}

#[test]
fn a_changed_template_checks_its_estate() {
    // pre-commit names the changed files: the estate they belong to is checked, once.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    let out = run(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "hub-default.json",
            "cluster-stamp.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [".cniplan.yaml"]);
}

#[test]
fn ranges_of_different_deployments_are_checked_together() {
    // hub-regionA, deployed last into the hub's group, moves the hub into the spoke's
    // range: two VNets of two resource groups, deployed by two templates, peered, overlap.
    // What Azure ends with is hub-regionA's VNet (hub-default's 10.200.0.0/24 is replaced),
    // and the finding names the inline value it comes from.
    let config = baseline_config(
        "        nodepoolSubnetResourceIds: {output: spoke-BU0001A0008.nodepoolSubnetResourceIds}\n",
        "        nodepoolSubnetResourceIds: {output: spoke-BU0001A0008.nodepoolSubnetResourceIds}\n        hubVnetAddressSpace: 10.240.8.0/24\n        azureFirewallSubnetAddressSpace: 10.240.8.0/26\n        azureGatewaySubnetAddressSpace: 10.240.8.64/27\n        azureBastionSubnetAddressSpace: 10.240.8.96/27\n",
    );
    let dir = baseline_with(&config);
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let errors: Vec<_> = diagnostics(&json(&out))
        .into_iter()
        .filter(|d| d.3 != "assumed-value")
        .collect();
    // hub-default declared the hub with 10.200.0.0/24: one VNet of one ID, whose address
    // space and three subnets hub-regionA changes, each said once, at the value given last.
    let conflicts: Vec<(u64, u64, &str)> = errors
        .iter()
        .filter(|d| d.3 == "conflicting-declarations")
        .map(|d| (d.1, d.2, d.4.split(" is declared").next().unwrap()))
        .collect();
    assert_eq!(
        conflicts,
        [
            (25, 42, "subnet `AzureFirewallSubnet` (/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-enterprise-networking-hubs/providers/Microsoft.Network/virtualNetworks/vnet-eastus2-hub/subnets/AzureFirewallSubnet)"),
            (26, 41, "subnet `GatewaySubnet` (/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-enterprise-networking-hubs/providers/Microsoft.Network/virtualNetworks/vnet-eastus2-hub/subnets/GatewaySubnet)"),
            (27, 41, "subnet `AzureBastionSubnet` (/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-enterprise-networking-hubs/providers/Microsoft.Network/virtualNetworks/vnet-eastus2-hub/subnets/AzureBastionSubnet)"),
            (307, 40, "VNet `vnet-eastus2-hub` (/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-enterprise-networking-hubs/providers/Microsoft.Network/virtualNetworks/vnet-eastus2-hub)"),
        ]
    );
    let vnet = errors
        .iter()
        .find(|d| d.4.starts_with("VNet `vnet-eastus2-hub`"))
        .unwrap();
    assert!(vnet.4.ends_with("10.240.8.0/24 here and 10.200.0.0/24 before; Azure ends with 10.240.8.0/24: `.cniplan.yaml` deploys `hub-regionA` after `hub-default` (`vnet-eastus2-hub` is declared with 10.200.0.0/24 here: hub-default.json:299:40)"), "{}", vnet.4);
    let errors: Vec<_> = errors
        .into_iter()
        .filter(|d| d.3 != "conflicting-declarations")
        .collect();
    assert_eq!(
        errors,
        [(
            "spoke-BU0001A0008.json".to_string(),
            253,
            25,
            "vnet-overlap".to_string(),
            "VNet `vnet-spoke-BU0001A0008-00` (10.240.0.0/16) overlaps VNet `vnet-eastus2-hub` (10.240.8.0/24): peered VNets cannot route to overlapping ranges (/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-enterprise-networking-spokes/providers/Microsoft.Network/virtualNetworks/vnet-spoke-BU0001A0008-00) (VNet `vnet-eastus2-hub` is here: .cniplan.yaml:24:30)".to_string()
        )]
    );
}

#[test]
fn an_unknown_output_is_an_error_where_it_is_named() {
    let config = baseline_config("{output: hub-default.hubVnetId}", "{output: hub-default.vnetId}");
    let dir = baseline_with(&config);
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let found: Vec<_> = diagnostics(&json(&out))
        .into_iter()
        .filter(|d| d.3 == "plan-schema")
        .collect();
    assert_eq!(
        found,
        [(
            ".cniplan.yaml".to_string(),
            16,
            37,
            "plan-schema".to_string(),
            "deployment `hub-default` has no output `vnetId`: hub-default.json does not declare it"
                .to_string()
        )]
    );
}

#[test]
fn an_output_of_another_type_is_refused_as_arm_refuses_it() {
    let config = baseline_config(
        "{output: hub-default.hubVnetId}",
        "{output: hub-default.hubVnetId}\n  - name: other-spoke\n    template: spoke-BU0001A0008.json\n    resource_group: rg-other\n    parameters:\n      - location: eastus2\n        hubVnetResourceId: {output: spoke-BU0001A0008.nodepoolSubnetResourceIds}",
    );
    let dir = baseline_with(&config);
    let out = run(dir.path(), &["check", "--format", "json"]);
    let found: Vec<_> = diagnostics(&json(&out))
        .into_iter()
        .filter(|d| d.3 == "plan-schema")
        .map(|d| (d.1, d.2, d.4))
        .collect();
    assert_eq!(
        found,
        [(
            22,
            37,
            "parameter `hubVnetResourceId` is declared `string`, but output `spoke-BU0001A0008.nodepoolSubnetResourceIds` is an array".to_string()
        )]
    );
}

#[test]
fn a_broken_list_stops_the_run_with_its_places() {
    // A cycle, a deployment named by no one, a template that is not there: exit 2, each
    // mistake at its line and column, as every mistake of the configuration is reported.
    let config = baseline_config("{output: hub-default.hubVnetId}", "{output: cluster-stamp.nodes}")
        .replace(
            "{output: spoke-BU0001A0008.clusterVnetResourceId}",
            "{output: spoke-BU0001A0008.clusterVnetResourceId}\n      - x: {output: hub.hubVnetId}",
        )
        .replace("template: hub-regionA.json", "template: hub-regionB.json");
    let dir = baseline_with(&config);
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "cniplan: .cniplan.yaml:31:21: no deployment is named `hub`; did you mean `hub-default`?",
            "cniplan: .cniplan.yaml:16:37: the deployments wait on each other's outputs in a cycle: spoke-BU0001A0008 → cluster-stamp → spoke-BU0001A0008; none of them can deploy first",
            "cniplan: .cniplan.yaml:18:15: the template `hub-regionB.json` is not found: hub-regionB.json does not exist",
        ],
        "{stderr}"
    );
}

#[test]
fn terraform_roots_are_checked_per_environment() {
    // `env/prod.tfvars` is not loaded by Terraform on its own: each entry is one check of
    // the root with its files, and the root is not checked again without them.
    let dir = tempfile::tempdir().unwrap();
    let infra = dir.path().join("infra");
    std::fs::create_dir_all(infra.join("env")).unwrap();
    std::fs::write(
        infra.join("main.tf"),
        r#"variable "nodes_prefix" {
  type = string
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "nodes" {
  name                 = "snet-nodes"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = [var.nodes_prefix]
}
"#,
    )
    .unwrap();
    std::fs::write(infra.join("env/prod.tfvars"), "nodes_prefix = \"10.1.0.0/22\"\n").unwrap();
    std::fs::write(infra.join("env/dev.tfvars"), "nodes_prefix = \"10.1.0.0/27\"\n").unwrap();
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "terraform:\n  - root: infra\n    var_files: [infra/env/prod.tfvars]\n  - root: infra\n    var_files: [infra/env/dev.tfvars]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let rows: Vec<(String, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap().clone())
        .map(|r| {
            (
                r["cidr"].as_str().unwrap().to_string(),
                r["usable"].as_u64().unwrap(),
            )
        })
        .collect();
    // 1024 − 5 and 32 − 5.
    assert_eq!(
        rows,
        [("10.1.0.0/22".to_string(), 1019), ("10.1.0.0/27".to_string(), 27)]
    );
    // pre-commit names a changed `.tf` file of the root: both environments are checked.
    let out = run(dir.path(), &["check", "--format", "json", "infra/main.tf"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["files"].as_array().unwrap().len(), 2);
}

#[test]
fn a_walk_below_the_configuration_checks_what_it_finds_alone() {
    // The templates in `networking/`, the configuration one level up, as in the
    // repository: from the root the estate is checked; from `networking/` (the estate out
    // of the walk's reach) each template is checked alone rather than passed over.
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    std::fs::create_dir(dir.path().join("networking")).unwrap();
    for f in ["hub-default.json", "spoke-BU0001A0008.json"] {
        std::fs::copy(from.join(f), dir.path().join("networking").join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "deployments:\n  - template: networking/hub-default.json\n    resource_group: rg-hub\n    parameters: [{location: eastus2}]\n  - template: ./networking/../networking/spoke-BU0001A0008.json\n    resource_group: rg-spoke\n    parameters:\n      - location: eastus2\n        hubVnetResourceId: {output: hub-default.hubVnetId}\n",
    )
    .unwrap();
    let paths = |out: &Output| -> Vec<String> {
        json(out)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    let root = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(paths(&root), [".cniplan.yaml"]);
    // Two VNets, the spoke's peering to the hub resolved across the groups: no finding. The
    // subscription is a placeholder, but only in IDs that meet IDs built the same way.
    assert_eq!(diagnostics(&json(&root)), []);
    let below = run(&dir.path().join("networking"), &["check", "--format", "json"]);
    assert_eq!(paths(&below), ["./hub-default.json", "./spoke-BU0001A0008.json"]);
}

/// A subscription-scope template (`az deployment sub create -l westeurope`) that makes a
/// resource group and deploys a VNet into it by a nested deployment; a spoke deployed from
/// Bicep (its VNet in a local module); a cluster in a third group that takes the Bicep
/// deployment's output as its subnet.
#[test]
fn subscription_scope_location_and_a_bicep_deployment() {
    let config = "deployments:\n  - name: platform\n    template: platform.json\n    subscription: 00000000-0000-0000-0000-000000000002\n    location: westeurope\n    parameters:\n      - rgName: rg-hub\n  - template: extra.bicep\n    subscription: 00000000-0000-0000-0000-000000000002\n    resource_group: rg-extra\n  - template: cluster.json\n    subscription: 00000000-0000-0000-0000-000000000002\n    resource_group: rg-aks\n    parameters:\n      - subnetId: {output: extra.subnetId}\n";
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/estate");
    std::fs::create_dir(dir.path().join("modules")).unwrap();
    for f in [
        "platform.json",
        "cluster.json",
        "extra.bicep",
        "modules/net.bicep",
    ] {
        std::fs::copy(from.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(dir.path().join(".cniplan.yaml"), config).unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let rows: Vec<(String, String, u64)> = v["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_string(),
                r["cidr"].as_str().unwrap().to_string(),
                r["peak_demand"].as_u64().unwrap(),
            )
        })
        .collect();
    // `deployment().location` is the deployment's `location`, passed into the nested
    // deployment and into the hub VNet's name; the Bicep module's VNet lands in the Bicep
    // deployment's group; the cluster's pool (3 nodes of 1 + 30 IPs, AKS's default surge of
    // 10 % of 3 rounded up: 1 node, 4 × 31 = 124) is in the subnet the Bicep output names.
    assert_eq!(
        rows,
        [
            (
                "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope/subnets/nodes".to_string(),
                "10.0.0.0/22".to_string(),
                0
            ),
            (
                "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-extra/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/nodes".to_string(),
                "10.2.0.0/22".to_string(),
                124
            ),
        ]
    );
    let found: Vec<_> = diagnostics(&v)
        .into_iter()
        .map(|d| (d.0, d.1, d.2, d.3))
        .collect();
    assert_eq!(
        found,
        [("cluster.json".to_string(), 14, 21, "assumed-value".to_string())]
    );
    // A resource group for a template at subscription scope is ARM's mistake.
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        config.replace(
            "    location: westeurope\n",
            "    location: westeurope\n    resource_group: rg-x\n",
        ),
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let errors: Vec<_> = diagnostics(&json(&out))
        .into_iter()
        .filter(|d| d.3 == "plan-schema")
        .map(|d| (d.1, d.2, d.4))
        .collect();
    assert_eq!(
        errors,
        [(
            6,
            21,
            "this template deploys at subscription (or wider) scope, which takes no resource group"
                .to_string()
        )]
    );
}

#[test]
fn a_cluster_deployed_twice_is_the_one_azure_ends_with() {
    // cluster-stamp deployed again into its group under another deployment name: the same
    // cluster ID, so one cluster, its two pools counted once (peak 341 as before).
    let config = baseline_config("", "")
        + "  - name: cluster-stamp-again\n    template: cluster-stamp.json\n    subscription: 00000000-0000-0000-0000-000000000001\n    resource_group: rg-bu0001a0008\n    parameters:\n      - azuredeploy.parameters.prod.json\n      - targetVnetResourceId: {output: spoke-BU0001A0008.clusterVnetResourceId}\n";
    let dir = baseline_with(&config);
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let nodes = &v["files"][0]["subnets"][3];
    assert_eq!(nodes["name"], "snet-clusternodes");
    assert_eq!(nodes["pools"].as_array().unwrap().len(), 2);
    assert_eq!(nodes["peak_demand"], 341);
    let rules: Vec<String> = diagnostics(&v).into_iter().map(|d| d.3).collect();
    assert_eq!(rules, ["assumed-value"]);
}

#[test]
fn the_answering_commands_take_the_configuration_as_the_estate() {
    // `cniplan simulate .cniplan.yaml` (and size, compare, report) answer over the estate.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BASELINE);
    for args in [
        &["simulate", "./.cniplan.yaml"][..],
        &["compare", ".cniplan.yaml"][..],
        &["size", ".cniplan.yaml"][..],
    ] {
        let out = run(&dir, args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("snet-clusternodes") || text.contains("aks-7lroeizsfb6qd"),
            "{args:?}: {text}"
        );
    }
}

/// A Bicep deployment with its `.bicepparam` file, as `az deployment group create -f
/// spoke.bicep -p prod.bicepparam` runs it: a literal value and an expression over the
/// file's own variable both reach the template, and the cluster of the next deployment lands
/// in the subnet they name.
#[test]
fn a_bicep_deployment_takes_its_bicepparam_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/estate/bicepparam");
    let scratch = tempfile::tempdir().unwrap();
    for f in ["spoke.bicep", "prod.bicepparam", "cluster.json"] {
        std::fs::copy(dir.join(f), scratch.path().join(f)).unwrap();
    }
    std::fs::write(
        scratch.path().join(".cniplan.yaml"),
        "deployments:\n  - template: spoke.bicep\n    subscription: 00000000-0000-0000-0000-000000000002\n    resource_group: rg-spoke\n    parameters: [prod.bicepparam]\n  - template: cluster.json\n    subscription: 00000000-0000-0000-0000-000000000002\n    resource_group: rg-aks\n    parameters:\n      - subnetId: {output: spoke.subnetId}\n",
    )
    .unwrap();
    let out = run(scratch.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let rows: Vec<(String, String, u64)> = v["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_string(),
                r["cidr"].as_str().unwrap().to_string(),
                r["peak_demand"].as_u64().unwrap(),
            )
        })
        .collect();
    // The pool: 3 nodes of 1 + 30 IPs and one surge node, 4 × 31 = 124.
    assert_eq!(
        rows,
        [(
            "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/nodes".to_string(),
            "10.3.4.0/22".to_string(),
            124
        )]
    );
    assert!(
        !diagnostics(&v).iter().any(|d| d.3 != "assumed-value"),
        "{:?}",
        diagnostics(&v)
    );
}

#[test]
fn a_stamp_deployed_twice_with_other_values_is_one_of_each_and_named() {
    // Issue 18, item 1: `net` and `net-again` deploy VNet `spoke` (one ID) with other
    // ranges, `aks` and `aks-again` cluster `aks` with another mode and pool count. One
    // VNet, one subnet, one cluster, one pool, each as the later deployment leaves it, and
    // one warning per resource ID whose values differ, at the value deployed last.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/estate/redeployed");
    let out = run(&dir, &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups";
    let found: Vec<(String, u64, u64, String, String)> = diagnostics(&v);
    let expected = [
        (".cniplan.yaml", 22, 37, format!("subnet `nodes` ({id}/rg-spoke/providers/Microsoft.Network/virtualNetworks/spoke/subnets/nodes) is declared twice with different prefixes, 10.2.0.0/22 here and 10.1.0.0/24 before; Azure ends with 10.2.0.0/22: `.cniplan.yaml` deploys `net-again` after `net`")),
        (".cniplan.yaml", 28, 46, format!("agent pool `system` of cluster `aks` ({id}/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/system) is declared twice with different values: `count` 5 here, 3 before; Azure ends with the values here: `.cniplan.yaml` deploys `aks-again` after `aks`")),
        (".cniplan.yaml", 28, 55, format!("cluster `aks` ({id}/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks) is declared twice with different values: `networkPluginMode` overlay here, not set before; Azure ends with the values here: `.cniplan.yaml` deploys `aks-again` after `aks` (`networkPluginMode` is not set in the other declaration: aks.json:9:15)")),
        ("net.json", 12, 45, format!("VNet `spoke` ({id}/rg-spoke/providers/Microsoft.Network/virtualNetworks/spoke) is declared twice with different address spaces, 10.2.0.0/16 here and 10.1.0.0/16 before; Azure ends with 10.2.0.0/16: `.cniplan.yaml` deploys `net-again` after `net`")),
    ]
    .map(|(p, l, c, m)| (p.to_string(), l, c, "conflicting-declarations".to_string(), m));
    assert_eq!(found, expected);
    // One row per subnet: the later /22 holds the later pool, overlay now, 5 nodes + 1
    // surging, one IP each; its pods take a /24 each of the pod CIDR.
    type Row = (String, String, u64, Vec<(String, u64)>);
    let rows: Vec<Row> = v["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let pools = r["pools"]
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
            (
                r["name"].as_str().unwrap().to_string(),
                r["cidr"].as_str().unwrap().to_string(),
                r["peak_demand"].as_u64().unwrap(),
                pools,
            )
        })
        .collect();
    let system = vec![("system".to_string(), 6)];
    assert_eq!(
        rows,
        [
            ("nodes".to_string(), "10.2.0.0/22".to_string(), 6, system.clone()),
            (
                "aks/pod_cidr".to_string(),
                "192.168.0.0/16".to_string(),
                6,
                system
            ),
        ]
    );
}

#[test]
fn terraform_roots_beside_deployments_are_said_apart_and_import_joins_them() {
    // Issue 18, item 9: a hub in Terraform (`infra`, with its prod variables) and a spoke in
    // ARM, listed in one configuration. They are checked apart, and one note at
    // `terraform:` says so and how to check them together; `cniplan import` of both is one
    // plan whose check compares the hub's range with the spoke's.
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/estate/redeployed");
    std::fs::copy(from.join("net.json"), dir.path().join("net.json")).unwrap();
    std::fs::create_dir_all(dir.path().join("infra/env")).unwrap();
    std::fs::write(
        dir.path().join("infra/main.tf"),
        "variable \"hub_prefix\" {\n  type = string\n}\n\nresource \"azurerm_virtual_network\" \"hub\" {\n  name                = \"vnet-hub\"\n  resource_group_name = \"rg-hub\"\n  location            = \"westeurope\"\n  address_space       = [var.hub_prefix]\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("infra/env/prod.tfvars"),
        "hub_prefix = \"10.1.0.0/16\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "deployments:\n  - name: net\n    template: net.json\n    resource_group: rg-spoke\n    parameters:\n      - {space: 10.1.0.0/16, nodes: 10.1.0.0/24}\nterraform:\n  - root: infra\n    var_files: [infra/env/prod.tfvars]\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let apart: Vec<_> = diagnostics(&v)
        .into_iter()
        .filter(|d| d.3 == "unresolved-input")
        .collect();
    assert_eq!(
        apart,
        [(
            ".cniplan.yaml".to_string(),
            7,
            1,
            "unresolved-input".to_string(),
            "the Terraform roots under `terraform:` (`infra`) are checked apart from the deployments, one check per entry: a subnet or VNet a root manages is not in the deployments' estate, so a pool or peering of the deployments that names one is not linked to it (its note says so), and the roots' ranges are not compared with the deployments'".to_string()
        )]
    );
    // Checked apart: the estate and the root, each with its own rows, no overlap said.
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [".cniplan.yaml", "infra"]);
    assert!(diagnostics(&v).iter().all(|d| d.3 != "vnet-overlap"));

    // Imported together: one plan, both VNets, and its check compares them.
    let out = run(
        dir.path(),
        &["import", ".cniplan.yaml", "infra", "--output", "joined.yaml"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(dir.path(), &["check", "--format", "json", "joined.yaml"]);
    let found = diagnostics(&json(&out));
    let overlaps: Vec<&str> = found
        .iter()
        .filter(|d| d.3 == "vnet-overlap")
        .map(|d| d.4.as_str())
        .collect();
    assert_eq!(
        overlaps,
        ["VNet `vnet-hub` (10.1.0.0/16) overlaps VNet `spoke` (10.1.0.0/16): these VNets are not peered, but could never be peered or connected without renumbering"]
    );
}
