//! A change of the plan that resolves a finding: the values to write and whether writing them
//! may make Azure recreate a resource. A rule attaches candidates (best first); the check's
//! verification (`src/fix/`) keeps the first one that, applied and checked again, removes its
//! finding and adds no error or warning, or none.

use super::Span;

/// Whether a fix may be applied without asking (`check --fix`), or only with
/// `--unsafe-fixes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Changes nothing Azure has deployed: the value as written cannot have deployed (Azure
    /// refuses it), or it is cniplan's own (a plan key, `pods_per_node`).
    Safe,
    /// Changes a value that Azure may already hold and cannot change in place: a cluster's
    /// service or pod CIDR, a pool's max_pods or subnet, an existing subnet's prefix.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One value to change. A value written in the plan is replaced where it is written, and only
/// where the source writes exactly `old` as a literal (quoted or not, as it was): a value
/// computed by an expression, a variable or a YAML alias is left alone. A value the plan does
/// not write (a default) is written as a new key `insert` beside its owner's value at `span`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    /// The value as the source writes it now (without quotes); empty for an insertion.
    pub old: Box<str>,
    /// The value to write, as plan text (`10.1.0.0/19`, `250`, `address_space`).
    pub new: Box<str>,
    /// The key to write for a defaulted value (cniplan plans only), e.g. `service_cidr`.
    pub insert: Option<&'static str>,
}

impl Edit {
    /// `old` → `new` where `old` is written at `span`.
    pub fn replace(span: Span, old: impl ToString, new: impl ToString) -> Self {
        Edit {
            span,
            old: old.to_string().into(),
            new: new.to_string().into(),
            insert: None,
        }
    }

    /// `key: new` beside the owner's value at `span`, for a value the plan leaves unwritten.
    pub fn insert(owner: Span, key: &'static str, new: impl ToString) -> Self {
        Edit {
            span: owner,
            old: "".into(),
            new: new.to_string().into(),
            insert: Some(key),
        }
    }

    /// Replaces a written value, or writes a defaulted one beside its owner.
    pub fn set(
        span: Span,
        defaulted: bool,
        key: &'static str,
        old: impl ToString,
        new: impl ToString,
    ) -> Self {
        if defaulted {
            Edit::insert(span, key, new)
        } else {
            Edit::replace(span, old, new)
        }
    }
}

/// One way to resolve a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// What it does, short: "set `service_cidr: 10.0.0.0/20` and `dns_service_ip: 10.0.0.10`".
    pub title: Box<str>,
    /// The finding's help once this candidate holds: the value and why.
    pub help: Box<str>,
    pub edits: Vec<Edit>,
}

/// The candidates of a finding (best first), all of one applicability. After verification a
/// finding keeps a fix only with the one candidate that held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub candidates: Vec<Candidate>,
}

/// How many candidates a rule offers at most: each costs the verification a check.
pub const MAX_CANDIDATES: usize = 4;

impl Fix {
    pub fn new(applicability: Applicability) -> Self {
        Fix {
            applicability,
            candidates: Vec::new(),
        }
    }

    /// Adds a candidate unless it repeats one or the list is full.
    pub fn candidate(mut self, title: impl Into<String>, help: impl Into<String>, edits: Vec<Edit>) -> Self {
        let known = self.candidates.iter().any(|c| c.edits == edits);
        if !known && !edits.is_empty() && self.candidates.len() < MAX_CANDIDATES {
            self.candidates.push(Candidate {
                title: title.into().into(),
                help: help.into().into(),
                edits,
            });
        }
        self
    }

    /// The candidate verification kept (the first).
    pub fn chosen(&self) -> Option<&Candidate> {
        self.candidates.first()
    }
}
