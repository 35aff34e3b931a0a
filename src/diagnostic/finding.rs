//! What every stage reports: a rule, a severity, a message at a place in an input.

use super::{Fix, Rule, Severity, Span};

/// A second place that explains a finding: the other side of an overlap, the first of two
/// duplicate names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub message: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    /// What the user can do about it.
    pub help: Option<Box<str>>,
    /// The offending value; `None` only for findings with no place in the file.
    pub span: Option<Span>,
    pub related: Vec<Related>,
    /// The imported resource it is about: its Terraform address or Azure resource ID
    /// (docs/json-output.md), since names repeat across resource groups; `None` in cniplan plans.
    pub resource: Option<Box<str>>,
    /// A change of the plan that resolves it: candidates from the rule, then, once the check
    /// has verified them, the one that held (its help is then the finding's `help`).
    pub fix: Option<Box<Fix>>,
}

impl Finding {
    /// A finding at the rule's default severity.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            help: None,
            span: Some(span),
            related: Vec::new(),
            resource: None,
            fix: None,
        }
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// The fix's candidates; a fix without any is none. `help` stays what is shown when no
    /// candidate holds, so it names no value.
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = (!fix.candidates.is_empty()).then(|| Box::new(fix));
        self
    }

    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            message: message.into(),
            span,
        });
        self
    }

    /// Sort key: file, place in the file, then rule, so output is stable run to run.
    pub fn sort_key(&self) -> (u32, usize, usize, Rule, &str) {
        let span = self.span.unwrap_or_default();
        (span.file, span.start, span.end, self.rule, &self.message)
    }
}
