//! Karpenter NodePool and AKSNodeClass manifests (docs/karpenter.md): real ones from
//! Azure/karpenter-provider-azure and the AKS docs (tests/real/karpenter/SOURCE.md, where the
//! bounds are worked out by hand), and a plan with its manifests beside it
//! (tests/karpenter/), read as the library and as a directory walk.

use cniplan::check::{run, Checked};
use cniplan::config::Settings;
use cniplan::input::{Format, Input};
use cniplan::source::SourceFile;
use std::path::Path;
use std::process::Command;

fn check(paths: &[&str]) -> Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let sources = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
            SourceFile::new(*p, text)
        })
        .collect();
    run(
        Input {
            sources,
            format: Format::Auto,
        },
        &Settings::default(),
    )
}

/// `rule severity path:line:column message` of every finding, in order.
fn findings(c: &Checked) -> Vec<String> {
    c.report
        .findings
        .iter()
        .map(|f| {
            let span = f.span.expect("located");
            let file = c.report.source_of(span.file);
            format!(
                "{} {} {}:{} {}",
                f.rule.name(),
                f.severity,
                file.path,
                file.position(span.start),
                f.message
            )
        })
        .collect()
}

#[test]
fn provider_end_to_end_nodepool_is_bounded_by_its_memory_limit() {
    let c = check(&["real/karpenter/karpenter-provider-azure/default_nodepool.yaml"]);
    let got = findings(&c);
    let path = "real/karpenter/karpenter-provider-azure/default_nodepool.yaml";
    // 1000Gi over the 3.7 GiB Karpenter counts of a Standard_D2ls_v5 is 270, below cpu's 500.
    assert_eq!(
        got,
        [
            format!(
                "unresolved-input note {path}:4:8 NodePool `default`: no cluster read with it provisions nodes \
                 automatically (node provisioning mode Auto), so its nodes are counted in no subnet (NodePool/default)"
            ),
            format!(
                "assumed-value note {path}:13:12 NodePool `default` bounds its nodes at 271: limits.memory 1000Gi \
                 ÷ 3.700 GiB Karpenter counts of a 4 GiB VM (karpenter.azure.com/sku-family In [D]: Standard_D2ls_v5) \
                 = 270, + 1 node Karpenter may launch past the limit (NodePool/default)"
            ),
        ]
    );
}

#[test]
fn provider_examples_without_limits_are_unbounded() {
    let c = check(&["real/karpenter/karpenter-provider-azure/perftest.yaml"]);
    let warnings: Vec<String> = findings(&c)
        .into_iter()
        .filter(|f| f.starts_with("node-provisioning-limits warning"))
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("perftest.yaml:17:9 NodePool `default` has no limits"));
    assert!(warnings[1].contains("perftest.yaml:49:9 NodePool `spot` has no limits"));
    // The node class `default` is in the file: no note about it.
    assert!(!findings(&c).iter().any(|f| f.contains("AKSNodeClass")));

    let c = check(&["real/karpenter/karpenter-provider-azure/general-purpose-v1beta1.yaml"]);
    let rules: Vec<String> = findings(&c);
    assert_eq!(rules.len(), 2, "{rules:?}");
    assert!(rules[0].starts_with(
        "node-provisioning-limits warning real/karpenter/karpenter-provider-azure/general-purpose-v1beta1.yaml:6:9"
    ));
    assert!(rules[1].starts_with("unresolved-input note"));
}

#[test]
fn docs_static_node_pool_is_bounded_by_its_node_limit() {
    let c = check(&["real/karpenter/aks-docs/node-pools.yaml"]);
    let got = findings(&c);
    assert!(got.iter().any(|f| f.starts_with(
        "node-provisioning-limits warning real/karpenter/aks-docs/node-pools.yaml:4:9 NodePool `default` has no limits"
    )));
    assert!(
        got.iter().any(|f| f.starts_with(
            "assumed-value note real/karpenter/aks-docs/node-pools.yaml:42:13 NodePool `static-node-pool` keeps 5 nodes: spec.replicas 5 within limits.nodes 10; Karpenter replaces drifted nodes new-before-old, 1 at a time"
        )),
        "{got:#?}"
    );
    assert_eq!(got.len(), 4, "{got:#?}");
}

#[test]
fn manifests_attach_to_the_auto_provisioning_cluster_of_their_estate() {
    let c = check(&["karpenter/estate.cniplan.yaml", "karpenter/nodepools.yaml"]);
    let got = findings(&c);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with(
        "assumed-value note karpenter/nodepools.yaml:11:10 NodePool `burst` bounds its nodes at 17: limits.cpu 64 ÷ 4 vCPUs"
    ));
    // 17 nodes in `nap` (its node class's vnetSubnetID), 1 IP each in overlay, + a surge of
    // 10 % of 17 rounded up = 2: a peak of 19 of 27 usable.
    let nap = c
        .report
        .subnets
        .iter()
        .find(|r| r.name == "nap")
        .expect("nap row");
    assert_eq!((nap.usable, nap.peak_demand), (27, 19));
    let pools: Vec<String> = nap
        .pools
        .iter()
        .map(|p| format!("{}/{} {}", p.cluster, p.pool, p.peak_nodes))
        .collect();
    // A pool's peak nodes count its surge: 17 + 2.
    assert_eq!(pools, ["auto/burst 19"]);
    // The pod CIDR holds the 3 system nodes, the 17 and the larger surge (2): 22 /24s.
    let pod = c
        .report
        .subnets
        .iter()
        .find(|r| r.role == cniplan::capacity::Role::PodCidr)
        .expect("pod CIDR row");
    assert_eq!(pod.peak_demand, 22);
}

#[test]
fn a_walk_reads_manifests_with_the_estate_and_passes_over_other_kubernetes_yaml() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/karpenter");
    let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--format", "json", "."])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files: Vec<&str> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect();
    // The plan and its manifests; the Deployment is no input and is not named.
    assert_eq!(files, ["./estate.cniplan.yaml", "./nodepools.yaml"]);
    let nap = json["files"][0]["subnets"]
        .as_array()
        .expect("subnets")
        .iter()
        .find(|s| s["name"] == "nap")
        .expect("nap");
    assert_eq!(nap["peak_demand"], 19);
}

#[test]
fn several_auto_provisioning_clusters_leave_the_manifests_unattached_with_a_note() {
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/karpenter/estate.cniplan.yaml"),
    )
    .expect("plan");
    let second = plan.replacen(
        "    node_pools:\n      - name: system\n        node_count: 3\n        max_pods: 110\n        vnet_subnet: nodes\n",
        "    node_pools:\n      - name: system\n        node_count: 3\n        max_pods: 110\n        vnet_subnet: nodes\n  - name: auto2\n    network_plugin: azure\n    network_plugin_mode: overlay\n    pod_cidr: 10.245.0.0/16\n    service_cidr: 192.168.0.0/16\n    dns_service_ip: 192.168.0.10\n    node_provisioning_mode: Auto\n    node_pools:\n      - name: system\n        node_count: 1\n        max_pods: 110\n        vnet_subnet: nodes\n",
        1,
    );
    let manifests =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/karpenter/nodepools.yaml"))
            .expect("manifests");
    let c = run(
        Input {
            sources: vec![
                SourceFile::new("plan.yaml", second),
                SourceFile::new("np.yaml", manifests),
            ],
            format: Format::Auto,
        },
        &Settings::default(),
    );
    let got = findings(&c);
    assert!(
        got.iter().any(|f| f.starts_with(
            "unresolved-input note np.yaml:8:9 NodePool `burst`: the clusters `auto`, `auto2` all provision nodes automatically"
        )),
        "{got:#?}"
    );
    let nap = c
        .report
        .subnets
        .iter()
        .find(|r| r.name == "nap")
        .expect("nap row");
    assert_eq!(nap.peak_demand, 0);
}

/// The help of an unattached NodePool fits its case: with clusters of which none has node
/// auto-provisioning on, it says so and how to turn it on; with no cluster at all, where to
/// find one; with several, which to name.
#[test]
fn an_unattached_nodepools_help_says_why_no_cluster_takes_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/karpenter");
    let plan = std::fs::read_to_string(root.join("estate.cniplan.yaml")).expect("plan");
    let manifests = std::fs::read_to_string(root.join("nodepools.yaml")).expect("manifests");
    let help_of = |plan: Option<&str>| -> String {
        let mut sources = Vec::new();
        if let Some(plan) = plan {
            sources.push(SourceFile::new("plan.yaml", plan.to_string()));
        }
        sources.push(SourceFile::new("np.yaml", manifests.clone()));
        let c = run(
            Input {
                sources,
                format: Format::Auto,
            },
            &Settings::default(),
        );
        let note = c
            .report
            .findings
            .iter()
            .find(|f| f.rule.name() == "unresolved-input" && f.message.starts_with("NodePool `burst`"))
            .unwrap_or_else(|| panic!("burst is unattached: {:#?}", findings(&c)));
        note.help.as_deref().expect("a help").to_string()
    };
    // The same estate without node auto-provisioning: one cluster, none with NAP.
    let manual = plan.replace("    node_provisioning_mode: Auto\n", "");
    assert_ne!(manual, plan);
    let help = help_of(Some(&manual));
    assert!(
        help.starts_with(
            "none of the 1 cluster read with it has node auto-provisioning on, and Karpenter runs only where it is: \
             turn it on in the cluster the NodePools run in (`node_provisioning_mode: Auto` in a plan"
        ),
        "{help}"
    );
    assert!(
        help.contains("or name that cluster under `karpenter:` in .cniplan.yaml"),
        "{help}"
    );
    // The manifests alone: no cluster to take them.
    let help = help_of(None);
    assert!(
        help.starts_with("check the manifests with the input that declares the cluster they run in"),
        "{help}"
    );
    assert!(!help.contains("none of the"), "{help}");
    // Two clusters with NAP: name one.
    let two = plan.replacen(
        "clusters:\n",
        "clusters:\n  - name: auto2\n    network_plugin: azure\n    network_plugin_mode: overlay\n    pod_cidr: 10.245.0.0/16\n    service_cidr: 192.168.0.0/16\n    dns_service_ip: 192.168.0.10\n    node_provisioning_mode: Auto\n    node_pools:\n      - name: system\n        node_count: 1\n        max_pods: 110\n        vnet_subnet: nodes\n",
        1,
    );
    let help = help_of(Some(&two));
    assert!(
        help.starts_with("name the cluster the manifests run in under `karpenter:` in .cniplan.yaml"),
        "{help}"
    );
}

#[test]
fn a_static_node_pool_keeps_its_replicas_and_replaces_within_its_budget() {
    // The AKS docs' static NodePool (`replicas: 5`, `limits.nodes: 10`) attached to the NAP
    // cluster `auto`: its node class is NAP's `default`, so its nodes join the cluster's node
    // subnet `nodes` (/24, 251 usable), one IP each in overlay. Karpenter keeps 5 whatever the
    // pods: the baseline is the system pool's 3 + 5 = 8 (the unbounded `default` NodePool
    // counts none). Drifted nodes are replaced new-before-old, 10 % of 5 rounded up = 1 at a
    // time, within limits.nodes: 6 at its peak; one pool of the cluster surges at a time (the
    // system pool's 1 or the static pool's 1): 8 + 1 = 9.
    let c = check(&[
        "karpenter/estate.cniplan.yaml",
        "real/karpenter/aks-docs/node-pools.yaml",
    ]);
    let nodes = c
        .report
        .subnets
        .iter()
        .find(|r| r.name == "nodes")
        .expect("nodes row");
    assert_eq!((nodes.baseline_demand, nodes.peak_demand), (8, 9));
    let pools: Vec<String> = nodes
        .pools
        .iter()
        .map(|p| format!("{} {}", p.pool, p.peak_nodes))
        .collect();
    assert_eq!(pools, ["system 4", "default 0", "static-node-pool 6"]);
    // No warning that the static pool is unbounded: its replicas bound it.
    assert!(!findings(&c)
        .iter()
        .any(|f| f.starts_with("node-provisioning-limits") && f.contains("static-node-pool")));
}

#[test]
fn a_static_node_pool_never_passes_its_node_limit() {
    // replicas 4 with limits.nodes 4: Karpenter keeps 4 and has no room to replace a
    // drifted node before the old one goes, so no surge: a peak of 4 nodes, 4 IPs.
    let manifest = "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: fixed\nspec:\n  replicas: 4\n  limits:\n    nodes: 4\n    cpu: \"64\"\n  template:\n    spec:\n      nodeClassRef:\n        group: karpenter.azure.com\n        kind: AKSNodeClass\n        name: default\n";
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/karpenter/estate.cniplan.yaml"),
    )
    .unwrap();
    let c = run(
        Input {
            sources: vec![
                SourceFile::new("estate.cniplan.yaml", plan),
                SourceFile::new("fixed.yaml", manifest),
            ],
            format: Format::Auto,
        },
        &Settings::default(),
    );
    let nodes = c.report.subnets.iter().find(|r| r.name == "nodes").unwrap();
    let fixed = nodes.pools.iter().find(|p| p.pool == "fixed").unwrap();
    assert_eq!(fixed.peak_nodes, 4);
    let got = findings(&c);
    // Karpenter refuses a cpu limit beside replicas: said where it is written.
    assert!(
        got.iter()
            .any(|f| f.starts_with("plan-schema error fixed.yaml:9:10")
                && f.contains("supports only `limits.nodes`")),
        "{got:#?}"
    );
    assert!(got.iter().any(|f| f.contains("keeps 4 nodes: spec.replicas 4 within limits.nodes 4; Karpenter replaces drifted nodes new-before-old, 0 at a time")), "{got:#?}");
}

#[test]
fn check_fix_checks_the_manifests_with_their_estate_as_check_does() {
    // The NodePool `burst` of tests/karpenter bounds its nodes at 17 (its `assumed-value`
    // note) only when it is read with the plan's NAP cluster `auto`; checked alone it would
    // get an `unresolved-input` note instead. `check --fix` must see the same findings as
    // `check`: nothing here has a fix, so both list the same ones, file by file.
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/karpenter");
    for name in ["estate.cniplan.yaml", "nodepools.yaml"] {
        std::fs::copy(from.join(name), dir.path().join(name)).unwrap();
    }
    let findings = |fix: bool| {
        let mut args = vec!["check", "--format", "json"];
        if fix {
            args.push("--fix");
        }
        args.push(".");
        let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
            .args(&args)
            .current_dir(dir.path())
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        json["files"]
            .as_array()
            .expect("files")
            .iter()
            .flat_map(|f| {
                let path = f["path"].as_str().unwrap_or("").to_string();
                f["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |d| format!("{path}:{} {} {}", d["line"], d["rule"], d["message"]))
            })
            .collect::<Vec<String>>()
    };
    let checked = findings(false);
    assert!(
        checked
            .iter()
            .any(|f| f.starts_with("./nodepools.yaml:11 \"assumed-value\"")
                && f.contains("NodePool `burst` bounds its nodes at 17")),
        "{checked:#?}"
    );
    assert!(
        !checked.iter().any(|f| f.contains("unresolved-input")),
        "{checked:#?}"
    );
    assert_eq!(findings(true), checked);
}

#[test]
fn the_configuration_names_the_cluster_when_several_provision_nodes() {
    // Two NAP clusters in one plan: a manifest names neither, so on its own its NodePool
    // is counted nowhere (an unresolved-input note). `.cniplan.yaml`'s `karpenter:` runs it in
    // `beta`: `burst` (limits.nodes 10, NAP's `default` class, so beta's node subnet
    // `b-nodes`, a /24 of 251) takes 10 IPs in overlay beside beta's system node; one pool of
    // beta surges at a time, 10 % of 10 = 1 or the system pool's 1: 1 + 10 + 1 = 12.
    let dir = tempfile::tempdir().unwrap();
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.9.0.0/16]\n    subnets:\n      - name: a-nodes\n        cidr: 10.9.0.0/24\n      - name: b-nodes\n        cidr: 10.9.1.0/24\nclusters:\n  - name: alpha\n    network_plugin_mode: overlay\n    node_provisioning_mode: Auto\n    node_pools:\n      - {name: system, node_count: 1, max_pods: 110, vnet_subnet: a-nodes}\n  - name: beta\n    network_plugin_mode: overlay\n    pod_cidr: 10.245.0.0/16\n    node_provisioning_mode: Auto\n    node_pools:\n      - {name: system, node_count: 1, max_pods: 110, vnet_subnet: b-nodes}\n";
    let manifest = "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: burst\nspec:\n  limits:\n    nodes: 10\n  template:\n    spec:\n      nodeClassRef:\n        group: karpenter.azure.com\n        kind: AKSNodeClass\n        name: default\n";
    std::fs::write(dir.path().join("two.cniplan.yaml"), plan).unwrap();
    std::fs::create_dir(dir.path().join("k8s")).unwrap();
    std::fs::write(dir.path().join("k8s/nodepools.yaml"), manifest).unwrap();
    let run_check = || {
        let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
            .args(["check", "--format", "json", "."])
            .current_dir(dir.path())
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
    };
    let json = run_check();
    let text = json.to_string();
    assert!(
        text.contains("the clusters `alpha`, `beta` all provision nodes automatically"),
        "{text}"
    );
    std::fs::write(
        dir.path().join(".cniplan.yaml"),
        "karpenter:\n  - manifests: \"k8s/*.yaml\"\n    cluster: beta\n",
    )
    .unwrap();
    let json = run_check();
    let text = json.to_string();
    assert!(!text.contains("unresolved-input"), "{text}");
    let b = json["files"][0]["subnets"]
        .as_array()
        .expect("subnets")
        .iter()
        .find(|s| s["name"] == "b-nodes")
        .expect("b-nodes");
    assert_eq!(
        (b["baseline_demand"].as_u64(), b["peak_demand"].as_u64()),
        (Some(1), Some(12))
    );
    let pools: Vec<String> = b["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}/{}",
                p["cluster"].as_str().unwrap(),
                p["pool"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(pools, ["beta/system", "beta/burst"]);
}

/// Hostile pass (issue 19): a maxPods the AKSNodeClass CRD refuses is an error at it, in the
/// CRD's bounds (not "not a whole number"); a `limits.nodes` written with an exponent is read
/// as the quantity it is, never taken for no limit.
#[test]
fn refused_max_pods_and_exponent_node_limits_are_read_as_written() {
    let c = check(&[
        "karpenter/estate.cniplan.yaml",
        "bad-input-karpenter/maxpods-negative.yaml",
    ]);
    let all = findings(&c);
    assert!(
        all.iter().any(
            |f| f.starts_with("plan-schema error bad-input-karpenter/maxpods-negative.yaml:")
                && f.contains("`maxPods` -5 is outside 10..250")
        ),
        "{all:#?}"
    );
    let c = check(&[
        "karpenter/estate.cniplan.yaml",
        "bad-input-karpenter/limits-nodes-exponent.yaml",
    ]);
    let all = findings(&c);
    assert!(all.iter().all(|f| !f.contains("has no limits")), "{all:#?}");
    assert!(
        all.iter().any(|f| f.contains("scales to 4,294,967,298 nodes")),
        "{all:#?}"
    );
}

/// A manifest cniplan cannot parse does not drop its NodePools from the gate in silence:
/// plain YAML that does not parse (here aliases that expand past the allowance, a bomb) is
/// an error, and only a chart's template, read once rendered, is a note.
#[test]
fn an_unreadable_manifest_is_an_error_unless_it_is_a_template() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let estate = "karpenter/estate.cniplan.yaml";
    let read = |p: &str| SourceFile::new(p, std::fs::read_to_string(root.join(p)).unwrap());
    let mut bomb =
        String::from("apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: p}\nspec:\n  x:\n");
    bomb.push_str("    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        bomb.push_str(&format!("    a{i}: &a{i} [{}]\n", [prev.as_str(); 10].join(", ")));
    }
    let template =
        "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: {{ .Values.name }}\n  x: [\n";
    for (manifest, want) in [
        (
            bomb.as_str(),
            "plan-syntax error bomb.yaml:11:49 this Karpenter manifest is not YAML cniplan can read: aliases here expand",
        ),
        (template, "unresolved-input note template.yaml:"),
    ] {
        let name = if want.contains("bomb") { "bomb.yaml" } else { "template.yaml" };
        let c = run(
            Input {
                sources: vec![read(estate), SourceFile::new(name, manifest)],
                format: Format::Auto,
            },
            &Settings::default(),
        );
        let got = findings(&c);
        assert!(got.iter().any(|f| f.starts_with(want)), "{want}: {got:#?}");
    }
}

/// Every NodePool is read or said: a name that is no string is an error (a note in a chart's
/// template), a limit that is no quantity is an error rather than no limit, and a NodePool in
/// a `kind: List` (what `kubectl get -o yaml` writes) is read, in a walk too.
#[test]
fn a_nodepool_is_never_dropped_without_a_word() {
    let one = |name: &str, text: &str| {
        let c = run(
            Input {
                sources: vec![SourceFile::new(name, text)],
                format: Format::Auto,
            },
            &Settings::default(),
        );
        (findings(&c), c)
    };
    let pool = |name: &str, cpu: &str| {
        format!(
            "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: {name}\nspec:\n  limits:\n    cpu: {cpu}\n  template:\n    spec:\n      nodeClassRef: {{group: karpenter.azure.com, kind: AKSNodeClass, name: default}}\n"
        )
    };
    let (got, _) = one("list-name.yaml", &pool("[a, b]", "\"40\""));
    assert!(
        got.contains(&"plan-schema error list-name.yaml:4:9 this Karpenter manifest's `metadata.name` is a list, not a string".to_string()),
        "{got:#?}"
    );
    let (got, _) = one("upper.yaml", &pool("HUGE", "\"40\""));
    assert!(
        got.iter()
            .any(|f| f.starts_with("plan-schema error upper.yaml:4:9 `HUGE` is no Kubernetes name")),
        "{got:#?}"
    );
    let (got, _) = one("chart.yaml", &pool("{{ .Values.name }}", "\"40\""));
    assert!(
        got.iter()
            .any(|f| f
                .starts_with("unresolved-input note chart.yaml:4:9 this Karpenter manifest is a template")),
        "{got:#?}"
    );
    let (got, _) = one("cpu-map.yaml", &pool("okname", "{x: 1}"));
    assert!(
        got.iter().any(|f| f.starts_with("plan-schema error cpu-map.yaml:7:10 NodePool `okname`: limits.cpu must be a quantity, not a mapping")),
        "{got:#?}"
    );
    let listed = format!(
        "apiVersion: v1\nkind: List\nitems:\n  - {}",
        pool("inlist", "\"40\"").replace('\n', "\n    ").trim_end()
    );
    let (got, _) = one("list.yaml", &listed);
    assert!(
        got.iter()
            .any(|f| f.contains("NodePool `inlist` bounds its nodes at 21")),
        "{got:#?}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("list.yaml"), &listed).unwrap();
    let out = crate::common::cniplan(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("NodePool `inlist`"));
}
