//! Inputs → the typed plan. A span-carrying document tree read from YAML or JSON, and one
//! reader per input format, each producing the same [`Plan`] with every value's place in its
//! source: resolve, rules, capacity and renderers never learn which reader ran.

pub mod arm;
pub mod az;
pub mod cniplan;
pub mod de;
pub mod json;
pub mod terraform;
pub mod tree;
pub mod yaml;

use crate::diagnostic::Finding;
use crate::plan::Plan;
use crate::source::SourceFile;
use tree::AliasUse;

/// The input formats of SPEC §6.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Recognise each file by its content.
    Auto,
    /// A cniplan plan (YAML, SPEC §2).
    Cniplan,
    /// Terraform: a directory of `.tf` files, read without Terraform (a file is a plan's JSON).
    Terraform,
    /// An ARM template (JSON; Bicep after `az bicep build`), with `--parameters` files.
    Arm,
    /// az CLI exports (`az network vnet list`, `az aks list`, …); every file of the run
    /// forms one estate.
    Az,
}

/// What one run reads as one estate: usually one file; several for formats whose files
/// form one estate together (az exports, a Terraform directory), or an ARM template followed
/// by its parameters files. Spans number the sources in order (`Span::file`).
pub struct Input {
    pub sources: Vec<SourceFile>,
    pub format: Format,
}

impl Input {
    pub fn single(source: SourceFile) -> Self {
        Input {
            sources: vec![source],
            format: Format::Auto,
        }
    }
}

/// An input read into a plan, with what the readers learnt on the way.
pub struct Loaded {
    pub plan: Plan,
    /// Aliases of YAML inputs, so findings at an alias also point at its anchor.
    pub aliases: Vec<AliasUse>,
    /// Findings of the reading itself that do not stop the check: values assumed, inputs
    /// that could not be resolved.
    pub notes: Vec<Finding>,
}

/// Reads an input in its format; a file that is no input of that format gives the
/// findings that say why.
pub fn read(input: &Input) -> Result<Loaded, Vec<Finding>> {
    let Some(main) = input.sources.first() else {
        return Err(Vec::new());
    };
    match input.format {
        Format::Arm => arm::read(input),
        Format::Az => az::read(input),
        Format::Auto if arm::is_template(&main.text) => arm::read(input),
        Format::Auto | Format::Cniplan => cniplan::read(main).map(|l| Loaded {
            plan: l.plan,
            aliases: l.aliases,
            notes: Vec::new(),
        }),
        Format::Terraform if terraform::hcl::is_configuration(input) => terraform::hcl::load(input),
        Format::Terraform => Err(vec![crate::diagnostic::Finding::new(
            crate::diagnostic::Rule::PlanSchema,
            crate::diagnostic::Span::default(),
            "this build reads Terraform configuration directories only, not plan JSON",
        )
        .help("pass the directory of .tf files: `cniplan check --input terraform DIR`")]),
    }
}
