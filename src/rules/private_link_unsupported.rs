//! private-link-unsupported: with dynamic allocation of pod IPs, exposing an application as a
//! Private Link Service through a Kubernetes LoadBalancer Service is not supported
//! (the feature article, "Additional prerequisites").

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in topology.clusters.iter().filter(|c| c.is_dynamic()) {
        if cluster.private_link_service.value {
            out.push(
                Finding::new(
                    Rule::PrivateLinkUnsupported,
                    cluster.private_link_service.span,
                    format!(
                        "cluster `{}` uses dynamic allocation of pod IPs, which does not support a Private Link \
                         Service through a LoadBalancer Service",
                        cluster.name.value
                    ),
                )
                .help("expose the application another way (an internal load balancer, or Private Link on a separate cluster)"),
            );
        }
    }
}
