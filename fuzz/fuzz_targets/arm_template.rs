//! ARM templates: the fuzz input becomes a template expression string placed where the
//! networking reader evaluates it (a VNet name and prefix, a subnet prefix, a copy count,
//! a pool's maxCount and subnet ID, a variable the others read), and, when it starts with
//! `{`, the members of a whole template. Every input goes through `check::run` with the ARM
//! format and every renderer; the JSON output must stay valid JSON.
#![no_main]

use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use cniplan_fuzz::check_and_render;
use libfuzzer_sys::fuzz_target;

const SCHEMA: &str = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let template = if text.starts_with('{') {
        // Raw members after the schema: mostly syntax errors, sometimes whole templates.
        format!("{{\"$schema\": \"{SCHEMA}\", {}", &text[1..])
    } else {
        embedded(&text)
    };
    exercise(template);
});

/// A template that evaluates `expression` in every place the reader looks.
fn embedded(expression: &str) -> String {
    // JSON-escaped, so the fuzzer's text is one string value whatever it holds.
    let e = serde_json::to_string(expression).unwrap_or_else(|_| "\"\"".to_string());
    format!(
        r#"{{
  "$schema": "{SCHEMA}",
  "parameters": {{"p": {{"type": "string", "defaultValue": {e}}}}},
  "variables": {{"v": {e}, "w": "[variables('v')]"}},
  "resources": [
    {{
      "type": "Microsoft.Network/virtualNetworks",
      "name": {e},
      "copy": {{"name": "loop", "count": {e}}},
      "properties": {{
        "addressSpace": {{"addressPrefixes": [{e}, "[variables('w')]"]}},
        "subnets": [{{"name": "s", "properties": {{"addressPrefix": {e}}}}}]
      }}
    }},
    {{
      "type": "Microsoft.Network/virtualNetworks",
      "name": "v",
      "properties": {{
        "addressSpace": {{"addressPrefixes": ["10.0.0.0/16"]}},
        "subnets": [{{"name": "nodes", "properties": {{"addressPrefix": "10.0.0.0/22"}}}}]
      }}
    }},
    {{
      "type": "Microsoft.ContainerService/managedClusters",
      "name": "aks",
      "properties": {{
        "networkProfile": {{"networkPlugin": "azure", "serviceCidr": {e}}},
        "agentPoolProfiles": [{{
          "name": "p", "count": 1, "minCount": 1, "maxCount": {e}, "enableAutoScaling": true,
          "vnetSubnetID": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'nodes')]",
          "podSubnetID": {e}
        }}]
      }}
    }}
  ]
}}"#
    )
}

fn exercise(template: String) {
    let input = Input {
        sources: vec![SourceFile::new("fuzz.json", template.clone())],
        format: Format::Arm,
    };
    check_and_render(input, &template);
}
