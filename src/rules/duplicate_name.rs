//! duplicate-name: two VNets, subnets of one VNet, external networks, clusters, or pools of
//! one cluster share a name. Azure names are unique in their scope; references would be
//! ambiguous.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Spanned;
use crate::topology::Topology;
use std::collections::HashMap;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    report(topology.vnets.iter().map(|v| &v.name), "VNet", out);
    for vnet in &topology.vnets {
        let subnets = vnet.subnets.iter().map(|&s| &topology.subnets[s].name);
        report(subnets, &format!("subnet of VNet `{}`", vnet.name.value), out);
    }
    report(
        topology.external_networks.iter().map(|e| &e.name),
        "external network",
        out,
    );
    report(topology.clusters.iter().map(|c| &c.name), "cluster", out);
    for cluster in &topology.clusters {
        let pools = cluster.pools.iter().map(|p| &p.name);
        report(
            pools,
            &format!("node pool of cluster `{}`", cluster.name.value),
            out,
        );
    }
}

fn report<'a>(names: impl Iterator<Item = &'a Spanned<String>>, what: &str, out: &mut Vec<Finding>) {
    let mut first: HashMap<&str, &Spanned<String>> = HashMap::new();
    for name in names {
        match first.get(name.value.as_str()) {
            Some(earlier) => out.push(
                Finding::new(
                    Rule::DuplicateName,
                    name.span,
                    format!("a second {what} is named `{}`", name.value),
                )
                .help("give each one its own name")
                .related(earlier.span, "first declared here"),
            ),
            None => {
                first.insert(&name.value, name);
            }
        }
    }
}
