//! mixed-cni: a cluster uses one network mode for all its pools (the feature article, FAQ;
//! AKS docs concepts-network-cni-overview.md). Some pools with a pod subnet and others
//! without cannot coexist; an overlay, kubenet or bring-your-own-CNI cluster takes no pod
//! subnet; and a pod CIDR belongs to overlay, kubenet and bring-your-own CNI only (the Azure
//! CLI refuses `--pod-cidr` with Azure CNI outside overlay).

use crate::diagnostic::{Finding, Rule};
use crate::mode::Mode;
use crate::topology::{Cluster, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        pools_without_pod_subnet(cluster, out);
        pod_subnets_outside_azure_cni(cluster, out);
        pod_cidr_outside_its_modes(cluster, out);
    }
}

fn pools_without_pod_subnet(cluster: &Cluster, out: &mut Vec<Finding>) {
    let Some(first) = cluster.pools.iter().find(|p| p.mode.uses_pod_subnet()) else {
        return;
    };
    // A provisioned pool takes no pod subnet at all: node-provisioning-limits says so.
    let agent_pools = cluster.pools.iter().filter(|p| !p.provisioned);
    for pool in agent_pools.filter(|p| p.pod_subnet_written.is_none()) {
        out.push(
            Finding::new(
                Rule::MixedCni,
                pool.name.span,
                format!(
                    "pool `{}` has no pod subnet, but pool `{}` of cluster `{}` uses {}",
                    pool.name.value,
                    first.name.value,
                    cluster.name.value,
                    first.mode.title()
                ),
            )
            .help("give this pool a `pod_subnet` too: a cluster uses one CNI mode for all its pools"),
        );
    }
}

fn pod_subnets_outside_azure_cni(cluster: &Cluster, out: &mut Vec<Finding>) {
    for pool in &cluster.pools {
        let (Some(span), false) = (pool.pod_subnet_written, pool.mode.uses_pod_subnet()) else {
            continue;
        };
        if pool.pod_subnet_unknown {
            continue;
        }
        let (from, fix) = match pool.mode {
            Mode::None => ("the cluster's own CNI", "remove `pod_subnet`"),
            _ => (
                "its pod CIDR",
                "remove `pod_subnet`, or drop the overlay or kubenet setting to use a pod subnet",
            ),
        };
        out.push(
            Finding::new(
                Rule::MixedCni,
                span,
                format!(
                    "pool `{}` names a pod subnet, but cluster `{}` uses {}, whose pods take IPs from {from}",
                    pool.name.value,
                    cluster.name.value,
                    pool.mode.title()
                ),
            )
            .help(fix),
        );
    }
}

fn pod_cidr_outside_its_modes(cluster: &Cluster, out: &mut Vec<Finding>) {
    let Some(cidr) = cluster.pod_cidr.as_ref().filter(|c| !c.defaulted) else {
        return;
    };
    let mode = cluster.mode();
    if mode.uses_pod_cidr() || mode == Mode::None {
        return;
    }
    out.push(
        Finding::new(
            Rule::MixedCni,
            cidr.span,
            format!(
                "`pod_cidr` is set, but cluster `{}` uses {}, whose pods take VNet IPs; the Azure CLI \
                 refuses `--pod-cidr` outside overlay",
                cluster.name.value,
                mode.title()
            ),
        )
        .help("set `network_plugin_mode: overlay` to give pods the pod CIDR, or remove `pod_cidr`"),
    );
}
