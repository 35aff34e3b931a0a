//! Builds the [`Topology`] from a loaded plan: parses CIDRs and IPs (`invalid-cidr`), resolves
//! peerings and subnet references (`unknown-reference`), and fills in defaults.

use super::reference::{self, SubnetRef};
use super::{Cidr, Cluster, ExternalNetwork, Pool, Subnet, Topology, Vnet};
use crate::finding::Finding;
use crate::limits;
use crate::plan::model::{self, MaxSurge};
use crate::plan::spans::Node;
use crate::plan::LoadedPlan;
use crate::rules::invalid_cidr;
use crate::rules::unknown_reference::{self, Miss};
use crate::span::{Span, Spanned};
use std::collections::HashMap;

/// A place in the span tree; falls back to the nearest ancestor's span where a value was
/// not written (defaults) or could not be indexed.
#[derive(Clone, Copy)]
struct At<'n, 'a> {
    node: Option<&'n Node<'a>>,
    fallback: Span,
}

impl<'n, 'a> At<'n, 'a> {
    fn key(self, key: &str) -> Self {
        At {
            node: self.node.and_then(|n| n.get(key)),
            fallback: self.span(),
        }
    }

    fn index(self, i: usize) -> Self {
        At {
            node: self.node.and_then(|n| n.index(i)),
            fallback: self.span(),
        }
    }

    fn span(self) -> Span {
        self.node.map_or(self.fallback, |n| n.span)
    }

    fn written(self) -> bool {
        self.node.is_some()
    }
}

pub fn resolve(loaded: &LoadedPlan) -> (Topology, Vec<Finding>) {
    let root = At {
        node: Some(&loaded.root),
        fallback: loaded.root.span,
    };
    let plan = &loaded.plan;
    let mut r = Resolver::new(loaded);
    for (i, vnet) in plan.vnets.iter().enumerate() {
        r.add_vnet(vnet, root.key("vnets").index(i));
    }
    for (i, vnet) in plan.vnets.iter().enumerate() {
        let at = root.key("vnets").index(i).key("peerings");
        for (j, peer) in vnet.peerings.iter().enumerate() {
            r.add_peering(i, peer, at.index(j).span());
        }
    }
    for (i, ext) in plan.external_networks.iter().enumerate() {
        let at = root.key("external_networks").index(i);
        let cidrs = r.cidrs(&ext.cidrs, at.key("cidrs"));
        r.topology.external_networks.push(ExternalNetwork {
            name: Spanned::new(ext.name.clone(), at.key("name").span()),
            cidrs,
        });
    }
    for (i, cluster) in plan.clusters.iter().enumerate() {
        r.add_cluster(cluster, root.key("clusters").index(i));
    }
    r.topology.allocation = plan.allocation.clone();
    (r.topology, r.findings)
}

struct Resolver<'p> {
    loaded: &'p LoadedPlan<'p>,
    topology: Topology,
    findings: Vec<Finding>,
    /// First VNet of each name; duplicates are `duplicate-name`'s business.
    vnet_by_name: HashMap<&'p str, usize>,
    subnet_by_name: HashMap<(usize, &'p str), usize>,
    /// Every subnet of each name, across VNets, for bare-name references.
    subnets_named: HashMap<&'p str, Vec<usize>>,
}

impl<'p> Resolver<'p> {
    fn new(loaded: &'p LoadedPlan<'p>) -> Self {
        Resolver {
            loaded,
            topology: Topology {
                vnets: Vec::new(),
                subnets: Vec::new(),
                external_networks: Vec::new(),
                clusters: Vec::new(),
                allocation: model::Allocation::default(),
            },
            findings: Vec::new(),
            vnet_by_name: HashMap::new(),
            subnet_by_name: HashMap::new(),
            subnets_named: HashMap::new(),
        }
    }

    fn cidr(&mut self, text: &str, span: Span) -> Option<Cidr> {
        match invalid_cidr::parse_cidr(text, span) {
            Ok(written) => Some(Cidr {
                written,
                span,
                defaulted: false,
            }),
            Err(finding) => {
                self.findings.push(finding);
                None
            }
        }
    }

    fn cidrs(&mut self, texts: &[String], at: At) -> Vec<Cidr> {
        texts
            .iter()
            .enumerate()
            .filter_map(|(i, text)| self.cidr(text, at.index(i).span()))
            .collect()
    }

    fn add_vnet(&mut self, vnet: &'p model::Vnet, at: At) {
        let index = self.topology.vnets.len();
        self.vnet_by_name.entry(&vnet.name).or_insert(index);
        let address_space = self.cidrs(&vnet.address_space, at.key("address_space"));
        let mut subnets = Vec::with_capacity(vnet.subnets.len());
        for (j, subnet) in vnet.subnets.iter().enumerate() {
            let s_at = at.key("subnets").index(j);
            let id = self.topology.subnets.len();
            subnets.push(id);
            self.subnet_by_name.entry((index, &subnet.name)).or_insert(id);
            self.subnets_named.entry(&subnet.name).or_default().push(id);
            let cidr = self.cidr(&subnet.cidr, s_at.key("cidr").span());
            let delegation = subnet
                .delegation
                .as_ref()
                .filter(|d| !d.trim().is_empty())
                .map(|d| Spanned::new(d.clone(), s_at.key("delegation").span()));
            self.topology.subnets.push(Subnet {
                vnet: index,
                name: Spanned::new(subnet.name.clone(), s_at.key("name").span()),
                cidr,
                reserved_ips: Spanned::new(subnet.reserved_ips, s_at.key("reserved_ips").span()),
                delegation,
            });
        }
        self.topology.vnets.push(Vnet {
            name: Spanned::new(vnet.name.clone(), at.key("name").span()),
            address_space,
            peerings: Vec::new(),
            subnets,
        });
    }

    fn add_peering(&mut self, vnet: usize, peer: &str, span: Span) {
        match self.vnet_by_name.get(peer) {
            Some(&other) => self.topology.vnets[vnet].peerings.push(other),
            None => {
                let nearest = crate::suggest::nearest(peer, self.vnet_by_name.keys().copied());
                self.findings
                    .push(unknown_reference::unknown_peering(peer, span, nearest));
            }
        }
    }

    /// The subnet a reference names; `hint` is the cluster's VNet for bare names.
    fn lookup(&self, text: &str, hint: Option<usize>) -> Result<usize, Miss> {
        match reference::parse(text) {
            SubnetRef::Malformed(why) => Err(Miss::Malformed(why)),
            SubnetRef::Qualified { vnet, subnet } => {
                let Some(&v) = self.vnet_by_name.get(vnet) else {
                    let names = self.vnet_by_name.keys().copied();
                    return Err(Miss::NoSuchVnet {
                        vnet: vnet.to_string(),
                        nearest: crate::suggest::nearest(vnet, names).map(str::to_string),
                    });
                };
                self.subnet_by_name
                    .get(&(v, subnet))
                    .copied()
                    .ok_or_else(|| Miss::NoSuchSubnet {
                        vnet: vnet.to_string(),
                        subnet: subnet.to_string(),
                        nearest: self.nearest_subnet(subnet, Some(v)),
                    })
            }
            SubnetRef::Name(name) => {
                if let Some(&s) = hint.and_then(|v| self.subnet_by_name.get(&(v, name))) {
                    return Ok(s);
                }
                match self.subnets_named.get(name).map(Vec::as_slice) {
                    Some([only]) => Ok(*only),
                    Some(many) if !many.is_empty() => Err(Miss::Ambiguous {
                        subnet: name.to_string(),
                        vnets: many
                            .iter()
                            .map(|&s| {
                                self.topology.vnets[self.topology.subnets[s].vnet]
                                    .name
                                    .value
                                    .clone()
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

    /// The nearest subnet name, in `vnet` when given, else anywhere (as `vnet/subnet`
    /// when the name alone would be ambiguous).
    fn nearest_subnet(&self, name: &str, vnet: Option<usize>) -> Option<String> {
        let subnets = &self.topology.subnets;
        let names: Vec<&str> = match vnet {
            Some(v) => self.topology.vnets[v]
                .subnets
                .iter()
                .map(|&s| subnets[s].name.value.as_str())
                .collect(),
            None => self.subnets_named.keys().copied().collect(),
        };
        crate::suggest::nearest(name, names).map(str::to_string)
    }

    fn add_cluster(&mut self, cluster: &model::Cluster, at: At) {
        let name = Spanned::new(cluster.name.clone(), at.key("name").span());
        let pools_at = at.key("node_pools");
        // The cluster's VNet: where the first node-subnet reference that resolves on its own
        // points. Bare names in the other pools are then looked up there first.
        let vnet = cluster
            .node_pools
            .iter()
            .find_map(|p| self.lookup(&p.vnet_subnet, None).ok())
            .map(|s| self.topology.subnets[s].vnet);
        let dynamic = cluster.node_pools.iter().any(|p| p.pod_subnet.is_some());
        let pools = cluster
            .node_pools
            .iter()
            .enumerate()
            .map(|(i, pool)| self.pool(pool, pools_at.index(i), vnet, dynamic))
            .collect();
        let service_cidr = match &cluster.service_cidr {
            Some(text) => self.cidr(text, at.key("service_cidr").span()),
            None => Some(Cidr {
                written: limits::DEFAULT_SERVICE_CIDR,
                span: name.span,
                defaulted: true,
            }),
        };
        let dns_service_ip = match &cluster.dns_service_ip {
            Some(text) => {
                let span = at.key("dns_service_ip").span();
                match invalid_cidr::parse_ip(text, span) {
                    Ok(ip) => Some(Spanned::new(ip, span)),
                    Err(finding) => {
                        self.findings.push(finding);
                        None
                    }
                }
            }
            // The 10th address of the service CIDR, pointing where the service CIDR came from.
            None => service_cidr.as_ref().map(|c| {
                let ip = u32::from(c.net().network()).saturating_add(limits::DEFAULT_DNS_SERVICE_IP_OFFSET);
                Spanned::default_at(ip.into(), c.span)
            }),
        };
        let cli_version = cluster.cli_version.as_ref().map(|_| {
            let span = at.key("cli_version").span();
            Spanned::new(self.loaded.written(span).to_string(), span)
        });
        let private_link_service = spanned_or(
            cluster.private_link_service,
            at.key("private_link_service"),
            name.span,
        );
        self.topology.clusters.push(Cluster {
            name,
            network_plugin: cluster.network_plugin,
            service_cidr,
            dns_service_ip,
            cli_version,
            private_link_service,
            vnet,
            pools,
        });
    }

    fn pool(&mut self, pool: &model::NodePool, at: At, vnet: Option<usize>, dynamic: bool) -> Pool {
        let name = Spanned::new(pool.name.clone(), at.key("name").span());
        let node_subnet_span = at.key("vnet_subnet").span();
        let node_subnet = match self.lookup(&pool.vnet_subnet, vnet) {
            Ok(s) => Some(s),
            Err(miss) => {
                self.findings.push(unknown_reference::unknown_subnet(
                    &pool.vnet_subnet,
                    node_subnet_span,
                    miss,
                ));
                None
            }
        };
        let pod_at = at.key("pod_subnet");
        let pod_subnet = pool.pod_subnet.as_ref().and_then(|text| {
            let hint = node_subnet.map(|s| self.topology.subnets[s].vnet).or(vnet);
            match self.lookup(text, hint) {
                Ok(s) => Some(s),
                Err(miss) => {
                    self.findings
                        .push(unknown_reference::unknown_subnet(text, pod_at.span(), miss));
                    None
                }
            }
        });
        let baseline = pool.node_count.or(pool.min_count).unwrap_or(0);
        let baseline_at = if pool.node_count.is_some() {
            at.key("node_count")
        } else {
            at.key("min_count")
        };
        let max = pool.max_count.or(pool.node_count).unwrap_or(baseline);
        let max_at = if pool.max_count.is_some() {
            at.key("max_count")
        } else {
            at.key("node_count")
        };
        let default_max_pods = if dynamic {
            limits::DEFAULT_MAX_PODS_DYNAMIC
        } else {
            limits::DEFAULT_MAX_PODS_TRADITIONAL
        };
        let max_pods = spanned_or(
            pool.max_pods.unwrap_or(default_max_pods),
            at.key("max_pods"),
            name.span,
        );
        let pods_per_node = spanned_or(
            pool.pods_per_node.unwrap_or(max_pods.value),
            at.key("pods_per_node"),
            name.span,
        );
        let max_surge = spanned_or(
            pool.max_surge
                .unwrap_or(MaxSurge::Nodes(limits::DEFAULT_MAX_SURGE)),
            at.key("max_surge"),
            name.span,
        );
        Pool {
            os_type: spanned_or(pool.os_type, at.key("os_type"), name.span),
            baseline_nodes: spanned_or(baseline, baseline_at, name.span),
            min_nodes: match pool.min_count {
                Some(min) => spanned_or(min, at.key("min_count"), name.span),
                None => spanned_or(baseline, baseline_at, name.span),
            },
            max_nodes: spanned_or(max, max_at, name.span),
            autoscaling: pool.min_count.is_some() && pool.max_count.is_some(),
            max_pods,
            max_surge,
            pods_per_node,
            node_subnet,
            node_subnet_span,
            pod_subnet_written: pool.pod_subnet.as_ref().map(|_| pod_at.span()),
            pod_subnet,
            name,
        }
    }
}

/// The value at its written place, or marked as a default at `owner`.
fn spanned_or<T>(value: T, at: At, owner: Span) -> Spanned<T> {
    if at.written() {
        Spanned::new(value, at.span())
    } else {
        Spanned::default_at(value, owner)
    }
}
