//! The baseline of BENCHMARKS.md: a bare serde_yaml parse of a plan into `serde_yaml::Value`,
//! nothing else. Run: `cargo run --release --example bare-parse -- PLAN.yaml`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare-parse PLAN.yaml");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    match serde_yaml::from_str::<serde_yaml::Value>(&text) {
        Ok(value) => {
            std::hint::black_box(&value);
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
