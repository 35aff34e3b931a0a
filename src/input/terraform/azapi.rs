//! AzAPI resources (docs/terraform.md#azapi): `azapi_resource` and `azapi_update_resource`
//! whose `type` is `Microsoft.Network/virtualNetworks` (and `/subnets`,
//! `/virtualNetworkPeerings`) or `Microsoft.ContainerService/managedClusters` (and
//! `/agentPools`) are the Azure resources their `body` describes, and are read as ARM's are:
//! by [`estate`], with the same identity (one resource ID, one resource).
//!
//! Each resource's ID is built as the AzAPI provider builds it, from `parent_id`, `type` and
//! `name`: `{parent}/providers/{type}/{name}` for a top-level type, `{parent}/{last type
//! segment}/{name}` for a child. What only apply knows is a stand-in: a `parent_id` that is an
//! `azurerm_resource_group`'s or another AzAPI resource's `id` is built from that resource in
//! turn (its name when known, else its address), so a subnet's ID extends its VNet's and a
//! pool's its cluster's, and two resources meet exactly when Azure would make them one.
//!
//! A subnet ID inside a body (`vnetSubnetID = azapi_resource.nodes.id`, unknown until apply)
//! is linked through what the value refers to, as azurerm pools are: an AzAPI subnet by its
//! ID, an `azurerm_subnet` by its address. `azapi_update_resource` patches the resource it
//! names, merged as the provider merges (objects key by key, lists of named items by name):
//! a patch is not a second declaration.

use super::azurerm::{Link, Linker};
use super::Resource;
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::input::arm::estate::{self, id_key, Kind};
use crate::input::arm::notes::Notes;
use crate::input::arm::value::{Kind as ValKind, Val};
use crate::input::tree::{Node, Value};
use crate::plan::model::Plan;
use crate::source::SourceFile;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What stands for the subscription of an ID built before apply (ARM's stand-in).
const SUBSCRIPTION: &str = crate::input::arm::SUBSCRIPTION_PLACEHOLDER;

/// Parents nest a few levels (group → VNet → subnet); a chain longer than this is a cycle
/// or hostile input.
const MAX_PARENTS: usize = 32;

/// Bodies nest a few levels; deeper is hostile input, read as unknown.
const MAX_DEPTH: usize = 64;

/// The AzAPI resources of a configuration or plan and what they declare.
pub struct Azapi {
    pub plan: Plan,
    pub findings: Vec<Finding>,
    /// Each AzAPI subnet read, by address, with its ID (what an azurerm pool writes to name
    /// it); subnets that could not be read are `None`.
    pub subnets: HashMap<String, Option<String>>,
    /// AzAPI subnets whose VNet is an azurerm VNet, by that VNet's address: they belong in it.
    pub adopted: Vec<(String, Vec<crate::plan::model::Subnet>)>,
}

/// Whether a resource type is one of AzAPI's (managed resources and patches).
pub fn is_azapi(kind: &str) -> bool {
    matches!(kind, "azapi_resource" | "azapi_update_resource")
}

/// A resource ID as it is being worked out: `Busy` while its parent is, so a `parent_id`
/// cycle ends.
#[derive(Clone)]
enum Slot {
    Busy,
    Done(Option<Id>),
}

/// A resource's ID, and the resource group in it when that is known.
#[derive(Clone)]
struct Id {
    id: String,
    group: Option<String>,
}

struct Index<'r, 'a> {
    resources: &'r [Resource<'a>],
    by_address: HashMap<&'r str, usize>,
    ids: HashMap<usize, Slot>,
}

impl<'r, 'a> Index<'r, 'a> {
    fn new(resources: &'r [Resource<'a>]) -> Self {
        let by_address = resources
            .iter()
            .enumerate()
            .map(|(i, r)| (r.address.as_str(), i))
            .collect();
        Index {
            resources,
            by_address,
            ids: HashMap::new(),
        }
    }

    fn get(&self, address: &str) -> Option<(usize, &'r Resource<'a>)> {
        self.by_address.get(address).map(|&i| (i, &self.resources[i]))
    }

    /// The ID of resource `i` (any type whose ID is worth building: AzAPI resources,
    /// azurerm resource groups, VNets and clusters), built once.
    fn id(&mut self, i: usize, depth: usize) -> Option<Id> {
        match self.ids.get(&i) {
            Some(Slot::Done(id)) => return id.clone(),
            Some(Slot::Busy) => return None,
            None => {}
        }
        if depth > MAX_PARENTS {
            return None;
        }
        self.ids.insert(i, Slot::Busy);
        let id = self.build(i, depth);
        self.ids.insert(i, Slot::Done(id.clone()));
        id
    }

    fn build(&mut self, i: usize, depth: usize) -> Option<Id> {
        let r = &self.resources[i];
        let text = |key: &str| r.values.get(key).and_then(Node::as_str).map(str::to_string);
        match r.kind.as_str() {
            "azapi_resource" | "azapi_update_resource" => {
                if let Some(id) = text("resource_id") {
                    return Some(known(id));
                }
                if r.values.get("resource_id").is_some() {
                    // Unknown until apply: [`update_target`] says what it names.
                    return None;
                }
                let kind = text("type")?;
                let kind = kind.split('@').next().unwrap_or_default().to_string();
                let name = text("name").unwrap_or_else(|| stand_in(&r.address));
                let parent = match text("parent_id") {
                    Some(p) => known(p),
                    None => self.referenced(r, "parent_id", depth).unwrap_or_else(|| Id {
                        id: format!("/<parent of {}>", stand_in(&r.address)),
                        group: None,
                    }),
                };
                Some(child_id(&parent, &kind, &name))
            }
            "azurerm_resource_group" => {
                let name = text("name").unwrap_or_else(|| stand_in(&r.address));
                Some(Id {
                    id: format!("/subscriptions/{SUBSCRIPTION}/resourceGroups/{name}"),
                    group: text("name"),
                })
            }
            "azurerm_virtual_network" | "azurerm_kubernetes_cluster" => {
                let kind = if r.kind == "azurerm_virtual_network" {
                    "Microsoft.Network/virtualNetworks"
                } else {
                    "Microsoft.ContainerService/managedClusters"
                };
                let group = text("resource_group_name");
                let parent = Id {
                    id: format!(
                        "/subscriptions/{SUBSCRIPTION}/resourceGroups/{}",
                        group.clone().unwrap_or_else(|| stand_in(&r.address))
                    ),
                    group,
                };
                let name = text("name").unwrap_or_else(|| stand_in(&r.address));
                Some(child_id(&parent, kind, &name))
            }
            _ => None,
        }
    }

    /// The ID of the first resource an argument refers to whose ID can be built.
    fn referenced(&mut self, r: &Resource<'_>, key: &str, depth: usize) -> Option<Id> {
        let refs = r.references.get(key)?.clone();
        refs.iter().find_map(|a| {
            let (j, _) = self.get(a)?;
            self.id(j, depth + 1)
        })
    }
}

fn known(id: String) -> Id {
    let group = estate::segment_after(&id, "resourceGroups").map(str::to_string);
    Id {
        id: id.trim_end_matches('/').to_string(),
        group,
    }
}

/// An address where an ID needs a name: no `/`, which would cut the ID.
fn stand_in(address: &str) -> String {
    address.replace('/', "_")
}

/// The ID AzAPI builds for `name` of `kind` under `parent` (parse.NewResourceID).
fn child_id(parent: &Id, kind: &str, name: &str) -> Id {
    let parent_id = parent.id.trim_end_matches('/');
    let segments: Vec<&str> = kind.split('/').collect();
    let id = if segments.len() > 2 {
        format!("{parent_id}/{}/{name}", segments[segments.len() - 1])
    } else if kind.eq_ignore_ascii_case("Microsoft.Resources/resourceGroups") {
        format!("{parent_id}/resourceGroups/{name}")
    } else {
        format!("{parent_id}/providers/{kind}/{name}")
    };
    let group = if kind.eq_ignore_ascii_case("Microsoft.Resources/resourceGroups") {
        Some(name.to_string())
    } else {
        parent.group.clone()
    };
    Id { id, group }
}

/// One AzAPI resource of a type cniplan reads, before the patches are merged into it.
struct Declared<'r, 'a> {
    r: &'r Resource<'a>,
    kind: Kind,
    id: Id,
    name: Spanned<String>,
    body: Val<'static>,
    notes: Notes,
}

/// Reads the AzAPI resources among `resources`; `link` says what an azurerm address or a
/// known subnet ID is to the azurerm mapping.
pub fn read(resources: &[Resource<'_>], link: &dyn Linker) -> Azapi {
    let mut index = Index::new(resources);
    let mut findings = Vec::new();
    let mut declared: Vec<Declared<'_, '_>> = Vec::new();
    let mut patches = Vec::new();
    let azapi: Vec<(usize, &Resource<'_>)> = resources
        .iter()
        .enumerate()
        .filter(|(_, r)| is_azapi(&r.kind) && !r.data)
        .collect();
    // Which subnets each VNet has (inline or as children), to link a reference to a VNet
    // that has exactly one.
    let mut subnets_of: HashMap<String, Vec<String>> = HashMap::new();
    let mut kinds: HashMap<usize, Kind> = HashMap::new();
    for &(i, r) in &azapi {
        let Some(kind) = type_of(r, &mut findings) else {
            continue;
        };
        kinds.insert(i, kind);
        let Some(id) = index.id(i, 0) else { continue };
        match kind {
            Kind::Subnet => subnets_of
                .entry(id_key(&estate::parent_id(&id.id)))
                .or_default()
                .push(id.id.clone()),
            Kind::Vnet => {
                let names = inline_names(r);
                subnets_of
                    .entry(id_key(&id.id))
                    .or_default()
                    .extend(names.into_iter().map(|n| format!("{}/subnets/{n}", id.id)));
            }
            _ => {}
        }
    }
    let mut ids_by_address: HashMap<&str, (Kind, String)> = HashMap::new();
    for &(i, r) in &azapi {
        if let (Some(&kind), Some(id)) = (kinds.get(&i), index.id(i, 0)) {
            ids_by_address.insert(&r.address, (kind, id.id));
        }
    }
    let targets = Targets {
        ids: &ids_by_address,
        subnets_of: &subnets_of,
        link,
    };
    for &(i, r) in &azapi {
        let Some(&kind) = kinds.get(&i) else { continue };
        let id = if r.kind == "azapi_update_resource" {
            update_target(i, r, kind, &mut index)
        } else {
            match index.id(i, 0) {
                Some(id) => Target::Id(id),
                None => continue,
            }
        };
        let mut notes = Notes::new(r.address.clone(), r.span);
        let Some(body) = body_of(r, &targets, &mut notes, &mut findings) else {
            findings.extend(notes.findings());
            continue;
        };
        if r.kind == "azapi_update_resource" {
            patches.push((r, kind, id, body, notes));
            continue;
        }
        let Target::Id(id) = id else { continue };
        let node = r.values.get("name");
        let name = match node.and_then(|n| n.as_str().map(|s| (s, n.span))) {
            Some((text, span)) => Spanned::new(text.to_string(), span),
            None => {
                let span = node.map_or(r.span, |n| n.span);
                notes.assume(
                    span,
                    "its name is unknown until apply; cniplan calls it by its address",
                );
                Spanned::default_at(r.address.clone(), span)
            }
        };
        declared.push(Declared {
            r,
            kind,
            id,
            name,
            body,
            notes,
        });
    }
    for (r, kind, target, body, notes) in patches {
        if let Target::Azurerm(address) = &target {
            // A patch that sets what the azurerm block already says changes nothing.
            let same = index
                .get(address)
                .is_some_and(|(_, t)| read_fields(&body).iter().all(|f| says_the_same(t, f, &body)));
            if same {
                findings.extend(notes.findings());
                continue;
            }
        }
        patch(&mut declared, r, kind, target, body, notes, &mut findings);
    }
    // azurerm clusters by their IDs: an AzAPI pool of one is named, not read.
    let azurerm_clusters: HashMap<String, String> = index
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == "azurerm_kubernetes_cluster" && !r.data)
        .filter_map(|(i, r)| Some((id_key(&index.id(i, 0)?.id), r.address.clone())))
        .collect();
    let declared: Vec<Declared<'_, '_>> = declared
        .into_iter()
        .filter_map(|mut d| {
            let cluster = (d.kind == Kind::Pool)
                .then(|| azurerm_clusters.get(&id_key(&estate::parent_id(&d.id.id))))
                .flatten();
            let Some(cluster) = cluster else {
                return Some(d);
            };
            d.notes.unresolve(
                d.name.span,
                format!("its cluster is `{cluster}`, an azurerm cluster: cniplan reads its pools from azurerm resources only, so this pool's nodes are not counted"),
            );
            findings.extend(d.notes.findings());
            None
        })
        .collect();
    let mut subnets = HashMap::new();
    let resources: Vec<estate::Resource<'static>> = declared
        .into_iter()
        .map(|d| {
            let parent = matches!(d.kind, Kind::Subnet | Kind::Peering | Kind::Pool)
                .then(|| estate::parent_id(&d.id.id));
            if d.kind == Kind::Subnet {
                subnets.insert(d.r.address.clone(), Some(d.id.id.clone()));
            }
            estate::Resource {
                kind: d.kind,
                id: d.id.id,
                name: d.name,
                parent,
                resource_group: d.id.group,
                body: d.body,
                notes: d.notes,
                deployed: None,
            }
        })
        .collect();
    // azurerm VNets by their IDs: an AzAPI subnet whose `parent_id` is one belongs in it.
    let azurerm_vnets: HashMap<String, String> = index
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == "azurerm_virtual_network" && !r.data)
        .filter_map(|(i, r)| Some((id_key(&index.id(i, 0)?.id), r.address.clone())))
        .collect();
    let elsewhere = |text: &str| link.holds(text);
    let vnet_elsewhere = |id: &str| azurerm_vnets.contains_key(&id_key(id));
    let options = estate::Options {
        dedupe: false,
        reserved: None,
        missing_vnet_help: "this configuration",
        missing_vnet_todo: "to check it, manage the VNet in this configuration (or read it with a `data` source of the same configuration)",
        elsewhere: Some(&elsewhere),
        vnet_elsewhere: Some(&vnet_elsewhere),
        texts: &[],
    };
    let (mut plan, mapped, _places) = estate::build(resources, &options);
    let mut adopted = Vec::new();
    plan.vnets.retain_mut(|v| {
        let owner = v
            .origin
            .as_ref()
            .and_then(|o| azurerm_vnets.get(&id_key(&o.resource)));
        match owner {
            Some(address) => {
                adopted.push((address.clone(), std::mem::take(&mut v.subnets)));
                false
            }
            None => true,
        }
    });
    findings.extend(mapped);
    // A subnet left out (its prefix unknown) is not linked from azurerm pools either.
    let read: HashSet<String> = plan
        .vnets
        .iter()
        .flat_map(|v| &v.subnets)
        .filter_map(|s| s.origin.as_ref().map(|o| id_key(&o.resource)))
        .collect();
    for id in subnets.values_mut() {
        if id.as_ref().is_some_and(|i| !read.contains(&id_key(i))) {
            *id = None;
        }
    }
    Azapi {
        plan,
        findings,
        subnets,
        adopted,
    }
}

/// The estate kind of an AzAPI resource's `type`, or `None` for types cniplan does not need
/// (a lock, a role assignment). A `type` only apply knows could be anything: said so.
fn type_of(r: &Resource<'_>, findings: &mut Vec<Finding>) -> Option<Kind> {
    let node = r.values.get("type");
    let Some(text) = node.and_then(Node::as_str) else {
        let at = node.map_or(r.span, |n| n.span);
        let refs = r
            .references
            .get("type")
            .and_then(|refs| refs.first())
            .map(|a| format!(" (it depends on `{a}`)"))
            .unwrap_or_default();
        findings.push(crate::input::arm::notes::unresolved(
            at,
            &r.address,
            &format!("its `type` is unknown until apply{refs}: cniplan cannot tell whether it declares a VNet, subnet, cluster or pool, so it is not read"),
        ));
        return None;
    };
    let kind = text.split('@').next().unwrap_or_default();
    if kind.eq_ignore_ascii_case("Microsoft.Resources/deployments") {
        findings.push(crate::input::arm::notes::unresolved(
            node.map_or(r.span, |n| n.span),
            &r.address,
            "an ARM deployment sent through AzAPI is not read: the VNets, subnets and clusters its template may declare are not checked; check the template itself",
        ));
        return None;
    }
    Kind::of_type(kind)
}

/// The names of the subnets a VNet's body writes inline.
fn inline_names(r: &Resource<'_>) -> Vec<String> {
    let Some(body) = r.values.get("body") else {
        return Vec::new();
    };
    let subnets = body
        .get("properties")
        .and_then(|p| p.get("subnets"))
        .or_else(|| body.get("subnets"));
    subnets
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(|s| s.get("name").and_then(Node::as_str).map(str::to_string))
        .collect()
}

/// What a reference inside a body may name.
struct Targets<'t> {
    ids: &'t HashMap<&'t str, (Kind, String)>,
    subnets_of: &'t HashMap<String, Vec<String>>,
    link: &'t dyn Linker,
}

/// What a subnet reference comes to.
enum Found {
    /// What to write: an AzAPI subnet's ID, an azurerm subnet's address.
    Subnet(String),
    /// Why it stays unknown.
    Unclear(String),
    Nothing,
}

impl Targets<'_> {
    /// The subnet one address names: an AzAPI subnet, a VNet with one subnet, an azurerm
    /// subnet.
    fn subnet(&self, address: &str) -> Found {
        if let Some((kind, id)) = self.ids.get(address) {
            return match kind {
                Kind::Subnet => Found::Subnet(id.clone()),
                Kind::Vnet => match self.subnets_of.get(&id_key(id)).map(Vec::as_slice) {
                    Some([only]) => Found::Subnet(only.clone()),
                    _ => Found::Unclear(format!(
                        "it is built from the ID of the VNet `{address}`, which has several subnets: cniplan cannot tell which"
                    )),
                },
                _ => Found::Nothing,
            };
        }
        match self.link.link(address) {
            Link::To(written) => Found::Subnet(written),
            Link::Unreadable => Found::Unclear(format!("its subnet `{address}` is not read")),
            Link::Missing => Found::Nothing,
        }
    }

    /// The subnet a value refers to: the first of its references that is one. With only the
    /// whole body's references (plan JSON), the one subnet they name, when the body has one
    /// subnet ID to fill (`fields`): two IDs and two subnets cannot be told apart.
    fn subnet_of(&self, refs: &[String], whole_body: bool, fields: usize) -> Found {
        if !whole_body {
            for address in refs {
                match self.subnet(address) {
                    Found::Nothing => {}
                    found => return found,
                }
            }
            return Found::Nothing;
        }
        let mut found: Vec<String> = Vec::new();
        let mut unclear = None;
        for address in refs {
            match self.subnet(address) {
                Found::Subnet(s) if !found.contains(&s) => found.push(s),
                Found::Unclear(why) => unclear = Some(why),
                _ => {}
            }
        }
        match (found.as_slice(), unclear) {
            ([], None) => Found::Nothing,
            ([], Some(why)) => Found::Unclear(why),
            ([only], None) if fields == 1 => Found::Subnet(only.clone()),
            _ => Found::Unclear(
                "the plan names the references of the whole body only, and the body holds several subnet IDs known only after apply: cniplan cannot tell which is which (check the `.tf` configuration, which says)"
                    .to_string(),
            ),
        }
    }
}

/// The body of a resource as ARM reads it, with subnet references linked; `None` (with a
/// note or a finding) when there is no body to read.
fn body_of(
    r: &Resource<'_>,
    targets: &Targets<'_>,
    notes: &mut Notes,
    findings: &mut Vec<Finding>,
) -> Option<Val<'static>> {
    let Some(body) = r.values.get("body") else {
        // A patch without a body changes no property (AVM's peering sync sends only query
        // parameters); a resource without one declares nothing cniplan can check.
        if r.kind != "azapi_update_resource" {
            notes.unresolve(r.span, "it has no `body`, so there is nothing of it to check");
        }
        return None;
    };
    let mut reader = BodyReader {
        r,
        targets,
        unknown: r.unknown.iter().map(String::as_str).collect(),
        // Plan JSON names the whole body's references only; a `.tf` reading names each
        // value's.
        whole_body: !r
            .references
            .keys()
            .any(|k| k.starts_with("body.") || k.starts_with("body[")),
        over: None,
        fields: 0,
    };
    reader.fields = reader.subnet_fields(body, "body", 0);
    match &body.value {
        Value::Null if reader.unknown.contains("body") => {
            let why = reader.why("body");
            notes.unresolve(
                body.span,
                format!("its `body` is unknown until apply (it depends on {why}), so it is not read"),
            );
            None
        }
        Value::Null => {
            notes.unresolve(
                body.span,
                "its `body` is null, so there is nothing of it to check",
            );
            None
        }
        Value::Str(text) => {
            // azapi v1, and `jsonencode()` kept in a local: the body is JSON text, whose
            // values are placed at the attribute.
            let source = SourceFile::new(r.address.clone(), text.to_string());
            match crate::input::json::parse(&source, body.span.file) {
                Ok(doc) => {
                    let root = doc.root.as_ref()?;
                    reader.over = Some(body.span);
                    Some(reader.val(root, "body", "body", 0))
                }
                Err(e) => {
                    findings.push(
                        Finding::new(
                            Rule::PlanSchema,
                            body.span,
                            format!(
                                "{}: `body` is a string that is not JSON ({}, at byte {}): AzAPI refuses it",
                                r.address, e.message, e.span.start
                            ),
                        )
                        .help("write the body as an object (azapi v2), or as `jsonencode({...})` of one"),
                    );
                    None
                }
            }
        }
        Value::Map(_) => Some(reader.val(body, "body", "body", 0)),
        _ => {
            findings.push(
                Finding::new(
                    Rule::PlanSchema,
                    body.span,
                    format!("{}: `body` is {}, not an object", r.address, body.describe()),
                )
                .help("an AzAPI body is the resource's JSON object, `{ properties = { ... } }`"),
            );
            None
        }
    }
}

struct BodyReader<'b, 'r, 'a> {
    r: &'b Resource<'a>,
    targets: &'b Targets<'r>,
    unknown: HashSet<&'b str>,
    whole_body: bool,
    /// Where every value is placed when the body is JSON text.
    over: Option<Span>,
    /// How many subnet IDs in the body are unknown until apply.
    fields: usize,
}

impl BodyReader<'_, '_, '_> {
    /// The references of a value, at its own path or (plan JSON) the whole body's.
    fn refs(&self, indexed: &str) -> &[String] {
        let own = self.r.references.get(indexed);
        match own {
            Some(refs) => refs,
            None if self.whole_body => self.r.references.get("body").map_or(&[], Vec::as_slice),
            None => &[],
        }
    }

    /// How many subnet IDs under `node` are unknown until apply.
    fn subnet_fields(&self, node: &Node<'_>, plain: &str, depth: usize) -> usize {
        if depth > MAX_DEPTH {
            return 0;
        }
        match &node.value {
            Value::Null => usize::from(self.unknown.contains(plain) && is_subnet_key(plain)),
            Value::Seq(items) => items
                .iter()
                .map(|i| self.subnet_fields(i, plain, depth + 1))
                .sum(),
            Value::Map(entries) => entries
                .iter()
                .map(|e| self.subnet_fields(&e.value, &format!("{plain}.{}", e.key), depth + 1))
                .sum(),
            _ => 0,
        }
    }

    /// What an unknown value depends on, for a note.
    fn why(&self, indexed: &str) -> String {
        match self.r.references.get(indexed).and_then(|r| r.first()) {
            Some(a) => format!("`{a}`"),
            None => "values known only after apply".to_string(),
        }
    }

    fn val(&self, node: &Node<'_>, indexed: &str, plain: &str, depth: usize) -> Val<'static> {
        let span = self.over.unwrap_or(node.span);
        if depth > MAX_DEPTH {
            return Val::unknown("a body nested deeper than any Azure resource", span);
        }
        match &node.value {
            Value::Null if self.over.is_none() && self.unknown.contains(plain) => {
                if is_subnet_key(plain) {
                    match self
                        .targets
                        .subnet_of(self.refs(indexed), self.whole_body, self.fields)
                    {
                        Found::Subnet(s) => return Val::str(s, span),
                        Found::Unclear(why) => return Val::unknown(why, span),
                        Found::Nothing => {}
                    }
                }
                if plain.ends_with("remoteVirtualNetwork.id") {
                    let vnet = self
                        .refs(indexed)
                        .iter()
                        .find_map(|a| self.targets.ids.get(a.as_str()).filter(|(k, _)| *k == Kind::Vnet));
                    if let Some((_, id)) = vnet {
                        return Val::str(id.clone(), span);
                    }
                }
                Val::unknown(self.why(indexed), span)
            }
            Value::Null | Value::Taken => Val::null(span),
            Value::Bool(b) => Val::bool(*b, span),
            Value::Int(n) => match i64::try_from(*n) {
                Ok(n) => Val::int(n, span),
                Err(_) => Val::unknown(
                    crate::input::arm::value::literal_number(&n.to_string(), true),
                    span,
                ),
            },
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9e15 => Val::int(*f as i64, span),
            Value::Float(f) => Val::unknown(
                crate::input::arm::value::literal_number(&f.to_string(), f.fract() == 0.0),
                span,
            ),
            Value::Str(s) => Val::str(Rc::from(s.as_ref()), span),
            Value::Seq(items) => Val::array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.val(item, &format!("{indexed}[{i}]"), plain, depth + 1))
                    .collect(),
                span,
            ),
            Value::Map(entries) => Val::object(
                entries
                    .iter()
                    .map(|e| {
                        let key: Rc<str> = Rc::from(e.key.as_ref());
                        let value = self.val(
                            &e.value,
                            &format!("{indexed}.{key}"),
                            &format!("{plain}.{key}"),
                            depth + 1,
                        );
                        (key, value)
                    })
                    .collect(),
                span,
            ),
        }
    }
}

/// What an `azapi_update_resource` patches.
enum Target {
    /// The resource with this ID.
    Id(Id),
    /// An azurerm resource, read as its own block declares it.
    Azurerm(String),
    /// Known only at apply; why.
    Unknown(String),
}

/// The equivalent of an azurerm resource type among the Azure types cniplan reads.
fn azurerm_kind(kind: &str) -> Option<Kind> {
    Some(match kind {
        "azurerm_virtual_network" => Kind::Vnet,
        "azurerm_subnet" => Kind::Subnet,
        "azurerm_virtual_network_peering" => Kind::Peering,
        "azurerm_kubernetes_cluster" => Kind::Cluster,
        "azurerm_kubernetes_cluster_node_pool" => Kind::Pool,
        _ => return None,
    })
}

/// What a patch whose `resource_id` is unknown until apply names: the resource it refers to
/// when that is of the patch's type (`resource_id = azapi_resource.vnet.id`); a child of it
/// (`"${azurerm_kubernetes_cluster.main.id}/agentPools/x"`) is not told apart.
fn update_target(i: usize, r: &Resource<'_>, kind: Kind, index: &mut Index<'_, '_>) -> Target {
    let written = |key: &str| r.values.get(key).and_then(Node::as_str);
    if r.values.get("resource_id").is_none() || written("resource_id").is_some() {
        // By `resource_id` as written, or by `parent_id`, `type` and `name`; a parent that
        // is an azurerm resource makes the target one of its parts, read by the azurerm
        // mapping.
        if written("parent_id").is_none() {
            let parent = r.references.get("parent_id").and_then(|refs| {
                refs.iter()
                    .find_map(|a| index.get(a).filter(|(_, t)| azurerm_kind(&t.kind).is_some()))
            });
            if let Some((_, parent)) = parent {
                let name = written("name").unwrap_or("?");
                return Target::Azurerm(format!("{name}` of `{}", parent.address));
            }
        }
        return match index.id(i, 0) {
            Some(id) => Target::Id(id),
            None => Target::Unknown("its ID is unknown until apply".to_string()),
        };
    }
    let refs = r.references.get("resource_id").cloned().unwrap_or_default();
    for address in &refs {
        let Some((j, target)) = index.get(address) else {
            continue;
        };
        if is_azapi(&target.kind) {
            let same = target
                .values
                .get("type")
                .and_then(Node::as_str)
                .and_then(|t| Kind::of_type(t.split('@').next().unwrap_or_default()))
                == Some(kind);
            if same {
                if let Some(id) = index.id(j, 0) {
                    return Target::Id(id);
                }
            }
        } else if azurerm_kind(&target.kind) == Some(kind) {
            return Target::Azurerm(target.address.clone());
        }
    }
    let on = refs
        .first()
        .map(|a| format!(" (it depends on `{a}`)"))
        .unwrap_or_default();
    Target::Unknown(format!("its `resource_id` is unknown until apply{on}"))
}

/// Whether an azurerm resource's own attribute says what a patch's property `field` sets
/// (`kubernetes_version` for `kubernetesVersion`).
fn says_the_same(azurerm: &Resource<'_>, field: &str, body: &Val<'_>) -> bool {
    let attribute = match field {
        "kubernetesVersion" => "kubernetes_version",
        _ => return false,
    };
    let patched = body
        .get("properties")
        .and_then(|p| p.get(field))
        .and_then(|v| v.as_str().map(str::to_string));
    let declared = azurerm.values.get(attribute).and_then(Node::as_str);
    patched.is_some() && patched.as_deref() == declared
}

/// The properties a patch sets that cniplan reads, by name; what else it sets changes
/// nothing cniplan checks.
fn read_fields(body: &Val<'_>) -> Vec<String> {
    const READ: &[&str] = &[
        "addressSpace",
        "subnets",
        "addressPrefix",
        "addressPrefixes",
        "delegations",
        "virtualNetworkPeerings",
        "remoteVirtualNetwork",
        "networkProfile",
        "agentPoolProfiles",
        "kubernetesVersion",
        "nodeProvisioningProfile",
        "addonProfiles",
        "count",
        "minCount",
        "maxCount",
        "enableAutoScaling",
        "maxPods",
        "vnetSubnetID",
        "podSubnetID",
        "osType",
        "osSKU",
        "upgradeSettings",
        "podIPAllocationMode",
        "apiServerAccessProfile",
    ];
    let mut out = Vec::new();
    for scope in [body.get("properties"), Some(body.clone())].into_iter().flatten() {
        for (k, v) in scope.entries().unwrap_or_default() {
            if !v.is_null()
                && READ.iter().any(|r| r.eq_ignore_ascii_case(&k))
                && !out.contains(&k.to_string())
            {
                out.push(k.to_string());
            }
        }
    }
    out
}

/// Whether a body path ends in a pool's subnet ID.
fn is_subnet_key(plain: &str) -> bool {
    let (parent, key) = plain.rsplit_once('.').unwrap_or(("", plain));
    let parent = parent.rsplit('.').next().unwrap_or_default();
    ["vnetSubnetID", "podSubnetID"]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(key))
        // API Server VNet Integration's subnet (`apiServerAccessProfile.subnetId`).
        || (key.eq_ignore_ascii_case("subnetId") && parent.eq_ignore_ascii_case("apiServerAccessProfile"))
}

/// Merges a patch into the resource it names: the declared resource with its ID, or a pool
/// or subnet written inline in one. A patch of what this input does not read that changes
/// what cniplan checks is said so.
fn patch(
    declared: &mut [Declared<'_, '_>],
    r: &Resource<'_>,
    kind: Kind,
    target: Target,
    body: Val<'static>,
    notes: Notes,
    findings: &mut Vec<Finding>,
) {
    let fields = read_fields(&body);
    let listed = fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let at = r
        .values
        .get("resource_id")
        .or_else(|| r.values.get("parent_id"))
        .map_or(r.span, |n| n.span);
    let mut notes = notes;
    let id = match target {
        Target::Id(id) => id,
        Target::Azurerm(address) => {
            if !fields.is_empty() {
                notes.unresolve(
                    at,
                    format!("it patches {listed} of `{address}`, which cniplan reads as its own block declares it: the patched values are not checked"),
                );
            }
            findings.extend(notes.findings());
            return;
        }
        Target::Unknown(why) => {
            if !fields.is_empty() {
                notes.unresolve(at, format!("{why}, so the {listed} it patches are not checked"));
            }
            findings.extend(notes.findings());
            return;
        }
    };
    let key = id_key(&id.id);
    if let Some(d) = declared.iter_mut().find(|d| id_key(&d.id.id) == key) {
        d.body = merge(std::mem::replace(&mut d.body, Val::null(Span::default())), body);
        findings.extend(notes.findings());
        return;
    }
    // A child written inline in its parent's body: `agentPoolProfiles`, `subnets`.
    let inline = match kind {
        Kind::Pool => Some(("agentPoolProfiles", Kind::Cluster)),
        Kind::Subnet => Some(("subnets", Kind::Vnet)),
        _ => None,
    };
    if let Some((list, parent_kind)) = inline {
        let parent = id_key(&estate::parent_id(&id.id));
        let name = id.id.rsplit('/').next().unwrap_or_default().to_string();
        if let Some(d) = declared
            .iter_mut()
            .find(|d| d.kind == parent_kind && id_key(&d.id.id) == parent)
        {
            if let Some(merged) = merge_inline(&d.body, list, &name, &body) {
                d.body = merged;
                findings.extend(notes.findings());
                return;
            }
        }
    }
    if !fields.is_empty() {
        notes.unresolve(
            at,
            format!(
                "it patches {listed} of `{}`, which this input does not declare: the patch alone is not checked",
                id.id
            ),
        );
    }
    findings.extend(notes.findings());
}

/// The body with the item of `list` (under `properties`) named `name` merged with `patch`'s
/// properties; `None` when there is no such item.
fn merge_inline(body: &Val<'static>, list: &str, name: &str, patch: &Val<'static>) -> Option<Val<'static>> {
    let properties = body.get("properties")?;
    let items = properties.get(list)?.items()?;
    let at = items.iter().position(|item| {
        item.get("name")
            .and_then(|n| n.as_str().map(|s| s.eq_ignore_ascii_case(name)))
            .unwrap_or(false)
    })?;
    // A child resource's properties are the inline item's fields (an agent pool's), or its
    // `properties` (a subnet's).
    let patch_fields = match list {
        "agentPoolProfiles" => patch.get("properties").unwrap_or_else(|| patch.clone()),
        _ => patch.clone(),
    };
    let mut items = items;
    items[at] = merge(items[at].clone(), patch_fields);
    let list_val = Val::array(items, properties.get(list).map_or(properties.span, |l| l.span));
    let properties = set(&properties, list, list_val);
    Some(set(body, "properties", properties))
}

/// An object with `key` set to `value`.
fn set(object: &Val<'static>, key: &str, value: Val<'static>) -> Val<'static> {
    let mut entries = object.entries().unwrap_or_default();
    match entries.iter_mut().find(|(k, _)| k.as_ref() == key) {
        Some(entry) => entry.1 = value,
        None => entries.push((Rc::from(key), value)),
    }
    Val::object(entries, object.span)
}

/// The provider's merge of a patch into what exists (utils.MergeObject): objects key by key,
/// lists of named items by name, lists of the same length item by item; anything else is
/// the patch's value.
fn merge(old: Val<'static>, new: Val<'static>) -> Val<'static> {
    if new.is_null() {
        return old;
    }
    match (&old.kind, &new.kind) {
        (ValKind::Object(_), ValKind::Object(_)) => {
            let mut entries = old.entries().unwrap_or_default();
            for (k, v) in new.entries().unwrap_or_default() {
                match entries.iter_mut().find(|(e, _)| *e == k) {
                    Some(entry) => entry.1 = merge(entry.1.clone(), v),
                    None => entries.push((k, v)),
                }
            }
            Val::object(entries, old.span)
        }
        (ValKind::Array(a), ValKind::Array(b)) if !a.is_empty() && !b.is_empty() => {
            let named = |v: &Val<'_>| v.get("name").and_then(|n| n.as_str().map(str::to_string));
            let (old_items, new_items) = (old.items().unwrap_or_default(), new.items().unwrap_or_default());
            if named(&old_items[0]).is_some() && named(&new_items[0]).is_some() {
                let mut used = vec![false; new_items.len()];
                let mut out = Vec::with_capacity(old_items.len());
                for item in old_items {
                    let found = new_items
                        .iter()
                        .enumerate()
                        .find(|(i, n)| !used[*i] && named(n).is_some() && named(n) == named(&item));
                    match found {
                        Some((i, n)) => {
                            used[i] = true;
                            out.push(merge(item, n.clone()));
                        }
                        None => out.push(item),
                    }
                }
                out.extend(
                    new_items
                        .into_iter()
                        .zip(used)
                        .filter(|(_, u)| !u)
                        .map(|(n, _)| n),
                );
                return Val::array(out, old.span);
            }
            if old_items.len() == new_items.len() {
                let out = old_items
                    .into_iter()
                    .zip(new_items)
                    .map(|(o, n)| merge(o, n))
                    .collect();
                return Val::array(out, old.span);
            }
            new
        }
        _ => new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Id {
        known(s.to_string())
    }

    #[test]
    fn ids_are_built_as_the_provider_builds_them() {
        let rg = id("/subscriptions/s/resourceGroups/rg");
        let vnet = child_id(&rg, "Microsoft.Network/virtualNetworks", "v");
        assert_eq!(
            vnet.id,
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
        );
        assert_eq!(vnet.group.as_deref(), Some("rg"));
        let subnet = child_id(&vnet, "Microsoft.Network/virtualNetworks/subnets", "s");
        assert_eq!(subnet.id, format!("{}/subnets/s", vnet.id));
        let group = child_id(&id("/subscriptions/s"), "Microsoft.Resources/resourceGroups", "g");
        assert_eq!(group.id, "/subscriptions/s/resourceGroups/g");
        assert_eq!(group.group.as_deref(), Some("g"));
    }

    #[test]
    fn patches_merge_objects_by_key_and_named_lists_by_name() {
        let s = Span::default();
        let obj = |e: Vec<(&str, Val<'static>)>| {
            Val::object(e.into_iter().map(|(k, v)| (Rc::from(k), v)).collect(), s)
        };
        let old = obj(vec![(
            "p",
            Val::array(
                vec![
                    obj(vec![("name", Val::str("a", s)), ("n", Val::int(1, s))]),
                    obj(vec![("name", Val::str("b", s)), ("n", Val::int(2, s))]),
                ],
                s,
            ),
        )]);
        let new = obj(vec![(
            "p",
            Val::array(
                vec![obj(vec![("name", Val::str("b", s)), ("n", Val::int(5, s))])],
                s,
            ),
        )]);
        let merged = merge(old, new);
        let items = merged.get("p").unwrap().items().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].get("n").unwrap().as_int(), Some(1));
        assert_eq!(items[1].get("n").unwrap().as_int(), Some(5));
    }
}
