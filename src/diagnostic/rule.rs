//! Every rule's identity: its kebab-case name, default severity, summary and page, in one table
//! (the README's rule table). A leaf: the loader, the resolver, the rules and the renderers all
//! name rules through it, and it names nothing of theirs.

use super::Severity;

macro_rules! registry {
    ($($variant:ident = $name:literal, $severity:ident $(/ $other:ident)?, $summary:literal;)*) => {
        /// Every rule cniplan reports, in the order of the README's rule table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant),* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The kebab-case name users write in suppressions, configs and `explain`.
            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity),* }
            }

            /// The severity of the rule's other case, for the rules that report one (the
            /// rule table's `error / warning` rows, e.g. an overlap with an unpeered VNet, and
            /// `warning / error`, e.g. a declaration twice that the tool itself refuses).
            pub fn other_severity(self) -> Option<Severity> {
                match self { $(Rule::$variant => None $(.or(Some(Severity::$other)))?),* }
            }

            pub fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary),* }
            }

            /// The rule's page, `rules/<name>.md`, built into the binary.
            pub fn page(self) -> &'static str {
                match self {
                    $(Rule::$variant => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $name, ".md"))),*
                }
            }
        }
    };
}

registry! {
    PlanSyntax = "plan-syntax", Error, "The plan is not one valid YAML document.";
    PlanSchema = "plan-schema", Error, "The plan has an unknown key, a wrong type, a missing field or an unsupported version.";
    InvalidCidr = "invalid-cidr", Error, "A CIDR or IP does not parse, or is IPv6 where IPv4 is required.";
    CidrHostBits = "cidr-host-bits", Error, "A CIDR has host bits set.";
    DuplicateName = "duplicate-name", Error, "Two VNets, subnets of a VNet, external networks, clusters or pools of a cluster share a name.";
    UnknownReference = "unknown-reference", Error, "A subnet, VNet or peering reference matches nothing.";
    SubnetTooSmall = "subnet-too-small", Error, "A subnet is smaller than /29, or its reserved_ips leave no usable IP.";
    SubnetOutsideVnet = "subnet-outside-vnet", Error, "A subnet is not inside its VNet's address space.";
    SubnetOverlap = "subnet-overlap", Error, "Two subnets of one VNet overlap.";
    VnetOverlap = "vnet-overlap", Error / Warning, "Address spaces of VNets, or of a VNet and an external network, overlap.";
    ForbiddenRange = "forbidden-range", Error, "A VNet, subnet or service CIDR uses a range AKS or Azure forbids.";
    ServiceCidrOverlap = "service-cidr-overlap", Error / Warning, "The service CIDR overlaps the cluster's network.";
    ServiceCidrSize = "service-cidr-size", Error, "The service CIDR is larger than /12.";
    DnsServiceIp = "dns-service-ip", Error, "The DNS service IP is outside the service CIDR or is a reserved address of it.";
    PodSubnetExhausted = "pod-subnet-exhausted", Error, "The scenario runs a pod subnet out of IPs.";
    NodeSubnetExhausted = "node-subnet-exhausted", Error, "The scenario runs a node subnet out of IPs.";
    SubnetHeadroom = "subnet-headroom", Warning, "Peak demand leaves less spare than the headroom setting.";
    PodSubnetTooLarge = "pod-subnet-too-large", Warning, "A dynamic-mode pod subnet is larger than /16.";
    MaxPodsRange = "max-pods-range", Error / Warning, "max_pods is outside 10-250, a pool holds fewer than 30 pods, or pods_per_node is above max_pods.";
    ClusterLimits = "cluster-limits", Error, "More than 1,000 nodes in a pool, 5,000 in a cluster, or 100 pools.";
    PodSubnetOtherVnet = "pod-subnet-other-vnet", Error, "A pool's pod subnet is not in the VNet of its node subnet.";
    MixedCni = "mixed-cni", Error, "Some pools of a cluster have a pod subnet and others do not.";
    UnsupportedOs = "unsupported-os", Error / Note, "A node pool's OS is not supported by its network mode (Windows with kubenet, Windows Server 2019 with a pod subnet or overlay).";
    DelegatedNodeSubnet = "delegated-node-subnet", Error, "A node subnet has a delegation.";
    SubnetRoleConflict = "subnet-role-conflict", Error, "One subnet serves as a node subnet and a pod subnet.";
    PrivateLinkUnsupported = "private-link-unsupported", Error / Note, "A static block (error) or dynamic allocation (note) cluster exposes a Private Link Service.";
    CliVersion = "cli-version", Error, "The Azure CLI version is older than 2.37.0, or than 2.75.0 with static block allocation.";
    PodCidrOverlap = "pod-cidr-overlap", Error / Warning, "A pod CIDR overlaps a subnet, a peered VNet, an external network or the service CIDR.";
    PodCidrExhausted = "pod-cidr-exhausted", Error, "The scenario needs more /24 node slots than the pod CIDR holds.";
    KubenetRetirement = "kubenet-retirement", Warning, "A cluster uses kubenet, which AKS retires on 31 March 2028.";
    KubenetNodeLimit = "kubenet-node-limit", Error, "A kubenet cluster can reach more than 400 nodes.";
    StaticBlockMaxPods = "static-block-max-pods", Note, "A StaticBlock pool's max_pods is not 16N - 1, so each node wastes IPs of its last /28 block.";
    StaticBlockLimits = "static-block-limits", Error, "A StaticBlock pod subnet is larger than /12, or its cluster's Kubernetes version is below 1.28.";
    AllocationModeConflict = "allocation-mode-conflict", Error, "One pod subnet is used by DynamicIndividual and StaticBlock pools.";
    DataplaneConflict = "dataplane-conflict", Error, "The Cilium dataplane with a Windows pool or kubenet, or Cilium network policy without it.";
    NetworkPolicyLimits = "network-policy-limits", Warning, "Azure Network Policy Manager on a cluster that can reach more than 250 nodes or 20,000 pods.";
    ImplicitMaxPods = "implicit-max-pods", Note, "A pool leaves max_pods unset, so cniplan assumes its network mode's default.";
    ConflictingDeclarations = "conflicting-declarations", Warning / Error, "One resource ID or Terraform address is declared more than once with different values.";
    NodeProvisioningLimits = "node-provisioning-limits", Error / Warning, "Node auto-provisioning on a network it does not support (kubenet, a pod subnet, Calico network policy), or a NodePool without limits.";
    VirtualNodeLimits = "virtual-node-limits", Error, "Virtual nodes on a cluster or pool that cannot run them, or with a subnet outside the cluster's VNet or delegated elsewhere.";
    DualStackLimits = "dual-stack-limits", Error / Warning, "A dual-stack cluster that AKS does not support: not overlay, a service CIDR over /108, Azure or Calico policy, virtual nodes or NAP; an IPv6 pod CIDR outside /64-/80 (warning).";
    ApiServerSubnet = "api-server-subnet", Error, "An API server subnet (API Server VNet Integration) smaller than /28, delegated elsewhere, outside the cluster's VNet, shared with other workloads, or too small for the clusters sharing it.";
    HostedSystemSubnet = "hosted-system-subnet", Error / Warning, "An AKS Automatic hosted system pool subnet outside the cluster's VNet or on a cluster that is not Automatic (error), or smaller than the /26 AKS gives it (warning).";
    AutoCidr = "auto-cidr", Error / Note, "A subnet written `cidr: auto` was placed (note), or no free range holds it (error).";
    UnusedSuppression = "unused-suppression", Note, "A `# cniplan: ignore[...]` comment suppresses nothing.";
    AssumedValue = "assumed-value", Note, "An input leaves a value unset or unknown, or AKS documents none: the documented default or a stated count was assumed (max_pods, the upgrade surge, network defaults, a hosted system pool, a NodePool's bound).";
    UnresolvedInput = "unresolved-input", Note, "An imported input names something no input holds; the checks that need it stay silent.";
}

impl Rule {
    /// The rule a user names in `explain`, a suppression or `.cniplan.yaml`, in any case:
    /// names are copied from output, docs and other tools, and no two differ only in case.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.name().eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        for &rule in Rule::ALL {
            assert!(rule.name().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
        }
        assert_eq!(Rule::from_name("no-such-rule"), None);
    }

    #[test]
    fn names_are_matched_without_case() {
        assert_eq!(Rule::from_name("Vnet-Overlap"), Some(Rule::VnetOverlap));
        assert_eq!(Rule::from_name("SUBNET-HEADROOM"), Some(Rule::SubnetHeadroom));
    }
}
