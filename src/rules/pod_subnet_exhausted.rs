//! pod-subnet-exhausted: the scenario runs a pod subnet out of IPs; pods then wait with
//! "not enough IPs available, waiting on Azure CNS to allocate more" (azure-facts.md).

use super::exhaustion;
use super::free_range::SubnetPlaces;
use crate::capacity::{Exhaustion, RangeCapacity, Role};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    let mut places = SubnetPlaces::default();
    for c in capacity.iter().filter(|c| c.role == Role::VirtualNode) {
        if let Some(e) = &c.exhaustion {
            out.extend(virtual_nodes(topology, c, e, &mut places));
        }
    }
    for c in capacity.iter().filter(|c| c.role == Role::Pod) {
        if let Some(e) = &c.exhaustion {
            out.extend(exhaustion::finding(
                Rule::PodSubnetExhausted,
                "pod subnet",
                topology,
                c,
                e,
                &mut places,
            ));
        }
    }
}

/// A virtual-node subnet holds one IP per pod, fixed from baseline on: it is short from the
/// start, by the pods that do not fit.
fn virtual_nodes(
    topology: &Topology,
    c: &RangeCapacity,
    e: &Exhaustion,
    places: &mut SubnetPlaces,
) -> Option<Finding> {
    let subnet = &topology.subnets[c.subnet()?];
    let cidr = subnet.cidr.as_ref()?;
    let cluster = &topology.clusters[e.cluster];
    let message = format!(
        "virtual-node subnet `{}` ({}) cannot hold its pods: {} pods on virtual nodes take one IP each, \
         {} more than the subnet's {} usable; pool `{}` of cluster `{}` is the first whose pods do not fit",
        subnet.name.value,
        subnet.ranges_text(),
        thousands(c.peak_demand),
        thousands(c.peak_demand.saturating_sub(c.usable)),
        thousands(c.usable),
        e.pool.map_or("", |p| cluster.pools[p].name.value.as_str()),
        cluster.name.value,
    );
    let mut finding = Finding::new(Rule::PodSubnetExhausted, cidr.span, message)
        .help(super::sizing::resize_help(topology, c));
    if let Some(fix) = super::sizing::resize_fix(topology, c, places) {
        finding = finding.fix(fix);
    }
    Some(finding)
}
