//! Evaluates template values: JSON with expression strings and property copy loops, in a
//! deployment's scope. Parameters, variables and nested deployments' outputs are computed
//! once, when first asked for; a cycle among them is reported where it closes, and a budget
//! bounds the work whatever the template.

use super::expr::{self, Expr, ExprKind, Text};
use super::functions;
use super::scope::{Env, Param, Scope, Slot, Var};
use super::value::{Kind, Lambda, Val};
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::tree::{Node, Value as Json};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Expression steps one input may take, shared with the Terraform evaluator.
use crate::input::budget::{self, MAX_STEPS as BUDGET};

/// ARM's own limit on loop iterations (copy-resources.md: "count … can't exceed 800").
pub const MAX_COPY: i64 = 800;

/// Where an expression string sits in its file: its node's span, and where its text starts
/// when the text is the string's bytes as written (no JSON escapes), so a part of the
/// expression maps to its own characters.
#[derive(Clone, Copy, Debug)]
pub struct Cx {
    pub whole: Span,
    pub base: Option<usize>,
}

impl Cx {
    pub fn span(&self, e: &Expr) -> Span {
        match self.base {
            Some(base) => Span::in_file(self.whole.file, base + e.start, base + e.end),
            None => self.whole,
        }
    }
}

/// An expression string parsed once, by where it is written.
type Parsed = Rc<Result<Expr, expr::ParseError>>;

pub struct Evaluator<'a> {
    /// Each input file's text, by span file index.
    texts: Vec<&'a str>,
    budget: Cell<u64>,
    findings: RefCell<Vec<Finding>>,
    reported: RefCell<HashSet<(Span, String)>>,
    /// By the string's place and a hash of its text: a Bicep translation may write two
    /// expressions at one place.
    asts: RefCell<HashMap<(u32, usize, u64), Parsed>>,
    /// Nested deployments by lower-case resource ID and by `name:<lower-case name>`, for
    /// `reference(…).outputs`.
    pub deployments: RefCell<HashMap<String, Rc<Scope<'a>>>>,
    /// Whether a placeholder subscription or resource group reached a value.
    pub placeholders: Cell<bool>,
    /// How many enclosing decisions (an `if()` condition, a copy count, a resource's
    /// `condition`) rest on a parameter's default: within one, a refused call is a note.
    assumed: Cell<u32>,
    /// How many enclosing evaluations only trace a name's computation ([`Evaluator::quiet`]),
    /// evaluating parts ARM may never reach: they report nothing.
    quiet: Cell<u32>,
    /// Resource instances and copied properties (a VNet's subnets) made so far, and how many
    /// this input may make ([`EXPANDED_BASE`]).
    expanded: Cell<usize>,
    max_expanded: usize,
}

/// Resource instances and property copies an input may expand to: this many, and one more
/// per [`EXPANDED_BYTES`] of its text. Loops of 800 nested four deep would otherwise mean
/// 4×10^11 of them, and a 700-byte template of 800 VNets of 800 subnets 640,000 rows, which
/// `report` drew in 1.6 GB (issue 19: a small input that expands stays small); a large estate
/// written out (20,000 subnets in 9 MB) is far within it.
const EXPANDED_BASE: usize = 50_000;
const EXPANDED_BYTES: usize = 16;

/// An evaluation within a decision that rests on a parameter's default ([`Evaluator::assuming`]),
/// or one that reports nothing ([`Evaluator::quiet`]), until dropped.
pub struct Assuming<'e>(&'e Cell<u32>, bool);

impl Drop for Assuming<'_> {
    fn drop(&mut self) {
        if self.1 {
            self.0.set(self.0.get() - 1);
        }
    }
}

impl<'a> Evaluator<'a> {
    pub fn new(texts: Vec<&'a str>) -> Self {
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        Evaluator {
            max_expanded: EXPANDED_BASE + bytes / EXPANDED_BYTES,
            texts,
            budget: Cell::new(BUDGET),
            findings: RefCell::new(Vec::new()),
            reported: RefCell::new(HashSet::new()),
            asts: RefCell::new(HashMap::new()),
            deployments: RefCell::new(HashMap::new()),
            placeholders: Cell::new(false),
            assumed: Cell::new(0),
            quiet: Cell::new(0),
            expanded: Cell::new(0),
        }
    }

    /// Counts one more resource instance or copied property; false past the input's allowance, with
    /// one note at the first one left out.
    pub fn expand(&self, at: Span) -> bool {
        let n = self.expanded.get() + 1;
        self.expanded.set(n);
        if n == self.max_expanded + 1 {
            // An error, as the budget's: what is not read is not checked. ARM itself
            // deploys at most 800 resources from a template.
            self.report(
                Finding::new(
                    Rule::PlanSchema,
                    at,
                    format!(
                        "the template expands to more than {} resources and copied properties: the rest are not read, so not checked",
                        crate::numbers::thousands(self.max_expanded as u64)
                    ),
                )
                .help("copy loops nested in copy loops multiply; check the counts"),
            );
        }
        n <= self.max_expanded && !self.spent()
    }

    /// While the guard lives, evaluation reports nothing: `identity::symbolic` evaluates every
    /// part of a name's expression, the branch an `if()` does not take among them.
    pub fn quiet(&self) -> Assuming<'_> {
        self.quiet.set(self.quiet.get() + 1);
        Assuming(&self.quiet, true)
    }

    /// While the guard lives, what is evaluated rests on a parameter's default when `yes`:
    /// the deployment may pass another value and take another path.
    pub fn assuming(&self, yes: bool) -> Assuming<'_> {
        if yes {
            self.assumed.set(self.assumed.get() + 1);
        }
        Assuming(&self.assumed, yes)
    }

    /// Reports a finding once per place and message (loops evaluate the same text often).
    pub fn report(&self, finding: Finding) {
        if self.quiet.get() > 0 {
            return;
        }
        let key = (finding.span.unwrap_or_default(), finding.message.clone());
        if self.reported.borrow_mut().insert(key) {
            self.findings.borrow_mut().push(finding);
        }
    }

    pub fn take_findings(&self) -> Vec<Finding> {
        std::mem::take(&mut self.findings.borrow_mut())
    }

    /// Takes a step of the budget; false (and one finding) once it is spent.
    fn step(&self, span: Span) -> bool {
        self.charge(1, span)
    }

    /// Takes `n` steps of the budget; false (and one finding) once it is spent.
    fn charge(&self, n: u64, span: Span) -> bool {
        let left = self.budget.get();
        if left == 0 {
            return false;
        }
        self.budget.set(left.saturating_sub(n));
        if left <= n {
            self.report(budget::spent(span, "the template", BUDGET));
        }
        true
    }

    pub fn spent(&self) -> bool {
        self.budget.get() == 0
    }

    /// A template value: expression strings evaluated, property copy loops expanded.
    pub fn value(&self, env: &Env<'a>, node: &'a Node<'a>) -> Val<'a> {
        if !self.step(node.span) {
            return Val::unknown("a template too costly to evaluate", node.span);
        }
        match &node.value {
            Json::Str(s) => self.string(env, node, s),
            Json::Seq(items) => Val::array(items.iter().map(|n| self.value(env, n)).collect(), node.span),
            Json::Map(entries) => {
                let mut out: Vec<(Rc<str>, Val<'a>)> = Vec::with_capacity(entries.len());
                for entry in entries {
                    if entry.key.eq_ignore_ascii_case("copy") && matches!(entry.value.value, Json::Seq(_)) {
                        for copy in entry.value.items() {
                            if let Some((name, items)) = self.property_copy(env, copy) {
                                out.push((name, items));
                            }
                        }
                        continue;
                    }
                    out.push((Rc::from(entry.key.as_ref()), self.value(env, &entry.value)));
                }
                Val::object(out, node.span)
            }
            _ => Val::json(node),
        }
    }

    /// `{"name": "subnets", "count": n, "input": …}` inside an object: the array property
    /// `subnets` with `input` evaluated for each index.
    fn property_copy(&self, env: &Env<'a>, copy: &'a Node<'a>) -> Option<(Rc<str>, Val<'a>)> {
        let name = copy.get_nocase("name").and_then(Node::as_str)?;
        let input = copy.get_nocase("input")?;
        let items = self.copy_items(env, copy, name, input);
        Some((Rc::from(name), items))
    }

    /// The array a `copy` entry builds (property and variable loops alike).
    pub fn copy_items(&self, env: &Env<'a>, copy: &'a Node<'a>, name: &str, input: &'a Node<'a>) -> Val<'a> {
        let count = match copy.get_nocase("count") {
            Some(count) => self.copy_count(env, count),
            None => Err(Some(Val::unknown("a copy loop without `count`", copy.span))),
        };
        match count {
            Ok((n, defaulted)) => {
                let _assuming = self.assuming(defaulted);
                let items = (0..n)
                    .map_while(|i| {
                        self.expand(copy.span)
                            .then(|| self.value(&env.in_loop(name, i, false), input))
                    })
                    .collect();
                Val::array(items, copy.span).defaulted(defaulted)
            }
            Err(unknown) => unknown.unwrap_or_else(|| Val::unknown("a copy loop ARM refuses", copy.span)),
        }
    }

    /// A loop's `count`: 0 to 800; else the unknown value that stands for it, or `None`
    /// when ARM would refuse the count (reported here).
    pub fn copy_count(&self, env: &Env<'a>, node: &'a Node<'a>) -> Result<(i64, bool), Option<Val<'a>>> {
        let count = self.value(env, node);
        match count.kind {
            Kind::Int(n) if (0..=MAX_COPY).contains(&n) => Ok((n, count.from_default)),
            Kind::Int(n) => {
                self.report(
                    Finding::new(
                        Rule::PlanSchema,
                        count.span,
                        format!("a copy loop of {n} iterations: ARM allows 0 to {MAX_COPY}"),
                    )
                    .help("Azure Resource Manager refuses the template; split the loop or lower the count"),
                );
                Err(None)
            }
            // A fraction written in the template: ARM refuses it as it refuses a string.
            Kind::Unknown(_) if !matches!(node.value, Json::Float(_)) => Err(Some(count)),
            _ => {
                self.report(
                    Finding::new(
                        Rule::PlanSchema,
                        count.span,
                        format!(
                            "a copy loop's `count` must be a whole number, not {}",
                            match node.value {
                                Json::Float(_) => node.describe(),
                                _ => count.describe(),
                            }
                        ),
                    )
                    .help("Azure Resource Manager refuses the template"),
                );
                Err(None)
            }
        }
    }

    fn string(&self, env: &Env<'a>, node: &'a Node<'a>, s: &str) -> Val<'a> {
        match expr::classify(s) {
            Text::Literal(text) => Val::str(text, node.span),
            Text::Expression => {
                let parsed = self.parsed(node.span, s);
                let cx = Cx {
                    whole: node.span,
                    base: self.base(node.span, s),
                };
                match parsed.as_ref() {
                    Ok(e) => self.eval(env, e, &cx),
                    Err(err) => {
                        let at = match cx.base {
                            Some(base) => self.char_at(node.span.file, base + err.at),
                            None => node.span,
                        };
                        self.report(
                            Finding::new(
                                Rule::PlanSchema,
                                at,
                                format!("the expression does not parse: {}", err.message),
                            )
                            .help("Azure Resource Manager refuses a template whose expressions do not parse"),
                        );
                        Val::unknown("an expression that does not parse", node.span)
                    }
                }
            }
        }
    }

    /// How an expression string written at `span` places its parts, as `value` does.
    pub fn cx(&self, span: Span, s: &str) -> Cx {
        Cx {
            whole: span,
            base: self.base(span, s),
        }
    }

    fn parsed(&self, span: Span, s: &str) -> Parsed {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        s.hash(&mut hasher);
        let key = (span.file, span.start, hasher.finish());
        if let Some(found) = self.asts.borrow().get(&key) {
            return Rc::clone(found);
        }
        let parsed = Rc::new(expr::parse(s));
        self.asts.borrow_mut().insert(key, Rc::clone(&parsed));
        parsed
    }

    /// A value as its file writes it: a JSON string's text, or the source text of a value
    /// translated from Bicep (whose node holds the ARM expression it became).
    pub fn written<'n>(&'n self, node: &'n Node<'_>) -> &'n str {
        let source = self
            .texts
            .get(node.span.file as usize)
            .and_then(|t| t.get(node.span.start..node.span.end))
            .filter(|t| !t.is_empty() && !t.starts_with('"'));
        source.or(node.as_str()).unwrap_or("?")
    }

    /// The span of the one character at `at`, never ending inside a character.
    fn char_at(&self, file: u32, at: usize) -> Span {
        let text = self.texts.get(file as usize).copied().unwrap_or("");
        let len = text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Span::in_file(file, at, at + len)
    }

    /// Where the string's text starts in the file, when it is written without escapes.
    fn base(&self, span: Span, s: &str) -> Option<usize> {
        let text = self.texts.get(span.file as usize)?;
        let inner = text.get(span.start + 1..span.end.checked_sub(1)?)?;
        (inner == s).then_some(span.start + 1)
    }

    pub fn eval(&self, env: &Env<'a>, e: &Expr, cx: &Cx) -> Val<'a> {
        let span = cx.span(e);
        if !self.step(span) {
            return Val::unknown("a template too costly to evaluate", span);
        }
        match &e.kind {
            ExprKind::Str(s) => Val::str(s.as_str(), span),
            ExprKind::Int(n) => Val::int(*n, span),
            ExprKind::Bool(b) => Val::bool(*b, span),
            ExprKind::Null => Val::null(span),
            ExprKind::Member(target, name) => {
                let target = self.eval(env, target, cx);
                let (defaulted, fresh) = (target.from_default, target.unknown_reason().is_none());
                let v = member(target, name, span).defaulted(defaulted);
                if fresh {
                    self.refusal(&v, span);
                }
                v
            }
            ExprKind::Index(target, index) => {
                let target = self.eval(env, target, cx);
                let index = self.eval(env, index, cx);
                let fresh = target.unknown_reason().is_none() && index.unknown_reason().is_none();
                let defaulted = target.from_default || index.from_default;
                let v = functions::index(target, &index, span).defaulted(defaulted);
                if fresh {
                    self.refusal(&v, span);
                }
                v
            }
            ExprKind::Call { name, args } => self.call(env, name, args, cx, span),
        }
    }

    fn call(&self, env: &Env<'a>, name: &str, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        let lower = name.to_ascii_lowercase();
        // Functions that evaluate only some of their arguments, or read the scope.
        match lower.as_str() {
            "if" => return self.if_(env, args, cx, span),
            "and" | "or" => return self.and_or(env, lower == "and", args, cx, span),
            "coalesce" => return self.coalesce(env, args, cx, span),
            "lambda" => return self.lambda(env, args, cx, span),
            "lambdavariables" => return self.lambda_variable(env, args, cx, span),
            // What the Bicep reader could not translate, with its reason (input/bicep).
            "cniplan.unknown" => {
                let why = match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Str(s)) => s.clone(),
                    _ => "a value cniplan does not read".to_string(),
                };
                return Val::unknown(why, span);
            }
            "map" | "filter" | "reduce" | "sort" | "toobject" => {
                return self.higher_order(env, &lower, args, cx, span)
            }
            _ => {}
        }
        let values: Vec<Val<'a>> = args.iter().map(|a| self.eval(env, a, cx)).collect();
        let defaulted = values.iter().any(|v| v.from_default);
        match lower.as_str() {
            "createobject" if values.len() % 2 == 1 => {
                self.report(
                    Finding::new(
                        Rule::PlanSchema,
                        span,
                        format!(
                            "`createObject()` takes keys and values in pairs; this call has {} arguments",
                            values.len()
                        ),
                    )
                    .help("Azure Resource Manager refuses the template; a key or a value is missing"),
                );
                return Val::unknown("a `createObject()` call with a key but no value", span);
            }
            "parameters" => return self.named(env, &values, span, true),
            "variables" => return self.named(env, &values, span, false),
            "copyindex" => return copy_index(env, &values, span),
            "reference" => return self.reference(&values, span),
            _ => {}
        }
        if let Some(v) = super::ids::call(self, env, &lower, &values, span) {
            return v;
        }
        // A refusal is reported where it is made, not again at every call it passes through.
        let fresh = values.iter().all(|v| v.unknown_reason().is_none());
        // What a call walks (comparing, hashing, writing out its arguments) and what it
        // builds are charged by their size: many large results end the evaluation, not the
        // memory, and a walk of a value that shares its parts stops with the budget.
        let (called, walked) = budget::walks(self.budget.get(), || {
            functions::call(&lower, values, span).map(|v| {
                let size = v.size();
                (v, size)
            })
        });
        match called {
            Some((v, size)) => {
                if !self.charge(walked.max(size), span) || self.spent() {
                    return Val::unknown("the evaluation budget, which is spent", span);
                }
                let v = v.defaulted(defaulted);
                if fresh {
                    self.refusal(&v, span);
                }
                v
            }
            None => Val::unknown(
                format!("the function `{name}()`, which cniplan does not evaluate"),
                span,
            ),
        }
    }

    /// Reports a call refused where it is made, not again at every call it passes through:
    /// past the evaluation budget, an error; one ARM refuses, an error, or a note when it
    /// rests on a parameter's default, which the deployment may replace.
    fn refusal(&self, v: &Val<'a>, span: Span) {
        let Some(why) = v.unknown_reason() else { return };
        let assumed = v.from_default || self.assumed.get() > 0;
        if budget::is_refusal(why) || (functions::is_refused(why) && !assumed) {
            self.report(Finding::new(Rule::PlanSchema, span, why.to_string()));
        } else if functions::is_refused(why) {
            self.report(
                Finding::new(
                    Rule::UnresolvedInput,
                    span,
                    format!("with the parameters' defaults, {why}"),
                )
                .help("a deployment that passes other values may not be refused; give them with --parameters to check it"),
            );
        }
    }

    fn if_(&self, env: &Env<'a>, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        let [cond, then, otherwise] = args else {
            return self.arity("if", 3, span);
        };
        let cond = self.eval(env, cond, cx);
        match cond.kind {
            Kind::Bool(b) => {
                let _assuming = self.assuming(cond.from_default);
                let branch = if b { then } else { otherwise };
                self.eval(env, branch, cx).defaulted(cond.from_default)
            }
            Kind::Unknown(_) => cond.at(span),
            _ => self.type_error("if", "a bool condition", &cond, span),
        }
    }

    fn and_or(&self, env: &Env<'a>, and: bool, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        let mut unknown = None;
        for arg in args {
            let v = self.eval(env, arg, cx);
            match v.kind {
                // `and(false, …)` is false and `or(true, …)` true whatever else is unknown.
                Kind::Bool(b) if b != and => return Val::bool(b, span),
                Kind::Bool(_) => {}
                Kind::Unknown(_) => unknown = unknown.or(Some(v)),
                _ => return self.type_error(if and { "and" } else { "or" }, "bool arguments", &v, span),
            }
        }
        unknown.map_or(Val::bool(and, span), |u| u.at(span))
    }

    fn coalesce(&self, env: &Env<'a>, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        for arg in args {
            let v = self.eval(env, arg, cx);
            if !v.is_null() {
                return v;
            }
        }
        Val::null(span)
    }

    fn lambda(&self, env: &Env<'a>, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        let Some((body, names)) = args.split_last() else {
            return self.arity("lambda", 2, span);
        };
        let mut params = Vec::new();
        for name in names {
            match self.eval(env, name, cx).as_str() {
                Some(n) => params.push(Rc::from(n)),
                None => return Val::unknown("a lambda whose parameter names are not strings", span),
            }
        }
        let lambda = Lambda {
            params,
            body: Rc::new(body.clone()),
            base: cx.base,
            whole: cx.whole,
            captured: Rc::clone(&env.lambda),
        };
        Val::new(Kind::Lambda(Rc::new(lambda)), span)
    }

    fn lambda_variable(&self, env: &Env<'a>, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        let name = args.first().map(|a| self.eval(env, a, cx));
        let Some(name) = name.as_ref().and_then(Val::as_str) else {
            return self.arity("lambdaVariables", 1, span);
        };
        env.lambda
            .iter()
            .rev()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| Val::unknown(format!("`lambdaVariables('{name}')` outside its lambda"), span))
    }

    /// Applies a lambda to arguments, in the scope of the call.
    pub fn apply(&self, env: &Env<'a>, lambda: &Lambda<'a>, args: Vec<Val<'a>>) -> Val<'a> {
        let bound = lambda.params.iter().cloned().zip(args).collect();
        let mut inner = env.clone();
        inner.lambda = Rc::clone(&lambda.captured);
        let inner = inner.with_lambda(bound);
        let cx = Cx {
            whole: lambda.whole,
            base: lambda.base,
        };
        self.eval(&inner, &lambda.body, &cx)
    }

    fn higher_order(&self, env: &Env<'a>, name: &str, args: &[Expr], cx: &Cx, span: Span) -> Val<'a> {
        let values: Vec<Val<'a>> = args.iter().map(|a| self.eval(env, a, cx)).collect();
        super::lambdas::call(self, env, name, values, span)
    }

    /// `parameters('x')` or `variables('x')`.
    fn named(&self, env: &Env<'a>, args: &[Val<'a>], span: Span, parameter: bool) -> Val<'a> {
        let what = if parameter { "parameters" } else { "variables" };
        let Some(first) = args.first() else {
            return self.arity(what, 1, span);
        };
        let Some(name) = first.as_str() else {
            if first.unknown_reason().is_some() {
                return first.clone().at(span);
            }
            return self.type_error(what, "a name", first, span);
        };
        let scope = env.scope.names();
        if parameter {
            self.parameter(&scope, name, span)
        } else {
            self.variable(&scope, name, span)
        }
    }

    fn parameter(&self, scope: &Rc<Scope<'a>>, name: &str, span: Span) -> Val<'a> {
        let key = name.to_ascii_lowercase();
        let Some(declared) = scope.params.get(&key) else {
            self.report(
                Finding::new(
                    Rule::PlanSchema,
                    span,
                    format!("the template declares no parameter `{name}`"),
                )
                .help("Azure Resource Manager refuses the template; declare it under `parameters`"),
            );
            return Val::unknown(format!("parameter `{name}`, which is not declared"), span);
        };
        let shown = declared.name.clone();
        // A null passed for a parameter with a default takes the default, as ARM does.
        let or_default = |v: Val<'a>| match (v.is_null(), declared.default) {
            (true, Some(node)) => self.value(&Env::of(Rc::clone(scope)), node).defaulted(true),
            _ => v,
        };
        if let Param::Given(v) = &declared.param {
            return or_default(v.clone());
        }
        let what = format!("parameter `{shown}`");
        self.memoised(scope, format!("p:{key}"), span, &what, || {
            let value = match &declared.param {
                Param::Given(v) => v.clone(),
                Param::Passed { node, env } => self.value(env, node),
                Param::PassedWhole { node, env } => {
                    let whole = self.value(env, node);
                    match whole.get("value") {
                        Some(v) => v,
                        None if whole.unknown_reason().is_some() => whole,
                        None => Val::unknown(
                            format!("parameter `{shown}`, passed without a `value`"),
                            node.span,
                        ),
                    }
                }
                Param::Default(node) => self.value(&Env::of(Rc::clone(scope)), node).defaulted(true),
                Param::Missing => Val::unknown(
                    format!(
                        "parameter `{shown}`, which has no default and no value (give one with --parameters)"
                    ),
                    span,
                ),
            };
            or_default(value)
        })
    }

    fn variable(&self, scope: &Rc<Scope<'a>>, name: &str, span: Span) -> Val<'a> {
        let key = name.to_ascii_lowercase();
        let Some((shown, var)) = scope.vars.get(&key) else {
            self.report(
                Finding::new(
                    Rule::PlanSchema,
                    span,
                    format!("the template declares no variable `{name}`"),
                )
                .help("Azure Resource Manager refuses the template; declare it under `variables`"),
            );
            return Val::unknown(format!("variable `{name}`, which is not declared"), span);
        };
        let env = Env::of(Rc::clone(scope));
        self.memoised(
            scope,
            format!("v:{key}"),
            span,
            &format!("variable `{shown}`"),
            || match var {
                Var::Value(node) => self.value(&env, node),
                Var::Copy(copy) => match copy.get_nocase("input") {
                    Some(input) => self.copy_items(&env, copy, shown, input),
                    None => Val::unknown(
                        format!("variable `{shown}`, a copy loop without `input`"),
                        copy.span,
                    ),
                },
            },
        )
    }

    /// Computes a scope's value once; meeting it while computing it is a cycle.
    fn memoised(
        &self,
        scope: &Rc<Scope<'a>>,
        key: String,
        span: Span,
        what: &str,
        compute: impl FnOnce() -> Val<'a>,
    ) -> Val<'a> {
        let slot = scope.memo.borrow().get(&key).cloned();
        match slot {
            Some(Slot::Done(v)) => return v,
            Some(Slot::Busy) => {
                self.report(
                    Finding::new(Rule::PlanSchema, span, format!("{what} refers to itself: its value needs its own value"))
                        .help("Azure Resource Manager refuses a template with a circular reference; break the cycle"),
                );
                return Val::unknown(format!("{what}, which refers to itself"), span);
            }
            None => {}
        }
        scope.memo.borrow_mut().insert(key.clone(), Slot::Busy);
        let v = compute();
        scope.memo.borrow_mut().insert(key, Slot::Done(v.clone()));
        v
    }

    /// `reference(id)`: a nested deployment of this input answers with its outputs; any
    /// other resource's state exists only in Azure.
    fn reference(&self, args: &[Val<'a>], span: Span) -> Val<'a> {
        let deployed = "`reference()`, which reads a deployed resource's state";
        let Some(target) = args.first() else {
            return self.arity("reference", 1, span);
        };
        let Some(id) = target.as_str() else {
            return Val::unknown(deployed, span);
        };
        let key = if id.contains('/') {
            id.trim_end_matches('/').to_ascii_lowercase()
        } else {
            format!("name:{}", id.to_ascii_lowercase())
        };
        let found = self.deployments.borrow().get(&key).cloned();
        let Some(scope) = found else {
            return Val::unknown(deployed, span);
        };
        let outputs = self.memoised(&scope, "o:".to_string(), span, "the deployment's outputs", || {
            self.outputs(&scope)
        });
        let full = args
            .get(2)
            .and_then(Val::as_str)
            .is_some_and(|f| f.eq_ignore_ascii_case("full"));
        // Azure's deployment object holds more (its state, times, parameters): open.
        let outputs = Val::object(vec![("outputs".into(), outputs)], span).open();
        if full {
            Val::object(vec![("properties".into(), outputs)], span).open()
        } else {
            outputs
        }
    }

    /// One output of a deployment, as `az deployment … show --query
    /// properties.outputs.NAME.value` gives it; `None` when the template declares no such
    /// output (the names it declares come with it).
    pub fn output(&self, scope: &Rc<Scope<'a>>, name: &str, span: Span) -> Result<Val<'a>, Vec<String>> {
        let outputs = self.memoised(scope, "o:".to_string(), span, "the deployment's outputs", || {
            self.outputs(scope)
        });
        if outputs.unknown_reason().is_some() {
            return Ok(outputs.at(span));
        }
        let entries = outputs.entries().unwrap_or_default();
        let found = entries.iter().find(|(k, _)| k.eq_ignore_ascii_case(name));
        match found {
            Some((_, v)) => Ok(v.get("value").unwrap_or_else(|| Val::null(span))),
            None => Err(entries.iter().map(|(k, _)| k.to_string()).collect()),
        }
    }

    /// A deployment's outputs as `reference()` returns them: `{name: {type, value}}`.
    fn outputs(&self, scope: &Rc<Scope<'a>>) -> Val<'a> {
        let env = Env::of(Rc::clone(scope));
        let mut out = Vec::new();
        let Some(outputs) = scope.template.get_nocase("outputs") else {
            return Val::object(out, scope.template.span);
        };
        for entry in outputs.entries() {
            let decl = &entry.value;
            let value = match (decl.get_nocase("value"), decl.get_nocase("copy")) {
                (Some(v), _) => self.value(&env, v),
                (None, Some(copy)) => match copy.get_nocase("input") {
                    // An output loop's `copyIndex()` takes no name.
                    Some(input) => self.copy_items(&env.in_loop("", 0, false), copy, "", input),
                    None => Val::unknown("an output copy loop without `input`", copy.span),
                },
                (None, None) => Val::null(decl.span),
            };
            out.push((
                Rc::from(entry.key.as_ref()),
                Val::object(vec![("value".into(), value)], decl.span).open(),
            ));
        }
        Val::object(out, outputs.span)
    }

    pub fn arity(&self, name: &str, n: usize, span: Span) -> Val<'a> {
        self.report(
            Finding::new(
                Rule::PlanSchema,
                span,
                format!("`{name}()` takes {n} argument{}", if n == 1 { "" } else { "s" }),
            )
            .help("Azure Resource Manager refuses the template"),
        );
        Val::unknown(format!("a call of `{name}()` with the wrong arguments"), span)
    }

    pub fn type_error(&self, name: &str, wanted: &str, got: &Val<'a>, span: Span) -> Val<'a> {
        self.report(
            Finding::new(
                Rule::PlanSchema,
                got.span,
                format!("`{name}()` takes {wanted}, not {}", got.describe()),
            )
            .help("Azure Resource Manager refuses the template at deployment"),
        );
        Val::unknown(format!("a call of `{name}()` with {}", got.describe()), span)
    }
}

fn member<'a>(target: Val<'a>, name: &str, span: Span) -> Val<'a> {
    if target.unknown_reason().is_some() {
        return target.at(span);
    }
    match target.get(name) {
        Some(v) => v,
        None if target.is_object() && target.open => Val::unknown(
            format!("the property `{name}`, which cniplan's model of the object does not hold"),
            span,
        ),
        // ARM: "The language expression property 'b' doesn't exist".
        None if target.is_object() => Val::unknown(
            functions::refused(&format!("the property `{name}`, which the object does not have")),
            span,
        ),
        None => Val::unknown(format!("`.{name}` of {}", target.describe()), span),
    }
}

/// `copyIndex()`, `copyIndex(offset)`, `copyIndex('loop')`, `copyIndex('loop', offset)`.
fn copy_index<'a>(env: &Env<'a>, args: &[Val<'a>], span: Span) -> Val<'a> {
    let (name, offset) = match args {
        [] => (None, 0),
        [Val {
            kind: Kind::Int(o), ..
        }] => (None, *o),
        [n] => (n.as_str(), 0),
        [n, Val {
            kind: Kind::Int(o), ..
        }] => (n.as_str(), *o),
        _ => return Val::unknown("`copyIndex()` with arguments it does not take", span),
    };
    let found = match name {
        None => env.loops.iter().rev().find(|l| l.resource || l.name.is_empty()),
        Some(n) => env.loops.iter().rev().find(|l| l.name.eq_ignore_ascii_case(n)),
    };
    match found {
        Some(l) => Val::int(l.index.saturating_add(offset), span),
        None => Val::unknown("`copyIndex()` outside a copy loop", span),
    }
}
