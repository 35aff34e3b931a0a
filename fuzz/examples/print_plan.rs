//! Prints the YAML plan a `structured_plan` input (a corpus file or a crash artifact)
//! stands for, so a crash can be saved and replayed as a plain plan file:
//!
//!     cargo run --example print_plan -- artifacts/structured_plan/crash-...
use arbitrary::{Arbitrary, Unstructured};
use cniplan::diagnostic::Rule;
use cniplan_fuzz::PlanDesc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: print_plan INPUT");
    let bytes = std::fs::read(&path).expect("cannot read the input");
    let u = Unstructured::new(&bytes);
    // libfuzzer-sys builds a target's typed input exactly so: `arbitrary_take_rest`.
    let plan = PlanDesc::arbitrary_take_rest(u).expect("the input makes no plan");
    let rule_names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    print!("{}", plan.to_yaml(&rule_names));
}
