//! Linear everywhere (issue 19): no path is worse than linear in the number of resources, the
//! length of a name or the nesting depth. Each case runs at two sizes, the second twice the
//! first, and counts work as allocations and bytes allocated (a counting global allocator,
//! which is why this is a binary of its own), never time: a linear path at most doubles
//! (with slack for fixed costs), a quadratic one quadruples.
//!
//! One test, so no other test of this binary allocates while a case is counted.

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

#[test]
fn every_path_is_linear() {
    let mut failures = Vec::new();
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
