//! pod-subnet-exhausted: the scenario runs a pod subnet out of IPs; pods then wait with
//! "not enough IPs available, waiting on Azure CNS to allocate more" (azure-facts.md).

use super::exhaustion;
use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    for c in capacity.iter().filter(|c| c.role == Role::Pod) {
        if let Some(e) = &c.exhaustion {
            out.extend(exhaustion::finding(
                Rule::PodSubnetExhausted,
                "pod subnet",
                topology,
                c,
                e,
            ));
        }
    }
}
