//! Inputs of 50 and 100 MB, checked by the release binary: `cargo test --release --test heavy`,
//! which `.ci/run` runs after `cargo test`. Not part of a plain `cargo test` (Cargo.toml:
//! `test = false`), where a debug build took two of the suite's five minutes on them; what
//! they guard (bounded time and memory at the size limits, no refusal) is a property of the
//! build users run. Linearity in the input's size is held at every size by
//! tests/linear_work.rs, which counts work in the debug suite.

#[path = "suite/common/mod.rs"]
mod common;

use common::measure::Run;
use std::path::Path;
use std::time::Duration;

/// Runs `cniplan check --format FORMAT --color never PATH` (see [`common::measure::run`]).
fn check(path: &Path, format: &str, limit: Duration) -> Run {
    let args = ["check", "--format", format, "--color", "never"];
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.push(path.as_os_str());
    common::measure::run(&all, limit)
}

/// No panic, and exit 2 only with a message.
fn assert_contract(path: &Path, out: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "{}: panic: {stderr}",
        path.display()
    );
    match out.status.code() {
        Some(0) | Some(1) => {}
        Some(2) => assert!(
            stderr.starts_with("cniplan: "),
            "{}: exit 2 without a message",
            path.display()
        ),
        other => panic!("{}: exit {other:?}: {stderr}", path.display()),
    }
}

/// Large generated inputs are allowed memory in proportion to their size (as in
/// tests/suite/bad_input.rs).
fn memory_limit_kb(path: &Path) -> i64 {
    let size_kb = std::fs::metadata(path).map_or(0, |m| m.len() as i64 / 1024);
    (512 * 1024).max(size_kb * 48)
}

/// A 50 MB plan of a million valid subnets is checked, not refused, and reads as clean, within
/// 60 s of processor time (about 10 s). Processor time, not wall time: on a busy 2-core
/// machine the wall time measures the neighbours rather than cniplan; wall time only guards
/// against a hang. Human output only: the JSON of a million capacity rows (300 MB) would more
/// than double the time, and the bad-input tests cover JSON.
#[test]
fn a_50_mb_plan_is_checked_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.cniplan.yaml");
    let mut text =
        String::from("version: 1\nvnets:\n  - name: big\n    address_space: [10.0.0.0/8]\n    subnets:\n");
    let mut i: u32 = 0;
    while text.len() < 50 * 1024 * 1024 {
        let ip = std::net::Ipv4Addr::from(0x0a00_0000 + i * 8);
        text.push_str(&format!("      - name: s{i}\n        cidr: {ip}/29\n"));
        i += 1;
    }
    std::fs::write(&path, text).unwrap();
    let started = std::time::Instant::now();
    let run = check(&path, "human", Duration::from_secs(600));
    eprintln!(
        "checked 50 MB in {:.1?} of processor time, {:.1?} of wall time",
        run.cpu,
        started.elapsed()
    );
    assert_contract(&path, &run.output);
    assert!(
        run.cpu <= Duration::from_secs(60),
        "{:.1?} of processor time",
        run.cpu
    );
    assert!(
        run.peak_kb <= memory_limit_kb(&path),
        "peak memory {} KB",
        run.peak_kb
    );
    assert_eq!(
        (
            run.output.status.code(),
            String::from_utf8_lossy(&run.output.stdout).as_ref(),
            String::from_utf8_lossy(&run.output.stderr).as_ref()
        ),
        (Some(0), "No findings in 1 file.\n", ""),
        "a million non-overlapping /29s in a /8: no finding"
    );
}

/// A 100 MB Terraform plan (5,000 VNets of 20 subnets each, and a cluster per VNet, with
/// the attributes azurerm writes) is checked, not refused, within 120 s of processor time
/// (as the 50 MB plan: wall time on a busy machine measures the neighbours). GitHub
/// annotations only: the findings are the point.
#[test]
fn a_100_mb_terraform_plan_is_checked_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.tfplan.json");
    let mut text = String::from("{\"format_version\":\"1.2\",\"resource_changes\":[");
    let filler = "\"private_endpoint_network_policies\":\"Disabled\",\"service_endpoints\":null,\"timeouts\":null,\"default_outbound_access_enabled\":true,\"delegation\":[]";
    let mut v: u32 = 0;
    while text.len() < 100 * 1024 * 1024 {
        let rg = format!("rg-{v}");
        let base = 0x0a00_0000u32.wrapping_add(v.wrapping_mul(4096));
        text.push_str(&format!(
            "{{\"address\":\"azurerm_virtual_network.v[{v}]\",\"mode\":\"managed\",\"type\":\"azurerm_virtual_network\",\"name\":\"v\",\"index\":{v},\"change\":{{\"actions\":[\"create\"],\"after\":{{\"name\":\"vnet\",\"resource_group_name\":\"{rg}\",\"address_space\":[\"{}/20\"]}},\"after_unknown\":{{\"id\":true}}}}}},",
            std::net::Ipv4Addr::from(base)
        ));
        for s in 0..20u32 {
            text.push_str(&format!(
                "{{\"address\":\"azurerm_subnet.s[{}]\",\"mode\":\"managed\",\"type\":\"azurerm_subnet\",\"name\":\"s\",\"index\":{},\"change\":{{\"actions\":[\"create\"],\"after\":{{\"name\":\"s{s}\",\"resource_group_name\":\"{rg}\",\"virtual_network_name\":\"vnet\",\"address_prefixes\":[\"{}/26\"],{filler}}},\"after_unknown\":{{\"id\":true}}}}}},",
                v * 20 + s,
                v * 20 + s,
                std::net::Ipv4Addr::from(base + s * 64)
            ));
        }
        text.push_str(&format!(
            "{{\"address\":\"azurerm_kubernetes_cluster.k[{v}]\",\"mode\":\"managed\",\"type\":\"azurerm_kubernetes_cluster\",\"name\":\"k\",\"index\":{v},\"change\":{{\"actions\":[\"create\"],\"after\":{{\"name\":\"aks\",\"resource_group_name\":\"{rg}\",\"network_profile\":[{{\"network_plugin\":\"azure\",\"service_cidr\":\"172.16.0.0/16\",\"dns_service_ip\":\"172.16.0.10\"}}],\"default_node_pool\":[{{\"name\":\"system\",\"node_count\":3,\"max_pods\":30,\"upgrade_settings\":[{{\"max_surge\":\"1\"}}],\"vnet_subnet_id\":\"/subscriptions/s/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/s0\"}}]}},\"after_unknown\":{{\"id\":true}}}}}},"
        ));
        v += 1;
    }
    text.pop();
    text.push_str("]}");
    std::fs::write(&path, text).unwrap();
    let started = std::time::Instant::now();
    let run = check(&path, "github", Duration::from_secs(900));
    eprintln!(
        "checked 100 MB of Terraform plan in {:.1?} of processor time, {:.1?} of wall time",
        run.cpu,
        started.elapsed()
    );
    assert!(
        run.cpu <= Duration::from_secs(120),
        "{:.1?} of processor time",
        run.cpu
    );
    assert!(
        run.peak_kb <= memory_limit_kb(&path),
        "peak memory {} KB",
        run.peak_kb
    );
    // The VNets all share a name, one per resource group: not duplicates. Each cluster is
    // traditional Azure CNI, 3 nodes of 31 IPs in a /26 of 59: one finding per cluster.
    let stdout = String::from_utf8_lossy(&run.output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(run.output.status.code(), Some(1));
    assert!(lines.len() > 5_000, "{} annotations", lines.len());
    let other = lines
        .iter()
        .find(|l| !l.contains("title=cniplan (node-subnet-exhausted)::node subnet `s0`"));
    assert!(
        other.is_none(),
        "{}",
        other.map_or("", |l| &l[..l.len().min(300)])
    );
}

/// The largest `.tf` file the per-file limit allows is read within issue 19's 500 MB of
/// memory, in the two shapes that took the most memory per byte of those measured
/// (BENCHMARKS.md): plain subnets that name their VNet (about 45,000 in 8 MiB, read whole;
/// the evaluation budget grows with the configuration's own size, so a large valid
/// configuration is not cut off as a bomb would be), and the smallest resources there are
/// (`resource "x" "rN" {}`, about 327,000), read up to the 50,000 resource blocks of a
/// configuration and cut off there with an error.
#[test]
fn the_largest_terraform_file_allowed_is_read_within_500_mb() {
    let limit = cniplan::input::terraform::files::MAX_CONFIG_FILE_BYTES as usize;
    let dir = tempfile::tempdir().unwrap();
    let subnets = dir.path().join("subnets");
    std::fs::create_dir(&subnets).unwrap();
    let mut text = String::from(
        "resource \"azurerm_virtual_network\" \"v\" {\n  name = \"v\"\n  resource_group_name = \"rg\"\n  location = \"westeurope\"\n  address_space = [\"10.0.0.0/8\"]\n}\n",
    );
    let mut count = 0u32;
    loop {
        let i = count;
        let subnet = format!(
            "resource \"azurerm_subnet\" \"s{i}\" {{\n  name = \"s{i}\"\n  resource_group_name = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes = [\"10.{}.{}.{}/28\"]\n}}\n",
            (i >> 12) + 1,
            (i >> 4) & 255,
            (i & 15) * 16
        );
        if text.len() + subnet.len() > limit {
            break;
        }
        text.push_str(&subnet);
        count += 1;
    }
    std::fs::write(subnets.join("main.tf"), &text).unwrap();
    let run = check(&subnets, "json", Duration::from_secs(300));
    assert_contract(&subnets, &run.output);
    assert_eq!(
        run.output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.output.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    assert_eq!(
        v["files"][0]["subnets"].as_array().map(Vec::len),
        Some(count as usize)
    );
    assert_eq!(v["summary"]["errors"], 0);
    assert!(
        run.peak_kb <= 500 * 1024,
        "{count} subnets: peak memory {} KB",
        run.peak_kb
    );

    let smallest = dir.path().join("smallest");
    std::fs::create_dir(&smallest).unwrap();
    let mut text = String::new();
    let mut count = 0u32;
    loop {
        let resource = format!("resource \"x\" \"r{count}\" {{}}\n");
        if text.len() + resource.len() > limit {
            break;
        }
        text.push_str(&resource);
        count += 1;
    }
    std::fs::write(smallest.join("main.tf"), &text).unwrap();
    let run = check(&smallest, "json", Duration::from_secs(300));
    assert_contract(&smallest, &run.output);
    // Cut off at the first block past the limit, `resource "x" "r50000"` on line 50,001.
    assert_cut_off(&run, 50_001, 1, 50_001, 22);
    assert!(
        run.peak_kb <= 500 * 1024,
        "{count} resources: peak memory {} KB",
        run.peak_kb
    );
}

/// Exit 1 for one `plan-schema` error, the cut-off at the first resource block past the
/// 50,000 of a configuration, at `line:column`–`end_line:end_column`.
fn assert_cut_off(run: &Run, line: u64, column: u64, end_line: u64, end_column: u64) {
    assert_eq!(
        run.output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.output.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 1);
    let errors: Vec<&serde_json::Value> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1);
    let e = errors[0];
    assert_eq!(e["rule"], "plan-schema");
    assert_eq!(
        e["message"],
        "the configuration declares more than 50,000 resource and data blocks; cniplan stopped reading here, so this block and the ones after it are not checked"
    );
    assert_eq!(
        [&e["line"], &e["column"], &e["end_line"], &e["end_column"]],
        [line, column, end_line, end_column]
    );
}

/// Issue 19: a `.tf.json` file of subnets written as `"sN": {}`, the largest the per-file
/// limit allows (about 650,000 of them, 15 bytes each), took 3.4 GB; each resource block
/// costs about 5 KB however little text it takes. Here each has its name (a subnet without
/// one is an error of its own), `"sN": {"name": "sN"}`, about 300,000 of them: the first
/// 50,000 are read (each with no prefix, a note), the rest cut off with an error at the
/// first one left out, within 500 MB.
#[test]
fn a_tf_json_file_of_the_smallest_resources_is_cut_off_within_500_mb() {
    let limit = cniplan::input::terraform::files::MAX_CONFIG_FILE_BYTES as usize;
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("{\"resource\": {\"azurerm_subnet\": {");
    let mut count = 0u32;
    let mut column_of_cut = 0;
    loop {
        let resource = format!("\"s{count}\": {{\"name\": \"s{count}\"}}, ");
        if text.len() + resource.len() + 3 > limit {
            break;
        }
        if count == 50_000 {
            column_of_cut = text.len() as u64 + 1;
        }
        text.push_str(&resource);
        count += 1;
    }
    text.truncate(text.len() - 2);
    text.push_str("}}}");
    assert!(count > 250_000, "{count}");
    std::fs::write(dir.path().join("main.tf.json"), &text).unwrap();
    let run = check(dir.path(), "json", Duration::from_secs(300));
    assert_contract(dir.path(), &run.output);
    // `"s50000"`, the label of the first block left out.
    assert_cut_off(&run, 1, column_of_cut, 1, column_of_cut + 8);
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    assert_eq!(v["summary"]["notes"], 50_000);
    assert!(
        run.peak_kb <= 500 * 1024,
        "{count} resources: peak memory {} KB",
        run.peak_kb
    );
}

/// A 0.7 KB ARM template of 800 VNets of 800 subnets each (ARM's copy limits, so valid) would
/// make 640,000 rows: resource instances and copied properties together stop at 50,000 (and
/// one more per 16 bytes of the input), said in an error (what is not read is not checked, so
/// the gate must not pass), and `check` and `report` stay within issue 19's 5 s and 500 MB.
#[test]
fn a_small_template_that_expands_is_cut_off_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.json");
    std::fs::write(
        &path,
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
"resources": [{"copy": {"name": "vl", "count": 800}, "type": "Microsoft.Network/virtualNetworks",
  "name": "[concat('v', copyIndex())]",
  "properties": {"addressSpace": {"addressPrefixes": ["[cidrSubnet('10.0.0.0/8', 16, copyIndex())]"]},
    "copy": [{"name": "subnets", "count": 800, "input": {"name": "[concat('s', copyIndex('subnets'))]",
      "properties": {"addressPrefix": "[cidrSubnet(cidrSubnet('10.0.0.0/8', 16, copyIndex()), 26, copyIndex('subnets'))]"}}}]}}]}"#,
    )
    .unwrap();
    let run = check(&path, "json", Duration::from_secs(60));
    assert_contract(&path, &run.output);
    assert!(run.peak_kb < 500 * 1024, "{} KB", run.peak_kb);
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    let rows = v["files"][0]["subnets"].as_array().map_or(0, Vec::len);
    assert!((49_000..50_100).contains(&rows), "{rows} rows");
    let said = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("expands to more than 50,0")
        })
        .count();
    assert_eq!(said, 1);
    assert_eq!(run.output.status.code(), Some(1));
    let report = dir.path().join("r.html");
    let words = ["report", "-o", report.to_str().unwrap(), path.to_str().unwrap()];
    let args: Vec<&std::ffi::OsStr> = words.iter().map(std::ffi::OsStr::new).collect();
    let run = common::measure::run(&args, Duration::from_secs(60));
    assert_contract(&path, &run.output);
    assert!(run.peak_kb < 500 * 1024, "report: {} KB", run.peak_kb);
}
