//! `--input terraform` and `--var-file` through the real binary: findings of a `.tf`
//! directory land on the `.tf` line in every CI format, and the flags are checked.

use crate::common;
use common::cniplan;

const CYCLE: &str = "tests/fixtures/terraform/cycle";

#[test]
fn a_finding_in_a_tf_directory_is_annotated_on_the_tf_line() {
    let out = cniplan(&["check", "--input", "terraform", CYCLE, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("::error file=tests/fixtures/terraform/cycle/main.tf,line=3,col=7,"),
        "{stdout}"
    );

    let out = cniplan(&["check", "--input", "terraform", CYCLE, "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let location = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/terraform/cycle/main.tf"
    );
    assert_eq!(location["region"]["startLine"], 3);
    assert_eq!(location["region"]["startColumn"], 7);

    let out = cniplan(&["check", "--input", "terraform", CYCLE, "--color", "never"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("tests/fixtures/terraform/cycle/main.tf:3:7"),
        "{stdout}"
    );
}

#[test]
fn var_files_apply_to_terraform_directories_only() {
    let dir = "tests/fixtures/terraform/basics";
    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        dir,
        "--var-file",
        "tests/fixtures/terraform/basics/vars/override.tfvars",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = cniplan(&[
        "check",
        "--var-file",
        "x.tfvars",
        "examples/aks-dynamic-ip/plan.yaml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--var-file"));

    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        dir,
        "--var-file",
        "tests/fixtures/terraform/basics/main.tf",
    ]);
    assert_eq!(out.status.code(), Some(2));

    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        dir,
        "--var-file",
        "no/such.tfvars",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cniplan: cannot read no/such.tfvars"));
}

#[test]
fn simulate_reads_a_tf_directory_too() {
    let out = cniplan(&[
        "simulate",
        "--input",
        "terraform",
        "tests/fixtures/terraform/basics",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cniplan(&["simulate", "--input", "terraform", CYCLE]);
    assert_eq!(out.status.code(), Some(1));
}

const PLAN_WITH_CONFIG: &str = "tests/fixtures/terraform-config/tfplan.json";

/// A plan's finding lands on the `.tf` attribute when the configuration is beside the plan
/// (or named with --tf-dir), so a pull request's annotations sit on the line to change; the
/// capacity stays with the plan. Without the configuration it stays in the JSON.
#[test]
fn a_plans_finding_points_at_the_tf_line_beside_it() {
    let out = cniplan(&["check", PLAN_WITH_CONFIG, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("::error file=tests/fixtures/terraform-config/main.tf,line=21,col=27,"),
        "{stdout}"
    );
    let out = cniplan(&["check", PLAN_WITH_CONFIG, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files = v["files"].as_array().expect("files");
    assert_eq!(files[0]["path"], PLAN_WITH_CONFIG);
    let pods = files[0]["subnets"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["name"] == "pods")
        .expect("the pod subnet's row");
    assert_eq!(pods["source"], "azurerm_subnet.pods");
    assert_eq!(pods["exhaustion"]["step"], 7);
    let tf = files
        .iter()
        .find(|f| f["path"] == "tests/fixtures/terraform-config/main.tf")
        .expect("main.tf's findings");
    assert_eq!(tf["diagnostics"][0]["rule"], "pod-subnet-exhausted");

    // Elsewhere, with the configuration named.
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("tfplan.json");
    std::fs::copy(PLAN_WITH_CONFIG, &plan).expect("copy");
    let plan = plan.to_string_lossy().into_owned();
    let out = cniplan(&["check", &plan, "--format", "github"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("tfplan.json,line="), "{stdout}");
    let out = cniplan(&[
        "check",
        &plan,
        "--tf-dir",
        "tests/fixtures/terraform-config",
        "--format",
        "github",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("::error file=tests/fixtures/terraform-config/main.tf,line=21,col=27,"),
        "{stdout}"
    );
}

/// `check --input terraform DIR --format json`: the exit code and the report.
fn check_json(dir: &str) -> (Option<i32>, serde_json::Value) {
    let out = cniplan(&["check", "--input", "terraform", "--format", "json", dir]);
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).expect("JSON"),
    )
}

/// The rules of every finding of a `.tf` directory, and its first capacity row.
fn rules_and_first_row(dir: &str) -> (Vec<String>, serde_json::Value) {
    let (_, v) = check_json(dir);
    let files = v["files"].as_array().unwrap();
    let rules = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    let row = files
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap())
        .next()
        .cloned()
        .unwrap_or_default();
    (rules, row)
}

/// Issue 18: Terraform converts `"3"` to 3 and `"true"` to true where a number or bool is
/// expected; cniplan reads them as Terraform does instead of calling them wrong types.
#[test]
fn strings_terraform_converts_are_read_as_numbers_and_bools() {
    let (rules, row) = rules_and_first_row("tests/fixtures/terraform/conversions");
    assert_eq!(rules, ["node-subnet-exhausted", "assumed-value"]);
    assert_eq!(row["pools"][0]["ips_per_node"], 51);
    assert_eq!(row["peak_demand"], 306);
    assert_eq!(row["exhaustion"]["step"], 2);
    assert_eq!(row["exhaustion"]["demand"], 255);
}

/// Issue 18: a node pool without a subnet lives in its cluster's default pool's subnet, as
/// the azurerm docs say, and its nodes count there.
#[test]
fn a_pool_without_a_subnet_counts_in_the_default_pools() {
    let (rules, row) = rules_and_first_row("tests/fixtures/terraform/default-subnet");
    assert_eq!(rules, ["subnet-headroom", "assumed-value"]);
    assert_eq!(row["peak_demand"], 248);
    let pools: Vec<&str> = row["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pool"].as_str().unwrap())
        .collect();
    assert_eq!(pools, ["system", "user"]);
}

/// Issue 18: what could declare a cluster, pool, VNet or subnet but is not read is named in
/// one note each: "No findings" means everything declared was read.
#[test]
fn modules_and_resources_cniplan_does_not_read_are_named() {
    let (code, v) = check_json("tests/fixtures/terraform/unread");
    let notes: Vec<(u64, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(
        notes[0]
            .1
            .starts_with("module `aks` comes from `Azure/aks/azurerm`"),
        "{notes:?}"
    );
    assert!(
        notes[1].1.starts_with("module `vnet` comes from `git::"),
        "{notes:?}"
    );
    // The AKS Automatic cluster is read (docs/automatic.md): without pools or NodePools of
    // its own it runs NAP's `default` NodePool, which has no limits.
    assert!(
        notes[2]
            .1
            .starts_with("provisioned pool `default` of cluster `auto` has no limits"),
        "{notes:?}"
    );
    assert_eq!(code, Some(0), "notes and warnings do not fail the gate");
}

/// Issue 18: `data "azurerm_subnet"` naming a subnet the configuration manages is that
/// subnet: pools linked through it count there, and nothing is said to be unread.
#[test]
fn a_data_source_of_a_managed_subnet_is_that_subnet() {
    let (rules, row) = rules_and_first_row("tests/fixtures/terraform/data-of-managed");
    assert!(rules.is_empty(), "{rules:?}");
    assert_eq!(row["peak_demand"], 124);
    assert_eq!(row["pools"][0]["pool"], "system");
}

/// Issue 18: azurerm 1.x's `agent_pool_profile` blocks are the cluster's pools.
#[test]
fn azurerm_1_agent_pool_profiles_are_read_as_pools() {
    let (rules, row) = rules_and_first_row("tests/fixtures/terraform/azurerm-v1");
    assert_eq!(rules, ["assumed-value", "assumed-value"], "the two unset surges");
    assert_eq!(row["peak_demand"], 186);
    let pools: Vec<(&str, u64)> = row["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["pool"].as_str().unwrap(), p["peak_nodes"].as_u64().unwrap()))
        .collect();
    assert_eq!(pools, [("default", 4), ("win", 3)]);
}

/// Issue 18: placeholders in a variable file are notes naming what to fill in, not errors.
#[test]
fn placeholders_in_a_variable_file_are_notes_not_errors() {
    let (code, v) = check_json("tests/fixtures/terraform/placeholders");
    assert_eq!(code, Some(0));
    let files = v["files"].as_array().unwrap();
    let diagnostics: Vec<&serde_json::Value> = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .collect();
    assert!(diagnostics.iter().all(|d| d["severity"] == "note"), "{v}");
    let placeholders: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["message"].as_str())
        .filter(|m| m.contains("holds the placeholder"))
        .collect();
    assert_eq!(placeholders.len(), 2, "{placeholders:?}");
    assert!(placeholders[1].contains("`<vnet-cidr>`"));
    let rows: Vec<&str> = files
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap())
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(rows, ["aks/pod_cidr"]);
}

/// Issue 18, by name: the Azure/terraform quickstart 301-aks-private-cluster, read as its
/// SOURCE.md works it out by hand (`node_count = "${var.agent_count}"` read as 3).
#[test]
fn the_301_private_cluster_quickstart_reads_as_worked_out_by_hand() {
    let (code, v) = check_json("tests/real/terraform/qs-301-aks-private-cluster");
    assert_eq!(code, Some(0));
    let files = v["files"].as_array().unwrap();
    let rules: Vec<&str> = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["assumed-value"; 3]);
    let rows: Vec<&serde_json::Value> = files
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    let row = rows[0];
    assert_eq!(
        (&row["name"], &row["cidr"], &row["role"]),
        (&"mysubnet".into(), &"10.240.10.0/24".into(), &"node+pod".into())
    );
    assert_eq!(
        (&row["usable"], &row["baseline_demand"], &row["peak_demand"]),
        (&251.into(), &93.into(), &124.into())
    );
    assert_eq!(
        (&row["pools"][0]["ips_per_node"], &row["pools"][0]["peak_nodes"]),
        (&31.into(), &4.into())
    );
}

/// Rows of a JSON report as `vnet/name cidr role usable baseline peak`.
fn rows(v: &serde_json::Value) -> Vec<String> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap())
        .map(|r| {
            format!(
                "{}/{} {} {} {} {} {}",
                r["vnet"].as_str().unwrap_or("-"),
                r["name"].as_str().unwrap(),
                r["cidr"].as_str().unwrap(),
                r["role"].as_str().unwrap(),
                r["usable"],
                r["baseline_demand"],
                r["peak_demand"]
            )
        })
        .collect()
}

/// The rules of a JSON report's findings, in order.
fn rule_names(v: &serde_json::Value) -> Vec<String> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

/// Issue 18: Azure-Samples' private AKS cluster (hub and spoke, 17 local modules, `for_each`
/// subnets linked through module outputs), read as its SOURCE.md works out by hand.
#[test]
fn the_private_aks_cluster_sample_reads_as_worked_out_by_hand() {
    let dir = "tests/real/terraform/tf-private-aks-cluster-devops";
    let (code, v) = check_json(&format!("{dir}/terraform"));
    assert_eq!(code, Some(0));
    assert_eq!(
        rows(&v),
        [
            "HubVNet/AzureBastionSubnet 10.1.1.0/24 unused 251 0 0",
            "HubVNet/AzureFirewallSubnet 10.1.0.0/24 unused 251 0 0",
            "AksVNet/PodSubnet 10.0.32.0/20 unused 4091 0 0",
            "AksVNet/SystemSubnet 10.0.0.0/20 node+pod 4091 153 561",
            "AksVNet/UserSubnet 10.0.16.0/20 node+pod 4091 153 561",
            "AksVNet/VmSubnet 10.0.48.0/20 unused 4091 0 0",
        ]
    );
    let system = &v["files"][0]["subnets"][3]["pools"][0];
    assert_eq!(
        (&system["pool"], &system["ips_per_node"], &system["peak_nodes"]),
        (&"system".into(), &51.into(), &11.into())
    );
    assert_eq!(rule_names(&v), ["assumed-value", "assumed-value"]);

    let out = cniplan(&[
        "check",
        "--input",
        "terraform",
        "--format",
        "json",
        &format!("{dir}/terraform"),
        "--var-file",
        &format!("{dir}/tfvars/production/production.tfvars"),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows = rows(&v);
    assert_eq!(rows.len(), 6);
    assert_eq!(
        rows[3],
        "ContosoProdAksVNet/SystemSubnet 10.0.0.0/20 node+pod 4091 153 561"
    );
    assert_eq!(
        v["files"][0]["subnets"][3]["pools"][0]["cluster"],
        "ContosoProdAks"
    );
}

/// Issue 18: two more examples of Azure/terraform-azurerm-aks. The Application Gateway
/// example's subnet cannot hold an upgrade at full scale (a true error, worked out in its
/// SOURCE.md); the API server VNet integration example is clean.
#[test]
fn azure_aks_module_examples_read_as_worked_out_by_hand() {
    let dir = "tests/real/terraform/tf-azure-aks-module/examples";
    let (code, v) = check_json(&format!("{dir}/application_gateway_ingress"));
    assert_eq!(code, Some(1));
    assert_eq!(
        rows(&v),
        ["azurerm_virtual_network.test[0]/azurerm_subnet.test[0] 10.52.0.0/24 node+pod 251 101 303"]
    );
    let row = &v["files"][0]["subnets"][0];
    assert_eq!(row["pools"][0]["ips_per_node"], 101);
    assert_eq!(
        (&row["exhaustion"]["phase"], &row["exhaustion"]["nodes"]),
        (&"surge".into(), &3.into())
    );
    assert_eq!(
        rule_names(&v),
        [
            "assumed-value",
            "node-subnet-exhausted",
            "assumed-value",
            "assumed-value"
        ]
    );

    let (code, v) = check_json(&format!("{dir}/api_server_vnet_integration"));
    assert_eq!(code, Some(0));
    assert_eq!(
        rows(&v),
        [
            "azurerm_virtual_network.main/azurerm_subnet.nodes 10.52.0.0/24 node+pod 251 62 93",
            // The module's API server (api_server_vnet_integration_enabled) takes 9 IPs.
            "azurerm_virtual_network.main/azurerm_subnet.api_server 10.52.1.0/24 api-server 251 9 9",
        ]
    );
    assert_eq!(rule_names(&v), ["assumed-value"; 6]);
}

/// Issue 22: the AzAPI generation of the AKS Verified Module, read as its SOURCE.md works
/// out by hand. The cluster, its default pool (`agentPoolProfiles[0]`, patched by
/// `azapi_update_resource.default_agent_pool`) and the pool `userpool1` (an `azapi_resource`
/// of `…/agentPools` in `modules/agentpool`) are AzAPI bodies built in locals; the pools
/// link to the example's azurerm subnets through `vnetSubnetID = azurerm_subnet.*.id`.
#[test]
fn the_avm_azapi_cluster_reads_as_worked_out_by_hand() {
    let (code, v) = check_json("tests/real/terraform/tf-avm-aks-managedcluster-azapi/examples/private");
    assert_eq!(code, Some(0));
    assert_eq!(
        rows(&v),
        [
            "private-vnet/apiServerSubnet 10.1.0.0/28 unused 11 0 0",
            "private-vnet/default 10.1.1.0/24 node 251 2 5",
            "private-vnet/unp1 10.1.2.0/24 node 251 2 5",
            "-/module.private.azapi_resource.this/pod_cidr 100.64.0.0/10 pod-cidr 16384 4 9",
        ]
    );
    let subnets = v["files"][0]["subnets"].as_array().unwrap();
    for (row, pool) in [(1, "default"), (2, "userpool1")] {
        let p = &subnets[row]["pools"][0];
        assert_eq!(
            (&p["pool"], &p["mode"], &p["ips_per_node"], &p["peak_nodes"]),
            (&pool.into(), &"overlay".into(), &1.into(), &5.into()),
            "{pool}"
        );
    }
    // Both pools share the pod CIDR, one /24 a node; a cluster upgrades one pool at a time.
    let pools: Vec<&str> = subnets[3]["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pool"].as_str().unwrap())
        .collect();
    assert_eq!(pools, ["default", "userpool1"]);
    // Nothing wrong: notes for the AzAPI resources whose `type` comes from the registry
    // module `interfaces`, and for the cluster's name (`naming`). The registry modules
    // `naming`, `regions` and `interfaces` declare no Azure resource: no note names them.
    let messages: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| {
            format!(
                "{} {}",
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    let about = |needle: &str| messages.iter().filter(|m| m.contains(needle)).count();
    assert_eq!(
        about("which `terraform init` installs, and it has not run here"),
        0
    );
    assert_eq!(about("its `type` is unknown until apply"), 4);
    assert_eq!(
        about("assumed-value module.private.azapi_resource.this: its name is unknown until apply"),
        1
    );
    assert!(!messages.iter().any(|m| m.contains("does not read AzAPI")));
}

/// Issue 22: the AVM virtual-network module, AzAPI throughout: VNets, subnets of several
/// prefixes in a module per subnet, peerings both ways; IPAM subnets counted by the size
/// they ask for, their addresses unknown. As its SOURCE.md works out by hand.
#[test]
fn the_avm_vnet_module_reads_as_worked_out_by_hand() {
    let dir = "tests/real/terraform/tf-avm-vnet-azapi/examples";
    let (code, v) = check_json(&format!("{dir}/complete"));
    assert_eq!(code, Some(0));
    assert_eq!(
        rows(&v),
        [
            "module.vnet1.azapi_resource.vnet/module.vnet1.module.subnet[\"subnet0\"].azapi_resource.subnet[0] 192.168.0.0/24 unused 502 0 0",
            "module.vnet1.azapi_resource.vnet/module.vnet1.module.subnet[\"subnet1\"].azapi_resource.subnet[0] 192.168.1.0/24 unused 251 0 0",
        ]
    );
    assert_eq!(
        v["files"][0]["subnets"][0]["cidrs"],
        serde_json::json!(["192.168.0.0/24", "192.168.2.0/24"])
    );
    let rules = rule_names(&v);
    assert!(
        rules
            .iter()
            .all(|r| r == "unresolved-input" || r == "assumed-value"),
        "{rules:?}"
    );
    // Peered both ways (the reverse peering's parent is vnet1), and read as such.
    let sources =
        cniplan::input::terraform::files::collect(std::path::Path::new(&format!("{dir}/complete")), &[])
            .unwrap();
    let loaded = cniplan::input::read(&cniplan::input::Input {
        sources,
        format: cniplan::input::Format::Terraform,
    })
    .unwrap_or_else(|f| panic!("{f:?}"));
    let vnets = &loaded.plan.vnets;
    assert_eq!(vnets.len(), 2);
    let subnet1 = &vnets[0].subnets[1];
    assert_eq!(
        subnet1.delegation.as_ref().map(|d| d.value.as_str()),
        Some("Microsoft.Web/serverFarms")
    );
    for (from, to) in [(0, 1), (1, 0)] {
        let peer = &vnets[to].origin.as_ref().unwrap().resource;
        let peerings: Vec<&str> = vnets[from].peerings.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(peerings, [peer.as_str()], "vnet{} peers vnet{}", from + 1, to + 1);
    }

    let (code, v) = check_json(&format!("{dir}/ipam_basic"));
    assert_eq!(code, Some(0));
    let sized: Vec<String> = v["files"][0]["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["name"].as_str().unwrap(),
                r["cidr"].as_str().unwrap(),
                r["usable"]
            )
        })
        .collect();
    assert_eq!(
        sized,
        [
            "subnet1-retry-test ipam/26 59",
            "subnet2-retry-test ipam/26 59",
            "subnet3-retry-test ipam/27 27",
            "subnet4-retry-test ipam/27 27"
        ]
    );
    let messages: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(messages
        .iter()
        .any(|m| m.contains("allocated from an IPAM pool (`ipamPoolPrefixAllocations`)")));
    assert!(messages.iter().any(|m| m
        .contains("subnet_ipam[0]: its prefix is allocated from an AVNM IPAM pool")
        && m.contains("64 addresses are counted as one /26")));
    assert!(messages
        .iter()
        .any(|m| m.contains("32 addresses are counted as one /27")));
}

/// Issue 18: a community module (Isovalent's AKS for Cilium) whose VNet and cluster all come
/// from registry and git modules: each is named in a note, and nothing else is said.
#[test]
fn a_module_of_registry_modules_names_each_and_finds_nothing_else() {
    let (code, v) = check_json("tests/real/terraform/tf-isovalent-aks-byocni/example");
    assert_eq!(code, Some(0));
    assert!(rows(&v).is_empty());
    let modules: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| {
            assert_eq!(d["rule"], "unresolved-input");
            let m = d["message"].as_str().unwrap();
            m.split('`').nth(1).unwrap().to_string()
        })
        .collect();
    assert_eq!(
        modules,
        [
            "network",
            "cilium",
            "availability_zones_data_source",
            "main",
            "cilium_service_principal"
        ]
    );
}

/// One truth per concept (issue 20): the plan's shape is checked for a Terraform
/// configuration as for a cniplan plan, in Terraform's words, and the max pods a
/// bring-your-own CNI pool assumes is the one the resolver applies (250).
#[test]
fn terraform_pools_get_the_plans_shape_checks_and_its_defaults() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.0.0.0/22"]
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  resource_group_name = "rg"
  location            = "westeurope"
  dns_prefix          = "aks"
  network_profile {
    network_plugin = "none"
  }
  default_node_pool {
    name                 = "sys"
    vm_size              = "Standard_D4s_v5"
    auto_scaling_enabled = true
    min_count            = 5
    max_count            = 2
    vnet_subnet_id       = azurerm_subnet.nodes.id
    upgrade_settings {
      max_surge = "1"
    }
  }
}
"#,
    )
    .unwrap();
    let out = common::cniplan(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let v = common::json(&out);
    let diagnostics: Vec<(String, String, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let schema: Vec<&(String, String, u64)> = diagnostics.iter().filter(|d| d.0 == "plan-schema").collect();
    assert_eq!(schema.len(), 1, "{diagnostics:?}");
    assert!(
        schema[0]
            .1
            .starts_with("node pool `sys`: `min_count` 5 is greater than `max_count` 2"),
        "{}",
        schema[0].1
    );
    assert_eq!(schema[0].2, 25, "at `min_count = 5`");
    let max_pods = diagnostics
        .iter()
        .find(|d| d.1.contains("max_pods is not set"))
        .expect("the assumed max pods is noted");
    assert!(
        max_pods
            .1
            .contains("assumed 250, AKS's default for bring-your-own CNI"),
        "{}",
        max_pods.1
    );
}

/// API Server VNet Integration in Terraform: `api_server_access_profile` with
/// `virtual_network_integration_enabled` links its `subnet_id` as a pool's subnet is linked;
/// the API server takes 9 of the /28's 11 usable IPs (issue 23).
#[test]
fn terraform_api_server_subnet_is_linked_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"resource "azurerm_virtual_network" "v" {
  name                = "v"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.0.0.0/24"]
}
resource "azurerm_subnet" "api" {
  name                 = "api"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.0.1.0/28"]
  delegation {
    name = "aks"
    service_delegation {
      name = "Microsoft.ContainerService/managedClusters"
    }
  }
}
resource "azurerm_kubernetes_cluster" "aks" {
  name                = "aks"
  resource_group_name = "rg"
  location            = "westeurope"
  dns_prefix          = "aks"
  api_server_access_profile {
    subnet_id                           = azurerm_subnet.api.id
    virtual_network_integration_enabled = true
  }
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    pod_cidr            = "10.244.0.0/16"
    service_cidr        = "10.1.0.0/16"
    dns_service_ip      = "10.1.0.10"
  }
  default_node_pool {
    name           = "sys"
    vm_size        = "Standard_D4s_v5"
    node_count     = 3
    max_pods       = 250
    vnet_subnet_id = azurerm_subnet.nodes.id
    upgrade_settings {
      max_surge = "1"
    }
  }
}
"#,
    )
    .unwrap();
    let out = common::cniplan(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let v = common::json(&out);
    let rows: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap().clone())
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["name"].as_str().unwrap(),
                r["role"].as_str().unwrap(),
                r["usable"],
                r["peak_demand"]
            )
        })
        .collect();
    assert!(rows.contains(&"api api-server 11 9".to_string()), "{rows:?}");
    let errors: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .filter(|d| d["severity"] != "note")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// A walk of many root modules checks each once and ends: their readers run on threads of
/// their own, and the workers waiting for them must not start other roots' checks on their
/// own small stacks meanwhile (a thousand roots nested that deep overflowed them).
#[test]
fn a_walk_of_a_thousand_root_modules_checks_them_all() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for i in 0..1000 {
        let root = dir.path().join(format!("team{i:04}"));
        std::fs::create_dir(&root).expect("a root module");
        let main = format!(
            "resource \"azurerm_virtual_network\" \"v\" {{\n  name          = \"v{i}\"\n  address_space = [\"10.{}.{}.0/24\"]\n}}\n",
            i / 250,
            i % 250
        );
        std::fs::write(root.join("main.tf"), main).expect("main.tf");
    }
    let path = dir.path().to_string_lossy().into_owned();
    let out = cniplan(&["check", "--format", "json", "--fail-on", "never", &path]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["summary"]["files"], 1000, "{}", v["summary"]);
}

/// Issue 18: the same configuration after `terraform init` (tests/real/terraform/
/// tf-isovalent-aks-byocni-init/SOURCE.md): every registry and git module is read where
/// `.terraform/modules/modules.json` says it is installed, its inputs flowing in. The network
/// module's one subnet is the whole 10.240.0.0/16, and the cluster of `Azure/aks/azurerm`
/// 9.0.0, two levels down (`aks` → `main`), lands in it through `module.network.vnet_subnets[0]`.
#[test]
fn registry_modules_are_read_where_terraform_init_installed_them() {
    let (code, v) = check_json("tests/real/terraform/tf-isovalent-aks-byocni-init/example");
    assert_eq!(code, Some(0));
    let rows: Vec<serde_json::Value> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["subnets"].as_array().unwrap().clone())
        .collect();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let row = &rows[0];
    assert_eq!(row["vnet"], "aks-example");
    assert_eq!(row["name"], "subnet1");
    assert_eq!(row["cidr"], "10.240.0.0/16");
    // 65,536 − 5 reserved.
    assert_eq!(row["usable"], 65531);
    assert_eq!(row["source"], "module.network.azurerm_subnet.subnet_count[0]");
    // Pool `main`: autoscaling off, so `agents_count`'s default 2 nodes; bring-your-own CNI
    // (`network_plugin = "none"`): each node takes 1 IP of the subnet. Surge: the module's
    // `agents_pool_max_surge` default "10%" of 2, rounded up: 1 node. Baseline 2, peak 3.
    let pools = row["pools"].as_array().unwrap();
    assert_eq!(pools.len(), 1);
    assert_eq!(
        pools[0]["cluster"],
        "module.aks.module.main.azurerm_kubernetes_cluster.main"
    );
    assert_eq!(pools[0]["pool"], "main");
    assert_eq!(pools[0]["mode"], "none");
    assert_eq!(pools[0]["ips_per_node"], 1);
    assert_eq!(row["baseline_demand"], 2);
    assert_eq!(row["peak_demand"], 3);
    // No module is left unread: the only notes are the cluster's name (`uuid()`) and its
    // max pods (Azure's default), both inside the installed module.
    let notes: Vec<(String, u64, u64, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            f["diagnostics"].as_array().unwrap().iter().map(move |d| {
                (
                    path.clone(),
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                    d["rule"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect();
    let main =
        "tests/real/terraform/tf-isovalent-aks-byocni-init/example/.terraform/modules/aks.main/main.tf";
    assert_eq!(
        notes,
        [
            (main.to_string(), 19, 41, "assumed-value".to_string()),
            (main.to_string(), 63, 38, "assumed-value".to_string()),
        ]
    );
}

/// A manifest that lists no such call, or another source for it, is a note per call, never
/// silence; a manifest that is no JSON is one note, and every registry call one more.
#[test]
fn a_stale_or_broken_manifest_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let modules = dir.path().join(".terraform/modules");
    std::fs::create_dir_all(modules.join("vnet")).unwrap();
    std::fs::write(
        modules.join("vnet/main.tf"),
        "resource \"azurerm_virtual_network\" \"v\" {\n  name                = \"v\"\n  resource_group_name = \"rg\"\n  location            = \"westeurope\"\n  address_space       = [\"10.0.0.0/16\"]\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "module \"vnet\" {\n  source = \"Azure/vnet/azurerm\"\n}\nmodule \"later\" {\n  source = \"Azure/other/azurerm\"\n}\n",
    )
    .unwrap();
    let write_manifest = |text: &str| std::fs::write(modules.join("modules.json"), text).unwrap();
    let messages = || -> Vec<String> {
        let (_, v) = check_json(dir.path().to_str().unwrap());
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    write_manifest(
        r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"vnet","Source":"registry.terraform.io/Azure/vnet/azurerm","Version":"4.1.0","Dir":".terraform/modules/vnet"}]}"#,
    );
    assert_eq!(
        messages(),
        ["module `later` comes from `Azure/other/azurerm`, which .terraform/modules/modules.json does not list: `terraform init` ran before the call was written: the VNets, subnets and clusters it may declare are not checked"]
    );
    write_manifest(
        r#"{"Modules":[{"Key":"vnet","Source":"registry.terraform.io/Azure/network/azurerm","Dir":".terraform/modules/vnet"},{"Key":"later","Source":"registry.terraform.io/Azure/other/azurerm","Dir":".terraform/modules/later"}]}"#,
    );
    let later = dir.path().join(".terraform/modules/later");
    assert_eq!(
        messages(),
        [
            "module `vnet` comes from `Azure/vnet/azurerm`, but `terraform init` installed it from `registry.terraform.io/Azure/network/azurerm`: the source changed since (Terraform refuses to plan until it is installed again): the VNets, subnets and clusters it may declare are not checked".to_string(),
            format!("module `later` comes from `Azure/other/azurerm`, which `terraform init` installed in {}, but no .tf files are there: the VNets, subnets and clusters it may declare are not checked", later.display()),
        ]
    );
    write_manifest("{not json");
    let broken = messages();
    assert_eq!(broken.len(), 3, "{broken:#?}");
    assert!(
        broken[2].starts_with(
            "the manifest of the modules `terraform init` installed cannot be read: it is not valid JSON"
        ),
        "{broken:#?}"
    );
}
