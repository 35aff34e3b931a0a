//! A Bicep file → the ARM template it compiles to, as a span tree whose every value is at
//! its place in the `.bicep` file, for the ARM evaluator to deploy (`arm::evaluate`).
//!
//! Values written as literals stay literals at their own span; every other expression
//! becomes an ARM expression string (`[format('{0}-b', parameters('a'))]`) at the span of the
//! Bicep expression, so a value computed from a parameter still points where the parameter's
//! value is written, and a computed one at the expression. Resource and module loops become
//! `copy`, property and variable loops `copy` entries too (as `bicep build` writes them),
//! other loops `map()` over a `range()`; conditions `condition`; child resources are
//! flattened with their parent's name in theirs; modules become nested deployments with
//! inner scope and their file's template inline; user-defined functions are inlined at each
//! call. Symbolic references resolve as compiled JSON does: `vnet.id` is a `resourceId()`,
//! `vnet.properties.x` a `reference()` (the deployed state, unknown offline), `mod.outputs.x`
//! the nested deployment's output. What Bicep has and ARM lacks becomes
//! `cniplan.unknown('why')`, an unknown value with its reason, never a guess.

use super::syntax::{self, DeclKind, Expr, ForLoop, Item, Kind, Op, Prop};
use super::Unit;

use crate::diagnostic::{Finding, Rule, Span};
use crate::input::tree::{Entry, Node, Value};
use std::borrow::Cow;
use std::collections::HashMap;

/// Values one translation may write: templates inlined for every module call multiply.
const MAX_NODES: u64 = 2_000_000;
/// User-defined functions calling each other this deep stop (a function may not recurse).
const MAX_INLINE: usize = 32;
/// The API version `bicep build` gives the nested deployments of modules.
const DEPLOYMENTS_API: &str = "2022-09-01";

type Locals = Vec<(String, String)>;

/// What the translation of an estate shares: findings, the templates of files already
/// translated, the files being translated (a module that includes itself), the budget.
#[derive(Default)]
pub struct Out {
    pub findings: Vec<Finding>,
    memo: HashMap<u32, Node<'static>>,
    stack: Vec<u32>,
    nodes: u64,
    spent: bool,
}

impl Out {
    fn report(&mut self, f: Finding) {
        if !self
            .findings
            .iter()
            .any(|g| g.span == f.span && g.message == f.message)
        {
            self.findings.push(f);
        }
    }
}

struct Res<'t> {
    full_type: String,
    api: String,
    /// The `name` value.
    name: Option<&'t Expr>,
    /// The parent: its symbol and the index it is taken at (`parent: vnets[i]`), or the
    /// enclosing resource of a nested declaration (same index as the child's).
    parent: Option<(String, Option<&'t Expr>, bool)>,
    scope: Option<&'t Expr>,
    /// The loop and the locals around the declaration (a nested child's parent's loop).
    lp: Option<&'t ForLoop>,
    outer: Locals,
}

struct Module<'t> {
    name: Option<&'t Expr>,
    lp: Option<&'t ForLoop>,
    symbol: String,
}

/// How a resource is named where it is used: in its own declaration (its loop's current
/// instance), at an index, or as a whole.
#[derive(Clone)]
enum At {
    Own,
    Index(String),
    Whole,
}

pub struct Translator<'t, 'o> {
    units: &'t [Unit<'t>],
    file: u32,
    out: &'o mut Out,
    params: HashMap<String, ()>,
    vars: HashMap<String, &'t Expr>,
    resources: HashMap<String, Res<'t>>,
    modules: HashMap<String, Module<'t>>,
    funcs: HashMap<String, (&'t [String], &'t Expr)>,
    /// Local name → (the file it is imported from, its name there; `None` for `* as ns`).
    imported: HashMap<String, (String, Option<String>)>,
    subscription_scope: bool,
    /// In a `.bicepparam` file variables are inlined: a parameters file has no variables.
    inline_vars: bool,
    inlining: usize,
}

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn node(span: Span, value: Value<'static>) -> Node<'static> {
    Node::new(span, value)
}

fn text(span: Span, s: impl Into<String>) -> Node<'static> {
    node(span, Value::Str(Cow::Owned(s.into())))
}

fn entry(key: &str, key_span: Span, value: Node<'static>) -> Entry<'static> {
    Entry {
        key: Cow::Owned(key.to_string()),
        key_span,
        value,
    }
}

/// `@batchSize(n)` on a loop: the loop's `copy` runs `serial`, `n` at a time, as
/// `bicep build` writes it (ARM then deploys the iterations batch after batch).
fn serial(resource: &mut Node<'static>, decorators: &[Expr]) {
    let size = decorators.iter().find_map(|d| match &d.kind {
        Kind::Call {
            target: None,
            name,
            args,
        } if name.eq_ignore_ascii_case("batchSize") => match args.first().map(|a| &a.kind) {
            Some(Kind::Int(n)) => Some(*n),
            _ => None,
        },
        _ => None,
    });
    let (Some(size), Value::Map(entries)) = (size, &mut resource.value) else {
        return;
    };
    if let Some(copy) = entries.iter_mut().find(|e| e.key == "copy") {
        let span = copy.value.span;
        if let Value::Map(copy) = &mut copy.value.value {
            copy.push(entry("mode", span, text(span, "serial")));
            copy.push(entry("batchSize", span, node(span, Value::Int(i128::from(size)))));
        }
    }
}

fn map(span: Span, entries: Vec<Entry<'static>>) -> Node<'static> {
    node(span, Value::Map(entries))
}

/// `name@version` → (name, version).
fn split_type(kind: &str) -> (String, String) {
    match kind.split_once('@') {
        Some((t, v)) => (t.to_string(), v.to_string()),
        None => (kind.to_string(), String::new()),
    }
}

impl<'t, 'o> Translator<'t, 'o> {
    pub fn new(units: &'t [Unit<'t>], file: u32, out: &'o mut Out) -> Self {
        Translator {
            units,
            file,
            out,
            params: HashMap::new(),
            vars: HashMap::new(),
            resources: HashMap::new(),
            modules: HashMap::new(),
            funcs: HashMap::new(),
            imported: HashMap::new(),
            subscription_scope: false,
            inline_vars: false,
            inlining: 0,
        }
    }

    fn sp(&self, e: &Expr) -> Span {
        Span::in_file(self.file, e.start, e.end)
    }

    fn at(&self, start: usize, end: usize) -> Span {
        Span::in_file(self.file, start, end)
    }

    fn decls(&self) -> &'t [syntax::Decl] {
        self.units[self.file as usize]
            .parsed
            .as_ref()
            .map_or(&[], |f| f.decls.as_slice())
    }

    fn unknown(&self, why: &str) -> String {
        format!("cniplan.unknown({})", q(why))
    }

    /// Charges the budget; false once it is spent (reported once).
    fn charge(&mut self, n: u64, span: Span) -> bool {
        if self.out.spent {
            return false;
        }
        self.out.nodes += n;
        if self.out.nodes > MAX_NODES {
            self.out.spent = true;
            self.out.report(
                Finding::new(
                    Rule::UnresolvedInput,
                    span,
                    format!(
                        "the Bicep estate expands to more than {MAX_NODES} values here: the rest is not read"
                    ),
                )
                .help("modules that call modules many times multiply; check for runaway module calls"),
            );
            return false;
        }
        true
    }

    /// Declares every symbol of the file, so references resolve in any order.
    fn declare(&mut self) {
        let decls = self.decls();
        for d in decls {
            match &d.kind {
                DeclKind::TargetScope(e) => {
                    if let Kind::Str(s) = &e.kind {
                        self.subscription_scope = s != "resourceGroup";
                    }
                }
                DeclKind::Param { name, .. } => {
                    self.params.insert(name.text.clone(), ());
                }
                DeclKind::Var { name, value } => {
                    self.vars.insert(name.text.clone(), value);
                }
                DeclKind::Resource { .. } => self.declare_resource(d, None, Vec::new()),
                DeclKind::Module { name, value, .. } => {
                    let (lp, body) = loop_and_body(value);
                    let name_expr = object_prop(body, "name");
                    self.modules.insert(
                        name.text.clone(),
                        Module {
                            name: name_expr,
                            lp,
                            symbol: name.text.clone(),
                        },
                    );
                }
                DeclKind::Func { name, params, body } => {
                    self.funcs.insert(name.text.clone(), (params.as_slice(), body));
                }
                DeclKind::Import {
                    names,
                    wildcard,
                    path,
                    ..
                } => {
                    for (original, local) in names {
                        self.imported
                            .insert(local.clone(), (path.clone(), Some(original.clone())));
                    }
                    if let Some(ns) = wildcard {
                        self.imported.insert(ns.clone(), (path.clone(), None));
                    }
                }
                _ => {}
            }
        }
    }

    fn declare_resource(&mut self, d: &'t syntax::Decl, enclosing: Option<&str>, outer: Locals) {
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

    /// The template of this file.
    pub fn template(mut self) -> Node<'static> {
        self.out.stack.push(self.file);
        let t = self.template_of_file();
        self.out.stack.pop();
        t
    }

    fn template_of_file(&mut self) -> Node<'static> {
        self.declare();
        let whole = self.at(0, 0);
        let schema = if self.subscription_scope {
            "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"
        } else {
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
        };
        let mut params = Vec::new();
        let mut vars = Vec::new();
        let mut var_copies = Vec::new();
        let mut resources = Vec::new();
        let mut outputs = Vec::new();
        let decls = self.decls();
        for d in decls {
            let span = self.at(d.start, d.end);
            match &d.kind {
                DeclKind::TargetScope(e) if !matches!(e.kind, Kind::Str(_)) => {
                    self.out.report(Finding::new(
                        Rule::PlanSchema,
                        self.sp(e),
                        "`targetScope` takes a string: 'resourceGroup', 'subscription', 'managementGroup' or 'tenant'",
                    ));
                }
                DeclKind::Param {
                    name,
                    nullable,
                    value,
                } => {
                    let mut e = vec![entry("type", span, text(span, "any"))];
                    if let Some(v) = value {
                        let v = self.value(v, &Vec::new());
                        e.push(entry("defaultValue", v.span, v));
                    } else if *nullable {
                        e.push(entry("nullable", span, node(span, Value::Bool(true))));
                    }
                    params.push(entry(&name.text, self.at(name.start, name.end), map(span, e)));
                }
                DeclKind::Var { name, value } => {
                    let key = self.at(name.start, name.end);
                    match &value.kind {
                        Kind::For(lp) if !matches!(lp.body.kind, Kind::If(..)) => {
                            var_copies.push(self.copy_entry(
                                &name.text,
                                key,
                                lp,
                                self.sp(value),
                                &Vec::new(),
                            ));
                        }
                        _ => vars.push(entry(&name.text, key, self.value(value, &Vec::new()))),
                    }
                }
                DeclKind::Resource { name, .. } => {
                    self.resource(d, &name.text, &mut resources);
                }
                DeclKind::Module {
                    name,
                    path,
                    path_span,
                    value,
                } => {
                    if let Some(mut m) = self.module(&name.text, path, *path_span, value, span) {
                        serial(&mut m, &d.decorators);
                        resources.push(m);
                    }
                }
                DeclKind::Output { name, value } => {
                    let key = self.at(name.start, name.end);
                    let out = match &value.kind {
                        Kind::For(lp) if !matches!(lp.body.kind, Kind::If(..)) => {
                            let coll = self.ex(&lp.collection, &Vec::new());
                            let locals = bind(lp, &coll, "copyIndex()", &Vec::new());
                            let input = self.value(&lp.body, &locals);
                            let copy = map(
                                self.sp(value),
                                vec![
                                    entry(
                                        "count",
                                        self.sp(&lp.collection),
                                        text(self.sp(&lp.collection), format!("[length({coll})]")),
                                    ),
                                    entry("input", input.span, input),
                                ],
                            );
                            map(span, vec![entry("copy", key, copy)])
                        }
                        _ => {
                            let v = self.value(value, &Vec::new());
                            map(span, vec![entry("value", v.span, v)])
                        }
                    };
                    outputs.push(entry(&name.text, key, out));
                }
                DeclKind::Using { path_span, .. } => {
                    self.out.report(
                        Finding::new(
                            Rule::PlanSchema,
                            self.at(path_span.0, path_span.1),
                            "`using` belongs in a `.bicepparam` file, not in a template",
                        )
                        .help("Bicep refuses the file; move the parameter values into a `.bicepparam` file"),
                    );
                }
                _ => {}
            }
        }
        if !var_copies.is_empty() {
            vars.push(entry("copy", whole, node(whole, Value::Seq(var_copies))));
        }
        map(
            whole,
            vec![
                entry("$schema", whole, text(whole, schema)),
                entry("contentVersion", whole, text(whole, "1.0.0.0")),
                entry("parameters", whole, map(whole, params)),
                entry("variables", whole, map(whole, vars)),
                entry("resources", whole, node(whole, Value::Seq(resources))),
                entry("outputs", whole, map(whole, outputs)),
            ],
        )
    }

    /// The values of a `.bicepparam` file: a parameters file's `{"parameters": …}`, each value
    /// a literal tree, and the parameters whose values are expressions (to be defaults).
    pub fn parameters(mut self) -> (Node<'static>, Vec<(String, Node<'static>)>) {
        self.inline_vars = true;
        self.declare();
        let whole = self.at(0, 0);
        let mut given = Vec::new();
        let mut computed = Vec::new();
        for d in self.decls() {
            if let DeclKind::Param {
                name,
                value: Some(value),
                ..
            } = &d.kind
            {
                let v = self.value(value, &Vec::new());
                let key = self.at(name.start, name.end);
                if has_expression(&v) {
                    computed.push((name.text.clone(), v));
                } else {
                    let span = v.span;
                    given.push(entry(&name.text, key, map(span, vec![entry("value", span, v)])));
                }
            }
        }
        (
            map(whole, vec![entry("parameters", whole, map(whole, given))]),
            computed,
        )
    }

    fn resource(&mut self, d: &'t syntax::Decl, symbol: &str, out: &mut Vec<Node<'static>>) {
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
    fn name_node(&mut self, symbol: &str, locals: &Locals) -> Option<Node<'static>> {
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
    fn segments(&mut self, symbol: &str, at: &At, depth: usize) -> Vec<String> {
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
    fn instance_locals(&mut self, lp: Option<&'t ForLoop>, at: &At, outer: &Locals) -> Locals {
        let Some(lp) = lp else { return outer.clone() };
        let index = match at {
            At::Own => "copyIndex()".to_string(),
            At::Index(i) => i.clone(),
            At::Whole => self.unknown("a looped resource named without its index"),
        };
        let coll = self.ex(&lp.collection, outer);
        bind(lp, &coll, &index, outer)
    }

    fn resource_id(&mut self, symbol: &str, at: &At) -> String {
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
            if let Kind::Call {
                target: None,
                name,
                args: a,
            } = &scope.kind
            {
                if name == "resourceGroup" && !a.is_empty() {
                    let locals = self.instance_locals(lp, at, &outer);
                    args.extend(a.iter().map(|x| self.ex(x, &locals)));
                }
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

    fn module(
        &mut self,
        symbol: &str,
        path: &str,
        path_span: (usize, usize),
        value: &'t Expr,
        span: Span,
    ) -> Option<Node<'static>> {
        if !self.charge(1, span) {
            return None;
        }
        let pspan = self.at(path_span.0, path_span.1);
        let (lp, body) = loop_and_body(value);
        let (condition, body) = match &body.kind {
            Kind::If(c, b) => (Some(&**c), &**b),
            _ => (None, body),
        };
        let locals = match lp {
            Some(lp) => {
                let coll = self.ex(&lp.collection, &Vec::new());
                bind(lp, &coll, "copyIndex()", &Vec::new())
            }
            None => Vec::new(),
        };
        let template = self.module_template(symbol, path, pspan);
        let mut e = vec![
            entry("type", pspan, text(pspan, "Microsoft.Resources/deployments")),
            entry("apiVersion", pspan, text(pspan, DEPLOYMENTS_API)),
        ];
        let name = self.deployment_name(symbol, &At::Own);
        let name_span = object_prop(body, "name").map_or(pspan, |n| self.sp(n));
        let name_node = match object_prop(body, "name") {
            Some(n) => self.value(n, &locals),
            None => text(name_span, format!("[{name}]")),
        };
        e.push(entry("name", name_span, name_node));
        if let Some(c) = condition {
            let v = self.value(c, &locals);
            e.push(entry("condition", v.span, v));
        }
        if let Some(lp) = lp {
            let coll = self.sp(&lp.collection);
            let count = format!("[length({})]", self.ex(&lp.collection, &Vec::new()));
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
        if let Some(scope) = object_prop(body, "scope") {
            match &scope.kind {
                Kind::Call {
                    target: None,
                    name,
                    args,
                } if name == "resourceGroup" => match args.as_slice() {
                    [rg] => {
                        let v = self.value(rg, &locals);
                        e.push(entry("resourceGroup", v.span, v));
                    }
                    [sub, rg] => {
                        let s = self.value(sub, &locals);
                        e.push(entry("subscriptionId", s.span, s));
                        let v = self.value(rg, &locals);
                        e.push(entry("resourceGroup", v.span, v));
                    }
                    _ => {}
                },
                Kind::Call {
                    target: None,
                    name,
                    args,
                } if name == "subscription" => {
                    if let [sub] = args.as_slice() {
                        let s = self.value(sub, &locals);
                        e.push(entry("subscriptionId", s.span, s));
                    }
                }
                // `scope: rg`, a resource group the template declares (or names `existing`).
                Kind::Ident(sym) if !is_local(&locals, sym) => {
                    let group = self
                        .resources
                        .get(sym)
                        .filter(|r| {
                            r.full_type
                                .eq_ignore_ascii_case("Microsoft.Resources/resourceGroups")
                        })
                        .and_then(|r| r.name);
                    if let Some(name) = group {
                        let v = self.value(name, &Vec::new());
                        e.push(entry("resourceGroup", v.span, v));
                    }
                }
                _ => {}
            }
        }
        let mut passed = Vec::new();
        if let Some(params) = object_prop(body, "params") {
            match &params.kind {
                Kind::Object(props) => {
                    for p in props {
                        match p {
                            Prop::Pair {
                                key,
                                key_start,
                                key_end,
                                value,
                                ..
                            } => {
                                let v = self.value(value, &locals);
                                let ks = self.at(*key_start, *key_end);
                                passed.push(entry(key, ks, map(v.span, vec![entry("value", v.span, v)])));
                            }
                            Prop::Spread(s) => self.out.report(Finding::new(
                                Rule::UnresolvedInput,
                                self.sp(s),
                                "a spread (`...`) of module parameters is not read: the parameters it passes are unknown",
                            )),
                            Prop::Resource(_) => {}
                        }
                    }
                }
                _ => self.out.report(Finding::new(
                    Rule::UnresolvedInput,
                    self.sp(params),
                    "module parameters given as an expression are not read: only an object of parameters is",
                )),
            }
        }
        let props = vec![
            entry(
                "expressionEvaluationOptions",
                pspan,
                map(pspan, vec![entry("scope", pspan, text(pspan, "inner"))]),
            ),
            entry("mode", pspan, text(pspan, "Incremental")),
            entry("parameters", pspan, map(pspan, passed)),
            match template {
                Ok(template) => entry("template", template.span, template),
                // Said by the walker if the module is deployed (its condition may be false).
                Err(why) => entry(
                    "templateLink",
                    pspan,
                    map(pspan, vec![entry("cniplanUnread", pspan, text(pspan, why))]),
                ),
            },
        ];
        e.push(entry("properties", span, map(span, props)));
        Some(map(span, e))
    }

    /// A module's deployment name as an ARM expression.
    fn deployment_name(&mut self, symbol: &str, at: &At) -> String {
        let Some(m) = self.modules.get(symbol) else {
            return self.unknown(&format!("the module `{symbol}`, which is not declared"));
        };
        let (name, lp, sym) = (m.name, m.lp, m.symbol.clone());
        let locals = self.instance_locals(lp, at, &Vec::new());
        match name {
            Some(n) => self.ex(n, &locals),
            None => match (lp, at) {
                (Some(_), At::Own) => format!("format('{{0}}-{{1}}', {}, copyIndex())", q(&sym)),
                (Some(_), At::Index(i)) => format!("format('{{0}}-{{1}}', {}, {i})", q(&sym)),
                _ => q(&sym),
            },
        }
    }

    /// The template a module deploys: its file translated (once per file), or a compiled
    /// template read as is.
    fn module_template(&mut self, symbol: &str, path: &str, pspan: Span) -> Result<Node<'static>, String> {
        let from = &self.units[self.file as usize].path;
        let Some(index) = super::resolve_module(self.units, from, path) else {
            let (what, help) = super::module_unread(path);
            return Err(format!(
                "module `{symbol}`: {what} ({help}): what it deploys is not checked"
            ));
        };
        let cut = || format!("module `{symbol}` is not read: what it deploys is not checked");
        if self.out.stack.contains(&index) {
            self.out.report(
                Finding::new(
                    Rule::PlanSchema,
                    pspan,
                    format!(
                        "module `{symbol}` includes {}, which is already being read: a cycle of modules",
                        crate::source::visible(&self.units[index as usize].path)
                    ),
                )
                .help("Bicep refuses a module that includes itself, directly or through other modules"),
            );
            return Err(cut());
        }
        if let Some(t) = self.out.memo.get(&index) {
            let size = t.size();
            let t = t.clone();
            return if self.charge(size, pspan) {
                Ok(t)
            } else {
                Err(cut())
            };
        }
        let unit = &self.units[index as usize];
        let template = if unit.parsed.is_some() {
            Translator::new(self.units, index, self.out).template()
        } else {
            match super::json_template(unit, index) {
                Ok(t) => t,
                Err(f) => {
                    self.out.report(*f);
                    return Err(cut());
                }
            }
        };
        let size = template.size();
        if !self.charge(size, pspan) {
            return Err(cut());
        }
        self.out.memo.insert(index, template.clone());
        Ok(template)
    }

    /// An object property; a loop as its value becomes a property `copy`.
    fn pair(&mut self, e: &mut Vec<Entry<'static>>, key: &str, ks: Span, value: &'t Expr, locals: &Locals) {
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
    fn copy_entry(
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
    fn value(&mut self, e: &'t Expr, locals: &Locals) -> Node<'static> {
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

    /// An expression as ARM expression text (without its brackets), charged by its length:
    /// functions that call each other twice over double their text at each call.
    pub fn ex(&mut self, e: &'t Expr, locals: &Locals) -> String {
        let out = self.ex_inner(e, locals);
        let span = self.sp(e);
        if out.len() > crate::input::budget::MAX_STRING_BYTES {
            let why = crate::input::budget::string_too_long("this expression", out.len() as u128);
            self.out.report(Finding::new(Rule::PlanSchema, span, why.clone()));
            return self.unknown(&why);
        }
        if !self.charge(out.len() as u64 / 64, span) {
            return self.unknown("a Bicep estate too large to read");
        }
        out
    }

    fn ex_inner(&mut self, e: &'t Expr, locals: &Locals) -> String {
        if !self.charge(1, self.sp(e)) {
            return self.unknown("a Bicep estate too large to read");
        }
        match &e.kind {
            Kind::Str(s) => q(s),
            Kind::Interp(parts, holes) => {
                let mut format = String::new();
                for (i, part) in parts.iter().enumerate() {
                    format.push_str(&part.replace('{', "{{").replace('}', "}}"));
                    if i < holes.len() {
                        format.push_str(&format!("{{{i}}}"));
                    }
                }
                let args: Vec<String> = holes.iter().map(|h| self.ex(h, locals)).collect();
                format!("format({}, {})", q(&format), args.join(", "))
            }
            Kind::Int(n) => n.to_string(),
            Kind::Bool(b) => b.to_string(),
            Kind::Null => "null()".to_string(),
            Kind::Ident(name) => self.ident(name, e, locals),
            Kind::Array(items) => {
                let mut groups: Vec<String> = Vec::new();
                let mut plain: Vec<String> = Vec::new();
                let mut spread = false;
                for i in items {
                    match i {
                        Item::Value(v) => plain.push(self.ex(v, locals)),
                        Item::Spread(s) => {
                            spread = true;
                            if !plain.is_empty() {
                                groups.push(format!("createArray({})", plain.join(", ")));
                                plain.clear();
                            }
                            groups.push(self.ex(s, locals));
                        }
                    }
                }
                if !spread {
                    return format!("createArray({})", plain.join(", "));
                }
                if !plain.is_empty() {
                    groups.push(format!("createArray({})", plain.join(", ")));
                }
                format!("concat({})", groups.join(", "))
            }
            Kind::Object(props) => {
                let mut groups: Vec<String> = Vec::new();
                let mut plain: Vec<String> = Vec::new();
                let mut spread = false;
                for p in props {
                    match p {
                        Prop::Pair {
                            key, value, computed, ..
                        } => {
                            match computed {
                                Some(k) => {
                                    let k = self.ex(k, locals);
                                    plain.push(k);
                                }
                                None => plain.push(q(key)),
                            }
                            plain.push(self.ex(value, locals));
                        }
                        Prop::Spread(s) => {
                            spread = true;
                            if !plain.is_empty() {
                                groups.push(format!("createObject({})", plain.join(", ")));
                                plain.clear();
                            }
                            groups.push(self.ex(s, locals));
                        }
                        Prop::Resource(_) => {}
                    }
                }
                if !spread {
                    return format!("createObject({})", plain.join(", "));
                }
                if !plain.is_empty() {
                    groups.push(format!("createObject({})", plain.join(", ")));
                }
                format!("shallowMerge(createArray({}))", groups.join(", "))
            }
            Kind::Call { target, name, args } => self.call(target.as_deref(), name, args, e, locals),
            Kind::Member { target, name, safe } => self.member(target, name, *safe, locals),
            Kind::Index { target, index, safe } => {
                if let Kind::Ident(sym) = &target.kind {
                    if !is_local(locals, sym) && self.resources.contains_key(sym) {
                        let i = self.ex(index, locals);
                        return self.resource_id(sym, &At::Index(i));
                    }
                }
                let t = self.ex(target, locals);
                let i = self.ex(index, locals);
                if *safe {
                    format!("tryGet({t}, {i})")
                } else {
                    format!("{t}[{i}]")
                }
            }
            Kind::NonNull(x) => self.ex(x, locals),
            Kind::Not(x) => format!("not({})", self.ex(x, locals)),
            Kind::Neg(x) => format!("sub(0, {})", self.ex(x, locals)),
            Kind::Binary(op, a, b) => {
                let (a, b) = (self.ex(a, locals), self.ex(b, locals));
                match op {
                    Op::Or => format!("or({a}, {b})"),
                    Op::And => format!("and({a}, {b})"),
                    Op::Coalesce => format!("coalesce({a}, {b})"),
                    Op::Eq => format!("equals({a}, {b})"),
                    Op::Ne => format!("not(equals({a}, {b}))"),
                    Op::EqI => format!("equals(toLower({a}), toLower({b}))"),
                    Op::NeI => format!("not(equals(toLower({a}), toLower({b})))"),
                    Op::Lt => format!("less({a}, {b})"),
                    Op::Le => format!("lessOrEquals({a}, {b})"),
                    Op::Gt => format!("greater({a}, {b})"),
                    Op::Ge => format!("greaterOrEquals({a}, {b})"),
                    Op::Add => format!("add({a}, {b})"),
                    Op::Sub => format!("sub({a}, {b})"),
                    Op::Mul => format!("mul({a}, {b})"),
                    Op::Div => format!("div({a}, {b})"),
                    Op::Mod => format!("mod({a}, {b})"),
                }
            }
            Kind::Ternary(c, a, b) => format!(
                "if({}, {}, {})",
                self.ex(c, locals),
                self.ex(a, locals),
                self.ex(b, locals)
            ),
            Kind::Lambda(params, body) => {
                let mut inner = locals.clone();
                for p in params {
                    inner.push((p.clone(), format!("lambdaVariables({})", q(p))));
                }
                let names: Vec<String> = params.iter().map(|p| q(p)).collect();
                format!("lambda({}, {})", names.join(", "), self.ex(body, &inner))
            }
            Kind::For(lp) => {
                // `map(range(0, length(xs)), lambda('i', …))`, filtered first when it filters.
                let coll = self.ex(&lp.collection, locals);
                let i = format!("__i{}", e.start);
                let index = format!("lambdaVariables({})", q(&i));
                let inner = bind(lp, &coll, &index, locals);
                let range = format!("range(0, length({coll}))");
                let (range, body) = match &lp.body.kind {
                    Kind::If(cond, body) => (
                        format!("filter({range}, lambda({}, {}))", q(&i), self.ex(cond, &inner)),
                        &**body,
                    ),
                    _ => (range, &lp.body),
                };
                format!("map({range}, lambda({}, {}))", q(&i), self.ex(body, &inner))
            }
            Kind::If(..) => self.unknown("an `if` outside a resource or module body"),
        }
    }

    fn ident(&mut self, name: &str, e: &'t Expr, locals: &Locals) -> String {
        if let Some((_, v)) = locals.iter().rev().find(|(n, _)| n == name) {
            return v.clone();
        }
        if self.params.contains_key(name) {
            return format!("parameters({})", q(name));
        }
        if let Some(v) = self.vars.get(name).copied() {
            if self.inline_vars {
                self.inlining += 1;
                let out = if self.inlining > MAX_INLINE {
                    self.unknown(&format!("variable `{name}`, which refers to itself"))
                } else {
                    self.ex(v, &Vec::new())
                };
                self.inlining -= 1;
                return out;
            }
            return format!("variables({})", q(name));
        }
        if self.resources.contains_key(name) {
            return self.resource_id(name, &At::Whole);
        }
        if let Some((from, original)) = self.imported.get(name).cloned() {
            let original = original.unwrap_or_else(|| name.to_string());
            return self.foreign(&from, &original, None).unwrap_or_else(|| {
                self.unknown(&format!(
                    "`{name}`, imported from '{from}', which cniplan does not read"
                ))
            });
        }
        if self.modules.contains_key(name) {
            return self.unknown(&format!("module `{name}` used as a value"));
        }
        let span = self.sp(e);
        self.out.report(
            Finding::new(
                Rule::PlanSchema,
                span,
                format!("`{name}` is not declared in this file"),
            )
            .help("Bicep refuses a name it cannot find; declare it as a param, var, resource or module"),
        );
        self.unknown(&format!("`{name}`, which is not declared"))
    }

    /// A variable (`args` `None`) or a function called with `args` (ARM text), exported by
    /// the local file `path`: inlined from that file, as `bicep build` copies them in.
    fn foreign(&mut self, path: &str, name: &str, args: Option<Vec<String>>) -> Option<String> {
        let from = &self.units[self.file as usize].path;
        let index = super::resolve_module(self.units, from, path).filter(|_| !path.starts_with("br"))?;
        if self.inlining >= MAX_INLINE {
            return Some(self.unknown(&format!("`{name}`, imported through a cycle of imports")));
        }
        let mut other = Translator::new(self.units, index, self.out);
        other.inline_vars = true;
        other.inlining = self.inlining + 1;
        other.declare();
        match args {
            None => {
                let v = other.vars.get(name).copied()?;
                Some(other.ex(v, &Vec::new()))
            }
            Some(args) => {
                let (params, body) = other.funcs.get(name).copied()?;
                let bound: Locals = params.iter().cloned().zip(args).collect();
                Some(other.ex(body, &bound))
            }
        }
    }

    fn member(&mut self, target: &'t Expr, name: &str, safe: bool, locals: &Locals) -> String {
        // `mod.outputs.x` (and `mods[i].outputs.x`).
        if let Kind::Member {
            target: inner,
            name: outputs,
            ..
        } = &target.kind
        {
            if outputs == "outputs" {
                if let Some((sym, at)) = self.symbol(inner, locals) {
                    if self.modules.contains_key(&sym) {
                        let n = self.deployment_name(&sym, &at);
                        return format!("reference({n}).outputs.{name}.value");
                    }
                }
            }
        }
        if let Kind::Ident(ns) = &target.kind {
            if let Some((from, None)) = self.imported.get(ns).cloned().filter(|_| !is_local(locals, ns)) {
                return self.foreign(&from, name, None).unwrap_or_else(|| {
                    self.unknown(&format!(
                        "`{ns}.{name}`, imported from '{from}', which cniplan does not read"
                    ))
                });
            }
        }
        if let Some((sym, at)) = self.symbol(target, locals) {
            if let Some(info) = self.resources.get(&sym) {
                let (api, full_type) = (info.api.clone(), info.full_type.clone());
                return match name {
                    "id" => self.resource_id(&sym, &at),
                    "name" => {
                        let segs = self.segments(&sym, &at, 0);
                        segs.last().cloned().unwrap_or_default()
                    }
                    "type" => q(&full_type),
                    "apiVersion" => q(&api),
                    "properties" => format!("reference({}, {})", self.resource_id(&sym, &at), q(&api)),
                    _ => format!(
                        "reference({}, {}, 'full').{name}",
                        self.resource_id(&sym, &at),
                        q(&api)
                    ),
                };
            }
            if self.modules.contains_key(&sym) {
                return match name {
                    "name" => self.deployment_name(&sym, &at),
                    _ => self.unknown(&format!("`.{name}` of module `{sym}`")),
                };
            }
        }
        let t = self.ex(target, locals);
        if safe {
            format!("tryGet({t}, {})", q(name))
        } else {
            format!("{t}.{name}")
        }
    }

    /// A resource or module named by its symbol, whole or at an index.
    fn symbol(&mut self, e: &'t Expr, locals: &Locals) -> Option<(String, At)> {
        match &e.kind {
            Kind::Ident(s) if !is_local(locals, s) => {
                let declared = self.resources.contains_key(s) || self.modules.contains_key(s);
                declared.then(|| (s.clone(), At::Whole))
            }
            Kind::Index { target, index, .. } => match &target.kind {
                Kind::Ident(s) if !is_local(locals, s) => {
                    let declared = self.resources.contains_key(s) || self.modules.contains_key(s);
                    if !declared {
                        return None;
                    }
                    let i = self.ex(index, locals);
                    Some((s.clone(), At::Index(i)))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn call(
        &mut self,
        target: Option<&'t Expr>,
        name: &str,
        args: &'t [Expr],
        e: &'t Expr,
        locals: &Locals,
    ) -> String {
        if let Some(t) = target {
            return match &t.kind {
                Kind::Ident(ns) if (ns == "sys" || ns == "az") && !is_local(locals, ns) => {
                    self.call(None, name, args, e, locals)
                }
                Kind::Ident(ns) if self.imported.contains_key(ns) && !is_local(locals, ns) => {
                    let from = self.imported[ns].0.clone();
                    let bound = args.iter().map(|a| self.ex(a, locals)).collect();
                    self.foreign(&from, name, Some(bound)).unwrap_or_else(|| {
                        self.unknown(&format!(
                            "`{ns}.{name}()`, imported from '{from}', which cniplan does not read"
                        ))
                    })
                }
                _ => self.unknown(&format!("`.{name}()`, which reads a deployed resource")),
            };
        }
        if let Some((params, body)) = self.funcs.get(name).copied() {
            if self.inlining >= MAX_INLINE {
                return self.unknown(&format!("the function `{name}()`, which calls itself"));
            }
            let bound: Locals = params
                .iter()
                .cloned()
                .zip(args.iter().map(|a| self.ex(a, locals)))
                .collect();
            self.inlining += 1;
            let out = self.ex(body, &bound);
            self.inlining -= 1;
            return out;
        }
        if let Some((from, original)) = self.imported.get(name).cloned() {
            let original = original.unwrap_or_else(|| name.to_string());
            let bound = args.iter().map(|a| self.ex(a, locals)).collect();
            return self.foreign(&from, &original, Some(bound)).unwrap_or_else(|| {
                self.unknown(&format!(
                    "`{name}()`, imported from '{from}', which cniplan does not read"
                ))
            });
        }
        match name {
            "any" if args.len() == 1 => return self.ex(&args[0], locals),
            "loadTextContent" | "loadJsonContent" | "loadYamlContent" => {
                return self.load(name, args, e, locals);
            }
            "loadFileAsBase64" | "getSecret" => {
                return self.unknown(&format!("`{name}()`, which cniplan does not evaluate"));
            }
            "readEnvironmentVariable" => {
                let var = match args.first().map(|a| &a.kind) {
                    Some(Kind::Str(v)) => v.clone(),
                    _ => return self.unknown("`readEnvironmentVariable()` of a computed name"),
                };
                return match (std::env::var(&var), args.get(1)) {
                    (Ok(v), _) => q(&v),
                    (Err(_), Some(default)) => self.ex(default, locals),
                    (Err(_), None) => {
                        self.unknown(&format!("the environment variable `{var}`, which is not set"))
                    }
                };
            }
            _ => {}
        }
        let args: Vec<String> = args.iter().map(|a| self.ex(a, locals)).collect();
        format!("{name}({})", args.join(", "))
    }

    /// `loadTextContent('file')`, `loadJsonContent('file')`, `loadYamlContent('file')`: the
    /// file beside this one, read within the file size limit.
    fn load(&mut self, name: &str, args: &'t [Expr], e: &'t Expr, _locals: &Locals) -> String {
        let path = match args.first().map(|a| &a.kind) {
            Some(Kind::Str(p)) => p.clone(),
            _ => return self.unknown(&format!("`{name}()` of a computed path")),
        };
        if args.len() > 1 && name != "loadTextContent" {
            return self.unknown(&format!("`{name}()` with a path into the file"));
        }
        let from = &self.units[self.file as usize].path;
        let full = super::beside(from, &path);
        let shown = full.to_string_lossy().into_owned();
        let bytes = match crate::source::read::read_file(&full, &shown) {
            Ok(b) => b,
            Err(why) => {
                self.out.report(
                    Finding::new(
                        Rule::UnresolvedInput,
                        self.sp(e),
                        crate::source::visible(&why).into_owned(),
                    )
                    .help("Bicep reads the file when it builds; put it beside the template"),
                );
                return self.unknown(&format!("the file '{path}', which cannot be read"));
            }
        };
        let Ok(content) = String::from_utf8(bytes) else {
            return self.unknown(&format!("the file '{path}', which is not UTF-8 text"));
        };
        if content.len() > crate::input::budget::MAX_STRING_BYTES {
            return self.unknown(&crate::input::budget::string_too_long(
                &format!("`{name}()`"),
                content.len() as u128,
            ));
        }
        match name {
            "loadTextContent" => q(&content),
            "loadJsonContent" => {
                let stripped = crate::input::arm::blank_comments(&content);
                match serde_json::from_str::<serde_json::Value>(&stripped) {
                    Ok(v) => format!("json({})", q(&v.to_string())),
                    Err(err) => {
                        self.out.report(Finding::new(
                            Rule::PlanSyntax,
                            self.sp(e),
                            format!("'{}' is no JSON: {err}", crate::source::visible(&path)),
                        ));
                        self.unknown(&format!("the file '{path}', which is no JSON"))
                    }
                }
            }
            _ => {
                let source = crate::source::SourceFile::new(path.clone(), content);
                match crate::input::yaml::parse(&source, self.file) {
                    Ok(doc) => {
                        let v = doc.root.as_ref().map_or(serde_json::Value::Null, to_json);
                        format!("json({})", q(&v.to_string()))
                    }
                    Err(err) => {
                        self.out.report(Finding::new(
                            Rule::PlanSyntax,
                            self.sp(e),
                            format!("'{}' is no YAML: {}", crate::source::visible(&path), err.message),
                        ));
                        self.unknown(&format!("the file '{path}', which is no YAML"))
                    }
                }
            }
        }
    }
}

fn is_local(locals: &Locals, name: &str) -> bool {
    locals.iter().any(|(n, _)| n == name)
}

/// The loop of a body (if it is one) and the body of one instance.
fn loop_and_body(value: &Expr) -> (Option<&ForLoop>, &Expr) {
    match &value.kind {
        Kind::For(lp) => (Some(lp), &lp.body),
        _ => (None, value),
    }
}

/// A property of an object body (an `if` body's object too).
fn object_prop<'e>(body: &'e Expr, key: &str) -> Option<&'e Expr> {
    let body = match &body.kind {
        Kind::If(_, b) => b,
        _ => body,
    };
    match &body.kind {
        Kind::Object(props) => props.iter().find_map(|p| match p {
            Prop::Pair { key: k, value, .. } if k == key => Some(value),
            _ => None,
        }),
        _ => None,
    }
}

/// The locals of a loop's body: its item `coll[index]` and its index.
fn bind(lp: &ForLoop, coll: &str, index: &str, outer: &Locals) -> Locals {
    let mut locals = outer.clone();
    if let Some(item) = &lp.item {
        locals.push((item.clone(), format!("{coll}[{index}]")));
    }
    if let Some(i) = &lp.index {
        locals.push((i.clone(), index.to_string()));
    }
    locals
}

/// Whether a value holds an expression string anywhere.
fn has_expression(n: &Node<'_>) -> bool {
    match &n.value {
        Value::Str(s) => s.starts_with('[') && !s.starts_with("[["),
        Value::Seq(items) => items.iter().any(has_expression),
        Value::Map(entries) => entries
            .iter()
            .any(|e| e.key == "copy" || has_expression(&e.value)),
        _ => false,
    }
}

/// A YAML tree as JSON (`loadYamlContent`).
fn to_json(n: &Node<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match &n.value {
        Value::Null | Value::Taken => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => i64::try_from(*i).map_or(J::Null, J::from),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.to_string()),
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|e| (e.key.to_string(), to_json(&e.value)))
                .collect(),
        ),
    }
}
