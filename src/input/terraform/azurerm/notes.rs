//! The findings of reading imported input (rules/assumed-value.md and
//! rules/unresolved-input.md): `assumed-value` for a value that took its documented default,
//! `unresolved-input` (one per resource) for what nothing in the input can supply, and
//! `plan-schema` for values of the wrong type.

use crate::diagnostic::{Finding, Rule, Span};
use std::collections::HashMap;

#[derive(Default)]
pub struct Notes {
    findings: Vec<Finding>,
    /// Per resource label: where the first unresolved value is, and every reason.
    unresolved: Vec<(String, Span, Vec<String>)>,
    unresolved_at: HashMap<String, usize>,
}

impl Notes {
    /// `label` (a resource address, or the address and the block: `azurerm_kubernetes_cluster.aks
    /// default_node_pool`) took `what` as its default.
    pub fn assumed(&mut self, span: Span, label: &str, what: String) {
        self.findings.push(
            Finding::new(Rule::AssumedValue, span, format!("{label}: {what}"))
                .help("set the value in the configuration to check what will really be deployed"),
        );
    }

    /// Something `label` needs that no input supplies; gathered into one note per resource.
    pub fn unresolved(&mut self, span: Span, label: &str, reason: String) {
        match self.unresolved_at.get(label) {
            Some(&i) => self.unresolved[i].2.push(reason),
            None => {
                self.unresolved_at
                    .insert(label.to_string(), self.unresolved.len());
                self.unresolved.push((label.to_string(), span, vec![reason]));
            }
        }
    }

    /// A value of the wrong type (a hand-edited plan); it is left out.
    pub fn wrong_type(&mut self, span: Span, label: &str, key: &str, expected: &str, got: String) {
        self.findings.push(
            Finding::new(
                Rule::PlanSchema,
                span,
                format!("{label}: `{key}` is {got}, not {expected}"),
            )
            .help("the value is left out; `terraform show -json` writes it as the provider's schema says"),
        );
    }

    /// A finding of its own (a conflict between declarations), kept as is.
    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// A value Terraform itself refuses for the attribute, in its words ("Inappropriate
    /// value for attribute "node_count": a number is required."); it is left out.
    pub fn inappropriate(&mut self, span: Span, label: &str, key: &str, required: &str) {
        self.findings.push(
            Finding::new(
                Rule::PlanSchema,
                span,
                format!("{label}: inappropriate value for attribute \"{key}\": {required}"),
            )
            .help("Terraform refuses this configuration; write the value the attribute takes"),
        );
    }

    pub fn finish(mut self) -> Vec<Finding> {
        for (label, span, reasons) in self.unresolved {
            self.findings.push(
                Finding::new(
                    Rule::UnresolvedInput,
                    span,
                    format!(
                        "{label}: {}; the checks that need it stay silent for this resource",
                        reasons.join("; ")
                    ),
                )
                .help(
                    "check a plan that holds the missing resources too, or `cniplan import` this \
                     input and fill in what it lacks",
                ),
            );
        }
        self.findings
    }
}
