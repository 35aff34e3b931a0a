//! The layers run one way: inputs → plan → topology → capacity, rules, churn, size → `check`
//! (the entry every command goes through) → commands and renderers. No module below `check`
//! names it outside its tests: what they share (the loaded `capacity::Model`) lives in the
//! layer that computes it.

use std::path::{Path, PathBuf};

/// The modules below `check`.
const BELOW_CHECK: [&str; 12] = [
    "capacity",
    "churn",
    "size",
    "topology",
    "input",
    "plan",
    "diagnostic",
    "source",
    "limits",
    "mode",
    "rules",
    "overlap",
];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn no_module_below_check_uses_it_outside_its_tests() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for module in BELOW_CHECK {
        let mut found = Vec::new();
        files(&src.join(module), &mut found);
        files(&src.join(format!("{module}.rs")), &mut found);
        for file in found {
            if file
                .file_name()
                .is_some_and(|n| n == "tests.rs" || n.to_string_lossy().ends_with("_tests.rs"))
            {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            if code.contains("crate::check") {
                offenders.push(file.display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "these use `check` from below it: {offenders:?}"
    );
}
