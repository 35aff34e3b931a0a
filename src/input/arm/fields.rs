//! Reading a resource's properties as the Azure REST API spells them (`vnetSubnetID`,
//! wrapped in `properties`) and as az prints them (`vnetSubnetId`, flattened): keys match
//! without case, under `properties` or beside it; `null` is absent, as az writes every
//! unset attribute.

use super::notes::Notes;
use super::value::{Kind, Val};
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use std::rc::Rc;

/// A property of a resource or a nested object: under `properties` first, then beside it.
pub fn field<'a>(body: &Val<'a>, key: &str) -> Option<Val<'a>> {
    if let Some(properties) = body.get("properties") {
        // Properties computed by one expression that cannot be evaluated: every property
        // is unknown, for the same reason.
        if properties.unknown_reason().is_some() {
            return Some(properties);
        }
        if let Some(v) = properties.get(key).filter(|v| !v.is_null()) {
            return Some(v);
        }
    }
    body.get(key).filter(|v| !v.is_null())
}

/// A property read for the plan.
pub enum Got<T> {
    Absent,
    Value(Spanned<T>),
    /// Unknown offline; the reason names what made it so.
    Unknown(Span, Rc<str>),
    /// The wrong type; already reported.
    Invalid,
}

impl<T> Got<T> {
    pub fn value(self) -> Option<Spanned<T>> {
        match self {
            Got::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// Reads the properties of one resource, reporting wrong types where they are written.
pub struct Reader<'r> {
    pub notes: &'r mut Notes,
    pub findings: &'r mut Vec<Finding>,
}

impl Reader<'_> {
    fn wrong(&mut self, v: &Val<'_>, key: &str, wanted: &str) {
        self.findings.push(
            Finding::new(
                Rule::PlanSchema,
                v.span,
                format!(
                    "{}: `{key}` must be {wanted}, not {}",
                    self.notes.label,
                    v.describe()
                ),
            )
            .help("Azure refuses the resource with this value"),
        );
    }

    pub fn text<'a>(&mut self, body: &Val<'a>, key: &str) -> Got<String> {
        match field(body, key) {
            None => Got::Absent,
            Some(v) => self.as_text(v, key),
        }
    }

    pub fn as_text(&mut self, v: Val<'_>, key: &str) -> Got<String> {
        match &v.kind {
            Kind::Str(s) if s.trim().is_empty() => Got::Absent,
            Kind::Str(s) => Got::Value(Spanned::new(s.to_string(), v.span)),
            Kind::Unknown(why) => Got::Unknown(v.span, Rc::clone(why)),
            _ => {
                self.wrong(&v, key, "a string");
                Got::Invalid
            }
        }
    }

    /// A node count or pod count: a whole number from 0 to u32::MAX (ARM parameters given
    /// as digit strings count too: parameter files often quote them).
    pub fn count(&mut self, body: &Val<'_>, key: &str) -> Got<u32> {
        let Some(v) = field(body, key) else {
            return Got::Absent;
        };
        let n = match &v.kind {
            Kind::Int(n) => Some(*n),
            Kind::Str(s) => s.trim().parse::<i64>().ok(),
            // A number written as is that no integer holds (1e30, 2.5): wrong, not unknown.
            Kind::Unknown(why) if super::value::is_literal_number(why) => {
                let number = why.split(';').next().unwrap_or_default();
                self.findings.push(
                    Finding::new(
                        Rule::PlanSchema,
                        v.span,
                        format!(
                            "{}: `{key}` must be a whole number from 0 to {}, not {number}",
                            self.notes.label,
                            u32::MAX
                        ),
                    )
                    .help("Azure refuses the resource with this value"),
                );
                return Got::Invalid;
            }
            Kind::Unknown(why) => return Got::Unknown(v.span, Rc::clone(why)),
            _ => None,
        };
        match n.and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Got::Value(Spanned::new(n, v.span)),
            None => {
                self.wrong(&v, key, &format!("a whole number from 0 to {}", u32::MAX));
                Got::Invalid
            }
        }
    }

    pub fn flag(&mut self, body: &Val<'_>, key: &str) -> Got<bool> {
        let Some(v) = field(body, key) else {
            return Got::Absent;
        };
        match &v.kind {
            Kind::Bool(b) => Got::Value(Spanned::new(*b, v.span)),
            Kind::Str(s) if s.eq_ignore_ascii_case("true") => Got::Value(Spanned::new(true, v.span)),
            Kind::Str(s) if s.eq_ignore_ascii_case("false") => Got::Value(Spanned::new(false, v.span)),
            Kind::Unknown(why) => Got::Unknown(v.span, Rc::clone(why)),
            _ => {
                self.wrong(&v, key, "true or false");
                Got::Invalid
            }
        }
    }

    /// One of the API's values for an enum, matched without case (`"Overlay"` and
    /// `"overlay"` alike); `""` is unset.
    pub fn choice<T: Copy>(&mut self, body: &Val<'_>, key: &str, choices: &[(&str, T)]) -> Got<T> {
        match self.text(body, key) {
            Got::Value(s) => match choices
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(s.value.trim()))
            {
                Some((_, value)) => Got::Value(Spanned::new(*value, s.span)),
                None => {
                    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
                    self.findings.push(
                        Finding::new(
                            Rule::PlanSchema,
                            s.span,
                            format!(
                                "{}: `{key}` is `{}`; cniplan knows {}",
                                self.notes.label,
                                s.value,
                                names.join(", ")
                            ),
                        )
                        .help("AKS takes these values; check the spelling"),
                    );
                    Got::Invalid
                }
            },
            Got::Absent => Got::Absent,
            Got::Unknown(span, why) => Got::Unknown(span, why),
            Got::Invalid => Got::Invalid,
        }
    }
}

/// `why` as the tail of a note: "it depends on …".
pub fn depends(key: &str, why: &str) -> String {
    format!("`{key}` is unknown (it depends on {why})")
}
