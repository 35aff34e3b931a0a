//! Capacity as users read it: one row per subnet with names instead of indices, shaped
//! exactly as SPEC §5's `subnets` array so the JSON renderer serializes it as is.

use super::{Exhaustion, SubnetCapacity};
use crate::topology::Topology;
use serde::Serialize;

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SubnetRow {
    pub vnet: String,
    pub name: String,
    pub cidr: String,
    pub role: &'static str,
    /// `2^(32 - prefix) - 5 - reserved_ips` as SPEC §3 writes it: negative for a subnet
    /// smaller than Azure's reserve (a /30 has -1).
    pub usable: i64,
    pub baseline_demand: u64,
    pub peak_demand: u64,
    /// Peak over usable, to four decimals; null for a subnet with no usable IP.
    pub utilization: Option<f64>,
    pub pools: Vec<PoolRow>,
    pub exhaustion: Option<ExhaustionRow>,
    /// The resource an imported subnet came from (a Terraform address such as
    /// `azurerm_subnet.pods[0]`), since Azure names repeat across resource groups; absent
    /// for cniplan plans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PoolRow {
    pub cluster: String,
    pub pool: String,
    pub ips_per_node: u64,
    /// Nodes at full scale plus this pool's upgrade surge.
    pub peak_nodes: u64,
    /// The most nodes of this pool the subnet could hold alone.
    pub max_nodes: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ExhaustionRow {
    pub phase: &'static str,
    pub step: u64,
    pub cluster: String,
    pub pool: String,
    pub nodes: u64,
    pub pods: u64,
    pub demand: u64,
    pub stranded_ips: u64,
}

pub fn rows(topology: &Topology, capacity: &[SubnetCapacity]) -> Vec<SubnetRow> {
    capacity.iter().map(|c| row(topology, c)).collect()
}

fn signed_usable(subnet: &crate::topology::Subnet) -> i64 {
    let prefix = subnet.cidr.as_ref().map_or(32, |c| c.net().prefix_len());
    (1i64 << (32 - u32::from(prefix)))
        - crate::limits::RESERVED_IPS_PER_SUBNET as i64
        - i64::from(subnet.reserved_ips.value)
}

fn row(topology: &Topology, c: &SubnetCapacity) -> SubnetRow {
    let subnet = &topology.subnets[c.subnet];
    let names = |cluster: usize, pool: usize| {
        let cluster = &topology.clusters[cluster];
        (cluster.name.value.clone(), cluster.pools[pool].name.value.clone())
    };
    let pools = c
        .uses
        .iter()
        .map(|u| {
            let (cluster, pool) = names(u.cluster, u.pool);
            PoolRow {
                cluster,
                pool,
                ips_per_node: u.ips_per_node,
                peak_nodes: u.full_scale_nodes.saturating_add(u.surge_nodes),
                max_nodes: c.most_nodes_alone(u),
            }
        })
        .collect();
    let exhaustion = c.exhaustion.as_ref().map(|e: &Exhaustion| {
        let (cluster, pool) = names(e.cluster, e.pool);
        ExhaustionRow {
            phase: e.phase.as_str(),
            step: e.step,
            cluster,
            pool,
            nodes: e.nodes,
            pods: e.pods,
            demand: e.demand,
            stranded_ips: e.stranded_ips,
        }
    });
    SubnetRow {
        vnet: topology.vnets[subnet.vnet].name.value.clone(),
        name: subnet.name.value.clone(),
        cidr: subnet
            .cidr
            .as_ref()
            .map(|c| c.net().to_string())
            .unwrap_or_default(),
        role: c.role.as_str(),
        usable: signed_usable(subnet),
        baseline_demand: c.baseline_demand,
        peak_demand: c.peak_demand,
        utilization: c.utilization().map(|u| (u * 10_000.0).round() / 10_000.0),
        pools,
        exhaustion,
        source: subnet.origin.as_ref().map(|o| o.resource.clone()),
    }
}
