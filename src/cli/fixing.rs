//! `check --fix` and `--diff`: the verified fixes of one input applied to its files in memory,
//! checked again, and applied again while new verified fixes appear (a fix can make room for
//! another), at most [`MAX_ROUNDS`] times; then the files that changed, and the report of
//! what remains.

use super::reading::{Prepared, Reading};
use crate::check::{Checked, FileReport};
use crate::config::Settings;
use crate::diagnostic::Applicability;
use crate::input::{Editable, Input};
use crate::source::edit::{apply, TextEdit};
use crate::source::SourceFile;

/// Rounds of fixing one input: each applies every verified fix of the check before it.
const MAX_ROUNDS: usize = 4;

/// One file `--fix` changes.
pub struct Changed {
    pub path: String,
    pub before: String,
    pub after: String,
}

/// An input after fixing.
pub struct Fixed {
    /// The check of the fixed files.
    pub report: FileReport,
    /// The check of the files as read, for when they cannot be written.
    pub unfixed: Option<FileReport>,
    pub changed: Vec<Changed>,
    /// Findings whose fix was applied.
    pub applied: usize,
    /// Findings left with an unsafe fix (not applied without `--unsafe-fixes`).
    pub unsafe_left: usize,
    /// Findings left with a fix that lies in a file a tool writes (a Terraform plan's JSON,
    /// an az export), named for the message.
    pub unwritable: Vec<String>,
    /// Findings left with a fix in a file out of the run's reach (`source::reach`), named
    /// for the message: `--fix` writes no file outside it.
    pub outside: Vec<String>,
}

pub fn fix(
    how: &Reading,
    paths: &[String],
    settings: &Settings,
    allowed: Applicability,
) -> Result<Fixed, String> {
    let input = match how.prepare(paths)? {
        Prepared::Input(input) => input,
        Prepared::NotText(report) => {
            return Ok(Fixed {
                report,
                unfixed: None,
                changed: Vec::new(),
                applied: 0,
                unsafe_left: 0,
                unwritable: Vec::new(),
                outside: Vec::new(),
            })
        }
    };
    let format = input.format;
    let (mut editable, _) = crate::check::editable(&input);
    // A file out of the run's reach is never written (source::reach): its fixes are checked
    // and said, as for a file a tool writes.
    let mut outside: Vec<String> = Vec::new();
    for (e, s) in editable.iter_mut().zip(&input.sources) {
        if *e == Editable::Write
            && s.path != crate::render::STDIN_PATH
            && !s.text.is_empty()
            && !crate::source::reach::writable(std::path::Path::new(&s.path))
        {
            *e = Editable::Check;
            outside.push(s.path.clone());
        }
    }
    let originals: Vec<SourceFile> = input.sources.clone();
    let mut sources = originals.clone();
    let mut checked: Checked = crate::check::run(input, settings);
    let mut applied = 0;
    let mut unfixed = None;
    for _ in 0..MAX_ROUNDS {
        let findings = &checked.report.findings;
        let edits = crate::fix::edits(findings, allowed, &editable);
        if edits.is_empty() {
            break;
        }
        let Some(edited) = edited(&sources, &edits) else {
            break;
        };
        unfixed.get_or_insert_with(|| checked.report.clone());
        applied += findings
            .iter()
            .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.applicability <= allowed))
            .filter(|f| writable(f, &editable))
            .count();
        sources = edited;
        checked = crate::check::run(
            Input {
                sources: sources.clone(),
                format,
            },
            settings,
        );
    }
    let findings = &checked.report.findings;
    let unsafe_left = findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.applicability > allowed))
        .count();
    let mut unwritable: Vec<String> = findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.applicability <= allowed))
        .filter(|f| !writable(f, &editable))
        .filter_map(|f| f.fix.as_ref()?.chosen()?.edits.first())
        .filter_map(|e| originals.get(e.span.file as usize).map(|s| s.path.clone()))
        .collect();
    unwritable.sort();
    unwritable.dedup();
    let (outside, unwritable): (Vec<String>, Vec<String>) =
        unwritable.into_iter().partition(|p| outside.contains(p));
    let changed = originals
        .iter()
        .zip(&sources)
        .filter(|(a, b)| a.text != b.text)
        .map(|(a, b)| Changed {
            path: a.path.clone(),
            before: a.text.clone(),
            after: b.text.clone(),
        })
        .collect();
    Ok(Fixed {
        report: checked.report,
        unfixed,
        changed,
        applied,
        unsafe_left,
        unwritable,
        outside,
    })
}

/// Whether every edit of a finding's fix lies in a file a fix may write.
fn writable(f: &crate::diagnostic::Finding, editable: &[Editable]) -> bool {
    f.fix.as_ref().and_then(|fix| fix.chosen()).is_some_and(|c| {
        c.edits
            .iter()
            .all(|e| editable.get(e.span.file as usize) == Some(&Editable::Write))
    })
}

/// The sources with `edits` applied; `None` if two collide (the verification never keeps
/// such fixes together, so this is a guard, not a path).
fn edited(sources: &[SourceFile], edits: &[TextEdit]) -> Option<Vec<SourceFile>> {
    let mut out = sources.to_vec();
    for (i, source) in out.iter_mut().enumerate() {
        let mine: Vec<&TextEdit> = edits.iter().filter(|e| e.file as usize == i).collect();
        if mine.is_empty() {
            continue;
        }
        let text = apply(&source.text, &mine)?;
        *source = SourceFile::new(source.path.clone(), text);
    }
    Some(out)
}
