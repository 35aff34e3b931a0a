//! The deployments `.cniplan.yaml` lists, read as one estate (docs/configuration.md,
//! "Deployments"). Each template is evaluated where its deployment lands (its subscription,
//! resource group and name flow into `resourceId()`, `resourceGroup()`, `subscription()` and
//! `deployment()`), with its parameters files and inline values, after the deployments whose
//! outputs it takes. The resources of all of them become one plan, so a cluster's pools link
//! to another deployment's subnets by resource ID, and every range is checked against every
//! other. A resource ID that two deployments declare (a hub redeployed with more parameters)
//! is one resource, with the values of the deployment that deploys last, and a
//! `conflicting-declarations` warning where the declarations disagree.
//!
//! The input's sources: the configuration first, then every file the deployments name, each
//! once, named as `deployments::path_of` names them.

use super::estate::{self, id_key};
use super::eval::Evaluator;
use super::scope::{Env, Place, Scope, RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER};
use super::template::{self, Walker};
use super::value::Val;
use super::{jsonc, notes};
use crate::diagnostic::{Finding, Rule};
use crate::input::deployments::{self, Deployment, Parameters};
use crate::input::tree::{Document, Node, Value};
use crate::input::{json, yaml, Loaded};
use crate::source::SourceFile;
use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

pub fn read(sources: &[SourceFile]) -> Result<Loaded, Vec<Finding>> {
    let Some(config) = sources.first() else {
        return Err(Vec::new());
    };
    let texts: Vec<Cow<'_, str>> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| match i {
            // The configuration is YAML, and Bicep quotes with `'`: their texts as written.
            0 => Cow::Borrowed(s.text.as_str()),
            _ if crate::input::bicep::is_bicep(&s.path) => Cow::Borrowed(s.text.as_str()),
            _ => jsonc::blank_comments(&s.text),
        })
        .collect();
    let config_doc = yaml::parse(config, 0).map_err(|e| {
        vec![Finding::new(Rule::PlanSyntax, e.span, e.message).help("fix the YAML syntax at this position")]
    })?;
    let Some(root) = config_doc.root.as_ref() else {
        return Err(Vec::new());
    };
    let (listed, mistakes) = deployments::read(root);
    let apart = apart_from_terraform(root, &listed);
    let mut findings: Vec<Finding> = mistakes
        .into_iter()
        .map(|(span, m)| {
            Finding::new(Rule::PlanSchema, span, m).help("see docs/configuration.md, \"Deployments\"")
        })
        .collect();
    let order = match deployments::order(&listed.deployments) {
        Ok(order) => order,
        Err((span, cycle)) => {
            findings.push(Finding::new(
                Rule::PlanSchema,
                span,
                format!("the deployments wait on each other's outputs in a cycle: {cycle}"),
            ));
            return Err(findings);
        }
    };
    let by_path: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, s)| (s.path.as_str(), i))
        .collect();
    let index_of = |written: &str| {
        by_path
            .get(deployments::path_of(&config.path, written).as_str())
            .copied()
    };
    // Every JSON file parsed once, whichever deployments share it.
    let mut docs: Vec<Option<Document<'_>>> = Vec::new();
    for (i, (source, text)) in sources.iter().zip(&texts).enumerate() {
        if i == 0 || crate::input::bicep::is_bicep(&source.path) {
            docs.push(None);
            continue;
        }
        match json::parse_arm(text, i as u32) {
            Ok(doc) => {
                findings.extend(json::repeated_keys(&doc.repeated));
                docs.push(Some(doc));
            }
            Err(e) => {
                findings.push(
                    Finding::new(Rule::PlanSyntax, e.span, e.message)
                        .help("fix the JSON syntax at this position"),
                );
                docs.push(None);
            }
        }
    }
    // Each Bicep template, translated into the ARM template `bicep build` writes, with its
    // modules among the input's sources.
    let wanted: Vec<u32> = listed
        .deployments
        .iter()
        .filter(|d| is_bicep(&d.template.value))
        .filter_map(|d| index_of(&d.template.value))
        .map(|i| i as u32)
        .collect();
    // The `.bicepparam` files Bicep deployments take as parameters.
    let bicepparam = |d: &Deployment<'_>| -> Vec<usize> {
        d.parameters
            .iter()
            .filter_map(|p| match p {
                Parameters::File(f) if is_bicepparam(&f.value) => index_of(&f.value),
                _ => None,
            })
            .collect()
    };
    let param_files: Vec<u32> = listed
        .deployments
        .iter()
        .filter(|d| is_bicep(&d.template.value))
        .flat_map(&bicepparam)
        .map(|i| i as u32)
        .collect();
    let mut bicep_templates: HashMap<usize, Node<'static>> = HashMap::new();
    let mut bicep_params = HashMap::new();
    if !wanted.is_empty() {
        match crate::input::bicep::templates(sources, &wanted, &param_files) {
            Ok((templates, params, notes)) => {
                findings.extend(notes);
                bicep_templates.extend(templates.into_iter().map(|(i, t)| (i as usize, t)));
                bicep_params = params;
            }
            Err(errors) => findings.extend(errors),
        }
    }
    // A `.bicepparam` file's expressions become its template's defaults, as `bicep build-params`
    // does: each deployment that takes one gets its own copy of the template.
    let mut with_params: HashMap<usize, Node<'static>> = HashMap::new();
    for (k, d) in listed.deployments.iter().enumerate() {
        let files = bicepparam(d);
        let template = index_of(&d.template.value).and_then(|t| bicep_templates.get(&t));
        let (Some(template), false) = (template, files.is_empty()) else {
            continue;
        };
        let mut template = template.clone();
        for file in files {
            for (name, value) in bicep_params
                .get(&(file as u32))
                .map_or(&[][..], |p| &p.computed[..])
            {
                crate::input::bicep::set_default(&mut template, name, value.clone(), &mut findings);
            }
        }
        with_params.insert(k, template);
    }
    if findings.iter().any(|f| f.rule == Rule::PlanSyntax) {
        return Err(findings);
    }
    let text_refs: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
    let ev = Evaluator::new(text_refs.clone());
    let mut scopes: HashMap<String, Option<Rc<Scope<'_>>>> = HashMap::new();
    let mut resources = Vec::new();
    let mut walk_notes = Vec::new();
    let mut placeholder_at = None;
    for (position, &i) in order.iter().enumerate() {
        let d = &listed.deployments[i];
        let key = d.name.value.to_ascii_lowercase();
        let Some(file) = index_of(&d.template.value) else {
            findings.push(missing(&d.template, "template"));
            scopes.insert(key, None);
            continue;
        };
        let template = if is_bicep(&d.template.value) {
            match with_params.get(&i).or_else(|| bicep_templates.get(&file)) {
                Some(template) => template,
                None => {
                    // Too large to translate: said where the file starts.
                    scopes.insert(key, None);
                    continue;
                }
            }
        } else if d.template.value.to_ascii_lowercase().ends_with(".bicepparam") {
            findings.push(
                Finding::new(
                    Rule::PlanSchema,
                    d.template.span,
                    format!("`{}` is a Bicep parameters file, not a template", d.template.value),
                )
                .help("list the `.bicep` file it uses as `template`, and give its values inline or in a JSON parameters file"),
            );
            scopes.insert(key, None);
            continue;
        } else {
            // Every file parsed (a syntax error stopped the reading above): no root is an
            // empty file.
            let Some(template) = docs[file].as_ref().and_then(|doc| doc.root.as_ref()) else {
                findings.push(
                    Finding::new(
                        Rule::PlanSchema,
                        d.template.span,
                        format!("`{}` is empty: no ARM template", d.template.value),
                    )
                    .help("an ARM template is a JSON object with `$schema` and `resources`"),
                );
                scopes.insert(key, None);
                continue;
            };
            if !super::is_template(&sources[file].text) || !matches!(template.value, Value::Map(_)) {
                findings.push(
                    Finding::new(
                        Rule::PlanSchema,
                        d.template.span,
                        format!("`{}` is no ARM template (a JSON object whose `$schema` names deploymentTemplate.json)", d.template.value),
                    )
                    .help("name the template a deployment deploys, as `az deployment group create -f` takes it"),
                );
                scopes.insert(key, None);
                continue;
            }
            template
        };
        let group_scoped = template::group_scoped(template);
        if d.resource_group.is_none() && group_scoped || d.subscription.is_none() {
            placeholder_at.get_or_insert(d.name.span);
        }
        let place = Place {
            subscription: Rc::from(
                d.subscription
                    .as_ref()
                    .map_or(SUBSCRIPTION_PLACEHOLDER, |s| s.value.as_str()),
            ),
            resource_group: match (&d.resource_group, group_scoped) {
                (_, false) => None,
                (Some(rg), true) => Some(Rc::from(rg.value.as_str())),
                (None, true) => Some(Rc::from(RESOURCE_GROUP_PLACEHOLDER)),
            },
            deployment: Rc::from(d.name.value.as_str()),
            location: d.location.as_ref().map(|l| Rc::from(l.value.as_str())),
        };
        if let (Some(rg), false) = (&d.resource_group, group_scoped) {
            findings.push(
                Finding::new(
                    Rule::PlanSchema,
                    rg.span,
                    "this template deploys at subscription (or wider) scope, which takes no resource group",
                )
                .help("deploy it with `az deployment sub create -l LOCATION`: drop `resource_group`, give `location`"),
            );
        }
        let mut scope = Scope::new(template, place.clone(), None);
        scope.declare_parameters();
        for p in &d.parameters {
            match p {
                Parameters::File(f) if is_bicepparam(&f.value) => {
                    let given = index_of(&f.value).and_then(|k| bicep_params.get(&(k as u32)));
                    match given {
                        Some(p) if is_bicep(&d.template.value) => template::given_file(&ev, &mut scope, &p.given),
                        _ => findings.push(
                            Finding::new(
                                Rule::PlanSchema,
                                f.span,
                                format!("`{}`: a `.bicepparam` file gives the parameters of a Bicep template, and this deployment's is none", f.value),
                            )
                            .help("give the values inline (`- name: value`) or in a JSON parameters file"),
                        ),
                    }
                }
                Parameters::File(f) => match index_of(&f.value).and_then(|k| docs[k].as_ref()) {
                    Some(doc) => match doc.root.as_ref().filter(|r| r.get_nocase("parameters").is_some()) {
                        Some(file) => template::given_file(&ev, &mut scope, file),
                        None => findings.push(
                            Finding::new(
                                Rule::PlanSchema,
                                f.span,
                                format!(
                                    "`{}` is no parameters file: it has no `parameters` object",
                                    f.value
                                ),
                            )
                            .help(
                                "ARM parameters files look like {\"parameters\": {\"name\": {\"value\": …}}}",
                            ),
                        ),
                    },
                    None => findings.push(missing(f, "parameters file")),
                },
                Parameters::Values(map) => {
                    for e in map.entries() {
                        match deployments::output_ref(&e.value) {
                            Some(Ok(r)) => {
                                if let Some(v) = output(&ev, &scopes, &listed.deployments, &r, &mut findings)
                                {
                                    check_type(&scope, &e.key, &r, &v, &mut findings);
                                    template::given_val(&ev, &mut scope, &e.key, e.key_span, v);
                                }
                            }
                            Some(Err(_)) => {}
                            None => template::given_inline(&ev, &mut scope, &e.key, e.key_span, &e.value),
                        }
                    }
                }
            }
        }
        let scope = Rc::new(scope);
        let id = format!(
            "{}/providers/Microsoft.Resources/deployments/{}",
            place.prefix(),
            d.name.value
        );
        {
            let mut known = ev.deployments.borrow_mut();
            known.insert(id_key(&id), Rc::clone(&scope));
            known.insert(format!("name:{key}"), Rc::clone(&scope));
        }
        let mut walker = Walker::new(&ev, &d.name.value).listed(position);
        walker.walk(
            &Env::of(Rc::clone(&scope)),
            &place,
            template.get_nocase("resources"),
        );
        let (found, notes) = walker.resources();
        resources.push(found);
        walk_notes.extend(notes);
        scopes.insert(key, Some(scope));
    }
    let options = estate::Options {
        dedupe: false,
        reserved: None,
        missing_vnet_help: "the deployments of the configuration",
        missing_vnet_todo: "to check it, add the deployment that declares the VNet to `deployments:`",
        elsewhere: None,
        vnet_elsewhere: None,
        texts: &text_refs,
    };
    // Every declaration in deployment order: one resource ID is one VNet, subnet, cluster or
    // pool, the one deployed last, and declarations that disagree are said
    // (rules/conflicting-declarations.md).
    findings.extend(apart);
    let (plan, mapped, places) = estate::build(resources.into_iter().flatten().collect(), &options);
    findings.extend(mapped);
    findings.extend(walk_notes.into_iter().flat_map(notes::Notes::findings));
    findings.extend(ev.take_findings());
    // A module called several times says what it could not read once.
    notes::said_once(&mut findings);
    if ev.placeholders.get() {
        // Where a deployment says nothing of its subscription or group, the placeholders
        // reached a value; otherwise only `uniqueString()` and `guid()` did.
        let (at, what) = match placeholder_at {
            Some(at) => (at, format!(
                "without `subscription` (and `resource_group`), `subscription()` and `resourceGroup()` give `{SUBSCRIPTION_PLACEHOLDER}` and `{RESOURCE_GROUP_PLACEHOLDER}`, and `uniqueString()` and `guid()` give stand-ins, so names built with them differ from Azure's"
            )),
            None => (
                listed.deployments.first().map_or(root.span, |d| d.name.span),
                "`uniqueString()` and `guid()` hash what only Azure knows (the subscription's and group's IDs): they give stand-ins, so names built with them differ from Azure's".to_string(),
            ),
        };
        findings.push(notes::assumed(at, "the deployments", &what));
    }
    Ok(Loaded {
        plan,
        aliases: Vec::new(),
        notes: findings,
        resources: places,
    })
}

/// The `terraform:` roots of a configuration that also lists deployments are checked apart
/// from them, each with its variable files, and this says so at `terraform:`: a root's
/// environments are several (which one the deployments go with, the configuration does not
/// say), and the IDs Terraform gives its resources take the subscription of the provider's
/// configuration, which cniplan does not read. So a pool or peering of the deployments that
/// names a root's subnet or VNet is not linked to it, and their ranges are not compared.
fn apart_from_terraform(root: &Node<'_>, listed: &deployments::Listed<'_>) -> Option<Finding> {
    if listed.deployments.is_empty() || listed.terraform.is_empty() {
        return None;
    }
    let at = root
        .entries()
        .iter()
        .find(|e| e.key == "terraform")
        .map_or(root.span, |e| e.key_span);
    let roots: Vec<String> = listed
        .terraform
        .iter()
        .map(|t| format!("`{}`", t.root.value))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    Some(
        Finding::new(
            Rule::UnresolvedInput,
            at,
            format!(
                "the Terraform roots under `terraform:` ({}) are checked apart from the deployments, one check per entry: a subnet or VNet a root manages is not in the deployments' estate, so a pool or peering of the deployments that names one is not linked to it (its note says so), and the roots' ranges are not compared with the deployments'",
                roots.join(", ")
            ),
        )
        .help("to check them together, `cniplan import .cniplan.yaml ROOT` writes the deployments and the root (with its entry's variable files) as one cniplan plan, and `cniplan check` that plan compares every range (docs/configuration.md, \"Deployments and Terraform roots\")"),
    )
}

/// A Bicep parameters file.
fn is_bicepparam(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".bicepparam")
}

/// A Bicep template (a `.bicepparam` file names its template itself, and is no template).
fn is_bicep(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".bicep")
}

fn missing(written: &crate::diagnostic::Spanned<String>, what: &str) -> Finding {
    Finding::new(
        Rule::PlanSchema,
        written.span,
        format!("the {what} `{}` is not among the files read", written.value),
    )
    .help("name a file that exists, relative to the configuration's directory")
}

/// The value of another deployment's output; `None` (and a finding) when that deployment
/// declares no such output, an unknown value when its template was not read.
fn output<'a>(
    ev: &Evaluator<'a>,
    scopes: &HashMap<String, Option<Rc<Scope<'a>>>>,
    listed: &[Deployment<'_>],
    r: &deployments::OutputRef,
    findings: &mut Vec<Finding>,
) -> Option<Val<'a>> {
    let scope = match scopes.get(&r.deployment.to_ascii_lowercase()) {
        Some(Some(scope)) => scope,
        Some(None) => {
            return Some(Val::unknown(
                format!(
                    "the output `{}` of deployment `{}`, whose template is not read",
                    r.output, r.deployment
                ),
                r.span,
            ))
        }
        // Named no listed deployment: the settings refused it already.
        None => return None,
    };
    match ev.output(scope, &r.output, r.span) {
        Ok(v) => Some(v),
        Err(declared) => {
            let template = listed
                .iter()
                .find(|d| d.name.value.eq_ignore_ascii_case(&r.deployment))
                .map_or("its template", |d| d.template.value.as_str());
            let near = crate::suggest::nearest(&r.output, declared.iter().map(String::as_str))
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            let outputs = if declared.is_empty() {
                "it declares none".to_string()
            } else {
                format!("it declares {}", declared.join(", "))
            };
            findings.push(
                Finding::new(
                    Rule::PlanSchema,
                    r.span,
                    format!(
                        "deployment `{}` has no output `{}`: {template} does not declare it{near}",
                        r.deployment, r.output
                    ),
                )
                .help(format!("name one of the template's outputs ({outputs})")),
            );
            None
        }
    }
}

/// ARM refuses a parameter value of another type than the parameter's: "Template parameter
/// JToken type is not valid".
fn check_type(
    scope: &Scope<'_>,
    key: &str,
    r: &deployments::OutputRef,
    v: &Val<'_>,
    findings: &mut Vec<Finding>,
) {
    if v.unknown_reason().is_some() {
        return;
    }
    let Some(declared) = scope.params.get(&key.to_ascii_lowercase()) else {
        return;
    };
    let wanted = scope
        .template
        .get_nocase("parameters")
        .and_then(|p| p.entries().iter().find(|e| e.key.eq_ignore_ascii_case(key)))
        .and_then(|e| e.value.get_nocase("type"))
        .and_then(Node::as_str)
        .map(str::to_ascii_lowercase);
    let Some(wanted) = wanted else { return };
    let wanted = match wanted.as_str() {
        "securestring" => "string",
        "secureobject" => "object",
        other => other,
    }
    .to_string();
    let got = v.type_name();
    if got != wanted && got != "null" {
        findings.push(
            Finding::new(
                Rule::PlanSchema,
                r.span,
                format!(
                    "parameter `{}` is declared `{wanted}`, but output `{}.{}` is {}",
                    declared.name,
                    r.deployment,
                    r.output,
                    v.describe()
                ),
            )
            .help("Azure Resource Manager refuses the deployment (\"Template parameter JToken type is not valid\"); pass an output of the parameter's type"),
        );
    }
}
