//! allocation-mode-conflict: a pod subnet serves one allocation mode, across every cluster and
//! pool that uses it (AKS docs concepts-network-azure-cni-pod-subnet.md, "Static block
//! allocation mode" › "Limitations"; configure-azure-cni-static-block-allocation.md, "FAQs").

use crate::diagnostic::{Finding, Rule, Span};
use crate::mode::Mode;
use crate::topology::{Pool, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    // Pools of each pod subnet in plan order: (cluster, pool).
    let mut users: Vec<Vec<(usize, usize)>> = vec![Vec::new(); topology.subnets.len()];
    for (c, cluster) in topology.clusters.iter().enumerate() {
        for (p, pool) in cluster.pools.iter().enumerate() {
            if let (Some(s), true) = (pool.pod_subnet, pool.mode.uses_pod_subnet()) {
                users[s].push((c, p));
            }
        }
    }
    for (s, users) in users.iter().enumerate() {
        let Some(&(first_cluster, first_pool)) = users.first() else {
            continue;
        };
        let pool_at = |c: usize, p: usize| (&topology.clusters[c].name.value, &topology.clusters[c].pools[p]);
        let (first_cluster, first) = pool_at(first_cluster, first_pool);
        let subnet = &topology.subnets[s].name.value;
        for &(c, p) in users {
            let (cluster, pool) = pool_at(c, p);
            if pool.mode == first.mode {
                continue;
            }
            out.push(
                Finding::new(
                    Rule::AllocationModeConflict,
                    mode_span(pool),
                    format!(
                        "pool `{}` of cluster `{cluster}` allocates pod IPs from subnet `{subnet}` as {}, but pool \
                         `{}` of cluster `{first_cluster}` allocates from it as {}; a pod subnet serves one \
                         allocation mode",
                        pool.name.value,
                        api_name(pool.mode),
                        first.name.value,
                        api_name(first.mode),
                    ),
                )
                .help(format!(
                    "give pool `{}` a pod subnet of its own: AKS moves neither a subnet nor a pool from one \
                     allocation mode to the other (add a pool on a new subnet, then cordon, drain and delete \
                     the old one)",
                    pool.name.value
                ))
                .related(
                    mode_span(first),
                    format!("`{subnet}` is first used as {} here", api_name(first.mode)),
                ),
            );
        }
    }
}

/// The allocation mode as the AKS API names it (`podIPAllocationMode`).
fn api_name(mode: Mode) -> &'static str {
    match mode {
        Mode::StaticBlock => "StaticBlock",
        _ => "DynamicIndividual",
    }
}

/// Where the pool chooses its allocation mode: `pod_ip_allocation_mode` when written, else
/// its `pod_subnet` (DynamicIndividual is the default).
fn mode_span(pool: &Pool) -> Span {
    pool.allocation_mode
        .or(pool.pod_subnet_written)
        .unwrap_or(pool.name.span)
}
