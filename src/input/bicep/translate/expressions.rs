//! Bicep expressions as ARM expression strings: operators, identifiers (parameters,
//! variables, loop locals, imported names), symbolic references to resources and modules,
//! and function calls (user-defined ones inlined).

use super::load::to_json;
use super::{bind, has_expression, is_local, q, At, Locals, Translator, MAX_INLINE};
use crate::diagnostic::{Finding, Rule};
use crate::input::bicep::{
    self,
    syntax::{Expr, Item, Kind, Op, Prop},
};

impl<'t> Translator<'t, '_> {
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

    pub(super) fn ex_inner(&mut self, e: &'t Expr, locals: &Locals) -> String {
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

    pub(super) fn ident(&mut self, name: &str, e: &'t Expr, locals: &Locals) -> String {
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
            return self
                .foreign(&from, &original, None)
                .unwrap_or_else(|| self.unread_import(&format!("`{name}`"), &from));
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
    pub(super) fn foreign(&mut self, path: &str, name: &str, args: Option<Vec<String>>) -> Option<String> {
        let from = &self.units[self.file as usize].path;
        let index = bicep::resolve_module(self.units, from, path)?;
        if self.units[index as usize].parsed.is_none() {
            return self.compiled_import(index, name, args.is_some());
        }
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

    /// A variable exported by a compiled template (a registry module restored into the
    /// cache: `bicep build` keeps exported variables under `variables`), when its value is
    /// written out; an expression there, or a function, is left unknown.
    fn compiled_import(&mut self, index: u32, name: &str, call: bool) -> Option<String> {
        if call {
            return None;
        }
        let template = bicep::json_template(&self.units[index as usize], index).ok()?;
        let value = template.get("variables")?.get(name)?;
        if has_expression(value) {
            return None;
        }
        Some(match to_json(value) {
            serde_json::Value::String(s) => q(&s),
            serde_json::Value::Null => "null()".to_string(),
            v @ (serde_json::Value::Bool(_) | serde_json::Value::Number(_)) => v.to_string(),
            v => format!("json({})", q(&v.to_string())),
        })
    }

    /// An imported name that is not read: unknown, saying why.
    fn unread_import(&mut self, what: &str, from: &str) -> String {
        let file = &self.units[self.file as usize].path;
        let why = match bicep::resolve_module(self.units, file, from) {
            None if from.starts_with("br") => {
                "which is not in the local Bicep cache (run `bicep restore` to fill it)"
            }
            Some(i) if self.units[i as usize].parsed.is_none() => {
                "which its compiled template computes: cniplan reads only exported values written out"
            }
            _ => "which cniplan does not read",
        };
        self.unknown(&format!("{what}, imported from '{from}', {why}"))
    }

    pub(super) fn member(&mut self, target: &'t Expr, name: &str, safe: bool, locals: &Locals) -> String {
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
                return self
                    .foreign(&from, name, None)
                    .unwrap_or_else(|| self.unread_import(&format!("`{ns}.{name}`"), &from));
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
    pub(super) fn symbol(&mut self, e: &'t Expr, locals: &Locals) -> Option<(String, At)> {
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

    pub(super) fn call(
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
                    self.foreign(&from, name, Some(bound))
                        .unwrap_or_else(|| self.unread_import(&format!("`{ns}.{name}()`"), &from))
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
            return self
                .foreign(&from, &original, Some(bound))
                .unwrap_or_else(|| self.unread_import(&format!("`{name}()`"), &from));
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
                // Never read: cniplan runs as a CI gate, whose environment holds its secrets,
                // and a `.bicepparam` file under review would print them into findings. The
                // value is the deploying machine's, unknown here, even with a default.
                let var = match args.first().map(|a| &a.kind) {
                    Some(Kind::Str(v)) => v.clone(),
                    _ => String::from("(a computed name)"),
                };
                return self.unknown(&format!(
                    "the environment variable `{var}` (`readEnvironmentVariable()`): cniplan does not read the environment, which holds a CI runner's secrets"
                ));
            }
            _ => {}
        }
        let args: Vec<String> = args.iter().map(|a| self.ex(a, locals)).collect();
        format!("{name}({})", args.join(", "))
    }
}
