//! What pod-subnet-exhausted and node-subnet-exhausted say: the exhaustion point, and the
//! smallest subnet that would hold the peak.

use super::Rule;
use crate::capacity::{smallest_prefix_for, Exhaustion, Phase, SubnetCapacity};
use crate::finding::Finding;
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

/// 65531 → "65,531", as people read capacity.
pub fn thousands(n: impl Into<i128>) -> String {
    let n: i128 = n.into();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_groups_digits() {
        assert_eq!(super::thousands(0u64), "0");
        assert_eq!(super::thousands(999u64), "999");
        assert_eq!(super::thousands(65_531u64), "65,531");
        assert_eq!(super::thousands(1_000_000u64), "1,000,000");
        assert_eq!(super::thousands(-1234i64), "-1,234");
    }
}
