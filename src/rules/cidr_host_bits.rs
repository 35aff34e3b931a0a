//! cidr-host-bits: a CIDR written with host bits set (`10.240.1.0/16`). Azure rejects it;
//! the other rules read it as its network.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::{Cidr, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let vnets = topology.vnets.iter().flat_map(|v| &v.address_space);
    let subnets = topology.subnets.iter().flat_map(|s| s.cidrs());
    let externals = topology.external_networks.iter().flat_map(|e| &e.cidrs);
    let services = topology.clusters.iter().filter_map(|c| c.service_cidr.as_ref());
    for cidr in vnets.chain(subnets).chain(externals).chain(services) {
        if let Some(finding) = host_bits(cidr) {
            out.push(finding);
        }
    }
}

fn host_bits(cidr: &Cidr) -> Option<Finding> {
    let (written, net) = (cidr.written, cidr.net());
    (written != net).then(|| {
        Finding::new(
            Rule::CidrHostBits,
            cidr.span,
            format!("`{written}` has host bits set; as a prefix it means `{net}`"),
        )
        .help(format!(
            "write `{net}`, or a longer prefix if `{written}` was meant"
        ))
    })
}
