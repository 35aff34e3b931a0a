//! What pod-subnet-exhausted and node-subnet-exhausted say: the exhaustion point, and the
//! smallest subnet that would hold the peak.

use crate::capacity::{smallest_prefix_for, Exhaustion, Phase, RangeCapacity};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn finding(
    rule: Rule,
    what: &str,
    topology: &Topology,
    c: &RangeCapacity,
    e: &Exhaustion,
) -> Option<Finding> {
    let subnet = &topology.subnets[c.subnet()?];
    let cidr = subnet.cidr.as_ref()?;
    let cluster = &topology.clusters[e.cluster];
    let pool = &cluster.pools[e.pool].name.value;
    let when = match e.phase {
        Phase::Baseline => "at baseline (step 0)".to_string(),
        Phase::ScaleOut => format!("during scale-out, at step {}", e.step),
        Phase::Surge => format!("during the upgrade surge (step {})", e.step),
    };
    let message = format!(
        "{what} `{}` ({}, {} usable IPs) runs out {when}: pool `{pool}` of cluster `{}` cannot get its IPs \
         with {} nodes and {} pods running; the step needs {} IPs, {} of them stranded on nodes",
        subnet.name.value,
        cidr.net(),
        thousands(c.usable),
        cluster.name.value,
        thousands(e.nodes),
        thousands(e.pods),
        thousands(e.demand),
        thousands(e.stranded_ips),
    );
    Some(Finding::new(rule, cidr.span, message).help(resize_help(topology, c)))
}

/// "use a /22 or larger …": the smallest prefix whose usable IPs hold the peak within the
/// plan's headroom.
pub fn resize_help(topology: &Topology, c: &RangeCapacity) -> String {
    let headroom = topology.allocation.headroom_warning;
    let reserved = c.subnet().map_or(0, |s| topology.subnets[s].reserved_ips.value);
    let percent = (headroom * 100.0).round();
    match smallest_prefix_for(c.peak_demand, reserved, headroom) {
        Some(p) => format!(
            "use a /{p} or larger: it holds the peak of {} IPs within the {percent} % headroom; \
             or lower max_pods, pods_per_node, max_count or max_surge",
            thousands(c.peak_demand)
        ),
        None => format!(
            "no single subnet holds the peak of {} IPs; give pools their own subnets",
            thousands(c.peak_demand)
        ),
    }
}
