//! What a resource's name is computed from, when its value is unknown offline. A module
//! called three times with a name built from `resourceGroup().location` deploys one
//! resource three times, not three resources: the same expression over the same inputs is
//! the same name, whatever that name turns out to be. `symbolic` writes the computation out
//! with every known part as its value and every unknown input as what it is (a parameter
//! with no value, the resource group's location), so equal texts are equal names.

use super::eval::{Cx, Evaluator};
use super::expr::{self, Expr, ExprKind, Text};
use super::scope::{Env, Param, Scope, Var};
use super::value::{Kind, Val};
use crate::input::tree::{Node, Value as Json};
use std::rc::Rc;

/// How many expressions one name may be traced through, and how deep: bounded work on a
/// hostile template whose variables double at each step.
const MAX_STEPS: usize = 2_000;
const MAX_DEPTH: usize = 32;
/// Longer than any real name's computation.
const MAX_LEN: usize = 4_096;

/// The computation of the value written at `node`, as text, or `None` when it cannot be
/// told apart from another (it reads the clock, a new GUID, a lambda's variable, a copy
/// variable, or too much).
pub fn symbolic<'a>(ev: &Evaluator<'a>, env: &Env<'a>, node: &'a Node<'a>) -> Option<String> {
    let _quiet = ev.quiet();
    let mut sym = Sym { ev, steps: 0 };
    sym.node(env, node, 0).filter(|s| s.len() <= MAX_LEN)
}

struct Sym<'e, 'a> {
    ev: &'e Evaluator<'a>,
    steps: usize,
}

/// A known scalar as text; `None` for a container or an unknown.
fn scalar(v: &Val<'_>) -> Option<String> {
    match &v.kind {
        Kind::Str(s) => Some(format!("'{}'", s.replace('\'', "''"))),
        Kind::Int(n) => Some(n.to_string()),
        Kind::Bool(b) => Some(b.to_string()),
        Kind::Null => Some("null".to_string()),
        _ => None,
    }
}

impl<'a> Sym<'_, 'a> {
    fn step(&mut self, depth: usize) -> bool {
        self.steps += 1;
        self.steps <= MAX_STEPS && depth <= MAX_DEPTH && !self.ev.spent()
    }

    fn node(&mut self, env: &Env<'a>, node: &'a Node<'a>, depth: usize) -> Option<String> {
        if !self.step(depth) {
            return None;
        }
        let value = self.ev.value(env, node);
        if let Some(known) = scalar(&value) {
            return Some(known);
        }
        let Json::Str(text) = &node.value else {
            return None;
        };
        if expr::classify(text) != Text::Expression {
            return None;
        }
        let parsed = expr::parse(text).ok()?;
        let cx = self.ev.cx(node.span, text);
        self.expr(env, &parsed, &cx, depth + 1)
    }

    fn expr(&mut self, env: &Env<'a>, e: &Expr, cx: &Cx, depth: usize) -> Option<String> {
        if !self.step(depth) {
            return None;
        }
        if let Some(known) = scalar(&self.ev.eval(env, e, cx)) {
            return Some(known);
        }
        match &e.kind {
            ExprKind::Member(target, name) => {
                let target = self.expr(env, target, cx, depth + 1)?;
                Some(format!("{target}.{}", name.to_ascii_lowercase()))
            }
            ExprKind::Index(target, index) => {
                let target = self.expr(env, target, cx, depth + 1)?;
                let index = self.expr(env, index, cx, depth + 1)?;
                Some(format!("{target}[{index}]"))
            }
            ExprKind::Call { name, args } => {
                let lower = name.to_ascii_lowercase();
                let literal = || match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Str(s)) if args.len() == 1 => Some(s.to_ascii_lowercase()),
                    _ => None,
                };
                match lower.as_str() {
                    "parameters" => self.parameter(&env.scope.names(), &literal()?, depth + 1),
                    "variables" => self.variable(&env.scope.names(), &literal()?, depth + 1),
                    // The deployment's own place: the same for every deployment there.
                    "resourcegroup" | "subscription" if args.is_empty() => {
                        Some(format!("{lower}()@{}", env.scope.place.prefix()))
                    }
                    "deployment" if args.is_empty() => Some(format!(
                        "deployment()@{}/{}",
                        env.scope.place.prefix(),
                        env.scope.place.deployment
                    )),
                    // A new value at every call, or a value bound where the name is not.
                    "utcnow" | "newguid" | "lambdavariables" | "copyindex" | "cniplan.unknown" => None,
                    _ => {
                        let mut parts = Vec::with_capacity(args.len());
                        for a in args {
                            parts.push(self.expr(env, a, cx, depth + 1)?);
                        }
                        Some(format!("{lower}({})", parts.join(",")))
                    }
                }
            }
            _ => None,
        }
    }

    fn parameter(&mut self, scope: &Rc<Scope<'a>>, key: &str, depth: usize) -> Option<String> {
        let declared = scope.params.get(key)?;
        match &declared.param {
            Param::Given(v) => scalar(v).or_else(|| v.unknown_reason().map(|why| format!("<{why}>"))),
            Param::Passed { node, env } => self.node(env, node, depth),
            Param::Default(node) => self.node(&Env::of(Rc::clone(scope)), node, depth),
            // Not given: the same parameter of the same deployment.
            Param::Missing => Some(format!("parameters('{key}')@{:p}", Rc::as_ptr(scope))),
            Param::PassedWhole { .. } => None,
        }
    }

    fn variable(&mut self, scope: &Rc<Scope<'a>>, key: &str, depth: usize) -> Option<String> {
        match scope.vars.get(key)? {
            (_, Var::Value(node)) => self.node(&Env::of(Rc::clone(scope)), node, depth),
            (_, Var::Copy(_)) => None,
        }
    }
}
