//! Where a file's comments are, as its own syntax has them. Suppression directives are read
//! only from these ranges, so a tag, a name, a key or any other value cannot carry one: the
//! gate's verdict is not for whoever writes the data to change (docs/configuration.md).
//!
//! Each syntax finds its strings by the parser that reads it, never by a guess at quotes:
//! YAML by saphyr-parser's scalar events, HCL by hcl-edit's string, template and heredoc
//! spans, JSON with comments by its one kind of string. Outside those, a comment opener
//! starts a comment. A file its parser refuses has no comments: a guess there could read a
//! value as a directive, and the file's syntax error is reported anyway.

use std::ops::Range;

/// The comment syntax of one input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// `#` after whitespace or at a line's start, to the end of the line.
    Yaml,
    /// Terraform: `#` and `//` to the end of the line, `/* … */`.
    Hcl,
    /// ARM templates and parameters files: `//` and `/* … */`, which ARM accepts.
    Jsonc,
    /// Plan JSON and az exports: JSON has no comments.
    Json,
    /// Bicep: `//` and `/* … */`, outside its `'…'` and `'''…'''` strings.
    Bicep,
}

/// One comment: all of it, and its text after the opener (`#`, `//`, `/*`; without `*/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub span: Range<usize>,
    pub body: Range<usize>,
}

/// The comments of `text` that start before `before` (the text's length for all of them), in
/// order. Bounded by the text: each byte is looked at a fixed number of times.
pub fn comments(syntax: Syntax, text: &str, before: usize) -> Vec<Comment> {
    let before = before.min(text.len());
    match syntax {
        Syntax::Json => Vec::new(),
        Syntax::Jsonc => scan(text, before, &[], Openers::JSONC),
        Syntax::Bicep => scan(text, before, &bicep_strings(text), Openers::BICEP),
        Syntax::Yaml => match yaml_scalars(text, before) {
            Some(data) => scan(text, before, &data, Openers::YAML),
            None => Vec::new(),
        },
        Syntax::Hcl => match hcl_strings(text) {
            Some(data) => scan(text, before, &data, Openers::HCL),
            None => Vec::new(),
        },
    }
}

/// Which openers a syntax has. JSON with comments finds its own strings: `"` with `\`
/// escapes, the only kind it has (ARM lets them span lines, which changes nothing here).
#[derive(Clone, Copy)]
struct Openers {
    hash: bool,
    slashes: bool,
    json_strings: bool,
}

impl Openers {
    const YAML: Openers = Openers {
        hash: true,
        slashes: false,
        json_strings: false,
    };
    const HCL: Openers = Openers {
        hash: true,
        slashes: true,
        json_strings: false,
    };
    const BICEP: Openers = Openers {
        hash: false,
        slashes: true,
        json_strings: false,
    };
    const JSONC: Openers = Openers {
        hash: false,
        slashes: true,
        json_strings: true,
    };
}

/// The byte ranges of a Bicep file's strings, sorted: `'''…'''` (no escapes), and `'…'` with
/// `\` escapes and `${…}` holes, which may hold strings of their own (and comments, which
/// stay inside the string's range: a directive is never read from a value). Comments
/// outside strings are stepped over so a quote in one opens nothing.
fn bicep_strings(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2);
            }
            b'\'' => {
                let end = bicep_string_end(b, i);
                out.push(i..end);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The end of the Bicep string opening at `open`, after its closing quote (the text's end
/// when it never closes). Holes nest strings; an explicit stack keeps hostile nesting off
/// the call stack.
fn bicep_string_end(b: &[u8], open: usize) -> usize {
    if b[open..].starts_with(b"'''") {
        return memchr::memmem::find(&b[open + 3..], b"'''").map_or(b.len(), |n| open + 3 + n + 3);
    }
    // Each level: true inside a string, false inside a hole (counting its braces).
    let mut stack: Vec<(bool, usize)> = vec![(true, 0)];
    let mut i = open + 1;
    while i < b.len() {
        let Some(&(in_string, braces)) = stack.last() else {
            return i;
        };
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'\'' => {
                    stack.pop();
                    if stack.is_empty() {
                        return i + 1;
                    }
                }
                b'$' if b.get(i + 1) == Some(&b'{') => {
                    stack.push((false, 0));
                    i += 1;
                }
                b'\n' => return i,
                _ => {}
            }
        } else {
            match c {
                b'\'' => stack.push((true, 0)),
                b'{' => {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                }
                b'}' if braces == 0 => {
                    stack.pop();
                }
                b'}' => {
                    if let Some(top) = stack.last_mut() {
                        top.1 -= 1;
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    b.len()
}

/// One pass over the text, stepping over `data` (sorted byte ranges of values) and strings.
fn scan(text: &str, before: usize, data: &[Range<usize>], openers: Openers) -> Vec<Comment> {
    let bytes = text.as_bytes();
    // YAML and JSON end a line at `\r` too; HCL only at `\n` (hcl-edit reads a lone `\r` as
    // part of the comment). Ending a comment early never reads a value as one.
    let line_end = |from: usize| {
        let found = if openers.hash && openers.slashes {
            memchr::memchr(b'\n', &bytes[from..])
        } else {
            memchr::memchr2(b'\n', b'\r', &bytes[from..])
        };
        found.map_or(bytes.len(), |i| from + i)
    };
    let mut out = Vec::new();
    let mut next_data = 0;
    let mut i = 0;
    while i < before {
        while next_data < data.len() && data[next_data].end <= i {
            next_data += 1;
        }
        if let Some(d) = data.get(next_data).filter(|d| d.start <= i) {
            i = d.end;
            continue;
        }
        let b = bytes[i];
        let after = bytes.get(i + 1).copied();
        if openers.json_strings && b == b'"' {
            i = json_string_end(bytes, i);
            continue;
        }
        // YAML's `#` starts a comment only after whitespace or at a line's start.
        let after_space = || i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r');
        if b == b'#' && openers.hash && (openers.slashes || after_space()) {
            let end = line_end(i);
            out.push(Comment {
                span: i..end,
                body: i + 1..end,
            });
            i = end;
        } else if b == b'/' && after == Some(b'/') && openers.slashes {
            let end = line_end(i);
            out.push(Comment {
                span: i..end,
                body: i + 2..end,
            });
            i = end;
        } else if b == b'/' && after == Some(b'*') && openers.slashes {
            let close = memchr::memmem::find(&bytes[i + 2..], b"*/").map(|at| i + 2 + at);
            let (body_end, end) = close.map_or((bytes.len(), bytes.len()), |c| (c, c + 2));
            out.push(Comment {
                span: i..end,
                body: i + 2..body_end,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The end (after the closing quote) of a JSON string opening at `open`; the text's end
/// when it never closes.
fn json_string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The byte ranges of every YAML scalar (keys and values) that starts before `before`, by
/// saphyr-parser's events; `None` when the text does not parse.
fn yaml_scalars(text: &str, before: usize) -> Option<Vec<Range<usize>>> {
    use saphyr_parser::{Event, Parser, ScalarStyle};
    let mut parser = Parser::new_from_str(text);
    let mut offsets = crate::input::yaml::Bytes::new(text);
    let mut out = Vec::new();
    loop {
        let (event, span) = parser.next_event()?.ok()?;
        match event {
            Event::StreamEnd => return Some(out),
            Event::Scalar(_, style, _, _) => {
                let start = offsets.offset(&span.start);
                if start >= before {
                    return Some(out);
                }
                let end = match style {
                    // The parser's end of a quoted scalar that spans lines runs past its
                    // closing quote, into what follows; the quote itself is exact.
                    ScalarStyle::DoubleQuoted | ScalarStyle::SingleQuoted => {
                        quoted_end(text.as_bytes(), start, style == ScalarStyle::DoubleQuoted)
                    }
                    _ => offsets.offset(&span.end),
                };
                out.push(start..end.max(start));
            }
            _ => {}
        }
    }
}

/// The end of a quoted YAML scalar whose event starts at `start`: past its anchor and tag
/// (and any comment between them and the quote), to the closing quote. Anything unexpected
/// makes the rest of the text data: no comment is found where the reading is unsure.
fn quoted_end(bytes: &[u8], start: usize, double: bool) -> usize {
    let quote = if double { b'"' } else { b'\'' };
    let mut i = start;
    loop {
        match bytes.get(i) {
            Some(b'&' | b'!') => {
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
            Some(b' ' | b'\t' | b'\r' | b'\n') => i += 1,
            Some(b'#') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            Some(&b) if b == quote => break,
            _ => return bytes.len(),
        }
    }
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if double => i += 2,
            b'\'' if !double && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The byte ranges of every string, template and heredoc of an HCL file (labels and object
/// keys included), by hcl-edit's spans; `None` when the file does not parse.
fn hcl_strings(text: &str) -> Option<Vec<Range<usize>>> {
    use hcl_edit::visit::{self, Visit};
    use hcl_edit::{expr, structure, template, Span};

    struct Strings {
        spans: Vec<Range<usize>>,
        /// A value without a span cannot be told from code: then the file has no comments.
        unplaced: bool,
    }
    impl Strings {
        fn add(&mut self, span: Option<Range<usize>>) {
            match span {
                Some(span) => self.spans.push(span),
                None => self.unplaced = true,
            }
        }
    }
    impl Visit for Strings {
        fn visit_expr(&mut self, e: &expr::Expression) {
            if let expr::Expression::String(s) = e {
                self.add(s.span());
            }
            visit::visit_expr(self, e);
        }
        fn visit_string_template(&mut self, t: &template::StringTemplate) {
            // Strings inside its interpolations lie within it: no need to go further.
            self.add(t.span());
        }
        fn visit_heredoc_template(&mut self, t: &template::HeredocTemplate) {
            self.add(t.span());
        }
        fn visit_block_label(&mut self, l: &structure::BlockLabel) {
            if let structure::BlockLabel::String(s) = l {
                self.add(s.span());
            }
        }
    }

    let body = hcl_edit::parser::parse_body(text).ok()?;
    let mut strings = Strings {
        spans: Vec::new(),
        unplaced: false,
    };
    strings.visit_body(&body);
    if strings.unplaced {
        return None;
    }
    let mut data = strings.spans;
    let len = text.len();
    for d in &mut data {
        d.start = d.start.min(len);
        d.end = d.end.min(len);
    }
    data.sort_by_key(|d| d.start);
    Some(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(syntax: Syntax, text: &str) -> Vec<String> {
        comments(syntax, text, text.len())
            .into_iter()
            .map(|c| text[c.body].trim().to_string())
            .collect()
    }

    #[test]
    fn yaml_comments_are_outside_every_scalar() {
        let text =
            "a: \"x # q1\n  z\" # c1\nb: 'it''s # q2' # c2\nc: |\n  body # q3\n# c3\nd: plain#q4 # c4\n\
                    e: &x\"y \"q # q5\"\nf: [ \"a # q6\", b ] # c5\n\"k # q7\": v\n";
        assert_eq!(bodies(Syntax::Yaml, text), ["c1", "c2", "c3", "c4", "c5"]);
    }

    #[test]
    fn a_carriage_return_ends_a_yaml_comment() {
        // Found by the `comments` fuzz target: YAML reads `\r` as a line break.
        let text = "# c1\rk: \"v # q\"\r# c2\r";
        assert_eq!(bodies(Syntax::Yaml, text), ["c1", "c2"]);
    }

    #[test]
    fn a_yaml_file_that_does_not_parse_has_no_comments() {
        assert!(bodies(Syntax::Yaml, "a: \"x\n# c\n").is_empty());
    }

    #[test]
    fn hcl_comments_of_three_kinds_and_none_in_strings_labels_or_heredocs() {
        let text = "resource \"t\" \"a # q1\" { # c1\n  n = \"x // q2\" // c2\n  t = { \"k # q3\" = \"${\"#\"} # q4\" }\n\
                    d = <<-EOT\n    # q5\n  EOT\n  /* c3 # still c3 */ e = \"%{ if true }# q6%{ endif }\"\n}\n";
        assert_eq!(bodies(Syntax::Hcl, text), ["c1", "c2", "c3 # still c3"]);
    }

    #[test]
    fn jsonc_comments_and_strings_that_look_like_them() {
        let text = "{ // c1\n \"a\": \"http://x /* q */\", /* c2 */ \"b\": \"esc \\\" // q\"\n}";
        assert_eq!(bodies(Syntax::Jsonc, text), ["c1", "c2"]);
        assert!(bodies(Syntax::Json, text).is_empty());
    }

    #[test]
    fn only_comments_before_the_limit() {
        let text = "# a\nx: 1 # b\n# c\n";
        assert_eq!(comments(Syntax::Yaml, text, 6).len(), 1);
    }
}
