//! Benchmarks over ../shared/bench/gen_plan.py workloads:
//! - the scenario on `cluster` (5 pools × 1,000 nodes, one cluster at AKS's limits), and the
//!   pods-per-node sweep over it;
//! - `check` end to end on `estate` (2,000 VNets × 50 subnets, 2,000 clusters, about 6.5 MB).
//!
//! Run: `cargo bench` (needs python3 and ../shared beside the repository).

use cniplan::source::SourceFile;
use cniplan::{capacity, check_source, input, simulate, topology};
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;
use std::process::Command;

fn generated(args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_plan.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(args)
        .output()
        .expect("python3 runs gen_plan.py");
    assert!(
        out.status.success(),
        "gen_plan.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 plan")
}

fn scenario(c: &mut Criterion) {
    let source = SourceFile::new(
        "cluster.yaml",
        generated(&["cluster", "--pools", "5", "--nodes", "1000"]),
    );
    let loaded = input::cniplan::read(&source).unwrap_or_else(|_| panic!("the generated plan loads"));
    let (topology, _) = topology::resolve(loaded.plan, None);
    c.bench_function("scenario: cluster, 5 pools x 1,000 nodes", |b| {
        b.iter(|| capacity::simulate(std::hint::black_box(&topology)))
    });
    c.bench_function("sweep pods-per-node: cluster, 5 pools x 1,000 nodes", |b| {
        b.iter(|| simulate::sweep_pods_per_node(std::hint::black_box(&topology)))
    });
}

fn check_estate(c: &mut Criterion) {
    let text = generated(&["estate", "--vnets", "2000", "--subnets", "50"]);
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("estate, 2,000 VNets x 50 subnets", |b| {
        b.iter(|| check_source(SourceFile::new("estate.yaml", text.clone())))
    });
    group.finish();
}

criterion_group!(benches, scenario, check_estate);
criterion_main!(benches);
