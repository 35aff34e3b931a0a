//! What pod-subnet-exhausted and node-subnet-exhausted say: the exhaustion point, and (from
//! `sizing`) the subnet that would hold the peak.

use super::free_range::SubnetPlaces;
use super::sizing::{resize_fix, resize_help};
use crate::capacity::scarcity::{self, LimitPoint, Limits};
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
    places: &mut SubnetPlaces,
) -> Option<Finding> {
    let subnet = &topology.subnets[c.subnet()?];
    let cidr = subnet.cidr.as_ref()?;
    let whose = crate::capacity::owner_phrase(topology, e.cluster, e.pool, c.role);
    let when = match e.phase {
        Phase::Baseline => "at baseline (step 0)".to_string(),
        Phase::ScaleOut => format!("during scale-out, at step {}", e.step),
        Phase::Surge => format!("during the upgrade surge (step {})", e.step),
    };
    // Every figure is of the step (docs/capacity.md), so it matches that step's row in `simulate`.
    let message = format!(
        "{what} `{}` ({}) runs out {when}, where {whose} cannot get its IPs: \
         the step needs {} IPs for {} nodes and {} pods ({} of those IPs stranded on nodes), \
         {} more than the subnet's {} usable",
        subnet.name.value,
        subnet.ranges_text(),
        thousands(e.demand),
        thousands(e.nodes),
        thousands(e.pods),
        thousands(e.stranded_ips),
        thousands(e.demand.saturating_sub(c.usable)),
        thousands(c.usable),
    );
    let message = match scarcity::limits(topology, c) {
        Limits::Dynamic {
            hard, scarce_peak, ..
        } => format!("{message}. {}", limits_sentence(c, hard, scarce_peak)),
        Limits::NotDynamic => message,
    };
    let mut finding = Finding::new(rule, cidr.span, message).help(resize_help(topology, c));
    if let Some(fix) = resize_fix(topology, c, places) {
        finding = finding.fix(fix);
    }
    Some(finding)
}

/// The soft and hard limits (docs/capacity.md) of a dynamic pod subnet that runs out: the
/// exhaustion point is the soft one; the hard one assumes the node agent's subnet-scarcity
/// mode.
pub fn limits_sentence(c: &RangeCapacity, hard: Option<LimitPoint>, scarce_peak: u64) -> String {
    let soft = "That is the soft limit: a full batch no longer fits, so pods begin waiting for IPs";
    match hard {
        Some(h) => format!(
            "{soft}. The hard limit, where pods fail to start even in the node agent's subnet-scarcity mode \
             (batches of 1), comes {}: {} nodes with {} pods and their primary IPs need {} IPs",
            h.when(),
            thousands(h.nodes),
            thousands(h.pods),
            thousands(h.demand)
        ),
        None => format!(
            "{soft}; in the node agent's subnet-scarcity mode (batches of 1) they all start: pods plus \
             each node's primary IP peak at {} of the {} usable, short of the hard limit",
            thousands(scarce_peak),
            thousands(c.usable)
        ),
    }
}
