//! The functions that read where a deployment lands: `resourceId()` and its kin,
//! `resourceGroup()`, `subscription()`, `deployment()` (template-functions-resource.md and
//! template-functions-scope.md). Subscription and resource group are unknown offline; the
//! root deployment's placeholders stand in for them, consistently, so IDs built in one
//! place still match IDs built in another.

use super::eval::Evaluator;
use super::scope::{Env, Place, RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER};
use super::value::Val;
use crate::diagnostic::Span;

/// `None` when `name` is no function of this file.
pub fn call<'a>(
    ev: &Evaluator<'a>,
    env: &Env<'a>,
    name: &str,
    args: &[Val<'a>],
    span: Span,
) -> Option<Val<'a>> {
    let place = &env.scope.place;
    // An unknown argument makes the result unknown for the argument's reason (a parameter
    // without a value), not "arguments it does not take".
    let known = matches!(
        name,
        "resourceid"
            | "subscriptionresourceid"
            | "tenantresourceid"
            | "extensionresourceid"
            | "uniquestring"
            | "guid"
    );
    if known {
        if let Some(unknown) = args.iter().find(|a| a.unknown_reason().is_some()) {
            return Some(unknown.clone().at(span));
        }
    }
    let texts: Option<Vec<&str>> = args.iter().map(Val::as_str).collect();
    let v = match name {
        "resourceid" => match texts {
            Some(t) => resource_id(place, &t, span),
            None => bad(name, span),
        },
        "subscriptionresourceid" => match texts {
            Some(t) => {
                let (sub, rest) = match t.first() {
                    Some(first) if !first.contains('/') && t.len() > 1 => (first.to_string(), &t[1..]),
                    _ => (place.subscription.to_string(), &t[..]),
                };
                typed(&format!("/subscriptions/{sub}"), rest, span, name)
            }
            None => bad(name, span),
        },
        "tenantresourceid" => match texts {
            Some(t) => typed("", &t, span, name),
            None => bad(name, span),
        },
        "extensionresourceid" => match texts.as_deref() {
            Some([base, rest @ ..]) => typed(base.trim_end_matches('/'), rest, span, name),
            _ => bad(name, span),
        },
        // The real functions hash the subscription and resource group, unknown offline: a
        // stable stand-in still links resources named with it.
        "uniquestring" | "guid" => match super::functions::strs(args) {
            Some(parts) => {
                ev.placeholders.set(true);
                let text = match name {
                    "guid" => super::functions::stand_in_guid(&parts),
                    _ => super::functions::stand_in(&parts, 13),
                };
                Val::str(text, span)
            }
            None => bad(name, span),
        },
        "resourcegroup" => match &place.resource_group {
            Some(rg) => {
                mark(ev, rg);
                let s = |t: &str| Val::str(t, span);
                Val::object(
                    vec![
                        ("id".into(), s(&place.prefix())),
                        ("name".into(), s(rg)),
                        ("type".into(), s("Microsoft.Resources/resourceGroups")),
                        (
                            "location".into(),
                            Val::unknown("the resource group's location", span),
                        ),
                    ],
                    span,
                )
                // Azure's holds `tags`, `managedBy` and `properties` too.
                .open()
            }
            None => Val::unknown("`resourceGroup()` in a deployment at subscription scope", span),
        },
        "subscription" => {
            let sub = subscription(ev, place);
            Val::object(
                vec![
                    ("id".into(), Val::str(format!("/subscriptions/{sub}"), span)),
                    ("subscriptionId".into(), Val::str(sub, span)),
                    ("tenantId".into(), Val::unknown("the subscription's tenant", span)),
                    (
                        "displayName".into(),
                        Val::unknown("the subscription's name", span),
                    ),
                ],
                span,
            )
            .open()
        }
        "deployment" => Val::object(
            vec![
                ("name".into(), Val::str(place.deployment.as_ref(), span)),
                (
                    "properties".into(),
                    Val::unknown("the deployment's properties", span),
                ),
                (
                    "location".into(),
                    match &place.location {
                        Some(l) => Val::str(l.as_ref(), span),
                        None => Val::unknown("the deployment's location", span),
                    },
                ),
            ],
            span,
        )
        .open(),
        _ => return None,
    };
    Some(v)
}

fn bad<'a>(name: &str, span: Span) -> Val<'a> {
    Val::unknown(
        format!("a call of `{name}()` with arguments it does not take"),
        span,
    )
}

fn mark(ev: &Evaluator<'_>, value: &str) {
    if value == RESOURCE_GROUP_PLACEHOLDER || value == SUBSCRIPTION_PLACEHOLDER {
        ev.placeholders.set(true);
    }
}

fn subscription(ev: &Evaluator<'_>, place: &Place) -> String {
    mark(ev, &place.subscription);
    place.subscription.to_string()
}

/// `resourceId([subscriptionId], [resourceGroupName], type, name1, [name2], …)`: the type is
/// the first argument with a `/`; one or two before it are the resource group, or the
/// subscription and resource group.
fn resource_id<'a>(place: &Place, args: &[&str], span: Span) -> Val<'a> {
    let Some(at) = args.iter().position(|a| a.contains('/')).filter(|&i| i <= 2) else {
        return bad("resourceId", span);
    };
    // IDs built here meet IDs built the same way: the placeholders need no note.
    let sub = match at {
        2 => args[0].to_string(),
        _ => place.subscription.to_string(),
    };
    let rg = match at {
        0 => place.resource_group.as_deref().map(str::to_string),
        _ => Some(args[at - 1].to_string()),
    };
    let prefix = match rg {
        Some(rg) => format!("/subscriptions/{sub}/resourceGroups/{rg}"),
        None => format!("/subscriptions/{sub}"),
    };
    typed(&prefix, &args[at..], span, "resourceId")
}

/// `prefix/providers/Namespace/type1/name1/type2/name2…` from `Namespace/type1/type2` and the
/// names, one per type segment.
fn typed<'a>(prefix: &str, args: &[&str], span: Span, name: &str) -> Val<'a> {
    let Some((kind, names)) = args.split_first() else {
        return bad(name, span);
    };
    let mut segments = kind.trim_matches('/').split('/');
    let namespace = segments.next().unwrap_or_default();
    let types: Vec<&str> = segments.collect();
    if types.is_empty() || types.len() != names.len() {
        return Val::unknown(
            format!(
                "`{name}()` of type `{kind}` with {} name(s) for {} type segment(s)",
                names.len(),
                types.len()
            ),
            span,
        );
    }
    let mut id = format!("{prefix}/providers/{namespace}");
    for (t, n) in types.iter().zip(names) {
        id.push('/');
        id.push_str(t);
        id.push('/');
        id.push_str(n);
    }
    Val::str(id, span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::arm::scope::Scope;
    use crate::input::tree::{Node, Value};
    use std::rc::Rc;

    fn env_at(rg: Option<&str>) -> (Evaluator<'static>, Env<'static>) {
        let node: &'static Node<'static> =
            Box::leak(Box::new(Node::new(Span::default(), Value::Map(Vec::new()))));
        let place = Place {
            subscription: SUBSCRIPTION_PLACEHOLDER.into(),
            resource_group: rg.map(Into::into),
            deployment: "main".into(),
            location: None,
        };
        (
            Evaluator::new(vec![]),
            Env::of(Rc::new(Scope::new(node, place, None))),
        )
    }

    fn id(args: &[&str], rg: Option<&str>) -> String {
        let (ev, env) = env_at(rg);
        let vals: Vec<Val> = args.iter().map(|a| Val::str(*a, Span::default())).collect();
        let v = call(&ev, &env, "resourceid", &vals, Span::default()).unwrap();
        v.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| format!("unknown: {:?}", v.unknown_reason()))
    }

    #[test]
    fn resource_ids_interleave_types_and_names() {
        assert_eq!(
            id(&["Microsoft.Network/virtualNetworks/subnets", "v", "s"], Some("rg")),
            "/subscriptions/<subscription-id>/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
        );
        assert_eq!(
            id(&["other", "Microsoft.Network/virtualNetworks", "v"], Some("rg")),
            "/subscriptions/<subscription-id>/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/v"
        );
        assert_eq!(
            id(
                &["sub", "other", "Microsoft.Network/virtualNetworks", "v"],
                Some("rg")
            ),
            "/subscriptions/sub/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/v"
        );
        assert_eq!(
            id(&["Microsoft.Resources/deployments", "d"], None),
            "/subscriptions/<subscription-id>/providers/Microsoft.Resources/deployments/d"
        );
        assert!(id(&["Microsoft.Network/virtualNetworks/subnets", "v"], Some("rg")).starts_with("unknown"));
        assert!(id(
            &["a", "b", "c", "Microsoft.Network/virtualNetworks", "v"],
            Some("rg")
        )
        .starts_with("unknown"));
    }
}
