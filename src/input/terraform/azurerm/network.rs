//! VNets, subnets and peerings: `azurerm_virtual_network` (and its inline `subnet` blocks),
//! `azurerm_subnet`, `azurerm_virtual_network_peering`, and their data sources.

use super::notes::Notes;
use super::values::Attrs;
use super::{folded, id_parts, name_of, unknown};
use crate::diagnostic::{Finding, Rule, Severity, Span, Spanned};
use crate::input::terraform::Resource;
use crate::input::tree::Node;
use crate::plan::model::{Origin, Subnet, Vnet};
use crate::plan::reference::{self, SubnetRef};
use foldhash::{HashMap, HashSet};

/// The VNets and subnets read so far, and how pools can name each subnet.
#[derive(Default)]
pub struct Networks<'r> {
    vnets: Vec<Vnet>,
    /// VNets by their scope key ([`scope_key`]: folded `group/name`).
    by_key: HashMap<String, usize>,
    /// VNets by the address of the resource (or data source) that declares them.
    by_address: HashMap<&'r str, usize>,
    /// VNets that no resource declares, only the subnets in them: their address space is
    /// assumed at the end, from those subnets. (index, the subnet's `virtual_network_name`)
    assumed: Vec<(usize, Span)>,
    /// What a pool writes to name the subnet of each resource address.
    subnet_refs: HashMap<&'r str, &'r str>,
    /// Subnets and resources that declare subnets cniplan cannot read (a range unknown until
    /// apply, an AzAPI resource): pools in them are left unlinked without a second note.
    unreadable: HashSet<&'r str>,
    /// Subnets by folded `group/vnet/subnet`, for known resource IDs.
    by_id: HashSet<String>,
    /// Inline subnets of each VNet address: a pool may name them only when there is one.
    inline: HashMap<&'r str, usize>,
    /// AzAPI subnets by address, with their resource IDs (`None`: not read).
    azapi: std::collections::HashMap<String, Option<String>>,
    /// Managed subnets by folded `group/vnet/subnet`, with their address: a data source that
    /// names one is that subnet.
    managed_subnets: HashMap<String, &'r str>,
    /// The managed VNets that declare inline `subnet` blocks, by index, with their address:
    /// an `azurerm_subnet` in one of them fights those blocks.
    inline_vnets: HashMap<usize, &'r str>,
}

/// How a pool argument names a subnet.
pub enum SubnetLink {
    /// The reference to write in the plan: a subnet's address, or a known resource ID.
    To(String),
    /// The subnet is known but cannot be read; its own note says so.
    Unreadable,
    /// Nothing in this plan is that subnet; the reason says what the argument holds.
    Missing(String),
}

impl<'r> Networks<'r> {
    pub fn read(&mut self, resources: &'r [Resource<'_>], notes: &mut Notes) {
        // VNets first (managed before data sources), so subnets find theirs.
        for data in [false, true] {
            for r in resources
                .iter()
                .filter(|r| r.kind == "azurerm_virtual_network" && r.data == data)
            {
                self.vnet(r, notes);
            }
        }
        // Managed subnets before data sources, so a data source of a subnet this
        // configuration manages is that subnet.
        for data in [false, true] {
            for r in resources
                .iter()
                .filter(|r| r.kind == "azurerm_subnet" && r.data == data)
            {
                self.subnet(r, notes);
            }
        }
        for r in resources
            .iter()
            .filter(|r| r.kind == "azurerm_virtual_network_peering")
        {
            self.peering(r, notes);
        }
    }

    /// The VNets, with assumed address spaces filled in from their subnets.
    pub fn finish(mut self, notes: &mut Notes) -> Vec<Vnet> {
        for (v, span) in std::mem::take(&mut self.assumed) {
            let vnet = &mut self.vnets[v];
            let ranges: Vec<Spanned<String>> = vnet
                .subnets
                .iter()
                .map(|s| Spanned::default_at(s.cidr.value.clone(), s.cidr.span))
                .collect();
            let written: Vec<&str> = ranges.iter().map(|r| r.value.as_str()).collect();
            let group = vnet
                .resource_group
                .as_ref()
                .map_or(String::new(), |g| format!(" in resource group `{}`", g.value));
            notes.assumed(
                span,
                &format!("VNet `{}`{group}", vnet.name.value),
                format!(
                    "no resource of this plan declares it (it lives in another state); its address \
                     space is assumed to be the ranges of its subnets here: {}",
                    written.join(", ")
                ),
            );
            vnet.address_space = Spanned::default_at(ranges, span);
        }
        self.vnets
    }

    fn vnet(&mut self, r: &'r Resource<'_>, notes: &mut Notes) {
        let attrs = Attrs::new(&r.values, &r.address);
        let name = name_of(r, &r.values, notes);
        let group = attrs.string("resource_group_name", notes);
        let key = scope_key(group.as_ref(), &name.value);
        if let Some(&v) = self.by_key.get(&key) {
            // A data source of a VNet this plan also manages: one VNet.
            self.by_address.insert(&r.address, v);
            return;
        }
        let address_space = match attrs.strings("address_space", notes) {
            Some(space) => space,
            None => {
                let span = attrs.span_of("address_space");
                let why = if unknown(r, "address_space") {
                    "address_space is unknown until apply"
                } else {
                    "sets no address_space (an IP address pool?)"
                };
                notes.unresolved(
                    span,
                    &r.address,
                    format!("{why}, so its address space is not checked"),
                );
                Spanned::new(Vec::new(), span)
            }
        };
        let index = self.vnets.len();
        let origin = Origin {
            resource: r.address.clone(),
            resource_group: group.as_ref().map(|g| g.value.clone()),
        };
        let mut vnet = Vnet {
            name,
            resource_group: group,
            address_space,
            peerings: Vec::new(),
            subnets: Vec::new(),
            origin: Some(origin.clone()),
        };
        // Inline `subnet` blocks (data sources list only names, under `subnets`).
        let mut inline = 0;
        for block in attrs.blocks("subnet") {
            let label = format!("{} subnet", r.address);
            let Some(subnet) = self.subnet_block(r, block, &label, origin.clone(), notes) else {
                continue;
            };
            self.by_id.insert(id_key(&key, &subnet.name.value));
            vnet.subnets.push(subnet);
            inline += 1;
        }
        if inline == 1 {
            self.subnet_refs.insert(&r.address, &r.address);
        }
        self.inline.insert(&r.address, inline);
        if inline > 0 && !r.data {
            self.inline_vnets.insert(index, &r.address);
        }
        self.by_key.insert(key, index);
        self.by_address.insert(&r.address, index);
        self.vnets.push(vnet);
    }

    /// A subnet's name, range and delegation, from an `azurerm_subnet` or an inline block.
    fn subnet_block(
        &mut self,
        r: &'r Resource<'_>,
        block: &Node<'_>,
        label: &str,
        origin: Origin,
        notes: &mut Notes,
    ) -> Option<Subnet> {
        let attrs = Attrs::new(block, label);
        let name = name_of(r, block, notes);
        let (cidr, more_cidrs) = self.range(r, &attrs, label, notes)?;
        let delegation = attrs
            .block("delegation")
            .and_then(|d| Attrs::new(d, label).block("service_delegation"))
            .and_then(|s| Attrs::new(s, label).string("name", notes));
        Some(Subnet {
            name,
            cidr,
            reserved_ips: None,
            delegation,
            more_cidrs,
            origin: Some(origin),
        })
    }

    /// The subnet's range: the prefixes of `address_prefixes` of either family, the first
    /// IPv4 one apart (`model::ipv4_first`; provider v2's `address_prefix` too). `None`, with
    /// a note, when unknown until apply.
    fn range(
        &mut self,
        r: &'r Resource<'_>,
        attrs: &Attrs<'_, '_>,
        label: &str,
        notes: &mut Notes,
    ) -> Option<(Spanned<String>, Vec<Spanned<String>>)> {
        if let Some(list) = attrs
            .strings("address_prefixes", notes)
            .filter(|l| !l.value.is_empty())
        {
            return crate::plan::model::ipv4_first(list.value);
        }
        if let Some(single) = attrs.string("address_prefix", notes) {
            return Some((single, Vec::new()));
        }
        // `ip_address_pool { number_of_ip_addresses = "300" }`: AVNM IPAM allocates the
        // prefix at apply; its size is known (arm::estate::ipam_size reads ARM's the same way).
        let asked = attrs
            .block("ip_address_pool")
            .and_then(|pool| Attrs::new(pool, label).string("number_of_ip_addresses", notes));
        if let Some(asked) = asked {
            let count = asked
                .value
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|&c| (1..=1u64 << 32).contains(&c));
            if let Some(count) = count {
                let prefix = crate::input::arm::estate::prefix_holding(count);
                notes.assumed(
                    asked.span,
                    label,
                    crate::input::arm::estate::ipam_assumed(count, prefix),
                );
                return Some((Spanned::new(format!("ipam/{prefix}"), asked.span), Vec::new()));
            }
        }
        let span = attrs.span_of("address_prefixes");
        let why = if r.data {
            // A data source reads an existing subnet at plan time: its prefixes are Azure's,
            // not in the configuration.
            "it reads an existing subnet whose address prefixes are in Azure, not in this configuration"
        } else if unknown(r, "address_prefixes") || unknown(r, "subnet.address_prefixes") {
            "its address prefixes are unknown until apply"
        } else {
            "it sets no address prefix (an IP address pool?)"
        };
        notes.unresolved(
            span,
            label,
            format!("{why}, so the subnet is not checked and pools in it are not linked"),
        );
        self.unreadable.insert(&r.address);
        None
    }

    fn subnet(&mut self, r: &'r Resource<'_>, notes: &mut Notes) {
        let attrs = Attrs::new(&r.values, &r.address);
        let group = attrs.string("resource_group_name", notes);
        if r.data {
            // `data "azurerm_subnet"` of a subnet this configuration manages: the same
            // subnet, so pools that name the data source link to it.
            // Read without notes: `subnet_block` below reports a wrong type once.
            let text = |key: &str| r.values.get(key).and_then(Node::as_str);
            // The VNet as named, or as referenced (`azurerm_virtual_network.v.name`, whose
            // name may be known only after apply).
            let vnet_key = match text("virtual_network_name") {
                Some(vnet_name) => Some(scope_key(group.as_ref(), vnet_name)),
                None => r
                    .references
                    .get("virtual_network_name")
                    .and_then(|refs| refs.iter().find_map(|a| self.by_address.get(a.as_str())))
                    .map(|&v| scope_key(self.vnets[v].resource_group.as_ref(), &self.vnets[v].name.value)),
            };
            if let (Some(name), Some(vnet_key)) = (text("name"), vnet_key) {
                if let Some(&managed) = self.managed_subnets.get(&id_key(&vnet_key, name)) {
                    self.subnet_refs.insert(&r.address, managed);
                    return;
                }
            }
        }
        let origin = Origin {
            resource: r.address.clone(),
            resource_group: group.as_ref().map(|g| g.value.clone()),
        };
        let Some(subnet) = self.subnet_block(r, &r.values, &r.address, origin, notes) else {
            return;
        };
        let vnet_name = attrs.string("virtual_network_name", notes);
        let referenced = r
            .references
            .get("virtual_network_name")
            .and_then(|refs| refs.iter().find_map(|a| self.by_address.get(a.as_str())))
            .copied();
        let v = match (referenced, &vnet_name) {
            (Some(v), _) => v,
            (None, Some(vnet_name)) => {
                let key = scope_key(group.as_ref(), &vnet_name.value);
                match self.by_key.get(&key) {
                    Some(&v) => v,
                    None => self.assume_vnet(key, vnet_name.clone(), group.clone()),
                }
            }
            (None, None) => {
                notes.unresolved(
                    attrs.span_of("virtual_network_name"),
                    &r.address,
                    "its VNet is unknown until apply, so the subnet is not checked".to_string(),
                );
                self.unreadable.insert(&r.address);
                return;
            }
        };
        let inline_vnet = self.inline_vnets.get(&v).copied();
        let vnet = &mut self.vnets[v];
        let key = scope_key(vnet.resource_group.as_ref(), &vnet.name.value);
        self.by_id.insert(id_key(&key, &subnet.name.value));
        if !r.data {
            self.managed_subnets
                .insert(id_key(&key, &subnet.name.value), &r.address);
        }
        self.subnet_refs.insert(&r.address, &r.address);
        let Some(vnet_address) = inline_vnet else {
            vnet.subnets.push(subnet);
            return;
        };
        // The provider documents that a VNet with inline subnets cannot be used with subnet
        // resources: each apply of one overwrites the other's subnets. One name is one
        // subnet (the `azurerm_subnet` is kept); either way the plan never settles.
        let same = vnet
            .subnets
            .iter()
            .position(|s| folded(&s.name.value) == folded(&subnet.name.value));
        let mut finding = Finding::new(
            Rule::ConflictingDeclarations,
            subnet.name.span,
            match same {
                Some(_) => format!(
                    "subnet `{}` is declared twice, as `{}` and as an inline `subnet` block of `{vnet_address}`: the two overwrite each other on every apply",
                    subnet.name.value, r.address
                ),
                None => format!(
                    "`{}` adds a subnet to `{vnet_address}`, whose inline `subnet` blocks remove it again on every apply",
                    r.address
                ),
            },
        )
        .severity(Severity::Error)
        .help("declare the VNet's subnets either as inline `subnet` blocks or as `azurerm_subnet` resources, never both: the azurerm provider documents that the two overwrite each other");
        match same {
            Some(i) => {
                finding = finding.related(
                    vnet.subnets[i].name.span,
                    "the inline `subnet` block with that name",
                );
                vnet.subnets[i] = subnet;
            }
            None => vnet.subnets.push(subnet),
        }
        notes.push(finding);
    }

    /// A VNet only its subnets name (another state holds it).
    fn assume_vnet(&mut self, key: String, name: Spanned<String>, group: Option<Spanned<String>>) -> usize {
        let index = self.vnets.len();
        self.assumed.push((index, name.span));
        self.vnets.push(Vnet {
            address_space: Spanned::default_at(Vec::new(), name.span),
            name,
            resource_group: group,
            peerings: Vec::new(),
            subnets: Vec::new(),
            origin: None,
        });
        self.by_key.insert(key, index);
        index
    }

    /// The AzAPI subnets, by address, with their IDs (`None`: not read), so azurerm pools
    /// link to them.
    pub fn azapi_subnets(&mut self, subnets: std::collections::HashMap<String, Option<String>>) {
        self.azapi = subnets;
    }

    fn peering(&mut self, r: &Resource<'_>, notes: &mut Notes) {
        let attrs = Attrs::new(&r.values, &r.address);
        let group = attrs.string("resource_group_name", notes);
        let local = self.vnet_named(r, "virtual_network_name", |n| scope_key(group.as_ref(), n), notes);
        let remote = self.vnet_named(
            r,
            "remote_virtual_network_id",
            |id| match id_parts(id, "virtualNetworks") {
                Some((g, n)) => folded(&format!("{g}/{n}")),
                None => folded(&format!("/{id}")),
            },
            notes,
        );
        let (Some(local), Some(remote)) = (local, remote) else {
            return;
        };
        let peer = &self.vnets[remote];
        // The resolver finds a VNet by the address it came from first: names repeat across
        // resource groups.
        let written = peer
            .origin
            .as_ref()
            .map_or_else(|| peer.name.value.clone(), |o| o.resource.clone());
        let span = attrs.span_of("remote_virtual_network_id");
        self.vnets[local].peerings.push(Spanned::new(written, span));
    }

    /// The VNet an argument of a peering names, through its references or its value.
    fn vnet_named(
        &self,
        r: &Resource<'_>,
        key: &str,
        scope: impl Fn(&str) -> String,
        notes: &mut Notes,
    ) -> Option<usize> {
        if let Some(&v) = r
            .references
            .get(key)
            .and_then(|refs| refs.iter().find_map(|a| self.by_address.get(a.as_str())))
        {
            return Some(v);
        }
        let attrs = Attrs::new(&r.values, &r.address);
        let value = attrs.string(key, notes);
        if let Some(&v) = value.as_ref().and_then(|s| self.by_key.get(&scope(&s.value))) {
            return Some(v);
        }
        let what = match value {
            Some(v) => format!("`{key}` names `{}`, a VNet this plan does not hold", v.value),
            None => format!("`{key}` is unknown until apply"),
        };
        notes.unresolved(
            attrs.span_of(key),
            &r.address,
            format!("{what}, so the peering is left out"),
        );
        None
    }

    /// How a pool's `vnet_subnet_id` or `pod_subnet_id` names its subnet: a resource ID the
    /// plan already knows, else the configuration's references.
    pub fn link(&self, value: Option<&Node<'_>>, references: Option<&Vec<String>>) -> Option<SubnetLink> {
        if let Some(id) = value.and_then(Node::as_str) {
            return Some(match reference::parse(id) {
                SubnetRef::Qualified {
                    resource_group: Some(group),
                    vnet,
                    subnet,
                } if self.by_id.contains(&folded(&format!("{group}/{vnet}/{subnet}"))) => {
                    SubnetLink::To(id.to_string())
                }
                _ => SubnetLink::Missing(format!(
                    "names `{id}`, a subnet this plan does not hold (another state?)"
                )),
            });
        }
        let refs = references?;
        for address in refs {
            if let Some(written) = self.subnet_refs.get(address.as_str()) {
                return Some(SubnetLink::To(written.to_string()));
            }
            match self.azapi.get(address.as_str()) {
                Some(Some(id)) => return Some(SubnetLink::To(id.clone())),
                Some(None) => return Some(SubnetLink::Unreadable),
                None => {}
            }
            if self.unreadable.contains(address.as_str()) {
                return Some(SubnetLink::Unreadable);
            }
            if self.inline.get(address.as_str()).is_some_and(|&n| n > 1) {
                return Some(SubnetLink::Missing(format!(
                    "refers to an inline subnet of `{address}`, which has several: cniplan cannot tell which"
                )));
            }
        }
        let first = refs.first()?;
        Some(SubnetLink::Missing(format!(
            "refers to `{first}`, which is no subnet this plan holds"
        )))
    }
}

/// A name's scope: its folded resource group (empty when unknown) and folded name, as
/// `group/name` (Azure allows no `/` in either).
fn scope_key(group: Option<&Spanned<String>>, name: &str) -> String {
    let group = group.map_or("", |g| g.value.as_str());
    folded(&format!("{group}/{name}"))
}

/// A subnet's key for resource IDs: its VNet's scope key and its folded name.
fn id_key(vnet: &str, subnet: &str) -> String {
    format!("{vnet}/{}", folded(subnet))
}

impl super::Linker for Networks<'_> {
    fn link(&self, address: &str) -> super::Link {
        if let Some(written) = self.subnet_refs.get(address) {
            return super::Link::To(written.to_string());
        }
        if self.unreadable.contains(address) {
            return super::Link::Unreadable;
        }
        super::Link::Missing
    }

    fn holds(&self, text: &str) -> bool {
        if self.subnet_refs.values().any(|w| *w == text) {
            return true;
        }
        match reference::parse(text) {
            SubnetRef::Qualified {
                resource_group: Some(group),
                vnet,
                subnet,
            } => self.by_id.contains(&folded(&format!("{group}/{vnet}/{subnet}"))),
            _ => false,
        }
    }
}
