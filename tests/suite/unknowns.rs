//! Values a configuration leaves to apply time or to AKS (a variable without a value, a data
//! source cniplan cannot read, a name built from a random suffix) are unknown, not wrong: the
//! rules that need them stay silent, and what can be known is still read. Each directory of
//! tests/unknowns/ is a minimal reproduction of a false error or a missed one found on a
//! public repository (claranet/terraform-azurerm-aks-light, Azure-Samples/aks-multi-cluster-
//! service-mesh, martinopedal/terraform-azapi-aks-automatic).

use crate::common::{cniplan, json};
use serde_json::Value;

fn check(dir: &str) -> (Option<i32>, Value) {
    let path = format!("{}/tests/unknowns/{dir}", env!("CARGO_MANIFEST_DIR"));
    let out = cniplan(&["check", "--format", "json", &path]);
    (out.status.code(), json(&out))
}

fn diagnostics(v: &Value) -> Vec<(String, String)> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn rows(v: &Value) -> Vec<(String, String, u64, u64)> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap())
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["role"].as_str().unwrap().to_string(),
                r["usable"].as_u64().unwrap(),
                r["peak_demand"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_null_that_format_must_print_fails_it_so_try_gives_null_not_a_pod_subnet() {
    // try(format("%s/subnets/%s", data.azurerm_subscription.current.id, var.pods_subnet.name), null)
    // with the name unset: Terraform reads the data source at plan time, format fails on the
    // null, and try gives null. Before: unknown, and a false mixed-cni error.
    let (code, v) = check("try-format-null");
    assert_eq!(code, Some(0));
    let found = diagnostics(&v);
    assert!(!found.iter().any(|(rule, _)| rule == "mixed-cni"), "{found:#?}");
    assert!(
        !found.iter().any(|(_, m)| m.contains("pod_subnet_id")),
        "{found:#?}"
    );
}

#[test]
fn a_pod_subnet_known_only_after_apply_is_no_mixed_cni_error() {
    let (code, v) = check("unknown-pod-subnet");
    assert_eq!(code, Some(0));
    let found = diagnostics(&v);
    assert!(!found.iter().any(|(rule, _)| rule == "mixed-cni"), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|(rule, m)| rule == "unresolved-input"
                && m.contains("pod_subnet_id is known only after apply")),
        "{found:#?}"
    );
}

#[test]
fn a_service_cidr_from_a_variable_without_a_value_is_unknown_not_aks_default() {
    // `service_cidr = var.service_cidr`, a required variable: Terraform asks for it. Before:
    // AKS's default 10.0.0.0/16 was assumed and overlapped the VNet, a false error.
    let (code, v) = check("required-service-cidr");
    assert_eq!(code, Some(0));
    let found = diagnostics(&v);
    assert!(
        !found.iter().any(|(rule, _)| rule == "service-cidr-overlap"),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(rule, m)| rule == "unresolved-input"
                && m.contains("service_cidr is known only after apply")),
        "{found:#?}"
    );
    assert!(
        !found
            .iter()
            .any(|(_, m)| m.contains("assumed AKS's default 10.0.0.0/16")),
        "{found:#?}"
    );
}

#[test]
fn a_data_subnet_naming_a_managed_vnet_by_reference_is_that_subnet() {
    // VNet `vnet-${random_string.r.result}`; `data "azurerm_subnet"` names it through
    // `azurerm_virtual_network.v.name`. The pool's 3 nodes × (100 pods + 1) = 303 IPs in a
    // /24 of 251: a true error, missed before because the pool was not linked.
    let (code, v) = check("data-subnet-unknown-vnet");
    assert_eq!(code, Some(1));
    assert_eq!(
        rows(&v),
        [("System".to_string(), "node+pod".to_string(), 251, 404)]
    );
    let found = diagnostics(&v);
    assert!(
        found
            .iter()
            .any(|(rule, m)| rule == "node-subnet-exhausted" && m.contains("303 IPs")),
        "{found:#?}"
    );
}

#[test]
fn an_azapi_clusters_api_server_subnet_is_followed() {
    // apiServerAccessProfile.subnetId = azapi_resource.apiserver.id: the /28 (11 usable)
    // holds the API server's 9 IPs. Before: an `unused` row.
    let (code, v) = check("azapi-api-server");
    assert_eq!(code, Some(0));
    let rows = rows(&v);
    assert!(
        rows.contains(&("apiserver".to_string(), "api-server".to_string(), 11, 9)),
        "{rows:#?}"
    );
}

#[test]
fn an_empty_max_surge_is_akss_default_and_says_so() {
    // `upgradeSettings: { maxSurge: '' }`, as CARML writes it for every agent pool: AKS's
    // default, 10 % of 5 nodes rounded up = 1 surge node; before, assumed without a word.
    let path = format!(
        "{}/tests/unknowns/arm-empty-max-surge/main.bicep",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = cniplan(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let d = &v["files"][0]["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{d:#}");
    assert_eq!(d[0]["rule"], "assumed-value");
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(24), Some(38))
    );
    assert!(d[0]["message"]
        .as_str()
        .unwrap()
        .contains("upgradeSettings.maxSurge is empty: assumed AKS's default of 10%"));
    // 5 nodes + 1 surge node, one IP each plus 30 pods' IPs each (traditional): 6 × 31.
    assert_eq!(v["files"][0]["subnets"][0]["peak_demand"], 186);
}

#[test]
fn an_existing_resource_scoped_to_a_declared_resource_group_lives_in_that_group() {
    // `scope: netRg`, where netRg is `existing` resourceGroups named split(vnetId, '/')[4]:
    // the VNet is in rg-net (mspnp/aks-baseline-regulated's cluster stamp), not in the
    // deployment's own resource group, so a later estate can link it by ID.
    let path = format!(
        "{}/tests/unknowns/bicep-existing-scope/main.bicep",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = cniplan(&["check", "--format", "json", &path]);
    let v = json(&out);
    let found = diagnostics(&v);
    assert!(
        found.iter().any(|(rule, m)| rule == "unresolved-input"
            && m.contains("its VNet `spoke` in resource group `rg-net` is not in this template")),
        "{found:#?}"
    );
}

#[test]
fn a_data_subnet_of_an_existing_subnet_is_named_as_such() {
    // Not "sets no address prefix (an IP address pool?)": a data source reads a subnet that
    // exists in Azure, whose prefixes the configuration does not hold.
    let (code, v) = check("data-subnet-existing");
    assert_eq!(code, Some(0));
    let found = diagnostics(&v);
    assert_eq!(
        found,
        [(
            "unresolved-input".to_string(),
            "data.azurerm_subnet.nodes: it reads an existing subnet whose address prefixes are in Azure, \
             not in this configuration, so the subnet is not checked and pools in it are not linked; \
             the checks that need it stay silent for this resource"
                .to_string()
        )]
    );
}

#[test]
fn a_walk_checks_a_called_bicep_module_with_its_own_parameters_file() {
    // main.bicep calls spoke.bicep; spoke.parameters.json puts its subnet outside its VNet.
    // A pipeline that deploys spoke.bicep with that file fails; before, the walk skipped the
    // module (a module only through its caller) and said nothing.
    let (code, v) = check("bicep-module-with-params");
    assert_eq!(code, Some(1));
    let errors: Vec<(String, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["severity"] == "error")
                .map(|d| {
                    (
                        f["path"]
                            .as_str()
                            .unwrap()
                            .rsplit('/')
                            .next()
                            .unwrap()
                            .to_string(),
                        d["rule"].as_str().unwrap().to_string(),
                    )
                })
        })
        .collect();
    assert_eq!(
        errors,
        [(
            "spoke.parameters.json".to_string(),
            "subnet-outside-vnet".to_string()
        )]
    );
}

/// Issue 18, item 7 (wording): Enterprise-Scale's hub-to-hub peerings
/// (tests/real/arm/eslz-connectivity/vnetPeeringHub.json) are children of hub VNets named by
/// parameters without values. The note calls each peering by the expression that names it
/// (no stand-in such as `'…'#2` or `<unknown>`), says it is the VNet the peering belongs to
/// that cannot be found, and what to do.
#[test]
fn a_peering_on_a_vnet_named_by_a_parameter_says_which_vnet_and_what_to_do() {
    let path = format!(
        "{}/tests/real/arm/eslz-connectivity/vnetPeeringHub.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = cniplan(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let said: Vec<(u64, String, String)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["line"] == 63)
        .map(|d| {
            assert!(d["resource"].is_null(), "no stand-in ID is shown: {d}");
            let text = |k: &str| d[k].as_str().unwrap().to_string();
            (d["column"].as_u64().unwrap(), text("rule"), text("message"))
        })
        .collect();
    let label = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings named `[concat(variables('hubName'), '/peerTo', variables('hubNameS…`";
    assert_eq!(
        said,
        [
            (25, "assumed-value".to_string(), format!("{label}: its name is unknown offline (it depends on parameter `hubResourceId`, which has no default and no value (give one with --parameters)), so it is called by the expression that computes it")),
            (25, "unresolved-input".to_string(), format!("{label}: the name of the VNet it belongs to is known only when deployed, so cniplan cannot find that VNet: the peering is not checked (neither overlaps between its two VNets nor its remote VNet); to check it, list this template and the one that declares the VNet as `deployments:` of `.cniplan.yaml`, which reads them as one estate (docs/configuration.md)")),
        ]
    );
}
