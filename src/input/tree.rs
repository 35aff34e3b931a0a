//! One document as a tree of values, each with the span it was written at: what the YAML
//! and JSON readers build, and what every input format is read from.

use crate::diagnostic::{Finding, Span};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    /// Where the value is written. For a value an alias brought in, that is the anchor's
    /// text; `alias` is then the place of the alias itself.
    pub span: Span,
    pub value: Value<'a>,
    /// Boxed: few values come through an alias, and a tree of a large plan holds millions of
    /// nodes, each 24 bytes smaller for it.
    alias: Option<Box<Span>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// Any integer the text spells, however large: the reader that wants a u32 says when it
    /// does not fit, with the value.
    Int(i128),
    Float(f64),
    /// A quoted string, or plain text that is no other type.
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<Entry<'a>>),
    /// An item a reader took out of the tree while the document was still being parsed (the
    /// VNets and clusters of a large plan): it stands in its list so indices and spans stay,
    /// and reads as nothing.
    Taken,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    pub fn new(span: Span, value: Value<'a>) -> Self {
        Node {
            span,
            value,
            alias: None,
        }
    }

    /// The same value, owning its text (for values that outlive their source).
    pub fn into_owned(self) -> Node<'static> {
        let value = match self.value {
            Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
            Value::Seq(items) => Value::Seq(items.into_iter().map(Node::into_owned).collect()),
            Value::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|e| Entry {
                        key: Cow::Owned(e.key.into_owned()),
                        key_span: e.key_span,
                        value: e.value.into_owned(),
                    })
                    .collect(),
            ),
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Int(n) => Value::Int(n),
            Value::Float(f) => Value::Float(f),
            Value::Taken => Value::Taken,
        };
        Node {
            span: self.span,
            value,
            alias: self.alias,
        }
    }

    /// Where the alias that brought this value in is written, if one did.
    pub fn alias(&self) -> Option<Span> {
        self.alias.as_deref().copied()
    }

    pub fn set_alias(&mut self, alias: Option<Span>) {
        self.alias = alias.map(Box::new);
    }

    /// Every span of the subtree changed by `f`: a piece's places made the whole text's.
    pub fn map_spans(&mut self, f: &impl Fn(Span) -> Span) {
        self.span = f(self.span);
        if let Some(alias) = &mut self.alias {
            **alias = f(**alias);
        }
        match &mut self.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| n.map_spans(f)),
            Value::Map(entries) => {
                for e in entries {
                    e.key_span = f(e.key_span);
                    e.value.map_spans(f);
                }
            }
            _ => {}
        }
    }

    /// Where a finding about this value belongs: the alias that brought it in, else its text.
    pub fn place(&self) -> Span {
        self.alias().unwrap_or(self.span)
    }

    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry<'a>> {
        self.entries().iter().find(|e| e.key == key)
    }

    /// A key matched without ASCII case, as Azure Resource Manager matches a template's keys
    /// (`"Resources"` is `"resources"`) and the REST API its property names.
    pub fn get_nocase(&self, key: &str) -> Option<&Node<'a>> {
        self.entry_nocase(key).map(|e| &e.value)
    }

    pub fn entry_nocase(&self, key: &str) -> Option<&Entry<'a>> {
        self.entries().iter().find(|e| e.key.eq_ignore_ascii_case(key))
    }

    pub fn entries(&self) -> &[Entry<'a>] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node<'a>] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn index(&self, i: usize) -> Option<&Node<'a>> {
        self.items().get(i)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i128> {
        match self.value {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// Values in this subtree, itself included: what copying it costs.
    pub fn size(&self) -> u64 {
        1 + match &self.value {
            Value::Seq(items) => items.iter().map(Node::size).sum(),
            Value::Map(entries) => entries.iter().map(|e| e.value.size()).sum(),
            _ => 0,
        }
    }

    /// What the value is, for messages: "the string \"3\"", "a list".
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Null => "nothing (null)".to_string(),
            Value::Bool(b) => format!("`{b}`"),
            Value::Int(n) => format!("the number {n}"),
            Value::Float(f) => format!("the number {f}"),
            Value::Str(s) if s.chars().count() > 40 => "a long string".to_string(),
            Value::Str(s) => format!("the string \"{s}\""),
            Value::Seq(_) => "a list".to_string(),
            Value::Map(_) => "a mapping".to_string(),
            Value::Taken => "a value read separately".to_string(),
        }
    }
}

/// Why a text is no document at all: a syntax error, or structure no plan has (nesting too
/// deep, aliases that expand without bound).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// A parsed document: its root (`None` for an empty stream), and each alias with the anchor
/// it copies, so a finding at an alias can point at the anchor too.
#[derive(Debug)]
pub struct Document<'a> {
    pub root: Option<Node<'a>>,
    pub aliases: Vec<AliasUse>,
    /// JSON keys written twice in one object with different values: the reader kept the
    /// last, as ARM, Terraform and az do (their JSON readers let a later key replace an
    /// earlier one), and the reader of the format says so.
    pub repeated: Vec<RepeatedKey>,
    /// Problems that do not stop reading (a merge key whose value is no mapping).
    pub warnings: Vec<SyntaxError>,
}

/// A key written twice in one JSON object with different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepeatedKey {
    pub key: String,
    /// The earlier key, left out, and the later one, kept.
    pub first: Span,
    pub kept: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AliasUse {
    pub alias: Span,
    pub anchor: Span,
}

/// A finding at an alias also points at the anchor whose value the alias copies.
pub fn point_at_anchors(findings: &mut [Finding], aliases: &[AliasUse]) {
    if aliases.is_empty() {
        return;
    }
    for finding in findings {
        let Some(span) = finding.span else { continue };
        if let Some(a) = aliases.iter().find(|a| a.alias == span) {
            if !finding.related.iter().any(|r| r.span == a.anchor) {
                finding.related.push(crate::diagnostic::Related {
                    message: "the value comes from this anchor".to_string(),
                    span: a.anchor,
                });
            }
        }
    }
}
