//! The rule registry: every rule's name, default severity and summary in one table, and the
//! checks that run over a resolved topology. Each rule's logic lives in its own file; its
//! page lives in `rules/<name>.md`.

use crate::capacity::SubnetCapacity;
use crate::finding::{Finding, Severity};
use crate::topology::Topology;

mod cidr_host_bits;
mod cli_version;
mod cluster_limits;
mod dns_service_ip;
mod exhaustion;
pub use exhaustion::thousands;
mod delegated_node_subnet;
mod duplicate_name;
mod forbidden_range;
pub mod invalid_cidr;
mod max_pods_range;
mod mixed_cni;
mod node_subnet_exhausted;
mod pod_subnet_exhausted;
mod pod_subnet_other_vnet;
mod pod_subnet_too_large;
mod private_link_unsupported;
mod service_cidr_overlap;
mod service_cidr_size;
mod subnet_headroom;
mod subnet_outside_vnet;
mod subnet_overlap;
mod subnet_role_conflict;
mod subnet_too_small;
pub mod unknown_reference;
mod unsupported_os;
mod vnet_overlap;

macro_rules! registry {
    ($($variant:ident = $name:literal, $severity:ident, $summary:literal;)*) => {
        /// Every rule cniplan reports, in the order of SPEC §4.
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
    SubnetTooSmall = "subnet-too-small", Error, "A subnet is smaller than /29.";
    SubnetOutsideVnet = "subnet-outside-vnet", Error, "A subnet is not inside its VNet's address space.";
    SubnetOverlap = "subnet-overlap", Error, "Two subnets of one VNet overlap.";
    VnetOverlap = "vnet-overlap", Error, "Address spaces of VNets, or of a VNet and an external network, overlap.";
    ForbiddenRange = "forbidden-range", Error, "A VNet, subnet or service CIDR uses a range AKS or Azure forbids.";
    ServiceCidrOverlap = "service-cidr-overlap", Error, "The service CIDR overlaps the cluster's network.";
    ServiceCidrSize = "service-cidr-size", Error, "The service CIDR is larger than /12.";
    DnsServiceIp = "dns-service-ip", Error, "The DNS service IP is outside the service CIDR or is a reserved address of it.";
    PodSubnetExhausted = "pod-subnet-exhausted", Error, "The scenario runs a pod subnet out of IPs.";
    NodeSubnetExhausted = "node-subnet-exhausted", Error, "The scenario runs a node subnet out of IPs.";
    SubnetHeadroom = "subnet-headroom", Warning, "Peak demand leaves less spare than the headroom setting.";
    PodSubnetTooLarge = "pod-subnet-too-large", Warning, "A dynamic-mode pod subnet is larger than /16.";
    MaxPodsRange = "max-pods-range", Error, "max_pods is outside 10-250, or a pool holds fewer than 30 pods.";
    ClusterLimits = "cluster-limits", Error, "More than 1,000 nodes in a pool, 5,000 in a cluster, or 100 pools.";
    PodSubnetOtherVnet = "pod-subnet-other-vnet", Error, "A pool's pod subnet is not in the VNet of its node subnet.";
    MixedCni = "mixed-cni", Error, "Some pools of a cluster have a pod subnet and others do not.";
    UnsupportedOs = "unsupported-os", Error, "A Windows pool uses dynamic allocation of pod IPs.";
    DelegatedNodeSubnet = "delegated-node-subnet", Error, "A node subnet has a delegation.";
    SubnetRoleConflict = "subnet-role-conflict", Error, "One subnet serves as a node subnet and a pod subnet.";
    PrivateLinkUnsupported = "private-link-unsupported", Error, "A dynamic-allocation cluster exposes a Private Link Service.";
    CliVersion = "cli-version", Error, "The Azure CLI version is older than 2.37.0.";
    UnusedSuppression = "unused-suppression", Note, "A `# cniplan: ignore[...]` comment suppresses nothing.";
}

impl Rule {
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }
}

/// The rules that read the resolved topology. plan-syntax and plan-schema come from the
/// loader; invalid-cidr and unknown-reference from the resolver.
const TOPOLOGY_CHECKS: &[fn(&Topology, &mut Vec<Finding>)] = &[
    cidr_host_bits::check,
    duplicate_name::check,
    subnet_too_small::check,
    subnet_outside_vnet::check,
    subnet_overlap::check,
    vnet_overlap::check,
    forbidden_range::check,
    service_cidr_overlap::check,
    service_cidr_size::check,
    dns_service_ip::check,
    max_pods_range::check,
    cluster_limits::check,
    pod_subnet_other_vnet::check,
    mixed_cni::check,
    unsupported_os::check,
    delegated_node_subnet::check,
    subnet_role_conflict::check,
    private_link_unsupported::check,
    cli_version::check,
];

/// A rule that reads the scenario's results.
type CapacityCheck = fn(&Topology, &[SubnetCapacity], &mut Vec<Finding>);

const CAPACITY_CHECKS: &[CapacityCheck] = &[
    pod_subnet_exhausted::check,
    node_subnet_exhausted::check,
    subnet_headroom::check,
    pod_subnet_too_large::check,
];

pub fn check(topology: &Topology, capacity: &[SubnetCapacity]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in TOPOLOGY_CHECKS {
        check(topology, &mut findings);
    }
    for check in CAPACITY_CHECKS {
        check(topology, capacity, &mut findings);
    }
    findings
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
}
