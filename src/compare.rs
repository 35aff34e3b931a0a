//! `cniplan compare` (docs/network-modes.md): each cluster of a plan under every network mode
//! AKS offers, side by side. Per mode: the IPs and /24 slots the cluster needs at peak, the
//! smallest ranges that hold them within the plan's headroom, and whether AKS migrates the
//! cluster there in place.
//!
//! The figures come from the same places as `check`'s: [`Mode::per_node`] says what a node
//! takes, and the scenario (docs/capacity.md) gives the peak (full scale, plus each range's worst
//! pool surging). A cluster's pools are counted together, as if they shared one node subnet,
//! one pod subnet and one pod CIDR: the question is how big the cluster is, not how its
//! ranges are split today. What a mode supports, refuses or retires is the mode rules' word
//! ([`rules::mode_limits`]), asked about the cluster as it would be under that mode.

use crate::capacity::scenario::{self, state_at};
use crate::capacity::{pod_cidr_slots, smallest_prefix_for, surge_nodes, PoolUse, Range, Role};
use crate::limits::{self, Allocation, OVERLAY_MIGRATION_MIN_KUBERNETES, TRADITIONAL_MAX_IPS};
use crate::mode::Mode;
use crate::numbers::thousands;
use crate::plan::model::{NetworkPlugin, NetworkPolicy};
use crate::rules;
use crate::topology::{kubernetes_minor, Cidr, Cluster, Pool, Topology};
use serde::Serialize;

/// The modes compared, in the order of docs/network-modes.md. `none` is left out: pod IPs are
/// then the user's CNI's business, so there is nothing to size.
pub const COMPARED: [Mode; 5] = [
    Mode::Dynamic,
    Mode::StaticBlock,
    Mode::Overlay,
    Mode::Traditional,
    Mode::Kubenet,
];

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClusterComparison {
    pub cluster: String,
    pub current_mode: Mode,
    /// Nodes at peak: every pool at full scale, plus the largest surge of one pool.
    pub peak_nodes: u64,
    pub modes: Vec<ModeFigures>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ModeFigures {
    pub mode: Mode,
    pub node_subnet_ips: u64,
    pub pod_subnet_ips: u64,
    pub pod_cidr_slots: u64,
    pub smallest: Smallest,
    pub migration: Migration,
    pub notes: Vec<String>,
}

/// The smallest ranges that hold the peak within the headroom, written "/17"; `None` where
/// the mode uses no such range (or no IPv4 range is large enough, which a note says).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Smallest {
    pub node_subnet: Option<String>,
    pub pod_subnet: Option<String>,
    pub pod_cidr: Option<String>,
}

/// Whether AKS takes the cluster from its current mode to this one in place.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Migration {
    Current,
    Supported,
    Rebuild,
}

impl Migration {
    pub fn as_str(self) -> &'static str {
        match self {
            Migration::Current => "current",
            Migration::Supported => "supported",
            Migration::Rebuild => "rebuild",
        }
    }

    /// AKS's one IPAM migration path: kubenet or node subnet (traditional) to overlay, one way.
    /// Everything else, static block included, is a new cluster. (update-azure-cni.md)
    pub fn between(from: Mode, to: Mode) -> Migration {
        match (from, to) {
            _ if from == to => Migration::Current,
            (Mode::Kubenet | Mode::Traditional, Mode::Overlay) => Migration::Supported,
            _ => Migration::Rebuild,
        }
    }
}

/// Every cluster of the plan, in plan order, under each mode of [`COMPARED`].
pub fn compare(topology: &Topology) -> Vec<ClusterComparison> {
    topology
        .clusters
        .iter()
        .enumerate()
        .map(|(c, cluster)| {
            let current = current_mode(cluster);
            let nodes = peak_nodes(c, cluster);
            let limits = mode_limits(topology, cluster, current);
            let modes: Vec<ModeFigures> = COMPARED
                .iter()
                .zip(limits)
                .map(|(&mode, limits)| {
                    let mut figures = figures(&topology.allocation, c, cluster, current, mode);
                    figures.notes.splice(0..0, limits);
                    figures
                })
                .collect();
            ClusterComparison {
                cluster: cluster.name.value.clone(),
                current_mode: current,
                peak_nodes: nodes,
                modes,
            }
        })
        .collect()
}

/// What the mode rules say of the cluster under each mode of [`COMPARED`], as notes
/// ("rule-name: message"). A finding every mode gets (a Network Policy Manager limit, an
/// autoscaling pool beside node auto-provisioning) is about the cluster, not the mode: it is
/// said once, under the current mode.
fn mode_limits(topology: &Topology, cluster: &Cluster, current: Mode) -> Vec<Vec<String>> {
    let said: Vec<Vec<String>> = COMPARED
        .iter()
        .map(|&mode| {
            rules::mode_limits(topology, &under(cluster, mode))
                .into_iter()
                .map(|f| format!("{}: {}", f.rule.name(), f.message))
                .collect()
        })
        .collect();
    if !COMPARED.contains(&current) {
        return said;
    }
    let everywhere = |note: &String| said.iter().all(|notes| notes.contains(note));
    COMPARED
        .iter()
        .zip(&said)
        .map(|(&mode, notes)| {
            notes
                .iter()
                .filter(|note| mode == current || !everywhere(note))
                .cloned()
                .collect()
        })
        .collect()
}

/// The cluster as it would be under `mode`: the plugin and overlay setting that choose it,
/// every pool in it with the mode's default max_pods where the plan leaves it unset, a pod
/// subnet (where the pools name one, else their node subnet's place) for the pod subnet
/// modes, and AKS's default pod CIDR for the modes that need one.
fn under(cluster: &Cluster, mode: Mode) -> Cluster {
    let mut what_if = cluster.clone();
    let at = cluster.network_plugin.span;
    what_if.network_plugin.value = match mode {
        Mode::Kubenet => NetworkPlugin::Kubenet,
        Mode::None => NetworkPlugin::None,
        _ => NetworkPlugin::Azure,
    };
    what_if.overlay = (mode == Mode::Overlay).then(|| cluster.overlay.unwrap_or(at));
    if mode.uses_pod_cidr() && what_if.pod_cidr.is_none() {
        what_if.pod_cidr = Some(Cidr {
            written: limits::DEFAULT_POD_CIDR,
            span: at,
            defaulted: true,
        });
    }
    for pool in &mut what_if.pools {
        pool.mode = mode;
        let max_pods = max_pods_under(pool, mode);
        pool.pods_per_node.value = pods_under(pool, max_pods);
        pool.max_pods.value = max_pods;
        if mode.uses_pod_subnet() {
            pool.pod_subnet_written = pool.pod_subnet_written.or(Some(pool.node_subnet_span));
        } else {
            pool.pod_subnet_written = None;
            pool.pod_subnet = None;
        }
    }
    what_if
}

/// The cluster's mode; a cluster without pools has it from its network plugin alone.
fn current_mode(cluster: &Cluster) -> Mode {
    if !cluster.pools.is_empty() {
        return cluster.mode();
    }
    crate::plan::model::pool_mode(
        cluster.network_plugin.value,
        cluster.overlay.is_some(),
        false,
        None,
    )
}

/// A pool's max_pods under `mode`: as written, else that mode's own default (a plan that
/// leaves it unset gets 30 as traditional and 250 as overlay, as AKS would give it).
fn max_pods_under(pool: &Pool, mode: Mode) -> u32 {
    if pool.max_pods.defaulted {
        mode.default_max_pods().0
    } else {
        pool.max_pods.value
    }
}

/// Pods per node under `mode`: as written (clamped at max_pods), else max_pods, as `check`
/// fills it in.
fn pods_under(pool: &Pool, max_pods: u32) -> u32 {
    if pool.pods_per_node.defaulted {
        max_pods
    } else {
        pool.pods_per_node.value.min(max_pods)
    }
}

/// What the cluster's pools take at peak under one mode, per range.
struct Peaks {
    node_subnet_ips: u64,
    pod_subnet_ips: u64,
    pod_cidr_slots: u64,
    /// IPs reserved in the node subnet that no pod uses (traditional mode), at peak.
    node_subnet_unused: u64,
}

fn peaks(allocation: &Allocation, c: usize, cluster: &Cluster, mode: Mode) -> Peaks {
    let (mut node, mut pod, mut cidr) = (Vec::new(), Vec::new(), Vec::new());
    for (p, pool) in cluster.pools.iter().enumerate() {
        let max_pods = max_pods_under(pool, mode);
        let pods = pods_under(pool, max_pods);
        let takes = mode.per_node(allocation, max_pods, pods);
        let base = pool_use(c, p, pool, mode, pods);
        if takes.node_subnet_ips > 0 {
            node.push(PoolUse {
                role: if mode == Mode::Traditional {
                    Role::NodePod
                } else {
                    Role::Node
                },
                ips_per_node: takes.node_subnet_ips,
                stranded_per_node: takes.node_subnet_stranded,
                ..base.clone()
            });
        }
        if takes.pod_subnet_ips > 0 {
            pod.push(PoolUse {
                role: Role::Pod,
                ips_per_node: takes.pod_subnet_ips,
                stranded_per_node: takes.pod_subnet_stranded,
                ..base.clone()
            });
        }
        if takes.pod_cidr_slots > 0 {
            cidr.push(PoolUse {
                role: Role::PodCidr,
                ips_per_node: takes.pod_cidr_slots,
                ..base
            });
        }
    }
    let node = at_peak(node);
    Peaks {
        node_subnet_ips: node.0,
        node_subnet_unused: node.1,
        pod_subnet_ips: at_peak(pod).0,
        pod_cidr_slots: at_peak(cidr).0,
    }
}

/// A pool's claim with nothing taken yet: its nodes through the scenario.
fn pool_use(c: usize, p: usize, pool: &Pool, mode: Mode, pods: u32) -> PoolUse {
    PoolUse {
        cluster: c,
        pool: Some(p),
        role: Role::Node,
        mode,
        ips_per_node: 0,
        stranded_per_node: 0,
        pods_per_node: u64::from(pods),
        baseline_nodes: u64::from(pool.baseline_nodes.value),
        full_scale_nodes: u64::from(pool.full_scale_nodes.value.max(pool.baseline_nodes.value)),
        surge_nodes: surge_nodes(pool.max_surge.value, pool.full_scale_nodes.value),
    }
}

/// Peak demand of one hypothetical range and what no pod uses at that moment. The range is
/// never looked up (only its demand is read), so its label is a placeholder, and it is
/// given every address so the scenario never stops early.
fn at_peak(uses: Vec<PoolUse>) -> (u64, u64) {
    let capacity = scenario::run(Range::Subnet(usize::MAX), u64::MAX, uses);
    let surge = state_at(&capacity, u64::MAX);
    (capacity.peak_demand, surge.stranded)
}

/// Nodes at peak: the scenario over one IP per node.
fn peak_nodes(c: usize, cluster: &Cluster) -> u64 {
    let uses = cluster
        .pools
        .iter()
        .enumerate()
        .map(|(p, pool)| PoolUse {
            ips_per_node: 1,
            ..pool_use(c, p, pool, Mode::None, 0)
        })
        .collect();
    at_peak(uses).0
}

fn figures(allocation: &Allocation, c: usize, cluster: &Cluster, current: Mode, mode: Mode) -> ModeFigures {
    let peak = peaks(allocation, c, cluster, mode);
    let headroom = allocation.headroom_warning;
    let mut notes = Vec::new();
    let subnet = |demand: u64, notes: &mut Vec<String>| {
        let prefix = smallest_prefix_for(demand, 0, headroom);
        if prefix.is_none() {
            notes.push(format!("no IPv4 range holds {} IPs", thousands(demand)));
        }
        prefix
    };
    let node_subnet = subnet(peak.node_subnet_ips, &mut notes);
    let pod_subnet = if mode.uses_pod_subnet() {
        subnet(peak.pod_subnet_ips, &mut notes)
    } else {
        None
    };
    let pod_cidr = if mode.uses_pod_cidr() {
        let prefix = smallest_pod_cidr(peak.pod_cidr_slots, headroom);
        if prefix.is_none() {
            notes.push(format!(
                "no pod CIDR holds {} nodes",
                thousands(peak.pod_cidr_slots)
            ));
        }
        prefix
    } else {
        None
    };
    let figures = Figures {
        cluster,
        mode,
        peak: &peak,
        pod_subnet,
    };
    notes.extend(figures.mode_notes());
    notes.extend(surface_notes(cluster, current, mode, &peak, headroom));
    notes.extend(defaulted_max_pods(cluster, mode));
    let migration = Migration::between(current, mode);
    notes.extend(migration_notes(cluster, current, mode, migration));
    let slash = |p: Option<u8>| p.map(|p| format!("/{p}"));
    ModeFigures {
        mode,
        node_subnet_ips: peak.node_subnet_ips,
        pod_subnet_ips: peak.pod_subnet_ips,
        pod_cidr_slots: peak.pod_cidr_slots,
        smallest: Smallest {
            node_subnet: slash(node_subnet),
            pod_subnet: slash(pod_subnet),
            pod_cidr: slash(pod_cidr),
        },
        migration,
        notes,
    }
}

/// What the cluster's other surfaces say of a mode: node auto-provisioning's pools (their
/// bound, an unbounded NodePool, the modes NAP does not run in), AKS Automatic's fixed
/// network, the API server's and hosted system pool's subnets (the same in every mode, so
/// said under the current one), and a dual-stack cluster's IPv6 pod CIDR.
fn surface_notes(cluster: &Cluster, current: Mode, mode: Mode, peak: &Peaks, headroom: f64) -> Vec<String> {
    let mut notes = Vec::new();
    // The bounds are the same in every mode: said once, under the current one.
    if cluster.node_provisioning.is_some() && mode == current {
        let provisioned: Vec<&Pool> = cluster.pools.iter().filter(|p| p.provisioned).collect();
        let bounded: Vec<String> = provisioned
            .iter()
            .filter(|p| !p.full_scale_nodes.defaulted)
            .map(|p| format!("`{}` {}", p.name.value, p.full_scale_nodes.value))
            .collect();
        if !bounded.is_empty() {
            notes.push(format!(
                "auto-provisioned nodes counted at their NodePools' bound ({})",
                bounded.join(", ")
            ));
        }
        // An unbounded NodePool is node-provisioning-limits' warning, said with the mode rules.
    }
    if cluster.automatic.is_some() && mode != Mode::Overlay {
        notes.push(
            "AKS Automatic runs Azure CNI Overlay with Cilium only: this mode needs an AKS Standard cluster (rebuild)"
                .to_string(),
        );
    }
    if mode == current {
        if cluster.api_server_subnet.is_some() {
            notes.push(format!(
                "its API server takes {} IPs of its own subnet in every mode",
                limits::API_SERVER_SUBNET_IPS
            ));
        }
        if cluster.system_node_subnet.is_some() && cluster.automatic.is_some() {
            notes.push(format!(
                "its hosted system pool takes {} IPs of its own subnet in every mode",
                cluster.hosted_system_nodes.value
            ));
        }
    }
    // Whether the mode runs dual-stack at all is dual-stack-limits' word.
    if cluster.pod_cidr_v6.is_some() && mode == Mode::Overlay {
        {
            let blocks = peak.pod_cidr_slots;
            let prefix = (limits::LARGEST_POD_CIDR_V6_PREFIX..=limits::POD_CIDR_V6_NODE_PREFIX)
                .rev()
                .find(|&p| blocks as f64 / crate::capacity::pod_cidr_v6_slots(p) as f64 <= headroom);
            notes.push(match prefix {
                Some(p) => format!(
                    "dual-stack: the IPv6 pod CIDR takes {} /{} blocks, a /{p} at least",
                    thousands(blocks),
                    limits::POD_CIDR_V6_NODE_PREFIX
                ),
                None => format!("dual-stack: no IPv6 pod CIDR holds {} nodes", thousands(blocks)),
            });
        }
    }
    notes
}

/// The longest pod CIDR, never longer than /24 (one node's slot), whose /24 slots hold
/// `slots` nodes within the headroom.
pub fn smallest_pod_cidr(slots: u64, headroom: f64) -> Option<u8> {
    (0..=limits::POD_CIDR_NODE_PREFIX)
        .rev()
        .find(|&p| pod_cidr_slots(p) as f64 * headroom >= slots as f64)
}

/// What a mode's notes are about.
struct Figures<'a> {
    cluster: &'a Cluster,
    mode: Mode,
    peak: &'a Peaks,
    pod_subnet: Option<u8>,
}

impl Figures<'_> {
    /// The mode's limits as this cluster meets them.
    fn mode_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        match self.mode {
            Mode::Dynamic => {
                if self
                    .pod_subnet
                    .is_some_and(|p| p < limits::LARGEST_POD_SUBNET_PREFIX)
                {
                    notes.push(format!(
                        "needs more pod IPs than one subnet can give: dynamic allocation takes pod subnets up to /{} (about 65,000 pods)",
                        limits::LARGEST_POD_SUBNET_PREFIX
                    ));
                }
            }
            Mode::StaticBlock => {
                if self
                    .pod_subnet
                    .is_some_and(|p| p < limits::LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX)
                {
                    notes.push(format!(
                        "needs more pod IPs than one subnet can give: static block takes pod subnets up to /{}",
                        limits::LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX
                    ));
                }
            }
            Mode::Traditional => {
                if self.peak.node_subnet_unused > 0 {
                    notes.push(format!(
                        "reserves max_pods IPs per node at start: {} of them unused at peak",
                        thousands(self.peak.node_subnet_unused)
                    ));
                }
                if self.peak.node_subnet_ips > TRADITIONAL_MAX_IPS {
                    notes.push(format!(
                        "more than the {} IPs a flat network supports",
                        thousands(TRADITIONAL_MAX_IPS)
                    ));
                }
            }
            Mode::Overlay => notes.extend(self.pod_cidr_note()),
            Mode::Kubenet => notes.extend(self.pod_cidr_note()),
            Mode::None => {}
        }
        notes
    }

    /// What the plan's pod CIDR (or AKS's default) holds, when that is less than the peak.
    fn pod_cidr_note(&self) -> Option<String> {
        let written = self.cluster.pod_cidr.as_ref().filter(|c| !c.defaulted);
        let (which, net) = match written {
            Some(cidr) => ("the pod CIDR", cidr.net()),
            None => ("the default pod CIDR", limits::DEFAULT_POD_CIDR),
        };
        let holds = pod_cidr_slots(net.prefix_len());
        (holds < self.peak.pod_cidr_slots).then(|| {
            format!(
                "{which} {net} holds {} nodes (this cluster reaches {})",
                thousands(holds),
                thousands(self.peak.pod_cidr_slots)
            )
        })
    }
}

/// A note for pools that leave max_pods unset, which this mode's default then fills.
fn defaulted_max_pods(cluster: &Cluster, mode: Mode) -> Option<String> {
    let unset: Vec<&str> = cluster
        .pools
        .iter()
        .filter(|p| p.max_pods.defaulted)
        .map(|p| p.name.value.as_str())
        .collect();
    if unset.is_empty() {
        return None;
    }
    let (default, why) = mode.default_max_pods();
    let pools = if unset.len() == 1 { "pool" } else { "pools" };
    Some(format!(
        "max_pods {default} assumed for {pools} {}: {why}",
        unset.join(", ")
    ))
}

fn migration_notes(cluster: &Cluster, current: Mode, to: Mode, migration: Migration) -> Vec<String> {
    let mut notes = Vec::new();
    match migration {
        Migration::Current => {}
        Migration::Supported => {
            let (major, minor) = OVERLAY_MIGRATION_MIN_KUBERNETES;
            let mut needs = format!(
                "in place, one way: every node pool is reimaged; needs Kubernetes {major}.{minor} or later and no network policy"
            );
            if current == Mode::Kubenet {
                needs.push_str(", and a user-assigned managed identity");
            }
            notes.push(needs);
            if current == Mode::Traditional {
                notes.push(
                    "the pod CIDR must not overlap the VNet's address space or the service CIDR".to_string(),
                );
            }
            if let Some(note) = version_below(cluster, (major, minor)) {
                notes.push(format!("upgrade Kubernetes first ({note})"));
            }
            if cluster.network_policy.value != NetworkPolicy::None {
                notes.push(format!(
                    "remove network policy `{}` first",
                    policy_name(cluster.network_policy.value)
                ));
            }
        }
        // The migration column says "rebuild"; only a path that keeps the cluster is worth a note.
        Migration::Rebuild => {
            if (current, to) == (Mode::Dynamic, Mode::StaticBlock) {
                notes.push(
                    "no in-place change: add StaticBlock node pools on a new pod subnet, then drain and delete the old pools"
                        .to_string(),
                );
            }
        }
    }
    notes
}

fn policy_name(policy: NetworkPolicy) -> &'static str {
    match policy {
        NetworkPolicy::None => "none",
        NetworkPolicy::Azure => "azure",
        NetworkPolicy::Calico => "calico",
        NetworkPolicy::Cilium => "cilium",
    }
}

/// "this cluster runs 1.27" when the plan's kubernetes_version is older than `minimum`;
/// `None` when it is new enough, unset, or not a version.
fn version_below(cluster: &Cluster, minimum: (u32, u32)) -> Option<String> {
    let written = cluster.kubernetes_version.as_ref()?;
    let version = kubernetes_minor(&written.value)?;
    (version < minimum).then(|| format!("this cluster runs {}", written.value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_kubenet_and_traditional_move_to_overlay_in_place() {
        use Migration::*;
        assert_eq!(Migration::between(Mode::Kubenet, Mode::Overlay), Supported);
        assert_eq!(Migration::between(Mode::Traditional, Mode::Overlay), Supported);
        assert_eq!(Migration::between(Mode::Dynamic, Mode::Overlay), Rebuild);
        assert_eq!(Migration::between(Mode::StaticBlock, Mode::Overlay), Rebuild);
        assert_eq!(Migration::between(Mode::Overlay, Mode::Kubenet), Rebuild);
        assert_eq!(Migration::between(Mode::Kubenet, Mode::Traditional), Rebuild);
        assert_eq!(Migration::between(Mode::Overlay, Mode::Overlay), Current);
        assert_eq!(Migration::between(Mode::None, Mode::Overlay), Rebuild);
    }

    #[test]
    fn a_pod_cidr_holds_its_slots_within_headroom_and_is_never_longer_than_24() {
        // 451 nodes at 80 %: a /15 has 512 slots (409 within headroom), a /14 1,024.
        assert_eq!(smallest_pod_cidr(451, 0.8), Some(14));
        assert_eq!(smallest_pod_cidr(451, 1.0), Some(15));
        assert_eq!(smallest_pod_cidr(0, 0.8), Some(24));
        assert_eq!(smallest_pod_cidr(1, 1.0), Some(24));
        assert_eq!(smallest_pod_cidr(u64::MAX, 0.8), None);
    }
}
