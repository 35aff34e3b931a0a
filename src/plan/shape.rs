//! Rules of the plan format that types cannot state: the version, non-empty address spaces
//! and pools, a pool's node counts, sane batch settings. Reported as `plan-schema`.

use super::model::{Allocation, NodePool, Plan};
use crate::diagnostic::{Finding, Rule, Span};

pub fn check_shape(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let schema = |span: Span, message: String| Finding::new(Rule::PlanSchema, span, message);
    if plan.version.value != 1 {
        out.push(
            schema(
                plan.version.span,
                format!("unsupported plan version {}", plan.version.value),
            )
            .help("this cniplan reads `version: 1`"),
        );
    }
    check_allocation(&plan.allocation, &mut out);
    for vnet in &plan.vnets {
        if vnet.address_space.value.is_empty() {
            out.push(
                schema(
                    vnet.address_space.span,
                    format!("VNet `{}` has no address space", vnet.name.value),
                )
                .help("list at least one IPv4 prefix, e.g. `address_space: [10.1.0.0/16]`"),
            );
        }
    }
    for cluster in &plan.clusters {
        if cluster.node_pools.value.is_empty() {
            out.push(
                schema(
                    cluster.node_pools.span,
                    format!("cluster `{}` has no node pools", cluster.name.value),
                )
                .help("an AKS cluster runs at least one (system) node pool"),
            );
        }
        for pool in &cluster.node_pools.value {
            check_node_counts(pool, &mut out);
        }
    }
    out
}

fn check_node_counts(pool: &NodePool, out: &mut Vec<Finding>) {
    let name = &pool.name.value;
    let schema = |span: Span, message: String| Finding::new(Rule::PlanSchema, span, message);
    let autoscaler = "the autoscaler needs both `min_count` and `max_count`";
    match (&pool.node_count, &pool.min_count, &pool.max_count) {
        (None, None, None) => out.push(
            schema(pool.name.span, format!("node pool `{name}` has no size"))
                .help("set `node_count`, or `min_count` and `max_count` for the autoscaler"),
        ),
        (_, Some(min), None) => {
            out.push(schema(min.span, "`min_count` without `max_count`".into()).help(autoscaler))
        }
        (_, None, Some(max)) => {
            out.push(schema(max.span, "`max_count` without `min_count`".into()).help(autoscaler))
        }
        (count, Some(min), Some(max)) => {
            let (lo, hi) = (min.value, max.value);
            if lo > hi {
                out.push(
                    schema(
                        min.span,
                        format!("`min_count` {lo} is greater than `max_count` {hi}"),
                    )
                    .help("swap the two, or raise `max_count`"),
                );
            } else if let Some(n) = count.as_ref().filter(|n| !(lo..=hi).contains(&n.value)) {
                out.push(
                    schema(
                        n.span,
                        format!(
                            "`node_count` {} is outside `min_count` {lo} .. `max_count` {hi}",
                            n.value
                        ),
                    )
                    .help(
                        "with the autoscaler, `node_count` is the starting size and must lie between the two",
                    ),
                );
            }
        }
        (Some(_), None, None) => {}
    }
}

fn check_allocation(a: &Allocation, out: &mut Vec<Finding>) {
    if let Some(batch) = a.batch_size.as_ref().filter(|b| b.value == 0) {
        out.push(
            Finding::new(Rule::PlanSchema, batch.span, "`batch_size` must be at least 1")
                .help("the node agent's batch is 16"),
        );
    }
    if let Some(h) = a
        .headroom_warning
        .as_ref()
        .filter(|h| !(h.value > 0.0 && h.value <= 1.0))
    {
        out.push(
            Finding::new(
                Rule::PlanSchema,
                h.span,
                format!("`headroom_warning` {} is not a fraction in (0, 1]", h.value),
            )
            .help("0.8 warns when peak demand passes 80 % of a subnet's usable IPs"),
        );
    }
}
