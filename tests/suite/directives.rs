//! Directives come only from comments (SPEC §6, issue 19): a `cniplan: ignore…` planted in a
//! value — a quoted name, a tag, a `for_each` key, a string or heredoc of a `.tf` file, a
//! file name written by `import` — leaves the finding and the exit code as they were, in
//! every reader; the same directive in a comment of the file's own syntax is honoured.

use crate::common;

use common::{cniplan, json};
use std::path::Path;

const DIRECTIVE: &str = "accepted risk # cniplan: ignore-file[subnet-too-small]";

/// `cniplan check --format json ARGS`: its exit code and the rules of every finding.
fn check(args: &[&str]) -> (Option<i32>, Vec<String>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = cniplan(&all);
    let v = json(&out);
    let rules = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().expect("diagnostics").clone())
        .map(|d| d["rule"].as_str().expect("rule").to_string())
        .collect();
    (out.status.code(), rules)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Asserts the /30 subnet is still reported, as an error that fails the gate.
fn still_reported((code, rules): (Option<i32>, Vec<String>)) {
    assert_eq!(code, Some(1), "{rules:?}");
    assert!(rules.iter().any(|r| r == "subnet-too-small"), "{rules:?}");
    assert!(!rules.iter().any(|r| r == "unused-suppression"), "{rules:?}");
}

#[test]
fn a_directive_in_a_yaml_value_or_key_is_data() {
    let dir = tempfile::tempdir().unwrap();
    for (i, planted) in [
        format!("  - name: \"{DIRECTIVE}\"\n    address_space: [10.1.0.0/16]\n"),
        format!("  - name: 'v\n      {DIRECTIVE}'\n    address_space: ['10.1.0.0/16']\n"),
        format!("  - name: |-\n      {DIRECTIVE}\n    address_space: [10.1.0.0/16]\n"),
        format!("  - {{\"name\": \"{DIRECTIVE}\", \"address_space\": [\"10.1.0.0/16\"],\n"),
    ]
    .iter()
    .enumerate()
    {
        let subnets = if planted.ends_with(",\n") {
            "     \"subnets\": [{\"name\": \"s\", \"cidr\": \"10.1.0.0/30\"}]}\n"
        } else {
            "    subnets:\n      - name: s\n        cidr: 10.1.0.0/30\n"
        };
        let plan = format!("version: 1\nvnets:\n{planted}{subnets}");
        let path = write(dir.path(), &format!("p{i}.cniplan.yaml"), &plan);
        let (code, rules) = check(&[&path]);
        assert_eq!(code, Some(1), "{plan}");
        assert!(
            !rules.iter().any(|r| r == "unused-suppression"),
            "{plan}\n{rules:?}"
        );
        assert!(rules.iter().any(|r| r == "subnet-too-small"), "{plan}\n{rules:?}");
    }
}

#[test]
fn a_yaml_comment_is_a_directive() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "version: 1\nvnets:\n  - name: v # cniplan: ignore-file[subnet-too-small] lab\n    address_space: [10.1.0.0/16]\n    subnets:\n      - name: s\n        cidr: 10.1.0.0/30\n";
    let path = write(dir.path(), "p.cniplan.yaml", plan);
    assert_eq!(check(&[&path]), (Some(0), Vec::new()));
}

#[test]
fn a_directive_in_an_az_tag_is_data() {
    let dir = tempfile::tempdir().unwrap();
    let vnets = format!(
        r#"[{{"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
  "name": "v", "resourceGroup": "rg", "tags": {{"note": "{DIRECTIVE}"}},
  "addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
  "subnets": [{{"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
    "name": "s", "addressPrefix": "10.1.0.0/30"}}]}}]"#
    );
    let path = write(dir.path(), "vnets.json", &vnets);
    still_reported(check(&["--input", "az", &path]));
}

/// An ARM template with a /30 subnet, `extra` spliced into the VNet resource.
fn template(extra: &str) -> String {
    format!(
        r#"{{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {{
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "v",
      {extra}
      "properties": {{
        "addressSpace": {{"addressPrefixes": ["10.1.0.0/16"]}},
        "subnets": [{{"name": "s", "properties": {{"addressPrefix": "10.1.0.0/30"}}}}]
      }}
    }}
  ]
}}
"#
    )
}

#[test]
fn a_directive_in_an_arm_tag_is_data_and_in_an_arm_comment_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let tagged = write(
        dir.path(),
        "tagged.json",
        &template(&format!(r#""tags": {{"note": "{DIRECTIVE}"}},"#)),
    );
    still_reported(check(&[&tagged]));
    let commented = write(
        dir.path(),
        "commented.json",
        &template("// cniplan: ignore-file[subnet-too-small] a lab network\n"),
    );
    assert_eq!(check(&[&commented]), (Some(0), Vec::new()));
    let block = write(
        dir.path(),
        "block.json",
        &template("/* cniplan: ignore-file[subnet-too-small] */"),
    );
    assert_eq!(check(&[&block]), (Some(0), Vec::new()));
}

#[test]
fn a_directive_in_a_terraform_plans_for_each_key_is_data() {
    let dir = tempfile::tempdir().unwrap();
    let key = DIRECTIVE.replace('"', "\\\"");
    let plan = format!(
        r#"{{"format_version": "1.2", "planned_values": {{"root_module": {{}}}}, "resource_changes": [
  {{"address": "azurerm_virtual_network.v", "mode": "managed", "type": "azurerm_virtual_network", "name": "v",
    "change": {{"actions": ["create"], "after": {{"name": "v", "resource_group_name": "rg", "address_space": ["10.1.0.0/16"]}}}}}},
  {{"address": "azurerm_subnet.s[\"{key}\"]", "mode": "managed", "type": "azurerm_subnet", "name": "s", "index": "{key}",
    "change": {{"actions": ["create"], "after": {{"name": "s", "resource_group_name": "rg", "virtual_network_name": "v", "address_prefixes": ["10.1.0.0/30"]}}}}}}
]}}"#
    );
    let path = write(dir.path(), "tfplan.json", &plan);
    still_reported(check(&[&path]));
}

#[test]
fn a_directive_in_a_tf_string_or_heredoc_is_data_and_in_a_tf_comment_is_honoured() {
    let tf = |extra: &str| {
        format!(
            "resource \"azurerm_virtual_network\" \"v\" {{\n  name = \"v\"\n  resource_group_name = \"rg\"\n  location = \"westeurope\"\n  address_space = [\"10.1.0.0/16\"]\n{extra}}}\n\
             resource \"azurerm_subnet\" \"s\" {{\n  name = \"s\"\n  resource_group_name = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes = [\"10.1.0.0/30\"]\n}}\n"
        )
    };
    let run = |main: &str| {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "main.tf", main);
        check(&["--input", "terraform", dir.path().to_str().unwrap()])
    };
    still_reported(run(&tf(&format!("  tags = {{ note = \"{DIRECTIVE}\" }}\n"))));
    still_reported(run(&tf(&format!(
        "  tags = {{ note = <<-EOT\n    {DIRECTIVE}\n  EOT\n  }}\n"
    ))));
    for comment in [
        "# cniplan: ignore-file[subnet-too-small]",
        "// cniplan: ignore-file[subnet-too-small]",
        "/* cniplan: ignore-file[subnet-too-small] */",
    ] {
        assert_eq!(
            run(&tf(&format!("  {comment}\n"))),
            (Some(0), Vec::new()),
            "{comment}"
        );
    }
}

#[test]
fn import_writes_no_directive_from_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n# cniplan: ignore-file[subnet-too-small]\ncniplan: ignore-file[subnet-too-small].json";
    let path = write(dir.path(), name, &template(""));
    let out = cniplan(&["import", &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let imported = write(dir.path(), "imported.cniplan.yaml", &common::stdout(&out));
    still_reported(check(&[&imported]));
}

/// A YAML file may end its lines with a lone `\r` (classic Mac): YAML reads each as a line
/// break, so an `ignore[rule]` covers its own line (or, alone, the next one), not the file.
#[test]
fn an_ignore_in_a_file_with_carriage_return_line_ends_covers_its_line_only() {
    let dir = tempfile::tempdir().unwrap();
    let plan = concat!(
        "version: 1\rvnets:\r  - name: v\r    address_space: [10.1.0.0/16]\r    subnets:\r",
        "      - name: a\r        cidr: 10.1.0.0/30 # cniplan: ignore[subnet-too-small] lab\r",
        "      - name: b\r        # cniplan: ignore[subnet-too-small] lab\r        cidr: 10.1.1.0/30\r",
        "      - name: c\r        cidr: 10.1.2.0/30\r",
    );
    let path = write(dir.path(), "p.cniplan.yaml", plan);
    let out = cniplan(&["check", "--format", "json", &path]);
    let v = json(&out);
    let found: Vec<(String, u64)> = v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(out.status.code(), Some(1), "{found:?}");
    // Only `c` is left; lines are counted as the file's own `\n` breaks (it has none).
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "subnet-too-small", "{found:?}");
}

/// Issue 20: a suppression in a `.tf` file silences the finding on its own line of that file
/// and nothing else: not the same rule on another line, nor on the same line number of another
/// `.tf` file of the module.
#[test]
fn an_ignore_in_a_tf_file_silences_its_line_only() {
    let subnet = |name: &str, prefix: &str, comment: &str| {
        format!(
            "resource \"azurerm_subnet\" \"{name}\" {{\n  name = \"{name}\"\n  resource_group_name = \"rg\"\n  \
             virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes = [\"{prefix}\"]{comment}\n}}\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let vnet =
        "resource \"azurerm_virtual_network\" \"v\" {\n  name = \"v\"\n  resource_group_name = \"rg\"\n  \
                location = \"westeurope\"\n  address_space = [\"10.1.0.0/16\"]\n}\n";
    // main.tf: `a` (line 11, silenced) and `b` (line 17); other.tf: `c` on line 11 too, the
    // line of `a`'s directive in main.tf.
    let main = format!(
        "{vnet}{}{}",
        subnet(
            "a",
            "10.1.0.0/30",
            " # cniplan: ignore[subnet-too-small] lab subnet"
        ),
        subnet("b", "10.1.1.0/30", "")
    );
    write(dir.path(), "main.tf", &main);
    write(
        dir.path(),
        "other.tf",
        &format!("{}{}", "# spacer\n".repeat(6), subnet("c", "10.1.2.0/30", "")),
    );
    let out = cniplan(&[
        "check",
        "--format",
        "json",
        "--input",
        "terraform",
        dir.path().to_str().unwrap(),
    ]);
    let v = json(&out);
    let mut found: Vec<(String, u64, String)> = Vec::new();
    for file in v["files"].as_array().expect("files") {
        let path = file["path"].as_str().expect("path");
        let name = Path::new(path).file_name().unwrap().to_string_lossy().to_string();
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            found.push((
                name.clone(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            ));
        }
    }
    found.sort();
    assert_eq!(
        found,
        [
            ("main.tf".to_string(), 17, "subnet-too-small".to_string()),
            ("other.tf".to_string(), 11, "subnet-too-small".to_string()),
        ],
        "{v:#}"
    );
    assert_eq!(out.status.code(), Some(1));
}
