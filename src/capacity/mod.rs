//! Capacity: what every subnet and pod CIDR must hold as the plan's pools scale
//! (docs/capacity.md).
//!
//! Each pool that uses a range becomes a [`PoolUse`] (what one node takes there, from the
//! mode table in [`crate::mode`]); the deterministic [`scenario`] then walks baseline →
//! scale-out → surge.

pub mod rows;
pub mod scarcity;
pub mod scenario;

use crate::limits::RESERVED_IPS_PER_SUBNET;
use crate::mode::Mode;
use crate::plan::model::MaxSurge;
use crate::topology::{Cidr, Pool, Topology};
use rayon::prelude::*;
pub use scenario::{Exhaustion, Phase};

/// A loaded input as the commands beyond `check` build on it: the resolved topology and the
/// scenario's capacity of every range. Here, below `check` and the commands, so they all
/// take it from the layer that computes it.
pub struct Model {
    pub topology: Topology,
    pub capacity: Vec<RangeCapacity>,
}

/// A range the scenario fills: a subnet (counted in IPs), or an overlay or kubenet cluster's
/// pod CIDR (counted in /24 node slots). Ordered as the rows are: subnets in plan order, each
/// subnet's IPv6 prefixes right after its IPv4 ones, then the pod CIDRs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// Index into `Topology::subnets`.
    Subnet(usize),
    /// A dual-stack subnet's IPv6 prefixes (index into `Topology::subnets`), counted in IPs:
    /// one per node of a dual-stack cluster.
    SubnetV6(usize),
    /// Index into `Topology::clusters`.
    PodCidr(usize),
    /// A dual-stack cluster's IPv6 pod CIDR, counted in /80 node blocks.
    PodCidrV6(usize),
}

impl Range {
    fn order(self) -> (u8, usize, Family) {
        match self {
            Range::Subnet(s) => (0, s, Family::Ipv4),
            Range::SubnetV6(s) => (0, s, Family::Ipv6),
            Range::PodCidr(c) => (1, c, Family::Ipv4),
            Range::PodCidrV6(c) => (2, c, Family::Ipv6),
        }
    }

    /// The address family the range counts (`family` in docs/json-output.md).
    pub fn family(self) -> Family {
        self.order().2
    }
}

impl Ord for Range {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order().cmp(&other.order())
    }
}

impl PartialOrd for Range {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An address family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Ipv4,
    Ipv6,
}

/// Rows carry the family itself; JSON and text show its identifier.
impl serde::Serialize for Family {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Family {
    /// The identifier of the JSON rows' `family`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Ipv4 => "ipv4",
            Family::Ipv6 => "ipv6",
        }
    }
}

/// What a range serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Node,
    Pod,
    /// Traditional Azure CNI: nodes and their pods in one subnet.
    NodePod,
    /// An overlay or kubenet pod CIDR: one /24 per node.
    PodCidr,
    /// A subnet delegated to Azure Container Instances for virtual nodes: one IP per pod.
    VirtualNode,
    /// API Server VNet Integration: the subnet each cluster's API server takes IPs of.
    ApiServer,
    /// AKS Automatic's hosted system node pool: the subnet its AKS-managed system nodes join.
    HostedSystem,
    Unused,
}

/// Rows carry the role itself; JSON and text show its name (docs/json-output.md, `role`).
impl serde::Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Node => "node",
            Role::Pod => "pod",
            Role::NodePod => "node+pod",
            Role::PodCidr => "pod-cidr",
            Role::VirtualNode => "virtual-node",
            Role::ApiServer => "api-server",
            Role::HostedSystem => "hosted-system",
            Role::Unused => "unused",
        }
    }
}

/// One node pool's claim on one range, or the cluster's own (its API server, its hosted
/// system nodes), which it makes whatever pools it has.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolUse {
    pub cluster: usize,
    /// The pool (index into the cluster's `pools`); `None` for a use of the cluster itself.
    pub pool: Option<usize>,
    pub role: Role,
    pub mode: Mode,
    /// IPs (for a pod CIDR, /24 slots) one node takes here.
    pub ips_per_node: u64,
    /// IPs a node holds in this range that no pod uses.
    pub stranded_per_node: u64,
    pub pods_per_node: u64,
    pub baseline_nodes: u64,
    /// Nodes at full scale (the autoscaler's max_count).
    pub full_scale_nodes: u64,
    /// Extra nodes while this pool upgrades, at full scale.
    pub surge_nodes: u64,
}

impl PoolUse {
    /// The pool making the use; `None` for the cluster's own.
    pub fn pool_of<'t>(&self, topology: &'t Topology) -> Option<&'t Pool> {
        self.pool.map(|p| &topology.clusters[self.cluster].pools[p])
    }
}

/// How a use's owner is named in rows and messages: the pool's name, or what the cluster
/// itself runs there (its API server, its hosted system pool).
pub fn owner_name(topology: &Topology, cluster: usize, pool: Option<usize>, role: Role) -> String {
    match (pool, role) {
        (Some(p), _) => topology.clusters[cluster].pools[p].name.value.clone(),
        (None, Role::HostedSystem) => "(hosted system pool)".to_string(),
        (None, _) => "(api server)".to_string(),
    }
}

/// The owner of a use as a message names it: "pool `system` of cluster `aks`", "the API
/// server of cluster `aks`", "the hosted system pool of cluster `aks`".
pub fn owner_phrase(topology: &Topology, cluster: usize, pool: Option<usize>, role: Role) -> String {
    let c = &topology.clusters[cluster];
    match (pool, role) {
        (Some(p), _) => format!("pool `{}` of cluster `{}`", c.pools[p].name.value, c.name.value),
        (None, Role::HostedSystem) => format!("the hosted system pool of cluster `{}`", c.name.value),
        (None, _) => format!("the API server of cluster `{}`", c.name.value),
    }
}

/// A range's capacity under the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeCapacity {
    pub range: Range,
    pub role: Role,
    pub usable: u64,
    pub uses: Vec<PoolUse>,
    pub baseline_demand: u64,
    pub peak_demand: u64,
    /// Boxed: most ranges never run out.
    pub exhaustion: Option<Box<Exhaustion>>,
}

impl RangeCapacity {
    /// The range's CIDR as resolved.
    pub fn cidr<'t>(&self, topology: &'t Topology) -> Option<&'t Cidr> {
        match self.range {
            Range::Subnet(s) => topology.subnets[s].cidr.as_ref(),
            Range::PodCidr(c) => topology.clusters[c].pod_cidr.as_ref(),
            // IPv6: see `cidr_text`.
            Range::SubnetV6(_) | Range::PodCidrV6(_) => None,
        }
    }

    /// The range's CIDR as text, in either family.
    pub fn cidr_text(&self, topology: &Topology) -> Option<String> {
        match self.range {
            Range::PodCidrV6(c) => topology.clusters[c]
                .pod_cidr_v6
                .as_ref()
                .map(|c| c.net().to_string()),
            Range::SubnetV6(s) => topology.subnets[s].cidrs_v6.first().map(|c| c.net().to_string()),
            // Sized, its address Azure's to assign: written as the plan writes it.
            Range::Subnet(s) if topology.subnets[s].cidr.is_none() => {
                topology.subnets[s].assigned.map(|p| format!("ipam/{p}"))
            }
            _ => self.cidr(topology).map(|c| c.net().to_string()),
        }
    }

    /// The range as messages name it: "subnet `pods`", "the pod CIDR of cluster `aks`".
    pub fn describe(&self, topology: &Topology) -> String {
        match self.range {
            Range::Subnet(s) => format!("subnet `{}`", topology.subnets[s].name.value),
            Range::SubnetV6(s) => format!("the IPv6 prefixes of subnet `{}`", topology.subnets[s].name.value),
            Range::PodCidr(c) => format!("the pod CIDR of cluster `{}`", topology.clusters[c].name.value),
            Range::PodCidrV6(c) => format!(
                "the IPv6 pod CIDR of cluster `{}`",
                topology.clusters[c].name.value
            ),
        }
    }

    /// What the range counts: IPs, or /24 node slots of a pod CIDR.
    pub fn unit(&self) -> &'static str {
        match self.range {
            Range::Subnet(_) | Range::SubnetV6(_) => "IPs",
            Range::PodCidr(_) => "node slots (/24)",
            Range::PodCidrV6(_) => "node blocks (/80)",
        }
    }

    /// The subnet, for a subnet's (IPv4) capacity: what the rules about a subnet read. The
    /// IPv6 row of a dual-stack subnet has none: its /64 holds 2^64 - 5 nodes.
    pub fn subnet(&self) -> Option<usize> {
        match self.range {
            Range::Subnet(s) => Some(s),
            Range::SubnetV6(_) | Range::PodCidr(_) | Range::PodCidrV6(_) => None,
        }
    }

    /// Peak demand over usable IPs; `None` for a subnet with no usable IP.
    pub fn utilization(&self) -> Option<f64> {
        (self.usable > 0).then(|| self.peak_demand as f64 / self.usable as f64)
    }

    /// The most nodes of a pool this subnet could hold alone.
    pub fn most_nodes_alone(&self, u: &PoolUse) -> u64 {
        self.usable / u.ips_per_node.max(1)
    }
}

/// Usable IPs of a subnet: `2^(32 - prefix) - 5 - reserved_ips`, never below zero.
pub fn usable_ips(prefix: u8, reserved_ips: u32) -> u64 {
    (1u64 << (32 - u32::from(prefix.min(32))))
        .saturating_sub(RESERVED_IPS_PER_SUBNET)
        .saturating_sub(u64::from(reserved_ips))
}

/// Usable IPs of a subnet with all its prefixes: Azure keeps 5 addresses of each prefix
/// (docs/json-output.md), and the subnet's `reserved_ips` once.
pub fn subnet_usable(subnet: &crate::topology::Subnet) -> u64 {
    if let (None, Some(prefix)) = (&subnet.cidr, subnet.assigned) {
        return usable_ips(prefix, subnet.reserved_ips.value);
    }
    let addresses = subnet
        .cidrs()
        .map(|c| usable_ips(c.net().prefix_len(), 0))
        .fold(0, u64::saturating_add);
    addresses.saturating_sub(u64::from(subnet.reserved_ips.value))
}

/// Usable IPs of a subnet's IPv6 prefixes: `2^(128 - prefix) - 5` each (Azure keeps 5 of
/// every prefix), summed, never more than a u64 counts (a /64, the size Azure requires,
/// has 2^64 - 5).
pub fn subnet_usable_v6(subnet: &crate::topology::Subnet) -> u64 {
    subnet
        .cidrs_v6
        .iter()
        .map(|c| {
            let addresses = 1u128
                .checked_shl(128 - u32::from(c.net().prefix_len()))
                .unwrap_or(u128::MAX);
            let usable = addresses.saturating_sub(u128::from(RESERVED_IPS_PER_SUBNET));
            u64::try_from(usable).unwrap_or(u64::MAX)
        })
        .fold(0, u64::saturating_add)
}

/// The smallest subnet (longest prefix) whose usable IPs hold `demand` within `headroom`.
pub fn smallest_prefix_for(demand: u64, reserved_ips: u32, headroom: f64) -> Option<u8> {
    (0..=crate::limits::SMALLEST_SUBNET_PREFIX)
        .rev()
        .find(|&p| usable_ips(p, reserved_ips) as f64 * headroom >= demand as f64)
}

/// /24 node slots of a pod CIDR: `2^(24 - prefix)`, none when longer than /24.
pub fn pod_cidr_slots(prefix: u8) -> u64 {
    let node = crate::limits::POD_CIDR_NODE_PREFIX;
    if prefix > node {
        0
    } else {
        1u64 << (node - prefix)
    }
}

/// The smallest pod CIDR (longest prefix) whose /24 node slots hold `nodes` within
/// `headroom`: never longer than a /24, the smallest range that holds a node at all.
pub fn smallest_pod_cidr_prefix(nodes: u64, headroom: f64) -> Option<u8> {
    (0..=crate::limits::POD_CIDR_NODE_PREFIX)
        .rev()
        .find(|&p| pod_cidr_slots(p) as f64 * headroom >= nodes as f64)
}

/// Every subnet with a valid CIDR in plan order, then every pod CIDR in cluster order, with
/// the scenario run over each.
pub fn simulate(topology: &Topology) -> Vec<RangeCapacity> {
    simulate_knobs(topology, PoolKnobs::of)
}

/// The scenario with each pool's pods per node chosen by `pods_per_node` (the sweep varies it).
pub fn simulate_with(topology: &Topology, pods_per_node: impl Fn(&Pool) -> u32) -> Vec<RangeCapacity> {
    simulate_knobs(topology, |pool| PoolKnobs {
        pods_per_node: pods_per_node(pool),
        ..PoolKnobs::of(pool)
    })
}

/// The scenario with each pool's settings chosen by `knobs` (the sweeps vary them).
pub fn simulate_knobs(topology: &Topology, knobs: impl Fn(&Pool) -> PoolKnobs) -> Vec<RangeCapacity> {
    let uses = pool_uses(topology, knobs);
    // Each range's scenario is its own: an estate's 100,000 run on every core, kept in order:
    // a subnet's IPv4 row, then (a dual-stack subnet) its IPv6 one.
    let mut ranges: Vec<RangeCapacity> = topology
        .subnets
        .par_iter()
        .enumerate()
        .zip(uses.subnets)
        .flat_map_iter(|((i, subnet), uses)| {
            let v6 = (!subnet.cidrs_v6.is_empty()).then(|| {
                let uses6 = ipv6_node_uses(topology, &uses);
                scenario::run(Range::SubnetV6(i), subnet_usable_v6(subnet), uses6)
            });
            let v4 = (subnet.cidr.is_some() || subnet.assigned.is_some())
                .then(|| scenario::run(Range::Subnet(i), subnet_usable(subnet), uses));
            v4.into_iter().chain(v6)
        })
        .collect();
    // Each pod CIDR, then (a dual-stack cluster) its IPv6 one, which the same nodes take one
    // block each of: a cluster's rows side by side, as docs/json-output.md lists them.
    for ((c, cluster), uses) in topology.clusters.iter().enumerate().zip(uses.pod_cidrs) {
        if !cluster.pools.iter().any(|p| p.mode.uses_pod_cidr()) {
            continue;
        }
        if let Some(cidr6) = &cluster.pod_cidr_v6 {
            if let Some(cidr) = &cluster.pod_cidr {
                let slots = pod_cidr_slots(cidr.net().prefix_len());
                ranges.push(scenario::run(Range::PodCidr(c), slots, uses.clone()));
            }
            let slots6 = pod_cidr_v6_slots(cidr6.net().prefix_len());
            ranges.push(scenario::run(Range::PodCidrV6(c), slots6, uses));
        } else if let Some(cidr) = &cluster.pod_cidr {
            let slots = pod_cidr_slots(cidr.net().prefix_len());
            ranges.push(scenario::run(Range::PodCidr(c), slots, uses));
        }
    }
    ranges
}

/// Node blocks of an IPv6 pod CIDR: `2^(80 - prefix)` /80s (`limits::POD_CIDR_V6_NODE_PREFIX`),
/// none when longer than /80, and never more than a u64 counts.
pub fn pod_cidr_v6_slots(prefix: u8) -> u64 {
    let node = crate::limits::POD_CIDR_V6_NODE_PREFIX;
    match node.checked_sub(prefix) {
        None => 0,
        Some(bits) if bits >= 63 => 1 << 63,
        Some(bits) => 1u64 << bits,
    }
}

/// The settings of a pool that the sweeps vary; [`PoolKnobs::of`] gives the plan's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolKnobs {
    pub max_pods: u32,
    pub pods_per_node: u32,
    /// `max_count`, else `node_count`; never below the baseline in the scenario.
    pub full_scale_nodes: u32,
}

impl PoolKnobs {
    pub fn of(pool: &Pool) -> Self {
        PoolKnobs {
            max_pods: pool.max_pods.value,
            pods_per_node: pool.pods_per_node.value,
            full_scale_nodes: pool.full_scale_nodes.value,
        }
    }
}

/// Each range's pool uses, whether or not the range has a CIDR yet: sizing a `cidr: auto`
/// subnet needs its demand before it has a place.
pub struct PoolUses {
    /// Per subnet, indexed as `Topology::subnets`.
    pub subnets: Vec<Vec<PoolUse>>,
    /// Per cluster, the uses of its pod CIDR.
    pub pod_cidrs: Vec<Vec<PoolUse>>,
}

pub fn pool_uses(topology: &Topology, knobs: impl Fn(&Pool) -> PoolKnobs) -> PoolUses {
    let mut subnet_uses: Vec<Vec<PoolUse>> = vec![Vec::new(); topology.subnets.len()];
    let mut cidr_uses: Vec<Vec<PoolUse>> = vec![Vec::new(); topology.clusters.len()];
    for (c, cluster) in topology.clusters.iter().enumerate() {
        for (p, pool) in cluster.pools.iter().enumerate() {
            let knobs = knobs(pool);
            let max_pods = knobs.max_pods;
            let pods = knobs.pods_per_node.min(max_pods);
            let takes = pool.mode.per_node(&topology.allocation, max_pods, pods);
            let base = PoolUse {
                cluster: c,
                pool: Some(p),
                role: Role::Node,
                mode: pool.mode,
                ips_per_node: takes.node_subnet_ips,
                stranded_per_node: takes.node_subnet_stranded,
                pods_per_node: u64::from(pods),
                baseline_nodes: u64::from(pool.baseline_nodes.value),
                full_scale_nodes: u64::from(knobs.full_scale_nodes.max(pool.baseline_nodes.value)),
                surge_nodes: surge_nodes(pool.max_surge.value, knobs.full_scale_nodes),
            };
            if let (Some(pod_subnet), true) = (pool.pod_subnet, takes.pod_subnet_ips > 0) {
                subnet_uses[pod_subnet].push(PoolUse {
                    role: Role::Pod,
                    ips_per_node: takes.pod_subnet_ips,
                    stranded_per_node: takes.pod_subnet_stranded,
                    ..base.clone()
                });
            }
            if cluster.pod_cidr.is_some() && takes.pod_cidr_slots > 0 {
                cidr_uses[c].push(PoolUse {
                    role: Role::PodCidr,
                    ips_per_node: takes.pod_cidr_slots,
                    stranded_per_node: 0,
                    ..base.clone()
                });
            }
            if let (Some(subnet), pods @ 1..) = (pool.virtual_node_subnet, pool.virtual_node_pods.value) {
                subnet_uses[subnet].push(virtual_node_use(&base, pods));
            }
            if let Some(node_subnet) = pool.node_subnet {
                let role = if pool.mode == Mode::Traditional {
                    Role::NodePod
                } else {
                    Role::Node
                };
                subnet_uses[node_subnet].push(PoolUse { role, ..base });
            }
        }
    }
    // A cluster's API server takes its IPs of its subnet once, whatever its pools (a cluster
    // may have none of its own: NAP only, or Automatic); AKS Automatic's hosted system nodes
    // are AKS's own, one IP each (they are overlay nodes), and a cluster that is not
    // Automatic has none (hosted-system-subnet says so). Both are the cluster's uses.
    for (c, cluster) in topology.clusters.iter().enumerate() {
        let own = |role, ips_per_node, nodes| PoolUse {
            cluster: c,
            pool: None,
            role,
            mode: cluster.mode(),
            ips_per_node,
            stranded_per_node: 0,
            pods_per_node: 0,
            baseline_nodes: nodes,
            full_scale_nodes: nodes,
            surge_nodes: 0,
        };
        if let Some(subnet) = cluster.api_server_subnet {
            subnet_uses[subnet].push(own(Role::ApiServer, crate::limits::API_SERVER_SUBNET_IPS, 1));
        }
        if let (Some(subnet), Some(_)) = (cluster.system_node_subnet, cluster.automatic) {
            let nodes = u64::from(cluster.hosted_system_nodes.value);
            subnet_uses[subnet].push(own(Role::HostedSystem, 1, nodes));
        }
    }
    PoolUses {
        subnets: subnet_uses,
        pod_cidrs: cidr_uses,
    }
}

/// The uses of a dual-stack subnet's IPv6 prefixes: the node pools of its IPv4 row, each node
/// of a dual-stack cluster taking one IPv6 address (AKS docs configure-dual-stack.md: "nodes
/// receive both an IPv4 and IPv6 address from the Azure virtual network subnet"; pods take
/// theirs from the pod CIDRs), a single-stack cluster's none.
fn ipv6_node_uses(topology: &Topology, uses: &[PoolUse]) -> Vec<PoolUse> {
    uses.iter()
        .filter(|u| u.pool.is_some() && matches!(u.role, Role::Node | Role::NodePod))
        .map(|u| PoolUse {
            role: Role::Node,
            ips_per_node: u64::from(topology.clusters[u.cluster].dual_stack()),
            stranded_per_node: 0,
            ..u.clone()
        })
        .collect()
}

/// A pool's pods on virtual nodes: each runs in an Azure Container Instances container
/// group of its own with one IP of the virtual-node subnet, so the scenario counts each pod
/// as a "node" taking 1 IP, the same number from baseline to surge (node upgrades leave them).
fn virtual_node_use(base: &PoolUse, pods: u32) -> PoolUse {
    PoolUse {
        role: Role::VirtualNode,
        ips_per_node: 1,
        stranded_per_node: 0,
        pods_per_node: 1,
        baseline_nodes: u64::from(pods),
        full_scale_nodes: u64::from(pods),
        surge_nodes: 0,
        ..base.clone()
    }
}

/// `u`, a use of `range`, with its pool's settings replaced by `knobs`, as [`pool_uses`] would
/// have built it: what a node takes here (from the mode table) and how many nodes there are.
/// The sweeps rerun one range this way without rebuilding the whole plan's uses.
pub fn use_with(topology: &Topology, range: Range, u: &PoolUse, knobs: PoolKnobs) -> PoolUse {
    // Pods on virtual nodes, an API server and AKS's hosted system nodes do not depend on a
    // pool's settings.
    let Some(pool) = u.pool_of(topology).filter(|_| u.role != Role::VirtualNode) else {
        return u.clone();
    };
    let max_pods = knobs.max_pods;
    let pods = knobs.pods_per_node.min(max_pods);
    let takes = pool.mode.per_node(&topology.allocation, max_pods, pods);
    let (ips_per_node, stranded_per_node) = match (range.family(), u.role) {
        // An IPv6 range's take is the cluster's, whatever the pool's settings: one /80 block
        // of the pod CIDR, or one address of the node subnet, per node.
        (Family::Ipv6, _) => (u.ips_per_node, u.stranded_per_node),
        (_, Role::Pod) => (takes.pod_subnet_ips, takes.pod_subnet_stranded),
        (_, Role::PodCidr) => (takes.pod_cidr_slots, 0),
        (
            _,
            Role::Node
            | Role::NodePod
            | Role::VirtualNode
            | Role::ApiServer
            | Role::HostedSystem
            | Role::Unused,
        ) => (takes.node_subnet_ips, takes.node_subnet_stranded),
    };
    PoolUse {
        ips_per_node,
        stranded_per_node,
        pods_per_node: u64::from(pods),
        full_scale_nodes: u64::from(knobs.full_scale_nodes.max(pool.baseline_nodes.value)),
        surge_nodes: surge_nodes(pool.max_surge.value, knobs.full_scale_nodes),
        ..u.clone()
    }
}

/// Surge nodes of a pool at `nodes`: a count, or a percentage rounded up (as AKS does).
pub fn surge_nodes(surge: MaxSurge, nodes: u32) -> u64 {
    surge.nodes_at(nodes)
}

/// A pool that writes no upgrade surge, and what the scenario counts for it instead: the
/// default of `limits`, taken of the pool's nodes at full scale and rounded up. The one place
/// that says which pools rest on that default and why; the human output of `check`,
/// `simulate` and `report` prints it under the surge phase (the JSON is unchanged: its rows
/// already count these nodes in `peak_nodes`).
#[derive(Clone, Debug, PartialEq)]
pub struct AssumedSurge {
    pub cluster: String,
    pub pool: String,
    /// The default as a share of the pool, in percent (10).
    pub percent: f64,
    /// The pool's nodes at full scale, of which the percentage is taken.
    pub full_scale_nodes: u32,
    /// The surge nodes the scenario counts for the pool.
    pub surge_nodes: u64,
    /// Whose default: AKS's for a node pool, Karpenter's disruption budget for a NodePool.
    pub default: SurgeDefault,
}

/// Whose default an unwritten surge is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SurgeDefault {
    /// AKS's, for a node pool without `max_surge`, which the plan may write.
    Aks,
    /// Karpenter's default disruption budget, for a NodePool: its replacements are its surge.
    Karpenter,
}

impl SurgeDefault {
    /// Why cniplan takes it, with its source (`limits`).
    pub fn why(self) -> &'static str {
        match self {
            SurgeDefault::Aks => crate::limits::DEFAULT_MAX_SURGE_WHY,
            SurgeDefault::Karpenter => crate::limits::DEFAULT_DISRUPTION_BUDGET_WHY,
        }
    }
}

impl AssumedSurge {
    /// "3 surge nodes, 10% of 25 at full scale, rounded up".
    pub fn figures(&self) -> String {
        let nodes = if self.surge_nodes == 1 { "node" } else { "nodes" };
        format!(
            "{} surge {nodes}, {}% of {} at full scale, rounded up",
            crate::numbers::thousands(self.surge_nodes),
            self.percent,
            crate::numbers::thousands(u64::from(self.full_scale_nodes))
        )
    }
}

/// Every pool whose surge the scenario counts from the default (its `max_surge` unwritten,
/// its surge more than no node, and a range to count it in), in plan order, each once.
pub fn assumed_surges(topology: &Topology, capacity: &[RangeCapacity]) -> Vec<AssumedSurge> {
    let mut surges = std::collections::BTreeMap::new();
    for u in capacity.iter().flat_map(|c| &c.uses) {
        let (Some(p), true) = (u.pool, u.surge_nodes > 0) else {
            continue;
        };
        let pool = &topology.clusters[u.cluster].pools[p];
        if pool.max_surge.defaulted {
            surges.entry((u.cluster, p)).or_insert(u.surge_nodes);
        }
    }
    surges
        .into_iter()
        .map(|((c, p), surge_nodes)| {
            let pool = &topology.clusters[c].pools[p];
            AssumedSurge {
                cluster: topology.clusters[c].name.value.clone(),
                pool: pool.name.value.clone(),
                percent: match pool.max_surge.value {
                    MaxSurge::Percent(percent) => percent,
                    MaxSurge::Nodes(_) => crate::limits::DEFAULT_MAX_SURGE_PERCENT,
                },
                full_scale_nodes: pool.full_scale_nodes.value,
                surge_nodes,
                default: if pool.provisioned {
                    SurgeDefault::Karpenter
                } else {
                    SurgeDefault::Aks
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_ips_keep_azures_five_and_the_reserved() {
        assert_eq!(usable_ips(16, 0), 65_531);
        assert_eq!(usable_ips(24, 0), 251);
        assert_eq!(usable_ips(29, 0), 3);
        assert_eq!(usable_ips(29, 10), 0);
        assert_eq!(usable_ips(0, 0), (1 << 32) - 5);
    }

    #[test]
    fn smallest_prefix_holds_the_peak_within_headroom() {
        // 753 IPs at 80 %: a /22 has 1,019 usable, 815 within headroom; a /23 only 403.
        assert_eq!(smallest_prefix_for(753, 0, 0.8), Some(22));
        assert_eq!(smallest_prefix_for(0, 0, 0.8), Some(29));
        assert_eq!(smallest_prefix_for(u64::MAX, 0, 0.8), None);
    }

    #[test]
    fn smallest_pod_cidr_holds_the_nodes_within_headroom_and_is_never_longer_than_a_24() {
        // 451 nodes at 80 %: a /15 has 512 slots, 409 within headroom; a /14 has 1,024.
        assert_eq!(smallest_pod_cidr_prefix(451, 0.8), Some(14));
        assert_eq!(smallest_pod_cidr_prefix(11, 0.8), Some(20));
        assert_eq!(smallest_pod_cidr_prefix(0, 0.8), Some(24));
        assert_eq!(smallest_pod_cidr_prefix(1 << 25, 0.8), None);
        assert_eq!(pod_cidr_slots(25), 0);
    }

    #[test]
    fn surge_percentages_round_up() {
        assert_eq!(surge_nodes(MaxSurge::Percent(33.0), 3), 1);
        assert_eq!(surge_nodes(MaxSurge::Percent(10.0), 1000), 100);
        assert_eq!(surge_nodes(MaxSurge::Percent(10.0), 5), 1);
        assert_eq!(surge_nodes(MaxSurge::Nodes(2), 5), 2);
    }
}
