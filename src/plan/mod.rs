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
    pub source: &'a SourceFile,
}

impl LoadedPlan<'_> {
    /// A scalar exactly as written, quotes removed: YAML reads `2.40` as the number 2.4, but
    /// a version means what was typed.
    pub fn written(&self, span: Span) -> &str {
        let text = self.source.text.get(span.start..span.end).unwrap_or("");
        text.trim_matches(|c| c == '"' || c == '\'')
    }
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
        Err(e) => {
            Err(vec![Finding::new(Rule::PlanSyntax, e.span, e.message)
                .help("fix the YAML syntax at this position")])
        }
    }
}

/// No plan nests flow collections this deep; past it, parse for spans first.
const FLOW_DEPTH_IN_PARALLEL: usize = 32;

/// What a cheap byte scan tells about the text: a hint for scheduling the two passes, never
/// for correctness (a bracket or `*` inside a plain scalar may be miscounted).
struct Shape {
    /// The deepest nesting of `[`/`{` outside quotes and comments.
    flow_depth: usize,
    /// Whether an alias (`*name` where a value starts) appears.
    aliases: bool,
}

fn scan(text: &str) -> Shape {
    let (mut depth, mut deepest, mut aliases) = (0usize, 0usize, false);
    let mut bytes = text.bytes();
    let mut previous = b'\n';
    while let Some(b) = bytes.next() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'*' if matches!(previous, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',') => aliases = true,
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
    Shape {
        flow_depth: deepest,
        aliases,
    }
}

pub fn load(source: &SourceFile) -> Result<LoadedPlan<'_>, Vec<Finding>> {
    let typed = || serde_yaml::from_str::<Plan>(&source.text);
    // The two passes read the same text independently; on two cores they overlap. But
    // libyaml (inside serde_yaml) is quadratic on deeply nested flow collections, and serde
    // expands every alias, where the span pass stops at once (recursion limit, alias
    // allowance): such text is parsed for spans first, and usually ends there.
    let shape = scan(&source.text);
    let (root, plan) = if shape.flow_depth > FLOW_DEPTH_IN_PARALLEL || shape.aliases {
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
            if !schema::repeats_a_key_finding(&root, &error, &findings) {
                findings.push(error);
            }
            None
        }
    };
    if let Some(plan) = &plan {
        findings.extend(schema::check_shape(plan, &root));
    }
    match plan {
        Some(plan) if findings.is_empty() => Ok(LoadedPlan { plan, root, source }),
        _ => {
            findings.sort_by_key(|f| f.span.map(|s| s.start));
            Err(findings)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn the_scan_sees_flow_depth_and_aliases_outside_quotes_and_comments() {
        assert_eq!(scan("a: [1, [2, {b: 3}]]").flow_depth, 3);
        assert_eq!(scan("a: '[[[[' # [[[[\nb: \"[\\\"[\"").flow_depth, 0);
        assert_eq!(scan(&"[".repeat(1000)).flow_depth, 1000);
        assert!(scan("a: &x 1\nb: *x\n").aliases);
        assert!(scan("a: [*x]").aliases);
        assert!(!scan("a: '*x' # *y\nb: 2*3\n").aliases);
    }
}
