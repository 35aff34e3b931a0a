//! node-subnet-exhausted: the scenario runs a node subnet out of IPs — in traditional mode
//! the node and its max_pods pod IPs (deploy error InsufficientSubnetSize, azure-facts.md).

use super::exhaustion;
use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    for c in capacity
        .iter()
        .filter(|c| matches!(c.role, Role::Node | Role::NodePod))
    {
        if let Some(e) = &c.exhaustion {
            out.extend(exhaustion::finding(
                Rule::NodeSubnetExhausted,
                "node subnet",
                topology,
                c,
                e,
            ));
        }
    }
}
