//! az CLI exports → the typed plan (docs/arm-bicep-az.md, `--input az`):
//! `az network vnet list|show`, `az network vnet subnet list`, `az aks list|show`,
//! `az aks nodepool list`, as az prints them (camelCase, flattened, nulls written out) or as
//! the REST API returns them (`properties`-wrapped, lists as `{"value": […]}`). All files of
//! one run form one estate: a resource printed by two commands is read once, and a cluster's
//! pools link to the exported subnets by resource ID.

mod nics;

use super::arm::estate::{self, parent_id, segment_after, Kind, Resource};
use super::arm::notes::Notes;
use super::arm::value::Val;
use super::{json, Loaded};
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::input::tree::{Document, Node, Value};
use crate::source::SourceFile;

pub fn read(sources: &[SourceFile]) -> Result<Loaded, Vec<Finding>> {
    let mut docs: Vec<Document<'_>> = Vec::new();
    let mut errors = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        match json::parse(source, i as u32) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(
                Finding::new(Rule::PlanSyntax, e.span, e.message)
                    .help("az prints JSON with `-o json`; fix the file or export it again"),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut resources = Vec::new();
    let mut findings: Vec<Finding> = docs
        .iter()
        .flat_map(|d| json::repeated_keys(&d.repeated))
        .collect();
    for (i, doc) in docs.iter().enumerate() {
        let before = resources.len();
        if let Some(root) = &doc.root {
            // A REST list answers one page at a time: what `nextLink` points at is not here.
            if let Some(next) = root
                .get("nextLink")
                .filter(|n| n.as_str().is_some_and(|s| !s.is_empty()))
            {
                findings.push(
                    Finding::new(
                        Rule::UnresolvedInput,
                        next.span,
                        "this REST list is one page of several (`nextLink`): the resources on the other pages are not in this input, so the estate may be incomplete",
                    )
                    .help("export with `az … list -o json`, which follows every page, or add each page's file to the run"),
                );
            }
            for item in items(root) {
                if let Some(r) = resource(item) {
                    resources.push(r);
                }
            }
        }
        if resources.len() == before {
            let span = doc
                .root
                .as_ref()
                .map_or(Span::in_file(i as u32, 0, 0), |r| r.span);
            findings.push(
                Finding::new(Rule::PlanSchema, span, "no VNet, subnet, cluster or node pool in this file")
                    .help("export them with `az network vnet list -o json`, `az aks list -o json`, `az aks nodepool list … -o json`"),
            );
        }
    }
    let nics = nics::NodeNics::new(&resources);
    let options = estate::Options {
        dedupe: true,
        reserved: Some(&nics),
        missing_vnet_help: "the export (add `az network vnet list -o json` to it)",
        missing_vnet_todo: "to check it, add the VNet to the export",
        elsewhere: None,
        vnet_elsewhere: None,
        texts: &[],
    };
    let (plan, mapped, places) = estate::build(resources, &options);
    findings.extend(mapped);
    Ok(Loaded {
        plan,
        aliases: Vec::new(),
        notes: findings,
        resources: places,
    })
}

/// The resources a file holds: a list (`az … list`), a REST list (`{"value": […]}`), one
/// resource (`az … show`), or a REST API example (`{"responses": {"200": {"body": …}}}`).
fn items<'n, 'a>(root: &'n Node<'a>) -> Vec<&'n Node<'a>> {
    match &root.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => {
            if let Some(list) = root.get("value").filter(|v| matches!(v.value, Value::Seq(_))) {
                return list.items().iter().collect();
            }
            let body = root
                .get("responses")
                .and_then(|r| r.get("200"))
                .and_then(|r| r.get("body"));
            match body {
                Some(body) => items(body),
                None => vec![root],
            }
        }
        _ => Vec::new(),
    }
}

/// One exported resource: its kind from `type` (or, without one, from its ID).
fn resource<'a>(node: &'a Node<'a>) -> Option<Resource<'a>> {
    let id = node.get("id").and_then(Node::as_str)?;
    let kind = node
        .get("type")
        .and_then(Node::as_str)
        .and_then(Kind::of_type)
        .or_else(|| kind_from_id(id))?;
    let name = node
        .get("name")
        .and_then(|n| n.as_str().map(|s| Spanned::new(s.to_string(), n.span)));
    let name =
        name.unwrap_or_else(|| Spanned::new(id.rsplit('/').next().unwrap_or(id).to_string(), node.span));
    let resource_group = node
        .get("resourceGroup")
        .and_then(Node::as_str)
        .or_else(|| segment_after(id, "resourceGroups"))
        .map(str::to_string);
    let parent = matches!(kind, Kind::Subnet | Kind::Peering | Kind::Pool).then(|| parent_id(id));
    Some(Resource {
        kind,
        id: id.to_string(),
        notes: Notes::new(format!("`{id}`"), name.span),
        name,
        parent,
        resource_group,
        body: Val::json(node),
        deployed: None,
    })
}

/// An item without `type` (some az versions drop it from list output): its ID says.
fn kind_from_id(id: &str) -> Option<Kind> {
    let segments: Vec<&str> = id.trim_end_matches('/').split('/').collect();
    let n = segments.len();
    let kind = segments.get(n.checked_sub(2)?)?.to_ascii_lowercase();
    let parent = n
        .checked_sub(4)
        .and_then(|i| segments.get(i))
        .map(|s| s.to_ascii_lowercase());
    match (kind.as_str(), parent.as_deref()) {
        ("subnets", Some("virtualnetworks")) => Some(Kind::Subnet),
        ("virtualnetworkpeerings", Some("virtualnetworks")) => Some(Kind::Peering),
        ("agentpools", Some("managedclusters")) => Some(Kind::Pool),
        ("virtualnetworks", _) => Some(Kind::Vnet),
        ("managedclusters", _) => Some(Kind::Cluster),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_ids_without_type() {
        let id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/p";
        assert_eq!(kind_from_id(id), Some(Kind::Subnet));
        assert_eq!(kind_from_id(&parent_id(id)), Some(Kind::Vnet));
        let pool = "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c/agentPools/np";
        assert_eq!(kind_from_id(pool), Some(Kind::Pool));
        assert_eq!(kind_from_id("/x"), None);
    }
}
