//! `cniplan schema` and `cniplan init` describe the network-mode fields of SPEC §2: the
//! schema with their values and descriptions (what editors complete and show), the starter
//! plan as comments (so its findings stay the walkthrough's).

use serde_json::Value;
use std::process::Command;

fn cniplan(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "cniplan {args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn schema() -> Value {
    serde_json::from_str(&cniplan(&["schema"])).expect("the schema is JSON")
}

/// A property of a definition, with a `$ref` (directly or inside `anyOf`, as schemars writes
/// an optional enum) followed to the definition it names.
fn property<'s>(schema: &'s Value, definition: &str, key: &str) -> (&'s Value, Option<&'s Value>) {
    let prop = &schema["$defs"][definition]["properties"][key];
    assert!(prop.is_object(), "{definition}.{key} is in the schema");
    let reference = prop["$ref"]
        .as_str()
        .or_else(|| prop["anyOf"].as_array()?.iter().find_map(|v| v["$ref"].as_str()));
    let target = reference.map(|r| {
        let name = r.trim_start_matches("#/$defs/");
        &schema["$defs"][name]
    });
    (prop, target)
}

fn enum_of(schema: &Value, definition: &str, key: &str) -> Value {
    let (_, target) = property(schema, definition, key);
    target
        .unwrap_or_else(|| panic!("{definition}.{key} names a definition"))
        .get("enum")
        .cloned()
        .unwrap_or(Value::Null)
}

#[test]
fn the_schema_gives_each_mode_field_its_values() {
    let schema = schema();
    assert_eq!(
        enum_of(&schema, "Cluster", "network_plugin"),
        serde_json::json!(["azure", "kubenet", "none"])
    );
    assert_eq!(
        enum_of(&schema, "Cluster", "network_plugin_mode"),
        serde_json::json!(["overlay"])
    );
    assert_eq!(
        enum_of(&schema, "Cluster", "network_dataplane"),
        serde_json::json!(["azure", "cilium"])
    );
    assert_eq!(
        enum_of(&schema, "Cluster", "network_policy"),
        serde_json::json!(["none", "azure", "calico", "cilium"])
    );
    assert_eq!(
        enum_of(&schema, "NodePool", "pod_ip_allocation_mode"),
        serde_json::json!(["DynamicIndividual", "StaticBlock"])
    );
}

const CLUSTER_FIELDS: [&str; 6] = [
    "network_plugin",
    "network_plugin_mode",
    "pod_cidr",
    "network_dataplane",
    "network_policy",
    "kubernetes_version",
];
const POOL_FIELDS: [&str; 2] = ["pod_ip_allocation_mode", "os_sku"];

#[test]
fn the_schema_describes_each_mode_field() {
    let schema = schema();
    let fields = CLUSTER_FIELDS
        .iter()
        .map(|f| ("Cluster", f))
        .chain(POOL_FIELDS.iter().map(|f| ("NodePool", f)));
    for (definition, key) in fields {
        let (prop, _) = property(&schema, definition, key);
        let description = prop["description"].as_str().unwrap_or_default();
        assert!(
            description.len() > 10,
            "{definition}.{key} has a description: {prop}"
        );
    }
    // Optional, as SPEC §2 says: a version 1 plan without them still validates.
    for (definition, key) in [
        ("Cluster", "network_plugin_mode"),
        ("NodePool", "pod_ip_allocation_mode"),
    ] {
        let required = &schema["$defs"][definition]["required"];
        assert!(
            !required.as_array().is_some_and(|r| r.iter().any(|v| v == key)),
            "{definition}.{key} is optional"
        );
    }
}

#[test]
fn the_starter_plan_documents_each_mode_field_in_a_comment() {
    let plan = cniplan(&["init"]);
    for key in CLUSTER_FIELDS.iter().chain(&POOL_FIELDS) {
        let documented = plan.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with(&format!("{key}:")) || l.starts_with(&format!("# {key}:"))
        });
        assert!(documented, "`cniplan init` mentions {key}");
    }
    // Commented out, so the walkthrough keeps its one finding (tests/suite/cli.rs checks it).
    assert!(!plan
        .lines()
        .any(|l| l.trim_start().starts_with("pod_ip_allocation_mode:")));
}
