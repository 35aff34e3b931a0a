//! Values: literals stay literals at their span, property and variable loops become `copy`
//! entries, and any other expression an ARM expression string at its span.

use super::{bind, entry, map, node, q, text, Locals, Translator};
use crate::diagnostic::Span;
use crate::input::bicep::syntax::{Expr, ForLoop, Item, Kind, Prop};
use crate::input::tree::{Entry, Node, Value};

impl<'t> Translator<'t, '_> {
    /// An object property; a loop as its value becomes a property `copy`.
    pub(super) fn pair(
        &mut self,
        e: &mut Vec<Entry<'static>>,
        key: &str,
        ks: Span,
        value: &'t Expr,
        locals: &Locals,
    ) {
        if let Kind::For(lp) = &value.kind {
            if !matches!(lp.body.kind, Kind::If(..)) {
                let copy = self.copy_entry(key, ks, lp, self.sp(value), locals);
                match e.iter_mut().find(|x| x.key == "copy") {
                    Some(c) => {
                        if let Value::Seq(items) = &mut c.value.value {
                            items.push(copy);
                        }
                    }
                    None => e.push(entry("copy", ks, node(ks, Value::Seq(vec![copy])))),
                }
                return;
            }
        }
        let v = self.value(value, locals);
        e.push(entry(key, ks, v));
    }

    /// `{"name": key, "count": "[length(xs)]", "input": …}`.
    pub(super) fn copy_entry(
        &mut self,
        name: &str,
        ks: Span,
        lp: &'t ForLoop,
        span: Span,
        locals: &Locals,
    ) -> Node<'static> {
        let coll = self.ex(&lp.collection, locals);
        let index = format!("copyIndex({})", q(name));
        let inner = bind(lp, &coll, &index, locals);
        let input = self.value(&lp.body, &inner);
        let cspan = self.sp(&lp.collection);
        map(
            span,
            vec![
                entry("name", ks, text(ks, name)),
                entry("count", cspan, text(cspan, format!("[length({coll})]"))),
                entry("input", input.span, input),
            ],
        )
    }

    /// A value: literals at their own place, objects and arrays as trees, the rest an
    /// expression string at the expression's place.
    pub(super) fn value(&mut self, e: &'t Expr, locals: &Locals) -> Node<'static> {
        let span = self.sp(e);
        if !self.charge(1, span) {
            return text(
                span,
                format!("[{}]", self.unknown("a Bicep estate too large to read")),
            );
        }
        match &e.kind {
            Kind::Str(s) if s.starts_with('[') => text(span, format!("[{s}")),
            Kind::Str(s) => text(span, s.clone()),
            Kind::Int(n) => node(span, Value::Int(*n as i128)),
            Kind::Bool(b) => node(span, Value::Bool(*b)),
            Kind::Null => node(span, Value::Null),
            Kind::Object(props)
                if props
                    .iter()
                    .all(|p| matches!(p, Prop::Pair { computed: None, .. })) =>
            {
                let mut entries = Vec::new();
                for p in props {
                    if let Prop::Pair {
                        key,
                        key_start,
                        key_end,
                        value,
                        ..
                    } = p
                    {
                        let ks = self.at(*key_start, *key_end);
                        self.pair(&mut entries, key, ks, value, locals);
                    }
                }
                map(span, entries)
            }
            Kind::Array(items) if items.iter().all(|i| matches!(i, Item::Value(_))) => {
                let items = items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Value(v) => Some(self.value(v, locals)),
                        Item::Spread(_) => None,
                    })
                    .collect();
                node(span, Value::Seq(items))
            }
            _ => text(span, format!("[{}]", self.ex(e, locals))),
        }
    }
}
