//! `map`, `filter`, `reduce`, `sort` and `toObject`: the lambda functions Bicep compiles
//! `for` expressions and list helpers into (the AVM managed-cluster module builds its
//! `agentPoolProfiles` with `map(…, lambda('profile', …))`).

use super::eval::Evaluator;
use super::scope::Env;
use super::value::{Kind, Val};
use crate::diagnostic::Span;

pub fn call<'a>(ev: &Evaluator<'a>, env: &Env<'a>, name: &str, args: Vec<Val<'a>>, span: Span) -> Val<'a> {
    if let Some(unknown) = args.iter().find(|a| a.unknown_reason().is_some()) {
        return unknown.clone().at(span);
    }
    let lambda = |i: usize| match args.get(i).map(|a| &a.kind) {
        Some(Kind::Lambda(l)) => Some(l.clone()),
        _ => None,
    };
    let Some(items) = args.first().and_then(Val::items) else {
        return ev.arity(name, 2, span);
    };
    let apply = |l: &super::value::Lambda<'a>, values: Vec<Val<'a>>| ev.apply(env, l, values);
    match name {
        "map" => {
            let Some(f) = lambda(1) else {
                return ev.arity(name, 2, span);
            };
            let out = items
                .into_iter()
                .enumerate()
                .map(|(i, x)| apply(&f, vec![x, Val::int(i as i64, span)]));
            Val::array(out.collect(), span)
        }
        "filter" => {
            let Some(f) = lambda(1) else {
                return ev.arity(name, 2, span);
            };
            let mut out = Vec::new();
            for (i, x) in items.into_iter().enumerate() {
                let keep = apply(&f, vec![x.clone(), Val::int(i as i64, span)]);
                match keep.kind {
                    Kind::Bool(true) => out.push(x),
                    Kind::Bool(false) => {}
                    _ => return Val::unknown("a `filter()` whose lambda gives no bool", span),
                }
            }
            Val::array(out, span)
        }
        "reduce" => {
            let (Some(initial), Some(f)) = (args.get(1).cloned(), lambda(2)) else {
                return ev.arity(name, 3, span);
            };
            items.into_iter().enumerate().fold(initial, |acc, (i, x)| {
                apply(&f, vec![acc, x, Val::int(i as i64, span)])
            })
        }
        "toobject" => {
            let Some(key) = lambda(1) else {
                return ev.arity(name, 2, span);
            };
            let value = lambda(2);
            let mut out = Vec::new();
            for x in items {
                let k = apply(&key, vec![x.clone()]);
                let Some(k) = k.as_str() else {
                    return Val::unknown("a `toObject()` key that is no string", span);
                };
                let v = match &value {
                    Some(f) => apply(f, vec![x]),
                    None => x,
                };
                out.push((k.into(), v));
            }
            Val::object(out, span)
        }
        // Sorting needs a comparison ARM defines per type; nothing networking reads is sorted.
        _ => Val::unknown(
            format!("the function `{name}()`, which cniplan does not evaluate"),
            span,
        ),
    }
}
