//! What pod-subnet-exhausted and node-subnet-exhausted say: the exhaustion point, and (from
//! `sizing`) the subnet that would hold the peak.

use super::sizing::resize_help;
use crate::capacity::{Exhaustion, Phase, RangeCapacity};
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
