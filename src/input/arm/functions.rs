//! The template functions that compute from their arguments alone: strings, numbers,
//! logic, arrays and objects (template-functions-*.md). Functions that read the deployment
//! (`parameters`, `resourceId`, `reference`, …) live in `eval` and `ids`.
//!
//! A function given an unknown argument gives an unknown result with the same reason, so a
//! note can say what made a value unknown. Results that would grow without bound (a string
//! doubled forty times) become unknown instead.

use super::cidr;
use super::value::{same, Distinct, Kind, Val};
use crate::diagnostic::Span;
use std::rc::Rc;

use crate::input::budget::{self, MAX_ITEMS, MAX_STRING_BYTES as MAX_STRING};

/// `None` when `name` is no function of this file.
pub fn call<'a>(name: &str, args: Vec<Val<'a>>, span: Span) -> Option<Val<'a>> {
    // These build containers whose items may stay unknown one by one.
    match name {
        "createarray" => return Some(Val::array(args, span)),
        "createobject" => return Some(create_object(args, span)),
        "array" => return Some(array(args, span)),
        "json" | "null" | "true" | "false" | "tryget" => {}
        _ => {
            if let Some(unknown) = args.iter().find(|a| a.unknown_reason().is_some()) {
                return known(name).then(|| unknown.clone().at(span));
            }
        }
    }
    let v = match name {
        "null" => Val::null(span),
        "true" => Val::bool(true, span),
        "false" => Val::bool(false, span),
        "json" => json(&args, span),
        "tryget" => try_get(args, span),
        "concat" => concat(&args, span),
        "format" => format(&args, span),
        "string" => match args.first().map(written) {
            Some(Ok(s)) => Val::str(s, span),
            Some(Err(true)) => Val::unknown(budget::string_past_limit("`string()`"), span),
            _ => bad(name, span),
        },
        "int" => int(&args, span),
        "bool" => match args.first().map(|a| &a.kind) {
            Some(Kind::Bool(b)) => Val::bool(*b, span),
            Some(Kind::Int(n)) => Val::bool(*n != 0, span),
            Some(Kind::Str(s)) if s.eq_ignore_ascii_case("true") => Val::bool(true, span),
            Some(Kind::Str(s)) if s.eq_ignore_ascii_case("false") => Val::bool(false, span),
            _ => bad(name, span),
        },
        "equals" => match &args[..] {
            [a, b] => Val::bool(same(a, b), span),
            _ => bad(name, span),
        },
        "not" => match args.first().and_then(Val::as_bool) {
            Some(b) => Val::bool(!b, span),
            None => bad(name, span),
        },
        "greater" | "greaterorequals" | "less" | "lessorequals" => compare(name, &args, span),
        "add" | "sub" | "mul" | "div" | "mod" => arithmetic(name, &args, span),
        "min" | "max" => min_max(name == "min", &args, span),
        "range" => range(&args, span),
        "empty" => match args.first() {
            Some(v) => Val::bool(v.is_null() || v.count() == Some(0), span),
            None => bad(name, span),
        },
        "length" => match args.first().and_then(Val::count) {
            Some(n) => Val::int(n as i64, span),
            None => bad(name, span),
        },
        "contains" => contains(&args, span),
        "first" | "last" => first_last(name == "first", &args, span),
        "take" | "skip" => take_skip(name == "take", &args, span),
        "union" => union(&args, span),
        "intersection" => intersection(&args, span),
        "shallowmerge" => match args.first().and_then(Val::items) {
            Some(objects) => union(&objects, span),
            None => bad(name, span),
        },
        "items" => match args.first().and_then(Val::entries) {
            Some(entries) => Val::array(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        Val::object(vec![("key".into(), Val::str(k, span)), ("value".into(), v)], span)
                    })
                    .collect(),
                span,
            ),
            None => bad(name, span),
        },
        "objectkeys" => match args.first().and_then(Val::entries) {
            Some(entries) => Val::array(
                entries.into_iter().map(|(k, _)| Val::str(k, span)).collect(),
                span,
            ),
            None => bad(name, span),
        },
        "split" => split(&args, span),
        "join" => join(&args, span),
        "replace" => match strs(&args).as_deref() {
            Some([s, old, new]) if !old.is_empty() => {
                match budget::check_string("`replace()`", budget::replaced_len(s, old, new)) {
                    Ok(()) => Val::str(s.replace(old, new), span),
                    Err(message) => Val::unknown(message, span),
                }
            }
            Some([s, _, _]) => Val::str(s.as_str(), span),
            _ => bad(name, span),
        },
        "tolower" => map_str(&args, span, |s| s.to_lowercase()),
        "toupper" => map_str(&args, span, |s| s.to_uppercase()),
        "trim" => map_str(&args, span, |s| s.trim().to_string()),
        "substring" => substring(&args, span),
        "startswith" | "endswith" | "indexof" | "lastindexof" => search(name, &args, span),
        "padleft" => pad_left(&args, span),
        "cidrsubnet" | "cidrhost" | "parsecidr" => cidr::call(name, &args, span),
        _ => return None,
    };
    Some(v)
}

/// Whether `call` knows the function (so an unknown argument, not the name, is the reason).
fn known(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "concat",
        "format",
        "string",
        "int",
        "bool",
        "equals",
        "not",
        "greater",
        "greaterorequals",
        "less",
        "lessorequals",
        "add",
        "sub",
        "mul",
        "div",
        "mod",
        "min",
        "max",
        "range",
        "empty",
        "length",
        "contains",
        "first",
        "last",
        "take",
        "skip",
        "union",
        "intersection",
        "shallowmerge",
        "items",
        "objectkeys",
        "split",
        "join",
        "replace",
        "tolower",
        "toupper",
        "trim",
        "substring",
        "startswith",
        "endswith",
        "indexof",
        "lastindexof",
        "padleft",
        "cidrsubnet",
        "cidrhost",
        "parsecidr",
    ];
    NAMES.contains(&name)
}

/// The most items ARM's `range()` makes (template-functions-array: "Must be non-negative
/// integer up to 10000").
const MAX_RANGE_COUNT: i64 = 10_000;

/// .NET's limit on a format item's alignment, exclusive: `-WidthLimit < alignment < WidthLimit`
/// (StringBuilder.AppendFormat, which ARM's `format()` runs).
const FORMAT_WIDTH_LIMIT: u64 = 1_000_000;

/// The reason of a call ARM refuses with an error of its own: the evaluator reports it at the
/// call as an error (a deployment stops there), and the value is unknown past it.
pub(super) fn refused(why: &str) -> String {
    format!("{why}{REFUSED}")
}

const REFUSED: &str = "; ARM refuses the expression";

/// Whether an unknown value's reason is [`refused`]'s (no name holds `;` or a space).
pub fn is_refused(reason: &str) -> bool {
    reason.ends_with(REFUSED)
}

/// A call whose arguments ARM would refuse: unknown, without a finding of its own (the
/// value's use says what it could not read).
fn bad<'a>(name: &str, span: Span) -> Val<'a> {
    Val::unknown(
        format!("a call of `{name}()` with arguments it does not take"),
        span,
    )
}

/// A result past the evaluation budget ([`budget`]): unknown, and reported where the call is
/// (the evaluator reports every refusal the budget words).
fn too_long<'a>(function: &str, bytes: usize, span: Span) -> Val<'a> {
    Val::unknown(budget::string_too_long(function, bytes as u128), span)
}

fn too_many<'a>(function: &str, items: usize, span: Span) -> Val<'a> {
    Val::unknown(budget::too_many_items(function, items as u128), span)
}

pub fn strs(args: &[Val<'_>]) -> Option<Vec<String>> {
    args.iter().map(|a| a.as_str().map(str::to_string)).collect()
}

fn map_str<'a>(args: &[Val<'a>], span: Span, f: impl Fn(&str) -> String) -> Val<'a> {
    match args.first().and_then(Val::as_str) {
        Some(s) => Val::str(f(s), span),
        None => bad("string function", span),
    }
}

/// A value as `string()` and `format()` write it: JSON for arrays and objects.
pub fn text(v: &Val<'_>) -> Option<String> {
    written(v).ok()
}

/// [`text`], or why not: `Err(true)` when the JSON of an array or object would pass the
/// string budget (a value that shares its parts writes out exponentially larger than it
/// is), `Err(false)` when anything in it is unknown.
fn written(v: &Val<'_>) -> Result<String, bool> {
    Ok(match &v.kind {
        Kind::Str(s) => s.to_string(),
        Kind::Int(n) => n.to_string(),
        // ARM writes booleans as .NET does.
        Kind::Bool(true) => "True".to_string(),
        Kind::Bool(false) => "False".to_string(),
        Kind::Null => String::new(),
        _ => {
            let mut out = String::new();
            write_json(v, &mut out)?;
            out
        }
    })
}

/// A known value as JSON, as serde_json writes it (object keys sorted, the last of a
/// repeated key kept), into `out`; stops with `Err(true)` once `out` passes the string
/// budget and `Err(false)` at anything unknown. A step of a walk per value
/// ([`budget::walk_step`]).
fn write_json(v: &Val<'_>, out: &mut String) -> Result<(), bool> {
    if !budget::walk_step() {
        return Err(false);
    }
    if out.len() > MAX_STRING {
        return Err(true);
    }
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    match &v.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Int(n) => out.push_str(&n.to_string()),
        Kind::Str(s) => out.push_str(&quoted(s)),
        Kind::Array(_) | Kind::Json(_) if v.is_array() => {
            out.push('[');
            for (i, item) in v.items().ok_or(false)?.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out)?;
            }
            out.push(']');
        }
        Kind::Object(_) | Kind::Json(_) => {
            let mut entries = v.entries().ok_or(false)?;
            // Sorted by key, and of a repeated key the last one, as a JSON map keeps it.
            entries.reverse();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            entries.dedup_by(|later, first| later.0 == first.0);
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quoted(k));
                out.push(':');
                write_json(item, out)?;
            }
            out.push('}');
        }
        Kind::Unknown(_) | Kind::Lambda(_) | Kind::Array(_) => return Err(false),
    }
    if out.len() > MAX_STRING {
        return Err(true);
    }
    Ok(())
}

fn from_json<'a>(j: &serde_json::Value, span: Span) -> Val<'a> {
    use serde_json::Value as J;
    match j {
        J::Null => Val::null(span),
        J::Bool(b) => Val::bool(*b, span),
        J::Number(n) => match n.as_i64() {
            Some(n) => Val::int(n, span),
            None => Val::unknown("a number that is not a whole number", span),
        },
        J::String(s) => Val::str(s.as_str(), span),
        J::Array(items) => Val::array(items.iter().map(|i| from_json(i, span)).collect(), span),
        J::Object(map) => Val::object(
            map.iter()
                .map(|(k, v)| (Rc::from(k.as_str()), from_json(v, span)))
                .collect(),
            span,
        ),
    }
}

fn json<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    match args.first() {
        Some(v) if v.unknown_reason().is_some() => v.clone().at(span),
        Some(v) => match v.as_str().map(serde_json::from_str::<serde_json::Value>) {
            Some(Ok(j)) => from_json(&j, span),
            _ => bad("json", span),
        },
        None => bad("json", span),
    }
}

fn create_object<'a>(args: Vec<Val<'a>>, span: Span) -> Val<'a> {
    if args.len() % 2 != 0 {
        return bad("createObject", span);
    }
    let mut out: Vec<(Rc<str>, Val<'a>)> = Vec::with_capacity(args.len() / 2);
    let mut it = args.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        let Some(k) = k.as_str() else {
            return k
                .unknown_reason()
                .map_or_else(|| bad("createObject", span), |_| k.clone().at(span));
        };
        out.push((k.into(), v));
    }
    Val::object(out, span)
}

fn array<'a>(args: Vec<Val<'a>>, span: Span) -> Val<'a> {
    match args.into_iter().next() {
        Some(v) if v.is_array() || v.unknown_reason().is_some() => v,
        Some(v) => Val::array(vec![v], span),
        None => bad("array", span),
    }
}

/// `tryGet(object, key, …)`: the value along the keys (or array indices), or null.
fn try_get<'a>(args: Vec<Val<'a>>, span: Span) -> Val<'a> {
    let mut it = args.into_iter();
    let Some(mut v) = it.next() else {
        return bad("tryGet", span);
    };
    for key in it {
        if v.unknown_reason().is_some() {
            return v;
        }
        if key.unknown_reason().is_some() {
            return key;
        }
        let next = match (&key.kind, v.is_array()) {
            (Kind::Str(k), _) => v.get(k),
            (Kind::Int(i), true) => usize::try_from(*i).ok().and_then(|i| v.item(i)),
            _ => None,
        };
        match next {
            Some(n) => v = n,
            None => return Val::null(span),
        }
    }
    v
}

fn concat<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    if !args.is_empty() && args.iter().all(Val::is_array) {
        let mut out = Vec::new();
        for a in args {
            let items = a.items().unwrap_or_default();
            if out.len() + items.len() > MAX_ITEMS {
                return too_many("`concat()`", out.len() + items.len(), span);
            }
            out.extend(items);
        }
        return Val::array(out, span);
    }
    let mut out = String::new();
    for a in args {
        let text = match &a.kind {
            Kind::Str(s) => std::borrow::Cow::Borrowed(&**s),
            Kind::Int(n) => std::borrow::Cow::Owned(n.to_string()),
            Kind::Null => continue,
            _ => return bad("concat", span),
        };
        if out.len() + text.len() > MAX_STRING {
            return too_long("`concat()`", out.len() + text.len(), span);
        }
        out.push_str(&text);
    }
    Val::str(out, span)
}

/// .NET composite formatting as `format()` takes it: `{0}`, `{1:N2}` (the format part is
/// dropped), `{{` and `}}`.
fn format<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let Some((pattern, values)) = args.split_first() else {
        return bad("format", span);
    };
    let Some(pattern) = pattern.as_str() else {
        return bad("format", span);
    };
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut spec = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    spec.push(c);
                }
                // .NET's composite format: `{index[,alignment][:format]}`.
                let (head, number_format) = spec.split_once(':').unwrap_or((&spec, ""));
                let (index, alignment) = head.split_once(',').unwrap_or((head, ""));
                let Ok(i) = index.trim().parse::<usize>() else {
                    return bad("format", span);
                };
                let Some(v) = values.get(i) else {
                    // .NET's FormatException, which stops the deployment.
                    return Val::unknown(
                        refused(&format!(
                            "`format()` item `{{{i}}}` with {} arguments: Index (zero based) must be greater than or equal to zero and less than the size of the argument list",
                            values.len()
                        )),
                        span,
                    );
                };
                let width: i64 = match alignment.trim() {
                    "" => 0,
                    a => match a.parse() {
                        Ok(w) => w,
                        Err(_) => return bad("format", span),
                    },
                };
                // .NET takes an alignment of less than a million either way
                // (StringBuilder.AppendFormat's WidthLimit); past it, a FormatException.
                if width.unsigned_abs() >= FORMAT_WIDTH_LIMIT {
                    return Val::unknown(
                        refused(&format!(
                            "`format()` alignment {width}: .NET takes less than {FORMAT_WIDTH_LIMIT} either way (Input string was not in a correct format)"
                        )),
                        span,
                    );
                }
                // A width is built as spaces: checked against the string budget first.
                let pad = width.unsigned_abs() as usize;
                if out.len().saturating_add(pad) > MAX_STRING {
                    return too_long("`format()`", out.len().saturating_add(pad), span);
                }
                let t = match (v.as_int(), number_format.trim()) {
                    // `D5`: the number with at least five digits, zeros in front.
                    (Some(n), f) if f.len() > 1 && f[..1].eq_ignore_ascii_case("d") => {
                        match f[1..].parse::<usize>() {
                            Ok(digits) if digits <= 99 => {
                                format!("{}{:0digits$}", if n < 0 { "-" } else { "" }, n.unsigned_abs())
                            }
                            _ => return bad("format", span),
                        }
                    }
                    _ => match text(v) {
                        Some(t) => t,
                        None => return bad("format", span),
                    },
                };
                let fill = pad.saturating_sub(t.chars().count());
                if width < 0 {
                    out.push_str(&t);
                }
                out.extend(std::iter::repeat_n(' ', fill));
                if width >= 0 {
                    out.push_str(&t);
                }
            }
            c => out.push(c),
        }
        if out.len() > MAX_STRING {
            return too_long("`format()`", out.len(), span);
        }
    }
    Val::str(out, span)
}

fn int<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    match args.first().map(|a| &a.kind) {
        Some(Kind::Int(n)) => Val::int(*n, span),
        Some(Kind::Str(s)) => s
            .trim()
            .parse::<i64>()
            .map_or_else(|_| bad("int", span), |n| Val::int(n, span)),
        _ => bad("int", span),
    }
}

fn compare<'a>(name: &str, args: &[Val<'a>], span: Span) -> Val<'a> {
    let ordering = match args {
        [a, b] => match (&a.kind, &b.kind) {
            (Kind::Int(x), Kind::Int(y)) => x.cmp(y),
            (Kind::Str(x), Kind::Str(y)) => x.cmp(y),
            _ => return bad(name, span),
        },
        _ => return bad(name, span),
    };
    use std::cmp::Ordering::*;
    let result = match name {
        "greater" => ordering == Greater,
        "greaterorequals" => ordering != Less,
        "less" => ordering == Less,
        _ => ordering != Greater,
    };
    Val::bool(result, span)
}

fn arithmetic<'a>(name: &str, args: &[Val<'a>], span: Span) -> Val<'a> {
    let (Some(a), Some(b)) = (
        args.first().and_then(Val::as_int),
        args.get(1).and_then(Val::as_int),
    ) else {
        return bad(name, span);
    };
    let result = match name {
        "add" => a.checked_add(b),
        "sub" => a.checked_sub(b),
        "mul" => a.checked_mul(b),
        "div" => a.checked_div(b),
        _ => a.checked_rem(b),
    };
    // ARM stops the deployment on a division by zero and on an overflow alike.
    result.map_or_else(
        || {
            let why = if b == 0 && matches!(name, "div" | "mod") {
                format!("`{name}({a}, 0)` divides by zero")
            } else {
                format!("`{name}({a}, {b})` is beyond 64 bits")
            };
            Val::unknown(refused(&why), span)
        },
        |n| Val::int(n, span),
    )
}

fn min_max<'a>(min: bool, args: &[Val<'a>], span: Span) -> Val<'a> {
    let values = match args {
        [one] if one.is_array() => one.items().unwrap_or_default(),
        _ => args.to_vec(),
    };
    let ints: Option<Vec<i64>> = values.iter().map(Val::as_int).collect();
    let best = ints.and_then(|n| {
        if min {
            n.into_iter().min()
        } else {
            n.into_iter().max()
        }
    });
    best.map_or_else(
        || bad(if min { "min" } else { "max" }, span),
        |n| Val::int(n, span),
    )
}

fn range<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let (Some(start), Some(count)) = (
        args.first().and_then(Val::as_int),
        args.get(1).and_then(Val::as_int),
    ) else {
        return bad("range", span);
    };
    // ARM's own limits (template-functions-array, `range`): a deployment stops with them.
    if !(0..=MAX_RANGE_COUNT).contains(&count) {
        return Val::unknown(
            refused(&format!(
                "`range()` of {count} items: the count must be a non-negative integer up to {MAX_RANGE_COUNT}"
            )),
            span,
        );
    }
    if start
        .checked_add(count)
        .is_none_or(|end| end > i64::from(i32::MAX))
    {
        return Val::unknown(
            refused(&format!(
                "`range({start}, {count})`: the sum of startIndex and count must be no greater than {}",
                i32::MAX
            )),
            span,
        );
    }
    Val::array((start..start + count).map(|i| Val::int(i, span)).collect(), span)
}

fn contains<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let [container, item] = args else {
        return bad("contains", span);
    };
    let found = match (&container.kind, item.as_str()) {
        (Kind::Str(s), Some(sub)) => s.contains(sub),
        (Kind::Str(s), None) => match text(item) {
            Some(t) => s.contains(&t),
            None => return bad("contains", span),
        },
        _ if container.is_array() => container
            .items()
            .unwrap_or_default()
            .iter()
            .any(|x| same(x, item)),
        _ if container.is_object() => match item.as_str() {
            Some(k) => container.get(k).is_some(),
            None => return bad("contains", span),
        },
        _ => return bad("contains", span),
    };
    Val::bool(found, span)
}

fn first_last<'a>(first: bool, args: &[Val<'a>], span: Span) -> Val<'a> {
    let name = if first { "first" } else { "last" };
    match args.first() {
        Some(Val {
            kind: Kind::Str(s), ..
        }) => {
            let c = if first {
                s.chars().next()
            } else {
                s.chars().next_back()
            };
            Val::str(c.map(String::from).unwrap_or_default(), span)
        }
        Some(v) if v.is_array() => {
            let items = v.items().unwrap_or_default();
            let item = if first { items.first() } else { items.last() };
            item.cloned().unwrap_or_else(|| Val::null(span))
        }
        _ => bad(name, span),
    }
}

fn take_skip<'a>(take: bool, args: &[Val<'a>], span: Span) -> Val<'a> {
    let name = if take { "take" } else { "skip" };
    let (Some(v), Some(n)) = (args.first(), args.get(1).and_then(Val::as_int)) else {
        return bad(name, span);
    };
    let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
    match &v.kind {
        Kind::Str(s) => {
            let out: String = if take {
                s.chars().take(n).collect()
            } else {
                s.chars().skip(n).collect()
            };
            Val::str(out, span)
        }
        _ if v.is_array() => {
            let items = v.items().unwrap_or_default();
            let out = if take {
                items.into_iter().take(n).collect()
            } else {
                items.into_iter().skip(n).collect()
            };
            Val::array(out, span)
        }
        _ => bad(name, span),
    }
}

/// Objects: later keys win, nested objects merge (ARM merges them recursively). Arrays:
/// the items of all, each once, in order.
fn union<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    if args.iter().all(Val::is_object) {
        let mut out: Vec<(Rc<str>, Val<'a>)> = Vec::new();
        for a in args {
            merge(&mut out, a.entries().unwrap_or_default());
        }
        let open = args.iter().any(|a| a.open);
        return Val::object(out, span).opened(open);
    }
    if args.iter().all(Val::is_array) {
        let mut out = Distinct::new();
        for a in args {
            for item in a.items().unwrap_or_default() {
                out.insert(item);
            }
            if out.items.len() > MAX_ITEMS {
                return too_many("`union()`", out.items.len(), span);
            }
        }
        return Val::array(out.items, span);
    }
    bad("union", span)
}

fn merge<'a>(into: &mut Vec<(Rc<str>, Val<'a>)>, entries: Vec<(Rc<str>, Val<'a>)>) {
    for (k, v) in entries {
        match into.iter_mut().find(|(k2, _)| k2.eq_ignore_ascii_case(&k)) {
            Some((_, old)) if old.is_object() && v.is_object() => {
                let mut nested = old.entries().unwrap_or_default();
                merge(&mut nested, v.entries().unwrap_or_default());
                *old = Val::object(nested, v.span);
            }
            Some((_, old)) => *old = v,
            None => into.push((k, v)),
        }
    }
}

fn intersection<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let Some((first, rest)) = args.split_first() else {
        return bad("intersection", span);
    };
    if args.iter().all(Val::is_object) {
        let kept = first
            .entries()
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, v)| rest.iter().all(|o| o.get(k).is_some_and(|w| same(v, &w))))
            .collect();
        return Val::object(kept, span);
    }
    if args.iter().all(Val::is_array) {
        let others: Vec<Distinct<'a>> = rest
            .iter()
            .map(|a| {
                let mut d = Distinct::new();
                for item in a.items().unwrap_or_default() {
                    d.insert(item);
                }
                d
            })
            .collect();
        let kept = first
            .items()
            .unwrap_or_default()
            .into_iter()
            .filter(|x| others.iter().all(|d| d.contains(x)))
            .collect();
        return Val::array(kept, span);
    }
    bad("intersection", span)
}

fn split<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let (Some(s), Some(delim)) = (args.first().and_then(Val::as_str), args.get(1)) else {
        return bad("split", span);
    };
    let delims: Vec<String> = match (&delim.kind, delim.items()) {
        (Kind::Str(d), _) => vec![d.to_string()],
        (_, Some(items)) => match items.iter().map(|i| i.as_str().map(str::to_string)).collect() {
            Some(d) => d,
            None => return bad("split", span),
        },
        _ => return bad("split", span),
    };
    let mut parts = vec![s.to_string()];
    for d in delims.iter().filter(|d| !d.is_empty()) {
        parts = parts
            .iter()
            .flat_map(|p| p.split(d.as_str()).map(str::to_string).collect::<Vec<_>>())
            .collect();
        if parts.len() > MAX_ITEMS {
            return too_many("`split()`", parts.len(), span);
        }
    }
    Val::array(parts.into_iter().map(|p| Val::str(p, span)).collect(), span)
}

fn join<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let (Some(items), Some(delim)) = (
        args.first().and_then(Val::items),
        args.get(1).and_then(Val::as_str),
    ) else {
        return bad("join", span);
    };
    let parts: Option<Vec<String>> = items.iter().map(text).collect();
    let Some(parts) = parts else {
        return bad("join", span);
    };
    match budget::check_string(
        "`join()`",
        budget::joined_len(parts.iter().map(String::as_str), delim),
    ) {
        Ok(()) => Val::str(parts.join(delim), span),
        Err(message) => Val::unknown(message, span),
    }
}

fn substring<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let (Some(s), Some(start)) = (
        args.first().and_then(Val::as_str),
        args.get(1).and_then(Val::as_int),
    ) else {
        return bad("substring", span);
    };
    let chars: Vec<char> = s.chars().collect();
    let len = match args.get(2) {
        Some(l) => match l.as_int() {
            Some(l) => l,
            None => return bad("substring", span),
        },
        None => (chars.len() as i64).saturating_sub(start).max(0),
    };
    let within = |n: i64| usize::try_from(n).ok();
    match (within(start), within(len)) {
        (Some(from), Some(n)) if from.checked_add(n).is_some_and(|end| end <= chars.len()) => {
            Val::str(chars[from..from + n].iter().collect::<String>(), span)
        }
        // .NET's ArgumentOutOfRangeException (a start or length below zero, or past the
        // end), which stops the deployment.
        _ => Val::unknown(
            refused(&format!(
                "`substring()` from {start} for {len} of a string of {} characters",
                chars.len()
            )),
            span,
        ),
    }
}

/// `startsWith`, `endsWith`, `indexOf` and `lastIndexOf` compare without case
/// (template-functions-string.md).
fn search<'a>(name: &str, args: &[Val<'a>], span: Span) -> Val<'a> {
    let Some([s, find]) = strs(args).as_deref().and_then(|v| match v {
        [s, find] => Some([s.to_lowercase(), find.to_lowercase()]),
        _ => None,
    }) else {
        return bad(name, span);
    };
    let char_index = |byte: usize| s[..byte].chars().count() as i64;
    match name {
        "startswith" => Val::bool(s.starts_with(&find), span),
        "endswith" => Val::bool(s.ends_with(&find), span),
        "indexof" => Val::int(s.find(&find).map_or(-1, char_index), span),
        _ => Val::int(s.rfind(&find).map_or(-1, char_index), span),
    }
}

fn pad_left<'a>(args: &[Val<'a>], span: Span) -> Val<'a> {
    let Some(s) = args.first().and_then(text) else {
        return bad("padLeft", span);
    };
    let Some(total) = args
        .get(1)
        .and_then(Val::as_int)
        .and_then(|n| usize::try_from(n).ok())
    else {
        return bad("padLeft", span);
    };
    if total > MAX_STRING {
        return too_long("`padLeft()`", total, span);
    }
    let pad = args
        .get(2)
        .and_then(Val::as_str)
        .and_then(|p| p.chars().next())
        .unwrap_or(' ');
    let len = s.chars().count();
    let mut out: String = std::iter::repeat_n(pad, total.saturating_sub(len)).collect();
    out.push_str(&s);
    Val::str(out, span)
}

/// Array element or object property: `x[0]`, `x['key']`.
pub fn index<'a>(target: Val<'a>, key: &Val<'a>, span: Span) -> Val<'a> {
    if target.unknown_reason().is_some() {
        return target.at(span);
    }
    if key.unknown_reason().is_some() {
        return key.clone().at(span);
    }
    let found = match (&key.kind, target.is_array()) {
        (Kind::Int(i), true) => match usize::try_from(*i).ok().and_then(|i| target.item(i)) {
            Some(v) => Some(v),
            // ARM stops the deployment: "array index '…' is out of bounds".
            None => {
                return Val::unknown(
                    refused(&format!(
                        "index {i} of an array of length {} is out of bounds",
                        target.count().unwrap_or(0)
                    )),
                    span,
                )
            }
        },
        (Kind::Str(k), false) => target.get(k),
        _ => None,
    };
    found.unwrap_or_else(|| Val::unknown(format!("index {} of {}", key.describe(), target.describe()), span))
}

/// A deterministic stand-in for `uniqueString()`: the real one hashes the subscription and
/// resource group IDs, which are unknown offline, so any stable name serves to link
/// resources named with it. Lower-case base-32 as ARM's.
pub fn stand_in(parts: &[String], len: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut h = fnv(parts);
    (0..len)
        .map(|_| {
            let c = ALPHABET[(h & 31) as usize] as char;
            h = h.rotate_right(5) ^ 0x9e37_79b9_7f4a_7c15;
            c
        })
        .collect()
}

pub fn stand_in_guid(parts: &[String]) -> String {
    let a = fnv(parts);
    let b = fnv(&[format!("{a}")]);
    let hex = format!("{a:016x}{b:016x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn fnv(parts: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Val<'static> {
        Val::str(text, Span::default())
    }

    fn i(n: i64) -> Val<'static> {
        Val::int(n, Span::default())
    }

    fn run(name: &str, args: Vec<Val<'static>>) -> Val<'static> {
        call(name, args, Span::default()).expect("a known function")
    }

    #[test]
    fn strings() {
        assert_eq!(run("concat", vec![s("a-"), s("b"), i(1)]).as_str(), Some("a-b1"));
        assert_eq!(
            run("format", vec![s("{0}/subnets/{1} {{x}}"), s("v"), s("p")]).as_str(),
            Some("v/subnets/p {x}")
        );
        // .NET's alignment and `D` digits, as ARM's format() writes them; a width past
        // the string budget is refused before a byte of it is built.
        assert_eq!(
            run(
                "format",
                vec![s("[{0,4}|{1,-3}|{2:D3}|{3:d2}]"), s("ab"), s("c"), i(7), i(-4)]
            )
            .as_str(),
            Some("[  ab|c  |007|-04]")
        );
        // .NET refuses an alignment of a million or more, and an item past the arguments.
        let wide = run("format", vec![s("{0,2000000000}"), s("x")]);
        assert!(wide.unknown_reason().is_some_and(is_refused), "{wide:?}");
        assert!(run("format", vec![s("{0,999999}"), s("x")])
            .as_str()
            .is_some_and(|t| t.len() == 999_999));
        let missing = run("format", vec![s("{1}"), s("x")]);
        assert!(missing.unknown_reason().is_some_and(is_refused), "{missing:?}");
        assert!(run("range", vec![i(0), i(10_000)])
            .items()
            .is_some_and(|r| r.len() == 10_000));
        assert!(run("range", vec![i(0), i(10_001)])
            .unknown_reason()
            .is_some_and(is_refused));
        assert!(run("range", vec![i(i64::from(i32::MAX)), i(1)])
            .unknown_reason()
            .is_some_and(is_refused));
        assert_eq!(run("tolower", vec![s("AbC")]).as_str(), Some("abc"));
        assert_eq!(
            run("replace", vec![s("a-b-c"), s("-"), s("")]).as_str(),
            Some("abc")
        );
        assert_eq!(
            run("substring", vec![s("hello"), i(1), i(3)]).as_str(),
            Some("ell")
        );
        assert_eq!(run("indexof", vec![s("Hello"), s("LL")]).as_int(), Some(2));
        assert_eq!(run("padleft", vec![i(7), i(3), s("0")]).as_str(), Some("007"));
        assert_eq!(
            run("string", vec![Val::bool(true, Span::default())]).as_str(),
            Some("True")
        );
        let parts = run("split", vec![s("/subscriptions/s/resourceGroups/rg"), s("/")]);
        assert_eq!(parts.items().unwrap()[4].as_str(), Some("rg"));
        assert_eq!(run("take", vec![s("abcdef"), i(3)]).as_str(), Some("abc"));
    }

    #[test]
    fn logic_numbers_and_collections() {
        assert_eq!(run("equals", vec![s("a"), s("A")]).as_bool(), Some(false));
        assert_eq!(run("add", vec![i(2), i(3)]).as_int(), Some(5));
        assert!(run("div", vec![i(1), i(0)]).unknown_reason().is_some());
        assert!(run("add", vec![i(i64::MAX), i(1)]).unknown_reason().is_some());
        assert_eq!(run("empty", vec![s("")]).as_bool(), Some(true));
        assert_eq!(
            run("length", vec![run("range", vec![i(0), i(5)])]).as_int(),
            Some(5)
        );
        assert!(run("range", vec![i(0), i(1_000_000_000)])
            .unknown_reason()
            .is_some());
        let a = run(
            "createobject",
            vec![s("x"), i(1), s("n"), run("createobject", vec![s("a"), i(1)])],
        );
        let b = run(
            "createobject",
            vec![s("X"), i(2), s("n"), run("createobject", vec![s("b"), i(2)])],
        );
        let u = run("union", vec![a, b]);
        assert_eq!(u.get("x").unwrap().as_int(), Some(2));
        assert_eq!(u.get("n").unwrap().get("a").unwrap().as_int(), Some(1));
        assert!(run("tryget", vec![u.clone(), s("missing")]).is_null());
        assert_eq!(run("contains", vec![u, s("N")]).as_bool(), Some(true));
        assert!(run("json", vec![s("null")]).is_null());
    }

    #[test]
    fn unknown_arguments_give_unknown_results_but_containers_keep_them() {
        let unknown = Val::unknown("`reference()`", Span::default());
        let r = run("concat", vec![s("a"), unknown.clone()]);
        assert_eq!(r.unknown_reason(), Some("`reference()`"));
        let o = run("createobject", vec![s("k"), unknown]);
        assert!(o.get("k").unwrap().unknown_reason().is_some());
        assert!(call("nosuchfunction", vec![], Span::default()).is_none());
    }

    #[test]
    fn growth_stops_at_the_caps() {
        let mut v = s("xxxxxxxx");
        for _ in 0..20 {
            v = run("concat", vec![v.clone(), v]);
        }
        assert!(v.unknown_reason().is_some());
    }

    #[test]
    fn stand_ins_are_stable() {
        let parts = vec!["x".to_string()];
        assert_eq!(stand_in(&parts, 13), stand_in(&parts, 13));
        assert_eq!(stand_in(&parts, 13).len(), 13);
        assert_eq!(stand_in_guid(&parts).len(), 36);
    }
}
