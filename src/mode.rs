//! The network modes of AKS (docs/network-modes.md) as data: what one node takes from which
//! range.
//! The scenario, the capacity rows, the sweeps, `compare` and every rule ask this file;
//! nothing else computes IPs per node.

use crate::allocator::Batching;
use crate::limits::{self, Allocation};

/// How a node pool's pods get their IPs, named as the AKS API names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Azure CNI with a pod subnet, IPs handed out in batches (podIPAllocationMode
    /// DynamicIndividual): the seed's feature.
    Dynamic,
    /// Azure CNI with a pod subnet, whole /28 blocks per node (podIPAllocationMode StaticBlock).
    StaticBlock,
    /// Azure CNI without a pod subnet or mode: pods take node-subnet IPs reserved up front.
    Traditional,
    /// Azure CNI Overlay: a /24 of the private pod CIDR per node.
    Overlay,
    /// kubenet: a /24 of the pod CIDR per node, routed by a route table.
    Kubenet,
    /// network_plugin none: the user's own CNI hands out pod IPs.
    None,
}

/// What one node takes: IPs of its node subnet and of its pod subnet, /24 slots of its
/// cluster's pod CIDR, and how many of those IPs no pod uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerNode {
    pub node_subnet_ips: u64,
    pub pod_subnet_ips: u64,
    pub pod_cidr_slots: u64,
    /// IPs held in the node subnet that no pod uses (traditional mode reserves max_pods).
    pub node_subnet_stranded: u64,
    /// IPs held in the pod subnet that no pod uses (batches and blocks not yet filled).
    pub pod_subnet_stranded: u64,
}

/// Rows and answers carry the mode itself; JSON and text show its identifier.
impl serde::Serialize for Mode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Mode {
    pub const ALL: [Mode; 6] = [
        Mode::Dynamic,
        Mode::StaticBlock,
        Mode::Traditional,
        Mode::Overlay,
        Mode::Kubenet,
        Mode::None,
    ];

    /// The identifier in the JSON output (`mode` on pool rows and in `compare`,
    /// docs/json-output.md).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Dynamic => "dynamic",
            Mode::StaticBlock => "static-block",
            Mode::Traditional => "traditional",
            Mode::Overlay => "overlay",
            Mode::Kubenet => "kubenet",
            Mode::None => "none",
        }
    }

    /// A name for messages.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Dynamic => "dynamic allocation of pod IPs",
            Mode::StaticBlock => "static block allocation",
            Mode::Traditional => "traditional Azure CNI",
            Mode::Overlay => "Azure CNI Overlay",
            Mode::Kubenet => "kubenet",
            Mode::None => "bring-your-own CNI",
        }
    }

    /// The max_pods AKS gives a pool that leaves it unset, and the page that says so.
    pub fn default_max_pods(self) -> (u32, &'static str) {
        match self {
            Mode::Dynamic | Mode::StaticBlock => (
                limits::DEFAULT_MAX_PODS_POD_SUBNET,
                "the feature article's default for the pod subnet modes (the IP planning page says 110)",
            ),
            Mode::Traditional => (
                limits::DEFAULT_MAX_PODS_TRADITIONAL,
                "AKS's default for Azure CNI without a pod subnet",
            ),
            Mode::Overlay => (
                limits::DEFAULT_MAX_PODS_OVERLAY,
                "AKS's default for Azure CNI Overlay",
            ),
            Mode::Kubenet => (
                limits::DEFAULT_MAX_PODS_KUBENET,
                "AKS's default for kubenet clusters",
            ),
            Mode::None => (
                limits::DEFAULT_MAX_PODS_BYO_CNI,
                "AKS's default for bring-your-own CNI clusters",
            ),
        }
    }

    pub fn uses_pod_subnet(self) -> bool {
        matches!(self, Mode::Dynamic | Mode::StaticBlock)
    }

    pub fn uses_pod_cidr(self) -> bool {
        matches!(self, Mode::Overlay | Mode::Kubenet)
    }

    /// What one node of a pool with `max_pods` and `pods` running pods takes.
    pub fn per_node(self, allocation: &Allocation, max_pods: u32, pods: u32) -> PerNode {
        let pods = pods.min(max_pods);
        let unused = u64::from(max_pods - pods);
        match self {
            Mode::Dynamic => {
                let batching = Batching::new(allocation, max_pods);
                PerNode {
                    node_subnet_ips: 1,
                    pod_subnet_ips: batching.ips_per_node(pods),
                    pod_subnet_stranded: u64::from(batching.pool_ips(pods) - pods),
                    ..PerNode::default()
                }
            }
            Mode::StaticBlock => {
                // Whole /28 blocks for max pods plus the node's own IP, which is one of them.
                let blocks = static_blocks(max_pods);
                PerNode {
                    node_subnet_ips: 1,
                    pod_subnet_ips: blocks,
                    pod_subnet_stranded: blocks - 1 - u64::from(pods),
                    ..PerNode::default()
                }
            }
            Mode::Traditional => PerNode {
                node_subnet_ips: 1 + u64::from(max_pods),
                node_subnet_stranded: unused,
                ..PerNode::default()
            },
            Mode::Overlay | Mode::Kubenet => PerNode {
                node_subnet_ips: 1,
                pod_cidr_slots: 1,
                ..PerNode::default()
            },
            Mode::None => PerNode {
                node_subnet_ips: 1,
                ..PerNode::default()
            },
        }
    }
}

impl Mode {
    /// Pod-subnet IPs one node holds in the node agent's subnet-scarcity mode (batches of 1):
    /// only dynamic allocation has one; every other mode takes its IPs whole, so `None`.
    pub fn scarce_pod_subnet_ips(self, allocation: &Allocation, max_pods: u32, pods: u32) -> Option<u64> {
        match self {
            Mode::Dynamic => Some(Batching::new(allocation, max_pods).scarce_ips_per_node(pods)),
            Mode::StaticBlock | Mode::Traditional | Mode::Overlay | Mode::Kubenet | Mode::None => None,
        }
    }
}

/// IPs of the /28 blocks a static-block node holds: `16 × ceil((max_pods + 1) / 16)`.
pub fn static_blocks(max_pods: u32) -> u64 {
    let block = limits::STATIC_BLOCK_SIZE;
    (u64::from(max_pods) + 1).div_ceil(block) * block
}

#[cfg(test)]
mod tests {
    use super::*;

    fn takes(mode: Mode, max_pods: u32, pods: u32) -> PerNode {
        mode.per_node(&Allocation::default(), max_pods, pods)
    }

    #[test]
    fn each_mode_takes_what_the_capacity_page_says() {
        // Dynamic: batches of 16 plus the primary IP (docs/capacity.md's examples).
        assert_eq!(takes(Mode::Dynamic, 250, 250).pod_subnet_ips, 251);
        assert_eq!(takes(Mode::Dynamic, 250, 30).pod_subnet_ips, 49);
        assert_eq!(takes(Mode::Dynamic, 110, 40).pod_subnet_ips, 49);
        // Static block: whole /28s for max pods + 1, whatever the pods.
        assert_eq!(takes(Mode::StaticBlock, 30, 0).pod_subnet_ips, 32);
        assert_eq!(takes(Mode::StaticBlock, 110, 40).pod_subnet_ips, 112);
        assert_eq!(takes(Mode::StaticBlock, 31, 31).pod_subnet_ips, 32);
        assert_eq!(takes(Mode::StaticBlock, 32, 31).pod_subnet_ips, 48);
        assert_eq!(
            takes(Mode::StaticBlock, 110, 40).pod_subnet_stranded,
            112 - 1 - 40
        );
        // Traditional: max pods reserved in the node subnet, plus the node's own IP.
        let t = takes(Mode::Traditional, 110, 40);
        assert_eq!(
            (t.node_subnet_ips, t.node_subnet_stranded, t.pod_subnet_ips),
            (111, 70, 0)
        );
        // Overlay and kubenet: one VNet IP and one /24 slot.
        for mode in [Mode::Overlay, Mode::Kubenet] {
            let o = takes(mode, 250, 250);
            assert_eq!((o.node_subnet_ips, o.pod_subnet_ips, o.pod_cidr_slots), (1, 0, 1));
        }
        assert_eq!(
            takes(Mode::None, 250, 250),
            PerNode {
                node_subnet_ips: 1,
                ..PerNode::default()
            }
        );
    }

    #[test]
    fn names_follow_the_json_output() {
        let names: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(
            names,
            [
                "dynamic",
                "static-block",
                "traditional",
                "overlay",
                "kubenet",
                "none"
            ]
        );
    }
}
