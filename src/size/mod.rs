//! `cniplan size` and `cidr: auto` (docs/sizing.md): the smallest prefix that holds each
//! subnet's and pod CIDR's peak within `headroom_warning` under the plan's own mode, and a free
//! range of that size.
//!
//! Where a range may go: a subnet inside its VNet's address space, clear of every subnet,
//! peered VNet, external network, service CIDR, pod CIDR and forbidden range; a pod CIDR
//! outside every VNet of the plan, external network, service CIDR and forbidden range. The
//! free range is the lowest aligned block that fits ([`space::first_fit`]); a subnet that
//! already has a range keeps its start when its new size fits there (shrinking in place, or
//! growing into free neighbours).

pub mod auto;
pub mod space;
pub mod write;

use crate::capacity::Model;
use crate::capacity::{
    self, pod_cidr_slots, scenario, usable_ips, PoolKnobs, PoolUse, Range, RangeCapacity, Role,
};
use crate::limits::{
    self, LARGEST_POD_SUBNET_PREFIX, LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX, POD_CIDR_NODE_PREFIX,
    SMALLEST_SUBNET_PREFIX,
};
use crate::mode::Mode;
use crate::topology::Topology;
use ipnet::Ipv4Net;
use serde::Serialize;
use space::{bounds, first_fit, is_free, Occupied};

/// The prefix a range needs, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizing {
    /// The smallest prefix that holds the peak within the headroom; when the mode caps the
    /// range below that (`capped`), the mode's largest. `None` when no IPv4 range holds it.
    pub prefix: Option<u8>,
    /// The peak needs more than the mode allows (a dynamic pod subnet's /16, a static-block
    /// pod subnet's /12): `prefix` is that limit, and the pools must be split.
    pub capped: bool,
    /// IPs (for a pod CIDR, /24 node slots) at the scenario's peak.
    pub peak_demand: u64,
}

/// Whether `usable` holds `peak` within the headroom, compared as `subnet-headroom` compares
/// (peak over usable), so a range sized here never trips it.
fn holds(peak: u64, usable: u64, headroom: f64) -> bool {
    usable > 0 && peak as f64 / usable as f64 <= headroom
}

/// The peak of a range's uses under the scenario (never exhausted: all addresses at hand).
fn peak_of(range: Range, uses: &[PoolUse]) -> u64 {
    scenario::run(range, u64::MAX, uses.to_vec()).peak_demand
}

/// The largest pod subnet a mode takes: dynamic allocation stops at a /16 (about 65,000
/// pods), static block at a /12 (rules/pod-subnet-too-large.md, rules/static-block-limits.md).
fn largest_pod_subnet(uses: &[PoolUse]) -> Option<u8> {
    let pod = |mode| uses.iter().any(|u| u.role == Role::Pod && u.mode == mode);
    if pod(Mode::Dynamic) {
        Some(LARGEST_POD_SUBNET_PREFIX)
    } else if pod(Mode::StaticBlock) {
        Some(LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX)
    } else {
        None
    }
}

/// A subnet's size under its pools' modes. At least one usable IP is asked for, so an unused
/// subnet with `reserved_ips` keeps room beyond them.
pub fn size_subnet(topology: &Topology, subnet: usize, uses: &[PoolUse]) -> Sizing {
    let peak = peak_of(Range::Subnet(subnet), uses);
    let reserved = topology.subnets[subnet].reserved_ips.value;
    let headroom = topology.allocation.headroom_warning;
    let smallest = (0..=SMALLEST_SUBNET_PREFIX)
        .rev()
        .find(|&p| holds(peak.max(1), usable_ips(p, reserved), headroom));
    match (smallest, largest_pod_subnet(uses)) {
        (Some(p), Some(limit)) if p < limit => Sizing {
            prefix: Some(limit),
            capped: true,
            peak_demand: peak,
        },
        (None, Some(limit)) => Sizing {
            prefix: Some(limit),
            capped: true,
            peak_demand: peak,
        },
        (prefix, _) => Sizing {
            prefix,
            capped: false,
            peak_demand: peak,
        },
    }
}

/// A pod CIDR's size: /24 node slots for its peak nodes, never longer than a /24.
pub fn size_pod_cidr(topology: &Topology, cluster: usize, uses: &[PoolUse]) -> Sizing {
    let peak = peak_of(Range::PodCidr(cluster), uses);
    let headroom = topology.allocation.headroom_warning;
    let prefix = (0..=POD_CIDR_NODE_PREFIX)
        .rev()
        .find(|&p| holds(peak.max(1), pod_cidr_slots(p), headroom));
    Sizing {
        prefix,
        capped: false,
        peak_demand: peak,
    }
}

/// Everything a subnet placed inside a VNet must stay clear of, its peers' address spaces
/// aside (see [`peer_spaces`]): every subnet (owned, so it may look for room in its own
/// range), service CIDR, pod CIDR, external network and forbidden range.
pub fn vnet_occupied(topology: &Topology) -> Occupied {
    let subnets = topology
        .subnets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.cidr.as_ref()?.net(), Some(i))));
    let clusters = topology.clusters.iter().flat_map(|c| {
        let service = c.service_cidr.as_ref().map(|s| s.net());
        let pod = c.pod_cidr.as_ref().map(|p| p.net());
        service.into_iter().chain(pod).map(|n| (n, None))
    });
    Occupied::new(
        subnets
            .chain(clusters)
            .chain(external_and_forbidden(topology))
            .collect::<Vec<_>>(),
    )
}

/// The address spaces of the VNets peered with `vnet` (both ways).
pub fn peer_spaces(topology: &Topology, peers: &[Vec<usize>], vnet: usize) -> Occupied {
    let spaces = peers
        .get(vnet)
        .into_iter()
        .flatten()
        .flat_map(|&p| topology.vnets[p].address_space.iter().map(|c| (c.net(), None)));
    Occupied::new(spaces.collect::<Vec<_>>())
}

/// The lowest free block of `prefix` in the VNet's address space (in its written order);
/// `own` is the subnet looking, whose current range counts as free to it and is tried first
/// at the same start.
pub fn place_in_vnet(
    topology: &Topology,
    vnet: usize,
    layers: &[&Occupied],
    prefix: u8,
    own: Option<(usize, Ipv4Net)>,
) -> Option<Ipv4Net> {
    let spaces: Vec<Ipv4Net> = topology.vnets[vnet]
        .address_space
        .iter()
        .map(|c| c.net())
        .collect();
    let skip = own.map(|(s, _)| s);
    let in_place = own
        .and_then(|(_, current)| Ipv4Net::new(current.network(), prefix).ok())
        .map(|n| n.trunc())
        .filter(|n| spaces.iter().any(|space| space.contains(n)) && is_free(layers, *n, skip));
    in_place.or_else(|| {
        spaces.iter().find_map(|space| {
            let (lo, hi) = bounds(*space);
            first_fit(layers, lo, hi, prefix, skip)
        })
    })
}

/// Where a pod CIDR may go, in order of preference: beside AKS's default 10.244.0.0/16 (the
/// range users recognise), the rest of 10.0.0.0/8, then 100.64.0.0/10 (RFC 6598 shared
/// space, rarely routed in enterprise networks), then 172.16.0.0/12 and 192.168.0.0/16.
const POD_CIDR_SPACES: [(u32, u32); 5] = [
    (0x0af4_0000, 0x0aff_ffff), // 10.244.0.0 – 10.255.255.255
    (0x0a00_0000, 0x0af3_ffff), // 10.0.0.0 – 10.243.255.255
    (0x6440_0000, 0x647f_ffff), // 100.64.0.0/10
    (0xac10_0000, 0xac1f_ffff), // 172.16.0.0/12
    (0xc0a8_0000, 0xc0a8_ffff), // 192.168.0.0/16
];

/// External networks and forbidden ranges: in the way of every range cniplan places.
fn external_and_forbidden(topology: &Topology) -> impl Iterator<Item = (Ipv4Net, Option<usize>)> + '_ {
    let external = topology
        .external_networks
        .iter()
        .flat_map(|e| e.cidrs.iter().map(|c| (c.net(), None)));
    let forbidden = limits::FORBIDDEN_FOR_AKS
        .iter()
        .chain(limits::FORBIDDEN_FOR_VNETS)
        .map(|f| (f.net, None));
    external.chain(forbidden)
}

/// Everything a pod CIDR must stay clear of: every VNet of the plan (pods are routed beside
/// them; the rule only forbids the cluster's own and its peers', but a plan's other VNets may
/// be peered tomorrow), external networks, service CIDRs and forbidden ranges. Other pod
/// CIDRs are no obstacle: clusters may reuse one.
fn pod_cidr_occupied(topology: &Topology) -> Occupied {
    let vnets = topology
        .vnets
        .iter()
        .flat_map(|v| v.address_space.iter().map(|c| (c.net(), None)));
    let services = topology
        .clusters
        .iter()
        .filter_map(|c| Some((c.service_cidr.as_ref()?.net(), None)));
    Occupied::new(
        vnets
            .chain(services)
            .chain(external_and_forbidden(topology))
            .collect::<Vec<_>>(),
    )
}

fn place_pod_cidr(occupied: &Occupied, prefix: u8, current: Ipv4Net) -> Option<Ipv4Net> {
    let layers = [occupied];
    let in_place = Ipv4Net::new(current.network(), prefix)
        .ok()
        .map(|n| n.trunc())
        .filter(|n| is_free(&layers, *n, None));
    in_place.or_else(|| {
        POD_CIDR_SPACES
            .iter()
            .find_map(|&(lo, hi)| first_fit(&layers, u64::from(lo), u64::from(hi), prefix, None))
    })
}

/// One row of `cniplan size`: the five fields of docs/json-output.md, then what explains them.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SizeRow {
    /// The subnet's VNet; null for a pod CIDR.
    pub vnet: Option<String>,
    /// The subnet's name, or `<cluster>/pod_cidr`.
    pub name: String,
    /// The CIDR as written, or `auto` / `auto/22`.
    pub current: String,
    /// The smallest prefix that holds the peak within the headroom, written "/22"; null when
    /// the mode allows none that does (the note says how to split) or no pool uses the range.
    pub smallest_prefix: Option<String>,
    /// A free range of that size (for `auto/22`, of the size written); null when none is free.
    pub suggested: Option<String>,
    pub role: crate::capacity::Role,
    /// IPs at the scenario's peak (for a pod CIDR, /24 node slots).
    pub peak_demand: u64,
    pub note: Option<String>,
}

/// Every subnet (plan order) and every pod CIDR in use (cluster order).
pub fn size(model: &Model) -> Vec<SizeRow> {
    let topology = &model.topology;
    let uses = capacity::pool_uses(topology, PoolKnobs::of);
    let sizings: Vec<Sizing> = (0..topology.subnets.len())
        .map(|s| size_subnet(topology, s, &uses.subnets[s]))
        .collect();
    let suggested = suggest_subnets(topology, &uses.subnets, &sizings);
    // Each subnet's capacity, by index: `model.capacity` lists only subnets with a range.
    let mut capacity_of: Vec<Option<&RangeCapacity>> = vec![None; topology.subnets.len()];
    for c in &model.capacity {
        if let Some(s) = c.subnet() {
            capacity_of[s] = Some(c);
        }
    }
    let mut rows: Vec<SizeRow> = topology
        .subnets
        .iter()
        .enumerate()
        .filter_map(|(s, subnet)| {
            let used = !uses.subnets[s].is_empty();
            let sizing = sizings[s];
            let current = match &subnet.auto {
                Some(auto) => match auto.prefix {
                    Some(p) => format!("auto/{p}"),
                    None => "auto".to_string(),
                },
                None => subnet.cidr.as_ref()?.written.to_string(),
            };
            let (smallest_prefix, note) =
                subnet_answer(topology, used, sizing, capacity_of[s], subnet.auto.is_some());
            Some(SizeRow {
                vnet: Some(topology.vnets[subnet.vnet].name.value.clone()),
                name: subnet.name.value.clone(),
                current,
                smallest_prefix,
                suggested: suggested[s].map(|n| n.to_string()),
                role: role_name(&uses.subnets[s]),
                peak_demand: sizing.peak_demand,
                note,
            })
        })
        .collect();
    let pod_space = pod_cidr_occupied(topology);
    for (c, cluster) in topology.clusters.iter().enumerate() {
        let Some(cidr) = cluster.pod_cidr.as_ref() else {
            continue;
        };
        if !cluster.pools.iter().any(|p| p.mode.uses_pod_cidr()) {
            continue;
        }
        let sizing = size_pod_cidr(topology, c, &uses.pod_cidrs[c]);
        let place = sizing
            .prefix
            .and_then(|p| place_pod_cidr(&pod_space, p, cidr.net()));
        let note = match (sizing.prefix, place) {
            (None, _) => Some("no IPv4 range holds its peak nodes at one /24 each".to_string()),
            (Some(p), None) => Some(format!(
                "no free /{p} outside the plan's VNets, external networks, service CIDRs and forbidden ranges"
            )),
            _ => None,
        };
        rows.push(SizeRow {
            vnet: None,
            name: format!("{}/pod_cidr", cluster.name.value),
            current: cidr.written.to_string(),
            smallest_prefix: sizing.prefix.map(|p| format!("/{p}")),
            suggested: place.map(|n| n.to_string()),
            role: Role::PodCidr,
            peak_demand: sizing.peak_demand,
            note,
        });
    }
    rows
}

fn role_name(uses: &[PoolUse]) -> Role {
    scenario::role_of(uses)
}

/// A subnet's smallest prefix and note.
fn subnet_answer(
    topology: &Topology,
    used: bool,
    sizing: Sizing,
    capacity: Option<&RangeCapacity>,
    auto: bool,
) -> (Option<String>, Option<String>) {
    if !used && !auto {
        return (
            None,
            Some("no node pool uses it: its size is its other resources' business".to_string()),
        );
    }
    let prefix = sizing.prefix.map(|p| format!("/{p}"));
    if sizing.capped {
        // The mode stops short of the peak: the rules' sizing help says how to split.
        let split = match capacity {
            Some(c) => crate::rules::resize_help(topology, c),
            None => format!(
                "its peak of {} IPs needs more than the mode's largest pod subnet, a {}: split the pools over \
                 several pod subnets",
                crate::numbers::thousands(sizing.peak_demand),
                prefix.clone().unwrap_or_default()
            ),
        };
        return (None, Some(split));
    }
    match (prefix, used) {
        (None, _) => (None, Some("no IPv4 subnet holds its peak".to_string())),
        (Some(p), false) => (
            Some(p),
            Some("no node pool uses it: sized for its reserved_ips alone".to_string()),
        ),
        (Some(p), true) => (Some(p), None),
    }
}

/// A free range for every used subnet: `auto` subnets have theirs already (placed by
/// [`auto::place`]); a written one gets its smallest prefix, at its own start if that is free,
/// else the lowest free block. Largest first, then plan order; each suggestion is taken
/// before the next is looked for, so they can all be applied together.
fn suggest_subnets(topology: &Topology, uses: &[Vec<PoolUse>], sizings: &[Sizing]) -> Vec<Option<Ipv4Net>> {
    let mut out: Vec<Option<Ipv4Net>> = topology
        .subnets
        .iter()
        .map(|s| s.auto.as_ref().and(s.cidr.as_ref()).map(|c| c.net()))
        .collect();
    let mut order: Vec<(u8, usize)> = topology
        .subnets
        .iter()
        .enumerate()
        .filter(|(s, subnet)| subnet.auto.is_none() && subnet.cidr.is_some() && !uses[*s].is_empty())
        .filter(|(s, _)| !sizings[*s].capped)
        .filter_map(|(s, _)| Some((sizings[s].prefix?, s)))
        .collect();
    order.sort_unstable();
    let occupied = vnet_occupied(topology);
    let peers = topology.peers();
    let mut taken = Occupied::default();
    let mut peer_layers = std::collections::BTreeMap::new();
    for (prefix, s) in order {
        let subnet = &topology.subnets[s];
        let Some(current) = subnet.cidr.as_ref().map(|c| c.net()) else {
            continue;
        };
        let peer_layer = peer_layers
            .entry(subnet.vnet)
            .or_insert_with(|| peer_spaces(topology, &peers, subnet.vnet));
        let layers = [&occupied, &*peer_layer, &taken];
        let found = place_in_vnet(topology, subnet.vnet, &layers, prefix, Some((s, current)));
        if let Some(net) = found {
            taken.insert(net, Some(s));
        }
        out[s] = found;
    }
    out
}
