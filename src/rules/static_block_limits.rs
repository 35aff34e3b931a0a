//! static-block-limits: static block allocation takes pod subnets up to a /12 and needs
//! Kubernetes 1.28 (AKS docs concepts-network-azure-cni-pod-subnet.md and
//! configure-azure-cni-static-block-allocation.md, "Limitations"). Its Azure CLI minimum is
//! cli-version's business.

use crate::diagnostic::{Finding, Rule};
use crate::limits::{LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX, STATIC_BLOCK_MIN_KUBERNETES};
use crate::mode::Mode;
use crate::topology::{kubernetes_minor, Cluster, Pool, Topology};

/// The pod subnets static block allocation cannot take (a subnet is shared by clusters).
pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    pod_subnets_too_large(topology, out);
}

/// The Kubernetes version a cluster with static-block pools needs.
pub fn check_cluster(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    if let Some(pool) = first_static_block_pool(cluster) {
        kubernetes_too_old(cluster, pool, out);
    }
}

pub(super) fn first_static_block_pool(cluster: &Cluster) -> Option<&Pool> {
    cluster.pools.iter().find(|p| p.mode == Mode::StaticBlock)
}

/// Where a pool says it allocates static blocks: its `pod_ip_allocation_mode`, which a
/// StaticBlock pool always writes.
fn mode_span(pool: &Pool) -> crate::diagnostic::Span {
    pool.allocation_mode.unwrap_or(pool.name.span)
}

fn pod_subnets_too_large(topology: &Topology, out: &mut Vec<Finding>) {
    let mut seen = vec![false; topology.subnets.len()];
    for cluster in &topology.clusters {
        for pool in cluster.pools.iter().filter(|p| p.mode == Mode::StaticBlock) {
            let Some(s) = pool.pod_subnet else { continue };
            // One finding per subnet, whichever pools share it.
            if std::mem::replace(&mut seen[s], true) {
                continue;
            }
            let subnet = &topology.subnets[s];
            let Some(cidr) = &subnet.cidr else { continue };
            let prefix = cidr.net().prefix_len();
            if prefix >= LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX {
                continue;
            }
            let largest = LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX;
            let mut finding = Finding::new(
                Rule::StaticBlockLimits,
                cidr.span,
                format!(
                    "pod subnet `{}` is a /{prefix}; static block allocation supports pod subnets up to a \
                     /{largest} (about 1 million IPs)",
                    subnet.name.value
                ),
            )
            .help(format!(
                "use a /{largest} or smaller, or split it into several pod subnets, one per pool or cluster"
            ));
            if let Some(span) = pool.pod_subnet_written {
                finding = finding.related(
                    span,
                    format!(
                        "pool `{}` of cluster `{}` allocates static blocks from it",
                        pool.name.value, cluster.name.value
                    ),
                );
            }
            out.push(finding);
        }
    }
}

fn kubernetes_too_old(cluster: &Cluster, pool: &Pool, out: &mut Vec<Finding>) {
    // AKS deploys a supported version when none is given, and every one is past 1.28.
    let Some(version) = &cluster.kubernetes_version else {
        return;
    };
    let (major, minor) = STATIC_BLOCK_MIN_KUBERNETES;
    let message = match kubernetes_minor(&version.value) {
        Some(v) if v >= STATIC_BLOCK_MIN_KUBERNETES => return,
        Some(_) => format!(
            "cluster `{}` runs Kubernetes {}; static block allocation needs {major}.{minor} or later",
            cluster.name.value,
            version.value.trim()
        ),
        None => format!(
            "`{}` is not a Kubernetes version (such as {major}.{minor} or {major}.{minor}.3); static block \
             allocation needs {major}.{minor} or later",
            version.value.trim()
        ),
    };
    out.push(
        Finding::new(Rule::StaticBlockLimits, version.span, message)
            .help(format!(
                "set kubernetes_version to {major}.{minor} or later (`az aks upgrade` first for an existing cluster)"
            ))
            .related(
                mode_span(pool),
                format!("pool `{}` uses static block allocation", pool.name.value),
            ),
    );
}
