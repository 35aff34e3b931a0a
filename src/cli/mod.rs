//! The command-line shell over the library: parse arguments, read files, run the pipeline
//! in parallel, render, choose the exit code.

mod args;
mod discover;
mod fixing;
mod inputs;
mod man;
mod output;
mod progress;
mod reading;

use crate::check::{Checked, FileReport};
use crate::config::{self, Settings};
use crate::diagnostic::Rule;
use crate::diagnostic::Severity;
use crate::render::{self, HumanOptions};
use crate::simulate::SweepKind;
use args::{
    CheckArgs, Cli, Color, Command, CompareArgs, FailOn, ImportArgs, PlanArgs, ReportArgs, SimulateArgs,
    SimulateFormat, SizeArgs, Sweep,
};
use clap::Parser;
use reading::{Prepared, Reading};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use inputs::is_plan_file_name;

/// The walkthrough plan that `cniplan init` prints.
const STARTER_PLAN: &str = include_str!("../../examples/aks-dynamic-ip/plan.yaml");

pub fn main() -> ExitCode {
    run(std::env::args_os())
}

/// The command line `args` (the program's name first), run as `main` runs it: the tests run
/// a walk in the process to count its work.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    reach(&args[1.min(args.len())..]);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error quotes the argument it refuses, which may hold anything: it is
            // written as plain text with every control character escaped (`source::visible`),
            // never through clap's styled printer, which passes them to a terminal raw.
            let message = crate::source::visible_lines(&e.render().to_string()).into_owned();
            let _ = std::io::stderr().write_all(message.as_bytes());
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
        Err(e) => {
            let _ = e.print();
            // clap's own exit code: 0 for --help/--version, 2 for usage errors.
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Simulate(args) => simulate(&args),
        Command::Compare(args) => compare(&args),
        Command::Size(args) => size(&args),
        Command::Report(args) => report(&args),
        Command::Import(args) => import(&args),
        Command::Rules => write_stdout(&render::catalog::table()).map(|_| ExitCode::SUCCESS),
        Command::Explain { rule } => explain(&rule),
        Command::Init => write_stdout(STARTER_PLAN).map(|_| ExitCode::SUCCESS),
        Command::Schema => write_stdout(&plan_schema()).map(|_| ExitCode::SUCCESS),
        Command::Man { subcommand } => man::page(subcommand.as_deref())
            .and_then(|page| write_stdout(&page))
            .map(|_| ExitCode::SUCCESS),
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
        // Messages name paths and values from the command line and the inputs; a message of
        // several mistakes (a config file's) has one line each.
        for line in message.lines() {
            eprintln!("cniplan: {}", crate::source::visible(line));
        }
        ExitCode::from(2)
    })
}

fn check(args: &CheckArgs) -> Result<ExitCode, String> {
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let config = config_file(args.config.as_deref())?;
    let mut settings = load_settings(config.as_deref())?;
    settings.force_exclude |= args.force_exclude;
    let how = Reading::new(&args.reading)?.listing(&settings);
    if args.fix || args.diff {
        return check_fixing(args, &how, &paths, &settings, config.as_deref());
    }
    let reports: Vec<FileReport> = how.check_run(how.inputs(&paths, &settings)?, &settings)?;
    let human = HumanOptions {
        color: use_color(args.color, args.output.as_deref()),
        quiet: args.quiet,
        width: terminal_width(),
    };
    let read = files_read(reports.iter().flat_map(sources), config.as_deref());
    output::write_with(args.output.as_deref(), &read, |out| {
        render::write(&reports, args.format, &human, out)
    })?;
    let code = exit_code(&reports, args.fail_on);
    // The process ends here: freeing an estate's reports allocation by allocation costs more
    // (15 ms for 100,000 rows) than leaving their memory to the operating system.
    std::mem::forget(reports);
    Ok(code)
}

/// `check --fix` and `check --diff`: each input fixed in turn (an input may share a file with
/// another, an ARM parameters file say, so none runs beside another), then the files written
/// or the diff printed, and the findings that remain reported.
fn check_fixing(
    args: &CheckArgs,
    how: &Reading,
    paths: &[String],
    settings: &Settings,
    config: Option<&Path>,
) -> Result<ExitCode, String> {
    let allowed = if args.unsafe_fixes {
        crate::diagnostic::Applicability::Unsafe
    } else {
        crate::diagnostic::Applicability::Safe
    };
    let mut fixing = settings.clone();
    fixing.fixing = true;
    let settings = &fixing;
    let mut reports = Vec::new();
    let mut diff = String::new();
    let (mut applied, mut unsafe_left, mut files, mut failed) = (0, 0, 0, false);
    // The inputs `check` reads: an estate with the Karpenter manifests that attach to it.
    for run in how.runs(how.inputs(paths, settings)?, settings)? {
        let fixed = fixing::fix(how, &run.paths, settings, allowed)?;
        unsafe_left += fixed.unsafe_left;
        for path in &fixed.unwritable {
            eprintln!(
                "cniplan: {}: a tool writes this file (a Terraform plan's JSON, an az export), so --fix leaves it; \
                 apply the fixes `check` shows to the files it is made from",
                crate::source::visible(path)
            );
        }
        for path in &fixed.outside {
            eprintln!(
                "cniplan: {}: outside what this run reads and writes (the current directory, the paths named on the \
                 command line and the configuration's directory), so --fix leaves it; run cniplan from the repository's root to fix it",
                crate::source::visible(path)
            );
        }
        let mut report = fixed.report;
        let mut unwritten = false;
        for changed in &fixed.changed {
            if args.diff {
                diff.push_str(&crate::fix::diff(&changed.path, &changed.before, &changed.after));
                continue;
            }
            if changed.path == render::STDIN_PATH {
                eprintln!("cniplan: standard input has no file to fix; use --diff");
                unwritten = true;
                continue;
            }
            match output::replace_input(Path::new(&changed.path), &changed.before, &changed.after) {
                Ok(()) => files += 1,
                Err(message) => {
                    eprintln!("cniplan: {}", crate::source::visible(&message));
                    unwritten = true;
                }
            }
        }
        failed |= unwritten;
        if unwritten {
            // What was not written is not fixed: report the input as it stands.
            report = fixed.unfixed.unwrap_or(report);
        } else {
            applied += fixed.applied;
        }
        reports.push(report);
    }
    if args.diff {
        // The diff goes where `--output` says, as every report does (never over a file the
        // run read: it would be one of the files the diff changes).
        let read = files_read(reports.iter().flat_map(sources), config);
        output::write_file_text(args.output.as_deref(), &read, &diff)?;
        let changes = if applied == 1 { "fix" } else { "fixes" };
        if !diff.is_empty() {
            match args.output.as_deref().filter(|o| *o != Path::new("-")) {
                Some(file) => eprintln!(
                    "cniplan: {applied} {changes} in the diff written to {}; `--fix` writes them",
                    crate::source::visible(&file.to_string_lossy())
                ),
                None => eprintln!("cniplan: {applied} {changes} in the diff above; `--fix` writes them"),
            }
        }
        if unsafe_left > 0 {
            eprintln!("cniplan: {unsafe_left} more with --unsafe-fixes (fixes that may make Azure recreate a resource)");
        }
        return Ok(if diff.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let human = HumanOptions {
        color: use_color(args.color, args.output.as_deref()),
        quiet: args.quiet,
        width: terminal_width(),
    };
    let read = files_read(reports.iter().flat_map(sources), config);
    output::write_with(args.output.as_deref(), &read, |out| {
        render::write(&reports, args.format, &human, out)
    })?;
    let noun = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    eprintln!(
        "cniplan: fixed {} in {}{}",
        noun(applied, "finding", "findings"),
        noun(files, "file", "files"),
        if unsafe_left > 0 {
            format!(
                "; {} an unsafe fix, which --unsafe-fixes applies",
                noun(unsafe_left, "finding has", "findings have")
            )
        } else {
            String::new()
        }
    );
    let code = exit_code(&reports, args.fail_on);
    Ok(if failed { ExitCode::from(2) } else { code })
}

/// The plan of an answering command, read and checked through the same pipeline as `check`
/// (settings, suppressions).
fn checked(args: &PlanArgs) -> Result<Checked, String> {
    let settings = settings(args.config.as_deref())?;
    let how = Reading::new(&args.reading)?.listing(&settings);
    how.one_input(&args.plans)?;
    how.check(&how.manifests_last(&args.plans), &settings)
}

/// What an answering command prints when its plan does not load: the findings, in the human
/// or JSON form of `check`, for figures from a half-read plan would mislead.
fn show_findings(
    checked: &Checked,
    args: &PlanArgs,
    format: SimulateFormat,
    color: Color,
) -> Result<ExitCode, String> {
    let reports = std::slice::from_ref(&checked.report);
    let format = match format {
        SimulateFormat::Human => render::Format::Human,
        SimulateFormat::Json => render::Format::Json,
    };
    let text = render::render(reports, format, &human_options(color, args.output.as_deref()));
    output::write_text(args.output.as_deref(), &plan_files_read(checked, args), &text)?;
    Ok(exit_code(reports, args.fail_on))
}

fn human_options(color: Color, output: Option<&Path>) -> HumanOptions {
    HumanOptions {
        color: use_color(color, output),
        quiet: false,
        width: terminal_width(),
    }
}

/// The scenario in detail, its sweeps or its churn trials.
fn simulate(args: &SimulateArgs) -> Result<ExitCode, String> {
    let plan = &args.plan;
    let checked = checked(plan)?;
    let Some(model) = &checked.model else {
        return show_findings(&checked, plan, args.format, args.color);
    };
    let path = &checked.report.source.path;
    let findings = &checked.report.findings;
    let text = if args.churn {
        let mut settings = model.topology.churn;
        settings.trials = args.trials.unwrap_or(settings.trials);
        settings.seed = args.seed.unwrap_or(settings.seed);
        let bar = progress::Bar::new();
        let churn = crate::churn::run(model, &settings, &bar);
        bar.finish();
        let churn = churn?;
        match args.format {
            SimulateFormat::Json => render::churn::json(path, findings, &churn),
            SimulateFormat::Human => render::churn::human(&churn),
        }
    } else if let Some(kind) = args.sweep {
        let kind = match kind {
            Sweep::PodsPerNode => SweepKind::PodsPerNode,
            Sweep::MaxPods => SweepKind::MaxPods,
            Sweep::MaxCount => SweepKind::MaxCount,
        };
        let sweep = crate::simulate::sweep(model, kind);
        match args.format {
            SimulateFormat::Json => render::simulate::sweep_json(path, findings, &sweep),
            SimulateFormat::Human => render::simulate::sweep_human(&sweep),
        }
    } else {
        let steps = crate::simulate::step_tables(model);
        match args.format {
            SimulateFormat::Json => render::simulate::steps_json(path, findings, &steps),
            SimulateFormat::Human => render::simulate::steps_human(&steps, &checked.report.assumed_surges),
        }
    };
    output::write_text(plan.output.as_deref(), &plan_files_read(&checked, plan), &text)?;
    Ok(finish(&checked, plan.fail_on, args.format))
}

/// Every cluster under every network mode.
fn compare(args: &CompareArgs) -> Result<ExitCode, String> {
    let plan = &args.plan;
    let checked = checked(plan)?;
    let Some(model) = &checked.model else {
        return show_findings(&checked, plan, args.format, args.color);
    };
    let clusters = crate::compare::compare(&model.topology);
    let text = match args.format {
        SimulateFormat::Json => {
            render::compare::json(&checked.report.source.path, &checked.report.findings, &clusters)
        }
        SimulateFormat::Human => {
            render::compare::human(&clusters, model.topology.allocation.headroom_warning)
        }
    };
    output::write_text(plan.output.as_deref(), &plan_files_read(&checked, plan), &text)?;
    Ok(finish(&checked, plan.fail_on, args.format))
}

/// Every subnet's and pod CIDR's smallest prefix and a free range, or with `--write` the plan
/// with its auto ranges filled in.
fn size(args: &SizeArgs) -> Result<ExitCode, String> {
    let plan = &args.plan;
    let checked = checked(plan)?;
    let path = &checked.report.source.path;
    let Some(model) = &checked.model else {
        if !args.write {
            return show_findings(&checked, plan, args.format, args.color);
        }
        // The plan is written back only when it loads; its findings go where a user looks.
        let reports = std::slice::from_ref(&checked.report);
        let human = human_options(args.color, plan.output.as_deref());
        eprint!("{}", render::render(reports, render::Format::Human, &human));
        return Ok(exit_code(reports, plan.fail_on));
    };
    if args.write {
        let written = crate::size::write::fill_in(&checked.report.source, &model.topology);
        output::write_file_text(
            plan.output.as_deref(),
            &plan_files_read(&checked, plan),
            &written.text,
        )?;
        for left in &written.left {
            let at = left
                .at
                .map_or_else(String::new, |(line, column)| format!(":{line}:{column}"));
            eprintln!(
                "cniplan: {}{at}: left `auto` in place for {}: {}",
                crate::source::visible(path),
                crate::source::visible(&left.subnet),
                crate::source::visible(&left.why)
            );
        }
        return Ok(exit_code(std::slice::from_ref(&checked.report), plan.fail_on));
    }
    let rows = crate::size::size(model);
    let text = match args.format {
        SimulateFormat::Json => render::size::json(path, &checked.report.findings, &rows),
        SimulateFormat::Human => render::size::human(path, &rows, model.topology.allocation.headroom_warning),
    };
    output::write_text(plan.output.as_deref(), &plan_files_read(&checked, plan), &text)?;
    Ok(finish(&checked, plan.fail_on, args.format))
}

/// One HTML page of the plan, its figures from the functions `simulate` calls. A plan that
/// does not load still gets a page: its findings with their snippets.
fn report(args: &ReportArgs) -> Result<ExitCode, String> {
    let plan = &args.plan;
    let checked = checked(plan)?;
    let figures = (checked.model.as_ref()).map(|model| crate::report::figures(model, args.trials, args.seed));
    let page = render::report::Page {
        report: &checked.report,
        loaded: checked.model.as_ref().zip(figures.as_ref()),
    };
    let page = render::report::html(&page);
    output::write_text(plan.output.as_deref(), &plan_files_read(&checked, plan), &page)?;
    Ok(finish(&checked, plan.fail_on, SimulateFormat::Human))
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

/// The paths named on the command line join the reach of the run (`source::reach`): a
/// path an input names is followed only within it. Every argument that names a file or
/// directory counts, as `--flag=path` does; any other argument names nothing.
fn reach(args: &[std::ffi::OsString]) {
    for arg in args {
        let path = match arg
            .to_str()
            .and_then(|a| a.strip_prefix("--"))
            .and_then(|a| a.split_once('='))
        {
            Some((_, value)) => Path::new(value),
            None => Path::new(arg),
        };
        if path.exists() {
            crate::source::reach::allow(path);
        }
    }
}

/// The configuration in force: `--config`, else `.cniplan.yaml` upward from the working
/// directory, else the defaults.
fn settings(explicit: Option<&Path>) -> Result<Settings, String> {
    load_settings(config_file(explicit)?.as_deref())
}

fn load_settings(config: Option<&Path>) -> Result<Settings, String> {
    config.map_or(Ok(Settings::default()), config::load)
}

/// The configuration file a run reads: `--config`, else `.cniplan.yaml` upward from the
/// working directory, if any.
fn config_file(explicit: Option<&Path>) -> Result<Option<PathBuf>, String> {
    match explicit {
        Some(path) => Ok(Some(path.to_path_buf())),
        None => {
            let cwd =
                std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
            let found = config::find(&cwd);
            // The deployments a configuration lists are beside it.
            if let Some(found) = &found {
                crate::source::reach::allow(found);
            }
            Ok(found)
        }
    }
}

/// Every file of an input's report: the input, and the files its findings point into.
fn sources(report: &FileReport) -> impl Iterator<Item = &crate::source::SourceFile> {
    std::iter::once(&report.source).chain(&report.extra_sources)
}

/// The files a run read, which `--output` must not overwrite: its inputs' files (standard
/// input is none) and its configuration file.
fn files_read<'a>(
    sources: impl IntoIterator<Item = &'a crate::source::SourceFile>,
    config: Option<&Path>,
) -> Vec<PathBuf> {
    sources
        .into_iter()
        .filter(|s| s.path != render::STDIN_PATH)
        .map(|s| PathBuf::from(&s.path))
        .chain(config.map(Path::to_path_buf))
        .collect()
}

/// The files an answering command read.
fn plan_files_read(checked: &Checked, args: &PlanArgs) -> Vec<PathBuf> {
    let config = config_file(args.config.as_deref()).ok().flatten();
    files_read(sources(&checked.report), config.as_deref())
}

/// The exit code of an answering command, saying on stderr why it is not 0 when a person
/// reads the output (the answer itself does not list the findings).
fn finish(checked: &Checked, fail_on: FailOn, format: SimulateFormat) -> ExitCode {
    let code = exit_code(std::slice::from_ref(&checked.report), fail_on);
    if code != ExitCode::SUCCESS && format == SimulateFormat::Human {
        let path = crate::source::visible(&checked.report.source.path);
        eprintln!("cniplan: {path} has findings at or above --fail-on; `cniplan check {path}` shows them");
    }
    code
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

/// `auto` colors only a terminal: never a file that `--output` names.
fn use_color(color: Color, output: Option<&Path>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && output::is_terminal(output)
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// Writes cniplan's own text (a rule's page, the starter plan, the schema, a man page) to
/// stdout as it is: nothing a user wrote goes through here, for it is not escaped (a file's
/// text goes through `output::write_file_text`, a report through its renderer).
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

/// `cniplan import`: the inputs read into one editable cniplan plan, each value commented
/// with where it came from. An input that does not load shows its findings on stderr
/// instead, and the exit code is 1.
fn import(args: &ImportArgs) -> Result<ExitCode, String> {
    let settings = Settings::default();
    // The deployments and Terraform roots `.cniplan.yaml` lists are read as `check` reads
    // them: `cniplan import .cniplan.yaml infra` joins the deployments' estate and the root
    // with its variable files into one plan (docs/configuration.md).
    let how = match self::settings(None) {
        Ok(found) => Reading::new(&args.reading)?.listing(&found),
        Err(_) => Reading::new(&args.reading)?,
    };
    let mut read = Vec::new();
    let mut failed = Vec::new();
    for paths in how.inputs(&args.inputs, &settings)? {
        let input = match how.prepare(&paths)? {
            Prepared::Input(input) => input,
            Prepared::NotText(report) => {
                failed.push(report);
                continue;
            }
        };
        match crate::input::read(&input) {
            Ok(loaded) => read.push((loaded, input.sources)),
            Err(findings) => {
                let mut sources = input.sources.into_iter();
                let source = sources
                    .next()
                    .unwrap_or_else(|| crate::source::SourceFile::new("", ""));
                let mut report = FileReport::new(source, findings, Vec::new());
                report.extra_sources = sources.collect();
                failed.push(report);
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
    let read = files_read(read.iter().flat_map(|(_, sources)| sources), None);
    output::write_text(args.output.as_deref(), &read, &crate::plan::write::write(&parts))?;
    Ok(ExitCode::SUCCESS)
}
