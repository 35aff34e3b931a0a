//! The free ranges the rules propose as fixes, each a candidate the check verifies: a service
//! CIDR in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 that no VNet, external network, pod
//! CIDR or forbidden range touches; a pod CIDR sized for its peak nodes, in place when free,
//! else in the pod CIDR spaces (`topology::place`); a subnet's larger range, in place when
//! free, else the lowest free blocks of its VNet.

use crate::capacity::{smallest_pod_cidr_prefix, RangeCapacity};
use crate::diagnostic::{Edit, MAX_CANDIDATES};
use crate::limits::{FORBIDDEN_FOR_AKS, FORBIDDEN_FOR_VNETS, POD_CIDR_NODE_PREFIX};
use crate::topology::place::{self, free_blocks, pod_cidr_occupied, subnet_places};
use crate::topology::space::{bounds, Occupied};
use crate::topology::{Cidr, Cluster, Topology};
use ipnet::Ipv4Net;
use std::collections::HashMap;
use std::net::Ipv4Addr;

/// Free private ranges of `prefix` for a service CIDR, lowest first.
pub fn service_cidr_places(topology: &Topology, prefix: u8) -> Vec<Ipv4Net> {
    let vnets = topology
        .vnets
        .iter()
        .flat_map(|v| v.address_space.iter().map(Cidr::net));
    let external = topology
        .external_networks
        .iter()
        .flat_map(|e| e.cidrs.iter().map(Cidr::net));
    let pods = topology
        .clusters
        .iter()
        .filter_map(|c| Some(c.pod_cidr_in_use()?.net()));
    let forbidden = FORBIDDEN_FOR_AKS.iter().chain(FORBIDDEN_FOR_VNETS).map(|f| f.net);
    let used = Occupied::new(
        vnets
            .chain(external)
            .chain(pods)
            .chain(forbidden)
            .map(|n| (n, None))
            .collect::<Vec<_>>(),
    );
    let private: Vec<(u64, u64)> = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
        .iter()
        .filter_map(|n| n.parse::<Ipv4Net>().ok())
        .map(bounds)
        .collect();
    free_blocks(&[&used], &private, prefix, None, None, MAX_CANDIDATES)
}

/// The conventional DNS service IP of a service CIDR: its 10th address.
pub fn dns_of(net: Ipv4Net) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(net.network()).saturating_add(crate::limits::DEFAULT_DNS_SERVICE_IP_OFFSET))
}

/// The edits that move a cluster's service CIDR to `net`: the CIDR (written, or a new key
/// for the default), and a written DNS service IP with it (a default follows by itself).
pub fn service_cidr_edits(cluster: &Cluster, net: Ipv4Net) -> Vec<Edit> {
    let mut edits = Vec::new();
    if let Some(service) = &cluster.service_cidr {
        edits.push(Edit::set(
            service.span,
            service.defaulted,
            "service_cidr",
            service.written,
            net,
        ));
    }
    if let Some(dns) = cluster.dns_service_ip.as_ref().filter(|d| !d.defaulted) {
        edits.push(Edit::replace(dns.span, dns.value, dns_of(net)));
    }
    edits
}

/// Pod CIDR places, computed once per check: the occupied space is shared by every cluster.
#[derive(Default)]
pub struct PodCidrPlaces {
    occupied: Option<Occupied>,
    cache: HashMap<(u8, Ipv4Net), Vec<Ipv4Net>>,
}

impl PodCidrPlaces {
    /// Up to [`MAX_CANDIDATES`] pod CIDRs for cluster `index`: the size that holds its peak
    /// nodes within the headroom (never smaller than its current one), in place when free,
    /// then the lowest free blocks.
    pub fn for_cluster(
        &mut self,
        topology: &Topology,
        index: usize,
        capacity: &[RangeCapacity],
    ) -> Vec<Ipv4Net> {
        let Some(current) = topology.clusters.get(index).and_then(|c| c.pod_cidr_in_use()) else {
            return Vec::new();
        };
        let current = current.net();
        let peak = capacity
            .iter()
            .find(|c| c.range == crate::capacity::Range::PodCidr(index))
            .map_or(0, |c| c.peak_demand);
        let headroom = topology.allocation.headroom_warning;
        let Some(needed) = smallest_pod_cidr_prefix(peak.max(1), headroom) else {
            return Vec::new();
        };
        let prefix = needed.min(current.prefix_len()).min(POD_CIDR_NODE_PREFIX);
        let occupied = self.occupied.get_or_insert_with(|| pod_cidr_occupied(topology));
        self.cache
            .entry((prefix, current))
            .or_insert_with(|| place::pod_cidr_places(occupied, prefix, current, MAX_CANDIDATES))
            .clone()
    }
}

/// The edit that sets a cluster's pod CIDR to `net`.
pub fn pod_cidr_edit(cidr: &Cidr, net: Ipv4Net) -> Edit {
    Edit::set(cidr.span, cidr.defaulted, "pod_cidr", cidr.written, net)
}

/// Subnet places, computed once per check: every subnet, service and pod CIDR is in the way,
/// and each VNet's peers.
#[derive(Default)]
pub struct SubnetPlaces {
    occupied: Option<Occupied>,
    peers: Option<Vec<Vec<usize>>>,
    peer_spaces: HashMap<usize, Occupied>,
}

impl SubnetPlaces {
    /// Up to [`MAX_CANDIDATES`] ranges of `prefix` for subnet `s`, in place first.
    pub fn for_subnet(&mut self, topology: &Topology, s: usize, prefix: u8) -> Vec<Ipv4Net> {
        let Some(subnet) = topology.subnets.get(s) else {
            return Vec::new();
        };
        let occupied = self
            .occupied
            .get_or_insert_with(|| place::vnet_occupied(topology));
        let peers = self.peers.get_or_insert_with(|| topology.peers());
        let peer_layer = self
            .peer_spaces
            .entry(subnet.vnet)
            .or_insert_with(|| place::peer_spaces(topology, peers, subnet.vnet));
        subnet_places(topology, &[occupied, peer_layer], s, prefix, MAX_CANDIDATES)
    }
}

/// The one range of a subnet a fix may rewrite: a subnet written with one CIDR, not `auto`.
pub fn single_cidr(topology: &Topology, s: usize) -> Option<&Cidr> {
    let subnet = topology.subnets.get(s)?;
    if subnet.auto.is_some() || subnet.cidrs().count() != 1 {
        return None;
    }
    subnet.cidr.as_ref().filter(|c| !c.defaulted)
}

/// A subnet moved to a free range of `prefix` in its VNet (in place first, when that is
/// free): the fix of a subnet that overlaps another, lies outside its VNet or is too small.
/// None for a subnet with several prefixes or written `auto`.
pub fn move_fix(
    topology: &Topology,
    places: &mut SubnetPlaces,
    s: usize,
    prefix: u8,
    applicability: crate::diagnostic::Applicability,
) -> Option<crate::diagnostic::Fix> {
    let cidr = single_cidr(topology, s)?;
    let vnet = &topology.vnets[topology.subnets[s].vnet].name.value;
    let fix = places.for_subnet(topology, s, prefix).into_iter().fold(
        crate::diagnostic::Fix::new(applicability),
        |fix, net| {
            fix.candidate(
                format!("set `cidr: {net}`"),
                format!("use `{net}`, a free /{prefix} of VNet `{vnet}`"),
                vec![Edit::replace(cidr.span, cidr.written, net)],
            )
        },
    );
    Some(fix)
}
