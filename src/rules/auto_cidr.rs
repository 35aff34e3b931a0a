//! auto-cidr: a subnet written `cidr: auto` or `auto/22` is sized and placed by cniplan
//! (docs/sizing.md, `crate::size::auto`); say where it went and why that size (note), or that
//! no free range of the VNet holds it (error). A note, not silence: the plan does not say where
//! the subnet is, so the finding is the only record of it in every output format, at the `auto`
//! value.

use crate::capacity::{usable_ips, RangeCapacity};
use crate::diagnostic::{Finding, Rule};
use crate::numbers::thousands;
use crate::topology::{AutoCidr, Subnet, Topology};

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    if topology.subnets.iter().all(|s| s.auto.is_none()) {
        return;
    }
    let headroom = topology.allocation.headroom_warning;
    let mut used = vec![false; topology.subnets.len()];
    for c in capacity.iter().filter(|c| !c.uses.is_empty()) {
        if let Some(s) = c.subnet() {
            used[s] = true;
        }
    }
    for (s, subnet) in topology.subnets.iter().enumerate() {
        let Some(auto) = &subnet.auto else { continue };
        let vnet = &topology.vnets[subnet.vnet];
        let used = used[s];
        let finding = match (&subnet.cidr, auto.sized) {
            (Some(cidr), _) => {
                let net = cidr.net();
                let why = why_this_size(subnet, auto, used, headroom);
                Finding::new(
                    Rule::AutoCidr,
                    auto.span,
                    format!(
                        "subnet `{}` is `auto`: cniplan placed it at {net}, {why}, at the lowest free range of \
                         VNet `{}`'s address space",
                        subnet.name.value, vnet.name.value
                    ),
                )
                .severity(crate::diagnostic::Severity::Note)
                .help(format!(
                    "to keep this range, write `cidr: {net}` (`cniplan size --write` fills in every auto subnet)"
                ))
            }
            (None, Some(prefix)) => Finding::new(
                Rule::AutoCidr,
                auto.span,
                format!(
                    "subnet `{}` is `auto`, but no free /{prefix} is left in VNet `{}`'s address space ({}) \
                     outside its subnets, peered VNets, external networks, service CIDRs, pod CIDRs and \
                     forbidden ranges",
                    subnet.name.value,
                    vnet.name.value,
                    spaces(topology, subnet.vnet)
                ),
            )
            .help("widen the VNet's address space, free a range, or write the subnet's CIDR"),
            (None, None) => Finding::new(
                Rule::AutoCidr,
                auto.span,
                format!(
                    "subnet `{}` is `auto`, but no IPv4 subnet holds its peak of {} IPs",
                    subnet.name.value,
                    thousands(auto.peak_demand)
                ),
            )
            .help("give its pools subnets of their own, or lower max_pods or the node counts"),
        };
        out.push(finding);
    }
}

/// Why the placed range has its size.
fn why_this_size(subnet: &Subnet, auto: &AutoCidr, used: bool, headroom: f64) -> String {
    let percent = (headroom * 100.0).round();
    let prefix = auto.sized.unwrap_or_default();
    let usable = thousands(usable_ips(prefix, subnet.reserved_ips.value));
    let peak = thousands(auto.peak_demand);
    match (auto.prefix, used, auto.capped) {
        (Some(p), true, _) => format!("the /{p} it asks for ({usable} usable IPs for a peak of {peak})"),
        (Some(p), false, _) => format!("the /{p} it asks for"),
        (None, false, _) => format!("a /{prefix}: no node pool uses it, so it is sized for its reserved_ips alone"),
        (None, true, true) => format!(
            "a /{prefix}, the largest pod subnet its mode takes, though its peak of {peak} IPs needs more within the \
             {percent} % headroom (the capacity findings say how to split the pools)"
        ),
        (None, true, false) => format!(
            "a /{prefix}, the smallest subnet that holds its peak of {peak} IPs within the {percent} % headroom \
             ({usable} usable)"
        ),
    }
}

fn spaces(topology: &Topology, vnet: usize) -> String {
    let spaces: Vec<String> = topology.vnets[vnet]
        .address_space
        .iter()
        .map(|c| c.net().to_string())
        .collect();
    if spaces.is_empty() {
        return "none that parses".to_string();
    }
    spaces.join(", ")
}
