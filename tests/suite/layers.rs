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

/// The text with its comments and the contents of its string and character literals
/// blanked (newlines kept), so that the braces and paths left are the code's own.
fn blank(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank_range = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |i: usize| i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(b.len(), |n| i + n);
                blank_range(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (mut depth, mut j) = (0usize, i);
                while j < b.len() {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                blank_range(&mut out, i, j);
                i = j;
            }
            // r"…", r#"…"#, br"…": up to the same number of `#` after the closing quote.
            b'r' if !ident(i) || (b[i - 1] == b'b' && !ident(i - 1)) => {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let open = i + 2 + hashes;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = text[open..].find(&close).map_or(b.len(), |n| open + n);
                blank_range(&mut out, open, end);
                i = (end + close.len()).min(b.len());
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                blank_range(&mut out, i + 1, j.min(b.len()));
                i = j + 1;
            }
            // A character literal ('{', '\'', 'é'); a lifetime ('a) is left as it is.
            b'\'' => {
                let literal = if b.get(i + 1) == Some(&b'\\') {
                    text[i + 3..].find('\'').map(|n| i + 3 + n)
                } else {
                    text[i + 1..]
                        .chars()
                        .next()
                        .map(|c| i + 1 + c.len_utf8())
                        .filter(|&j| b.get(j) == Some(&b'\''))
                };
                match literal {
                    Some(j) => {
                        blank_range(&mut out, i + 1, j);
                        i = j + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).expect("only ASCII bytes were written over whole characters")
}

/// Where the item that starts at `from` ends: after its `;`, or after the brace that closes
/// its body.
fn item_end(code: &str, from: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in code[from..].char_indices() {
        match c {
            ';' if depth == 0 => return from + i + 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return from + i + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// The code of a file without its comments and literals, and without each `#[cfg(test)]`
/// item (an inline test module, a `mod tests;`, a test helper): what follows one is read.
fn code(file: &Path) -> String {
    let mut code = blank(&std::fs::read_to_string(file).unwrap());
    while let Some(at) = code.find("#[cfg(test)]") {
        let end = item_end(&code, at + "#[cfg(test)]".len());
        code.replace_range(at..end, &" ".repeat(end - at));
    }
    code
}

/// How deep a file's module is: `src/check.rs` 1, `src/input/mod.rs` 1,
/// `src/input/arm/template.rs` 3. That many `super::` from it reach the crate's root.
fn depth(src: &Path, file: &Path) -> usize {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let parts = relative.components().count();
    if file.file_name().is_some_and(|n| n == "mod.rs") {
        parts - 1
    } else {
        parts
    }
}

/// The paths of ours a file names, as far as two segments: `capacity`, `capacity::allocator`;
/// from `crate::`, and from `super::` climbed up to the crate's root (`depth` of them).
fn paths(code: &str, depth: usize) -> BTreeSet<String> {
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let two = |rest: &str| -> String {
        let first = word(rest);
        let after = &rest[first.len()..];
        let second = after.strip_prefix("::").map(word).unwrap_or_default();
        if second.is_empty() {
            first
        } else {
            format!("{first}::{second}")
        }
    };
    // `crate::` or `super::` begins a path unless a name or `::` is just before it.
    let starts_path =
        |at: usize| !code[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':');
    let mut roots = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if starts_path(at) {
            roots.push(at + "crate::".len());
        }
    }
    for (at, _) in code.match_indices("super::") {
        if !starts_path(at) {
            continue;
        }
        let mut end = at;
        let mut climbed = 0;
        while code[end..].starts_with("super::") {
            end += "super::".len();
            climbed += 1;
        }
        if depth > 0 && climbed >= depth {
            roots.push(end);
        }
    }
    let mut found = BTreeSet::new();
    for start in roots {
        let rest = &code[start..];
        let Some(group) = rest.strip_prefix('{') else {
            found.insert(two(rest));
            continue;
        };
        // `use crate::{a, b::c, d::{e, f}}`: the first segments of each item.
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
                    found.insert(two(&group[i..]));
                }
                _ => {}
            }
        }
    }
    found
}

/// Every path of ours each top-level module's production code names, with the file, and
/// the module it reaches (re-exports followed): `(module, file, path, target)`.
fn imports() -> Vec<(String, String, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let all = modules(&src);
    let reexports = reexports(&src);
    let mut out = Vec::new();
    for module in &all {
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
            for path in paths(&code(&file), depth(&src, &file)) {
                let first = path.split("::").next().unwrap_or_default();
                // `crate::check_source` is `check` under another name (lib.rs re-exports it).
                let target = reexports
                    .iter()
                    .find(|(name, _)| name == first)
                    .map_or(first, |(_, m)| m.as_str())
                    .to_string();
                if &target == module || !all.contains(&target) {
                    continue;
                }
                let shown = file.strip_prefix(&src).unwrap_or(&file).display().to_string();
                out.push((module.clone(), shown, path, target));
            }
        }
    }
    out
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    for module in modules(&src) {
        if allowed(&module).is_none() {
            offenders.push(format!(
                "{module}: not in tests/suite/layers.rs (nor ARCHITECTURE.md)"
            ));
        }
    }
    for (module, file, path, target) in imports() {
        let Some(mut may) = allowed(&module) else {
            continue;
        };
        may.extend(VOCABULARY);
        let excepted = EXCEPTIONS
            .iter()
            .any(|(from, to, _)| *from == module && path.starts_with(to));
        if !excepted && !may.contains(&target.as_str()) {
            offenders.push(format!("{file}: uses crate::{path}"));
        }
    }
    assert!(
        offenders.is_empty(),
        "imports against the layers (ARCHITECTURE.md):\n{}",
        offenders.join("\n")
    );
}

/// A cycle among `edges` (module → module it uses), as the modules around it, if any.
fn cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeSet<(String, String)>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|m| m == node) {
            let mut around = stack[at..].to_vec();
            around.push(node.to_string());
            return Some(around);
        }
        if !done.insert(node.to_string()) {
            return None;
        }
        stack.push(node.to_string());
        for (_, to) in edges.iter().filter(|(from, _)| from == node) {
            if let Some(found) = visit(to, edges, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for (from, _) in edges {
        let mut stack = Vec::new();
        if let Some(found) = visit(from, edges, &mut done, &mut stack) {
            return Some(found);
        }
    }
    None
}

/// The import graph of `src/` as the code writes it (exceptions included) has no cycle, and
/// neither has the table of what each module may use: a new row cannot close one.
#[test]
fn the_import_graph_has_no_cycle() {
    let written: BTreeSet<(String, String)> = imports()
        .into_iter()
        .map(|(module, _, _, target)| (module, target))
        .collect();
    assert!(!written.is_empty(), "the scan found no import at all");
    if let Some(around) = cycle(&written) {
        panic!("the modules of src/ import in a cycle: {}", around.join(" → "));
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut table = BTreeSet::new();
    for module in modules(&src) {
        for to in allowed(&module).unwrap_or_default().into_iter().chain(VOCABULARY) {
            if to != module && !(VOCABULARY.contains(&module.as_str()) && VOCABULARY.contains(&to)) {
                table.insert((module.clone(), to.to_string()));
            }
        }
    }
    for (from, to, _) in EXCEPTIONS {
        let to = to.split("::").next().unwrap_or_default();
        table.insert((from.to_string(), to.to_string()));
    }
    if let Some(around) = cycle(&table) {
        panic!("tests/suite/layers.rs allows a cycle: {}", around.join(" → "));
    }
}

/// The scanner finds what it must, so the tests above cannot pass by reading nothing: every
/// form of path, `super::` up to the root, code after a test module, and nothing from
/// comments, strings or tests.
#[test]
fn imports_are_found_in_every_form() {
    let sample = "use crate::capacity::allocator::Batching;\nuse crate::{check, render::{self, Format}};\n\
                fn f() { crate::size::auto::place(t) }";
    let found: Vec<String> = paths(sample, 1).into_iter().collect();
    assert_eq!(found, ["capacity::allocator", "check", "render", "size::auto"]);
    // From src/input/arm/mod.rs (depth 2), `super::super::` is the crate's root.
    let climbed =
        "use super::super::check::run;\nuse super::{json, Loaded};\nuse super::super::{fix, cli::args};";
    let found: Vec<String> = paths(climbed, 2).into_iter().collect();
    assert_eq!(found, ["check::run", "cli::args", "fix"]);
    // Neither a comment, nor a string, nor a test item counts; the code after one does.
    let dir = std::env::temp_dir().join(format!("cniplan-layers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample.rs");
    std::fs::write(
        &file,
        "//! see crate::cli\nconst URL: &str = \"https://example.com/{\"; // crate::render\n\
         const Q: char = '{';\nconst R: &str = r#\"crate::fix \"{\"#;\nfn a<'a>(x: &'a str) -> &'a str { x }\n\
         #[cfg(test)]\nmod tests { use crate::report; fn t() { let _ = \"}\"; } }\n\
         #[cfg(test)]\nmod more;\nfn after() { crate::compare::run() }\n/* crate::churn /* nested */ */\n",
    )
    .unwrap();
    let found: Vec<String> = paths(&code(&file), 1).into_iter().collect();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found, ["compare::run"]);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    assert_eq!(depth(&src, &src.join("check.rs")), 1);
    assert_eq!(depth(&src, &src.join("input/mod.rs")), 1);
    assert_eq!(depth(&src, &src.join("input/arm/template.rs")), 3);
    // A cycle is found, and a chain is not one.
    let edges = |pairs: &[(&str, &str)]| -> BTreeSet<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        cycle(&edges(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(cycle(&edges(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    // Every exception is still needed: one that no longer is should go.
    for (from, to, why) in EXCEPTIONS {
        assert!(
            imports()
                .iter()
                .any(|(module, _, path, _)| module == from && path.starts_with(to)),
            "{from} no longer uses {to} ({why}): drop the exception"
        );
    }
}
