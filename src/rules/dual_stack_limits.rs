//! dual-stack-limits: a dual-stack cluster (IPv4 and IPv6) as AKS supports it (AKS docs
//! configure-dual-stack.md and azure-cni-overlay.md): Azure CNI Overlay (or kubenet), an IPv6
//! service CIDR no larger than /108, no Azure or Calico network policy, no virtual nodes and
//! no node auto-provisioning; and an IPv6 pod CIDR that holds each node's /80 block, which
//! Kubernetes' node IPAM carves from a pod CIDR of /64 or longer (a warning: AKS does not
//! state the block size, `limits::POD_CIDR_V6_NODE_PREFIX` says where it comes from).

use crate::diagnostic::{Finding, Rule, Severity, Span};
use crate::limits::{LARGEST_POD_CIDR_V6_PREFIX, LARGEST_SERVICE_CIDR_V6_PREFIX, POD_CIDR_V6_NODE_PREFIX};
use crate::mode::Mode;
use crate::plan::model::NetworkPolicy;
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    {
        let Some(at) = dual_stack(cluster) else { return };
        let name = &cluster.name.value;
        let error = |span: Span, message: String, help: &str| {
            Finding::new(Rule::DualStackLimits, span, message).help(help.to_string())
        };
        if let Some(pool) = cluster
            .pools
            .iter()
            .find(|p| !matches!(p.mode, Mode::Overlay | Mode::Kubenet))
        {
            out.push(
                error(
                    at,
                    format!(
                        "cluster `{name}` is dual-stack, but its pool `{}` uses {}; AKS runs dual-stack clusters on Azure CNI Overlay",
                        pool.name.value,
                        pool.mode.title()
                    ),
                    "use `network_plugin_mode: overlay`, or drop the IPv6 ranges",
                )
                .related(pool.name.span, "this pool"),
            );
        }
        if let Some(service) = cluster
            .service_cidr_v6
            .as_ref()
            .filter(|s| s.net().prefix_len() < LARGEST_SERVICE_CIDR_V6_PREFIX)
        {
            out.push(error(
                service.span,
                format!(
                    "the IPv6 service CIDR {} of cluster `{name}` is larger than a /{LARGEST_SERVICE_CIDR_V6_PREFIX}; AKS refuses it",
                    service.net()
                ),
                "use a /108 such as fd12:3456:789a:1::/108, AKS's default",
            ));
        }
        if matches!(
            cluster.network_policy.value,
            NetworkPolicy::Azure | NetworkPolicy::Calico
        ) {
            out.push(error(
                cluster.network_policy.span,
                format!(
                    "cluster `{name}` is dual-stack, which Azure and Calico network policies do not support"
                ),
                "use `network_policy: cilium` with `network_dataplane: cilium`, or no network policy",
            ));
        }
        if let Some(pool) = cluster
            .pools
            .iter()
            .find(|p| p.virtual_node_pods.value > 0 || p.virtual_node_subnet_written.is_some())
        {
            out.push(error(
                pool.virtual_node_subnet_written
                    .unwrap_or(pool.virtual_node_pods.span),
                format!("cluster `{name}` is dual-stack, which virtual nodes do not support"),
                "run these pods on regular nodes, or make the cluster single-stack",
            ));
        }
        if let Some(on) = cluster.node_provisioning {
            out.push(error(
                on,
                format!("cluster `{name}` is dual-stack, which node auto-provisioning does not support"),
                "use node pools without node auto-provisioning, or make the cluster single-stack",
            ));
        }
        if let Some(pod) = &cluster.pod_cidr_v6 {
            let prefix = pod.net().prefix_len();
            let why = if prefix < LARGEST_POD_CIDR_V6_PREFIX {
                Some(format!(
                    "larger than a /{LARGEST_POD_CIDR_V6_PREFIX}: Kubernetes carves node blocks at most 16 bits longer than the pod CIDR, and each node takes a /{POD_CIDR_V6_NODE_PREFIX}"
                ))
            } else if prefix > POD_CIDR_V6_NODE_PREFIX {
                Some(format!(
                    "longer than a /{POD_CIDR_V6_NODE_PREFIX}, the block each node takes"
                ))
            } else {
                None
            };
            if let Some(why) = why {
                out.push(
                    Finding::new(
                        Rule::DualStackLimits,
                        pod.span,
                        format!("the IPv6 pod CIDR {} of cluster `{name}` is {why}", pod.net()),
                    )
                    .severity(Severity::Warning)
                    .help("use a /64, AKS's default size (fd12:3456:789a::/64)"),
                );
            }
            if let Some(service) = cluster
                .service_cidr_v6
                .as_ref()
                .filter(|s| overlaps(pod.net(), s.net()))
            {
                out.push(
                    error(
                        pod.span,
                        format!(
                            "the IPv6 pod CIDR {} of cluster `{name}` overlaps its IPv6 service CIDR {}",
                            pod.net(),
                            service.net()
                        ),
                        "give pods and services IPv6 ranges of their own, such as AKS's defaults fd12:3456:789a::/64 and fd12:3456:789a:1::/108",
                    )
                    .related(service.span, "the IPv6 service CIDR"),
                );
            }
        }
    }
}

/// Where a cluster says it is dual-stack: its first IPv6 range as written; `None` for a
/// single-stack cluster.
fn dual_stack(cluster: &Cluster) -> Option<Span> {
    let written = |c: &Option<crate::topology::Cidr6>| c.as_ref().filter(|c| !c.defaulted).map(|c| c.span);
    written(&cluster.pod_cidr_v6)
        .or_else(|| written(&cluster.service_cidr_v6))
        .or_else(|| {
            cluster
                .pod_cidr_v6
                .as_ref()
                .or(cluster.service_cidr_v6.as_ref())
                .map(|c| c.span)
        })
}

fn overlaps(a: ipnet::Ipv6Net, b: ipnet::Ipv6Net) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}
