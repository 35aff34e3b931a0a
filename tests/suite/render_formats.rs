//! The CI formats — SARIF, GitHub annotations, JUnit — over the example plans and over
//! hand-made findings whose text needs escaping.
//!
//! tests/sarif/sarif-schema-2.1.0.json is the OASIS-published SARIF 2.1.0 schema, errata 01
//! (`id` https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json,
//! 112,768 bytes), as kept in the SARIF TC's repository: oasis-tcs/sarif-spec,
//! Schemata/sarif-schema-2.1.0.json at commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34.

use cniplan::check::FileReport;
use cniplan::diagnostic::Rule;
use cniplan::diagnostic::Span;
use cniplan::diagnostic::{Finding, Severity};
use cniplan::render::{render, Format, HumanOptions};
use cniplan::source::SourceFile;
use quick_xml::events::Event;
use quick_xml::XmlVersion;
use serde_json::Value;
use std::fs;
use std::path::Path;

const OPTIONS: HumanOptions = HumanOptions {
    color: false,
    quiet: false,
    width: 100,
};

/// The example plans by their paths relative to the repository, as a user would pass them.
fn example_paths() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<String> = fs::read_dir(root.join("examples/broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .map(|name| format!("examples/broken/{name}"))
        .collect();
    paths.sort();
    paths.push("examples/aks-dynamic-ip/plan.yaml".to_string());
    paths
}

fn check(path: &str) -> FileReport {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    cniplan::check_source(SourceFile::new(path, text))
}

fn examples() -> Vec<FileReport> {
    example_paths().iter().map(|p| check(p)).collect()
}

fn broken() -> Vec<FileReport> {
    example_paths()
        .iter()
        .filter(|p| p.starts_with("examples/broken/"))
        .map(|p| check(p))
        .collect()
}

const TRICKY_TEXT: &str = "version: 1\nvnets:\n  - name: a\n";

/// A plan whose path and messages hold every character the formats must escape.
fn tricky() -> FileReport {
    let findings = vec![
        // `- name: a`: line 3, columns 3 to 12 (exclusive).
        Finding::new(
            Rule::SubnetHeadroom,
            Span::new(20, 29),
            "50% used: a, b\r\nsecond <line> & \"more\"",
        )
        .help("fix: this, that")
        .related(Span::new(0, 7), "see: here, 100%"),
        Finding::new(Rule::PodSubnetTooLarge, Span::new(0, 7), "a note").severity(Severity::Note),
        Finding {
            span: None,
            ..Finding::new(Rule::PlanSchema, Span::default(), "no place in the file")
        },
    ];
    FileReport::new(
        SourceFile::new("plans/a,b:c%.cniplan.yaml", TRICKY_TEXT),
        findings,
        Vec::new(),
    )
}

fn stdin() -> FileReport {
    FileReport::new(
        SourceFile::new("<stdin>", "version: [\n"),
        vec![Finding::new(Rule::PlanSyntax, Span::new(9, 10), "unclosed `[`")],
        Vec::new(),
    )
}

fn findings(reports: &[FileReport]) -> usize {
    reports.iter().map(|r| r.findings.len()).sum()
}

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, sarif: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not fit the schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_validates_against_the_schema() {
    let validator = sarif_validator();
    let mut reports = examples();
    reports.push(tricky());
    reports.push(stdin());
    let sarif: Value = serde_json::from_str(&render(&reports, Format::Sarif, &OPTIONS)).unwrap();
    assert_valid_sarif(&validator, &sarif);

    // The validator is not vacuous: a wrong level, a line 0 or a relative informationUri
    // (formats are checked) is rejected.
    let mut wrong = sarif.clone();
    wrong["runs"][0]["tool"]["driver"]["informationUri"] = "cniplan".into();
    assert!(!validator.is_valid(&wrong));
    let mut wrong = sarif.clone();
    wrong["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&wrong));
    let mut wrong = sarif.clone();
    wrong["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!validator.is_valid(&wrong));
}

#[test]
fn sarif_describes_the_tool_and_every_rule() {
    let sarif: Value = serde_json::from_str(&render(&examples(), Format::Sarif, &OPTIONS)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"].as_array().unwrap().len(), 1);
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "cniplan");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["informationUri"], "https://github.com/cniplan/cniplan");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Rule::ALL.len());
    for (descriptor, rule) in rules.iter().zip(Rule::ALL) {
        assert_eq!(descriptor["id"], rule.name());
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary());
        assert_eq!(descriptor["help"]["markdown"], rule.page());
        assert_eq!(descriptor["help"]["text"], rule.page());
        assert_eq!(
            descriptor["defaultConfiguration"]["level"],
            rule.default_severity().as_str()
        );
        let full = descriptor["fullDescription"]["text"].as_str().unwrap();
        assert!(rule.page().contains(full.split(' ').next().unwrap()), "{full}");
    }
    let overlap = &rules[Rule::ALL.iter().position(|&r| r == Rule::SubnetOverlap).unwrap()];
    assert_eq!(
        overlap["fullDescription"]["text"],
        "Two subnets of one VNet overlap."
    );
}

#[test]
fn sarif_has_one_result_per_finding_at_its_place() {
    let reports = examples();
    let sarif: Value = serde_json::from_str(&render(&reports, Format::Sarif, &OPTIONS)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), findings(&reports));
    assert!(findings(&reports) > 0);

    // examples/broken/addressing.cniplan.yaml, line 12: `cidr: 10.1.8.0/21` overlaps `nodes`.
    let overlap = results
        .iter()
        .find(|r| r["ruleId"] == "subnet-overlap")
        .expect("the overlap in addressing.cniplan.yaml");
    let index = Rule::ALL.iter().position(|&r| r == Rule::SubnetOverlap).unwrap();
    assert_eq!(overlap["ruleIndex"], index);
    assert_eq!(overlap["level"], "error");
    let location = &overlap["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "examples/broken/addressing.cniplan.yaml"
    );
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": 12, "startColumn": 15, "endLine": 12, "endColumn": 26})
    );
    let text = overlap["message"]["text"].as_str().unwrap();
    assert!(
        text.starts_with("subnet `pods` (10.1.8.0/21) overlaps subnet `nodes`"),
        "{text}"
    );
    // The help is the verified fix: a free /21 clear of `elsewhere`'s own fix, 10.1.16.0/24.
    assert!(
        text.contains(" — use `10.1.24.0/21`, a free /21 of VNet `spoke`"),
        "{text}"
    );
    let related = &overlap["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 10);
    assert!(related["message"]["text"].as_str().unwrap().contains("nodes"));
}

#[test]
fn sarif_locations_of_unusual_paths_and_findings() {
    let sarif: Value = serde_json::from_str(&render(&[tricky(), stdin()], Format::Sarif, &OPTIONS)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let uri = |i: usize| results[i]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].clone();
    assert_eq!(uri(0), "plans/a,b%3Ac%25.cniplan.yaml");
    assert_eq!(uri(3), "stdin");
    assert_eq!(results[0]["level"], "warning");
    assert_eq!(results[1]["level"], "note");
    assert_eq!(
        results[0]["message"]["text"],
        "50% used: a, b\r\nsecond <line> & \"more\" — fix: this, that"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 12})
    );
    // A finding with no place in the file names the file but no region.
    let placeless = &results[2]["locations"][0]["physicalLocation"];
    assert!(placeless.get("region").is_none());
    assert_eq!(
        placeless["artifactLocation"]["uri"],
        "plans/a,b%3Ac%25.cniplan.yaml"
    );
    assert!(results[1].get("relatedLocations").is_none());
}

#[test]
fn github_escapes_as_the_actions_toolkit_does() {
    let out = render(&[tricky(), stdin()], Format::Github, &OPTIONS);
    let expected = [
        "::warning file=plans/a%2Cb%3Ac%25.cniplan.yaml,line=3,col=3,endLine=3,endColumn=12,\
         title=cniplan (subnet-headroom)::50%25 used: a, b\\u{d}\\u{a}second <line> & \"more\"%0Afix: this, that",
        "::notice file=plans/a%2Cb%3Ac%25.cniplan.yaml,line=1,col=1,endLine=1,endColumn=8,\
         title=cniplan (pod-subnet-too-large)::a note",
        "::error file=plans/a%2Cb%3Ac%25.cniplan.yaml,title=cniplan (plan-schema)::no place in the file",
        // Standard input is no file of the repository: the annotation goes on the run.
        "::error title=cniplan (plan-syntax)::unclosed `[`",
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
    assert!(out.ends_with('\n'));
}

#[test]
fn github_prints_one_annotation_per_finding() {
    let reports = broken();
    let out = render(&reports, Format::Github, &OPTIONS);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings(&reports));
    let findings = reports
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| (r, f)));
    for (line, (report, finding)) in lines.iter().zip(findings) {
        let at = report.source.position(finding.span.unwrap().start);
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let head = format!(
            "::{level} file={},line={},col={},",
            report.source.path, at.line, at.column
        );
        assert!(line.starts_with(&head), "{line}");
        assert!(
            line.contains(&format!(",title=cniplan ({})::", finding.rule.name())),
            "{line}"
        );
    }
    assert!(lines
        .iter()
        .any(|l| l.contains("title=cniplan (subnet-overlap)::")));
}

/// What a JUnit reader sees: per suite its counts, and its failures as (rule, type, message,
/// text).
#[derive(Debug, Default)]
struct Junit {
    total_tests: usize,
    total_failures: usize,
    suites: Vec<JunitSuite>,
}

#[derive(Debug, Default)]
struct JunitSuite {
    name: String,
    tests: usize,
    failures: usize,
    cases: Vec<String>,
    failed: Vec<(String, String, String, String)>,
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> String {
    let value = e
        .try_get_attribute(name)
        .unwrap()
        .unwrap_or_else(|| panic!("no {name}"));
    value
        .normalized_value(XmlVersion::Explicit1_0)
        .unwrap()
        .into_owned()
}

fn parse_junit(xml: &str) -> Junit {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut junit = Junit::default();
    let mut case = String::new();
    let mut failure: Option<(String, String, String, String)> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuites" => {
                    junit.total_tests = attribute(&e, "tests").parse().unwrap();
                    junit.total_failures = attribute(&e, "failures").parse().unwrap();
                }
                b"testsuite" => junit.suites.push(JunitSuite {
                    name: attribute(&e, "name"),
                    tests: attribute(&e, "tests").parse().unwrap(),
                    failures: attribute(&e, "failures").parse().unwrap(),
                    ..JunitSuite::default()
                }),
                b"testcase" => {
                    let suite = junit.suites.last_mut().unwrap();
                    assert_eq!(attribute(&e, "classname"), suite.name);
                    case = attribute(&e, "name");
                    suite.cases.push(case.clone());
                }
                b"failure" => {
                    failure = Some((
                        case.clone(),
                        attribute(&e, "type"),
                        attribute(&e, "message"),
                        String::new(),
                    ))
                }
                other => panic!("unexpected element {}", String::from_utf8_lossy(other)),
            },
            Event::Text(t) => {
                if let Some(f) = failure.as_mut() {
                    f.3.push_str(&t.xml_content(XmlVersion::Explicit1_0).unwrap());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(f) = failure.as_mut() {
                    match r.resolve_char_ref().unwrap() {
                        Some(c) => f.3.push(c),
                        None => {
                            let name = r.decode().unwrap();
                            f.3.push_str(quick_xml::escape::resolve_predefined_entity(&name).unwrap());
                        }
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == b"failure" => {
                let f = failure.take().unwrap();
                junit.suites.last_mut().unwrap().failed.push(f);
            }
            _ => {}
        }
    }
    junit
}

#[test]
fn junit_parses_with_one_failure_per_finding_and_right_counts() {
    let reports = examples();
    let junit = parse_junit(&render(&reports, Format::Junit, &OPTIONS));
    assert_eq!(junit.suites.len(), reports.len());
    let failed_cases: usize = junit.suites.iter().map(|s| s.failures).sum();
    assert_eq!(junit.total_tests, reports.len() * Rule::ALL.len());
    assert_eq!(junit.total_failures, failed_cases);
    for (suite, report) in junit.suites.iter().zip(&reports) {
        assert_eq!(suite.name, report.source.path);
        let names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(suite.cases, names);
        assert_eq!(suite.tests, Rule::ALL.len());
        assert_eq!(suite.failed.len(), report.findings.len());
        let mut fired: Vec<Rule> = report.findings.iter().map(|f| f.rule).collect();
        fired.sort();
        fired.dedup();
        assert_eq!(suite.failures, fired.len());
        for finding in &report.findings {
            let at = report.source.position(finding.span.unwrap().start);
            let text = format!("{}:{at}: {}", report.source.path, finding.message);
            let found = suite.failed.iter().any(|(rule, kind, message, body)| {
                rule == finding.rule.name()
                    && kind == finding.severity.as_str()
                    && *message == finding.message
                    && body.starts_with(&text)
            });
            assert!(found, "no failure for {finding:?}");
        }
    }
    assert!(findings(&reports) > 0);
}

#[test]
fn junit_keeps_text_that_needs_escaping() {
    let junit = parse_junit(&render(&[tricky()], Format::Junit, &OPTIONS));
    let suite = &junit.suites[0];
    assert_eq!(suite.name, "plans/a,b:c%.cniplan.yaml");
    assert_eq!(
        (suite.tests, suite.failures, suite.failed.len()),
        (Rule::ALL.len(), 3, 3)
    );
    let headroom = suite.failed.iter().find(|f| f.0 == "subnet-headroom").unwrap();
    assert_eq!(headroom.1, "warning");
    // A line break in a message (a name's) shows as its code, as on a terminal; the line
    // break before the help is cniplan's own.
    assert_eq!(headroom.2, "50% used: a, b\\u{d}\\u{a}second <line> & \"more\"");
    assert_eq!(
        headroom.3,
        "plans/a,b:c%.cniplan.yaml:3:3: 50% used: a, b\\u{d}\\u{a}second <line> & \"more\"\nfix: this, that"
    );
    let placeless = suite.failed.iter().find(|f| f.0 == "plan-schema").unwrap();
    assert_eq!(placeless.3, "plans/a,b:c%.cniplan.yaml: no place in the file");
}

#[test]
fn every_format_is_byte_identical_from_run_to_run() {
    for format in [
        Format::Sarif,
        Format::Github,
        Format::Junit,
        Format::Json,
        Format::Human,
    ] {
        let first = render(&examples(), format, &OPTIONS);
        let second = render(&examples(), format, &OPTIONS);
        assert_eq!(first, second, "{format:?}");
        let reports = examples();
        assert_eq!(
            render(&reports, format, &OPTIONS),
            render(&reports, format, &OPTIONS)
        );
    }
}

/// A finding in another file of the input (a `.tf` file beside a Terraform plan) is shown in
/// that file, at its own line and column, in every format; the capacity stays with the input.
#[test]
fn findings_in_other_files_of_an_input_are_shown_in_those_files() {
    let mut report = FileReport::new(
        SourceFile::new("infra/tfplan.json", "{\n  \"a\": 1\n}\n"),
        vec![
            Finding::new(Rule::SubnetOverlap, Span::in_file(1, 28, 40), "in main.tf")
                .related(Span::in_file(0, 4, 7), "the plan's value"),
            Finding::new(Rule::PlanSchema, Span::new(4, 7), "in the plan"),
        ],
        Vec::new(),
    );
    report.extra_sources.push(SourceFile::new(
        "infra/main.tf",
        "resource \"x\" \"y\" {\n  cidr = \"10.0.0.0/8\"\n}\n",
    ));
    let reports = [report];
    let v: Value = serde_json::from_str(&render(&reports, Format::Json, &OPTIONS)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], "infra/tfplan.json");
    assert_eq!(files[0]["diagnostics"][0]["line"], 2);
    assert_eq!(files[1]["path"], "infra/main.tf");
    let d = &files[1]["diagnostics"][0];
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(2), Some(10)));
    assert!(d["message"]
        .as_str()
        .unwrap()
        .ends_with("(the plan's value: infra/tfplan.json:2:3)"));
    let github = render(&reports, Format::Github, &OPTIONS);
    assert!(github.contains("file=infra/main.tf,line=2,"), "{github}");
}
