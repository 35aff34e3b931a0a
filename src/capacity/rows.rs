//! Capacity as users read it: one row per subnet with names instead of indices, shaped
//! exactly as the `subnets` array of docs/json-output.md, so the JSON renderer serializes
//! it as is.

use super::{Exhaustion, Family, Range, RangeCapacity, Role};
use crate::topology::Topology;
use rayon::prelude::*;
use serde::Serialize;

/// Serialized by hand (below) in the order of docs/json-output.md, so `cidrs` is written
/// from `cidr` and `more_cidrs` without a list stored on every row.
#[derive(Clone, Debug, PartialEq)]
pub struct SubnetRow {
    /// The subnet's VNet; null for a pod CIDR, which lies outside every VNet.
    pub vnet: Option<String>,
    pub name: String,
    /// The range's first prefix.
    pub cidr: String,
    /// `ipv4` or `ipv6` (docs/json-output.md).
    pub family: Family,
    /// Prefixes of the range after the first, in the same family; empty for nearly all.
    pub more_cidrs: Vec<String>,
    pub role: crate::capacity::Role,
    /// `2^(32 - prefix) - 5 - reserved_ips`, never below zero (docs/capacity.md): a subnet too
    /// small for Azure's 5 and its reserved IPs has none, and subnet-too-small says so.
    pub usable: u64,
    pub baseline_demand: u64,
    pub peak_demand: u64,
    /// Peak over usable, to four decimals; null for a subnet with no usable IP.
    pub utilization: Option<f64>,
    pub pools: Vec<PoolRow>,
    /// Boxed: most rows never run out, and an estate has a hundred thousand rows.
    pub exhaustion: Option<Box<ExhaustionRow>>,
    /// The resource an imported subnet came from (a Terraform address such as
    /// `azurerm_subnet.pods[0]`), since Azure names repeat across resource groups; absent
    /// for cniplan plans.
    pub source: Option<String>,
}

impl Serialize for SubnetRow {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Cidrs<'r>(&'r SubnetRow);
        impl Serialize for Cidrs<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(std::iter::once(&self.0.cidr).chain(&self.0.more_cidrs))
            }
        }
        let mut row = serializer.serialize_struct("SubnetRow", 14)?;
        row.serialize_field("vnet", &self.vnet)?;
        row.serialize_field("name", &self.name)?;
        row.serialize_field("cidr", &self.cidr)?;
        row.serialize_field("family", &self.family)?;
        row.serialize_field("cidrs", &Cidrs(self))?;
        row.serialize_field("role", &self.role)?;
        row.serialize_field("usable", &self.usable)?;
        row.serialize_field("baseline_demand", &self.baseline_demand)?;
        row.serialize_field("peak_demand", &self.peak_demand)?;
        row.serialize_field("utilization", &self.utilization)?;
        row.serialize_field("pools", &self.pools)?;
        row.serialize_field("exhaustion", &self.exhaustion)?;
        if let Some(source) = &self.source {
            row.serialize_field("source", source)?;
        }
        row.end()
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PoolRow {
    pub cluster: String,
    pub pool: String,
    /// The pool's network mode (docs/json-output.md): dynamic, static-block, traditional,
    /// overlay, kubenet, none.
    pub mode: crate::mode::Mode,
    pub ips_per_node: u64,
    /// Nodes at full scale plus this pool's upgrade surge.
    pub peak_nodes: u64,
    /// The most nodes of this pool the subnet could hold alone.
    pub max_nodes: u64,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ExhaustionRow {
    pub phase: crate::capacity::Phase,
    pub step: u64,
    pub cluster: String,
    pub pool: String,
    pub nodes: u64,
    pub pods: u64,
    pub demand: u64,
    pub stranded_ips: u64,
}

impl SubnetRow {
    /// The block one node takes of a pod CIDR row: a /24, or a /80 of an IPv6 one.
    pub fn node_block(&self) -> &'static str {
        if self.family == Family::Ipv6 {
            "/80"
        } else {
            "/24"
        }
    }

    /// How a person names the row: `vnet/subnet`, or `cluster/pod_cidr`.
    pub fn label(&self) -> String {
        match &self.vnet {
            Some(vnet) => format!("{vnet}/{}", self.name),
            None => self.name.clone(),
        }
    }
}

pub fn rows(topology: &Topology, capacity: &[RangeCapacity]) -> Vec<SubnetRow> {
    capacity.par_iter().map(|c| row(topology, c)).collect()
}

fn row(topology: &Topology, c: &RangeCapacity) -> SubnetRow {
    // A cluster's own use (its API server, its hosted system nodes) is named for what it is
    // in the `pool` entry: `(api server)`, `(hosted system pool)`.
    let names = |cluster: usize, pool: Option<usize>, role: Role| {
        (
            topology.clusters[cluster].name.value.clone(),
            super::owner_name(topology, cluster, pool, role),
        )
    };
    let pools = c
        .uses
        .iter()
        .map(|u| {
            let (cluster, pool) = names(u.cluster, u.pool, u.role);
            PoolRow {
                cluster,
                pool,
                mode: u.mode,
                ips_per_node: u.ips_per_node,
                peak_nodes: u.full_scale_nodes.saturating_add(u.surge_nodes),
                max_nodes: c.most_nodes_alone(u),
            }
        })
        .collect();
    let exhaustion = c.exhaustion.as_deref().map(|e: &Exhaustion| {
        let (cluster, pool) = names(e.cluster, e.pool, c.role);
        Box::new(ExhaustionRow {
            phase: e.phase,
            step: e.step,
            cluster,
            pool,
            nodes: e.nodes,
            pods: e.pods,
            demand: e.demand,
            stranded_ips: e.stranded_ips,
        })
    });
    let (vnet, name, origin) = match c.range {
        // A dual-stack subnet's rows, one per family, share its VNet, name and source.
        Range::Subnet(s) | Range::SubnetV6(s) => {
            let subnet = &topology.subnets[s];
            (
                Some(topology.vnets[subnet.vnet].name.value.clone()),
                subnet.name.value.clone(),
                subnet.origin.as_deref(),
            )
        }
        // docs/json-output.md: a pod CIDR's row is named `<cluster>/pod_cidr` and counts /24
        // node slots.
        Range::PodCidr(k) => {
            let cluster = &topology.clusters[k];
            (
                None,
                format!("{}/pod_cidr", cluster.name.value),
                cluster.origin.as_ref(),
            )
        }
        // A dual-stack cluster's IPv6 pod CIDR is a row of its own, counted in /80 blocks.
        Range::PodCidrV6(k) => {
            let cluster = &topology.clusters[k];
            (
                None,
                format!("{}/pod_cidr_v6", cluster.name.value),
                cluster.origin.as_ref(),
            )
        }
    };
    SubnetRow {
        vnet,
        name,
        cidr: c.cidr_text(topology).unwrap_or_default(),
        family: c.range.family(),
        more_cidrs: match c.range {
            Range::Subnet(s) => topology.subnets[s]
                .more_cidrs
                .iter()
                .map(|c| c.net().to_string())
                .collect(),
            Range::SubnetV6(s) => topology.subnets[s]
                .cidrs_v6
                .iter()
                .skip(1)
                .map(|c| c.net().to_string())
                .collect(),
            Range::PodCidr(_) | Range::PodCidrV6(_) => Vec::new(),
        },
        role: c.role,
        usable: c.usable,
        baseline_demand: c.baseline_demand,
        peak_demand: c.peak_demand,
        utilization: c.utilization().map(|u| (u * 10_000.0).round() / 10_000.0),
        pools,
        exhaustion,
        source: origin.map(|o| o.resource.clone()),
    }
}
