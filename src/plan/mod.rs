//! Text → a typed plan with the span of every value (the pipeline's first stage).
//!
//! Two passes over the text: saphyr-parser builds the span tree (and finds syntax errors
//! with their position), then serde_yaml deserializes the typed model. Unknown and
//! repeated keys are found on the span tree against the model's own field lists, so all of
//! them are reported, at the key. A plan that does not
//! parse or does not fit the schema yields `plan-syntax` / `plan-schema` findings, and no
//! other rule runs on it.

pub mod model;
mod schema;
pub mod spans;

use crate::finding::Finding;
use crate::rules::Rule;
use crate::source::SourceFile;
use crate::span::Span;
use spans::Node;

pub use model::Plan;

/// A plan that fits the schema, with the spans of what was written.
pub struct LoadedPlan<'a> {
    pub plan: Plan,
    pub root: Node<'a>,
}

/// The span tree's root, or why the text is no plan at all.
fn document_root(built: Result<Option<Node<'_>>, spans::SyntaxError>) -> Result<Node<'_>, Vec<Finding>> {
    match built {
        Ok(Some(root)) => Ok(root),
        Ok(None) => Err(vec![Finding::new(
            Rule::PlanSchema,
            Span::default(),
            "the plan is empty",
        )
        .help(
            "a plan is a YAML mapping that starts with `version: 1`; `cniplan init` prints one",
        )]),
        Err(e) if e.message.contains("recursion limit") => Err(vec![Finding::new(
            Rule::PlanSyntax,
            e.span,
            "the document nests deeper than a YAML parser follows",
        )
        .help("a plan nests a few levels deep; this looks like generated or corrupted input")]),
        Err(e) => Err(vec![Finding::new(
            Rule::PlanSyntax,
            e.span,
            format!("invalid YAML: {}", e.message),
        )
        .help("fix the YAML syntax at this position")]),
    }
}

/// No plan nests flow collections this deep; past it, parse for spans first.
const FLOW_DEPTH_IN_PARALLEL: usize = 32;

/// The deepest nesting of `[`/`{` outside quotes and comments: a cheap hint for scheduling
/// the two passes, never for correctness (a bracket inside a plain scalar may miscount it).
fn flow_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut bytes = text.bytes();
    let mut previous = b'\n';
    while let Some(b) = bytes.next() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' if previous.is_ascii_whitespace() => {
                for c in bytes.by_ref() {
                    if c == b'\n' {
                        break;
                    }
                }
            }
            b'"' | b'\'' => {
                while let Some(c) = bytes.next() {
                    if c == b'\\' && b == b'"' {
                        bytes.next();
                    } else if c == b {
                        break;
                    }
                }
            }
            _ => {}
        }
        previous = b;
    }
    deepest
}

pub fn load(source: &SourceFile) -> Result<LoadedPlan<'_>, Vec<Finding>> {
    let typed = || serde_yaml::from_str::<Plan>(&source.text);
    // The two passes read the same text independently; on two cores they overlap. But
    // libyaml (inside serde_yaml) is quadratic on deeply nested flow collections, where the
    // span pass stops at once: such text is parsed for spans first, and usually ends there.
    let (root, plan) = if flow_depth(&source.text) > FLOW_DEPTH_IN_PARALLEL {
        let root = document_root(spans::build(source))?;
        (root, typed())
    } else {
        let (root, plan) = rayon::join(|| spans::build(source), typed);
        (document_root(root)?, plan)
    };
    let mut findings = schema::key_findings(&root);
    let plan = match plan {
        Ok(plan) => Some(plan),
        Err(e) => {
            let error = schema::deserialize_error(source, &root, &e);
            // serde's "missing field" after a misspelt key, or "duplicate field" after a key
            // written twice, says again what a key finding already says where it happened.
            let explained = error.message.contains("duplicate field")
                && findings.iter().any(|f| f.message.contains("is written twice"))
                || schema::missing_field(&error).is_some_and(|field| {
                    let fix = format!("did you mean `{field}`?");
                    findings.iter().any(|f| f.help.as_deref() == Some(fix.as_str()))
                });
            if !explained {
                findings.push(error);
            }
            None
        }
    };
    if let Some(plan) = &plan {
        findings.extend(schema::check_shape(plan, &root));
    }
    match plan {
        Some(plan) if findings.is_empty() => Ok(LoadedPlan { plan, root }),
        _ => {
            findings.sort_by_key(|f| f.span.map(|s| s.start));
            Err(findings)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::flow_depth;

    #[test]
    fn flow_depth_skips_quotes_and_comments() {
        assert_eq!(flow_depth("a: [1, [2, {b: 3}]]"), 3);
        assert_eq!(flow_depth("a: '[[[[' # [[[[\nb: \"[\\\"[\""), 0);
        assert_eq!(flow_depth(&"[".repeat(1000)), 1000);
    }
}
