//! The free private range a help suggests instead of one that collides (a service CIDR, a
//! pod CIDR): the first block of the size in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16
//! that no VNet, external network or forbidden range touches.

use crate::limits::{FORBIDDEN_FOR_AKS, FORBIDDEN_FOR_VNETS};
use crate::overlap::first_free;
use crate::topology::{Cidr, Topology};
use ipnet::Ipv4Net;

/// What else is in the way besides VNets, external networks and forbidden ranges.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AlsoAvoid {
    Nothing,
    /// Every cluster's service CIDR (a pod CIDR must not meet one; service CIDRs may repeat).
    ServiceCidrs,
}

/// A free private range of `prefix` (computed once per plan and size by the callers).
pub fn suggest(topology: &Topology, prefix: u8, also: AlsoAvoid) -> Option<Ipv4Net> {
    let mut used: Vec<Ipv4Net> = topology
        .vnets
        .iter()
        .flat_map(|v| v.address_space.iter().map(Cidr::net))
        .collect();
    used.extend(
        topology
            .external_networks
            .iter()
            .flat_map(|e| e.cidrs.iter().map(Cidr::net)),
    );
    if also == AlsoAvoid::ServiceCidrs {
        used.extend(
            topology
                .clusters
                .iter()
                .filter_map(|c| Some(c.service_cidr.as_ref()?.net())),
        );
    }
    used.extend(FORBIDDEN_FOR_AKS.iter().chain(FORBIDDEN_FOR_VNETS).map(|f| f.net));
    let private: [Ipv4Net; 3] = [
        Ipv4Net::new_assert([10, 0, 0, 0].into(), 8),
        Ipv4Net::new_assert([172, 16, 0, 0].into(), 12),
        Ipv4Net::new_assert([192, 168, 0, 0].into(), 16),
    ];
    first_free(&used, &private, prefix)
}
