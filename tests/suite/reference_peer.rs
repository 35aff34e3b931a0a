//! Capacity figures agree with the plain Python peer (../shared/bench/reference.py) on the
//! walkthrough, the capacity fixtures and generated plans: usable, baseline and peak demand,
//! utilization, IPs per node, peak and max nodes per pool, and the exhaustion's phase and step.
//!
//! The peer's figures are recorded in tests/peer/<case>.json, each naming its plan, so a clone
//! with nothing beside it checks every figure. Where the peer is beside the repository (as in
//! CI), a second test checks that those files are still what it prints;
//! `python3 tests/peer/regenerate.py` rewrites them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Fixtures whose rule is about capacity, by name prefix (as in tests/peer/regenerate.py).
const CAPACITY_FIXTURES: [&str; 5] = [
    "pod-subnet-exhausted",
    "node-subnet-exhausted",
    "subnet-headroom",
    "pod-subnet-too-large",
    "clean",
];

/// Every recorded case: its golden file and what the peer printed for it.
fn golden() -> Vec<(PathBuf, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/peer"))
        .expect("tests/peer exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("golden file");
            let peer = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (file, peer)
        })
        .collect()
}

/// The plan a golden file was recorded from, relative to the repository's root.
fn plan_of(peer: &Value) -> &str {
    peer["files"][0]["path"]
        .as_str()
        .expect("the peer names its plan")
}

/// The plan a peer view was written from (its first line says), or the plan itself. SPEC §2
/// now defaults an unwritten max_surge to 10%, where the peer assumes 1 node; regenerate.py
/// gives the peer a copy with the default written out.
fn original_of(plan: &str) -> String {
    let text = std::fs::read_to_string(root().join(plan)).unwrap_or_default();
    text.strip_prefix("# ")
        .and_then(|l| l.split_once(" with SPEC §2's default max_surge written out"))
        .map_or_else(|| plan.to_string(), |(original, _)| original.to_string())
}

/// cniplan's comparable rows of a plan.
fn rows_of(plan: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(root().join(plan)).unwrap_or_else(|e| panic!("plan {plan}: {e}"));
    let report = cniplan::check_source(cniplan::source::SourceFile::new(plan, text));
    report
        .subnets
        .iter()
        .map(|r| comparable(&serde_json::to_value(r).unwrap()))
        .collect()
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

/// The peer models the seed's feature and traditional Azure CNI, not the other network modes
/// (overlay, kubenet, bring-your-own CNI, static block): their fixtures carry hand-computed
/// figures in tests/fixtures/capacity.json instead. tests/peer/regenerate.py skips the same.
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
    let cases = golden();
    for (file, peer) in &cases {
        let plan = plan_of(peer);
        let ours = rows_of(plan);
        // The plan as written reads as the copy the peer was given.
        let original = original_of(plan);
        assert_eq!(
            rows_of(&original),
            ours,
            "{}: {original} and its peer view differ",
            file.display()
        );
        let theirs: Vec<Value> = peer["files"][0]["subnets"]
            .as_array()
            .expect("subnet rows")
            .iter()
            .map(comparable)
            .collect();
        assert_eq!(ours.len(), theirs.len(), "{plan}: subnet rows");
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!(a, b, "{plan}: cniplan (left) and reference.py (right) differ");
        }
    }
    let originals: Vec<String> = cases.iter().map(|(_, peer)| original_of(plan_of(peer))).collect();
    let plans: Vec<&str> = originals.iter().map(String::as_str).collect();
    for plan in [
        "examples/aks-dynamic-ip/plan.yaml",
        "tests/peer/plans/cluster.yaml",
        "tests/peer/plans/estate.yaml",
    ] {
        assert!(plans.contains(&plan), "no golden file for {plan}");
    }
    for entry in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        if name.ends_with(".yaml")
            && CAPACITY_FIXTURES.iter().any(|r| name.starts_with(r))
            && peer_models(&path)
        {
            let plan = format!("tests/fixtures/{name}");
            assert!(
                plans.contains(&plan.as_str()),
                "no golden file for {plan}: run tests/peer/regenerate.py"
            );
        }
    }
}

/// The peer and a Python that can run it (PyYAML), when they are beside the repository.
fn peer() -> Option<PathBuf> {
    let reference = root().join("../shared/bench/reference.py");
    let runs = reference.is_file()
        && Command::new("python3")
            .args(["-c", "import yaml"])
            .status()
            .is_ok_and(|s| s.success());
    if runs {
        return Some(reference);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have ../shared/bench/reference.py beside the repository, and python3 with PyYAML"
    );
    eprintln!(
        "not compared with the live peer: ../shared/bench/reference.py or PyYAML is missing; \
         the recorded figures in tests/peer/ were checked"
    );
    None
}

#[test]
fn golden_files_are_what_the_peer_prints() {
    let Some(reference) = peer() else { return };
    for (file, recorded) in golden() {
        let out = Command::new("python3")
            .arg(&reference)
            .arg(plan_of(&recorded))
            .current_dir(root())
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "reference.py {}: {}",
            plan_of(&recorded),
            String::from_utf8_lossy(&out.stderr)
        );
        let printed: Value = serde_json::from_slice(&out.stdout).expect("the peer prints JSON");
        assert_eq!(
            printed,
            recorded,
            "{} is not what the peer prints now: run `python3 tests/peer/regenerate.py` and review the diff",
            file.display()
        );
    }
}
