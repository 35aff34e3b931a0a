//! unknown-reference: a subnet, VNet or peering reference that matches nothing.
//! The resolver finds the miss; this file says it, with the nearest name as the fix.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule, Span};

/// The reference with the nearest name in place of the one that matched nothing: unsafe, for
/// the nearest name is a guess, and a pool moved to another subnet is a new pool in Azure.
fn rename(span: Span, reference: &str, new: Option<String>) -> Fix {
    let fix = Fix::new(Applicability::Unsafe);
    match new {
        Some(new) if new != reference => fix.candidate(
            format!("write `{new}`"),
            format!("did you mean `{new}`?"),
            vec![Edit::replace(span, reference, new)],
        ),
        _ => fix,
    }
}

/// Why a subnet reference did not resolve.
pub enum Miss {
    Malformed(&'static str),
    NoSuchVnet {
        vnet: String,
        nearest: Option<String>,
    },
    NoSuchSubnet {
        vnet: String,
        subnet: String,
        nearest: Option<String>,
    },
    NoSuchName {
        subnet: String,
        nearest: Option<String>,
    },
    Ambiguous {
        subnet: String,
        vnets: Vec<String>,
    },
}

pub fn unknown_subnet(reference: &str, span: Span, miss: Miss) -> Finding {
    let finding =
        |message: String, help: String| Finding::new(Rule::UnknownReference, span, message).help(help);
    let did_you_mean = |nearest: Option<String>, fallback: &str| match nearest {
        Some(n) => format!("did you mean `{n}`?"),
        None => fallback.to_string(),
    };
    match miss {
        // What `cniplan import` writes for a pool whose subnet no input held.
        Miss::Malformed(_) if reference.trim().is_empty() => finding(
            "the pool's subnet is empty".to_string(),
            "write the subnet's name, `vnet/subnet` or its resource ID".to_string(),
        ),
        Miss::Malformed(why) => finding(
            format!("`{reference}` is not a subnet reference"),
            why.to_string(),
        ),
        Miss::NoSuchVnet { vnet, nearest } => {
            // `vnet/subnet`: the VNet part replaced; a resource ID is left to the user.
            let new = nearest.as_ref().and_then(|n| {
                let (v, subnet) = reference.split_once('/')?;
                (v == vnet && !subnet.contains('/')).then(|| format!("{n}/{subnet}"))
            });
            finding(
                format!("no VNet named `{vnet}` in this plan"),
                did_you_mean(nearest, "declare the VNet under `vnets:`"),
            )
            .fix(rename(span, reference, new))
        }
        Miss::NoSuchSubnet {
            vnet,
            subnet,
            nearest,
        } => {
            let new = nearest.as_ref().and_then(|n| {
                let (v, s) = reference.split_once('/')?;
                (s == subnet && !v.contains('/')).then(|| format!("{v}/{n}"))
            });
            finding(
                format!("VNet `{vnet}` has no subnet named `{subnet}`"),
                did_you_mean(nearest, "declare the subnet under the VNet's `subnets:`"),
            )
            .fix(rename(span, reference, new))
        }
        Miss::NoSuchName { subnet, nearest } => {
            let new = nearest.clone().filter(|_| subnet == reference);
            finding(
                format!("no subnet named `{subnet}` in this plan"),
                did_you_mean(nearest, "declare the subnet under a VNet's `subnets:`"),
            )
            .fix(rename(span, reference, new))
        }
        Miss::Ambiguous { subnet, vnets } => finding(
            format!(
                "subnet name `{subnet}` is ambiguous: VNets {} each have one",
                vnets.join(", ")
            ),
            format!("write `{}/{subnet}` (or the other VNet) to say which", vnets[0]),
        ),
    }
}

pub fn unknown_peering(peer: &str, span: Span, nearest: Option<&str>) -> Finding {
    let help = match nearest {
        Some(n) => format!("did you mean `{n}`?"),
        None => "peerings name VNets declared in this plan".to_string(),
    };
    Finding::new(
        Rule::UnknownReference,
        span,
        format!("peering names `{peer}`, which is no VNet of this plan"),
    )
    .help(help)
    .fix(rename(span, peer, nearest.map(str::to_string)))
}
