//! What cniplan prints cannot be steered by what it reads: control characters and bidi
//! overrides in names, paths and plan lines are shown escaped (`\u{1b}`), tables cut very long
//! names short, CSV cells are never formulas, Markdown mentions nobody, and `--output` never
//! overwrites an input nor leaves half a file.

use crate::common;

use common::{cniplan, json, stdin_plan, stdout};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A plan whose names carry a window-title escape, BEL, a C1 CSI, a right-to-left override
/// and invisible characters (a zero-width space, a tag letter), and whose comment beside a
/// finding holds a raw ESC sequence and backspaces.
const HOSTILE: &str = "version: 1
vnets:
  - name: \"hub\\e]0;pwned\\a\\u202e\"
    address_space: [10.0.0.0/8]
    subnets:
      - name: \"nodes\\e[2J\\u009b31m\"
        cidr: 10.240.0.0/16
      - name: \"pods\\u200b\\U000E0041\"
        cidr: 10.241.0.0/16
clusters:
  # owner \u{1b}]0;title\u{7} \u{202e}txt.exe\u{8}\u{8}
  - name: \"aks\\e[1m\"
    network_plugin: azure
    node_pools:
      - name: np
        node_count: 2
        vnet_subnet: \"nodes\\e[2J\\u009b31m\"
        pod_subnet: \"pods\\u200b\\U000E0041\"
";

/// Standard output and standard error hold no raw control character or bidi override.
fn assert_shown_safely(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if let Some(c) = common::raw_hidden(bytes) {
            panic!(
                "{what}: raw {c:?} on {stream}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

/// The hostile plan in a file whose name carries an escape sequence too.
fn hostile_file(dir: &Path) -> PathBuf {
    let path = dir.join("plan\u{1b}[2J.cniplan.yaml");
    std::fs::write(&path, HOSTILE).unwrap();
    path
}

#[test]
fn check_shows_names_paths_and_plan_lines_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let out = cniplan(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_shown_safely("check", &out);
    let text = stdout(&out);
    // The message names the VNet; the capacity table names the subnet; the snippet shows the
    // comment line above the cluster; the header and the table's title name the file.
    assert!(
        text.contains("VNet `hub\\u{1b}]0;pwned\\u{7}\\u{202e}`"),
        "{text}"
    );
    assert!(text.contains("nodes\\u{1b}[2J\\u{9b}31m"), "{text}");
    assert!(
        text.contains("# owner \\u{1b}]0;title\\u{7} \\u{202e}txt.exe\\u{8}\\u{8}"),
        "{text}"
    );
    assert!(text.contains("plan\\u{1b}[2J.cniplan.yaml:12:11]"), "{text}");
    assert!(text.contains("Capacity of "), "{text}");
}

#[test]
fn a_label_stays_under_its_value_after_an_escape_on_the_same_line() {
    let plan = "version: 1\nvnets:\n  - {name: \"v\u{1b}[2J\", address_space: [10.0.0.1/8], subnets: []}\n";
    let out = stdin_plan(&["check", "-"], plan);
    assert_shown_safely("check", &out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains("address_space")).unwrap();
    let value = lines[at].find("10.0.0.1/8").unwrap();
    let underline = lines[at + 1].find('─').unwrap();
    assert_eq!(
        lines[at][..value].chars().count(),
        lines[at + 1][..underline].chars().count(),
        "{text}"
    );
    // The header's column is the file's own, as an editor counts it.
    let column = plan.lines().nth(2).unwrap().find("10.0.0.1/8").unwrap() + 1;
    assert!(text.contains(&format!("<stdin>:3:{column}]")), "{text}");
}

#[test]
fn the_answers_show_names_escaped() {
    for args in [
        &["simulate", "-"][..],
        &["simulate", "--sweep", "max-pods", "-"],
        &["simulate", "--churn", "--trials", "20", "-"],
        &["size", "-"],
        &["compare", "-"],
    ] {
        let out = stdin_plan(args, HOSTILE);
        assert_shown_safely(&args.join(" "), &out);
        assert!(stdout(&out).contains("\\u{1b}"), "{args:?}: {}", stdout(&out));
    }
}

#[test]
fn error_messages_show_paths_escaped() {
    let out = cniplan(&["check", "missing\u{1b}]0;pwned\u{7}.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_shown_safely("check", &out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing\\u{1b}]0;pwned\\u{7}.yaml"), "{stderr}");
    // An answering command says on stderr that the plan has findings, naming its path.
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let out = cniplan(&["simulate", "--fail-on", "note", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_shown_safely("simulate", &out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("plan\\u{1b}[2J"));
}

/// clap quotes the argument it refuses; on a terminal its styled printer passed an escape
/// sequence through raw, and a bidi override anywhere.
#[test]
fn usage_errors_show_the_refused_argument_escaped() {
    for args in [
        &["check", "--\u{1b}[2Jx\u{202e}", "p.yaml"][..],
        &["check", "--fail-on", "e\u{7}rror\u{2066}", "p.yaml"],
        &[
            "check",
            "--format",
            "\u{1b}]0;pwned\u{7}\u{9b}2J\u{200b}",
            "p.yaml",
        ],
    ] {
        let out = cniplan(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_shown_safely("a usage error", &out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("error: "), "{stderr}");
        // What clap's plain text keeps of the argument is shown escaped (it drops ANSI
        // sequences itself): the bidi isolates and overrides, the C1 CSI.
        assert!(stderr.contains("\\u{"), "the escape is shown: {stderr}");
    }
}

/// A plan with no finding whose node subnet, used by a pool, is named with `length` bytes.
fn long_name_plan(length: usize) -> (String, String) {
    let name = "s".repeat(length);
    let plan = format!(
        "version: 1
vnets:
  - name: vnet
    address_space: [10.0.0.0/8]
    subnets:
      - name: {name}
        cidr: 10.240.0.0/16
clusters:
  - name: aks
    network_plugin: azure
    service_cidr: 172.16.0.0/16
    dns_service_ip: 172.16.0.10
    node_pools:
      - name: np
        node_count: 2
        max_pods: 30
        vnet_subnet: {name}
"
    );
    (plan, name)
}

/// The widest line of a table (a cell of 100 characters, the others' figures): far below
/// the name, however long the name.
const WIDEST_TABLE_LINE: usize = 400;

#[test]
fn tables_cut_a_very_long_name_and_json_keeps_it() {
    let (plan, name) = long_name_plan(1_000_000);
    for args in [&["check", "-"][..], &["simulate", "-"], &["size", "-"]] {
        let out = stdin_plan(args, &plan);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = stdout(&out);
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(
            widest <= WIDEST_TABLE_LINE,
            "{args:?}: a line of {widest} characters"
        );
        assert!(text.contains(&format!("{}…", "s".repeat(99))), "{args:?}");
    }
    let out = stdin_plan(&["check", "--format", "json", "-"], &plan);
    assert_eq!(json(&out)["files"][0]["subnets"][0]["name"], name.as_str());
}

#[test]
fn junit_markdown_and_github_show_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    for format in ["junit", "markdown", "github", "sarif", "json", "csv"] {
        let out = cniplan(&["check", "--format", format, path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        if matches!(format, "junit" | "markdown" | "github") {
            assert_shown_safely(format, &out);
            let text = stdout(&out);
            assert!(
                text.contains("hub\\u{1b}]0;pwned\\u{7}\\u{202e}"),
                "{format}: {text}"
            );
            assert!(text.contains("plan\\u{1b}[2J.cniplan.yaml"), "{format}: {text}");
        }
    }
}

#[test]
fn a_github_annotation_cannot_start_another_command() {
    let plan = HOSTILE.replace(
        "hub\\e]0;pwned\\a\\u202e",
        "hub\\r\\n::add-mask::secret\\n::error file=x::fake",
    );
    let out = stdin_plan(&["check", "--format", "github", "-"], &plan);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    // One workflow command per finding, each on its own line, and nothing else.
    for line in text.lines() {
        assert!(
            line.starts_with("::warning ") || line.starts_with("::notice "),
            "{text}"
        );
    }
    assert!(
        text.contains("hub\\u{d}\\u{a}::add-mask::secret\\u{a}::error file=x::fake"),
        "{text}"
    );
}

#[test]
fn csv_cells_that_would_be_formulas_start_with_a_quote() {
    let plan = HOSTILE
        .replace(
            "hub\\e]0;pwned\\a\\u202e",
            "=HYPERLINK(\\\"http://x\\\",\\\"y\\\")",
        )
        .replace("nodes\\e[2J\\u009b31m", "@SUM(1+1)")
        .replace("pods\\u200b\\U000E0041", "-2+3");
    let out = stdin_plan(&["check", "--format", "csv", "-"], &plan);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    assert!(text.contains("'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")"), "{text}");
    assert!(text.contains(",'@SUM(1+1),"), "{text}");
    assert!(text.contains(",'-2+3,"), "{text}");
    // Figures stay numbers: no quote before any of them.
    let header_and_rows: Vec<&str> = text.lines().collect();
    assert_eq!(header_and_rows.len(), 3, "{text}");
    assert!(header_and_rows[1].contains(",65531,"), "{text}");
}

#[test]
fn markdown_mentions_nobody() {
    let plan = HOSTILE
        .replace("hub\\e]0;pwned\\a\\u202e", "hub @my-org/admins")
        .replace("nodes\\e[2J\\u009b31m", "@octocat");
    let out = stdin_plan(&["check", "--format", "markdown", "-"], &plan);
    let text = stdout(&out);
    // In the capacity table, and in messages as code (where GitHub reads no mention).
    assert!(text.contains("| @&#8203;octocat |"), "{text}");
    assert!(text.contains("`hub @my-org/admins`"), "{text}");
    for (i, part) in text.split('`').enumerate() {
        let live = part
            .match_indices('@')
            .filter(|(at, _)| !part[*at..].starts_with("@&#8203;"));
        assert!(i % 2 == 1 || live.count() == 0, "a live mention in {part:?}");
    }
}

/// The walkthrough plan, copied into `dir`.
fn plan_in(dir: &Path) -> PathBuf {
    let path = dir.join("plan.cniplan.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/aks-dynamic-ip/plan.yaml"),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let before = std::fs::read(&plan).unwrap();
    let symlink = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&plan, &symlink).unwrap();
    let hard_link = dir.path().join("hard.yaml");
    std::fs::hard_link(&plan, &hard_link).unwrap();
    let dotted = dir.path().join(".").join("plan.cniplan.yaml");
    let plan_arg = plan.to_str().unwrap();
    for output in [&plan, &symlink, &hard_link, &dotted] {
        let output = output.to_str().unwrap();
        for args in [
            &["check", plan_arg, "-o", output][..],
            &[
                "check",
                "--format",
                "json",
                dir.path().to_str().unwrap(),
                "-o",
                output,
            ],
            &["simulate", plan_arg, "-o", output],
            &["compare", plan_arg, "-o", output],
            &["size", plan_arg, "-o", output],
            &["size", "--write", plan_arg, "-o", output],
            &["report", plan_arg, "-o", output],
            &["import", plan_arg, "-o", output],
        ] {
            let out = cniplan(args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains("cniplan does not overwrite its inputs"),
                "{args:?}: {stderr}"
            );
            assert_eq!(std::fs::read(&plan).unwrap(), before, "{args:?} changed the plan");
        }
    }
    assert!(std::fs::symlink_metadata(&symlink)
        .unwrap()
        .file_type()
        .is_symlink());
    // The configuration file is read too.
    let config = dir.path().join("settings.yaml");
    std::fs::write(&config, "rules: {}\n").unwrap();
    let out = cniplan(&[
        "check",
        "--config",
        config.to_str().unwrap(),
        plan_arg,
        "-o",
        config.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cniplan does not overwrite its inputs"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "rules: {}\n");
}

/// A file a reader opened beside the input, named by nothing on the command line (a Bicep
/// `loadTextContent` file), is an input too.
#[test]
fn output_never_overwrites_a_file_a_template_loads() {
    let dir = tempfile::tempdir().unwrap();
    let bicep = dir.path().join("main.bicep");
    std::fs::write(
        &bicep,
        "var notes = loadTextContent('notes.txt')\n\
         resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n\
         \x20 name: 'v'\n\
         \x20 properties: {\n\
         \x20   addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }\n\
         \x20   subnets: [ { name: 's', properties: { addressPrefix: '10.1.0.0/24' } } ]\n\
         \x20 }\n\
         }\n",
    )
    .unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "kept\n").unwrap();
    let out = cniplan(&["check", bicep.to_str().unwrap(), "-o", notes.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("is a file this run read; cniplan does not overwrite its inputs"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "kept\n");
}

/// A directory walk that meets a candidate file whose name is not UTF-8 names it, escaped,
/// rather than failing on a lossy name that no longer opens.
#[test]
fn a_walk_names_a_file_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let bad = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"\xff\xfe.cniplan.yaml"));
    if std::fs::write(&bad, "version: 1\n").is_err() {
        return; // a file system that refuses such names cannot hold the case
    }
    let out = cniplan(&["check", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("\\xff\\xfe.cniplan.yaml: its name is not valid UTF-8"),
        "{stderr}"
    );
    // A file the walk would not read anyway is no concern.
    std::fs::remove_file(&bad).unwrap();
    std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(b"\xff.txt")), "x").unwrap();
    let out = cniplan(&["check", dir.path().to_str().unwrap()]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let report = dir.path().join("report.txt");
    std::fs::write(&report, "old\n").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("latest.txt");
    std::os::unix::fs::symlink(&report, &link).unwrap();
    let out = cniplan(&["check", plan.to_str().unwrap(), "-o", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .starts_with("service-cidr-overlap"));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    let mode = std::fs::metadata(&report).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert_eq!(
        files_in(dir.path()),
        ["latest.txt", "plan.cniplan.yaml", "report.txt"]
    );
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `cniplan check PLAN -o OUT` with files limited to 512 bytes (the report is about 2 KB):
/// past it, the kernel stops the write with SIGXFSZ, as a run killed part way, or, with the
/// signal ignored, fails it with EFBIG.
fn check_with_file_size_limit(plan: &Path, output: &Path, ignore_signal: bool) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = common::command(&["check", plan.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    // SAFETY: setrlimit and signal are async-signal-safe, as pre_exec requires.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: 512,
                rlim_max: 512,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            let action = if ignore_signal {
                libc::SIG_IGN
            } else {
                libc::SIG_DFL
            };
            libc::signal(libc::SIGXFSZ, action);
            Ok(())
        });
    }
    command.output().unwrap()
}

#[test]
fn a_write_cut_short_leaves_the_old_file_whole() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let output = dir.path().join("report.txt");
    std::fs::write(&output, "the last report\n").unwrap();
    // Killed part way: the file is the old one; only a hidden temporary file is left.
    let out = check_with_file_size_limit(&plan, &output, false);
    assert_eq!(out.status.signal(), Some(libc::SIGXFSZ), "{out:?}");
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "the last report\n");
    for name in files_in(dir.path()) {
        assert!(
            ["plan.cniplan.yaml", "report.txt"].contains(&name.as_str()) || name.starts_with(".report.txt.")
        );
    }
    // A failed write: exit 2, the old file, and no temporary file left behind.
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let output = dir.path().join("report.txt");
    std::fs::write(&output, "the last report\n").unwrap();
    let out = check_with_file_size_limit(&plan, &output, true);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cniplan: cannot write "));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "the last report\n");
    assert_eq!(files_in(dir.path()), ["plan.cniplan.yaml", "report.txt"]);
    // A new file appears only complete: after a failed run there is none.
    let new = dir.path().join("new.txt");
    let out = check_with_file_size_limit(&plan, &new, true);
    assert_eq!(out.status.code(), Some(2));
    assert!(!new.exists());
}
