//! The values template expressions compute: JSON's kinds, plus values nothing offline can
//! know (`Unknown`, with the reason) and lambdas. Each value keeps the place it was written,
//! so a finding about a pool's `maxCount` points at the parameter file's `5`, not at the
//! expression that passed it along.
//!
//! JSON read as is (parameter files, az exports) stays a reference into its document tree:
//! a 100 MB export is never copied, only the values a reader asks for are looked at.

use super::expr::Expr;
use crate::diagnostic::Span;
use crate::input::budget;
use crate::input::tree::{Node, Value as Json};
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct Val<'a> {
    pub kind: Kind<'a>,
    /// Where the value was written; for a computed value, the expression that computed it.
    pub span: Span,
    /// Whether it rests on a parameter's default, which a deployment may replace: a call ARM
    /// would refuse with such a value is a note, not an error (an empty default is a common
    /// stand-in for "pass one", as in Enterprise-Scale's `vwanHubResourceId`).
    pub from_default: bool,
    /// An object that holds only part of what Azure returns (`resourceGroup()`, a
    /// deployment's `reference()`): a property it lacks may still exist, so reading one is
    /// unknown, not a property ARM refuses.
    pub open: bool,
}

#[derive(Clone, Debug)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    Array(Rc<Vec<Val<'a>>>),
    /// Keys in written order; looked up without case, as ARM does.
    Object(Rc<Vec<(Rc<str>, Val<'a>)>>),
    /// A JSON array or object taken as is, without expressions in it.
    Json(&'a Node<'a>),
    /// What cannot be known offline; the text says why, for the note that reports it.
    Unknown(Rc<str>),
    Lambda(Rc<Lambda<'a>>),
}

/// `lambda('x', body)`: parameter names and the body, with where the body's text starts.
#[derive(Debug)]
pub struct Lambda<'a> {
    pub params: Vec<Rc<str>>,
    pub body: Rc<Expr>,
    pub base: Option<usize>,
    /// The expression string the body is written in.
    pub whole: Span,
    pub captured: Rc<Vec<(Rc<str>, Val<'a>)>>,
}

impl<'a> Val<'a> {
    pub fn new(kind: Kind<'a>, span: Span) -> Self {
        Val {
            kind,
            span,
            from_default: false,
            open: false,
        }
    }

    /// The same object, marked as holding only part of Azure's (see `open`).
    pub fn open(self) -> Self {
        self.opened(true)
    }

    pub fn opened(mut self, yes: bool) -> Self {
        self.open |= yes;
        self
    }

    /// The same value, resting on a parameter's default when `yes` (see `from_default`).
    pub fn defaulted(mut self, yes: bool) -> Self {
        self.from_default |= yes;
        self
    }

    pub fn null(span: Span) -> Self {
        Val::new(Kind::Null, span)
    }

    pub fn str(text: impl Into<Rc<str>>, span: Span) -> Self {
        Val::new(Kind::Str(text.into()), span)
    }

    pub fn int(n: i64, span: Span) -> Self {
        Val::new(Kind::Int(n), span)
    }

    pub fn bool(b: bool, span: Span) -> Self {
        Val::new(Kind::Bool(b), span)
    }

    pub fn array(items: Vec<Val<'a>>, span: Span) -> Self {
        Val::new(Kind::Array(Rc::new(items)), span)
    }

    pub fn object(entries: Vec<(Rc<str>, Val<'a>)>, span: Span) -> Self {
        Val::new(Kind::Object(Rc::new(entries)), span)
    }

    pub fn unknown(why: impl Into<Rc<str>>, span: Span) -> Self {
        Val::new(Kind::Unknown(why.into()), span)
    }

    /// A JSON value read as is: scalars now, containers when looked into.
    pub fn json(node: &'a Node<'a>) -> Self {
        let kind = match &node.value {
            Json::Null | Json::Taken => Kind::Null,
            Json::Bool(b) => Kind::Bool(*b),
            Json::Int(n) => match i64::try_from(*n) {
                Ok(n) => Kind::Int(n),
                Err(_) => Kind::Unknown(literal_number(&n.to_string(), true).into()),
            },
            // ARM integers are 64-bit; a fraction has no use in networking values.
            Json::Float(f) => Kind::Unknown(literal_number(&f.to_string(), f.fract() == 0.0).into()),
            Json::Str(s) => Kind::Str(Rc::from(s.as_ref())),
            Json::Seq(_) | Json::Map(_) => Kind::Json(node),
        };
        Val::new(kind, node.span)
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    pub fn unknown_reason(&self) -> Option<&str> {
        match &self.kind {
            Kind::Unknown(why) => Some(why),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self.kind {
            Kind::Int(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn is_array(&self) -> bool {
        match &self.kind {
            Kind::Array(_) => true,
            Kind::Json(node) => matches!(node.value, Json::Seq(_)),
            _ => false,
        }
    }

    pub fn is_object(&self) -> bool {
        match &self.kind {
            Kind::Object(_) => true,
            Kind::Json(node) => matches!(node.value, Json::Map(_)),
            _ => false,
        }
    }

    /// The items of an array; `None` for anything else.
    pub fn items(&self) -> Option<Vec<Val<'a>>> {
        match &self.kind {
            Kind::Array(items) => Some(items.as_ref().clone()),
            Kind::Json(node) => match &node.value {
                Json::Seq(items) => Some(items.iter().map(Val::json).collect()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Item `i` of an array, without copying the others: `x[i]` inside a copy loop reads one
    /// item per iteration, and copying all of them each time made a loop over n items n² work.
    pub fn item(&self, i: usize) -> Option<Val<'a>> {
        match &self.kind {
            Kind::Array(items) => items.get(i).cloned(),
            Kind::Json(node) => match &node.value {
                Json::Seq(items) => items.get(i).map(Val::json),
                _ => None,
            },
            _ => None,
        }
    }

    /// How many items an array or object has (characters of a string), without copying them.
    pub fn count(&self) -> Option<usize> {
        match &self.kind {
            Kind::Array(items) => Some(items.len()),
            Kind::Json(node) => match &node.value {
                Json::Seq(items) => Some(items.len()),
                Json::Map(entries) => Some(entries.len()),
                _ => None,
            },
            Kind::Object(entries) => Some(entries.len()),
            Kind::Str(s) => Some(s.chars().count()),
            _ => None,
        }
    }

    /// The entries of an object, in written order; `None` for anything else.
    pub fn entries(&self) -> Option<Vec<(Rc<str>, Val<'a>)>> {
        match &self.kind {
            Kind::Object(entries) => Some(entries.as_ref().clone()),
            Kind::Json(node) => match &node.value {
                Json::Map(entries) => Some(
                    entries
                        .iter()
                        .map(|e| (Rc::from(e.key.as_ref()), Val::json(&e.value)))
                        .collect(),
                ),
                _ => None,
            },
            _ => None,
        }
    }

    /// A property, matched without case as ARM and the Azure REST API match them.
    pub fn get(&self, key: &str) -> Option<Val<'a>> {
        match &self.kind {
            Kind::Object(entries) => entries
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.clone()),
            Kind::Json(node) => node
                .entries()
                .iter()
                .find(|e| e.key.eq_ignore_ascii_case(key))
                .map(|e| Val::json(&e.value)),
            _ => None,
        }
    }

    /// The ARM type name, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "bool",
            Kind::Int(_) => "int",
            Kind::Str(_) => "string",
            Kind::Array(_) => "array",
            Kind::Object(_) => "object",
            Kind::Json(node) => match node.value {
                Json::Seq(_) => "array",
                _ => "object",
            },
            Kind::Unknown(_) => "unknown value",
            Kind::Lambda(_) => "lambda",
        }
    }

    /// What the value is, for messages: `the string "x"`, `an array`.
    pub fn describe(&self) -> String {
        match &self.kind {
            Kind::Str(s) if s.chars().count() > 40 => "a long string".to_string(),
            Kind::Str(s) => format!("the string \"{s}\""),
            Kind::Int(n) => format!("the number {n}"),
            Kind::Bool(b) => format!("`{b}`"),
            Kind::Null => "null".to_string(),
            _ => format!("an {}", self.type_name()),
        }
    }

    /// Values in this value, itself included: what copying it costs. A step of a walk
    /// ([`budget::walk_step`]) per value; 0 once the walk gives up.
    pub fn size(&self) -> u64 {
        if !budget::walk_step() {
            return 0;
        }
        match &self.kind {
            Kind::Array(items) => 1 + items.iter().map(Val::size).sum::<u64>(),
            Kind::Object(entries) => 1 + entries.iter().map(|(_, v)| v.size()).sum::<u64>(),
            Kind::Json(node) => node.size(),
            Kind::Str(s) => 1 + s.len() as u64 / 64,
            _ => 1,
        }
    }

    /// The same value, said to come from `span` (a computed value takes its expression's).
    pub fn at(mut self, span: Span) -> Self {
        self.span = span;
        self
    }
}

/// Deep equality as `equals()` and `contains()` see it: strings with case, object keys
/// without.
/// One step of a walk ([`budget::walk_step`]) per pair of values compared; values that are
/// one value (a variable read twice) are the same without a walk.
pub fn same(a: &Val<'_>, b: &Val<'_>) -> bool {
    if !budget::walk_step() {
        return false;
    }
    match (&a.kind, &b.kind) {
        (Kind::Array(x), Kind::Array(y)) if Rc::ptr_eq(x, y) => true,
        (Kind::Object(x), Kind::Object(y)) if Rc::ptr_eq(x, y) => true,
        (Kind::Json(x), Kind::Json(y)) if std::ptr::eq(*x, *y) => true,
        (Kind::Null, Kind::Null) => true,
        (Kind::Bool(x), Kind::Bool(y)) => x == y,
        (Kind::Int(x), Kind::Int(y)) => x == y,
        (Kind::Str(x), Kind::Str(y)) => x == y,
        _ if a.is_array() && b.is_array() => match (a.items(), b.items()) {
            (Some(x), Some(y)) => x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| same(p, q)),
            _ => false,
        },
        _ if a.is_object() && b.is_object() => match (a.entries(), b.entries()) {
            (Some(x), Some(y)) => {
                x.len() == y.len()
                    && x.iter().all(|(k, v)| {
                        y.iter()
                            .find(|(k2, _)| k2.eq_ignore_ascii_case(k))
                            .is_some_and(|(_, v2)| same(v, v2))
                    })
            }
            _ => false,
        },
        _ => false,
    }
}

/// Values told apart as [`same`] tells them, found by a hash instead of by comparing each
/// new value with every one before it: `union()` of 100,000 items took 30 s that way.
pub struct Distinct<'a> {
    state: std::collections::hash_map::RandomState,
    buckets: std::collections::HashMap<u64, Vec<usize>>,
    pub items: Vec<Val<'a>>,
}

impl<'a> Distinct<'a> {
    pub fn new() -> Self {
        Distinct {
            state: std::collections::hash_map::RandomState::new(),
            buckets: std::collections::HashMap::new(),
            items: Vec::new(),
        }
    }

    /// Keeps `v` unless a value the same as it is kept already; whether it was kept.
    pub fn insert(&mut self, v: Val<'a>) -> bool {
        let key = self.key(&v);
        let bucket = self.buckets.entry(key).or_default();
        if bucket.iter().any(|&i| same(&self.items[i], &v)) {
            return false;
        }
        bucket.push(self.items.len());
        self.items.push(v);
        true
    }

    pub fn contains(&self, v: &Val<'_>) -> bool {
        self.buckets
            .get(&self.key(v))
            .is_some_and(|bucket| bucket.iter().any(|&i| same(&self.items[i], v)))
    }

    fn key(&self, v: &Val<'_>) -> u64 {
        use std::hash::BuildHasher;
        let mut h = self.state.build_hasher();
        self.hash(v, &mut h);
        std::hash::Hasher::finish(&h)
    }

    /// What [`same`] compares: values it finds the same hash alike (object entries in any
    /// order, keys without case).
    fn hash(&self, v: &Val<'_>, h: &mut impl std::hash::Hasher) {
        use std::hash::{BuildHasher, Hash};
        if !budget::walk_step() {
            return;
        }
        match &v.kind {
            Kind::Null => 0u8.hash(h),
            Kind::Bool(b) => (1u8, b).hash(h),
            Kind::Int(n) => (2u8, n).hash(h),
            Kind::Str(s) => (3u8, s.as_ref()).hash(h),
            _ if v.is_array() => {
                let items = v.items().unwrap_or_default();
                (4u8, items.len()).hash(h);
                for item in &items {
                    self.hash(item, h);
                }
            }
            _ if v.is_object() => {
                let entries = v.entries().unwrap_or_default();
                let mut sum = 0u64;
                for (k, item) in &entries {
                    let mut e = self.state.build_hasher();
                    k.to_ascii_lowercase().hash(&mut e);
                    self.hash(item, &mut e);
                    sum = sum.wrapping_add(std::hash::Hasher::finish(&e));
                }
                (5u8, entries.len(), sum).hash(h);
            }
            // Never the same as anything: any hash will do.
            _ => 6u8.hash(h),
        }
    }
}

impl Default for Distinct<'_> {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a number written in the JSON is no ARM integer: too large for 64 bits, or a fraction.
/// Not unknown in truth: [`is_literal_number`] lets a reader that wants a count refuse it
/// where it is written.
pub fn literal_number(number: &str, whole: bool) -> String {
    if whole {
        format!("the number {number}, beyond 64 bits{LITERAL}")
    } else {
        format!("the number {number}, which is not a whole number{LITERAL}")
    }
}

/// Marks [`literal_number`]'s reasons (no name holds `;` or a space).
const LITERAL: &str = "; ARM integers are whole numbers of 64 bits";

/// Whether an unknown value's reason is a number written in the input that is no integer.
pub fn is_literal_number(reason: &str) -> bool {
    reason.ends_with(LITERAL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn json_values_are_read_in_place_and_looked_up_without_case() {
        let src = SourceFile::new("p.json", r#"{"Count": 3, "list": [1, "a"], "f": 1.5}"#);
        let doc = crate::input::json::parse(&src, 0).unwrap();
        let root = Val::json(doc.root.as_ref().unwrap());
        assert_eq!(root.get("count").and_then(|v| v.as_int()), Some(3));
        let list = root.get("LIST").unwrap();
        assert_eq!(list.count(), Some(2));
        assert_eq!(list.items().unwrap()[1].as_str(), Some("a"));
        assert!(root.get("f").unwrap().unknown_reason().is_some());
        assert!(root.get("missing").is_none());
    }

    #[test]
    fn equality_is_deep_with_case_for_strings_only() {
        let s = Span::default();
        let a = Val::object(vec![("Key".into(), Val::str("x", s))], s);
        let b = Val::object(vec![("key".into(), Val::str("x", s))], s);
        let c = Val::object(vec![("key".into(), Val::str("X", s))], s);
        assert!(same(&a, &b));
        assert!(!same(&a, &c));
    }
}
