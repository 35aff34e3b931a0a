//! pod-cidr-exhausted: an overlay or kubenet pod CIDR gives each node one /24 (AKS docs
//! concepts-network-azure-cni-overlay.md, configure-kubenet.md), so it holds
//! `2^(24 - prefix)` nodes. At deploy, AKS refuses an overlay pod CIDR smaller than the pools'
//! max_count (or node_count) × 256 addresses with InsufficientSubnetSize (AKS changelog
//! 2023-05-07; Azure/AKS-Construction#701); past that, scale-out and surge nodes find no /24.

use super::free_range::{pod_cidr_edit, PodCidrPlaces};
use crate::capacity::{
    pod_cidr_slots, smallest_pod_cidr_prefix, Exhaustion, Phase, Range, RangeCapacity, Role,
};
use crate::diagnostic::{Applicability, Finding, Fix, Rule};
use crate::limits::POD_CIDR_NODE_PREFIX;
use crate::mode::Mode;
use crate::numbers::thousands;
use crate::plan::model::OsType;
use crate::topology::{Cidr, Cluster, Topology};
use ipnet::Ipv4Net;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    let mut places = PodCidrPlaces::default();
    for c in capacity.iter().filter(|c| c.role == Role::PodCidr) {
        let (Range::PodCidr(index), Some(e)) = (c.range, &c.exhaustion) else {
            continue;
        };
        let cluster = &topology.clusters[index];
        let Some(cidr) = &cluster.pod_cidr else {
            continue;
        };
        let finding = finding(topology, cluster, cidr, c, e);
        out.push(match resize_fix(topology, c, capacity, &mut places) {
            Some(fix) => finding.fix(fix),
            None => finding,
        });
    }
}

fn finding(
    topology: &Topology,
    cluster: &Cluster,
    cidr: &Cidr,
    c: &RangeCapacity,
    e: &Exhaustion,
) -> Finding {
    let net = cidr.net();
    let prefix = net.prefix_len();
    let overlay = c.uses.iter().any(|u| u.mode == Mode::Overlay);
    let pool = e.pool.map_or("", |p| cluster.pools[p].name.value.as_str());
    let default = if cidr.defaulted { "default " } else { "" };
    let subject = format!("the {default}pod CIDR {net} of cluster `{}`", cluster.name.value);
    let deploy_nodes = deploy_check_nodes(cluster, c);
    // AKS compares max_count × 256 with the CIDR's addresses (the InsufficientSubnetSize
    // message: "Pre-allocated IPs 1280 exceeds IPs available 1024 …").
    let addresses = 1u64 << (32 - u32::from(prefix));
    let refused = overlay && deploy_nodes.saturating_mul(256) > addresses;
    let refusal = format!(
        "; AKS refuses the deploy with `InsufficientSubnetSize` (target networkProfile.podCIDR): \
         the pools' max_count, or node_count without the autoscaler, come to {} nodes × 256 = {} \
         addresses, more than the {} of a /{prefix}",
        thousands(deploy_nodes),
        thousands(deploy_nodes.saturating_mul(256)),
        thousands(addresses)
    );
    let message = if prefix > POD_CIDR_NODE_PREFIX {
        format!(
            "{subject} is a /{prefix}: AKS gives every node a whole /24 of the pod CIDR, so a \
             /{prefix} holds no node at all and pool `{pool}` cannot start one{}",
            if refused { refusal.as_str() } else { "" }
        )
    } else {
        let when = match e.phase {
            Phase::Baseline => "at baseline (step 0)".to_string(),
            Phase::ScaleOut => format!("during scale-out, at step {}", e.step),
            Phase::Surge => format!("during the upgrade surge (step {})", e.step),
        };
        let consequence = if refused {
            refusal
        } else if !overlay {
            // kubenet: Kubernetes's node IPAM hands out the /24s and records this event when
            // none is left (kube-controller-manager, nodeipam range allocator).
            "; Kubernetes's node IPAM then has no /24 for the next node (event `CIDRNotAvailable`) \
             and its pods get no IPs"
                .to_string()
        } else if e.phase == Phase::Surge {
            format!(
                "; AKS's deploy check counts {} nodes without the surge, so the cluster deploys, \
                 but an upgrade cannot add its surge nodes",
                thousands(deploy_nodes)
            )
        } else {
            format!("; the cluster cannot add nodes past {}", thousands(c.usable))
        };
        format!(
            "{subject} ({}) runs out {when}: pool `{pool}` cannot get a /24 for its next node \
             with {} holding one; the step needs {}{consequence}",
            counted(c.usable, "node slot of /24", "node slots of /24"),
            counted(e.nodes, "node", "nodes"),
            thousands(e.demand),
        )
    };
    Finding::new(Rule::PodCidrExhausted, cidr.span, message).help(help(topology, cluster, net, c))
}

/// The resize advice for a pod CIDR's capacity row (subnet-headroom uses it too).
pub(super) fn resize_help(topology: &Topology, c: &RangeCapacity) -> Option<String> {
    let Range::PodCidr(index) = c.range else {
        return None;
    };
    let cluster = &topology.clusters[index];
    Some(help(topology, cluster, cluster.pod_cidr.as_ref()?.net(), c))
}

/// A pod CIDR that holds the peak nodes within the headroom: in place when free (for overlay,
/// AKS can expand a pod CIDR to a superset), else the lowest free range. Unsafe: the pod CIDR
/// is the cluster's, and only an in-place expansion of an overlay cluster keeps it.
pub(super) fn resize_fix(
    topology: &Topology,
    c: &RangeCapacity,
    capacity: &[RangeCapacity],
    places: &mut PodCidrPlaces,
) -> Option<Fix> {
    let Range::PodCidr(index) = c.range else {
        return None;
    };
    let cidr = topology.clusters[index].pod_cidr.as_ref()?;
    let headroom = topology.allocation.headroom_warning;
    let percent = (headroom * 100.0).round();
    let fix = places.for_cluster(topology, index, capacity).into_iter().fold(
        Fix::new(Applicability::Unsafe),
        |fix, net| {
            let place = if net.contains(&cidr.net().network()) {
                "the pod CIDR grown in place"
            } else {
                "a range nothing in this plan uses"
            };
            fix.candidate(
                format!("set `pod_cidr: {net}`"),
                format!(
                    "use `pod_cidr: {net}`, {place}: its {} node slots hold the peak of {} nodes within the \
                     {percent} % headroom; or lower max_count or max_surge",
                    thousands(pod_cidr_slots(net.prefix_len())),
                    thousands(c.peak_demand)
                ),
                vec![pod_cidr_edit(cidr, net)],
            )
        },
    );
    Some(fix)
}

/// Nodes AKS counts when it validates an overlay pod CIDR at deploy: max_count of the
/// autoscaling pools, node_count of the others, surge left out.
fn deploy_check_nodes(cluster: &Cluster, c: &RangeCapacity) -> u64 {
    c.uses
        .iter()
        .filter_map(|u| u.pool.map(|p| &cluster.pools[p]))
        .map(|p| {
            if p.autoscaling {
                u64::from(p.full_scale_nodes.value)
            } else {
                u64::from(p.baseline_nodes.value)
            }
        })
        .fold(0, u64::saturating_add)
}

fn help(topology: &Topology, cluster: &Cluster, net: Ipv4Net, c: &RangeCapacity) -> String {
    let overlay = c.uses.iter().any(|u| u.mode == Mode::Overlay);
    let headroom = topology.allocation.headroom_warning;
    let percent = (headroom * 100.0).round();
    let Some(fit) = smallest_pod_cidr_prefix(c.peak_demand, headroom) else {
        return format!(
            "no pod CIDR holds the peak of {} nodes; split the pools across clusters",
            thousands(c.peak_demand)
        );
    };
    let fits = format!(
        "use a /{fit} or larger pod CIDR that overlaps nothing: its {} node slots hold the \
         peak of {} nodes within the {percent} % headroom",
        thousands(pod_cidr_slots(fit)),
        thousands(c.peak_demand)
    );
    if net.prefix_len() > POD_CIDR_NODE_PREFIX {
        // Such a range never deployed: there is nothing to expand or scale down.
        return format!("a pod CIDR must be a /{POD_CIDR_NODE_PREFIX} or shorter; {fits}");
    }
    let how = if !overlay {
        "; the in-place migration to Azure CNI Overlay can also set a larger pod CIDR \
         (`az aks update --network-plugin-mode overlay --pod-cidr …`)"
    } else if cluster.pools.iter().any(|p| p.os_type.value == OsType::Windows) {
        "; AKS expands an overlay pod CIDR in place only without Windows pools, so this means \
         a new cluster"
    } else {
        "; AKS can expand an overlay pod CIDR in place to a superset of it"
    };
    format!("{fits}{how}; or lower max_count or max_surge")
}

/// "1 node", "3 nodes".
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}
