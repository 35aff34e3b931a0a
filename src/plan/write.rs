//! A typed plan → an editable cniplan plan (YAML, docs/plan-format.md), for `cniplan import`:
//! keys in the order of that page, each value commented with the resource it came from and its file
//! and line, so a reviewer can trace every figure back to the input.
//!
//! Imported pools name subnets by resource address, which a cniplan plan cannot; the writer
//! turns those into `vnet/subnet`, or a resource ID with the resource group when VNet names
//! repeat, so `check` of the written plan resolves every pool as the input did.

use super::model::{
    is_ipv6, Allocation, NetworkPluginMode, Origin, PodIpAllocationMode, ProvisionedPool, Subnet, Vnet,
};
use super::model::{
    Cluster, MaxSurge, NetworkDataplane, NetworkPlugin, NetworkPolicy, NodePool, OsType, Plan,
};
use crate::diagnostic::{Finding, Spanned};
use crate::source::SourceFile;
use std::collections::HashMap;

/// One input's plan, the files its spans point into, and the notes of reading it.
pub struct Part<'p> {
    pub plan: &'p Plan,
    pub sources: &'p [SourceFile],
    pub notes: &'p [Finding],
}

/// The parts as one plan: VNets and clusters of every part, in order.
pub fn write(parts: &[Part<'_>]) -> String {
    let names = Names::of(parts);
    let mut w = Writer {
        out: String::new(),
        names: &names,
        sources: &[],
        vnets_written: 0,
    };
    // Inputs named as given, each in backticks: "from `.`" reads as a path, "from .." did not.
    let inputs: Vec<String> = parts
        .iter()
        .filter_map(|p| p.sources.first())
        .map(|s| format!("`{}`", s.path))
        .collect();
    w.line(&format!(
        "# Imported by cniplan from {}.",
        comment_text(&inputs.join(", "))
    ));
    w.line("# Each value's comment names the resource it came from and where it is written;");
    w.line("# edit freely, then `cniplan check` this file.");
    for part in parts {
        for note in part.notes {
            let at = note
                .span
                .map_or(String::new(), |s| format!(" ({})", location(part.sources, s)));
            w.line(&format!(
                "# {}: {}",
                note.rule.name(),
                comment_text(&format!("{}{at}", note.message))
            ));
        }
    }
    w.line("version: 1");
    if parts.iter().any(|p| !p.plan.vnets.is_empty()) {
        w.line("vnets:");
        for part in parts {
            w.sources = part.sources;
            for vnet in &part.plan.vnets {
                w.vnet(vnet);
            }
        }
    }
    if parts.iter().any(|p| !p.plan.external_networks.is_empty()) {
        w.line("external_networks:");
        for part in parts {
            w.sources = part.sources;
            for ext in &part.plan.external_networks {
                w.field(4, true, "name", &ext.name, scalar(&ext.name.value), None);
                let cidrs = list(ext.cidrs.iter().map(|c| c.value.as_str()));
                let at = ext.cidrs.first().unwrap_or(&ext.name);
                w.field(4, false, "cidrs", at, cidrs, None);
            }
        }
    }
    // Allocation settings are the plan's own: the first part that sets any wins.
    if let Some(part) = parts.iter().find(|p| has_allocation(&p.plan.allocation)) {
        w.sources = part.sources;
        w.allocation(&part.plan.allocation);
    }
    if parts.iter().any(|p| !p.plan.clusters.is_empty()) {
        // A cluster none of whose pools could be read (its pools unknown until apply) checks
        // alike without them, but a plan's cluster must list one: it is said, not written.
        let writable = |c: &Cluster| !c.node_pools.value.is_empty() || c.automatic().is_some();
        if parts.iter().flat_map(|p| &p.plan.clusters).any(writable) {
            w.line("clusters:");
        }
        for part in parts {
            w.sources = part.sources;
            for cluster in &part.plan.clusters {
                if writable(cluster) {
                    w.cluster(cluster);
                } else {
                    let at = w.comment(cluster.name.span, false, cluster.origin.as_ref());
                    let at = at.trim_start().trim_start_matches("# ");
                    w.line(&format!(
                        "# cluster `{}` ({at}) is not written: none of its node pools could be read, and a plan's cluster lists one",
                        comment_text(&cluster.name.value)
                    ));
                }
            }
        }
    }
    w.out
}

/// How the written plan names each imported VNet and subnet.
struct Names {
    /// Folded origin address → the subnet reference to write.
    subnets: HashMap<String, String>,
    /// Folded origin address → the VNet's name and resource group, for peerings.
    vnets: HashMap<String, (String, Option<String>)>,
    /// For each VNet in writing order, the resource group to write when the input left it
    /// out of the VNet but said it elsewhere (its subnets), and another VNet has its name:
    /// without it the VNet's subnets could not be told from the namesakes'.
    inferred_groups: Vec<Option<String>>,
}

impl Names {
    fn of(parts: &[Part<'_>]) -> Self {
        let vnets: Vec<&Vnet> = parts.iter().flat_map(|p| &p.plan.vnets).collect();
        let mut vnet_names: HashMap<String, usize> = HashMap::new();
        for vnet in &vnets {
            *vnet_names.entry(vnet.name.value.to_lowercase()).or_default() += 1;
        }
        let mut names = Names {
            subnets: HashMap::new(),
            vnets: HashMap::new(),
            inferred_groups: Vec::with_capacity(vnets.len()),
        };
        for vnet in vnets {
            let unique = vnet_names.get(&vnet.name.value.to_lowercase()) == Some(&1);
            let inferred = match &vnet.resource_group {
                Some(_) => None,
                None if unique => None,
                None => group_elsewhere(vnet),
            };
            let group = vnet
                .resource_group
                .as_ref()
                .map(|g| g.value.clone())
                .or_else(|| inferred.clone());
            names.inferred_groups.push(inferred);
            if let Some(o) = &vnet.origin {
                names
                    .vnets
                    .entry(o.resource.to_lowercase())
                    .or_insert((vnet.name.value.clone(), group.clone()));
            }
            for subnet in &vnet.subnets {
                let Some(o) = &subnet.origin else { continue };
                let written = match (&group, unique) {
                    (Some(group), false) => format!(
                        "/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}/subnets/{}",
                        group, vnet.name.value, subnet.name.value
                    ),
                    _ => format!("{}/{}", vnet.name.value, subnet.name.value),
                };
                names.subnets.entry(o.resource.to_lowercase()).or_insert(written);
            }
        }
        names
    }
}

/// The resource group a VNet's origin or one of its subnets names, for a VNet read without
/// its own (unknown until apply, or only its subnets declared): a subnet's resource group is
/// its VNet's in Azure.
fn group_elsewhere(vnet: &Vnet) -> Option<String> {
    vnet.origin
        .iter()
        .chain(vnet.subnets.iter().filter_map(|s| s.origin.as_ref()))
        .find_map(|o| o.resource_group.clone())
}

struct Writer<'w> {
    out: String,
    names: &'w Names,
    sources: &'w [SourceFile],
    /// The VNets written so far, indexing `names.inferred_groups`.
    vnets_written: usize,
}

impl Writer<'_> {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// `key: value  # where`, indented; `first` starts a list item.
    fn field<T>(
        &mut self,
        indent: usize,
        first: bool,
        key: &str,
        value: &Spanned<T>,
        text: String,
        origin: Option<&Origin>,
    ) {
        let lead = if first {
            format!("{}- ", " ".repeat(indent - 2))
        } else {
            " ".repeat(indent)
        };
        let comment = self.comment(value.span, value.defaulted, origin);
        self.line(&format!("{lead}{key}: {text}{comment}"));
    }

    fn comment(&self, span: crate::diagnostic::Span, defaulted: bool, origin: Option<&Origin>) -> String {
        let mut parts = Vec::new();
        if defaulted {
            parts.push("assumed (AKS's default)".to_string());
        }
        if let Some(o) = origin {
            parts.push(o.resource.clone());
        }
        if self.sources.get(span.file as usize).is_some() {
            parts.push(location(self.sources, span));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("  # {}", comment_text(&parts.join(", ")))
        }
    }

    fn opt<T>(
        &mut self,
        key: &str,
        value: &Option<Spanned<T>>,
        text: impl Fn(&T) -> String,
        origin: Option<&Origin>,
        indent: usize,
    ) {
        if let Some(v) = value {
            let rendered = text(&v.value);
            self.field(indent, false, key, v, rendered, origin);
        }
    }

    fn allocation(&mut self, a: &Allocation) {
        self.line("allocation:");
        self.opt("batch_size", &a.batch_size, u32::to_string, None, 2);
        self.opt("refill_below", &a.refill_below, u32::to_string, None, 2);
        self.opt("release_at", &a.release_at, u32::to_string, None, 2);
        self.opt(
            "primary_ips_per_node",
            &a.primary_ips_per_node,
            u32::to_string,
            None,
            2,
        );
        self.opt("headroom_warning", &a.headroom_warning, f64::to_string, None, 2);
    }

    fn vnet(&mut self, vnet: &Vnet) {
        let o = vnet.origin.as_ref();
        self.field(4, true, "name", &vnet.name, scalar(&vnet.name.value), o);
        self.opt("resource_group", &vnet.resource_group, |g| scalar(g), o, 4);
        let inferred = self
            .names
            .inferred_groups
            .get(self.vnets_written)
            .cloned()
            .flatten();
        self.vnets_written += 1;
        if let Some(group) = &inferred {
            let text = comment_text(&format!(
                "the resource group of its subnets: another VNet is named `{}`",
                vnet.name.value
            ));
            self.line(&format!("    resource_group: {}  # {text}", scalar(group)));
        }
        // A cniplan plan's address space is IPv4: a dual-stack VNet's IPv6 prefixes are said,
        // not written (check would refuse them as invalid-cidr).
        let (v4, v6): (Vec<&str>, Vec<&str>) = vnet
            .address_space
            .value
            .iter()
            .map(|c| c.value.as_str())
            .partition(|c| !is_ipv6(c));
        let space = list(v4.into_iter());
        self.field(4, false, "address_space", &vnet.address_space, space, o);
        if !v6.is_empty() {
            self.ipv6_left_out(4, &v6, "its subnets' IPv6 prefixes are not checked against it");
        }
        if !vnet.peerings.is_empty() {
            let own_group = vnet
                .resource_group
                .as_ref()
                .map(|g| g.value.as_str())
                .or(inferred.as_deref());
            let peers: Vec<String> = vnet
                .peerings
                .iter()
                .map(|p| match self.names.vnets.get(&p.value.to_lowercase()) {
                    Some((name, group)) => peer_reference(name, group.as_deref(), own_group),
                    None => p.value.clone(),
                })
                .collect();
            let first = &vnet.peerings[0];
            let text = list(peers.iter().map(String::as_str));
            self.field(4, false, "peerings", first, text, o);
        }
        if !vnet.subnets.is_empty() {
            self.line("    subnets:");
            for subnet in &vnet.subnets {
                self.subnet(subnet);
            }
        }
    }

    fn subnet(&mut self, subnet: &Subnet) {
        let o = subnet.origin.as_ref();
        self.field(8, true, "name", &subnet.name, scalar(&subnet.name.value), o);
        self.field(8, false, "cidr", &subnet.cidr, scalar(&subnet.cidr.value), o);
        // A cniplan plan holds one IPv4 prefix per subnet: the others are said, not dropped.
        let (more, v6): (Vec<&str>, Vec<&str>) = subnet
            .more_cidrs
            .iter()
            .map(|c| c.value.trim())
            .partition(|c| !is_ipv6(c));
        if !more.is_empty() {
            let text = comment_text(&format!(
                "also {}: a cniplan plan holds one prefix per subnet, so check counts only `cidr`",
                more.join(", ")
            ));
            self.line(&format!("        # {text}"));
        }
        if is_ipv6(&subnet.cidr.value) {
            let text =
                "an IPv6-only subnet: a cniplan plan's `cidr` is IPv4, so check reports it as invalid-cidr";
            self.line(&format!("        # {text}"));
        }
        if !v6.is_empty() {
            self.ipv6_left_out(
                8,
                &v6,
                "its IPv6 capacity row (an address per node of a dual-stack cluster) is not checked",
            );
        }
        self.opt("reserved_ips", &subnet.reserved_ips, u32::to_string, o, 8);
        self.opt("delegation", &subnet.delegation, |d| scalar(d), o, 8);
    }

    /// The comment naming IPv6 prefixes the plan cannot hold, and what check then leaves out.
    fn ipv6_left_out(&mut self, indent: usize, prefixes: &[&str], what: &str) {
        let text = comment_text(&format!(
            "IPv6 {} left out: a cniplan plan holds IPv4 prefixes, so {what}",
            prefixes.join(", ")
        ));
        self.line(&format!("{}# {text}", " ".repeat(indent)));
    }

    fn cluster(&mut self, c: &Cluster) {
        let o = c.origin.as_ref();
        self.field(4, true, "name", &c.name, scalar(&c.name.value), o);
        self.opt("resource_group", &c.resource_group, |g| scalar(g), o, 4);
        self.opt(
            "network_plugin",
            &c.network_plugin,
            |p| plugin(*p).to_string(),
            o,
            4,
        );
        self.opt(
            "network_plugin_mode",
            &c.network_plugin_mode,
            |m| match m {
                NetworkPluginMode::Overlay => "overlay".to_string(),
            },
            o,
            4,
        );
        self.opt("pod_cidr", &c.pod_cidr, |s| scalar(s), o, 4);
        self.opt(
            "network_dataplane",
            &c.network_dataplane,
            |d| dataplane(*d).to_string(),
            o,
            4,
        );
        self.opt(
            "network_policy",
            &c.network_policy,
            |p| policy(*p).to_string(),
            o,
            4,
        );
        self.opt("kubernetes_version", &c.kubernetes_version, |s| quoted(s), o, 4);
        self.opt("service_cidr", &c.service_cidr, |s| scalar(s), o, 4);
        for (key, list) in [("pod_cidrs", &c.pod_cidrs), ("service_cidrs", &c.service_cidrs)] {
            if let Some(list) = list {
                let items: Vec<String> = list.value.iter().map(|i| scalar(&i.value)).collect();
                self.field(4, false, key, list, format!("[{}]", items.join(", ")), o);
            }
        }
        self.opt("dns_service_ip", &c.dns_service_ip, |s| scalar(s), o, 4);
        self.opt("cli_version", &c.cli_version, |s| scalar(s), o, 4);
        self.opt(
            "private_link_service",
            &c.private_link_service,
            bool::to_string,
            o,
            4,
        );
        let auto = c.node_provisioning.or_else(|| {
            c.node_provisioning_mode
                .as_ref()
                .filter(|m| m.value == crate::plan::model::NodeProvisioningMode::Auto)
                .map(|m| m.span)
        });
        if let Some(span) = auto {
            let auto = Spanned::new("Auto".to_string(), span);
            self.field(4, false, "node_provisioning_mode", &auto, "Auto".to_string(), o);
        }
        self.line("    node_pools:");
        for pool in &c.node_pools.value {
            self.pool(pool);
        }
        if !c.provisioned_pools.is_empty() {
            self.line("    provisioned_pools:");
            for pool in &c.provisioned_pools {
                self.provisioned_pool(pool, c.origin.as_ref());
            }
        }
    }

    fn pool(&mut self, p: &NodePool) {
        let o = p.origin.as_ref();
        self.field(8, true, "name", &p.name, scalar(&p.name.value), o);
        self.opt("os_type", &p.os_type, |t| os(*t).to_string(), o, 8);
        self.opt("node_count", &p.node_count, u32::to_string, o, 8);
        self.opt("min_count", &p.min_count, u32::to_string, o, 8);
        self.opt("max_count", &p.max_count, u32::to_string, o, 8);
        self.opt("max_pods", &p.max_pods, u32::to_string, o, 8);
        self.opt("max_surge", &p.max_surge, |s| surge(s), o, 8);
        self.opt("max_unavailable", &p.max_unavailable, |s| surge(s), o, 8);
        if p.vnet_subnet.value.is_empty() {
            // An imported pool whose subnet no input held: its note above says which
            // reference; the user fills it in (an empty reference is an error until then).
            self.line("        # vnet_subnet: no input held this pool's subnet; write its name, vnet/subnet or resource ID");
        }
        let node = self.reference(&p.vnet_subnet.value);
        self.field(8, false, "vnet_subnet", &p.vnet_subnet, node, o);
        if let Some(pod) = &p.pod_subnet {
            let text = self.reference(&pod.value);
            self.field(8, false, "pod_subnet", pod, text, o);
        }
        self.opt(
            "pod_ip_allocation_mode",
            &p.pod_ip_allocation_mode,
            |m| match m {
                PodIpAllocationMode::DynamicIndividual => "DynamicIndividual".to_string(),
                PodIpAllocationMode::StaticBlock => "StaticBlock".to_string(),
            },
            o,
            8,
        );
        self.opt("pods_per_node", &p.pods_per_node, u32::to_string, o, 8);
        self.opt("virtual_node_pods", &p.virtual_node_pods, u32::to_string, o, 8);
        if let Some(subnet) = &p.virtual_node_subnet {
            let text = self.reference(&subnet.value);
            self.field(8, false, "virtual_node_subnet", subnet, text, o);
        }
    }

    fn provisioned_pool(&mut self, p: &ProvisionedPool, o: Option<&Origin>) {
        let o = p.origin.as_ref().or(o);
        self.field(8, true, "name", &p.name, scalar(&p.name.value), o);
        self.opt("max_nodes", &p.max_nodes, u32::to_string, o, 8);
        self.opt("replicas", &p.replicas, u32::to_string, o, 8);
        if let Some(subnet) = &p.vnet_subnet {
            let text = self.reference(&subnet.value);
            self.field(8, false, "vnet_subnet", subnet, text, o);
        }
        self.opt("max_pods", &p.max_pods, u32::to_string, o, 8);
    }

    /// A subnet reference as a cniplan plan can write it.
    fn reference(&self, written: &str) -> String {
        match self.names.subnets.get(&written.to_lowercase()) {
            Some(name) => scalar(name),
            None => scalar(written),
        }
    }
}

fn has_allocation(a: &Allocation) -> bool {
    a.batch_size.is_some()
        || a.refill_below.is_some()
        || a.release_at.is_some()
        || a.primary_ips_per_node.is_some()
        || a.headroom_warning.is_some()
}

fn location(sources: &[SourceFile], span: crate::diagnostic::Span) -> String {
    match sources.get(span.file as usize) {
        Some(source) => format!("{}:{}", source.path, source.position(span.start).line),
        None => String::new(),
    }
}

/// Comments are single lines.
/// Text from the inputs (file names, resource names, messages) as it goes into a comment:
/// on one line, with no control character, and never starting a directive, so the written
/// plan's `check` does not obey what the data said (docs/configuration.md, directives).
fn comment_text(text: &str) -> String {
    let text = crate::source::visible(text);
    if text.trim_start().starts_with(crate::source::DIRECTIVE) {
        format!("from {text}")
    } else {
        text.into_owned()
    }
}

/// How a peering names its peer: by name within the VNet's own resource group, else by the
/// group and name in a resource ID's form, which the plan's peerings also take.
fn peer_reference(name: &str, group: Option<&str>, own_group: Option<&str>) -> String {
    match (group, own_group) {
        (Some(g), Some(own)) if !g.eq_ignore_ascii_case(own) => {
            format!("/resourceGroups/{g}/providers/Microsoft.Network/virtualNetworks/{name}")
        }
        _ => name.to_string(),
    }
}

fn list<'s>(items: impl Iterator<Item = &'s str>) -> String {
    let items: Vec<String> = items.map(scalar).collect();
    format!("[{}]", items.join(", "))
}

/// A string as YAML reads it back unchanged: plain when nothing in it means anything else
/// to YAML (names, CIDRs, IPs), else double-quoted with JSON's escapes, which YAML shares.
pub fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._/-".contains(c))
        && !is_yaml_word(text)
        && text.parse::<f64>().is_err()
        && !text.starts_with("0x")
        && !text.starts_with("0o");
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{}\"", text.escape_default()))
}

/// Words YAML 1.1 or 1.2 reads as something other than a string.
fn is_yaml_word(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n" | ".inf" | ".nan"
    )
}

fn surge(written: &str) -> String {
    match MaxSurge::parse(written) {
        Some(MaxSurge::Nodes(n)) if written.trim().chars().all(|c| c.is_ascii_digit()) => n.to_string(),
        _ => quoted(written.trim()),
    }
}

fn plugin(p: NetworkPlugin) -> &'static str {
    match p {
        NetworkPlugin::Azure => "azure",
        NetworkPlugin::Kubenet => "kubenet",
        NetworkPlugin::None => "none",
    }
}

fn dataplane(d: NetworkDataplane) -> &'static str {
    match d {
        NetworkDataplane::Azure => "azure",
        NetworkDataplane::Cilium => "cilium",
    }
}

fn policy(p: NetworkPolicy) -> &'static str {
    match p {
        NetworkPolicy::None => "none",
        NetworkPolicy::Azure => "azure",
        NetworkPolicy::Calico => "calico",
        NetworkPolicy::Cilium => "cilium",
    }
}

fn os(t: OsType) -> &'static str {
    match t {
        OsType::Linux => "Linux",
        OsType::Windows => "Windows",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_string() {
        assert_eq!(scalar("10.0.0.0/16"), "10.0.0.0/16");
        assert_eq!(scalar("aks-node"), "aks-node");
        assert_eq!(scalar("1.33"), "\"1.33\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("a b: #c"), "\"a b: #c\"");
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(scalar("quote\"d\n"), "\"quote\\\"d\\n\"");
        assert_eq!(scalar("/subscriptions/x"), "\"/subscriptions/x\"");
        assert_eq!(surge("33%"), "\"33%\"");
        assert_eq!(surge("2"), "2");
    }

    #[test]
    fn a_cniplan_plan_round_trips() {
        let text = include_str!("../../examples/aks-dynamic-ip/plan.yaml");
        let source = SourceFile::new("plan.yaml", text);
        let loaded = crate::input::cniplan::read(&source)
            .map_err(|f| format!("{f:?}"))
            .unwrap();
        let sources = [source];
        let written = write(&[Part {
            plan: &loaded.plan,
            sources: &sources,
            notes: &[],
        }]);
        let again = crate::check_source(SourceFile::new("again.yaml", written.clone()));
        let before = crate::check_source(sources[0].clone());
        assert_eq!(again.subnets, before.subnets, "{written}");
        assert!(written.contains("# plan.yaml:"), "{written}");
    }
}
