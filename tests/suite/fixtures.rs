//! Every plan (or ARM template) under tests/fixtures/ against its `.expected` file: one finding per line as
//! `LINE:COLUMN SEVERITY RULE`, derived by hand from SPEC §4 (not generated from output).

use cniplan::source::SourceFile;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut plans: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        // ARM templates (json) hold the rules of imported input; capacity.json is data.
        .filter(|p| match p.extension().and_then(|e| e.to_str()) {
            Some("yaml") => true,
            Some("json") => fs::read_to_string(p).is_ok_and(|t| cniplan::input::arm::is_template(&t)),
            _ => false,
        })
        .collect();
    plans.sort();
    plans
}

fn actual(plan: &Path) -> String {
    let text = fs::read_to_string(plan).expect("fixture is UTF-8");
    let report = cniplan::check_source(SourceFile::new(plan.display().to_string(), text));
    report
        .findings
        .iter()
        .map(|f| {
            let at = report
                .source
                .position(f.span.expect("fixture findings have a place").start);
            format!("{at} {} {}\n", f.severity, f.rule.name())
        })
        .collect()
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    let plans = fixtures();
    assert!(plans.len() >= 14, "one fixture per addressing rule at least");
    for plan in &plans {
        let expected_path = plan.with_extension("expected");
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no .expected beside it", plan.display()));
        let got = actual(plan);
        if got.trim() != expected.trim() {
            failures.push(format!(
                "{}\n  expected:\n{}\n  got:\n{}",
                plan.display(),
                indent(&expected),
                indent(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_addressing_rule_has_a_fixture() {
    // Rules that fire only on imported input have their fixtures under terraform/.
    let terraform = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform"))
        .expect("tests/fixtures/terraform exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tfplan.json"));
    let names: Vec<String> = fixtures()
        .into_iter()
        .chain(terraform)
        .map(|p| {
            p.file_stem()
                .unwrap()
                .to_string_lossy()
                .split("--")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    for rule in cniplan::diagnostic::Rule::ALL {
        assert!(
            names.iter().any(|n| n == rule.name()),
            "no fixture for {}",
            rule.name()
        );
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// Capacity figures computed by hand for the capacity fixtures (tests/fixtures/capacity.json).
#[test]
fn capacity_fixtures_have_their_hand_computed_figures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let cases: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("capacity.json")).expect("capacity.json"))
            .expect("JSON");
    let cases = cases.as_array().expect("a list of cases");
    assert!(cases.len() >= 8);
    for case in cases {
        let fixture = case["fixture"].as_str().unwrap();
        let text = fs::read_to_string(dir.join(fixture)).unwrap();
        let report = cniplan::check_source(SourceFile::new(fixture, text));
        let row = report
            .subnets
            .iter()
            .find(|r| r.name == case["subnet"].as_str().unwrap())
            .unwrap_or_else(|| panic!("{fixture}: no row for subnet {}", case["subnet"]));
        assert_eq!(row.usable, case["usable"].as_u64().unwrap(), "{fixture}: usable");
        assert_eq!(
            row.baseline_demand,
            case["baseline_demand"].as_u64().unwrap(),
            "{fixture}: baseline"
        );
        assert_eq!(
            row.peak_demand,
            case["peak_demand"].as_u64().unwrap(),
            "{fixture}: peak"
        );
        // The exhaustion point: its step and the four figures of that step (SPEC §3).
        let got = row.exhaustion.as_ref().map(|e| {
            (
                e.phase.to_string(),
                e.step,
                [e.nodes, e.pods, e.demand, e.stranded_ips],
            )
        });
        let want = case["exhaustion"].as_object().map(|e| {
            let figure = |key: &str| {
                e[key]
                    .as_u64()
                    .unwrap_or_else(|| panic!("{fixture}: exhaustion.{key}"))
            };
            (
                e["phase"].as_str().unwrap().to_string(),
                figure("step"),
                [
                    figure("nodes"),
                    figure("pods"),
                    figure("demand"),
                    figure("stranded_ips"),
                ],
            )
        });
        assert_eq!(got, want, "{fixture}: exhaustion");
        // Optional: the row's role, each pool's IPs (or /24 slots) per node, and how many
        // rows the plan has (a bring-your-own CNI cluster has no pod-cidr row).
        if let Some(role) = case.get("role").and_then(|r| r.as_str()) {
            assert_eq!(row.role.as_str(), role, "{fixture}: role");
        }
        if let Some(per_node) = case.get("ips_per_node").and_then(|p| p.as_object()) {
            for (pool, ips) in per_node {
                let got = row.pools.iter().find(|p| &p.pool == pool).map(|p| p.ips_per_node);
                assert_eq!(got, ips.as_u64(), "{fixture}: ips_per_node of {pool}");
            }
        }
        if let Some(rows) = case.get("rows").and_then(|r| r.as_u64()) {
            assert_eq!(report.subnets.len() as u64, rows, "{fixture}: rows");
        }
    }
}

/// The registry declares every severity a rule can emit (issue 20): over every fixture, each
/// finding's severity is its rule's default or its declared other one.
#[test]
fn every_finding_has_a_severity_its_rule_declares() {
    let mut strays = Vec::new();
    for plan in fixtures() {
        let text = fs::read_to_string(&plan).expect("fixture is UTF-8");
        let report = cniplan::check_source(SourceFile::new(plan.display().to_string(), text));
        for f in &report.findings {
            let declared = [Some(f.rule.default_severity()), f.rule.other_severity()];
            if !declared.contains(&Some(f.severity)) {
                strays.push(format!("{}: {} {}", plan.display(), f.rule.name(), f.severity));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "severities the registry does not declare: {strays:?}"
    );
}
