//! `--format json`: the stable contract, documented for users in docs/json-output.md.

use super::Summary;
use crate::capacity::rows::SubnetRow;
use crate::check::FileReport;
use crate::diagnostic::Finding;
use crate::source::SourceFile;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;

// The envelope (`files`, each file's three keys, `summary`) is written here, its values by
// serde: an estate's 100,000 capacity rows are serialized in parallel, a batch at a time, and
// written in order. The bytes are those of `serde_json::to_writer_pretty` on the whole.

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    related: Vec<Related<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

/// A verified fix: what it does, whether `--fix` applies it without `--unsafe-fixes`, and its
/// byte edits as places and the text each writes.
#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: &'static str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    content: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// Rows serialized per task: enough to outweigh a task's cost, few enough that a batch of
/// them (tasks × threads) stays a small part of the output in memory.
const ROWS_PER_TASK: usize = 256;

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    let s = Summary::of(reports);
    let summary = JsonSummary {
        files: s.files,
        errors: s.errors,
        warnings: s.warnings,
        notes: s.notes,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\n  \"files\": ")?;
    write_list(&mut out, 2, reports, |out, report| {
        let source = &report.source;
        out.write_all(b"{\n      \"path\": ")?;
        serde_json::to_writer(&mut *out, &source.path)?;
        out.write_all(b",\n      \"diagnostics\": ")?;
        let diagnostics: Vec<Diagnostic> = report.findings.iter().map(|f| diagnostic(source, f)).collect();
        write_pretty(out, 6, &diagnostics)?;
        out.write_all(b",\n      \"subnets\": ")?;
        write_rows(out, 6, &report.subnets)?;
        out.write_all(b"\n    }")
    })?;
    out.write_all(b",\n  \"summary\": ")?;
    write_pretty(&mut out, 2, &summary)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// A JSON list at `indent` spaces, as serde_json's pretty printer writes one.
fn write_list<W: Write, T>(
    out: &mut W,
    indent: usize,
    items: &[T],
    mut item: impl FnMut(&mut W, &T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (i, value) in items.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        out.write_all(&SPACES[..indent + 2])?;
        item(out, value)?;
    }
    out.write_all(b"\n")?;
    out.write_all(&SPACES[..indent])?;
    out.write_all(b"]")
}

/// [`write_list`] of a file's rows, serialized on every core. Each task keeps its buffers
/// from batch to batch: 34 MB of an estate's rows then pass through a few hundred KB.
fn write_rows(out: &mut impl Write, indent: usize, rows: &[SubnetRow]) -> std::io::Result<()> {
    if rows.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let tasks = rayon::current_num_threads() * 4;
    // Per task: the text of its rows, and the scratch one row is printed into.
    let mut buffers: Vec<(Vec<u8>, Vec<u8>)> = vec![Default::default(); tasks];
    for (b, batch) in rows.chunks(ROWS_PER_TASK * tasks).enumerate() {
        buffers
            .par_iter_mut()
            .zip(batch.par_chunks(ROWS_PER_TASK))
            .enumerate()
            .for_each(|(t, ((text, scratch), rows))| {
                text.clear();
                for (i, row) in rows.iter().enumerate() {
                    let first = b == 0 && t == 0 && i == 0;
                    text.extend_from_slice(if first { b"\n" } else { b",\n" });
                    text.extend_from_slice(&SPACES[..indent + 2]);
                    append_pretty(text, scratch, indent + 2, row);
                }
            });
        for (text, _) in &buffers[..batch.len().div_ceil(ROWS_PER_TASK)] {
            out.write_all(text)?;
        }
    }
    out.write_all(b"\n")?;
    out.write_all(&SPACES[..indent])?;
    out.write_all(b"]")
}

const SPACES: &[u8; 16] = b"                ";

/// `value` as serde_json's pretty printer writes it `indent` spaces deep.
fn write_pretty(out: &mut impl Write, indent: usize, value: &impl Serialize) -> std::io::Result<()> {
    let mut text = Vec::new();
    append_pretty(&mut text, &mut Vec::new(), indent, value);
    out.write_all(&text)
}

/// [`write_pretty`] into memory, printing through `scratch` (reused from value to value).
fn append_pretty(out: &mut Vec<u8>, scratch: &mut Vec<u8>, indent: usize, value: &impl Serialize) {
    scratch.clear();
    // Writing into memory cannot fail; a value that does not serialize has no JSON to add.
    if serde_json::to_writer_pretty(&mut *scratch, value).is_err() {
        return;
    }
    // JSON strings escape their line breaks: every one in the text is the printer's.
    let mut lines = scratch.split(|&b| b == b'\n');
    out.extend_from_slice(lines.next().unwrap_or_default());
    for line in lines {
        out.push(b'\n');
        out.extend_from_slice(&SPACES[..indent]);
        out.extend_from_slice(line);
    }
}

fn diagnostic<'a>(source: &SourceFile, f: &'a Finding) -> Diagnostic<'a> {
    let (start, end) = match f.span {
        Some(span) => (Some(source.position(span.start)), Some(source.position(span.end))),
        None => (None, None),
    };
    Diagnostic {
        rule: f.rule.name(),
        severity: f.severity.as_str(),
        message: &f.message,
        help: f.help.as_deref(),
        line: start.map(|p| p.line),
        column: start.map(|p| p.column),
        end_line: end.map(|p| p.line),
        end_column: end.map(|p| p.column),
        related: f.related.iter().map(|r| related(source, r)).collect(),
        resource: f.resource.as_deref(),
        fix: f.fix.as_deref().and_then(|fix| {
            let chosen = fix.chosen()?;
            // Only a fix of this file: the renderer splits an estate by file first.
            if chosen
                .edits
                .iter()
                .any(|e| e.span.file != f.span.map_or(0, |s| s.file))
            {
                return None;
            }
            Some(JsonFix {
                message: &chosen.title,
                applicability: fix.applicability.as_str(),
                edits: chosen
                    .edits
                    .iter()
                    .map(|e| {
                        let (s, end) = (source.position(e.span.start), source.position(e.span.end));
                        JsonEdit {
                            line: s.line,
                            column: s.column,
                            end_line: end.line,
                            end_column: end.column,
                            content: &e.new,
                        }
                    })
                    .collect(),
            })
        }),
    }
}

fn related<'a>(source: &SourceFile, r: &'a crate::diagnostic::Related) -> Related<'a> {
    let (s, e) = (source.position(r.span.start), source.position(r.span.end));
    Related {
        message: &r.message,
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}
