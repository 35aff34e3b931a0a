//! subnet-overlap: two subnets of one VNet overlap; Azure refuses the second.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::overlap::{first_overlaps, Range};
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for vnet in &topology.vnets {
        let ranges = vnet
            .subnets
            .iter()
            .filter_map(|&s| topology.subnets[s].cidr.as_ref().map(|c| Range::of(c.net(), s)))
            .collect();
        for (a, b) in first_overlaps(ranges) {
            // Point at the subnet declared later: the earlier one was there first.
            let (first, second) = (&topology.subnets[a.min(b)], &topology.subnets[a.max(b)]);
            let (Some(first_cidr), Some(second_cidr)) = (&first.cidr, &second.cidr) else {
                continue;
            };
            out.push(
                Finding::new(
                    Rule::SubnetOverlap,
                    second_cidr.span,
                    format!(
                        "subnet `{}` ({}) overlaps subnet `{}` ({}) in VNet `{}`",
                        second.name.value,
                        second_cidr.net(),
                        first.name.value,
                        first_cidr.net(),
                        vnet.name.value
                    ),
                )
                .help("give each subnet its own range of the VNet's address space")
                .related(first_cidr.span, format!("`{}` is here", first.name.value)),
            );
        }
    }
}
