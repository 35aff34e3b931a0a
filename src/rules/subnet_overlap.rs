//! subnet-overlap: two subnets of one VNet overlap; Azure refuses the second.

use super::free_range::{move_fix, SubnetPlaces};
use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Finding};
use crate::overlap::{first_overlaps, Range};
use crate::topology::{Cidr, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for vnet in &topology.vnets {
        // Every prefix of every subnet (a subnet may have several), by its place in `prefixes`.
        let prefixes: Vec<(usize, &Cidr)> = vnet
            .subnets
            .iter()
            .flat_map(|&s| topology.subnets[s].cidrs().map(move |c| (s, c)))
            .collect();
        let ranges = prefixes
            .iter()
            .enumerate()
            .map(|(i, (_, c))| Range::of(c.net(), i))
            .collect();
        for (a, b) in first_overlaps(ranges) {
            // Point at the subnet declared later: the earlier one was there first.
            let ((s1, c1), (s2, c2)) = (prefixes[a.min(b)], prefixes[a.max(b)]);
            if s1 == s2 {
                continue;
            }
            let (first, second) = (&topology.subnets[s1], &topology.subnets[s2]);
            // The later subnet to a free range of its size; unsafe, as either may exist.
            let fix = move_fix(
                topology,
                &mut places,
                s2,
                c2.net().prefix_len(),
                Applicability::Unsafe,
            );
            let finding = Finding::new(
                Rule::SubnetOverlap,
                c2.span,
                format!(
                    "subnet `{}` ({}) overlaps subnet `{}` ({}) in VNet `{}`",
                    second.name.value,
                    c2.net(),
                    first.name.value,
                    c1.net(),
                    vnet.name.value
                ),
            )
            .help("give each subnet its own range of the VNet's address space")
            .related(c1.span, format!("`{}` is here", first.name.value));
            out.push(match fix {
                Some(fix) => finding.fix(fix),
                None => finding,
            });
        }
    }
}
