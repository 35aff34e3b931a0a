//! subnet-overlap: two subnets of one VNet overlap; Azure refuses the second.

use super::free_range::{move_fix, SubnetPlaces};
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Applicability, Finding};
use crate::overlap::{first_overlaps, Range};
use crate::topology::Topology;
use ipnet::IpNet;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for vnet in &topology.vnets {
        // Every prefix of every subnet (a subnet may have several, of either family), by its
        // place in `prefixes`; IPv6 prefixes meet only IPv6 ones (`Range::of_either`).
        let prefixes: Vec<(usize, IpNet, Span)> = vnet
            .subnets
            .iter()
            .flat_map(|&s| {
                topology.subnets[s]
                    .prefixes()
                    .map(move |(net, span)| (s, net, span))
            })
            .collect();
        let ranges = prefixes
            .iter()
            .enumerate()
            .map(|(i, &(_, net, _))| Range::of_either(net, i))
            .collect();
        for (a, b) in first_overlaps(ranges) {
            // Point at the subnet declared later: the earlier one was there first.
            let ((s1, net1, span1), (s2, net2, span2)) = (prefixes[a.min(b)], prefixes[a.max(b)]);
            if s1 == s2 {
                continue;
            }
            let (first, second) = (&topology.subnets[s1], &topology.subnets[s2]);
            // The later subnet to a free range of its size; unsafe, as either may exist. Free
            // ranges are IPv4 ones: an IPv6 prefix gets no fix.
            let fix = match net2 {
                IpNet::V4(net) => {
                    move_fix(topology, &mut places, s2, net.prefix_len(), Applicability::Unsafe)
                }
                IpNet::V6(_) => None,
            };
            let finding = Finding::new(
                Rule::SubnetOverlap,
                span2,
                format!(
                    "subnet `{}` ({net2}) overlaps subnet `{}` ({net1}) in VNet `{}`",
                    second.name.value, first.name.value, vnet.name.value
                ),
            )
            .help("give each subnet its own range of the VNet's address space")
            .related(span1, format!("`{}` is here", first.name.value));
            out.push(match fix {
                Some(fix) => finding.fix(fix),
                None => finding,
            });
        }
    }
}
