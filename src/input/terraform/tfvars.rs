//! Values for the root module's variables from `terraform.tfvars`, `*.auto.tfvars`, their
//! `.json` forms and `--var-file`s, applied in the order the sources list them: a later file
//! wins, as in Terraform.

use super::config::{syntax_finding, Module};
use super::eval::{Evaluator, Scope};
use super::files;
use super::value::V;
use crate::diagnostic::{Finding, Rule, Span};
use crate::source::SourceFile;
use std::collections::BTreeMap;

/// The values read, where each is written (for a finding at a value Terraform would refuse),
/// and what reading them found.
pub fn read(sources: &[SourceFile]) -> (BTreeMap<String, V>, BTreeMap<String, Span>, Vec<Finding>) {
    let mut values = BTreeMap::new();
    let mut spans = BTreeMap::new();
    let mut findings = Vec::new();
    // Variable files hold literal values: they are evaluated with no module around them.
    let empty = [Module::default()];
    for (index, source) in sources.iter().enumerate().skip(1) {
        if files::is_config(&source.path) || super::manifest::is_manifest(&source.path) {
            continue;
        }
        let file = index as u32;
        if source.path.ends_with(".json") {
            match serde_json::from_str::<serde_json::Value>(&source.text) {
                Ok(serde_json::Value::Object(m)) => {
                    // Places from the span-keeping parser, which reads what serde_json read.
                    let tree = crate::input::json::parse(source, file).ok();
                    for (k, v) in m {
                        let at = tree
                            .as_ref()
                            .and_then(|d| d.root.as_ref())
                            .and_then(|root| root.get(&k))
                            .map_or(Span::in_file(file, 0, 0), |n| n.span);
                        spans.insert(k.clone(), at);
                        values.insert(k, from_json(v));
                    }
                }
                Ok(_) => findings.push(Finding::new(
                    Rule::PlanSchema,
                    Span::in_file(file, 0, 0),
                    "a .tfvars.json file holds one JSON object of variable values",
                )),
                Err(e) => {
                    let at = source.offset_of(e.line(), e.column().saturating_sub(1));
                    findings.push(Finding::new(
                        Rule::PlanSyntax,
                        Span::in_file(file, at, at),
                        format!("this is not valid JSON: {e}"),
                    ));
                }
            }
            continue;
        }
        let body = match hcl_edit::parser::parse_body(&source.text) {
            Ok(body) => body,
            Err(e) => {
                findings.push(syntax_finding(source, file, &e));
                continue;
            }
        };
        let mut ev = Evaluator::new(&empty, BTreeMap::new());
        for attribute in body.attributes() {
            let v = ev.eval_item(&attribute.value, &mut Scope::new(0, file));
            let mut found = None;
            let v = without_placeholders(v, &mut found);
            let span = hcl_edit::Span::span(&attribute.value)
                .map_or(Span::in_file(file, 0, 0), |r| Span::in_file(file, r.start, r.end));
            spans.insert(attribute.key.as_str().to_string(), span);
            if let Some(placeholder) = found {
                findings.push(
                    Finding::new(
                        Rule::UnresolvedInput,
                        span,
                        format!(
                            "`{}` holds the placeholder `{placeholder}`, a value to fill in before applying: it is unknown, and the checks that need it stay silent",
                            attribute.key.as_str()
                        ),
                    )
                    .help("write the real value here, or in a `--var-file` for this environment"),
                );
            }
            values.insert(attribute.key.as_str().to_string(), v);
        }
        findings.append(&mut ev.findings);
    }
    (values, spans, findings)
}

/// The value with every string that holds a placeholder (`<vnet-cidr>`) unknown, as in a
/// parameters file (`input::placeholder`); `found` gets the first placeholder.
fn without_placeholders(v: V, found: &mut Option<String>) -> V {
    use super::value::Kind;
    match v.kind {
        Kind::Str(ref s) => match crate::input::placeholder::find(s, &|_| None) {
            Some(p) => {
                found.get_or_insert_with(|| p.to_string());
                V::unknown()
            }
            None => v,
        },
        Kind::List(items) => V::list(
            std::rc::Rc::unwrap_or_clone(items)
                .into_iter()
                .map(|i| without_placeholders(i, found))
                .collect(),
        ),
        Kind::Map(m) => V::map(
            std::rc::Rc::unwrap_or_clone(m)
                .into_iter()
                .map(|(k, i)| (k, without_placeholders(i, found)))
                .collect(),
        ),
        _ => v,
    }
}

fn from_json(v: serde_json::Value) -> V {
    use serde_json::Value as J;
    match v {
        J::Null => V::null(),
        J::Bool(b) => V::bool(b),
        J::Number(n) => match n.as_i64() {
            Some(i) => V::int(i128::from(i)),
            None => V::number(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => V::str(s),
        J::Array(items) => V::list(items.into_iter().map(from_json).collect()),
        J::Object(m) => V::map(m.into_iter().map(|(k, v)| (k, from_json(v))).collect()),
    }
}
