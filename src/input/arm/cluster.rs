//! Managed clusters and their node pools (`agentPoolProfiles` and `…/agentPools`
//! resources) → the plan's clusters. A pool is kept when its subnets can be checked; one
//! whose subnet is unknown, outside the input or in the VNet AKS creates is left out and
//! said so.

use super::estate::{id_key, last_deployed, parent_id, segment_after, Builder, Resource};
use super::fields::{depends, field, Got, Reader};
use super::notes::Notes;
use super::order::Deployed;
use super::redeclared;
use super::value::Val;
use crate::diagnostic::{Finding, Span, Spanned};
use crate::input::{assumed, ResourcePlace};
use crate::plan::model::{
    self, ClusterSku, NetworkDataplane, NetworkPlugin, NetworkPluginMode, NetworkPolicy, Origin, OsType,
    PodIpAllocationMode,
};
use std::collections::{HashMap, HashSet};

/// What AKS does when a pool sets no `count` (the REST API: "The default value is 1").
const DEFAULT_COUNT: u32 = 1;

#[derive(Default)]
pub(super) struct Clusters {
    clusters: Vec<model::Cluster>,
    /// Each cluster's notes, pushed once its pools are known.
    notes: Vec<Notes>,
    ids: HashMap<String, usize>,
    /// The deployment that declares each cluster (by index), where a template does.
    deployed: Vec<Option<Deployed>>,
    /// Each pool read, by (cluster, name without case): where its draft is and how it was
    /// declared, so that a second declaration of one pool ID is one pool.
    seen: HashMap<(usize, String), (usize, Form, Option<Deployed>)>,
    /// Clusters that several deployments declare (one ID).
    redeclared: HashSet<usize>,
    /// Cluster declarations read so far: which one an inline pool came from.
    readings: u32,
    pools: Vec<Draft>,
    /// Where each cluster and pool is written, with its resource ID.
    pub(super) places: Vec<ResourcePlace>,
}

/// How an agent pool was declared: in its cluster's `agentPoolProfiles` (of which of the
/// cluster declarations read) or as an `agentPools` resource.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Inline(u32),
    Child,
}

/// A pool read, before its subnet references are checked.
struct Draft {
    cluster: usize,
    pool: model::NodePool,
    /// Where and why max_pods is left to Azure: noted with the default of the pool's mode
    /// once its cluster's pools are known.
    max_pods_unset: Option<(Span, String)>,
    vnet_subnet: Got<String>,
    pod_subnet: Got<String>,
    notes: Notes,
}

impl Clusters {
    pub(super) fn cluster(
        &mut self,
        r: Resource<'_>,
        findings: &mut Vec<Finding>,
        notes_out: &mut Vec<Notes>,
        (dedupe, texts): (bool, &[&str]),
    ) {
        let key = id_key(&r.id);
        let again = self.ids.get(&key).copied();
        if dedupe && again.is_some() {
            return;
        }
        self.readings += 1;
        self.places.push(ResourcePlace {
            span: r.body.span,
            address: r.id.clone(),
        });
        let mut notes = r.notes;
        let mut reader = Reader {
            notes: &mut notes,
            findings,
        };
        let cluster = read_cluster(&mut reader, &r.name, &r.body, r.resource_group.as_deref(), &r.id);
        // One resource ID is one cluster: deployments that deploy it again (AVM's `init`
        // and `idem`, a stamp listed twice in `.cniplan.yaml`) leave it as the one deployed
        // last declares it, and declarations that disagree are said. Two Terraform
        // resources of one ID stay two, for `duplicate-name` to say.
        let index = match again.filter(|&i| r.deployed.is_some() && self.deployed[i].is_some()) {
            Some(index) => {
                self.redeclared.insert(index);
                // `None`: one template declares the cluster twice, which ARM refuses (said
                // where the walk found it); the later one is kept.
                let order = last_deployed(self.deployed[index].as_ref(), r.deployed.as_ref());
                if let Some((second_last, why)) = &order {
                    let (was, now) = (
                        redeclared::cluster(&self.clusters[index]),
                        redeclared::cluster(&cluster),
                    );
                    findings.extend(redeclared::conflict(redeclared::Pair {
                        what: format!("cluster `{}`", r.name.value),
                        id: &r.id,
                        first: (&was, self.clusters[index].name.span),
                        second: (&now, r.name.span),
                        order: (*second_last, why),
                    }));
                }
                if order.as_ref().is_none_or(|(second_last, _)| *second_last) {
                    self.clusters[index] = cluster;
                    self.deployed[index] = r.deployed.clone();
                }
                index
            }
            None => {
                let index = self.clusters.len();
                self.ids.insert(key, index);
                self.clusters.push(cluster);
                self.deployed.push(r.deployed.clone());
                index
            }
        };
        if let Some(profiles) = field(&r.body, "agentPoolProfiles") {
            match profiles.unknown_reason() {
                Some(why) => notes.unresolve(
                    profiles.span,
                    format!(
                        "{}: its node pools are not read",
                        depends("agentPoolProfiles", why)
                    ),
                ),
                None => {
                    self.clusters[index].node_pools.span = profiles.span;
                    for (place, profile) in profiles.items().unwrap_or_default().into_iter().enumerate() {
                        let label = format!("{}, agent pool", notes.label);
                        let pool_id =
                            |name: &str| format!("{}/agentPools/{name}", r.id.trim_end_matches('/'));
                        let at = (index, r.deployed.as_ref());
                        let out = (&mut *findings, &mut *notes_out);
                        self.profile(at, (place, &profile), &label, &pool_id, out, (dedupe, texts));
                    }
                }
            }
        }
        // `finish` pairs each cluster with its notes by index.
        match again {
            Some(_) if self.redeclared.contains(&index) => notes_out.push(notes),
            _ => self.notes.push(notes),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn profile(
        &mut self,
        (cluster, deployed): (usize, Option<&Deployed>),
        (place, profile): (usize, &Val<'_>),
        label: &str,
        pool_id: &dyn Fn(&str) -> String,
        (findings, notes_out): (&mut Vec<Finding>, &mut Vec<Notes>),
        (dedupe, texts): (bool, &[&str]),
    ) {
        let mut notes = Notes::new(label, profile.span);
        let mut reader = Reader {
            notes: &mut notes,
            findings,
        };
        let name = match reader.text(profile, "name") {
            Got::Value(n) => n,
            // The pool's nodes take addresses whatever its name.
            Got::Unknown(span, why) => {
                reader.notes.assume(
                    span,
                    format!(
                        "{}: the pool is called by the expression that computes it",
                        depends("name", &why)
                    ),
                );
                super::estate::unknown_inline_name(texts, span, place)
            }
            Got::Absent => {
                findings.push(super::estate::nameless(profile, label));
                notes_out.push(notes);
                return;
            }
            Got::Invalid => {
                notes_out.push(notes);
                return;
            }
        };
        if !super::template::is_stand_in(&name.value) {
            notes.label = format!("{label} '{}'", name.value);
        }
        notes.span = name.span;
        let id = pool_id(&name.value);
        let declared = (Form::Inline(self.readings), deployed.cloned());
        self.add_pool(cluster, name, id, profile, notes, findings, (dedupe, declared));
    }

    pub(super) fn pool_resource(
        &mut self,
        r: Resource<'_>,
        findings: &mut Vec<Finding>,
        notes_out: &mut Vec<Notes>,
        dedupe: bool,
    ) {
        let parent = r.parent.clone().unwrap_or_else(|| parent_id(&r.id));
        let Some(&cluster) = self.ids.get(&id_key(&parent)) else {
            let mut notes = r.notes;
            let name = segment_after(&parent, "managedClusters").unwrap_or(&parent);
            let cluster = match super::estate::named(name) {
                Some(name) => format!("its cluster `{name}` is not in this input"),
                None => "its cluster's name is known only when deployed, so cniplan cannot find the cluster"
                    .to_string(),
            };
            notes.unresolve(
                notes.span,
                format!("{cluster}: the pool's network settings are unknown, so it is not checked; to check it, read it with the template that declares the cluster"),
            );
            notes_out.push(notes);
            return;
        };
        let declared = (Form::Child, r.deployed.clone());
        self.add_pool(
            cluster,
            r.name,
            r.id,
            &r.body,
            r.notes,
            findings,
            (dedupe, declared),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn add_pool(
        &mut self,
        cluster: usize,
        name: Spanned<String>,
        id: String,
        body: &Val<'_>,
        mut notes: Notes,
        findings: &mut Vec<Finding>,
        (dedupe, (form, deployed)): (bool, (Form, Option<Deployed>)),
    ) {
        let key = (cluster, name.value.to_ascii_lowercase());
        let earlier = self.seen.get(&key).cloned();
        // Two entries of one `agentPoolProfiles` list with one name are not one pool declared
        // twice but a list AKS refuses: both stay, for `duplicate-name` to name both places.
        let same_list =
            matches!((&earlier, form), (Some((_, Form::Inline(a), _)), Form::Inline(b)) if *a == b);
        if dedupe && earlier.is_some() && !same_list {
            return;
        }
        self.places.push(ResourcePlace {
            span: body.span,
            address: id.clone(),
        });
        let group = self.clusters[cluster]
            .origin
            .as_ref()
            .and_then(|o| o.resource_group.clone());
        let mut reader = Reader {
            notes: &mut notes,
            findings,
        };
        let vnet_subnet = reader.text(body, "vnetSubnetID");
        let pod_subnet = reader.text(body, "podSubnetID");
        let (pool, max_pods_unset) = read_pool(
            &mut reader,
            name,
            body,
            Origin {
                resource: id,
                resource_group: group,
            },
        );
        let draft = Draft {
            cluster,
            pool,
            max_pods_unset,
            vnet_subnet,
            pod_subnet,
            notes,
        };
        // One resource ID is one pool, however many templates declare it; two Terraform
        // resources of one ID stay two, for `duplicate-name` to say.
        let Some((at, was_form, was_deployed)) =
            earlier.filter(|(_, _, d)| !same_list && d.is_some() && deployed.is_some())
        else {
            if !same_list {
                self.seen.insert(key, (self.pools.len(), form, deployed));
            }
            self.pools.push(draft);
            return;
        };
        let order = last_deployed(was_deployed.as_ref(), deployed.as_ref()).or_else(|| {
            // One deployment: an `agentPools` resource deploys after the cluster that holds
            // the pool inline; twice as a resource ARM refuses (said where the walk found
            // it), and the later one is kept.
            (matches!(was_form, Form::Inline(_)) && form == Form::Child).then(|| {
                (true, "the `agentPools` resource deploys after the cluster that declares the pool inline; the cluster's next deployment sets the inline values again".to_string())
            })
        });
        let kept = &self.pools[at];
        if let Some((second_last, why)) = &order {
            let was = redeclared::pool(&kept.pool, &kept.vnet_subnet, &kept.pod_subnet);
            let now = redeclared::pool(&draft.pool, &draft.vnet_subnet, &draft.pod_subnet);
            findings.extend(redeclared::conflict(redeclared::Pair {
                what: format!(
                    "agent pool `{}` of cluster `{}`",
                    draft.pool.name.value, self.clusters[cluster].name.value
                ),
                id: draft.pool.origin.as_ref().map_or("", |o| o.resource.as_str()),
                first: (&was, kept.pool.name.span),
                second: (&now, draft.pool.name.span),
                order: (*second_last, why),
            }));
        }
        if order.as_ref().is_none_or(|(second_last, _)| *second_last) {
            self.pools[at] = draft;
            self.seen.insert(key, (at, form, deployed));
        }
    }

    /// The clusters with the pools whose subnets can be checked.
    pub(super) fn finish(mut self, builder: &Builder<'_>, notes_out: &mut Vec<Notes>) -> Vec<model::Cluster> {
        // (cluster, allocation, where and why, the pool's notes in notes_out)
        let mut max_pods_unset = Vec::new();
        for mut draft in std::mem::take(&mut self.pools) {
            let vnet_subnet = subnet(builder, draft.vnet_subnet, "vnetSubnetID", &mut draft.notes, true);
            let pod_subnet = subnet(builder, draft.pod_subnet, "podSubnetID", &mut draft.notes, false);
            // A pool whose subnet is not in this input still counts in its cluster (its
            // pods in an overlay or kubenet pod CIDR, its mode's rules); only what lands in
            // that subnet is not counted, as its note says.
            if let (Some(vnet_subnet), Some(pod_subnet)) = (vnet_subnet, pod_subnet) {
                draft.pool.vnet_subnet =
                    vnet_subnet.unwrap_or_else(|| Spanned::new(String::new(), draft.notes.span));
                draft.pool.pod_subnet = pod_subnet;
                if let Some(unset) = draft.max_pods_unset {
                    let allocation = draft.pool.pod_ip_allocation_mode.as_ref().map(|m| m.value);
                    max_pods_unset.push((draft.cluster, allocation, unset, notes_out.len()));
                }
                self.clusters[draft.cluster].node_pools.value.push(draft.pool);
            }
            notes_out.push(draft.notes);
        }
        // The default max pods is the pool's mode's, which its cluster's pools decide.
        for (cluster, allocation, (span, why), notes) in max_pods_unset {
            let mode = self.clusters[cluster].pool_mode(allocation);
            notes_out[notes].assume(span, assumed::max_pods(&why, mode));
        }
        // A cluster without a pool has no network mode the checks can tell (the mode is
        // the pools'): it is left out rather than checked as some default.
        let mut kept = Vec::new();
        for (mut cluster, mut notes) in self.clusters.into_iter().zip(self.notes) {
            // An API server subnet outside this input is said, not an unknown reference.
            if let Some(id) = &cluster.api_server_subnet {
                if let Err(why) = builder.reachable(&id.value) {
                    notes.unresolve(id.span, format!("`apiServerAccessProfile.subnetId`: {why}, so the API server's IPs are not counted"));
                    cluster.api_server_subnet = None;
                }
            }
            // An API server and an Automatic cluster's hosted system pool are the cluster's own:
            // counted whatever its pools, in the network mode it declares (an Automatic
            // cluster's is preconfigured, and it runs NAP's `default` NodePool).
            let own = cluster.api_server_subnet.is_some() || cluster.automatic().is_some();
            if cluster.node_pools.value.is_empty() && own && cluster.automatic().is_none() {
                notes.unresolve(
                    cluster.name.span,
                    "none of its node pools can be checked; only its API server's IPs are counted",
                );
                kept.push(cluster);
            } else if cluster.node_pools.value.is_empty() && !own {
                notes.unresolve(
                    cluster.name.span,
                    "none of its node pools can be checked, so the cluster is left out of the checks",
                );
            } else {
                kept.push(cluster);
            }
            notes_out.push(notes);
        }
        kept
    }
}

/// A pool's subnet reference, checked: `Some(Some(id))` a subnet of this input; `Some(None)`
/// one not given (optional) or not in this input (said in a note: the pool stays, unlinked);
/// `None` a value ARM refuses, which leaves the pool out.
#[allow(clippy::option_option)]
fn subnet(
    builder: &Builder<'_>,
    got: Got<String>,
    key: &str,
    notes: &mut Notes,
    required: bool,
) -> Option<Option<Spanned<String>>> {
    let uncounted = if key == "vnetSubnetID" {
        "the pool's nodes are not counted in any subnet"
    } else {
        "the pool's pods are not counted in any subnet"
    };
    match got {
        Got::Value(text) => match builder.reachable(&text.value) {
            Ok(()) => Some(Some(text)),
            Err(why) => {
                notes.unresolve(text.span, format!("`{key}`: {why}, so {uncounted}"));
                Some(None)
            }
        },
        Got::Absent if required => {
            notes.unresolve(
                notes.span,
                format!("no `{key}`: the pool's nodes go into the VNet AKS creates, which is not in this input, so {uncounted}"),
            );
            Some(None)
        }
        Got::Absent => Some(None),
        Got::Unknown(span, why) => {
            notes.unresolve(span, format!("{}, so {uncounted}", depends(key, &why)));
            Some(None)
        }
        Got::Invalid => None,
    }
}

fn read_cluster(
    reader: &mut Reader<'_>,
    name: &Spanned<String>,
    body: &Val<'_>,
    group: Option<&str>,
    id: &str,
) -> model::Cluster {
    let mut profile = field(body, "networkProfile");
    if let Some(why) = profile.as_ref().and_then(Val::unknown_reason) {
        let span = profile.as_ref().map_or(name.span, |p| p.span);
        reader.notes.assume(
            span,
            format!(
                "{}: assumed Azure CNI without a mode and the default service CIDR",
                depends("networkProfile", why)
            ),
        );
        profile = None;
    }
    let np = profile.unwrap_or_else(|| Val::null(name.span));
    let plugin = reader.choice(
        &np,
        "networkPlugin",
        &[
            ("azure", NetworkPlugin::Azure),
            ("kubenet", NetworkPlugin::Kubenet),
            ("none", NetworkPlugin::None),
        ],
    );
    let mode = reader.choice(
        &np,
        "networkPluginMode",
        &[("overlay", NetworkPluginMode::Overlay)],
    );
    let policy = reader.choice(
        &np,
        "networkPolicy",
        &[
            ("none", NetworkPolicy::None),
            ("azure", NetworkPolicy::Azure),
            ("calico", NetworkPolicy::Calico),
            ("cilium", NetworkPolicy::Cilium),
        ],
    );
    let dataplanes = [
        ("azure", NetworkDataplane::Azure),
        ("cilium", NetworkDataplane::Cilium),
    ];
    let mut dataplane = reader.choice(&np, "networkDataplane", &dataplanes);
    if matches!(dataplane, Got::Absent) {
        // API versions before networkDataplane called the Cilium dataplane `ebpfDataplane`.
        dataplane = reader.choice(&np, "ebpfDataplane", &dataplanes[1..]);
    }
    let pod_cidr = reader.text(&np, "podCidr");
    let service_cidr = reader.text(&np, "serviceCidr");
    let dns_service_ip = reader.text(&np, "dnsServiceIP");
    // Left to AKS: its defaults, noted in the words every reader uses (`input::assumed`).
    if matches!(service_cidr, Got::Absent) && field(&np, "serviceCidrs").is_none() {
        reader
            .notes
            .assume(np.span, assumed::service_cidr("networkProfile.serviceCidr"));
    } else if matches!(service_cidr, Got::Value(_)) && matches!(dns_service_ip, Got::Absent) {
        reader.notes.assume(
            np.span,
            assumed::dns_service_ip("networkProfile.dnsServiceIP", "networkProfile.serviceCidr"),
        );
    }
    let pod_cidr_mode = matches!(plugin, Got::Value(ref p) if p.value == NetworkPlugin::Kubenet)
        || matches!(mode, Got::Value(_));
    if pod_cidr_mode && matches!(pod_cidr, Got::Absent) && field(&np, "podCidrs").is_none() {
        reader
            .notes
            .assume(np.span, assumed::pod_cidr("networkProfile.podCidr"));
    }
    let version = reader.text(body, "kubernetesVersion");
    let node_provisioning = node_provisioning(reader, body);
    let virtual_node_subnet = virtual_nodes(reader, body);
    // AKS Automatic (`sku.name: Automatic`): its network, NAP and API server VNet
    // integration are preconfigured, so the resolver fills them in (docs/automatic.md).
    // Any other name (`Base`, the older `Basic`) is a Standard cluster's: nothing to say.
    let sku = field(body, "sku").and_then(|s| {
        let name = reader.text(&s, "name").value()?;
        let sku = if name.value.trim().eq_ignore_ascii_case("automatic") {
            ClusterSku::Automatic
        } else {
            ClusterSku::Base
        };
        Some(Spanned::new(sku, name.span))
    });
    let automatic = sku.as_ref().is_some_and(|s| s.value == ClusterSku::Automatic);
    let hosted = field(body, "hostedSystemProfile");
    let mut hosted_subnet = |key: &str| {
        let profile = hosted.as_ref()?;
        match reader.text(profile, key) {
            Got::Value(id) => Some(id),
            Got::Unknown(span, why) => {
                reader.notes.unresolve(
                    span,
                    format!(
                        "{}, so the nodes that join it are not counted there",
                        depends(key, &why)
                    ),
                );
                None
            }
            Got::Absent | Got::Invalid => None,
        }
    };
    let system_node_subnet = hosted_subnet("systemNodeSubnetID");
    let node_subnet = hosted_subnet("nodeSubnetID");
    model::Cluster {
        node_provisioning,
        virtual_node_subnet,
        api_server_subnet: api_server_subnet(reader, body, automatic),
        name: name.clone(),
        resource_group: group.map(|g| Spanned::new(g.to_string(), Span::default())),
        network_plugin: assumed(reader, plugin, "networkPlugin", "azure (Azure CNI)"),
        network_plugin_mode: assumed(reader, mode, "networkPluginMode", "no mode (not overlay)"),
        pod_cidr: assumed(
            reader,
            pod_cidr,
            "podCidr",
            "the default pod CIDR where one is used",
        ),
        network_dataplane: assumed(reader, dataplane, "networkDataplane", "azure"),
        network_policy: assumed(reader, policy, "networkPolicy", "none"),
        kubernetes_version: unresolved(
            reader,
            version,
            "kubernetesVersion",
            "checks of the Kubernetes version skip the cluster",
        ),
        service_cidr: assumed(reader, service_cidr, "serviceCidr", "the default 10.0.0.0/16"),
        pod_cidrs: cidr_list(reader, &np, "podCidrs"),
        service_cidrs: cidr_list(reader, &np, "serviceCidrs"),
        dns_service_ip: assumed(
            reader,
            dns_service_ip,
            "dnsServiceIP",
            "the service CIDR's 10th address",
        ),
        cli_version: None,
        private_link_service: None,
        node_pools: Spanned::new(Vec::new(), name.span),
        node_provisioning_mode: None,
        sku,
        system_node_subnet,
        hosted_system_nodes: None,
        node_subnet,
        provisioned_pools: Vec::new(),
        origin: Some(Origin {
            resource: id.to_string(),
            resource_group: group.map(str::to_string),
        }),
    }
}

fn read_pool(
    reader: &mut Reader<'_>,
    name: Spanned<String>,
    body: &Val<'_>,
    origin: Origin,
) -> (model::NodePool, Option<(Span, String)>) {
    let autoscale = match reader.flag(body, "enableAutoScaling") {
        Got::Value(b) => b.value,
        Got::Unknown(span, why) => {
            reader.notes.assume(
                span,
                format!("{}: assumed off", depends("enableAutoScaling", &why)),
            );
            false
        }
        Got::Absent | Got::Invalid => false,
    };
    let (mut min_count, mut max_count) = (None, None);
    if autoscale {
        match (reader.count(body, "minCount"), reader.count(body, "maxCount")) {
            (Got::Value(min), Got::Value(max)) => (min_count, max_count) = (Some(min), Some(max)),
            (Got::Unknown(span, why), _) | (_, Got::Unknown(span, why)) => reader.notes.assume(
                span,
                format!("the autoscaler's range is unknown (it depends on {why}): assumed the pool stays at `count`"),
            ),
            _ => reader.notes.assume(
                name.span,
                "`enableAutoScaling` without `minCount` and `maxCount`: assumed the pool stays at `count`",
            ),
        }
    }
    let node_count = match reader.count(body, "count") {
        Got::Value(n) => Some(n),
        Got::Absent | Got::Invalid if min_count.is_some() => None,
        Got::Unknown(span, why) if min_count.is_some() => {
            reader
                .notes
                .assume(span, format!("{}: assumed `minCount`", depends("count", &why)));
            None
        }
        Got::Unknown(span, why) => {
            reader.notes.assume(
                span,
                format!("{}: assumed {DEFAULT_COUNT} node", depends("count", &why)),
            );
            Some(Spanned::default_at(DEFAULT_COUNT, span))
        }
        Got::Absent | Got::Invalid => {
            reader.notes.assume(
                name.span,
                format!("no `count`: assumed AKS's default of {DEFAULT_COUNT} node"),
            );
            Some(Spanned::default_at(DEFAULT_COUNT, name.span))
        }
    };
    let (max_pods, max_pods_unset) = match reader.count(body, "maxPods") {
        Got::Value(n) => (Some(n), None),
        Got::Unknown(span, why) => (None, Some((span, depends("maxPods", &why)))),
        Got::Absent => (
            None,
            Some((name.span, "maxPods is not set (Azure computes it)".to_string())),
        ),
        Got::Invalid => (
            None,
            Some((
                name.span,
                "maxPods is not a value AKS takes (the error at it says why)".to_string(),
            )),
        ),
    };
    let os_type = reader.choice(
        body,
        "osType",
        &[("Linux", OsType::Linux), ("Windows", OsType::Windows)],
    );
    let os_sku = reader.text(body, "osSKU");
    let max_surge = max_surge(reader, body);
    let allocation = reader.choice(
        body,
        "podIPAllocationMode",
        &[
            ("DynamicIndividual", PodIpAllocationMode::DynamicIndividual),
            ("StaticBlock", PodIpAllocationMode::StaticBlock),
        ],
    );
    let pool = model::NodePool {
        os_type: assumed(reader, os_type, "osType", "Linux"),
        os_sku: assumed(reader, os_sku, "osSKU", "the OS's default SKU"),
        node_count,
        min_count,
        max_count,
        max_pods,
        max_surge,
        max_unavailable: field(body, "upgradeSettings")
            .and_then(|u| field(&u, "maxUnavailable"))
            .and_then(|v| match v.as_int() {
                Some(n) => Some(Spanned::new(n.to_string(), v.span)),
                None => v.as_str().map(|s| Spanned::new(s.to_string(), v.span)),
            }),
        vnet_subnet: Spanned::new(String::new(), name.span),
        pod_subnet: None,
        pod_ip_allocation_mode: assumed(reader, allocation, "podIPAllocationMode", "DynamicIndividual"),
        pods_per_node: None,
        virtual_node_pods: None,
        virtual_node_subnet: None,
        name,
        origin: Some(origin),
    };
    (pool, max_pods_unset)
}

/// `upgradeSettings.maxSurge`: a string ("33%", "1") or a bare number.
fn max_surge(reader: &mut Reader<'_>, body: &Val<'_>) -> Option<Spanned<String>> {
    let unset = |reader: &mut Reader<'_>| {
        let at = reader.notes.span;
        reader
            .notes
            .assume(at, assumed::max_surge("upgradeSettings.maxSurge", "is not set"));
        None
    };
    let Some(settings) = field(body, "upgradeSettings") else {
        return unset(reader);
    };
    let surge = match settings.unknown_reason() {
        Some(_) => settings,
        None => match field(&settings, "maxSurge") {
            Some(surge) => surge,
            None => return unset(reader),
        },
    };
    if let Some(n) = surge.as_int() {
        return Some(Spanned::new(n.to_string(), surge.span));
    }
    let span = surge.span;
    let got = reader.as_text(surge, "maxSurge");
    // `maxSurge: ''` (CARML passes it for every agent pool) is unset to AKS: its default.
    if matches!(got, Got::Absent) {
        reader
            .notes
            .assume(span, assumed::max_surge("upgradeSettings.maxSurge", "is empty"));
        return None;
    }
    assumed(
        reader,
        got,
        "upgradeSettings.maxSurge",
        crate::limits::DEFAULT_MAX_SURGE_WORDS,
    )
}

/// A value, or `None` with an assumed-value note when it is unknown.
fn assumed<T>(reader: &mut Reader<'_>, got: Got<T>, key: &str, default: &str) -> Option<Spanned<T>> {
    match got {
        Got::Value(v) => Some(v),
        Got::Unknown(span, why) => {
            reader
                .notes
                .assume(span, format!("{}: assumed {default}", depends(key, &why)));
            None
        }
        Got::Absent | Got::Invalid => None,
    }
}

/// A value, or `None` with an unresolved-input note when it is unknown.
fn unresolved<T>(reader: &mut Reader<'_>, got: Got<T>, key: &str, consequence: &str) -> Option<Spanned<T>> {
    match got {
        Got::Value(v) => Some(v),
        Got::Unknown(span, why) => {
            reader
                .notes
                .unresolve(span, format!("{}: {consequence}", depends(key, &why)));
            None
        }
        Got::Absent | Got::Invalid => None,
    }
}

/// `nodeProvisioningProfile.mode: Auto`: Karpenter adds nodes whose bound (the NodePools'
/// limits) lives in Kubernetes, not in the template. Where it is switched on, noted.
fn node_provisioning(reader: &mut Reader<'_>, body: &Val<'_>) -> Option<Span> {
    let profile = field(body, "nodeProvisioningProfile")?;
    let mode = reader.text(&profile, "mode").value()?;
    if !mode.value.trim().eq_ignore_ascii_case("Auto") {
        return None;
    }
    reader.notes.unresolve(
        mode.span,
        "node auto-provisioning is on: the nodes Karpenter adds are not counted, since their bound (the \
         NodePools' limits) is not in the template; write them as `provisioned_pools` in a cniplan plan",
    );
    Some(mode.span)
}

/// The ACI connector add-on (virtual nodes): its subnet, by name in the cluster's VNet. How
/// many pods run on virtual nodes is not in the template, so they are noted, not counted.
fn virtual_nodes(reader: &mut Reader<'_>, body: &Val<'_>) -> Option<Spanned<String>> {
    let addon = field(body, "addonProfiles").and_then(|a| a.get("aciConnectorLinux"))?;
    if !matches!(reader.flag(&addon, "enabled").value(), Some(on) if on.value) {
        return None;
    }
    let subnet = field(&addon, "config").and_then(|c| match reader.text(&c, "SubnetName") {
        Got::Value(s) => Some(s),
        _ => None,
    });
    let what = match &subnet {
        Some(s) => format!("subnet `{}`", s.value.trim()),
        None => "their subnet".to_string(),
    };
    reader.notes.unresolve(
        subnet.as_ref().map_or(addon.span, |s| s.span),
        format!(
            "virtual nodes (the ACI connector) are on: each of their pods takes one IP of {what}, but how many \
             run is not in the template; write `virtual_node_pods` in a cniplan plan to count them"
        ),
    );
    subnet
}

/// A dual-stack cluster's `podCidrs` or `serviceCidrs`: one CIDR per IP family, IPv4 first.
/// An entry unknown offline is noted and left out.
fn cidr_list(reader: &mut Reader<'_>, body: &Val<'_>, key: &str) -> Option<Spanned<Vec<Spanned<String>>>> {
    let list = field(body, key)?;
    if let Some(why) = list.unknown_reason() {
        reader.notes.unresolve(
            list.span,
            format!("{}: the cluster's IP families are not checked", depends(key, why)),
        );
        return None;
    }
    let mut out = Vec::new();
    for item in list.items()? {
        match reader.as_text(item, key) {
            Got::Value(v) => out.push(v),
            Got::Unknown(span, why) => reader
                .notes
                .unresolve(span, format!("{}: it is left out", depends(key, &why))),
            Got::Absent | Got::Invalid => {}
        }
    }
    (!out.is_empty()).then(|| Spanned::new(out, list.span))
}

/// API Server VNet Integration: `apiServerAccessProfile.subnetId` when
/// `enableVnetIntegration` is on, as it always is in AKS Automatic ("Preconfigured",
/// intro-aks-automatic.md) (the subnet the API server is projected into).
fn api_server_subnet(reader: &mut Reader<'_>, body: &Val<'_>, automatic: bool) -> Option<Spanned<String>> {
    let profile = field(body, "apiServerAccessProfile")?;
    let on = automatic
        || reader
            .flag(&profile, "enableVnetIntegration")
            .value()
            .is_some_and(|f| f.value);
    if !on {
        return None;
    }
    match reader.text(&profile, "subnetId") {
        Got::Value(id) => Some(id),
        Got::Unknown(span, why) => {
            reader.notes.unresolve(
                span,
                format!(
                    "{}, so the API server's IPs are not counted",
                    depends("subnetId", &why)
                ),
            );
            None
        }
        Got::Absent | Got::Invalid => None,
    }
}
