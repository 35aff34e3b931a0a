//! mixed-cni: a cluster uses one CNI mode; some pools with a pod subnet and others without
//! cannot coexist (the feature article, FAQ).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in topology.clusters.iter().filter(|c| c.is_dynamic()) {
        let dynamic: Vec<&str> = cluster
            .pools
            .iter()
            .filter(|p| p.pod_subnet_written.is_some())
            .map(|p| p.name.value.as_str())
            .collect();
        for pool in cluster.pools.iter().filter(|p| p.pod_subnet_written.is_none()) {
            out.push(
                Finding::new(
                    Rule::MixedCni,
                    pool.name.span,
                    format!(
                        "pool `{}` has no pod subnet, but pool `{}` of cluster `{}` uses dynamic allocation of pod IPs",
                        pool.name.value, dynamic[0], cluster.name.value
                    ),
                )
                .help("give this pool a `pod_subnet` too: a cluster uses one CNI mode for all its pools"),
            );
        }
    }
}
