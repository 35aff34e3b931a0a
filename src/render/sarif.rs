//! `--format sarif`: one SARIF 2.1.0 log with one run, as GitHub code scanning reads it.
//! Every registered rule is described in `tool.driver.rules`, whether it fired or not, so a
//! viewer can show any rule's page; results point into the plans with 1-based lines and
//! columns counted in characters (`columnKind: unicodeCodePoints`).

use super::repository_path;
use crate::check::FileReport;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Finding, Related, Severity};
use crate::source::SourceFile;
use serde::Serialize;

/// The OASIS-published schema of SARIF 2.1.0 (errata 01).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    /// The verified fix, as SARIF's `fix`: its description and the replacements in the file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: RelatedMessage<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: RelatedMessage<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<RelatedMessage<'a>>,
}

#[derive(Serialize)]
struct RelatedMessage<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Clone, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    /// Exclusive, as SARIF counts it: the column after the last character.
    end_column: usize,
}

pub fn render(reports: &[FileReport]) -> String {
    let results = reports.iter().flat_map(file_results).collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver: driver() },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn driver() -> Driver {
    Driver {
        name: "cniplan",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: env!("CARGO_PKG_REPOSITORY"),
        rules: Rule::ALL.iter().map(|&rule| descriptor(rule)).collect(),
    }
}

fn descriptor(rule: Rule) -> RuleDescriptor {
    let page = rule.page();
    RuleDescriptor {
        id: rule.name(),
        short_description: Text {
            text: rule.summary().to_string(),
        },
        full_description: Text {
            text: page_summary(page).unwrap_or_else(|| rule.summary().to_string()),
        },
        help: Help {
            text: page,
            markdown: page,
        },
        default_configuration: Configuration {
            level: level(rule.default_severity()),
        },
    }
}

/// The paragraph under a page's `# rule-name` heading: the rule in one sentence, its lines
/// joined.
fn page_summary(page: &str) -> Option<String> {
    let mut lines = page.lines().skip_while(|l| !l.starts_with("# ")).skip(1);
    let first = lines.find(|l| !l.trim().is_empty())?;
    let paragraph: Vec<&str> = std::iter::once(first)
        .chain(lines.take_while(|l| !l.trim().is_empty()))
        .map(str::trim)
        .collect();
    Some(paragraph.join(" "))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn file_results(report: &FileReport) -> impl Iterator<Item = SarifResult<'_>> {
    let artifact = ArtifactLocation {
        uri: artifact_uri(&report.source.path),
    };
    report
        .findings
        .iter()
        .map(move |finding| result(&report.source, &artifact, finding))
}

fn result<'a>(source: &SourceFile, artifact: &ArtifactLocation, finding: &'a Finding) -> SarifResult<'a> {
    let message = match &finding.help {
        Some(help) => format!("{} — {help}", finding.message),
        None => finding.message.clone(),
    };
    SarifResult {
        rule_id: finding.rule.name(),
        rule_index: rule_index(finding.rule),
        level: level(finding.severity),
        message: Text { text: message },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact.clone(),
                region: finding.span.map(|span| region(source, span)),
            },
            message: None,
        }],
        related_locations: finding
            .related
            .iter()
            .enumerate()
            .map(|(i, related)| related_location(source, artifact, i + 1, related))
            .collect(),
        fixes: fixes(source, artifact, finding),
    }
}

/// The finding's verified fix, when all of it lies in the finding's file.
fn fixes<'a>(source: &SourceFile, artifact: &ArtifactLocation, finding: &'a Finding) -> Vec<SarifFix<'a>> {
    let file = finding.span.map_or(0, |s| s.file);
    let Some(chosen) = finding.fix.as_deref().and_then(|f| f.chosen()) else {
        return Vec::new();
    };
    if chosen.edits.iter().any(|e| e.span.file != file) {
        return Vec::new();
    }
    vec![SarifFix {
        description: RelatedMessage { text: &chosen.title },
        artifact_changes: [ArtifactChange {
            artifact_location: artifact.clone(),
            replacements: chosen
                .edits
                .iter()
                .map(|e| Replacement {
                    deleted_region: region(source, e.span),
                    inserted_content: RelatedMessage { text: &e.new },
                })
                .collect(),
        }],
    }]
}

fn related_location<'a>(
    source: &SourceFile,
    artifact: &ArtifactLocation,
    id: usize,
    related: &'a Related,
) -> Location<'a> {
    Location {
        id: Some(id),
        physical_location: PhysicalLocation {
            artifact_location: artifact.clone(),
            region: Some(region(source, related.span)),
        },
        message: Some(RelatedMessage {
            text: &related.message,
        }),
    }
}

fn region(source: &SourceFile, span: Span) -> Region {
    let (start, end) = (source.position(span.start), source.position(span.end));
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// A rule's place in `tool.driver.rules`, which lists `Rule::ALL` in order.
fn rule_index(rule: Rule) -> usize {
    Rule::ALL.iter().position(|&r| r == rule).unwrap_or_default()
}

/// A plan's path as a URI reference: relative paths stay relative (resolved against the
/// directory cniplan ran in, as code scanning expects), absolute ones become `file:` URIs,
/// and standard input is `stdin`. Characters a URI cannot hold are percent-encoded.
fn artifact_uri(path: &str) -> String {
    let Some(path) = repository_path(path) else {
        return "stdin".to_string();
    };
    if path.starts_with('/') {
        return format!("file://{}", percent_encode(&path));
    }
    let bytes = path.as_bytes();
    if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/' {
        // A Windows drive path: C:/plans/x.yaml.
        return format!("file:///{}{}", &path[..2], percent_encode(&path[2..]));
    }
    percent_encode(&path)
}

/// Percent-encodes every byte outside RFC 3986's unreserved and sub-delims characters, `@` and
/// `/`. `:` is always encoded: in a relative reference's first segment it would read as a
/// scheme.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes() {
        assert_eq!(
            artifact_uri("examples/broken/typo.cniplan.yaml"),
            "examples/broken/typo.cniplan.yaml"
        );
        assert_eq!(artifact_uri("./plans\\a b.yaml"), "plans/a%20b.yaml");
        assert_eq!(artifact_uri("<stdin>"), "stdin");
        assert_eq!(artifact_uri("c:d.yaml"), "c%3Ad.yaml");
        assert_eq!(artifact_uri("/srv/plans/x.yaml"), "file:///srv/plans/x.yaml");
        assert_eq!(artifact_uri("C:\\plans\\x.yaml"), "file:///C:/plans/x.yaml");
        assert_eq!(artifact_uri("plans/é.yaml"), "plans/%C3%A9.yaml");
    }

    #[test]
    fn a_pages_summary_is_the_paragraph_under_its_heading() {
        let page = "# max-pods-range\n\nA node pool's `max_pods` is outside 10–250, or the pool holds\nfewer than 30 pods.\n\n**Default severity:** error\n";
        assert_eq!(
            page_summary(page).as_deref(),
            Some("A node pool's `max_pods` is outside 10–250, or the pool holds fewer than 30 pods.")
        );
        for &rule in Rule::ALL {
            let summary = page_summary(rule.page()).unwrap_or_default();
            assert!(summary.ends_with('.'), "{}: {summary:?}", rule.name());
        }
    }
}
