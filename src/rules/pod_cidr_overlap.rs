//! pod-cidr-overlap: an overlay or kubenet cluster's pod CIDR (or a bring-your-own CNI
//! cluster's) must not overlap the cluster's subnets, networks connected to its VNet or its
//! service CIDR (AKS docs concepts-network-azure-cni-overlay.md, IP address planning › Pods;
//! use-byo-cni.md, Prerequisites). Pod traffic to those addresses never leaves the cluster.
//! Clusters may share one pod CIDR, so pod CIDRs are never compared with each other.

use super::free_range::{pod_cidr_edit, PodCidrPlaces};
use crate::capacity::RangeCapacity;
use crate::diagnostic::{Applicability, Finding, Fix, Rule, Severity, Span};
use crate::overlap::CidrIndex;
use crate::plan::model::NetworkPlugin;
use crate::topology::{Cidr, Cluster, Topology};
use ipnet::Ipv4Net;

/// Ranges gathered per finding: the message lists three, the related labels eight; beyond
/// that a hostile plan would only cost time.
const MAX_HITS: usize = 64;
const MAX_RELATED: usize = 8;

/// What a pod CIDR runs into.
struct Hit {
    span: Span,
    what: String,
    /// A subnet of the cluster's own VNet: what AKS itself checks at deploy.
    own_subnet: bool,
    /// The cluster's service CIDR.
    service: bool,
}

/// Every CIDR a pod CIDR is checked against, indexed once per plan.
struct Indexes {
    /// Per VNet, its subnets (by subnet index).
    subnets: Vec<CidrIndex<usize>>,
    /// Per VNet, its address space (by position in it).
    spaces: Vec<CidrIndex<usize>>,
    /// Every external network's CIDRs, by (network, position).
    external: CidrIndex<(usize, usize)>,
}

impl Indexes {
    fn new(topology: &Topology) -> Self {
        let subnets = topology
            .vnets
            .iter()
            .map(|v| {
                let nets = v
                    .subnets
                    .iter()
                    .flat_map(|&s| topology.subnets[s].cidrs().map(move |c| (c.net(), s)));
                CidrIndex::new(nets.collect())
            })
            .collect();
        let spaces = topology
            .vnets
            .iter()
            .map(|v| {
                CidrIndex::new(
                    v.address_space
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (c.net(), i))
                        .collect(),
                )
            })
            .collect();
        let external = topology
            .external_networks
            .iter()
            .enumerate()
            .flat_map(|(e, ext)| ext.cidrs.iter().enumerate().map(move |(i, c)| (c.net(), (e, i))))
            .collect();
        Indexes {
            subnets,
            spaces,
            external: CidrIndex::new(external),
        }
    }
}

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    let clusters: Vec<(usize, &Cluster, &Cidr)> = topology
        .clusters
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c, c.pod_cidr_in_use()?)))
        .collect();
    if clusters.is_empty() {
        return;
    }
    let indexes = Indexes::new(topology);
    let peers = topology.peers();
    let mut places = PodCidrPlaces::default();
    for (index, cluster, pod_cidr) in clusters {
        let (severity, hits) = hits(topology, &indexes, &peers, cluster, pod_cidr.net());
        if hits.is_empty() {
            continue;
        }
        // Sized for the cluster's peak nodes, so the range offered is not already full.
        let free = places.for_cluster(topology, index, capacity);
        out.push(finding(cluster, pod_cidr, severity, &hits, &free));
    }
}

/// What the pod CIDR overlaps: the errors, or when there are none, the cluster VNet's
/// address space (a warning).
fn hits(
    topology: &Topology,
    indexes: &Indexes,
    peers: &[Vec<usize>],
    cluster: &Cluster,
    net: Ipv4Net,
) -> (Severity, Vec<Hit>) {
    let own = topology.cluster_vnets(cluster);
    let mut peered: Vec<usize> = own
        .iter()
        .flat_map(|&v| &peers[v])
        .copied()
        .filter(|v| !own.contains(v))
        .collect();
    peered.sort_unstable();
    peered.dedup();
    let mut hits = Vec::new();
    let room = |hits: &Vec<Hit>| MAX_HITS.saturating_sub(hits.len());
    for (&v, own_vnet) in own
        .iter()
        .map(|v| (v, true))
        .chain(peered.iter().map(|v| (v, false)))
    {
        let vnet = &topology.vnets[v];
        let before = hits.len();
        // Peering routes a VNet's whole address space, so that is what a peered VNet is
        // reported by; its subnets only when none of the space overlaps (a subnet outside
        // its VNet is subnet-outside-vnet's business, but still reachable).
        if !own_vnet {
            let n = room(&hits);
            hits.extend(indexes.spaces[v].overlapping(net).take(n).map(|(space, i)| Hit {
                span: vnet.address_space[i].span,
                what: format!("the address space of peered VNet `{}` ({space})", vnet.name.value),
                own_subnet: false,
                service: false,
            }));
        }
        if hits.len() > before {
            continue;
        }
        let n = room(&hits);
        hits.extend(indexes.subnets[v].overlapping(net).take(n).map(|(sub, s)| {
            let subnet = &topology.subnets[s];
            Hit {
                span: subnet
                    .cidrs()
                    .find(|c| c.net() == sub)
                    .map_or(subnet.name.span, |c| c.span),
                what: format!(
                    "subnet `{}` of VNet `{}` ({sub})",
                    subnet.name.value, vnet.name.value
                ),
                own_subnet: own_vnet,
                service: false,
            }
        }));
    }
    let n = room(&hits);
    hits.extend(indexes.external.overlapping(net).take(n).map(|(c, (e, i))| Hit {
        span: topology.external_networks[e].cidrs[i].span,
        what: format!(
            "external network `{}` ({c})",
            topology.external_networks[e].name.value
        ),
        own_subnet: false,
        service: false,
    }));
    if let Some(service) = cluster.service_cidr.as_ref().filter(|s| overlaps(s.net(), net)) {
        let default = if service.defaulted { "default " } else { "" };
        hits.push(Hit {
            span: service.span,
            what: format!("the cluster's {default}service CIDR ({})", service.net()),
            own_subnet: false,
            service: true,
        });
    }
    if !hits.is_empty() {
        return (Severity::Error, hits);
    }
    let spaces = own.iter().flat_map(|&v| {
        let vnet = &topology.vnets[v];
        indexes.spaces[v].overlapping(net).map(move |(space, i)| Hit {
            span: vnet.address_space[i].span,
            what: format!("VNet `{}`'s address space ({space})", vnet.name.value),
            own_subnet: false,
            service: false,
        })
    });
    (Severity::Warning, spaces.take(MAX_HITS).collect())
}

fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}

fn finding(
    cluster: &Cluster,
    pod_cidr: &Cidr,
    severity: Severity,
    hits: &[Hit],
    free: &[Ipv4Net],
) -> Finding {
    let default = if pod_cidr.defaulted { "default " } else { "" };
    let subject = format!(
        "the {default}pod CIDR {} of cluster `{}`",
        pod_cidr.net(),
        cluster.name.value
    );
    let mut listed: Vec<String> = hits.iter().take(3).map(|h| h.what.clone()).collect();
    let more = hits.len() - listed.len();
    if more > 0 {
        let plus = if hits.len() >= MAX_HITS { "+" } else { "" };
        listed.push(format!("{more}{plus} more"));
    }
    let message = match severity {
        Severity::Error => format!(
            "{subject} overlaps {}: {}{}",
            listed.join(", "),
            why(hits),
            deploy_error(cluster, hits)
        ),
        _ => format!(
            "{subject} lies inside {}; no subnet uses that part yet, but one added there later \
             would be unreachable from pods",
            listed.join(", ")
        ),
    };
    let help = "set `pod_cidr` to a private range that no subnet, peered VNet, external network or \
                service CIDR uses, large enough for a /24 per node";
    // A pod CIDR is the cluster's: AKS moves it only by recreating the cluster.
    let fix = free.iter().fold(Fix::new(Applicability::Unsafe), |fix, &free| {
        fix.candidate(
            format!("set `pod_cidr: {free}`"),
            format!(
                "set `pod_cidr: {free}`, a range nothing in this plan uses, with a /24 for each node at the \
                 cluster's peak; clusters may share one pod CIDR"
            ),
            vec![pod_cidr_edit(pod_cidr, free)],
        )
    });
    hits.iter().take(MAX_RELATED).fold(
        Finding::new(Rule::PodCidrOverlap, pod_cidr.span, message)
            .severity(severity)
            .help(help)
            .fix(fix),
        |f, hit| f.related(hit.span, format!("{} is here", hit.what)),
    )
}

/// Why an overlap breaks traffic, for what was hit.
fn why(hits: &[Hit]) -> &'static str {
    let service = hits.iter().any(|h| h.service);
    let network = hits.iter().any(|h| !h.service);
    match (network, service) {
        (true, true) => {
            "pods could not reach those network addresses, as traffic to the pod range stays \
             inside the cluster, and nodes intercept traffic to service IPs, so pods given \
             addresses of the service range would be unreachable"
        }
        (false, true) => {
            "nodes intercept traffic to service IPs, so pods given addresses of the service \
             range would be unreachable"
        }
        _ => "pods could not reach those addresses, as traffic to the pod range stays inside the cluster",
    }
}

/// What AKS says at deploy, where it is known: Azure CNI Overlay checks the pod CIDR
/// against the VNet's subnets (AKS changelog 2024-10-25), and the refusal has been reported
/// as NetworkProfileCIDROverlapVNET (Azure/AKS-Construction#403). No source names a code
/// for kubenet, for bring-your-own CNI, or for peered and external ranges.
fn deploy_error(cluster: &Cluster, hits: &[Hit]) -> &'static str {
    let overlay = cluster.network_plugin.value == NetworkPlugin::Azure && cluster.overlay.is_some();
    if overlay && hits.iter().any(|h| h.own_subnet) {
        "; AKS checks an overlay pod CIDR against the VNet's subnets at deploy and refuses it \
         (reported as `NetworkProfileCIDROverlapVNET`, target networkProfile.podCIDR)"
    } else {
        ""
    }
}
