//! ARM reads templates and parameter files with `//` and `/* */` comments (the AVM README
//! parameter files have them). Comments become spaces before parsing, newlines kept, so
//! every offset still points at the same character of the file the user edits.

use std::borrow::Cow;

pub fn blank_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("//") && !text.contains("/*") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match (b, bytes.get(i + 1)) {
            (b'"', _) => {
                in_string = true;
                i += 1;
            }
            (b'/', Some(b'/')) => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
            }
            (b'/', Some(b'*')) => {
                let end = text[i + 2..].find("*/").map_or(bytes.len(), |e| i + 2 + e + 2);
                for o in &mut out[i..end] {
                    if *o != b'\n' {
                        *o = b' ';
                    }
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    // Only ASCII outside strings was replaced, by ASCII spaces; the rest is the input's
    // own UTF-8, so this cannot fail.
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
