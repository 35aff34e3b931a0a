//! Escaping for the page: every name, CIDR, message and path in it comes from the user's
//! files, so nothing reaches the HTML unescaped.

use std::borrow::Cow;

/// Text for an element's content or a quoted attribute: control characters and bidi
/// overrides shown as `\u{1b}` (`source::visible_lines`: a snippet's line breaks stay, and
/// elsewhere HTML reads them as spaces), then `&`, `<`, `>`, `"` and `'` escaped.
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
