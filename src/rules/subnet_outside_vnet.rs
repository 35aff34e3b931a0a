//! subnet-outside-vnet: a subnet whose CIDR is not inside its VNet's address space; Azure
//! refuses to create it.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for (subnet, cidr) in topology
        .subnets
        .iter()
        .flat_map(|s| s.cidrs().map(move |c| (s, c)))
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
        out.push(
            Finding::new(
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
            .related(first_space.span, "the VNet's address space"),
        );
    }
}
