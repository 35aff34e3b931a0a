//! The command-line shell over the library: parse arguments, read files, run the pipeline
//! in parallel, render, choose the exit code.

mod args;
mod inputs;

use crate::check::{Checked, FileReport};
use crate::config::{self, Settings};
use crate::diagnostic::Rule;
use crate::diagnostic::{Finding, Severity};
use crate::render::{self, HumanOptions};
use args::{CheckArgs, Cli, Color, Command, FailOn, ImportArgs, InputFormat, SimulateArgs, SimulateFormat};
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
        Command::Import(args) => import(&args),
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
    let files = inputs::expand(&paths, &settings)?;
    if files.is_empty() {
        return Err(format!(
            "no plan files found in {} (looked for cniplan.yaml, *.cniplan.yaml, *.cniplan.yml, tfplan.json, *.tfplan.json)",
            paths.join(", ")
        ));
    }
    let reports: Vec<FileReport> = files
        .par_iter()
        .map(|path| check_path(path, args.input, &settings).map(|c| c.report))
        .collect::<Result<_, _>>()?;
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
    let checked = check_path(&args.plan, args.input, &settings)?;
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

/// One input through the pipeline, or a report of why its bytes are no text.
fn check_path(path: &str, format: InputFormat, settings: &Settings) -> Result<Checked, String> {
    let (source, bad_utf8) = inputs::read(path)?;
    Ok(match bad_utf8 {
        Some(span) => Checked {
            report: FileReport::new(source, vec![not_utf8(span)], Vec::new()),
            model: None,
        },
        None => {
            let input = crate::input::Input {
                sources: vec![source],
                format,
            };
            crate::check::run(input, settings)
        }
    })
}

/// `cniplan import`: every input read into one editable cniplan plan on stdout. An input
/// that does not load shows its findings on stderr instead, and the exit code is 1.
fn import(args: &ImportArgs) -> Result<ExitCode, String> {
    let mut read = Vec::new();
    let mut failed = Vec::new();
    for path in &args.inputs {
        let (source, bad_utf8) = inputs::read(path)?;
        if let Some(span) = bad_utf8 {
            failed.push(FileReport::new(source, vec![not_utf8(span)], Vec::new()));
            continue;
        }
        let input = crate::input::Input {
            sources: vec![source],
            format: args.input,
        };
        match crate::input::read(&input) {
            Ok(loaded) => read.push((loaded, input.sources)),
            Err(findings) => {
                let mut sources = input.sources.into_iter();
                let source = sources
                    .next()
                    .unwrap_or_else(|| crate::source::SourceFile::new(path.as_str(), ""));
                failed.push(FileReport::new(source, findings, Vec::new()));
            }
        }
    }
    if !failed.is_empty() {
        let human = HumanOptions {
            color: false,
            quiet: true,
            width: terminal_width(),
        };
        eprint!("{}", render::render(&failed, render::Format::Human, &human));
        eprintln!("cniplan: nothing imported: the inputs above do not load");
        return Ok(ExitCode::from(1));
    }
    let parts: Vec<crate::plan::write::Part<'_>> = read
        .iter()
        .map(|(loaded, sources)| crate::plan::write::Part {
            plan: &loaded.plan,
            sources,
            notes: &loaded.notes,
        })
        .collect();
    write_stdout(&crate::plan::write::write(&parts))?;
    Ok(ExitCode::SUCCESS)
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
