//! az CLI exports: the fuzz input becomes a value placed where the az reader looks (a VNet's
//! name and prefixes, a subnet's prefix and ipConfigurations, a cluster's network profile, a
//! pool's counts and subnet IDs, in az's camelCase and the REST API's `properties` shape),
//! and, when it starts with `[`, a whole export file of its own beside a valid one. Every
//! input goes through `check::run` as one az estate and every renderer; the JSON output must
//! stay valid JSON.
#![no_main]

use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use cniplan_fuzz::check_and_render;
use libfuzzer_sys::fuzz_target;

const VNET: &str = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut sources = vec![SourceFile::new("clusters.json", clusters("\"x\""))];
    if text.starts_with('[') || text.starts_with('{') {
        // A raw export: mostly syntax errors, sometimes whole lists.
        sources.push(SourceFile::new("fuzz.json", text));
    } else {
        // JSON-escaped, so the fuzzer's text is one string value whatever it holds.
        let e = serde_json::to_string(&text).unwrap_or_else(|_| "\"\"".to_string());
        sources.push(SourceFile::new("vnets.json", vnets(&e)));
        sources.push(SourceFile::new("more.json", clusters(&e)));
    }
    exercise(sources);
});

fn vnets(e: &str) -> String {
    format!(
        r#"[
  {{"id": "{VNET}", "name": {e}, "resourceGroup": "rg",
    "addressSpace": {{"addressPrefixes": [{e}, "10.0.0.0/16"]}},
    "subnets": [
      {{"id": "{VNET}/subnets/nodes", "name": "nodes", "addressPrefix": {e},
        "ipConfigurations": [{{"id": {e}}}, {{"id": "/x"}}]}},
      {{"id": "{VNET}/subnets/pods", "name": "pods", "addressPrefixes": ["10.0.8.0/22"],
        "delegations": [{{"serviceName": {e}}}]}}
    ]}},
  {{"id": {e}, "name": "w", "properties": {{"addressSpace": {{"addressPrefixes": [{e}]}},
    "subnets": [{{"name": "s", "properties": {{"addressPrefix": {e}}}}}]}}}}
]"#
    )
}

fn clusters(e: &str) -> String {
    format!(
        r#"[
  {{"id": "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
    "name": "aks", "resourceGroup": "rg",
    "networkProfile": {{"networkPlugin": "azure", "networkPluginMode": {e}, "serviceCidr": {e},
      "dnsServiceIp": {e}, "podCidr": {e}}},
    "agentPoolProfiles": [{{"name": "p", "count": 3, "minCount": 1, "maxCount": {e},
      "enableAutoScaling": true, "maxPods": {e},
      "vnetSubnetId": "{VNET}/subnets/nodes", "podSubnetId": {e},
      "upgradeSettings": {{"maxSurge": {e}}}}}]}}
]"#
    )
}

fn exercise(sources: Vec<SourceFile>) {
    let what = sources
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n---\n");
    check_and_render(
        Input {
            sources,
            format: Format::Az,
        },
        &what,
    );
}
