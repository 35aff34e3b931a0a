//! Clusters and node pools: `azurerm_kubernetes_cluster` (its `network_profile` and
//! `default_node_pool`) and `azurerm_kubernetes_cluster_node_pool`.
//!
//! What Azure computes when the configuration leaves it unset (max pods, the network plugin,
//! the service CIDR, the upgrade surge) takes the documented default with an `assumed-value`
//! note; a subnet or node count nothing can supply leaves the pool unlinked or unsized, with
//! one `unresolved-input` note per resource (rules/unresolved-input.md).

use super::network::{Networks, SubnetLink};
use super::notes::Notes;
use super::values::Attrs;
use super::{folded, id_parts, name_of, unknown};
use crate::diagnostic::{Span, Spanned};
use crate::input::terraform::Resource;
use crate::input::tree::Node;
use crate::plan::model::{
    Cluster, ClusterSku, NetworkDataplane, NetworkPlugin, NetworkPluginMode, NetworkPolicy, NodePool, Origin,
    OsType,
};
use foldhash::{HashMap, HashMapExt};

/// A pool read, with what its notes need once the cluster's mode is known.
struct Read {
    pool: NodePool,
    label: String,
    /// Where max_pods is (or would be) written.
    max_pods_at: Span,
    max_pods_unknown: bool,
    /// Why max_pods is not read: not set (AKS computes it), or a value refused where it is
    /// written.
    max_pods_why: &'static str,
    /// Set: the pool has a pod subnet argument, linked or not (the cluster is then dynamic).
    pod_subnet_set: bool,
    /// The cluster's `default_node_pool`.
    is_default: bool,
    /// Where an additional pool leaves `vnet_subnet_id` unset: AKS then puts its nodes in
    /// the default pool's subnet, settled when the cluster is finished.
    vnet_subnet_unset: Option<Span>,
}

struct Building {
    cluster: Cluster,
    pools: Vec<Read>,
}

pub fn read(resources: &[Resource<'_>], net: &Networks<'_>, notes: &mut Notes) -> Vec<Cluster> {
    let mut building: Vec<Building> = Vec::new();
    let mut by_address: HashMap<&str, usize> = HashMap::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    for r in resources
        .iter()
        .filter(|r| r.kind == "azurerm_kubernetes_cluster" && !r.data)
    {
        let b = cluster(r, net, notes);
        let group = b
            .cluster
            .resource_group
            .as_ref()
            .map_or(String::new(), |g| folded(&g.value));
        by_key.insert((group, folded(&b.cluster.name.value)), building.len());
        by_address.insert(&r.address, building.len());
        building.push(b);
    }
    for r in resources
        .iter()
        .filter(|r| r.kind == "azurerm_kubernetes_automatic_cluster" && !r.data)
    {
        let b = Building {
            cluster: automatic_cluster(r, net, notes),
            pools: Vec::new(),
        };
        let group = b
            .cluster
            .resource_group
            .as_ref()
            .map_or(String::new(), |g| folded(&g.value));
        by_key.insert((group, folded(&b.cluster.name.value)), building.len());
        by_address.insert(&r.address, building.len());
        building.push(b);
    }
    for r in resources
        .iter()
        .filter(|r| r.kind == "azurerm_kubernetes_cluster_node_pool" && !r.data)
    {
        // Instances known only at apply (AVM's pools, one per zone a data source lists):
        // how many pools, and which, nothing offline can say.
        if let Some(what) = r.unknown.first().filter(|u| *u == "for_each" || *u == "count") {
            notes.unresolved(
                r.span,
                &r.address,
                format!(
                    "its `{what}` is known only at apply (it depends on values Terraform reads then, such as a data source), so how many of these node pools there are, and their names and sizes, is unknown: none of them is counted; to count them, check the plan's JSON (`terraform plan -out tfplan && terraform show -json tfplan > tfplan.json`, then `cniplan check tfplan.json`)"
                ),
            );
            continue;
        }
        let attrs = Attrs::new(&r.values, &r.address);
        let referenced = r
            .references
            .get("kubernetes_cluster_id")
            .and_then(|refs| refs.iter().find_map(|a| by_address.get(a.as_str())))
            .copied();
        let id = attrs.string("kubernetes_cluster_id", notes);
        let by_id = id
            .as_ref()
            .and_then(|id| id_parts(&id.value, "managedClusters"))
            .and_then(|(g, n)| by_key.get(&(folded(g), folded(n))))
            .copied();
        let Some(c) = referenced.or(by_id) else {
            let what = match &id {
                Some(id) => format!(
                    "`kubernetes_cluster_id` names `{}`, a cluster this plan does not hold",
                    id.value
                ),
                None => "`kubernetes_cluster_id` is unknown until apply".to_string(),
            };
            notes.unresolved(
                attrs.span_of("kubernetes_cluster_id"),
                &r.address,
                format!("{what}, so the pool is left out"),
            );
            continue;
        };
        let group = building[c]
            .cluster
            .resource_group
            .as_ref()
            .map(|g| g.value.clone());
        let read = pool(r, &r.values, "", r.address.clone(), group, false, net, notes);
        building[c].pools.push(read);
    }
    building.into_iter().map(|b| finish(b, notes)).collect()
}

/// `azurerm_kubernetes_automatic_cluster` (azurerm 4.81 and later): an AKS Automatic
/// cluster, whose network, NAP and API server VNet integration AKS preconfigures (the
/// resolver fills them in); its subnets are `api_server_access.subnet_id` and
/// `hosted_system { node_subnet_id, system_node_subnet_id }`. It has no node pools of its
/// own: NAP's NodePools, in Kubernetes, run its workloads.
fn automatic_cluster(r: &Resource<'_>, net: &Networks<'_>, notes: &mut Notes) -> Cluster {
    let attrs = Attrs::new(&r.values, &r.address);
    let label = r.address.as_str();
    let name = name_of(r, &r.values, notes);
    let group = attrs.string("resource_group_name", notes);
    let mut subnet = |block: &str, key: &str, what: &str| -> Option<Spanned<String>> {
        let inner = Attrs::new(attrs.block(block)?, label);
        let span = inner.span_of(key);
        match net.link(inner.get(key), r.references.get(&format!("{block}.{key}"))) {
            Some(SubnetLink::To(written)) => Some(Spanned::new(written, span)),
            Some(SubnetLink::Missing(why)) => {
                notes.unresolved(
                    span,
                    label,
                    format!("{block}.{key} {why}, so {what} are not counted"),
                );
                None
            }
            Some(SubnetLink::Unreadable) | None => None,
        }
    };
    let api_server_subnet = subnet("api_server_access", "subnet_id", "the API server's IPs");
    let node_subnet = subnet("hosted_system", "node_subnet_id", "auto-provisioned nodes");
    let system_node_subnet = subnet(
        "hosted_system",
        "system_node_subnet_id",
        "the hosted system nodes",
    );
    let at = r.span;
    Cluster {
        name,
        resource_group: group.clone(),
        network_plugin: None,
        network_plugin_mode: None,
        pod_cidr: None,
        network_dataplane: None,
        network_policy: None,
        kubernetes_version: None,
        service_cidr: None,
        pod_cidrs: None,
        service_cidrs: None,
        dns_service_ip: None,
        cli_version: None,
        private_link_service: None,
        api_server_subnet,
        node_pools: Spanned::new(Vec::new(), at),
        node_provisioning_mode: None,
        sku: Some(Spanned::default_at(ClusterSku::Automatic, at)),
        system_node_subnet,
        hosted_system_nodes: None,
        node_subnet,
        provisioned_pools: Vec::new(),
        node_provisioning: None,
        virtual_node_subnet: None,
        origin: Some(Origin {
            resource: r.address.clone(),
            resource_group: group.as_ref().map(|g| g.value.clone()),
        }),
    }
}

fn cluster(r: &Resource<'_>, net: &Networks<'_>, notes: &mut Notes) -> Building {
    let attrs = Attrs::new(&r.values, &r.address);
    let label = r.address.as_str();
    let name = name_of(r, &r.values, notes);
    let group = attrs.string("resource_group_name", notes);
    let mut cluster = Cluster {
        name,
        resource_group: group.clone(),
        network_plugin: None,
        network_plugin_mode: None,
        pod_cidr: None,
        network_dataplane: None,
        network_policy: None,
        kubernetes_version: attrs.string("kubernetes_version", notes),
        service_cidr: None,
        pod_cidrs: None,
        service_cidrs: None,
        dns_service_ip: None,
        cli_version: None,
        private_link_service: None,
        api_server_subnet: api_server_subnet(r, &attrs, net, notes),
        node_pools: Spanned::new(Vec::new(), attrs.span_of("default_node_pool")),
        node_provisioning_mode: None,
        sku: None,
        system_node_subnet: None,
        hosted_system_nodes: None,
        node_subnet: None,
        provisioned_pools: Vec::new(),
        node_provisioning: node_provisioning(&attrs, label, notes),
        virtual_node_subnet: virtual_nodes(&attrs, label, notes),
        origin: Some(Origin {
            resource: r.address.clone(),
            resource_group: group.as_ref().map(|g| g.value.clone()),
        }),
    };
    match attrs.block("network_profile") {
        Some(profile) => network_profile(
            &mut cluster,
            &Attrs::new(profile, label),
            |key| r.from_configuration && unknown(r, &format!("network_profile.{key}")),
            notes,
        ),
        None => {
            // Without a network profile AKS chooses the plugin; current API versions choose
            // overlay (AKS docs azure-cni-overlay.md), older ones chose kubenet.
            let span = attrs.span_of("network_profile");
            cluster.network_plugin = Some(Spanned::default_at(NetworkPlugin::Azure, span));
            cluster.network_plugin_mode = Some(Spanned::default_at(NetworkPluginMode::Overlay, span));
            notes.assumed(
                span,
                label,
                "network_profile is not set, so AKS picks the network plugin: assumed Azure CNI Overlay, \
                 the default of current AKS API versions (clusters created through older ones got kubenet)"
                    .to_string(),
            );
        }
    }
    let mut pools = Vec::new();
    match attrs.block("default_node_pool") {
        Some(block) => {
            let pool_label = format!("{} default_node_pool", r.address);
            pools.push(pool(
                r,
                block,
                "default_node_pool.",
                pool_label,
                group.map(|g| g.value),
                true,
                net,
                notes,
            ));
        }
        // azurerm 1.x wrote the pools as `agent_pool_profile` blocks, the first the default.
        None if attrs.blocks("agent_pool_profile").next().is_some() => {
            for (i, block) in attrs.blocks("agent_pool_profile").enumerate() {
                pools.push(pool(
                    r,
                    block,
                    "agent_pool_profile.",
                    format!("{} agent_pool_profile[{i}]", r.address),
                    group.clone().map(|g| g.value),
                    i == 0,
                    net,
                    notes,
                ));
            }
        }
        None => notes.unresolved(
            attrs.span_of("default_node_pool"),
            label,
            "its default_node_pool is unknown until apply".to_string(),
        ),
    }
    Building { cluster, pools }
}

fn network_profile(
    cluster: &mut Cluster,
    p: &Attrs<'_, '_>,
    unknown: impl Fn(&str) -> bool,
    notes: &mut Notes,
) {
    let label = p.label;
    let choice = |key: &str, notes: &mut Notes| {
        p.string(key, notes)
            .map(|s| (s.value.trim().to_lowercase(), s.span))
    };
    cluster.network_plugin = choice("network_plugin", notes).and_then(|(v, span)| {
        let plugin = match v.as_str() {
            "azure" => NetworkPlugin::Azure,
            "kubenet" => NetworkPlugin::Kubenet,
            "none" => NetworkPlugin::None,
            _ => {
                notes.wrong_type(
                    span,
                    label,
                    "network_plugin",
                    "azure, kubenet or none",
                    format!("`{v}`"),
                );
                return None;
            }
        };
        Some(Spanned::new(plugin, span))
    });
    cluster.network_plugin_mode =
        choice("network_plugin_mode", notes).and_then(|(v, span)| match v.as_str() {
            "overlay" => Some(Spanned::new(NetworkPluginMode::Overlay, span)),
            _ => {
                notes.wrong_type(span, label, "network_plugin_mode", "overlay", format!("`{v}`"));
                None
            }
        });
    // v3.108+ and v4 write network_data_plane; v3.35 to v3.107 wrote ebpf_data_plane.
    let dataplane = choice("network_data_plane", notes).or_else(|| choice("ebpf_data_plane", notes));
    cluster.network_dataplane = dataplane.and_then(|(v, span)| match v.as_str() {
        "azure" => Some(Spanned::new(NetworkDataplane::Azure, span)),
        "cilium" => Some(Spanned::new(NetworkDataplane::Cilium, span)),
        _ => {
            notes.wrong_type(
                span,
                label,
                "network_data_plane",
                "azure or cilium",
                format!("`{v}`"),
            );
            None
        }
    });
    cluster.network_policy = choice("network_policy", notes).and_then(|(v, span)| {
        let policy = match v.as_str() {
            "azure" => NetworkPolicy::Azure,
            "calico" => NetworkPolicy::Calico,
            "cilium" => NetworkPolicy::Cilium,
            "none" => NetworkPolicy::None,
            _ => {
                notes.wrong_type(
                    span,
                    label,
                    "network_policy",
                    "azure, calico or cilium",
                    format!("`{v}`"),
                );
                return None;
            }
        };
        Some(Spanned::new(policy, span))
    });
    cluster.pod_cidr = p.string("pod_cidr", notes);
    cluster.service_cidr = p.string("service_cidr", notes);
    // Dual-stack: one CIDR per IP family, IPv4 first (`ip_versions = ["IPv4", "IPv6"]`).
    cluster.pod_cidrs = p.strings("pod_cidrs", notes).filter(|l| !l.value.is_empty());
    cluster.service_cidrs = p.strings("service_cidrs", notes).filter(|l| !l.value.is_empty());
    cluster.dns_service_ip = p.string("dns_service_ip", notes);
    // Written in the configuration, but unknown until apply: not AKS's default, which is
    // assumed only where the configuration leaves it out (a plan JSON marks that unknown too,
    // as the provider computes it).
    // A dual-stack cluster's `service_cidrs` and `pod_cidrs` give the IPv4 ranges too, as
    // the ARM reader reads `serviceCidrs` and `podCidrs`: no default is assumed then.
    let service_cidr_unset = cluster.service_cidr.is_none() && cluster.service_cidrs.is_none();
    if service_cidr_unset && unknown("service_cidr") {
        let span = p.span_of("service_cidr");
        notes.unresolved(
            span,
            label,
            "service_cidr is known only after apply (a variable without a value?)".to_string(),
        );
        cluster.service_cidr = Some(Spanned::new(String::new(), span));
    } else if service_cidr_unset {
        notes.assumed(
            p.span_of("service_cidr"),
            label,
            crate::input::assumed::service_cidr("service_cidr"),
        );
    } else if cluster.service_cidr.is_some() && cluster.dns_service_ip.is_none() {
        notes.assumed(
            p.span_of("dns_service_ip"),
            label,
            crate::input::assumed::dns_service_ip("dns_service_ip", "service_cidr"),
        );
    }
    let pod_cidr_mode = matches!(
        cluster.network_plugin.as_ref().map(|p| p.value),
        Some(NetworkPlugin::Kubenet)
    ) || cluster.network_plugin_mode.is_some();
    if pod_cidr_mode && cluster.pod_cidr.is_none() && cluster.pod_cidrs.is_none() {
        notes.assumed(
            p.span_of("pod_cidr"),
            label,
            crate::input::assumed::pod_cidr("pod_cidr"),
        );
    }
}

/// One node pool: the cluster's `default_node_pool` block (`prefix` "default_node_pool.")
/// or an `azurerm_kubernetes_cluster_node_pool`.
#[allow(clippy::too_many_arguments)]
fn pool(
    r: &Resource<'_>,
    block: &Node<'_>,
    prefix: &str,
    label: String,
    group: Option<String>,
    is_default: bool,
    net: &Networks<'_>,
    notes: &mut Notes,
) -> Read {
    let attrs = Attrs::new(block, &label);
    let name = match attrs.string("name", notes) {
        Some(name) => name,
        None => name_of(r, block, notes),
    };
    // default_node_pool has no os_type: it is always Linux.
    let os_type = if is_default {
        None
    } else {
        attrs
            .string("os_type", notes)
            .and_then(|s| match s.value.to_ascii_lowercase().as_str() {
                "linux" => Some(Spanned::new(OsType::Linux, s.span)),
                "windows" => Some(Spanned::new(OsType::Windows, s.span)),
                _ => {
                    notes.wrong_type(
                        s.span,
                        &label,
                        "os_type",
                        "Linux or Windows",
                        format!("`{}`", s.value),
                    );
                    None
                }
            })
    };
    // Windows2019 pools cannot use a pod subnet (unsupported-os); the SKU says which Windows.
    let os_sku = attrs.string("os_sku", notes);
    // Provider v4 renamed enable_auto_scaling to auto_scaling_enabled.
    let autoscaling = attrs
        .flag("auto_scaling_enabled", notes)
        .or_else(|| attrs.flag("enable_auto_scaling", notes))
        .unwrap_or(false);
    // azurerm 1.x's `agent_pool_profile` called it `count`.
    let node_count = attrs
        .count("node_count", notes)
        .or_else(|| attrs.count("count", notes));
    let (min_count, max_count) = if autoscaling {
        let (min, max) = (attrs.count("min_count", notes), attrs.count("max_count", notes));
        if min.is_none() || max.is_none() {
            notes.unresolved(
                attrs.span_of("max_count"),
                &label,
                "autoscaling with min_count or max_count unknown until apply, so its size is not counted"
                    .to_string(),
            );
        }
        (min, max)
    } else {
        if node_count.is_none() {
            let why = if unknown(r, &format!("{prefix}node_count")) {
                "node_count is unknown (known only after apply, or from a value that could not be read)"
            } else {
                "it sets no node_count"
            };
            notes.unresolved(
                attrs.span_of("node_count"),
                &label,
                format!("{why}, so its size is not counted"),
            );
        }
        (None, None)
    };
    let max_pods = attrs.count("max_pods", notes);
    let max_surge = attrs
        .block("upgrade_settings")
        .and_then(|u| Attrs::new(u, &label).text("max_surge", notes));
    if max_surge.is_none() {
        notes.assumed(
            attrs.span_of("upgrade_settings"),
            &label,
            crate::input::assumed::max_surge("upgrade_settings.max_surge", "is not set"),
        );
    }
    let link = |key: &str, notes: &mut Notes| -> Option<Spanned<String>> {
        let value = attrs.get(key);
        let span = attrs.span_of(key);
        if let Some(v) = value.filter(|v| !v.is_null() && v.as_str().is_none()) {
            notes.wrong_type(v.span, &label, key, "a subnet resource ID", v.describe());
            return Some(Spanned::new(String::new(), span));
        }
        let path = format!("{prefix}{key}");
        let link = net.link(value, r.references.get(&path));
        let missing = match link {
            Some(SubnetLink::To(written)) => return Some(Spanned::new(written, span)),
            Some(SubnetLink::Unreadable) => None,
            Some(SubnetLink::Missing(why)) => Some(format!("{key} {why}")),
            None if unknown(r, &path) => Some(format!(
                "{key} is known only after apply and the configuration does not say which subnet"
            )),
            // An additional pool follows the default pool's subnet (`finish` says where).
            None if key == "vnet_subnet_id" && !is_default => None,
            None if key == "vnet_subnet_id" => Some(
                "sets no vnet_subnet_id: AKS puts the nodes in a VNet it creates, which this plan does not hold"
                    .to_string(),
            ),
            None => return None,
        };
        if let Some(why) = missing {
            notes.unresolved(span, &label, why);
        }
        // An empty reference: the pool is not linked, and the resolver says nothing more.
        Some(Spanned::new(String::new(), span))
    };
    let unset = |v: Option<&Node<'_>>| v.is_none_or(Node::is_null);
    let vnet_subnet_unset = (!is_default
        && unset(attrs.get("vnet_subnet_id"))
        && !unknown(r, &format!("{prefix}vnet_subnet_id")))
    .then(|| attrs.span_of("vnet_subnet_id"));
    let vnet_subnet =
        link("vnet_subnet_id", notes).unwrap_or_else(|| Spanned::new(String::new(), block.span));
    let pod_subnet = link("pod_subnet_id", notes);
    let max_pods_at = attrs.span_of("max_pods");
    Read {
        is_default,
        vnet_subnet_unset,
        pod_subnet_set: pod_subnet.is_some(),
        max_pods_unknown: max_pods.is_none(),
        // Unknown in a plan is what Azure computes when it is not set (Optional + Computed).
        max_pods_why: if attrs.get("max_pods").is_some_and(|n| !n.is_null()) {
            "max_pods is not a value AKS takes (the error at it says why)"
        } else {
            "max_pods is not set (Azure computes it)"
        },
        max_pods_at,
        pool: NodePool {
            name,
            os_type,
            os_sku,
            node_count,
            min_count,
            max_count,
            max_pods,
            max_surge,
            max_unavailable: attrs
                .block("upgrade_settings")
                .and_then(|u| Attrs::new(u, &label).text("max_unavailable", notes)),
            vnet_subnet,
            pod_subnet,
            pod_ip_allocation_mode: None,
            pods_per_node: None,
            virtual_node_pods: None,
            virtual_node_subnet: None,
            origin: Some(Origin {
                resource: r.address.clone(),
                resource_group: group,
            }),
        },
        label,
    }
}

/// The cluster with its pools, and the max pods each unset pool takes in the cluster's mode.
fn finish(b: Building, notes: &mut Notes) -> Cluster {
    let Building { mut cluster, pools } = b;
    let plugin = cluster
        .network_plugin
        .as_ref()
        .map_or(NetworkPlugin::Azure, |p| p.value);
    let dynamic = pools.iter().any(|p| p.pod_subnet_set);
    // Each pool's mode as the resolver will decide it; its default max pods with it.
    let overlay = cluster.network_plugin_mode.is_some();
    let mode_of = |read: &Read| {
        let allocation = read.pool.pod_ip_allocation_mode.as_ref().map(|m| m.value);
        crate::plan::model::pool_mode(plugin, overlay, dynamic, allocation)
    };
    // The azurerm docs: a pool without vnet_subnet_id uses the default pool's subnet (AKS
    // keeps every pool of a cluster on one VNet).
    let default_subnet = pools
        .iter()
        .find(|p| p.is_default)
        .map(|p| p.pool.vnet_subnet.value.clone())
        .filter(|s| !s.is_empty());
    for mut read in pools {
        if let Some(at) = read.vnet_subnet_unset {
            match &default_subnet {
                Some(subnet) => {
                    notes.assumed(
                        at,
                        &read.label,
                        format!("sets no vnet_subnet_id: AKS puts its nodes in the default node pool's subnet ({subnet})"),
                    );
                    read.pool.vnet_subnet = Spanned::default_at(subnet.clone(), at);
                }
                None => notes.unresolved(
                    at,
                    &read.label,
                    "sets no vnet_subnet_id, and the default node pool's subnet is not known either: AKS puts the nodes in a VNet it creates, which this plan does not hold".to_string(),
                ),
            }
        }
        if read.max_pods_unknown {
            let mode = mode_of(&read);
            notes.assumed(
                read.max_pods_at,
                &read.label,
                crate::input::assumed::max_pods(read.max_pods_why, mode),
            );
        }
        cluster.node_pools.value.push(read.pool);
    }
    cluster
}

/// `node_provisioning_profile { mode = "Auto" }` (azurerm 5): Karpenter adds nodes whose
/// bound (the NodePools' limits) lives in Kubernetes, not in the configuration. Noted.
fn node_provisioning(
    attrs: &Attrs<'_, '_>,
    label: &str,
    notes: &mut Notes,
) -> Option<crate::diagnostic::Span> {
    let profile = Attrs::new(attrs.block("node_provisioning_profile")?, label);
    let mode = profile.string("mode", notes)?;
    if !mode.value.trim().eq_ignore_ascii_case("Auto") {
        return None;
    }
    notes.unresolved(
        mode.span,
        label,
        "node auto-provisioning is on: the nodes Karpenter adds are not counted, since their bound (the \
         NodePools' limits) is not in the configuration; write them as `provisioned_pools` in a cniplan plan"
            .to_string(),
    );
    Some(mode.span)
}

/// `aci_connector_linux { subnet_name }`: virtual nodes, their subnet by name in the
/// cluster's VNet. How many pods run there is not in the configuration: noted, not counted.
fn virtual_nodes(attrs: &Attrs<'_, '_>, label: &str, notes: &mut Notes) -> Option<Spanned<String>> {
    let block = attrs.block("aci_connector_linux")?;
    let subnet = Attrs::new(block, label).string("subnet_name", notes);
    let what = subnet.as_ref().map_or("their subnet".to_string(), |s| {
        format!("subnet `{}`", s.value.trim())
    });
    notes.unresolved(
        subnet.as_ref().map_or(attrs.span_of("aci_connector_linux"), |s| s.span),
        label,
        format!(
            "virtual nodes (aci_connector_linux) are on: each of their pods takes one IP of {what}, but how many \
             run is not in the configuration; write `virtual_node_pods` in a cniplan plan to count them"
        ),
    );
    subnet
}

/// API Server VNet Integration: `api_server_access_profile.subnet_id` when
/// `virtual_network_integration_enabled` (azurerm's default false) is on, linked as a pool's
/// subnet is; one outside the configuration is noted.
fn api_server_subnet(
    r: &Resource<'_>,
    attrs: &Attrs<'_, '_>,
    net: &Networks<'_>,
    notes: &mut Notes,
) -> Option<Spanned<String>> {
    let label = r.address.as_str();
    let profile = Attrs::new(attrs.block("api_server_access_profile")?, label);
    if profile.flag("virtual_network_integration_enabled", notes) != Some(true) {
        return None;
    }
    let span = profile.span_of("subnet_id");
    match net.link(
        profile.get("subnet_id"),
        r.references.get("api_server_access_profile.subnet_id"),
    ) {
        Some(SubnetLink::To(written)) => Some(Spanned::new(written, span)),
        Some(SubnetLink::Missing(why)) => {
            notes.unresolved(
                span,
                label,
                format!("api_server_access_profile.subnet_id {why}, so the API server's IPs are not counted"),
            );
            None
        }
        Some(SubnetLink::Unreadable) | None => None,
    }
}
