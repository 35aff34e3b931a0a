//! The typed plan every input becomes (docs/plan-format.md, version 1), each value with its place.
//!
//! A cniplan plan is read into these types through serde (`input::cniplan`); the Terraform,
//! ARM and az readers build them directly. Text that needs parsing (CIDRs, IPs, references,
//! surges) stays a string here: the resolver parses it with its span at hand, so a bad value
//! becomes a located finding. Optional values stay `None` when not written; the resolver
//! fills in the defaults, so a rule can tell a default from a choice.

use crate::diagnostic::Spanned;
use schemars::JsonSchema;
use serde::Deserialize;

/// Where an imported value came from: the resource it was read from (a Terraform address or
/// an Azure resource ID) and, for values, the file and line a user edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub resource: String,
    pub resource_group: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Plan {
    /// The plan format's version: 1.
    pub version: Spanned<u32>,
    #[serde(default)]
    pub vnets: Vec<Vnet>,
    /// On-premises and other connected ranges that nothing in Azure may overlap.
    #[serde(default)]
    pub external_networks: Vec<ExternalNetwork>,
    /// The node agent's batch settings and the headroom warning.
    #[serde(default)]
    pub allocation: Allocation,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    /// Settings of `simulate --churn`, the Monte Carlo trials of pods and nodes coming and going.
    #[serde(default)]
    pub churn: Option<Churn>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Vnet {
    pub name: Spanned<String>,
    /// The VNet's resource group; names need only be unique within one.
    #[serde(default)]
    pub resource_group: Option<Spanned<String>>,
    /// One or more IPv4 CIDRs.
    pub address_space: Spanned<Vec<Spanned<String>>>,
    /// Peered VNets of this plan: names within this VNet's resource group, or VNet resource
    /// IDs (an imported VNet's, or `/resourceGroups/RG/…/virtualNetworks/NAME`).
    #[serde(default)]
    pub peerings: Vec<Spanned<String>>,
    #[serde(default)]
    pub subnets: Vec<Subnet>,
    #[serde(skip)]
    #[schemars(skip)]
    pub origin: Option<Origin>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Subnet {
    pub name: Spanned<String>,
    /// An IPv4 CIDR such as 10.240.0.0/16; or `auto` (cniplan sizes and places the subnet),
    /// or `auto/24` (a /24 placed by cniplan).
    pub cidr: Spanned<String>,
    /// IPs taken by other resources (private endpoints, internal load balancers).
    #[serde(default)]
    pub reserved_ips: Option<Spanned<u32>>,
    /// A service delegation, e.g. Microsoft.ContainerService/managedClusters.
    #[serde(default)]
    pub delegation: Option<Spanned<String>>,
    /// The prefixes after the first of an imported subnet that has several (ARM and az
    /// `addressPrefixes`, Terraform `address_prefixes`), IPv4 ones first: one subnet, a
    /// capacity row per family whose usable IPs sum its prefixes (see [`ipv4_first`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub more_cidrs: Vec<Spanned<String>>,
    #[serde(skip)]
    #[schemars(skip)]
    pub origin: Option<Origin>,
}

/// A prefix as written is IPv6: the one test of a prefix's family before it is parsed.
pub fn is_ipv6(text: &str) -> bool {
    text.contains(':')
}

/// An imported subnet's prefixes (Azure's `addressPrefixes` take either family) as the plan
/// holds them: the first IPv4 prefix as `cidr`, the other IPv4 ones, then the IPv6 ones, in
/// `more_cidrs`; an IPv6-only subnet's first IPv6 prefix as `cidr`. `None` for no prefix.
pub fn ipv4_first(prefixes: Vec<Spanned<String>>) -> Option<(Spanned<String>, Vec<Spanned<String>>)> {
    let (mut ordered, v6): (Vec<_>, Vec<_>) = prefixes.into_iter().partition(|p| !is_ipv6(&p.value));
    ordered.extend(v6);
    let mut ordered = ordered.into_iter();
    let first = ordered.next()?;
    Some((first, ordered.collect()))
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExternalNetwork {
    pub name: Spanned<String>,
    pub cidrs: Vec<Spanned<String>>,
}

/// The node agent's batch settings; unset values take the article's and the agent's.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Allocation {
    /// IPs per batch (default 16).
    #[serde(default)]
    pub batch_size: Option<Spanned<u32>>,
    /// Request a batch when fewer than this many IPs are free (default 8).
    #[serde(default)]
    pub refill_below: Option<Spanned<u32>>,
    /// Give a batch back when this many IPs are free (default 24).
    #[serde(default)]
    pub release_at: Option<Spanned<u32>>,
    /// The node's own IP taken from the pod subnet (default 1).
    #[serde(default)]
    pub primary_ips_per_node: Option<Spanned<u32>>,
    /// Warn when peak demand passes this fraction of a subnet's usable IPs (default 0.8).
    #[serde(default)]
    pub headroom_warning: Option<Spanned<f64>>,
}

/// The trials of `simulate --churn` (docs/churn.md); unset keys take their defaults.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Churn {
    /// Monte Carlo trials, 1 to 100,000 (default 1000).
    #[serde(default)]
    pub trials: Option<Spanned<u32>>,
    /// The seed the trials' random numbers come from (default 0): the same seed, the same figures.
    #[serde(default)]
    pub seed: Option<Spanned<u64>>,
    /// A Deployment rollout's extra pods, as Kubernetes' maxSurge: a pod count such as 5, or a
    /// percentage of the rolling pods such as "25%" (the default).
    #[serde(default)]
    #[schemars(with = "Option<CountOrPercentSchema>")]
    pub rollout_surge: Option<Spanned<String>>,
    /// How far a node's pods stray from `pods_per_node`, either way: a pod count such as 4, or a
    /// percentage such as "20%" (the default).
    #[serde(default)]
    #[schemars(with = "Option<CountOrPercentSchema>")]
    pub pods_spread: Option<Spanned<String>>,
}

/// A pod count or a percentage string, as the `churn:` keys take them.
struct CountOrPercentSchema;

impl JsonSchema for CountOrPercentSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountOrPercent".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A pod count such as 4, or a percentage such as \"20%\"",
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"}
            ]
        })
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Cluster {
    pub name: Spanned<String>,
    /// The cluster's resource group; names need only be unique within one.
    #[serde(default)]
    pub resource_group: Option<Spanned<String>>,
    /// azure (default), kubenet, or none (bring your own CNI).
    #[serde(default)]
    pub network_plugin: Option<Spanned<NetworkPlugin>>,
    /// overlay, or unset (the AKS API's networkPluginMode).
    #[serde(default)]
    pub network_plugin_mode: Option<Spanned<NetworkPluginMode>>,
    /// The pod range of overlay and kubenet clusters (default 10.244.0.0/16).
    #[serde(default)]
    pub pod_cidr: Option<Spanned<String>>,
    /// azure (default) or cilium.
    #[serde(default)]
    pub network_dataplane: Option<Spanned<NetworkDataplane>>,
    /// none (default), azure, calico or cilium.
    #[serde(default)]
    pub network_policy: Option<Spanned<NetworkPolicy>>,
    /// Kubernetes version, e.g. "1.33"; some modes need a minimum.
    #[serde(default)]
    pub kubernetes_version: Option<Spanned<String>>,
    /// Default 10.0.0.0/16.
    #[serde(default)]
    pub service_cidr: Option<Spanned<String>>,
    /// Dual-stack: the pod CIDRs, one per IP family, IPv4 first (the AKS API's `podCidrs`,
    /// azurerm's `pod_cidrs`); instead of `pod_cidr`.
    #[serde(default)]
    pub pod_cidrs: Option<Spanned<Vec<Spanned<String>>>>,
    /// Dual-stack: the service CIDRs, one per IP family, IPv4 first (`serviceCidrs`,
    /// `service_cidrs`); instead of `service_cidr`.
    #[serde(default)]
    pub service_cidrs: Option<Spanned<Vec<Spanned<String>>>>,
    /// Default: the 10th address of the service CIDR.
    #[serde(default)]
    pub dns_service_ip: Option<Spanned<String>>,
    /// The Azure CLI version used to deploy, as written.
    #[serde(default)]
    pub cli_version: Option<Spanned<String>>,
    /// The cluster exposes a Private Link Service through a LoadBalancer Service.
    #[serde(default)]
    pub private_link_service: Option<Spanned<bool>>,
    /// API Server VNet Integration: the subnet the API server is projected into, in the
    /// forms of `vnet_subnet` (the AKS API's `apiServerAccessProfile.subnetId`).
    #[serde(default)]
    pub api_server_subnet: Option<Spanned<String>>,
    /// `Automatic` for an AKS Automatic cluster (the AKS API's `sku.name`; default `Base`):
    /// its network defaults are Azure CNI Overlay with Cilium (dataplane and network
    /// policy) and node auto-provisioning is on (docs/automatic.md).
    #[serde(default)]
    pub sku: Option<Spanned<ClusterSku>>,
    /// AKS Automatic's hosted system node pool: the subnet its AKS-managed system nodes join
    /// (the AKS API's `hostedSystemProfile.systemNodeSubnetID`), in the forms of `vnet_subnet`.
    #[serde(default)]
    pub system_node_subnet: Option<Spanned<String>>,
    /// How many nodes AKS runs in the hosted system node pool. AKS documents no count (the
    /// pool autoscales); unset, cniplan assumes the three its quickstart lists, with an
    /// `assumed-value` note (docs/automatic.md).
    #[serde(default)]
    pub hosted_system_nodes: Option<Spanned<u32>>,
    /// The subnet auto-provisioned nodes join unless their node class names one (the AKS
    /// API's `hostedSystemProfile.nodeSubnetID`), in the forms of `vnet_subnet`.
    #[serde(default)]
    pub node_subnet: Option<Spanned<String>>,
    pub node_pools: Spanned<Vec<NodePool>>,
    /// Auto: node auto-provisioning is on (the AKS API's `nodeProvisioningProfile.mode`);
    /// Karpenter manifests read with the plan attach to this cluster (docs/karpenter.md).
    /// `provisioned_pools` say it too.
    #[serde(default)]
    pub node_provisioning_mode: Option<Spanned<NodeProvisioningMode>>,
    /// Node auto-provisioning (Karpenter): the plan form of a NodePool and its AKSNodeClass,
    /// for teams without manifests. Nodes come and go on demand, up to `max_nodes`.
    #[serde(default)]
    pub provisioned_pools: Vec<ProvisionedPool>,
    /// Node auto-provisioning switched on in an imported cluster (ARM
    /// `nodeProvisioningProfile.mode: Auto`, Terraform `node_provisioning_profile`): where.
    /// Its NodePools' bounds live in Kubernetes, so the reader notes them as unread.
    #[serde(skip)]
    #[schemars(skip)]
    pub node_provisioning: Option<crate::diagnostic::Span>,
    /// The virtual-node subnet of an imported cluster's ACI connector add-on, by name in the
    /// cluster's VNet (ARM `aciConnectorLinux.config.SubnetName`, Terraform
    /// `aci_connector_linux.subnet_name`); how many pods run there is not in the input.
    #[serde(skip)]
    #[schemars(skip)]
    pub virtual_node_subnet: Option<Spanned<String>>,
    #[serde(skip)]
    #[schemars(skip)]
    pub origin: Option<Origin>,
}

/// The AKS API's `sku.name` of a managed cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum ClusterSku {
    Base,
    Automatic,
}

/// The AKS API's `nodeProvisioningProfile.mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum NodeProvisioningMode {
    Auto,
    Manual,
}

impl Cluster {
    /// The mode a node pool of this cluster runs in, as the resolver will decide it
    /// ([`pool_mode`]): the cluster's plugin, overlay (AKS Automatic's preconfigured one where
    /// the cluster writes no plugin), whether its pools take pod subnets, and the pool's
    /// allocation. For readers, which note a default before the resolver fills it.
    pub fn pool_mode(&self, allocation: Option<PodIpAllocationMode>) -> crate::mode::Mode {
        let plugin = self
            .network_plugin
            .as_ref()
            .map_or(NetworkPlugin::Azure, |p| p.value);
        let overlay = self.network_plugin_mode.is_some()
            || (self.automatic().is_some() && self.network_plugin.is_none());
        let pod_subnets = self.node_pools.value.iter().any(|p| p.pod_subnet.is_some());
        pool_mode(plugin, overlay, pod_subnets, allocation)
    }

    /// Where the cluster is said to be AKS Automatic (`sku: Automatic`).
    pub fn automatic(&self) -> Option<crate::diagnostic::Span> {
        self.sku
            .as_ref()
            .filter(|s| s.value == ClusterSku::Automatic)
            .map(|s| s.span)
    }

    /// Node auto-provisioning is on: where an imported input or the plan says so, else where
    /// the first of `provisioned_pools` is named.
    pub fn auto_provisioning(&self) -> Option<crate::diagnostic::Span> {
        self.node_provisioning
            // AKS Automatic provisions its nodes automatically ("Preconfigured").
            .or_else(|| self.automatic())
            .or_else(|| {
                self.node_provisioning_mode
                    .as_ref()
                    .filter(|m| m.value == NodeProvisioningMode::Auto)
                    .map(|m| m.span)
            })
            .or_else(|| self.provisioned_pools.first().map(|p| p.name.span))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NetworkPlugin {
    Azure,
    Kubenet,
    None,
}

/// A pool's network mode as the AKS API's own fields decide it (docs/plan-format.md,
/// "Network modes"): the cluster's `networkPlugin` and `networkPluginMode`, whether its pools
/// take pod subnets, and the pool's `podIPAllocationMode`. The one place that decides it:
/// the resolver, `compare` and the readers' notes all ask here.
pub fn pool_mode(
    plugin: NetworkPlugin,
    overlay: bool,
    pod_subnets: bool,
    allocation: Option<PodIpAllocationMode>,
) -> crate::mode::Mode {
    use crate::mode::Mode;
    match (plugin, overlay, pod_subnets) {
        (NetworkPlugin::Kubenet, _, _) => Mode::Kubenet,
        (NetworkPlugin::None, _, _) => Mode::None,
        (NetworkPlugin::Azure, true, _) => Mode::Overlay,
        (NetworkPlugin::Azure, false, false) => Mode::Traditional,
        (NetworkPlugin::Azure, false, true) => match allocation {
            Some(PodIpAllocationMode::StaticBlock) => Mode::StaticBlock,
            _ => Mode::Dynamic,
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NetworkPluginMode {
    Overlay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NetworkDataplane {
    Azure,
    Cilium,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NetworkPolicy {
    None,
    Azure,
    Calico,
    Cilium,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NodePool {
    pub name: Spanned<String>,
    /// Linux (default) or Windows.
    #[serde(default)]
    pub os_type: Option<Spanned<OsType>>,
    /// The OS SKU, as the AKS API's osSKU: Ubuntu, AzureLinux, Windows2019, Windows2022, …
    #[serde(default)]
    pub os_sku: Option<Spanned<String>>,
    /// A fixed size; or min_count and max_count for the autoscaler.
    #[serde(default)]
    pub node_count: Option<Spanned<u32>>,
    #[serde(default)]
    pub min_count: Option<Spanned<u32>>,
    #[serde(default)]
    pub max_count: Option<Spanned<u32>>,
    /// Default per network mode (250 pod subnet and overlay, 110 kubenet, 30 traditional).
    #[serde(default)]
    pub max_pods: Option<Spanned<u32>>,
    /// Surge nodes during an upgrade: a count such as 1, or a percentage such as "33%".
    #[serde(default)]
    #[schemars(with = "Option<MaxSurgeSchema>")]
    pub max_surge: Option<Spanned<String>>,
    /// Nodes an upgrade may take down at once: a count or a percentage, like max_surge. It
    /// takes no IPs (capacity drops instead), so the scenario never counts it; with
    /// `max_surge: 0` an upgrade needs no extra IPs at all.
    #[serde(default)]
    #[schemars(with = "Option<MaxSurgeSchema>")]
    pub max_unavailable: Option<Spanned<String>>,
    /// The node subnet: a name, vnet/subnet, or an Azure resource ID.
    pub vnet_subnet: Spanned<String>,
    /// The pod subnet (dynamic or static block allocation), in the same three forms.
    #[serde(default)]
    pub pod_subnet: Option<Spanned<String>>,
    /// DynamicIndividual (default) or StaticBlock (the AKS API's podIPAllocationMode).
    #[serde(default)]
    pub pod_ip_allocation_mode: Option<Spanned<PodIpAllocationMode>>,
    /// Expected pods per node that take a pod IP, system pods included; default max_pods.
    #[serde(default)]
    pub pods_per_node: Option<Spanned<u32>>,
    /// Pods on virtual nodes (Azure Container Instances): one IP each in `virtual_node_subnet`.
    #[serde(default)]
    pub virtual_node_pods: Option<Spanned<u32>>,
    /// The subnet virtual nodes take their pods' IPs from, in the forms of `vnet_subnet`.
    #[serde(default)]
    pub virtual_node_subnet: Option<Spanned<String>>,
    #[serde(skip)]
    #[schemars(skip)]
    pub origin: Option<Origin>,
}

/// A node auto-provisioning pool (a Karpenter NodePool with its AKSNodeClass).
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProvisionedPool {
    pub name: Spanned<String>,
    /// The most nodes the NodePool's limits allow (its cpu or memory limit over the smallest
    /// VM size its requirements allow, plus one node Karpenter may launch past the limit).
    /// Unset, the NodePool has no limits: its subnet demand is unbounded (a warning), and
    /// its nodes are not counted.
    #[serde(default)]
    pub max_nodes: Option<Spanned<u32>>,
    /// A static NodePool's fixed node count (Karpenter's `spec.replicas`): Karpenter keeps
    /// this many nodes whatever the pods (never more than `max_nodes`, its `limits.nodes`),
    /// and replaces drifted ones new-before-old within `max_nodes`.
    #[serde(default)]
    pub replicas: Option<Spanned<u32>>,
    /// The AKSNodeClass `vnetSubnetID`; unset, the cluster's node subnet.
    #[serde(default)]
    pub vnet_subnet: Option<Spanned<String>>,
    /// The AKSNodeClass `maxPods`; unset, the default of the cluster's network mode.
    #[serde(default)]
    pub max_pods: Option<Spanned<u32>>,
    /// The Karpenter manifest a pool was read from (`NodePool/NAME`).
    #[serde(skip)]
    #[schemars(skip)]
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum OsType {
    Linux,
    Windows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum PodIpAllocationMode {
    DynamicIndividual,
    StaticBlock,
}

/// `max_surge` in the schema: a node count, or a percentage string such as "33%".
struct MaxSurgeSchema;

impl JsonSchema for MaxSurgeSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MaxSurge".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Surge nodes during an upgrade: a count such as 1, or a percentage such as \"33%\"",
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"}
            ]
        })
    }
}

/// `max_surge` as AKS takes it: a node count (`1`) or a percentage of the pool (`"33%"`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MaxSurge {
    Nodes(u32),
    Percent(f64),
}

impl MaxSurge {
    /// The surge nodes of a pool at `nodes`: a count, or a percentage rounded up (as AKS
    /// does, and Karpenter with a disruption budget).
    pub fn nodes_at(self, nodes: u32) -> u64 {
        match self {
            MaxSurge::Nodes(n) => u64::from(n),
            // Same float order as the Python peer: nodes × percent / 100, then up.
            MaxSurge::Percent(p) => (f64::from(nodes) * p / 100.0).ceil() as u64,
        }
    }

    pub fn parse(text: &str) -> Option<MaxSurge> {
        let text = text.trim();
        match text.strip_suffix('%') {
            Some(p) => match p.trim().parse::<f64>() {
                Ok(p) if p.is_finite() && p > 0.0 && p <= 100.0 => Some(MaxSurge::Percent(p)),
                _ => None,
            },
            None => text.parse::<u32>().ok().map(MaxSurge::Nodes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_surge_takes_counts_and_percentages() {
        assert_eq!(MaxSurge::parse("2"), Some(MaxSurge::Nodes(2)));
        assert_eq!(MaxSurge::parse("33%"), Some(MaxSurge::Percent(33.0)));
        assert_eq!(MaxSurge::parse(" 10 % "), Some(MaxSurge::Percent(10.0)));
        assert_eq!(MaxSurge::parse("0%"), None);
        assert_eq!(MaxSurge::parse("lots"), None);
        assert_eq!(MaxSurge::parse("-1"), None);
    }
}
