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
    let rows: Vec<String> = report.subnets.iter().map(|r| format!("{r:?}")).collect();
    assert!(!report.subnets.is_empty(), "{:#?}", report.findings);
    let _ = rows;
    for f in &report.findings {
        eprintln!("{} {:?} {}", f.rule.name(), f.span, f.message);
    }
    eprintln!("{:?}", found(&report));
}
