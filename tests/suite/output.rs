//! What users read, pinned: the human and the JSON output of every fixture plan under
//! tests/fixtures/ and every example plan under examples/, one snapshot per plan and format
//! in tests/snapshots/. A changed message fails `cargo test` until its new snapshot is
//! accepted (docs/development.md, Tests).

use cniplan::render::{render, Format, HumanOptions};
use cniplan::source::SourceFile;
use std::path::Path;
use std::sync::Mutex;

/// insta counts a glob's failures on one stack shared by every thread: two globs running at
/// once could report each other's failures, so they take turns.
static GLOB: Mutex<()> = Mutex::new(());

/// The output of `cniplan check --color never PLAN` at 100 columns, in human and JSON form,
/// with PLAN the path from the repository's root, as a user in it would type it.
fn snapshot(plan: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shown = plan
        .strip_prefix(root.canonicalize().expect("the repository exists"))
        .unwrap_or(plan)
        .to_string_lossy()
        .replace('\\', "/");
    let text = std::fs::read_to_string(plan).expect("plan is UTF-8");
    let reports = [cniplan::check_source(SourceFile::new(shown, text))];
    let human = HumanOptions {
        color: false,
        quiet: false,
        width: 100,
    };
    insta::assert_snapshot!("human", render(&reports, Format::Human, &human));
    insta::assert_snapshot!("json", render(&reports, Format::Json, &human));
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    // Beside the fixtures, as when this file was a test binary of its own.
    settings.set_snapshot_path("../snapshots");
    settings.set_omit_expression(true);
    settings
}

#[test]
fn every_fixture_reads_as_its_snapshot() {
    let _turn = GLOB.lock().unwrap_or_else(|e| e.into_inner());
    settings().bind(|| insta::glob!("../fixtures", "*.yaml", snapshot));
}

#[test]
fn every_example_reads_as_its_snapshot() {
    let _turn = GLOB.lock().unwrap_or_else(|e| e.into_inner());
    settings().bind(|| insta::glob!("../../examples", "**/*.yaml", snapshot));
}

/// A snapshot outlives its plan only by mistake: each one names a plan that still exists.
#[test]
fn every_snapshot_has_its_plan() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut snapshots = 0;
    for entry in std::fs::read_dir(root.join("tests/snapshots")).expect("tests/snapshots exists") {
        let name = entry.expect("readable entry").file_name();
        let name = name.to_string_lossy();
        let Some(stem) = name.strip_suffix(".snap") else {
            continue;
        };
        let (format, plan) = stem.split_once('@').expect("FORMAT@PLAN.snap");
        assert!(["human", "json"].contains(&format), "{name}: format");
        let plan = match plan.split_once("__") {
            Some((dir, file)) => root.join("examples").join(dir).join(file),
            None => root.join("tests/fixtures").join(plan),
        };
        assert!(plan.is_file(), "{name}: no plan {}", plan.display());
        snapshots += 1;
    }
    assert!(snapshots >= 2 * 55, "{snapshots} snapshots");
}
