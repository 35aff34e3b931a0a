//! The rule registry: every rule's name, default severity and summary in one table, and the
//! checks that run over a resolved topology. Each rule's logic lives in its own file; its
//! page lives in `rules/<name>.md`.

use crate::capacity::RangeCapacity;
use crate::diagnostic::Finding;
use crate::topology::{Cluster, Topology};
use rayon::prelude::*;

mod allocation_mode_conflict;
mod api_server_subnet;
mod auto_cidr;
mod cidr_host_bits;
mod cli_version;
mod cluster_limits;
mod dataplane_conflict;
mod delegated_node_subnet;
mod dns_service_ip;
mod dual_stack_limits;
mod duplicate_name;
mod exhaustion;
mod forbidden_range;
mod free_range;
mod hosted_system_subnet;
mod implicit_max_pods;
mod kubenet_node_limit;
mod kubenet_retirement;
mod max_pods_range;
mod mixed_cni;
mod network_policy_limits;
mod node_provisioning_limits;
mod node_subnet_exhausted;
mod pod_cidr_exhausted;
mod pod_cidr_overlap;
mod pod_subnet_exhausted;
mod pod_subnet_other_vnet;
mod pod_subnet_too_large;
mod private_link_unsupported;
mod scale;
mod service_cidr_overlap;
mod service_cidr_size;
mod sizing;
mod static_block_limits;
mod static_block_max_pods;
mod subnet_headroom;
mod subnet_outside_vnet;
mod subnet_overlap;
mod subnet_role_conflict;
mod subnet_too_small;
mod unsupported_os;
mod virtual_node_limits;
mod vnet_overlap;

pub use sizing::resize_help;

/// The rules that read the resolved topology. plan-syntax and plan-schema come from the
/// loader; invalid-cidr and unknown-reference from the resolver.
const TOPOLOGY_CHECKS: &[fn(&Topology, &mut Vec<Finding>)] = &[
    cidr_host_bits::check,
    duplicate_name::check,
    subnet_too_small::check,
    subnet_outside_vnet::check,
    subnet_overlap::check,
    vnet_overlap::check,
    forbidden_range::check,
    service_cidr_overlap::check,
    service_cidr_size::check,
    dns_service_ip::check,
    max_pods_range::check,
    cluster_limits::check,
    pod_subnet_other_vnet::check,
    mixed_cni::check,
    delegated_node_subnet::check,
    subnet_role_conflict::check,
    cli_version::check,
    static_block_limits::check,
    allocation_mode_conflict::check,
    virtual_node_limits::check,
    implicit_max_pods::check,
    hosted_system_subnet::check,
];

/// A rule about one cluster as its network mode constrains it: what AKS supports, refuses or
/// retires in that mode. `compare` asks these same rules about the cluster under each other
/// mode ([`mode_limits`]), so a mode's limits are said in one place.
type ClusterCheck = fn(&Topology, &Cluster, &mut Vec<Finding>);

const CLUSTER_CHECKS: &[ClusterCheck] = &[
    unsupported_os::check,
    private_link_unsupported::check,
    kubenet_retirement::check,
    kubenet_node_limit::check,
    static_block_limits::check_cluster,
    static_block_max_pods::check,
    dataplane_conflict::check,
    network_policy_limits::check,
    node_provisioning_limits::check,
    dual_stack_limits::check,
];

/// What the mode rules say of one cluster, which need not be one of `topology`'s: `compare`
/// passes the cluster as it would be under another mode. The topology is read for the
/// allocation settings and the subnets the cluster names.
pub fn mode_limits(topology: &Topology, cluster: &Cluster) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in CLUSTER_CHECKS {
        check(topology, cluster, &mut out);
    }
    out
}

/// A rule that reads the scenario's results.
type CapacityCheck = fn(&Topology, &[RangeCapacity], &mut Vec<Finding>);

const CAPACITY_CHECKS: &[CapacityCheck] = &[
    auto_cidr::check,
    pod_subnet_exhausted::check,
    api_server_subnet::check,
    node_subnet_exhausted::check,
    subnet_headroom::check,
    pod_subnet_too_large::check,
    pod_cidr_exhausted::check,
    pod_cidr_overlap::check,
];

/// Every rule over the topology and the scenario's results. The rules are independent, so
/// they run on every core; the findings are sorted later, so the order they finish in does
/// not show.
pub fn check(topology: &Topology, capacity: &[RangeCapacity]) -> Vec<Finding> {
    let topology_findings = TOPOLOGY_CHECKS.par_iter().map(|check| {
        let mut out = Vec::new();
        check(topology, &mut out);
        out
    });
    let capacity_findings = CAPACITY_CHECKS.par_iter().map(|check| {
        let mut out = Vec::new();
        check(topology, capacity, &mut out);
        out
    });
    let cluster_findings = CLUSTER_CHECKS.par_iter().map(|check| {
        let mut out = Vec::new();
        for cluster in &topology.clusters {
            check(topology, cluster, &mut out);
        }
        out
    });
    topology_findings
        .chain(cluster_findings)
        .chain(capacity_findings)
        .flatten()
        .collect()
}
