//! Text → a typed plan with the span of every value (the pipeline's first stage).
//!
//! Two passes over the text: saphyr-parser builds the span tree (and finds syntax errors
//! with their position), then serde_yaml deserializes the typed model. A plan that does not
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

pub fn load(source: &SourceFile) -> Result<LoadedPlan<'_>, Vec<Finding>> {
    let root = match spans::build(source) {
        Ok(Some(root)) => root,
        Ok(None) => {
            return Err(vec![Finding::new(
                Rule::PlanSchema,
                Span::default(),
                "the plan is empty",
            )
            .help(
                "a plan is a YAML mapping that starts with `version: 1`; `cniplan init` prints one",
            )])
        }
        Err(e) => {
            return Err(vec![Finding::new(
                Rule::PlanSyntax,
                e.span,
                format!("invalid YAML: {}", e.message),
            )
            .help("fix the YAML syntax at this position")])
        }
    };
    let mut ignored = Vec::new();
    let deserializer = serde_yaml::Deserializer::from_str(&source.text);
    let plan: Result<Plan, _> = serde_ignored::deserialize(deserializer, |path| {
        ignored.push(schema::segments(&path));
    });
    let plan = match plan {
        Ok(plan) => plan,
        Err(e) => return Err(vec![schema::deserialize_error(source, &root, &e)]),
    };
    let mut findings: Vec<Finding> = ignored
        .iter()
        .filter_map(|path| schema::unknown_key(&root, path))
        .collect();
    findings.extend(schema::check_shape(&plan, &root));
    if findings.is_empty() {
        Ok(LoadedPlan { plan, root })
    } else {
        Err(findings)
    }
}
