//! Typed values from a span tree through serde, with every error collected.
//!
//! A serde derive stops at the first error; this deserializer never gives it one. A value of
//! the wrong type is recorded and read as a placeholder (0, "", an empty list), an unknown
//! or repeated key is recorded and skipped, a missing required field is recorded and read as
//! a placeholder, an unknown enum variant is recorded and read as the first. So one pass
//! reports every problem of a file, each at its value, and a caller that got any error
//! discards the placeholders. Which fields are required comes from the model's JSON Schema
//! (schemars reads the same serde attributes), so the model types stay plain serde derives.
//!
//! [`Spanned`] fields receive the place of their value: the alias that brought it, if any,
//! else its text.

use super::tree::{Node, Value};
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Rule, Span, Spanned};
use crate::suggest;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// The struct name and fields a [`Spanned`] asks for: this deserializer answers it with the
/// value's place.
const SPANNED: &str = "$cniplan::Spanned";
const SPANNED_FIELDS: &[&str] = &["$file", "$start", "$end", "$value"];

/// What the deserializer knows of a struct: how to name it in messages and which of its
/// fields must be written.
#[derive(Clone, Debug, Default)]
pub struct StructInfo {
    pub description: &'static str,
    pub required: Vec<String>,
}

/// One document's reading: its text (for scalars read as written), the structs it may hold,
/// and the findings so far.
pub struct Reader<'t> {
    text: &'t str,
    structs: &'t BTreeMap<&'static str, StructInfo>,
    findings: RefCell<Vec<Finding>>,
}

impl<'t> Reader<'t> {
    pub fn new(text: &'t str, structs: &'t BTreeMap<&'static str, StructInfo>) -> Self {
        Reader {
            text,
            structs,
            findings: RefCell::new(Vec::new()),
        }
    }

    /// `T` read from `node`; the findings say whether the value is trustworthy.
    pub fn read<T: DeserializeOwned>(self, node: &Node) -> (Option<T>, Vec<Finding>) {
        self.read_as(node, Field::Root)
    }

    /// `T` read from `node`, an item of the list under `key`: messages name the field as
    /// they would when reading the whole document.
    pub fn read_item<T: DeserializeOwned>(self, node: &Node, key: &str) -> (Option<T>, Vec<Finding>) {
        self.read_as(node, Field::ItemOf(key))
    }

    fn read_as<T: DeserializeOwned>(self, node: &Node, field: Field<'_>) -> (Option<T>, Vec<Finding>) {
        let de = De {
            node: Some(node),
            via: node.alias(),
            at: node.place(),
            field,
            r: &self,
        };
        let value = match T::deserialize(de) {
            Ok(value) => Some(value),
            Err(e) => {
                self.record(e.span.unwrap_or(node.place()), e.message, None);
                None
            }
        };
        (value, self.findings.into_inner())
    }

    fn record(&self, span: Span, message: String, help: Option<String>) {
        let mut finding = Finding::new(Rule::PlanSchema, span, message);
        finding.help = help.map(String::into_boxed_str);
        self.findings.borrow_mut().push(finding);
    }

    fn describe(&self, name: &str) -> &'static str {
        self.structs.get(name).map_or("a mapping", |s| s.description)
    }
}

/// An error serde itself raises; this deserializer raises none of its own.
#[derive(Debug)]
pub struct Error {
    message: String,
    span: Option<Span>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            message: msg.to_string(),
            span: None,
        }
    }
}

/// Which value is being read, for messages: "`node_count` must be …".
#[derive(Clone, Copy)]
enum Field<'n> {
    Root,
    Key(&'n str),
    ItemOf(&'n str),
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Root => f.write_str("the document"),
            Field::Key(k) => write!(f, "`{k}`"),
            Field::ItemOf(k) => write!(f, "each item of `{k}`"),
        }
    }
}

struct De<'r, 'n, 'a> {
    /// `None` for a required field that is not written.
    node: Option<&'n Node<'a>>,
    /// The innermost alias the value was reached through.
    via: Option<Span>,
    /// Where a finding about the value goes.
    at: Span,
    field: Field<'n>,
    r: &'r Reader<'r>,
}

impl<'r, 'n, 'a> De<'r, 'n, 'a> {
    fn child(&self, node: &'n Node<'a>, field: Field<'n>) -> Self {
        let via = node.alias().or(self.via);
        De {
            // A value taken out of the tree was read on its own; here it reads as nothing,
            // silently.
            node: Some(node).filter(|n| !matches!(n.value, Value::Taken)),
            via,
            at: via.unwrap_or(node.span),
            field,
            r: self.r,
        }
    }

    /// Records that the value is not what the model takes (or is missing).
    fn wrong(&self, expected: &str) {
        let Some(node) = self.node else {
            return; // Reported once, by the mapping that lacks it.
        };
        let help = match &node.value {
            Value::Str(s) if expected.contains("number") && s.trim().parse::<f64>().is_ok() => {
                Some(format!("write the number without quotes: `{}`", s.trim()))
            }
            Value::Null => Some("write a value, or leave the key out for its default".to_string()),
            _ => None,
        };
        self.r.record(
            self.at,
            format!("{} must be {expected}, not {}", self.field, node.describe()),
            help,
        );
    }

    /// The integer value when it lies in `min..=max`; otherwise records why not.
    fn int(&self, min: i128, max: i128, expected: &str) -> Option<i128> {
        match self.node.map(|n| &n.value) {
            Some(Value::Int(n)) if (min..=max).contains(n) => Some(*n),
            Some(Value::Int(n)) => {
                self.r.record(
                    self.at,
                    format!("{} must be {expected}; {n} is out of range", self.field),
                    None,
                );
                None
            }
            _ => {
                self.wrong(expected);
                None
            }
        }
    }

    /// A plain scalar read as text: what was written, so `2.40` stays `2.40`.
    fn written(&self, node: &Node) -> String {
        let text = self.r.text.get(node.span.start..node.span.end).unwrap_or("");
        text.to_string()
    }
}

macro_rules! integers {
    ($($method:ident: $ty:ty => $visit:ident as $as:ty, $expected:literal;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                let n = self.int(i128::from(<$ty>::MIN), i128::from(<$ty>::MAX), $expected);
                visitor.$visit(n.unwrap_or(0) as $as)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for De<'_, '_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some(node) = self.node else {
            return visitor.visit_unit();
        };
        match &node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(n) => match (u64::try_from(*n), i64::try_from(*n)) {
                (Ok(u), _) => visitor.visit_u64(u),
                (_, Ok(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(*n as f64),
            },
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Str(s) => visitor.visit_str(s),
            Value::Seq(items) => visitor.visit_seq(SeqAcc {
                de: &self,
                items: items.iter(),
            }),
            Value::Map(_) => visitor.visit_map(MapAcc::new(&self, None)),
            Value::Taken => visitor.visit_unit(),
        }
    }

    integers! {
        deserialize_u8: u8 => visit_u64 as u64, "a whole number from 0 to 255";
        deserialize_u16: u16 => visit_u64 as u64, "a whole number from 0 to 65,535";
        deserialize_u32: u32 => visit_u64 as u64, "a whole number from 0 to 4,294,967,295";
        deserialize_u64: u64 => visit_u64 as u64, "a whole number of at least 0";
        deserialize_i8: i8 => visit_i64 as i64, "a whole number";
        deserialize_i16: i16 => visit_i64 as i64, "a whole number";
        deserialize_i32: i32 => visit_i64 as i64, "a whole number";
        deserialize_i64: i64 => visit_i64 as i64, "a whole number";
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.map(|n| &n.value) {
            Some(Value::Int(n)) => visitor.visit_f64(*n as f64),
            Some(Value::Float(f)) => visitor.visit_f64(*f),
            _ => {
                self.wrong("a number");
                visitor.visit_f64(0.0)
            }
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.map(|n| &n.value) {
            Some(Value::Bool(b)) => visitor.visit_bool(*b),
            _ => {
                self.wrong("`true` or `false`");
                visitor.visit_bool(false)
            }
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node {
            Some(node) => match &node.value {
                Value::Str(s) => visitor.visit_str(s),
                Value::Int(_) | Value::Float(_) | Value::Bool(_) => visitor.visit_string(self.written(node)),
                _ => {
                    self.wrong("a string");
                    visitor.visit_str("")
                }
            },
            None => visitor.visit_str(""),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.map(|n| &n.value) {
            None | Some(Value::Null) => visitor.visit_none(),
            Some(_) => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items: &[Node] = match self.node.map(|n| &n.value) {
            Some(Value::Seq(items)) => items,
            _ => {
                self.wrong("a list");
                &[]
            }
        };
        visitor.visit_seq(SeqAcc {
            de: &self,
            items: items.iter(),
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.map(|n| &n.value) {
            Some(Value::Map(_)) | Some(Value::Null) | None => {}
            _ => self.wrong("a mapping"),
        }
        visitor.visit_map(MapAcc::new(&self, None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            return visitor.visit_map(SpannedAcc { de: self, next: 0 });
        }
        let description = self.r.describe(name);
        match self.node.map(|n| &n.value) {
            // `allocation:` with nothing after it reads as an empty mapping.
            Some(Value::Map(_)) | Some(Value::Null) => {}
            Some(_) => self.wrong(description),
            // The struct's own field is missing: its parent said so.
            None => {}
        }
        let info = self.r.structs.get(name);
        visitor.visit_map(MapAcc::new(&self, Some((description, fields, info))))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Azure compares its enum values without case; so do we.
        let written = self.node.and_then(|n| match &n.value {
            Value::Str(s) => Some(s.as_ref()),
            _ => None,
        });
        let chosen = written.and_then(|w| variants.iter().find(|v| v.eq_ignore_ascii_case(w.trim())));
        let variant = match chosen {
            Some(v) => v,
            None => {
                if let Some(node) = self.node {
                    let listed = variants
                        .iter()
                        .map(|v| format!("`{v}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let help = written
                        .and_then(|w| suggest::nearest(w, variants.iter().copied()))
                        .map(|n| format!("did you mean `{n}`?"))
                        .unwrap_or_else(|| format!("write one of {listed}"));
                    self.r.record(
                        self.at,
                        format!("{} must be one of {listed}, not {}", self.field, node.describe()),
                        Some(help),
                    );
                }
                variants.first().copied().unwrap_or("")
            }
        };
        visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(variant))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

struct SeqAcc<'d, 'r, 'n, 'a> {
    de: &'d De<'r, 'n, 'a>,
    items: std::slice::Iter<'n, Node<'a>>,
}

impl<'de> de::SeqAccess<'de> for SeqAcc<'_, '_, '_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let field = match self.de.field {
            Field::Key(k) | Field::ItemOf(k) => Field::ItemOf(k),
            Field::Root => Field::Root,
        };
        seed.deserialize(self.de.child(item, field)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A struct's (or a map's) entries: for a struct, unknown and repeated keys are recorded and
/// skipped, and missing required fields are handed to the struct as missing values.
struct MapAcc<'d, 'r, 'n, 'a> {
    de: &'d De<'r, 'n, 'a>,
    entries: &'n [super::tree::Entry<'a>],
    next: usize,
    /// For a struct: its description and fields, and the required fields not written.
    fields: Option<(&'static str, &'static [&'static str])>,
    missing: Vec<&'static str>,
    /// The entry whose value comes next, or the missing field.
    pending: Option<Pending<'n, 'a>>,
}

enum Pending<'n, 'a> {
    Entry(&'n super::tree::Entry<'a>),
    Missing(&'static str),
}

impl<'d, 'r, 'n, 'a> MapAcc<'d, 'r, 'n, 'a> {
    fn new(
        de: &'d De<'r, 'n, 'a>,
        strukt: Option<(&'static str, &'static [&'static str], Option<&StructInfo>)>,
    ) -> Self {
        let entries = de.node.map_or(&[][..], |n| n.entries());
        let mut acc = MapAcc {
            de,
            entries,
            next: 0,
            fields: strukt.map(|(d, f, _)| (d, f)),
            missing: Vec::new(),
            pending: None,
        };
        if let Some((description, fields, info)) = strukt {
            acc.check_keys(description, fields, info);
        }
        acc
    }

    /// Records unknown, repeated and missing keys once, before serde sees any. A struct with
    /// no node (missing, or taken out of the tree) still gets its required fields as
    /// placeholders, silently: its parent already said what there was to say.
    fn check_keys(&mut self, description: &str, fields: &'static [&'static str], info: Option<&StructInfo>) {
        let r = self.de.r;
        let quiet = self.de.node.is_none();
        let mut suggested = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let key = entry.key.as_ref();
            let key_at = entry.value.alias().or(self.de.via).unwrap_or(entry.key_span);
            if fields.contains(&key) {
                if let Some(first) = self.entries[..i].iter().find(|e| e.key == key) {
                    r.findings.borrow_mut().push(
                        Finding::new(
                            Rule::PlanSchema,
                            key_at,
                            format!("`{key}` is written twice in {description}"),
                        )
                        .help("keep one; keys are unique within a mapping")
                        .related(first.key_span, "first written here"),
                    );
                }
                continue;
            }
            // A misspelt key with one near field: renaming it is the fix (a plan key is
            // cniplan's own, so it is safe).
            let rename = suggest::nearest(key, fields.iter().copied())
                .filter(|_| !key.is_empty())
                .map(|n| {
                    Fix::new(Applicability::Safe).candidate(
                        format!("rename `{key}` to `{n}`"),
                        format!("did you mean `{n}`?"),
                        vec![Edit::replace(entry.key_span, key, n)],
                    )
                });
            let (message, help) = if key.is_empty() {
                (
                    format!("a key in {description} is not a plain name"),
                    format!("{description} takes: {}", fields.join(", ")),
                )
            } else {
                let near = suggest::nearest(key, fields.iter().copied());
                if let Some(n) = near {
                    suggested.push(n);
                }
                (
                    format!("unknown key `{key}` in {description}"),
                    match near {
                        Some(n) => format!("did you mean `{n}`?"),
                        None => format!("{description} takes: {}", fields.join(", ")),
                    },
                )
            };
            let mut finding = Finding::new(Rule::PlanSchema, key_at, message).help(help);
            if let Some(fix) = rename {
                finding = finding.fix(fix);
            }
            r.findings.borrow_mut().push(finding);
        }
        let Some(info) = info else { return };
        for field in fields {
            let written = self.entries.iter().any(|e| e.key == *field);
            if written || !info.required.iter().any(|r| r == field) {
                continue;
            }
            self.missing.push(field);
            // A misspelt key already said "did you mean `field`?": that is this same mistake.
            if !suggested.contains(field) && !quiet {
                r.record(
                    self.de.at,
                    format!("{description} needs `{field}`"),
                    Some(format!("add `{field}`; `cniplan schema` lists every field")),
                );
            }
        }
    }
}

impl<'de> de::MapAccess<'de> for MapAcc<'_, '_, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        while let Some(entry) = self.entries.get(self.next) {
            self.next += 1;
            if let Some((_, fields)) = self.fields {
                let key = entry.key.as_ref();
                let first = self.entries[..self.next - 1].iter().all(|e| e.key != key);
                if !fields.contains(&key) || !first {
                    continue;
                }
            }
            self.pending = Some(Pending::Entry(entry));
            return seed
                .deserialize(IntoDeserializer::<Error>::into_deserializer(entry.key.as_ref()))
                .map(Some);
        }
        match self.missing.pop() {
            Some(field) => {
                self.pending = Some(Pending::Missing(field));
                seed.deserialize(IntoDeserializer::<Error>::into_deserializer(field))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.pending.take() {
            Some(Pending::Entry(entry)) => {
                seed.deserialize(self.de.child(&entry.value, Field::Key(&entry.key)))
            }
            Some(Pending::Missing(field)) => seed.deserialize(De {
                node: None,
                via: self.de.via,
                at: self.de.at,
                field: Field::Key(field),
                r: self.de.r,
            }),
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }
}

/// Hands a [`Spanned`] its value's place, then the value.
struct SpannedAcc<'r, 'n, 'a> {
    de: De<'r, 'n, 'a>,
    next: usize,
}

impl<'de> de::MapAccess<'de> for SpannedAcc<'_, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(key) = SPANNED_FIELDS.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(IntoDeserializer::<Error>::into_deserializer(*key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let at = self.de.at;
        let field = self.next;
        self.next += 1;
        let number = |n: usize| IntoDeserializer::<Error>::into_deserializer(n as u64);
        match field {
            0 => seed.deserialize(number(at.file as usize)),
            1 => seed.deserialize(number(at.start)),
            2 => seed.deserialize(number(at.end)),
            _ => seed.deserialize(De {
                node: self.de.node,
                via: self.de.via,
                at,
                field: self.de.field,
                r: self.de.r,
            }),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
            type Value = Spanned<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value read by cniplan's own reader")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
                let missing = || de::Error::custom("a spanned value without its place");
                let mut place = [0u64; 3];
                for slot in &mut place {
                    map.next_key::<de::IgnoredAny>()?.ok_or_else(missing)?;
                    *slot = map.next_value()?;
                }
                map.next_key::<de::IgnoredAny>()?.ok_or_else(missing)?;
                let value = map.next_value::<T>()?;
                let [file, start, end] = place;
                Ok(Spanned::new(
                    value,
                    Span::in_file(file as u32, start as usize, end as usize),
                ))
            }
        }

        deserializer.deserialize_struct(SPANNED, SPANNED_FIELDS, SpannedVisitor(std::marker::PhantomData))
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// Each struct of a model with its required fields, read from the model's JSON Schema.
pub fn struct_infos(
    schema: &schemars::Schema,
    root: &'static str,
    descriptions: &[(&'static str, &'static str)],
) -> BTreeMap<&'static str, StructInfo> {
    let required = |s: &serde_json::Value| -> Vec<String> {
        s.get("required")
            .and_then(|r| r.as_array())
            .map(|r| r.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let value = schema.as_value();
    let definitions = value.get("$defs");
    descriptions
        .iter()
        .map(|&(name, description)| {
            let node = if name == root {
                Some(value)
            } else {
                definitions.and_then(|d| d.get(name))
            };
            let info = StructInfo {
                description,
                required: node.map(required).unwrap_or_default(),
            };
            (name, info)
        })
        .collect()
}
