//! `cniplan size --write`: the plan's own text with each placed `auto` replaced by its CIDR,
//! edited at the value's span, so comments, order, quoting and layout stay as written. Only a
//! plain or quoted scalar on one line that reads `auto` as written is replaced; any other
//! value (a block scalar, a value behind a YAML anchor, one in another file) stays as it is,
//! and the subnet is listed with the place and the reason.

use crate::source::SourceFile;
use crate::topology::Topology;
use std::collections::HashMap;

/// What `--write` made of a plan.
pub struct Written {
    pub text: String,
    /// The auto subnets left as written, in plan order.
    pub left: Vec<Left>,
}

/// An auto subnet `--write` left as written.
pub struct Left {
    /// `vnet/subnet`.
    pub subnet: String,
    /// Where its value is written (line and column, 1-based), when it is in the plan.
    pub at: Option<(usize, usize)>,
    /// Why: what a user reads after the place.
    pub why: String,
}

/// The plan (file 0 of the spans) with every placed auto subnet's range filled in.
pub fn fill_in(source: &SourceFile, topology: &Topology) -> Written {
    let text = source.text.as_str();
    // A value that several subnets read is an anchor their aliases share: one range written
    // there would be every one's, and they would overlap.
    let mut readers: HashMap<(u32, usize, usize), Vec<usize>> = HashMap::new();
    for (s, subnet) in topology.subnets.iter().enumerate() {
        if let Some(auto) = &subnet.auto {
            let key = (auto.span.file, auto.span.start, auto.span.end);
            readers.entry(key).or_default().push(s);
        }
    }
    let name = |s: usize| {
        let subnet = &topology.subnets[s];
        format!("{}/{}", topology.vnets[subnet.vnet].name.value, subnet.name.value)
    };
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut left = Vec::new();
    for (s, subnet) in topology.subnets.iter().enumerate() {
        let Some(auto) = &subnet.auto else { continue };
        let span = auto.span;
        let at = (span.file == 0).then(|| {
            let p = source.position(span.start);
            (p.line, p.column)
        });
        let written = text.get(span.start..span.end).unwrap_or("");
        let sharing = &readers[&(span.file, span.start, span.end)];
        let result: Result<String, String> = if span.file != 0 {
            Err("its value is written in another file".to_string())
        } else if sharing.len() > 1 {
            let others: Vec<String> = sharing.iter().filter(|&&o| o != s).map(|&o| name(o)).collect();
            Err(format!(
                "its value is a YAML anchor that {} also read{} through an alias; write each range by hand",
                others.join(", "),
                if others.len() == 1 { "s" } else { "" }
            ))
        } else if written.starts_with('*') {
            Err(format!(
                "its value is the YAML alias `{written}`, which reads its anchor's value; write the range by hand"
            ))
        } else if let Some(anchor) = anchor_before(text, span.start) {
            Err(format!(
                "its value carries the YAML anchor `{anchor}`, which aliases may share; write the range by hand"
            ))
        } else if block_scalar_before(text, span.start) || !one_line(written) {
            Err("its value is not a plain or quoted scalar on one line; write the range by hand".to_string())
        } else {
            match &subnet.cidr {
                None => Err("no free range holds it (`cniplan check` says why)".to_string()),
                Some(cidr) => replaced(written, &cidr.net().to_string())
                    .ok_or_else(|| "its value is not `auto` as written; write the range by hand".to_string()),
            }
        };
        match result {
            Ok(new) => {
                let (end, new) = crate::source::edit::keep_comment_column(text, span.end, written.len(), new);
                edits.push((span.start, end, new));
            }
            Err(why) => left.push(Left {
                subnet: name(s),
                at,
                why,
            }),
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

/// A value written on one line with nothing around it: what a replacement can stand in for.
fn one_line(written: &str) -> bool {
    !written.is_empty() && !written.contains(['\n', '\r']) && written.trim() == written
}

/// The properties written before a value (`&anchor`, `!tag`), nearest first, on its line or
/// the lines before it up to the key.
fn properties_before(text: &str, start: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut end = start.min(text.len());
    while let Some(before) = text.get(..end) {
        let trimmed = before.trim_end();
        let token_start = trimmed
            .rfind(|c: char| c.is_whitespace() || matches!(c, '[' | '{' | ','))
            .map_or(0, |i| i + 1);
        let token = &trimmed[token_start..];
        if token.is_empty() || !token.starts_with(['&', '!', '|', '>']) {
            break;
        }
        out.push(token);
        end = token_start;
    }
    out
}

/// The anchor (`&name`) a value carries, if it carries one.
fn anchor_before(text: &str, start: usize) -> Option<&str> {
    properties_before(text, start)
        .into_iter()
        .find(|t| t.starts_with('&'))
}

/// Whether the value is the content of a block scalar (`|`, `>-`, …).
fn block_scalar_before(text: &str, start: usize) -> bool {
    properties_before(text, start)
        .iter()
        .any(|t| t.starts_with(['|', '>']))
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
