//! Verified fixes (docs/commands.md, `check --fix`): the rules propose candidate values
//! (`diagnostic::Fix`); here each one is applied to the sources and the input checked again,
//! and only a candidate that removes its finding and adds no error or warning, alone and
//! together with every other fix kept, stays on its finding, its help the finding's help.
//!
//! This module sits beside `check`, which calls [`verify`] at the end of every check with
//! its own pipeline as the `recheck`: so it needs no import of `check`, and the rules stay
//! pure functions of the topology. The work is bounded: findings without candidates cost
//! nothing, a rule offers at most `MAX_CANDIDATES`, and an input gets at most
//! [`verify::budget`] checks, fewer the larger it is (none past 4 MB in a plain check).

mod literal;
mod verify;

use crate::diagnostic::{Applicability, Finding};
use crate::input::comments::Syntax;
use crate::input::Editable;
use crate::source::edit::TextEdit;
use crate::source::SourceFile;
use literal::Sources;

/// The findings of a check of `files` with each fix verified: kept with the one candidate
/// that held (its edits then byte edits of the sources), or removed. `recheck` checks the
/// sources again, edited, as the findings were found (settings and suppressions included);
/// `fixing` (`check --fix`, `--diff`) allows it more checks ([`verify::budget`]).
pub fn verify<F>(
    files: &[SourceFile],
    editable: &[Editable],
    syntaxes: &[Syntax],
    findings: Vec<Finding>,
    fixing: bool,
    recheck: &F,
) -> Vec<Finding>
where
    F: Fn(Vec<SourceFile>) -> Vec<Finding> + Sync,
{
    if findings.iter().all(|f| f.fix.is_none()) {
        return findings;
    }
    let sources = Sources {
        files,
        editable,
        syntaxes,
    };
    let bytes = files.iter().map(|f| f.text.len()).sum();
    let verifier = verify::Verifier::new(&sources, &findings, recheck, verify::budget(bytes, fixing));
    verifier.run(findings)
}

/// The byte edits of the verified fixes up to `allowed` (`Safe`: the safe ones; `Unsafe`:
/// all), in files a fix may write. The verification kept only fixes that hold together, the
/// safe ones as a set of their own too.
pub fn edits(findings: &[Finding], allowed: Applicability, editable: &[Editable]) -> Vec<TextEdit> {
    let mut out: Vec<TextEdit> = findings
        .iter()
        .filter_map(|f| f.fix.as_deref())
        .filter(|fix| fix.applicability <= allowed)
        .filter_map(|fix| fix.chosen())
        // A fix is written whole or not at all.
        .filter(|c| {
            c.edits
                .iter()
                .all(|e| editable.get(e.span.file as usize) == Some(&Editable::Write))
        })
        .flat_map(|c| &c.edits)
        .map(|e| TextEdit {
            file: e.span.file,
            start: e.span.start,
            end: e.span.end,
            text: e.new.to_string(),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A unified diff of one file, `a/PATH` against `b/PATH` as `git diff` writes it, three
/// lines of context; empty when nothing changed.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    let path = path.trim_start_matches("./");
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .missing_newline_hint(true)
        .to_string()
}
