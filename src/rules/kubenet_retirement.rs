//! kubenet-retirement: AKS stops supporting kubenet on 31 March 2028 (AKS docs
//! includes/kubenet-retirement.md; Azure/AKS#4859). A kubenet cluster can move to Azure CNI
//! Overlay in place, one way, every pool reimaged (AKS docs update-azure-cni.md).

use crate::diagnostic::{Finding, Rule};
use crate::limits::{KUBENET_RETIREMENT, OVERLAY_MIGRATION_MIN_KUBERNETES};
use crate::plan::model::NetworkPlugin;
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    if cluster.network_plugin.value == NetworkPlugin::Kubenet {
        let (major, minor) = OVERLAY_MIGRATION_MIN_KUBERNETES;
        out.push(
            Finding::new(
                Rule::KubenetRetirement,
                cluster.network_plugin.span,
                format!(
                    "cluster `{}` uses kubenet, which AKS stops supporting on {KUBENET_RETIREMENT}",
                    cluster.name.value
                ),
            )
            .help(format!(
                "migrate to Azure CNI Overlay in place (`az aks update --network-plugin azure \
                 --network-plugin-mode overlay`, AKS docs update-azure-cni.md), then set \
                 `network_plugin: azure` and `network_plugin_mode: overlay` here; the migration is \
                 one way, reimages every pool at once, and needs Kubernetes {major}.{minor} or later, no \
                 network policy and a user-assigned managed identity",
            )),
        );
    }
}
