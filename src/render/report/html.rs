//! Escaping for the page: every name, CIDR, message and path in it comes from the user's
//! files, so nothing reaches the HTML unescaped.

use std::borrow::Cow;

/// Text for an element's content or a quoted attribute: control characters and bidi
/// overrides shown as `\u{1b}` (`source::visible_lines`: a snippet's line breaks stay, and
/// elsewhere HTML reads them as spaces), then `&`, `<`, `>`, `"` and `'` escaped.
/// Prose of a message or help, escaped, with its `code spans` (the backticks the messages
/// write, as Markdown does) shown as `<code>`: a span opens at a backtick and closes at the
/// next; a lone backtick stays as it is.
pub fn prose(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::with_capacity(escaped.len() + 16);
    let mut rest: &str = &escaped;
    while let Some(open) = rest.find('`') {
        let Some(close) = rest[open + 1..].find('`') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str("<code>");
        out.push_str(&rest[open + 1..open + 1 + close]);
        out.push_str("</code>");
        rest = &rest[open + 1 + close + 1..];
    }
    out.push_str(rest);
    out
}

pub fn escape(text: &str) -> Cow<'_, str> {
    let text = crate::source::visible_lines(text);
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn code_spans_become_code_elements() {
        assert_eq!(
            prose("set `pod_cidr: 10.0.0.0/8` and <b>"),
            "set <code>pod_cidr: 10.0.0.0/8</code> and &lt;b&gt;"
        );
        assert_eq!(prose("a lone ` stays"), "a lone ` stays");
    }

    use super::*;

    #[test]
    fn escapes_markup_and_both_quotes() {
        assert_eq!(
            escape(r#"<script>alert(1)</script> &"'"#),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp;&quot;&#39;"
        );
        assert!(matches!(escape("podsubnet"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[2J\u{202e}\nb"), "a\\u{1b}[2J\\u{202e}\nb");
    }
}
