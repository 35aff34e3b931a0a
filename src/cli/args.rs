//! The command line (SPEC §1), declared with clap.

pub use crate::input::Format as InputFormat;
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Write an editable cniplan plan from Terraform plan JSON (or any input check reads),
    /// each value commented with where it came from.
    Import(ImportArgs),
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Input files (`terraform show -json tfplan > tfplan.json`); `-` reads standard input.
    /// Together they form one estate.
    #[arg(required = true)]
    pub inputs: Vec<String>,

    /// The inputs' format: recognised by content, or named.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input: InputFormat,
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// The plan file (`-` for standard input).
    pub plan: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SimulateFormat::Human)]
    pub format: SimulateFormat,

    /// Recompute every subnet's peak for each density from 0 to max_pods pods per node.
    #[arg(long, value_enum)]
    pub sweep: Option<Sweep>,

    /// The lowest severity of the plan's findings that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Configuration file (default: .cniplan.yaml in the working directory or above it).
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    /// When to color human output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// The plan's format: recognised by content, or named.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input: InputFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SimulateFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Sweep {
    PodsPerNode,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Plan files, or directories searched for cniplan.yaml, *.cniplan.yaml and
    /// *.cniplan.yml; `-` reads standard input. Default: the current directory.
    pub paths: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

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

    /// The inputs' format: recognised by content (a Terraform plan JSON, else a cniplan
    /// plan), or named.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input: InputFormat,
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
