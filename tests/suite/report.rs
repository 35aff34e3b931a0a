//! `cniplan report` as a user meets it: the page of the README's walkthrough names every
//! subnet, draws SVG and fetches nothing; every user string is escaped; overlaps are marked;
//! exit codes follow `check`; and headless Chromium renders the page to a picture that is not
//! blank, with the subnets' names in its text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use common::{cniplan, stdin_plan};

const WALKTHROUGH: &str = "examples/aks-dynamic-ip/plan.yaml";
const WALKTHROUGH_SUBNETS: [&str; 4] = ["nodesubnet", "podsubnet", "node2subnet", "pod2subnet"];

fn page(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("the page is UTF-8")
}

/// The page of `plan` written with `-o` into `dir`, and the run's output.
fn report_to_file(dir: &Path, plan: &str, extra: &[&str]) -> (PathBuf, Output) {
    let file = dir.join("report.html");
    let mut args = vec!["report", plan, "-o", file.to_str().expect("UTF-8 path")];
    args.extend_from_slice(extra);
    let out = cniplan(&args);
    (file, out)
}

/// Nothing in the page runs or is fetched: no scripts, no external links, fonts or images.
fn assert_self_contained(html: &str) {
    let lower = html.to_ascii_lowercase();
    for banned in [
        "<script", "http://", "https://", "src=", "<link", "@import", "url(", "<iframe", "<img",
    ] {
        assert!(!lower.contains(banned), "the page contains `{banned}`");
    }
}

#[test]
fn the_walkthroughs_report_names_every_subnet_and_fetches_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, out) = report_to_file(dir.path(), WALKTHROUGH, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "-o writes the file, not stdout");
    let html = std::fs::read_to_string(&file).expect("the page was written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for name in WALKTHROUGH_SUBNETS {
        assert!(html.contains(name), "{name} is missing");
    }
    assert!(html.contains("<svg"));
    for section in [
        r#"id="address-map""#,
        r#"id="demand""#,
        r#"id="sweeps""#,
        r#"id="churn""#,
        r#"id="findings""#,
    ] {
        assert!(html.contains(section), "{section} is missing");
    }
    // The walkthrough's one finding, with its snippet and place.
    assert!(html.contains("service-cidr-overlap"));
    assert!(html.contains("examples/aks-dynamic-ip/plan.yaml:20:11"));
    assert!(html.contains(r#"<pre class="snippet">"#));
    // Churn says how many trials, with which seed.
    assert!(html.contains("1,000 trials</b> with <b>seed 0"));
    assert_self_contained(&html);
}

#[test]
fn the_page_is_the_same_on_stdout_and_byte_for_byte_every_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = report_to_file(dir.path(), WALKTHROUGH, &[]);
    let written = std::fs::read(&file).expect("the page was written");
    let stdout = cniplan(&["report", WALKTHROUGH]);
    let dash = cniplan(&["report", WALKTHROUGH, "--output", "-"]);
    assert_eq!(stdout.stdout, written);
    assert_eq!(dash.stdout, written);
}

#[test]
fn the_report_exits_like_check() {
    // The walkthrough has one warning: 0 by default, 1 under --fail-on warning.
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, out) = report_to_file(dir.path(), WALKTHROUGH, &["--fail-on", "warning"]);
    assert_eq!(out.status.code(), Some(1));
    let (_, out) = report_to_file(dir.path(), WALKTHROUGH, &["--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0));
    // A usage error is 2.
    assert_eq!(cniplan(&["report", "no/such/plan.yaml"]).status.code(), Some(2));
    assert_eq!(
        cniplan(&["report", WALKTHROUGH, "--trials", "0"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_plan_that_does_not_load_gets_its_findings_with_snippets() {
    let out = cniplan(&["report", "examples/broken/typo.cniplan.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let html = page(&out);
    assert!(html.contains("did not load"));
    assert!(html.contains("plan-schema"), "{html}");
    assert!(html.contains(r#"<mark class="mark">"#));
    assert!(!html.contains(r#"id="address-map""#));
    assert_self_contained(&html);
}

/// `report` with `input` names every subnet that `check` finds in the same input and draws it.
fn reads_as_check_reads(input: &[&str]) {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend_from_slice(input);
    let check: serde_json::Value = serde_json::from_slice(&cniplan(&args).stdout).expect("check's JSON");
    let mut args = vec!["report", "--fail-on", "never"];
    args.extend_from_slice(input);
    let out = cniplan(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{input:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = page(&out);
    assert!(html.contains(r#"<svg class="map""#), "{input:?}: no address map");
    let subnets = check["files"][0]["subnets"].as_array().expect("subnets");
    assert!(!subnets.is_empty(), "{input:?}: check found no subnet");
    for subnet in subnets {
        let name = subnet["name"].as_str().expect("a name");
        assert!(html.contains(name), "{input:?}: {name} is missing");
    }
    assert_self_contained(&html);
}

#[test]
fn terraform_arm_and_az_inputs_read_as_check_reads_them() {
    reads_as_check_reads(&["tests/fixtures/terraform-config/tfplan.json"]);
    reads_as_check_reads(&["--input", "terraform", "tests/fixtures/terraform-config"]);
    reads_as_check_reads(&[
        "--parameters",
        "tests/imported/arm/pool-max-count.parameters.json",
        "tests/imported/arm/pool-max-count.json",
    ]);
    reads_as_check_reads(&[
        "--input",
        "az",
        "tests/imported/az/vnets.json",
        "tests/imported/az/subnets.json",
        "tests/imported/az/aks.json",
        "tests/imported/az/nodepools.json",
    ]);
}

#[test]
fn a_finding_in_a_tf_file_beside_a_terraform_plan_shows_that_files_lines() {
    let out = cniplan(&["report", "tests/fixtures/terraform-config/tfplan.json"]);
    let html = page(&out);
    assert!(
        html.contains("tests/fixtures/terraform-config/main.tf:21:27"),
        "{html}"
    );
    assert!(html.contains(r#"address_prefixes     = [<mark class="mark">&quot;10.10.1.0/24&quot;</mark>]"#));
}

#[test]
fn every_user_string_is_escaped() {
    const RAW: &str = r#"<script>alert(1)</script>&"'"#;
    const ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;";
    // Subnets that pools reference cannot hold `/` (it separates vnet/subnet), so they carry
    // the other characters; the VNet, an unused subnet, the cluster and the pool carry it all.
    let plan = r#"version: 1
vnets:
  - name: "v<script>alert(1)</script>&\"'"
    address_space: [10.0.0.0/16]
    subnets:
      - name: "nodes<b>&\"'"
        cidr: 10.0.0.0/24
      - name: "pods<i>&\"'"
        cidr: 10.0.16.0/20
      - name: "s<script>alert(1)</script>&\"'"
        cidr: 10.0.1.0/24
clusters:
  - name: "c<script>alert(1)</script>&\"'"
    service_cidr: 10.0.0.0/16
    node_pools:
      - name: "pool<script>alert(1)</script>&\"'"
        node_count: 3
        max_pods: 30
        vnet_subnet: "nodes<b>&\"'"
        pod_subnet: "pods<i>&\"'"
"#;
    let out = stdin_plan(&["report", "--fail-on", "never", "-"], plan);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = page(&out);
    assert!(!html.contains(RAW), "a raw name reached the page");
    assert!(!html.contains("nodes<b>") && !html.contains("pods<i>"));
    for name in ["v", "s", "c", "pool"] {
        assert!(
            html.contains(&format!("{name}{ESCAPED}")),
            "{name}… is not escaped"
        );
    }
    assert!(html.contains("nodes&lt;b&gt;&amp;&quot;&#39;"));
    assert_self_contained(&html);
}

#[test]
fn overlapping_subnets_are_marked_on_the_map() {
    let out = cniplan(&["report", "tests/fixtures/subnet-overlap.yaml"]);
    // subnet-overlap is an error.
    assert_eq!(out.status.code(), Some(1));
    let html = page(&out);
    assert!(html.contains(r#"<rect class="overlap""#), "no overlap drawn");
    assert!(
        html.contains(r#"<tr class="overlapping">"#),
        "no overlap in the table"
    );
    // copy1 and copy2 are the same /20: each names the other.
    assert!(html.contains("#6 copy2"), "{html}");
    assert!(html.contains("#5 copy1"));
    // A clean plan has none.
    let clean = page(&cniplan(&["report", WALKTHROUGH]));
    assert!(!clean.contains(r#"<rect class="overlap""#));
}

// Headless Chromium: the page as a user sees it.

/// Chromium, or why the test may not run. Without it the test is skipped outside CI only:
/// `.ci/run` installs it and sets CI, so CI can never pass by skipping.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| {
            std::env::var_os("PATH")
                .map(|p| {
                    std::env::split_paths(&p)
                        .map(|d| d.join(name))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium not found and CI is set: .ci/run installs it"
        );
        eprintln!("skipped: chromium not found");
    }
    found
}

/// Runs Chromium headless on `page` with `args`, killing it after a minute so it can never
/// hang the suite; its profile lives in a temporary directory.
fn run_chromium(chromium: &Path, profile: &Path, args: &[&str], page: &Path) -> Output {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    // Read stdout on a thread: a DOM larger than the pipe would otherwise block Chromium.
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(_) => break,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium took more than 60 s");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let mut out = child.wait_with_output().expect("chromium's output");
    out.stdout = reader.join().expect("the reader thread");
    out
}

/// Pixels of an RGB(A) PNG, 8 bits a channel, as (width, height, RGB triples).
fn pixels(png_file: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let file = std::fs::File::open(png_file).expect("the screenshot exists");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let samples = info.color_type.samples();
    assert!(samples >= 3, "a colour screenshot, got {:?}", info.color_type);
    let rgb = buf[..info.buffer_size()]
        .chunks_exact(samples)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, rgb)
}

#[test]
fn chromium_renders_the_walkthroughs_report_and_shows_its_subnets() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let (html, out) = report_to_file(dir.path(), WALKTHROUGH, &[]);
    assert_eq!(out.status.code(), Some(0));
    let html = html.canonicalize().expect("an absolute path");
    let profile = dir.path().join("profile");

    let png_file = dir.path().join("report.png");
    let shot = run_chromium(
        &chromium,
        &profile,
        &[
            &format!("--screenshot={}", png_file.display()),
            "--window-size=1280,2400",
        ],
        &html,
    );
    assert!(
        png_file.is_file(),
        "no screenshot: {}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let (width, height, rgb) = pixels(&png_file);
    assert_eq!((width, height), (1280, 2400));
    let not_white = rgb.iter().filter(|p| p.iter().any(|&c| c < 235)).count();
    let share = not_white as f64 / rgb.len() as f64;
    assert!(
        share > 0.05,
        "the screenshot is nearly blank: {share:.3} not white"
    );
    let mut colours: Vec<[u8; 3]> = rgb.clone();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 50,
        "only {} colours: nothing drawn",
        colours.len()
    );
    // The map's and charts' own colours are on screen: node blue and pod green.
    assert!(rgb.contains(&[0x3b, 0x82, 0xf6]), "no node subnet drawn");
    assert!(rgb.contains(&[0x22, 0xc5, 0x5e]), "no pod subnet drawn");

    let dom = run_chromium(&chromium, &profile, &["--dump-dom"], &html);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<svg"), "no SVG in the rendered page");
    for name in WALKTHROUGH_SUBNETS {
        assert!(dom.contains(name), "{name} is not in the rendered page");
    }
}
