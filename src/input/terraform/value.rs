//! The values a `.tf` expression evaluates to: Terraform's types, plus "unknown until apply",
//! each carrying the resource instances it was read from, so a pool whose `vnet_subnet_id`
//! came through a local, a module input and an output still names its subnet.

use std::collections::BTreeMap;
use std::rc::Rc;

/// What a map costs beyond its values, in steps of 64 bytes ([`V::size`]): its node of
/// about a kilobyte, twice (a local's value is kept once more for the next reader), and
/// twice again so that the worst shape stays within 512 MB under the fuzzers' AddressSanitizer
/// (it took 555 MB there at 32, 275 MB plain).
const MAP_STEPS: u64 = 64;

#[derive(Clone, Debug, PartialEq)]
pub struct V {
    pub kind: Kind,
    /// Addresses of the resource instances this value was read from, most direct first
    /// (`module.net.azurerm_subnet.s["pods"]`). Empty for values written as literals.
    pub from: Vec<Rc<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Known only after apply (a resource's `id`), or beyond what cniplan evaluates.
    Unknown,
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    /// Lists, tuples and sets (a set is a list sorted and without duplicates). Shared: a
    /// reference to a local or a resource copies a pointer, not the tree (issue 19: memory
    /// within a small multiple of the input); [`Rc::make_mut`] copies on write.
    List(Rc<Vec<V>>),
    /// Maps and objects, in Terraform's order: keys sorted lexically. Shared as lists are.
    Map(Rc<BTreeMap<String, V>>),
}

impl V {
    pub fn new(kind: Kind) -> V {
        V {
            kind,
            from: Vec::new(),
        }
    }

    /// A collection's (key, value) pairs as `for` and dynamic blocks walk them: a list's
    /// indices, a map's keys in order; None for anything else.
    pub fn entries(&self) -> Option<Vec<(V, V)>> {
        match &self.kind {
            Kind::List(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (V::int(i as i128), v.clone()))
                    .collect(),
            ),
            Kind::Map(m) => Some(m.iter().map(|(k, v)| (V::str(k.clone()), v.clone())).collect()),
            _ => None,
        }
    }

    pub fn unknown() -> V {
        V::new(Kind::Unknown)
    }

    pub fn null() -> V {
        V::new(Kind::Null)
    }

    pub fn str(s: impl Into<String>) -> V {
        V::new(Kind::Str(s.into()))
    }

    pub fn int(n: i128) -> V {
        V::new(Kind::Int(n))
    }

    pub fn bool(b: bool) -> V {
        V::new(Kind::Bool(b))
    }

    pub fn list(items: Vec<V>) -> V {
        V::new(Kind::List(Rc::new(items)))
    }

    pub fn map(entries: BTreeMap<String, V>) -> V {
        V::new(Kind::Map(Rc::new(entries)))
    }

    /// An unknown value read from where `others` were.
    pub fn unknown_from<'v>(others: impl IntoIterator<Item = &'v V>) -> V {
        V::unknown().derived(others)
    }

    /// This value, also marked as read from where `others` were.
    pub fn derived<'v>(mut self, others: impl IntoIterator<Item = &'v V>) -> V {
        for other in others {
            self.add_from(&other.from);
        }
        self
    }

    pub fn add_from(&mut self, from: &[Rc<str>]) {
        for address in from {
            if !self.from.contains(address) {
                self.from.push(address.clone());
            }
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, Kind::Unknown)
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// Whether any part of the value is unknown.
    pub fn has_unknown(&self) -> bool {
        match &self.kind {
            Kind::Unknown => true,
            Kind::List(items) => items.iter().any(V::has_unknown),
            Kind::Map(entries) => entries.values().any(V::has_unknown),
            _ => false,
        }
    }

    /// Every address this value and its parts were read from, in order, once each.
    pub fn all_from(&self, out: &mut Vec<Rc<str>>) {
        for address in &self.from {
            if !out.contains(address) {
                out.push(address.clone());
            }
        }
        match &self.kind {
            Kind::List(items) => items.iter().for_each(|v| v.all_from(out)),
            Kind::Map(entries) => entries.values().for_each(|v| v.all_from(out)),
            _ => {}
        }
    }

    /// Values in this tree, itself included: what copying it costs, in steps of the budget
    /// (64 bytes each). A map costs [`MAP_STEPS`] more: the smallest `BTreeMap` takes a
    /// node of eleven entries, about a kilobyte, so an object of objects each made of the
    /// one before twice took 1.6 GB at a size of 2^18 that the budget let through.
    pub fn size(&self) -> u64 {
        1 + match &self.kind {
            Kind::List(items) => items.iter().map(V::size).sum(),
            Kind::Map(entries) => MAP_STEPS + entries.values().map(V::size).sum::<u64>(),
            Kind::Str(s) => s.len() as u64 / 64,
            _ => 0,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number, from a number or from a string that spells one (Terraform converts).
    pub fn as_int(&self) -> Option<i128> {
        match &self.kind {
            Kind::Int(n) => Some(*n),
            Kind::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Some(*f as i128),
            Kind::Str(s) => s.trim().parse::<i128>().ok(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match &self.kind {
            Kind::Int(n) => Some(*n as f64),
            Kind::Float(f) => Some(*f),
            Kind::Str(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
            _ => None,
        }
    }

    /// A bool, from a bool or the strings "true" and "false" (Terraform converts).
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            Kind::Bool(b) => Some(*b),
            Kind::Str(s) if s == "true" => Some(true),
            Kind::Str(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    /// The string a template interpolation or a string conversion makes of a primitive.
    pub fn to_text(&self) -> Option<String> {
        match &self.kind {
            Kind::Str(s) => Some(s.clone()),
            Kind::Int(n) => Some(n.to_string()),
            Kind::Float(f) => Some(format_float(*f)),
            Kind::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Terraform's equality: by value, numbers by their magnitude.
    pub fn equals(&self, other: &V) -> bool {
        match (&self.kind, &other.kind) {
            (Kind::Int(_) | Kind::Float(_), Kind::Int(_) | Kind::Float(_)) => {
                match (&self.kind, &other.kind) {
                    (Kind::Int(a), Kind::Int(b)) => a == b,
                    _ => self.as_f64() == other.as_f64(),
                }
            }
            (Kind::List(a), Kind::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.equals(y))
            }
            (Kind::Map(a), Kind::Map(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|((ka, va), (kb, vb))| ka == kb && va.equals(vb))
            }
            (a, b) => a == b,
        }
    }

    /// A number from a float, kept whole when it is whole.
    pub fn number(f: f64) -> V {
        if f.fract() == 0.0 && f.abs() < 1e30 {
            V::int(f as i128)
        } else {
            V::new(Kind::Float(f))
        }
    }
}

/// Terraform prints numbers without a trailing `.0` and without exponent for whole numbers.
pub fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e30 {
        (f as i128).to_string()
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_magnitude_and_print_as_terraform_does() {
        assert!(V::int(3).equals(&V::new(Kind::Float(3.0))));
        assert!(!V::int(3).equals(&V::str("3")));
        assert_eq!(V::new(Kind::Float(1.5)).to_text().as_deref(), Some("1.5"));
        assert_eq!(V::new(Kind::Float(1e9)).to_text().as_deref(), Some("1000000000"));
        assert_eq!(V::str("12").as_int(), Some(12));
    }

    #[test]
    fn provenance_is_collected_once_in_order() {
        let a: Rc<str> = Rc::from("azurerm_subnet.a");
        let b: Rc<str> = Rc::from("azurerm_subnet.b");
        let mut x = V::unknown();
        x.from.push(a.clone());
        let mut y = V::str("s");
        y.from.push(b.clone());
        let list = V::list(vec![x.clone(), y, x]);
        let mut out = Vec::new();
        list.all_from(&mut out);
        assert_eq!(out, vec![a, b]);
        assert!(list.has_unknown());
    }
}
