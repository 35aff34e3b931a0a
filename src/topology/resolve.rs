//! Builds the [`Topology`] from a typed plan: parses CIDRs and IPs (`invalid-cidr`), resolves
//! peerings and subnet references (`unknown-reference`), and fills in defaults.
//!
//! Names are compared as Azure compares them: without case, and within their scope (a VNet
//! within its resource group, a subnet within its VNet).

use super::miss::{self, Miss};
use super::{cidr, AutoCidr, Cidr, Cidr6, Cluster, ExternalNetwork, Pool, Subnet, Topology, Vnet};
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::limits::{self, Allocation};
use crate::mode::Mode;
use crate::plan::model::{
    self, is_ipv6, MaxSurge, NetworkDataplane, NetworkPlugin, NetworkPolicy, OsType, Plan,
    PodIpAllocationMode,
};
use crate::plan::reference::{self, SubnetRef};
use rayon::prelude::*;
// foldhash: 100,000 subnet names are hashed per estate; SipHash was 2 % of the check.
use foldhash::HashMap;

/// The topology of `plan`, and what did not parse or resolve. `headroom_warning` is the
/// repository's setting, used where the plan does not set its own.
/// Takes the plan by value: its names move into the topology rather than being copied, which
/// halves what a large estate holds at this point.
pub fn resolve(plan: Plan, headroom_warning: Option<f64>) -> (Topology, Vec<Finding>) {
    let mut r = Resolver::default();
    r.topology.allocation = allocation(&plan.allocation, headroom_warning);
    r.topology.churn = crate::topology::churn_settings::resolve(plan.churn.as_ref(), &mut r.findings);
    // Sized up front: an estate pushes 100,000 subnets, and growing the vector moved each of
    // them several times.
    let subnets: usize = plan.vnets.iter().map(|v| v.subnets.len()).sum();
    r.topology.subnets.reserve_exact(subnets);
    r.topology.vnets.reserve_exact(plan.vnets.len());
    r.names_in_vnet.reserve_exact(plan.vnets.len());
    // A VNet's subnets depend on nothing outside it: each VNet's are built on a core of its
    // own (ranges parsed, names ordered), then placed in plan order.
    let vnets: Vec<(model::Vnet, VnetSubnets)> = plan
        .vnets
        .into_par_iter()
        .enumerate()
        .map(|(index, mut vnet)| {
            let subnets = VnetSubnets::of(index, std::mem::take(&mut vnet.subnets));
            (vnet, subnets)
        })
        .collect();
    let mut peerings = Vec::with_capacity(vnets.len());
    for (mut vnet, subnets) in vnets {
        peerings.push(std::mem::take(&mut vnet.peerings));
        r.add_vnet(vnet, subnets);
    }
    for (i, peers) in peerings.iter().enumerate() {
        for peer in peers {
            r.add_peering(i, peer);
        }
    }
    for ext in plan.external_networks {
        let cidrs = ext.cidrs.iter().filter_map(|c| r.cidr(c)).collect();
        r.topology.external_networks.push(ExternalNetwork {
            name: ext.name,
            cidrs,
        });
    }
    for cluster in plan.clusters {
        r.add_cluster(cluster);
    }
    (r.topology, r.findings)
}

fn allocation(a: &model::Allocation, headroom_warning: Option<f64>) -> Allocation {
    let d = limits::ALLOCATION_DEFAULTS;
    let or = |v: &Option<Spanned<u32>>, default: u32| v.as_ref().map_or(default, |v| v.value);
    Allocation {
        batch_size: or(&a.batch_size, d.batch_size),
        refill_below: or(&a.refill_below, d.refill_below),
        release_at: or(&a.release_at, d.release_at),
        primary_ips_per_node: or(&a.primary_ips_per_node, d.primary_ips_per_node),
        headroom_warning: a
            .headroom_warning
            .as_ref()
            .map(|h| h.value)
            .or(headroom_warning)
            .unwrap_or(d.headroom_warning),
    }
}

/// How Azure compares names.
fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

/// One VNet's subnets as the topology holds them, and what parsing their ranges found.
struct VnetSubnets {
    subnets: Vec<Subnet>,
    /// (name's [`folded_hash`], index into `subnets`), sorted: a name's subnets in plan order.
    by_name: Vec<(u64, usize)>,
    findings: Vec<Finding>,
}

impl VnetSubnets {
    fn of(vnet: usize, written: Vec<model::Subnet>) -> Self {
        let mut findings = Vec::new();
        let subnets: Vec<Subnet> = written
            .into_iter()
            .map(|subnet| {
                let assigned = cidr::parse_assigned(&subnet.cidr.value);
                // An imported subnet's prefixes are Azure's `addressPrefixes`, of either
                // family (an IPv6-only subnet's `cidr` too); a cniplan plan's `cidr` is IPv4.
                let imported = subnet.origin.is_some();
                let mut cidrs_v6 = Vec::new();
                let mut more_cidrs = Vec::new();
                let (cidr, auto, invalid) = match assigned {
                    Some(_) => (None, None, None),
                    None if imported && is_ipv6(&subnet.cidr.value) => {
                        cidrs_v6.extend(cidr6_of(&subnet.cidr).map_err(|f| findings.push(*f)).ok());
                        (None, None, None)
                    }
                    None => range(&subnet.cidr),
                };
                findings.extend(invalid);
                for text in &subnet.more_cidrs {
                    let parsed = if is_ipv6(&text.value) {
                        cidr6_of(text).map(|c| cidrs_v6.push(c))
                    } else {
                        cidr_of(text).map(|c| more_cidrs.push(c))
                    };
                    findings.extend(parsed.err().map(|f| *f));
                }
                Subnet {
                    more_cidrs,
                    cidrs_v6,
                    vnet,
                    reserved_ips: spanned_or(&subnet.reserved_ips, 0, subnet.name.span),
                    name: subnet.name,
                    origin: subnet.origin.map(Box::new),
                    cidr,
                    delegation: subnet.delegation.filter(|d| !d.value.trim().is_empty()),
                    auto,
                    assigned,
                }
            })
            .collect();
        let mut by_name: Vec<(u64, usize)> = subnets
            .iter()
            .enumerate()
            .map(|(i, s)| (folded_hash(&s.name.value), i))
            .collect();
        by_name.sort_unstable();
        VnetSubnets {
            subnets,
            by_name,
            findings,
        }
    }
}

/// A subnet's range: a CIDR, `auto`, or why neither.
fn range(text: &Spanned<String>) -> (Option<Cidr>, Option<AutoCidr>, Option<Finding>) {
    match cidr::parse_auto(&text.value, text.span) {
        None => match cidr_of(text) {
            Ok(cidr) => (Some(cidr), None, None),
            Err(finding) => (None, None, Some(*finding)),
        },
        Some(Ok(prefix)) => (
            None,
            Some(AutoCidr {
                prefix,
                span: text.span,
                sized: None,
                capped: false,
                peak_demand: 0,
            }),
            None,
        ),
        Some(Err(finding)) => (None, None, Some(finding)),
    }
}

/// A hash of the name as [`folded`] gives it, without building the folded string for the
/// ASCII names every plan has: a VNet's subnets are indexed on every core, and a lookup
/// compares hashes before it reads a name.
fn folded_hash(name: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = foldhash::fast::FixedState::default().build_hasher();
    let name = name.trim();
    if name.is_ascii() {
        name.bytes().for_each(|b| hasher.write_u8(b.to_ascii_lowercase()));
    } else {
        folded(name).bytes().for_each(|b| hasher.write_u8(b));
    }
    hasher.finish()
}

/// Whether two names are one to Azure ([`folded`]), for ASCII names without allocating.
fn same_folded(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    folded(a) == folded(b)
}

fn cidr6_of(text: &Spanned<String>) -> Result<Cidr6, Box<Finding>> {
    cidr::parse_cidr6(text.value.trim(), text.span).map(|written| Cidr6 {
        written,
        span: text.span,
        defaulted: false,
    })
}

fn cidr_of(text: &Spanned<String>) -> Result<Cidr, Box<Finding>> {
    cidr::parse_cidr(&text.value, text.span).map(|written| Cidr {
        written,
        span: text.span,
        defaulted: false,
    })
}

#[derive(Default)]
struct Resolver {
    topology: Topology,
    findings: Vec<Finding>,
    /// VNets of each name, in plan order; duplicates are `duplicate-name`'s business.
    vnets_named: HashMap<String, Vec<usize>>,
    /// Per VNet, (name's [`folded_hash`], subnet), sorted: a name's subnets in plan order.
    names_in_vnet: Vec<Vec<(u64, usize)>>,
    /// Every subnet of each name, across VNets, in plan order, for bare-name references:
    /// built on the first one, since an estate's references name their VNet.
    subnets_named: std::cell::OnceCell<HashMap<String, Vec<usize>>>,
    /// Imported subnets and VNets by the resource they came from (a Terraform address),
    /// folded: an imported pool or peering names them so, since Azure names repeat across
    /// resource groups. Empty for cniplan plans.
    subnets_by_origin: HashMap<String, usize>,
    vnets_by_origin: HashMap<String, usize>,
}

impl Resolver {
    fn cidr(&mut self, text: &Spanned<String>) -> Option<Cidr> {
        match cidr_of(text) {
            Ok(cidr) => Some(cidr),
            Err(finding) => {
                self.findings.push(*finding);
                None
            }
        }
    }

    fn add_vnet(&mut self, vnet: model::Vnet, built: VnetSubnets) {
        let index = self.topology.vnets.len();
        if let Some(origin) = &vnet.origin {
            self.vnets_by_origin
                .entry(folded(&origin.resource))
                .or_insert(index);
        }
        self.vnets_named
            .entry(folded(&vnet.name.value))
            .or_default()
            .push(index);
        // An imported VNet's address space may be dual-stack; a cniplan plan's is IPv4.
        let (mut address_space, mut address_space_v6) = (Vec::new(), Vec::new());
        for text in &vnet.address_space.value {
            if vnet.origin.is_some() && is_ipv6(&text.value) {
                match cidr6_of(text) {
                    Ok(c) => address_space_v6.push(c),
                    Err(f) => self.findings.push(*f),
                }
            } else {
                address_space.extend(self.cidr(text));
            }
        }
        self.findings.extend(built.findings);
        let first = self.topology.subnets.len();
        for (id, subnet) in (first..).zip(&built.subnets) {
            if let Some(origin) = &subnet.origin {
                self.subnets_by_origin
                    .entry(folded(&origin.resource))
                    .or_insert(id);
            }
        }
        let subnets = (first..first + built.subnets.len()).collect();
        self.topology.subnets.extend(built.subnets);
        self.names_in_vnet
            .push(built.by_name.into_iter().map(|(h, i)| (h, first + i)).collect());
        self.topology.vnets.push(Vnet {
            name: vnet.name,
            resource_group: vnet.resource_group.map(|g| g.value),
            origin: vnet.origin,
            address_space,
            address_space_v6,
            peerings: Vec::new(),
            subnets,
        });
    }

    /// The first subnet of VNet `vnet` named `name`.
    fn subnet_in_vnet(&self, vnet: usize, name: &str) -> Option<usize> {
        let ids = self.names_in_vnet.get(vnet)?;
        let hash = folded_hash(name);
        let at = ids.partition_point(|&(h, _)| h < hash);
        ids[at..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, id)| id)
            .find(|&id| same_folded(&self.topology.subnets[id].name.value, name))
    }

    /// Every subnet named `name` as Azure compares names, in plan order.
    fn subnets_named(&self, name: &str) -> &[usize] {
        let named = self.subnets_named.get_or_init(|| {
            let mut named: HashMap<String, Vec<usize>> = HashMap::default();
            for (id, subnet) in self.topology.subnets.iter().enumerate() {
                named.entry(folded(&subnet.name.value)).or_default().push(id);
            }
            named
        });
        named.get(&folded(name)).map_or(&[], Vec::as_slice)
    }

    fn add_peering(&mut self, vnet: usize, peer: &Spanned<String>) {
        if let Some(&other) = self.vnets_by_origin.get(&folded(&peer.value)) {
            self.topology.vnets[vnet].peerings.push(other);
            return;
        }
        let own_group = self.topology.vnets[vnet].resource_group.clone();
        // A peer in another resource group is named by a VNet resource ID, whose group and
        // name segments say which VNet it is.
        let id = peer
            .value
            .trim_start()
            .starts_with('/')
            .then(|| reference::ResourceId::new(peer.value.trim()));
        let (name, group) = match &id {
            Some(id) => (
                id.after("virtualNetworks").unwrap_or(&peer.value),
                id.after("resourceGroups").or(own_group.as_deref()),
            ),
            None => (peer.value.as_str(), own_group.as_deref()),
        };
        match self.find_vnet(name, group, Some(vnet)) {
            Some(other) => self.topology.vnets[vnet].peerings.push(other),
            None => {
                let nearest = self.nearest_vnet(&peer.value);
                self.findings
                    .push(miss::unknown_peering(&peer.value, peer.span, nearest.as_deref()));
            }
        }
    }

    /// The VNet named `name`: in `group` when given (one that says no group only when none
    /// is in that group), else the first of that name (in the resource group of `near` when
    /// several share it).
    fn find_vnet(&self, name: &str, group: Option<&str>, near: Option<usize>) -> Option<usize> {
        self.vnets_matching(name, group, near).first().copied()
    }

    /// Every VNet `find_vnet` could take, the one it takes first.
    fn vnets_matching(&self, name: &str, group: Option<&str>, near: Option<usize>) -> Vec<usize> {
        let Some(candidates) = self.vnets_named.get(&folded(name)) else {
            return Vec::new();
        };
        let group_of = |v: usize| {
            self.topology
                .vnets
                .get(v)
                .and_then(|x| x.resource_group.as_deref())
        };
        let exact: Vec<usize> = match group {
            Some(g) => candidates
                .iter()
                .copied()
                .filter(|&v| group_of(v).is_some_and(|rg| rg.eq_ignore_ascii_case(g)))
                .collect(),
            None => Vec::new(),
        };
        let matching: Vec<usize> = if exact.is_empty() {
            candidates
                .iter()
                .copied()
                .filter(|&v| match (group, group_of(v)) {
                    (Some(g), Some(rg)) => g.eq_ignore_ascii_case(rg),
                    _ => true,
                })
                .collect()
        } else {
            exact
        };
        let near_group = near.and_then(|v| self.topology.vnets.get(v)?.resource_group.clone());
        let mut matching = matching;
        if let Some(at) = matching.iter().position(|&v| {
            near_group.is_some()
                && self.topology.vnets.get(v).and_then(|x| x.resource_group.as_ref()) == near_group.as_ref()
        }) {
            let preferred = matching.remove(at);
            matching.insert(0, preferred);
        }
        matching
    }

    fn nearest_vnet(&self, name: &str) -> Option<String> {
        let names = self.topology.vnets.iter().map(|v| v.name.value.as_str());
        crate::suggest::nearest(name, names).map(str::to_string)
    }

    /// The subnet a reference names; `hint` is the cluster's VNet for bare names.
    fn lookup(&self, text: &str, hint: Option<usize>) -> Result<usize, Miss> {
        if !self.subnets_by_origin.is_empty() {
            if let Some(&s) = self.subnets_by_origin.get(&folded(text)) {
                return Ok(s);
            }
        }
        match reference::parse(text) {
            SubnetRef::Malformed(why) => Err(Miss::Malformed(why)),
            SubnetRef::Qualified {
                resource_group,
                vnet,
                subnet,
            } => {
                let vnets = self.vnets_matching(vnet, resource_group, hint);
                let Some(&v) = vnets.first() else {
                    return Err(Miss::NoSuchVnet {
                        vnet: vnet.to_string(),
                        nearest: self.nearest_vnet(vnet),
                    });
                };
                // VNets that share a name (each reported as duplicate-name) are told apart by
                // the subnet: `vnet/subnet` takes the first of them that holds it.
                let holding = vnets.iter().find_map(|&v| self.subnet_in_vnet(v, subnet));
                holding.ok_or_else(|| Miss::NoSuchSubnet {
                    vnet: self.topology.vnets[v].name.value.clone(),
                    subnet: subnet.to_string(),
                    nearest: self.nearest_subnet(subnet, Some(v)),
                })
            }
            SubnetRef::Name(name) => {
                if let Some(s) = hint.and_then(|v| self.subnet_in_vnet(v, name)) {
                    return Ok(s);
                }
                match self.subnets_named(name) {
                    [only] => Ok(*only),
                    many if !many.is_empty() => Err(Miss::Ambiguous {
                        subnet: name.to_string(),
                        vnets: many
                            .iter()
                            .map(|&s| {
                                let vnet = self.topology.subnets[s].vnet;
                                self.topology.vnets[vnet].name.value.clone()
                            })
                            .collect(),
                    }),
                    _ => Err(Miss::NoSuchName {
                        subnet: name.to_string(),
                        nearest: self.nearest_subnet(name, hint),
                    }),
                }
            }
        }
    }

    /// The nearest subnet name, in `vnet` when given, else anywhere.
    fn nearest_subnet(&self, name: &str, vnet: Option<usize>) -> Option<String> {
        let subnets = &self.topology.subnets;
        let names: Vec<&str> = match vnet {
            Some(v) => self.topology.vnets[v]
                .subnets
                .iter()
                .map(|&s| subnets[s].name.value.as_str())
                .collect(),
            None => subnets.iter().map(|s| s.name.value.as_str()).collect(),
        };
        crate::suggest::nearest(name, names).map(str::to_string)
    }

    /// A subnet reference resolved, or reported where it is written.
    fn subnet(&mut self, text: &Spanned<String>, hint: Option<usize>) -> Option<usize> {
        match self.lookup(&text.value, hint) {
            Ok(s) => Some(s),
            Err(miss) => {
                self.findings
                    .push(miss::unknown_subnet(&text.value, text.span, miss));
                None
            }
        }
    }

    fn add_cluster(&mut self, mut cluster: model::Cluster) {
        automatic_defaults(&mut cluster);
        let name = cluster.name.clone();
        // The cluster's VNet: where the first node-subnet reference that resolves on its own
        // points. Bare names in the other pools are then looked up there first.
        let vnet = cluster
            .node_pools
            .value
            .iter()
            .find_map(|p| self.lookup(&p.vnet_subnet.value, None).ok())
            .map(|s| self.topology.subnets[s].vnet)
            // An Automatic cluster may have no pools of its own: its other subnets' VNet.
            .or_else(|| {
                [
                    &cluster.node_subnet,
                    &cluster.system_node_subnet,
                    &cluster.api_server_subnet,
                ]
                .into_iter()
                .flatten()
                .find_map(|s| self.lookup(&s.value, None).ok())
                .map(|s| self.topology.subnets[s].vnet)
            });
        let network = network_of(&cluster);
        let mut pools: Vec<Pool> = cluster
            .node_pools
            .value
            .iter()
            .map(|pool| self.pool(pool, vnet, network))
            .collect();
        // Karpenter's default subnet is the cluster's: `node_subnet` (hostedSystemProfile's
        // nodeSubnetID) when written, else where its first pool's nodes live.
        let nap_subnet = cluster
            .node_subnet
            .as_ref()
            .and_then(|text| self.subnet(text, vnet));
        let cluster_subnet = nap_subnet.or_else(|| pools.iter().find_map(|p| p.node_subnet));
        let automatic = cluster.automatic();
        let system_node_subnet = cluster
            .system_node_subnet
            .as_ref()
            .and_then(|text| self.subnet(text, vnet));
        let hosted_system_nodes = self.hosted_system_nodes(&cluster, system_node_subnet);
        let provisioned: Vec<Pool> = cluster
            .provisioned_pools
            .iter()
            .map(|pool| self.provisioned_pool(pool, vnet, network, cluster_subnet))
            .collect();
        pools.extend(provisioned);
        // An AKS Automatic cluster with no pool of its own runs NAP's `default` NodePool,
        // which AKS creates without limits (node-auto-provisioning-node-pools.md, "Review
        // default node pool configuration"): counted as such. The cluster's own subnets (API
        // server, hosted system pool) are counted whatever its pools (capacity::pool_uses).
        if let (Some(at), true) = (cluster.automatic(), pools.is_empty()) {
            let default = model::ProvisionedPool {
                name: Spanned::default_at("default".to_string(), at),
                max_nodes: None,
                replicas: None,
                vnet_subnet: None,
                max_pods: None,
                origin: None,
            };
            let pool = self.provisioned_pool(&default, vnet, network, cluster_subnet);
            pools.push(pool);
        }
        // An imported cluster's ACI connector names its subnet: its system (first) pool's.
        if let (Some(text), Some(first)) = (&cluster.virtual_node_subnet, pools.first_mut()) {
            if first.virtual_node_subnet_written.is_none() {
                let hint = first.node_subnet.map(|s| self.topology.subnets[s].vnet).or(vnet);
                first.virtual_node_subnet = self.subnet(text, hint);
                first.virtual_node_subnet_written = Some(text.span);
            }
        }
        let api_server_subnet = cluster
            .api_server_subnet
            .as_ref()
            .and_then(|text| self.subnet(text, vnet));
        let node_provisioning = cluster.auto_provisioning();
        // Dual-stack lists (`pod_cidrs`, `service_cidrs`): their IPv4 entry stands for
        // `pod_cidr` and `service_cidr`, their IPv6 entry is the second family's.
        let (pod_v4, pod_cidr_v6) = self.families(&cluster.pod_cidrs, &cluster.pod_cidr, "pod_cidr");
        let (service_v4, service_cidr_v6) =
            self.families(&cluster.service_cidrs, &cluster.service_cidr, "service_cidr");
        let dual_stack = pod_cidr_v6.is_some() || service_cidr_v6.is_some();
        let default6 = |written| {
            Some(Cidr6 {
                written,
                span: name.span,
                defaulted: true,
            })
        };
        let pod_cidr_v6 = match pod_cidr_v6 {
            None if dual_stack && network.uses_pod_cidr() => default6(limits::DEFAULT_POD_CIDR_V6),
            other => other,
        };
        let service_cidr_v6 = match service_cidr_v6 {
            None if dual_stack => default6(limits::DEFAULT_SERVICE_CIDR_V6),
            other => other,
        };
        let pod_cidr = match (&pod_v4, network) {
            (Some(text), _) => self.cidr(text),
            (None, n) if n.uses_pod_cidr() => Some(Cidr {
                written: limits::DEFAULT_POD_CIDR,
                span: name.span,
                defaulted: true,
            }),
            (None, _) => None,
        };
        let service_cidr = match &service_v4 {
            // An imported value known only after apply (its reader noted it): unknown, so no
            // default is assumed and the rules that need it stay silent.
            Some(text) if text.value.trim().is_empty() && cluster.origin.is_some() => None,
            Some(text) => self.cidr(text),
            None => Some(Cidr {
                written: limits::DEFAULT_SERVICE_CIDR,
                span: name.span,
                defaulted: true,
            }),
        };
        let dns_service_ip = match &cluster.dns_service_ip {
            Some(text) => match cidr::parse_ip(&text.value, text.span) {
                Ok(ip) => Some(Spanned::new(ip, text.span)),
                Err(finding) => {
                    self.findings.push(*finding);
                    None
                }
            },
            // The 10th address of the service CIDR, pointing where the service CIDR came from.
            None => service_cidr.as_ref().map(|c| {
                let ip = u32::from(c.net().network()).saturating_add(limits::DEFAULT_DNS_SERVICE_IP_OFFSET);
                Spanned::default_at(ip.into(), c.span)
            }),
        };
        self.topology.clusters.push(Cluster {
            resource_group: cluster.resource_group.map(|g| g.value),
            origin: cluster.origin,
            network_plugin: spanned_or(&cluster.network_plugin, NetworkPlugin::Azure, name.span),
            overlay: cluster.network_plugin_mode.as_ref().map(|m| m.span),
            pod_cidr,
            network_dataplane: spanned_or(&cluster.network_dataplane, NetworkDataplane::Azure, name.span),
            network_policy: spanned_or(&cluster.network_policy, NetworkPolicy::None, name.span),
            kubernetes_version: cluster.kubernetes_version,
            service_cidr,
            pod_cidr_v6,
            service_cidr_v6,
            dns_service_ip,
            cli_version: cluster.cli_version,
            private_link_service: spanned_or(&cluster.private_link_service, false, name.span),
            vnet,
            api_server_subnet,
            api_server_subnet_written: cluster.api_server_subnet.as_ref().map(|s| s.span),
            system_node_subnet,
            system_node_subnet_written: cluster.system_node_subnet.as_ref().map(|s| s.span),
            hosted_system_nodes,
            automatic,
            node_provisioning,
            pools,
            name,
        });
    }

    /// A dual-stack list split by family: its IPv4 entry's text (else the single-family
    /// key's, `single`) and its IPv6 entry, parsed. AKS takes one CIDR per family, IPv4
    /// first (the order of `--ip-families`); anything else is reported where it is written.
    fn families(
        &mut self,
        list: &Option<Spanned<Vec<Spanned<String>>>>,
        single: &Option<Spanned<String>>,
        key: &str,
    ) -> (Option<Spanned<String>>, Option<Cidr6>) {
        let Some(list) = list else {
            return (single.clone(), None);
        };
        let schema = |span, message: String, help: &str| {
            Finding::new(Rule::PlanSchema, span, message).help(help.to_string())
        };
        let one_each = "list one IPv4 CIDR, then one IPv6 CIDR: AKS takes one per IP family, IPv4 first";
        let (mut v4, mut v6): (Option<Spanned<String>>, Option<Cidr6>) = (None, None);
        for entry in &list.value {
            if entry.value.contains(':') {
                if v6.is_some() {
                    self.findings.push(schema(
                        entry.span,
                        format!("`{key}s` lists a second IPv6 CIDR"),
                        one_each,
                    ));
                    continue;
                }
                match cidr::parse_cidr6(entry.value.trim(), entry.span) {
                    Ok(written) => {
                        v6 = Some(Cidr6 {
                            written,
                            span: entry.span,
                            defaulted: false,
                        })
                    }
                    Err(finding) => self.findings.push(*finding),
                }
            } else if v4.is_some() {
                self.findings.push(schema(
                    entry.span,
                    format!("`{key}s` lists a second IPv4 CIDR"),
                    one_each,
                ));
            } else {
                if v6.is_some() {
                    self.findings.push(schema(
                        entry.span,
                        format!("`{key}s` lists its IPv4 CIDR after its IPv6 one"),
                        one_each,
                    ));
                }
                v4 = Some(entry.clone());
            }
        }
        if let (Some(single), Some(listed)) = (single, &v4) {
            if !single.value.trim().eq_ignore_ascii_case(listed.value.trim()) {
                self.findings.push(
                    schema(
                        single.span,
                        format!(
                            "`{key}` {} and the IPv4 entry of `{key}s` {} disagree",
                            single.value.trim(),
                            listed.value.trim()
                        ),
                        "write the IPv4 range once, in the list",
                    )
                    .related(listed.span, "the list's IPv4 entry"),
                );
            }
        }
        (v4.or_else(|| single.clone()), v6)
    }

    fn pool(&mut self, pool: &model::NodePool, vnet: Option<usize>, network: Network) -> Pool {
        let owner = pool.name.span;
        let mode = network.mode_of(pool.pod_ip_allocation_mode.as_ref().map(|m| m.value));
        // An imported pool whose subnet no input holds (another state, a VNet AKS creates)
        // names none; its reader said so in an unresolved-input note.
        let unlinked = |text: &Spanned<String>| pool.origin.is_some() && text.value.is_empty();
        let node_subnet = if unlinked(&pool.vnet_subnet) {
            None
        } else {
            self.subnet(&pool.vnet_subnet, vnet)
        };
        // An overlay or kubenet cluster's pool takes no pod subnet (mixed-cni says so).
        let pod_subnet = pool
            .pod_subnet
            .as_ref()
            .filter(|t| mode.uses_pod_subnet() && !unlinked(t))
            .and_then(|text| {
                let hint = node_subnet.map(|s| self.topology.subnets[s].vnet).or(vnet);
                self.subnet(text, hint)
            });
        let baseline = pool
            .node_count
            .as_ref()
            .or(pool.min_count.as_ref())
            .map_or(Spanned::default_at(0, owner), |n| n.clone());
        let full_scale = pool
            .max_count
            .as_ref()
            .or(pool.node_count.as_ref())
            .map_or(Spanned::default_at(baseline.value, owner), |n| n.clone());
        let max_pods = spanned_or(&pool.max_pods, mode.default_max_pods().0, owner);
        let pods_per_node = spanned_or(&pool.pods_per_node, max_pods.value, owner);
        let max_surge = match &pool.max_surge {
            Some(text) => match MaxSurge::parse(&text.value) {
                Some(surge) => Spanned::new(surge, text.span),
                None => {
                    self.findings.push(
                        Finding::new(
                            Rule::PlanSchema,
                            text.span,
                            format!("`max_surge` must be a node count such as 1 or a percentage such as \"33%\", not `{}`", text.value.trim()),
                        )
                        .help("AKS takes a whole number of nodes, or a percentage from 1% to 100%"),
                    );
                    Spanned::default_at(MaxSurge::Percent(limits::DEFAULT_MAX_SURGE_PERCENT), text.span)
                }
            },
            None => Spanned::default_at(MaxSurge::Percent(limits::DEFAULT_MAX_SURGE_PERCENT), owner),
        };
        // max_unavailable takes no IPs, so only its form is checked: a count, or a percentage
        // of 0 to 100 (AKS's own range).
        if let Some(text) = &pool.max_unavailable {
            let value = text.value.trim();
            let fits = match value.strip_suffix('%') {
                Some(p) => p.trim().parse::<f64>().is_ok_and(|p| (0.0..=100.0).contains(&p)),
                None => value.parse::<u32>().is_ok(),
            };
            if !fits {
                self.findings.push(
                    Finding::new(
                        Rule::PlanSchema,
                        text.span,
                        format!("`max_unavailable` must be a node count such as 1 or a percentage such as \"33%\", not `{value}`"),
                    )
                    .help("AKS takes a whole number of nodes, or a percentage from 0% to 100%"),
                );
            }
        }
        if let (Some(pods), None) = (&pool.virtual_node_pods, &pool.virtual_node_subnet) {
            if pods.value > 0 {
                self.findings.push(
                    Finding::new(
                        Rule::PlanSchema,
                        pods.span,
                        format!(
                            "pool `{}` runs {} pods on virtual nodes but names no `virtual_node_subnet` for their IPs",
                            pool.name.value, pods.value
                        ),
                    )
                    .help("add `virtual_node_subnet:` naming the subnet delegated to Azure Container Instances"),
                );
            }
        }
        Pool {
            mode,
            allocation_mode: pool.pod_ip_allocation_mode.as_ref().map(|m| m.span),
            os_type: spanned_or(&pool.os_type, OsType::Linux, owner),
            os_sku: pool.os_sku.clone(),
            min_nodes: pool.min_count.clone().unwrap_or_else(|| baseline.clone()),
            baseline_nodes: baseline,
            full_scale_nodes: full_scale,
            autoscaling: pool.min_count.is_some() && pool.max_count.is_some(),
            max_pods,
            max_surge,
            pods_per_node,
            node_subnet,
            node_subnet_span: pool.vnet_subnet.span,
            pod_subnet_written: pool.pod_subnet.as_ref().map(|p| p.span),
            // An empty reference is one an imported input could not read (known only after
            // apply): whether it is set at all is unknown.
            pod_subnet_unknown: pool
                .pod_subnet
                .as_ref()
                .is_some_and(|p| p.value.trim().is_empty()),
            pod_subnet,
            provisioned: false,
            virtual_node_pods: spanned_or(&pool.virtual_node_pods, 0, owner),
            virtual_node_subnet_written: pool.virtual_node_subnet.as_ref().map(|s| s.span),
            virtual_node_subnet: pool.virtual_node_subnet.as_ref().and_then(|text| {
                self.subnet(text, node_subnet.map(|s| self.topology.subnets[s].vnet).or(vnet))
            }),
            name: pool.name.clone(),
        }
    }

    /// A node auto-provisioning pool as the scenario counts it: no nodes at baseline, up to
    /// `max_nodes` at full scale, each a node of the cluster's mode in its own subnet or the
    /// cluster's. NAP takes no pod subnet (node-provisioning-limits reports a cluster that
    /// has one), so in a pod-subnet cluster its nodes count as Azure CNI node-subnet nodes.
    /// The hosted system pool's nodes: `hosted_system_nodes`, else the count cniplan assumes
    /// (AKS documents none, limits::HOSTED_SYSTEM_NODES), said in an `assumed-value` note where
    /// the pool's subnet is written, when the cluster is Automatic and that subnet is counted.
    fn hosted_system_nodes(&mut self, cluster: &model::Cluster, subnet: Option<usize>) -> Spanned<u32> {
        if let Some(written) = &cluster.hosted_system_nodes {
            return written.clone();
        }
        let assumed = limits::HOSTED_SYSTEM_NODES as u32;
        let at = cluster
            .automatic()
            .or(cluster.system_node_subnet.as_ref().map(|s| s.span))
            .unwrap_or(cluster.name.span);
        if let (Some(_), Some(_), Some(text)) = (cluster.automatic(), subnet, &cluster.system_node_subnet) {
            self.findings.push(
                Finding::new(
                    Rule::AssumedValue,
                    text.span,
                    format!(
                        "cluster `{}`: AKS documents no node count for its hosted system pool, which autoscales; \
                         {assumed} nodes are assumed in this subnet, one IP each (the AKS quickstarts list three \
                         `aks-hostedpool` nodes)",
                        cluster.name.value
                    ),
                )
                .help(
                    "set the cluster's `hosted_system_nodes` to the count your cluster runs (`kubectl get nodes` \
                     lists them as aks-hostedpool-…) in a cniplan plan; `cniplan import` writes one from this input",
                ),
            );
        }
        Spanned::default_at(assumed, at)
    }

    fn provisioned_pool(
        &mut self,
        pool: &model::ProvisionedPool,
        vnet: Option<usize>,
        network: Network,
        cluster_subnet: Option<usize>,
    ) -> Pool {
        let owner = pool.name.span;
        let network = Network {
            pod_subnets: false,
            ..network
        };
        let mode = network.mode_of(None);
        let node_subnet = match &pool.vnet_subnet {
            Some(text) => self.subnet(text, vnet),
            None => cluster_subnet,
        };
        let max_pods = spanned_or(&pool.max_pods, mode.default_max_pods().0, owner);
        let none = Spanned::default_at(0, owner);
        // Karpenter replaces drifted nodes new-before-old, within its default disruption
        // budget of 10% of a NodePool's nodes (rounded up): the same bound as AKS's default
        // surge.
        let budget = MaxSurge::Percent(limits::DEFAULT_MAX_SURGE_PERCENT);
        // A static NodePool (`replicas`) keeps its count, no more than `limits.nodes`, and its
        // replacements stay within that limit too (karpenter static provisioning and
        // StaticDrift: `ReserveNodeCount(nodepool, limits.nodes, …)`).
        let fixed = pool.replicas.as_ref().map(|r| {
            let nodes = pool.max_nodes.as_ref().map_or(r.value, |m| r.value.min(m.value));
            let surge = budget.nodes_at(nodes);
            let room = pool
                .max_nodes
                .as_ref()
                .map_or(u64::MAX, |m| u64::from(m.value - nodes));
            let surge = u32::try_from(surge.min(room)).unwrap_or(u32::MAX);
            (
                Spanned::new(nodes, r.span),
                Spanned::new(MaxSurge::Nodes(surge), r.span),
            )
        });
        Pool {
            mode,
            allocation_mode: None,
            os_type: Spanned::default_at(OsType::Linux, owner),
            os_sku: None,
            baseline_nodes: fixed.as_ref().map_or_else(|| none.clone(), |f| f.0.clone()),
            min_nodes: fixed.as_ref().map_or_else(|| none.clone(), |f| f.0.clone()),
            // A NodePool without limits has no bound: counted as none, which
            // node-provisioning-limits says (the default's `defaulted` marks it).
            full_scale_nodes: match &fixed {
                Some((nodes, _)) => nodes.clone(),
                None => pool.max_nodes.clone().unwrap_or_else(|| none.clone()),
            },
            autoscaling: fixed.is_none(),
            pods_per_node: Spanned::default_at(max_pods.value, owner),
            max_pods,
            max_surge: fixed.map_or(Spanned::default_at(budget, owner), |f| f.1),
            node_subnet,
            node_subnet_span: pool.vnet_subnet.as_ref().map_or(owner, |s| s.span),
            pod_subnet_written: None,
            pod_subnet_unknown: false,
            pod_subnet: None,
            provisioned: true,
            virtual_node_pods: none,
            virtual_node_subnet_written: None,
            virtual_node_subnet: None,
            name: pool.name.clone(),
        }
    }
}

/// The cluster-wide half of a pool's mode: the AKS API's `networkPlugin` and
/// `networkPluginMode`, and whether its pools take pod subnets.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Network {
    plugin: NetworkPlugin,
    overlay: bool,
    pod_subnets: bool,
}

/// AKS Automatic's preconfigured network: "Managed Virtual Network using Azure CNI Overlay
/// powered by Cilium" (AKS docs intro-aks-automatic.md, Networking), so overlay, the Cilium
/// dataplane and Cilium network policy where the cluster writes none, each a default at the
/// `sku`; node auto-provisioning is preconfigured too (`Cluster::auto_provisioning`).
fn automatic_defaults(cluster: &mut model::Cluster) {
    let Some(at) = cluster.automatic() else {
        return;
    };
    if cluster.network_plugin.is_none() && cluster.network_plugin_mode.is_none() {
        cluster.network_plugin_mode = Some(Spanned::default_at(model::NetworkPluginMode::Overlay, at));
    }
    cluster
        .network_dataplane
        .get_or_insert_with(|| Spanned::default_at(NetworkDataplane::Cilium, at));
    cluster
        .network_policy
        .get_or_insert_with(|| Spanned::default_at(NetworkPolicy::Cilium, at));
}

fn network_of(cluster: &model::Cluster) -> Network {
    Network {
        plugin: cluster
            .network_plugin
            .as_ref()
            .map_or(NetworkPlugin::Azure, |p| p.value),
        overlay: cluster.network_plugin_mode.is_some(),
        pod_subnets: cluster.node_pools.value.iter().any(|p| p.pod_subnet.is_some()),
    }
}

impl Network {
    /// A pool's mode (`model::pool_mode`, the one place that decides it). A pool without a
    /// pod subnet in a pod-subnet cluster stays in the cluster's mode (mixed-cni reports it).
    fn mode_of(self, allocation: Option<PodIpAllocationMode>) -> Mode {
        model::pool_mode(self.plugin, self.overlay, self.pod_subnets, allocation)
    }

    fn uses_pod_cidr(self) -> bool {
        matches!(self.plugin, NetworkPlugin::Kubenet) || (self.plugin == NetworkPlugin::Azure && self.overlay)
    }
}

/// The written value, or `default` marked as a default at `owner`.
fn spanned_or<T: Clone>(value: &Option<Spanned<T>>, default: T, owner: Span) -> Spanned<T> {
    value
        .clone()
        .unwrap_or_else(|| Spanned::default_at(default, owner))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn resolved(yaml: &str) -> (Topology, Vec<Finding>) {
        let source = SourceFile::new("p", yaml);
        let loaded = crate::input::cniplan::read(&source).unwrap_or_else(|f| panic!("{f:?}"));
        resolve(loaded.plan, None)
    }

    #[test]
    fn references_find_subnets_as_azure_compares_names() {
        let plan =
            "version: 1\nvnets:\n  - name: Hub\n    address_space: [10.0.0.0/16]\n    subnets:\n      \
                    - {name: Nodes, cidr: 10.0.0.0/24}\n      - {name: ' nodes ', cidr: 10.0.1.0/24}\n      \
                    - {name: Äpods, cidr: 10.0.2.0/24}\n      - {name: \u{212A}ube, cidr: 10.0.3.0/24}\n\
                    clusters:\n  - name: c\n    node_pools:\n      \
                    - {name: a, node_count: 1, vnet_subnet: HUB/NODES, pod_subnet: hub/äPODS}\n      \
                    - {name: b, node_count: 1, vnet_subnet: hub/kube}\n      \
                    - {name: d, node_count: 1, vnet_subnet: kUBE}\n";
        let (topology, findings) = resolved(plan);
        assert!(findings.is_empty(), "{findings:?}");
        let pools = &topology.clusters[0].pools;
        // The first subnet of a name in its VNet; a non-ASCII name folds as Azure folds it,
        // and the Kelvin sign's lower case is an ASCII `k`.
        assert_eq!(pools[0].node_subnet, Some(0));
        assert_eq!(pools[0].pod_subnet, Some(2));
        assert_eq!(pools[1].node_subnet, Some(3));
        assert_eq!(pools[2].node_subnet, Some(3));
    }

    #[test]
    fn a_peering_names_a_vnet_of_another_group_by_its_resource_id() {
        let vnet = |name: &str, group: &str, peer: &str| {
            format!("  - {{name: {name}, resource_group: {group}, address_space: [10.0.0.0/16], peerings: [{peer}]}}\n")
        };
        let id = "'/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub'";
        let plan = format!(
            "version: 1\nvnets:\n{}{}{}clusters: []\n",
            vnet("hub", "rg-hub", "spoke"),
            vnet("hub", "rg-spoke", id),
            vnet("spoke", "rg-spoke", "hub"),
        );
        let (topology, findings) = resolved(&plan);
        // The hub names `spoke` in its own group, where there is none.
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::UnknownReference]);
        // The ID names the hub of rg-hub, not the `hub` beside the spoke; a bare name, the
        // one in the peering VNet's own group.
        assert_eq!(topology.vnets[1].peerings, [0]);
        assert_eq!(topology.vnets[2].peerings, [1]);
    }

    #[test]
    fn a_resource_id_prefers_the_vnet_in_its_group_to_one_without_a_group() {
        let vnet = |group: &str, cidr: &str| {
            format!("  - {{name: v, {group}address_space: [{cidr}/16], subnets: [{{name: s, cidr: {cidr}/24}}]}}\n")
        };
        let id = |group: &str| {
            format!("'/resourceGroups/{group}/providers/Microsoft.Network/virtualNetworks/v/subnets/s'")
        };
        let plan = format!(
            "version: 1\nvnets:\n{}{}clusters:\n  - name: c\n    node_pools:\n      \
             - {{name: a, node_count: 1, vnet_subnet: {}}}\n      \
             - {{name: b, node_count: 1, vnet_subnet: {}}}\n",
            vnet("", "10.1.0.0"),
            vnet("resource_group: rg-a, ", "10.2.0.0"),
            id("rg-a"),
            id("rg-b"),
        );
        let (topology, findings) = resolved(&plan);
        assert!(findings.is_empty(), "{findings:?}");
        let pools = &topology.clusters[0].pools;
        // The VNet of rg-a, though the one that says no group comes first; a group no VNet
        // is in still finds the one that says none.
        assert_eq!(pools[0].node_subnet, Some(1));
        assert_eq!(pools[1].node_subnet, Some(0));
    }
}
