//! What two declarations of one cluster or agent pool (one resource ID) disagree on: the
//! values cniplan checks, compared as Azure would end with them, for the
//! `conflicting-declarations` warning (rules/conflicting-declarations.md). VNets and subnets
//! are compared where they are read (`estate.rs`): an address space, a prefix.

use super::estate::segment_after;
use super::fields::Got;
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::plan::model;
use std::fmt::Debug;

/// One value a declaration gives (or leaves unset), under the name the AKS API gives it.
pub(super) struct Field {
    key: &'static str,
    text: Option<String>,
    span: Option<Span>,
}

fn of<T: Debug>(key: &'static str, v: Option<&Spanned<T>>, lower: bool) -> Field {
    Field {
        key,
        text: v.map(|v| {
            let t = format!("{:?}", v.value);
            let t = t.trim_matches('"').to_string();
            if lower {
                t.to_ascii_lowercase()
            } else {
                t
            }
        }),
        span: v.map(|v| v.span),
    }
}

fn list(key: &'static str, v: Option<&Spanned<Vec<Spanned<String>>>>) -> Field {
    Field {
        key,
        text: v.map(|l| {
            l.value
                .iter()
                .map(|c| c.value.trim())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        span: v.map(|l| l.span),
    }
}

/// A subnet reference as a user recognises it: `vnet/subnet` of a resource ID.
fn subnet(key: &'static str, got: &Got<String>) -> Field {
    match got {
        Got::Value(v) => Field {
            key,
            text: Some(v.value.trim().to_string()),
            span: Some(v.span),
        },
        Got::Unknown(span, _) => Field {
            key,
            text: Some("a value known only when deployed".to_string()),
            span: Some(*span),
        },
        Got::Absent | Got::Invalid => Field {
            key,
            text: None,
            span: None,
        },
    }
}

/// The network values of a cluster that cniplan checks.
pub(super) fn cluster(c: &model::Cluster) -> Vec<Field> {
    vec![
        of("networkPlugin", c.network_plugin.as_ref(), true),
        of("networkPluginMode", c.network_plugin_mode.as_ref(), true),
        of("networkPolicy", c.network_policy.as_ref(), true),
        of("networkDataplane", c.network_dataplane.as_ref(), true),
        of("podCidr", c.pod_cidr.as_ref(), false),
        list("podCidrs", c.pod_cidrs.as_ref()),
        of("serviceCidr", c.service_cidr.as_ref(), false),
        list("serviceCidrs", c.service_cidrs.as_ref()),
        of("dnsServiceIP", c.dns_service_ip.as_ref(), false),
        of("kubernetesVersion", c.kubernetes_version.as_ref(), false),
        of("sku.name", c.sku.as_ref(), false),
        of(
            "apiServerAccessProfile.subnetId",
            c.api_server_subnet.as_ref(),
            false,
        ),
    ]
}

/// The values of an agent pool that cniplan checks, with its subnet references as read.
pub(super) fn pool(p: &model::NodePool, vnet_subnet: &Got<String>, pod_subnet: &Got<String>) -> Vec<Field> {
    vec![
        of("count", p.node_count.as_ref().filter(|c| !c.defaulted), false),
        of("minCount", p.min_count.as_ref(), false),
        of("maxCount", p.max_count.as_ref(), false),
        of("maxPods", p.max_pods.as_ref(), false),
        of("osType", p.os_type.as_ref(), false),
        of("osSKU", p.os_sku.as_ref(), false),
        of("upgradeSettings.maxSurge", p.max_surge.as_ref(), false),
        of(
            "upgradeSettings.maxUnavailable",
            p.max_unavailable.as_ref(),
            false,
        ),
        of("podIPAllocationMode", p.pod_ip_allocation_mode.as_ref(), false),
        subnet("vnetSubnetID", vnet_subnet),
        subnet("podSubnetID", pod_subnet),
    ]
}

/// A value as the message shows it: a subnet ID by its VNet and subnet, unless that would
/// hide the difference.
fn shown(text: Option<&str>, other: Option<&str>) -> String {
    let Some(text) = text else {
        return "not set".to_string();
    };
    let short = |t: &str| match (segment_after(t, "virtualNetworks"), segment_after(t, "subnets")) {
        (Some(v), Some(s)) => Some(format!("{v}/{s}")),
        _ => None,
    };
    match (short(text), other.and_then(short)) {
        (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => text.to_string(),
        (Some(a), _) => a,
        _ => text.to_string(),
    }
}

/// The two declarations of one resource, `first` read before `second`.
pub(super) struct Pair<'f> {
    /// "cluster `aks`", "agent pool `system` of cluster `aks`".
    pub what: String,
    pub id: &'f str,
    pub first: (&'f [Field], Span),
    pub second: (&'f [Field], Span),
    /// Whether Azure ends with the second, and why.
    pub order: (bool, &'f str),
}

/// The `conflicting-declarations` warning for two declarations that disagree; `None` when
/// they give the same values.
pub(super) fn conflict(pair: Pair<'_>) -> Option<Finding> {
    let (a, a_name) = pair.first;
    let (b, b_name) = pair.second;
    let same = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        (None, None) => true,
        _ => false,
    };
    let differ: Vec<(&Field, &Field)> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.key == y.key && !same(&x.text, &y.text))
        .collect();
    let (x, y) = *differ.first()?;
    let list = differ
        .iter()
        .map(|(x, y)| {
            let (was, now) = (x.text.as_deref(), y.text.as_deref());
            format!("`{}` {} here, {} before", y.key, shown(now, was), shown(was, now))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let (second_last, why) = pair.order;
    let last = if second_last {
        "the values here"
    } else {
        "the values before"
    };
    let before = x.text.as_deref().map_or_else(
        || format!("`{}` is not set in the other declaration", x.key),
        |t| format!("`{}` is {} here", x.key, shown(Some(t), y.text.as_deref())),
    );
    Some(
        Finding::new(
            Rule::ConflictingDeclarations,
            y.span.unwrap_or(b_name),
            format!(
                "{} ({}) is declared twice with different values: {list}; Azure ends with {last}: {why}",
                pair.what, pair.id
            ),
        )
        .related(x.span.unwrap_or(a_name), before)
        .help("declare it with the same values wherever it is deployed, or deploy it from one place"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subnet_id_is_shown_by_its_vnet_and_subnet_unless_that_hides_the_difference() {
        let a = "/subscriptions/s/resourceGroups/a/providers/Microsoft.Network/virtualNetworks/v/subnets/n";
        let b = "/subscriptions/s/resourceGroups/b/providers/Microsoft.Network/virtualNetworks/v/subnets/n";
        let c = "/subscriptions/s/resourceGroups/b/providers/Microsoft.Network/virtualNetworks/w/subnets/n";
        assert_eq!(shown(Some(a), Some(c)), "v/n");
        assert_eq!(shown(Some(a), Some(b)), a);
        assert_eq!(shown(None, Some(b)), "not set");
        assert_eq!(shown(Some("3"), None), "3");
    }
}
