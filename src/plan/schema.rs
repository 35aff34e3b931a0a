//! Schema findings: unknown keys with a suggestion, serde_yaml's errors placed at their value,
//! and the few shape rules serde cannot express (the version, a pool's node counts).

use super::model::{Allocation, Cluster, ExternalNetwork, NodePool, Plan, Subnet, Vnet};
use super::spans::{Kind, Node};
use crate::finding::Finding;
use crate::rules::Rule;
use crate::source::SourceFile;
use crate::span::Span;
use crate::suggest;
use serde_aux::serde_introspection::serde_introspect;

/// What a mapping at this path describes, and the keys it takes.
fn mapping_kind(keys: &[&str]) -> Option<(&'static str, &'static [&'static str])> {
    Some(match keys {
        [] => ("the plan", serde_introspect::<Plan>()),
        ["vnets"] => ("a VNet", serde_introspect::<Vnet>()),
        ["vnets", "subnets"] => ("a subnet", serde_introspect::<Subnet>()),
        ["external_networks"] => ("an external network", serde_introspect::<ExternalNetwork>()),
        ["allocation"] => ("allocation", serde_introspect::<Allocation>()),
        ["clusters"] => ("a cluster", serde_introspect::<Cluster>()),
        ["clusters", "node_pools"] => ("a node pool", serde_introspect::<NodePool>()),
        _ => return None,
    })
}

/// Every key the format does not know (with the nearest known key as the fix), and every key
/// written twice in one mapping. Walks the span tree, so it works even where serde stops early
/// (a misspelt required key) and points at the key itself.
pub fn key_findings(root: &Node) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, Vec<&str>)> = vec![(root, Vec::new())];
    while let Some((node, path)) = stack.pop() {
        let Kind::Map(entries) = &node.kind else { continue };
        let Some((what, known)) = mapping_kind(&path) else {
            continue;
        };
        for (i, entry) in entries.iter().enumerate() {
            let key = entry.key.as_ref();
            if let Some(first) = entries[..i].iter().find(|e| e.key == key) {
                out.push(
                    Finding::new(
                        Rule::PlanSchema,
                        entry.key_span,
                        format!("`{key}` is written twice in {what}"),
                    )
                    .help("keep one; YAML keys are unique within a mapping")
                    .related(first.key_span, "first written here"),
                );
                continue;
            }
            if !known.contains(&key) {
                out.push(unknown_key(key, entry.key_span, what, known));
                continue;
            }
            let mut child_path = path.clone();
            child_path.push(key);
            match &entry.value.kind {
                Kind::Seq(items) => stack.extend(items.iter().map(|item| (item, child_path.clone()))),
                Kind::Map(_) => stack.push((&entry.value, child_path)),
                Kind::Leaf => {}
            }
        }
    }
    out
}

fn unknown_key(key: &str, span: Span, what: &str, known: &[&str]) -> Finding {
    if key.is_empty() {
        return Finding::new(
            Rule::PlanSchema,
            span,
            format!("a key in {what} is not a plain name"),
        )
        .help(format!("{what} takes: {}", known.join(", ")));
    }
    let finding = Finding::new(Rule::PlanSchema, span, format!("unknown key `{key}` in {what}"));
    if key == "<<" {
        return finding.help("cniplan does not expand YAML merge keys; write the keys out");
    }
    match suggest::nearest(key, known.iter().copied()) {
        Some(near) => finding.help(format!("did you mean `{near}`?")),
        None => finding.help(format!("{what} takes: {}", known.join(", "))),
    }
}

/// Whether serde's error only repeats a key finding: "missing field `x`" in the mapping where
/// an unknown key already says "did you mean `x`?", or "duplicate field" where a key is
/// already reported as written twice.
pub fn repeats_a_key_finding(root: &Node, error: &Finding, keys: &[Finding]) -> bool {
    if error.message.contains("duplicate field") {
        return keys.iter().any(|f| f.message.contains("is written twice"));
    }
    let Some(field) = error
        .message
        .split("missing field `")
        .nth(1)
        .and_then(|r| r.split('`').next())
    else {
        return false;
    };
    let fix = format!("did you mean `{field}`?");
    let Some(mapping) = error.span.and_then(|at| mapping_starting_at(root, at.start)) else {
        return false;
    };
    keys.iter().any(|f| {
        f.help.as_deref() == Some(fix.as_str())
            && f.span
                .is_some_and(|s| mapping.start <= s.start && s.end <= mapping.end)
    })
}

/// The span of the mapping that starts at `offset` (where serde places "missing field").
fn mapping_starting_at(node: &Node, offset: usize) -> Option<Span> {
    if !(node.span.start..=node.span.end).contains(&offset) {
        return None;
    }
    match &node.kind {
        Kind::Map(entries) => {
            let inner = entries.iter().find_map(|e| mapping_starting_at(&e.value, offset));
            inner.or((node.span.start == offset).then_some(node.span))
        }
        Kind::Seq(items) => items.iter().find_map(|n| mapping_starting_at(n, offset)),
        Kind::Leaf => None,
    }
}

/// serde_yaml stops at the first wrong type or missing field; place it at the value.
pub fn deserialize_error(source: &SourceFile, root: &Node, error: &serde_yaml::Error) -> Finding {
    let text = error.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) if error.location().is_some() => &text[..i],
        _ => &text,
    };
    let message = message
        .replace(" as u128", "")
        .replace("expected u32", "expected a whole number from 0 to 4294967295")
        .replace("expected struct Plan", "expected a mapping with `version: 1`");
    let span = error.location().map_or(Span::default(), |l| {
        let at = source.offset_of(l.line(), l.column().saturating_sub(1));
        node_starting_at(root, at).unwrap_or(Span::new(at, at))
    });
    // Too deep, too many aliases, or YAML that only libyaml rejects: the document's
    // structure, not its schema, is at fault.
    let syntax = [
        "recursion limit",
        "repetition limit",
        "while scanning",
        "while parsing",
        "found character",
        "did not find expected",
        "could not find expected",
        "found unexpected",
        "found undefined tag",
        "found incompatible YAML document",
        "mapping values are not allowed",
        "control characters",
        "directive",
    ];
    let rule = if syntax.iter().any(|s| message.contains(s)) {
        Rule::PlanSyntax
    } else {
        Rule::PlanSchema
    };
    let help = if message.contains("missing field") {
        "add the missing field; the README's plan format lists every field"
    } else {
        "see the plan format in the README"
    };
    Finding::new(rule, span, message).help(help)
}

/// The span of the value or key that starts at `offset`, so a label covers the whole value.
fn node_starting_at(node: &Node, offset: usize) -> Option<Span> {
    if node.span.start == offset && !node.span.is_empty() && matches!(node.kind, Kind::Leaf) {
        return Some(node.span);
    }
    if !(node.span.start..=node.span.end).contains(&offset) {
        return None;
    }
    match &node.kind {
        Kind::Leaf => None,
        Kind::Seq(items) => items.iter().find_map(|n| node_starting_at(n, offset)),
        Kind::Map(entries) => entries.iter().find_map(|e| {
            if e.key_span.start == offset {
                Some(e.key_span)
            } else {
                node_starting_at(&e.value, offset)
            }
        }),
    }
}

/// Rules of the format that serde's derive cannot state.
pub fn check_shape(plan: &Plan, root: &Node) -> Vec<Finding> {
    let mut out = Vec::new();
    if plan.version != 1 {
        let span = root.get("version").map_or(Span::default(), |n| n.span);
        out.push(
            Finding::new(
                Rule::PlanSchema,
                span,
                format!("unsupported plan version {}", plan.version),
            )
            .help("this cniplan reads `version: 1`"),
        );
    }
    check_allocation(&plan.allocation, root.get("allocation"), &mut out);
    for (v, vnet) in plan.vnets.iter().enumerate() {
        if vnet.address_space.is_empty() {
            let node = root.get("vnets").and_then(|n| n.index(v));
            let span = node
                .and_then(|n| n.get("address_space").or(n.get("name")))
                .map_or(Span::default(), |n| n.span);
            out.push(
                Finding::new(
                    Rule::PlanSchema,
                    span,
                    format!("VNet `{}` has no address space", vnet.name),
                )
                .help("list at least one IPv4 prefix, e.g. `address_space: [10.1.0.0/16]`"),
            );
        }
    }
    for (c, cluster) in plan.clusters.iter().enumerate() {
        let cluster_node = root.get("clusters").and_then(|n| n.index(c));
        let pools = cluster_node.and_then(|n| n.get("node_pools"));
        if cluster.node_pools.is_empty() {
            let span = pools.or(cluster_node).map_or(Span::default(), |n| n.span);
            out.push(
                Finding::new(
                    Rule::PlanSchema,
                    span,
                    format!("cluster `{}` has no node pools", cluster.name),
                )
                .help("an AKS cluster runs at least one (system) node pool"),
            );
        }
        for (p, pool) in cluster.node_pools.iter().enumerate() {
            if let Some(node) = pools.and_then(|n| n.index(p)) {
                check_node_counts(pool, node, &mut out);
            }
        }
    }
    out
}

fn check_node_counts(pool: &NodePool, node: &Node, out: &mut Vec<Finding>) {
    let at = |key: &str| node.get(key).or(node.get("name")).map_or(node.span, |n| n.span);
    let name = &pool.name;
    match (pool.node_count, pool.min_count, pool.max_count) {
        (None, None, None) => out.push(
            Finding::new(
                Rule::PlanSchema,
                at("name"),
                format!("node pool `{name}` has no size"),
            )
            .help("set `node_count`, or `min_count` and `max_count` for the autoscaler"),
        ),
        (_, Some(_), None) => out.push(
            Finding::new(
                Rule::PlanSchema,
                at("min_count"),
                "`min_count` without `max_count`",
            )
            .help("the autoscaler needs both `min_count` and `max_count`"),
        ),
        (_, None, Some(_)) => out.push(
            Finding::new(
                Rule::PlanSchema,
                at("max_count"),
                "`max_count` without `min_count`",
            )
            .help("the autoscaler needs both `min_count` and `max_count`"),
        ),
        (count, Some(min), Some(max)) => {
            if min > max {
                out.push(
                    Finding::new(
                        Rule::PlanSchema,
                        at("min_count"),
                        format!("`min_count` {min} is greater than `max_count` {max}"),
                    )
                    .help("swap the two, or raise `max_count`"),
                );
            } else if let Some(n) = count.filter(|n| !(min..=max).contains(n)) {
                out.push(
                    Finding::new(
                        Rule::PlanSchema,
                        at("node_count"),
                        format!("`node_count` {n} is outside `min_count` {min} .. `max_count` {max}"),
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

fn check_allocation(a: &Allocation, node: Option<&Node>, out: &mut Vec<Finding>) {
    let Some(node) = node else { return };
    let at = |key: &str| node.get(key).map_or(node.span, |n| n.span);
    if a.batch_size == 0 {
        out.push(
            Finding::new(
                Rule::PlanSchema,
                at("batch_size"),
                "`batch_size` must be at least 1",
            )
            .help("the node agent's batch is 16"),
        );
    }
    if !(a.headroom_warning > 0.0 && a.headroom_warning <= 1.0) {
        out.push(
            Finding::new(
                Rule::PlanSchema,
                at("headroom_warning"),
                format!(
                    "`headroom_warning` {} is not a fraction in (0, 1]",
                    a.headroom_warning
                ),
            )
            .help("0.8 warns when peak demand passes 80 % of a subnet's usable IPs"),
        );
    }
}
