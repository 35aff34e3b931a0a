//! Modules: the nested deployment each call becomes, with inner scope, its parameters and
//! its file's template inline (a local `.bicep` or `.json` file, or a registry module from
//! the cache), and the name of that deployment.

use super::{
    bind, entry, is_local, loop_and_body, map, object_prop, q, text, At, Translator, DEPLOYMENTS_API,
};
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::bicep::{
    self,
    syntax::{Expr, Kind, Prop},
};
use crate::input::tree::Node;

impl<'t> Translator<'t, '_> {
    pub(super) fn module(
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
    pub(super) fn deployment_name(&mut self, symbol: &str, at: &At) -> String {
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
    pub(super) fn module_template(
        &mut self,
        symbol: &str,
        path: &str,
        pspan: Span,
    ) -> Result<Node<'static>, String> {
        if bicep::is_local(path) && bicep::is_absolute(path) {
            self.out.report(bicep::absolute_path(path, pspan));
            return Err(format!(
                "module `{symbol}` is not read: what it deploys is not checked"
            ));
        }
        let from = &self.units[self.file as usize].path;
        let Some(index) = bicep::resolve_module(self.units, from, path) else {
            let (what, help) = bicep::module_unread(path, from, &bicep::config::of_units(self.units, from));
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
            match bicep::json_template(unit, index) {
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
}
