//! Terraform: azurerm resources read from a plan's JSON (`terraform show -json`) or from a
//! directory of `.tf` files, then mapped onto the typed plan (docs/terraform.md).
//!
//! Both readers produce [`Resource`]s, the one shape the azurerm mapping reads: a resource
//! instance's attribute values as a span tree (nested blocks as lists of mappings, as plan
//! JSON writes them), which of them are unknown until apply, and what each expression refers
//! to. Roles and identities come from those references and addresses, never from names.

pub mod address;
mod azapi;
pub mod azurerm;
mod body;
mod cidr;
mod config;
mod eval;
pub mod files;
mod functions;
pub mod hcl;
mod known_modules;
mod locate;
pub mod manifest;
pub mod plan_json;
pub mod references;
pub mod relocate;
mod tfjson;
mod tfvars;
mod value;

pub use locate::{locate, Locator};

use super::tree::Node;
use super::{Loaded, ResourcePlace};
use crate::diagnostic::{Finding, Span};
use crate::source::SourceFile;
use std::collections::BTreeMap;

/// One instance of a Terraform resource or data source.
#[derive(Debug)]
pub struct Resource<'a> {
    /// The absolute address: `module.net.azurerm_subnet.pods[0]`, `azurerm_subnet.s["a"]`.
    pub address: String,
    /// The resource type: `azurerm_subnet`.
    pub kind: String,
    /// A data source (`data.azurerm_subnet.x`): what exists, read rather than managed.
    pub data: bool,
    /// The module instance it belongs to (`module.net`, `module.spoke["a"]`); empty at the root.
    pub module: String,
    /// Where the whole resource is written: its object in the plan JSON, or its block in a
    /// `.tf` file. A finding inside it names the resource.
    pub span: Span,
    /// Attribute values. Spans point where each value was written: the plan JSON, or the
    /// `.tf` attribute when the configuration is at hand. Unknown values are null.
    pub values: Node<'a>,
    /// Attributes whose values are unknown until apply, as dotted paths without list indices
    /// (`default_node_pool.vnet_subnet_id`).
    pub unknown: Vec<String>,
    /// For each attribute set by an expression (dotted path as in `unknown`), the addresses
    /// it refers to, most specific first and resolved to instances where the reader could
    /// (`azurerm_subnet.pods[0]`, then `azurerm_subnet.pods`). A reader may leave out the
    /// attributes the mapping does not follow ([`azurerm::follows`]).
    pub references: References,
    /// Read from the configuration (`.tf`), where an unknown value is one written as an
    /// expression the variables or other resources decide; in a plan JSON an unknown may
    /// also be an attribute left unset that the provider computes.
    pub from_configuration: bool,
}

/// A resource's references ([`Resource::references`]): each attribute's dotted path, in
/// lexical order, with the addresses it refers to. Built as a `BTreeMap` and kept as a
/// vector of the right size: a `BTreeMap`'s smallest node takes about half a kilobyte, for
/// the one or two paths most resources have, and a `.tf` file of 80,000 subnets held 80,000
/// of them (issue 19: memory within a small multiple of the input).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct References(Vec<(String, Vec<String>)>);

impl References {
    /// The addresses the attribute at `path` refers to.
    pub fn get(&self, path: &str) -> Option<&Vec<String>> {
        self.0
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| &self.0[i].1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(p, _)| p.as_str())
    }

    pub fn values(&self) -> impl Iterator<Item = &Vec<String>> {
        self.0.iter().map(|(_, a)| a)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Vec<String>> {
        self.0.iter_mut().map(|(_, a)| a)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Vec<String>)> {
        self.0.iter().map(|(p, a)| (p.as_str(), a))
    }
}

impl From<BTreeMap<String, Vec<String>>> for References {
    fn from(map: BTreeMap<String, Vec<String>>) -> Self {
        References(
            map.into_iter()
                .map(|(path, mut addresses)| {
                    addresses.shrink_to_fit();
                    (path, addresses)
                })
                .collect(),
        )
    }
}

/// A Terraform plan JSON (`input.sources[0]`, already parsed when auto-detection did it) →
/// the typed plan. The sources after it are `.tf` files that findings may move into
/// ([`relocate::relocate`]).
pub fn read_plan<'a>(root: Node<'a>, tf_files: &[SourceFile]) -> Result<Loaded, Vec<Finding>> {
    let version_at = root.get("format_version").map_or(root.span, |v| v.span);
    let types = plan_json::Reads {
        wanted: &azurerm::reads,
        follows: &azurerm::follows,
    };
    let read = plan_json::read(root, &types)?;
    let mut resources = read.resources;
    relocate::relocate(&mut resources, tf_files);
    let (rest, findings) = (read.rest, read.findings);
    // Free the rest of the plan's tree on another core while the mapping runs.
    let ((), loaded) = rayon::join(move || drop(rest), || load(&resources, findings, version_at));
    Ok(loaded)
}

/// Resources, from either reader, → the loaded plan: the azurerm mapping, its notes after
/// the reader's own `findings`, and each resource's place for naming findings inside it.
/// `at` is where the plan's version is taken to be written.
pub fn load(resources: &[Resource<'_>], findings: Vec<Finding>, at: Span) -> Loaded {
    let mapped = azurerm::map(resources, at);
    let mut notes = findings;
    notes.extend(mapped.notes);
    let notes = one_per_block(notes);
    Loaded {
        plan: mapped.plan,
        aliases: Vec::new(),
        notes,
        resources: resources
            .iter()
            .map(|r| ResourcePlace {
                span: r.span,
                address: r.address.clone(),
            })
            .collect(),
    }
}

/// The notes of a `count` or `for_each` block's instances, where they say the same at the
/// same place, as one: ten thousand instances of a subnet make one note, not ten thousand.
fn one_per_block(notes: Vec<Finding>) -> Vec<Finding> {
    use std::collections::HashMap;
    let mut first: HashMap<(crate::diagnostic::Rule, Option<Span>, String), usize> = HashMap::new();
    let mut out: Vec<(Finding, usize)> = Vec::with_capacity(notes.len());
    for note in notes {
        let key = (note.rule, note.span, without_instance_keys(&note.message));
        match first.get(&key) {
            Some(&i) if note.severity == crate::diagnostic::Severity::Note => out[i].1 += 1,
            _ => {
                first.insert(key, out.len());
                out.push((note, 0));
            }
        }
    }
    out.into_iter()
        .map(|(mut note, more)| {
            if more > 0 {
                note.message.push_str(&format!(
                    "; the same for {} more instance{} of this block",
                    crate::numbers::thousands(more as u64),
                    if more == 1 { "" } else { "s" }
                ));
            }
            note
        })
        .collect()
}

/// A message with its addresses' instance keys (`[0]`, `["a"]`) taken out.
fn without_instance_keys(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut depth = 0usize;
    let mut previous = ' ';
    for c in message.chars() {
        match c {
            // An instance key follows a name character directly: `pods[0]`, not `a [x]`.
            '[' if depth > 0 || previous.is_alphanumeric() || previous == '_' || previous == ']' => {
                depth += 1
            }
            ']' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
        previous = c;
    }
    out
}
