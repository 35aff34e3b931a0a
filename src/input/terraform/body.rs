//! A resource block evaluated into [`Resource`] instances: attribute values as a span tree
//! (nested and `dynamic` blocks as lists of mappings, as plan JSON has them), the attributes
//! that stay unknown, and the resource instances each attribute was read from.

use super::config::span_of;
use super::eval::{instance_key, Evaluator, Expansion, Scope};
use super::value::{Kind, V};
use super::Resource;
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::tree::{Entry, Node, Value};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body, Structure};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Arguments that say how Terraform handles a resource, not what it is.
const META: &[&str] = &["count", "for_each", "depends_on", "provider"];
const META_BLOCKS: &[&str] = &[
    "lifecycle",
    "provisioner",
    "connection",
    "precondition",
    "postcondition",
];

/// The instances of one resource of one module instance.
pub struct Produced {
    pub inst: usize,
    pub index: usize,
    pub resources: Vec<Resource<'static>>,
}

/// What the attributes of one instance left to say besides their values.
#[derive(Default)]
struct Notes {
    unknown: Vec<String>,
    references: BTreeMap<String, Vec<String>>,
    /// An AzAPI resource: its `body` is an Azure resource, read down to each value.
    azapi: bool,
}

impl<'c> Evaluator<'c> {
    /// Evaluates every instance of a resource, keeps them in `produced`, and returns the
    /// value other expressions see.
    pub(super) fn resource_value(&mut self, inst: usize, index: usize) -> V {
        let def = &self.module_of(inst).resources[index];
        let base = self.prefix(inst, &def.local_address());
        let expansion = self.expand(inst, def.count, def.for_each, def.file);
        // Of the right size: a vector grown from empty holds four resources (about a
        // kilobyte), and most resources have one instance (issue 19).
        let mut resources = Vec::with_capacity(match &expansion {
            Expansion::Keys(keys) => keys.len(),
            _ => 1,
        });
        let value = match expansion {
            Expansion::Single => {
                let (v, r) = self.instance(inst, index, base, Scope::new(inst, def.file));
                resources.push(r);
                v
            }
            Expansion::Keys(keys) => {
                let mut list = Vec::new();
                let mut map = BTreeMap::new();
                for (key, scope) in keys {
                    let address = format!("{base}[{}]", instance_key(&key));
                    let (v, r) = self.instance(inst, index, address, scope);
                    resources.push(r);
                    match key.as_str() {
                        Some(k) => {
                            map.insert(k.to_string(), v);
                        }
                        None => list.push(v),
                    }
                }
                if def.for_each.is_some() {
                    V::map(map)
                } else {
                    V::list(list)
                }
            }
            Expansion::Unknown(what) => {
                // Which instances exist is known only at apply: one resource stands for
                // them, its address without a key, and says so in its unknowns.
                let (_, mut r) = self.instance(inst, index, base.clone(), Scope::new(inst, def.file));
                r.unknown.insert(0, what.to_string());
                resources.push(r);
                let mut v = V::unknown();
                v.from.push(Rc::from(base));
                v
            }
        };
        self.produced.push(Produced {
            inst,
            index,
            resources,
        });
        value
    }

    fn instance(
        &mut self,
        inst: usize,
        index: usize,
        address: String,
        mut scope: Scope,
    ) -> (V, Resource<'static>) {
        let def = &self.module_of(inst).resources[index];
        let mut notes = Notes {
            azapi: def.kind.starts_with("azapi_"),
            ..Notes::default()
        };
        let items = layered(def);
        let (mut value, mut node) = self.items(items, &mut scope, "", true, &mut notes);
        value.from = vec![Rc::from(address.as_str())];
        node.span = span_of(def.file, hcl_edit::Span::span(def.block));
        let resource = Resource {
            address,
            kind: def.kind.to_string(),
            data: def.data,
            module: self.insts[inst].address.clone(),
            span: node.span,
            values: node,
            unknown: notes.unknown,
            references: notes.references.into(),
            from_configuration: true,
        };
        (value, resource)
    }

    fn body(
        &mut self,
        body: &'c Body,
        scope: &mut Scope,
        path: &str,
        top: bool,
        notes: &mut Notes,
    ) -> (V, Node<'static>) {
        let file = scope.file;
        let items = body.iter().map(|s| (s, file)).collect();
        let (value, mut node) = self.items(items, scope, path, top, notes);
        node.span = span_of(file, hcl_edit::Span::span(body));
        (value, node)
    }

    /// The attributes and blocks of a body, each with the file it is written in (an
    /// override file's replace the resource's own: [`layered`]).
    fn items(
        &mut self,
        items: Vec<(&'c Structure, u32)>,
        scope: &mut Scope,
        path: &str,
        top: bool,
        notes: &mut Notes,
    ) -> (V, Node<'static>) {
        let mut values = BTreeMap::new();
        // One entry an item, but for blocks of one type (one entry) and dynamic blocks.
        let mut entries: Vec<Entry<'static>> = Vec::with_capacity(items.len());
        let home = scope.file;
        for (structure, file) in items {
            scope.file = file;
            match structure {
                Structure::Attribute(a) => {
                    let key = a.key.as_str();
                    if top && META.contains(&key) {
                        continue;
                    }
                    let path = join(path, key);
                    if top && notes.azapi && key == "body" {
                        let (v, node) = self.azapi_body(&a.value, scope, notes);
                        entries.push(Entry {
                            key: Cow::Owned(key.to_string()),
                            key_span: span_of(scope.file, hcl_edit::Span::span(&a.key)),
                            value: node,
                        });
                        values.insert(key.to_string(), v);
                        continue;
                    }
                    let v = self.eval_item(&a.value, scope);
                    record(notes, &path, &v);
                    if matches!(v.kind, Kind::Map(_) | Kind::List(_)) {
                        // A block written as an object (`.tf.json`, or `attr = { … }`):
                        // its arguments' unknowns and references as a block's would be.
                        record_within(notes, &path, &path, &v, 0, false);
                    }
                    entries.push(Entry {
                        key: Cow::Owned(key.to_string()),
                        key_span: span_of(scope.file, hcl_edit::Span::span(&a.key)),
                        value: to_node(&a.value, &v, scope.file),
                    });
                    values.insert(key.to_string(), v);
                }
                Structure::Block(b) => {
                    let ident = b.ident.as_str();
                    if top && META_BLOCKS.contains(&ident) {
                        continue;
                    }
                    if ident == "dynamic" {
                        self.dynamic(b, scope, path, notes, &mut values, &mut entries);
                        continue;
                    }
                    let (v, mut node) = self.body(&b.body, scope, &join(path, ident), false, notes);
                    node.span = span_of(scope.file, hcl_edit::Span::span(b));
                    let key_span = span_of(scope.file, hcl_edit::Span::span(&b.ident));
                    push_block(&mut values, &mut entries, ident, key_span, v, node);
                }
            }
        }
        scope.file = home;
        (
            V::map(values),
            Node::new(Span::in_file(home, 0, 0), Value::Map(entries)),
        )
    }

    /// An AzAPI resource's `body`: the Azure resource it sends, read as an object whether
    /// written as one (azapi v2) or as `jsonencode(...)` of one (azapi v1), so each value
    /// keeps its place. Each value inside that is unknown, and what each refers to, is
    /// noted at its own path: `body.properties.agentPoolProfiles[0].vnetSubnetID`, with list
    /// indices, since two pools of one cluster name two subnets.
    fn azapi_body(
        &mut self,
        expr: &'c Expression,
        scope: &mut Scope,
        notes: &mut Notes,
    ) -> (V, Node<'static>) {
        // `"${jsonencode({...})}"`, as `.tf.json` writes every expression: the interpolation.
        let expr = match expr {
            Expression::StringTemplate(t) => match t.iter().collect::<Vec<_>>().as_slice() {
                [hcl_edit::template::Element::Interpolation(only)] => &only.expr,
                _ => expr,
            },
            _ => expr,
        };
        let encoded = match expr {
            Expression::FuncCall(call)
                if !call.name.is_namespaced()
                    && call.name.name.as_str() == "jsonencode"
                    && call.args.len() == 1
                    && !call.args.expand_final() =>
            {
                call.args.iter().next()
            }
            _ => None,
        };
        let written = encoded.unwrap_or(expr);
        let mut v = self.eval_item(written, scope);
        // What Terraform holds is the JSON text; other expressions see that.
        let value = match encoded {
            Some(_) => match super::functions::call("jsonencode", vec![v.clone()]) {
                Some(Ok(text)) => text,
                Some(Err(e)) if e.report.is_some() => {
                    // Past the evaluation budget: refused as any `jsonencode()` is, and the
                    // body is unknown.
                    let at = scope.span(expr);
                    self.report(Finding::new(Rule::PlanSchema, at, e.message));
                    v = V::unknown_from([&v]);
                    v.clone()
                }
                _ => V::unknown_from([&v]),
            },
            None => v.clone(),
        };
        record(notes, "body", &v);
        record_within(notes, "body", "body", &v, 0, true);
        let node = to_node(written, &v, scope.file);
        (value, node)
    }

    /// `dynamic "NAME" { for_each = ..., content { ... } }`: one NAME block per element,
    /// with the iterator (`NAME` or `iterator = x`) bound to `{ key, value }`.
    fn dynamic(
        &mut self,
        b: &'c Block,
        scope: &mut Scope,
        path: &str,
        notes: &mut Notes,
        values: &mut BTreeMap<String, V>,
        entries: &mut Vec<Entry<'static>>,
    ) {
        let Some(name) = b.labels.first().map(|l| l.as_str()) else {
            return;
        };
        let block_path = join(path, name);
        let content = b.body.blocks().find(|c| c.ident.as_str() == "content");
        let for_each = b.body.get_attribute("for_each");
        let (Some(content), Some(for_each)) = (content, for_each) else {
            return;
        };
        let iterator = match b.body.get_attribute("iterator").map(|a| &a.value) {
            Some(Expression::Variable(v)) => v.as_str().to_string(),
            _ => name.to_string(),
        };
        let collection = self.eval_item(&for_each.value, scope);
        let pairs = match (collection.entries(), &collection.kind) {
            (Some(pairs), _) => pairs,
            (None, Kind::Null) => Vec::new(),
            (None, _) => {
                record(notes, &block_path, &V::unknown_from([&collection]));
                return;
            }
        };
        let key_span = b
            .labels
            .first()
            .map_or_else(Span::default, |l| span_of(scope.file, hcl_edit::Span::span(l)));
        for (key, value) in pairs {
            let iter = V::map(BTreeMap::from([
                ("key".to_string(), key),
                ("value".to_string(), value),
            ]));
            scope.names.push((iterator.clone(), iter));
            let (v, mut node) = self.body(&content.body, scope, &block_path, false, notes);
            scope.names.pop();
            node.span = span_of(scope.file, hcl_edit::Span::span(b));
            push_block(values, entries, name, key_span, v, node);
        }
    }
}

/// A resource's body with its override files merged in, as Terraform merges them
/// (developer.hashicorp.com/terraform/language/files/override): an attribute replaces the
/// resource's attribute of its name, where that is written; the nested blocks of a type
/// (`dynamic "x"` blocks count as type `x`) replace every block of that type, whole. Each
/// item comes with the file it is written in.
fn layered<'c>(def: &super::config::ResourceDef<'c>) -> Vec<(&'c Structure, u32)> {
    let mut items: Vec<(&'c Structure, u32)> = def.block.body.iter().map(|s| (s, def.file)).collect();
    for &(block, file) in &def.overrides {
        let mut replaced: Vec<&str> = Vec::new();
        for structure in block.body.iter() {
            match structure {
                Structure::Attribute(a) => {
                    let same = items.iter().position(
                        |(s, _)| matches!(s, Structure::Attribute(b) if b.key.as_str() == a.key.as_str()),
                    );
                    match same {
                        Some(i) => items[i] = (structure, file),
                        None => items.push((structure, file)),
                    }
                }
                Structure::Block(b) => {
                    let kind = block_type(b);
                    if !replaced.contains(&kind) {
                        replaced.push(kind);
                        items.retain(|(s, _)| !matches!(s, Structure::Block(old) if block_type(old) == kind));
                    }
                    items.push((structure, file));
                }
            }
        }
    }
    items
}

/// The type of a nested block: its name, or for `dynamic "x"` the `x` it makes.
fn block_type(b: &Block) -> &str {
    match (b.ident.as_str(), b.labels.first()) {
        ("dynamic", Some(label)) => label.as_str(),
        (ident, _) => ident,
    }
}

/// Adds one block to the list of blocks of its name, as plan JSON lists them.
fn push_block(
    values: &mut BTreeMap<String, V>,
    entries: &mut Vec<Entry<'static>>,
    name: &str,
    key_span: Span,
    value: V,
    node: Node<'static>,
) {
    match entries.iter_mut().find(|e| e.key == name) {
        Some(Entry {
            value: Node {
                value: Value::Seq(items),
                ..
            },
            ..
        }) => items.push(node),
        _ => entries.push(Entry {
            key: Cow::Owned(name.to_string()),
            key_span,
            value: Node::new(node.span, Value::Seq(vec![node])),
        }),
    }
    match values.get_mut(name).map(|v| &mut v.kind) {
        Some(Kind::List(items)) => Rc::make_mut(items).push(value),
        _ => {
            values.insert(name.to_string(), V::list(vec![value]));
        }
    }
}

/// A dotted path: at the top, the key itself, borrowed (most attributes of a resource are
/// at its top, and most have nothing to note).
fn join<'k>(path: &str, key: &'k str) -> Cow<'k, str> {
    if path.is_empty() {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(format!("{path}.{key}"))
    }
}

/// Notes an attribute's unknown parts and the resource instances its value came from, each
/// followed by its resource's address without the instance key.
fn record(notes: &mut Notes, path: &str, v: &V) {
    if v.has_unknown() && !notes.unknown.iter().any(|u| u == path) {
        notes.unknown.push(path.to_string());
    }
    let mut from = Vec::new();
    v.all_from(&mut from);
    if from.is_empty() {
        return;
    }
    let refs = notes.references.entry(path.to_string()).or_default();
    for address in from {
        push_new(refs, &address);
    }
}

/// How deep [`record_within`] looks into a body: deeper than any Azure resource nests.
const MAX_BODY_DEPTH: usize = 64;

/// Notes the unknown values and references inside a value, each at its own path: `plain`,
/// without list indices (as plan JSON's `after_unknown` and blocks give them), for the
/// unknowns, and for the references too unless `indexed`, which keeps each list index in the
/// references' path (`body.properties.subnets[1].properties.addressPrefix`: two pools of one
/// AzAPI cluster name two subnets).
fn record_within(notes: &mut Notes, path: &str, plain: &str, v: &V, depth: usize, indexed: bool) {
    if depth > MAX_BODY_DEPTH {
        return;
    }
    match &v.kind {
        Kind::Map(m) => {
            for (k, x) in m.iter() {
                record_within(notes, &join(path, k), &join(plain, k), x, depth + 1, indexed);
            }
        }
        Kind::List(items) => {
            for (i, x) in items.iter().enumerate() {
                let at = if indexed {
                    format!("{path}[{i}]")
                } else {
                    path.to_string()
                };
                record_within(notes, &at, plain, x, depth + 1, indexed);
            }
        }
        _ => {
            if v.is_unknown() && !notes.unknown.iter().any(|u| u == plain) {
                notes.unknown.push(plain.to_string());
            }
            if !v.from.is_empty() {
                let refs = notes.references.entry(path.to_string()).or_default();
                for address in &v.from {
                    push_new(refs, address);
                }
            }
        }
    }
}

/// Adds an address and then the same without its instance key to the references, each
/// unless it is there already (and allocated only then).
fn push_new(refs: &mut Vec<String>, address: &str) {
    for a in [address, without_key(address)] {
        if !refs.iter().any(|r| r == a) {
            refs.push(a.to_string());
        }
    }
}

/// `azurerm_subnet.s["a"]` → `azurerm_subnet.s`; an address without a key is itself.
pub fn without_key(address: &str) -> &str {
    if !address.ends_with(']') {
        return address;
    }
    let open = if address.ends_with("\"]") {
        address.rfind("[\"")
    } else {
        address.rfind('[')
    };
    open.map_or(address, |i| &address[..i])
}

/// The value as a span tree: the parts written literally in the attribute (list elements,
/// object attributes) keep their own spans; a value that came from elsewhere (a variable,
/// a function) is placed at the expression that brought it.
fn to_node(expr: &Expression, v: &V, file: u32) -> Node<'static> {
    let span = span_of(file, hcl_edit::Span::span(expr));
    match (expr, &v.kind) {
        (Expression::Parenthesis(p), _) => to_node(p.inner(), v, file),
        (Expression::Array(a), Kind::List(items)) if a.len() == items.len() => Node::new(
            span,
            Value::Seq(
                a.iter()
                    .zip(items.iter())
                    .map(|(e, x)| to_node(e, x, file))
                    .collect(),
            ),
        ),
        (Expression::Object(o), Kind::Map(m)) if o.len() == m.len() => {
            let mut entries = Vec::with_capacity(m.len());
            for (key, value) in o.iter() {
                let name = match key {
                    ObjectKey::Ident(i) => Some(i.as_str()),
                    ObjectKey::Expression(Expression::Variable(i)) => Some(i.as_str()),
                    ObjectKey::Expression(e) => e.as_str(),
                };
                let Some((name, x)) = name.and_then(|n| m.get(n).map(|x| (n, x))) else {
                    return whole(v, span);
                };
                entries.push(Entry {
                    key: Cow::Owned(name.to_string()),
                    key_span: span_of(file, hcl_edit::Span::span(key)),
                    value: to_node(value.expr(), x, file),
                });
            }
            Node::new(span, Value::Map(entries))
        }
        _ => whole(v, span),
    }
}

fn whole(v: &V, span: Span) -> Node<'static> {
    let value = match &v.kind {
        Kind::Unknown | Kind::Null => Value::Null,
        Kind::Bool(b) => Value::Bool(*b),
        Kind::Int(n) => Value::Int(*n),
        Kind::Float(f) => Value::Float(*f),
        Kind::Str(s) => Value::Str(Cow::Owned(s.clone())),
        Kind::List(items) => Value::Seq(items.iter().map(|x| whole(x, span)).collect()),
        Kind::Map(m) => Value::Map(
            m.iter()
                .map(|(k, x)| Entry {
                    key: Cow::Owned(k.clone()),
                    key_span: span,
                    value: whole(x, span),
                })
                .collect(),
        ),
    };
    Node::new(span, value)
}

#[cfg(test)]
mod tests {
    use super::without_key;

    #[test]
    fn instance_keys_come_off_addresses() {
        assert_eq!(without_key("azurerm_subnet.s[2]"), "azurerm_subnet.s");
        assert_eq!(
            without_key("module.m[\"a\"].azurerm_subnet.s[\"x[1]\"]"),
            "module.m[\"a\"].azurerm_subnet.s"
        );
        assert_eq!(without_key("azurerm_subnet.s"), "azurerm_subnet.s");
    }
}
