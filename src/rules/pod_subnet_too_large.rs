//! pod-subnet-too-large: a dynamic-mode pod subnet larger than /16; the mode supports about
//! 65,000 pods per pod subnet (AKS docs concepts-network-azure-cni-pod-subnet.md).

use crate::capacity::{Role, SubnetCapacity};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::LARGEST_POD_SUBNET_PREFIX;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[SubnetCapacity], out: &mut Vec<Finding>) {
    for c in capacity.iter().filter(|c| c.role == Role::Pod) {
        let subnet = &topology.subnets[c.subnet];
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
