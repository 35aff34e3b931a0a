//! service-cidr-size: a service CIDR larger than /12, which AKS rejects
//! (AKS docs concepts-network-ip-address-planning.md).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::LARGEST_SERVICE_CIDR_PREFIX;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        let Some(cidr) = &cluster.service_cidr else {
            continue;
        };
        let net = cidr.net();
        if net.prefix_len() < LARGEST_SERVICE_CIDR_PREFIX {
            out.push(
                Finding::new(
                    Rule::ServiceCidrSize,
                    cidr.span,
                    format!(
                        "the service CIDR of cluster `{}` is a /{}; AKS accepts at most a /{LARGEST_SERVICE_CIDR_PREFIX}",
                        cluster.name.value,
                        net.prefix_len()
                    ),
                )
                .help(format!(
                    "use a /{LARGEST_SERVICE_CIDR_PREFIX} or smaller; a /16 holds 65,536 services"
                )),
            );
        }
    }
}
