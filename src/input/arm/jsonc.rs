//! ARM reads templates and parameter files with `//` and `/* */` comments (the AVM README
//! parameter files have them). Comments become spaces before parsing, newlines kept, so
//! every offset still points at the same character of the file the user edits.

use crate::input::comments::{comments, Syntax};
use std::borrow::Cow;

pub fn blank_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("//") && !text.contains("/*") {
        return Cow::Borrowed(text);
    }
    let found = comments(Syntax::Jsonc, text, text.len());
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for comment in found {
        for o in &mut out[comment.span] {
            if *o != b'\n' {
                *o = b' ';
            }
        }
    }
    // Comments are replaced whole, multi-byte characters in them too, by ASCII spaces; the
    // rest is the input's own UTF-8, so this cannot fail.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_become_spaces_and_strings_stay() {
        let text = "{\n  // note\n  \"a\": \"http://x\", /* b\n */ \"c\": 1\n}";
        let out = blank_comments(text);
        assert_eq!(out.len(), text.len());
        assert!(!out.contains("note") && out.contains("http://x") && !out.contains("/*"));
        assert_eq!(out.matches('\n').count(), text.matches('\n').count());
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["c"], 1);
        assert!(matches!(blank_comments("{\"a\": 1}"), Cow::Borrowed(_)));
        // A comment that is not closed runs to the end; é keeps its bytes.
        assert_eq!(blank_comments("\"é\" /* x").trim_end(), "\"é\"");
    }
}
