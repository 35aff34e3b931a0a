//! The Terraform functions networking code uses, with Terraform's results. A function not
//! here gives an unknown value, never a guess. `try` and `can` evaluate their arguments
//! lazily and live in the evaluator.

use super::cidr;
use super::value::{Kind, V};
use crate::diagnostic::Rule;
use crate::input::budget;
use std::collections::BTreeMap;

/// Terraform's `range` refuses to make more than this many numbers.
const MAX_RANGE: usize = 1024;

/// Why a call failed; `report` names the rule of the errors a user should see as a finding
/// (a `cidrsubnet` that does not fit is a real mistake in the configuration, a result past
/// the evaluation budget is refused); the rest leave the value unknown.
pub struct CallError {
    pub message: String,
    pub report: Option<Rule>,
}

fn err<T>(message: impl Into<String>) -> Result<T, CallError> {
    Err(CallError {
        message: message.into(),
        report: None,
    })
}

/// A result past [`budget`]'s limits: refused before it is built, with a finding.
fn over_budget(message: String) -> CallError {
    CallError {
        message,
        report: Some(Rule::PlanSchema),
    }
}

fn string_fits(function: &str, bytes: u128) -> Result<(), CallError> {
    budget::check_string(function, bytes).map_err(over_budget)
}

fn items_fit(function: &str, items: u128) -> Result<(), CallError> {
    budget::check_items(function, items).map_err(over_budget)
}

/// Calls a function; `None` for one cniplan does not know (its value is unknown).
pub fn call(name: &str, args: Vec<V>) -> Option<Result<V, CallError>> {
    // Functions of whole collections keep unknown parts in place; the others need every
    // part of every argument known.
    let structural = matches!(
        name,
        "tolist"
            | "toset"
            | "tomap"
            | "concat"
            | "merge"
            | "lookup"
            | "element"
            | "length"
            | "coalesce"
            | "coalescelist"
            | "flatten"
            | "keys"
            | "values"
            | "one"
            | "compact"
            | "distinct"
            | "zipmap"
            | "slice"
    );
    let unknown = if structural {
        args.iter().any(V::is_unknown)
    } else {
        args.iter().any(V::has_unknown)
    };
    // A null that `format` must print fails whatever the other arguments turn out to be, so
    // `try(format("%s/subnets/%s", data.x.id, var.unset), null)` is null, not unknown: a data
    // source cniplan cannot read is known to Terraform at plan time, when the null fails it.
    if unknown && name == "format" {
        if let Some(at) = null_format_argument(&args) {
            return Some(err(format!(
                "Call to function \"format\" failed: unsupported value for argument {at}: null value cannot be formatted"
            )));
        }
    }
    if unknown {
        return Some(Ok(V::unknown_from(&args)));
    }
    let result = match name {
        "cidrsubnet" => cidrsubnet(&args),
        "cidrhost" => cidrhost(&args),
        "cidrsubnets" => cidrsubnets(&args),
        "tolist" | "toset" => to_list(name == "toset", &args),
        "tomap" => one_arg(&args).and_then(|m| match &m.kind {
            Kind::Map(_) | Kind::Null => Ok(m.clone()),
            _ => err("tomap needs a map or an object"),
        }),
        "tostring" => one_arg(&args).and_then(|v| match v.to_text() {
            Some(s) => Ok(V::str(s).derived([v])),
            None if v.is_null() => Ok(V::null()),
            None => err("tostring needs a primitive value"),
        }),
        "tonumber" => one_arg(&args).and_then(|v| {
            v.as_f64()
                .map(|f| V::number(f).derived([v]))
                .map_or_else(|| err("not a number"), Ok)
        }),
        "tobool" => one_arg(&args).and_then(|v| {
            v.as_bool()
                .map(|b| V::bool(b).derived([v]))
                .map_or_else(|| err("not a bool"), Ok)
        }),
        "length" => length(&args),
        "lookup" => lookup(&args),
        "merge" => merge(&args),
        "concat" => concat(&args),
        "element" => element(&args),
        "coalesce" => coalesce(&args),
        "coalescelist" => Ok(args
            .iter()
            .find(|a| matches!(&a.kind, Kind::List(items) if !items.is_empty()))
            .cloned()
            .unwrap_or_else(|| V::list(Vec::new()))),
        // A verb or a regular expression cniplan does not evaluate: unknown, as a function
        // it does not know, and named so (the evaluator's note), never "until apply".
        "format" => match format(&args) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => return None,
            Err(e) => Err(e),
        },
        "join" => join(&args),
        "flatten" => one_arg(&args).and_then(|v| {
            items_fit("`flatten()`", leaves(v))?;
            let mut out = Vec::new();
            flatten_into(v, &mut out);
            Ok(V::list(out))
        }),
        "keys" => map_arg(&args).map(|m| V::list(m.keys().map(|k| V::str(k.clone())).collect())),
        "values" => map_arg(&args).map(|m| V::list(m.values().cloned().collect())),
        "range" => range(&args),
        "distinct" => list_arg(&args, 0).map(|items| V::list(distinct(items.iter().cloned()))),
        "compact" => list_arg(&args, 0).map(|items| {
            V::list(
                items
                    .iter()
                    .filter(|i| !i.is_null() && i.as_str() != Some(""))
                    .cloned()
                    .collect(),
            )
        }),
        "contains" => list_arg(&args, 0)
            .and_then(|items| nth(&args, 1).map(|x| V::bool(items.iter().any(|i| i.equals(x))))),
        "one" => list_arg(&args, 0).and_then(|items| match items {
            [] => Ok(V::null()),
            [x] => Ok(x.clone()),
            _ => err("one needs a list of at most one element"),
        }),
        "zipmap" => zipmap(&args),
        "slice" => slice(&args),
        "lower" | "upper" | "trimspace" => str_arg(&args, 0).map(|s| {
            V::str(match name {
                "lower" => s.to_lowercase(),
                "upper" => s.to_uppercase(),
                _ => s.trim().to_string(),
            })
        }),
        "split" => str_arg(&args, 0).and_then(|sep| {
            let s = str_arg(&args, 1)?;
            let count = if sep.is_empty() {
                s.chars().count()
            } else {
                memchr::memmem::find_iter(s.as_bytes(), sep.as_bytes()).count() + 1
            };
            items_fit("`split()`", count as u128)?;
            let parts: Vec<V> = if sep.is_empty() {
                s.chars().map(|c| V::str(c.to_string())).collect()
            } else {
                s.split(sep.as_str()).map(V::str).collect()
            };
            Ok(V::list(parts))
        }),
        "replace" => match replace(&args) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => return None,
            Err(e) => Err(e),
        },
        // Terraform's chomp drops every line break at the end (`\n`, `\r\n`, `\r`).
        "chomp" => str_arg(&args, 0).map(|s| V::str(s.trim_end_matches(['\n', '\r']))),
        "trimprefix" | "trimsuffix" => str_arg(&args, 0).and_then(|s| {
            let affix = str_arg(&args, 1)?;
            let cut = if name == "trimprefix" {
                s.strip_prefix(affix.as_str())
            } else {
                s.strip_suffix(affix.as_str())
            };
            Ok(V::str(cut.unwrap_or(&s)))
        }),
        "substr" => substr(&args),
        "startswith" | "endswith" => str_arg(&args, 0).and_then(|s| {
            str_arg(&args, 1).map(|p| {
                V::bool(if name == "startswith" {
                    s.starts_with(&p)
                } else {
                    s.ends_with(&p)
                })
            })
        }),
        "max" | "min" => numbers(&args).map(|ns| {
            let pick = if name == "max" { f64::max } else { f64::min };
            V::number(ns.into_iter().reduce(pick).unwrap_or(0.0))
        }),
        "abs" | "floor" | "ceil" => num_arg(&args, 0).map(|f| {
            V::number(match name {
                "abs" => f.abs(),
                "floor" => f.floor(),
                _ => f.ceil(),
            })
        }),
        "sum" => list_arg(&args, 0).and_then(|items| {
            let ns: Option<Vec<f64>> = items.iter().map(V::as_f64).collect();
            ns.map(|ns| V::number(ns.iter().sum()))
                .map_or_else(|| err("sum needs numbers"), Ok)
        }),
        "jsonencode" => one_arg(&args).and_then(jsonencode),
        "jsondecode" => str_arg(&args, 0).and_then(|s| jsondecode(&s)),
        _ => return None,
    };
    Some(result.map(|v| if v.from.is_empty() { v.derived(&args) } else { v }))
}

fn nth(args: &[V], i: usize) -> Result<&V, CallError> {
    args.get(i).map_or_else(|| err("too few arguments"), Ok)
}

fn one_arg(args: &[V]) -> Result<&V, CallError> {
    match args {
        [v] => Ok(v),
        _ => err("expects one argument"),
    }
}

fn str_arg(args: &[V], i: usize) -> Result<String, CallError> {
    nth(args, i)?
        .to_text()
        .map_or_else(|| err("expects a string"), Ok)
}

fn num_arg(args: &[V], i: usize) -> Result<f64, CallError> {
    nth(args, i)?.as_f64().map_or_else(|| err("expects a number"), Ok)
}

fn int_arg(args: &[V], i: usize) -> Result<i128, CallError> {
    nth(args, i)?
        .as_int()
        .map_or_else(|| err("expects a whole number"), Ok)
}

fn list_arg(args: &[V], i: usize) -> Result<&[V], CallError> {
    match &nth(args, i)?.kind {
        Kind::List(items) => Ok(items),
        _ => err("expects a list"),
    }
}

fn map_arg(args: &[V]) -> Result<&BTreeMap<String, V>, CallError> {
    match &one_arg(args)?.kind {
        Kind::Map(m) => Ok(m),
        _ => err("expects a map"),
    }
}

fn numbers(args: &[V]) -> Result<Vec<f64>, CallError> {
    if args.is_empty() {
        return err("expects at least one number");
    }
    (0..args.len()).map(|i| num_arg(args, i)).collect()
}

fn cidr_error(message: String) -> CallError {
    CallError {
        message,
        report: Some(Rule::InvalidCidr),
    }
}

fn cidrsubnet(args: &[V]) -> Result<V, CallError> {
    if args.len() != 3 {
        return err("cidrsubnet expects 3 arguments");
    }
    cidr::cidrsubnet(&str_arg(args, 0)?, int_arg(args, 1)?, int_arg(args, 2)?)
        .map(V::str)
        .map_err(|e| cidr_error(format!("cidrsubnet: {e}")))
}

fn cidrhost(args: &[V]) -> Result<V, CallError> {
    if args.len() != 2 {
        return err("cidrhost expects 2 arguments");
    }
    cidr::cidrhost(&str_arg(args, 0)?, int_arg(args, 1)?)
        .map(V::str)
        .map_err(|e| cidr_error(format!("cidrhost: {e}")))
}

fn cidrsubnets(args: &[V]) -> Result<V, CallError> {
    let prefix = str_arg(args, 0)?;
    let newbits: Vec<i128> = (1..args.len())
        .map(|i| int_arg(args, i))
        .collect::<Result<_, _>>()?;
    cidr::cidrsubnets(&prefix, &newbits)
        .map(|list| V::list(list.into_iter().map(V::str).collect()))
        .map_err(|e| cidr_error(format!("cidrsubnets: {e}")))
}

/// A set is a list sorted and without duplicates (Terraform orders sets of strings
/// lexically, which is the order `for_each` over a set walks).
fn to_list(set: bool, args: &[V]) -> Result<V, CallError> {
    let v = one_arg(args)?;
    let items = match &v.kind {
        // A list stays the one it is: shared, not copied.
        Kind::List(items) if !set => return Ok(V::new(Kind::List(items.clone())).derived([v])),
        Kind::List(items) => items.to_vec(),
        Kind::Map(m) => m.values().cloned().collect(),
        Kind::Null => return Ok(V::null()),
        _ => return err("expects a list or a set"),
    };
    let mut items = items;
    if set {
        let mut out = distinct(items);
        out.sort_by(|a, b| match (a.to_text(), b.to_text()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => std::cmp::Ordering::Equal,
        });
        items = out;
    }
    Ok(V::list(items).derived([v]))
}

/// The items without repeats (as [`V::equals`] tells them), each where it first appears.
/// Equal items are found by a hash, not by comparing each item with every one before it:
/// `distinct()` of 100,000 numbers took 30 s that way.
fn distinct(items: impl IntoIterator<Item = V>) -> Vec<V> {
    use std::hash::BuildHasher;
    let state = std::collections::hash_map::RandomState::new();
    let mut buckets: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    let mut out: Vec<V> = Vec::new();
    for item in items {
        let mut h = state.build_hasher();
        equality_hash(&item, &mut h);
        let bucket = buckets.entry(std::hash::Hasher::finish(&h)).or_default();
        if !bucket.iter().any(|&i| out[i].equals(&item)) {
            bucket.push(out.len());
            out.push(item);
        }
    }
    out
}

/// A hash that values [`V::equals`] finds equal share: numbers by their value as a float
/// (`1` equals `1.0`), lists and maps by their parts.
fn equality_hash(v: &V, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    match &v.kind {
        Kind::Int(_) | Kind::Float(_) => {
            let f = v.as_f64().unwrap_or(0.0);
            // -0.0 equals 0.0.
            let f = if f == 0.0 { 0.0 } else { f };
            (0u8, f.to_bits()).hash(h);
        }
        Kind::Str(s) => (1u8, s).hash(h),
        Kind::Bool(b) => (2u8, b).hash(h),
        Kind::Null => 3u8.hash(h),
        Kind::Unknown => 4u8.hash(h),
        Kind::List(items) => {
            (5u8, items.len()).hash(h);
            for item in items.iter() {
                equality_hash(item, h);
            }
        }
        Kind::Map(m) => {
            (6u8, m.len()).hash(h);
            for (k, item) in m.iter() {
                k.hash(h);
                equality_hash(item, h);
            }
        }
    }
}

fn length(args: &[V]) -> Result<V, CallError> {
    match &one_arg(args)?.kind {
        Kind::List(items) => Ok(V::int(items.len() as i128)),
        Kind::Map(m) => Ok(V::int(m.len() as i128)),
        Kind::Str(s) => Ok(V::int(s.chars().count() as i128)),
        _ => err("length needs a collection or a string"),
    }
}

fn lookup(args: &[V]) -> Result<V, CallError> {
    let key = str_arg(args, 1)?;
    match (&nth(args, 0)?.kind, args.get(2)) {
        (Kind::Map(m), default) => match (m.get(&key), default) {
            (Some(v), _) => Ok(v.clone()),
            (None, Some(d)) => Ok(d.clone()),
            (None, None) => err(format!("lookup: no key \"{key}\"")),
        },
        _ => err("lookup needs a map"),
    }
}

fn merge(args: &[V]) -> Result<V, CallError> {
    let entries = args.iter().map(|a| match &a.kind {
        Kind::Map(m) => m.len() as u128,
        _ => 0,
    });
    items_fit("`merge()`", entries.sum())?;
    let mut out = BTreeMap::new();
    for arg in args {
        match &arg.kind {
            Kind::Map(m) => out.extend(m.iter().map(|(k, v)| (k.clone(), v.clone()))),
            Kind::Null => {}
            _ => return err("merge needs maps or objects"),
        }
    }
    Ok(V::map(out))
}

fn concat(args: &[V]) -> Result<V, CallError> {
    let mut total = 0u128;
    for i in 0..args.len() {
        total += list_arg(args, i)?.len() as u128;
    }
    items_fit("`concat()`", total)?;
    let mut out = Vec::new();
    for i in 0..args.len() {
        out.extend(list_arg(args, i)?.iter().cloned());
    }
    Ok(V::list(out))
}

/// `element` wraps around the end of the list, as Terraform's does.
fn element(args: &[V]) -> Result<V, CallError> {
    let items = list_arg(args, 0)?;
    let index = int_arg(args, 1)?;
    if items.is_empty() {
        return err("element: the list is empty");
    }
    if index < 0 {
        return err("element: a negative index");
    }
    Ok(items[(index % items.len() as i128) as usize].clone())
}

/// The first argument that is neither null nor an empty string.
fn coalesce(args: &[V]) -> Result<V, CallError> {
    args.iter()
        .find(|a| !a.is_null() && a.as_str() != Some(""))
        .cloned()
        .map_or_else(|| err("coalesce: no non-null, non-empty argument"), Ok)
}

/// The first argument (counted from 1) a known format string prints that is null.
fn null_format_argument(args: &[V]) -> Option<usize> {
    let spec = args.first()?.as_str()?;
    let mut next = 1;
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        match chars.next() {
            Some('%') => {}
            Some(_) => {
                if args.get(next).is_some_and(V::is_null) {
                    return Some(next);
                }
                next += 1;
            }
            None => return None,
        }
    }
    None
}

/// `format` as Terraform (go-cty, Go's `fmt`) formats: the flags `-`, `+`, ` ` and `0`, a
/// width, a precision, and the verbs `%s`, `%v`, `%d`, `%q`, `%t`, `%x`, `%X`, `%o`, `%b` and
/// `%%`. `Ok(None)` for what it does not evaluate (`%f`, `%#v`, `%[2]d`, `%*d`), an unknown
/// value then. Each result's size is checked against the budget before it is built.
fn format(args: &[V]) -> Result<Option<V>, CallError> {
    let spec = str_arg(args, 0)?;
    let mut out = String::new();
    let mut next = 1;
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut flags = Flags::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '0' => flags.zero = true,
                '#' => return Ok(None),
                _ => break,
            }
            chars.next();
        }
        let width = digits(&mut chars);
        let precision = if chars.peek() == Some(&'.') {
            chars.next();
            Some(digits(&mut chars).unwrap_or(0))
        } else {
            None
        };
        let Some(verb) = chars.next() else {
            return err("format: the specification ends inside a verb");
        };
        if !matches!(verb, 's' | 'v' | 'd' | 'q' | 't' | 'x' | 'X' | 'o' | 'b') {
            return Ok(None);
        }
        let arg = nth(args, next)?;
        next += 1;
        // Known before it is padded: the padding is charged before it is built.
        let Some(body) = format_one(verb, arg, &flags, precision) else {
            return Ok(None);
        };
        let pad = width
            .unwrap_or(0)
            .saturating_sub(body.text.chars().count() as u128);
        string_fits("`format()`", out.len() as u128 + body.text.len() as u128 + pad)?;
        let pad = pad as usize;
        if flags.left {
            out.push_str(&body.text);
            out.extend(std::iter::repeat_n(' ', pad));
        } else if flags.zero && body.zero_pads {
            // Zeros go after the sign, as Go writes `-0042`.
            let (sign, rest) = body.text.split_at(body.sign_len);
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', pad));
            out.push_str(rest);
        } else {
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(&body.text);
        }
    }
    Ok(Some(V::str(out)))
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
}

/// One verb's text before padding: its sign's length, and whether a `0` flag pads it with
/// zeros (numbers and strings do in Go; `%d` with a precision does not).
struct Formatted {
    text: String,
    sign_len: usize,
    zero_pads: bool,
}

/// A run of decimal digits as a number, saturating (a width of 10^30 is refused by the
/// budget, not wrapped round to a small one).
fn digits(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<u128> {
    let mut n: Option<u128> = None;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        chars.next();
        n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(u128::from(d)));
    }
    n
}

/// One argument formatted by one verb; `None` for a value cniplan does not format (a list
/// under `%v`, a string with characters whose quoting it does not know under `%q`).
fn format_one(verb: char, arg: &V, flags: &Flags, precision: Option<u128>) -> Option<Formatted> {
    let plain = |text: String| Formatted {
        text,
        sign_len: 0,
        zero_pads: true,
    };
    match verb {
        's' | 'v' => {
            // `%v` prints a number as `%g` does (1e+06 from a million): only the numbers
            // `%g` writes as they are, whole and short, are printed here.
            if verb == 'v' && matches!(arg.kind, Kind::Int(_) | Kind::Float(_)) {
                arg.as_int().filter(|n| n.unsigned_abs() < 1_000_000)?;
            }
            let text = arg.to_text()?;
            // The precision of `%s` is how many characters are kept.
            let text = match precision {
                Some(p) if verb == 's' => text.chars().take(p.min(usize::MAX as u128) as usize).collect(),
                Some(_) => return None,
                None => text,
            };
            Some(plain(text))
        }
        't' => arg.as_bool().map(|b| plain(b.to_string())),
        'q' => {
            let s = arg.as_str()?;
            let mut text = String::with_capacity(s.len() + 2);
            text.push('"');
            for c in s.chars() {
                match c {
                    '"' => text.push_str("\\\""),
                    '\\' => text.push_str("\\\\"),
                    '\n' => text.push_str("\\n"),
                    '\r' => text.push_str("\\r"),
                    '\t' => text.push_str("\\t"),
                    c if (' '..='~').contains(&c) || (c as u32 >= 0x80 && c.is_alphanumeric()) => {
                        text.push(c)
                    }
                    // Go's own escapes for the rest (\x07, \u200b) are not guessed.
                    _ => return None,
                }
            }
            text.push('"');
            Some(plain(text))
        }
        _ => {
            let n = match &arg.kind {
                Kind::Str(s) => s.parse::<i128>().ok(),
                _ => arg.as_int(),
            };
            let n = n?;
            let magnitude = n.unsigned_abs();
            let mut digits = match verb {
                'd' => magnitude.to_string(),
                'x' => format!("{magnitude:x}"),
                'X' => format!("{magnitude:X}"),
                'o' => format!("{magnitude:o}"),
                _ => format!("{magnitude:b}"),
            };
            if let Some(p) = precision {
                // A precision is the least number of digits, zeros in front.
                let p = p.min(crate::input::budget::MAX_STRING_BYTES as u128) as usize;
                if digits.len() < p {
                    digits.insert_str(0, &"0".repeat(p - digits.len()));
                }
            }
            let sign = if n < 0 {
                "-"
            } else if flags.plus {
                "+"
            } else if flags.space {
                " "
            } else {
                ""
            };
            Some(Formatted {
                text: format!("{sign}{digits}"),
                sign_len: sign.len(),
                zero_pads: precision.is_none(),
            })
        }
    }
}

fn join(args: &[V]) -> Result<V, CallError> {
    let sep = str_arg(args, 0)?;
    let mut parts = Vec::new();
    for i in 1..args.len() {
        for item in list_arg(args, i)? {
            parts.push(item.to_text().map_or_else(|| err("join needs strings"), Ok)?);
        }
    }
    string_fits(
        "`join()`",
        budget::joined_len(parts.iter().map(String::as_str), &sep),
    )?;
    Ok(V::str(parts.join(&sep)))
}

/// How many items `flatten` makes of `v`, counted without building them.
fn leaves(v: &V) -> u128 {
    match &v.kind {
        Kind::List(items) => items.iter().map(leaves).sum(),
        _ => 1,
    }
}

fn flatten_into(v: &V, out: &mut Vec<V>) {
    match &v.kind {
        Kind::List(items) => items.iter().for_each(|i| flatten_into(i, out)),
        _ => out.push(v.clone()),
    }
}

fn range(args: &[V]) -> Result<V, CallError> {
    let (start, limit, step) = match args.len() {
        1 => (0.0, num_arg(args, 0)?, 1.0),
        2 => (num_arg(args, 0)?, num_arg(args, 1)?, 1.0),
        3 => (num_arg(args, 0)?, num_arg(args, 1)?, num_arg(args, 2)?),
        _ => return err("range expects 1 to 3 arguments"),
    };
    // Terraform's (go-cty's) checks and words: it refuses these calls, so cniplan does too.
    let refused = |why: &str| {
        Err(CallError {
            message: format!("Terraform refuses this call of `range()`: {why}"),
            report: Some(Rule::PlanSchema),
        })
    };
    if step == 0.0 {
        return refused("step must not be zero");
    }
    if step < 0.0 && start < limit {
        return refused("end must be less than start when step is negative");
    }
    if step > 0.0 && limit < start {
        return refused("end must be greater than start when step is positive");
    }
    let mut out = Vec::new();
    let mut x = start;
    while (step > 0.0 && x < limit) || (step < 0.0 && x > limit) {
        if out.len() >= MAX_RANGE {
            return refused(
                "more than 1024 values were generated; either decrease the difference between start and end or use a smaller step",
            );
        }
        out.push(V::number(x));
        x += step;
    }
    Ok(V::list(out))
}

fn zipmap(args: &[V]) -> Result<V, CallError> {
    let keys = list_arg(args, 0)?;
    let values = list_arg(args, 1)?;
    if keys.len() != values.len() {
        return err("zipmap: the lists differ in length");
    }
    let mut out = BTreeMap::new();
    for (k, v) in keys.iter().zip(values) {
        let k = k
            .to_text()
            .map_or_else(|| err("zipmap: keys must be strings"), Ok)?;
        out.insert(k, v.clone());
    }
    Ok(V::map(out))
}

fn slice(args: &[V]) -> Result<V, CallError> {
    let items = list_arg(args, 0)?;
    let (start, end) = (int_arg(args, 1)?, int_arg(args, 2)?);
    if start < 0 || end < start || end > items.len() as i128 {
        return err("slice: indices out of range");
    }
    Ok(V::list(items[start as usize..end as usize].to_vec()))
}

/// `replace`; `Ok(None)` for a regular expression (`/…/`), which cniplan does not evaluate.
fn replace(args: &[V]) -> Result<Option<V>, CallError> {
    let (s, find, with) = (str_arg(args, 0)?, str_arg(args, 1)?, str_arg(args, 2)?);
    if find.len() > 1 && find.starts_with('/') && find.ends_with('/') {
        return Ok(None);
    }
    if find.is_empty() {
        return Ok(Some(V::str(s)));
    }
    string_fits("`replace()`", budget::replaced_len(&s, &find, &with))?;
    Ok(Some(V::str(s.replace(&find, &with))))
}

fn substr(args: &[V]) -> Result<V, CallError> {
    let s: Vec<char> = str_arg(args, 0)?.chars().collect();
    let (offset, length) = (int_arg(args, 1)?, int_arg(args, 2)?);
    let len = s.len() as i128;
    let start = if offset < 0 {
        len.saturating_add(offset).max(0)
    } else {
        offset.min(len)
    };
    let end = if length < 0 {
        len
    } else {
        start.saturating_add(length).min(len)
    };
    Ok(V::str(
        s[start as usize..end.max(start) as usize]
            .iter()
            .collect::<String>(),
    ))
}

/// `jsonencode`: Terraform's JSON, object keys sorted, `<`, `>`, `&`, U+2028 and U+2029
/// escaped as Terraform escapes them. Its length is worked out first, so a huge value is
/// refused before any of it is written.
fn jsonencode(v: &V) -> Result<V, CallError> {
    fn len(v: &V) -> u128 {
        match &v.kind {
            Kind::Unknown | Kind::Null => 4,
            Kind::Bool(_) => 5,
            Kind::Int(n) => n.to_string().len() as u128,
            Kind::Float(f) => super::value::format_float(*f).len() as u128,
            Kind::Str(s) => {
                2 + s
                    .chars()
                    .map(|c| escaped(c).map_or(c.len_utf8(), str::len) as u128)
                    .sum::<u128>()
            }
            Kind::List(items) => 2 + items.iter().map(|i| len(i) + 1).sum::<u128>(),
            Kind::Map(m) => {
                2 + m
                    .iter()
                    .map(|(k, x)| len(&V::str(k.clone())) + len(x) + 2)
                    .sum::<u128>()
            }
        }
    }
    fn escaped(c: char) -> Option<&'static str> {
        Some(match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '<' => "\\u003c",
            '>' => "\\u003e",
            '&' => "\\u0026",
            '\u{2028}' => "\\u2028",
            '\u{2029}' => "\\u2029",
            c if (c as u32) < 0x20 => "\\u00XX",
            _ => return None,
        })
    }
    fn write(v: &V, out: &mut String) -> Result<(), CallError> {
        match &v.kind {
            Kind::Unknown => return err("jsonencode of an unknown value"),
            Kind::Null => out.push_str("null"),
            Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Kind::Int(n) => out.push_str(&n.to_string()),
            Kind::Float(f) if f.is_finite() => out.push_str(&super::value::format_float(*f)),
            Kind::Float(_) => return err("jsonencode of a number JSON cannot hold"),
            Kind::Str(s) => {
                out.push('"');
                for c in s.chars() {
                    match escaped(c) {
                        Some("\\u00XX") => out.push_str(&format!("\\u{:04x}", c as u32)),
                        Some(e) => out.push_str(e),
                        None => out.push(c),
                    }
                }
                out.push('"');
            }
            Kind::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out)?;
                }
                out.push(']');
            }
            Kind::Map(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(&V::str(k.clone()), out)?;
                    out.push(':');
                    write(x, out)?;
                }
                out.push('}');
            }
        }
        Ok(())
    }
    string_fits("`jsonencode()`", len(v))?;
    let mut out = String::new();
    write(v, &mut out)?;
    Ok(V::str(out))
}

/// `jsondecode`: JSON text to a value, numbers whole where they are whole. A text that is
/// no JSON is Terraform's error (the value is unknown); what it holds is counted against
/// [`budget::MAX_ITEMS`].
fn jsondecode(text: &str) -> Result<V, CallError> {
    fn convert(v: serde_json::Value, items: &mut u128) -> Result<V, CallError> {
        *items += 1;
        items_fit("`jsondecode()`", *items)?;
        Ok(match v {
            serde_json::Value::Null => V::null(),
            serde_json::Value::Bool(b) => V::bool(b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => V::int(i128::from(i)),
                None => V::number(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => V::str(s),
            serde_json::Value::Array(a) => {
                let mut out = Vec::with_capacity(a.len());
                for x in a {
                    out.push(convert(x, items)?);
                }
                V::list(out)
            }
            serde_json::Value::Object(o) => {
                let mut out = BTreeMap::new();
                for (k, x) in o {
                    out.insert(k, convert(x, items)?);
                }
                V::map(out)
            }
        })
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => convert(v, &mut 0),
        Err(e) => err(format!("jsondecode: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call_ok(name: &str, args: Vec<V>) -> V {
        match call(name, args) {
            Some(Ok(v)) => v,
            Some(Err(e)) => panic!("{name}: {}", e.message),
            None => panic!("{name} unknown"),
        }
    }

    fn strs(items: &[&str]) -> V {
        V::list(items.iter().map(|s| V::str(*s)).collect())
    }

    /// Go's `fmt` (Terraform's `format`) flags, width and precision; a verb or a value it
    /// does not evaluate is unknown (`None`), never a guess; a width past the string budget
    /// is refused before the padding is built.
    #[test]
    fn format_pads_and_signs_as_terraform_and_leaves_what_it_does_not_evaluate_unknown() {
        let f = |spec: &str, arg: V| {
            call_ok("format", vec![V::str(spec), arg])
                .as_str()
                .map(str::to_string)
        };
        assert_eq!(f("%05d", V::int(1)).as_deref(), Some("00001"));
        assert_eq!(f("%05d", V::int(-42)).as_deref(), Some("-0042"));
        assert_eq!(f("%-4d|", V::int(7)).as_deref(), Some("7   |"));
        assert_eq!(f("%+d", V::int(7)).as_deref(), Some("+7"));
        assert_eq!(f("% d", V::int(7)).as_deref(), Some(" 7"));
        assert_eq!(f("%.3d", V::int(7)).as_deref(), Some("007"));
        assert_eq!(f("%05.3d", V::int(7)).as_deref(), Some("  007"));
        assert_eq!(f("%d", V::str("12")).as_deref(), Some("12"));
        assert_eq!(f("%X", V::int(255)).as_deref(), Some("FF"));
        assert_eq!(f("%x", V::int(255)).as_deref(), Some("ff"));
        assert_eq!(f("%o", V::int(8)).as_deref(), Some("10"));
        assert_eq!(f("%b", V::int(5)).as_deref(), Some("101"));
        assert_eq!(f("%5s|", V::str("ab")).as_deref(), Some("   ab|"));
        assert_eq!(f("%-5s|", V::str("ab")).as_deref(), Some("ab   |"));
        assert_eq!(f("%.2s", V::str("abcd")).as_deref(), Some("ab"));
        assert_eq!(f("%3s", V::str("äöü")).as_deref(), Some("äöü"));
        assert_eq!(f("%v", V::bool(true)).as_deref(), Some("true"));
        assert_eq!(f("%v", V::int(42)).as_deref(), Some("42"));
        assert_eq!(f("%t", V::str("false")).as_deref(), Some("false"));
        assert_eq!(
            f("%q", V::str("a\"b\\c\n")).as_deref(),
            Some("\"a\\\"b\\\\c\\n\"")
        );
        for (spec, arg) in [
            ("%f", V::int(1)),
            ("%#v", V::str("a")),
            ("%[1]d", V::int(1)),
            ("%*d", V::int(1)),
            ("%v", V::int(1_000_000)),
            ("%v", V::list(vec![])),
            ("%q", V::str("\u{7}")),
        ] {
            assert!(call("format", vec![V::str(spec), arg]).is_none(), "{spec}");
        }
        match call("format", vec![V::str("%0999999999d"), V::int(1)]) {
            Some(Err(e)) => assert_eq!(
                (e.report, e.message.as_str()),
                (
                    Some(Rule::PlanSchema),
                    "`format()` would build a string of 999999999 bytes; cniplan evaluates strings of at most 1 MiB"
                )
            ),
            _ => panic!("a width past the budget was built"),
        }
        assert!(call("replace", vec![V::str("a"), V::str("/a/"), V::str("b")]).is_none());
    }

    #[test]
    fn results_past_the_budget_are_refused_with_a_finding_before_they_are_built() {
        let kilo = V::str("x".repeat(1000));
        let mega = call_ok("replace", vec![kilo.clone(), V::str("x"), kilo.clone()]);
        assert_eq!(mega.as_str().map(str::len), Some(1_000_000));
        let refused = |name: &str, args: Vec<V>| match call(name, args) {
            Some(Err(e)) => (e.report, e.message),
            _ => panic!("{name} was built"),
        };
        let (rule, message) = refused("replace", vec![mega.clone(), V::str("x"), mega.clone()]);
        assert_eq!(rule, Some(Rule::PlanSchema));
        assert_eq!(
            message,
            "`replace()` would build a string of 1000000000000 bytes; cniplan evaluates strings of at most 1 MiB"
        );
        let (_, message) = refused("join", vec![mega.clone(), V::list(vec![mega.clone(), mega])]);
        assert!(
            message.starts_with("`join()` would build a string of 3000000 bytes"),
            "{message}"
        );
        let many = V::list((0..60_000).map(|_| V::int(1)).collect());
        let (_, message) = refused("concat", vec![many.clone(), many]);
        assert!(
            message.starts_with("`concat()` would build a collection of 120000 items"),
            "{message}"
        );
    }

    #[test]
    fn collection_functions_follow_terraform() {
        assert_eq!(call_ok("toset", vec![strs(&["b", "a", "b"])]), strs(&["a", "b"]));
        assert_eq!(
            call_ok("concat", vec![strs(&["a"]), strs(&["b"])]),
            strs(&["a", "b"])
        );
        assert_eq!(
            call_ok("element", vec![strs(&["a", "b"]), V::int(3)]),
            V::str("b")
        );
        assert_eq!(call_ok("length", vec![strs(&["a", "b"])]), V::int(2));
        let m = call_ok("zipmap", vec![strs(&["k"]), strs(&["v"])]);
        assert_eq!(call_ok("lookup", vec![m.clone(), V::str("k")]), V::str("v"));
        assert_eq!(
            call_ok("lookup", vec![m.clone(), V::str("x"), V::str("d")]),
            V::str("d")
        );
        let merged = call_ok(
            "merge",
            vec![m, call_ok("zipmap", vec![strs(&["k"]), strs(&["w"])])],
        );
        assert_eq!(call_ok("values", vec![merged]), strs(&["w"]));
        assert_eq!(
            call_ok("range", vec![V::int(3)]),
            V::list(vec![V::int(0), V::int(1), V::int(2)])
        );
        assert!(call("range", vec![V::int(5000)]).is_some_and(|r| r.is_err()));
        assert_eq!(
            call_ok("coalesce", vec![V::null(), V::str(""), V::str("x")]),
            V::str("x")
        );
    }

    #[test]
    fn strings_and_cidrs() {
        assert_eq!(
            call_ok("format", vec![V::str("%s-%d%%"), V::str("a"), V::int(7)]),
            V::str("a-7%")
        );
        assert_eq!(
            call_ok("join", vec![V::str(","), strs(&["a", "b"])]),
            V::str("a,b")
        );
        assert_eq!(
            call_ok("cidrsubnet", vec![V::str("10.0.0.0/16"), V::int(8), V::int(2)]),
            V::str("10.0.2.0/24")
        );
        assert_eq!(
            call_ok("cidrsubnets", vec![V::str("10.1.0.0/16"), V::int(4), V::int(4)]),
            strs(&["10.1.0.0/20", "10.1.16.0/20"])
        );
        let e = call("cidrsubnet", vec![V::str("10.0.0.0/24"), V::int(9), V::int(0)]);
        assert!(e.is_some_and(|r| r.is_err_and(|e| e.report == Some(Rule::InvalidCidr))));
    }

    #[test]
    fn unknown_arguments_make_unknown_results_and_unknown_functions_say_so() {
        assert!(call_ok("cidrsubnet", vec![V::unknown(), V::int(8), V::int(2)]).is_unknown());
        // A list with an unknown element still has a length.
        assert_eq!(call_ok("length", vec![V::list(vec![V::unknown()])]), V::int(1));
        assert!(call("provider_thing", vec![]).is_none());
    }

    #[test]
    fn jsonencode_and_jsondecode_round_trip_as_terraform_writes_json() {
        let v = V::map(BTreeMap::from([
            (
                "b".to_string(),
                V::list(vec![V::int(1), V::bool(true), V::null()]),
            ),
            ("a".to_string(), V::str("<x&\"y\">\n")),
        ]));
        let Some(Ok(text)) = call("jsonencode", vec![v.clone()]) else {
            panic!()
        };
        assert_eq!(
            text.as_str(),
            Some(r#"{"a":"\u003cx\u0026\"y\"\u003e\n","b":[1,true,null]}"#)
        );
        let Some(Ok(back)) = call("jsondecode", vec![text]) else {
            panic!()
        };
        assert!(back.equals(&v));
        assert!(matches!(call("jsondecode", vec![V::str("{")]), Some(Err(_))));
    }
}
