//! cidr-host-bits: a CIDR written with host bits set (`10.240.1.0/16`). Azure rejects it;
//! the other rules read it as its network.
//!
//! The fix (safe: Azure never deployed the value) is, in order: the network the CIDR means;
//! the largest range that starts at the written address (`10.1.8.0/19` → `10.1.8.0/21`);
//! for a subnet, a free range of the written size in its VNet. The check keeps the first
//! that overlaps nothing and leaves no subnet short.

use super::free_range::SubnetPlaces;
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule};
use crate::limits::SMALLEST_SUBNET_PREFIX;
use crate::topology::{Cidr, Topology};
use ipnet::Ipv4Net;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    let vnets = topology.vnets.iter().flat_map(|v| &v.address_space);
    let externals = topology.external_networks.iter().flat_map(|e| &e.cidrs);
    let services = topology.clusters.iter().filter_map(|c| c.service_cidr.as_ref());
    for cidr in vnets.chain(externals).chain(services) {
        out.extend(host_bits(cidr, &[], 32));
    }
    for (s, subnet) in topology.subnets.iter().enumerate() {
        for cidr in subnet.cidrs().filter(|c| c.written != c.net()) {
            let free = places.for_subnet(topology, s, cidr.written.prefix_len());
            let free: Vec<(Ipv4Net, String)> = free
                .into_iter()
                .map(|n| {
                    let why = format!(
                        "a free /{} of VNet `{}`",
                        n.prefix_len(),
                        topology.vnets[subnet.vnet].name.value
                    );
                    (n, why)
                })
                .collect();
            out.extend(host_bits(cidr, &free, SMALLEST_SUBNET_PREFIX));
        }
    }
}

/// The finding for a CIDR with host bits, its fix candidates in order: its network, the
/// largest range from the written address (no longer than `longest`), then `more`.
fn host_bits(cidr: &Cidr, more: &[(Ipv4Net, String)], longest: u8) -> Option<Finding> {
    let (written, net) = (cidr.written, cidr.net());
    if written == net {
        return None;
    }
    let address = u32::from(written.addr());
    let aligned = (32 - address.trailing_zeros().min(32)) as u8;
    let from_address = Ipv4Net::new(written.addr(), aligned.max(written.prefix_len()))
        .ok()
        .filter(|n| n.prefix_len() <= longest);
    let mut candidates: Vec<(Ipv4Net, String)> = vec![(net, format!("the network `{written}` means"))];
    if let Some(n) = from_address {
        candidates.push((n, format!("the largest range that starts at {}", written.addr())));
    }
    candidates.extend(more.iter().cloned());
    let fix = candidates
        .iter()
        .fold(Fix::new(Applicability::Safe), |fix, (n, why)| {
            fix.candidate(
                format!("write `{n}`"),
                format!("write `{n}`, {why}"),
                vec![Edit::replace(cidr.span, written, n)],
            )
        });
    Some(
        Finding::new(
            Rule::CidrHostBits,
            cidr.span,
            format!("`{written}` has host bits set; as a prefix it means `{net}`"),
        )
        .help(format!(
            "write a range without host bits: the network it means, or a longer prefix if `{written}` \
             was meant, clear of the plan's other ranges"
        ))
        .fix(fix),
    )
}
