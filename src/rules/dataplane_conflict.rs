//! dataplane-conflict: Azure CNI Powered by Cilium runs on Linux only and with Azure CNI only
//! (AKS docs azure-cni-powered-by-cilium.md, Limitations; update-azure-cni.md: "Kubenet
//! clusters can't migrate directly to the Cilium data plane"), and Cilium network policy
//! needs the Cilium dataplane (AKS API NetworkPolicy "cilium": "This requires
//! networkDataplane to be 'cilium'"). Cilium with the node subnet (traditional) mode is
//! supported, and not reported.

use crate::diagnostic::{Finding, Rule};
use crate::plan::model::{NetworkDataplane, NetworkPlugin, NetworkPolicy, OsType};
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    {
        let cilium = cluster.network_dataplane.value == NetworkDataplane::Cilium;
        let kubenet = cluster.network_plugin.value == NetworkPlugin::Kubenet;
        if cilium {
            windows_pools(cluster, out);
        }
        if cilium && kubenet {
            out.push(
                Finding::new(
                    Rule::DataplaneConflict,
                    cluster.network_dataplane.span,
                    format!(
                        "cluster `{}` asks for the Cilium dataplane with kubenet; Azure CNI Powered by \
                         Cilium runs on Azure CNI (overlay, pod subnet or node subnet) only",
                        cluster.name.value
                    ),
                )
                .help(
                    "migrate to Azure CNI Overlay first (`network_plugin: azure`, \
                     `network_plugin_mode: overlay`), then set `network_dataplane: cilium` in a \
                     separate update",
                )
                .related(cluster.network_plugin.span, "kubenet is chosen here"),
            );
        }
        if cluster.network_policy.value == NetworkPolicy::Cilium && !cilium {
            let help = if kubenet {
                "Cilium needs Azure CNI: migrate to Azure CNI Overlay, then set \
                 `network_dataplane: cilium`"
            } else {
                "set `network_dataplane: cilium` as well, or choose another `network_policy`"
            };
            out.push(
                Finding::new(
                    Rule::DataplaneConflict,
                    cluster.network_policy.span,
                    format!(
                        "cluster `{}` sets `network_policy: cilium` without `network_dataplane: \
                         cilium`; AKS enforces Cilium network policy only in the Cilium dataplane",
                        cluster.name.value
                    ),
                )
                .help(help),
            );
        }
    }
}

fn windows_pools(cluster: &Cluster, out: &mut Vec<Finding>) {
    for pool in cluster
        .pools
        .iter()
        .filter(|p| p.os_type.value == OsType::Windows)
    {
        out.push(
            Finding::new(
                Rule::DataplaneConflict,
                pool.os_type.span,
                format!(
                    "Windows pool `{}` of cluster `{}` cannot run in the Cilium dataplane, which is \
                     available for Linux only",
                    pool.name.value, cluster.name.value
                ),
            )
            .help("run Windows workloads in a cluster with `network_dataplane: azure`, or move them to Linux")
            .related(
                cluster.network_dataplane.span,
                "the Cilium dataplane is chosen here",
            ),
        );
    }
}
