//! The azurerm provider's resources → the typed plan (docs/terraform.md): VNets (with inline
//! subnets), subnets, peerings, clusters and node pools, under provider v2 to v4 names.
//!
//! Identity is the resource address: every VNet, subnet, cluster and pool carries it as its
//! `origin`, and a pool names its subnets by their addresses (or by the Azure resource ID
//! the plan already knows), because Azure names repeat across resource groups. Roles come
//! from use (`vnet_subnet_id`, `pod_subnet_id`), never from names.

mod cluster;
mod network;
mod notes;
mod values;

use super::Resource;
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::plan::model::{Allocation, Plan};
use crate::plan::reference::ResourceId;
use notes::Notes;

/// The resource types this mapping reads: azurerm's, AzAPI's ([`super::azapi`]), and the
/// resource groups whose IDs AzAPI resources take as their `parent_id`.
pub fn reads(kind: &str) -> bool {
    matches!(
        kind,
        "azurerm_virtual_network"
            | "azurerm_subnet"
            | "azurerm_virtual_network_peering"
            | "azurerm_kubernetes_cluster"
            | "azurerm_kubernetes_cluster_node_pool"
            | "azurerm_kubernetes_automatic_cluster"
            | "azurerm_resource_group"
    ) || super::azapi::is_azapi(kind)
}

/// The arguments whose references the mapping follows: the IDs that join pools to subnets
/// and clusters, peerings to VNets, and a subnet's VNet name; an AzAPI resource's `body`,
/// where its subnet IDs are.
pub fn follows(path: &str) -> bool {
    path.ends_with("_id") || path == "virtual_network_name" || path == "body"
}

/// What an address is to the azurerm mapping, for a reference from an AzAPI body.
pub enum Link {
    /// A subnet: what a pool writes to name it.
    To(String),
    /// A subnet that cannot be read (its own note says why).
    Unreadable,
    /// No subnet.
    Missing,
}

/// The azurerm subnets an AzAPI body may name.
pub trait Linker {
    /// What the resource at `address` is.
    fn link(&self, address: &str) -> Link;
    /// Whether a pool's subnet reference (an address, or a known resource ID) names an
    /// azurerm subnet.
    fn holds(&self, text: &str) -> bool;
}

/// A plan, and the notes on what was assumed or could not be resolved.
pub struct Mapped {
    pub plan: Plan,
    pub notes: Vec<Finding>,
}

/// Maps `resources` (in plan order) onto a plan; `at` is where the plan's version is taken
/// to be written (the plan JSON's `format_version`).
pub fn map(resources: &[Resource<'_>], at: Span) -> Mapped {
    let mut notes = Notes::default();
    let mut net = network::Networks::default();
    net.read(resources, &mut notes);
    // AzAPI resources name azurerm subnets, and azurerm pools AzAPI subnets: the AzAPI
    // ones are read between the azurerm networks and the azurerm clusters.
    let azapi = super::azapi::read(resources, &net);
    for finding in azapi.findings {
        notes.push(finding);
    }
    net.azapi_subnets(azapi.subnets);
    let mut clusters = cluster::read(resources, &net, &mut notes);
    let mut vnets = net.finish(&mut notes);
    for (address, subnets) in azapi.adopted {
        if let Some(v) = vnets
            .iter_mut()
            .find(|v| v.origin.as_ref().is_some_and(|o| o.resource == address))
        {
            v.subnets.extend(subnets);
        }
    }
    vnets.extend(azapi.plan.vnets);
    clusters.extend(azapi.plan.clusters);
    Mapped {
        plan: Plan {
            version: Spanned::default_at(1, at),
            vnets,
            external_networks: Vec::new(),
            allocation: Allocation::default(),
            clusters,
            churn: None,
        },
        notes: notes.finish(),
    }
}

/// How Azure compares names and resource groups.
fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The resource group and name segments of an Azure resource ID whose type segment is
/// `kind` (`virtualNetworks`, `managedClusters`): `/subscriptions/…/resourceGroups/RG/
/// providers/…/KIND/NAME`.
fn id_parts<'t>(id: &'t str, kind: &str) -> Option<(&'t str, &'t str)> {
    let id = ResourceId::new(id.trim().trim_end_matches('/'));
    Some((id.after("resourceGroups")?, id.after(kind)?))
}

/// Whether `path` of `resource` is unknown until apply.
fn unknown(resource: &Resource<'_>, path: &str) -> bool {
    resource.unknown.iter().any(|p| p == path)
}

/// The name of a resource, or its address when the name is unknown until apply.
fn name_of(
    resource: &Resource<'_>,
    node: &crate::input::tree::Node<'_>,
    notes: &mut Notes,
) -> Spanned<String> {
    let attrs = values::Attrs::new(node, &resource.address);
    match attrs.string("name", notes) {
        Some(name) => name,
        // Not unknown but not written: Terraform refuses the configuration. The resource is
        // still counted, by its address.
        None if attrs.get("name").is_none() && !unknown(resource, "name") => {
            notes.push(
                Finding::new(
                    Rule::PlanSchema,
                    node.span,
                    format!(
                        "{}: the argument \"name\" is required, but no definition was found",
                        resource.address
                    ),
                )
                .help("Terraform refuses a resource without its required arguments; give it a name"),
            );
            Spanned::default_at(resource.address.clone(), node.span)
        }
        None => {
            let span = attrs.span_of("name");
            notes.assumed(
                span,
                &resource.address,
                "its name is unknown until apply; cniplan calls it by its address".to_string(),
            );
            Spanned::default_at(resource.address.clone(), span)
        }
    }
}

#[cfg(test)]
mod tests;
