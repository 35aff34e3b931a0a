//! A file's template: its declarations gathered first (so a symbol may be used before it is
//! declared), then `parameters`, `variables`, `functions`, `resources` and `outputs` as
//! `bicep build` writes them; and a `.bicepparam` file's values.

use super::{bind, entry, has_expression, loop_and_body, map, node, object_prop, text, Module, Translator};
use crate::diagnostic::{Finding, Rule};
use crate::input::bicep::syntax::{DeclKind, Expr, Kind};
use crate::input::tree::{Node, Value};

impl<'t> Translator<'t, '_> {
    /// Declares every symbol of the file, so references resolve in any order.
    pub(super) fn declare(&mut self) {
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

    /// The template of this file.
    pub fn template(mut self) -> Node<'static> {
        self.out.stack.push(self.file);
        let t = self.template_of_file();
        self.out.stack.pop();
        t
    }

    pub(super) fn template_of_file(&mut self) -> Node<'static> {
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
