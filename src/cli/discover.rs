//! What a directory walk found, as the inputs `check` runs (docs/commands.md, "Which
//! files `check` reads"): cniplan plans and Terraform plan JSON by name; every Terraform root module once
//! (a directory of `.tf` files that no other directory of the walk calls as a local module);
//! every ARM template (told by its `$schema`) with each parameters file paired to it by
//! name; every Bicep template no other Bicep file of the walk calls as a module (a compiled
//! `X.json` beside `X.bicep` is checked once, from the source) and every `.bicepparam` file;
//! and every Karpenter manifest (`NodePool`, `AKSNodeClass`), told by its first few KB, which
//! `karpenter_manifests` sets beside the run's other inputs. Other YAML and JSON (Kubernetes
//! manifests, pipelines, parameters files
//! of no template found) is no input and is passed over without a finding.

use crate::input::terraform::files;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// How much of a `.json` file is read to tell a template or parameters file from other
/// JSON: the window `arm::is_template` looks in when a template is named directly.
const SNIFF_BYTES: u64 = crate::input::arm::SNIFF_BYTES as u64;

/// The files of a walk, by kind, each list sorted by path.
#[derive(Default)]
pub struct Found {
    /// cniplan plans and Terraform plan JSON, found by name.
    pub plans: Vec<String>,
    pub tf_files: Vec<String>,
    pub json_files: Vec<String>,
    pub bicep_files: Vec<String>,
    /// `.yaml` and `.yml` files that are no plan: Karpenter manifests among them are inputs.
    pub yaml_files: Vec<String>,
}

/// The inputs of a walk, each the paths read as one estate: a plan alone, a Terraform root
/// as its directory, a template with one of its parameters files (or alone), a Bicep
/// template or `.bicepparam` file.
pub fn inputs(found: Found) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = found.plans.into_iter().map(|p| vec![p]).collect();
    out.extend(terraform_roots(&found.tf_files).into_iter().map(|d| vec![d]));
    let bicep: BTreeSet<String> = found.bicep_files.iter().map(|b| files::normalize(b)).collect();
    let kinds: Vec<(&String, Json)> = found.json_files.iter().map(|p| (p, sniff(p))).collect();
    let parameters: Vec<&String> = kinds
        .iter()
        .filter(|(_, k)| *k == Json::Parameters)
        .map(|(p, _)| *p)
        .collect();
    let mut templates = templates(&kinds, &parameters);
    // `X.json` compiled from `X.bicep` beside it is checked once, from the source (with the
    // template's parameters files).
    for t in &mut templates {
        let source = t[0].strip_suffix(".json").map(|stem| format!("{stem}.bicep"));
        if let Some(source) = source.filter(|s| bicep.contains(&files::normalize(s))) {
            t[0] = source;
        }
    }
    let paired: BTreeSet<String> = templates.iter().map(|t| files::normalize(&t[0])).collect();
    // A Bicep template with its parameters files beside it (`main.bicep` with
    // `main.parameters.json`, as azd and `az deployment … --parameters` deploy it), each a
    // deployment of its own; alone when it has none. A module another file calls is checked
    // through its caller, and also on its own with each parameters file named after it: a
    // pipeline deploys it so too (mspnp/aks-baseline-automation deploys `cluster.bicep` with
    // `cluster.parameters.json`).
    let roots: BTreeSet<String> = bicep_roots(&found.bicep_files)
        .iter()
        .map(|b| files::normalize(b))
        .collect();
    for b in &found.bicep_files {
        if paired.contains(&files::normalize(b)) {
            continue;
        }
        let mine = b
            .strip_suffix(".bicep")
            .map(|stem| parameters_of(stem, &parameters))
            .unwrap_or_default();
        let root = roots.contains(&files::normalize(b));
        if root && mine.is_empty() {
            out.push(vec![b.clone()]);
        }
        for p in mine {
            out.push(vec![b.clone(), p.clone()]);
        }
    }
    out.extend(templates);
    out.extend(
        found
            .yaml_files
            .into_iter()
            .filter(|p| is_karpenter_manifest(p))
            .map(|p| vec![p]),
    );
    out.sort();
    out
}

/// Whether a file is a Karpenter manifest, from its first few KB
/// (`input::karpenter::is_manifest`); other Kubernetes YAML is no input.
pub fn is_karpenter_manifest(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if !(lower.ends_with(".yaml") || lower.ends_with(".yml")) {
        return false;
    }
    // Only a regular file is read here, checked on the handle opened without blocking: a
    // FIFO or device named as a plan is refused with a message when it is read as one.
    let limit = crate::input::karpenter::SNIFF_BYTES as u64;
    crate::source::read::head(Path::new(path), path, limit)
        .is_ok_and(|head| crate::input::karpenter::is_manifest(&String::from_utf8_lossy(&head)))
}

/// The run's inputs without their Karpenter manifests (single-file inputs that are one), and
/// the manifests: they are read with each estate that has a node-auto-provisioning cluster,
/// or alone when none has (docs/karpenter.md).
pub fn karpenter_manifests(inputs: Vec<Vec<String>>) -> (Vec<Vec<String>>, Vec<String>) {
    let mut estates = Vec::new();
    let mut manifests = Vec::new();
    for input in inputs {
        match &input[..] {
            [one] if is_karpenter_manifest(one) => manifests.push(one.clone()),
            _ => estates.push(input),
        }
    }
    (estates, manifests)
}

/// The Bicep inputs of a walk: every `.bicepparam` file (it brings the template it uses), and
/// every `.bicep` file that no other file of the walk calls as a module or uses as its
/// template: a module checked alone would miss the parameters its caller passes.
fn bicep_roots(bicep_files: &[String]) -> Vec<String> {
    use crate::input::bicep;
    let called: Vec<Vec<String>> = bicep_files
        .par_iter()
        .map(|path| {
            let Ok(bytes) = crate::source::read::read_file(Path::new(path), path) else {
                return Vec::new();
            };
            let Ok(text) = String::from_utf8(bytes) else {
                return Vec::new();
            };
            bicep::references(path, &text)
                .iter()
                .filter_map(|r| bicep::module_file(path, r, None))
                .map(|p| files::normalize(&p.to_string_lossy()))
                .collect()
        })
        .collect();
    let called: BTreeSet<String> = called.into_iter().flatten().collect();
    bicep_files
        .iter()
        .filter(|b| b.to_ascii_lowercase().ends_with(".bicepparam") || !called.contains(&files::normalize(b)))
        .cloned()
        .collect()
}

/// Directories of `.tf` files that no other directory of the walk calls as a local module.
fn terraform_roots(tf_files: &[String]) -> Vec<String> {
    let mut dirs: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for file in tf_files {
        let name = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !files::is_config(&name) {
            continue;
        }
        dirs.entry(files::normalize(&parent(file)))
            .or_default()
            .push(file);
    }
    // Each directory's files read and parsed on every core: a monorepo's walk parses all of
    // its `.tf` files here.
    let calls: Vec<Vec<String>> = dirs
        .par_iter()
        .map(|(dir, paths)| {
            // A file that cannot be read or parsed calls nothing here; its root's check says why.
            let sources: Vec<SourceFile> = paths
                .iter()
                .filter_map(|p| {
                    let bytes = crate::source::read::read_file(Path::new(p.as_str()), p).ok()?;
                    Some(SourceFile::new(p.as_str(), String::from_utf8(bytes).ok()?))
                })
                .collect();
            files::module_dirs(dir, &sources, None)
                .into_iter()
                .filter(|module| module != dir)
                .map(|module| files::normalize(&module))
                .collect()
        })
        .collect();
    let called: BTreeSet<String> = calls.into_iter().flatten().collect();
    dirs.into_keys().filter(|d| !called.contains(d)).collect()
}

/// What a file named on the command line stands for, as pre-commit names changed files: a
/// `.tf` file its directory, a parameters file `X.parameters[.ENV].json` its template
/// `X.json` with it (when the template is beside it); anything else itself.
pub fn named(path: &str) -> Vec<String> {
    if files::is_config(path) && Path::new(path).is_file() {
        return vec![parent(path)];
    }
    if path.ends_with(".json") && sniff(path) == Json::Parameters {
        let template = path
            .rsplit_once(".parameters.")
            .map(|(stem, _)| format!("{stem}.json"))
            .filter(|t| Path::new(t).is_file() && sniff(t) == Json::Template);
        if let Some(template) = template {
            return vec![template, path.to_string()];
        }
    }
    vec![path.to_string()]
}

fn parent(path: &str) -> String {
    match Path::new(path).parent().map(|p| p.to_string_lossy().into_owned()) {
        Some(p) if !p.is_empty() => p,
        _ => ".".to_string(),
    }
}

/// What a `.json` file is, from its first bytes.
#[derive(PartialEq)]
enum Json {
    Template,
    Parameters,
    Other,
}

fn sniff(path: &str) -> Json {
    // A named pipe would block a plain open for ever, waiting for a writer: the one read of
    // a regular file, checked on the handle. What is no regular file is no template here;
    // read as an input, it is refused with a message.
    let Ok(head) = crate::source::read::head(Path::new(path), path, SNIFF_BYTES) else {
        return Json::Other;
    };
    let head = String::from_utf8_lossy(&head);
    if crate::input::arm::is_template(&head) {
        Json::Template
    } else if head.to_ascii_lowercase().contains("deploymentparameters.json") {
        Json::Parameters
    } else {
        Json::Other
    }
}

/// Each template with each of its parameters files (`X.json` with `X.parameters.json` and
/// `X.parameters.ENV.json` beside it), or alone when it has none.
fn templates(kinds: &[(&String, Json)], parameters: &[&String]) -> Vec<Vec<String>> {
    // A template that another one deploys as a linked template is part of that deployment,
    // not a root of its own: checked alone it would miss the parameters its parent passes.
    let all: Vec<&String> = kinds
        .iter()
        .filter(|(_, k)| *k == Json::Template)
        .map(|(p, _)| *p)
        .collect();
    let linked: BTreeSet<String> = all.iter().flat_map(|t| linked_templates(t)).collect();
    let mut out = Vec::new();
    for (template, _) in kinds.iter().filter(|(_, k)| *k == Json::Template) {
        if linked.contains(&files::normalize(template)) {
            continue;
        }
        let Some(stem) = template.strip_suffix(".json") else {
            continue;
        };
        let mine = parameters_of(stem, parameters);
        if mine.is_empty() {
            out.push(vec![(*template).clone()]);
        }
        for p in mine {
            out.push(vec![(*template).clone(), p.clone()]);
        }
    }
    out
}

/// The parameters files of the template `stem.json` or `stem.bicep`: `stem.parameters.json`
/// and `stem.parameters.ENV.json` beside it.
fn parameters_of<'p>(stem: &str, parameters: &[&'p String]) -> Vec<&'p String> {
    let prefix = format!("{stem}.parameters.");
    parameters
        .iter()
        .copied()
        .filter(|p| p.starts_with(&prefix) && p.ends_with(".json") && !p[prefix.len()..].contains('/'))
        .collect()
}

/// The files a template deploys as linked templates, by the relative paths ARM resolves
/// against the template's own location: `templateLink.relativePath`, and a literal path
/// joined to `deployment().properties.templateLink.uri` by `uri(...)`. Read as text: a
/// template that does not parse is the check's business, and links nothing here.
fn linked_templates(template: &str) -> Vec<String> {
    let Ok((source, _)) = super::inputs::read(template) else {
        return Vec::new();
    };
    let text = &source.text;
    let dir = parent(template);
    let mut paths = Vec::new();
    // "relativePath": "nested/child.json"
    for (at, _) in text.match_indices("\"relativePath\"") {
        let rest = text[at + "\"relativePath\"".len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix('"') else {
            continue;
        };
        if let Some(end) = rest.find('"') {
            paths.push(rest[..end].to_string());
        }
    }
    // uri(deployment().properties.templateLink.uri, 'nested/child.json')
    for (at, _) in text.match_indices("templateLink.uri") {
        let rest = &text[at..];
        let Some(open) = rest.find('\'') else { continue };
        let rest = &rest[open + 1..];
        if let Some(end) = rest.find('\'') {
            let path = &rest[..end];
            if path.ends_with(".json") && !path.contains(['[', '(']) {
                paths.push(path.to_string());
            }
        }
    }
    paths
        .into_iter()
        .filter(|p| !p.contains("://"))
        .map(|p| files::normalize(&files::join(&dir, &p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_the_directories_no_other_calls() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p).to_string_lossy().into_owned();
        let write = |p: &str, text: &str| {
            let path = dir.path().join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("main.tf", "resource \"x\" \"y\" {}\n");
        write("modules/net/main.tf", "resource \"x\" \"z\" {}\n");
        write("examples/a/main.tf", "module \"m\" {\n  source = \"../..\"\n}\n");
        write(
            "envs/prod/main.tf",
            "module \"n\" {\n  source = \"../../modules/net\"\n}\n",
        );
        let tf = [
            "main.tf",
            "modules/net/main.tf",
            "examples/a/main.tf",
            "envs/prod/main.tf",
        ]
        .map(at);
        let roots = terraform_roots(&tf);
        assert_eq!(
            roots,
            [
                files::normalize(&at("envs/prod")),
                files::normalize(&at("examples/a"))
            ]
        );
    }

    /// Azure/AKS-Landing-Zone-Accelerator's All-in-One calls `../05-AKS-Supporting/main.bicep`
    /// where the directory is `05-AKS-supporting`: the template reads it (Bicep on Windows
    /// does), so the walk must not check it a second time alone, without its caller's values.
    #[test]
    fn a_bicep_module_named_in_another_case_is_not_a_root() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p).to_string_lossy().into_owned();
        let write = |p: &str, text: &str| {
            let path = dir.path().join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "all/main.bicep",
            "module s '../05-AKS-Supporting/main.bicep' = {\n  name: 's'\n}\n",
        );
        write("05-AKS-supporting/main.bicep", "param rgName string\n");
        let bicep = ["all/main.bicep", "05-AKS-supporting/main.bicep"].map(at);
        assert_eq!(bicep_roots(&bicep), [at("all/main.bicep")]);
    }

    /// A module `main.bicep` calls, with its own `spoke.parameters.json` beside it: a pipeline
    /// deploys it on its own with that file, so the walk checks that pair too (never the
    /// module alone, which would miss its caller's values).
    #[test]
    fn a_called_bicep_module_with_its_own_parameters_file_is_checked_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p).to_string_lossy().into_owned();
        let parameters = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}}"#;
        for (p, text) in [
            ("main.bicep", "module s 'spoke.bicep' = {\n  name: 's'\n}\n"),
            ("spoke.bicep", "param a string = 'x'\n"),
            ("lib.bicep", "param b string = 'y'\n"),
            ("spoke.parameters.json", parameters),
        ] {
            std::fs::write(dir.path().join(p), text).unwrap();
        }
        std::fs::write(
            dir.path().join("main.bicep"),
            "module s 'spoke.bicep' = {\n  name: 's'\n}\nmodule l 'lib.bicep' = {\n  name: 'l'\n}\n",
        )
        .unwrap();
        let found = Found {
            bicep_files: vec![at("main.bicep"), at("spoke.bicep"), at("lib.bicep")],
            json_files: vec![at("spoke.parameters.json")],
            ..Found::default()
        };
        assert_eq!(
            inputs(found),
            [
                vec![at("main.bicep")],
                vec![at("spoke.bicep"), at("spoke.parameters.json")],
            ]
        );
    }

    /// `main.bicep` with `main.parameters.json` and `main.parameters.prod.json` beside it (as
    /// `az deployment … --template-file main.bicep --parameters main.parameters.json` and azd
    /// deploy it): one input per parameters file, as for an ARM template; `other.bicep`, with
    /// none, alone.
    #[test]
    fn a_bicep_template_goes_with_its_parameters_files() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p).to_string_lossy().into_owned();
        let parameters = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}}"#;
        for (p, text) in [
            ("main.bicep", "param a string\n"),
            ("other.bicep", "param b string\n"),
            ("main.parameters.json", parameters),
            ("main.parameters.prod.json", parameters),
        ] {
            std::fs::write(dir.path().join(p), text).unwrap();
        }
        let found = Found {
            bicep_files: vec![at("main.bicep"), at("other.bicep")],
            json_files: vec![at("main.parameters.json"), at("main.parameters.prod.json")],
            ..Found::default()
        };
        assert_eq!(
            inputs(found),
            [
                vec![at("main.bicep"), at("main.parameters.json")],
                vec![at("main.bicep"), at("main.parameters.prod.json")],
                vec![at("other.bicep")],
            ]
        );
    }
}
