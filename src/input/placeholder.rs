//! Placeholders: values a README or sample leaves for the user to fill in before deploying —
//! `<addressPrefix>`, `/subscriptions/<sub-id>/resourceGroups/…`, or an azd `${AZURE_VAR}`
//! whose variable is not set. They are unknown, not wrong: the reader notes what to fill in
//! (`unresolved-input`) and the rules that need the value stay silent
//! (rules/unresolved-input.md). Azure names, IDs and prefixes never contain `<`, `>` or `${`,
//! so no real value is taken for one.

/// The placeholder in `text`, as written, if there is one: `<` and a letter, then up to `>`
/// on the same stretch of text (no `<`, `>` or line break between); or `${NAME}` whose
/// environment variable is not set, as azd substitutes them (`env` reads one).
pub fn find<'t>(text: &'t str, env: &dyn Fn(&str) -> Option<String>) -> Option<&'t str> {
    angle(text).or_else(|| azd(text, env))
}

/// A value of an ARM parameters file written as an expression (`[prefix]`): a parameters file
/// holds values, which ARM does not evaluate, so this is a value left to fill in.
pub fn bracketed(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    (!inner.is_empty() && !inner.starts_with('[')).then_some(text)
}

/// The process environment, as azd reads it when it deploys.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn angle(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(open) = memchr::memchr(b'<', &bytes[from..]).map(|i| from + i) {
        if bytes.get(open + 1).is_some_and(u8::is_ascii_alphabetic) {
            let rest = &bytes[open + 1..];
            if let Some(close) = rest.iter().position(|&b| matches!(b, b'>' | b'<' | b'\n')) {
                if rest[close] == b'>' {
                    return Some(&text[open..open + 1 + close + 1]);
                }
            }
        }
        from = open + 1;
    }
    None
}

fn azd<'t>(text: &'t str, env: &dyn Fn(&str) -> Option<String>) -> Option<&'t str> {
    let mut from = 0;
    while let Some(open) = text[from..].find("${").map(|i| from + i) {
        let name_start = open + 2;
        let close = text[name_start..].find('}')? + name_start;
        let name = &text[name_start..close];
        let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if is_name && env(name).is_none() {
            return Some(&text[open..=close]);
        }
        from = close + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_and_real_values_are_not() {
        let none = |_: &str| None;
        assert_eq!(find("<addressPrefix>", &none), Some("<addressPrefix>"));
        assert_eq!(
            find("/subscriptions/<sub-id>/resourceGroups/rg", &none),
            Some("<sub-id>")
        );
        assert_eq!(find("${AZURE_LOCATION}", &none), Some("${AZURE_LOCATION}"));
        let set = |n: &str| (n == "AZURE_LOCATION").then(|| "westeurope".to_string());
        assert_eq!(find("${AZURE_LOCATION}", &set), None);
        for real in [
            "10.0.0.0/16",
            "a < b",
            "x<1>",
            "<",
            "${}",
            "[parameters('x')]",
            "<<EOT",
        ] {
            assert_eq!(find(real, &none), None, "{real}");
        }
    }
}
