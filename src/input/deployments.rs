//! The deployments `.cniplan.yaml` lists (docs/configuration.md, "Deployments"): which
//! template deploys with which parameters into which subscription and resource group, as
//! `az deployment group create -g RG -f TEMPLATE -p PARAMS` and `az deployment sub create
//! -l LOCATION -f TEMPLATE` take them, and which Terraform root is checked with which
//! `.tfvars` files. Read from the configuration's span tree, so the settings (which refuse a
//! mistaken list, exit 2) and the estate reader (which points findings at inline values)
//! read the same list the same way.

use crate::diagnostic::{Span, Spanned};
use crate::input::tree::{Node, Value};
use std::collections::{BTreeMap, HashSet};

/// One ARM (or Bicep) deployment of the estate.
#[derive(Debug)]
pub struct Deployment<'a> {
    /// `az deployment … --name`; az's default is the template's file name without extension.
    pub name: Spanned<String>,
    /// The template's path as written, relative to the configuration's directory.
    pub template: Spanned<String>,
    pub subscription: Option<Spanned<String>>,
    /// `-g`; `None` for a deployment at subscription scope.
    pub resource_group: Option<Spanned<String>>,
    /// `-l`: where a subscription-scope deployment's metadata lives (`deployment().location`).
    pub location: Option<Spanned<String>>,
    /// `-p`, in order: later sources win, as az applies them.
    pub parameters: Vec<Parameters<'a>>,
}

/// One `-p` of a deployment.
#[derive(Debug)]
pub enum Parameters<'a> {
    /// A parameters file, relative to the configuration's directory.
    File(Spanned<String>),
    /// Values given inline (`-p name=value`): the map of names to values.
    Values(&'a Node<'a>),
}

/// A parameter value that is another deployment's output: `{output: DEPLOYMENT.OUTPUT}`.
#[derive(Debug, Clone)]
pub struct OutputRef {
    pub deployment: String,
    pub output: String,
    pub span: Span,
}

/// A Terraform root module checked with chosen variable files.
#[derive(Debug)]
pub struct TerraformRoot {
    pub root: Spanned<String>,
    pub var_files: Vec<Spanned<String>>,
}

/// The `deployments:` and `terraform:` of a configuration.
#[derive(Debug, Default)]
pub struct Listed<'a> {
    pub deployments: Vec<Deployment<'a>>,
    pub terraform: Vec<TerraformRoot>,
}

/// A mistake in the lists, with where it is written.
pub type Mistake = (Span, String);

/// The output a parameter value names, if it is written as `{output: DEPLOYMENT.OUTPUT}`;
/// `Err` when it is written so but wrongly.
pub fn output_ref(value: &Node<'_>) -> Option<Result<OutputRef, Mistake>> {
    let entries = value.entries();
    let entry = entries.iter().find(|e| e.key == "output")?;
    if entries.len() > 1 {
        return Some(Err((
            value.span,
            "an output reference is `{output: DEPLOYMENT.OUTPUT}` and nothing else".to_string(),
        )));
    }
    let written = entry.value.as_str().unwrap_or_default();
    match written.rsplit_once('.') {
        Some((d, o)) if !d.is_empty() && !o.is_empty() => Some(Ok(OutputRef {
            deployment: d.to_string(),
            output: o.to_string(),
            span: entry.value.span,
        })),
        _ => Some(Err((
            entry.value.span,
            format!(
                "`output` names a deployment and one of its outputs, `DEPLOYMENT.OUTPUT`, not `{written}`"
            ),
        ))),
    }
}

/// Reads the lists from the configuration's root; every mistake is collected.
pub fn read<'a>(root: &'a Node<'a>) -> (Listed<'a>, Vec<Mistake>) {
    let mut mistakes = Vec::new();
    let mut listed = Listed::default();
    if let Some(list) = root.get("deployments") {
        for item in seq(list, "deployments", &mut mistakes) {
            if let Some(d) = deployment(item, &mut mistakes) {
                listed.deployments.push(d);
            }
        }
    }
    if let Some(list) = root.get("terraform") {
        for item in seq(list, "terraform", &mut mistakes) {
            if let Some(t) = terraform_root(item, &mut mistakes) {
                listed.terraform.push(t);
            }
        }
    }
    check_names(&listed.deployments, &mut mistakes);
    (listed, mistakes)
}

fn seq<'a>(node: &'a Node<'a>, key: &str, mistakes: &mut Vec<Mistake>) -> &'a [Node<'a>] {
    match &node.value {
        Value::Seq(items) => items,
        Value::Null => &[],
        _ => {
            mistakes.push((
                node.span,
                format!("`{key}` must be a list, not {}", node.describe()),
            ));
            &[]
        }
    }
}

fn text(node: &Node<'_>, key: &str, mistakes: &mut Vec<Mistake>) -> Option<Spanned<String>> {
    match &node.value {
        Value::Str(s) if !s.trim().is_empty() => Some(Spanned::new(s.to_string(), node.span)),
        _ => {
            mistakes.push((
                node.span,
                format!("`{key}` must be a non-empty string, not {}", node.describe()),
            ));
            None
        }
    }
}

fn unknown_key(key: &str, span: Span, known: &[&str], what: &str, mistakes: &mut Vec<Mistake>) {
    let near = crate::suggest::nearest(key, known.iter().copied())
        .map(|n| format!("; did you mean `{n}`?"))
        .unwrap_or_else(|| format!("; {what} takes {}", known.join(", ")));
    mistakes.push((span, format!("unknown key `{key}` in {what}{near}")));
}

const DEPLOYMENT_KEYS: [&str; 6] = [
    "name",
    "template",
    "subscription",
    "resource_group",
    "location",
    "parameters",
];

fn deployment<'a>(node: &'a Node<'a>, mistakes: &mut Vec<Mistake>) -> Option<Deployment<'a>> {
    if !matches!(node.value, Value::Map(_)) {
        mistakes.push((
            node.span,
            format!(
                "a deployment is a map with `template` (and `resource_group`, `parameters`, …), not {}",
                node.describe()
            ),
        ));
        return None;
    }
    let mut name = None;
    let mut template = None;
    let mut subscription = None;
    let mut resource_group = None;
    let mut location = None;
    let mut parameters = Vec::new();
    for entry in node.entries() {
        let v = &entry.value;
        match entry.key.as_ref() {
            "name" => name = text(v, "name", mistakes),
            "template" => template = text(v, "template", mistakes),
            "subscription" => subscription = text(v, "subscription", mistakes),
            "resource_group" => resource_group = text(v, "resource_group", mistakes),
            "location" => location = text(v, "location", mistakes),
            "parameters" => {
                for p in seq(v, "parameters", mistakes) {
                    match &p.value {
                        Value::Str(_) => parameters.extend(text(p, "parameters", mistakes).map(Parameters::File)),
                        Value::Map(entries) => {
                            for e in entries {
                                if let Some(Err(m)) = output_ref(&e.value) {
                                    mistakes.push(m);
                                }
                            }
                            parameters.push(Parameters::Values(p));
                        }
                        _ => mistakes.push((
                            p.span,
                            format!(
                                "a `parameters` item is a parameters file's path or a map of parameter values, not {}",
                                p.describe()
                            ),
                        )),
                    }
                }
            }
            other => unknown_key(other, entry.key_span, &DEPLOYMENT_KEYS, "a deployment", mistakes),
        }
    }
    let Some(template) = template else {
        if node.get("template").is_none() {
            mistakes.push((
                node.span,
                "a deployment needs `template`, the template's path".to_string(),
            ));
        }
        return None;
    };
    let name = name.unwrap_or_else(|| {
        let stem = std::path::Path::new(&template.value)
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        Spanned::default_at(stem, template.span)
    });
    Some(Deployment {
        name,
        template,
        subscription,
        resource_group,
        location,
        parameters,
    })
}

fn terraform_root(node: &Node<'_>, mistakes: &mut Vec<Mistake>) -> Option<TerraformRoot> {
    if !matches!(node.value, Value::Map(_)) {
        mistakes.push((
            node.span,
            format!(
                "a Terraform entry is a map with `root` and `var_files`, not {}",
                node.describe()
            ),
        ));
        return None;
    }
    let mut root = None;
    let mut var_files = Vec::new();
    for entry in node.entries() {
        match entry.key.as_ref() {
            "root" => root = text(&entry.value, "root", mistakes),
            "var_files" => {
                for f in seq(&entry.value, "var_files", mistakes) {
                    var_files.extend(text(f, "var_files", mistakes));
                }
            }
            other => unknown_key(
                other,
                entry.key_span,
                &["root", "var_files"],
                "a Terraform entry",
                mistakes,
            ),
        }
    }
    if root.is_none() && node.get("root").is_none() {
        mistakes.push((
            node.span,
            "a Terraform entry needs `root`, the root module's directory".to_string(),
        ));
    }
    Some(TerraformRoot {
        root: root?,
        var_files,
    })
}

/// Names are unique; every output reference names a listed deployment; no deployment waits
/// on itself through outputs.
fn check_names(deployments: &[Deployment<'_>], mistakes: &mut Vec<Mistake>) {
    let mut first: HashSet<String> = HashSet::new();
    for d in deployments {
        if !first.insert(d.name.value.to_ascii_lowercase()) {
            mistakes.push((
                d.name.span,
                format!(
                    "two deployments are named `{}`: outputs are named by deployment, so give each its own `name` (az's default is the template's file name)",
                    d.name.value
                ),
            ));
        }
    }
    let names: Vec<&str> = deployments.iter().map(|d| d.name.value.as_str()).collect();
    for d in deployments {
        for r in output_refs(d) {
            if !first.contains(&r.deployment.to_ascii_lowercase()) {
                let near = crate::suggest::nearest(&r.deployment, names.iter().copied())
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                mistakes.push((r.span, format!("no deployment is named `{}`{near}", r.deployment)));
            }
        }
    }
    if let Err((span, cycle)) = order(deployments) {
        mistakes.push((
            span,
            format!("the deployments wait on each other's outputs in a cycle: {cycle}; none of them can deploy first"),
        ));
    }
}

/// The output references of a deployment's inline values, in order.
pub fn output_refs(d: &Deployment<'_>) -> Vec<OutputRef> {
    let mut out = Vec::new();
    for p in &d.parameters {
        if let Parameters::Values(map) = p {
            for e in map.entries() {
                if let Some(Ok(r)) = output_ref(&e.value) {
                    out.push(r);
                }
            }
        }
    }
    out
}

/// The deployments in an order that deploys every one after those whose outputs it takes,
/// otherwise in the order listed; `Err` with the first cycle (where it is written, and the
/// names around it) when there is one. References to no listed deployment are ignored here.
pub fn order(deployments: &[Deployment<'_>]) -> Result<Vec<usize>, (Span, String)> {
    let index: BTreeMap<String, usize> = deployments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.name.value.to_ascii_lowercase(), i))
        .collect();
    let waits: Vec<Vec<(usize, Span)>> = deployments
        .iter()
        .map(|d| {
            output_refs(d)
                .into_iter()
                .filter_map(|r| {
                    index
                        .get(&r.deployment.to_ascii_lowercase())
                        .map(|&i| (i, r.span))
                })
                .collect()
        })
        .collect();
    // Depth-first, in list order, with a stack of its own (a list of thousands of chained
    // deployments must not exhaust the thread's): 0 unvisited, 1 on the path, 2 placed.
    // Each frame is a deployment and how many of its waits were followed; `path` holds, for
    // each frame but the last, the wait followed out of it.
    let mut state = vec![0u8; deployments.len()];
    let mut out = Vec::with_capacity(deployments.len());
    for start in 0..deployments.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        let mut path: Vec<(usize, Span)> = Vec::new();
        state[start] = 1;
        while let Some(&mut (i, ref mut next)) = stack.last_mut() {
            let Some(&(j, span)) = waits[i].get(*next) else {
                state[i] = 2;
                out.push(i);
                stack.pop();
                path.pop();
                continue;
            };
            *next += 1;
            match state[j] {
                0 => {
                    state[j] = 1;
                    path.push((i, span));
                    stack.push((j, 0));
                }
                1 => {
                    path.push((i, span));
                    let from = path.iter().position(|(k, _)| *k == j).unwrap_or(0);
                    let cycle = &path[from..];
                    let names: Vec<&str> = cycle
                        .iter()
                        .map(|(k, _)| deployments[*k].name.value.as_str())
                        .chain(std::iter::once(deployments[cycle[0].0].name.value.as_str()))
                        .collect();
                    return Err((cycle[0].1, names.join(" → ")));
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// A path written in the configuration, as the files of an estate are named: relative to the
/// configuration's directory, normalized (`./a/../b.json` is `b.json` there).
pub fn path_of(config: &str, written: &str) -> String {
    let dir = crate::input::terraform::files::parent(config);
    crate::input::terraform::files::normalize(&crate::input::terraform::files::join(&dir, written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn mistakes(text: &str) -> Vec<String> {
        let source = SourceFile::new("c.yaml", text);
        let doc = crate::input::yaml::parse(&source, 0).unwrap();
        let (_, m) = read(doc.root.as_ref().unwrap());
        m.into_iter()
            .map(|(span, message)| format!("{}: {message}", source.position(span.start)))
            .collect()
    }

    #[test]
    fn dependency_order_and_cycles() {
        let ok = "deployments:\n  - template: c.json\n    parameters:\n      - v: {output: b.x}\n  - {name: a, template: a.json}\n  - name: b\n    template: b.json\n    parameters: [{y: {output: a.z}}]\n";
        assert_eq!(mistakes(ok), Vec::<String>::new());
        let source = SourceFile::new("c.yaml", ok);
        let doc = crate::input::yaml::parse(&source, 0).unwrap();
        let (listed, _) = read(doc.root.as_ref().unwrap());
        assert_eq!(order(&listed.deployments).unwrap(), vec![1, 2, 0]);
        assert_eq!(listed.deployments[0].name.value, "c");

        let cycle = "deployments:\n  - name: a\n    template: a.json\n    parameters: [{p: {output: b.o}}]\n  - name: b\n    template: b.json\n    parameters: [{q: {output: a.o}}]\n";
        assert_eq!(
            mistakes(cycle),
            ["4:31: the deployments wait on each other's outputs in a cycle: a → b → a; none of them can deploy first"]
        );
    }

    #[test]
    fn a_long_chain_is_ordered_without_deep_recursion() {
        // 20,000 deployments, each waiting on the one after it: placed last first.
        let mut text = String::from("deployments:\n");
        let n = 20_000;
        for i in 0..n {
            text.push_str(&format!("  - name: d{i}\n    template: t.json\n"));
            if i + 1 < n {
                text.push_str(&format!("    parameters: [{{p: {{output: d{}.o}}}}]\n", i + 1));
            }
        }
        let source = SourceFile::new("c.yaml", text);
        let doc = crate::input::yaml::parse(&source, 0).unwrap();
        let (listed, mistakes) = read(doc.root.as_ref().unwrap());
        assert!(mistakes.is_empty());
        let order = order(&listed.deployments).unwrap();
        assert_eq!(order.first(), Some(&(n - 1)));
        assert_eq!(order.last(), Some(&0));
    }

    #[test]
    fn mistakes_are_located() {
        let text = "deployments:\n  - template: a.json\n    resource_grup: rg\n    parameters:\n      - 3\n      - x: {output: hubb.id}\n      - y: {output: nodot}\n  - name: a\n    template: b.json\nterraform:\n  - var_files: [x.tfvars]\n";
        assert_eq!(
            mistakes(text),
            [
                "3:5: unknown key `resource_grup` in a deployment; did you mean `resource_group`?",
                "5:9: a `parameters` item is a parameters file's path or a map of parameter values, not the number 3",
                "7:21: `output` names a deployment and one of its outputs, `DEPLOYMENT.OUTPUT`, not `nodot`",
                "11:5: a Terraform entry needs `root`, the root module's directory",
                "8:11: two deployments are named `a`: outputs are named by deployment, so give each its own `name` (az's default is the template's file name)",
                "6:21: no deployment is named `hubb`",
            ]
        );
    }
}
