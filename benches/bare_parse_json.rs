//! The baseline of the Terraform plan benchmark: a bare serde_json parse of a plan into
//! `serde_json::Value`, nothing else (issue 11: `check` of a plan JSON within 2× of this).
//! Run: `cargo run --release --example bare-parse-json -- PLAN.json`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare-parse-json PLAN.json");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) => {
            std::hint::black_box(&value);
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
