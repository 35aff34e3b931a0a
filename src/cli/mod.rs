//! The command-line shell over the library: parse arguments, read files, run the pipeline
//! in parallel, render, choose the exit code.

mod args;
mod inputs;

use crate::check::{Checked, FileReport};
use crate::config::{self, Settings};
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Finding, Severity};
use crate::input::{Format, Input};
use crate::render::{self, HumanOptions};
use crate::source::SourceFile;
use args::{CheckArgs, Cli, Color, Command, FailOn, InputArgs, SimulateArgs, SimulateFormat};
use clap::Parser;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub use inputs::is_plan_file_name;

/// The walkthrough plan that `cniplan init` prints.
const STARTER_PLAN: &str = include_str!("../../examples/aks-dynamic-ip/plan.yaml");

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap's own exit code: 0 for --help/--version, 2 for usage errors.
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Simulate(args) => simulate(&args),
        Command::Rules => write_stdout(&render::catalog::table()).map(|_| ExitCode::SUCCESS),
        Command::Explain { rule } => explain(&rule),
        Command::Init => write_stdout(STARTER_PLAN).map(|_| ExitCode::SUCCESS),
        Command::Schema => write_stdout(&plan_schema()).map(|_| ExitCode::SUCCESS),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "cniplan",
                &mut script,
            );
            write_stdout(&String::from_utf8_lossy(&script)).map(|_| ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|message| {
        eprintln!("cniplan: {message}");
        ExitCode::from(2)
    })
}

fn check(args: &CheckArgs) -> Result<ExitCode, String> {
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let settings = settings(args.config.as_deref())?;
    let parameters = read_parameters(&args.input)?;
    let reports: Vec<FileReport> = if args.input.input_format == Format::Az {
        // An export's files form one estate: one input, one report.
        vec![check_files(&paths, &parameters, Format::Az, &settings)?.report]
    } else {
        let files = inputs::expand(&paths, &settings)?;
        if files.is_empty() {
            return Err(format!(
                "no plan files found in {} (looked for cniplan.yaml, *.cniplan.yaml, *.cniplan.yml)",
                paths.join(", ")
            ));
        }
        files
            .par_iter()
            .map(|path| {
                check_files(
                    std::slice::from_ref(path),
                    &parameters,
                    args.input.input_format,
                    &settings,
                )
                .map(|c| c.report)
            })
            .collect::<Result<_, _>>()?
    };
    let human = HumanOptions {
        color: use_color(args.color),
        quiet: args.quiet,
        width: terminal_width(),
    };
    let mut out = std::io::stdout().lock();
    let written = render::write(&reports, args.format, &human, &mut out).and_then(|_| out.flush());
    drop(out);
    quiet_broken_pipe(written)?;
    Ok(exit_code(&reports, args.fail_on))
}

/// The scenario in detail, through the same pipeline as `check` (settings, suppressions,
/// exit code). A plan that does not load shows its findings instead: a simulation of a
/// broken plan would mislead.
fn simulate(args: &SimulateArgs) -> Result<ExitCode, String> {
    let settings = settings(args.config.as_deref())?;
    if args.plans.len() > 1 && args.input.input_format != Format::Az {
        return Err(
            "simulate reads one plan; several files make one input only with `--input az`".to_string(),
        );
    }
    let parameters = read_parameters(&args.input)?;
    let checked = check_files(&args.plans, &parameters, args.input.input_format, &settings)?;
    let human = HumanOptions {
        color: use_color(args.color),
        quiet: false,
        width: terminal_width(),
    };
    let reports = std::slice::from_ref(&checked.report);
    let Some(model) = &checked.model else {
        let format = match args.format {
            SimulateFormat::Human => render::Format::Human,
            SimulateFormat::Json => render::Format::Json,
        };
        write_stdout(&render::render(reports, format, &human))?;
        return Ok(exit_code(reports, args.fail_on));
    };
    let path = &checked.report.source.path;
    let findings = &checked.report.findings;
    let text = match (args.sweep, args.format) {
        (Some(_), SimulateFormat::Json) => render::simulate::sweep_json(
            path,
            findings,
            &crate::simulate::sweep_pods_per_node(&model.topology),
        ),
        (Some(_), SimulateFormat::Human) => {
            render::simulate::sweep_human(&crate::simulate::sweep_pods_per_node(&model.topology))
        }
        (None, SimulateFormat::Json) => {
            render::simulate::steps_json(path, findings, &crate::simulate::step_tables(model))
        }
        (None, SimulateFormat::Human) => render::simulate::steps_human(&crate::simulate::step_tables(model)),
    };
    write_stdout(&text)?;
    let code = exit_code(reports, args.fail_on);
    if code != ExitCode::SUCCESS && args.format == SimulateFormat::Human {
        eprintln!(
            "cniplan: {} has findings at or above --fail-on; `cniplan check {}` shows them",
            path, path
        );
    }
    Ok(code)
}

/// The plan format's JSON Schema, generated from the model the loader deserializes.
pub fn plan_schema() -> String {
    let mut schema = schemars::schema_for!(crate::plan::Plan);
    schema.insert("title".into(), "cniplan plan (version 1)".into());
    // Serializing a schema of plain JSON values cannot fail.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

fn explain(name: &str) -> Result<ExitCode, String> {
    match Rule::from_name(name) {
        Some(rule) => write_stdout(rule.page()).map(|_| ExitCode::SUCCESS),
        None => {
            let names = Rule::ALL.iter().map(|r| r.name());
            Err(match crate::suggest::nearest(name, names) {
                Some(near) => {
                    format!("no rule named `{name}`; did you mean `{near}`? (`cniplan rules` lists them)")
                }
                None => format!("no rule named `{name}`; `cniplan rules` lists them"),
            })
        }
    }
}

fn not_utf8(span: crate::diagnostic::Span) -> Finding {
    Finding::new(Rule::PlanSyntax, span, "the plan is not UTF-8 text")
        .help("save the plan as UTF-8; YAML plans are text")
}

/// The configuration in force: `--config`, else `.cniplan.yaml` upward from the working
/// directory, else the defaults.
fn settings(explicit: Option<&std::path::Path>) -> Result<Settings, String> {
    match explicit {
        Some(path) => config::load(path),
        None => {
            let cwd =
                std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
            config::find(&cwd).map_or(Ok(Settings::default()), |path| config::load(&path))
        }
    }
}

/// One input through the pipeline (its files, then the ARM parameters files), or a report
/// of why their bytes are no text.
fn check_files(
    paths: &[String],
    parameters: &[SourceFile],
    format: Format,
    settings: &Settings,
) -> Result<Checked, String> {
    if paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err("`-` (standard input) can be given once".to_string());
    }
    let mut sources = Vec::with_capacity(paths.len() + parameters.len());
    let mut bad = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let (source, bad_utf8) = inputs::read(path)?;
        if let Some(span) = bad_utf8 {
            bad.push(not_utf8(Span::in_file(i as u32, span.start, span.end)));
        }
        sources.push(source);
    }
    // Parameters files only mean something to a template; a cniplan plan ignores them.
    sources.extend(parameters.iter().cloned());
    if !bad.is_empty() {
        let mut sources = sources.into_iter();
        let main = sources.next().unwrap_or_else(|| SourceFile::new("", ""));
        let mut report = FileReport::new(main, bad, Vec::new());
        report.extra_sources = sources.collect();
        return Ok(Checked { report, model: None });
    }
    Ok(crate::check::run(Input { sources, format }, settings))
}

/// The `--parameters` files, read once for every template of the run.
fn read_parameters(input: &InputArgs) -> Result<Vec<SourceFile>, String> {
    input
        .parameters
        .iter()
        // az takes `--parameters @file.json`; the habit should not fail here.
        .map(|path| {
            match path
                .strip_prefix('@')
                .filter(|_| !std::path::Path::new(path).exists())
            {
                Some(stripped) => stripped,
                None => path.as_str(),
            }
        })
        .map(|path| match inputs::read(path)? {
            (source, None) => Ok(source),
            (_, Some(_)) => Err(format!("{path} is not UTF-8 text; ARM parameters files are JSON")),
        })
        .collect()
}

fn exit_code(reports: &[FileReport], fail_on: FailOn) -> ExitCode {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
        FailOn::Never => return ExitCode::SUCCESS,
    };
    let failed = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.severity >= threshold);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// Writes to stdout.
fn write_stdout(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    quiet_broken_pipe(out.write_all(text.as_bytes()).and_then(|_| out.flush()))
}

/// A closed pipe (`cniplan check | head`) is not an error worth a message.
fn quiet_broken_pipe(result: std::io::Result<()>) -> Result<(), String> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}
