//! Issue 23, upgrade settings: a pool's `max_surge` as a node count or a percentage of its
//! full-scale nodes rounded up, `max_surge: 0` with `max_unavailable`, and AKS's default where
//! a plan writes none, which the human output of `check`, `simulate` and `report` names pool
//! by pool with the surge it counts and why, while the JSON stays as it was
//! (tests/fixtures/node-subnet-exhausted--upgrade-settings.yaml, figures in its header).

use crate::common::{cniplan, json, stdin_plan, stdout};

const PLAN: &str = "tests/fixtures/node-subnet-exhausted--upgrade-settings.yaml";
const HEADING: &str = "Upgrade surge assumed for the pools that write none, as counted in the surge phase:";
const UNSET: &str = "  aks1/unset: 1 surge node, 10% of 4 at full scale, rounded up\n";
const WHY_AKS: &str =
    "Why: AKS's default for a pool that sets no max surge: \"If not specified, the default is 10%\"";

fn plan_text() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN))
        .expect("the fixture exists")
}

/// The plan with pool `unset` writing the surge AKS's default gives it, 1 node.
fn plan_with_every_surge_written() -> String {
    let plan = plan_text();
    let written = plan.replace(
        "      - name: unset\n        node_count: 4\n",
        "      - name: unset\n        node_count: 4\n        max_surge: 1\n",
    );
    assert_ne!(written, plan, "the fixture has pool `unset`");
    written
}

#[test]
fn each_setting_counts_its_own_surge_and_the_largest_runs_the_subnet_out() {
    let out = cniplan(&["check", "--format", "json", PLAN]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v = json(&out);
    let file = &v["files"][0];
    let rules: Vec<(&str, u64)> = file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| (d["rule"].as_str().unwrap_or(""), d["line"].as_u64().unwrap_or(0)))
        .collect();
    assert_eq!(rules, [("node-subnet-exhausted", 25)]);
    let row = &file["subnets"][0];
    assert_eq!(
        (&row["usable"], &row["baseline_demand"], &row["peak_demand"]),
        (&251.into(), &220.into(), &253.into())
    );
    // Full scale plus each pool's own surge: 2, 3 (50 % of 5, rounded up), 0 and 1 (10 % of 4).
    let peaks: Vec<(&str, u64)> = row["pools"]
        .as_array()
        .expect("pools")
        .iter()
        .map(|p| {
            (
                p["pool"].as_str().unwrap_or(""),
                p["peak_nodes"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(peaks, [("count", 6), ("percent", 8), ("zero", 7), ("unset", 5)]);
    let e = &row["exhaustion"];
    assert_eq!(
        (&e["phase"], &e["step"], &e["pool"]),
        (&"surge".into(), &1.into(), &"percent".into())
    );
    assert_eq!(
        (&e["nodes"], &e["pods"], &e["demand"], &e["stranded_ips"]),
        (&23.into(), &230.into(), &253.into(), &0.into())
    );
}

#[test]
fn check_names_the_pool_whose_surge_is_the_default_and_why() {
    let out = cniplan(&["check", "--color", "never", PLAN]);
    let text = stdout(&out);
    let table = text.find("Capacity of ").expect("the capacity table");
    let listed = text.find(HEADING).expect("the pools on AKS's default surge");
    assert!(table < listed, "under the capacity table:\n{text}");
    assert!(text.contains(UNSET), "{text}");
    assert!(text.contains(WHY_AKS), "{text}");
    assert!(
        text.contains("(Az.Aks -MaxSurge; older API references said 1 node"),
        "{text}"
    );
    assert!(text.contains(
        "Write a pool's max_surge (a node count, or a percentage such as \"33%\") to plan for another."
    ));
    // The pools that write a surge, 0 included, are not listed.
    for pool in ["count", "percent", "zero"] {
        assert!(
            !text.contains(&format!("  aks1/{pool}: ")),
            "{pool} writes its surge:\n{text}"
        );
    }
    // `--quiet` shows the findings alone.
    let quiet = stdout(&cniplan(&["check", "--color", "never", "--quiet", PLAN]));
    assert!(!quiet.contains(HEADING), "{quiet}");
}

#[test]
fn a_plan_that_writes_every_surge_lists_none_and_its_json_is_the_same() {
    let unset = stdin_plan(&["check", "--color", "never", "-"], &plan_text());
    let written = stdin_plan(
        &["check", "--color", "never", "-"],
        &plan_with_every_surge_written(),
    );
    assert!(stdout(&unset).contains(UNSET));
    let text = stdout(&written);
    assert!(text.contains("Capacity of "), "{text}");
    assert!(!text.contains(HEADING) && !text.contains("Why: "), "{text}");
    // The default is the same 1 node: the JSON of the two is the same, findings and rows, so
    // saying it in the human output adds nothing to the JSON (line numbers aside: the written
    // plan has one line more below the subnet the finding points at).
    let json_of = |plan: &str| json(&stdin_plan(&["check", "--format", "json", "-"], plan));
    let (a, b) = (json_of(&plan_text()), json_of(&plan_with_every_surge_written()));
    assert_eq!(a, b);
    let keys: Vec<&String> = a["files"][0].as_object().expect("a file").keys().collect();
    assert_eq!(keys, ["diagnostics", "path", "subnets"]);
}

#[test]
fn simulate_names_it_under_the_step_tables_and_its_json_does_not() {
    let text = stdout(&cniplan(&["simulate", PLAN]));
    let steps = text.find("│ surge").expect("the surge step");
    let listed = text.find(HEADING).expect("the pools on AKS's default surge");
    assert!(steps < listed, "{text}");
    assert!(text.contains(UNSET) && text.contains(WHY_AKS), "{text}");
    let out = stdout(&cniplan(&["simulate", "--format", "json", PLAN]));
    assert!(!out.contains("max_surge") && !out.contains("Az.Aks"), "{out}");
}

#[test]
fn report_names_it_beside_the_demand_charts() {
    let html = stdout(&cniplan(&["report", PLAN]));
    let demand = html.find(r#"<section id="demand">"#).expect("the demand section");
    let listed = html
        .find("<li><code>aks1/unset</code>: 1 surge node, 10% of 4 at full scale, rounded up</li>")
        .expect("pool `unset` listed");
    assert!(demand < listed, "in the demand section");
    assert!(html.contains("Why: AKS&#39;s default for a pool that sets no max surge: &quot;If not specified, the default is 10%&quot;"));
    assert!(!html.contains("<code>aks1/percent</code>"));
}

/// A Karpenter NodePool's replacements are its surge: Karpenter's default disruption budget,
/// said apart from AKS's default; a NodePool without limits (no bound, no surge) is not listed.
#[test]
fn nodepools_surge_by_karpenters_budget_and_pools_by_aks_default() {
    let text = stdout(&cniplan(&[
        "check",
        "--color",
        "never",
        "tests/surfaces/automatic-nap-dual-stack.cniplan.yaml",
    ]));
    assert!(
        text.contains("  auto/system: 1 surge node, 10% of 3 at full scale, rounded up\n"),
        "{text}"
    );
    assert!(
        text.contains("  auto/burst: 4 surge nodes, 10% of 40 at full scale, rounded up\n"),
        "{text}"
    );
    assert!(!text.contains("auto/spill:"), "{text}");
    assert!(text.contains(WHY_AKS), "{text}");
    assert!(
        text.contains("Why: Karpenter's default disruption budget, `nodes: 10%` of a NodePool's nodes"),
        "{text}"
    );
}

/// A plan of many pools lists 20 and counts the rest.
#[test]
fn many_pools_are_listed_up_to_twenty() {
    let mut plan = String::from(
        "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/8]\n    subnets:\n      - name: n\n        cidr: 10.0.0.0/16\nclusters:\n  - name: c\n    network_plugin: azure\n    network_plugin_mode: overlay\n    pod_cidr: 100.64.0.0/10\n    node_pools:\n",
    );
    for i in 0..25 {
        plan.push_str(&format!(
            "      - {{name: p{i:02}, node_count: 11, max_pods: 30, vnet_subnet: n}}\n"
        ));
    }
    let text = stdout(&stdin_plan(&["check", "--color", "never", "-"], &plan));
    assert!(
        text.contains("  c/p19: 2 surge nodes, 10% of 11 at full scale, rounded up\n"),
        "{text}"
    );
    assert!(!text.contains("c/p20:"), "{text}");
    assert!(text.contains("  … and 5 more pools, each likewise\n"), "{text}");
    assert_eq!(text.matches("Why: ").count(), 1, "{text}");
}
