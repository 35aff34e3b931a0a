//! The cniplan plan format (SPEC §2): YAML text → [`Plan`], in one parse. Every syntax
//! problem, unknown key, wrong type and missing field of the file is reported at its place;
//! a plan with any of them is not simulated.

use super::de::{self, Reader, StructInfo};
use super::tree::{point_at_anchors, AliasUse};
use super::yaml;
use crate::diagnostic::{Finding, Rule, Span};
use crate::plan::{self, Plan};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// How messages name each struct of the model, and which of its fields are required (from
/// the model's own JSON Schema).
static STRUCTS: LazyLock<BTreeMap<&'static str, StructInfo>> = LazyLock::new(|| {
    de::struct_infos(
        &schemars::schema_for!(Plan),
        "Plan",
        &[
            ("Plan", "the plan"),
            ("Vnet", "a VNet"),
            ("Subnet", "a subnet"),
            ("ExternalNetwork", "an external network"),
            ("Allocation", "`allocation`"),
            ("Cluster", "a cluster"),
            ("NodePool", "a node pool"),
        ],
    )
});

/// A plan that fits the format, and the aliases it uses.
pub struct Loaded {
    pub plan: Plan,
    pub aliases: Vec<AliasUse>,
}

pub fn read(source: &SourceFile) -> Result<Loaded, Vec<Finding>> {
    let document = yaml::parse(source, 0).map_err(|e| {
        vec![Finding::new(Rule::PlanSyntax, e.span, e.message).help("fix the YAML syntax at this position")]
    })?;
    let Some(root) = &document.root else {
        return Err(vec![Finding::new(
            Rule::PlanSchema,
            Span::default(),
            "the plan is empty",
        )
        .help(
            "a plan is a YAML mapping that starts with `version: 1`; `cniplan init` prints one",
        )]);
    };
    let mut findings: Vec<Finding> = document
        .warnings
        .iter()
        .map(|w| Finding::new(Rule::PlanSchema, w.span, w.message.clone()))
        .collect();
    let (plan, schema) = Reader::new(&source.text, &STRUCTS).read::<Plan>(root);
    findings.extend(schema);
    let plan = match plan {
        Some(plan) if findings.is_empty() => plan,
        _ => {
            findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            point_at_anchors(&mut findings, &document.aliases);
            return Err(findings);
        }
    };
    let mut shape = plan::check_shape(&plan);
    if !shape.is_empty() {
        point_at_anchors(&mut shape, &document.aliases);
        return Err(shape);
    }
    Ok(Loaded {
        plan,
        aliases: document.aliases,
    })
}
