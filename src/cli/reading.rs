//! How the command line's inputs become the library's [`Input`]s: which files form one
//! estate, in which format, with which Terraform variable files and ARM parameters files.

use super::args::InputArgs;
use super::inputs;
use crate::check::{Checked, FileReport};
use crate::config::{Estates, Settings};
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::{Format, Input};
use crate::source::SourceFile;
use std::path::{Path, PathBuf};

/// One input of a run as `check` reads it (`Reading::runs`).
pub struct Run {
    /// Its files: an estate, with the run's Karpenter manifests when they attach to it.
    pub paths: Vec<String>,
    /// Its report, when it was checked as it stands; `None` when it is still to be checked.
    pub report: Option<FileReport>,
}

/// The `--input`, `--var-file`, `--parameters` and `--tf-dir` of a command line, read once
/// for the run.
pub struct Reading {
    pub format: Format,
    var_files: Vec<PathBuf>,
    /// The ARM parameters files, for every template of the run.
    parameters: Vec<SourceFile>,
    tf_dir: Option<PathBuf>,
    /// The deployments and Terraform roots the configuration lists, if any.
    estates: Option<Estates>,
}

/// An input ready for the library, or the report of why its bytes are no text.
pub enum Prepared {
    Input(Input),
    NotText(FileReport),
}

impl Reading {
    pub fn new(args: &InputArgs) -> Result<Self, String> {
        if !args.var_files.is_empty() && args.input != Format::Terraform {
            return Err("--var-file holds Terraform variables: use it with --input terraform".to_string());
        }
        if !args.parameters.is_empty() && !matches!(args.input, Format::Auto | Format::Arm | Format::Bicep) {
            return Err(
                "--parameters holds an ARM template's parameters: use it with ARM templates".to_string(),
            );
        }
        if args.tf_dir.is_some() && !matches!(args.input, Format::Auto | Format::Terraform) {
            return Err(
                "--tf-dir holds a Terraform plan's configuration: use it with Terraform plans".to_string(),
            );
        }
        Ok(Reading {
            format: args.input,
            var_files: args.var_files.clone(),
            parameters: read_parameters(&args.parameters)?,
            tf_dir: args.tf_dir.clone(),
            estates: None,
        })
    }

    /// Reads the deployments and Terraform roots the configuration lists with the inputs a
    /// walk finds (`inputs`).
    pub fn listing(mut self, settings: &Settings) -> Self {
        self.estates = settings.estates.clone();
        self
    }

    /// The inputs a command line names, each a list of paths read as one estate: all the
    /// files of an az export together; a Terraform directory or plan each on its own; else
    /// every plan file, directories searched.
    pub fn inputs(&self, paths: &[String], settings: &Settings) -> Result<Vec<Vec<String>>, String> {
        match self.format {
            Format::Az => Ok(vec![paths.to_vec()]),
            Format::Terraform => Ok(paths.iter().map(|p| vec![p.clone()]).collect()),
            _ => {
                let mut found = inputs::expand(paths, settings)?;
                if let Some(estates) = &self.estates {
                    found = listed(estates, paths, found);
                }
                // Every file named is one `exclude` leaves out (pre-commit with only excluded
                // files changed): nothing to check, which is no error.
                let all_excluded = settings.force_exclude
                    && !paths.is_empty()
                    && paths.iter().all(|p| inputs::force_excluded(p, settings));
                if found.is_empty() && !all_excluded {
                    return Err(format!(
                        "no inputs found in {} (looked for cniplan.yaml, *.cniplan.yaml, *.cniplan.yml, tfplan.json, Terraform root modules, ARM templates and Karpenter manifests)",
                        paths.join(", ")
                    ));
                }
                Ok(found)
            }
        }
    }

    /// Every input of a run through the pipeline, in order. The run's Karpenter manifests
    /// are read with each estate that has a node-auto-provisioning cluster (its check run
    /// again with them), or alone, last, when none has (docs/karpenter.md).
    pub fn check_run(
        &self,
        inputs: Vec<Vec<String>>,
        settings: &Settings,
    ) -> Result<Vec<FileReport>, String> {
        use rayon::prelude::*;
        self.runs(inputs, settings)?
            .into_par_iter()
            .map(|run| match run.report {
                Some(report) => Ok(report),
                None => {
                    let checked = self.check(&run.paths, settings)?;
                    // `check` reports; the topology and capacity behind a report are freed
                    // on the pool while the reports are rendered (25 ms for an estate's).
                    let model = checked.model;
                    rayon::spawn(move || drop(model));
                    Ok(checked.report)
                }
            })
            .collect()
    }

    /// The inputs of a run as `check` reads them (`check --fix` fixes the same ones): each
    /// estate, with the run's Karpenter manifests when it has a node-auto-provisioning
    /// cluster, and the manifests alone, last, when no estate has. An estate checked as it
    /// is read keeps its report.
    pub fn runs(&self, inputs: Vec<Vec<String>>, settings: &Settings) -> Result<Vec<Run>, String> {
        use rayon::prelude::*;
        let (estates, manifests) = if self.format == Format::Az {
            (inputs, Vec::new())
        } else {
            super::discover::karpenter_manifests(inputs)
        };
        if manifests.is_empty() {
            // Nothing to attach: each estate is checked (or fixed) once, standard input too.
            return Ok(estates
                .into_iter()
                .map(|paths| Run { paths, report: None })
                .collect());
        }
        // Which manifests each estate takes: those `.cniplan.yaml` names one of its clusters
        // for, and the others when it has a cluster that provisions nodes automatically.
        let chosen: Vec<(Vec<String>, Vec<bool>, Option<FileReport>)> = estates
            .into_par_iter()
            .map(|paths| {
                let checked = self.check(&paths, settings)?;
                let clusters = checked
                    .model
                    .as_ref()
                    .map_or(&[][..], |m| &m.topology.clusters[..]);
                let auto = clusters.iter().any(|c| c.node_provisioning.is_some());
                let takes: Vec<bool> = manifests
                    .iter()
                    .map(|m| match settings.karpenter_cluster(m) {
                        Some(wanted) => clusters.iter().any(|c| {
                            c.name.value.eq_ignore_ascii_case(wanted)
                                || c.origin
                                    .as_ref()
                                    .is_some_and(|o| o.resource.eq_ignore_ascii_case(wanted))
                        }),
                        None => auto,
                    })
                    .collect();
                let model = checked.model;
                rayon::spawn(move || drop(model));
                Ok((paths, takes, Some(checked.report)))
            })
            .collect::<Result<_, String>>()?;
        let mut taken = vec![false; manifests.len()];
        let mut runs = Vec::new();
        for (paths, takes, report) in chosen {
            if !takes.contains(&true) {
                runs.push(Run { paths, report });
                continue;
            }
            let with = manifests
                .iter()
                .zip(&takes)
                .filter(|(_, t)| **t)
                .map(|(m, _)| m.clone());
            for (t, took) in taken.iter_mut().zip(&takes) {
                *t |= took;
            }
            runs.push(Run {
                paths: paths.into_iter().chain(with).collect(),
                report: None,
            });
        }
        // The manifests no estate takes are checked alone, last.
        let alone: Vec<String> = manifests
            .into_iter()
            .zip(&taken)
            .filter(|(_, t)| !**t)
            .map(|(m, _)| m)
            .collect();
        if !alone.is_empty() {
            runs.push(Run {
                paths: alone,
                report: None,
            });
        }
        Ok(runs)
    }

    /// The paths of a command that reads one input, Karpenter manifests last (they attach
    /// to the estate before them).
    pub fn manifests_last(&self, paths: &[String]) -> Vec<String> {
        let (manifests, rest): (Vec<&String>, Vec<&String>) = paths
            .iter()
            .partition(|p| self.format != Format::Az && super::discover::is_karpenter_manifest(p));
        rest.into_iter().chain(manifests).cloned().collect()
    }

    /// A command that reads one input: one path (with Karpenter manifests), or several only
    /// for an az export.
    pub fn one_input(&self, paths: &[String]) -> Result<(), String> {
        let estates = paths
            .iter()
            .filter(|p| !super::discover::is_karpenter_manifest(p))
            .count();
        if estates > 1 && self.format != Format::Az {
            return Err(
                "this command reads one plan; several files make one input only with `--input az`".into(),
            );
        }
        Ok(())
    }

    /// One input through the pipeline, or a report of why its bytes are no text.
    pub fn check(&self, paths: &[String], settings: &Settings) -> Result<Checked, String> {
        Ok(match self.prepare(paths)? {
            Prepared::Input(input) => crate::check::run(input, settings),
            Prepared::NotText(report) => Checked { report, model: None },
        })
    }

    /// The files of one input, read: a Terraform directory's configuration; else the paths
    /// given, then the ARM parameters files, then (for a Terraform plan) the `.tf` files that
    /// findings can move into.
    pub fn prepare(&self, paths: &[String]) -> Result<Prepared, String> {
        if paths.iter().filter(|p| *p == "-").count() > 1 {
            return Err("`-` (standard input) can be given once".to_string());
        }
        // The configuration that lists deployments, named as a run names it (a walk) or as a
        // user does (`cniplan simulate .cniplan.yaml`): the estate of its deployments.
        if let [config] = paths {
            let same = |listed: &str| {
                listed == config
                    || std::fs::canonicalize(listed)
                        .is_ok_and(|l| std::fs::canonicalize(config).is_ok_and(|c| c == l))
            };
            if let Some(estates) = self.estates.as_ref().filter(|e| e.deployments && same(&e.config)) {
                return estate(estates);
            }
        }
        // A directory, with the variable files a `terraform:` entry of the configuration
        // names for it, and the Karpenter manifests read with it (`check_run`).
        if let [dir, rest @ ..] = paths {
            let terraform = matches!(self.format, Format::Terraform | Format::Auto);
            let is_vars = |v: &String| v.ends_with(".tfvars") || v.ends_with(".tfvars.json");
            let known = rest
                .iter()
                .all(|v| is_vars(v) || super::discover::is_karpenter_manifest(v));
            if terraform && known && Path::new(dir).is_dir() {
                let (var_files, manifests): (Vec<&String>, Vec<&String>) =
                    rest.iter().partition(|v| is_vars(v));
                let mut chosen: Vec<PathBuf> = var_files.iter().map(PathBuf::from).collect();
                chosen.extend(self.var_files.iter().cloned());
                let mut sources = crate::input::terraform::files::collect(Path::new(dir), &chosen)?;
                for path in manifests {
                    sources.push(inputs::read(path)?.0);
                }
                return Ok(Prepared::Input(Input {
                    sources,
                    format: Format::Terraform,
                }));
            }
        }
        let mut sources = Vec::with_capacity(paths.len() + self.parameters.len());
        let mut bad = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            let (source, bad_utf8) = inputs::read(path)?;
            if let Some(span) = bad_utf8 {
                // A saved Terraform plan (`terraform plan -out tfplan`) is a zip archive.
                let finding = if source.text.starts_with("PK\u{3}\u{4}") {
                    Finding::new(
                        Rule::PlanSyntax,
                        Span::in_file(i as u32, 0, 0),
                        "this is a binary file (a zip archive, as `terraform plan -out` saves a plan), not a plan cniplan reads",
                    )
                    .help("write the plan as JSON: `terraform show -json tfplan > tfplan.json`, then `cniplan check tfplan.json`")
                } else {
                    not_utf8(Span::in_file(i as u32, span.start, span.end))
                };
                bad.push(finding);
            }
            sources.push(source);
        }
        if !bad.is_empty() {
            let mut sources = sources.into_iter();
            let main = sources.next().unwrap_or_else(|| SourceFile::new("", ""));
            let mut report = FileReport::new(main, bad, Vec::new());
            report.extra_sources = sources.collect();
            return Ok(Prepared::NotText(report));
        }
        // Parameters files only mean something to a template; other readers ignore them.
        sources.extend(self.parameters.iter().cloned());
        // A Bicep file brings the files it names: the template a `.bicepparam` uses, and
        // every module, so findings can point into them.
        let bicep = self.format == Format::Bicep
            || (self.format == Format::Auto
                && sources
                    .first()
                    .is_some_and(|s| crate::input::bicep::is_bicep(&s.path)));
        if let (true, Some(main)) = (bicep, sources.first()) {
            let known: Vec<String> = sources.iter().map(|s| s.path.clone()).collect();
            let cache = crate::input::bicep::default_cache();
            let more = crate::input::bicep::collect(main, cache.as_deref());
            sources.extend(more.into_iter().filter(|m| !known.contains(&m.path)));
        }
        if let ([path], [plan]) = (paths, &sources[..]) {
            sources.extend(self.configuration_of(path, plan)?);
        }
        Ok(Prepared::Input(Input {
            sources,
            format: self.format,
        }))
    }

    /// The `.tf` files behind a Terraform plan JSON: `--tf-dir`, else the plan's directory
    /// when it holds any. Nothing for other inputs.
    fn configuration_of(&self, path: &str, plan: &SourceFile) -> Result<Vec<SourceFile>, String> {
        let maybe_plan = matches!(self.format, Format::Auto | Format::Terraform)
            && crate::input::terraform::plan_json::looks_like_plan(&plan.text);
        if !maybe_plan {
            return Ok(Vec::new());
        }
        match &self.tf_dir {
            Some(dir) => crate::input::terraform::files::collect(dir, &self.var_files),
            None => {
                let dir = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty());
                let dir = dir.unwrap_or(Path::new("."));
                // A plan alone in its directory (or one read from stdin) keeps its JSON places.
                if path == "-" {
                    return Ok(Vec::new());
                }
                Ok(crate::input::terraform::files::collect(dir, &self.var_files).unwrap_or_default())
            }
        }
    }
}

/// The inputs of a run with the configuration's lists: the deployments' estate and each
/// Terraform entry (a root with its variable files) where the run covers them, and the
/// templates, parameters files and roots they name no longer checked alone. A run covers
/// the estate when it walks the configuration's directory (or one above it) or names one
/// of its files (as pre-commit names a changed template); a Terraform entry when it walks
/// a directory holding the root or names a file in it.
fn listed(estates: &Estates, paths: &[String], found: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let canonical = |p: &str| std::fs::canonicalize(p).ok();
    let walked: Vec<PathBuf> = paths
        .iter()
        .filter(|p| Path::new(p).is_dir())
        .filter_map(|p| canonical(p))
        .collect();
    let named: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !Path::new(p).is_dir())
        .filter_map(|p| canonical(p))
        .collect();
    let covers = |target: &Path, files: &[PathBuf]| {
        walked.iter().any(|w| target.starts_with(w))
            || named.iter().any(|n| files.contains(n) || n.starts_with(target))
    };
    let config_dir = std::fs::canonicalize(estates.dir()).unwrap_or_else(|_| estates.dir());
    let estate_named = named.iter().any(|n| estates.files.contains(n));
    let estate = estates.deployments && (walked.iter().any(|w| config_dir.starts_with(w)) || estate_named);
    let roots: Vec<(PathBuf, Vec<String>)> = estates
        .terraform
        .iter()
        .filter_map(|(root, var_files)| {
            let at = canonical(root)?;
            let mut input = vec![root.clone()];
            input.extend(var_files.iter().cloned());
            covers(&at, &[]).then_some((at, input))
        })
        .collect();
    // What the lists check is not checked again alone; what they do not reach in this run
    // (a walk below the configuration's directory) is checked as before.
    let mut out: Vec<Vec<String>> = found
        .into_iter()
        .filter(|input| {
            let Some(first) = input.first().and_then(|f| canonical(f)) else {
                return true;
            };
            let in_estate = estate && estates.files.contains(&first);
            let in_roots = roots.iter().any(|(at, _)| *at == first);
            !in_estate && !in_roots
        })
        .collect();
    if estate {
        out.insert(0, vec![estates.config.clone()]);
    }
    out.extend(roots.into_iter().map(|(_, input)| input));
    out
}

/// The estate of the configuration's deployments: the configuration, then every template
/// and parameters file they name, each once.
fn estate(estates: &Estates) -> Result<Prepared, String> {
    let (config, _) = inputs::read(&estates.config)?;
    let document =
        crate::input::yaml::parse(&config, 0).map_err(|e| format!("{}: {}", estates.config, e.message))?;
    let mut paths: Vec<String> = Vec::new();
    if let Some(root) = document.root.as_ref() {
        let (listed, _) = crate::input::deployments::read(root);
        for d in &listed.deployments {
            let mut add = |written: &str| {
                let path = crate::input::deployments::path_of(&config.path, written);
                if !paths.contains(&path) {
                    paths.push(path);
                }
            };
            add(&d.template.value);
            for p in &d.parameters {
                if let crate::input::deployments::Parameters::File(f) = p {
                    add(&f.value);
                }
            }
        }
    }
    let mut sources = vec![config.clone()];
    for path in &paths {
        match inputs::read(path)? {
            (source, None) => sources.push(source),
            (_, Some(_)) => {
                return Err(format!(
                    "{path} is not UTF-8 text; ARM templates and parameters files are JSON"
                ))
            }
        }
    }
    // A Bicep template brings its modules, as a Bicep input does.
    let cache = crate::input::bicep::default_cache();
    for i in 1..sources.len() {
        if sources[i].path.to_ascii_lowercase().ends_with(".bicep") {
            for module in crate::input::bicep::collect(&sources[i], cache.as_deref()) {
                if !sources.iter().any(|s| s.path == module.path) {
                    sources.push(module);
                }
            }
        }
    }
    Ok(Prepared::Input(Input {
        sources,
        format: Format::Estate,
    }))
}

pub fn not_utf8(span: Span) -> Finding {
    Finding::new(Rule::PlanSyntax, span, "the plan is not UTF-8 text")
        .help("save the plan as UTF-8; YAML plans are text")
}

/// The `--parameters` files, read once for every template of the run.
fn read_parameters(paths: &[String]) -> Result<Vec<SourceFile>, String> {
    paths
        .iter()
        // az takes `--parameters @file.json`; the habit should not fail here.
        .map(
            |path| match path.strip_prefix('@').filter(|_| !Path::new(path).exists()) {
                Some(stripped) => stripped,
                None => path.as_str(),
            },
        )
        .map(|path| match inputs::read(path)? {
            (source, None) => Ok(source),
            (_, Some(_)) => Err(format!("{path} is not UTF-8 text; ARM parameters files are JSON")),
        })
        .collect()
}
