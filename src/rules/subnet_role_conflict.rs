//! subnet-role-conflict: one subnet serving as a node subnet and as a pod subnet; node and
//! pod addresses are planned and scaled separately (the feature article).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let pools = || topology.clusters.iter().flat_map(|c| &c.pools);
    let mut as_node: Vec<Option<Span>> = vec![None; topology.subnets.len()];
    for pool in pools() {
        if let Some(s) = pool.node_subnet {
            as_node[s].get_or_insert(pool.node_subnet_span);
        }
    }
    let mut reported = vec![false; topology.subnets.len()];
    // Pod subnets by where a pool first names one, for the virtual-node check below.
    let mut as_pod: Vec<Option<Span>> = vec![None; topology.subnets.len()];
    for pool in pools() {
        if let (Some(s), Some(span)) = (pool.pod_subnet, pool.pod_subnet_written) {
            as_pod[s].get_or_insert(span);
        }
    }
    for pool in pools() {
        let (Some(s), Some(span)) = (pool.virtual_node_subnet, pool.virtual_node_subnet_written) else {
            continue;
        };
        let Some((other, role)) = as_node[s].map(|n| (n, "node")).or(as_pod[s].map(|p| (p, "pod"))) else {
            continue;
        };
        if std::mem::replace(&mut reported[s], true) {
            continue;
        }
        out.push(
            Finding::new(
                Rule::SubnetRoleConflict,
                span,
                format!(
                    "subnet `{}` is a virtual-node subnet here and a {role} subnet elsewhere",
                    topology.subnets[s].name.value
                ),
            )
            .help("give virtual nodes a subnet of their own, delegated to Azure Container Instances")
            .related(other, format!("used as a {role} subnet here")),
        );
    }
    for pool in pools() {
        let (Some(s), Some(span)) = (pool.pod_subnet, pool.pod_subnet_written) else {
            continue;
        };
        let Some(node_reference) = as_node[s] else {
            continue;
        };
        if std::mem::replace(&mut reported[s], true) {
            continue;
        }
        out.push(
            Finding::new(
                Rule::SubnetRoleConflict,
                span,
                format!(
                    "subnet `{}` is a pod subnet here and a node subnet elsewhere",
                    topology.subnets[s].name.value
                ),
            )
            .help("give pods a subnet of their own: node and pod subnets scale independently")
            .related(node_reference, "used as a node subnet here"),
        );
    }
}
