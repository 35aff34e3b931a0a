//! The baseline of the Terraform monorepo benchmark (issue 24): every `.tf` file under a
//! directory read and parsed once by hcl-edit (the parser cniplan's reader uses), on one
//! thread, nothing else: no module calls followed, no evaluation, no checks.
//! Run: `cargo run --release --example bare-parse-hcl -- DIR`.

use std::path::Path;

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "tf") {
            files.push(path);
        }
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bare-parse-hcl DIR");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    let mut bodies = 0usize;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("cannot read {}: {e}", path.display());
            std::process::exit(2);
        });
        match hcl_edit::parser::parse_body(&text) {
            Ok(body) => {
                bodies += body.len();
                std::hint::black_box(&body);
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                std::process::exit(1);
            }
        }
    }
    std::hint::black_box(bodies);
}
