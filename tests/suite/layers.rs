//! The layers run one way, as ARCHITECTURE.md draws them: inputs → typed plan → topology →
//! capacity → the analyses (rules, size, churn, simulate, compare; compare asks the rules) →
//! `fix` (verifying the
//! rules' fixes with a pipeline it is handed) → `check` (the entry
//! every command goes through) → renderers → CLI, with the shared vocabulary in leaf
//! modules. Each top-level module of `src/` may name only the modules its row below allows
//! (its tests aside); the few imports against the flow are listed, each with its reason, so
//! a new one is a decision made here rather than an accident.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The leaves every layer may use: they name nothing but one another.
const VOCABULARY: [&str; 8] = [
    "diagnostic",
    "source",
    "limits",
    "numbers",
    "suggest",
    "overlap",
    "allocator",
    "mode",
];

/// The analyses over a loaded model: siblings, which do not use one another.
const ANALYSES: [&str; 5] = ["rules", "size", "churn", "simulate", "compare"];

/// Each top-level module and the modules of ours it may use besides [`VOCABULARY`].
fn allowed(module: &str) -> Option<Vec<&'static str>> {
    let below_check = ["plan", "input", "topology", "capacity", "config", "suppress"];
    Some(match module {
        "diagnostic" | "source" | "limits" | "numbers" | "suggest" | "overlap" | "allocator" | "mode" => {
            vec![]
        }
        "plan" => vec![],
        "input" => vec!["plan"],
        "topology" => vec!["plan"],
        "capacity" => vec!["plan", "topology"],
        "rules" | "size" | "churn" | "simulate" => vec!["plan", "topology", "capacity"],
        // compare asks the mode rules what they say of a cluster under each mode.
        "compare" => vec!["plan", "topology", "capacity", "rules"],
        // `cniplan report`'s figures, each from the function its own command calls.
        "report" => vec!["topology", "capacity", "churn", "simulate"],
        // Settings and suppressions read their files with the input layer's parsers.
        "config" | "suppress" => vec!["input"],
        // Verified fixes: applied to the sources and checked again through a pipeline that
        // `check` hands in, so `fix` needs nothing of `check` and `check` calls it.
        "fix" => vec!["input"],
        "check" => [&below_check[..], &ANALYSES[..], &["fix"]].concat(),
        "render" => [&below_check[..], &ANALYSES[..], &["report", "check", "fix"]].concat(),
        "cli" => [
            &below_check[..],
            &ANALYSES[..],
            &["report", "check", "render", "fix"],
        ]
        .concat(),
        _ => return None,
    })
}

/// Imports against the flow, each named to the item it reaches for.
const EXCEPTIONS: [(&str, &str, &str); 1] = [(
    "size",
    "rules::resize_help",
    "a pod subnet past the mode's largest gets the capacity rules' help on splitting it",
)];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The top-level modules of `src/`: its directories and its `.rs` files but the roots.
fn modules(src: &Path) -> Vec<String> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            names.insert(name);
        }
    }
    names.remove("lib");
    names.remove("main");
    names.into_iter().collect()
}

/// The names `src/lib.rs` re-exports (`pub use check::{check_source, …}`), each with its module.
fn reexports(src: &Path) -> Vec<(String, String)> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut names = Vec::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.split(['{', '}', ',', ';']) {
            let item = item.trim();
            if !item.is_empty() {
                names.push((item.to_string(), module.to_string()));
            }
        }
    }
    names
}

/// The code of a file outside its tests, without comments.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths of ours a file names, as far as two segments: `capacity`, `capacity::allocator`.
fn paths(code: &str) -> BTreeSet<String> {
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the first segment of each item.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        let first = word(&group[i..]);
                        let after = &group[i + first.len()..];
                        let second = after.strip_prefix("::").map(word).unwrap_or_default();
                        found.insert(if second.is_empty() {
                            first
                        } else {
                            format!("{first}::{second}")
                        });
                    }
                    _ => {}
                }
            }
        } else {
            let first = word(rest);
            let after = &rest[first.len()..];
            let second = after.strip_prefix("::").map(word).unwrap_or_default();
            found.insert(if second.is_empty() {
                first
            } else {
                format!("{first}::{second}")
            });
        }
    }
    found
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let all = modules(&src);
    let reexports = reexports(&src);
    let mut offenders = Vec::new();
    for module in &all {
        let Some(mut may) = allowed(module) else {
            offenders.push(format!(
                "{module}: not in tests/suite/layers.rs (nor ARCHITECTURE.md)"
            ));
            continue;
        };
        may.extend(VOCABULARY);
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
            for path in paths(&code(&file)) {
                let first = path.split("::").next().unwrap_or_default();
                // `crate::check_source` is `check` under another name (lib.rs re-exports it).
                let target = reexports
                    .iter()
                    .find(|(name, _)| name == first)
                    .map_or(first, |(_, m)| m.as_str());
                let excepted = EXCEPTIONS
                    .iter()
                    .any(|(from, to, _)| from == module && path.starts_with(to));
                if target == module || !all.iter().any(|m| m == target) || excepted {
                    continue;
                }
                if !may.contains(&target) {
                    offenders.push(format!(
                        "{}: uses crate::{path}",
                        file.strip_prefix(&src).unwrap_or(&file).display()
                    ));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "imports against the layers (ARCHITECTURE.md):\n{}",
        offenders.join("\n")
    );
}

/// The scanner finds what it must, so the test above cannot pass by reading nothing.
#[test]
fn imports_are_found_in_every_form() {
    let sample = "use crate::capacity::allocator::Batching;\nuse crate::{check, render::{self, Format}};\n\
                fn f() { crate::size::auto::place(t) }";
    let found: Vec<String> = paths(sample).into_iter().collect();
    assert_eq!(found, ["capacity::allocator", "check", "render", "size::auto"]);
    // Every exception is still needed: one that no longer is should go.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (from, to, why) in EXCEPTIONS {
        let mut found = Vec::new();
        files(&src.join(from), &mut found);
        files(&src.join(format!("{from}.rs")), &mut found);
        assert!(
            found
                .iter()
                .any(|f| paths(&code(f)).iter().any(|p| p.starts_with(to))),
            "{from} no longer uses {to} ({why}): drop the exception"
        );
    }
}
