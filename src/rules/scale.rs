//! How far a cluster can scale, as AKS's node-count limits see it: every pool at full scale,
//! plus the surge of the pool whose upgrade adds the most nodes (AKS upgrades one pool at a
//! time, and a surge node needs its route, its /24 and its policy agent like any other).

use crate::capacity::surge_nodes;
use crate::topology::Cluster;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClusterScale {
    /// Nodes with every pool at max_count (node_count without the autoscaler).
    pub full_scale_nodes: u64,
    /// Extra nodes while the worst pool upgrades.
    pub surge_nodes: u64,
    /// Pods at full scale (pods_per_node, at most max_pods, on every node); surge nodes take
    /// over pods of drained nodes, so they add none.
    pub pods: u64,
    /// The pool with the most nodes at full scale (the first of equals), if any.
    pub largest_pool: Option<usize>,
}

impl ClusterScale {
    pub fn of(cluster: &Cluster) -> Self {
        let full =
            |p: &crate::topology::Pool| u64::from(p.full_scale_nodes.value.max(p.baseline_nodes.value));
        let mut largest_pool: Option<usize> = None;
        for (i, pool) in cluster.pools.iter().enumerate() {
            if largest_pool.is_none_or(|l| full(pool) > full(&cluster.pools[l])) {
                largest_pool = Some(i);
            }
        }
        ClusterScale {
            full_scale_nodes: cluster.pools.iter().map(full).fold(0, u64::saturating_add),
            surge_nodes: cluster
                .pools
                .iter()
                .map(|p| surge_nodes(p.max_surge.value, p.full_scale_nodes.value))
                .max()
                .unwrap_or(0),
            pods: cluster
                .pools
                .iter()
                .map(|p| full(p).saturating_mul(u64::from(p.pods_per_node.value.min(p.max_pods.value))))
                .fold(0, u64::saturating_add),
            largest_pool,
        }
    }

    /// Nodes at the peak: full scale plus the upgrade surge.
    pub fn peak_nodes(&self) -> u64 {
        self.full_scale_nodes.saturating_add(self.surge_nodes)
    }
}
