//! subnet-outside-vnet: a subnet whose CIDR is not inside its VNet's address space; Azure
//! refuses to create it.

use super::free_range::{move_fix, SubnetPlaces};
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Applicability, Finding};
use crate::topology::Topology;
use ipnet::IpNet;
use std::collections::HashMap;

/// A VNet's address space prefixes of one family: in written order (for messages), and as
/// `(first, last)` bounds sorted by first with the running maximum of last, so whether any
/// prefix holds a net is a binary search, not a scan.
struct Family {
    spaces: Vec<(IpNet, Span)>,
    starts: Vec<u128>,
    max_last: Vec<u128>,
}

impl Family {
    fn new(spaces: Vec<(IpNet, Span)>) -> Family {
        let mut bounds: Vec<(u128, u128)> = spaces.iter().map(|(space, _)| range(space)).collect();
        bounds.sort_unstable();
        let starts = bounds.iter().map(|&(first, _)| first).collect();
        let max_last = bounds
            .iter()
            .scan(0u128, |max, &(_, last)| {
                *max = (*max).max(last);
                Some(*max)
            })
            .collect();
        Family {
            spaces,
            starts,
            max_last,
        }
    }

    /// Whether a prefix holds `net`: one that starts at or before it and ends at or after it.
    /// Prefixes of one family nest or are disjoint, so this is `IpNet::contains`.
    fn contains(&self, net: &IpNet) -> bool {
        let (first, last) = range(net);
        let before = self.starts.partition_point(|&start| start <= first);
        before > 0 && self.max_last[before - 1] >= last
    }
}

/// The IPv4 and IPv6 prefixes of a VNet's address space.
struct Families {
    v4: Family,
    v6: Family,
}

impl Families {
    fn new(vnet: &crate::topology::Vnet) -> Families {
        let (v6, v4): (Vec<_>, Vec<_>) = vnet.spaces().partition(|(space, _)| space.network().is_ipv6());
        Families {
            v4: Family::new(v4),
            v6: Family::new(v6),
        }
    }

    fn of(&self, net: &IpNet) -> &Family {
        if net.network().is_ipv6() {
            &self.v6
        } else {
            &self.v4
        }
    }
}

/// A net's first and last addresses; IPv4 ones and IPv6 ones are never compared.
fn range(net: &IpNet) -> (u128, u128) {
    match net {
        IpNet::V4(n) => (
            u128::from(u32::from(n.network())),
            u128::from(u32::from(n.broadcast())),
        ),
        IpNet::V6(n) => (u128::from(n.network()), u128::from(n.broadcast())),
    }
}

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    let mut by_vnet: HashMap<usize, Families> = HashMap::new();
    for (s, subnet) in topology.subnets.iter().enumerate() {
        let vnet = &topology.vnets[subnet.vnet];
        // A VNet whose address space is unknown (not read, or every prefix invalid) holds
        // nothing a rule can tell.
        let Some((_, any_space)) = vnet.spaces().next() else {
            continue;
        };
        // Built once per VNet, not per subnet: a stand-in VNet has one prefix per subnet,
        // and a per-subnet scan of them all was quadratic.
        let families = by_vnet.entry(subnet.vnet).or_insert_with(|| Families::new(vnet));
        for (net, span) in subnet.prefixes() {
            // A prefix lies in the address space of its own family (a dual-stack VNet's IPv6
            // prefixes hold its subnets' IPv6 ones).
            let family = families.of(&net);
            if family.contains(&net) {
                continue;
            }
            out.push(finding(
                topology,
                &mut places,
                s,
                (net, span),
                &family.spaces,
                any_space,
            ));
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
