//! subnet-too-small: a subnet smaller than /29, the smallest Azure creates, or one whose
//! reserved_ips take more than Azure's 5 leave of it, so it has no usable IP (Azure virtual
//! network FAQ; docs/capacity.md: usable is never negative, and such a subnet is reported).

use super::free_range::{move_fix, SubnetPlaces};
use crate::capacity::usable_ips;
use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Finding};
use crate::limits::{RESERVED_IPS_PER_SUBNET, SMALLEST_SUBNET_PREFIX};
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for (s, subnet) in topology.subnets.iter().enumerate() {
        let Some(cidr) = &subnet.cidr else { continue };
        let mut too_small = false;
        for cidr in subnet.cidrs() {
            let prefix = cidr.net().prefix_len();
            if prefix <= SMALLEST_SUBNET_PREFIX {
                continue;
            }
            too_small = true;
            // Azure creates no subnet smaller than a /29, so this one never deployed: safe.
            let fix = move_fix(
                topology,
                &mut places,
                s,
                SMALLEST_SUBNET_PREFIX,
                Applicability::Safe,
            );
            let finding = Finding::new(
                Rule::SubnetTooSmall,
                cidr.span,
                format!(
                    "subnet `{}` is a /{prefix}; Azure's smallest subnet is a /{SMALLEST_SUBNET_PREFIX}",
                    subnet.name.value
                ),
            )
            .help(format!(
                "use a /{SMALLEST_SUBNET_PREFIX} or larger: Azure keeps 5 addresses of every subnet"
            ));
            out.push(match fix {
                Some(fix) => finding.fix(fix),
                None => finding,
            });
        }
        if too_small {
            continue;
        }
        // A subnet exactly full (usable 0) can be real, say one of private endpoints; more
        // reserved IPs than addresses cannot. Azure keeps 5 addresses of each prefix.
        let prefix = cidr.net().prefix_len();
        let addresses = subnet
            .cidrs()
            .map(|c| 1u64 << (32 - u32::from(c.net().prefix_len())))
            .sum::<u64>();
        let left = addresses - RESERVED_IPS_PER_SUBNET * subnet.cidrs().count() as u64;
        let reserved = subnet.reserved_ips.value;
        if u64::from(reserved) > left {
            let fits = (0..=SMALLEST_SUBNET_PREFIX)
                .rev()
                .find(|&p| usable_ips(p, 0) >= u64::from(reserved))
                .map_or("a larger subnet".to_string(), |p| format!("a /{p} or larger"));
            out.push(
                Finding::new(
                    Rule::SubnetTooSmall,
                    subnet.reserved_ips.span,
                    format!(
                        "subnet `{}` ({}) has no usable IP: reserved_ips {reserved} is more than the {left} \
                         addresses Azure leaves of its {addresses}",
                        subnet.name.value,
                        cidr.net()
                    ),
                )
                .help(format!(
                    "use {fits} for {reserved} reserved IPs, or set reserved_ips to what other resources in \
                     the subnet really take"
                ))
                .related(cidr.span, format!("the /{prefix} is here")),
            );
        }
    }
}
