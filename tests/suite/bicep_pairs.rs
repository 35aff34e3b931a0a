//! Issue 22, item 2: Bicep source and the JSON `bicep build` made of it read alike. Each
//! directory of `tests/real/bicep-pairs/` holds a `main.bicep` with the `main.json` committed
//! beside it (Azure/bicep-registry-modules; SOURCE.md names the commit), the local modules
//! the source calls, the registry modules as `bicep restore` caches them (`cache/`), and a
//! parameters file with the values of the module's e2e test. Both sides get the same
//! parameters; their capacity rows, and their findings by rule, severity and resource, must
//! be equal, and every finding of the source must point into a file of the source.

use cniplan::check::{run, Checked};
use cniplan::config::Settings;
use cniplan::input::{bicep, Format, Input};
use cniplan::source::SourceFile;
use std::path::{Path, PathBuf};

fn read(path: &Path) -> SourceFile {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    SourceFile::new(path.to_string_lossy().into_owned(), text)
}

fn check(sources: Vec<SourceFile>) -> Checked {
    run(
        Input {
            sources,
            format: Format::Auto,
        },
        &Settings::default(),
    )
}

/// (rule, severity, resource) of every finding, sorted.
fn findings(c: &Checked) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = c
        .report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.name().to_string(),
                format!("{:?}", f.severity),
                f.resource.as_deref().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Each pair's directory, and the directory of its template in it (itself, or the one
/// subdirectory with a `main.bicep` and a `main.json`, for a template that calls modules of
/// sibling directories).
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real/bicep-pairs");
    let both = |p: &Path| p.join("main.bicep").is_file() && p.join("main.json").is_file();
    let mut dirs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&root)
        .expect("tests/real/bicep-pairs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .map(|p| {
            let template = if both(&p) {
                p.clone()
            } else {
                std::fs::read_dir(&p)
                    .expect("pair")
                    .map(|e| e.expect("entry").path())
                    .find(|s| both(s))
                    .unwrap_or_else(|| panic!("{}: no main.bicep with its main.json", p.display()))
            };
            (p, template)
        })
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn bicep_source_reads_as_its_compiled_json() {
    let dirs = pairs();
    assert!(dirs.len() >= 11, "{} pairs", dirs.len());
    let mut rows = 0;
    for (dir, template) in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy();
        let params = read(&dir.join("parameters.json"));
        let json = check(vec![read(&template.join("main.json")), params.clone()]);
        let main = read(&template.join("main.bicep"));
        let mut sources = vec![main.clone(), params];
        sources.extend(bicep::collect(&main, Some(&dir.join("cache"))));
        let source = check(sources);
        assert_eq!(
            source.report.subnets, json.report.subnets,
            "{name}: capacity rows"
        );
        assert_eq!(findings(&source), findings(&json), "{name}: findings");
        rows += json.report.subnets.len();
        for f in &source.report.findings {
            let file = f.span.map_or(0, |s| s.file);
            let path = &source.report.source_of(file).path;
            let ok =
                path.ends_with(".bicep") || path.ends_with("parameters.json") || path.contains("/cache/br/");
            assert!(ok, "{name}: {} points into {path}", f.rule.name());
        }
        // The module calls are read, not noted: every module is at hand.
        assert!(
            !source
                .report
                .findings
                .iter()
                .any(|f| f.message.contains("is not read")),
            "{name}: {:#?}",
            source.report.findings
        );
    }
    assert!(rows >= 15, "{rows} capacity rows in all");
}

/// Where the source's findings land: where each value is written. The kubenet plugin and
/// the system pool come from the parameters file (`"kubenet"`, the pool's `"systempool"`);
/// the user pool, deployed by the `agent-pool` module, is noted at its `name: name` in that
/// module's `.bicep` file (line 194), and the deployment's unknown subscription at the
/// template's first character.
#[test]
fn findings_land_on_bicep_lines() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real/bicep-pairs/avm-managed-cluster-kubenet");
    let main = read(&dir.join("main.bicep"));
    let mut sources = vec![main.clone(), read(&dir.join("parameters.json"))];
    sources.extend(bicep::collect(&main, Some(&dir.join("cache"))));
    let c = check(sources);
    let places: Vec<String> = c
        .report
        .findings
        .iter()
        .map(|f| {
            let span = f.span.expect("located");
            let file = c.report.source_of(span.file);
            let name = Path::new(&file.path)
                .strip_prefix(&dir)
                .map_or(file.path.clone(), |p| p.to_string_lossy().into_owned());
            format!("{} {name}:{}", f.rule.name(), file.position(span.start))
        })
        .collect();
    assert_eq!(
        places,
        [
            "assumed-value main.bicep:1:1",
            "assumed-value main.bicep:574:21",
            "kubenet-retirement parameters.json:9:16",
            "assumed-value parameters.json:23:19",
            "unresolved-input parameters.json:23:19",
            "assumed-value agent-pool/main.bicep:194:9",
            "unresolved-input agent-pool/main.bicep:194:9",
        ]
    );
}

/// Issue 22, "done when": mspnp/aks-baseline, Bicep only, read from source as its SOURCE.md
/// works out: the hub's and the spoke's subnets, the cluster's overlay pod range with its two
/// pools, every note on a `.bicep` line, no error.
#[test]
fn aks_baseline_is_read_from_source() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real/bicep/aks-baseline");
    let read_with_modules = |file: &str| {
        let main = read(&dir.join(file));
        let mut sources = vec![main.clone()];
        sources.extend(bicep::collect(&main, None));
        check(sources)
    };
    let rows = |c: &Checked| -> Vec<String> {
        c.report
            .subnets
            .iter()
            .map(|r| format!("{} {} {}", r.label(), r.cidr, r.usable))
            .collect()
    };
    let places = |c: &Checked| -> Vec<String> {
        c.report
            .findings
            .iter()
            .map(|f| {
                let span = f.span.expect("located");
                let file = c.report.source_of(span.file);
                let name = Path::new(&file.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                format!("{} {name}:{}", f.rule.name(), file.position(span.start))
            })
            .collect()
    };
    let hub = read_with_modules("network-team/hub-regionA.bicep");
    assert_eq!(
        rows(&hub),
        [
            "'vnet-${location}-hub'#1/AzureFirewallSubnet 10.200.0.0/26 59",
            "'vnet-${location}-hub'#1/GatewaySubnet 10.200.0.64/27 27",
            "'vnet-${location}-hub'#1/AzureBastionSubnet 10.200.0.96/27 27",
        ]
    );
    assert_eq!(
        places(&hub),
        [
            "assumed-value hub-regionA.bicep:1:1",
            "assumed-value hub-regionA.bicep:288:9"
        ]
    );
    let spoke = read_with_modules("network-team/spoke-BU0001A0008.bicep");
    assert_eq!(
        rows(&spoke),
        [
            "vnet-spoke-BU0001A0008-00/snet-clusternodes 10.240.0.0/22 1019",
            "vnet-spoke-BU0001A0008-00/snet-clusteringressservices 10.240.4.0/28 11",
            "vnet-spoke-BU0001A0008-00/snet-applicationgateway 10.240.5.0/24 251",
            "vnet-spoke-BU0001A0008-00/snet-privatelinkendpoints 10.240.4.32/28 11",
            "vnet-spoke-BU0001A0008-00/snet-privatecluster 10.240.7.0/28 11",
        ]
    );
    assert_eq!(
        places(&spoke),
        [
            "assumed-value spoke-BU0001A0008.bicep:1:1",
            // The module is called twice; its peering, named by an expression over a
            // parameter without a value, is said once in the same words.
            "assumed-value virtualNetworkPeering.bicep:14:9",
            "unresolved-input virtualNetworkPeering.bicep:14:9",
        ]
    );
    let cluster = read_with_modules("workload-team/azuredeploy.parameters.prod.bicepparam");
    let row = &cluster.report.subnets;
    assert_eq!(row.len(), 1);
    assert_eq!(row[0].cidr, "192.168.0.0/16");
    let pools: Vec<String> = row[0]
        .pools
        .iter()
        .map(|p| format!("{} {:?} {}", p.pool, p.mode, p.peak_nodes))
        .collect();
    assert_eq!(pools, ["npsystem Overlay 6", "npuser01 Overlay 7"]);
    assert_eq!(
        places(&cluster),
        [
            "assumed-value cluster-stamp.bicep:1:1",
            "unresolved-input cluster-stamp.bicep:760:23",
            "unresolved-input cluster-stamp.bicep:793:23",
            "unresolved-input cluster-stamp.bicep:898:17",
        ]
    );
    for c in [&hub, &spoke, &cluster] {
        assert!(c
            .report
            .findings
            .iter()
            .all(|f| f.severity != cniplan::diagnostic::Severity::Error));
    }
}
