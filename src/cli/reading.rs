//! How the command line's inputs become the library's [`Input`]s: which files form one
//! estate, in which format, with which Terraform variable files and ARM parameters files.

use super::args::InputArgs;
use super::inputs;
use crate::check::{Checked, FileReport};
use crate::config::Settings;
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::{Format, Input};
use crate::source::SourceFile;
use std::path::{Path, PathBuf};

/// The `--input`, `--var-file`, `--parameters` and `--tf-dir` of a command line, read once
/// for the run.
pub struct Reading {
    pub format: Format,
    var_files: Vec<PathBuf>,
    /// The ARM parameters files, for every template of the run.
    parameters: Vec<SourceFile>,
    tf_dir: Option<PathBuf>,
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
        if !args.parameters.is_empty() && !matches!(args.input, Format::Auto | Format::Arm) {
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
        })
    }

    /// The inputs a command line names, each a list of paths read as one estate: all the
    /// files of an az export together; a Terraform directory or plan each on its own; else
    /// every plan file, directories searched.
    pub fn inputs(&self, paths: &[String], settings: &Settings) -> Result<Vec<Vec<String>>, String> {
        match self.format {
            Format::Az => Ok(vec![paths.to_vec()]),
            Format::Terraform => Ok(paths.iter().map(|p| vec![p.clone()]).collect()),
            _ => {
                let found = inputs::expand(paths, settings)?;
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
        let (estates, manifests) = if self.format == Format::Az {
            (inputs, Vec::new())
        } else {
            super::discover::karpenter_manifests(inputs)
        };
        let checked: Vec<(FileReport, bool)> = estates
            .par_iter()
            .map(|input| {
                self.check(input, settings).and_then(|checked| {
                    let auto = checked
                        .model
                        .as_ref()
                        .is_some_and(|m| m.topology.clusters.iter().any(|c| c.node_provisioning.is_some()));
                    let report = if auto && !manifests.is_empty() {
                        let with: Vec<String> = input.iter().chain(&manifests).cloned().collect();
                        self.check(&with, settings)?.report
                    } else {
                        checked.report
                    };
                    // `check` reports; the topology and capacity behind a report are freed
                    // on the pool while the reports are rendered (25 ms for an estate's).
                    let model = checked.model;
                    rayon::spawn(move || drop(model));
                    Ok((report, auto))
                })
            })
            .collect::<Result<_, String>>()?;
        let attached = checked.iter().any(|(_, auto)| *auto);
        let mut reports: Vec<FileReport> = checked.into_iter().map(|(r, _)| r).collect();
        if !manifests.is_empty() && !attached {
            reports.push(self.check(&manifests, settings)?.report);
        }
        Ok(reports)
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
        if let [dir, manifests @ ..] = paths {
            let terraform = matches!(self.format, Format::Terraform | Format::Auto);
            if terraform && Path::new(dir).is_dir() {
                let mut sources = crate::input::terraform::files::collect(Path::new(dir), &self.var_files)?;
                // Karpenter manifests read with the configuration (`check_run`).
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
