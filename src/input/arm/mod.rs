//! ARM templates (and so Bicep, after `az bicep build`) → the typed plan (docs/arm-bicep-az.md).
//!
//! The template is evaluated as Azure Resource Manager would deploy it, as far as that can
//! be done offline: parameters (from `--parameters` files, later files winning, else their
//! defaults), variables, the template functions networking uses, copy loops and nested
//! deployments. What only Azure knows (a deployed resource's state, the subscription) is
//! unknown or a placeholder, and said so in notes. The `Microsoft.Network` and
//! `Microsoft.ContainerService` resources found then become the plan through the mapping
//! az exports share ([`estate`]).

mod cidr;
mod cluster;
pub mod estate;
mod eval;
pub mod expr;
pub mod fields;
mod functions;
mod identity;
mod ids;
mod jsonc;
mod lambdas;
pub mod listed;
pub mod notes;
mod order;
mod redeclared;
mod scope;
pub use jsonc::blank_comments;
pub use scope::SUBSCRIPTION_PLACEHOLDER;
mod template;
pub use template::is_stand_in;
pub mod value;

use super::{json, Loaded};
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::tree::{Document, Node, Value};
use crate::source::SourceFile;
use scope::Env;
use std::borrow::Cow;

/// How much of a file's start tells a template (`$schema` comes first in every template
/// seen; a long `metadata` or comment may come before it): the one window the directory
/// walk reads and `is_template` looks in, so both agree.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Whether a text is an ARM template: a JSON object whose `$schema` names
/// `deploymentTemplate.json` (or the subscription, management group and tenant variants).
pub fn is_template(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // `$schema` comes first in every template seen; a window keeps this cheap on a large
    // file that is no template. Comments may come before the object (ARM allows them).
    // Lower-cased: ARM matches a template's keys without case (`"$Schema"`).
    let window = jsonc::blank_comments(&text[..floor_boundary(text, SNIFF_BYTES)]).to_ascii_lowercase();
    let window = window.trim_start();
    if !window.starts_with('{') {
        return false;
    }
    let Some(at) = window.find("\"$schema\"") else {
        return false;
    };
    let rest = &window[at + 9..];
    let value = rest
        .trim_start()
        .strip_prefix(':')
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix('"'));
    value
        .and_then(|v| v.split('"').next())
        .is_some_and(|schema| schema.contains("deploymenttemplate.json"))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Reads the template (`sources[0]`) with its parameters files (the other sources).
pub fn read(sources: &[SourceFile]) -> Result<Loaded, Vec<Finding>> {
    let texts: Vec<Cow<'_, str>> = sources.iter().map(|s| jsonc::blank_comments(&s.text)).collect();
    let mut docs: Vec<Document<'_>> = Vec::new();
    let mut errors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        match json::parse_arm(text, i as u32) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(
                Finding::new(Rule::PlanSyntax, e.span, e.message)
                    .help("fix the JSON syntax at this position"),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let is_map = |n: &Node<'_>| matches!(n.value, Value::Map(_));
    let Some(template) = docs.first().and_then(|d| d.root.as_ref()) else {
        return Err(vec![Finding::new(
            Rule::PlanSchema,
            Span::default(),
            "the template is empty",
        )
        .help("an ARM template is a JSON object with `$schema` and `resources`")]);
    };
    if !is_map(template) {
        return Err(vec![Finding::new(
            Rule::PlanSchema,
            template.span,
            format!("an ARM template is a JSON object, not {}", template.describe()),
        )
        .help("an ARM template is a JSON object with `$schema` and `resources`")]);
    }
    let mut findings: Vec<Finding> = docs
        .iter()
        .flat_map(|d| json::repeated_keys(&d.repeated))
        .collect();
    let parameter_files: Vec<&Node<'_>> = docs
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, d)| match &d.root {
            Some(root) if root.get_nocase("parameters").is_some_and(is_map) => Some(root),
            _ => {
                findings.push(
                    Finding::new(
                        Rule::PlanSchema,
                        d.root.as_ref().map_or(Span::in_file(i as u32, 0, 0), |r| r.span),
                        "a parameters file is a JSON object with `parameters`",
                    )
                    .help("ARM parameters files look like {\"parameters\": {\"name\": {\"value\": …}}}"),
                );
                None
            }
        })
        .collect();
    let text_refs: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
    Ok(evaluate(
        text_refs,
        template,
        &parameter_files,
        &deployment_name(&sources[0].path),
        findings,
    ))
}

/// Deploys a template (a span tree, from JSON or translated from Bicep) with its parameters
/// files, as Azure Resource Manager would, and maps what it creates onto the plan. `texts`
/// are the sources by span file index; `findings` what the reading found before.
pub fn evaluate<'a>(
    texts: Vec<&'a str>,
    template: &'a Node<'a>,
    parameter_files: &[&'a Node<'a>],
    deployment: &str,
    mut findings: Vec<Finding>,
) -> Loaded {
    let ev = eval::Evaluator::new(texts.clone());
    let scope = template::root_scope(&ev, template, deployment, parameter_files);
    let place = scope.place.clone();
    let mut walker = template::Walker::new(&ev, deployment);
    walker.walk(&Env::of(scope), &place, template.get_nocase("resources"));
    let (resources, walk_notes) = walker.resources();
    let options = estate::Options {
        dedupe: false,
        reserved: None,
        missing_vnet_help: "this template",
        missing_vnet_todo: "to check it, list this template and the one that declares the VNet as `deployments:` of `.cniplan.yaml`, which reads them as one estate (docs/configuration.md)",
        elsewhere: None,
        vnet_elsewhere: None,
        texts: &texts,
    };
    let (plan, mapped, places) = estate::build(resources, &options);
    findings.extend(mapped);
    findings.extend(walk_notes.into_iter().flat_map(notes::Notes::findings));
    findings.extend(ev.take_findings());
    // A module called several times says what it could not read once.
    notes::said_once(&mut findings);
    // Resource IDs carry the placeholders too, but they only meet IDs built the same way;
    // a value built from the deployment's own subscription or group is worth a word.
    if ev.placeholders.get() {
        let at = template.get_nocase("$schema").map_or(template.span, |s| s.span);
        findings.push(notes::assumed(
            at,
            "the deployment",
            &format!(
                "the subscription and resource group are not known before deployment: `subscription()` and `resourceGroup()` give `{}` and `{}`, and `uniqueString()` and `guid()` give stand-ins, so names built with them differ from Azure's",
                scope::SUBSCRIPTION_PLACEHOLDER,
                scope::RESOURCE_GROUP_PLACEHOLDER
            ),
        ));
    }
    Loaded {
        plan,
        aliases: Vec::new(),
        notes: findings,
        resources: places,
    }
}

/// What `deployment().name` is at the top: az names a deployment after its template file.
pub fn deployment_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "<stdin>")
        .unwrap_or_else(|| "deployment".to_string())
}
