//! Real ARM templates (Azure quickstarts, Bicep-compiled AKS-Construction and Azure
//! Verified Modules) and real az / REST API output, kept under tests/real/ with their
//! SOURCE.md: what a reader of each would expect to find in it.

use cniplan::check::{run, Checked};
use cniplan::config::Settings;
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use std::path::Path;

fn check(format: Format, paths: &[&str]) -> Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real");
    let sources = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
            SourceFile::new(*p, text)
        })
        .collect();
    run(Input { sources, format }, &Settings::default())
}

fn arm(paths: &[&str]) -> Checked {
    check(Format::Auto, paths)
}

/// `rule path:line:column` of every finding, in order.
fn findings(c: &Checked) -> Vec<String> {
    c.report
        .findings
        .iter()
        .map(|f| {
            let span = f.span.expect("located");
            let file = c.report.source_of(span.file);
            format!("{} {}:{}", f.rule.name(), file.path, file.position(span.start))
        })
        .collect()
}

fn rules(c: &Checked) -> Vec<&'static str> {
    c.report.findings.iter().map(|f| f.rule.name()).collect()
}

/// `vnet/subnet cidr role` of every capacity row.
fn subnets(c: &Checked) -> Vec<String> {
    c.report
        .subnets
        .iter()
        .map(|r| format!("{} {} {}", r.label(), r.cidr, r.role))
        .collect()
}

/// `cluster/pool mode peak_nodes` of every pool on a row.
fn pools(c: &Checked, subnet: &str) -> Vec<String> {
    let row = c
        .report
        .subnets
        .iter()
        .find(|r| r.name == subnet)
        .expect("the row");
    row.pools
        .iter()
        .map(|p| format!("{}/{} {} {}", p.cluster, p.pool, p.mode, p.peak_nodes))
        .collect()
}

#[test]
fn quickstart_private_cluster_inline_subnets_and_classic_cni() {
    let c = arm(&["arm/qs-201-private-aks-cluster/azuredeploy.json"]);
    // The names hash the resource group with uniqueString(): a stand-in, said in a note.
    assert_eq!(
        subnets(&c),
        [
            "aks-iaqp4cxnq5x66Vnet/AksSubnet 10.0.0.0/16 node+pod",
            "aks-iaqp4cxnq5x66Vnet/VmSubnet 10.1.0.0/24 unused",
            "aks-iaqp4cxnq5x66Vnet/AzureBastionSubnet 10.1.1.0/26 unused",
        ]
    );
    // count 5 (min 3, max 5): 5 nodes plus one upgrade surge node, 31 IPs each.
    assert_eq!(
        pools(&c, "AksSubnet"),
        ["aks-iaqp4cxnq5x66/nodepool1 traditional 6"]
    );
    assert_eq!(c.report.subnets[0].peak_demand, 6 * 31);
    // The template sets podCidr on classic Azure CNI, and a service CIDR inside the VNet.
    // The pool sets no maxSurge: the last note says SPEC §2's default was assumed.
    assert_eq!(
        rules(&c),
        [
            "assumed-value",
            "mixed-cni",
            "service-cidr-overlap",
            "assumed-value"
        ]
    );
}

#[test]
fn quickstart_into_an_existing_vnet_says_the_vnet_is_elsewhere() {
    let c = arm(&[
        "arm/qs-101-aks-advanced-networking/azuredeploy.json",
        "arm/qs-101-aks-advanced-networking/azuredeploy.parameters.json",
    ]);
    // The pool is kept, unlinked: one note for its subnet, none for a cluster left out, and
    // one for its maxSurge, unset (SPEC §2's default).
    assert_eq!(rules(&c), ["unresolved-input", "assumed-value"]);
    let pool = &c.report.findings[0].message;
    assert!(
        pool.contains("`GET-PREREQ-vnetName` in resource group `GET-PREREQ-vnetResourceGroupName` is not in this template"),
        "{pool}"
    );
    // Its prerequisite template declares the VNet with a child `subnets` resource.
    let prereq = arm(&["arm/qs-101-aks-advanced-networking/prereqs/prereq.azuredeploy.json"]);
    assert_eq!(subnets(&prereq), ["vnet/Subnet 10.10.0.0/24 unused"]);
    assert!(findings(&prereq).is_empty(), "{:?}", findings(&prereq));
}

#[test]
fn docs_overlay_cluster_on_the_vnet_aks_creates_is_still_checked() {
    let c = arm(&["arm/aksdocs-nap-overlay/nap.json"]);
    // Issue 18: an overlay cluster on the VNet AKS creates is still a cluster. Its pool's
    // nodes land in no subnet of this input (one note), but its pods take /24 slots of the
    // default pod CIDR 10.244.0.0/16: 3 nodes and 1 of surge (10 % of 3, rounded up), 4 of
    // 256 slots.
    assert_eq!(subnets(&c), ["napcluster/pod_cidr 10.244.0.0/16 pod-cidr"]);
    assert_eq!(
        pools(&c, "napcluster/pod_cidr"),
        ["napcluster/agentpool overlay 4"]
    );
    assert_eq!(
        findings(&c),
        [
            "assumed-value arm/aksdocs-nap-overlay/nap.json:20:27",
            "assumed-value arm/aksdocs-nap-overlay/nap.json:30:21",
            "unresolved-input arm/aksdocs-nap-overlay/nap.json:30:21",
            // nodeProvisioningProfile.mode Auto: Karpenter's nodes are not in the template.
            "unresolved-input arm/aksdocs-nap-overlay/nap.json:38:19"
        ]
    );
}

#[test]
fn aks_construction_with_its_ci_overlay_parameters() {
    let c = arm(&[
        "arm/aks-construction/main.json",
        "arm/aks-construction/regressionparams/cni-overlay.json",
    ]);
    // CI deploys an overlay cluster into a /28 node subnet: 11 usable IPs.
    assert_eq!(
        subnets(&c),
        [
            "vnet-cniov2/aks-sn 10.240.0.0/28 node",
            "aks-cniov2/pod_cidr 10.244.0.0/16 pod-cidr"
        ]
    );
    assert_eq!(c.report.subnets[0].usable, 11);
    // System pool: CostOptimised preset, 1..3 nodes + 1 surge; user pool: 3 nodes + 1.
    assert_eq!(
        pools(&c, "aks-sn"),
        ["aks-cniov2/npsystem overlay 4", "aks-cniov2/npuser01 overlay 4"]
    );
    assert!(!rules(&c)
        .iter()
        .any(|r| *r == "plan-schema" || *r == "unknown-reference"));
}

#[test]
fn aks_construction_classic_cni_custom_vnet_with_firewall() {
    let c = arm(&[
        "arm/aks-construction/main.json",
        "arm/aks-construction/regressionparams/classic-custom-vnet-plus-firewall.json",
    ]);
    assert_eq!(
        subnets(&c),
        [
            "vnet-customvnet/aks-sn 10.240.0.0/22 node+pod",
            "vnet-customvnet/AzureFirewallSubnet 10.240.50.0/24 unused",
            "vnet-customvnet/AzureBastionSubnet 10.240.4.128/26 unused",
        ]
    );
    // agentCount 1 .. agentCountMax 3 for the user pool; 30 pods per node.
    assert_eq!(
        pools(&c, "aks-sn"),
        [
            "aks-customvnet/npsystem traditional 4",
            "aks-customvnet/npuser01 traditional 4"
        ]
    );
}

#[test]
fn aks_construction_dynamic_pod_subnet() {
    let c = arm(&[
        "arm/aks-construction/main.json",
        "arm/aks-construction/params/dynamic-pod-subnet.parameters.json",
    ]);
    assert_eq!(
        subnets(&c),
        [
            "vnet-dynip/aks-sn 10.240.0.0/22 node",
            "vnet-dynip/aks-pods-sn 10.240.100.0/22 pod"
        ]
    );
    assert_eq!(
        pools(&c, "aks-pods-sn"),
        ["aks-dynip/npsystem dynamic 4", "aks-dynip/npuser01 dynamic 8"]
    );
    assert!(c.report.subnets[1].pools.iter().all(|p| p.ips_per_node == 31));
    // The template sends podCidr with a pod subnet, which the Azure CLI refuses.
    assert!(rules(&c).contains(&"mixed-cni"));
}

#[test]
fn aks_construction_ci_parameters_meet_this_compiled_version() {
    // The BYO-VNet CI file carries a placeholder subnet ID, found where it is written.
    let c = arm(&[
        "arm/aks-construction/main.json",
        "arm/aks-construction/regressionparams/AksDeploy-ByoVnet.parameters.json",
    ]);
    let f = findings(&c);
    assert!(
        f.contains(&"unknown-reference arm/aks-construction/regressionparams/AksDeploy-ByoVnet.parameters.json:48:22".to_string()),
        "{f:?}"
    );
    // The Cilium CI file sets `networkDataplane`, which this (2023) compile calls
    // `ebpfDataplane`: ARM would refuse the parameters file.
    let c = arm(&[
        "arm/aks-construction/main.json",
        "arm/aks-construction/regressionparams/cilium-cni-overlay.json",
    ]);
    assert!(findings(&c).contains(
        &"plan-schema arm/aks-construction/regressionparams/cilium-cni-overlay.json:14:5".to_string()
    ));
}

#[test]
fn aks_construction_peered_vnet_sample_of_1_3_mib_is_read() {
    // 95 templates, nested four deep, two clusters. Timing: BENCHMARKS.md.
    let c = arm(&["arm/aks-construction/peered-vnet.main.json"]);
    assert_eq!(
        subnets(&c),
        [
            "vnet-grid-stest/aks-sn 10.10.0.0/22 node+pod",
            "vnet-grid-stest/sn-runners 10.10.4.0/24 unused",
            "vnet-app-stest/aks-sn 10.20.0.0/22 node+pod",
        ]
    );
    assert_eq!(
        pools(&c, "aks-sn"),
        [
            "aks-grid-stest/npsystem traditional 4",
            "aks-grid-stest/npuser01 traditional 4",
            "aks-grid-stest/chromepool traditional 14",
            "aks-grid-stest/firefoxpool traditional 14",
            "aks-grid-stest/edgepool traditional 14",
        ]
    );
    // Names hash the subscription with uniqueString(): said once. The two VNets peer
    // across resource groups, and are read as peered (issue 18): nothing to say of them.
    assert_eq!(rules(&c), ["assumed-value"]);
}

#[test]
fn aks_construction_system_preset_sample_has_two_template_errors() {
    let c = arm(&["arm/aks-construction/SystemPresetExample.json"]);
    let f = findings(&c);
    let at = |rule: &str, pos: &str| format!("{rule} arm/aks-construction/SystemPresetExample.json:{pos}");
    // The cluster's properties read an undeclared parameter and call createObject() with
    // 33 arguments: ARM refuses both, so the cluster's network is unknown.
    assert!(f.contains(&at("plan-schema", "1389:4510")), "{f:?}");
    assert!(f.contains(&at("plan-schema", "1389:37")), "{f:?}");
}

#[test]
fn avm_managed_cluster_overlay_example_through_lambdas() {
    let c = arm(&[
        "arm/avm-managed-cluster/main.json",
        "arm/avm-managed-cluster/readme-params/example6-using-large-parameter-set.parameters.json",
    ]);
    // agentPoolProfiles are built with map(lambda(…)); the README's subnet IDs are
    // placeholders (`<vnetSubnetResourceId>`): unknown, one note per pool naming what to
    // fill in, no error (issue 18). The overlay pools still count in the pod CIDR.
    assert_eq!(subnets(&c), ["csmax001/pod_cidr 10.244.0.0/16 pod-cidr"]);
    assert_eq!(
        pools(&c, "csmax001/pod_cidr"),
        ["csmax001/systempool overlay 4", "csmax001/userpool1 overlay 3"]
    );
    // The third: the API server's subnet (apiServerAccessProfile, VNet integration on) is
    // the placeholder `<subnetId>`, so its 9 IPs are not counted.
    assert_eq!(
        rules(&c),
        ["unresolved-input", "unresolved-input", "unresolved-input"]
    );
    assert!(c.report.findings.iter().all(|f| {
        f.message.contains("the placeholder `<vnetSubnetResourceId>`")
            || f.message.contains("the placeholder `<subnetId>`")
    }));
}

#[test]
fn avm_managed_cluster_waf_example_sets_count_below_min_count() {
    let c = arm(&[
        "arm/avm-managed-cluster/main.json",
        "arm/avm-managed-cluster/readme-params/example8-waf-aligned.parameters.json",
    ]);
    let f = findings(&c);
    let params = "arm/avm-managed-cluster/readme-params/example8-waf-aligned.parameters.json";
    for at in ["15:20", "46:20", "68:20"] {
        assert!(f.contains(&format!("plan-schema {params}:{at}")), "{f:?}");
    }
}

#[test]
fn avm_pattern_carves_its_vnet_with_cidr_subnet() {
    let c = arm(&[
        "arm/avm-container-job-toolkit-cidrsubnet/main.json",
        "arm/avm-container-job-toolkit-cidrsubnet/params/name-only.parameters.json",
    ]);
    assert_eq!(
        subnets(&c),
        [
            "vnet-cjt/private-endpoints-subnet 10.50.0.0/24 unused",
            "vnet-cjt/deploymentscript-subnet 10.50.1.0/24 unused",
            "vnet-cjt/workload-subnet 10.50.2.0/23 unused",
        ]
    );
}

#[test]
fn avm_vnet_subnets_from_a_serial_loop_of_nested_deployments() {
    let c = arm(&[
        "arm/avm-virtual-network/main.json",
        "arm/avm-virtual-network/readme-params/example5-deploying-a-bi-directional-peering.parameters.json",
    ]);
    assert_eq!(
        subnets(&c),
        [
            "nvnpeer001/GatewaySubnet 10.1.0.0/26 unused",
            "nvnpeer001/AzureBastionSubnet 10.1.0.64/26 unused",
            "nvnpeer001/AzureFirewallSubnet 10.1.0.128/26 unused",
        ]
    );
}

#[test]
fn rest_api_vnet_with_a_load_balancer_frontend_in_its_subnet() {
    let c = check(
        Format::Az,
        &["az/rest-specs-network/VirtualNetworkGet.2024-07-01.json"],
    );
    assert_eq!(subnets(&c), ["test-vnet/subnet1 10.0.1.0/24 unused"]);
    // One ipConfiguration (a load balancer frontend): 256 - 5 - 1.
    assert_eq!(c.report.subnets[0].usable, 250);
    assert!(findings(&c).is_empty());
}

#[test]
fn rest_api_lists_and_delegations() {
    let c = check(
        Format::Az,
        &[
            "az/rest-specs-network/VirtualNetworkGetWithSubnetDelegation.2024-07-01.json",
            "az/rest-specs-network/SubnetGetWithDelegation.2024-10-01.json",
            "az/rest-specs-network/SubnetList.2024-07-01.json",
        ],
    );
    let model = c.model.as_ref().expect("loads");
    let delegations: Vec<&str> = model
        .topology
        .subnets
        .iter()
        .filter_map(|s| s.delegation.as_ref().map(|d| d.value.as_str()))
        .collect();
    // The spec examples delegate to a generic service name.
    assert_eq!(
        delegations,
        [
            "Microsoft.Provider/resourceType",
            "Microsoft.Provider/resourceType"
        ]
    );
    // The spec's SubnetList example holds two subnets of one /16: an overlap, reported.
    assert!(rules(&c).contains(&"subnet-overlap"));
}

#[test]
fn az_nodepool_show_without_its_cluster_says_so() {
    let c = check(
        Format::Az,
        &["az/aksdocs-nodepool-show/az-aks-nodepool-show-spot.output.json"],
    );
    assert_eq!(rules(&c), ["unresolved-input"]);
    assert!(c.report.findings[0].message.contains("is not in this input"));
}

#[test]
fn rest_api_managed_clusters_kubenet_without_a_vnet() {
    let c = check(
        Format::Az,
        &[
            "az/rest-specs-aks/ManagedClustersGet.2025-07-01.json",
            "az/rest-specs-aks/ManagedClustersList.2025-07-01.json",
            "az/rest-specs-aks/AgentPoolsList.2025-07-01.json",
        ],
    );
    // One cluster in three files; its pools use the VNet AKS creates: a note each, no
    // error. It is still a kubenet cluster, so kubenet's retirement applies (issue 18), and
    // its two pools of 3 nodes (and 1 of surge each) take /24 slots of 10.244.0.0/16.
    assert_eq!(
        findings(&c),
        [
            "unresolved-input az/rest-specs-aks/ManagedClustersGet.2025-07-01.json:30:23",
            "kubenet-retirement az/rest-specs-aks/ManagedClustersGet.2025-07-01.json:67:30",
            "assumed-value az/rest-specs-aks/AgentPoolsList.2025-07-01.json:14:21",
            "unresolved-input az/rest-specs-aks/AgentPoolsList.2025-07-01.json:14:21"
        ]
    );
    assert_eq!(subnets(&c), ["clustername1/pod_cidr 10.244.0.0/16 pod-cidr"]);
}

/// Issue 23, dual-stack: the AKS REST API's own example of a dual-stack cluster
/// (ManagedClustersCreate_DualStackNetworking, tests/real/az/rest-specs-aks/SOURCE.md), read as
/// the API returns it: kubenet with pod CIDRs 10.244.0.0/16 and fd11:1234::/64 and service
/// CIDRs 10.0.0.0/16 and fd00:1234::/108. Its pool nodepool1 (count 3, maxPods 110, no
/// maxSurge: AKS's 10 % of 3, rounded up, 1 node) takes 3 + 1 = 4 /24 slots of the IPv4 pod
/// CIDR's 256 and 4 /80 blocks of the IPv6 one's 2^(80-64) = 65,536. Kubenet runs dual-stack
/// and the /108 is AKS's largest, so no dual-stack-limits error; the pool's subnet is in the
/// VNet AKS creates (a note), kubenet's retirement applies.
#[test]
fn rest_api_dual_stack_cluster_has_both_pod_ranges() {
    let c = check(
        Format::Az,
        &["az/rest-specs-aks/ManagedClustersCreate_DualStackNetworking.2025-07-01.json"],
    );
    let mut rules = rules(&c);
    rules.sort_unstable();
    rules.dedup();
    assert_eq!(
        rules,
        ["assumed-value", "kubenet-retirement", "unresolved-input"],
        "{:#?}",
        findings(&c)
    );
    let rows: Vec<String> = c
        .report
        .subnets
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}",
                r.label(),
                r.family,
                r.role,
                r.usable,
                r.peak_demand
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "clustername1/pod_cidr ipv4 pod-cidr 256 4",
            "clustername1/pod_cidr_v6 ipv6 pod-cidr 65536 4",
        ]
    );
    assert_eq!(c.report.subnets[1].cidr, "fd11:1234::/64");
    let model = c.model.as_ref().expect("the cluster loads");
    let cluster = &model.topology.clusters[0];
    assert_eq!(
        cluster
            .service_cidr_v6
            .as_ref()
            .map(|s| s.net().to_string())
            .as_deref(),
        Some("fd00:1234::/108")
    );
}

/// Issue 18: the AVM virtual-network README's parameters leave `<addressPrefix>` to fill in.
/// Each placeholder is unknown, with a note naming it where it is used (the VNet's address
/// space and the 7 subnets of example 4, 6 of example 6); no `invalid-cidr` error, which
/// cniplan raised for every one of them before.
#[test]
fn avm_virtual_network_readme_placeholders_are_notes_not_errors() {
    for (example, subnets) in [
        ("example4-using-large-parameter-set", 7),
        ("example6-waf-aligned", 6),
    ] {
        let params = format!("arm/avm-virtual-network/readme-params/{example}.parameters.json");
        let c = arm(&["arm/avm-virtual-network/main.json", &params]);
        let placeholders = c
            .report
            .findings
            .iter()
            .filter(|f| {
                f.rule.name() == "unresolved-input" && f.message.contains("the placeholder `<addressPrefix>`")
            })
            .count();
        assert_eq!(placeholders, 1 + subnets, "{example}: {:?}", findings(&c));
        assert!(
            c.report.findings.iter().all(|f| f.severity.as_str() == "note"),
            "{example}: {:?}",
            findings(&c)
        );
    }
}

/// `name (resource group) peered with: names` of every VNet the model holds.
fn vnets(c: &Checked) -> Vec<String> {
    let topology = &c.model.as_ref().expect("loads").topology;
    topology
        .vnets
        .iter()
        .map(|v| {
            let peers: Vec<&str> = v
                .peerings
                .iter()
                .map(|&p| topology.vnets[p].name.value.as_str())
                .collect();
            format!(
                "{} ({}) peered with: {}",
                v.name.value,
                v.resource_group.as_deref().unwrap_or("-"),
                peers.join(", ")
            )
        })
        .collect()
}

/// Issue 18, named case 1: the AKS landing zone accelerator's All-in-One template, compiled
/// (2.6 MiB), read as its SOURCE.md works it out: one row per subnet, no error.
#[test]
fn landing_zone_accelerator_all_in_one_reads_as_worked_out_by_hand() {
    let c = arm(&["arm/lza-all-in-one-bicep/main.json"]);
    assert_eq!(
        vnets(&c),
        [
            "VNet-HUB (AKS-LZA-HUB) peered with: VNet-SPOKE",
            "VNet-SPOKE (AKS-LZA-SPOKE) peered with: VNet-HUB",
        ]
    );
    assert_eq!(
        subnets(&c),
        [
            "VNet-HUB/default 10.0.0.0/24 unused",
            "VNet-HUB/AzureFirewallSubnet 10.0.1.0/26 unused",
            "VNet-HUB/AzureFirewallManagementSubnet 10.0.4.0/26 unused",
            "VNet-HUB/AzureBastionSubnet 10.0.2.0/27 unused",
            "VNet-HUB/vmsubnet 10.0.3.0/24 unused",
            "VNet-SPOKE/default 10.1.0.0/24 unused",
            "VNet-SPOKE/AKS 10.1.1.0/24 node+pod",
            "VNet-SPOKE/AppGWSubnet 10.1.2.0/27 unused",
            "VNet-SPOKE/vmsubnet 10.1.3.0/24 unused",
            "VNet-SPOKE/servicespe 10.1.4.0/24 unused",
        ]
    );
    let usable: Vec<u64> = c.report.subnets.iter().map(|r| r.usable).collect();
    assert_eq!(usable, [251, 59, 59, 27, 251, 251, 251, 27, 251, 251]);
    // 3 nodes of 1 + 30 IPs, and 1 of surge (10 % of 3, rounded up) at peak.
    assert_eq!(pools(&c, "AKS"), ["aksCluster/defaultpool traditional 4"]);
    let aks = &c.report.subnets[6];
    assert_eq!((aks.baseline_demand, aks.peak_demand), (93, 124));
    assert!(aks.pools.iter().all(|p| p.ips_per_node == 31));
    let main = "arm/lza-all-in-one-bicep/main.json";
    assert_eq!(
        findings(&c),
        [
            format!("assumed-value {main}:2:14"),
            format!("assumed-value {main}:41362:33"),
        ]
    );
    assert!(c.report.findings[1].message.contains("maxSurge is not set"));
}

/// Issue 18, named case 2: Enterprise-Scale's connectivity templates (management-group and
/// subscription scope, `//` comments, expressions over many lines) all read, and with their
/// defaults deploy no hub (`enableHub` is "No"): nothing to say but notes.
#[test]
fn enterprise_scale_connectivity_templates_parse_with_their_defaults() {
    let dir = "arm/eslz-connectivity";
    for (template, expected) in [
        ("hubspoke-connectivity", &[][..]),
        ("nvahubspoke-connectivity", &[]),
        ("vwan-connectivity", &[]),
        // The hub's ID is a parameter whose default is empty, so its `split(…)[2]` and
        // `[4]` (the nested deployment's subscription and group) are past the end: ARM
        // refuses them unless the deployment passes the ID, as the repository's own
        // deployment does; notes, not errors.
        (
            "vwan-sidecar",
            &["assumed-value", "unresolved-input", "unresolved-input"],
        ),
        // The spoke's name and range are parameters without defaults; both peerings' hub
        // is elsewhere. The hub side's peering is named by an expression escaped with `[[`
        // for the deployment nested inside (evaluated when that deploys): its name is
        // unknown, said so, rather than the escaped text taken for a name.
        (
            "vnetPeering",
            &[
                "assumed-value",
                "assumed-value",
                "unresolved-input",
                "assumed-value",
                "unresolved-input",
                "assumed-value",
                "unresolved-input",
            ],
        ),
        (
            "vnetPeeringHub",
            &[
                "assumed-value",
                "assumed-value",
                "unresolved-input",
                "assumed-value",
                "unresolved-input",
            ],
        ),
        (
            "vnetPeeringVwan",
            &["assumed-value", "assumed-value", "unresolved-input"],
        ),
    ] {
        let c = arm(&[&format!("{dir}/{template}.json")]);
        assert_eq!(rules(&c), expected, "{template}: {:?}", findings(&c));
        assert!(c.report.subnets.is_empty(), "{template}");
    }
    // The sidecar VNet of a Virtual WAN hub is read, with the empty subnet list it declares.
    let c = arm(&[&format!("{dir}/vwan-sidecar.json")]);
    assert_eq!(vnets(&c), ["vnet01-sidecar (<resourceGroup>) peered with: "]);
}

/// The hub and spoke hub VNet with the values of the repository's own hub-and-spoke test
/// (eslzArm.test.param.hns.json): two subnets from the `union()` of conditional arrays.
#[test]
fn enterprise_scale_hub_vnet_reads_as_worked_out_by_hand() {
    let dir = "arm/eslz-connectivity";
    for (template, parameters) in [
        ("hubspoke-connectivity", "hubspoke-connectivity.hns"),
        ("nvahubspoke-connectivity", "nvahubspoke-connectivity.nva"),
    ] {
        let c = arm(&[
            &format!("{dir}/{template}.json"),
            &format!("{dir}/params/{parameters}.parameters.json"),
        ]);
        assert_eq!(
            vnets(&c),
            ["vnet-hub-testPortal-prod-uksouth (rg-vnet-hub-prod-uksouth) peered with: "],
            "{template}"
        );
        assert_eq!(
            subnets(&c),
            [
                "vnet-hub-testPortal-prod-uksouth/GatewaySubnet 10.100.1.0/24 unused",
                "vnet-hub-testPortal-prod-uksouth/AzureFirewallSubnet 10.100.0.0/24 unused",
            ],
            "{template}"
        );
        assert!(c.report.subnets.iter().all(|r| r.usable == 251));
        assert_eq!(rules(&c), ["assumed-value"], "{template}");
    }
    // A landing zone's spoke peered to that hub: the hub is in another template.
    let c = arm(&[
        &format!("{dir}/vnetPeering.json"),
        &format!("{dir}/params/vnetPeering.identity.parameters.json"),
    ]);
    assert_eq!(
        vnets(&c),
        ["vnet-identity-prod-uksouth-00000000 (rg-vnet-identity-prod-uksouth) peered with: "]
    );
    assert_eq!(
        rules(&c),
        [
            "assumed-value",
            "assumed-value",
            "unresolved-input",
            "unresolved-input"
        ]
    );
    let said = |text: &str| c.report.findings.iter().any(|f| f.message.contains(text));
    assert!(said(
        "the peered VNet `vnet-hub-testPortal-prod-uksouth` is not in this template"
    ));
    assert!(said(
        "its name is unknown offline (it depends on an expression escaped with `[[`, which the nested deployment evaluates when it deploys)"
    ));
}

/// `cluster/pool baseline..full-scale nodes, max_pods, subnet linked` of every pool the model
/// holds, linked to a subnet or not.
fn pool_figures(c: &Checked) -> Vec<String> {
    let topology = &c.model.as_ref().expect("loads").topology;
    topology
        .clusters
        .iter()
        .flat_map(|cluster| {
            cluster.pools.iter().map(move |p| {
                format!(
                    "{}/{} {}..{} nodes, {} pods, subnet {}",
                    cluster.name.value,
                    p.name.value,
                    p.baseline_nodes.value,
                    p.full_scale_nodes.value,
                    p.max_pods.value,
                    if p.node_subnet.is_some() {
                        "linked"
                    } else {
                        "elsewhere"
                    }
                )
            })
        })
        .collect()
}

/// mspnp/aks-baseline as it was in ARM JSON (January 2022): the regional hub, the spoke and
/// the cluster stamp, each its own deployment, read as its SOURCE.md works out.
#[test]
fn aks_baseline_hub_spoke_and_cluster_stamp_read_as_worked_out_by_hand() {
    let dir = "arm/aks-baseline-json";
    let hub = arm(&[&format!("{dir}/hub-regionA.json")]);
    assert_eq!(
        subnets(&hub),
        [
            "vnet-eastus2-hub/AzureFirewallSubnet 10.200.0.0/26 unused",
            "vnet-eastus2-hub/GatewaySubnet 10.200.0.64/27 unused",
            "vnet-eastus2-hub/AzureBastionSubnet 10.200.0.96/27 unused",
        ]
    );
    let usable: Vec<u64> = hub.report.subnets.iter().map(|r| r.usable).collect();
    assert_eq!(usable, [59, 27, 27]);
    assert!(findings(&hub).is_empty(), "{:?}", findings(&hub));

    // hub-default.json leaves `location` to the deployment: the VNet's name waits on it.
    let hub = arm(&[&format!("{dir}/hub-default.json")]);
    assert_eq!(rules(&hub), ["assumed-value"]);
    assert_eq!(hub.report.subnets.len(), 3);

    let spoke = arm(&[
        &format!("{dir}/spoke-BU0001A0008.json"),
        &format!("{dir}/params/spoke-BU0001A0008.parameters.json"),
    ]);
    assert_eq!(
        subnets(&spoke),
        [
            "vnet-spoke-BU0001A0008-00/snet-clusternodes 10.240.0.0/22 unused",
            "vnet-spoke-BU0001A0008-00/snet-clusteringressservices 10.240.4.0/28 unused",
            "vnet-spoke-BU0001A0008-00/snet-applicationgateway 10.240.4.16/28 unused",
        ]
    );
    let usable: Vec<u64> = spoke.report.subnets.iter().map(|r| r.usable).collect();
    assert_eq!(usable, [1019, 11, 11]);
    // Both sides of the hub peering name a hub VNet that is in the hub's own template.
    assert_eq!(rules(&spoke), ["unresolved-input", "unresolved-input"]);

    // The cluster stamp with the repository's parameters file: two pools of classic Azure
    // CNI in a spoke that is another deployment, said once a pool.
    let stamp = arm(&[
        &format!("{dir}/cluster-stamp.json"),
        &format!("{dir}/azuredeploy.parameters.prod.json"),
    ]);
    assert_eq!(
        pool_figures(&stamp),
        [
            "aks-e3p26jy45sfiv/npsystem 3..4 nodes, 30 pods, subnet elsewhere",
            "aks-e3p26jy45sfiv/npuser01 2..5 nodes, 30 pods, subnet elsewhere",
        ]
    );
    assert_eq!(
        rules(&stamp),
        ["assumed-value", "unresolved-input", "unresolved-input"]
    );
    assert!(stamp.report.findings[1].message.contains(
        "its VNet `vnet-hub-spoke-BU0001A0008-00` in resource group `rg-enterprise-networking-spokes` is not in this template"
    ));
}

/// Issue 22: Bicep source is read natively, as SOURCE.md works it out: the hub's VNet with
/// its four subnets from a `for` over a lambda-built map, their prefixes from the defaults or
/// the parameters file; each module call the snapshot leaves out one note at its path; the
/// VNet's name, built from the unknown location, shown as written in the `.bicep` file.
#[test]
fn bicep_source_is_read_natively() {
    let dir = "bicep/alz-hub-spoke-networking";
    let hub = format!("{dir}/hubNetworking.bicep");
    let min = format!("{dir}/parameters/hubNetworking.parameters.min.json");
    for (format, files, prefix) in [
        (Format::Auto, vec![hub.as_str()], "10.10"),
        (Format::Bicep, vec![hub.as_str()], "10.10"),
        (Format::Auto, vec![hub.as_str(), min.as_str()], "10.20"),
    ] {
        let c = check(format, &files);
        let third = if prefix == "10.10" {
            ["15", "252", "254", "253"]
        } else {
            ["0", "254", "255", "253"]
        };
        let expected: Vec<String> = [
            "AzureBastionSubnet",
            "GatewaySubnet",
            "AzureFirewallSubnet",
            "AzureFirewallManagementSubnet",
        ]
        .iter()
        .zip(third)
        .map(|(name, n)| format!("parHubNetworkName#1/{name} {prefix}.{n}.0/24 unused"))
        .collect();
        assert_eq!(subnets(&c), expected, "{files:?}");
        let found = findings(&c);
        assert_eq!(
            found,
            [
                format!("assumed-value {hub}:1:1"),
                format!("assumed-value {hub}:94:34"),
                format!("unresolved-input {hub}:550:27"),
                format!("unresolved-input {hub}:776:27"),
                format!("unresolved-input {hub}:776:27"),
                format!("unresolved-input {hub}:935:33"),
                format!("unresolved-input {hub}:954:37"),
                format!("unresolved-input {hub}:1127:30"),
                format!("unresolved-input {hub}:1156:36"),
            ],
            "{files:?}"
        );
        let registry = &c.report.findings[7].message;
        assert!(registry.contains("'br/public:avm/ptn/network/private-link-private-dns-zones:0.7.0' is not in the local Bicep cache"), "{registry}");
        assert!(c
            .report
            .findings
            .iter()
            .all(|f| f.severity != cniplan::diagnostic::Severity::Error));
    }
    let spoke = check(Format::Auto, &[&format!("{dir}/spokeNetworking.bicep")]);
    assert_eq!(rules(&spoke), ["assumed-value", "unresolved-input"]);
    assert!(spoke.report.subnets.is_empty());
}
