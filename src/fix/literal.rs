//! A fix's edits as byte edits of the sources: a value replaced where the source writes it as
//! a literal (keeping its quotes and the column of a comment after it), or, in a cniplan plan,
//! a defaulted value written as a new key beside its owner.

use crate::diagnostic::Edit;
use crate::input::comments::Syntax;
use crate::input::Editable;
use crate::source::edit::{keep_comment_column, TextEdit};
use crate::source::SourceFile;

/// What the edits may touch: the input's sources, what each one is, and its comment syntax.
pub struct Sources<'a> {
    pub files: &'a [SourceFile],
    pub editable: &'a [Editable],
    pub syntaxes: &'a [Syntax],
}

impl Sources<'_> {
    /// The byte edit of `edit`, or `None` when the source does not write the value as a
    /// literal there, the file is none a fix may change, or the new value needs quoting.
    pub fn render(&self, edit: &Edit) -> Option<TextEdit> {
        let file = edit.span.file as usize;
        let source = self.files.get(file)?;
        if !matches!(self.editable.get(file)?, Editable::Write | Editable::Check) || !plain(&edit.new) {
            return None;
        }
        let syntax = *self.syntaxes.get(file)?;
        match edit.insert {
            Some(key) if syntax == Syntax::Yaml => insert_yaml(&source.text, edit, key),
            Some(_) => None,
            None => replace(&source.text, edit, syntax),
        }
    }
}

/// Values a fix writes need no quoting or escaping in any format: CIDRs, IPs, numbers, names.
fn plain(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'/' | b':' | b'-' | b'_'))
}

fn replace(text: &str, edit: &Edit, syntax: Syntax) -> Option<TextEdit> {
    let span = edit.span;
    let mut written = text.get(span.start..span.end)?;
    // A quoted literal ends at its closing quote, wherever a reader ends its span (saphyr's
    // spans of quoted scalars run on over what follows on the line).
    let quote = written.chars().next().filter(|&q| q == '"' || q == '\'');
    if let Some(q) = quote {
        let close = written[1..].find(q)? + 1;
        written = &written[..=close];
    }
    let inner = match quote {
        Some(_) => &written[1..written.len() - 1],
        None => written,
    };
    if inner != &*edit.old || inner.is_empty() {
        return None;
    }
    let new = match quote {
        Some(q) => format!("{q}{}{q}", edit.new),
        None => edit.new.to_string(),
    };
    let end = span.start + written.len();
    let (end, new) = match syntax {
        Syntax::Yaml | Syntax::Hcl => keep_comment_column(text, end, written.len(), new),
        _ => (end, new),
    };
    Some(TextEdit {
        file: span.file,
        start: span.start,
        end,
        text: new,
    })
}

/// `key: value` on a new line after the owner's, at the owner key's column: only in a block
/// mapping whose owner line is `[- ]owner_key: value [# comment]`.
fn insert_yaml(text: &str, edit: &Edit, key: &str) -> Option<TextEdit> {
    let span = edit.span;
    let line_start = text.get(..span.start)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = text.get(line_start..span.start)?;
    // Indentation and sequence dashes, then the owner's key, a colon and spaces.
    let mut column = 0;
    let bytes = before.as_bytes();
    loop {
        while bytes.get(column) == Some(&b' ') {
            column += 1;
        }
        if bytes.get(column) == Some(&b'-') && bytes.get(column + 1) == Some(&b' ') {
            column += 1;
            continue;
        }
        break;
    }
    let owner = before[column..].trim_end().strip_suffix(':')?;
    if owner.is_empty() || !owner.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let value = text.get(span.start..span.end)?;
    let rest = &text[span.end..];
    let line_end = rest.find(['\n', '\r']).map_or(text.len(), |i| span.end + i);
    let after = text[span.end..line_end].trim_start_matches(' ');
    if value.contains(['\n', '\r']) || !(after.is_empty() || after.starts_with('#')) {
        return None;
    }
    let (at, eol, lead) = match &text[line_end..] {
        r if r.starts_with("\r\n") => (line_end + 2, "\r\n", ""),
        r if r.starts_with('\n') => (line_end + 1, "\n", ""),
        r if r.starts_with('\r') => (line_end + 1, "\r", ""),
        _ => (line_end, "", "\n"),
    };
    Some(TextEdit {
        file: span.file,
        start: at,
        end: at,
        text: format!("{lead}{}{key}: {}{eol}", " ".repeat(column), edit.new),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    fn sources(text: &str, syntax: Syntax) -> (Vec<SourceFile>, Vec<Editable>, Vec<Syntax>) {
        (
            vec![SourceFile::new("p", text)],
            vec![Editable::Write],
            vec![syntax],
        )
    }

    fn render(text: &str, syntax: Syntax, edit: Edit) -> Option<String> {
        let (files, editable, syntaxes) = sources(text, syntax);
        let s = Sources {
            files: &files,
            editable: &editable,
            syntaxes: &syntaxes,
        };
        let e = s.render(&edit)?;
        crate::source::edit::apply(text, &[&e])
    }

    #[test]
    fn a_literal_is_replaced_in_its_own_quoting() {
        let text = "cidr: \"10.1.8.0/19\"   # pods\n";
        // The span may run on past the closing quote.
        let edit = Edit::replace(Span::new(6, 28), "10.1.8.0/19", "10.1.0.0/18");
        assert_eq!(
            render(text, Syntax::Yaml, edit).as_deref(),
            Some("cidr: \"10.1.0.0/18\"   # pods\n")
        );
        let hcl = "  address_prefixes = [\"10.1.8.0/19\"]\n";
        let edit = Edit::replace(Span::new(22, 35), "10.1.8.0/19", "10.1.32.0/19");
        assert_eq!(
            render(hcl, Syntax::Hcl, edit).as_deref(),
            Some("  address_prefixes = [\"10.1.32.0/19\"]\n")
        );
    }

    #[test]
    fn an_expression_or_alias_is_left_alone() {
        let text = "max_pods = var.max_pods\n";
        let edit = Edit::replace(Span::new(11, 23), "30", "40");
        assert_eq!(render(text, Syntax::Hcl, edit), None);
        let text = "cidr: *pods\n";
        assert_eq!(
            render(
                text,
                Syntax::Yaml,
                Edit::replace(Span::new(6, 11), "10.0.0.0/24", "x")
            ),
            None
        );
    }

    #[test]
    fn a_default_is_written_beside_its_owner() {
        let text = "clusters:\n  - name: aks   # the cluster\n    node_pools: []\n";
        let edit = Edit::insert(Span::new(20, 23), "service_cidr", "10.2.0.0/16");
        assert_eq!(
            render(text, Syntax::Yaml, edit.clone()).as_deref(),
            Some("clusters:\n  - name: aks   # the cluster\n    service_cidr: 10.2.0.0/16\n    node_pools: []\n")
        );
        // Flow mappings and other formats are not written to.
        let flow = "clusters: [{name: aks}]\n";
        assert_eq!(
            render(flow, Syntax::Yaml, Edit::insert(Span::new(18, 21), "k", "v")),
            None
        );
        assert_eq!(render(text, Syntax::Hcl, edit), None);
        // The last line, without a line end.
        let last = "- name: aks";
        assert_eq!(
            render(
                last,
                Syntax::Yaml,
                Edit::insert(Span::new(8, 11), "pod_cidr", "10.9.0.0/16")
            )
            .as_deref(),
            Some("- name: aks\n  pod_cidr: 10.9.0.0/16")
        );
    }
}
