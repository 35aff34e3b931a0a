//! Rules of the plan format that types cannot state: the version, non-empty address spaces
//! and pools, a pool's node counts, sane batch settings. Reported as `plan-schema`.

use super::model::{Allocation, NodePool, Plan};
use crate::diagnostic::{Finding, Rule, Span};

/// How an input format names a pool's node counts, so a finding speaks the user's words.
pub struct CountKeys {
    pub count: &'static str,
    pub min: &'static str,
    pub max: &'static str,
}

impl CountKeys {
    /// cniplan plans, and Terraform's azurerm attributes, which the plan's keys follow.
    pub const PLAN: CountKeys = CountKeys {
        count: "node_count",
        min: "min_count",
        max: "max_count",
    };
    /// ARM templates and az exports (the AKS API's agent pool properties).
    pub const ARM: CountKeys = CountKeys {
        count: "count",
        min: "minCount",
        max: "maxCount",
    };
}

/// The plan's shape, for every input format. An imported resource (one with an `Origin`)
/// may leave a value unknown, which its reader noted: only what it states is checked (a
/// `min_count` above `max_count`, a count outside them), never what it leaves out.
pub fn check_shape(plan: &Plan, keys: &CountKeys) -> Vec<Finding> {
    let (mut refused, missing) = check_shape_parts(plan, keys);
    refused.extend(missing);
    refused
}

/// The plan's shape in two parts: what makes the plan unfit to simulate (a version, batch
/// settings or node counts it refuses), and what it leaves out that a user fills in (a VNet
/// with no address space, a cluster with no pools, a pool with no size). The second kind is
/// still an error at its place, but the rest of the plan is checked: the resolver leaves
/// such a VNet or pool unchecked, as it does an imported one whose value is unknown, so
/// `cniplan import` of an input with unknowns writes a plan whose `check` gives the same
/// capacity rows, with an error at each value to fill in.
pub fn check_shape_parts(plan: &Plan, keys: &CountKeys) -> (Vec<Finding>, Vec<Finding>) {
    let mut out = Vec::new();
    let mut missing = Vec::new();
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
    for vnet in plan.vnets.iter().filter(|v| v.origin.is_none()) {
        if vnet.address_space.value.is_empty() {
            missing.push(
                schema(
                    vnet.address_space.span,
                    format!("VNet `{}` has no address space", vnet.name.value),
                )
                .help("list at least one IPv4 prefix, e.g. `address_space: [10.1.0.0/16]`"),
            );
        }
    }
    for cluster in &plan.clusters {
        // An Automatic cluster's system pool is AKS's own (hosted), so it may list none.
        if cluster.node_pools.value.is_empty() && cluster.origin.is_none() && cluster.automatic().is_none() {
            missing.push(
                schema(
                    cluster.node_pools.span,
                    format!("cluster `{}` has no node pools", cluster.name.value),
                )
                .help("an AKS cluster runs at least one (system) node pool"),
            );
        }
        for pool in &cluster.node_pools.value {
            check_node_counts(pool, keys, &mut out, &mut missing);
        }
    }
    (out, missing)
}

fn check_node_counts(pool: &NodePool, keys: &CountKeys, out: &mut Vec<Finding>, missing: &mut Vec<Finding>) {
    let name = &pool.name.value;
    let CountKeys { count, min, max } = keys;
    // An imported pool's finding names it: its resource is a cluster's, or a pool of many.
    let whose = if pool.origin.is_some() {
        format!("node pool `{name}`: ")
    } else {
        String::new()
    };
    let schema =
        |span: Span, message: String| Finding::new(Rule::PlanSchema, span, format!("{whose}{message}"));
    let autoscaler = format!("the autoscaler needs both `{min}` and `{max}`");
    let imported = pool.origin.is_some();
    match (&pool.node_count, &pool.min_count, &pool.max_count) {
        (None, None, None) if !imported => missing.push(
            schema(pool.name.span, format!("node pool `{name}` has no size"))
                .help("set `node_count`, or `min_count` and `max_count` for the autoscaler"),
        ),
        (_, Some(lo), None) if !imported => {
            out.push(schema(lo.span, format!("`{min}` without `{max}`")).help(autoscaler))
        }
        (_, None, Some(hi)) if !imported => {
            out.push(schema(hi.span, format!("`{max}` without `{min}`")).help(autoscaler))
        }
        (n, Some(lo), Some(hi)) => {
            let (lo_n, hi_n) = (lo.value, hi.value);
            if lo_n > hi_n {
                out.push(
                    schema(lo.span, format!("`{min}` {lo_n} is greater than `{max}` {hi_n}"))
                        .help(format!("swap the two, or raise `{max}`: AKS refuses the range")),
                );
            } else if let Some(n) = n.as_ref().filter(|n| !(lo_n..=hi_n).contains(&n.value)) {
                out.push(
                    schema(
                        n.span,
                        format!(
                            "`{count}` {} is outside `{min}` {lo_n} .. `{max}` {hi_n}",
                            n.value
                        ),
                    )
                    .help(format!(
                        "with the autoscaler, `{count}` is the starting size and must lie between the two; \
                         AKS refuses it, and cniplan simulates the range"
                    )),
                );
            }
        }
        _ => {}
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
