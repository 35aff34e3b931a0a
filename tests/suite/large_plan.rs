//! A plan over a megabyte is parsed in pieces on every core (src/input/yaml/split.rs); on one
//! thread it is parsed whole. Both must report the same findings at the same places.

use crate::common;
use common::command;

/// About 1.3 MB, past the 1 MiB from which a plan is cut into pieces: 6,000 VNets and 1,500
/// clusters, with mistakes spread through both lists.
const VNETS: usize = 6_000;

fn plan(schema_mistakes: bool) -> String {
    let mut text = String::from("version: 1\n# an estate\nvnets:\n");
    for v in 0..VNETS {
        let (a, b) = (v / 250, v % 250);
        text.push_str(&format!(
            "  - name: vnet-{v}\n    address_space: [10.{a}.{b}.0/24]\n    subnets:\n"
        ));
        text.push_str(&format!("      - name: nodes\n        cidr: 10.{a}.{b}.0/26\n"));
        // Every 97th VNet overlaps itself, every 89th has a CIDR that is no CIDR.
        let pods = if v % 97 == 0 {
            format!("10.{a}.{b}.32/27")
        } else {
            format!("10.{a}.{b}.64/26")
        };
        let pods = if v % 89 == 0 {
            "10.0.0.0/33".to_string()
        } else {
            pods
        };
        text.push_str(&format!("      - name: pods\n        cidr: \"{pods}\"\n"));
        if schema_mistakes && v % 101 == 0 {
            text.push_str("        colour: blue\n");
        }
        if schema_mistakes && v % 103 == 0 {
            text.push_str("        reserved_ips: many\n");
        }
    }
    text.push_str("clusters:\n");
    for c in 0..VNETS / 4 {
        let v = c * 4;
        text.push_str(&format!(
            "- name: aks-{c}\n  service_cidr: 172.16.0.0/16\n  dns_service_ip: 172.16.0.10\n  node_pools:\n  \
             - name: pool\n    node_count: 3\n    max_pods: {}\n    vnet_subnet: vnet-{v}/nodes\n    pod_subnet: {}/pods\n",
            if c % 71 == 0 { 300 } else { 30 },
            if c % 83 == 0 { "nowhere".to_string() } else { format!("vnet-{v}") },
        ));
        if schema_mistakes && c % 107 == 0 {
            text.push_str("    node_count: \"3\"\n");
        }
    }
    text
}

fn check(plan: &std::path::Path, format: &str, threads: &str) -> String {
    let out = command(&[
        "check",
        "--format",
        format,
        "--fail-on",
        "never",
        plan.to_str().unwrap_or(""),
    ])
    .env("RAYON_NUM_THREADS", threads)
    .output()
    .expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_large_plan_reports_the_same_in_pieces_as_whole() {
    let dir = std::env::temp_dir().join(format!("cniplan-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (schema_mistakes, rules) in [
        (
            false,
            &[
                "invalid-cidr",
                "subnet-overlap",
                "unknown-reference",
                "max-pods-range",
            ][..],
        ),
        (true, &["plan-schema"][..]),
    ] {
        let path = dir.join(format!("estate-{schema_mistakes}.yaml"));
        let text = plan(schema_mistakes);
        assert!(text.len() > 1 << 20, "{} bytes: too small to be cut", text.len());
        std::fs::write(&path, &text).expect("write the plan");
        // Human output renders the same rows as JSON; once is enough to hold it too.
        let formats: &[&str] = if schema_mistakes {
            &["json"]
        } else {
            &["json", "human"]
        };
        let mut json = String::new();
        for &format in formats {
            let whole = check(&path, format, "1");
            let pieces = check(&path, format, "2");
            assert!(
                whole == pieces,
                "{format} output differs between one thread and two"
            );
            for rule in rules {
                assert!(
                    whole.contains(rule),
                    "no {rule} finding in:\n{}",
                    &whole[..whole.len().min(3000)]
                );
            }
            if format == "json" {
                json = pieces;
            }
        }
        if schema_mistakes {
            // Each mistake is reported where it is written: the first `colour` key is on
            // VNet 0's pods subnet, line 11, column 9.
            let first = "\"message\": \"unknown key `colour` in a subnet\",\n          \"help\": \"a subnet takes: name, cidr, reserved_ips, delegation\",\n          \"line\": 11,\n          \"column\": 9,";
            assert!(json.contains(first), "{}", &json[..2000]);
            // Every mistake of the file, in both lists: 60 + 59 in the VNets, 15 in the clusters.
            assert_eq!(json.matches("\"rule\": \"plan-schema\"").count(), 60 + 59 + 15);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
