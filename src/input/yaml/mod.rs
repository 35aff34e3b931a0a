//! YAML text → [`Document`], in one pass over saphyr-parser's events.
//!
//! Scalars are typed by the YAML 1.2 core schema (as serde_yaml did), anchors and aliases are
//! expanded (each alias remembers where it was written), and merge keys (`<<: *base`) add
//! the entries of the mappings they name unless the mapping writes the key itself.

use super::tree::{AliasUse, Document, Entry, Node, SyntaxError, Value};
use crate::diagnostic::Span;
use crate::source::SourceFile;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle};
use std::borrow::Cow;
use std::collections::HashSet;

pub mod split;

/// Values that aliases may add beyond the document's own: enough for any plan that shares
/// pools or subnets through anchors, far below what a "billion laughs" expands to.
const ALIAS_EXPANSION_ALLOWANCE: u64 = 1_000_000;

/// Deeper than any plan nests; hostile nesting stops here instead of costing memory.
pub const MAX_DEPTH: usize = 128;

/// The first document of `source` (file number `file` in its report).
pub fn parse(source: &SourceFile, file: u32) -> Result<Document<'_>, SyntaxError> {
    parse_streaming(source, file, &[], &mut |_, _| {})
}

/// Hands each item of a top-level list to a reader as soon as the item is parsed, in order.
pub type ItemSink<'s, 'a> = dyn FnMut(&str, Node<'a>) + 's;

/// [`parse`], handing every item of the top-level lists named in `streamed` to `take` (the
/// list's key, the item) as soon as it is complete, leaving a
/// [`Value::Taken`] in its place: a large plan's items are read while the rest is still being
/// parsed, and never all held as a tree at once.
pub fn parse_streaming<'a>(
    source: &'a SourceFile,
    file: u32,
    streamed: &[&str],
    take: &mut ItemSink<'_, 'a>,
) -> Result<Document<'a>, SyntaxError> {
    let whole = Part {
        text: &source.text,
        base: 0,
        depth: 0,
        stream_root_items: false,
        multi: false,
    };
    parse_part(whole, file, streamed, take).map(|mut docs| docs.swap_remove(0))
}

/// Every document of a YAML stream (`---` between them), as Kubernetes manifests are
/// written: each with its own anchors. An empty stream gives one document without a root.
pub fn parse_documents(source: &SourceFile, file: u32) -> Result<Vec<Document<'_>>, SyntaxError> {
    let whole = Part {
        text: &source.text,
        base: 0,
        depth: 0,
        stream_root_items: false,
        multi: true,
    };
    parse_part(whole, file, &[], &mut |_, _| {})
}

/// A piece of a text parsed as a document of its own (see [`split`]).
struct Part<'a> {
    text: &'a str,
    /// Where `text` starts in the whole text: spans are of the whole.
    base: usize,
    /// How deep the piece's root sits in the whole document, so the depth limit is the same.
    depth: usize,
    /// Hand every item of the root list to `take` (key "") as it completes.
    stream_root_items: bool,
    /// A stream of several documents is read whole (Kubernetes manifests); else a second
    /// document is an error, as a plan is one.
    multi: bool,
}

fn parse_part<'a>(
    part: Part<'a>,
    file: u32,
    streamed: &[&str],
    take: &mut ItemSink<'_, 'a>,
) -> Result<Vec<Document<'a>>, SyntaxError> {
    let Part {
        text, base, multi, ..
    } = part;
    let mut builder = Builder {
        text,
        base,
        depth: part.depth,
        stream_root_items: part.stream_root_items,
        streamed,
        take,
        stack: Vec::new(),
        anchors: Vec::new(),
        expanded: 0,
        root: None,
        aliases: Vec::new(),
        warnings: Vec::new(),
    };
    let mut documents = 0;
    let mut done = Vec::new();
    // Markers count characters; start and end markers each move forward through the text.
    let (mut starts, mut ends) = (Bytes::new(text), Bytes::new(text));
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let at = base + Bytes::new(text).offset(e.marker());
            let message = if e.info().contains("recursion limit") {
                "the document nests deeper than a YAML parser follows".to_string()
            } else {
                format!("invalid YAML: {}", e.info())
            };
            SyntaxError {
                span: Span::in_file(file, at, at),
                message,
            }
        })?;
        let span = Span::in_file(file, starts.offset(&span.start), ends.offset(&span.end));
        if let Event::DocumentStart(_) = event {
            documents += 1;
            if documents > 1 && !multi {
                return Err(SyntaxError {
                    span: span.shifted(base),
                    message: "a plan file holds one YAML document; this is a second one".into(),
                });
            }
        }
        let span = match &event {
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag)
                if *anchor > 0 || tag.is_some() =>
            {
                after_properties(text, span)
            }
            _ => span,
        };
        // saphyr ends a quoted scalar's span where it stopped scanning, past the spaces and a
        // comment after the closing quote: the value ends at its closing quote.
        let span = match &event {
            Event::Scalar(_, style @ (ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted), _, _) => {
                quoted_end(text, span, *style)
            }
            _ => span,
        };
        let ended = matches!(event, Event::DocumentEnd);
        builder.on_event(event, span)?;
        if ended && multi {
            // Anchors belong to their document; the next starts without them.
            builder.anchors.clear();
            done.push(Document {
                root: builder.root.take(),
                aliases: std::mem::take(&mut builder.aliases),
                repeated: Vec::new(),
                warnings: std::mem::take(&mut builder.warnings),
            });
        }
    }
    if done.is_empty() || builder.root.is_some() {
        done.push(Document {
            root: builder.root,
            aliases: builder.aliases,
            // YAML's repeated keys are the deserializer's business (`plan-schema`).
            repeated: Vec::new(),
            warnings: builder.warnings,
        });
    }
    Ok(done)
}

/// A quoted scalar's span ending at its closing quote (a doubled `''` inside single quotes and
/// a `\"` inside double quotes do not close it). Unchanged when the text does not start with
/// the quote, which the parser's own span guarantees.
fn quoted_end(text: &str, span: Span, style: ScalarStyle) -> Span {
    let Some(written) = text.get(span.start..span.end) else {
        return span;
    };
    let bytes = written.as_bytes();
    let quote = if style == ScalarStyle::SingleQuoted {
        b'\''
    } else {
        b'"'
    };
    if bytes.first() != Some(&quote) {
        return span;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return Span::in_file(span.file, span.start, span.start + i + 1),
            _ => i += 1,
        }
    }
    span
}

/// A node's span without its anchor (`&name`) and tag (`!!str`): the value itself.
fn after_properties(text: &str, span: Span) -> Span {
    let mut start = span.start;
    while let Some(rest) = text.get(start..span.end) {
        if !rest.starts_with(['&', '!']) {
            break;
        }
        let token = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let space = rest[token..].len() - rest[token..].trim_start().len();
        start += token + space;
    }
    Span::in_file(span.file, start.min(span.end), span.end)
}

/// The parser hands every scalar over as a new string; where the text holds it verbatim (a
/// plain scalar on one line, a quoted one without escapes), the tree borrows it from the text
/// instead, and a large plan's tree holds half a million fewer allocations.
fn borrow_from<'a>(text: &'a str, scalar: Cow<'a, str>, span: Span, style: ScalarStyle) -> Cow<'a, str> {
    let Cow::Owned(owned) = &scalar else {
        return scalar;
    };
    let written = text.get(span.start..span.end).unwrap_or("");
    let inner = match style {
        ScalarStyle::Plain => Some(written),
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => written
            .get(1..written.len().saturating_sub(1))
            .filter(|_| written.len() >= 2),
        _ => None,
    };
    // Escapes and doubled quotes always shorten the text; folded line breaks need not, so
    // text of the same length on one line is the scalar itself, without comparing every byte.
    match inner {
        Some(inner) if inner.len() == owned.len() && !inner.contains(['\n', '\r']) => Cow::Borrowed(inner),
        _ => scalar,
    }
}

/// The type a plain scalar has under the YAML 1.2 core schema.
fn resolve_plain(text: &str) -> Value<'_> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    if let Some(n) = integer(text) {
        return Value::Int(n);
    }
    if is_float(text) {
        if let Ok(f) = text.parse::<f64>() {
            return Value::Float(f);
        }
    }
    Value::Str(Cow::Borrowed(text))
}

/// [`resolve_plain`] for text the parser had to build (a folded multi-line scalar).
fn resolve_owned<'a>(text: String) -> Value<'a> {
    let typed = match resolve_plain(&text) {
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(b),
        Value::Int(n) => Value::Int(n),
        Value::Float(f) => Value::Float(f),
        _ => return Value::Str(Cow::Owned(text)),
    };
    typed
}

/// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; digits beyond i128 read as a float.
fn integer(text: &str) -> Option<i128> {
    if let Some(octal) = text.strip_prefix("0o") {
        return i128::from_str_radix(octal, 8).ok();
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i128::from_str_radix(hex, 16).ok();
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i128>().ok()
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Character index → byte offset, moving forward from the last answer: O(text) over a whole
/// pass, where converting each marker from its line start would be quadratic on one long line.
pub(crate) struct Bytes<'t> {
    text: &'t str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'t> Bytes<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Bytes {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    pub(crate) fn offset(&mut self, marker: &Marker) -> usize {
        let index = marker.index();
        if self.ascii {
            return index.min(self.text.len());
        }
        if index < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        while self.chars < index {
            let Some(c) = self.text[self.bytes..].chars().next() else {
                break;
            };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        self.bytes
    }
}

/// A collection being read, with its anchor id (0 for none).
enum Frame<'a> {
    Seq {
        span: Span,
        anchor: usize,
        items: Vec<Node<'a>>,
    },
    Map {
        span: Span,
        anchor: usize,
        entries: Vec<Entry<'a>>,
        /// Values of `<<` keys, merged when the mapping ends.
        merges: Vec<Node<'a>>,
        /// The key read, waiting for its value; `merge` when it is a plain `<<`.
        pending: Option<(Cow<'a, str>, Span, bool)>,
    },
}

struct Builder<'a, 'b, 's> {
    /// The text parsed (a piece of the whole when `base` > 0).
    text: &'a str,
    base: usize,
    /// How deep the root sits in the whole document.
    depth: usize,
    /// Items of the root list go to `take`.
    stream_root_items: bool,
    /// Top-level lists whose items go to `take`.
    streamed: &'b [&'b str],
    take: &'b mut ItemSink<'s, 'a>,
    stack: Vec<Frame<'a>>,
    /// Each anchor's node, by the parser's anchor id.
    anchors: Vec<Option<Node<'a>>>,
    /// Values aliases have added so far.
    expanded: u64,
    root: Option<Node<'a>>,
    aliases: Vec<AliasUse>,
    warnings: Vec<SyntaxError>,
}

impl<'a> Builder<'a, '_, '_> {
    /// `piece_span` is the event's place in the text parsed; nodes hold their place in the whole.
    fn on_event(&mut self, event: Event<'a>, piece_span: Span) -> Result<(), SyntaxError> {
        let span = piece_span.shifted(self.base);
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let text = borrow_from(self.text, text, piece_span, style);
                let plain = style == ScalarStyle::Plain;
                let explicit_string = tag.as_ref().is_some_and(|t| t.suffix == "str");
                let is_key = matches!(self.stack.last(), Some(Frame::Map { pending: None, .. }));
                if is_key {
                    self.set_key(text, span, plain);
                    return Ok(());
                }
                // `!!int "3"` is 3: a core-schema tag on a quoted scalar types it (YAML 1.2,
                // as PyYAML and serde_yaml read it); text that is not of the type is an error.
                let typed = tag
                    .as_ref()
                    .map(|t| t.suffix.as_str())
                    .filter(|s| ["int", "float", "bool", "null"].contains(s));
                let value = match (plain && !explicit_string || typed.is_some(), text) {
                    (true, Cow::Borrowed(t)) => resolve_plain(t),
                    (true, Cow::Owned(t)) => resolve_owned(t),
                    (false, text) => Value::Str(text),
                };
                if let Some(want) = typed {
                    let fits = matches!(
                        (&value, want),
                        (Value::Int(_), "int" | "float")
                            | (Value::Float(_), "float")
                            | (Value::Bool(_), "bool")
                            | (Value::Null, "null")
                    );
                    if !fits {
                        return Err(SyntaxError {
                            span,
                            message: format!(
                                "this value is tagged `!!{want}` but is no {want} of YAML's core schema"
                            ),
                        });
                    }
                }
                self.finish(Node::new(span, value), anchor);
            }
            Event::Alias(id) => {
                let Some(Some(anchored)) = self.anchors.get(id) else {
                    return Err(SyntaxError {
                        span,
                        message: "an alias names no anchor defined before it".into(),
                    });
                };
                self.expanded = self.expanded.saturating_add(anchored.size());
                if self.expanded > ALIAS_EXPANSION_ALLOWANCE {
                    return Err(SyntaxError {
                        span,
                        message: format!(
                            "aliases here expand the plan past {ALIAS_EXPANSION_ALLOWANCE} values; \
                             cniplan stops rather than expand them"
                        ),
                    });
                }
                let mut node = anchored.clone();
                self.aliases.push(AliasUse {
                    alias: span,
                    anchor: anchored.span,
                });
                node.set_alias(Some(span));
                self.finish(node, 0);
            }
            Event::SequenceStart(..) | Event::MappingStart(..)
                if self.depth + self.stack.len() >= MAX_DEPTH =>
            {
                return Err(SyntaxError {
                    span,
                    message: format!("the document nests deeper than {MAX_DEPTH} levels; no plan does"),
                });
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame::Seq {
                span,
                anchor,
                items: Vec::new(),
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Frame::Map {
                span,
                anchor,
                entries: Vec::new(),
                merges: Vec::new(),
                pending: None,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Frame::Seq {
                        span,
                        anchor,
                        mut items,
                    }) => {
                        items.shrink_to_fit();
                        let end = items.last().map_or(span.end, |n| n.place().end);
                        (
                            Node::new(
                                Span::in_file(span.file, span.start, end.max(span.end)),
                                Value::Seq(items),
                            ),
                            anchor,
                        )
                    }
                    Some(Frame::Map {
                        span,
                        anchor,
                        mut entries,
                        merges,
                        ..
                    }) => {
                        let end = entries
                            .iter()
                            .map(|e| e.value.place().end)
                            .chain(merges.iter().map(|m| m.place().end))
                            .max()
                            .unwrap_or(span.end);
                        self.merge(&mut entries, merges);
                        // A plan is mostly small mappings; growth doubling would waste half.
                        entries.shrink_to_fit();
                        (
                            Node::new(
                                Span::in_file(span.file, span.start, end.max(span.end)),
                                Value::Map(entries),
                            ),
                            anchor,
                        )
                    }
                    None => return Ok(()),
                };
                self.finish(node, anchor);
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether the value finishing now is an item of a streamed top-level list written once:
    /// its key.
    fn streamed_item(&self) -> Option<String> {
        if let [Frame::Seq { .. }] = &self.stack[..] {
            return self.stream_root_items.then(String::new);
        }
        let [Frame::Map {
            entries,
            pending: Some((key, _, false)),
            ..
        }, Frame::Seq { .. }] = &self.stack[..]
        else {
            return None;
        };
        let once = !entries.iter().any(|e| e.key == *key);
        (once && self.streamed.contains(&key.as_ref())).then(|| key.to_string())
    }

    fn set_key(&mut self, text: Cow<'a, str>, span: Span, plain: bool) {
        if let Some(Frame::Map { pending, .. }) = self.stack.last_mut() {
            let merge = plain && text == "<<";
            *pending = Some((text, span, merge));
        }
    }

    /// A finished value: remember it under its anchor, then place it in its parent (or hand
    /// it to the reader of its top-level list).
    fn finish(&mut self, mut node: Node<'a>, anchor: usize) {
        if anchor > 0 {
            if self.anchors.len() <= anchor {
                self.anchors.resize(anchor + 1, None);
            }
            self.anchors[anchor] = Some(node.clone());
        }
        if let Some(key) = self.streamed_item() {
            let placeholder = Node::new(node.span, Value::Taken);
            let taken = std::mem::replace(&mut node, placeholder);
            (self.take)(&key, taken);
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                merges,
                pending,
                ..
            }) => match pending.take() {
                // A collection used as a key: no plan has one; its key reads as empty.
                None => *pending = Some((Cow::Borrowed(""), node.span, false)),
                Some((_, _, true)) => merges.push(node),
                Some((key, key_span, false)) => entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                }),
            },
        }
    }

    /// Adds the entries of merged mappings that the mapping does not write itself; of several
    /// merged mappings, the first that has a key wins (YAML's merge key type).
    fn merge(&mut self, entries: &mut Vec<Entry<'a>>, merges: Vec<Node<'a>>) {
        if merges.is_empty() {
            return;
        }
        let mut seen: HashSet<Cow<'a, str>> = entries.iter().map(|e| e.key.clone()).collect();
        for merged in merges {
            let via = merged.alias();
            let sources: Vec<Node<'a>> = match merged.value {
                Value::Map(_) => vec![merged],
                Value::Seq(items) => items,
                _ => {
                    self.warnings.push(SyntaxError {
                        span: merged.place(),
                        message: "a merge key `<<` takes a mapping or a list of mappings".into(),
                    });
                    continue;
                }
            };
            for source in sources {
                let source_via = source.alias().or(via);
                let Value::Map(source_entries) = source.value else {
                    self.warnings.push(SyntaxError {
                        span: source_via.unwrap_or(source.span),
                        message: "a merge key `<<` takes a mapping or a list of mappings".into(),
                    });
                    continue;
                };
                for mut entry in source_entries {
                    if seen.insert(entry.key.clone()) {
                        let alias = entry.value.alias().or(source_via);
                        entry.value.set_alias(alias);
                        entries.push(entry);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> (SourceFile, Node<'static>) {
        let src = SourceFile::new("p", text.to_string());
        let root = {
            let parsed = parse(&src, 0).unwrap();
            parsed.root.unwrap().into_owned()
        };
        (src, root)
    }

    fn text(src: &SourceFile, span: Span) -> &str {
        &src.text[span.start..span.end]
    }

    #[test]
    fn scalars_are_typed_by_the_core_schema() {
        let (_, root) = doc("a: 3\nb: '3'\nc: 2.40\nd: true\ne: ~\nf: 10.0.0.0/8\ng: 0x10\nh: 99999999999999999999999\ni: yes\n");
        assert_eq!(root.get("a").unwrap().value, Value::Int(3));
        assert_eq!(root.get("b").unwrap().as_str(), Some("3"));
        assert_eq!(root.get("c").unwrap().value, Value::Float(2.4));
        assert_eq!(root.get("d").unwrap().value, Value::Bool(true));
        assert!(root.get("e").unwrap().is_null());
        assert_eq!(root.get("f").unwrap().as_str(), Some("10.0.0.0/8"));
        assert_eq!(root.get("g").unwrap().value, Value::Int(16));
        assert_eq!(root.get("h").unwrap().value, Value::Int(99999999999999999999999));
        assert_eq!(root.get("i").unwrap().as_str(), Some("yes"));
    }

    #[test]
    fn values_and_keys_have_their_spans() {
        let (src, root) = doc("vnets:\n  - name: a\n    address_space: [10.0.0.0/8, 'x']\n");
        let vnet = root.get("vnets").and_then(|v| v.index(0)).unwrap();
        assert_eq!(text(&src, vnet.get("name").unwrap().span), "a");
        let space = vnet.get("address_space").unwrap();
        assert_eq!(text(&src, space.index(0).unwrap().span), "10.0.0.0/8");
        assert_eq!(text(&src, space.index(1).unwrap().span), "'x'");
        assert_eq!(
            text(&src, vnet.entry("address_space").unwrap().key_span),
            "address_space"
        );
    }

    /// A quoted value's span ends at its closing quote, not at the end of the comment after it
    /// (where the parser stops): a finding underlines the value, and `--fix` keeps the comment.
    #[test]
    fn quoted_values_end_at_their_closing_quote() {
        let (src, root) = doc(
            "a: \"x\"  # a comment\nb: ''  # empty\nc: 'it''s'  # doubled\nd: \"q\\\"\"  # escaped\ne: !!str \"t\"  # tagged\n",
        );
        for (key, written) in [
            ("a", "\"x\""),
            ("b", "''"),
            ("c", "'it''s'"),
            ("d", "\"q\\\"\""),
            ("e", "\"t\""),
        ] {
            assert_eq!(text(&src, root.get(key).unwrap().span), written, "{key}");
        }
        assert_eq!(root.get("c").unwrap().as_str(), Some("it's"));
        assert_eq!(root.get("d").unwrap().as_str(), Some("q\""));
    }

    /// YAML 1.2's core-schema tags type a quoted value, as PyYAML and serde_yaml read them.
    #[test]
    fn core_schema_tags_type_quoted_values() {
        let (src, root) = doc("a: !!int \"3\"\nb: !!bool 'true'\nc: !!float \"2\"\nd: !!str 3\n");
        assert_eq!(root.get("a").unwrap().as_int(), Some(3));
        assert_eq!(text(&src, root.get("a").unwrap().span), "\"3\"");
        assert_eq!(root.get("b").unwrap().as_bool(), Some(true));
        assert!(matches!(root.get("c").unwrap().value, Value::Int(2)));
        assert_eq!(root.get("d").unwrap().as_str(), Some("3"));
        let source = SourceFile::new("p.yaml", "a: !!int \"three\"\n");
        let err = parse(&source, 0)
            .map(|_| ())
            .expect_err("`!!int` on text is refused");
        assert_eq!(
            err.message,
            "this value is tagged `!!int` but is no int of YAML's core schema"
        );
        assert_eq!(&source.text[err.span.start..err.span.end], "\"three\"");
    }

    #[test]
    fn spans_are_byte_ranges_even_after_multibyte_characters() {
        let (src, root) = doc("a: 'é ü'\nb: [ä, 10.0.0.0/8]\n");
        assert_eq!(text(&src, root.get("a").unwrap().span), "'é ü'");
        assert_eq!(
            text(&src, root.get("b").unwrap().index(1).unwrap().span),
            "10.0.0.0/8"
        );
    }

    #[test]
    fn aliases_copy_the_anchor_and_remember_where_they_stand() {
        let (src, root) = doc("base: &v 2.40.0\nuse: *v\n");
        let used = root.get("use").unwrap();
        assert_eq!(used.as_str(), Some("2.40.0"));
        assert_eq!(text(&src, used.span), "2.40.0");
        assert_eq!(text(&src, used.alias().unwrap()), "*v");
    }

    #[test]
    fn merge_keys_add_what_the_mapping_does_not_write() {
        let yaml = "base: &b {max_pods: 30, os_type: Linux}\nother: &o {max_pods: 50, node_count: 2}\n\
                    pool:\n  <<: [*b, *o]\n  max_pods: 110\n";
        let (src, root) = doc(yaml);
        let pool = root.get("pool").unwrap();
        let keys: Vec<&str> = pool.entries().iter().map(|e| e.key.as_ref()).collect();
        assert_eq!(keys, ["max_pods", "os_type", "node_count"]);
        assert_eq!(pool.get("max_pods").unwrap().value, Value::Int(110));
        let os = pool.get("os_type").unwrap();
        assert_eq!(text(&src, os.alias().unwrap()), "*b");
        // A quoted `<<` is an ordinary key.
        let (_, root) = doc("'<<': 1\n");
        assert_eq!(root.entries()[0].key, "<<");
    }

    #[test]
    fn a_merge_of_no_mapping_is_reported() {
        let src = SourceFile::new("p", "a:\n  <<: 3\n  b: 1\n");
        let parsed = parse(&src, 0).unwrap();
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(parsed.root.unwrap().get("a").unwrap().entries().len(), 1);
    }

    #[test]
    fn reports_syntax_errors_and_second_documents() {
        let src = SourceFile::new("p", "a: [1, 2\nb: 3\n");
        let err = parse(&src, 0).unwrap_err();
        assert_eq!(src.position(err.span.start).line, 2);
        let src = SourceFile::new("p", "a: 1\n---\nb: 2\n");
        let err = parse(&src, 0).unwrap_err();
        assert_eq!(src.position(err.span.start).line, 2);
    }

    #[test]
    fn aliases_that_expand_past_the_allowance_are_refused() {
        // Ten levels of ten aliases each: 10^10 values once expanded.
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut previous = 'a';
        for name in "bcdefghijk".chars() {
            let refs = vec![format!("*{previous}"); 10].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
            previous = name;
        }
        let err = parse(&SourceFile::new("p", text), 0).unwrap_err();
        assert!(err.message.contains("aliases here expand"), "{}", err.message);
        let shared = "base: &pool {max_pods: 30}\nuse: [*pool, *pool]\n";
        assert!(parse(&SourceFile::new("p", shared), 0).is_ok());
    }

    #[test]
    fn empty_stream_has_no_root() {
        assert!(parse(&SourceFile::new("p", "# nothing\n"), 0)
            .unwrap()
            .root
            .is_none());
    }

    #[test]
    fn nesting_past_our_depth_is_an_error() {
        let deep = |n| SourceFile::new("p", format!("a: {}{}", "[".repeat(n), "]".repeat(n)));
        assert!(parse(&deep(MAX_DEPTH - 2), 0).is_ok());
        assert!(parse(&deep(MAX_DEPTH + 10), 0)
            .unwrap_err()
            .message
            .contains("nests deeper"));
        assert!(parse(&deep(100_000), 0)
            .unwrap_err()
            .message
            .contains("nests deeper"));
    }
}
