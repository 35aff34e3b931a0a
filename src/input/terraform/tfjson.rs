//! Terraform's JSON configuration syntax (`*.tf.json`, docs/terraform.md#tfjson), read by
//! the `.tf` reader: the JSON becomes the HCL it stands for, parsed as any `.tf` file, with a
//! [`SpanMap`] that takes every place in that HCL back to the JSON a user wrote, so findings
//! point at the `.tf.json` line and column.
//!
//! What Terraform's JSON syntax means is its documentation's (developer.hashicorp.com
//! /terraform/language/syntax/json): a string is a template (`"${var.x}"` is the value of
//! `var.x`, not its text); a `variable`'s `type` is a type expression and its `default` a
//! literal; a module's `source` and `version` are literals; `"//"` in a block is a comment;
//! `dynamic` blocks nest as `{"dynamic": {"NAME": {"for_each": …, "content": {…}}}}`. A
//! property whose value is an object is read as an object value: without the provider's
//! schema a nested block cannot be told from an object attribute, and the mapping reads a
//! block written either way (`default_node_pool` as `{…}` or `[{…}]`).

use crate::diagnostic::{Finding, Rule, Span};
use crate::input::tree::{Node, Value};
use crate::source::SourceFile;
use std::fmt::Write as _;
use std::ops::Range;

/// A place in the HCL a `.tf.json` file became → its place in the JSON.
#[derive(Clone, Debug, Default)]
pub struct SpanMap {
    /// Pieces of the HCL that stand for a piece of the JSON, in order, contiguous copies
    /// merged: (HCL range, JSON range).
    anchors: Vec<(Range<usize>, Range<usize>)>,
    /// The JSON text's length, the bound of every place.
    len: usize,
}

impl SpanMap {
    /// The JSON place of the HCL range `start..end`.
    pub fn range(&self, start: usize, end: usize) -> Range<usize> {
        let s = self.pos(start, false);
        let e = self.pos(end, true).max(s);
        s..e
    }

    fn pos(&self, at: usize, end: bool) -> usize {
        // The last anchor starting at or before `at` (for an end, strictly before).
        let i = self
            .anchors
            .partition_point(|(h, _)| if end { h.start < at } else { h.start <= at });
        let Some((h, j)) = i.checked_sub(1).map(|i| &self.anchors[i]) else {
            return 0;
        };
        let out = if at <= h.end && h.len() == j.len() {
            j.start + (at - h.start)
        } else if at == h.start && !end {
            j.start
        } else {
            j.end
        };
        out.min(self.len)
    }

    /// The span in `file` of an HCL range.
    pub fn span(&self, file: u32, range: Option<Range<usize>>) -> Span {
        match range {
            Some(r) => {
                let r = self.range(r.start, r.end);
                Span::in_file(file, r.start, r.end)
            }
            None => Span::in_file(file, 0, 0),
        }
    }
}

/// A `.tf.json` file as HCL: the text, the map back, and what Terraform refuses in it that
/// did not stop the reading (a name that is no identifier, a block type it does not know).
pub struct Converted {
    pub hcl: String,
    pub map: SpanMap,
    pub findings: Vec<Finding>,
}

/// Whether a configuration file is in the JSON syntax.
pub fn is_json(path: &str) -> bool {
    path.ends_with(".tf.json")
}

/// Converts one `.tf.json` source (file `file` of the input); its JSON errors, located, when
/// it is no JSON object.
pub fn convert(source: &SourceFile, file: u32) -> Result<Converted, Vec<Finding>> {
    let doc = crate::input::json::parse(source, file).map_err(|e| {
        vec![Finding::new(
            Rule::PlanSyntax,
            e.span,
            format!("this is not valid JSON: {}", e.message),
        )
        .help("a `.tf.json` file is one JSON object, as Terraform's JSON configuration syntax describes")]
    })?;
    let Some(root) = doc.root else {
        return Err(vec![Finding::new(
            Rule::PlanSyntax,
            Span::in_file(file, 0, 0),
            "the file is empty: Terraform reads a `.tf.json` file as one JSON object",
        )
        .help("write `{}` for a file that declares nothing")]);
    };
    if !matches!(root.value, Value::Map(_)) {
        return Err(vec![Finding::new(
            Rule::PlanSchema,
            root.span,
            format!("a `.tf.json` file is a JSON object, not {}", root.describe()),
        )
        .help(
            "Terraform's JSON configuration is an object of block types: {\"resource\": {…}}",
        )]);
    }
    let mut out = Out {
        src: &source.text,
        hcl: String::with_capacity(source.text.len() + source.text.len() / 4),
        anchors: Vec::new(),
        findings: Vec::new(),
        file,
        resources: 0,
    };
    out.top(&root);
    Ok(Converted {
        hcl: out.hcl,
        map: SpanMap {
            anchors: out.anchors,
            len: source.text.len(),
        },
        findings: out.findings,
    })
}

/// What a block's body is, for which of its properties are literals, expressions or skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Resource,
    Module,
    Variable,
    Output,
    /// A nested `dynamic` block's `content`, or any block inside a resource.
    Nested,
}

struct Out<'s> {
    src: &'s str,
    hcl: String,
    anchors: Vec<(Range<usize>, Range<usize>)>,
    findings: Vec<Finding>,
    file: u32,
    /// `resource` and `data` blocks written so far: past `files::MAX_RESOURCE_BLOCKS` the
    /// rest are not made HCL, whose tree and evaluation would cost about 5 KB a block.
    resources: usize,
}

impl Out<'_> {
    /// Structure of the HCL with no JSON of its own.
    fn plain(&mut self, s: &str) {
        self.hcl.push_str(s);
    }

    /// HCL text that stands for the JSON at `json`.
    fn mapped(&mut self, s: &str, json: Range<usize>) {
        let start = self.hcl.len();
        self.hcl.push_str(s);
        let hcl = start..self.hcl.len();
        if let Some((h, j)) = self.anchors.last_mut() {
            // A copy right after a copy is one anchor: a string without escapes is one.
            if h.end == hcl.start && j.end == json.start && h.len() == j.len() && hcl.len() == json.len() {
                h.end = hcl.end;
                j.end = json.end;
                return;
            }
        }
        self.anchors.push((hcl, json));
    }

    fn refuse(&mut self, span: Span, message: String, help: &str) {
        self.findings
            .push(Finding::new(Rule::PlanSchema, span, message).help(help.to_string()));
    }

    fn key_range(&self, key_span: Span) -> Range<usize> {
        key_span.start..key_span.end
    }

    fn top(&mut self, root: &Node<'_>) {
        for e in root.entries() {
            let at = self.key_range(e.key_span);
            match e.key.as_ref() {
                "//" => {}
                "resource" => self.labeled(&e.value, "resource", at, 2, &mut Vec::new(), Kind::Resource),
                "data" => self.labeled(&e.value, "data", at, 2, &mut Vec::new(), Kind::Resource),
                "module" => self.labeled(&e.value, "module", at, 1, &mut Vec::new(), Kind::Module),
                "variable" => self.labeled(&e.value, "variable", at, 1, &mut Vec::new(), Kind::Variable),
                "output" => self.labeled(&e.value, "output", at, 1, &mut Vec::new(), Kind::Output),
                "locals" => self.locals(&e.value, at),
                // What cniplan does not read from any configuration.
                "terraform" | "provider" | "moved" | "import" | "check" | "removed" | "ephemeral" => {}
                other => {
                    let other = crate::source::visible(other);
                    self.refuse(
                        e.key_span,
                        format!("Terraform refuses this file: unsupported block type \"{other}\""),
                        "the top-level properties of a `.tf.json` file are block types: resource, data, module, variable, output, locals, terraform, provider",
                    );
                }
            }
        }
    }

    /// Blocks with `n` labels: each label one level of objects (or arrays of them), then the
    /// body (or an array of bodies).
    fn labeled(
        &mut self,
        node: &Node<'_>,
        ident: &str,
        at: Range<usize>,
        n: usize,
        labels: &mut Vec<(String, Range<usize>)>,
        kind: Kind,
    ) {
        match &node.value {
            Value::Seq(items) => {
                for item in items {
                    self.labeled(item, ident, at.clone(), n, labels, kind);
                }
            }
            Value::Map(_) if labels.len() == n && kind == Kind::Resource => {
                let limit = super::files::MAX_RESOURCE_BLOCKS;
                if self.resources == limit {
                    // Said once, at the first block left out (the config reader says it
                    // too for `.tf` files, counting across the configuration).
                    let r = labels.last().map_or(at.clone(), |(_, r)| r.clone());
                    self.findings.push(super::files::too_many_resources(Span::in_file(
                        self.file, r.start, r.end,
                    )));
                }
                self.resources += 1;
                if self.resources <= limit {
                    self.block(node, ident, at, labels, kind);
                }
            }
            Value::Map(_) if labels.len() == n => self.block(node, ident, at, labels, kind),
            Value::Map(entries) => {
                for e in entries {
                    if e.key == "//" {
                        continue;
                    }
                    if !is_name(&e.key) {
                        self.refuse(
                            e.key_span,
                            format!(
                                "Terraform refuses this file: \"{}\" is no valid {ident} label (a name starts with a letter or underscore and holds letters, digits, underscores and dashes)",
                                crate::source::visible(&e.key)
                            ),
                            "rename it; the block is not read",
                        );
                        continue;
                    }
                    labels.push((e.key.to_string(), self.key_range(e.key_span)));
                    self.labeled(&e.value, ident, at.clone(), n, labels, kind);
                    labels.pop();
                }
            }
            _ => self.refuse(
                node.span,
                format!(
                    "Terraform refuses this file: a `{ident}` block is a JSON object, not {}",
                    node.describe()
                ),
                "write the block as an object of its labels and body",
            ),
        }
    }

    fn block(
        &mut self,
        body: &Node<'_>,
        ident: &str,
        at: Range<usize>,
        labels: &[(String, Range<usize>)],
        kind: Kind,
    ) {
        self.plain("\n");
        self.mapped(ident, at);
        for (label, range) in labels {
            self.plain(" ");
            self.mapped(&format!("\"{label}\""), range.clone());
        }
        self.plain(" ");
        self.mapped("{", body.span.start..body.span.start + 1);
        self.plain("\n");
        self.body(body, kind);
        self.mapped("}", body.span.end.saturating_sub(1)..body.span.end);
        self.plain("\n");
    }

    fn body(&mut self, body: &Node<'_>, kind: Kind) {
        for e in body.entries() {
            let key = e.key.as_ref();
            let skipped: &[&str] = match kind {
                Kind::Resource => &["depends_on", "provider", "lifecycle", "provisioner", "connection"],
                Kind::Module => &["depends_on", "providers"],
                Kind::Variable => &["validation", "ephemeral"],
                Kind::Output => &["depends_on", "precondition", "ephemeral"],
                Kind::Nested => &[],
            };
            if key == "//" || skipped.contains(&key) {
                continue;
            }
            if key == "dynamic" && matches!(kind, Kind::Resource | Kind::Nested) {
                self.labeled(
                    &e.value,
                    "dynamic",
                    self.key_range(e.key_span),
                    1,
                    &mut Vec::new(),
                    Kind::Nested,
                );
                continue;
            }
            if kind == Kind::Nested && key == "content" {
                // A `dynamic` block's body, whose properties are the blocks it makes.
                if let Value::Map(_) = e.value.value {
                    self.block(&e.value, "content", self.key_range(e.key_span), &[], Kind::Nested);
                    continue;
                }
            }
            if !is_name(key) {
                self.refuse(
                    e.key_span,
                    format!(
                        "Terraform refuses this file: \"{}\" is no valid argument name",
                        crate::source::visible(key)
                    ),
                    "an argument's name starts with a letter or underscore and holds letters, digits, underscores and dashes; it is not read",
                );
                continue;
            }
            self.mapped(key, self.key_range(e.key_span));
            self.plain(" = ");
            match (kind, key) {
                (Kind::Variable, "type") | (Kind::Nested, "iterator") => self.raw(&e.value),
                (Kind::Variable, _)
                | (Kind::Module, "source" | "version")
                | (Kind::Output, "description" | "sensitive") => self.literal(&e.value),
                _ => self.expr(&e.value),
            }
            self.plain("\n");
        }
    }

    fn locals(&mut self, node: &Node<'_>, at: Range<usize>) {
        match &node.value {
            Value::Seq(items) => {
                for item in items {
                    self.locals(item, at.clone());
                }
            }
            Value::Map(_) => {
                self.plain("\n");
                self.mapped("locals", at);
                self.plain(" ");
                self.mapped("{", node.span.start..node.span.start + 1);
                self.plain("\n");
                for e in node.entries() {
                    if e.key == "//" {
                        continue;
                    }
                    if !is_name(&e.key) {
                        self.refuse(
                            e.key_span,
                            format!(
                                "Terraform refuses this file: \"{}\" is no valid local value name",
                                crate::source::visible(&e.key)
                            ),
                            "a name starts with a letter or underscore and holds letters, digits, underscores and dashes; it is not read",
                        );
                        continue;
                    }
                    self.mapped(&e.key, self.key_range(e.key_span));
                    self.plain(" = ");
                    self.expr(&e.value);
                    self.plain("\n");
                }
                self.mapped("}", node.span.end.saturating_sub(1)..node.span.end);
                self.plain("\n");
            }
            _ => self.refuse(
                node.span,
                format!(
                    "Terraform refuses this file: `locals` is a JSON object, not {}",
                    node.describe()
                ),
                "write locals as {\"name\": value}",
            ),
        }
    }

    /// A value in expression mode: strings are templates.
    fn expr(&mut self, node: &Node<'_>) {
        self.value(node, Strings::Template);
    }

    /// A value taken literally: strings are text, `${` and all.
    fn literal(&mut self, node: &Node<'_>) {
        self.value(node, Strings::Literal);
    }

    /// A string holding an expression to read as written (a variable's `type`).
    fn raw(&mut self, node: &Node<'_>) {
        match &node.value {
            Value::Str(_) => {
                let inner = (node.span.start + 1)..node.span.end.saturating_sub(1);
                for (c, range) in decode(self.src, inner) {
                    let mut buf = [0u8; 4];
                    self.mapped(c.encode_utf8(&mut buf), range);
                }
            }
            _ => self.expr(node),
        }
    }

    /// A value (its nesting is bounded by the JSON parser's depth).
    fn value(&mut self, node: &Node<'_>, strings: Strings) {
        let span = node.span.start..node.span.end;
        match &node.value {
            Value::Null | Value::Taken => self.mapped("null", span),
            Value::Bool(b) => self.mapped(if *b { "true" } else { "false" }, span),
            Value::Int(_) | Value::Float(_) => {
                let text = self.src.get(span.clone()).unwrap_or("0").to_string();
                self.mapped(&text, span);
            }
            Value::Str(_) => self.string(node, strings),
            Value::Seq(items) => {
                self.mapped("[", span.start..span.start + 1);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.plain(",");
                    }
                    self.plain("\n");
                    self.value(item, strings);
                }
                self.plain("\n");
                self.mapped("]", span.end.saturating_sub(1)..span.end);
            }
            Value::Map(entries) => {
                self.mapped("{", span.start..span.start + 1);
                self.plain("\n");
                for e in entries {
                    // The key, quoted: a template in expression mode, as Terraform reads it.
                    let key_range = self.key_range(e.key_span);
                    let key_strings = if strings == Strings::Template && has_template(&e.key) {
                        Strings::Template
                    } else {
                        Strings::Literal
                    };
                    self.quoted(key_range, key_strings);
                    self.plain(" = ");
                    self.value(&e.value, strings);
                    self.plain("\n");
                }
                self.mapped("}", span.end.saturating_sub(1)..span.end);
            }
        }
    }

    fn string(&mut self, node: &Node<'_>, strings: Strings) {
        self.quoted(node.span.start..node.span.end, strings);
    }

    /// A JSON string (`range` with its quotes) as an HCL quoted string: a template whose
    /// interpolations are written as they are, the text around them escaped for HCL; or, as a
    /// literal, text whose `${` and `%{` are escaped too.
    fn quoted(&mut self, range: Range<usize>, strings: Strings) {
        if range.len() < 2 {
            self.mapped("\"\"", range);
            return;
        }
        let inner = (range.start + 1)..(range.end - 1);
        let chars = decode(self.src, inner);
        let mask = match strings {
            Strings::Template => interpolations(&chars),
            Strings::Literal => vec![false; chars.len()],
        };
        self.mapped("\"", range.start..range.start + 1);
        let mut i = 0;
        while i < chars.len() {
            let (c, r) = chars[i].clone();
            let mut buf = [0u8; 4];
            let text: String = if mask[i] {
                c.encode_utf8(&mut buf).to_string()
            } else {
                match c {
                    '"' => "\\\"".into(),
                    '\\' => "\\\\".into(),
                    '\n' => "\\n".into(),
                    '\r' => "\\r".into(),
                    '\t' => "\\t".into(),
                    c if (c as u32) < 0x20 || c == '\u{7f}' => {
                        let mut s = String::new();
                        let _ = write!(s, "\\u{:04x}", c as u32);
                        s
                    }
                    // A literal's `${` and `%{` are text: `$${` and `%%{` in HCL.
                    '$' | '%'
                        if strings == Strings::Literal
                            && chars.get(i + 1).is_some_and(|(n, _)| *n == '{') =>
                    {
                        format!("{c}{c}")
                    }
                    c => c.encode_utf8(&mut buf).to_string(),
                }
            };
            self.mapped(&text, r);
            i += 1;
        }
        self.mapped("\"", range.end - 1..range.end);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strings {
    Template,
    Literal,
}

/// A Terraform name: a letter or underscore, then letters, digits, underscores and dashes.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

fn has_template(s: &str) -> bool {
    s.contains("${") || s.contains("%{")
}

/// The characters of a JSON string's content (`inner`, between its quotes), each with the
/// range of the text that wrote it (an escape's whole `\uXXXX`).
fn decode(src: &str, inner: Range<usize>) -> Vec<(char, Range<usize>)> {
    let Some(text) = src.get(inner.clone()) else {
        return Vec::new();
    };
    let base = inner.start;
    let mut out = Vec::with_capacity(text.len());
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c != '\\' {
            out.push((c, base + i..base + i + c.len_utf8()));
            continue;
        }
        let Some((_, e)) = iter.next() else { break };
        let simple = match e {
            '"' => Some('"'),
            '\\' => Some('\\'),
            '/' => Some('/'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            _ => None,
        };
        if let Some(s) = simple {
            out.push((s, base + i..base + i + 2));
            continue;
        }
        // `\uXXXX`, a surrogate pair as two; the parser already refused anything else.
        let hex = |at: usize| text.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
        let Some(first) = hex(i + 2) else { break };
        let mut end = i + 6;
        let c = if (0xD800..0xDC00).contains(&first) && text.get(end..end + 2) == Some("\\u") {
            match hex(end + 2) {
                Some(second) if (0xDC00..0xE000).contains(&second) => {
                    end += 6;
                    char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                }
                _ => None,
            }
        } else {
            char::from_u32(first)
        };
        out.push((c.unwrap_or('\u{fffd}'), base + i..base + end));
        while iter.peek().is_some_and(|(j, _)| *j < end) {
            iter.next();
        }
    }
    out
}

/// Which characters of a template are inside an interpolation or directive (`${…}`,
/// `%{…}`), written as HCL expressions: their quotes are the expression's own.
fn interpolations(chars: &[(char, Range<usize>)]) -> Vec<bool> {
    let c = |i: usize| chars.get(i).map(|(c, _)| *c);
    let mut mask = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        match (c(i), c(i + 1), c(i + 2)) {
            // `$${` and `%%{` are the text `${` and `%{`.
            (Some('$'), Some('$'), Some('{')) | (Some('%'), Some('%'), Some('{')) => i += 3,
            (Some('$' | '%'), Some('{'), _) => {
                let end = expression_end(chars, i + 2, 0).min(chars.len().saturating_sub(1));
                for m in &mut mask[i..=end] {
                    *m = true;
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    mask
}

/// The index of the `}` closing an interpolation whose expression starts at `i`; the last
/// index when it is not closed (HCL then refuses the template where it ends).
fn expression_end(chars: &[(char, Range<usize>)], mut i: usize, depth: usize) -> usize {
    if depth > 64 {
        return chars.len();
    }
    let mut braces = 0usize;
    while let Some((c, _)) = chars.get(i) {
        match c {
            '"' => {
                // A string inside the expression, with templates of its own.
                i += 1;
                while let Some((s, _)) = chars.get(i) {
                    match s {
                        '\\' => i += 2,
                        '"' => break,
                        '$' | '%' if chars.get(i + 1).is_some_and(|(n, _)| *n == '{') => {
                            i = expression_end(chars, i + 2, depth + 1) + 1;
                        }
                        _ => i += 1,
                    }
                }
                i += 1;
            }
            '{' => {
                braces += 1;
                i += 1;
            }
            '}' if braces == 0 => return i,
            '}' => {
                braces -= 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hcl(json: &str) -> (String, SpanMap, Vec<Finding>) {
        let source = SourceFile::new("main.tf.json", json);
        let c = convert(&source, 1).unwrap_or_else(|f| panic!("{f:?}"));
        (c.hcl, c.map, c.findings)
    }

    #[test]
    fn blocks_and_templates_become_hcl() {
        let json = r#"{"resource": {"azurerm_subnet": {"s": {"name": "a-${var.x}", "count": "${length(var.l)}", "address_prefixes": ["10.0.0.0/24"], "//": "note"}}},
            "variable": {"x": {"type": "list(string)", "default": "${not a template}"}},
            "locals": {"q": "say \"${lookup(var.m, \"k\")}\""}}"#;
        let (text, _, findings) = hcl(json);
        assert!(findings.is_empty());
        let body = hcl_edit::parser::parse_body(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(body.blocks().count(), 3, "{text}");
        assert!(text.contains(r#"name = "a-${var.x}""#), "{text}");
        assert!(text.contains("type = list(string)"), "{text}");
        assert!(text.contains(r#"default = "$${not a template}""#), "{text}");
        assert!(text.contains(r#"q = "say \"${lookup(var.m, "k")}\"""#), "{text}");
        assert!(!text.contains("note"));
    }

    #[test]
    fn places_map_back_to_the_json() {
        let json = "{\"resource\": {\"x\": {\"y\": {\"a\": \"\\u0041b\", \"n\": 12}}}}";
        let (text, map, _) = hcl(json);
        let at = |needle: &str| {
            let i = text.find(needle).unwrap();
            let r = map.range(i, i + needle.len());
            json[r].to_string()
        };
        assert_eq!(at("\"Ab\""), "\"\\u0041b\"");
        assert_eq!(at("12"), "12");
        assert_eq!(at("resource"), "\"resource\"");
        assert_eq!(at("\"y\""), "\"y\"");
    }

    #[test]
    fn what_terraform_refuses_is_located() {
        let source = SourceFile::new("main.tf.json", "{\"resource\": ");
        let f = convert(&source, 3).err().unwrap();
        assert_eq!(f[0].rule, Rule::PlanSyntax);
        assert_eq!(f[0].span.unwrap().file, 3);
        let (_, _, findings) = hcl(r#"{"nonsense": {}, "resource": {"t": {"bad name": {}}}}"#);
        assert_eq!(findings.len(), 2);
    }
}
