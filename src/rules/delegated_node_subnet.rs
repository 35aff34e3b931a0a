//! delegated-node-subnet: the subnet of an AKS node pool cannot be delegated; deployment
//! fails with SubnetIsDelegated (the feature article, Prerequisites).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    // The first pool reference that makes each subnet a node subnet.
    let mut used_by: Vec<Option<Span>> = vec![None; topology.subnets.len()];
    for pool in topology.clusters.iter().flat_map(|c| &c.pools) {
        if let Some(s) = pool.node_subnet {
            used_by[s].get_or_insert(pool.node_subnet_span);
        }
    }
    for (subnet, reference) in topology.subnets.iter().zip(used_by) {
        let (Some(delegation), Some(reference)) = (&subnet.delegation, reference) else {
            continue;
        };
        out.push(
            Finding::new(
                Rule::DelegatedNodeSubnet,
                delegation.span,
                format!(
                    "node subnet `{}` is delegated to `{}`; AKS node pools cannot use a delegated subnet",
                    subnet.name.value, delegation.value
                ),
            )
            .help("remove the delegation, or give the node pool another subnet")
            .related(reference, "used as a node subnet here"),
        );
    }
}
