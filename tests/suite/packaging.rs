//! The files that ship cniplan beyond cargo: the wheel's pyproject.toml, the pre-commit hooks
//! (and the mirror's), and the GitHub Action. Read as data, so a renamed input or a version
//! bump that misses one of them fails here rather than for a user.

use clap::ValueEnum;
use serde_yaml::Value;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn yaml(path: &str) -> Value {
    serde_yaml::from_str(&read(path)).unwrap_or_else(|e| panic!("{path} is not YAML: {e}"))
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no string `{key}` in {value:?}"))
}

/// A `key = "value"` line of a TOML file's section, as written there.
fn toml_string(file: &str, key: &str) -> Option<String> {
    let prefix = format!("{key} = \"");
    file.lines()
        .find_map(|line| line.strip_prefix(&prefix)?.strip_suffix('"').map(String::from))
}

#[test]
fn the_wheel_takes_its_version_and_licence_from_cargo() {
    let pyproject = read("pyproject.toml");
    let cargo = read("Cargo.toml");
    assert!(pyproject.contains("build-backend = \"maturin\""));
    assert!(
        pyproject.contains("bindings = \"bin\""),
        "the wheel carries the binary"
    );
    assert!(pyproject.contains("dynamic = [\"version\"]"));
    assert_eq!(toml_string(&pyproject, "version"), None, "no version of its own");
    for key in ["license", "description"] {
        assert_eq!(toml_string(&pyproject, key), toml_string(&cargo, key), "{key}");
    }
    assert_eq!(toml_string(&pyproject, "name").as_deref(), Some("cniplan"));
}

#[test]
fn both_hooks_lint_the_same_files_the_same_way() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    let by_id = |id: &str| {
        hooks
            .iter()
            .find(|h| h["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("no hook {id}"))
    };
    let (rust, python) = (by_id("cniplan"), by_id("cniplan-py"));
    assert_eq!(text(rust, "language"), "rust");
    assert_eq!(text(python, "language"), "python");
    let mirror = yaml("pre-commit-mirror/.pre-commit-hooks.yaml");
    let mirror = &mirror[0];
    assert_eq!(text(mirror, "language"), "python");
    for key in ["entry", "files", "name", "description"] {
        assert_eq!(text(rust, key), text(python, key), "{key}");
        assert_eq!(text(rust, key), text(mirror, key), "{key}");
    }
    assert_eq!(text(rust, "entry"), "cniplan check --force-exclude");
}

#[test]
fn the_mirror_pins_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    let mirror = read("pre-commit-mirror/pyproject.toml");
    assert!(
        mirror.contains(&format!("dependencies = [\"cniplan=={version}\"]")),
        "pre-commit-mirror/pyproject.toml must pin cniplan=={version}"
    );
}

fn action() -> Value {
    yaml("action.yml")
}

fn steps(action: &Value) -> &Vec<Value> {
    action["runs"]["steps"].as_sequence().expect("runs.steps")
}

#[test]
fn the_action_is_composite_with_its_inputs() {
    let action = action();
    for key in ["name", "description", "author"] {
        assert!(!text(&action, key).is_empty(), "{key}");
    }
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = action["inputs"].as_mapping().expect("inputs");
    for name in [
        "paths", "format", "fail-on", "sarif", "version", "summary", "config",
    ] {
        let input = &inputs[name];
        assert!(!text(input, "description").is_empty(), "input {name}");
        assert!(input["default"].is_string(), "input {name} has a default");
        assert_eq!(input["required"].as_bool(), Some(false), "input {name}");
    }
    // Every input is used, and a step that reads one names it as GitHub spells it.
    let all_steps = serde_yaml::to_string(steps(&action)).expect("steps as text");
    for name in inputs.keys().filter_map(Value::as_str) {
        assert!(
            all_steps.contains(&format!("inputs.{name} ")) || all_steps.contains(&format!("inputs.{name}}}")),
            "no step reads input {name}"
        );
    }
    // The default format and fail-on are values cniplan takes.
    let format = text(&inputs["format"], "default");
    assert!(
        cniplan::render::Format::from_str(format, false).is_ok(),
        "{format}"
    );
    for value in cniplan::render::Format::value_variants() {
        let name = value.to_possible_value().expect("a name").get_name().to_string();
        assert!(
            text(&inputs["format"], "description").contains(&name),
            "format {name}"
        );
    }
    assert!(["error", "warning", "note", "never"].contains(&text(&inputs["fail-on"], "default")));
}

#[test]
fn the_actions_scripts_take_inputs_through_env_only() {
    let action = action();
    for step in steps(&action) {
        let name = text(step, "name");
        if let Some(script) = step["run"].as_str() {
            assert_eq!(
                step["shell"].as_str(),
                Some("bash"),
                "{name}: a composite step names its shell"
            );
            // `${{ }}` spliced into a script runs whatever an input holds (script injection).
            assert!(
                !script.contains("${{"),
                "{name}: expressions go in env, not in the script"
            );
        } else {
            assert!(step["uses"].is_string(), "{name}: either run or uses");
        }
    }
}

#[test]
fn the_action_summarises_in_markdown_and_uploads_sarif_when_asked() {
    let action = action();
    let steps = steps(&action);
    let script = |needle: &str| {
        steps
            .iter()
            .find(|s| s["run"].as_str().is_some_and(|r| r.contains(needle)))
            .unwrap_or_else(|| panic!("no step runs {needle}"))
    };
    let summary = script("--format markdown");
    assert!(text(summary, "run").contains("$GITHUB_STEP_SUMMARY"));
    assert!(text(summary, "if").contains("inputs.summary == 'true'"));
    let sarif = script("--format sarif");
    assert!(text(sarif, "if").contains("inputs.sarif == 'true'"));
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    assert!(text(upload, "if").contains("inputs.sarif == 'true'"));
    assert!(text(&upload["with"], "sarif_file").contains("steps.sarif.outputs.file"));
    // The gate runs with the user's format and fail-on; the job fails after the reports.
    let gate = script("--fail-on \"$CNIPLAN_FAIL_ON\"");
    assert_eq!(text(gate, "id"), "check");
    let last = steps.last().expect("steps");
    assert!(text(last, "run").contains("exit \"$CODE\""));
}

/// The release workflow's notes: scripts/release-notes.sh prints a version's CHANGELOG section
/// and refuses a tag without one, so a release cannot go out without its entry.
#[test]
fn a_release_takes_its_notes_from_the_changelog() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/release-notes.sh");
    let cargo = read("Cargo.toml");
    let version = toml_string(&cargo, "version").expect("Cargo.toml has a version");
    let notes = std::process::Command::new("bash")
        .arg(&script)
        .arg(&version)
        .output()
        .expect("bash runs");
    assert!(
        notes.status.success(),
        "{}",
        String::from_utf8_lossy(&notes.stderr)
    );
    let text = String::from_utf8(notes.stdout).expect("UTF-8");
    assert!(text.starts_with("### Added"), "{text}");
    assert!(!text.contains("## [Unreleased]") && !text.contains(&format!("## [{version}]")));
    let missing = std::process::Command::new("bash")
        .arg(&script)
        .arg("99.0.0")
        .output()
        .expect("bash runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no section for 99.0.0"));
    // The workflow checks the tag against the same Cargo.toml line and runs the same script.
    let workflow = read(".github/workflows/release.yml");
    assert!(workflow.contains("bash scripts/release-notes.sh \"${TAG#v}\""));
    assert!(workflow.contains("args: --release --locked --out dist"));
}
