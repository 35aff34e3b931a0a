//! api-server-subnet: API Server VNet Integration's subnet as AKS requires it (AKS docs
//! api-server-vnet-integration.md): at least a /28, delegated to
//! `Microsoft.ContainerService/managedClusters`, in the cluster's VNet, used by nothing but
//! API servers (clusters of one VNet may share it), each of which "reserves at least nine
//! IPs" there.

use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::{Finding, Rule};
use crate::limits::{API_SERVER_DELEGATION, API_SERVER_SUBNET_IPS, SMALLEST_API_SERVER_SUBNET_PREFIX};
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    let mut reported = vec![false; topology.subnets.len()];
    for cluster in &topology.clusters {
        let (Some(s), Some(written)) = (cluster.api_server_subnet, cluster.api_server_subnet_written) else {
            continue;
        };
        let subnet = &topology.subnets[s];
        let name = &cluster.name.value;
        if let Some(node) = cluster.pools.iter().find_map(|p| p.node_subnet) {
            let (node_vnet, api_vnet) = (topology.subnets[node].vnet, subnet.vnet);
            if node_vnet != api_vnet {
                let vnet = |v: usize| &topology.vnets[v].name.value;
                out.push(Finding::new(
                    Rule::ApiServerSubnet,
                    written,
                    format!(
                        "the API server subnet `{}` of cluster `{name}` is in VNet `{}`, but its nodes live in VNet `{}`",
                        subnet.name.value,
                        vnet(api_vnet),
                        vnet(node_vnet)
                    ),
                )
                .help(format!("use a subnet of VNet `{}` for the API server", vnet(node_vnet))));
            }
        }
        if std::mem::replace(&mut reported[s], true) {
            continue;
        }
        let Some(cidr) = &subnet.cidr else { continue };
        let prefix = cidr.net().prefix_len();
        if prefix > SMALLEST_API_SERVER_SUBNET_PREFIX {
            out.push(
                Finding::new(
                    Rule::ApiServerSubnet,
                    cidr.span,
                    format!(
                        "API server subnet `{}` is a /{prefix}; AKS needs at least a /{SMALLEST_API_SERVER_SUBNET_PREFIX}",
                        subnet.name.value
                    ),
                )
                .help(format!("use a /{SMALLEST_API_SERVER_SUBNET_PREFIX} or larger"))
                .related(written, format!("cluster `{name}` puts its API server here")),
            );
        }
        if let Some(delegation) = &subnet.delegation {
            if !delegation
                .value
                .trim()
                .eq_ignore_ascii_case(API_SERVER_DELEGATION)
            {
                out.push(
                    Finding::new(
                        Rule::ApiServerSubnet,
                        delegation.span,
                        format!(
                            "API server subnet `{}` is delegated to `{}`; AKS needs it delegated to `{API_SERVER_DELEGATION}`",
                            subnet.name.value,
                            delegation.value.trim()
                        ),
                    )
                    .help(format!("delegate the subnet to `{API_SERVER_DELEGATION}`, or give the API server a subnet of its own")),
                );
            }
        }
        let Some(c) = capacity.iter().find(|c| c.subnet() == Some(s)) else {
            continue;
        };
        // Nodes, pods or virtual nodes here too: no other workload may use the subnet.
        if let Some(u) = c.uses.iter().find(|u| u.role != Role::ApiServer) {
            out.push(
                Finding::new(
                    Rule::ApiServerSubnet,
                    written,
                    format!(
                        "API server subnet `{}` of cluster `{name}` also serves {}; AKS lets no other workload use it",
                        subnet.name.value,
                        crate::capacity::owner_phrase(topology, u.cluster, u.pool, u.role),
                    ),
                )
                .help("give the API server a subnet of its own (a /28 holds it)"),
            );
        }
        let servers = c.uses.iter().filter(|u| u.role == Role::ApiServer).count() as u64;
        let whose = if servers == 1 {
            format!("the API server of cluster `{name}` takes")
        } else {
            format!("the API servers of {servers} clusters take")
        };
        let too_small = prefix > SMALLEST_API_SERVER_SUBNET_PREFIX;
        if !too_small && c.peak_demand > c.usable && c.uses.iter().all(|u| u.role == Role::ApiServer) {
            out.push(
                Finding::new(
                    Rule::ApiServerSubnet,
                    cidr.span,
                    format!(
                        "API server subnet `{}` ({}) holds {} usable IPs, but {whose} {} ({API_SERVER_SUBNET_IPS} each)",
                        subnet.name.value,
                        cidr.net(),
                        thousands(c.usable),
                        thousands(c.peak_demand)
                    ),
                )
                .help("use a larger subnet, or give some of the clusters an API server subnet of their own"),
            );
        }
    }
}
