//! Expressions of a `.tf` configuration evaluated without Terraform: literals, variables,
//! locals, references within a module and through local modules, `count` and `for_each`,
//! templates, conditionals, `for` and the functions of [`super::functions`]. What only apply
//! knows, or what cniplan does not evaluate, is unknown, never guessed.
//!
//! Evaluation is lazy and memoized per module instance, as Terraform's graph is: a local is
//! computed when first referred to. A reference back to something still being computed is a
//! cycle, reported where it closes; a budget of steps bounds the work on any input.

use super::config::{block_header, span_of, Call, Item, Module};
use super::functions;
use super::value::{Kind, V};
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::budget;
use hcl_edit::expr::{BinaryOperator, Expression, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Decorated;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

/// Instances of one resource or module call that cniplan expands (bounded work, as
/// ARCHITECTURE.md's one evaluation budget).
pub const MAX_INSTANCES: usize = 10_000;
/// Instances of all resources and modules together: a `for_each` of modules each with a
/// large `count` multiplies, and each instance is a resource in memory.
pub const MAX_TOTAL_INSTANCES: usize = 50_000;
use budget::MAX_STEPS;
/// Nested evaluations (expressions within expressions, references within references).
const MAX_DEPTH: usize = 1_000;

pub type R = Result<V, Fail>;

/// A module call's instances: each key (none without `count`/`for_each`) and instance.
pub type Instances = Vec<(Option<V>, usize)>;

/// An expression Terraform would refuse (an attribute of null, an index out of range), or
/// one cniplan does not evaluate. `report` makes it a finding; the others only make the
/// value unknown, since cniplan is no Terraform validator.
#[derive(Debug)]
pub struct Fail {
    pub message: String,
    pub report: Option<(Rule, Span)>,
}

fn fail<T>(message: impl Into<String>) -> Result<T, Fail> {
    Err(Fail {
        message: message.into(),
        report: None,
    })
}

/// One instance of a module: the root, or `module.x`, `module.x["a"]`, nested.
pub struct Inst {
    pub module: usize,
    /// `module.net["a"]`; empty at the root.
    pub address: String,
    /// The instance and call that made it, for its input variables.
    pub parent: Option<(usize, usize)>,
    count: Option<V>,
    each: Option<(V, V)>,
}

/// Where an expression is evaluated: a module instance, the file it is written in, and the
/// names bound around it (`count.index`, `each`, `for` variables, dynamic block iterators).
#[derive(Clone)]
pub struct Scope {
    pub inst: usize,
    pub file: u32,
    pub count: Option<V>,
    pub each: Option<(V, V)>,
    pub names: Vec<(String, V)>,
}

impl Scope {
    pub fn new(inst: usize, file: u32) -> Scope {
        Scope {
            inst,
            file,
            count: None,
            each: None,
            names: Vec::new(),
        }
    }

    fn bound(&self, name: &str) -> Option<&V> {
        self.names.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn span(&self, expr: &Expression) -> Span {
        span_of(self.file, hcl_edit::Span::span(expr))
    }
}

/// A memoized value: its names borrow the configuration, so looking one up allocates nothing.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'c> {
    Var(usize, &'c str),
    Local(usize, &'c str),
    Output(usize, &'c str),
    Resource(usize, usize),
}

enum Slot {
    Busy,
    Done(V, u64),
}

/// What a resource's `count` or `for_each` gives: no meta-argument, instance keys, or
/// instances that cannot be known before apply.
pub enum Expansion {
    Single,
    Keys(Vec<(V, Scope)>),
    Unknown(&'static str),
}

pub struct Evaluator<'c> {
    pub modules: &'c [Module<'c>],
    pub insts: Vec<Inst>,
    root_vars: BTreeMap<String, V>,
    /// Where each root variable's value is written (its variable file's attribute).
    root_var_spans: BTreeMap<String, Span>,
    memo: foldhash::HashMap<Key<'c>, Slot>,
    calls: HashMap<(usize, usize), Option<Instances>>,
    steps: u64,
    /// The budget: [`MAX_STEPS`], and more for a configuration large in itself ([`budget_for`]).
    max_steps: u64,
    depth: usize,
    out_of_budget: bool,
    instances: usize,
    pub findings: Vec<Finding>,
    reported: HashSet<(Span, Rule)>,
    /// Every resource instance evaluated so far, by module instance and declaration.
    pub produced: Vec<super::body::Produced>,
    /// Each call of a function cniplan does not evaluate (`setproduct`, `format("%f")`), and
    /// each reference to a variable, local or output it left unknown: where, and the
    /// function's name, so a note of an unknown value written there names it, not apply.
    /// Once per place (a call in a `for` of a million items is one place).
    pub unevaluated: BTreeMap<Span, Rc<str>>,
    /// How many of those calls and references the evaluation has met, and the last one's
    /// function: what a variable, local or output computed meanwhile owes to them. A
    /// resource's own are taken back when it is done (its `id`, unknown until apply, owes
    /// nothing to them).
    unevaluated_met: (u64, Option<Rc<str>>),
    /// The variables, locals and outputs left unknown by a function cniplan does not
    /// evaluate, with the first such function.
    unevaluated_in: HashMap<Key<'c>, Rc<str>>,
}

impl<'c> Evaluator<'c> {
    pub fn new(modules: &'c [Module<'c>], root_vars: BTreeMap<String, V>) -> Self {
        Evaluator {
            modules,
            insts: vec![Inst {
                module: 0,
                address: String::new(),
                parent: None,
                count: None,
                each: None,
            }],
            root_vars,
            root_var_spans: BTreeMap::new(),
            memo: foldhash::HashMap::default(),
            calls: HashMap::new(),
            steps: 0,
            max_steps: MAX_STEPS,
            depth: 0,
            out_of_budget: false,
            instances: 0,
            findings: Vec::new(),
            reported: HashSet::new(),
            produced: Vec::new(),
            unevaluated: BTreeMap::new(),
            unevaluated_met: (0, None),
            unevaluated_in: HashMap::new(),
        }
    }

    /// Sets the budget for a configuration of `bytes` bytes of text ([`budget_for`]).
    pub fn sized_for(&mut self, bytes: usize) {
        self.max_steps = budget_for(bytes);
    }

    /// Where the root variables' values are written, for the findings at them.
    pub fn given_at(&mut self, spans: BTreeMap<String, Span>) {
        self.root_var_spans = spans;
    }

    pub fn module_of(&self, inst: usize) -> &'c Module<'c> {
        &self.modules[self.insts[inst].module]
    }

    pub fn report(&mut self, finding: Finding) {
        let key = (finding.span.unwrap_or_default(), finding.rule);
        if self.reported.insert(key) {
            self.findings.push(finding);
        }
    }

    /// Evaluates a top-level expression (an attribute, a `count`): a failure becomes an
    /// unknown value, and a finding when it is one a user should see.
    pub fn eval_item(&mut self, expr: &'c Expression, scope: &mut Scope) -> V {
        match self.eval(expr, scope) {
            Ok(v) => v,
            Err(f) => {
                if let Some((rule, span)) = f.report {
                    self.report(Finding::new(rule, span, f.message));
                }
                V::unknown()
            }
        }
    }

    /// Charges `n` steps of work; past the budget every evaluation is unknown, reported once.
    fn charge(&mut self, n: u64, at: Span) -> Result<(), Fail> {
        self.steps = self.steps.saturating_add(n);
        if self.steps <= self.max_steps {
            return Ok(());
        }
        if !self.out_of_budget {
            self.out_of_budget = true;
            self.report(budget::spent(at, "the configuration", self.max_steps));
        }
        fail("out of budget")
    }

    pub fn eval(&mut self, expr: &'c Expression, scope: &mut Scope) -> R {
        self.enter(expr, scope)?;
        self.depth += 1;
        let result = self.eval_inner(expr, scope);
        self.depth -= 1;
        result
    }

    /// What evaluating `expr` costs before it starts: a step of the budget, and a level of
    /// nesting under the limit.
    fn enter(&mut self, expr: &Expression, scope: &Scope) -> Result<(), Fail> {
        let at = scope.span(expr);
        self.charge(1, at)?;
        if self.depth >= MAX_DEPTH {
            return Err(Fail {
                message: "the expression nests too deeply to evaluate".into(),
                report: Some((Rule::PlanSchema, at)),
            });
        }
        Ok(())
    }

    fn eval_inner(&mut self, expr: &'c Expression, scope: &mut Scope) -> R {
        Ok(match expr {
            Expression::Null(_) => V::null(),
            Expression::Bool(b) => V::bool(*b.value()),
            Expression::Number(n) => match n.value().as_i64() {
                Some(i) => V::int(i128::from(i)),
                None => V::number(n.value().as_f64().unwrap_or(f64::NAN)),
            },
            Expression::String(s) => V::str(s.value().clone()),
            Expression::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    out.push(self.eval(item, scope)?);
                }
                V::list(out)
            }
            Expression::Object(object) => {
                let mut out = BTreeMap::new();
                let mut unknown_key = None;
                for (key, value) in object.iter() {
                    let key = match key {
                        hcl_edit::expr::ObjectKey::Ident(ident) => V::str(ident.as_str()),
                        hcl_edit::expr::ObjectKey::Expression(e) => match e {
                            // A bare name as a key is the name itself, not a variable.
                            Expression::Variable(v) => V::str(v.as_str()),
                            e => self.eval(e, scope)?,
                        },
                    };
                    let value = self.eval(value.expr(), scope)?;
                    match key.to_text() {
                        Some(k) => {
                            out.insert(k, value);
                        }
                        None => unknown_key = Some(key),
                    }
                }
                match unknown_key {
                    Some(key) if key.is_unknown() => V::unknown_from([&key]),
                    Some(_) => return fail("an object key is not a string"),
                    None => V::map(out),
                }
            }
            Expression::StringTemplate(t) => self.template(t, scope, scope.span(expr))?,
            Expression::HeredocTemplate(h) => self.template(&h.template, scope, scope.span(expr))?,
            Expression::Parenthesis(p) => self.eval(p.inner(), scope)?,
            Expression::Variable(name) => match scope.bound(name.as_str()) {
                Some(v) => v.clone(),
                None => match name.as_str() {
                    "count" => V::map(BTreeMap::from([(
                        "index".to_string(),
                        scope.count.clone().unwrap_or_else(V::unknown),
                    )])),
                    "each" => {
                        let (k, v) = scope.each.clone().unwrap_or_else(|| (V::unknown(), V::unknown()));
                        V::map(BTreeMap::from([("key".to_string(), k), ("value".to_string(), v)]))
                    }
                    other => return fail(format!("`{other}` alone is not a value")),
                },
            },
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr, scope)?;
                match cond.as_bool() {
                    Some(true) => self.eval(&c.true_expr, scope)?,
                    Some(false) => self.eval(&c.false_expr, scope)?,
                    None if cond.is_unknown() => {
                        // Either branch may be taken: both are where the value may come from.
                        let a = self.eval(&c.true_expr, scope).unwrap_or_else(|_| V::unknown());
                        let b = self.eval(&c.false_expr, scope).unwrap_or_else(|_| V::unknown());
                        let mut out = V::unknown_from([&cond]);
                        a.all_from(&mut out.from);
                        b.all_from(&mut out.from);
                        out
                    }
                    None => return fail("the condition is not a bool"),
                }
            }
            Expression::FuncCall(call) => self.func_call(call, scope)?,
            Expression::Traversal(t) => self.traversal(t, scope)?,
            Expression::UnaryOp(op) => {
                let v = self.eval(&op.expr, scope)?;
                if v.is_unknown() {
                    return Ok(v);
                }
                match op.operator.value() {
                    UnaryOperator::Neg => match &v.kind {
                        Kind::Int(n) => n.checked_neg().map_or_else(|| V::number(-(*n as f64)), V::int),
                        _ => V::number(-v.as_f64().map_or_else(|| fail("`-` needs a number"), Ok)?),
                    },
                    UnaryOperator::Not => V::bool(!v.as_bool().map_or_else(|| fail("`!` needs a bool"), Ok)?),
                }
                .derived([&v])
            }
            Expression::BinaryOp(op) => {
                let lhs = self.eval(&op.lhs_expr, scope)?;
                let operator = *op.operator.value();
                // `false && x` and `true || x` need no `x`: an unknown `x` does not matter.
                match (operator, lhs.as_bool()) {
                    (BinaryOperator::And, Some(false)) => return Ok(V::bool(false)),
                    (BinaryOperator::Or, Some(true)) => return Ok(V::bool(true)),
                    _ => {}
                }
                let rhs = self.eval(&op.rhs_expr, scope)?;
                binary(operator, &lhs, &rhs)?
            }
            Expression::ForExpr(f) => self.for_expr(f, scope)?,
        })
    }

    fn template(&mut self, t: &'c Template, scope: &mut Scope, at: Span) -> R {
        // A template that is one interpolation gives its value as it is, not as a string
        // (`"${var.subnets}"` is the list): HCL's template unwrapping, which `.tf.json`
        // files rely on, since every expression there is written as a string.
        if let [Element::Interpolation(only)] = t.iter().collect::<Vec<_>>().as_slice() {
            return self.eval(&only.expr, scope);
        }
        let mut text = Text {
            out: String::new(),
            parts: Vec::new(),
            at,
        };
        if !self.render(t, scope, &mut text, (false, false))? {
            return Ok(V::unknown_from(&text.parts));
        }
        Ok(V::str(text.out).derived(&text.parts))
    }

    /// Renders a template's elements onto `text`, `%{ if }` and `%{ for }` directives
    /// included, as Terraform does. `trim` says whether the whitespace at the template's
    /// start and end is stripped by the `~` of the markers around it (`%{ if c ~}`). `false`
    /// when a value it needs is unknown.
    fn render(
        &mut self,
        t: &'c Template,
        scope: &mut Scope,
        text: &mut Text,
        trim: (bool, bool),
    ) -> Result<bool, Fail> {
        let elements: Vec<&'c Element> = t.iter().collect();
        let mut strip_next = trim.0;
        for (i, element) in elements.iter().enumerate() {
            match element {
                Element::Literal(s) => {
                    let mut s = s.value().as_str();
                    if std::mem::take(&mut strip_next) {
                        s = s.trim_start();
                    }
                    let strip_end = elements.get(i + 1).map_or(trim.1, |e| strips_before(e));
                    if strip_end {
                        s = s.trim_end();
                    }
                    text.push(s)?;
                }
                Element::Interpolation(interpolation) => {
                    strip_next = interpolation.strip.strip_end();
                    let v = self.eval(&interpolation.expr, scope)?;
                    if v.has_unknown() {
                        text.parts.push(v);
                        return Ok(false);
                    }
                    match v.to_text() {
                        Some(s) => text.push(&s)?,
                        None => return fail("a template interpolates a value that is not a string"),
                    }
                    text.parts.push(v);
                }
                Element::Directive(directive) => match &**directive {
                    Directive::If(d) => {
                        strip_next = d.endif_expr.strip.strip_end();
                        let cond = self.eval(&d.if_expr.cond_expr, scope)?;
                        let end_of_if = d
                            .else_expr
                            .as_ref()
                            .map_or(d.endif_expr.strip.strip_start(), |e| e.strip.strip_start());
                        let branch = match cond.as_bool() {
                            Some(true) => {
                                Some((&d.if_expr.template, (d.if_expr.strip.strip_end(), end_of_if)))
                            }
                            Some(false) => d.else_expr.as_ref().map(|e| {
                                (
                                    &e.template,
                                    (e.strip.strip_end(), d.endif_expr.strip.strip_start()),
                                )
                            }),
                            None if cond.has_unknown() => {
                                text.parts.push(cond);
                                return Ok(false);
                            }
                            None => return fail("`%{ if }` needs a bool"),
                        };
                        if let Some((body, trim)) = branch {
                            if !self.render(body, scope, text, trim)? {
                                return Ok(false);
                            }
                        }
                    }
                    Directive::For(d) => {
                        strip_next = d.endfor_expr.strip.strip_end();
                        let f = &d.for_expr;
                        let collection = self.eval(&f.collection_expr, scope)?;
                        let Some(pairs) = collection.entries() else {
                            if collection.has_unknown() {
                                text.parts.push(collection);
                                return Ok(false);
                            }
                            return fail("`%{ for }` needs a list, a set or a map");
                        };
                        let trim = (f.strip.strip_end(), d.endfor_expr.strip.strip_start());
                        let mark = scope.names.len();
                        for (k, v) in pairs {
                            self.charge(1, text.at)?;
                            if let Some(key_var) = &f.key_var {
                                scope.names.push((key_var.as_str().to_string(), k));
                            }
                            scope.names.push((f.value_var.as_str().to_string(), v));
                            let done = self.render(&f.template, scope, text, trim);
                            scope.names.truncate(mark);
                            if !done? {
                                return Ok(false);
                            }
                        }
                    }
                },
            }
        }
        Ok(true)
    }

    fn func_call(&mut self, call: &'c hcl_edit::expr::FuncCall, scope: &mut Scope) -> R {
        let name = call.name.name.as_str();
        if call.name.is_namespaced() {
            // Provider-defined functions (`provider::x::f`) run only inside Terraform.
            return Ok(V::unknown());
        }
        match name {
            "try" => {
                for arg in call.args.iter() {
                    if let Ok(v) = self.eval(arg, scope) {
                        return Ok(v);
                    }
                }
                return fail("try: every argument failed");
            }
            "can" => {
                let arg = call.args.iter().next();
                return Ok(V::bool(arg.is_some_and(|a| self.eval(a, scope).is_ok())));
            }
            _ => {}
        }
        let mut args = Vec::with_capacity(call.args.len());
        for arg in call.args.iter() {
            args.push(self.eval(arg, scope)?);
        }
        if call.args.expand_final() {
            match args.pop().map(|v| v.kind) {
                Some(Kind::List(items)) => args.extend(Rc::unwrap_or_clone(items)),
                Some(Kind::Unknown) => return Ok(V::unknown_from(&args)),
                _ => return fail("`...` needs a list"),
            }
        }
        let at = span_of(scope.file, hcl_edit::Span::span(call));
        match functions::call(name, args) {
            None => {
                self.met_unevaluated(at, Rc::from(name));
                Ok(V::unknown())
            }
            // What a call builds is charged by its size, as a reference to a value is.
            Some(Ok(v)) => self.charge(v.size(), at).map(|()| v),
            Some(Err(e)) => Err(Fail {
                report: e.report.map(|rule| (rule, at)),
                message: e.message,
            }),
        }
    }

    fn for_expr(&mut self, f: &'c hcl_edit::expr::ForExpr, scope: &mut Scope) -> R {
        let collection = self.eval(&f.intro.collection_expr, scope)?;
        let pairs = match (collection.entries(), &collection.kind) {
            (Some(pairs), _) => pairs,
            (None, Kind::Unknown) => return Ok(V::unknown_from([&collection])),
            (None, _) => return fail("`for` needs a list, a set or a map"),
        };
        let at = scope.span(&f.intro.collection_expr);
        let mut list = Vec::new();
        let mut map: BTreeMap<String, V> = BTreeMap::new();
        let mark = scope.names.len();
        let mut result = Ok(());
        for (k, v) in pairs {
            if let Err(e) = self.charge(1 + v.size(), at) {
                result = Err(e);
                break;
            }
            if let Some(key_var) = &f.intro.key_var {
                scope.names.push((key_var.as_str().to_string(), k));
            }
            scope.names.push((f.intro.value_var.as_str().to_string(), v));
            let step = self.for_step(f, scope, &mut list, &mut map);
            scope.names.truncate(mark);
            match step {
                Ok(true) => {}
                Ok(false) => return Ok(V::unknown_from([&collection])),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        result?;
        Ok(if f.key_expr.is_some() {
            V::map(map)
        } else {
            V::list(list)
        })
    }

    /// One element of a `for`; `false` when its condition or key is unknown.
    fn for_step(
        &mut self,
        f: &'c hcl_edit::expr::ForExpr,
        scope: &mut Scope,
        list: &mut Vec<V>,
        map: &mut BTreeMap<String, V>,
    ) -> Result<bool, Fail> {
        let mut maybe = None;
        if let Some(cond) = &f.cond {
            let c = self.eval(&cond.expr, scope)?;
            match c.as_bool() {
                Some(false) => return Ok(true),
                Some(true) => {}
                // An object `for` keeps an element whose condition is unknown (`if v !=
                // null` over a resource's `id`) at its key, its value unknown: whether it is
                // there is known only at apply, but the other keys are known now. A list
                // `for` cannot tell the positions of the elements after it: all unknown.
                None if f.key_expr.is_some() && c.is_unknown() => maybe = Some(c),
                None => return Ok(false),
            }
        }
        let mut value = self.eval(&f.value_expr, scope)?;
        if let Some(cond) = maybe {
            value = V::unknown_from([&value, &cond]);
        }
        let Some(key_expr) = &f.key_expr else {
            list.push(value);
            return Ok(true);
        };
        let key = self.eval(key_expr, scope)?;
        let Some(key) = key.to_text() else {
            return if key.is_unknown() {
                Ok(false)
            } else {
                fail("a `for` key is not a string")
            };
        };
        if f.grouping {
            let group = map.entry(key).or_insert_with(|| V::list(Vec::new()));
            if let Kind::List(items) = &mut group.kind {
                Rc::make_mut(items).push(value);
            }
        } else if map.insert(key.clone(), value).is_some() {
            return fail(format!("two elements of a `for` have the key \"{key}\""));
        }
        Ok(true)
    }

    fn traversal(&mut self, t: &'c hcl_edit::expr::Traversal, scope: &mut Scope) -> R {
        let ops: &'c [Decorated<TraversalOperator>] = &t.operators;
        if let Expression::Variable(root) = &t.expr {
            if scope.bound(root.as_str()).is_none() {
                let at = span_of(scope.file, hcl_edit::Span::span(t));
                if let Some((value, used)) = self.reference(root.as_str(), ops, scope, at)? {
                    return self.apply(value, &ops[used..], scope);
                }
                // `each.key`, `each.value` and `count.index` taken from the scope as they
                // are, not out of an object built for each reference (three of them per
                // instance of a `for_each` resource); the same value and the same charge.
                let attr = match ops.first().map(|o| o.value()) {
                    Some(TraversalOperator::GetAttr(a)) => a.as_str(),
                    _ => "",
                };
                let direct = match (root.as_str(), attr) {
                    ("each", "key") => Some(scope.each.as_ref().map_or_else(V::unknown, |(k, _)| k.clone())),
                    ("each", "value") => {
                        Some(scope.each.as_ref().map_or_else(V::unknown, |(_, v)| v.clone()))
                    }
                    ("count", "index") => Some(scope.count.clone().unwrap_or_else(V::unknown)),
                    _ => None,
                };
                if let Some(value) = direct {
                    self.enter(&t.expr, scope)?;
                    return self.apply(value, &ops[1..], scope);
                }
            }
        }
        let base = self.eval(&t.expr, scope)?;
        self.apply(base, ops, scope)
    }

    /// A reference by its first names (`var.x`, `local.y`, `module.m.out`, `type.name`,
    /// `data.type.name`): its value and how many operators it used; `None` when the root is
    /// an ordinary value (`count`, `each`, a `for` variable) for [`Evaluator::apply`].
    fn reference(
        &mut self,
        root: &str,
        ops: &'c [Decorated<TraversalOperator>],
        scope: &mut Scope,
        at: Span,
    ) -> Result<Option<(V, usize)>, Fail> {
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(name)) => Some(name.as_str()),
            _ => None,
        };
        let inst = scope.inst;
        Ok(Some(match (root, attr(0)) {
            ("var", Some(name)) => (self.variable(inst, name, at)?, 1),
            ("local", Some(name)) => (self.local(inst, name, at)?, 1),
            ("path", Some(_)) => (V::str(self.module_of(inst).dir.clone()), 1),
            ("terraform", Some("workspace")) => (V::str("default"), 1),
            ("self", _) => (V::unknown(), ops.len()),
            ("count" | "each", _) => return Ok(None),
            ("module", Some(name)) => self.module_reference(inst, name, &ops[1..], scope, at)?,
            ("data", Some(kind)) => match attr(1) {
                Some(name) => match self.module_of(inst).resource(true, kind, name) {
                    Some(index) => (self.resource(inst, index, at), 2),
                    None => return fail(format!("no data source data.{kind}.{name}")),
                },
                None => return fail("`data` needs a type and a name"),
            },
            (kind, Some(name)) => match self.module_of(inst).resource(false, kind, name) {
                Some(index) => (self.resource(inst, index, at), 1),
                None => return fail(format!("no resource or value named {kind}.{name}")),
            },
            (other, None) => return fail(format!("`{other}` is not a value here")),
        }))
    }

    /// `module.NAME[KEY].OUTPUT`: only the output referred to is evaluated, as Terraform
    /// does, so two modules may feed each other through different outputs.
    fn module_reference(
        &mut self,
        inst: usize,
        name: &str,
        ops: &'c [Decorated<TraversalOperator>],
        scope: &mut Scope,
        at: Span,
    ) -> Result<(V, usize), Fail> {
        let Some(call_index) = self.module_of(inst).call(name) else {
            return fail(format!("no module named {name}"));
        };
        let call = &self.module_of(inst).calls[call_index];
        let base = self.prefix(inst, &format!("module.{name}"));
        let Some(instances) = self.call_instances(inst, call_index) else {
            // A registry or remote module, or instances unknown: its outputs are unknown.
            let mut v = V::unknown();
            v.from.push(Rc::from(base));
            return Ok((v, ops.len() + 1));
        };
        let expanded = call.count.is_some() || call.for_each.is_some();
        let mut used = 1;
        let chosen = match (expanded, ops.first().map(|o| o.value())) {
            (false, _) => instances.first().map(|(_, child)| *child),
            (true, Some(TraversalOperator::Index(e))) => {
                used += 1;
                let key = self.eval(e, scope)?;
                if key.is_unknown() {
                    return Ok((V::unknown_from([&key]), ops.len() + 1));
                }
                instances
                    .iter()
                    .find(|(k, _)| k.as_ref().is_some_and(|k| k.equals(&key)))
                    .map(|(_, child)| *child)
            }
            (true, Some(TraversalOperator::LegacyIndex(n))) => {
                used += 1;
                instances.get(*n.value() as usize).map(|(_, child)| *child)
            }
            (true, _) => None,
        };
        match chosen {
            Some(child) => match ops.get(used - 1).map(|o| o.value()) {
                Some(TraversalOperator::GetAttr(output)) => {
                    Ok((self.output(child, output.as_str(), at)?, used + 1))
                }
                _ => Ok((self.all_outputs(child, at)?, used)),
            },
            None if !expanded || used > 1 => fail(format!("module.{name}: no such instance")),
            None => {
                // The whole set of instances (`module.x[*].out`, `values(module.x)`).
                let mut list = Vec::new();
                let mut map = BTreeMap::new();
                for (key, child) in instances {
                    let outputs = self.all_outputs(child, at)?;
                    match key.as_ref().and_then(V::as_str) {
                        Some(k) if call.for_each.is_some() => {
                            map.insert(k.to_string(), outputs);
                        }
                        _ => list.push(outputs),
                    }
                }
                let v = if call.for_each.is_some() {
                    V::map(map)
                } else {
                    V::list(list)
                };
                Ok((v, 1))
            }
        }
    }

    fn all_outputs(&mut self, child: usize, at: Span) -> R {
        let names: Vec<&'c str> = self.module_of(child).outputs.keys().copied().collect();
        let mut out = BTreeMap::new();
        for name in names {
            out.insert(name.to_string(), self.output(child, name, at)?);
        }
        Ok(V::map(out))
    }

    /// Applies attribute, index and splat operators to a value.
    fn apply(&mut self, mut value: V, ops: &'c [Decorated<TraversalOperator>], scope: &mut Scope) -> R {
        for (i, op) in ops.iter().enumerate() {
            if value.is_unknown() {
                return Ok(value);
            }
            value = match op.value() {
                TraversalOperator::GetAttr(name) => get_attr(value, name.as_str())?,
                TraversalOperator::Index(e) => {
                    let key = self.eval(e, scope)?;
                    index(value, &key)?
                }
                TraversalOperator::LegacyIndex(n) => index(value, &V::int(i128::from(*n.value())))?,
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match value.kind {
                        Kind::Null => Vec::new(),
                        Kind::List(items) => Rc::unwrap_or_clone(items),
                        _ => vec![value],
                    };
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        out.push(self.apply(item, &ops[i + 1..], scope)?);
                    }
                    return Ok(V::list(out));
                }
            };
        }
        Ok(value)
    }

    /// `var.NAME` of a module instance: the root's from the variable files, a module's from
    /// its call, else the default; converted to the declared type.
    fn variable(&mut self, inst: usize, name: &'c str, at: Span) -> R {
        let module = self.module_of(inst);
        let Some(decl) = module.variables.get(name) else {
            return fail(format!("no variable named {name}"));
        };
        let key = Key::Var(inst, name);
        let kind = decl.kind;
        let default = decl.default;
        Ok(self.memo(key, at, |_| format!("var.{name}"), move |ev| {
            let address = ev.prefix(inst, &format!("var.{name}"));
            // The value given, and where: a variable file's attribute, or the module call's
            // argument.
            let given = match ev.insts[inst].parent {
                None => ev
                    .root_vars
                    .get(name)
                    .cloned()
                    .map(|v| (v, ev.root_var_spans.get(name).copied())),
                Some((parent, call)) => {
                    let call: &'c Call<'c> = &ev.module_of(parent).calls[call];
                    match call.argument(name) {
                        Some(a) => {
                            let mut scope = Scope::new(parent, a.file);
                            scope.count = ev.insts[inst].count.clone();
                            scope.each = ev.insts[inst].each.clone();
                            let span = a.span();
                            Some((ev.eval_item(a.expr, &mut scope), Some(span)))
                        }
                        None => None,
                    }
                }
            };
            let (value, place, is_default) = match (given, default) {
                (Some((v, place)), _) if !v.is_null() => (v, place, false),
                (_, Some(d)) => (
                    ev.eval_item(d.expr, &mut Scope::new(inst, d.file)),
                    Some(d.span()),
                    true,
                ),
                (Some((null, place)), None) => (null, place, false),
                // A required variable nobody set: Terraform would ask; cniplan cannot know.
                (None, None) => (V::unknown(), None, false),
            };
            let Some(t) = kind else { return value };
            if conforms(&value, t.expr) {
                // Nothing to convert: the value as it is, not a copy rebuilt piece by piece
                // (a map of a hundred subnet objects passed to a module, in every root).
                return value;
            }
            match ev.convert(value, t, inst) {
                Ok(v) => v,
                Err(why) => {
                    // Terraform stops here (at plan); cniplan reports it where the value is
                    // written and goes on with the value unknown.
                    if let Some(place) = place {
                        let (message, help) = if is_default {
                            (
                                format!("Invalid default value for variable: this default value is not compatible with the variable's type constraint: {why}"),
                                "Terraform refuses the configuration: write a default of the declared type",
                            )
                        } else {
                            (
                                format!("Invalid value for input variable: the given value is not suitable for {address}: {why}"),
                                "Terraform refuses the plan: give a value of the variable's type",
                            )
                        };
                        ev.report(
                            Finding::new(Rule::PlanSchema, place, message)
                                .help(help)
                                .related(t.span(), "the variable's type"),
                        );
                    }
                    V::unknown()
                }
            }
        }))
    }

    /// Converts every variable of every module instance evaluated so far to its type, as
    /// Terraform does before it plans: a value that does not convert is reported even when
    /// nothing reads it.
    pub fn check_variables(&mut self) {
        for inst in 0..self.insts.len() {
            let names: Vec<&'c str> = self.module_of(inst).variables.keys().copied().collect();
            for name in names {
                let at = self.module_of(inst).variables[name]
                    .kind
                    .map_or_else(Span::default, |t| t.span());
                let _ = self.variable(inst, name, at);
            }
        }
    }

    fn local(&mut self, inst: usize, name: &'c str, at: Span) -> R {
        let Some(item) = self.module_of(inst).locals.get(name).copied() else {
            return fail(format!("no local value named {name}"));
        };
        Ok(self.memo(
            Key::Local(inst, name),
            at,
            |_| format!("local.{name}"),
            |ev| ev.eval_item(item.expr, &mut Scope::new(inst, item.file)),
        ))
    }

    fn output(&mut self, inst: usize, name: &'c str, at: Span) -> R {
        let Some(item) = self.module_of(inst).outputs.get(name).copied() else {
            return fail(format!("the module has no output named {name}"));
        };
        let what = |ev: &Self| format!("{}.{name}", ev.insts[inst].address);
        Ok(self.memo(Key::Output(inst, name), at, what, |ev| {
            ev.eval_item(item.expr, &mut Scope::new(inst, item.file))
        }))
    }

    /// A resource's value as other expressions see it: an object per instance (a list of
    /// them under `count`, a map under `for_each`), each marked as read from its address.
    pub fn resource(&mut self, inst: usize, index: usize, at: Span) -> V {
        let what = |ev: &Self| ev.prefix(inst, &ev.module_of(inst).resources[index].local_address());
        self.memo(Key::Resource(inst, index), at, what, |ev| {
            ev.resource_value(inst, index)
        })
    }

    /// Makes the instances of a resource no expression refers to ([`super::config::referred`]),
    /// without keeping its value: it is read by no one, so it is evaluated once, here, and
    /// cannot be part of a cycle. Its value and its memo's slot took about a kilobyte an
    /// instance (issue 19).
    pub fn unreferred_resource(&mut self, inst: usize, index: usize) {
        self.resource_value(inst, index);
    }

    /// The memoized value of a variable, local, output or resource; a reference back into
    /// one still being computed is a cycle, reported at the reference that closes it.
    fn memo(
        &mut self,
        key: Key<'c>,
        at: Span,
        what: impl FnOnce(&Self) -> String,
        compute: impl FnOnce(&mut Self) -> V,
    ) -> V {
        match self.memo.get(&key) {
            Some(Slot::Done(v, size)) => {
                let (v, size) = (v.clone(), *size);
                if let Some(name) = self.unevaluated_in.get(&key).cloned() {
                    self.met_unevaluated(at, name);
                }
                return match self.charge(size, at) {
                    Ok(()) => v,
                    Err(_) => V::unknown(),
                };
            }
            Some(Slot::Busy) => {
                let what = what(self);
                self.report(
                    Finding::new(
                        Rule::PlanSchema,
                        at,
                        format!("`{what}` depends on itself: the references form a cycle"),
                    )
                    .help("Terraform refuses cycles too; break the chain of references"),
                );
                return V::unknown();
            }
            None => {}
        }
        self.memo.insert(key, Slot::Busy);
        let before = self.unevaluated_met.clone();
        let v = compute(self);
        if matches!(key, Key::Resource(..)) {
            self.unevaluated_met = before;
        } else if self.unevaluated_met.0 > before.0 && v.has_unknown() {
            if let Some(name) = self.unevaluated_met.1.clone() {
                self.unevaluated_in.insert(key, name.clone());
                self.met_unevaluated(at, name);
            }
        }
        let size = v.size();
        self.memo.insert(key, Slot::Done(v.clone(), size));
        v
    }

    /// A call of a function cniplan does not evaluate met at `at`, or a reference to a value
    /// such a call left unknown ([`Evaluator::unevaluated`]).
    fn met_unevaluated(&mut self, at: Span, name: Rc<str>) {
        self.unevaluated.entry(at).or_insert_with(|| name.clone());
        self.unevaluated_met = (self.unevaluated_met.0 + 1, Some(name));
    }

    /// `module.x` inside instance `inst`: `module.net.module.x`.
    pub fn prefix(&self, inst: usize, local: &str) -> String {
        let base = &self.insts[inst].address;
        if base.is_empty() {
            local.to_string()
        } else {
            format!("{base}.{local}")
        }
    }

    /// The child instances of a module call, made on first use; `None` for a module whose
    /// files cniplan does not have, or whose instances are unknown.
    pub fn call_instances(&mut self, inst: usize, call_index: usize) -> Option<Instances> {
        if let Some(done) = self.calls.get(&(inst, call_index)) {
            return done.clone();
        }
        // Marked first: a call whose count refers to its own module's outputs is a cycle.
        self.calls.insert((inst, call_index), None);
        let made = self.make_call_instances(inst, call_index);
        self.calls.insert((inst, call_index), made.clone());
        made
    }

    fn make_call_instances(&mut self, inst: usize, call_index: usize) -> Option<Instances> {
        let call: &'c Call<'c> = &self.module_of(inst).calls[call_index];
        let target = call.target?;
        let header = block_header(call.file, call.block);
        if self.ancestry(inst).contains(&target) {
            let at = call.source.map_or(header, |(_, span)| span);
            // A path that names another directory reached it through a symbolic link.
            let caller = &self.module_of(inst).dir;
            let through_link = call
                .source
                .and_then(|(source, _)| super::files::local_module_dir(caller, source))
                .filter(|dir| *dir != self.modules[target].dir)
                .map(|dir| format!(" ({dir} is {} through a symbolic link)", self.modules[target].dir))
                .unwrap_or_default();
            self.report(
                Finding::new(
                    Rule::PlanSchema,
                    at,
                    format!(
                        "module `{}` calls a module that is already calling it: a cycle of sources{through_link}",
                        call.name
                    ),
                )
                .help("local modules must not call each other in a circle"),
            );
            return None;
        }
        if self.ancestry(inst).len() > super::files::MAX_MODULE_DEPTH {
            self.report(Finding::new(
                Rule::PlanSchema,
                header,
                format!(
                    "modules nest more than {} levels deep",
                    super::files::MAX_MODULE_DEPTH
                ),
            ));
            return None;
        }
        let base = self.prefix(inst, &format!("module.{}", call.name));
        let keys = match self.expand(inst, call.count, call.for_each, call.file) {
            Expansion::Unknown(_) => return None,
            Expansion::Single => vec![(None, None, None, base)],
            Expansion::Keys(keys) => keys
                .into_iter()
                .map(|(key, scope)| {
                    let address = format!("{base}[{}]", instance_key(&key));
                    (Some(key), scope.count, scope.each, address)
                })
                .collect(),
        };
        let mut out = Vec::new();
        for (key, count, each, address) in keys {
            self.insts.push(Inst {
                module: target,
                address,
                parent: Some((inst, call_index)),
                count,
                each,
            });
            out.push((key, self.insts.len() - 1));
        }
        Some(out)
    }

    /// The modules of an instance and of every instance above it.
    fn ancestry(&self, mut inst: usize) -> Vec<usize> {
        let mut modules = vec![self.insts[inst].module];
        while let Some((parent, _)) = self.insts[inst].parent {
            modules.push(self.insts[parent].module);
            inst = parent;
        }
        modules
    }

    /// Instance keys of a `count` or `for_each`, each with the scope its body is read in.
    pub fn expand(
        &mut self,
        inst: usize,
        count: Option<Item<'c>>,
        for_each: Option<Item<'c>>,
        file: u32,
    ) -> Expansion {
        if let Some(item) = count {
            let v = self.eval_item(item.expr, &mut Scope::new(inst, item.file));
            let n = match count_of(&v) {
                Ok(n) => n,
                Err(None) => return Expansion::Unknown("count"),
                Err(Some(why)) => {
                    let message = match why {
                        CountRefused::Value(why) => {
                            format!("invalid count argument: the given \"count\" argument value is {why}")
                        }
                        CountRefused::Type(why) => {
                            format!("incorrect value type for \"count\": invalid expression value: {why}")
                        }
                    };
                    self.report(Finding::new(Rule::PlanSchema, item.span(), message).help(
                        "Terraform refuses this configuration: `count` takes a whole number, 0 or more",
                    ));
                    return Expansion::Keys(Vec::new());
                }
            };
            if n as u128 > MAX_INSTANCES as u128 || !self.take_instances(n as usize, item.span()) {
                self.too_many(item.span(), "count", n);
                return Expansion::Keys(Vec::new());
            }
            let keys = (0..n)
                .map(|i| {
                    let mut scope = Scope::new(inst, file);
                    scope.count = Some(V::int(i));
                    (V::int(i), scope)
                })
                .collect();
            return Expansion::Keys(keys);
        }
        let Some(item) = for_each else {
            return Expansion::Single;
        };
        let v = self.eval_item(item.expr, &mut Scope::new(inst, item.file));
        if v.is_null() {
            self.report(
                Finding::new(
                    Rule::PlanSchema,
                    item.span(),
                    "invalid for_each argument: the given \"for_each\" argument value is null; a map, or set of strings is allowed",
                )
                .help("Terraform refuses this configuration; `for_each = {}` makes no instances"),
            );
            return Expansion::Keys(Vec::new());
        }
        if matches!(v.kind, Kind::List(_)) && makes_a_sequence(item.expr) {
            self.report(
                Finding::new(
                    Rule::PlanSchema,
                    item.span(),
                    "invalid for_each argument: the \"for_each\" argument must be a map, or set of strings, and this is a tuple or a list",
                )
                .help("Terraform refuses this configuration; make a set of it with `toset(...)`"),
            );
            return Expansion::Keys(Vec::new());
        }
        let pairs: Vec<(String, V)> = match &v.kind {
            // Keys must be known; values may wait for apply (a map of subnet ids).
            Kind::Map(m) => m.iter().map(|(k, x)| (k.clone(), x.clone())).collect(),
            // A set of strings: each element is both key and value. Terraform orders it.
            Kind::List(items) if items.iter().all(|i| i.as_str().is_some()) => {
                let mut keys: Vec<String> = items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect();
                keys.sort();
                keys.dedup();
                keys.into_iter().map(|k| (k.clone(), V::str(k))).collect()
            }
            _ => return Expansion::Unknown("for_each"),
        };
        if pairs.len() > MAX_INSTANCES || !self.take_instances(pairs.len(), item.span()) {
            self.too_many(item.span(), "for_each", pairs.len() as i128);
            return Expansion::Keys(Vec::new());
        }
        Expansion::Keys(
            pairs
                .into_iter()
                .map(|(k, value)| {
                    let mut scope = Scope::new(inst, file);
                    scope.each = Some((V::str(k.clone()), value));
                    (V::str(k), scope)
                })
                .collect(),
        )
    }

    /// Counts `n` more instances against the configuration's total; `false` past it.
    fn take_instances(&mut self, n: usize, at: Span) -> bool {
        self.instances = self.instances.saturating_add(n);
        if self.instances <= MAX_TOTAL_INSTANCES {
            return true;
        }
        self.report(
            Finding::new(
                Rule::PlanSchema,
                at,
                format!("the configuration makes more than {MAX_TOTAL_INSTANCES} instances; cniplan stopped expanding here"),
            )
            .help("no network has that many resources; check count and for_each"),
        );
        false
    }

    fn too_many(&mut self, at: Span, what: &str, n: i128) {
        self.report(
            Finding::new(
                Rule::PlanSchema,
                at,
                format!("{what} makes {n} instances; cniplan reads at most {MAX_INSTANCES} of one resource or module"),
            )
            .help("no network has that many; check the value"),
        );
    }

    /// Converts a value to a variable's declared type, as Terraform does on input: numbers
    /// and bools from strings, object attributes not given filled with their `optional`
    /// default or null, attributes not declared dropped.
    /// A value converted to a variable's type constraint as Terraform converts it (go-cty's
    /// `convert`): "3" to 3 and "true" to true for a number or bool, each element and
    /// attribute in turn, `optional(T, default)` filling an absent attribute. What does not
    /// convert is `Err` with Terraform's reason, its path first (`.subnets[0]: a number is
    /// required`). Unknown values stay unknown; a type cniplan does not read passes the value.
    fn convert(&mut self, v: V, ty: Item<'c>, inst: usize) -> Result<V, String> {
        if v.is_unknown() || v.is_null() {
            return Ok(v);
        }
        let required = |ty: &Expression| format!("{} required", friendly(ty));
        match ty.expr {
            Expression::Variable(name) => match name.as_str() {
                "string" => match v.to_text() {
                    Some(s) => Ok(V::str(s).derived([&v])),
                    None => Err(required(ty.expr)),
                },
                "number" => match &v.kind {
                    Kind::Int(_) | Kind::Float(_) => Ok(v),
                    Kind::Str(s) => match parse_number(s) {
                        Some(n) => Ok(n.derived([&v])),
                        None => Err("a number is required".to_string()),
                    },
                    _ => Err(required(ty.expr)),
                },
                "bool" => match &v.kind {
                    Kind::Bool(_) => Ok(v),
                    Kind::Str(s) => match s.as_str() {
                        "true" | "1" => Ok(V::bool(true).derived([&v])),
                        "false" | "0" => Ok(V::bool(false).derived([&v])),
                        other => Err(match other.to_lowercase().as_str() {
                            "true" => "a bool is required; to convert from string, use lowercase \"true\"",
                            "false" => "a bool is required; to convert from string, use lowercase \"false\"",
                            _ => "a bool is required",
                        }
                        .to_string()),
                    },
                    _ => Err(required(ty.expr)),
                },
                _ => Ok(v),
            },
            Expression::FuncCall(call) => {
                let inner = call.args.iter().next().map(|e| Item {
                    expr: e,
                    file: ty.file,
                });
                match (call.name.name.as_str(), inner) {
                    ("list" | "set", Some(t)) => {
                        let Kind::List(items) = v.kind else {
                            return Err(required(ty.expr));
                        };
                        let mut out = Vec::with_capacity(items.len());
                        for (i, item) in Rc::unwrap_or_clone(items).into_iter().enumerate() {
                            out.push(
                                self.convert(item, t, inst)
                                    .map_err(|e| at_path(&format!("[{i}]"), e))?,
                            );
                        }
                        Ok(V {
                            kind: Kind::List(Rc::new(out)),
                            from: v.from,
                        })
                    }
                    ("map", Some(t)) => {
                        let Kind::Map(m) = v.kind else {
                            return Err(required(ty.expr));
                        };
                        let mut out = BTreeMap::new();
                        for (k, x) in Rc::unwrap_or_clone(m) {
                            let x = self
                                .convert(x, t, inst)
                                .map_err(|e| at_path(&format!("[{k:?}]"), e))?;
                            out.insert(k, x);
                        }
                        Ok(V {
                            kind: Kind::Map(Rc::new(out)),
                            from: v.from,
                        })
                    }
                    (
                        "object",
                        Some(Item {
                            expr: Expression::Object(fields),
                            file,
                        }),
                    ) => {
                        let Kind::Map(given) = v.kind else {
                            return Err(required(ty.expr));
                        };
                        let mut given = Rc::unwrap_or_clone(given);
                        let mut missing = Vec::new();
                        let mut out = BTreeMap::new();
                        for (key, field) in fields.iter() {
                            let name = match key {
                                hcl_edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
                                hcl_edit::expr::ObjectKey::Expression(Expression::Variable(i)) => {
                                    i.as_str().to_string()
                                }
                                hcl_edit::expr::ObjectKey::Expression(e) => {
                                    e.as_str().unwrap_or_default().to_string()
                                }
                            };
                            let value = given.remove(&name);
                            if value.is_none() && !is_optional(field.expr()) {
                                missing.push(name);
                                continue;
                            }
                            let value = value.unwrap_or_else(V::null);
                            let value = self
                                .optional(value, field.expr(), file, inst)
                                .map_err(|e| at_path(&format!(".{name}"), e))?;
                            out.insert(name, value);
                        }
                        missing.sort();
                        if let Some(why) = attributes_required(&missing) {
                            return Err(why);
                        }
                        Ok(V {
                            kind: Kind::Map(Rc::new(out)),
                            from: v.from,
                        })
                    }
                    _ => Ok(v),
                }
            }
            _ => Ok(v),
        }
    }

    /// An object attribute's type: `optional(T, default)` fills a null with its default.
    fn optional(&mut self, value: V, ty: &'c Expression, file: u32, inst: usize) -> Result<V, String> {
        if let Expression::FuncCall(call) = ty {
            if call.name.name.as_str() == "optional" {
                let mut args = call.args.iter();
                let inner = args.next();
                let value = match (value.is_null(), args.next()) {
                    (true, Some(default)) => self.eval_item(default, &mut Scope::new(inst, file)),
                    _ => value,
                };
                return match inner {
                    Some(t) => self.convert(value, Item { expr: t, file }, inst),
                    None => Ok(value),
                };
            }
        }
        self.convert(value, Item { expr: ty, file }, inst)
    }
}

/// Whether [`Evaluator::convert`] would give `v` back as it is for the type `ty`: every part
/// already of its type (a string a string, with its origins once each), every object with
/// exactly its type's attributes, none of them null where a default would fill it. `false`
/// whenever converting would change, fill, drop or refuse anything.
fn conforms(v: &V, ty: &Expression) -> bool {
    if v.is_unknown() || v.is_null() {
        return true;
    }
    match ty {
        Expression::Variable(name) => match name.as_str() {
            "string" => {
                matches!(v.kind, Kind::Str(_))
                    && v.from.iter().enumerate().all(|(i, a)| !v.from[..i].contains(a))
            }
            "number" => matches!(v.kind, Kind::Int(_) | Kind::Float(_)),
            "bool" => matches!(v.kind, Kind::Bool(_)),
            _ => true,
        },
        Expression::FuncCall(call) => {
            let inner = call.args.iter().next();
            match (call.name.name.as_str(), inner) {
                ("list" | "set", Some(t)) => match &v.kind {
                    Kind::List(items) => items.iter().all(|x| conforms(x, t)),
                    _ => false,
                },
                ("map", Some(t)) => match &v.kind {
                    Kind::Map(m) => m.values().all(|x| conforms(x, t)),
                    _ => false,
                },
                ("object", Some(Expression::Object(fields))) => {
                    let Kind::Map(given) = &v.kind else {
                        return false;
                    };
                    let mut names: Vec<&str> = Vec::with_capacity(fields.len());
                    for (key, field) in fields.iter() {
                        let name = match key {
                            hcl_edit::expr::ObjectKey::Ident(i) => i.as_str(),
                            hcl_edit::expr::ObjectKey::Expression(Expression::Variable(i)) => i.as_str(),
                            hcl_edit::expr::ObjectKey::Expression(e) => e.as_str().unwrap_or_default(),
                        };
                        if names.contains(&name) {
                            return false;
                        }
                        names.push(name);
                        let Some(value) = given.get(name) else {
                            return false;
                        };
                        let fits = match field.expr() {
                            Expression::FuncCall(call) if call.name.name.as_str() == "optional" => {
                                let mut args = call.args.iter();
                                let inner = args.next();
                                if value.is_null() && args.next().is_some() {
                                    return false;
                                }
                                inner.is_none_or(|t| conforms(value, t))
                            }
                            t => conforms(value, t),
                        };
                        if !fits {
                            return false;
                        }
                    }
                    names.len() == given.len()
                }
                _ => true,
            }
        }
        _ => true,
    }
}

/// Whether an object attribute's type is `optional(…)`: it may be absent.
fn is_optional(ty: &Expression) -> bool {
    matches!(ty, Expression::FuncCall(call) if call.name.name.as_str() == "optional")
}

/// go-cty's words for absent attributes (`attribute "a" is required`, `attributes "a" and
/// "b" are required`), names sorted.
fn attributes_required(missing: &[String]) -> Option<String> {
    match missing {
        [] => None,
        [one] => Some(format!("attribute {one:?} is required")),
        [a, b] => Some(format!("attributes {a:?} and {b:?} are required")),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|n| format!("{n:?}")).collect();
            Some(format!(
                "attributes {}, and {last:?} are required",
                init.join(", ")
            ))
        }
    }
}

/// A conversion error one step down: Terraform writes the path before the reason
/// (`.subnets[0].cidr: a number is required`).
fn at_path(step: &str, why: String) -> String {
    let inner = why
        .split_once(": ")
        .filter(|(path, _)| path.starts_with(['.', '[']));
    match inner {
        Some((path, rest)) => format!("{step}{path}: {rest}"),
        None => format!("{step}: {why}"),
    }
}

/// How go-cty names a type constraint in "… required": `string`, `list of number`, `object`.
fn friendly(ty: &Expression) -> String {
    match ty {
        Expression::Variable(name) => match name.as_str() {
            "any" => "any type".to_string(),
            other => other.to_string(),
        },
        Expression::FuncCall(call) => {
            let name = call.name.name.as_str();
            let inner = call.args.iter().next();
            match (name, inner) {
                ("list" | "set" | "map", Some(t)) => format!("{name} of {}", friendly(t)),
                (other, _) => other.to_string(),
            }
        }
        _ => "a value".to_string(),
    }
}

/// A string as go-cty parses it into a number (`cty.ParseNumberVal`): decimal, with a sign,
/// a fraction and an exponent; no spaces, no hex, no infinity.
fn parse_number(s: &str) -> Option<V> {
    let plain = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    if s.is_empty() || !plain {
        return None;
    }
    if let Ok(n) = s.parse::<i128>() {
        return Some(V::int(n));
    }
    s.parse::<f64>().ok().filter(|f| f.is_finite()).map(V::number)
}

/// The key of an instance as Terraform writes it in an address: `[0]`, `["a"]`.
pub fn instance_key(key: &V) -> String {
    match &key.kind {
        Kind::Str(s) => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        _ => key.to_text().unwrap_or_default(),
    }
}

/// The value at `key` of a map, moved out when nothing else shares the map and copied (the
/// one value, not the map) when something does.
fn take(map: Rc<BTreeMap<String, V>>, key: &str) -> Option<V> {
    match Rc::try_unwrap(map) {
        Ok(mut map) => map.remove(key),
        Err(shared) => shared.get(key).cloned(),
    }
}

fn get_attr(value: V, name: &str) -> R {
    match value.kind {
        Kind::Map(m) => match take(m, name) {
            Some(mut v) => {
                // Read through a resource: the resource comes first among its origins.
                let mut from = value.from;
                from.retain(|a| !v.from.contains(a));
                from.append(&mut v.from);
                v.from = from;
                Ok(v)
            }
            // An attribute a resource does not set is computed by the provider: known only
            // after apply.
            None if !value.from.is_empty() => Ok(V {
                kind: Kind::Unknown,
                from: value.from,
            }),
            None => fail(format!("no attribute named {name}")),
        },
        Kind::Null => fail(format!("`.{name}` of null")),
        _ => fail(format!("`.{name}` of a value that is no object")),
    }
}

fn index(value: V, key: &V) -> R {
    if key.is_unknown() {
        return Ok(V::unknown_from([&value, key]));
    }
    match value.kind {
        Kind::List(items) => match key.as_int() {
            Some(i) if i >= 0 && (i as usize) < items.len() => {
                let mut v = match Rc::try_unwrap(items) {
                    Ok(mut items) => items.swap_remove(i as usize),
                    Err(shared) => shared[i as usize].clone(),
                };
                v.add_from(&value.from);
                Ok(v)
            }
            _ => fail("an index out of range"),
        },
        Kind::Map(m) => match key.to_text().and_then(|k| take(m, &k)) {
            Some(mut v) => {
                v.add_from(&value.from);
                Ok(v)
            }
            None => fail("no element with that key"),
        },
        _ => fail("an index into a value that is no collection"),
    }
}

fn binary(op: BinaryOperator, a: &V, b: &V) -> R {
    use BinaryOperator::*;
    if a.is_unknown() || b.is_unknown() {
        return Ok(V::unknown_from([a, b]));
    }
    let v = match op {
        Eq => V::bool(a.equals(b)),
        NotEq => V::bool(!a.equals(b)),
        And | Or => {
            let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) else {
                return fail("`&&` and `||` need bools");
            };
            V::bool(if op == And { x && y } else { x || y })
        }
        _ => {
            let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) else {
                return fail("arithmetic needs numbers");
            };
            let ints = a
                .as_int()
                .zip(b.as_int())
                .filter(|_| !matches!(a.kind, Kind::Float(_)) && !matches!(b.kind, Kind::Float(_)));
            match op {
                Less => V::bool(x < y),
                LessEq => V::bool(x <= y),
                Greater => V::bool(x > y),
                GreaterEq => V::bool(x >= y),
                Plus => ints
                    .and_then(|(i, j)| i.checked_add(j))
                    .map_or(V::number(x + y), V::int),
                Minus => ints
                    .and_then(|(i, j)| i.checked_sub(j))
                    .map_or(V::number(x - y), V::int),
                Mul => ints
                    .and_then(|(i, j)| i.checked_mul(j))
                    .map_or(V::number(x * y), V::int),
                Div if y == 0.0 => return fail("division by zero"),
                Div => V::number(x / y),
                Mod if y == 0.0 => return fail("modulo by zero"),
                Mod => ints
                    .and_then(|(i, j)| i.checked_rem(j))
                    .map_or(V::number(x % y), V::int),
                _ => return fail("an operator cniplan does not evaluate"),
            }
        }
    };
    Ok(v.derived([a, b]))
}

/// Why Terraform refuses a `count`: its value does not convert to a number ("Incorrect
/// value type"), or the number is not one it takes ("Invalid count argument").
enum CountRefused {
    Type(&'static str),
    Value(&'static str),
}

/// A `count` as Terraform takes it: converted to a number as go-cty converts (a string that
/// spells a number, `"3"`; no bool, list or map converts), then a whole number of 0 or more;
/// `Err(None)` while unknown, `Err(Some(why))` in the words Terraform refuses it with.
fn count_of(v: &V) -> Result<i128, Option<CountRefused>> {
    // A collection is refused by its type, whatever its elements turn out to be.
    match &v.kind {
        Kind::List(_) | Kind::Map(_) | Kind::Bool(_) => {
            return Err(Some(CountRefused::Type("number required")))
        }
        Kind::Unknown => return Err(None),
        Kind::Null => return Err(Some(CountRefused::Value("null; an integer is required"))),
        Kind::Int(_) | Kind::Float(_) | Kind::Str(_) => {}
    }
    let number = match &v.kind {
        Kind::Str(s) => parse_number(s).ok_or(Some(CountRefused::Type("a number is required")))?,
        _ => v.clone(),
    };
    let Some(f) = number.as_f64() else {
        return Err(None);
    };
    if f.fract() != 0.0 {
        return Err(Some(CountRefused::Value(
            "unsuitable: value must be a whole number",
        )));
    }
    if f < 0.0 {
        return Err(Some(CountRefused::Value(
            "unsuitable: must be greater than or equal to zero",
        )));
    }
    number.as_int().ok_or(None)
}

/// A template's text as it is rendered, the values interpolated into it (where it was read
/// from), and where it is written, for the budget's finding.
struct Text {
    out: String,
    parts: Vec<V>,
    at: Span,
}

impl Text {
    fn push(&mut self, s: &str) -> Result<(), Fail> {
        let bytes = (self.out.len() + s.len()) as u128;
        if let Err(message) = budget::check_string("a template", bytes) {
            return Err(Fail {
                message,
                report: Some((Rule::PlanSchema, self.at)),
            });
        }
        self.out.push_str(s);
        Ok(())
    }
}

/// Whether the element strips the whitespace before it (`${~ x}`, `%{~ if c}`).
fn strips_before(e: &Element) -> bool {
    match e {
        Element::Literal(_) => false,
        Element::Interpolation(i) => i.strip.strip_start(),
        Element::Directive(directive) => match &**directive {
            Directive::If(d) => d.if_expr.strip.strip_start(),
            Directive::For(d) => d.for_expr.strip.strip_start(),
        },
    }
}

/// Whether `e` makes a tuple or a list, never a set or a map: written as `[...]` or
/// `[for ...]`, or a call of a function that returns a list. Values do not tell a list from
/// a set (both are lists here), the expression does; `for_each` takes only the latter.
fn makes_a_sequence(e: &Expression) -> bool {
    match e {
        Expression::Array(_) => true,
        Expression::ForExpr(f) => f.key_expr.is_none(),
        Expression::Parenthesis(p) => makes_a_sequence(p.inner()),
        Expression::FuncCall(call) if !call.name.is_namespaced() => matches!(
            call.name.name.as_str(),
            "tolist"
                | "concat"
                | "split"
                | "range"
                | "keys"
                | "values"
                | "flatten"
                | "compact"
                | "distinct"
                | "sort"
                | "reverse"
                | "slice"
                | "formatlist"
                | "chunklist"
                | "coalescelist"
        ),
        _ => false,
    }
}

/// The step budget of a configuration of `bytes` bytes: [`MAX_STEPS`] plus one step a byte. A
/// bomb is a small text that expands, which the fixed part stops; a large text of plain
/// resources takes steps in proportion to itself (about 0.4 a byte), and 80,000 subnets in a
/// 14.6 MB file passed the fixed budget alone: an error on a valid configuration (one file is
/// held to `files::MAX_CONFIG_FILE_BYTES` now, but a configuration of several is not).
pub fn budget_for(bytes: usize) -> u64 {
    MAX_STEPS.saturating_add(bytes as u64)
}
