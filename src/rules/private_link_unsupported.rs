//! private-link-unsupported: exposing an application as a Private Link Service through a
//! Kubernetes LoadBalancer Service is not supported with static block allocation (AKS docs
//! configure-azure-cni-static-block-allocation.md, Prerequisites). The feature article
//! said the same of dynamic allocation; the current docs dropped that note in July 2024, so
//! for a dynamic cluster it is a note.

use crate::diagnostic::{Finding, Rule, Severity};
use crate::mode::Mode;
use crate::topology::{Cluster, Topology};

pub fn check(_: &Topology, cluster: &Cluster, out: &mut Vec<Finding>) {
    if cluster.private_link_service.value {
        let modes = || cluster.pools.iter().map(|p| p.mode);
        let (mode, severity) = if modes().any(|m| m == Mode::StaticBlock) {
            (Mode::StaticBlock, Severity::Error)
        } else if modes().any(|m| m == Mode::Dynamic) {
            (Mode::Dynamic, Severity::Note)
        } else {
            return;
        };
        let finding = Finding::new(
            Rule::PrivateLinkUnsupported,
            cluster.private_link_service.span,
            format!(
                "cluster `{}` uses {}, which {} a Private Link Service through a LoadBalancer Service",
                cluster.name.value,
                mode.title(),
                match mode {
                    Mode::StaticBlock => "does not support",
                    _ => "the feature article said does not support (the current AKS docs no longer list it)",
                }
            ),
        )
        .severity(severity)
        .help("expose the application another way (an internal load balancer, or Private Link on a separate cluster)");
        out.push(finding);
    }
}
