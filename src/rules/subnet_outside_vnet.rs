//! subnet-outside-vnet: a subnet whose CIDR is not inside its VNet's address space; Azure
//! refuses to create it.

use super::free_range::{move_fix, SubnetPlaces};
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Applicability, Finding};
use crate::topology::Topology;
use ipnet::IpNet;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for (s, subnet) in topology.subnets.iter().enumerate() {
        let vnet = &topology.vnets[subnet.vnet];
        // A VNet whose address space is unknown (not read, or every prefix invalid) holds
        // nothing a rule can tell.
        let Some((_, any_space)) = vnet.spaces().next() else {
            continue;
        };
        for (net, span) in subnet.prefixes() {
            // A prefix lies in the address space of its own family (a dual-stack VNet's IPv6
            // prefixes hold its subnets' IPv6 ones).
            let spaces: Vec<(IpNet, Span)> = vnet
                .spaces()
                .filter(|(space, _)| space.network().is_ipv6() == net.network().is_ipv6())
                .collect();
            if spaces.iter().any(|(space, _)| space.contains(&net)) {
                continue;
            }
            out.push(finding(topology, &mut places, s, (net, span), &spaces, any_space));
        }
    }
}

fn finding(
    topology: &Topology,
    places: &mut SubnetPlaces,
    s: usize,
    (net, span): (IpNet, Span),
    spaces: &[(IpNet, Span)],
    any_space: Span,
) -> Finding {
    let subnet = &topology.subnets[s];
    let vnet = &topology.vnets[subnet.vnet];
    let texts: Vec<String> = spaces.iter().map(|(space, _)| space.to_string()).collect();
    let (message, help) = match spaces.first() {
        Some(_) => (
            format!(
                "subnet `{}` ({net}) is outside VNet `{}`'s address space {}",
                subnet.name.value,
                vnet.name.value,
                texts.join(", ")
            ),
            format!(
                "move the subnet inside {}, or add its range to the VNet's `address_space`",
                texts.join(" or ")
            ),
        ),
        None => {
            let family = if net.network().is_ipv6() { "IPv6" } else { "IPv4" };
            (
                format!(
                    "subnet `{}` ({net}) is outside VNet `{}`'s address space, which has no {family} prefix",
                    subnet.name.value, vnet.name.value
                ),
                format!("add an {family} prefix that holds {net} to the VNet's address space, or remove it from the subnet"),
            )
        }
    };
    // Azure refuses such a subnet, so it never deployed: moving it is safe. Free ranges are
    // IPv4 ones: an IPv6 prefix gets no fix.
    let fix = match net {
        IpNet::V4(v4) if !spaces.is_empty() => {
            move_fix(topology, places, s, v4.prefix_len(), Applicability::Safe)
        }
        _ => None,
    };
    let related = spaces.first().map_or(any_space, |(_, span)| *span);
    let finding = Finding::new(Rule::SubnetOutsideVnet, span, message)
        .help(help)
        .related(related, "the VNet's address space");
    match fix {
        Some(fix) => finding.fix(fix),
        None => finding,
    }
}
