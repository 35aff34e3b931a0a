//! Inline suppressions, as ruff's `# noqa` and tflint's annotations work:
//! `# cniplan: ignore[rule-a, rule-b] reason` silences those rules on its own line and, when
//! it stands alone on a line, on the next one; `# cniplan: ignore-file[rule]` silences a rule
//! in the whole file. A suppression that silences nothing is reported (`unused-suppression`).
//!
//! Comments are not events of the YAML parsers, so this one pass reads them from the text.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::source::SourceFile;

const MARKER: &str = "# cniplan:";

/// One rule named in one suppression comment.
struct Suppression {
    rule: Option<Rule>,
    name: String,
    /// The comment's span, where an unused suppression is reported.
    span: Span,
    /// Lines (1-based) it covers; `None` for the whole file.
    lines: Option<(usize, usize)>,
    used: bool,
}

/// Removes suppressed findings and adds a note for every suppression that removed nothing.
pub fn apply(source: &SourceFile, findings: Vec<Finding>) -> Vec<Finding> {
    let mut suppressions = parse(source);
    if suppressions.is_empty() {
        return findings;
    }
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let line = f.span.map(|s| source.position(s.start).line);
            let covering = suppressions.iter_mut().find(|s| {
                s.rule == Some(f.rule)
                    && match (s.lines, line) {
                        (None, _) => true,
                        (Some((first, last)), Some(line)) => (first..=last).contains(&line),
                        (Some(_), None) => false,
                    }
            });
            match covering {
                Some(s) => {
                    s.used = true;
                    false
                }
                None => true,
            }
        })
        .collect();
    kept.extend(suppressions.iter().filter(|s| !s.used).map(unused));
    kept
}

fn unused(s: &Suppression) -> Finding {
    match s.rule {
        Some(rule) => Finding::new(
            Rule::UnusedSuppression,
            s.span,
            format!("this suppression of `{}` suppresses nothing", rule.name()),
        )
        .help("remove it: the finding it was written for is gone"),
        None => {
            let near = crate::suggest::nearest(&s.name, Rule::ALL.iter().map(|r| r.name()));
            Finding::new(
                Rule::UnusedSuppression,
                s.span,
                format!("`{}` is no cniplan rule", s.name),
            )
            .help(match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => "`cniplan rules` lists the rules".to_string(),
            })
        }
    }
}

fn parse(source: &SourceFile) -> Vec<Suppression> {
    let text = &source.text;
    let mut out = Vec::new();
    // memmem's vector search: `match_indices` took 10 ms to find nothing in a 6.5 MB plan.
    for at in memchr::memmem::find_iter(text.as_bytes(), MARKER) {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        // A `#` inside a value is not a comment: YAML comments follow whitespace.
        if !(before.is_empty() || before.ends_with([' ', '\t'])) {
            continue;
        }
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let body = text[at + MARKER.len()..line_end].trim_start();
        let (whole_file, rest) = if let Some(rest) = body.strip_prefix("ignore-file[") {
            (true, rest)
        } else if let Some(rest) = body.strip_prefix("ignore[") {
            (false, rest)
        } else {
            continue;
        };
        let Some(close) = rest.find(']') else { continue };
        let line = source.position(at).line;
        let alone = before.trim().is_empty();
        let lines = (!whole_file).then_some((line, if alone { line + 1 } else { line }));
        let span = Span::new(at, line_end);
        for name in rest[..close].split(',').map(str::trim).filter(|n| !n.is_empty()) {
            out.push(Suppression {
                rule: Rule::from_name(name),
                name: name.to_string(),
                span,
                lines,
                used: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(source: &SourceFile, rule: Rule, needle: &str) -> Finding {
        let at = source.text.find(needle).unwrap();
        Finding::new(rule, Span::new(at, at + needle.len()), "x")
    }

    #[test]
    fn silences_exactly_the_named_rule_on_its_line_or_the_next() {
        let source = SourceFile::new(
            "p",
            "a: 1 # cniplan: ignore[subnet-overlap] known\n# cniplan: ignore[cidr-host-bits]\nb: 2\nc: 3\n",
        );
        let findings = vec![
            finding(&source, Rule::SubnetOverlap, "a: 1"),
            finding(&source, Rule::SubnetTooSmall, "a: 1"),
            finding(&source, Rule::CidrHostBits, "b: 2"),
            finding(&source, Rule::CidrHostBits, "c: 3"),
        ];
        let kept: Vec<(Rule, usize)> = apply(&source, findings)
            .iter()
            .map(|f| (f.rule, source.position(f.span.unwrap().start).line))
            .collect();
        assert_eq!(kept, vec![(Rule::SubnetTooSmall, 1), (Rule::CidrHostBits, 4)]);
    }

    #[test]
    fn reports_suppressions_that_suppress_nothing_or_name_no_rule() {
        let source = SourceFile::new(
            "p",
            "# cniplan: ignore-file[subnet-overlap, subnet-overlpa]\na: 1\n",
        );
        let notes = apply(&source, Vec::new());
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.rule == Rule::UnusedSuppression));
        assert_eq!(notes[1].help.as_deref(), Some("did you mean `subnet-overlap`?"));
    }

    #[test]
    fn a_marker_inside_a_value_is_not_a_comment() {
        let source = SourceFile::new("p", "a: x# cniplan: ignore[subnet-overlap]\n");
        assert!(apply(&source, Vec::new()).is_empty());
    }
}
