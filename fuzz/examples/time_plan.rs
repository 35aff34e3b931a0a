//! Times each stage of the `structured_plan` target on corpus inputs, slowest first:
//!
//!     cargo run --release --example time_plan -- corpus/structured_plan/*
use arbitrary::{Arbitrary, Unstructured};
use cniplan::diagnostic::Rule;
use cniplan::source::SourceFile;
use cniplan_fuzz::PlanDesc;
use std::time::{Duration, Instant};

fn main() {
    let rule_names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    let mut times: Vec<(Duration, Duration, Duration, String)> = Vec::new();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("cannot read an input");
        let Ok(plan) = PlanDesc::arbitrary_take_rest(Unstructured::new(&bytes)) else {
            continue;
        };
        let text = plan.to_yaml(&rule_names);
        let t = Instant::now();
        let _ = cniplan::check_source(SourceFile::new("p", text.clone()));
        let check = t.elapsed();
        let source = SourceFile::new("p", text);
        let (mut steps, mut sweep) = (Duration::ZERO, Duration::ZERO);
        let checked = cniplan::check::run(cniplan::input::Input::single(source), &Default::default());
        if let Some(model) = &checked.model {
            let t = Instant::now();
            let _ = cniplan::simulate::step_tables(model);
            steps = t.elapsed();
            let t = Instant::now();
            let _ = cniplan::simulate::sweep_pods_per_node(&model.topology);
            sweep = t.elapsed();
        }
        times.push((check, steps, sweep, path));
    }
    let total =
        |f: fn(&(Duration, Duration, Duration, String)) -> Duration| times.iter().map(f).sum::<Duration>();
    println!(
        "{} inputs: check {:?}, step_tables {:?}, sweep {:?}",
        times.len(),
        total(|t| t.0),
        total(|t| t.1),
        total(|t| t.2)
    );
    times.sort_by_key(|t| std::cmp::Reverse(t.0 + t.1 + t.2));
    for (check, steps, sweep, path) in times.iter().take(10) {
        println!("check {check:>10.3?}  steps {steps:>10.3?}  sweep {sweep:>10.3?}  {path}");
    }
}
