use crate::check::{run, FileReport};
use crate::config::Settings;
use crate::input::{Format, Input};
use crate::source::SourceFile;

fn check(files: &[(&str, &str)]) -> FileReport {
    let sources = files.iter().map(|(p, t)| SourceFile::new(*p, *t)).collect();
    run(
        Input {
            sources,
            format: Format::Auto,
        },
        &Settings::default(),
    )
    .report
}

/// `rule line:column` of every finding, in the file it is in.
fn found(report: &FileReport) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            let span = f.span.unwrap_or_default();
            let source = report.source_of(span.file);
            let p = source.position(span.start);
            format!("{} {}:{}:{}", f.rule.name(), source.path, p.line, p.column)
        })
        .collect()
}

const VNET: &str = r#"param prefix string = '10.1'
param nodeCount int = 3

var vnetName = 'vnet-${prefix}'

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: vnetName
  location: resourceGroup().location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '${prefix}.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'nodes'
        properties: {
          addressPrefix: '${prefix}.0.0/29'
        }
      }
    ]
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks'
  location: resourceGroup().location
  properties: {
    dnsPrefix: 'aks'
    networkProfile: {
      networkPlugin: 'azure'
    }
    agentPoolProfiles: [
      {
        name: 'system'
        count: nodeCount
        vnetSubnetID: vnet.properties.subnets[0].id
      }
    ]
  }
}
"#;

#[test]
fn a_small_template_is_read_with_findings_on_bicep_lines() {
    let report = check(&[("main.bicep", VNET)]);
    // The /29 holds 3 usable IPs; the pool's subnet is known only after deployment
    // (`vnet.properties.subnets[0].id` is the deployed state), as in the compiled JSON.
    assert_eq!(report.subnets.len(), 1);
    assert_eq!(report.subnets[0].cidr, "10.1.0.0/29");
    assert_eq!(
        found(&report),
        [
            // The service CIDR left to AKS, at the network profile; the pool's surge.
            "assumed-value main.bicep:31:21",
            "assumed-value main.bicep:36:15",
            "unresolved-input main.bicep:38:23",
        ]
    );
}

const CLUSTER: &str = include_str!("../../../tests/imported/bicep/directives.bicep");

/// A directive in a `//` comment is honoured; the same text inside a string is a value.
#[test]
fn directives_come_from_comments_not_strings() {
    let report = check(&[("main.bicep", CLUSTER)]);
    assert_eq!(
        found(&report),
        [
            "node-subnet-exhausted main.bicep:15:22",
            "unused-suppression main.bicep:15:36",
            "service-cidr-overlap main.bicep:22:9",
            "assumed-value main.bicep:26:21",
            "assumed-value main.bicep:31:15",
        ]
    );
    let ignored = CLUSTER.replace("ignore[subnet-headroom]", "ignore[node-subnet-exhausted]");
    let report = check(&[("main.bicep", &ignored)]);
    assert!(!found(&report)
        .iter()
        .any(|f| f.starts_with("node-subnet-exhausted")));
    // In a string it is no directive.
    let in_string = CLUSTER.replace(
        "'// cniplan: ignore[subnet-too-small]'",
        "'// cniplan: ignore[service-cidr-overlap]'",
    );
    let report = check(&[("main.bicep", &in_string)]);
    assert!(found(&report)
        .iter()
        .any(|f| f.starts_with("service-cidr-overlap")));
}

/// Every construct real files use, in one template: a parameter loop of subnets with an
/// index, a filter, a user-defined function, a lambda, spread, `??`, `.?`, `!`, a ternary,
/// a child resource with `parent:`, a looped resource referenced by index, a module output.
#[test]
fn the_constructs_real_files_use_evaluate_as_arm_does() {
    let main = r#"
param prefix string = '10.20'
param subnets array = [
  { name: 'nodes', size: 22, enabled: true }
  { name: 'pods', size: 20, enabled: true }
  { name: 'off', size: 28, enabled: false }
]
func cidr(p string, n int) string => '${p}.${n * 16}.0/${n == 0 ? 22 : 20}'
var extra = { tags: { a: 'b' } }
var names = map(subnets, s => toUpper(s.name))
var base = {
  ...extra
  location: 'westeurope'
}

resource vnets 'Microsoft.Network/virtualNetworks@2024-01-01' = [for (v, i) in ['a', 'b']: {
  name: 'vnet-${v}'
  location: base.location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.${30 + i}.0.0/16'
      ]
    }
  }
}]

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'main'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '${prefix}.0.0/16'
      ]
    }
    subnets: [for (s, i) in filter(subnets, x => x.enabled): {
      name: s.name
      properties: {
        addressPrefix: cidr(prefix, i)
      }
    }]
  }
}

resource extraSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-01-01' = {
  parent: vnets[1]
  name: 'late-${length(names)}'
  properties: {
    addressPrefix: (base.?missing ?? '10.31.8.0/24')
  }
}

module m 'mod.bicep' = {
  name: 'mod'
  params: {
    id: vnets[0].id
  }
}

output fromModule string = m.outputs.same!
"#;
    let module = "param id string
output same string = id
";
    let report = check(&[("main.bicep", main), ("mod.bicep", module)]);
    let rows: Vec<String> = report
        .subnets
        .iter()
        .map(|r| format!("{} {}", r.label(), r.cidr))
        .collect();
    assert_eq!(
        rows,
        [
            "vnet-b/late-3 10.31.8.0/24",
            "main/nodes 10.20.0.0/22",
            "main/pods 10.20.16.0/20",
        ]
    );
    assert_eq!(found(&report), Vec::<String>::new());
}

/// `import` of variables and functions from a local file: inlined from that file, as
/// `bicep build` copies them in; types need nothing; a registry import used as a value is
/// unknown and noted where it is used.
#[test]
fn imports_from_local_files_are_read() {
    let shared = "@export()\nvar prefix = '10.40'\n@export()\nfunc subnet(n int) string => '${prefix}.${n}.0/24'\n@export()\ntype size = 'small' | 'large'\n";
    let main = r#"import { prefix, subnet, size } from 'shared.bicep'
import * as net from 'shared.bicep'
import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.7.0'
param lock lockType?
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'v'
  properties: {
    addressSpace: {
      addressPrefixes: [
        '${prefix}.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'a'
        properties: {
          addressPrefix: subnet(1)
        }
      }
      {
        name: 'b'
        properties: {
          addressPrefix: net.subnet(2)
        }
      }
      {
        name: 'c'
        properties: {
          addressPrefix: '${net.prefix}.3.0/24'
        }
      }
    ]
  }
}
"#;
    let report = check(&[("main.bicep", main), ("shared.bicep", shared)]);
    let rows: Vec<String> = report
        .subnets
        .iter()
        .map(|r| format!("{} {}", r.label(), r.cidr))
        .collect();
    assert_eq!(rows, ["v/a 10.40.1.0/24", "v/b 10.40.2.0/24", "v/c 10.40.3.0/24"]);
    assert_eq!(found(&report), Vec::<String>::new());
}

/// A `.bicepparam` file gives the template its values: literals as a parameters file does
/// (a placeholder stays unknown, a note), expressions and its own variables evaluated; a
/// finding about a value points into the `.bicepparam` file where it is written.
#[test]
fn bicepparam_values_reach_the_template() {
    let main = "param prefix string\nparam size int\nparam owner string\nresource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'v'\n  properties: {\n    addressSpace: {\n      addressPrefixes: [\n        '${prefix}.0.0/16'\n      ]\n    }\n    subnets: [\n      {\n        name: 'nodes'\n        properties: {\n          addressPrefix: '${prefix}.0.0/${size}'\n        }\n      }\n      {\n        name: owner\n        properties: {\n          addressPrefix: '${prefix}.1.0/24'\n        }\n      }\n    ]\n  }\n}\n";
    let params = "using 'main.bicep'\n\nvar base = '10.7'\nparam prefix = base\nparam size = 30\nparam owner = '<team name>'\n";
    let report = check(&[("prod.bicepparam", params), ("main.bicep", main)]);
    let rows: Vec<String> = report
        .subnets
        .iter()
        .map(|r| format!("{} {}", r.label(), r.cidr))
        .collect();
    // The subnet named by the placeholder still takes its /24, called by what names it.
    assert_eq!(
        rows,
        ["v/nodes 10.7.0.0/30", "v/'<team name>'#2 10.7.1.0/24"],
        "{:#?}",
        report.findings
    );
    assert_eq!(
        found(&report),
        [
            "assumed-value prod.bicepparam:6:15",
            "subnet-too-small main.bicep:16:26"
        ]
    );
    let undeclared = check(&[
        ("prod.bicepparam", "using 'main.bicep'\nparam prefx = '10.1'\n"),
        ("main.bicep", main),
    ]);
    assert!(
        found_in(&undeclared).contains(&"plan-schema prod.bicepparam:2:7".to_string()),
        "{:?}",
        found_in(&undeclared)
    );
}

fn found_in(report: &FileReport) -> Vec<String> {
    found(report)
}

/// An `existing` VNet in another resource group, and its child subnet: the cluster's pool
/// lands in the subnet a module deploys into that group, as resource IDs match in Azure.
#[test]
fn an_existing_parent_in_another_group_names_its_child() {
    let main = "module net 'net.bicep' = {\n  name: 'net'\n  scope: resourceGroup('rg-net')\n}\n\nresource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {\n  name: 'hub'\n  scope: resourceGroup('rg-net')\n  resource nodes 'subnets' existing = {\n    name: 'nodes'\n  }\n}\n\nresource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {\n  name: 'aks'\n  properties: {\n    networkProfile: {\n      networkPlugin: 'azure'\n      serviceCidr: '172.16.0.0/16'\n      dnsServiceIP: '172.16.0.10'\n    }\n    agentPoolProfiles: [\n      {\n        name: 'system'\n        count: 10\n        maxPods: 30\n        vnetSubnetID: vnet::nodes.id\n        upgradeSettings: {\n          maxSurge: '1'\n        }\n      }\n    ]\n  }\n}\n";
    let net = "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'hub'\n  properties: {\n    addressSpace: {\n      addressPrefixes: [\n        '10.0.0.0/16'\n      ]\n    }\n    subnets: [\n      {\n        name: 'nodes'\n        properties: {\n          addressPrefix: '10.0.0.0/26'\n        }\n      }\n    ]\n  }\n}\n";
    let report = check(&[("main.bicep", main), ("net.bicep", net)]);
    let row = &report.subnets[0];
    assert_eq!(
        (row.label().as_str(), row.pools.len()),
        ("hub/nodes", 1),
        "{:#?}",
        report.findings
    );
    assert_eq!(found(&report), ["node-subnet-exhausted net.bicep:13:26"]);
}

/// A module path whose case differs from its file's (`../05-AKS-Supporting/main.bicep` for
/// `05-AKS-supporting/main.bicep`, as Azure/AKS-Landing-Zone-Accelerator writes it) names
/// that file, for the walk as for the reading; an exact name is kept as written.
#[test]
fn a_module_path_in_another_case_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let step = dir.path().join("05-AKS-supporting");
    std::fs::create_dir_all(&step).unwrap();
    std::fs::write(step.join("main.bicep"), "param rgName string\n").unwrap();
    let from = dir.path().join("all").join("main.bicep");
    let from = from.to_string_lossy();
    assert_eq!(
        super::module_file(&from, "../05-AKS-Supporting/main.bicep", None),
        Some(step.join("main.bicep"))
    );
    assert_eq!(
        super::module_file(&from, "../05-AKS-supporting/main.bicep", None),
        Some(step.join("main.bicep"))
    );
    assert_eq!(
        super::module_file(&from, "../missing/main.bicep", None),
        Some(dir.path().join("missing").join("main.bicep"))
    );
}

const CACHED_VNET: &str = r#"{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"prefix": {"type": "string"}},
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-01-01",
      "name": "[format('vnet-{0}', parameters('prefix'))]",
      "properties": {
        "addressSpace": {"addressPrefixes": ["[format('{0}.0.0/16', parameters('prefix'))]"]},
        "subnets": [{"name": "a", "properties": {"addressPrefix": "[format('{0}.1.0/24', parameters('prefix'))]"}}]
      }
    }
  ]
}"#;

/// Modules through the aliases of the nearest bicepconfig.json (`br/<alias>:` a registry
/// and its module path, `ts/<alias>:` a subscription and resource group, merged onto Bicep's
/// own `br/public`), and a value imported from a restored registry module, read from the
/// cache where `bicep restore` puts them; what the cache lacks, or an alias nobody defined,
/// is one note naming it.
#[test]
fn bicepconfig_aliases_lead_into_the_cache() {
    let config = r#"{
  // Bicep allows comments here.
  "moduleAliases": {
    "br": {"contoso": {"registry": "Contoso.azurecr.io", "modulePath": "bicep/modules"}},
    "ts": {"specs": {"subscription": "00000000-0000-0000-0000-000000000000", "resourceGroup": "Specs-RG"}}
  }
}"#;
    let main = r#"import { base } from 'br/public:avm/utl/net:1.0.0'
module a 'br/contoso:network/vnet:V1' = {
  name: 'a'
  params: {
    prefix: base
  }
}
module b 'ts/specs:Vnet:1.0' = {
  name: 'b'
  params: {
    prefix: '10.60'
  }
}
module c 'br/contoso:network/missing:v1' = {
  name: 'c'
}
module d 'br/nobody:network/vnet:v1' = {
  name: 'd'
}
"#;
    let spec = format!(
        r#"{{"id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/Specs-RG/providers/Microsoft.Resources/templateSpecs/Vnet/versions/1.0", "type": "Microsoft.Resources/templateSpecs/versions", "name": "1.0", "properties": {{"mainTemplate": {CACHED_VNET}}}}}"#
    );
    let shared = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "variables": {"base": "10.50"}, "resources": []}"#;
    let report = check(&[
        ("infra/main.bicep", main),
        ("bicepconfig.json", config),
        (
            "cache/br/contoso.azurecr.io/bicep$modules$network$vnet/V1$1/main.json",
            CACHED_VNET,
        ),
        (
            "cache/ts/00000000-0000-0000-0000-000000000000/specs-rg/vnet/1.0/main.json",
            &spec,
        ),
        (
            "cache/br/mcr.microsoft.com/bicep$avm$utl$net/1.0.0$/main.json",
            shared,
        ),
    ]);
    let rows: Vec<String> = report
        .subnets
        .iter()
        .map(|r| format!("{} {}", r.label(), r.cidr))
        .collect();
    assert_eq!(rows, ["vnet-10.50/a 10.50.1.0/24", "vnet-10.60/a 10.60.1.0/24"]);
    let notes: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule.name(), f.message))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(
        notes[0].contains(
            "module `c`: the registry module 'br/contoso:network/missing:v1' is not in the local Bicep cache"
        ),
        "{notes:#?}"
    );
    assert!(
        notes[1].contains("module `d`: the module 'br/nobody:network/vnet:v1' names nothing Bicep can restore: no module alias `br/nobody` is defined in bicepconfig.json"),
        "{notes:#?}"
    );
    assert_eq!(
        found(&report),
        [
            "unresolved-input infra/main.bicep:14:10",
            "unresolved-input infra/main.bicep:17:10"
        ]
    );
}
