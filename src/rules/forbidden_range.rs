//! forbidden-range: ranges AKS may not use for service, pod or VNet ranges (the feature
//! article, Prerequisites; AKS docs concepts-network-cni-overview.md, which names the pod
//! range, and use-byo-cni.md) and ranges no VNet may contain (Azure virtual network FAQ).
//! The pod range is a pod subnet, or the pod CIDR of an overlay, kubenet or bring-your-own
//! CNI cluster: "AKS rejects pod CIDRs that overlap a reserved range".

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::{Forbidden, FORBIDDEN_FOR_AKS, FORBIDDEN_FOR_VNETS};
use crate::topology::{Cidr, Topology};

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for vnet in &topology.vnets {
        for cidr in &vnet.address_space {
            let what = || format!("VNet `{}`", vnet.name.value);
            report(
                cidr,
                what,
                FORBIDDEN_FOR_AKS.iter().chain(FORBIDDEN_FOR_VNETS),
                out,
            );
        }
    }
    for subnet in &topology.subnets {
        for cidr in subnet.cidrs() {
            let what = || format!("subnet `{}`", subnet.name.value);
            report(cidr, what, FORBIDDEN_FOR_AKS.iter(), out);
        }
    }
    for cluster in &topology.clusters {
        if let Some(cidr) = &cluster.service_cidr {
            let what = || format!("the service CIDR of cluster `{}`", cluster.name.value);
            report(cidr, what, FORBIDDEN_FOR_AKS.iter(), out);
        }
        if let Some(cidr) = cluster.pod_cidr_in_use() {
            let what = || format!("the pod CIDR of cluster `{}`", cluster.name.value);
            report(cidr, what, FORBIDDEN_FOR_AKS.iter(), out);
        }
    }
}

/// `what` names the value; it is formatted only on a hit, as almost every value is fine.
fn report<'a>(
    cidr: &Cidr,
    what: impl FnOnce() -> String,
    forbidden: impl Iterator<Item = &'a Forbidden>,
    out: &mut Vec<Finding>,
) {
    let net = cidr.net();
    let hits: Vec<String> = forbidden
        .filter(|f| f.net.contains(&net) || net.contains(&f.net))
        .map(|f| format!("{} ({})", f.net, f.why))
        .collect();
    if hits.is_empty() {
        return;
    }
    out.push(
        Finding::new(Rule::ForbiddenRange, cidr.span, format!("{} ({net}) overlaps {}", what(), hits.join(", ")))
            .help("choose a range outside 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and 192.0.2.0/24, for example in 10.0.0.0/8"),
    );
}
