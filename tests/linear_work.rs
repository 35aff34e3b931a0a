//! Linear everywhere (issue 19): no path is worse than linear in the number of resources, the
//! length of a name or the nesting depth. Each case runs at two sizes, the second twice the
//! first, and counts work as allocations and bytes allocated (a counting global allocator,
//! which is why this is a binary of its own), never time: a linear path at most doubles
//! (with slack for fixed costs), a quadratic one quadruples.
//!
//! One test, so no other test of this binary allocates while a case is counted. It also
//! holds a walk to one parse per file, counted by the readers (a count, not a time).

use cniplan::input::{Format, Input};
use cniplan::render::{self, HumanOptions};
use cniplan::source::SourceFile;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations and bytes allocated while `f` runs.
fn work(f: impl FnOnce()) -> (u64, u64) {
    let (a, b) = (ALLOCATIONS.load(Ordering::SeqCst), BYTES.load(Ordering::SeqCst));
    f();
    (
        ALLOCATIONS.load(Ordering::SeqCst) - a,
        BYTES.load(Ordering::SeqCst) - b,
    )
}

/// The case at size `n` and `2n`: each count may at most grow by `LIMIT` (linear plus fixed
/// costs; a quadratic path grows by 4).
fn linear(name: &str, n: usize, run: impl Fn(usize)) -> String {
    const LIMIT: f64 = 2.6;
    run(n / 4); // warm up once-only allocations (thread pools, tables)
    let small = work(|| run(n));
    let large = work(|| run(2 * n));
    let ratio = |s: u64, l: u64| l as f64 / s.max(1) as f64;
    let (allocations, bytes) = (ratio(small.0, large.0), ratio(small.1, large.1));
    if allocations > LIMIT || bytes > LIMIT {
        format!(
            "{name}: doubling the size multiplies allocations by {allocations:.2} and bytes by {bytes:.2} \
             (small {small:?}, large {large:?})"
        )
    } else {
        String::new()
    }
}

fn yaml_plan(subnets: usize, name_len: usize) -> String {
    let mut plan =
        String::from("version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/8]\n    subnets:\n");
    for i in 0..subnets {
        let name = format!("s{i}{}", "x".repeat(name_len));
        plan.push_str(&format!(
            "      - name: {name}\n        cidr: 10.{}.{}.0/24\n",
            i / 256,
            i % 256
        ));
    }
    plan.push_str(
        "clusters:\n  - name: c\n    node_pools:\n      - name: p\n        node_count: 3\n        max_pods: 30\n        vnet_subnet: s0",
    );
    plan.push_str(&"x".repeat(name_len));
    plan.push('\n');
    plan
}

/// `n` subnets written with host bits (`10.0.0.1/24`), side by side in one VNet: every one a
/// finding with fixes, each fix's candidates searched for among all the others' ranges.
fn host_bits_plan(subnets: usize) -> String {
    let mut plan =
        String::from("version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/8]\n    subnets:\n");
    for i in 0..subnets {
        plan.push_str(&format!(
            "      - name: f{i}\n        cidr: 10.{}.{}.1/24\n",
            i / 256,
            i % 256
        ));
    }
    plan
}

/// Verifying the fixes of host-bit CIDRs (the audit's F3): `check --fix` checks the plan
/// again up to 256 times, and each check searched every fix's free ranges from the start of
/// the VNet past every subnet one by one, so doubling the subnets quadrupled the ranges met
/// (a 1000-subnet plan took 42 s). Counted as the runs of taken addresses the searches meet,
/// at two sizes that both use all 256 checks: it may at most double, with slack.
fn host_bit_fixes_verify_in_linear_work() -> String {
    let mut settings = cniplan::config::Settings::default();
    settings.fixing = true;
    let steps = |n: usize| {
        let before = cniplan::topology::space::steps();
        let checked = cniplan::check::run(
            Input::single(SourceFile::new("p.yaml", host_bits_plan(n))),
            &settings,
        );
        let fixed = checked.report.findings.iter().filter(|f| f.fix.is_some()).count();
        (cniplan::topology::space::steps() - before, fixed)
    };
    let (small, small_fixed) = steps(200);
    let (large, large_fixed) = steps(400);
    // The checks are spent alike at both sizes: 192 fixes verified alone, then together.
    if (small_fixed, large_fixed) != (192, 192) {
        return format!("host-bit fixes: {small_fixed} and {large_fixed} fixes kept, not 192 and 192");
    }
    let ratio = large as f64 / small.max(1) as f64;
    if ratio > 2.6 {
        return format!(
            "host-bit fixes: doubling the subnets multiplies the ranges searches meet by {ratio:.2} \
             ({small} to {large})"
        );
    }
    String::new()
}

fn check(source: SourceFile) -> cniplan::FileReport {
    cniplan::check_source(source)
}

fn tf_config(subnets: usize) -> Vec<SourceFile> {
    let mut tf = String::from(
        "resource \"azurerm_virtual_network\" \"v\" {\n  name = \"v\"\n  resource_group_name = \"rg\"\n  location = \"westeurope\"\n  address_space = [\"10.0.0.0/8\"]\n}\n",
    );
    for i in 0..subnets {
        tf.push_str(&format!(
            "resource \"azurerm_subnet\" \"s{i}\" {{\n  name = \"s{i}\"\n  resource_group_name = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes = [\"10.{}.{}.0/24\"]\n}}\n",
            i / 256,
            i % 256
        ));
    }
    vec![SourceFile::new("dir", ""), SourceFile::new("dir/main.tf", tf)]
}

/// `n` subnets in a VNet no resource declares: cniplan stands one in whose address space is
/// its subnets' prefixes, one per subnet, and each subnet is looked for among them all.
fn tf_config_undeclared_vnet(subnets: usize) -> Vec<SourceFile> {
    let mut tf = String::new();
    for i in 0..subnets {
        tf.push_str(&format!(
            "resource \"azurerm_subnet\" \"s{i}\" {{\n  name = \"s{i}\"\n  resource_group_name = \"rg\"\n  virtual_network_name = \"ghost\"\n  address_prefixes = [\"10.{}.{}.0/24\"]\n}}\n",
            i / 256,
            i % 256
        ));
    }
    vec![SourceFile::new("dir", ""), SourceFile::new("dir/main.tf", tf)]
}

fn arm_template(subnets: usize) -> String {
    format!(
        r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "v",
    "properties": {{"addressSpace": {{"addressPrefixes": ["10.0.0.0/8"]}},
      "copy": [{{"name": "subnets", "count": {subnets},
        "input": {{"name": "[concat('s', copyIndex('subnets'))]",
          "properties": {{"addressPrefix": "[concat('10.', div(copyIndex('subnets'), 256), '.', mod(copyIndex('subnets'), 256), '.0/24')]"}}}}}}]}}}}]}}"#
    )
}

fn nested_json(depth: usize) -> String {
    // A plan JSON whose `variables` nest `depth` arrays deep: read, found to be no plan.
    format!(
        "{{\"format_version\": \"1.2\", \"variables\": {}1{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// A repository walked as `cniplan check DIR` walks it, in this process: each `.tf` and
/// `.bicep` file parsed once. The discovery parses a file to tell inputs from the modules
/// they call and the reader reads that tree; a module that two inputs call is parsed once
/// for both. (A Bicep walk parsed every file three times: the discovery, the gathering of
/// a template's modules, the reading; and each shared module once per caller on top.)
fn walk_parses_each_file_once() -> String {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // Bicep: two templates call one module, one of them another of its own, and a
    // `.bicepparam` file uses a third template: 6 files.
    let network = "param name string\nparam prefix string\n\nresource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: name\n  location: 'westeurope'\n  properties: {\n    addressSpace: {\n      addressPrefixes: [prefix]\n    }\n    subnets: [\n      {\n        name: 'nodes'\n        properties: {\n          addressPrefix: cidrSubnet(prefix, 24, 0)\n        }\n      }\n    ]\n  }\n}\n";
    write("bicep/modules/network.bicep", network);
    write(
        "bicep/a/main.bicep",
        "module net '../modules/network.bicep' = {\n  name: 'net-a'\n  params: {\n    name: 'vnet-a'\n    prefix: '10.1.0.0/16'\n  }\n}\n",
    );
    write(
        "bicep/b/main.bicep",
        "module net '../modules/network.bicep' = {\n  name: 'net-b'\n  params: {\n    name: 'vnet-b'\n    prefix: '10.2.0.0/16'\n  }\n}\n\nmodule extra 'extra.bicep' = {\n  name: 'extra'\n}\n",
    );
    write("bicep/b/extra.bicep", "param tag string = 'b'\n");
    write(
        "bicep/c/main.bicep",
        "param prefix string\n\nmodule net '../modules/network.bicep' = {\n  name: 'net-c'\n  params: {\n    name: 'vnet-c'\n    prefix: prefix\n  }\n}\n",
    );
    write(
        "bicep/c/prod.bicepparam",
        "using 'main.bicep'\n\nparam prefix = '10.3.0.0/16'\n",
    );
    // Terraform: two root modules of two files each call one local module: 5 files.
    let root = |n: u32| {
        format!(
            "module \"net\" {{\n  source = \"../../modules/net\"\n  name   = \"vnet-{n}\"\n  prefix = var.prefix\n}}\n"
        )
    };
    let variables = |n: u32| format!("variable \"prefix\" {{\n  default = \"10.{n}.0.0/16\"\n}}\n");
    write("tf/live/a/main.tf", &root(4));
    write("tf/live/a/variables.tf", &variables(4));
    write("tf/live/b/main.tf", &root(5));
    write("tf/live/b/variables.tf", &variables(5));
    write(
        "tf/modules/net/main.tf",
        "variable \"name\" {}\nvariable \"prefix\" {}\n\nresource \"azurerm_virtual_network\" \"v\" {\n  name                = var.name\n  location            = \"westeurope\"\n  resource_group_name = \"rg\"\n  address_space       = [var.prefix]\n}\n\nresource \"azurerm_subnet\" \"nodes\" {\n  name                 = \"nodes\"\n  resource_group_name  = \"rg\"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes     = [cidrsubnet(var.prefix, 8, 0)]\n}\n",
    );
    let out = dir.path().join("out.json");
    let before = (
        cniplan::input::terraform::files::parses(),
        cniplan::input::bicep::parses(),
    );
    // On one thread: two inputs that ask for a module's tree at the same moment both parse it
    // (src/input/once.rs keeps one), so on two the count would depend on timing.
    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let code = one_thread.install(|| {
        cniplan::cli::run([
            "cniplan".into(),
            "check".into(),
            "-q".into(),
            "--fail-on".into(),
            "never".into(),
            "--format".into(),
            "json".into(),
            "-o".into(),
            out.clone().into_os_string(),
            dir.path().as_os_str().to_owned(),
        ])
    });
    let parses = (
        cniplan::input::terraform::files::parses() - before.0,
        cniplan::input::bicep::parses() - before.1,
    );
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    // What was checked: the two Bicep templates, the parameters file, the two roots, each
    // with its VNet's subnet.
    let inputs: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["subnets"].as_array().is_some_and(|s| s.len() == 1))
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            path.strip_prefix(dir.path().to_str().unwrap())
                .unwrap_or(path)
                .to_string()
        })
        .collect();
    let expected = [
        "/bicep/a/main.bicep",
        "/bicep/b/main.bicep",
        "/bicep/c/prod.bicepparam",
        "/tf/live/a",
        "/tf/live/b",
    ];
    if format!("{code:?}") != format!("{:?}", std::process::ExitCode::SUCCESS) || inputs != expected {
        return format!("the walk checked {inputs:?} (exit {code:?}), not {expected:?}: {report}");
    }
    if parses != (5, 6) {
        return format!(
            "a walk of 5 .tf files and 6 Bicep files parsed {} .tf and {} Bicep texts: one parse per file",
            parses.0, parses.1
        );
    }
    String::new()
}

#[test]
fn every_path_is_linear() {
    // First, before anything is kept parsed by the cases below.
    let mut failures = vec![walk_parses_each_file_once()];
    failures.push(host_bit_fixes_verify_in_linear_work());
    failures.push(linear("cniplan plan, subnets", 2_000, |n| {
        check(SourceFile::new("p.yaml", yaml_plan(n, 4)));
    }));
    failures.push(linear("cniplan plan, name length, human output", 20_000, |n| {
        let report = check(SourceFile::new("p.yaml", yaml_plan(4, n)));
        let options = HumanOptions {
            color: false,
            quiet: false,
            width: 100,
        };
        render::render(&[report], render::Format::Human, &options);
    }));
    failures.push(linear("Terraform configuration, subnets", 1_000, |n| {
        cniplan::check::run(
            Input {
                sources: tf_config(n),
                format: Format::Terraform,
            },
            &Default::default(),
        );
    }));
    // subnet-outside-vnet collected the stand-in VNet's prefixes for every subnet: 20,000
    // subnets took 7.9 s.
    failures.push(linear(
        "Terraform configuration, subnets of an undeclared VNet",
        2_000,
        |n| {
            cniplan::check::run(
                Input {
                    sources: tf_config_undeclared_vnet(n),
                    format: Format::Terraform,
                },
                &Default::default(),
            );
        },
    ));
    failures.push(linear("ARM copy loop, subnets", 2_000, |n| {
        check(SourceFile::new("t.json", arm_template(n)));
    }));
    failures.push(linear("JSON nesting depth", 100, |n| {
        check(SourceFile::new("p.json", nested_json(n)));
    }));
    failures.push(linear("JSON keys written twice", 5_000, |n| {
        let keys: Vec<String> = (0..n).map(|i| format!("\"k{}\": {i}", i % (n / 2))).collect();
        let text = format!(
            "{{\"format_version\": \"1.2\", \"variables\": {{{}}}}}",
            keys.join(", ")
        );
        check(SourceFile::new("p.json", text));
    }));
    failures.retain(|f| !f.is_empty());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
