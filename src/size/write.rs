//! `cniplan size --write`: the plan's own text with each placed `auto` replaced by its CIDR,
//! edited at the value's span, so comments, order, quoting and layout stay as written.

use crate::topology::Topology;

/// What `--write` made of a plan.
pub struct Written {
    pub text: String,
    /// `vnet/subnet` of the auto subnets left as written: no free range held them, or their
    /// value lies in another file or behind a YAML alias.
    pub left: Vec<String>,
}

/// The plan text (file 0 of the spans) with every placed auto subnet's range filled in.
pub fn fill_in(text: &str, topology: &Topology) -> Written {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut left = Vec::new();
    for subnet in &topology.subnets {
        let Some(auto) = &subnet.auto else { continue };
        let written = text.get(auto.span.start..auto.span.end).unwrap_or("");
        let replacement = subnet
            .cidr
            .as_ref()
            .filter(|_| auto.span.file == 0)
            .and_then(|cidr| replaced(written, &cidr.net().to_string()));
        match replacement {
            Some(new) => {
                let (end, new) =
                    crate::source::edit::keep_comment_column(text, auto.span.end, written.len(), new);
                edits.push((auto.span.start, end, new));
            }
            None => left.push(format!(
                "{}/{}",
                topology.vnets[subnet.vnet].name.value, subnet.name.value
            )),
        }
    }
    // From the end, so earlier spans stay where they are.
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    Written { text: out, left }
}

/// The CIDR in the value's own quoting; `None` when the text at the span is not an `auto`
/// (an alias to an anchored value, say), which is then left alone.
fn replaced(written: &str, cidr: &str) -> Option<String> {
    let quote = written.chars().next().filter(|c| *c == '"' || *c == '\'');
    let inner = match quote {
        Some(q) => written.strip_prefix(q)?.strip_suffix(q)?,
        None => written,
    };
    crate::topology::parse_auto(inner, crate::diagnostic::Span::default())?.ok()?;
    Some(match quote {
        Some(q) => format!("{q}{cidr}{q}"),
        None => cidr.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::replaced;

    #[test]
    fn keeps_the_values_quoting() {
        assert_eq!(replaced("auto", "10.1.0.0/22").as_deref(), Some("10.1.0.0/22"));
        assert_eq!(
            replaced("\"auto/24\"", "10.1.4.0/24").as_deref(),
            Some("\"10.1.4.0/24\"")
        );
        assert_eq!(
            replaced("'AUTO'", "10.1.4.0/24").as_deref(),
            Some("'10.1.4.0/24'")
        );
        assert_eq!(replaced("*pods", "10.1.4.0/24"), None);
    }
}
