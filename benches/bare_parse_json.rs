//! The baseline of the Terraform plan and ARM estate benchmarks: a bare serde_json parse of
//! each file into `serde_json::Value`, one after the other on one thread, nothing else (issue
//! 11: `check` of a plan JSON within 2× of this; issue 24: an ARM template and its parameters
//! file likewise). Run: `cargo run --release --example bare-parse-json -- FILE.json...`.

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: bare-parse-json FILE.json...");
        std::process::exit(2);
    }
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
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
}
