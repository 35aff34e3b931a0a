//! The yardstick of the Bicep estate benchmark (issue 22): every `.bicep` file under a
//! directory read and parsed once by tree-sitter-bicep (the grammar on crates.io), on one
//! thread, nothing else: no modules followed, no translation, no evaluation, no checks. A
//! file the grammar does not accept is reported, so the yardstick is known to have read it.
//! Run: `cargo run --release --example bare-parse-bicep -- DIR`.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "bicep") {
            files.push(path);
        }
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bare-parse-bicep DIR");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    let mut parser = tree_sitter::Parser::new();
    if let Err(e) = parser.set_language(&tree_sitter_bicep::LANGUAGE.into()) {
        eprintln!("tree-sitter-bicep: {e}");
        std::process::exit(2);
    }
    let mut nodes = 0usize;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("cannot read {}: {e}", path.display());
            std::process::exit(2);
        });
        let Some(tree) = parser.parse(&text, None) else {
            eprintln!("{}: not parsed", path.display());
            std::process::exit(1);
        };
        let root = tree.root_node();
        if root.has_error() {
            eprintln!("{}: tree-sitter-bicep finds a syntax error", path.display());
            std::process::exit(1);
        }
        nodes += root.descendant_count();
        std::hint::black_box(&tree);
    }
    std::hint::black_box(nodes);
}
