//! The rule catalog under rules/: a page for every registered rule and a rule for every page,
//! and each page's examples proven — the "Example" plan triggers the rule, the
//! "Use instead" plan does not.

use cniplan::diagnostic::Rule;
use cniplan::source::SourceFile;
use std::fs;
use std::path::Path;

fn pages_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

#[test]
fn every_rule_has_a_page_and_every_page_a_rule() {
    for rule in Rule::ALL {
        assert!(
            pages_dir().join(format!("{}.md", rule.name())).is_file(),
            "no page for {}",
            rule.name()
        );
    }
    for entry in fs::read_dir(pages_dir()).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        assert!(Rule::from_name(&stem).is_some(), "page {stem}.md has no rule");
    }
}

/// The yaml code blocks of a page, in order; and json ones, for the rules that fire only on
/// imported input (a Terraform plan in JSON), whose examples cannot be cniplan plans.
fn yaml_blocks(page: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```yaml") || l.starts_with("```json") => {
                current = Some(String::new())
            }
            (Some(block), l) if l.starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

fn rules_fired(plan: &str) -> Vec<Rule> {
    let report = cniplan::check_source(SourceFile::new("example.yaml", plan));
    report.findings.iter().map(|f| f.rule).collect()
}

#[test]
fn each_pages_example_triggers_its_rule_and_the_fix_does_not() {
    for rule in Rule::ALL {
        let page = fs::read_to_string(pages_dir().join(format!("{}.md", rule.name()))).unwrap();
        assert!(
            page.starts_with(&format!("# {}\n", rule.name())),
            "{} page title",
            rule.name()
        );
        let blocks = yaml_blocks(&page);
        assert!(
            blocks.len() >= 2,
            "{}: an Example and a Use instead block",
            rule.name()
        );
        let (bad, fixed) = (&blocks[0], &blocks[1]);
        assert!(
            rules_fired(bad).contains(rule),
            "{}: the example does not trigger it",
            rule.name()
        );
        let after = rules_fired(fixed);
        assert!(
            !after.contains(rule),
            "{}: the fixed example still triggers it",
            rule.name()
        );
        assert!(
            after.is_empty(),
            "{}: the fixed example has other findings: {after:?}",
            rule.name()
        );
    }
}
