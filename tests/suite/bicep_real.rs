//! Real Bicep written by others, checked as a user runs `cniplan check DIR` on the
//! repository: each directory of `tests/real/bicep/` with its SOURCE.md, which works out by
//! hand what must be read (VNets, subnets, clusters, pools, which findings are true). Every
//! note must name what is not read; no false error.

use crate::common::{cniplan, json};

/// `cniplan check --format json tests/real/bicep/DIR`: its exit code and report.
fn walk(dir: &str) -> (i32, serde_json::Value) {
    let path = format!("tests/real/bicep/{dir}");
    let out = cniplan(&["check", "--format", "json", &path]);
    (out.status.code().expect("exit code"), json(&out))
}

/// `file` of every file reported on, relative to the input's directory, in order.
fn files(v: &serde_json::Value, dir: &str) -> Vec<String> {
    let prefix = format!("tests/real/bicep/{dir}/");
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .trim_start_matches(&prefix)
                .to_string()
        })
        .collect()
}

/// `severity rule file:line:column` of every finding.
fn places(v: &serde_json::Value, dir: &str) -> Vec<String> {
    let prefix = format!("tests/real/bicep/{dir}/");
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

/// `vnet/subnet cidr role usable [cluster/pool:peak nodes…]` of every capacity row.
fn rows(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for f in v["files"].as_array().expect("files") {
        for s in f["subnets"].as_array().expect("subnets") {
            let pools: Vec<String> = s["pools"]
                .as_array()
                .map(|p| {
                    p.iter()
                        .map(|p| {
                            format!(
                                "{}/{}:{}",
                                p["cluster"].as_str().unwrap(),
                                p["pool"].as_str().unwrap(),
                                p["peak_nodes"]
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.push(format!(
                "{}/{} {} {} {} [{}]",
                s["vnet"].as_str().unwrap_or_default(),
                s["name"].as_str().unwrap_or_default(),
                s["cidr"].as_str().unwrap(),
                s["role"].as_str().unwrap_or_default(),
                s["usable"],
                pools.join(" ")
            ));
        }
    }
    out
}

fn messages(v: &serde_json::Value) -> Vec<String> {
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().expect("diagnostics"))
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

/// Azure-Samples/aks-front-door-private-link-service: `main.bicep` is deployed with
/// `main.parameters.json` beside it (deploy.sh), and the walk pairs them as it pairs an ARM
/// template with its parameters. Alone, both pools take the default name `nodepool1` and
/// the subnets the defaults 10.0–10.3: a false `duplicate-name` error and false rows.
#[test]
fn front_door_sample_reads_with_its_parameters_file() {
    let dir = "aks-front-door-pls";
    let (code, v) = walk(dir);
    assert_eq!(code, 0);
    let cluster = "Iaqp4cxnq5x66Aks";
    assert_eq!(
        rows(&v),
        [
            format!("Iaqp4cxnq5x66Vnet/SystemSubnet 10.240.0.0/16 node 65531 [{cluster}/system:6]"),
            format!("Iaqp4cxnq5x66Vnet/UserSubnet 10.241.0.0/16 node 65531 [{cluster}/user:6]"),
            format!(
                "Iaqp4cxnq5x66Vnet/PodSubnet 10.242.0.0/16 pod 65531 [{cluster}/system:6 {cluster}/user:6]"
            ),
            format!(
                "Iaqp4cxnq5x66Vnet/ApiServerSubnet 10.243.0.0/27 api-server 27 [{cluster}/(api server):1]"
            ),
            "Iaqp4cxnq5x66Vnet/VmSubnet 10.243.1.0/24 unused 251 []".to_string(),
            "Iaqp4cxnq5x66Vnet/AzureBastionSubnet 10.243.2.0/24 unused 251 []".to_string(),
        ]
    );
    assert_eq!(
        places(&v, dir),
        [
            "note assumed-value main.bicep:1:1",
            "note assumed-value aksCluster.bicep:472:15",
            "note assumed-value aksCluster.bicep:494:15",
        ]
    );
}

/// paolosalvatori/aks-application-gateway-for-containers-overlay-bicep, through its
/// `main.bicepparam`: overlay with podCidr 192.168.0.0/16, so the template's `PodSubnet` is
/// declared but unused; the prefix is the literal text `'$uniqueString(resourceGroup().id)'`
/// the template writes as its default (no interpolation), read as written.
#[test]
fn agc_overlay_sample_reads_through_its_bicepparam() {
    let dir = "aks-agc-overlay";
    let (code, v) = walk(dir);
    assert_eq!(code, 0);
    assert_eq!(files(&v, dir)[0], "main.bicepparam");
    let p = "$uniquestring(resourcegroup().id)";
    assert_eq!(
        rows(&v),
        [
            format!("{p}Vnet/SystemSubnet 10.240.0.0/16 node 65531 [{p}Aks/system:6]"),
            format!("{p}Vnet/UserSubnet 10.241.0.0/16 node 65531 [{p}Aks/user:6]"),
            format!("{p}Vnet/PodSubnet 10.242.0.0/16 unused 65531 []"),
            format!("{p}Vnet/ApiServerSubnet 10.243.0.0/27 api-server 27 [{p}Aks/(api server):1]"),
            format!("{p}Vnet/VmSubnet 10.243.1.0/24 unused 251 []"),
            format!("{p}Vnet/AzureBastionSubnet 10.243.2.0/24 unused 251 []"),
            format!("{p}Vnet/AppGwForConSubnet 10.243.3.0/24 unused 251 []"),
            format!("/{p}Aks/pod_cidr 192.168.0.0/16 pod-cidr 256 [{p}Aks/system:6 {p}Aks/user:6]"),
        ]
    );
    assert_eq!(
        places(&v, dir),
        [
            "note assumed-value main.bicep:1:1",
            "note assumed-value modules/aksCluster.bicep:621:15",
            "note assumed-value modules/aksCluster.bicep:649:15",
        ]
    );
}

/// Azure-Samples/aks-store-demo: `main.test.bicep` calls `main.bicep`, which calls
/// `kubernetes.bicep` at a resource group it declares; the cluster is the registry module
/// `avm/res/container-service/managed-cluster:0.9.0`, not restored: one note names it. The
/// optional modules (observability, Cosmos DB, Service Bus, OpenAI) are off by default.
#[test]
fn aks_store_demo_names_its_registry_cluster() {
    let dir = "aks-store-demo";
    let (code, v) = walk(dir);
    assert_eq!(code, 0);
    assert!(rows(&v).is_empty());
    assert_eq!(
        places(&v, dir),
        [
            "note assumed-value main.test.bicep:1:1",
            "note unresolved-input kubernetes.bicep:15:23",
        ]
    );
    assert!(messages(&v)[1].contains(
        "'br/public:avm/res/container-service/managed-cluster:0.9.0' is not in the local Bicep cache"
    ));
}

/// Azure/AKS-Landing-Zone-Accelerator's step templates: All-in-One calls
/// `../05-AKS-Supporting/main.bicep` and `../06-AKS-Cluster/main.bicep` where the directories
/// are `05-AKS-supporting` and `06-AKS-cluster`. The template reads them (Bicep on Windows
/// does), so the walk reads them only through it, with its values (`ESLZ-SPOKE-RG`), never
/// a second time alone (`rgName#1`).
#[test]
fn lza_steps_are_read_once_through_all_in_one() {
    let dir = "lza-private-cluster-steps";
    let (code, v) = walk(dir);
    assert_eq!(code, 0);
    assert_eq!(
        files(&v, dir),
        [
            "All-in-One-Bicep/main.bicep",
            "03-Network-Hub/main.bicep",
            "04-Network-LZ/main.bicep",
            "05-AKS-supporting/main.bicep",
            "06-AKS-cluster/main.bicep",
        ]
    );
    let found = places(&v, dir);
    let per_file = |f: &str| found.iter().filter(|p| p.contains(&format!(" {f}/"))).count();
    // One note per registry module deployed (none restored): 9, 13, 4 and 5.
    assert_eq!(
        [
            "03-Network-Hub",
            "04-Network-LZ",
            "05-AKS-supporting",
            "06-AKS-cluster"
        ]
        .map(per_file),
        [9, 13, 4, 5]
    );
    assert!(
        found[1..].iter().all(|p| p.starts_with("note unresolved-input")),
        "{found:?}"
    );
    let all = messages(&v);
    assert!(all.iter().all(|m| !m.contains("rgName#")), "{all:?}");
    assert!(all
        .iter()
        .any(|m| m.contains("'aksCluster': module `managedCluster`")));
}

/// Azure/azure-quickstart-templates, AKS monitoring with Prometheus and Grafana, through its
/// `params.bicepparam`: the VNet's two subnets from child resources in a module, the overlay
/// cluster's one pool (count 1, autoscaling 1–2, one surge node: 3 at peak) in the second.
/// The default service CIDR 10.0.0.0/16 lies in the VNet's first address range: a true
/// warning, at the cluster.
#[test]
fn quickstart_prometheus_grafana_reads_through_modules() {
    let dir = "qs-aks-prometheus-grafana";
    let (code, v) = walk(dir);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&v),
        [
            "GEN-VNET-NAME/GEN-VNET-SUBNET1-NAME 10.100.6.0/24 unused 251 []",
            "GEN-VNET-NAME/GEN-VNET-SUBNET2-NAME 10.100.0.0/22 node 1019 [testaz-aks/agentpool:3]",
            "/testaz-aks/pod_cidr 10.244.0.0/16 pod-cidr 256 [testaz-aks/agentpool:3]",
        ]
    );
    assert_eq!(
        places(&v, dir),
        [
            "warning service-cidr-overlap modules/kubernetes/kubernetes.bicep:24:9",
            "note assumed-value modules/kubernetes/kubernetes.bicep:41:21",
            "note assumed-value modules/kubernetes/kubernetes.bicep:59:15",
        ]
    );
}

/// On disk, as a user runs it: the nearest bicepconfig.json above the template (two levels
/// up here) names the alias and the cache's root (`cacheRootDirectory`), and the module is
/// read from where `bicep restore` put it under that root, its subnet a capacity row; a
/// module the cache lacks is one note naming it.
#[test]
fn bicepconfig_on_disk_names_the_alias_and_the_cache() {
    let dir = std::env::temp_dir().join(format!("cniplan-bicepconfig-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cache = dir.join("bicep-cache");
    let entry = cache.join("br/contoso.azurecr.io/modules$vnet/v1$");
    std::fs::create_dir_all(&entry).unwrap();
    std::fs::create_dir_all(dir.join("infra/prod")).unwrap();
    std::fs::write(
        dir.join("bicepconfig.json"),
        format!(
            r#"{{"moduleAliases": {{"br": {{"contoso": {{"registry": "contoso.azurecr.io", "modulePath": "modules"}}}}}},
  "cacheRootDirectory": {}}}"#,
            serde_json::Value::String(cache.to_string_lossy().into_owned())
        ),
    )
    .unwrap();
    std::fs::write(
        entry.join("main.json"),
        r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-01-01", "name": "hub",
    "properties": {"addressSpace": {"addressPrefixes": ["10.70.0.0/16"]},
      "subnets": [{"name": "shared", "properties": {"addressPrefix": "10.70.1.0/24"}}]}}]}"#,
    )
    .unwrap();
    let main = dir.join("infra/prod/main.bicep");
    std::fs::write(
        &main,
        "module hub 'br/contoso:vnet:v1' = {\n  name: 'hub'\n}\nmodule spoke 'br/contoso:spoke:v1' = {\n  name: 'spoke'\n}\n",
    )
    .unwrap();
    let out = cniplan(&["check", "--format", "json", &main.to_string_lossy()]);
    let v = json(&out);
    std::fs::remove_dir_all(&dir).unwrap();
    let rows = rows(&v);
    assert_eq!(rows.len(), 1, "{v:#}");
    assert!(rows[0].starts_with("hub/shared 10.70.1.0/24 "), "{rows:?}");
    let messages = messages(&v);
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].contains(
            "module `spoke`: the registry module 'br/contoso:spoke:v1' is not in the local Bicep cache"
        ),
        "{messages:#?}"
    );
    assert_eq!(out.status.code(), Some(0));
}
