//! dns-service-ip: the cluster DNS service IP must lie inside the service CIDR and not be
//! its network address, its first address, which kubernetes.default takes
//! (AKS docs concepts-network-ip-address-planning.md), or its broadcast address
//! (rules/dns-service-ip.md).

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
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
        let suggestion = Ipv4Addr::from(first.saturating_add(DEFAULT_DNS_SERVICE_IP_OFFSET));
        let help = if net.contains(&suggestion) {
            format!("use an address inside {net} between its first and last, conventionally `{suggestion}`")
        } else {
            format!("{net} is too small to hold the DNS service IP; use a larger service CIDR")
        };
        let subject = if dns.defaulted {
            format!(
                "the default DNS service IP {ip} (the 10th address) of cluster `{}`",
                cluster.name.value
            )
        } else {
            format!("the DNS service IP {ip} of cluster `{}`", cluster.name.value)
        };
        out.push(Finding::new(Rule::DnsServiceIp, dns.span, format!("{subject} {problem}")).help(help));
    }
}
