//! unsupported-os: a node pool whose OS its cluster's network mode does not support.
//! - pod subnet (dynamic, static block): "Windows 2019 nodes are not supported in Azure CNI
//!   Pod Subnet" (AKS docs concepts-network-azure-cni-pod-subnet.md, Static block allocation
//!   mode › Limitations). Other Windows pools are supported since January 2023 (AKS changelog
//!   2023-01-08), though the feature article once said Linux only.
//! - overlay: Linux, Windows Server 2022 and 2025 (AKS docs
//!   concepts-network-azure-cni-overlay.md, Differences between kubenet and Azure CNI Overlay).
//! - kubenet: no Windows node pools (AKS docs configure-kubenet.md, Limitations &
//!   considerations for kubenet).

use crate::diagnostic::{Finding, Rule, Severity};
use crate::mode::Mode;
use crate::plan::model::OsType;
use crate::topology::{Cluster, Pool, Topology};

const WINDOWS_2019: &str = "Windows2019";

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    for pool in cluster
        .pools
        .iter()
        .filter(|p| p.os_type.value == OsType::Windows)
    {
        out.extend(finding(cluster, pool));
    }
}

fn finding(cluster: &Cluster, pool: &Pool) -> Option<Finding> {
    let names = format!("pool `{}` of cluster `{}`", pool.name.value, cluster.name.value);
    let windows_2019 = pool
        .os_sku
        .as_ref()
        .filter(|sku| sku.value.trim().eq_ignore_ascii_case(WINDOWS_2019));
    match (pool.mode, windows_2019) {
        (Mode::Kubenet, _) => Some(
            Finding::new(
                Rule::UnsupportedOs,
                pool.os_type.span,
                format!("Windows {names} uses kubenet, which does not support Windows node pools"),
            )
            .help(
                "migrate the cluster to Azure CNI Overlay (`network_plugin: azure`, \
                 `network_plugin_mode: overlay`), which runs Windows Server 2022 and 2025 pools",
            ),
        ),
        (Mode::Dynamic | Mode::StaticBlock | Mode::Overlay, Some(sku)) => Some(
            Finding::new(
                Rule::UnsupportedOs,
                sku.span,
                format!(
                    "Windows Server 2019 {names} uses {}, which does not support Windows Server 2019 nodes",
                    pool.mode.title()
                ),
            )
            .help("set `os_sku: Windows2022` (or Windows2025) and move the workload to that pool"),
        ),
        // The SKU is AKS's default when unset, which depends on the Kubernetes version
        // (Windows Server 2019 before 1.25): say what holds rather than guess.
        (Mode::Dynamic | Mode::StaticBlock, None) if pool.os_sku.is_none() => Some(
            Finding::new(
                Rule::UnsupportedOs,
                pool.os_type.span,
                format!(
                    "Windows {names} uses {}: AKS supports Windows pools on a pod subnet since 2023, \
                     but not Windows Server 2019 nodes",
                    pool.mode.title()
                ),
            )
            .severity(Severity::Note)
            .help("set `os_sku: Windows2022` (or Windows2025) to say which Windows this pool runs"),
        ),
        _ => None,
    }
}
