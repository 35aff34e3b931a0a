//! Bad input is normal input: every file under tests/bad-input/ (and the large ones generated
//! here) ends in a located diagnostic or in exit 2 with a message — in human and JSON output,
//! within a time bound, never in a panic, and with no control character on the terminal.

use crate::common;

use common::measure::Run;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input")
}

/// Peak memory of one small bad input: far above what any of them needs (about 10 MB),
/// far below what an unbounded expansion would take.
const MEMORY_LIMIT_KB: i64 = 512 * 1024;

/// Runs `cniplan check --format FORMAT --color never PATH` (see [`common::measure::run`]).
fn check(path: &Path, format: &str, limit: Duration) -> Run {
    let args = ["check", "--format", format, "--color", "never"];
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.push(path.as_os_str());
    common::measure::run(&all, limit)
}

/// The contract every run keeps, whatever the input.
fn assert_contract(path: &Path, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "{}: panic: {stderr}",
        path.display()
    );
    match out.status.code() {
        Some(0) | Some(1) => {}
        Some(2) => assert!(
            stderr.starts_with("cniplan: "),
            "{}: exit 2 without a message",
            path.display()
        ),
        other => panic!("{}: exit {other:?}: {stderr}", path.display()),
    }
}

/// Whatever the input holds, human output writes no control character (but its own line
/// breaks) and no bidi override to the terminal: each is shown as `\u{1b}`.
fn assert_terminal_safe(path: &Path, out: &Output) {
    for bytes in [&out.stdout, &out.stderr] {
        if let Some(c) = common::raw_hidden(bytes) {
            panic!("{}: raw {c:?} in human output", path.display());
        }
    }
}

/// (exit code, rule, "line:column") of the first JSON diagnostic.
fn first_finding(path: &Path, limit: Duration) -> (i32, String, String) {
    let human = check(path, "human", limit);
    assert_contract(path, &human.output);
    assert_terminal_safe(path, &human.output);
    let json = check(path, "json", limit);
    assert_contract(path, &json.output);
    let peak_kb = human.peak_kb.max(json.peak_kb);
    let (human, out) = (human.output, json.output);
    assert!(
        peak_kb <= memory_limit_kb(path),
        "{}: peak memory {peak_kb} KB",
        path.display()
    );
    assert_eq!(
        human.status.code(),
        out.status.code(),
        "{}: exit code by format",
        path.display()
    );
    let code = out.status.code().unwrap();
    if code == 2 {
        return (2, "-".into(), "-".into());
    }
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let diagnostics = v["files"][0]["diagnostics"].as_array().expect("diagnostics");
    for d in diagnostics {
        assert!(
            d["line"].as_u64().is_some() && d["column"].as_u64().is_some(),
            "{}: {d}",
            path.display()
        );
    }
    match diagnostics.first() {
        None => (code, "-".into(), "-".into()),
        Some(d) => (
            code,
            d["rule"].as_str().unwrap().to_string(),
            format!("{}:{}", d["line"], d["column"]),
        ),
    }
}

#[test]
fn every_bad_file_ends_in_its_expected_diagnostic() {
    let manifest = std::fs::read_to_string(corpus().join("expected.txt")).unwrap();
    let mut listed = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [file, exit, rule, at] = fields[..] else {
            panic!("bad manifest line: {line}")
        };
        listed.push(file.to_string());
        let got = first_finding(&corpus().join(file), Duration::from_secs(20));
        assert_eq!(
            got,
            (exit.parse().unwrap(), rule.to_string(), at.to_string()),
            "{file}"
        );
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "expected.txt")
        .collect();
    on_disk.sort();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every file in tests/bad-input/ has a line in expected.txt"
    );
}

/// Inputs too large to keep in the repository, written on the fly.
#[test]
fn generated_hostile_inputs_end_in_diagnostics_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, i32, &str)> = vec![
        (
            "deep-flow.yaml",
            format!(
                "version: 1\nvnets: {}{}\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
            .into_bytes(),
            1,
            "plan-syntax",
        ),
        (
            "deep-map.yaml",
            format!("version: 1\nvnets: {}\n", "{a: ".repeat(100_000)).into_bytes(),
            1,
            "plan-syntax",
        ),
        (
            "deep-block.yaml",
            format!("version: 1\nvnets:\n{}x\n", "- ".repeat(100_000)).into_bytes(),
            1,
            "plan-syntax",
        ),
        (
            "huge-name.yaml",
            format!(
                "version: 1\nvnets:\n  - name: {}\n    address_space: [10.0.0.0/8]\n",
                "v".repeat(10_000_000)
            )
            .into_bytes(),
            0,
            "-",
        ),
        // A used subnet's name of 4 MB: the capacity table cuts it short, so the human output
        // takes no longer than the JSON (it took the table quadratic time in the name's length).
        (
            "huge-used-name.yaml",
            format!(
                "version: 1\nvnets:\n  - name: vnet\n    address_space: [10.0.0.0/8]\n    subnets:\n\
                 \x20     - name: {name}\n        cidr: 10.240.0.0/16\nclusters:\n  - name: aks\n\
                 \x20   network_plugin: azure\n    service_cidr: 172.16.0.0/16\n    dns_service_ip: 172.16.0.10\n\
                 \x20   node_pools:\n      - name: np\n        node_count: 2\n        max_pods: 30\n\
                 \x20       vnet_subnet: {name}\n",
                name = "s".repeat(4_000_000)
            )
            .into_bytes(),
            0,
            "-",
        ),
        // One line of 100 KB: positions and the human snippet must cope (miette cannot pad
        // past 65,535 columns; the renderer falls back to path:line:column).
        (
            "long-line.yaml",
            format!(
                "version: 1\nvnets: [{{name: a, address_space: [10.0.0.1/8], subnets: [{}]}}]\n",
                (0..3000)
                    .map(|i| format!("{{name: s{i}, cidr: 10.{}.{}.0/24}}", i / 256, i % 256))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .into_bytes(),
            1,
            "cidr-host-bits",
        ),
        (
            "random-50mb.bin",
            pseudo_random_bytes(50 * 1024 * 1024),
            1,
            "plan-syntax",
        ),
        // Terraform plan JSON nested past the JSON reader's depth bound.
        (
            "deep.tfplan.json",
            format!(
                "{{\"format_version\": \"1.2\", \"planned_values\": {}{}}}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
            .into_bytes(),
            1,
            "plan-syntax",
        ),
        // Modules nested past it too: configuration module_calls 1,000 deep.
        (
            "deep-modules.tfplan.json",
            [
                "{\"format_version\": \"1.2\", \"resource_changes\": [], \"configuration\": {\"root_module\": ",
                &"{\"module_calls\": {\"m\": {\"module\": ".repeat(1000),
                "{}",
                &"}}}".repeat(1000),
                "}}",
            ]
            .concat()
            .into_bytes(),
            1,
            "plan-syntax",
        ),
        // A list of aliases, each standing for a VNet of 2,000 subnets: serde would build
        // millions of values from 60 KB; the alias allowance stops it first.
        (
            "alias-amplification.yaml",
            alias_amplification().into_bytes(),
            1,
            "plan-syntax",
        ),
    ];
    for (name, bytes, exit, rule) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, got_rule, _) = first_finding(&path, Duration::from_secs(30));
        assert_eq!((code, got_rule.as_str()), (exit, rule), "{name}");
    }
}

fn alias_amplification() -> String {
    let mut text = String::from(
        "version: 1\nvnets:\n  - &v\n    name: big\n    address_space: [10.0.0.0/8]\n    subnets:\n",
    );
    for i in 0..2000 {
        text.push_str(&format!(
            "      - {{name: s{i}, cidr: 10.{}.{}.0/24}}\n",
            i / 256,
            i % 256
        ));
    }
    for _ in 0..3000 {
        text.push_str("  - *v\n");
    }
    text
}

/// Large generated inputs are allowed memory in proportion to their size.
fn memory_limit_kb(path: &Path) -> i64 {
    let size_kb = std::fs::metadata(path).map_or(0, |m| m.len() as i64 / 1024);
    MEMORY_LIMIT_KB.max(size_kb * 48)
}

fn pseudo_random_bytes(n: usize) -> Vec<u8> {
    // xorshift: reproducible noise without a dependency.
    let mut x: u64 = 0x2026_1126_cafe_f00d;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// `simulate --format json` of a plan whose demand passes 2^63 addresses (4,294,967,295 nodes
/// of as many max pods) wrote `free` as a number JSON has no integer for, and panicked (found by
/// the `structured_plan` fuzz target): `free` stops at i64's end.
#[test]
fn simulate_json_of_absurd_counts_is_written_not_a_panic() {
    let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/8]\n    subnets:\n      - name: nodes\n        cidr: 10.0.0.0/16\n      - name: pods\n        cidr: 10.1.0.0/16\nclusters:\n  - name: c\n    network_plugin: azure\n    node_pools:\n      - name: p\n        node_count: 4294967295\n        max_pods: 4294967295\n        vnet_subnet: nodes\n        pod_subnet: pods\n";
    let out = common::stdin_plan(&["simulate", "--format", "json", "-"], plan);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = common::json(&out);
    let frees: Vec<i64> = v["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["steps"].as_array().unwrap())
        .map(|step| step["free"].as_i64().unwrap())
        .collect();
    assert!(frees.contains(&i64::MIN), "{frees:?}");
}
