//! Azure resources → the typed plan: what the ARM reader evaluates and what az exports
//! hold are the same resources (the REST API's, `properties`-wrapped or flattened), so one
//! mapping serves both. VNets and clusters are identified by resource ID, compared without
//! case as Azure compares them; a pool is linked to its subnets through their IDs.

use super::cluster::Clusters;
use super::fields::{depends, field, Got, Reader};
use super::notes::Notes;
use super::order::{Deployed, Sequence};
use super::value::{Kind as ValKind, Val};
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::input::ResourcePlace;
use crate::plan::model::{self, Origin, Plan};
use crate::plan::reference::{self, SubnetRef};
use foldhash::{HashMap, HashMapExt};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Vnet,
    Subnet,
    Peering,
    Cluster,
    Pool,
}

impl Kind {
    /// The kind of an ARM resource type, compared without case (REST returns
    /// `Microsoft.ContainerService/ManagedClusters`).
    pub fn of_type(kind: &str) -> Option<Kind> {
        match kind.to_ascii_lowercase().as_str() {
            "microsoft.network/virtualnetworks" => Some(Kind::Vnet),
            "microsoft.network/virtualnetworks/subnets" => Some(Kind::Subnet),
            "microsoft.network/virtualnetworks/virtualnetworkpeerings" => Some(Kind::Peering),
            "microsoft.containerservice/managedclusters" => Some(Kind::Cluster),
            "microsoft.containerservice/managedclusters/agentpools" => Some(Kind::Pool),
            _ => None,
        }
    }
}

/// One resource as a reader found it.
pub struct Resource<'a> {
    pub kind: Kind,
    /// Its Azure resource ID: as exported, or as the template's scope builds it.
    pub id: String,
    /// Its own name (the last segment of a child's `parent/child`).
    pub name: Spanned<String>,
    /// The parent's resource ID, for subnets, peerings and agent pools.
    pub parent: Option<String>,
    pub resource_group: Option<String>,
    /// The resource object: fields are read under `properties` or beside it.
    pub body: Val<'a>,
    /// Its label and place, with what the reader already had to assume.
    pub notes: Notes,
    /// The deployment of a template that declares it (`None` in an export).
    pub deployed: Option<Deployed>,
}

/// How a subnet's `ipConfigurations` become `reserved_ips` (az exports only).
pub trait ReservedIps {
    fn reserved(&self, subnet: &Val<'_>) -> Option<Spanned<u32>>;
}

pub struct Options<'o> {
    /// Resources named twice (`az network vnet list` and `az network vnet subnet list`
    /// both print a subnet) are read once, the first time.
    pub dedupe: bool,
    pub reserved: Option<&'o dyn ReservedIps>,
    /// What to tell a user whose input lacks a VNet: "this template", "the export".
    pub missing_vnet_help: &'static str,
    /// What to do about it: "check it with the template that declares the VNet, …".
    pub missing_vnet_todo: &'static str,
    /// Whether a pool's subnet reference names a subnet another mapping of the same input
    /// holds (the azurerm subnets of a configuration whose clusters are AzAPI's).
    pub elsewhere: Option<&'o dyn Fn(&str) -> bool>,
    /// Whether a VNet that a subnet names by ID but this input's resources do not declare is
    /// held by another mapping of the same input (an azurerm VNet with AzAPI subnets): its
    /// stand-in is then made without a note, for the caller to merge.
    pub vnet_elsewhere: Option<&'o dyn Fn(&str) -> bool>,
    /// The texts of the files read (by span's file), to call a resource whose name is known
    /// only when deployed by the expression that computes it; empty where nothing is computed.
    pub texts: &'o [&'o str],
}

/// How a subnet was declared: inline in its VNet's `subnets`, as a `virtualNetworks/subnets`
/// resource (a template's child), or in an az export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Inline,
    Child,
    Export,
}

#[derive(Clone)]
pub(super) struct Declared {
    vnet: usize,
    index: usize,
    form: Form,
    deployed: Option<Deployed>,
}

/// Which of two declarations of one ID (`first` read before `second`) Azure ends with, and
/// why; `second_last` is false only when the first certainly deploys after the second.
pub(super) fn last_deployed(first: Option<&Deployed>, second: Option<&Deployed>) -> Option<(bool, String)> {
    let (first, second) = (first?, second?);
    if first.index == second.index && std::rc::Rc::ptr_eq(&first.order, &second.order) {
        return None;
    }
    let (a, b) = (first.name(), second.name());
    if let Some((at_a, at_b)) = Deployed::listed(first, second) {
        // Named as the configuration names them (a nested deployment runs inside its own).
        let (a, b) = (first.order.name(0), second.order.name(0));
        let (earlier, later) = if at_b > at_a { (&a, &b) } else { (&b, &a) };
        return Some((
            at_b > at_a,
            format!("`.cniplan.yaml` deploys `{later}` after `{earlier}`"),
        ));
    }
    Some(match Deployed::sequence(first, second) {
        Sequence::After => (true, format!("deployment `{b}` deploys after `{a}` (`dependsOn` or a serial copy loop orders them)")),
        Sequence::Before => (false, format!("deployment `{a}` deploys after `{b}` (`dependsOn` or a serial copy loop orders them)")),
        Sequence::Either => (
            true,
            format!("nothing orders deployments `{a}` and `{b}` (no `dependsOn`, no serial copy loop), so ARM runs them in parallel and either may end last; the later one in the template is kept"),
        ),
    })
}

/// The `conflicting-declarations` finding for a second declaration of one subnet ID, when
/// its prefix differs from the first's; `None` when they agree (one subnet, said once).
fn conflict(
    first: &model::Subnet,
    second: &model::Subnet,
    was: Form,
    now: Form,
    order: Option<&(bool, String)>,
) -> Option<Finding> {
    let (a, b) = (prefixes(first), prefixes(second));
    if a.eq_ignore_ascii_case(&b) {
        return None;
    }
    let (a, b) = (a.as_str(), b.as_str());
    let name = &second.name.value;
    let id = second
        .origin
        .as_ref()
        .map_or(name.as_str(), |o| o.resource.as_str());
    let (last, why) = match (was, now, order) {
        (_, Form::Export, _) => (a, "an export is a snapshot: the two copies were read at different times; the first is kept"),
        (_, _, Some((second_last, why))) => (if *second_last { b } else { a }, why.as_str()),
        (Form::Inline, Form::Child, None) => (
            b,
            "the child resource deploys after the VNet it belongs to; the VNet's next deployment sets the inline prefix again",
        ),
        _ => (
            b,
            "ARM deploys the two in either order unless one depends on the other; the later one here is kept",
        ),
    };
    Some(
        Finding::new(
            Rule::ConflictingDeclarations,
            second.cidr.span,
            format!(
                "subnet `{name}` ({id}) is declared twice with different prefixes, {b} here and {a} before; Azure ends with {last}: {why}"
            ),
        )
        .related(first.cidr.span, format!("`{name}` is declared with {a} here"))
        .help("declare each subnet once, in its VNet's `subnets` or as a `virtualNetworks/subnets` resource, with the prefix it should have"),
    )
}

/// A subnet's prefixes as written, for messages and comparison: "10.0.0.0/24, 10.0.1.0/24".
fn prefixes(subnet: &model::Subnet) -> String {
    std::iter::once(&subnet.cidr)
        .chain(&subnet.more_cidrs)
        .map(|c| c.value.trim())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A name segment of a resource ID as a user knows it; `None` for cniplan's stand-in of a
/// name known only when deployed.
pub fn named(segment: &str) -> Option<&str> {
    (!super::template::is_stand_in(segment)).then_some(segment)
}

/// The name of a subnet or pool written inline whose name is known only when deployed: the
/// expression that computes it as written, numbered by its place in its list, so the subnet
/// or pool is still counted (it takes addresses whatever its name) and two are never one.
pub(super) fn unknown_inline_name(texts: &[&str], span: Span, place: usize) -> Spanned<String> {
    let written = texts
        .get(span.file as usize)
        .and_then(|t| t.get(span.start..span.end))
        .filter(|t| !t.is_empty());
    // An expression's span holds its text inside the brackets: show them, as written.
    let bracketed = texts.get(span.file as usize).and_then(|t| {
        let (start, end) = (span.start.checked_sub(1)?, span.end.checked_add(1)?);
        t.get(start..end)
            .filter(|b| b.starts_with('[') && b.ends_with(']'))
    });
    let written = bracketed.or(written).map_or("name", |t| t.trim_matches('"'));
    Spanned::new(super::template::unknown_name(written, "inline", place + 1), span)
}

/// A subnet or pool written without a name, or with an empty one: Azure refuses the
/// resource that holds it, so it is an error where the name belongs.
pub(super) fn nameless(entry: &Val<'_>, what: &str) -> Finding {
    let at = entry.get("name").map_or(entry.span, |n| n.span);
    Finding::new(Rule::PlanSchema, at, format!("{what} has no name"))
        .help("Azure refuses a subnet or node pool without a name; give it one")
}

/// Resource IDs as Azure compares them.
pub fn id_key(id: &str) -> String {
    id.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// The segment after `name` in a resource ID (`resourceGroups` → the group).
pub fn segment_after<'s>(id: &'s str, name: &str) -> Option<&'s str> {
    let mut segments = id.split('/');
    segments.find(|s| s.eq_ignore_ascii_case(name))?;
    segments.next().filter(|s| !s.is_empty())
}

/// The parent of a child resource's ID: the ID without its last type and name.
pub fn parent_id(id: &str) -> String {
    let trimmed = id.trim_end_matches('/');
    let mut parts: Vec<&str> = trimmed.split('/').collect();
    parts.truncate(parts.len().saturating_sub(2));
    parts.join("/")
}

/// The plan of an estate's resources, the findings of reading it, and where each VNet,
/// subnet, cluster and pool is written with its resource ID (a finding inside one names it).
pub fn build<'a>(
    resources: Vec<Resource<'a>>,
    options: &Options<'_>,
) -> (Plan, Vec<Finding>, Vec<ResourcePlace>) {
    let mut b = Builder {
        options,
        vnets: Vec::new(),
        vnet_ids: HashMap::new(),
        vnet_deployed: Vec::new(),
        declared: HashMap::new(),
        unresolved_subnets: HashMap::new(),
        peerings: Vec::new(),
        findings: Vec::new(),
        notes: Vec::new(),
        places: Vec::new(),
    };
    let mut by_kind: HashMap<Kind, Vec<Resource<'a>>> = HashMap::new();
    for r in resources {
        by_kind.entry(r.kind).or_default().push(r);
    }
    let mut take = |k: Kind| by_kind.remove(&k).unwrap_or_default();
    for r in take(Kind::Vnet) {
        b.vnet(r);
    }
    for r in take(Kind::Subnet) {
        b.subnet_resource(r);
    }
    for r in take(Kind::Peering) {
        b.peering_resource(r);
    }
    b.link_peerings();
    let mut clusters = Clusters::default();
    for r in take(Kind::Cluster) {
        clusters.cluster(r, &mut b.findings, &mut b.notes, (options.dedupe, options.texts));
    }
    for r in take(Kind::Pool) {
        clusters.pool_resource(r, &mut b.findings, &mut b.notes, options.dedupe);
    }
    let mut pool_notes = Vec::new();
    b.places.append(&mut clusters.places);
    let clusters = clusters.finish(&b, &mut pool_notes);
    let plan = Plan {
        version: Spanned::default_at(1, Span::default()),
        vnets: b.vnets,
        external_networks: Vec::new(),
        allocation: model::Allocation::default(),
        clusters,
        churn: None,
    };
    let mut findings = b.findings;
    findings.extend(b.notes.into_iter().chain(pool_notes).flat_map(Notes::findings));
    // A resource that two deployments declare from one module file is said once.
    super::notes::said_once(&mut findings);
    (plan, findings, b.places)
}

pub(super) struct Builder<'o> {
    options: &'o Options<'o>,
    vnets: Vec<model::Vnet>,
    /// VNet index by ID key.
    vnet_ids: HashMap<String, usize>,
    /// The deployment that declares each VNet (by index), where a template does.
    vnet_deployed: Vec<Option<Deployed>>,
    /// Each subnet read, by ID key: where it is in `vnets`, how it was declared and where
    /// its prefix is written, so a second declaration of the same ID is one subnet.
    declared: HashMap<String, Declared>,
    /// Subnets left out (their prefix is unknown), by ID key, with why: pools on them are
    /// left out too rather than reported as pointing nowhere.
    unresolved_subnets: HashMap<String, String>,
    /// (VNet, the remote VNet's ID as written, the notes of the resource that wrote it).
    peerings: Vec<(usize, Spanned<String>, Notes)>,
    findings: Vec<Finding>,
    notes: Vec<Notes>,
    pub(super) places: Vec<ResourcePlace>,
}

impl Builder<'_> {
    fn vnet(&mut self, r: Resource<'_>) {
        let key = id_key(&r.id);
        if let Some(&first) = self.vnet_ids.get(&key) {
            // One resource ID is one VNet: an export lists it twice, deployments (AVM's
            // `init` and `idem`, a module called twice) deploy it again. Two Terraform
            // resources of one ID stay two, for `duplicate-name` to say.
            if self.options.dedupe {
                return;
            }
            if r.deployed.is_some() {
                self.vnet_again(first, r);
                return;
            }
        }
        self.places.push(ResourcePlace {
            span: r.body.span,
            address: r.id.clone(),
        });
        let mut notes = r.notes.clone();
        let address_space = self.address_space(&r.body, &r.name, &mut notes);
        let index = self.vnets.len();
        self.vnet_ids.insert(key, index);
        self.vnet_deployed.push(r.deployed.clone());
        self.vnets.push(model::Vnet {
            name: r.name.clone(),
            resource_group: r.resource_group.clone().map(|g| Spanned::new(g, Span::default())),
            address_space,
            peerings: Vec::new(),
            subnets: Vec::new(),
            origin: Some(Origin {
                resource: r.id.clone(),
                resource_group: r.resource_group.clone(),
            }),
        });
        self.vnet_children(index, &r, notes);
    }

    /// A VNet whose ID was declared before, by another deployment: one VNet, its subnets
    /// and peerings added to the first declaration's (each subnet ID once). Address spaces
    /// that differ are one `conflicting-declarations` finding; Azure ends with the one
    /// deployed last.
    fn vnet_again(&mut self, first: usize, r: Resource<'_>) {
        self.places.push(ResourcePlace {
            span: r.body.span,
            address: r.id.clone(),
        });
        let mut notes = r.notes.clone();
        let space = self.address_space(&r.body, &r.name, &mut notes);
        let kept = &self.vnets[first].address_space;
        let joined = |s: &Spanned<Vec<Spanned<String>>>| {
            s.value
                .iter()
                .map(|p| p.value.trim().to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (a, b) = (joined(kept), joined(&space));
        if a != b && !b.is_empty() {
            // `None`: one template declares the VNet twice, which ARM refuses (said where
            // the walk found it); the later one is kept.
            let order = last_deployed(self.vnet_deployed[first].as_ref(), r.deployed.as_ref());
            let refused = order.is_none();
            let (second_last, why) = order.unwrap_or((true, String::new()));
            if !a.is_empty() && !refused {
                let name = &r.name.value;
                let last = if second_last { &b } else { &a };
                self.findings.push(
                    Finding::new(
                        Rule::ConflictingDeclarations,
                        space.span,
                        format!(
                            "VNet `{name}` ({}) is declared twice with different address spaces, {b} here and {a} before; Azure ends with {last}: {why}",
                            r.id
                        ),
                    )
                    .related(kept.span, format!("`{name}` is declared with {a} here"))
                    .help("declare the VNet with one address space wherever it is deployed, or give each VNet its own name"),
                );
            }
            if second_last || a.is_empty() {
                self.vnets[first].address_space = space;
                self.vnet_deployed[first] = r.deployed.clone();
            }
        }
        self.vnet_children(first, &r, notes);
    }

    fn address_space(
        &mut self,
        body: &Val<'_>,
        name: &Spanned<String>,
        notes: &mut Notes,
    ) -> Spanned<Vec<Spanned<String>>> {
        let prefixes = field(body, "addressSpace").and_then(|s| match s.kind {
            ValKind::Unknown(_) => Some(s),
            _ => field(&s, "addressPrefixes"),
        });
        let Some(prefixes) = prefixes else {
            let ipam = field(body, "addressSpace").and_then(|s| field(&s, "ipamPoolPrefixAllocations"));
            notes.unresolve(
                ipam.as_ref().map_or(name.span, |i| i.span),
                match ipam {
                    Some(_) => "its address space is allocated from an IPAM pool (`ipamPoolPrefixAllocations`) when it is deployed: the VNet's address space is not checked",
                    None => "no `addressSpace.addressPrefixes`: the VNet's address space is not checked",
                },
            );
            return Spanned::new(Vec::new(), name.span);
        };
        if let Some(why) = prefixes.unknown_reason() {
            notes.unresolve(
                prefixes.span,
                format!(
                    "{}: the VNet's address space is not checked",
                    depends("addressPrefixes", why)
                ),
            );
            return Spanned::new(Vec::new(), prefixes.span);
        }
        let mut out = Vec::new();
        let mut reader = Reader {
            notes,
            findings: &mut self.findings,
        };
        for item in prefixes.items().unwrap_or_default() {
            match reader.as_text(item, "addressPrefixes") {
                // Either family: a dual-stack VNet's IPv6 prefixes are checked among themselves.
                Got::Value(p) => out.push(p),
                Got::Unknown(span, why) => reader.notes.unresolve(
                    span,
                    format!(
                        "{}: it is left out of the address space",
                        depends("addressPrefixes", &why)
                    ),
                ),
                Got::Absent | Got::Invalid => {}
            }
        }
        Spanned::new(out, prefixes.span)
    }

    /// A VNet declaration's inline subnets and peerings, added to VNet `vnet` (its first
    /// declaration's, when the ID was declared before); the declaration's notes with them.
    fn vnet_children(&mut self, vnet: usize, r: &Resource<'_>, mut notes: Notes) {
        match field(&r.body, "subnets") {
            Some(v) if v.unknown_reason().is_some() => notes.unresolve(
                v.span,
                format!(
                    "{}: its subnets are not read",
                    depends("subnets", v.unknown_reason().unwrap_or_default())
                ),
            ),
            Some(v) => {
                for (place, entry) in v.items().unwrap_or_default().into_iter().enumerate() {
                    self.inline_subnet(vnet, r, &notes.label, (place, entry));
                }
            }
            None => {}
        }
        if let Some(v) = field(&r.body, "virtualNetworkPeerings") {
            for entry in v.items().unwrap_or_default() {
                self.peering(vnet, &entry, notes.clone());
            }
        }
        self.notes.push(notes);
    }

    fn inline_subnet(
        &mut self,
        vnet: usize,
        owner: &Resource<'_>,
        vnet_label: &str,
        (place, entry): (usize, Val<'_>),
    ) {
        let (vnet_id, group) = (owner.id.as_str(), owner.resource_group.as_deref());
        let mut notes = Notes::new(format!("{vnet_label}, subnet"), entry.span);
        let mut reader = Reader {
            notes: &mut notes,
            findings: &mut self.findings,
        };
        let name = match reader.text(&entry, "name") {
            Got::Value(n) => n,
            Got::Unknown(span, why) => {
                let name = unknown_inline_name(self.options.texts, span, place);
                reader.notes.assume(
                    span,
                    format!(
                        "{}: the subnet is called by the expression that computes it",
                        depends("name", &why)
                    ),
                );
                notes.label = format!("{vnet_label}, subnet");
                name
            }
            Got::Absent => {
                self.findings
                    .push(nameless(&entry, &format!("{vnet_label}, subnet")));
                return;
            }
            Got::Invalid => return,
        };
        if !super::template::is_stand_in(&name.value) {
            notes.label = format!("{vnet_label}, subnet '{}'", name.value);
        }
        notes.span = name.span;
        let id = match entry.get("id").and_then(|v| v.as_str().map(str::to_string)) {
            Some(id) => id,
            None => format!("{}/subnets/{}", vnet_id.trim_end_matches('/'), name.value),
        };
        let form = if self.options.dedupe {
            Form::Export
        } else {
            Form::Inline
        };
        self.add_subnet(
            vnet,
            name,
            id,
            group,
            &entry,
            notes,
            (form, owner.deployed.clone()),
        );
    }

    fn subnet_resource(&mut self, r: Resource<'_>) {
        let parent = r.parent.clone().unwrap_or_else(|| parent_id(&r.id));
        let mut notes = r.notes;
        let vnet = match self.vnet_ids.get(&id_key(&parent)) {
            Some(&v) => v,
            None => self.stub_vnet(&parent, &mut notes),
        };
        let form = if self.options.dedupe {
            Form::Export
        } else {
            Form::Child
        };
        self.add_subnet(
            vnet,
            r.name,
            r.id,
            r.resource_group.as_deref(),
            &r.body,
            notes,
            (form, r.deployed),
        );
    }

    /// A VNet known only from its subnets' IDs (an existing VNet a template adds a subnet
    /// to, a subnet list exported alone): no address space.
    fn stub_vnet(&mut self, id: &str, notes: &mut Notes) -> usize {
        let name = segment_after(id, "virtualNetworks").unwrap_or(id).to_string();
        let group = segment_after(id, "resourceGroups").map(str::to_string);
        let held = self.options.vnet_elsewhere.is_some_and(|held| held(id));
        if !held {
            let vnet = match named(&name) {
                Some(name) => format!("its VNet `{name}` is not in {}", self.options.missing_vnet_help),
                None => {
                    "its VNet's name is known only when deployed, so cniplan cannot find the VNet".to_string()
                }
            };
            notes.unresolve(
                notes.span,
                format!(
                    "{vnet}: the VNet's address space is unknown, so subnet-outside-vnet and vnet-overlap skip the subnet; {}",
                    self.options.missing_vnet_todo
                ),
            );
        }
        let index = self.vnets.len();
        self.vnet_ids.insert(id_key(id), index);
        self.vnet_deployed.push(None);
        self.vnets.push(model::Vnet {
            name: Spanned::new(name, notes.span),
            resource_group: group.clone().map(|g| Spanned::new(g, Span::default())),
            address_space: Spanned::new(Vec::new(), notes.span),
            peerings: Vec::new(),
            subnets: Vec::new(),
            origin: Some(Origin {
                resource: id.to_string(),
                resource_group: group,
            }),
        });
        index
    }

    #[allow(clippy::too_many_arguments)]
    fn add_subnet(
        &mut self,
        vnet: usize,
        name: Spanned<String>,
        id: String,
        group: Option<&str>,
        body: &Val<'_>,
        mut notes: Notes,
        (form, deployed): (Form, Option<Deployed>),
    ) {
        let key = id_key(&id);
        self.places.push(ResourcePlace {
            span: body.span,
            address: id.clone(),
        });
        let mut reader = Reader {
            notes: &mut notes,
            findings: &mut self.findings,
        };
        let (cidr, more_cidrs) = match reader.text(body, "addressPrefix") {
            Got::Absent => address_prefixes(&mut reader, body),
            other => {
                // Both written: the one read is said, and where the other is.
                if let (Got::Value(one), Some(list)) = (&other, field(body, "addressPrefixes")) {
                    // The same prefix in both, as some API versions write it, says nothing new.
                    let other_prefix =
                        |items: Vec<Val<'_>>| items.iter().any(|i| i.as_str() != Some(one.value.as_str()));
                    if list.items().is_some_and(other_prefix) {
                        reader.findings.push(
                            Finding::new(
                                Rule::ConflictingDeclarations,
                                list.span,
                                format!(
                                    "subnet `{}` has both `addressPrefix` ({}) and `addressPrefixes`; cniplan reads `addressPrefix` and leaves the list out",
                                    name.value, one.value
                                ),
                            )
                            .related(one.span, "the `addressPrefix` read")
                            .help("write one of them: `addressPrefixes` for several prefixes, `addressPrefix` for one"),
                        );
                    }
                }
                (other, Vec::new())
            }
        };
        let cidr = match cidr {
            Got::Value(c) => c,
            Got::Unknown(span, why) => {
                let reason = depends("addressPrefix", &why);
                reader.notes.unresolve(
                    span,
                    format!("{reason}: the subnet and the pools on it are not checked"),
                );
                self.unresolved_subnets.insert(key, reason);
                self.notes.push(notes);
                return;
            }
            Got::Absent if ipam_size(body).is_some() => {
                let (n, at, prefix) = ipam_size(body).unwrap_or_default();
                reader.notes.assume(at, ipam_assumed(n, prefix));
                Spanned::new(format!("ipam/{prefix}"), at)
            }
            Got::Absent => {
                let reason =
                    "no `addressPrefix` (an IPAM pool allocation, or an empty `addressPrefixes`)".to_string();
                reader.notes.unresolve(
                    name.span,
                    format!("{reason}: the subnet and the pools on it are not checked"),
                );
                self.unresolved_subnets.insert(key, reason);
                self.notes.push(notes);
                return;
            }
            Got::Invalid => {
                self.unresolved_subnets
                    .insert(key, "an `addressPrefix` that is no string".to_string());
                self.notes.push(notes);
                return;
            }
        };
        let delegation = delegation(&mut reader, body);
        let reserved_ips = self.options.reserved.and_then(|r| r.reserved(body));
        let subnet = model::Subnet {
            name,
            cidr,
            reserved_ips,
            delegation,
            more_cidrs,
            origin: Some(Origin {
                resource: id,
                resource_group: group.map(str::to_string),
            }),
        };
        self.notes.push(notes);
        // One resource ID is one subnet, however many times it is declared
        // (rules/conflicting-declarations.md).
        if let Some(first) = self.declared.get(&key).cloned() {
            let kept = &mut self.vnets[first.vnet].subnets[first.index];
            let order = last_deployed(first.deployed.as_ref(), deployed.as_ref());
            if let Some(finding) = conflict(kept, &subnet, first.form, form, order.as_ref()) {
                self.findings.push(finding);
            }
            // The declaration Azure applies last is the one it ends with: a child resource
            // after the VNet that holds the same subnet inline, the later of two ordered
            // deployments; in an export, the first.
            let second_last = order.is_none_or(|(second_last, _)| second_last);
            if form != Form::Export && second_last {
                *kept = subnet;
                self.declared.insert(
                    key,
                    Declared {
                        form,
                        deployed,
                        ..first
                    },
                );
            }
            return;
        }
        let index = self.vnets[vnet].subnets.len();
        self.vnets[vnet].subnets.push(subnet);
        self.declared.insert(
            key,
            Declared {
                vnet,
                index,
                form,
                deployed,
            },
        );
    }

    fn peering_resource(&mut self, r: Resource<'_>) {
        let parent = r.parent.clone().unwrap_or_else(|| parent_id(&r.id));
        match self.vnet_ids.get(&id_key(&parent)) {
            Some(&v) => self.peering(v, &r.body, r.notes),
            None => {
                // The VNet the peering belongs to (its parent), not the remote one.
                let mut notes = r.notes;
                let local = segment_after(&parent, "virtualNetworks").unwrap_or(&parent);
                let vnet = match named(local) {
                    Some(name) => format!(
                        "the VNet it belongs to, `{name}`, is not in {}",
                        self.options.missing_vnet_help
                    ),
                    None => "the name of the VNet it belongs to is known only when deployed, so cniplan cannot find that VNet".to_string(),
                };
                notes.unresolve(
                    notes.span,
                    format!(
                        "{vnet}: the peering is not checked (neither overlaps between its two VNets nor its remote VNet); {}",
                        self.options.missing_vnet_todo
                    ),
                );
                self.notes.push(notes);
            }
        }
    }

    fn peering(&mut self, vnet: usize, body: &Val<'_>, mut notes: Notes) {
        let remote = field(body, "remoteVirtualNetwork").and_then(|r| match r.kind {
            ValKind::Unknown(_) => Some(r),
            _ => field(&r, "id"),
        });
        let mut reader = Reader {
            notes: &mut notes,
            findings: &mut self.findings,
        };
        match remote.map(|r| reader.as_text(r, "remoteVirtualNetwork.id")) {
            Some(Got::Value(id)) => self.peerings.push((vnet, id, notes)),
            Some(Got::Unknown(span, why)) => {
                reader.notes.unresolve(
                    span,
                    format!(
                        "{}: the peering is not checked",
                        depends("remoteVirtualNetwork.id", &why)
                    ),
                );
                self.notes.push(notes);
            }
            _ => self.notes.push(notes),
        }
    }

    /// Peerings name the peer by its resource ID, which the resolver finds first: a hub and
    /// its spokes sit in resource groups of their own, and names repeat across groups. A peer
    /// outside the input is said so instead.
    fn link_peerings(&mut self) {
        for (vnet, remote, mut notes) in std::mem::take(&mut self.peerings) {
            let Some(&peer) = self.vnet_ids.get(&id_key(&remote.value)) else {
                notes.unresolve(
                    remote.span,
                    format!(
                        "the peered VNet `{}` is not in {}: overlaps with it are not checked; {}",
                        segment_after(&remote.value, "virtualNetworks").unwrap_or(&remote.value),
                        self.options.missing_vnet_help,
                        self.options.missing_vnet_todo
                    ),
                );
                self.notes.push(notes);
                continue;
            };
            let id = self.vnets[peer]
                .origin
                .as_ref()
                .map_or_else(|| remote.value.clone(), |o| o.resource.clone());
            // A VNet declared by two deployments declares its peerings twice.
            if !self.vnets[vnet].peerings.iter().any(|p| p.value == id) {
                self.vnets[vnet].peerings.push(Spanned::new(id, remote.span));
            }
            self.notes.push(notes);
        }
    }

    /// Whether a pool's subnet reference can be checked: `Err` says why not (its VNet is
    /// not in the input, or the subnet was left out).
    pub(super) fn reachable(&self, text: &str) -> Result<(), String> {
        if self.options.elsewhere.is_some_and(|held| held(text)) {
            return Ok(());
        }
        let SubnetRef::Qualified {
            resource_group,
            vnet,
            subnet,
        } = reference::parse(text)
        else {
            // A name or a malformed reference: the resolver reports it where it is written.
            return Ok(());
        };
        let vnets: Vec<&model::Vnet> = self
            .vnets
            .iter()
            .filter(|v| {
                v.name.value.eq_ignore_ascii_case(vnet)
                    && match (resource_group, &v.resource_group) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(&b.value),
                        _ => true,
                    }
            })
            .collect();
        if vnets.is_empty() {
            let group = resource_group
                .map(|g| format!(" in resource group `{g}`"))
                .unwrap_or_default();
            return Err(format!(
                "its VNet `{vnet}`{group} is not in {}",
                self.options.missing_vnet_help
            ));
        }
        let left_out = self.unresolved_subnets.iter().find(|(id, _)| {
            segment_after(id, "subnets").is_some_and(|s| s.eq_ignore_ascii_case(subnet))
                && segment_after(id, "virtualnetworks").is_some_and(|v| v.eq_ignore_ascii_case(vnet))
        });
        match left_out {
            Some((_, why)) => Err(format!("its subnet `{vnet}/{subnet}` is not checked: {why}")),
            None => Ok(()),
        }
    }
}

/// `addressPrefixes` of a subnet, of either family: the first IPv4 prefix, and the others
/// (one subnet, a capacity row per family; `model::ipv4_first`).
fn address_prefixes(reader: &mut Reader<'_>, body: &Val<'_>) -> (Got<String>, Vec<Spanned<String>>) {
    let Some(list) = field(body, "addressPrefixes") else {
        return (Got::Absent, Vec::new());
    };
    if let Some(why) = list.unknown_reason() {
        return (Got::Unknown(list.span, why.into()), Vec::new());
    }
    let mut known = Vec::new();
    for item in list.items().unwrap_or_default() {
        match reader.as_text(item, "addressPrefixes") {
            Got::Value(p) => known.push(p),
            Got::Unknown(span, why) if !known.is_empty() => reader.notes.unresolve(
                span,
                format!(
                    "{}: the subnet is counted without it",
                    depends("addressPrefixes", &why)
                ),
            ),
            Got::Absent => {}
            other => return (other, Vec::new()),
        }
    }
    match model::ipv4_first(known) {
        Some((first, more)) => (Got::Value(first), more),
        None => (Got::Absent, Vec::new()),
    }
}

/// A subnet's AVNM IPAM allocation (`ipamPoolPrefixAllocations[0].numberOfIpAddresses`, a
/// string in the REST API, a number in some templates): the number of addresses, where it
/// is written, and the longest prefix that holds them ("Number of IP addresses to allocate",
/// Microsoft.Network `IpamPoolPrefixAllocation`).
fn ipam_size(body: &Val<'_>) -> Option<(u64, Span, u8)> {
    let allocation = field(body, "ipamPoolPrefixAllocations")?
        .items()?
        .into_iter()
        .next()?;
    let n = field(&allocation, "numberOfIpAddresses")?;
    let count = match &n.kind {
        ValKind::Int(i) => u64::try_from(*i).ok(),
        ValKind::Str(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    }
    .filter(|&c| (1..=1u64 << 32).contains(&c))?;
    Some((count, n.span, prefix_holding(count)))
}

/// What counting an AVNM IPAM allocation of `n` addresses as one /`prefix` assumes.
pub fn ipam_assumed(n: u64, prefix: u8) -> String {
    format!(
        "its prefix is allocated from an AVNM IPAM pool when it is deployed: {n} addresses are counted as one /{prefix} (the smallest prefix that holds them; Azure may split an allocation over several prefixes when the pool is fragmented, each losing 5 addresses), and having no address yet it is left out of the overlap checks"
    )
}

/// The longest prefix with at least `addresses` addresses (1 ≤ addresses ≤ 2^32): 256 → /24,
/// 300 → /23.
pub fn prefix_holding(addresses: u64) -> u8 {
    let bits = addresses.max(1).next_power_of_two().trailing_zeros();
    32u8.saturating_sub(bits.min(32) as u8)
}

/// The first delegation's service name (REST: under `properties`; az: beside `name`).
fn delegation(reader: &mut Reader<'_>, body: &Val<'_>) -> Option<Spanned<String>> {
    let list = field(body, "delegations")?;
    if let Some(why) = list.unknown_reason() {
        reader.notes.unresolve(
            list.span,
            format!(
                "{}: delegated-node-subnet cannot check it",
                depends("delegations", why)
            ),
        );
        return None;
    }
    let first = list.items()?.into_iter().next()?;
    match reader.text(&first, "serviceName") {
        Got::Value(s) => Some(s),
        Got::Unknown(span, why) => {
            reader.notes.unresolve(
                span,
                format!(
                    "{}: delegated-node-subnet cannot check it",
                    depends("serviceName", &why)
                ),
            );
            None
        }
        Got::Absent | Got::Invalid => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipam_allocation_is_the_smallest_prefix_that_holds_it() {
        assert_eq!(prefix_holding(256), 24);
        assert_eq!(prefix_holding(300), 23);
        assert_eq!(prefix_holding(1), 32);
        assert_eq!(prefix_holding(1 << 32), 0);
    }

    #[test]
    fn ids_compare_without_case_and_split_into_parts() {
        assert_eq!(
            id_key("/subscriptions/S/resourcegroups/RG/"),
            "/subscriptions/s/resourcegroups/rg"
        );
        let id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/p";
        assert_eq!(segment_after(id, "resourcegroups"), Some("rg"));
        assert_eq!(segment_after(id, "virtualNetworks"), Some("v"));
        assert_eq!(
            parent_id(id),
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
        );
        assert_eq!(
            Kind::of_type("Microsoft.ContainerService/ManagedClusters"),
            Some(Kind::Cluster)
        );
    }
}
