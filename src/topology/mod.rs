//! The plan resolved: every CIDR parsed, every reference pointing at its subnet, every
//! default filled in. Rules and the simulator read only this.

pub mod churn_settings;
mod cidr;
mod miss;
pub mod place;
mod resolve;
pub mod space;

use crate::diagnostic::{Span, Spanned};
use crate::limits::Allocation;
use crate::mode::Mode;
use crate::plan::model::{MaxSurge, NetworkDataplane, NetworkPlugin, NetworkPolicy, Origin, OsType};
use ipnet::{IpNet, Ipv4Net};
use std::net::Ipv4Addr;

pub use cidr::parse_auto;
pub use resolve::resolve;

/// A CIDR as written. Rules use [`Cidr::net`], the network it denotes; `cidr-host-bits`
/// alone looks at what was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cidr {
    pub written: Ipv4Net,
    pub span: Span,
    pub defaulted: bool,
}

impl Cidr {
    pub fn net(&self) -> Ipv4Net {
        self.written.trunc()
    }
}

/// An IPv6 range of a dual-stack cluster, as written (or its default, at the cluster's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cidr6 {
    pub written: ipnet::Ipv6Net,
    pub span: Span,
    pub defaulted: bool,
}

impl Cidr6 {
    pub fn net(&self) -> ipnet::Ipv6Net {
        self.written.trunc()
    }
}

#[derive(Debug, Default)]
pub struct Topology {
    pub vnets: Vec<Vnet>,
    pub subnets: Vec<Subnet>,
    pub external_networks: Vec<ExternalNetwork>,
    pub clusters: Vec<Cluster>,
    pub allocation: Allocation,
    /// The plan's `churn:` settings, for `simulate --churn` and `report`.
    pub churn: crate::topology::churn_settings::ChurnSettings,
}

#[derive(Debug)]
pub struct Vnet {
    pub name: Spanned<String>,
    pub resource_group: Option<String>,
    pub origin: Option<Origin>,
    /// The prefixes that parsed; invalid ones were reported and left out.
    pub address_space: Vec<Cidr>,
    /// A dual-stack VNet's IPv6 prefixes (imported VNets only: a cniplan plan's address
    /// space is IPv4).
    pub address_space_v6: Vec<Cidr6>,
    /// Peered VNets as written on this side (indices into `Topology::vnets`).
    pub peerings: Vec<usize>,
    /// Indices into `Topology::subnets`.
    pub subnets: Vec<usize>,
}

#[derive(Debug)]
pub struct Subnet {
    pub vnet: usize,
    pub name: Spanned<String>,
    /// Boxed: only imported subnets have one, and an estate has a hundred thousand subnets.
    pub origin: Option<Box<Origin>>,
    pub cidr: Option<Cidr>,
    /// The IPv4 prefixes after the first of a subnet that has several (imported subnets
    /// only): one subnet, its usable IPs the sum of its prefixes'.
    pub more_cidrs: Vec<Cidr>,
    /// A dual-stack subnet's IPv6 prefixes (imported subnets only): a capacity row of their
    /// own, whose nodes are those of dual-stack clusters.
    pub cidrs_v6: Vec<Cidr6>,
    pub reserved_ips: Spanned<u32>,
    pub delegation: Option<Spanned<String>>,
    /// Written `cidr: auto` or `cidr: auto/22`: `crate::size::auto::place` sizes the subnet,
    /// places it and sets `cidr`, before the rules and the scenario run.
    pub auto: Option<AutoCidr>,
    /// Written `ipam/24`: a /24 whose address Azure's IPAM assigns at deployment. Its size is
    /// counted; having no address, it overlaps nothing a rule can tell.
    pub assigned: Option<u8>,
}

impl Subnet {
    /// Every prefix of the subnet, the first first; none when its CIDR did not parse.
    pub fn cidrs(&self) -> impl Iterator<Item = &Cidr> {
        self.cidr
            .iter()
            .chain(self.cidr.as_ref().map_or(&[][..], |_| &self.more_cidrs[..]))
    }

    /// Every prefix of either family, IPv4 first, each with its place: what the overlap rules
    /// sweep (the families are apart in `ipnet::IpNet`'s order, so they never meet).
    pub fn prefixes(&self) -> impl Iterator<Item = (IpNet, Span)> + '_ {
        self.cidrs()
            .map(|c| (IpNet::V4(c.net()), c.span))
            .chain(self.cidrs_v6.iter().map(|c| (IpNet::V6(c.net()), c.span)))
    }

    /// The subnet's prefixes for a message: `10.0.0.0/24`, or `10.0.0.0/24 + 10.0.1.0/24`.
    pub fn ranges_text(&self) -> String {
        self.cidrs()
            .map(|c| c.net().to_string())
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// A subnet whose range cniplan chooses (docs/sizing.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoCidr {
    /// The prefix of `auto/22`; `None` for `auto`, sized from the subnet's peak.
    pub prefix: Option<u8>,
    /// Where `auto` is written: the placed CIDR and its findings point here, and
    /// `size --write` replaces it.
    pub span: Span,
    /// The prefix placement looked for (`None` until placed, or when no IPv4 range holds
    /// the peak).
    pub sized: Option<u8>,
    /// The peak needs more than the mode's largest pod subnet; `sized` is that limit.
    pub capped: bool,
    /// The peak demand the subnet was sized for.
    pub peak_demand: u64,
}

#[derive(Debug)]
pub struct ExternalNetwork {
    pub name: Spanned<String>,
    pub cidrs: Vec<Cidr>,
}

#[derive(Clone, Debug)]
pub struct Cluster {
    pub name: Spanned<String>,
    pub resource_group: Option<String>,
    pub origin: Option<Origin>,
    /// `network_plugin` (default azure), where it was written or the cluster's name.
    pub network_plugin: Spanned<NetworkPlugin>,
    /// Where `network_plugin_mode: overlay` is written.
    pub overlay: Option<Span>,
    /// The pod range of overlay and kubenet clusters (their default when unset), and of a
    /// bring-your-own CNI cluster that sets one; `None` for the other modes.
    pub pod_cidr: Option<Cidr>,
    pub network_dataplane: Spanned<NetworkDataplane>,
    pub network_policy: Spanned<NetworkPolicy>,
    pub kubernetes_version: Option<Spanned<String>>,
    /// `None` when the written value did not parse.
    pub service_cidr: Option<Cidr>,
    /// A dual-stack cluster's IPv6 pod CIDR (its own or AKS's default); `None` single-stack.
    pub pod_cidr_v6: Option<Cidr6>,
    /// A dual-stack cluster's IPv6 service CIDR; `None` single-stack.
    pub service_cidr_v6: Option<Cidr6>,
    pub dns_service_ip: Option<Spanned<Ipv4Addr>>,
    pub cli_version: Option<Spanned<String>>,
    pub private_link_service: Spanned<bool>,
    /// The VNet of the cluster's node subnets (the first pool's that resolves).
    pub vnet: Option<usize>,
    /// API Server VNet Integration: the API server's subnet, when the reference resolved, and
    /// where it is written.
    pub api_server_subnet: Option<usize>,
    pub api_server_subnet_written: Option<Span>,
    /// AKS Automatic's hosted system node pool: its subnet, when the reference resolved, and
    /// where it is written.
    pub system_node_subnet: Option<usize>,
    pub system_node_subnet_written: Option<Span>,
    /// The hosted system pool's nodes: `hosted_system_nodes`, else the assumed
    /// `limits::HOSTED_SYSTEM_NODES` at the cluster's `sku` (defaulted).
    pub hosted_system_nodes: Spanned<u32>,
    /// Where the cluster is said to be AKS Automatic (`sku: Automatic`).
    pub automatic: Option<Span>,
    /// Node auto-provisioning is on: where an imported input says so, else where the first
    /// of `provisioned_pools` is named; `None` without it.
    pub node_provisioning: Option<Span>,
    pub pools: Vec<Pool>,
}

impl Cluster {
    /// The cluster runs IPv4 and IPv6 (its service CIDRs list both, or AKS's IPv6 default was
    /// taken): each node takes an IPv6 address of its node subnet too.
    pub fn dual_stack(&self) -> bool {
        self.service_cidr_v6.is_some()
    }

    /// The cluster's network mode as `compare` names it: a pod-subnet cluster is dynamic
    /// while any pool allocates dynamically, static block when all of them use blocks.
    pub fn mode(&self) -> Mode {
        let modes = || self.pools.iter().map(|p| p.mode);
        if modes().any(|m| m == Mode::Dynamic) {
            Mode::Dynamic
        } else {
            // A cluster without pools (imported, or Automatic): its network's mode.
            modes().next().unwrap_or(match self.network_plugin.value {
                NetworkPlugin::Kubenet => Mode::Kubenet,
                NetworkPlugin::None => Mode::None,
                NetworkPlugin::Azure if self.overlay.is_some() => Mode::Overlay,
                NetworkPlugin::Azure => Mode::Traditional,
            })
        }
    }

    /// Some pool takes its pod IPs from a pod subnet.
    pub fn uses_pod_subnet(&self) -> bool {
        self.pools.iter().any(|p| p.mode.uses_pod_subnet())
    }

    /// The pod CIDR the cluster really uses: its pods' range in overlay and kubenet, the
    /// control plane's route to pods with a bring-your-own CNI (AKS docs use-byo-cni.md).
    /// `None` when pods take VNet IPs, whatever `pod_cidr` says (mixed-cni reports that).
    pub fn pod_cidr_in_use(&self) -> Option<&Cidr> {
        let uses_one = match self.network_plugin.value {
            NetworkPlugin::Kubenet | NetworkPlugin::None => true,
            NetworkPlugin::Azure => self.overlay.is_some(),
        };
        self.pod_cidr.as_ref().filter(|_| uses_one)
    }
}

#[derive(Clone, Debug)]
pub struct Pool {
    pub name: Spanned<String>,
    /// How the pool's pods get their IPs (decided by the cluster's plugin and mode, the
    /// pool's pod subnet and its allocation mode).
    pub mode: Mode,
    /// Where `pod_ip_allocation_mode` is written, if it is.
    pub allocation_mode: Option<Span>,
    pub os_type: Spanned<OsType>,
    /// The OS SKU when written (Ubuntu, AzureLinux, Windows2019, Windows2022, …).
    pub os_sku: Option<Spanned<String>>,
    /// Nodes at baseline: `node_count`, else `min_count`.
    pub baseline_nodes: Spanned<u32>,
    /// The fewest nodes the pool runs: `min_count`, else `node_count`.
    pub min_nodes: Spanned<u32>,
    /// Nodes at full scale: `max_count`, else `node_count`.
    pub full_scale_nodes: Spanned<u32>,
    pub autoscaling: bool,
    pub max_pods: Spanned<u32>,
    pub max_surge: Spanned<MaxSurge>,
    pub pods_per_node: Spanned<u32>,
    /// The node subnet, when the reference resolved.
    pub node_subnet: Option<usize>,
    pub node_subnet_span: Span,
    /// The pod subnet's reference as written, and the subnet it resolved to.
    pub pod_subnet_written: Option<Span>,
    /// The pod subnet reference is one an imported input could not read (known only after
    /// apply, possibly null): the rules about a pod subnet where none belongs stay silent.
    pub pod_subnet_unknown: bool,
    pub pod_subnet: Option<usize>,
    /// A node auto-provisioning pool (`provisioned_pools`): Karpenter adds nodes on demand,
    /// from none up to `full_scale_nodes`.
    pub provisioned: bool,
    /// Pods on virtual nodes (ACI), one IP each in `virtual_node_subnet`; 0 when unset.
    pub virtual_node_pods: Spanned<u32>,
    /// The virtual-node subnet's reference as written, and the subnet it resolved to.
    pub virtual_node_subnet_written: Option<Span>,
    pub virtual_node_subnet: Option<usize>,
}

impl Vnet {
    /// Every prefix of the address space of either family, IPv4 first, each with its place.
    pub fn spaces(&self) -> impl Iterator<Item = (IpNet, Span)> + '_ {
        self.address_space
            .iter()
            .map(|c| (IpNet::V4(c.net()), c.span))
            .chain(self.address_space_v6.iter().map(|c| (IpNet::V6(c.net()), c.span)))
    }
}

impl Topology {
    /// The VNets of a cluster's node subnets, first seen first (AKS puts them in one, but a
    /// plan may not).
    pub fn cluster_vnets(&self, cluster: &Cluster) -> Vec<usize> {
        let mut vnets: Vec<usize> = Vec::new();
        for v in cluster
            .pools
            .iter()
            .filter_map(|p| p.node_subnet)
            .map(|s| self.subnets[s].vnet)
        {
            if !vnets.contains(&v) {
                vnets.push(v);
            }
        }
        vnets
    }

    /// Each VNet's peers, both ways: a peering listed on one side is enough.
    pub fn peers(&self) -> Vec<Vec<usize>> {
        let mut peers = vec![Vec::new(); self.vnets.len()];
        for (v, vnet) in self.vnets.iter().enumerate() {
            for &p in &vnet.peerings {
                if p != v {
                    peers[v].push(p);
                    peers[p].push(v);
                }
            }
        }
        for list in &mut peers {
            list.sort_unstable();
            list.dedup();
        }
        peers
    }
}

/// `1.27`, `1.27.3` or `v1.27` as (major, minor); `None` for anything else.
pub fn kubernetes_minor(text: &str) -> Option<(u32, u32)> {
    let text = text.trim();
    let text = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let parts: Vec<&str> = text.split('.').collect();
    let number = |i: usize| parts.get(i)?.parse::<u32>().ok();
    match parts.len() {
        2 => Some((number(0)?, number(1)?)),
        3 => number(2).and(Some((number(0)?, number(1)?))),
        _ => None,
    }
}

#[cfg(test)]
mod version_tests {
    use super::kubernetes_minor;
    #[test]
    fn versions_read_as_major_and_minor() {
        assert_eq!(kubernetes_minor("1.27"), Some((1, 27)));
        assert_eq!(kubernetes_minor("1.27.3"), Some((1, 27)));
        assert_eq!(kubernetes_minor("v1.28"), Some((1, 28)));
        assert_eq!(kubernetes_minor(" 1.33.0 "), Some((1, 33)));
        assert!(kubernetes_minor("1.9") < kubernetes_minor("1.28"));
        for bad in ["1", "1.x", "latest", "1.28.x", "1.28.0.1", ""] {
            assert_eq!(kubernetes_minor(bad), None, "{bad}");
        }
    }
}
