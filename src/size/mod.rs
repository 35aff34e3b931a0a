//! `cniplan size` and `cidr: auto` (docs/sizing.md): the smallest prefix that holds each
//! subnet's and pod CIDR's peak within `headroom_warning` under the plan's own mode, and a free
//! range of that size.
//!
//! Where a range may go: a subnet inside its VNet's address space, clear of every subnet,
//! peered VNet, external network, service CIDR, pod CIDR and forbidden range; a pod CIDR
//! outside every VNet of the plan, external network, service CIDR and forbidden range. The
//! free range is the lowest aligned block that fits (`topology::space::first_fit`); a subnet that
//! already has a range keeps its start when its new size fits there (shrinking in place, or
//! growing into free neighbours).

pub mod auto;
pub mod write;

use crate::capacity::Model;
use crate::capacity::{
    self, pod_cidr_slots, scenario, usable_ips, PoolKnobs, PoolUse, Range, RangeCapacity, Role,
};
use crate::limits::{
    HOSTED_SYSTEM_SUBNET_PREFIX, LARGEST_POD_CIDR_V6_PREFIX, LARGEST_POD_SUBNET_PREFIX,
    LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX, POD_CIDR_NODE_PREFIX, POD_CIDR_V6_NODE_PREFIX,
    SMALLEST_API_SERVER_SUBNET_PREFIX, SMALLEST_SUBNET_PREFIX,
};
use crate::mode::Mode;
pub use crate::topology::place::{
    peer_spaces, place_in_vnet, place_pod_cidr, pod_cidr_occupied, vnet_occupied,
};
pub use crate::topology::space;
use crate::topology::Topology;
use ipnet::Ipv4Net;
use serde::Serialize;
use space::Occupied;

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
    let role = scenario::role_of(uses);
    // An API server's 9 IPs do not grow, so its subnet needs no headroom (subnet-headroom
    // passes it over too), only AKS's /28; a hosted system pool's subnet is at least the /26
    // AKS gives it (hosted-system-subnet).
    let headroom = match role {
        Role::ApiServer => 1.0,
        _ => topology.allocation.headroom_warning,
    };
    let floor = match role {
        Role::ApiServer => SMALLEST_API_SERVER_SUBNET_PREFIX,
        Role::HostedSystem => HOSTED_SYSTEM_SUBNET_PREFIX,
        _ => SMALLEST_SUBNET_PREFIX,
    };
    let smallest = (0..=floor)
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
                note: note.or_else(|| role_note(topology, &uses.subnets[s])),
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
            note: note.or_else(|| role_note(topology, &uses.pod_cidrs[c])),
        });
        if let Some(cidr6) = &cluster.pod_cidr_v6 {
            rows.push(size_pod_cidr_v6(topology, c, cidr6, &uses.pod_cidrs[c]));
        }
    }
    rows
}

/// A dual-stack cluster's IPv6 pod CIDR: the same nodes take one /80 block each, and the
/// CIDR is a /64 at most (`limits::LARGEST_POD_CIDR_V6_PREFIX`). Its suggested range keeps
/// the written start: an IPv6 pod CIDR is private to the cluster, and only its own service
/// CIDR could overlap it (dual-stack-limits says so).
fn size_pod_cidr_v6(
    topology: &Topology,
    cluster: usize,
    cidr: &crate::topology::Cidr6,
    uses: &[PoolUse],
) -> SizeRow {
    let peak = peak_of(Range::PodCidrV6(cluster), uses);
    let headroom = topology.allocation.headroom_warning;
    let prefix = (LARGEST_POD_CIDR_V6_PREFIX..=POD_CIDR_V6_NODE_PREFIX)
        .rev()
        .find(|&p| holds(peak.max(1), capacity::pod_cidr_v6_slots(p), headroom));
    let suggested = prefix.and_then(|p| {
        ipnet::Ipv6Net::new(cidr.net().network(), p)
            .ok()
            .map(|n| n.trunc())
    });
    let note = match prefix {
        None => format!(
            "no IPv6 pod CIDR holds its peak nodes: a /{LARGEST_POD_CIDR_V6_PREFIX} is the largest, with a /{POD_CIDR_V6_NODE_PREFIX} per node"
        ),
        Some(_) => format!("IPv6: one /{POD_CIDR_V6_NODE_PREFIX} block per node, the nodes of its IPv4 pod CIDR"),
    };
    SizeRow {
        vnet: None,
        name: format!("{}/pod_cidr_v6", topology.clusters[cluster].name.value),
        current: cidr.written.to_string(),
        smallest_prefix: prefix.map(|p| format!("/{p}")),
        suggested: suggested.map(|n| n.to_string()),
        role: Role::PodCidr,
        peak_demand: peak,
        note: Some(note),
    }
}

/// What a range's role or its pools add to its size: the fixed demands of an API server and
/// a hosted system pool, and node auto-provisioning's bounds (an unbounded NodePool counts no
/// nodes, so no size holds it for sure).
fn role_note(topology: &Topology, uses: &[PoolUse]) -> Option<String> {
    match scenario::role_of(uses) {
        Role::ApiServer => {
            return Some(format!(
                "each API server takes {} IPs whatever its pools; AKS needs at least a /{SMALLEST_API_SERVER_SUBNET_PREFIX}",
                crate::limits::API_SERVER_SUBNET_IPS
            ))
        }
        Role::HostedSystem => {
            let nodes: u64 = uses.iter().map(|u| u.full_scale_nodes).sum();
            return Some(format!(
                "AKS's hosted system nodes ({nodes} counted); AKS gives the autoscaling pool a /{HOSTED_SYSTEM_SUBNET_PREFIX}"
            ));
        }
        _ => {}
    }
    let provisioned: Vec<&crate::topology::Pool> = uses
        .iter()
        .filter_map(|u| u.pool_of(topology))
        .filter(|p| p.provisioned)
        .collect();
    if provisioned.is_empty() {
        return None;
    }
    let (unbounded, bounded): (Vec<&crate::topology::Pool>, Vec<&crate::topology::Pool>) = provisioned
        .into_iter()
        .partition(|p| p.full_scale_nodes.defaulted);
    let mut parts = Vec::new();
    if !bounded.is_empty() {
        let list: Vec<String> = bounded
            .iter()
            .map(|p| format!("`{}` {}", p.name.value, p.full_scale_nodes.value))
            .collect();
        parts.push(format!(
            "auto-provisioned nodes at their NodePools' bound ({})",
            list.join(", ")
        ));
    }
    if !unbounded.is_empty() {
        let list: Vec<String> = unbounded.iter().map(|p| format!("`{}`", p.name.value)).collect();
        parts.push(format!(
            "{} without limits, not counted: no size holds unbounded nodes",
            list.join(", ")
        ));
    }
    Some(parts.join("; "))
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
