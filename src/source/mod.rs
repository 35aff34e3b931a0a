//! A plan's text and the mapping from byte offsets to 1-based lines and columns.

pub mod edit;
pub mod reach;
pub mod read;

use std::borrow::Cow;
use std::fmt;

/// One plan file as read: its display path and its text.
#[derive(Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    /// Byte offset of the first character of every line.
    line_starts: Vec<usize>,
    /// Byte offset of the first non-ASCII byte (the text's length when there is none):
    /// columns before it are byte distances, so a one-line plan JSON of 100 MB is not
    /// counted character by character for every position asked for.
    first_non_ascii: usize,
}

/// A 1-based line and column; the column counts characters, as editors and SARIF do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        // memchr and whole-block ASCII checks: a byte at a time was 12 ms of a 6.5 MB plan,
        // spent before any core could start parsing it.
        // `\n`, `\r\n` and a lone `\r` each end a line, as YAML, JSON and editors count them:
        // a file with classic Mac line ends is not one long line.
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(
                memchr::memchr2_iter(b'\n', b'\r', bytes)
                    .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
                    .map(|i| i + 1),
            )
            .collect();
        let first_non_ascii = first_non_ascii(text.as_bytes());
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            first_non_ascii,
        }
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let ascii_end = self.first_non_ascii.clamp(start, offset);
        let column = (ascii_end - start) + self.text[ascii_end..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The byte offset of a 1-based line and a 0-based character column (as YAML parsers
    /// report them), clamped to the end of that line.
    pub fn offset_of(&self, line: usize, char_column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line_text = &rest[..line_end];
        if line_text.is_ascii() {
            return start + char_column.min(line_end);
        }
        start
            + line_text
                .char_indices()
                .nth(char_column)
                .map_or(line_end, |(i, _)| i)
    }

    /// The byte range of whole lines around `start..end`, `before` lines above and `after`
    /// below, with the 0-based index of its first line: what a snippet shows. O(log lines).
    pub fn lines_around(
        &self,
        start: usize,
        end: usize,
        before: usize,
        after: usize,
    ) -> (usize, usize, usize) {
        let line_of = |offset: usize| {
            self.line_starts
                .partition_point(|&s| s <= offset.min(self.text.len()))
                - 1
        };
        let first = line_of(start).saturating_sub(before);
        let last = (line_of(end.max(start)) + after).min(self.line_starts.len() - 1);
        let range_end = self
            .line_starts
            .get(last + 1)
            .map_or(self.text.len(), |&s| s.saturating_sub(1));
        (
            self.line_starts[first],
            range_end.max(self.line_starts[first]),
            first,
        )
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// What starts a suppression directive in a comment (`# cniplan: ignore[...]`): read by
/// `suppress`, and kept out of every comment cniplan writes.
pub const DIRECTIVE: &str = "cniplan:";

/// `text` with every character that would act on a terminal or hide what follows shown as
/// an escape (`\u{1b}`): C0 controls but the tab, DEL, C1 controls, the Unicode line and
/// paragraph separators, the bidirectional overrides and isolates, and the invisible
/// characters that make two names look alike (zero-width spaces and joiners, the soft
/// hyphen, U+FEFF, the tag characters that smuggle text past a reader). Borrowed when there
/// is none, as for nearly every name. Every output a person reads shows user text through
/// this function or one of its variants below, so this is the one list of what is hidden.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape_hidden(text, false, |_, _| {})
}

/// [`visible`] for text of several lines, such as a snippet of a file: its line breaks (`\n`,
/// and `\r` before one) stay as they are, a lone `\r` is escaped.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape_hidden(text, true, |_, _| {})
}

/// [`visible_lines`], calling `escaped(offset, shown)` for every character it escapes, with
/// the character's byte offset in `text` and the length of what replaced it: what a snippet
/// needs to move its labels along.
pub fn visible_lines_mapped(text: &str, escaped: impl FnMut(usize, &str)) -> Cow<'_, str> {
    escape_hidden(text, true, escaped)
}

/// [`visible`] cut to at most `max_chars` characters, the last of them `…` when anything was
/// cut; an escape is never cut in two. Linear in what it keeps, not in `text`: a name of
/// megabytes costs a table cell no more than a short one.
pub fn visible_shortened(text: &str, max_chars: usize) -> Cow<'_, str> {
    if text.len() <= max_chars && !text.bytes().any(may_start_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    // The length of `out` where the kept text ends if an ellipsis must follow.
    let mut cut = 0;
    let mut shown = 0;
    for c in text.chars() {
        let before = out.len();
        push_shown(&mut out, c);
        shown += out[before..].chars().count();
        if shown < max_chars {
            cut = out.len();
        }
        if shown > max_chars {
            out.truncate(cut);
            out.push('…');
            return Cow::Owned(out);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is hidden: the one list behind [`visible`] and its variants.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061c}' | '\u{00ad}' | '\u{feff}')
        || ('\u{200b}'..='\u{200f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2060}'..='\u{2064}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || ('\u{e0000}'..='\u{e007f}').contains(&c)
}

/// Whether a byte may start a hidden character's UTF-8 encoding: the C0 controls and DEL,
/// `0xc2` (C1 controls, the soft hyphen), `0xd8` (U+061C), `0xe2` (the zero-width characters,
/// separators, marks, overrides and isolates), `0xef` (U+FEFF) and `0xf3` (the tags). A scan of bytes finds the common case, no hidden character, without decoding.
fn may_start_hidden(b: u8) -> bool {
    b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef | 0xf3)
}

/// `c` as it is shown: itself, or `\u{HEX}` when hidden.
fn push_shown(out: &mut String, c: char) {
    if is_hidden(c) {
        use std::fmt::Write;
        // Writing into a String cannot fail.
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

fn escape_hidden(text: &str, keep_line_breaks: bool, mut escaped: impl FnMut(usize, &str)) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let hides = |i: usize, c: char| {
        let line_break = c == '\n' || (c == '\r' && bytes.get(i + 1) == Some(&b'\n'));
        is_hidden(c) && !(keep_line_breaks && line_break)
    };
    let first = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| may_start_hidden(b))
        .find_map(|(i, _)| text[i..].chars().next().filter(|&c| hides(i, c)).map(|_| i));
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for (i, c) in text[first..].char_indices().map(|(i, c)| (first + i, c)) {
        if hides(i, c) {
            let start = out.len();
            push_shown(&mut out, c);
            escaped(i, &out[start..]);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn first_non_ascii(bytes: &[u8]) -> usize {
    const BLOCK: usize = 4096;
    let Some(block) = bytes.chunks(BLOCK).position(|b| !b.is_ascii()) else {
        return bytes.len();
    };
    let start = block * BLOCK;
    start + bytes[start..].iter().position(|b| !b.is_ascii()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let src = SourceFile::new("p", "ab\ncé d\n");
        assert_eq!(src.position(0), Position { line: 1, column: 1 });
        assert_eq!(src.position(3), Position { line: 2, column: 1 });
        // 'd' sits after the two-byte 'é': byte 7, character column 4.
        assert_eq!(src.position(7), Position { line: 2, column: 4 });
        assert_eq!(src.position(999), Position { line: 3, column: 1 });
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_yaml_counts_it() {
        let src = SourceFile::new("p", "a: 1\rb: 2\r\nc: 3\nd");
        assert_eq!(src.position(5), Position { line: 2, column: 1 });
        assert_eq!(src.position(11), Position { line: 3, column: 1 });
        assert_eq!(src.position(16), Position { line: 4, column: 1 });
        assert_eq!(src.offset_of(1, 99), 4, "the line ends at its \\r");
    }

    #[test]
    fn columns_count_characters_after_a_long_ascii_start() {
        let text = format!("{}\nxé y\n", "a".repeat(5000));
        let src = SourceFile::new("p", text);
        assert_eq!(src.first_non_ascii, 5002);
        // 'y' sits after the two-byte 'é': byte 5005, character column 4 of line 2.
        assert_eq!(src.position(5005), Position { line: 2, column: 4 });
        assert_eq!(SourceFile::new("p", "plain").first_non_ascii, 5);
    }

    #[test]
    fn lines_around_a_span_are_whole_lines() {
        let src = SourceFile::new("p", "a\nbb\nccc\ndddd\n");
        // "ccc" with one line either side: "bb\nccc\ndddd" starting at line index 1.
        assert_eq!(src.lines_around(5, 8, 1, 1), (2, 13, 1));
        assert_eq!(&src.text[2..13], "bb\nccc\ndddd");
        assert_eq!(src.lines_around(0, 0, 3, 0), (0, 1, 0));
    }

    #[test]
    fn controls_bidi_and_line_breaks_are_shown_escaped() {
        assert_eq!(
            visible("a\u{1b}]0;x\u{7}b\nc\u{85}\u{202e}d\te"),
            "a\\u{1b}]0;x\\u{7}b\\u{a}c\\u{85}\\u{202e}d\te"
        );
        // Invisible characters that make two names look alike, or hide text in tags.
        assert_eq!(
            visible("a\u{200b}b\u{feff}c\u{e0041}d\u{ad}e\u{2060}"),
            "a\\u{200b}b\\u{feff}c\\u{e0041}d\\u{ad}e\\u{2060}"
        );
        assert!(matches!(visible("plain é"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_keep_their_breaks_and_nothing_else() {
        let mut escaped = Vec::new();
        let shown = visible_lines_mapped("a\u{1b}b\r\nc\rd\n\u{202e}", |at, s| {
            escaped.push((at, s.to_string()))
        });
        assert_eq!(shown, "a\\u{1b}b\r\nc\\u{d}d\n\\u{202e}");
        let expected = [(1, "\\u{1b}"), (6, "\\u{d}"), (9, "\\u{202e}")];
        assert_eq!(escaped, expected.map(|(at, s)| (at, s.to_string())));
        assert!(matches!(visible_lines("a\r\nb\n\tc"), Cow::Borrowed(_)));
    }

    #[test]
    fn shortened_text_ends_in_an_ellipsis_and_never_cuts_an_escape() {
        assert_eq!(visible_shortened("abcde", 5), "abcde");
        assert_eq!(visible_shortened("abcdefg", 5), "abcd…");
        assert_eq!(visible_shortened("ab\u{1b}", 5), "ab…");
        assert_eq!(visible_shortened("a\u{7}", 7), "a\\u{7}");
        assert_eq!(visible_shortened("ééééé", 5), "ééééé");
        assert_eq!(visible_shortened(&"x".repeat(1_000_000), 60).chars().count(), 60);
    }

    #[test]
    fn every_hidden_character_starts_with_a_byte_the_scan_looks_for() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_hidden(c))
        {
            let mut utf8 = [0; 4];
            assert!(may_start_hidden(c.encode_utf8(&mut utf8).as_bytes()[0]), "{c:?}");
        }
    }

    #[test]
    fn offsets_round_trip_through_parser_markers() {
        let src = SourceFile::new("p", "ab\ncé d\n");
        // 'd' is the 4th character of line 2 and sits at byte 7, after the two-byte 'é'.
        assert_eq!(src.offset_of(2, 3), 7);
        assert_eq!(src.offset_of(2, 2), 6);
        assert_eq!(src.offset_of(1, 1), 1);
        assert_eq!(src.offset_of(2, 99), 8);
        assert_eq!(src.offset_of(99, 0), src.text.len());
    }
}
