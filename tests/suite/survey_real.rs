//! A survey of public repositories of the kinds platform teams write (an AVM pattern module,
//! landing-zone vending, a multi-cluster sample on registry modules, and three AKS baseline
//! siblings in Bicep), checked as a user runs `cniplan check` on them: each directory under
//! `tests/real/` with its SOURCE.md, which works out by hand what must be read. Every VNet,
//! subnet, cluster and pool is either read or named in a note; none gets a false error.

use crate::common::{cniplan, json};

/// `cniplan check --format json ARGS…`: its exit code and report.
fn check(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = cniplan(&all);
    (out.status.code().expect("exit code"), json(&out))
}

/// `severity rule file:line:column` of every finding, `file` relative to `dir`.
fn places(v: &serde_json::Value, dir: &str) -> Vec<String> {
    let prefix = format!("{dir}/");
    let mut out = Vec::new();
    for f in v["files"].as_array().expect("files") {
        let path = f["path"].as_str().unwrap().trim_start_matches(&prefix);
        for d in f["diagnostics"].as_array().expect("diagnostics") {
            out.push(format!(
                "{} {} {path}:{}:{}",
                d["severity"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                d["line"],
                d["column"]
            ));
        }
    }
    out
}

/// The message of the finding at `file:line:column` (relative to `dir`), of `rule`.
fn message<'v>(v: &'v serde_json::Value, dir: &str, rule: &str, at: &str) -> &'v str {
    let prefix = format!("{dir}/");
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| {
            let path = f["path"]
                .as_str()
                .unwrap()
                .trim_start_matches(&prefix)
                .to_string();
            f["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .map(move |d| (path.clone(), d))
        })
        .find(|(path, d)| d["rule"] == rule && format!("{path}:{}:{}", d["line"], d["column"]) == at)
        .unwrap_or_else(|| panic!("no {rule} at {at}"))
        .1["message"]
        .as_str()
        .unwrap()
}

/// `vnet/subnet cidr role usable baseline peak [cluster/pool:ips×peak nodes…]` of every row.
fn rows(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for f in v["files"].as_array().expect("files") {
        for s in f["subnets"].as_array().expect("subnets") {
            let pools: Vec<String> = s["pools"]
                .as_array()
                .expect("pools")
                .iter()
                .map(|p| {
                    format!(
                        "{}/{}:{}x{}",
                        p["cluster"].as_str().unwrap(),
                        p["pool"].as_str().unwrap(),
                        p["ips_per_node"],
                        p["peak_nodes"]
                    )
                })
                .collect();
            out.push(format!(
                "{}/{} {} {} {} {} {} [{}]",
                s["vnet"].as_str().unwrap_or_default(),
                s["name"].as_str().unwrap(),
                s["cidr"].as_str().unwrap(),
                s["role"].as_str().unwrap(),
                s["usable"],
                s["baseline_demand"],
                s["peak_demand"],
                pools.join(" ")
            ));
        }
    }
    out
}

/// Azure/terraform-azurerm-avm-ptn-aks-production: the walk finds the two examples as roots
/// (the module at the top is only called as `../../`), and each reads the module's overlay
/// cluster: pod CIDR 192.168.0.0/16 in /24 node slots (256), default pool 3 to 9 nodes with
/// a 10% surge (1 node), so 3 nodes at baseline and 10 at peak. The VNet comes from the AVM
/// virtual-network registry module, not installed: one note names it, and the pool's
/// `vnet_subnet_id` another. AVM's container-registry, naming and regions modules declare no
/// network and are not named.
#[test]
fn avm_aks_production_pattern_reads_its_overlay_cluster_and_names_the_vnet_module() {
    let dir = "tests/real/terraform/tf-avm-ptn-aks-production";
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    let cluster = "module.test.azurerm_kubernetes_cluster.this";
    assert_eq!(
        rows(&v),
        [
            format!("/{cluster}/pod_cidr 192.168.0.0/16 pod-cidr 256 3 10 [{cluster}/agentpool:1x10]"),
            format!("/{cluster}/pod_cidr 192.168.0.0/16 pod-cidr 256 3 10 [{cluster}/agentpool:1x10]"),
        ]
    );
    assert_eq!(
        places(&v, dir),
        [
            "note unresolved-input examples/default/main.tf:93:13",
            "note assumed-value main.tf:59:39",
            "note unresolved-input main.tf:88:31",
            "note unresolved-input examples/with_availability_zone/main.tf:103:13",
            "note assumed-value main.tf:59:39",
            "note unresolved-input main.tf:88:31",
            "note assumed-value main.tf:134:27",
            "note unresolved-input main.tf:278:1",
        ]
    );
    let module = message(&v, dir, "unresolved-input", "examples/default/main.tf:93:13");
    assert!(
        module.contains("`Azure/avm-res-network-virtualnetwork/azurerm`")
            && module.contains("terraform init"),
        "{module}"
    );
    // The zonal pools are one per zone a data source lists, known only to Azure: their
    // number and size are said to be unknown, not guessed, and none is counted (no pool of
    // unknown size in the rows); the note says what to do.
    let zonal = message(&v, dir, "unresolved-input", "main.tf:278:1");
    assert!(
        zonal.starts_with(
            "module.test.azurerm_kubernetes_cluster_node_pool.this: its `for_each` is known only at apply"
        ) && zonal.contains("none of them is counted")
            && zonal.contains("terraform show -json tfplan > tfplan.json`, then `cniplan check tfplan.json`"),
        "{zonal}"
    );

    // The example alone reads the same.
    let (code, alone) = check(&[&format!("{dir}/examples/default")]);
    assert_eq!(code, 0);
    assert_eq!(rows(&alone), rows(&v)[..1]);
}

/// Azure/terraform-azurerm-lz-vending's virtual-network submodule test: the hub VNet is an
/// `azapi_resource` with its two subnets inline (192.168.10.0/24 and 192.168.11.0/24, 251
/// usable each); the spokes the submodule vends come from the AVM virtual-network registry
/// module (and its peering submodule, three times), each call named in a note.
#[test]
fn lz_vending_hub_reads_inline_azapi_subnets_and_names_the_vending_modules() {
    let dir = "tests/real/terraform/tf-lz-vending-virtualnetwork";
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&v),
        [
            "azapi_resource.hub/default 192.168.10.0/24 unused 251 0 0 []",
            "azapi_resource.hub/GatewaySubnet 192.168.11.0/24 unused 251 0 0 []",
        ]
    );
    let test = "modules/virtualnetwork/testdata/TestDeployVirtualNetworkValidVnetPeering";
    assert_eq!(
        places(&v, dir),
        [
            format!("note assumed-value {test}/main.tf:10:15"),
            "note unresolved-input modules/virtualnetwork/main.tf:5:29".to_string(),
            "note unresolved-input modules/virtualnetwork/main.tf:30:34".to_string(),
            "note unresolved-input modules/virtualnetwork/main.tf:48:34".to_string(),
            "note unresolved-input modules/virtualnetwork/main.tf:66:34".to_string(),
        ]
    );
    let peering = message(
        &v,
        dir,
        "unresolved-input",
        "modules/virtualnetwork/main.tf:30:34",
    );
    assert!(
        peering.contains("`Azure/avm-res-network-virtualnetwork/azurerm//modules/peering`"),
        "{peering}"
    );
}

/// Azure-Samples/aks-multi-cluster-service-mesh (Istio): both clusters come from the
/// `Azure/aks` registry module and both VNets from `Azure/network`, not installed, so
/// nothing is counted; each module call, each of the nine `data "azurerm_subnet"` reading
/// their subnets and both peerings between the VNets are named, and nothing else is said.
#[test]
fn multi_cluster_sample_on_registry_modules_names_every_call_and_data_source() {
    let dir = "tests/real/terraform/tf-aks-multi-cluster-istio";
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    assert_eq!(rows(&v), Vec::<String>::new());
    assert_eq!(
        places(&v, dir),
        [
            "note unresolved-input istio/bastion_host.tf:18:1",
            "note unresolved-input istio/bastion_host.tf:25:1",
            "note unresolved-input istio/main.tf:8:1",
            "note unresolved-input istio/main.tf:15:1",
            "note unresolved-input istio/main.tf:22:1",
            "note unresolved-input istio/main.tf:29:1",
            "note unresolved-input istio/main.tf:37:39",
            "note unresolved-input istio/main.tf:97:39",
            "note unresolved-input istio/node_pool.tf:1:1",
            "note unresolved-input istio/node_pool.tf:8:1",
            "note unresolved-input istio/private_endpoint.tf:1:1",
            "note unresolved-input istio/virtual_network.tf:2:25",
            "note unresolved-input istio/virtual_network.tf:17:25",
            "note unresolved-input istio/virtual_network.tf:34:31",
            "note unresolved-input istio/virtual_network.tf:41:31",
        ]
    );
    for (at, source) in [
        ("istio/main.tf:37:39", "`Azure/aks/azurerm`"),
        ("istio/main.tf:97:39", "`Azure/aks/azurerm`"),
        ("istio/virtual_network.tf:2:25", "`Azure/network/azurerm`"),
        ("istio/virtual_network.tf:17:25", "`Azure/network/azurerm`"),
    ] {
        let m = message(&v, dir, "unresolved-input", at);
        assert!(m.contains(source), "{at}: {m}");
    }
    let data = message(&v, dir, "unresolved-input", "istio/node_pool.tf:1:1");
    assert!(data.starts_with("data.azurerm_subnet.userone:"), "{data}");
}

/// mspnp/aks-baseline-regulated's spoke: one VNet 10.240.0.0/16 with nine subnets, three
/// /22 node-pool subnets among them (1019 usable each); no cluster in this template, so
/// every row is unused. The hub's ID is a parameter with no value: both peerings are named.
#[test]
fn regulated_baseline_spoke_reads_nine_subnets() {
    let dir = "tests/real/bicep/aks-baseline-regulated-spoke";
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    let vnet = "vnet-spoke-BU0001A0005-01";
    assert_eq!(
        rows(&v),
        [
            format!("{vnet}/snet-cluster-systemnodepool 10.240.8.0/22 unused 1019 0 0 []"),
            format!("{vnet}/snet-cluster-inscopenodepools 10.240.12.0/22 unused 1019 0 0 []"),
            format!("{vnet}/snet-cluster-outofscopenodepools 10.240.16.0/22 unused 1019 0 0 []"),
            format!("{vnet}/snet-cluster-ingressservices 10.240.4.0/28 unused 11 0 0 []"),
            format!("{vnet}/snet-applicationgateway 10.240.5.0/24 unused 251 0 0 []"),
            format!("{vnet}/snet-management-ops 10.240.1.0/28 unused 11 0 0 []"),
            format!("{vnet}/snet-management-agents 10.240.2.0/26 unused 59 0 0 []"),
            format!("{vnet}/snet-management-acragents 10.240.251.0/28 unused 11 0 0 []"),
            format!("{vnet}/snet-privatelinkendpoints 10.240.250.0/28 unused 11 0 0 []"),
        ]
    );
    assert_eq!(
        places(&v, dir),
        [
            "note assumed-value networking/spoke-BU0001A0005-01.bicep:1:1",
            "note assumed-value networking/spoke-BU0001A0005-01.bicep:761:11",
            "note unresolved-input networking/spoke-BU0001A0005-01.bicep:761:11",
            "note assumed-value networking/modules/hubsSpokesPeeringDeployment.bicep:29:9",
            "note unresolved-input networking/modules/hubsSpokesPeeringDeployment.bicep:29:9",
        ]
    );
    let peering = message(
        &v,
        dir,
        "assumed-value",
        "networking/spoke-BU0001A0005-01.bicep:761:11",
    );
    assert!(peering.contains("parameter `hubVnetResourceId`"), "{peering}");
}

/// mspnp/aks-baseline-multi-region's networking: the spoke template goes with each of its
/// two parameters files, one check each (instance 03 in eastus2 on 10.243.0.0/16, instance
/// 04 in centralus on 10.244.0.0/16); the hub template's parameters files are named
/// `hub-region.parameters.*.json`, after no template, so the walk checks the hub with its
/// defaults (eastus2, 10.200.0.0/24), and `--parameters` gives it a region's values.
#[test]
fn multi_region_spoke_is_checked_once_per_parameters_file() {
    let dir = "tests/real/bicep/aks-baseline-multi-region-networking";
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    let spoke = |n: &str, net: &str| {
        let vnet = format!("vnet-hub-spoke-BU0001A0042-{n}");
        [
            format!("{vnet}/snet-clusternodes {net}.0.0/22 unused 1019 0 0 []"),
            format!("{vnet}/snet-clusteringressservices {net}.4.0/28 unused 11 0 0 []"),
            format!("{vnet}/snet-applicationgateway {net}.5.0/24 unused 251 0 0 []"),
        ]
    };
    let mut expected = vec![
        "vnet-eastus2-hub/AzureFirewallSubnet 10.200.0.0/26 unused 59 0 0 []".to_string(),
        "vnet-eastus2-hub/GatewaySubnet 10.200.0.64/27 unused 27 0 0 []".to_string(),
        "vnet-eastus2-hub/AzureBastionSubnet 10.200.0.96/27 unused 27 0 0 []".to_string(),
    ];
    expected.extend(spoke("04", "10.244"));
    expected.extend(spoke("03", "10.243"));
    assert_eq!(rows(&v), expected);
    // Per spoke check: both peerings' names depend on the hub's ID, a parameter with no
    // value; the module written once says it once (its name, and that it is not checked).
    let peering = "networking/virtualNetworkPeering.bicep:19:10";
    let per_check = [
        format!("note assumed-value {peering}"),
        format!("note unresolved-input {peering}"),
    ];
    assert_eq!(places(&v, dir), [per_check.clone(), per_check].concat());

    let hub = format!("{dir}/networking/hub-region.v1.1.bicep");
    let params = format!("{dir}/networking/hub-region.parameters.centralus.json");
    let (code, v) = check(&["--parameters", &params, &hub]);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&v),
        [
            "vnet-centralus-hub/AzureFirewallSubnet 10.200.4.0/26 unused 59 0 0 []",
            "vnet-centralus-hub/GatewaySubnet 10.200.4.64/27 unused 27 0 0 []",
            "vnet-centralus-hub/AzureBastionSubnet 10.200.4.96/27 unused 27 0 0 []",
        ]
    );
    assert_eq!(places(&v, dir), Vec::<String>::new());
}

/// Azure/aks-baseline-automation's Bicep: `main.bicep` with `main.parameters.json` deploys
/// the hub, the spoke and the cluster through CARML modules. The hub's and the spoke's
/// subnets are declared inline in CARML's VNet and again as its child resources: one row
/// each. Both pools are Azure CNI with maxPods 30 (31 IPs a node) in snet-clusternodes /22
/// (1019 usable): npsystem 3 nodes (autoscaling 3–4, surge 33% of 4 = 2), npuser01 2 nodes
/// (2–5; its `upgradeSettings` is not a parameter CARML's agent-pool module reads, so AKS's
/// default surge of 10%, 1 node): 5 × 31 = 155 at baseline; 4 + 5 nodes and the larger
/// surge, 2, at peak: 11 × 31 = 341.
#[test]
fn baseline_automation_reads_hub_spoke_and_cluster_through_carml() {
    let dir = "tests/real/bicep/aks-baseline-automation";
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    let spoke = "vnet-spoke-BU0001A0008-00";
    let cluster = "aks-x5sl6ssezhhma";
    assert_eq!(
        rows(&v),
        [
            "vnet-westus2-hub/AzureFirewallSubnet 10.200.0.0/26 unused 59 0 0 []".to_string(),
            "vnet-westus2-hub/GatewaySubnet 10.200.0.64/27 unused 27 0 0 []".to_string(),
            "vnet-westus2-hub/AzureBastionSubnet 10.200.0.96/27 unused 27 0 0 []".to_string(),
            format!(
                "{spoke}/snet-clusternodes 10.240.0.0/22 node+pod 1019 155 341 [{cluster}/npsystem:31x6 {cluster}/npuser01:31x6]"
            ),
            format!("{spoke}/snet-clusteringressservices 10.240.4.0/28 unused 11 0 0 []"),
            format!("{spoke}/snet-applicationgateway 10.240.4.16/28 unused 11 0 0 []"),
            format!("{spoke}/snet-privatelinkendpoints 10.240.4.32/28 unused 11 0 0 []"),
        ]
    );
    // CARML passes `maxSurge: ''` for every agent pool: AKS's default, now said at the value
    // (one note for the module file, whichever pools it deploys).
    assert_eq!(
        places(&v, dir),
        [
            "note assumed-value IaC/bicep/main.bicep:1:1",
            "note assumed-value IaC/bicep/CARML/Microsoft.ContainerService/managedClusters/deploy.bicep:548:15"
        ]
    );
}

/// mspnp/aks-baseline-regulated's cluster stamp: its pools live in the spoke, another
/// deployment, so each is named in a note. Its documented parameters file still sets
/// `location`, which the template has since made a variable: Azure refuses that file, and
/// so does cniplan, at the parameter (a true error). The walk does not pair the file with
/// the template (it is named after no template), so the walk alone finds no error.
#[test]
fn regulated_cluster_stamp_parameters_file_sets_a_parameter_the_template_dropped() {
    let dir = "tests/real/bicep/aks-baseline-regulated-cluster-stamp";
    let pools = [
        "note assumed-value cluster-stamp.bicep:1:1",
        "note unresolved-input cluster-stamp.bicep:1102:23",
        "note unresolved-input cluster-stamp.bicep:1136:23",
        "note unresolved-input cluster-stamp.bicep:1168:23",
    ];
    let (code, v) = check(&[dir]);
    assert_eq!(code, 0);
    assert_eq!(rows(&v), Vec::<String>::new());
    assert_eq!(places(&v, dir), pools);

    let params = format!("{dir}/azuredeploy.parameters.prod.json");
    let template = format!("{dir}/cluster-stamp.bicep");
    let (code, v) = check(&["--parameters", &params, &template]);
    assert_eq!(code, 1);
    assert_eq!(rows(&v), Vec::<String>::new());
    let mut expected: Vec<String> = pools.iter().map(ToString::to_string).collect();
    expected.push("error plan-schema azuredeploy.parameters.prod.json:5:5".to_string());
    assert_eq!(places(&v, dir), expected);
    assert_eq!(
        message(&v, dir, "plan-schema", "azuredeploy.parameters.prod.json:5:5"),
        "the template declares no parameter `location`"
    );
    let pool = message(&v, dir, "unresolved-input", "cluster-stamp.bicep:1102:23");
    assert!(
        pool.contains("agent pool 'npsystem'") && pool.contains("not in this template"),
        "{pool}"
    );
}
