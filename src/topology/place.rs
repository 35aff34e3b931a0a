//! Where a range may go in a topology: the occupied ranges a subnet or a pod CIDR must stay
//! clear of, and the lowest free aligned block for it (`cniplan size`, `cidr: auto`, and the
//! ranges the rules propose as fixes). Free space itself is [`super::space`].

use super::space::{bounds, first_fit, is_free, Occupied};
use super::Topology;
use crate::limits;
use ipnet::Ipv4Net;

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
pub fn pod_cidr_occupied(topology: &Topology) -> Occupied {
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

pub fn place_pod_cidr(occupied: &Occupied, prefix: u8, current: Ipv4Net) -> Option<Ipv4Net> {
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

/// Up to `n` free blocks of `prefix`, none in `layers` (`skip`'s own range counting as
/// free): `first` when it lies in a space and is free, then the lowest free blocks of
/// `spaces` (inclusive address bounds, tried in order), each taken before the next is looked
/// for. O(n × the ranges met).
pub fn free_blocks(
    layers: &[&Occupied],
    spaces: &[(u64, u64)],
    prefix: u8,
    first: Option<Ipv4Net>,
    skip: Option<usize>,
    n: usize,
) -> Vec<Ipv4Net> {
    let mut out: Vec<Ipv4Net> = Vec::new();
    let mut taken = Occupied::default();
    let inside = |net: &Ipv4Net| {
        let (lo, hi) = bounds(*net);
        spaces.iter().any(|&(a, b)| a <= lo && hi <= b)
    };
    if let Some(net) = first.filter(|net| inside(net) && is_free(layers, *net, skip)) {
        out.push(net);
        taken.insert(net, None);
    }
    while out.len() < n {
        let found = {
            let mut all: Vec<&Occupied> = layers.to_vec();
            all.push(&taken);
            spaces
                .iter()
                .find_map(|&(lo, hi)| first_fit(&all, lo, hi, prefix, skip))
        };
        let Some(net) = found else { break };
        out.push(net);
        taken.insert(net, None);
    }
    out
}

/// Up to `n` places for subnet `subnet` at `prefix`: at its own start when that is free (it
/// grows or shrinks in place), then the lowest free blocks of its VNet's address space.
/// `layers` are [`vnet_occupied`] and the VNet's [`peer_spaces`].
pub fn subnet_places(
    topology: &Topology,
    layers: &[&Occupied],
    subnet: usize,
    prefix: u8,
    n: usize,
) -> Vec<Ipv4Net> {
    let Some(s) = topology.subnets.get(subnet) else {
        return Vec::new();
    };
    let spaces: Vec<(u64, u64)> = topology.vnets[s.vnet]
        .address_space
        .iter()
        .map(|c| bounds(c.net()))
        .collect();
    let first = s
        .cidr
        .as_ref()
        .and_then(|c| Ipv4Net::new(c.net().network(), prefix).ok())
        .map(|n| n.trunc());
    free_blocks(layers, &spaces, prefix, first, Some(subnet), n)
}

/// Up to `n` places for a pod CIDR of `prefix` now at `current`: in place when free, then the
/// lowest free blocks of the pod CIDR spaces. `occupied` is [`pod_cidr_occupied`].
pub fn pod_cidr_places(occupied: &Occupied, prefix: u8, current: Ipv4Net, n: usize) -> Vec<Ipv4Net> {
    let spaces: Vec<(u64, u64)> = POD_CIDR_SPACES
        .iter()
        .map(|&(lo, hi)| (u64::from(lo), u64::from(hi)))
        .collect();
    let first = Ipv4Net::new(current.network(), prefix).ok().map(|n| n.trunc());
    free_blocks(&[occupied], &spaces, prefix, first, None, n)
}
