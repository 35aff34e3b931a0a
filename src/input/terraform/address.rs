//! Terraform addresses and references as text: `module.net["a"].azurerm_subnet.pods[0]`,
//! `var.subnet_id`, `azurerm_subnet.pods.id`. Plan JSON writes both as strings; this splits
//! them into steps so instances can be matched and module paths walked.

use std::fmt;

/// A `count` index or a `for_each` key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Int(i64),
    Str(String),
}

impl fmt::Display for Key {
    /// As Terraform writes it in addresses: `[0]`, `["a"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Int(n) => write!(f, "[{n}]"),
            Key::Str(s) => {
                f.write_str("[\"")?;
                for c in s.chars() {
                    match c {
                        '"' => f.write_str("\\\"")?,
                        '\\' => f.write_str("\\\\")?,
                        c => write!(f, "{c}")?,
                    }
                }
                f.write_str("\"]")
            }
        }
    }
}

/// One step of a traversal: a name (borrowed from the text: references are traced by the
/// hundred thousand in a large plan), or an index in brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step<'t> {
    Name(&'t str),
    Index(Key),
}

/// The steps of `text`; `None` for text that is no traversal (a splat, an unclosed
/// bracket): such a reference is left alone rather than guessed at.
pub fn steps(text: &str) -> Option<Vec<Step<'_>>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut out = Vec::new();
    while at < bytes.len() {
        match bytes[at] {
            b'.' if !out.is_empty() => at += 1,
            b'[' => {
                let (key, next) = index(text, at + 1)?;
                out.push(Step::Index(key));
                at = next;
            }
            _ => {
                let start = at;
                while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || b"_-".contains(&bytes[at])) {
                    at += 1;
                }
                if at == start {
                    return None;
                }
                out.push(Step::Name(&text[start..at]));
            }
        }
    }
    Some(out)
}

/// The key of `[...]` whose inside starts at `at`, and where the text goes on after `]`.
fn index(text: &str, at: usize) -> Option<(Key, usize)> {
    let rest = &text[at..];
    if let Some(quoted) = rest.strip_prefix('"') {
        let mut key = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => key.push(chars.next()?.1),
                '"' => {
                    let close = at + 1 + i + 1;
                    return (text.as_bytes().get(close) == Some(&b']')).then(|| (Key::Str(key), close + 1));
                }
                c => key.push(c),
            }
        }
        return None;
    }
    let close = rest.find(']')?;
    let n = rest[..close].trim().parse::<i64>().ok()?;
    Some((Key::Int(n), at + close + 1))
}

/// A module instance path: each call's name and, for `count`/`for_each` calls, its key.
pub type ModulePath = Vec<(String, Option<Key>)>;

/// `module.a["x"].module.b` → `[("a", Some("x")), ("b", None)]`; empty text is the root.
pub fn module_path(text: &str) -> Option<ModulePath> {
    let mut path = ModulePath::new();
    let steps = steps(text)?;
    let mut it = steps.into_iter().peekable();
    while let Some(step) = it.next() {
        let Step::Name(word) = step else { return None };
        if word != "module" {
            return None;
        }
        let Some(Step::Name(name)) = it.next() else {
            return None;
        };
        let key = match it.peek() {
            Some(Step::Index(_)) => match it.next() {
                Some(Step::Index(k)) => Some(k),
                _ => None,
            },
            _ => None,
        };
        path.push((name.to_string(), key));
    }
    Some(path)
}

/// `module.a["x"].module.b.` for a path (empty for the root): what prefixes the addresses of
/// the resources inside it.
pub fn module_prefix(path: &[(String, Option<Key>)]) -> String {
    let mut out = String::new();
    for (name, key) in path {
        out.push_str("module.");
        out.push_str(name);
        if let Some(key) = key {
            out.push_str(&key.to_string());
        }
        out.push('.');
    }
    out
}

/// An address with every key left out: what `count` and `for_each` instances of one
/// configuration object share (`module.m.azurerm_subnet.s` for `module.m[1].azurerm_subnet.s[2]`).
pub fn skeleton(address: &str) -> Option<String> {
    let steps = steps(address)?;
    let names: Vec<&str> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Name(n) => Some(*n),
            Step::Index(_) => None,
        })
        .collect();
    Some(names.join("."))
}

/// Whether `instance` is an instance of `pattern`: the same names, and the same key wherever
/// the pattern writes one.
pub fn instance_of(instance: &str, pattern: &str) -> bool {
    let (Some(inst), Some(pat)) = (steps(instance), steps(pattern)) else {
        return false;
    };
    let mut i = inst.iter().peekable();
    for step in &pat {
        match step {
            Step::Name(n) => {
                // Keys the pattern leaves out may stand in the instance before the next name.
                while let Some(Step::Index(_)) = i.peek() {
                    i.next();
                }
                match i.next() {
                    Some(Step::Name(m)) if m == n => {}
                    _ => return false,
                }
            }
            Step::Index(k) => match i.next() {
                Some(Step::Index(j)) if j == k => {}
                _ => return false,
            },
        }
    }
    i.all(|s| matches!(s, Step::Index(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Step<'_> {
        Step::Name(s)
    }

    #[test]
    fn splits_addresses_and_references() {
        assert_eq!(
            steps("azurerm_subnet.pods[0].id"),
            Some(vec![
                name("azurerm_subnet"),
                name("pods"),
                Step::Index(Key::Int(0)),
                name("id")
            ])
        );
        assert_eq!(
            steps(r#"module.m["a.b\"]"].x"#),
            Some(vec![
                name("module"),
                name("m"),
                Step::Index(Key::Str("a.b\"]".into())),
                name("x")
            ])
        );
        assert_eq!(steps("a[*].id"), None);
        assert_eq!(steps("a[\"open"), None);
        assert_eq!(steps("a[1"), None);
        assert_eq!(steps(""), Some(vec![]));
    }

    #[test]
    fn module_paths_round_trip() {
        let path = module_path(r#"module.cni.module.nodepools["unp1"]"#).unwrap();
        assert_eq!(
            path,
            vec![
                ("cni".to_string(), None),
                ("nodepools".to_string(), Some(Key::Str("unp1".into())))
            ]
        );
        assert_eq!(module_prefix(&path), r#"module.cni.module.nodepools["unp1"]."#);
        assert_eq!(module_path(""), Some(vec![]));
        assert_eq!(module_path("azurerm_subnet.x"), None);
        assert_eq!(Key::Str("a\"b".into()).to_string(), r#"["a\"b"]"#);
    }

    #[test]
    fn instances_match_their_patterns() {
        assert_eq!(
            skeleton("module.m[1].azurerm_subnet.s[2]").unwrap(),
            "module.m.azurerm_subnet.s"
        );
        assert!(instance_of(
            "module.m[1].azurerm_subnet.s[2]",
            "module.m.azurerm_subnet.s"
        ));
        assert!(instance_of(
            "module.m[1].azurerm_subnet.s[2]",
            "module.m[1].azurerm_subnet.s"
        ));
        assert!(!instance_of(
            "module.m[1].azurerm_subnet.s[2]",
            "module.m[0].azurerm_subnet.s"
        ));
        assert!(!instance_of("azurerm_subnet.s", "azurerm_subnet.t"));
        assert!(!instance_of("azurerm_subnet.s.x", "azurerm_subnet.s"));
    }
}
