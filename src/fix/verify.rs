//! Each candidate applied to the sources and the input checked again: it holds when its
//! finding is gone and no error or warning appeared that was not there before. First every
//! fix alone (its candidates in order, until one holds), then the fixes together: the safe
//! ones, then the unsafe ones on top, dropping or advancing any that collides with or spoils
//! another, until the set holds as a whole.

use super::literal::Sources;
use crate::diagnostic::{Applicability, Candidate, Edit, Finding, Rule, Severity, Span};
use crate::source::edit::{self, TextEdit};
use crate::source::SourceFile;
use rayon::prelude::*;
use std::collections::HashMap;

/// The checks a verification may run on an input of `bytes` bytes, at most 256: about 4 MB
/// of text read again in all for a plain check (a plan of a few kilobytes has room for every
/// candidate of a few dozen findings, a 1 MB plan for four checks, one over 4 MB for none,
/// so a large estate's check costs what it did), 64 MB when the run writes or prints fixes.
pub fn budget(bytes: usize, fixing: bool) -> usize {
    let text: usize = if fixing { 64 << 20 } else { 4 << 20 };
    (text / bytes.max(1)).min(256)
}

/// Where a finding is: file and byte, or nowhere.
type Place = (u32, usize);

fn place(span: Option<Span>) -> Place {
    span.map_or((u32::MAX, usize::MAX), |s| (s.file, s.start))
}

/// A finding with a fix, and the candidates of it that can be written as byte edits.
struct Item {
    finding: usize,
    rule: Rule,
    at: Place,
    applicability: Applicability,
    /// (candidate index in the fix, its byte edits), in the rule's order.
    candidates: Vec<(usize, Vec<TextEdit>)>,
    /// The candidate being tried.
    current: usize,
    /// The item whose fix this one collided with, when it was dropped for it.
    blocked_by: Option<usize>,
    /// Every candidate was checked alone and none held.
    none_held: bool,
}

impl Item {
    fn edits(&self) -> &[TextEdit] {
        self.candidates
            .get(self.current)
            .map_or(&[], |(_, e)| e.as_slice())
    }
}

/// What a check of applied fixes found.
struct Outcome {
    /// Items whose finding is still there, or with an error or warning at a value they wrote.
    persisting: Vec<usize>,
    /// An error or warning that was not there before.
    added: bool,
    /// Every item whose finding is gone (those not applied included).
    gone: Vec<usize>,
}

impl Outcome {
    fn holds(&self) -> bool {
        self.persisting.is_empty() && !self.added
    }
}

pub struct Verifier<'a, F> {
    sources: &'a Sources<'a>,
    recheck: &'a F,
    items: Vec<Item>,
    /// Errors and warnings before any fix, by (rule, severity, place).
    before: HashMap<(Rule, Severity, Place), usize>,
    /// The input did not load (a syntax or schema error): the rules never ran, so only the
    /// reading's own findings can be added by a fix.
    unloaded: bool,
    runs_left: usize,
    /// The items whose findings the last set that held removed.
    gone: Vec<usize>,
}

impl<'a, F> Verifier<'a, F>
where
    F: Fn(Vec<SourceFile>) -> Vec<Finding> + Sync,
{
    pub fn new(sources: &'a Sources<'a>, findings: &[Finding], recheck: &'a F, runs: usize) -> Self {
        let mut before = HashMap::new();
        for f in findings.iter().filter(|f| f.severity >= Severity::Warning) {
            *before.entry((f.rule, f.severity, place(f.span))).or_default() += 1;
        }
        let unloaded = findings
            .iter()
            .any(|f| f.severity == Severity::Error && matches!(f.rule, Rule::PlanSyntax | Rule::PlanSchema));
        let items = findings
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let fix = f.fix.as_deref()?;
                let candidates: Vec<(usize, Vec<TextEdit>)> = fix
                    .candidates
                    .iter()
                    .enumerate()
                    .filter_map(|(c, candidate)| Some((c, rendered(sources, candidate)?)))
                    .collect();
                (!candidates.is_empty()).then_some(Item {
                    finding: i,
                    rule: f.rule,
                    at: place(f.span),
                    applicability: fix.applicability,
                    candidates,
                    current: 0,
                    blocked_by: None,
                    none_held: false,
                })
            })
            .collect();
        Verifier {
            sources,
            recheck,
            items,
            before,
            unloaded,
            runs_left: runs,
            gone: Vec::new(),
        }
    }

    /// Every fix alone, then together; the findings come back with the candidate that held
    /// (as byte edits, its help the finding's) or without a fix.
    pub fn run(mut self, mut findings: Vec<Finding>) -> Vec<Finding> {
        let alone = self.alone();
        let mut accepted: Vec<usize> = Vec::new();
        for class in [Applicability::Safe, Applicability::Unsafe] {
            let pending: Vec<usize> = alone
                .iter()
                .copied()
                .filter(|&i| self.items[i].applicability == class)
                .collect();
            self.together(&mut accepted, pending);
        }
        let kept: std::collections::HashSet<usize> = accepted.iter().copied().collect();
        for (i, item) in self.items.iter().enumerate() {
            let finding = &mut findings[item.finding];
            let Some(fix) = finding.fix.as_deref_mut() else {
                continue;
            };
            if !kept.contains(&i) {
                finding.fix = None;
                if item.none_held {
                    let help = finding.help.as_deref().unwrap_or("fix it by hand");
                    let tried = match item.candidates.len() {
                        1 => "the value cniplan tried leaves".to_string(),
                        n => format!("none of the {n} values cniplan tried leaves"),
                    };
                    finding.help = Some(format!("{help} ({tried} the plan without new findings)").into());
                } else if let Some(other) = item.blocked_by {
                    let at = self.items[other].at;
                    if let Some(source) = self.sources.files.get(at.0 as usize) {
                        let line = source.position(at.1).line;
                        let help = finding.help.as_deref().unwrap_or("fix it by hand");
                        let then = if self.gone.contains(&i) {
                            format!("the fix at line {line} removes this finding too")
                        } else {
                            format!("cniplan suggests a value once the fix at line {line} is applied")
                        };
                        finding.help = Some(format!("{help}; {then}").into());
                    }
                }
                continue;
            }
            let (index, edits) = &item.candidates[item.current];
            let chosen: &Candidate = &fix.candidates[*index];
            let chosen = Candidate {
                title: chosen.title.clone(),
                help: chosen.help.clone(),
                edits: edits.iter().map(|e| byte_edit(self.sources, e)).collect(),
            };
            finding.help = Some(chosen.help.clone());
            fix.candidates = vec![chosen];
        }
        for finding in &mut findings {
            if finding.fix.as_ref().is_some_and(|f| f.candidates.len() != 1) {
                finding.fix = None;
            }
        }
        findings
    }

    /// Each item's candidates in turn, in waves (every item's first, then the second of those
    /// that failed, …), each wave's checks on every core. A wave larger than the checks left
    /// is cut in item order, so the outcome never depends on timing. The items that hold.
    fn alone(&mut self) -> Vec<usize> {
        let mut holding = Vec::new();
        let mut trying: Vec<usize> = (0..self.items.len()).collect();
        // A quarter of the checks stays for the fixes together.
        let reserve = self.runs_left / 4;
        while !trying.is_empty() && self.runs_left > reserve {
            trying.truncate(self.runs_left - reserve);
            self.runs_left -= trying.len();
            let results: Vec<bool> = trying
                .par_iter()
                .map(|&i| self.outcome(&[i]).is_some_and(|o| o.holds()))
                .collect();
            let mut next = Vec::new();
            for (&i, held) in trying.iter().zip(results) {
                if held {
                    holding.push(i);
                } else if self.items[i].current + 1 < self.items[i].candidates.len() {
                    self.items[i].current += 1;
                    next.push(i);
                } else {
                    self.items[i].none_held = true;
                }
            }
            trying = next;
        }
        holding.sort_unstable();
        holding
    }

    /// Adds `pending` to `accepted` (which holds as a set) as far as the set keeps holding.
    fn together(&mut self, accepted: &mut Vec<usize>, mut pending: Vec<usize>) {
        while !pending.is_empty() {
            pending = self.without_collisions(accepted, pending);
            if let ([], [only]) = (&accepted[..], &pending[..]) {
                // One fix alone held already.
                accepted.push(*only);
                return;
            }
            if pending.is_empty() || self.runs_left == 0 {
                return;
            }
            let all: Vec<usize> = accepted.iter().chain(&pending).copied().collect();
            self.runs_left -= 1;
            let Some(outcome) = self.outcome(&all) else { return };
            if outcome.holds() {
                self.gone = outcome.gone;
                accepted.extend(pending);
                return;
            }
            // A fix whose own finding stayed is the culprit; else the first whose addition
            // spoils the set, found by halving.
            let offender = match outcome.persisting.iter().find(|i| pending.contains(i)) {
                Some(&i) => i,
                None => {
                    let Some(k) = self.first_spoiling(accepted, &pending) else {
                        return;
                    };
                    accepted.extend(pending.drain(..k));
                    pending[0]
                }
            };
            pending.retain(|&i| i != offender);
            if self.advance(offender) {
                // Tried again in its place, with its next candidate.
                let at = pending.partition_point(|&i| i < offender);
                pending.insert(at, offender);
            }
        }
    }

    /// Items of `pending` whose edits collide with those of `accepted` or of an earlier
    /// pending item are moved to their next candidate, or dropped. Identical edits do not
    /// collide: two findings may share one fix.
    fn without_collisions(&mut self, accepted: &[usize], pending: Vec<usize>) -> Vec<usize> {
        let mut taken: Vec<(TextEdit, usize)> = accepted
            .iter()
            .flat_map(|&i| self.items[i].edits().iter().map(move |e| (e.clone(), i)))
            .collect();
        let mut kept = Vec::new();
        for i in pending {
            loop {
                let collision = self.items[i].edits().iter().find_map(|e| {
                    taken
                        .iter()
                        .find(|(t, _)| t != e && t.collides(e))
                        .map(|(_, owner)| *owner)
                });
                match collision {
                    None => {
                        taken.extend(self.items[i].edits().iter().map(|e| (e.clone(), i)));
                        kept.push(i);
                        break;
                    }
                    Some(owner) => {
                        if !self.advance(i) {
                            self.items[i].blocked_by = Some(owner);
                            break;
                        }
                    }
                }
            }
        }
        kept
    }

    /// The least `k` such that `accepted` with `pending[..=k]` no longer holds, by halving
    /// (`accepted` alone holds, all of `pending` with it does not).
    fn first_spoiling(&mut self, accepted: &[usize], pending: &[usize]) -> Option<usize> {
        let (mut holds, mut fails) = (0, pending.len());
        while fails - holds > 1 {
            if self.runs_left == 0 {
                return None;
            }
            self.runs_left -= 1;
            let mid = (holds + fails) / 2;
            let set: Vec<usize> = accepted.iter().chain(&pending[..mid]).copied().collect();
            let outcome = self.outcome(&set)?;
            if outcome.holds() {
                self.gone = outcome.gone;
                holds = mid;
            } else {
                fails = mid;
            }
        }
        Some(fails - 1)
    }

    /// Moves an item to its next candidate that holds alone; false when none is left (or no
    /// check is).
    fn advance(&mut self, i: usize) -> bool {
        while self.items[i].current + 1 < self.items[i].candidates.len() && self.runs_left > 0 {
            self.items[i].current += 1;
            self.runs_left -= 1;
            if self.outcome(&[i]).is_some_and(|o| o.holds()) {
                return true;
            }
        }
        false
    }

    /// The input checked with the current candidates of `items` applied; `None` when their
    /// edits collide.
    fn outcome(&self, items: &[usize]) -> Option<Outcome> {
        let mut by_file: HashMap<u32, Vec<&TextEdit>> = HashMap::new();
        for &i in items {
            for e in self.items[i].edits() {
                let edits = by_file.entry(e.file).or_default();
                if !edits.contains(&e) {
                    edits.push(e);
                }
            }
        }
        let mut files: Vec<SourceFile> = self.sources.files.to_vec();
        for (file, edits) in &mut by_file {
            edits.sort_by_key(|e| (e.start, e.end));
            let source = files.get_mut(*file as usize)?;
            let text = edit::apply(&source.text, edits)?;
            *source = SourceFile::new(source.path.clone(), text);
        }
        let found = (self.recheck)(files);
        let mut before = self.before.clone();
        let mut added = false;
        let mut after: Vec<(Rule, Severity, Place)> = Vec::with_capacity(found.len());
        for f in &found {
            let at = match f.span {
                Some(s) => (
                    s.file,
                    by_file
                        .get(&s.file)
                        .map_or(s.start, |edits| edit::original_offset(edits, s.start)),
                ),
                None => place(None),
            };
            after.push((f.rule, f.severity, at));
            let counted = !self.unloaded || matches!(f.rule, Rule::PlanSyntax | Rule::PlanSchema);
            if f.severity >= Severity::Warning && counted {
                match before.get_mut(&(f.rule, f.severity, at)) {
                    Some(n) if *n > 0 => *n -= 1,
                    _ => added = true,
                }
            }
        }
        let persisting = items
            .iter()
            .copied()
            .filter(|&i| {
                let item = &self.items[i];
                // Its finding where it was, or any error or warning at a value it wrote: a
                // fix's own value must check clean (`10.1.0.0/19` for `10.1.8.0/19` would
                // leave the overlap the rules already read into it).
                after.iter().any(|&(rule, severity, at)| {
                    let written = item
                        .edits()
                        .iter()
                        .any(|e| e.file == at.0 && (at.1 == e.start || (e.start < at.1 && at.1 < e.end)));
                    (rule == item.rule && (at == item.at || written))
                        || (written && severity >= Severity::Warning)
                })
            })
            .collect();
        let gone = (0..self.items.len())
            .filter(|&i| {
                let item = &self.items[i];
                !after
                    .iter()
                    .any(|&(rule, _, at)| rule == item.rule && at == item.at)
            })
            .collect();
        Some(Outcome {
            persisting,
            added,
            gone,
        })
    }
}

/// A candidate's byte edits, identical ones merged; `None` when one cannot be written.
fn rendered(sources: &Sources<'_>, candidate: &Candidate) -> Option<Vec<TextEdit>> {
    let mut edits: Vec<TextEdit> = Vec::with_capacity(candidate.edits.len());
    for e in &candidate.edits {
        let e = sources.render(e)?;
        if edits.iter().any(|d| d != &e && d.collides(&e)) {
            return None;
        }
        if !edits.contains(&e) {
            edits.push(e);
        }
    }
    edits.sort();
    Some(edits)
}

/// A verified edit as the byte edit it is: the bytes it replaces and the text it writes.
fn byte_edit(sources: &Sources<'_>, e: &TextEdit) -> Edit {
    let old = sources
        .files
        .get(e.file as usize)
        .and_then(|s| s.text.get(e.start..e.end))
        .unwrap_or("");
    Edit {
        span: Span::in_file(e.file, e.start, e.end),
        old: old.into(),
        new: e.text.as_str().into(),
        insert: None,
    }
}

#[cfg(test)]
mod tests {
    use super::budget;

    #[test]
    fn a_plain_check_of_a_large_input_verifies_nothing_and_fix_verifies_more() {
        assert_eq!(budget(10_000, false), 256);
        assert_eq!(budget(1 << 20, false), 4);
        // The 6.5 MB estate of BENCHMARKS.md: no check again, so no time added.
        assert_eq!(budget(6_528_288, false), 0);
        assert_eq!(budget(6_528_288, true), 10);
        assert_eq!(budget(0, true), 256);
    }
}
