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

mod expressions;
mod load;
mod modules;
mod resources;
mod template;
mod values;

use super::syntax::{self, Expr, ForLoop, Kind, Prop};
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
