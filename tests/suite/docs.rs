//! The user documentation stays true: its links lead somewhere, the README reaches every page
//! of docs/, its plan is a checked example, and the JSON example is the binary's real output.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, ARCHITECTURE.md and every page under docs/.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("docs/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// The targets of the page's `[text](target)` links, outside fenced code blocks.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    targets
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(page: &Path) -> Vec<String> {
    let text = fs::read_to_string(page).unwrap_or_default();
    text.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| anchor(l.trim_start_matches('#')))
        .collect()
}

#[test]
fn every_relative_link_in_the_docs_points_at_a_file_that_exists() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = fs::read_to_string(&page).expect("page is UTF-8");
        for target in link_targets(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let linked = if file.is_empty() {
                page.clone()
            } else {
                page.parent().expect("page has a folder").join(file)
            };
            if !linked.exists() {
                broken.push(format!("{}: {target} (no such file)", page.display()));
            } else if !fragment.is_empty()
                && linked.extension().is_some_and(|e| e == "md")
                && !anchors(&linked).iter().any(|a| a == fragment)
            {
                broken.push(format!("{}: {target} (no such heading)", page.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn no_page_sends_users_to_the_spec_which_is_not_in_the_repository() {
    for page in pages() {
        let text = fs::read_to_string(&page).expect("page is UTF-8");
        assert!(!text.contains("SPEC §"), "{} cites SPEC", page.display());
    }
}

#[test]
fn the_json_example_is_the_walkthroughs_real_output() {
    let doc = fs::read_to_string(root().join("docs/json-output.md")).expect("docs/json-output.md");
    let marker = "```json\n{\n  \"files\": [\n    {\n      \"path\": \"examples/aks-dynamic-ip/plan.yaml\"";
    let start = doc.find(marker).expect("the walkthrough's output in the page") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the block ends");
    let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--format", "json", "examples/aks-dynamic-ip/plan.yaml"])
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert_eq!(
        &doc[start..end],
        String::from_utf8_lossy(&out.stdout),
        "update the example in docs/json-output.md"
    );
}

/// The README's rule table lists every rule of the registry, once, with its default
/// severity (and the other one where the rule has two), and nothing else.
#[test]
fn the_readmes_rule_table_is_the_registry() {
    use cniplan::diagnostic::Rule;
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme.split("\n## Rules\n").nth(1).expect("a Rules section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let rows: Vec<(String, String)> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (name, rest) = l.split_once("` | ")?;
            let severity = rest.split(" | ").next()?;
            Some((name.to_string(), severity.to_string()))
        })
        .collect();
    let listed: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    let registry: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    assert_eq!(
        listed, registry,
        "the README's rule table, in the registry's order"
    );
    for ((name, severity), rule) in rows.iter().zip(Rule::ALL) {
        let first = rule.default_severity().to_string();
        assert!(
            severity.starts_with(&first),
            "{name}: the README says {severity}, the registry {first}"
        );
        let want = match rule.other_severity() {
            Some(other) => format!("{first} / {other}"),
            None => first,
        };
        assert_eq!(
            severity, &want,
            "{name}: the README's severity against the registry's"
        );
    }
}

/// The README's plan is the hub-and-spoke example as it is (its header comments aside), so
/// the plan a newcomer reads first is one the snapshot tests load and check.
#[test]
fn the_readmes_plan_is_the_hub_and_spoke_example() {
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let example = fs::read_to_string(root().join("examples/hub-and-spoke/plan.yaml")).expect("the example");
    let plan: String = example
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        readme.contains(&format!("```yaml\n{plan}```")),
        "the README's plan format section shows examples/hub-and-spoke/plan.yaml"
    );
}

/// docs/capacity.md reads the walkthrough's capacity table: the cell it quotes and the
/// figures it explains are what `check` prints for it.
#[test]
fn the_capacity_page_quotes_the_walkthroughs_table() {
    let page = fs::read_to_string(root().join("docs/capacity.md")).expect("docs/capacity.md");
    let start = page.find("## The capacity table").expect("the section");
    let section = &page[start..start + page[start..].find("\n## ").expect("a next section")];
    let out = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(["check", "--color", "never", "examples/aks-dynamic-ip/plan.yaml"])
        .current_dir(root())
        .env("COLUMNS", "100")
        .output()
        .expect("cniplan runs");
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    let quoted = "nodepool1: 1,000 at 1 IP/node (AKS limit; the subnet holds 65,531)";
    // The page wraps its prose: compare with its line breaks taken out.
    let prose = section.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(prose.contains(&format!("`{quoted}`")), "{prose}");
    assert!(table.contains(quoted), "{table}");
    for figure in ["753 of 65,531", "261 such nodes", "2 nodes × 251"] {
        assert!(prose.contains(figure), "docs/capacity.md lacks {figure}");
    }
    let pod_row = table
        .lines()
        .find(|l| l.contains("podsubnet "))
        .expect("the pod subnet's row");
    for cell in ["65,531", "502", "753", "nodepool1: 261 at 251 IPs/node"] {
        assert!(pod_row.contains(cell), "{cell} not in {pod_row}");
    }
}

/// Every page under docs/ is reachable from the README.
#[test]
fn the_readme_links_every_page_of_the_docs() {
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let targets = link_targets(&readme);
    for page in pages()
        .into_iter()
        .filter(|p| p.parent() == Some(&root().join("docs")))
    {
        let name = page.file_name().expect("a file name").to_string_lossy();
        let link = format!("docs/{name}");
        assert!(
            targets.iter().any(|t| t.split('#').next() == Some(link.as_str())),
            "the README does not link {link}"
        );
    }
}

#[test]
fn the_limits_table_gives_the_limits_the_readers_apply() {
    let page = fs::read_to_string(root().join("docs/commands.md")).unwrap();
    let start = page
        .find("## Limits on what is read")
        .expect("the limits section");
    let section = &page[start..start + page[start..].find("\n## Exit codes").unwrap()];
    let mib = |bytes: u64| format!("{} MiB", bytes >> 20);
    for figure in [
        mib(cniplan::source::read::MAX_FILE_BYTES),
        mib(cniplan::input::terraform::files::MAX_CONFIG_FILE_BYTES),
        mib(cniplan::limits::MAX_TEMPLATE_BYTES as u64),
        format!(
            "{} files",
            cniplan::numbers::thousands(cniplan::input::terraform::files::MAX_FILES as u64)
        ),
        format!("{} levels", cniplan::input::terraform::files::MAX_MODULE_DEPTH),
        format!("{} levels", cniplan::input::yaml::MAX_DEPTH),
        format!(
            "{} steps",
            cniplan::numbers::thousands(cniplan::input::budget::MAX_STEPS)
        ),
        format!(
            "a string of {}",
            mib(cniplan::input::budget::MAX_STRING_BYTES as u64)
        ),
        format!(
            "{} items",
            cniplan::numbers::thousands(cniplan::input::budget::MAX_ITEMS as u64)
        ),
    ] {
        assert!(
            section.contains(&figure),
            "docs/commands.md's limits lack {figure}:\n{section}"
        );
    }
}
