//! service-cidr-overlap: the Kubernetes service range must not overlap the cluster's
//! subnets, peered VNets or on-premises networks (AKS docs
//! concepts-network-ip-address-planning.md; deploy error ServiceCidrOverlapExistingSubnetsCidr).
//! Overlapping only the address space of the VNet or of a peered VNet deploys, but any subnet
//! later made there is unreachable from pods: a warning.

use super::free_range::{self, service_cidr_edits};
use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::topology::{Cidr, Cluster, Topology};
use ipnet::Ipv4Net;

/// Related labels shown per finding; the message counts the rest.
const MAX_RELATED: usize = 8;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let peers = topology.peers();
    let mut suggestions: std::collections::HashMap<u8, Vec<Ipv4Net>> = std::collections::HashMap::new();
    for cluster in &topology.clusters {
        let Some(service) = &cluster.service_cidr else {
            continue;
        };
        let net = service.net();
        let vnets = topology.cluster_vnets(cluster);
        // The cluster's VNets, then their peers, each once (a peer of two of them, or a
        // cluster VNet peered with another, would otherwise be reported twice).
        let mut reachable: Vec<usize> = vnets.clone();
        for &p in vnets.iter().flat_map(|&v| &peers[v]) {
            if !reachable.contains(&p) {
                reachable.push(p);
            }
        }
        let mut hits: Vec<(&Cidr, String)> = Vec::new();
        for &v in &reachable {
            for &s in &topology.vnets[v].subnets {
                let subnet = &topology.subnets[s];
                for c in subnet.cidrs().filter(|c| overlaps(c.net(), net)) {
                    hits.push((c, format!("subnet `{}` ({})", subnet.name.value, c.net())));
                }
            }
        }
        for ext in &topology.external_networks {
            for c in ext.cidrs.iter().filter(|c| overlaps(c.net(), net)) {
                hits.push((c, format!("external network `{}` ({})", ext.name.value, c.net())));
            }
        }
        let (severity, hits) = if hits.is_empty() {
            // The cluster's own VNets first, then the peered ones (rules/service-cidr-overlap.md:
            // either warns).
            let spaces = reachable.iter().enumerate().flat_map(|(k, &v)| {
                let kind = if k < vnets.len() { "VNet" } else { "peered VNet" };
                let name = &topology.vnets[v].name.value;
                topology.vnets[v]
                    .address_space
                    .iter()
                    .filter(|c| overlaps(c.net(), net))
                    .map(move |c| (c, format!("{kind} `{name}`'s address space ({})", c.net())))
            });
            (Severity::Warning, spaces.collect::<Vec<_>>())
        } else {
            (Severity::Error, hits)
        };
        if hits.is_empty() {
            continue;
        }
        let prefix = net
            .prefix_len()
            .clamp(crate::limits::LARGEST_SERVICE_CIDR_PREFIX, 24);
        let free = suggestions
            .entry(prefix)
            .or_insert_with(|| free_range::service_cidr_places(topology, prefix));
        out.push(finding(cluster, service, severity, &hits, free));
    }
}

fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}

fn finding(
    cluster: &Cluster,
    service: &Cidr,
    severity: Severity,
    hits: &[(&Cidr, String)],
    free: &[Ipv4Net],
) -> Finding {
    let subject = if service.defaulted {
        format!(
            "the default service CIDR {} of cluster `{}`",
            service.net(),
            cluster.name.value
        )
    } else {
        format!(
            "the service CIDR {} of cluster `{}`",
            service.net(),
            cluster.name.value
        )
    };
    let mut listed: Vec<&str> = hits.iter().take(3).map(|(_, what)| what.as_str()).collect();
    let more = hits.len().saturating_sub(listed.len());
    let more_text = format!("{more} more");
    if more > 0 {
        listed.push(&more_text);
    }
    let message = match severity {
        Severity::Error => format!("{subject} overlaps {}", listed.join(", ")),
        _ => format!(
            "{subject} lies inside {}; a subnet added there later would be unreachable from pods",
            listed.join(", ")
        ),
    };
    let help = "set `service_cidr` to a range that no subnet, peered VNet or external network uses, \
                and `dns_service_ip` to an address inside it";
    // A service CIDR may exist in Azure, and AKS changes it only by recreating the cluster.
    let fix = free.iter().fold(Fix::new(Applicability::Unsafe), |fix, &free| {
        let dns = free_range::dns_of(free);
        fix.candidate(
            format!("set `service_cidr: {free}` and `dns_service_ip: {dns}`"),
            format!(
                "set `service_cidr: {free}` and `dns_service_ip: {dns}`, a range nothing in this plan uses"
            ),
            service_cidr_edits(cluster, free),
        )
    });
    hits.iter().take(MAX_RELATED).fold(
        Finding::new(Rule::ServiceCidrOverlap, service.span, message)
            .severity(severity)
            .help(help)
            .fix(fix),
        |f, (cidr, what)| f.related(cidr.span, format!("{what} is here")),
    )
}
