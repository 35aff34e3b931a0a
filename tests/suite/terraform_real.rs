//! Real `terraform show -json` plans written by others (tests/real/terraform/, each folder
//! with its SOURCE.md): what a reader of each plan would expect cniplan to find in it.

use cniplan::input::{self, Format, Input};
use cniplan::plan::model::{NetworkPlugin, NetworkPluginMode, Plan};
use cniplan::source::SourceFile;
use cniplan::FileReport;
use std::path::Path;

fn path(file: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/real/terraform")
        .join(file)
        .display()
        .to_string()
}

fn source(file: &str) -> SourceFile {
    let p = path(file);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    SourceFile::new(p, text)
}

fn check(file: &str) -> FileReport {
    cniplan::check_source(source(file))
}

fn plan(file: &str) -> Plan {
    let input = Input {
        sources: vec![source(file)],
        format: Format::Auto,
    };
    input::read(&input)
        .unwrap_or_else(|f| panic!("{file}: {f:?}"))
        .plan
}

fn rules(report: &FileReport) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.rule.name()).collect()
}

/// zparnold/azure-terraform-cost-estimator: format 0.1, azurerm 2.37, one AKS cluster of 5
/// nodes in a VNet AKS creates, network_profile and max_pods left to Azure.
#[test]
fn an_aks_cluster_of_five_nodes_with_what_azure_computes_noted() {
    let file = "plan-zparnold-aks-cost-estimator/plan.json";
    let plan = plan(file);
    assert!(plan.vnets.is_empty());
    let [cluster] = &plan.clusters[..] else {
        panic!("one cluster")
    };
    assert_eq!(cluster.name.value, "example-aks1");
    assert_eq!(
        cluster.resource_group.as_ref().unwrap().value,
        "example-resources"
    );
    assert_eq!(
        cluster.origin.as_ref().unwrap().resource,
        "azurerm_kubernetes_cluster.example"
    );
    // No network_profile in the configuration: AKS picks the plugin, and the reader says so.
    let plugin = cluster.network_plugin.as_ref().unwrap();
    assert_eq!((plugin.value, plugin.defaulted), (NetworkPlugin::Azure, true));
    assert_eq!(
        cluster.network_plugin_mode.as_ref().map(|m| m.value),
        Some(NetworkPluginMode::Overlay)
    );
    let [pool] = &cluster.node_pools.value[..] else {
        panic!("one pool")
    };
    assert_eq!(pool.name.value, "default");
    assert_eq!(pool.node_count.as_ref().unwrap().value, 5);
    assert!(pool.max_pods.is_none() && pool.min_count.is_none() && pool.max_count.is_none());
    // No vnet_subnet_id: the pool is in no subnet of this plan.
    assert_eq!(pool.vnet_subnet.value, "");

    let report = check(file);
    let notes: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule.name(), f.message.as_str()))
        .filter(|(rule, _)| *rule != "plan-schema")
        .collect();
    assert_eq!(notes.len(), 4, "{notes:#?}");
    assert!(notes
        .iter()
        .any(|(r, m)| *r == "assumed-value" && m.contains("max_pods is not set")));
    assert!(notes
        .iter()
        .any(|(r, m)| *r == "assumed-value" && m.contains("network_profile is not set")));
    assert!(notes
        .iter()
        .any(|(r, m)| *r == "assumed-value" && m.contains("max_surge")));
    assert!(notes
        .iter()
        .any(|(r, m)| *r == "unresolved-input" && m.contains("sets no vnet_subnet_id")));
    // An overlay cluster (AKS's default) takes its pods' IPs from the default pod CIDR, whose
    // /24 node slots are the one capacity row: 256 of them, 5 nodes plus 1 surge node at peak.
    let [row] = &report.subnets[..] else {
        panic!("one row: the default pod CIDR")
    };
    assert_eq!(
        (
            row.name.as_str(),
            row.role.as_str(),
            row.usable,
            row.baseline_demand,
            row.peak_demand
        ),
        ("example-aks1/pod_cidr", "pod-cidr", 256, 5, 6)
    );
}

/// terraform-compliance issue 294: format 0.1 (Terraform 0.12, references name whole
/// resources), a VNet 10.0.0.0/16 with a subnet 10.0.2.0/24, and two compute modules.
#[test]
fn a_vnet_and_its_subnet_from_a_terraform_0_12_plan() {
    let file = "plan-tfcompliance-issue294/plan.out.json";
    let plan = plan(file);
    let [vnet] = &plan.vnets[..] else {
        panic!("one VNet")
    };
    assert_eq!(vnet.name.value, "tfctagcheck-network");
    assert_eq!(vnet.resource_group.as_ref().unwrap().value, "tfctagcheck-rg");
    let space: Vec<&str> = vnet
        .address_space
        .value
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(space, ["10.0.0.0/16"]);
    let [subnet] = &vnet.subnets[..] else {
        panic!("one subnet")
    };
    assert_eq!(
        (subnet.name.value.as_str(), subnet.cidr.value.as_str()),
        ("internal", "10.0.2.0/24")
    );
    assert!(plan.clusters.is_empty());

    let report = check(file);
    assert_eq!(rules(&report), Vec::<&str>::new());
    let [row] = &report.subnets[..] else {
        panic!("one row")
    };
    assert_eq!((row.usable, row.role.as_str()), (251, "unused"));
    assert_eq!(row.source.as_deref(), Some("azurerm_subnet.internal"));
}

/// infracost's Azure Firewall test plan: format 0.2, a provider 2.x subnet whose singular
/// `address_prefix` is unknown and whose `address_prefixes` list is known.
#[test]
fn the_known_prefix_list_wins_over_the_unknown_singular() {
    let file = "plan-infracost-azure-firewall/azure_firewall_plan.json";
    let report = check(file);
    assert_eq!(rules(&report), Vec::<&str>::new());
    let [row] = &report.subnets[..] else {
        panic!("one row")
    };
    assert_eq!(
        (
            row.vnet.as_deref(),
            row.name.as_str(),
            row.cidr.as_str(),
            row.usable
        ),
        (Some("testvnet"), "AzureFirewallSubnet", "10.0.1.0/24", 251)
    );
}

/// checkov's plan of network security groups only (format 1.1, Terraform 1.3): nothing
/// cniplan reads, so nothing to say, and no error for the types it does not read.
#[test]
fn a_plan_without_networks_or_clusters_is_clean() {
    let report = check("plan-checkov-nsg-extra-ref/tfplan_extra_ref.json");
    assert_eq!(rules(&report), Vec::<&str>::new());
    assert!(report.subnets.is_empty());
}
