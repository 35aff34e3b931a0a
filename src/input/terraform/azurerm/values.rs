//! Typed reads of a resource's attribute values: a wrong type is a located `plan-schema`
//! finding and the value is left out; null means unset (or unknown, as
//! [`Resource::unknown`](super::super::Resource) says).

use super::notes::Notes;
use crate::diagnostic::Spanned;
use crate::input::tree::{Node, Value};

/// Reads the attributes of one resource (or one of its blocks), naming it in findings.
pub struct Attrs<'n, 'a> {
    pub node: &'n Node<'a>,
    pub label: &'n str,
}

impl<'n, 'a> Attrs<'n, 'a> {
    pub fn new(node: &'n Node<'a>, label: &'n str) -> Self {
        Attrs { node, label }
    }

    pub fn get(&self, key: &str) -> Option<&'n Node<'a>> {
        self.node.get(key)
    }

    /// The place of `key`'s value, else of the whole object.
    pub fn span_of(&self, key: &str) -> crate::diagnostic::Span {
        self.get(key).map_or(self.node.span, |n| n.span)
    }

    pub fn string(&self, key: &str, notes: &mut Notes) -> Option<Spanned<String>> {
        let node = self.get(key)?;
        match &node.value {
            Value::Null => None,
            Value::Str(s) => Some(Spanned::new(s.to_string(), node.span)),
            // Terraform converts a number or bool given for a string attribute (`name =
            // count.index`), so the provider sees its text.
            Value::Int(n) => Some(Spanned::new(n.to_string(), node.span)),
            Value::Bool(b) => Some(Spanned::new(b.to_string(), node.span)),
            _ => {
                notes.wrong_type(node.span, self.label, key, "a string", node.describe());
                None
            }
        }
    }

    /// A string as written, or a number's digits (`max_surge` is either in hand-made plans).
    pub fn text(&self, key: &str, notes: &mut Notes) -> Option<Spanned<String>> {
        match self.get(key).map(|n| (&n.value, n.span)) {
            Some((Value::Int(n), span)) => Some(Spanned::new(n.to_string(), span)),
            _ => self.string(key, notes),
        }
    }

    pub fn count(&self, key: &str, notes: &mut Notes) -> Option<Spanned<u32>> {
        let node = self.get(key)?;
        // Terraform converts a string that spells a number (`"${var.agent_count}"`, a
        // variable typed `string`) and a whole float where a number is expected.
        let whole = match &node.value {
            Value::Int(n) => Some(*n),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Some(*f as i128),
            Value::Str(s) => number(s)
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e30)
                .map(|f| f as i128),
            _ => None,
        };
        match (&node.value, whole) {
            (Value::Null, _) => None,
            (_, Some(n)) => match u32::try_from(n) {
                Ok(n) => Some(Spanned::new(n, node.span)),
                Err(_) => {
                    notes.wrong_type(
                        node.span,
                        self.label,
                        key,
                        "a count from 0 to 4294967295",
                        node.describe(),
                    );
                    None
                }
            },
            (Value::Str(s), None) if number(s).is_none() => {
                notes.inappropriate(node.span, self.label, key, "a number is required");
                None
            }
            _ => {
                notes.wrong_type(node.span, self.label, key, "a whole number", node.describe());
                None
            }
        }
    }

    pub fn flag(&self, key: &str, notes: &mut Notes) -> Option<bool> {
        let node = self.get(key)?;
        match &node.value {
            Value::Null => None,
            Value::Bool(b) => Some(*b),
            // Terraform converts the strings "true" and "false" where a bool is expected.
            Value::Str(s) if s.as_ref() == "true" => Some(true),
            Value::Str(s) if s.as_ref() == "false" => Some(false),
            Value::Str(_) => {
                notes.inappropriate(node.span, self.label, key, "a bool is required");
                None
            }
            _ => {
                notes.wrong_type(node.span, self.label, key, "`true` or `false`", node.describe());
                None
            }
        }
    }

    /// A list of strings; `None` when unset or unknown.
    pub fn strings(&self, key: &str, notes: &mut Notes) -> Option<Spanned<Vec<Spanned<String>>>> {
        let node = self.get(key)?;
        match &node.value {
            Value::Null => None,
            // An unknown item (null, as both readers write unknowns) leaves the list unknown.
            Value::Seq(items) if items.iter().any(|i| i.is_null()) => None,
            Value::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item.as_str() {
                        Some(s) => out.push(Spanned::new(s.to_string(), item.span)),
                        None => notes.wrong_type(
                            item.span,
                            self.label,
                            key,
                            "a list of strings",
                            format!("a list holding {}", item.describe()),
                        ),
                    }
                }
                Some(Spanned::new(out, node.span))
            }
            _ => {
                notes.wrong_type(node.span, self.label, key, "a list of strings", node.describe());
                None
            }
        }
    }

    /// A nested block: plan JSON writes blocks as lists of objects (`"network_profile":
    /// [{…}]`); the first one, or `None` when there is none or it is unknown.
    pub fn block(&self, key: &str) -> Option<&'n Node<'a>> {
        let node = self.get(key)?;
        match &node.value {
            Value::Seq(items) => items.first().filter(|b| matches!(b.value, Value::Map(_))),
            Value::Map(_) => Some(node),
            _ => None,
        }
    }

    /// Every block of a repeated nested block (a VNet's inline `subnet` blocks); one block
    /// written as an object (`.tf.json`, where a block and an object are written alike) too.
    pub fn blocks(&self, key: &str) -> impl Iterator<Item = &'n Node<'a>> {
        let node = self.get(key);
        let items = match node.map(|n| &n.value) {
            Some(Value::Map(_)) => std::slice::from_ref(node.unwrap_or(self.node)),
            _ => node.map_or(&[][..], Node::items),
        };
        items.iter().filter(|b| matches!(b.value, Value::Map(_)))
    }
}

/// A string as Terraform converts it to a number: decimal digits with an optional sign,
/// fraction and exponent, nothing around them.
fn number(s: &str) -> Option<f64> {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit());
    plain
        .then(|| s.parse::<f64>().ok())
        .flatten()
        .filter(|f| f.is_finite())
}
