//! Azure's and AKS's limits and defaults, as data, each with its source
//! (../shared/reference/azure-facts.md names them). Nothing else in the crate spells these out.

use ipnet::{Ipv4Net, Ipv6Net};
use std::net::{Ipv4Addr, Ipv6Addr};

/// Addresses Azure keeps in every subnet: the network address, .1 to .3 and the last one.
/// (Azure virtual network FAQ)
pub const RESERVED_IPS_PER_SUBNET: u64 = 5;

/// The smallest subnet Azure creates. (Azure virtual network FAQ)
pub const SMALLEST_SUBNET_PREFIX: u8 = 29;

/// The largest service CIDR AKS accepts. (AKS docs concepts-network-ip-address-planning.md)
pub const LARGEST_SERVICE_CIDR_PREFIX: u8 = 12;

/// The largest pod subnet of the dynamic mode, about 65,000 pods.
/// (AKS docs concepts-network-azure-cni-pod-subnet.md)
pub const LARGEST_POD_SUBNET_PREFIX: u8 = 16;

/// The service CIDR when a cluster does not set one (az aks create's default).
pub const DEFAULT_SERVICE_CIDR: Ipv4Net = net(10, 0, 0, 0, 16);

/// The DNS service IP defaults to this address of the service CIDR (10.0.0.10).
pub const DEFAULT_DNS_SERVICE_IP_OFFSET: u32 = 10;

/// A forbidden range and why.
pub struct Forbidden {
    pub net: Ipv4Net,
    pub why: &'static str,
}

/// Ranges AKS clusters may not use for the service, pod or VNet address ranges.
/// (the feature article, Prerequisites; AKS docs concepts-network-cni-overview.md)
pub const FORBIDDEN_FOR_AKS: &[Forbidden] = &[
    Forbidden {
        net: net(169, 254, 0, 0, 16),
        why: "link-local",
    },
    Forbidden {
        net: net(172, 30, 0, 0, 16),
        why: "reserved by AKS",
    },
    Forbidden {
        net: net(172, 31, 0, 0, 16),
        why: "reserved by AKS",
    },
    Forbidden {
        net: net(192, 0, 2, 0, 24),
        why: "TEST-NET-1, reserved by AKS",
    },
];

/// Ranges no VNet address space may contain. (Azure virtual network FAQ)
pub const FORBIDDEN_FOR_VNETS: &[Forbidden] = &[
    Forbidden {
        net: net(224, 0, 0, 0, 4),
        why: "multicast",
    },
    Forbidden {
        net: net(127, 0, 0, 0, 8),
        why: "loopback",
    },
    Forbidden {
        net: net(255, 255, 255, 255, 32),
        why: "broadcast",
    },
    Forbidden {
        net: net(168, 63, 129, 16, 32),
        why: "Azure's virtual public IP for platform services",
    },
];

/// max_pods bounds and defaults. (the feature article's table; AKS docs
/// concepts-network-ip-address-planning.md)
pub const MAX_PODS_MIN: u32 = 10;
pub const MAX_PODS_MAX: u32 = 250;
pub const MIN_PODS_PER_POOL: u32 = 30;
pub const DEFAULT_MAX_PODS_DYNAMIC: u32 = 250;
pub const DEFAULT_MAX_PODS_TRADITIONAL: u32 = 30;

/// AKS scale limits. (AKS docs, quotas and limits)
pub const MAX_NODES_PER_CLUSTER: u64 = 5_000;
pub const MAX_NODES_PER_POOL: u64 = 1_000;
pub const MAX_POOLS_PER_CLUSTER: usize = 100;

/// The oldest Azure CLI that deploys the feature. (the feature article)
pub const MIN_CLI_VERSION: (u32, u32, u32) = (2, 37, 0);

/// Surge per upgrade when a pool does not set max_surge: a percentage of the pool's nodes,
/// rounded up, so never less than 1 node (docs/plan-format.md; newer AKS API versions, where
/// the docs once said 1 node: ../shared/reference/azure-facts.md, "Upgrade surge default").
pub const DEFAULT_MAX_SURGE_PERCENT: f64 = 10.0;

/// The default as the notes of imported inputs say it.
pub const DEFAULT_MAX_SURGE_WORDS: &str =
    "10% of the pool's nodes, rounded up (1 node for pools of up to 10)";

/// Why cniplan takes that default, as the human output of `check`, `simulate` and `report`
/// says it under the surge phase for every pool that leaves max_surge unwritten. Azure
/// PowerShell's Az.Aks `-MaxSurge` help: "For percentages, fractional nodes are rounded up. If
/// not specified, the default is 10%"; the AKS API reference once said 1 node
/// (MicrosoftDocs/SupportArticles-docs PR #2101; ../shared/reference/azure-facts.md).
pub const DEFAULT_MAX_SURGE_WHY: &str =
    "AKS's default for a pool that sets no max surge: \"If not specified, the default is 10%\", \
     fractional nodes rounded up (Az.Aks -MaxSurge; older API references said 1 node, which \
     10% rounded up never falls below)";

/// Why a Karpenter NodePool's replacements are counted as a surge: Karpenter replaces drifted
/// nodes new-before-old within its default disruption budget, `nodes: 10%` of a NodePool's
/// nodes (Karpenter docs, Disruption, "Budgets": a NodePool that defines no budget gets one
/// of `nodes: 10%`; kubernetes-sigs/karpenter discussion #1079), the same 10% rounded up.
pub const DEFAULT_DISRUPTION_BUDGET_WHY: &str =
    "Karpenter's default disruption budget, `nodes: 10%` of a NodePool's nodes, within which it \
     replaces drifted nodes new-before-old";

/// The node agent's batch settings and the headroom warning, as the simulation uses them.
/// Defaults: (the feature article, "Planning IP addressing";
/// ACN docs/feature/ipammath/0-background.md: batch 16, request 50 % → 8, release 150 % → 24)
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allocation {
    pub batch_size: u32,
    pub refill_below: u32,
    pub release_at: u32,
    pub primary_ips_per_node: u32,
    pub headroom_warning: f64,
}

pub const ALLOCATION_DEFAULTS: Allocation = Allocation {
    batch_size: 16,
    refill_below: 8,
    release_at: 24,
    primary_ips_per_node: 1,
    headroom_warning: 0.8,
};

const fn net(a: u8, b: u8, c: u8, d: u8, prefix: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), prefix)
}

impl Default for Allocation {
    fn default() -> Self {
        ALLOCATION_DEFAULTS
    }
}

/// The network modes' own limits and defaults. (AKS docs, articles/aks/:
/// concepts-network-azure-cni-pod-subnet.md, concepts-network-azure-cni-overlay.md,
/// azure-cni-overlay.md, configure-kubenet.md, includes/kubenet-retirement.md,
/// use-network-policies.md, concepts-network-ip-address-planning.md)
pub const DEFAULT_MAX_PODS_POD_SUBNET: u32 = DEFAULT_MAX_PODS_DYNAMIC;
pub const DEFAULT_MAX_PODS_OVERLAY: u32 = 250;
pub const DEFAULT_MAX_PODS_KUBENET: u32 = 110;
/// A bring-your-own CNI cluster's (`network_plugin: none`) default max pods: 250, as AKS's
/// node provisioner sets it (Azure/karpenter-provider-azure pkg/consts/consts.go,
/// `DefaultNetPluginNoneMaxPods = 250`; AKS docs node-auto-provisioning-aksnodeclass.md).
pub const DEFAULT_MAX_PODS_BYO_CNI: u32 = 250;
/// The pod subnet modes' default in concepts-network-ip-address-planning.md ("Azure CNI Pod
/// subnet | 110"), which the feature article's 250 contradicts; cniplan sizes for 250.
pub const DEFAULT_MAX_PODS_POD_SUBNET_IP_PLANNING: u32 = 110;
/// Static block allocation hands out /28 blocks.
pub const STATIC_BLOCK_SIZE: u64 = 16;
/// The largest pod subnet of static block allocation (~1 million IPs).
pub const LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX: u8 = 12;
/// Static block allocation needs Kubernetes 1.28 and Azure CLI 2.75.0.
pub const STATIC_BLOCK_MIN_KUBERNETES: (u32, u32) = (1, 28);
pub const STATIC_BLOCK_MIN_CLI_VERSION: (u32, u32, u32) = (2, 75, 0);
/// Overlay and kubenet give each node one /24 of the pod CIDR.
pub const POD_CIDR_NODE_PREFIX: u8 = 24;
/// The pod CIDR when an overlay or kubenet cluster does not set one.
pub const DEFAULT_POD_CIDR: Ipv4Net = net(10, 244, 0, 0, 16);
/// One user-defined route per node, and a route table holds 400.
pub const KUBENET_MAX_NODES: u64 = 400;
/// Oldest Kubernetes version AKS migrates to overlay in place (AKS docs update-azure-cni.md,
/// "IPAM mode migration").
pub const OVERLAY_MIGRATION_MIN_KUBERNETES: (u32, u32) = (1, 27);
/// A flat network (pods in the node subnet) holds at most 64,000 IPs (AKS docs
/// plan-pod-networking.md, "Azure CNI Node Subnet … Limitation of 64,000 IPs").
pub const TRADITIONAL_MAX_IPS: u64 = 64_000;
/// The day AKS stops supporting kubenet (Azure/AKS#4859).
pub const KUBENET_RETIREMENT: &str = "31 March 2028";
/// Azure Network Policy Manager scales to 250 nodes and 20,000 pods.
pub const NETWORK_POLICY_MANAGER_MAX_NODES: u64 = 250;
pub const NETWORK_POLICY_MANAGER_MAX_PODS: u64 = 20_000;

/// The delegation a virtual-node subnet carries: Azure Container Instances runs the pods of
/// virtual nodes in container groups of that subnet (AKS docs virtual-nodes-cli.md).
pub const VIRTUAL_NODE_DELEGATION: &str = "Microsoft.ContainerInstance/containerGroups";

/// Dual-stack (AKS docs configure-dual-stack.md): the IPv6 pod and service CIDRs AKS uses when
/// a dual-stack cluster sets none (`--pod-cidrs` 10.244.0.0/16,fd12:3456:789a::/64 and
/// `--service-cidrs` 10.0.0.0/16,fd12:3456:789a:1::/108).
pub const DEFAULT_POD_CIDR_V6: Ipv6Net = net6(0xfd12, 0x3456, 0x789a, 0, 64);
pub const DEFAULT_SERVICE_CIDR_V6: Ipv6Net = net6(0xfd12, 0x3456, 0x789a, 1, 108);
/// "The IPv6 subnet assigned to --service-cidrs can be no larger than a /108."
pub const LARGEST_SERVICE_CIDR_V6_PREFIX: u8 = 108;
/// The IPv6 block each node takes from the pod CIDR: a /80, as the dual-stack page's node
/// listing shows (`podCIDRs: 10.244.x.0/24,fd12:3456:789a:x::/80`). No AKS page states the
/// size outright; the row that counts it says so.
pub const POD_CIDR_V6_NODE_PREFIX: u8 = 80;
/// Kubernetes' node IPAM allows at most 16 bits between the cluster's pod CIDR and a node's
/// block (`clusterSubnetMaxDiff`), so with /80 blocks the IPv6 pod CIDR is /64 or longer.
pub const LARGEST_POD_CIDR_V6_PREFIX: u8 = 64;

const fn net6(a: u16, b: u16, c: u16, d: u16, prefix: u8) -> Ipv6Net {
    Ipv6Net::new_assert(Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0), prefix)
}

/// API Server VNet Integration (AKS docs api-server-vnet-integration.md): the API server's
/// subnet is "/28" at least, delegated to `Microsoft.ContainerService/managedClusters`, and
/// each cluster's API server "reserves at least nine IPs" there; clusters of one VNet may
/// share it, no other workload may use it.
pub const SMALLEST_API_SERVER_SUBNET_PREFIX: u8 = 28;
pub const API_SERVER_SUBNET_IPS: u64 = 9;
pub const API_SERVER_DELEGATION: &str = "Microsoft.ContainerService/managedClusters";

/// The largest ARM template Azure Resource Manager deploys: "The template size is limited to
/// 4 MB" (learn.microsoft.com/azure/azure-resource-manager/templates/best-practices, Template
/// limits). A Bicep file is never larger than the template it compiles to, so a larger
/// Bicep file cannot be deployed either.
pub const MAX_TEMPLATE_BYTES: usize = 4 * 1024 * 1024;

/// Node auto-provisioning (Karpenter on AKS, Azure/karpenter-provider-azure
/// pkg/providers/instancetype/instancetypes.go `hasMinimumCPU`, `hasMinimumMemory`): Karpenter
/// launches no VM with fewer than 2 vCPUs or less than 3.5 GiB of memory, whatever a
/// NodePool's requirements allow; the smallest VM a NodePool may launch is at least that.
pub const KARPENTER_MIN_VCPUS: u64 = 2;
pub const KARPENTER_MIN_MEMORY_MIB: u64 = 3584;
/// The memory Karpenter counts for a VM against a NodePool's `limits.memory`: its whole GiB,
/// less `--vm-memory-overhead-percent` (default 0.075; instancetype.go
/// `CalculateMemoryWithoutOverhead`, pkg/operator/options/options.go), in thousandths.
pub const KARPENTER_VM_MEMORY_OVERHEAD_PERMILLE: u64 = 75;
/// Karpenter can launch past a NodePool's limit (it checks the limit before it launches, not
/// what the launch adds): one node more than the limit allows (Karpenter docs, NodePools,
/// `spec.limits`).
pub const KARPENTER_LIMIT_OVERSHOOT_NODES: u64 = 1;

/// AKS Automatic's hosted system node pool (the AKS API's `hostedSystemProfile`,
/// ManagedClusterHostedSystemProfile): without `systemNodeSubnetID`, "AKS will create a subnet
/// in the managed resource group using a default /26 CIDR"; the pool autoscales, so a subnet
/// of the user's is sized to at least that.
pub const HOSTED_SYSTEM_SUBNET_PREFIX: u8 = 26;

/// The hosted system pool's nodes, an assumption: AKS documents no count ("Cluster autoscaler
/// is enabled for system nodes in the managed system node pool",
/// automatic/aks-automatic-managed-system-node-pools-about.md, MicrosoftDocs/azure-aks-docs
/// @fb060abe; neither that page, the API reference of ManagedClusterHostedSystemProfile nor
/// `az aks create --system-node-subnet-id` gives one). The quickstarts' node listing shows three
/// `aks-hostedpool` nodes (automatic/quick-automatic-custom-network.md and
/// quick-automatic-managed-network.md), and a system pool's recommended minimum is three
/// (use-system-pools.md), so cniplan counts three, one IP each as any overlay node, says so in
/// an `assumed-value` note, and takes a cluster's `hosted_system_nodes` instead.
pub const HOSTED_SYSTEM_NODES: u64 = 3;
