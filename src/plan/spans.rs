//! Where every value of a plan was written.
//!
//! serde_yaml gives positions only for its own errors, so one extra pass over the text with
//! saphyr-parser (which marks every event) builds a tree of spans shaped like the document.
//! Values are found in it by their path (`vnets[0].subnets[1].cidr`), never by searching text.

use crate::source::SourceFile;
use crate::span::Span;
use saphyr_parser::{Event, Marker, Parser};
use std::borrow::Cow;

/// Values that aliases may add beyond the document's own: enough for any plan that shares
/// pools or subnets through anchors, far below what a "billion laughs" expands to.
const ALIAS_EXPANSION_ALLOWANCE: u64 = 1_000_000;

/// Deeper than any plan needs; keeps hostile nesting from costing memory. serde_yaml stops
/// at 128 levels anyway.
const MAX_DEPTH: usize = 64;

#[derive(Debug)]
pub struct Node<'a> {
    pub span: Span,
    pub kind: Kind<'a>,
}

#[derive(Debug)]
pub enum Kind<'a> {
    /// A scalar, an alias, or a collection nested deeper than we index.
    Leaf,
    Seq(Vec<Node<'a>>),
    Map(Vec<Entry<'a>>),
}

#[derive(Debug)]
pub struct Entry<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl<'a> Node<'a> {
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry<'a>> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|e| e.key == key),
            _ => None,
        }
    }

    pub fn index(&self, i: usize) -> Option<&Node<'a>> {
        match &self.kind {
            Kind::Seq(items) => items.get(i),
            _ => None,
        }
    }
}

/// Why the text is not one YAML document.
#[derive(Debug)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// The spans of the first document; `None` for a stream with no document (an empty file).
pub fn build<'a>(source: &'a SourceFile) -> Result<Option<Node<'a>>, SyntaxError> {
    let mut builder = Builder::default();
    let mut documents = 0;
    // Markers count characters; start and end markers each move forward through the text.
    let (mut starts, mut ends) = (Bytes::new(&source.text), Bytes::new(&source.text));
    for event in Parser::new_from_str(&source.text) {
        let (event, span) = event.map_err(|e| {
            let at = Bytes::new(&source.text).offset(e.marker());
            SyntaxError {
                span: Span::new(at, at),
                message: format!("invalid YAML: {}", e.info()),
            }
        })?;
        let span = Span::new(starts.offset(&span.start), ends.offset(&span.end));
        if builder.expanded > ALIAS_EXPANSION_ALLOWANCE + builder.events {
            return Err(SyntaxError {
                span,
                message: format!(
                    "aliases here expand the plan past {} values; cniplan stops rather than expand them",
                    ALIAS_EXPANSION_ALLOWANCE + builder.events
                ),
            });
        }
        if let Event::DocumentStart(_) = event {
            documents += 1;
            if documents > 1 {
                return Err(SyntaxError {
                    span,
                    message: "a plan file holds one YAML document; this is a second one".into(),
                });
            }
        }
        builder.on_event(event, span);
    }
    Ok(builder.root)
}

/// Character index → byte offset, moving forward from the last answer: O(text) over a whole
/// pass, where converting each marker from its line start would be quadratic on one long line.
struct Bytes<'t> {
    text: &'t str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'t> Bytes<'t> {
    fn new(text: &'t str) -> Self {
        Bytes {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    fn offset(&mut self, marker: &Marker) -> usize {
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

enum Frame<'a> {
    Seq(Span, Vec<Node<'a>>),
    Map(Span, Vec<Entry<'a>>, Option<(Cow<'a, str>, Span)>),
}

#[derive(Default)]
struct Builder<'a> {
    stack: Vec<Frame<'a>>,
    /// Events read, and values they stand for once aliases are expanded (as serde_yaml will).
    events: u64,
    expanded: u64,
    /// Expanded size of each anchored node, by anchor id; and where open anchored nodes began.
    anchor_sizes: Vec<u64>,
    open_anchors: Vec<(usize, u64, usize)>,
    /// Levels of nesting below MAX_DEPTH that are being skipped, and where the skip began.
    skipped: usize,
    skip_start: Span,
    root: Option<Node<'a>>,
}

impl<'a> Builder<'a> {
    fn on_event(&mut self, event: Event<'a>, span: Span) {
        let opens = matches!(event, Event::SequenceStart(..) | Event::MappingStart(..));
        let closes = matches!(event, Event::SequenceEnd | Event::MappingEnd);
        self.count(&event, opens, closes);
        if self.skipped > 0 {
            self.skipped = self.skipped + usize::from(opens) - usize::from(closes);
            if self.skipped == 0 {
                let leaf = Node {
                    span: self.skip_start,
                    kind: Kind::Leaf,
                };
                self.push(leaf, None);
            }
            return;
        }
        match event {
            Event::Scalar(text, ..) => self.push(
                Node {
                    span,
                    kind: Kind::Leaf,
                },
                Some(text),
            ),
            Event::Alias(_) => self.push(
                Node {
                    span,
                    kind: Kind::Leaf,
                },
                None,
            ),
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                self.skipped = 1;
                self.skip_start = span;
            }
            Event::SequenceStart(..) => self.stack.push(Frame::Seq(span, Vec::new())),
            Event::MappingStart(..) => self.stack.push(Frame::Map(span, Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Frame::Seq(start, items)) => {
                        let end = items.last().map_or(start.end, |n| n.span.end);
                        Node {
                            span: Span::new(start.start, end.max(start.end)),
                            kind: Kind::Seq(items),
                        }
                    }
                    Some(Frame::Map(start, entries, _)) => {
                        let end = entries.last().map_or(start.end, |e| e.value.span.end);
                        Node {
                            span: Span::new(start.start, end.max(start.end)),
                            kind: Kind::Map(entries),
                        }
                    }
                    None => return,
                };
                self.push(node, None);
            }
            _ => {}
        }
    }

    /// Keeps `expanded` as the number of values once aliases are replaced by what they name.
    fn count(&mut self, event: &Event<'a>, opens: bool, closes: bool) {
        self.events += 1;
        let anchor = match event {
            Event::Alias(id) => {
                let size = self.anchor_sizes.get(*id).copied().unwrap_or(1);
                self.expanded = self.expanded.saturating_add(size);
                return;
            }
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _) => *anchor,
            _ => 0,
        };
        self.expanded = self.expanded.saturating_add(1);
        let depth = self.stack.len() + self.skipped;
        if anchor > 0 && opens {
            self.open_anchors.push((anchor, self.expanded - 1, depth));
        } else if anchor > 0 {
            self.set_anchor_size(anchor, 1);
        }
        if closes {
            // The collection that closes now began one level up.
            if let Some(&(id, start, at)) = self.open_anchors.last() {
                if at + 1 == depth {
                    self.open_anchors.pop();
                    self.set_anchor_size(id, self.expanded - start);
                }
            }
        }
    }

    fn set_anchor_size(&mut self, id: usize, size: u64) {
        if self.anchor_sizes.len() <= id {
            self.anchor_sizes.resize(id + 1, 1);
        }
        self.anchor_sizes[id] = size;
    }

    /// Adds a finished node to the collection being built: as a sequence item, as a mapping
    /// key (when no key is pending; `text` is the key's text) or as a key's value.
    fn push(&mut self, node: Node<'a>, text: Option<Cow<'a, str>>) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending)) => match pending.take() {
                None => *pending = Some((text.unwrap_or_default(), node.span)),
                Some((key, key_span)) => entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at(src: &SourceFile, span: Span) -> &str {
        &src.text[span.start..span.end]
    }

    #[test]
    fn finds_values_and_keys_by_path() {
        let src = SourceFile::new("p", "vnets:\n  - name: a\n    address_space: [10.0.0.0/8, 'x']\n");
        let root = build(&src).unwrap().unwrap();
        let vnet = root.get("vnets").and_then(|v| v.index(0)).unwrap();
        assert_eq!(text_at(&src, vnet.get("name").unwrap().span), "a");
        let space = vnet.get("address_space").unwrap();
        assert_eq!(text_at(&src, space.index(0).unwrap().span), "10.0.0.0/8");
        assert_eq!(text_at(&src, space.index(1).unwrap().span), "'x'");
        assert_eq!(
            text_at(&src, vnet.entry("address_space").unwrap().key_span),
            "address_space"
        );
    }

    #[test]
    fn reports_syntax_errors_and_second_documents() {
        let src = SourceFile::new("p", "a: [1, 2\nb: 3\n");
        let err = build(&src).err().unwrap();
        assert_eq!(src.position(err.span.start).line, 2);
        let src = SourceFile::new("p", "a: 1\n---\nb: 2\n");
        let err = build(&src).err().unwrap();
        assert_eq!(src.position(err.span.start).line, 2);
    }

    #[test]
    fn spans_are_byte_ranges_even_after_multibyte_characters() {
        let src = SourceFile::new("p", "a: 'é ü'\nb: [ä, 10.0.0.0/8]\n");
        let root = build(&src).unwrap().unwrap();
        assert_eq!(text_at(&src, root.get("a").unwrap().span), "'é ü'");
        assert_eq!(
            text_at(&src, root.get("b").unwrap().index(1).unwrap().span),
            "10.0.0.0/8"
        );
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
        let err = build(&SourceFile::new("p", text)).unwrap_err();
        assert!(err.message.contains("aliases here expand"), "{}", err.message);
        // Sharing a value through an anchor is fine.
        let shared = "base: &pool {max_pods: 30}\nuse: [*pool, *pool]\n";
        assert!(build(&SourceFile::new("p", shared)).is_ok());
    }

    #[test]
    fn empty_stream_has_no_root() {
        assert!(build(&SourceFile::new("p", "# nothing\n")).unwrap().is_none());
    }

    #[test]
    fn nesting_past_our_depth_is_skipped_and_past_the_parsers_is_an_error() {
        let deep = |n| SourceFile::new("p", format!("a: {}{}", "[".repeat(n), "]".repeat(n)));
        let skipped = deep(MAX_DEPTH + 10);
        let root = build(&skipped).unwrap().unwrap();
        assert!(root.get("a").is_some());
        let hostile = deep(100_000);
        assert!(build(&hostile).unwrap_err().message.contains("recursion limit"));
    }
}
