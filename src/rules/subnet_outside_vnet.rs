//! subnet-outside-vnet: a subnet whose CIDR is not inside its VNet's address space; Azure
//! refuses to create it.

use super::free_range::{move_fix, SubnetPlaces};
use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Finding};
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for (s, subnet, cidr) in topology
        .subnets
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.cidrs().map(move |c| (i, s, c)))
    {
        let vnet = &topology.vnets[subnet.vnet];
        let Some(first_space) = vnet.address_space.first() else {
            continue;
        };
        let net = cidr.net();
        if vnet.address_space.iter().any(|space| space.net().contains(&net)) {
            continue;
        }
        let spaces: Vec<String> = vnet.address_space.iter().map(|s| s.net().to_string()).collect();
        // Azure refuses such a subnet, so it never deployed: moving it is safe.
        let fix = move_fix(topology, &mut places, s, net.prefix_len(), Applicability::Safe);
        let finding = Finding::new(
            Rule::SubnetOutsideVnet,
            cidr.span,
            format!(
                "subnet `{}` ({net}) is outside VNet `{}`'s address space {}",
                subnet.name.value,
                vnet.name.value,
                spaces.join(", ")
            ),
        )
        .help(format!(
            "move the subnet inside {}, or add its range to the VNet's `address_space`",
            spaces.join(" or ")
        ))
        .related(first_space.span, "the VNet's address space");
        out.push(match fix {
            Some(fix) => finding.fix(fix),
            None => finding,
        });
    }
}
