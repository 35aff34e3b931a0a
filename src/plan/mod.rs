//! Text → a typed plan with the span of every value (the pipeline's first stage).
//!
//! Two passes over the text: saphyr-parser builds the span tree (and finds syntax errors
//! with their position), then serde_yaml deserializes the typed model. Unknown keys are
//! found on the span tree against the model's own field lists, so all of them are reported. A plan that does not
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
    // The two passes read the same text independently; on two cores they overlap.
    let (root, plan) = rayon::join(
        || spans::build(source),
        || serde_yaml::from_str::<Plan>(&source.text),
    );
    let root = match root {
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
    let mut findings = schema::unknown_keys(&root);
    let plan = match plan {
        Ok(plan) => Some(plan),
        Err(e) => {
            let error = schema::deserialize_error(source, &root, &e);
            let explained = schema::missing_field(&error).is_some_and(|field| {
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
