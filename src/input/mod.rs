//! Inputs → the typed plan. A span-carrying document tree read from YAML or JSON, and one
//! reader per input format, each producing the same [`Plan`] with every value's place in its
//! source: resolve, rules, capacity and renderers never learn which reader ran.

pub mod arm;
pub mod assumed;
pub mod az;
pub mod bicep;
pub mod budget;
pub mod cniplan;
pub mod comments;
pub mod de;
pub mod deployments;
pub mod json;
pub mod karpenter;
pub mod once;
pub mod placeholder;
pub mod terraform;
pub mod tree;
pub mod yaml;

use crate::diagnostic::{Finding, Rule, Span};
use crate::plan::Plan;
use crate::source::SourceFile;
use terraform::plan_json::Sniffed;
use tree::AliasUse;

/// The input formats `--input` names (README, Inputs; docs/commands.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Recognise each file by its content.
    Auto,
    /// A cniplan plan (YAML, docs/plan-format.md).
    Cniplan,
    /// Terraform: a plan in JSON (`terraform show -json tfplan`), or a directory of `.tf`
    /// files read without Terraform.
    Terraform,
    /// An ARM template (JSON; Bicep after `az bicep build`), with `--parameters` files.
    Arm,
    /// az CLI exports (`az network vnet list`, `az aks list`, …); every file of the run
    /// forms one estate.
    Az,
    /// The deployments `.cniplan.yaml` lists, as one estate: the configuration first, then
    /// the templates and parameters files it names (`arm::listed`). Chosen by the run, never
    /// on the command line.
    #[value(skip)]
    Estate,
    /// Bicep source (`.bicep`, `.bicepparam`), read without the Bicep CLI.
    Bicep,
}

/// What one run reads as one estate: usually one file; several for formats whose files
/// form one estate together (az exports, a Terraform directory, a Terraform plan with the
/// `.tf` files beside it), or an ARM template followed by its parameters files. Spans number
/// the sources in order (`Span::file`).
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
    /// Where each imported resource is written, so a finding inside one names it.
    pub resources: Vec<ResourcePlace>,
}

/// An imported resource's place: its object in the plan JSON, or its block in a `.tf` file.
pub struct ResourcePlace {
    pub span: Span,
    /// The Terraform address (or Azure resource ID) that identifies it.
    pub address: String,
}

/// Reads an input in its format; a file that is no input of that format gives the
/// findings that say why.
pub fn read(input: &Input) -> Result<Loaded, Vec<Finding>> {
    read_with(input, &|_| None)
}

/// [`read`], with the cluster a configuration names for a Karpenter manifest's path
/// (`.cniplan.yaml` `karpenter:`, docs/karpenter.md).
pub fn read_with(
    input: &Input,
    cluster_for: &dyn Fn(&str) -> Option<String>,
) -> Result<Loaded, Vec<Finding>> {
    // Karpenter manifests come last: the estate before them is read by its own reader, and
    // their NodePools attach to its node-auto-provisioning cluster (docs/karpenter.md).
    let manifests = manifests_from(input);
    if manifests == 0 && !input.sources.is_empty() {
        return Ok(karpenter::alone(&input.sources, cluster_for));
    }
    let (estate, manifests) = input.sources.split_at(manifests);
    let mut loaded = read_estate(estate, input.format)?;
    if !manifests.is_empty() {
        let read = karpenter::read(manifests, estate.len(), cluster_for);
        loaded
            .resources
            .extend(read.resources.iter().map(|r| ResourcePlace {
                span: r.span,
                address: r.address.clone(),
            }));
        karpenter::attach(&mut loaded.plan, read, &mut loaded.notes);
    }
    Ok(loaded)
}

/// The sources of an input before its Karpenter manifests, read by their format's reader:
/// borrowed, so an estate with manifests is read without a copy of its files.
fn read_estate(sources: &[SourceFile], format: Format) -> Result<Loaded, Vec<Finding>> {
    let Some(main) = sources.first() else {
        return Err(Vec::new());
    };
    let cniplan = || {
        cniplan::read(main).map(|l| Loaded {
            plan: l.plan,
            aliases: l.aliases,
            notes: l.notes,
            resources: Vec::new(),
        })
    };
    let others = &sources[1..];
    let bicep = reads_bicep(sources, format);
    let keys = match format {
        Format::Arm | Format::Az | Format::Estate | Format::Bicep => &crate::plan::CountKeys::ARM,
        _ if bicep || arm::is_template(&main.text) => &crate::plan::CountKeys::ARM,
        _ => &crate::plan::CountKeys::PLAN,
    };
    // A cniplan plan's reader checks its shape itself (and stops there); an imported
    // plan's shape is checked here, for every reader alike.
    let imported = |read: Result<Loaded, Vec<Finding>>| {
        read.map(|mut loaded| {
            loaded.notes.extend(crate::plan::check_shape(&loaded.plan, keys));
            loaded
        })
    };
    if bicep {
        return imported(bicep::read(sources));
    }
    match format {
        Format::Cniplan => cniplan(),
        Format::Estate => imported(arm::listed::read(sources)),
        Format::Bicep => imported(bicep::read(sources)),
        Format::Arm => imported(arm::read(sources)),
        Format::Az => imported(az::read(sources)),
        Format::Terraform if terraform::hcl::is_configuration(sources) => {
            imported(terraform::hcl::load(sources))
        }
        Format::Auto if arm::is_template(&main.text) => imported(arm::read(sources)),
        Format::Auto => match terraform::plan_json::sniff(main) {
            Sniffed::Plan(root, repeated) => {
                imported(with_repeated(terraform::read_plan(root, others), &repeated))
            }
            Sniffed::BrokenPlan(e) => Err(vec![syntax(e)]),
            Sniffed::Other => cniplan(),
        },
        Format::Terraform => match json::parse(main, 0) {
            Ok(doc) => match doc.root {
                Some(root) => imported(with_repeated(terraform::read_plan(root, others), &doc.repeated)),
                None => Err(vec![Finding::new(
                    Rule::PlanSchema,
                    Span::default(),
                    "the Terraform plan is empty",
                )
                .help("make one with `terraform show -json tfplan > tfplan.json`")]),
            },
            Err(e) => Err(vec![syntax(e)]),
        },
    }
}

/// Whether the Bicep reader reads these sources: `--input bicep`, or a `.bicep` or
/// `.bicepparam` file first under `--input auto`.
fn reads_bicep(sources: &[SourceFile], format: Format) -> bool {
    format == Format::Bicep
        || (format == Format::Auto && sources.first().is_some_and(|s| bicep::is_bicep(&s.path)))
}

/// A `.tf` or `.tfvars` file: HCL wherever it appears in an input.
fn is_hcl(path: &str) -> bool {
    [".tf", ".tfvars"].iter().any(|x| path.ends_with(x))
}

/// Where the Karpenter manifests at the end of an input start: the number of sources before
/// them (0 when every source is one, the length when none is). An az export is JSON, so its
/// files are never taken for one.
pub fn manifests_from(input: &Input) -> usize {
    let yaml_format = matches!(
        input.format,
        Format::Auto | Format::Cniplan | Format::Terraform | Format::Arm
    );
    if !yaml_format {
        return input.sources.len();
    }
    let trailing = input
        .sources
        .iter()
        .rev()
        .take_while(|s| karpenter::is_manifest(&s.text))
        .count();
    input.sources.len() - trailing
}

/// The comment syntax of each source of an input, in order, as [`read`] reads them: `.tf`
/// and `.tfvars` files are HCL wherever they appear; the rest follows the input's format.
/// A file of unclear kind gets [`Syntax::Json`], which has no comments: a directive it holds
/// is then ignored, never taken from a value.
pub fn syntaxes(input: &Input) -> Vec<comments::Syntax> {
    use comments::Syntax;
    let main = input.sources.first().map_or("", |s| s.text.as_str());
    let rest = match input.format {
        Format::Cniplan => Syntax::Yaml,
        Format::Arm | Format::Estate => Syntax::Jsonc,
        Format::Bicep => Syntax::Jsonc,
        Format::Az | Format::Terraform => Syntax::Json,
        Format::Auto if arm::is_template(main) => Syntax::Jsonc,
        Format::Auto if main.trim_start().starts_with('{') && terraform::plan_json::looks_like_plan(main) => {
            Syntax::Json
        }
        Format::Auto if reads_bicep(&input.sources, input.format) => Syntax::Jsonc,
        Format::Auto => Syntax::Yaml,
    };
    let manifests = manifests_from(input);
    input
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let hcl = is_hcl(&s.path);
            if i >= manifests {
                Syntax::Yaml
            } else if hcl {
                Syntax::Hcl
            } else if input.format == Format::Estate && i == 0 {
                // The configuration that lists the deployments.
                Syntax::Yaml
            } else if bicep::is_bicep(&s.path) {
                // Bicep's strings are quoted with `'`: its own scanner tells them from comments.
                Syntax::Bicep
            } else {
                rest
            }
        })
        .collect()
}

/// What a fix may do to a source of an input (`check --fix`, docs/commands.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editable {
    /// A file the user edits and the reader reads values from: a cniplan plan, a `.tf` or
    /// `.tfvars` file of a configuration, an ARM template or parameters file.
    Write,
    /// Values are read from it, but a tool wrote it (a Terraform plan's JSON, an az export,
    /// an ARM template compiled from Bicep): a fix is checked against it, never written.
    Check,
    /// No values are read from it: the `.tf` files beside a Terraform plan, which only locate
    /// findings, and a configuration's directory entry.
    No,
}

/// Each source of an input, in order, as [`read`] reads it.
pub fn editable(input: &Input) -> Vec<Editable> {
    let main = input.sources.first().map_or("", |s| s.text.as_str());
    let configuration = terraform::hcl::is_configuration(&input.sources);
    let arm = || {
        matches!(input.format, Format::Arm | Format::Estate)
            || (input.format == Format::Auto && arm::is_template(main))
    };
    let bicep = reads_bicep(&input.sources, input.format);
    let manifests = manifests_from(input);
    input
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i >= manifests {
                return Editable::Write;
            }
            let hcl = is_hcl(&s.path);
            if input.format == Format::Terraform && configuration {
                // A module `terraform init` installed is the registry's: checked, not edited.
                let installed = s.path.replace('\\', "/").contains("/.terraform/modules/");
                return match (hcl, installed) {
                    (true, false) => Editable::Write,
                    (true, true) => Editable::Check,
                    (false, _) => Editable::No,
                };
            }
            if bicep {
                // A registry module restored into the cache was compiled by a tool.
                return if !bicep::is_bicep(&s.path) && arm::is_template(&s.text) {
                    Editable::Check
                } else {
                    Editable::Write
                };
            }
            match input.format {
                Format::Az => Editable::Check,
                Format::Cniplan => Editable::Write,
                _ if arm() => {
                    // `az bicep build` writes its generator into the template's metadata.
                    let compiled = s.text.contains("\"_generator\"") && s.text.contains("bicep");
                    if compiled && arm::is_template(&s.text) {
                        Editable::Check
                    } else {
                        Editable::Write
                    }
                }
                _ if i > 0 => Editable::No,
                Format::Terraform => Editable::Check,
                _ if main.trim_start().starts_with('{') && terraform::plan_json::looks_like_plan(main) => {
                    Editable::Check
                }
                _ => Editable::Write,
            }
        })
        .collect()
}

fn syntax(e: tree::SyntaxError) -> Finding {
    Finding::new(Rule::PlanSyntax, e.span, e.message)
        .help("the file is no whole JSON document: write it again with `terraform show -json tfplan`")
}

/// Names the imported resource each finding points into, so a finding on a value whose
/// Azure name repeats across resource groups still says which resource it is about. The
/// instances of a `count` or `for_each` block share its place: a finding there names the
/// instance its message quotes, else the block.
///
/// Linear in findings and places (issue 19): the places that share a span (the instances of
/// one block, an ARM copy loop's resources, however many) are grouped once, and a finding
/// looks up the names its message quotes in its group, never the group's every address in
/// its message. Returns the places and names looked at, the work `tests/linear_work.rs`
/// counts.
pub fn name_resources(findings: &mut [Finding], places: &[ResourcePlace]) -> usize {
    if places.is_empty() {
        return 0;
    }
    let mut sorted: Vec<&ResourcePlace> = places.iter().collect();
    sorted.sort_by_key(|p| (p.span.file, p.span.start));
    let groups = SharedPlaces::of(&sorted);
    let mut work = sorted.len();
    for finding in findings {
        let Some(span) = finding.span else { continue };
        let after = sorted.partition_point(|p| (p.span.file, p.span.start) <= (span.file, span.start));
        // The innermost place around the finding: an ARM subnet is written inside its VNet,
        // so the nearest place before it may end before it. A few steps back at most.
        let inside = |p: &ResourcePlace| p.span.file == span.file && span.end <= p.span.end;
        let Some(at) = (after.saturating_sub(64)..after)
            .rev()
            .find(|&i| inside(sorted[i]))
        else {
            continue;
        };
        work += after - at;
        let group = groups.of[at];
        // The address a note leads with (`azurerm_subnet.s["a"]: ...`), else the first name
        // the message quotes, that is one of the places sharing this span.
        let lead = finding.message.split([' ', ':']).next().into_iter();
        let quoted = finding.message.split('`').skip(1).step_by(2);
        let named = lead.chain(quoted).find_map(|quoted| {
            work += 1;
            groups.addresses.get(&(group, quoted)).copied()
        });
        let named = named.map(|i| sorted[i].address.as_str());
        let Some(resource) = named.or(groups.block[group]) else {
            continue;
        };
        // A stand-in for a name known only when deployed is no ID to show: the message
        // calls the resource by its expression.
        if arm::is_stand_in(resource) {
            continue;
        }
        if named.is_none() && !finding.message.contains(resource) {
            finding.message.push_str(&format!(" ({resource})"));
        }
        finding.resource.get_or_insert_with(|| resource.into());
    }
    work
}

/// The places of [`name_resources`] (sorted by place) in groups of one span each.
struct SharedPlaces<'p> {
    /// Each sorted place's group.
    of: Vec<usize>,
    /// Each group's block: the one address, or the block its instances share
    /// (`azurerm_subnet.s` of `azurerm_subnet.s[3]`); none for different resources written in
    /// one place (an ARM copy loop's IDs), which a finding names only when its message does.
    block: Vec<Option<&'p str>>,
    /// Every (group, address), to the place's index.
    addresses: std::collections::HashMap<(usize, &'p str), usize>,
}

impl<'p> SharedPlaces<'p> {
    fn of(sorted: &[&'p ResourcePlace]) -> Self {
        let mut groups = SharedPlaces {
            of: Vec::with_capacity(sorted.len()),
            block: Vec::new(),
            addresses: std::collections::HashMap::with_capacity(sorted.len()),
        };
        for (i, place) in sorted.iter().enumerate() {
            let address = place.address.as_str();
            if i == 0 || sorted[i - 1].span != place.span {
                groups.block.push(Some(address));
            } else if let Some(block) = groups.block.last_mut() {
                let shared = block.map(without_instance_key);
                *block = shared.filter(|&s| s == without_instance_key(address));
            }
            let group = groups.block.len() - 1;
            groups.of.push(group);
            groups.addresses.entry((group, address)).or_insert(i);
        }
        groups
    }
}

/// `azurerm_subnet.s[3]` → `azurerm_subnet.s`: the block its instances share.
fn without_instance_key(address: &str) -> &str {
    match address
        .strip_suffix(']')
        .and_then(|a| a.rfind('[').map(|i| &address[..i]))
    {
        Some(block) => block,
        None => address,
    }
}

/// A plan JSON's keys written twice, said beside what the reader found.
fn with_repeated(
    read: Result<Loaded, Vec<Finding>>,
    repeated: &[tree::RepeatedKey],
) -> Result<Loaded, Vec<Finding>> {
    read.map(|mut loaded| {
        loaded.notes.extend(json::repeated_keys(repeated));
        loaded
    })
}

#[cfg(test)]
mod tests {
    use super::{name_resources, ResourcePlace};
    use crate::diagnostic::{Finding, Rule, Span};

    /// `n` resources of one ARM copy loop (one place) and a finding on each: the work of
    /// naming them grows with `n`, where it grew with `n²` (a 1.2 KB template of 800 × 800
    /// copies ran past 300 s).
    fn work(n: usize) -> usize {
        let span = Span::in_file(0, 10, 20);
        let places: Vec<ResourcePlace> = (0..n)
            .map(|i| ResourcePlace {
                span,
                address: format!("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s{i}"),
            })
            .collect();
        let mut findings: Vec<Finding> = (0..n)
            .map(|i| {
                Finding::new(
                    Rule::SubnetOverlap,
                    span,
                    format!("subnet `{}` overlaps another", places[i].address),
                )
            })
            .collect();
        let work = name_resources(&mut findings, &places);
        // Each finding is named by the resource its message quotes.
        assert_eq!(
            findings[n - 1].resource.as_deref(),
            Some(places[n - 1].address.as_str())
        );
        work
    }

    #[test]
    fn naming_the_resources_of_one_place_is_linear() {
        let (small, large) = (work(500), work(1000));
        assert!(large <= small * 2 + 16, "{small} → {large}");
    }
}
