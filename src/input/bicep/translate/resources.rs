//! Resources: their declarations (nested children flattened with their parent's name),
//! the ARM resource each becomes (`copy`, `condition`, `dependsOn`, scope), and their names
//! and resource IDs where a symbol is used.

use super::{
    bind, entry, loop_and_body, map, node, object_prop, q, split_type, text, At, Locals, Res, Translator,
};
use crate::diagnostic::{Finding, Rule};
use crate::input::bicep::syntax::{self, DeclKind, ForLoop, Kind, Prop};
use crate::input::tree::{Node, Value};

impl<'t> Translator<'t, '_> {
    pub(super) fn declare_resource(&mut self, d: &'t syntax::Decl, enclosing: Option<&str>, outer: Locals) {
        let DeclKind::Resource {
            name, kind, value, ..
        } = &d.kind
        else {
            return;
        };
        let (mut full_type, mut api) = split_type(kind);
        if let Some(parent) = enclosing.and_then(|p| self.resources.get(p)) {
            if !full_type.contains('/') || !full_type.contains('.') {
                full_type = format!("{}/{full_type}", parent.full_type);
                if api.is_empty() {
                    api = parent.api.clone();
                }
            }
        }
        let (lp, body) = loop_and_body(value);
        // A nested child repeats with its parent's loop.
        let (lp, outer) = match (lp, enclosing.and_then(|p| self.resources.get(p))) {
            (None, Some(parent)) => (parent.lp, parent.outer.clone()),
            (lp, _) => (lp, outer),
        };
        let parent = match enclosing {
            Some(p) => Some((p.to_string(), None, true)),
            None => object_prop(body, "parent").and_then(|p| match &p.kind {
                Kind::Ident(s) => Some((s.clone(), None, false)),
                Kind::Index { target, index, .. } => match &target.kind {
                    Kind::Ident(s) => Some((s.clone(), Some(&**index), false)),
                    _ => None,
                },
                _ => None,
            }),
        };
        let res = Res {
            full_type,
            api,
            name: object_prop(body, "name"),
            parent,
            scope: object_prop(body, "scope"),
            lp,
            outer: outer.clone(),
        };
        self.resources.insert(name.text.clone(), res);
        let body = match &body.kind {
            Kind::If(_, b) => &**b,
            _ => body,
        };
        if let Kind::Object(props) = &body.kind {
            for p in props {
                if let Prop::Resource(child) = p {
                    self.declare_resource(child, Some(&name.text), outer.clone());
                }
            }
        }
    }

    pub(super) fn resource(&mut self, d: &'t syntax::Decl, symbol: &str, out: &mut Vec<Node<'static>>) {
        let DeclKind::Resource {
            kind_span,
            existing,
            value,
            ..
        } = &d.kind
        else {
            return;
        };
        let span = self.at(d.start, d.end);
        if !self.charge(1, span) {
            return;
        }
        let Some(info) = self.resources.get(symbol) else {
            return;
        };
        let (full_type, api, lp, outer) = (
            info.full_type.clone(),
            info.api.clone(),
            info.lp,
            info.outer.clone(),
        );
        let (_, body) = loop_and_body(value);
        let (condition, body) = match &body.kind {
            Kind::If(c, b) => (Some(&**c), &**b),
            _ => (None, body),
        };
        let locals = match lp {
            Some(lp) => {
                let coll = self.ex(&lp.collection, &outer);
                bind(lp, &coll, "copyIndex()", &outer)
            }
            None => outer.clone(),
        };
        let type_span = self.at(kind_span.0, kind_span.1);
        let mut e = vec![
            entry("type", type_span, text(type_span, full_type.clone())),
            entry("apiVersion", type_span, text(type_span, api)),
        ];
        match self.name_node(symbol, &locals) {
            Some(n) => e.push(entry("name", n.span, n)),
            // Extension resources (Microsoft Graph's) are named otherwise.
            None if !full_type.contains("Microsoft.Network/")
                && !full_type.contains("Microsoft.ContainerService/") => {}
            None => self.out.report(
                Finding::new(
                    Rule::PlanSchema,
                    span,
                    format!("resource `{symbol}` has no `name`"),
                )
                .help("Bicep refuses a resource without a name"),
            ),
        }
        if *existing {
            e.push(entry("existing", type_span, node(type_span, Value::Bool(true))));
        }
        if let Some(c) = condition {
            let v = self.value(c, &locals);
            e.push(entry("condition", v.span, v));
        }
        if let Some(lp) = lp {
            let coll = self.sp(&lp.collection);
            let count = format!("[length({})]", self.ex(&lp.collection, &outer));
            e.push(entry(
                "copy",
                coll,
                map(
                    coll,
                    vec![
                        entry("name", coll, text(coll, symbol)),
                        entry("count", coll, text(coll, count)),
                    ],
                ),
            ));
        }
        let mut children = Vec::new();
        if let Kind::Object(props) = &body.kind {
            for p in props {
                match p {
                    Prop::Pair {
                        key,
                        key_start,
                        key_end,
                        value,
                        ..
                    } => {
                        if matches!(key.as_str(), "name" | "parent" | "scope" | "dependsOn") {
                            continue;
                        }
                        let ks = self.at(*key_start, *key_end);
                        self.pair(&mut e, key, ks, value, &locals);
                    }
                    Prop::Resource(child) => children.push(&**child),
                    Prop::Spread(s) => {
                        self.out.report(Finding::new(
                            Rule::UnresolvedInput,
                            self.sp(s),
                            "a spread (`...`) in a resource's body is not read: the properties it adds are unknown",
                        ));
                    }
                }
            }
        }
        out.push(map(span, e));
        for child in children {
            if let DeclKind::Resource { name, .. } = &child.kind {
                self.resource(child, &name.text, out);
            }
        }
    }

    /// A resource's `name`, its parents' names before it: `format('{0}/{1}', vnet, subnet)`.
    pub(super) fn name_node(&mut self, symbol: &str, locals: &Locals) -> Option<Node<'static>> {
        let info = self.resources.get(symbol)?;
        let name = info.name?;
        if info.parent.is_none() {
            return Some(self.value(name, locals));
        }
        let segments = self.segments(symbol, &At::Own, 0);
        let span = self.sp(name);
        let holes: Vec<String> = (0..segments.len()).map(|i| format!("{{{i}}}")).collect();
        Some(text(
            span,
            format!("[format({}, {})]", q(&holes.join("/")), segments.join(", ")),
        ))
    }

    /// The name segments of a resource (parents first), as ARM expressions.
    pub(super) fn segments(&mut self, symbol: &str, at: &At, depth: usize) -> Vec<String> {
        let Some(info) = self.resources.get(symbol) else {
            return vec![self.unknown(&format!("the resource `{symbol}`, which is not declared"))];
        };
        if depth > 16 {
            return vec![self.unknown("a resource that is its own parent")];
        }
        let (name, parent, lp, outer) = (info.name, info.parent.clone(), info.lp, info.outer.clone());
        let locals = self.instance_locals(lp, at, &outer);
        let mut out = match &parent {
            Some((p, _, true)) => self.segments(p, at, depth + 1),
            Some((p, Some(index), false)) => {
                let i = self.ex(index, &locals);
                self.segments(p, &At::Index(i), depth + 1)
            }
            Some((p, None, false)) => self.segments(p, &At::Whole, depth + 1),
            None => Vec::new(),
        };
        let own = match name {
            Some(n) => self.ex(n, &locals),
            None => self.unknown(&format!(
                "the name of resource `{symbol}`, which it does not give"
            )),
        };
        // A child named whole (`'${vnet}/${subnet}'`) without `parent`: one segment a type,
        // as `bicep build` splits it.
        let depth = self
            .resources
            .get(symbol)
            .map_or(1, |r| r.full_type.matches('/').count());
        if parent.is_none() && depth > 1 {
            out.extend((0..depth).map(|i| format!("split({own}, '/')[{i}]")));
        } else {
            out.push(own);
        }
        out
    }

    /// The locals of one instance of a loop: its item and index at `at`.
    pub(super) fn instance_locals(&mut self, lp: Option<&'t ForLoop>, at: &At, outer: &Locals) -> Locals {
        let Some(lp) = lp else { return outer.clone() };
        let index = match at {
            At::Own => "copyIndex()".to_string(),
            At::Index(i) => i.clone(),
            At::Whole => self.unknown("a looped resource named without its index"),
        };
        let coll = self.ex(&lp.collection, outer);
        bind(lp, &coll, &index, outer)
    }

    pub(super) fn resource_id(&mut self, symbol: &str, at: &At) -> String {
        let Some(info) = self.resources.get(symbol) else {
            return self.unknown(&format!("the resource `{symbol}`, which is not declared"));
        };
        let (full_type, mut scope, mut lp, mut outer) =
            (info.full_type.clone(), info.scope, info.lp, info.outer.clone());
        // A child lives where its parent does: `existing` parents name the resource group.
        let mut parent = info.parent.clone();
        let mut hops = 0;
        while let (None, Some((p, _, _))) = (scope, &parent) {
            let Some(up) = self.resources.get(p.as_str()) else {
                break;
            };
            (scope, lp, outer) = (up.scope, up.lp, up.outer.clone());
            parent = up.parent.clone();
            hops += 1;
            if hops > 16 {
                break;
            }
        }
        let segments = self.segments(symbol, at, 0);
        let mut args = Vec::new();
        if let Some(scope) = scope {
            match &scope.kind {
                Kind::Call {
                    target: None,
                    name,
                    args: a,
                } if name == "resourceGroup" && !a.is_empty() => {
                    let locals = self.instance_locals(lp, at, &outer);
                    args.extend(a.iter().map(|x| self.ex(x, &locals)));
                }
                // `scope: rg`, a resource group the file declares or names `existing`: the
                // resource lives in that group, as with `resourceGroup(name)`.
                Kind::Ident(sym) => {
                    let group = self
                        .resources
                        .get(sym.as_str())
                        .filter(|r| {
                            r.full_type
                                .eq_ignore_ascii_case("Microsoft.Resources/resourceGroups")
                        })
                        .and_then(|r| r.name);
                    if let Some(name) = group {
                        args.push(self.ex(name, &Vec::new()));
                    }
                }
                _ => {}
            }
        }
        args.push(q(&full_type));
        args.extend(segments);
        let f = if self.subscription_scope && scope.is_none() {
            "subscriptionResourceId"
        } else {
            "resourceId"
        };
        format!("{f}({})", args.join(", "))
    }
}
