//! The command line (docs/commands.md), declared with clap.

use crate::render::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "cniplan",
    version,
    about = "Capacity planner and linter for AKS networking with Azure CNI dynamic allocation of pod IPs",
    long_about = None,
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint plans: addressing, overlaps, forbidden ranges; exit 1 on findings at --fail-on.
    Check(CheckArgs),
    /// Simulate node scaling step by step: baseline, scale-out, upgrade surge, per subnet.
    Simulate(SimulateArgs),
    /// Compare each cluster under every network mode: IPs at peak, smallest ranges, migration.
    Compare(CompareArgs),
    /// The smallest prefix each subnet and pod CIDR needs, and a free range that fits;
    /// --write prints the plan with its `cidr: auto` ranges filled in.
    Size(SizeArgs),
    /// Write one self-contained HTML page: the address map to scale, demand through the
    /// scenario, the sweeps and churn, and the findings with their snippets.
    Report(ReportArgs),
    /// Write an editable cniplan plan from Terraform, ARM or az input, each value commented
    /// with where it came from.
    Import(ImportArgs),
    /// List every rule with its default severity and summary.
    Rules,
    /// Print a rule's page: what it checks, why, an example and the fix.
    Explain {
        /// The rule's name, e.g. pod-subnet-exhausted.
        rule: String,
    },
    /// Print a starter plan: the feature article's own walkthrough, commented.
    Init,
    /// Print the JSON Schema of the plan format, for editor completion and validation.
    Schema,
    /// Print the man page (roff): `cniplan man | man -l -`; a subcommand's own page with its name.
    Man {
        /// The subcommand whose page to print, e.g. check; default: cniplan(1).
        subcommand: Option<String>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SimulateFormat::Human)]
    pub format: SimulateFormat,

    /// Recompute every subnet's peak as one setting varies on every pool, and report per
    /// subnet the largest value that still fits, the pools sharing it counted together.
    #[arg(long, value_enum)]
    pub sweep: Option<Sweep>,

    /// Run seeded Monte Carlo trials of pods and nodes coming and going (uneven pods per node,
    /// Deployment rollouts, scale-in and back, upgrades) and report per subnet the P50, P95,
    /// P99 and maximum of peak demand and the share of trials that run out.
    #[arg(long, conflicts_with = "sweep")]
    pub churn: bool,

    /// Trials of --churn, 1 to 100000 (default: the plan's `churn.trials`, else 1000).
    #[arg(long, value_name = "N", requires = "churn",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::topology::churn_settings::MAX_TRIALS)))]
    pub trials: Option<u32>,

    /// The seed of --churn's random numbers (default: the plan's `churn.seed`, else 0); the
    /// same seed gives the same figures on any machine and core count.
    #[arg(long, value_name = "S", requires = "churn")]
    pub seed: Option<u64>,

    /// When to color human output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// The plan, the output, the exit policy and how inputs are read.
    #[command(flatten)]
    pub plan: PlanArgs,
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SimulateFormat::Human)]
    pub format: SimulateFormat,

    /// When to color human output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// The plan, the output, the exit policy and how inputs are read.
    #[command(flatten)]
    pub plan: PlanArgs,
}

/// What every command that answers about one plan (`simulate`, `compare`, `size`, `report`)
/// takes: the plan, where its output goes, what fails the exit code, and how inputs are read.
#[derive(Args, Debug)]
pub struct PlanArgs {
    /// The plan (`-` for standard input); several files only with `--input az`.
    #[arg(required = true)]
    pub plans: Vec<String>,

    /// Write the output to FILE instead of standard output (the same bytes; `-` is stdout),
    /// whole or not at all; never over a file the run reads.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// The lowest severity of the plan's findings that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Configuration file (default: .cniplan.yaml in the working directory or above it).
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub reading: InputArgs,
}

/// How every command that reads inputs reads them.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// What the inputs are: auto (cniplan plans and ARM templates, recognised by content),
    /// cniplan, terraform (a directory of .tf files, read without Terraform), arm, or az
    /// (the files of one az export, read as one estate).
    #[arg(long, value_enum, default_value_t = crate::input::Format::Auto)]
    pub input: crate::input::Format,

    /// A Terraform variable file, applied after terraform.tfvars and *.auto.tfvars; repeat
    /// for several, later ones winning (with --input terraform).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<std::path::PathBuf>,

    /// An ARM parameters file for the templates given (`@file` accepted); repeat for several,
    /// later files winning.
    #[arg(long = "parameters", value_name = "FILE")]
    pub parameters: Vec<String>,

    /// The Terraform configuration behind a plan JSON, so findings point at the `.tf`
    /// attribute (default: the plan's own directory, when it holds `.tf` files).
    #[arg(long = "tf-dir", value_name = "DIR")]
    pub tf_dir: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Churn trials on the page (default: the plan's `churn.trials`, else 1000, cut on a
    /// plan of thousands of nodes so the page is written in seconds; the page says so).
    #[arg(long, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::topology::churn_settings::MAX_TRIALS)))]
    pub trials: Option<u32>,

    /// The seed of the churn trials (default: the plan's `churn.seed`, else 0).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,

    /// The plan, the output, the exit policy and how inputs are read.
    #[command(flatten)]
    pub plan: PlanArgs,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Inputs (a Terraform plan JSON, a .tf directory with `--input terraform`, an ARM
    /// template, az exports with `--input az`); `-` reads standard input. Together they form
    /// one estate.
    #[arg(required = true)]
    pub inputs: Vec<String>,

    /// Write the plan to FILE instead of standard output, whole or not at all; never over an
    /// input.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub reading: InputArgs,
}

#[derive(Args, Debug)]
pub struct SizeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SimulateFormat::Human)]
    pub format: SimulateFormat,

    /// Print the plan's own text with every `cidr: auto` replaced by the range placed for it
    /// (comments and layout kept), instead of the table.
    #[arg(long, conflicts_with = "format")]
    pub write: bool,

    /// When to color human output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// The plan, the output, the exit policy and how inputs are read.
    #[command(flatten)]
    pub plan: PlanArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SimulateFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Sweep {
    /// Pods per node, 0 to the largest max_pods.
    PodsPerNode,
    /// max_pods, 10 to 250 (pods per node follow it where the plan leaves them unset).
    MaxPods,
    /// Each pool's max_count (a fixed pool's node_count), up to AKS's 1,000 per pool.
    MaxCount,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Inputs (cniplan plans, Terraform plan JSON, `.tf` files, ARM templates and their
    /// parameters files, az exports), or directories walked for every input kind; `-` reads
    /// standard input. Default: the current directory.
    pub paths: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the report to FILE instead of standard output (the same bytes; `-` is stdout),
    /// whole or not at all; never over a file the run reads.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// When to color human output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Print findings only: no capacity table, no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Configuration file (default: .cniplan.yaml in the working directory or above it).
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    /// Leave out files named on the command line that the configuration's `exclude` matches
    /// (pre-commit names changed files one by one; a walk honours `exclude` anyway).
    #[arg(long)]
    pub force_exclude: bool,

    /// Write the verified safe fixes into the files read (cniplan plans, `.tf` literals, ARM
    /// templates and parameters files), then report the findings that remain.
    #[arg(long)]
    pub fix: bool,

    /// Print the fixes as a unified diff (to --output FILE if given) and change no input; exit 1
    /// when there is one.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// With --fix or --diff, also apply the unsafe fixes: those that make Azure recreate a
    /// resource that may exist (a cluster's service or pod CIDR, a pool's max_pods, a
    /// subnet's prefix).
    #[arg(long)]
    pub unsafe_fixes: bool,

    #[command(flatten)]
    pub reading: InputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}
