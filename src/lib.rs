//! cniplan: a capacity planner and linter for AKS networking with Azure CNI dynamic
//! allocation of pod IPs.
//!
//! One pipeline: text ([`source`]) → plan with spans ([`plan`]) → resolved [`topology`] →
//! [`rules`] → findings → one renderer per format ([`render`]). ARCHITECTURE.md draws the
//! layers, what each module owns, the invariants and where to add a rule, format or mode.

pub mod allocator;
pub mod capacity;
pub mod check;
pub mod churn;
pub mod cli;
pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod input;
pub mod limits;
pub mod mode;
pub mod numbers;
pub mod overlap;
pub mod plan;
pub mod render;
pub mod report;
pub mod rules;
pub mod simulate;
pub mod size;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod topology;

pub use check::{check_source, check_source_with, FileReport};
