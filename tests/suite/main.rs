//! The integration tests, as one test binary: each module is one part of what a user meets
//! (the CLI, each input format, each output, the rules' fixtures and pages, the house's own
//! checks). One binary links the crate once, where one per file linked it 35 times.
//! Two stay apart: tests/linear_work.rs counts allocations with a global allocator of its
//! own, which other tests' threads would disturb here, and tests/heavy.rs holds the inputs at
//! the size limits, run by the release build.

mod common;

mod answers;
mod arm_as_azure_reads_it;
mod automatic;
mod bad_input;
mod bicep_bad_input;
mod bicep_pairs;
mod bicep_real;
mod capacity_output;
mod churn;
mod cli;
mod compare;
mod defaults;
mod directives;
mod docs;
mod estate;
mod fix_property;
mod fixes;
mod fixtures;
mod identity;
mod imported;
mod ipv6;
mod karpenter;
mod large_plan;
mod layers;
mod output;
mod packaging;
mod reach;
mod real_inputs;
mod reference_peer;
mod render_formats;
mod report;
mod report_output;
mod rule_messages;
mod rule_pages;
mod safe_output;
mod schema;
mod surfaces;
mod survey_real;
mod terraform;
mod terraform_azapi;
mod terraform_bad_input;
mod terraform_cli;
mod terraform_hcl;
mod terraform_real;
mod terraform_tfjson;
mod unknowns;
mod upgrade_settings;
