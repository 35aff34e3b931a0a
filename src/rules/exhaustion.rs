//! What pod-subnet-exhausted and node-subnet-exhausted say: the exhaustion point, and the
//! smallest subnet that would hold the peak.

use crate::capacity::{smallest_prefix_for, Exhaustion, Phase, SubnetCapacity};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn finding(
    rule: Rule,
    what: &str,
    topology: &Topology,
    c: &SubnetCapacity,
    e: &Exhaustion,
) -> Option<Finding> {
    let subnet = &topology.subnets[c.subnet];
    let cidr = subnet.cidr.as_ref()?;
    let cluster = &topology.clusters[e.cluster];
    let pool = &cluster.pools[e.pool].name.value;
    let when = match e.phase {
        Phase::Baseline => "at baseline (step 0)".to_string(),
        Phase::ScaleOut => format!("during scale-out, at step {}", e.step),
        Phase::Surge => format!("during the upgrade surge (step {})", e.step),
    };
    // Every figure is of the step (SPEC §3), so it matches that step's row in `simulate`.
    let message = format!(
        "{what} `{}` ({}) runs out {when}, where pool `{pool}` of cluster `{}` cannot get its IPs: \
         the step needs {} IPs for {} nodes and {} pods ({} of those IPs stranded on nodes), \
         {} more than the subnet's {} usable",
        subnet.name.value,
        cidr.net(),
        cluster.name.value,
        thousands(e.demand),
        thousands(e.nodes),
        thousands(e.pods),
        thousands(e.stranded_ips),
        thousands(e.demand.saturating_sub(c.usable)),
        thousands(c.usable),
    );
    Some(Finding::new(rule, cidr.span, message).help(resize_help(topology, c)))
}

/// "use a /22 or larger …": the smallest prefix whose usable IPs hold the peak within the
/// plan's headroom.
pub fn resize_help(topology: &Topology, c: &SubnetCapacity) -> String {
    let headroom = topology.allocation.headroom_warning;
    let reserved = topology.subnets[c.subnet].reserved_ips.value;
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
