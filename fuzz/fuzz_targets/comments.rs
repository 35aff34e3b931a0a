//! Directives are read only from comments (src/input/comments.rs), so what the comment finder
//! calls a comment must never be part of a value: overwriting the text of every comment it
//! finds must leave every value the file's own parser reads exactly as it was. The first
//! byte picks the syntax (YAML, HCL, JSON with comments); the rest is the text. JSON has no
//! parser of values with comments to compare against, but a text that is strict JSON has no
//! comments. Comments must also lie in order within the text, each body inside its comment.
#![no_main]

use cniplan::input::comments::{comments, Syntax};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(text);
    let syntax = [Syntax::Yaml, Syntax::Hcl, Syntax::Jsonc][usize::from(pick % 3)];
    let found = comments(syntax, &text, text.len());
    let mut last = 0;
    for c in &found {
        assert!(last <= c.span.start && c.span.start < c.span.end && c.span.end <= text.len());
        assert!(c.span.start < c.body.start && c.body.start <= c.body.end && c.body.end <= c.span.end);
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        last = c.span.end;
    }
    // Each comment's text is overwritten, its opener and line breaks kept: what was a
    // comment stays one, so every value must read as before. (Blanking the whole comment
    // would not do: a line of spaces after a YAML block scalar joins the scalar.)
    let mut blanked = String::with_capacity(text.len());
    let mut at = 0;
    for c in &found {
        blanked.push_str(&text[at..c.body.start]);
        blanked.extend(
            text[c.body.clone()]
                .chars()
                .map(|ch| if matches!(ch, '\n' | '\r') { ch } else { 'x' }),
        );
        at = c.body.end;
    }
    blanked.push_str(&text[at..]);
    match syntax {
        Syntax::Yaml => assert_eq!(yaml_values(&text), yaml_values(&blanked), "{text:?}"),
        Syntax::Hcl => assert_eq!(hcl_values(&text), hcl_values(&blanked), "{text:?}"),
        // Strict JSON has no comments: whatever is found in a text serde_json accepts as it
        // stands lies inside a string.
        _ => assert!(found.is_empty() || serde_json::from_str::<serde_json::Value>(&text).is_err(), "{text:?}"),
    }
});

/// Every scalar's value and style, or `None` when the text does not parse (then no comment
/// is found, so both sides agree).
fn yaml_values(text: &str) -> Option<Vec<String>> {
    use saphyr_parser::{Event, Parser};
    let mut out = Vec::new();
    for event in Parser::new_from_str(text) {
        match event.ok()?.0 {
            Event::Scalar(value, style, _, _) => out.push(format!("{style:?} {value}")),
            Event::StreamEnd => break,
            _ => {}
        }
    }
    Some(out)
}

/// The body as hcl-rs reads it (values, not layout), or `None` when it does not parse.
fn hcl_values(text: &str) -> Option<String> {
    let body = hcl_edit::parser::parse_body(text).ok()?;
    let mut out = String::new();
    collect_strings(&body, &mut out);
    Some(out)
}

fn collect_strings(body: &hcl_edit::structure::Body, out: &mut String) {
    use hcl_edit::visit::{self, Visit};
    struct S<'a>(&'a mut String);
    impl Visit for S<'_> {
        fn visit_expr(&mut self, e: &hcl_edit::expr::Expression) {
            if let hcl_edit::expr::Expression::String(s) = e {
                self.0.push_str(&format!("{:?};", s.value()));
            }
            visit::visit_expr(self, e);
        }
        // The literal parts of every string template and heredoc; interpolations are
        // visited as expressions.
        fn visit_element(&mut self, e: &hcl_edit::template::Element) {
            if let hcl_edit::template::Element::Literal(l) = e {
                self.0.push_str(&format!("{:?};", l.value()));
            }
            visit::visit_element(self, e);
        }
        fn visit_block_label(&mut self, l: &hcl_edit::structure::BlockLabel) {
            self.0.push_str(&format!("{:?};", l.as_str()));
        }
    }
    S(out).visit_body(body);
}

