//! unsupported-os: dynamic allocation of pod IPs supports Linux node pools only
//! (the feature article, "Additional prerequisites").

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::plan::model::OsType;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        for pool in &cluster.pools {
            if pool.os_type.value == OsType::Windows && pool.pod_subnet_written.is_some() {
                out.push(
                    Finding::new(
                        Rule::UnsupportedOs,
                        pool.os_type.span,
                        format!(
                            "Windows pool `{}` of cluster `{}` uses dynamic allocation of pod IPs, which supports Linux pools only",
                            pool.name.value, cluster.name.value
                        ),
                    )
                    .help("run this workload on a Linux pool, or in a cluster without pod subnets"),
                );
            }
        }
    }
}
