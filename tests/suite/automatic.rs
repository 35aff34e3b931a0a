//! AKS Automatic (docs/automatic.md): the hosted system pool's subnet, the network AKS
//! preconfigures, and the API server subnet, read from a real Terraform quickstart
//! (tests/real/terraform/tf-aks-automatic-custom-network/SOURCE.md) and from an ARM template.

use cniplan::check::{run, Checked};
use cniplan::config::Settings;
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use std::path::Path;

fn rows(c: &Checked) -> Vec<String> {
    c.report
        .subnets
        .iter()
        .map(|r| format!("{} {} {} {}/{}", r.name, r.cidr, r.role, r.peak_demand, r.usable))
        .collect()
}

fn rules(c: &Checked) -> Vec<String> {
    c.report
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule.name(), f.severity))
        .collect()
}

#[test]
fn terraform_quickstart_automatic_cluster_in_a_custom_vnet() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real/terraform/tf-aks-automatic-custom-network");
    let sources = cniplan::input::terraform::files::collect(&dir, &[]).expect("reads the directory");
    let c = run(
        Input {
            sources,
            format: Format::Terraform,
        },
        &Settings::default(),
    );
    let cluster = "azurerm_kubernetes_automatic_cluster.aks_automatic";
    assert_eq!(
        rows(&c),
        [
            "apiServerSubnet 172.19.0.0/28 api-server 9/11".to_string(),
            "userNodeSubnet 172.19.1.0/24 node 0/251".to_string(),
            "managedSystemNodeSubnet 172.19.0.64/26 hosted-system 3/59".to_string(),
            format!("{cluster}/pod_cidr 10.244.0.0/16 pod-cidr 0/256"),
        ]
    );
    assert_eq!(
        rules(&c),
        [
            "node-provisioning-limits warning",
            "assumed-value note",
            "assumed-value note"
        ]
    );
    // AKS documents no count for the hosted system pool's nodes: the 3 counted are assumed.
    assert!(c
        .report
        .findings
        .iter()
        .any(|f| f.rule.name() == "assumed-value" && f.message.contains("3 nodes are assumed")));
    assert!(c.report.findings[0]
        .message
        .starts_with("provisioned pool `default` of cluster `azurerm_kubernetes_automatic_cluster.aks_automatic` has no limits"));
}

#[test]
fn arm_automatic_sku_and_hosted_system_profile() {
    // The shape of the AKS docs' Automatic Bicep (sku Automatic, apiServerAccessProfile
    // without enableVnetIntegration) with a hosted system profile, as `az bicep build` writes
    // it. The system pool's 3 nodes (count 3) take 1 IP each in clusterSubnet (overlay),
    // plus a surge of 1: 4. The hosted system subnet is a /27: a warning.
    let template = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-09-01",
      "name": "aksAutomaticVnet",
      "location": "eastus",
      "properties": {
        "addressSpace": { "addressPrefixes": ["172.19.0.0/16"] },
        "subnets": [
          { "name": "apiServerSubnet", "properties": { "addressPrefix": "172.19.0.0/28" } },
          { "name": "systemSubnet", "properties": { "addressPrefix": "172.19.0.32/27" } },
          { "name": "clusterSubnet", "properties": { "addressPrefix": "172.19.1.0/24" } }
        ]
      }
    },
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2025-10-02-preview",
      "name": "aksAutomaticCluster",
      "location": "eastus",
      "sku": { "name": "Automatic" },
      "properties": {
        "agentPoolProfiles": [
          {
            "name": "systempool",
            "mode": "System",
            "count": 3,
            "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'aksAutomaticVnet', 'clusterSubnet')]"
          }
        ],
        "apiServerAccessProfile": {
          "subnetId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'aksAutomaticVnet', 'apiServerSubnet')]"
        },
        "hostedSystemProfile": {
          "enabled": true,
          "systemNodeSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'aksAutomaticVnet', 'systemSubnet')]",
          "nodeSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'aksAutomaticVnet', 'clusterSubnet')]"
        },
        "networkProfile": { "outboundType": "loadBalancer" }
      }
    }
  ]
}"#;
    let c = run(
        Input {
            sources: vec![SourceFile::new("automatic.json", template)],
            format: Format::Auto,
        },
        &Settings::default(),
    );
    let got = rows(&c);
    assert!(
        got.contains(&"apiServerSubnet 172.19.0.0/28 api-server 9/11".to_string()),
        "{got:#?}"
    );
    assert!(
        got.contains(&"systemSubnet 172.19.0.32/27 hosted-system 3/27".to_string()),
        "{got:#?}"
    );
    assert!(
        got.contains(&"clusterSubnet 172.19.1.0/24 node 4/251".to_string()),
        "{got:#?}"
    );
    assert!(
        got.iter().any(|r| r.ends_with("10.244.0.0/16 pod-cidr 4/256")),
        "{got:#?}"
    );
    let warnings: Vec<&str> = c
        .report
        .findings
        .iter()
        .filter(|f| f.severity.to_string() != "note")
        .map(|f| f.rule.name())
        .collect();
    assert_eq!(warnings, ["hosted-system-subnet"], "{:#?}", c.report.findings);
}

#[test]
fn a_cluster_without_pools_still_counts_its_api_server() {
    // A NAP cluster whose template declares no agent pool of its own (they live in another
    // deployment): its API server still takes its 9 IPs of the /28's 11, filed under the
    // cluster itself (`(api server)`), not under a pool it does not have.
    let template = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet", "location": "westeurope",
     "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
       "subnets": [
         {"name": "nodes", "properties": {"addressPrefix": "10.0.0.0/24"}},
         {"name": "apiserver", "properties": {"addressPrefix": "10.0.1.0/28",
           "delegations": [{"name": "aks", "properties": {"serviceName": "Microsoft.ContainerService/managedClusters"}}]}}
       ]}},
    {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-05-01", "name": "aks", "location": "westeurope",
     "properties": {"dnsPrefix": "aks",
       "nodeProvisioningProfile": {"mode": "Auto"},
       "apiServerAccessProfile": {"enableVnetIntegration": true,
         "subnetId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'apiserver')]"},
       "networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay", "podCidr": "10.244.0.0/16"}}}
  ]
}"#;
    let c = run(
        Input {
            sources: vec![SourceFile::new("nap.json", template)],
            format: Format::Auto,
        },
        &Settings::default(),
    );
    let row = c
        .report
        .subnets
        .iter()
        .find(|r| r.name == "apiserver")
        .expect("the API server subnet's row");
    assert_eq!(
        (row.role.as_str(), row.peak_demand, row.usable),
        ("api-server", 9, 11)
    );
    assert_eq!(row.pools.len(), 1);
    assert_eq!(
        (row.pools[0].cluster.as_str(), row.pools[0].pool.as_str()),
        ("aks", "(api server)")
    );
    assert_eq!(row.pools[0].mode.as_str(), "overlay");
}
