//! subnet-too-small: a subnet smaller than /29, the smallest Azure creates
//! (Azure virtual network FAQ; 5 of its 8 addresses are Azure's).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::SMALLEST_SUBNET_PREFIX;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for subnet in &topology.subnets {
        let Some(cidr) = &subnet.cidr else { continue };
        let prefix = cidr.net().prefix_len();
        if prefix > SMALLEST_SUBNET_PREFIX {
            out.push(
                Finding::new(
                    Rule::SubnetTooSmall,
                    cidr.span,
                    format!(
                        "subnet `{}` is a /{prefix}; Azure's smallest subnet is a /{SMALLEST_SUBNET_PREFIX}",
                        subnet.name.value
                    ),
                )
                .help(format!(
                    "use a /{SMALLEST_SUBNET_PREFIX} or larger: Azure keeps 5 addresses of every subnet"
                )),
            );
        }
    }
}
