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

fn pairs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real/bicep-pairs");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/real/bicep-pairs")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("main.bicep").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn bicep_source_reads_as_its_compiled_json() {
    let dirs = pairs();
    assert!(dirs.len() >= 10, "{} pairs", dirs.len());
    let mut rows = 0;
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy();
        let params = read(&dir.join("parameters.json"));
        let json = check(vec![read(&dir.join("main.json")), params.clone()]);
        let main = read(&dir.join("main.bicep"));
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
            "kubenet-retirement parameters.json:9:16",
            "assumed-value parameters.json:23:19",
            "unresolved-input parameters.json:23:19",
            "assumed-value agent-pool/main.bicep:194:9",
            "unresolved-input agent-pool/main.bicep:194:9",
        ]
    );
}
