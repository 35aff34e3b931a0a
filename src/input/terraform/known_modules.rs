//! Registry modules known to declare no VNet, subnet, cluster or node pool, so that a module
//! call cniplan does not read is named in a note only when it could hide one.
//!
//! Azure Verified Modules are named after what they deploy (AVM's module naming
//! specification, `avm-res-<resource provider>-<resource type>`): a resource module declares
//! that resource and its children, plus the shared interfaces (role assignments, locks,
//! diagnostic settings, private endpoints, which use a subnet but declare none). Utility
//! modules (`avm-utl-…`) and `Azure/naming`, `Azure/regions` declare no Azure resource at all.
//! Pattern modules (`avm-ptn-…`) compose anything and stay noted, as does every other source.

/// AVM resource types whose modules declare what cniplan checks: VNets (with subnets and
/// peerings as children or submodules) and managed clusters (with agent pools).
const NETWORK_RESOURCE_MODULES: [&str; 2] = ["network-virtualnetwork", "containerservice-managedcluster"];

/// Whether a module `source` is a registry module known to declare no VNet, subnet, cluster
/// or node pool.
pub fn declares_nothing_checked(source: &str) -> bool {
    // `registry.terraform.io/Azure/x/azurerm//modules/y`, `Azure/x/azurerm`, any case.
    let source = source.trim().to_ascii_lowercase();
    let source = source
        .strip_prefix("registry.terraform.io/")
        .or_else(|| source.strip_prefix("registry.opentofu.org/"))
        .unwrap_or(&source);
    let address = source.split("//").next().unwrap_or(source);
    let mut parts = address.split('/');
    let (Some("azure"), Some(name), Some("azurerm" | "azapi" | "azure"), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    if matches!(name, "naming" | "regions") || name.starts_with("avm-utl-") {
        return true;
    }
    match name.strip_prefix("avm-res-") {
        Some(kind) => !NETWORK_RESOURCE_MODULES.contains(&kind),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::declares_nothing_checked;

    #[test]
    fn avm_resource_modules_of_other_types_and_utilities_declare_nothing_checked() {
        for source in [
            "Azure/naming/azurerm",
            "Azure/avm-res-keyvault-vault/azurerm",
            "Azure/avm-res-network-privatednszone/azurerm",
            "Azure/avm-res-network-networksecuritygroup/azurerm",
            "Azure/avm-res-network-routetable/azurerm",
            "Azure/avm-res-network-firewallpolicy/azurerm//modules/rule_collection_groups",
            "registry.terraform.io/Azure/avm-res-operationalinsights-workspace/azurerm",
            "Azure/avm-utl-network-ip-addresses/azurerm",
            "Azure/avm-utl-interfaces/azure",
        ] {
            assert!(declares_nothing_checked(source), "{source}");
        }
    }

    #[test]
    fn network_and_cluster_modules_patterns_and_the_rest_are_noted() {
        for source in [
            "Azure/avm-res-network-virtualnetwork/azurerm",
            "Azure/avm-res-network-virtualnetwork/azurerm//modules/subnet",
            "Azure/avm-res-containerservice-managedcluster/azurerm",
            "Azure/avm-ptn-aks-production/azurerm",
            "Azure/aks/azurerm",
            "Azure/network/azurerm",
            "git::https://github.com/Azure/naming.git",
            "app.terraform.io/corp/avm-res-keyvault-vault/azurerm",
            "./modules/naming",
        ] {
            assert!(!declares_nothing_checked(source), "{source}");
        }
    }
}
