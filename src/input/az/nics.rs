//! A subnet's `ipConfigurations` are everything holding an IP in it today: private
//! endpoints, load balancer frontends, and the NICs of AKS nodes. The simulation counts
//! nodes itself, so the node NICs of clusters in the same export are left out of
//! `reserved_ips`: they are the NICs of the scale sets AKS names `aks-<pool>-<hash>-vmss` in
//! the cluster's node resource group (`MC_<group>_<cluster>_<location>` unless set).

use crate::diagnostic::Spanned;
use crate::input::arm::estate::{id_key, segment_after, Kind, ReservedIps, Resource};
use crate::input::arm::fields::field;
use crate::input::arm::value::Val;
use std::collections::{HashMap, HashSet};

/// Node resource groups (lower case) and the node pools whose scale sets live there.
#[derive(Debug, Default)]
pub struct NodeNics {
    pools: HashMap<String, HashSet<String>>,
}

impl NodeNics {
    pub fn new(resources: &[Resource<'_>]) -> Self {
        let mut groups: HashMap<String, String> = HashMap::new();
        let mut nics = NodeNics::default();
        for r in resources.iter().filter(|r| r.kind == Kind::Cluster) {
            let group = node_resource_group(r);
            groups.insert(id_key(&r.id), group.clone());
            let names = field(&r.body, "agentPoolProfiles")
                .and_then(|p| p.items())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| {
                    p.get("name")
                        .and_then(|n| n.as_str().map(str::to_ascii_lowercase))
                });
            nics.pools.entry(group).or_default().extend(names);
        }
        for r in resources.iter().filter(|r| r.kind == Kind::Pool) {
            let cluster = r.parent.as_deref().map(id_key).unwrap_or_default();
            if let Some(group) = groups.get(&cluster) {
                nics.pools
                    .entry(group.clone())
                    .or_default()
                    .insert(r.name.value.to_ascii_lowercase());
            }
        }
        nics
    }

    /// Whether an ipConfiguration ID belongs to a node of a cluster in the export.
    fn is_node(&self, id: &str) -> bool {
        let (Some(group), Some(vmss)) = (
            segment_after(id, "resourceGroups"),
            segment_after(id, "virtualMachineScaleSets"),
        ) else {
            return false;
        };
        let vmss = vmss.to_ascii_lowercase();
        self.pools.get(&group.to_ascii_lowercase()).is_some_and(|pools| {
            // Linux pools: `aks-<pool>-<hash>-vmss`; Windows pools: `aks<pool>`.
            pools
                .iter()
                .any(|p| vmss.starts_with(&format!("aks-{p}-")) || vmss == format!("aks{p}"))
        })
    }
}

impl ReservedIps for NodeNics {
    fn reserved(&self, subnet: &Val<'_>) -> Option<Spanned<u32>> {
        let list = field(subnet, "ipConfigurations")?;
        let items = list.items()?;
        let taken = items
            .iter()
            .filter(|c| {
                !c.get("id")
                    .and_then(|id| id.as_str().map(|s| self.is_node(s)))
                    .unwrap_or(false)
            })
            .count();
        Some(Spanned::new(u32::try_from(taken).unwrap_or(u32::MAX), list.span))
    }
}

/// `nodeResourceGroup` as exported, else the name AKS gives it.
fn node_resource_group(cluster: &Resource<'_>) -> String {
    if let Some(group) =
        field(&cluster.body, "nodeResourceGroup").and_then(|g| g.as_str().map(str::to_string))
    {
        return group.to_ascii_lowercase();
    }
    let location = field(&cluster.body, "location")
        .and_then(|l| l.as_str().map(str::to_string))
        .unwrap_or_default();
    let group = cluster.resource_group.clone().unwrap_or_default();
    format!("mc_{group}_{}_{location}", cluster.name.value).to_ascii_lowercase()
}
