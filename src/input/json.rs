//! JSON text → [`Document`]: the same span tree the YAML reader builds, for Terraform plans,
//! ARM templates and az exports.
//!
//! Written here rather than taken from a crate: serde_json gives no positions, and the one
//! maintained parser that does (jsonc-parser) took 2.1× serde_json's time to build its AST on
//! a 12 MB plan, where the whole check of a Terraform plan may take 2×. This one borrows
//! every string without escapes from the text and keeps objects as lists in written order.

use super::tree::{Document, Entry, Node, RepeatedKey, SyntaxError, Value};
use crate::diagnostic::{Finding, Rule, Span};
use crate::source::SourceFile;
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

/// Deeper than Terraform plans of nested modules go; hostile nesting stops here.
pub const MAX_DEPTH: usize = 256;

pub fn parse(source: &SourceFile, file: u32) -> Result<Document<'_>, SyntaxError> {
    parse_with(&source.text, file, false)
}

/// JSON as Azure Resource Manager reads templates and parameters files: strings may span
/// lines and hold tabs (the ARM template syntax docs write multi-line expressions so; 7 of
/// the 24 Enterprise-Scale templates do). Other control characters stay errors. `text` is
/// the file's text with its comments blanked (`arm::blank_comments`), at the same offsets.
pub fn parse_arm(text: &str, file: u32) -> Result<Document<'_>, SyntaxError> {
    parse_with(text, file, true)
}

fn parse_with(text: &str, file: u32, arm: bool) -> Result<Document<'_>, SyntaxError> {
    let mut parser = Parser {
        text: text.as_bytes(),
        src: text,
        at: 0,
        file,
        depth: 0,
        arm,
        entries: Vec::new(),
        items: Vec::new(),
        repeated: Vec::new(),
    };
    parser.skip_space();
    if parser.at == parser.text.len() {
        return Ok(Document {
            root: None,
            aliases: Vec::new(),
            repeated: Vec::new(),
            warnings: Vec::new(),
        });
    }
    let root = parser.value()?;
    parser.skip_space();
    if parser.at < parser.text.len() {
        return Err(parser.error("text after the end of the JSON value"));
    }
    Ok(Document {
        root: Some(root),
        aliases: Vec::new(),
        repeated: parser.repeated,
        warnings: Vec::new(),
    })
}

/// A `conflicting-declarations` warning per key written twice in one object with different
/// values, at the one kept (the last), naming the one left out.
pub fn repeated_keys(repeated: &[RepeatedKey]) -> Vec<Finding> {
    repeated
        .iter()
        .map(|r| {
            Finding::new(
                Rule::ConflictingDeclarations,
                r.kept,
                format!(
                    "`{}` is written twice in one object with different values; ARM, Terraform and az \
                     keep the last, and so does cniplan",
                    r.key
                ),
            )
            .related(r.first, format!("the earlier `{}`, left out", r.key))
            .help("write each key once in an object, with the value it should have")
        })
        .collect()
}

/// A key as ARM compares it (`fold`: without case), else as written.
fn folded(key: &str, fold: bool) -> Cow<'_, str> {
    if fold && key.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(key.to_ascii_lowercase())
    } else {
        Cow::Borrowed(key)
    }
}

struct Parser<'a> {
    text: &'a [u8],
    src: &'a str,
    at: usize,
    file: u32,
    depth: usize,
    /// JSON as ARM reads it: line breaks and tabs inside strings are text, not errors (strict
    /// JSON), and keys are one key whatever their case.
    arm: bool,
    /// Scratch stacks the members of the objects and arrays being read are gathered on;
    /// each container is then copied out once at its exact size. Growing every container's
    /// own Vec instead reallocated most of a large plan several times over.
    entries: Vec<Entry<'a>>,
    items: Vec<Node<'a>>,
    repeated: Vec<RepeatedKey>,
}

impl<'a> Parser<'a> {
    fn span(&self, start: usize) -> Span {
        Span::in_file(self.file, start, self.at)
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        // Point at a whole character, never inside one.
        let mut end = (self.at + 1).min(self.text.len());
        while !self.src.is_char_boundary(end) {
            end += 1;
        }
        SyntaxError {
            span: Span::in_file(self.file, self.at, end),
            message: format!("invalid JSON: {}", message.into()),
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(_) => return Err(self.error("expected a value")),
            None => return Err(self.error("the text ends where a value should be")),
        };
        Ok(Node::new(self.span(start), value))
    }

    fn word(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.text[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!("the document nests deeper than {MAX_DEPTH} levels")));
        }
        self.at += 1;
        Ok(())
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        let first = self.entries.len();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Map(Vec::new()));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key_start = self.at;
            let key = self.string()?;
            let key_span = self.span(key_start);
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after the key"));
            }
            self.at += 1;
            self.skip_space();
            let value = self.value()?;
            self.entries.push(Entry { key, key_span, value });
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    self.depth -= 1;
                    self.keep_last_of_repeated(first);
                    return Ok(Value::Map(self.entries.drain(first..).collect()));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A key written twice in the object whose members start at `first`: the later one
    /// replaces the earlier (as ARM, Terraform and az read JSON), recorded when the two
    /// values differ. Linear: most objects have no repeat, found with one hash set.
    fn keep_last_of_repeated(&mut self, first: usize) {
        let members = &self.entries[first..];
        if members.len() < 2 {
            return;
        }
        // ARM matches keys without case (`name` and `Name` are one key); strict JSON does not.
        let fold = self.arm;
        let mut last: HashMap<Cow<'_, str>, usize> = HashMap::with_capacity(members.len());
        let mut repeats = false;
        for (i, e) in members.iter().enumerate() {
            repeats |= last.insert(folded(&e.key, fold), i).is_some();
        }
        if !repeats {
            return;
        }
        let text = |n: &Node<'_>| &self.src[n.span.start..n.span.end];
        let mut kept = Vec::with_capacity(last.len());
        for (i, e) in members.iter().enumerate() {
            let winner = last[&folded(&e.key, fold)];
            if winner == i {
                kept.push(i);
                continue;
            }
            let later = &members[winner];
            if text(&e.value) != text(&later.value) {
                self.repeated.push(RepeatedKey {
                    key: e.key.to_string(),
                    first: e.key_span,
                    kept: later.key_span,
                });
            }
        }
        let mut index = 0;
        let keep: Vec<bool> = (0..members.len())
            .map(|i| kept.binary_search(&i).is_ok())
            .collect();
        self.entries.retain(|_| {
            let at = index;
            index += 1;
            at < first || keep[at - first]
        });
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        let first = self.items.len();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Seq(Vec::new()));
        }
        loop {
            self.skip_space();
            let item = self.value()?;
            self.items.push(item);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(Value::Seq(self.items.drain(first..).collect()));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// A string at `"`; borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.at += 1;
        let start = self.at;
        // Fast path: scan to the closing quote; fall back to decoding at the first escape.
        while let Some(&b) = self.text.get(self.at) {
            match b {
                b'"' => {
                    let s = &self.src[start..self.at];
                    self.at += 1;
                    return Ok(Cow::Borrowed(s));
                }
                b'\\' => return self.escaped(start).map(Cow::Owned),
                b'\n' | b'\r' | b'\t' if self.arm => self.at += 1,
                0x00..=0x1f => return Err(self.error("a control character inside a string")),
                _ => self.at += 1,
            }
        }
        Err(self.error("the string is not closed"))
    }

    fn escaped(&mut self, start: usize) -> Result<String, SyntaxError> {
        // Room for what follows the first escape too: Terraform addresses escape the quotes
        // of every for_each key, and growing each of them step by step was a hot spot.
        let mut out = String::with_capacity(self.at - start + 32);
        out.push_str(&self.src[start..self.at]);
        loop {
            let Some(&b) = self.text.get(self.at) else {
                return Err(self.error("the string is not closed"));
            };
            match b {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("an unknown escape")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                b'\n' | b'\r' | b'\t' if self.arm => {
                    out.push(char::from(b));
                    self.at += 1;
                }
                0x00..=0x1f => return Err(self.error("a control character inside a string")),
                _ => {
                    // Copy up to the next quote or escape in one go (the text is UTF-8).
                    let run_start = self.at;
                    while let Some(&b) = self.text.get(self.at) {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.at += 1;
                    }
                    out.push_str(&self.src[run_start..self.at]);
                }
            }
        }
    }

    /// The four hex digits after `\u` (and a low surrogate's after a high one).
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or('\u{FFFD}'));
        }
        if self.text[self.at..].starts_with(b"\\u") {
            self.at += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
        }
        Ok('\u{FFFD}')
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("`\\u` takes four hex digits"))?;
        self.at += 4;
        Ok(digits)
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.peek() {
                p.at += 1;
            }
            p.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if !digits(self) {
            return Err(self.error("a number needs digits"));
        }
        let mut integral = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integral = false;
            if !digits(self) {
                return Err(self.error("a number needs digits after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            integral = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("an exponent needs digits"));
            }
        }
        let text = &self.src[start..self.at];
        if integral {
            if let Ok(n) = text.parse::<i128>() {
                return Ok(Value::Int(n));
            }
        }
        Ok(Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Option<Value<'static>>, SyntaxError> {
        let src = SourceFile::new("p.json", text.to_string());
        let doc = parse(&src, 0)?;
        Ok(doc.root.map(|n| n.into_owned().value))
    }

    #[test]
    fn reads_every_kind_of_value_with_spans() {
        let text = r#"{"a": [1, -2.5e3, true, null], "b": "x\"y\u00e9\ud83d\ude00", "c": {}}"#;
        let src = SourceFile::new("p.json", text);
        let root = parse(&src, 3).unwrap().root.unwrap();
        let a = root.get("a").unwrap();
        assert_eq!(a.index(0).unwrap().value, Value::Int(1));
        assert_eq!(a.index(1).unwrap().value, Value::Float(-2500.0));
        assert_eq!(a.index(2).unwrap().value, Value::Bool(true));
        assert!(a.index(3).unwrap().is_null());
        let b = root.get("b").unwrap();
        assert_eq!(b.as_str(), Some("x\"yé😀"));
        assert_eq!(&text[b.span.start..b.span.end], r#""x\"y\u00e9\ud83d\ude00""#);
        assert_eq!(b.span.file, 3);
        let key = root.entry("c").unwrap().key_span;
        assert_eq!(&text[key.start..key.end], "\"c\"");
    }

    #[test]
    fn arm_strings_may_span_lines_and_strict_json_ones_may_not() {
        let src = SourceFile::new(
            "t.json",
            "{\"a\": \"[concat(\n  'x',\t'y')]\", \"b\": \"\\u0041\n\"}",
        );
        let doc = parse_arm(&src.text, 0).expect("ARM reads it");
        let root = doc.root.unwrap();
        assert_eq!(
            root.get("a").and_then(Node::as_str),
            Some("[concat(\n  'x',\t'y')]")
        );
        assert_eq!(root.get("b").and_then(Node::as_str), Some("A\n"));
        let strict = parse(&src, 0).unwrap_err();
        assert_eq!(
            strict.message,
            "invalid JSON: a control character inside a string"
        );
        let bell = SourceFile::new("t.json", "{\"a\": \"\u{7}\"}");
        assert!(
            parse_arm(&bell.text, 0).is_err(),
            "other control characters stay errors"
        );
    }

    #[test]
    fn bad_json_is_a_located_error() {
        for (text, at) in [
            ("{\"a\": }", 6),
            ("[1, 2", 5),
            ("{\"a\" 1}", 5),
            ("\"open", 5),
            ("[1] 2", 4),
            ("-x", 1),
            ("[\"a\u{1}\"]", 3),
            ("{\"a\": tru}", 6),
        ] {
            let err = parsed(text).unwrap_err();
            assert_eq!(err.span.start, at, "{text}: {err:?}");
            assert!(err.message.starts_with("invalid JSON"), "{}", err.message);
        }
    }

    #[test]
    fn huge_numbers_and_deep_nesting_do_not_break_it() {
        assert_eq!(
            parsed("123456789012345678901234567890").unwrap(),
            Some(Value::Int(123456789012345678901234567890))
        );
        assert!(matches!(parsed("1e999").unwrap(), Some(Value::Float(f)) if f.is_infinite()));
        let deep = "[".repeat(100_000);
        assert!(parsed(&deep).unwrap_err().message.contains("nests deeper"));
        assert_eq!(parsed("  \n").unwrap(), None);
    }
}
