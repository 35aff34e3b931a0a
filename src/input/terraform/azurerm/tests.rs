//! The mapping on small plans: what each azurerm shape becomes, and the notes it gives.

use crate::diagnostic::Rule;
use crate::input::terraform::plan_json::{self, Sniffed};
use crate::input::terraform::read_plan;
use crate::input::Loaded;
use crate::source::SourceFile;

/// A plan of `changes` (resource_changes entries), `prior` (prior_state resources) and
/// `config` (root module resources), loaded.
fn load(changes: &str, prior: &str, config: &str) -> (SourceFile, Loaded) {
    let text = format!(
        r#"{{"format_version": "1.2", "resource_changes": [{changes}],
            "prior_state": {{"values": {{"root_module": {{"resources": [{prior}]}}}}}},
            "configuration": {{"root_module": {{"resources": [{config}]}}}}}}"#
    );
    let source = SourceFile::new("p.json", text);
    let loaded = {
        let Sniffed::Plan(root, _) = plan_json::sniff(&source) else {
            panic!("not a plan")
        };
        read_plan(root, &[]).unwrap_or_else(|f| panic!("{f:?}"))
    };
    (source, loaded)
}

fn change(address: &str, kind: &str, after: &str, unknown: &str) -> String {
    let name = address.rsplit('.').next().unwrap_or(address);
    format!(
        r#"{{"address": "{address}", "mode": "managed", "type": "{kind}", "name": "{name}",
            "change": {{"actions": ["create"], "after": {after}, "after_unknown": {unknown}}}}}"#
    )
}

fn notes(loaded: &Loaded) -> Vec<(Rule, String)> {
    loaded.notes.iter().map(|f| (f.rule, f.message.clone())).collect()
}

#[test]
fn inline_subnets_and_provider_v2_prefixes_are_read() {
    let vnet = change(
        "azurerm_virtual_network.v",
        "azurerm_virtual_network",
        r#"{"name": "v", "resource_group_name": "rg", "address_space": ["10.0.0.0/16"],
            "subnet": [{"name": "a", "address_prefix": "10.0.1.0/24"},
                       {"name": "b", "address_prefixes": ["10.0.2.0/24", "10.0.3.0/24", "fd00::/64"]}]}"#,
        "{}",
    );
    let (_, loaded) = load(&vnet, "", "");
    let subnets = &loaded.plan.vnets[0].subnets;
    let cidrs: Vec<&str> = subnets.iter().map(|s| s.cidr.value.as_str()).collect();
    assert_eq!(cidrs, ["10.0.1.0/24", "10.0.2.0/24"]);
    assert_eq!(
        subnets[0].origin.as_ref().unwrap().resource,
        "azurerm_virtual_network.v"
    );
    // The second IPv4 prefix and the IPv6 one are the same subnet's, IPv4 first
    // (docs/json-output.md, `cidrs`: a row per family); nothing is left out, so no note.
    let more: Vec<&str> = subnets[1].more_cidrs.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(more, ["10.0.3.0/24", "fd00::/64"]);
    let n = notes(&loaded);
    assert!(n.is_empty(), "{n:?}");
}

#[test]
fn data_sources_give_subnets_that_exist_and_peerings_follow_references_and_ids() {
    let prior = r#"{"address": "data.azurerm_subnet.hub", "mode": "data", "type": "azurerm_subnet", "name": "hub",
        "values": {"name": "shared", "resource_group_name": "rg-hub", "virtual_network_name": "hub",
                   "address_prefixes": ["10.9.0.0/24"],
                   "delegation": [{"name": "d", "service_delegation": [{"name": "Microsoft.ContainerService/managedClusters"}]}]}}"#;
    let spoke = change(
        "azurerm_virtual_network.spoke",
        "azurerm_virtual_network",
        r#"{"name": "spoke", "resource_group_name": "rg-spoke", "address_space": ["10.1.0.0/16"]}"#,
        "{}",
    );
    let hub = change(
        "azurerm_virtual_network.hub",
        "azurerm_virtual_network",
        r#"{"name": "hub", "resource_group_name": "rg-hub", "address_space": ["10.9.0.0/16"]}"#,
        "{}",
    );
    let by_ref = change(
        "azurerm_virtual_network_peering.to_hub",
        "azurerm_virtual_network_peering",
        r#"{"name": "p", "resource_group_name": "rg-spoke", "virtual_network_name": "spoke"}"#,
        r#"{"remote_virtual_network_id": true}"#,
    );
    let by_id = change(
        "azurerm_virtual_network_peering.to_spoke",
        "azurerm_virtual_network_peering",
        r#"{"name": "p", "resource_group_name": "rg-hub", "virtual_network_name": "hub",
            "remote_virtual_network_id": "/subscriptions/s/resourceGroups/RG-SPOKE/providers/Microsoft.Network/virtualNetworks/spoke"}"#,
        "{}",
    );
    let gone = change(
        "azurerm_virtual_network_peering.to_nowhere",
        "azurerm_virtual_network_peering",
        r#"{"name": "p", "resource_group_name": "rg-hub", "virtual_network_name": "hub",
            "remote_virtual_network_id": "/subscriptions/s/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/x"}"#,
        "{}",
    );
    let config = r#"{"address": "azurerm_virtual_network_peering.to_hub",
        "expressions": {"remote_virtual_network_id": {"references": ["azurerm_virtual_network.hub.id", "azurerm_virtual_network.hub"]}}}"#;
    let (_, loaded) = load(
        &format!("{spoke}, {hub}, {by_ref}, {by_id}, {gone}"),
        prior,
        config,
    );
    let plan = &loaded.plan;
    assert_eq!(plan.vnets.len(), 2);
    let hub = &plan.vnets[1];
    assert_eq!(hub.subnets[0].name.value, "shared");
    assert_eq!(
        hub.subnets[0].delegation.as_ref().unwrap().value,
        "Microsoft.ContainerService/managedClusters"
    );
    assert_eq!(plan.vnets[0].peerings[0].value, "azurerm_virtual_network.hub");
    assert_eq!(hub.peerings[0].value, "azurerm_virtual_network.spoke");
    let n = notes(&loaded);
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(n[0].0, Rule::UnresolvedInput);
    assert!(n[0]
        .1
        .starts_with("azurerm_virtual_network_peering.to_nowhere: `remote_virtual_network_id` names"));
}

#[test]
fn a_subnet_whose_vnet_is_elsewhere_assumes_its_address_space_from_its_subnets() {
    let prior = r#"{"address": "data.azurerm_subnet.a", "mode": "data", "type": "azurerm_subnet", "name": "a",
        "values": {"name": "a", "resource_group_name": "rg", "virtual_network_name": "far", "address_prefixes": ["10.5.0.0/24"]}},
        {"address": "data.azurerm_subnet.b", "mode": "data", "type": "azurerm_subnet", "name": "b",
        "values": {"name": "b", "resource_group_name": "rg", "virtual_network_name": "far", "address_prefixes": ["10.5.1.0/24"]}}"#;
    let (_, loaded) = load("", prior, "");
    let far = &loaded.plan.vnets[0];
    let space: Vec<&str> = far.address_space.value.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(space, ["10.5.0.0/24", "10.5.1.0/24"]);
    assert!(far.address_space.defaulted);
    let n = notes(&loaded);
    assert_eq!(n.len(), 1);
    assert!(n[0]
        .1
        .starts_with("VNet `far` in resource group `rg`: no resource of this plan declares it"));
}

#[test]
fn wrong_types_are_located_and_left_out() {
    let cluster = change(
        "azurerm_kubernetes_cluster.aks",
        "azurerm_kubernetes_cluster",
        r#"{"name": "aks", "network_profile": [{"network_plugin": "flannel", "service_cidr": 7}],
            "default_node_pool": [{"name": "p", "node_count": "three", "max_pods": -1, "upgrade_settings": [{"max_surge": "1"}]}]}"#,
        "{}",
    );
    let (source, loaded) = load(&cluster, "", "");
    let schema: Vec<&str> = loaded
        .notes
        .iter()
        .filter(|f| f.rule == Rule::PlanSchema)
        .map(|f| {
            let s = f.span.unwrap();
            &source.text[s.start..s.end]
        })
        .collect();
    // A number for a string attribute is its text, as Terraform converts it (`7` is then no
    // CIDR, which the resolver says).
    assert_eq!(schema, ["\"flannel\"", "\"three\"", "-1"]);
    let pool = &loaded.plan.clusters[0].node_pools.value[0];
    assert!(pool.node_count.is_none() && pool.max_pods.is_none());
}

#[test]
fn pools_of_clusters_elsewhere_and_azapi_subnets_without_a_body_are_noted_once() {
    let pool = change(
        "azurerm_kubernetes_cluster_node_pool.p",
        "azurerm_kubernetes_cluster_node_pool",
        r#"{"name": "p", "node_count": 1,
            "kubernetes_cluster_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/other"}"#,
        "{}",
    );
    let azapi = r#"{"address": "azapi_resource.subnet", "mode": "managed", "type": "azapi_resource", "name": "subnet",
        "change": {"actions": ["create"], "after": {"type": "Microsoft.Network/virtualNetworks/subnets@2024-05-01"}}}"#;
    let (_, loaded) = load(&format!("{pool}, {azapi}"), "", "");
    assert!(loaded.plan.clusters.is_empty());
    let n = notes(&loaded);
    assert_eq!(n.len(), 2, "{n:?}");
    assert!(n.iter().all(|(r, _)| *r == Rule::UnresolvedInput));
    assert!(n
        .iter()
        .any(|(_, m)| m.starts_with("azapi_resource.subnet: it has no `body`")));
    assert!(n.iter().any(|(_, m)| m.contains("names `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/other`")));
}

#[test]
fn deleted_resources_are_gone() {
    let text = r#"{"format_version": "1.0", "resource_changes": [{"address": "azurerm_virtual_network.v",
        "mode": "managed", "type": "azurerm_virtual_network", "name": "v",
        "change": {"actions": ["delete"], "before": {"name": "v", "address_space": ["10.0.0.0/16"]}, "after": null}}]}"#;
    let source = SourceFile::new("p.json", text);
    let Sniffed::Plan(root, _) = plan_json::sniff(&source) else {
        panic!()
    };
    let loaded = read_plan(root, &[]).unwrap_or_else(|f| panic!("{f:?}"));
    assert!(loaded.plan.vnets.is_empty());
}

#[test]
fn node_auto_provisioning_and_virtual_nodes_are_read_and_noted() {
    let cluster = change(
        "azurerm_kubernetes_cluster.aks",
        "azurerm_kubernetes_cluster",
        r#"{"name": "aks", "network_profile": [{"network_plugin": "azure", "network_plugin_mode": "overlay"}],
            "node_provisioning_profile": [{"mode": "Auto"}],
            "aci_connector_linux": [{"subnet_name": "aci"}],
            "default_node_pool": [{"name": "sys", "node_count": 3, "max_pods": 250, "upgrade_settings": [{"max_surge": "1"}]}]}"#,
        "{}",
    );
    let (source, loaded) = load(&cluster, "", "");
    let c = &loaded.plan.clusters[0];
    let at = c.node_provisioning.expect("mode Auto is read");
    assert_eq!(&source.text[at.start..at.end], "\"Auto\"");
    assert_eq!(
        c.virtual_node_subnet.as_ref().map(|s| s.value.as_str()),
        Some("aci")
    );
    let n = notes(&loaded);
    // The cluster's own note (its pool has another, on the VNet AKS would create).
    let unresolved: Vec<&String> = n
        .iter()
        .filter(|(r, m)| *r == Rule::UnresolvedInput && m.starts_with("azurerm_kubernetes_cluster.aks:"))
        .map(|(_, m)| m)
        .collect();
    assert_eq!(unresolved.len(), 1, "one note per resource: {n:?}");
    assert!(unresolved[0].contains("node auto-provisioning is on: the nodes Karpenter adds are not counted"));
    assert!(unresolved[0].contains("each of their pods takes one IP of subnet `aci`"));
}

#[test]
fn manual_node_provisioning_is_no_auto_provisioning() {
    let cluster = change(
        "azurerm_kubernetes_cluster.aks",
        "azurerm_kubernetes_cluster",
        r#"{"name": "aks", "network_profile": [{"network_plugin": "azure"}], "node_provisioning_profile": [{"mode": "Manual"}],
            "default_node_pool": [{"name": "sys", "node_count": 3, "max_pods": 30, "upgrade_settings": [{"max_surge": "1"}]}]}"#,
        "{}",
    );
    let (_, loaded) = load(&cluster, "", "");
    assert!(loaded.plan.clusters[0].node_provisioning.is_none());
    let n = notes(&loaded);
    assert!(!n.iter().any(|(_, m)| m.contains("auto-provisioning")), "{n:?}");
}

#[test]
fn dual_stack_pod_and_service_cidrs_are_read() {
    let cluster = change(
        "azurerm_kubernetes_cluster.aks",
        "azurerm_kubernetes_cluster",
        r#"{"name": "aks", "network_profile": [{"network_plugin": "azure", "network_plugin_mode": "overlay",
              "ip_versions": ["IPv4", "IPv6"], "pod_cidrs": ["10.244.0.0/16", "fd00:10::/64"],
              "service_cidrs": ["10.1.0.0/16", "fd00:20::/108"], "dns_service_ip": "10.1.0.10"}],
            "default_node_pool": [{"name": "sys", "node_count": 3, "max_pods": 250, "upgrade_settings": [{"max_surge": "1"}]}]}"#,
        "{}",
    );
    let (_, loaded) = load(&cluster, "", "");
    let c = &loaded.plan.clusters[0];
    let texts =
        |l: &Option<crate::diagnostic::Spanned<Vec<crate::diagnostic::Spanned<String>>>>| -> Vec<String> {
            l.as_ref()
                .map_or(Vec::new(), |l| l.value.iter().map(|s| s.value.clone()).collect())
        };
    assert_eq!(texts(&c.pod_cidrs), ["10.244.0.0/16", "fd00:10::/64"]);
    assert_eq!(texts(&c.service_cidrs), ["10.1.0.0/16", "fd00:20::/108"]);
}

/// azapi v1 writes the body as JSON text; the plan holds the text. Two subnet IDs known
/// only after apply, with the references of the whole body only, are not paired by guess.
#[test]
fn azapi_json_bodies_are_read_and_unclear_subnet_ids_are_noted() {
    let vnet = change(
        "azapi_resource.vnet",
        "azapi_resource",
        r#"{"type": "Microsoft.Network/virtualNetworks@2021-02-01", "name": "v", "parent_id": "/subscriptions/s/resourceGroups/rg",
            "body": "{\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10.0.0.0/16\"]},\"subnets\":[{\"name\":\"n\",\"properties\":{\"addressPrefix\":\"10.0.0.0/24\"}},{\"name\":\"p\",\"properties\":{\"addressPrefix\":\"10.0.64.0/18\"}}]}}"}"#,
        "{}",
    );
    let nodes = change(
        "azapi_resource.n",
        "azapi_resource",
        r#"{"type": "Microsoft.Network/virtualNetworks/subnets@2021-02-01", "name": "n2", "parent_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
            "body": {"properties": {"addressPrefix": "10.0.1.0/24"}}}"#,
        "{}",
    );
    let pods = change(
        "azapi_resource.p",
        "azapi_resource",
        r#"{"type": "Microsoft.Network/virtualNetworks/subnets@2021-02-01", "name": "p2", "parent_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
            "body": {"properties": {"addressPrefix": "10.0.128.0/18"}}}"#,
        "{}",
    );
    let aks = change(
        "azapi_resource.aks",
        "azapi_resource",
        r#"{"type": "Microsoft.ContainerService/managedClusters@2024-05-01", "name": "aks", "parent_id": "/subscriptions/s/resourceGroups/rg",
            "body": {"properties": {"networkProfile": {"networkPlugin": "azure"},
              "agentPoolProfiles": [{"name": "sys", "count": 2, "maxPods": 30}]}}}"#,
        r#"{"body": {"properties": {"agentPoolProfiles": [{"vnetSubnetID": true, "podSubnetID": true}]}}}"#,
    );
    let config = r#"{"address": "azapi_resource.aks", "mode": "managed", "type": "azapi_resource", "name": "aks",
        "expressions": {"body": {"references": ["azapi_resource.n.id", "azapi_resource.n", "azapi_resource.p.id", "azapi_resource.p"]}}}"#;
    let (_, loaded) = load(&format!("{vnet}, {nodes}, {pods}, {aks}"), "", config);
    let names: Vec<(&str, &str)> = loaded.plan.vnets[0]
        .subnets
        .iter()
        .map(|s| (s.name.value.as_str(), s.cidr.value.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("n", "10.0.0.0/24"),
            ("p", "10.0.64.0/18"),
            ("n2", "10.0.1.0/24"),
            ("p2", "10.0.128.0/18")
        ]
    );
    let pool = &loaded.plan.clusters[0].node_pools.value[0];
    assert!(pool.vnet_subnet.value.is_empty());
    let n = notes(&loaded);
    assert!(
        n.iter()
            .any(|(r, m)| *r == Rule::UnresolvedInput && m.contains("cniplan cannot tell which is which")),
        "{n:?}"
    );
}

/// With one subnet ID to fill and one subnet among the body's references, the plan links.
#[test]
fn azapi_pools_link_through_the_bodys_references_in_a_plan() {
    let nodes = change(
        "azapi_resource.n",
        "azapi_resource",
        r#"{"type": "Microsoft.Network/virtualNetworks/subnets@2024-05-01", "name": "n", "parent_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
            "body": {"properties": {"addressPrefix": "10.0.1.0/24"}}}"#,
        "{}",
    );
    let pool = change(
        "azapi_resource.pool",
        "azapi_resource",
        r#"{"type": "Microsoft.ContainerService/managedClusters/agentPools@2024-05-01", "name": "user",
            "parent_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
            "body": {"properties": {"count": 2}}}"#,
        r#"{"body": {"properties": {"vnetSubnetID": true}}}"#,
    );
    let aks = change(
        "azapi_resource.aks",
        "azapi_resource",
        r#"{"type": "Microsoft.ContainerService/managedClusters@2024-05-01", "name": "aks", "parent_id": "/subscriptions/s/resourceGroups/rg",
            "body": {"properties": {"networkProfile": {"networkPlugin": "azure", "networkPluginMode": "overlay"}}}}"#,
        "{}",
    );
    let config = r#"{"address": "azapi_resource.pool", "mode": "managed", "type": "azapi_resource", "name": "pool",
        "expressions": {"body": {"references": ["azapi_resource.n.id", "azapi_resource.n", "var.x"]}}}"#;
    let (_, loaded) = load(&format!("{nodes}, {pool}, {aks}"), "", config);
    let pool = &loaded.plan.clusters[0].node_pools.value[0];
    assert_eq!(
        pool.vnet_subnet.value,
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/n"
    );
    assert_eq!(pool.name.value, "user");
}
