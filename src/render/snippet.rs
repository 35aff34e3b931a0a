//! A finding's source snippet, as miette reads it: the lines around each of the finding's
//! places, with every hidden character escaped (`source::visible_lines`) so that a line of
//! the plan cannot steer the terminal, and the labels moved along with the text they mark.

use crate::diagnostic::{Finding, Span};
use crate::source::SourceFile;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::borrow::Cow;

/// Lines shown above and below each place (miette's default, set here so that the lines
/// escaped are the lines miette asks for).
pub(super) const CONTEXT_LINES: usize = 1;

/// What miette reads for one finding. Offsets are "shown" offsets: those of the file's text
/// with the regions' hidden characters escaped. Without any, they are the file's own.
pub(super) struct Snippet<'a> {
    source: &'a SourceFile,
    path: Cow<'a, str>,
    /// The lines around each place, merged where they touch, in the order of the file.
    regions: Vec<Region<'a>>,
    /// Every character the regions escaped, in the order of the file.
    shifts: Vec<Shift>,
}

/// Whole lines of the file (`start..end`, the line break after them included) as shown.
struct Region<'a> {
    start: usize,
    end: usize,
    text: Cow<'a, str>,
}

/// One escaped character: where it is in the file and in the shown text, and how many bytes
/// the escapes up to and including it added.
struct Shift {
    at: usize,
    shown_at: usize,
    added: usize,
}

impl<'a> Snippet<'a> {
    pub(super) fn new(source: &'a SourceFile, finding: &Finding) -> Self {
        let spans = finding
            .span
            .into_iter()
            .chain(finding.related.iter().map(|r| r.span));
        let mut lines: Vec<(usize, usize)> = spans
            .map(|span| {
                let (from, to, _) = source.lines_around(span.start, span.end, CONTEXT_LINES, CONTEXT_LINES);
                (from, (to + 1).min(source.text.len()))
            })
            .collect();
        lines.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
        for (from, to) in lines {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        let mut shifts = Vec::new();
        let mut added = 0;
        let regions = merged
            .into_iter()
            .map(|(start, end)| {
                let original = &source.text[start..end];
                let text = crate::source::visible_lines_mapped(original, |at, shown| {
                    let width = original[at..].chars().next().map_or(1, char::len_utf8);
                    shifts.push(Shift {
                        at: start + at,
                        shown_at: start + at + added,
                        added: added + shown.len() - width,
                    });
                    added += shown.len() - width;
                });
                Region { start, end, text }
            })
            .collect();
        Snippet {
            source,
            path: crate::source::visible(&source.path),
            regions,
            shifts,
        }
    }

    /// A span of the file as miette takes it: in shown offsets.
    pub(super) fn shown(&self, span: Span) -> (usize, usize) {
        let start = self.to_shown(span.start);
        (start, self.to_shown(span.end) - start)
    }

    fn to_shown(&self, offset: usize) -> usize {
        let before = self.shifts.partition_point(|s| s.at < offset);
        offset + before.checked_sub(1).map_or(0, |i| self.shifts[i].added)
    }

    fn to_file(&self, shown: usize) -> usize {
        let before = self.shifts.partition_point(|s| s.shown_at < shown);
        shown - before.checked_sub(1).map_or(0, |i| self.shifts[i].added)
    }

    /// The shown text of `from..to` of the file, from the region that holds it.
    fn text(&self, from: usize, to: usize) -> Option<&[u8]> {
        if self.shifts.is_empty() {
            return Some(&self.source.text.as_bytes()[from..to]);
        }
        let region = self.regions.iter().find(|r| r.start <= from && to <= r.end)?;
        let base = self.to_shown(region.start);
        region
            .text
            .as_bytes()
            .get(self.to_shown(from) - base..self.to_shown(to) - base)
    }
}

/// Snippets are cut with the file's line index: miette's own `str` source counts lines from
/// the top for every finding, which makes thousands of findings in a large file quadratic.
impl SourceCode for Snippet<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = &self.source.text;
        let start = self.to_file(span.offset());
        let end = self.to_file(span.offset() + span.len());
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (line_start, mut to, first_line) = self.source.lines_around(start, end, before, after);
        let (_, _, last_line) = self.source.lines_around(end, end, 0, after);
        // The `\r` of a CRLF line break is no part of the line: miette would print it.
        if to > line_start && text.as_bytes()[to - 1] == b'\r' {
            to -= 1;
        }
        // Without context lines miette reads the header's line:column from here, so the
        // contents start at the span itself, with its column counted in characters.
        let (from, column) = if before == 0 {
            (start, self.source.position(start).column - 1)
        } else {
            (line_start, 0)
        };
        let to = to.max(from);
        let data = self.text(from, to).ok_or(MietteError::OutOfBounds)?;
        let shown_from = self.to_shown(from);
        Ok(Box::new(MietteSpanContents::new_named(
            self.path.to_string(),
            data,
            (shown_from, data.len()).into(),
            self.source.position(from).line - 1,
            column,
            last_line - first_line + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Rule;

    fn read(snippet: &Snippet, span: Span) -> String {
        let (start, len) = snippet.shown(span);
        let contents = snippet.read_span(&(start, len).into(), 0, 0).unwrap();
        String::from_utf8(contents.data().to_vec()).unwrap()
    }

    #[test]
    fn labels_move_along_with_the_escapes_before_them() {
        let text = "a: \u{1b}]0;x\u{7}\nname: \u{202e}pods\nc: 1\n";
        let source = SourceFile::new("p\u{1b}.yaml", text);
        let pods = text.find("pods").unwrap();
        let finding = Finding::new(Rule::PlanSchema, Span::new(pods, pods + 4), "m");
        let snippet = Snippet::new(&source, &finding);
        assert_eq!(read(&snippet, Span::new(pods, pods + 4)), "pods");
        let all = snippet.read_span(&(0, 0).into(), 1, 1).unwrap();
        let shown = String::from_utf8(all.data().to_vec()).unwrap();
        assert_eq!(shown, "a: \\u{1b}]0;x\\u{7}\nname: \\u{202e}pods");
        assert_eq!(all.name(), Some("p\\u{1b}.yaml"));
    }

    #[test]
    fn a_clean_file_is_read_as_it_is() {
        let source = SourceFile::new("p", "a: 1\r\nb: 2\r\nc: 3");
        let finding = Finding::new(Rule::PlanSchema, Span::new(6, 7), "m");
        let snippet = Snippet::new(&source, &finding);
        assert!(snippet.shifts.is_empty());
        assert_eq!(snippet.shown(Span::new(6, 7)), (6, 1));
        // The CRLF of the last line shown is left out, as miette would print its `\r`.
        let contents = snippet.read_span(&(0, 1).into(), 0, 1).unwrap();
        assert_eq!(contents.data(), b"a: 1\r\nb: 2");
    }
}
