//! The `.tf` reader on hand-written fixtures (one per feature, tests/fixtures/terraform/) and
//! on real configurations written by others (tests/real/terraform/, each with its SOURCE.md):
//! the resource instances it finds, their evaluated values with the place each was written,
//! what stays unknown, and which resources each attribute refers to.

use cniplan::input::terraform::hcl::{self, TfRead};
use cniplan::input::terraform::Resource;
use cniplan::input::tree::{Node, Value};
use cniplan::source::SourceFile;
use std::path::{Path, PathBuf};

fn dir(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(relative)
}

struct Tf {
    sources: Vec<SourceFile>,
    read: TfRead,
}

fn read_with(relative: &str, var_files: &[PathBuf]) -> Tf {
    let path = dir(relative);
    let (sources, read) = hcl::read_dir(&path, var_files).expect("the directory reads");
    let read = read.unwrap_or_else(|findings| panic!("{relative}: {findings:?}"));
    Tf { sources, read }
}

fn read(relative: &str) -> Tf {
    read_with(relative, &[])
}

impl Tf {
    fn resource(&self, address: &str) -> &Resource<'static> {
        self.read
            .resources
            .iter()
            .find(|r| r.address == address)
            .unwrap_or_else(|| panic!("no {address} among {:?}", self.addresses("")))
    }

    /// Addresses of the instances of resources of a type, in the reader's order.
    fn addresses(&self, kind: &str) -> Vec<&str> {
        self.read
            .resources
            .iter()
            .filter(|r| kind.is_empty() || r.kind == kind)
            .map(|r| r.address.as_str())
            .collect()
    }

    /// A value by a dotted path with list indices: `default_node_pool.0.vnet_subnet_id`.
    fn value(&self, address: &str, path: &str) -> &Node<'static> {
        let mut node = &self.resource(address).values;
        for part in path.split('.') {
            node = match part.parse::<usize>() {
                Ok(i) => node.index(i),
                Err(_) => node.get(part),
            }
            .unwrap_or_else(|| panic!("{address}: no {path} (at {part})"));
        }
        node
    }

    fn str(&self, address: &str, path: &str) -> &str {
        let v = self.value(address, path);
        v.as_str()
            .unwrap_or_else(|| panic!("{address} {path}: {:?}", v.value))
    }

    fn strs(&self, address: &str, path: &str) -> Vec<&str> {
        self.value(address, path)
            .items()
            .iter()
            .map(|n| n.as_str().unwrap_or("<not a string>"))
            .collect()
    }

    fn int(&self, address: &str, path: &str) -> i128 {
        let v = self.value(address, path);
        v.as_int()
            .unwrap_or_else(|| panic!("{address} {path}: {:?}", v.value))
    }

    /// Where a value was written: `file:line:column` (file relative to tests/) and the text.
    fn at(&self, address: &str, path: &str) -> (String, String) {
        let span = self.value(address, path).span;
        let source = &self.sources[span.file as usize];
        let tests = dir("").to_string_lossy().into_owned();
        let file = source.path.strip_prefix(&tests).unwrap_or(&source.path);
        let file = file.trim_start_matches('/');
        (
            format!("{file}:{}", source.position(span.start)),
            source.text[span.start..span.end].to_string(),
        )
    }

    fn references(&self, address: &str, path: &str) -> Vec<&str> {
        self.resource(address)
            .references
            .get(path)
            .map(|r| r.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    fn unknown(&self, address: &str) -> Vec<&str> {
        self.resource(address)
            .unknown
            .iter()
            .map(String::as_str)
            .collect()
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn variables_locals_templates_and_cidr_functions_evaluate_with_tfvars_in_order() {
    let tf = read("fixtures/terraform/basics");
    assert!(tf.read.findings.is_empty(), "{:?}", tf.read.findings);
    // terraform.tfvars says prod; a.auto.tfvars, applied after it, says auto.
    assert_eq!(tf.str("azurerm_virtual_network.hub", "name"), "auto-net-hub");
    assert_eq!(
        tf.strs("azurerm_virtual_network.hub", "address_space"),
        ["10.1.0.0/16"]
    );
    assert_eq!(
        tf.strs("azurerm_subnet.nodes", "address_prefixes"),
        ["10.1.0.0/24"]
    );
    assert_eq!(
        tf.strs("azurerm_subnet.pods", "address_prefixes"),
        ["10.1.16.0/20"]
    );
    assert_eq!(tf.str("azurerm_subnet.pods", "name"), "auto-net-pods");
    assert_eq!(tf.str("azurerm_subnet.nodes", "resource_group_name"), "rg-auto");
    assert_eq!(
        tf.str("azurerm_subnet.pods", "delegation.0.service_delegation.0.name"),
        "Microsoft.ContainerService/managedClusters"
    );
    let aks = "azurerm_kubernetes_cluster.aks";
    // "50" in terraform.tfvars, converted to the declared number.
    assert_eq!(tf.int(aks, "default_node_pool.0.max_pods"), 50);
    assert_eq!(tf.str(aks, "network_profile.0.dns_service_ip"), "10.2.0.10");
    // A subnet's id is known only after apply; the reference is what links the pool.
    assert!(tf.value(aks, "default_node_pool.0.vnet_subnet_id").is_null());
    assert_eq!(
        tf.unknown(aks),
        [
            "default_node_pool.vnet_subnet_id",
            "default_node_pool.pod_subnet_id"
        ]
    );
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        ["azurerm_subnet.nodes"]
    );
    assert_eq!(
        tf.references(aks, "default_node_pool.pod_subnet_id"),
        ["azurerm_subnet.pods"]
    );
    assert_eq!(
        tf.references("azurerm_subnet.pods", "virtual_network_name"),
        ["azurerm_virtual_network.hub"]
    );
    // Values point at the expression that wrote them, in the .tf file.
    assert_eq!(
        tf.at("azurerm_subnet.pods", "address_prefixes.0"),
        pair("fixtures/terraform/basics/main.tf:44:27", "local.blocks[2]")
    );
    assert_eq!(
        tf.at(aks, "default_node_pool.0.vnet_subnet_id"),
        pair(
            "fixtures/terraform/basics/main.tf:63:22",
            "azurerm_subnet.nodes.id"
        )
    );
    assert!(tf.at(aks, "default_node_pool.0").0.ends_with("main.tf:59:3"));
    let whole = tf.resource(aks).values.span;
    assert_eq!(
        tf.sources[whole.file as usize].position(whole.start).to_string(),
        "55:1"
    );
}

#[test]
fn a_variable_already_of_its_type_reads_as_one_converted() {
    let tf = read("fixtures/terraform/variable-types-as-given");
    let given = "module.given.azurerm_subnet.s[\"a\"]";
    let filled = "module.filled.azurerm_subnet.s[\"b\"]";
    assert_eq!(tf.strs(given, "address_prefixes"), ["10.0.1.0/24"]);
    assert_eq!(tf.strs(given, "service_endpoints"), ["Microsoft.Storage"]);
    // The default of an absent optional attribute, filled in by the conversion.
    assert_eq!(tf.strs(filled, "service_endpoints"), ["Microsoft.Sql"]);
    // Either way the value still names the resource it was read from.
    for address in [given, filled] {
        assert_eq!(tf.str(address, "virtual_network_name"), "vnet");
        assert_eq!(
            tf.resource(address).references.get("virtual_network_name"),
            Some(&vec!["azurerm_virtual_network.v".to_string()]),
            "{address}"
        );
    }
}

#[test]
fn variable_values_are_converted_to_their_types_as_terraform_does() {
    let tf = read("fixtures/terraform/variable-types");
    let k = "azurerm_kubernetes_cluster.k";
    // "3" + "2": both converted to numbers; optional(number, 30) filled in; "1" is true.
    assert_eq!(tf.value(k, "default_node_pool.0.node_count").as_int(), Some(5));
    assert_eq!(tf.value(k, "default_node_pool.0.max_pods").as_int(), Some(30));
    assert_eq!(tf.value(k, "private_cluster_enabled").as_bool(), Some(true));
    assert!(
        tf.read.findings.iter().all(|f| f.rule.name() != "plan-schema"),
        "{:?}",
        tf.read.findings
    );
}

#[test]
fn a_var_file_is_applied_last() {
    let tf = read_with(
        "fixtures/terraform/basics",
        &[dir("fixtures/terraform/basics/vars/override.tfvars")],
    );
    // pods_newbits 2: a /18 after the two /24s.
    assert_eq!(
        tf.strs("azurerm_subnet.pods", "address_prefixes"),
        ["10.1.64.0/18"]
    );
}

#[test]
fn count_and_for_each_instances_stay_apart_and_link_to_their_own_subnet() {
    let tf = read("fixtures/terraform/instances");
    assert!(tf.read.findings.is_empty(), "{:?}", tf.read.findings);
    assert_eq!(
        tf.addresses("azurerm_subnet"),
        [
            "azurerm_subnet.numbered[0]",
            "azurerm_subnet.numbered[1]",
            "azurerm_subnet.numbered[2]",
            // A set is walked in lexical order, whatever order it was written in.
            "azurerm_subnet.named[\"a\"]",
            "azurerm_subnet.named[\"b\"]",
            "azurerm_subnet.pool[\"blue\"]",
            "azurerm_subnet.pool[\"green\"]",
        ]
    );
    assert_eq!(
        tf.strs("azurerm_subnet.numbered[2]", "address_prefixes"),
        ["10.2.12.0/24"]
    );
    assert_eq!(tf.str("azurerm_subnet.numbered[1]", "name"), "numbered-1");
    assert_eq!(
        tf.strs("azurerm_subnet.named[\"b\"]", "address_prefixes"),
        ["10.3.2.0/24"]
    );
    assert_eq!(
        tf.strs("azurerm_subnet.pool[\"green\"]", "address_prefixes"),
        ["10.1.1.0/24"]
    );
    // A dynamic block gives one block per element; none when the list is empty.
    assert_eq!(tf.str("azurerm_subnet.named[\"a\"]", "delegation.0.name"), "d0");
    assert_eq!(
        tf.str(
            "azurerm_subnet.named[\"a\"]",
            "delegation.0.service_delegation.0.name"
        ),
        "Microsoft.ContainerService/managedClusters"
    );
    assert!(tf
        .resource("azurerm_subnet.named[\"b\"]")
        .values
        .get("delegation")
        .is_none());
    let green = "azurerm_kubernetes_cluster_node_pool.pool[\"green\"]";
    assert_eq!(tf.int(green, "max_pods"), 50);
    assert_eq!(
        tf.references(green, "vnet_subnet_id"),
        ["azurerm_subnet.pool[\"green\"]", "azurerm_subnet.pool"]
    );
    assert_eq!(
        tf.references(
            "azurerm_kubernetes_cluster_node_pool.numbered[1]",
            "vnet_subnet_id"
        ),
        ["azurerm_subnet.numbered[1]", "azurerm_subnet.numbered"]
    );
    // element() wraps around: the last pool's pod subnet is the first subnet.
    assert_eq!(
        tf.references(
            "azurerm_kubernetes_cluster_node_pool.numbered[2]",
            "pod_subnet_id"
        ),
        ["azurerm_subnet.numbered[0]", "azurerm_subnet.numbered"]
    );
}

#[test]
fn local_modules_bind_inputs_and_give_outputs_per_instance() {
    let tf = read("fixtures/terraform/modules");
    assert!(tf.read.findings.is_empty(), "{:?}", tf.read.findings);
    let pods_b = "module.spoke[\"b\"].azurerm_subnet.this[\"pods\"]";
    assert_eq!(tf.strs(pods_b, "address_prefixes"), ["10.20.16.0/20"]);
    assert_eq!(tf.resource(pods_b).module, "module.spoke[\"b\"]");
    assert_eq!(
        tf.strs(
            "module.spoke[\"a\"].azurerm_subnet.this[\"nodes\"]",
            "address_prefixes"
        ),
        ["10.10.0.0/20"]
    );
    assert_eq!(
        tf.str("module.spoke[\"a\"].azurerm_virtual_network.this", "name"),
        "spoke-a"
    );
    // Spans point into the module's own file.
    assert_eq!(
        tf.at(pods_b, "address_prefixes.0"),
        pair(
            "fixtures/terraform/modules/modules/spoke/main.tf:15:27",
            "cidrsubnet(var.space, 4, each.value)"
        )
    );
    let aks = "module.aks.azurerm_kubernetes_cluster.this";
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        [
            "module.spoke[\"a\"].azurerm_subnet.this[\"nodes\"]",
            "module.spoke[\"a\"].azurerm_subnet.this"
        ]
    );
    assert_eq!(
        tf.references(aks, "default_node_pool.pod_subnet_id"),
        [
            "module.spoke[\"a\"].azurerm_subnet.this[\"pods\"]",
            "module.spoke[\"a\"].azurerm_subnet.this"
        ]
    );
    // A known value through an output: a subnet's prefix, read from the other instance.
    assert_eq!(tf.str(aks, "tags.pods"), "10.20.16.0/20");
}

#[test]
fn what_only_apply_knows_is_unknown_and_still_referenced() {
    let tf = read("fixtures/terraform/unknowns");
    // The registry module is named in one note, never skipped without a word.
    let notes: Vec<&str> = tf.read.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("module `registry` comes from `Azure/avm-res-network-virtualnetwork/azurerm`")
    );
    let data = tf.resource("data.azurerm_subnet.existing");
    assert!(data.data);
    assert_eq!(tf.str("data.azurerm_subnet.existing", "name"), "snet-aks");
    // A registry module is not fetched: no resources from it.
    assert!(tf.addresses("").iter().all(|a| !a.starts_with("module.")));
    assert_eq!(tf.unknown("azurerm_subnet.random"), ["address_prefixes"]);
    assert_eq!(
        tf.references("azurerm_subnet.random", "address_prefixes"),
        ["random_integer.octet"]
    );
    let user = "azurerm_kubernetes_cluster_node_pool.user";
    assert_eq!(
        tf.unknown(user),
        [
            "vnet_subnet_id",
            "pod_subnet_id",
            "max_pods",
            "node_count",
            "zones"
        ]
    );
    assert_eq!(
        tf.references(user, "vnet_subnet_id"),
        ["data.azurerm_subnet.existing"]
    );
    assert_eq!(tf.references(user, "pod_subnet_id"), ["module.registry"]);
    assert!(tf.references(user, "max_pods").is_empty());
}

#[test]
fn a_cycle_in_locals_is_a_finding_where_it_closes() {
    let tf = read("fixtures/terraform/cycle");
    let messages: Vec<(String, &str)> = tf
        .read
        .findings
        .iter()
        .map(|f| {
            let span = f.span.expect("located");
            let source = &tf.sources[span.file as usize];
            (source.position(span.start).to_string(), f.rule.name())
        })
        .collect();
    assert_eq!(messages, [("3:7".to_string(), "plan-schema")]);
    assert!(tf.value("azurerm_subnet.s", "name").is_null());
}

// Real configurations, written by others (tests/real/terraform/*/SOURCE.md).

#[test]
fn real_azure_aks_module_count_subnets_and_for_each_pools_through_the_module() {
    let tf = read("real/terraform/tf-azure-aks-module/examples/multiple_node_pools");
    for i in 0..3 {
        let subnet = format!("azurerm_subnet.node_pool_subnet[{i}]");
        assert_eq!(
            tf.strs(&subnet, "address_prefixes"),
            [format!("10.52.{}.0/24", i + 1)]
        );
    }
    assert_eq!(
        tf.addresses("azurerm_kubernetes_cluster_node_pool"),
        [
            "module.aks.azurerm_kubernetes_cluster_node_pool.node_pool_create_before_destroy[\"worker0\"]",
            "module.aks.azurerm_kubernetes_cluster_node_pool.node_pool_create_before_destroy[\"worker2\"]",
            "module.aks.azurerm_kubernetes_cluster_node_pool.node_pool_create_after_destroy[\"worker1\"]",
        ]
    );
    let worker1 =
        "module.aks.azurerm_kubernetes_cluster_node_pool.node_pool_create_after_destroy[\"worker1\"]";
    assert_eq!(
        tf.references(worker1, "vnet_subnet_id"),
        [
            "azurerm_subnet.node_pool_subnet[1]",
            "azurerm_subnet.node_pool_subnet"
        ]
    );
    assert_eq!(tf.int(worker1, "node_count"), 1);
    assert_eq!(tf.str(worker1, "upgrade_settings.0.max_surge"), "10%");
    let aks = "module.aks.azurerm_kubernetes_cluster.main";
    // The module's default: kubenet; the default pool from a dynamic block.
    assert_eq!(tf.str(aks, "network_profile.0.network_plugin"), "kubenet");
    assert_eq!(tf.int(aks, "default_node_pool.0.node_count"), 2);
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        ["azurerm_subnet.default_node_pool_subnet"]
    );
    assert_eq!(
        tf.at(aks, "default_node_pool.0.vnet_subnet_id"),
        pair(
            "real/terraform/tf-azure-aks-module/main.tf:71:38",
            "try(var.vnet_subnet.id, null)"
        )
    );
}

#[test]
fn real_azure_aks_module_startup_is_traditional_cni_with_max_pods_100() {
    let tf = read("real/terraform/tf-azure-aks-module/examples/startup");
    assert_eq!(
        tf.strs("azurerm_subnet.test", "address_prefixes"),
        ["10.52.0.0/24"]
    );
    let aks = "module.aks.azurerm_kubernetes_cluster.main";
    assert_eq!(tf.str(aks, "network_profile.0.network_plugin"), "azure");
    assert_eq!(tf.str(aks, "network_profile.0.service_cidr"), "10.0.0.0/16");
    assert_eq!(tf.int(aks, "default_node_pool.0.max_pods"), 100);
    assert_eq!(tf.int(aks, "default_node_pool.0.node_count"), 2);
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        ["azurerm_subnet.test"]
    );
}

#[test]
fn real_openai_sample_links_pod_and_node_subnets_through_a_module_output() {
    let tf = read("real/terraform/tf-aks-openai-pod-subnet/terraform");
    let subnet = |name: &str| format!("module.virtual_network.azurerm_subnet.subnet[\"{name}\"]");
    assert_eq!(
        tf.strs(&subnet("PodSubnet"), "address_prefixes"),
        ["10.242.0.0/16"]
    );
    assert_eq!(
        tf.strs(&subnet("SystemSubnet"), "address_prefixes"),
        ["10.240.0.0/16"]
    );
    assert_eq!(
        tf.str(&subnet("PodSubnet"), "delegation.0.service_delegation.0.name"),
        "Microsoft.ContainerService/managedClusters"
    );
    let aks = "module.aks_cluster.azurerm_kubernetes_cluster.aks_cluster";
    assert_eq!(
        tf.references(aks, "default_node_pool.pod_subnet_id"),
        [
            subnet("PodSubnet").as_str(),
            "module.virtual_network.azurerm_subnet.subnet"
        ]
    );
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        [
            subnet("SystemSubnet").as_str(),
            "module.virtual_network.azurerm_subnet.subnet"
        ]
    );
    assert_eq!(tf.int(aks, "default_node_pool.0.max_pods"), 50);
    assert_eq!(tf.str(aks, "network_profile.0.service_cidr"), "10.2.0.0/24");
    let pool = "module.node_pool.azurerm_kubernetes_cluster_node_pool.node_pool";
    assert_eq!(
        tf.references(pool, "vnet_subnet_id"),
        [
            subnet("UserSubnet").as_str(),
            "module.virtual_network.azurerm_subnet.subnet"
        ]
    );
    assert_eq!(tf.references(pool, "kubernetes_cluster_id"), [aks]);
}

#[test]
fn real_avm_overlay_example_nests_module_instances_with_count() {
    let tf = read("real/terraform/tf-avm-aks-managedcluster-v0.3/examples/azure-cni");
    let unp1 = "module.cni.module.nodepools[\"unp1\"].azurerm_kubernetes_cluster_node_pool.this[0]";
    assert_eq!(
        tf.references(unp1, "vnet_subnet_id"),
        ["azurerm_subnet.unp1_subnet"]
    );
    assert_eq!(tf.int(unp1, "max_pods"), 30);
    assert_eq!(tf.resource(unp1).module, "module.cni.module.nodepools[\"unp1\"]");
    let aks = "module.cni.azurerm_kubernetes_cluster.this";
    assert_eq!(tf.str(aks, "network_profile.0.network_plugin_mode"), "overlay");
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        ["azurerm_subnet.default_subnet"]
    );
    assert_eq!(
        tf.strs("azurerm_subnet.unp2_subnet", "address_prefixes"),
        ["10.1.2.0/24"]
    );
}

#[test]
fn real_landing_zone_subnet_from_a_registry_module_is_a_reference_without_a_resource() {
    let tf = read(
        "real/terraform/tf-aks-lza-private-cluster/AKS-Secure-Baseline-PrivateCluster/Terraform/All-in-One",
    );
    let pool = "module.aksCluster.azurerm_kubernetes_cluster_node_pool.nodepool";
    assert_eq!(tf.int(pool, "max_pods"), 250);
    assert_eq!(tf.unknown(pool), ["kubernetes_cluster_id", "vnet_subnet_id"]);
    assert_eq!(
        tf.references(pool, "vnet_subnet_id"),
        ["module.networkLZ.module.avm-res-network-vnet-aks-subnet"]
    );
    let aks = "module.aksCluster.azurerm_kubernetes_cluster.aks-cluster";
    assert_eq!(tf.str(aks, "network_profile.0.network_plugin_mode"), "overlay");
    assert!(
        tf.addresses("azurerm_subnet").is_empty(),
        "the subnets are azapi resources in a registry module"
    );
}

/// The landing zone calls 30 registry modules; only those that can declare a VNet, subnet,
/// cluster or pool are named (AVM's virtual-network module and its subnet and peering
/// submodules). Key vaults, DNS zones, NSGs, route tables, firewalls, public IPs, workspaces,
/// identities and `Azure/naming` declare nothing cniplan checks, and are not.
#[test]
fn real_landing_zone_names_only_the_registry_modules_that_could_hide_a_network() {
    let tf = read(
        "real/terraform/tf-aks-lza-private-cluster/AKS-Secure-Baseline-PrivateCluster/Terraform/All-in-One",
    );
    let mut named: Vec<String> = tf
        .read
        .findings
        .iter()
        .filter(|f| f.rule.name() == "unresolved-input" && f.message.starts_with("module `"))
        .filter_map(|f| f.message.split('`').nth(3).map(String::from))
        .collect();
    named.sort();
    named.dedup();
    assert_eq!(
        named,
        [
            "Azure/avm-res-network-virtualnetwork/azurerm",
            "Azure/avm-res-network-virtualnetwork/azurerm//modules/peering",
            "Azure/avm-res-network-virtualnetwork/azurerm//modules/subnet",
        ]
    );
}

#[test]
fn real_provider_example_two_pools_share_one_subnet() {
    let tf =
        read("real/terraform/tf-azurerm-provider-examples/examples/kubernetes/nodes-on-internal-network");
    assert_eq!(
        tf.strs("azurerm_subnet.internal", "address_prefixes"),
        ["10.1.0.0/22"]
    );
    assert_eq!(
        tf.references("azurerm_kubernetes_cluster_node_pool.user", "vnet_subnet_id"),
        ["azurerm_subnet.internal"]
    );
    let aks = "azurerm_kubernetes_cluster.example";
    assert_eq!(
        tf.references(aks, "default_node_pool.vnet_subnet_id"),
        ["azurerm_subnet.internal"]
    );
    assert!(tf.resource(aks).values.get("network_profile").is_none());
}

#[test]
fn every_real_configuration_reads_without_findings() {
    for relative in [
        "real/terraform/tf-aks-lza-private-cluster/AKS-Secure-Baseline-PrivateCluster/Terraform/All-in-One",
        "real/terraform/tf-aks-lza-private-cluster/AKS-Secure-Baseline-PrivateCluster/Terraform/06-AKS-Cluster",
        "real/terraform/tf-avm-aks-managedcluster-v0.3/examples/kubenet",
        "real/terraform/tf-azurerm-provider-examples/examples/kubernetes/egress-with-udr-kubenet",
    ] {
        let tf = read(relative);
        // Registry modules that could declare a network are named, one note each; nothing
        // else is found.
        let other: Vec<_> = tf
            .read
            .findings
            .iter()
            .filter(|f| !(f.rule.name() == "unresolved-input" && f.message.starts_with("module `")))
            .collect();
        assert!(other.is_empty(), "{relative}: {other:?}");
        assert!(!tf.read.resources.is_empty(), "{relative}");
        for r in &tf.read.resources {
            assert!(matches!(r.values.value, Value::Map(_)), "{}", r.address);
        }
    }
}

/// `file:line:column` and text of a located span.
fn located(
    sources: &[cniplan::source::SourceFile],
    span: Option<cniplan::diagnostic::Span>,
) -> (String, String) {
    let span = span.expect("located");
    // The locator's first file is span file 1 (the plan's JSON would be file 0), and source 0
    // is the directory: span file i points into source i.
    let source = &sources[span.file as usize];
    let tests = dir("").to_string_lossy().into_owned();
    let file = source
        .path
        .strip_prefix(&tests)
        .unwrap_or(&source.path)
        .trim_start_matches('/');
    (
        format!("{file}:{}", source.position(span.start)),
        source.text[span.start..span.end].to_string(),
    )
}

#[test]
fn the_locator_finds_plan_addresses_in_the_tf_files_and_local_modules() {
    let (locator, sources) =
        cniplan::input::terraform::locate(&dir("fixtures/terraform/modules"), 1).expect("reads");
    let pods = "module.spoke[\"b\"].azurerm_subnet.this[\"pods\"]";
    assert_eq!(
        located(&sources, locator.attribute(pods, "address_prefixes.0")),
        pair(
            "fixtures/terraform/modules/modules/spoke/main.tf:15:27",
            "cidrsubnet(var.space, 4, each.value)"
        )
    );
    assert_eq!(
        located(&sources, locator.resource(pods)),
        pair(
            "fixtures/terraform/modules/modules/spoke/main.tf:11:1",
            "resource \"azurerm_subnet\" \"this\""
        )
    );
    let aks = "module.aks.azurerm_kubernetes_cluster.this";
    assert_eq!(
        located(
            &sources,
            locator.attribute(aks, "default_node_pool.0.pod_subnet_id")
        ),
        pair(
            "fixtures/terraform/modules/modules/aks/main.tf:10:22",
            "var.pod_subnet_id"
        )
    );
    // Not written: the nearest block that is.
    assert_eq!(locator.attribute(aks, "default_node_pool.0.max_pods"), None);
    assert!(
        located(&sources, locator.nearest(aks, "default_node_pool.0.max_pods"))
            .0
            .ends_with("modules/aks/main.tf:7:3")
    );
    assert_eq!(locator.resource("azurerm_subnet.nowhere"), None);

    let (real, real_sources) = cniplan::input::terraform::locate(
        &dir("real/terraform/tf-azure-aks-module/examples/multiple_node_pools"),
        1,
    )
    .expect("reads");
    let worker =
        "module.aks.azurerm_kubernetes_cluster_node_pool.node_pool_create_before_destroy[\"worker0\"]";
    assert_eq!(
        located(&real_sources, real.attribute(worker, "vnet_subnet_id")),
        pair(
            "real/terraform/tf-azure-aks-module/extra_node_pool.tf:44:35",
            "try(each.value.vnet_subnet.id, null)"
        )
    );
    // A dynamic block's content stands for each block it makes.
    assert_eq!(
        located(
            &real_sources,
            real.attribute(
                "module.aks.azurerm_kubernetes_cluster.main",
                "default_node_pool.0.vnet_subnet_id"
            )
        ),
        pair(
            "real/terraform/tf-azure-aks-module/main.tf:71:38",
            "try(var.vnet_subnet.id, null)"
        )
    );
}

#[test]
fn template_directives_heredocs_and_strip_markers_give_terraforms_values() {
    let tf = read("fixtures/terraform/templates");
    let t = "azurerm_subnet.t";
    assert_eq!(tf.str(t, "description"), "server 10.1.0.4\nserver 10.1.0.5\n");
    assert_eq!(tf.str(t, "service_endpoints.0"), "a=1;b=2;");
    assert_eq!(tf.str(t, "address_prefixes.0"), "10.1.8.0/24");
}
