//! Capacity figures agree with ../shared/bench/reference.py, the plain Python peer, on the
//! walkthrough, the capacity fixtures and generated plans: usable, baseline and peak demand,
//! utilization, IPs per node, peak and max nodes per pool, and the exhaustion's phase and step.
//!
//! The peer lives beside the repository (../shared); CI always has it. Outside CI, a missing
//! peer skips this test with a message rather than failing a fresh clone.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared_bench() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench");
    if dir.join("reference.py").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have ../shared/bench/reference.py beside the repository"
    );
    eprintln!("skipping: ../shared/bench/reference.py is not beside this repository");
    None
}

fn python(args: &[&str]) -> String {
    let out = Command::new("python3").args(args).output().expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The fields both sides print, in a comparable shape.
fn comparable(row: &Value) -> Value {
    let exhaustion = match &row["exhaustion"] {
        Value::Null => Value::Null,
        e => serde_json::json!({"phase": e["phase"], "step": e["step"]}),
    };
    let pools: Vec<Value> = row["pools"]
        .as_array()
        .expect("pools")
        .iter()
        .map(|p| {
            serde_json::json!({"cluster": p["cluster"], "pool": p["pool"], "ips_per_node": p["ips_per_node"],
                               "peak_nodes": p["peak_nodes"], "max_nodes": p["max_nodes"]})
        })
        .collect();
    serde_json::json!({
        "vnet": row["vnet"], "name": row["name"], "cidr": row["cidr"], "usable": row["usable"],
        "baseline_demand": row["baseline_demand"], "peak_demand": row["peak_demand"],
        "utilization": row["utilization"], "pools": pools, "exhaustion": exhaustion,
    })
}

fn assert_agrees(bench: &Path, plan: &Path) {
    let peer: Value = serde_json::from_str(&python(&[
        bench.join("reference.py").to_str().unwrap(),
        plan.to_str().unwrap(),
    ]))
    .expect("peer prints JSON");
    let text = std::fs::read_to_string(plan).unwrap();
    let ours = cniplan::check_source(cniplan::source::SourceFile::new(plan.display().to_string(), text));
    let ours: Vec<Value> = ours
        .subnets
        .iter()
        .map(|r| comparable(&serde_json::to_value(r).unwrap()))
        .collect();
    let theirs: Vec<Value> = peer["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(comparable)
        .collect();
    assert_eq!(ours.len(), theirs.len(), "{}: subnet rows", plan.display());
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(
            a,
            b,
            "{}: cniplan (left) and reference.py (right) differ",
            plan.display()
        );
    }
}

/// The peer models the seed's feature and traditional Azure CNI, not the other network modes
/// (overlay, kubenet, bring-your-own CNI, static block): their fixtures carry hand-computed
/// figures in tests/fixtures/capacity.json instead.
fn peer_models(plan: &Path) -> bool {
    let text = std::fs::read_to_string(plan).unwrap_or_default();
    let other_mode = |line: &str| {
        let line = line.split('#').next().unwrap_or("").trim();
        line.starts_with("network_plugin: kubenet")
            || line.starts_with("network_plugin: none")
            || line.starts_with("network_plugin_mode:")
            || line.starts_with("pod_ip_allocation_mode: StaticBlock")
    };
    !text.lines().any(other_mode)
}

#[test]
fn capacity_agrees_with_the_python_peer() {
    let Some(bench) = shared_bench() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plans = vec![root.join("examples/aks-dynamic-ip/plan.yaml")];
    let fixtures = root.join("tests/fixtures");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let capacity_rule = [
            "pod-subnet-exhausted",
            "node-subnet-exhausted",
            "subnet-headroom",
            "pod-subnet-too-large",
            "clean",
        ]
        .iter()
        .any(|r| name.starts_with(r));
        if capacity_rule && name.ends_with(".yaml") && peer_models(&path) {
            plans.push(path);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("cluster.yaml", vec!["cluster", "--pools", "5", "--nodes", "1000"]),
        (
            "cluster-small.yaml",
            vec!["cluster", "--pools", "3", "--nodes", "40"],
        ),
        (
            "estate.yaml",
            vec!["estate", "--vnets", "40", "--subnets", "12", "--overlaps", "3"],
        ),
    ] {
        let mut full = vec![bench.join("gen_plan.py").to_str().unwrap().to_string()];
        full.extend(args.iter().map(|a| a.to_string()));
        let refs: Vec<&str> = full.iter().map(String::as_str).collect();
        let path = dir.path().join(name);
        std::fs::write(&path, python(&refs)).unwrap();
        plans.push(path);
    }
    plans.sort();
    for plan in &plans {
        assert_agrees(&bench, plan);
    }
    assert!(plans.len() >= 4);
}
