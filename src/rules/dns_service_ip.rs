//! dns-service-ip: the cluster DNS service IP must lie inside the service CIDR and not be
//! its network address, its first address, which kubernetes.default takes
//! (AKS docs concepts-network-ip-address-planning.md), or its broadcast address
//! (rules/dns-service-ip.md).

use crate::diagnostic::Rule;
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::limits::DEFAULT_DNS_SERVICE_IP_OFFSET;
use crate::topology::Topology;
use std::net::Ipv4Addr;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        let (Some(service), Some(dns)) = (&cluster.service_cidr, &cluster.dns_service_ip) else {
            continue;
        };
        let net = service.net();
        let ip = dns.value;
        let first = u32::from(net.network());
        let problem = if !net.contains(&ip) {
            format!("is outside the service CIDR {net}")
        } else if u32::from(ip) == first {
            format!("is the network address of the service CIDR {net}")
        } else if u32::from(ip) == first + 1 {
            format!(
                "is the first address of the service CIDR {net}, which the kubernetes.default service takes"
            )
        } else if ip == net.broadcast() {
            format!("is the broadcast (last) address of the service CIDR {net}")
        } else {
            continue;
        };
        let last = u32::from(net.broadcast());
        // The conventional 10th address, else the lowest one AKS takes (the .1 is kubernetes').
        let usable = |offset: u32| Some(first.checked_add(offset)?).filter(|&a| a > first + 1 && a < last);
        let fix = [DEFAULT_DNS_SERVICE_IP_OFFSET, 2]
            .into_iter()
            .filter_map(usable)
            .map(Ipv4Addr::from)
            .fold(Fix::new(Applicability::Safe), |fix, suggestion| {
                // AKS refuses the value as written, so no cluster holds it: safe.
                fix.candidate(
                    format!("set `dns_service_ip: {suggestion}`"),
                    format!("use `{suggestion}`, an address inside {net} between its first and last"),
                    vec![Edit::set(
                        dns.span,
                        dns.defaulted,
                        "dns_service_ip",
                        ip,
                        suggestion,
                    )],
                )
            });
        let help = if fix.candidates.is_empty() {
            format!("{net} is too small to hold the DNS service IP; use a larger service CIDR")
        } else {
            format!("use an address inside {net} between its first and last")
        };
        let subject = if dns.defaulted {
            format!(
                "the default DNS service IP {ip} (the 10th address) of cluster `{}`",
                cluster.name.value
            )
        } else {
            format!("the DNS service IP {ip} of cluster `{}`", cluster.name.value)
        };
        out.push(
            Finding::new(Rule::DnsServiceIp, dns.span, format!("{subject} {problem}"))
                .help(help)
                .fix(fix),
        );
    }
}
