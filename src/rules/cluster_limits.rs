//! cluster-limits: AKS caps a node pool at 1,000 nodes, a cluster at 5,000 nodes and 100 node
//! pools (AKS quotas and limits; azure-facts.md "Clusters and pools").

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::{MAX_NODES_PER_CLUSTER, MAX_NODES_PER_POOL, MAX_POOLS_PER_CLUSTER};
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        let name = &cluster.name.value;
        for pool in &cluster.pools {
            let nodes = u64::from(pool.full_scale_nodes.value);
            if nodes > MAX_NODES_PER_POOL {
                out.push(
                    Finding::new(
                        Rule::ClusterLimits,
                        pool.full_scale_nodes.span,
                        format!(
                            "pool `{}` of cluster `{name}` scales to {} nodes; AKS allows {} per node pool",
                            pool.name.value,
                            thousands(nodes),
                            thousands(MAX_NODES_PER_POOL)
                        ),
                    )
                    .help("split the nodes across more pools"),
                );
            }
        }
        let total: u64 = cluster
            .pools
            .iter()
            .map(|p| u64::from(p.full_scale_nodes.value))
            .sum();
        if total > MAX_NODES_PER_CLUSTER {
            out.push(
                Finding::new(
                    Rule::ClusterLimits,
                    cluster.name.span,
                    format!(
                        "cluster `{name}` scales to {} nodes in all; AKS allows {} per cluster",
                        thousands(total),
                        thousands(MAX_NODES_PER_CLUSTER)
                    ),
                )
                .help("lower the pools' max_count, or split the workload across clusters"),
            );
        }
        // Karpenter's NodePools are not AKS agent pools and do not count against the quota.
        let agent_pools = cluster.pools.iter().filter(|p| !p.provisioned).count();
        if agent_pools > MAX_POOLS_PER_CLUSTER {
            out.push(
                Finding::new(
                    Rule::ClusterLimits,
                    cluster.name.span,
                    format!(
                        "cluster `{name}` has {agent_pools} node pools; AKS allows {MAX_POOLS_PER_CLUSTER}"
                    ),
                )
                .help("merge pools with the same VM size and settings, or split the cluster"),
            );
        }
    }
}
