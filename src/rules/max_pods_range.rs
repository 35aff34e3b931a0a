//! max-pods-range: max pods per node must lie in 10–250, and a pool must hold at least 30
//! pods in all (AKS docs concepts-network-ip-address-planning.md; the feature article's table).
//! A pods_per_node above max_pods is clamped by the simulator and reported, a warning
//! (rules/max-pods-range.md).

use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::limits::{MAX_PODS_MAX, MAX_PODS_MIN, MIN_PODS_PER_POOL};
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        for pool in &cluster.pools {
            let max_pods = pool.max_pods.value;
            let whose = format!("pool `{}` of cluster `{}`", pool.name.value, cluster.name.value);
            let pods = pool.pods_per_node.value;
            // A defaulted pods_per_node is max_pods itself; only a written one can exceed it.
            if pods > max_pods && !pool.pods_per_node.defaulted {
                out.push(
                    Finding::new(
                        Rule::MaxPodsRange,
                        pool.pods_per_node.span,
                        format!(
                            "pods_per_node {pods} of {whose} is above its max_pods {max_pods}; cniplan counts \
                             {max_pods} pods per node, as a node never runs more"
                        ),
                    )
                    .severity(Severity::Warning)
                    .help(format!(
                        "set pods_per_node to {max_pods} or less, or raise max_pods (at most {MAX_PODS_MAX})"
                    ))
                    // pods_per_node is cniplan's own figure: nothing in Azure changes.
                    .fix(Fix::new(Applicability::Safe).candidate(
                        format!("set `pods_per_node: {max_pods}`"),
                        format!(
                            "set pods_per_node to {max_pods} or less, or raise max_pods (at most {MAX_PODS_MAX})"
                        ),
                        vec![Edit::replace(pool.pods_per_node.span, pods, max_pods)],
                    )),
                );
            }
            if !(MAX_PODS_MIN..=MAX_PODS_MAX).contains(&max_pods) {
                out.push(
                    Finding::new(
                        Rule::MaxPodsRange,
                        pool.max_pods.span,
                        format!("max_pods {max_pods} of {whose} is outside {MAX_PODS_MIN}–{MAX_PODS_MAX}"),
                    )
                    .help({
                        let (default, why) = pool.mode.default_max_pods();
                        format!(
                            "set max_pods between {MAX_PODS_MIN} and {MAX_PODS_MAX}, or leave it unset for \
                             the default of {default}, {why}"
                        )
                    })
                    .fix({
                        // The nearest bound, else the mode's default. A pool's max_pods changes
                        // only by recreating it: unsafe.
                        let nearest = max_pods.clamp(MAX_PODS_MIN, MAX_PODS_MAX);
                        let (default, why) = pool.mode.default_max_pods();
                        [nearest, default]
                            .into_iter()
                            .fold(Fix::new(Applicability::Unsafe), |fix, value| {
                                fix.candidate(
                                    format!("set `max_pods: {value}`"),
                                    format!(
                                        "set `max_pods: {value}`, within {MAX_PODS_MIN}–{MAX_PODS_MAX}, or leave it \
                                         unset for the default of {default}, {why}"
                                    ),
                                    vec![Edit::replace(pool.max_pods.span, max_pods, value)],
                                )
                            })
                    }),
                );
                continue;
            }
            // A pool that may scale to zero nodes has no floor to check.
            let min_nodes = pool.min_nodes.value;
            let total = u64::from(max_pods) * u64::from(min_nodes);
            if min_nodes >= 1 && total < u64::from(MIN_PODS_PER_POOL) {
                // A default max_pods is the mode's (Mode::default_max_pods): say so.
                let (span, whence) = if pool.max_pods.defaulted {
                    (
                        pool.min_nodes.span,
                        format!(", the default of {}", pool.mode.title()),
                    )
                } else {
                    (pool.max_pods.span, String::new())
                };
                let needed = MIN_PODS_PER_POOL.div_ceil(min_nodes);
                out.push(
                    Finding::new(
                        Rule::MaxPodsRange,
                        span,
                        format!(
                            "{whose} holds {total} pods at its minimum ({min_nodes} × max_pods {max_pods}{whence}); \
                             AKS requires at least {MIN_PODS_PER_POOL}"
                        ),
                    )
                    .help(format!(
                        "raise max_pods to {needed} or more, or the pool's minimum node count"
                    ))
                    .fix(Fix::new(Applicability::Unsafe).candidate(
                        format!("set `max_pods: {needed}`"),
                        format!("set `max_pods: {needed}`, or raise the pool's minimum node count"),
                        vec![Edit::set(
                            pool.max_pods.span,
                            pool.max_pods.defaulted,
                            "max_pods",
                            max_pods,
                            needed,
                        )],
                    )),
                );
            }
        }
    }
}
