//! The two notes of imported input (rules/assumed-value.md, rules/unresolved-input.md), made in
//! one place:
//! `assumed-value` when a value nothing can supply took its documented default, and
//! `unresolved-input` when a check stays silent for a resource because of one. Each
//! resource gets at most one of each, listing every value it concerns.

use crate::diagnostic::{Finding, Rule, Span};

/// At most this many places a note also points at; the message lists every value anyway.
const MAX_RELATED: usize = 5;

/// An assumed-value note about one resource.
pub fn assumed(span: Span, resource: &str, what: &str) -> Finding {
    Finding::new(Rule::AssumedValue, span, format!("{resource}: {what}"))
        .help("give the value in the input (a parameters file, or the resource itself) to check what will be deployed")
}

/// An unresolved-input note about one resource.
pub fn unresolved(span: Span, resource: &str, what: &str) -> Finding {
    Finding::new(Rule::UnresolvedInput, span, format!("{resource}: {what}"))
        .help("checks that need these values skip the resource; give them in the input to check it")
}

#[derive(Clone, Debug)]
struct Item {
    text: String,
    span: Span,
}

/// What is assumed or unresolved about one resource, gathered while it is read.
#[derive(Clone, Debug)]
pub struct Notes {
    /// How messages name the resource: its type and name, or its ID.
    pub label: String,
    /// Where the resource is written: a note with no value of its own points here.
    pub span: Span,
    assumed: Vec<Item>,
    unresolved: Vec<Item>,
}

impl Notes {
    pub fn new(label: impl Into<String>, span: Span) -> Self {
        Notes {
            label: label.into(),
            span,
            assumed: Vec::new(),
            unresolved: Vec::new(),
        }
    }

    pub fn assume(&mut self, span: Span, text: impl Into<String>) {
        push(&mut self.assumed, span, text.into());
    }

    pub fn unresolve(&mut self, span: Span, text: impl Into<String>) {
        push(&mut self.unresolved, span, text.into());
    }

    /// At most one finding per rule, at the first value concerned.
    pub fn findings(self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (items, make) in [
            (self.assumed, assumed as fn(Span, &str, &str) -> Finding),
            (self.unresolved, unresolved),
        ] {
            let Some(first) = items.first() else { continue };
            let text: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
            let mut finding = make(first.span, &self.label, &text.join("; "));
            for item in items.iter().skip(1).take(MAX_RELATED) {
                if item.span != first.span {
                    finding = finding.related(item.span, item.text.clone());
                }
            }
            out.push(finding);
        }
        out
    }
}

fn push(items: &mut Vec<Item>, span: Span, text: String) {
    if !items.iter().any(|i| i.text == text) {
        items.push(Item { text, span });
    }
}

/// Keeps the first of findings that say the same at the same place: a module file deployed
/// by several deployments (AVM's `init` and `idem`) is one text, read once per deployment.
pub fn said_once(findings: &mut Vec<Finding>) {
    let mut said = std::collections::HashSet::new();
    findings.retain(|f| said.insert((f.rule, f.span, f.message.clone())));
}
