//! The words of the `assumed-value` notes (rules/assumed-value.md) that the readers of
//! imported input give when a value is left to AKS, one function per default, so that each
//! is noted the same way from Terraform, ARM, Bicep and az input. Each reader passes the
//! key as its format writes it; the value itself is filled by the resolver
//! (`topology::resolve`) from `limits`, the same for every input.

use crate::limits;
use crate::mode::Mode;

/// A pool's max pods: `why` says how it is left to Azure ("max_pods is not set (Azure
/// computes it)"); the default is the pool's mode's.
pub fn max_pods(why: &str, mode: Mode) -> String {
    format!(
        "{why}: assumed {}, AKS's default for {}",
        mode.default_max_pods().0,
        mode.title()
    )
}

/// A pool's upgrade surge, `how` unset ("is not set", "is empty").
pub fn max_surge(key: &str, how: &str) -> String {
    format!(
        "{key} {how}: assumed AKS's default of {}",
        limits::DEFAULT_MAX_SURGE_WORDS
    )
}

/// A cluster's service CIDR, and with it its DNS service IP.
pub fn service_cidr(key: &str) -> String {
    let cidr = limits::DEFAULT_SERVICE_CIDR;
    let dns = std::net::Ipv4Addr::from(u32::from(cidr.network()) + 10);
    format!("{key} is not set (AKS computes it): assumed AKS's default {cidr}, with the DNS service at {dns}")
}

/// A cluster's DNS service IP, its service CIDR being written (`service_key`).
pub fn dns_service_ip(key: &str, service_key: &str) -> String {
    format!("{key} is not set (AKS computes it): assumed the 10th address of {service_key}")
}

/// An overlay or kubenet cluster's pod CIDR.
pub fn pod_cidr(key: &str) -> String {
    format!(
        "{key} is not set: assumed AKS's default {}",
        limits::DEFAULT_POD_CIDR
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_carry_the_limits_defaults() {
        assert_eq!(
            service_cidr("service_cidr"),
            "service_cidr is not set (AKS computes it): assumed AKS's default 10.0.0.0/16, with the DNS service at 10.0.0.10"
        );
        assert_eq!(
            pod_cidr("networkProfile.podCidr"),
            "networkProfile.podCidr is not set: assumed AKS's default 10.244.0.0/16"
        );
        assert_eq!(
            max_pods("maxPods is not set (Azure computes it)", Mode::Kubenet),
            "maxPods is not set (Azure computes it): assumed 110, AKS's default for kubenet"
        );
        assert_eq!(
            max_surge("upgradeSettings.maxSurge", "is empty"),
            "upgradeSettings.maxSurge is empty: assumed AKS's default of 10% of the pool's nodes, rounded up (1 node for pools of up to 10)"
        );
    }
}
