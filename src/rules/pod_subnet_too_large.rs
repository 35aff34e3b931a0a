//! pod-subnet-too-large: a dynamic-mode pod subnet larger than /16; the mode supports about
//! 65,000 pods per pod subnet (AKS docs concepts-network-azure-cni-pod-subnet.md).

use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::LARGEST_POD_SUBNET_PREFIX;
use crate::mode::Mode;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    // Static block allocation takes pod subnets up to a /12 (static-block-limits).
    let dynamic = |c: &&RangeCapacity| c.uses.iter().any(|u| u.mode == Mode::Dynamic);
    for c in capacity.iter().filter(|c| c.role == Role::Pod).filter(dynamic) {
        let Some(subnet) = c.subnet().map(|s| &topology.subnets[s]) else {
            continue;
        };
        let Some(cidr) = &subnet.cidr else { continue };
        let prefix = cidr.net().prefix_len();
        if prefix < LARGEST_POD_SUBNET_PREFIX {
            out.push(
                Finding::new(
                    Rule::PodSubnetTooLarge,
                    cidr.span,
                    format!(
                        "pod subnet `{}` is a /{prefix}; dynamic allocation of pod IPs supports pod subnets \
                         up to a /{LARGEST_POD_SUBNET_PREFIX} (about 65,000 pods)",
                        subnet.name.value
                    ),
                )
                .help(format!(
                    "split it into /{LARGEST_POD_SUBNET_PREFIX} or smaller pod subnets, one per pool or cluster"
                )),
            );
        }
    }
}
