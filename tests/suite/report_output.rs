//! Reports a user hands on: `--output FILE` on every report command, `check --format csv` for a
//! spreadsheet, `--format markdown` for a pull request, and `cniplan man`.

use std::path::Path;
use std::process::Output;

use crate::common;
use common::stdout;

const WALKTHROUGH: &str = "examples/aks-dynamic-ip/plan.yaml";
const KUBENET: &str = "examples/kubenet-to-overlay/plan.yaml";
const BROKEN: &str = "examples/broken/addressing.cniplan.yaml";

/// At a fixed width, so tables wrap the same everywhere.
fn cniplan(args: &[&str]) -> Output {
    common::command(args)
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs")
}

/// Every report command and format, on a plan that passes and on one with errors: `--output
/// FILE` writes exactly what standard output shows, prints nothing, and exits alike.
#[test]
fn output_writes_the_bytes_stdout_shows() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for plan in [WALKTHROUGH, BROKEN] {
        for format in ["human", "json", "sarif", "github", "junit", "csv", "markdown"] {
            runs.push(vec!["check", "--format", format, plan]);
        }
        runs.push(vec!["check", "--quiet", "--format", "markdown", plan]);
        for format in ["human", "json"] {
            runs.push(vec!["simulate", "--format", format, plan]);
            runs.push(vec![
                "simulate",
                "--sweep",
                "pods-per-node",
                "--format",
                format,
                plan,
            ]);
            runs.push(vec!["compare", "--format", format, plan]);
        }
    }
    runs.push(vec!["compare", KUBENET]);
    for (i, args) in runs.iter().enumerate() {
        let to_stdout = cniplan(args);
        let file = dir.path().join(format!("report-{i}"));
        let file_arg = file.to_str().expect("a UTF-8 temporary path");
        let mut with_output = args.clone();
        with_output.splice(1..1, ["--output", file_arg]);
        let to_file = cniplan(&with_output);
        let written = std::fs::read(&file).expect("--output wrote the file");
        assert!(!to_stdout.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(
            written, to_stdout.stdout,
            "{args:?}: the file differs from stdout"
        );
        assert!(to_file.stdout.is_empty(), "{args:?} also printed to stdout");
        assert_eq!(to_file.status.code(), to_stdout.status.code(), "{args:?}");
    }
}

#[test]
fn output_dash_is_stdout() {
    let plain = cniplan(&["check", "--format", "json", WALKTHROUGH]);
    let dash = cniplan(&["check", "--format", "json", "-o", "-", WALKTHROUGH]);
    assert_eq!(dash.stdout, plain.stdout);
}

#[test]
fn an_unwritable_output_is_a_usage_error_that_names_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let target = dir.path().join("no-such-dir").join("report.csv");
    let target = target.to_str().expect("a UTF-8 temporary path");
    let out = cniplan(&["check", "--format", "csv", "--output", target, WALKTHROUGH]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write") && stderr.contains("report.csv"),
        "{stderr}"
    );
}

/// Issue 14's acceptance: the walkthrough as CSV is a header and 4 rows, the pod subnet's
/// peak 753.
#[test]
fn the_walkthrough_as_csv_is_four_subnet_rows() {
    let out = cniplan(&["check", "--format", "csv", WALKTHROUGH]);
    assert_eq!(out.status.code(), Some(0), "a warning only: exit 0");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "file",
            "vnet",
            "name",
            "cidr",
            "role",
            "usable",
            "baseline_demand",
            "peak_demand",
            "utilization",
            "exhaustion_phase",
            "exhaustion_step",
            "exhaustion_cluster",
            "exhaustion_pool",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV rows");
    assert_eq!(rows.len(), 4);
    let column = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let pod = rows
        .iter()
        .find(|r| &r[column("name")] == "podsubnet")
        .expect("the pod subnet's row");
    assert_eq!(&pod[column("file")], WALKTHROUGH);
    assert_eq!(&pod[column("vnet")], "myVirtualNetwork");
    assert_eq!(&pod[column("cidr")], "10.241.0.0/16");
    assert_eq!(&pod[column("role")], "pod");
    assert_eq!(&pod[column("usable")], "65531");
    assert_eq!(&pod[column("baseline_demand")], "502");
    assert_eq!(&pod[column("peak_demand")], "753");
    assert_eq!(&pod[column("utilization")], "0.0115");
    assert_eq!(&pod[column("exhaustion_phase")], "");
}

/// A subnet that runs out has its exhaustion point in the row; a name with a comma and a
/// quote survives the round trip; a name that a spreadsheet would run as a formula does not.
#[test]
fn csv_quotes_names_and_carries_the_exhaustion_point() {
    let plan = r#"version: 1
vnets:
  - name: "hub, east"
    address_space: [10.1.0.0/16]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/24
      - name: 'pods "small"'
        cidr: 10.1.1.0/25
      - name: "=cmd"
        cidr: 10.1.2.0/24
clusters:
  - name: aks
    network_plugin: azure
    service_cidr: 172.16.0.0/16
    node_pools:
      - name: p
        min_count: 2
        max_count: 10
        max_pods: 30
        vnet_subnet: nodes
        pod_subnet: 'pods "small"'
"#;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("quoted.cniplan.yaml");
    std::fs::write(&path, plan).expect("the plan is written");
    let out = cniplan(&["check", "--format", "csv", path.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(1), "the pod subnet runs out: an error");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV rows");
    assert_eq!(rows.len(), 3, "{}", stdout(&out));
    assert_eq!(&rows[0][1], "hub, east");
    assert_eq!(&rows[1][2], r#"pods "small""#);
    assert_eq!(&rows[1][9], "scale-out", "{:?}", rows[1]);
    assert!(rows[1][10].parse::<u64>().is_ok(), "{:?}", rows[1]);
    assert_eq!((&rows[1][11], &rows[1][12]), ("aks", "p"));
    assert_eq!(&rows[2][2], "'=cmd");
    assert_eq!(&rows[2][4], "unused");
}

#[test]
fn the_walkthrough_in_markdown() {
    let out = cniplan(&["check", "--format", "markdown", WALKTHROUGH]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let expected_lines = [
        "## cniplan",
        "Found 1 warning in 1 file.",
        "### Findings",
        "- ⚠️ **warning** `service-cidr-overlap` `examples/aks-dynamic-ip/plan.yaml:20:11`: the default \
         service CIDR 10.0.0.0/16 of cluster `myAKSCluster` lies inside VNet `myVirtualNetwork`'s \
         address space (10.0.0.0/8); a subnet added there later would be unreachable from pods",
        "  - `examples/aks-dynamic-ip/plan.yaml:8:21`: VNet `myVirtualNetwork`'s address space \
         (10.0.0.0/8) is here",
        "### Capacity of `examples/aks-dynamic-ip/plan.yaml`",
        "| subnet | cidr | role | usable | baseline | peak | util. | exhaustion | most nodes, each pool alone |",
        "|:--|:--|:--|--:|--:|--:|--:|:--|:--|",
        "| podsubnet | 10.241.0.0/16 | pod | 65,531 | 502 | 753 | 1.1 % | - | nodepool1: 261 at 251 IPs/node |",
    ];
    for line in expected_lines {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }
    let table_rows = text
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("/16"))
        .count();
    assert_eq!(table_rows, 4, "{text}");
    assert!(text.ends_with("|\n") && !text.ends_with("\n\n"));
}

#[test]
fn quiet_markdown_is_the_findings_alone() {
    let out = cniplan(&["check", "--quiet", "--format", "markdown", WALKTHROUGH]);
    let text = stdout(&out);
    assert!(text.contains("### Findings"), "{text}");
    assert!(
        !text.contains("Capacity of") && !text.contains("Found 1"),
        "{text}"
    );
}

#[test]
fn the_man_page_and_the_completions_know_every_command() {
    let page = cniplan(&["man"]);
    assert_eq!(page.status.code(), Some(0));
    let page = stdout(&page);
    assert!(page.contains(".TH cniplan 1"), "{page}");
    for sub in [
        "check",
        "simulate",
        "compare",
        "rules",
        "explain",
        "init",
        "schema",
        "man",
        "completions",
    ] {
        assert!(
            page.contains(&format!("cniplan\\-{sub}(1)")),
            "cniplan(1) lacks {sub}"
        );
    }
    let check = stdout(&cniplan(&["man", "check"]));
    assert!(
        check.contains("\\-\\-output") && check.contains("markdown"),
        "{check}"
    );
    assert_eq!(cniplan(&["man", "nope"]).status.code(), Some(2));
    let bash = stdout(&cniplan(&["completions", "bash"]));
    assert!(bash.contains("--output") && bash.contains("markdown") && bash.contains(" man "));
}

#[test]
fn the_docs_list_the_new_formats_and_commands() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/commands.md"))
        .expect("docs/commands.md");
    for needle in [
        "--format csv",
        "--format markdown",
        "--output FILE",
        "cniplan man",
    ] {
        assert!(
            page.contains(needle),
            "docs/commands.md does not mention {needle}"
        );
    }
    // The page's CSV sample is the real header and the pod subnet's real row.
    let csv = stdout(&cniplan(&["check", "--format", "csv", WALKTHROUGH]));
    let mut lines = csv.lines();
    let header = lines.next().expect("a header");
    let pod = lines
        .find(|l| l.contains(",podsubnet,"))
        .expect("the pod subnet's row");
    for line in [header, pod] {
        assert!(
            page.lines().any(|l| l == line),
            "update the CSV sample in docs/commands.md: {line}"
        );
    }
}
