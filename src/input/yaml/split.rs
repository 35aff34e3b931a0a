//! A large plan parsed on every core. YAML is one sequential stream to a parser, yet a plan's
//! bulk is two top-level block lists (`vnets:`, `clusters:`) whose items are independent: the
//! text is cut between items into pieces, each piece is parsed (and its items read) as a
//! document of its own on a rayon thread, and the rest of the plan is parsed alone. The
//! result is the [`Document`] a sequential parse gives, spans included.
//!
//! The cut is found by lines, so it is checked rather than trusted: a piece that does not
//! parse, an alias or merge warning anywhere (an anchor may live in another piece), or a
//! rest in which the list's key is not where the cut put it, and the caller parses the text
//! sequentially instead. A cut inside a multi-line quoted scalar or flow collection leaves
//! it unclosed at the end of its piece, which does not parse.

use super::{parse_part, Part};
use crate::diagnostic::Span;
use crate::input::tree::{Document, Node, Value};
use crate::source::SourceFile;
use rayon::prelude::*;
use std::ops::Range;

/// One cut list: its key's line, and the pieces its items are parsed in.
struct List<'k> {
    key: &'k str,
    /// Where the key is written (`vnets` of `vnets:`), at the start of its line.
    key_at: usize,
    /// The items' indentation.
    indent: usize,
    /// From the first item's line to the line after the list, cut between items.
    pieces: Vec<Range<usize>>,
}

/// Parses `source` in pieces of about `piece_bytes`, handing each item of the `streamed`
/// lists to `read`, in order, with the accumulator of its piece and the list's key. Gives
/// the document (each streamed list holding [`Value::Taken`] placeholders) and the
/// accumulators in document order; `None` when the text does not cut cleanly, and the caller
/// parses it whole.
pub fn parse_in_pieces<'a, T: Default + Send>(
    source: &'a SourceFile,
    streamed: &[&str],
    piece_bytes: usize,
    read: impl Fn(&mut T, &str, Node<'a>) + Sync,
) -> Option<(Document<'a>, Vec<T>)> {
    let text = source.text.as_str();
    let lists = cut(text, streamed, piece_bytes.max(1))?;
    let jobs: Vec<(&str, Range<usize>)> = lists
        .iter()
        .flat_map(|l| l.pieces.iter().map(|p| (l.key, p.clone())))
        .collect();
    let (rest, pieces) = rayon::join(
        || parse_rest(text, &lists),
        || {
            jobs.par_iter()
                .map(|(key, range)| parse_piece(text, key, range.clone(), &read))
                .collect::<Option<Vec<_>>>()
        },
    );
    let (mut rest, pieces) = (rest?, pieces?);
    let root = rest.root.as_mut()?;
    let mut pieces = pieces.into_iter();
    let mut accumulators = Vec::with_capacity(jobs.len());
    for list in &lists {
        let mut items = Vec::new();
        let mut span: Option<Span> = None;
        for (seq, acc) in pieces.by_ref().take(list.pieces.len()) {
            span = Some(span.map_or(seq.span, |s| s.to(seq.span)));
            items.extend(match seq.value {
                Value::Seq(placeholders) => placeholders,
                _ => return None,
            });
            accumulators.push(acc);
        }
        let Value::Map(entries) = &mut root.value else {
            return None;
        };
        let mut written = entries.iter_mut().filter(|e| e.key == list.key);
        let (Some(entry), None) = (written.next(), written.next()) else {
            return None;
        };
        if entry.key_span.start != list.key_at || !entry.value.is_null() {
            return None;
        }
        let mut span = span?;
        if list.indent == 0 {
            // Items level with their key form an "indentless" list, which the parser starts
            // after the first item's `-` rather than at it.
            span.start = after_dash(text, span.start);
        }
        entry.value = Node::new(span, Value::Seq(items));
    }
    // The rest's root ended where its text did; the whole's ends with its last value.
    let end = root.entries().iter().map(|e| e.value.place().end).max();
    root.span.end = end.unwrap_or(root.span.end);
    Some((rest, accumulators))
}

/// Parses one piece (a block list at its own indentation), reading each item as it completes.
fn parse_piece<'a, T: Default>(
    text: &'a str,
    key: &str,
    range: Range<usize>,
    read: &(impl Fn(&mut T, &str, Node<'a>) + Sync),
) -> Option<(Node<'a>, T)> {
    let mut acc = T::default();
    let part = Part {
        text: text.get(range.clone())?,
        base: range.start,
        // Under the root mapping: the list sits one level down.
        depth: 1,
        stream_root_items: true,
        multi: false,
    };
    let document = parse_part(part, 0, &[], &mut |_, item| read(&mut acc, key, item))
        .ok()?
        .swap_remove(0);
    let clean = document.aliases.is_empty() && document.warnings.is_empty();
    match document.root {
        Some(
            root @ Node {
                value: Value::Seq(_), ..
            },
        ) if clean => Some((root, acc)),
        _ => None,
    }
}

/// Parses the text outside the cut lists (each list's key stays, with no value), with the
/// spans of the whole text.
fn parse_rest<'a>(text: &str, lists: &[List]) -> Option<Document<'a>> {
    // (offset in the rest, offset in the whole) of each run of text kept.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut rest = String::new();
    let mut from = 0;
    for piece in lists.iter().flat_map(|l| l.pieces.first().zip(l.pieces.last())) {
        let (first, last) = piece;
        runs.push((rest.len(), from));
        rest.push_str(text.get(from..first.start)?);
        from = last.end;
    }
    runs.push((rest.len(), from));
    rest.push_str(text.get(from..)?);
    let whole = Part {
        text: &rest,
        base: 0,
        depth: 0,
        stream_root_items: false,
        multi: false,
    };
    let document = parse_part(whole, 0, &[], &mut |_, _| {}).ok()?.swap_remove(0);
    if !document.aliases.is_empty() || !document.warnings.is_empty() {
        return None;
    }
    let mut root = document.root?.into_owned();
    root.map_spans(&|span| {
        let at = |offset: usize, end: bool| {
            // An end where two runs meet belongs to the run before.
            let run = runs.partition_point(|&(r, _)| if end { r < offset } else { r <= offset });
            let (r, w) = runs[run.saturating_sub(1)];
            w + (offset - r)
        };
        let start = at(span.start, false);
        let end = if span.is_empty() {
            start
        } else {
            at(span.end, true)
        };
        Span::in_file(span.file, start, end)
    });
    Some(Document {
        root: Some(root),
        aliases: Vec::new(),
        repeated: Vec::new(),
        warnings: Vec::new(),
    })
}

/// Finds each streamed list written as a block list under its key at the start of a line,
/// and cuts its items into pieces of about `piece_bytes`. `None` when the text holds anything
/// that a cut by lines could misread: a tab at a line's start, a document marker, an anchor
/// or alias, a list key written twice. One pass over the bytes, jumping line to line: this
/// runs before any core can start parsing.
fn cut<'k>(text: &str, streamed: &[&'k str], piece_bytes: usize) -> Option<Vec<List<'k>>> {
    if might_alias(text.as_bytes()) {
        return None;
    }
    let mut lines = Lines {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut lists: Vec<List<'k>> = Vec::new();
    while let Some(line) = lines.next() {
        if line.first == b'\t' && line.indent == 0 {
            return None;
        }
        if line.indent > 0 || line.blank {
            continue;
        }
        if !lists.is_empty() && is_marker(text, line.start) {
            return None;
        }
        let Some(key) = streamed.iter().find(|k| is_key_line(text, line.start, k)) else {
            continue;
        };
        if lists.iter().any(|l| l.key == *key) {
            return None;
        }
        let mut indent = None;
        let mut items: Vec<usize> = Vec::new();
        let mut end = text.len();
        while let Some(line) = lines.peek() {
            if line.first == b'\t' && line.indent == 0 {
                return None;
            }
            if !line.blank {
                // The list's indentation is that of its first item.
                let list_indent = *indent.get_or_insert(line.indent);
                if line.indent == list_indent && line.is_item(text) {
                    items.push(line.start);
                } else if items.is_empty() || line.indent <= list_indent {
                    // The next top-level key ends the list; anything else is no plan's layout.
                    if line.indent > 0 && !items.is_empty() {
                        return None;
                    }
                    end = line.start;
                    break;
                }
            }
            lines.next();
        }
        if items.is_empty() {
            continue;
        }
        lists.push(List {
            key,
            key_at: line.start,
            indent: indent.unwrap_or(0),
            pieces: pieces(&items, indent.unwrap_or(0), end, piece_bytes),
        });
    }
    (!lists.is_empty()).then_some(lists)
}

/// Consecutive items grouped into ranges of about `piece_bytes`, cut only where an item starts.
/// A piece ends at the next item's `-`, not at its line: an empty value at the end of an item
/// is placed by the parser at the next token, which must be where it is in the whole text.
/// Pieces therefore share the indentation before each cut.
fn pieces(items: &[usize], indent: usize, end: usize, piece_bytes: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let Some(&first) = items.first() else {
        return pieces;
    };
    let mut start = first;
    for &item in &items[1..] {
        if item - start >= piece_bytes {
            pieces.push(start..item + indent);
            start = item;
        }
    }
    pieces.push(start..end);
    pieces
}

/// Past a `-` at `at`, the blanks after it and a comment on its line.
fn after_dash(text: &str, at: usize) -> usize {
    let rest = text.get(at + 1..).unwrap_or("");
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let comment = match rest[blanks..].starts_with('#') {
        true => rest[blanks..].find(['\n', '\r']).unwrap_or(rest.len() - blanks),
        false => 0,
    };
    at + 1 + blanks + comment
}

/// The lines of a text, each as much as the cut needs of it.
struct Lines<'t> {
    bytes: &'t [u8],
    at: usize,
}

#[derive(Clone, Copy)]
struct Line {
    start: usize,
    /// Spaces before its first other character.
    indent: usize,
    /// That character (`\n` for an empty line).
    first: u8,
    /// Empty, blanks, or a comment.
    blank: bool,
}

impl Line {
    /// `- …` or a lone `-`.
    fn is_item(&self, text: &str) -> bool {
        let after = text.as_bytes().get(self.start + self.indent..);
        matches!(after, Some([b'-', b' ' | b'\n' | b'\r', ..] | [b'-']))
    }
}

impl Lines<'_> {
    fn peek(&self) -> Option<Line> {
        let rest = self.bytes.get(self.at..).filter(|r| !r.is_empty())?;
        let indent = rest.iter().take_while(|&&b| b == b' ').count();
        let first = rest.get(indent).copied().unwrap_or(b'\n');
        let blank = match first {
            b'\n' | b'\r' | b'#' => true,
            // A tab after the indentation separates: what follows decides.
            b'\t' => rest[indent..]
                .iter()
                .find(|&&b| b != b' ' && b != b'\t')
                .is_none_or(|b| matches!(b, b'\n' | b'\r' | b'#')),
            _ => false,
        };
        Some(Line {
            start: self.at,
            indent,
            first,
            blank,
        })
    }

    fn next(&mut self) -> Option<Line> {
        let line = self.peek()?;
        self.at = match memchr::memchr(b'\n', &self.bytes[self.at..]) {
            Some(i) => self.at + i + 1,
            None => self.bytes.len(),
        };
        Some(line)
    }
}

/// `key:` alone on its line at `at`, perhaps followed by spaces and a comment.
fn is_key_line(text: &str, at: usize, key: &str) -> bool {
    let line = text[at..].split(['\n', '\r']).next().unwrap_or("");
    let Some(after) = line.strip_prefix(key).and_then(|l| l.strip_prefix(':')) else {
        return false;
    };
    let comment = after.trim_start_matches(' ');
    comment.is_empty() || (comment.starts_with('#') && comment.len() < after.len())
}

/// `---` or `...` at `at`: another document, or the end of this one.
fn is_marker(text: &str, at: usize) -> bool {
    let rest = text.as_bytes().get(at..).unwrap_or(&[]);
    (rest.starts_with(b"---") || rest.starts_with(b"..."))
        && rest
            .get(3)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// Whether an anchor (`&a`) or alias (`*a`) may be written: `&` or `*` where a node can start
/// and followed by a name. Text such as `a*b` in a string is no alias; a false alarm only means
/// a sequential parse.
fn might_alias(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'&', b'*', bytes).any(|i| {
        i.checked_sub(1)
            .is_none_or(|p| matches!(bytes[p], b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':'))
            && bytes.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests;
