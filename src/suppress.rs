//! Inline suppressions, as ruff's `# noqa` and tflint's annotations work:
//! `# cniplan: ignore[rule-a, rule-b] reason` silences those rules on its own line and, when
//! it stands alone on a line, on the next one; `# cniplan: ignore-file[rule]` silences a rule
//! in the whole file. A suppression that silences nothing is reported (`unused-suppression`).
//!
//! A directive is a comment of the file's own syntax whose text starts with `cniplan:` (`# …`
//! in YAML and HCL, `// …` and `/* … */` in HCL and ARM templates); plan JSON and az exports
//! have no comments and so no directives. Nothing in a value, key, tag or name is ever read as
//! one, however it is quoted (docs/configuration.md): the verdict is the infrastructure's.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::input::comments::{comments, Syntax};
use crate::source::{SourceFile, DIRECTIVE as MARKER};

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
/// `syntaxes[i]` is the comment syntax of `sources[i]`; a finding is matched against the
/// directives of the file it points into (a finding without a place, against file 0's).
pub fn apply(sources: &[SourceFile], syntaxes: &[Syntax], findings: Vec<Finding>) -> Vec<Finding> {
    let mut suppressions: Vec<Vec<Suppression>> = sources
        .iter()
        .zip(syntaxes)
        .enumerate()
        .map(|(file, (source, &syntax))| parse(source, syntax, file as u32))
        .collect();
    if suppressions.iter().all(Vec::is_empty) {
        return findings;
    }
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let file = f.span.map_or(0, |s| s.file as usize);
            let (Some(source), Some(here)) = (sources.get(file), suppressions.get_mut(file)) else {
                return true;
            };
            let line = f.span.map(|s| source.position(s.start).line);
            let covering = here.iter_mut().find(|s| {
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
    kept.extend(suppressions.iter().flatten().filter(|s| !s.used).map(unused));
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

fn parse(source: &SourceFile, syntax: Syntax, file: u32) -> Vec<Suppression> {
    let text = &source.text;
    // memmem's vector search: `match_indices` took 10 ms to find nothing in a 6.5 MB plan.
    // Only a file that names cniplan is lexed, and only as far as its last mention.
    let Some(last) = memchr::memmem::rfind(text.as_bytes(), MARKER.as_bytes()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for comment in comments(syntax, text, last + 1) {
        let body = &text[comment.body.clone()];
        let Some(directive) = body.trim_start().strip_prefix(MARKER) else {
            continue;
        };
        let directive = directive.trim_start();
        let (whole_file, rest) = if let Some(rest) = directive.strip_prefix("ignore-file[") {
            (true, rest)
        } else if let Some(rest) = directive.strip_prefix("ignore[") {
            (false, rest)
        } else {
            continue;
        };
        let Some(close) = rest.find(']') else { continue };
        let start = source.position(comment.span.start).line;
        let end = source.position(comment.span.end).line;
        let line_start = text[..comment.span.start]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let alone = text[line_start..comment.span.start].trim().is_empty();
        let lines = (!whole_file).then_some((start, if alone { end + 1 } else { end }));
        let span = Span::in_file(file, comment.span.start, comment.span.end);
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

    fn apply_yaml(source: &SourceFile, findings: Vec<Finding>) -> Vec<Finding> {
        apply(std::slice::from_ref(source), &[Syntax::Yaml], findings)
    }

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
        let kept: Vec<(Rule, usize)> = apply_yaml(&source, findings)
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
        let notes = apply_yaml(&source, Vec::new());
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.rule == Rule::UnusedSuppression));
        assert_eq!(notes[1].help.as_deref(), Some("did you mean `subnet-overlap`?"));
    }

    #[test]
    fn a_marker_inside_a_value_is_not_a_comment() {
        for text in [
            "a: x# cniplan: ignore[subnet-overlap]\n",
            "a: \"x # cniplan: ignore-file[subnet-overlap]\"\n",
            "a: 'x\n  # cniplan: ignore-file[subnet-overlap]'\n",
            "\"k # cniplan: ignore-file[subnet-overlap]\": 1\n",
            "a: |\n  # cniplan: ignore-file[subnet-overlap]\n",
        ] {
            let source = SourceFile::new("p", text);
            let kept = apply_yaml(&source, vec![finding(&source, Rule::SubnetOverlap, "a")]);
            assert_eq!(kept.len(), 1, "{text}");
            assert_eq!(kept[0].rule, Rule::SubnetOverlap, "{text}");
        }
    }

    #[test]
    fn each_file_has_its_own_directives_in_its_own_syntax() {
        let plan = SourceFile::new("plan.json", "{\"a\": \"# cniplan: ignore-file[subnet-overlap]\"}");
        let tf = SourceFile::new(
            "main.tf",
            "a = 1 // cniplan: ignore[subnet-overlap]\n/* cniplan: ignore[cidr-host-bits] */\nb = \"# cniplan: ignore-file[subnet-too-small]\"\n",
        );
        let at = |s: &SourceFile, file: u32, rule: Rule, needle: &str| {
            let f = finding(s, rule, needle);
            let span = f.span.unwrap();
            Finding {
                span: Some(Span::in_file(file, span.start, span.end)),
                ..f
            }
        };
        let findings = vec![
            at(&plan, 0, Rule::SubnetOverlap, "\"a\""),
            at(&tf, 1, Rule::SubnetOverlap, "a = 1"),
            at(&tf, 1, Rule::CidrHostBits, "b ="),
            at(&tf, 1, Rule::SubnetTooSmall, "b ="),
        ];
        let kept: Vec<(Rule, u32)> = apply(&[plan, tf.clone()], &[Syntax::Json, Syntax::Hcl], findings)
            .iter()
            .map(|f| (f.rule, f.span.unwrap().file))
            .collect();
        assert_eq!(kept, vec![(Rule::SubnetOverlap, 0), (Rule::SubnetTooSmall, 1)]);
    }
}
