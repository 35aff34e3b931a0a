//! `.terraform/modules/modules.json`, the manifest `terraform init` writes of the modules it
//! installed: for every module call of the configuration, by its key (the call names from the
//! root joined with `.`: `aks.main`), its source, version and the directory it was installed
//! in, relative to the root module (hashicorp/terraform, `internal/modsdir/manifest.go`:
//! `{"Modules": [{"Key", "Source", "Version", "Dir"}]}`). Registry and git modules are read
//! from there, as Terraform reads them; it is the one place under a hidden directory cniplan
//! reads.

use crate::diagnostic::{Finding, Rule, Span};
use crate::source::SourceFile;
use std::collections::HashMap;

/// The manifest among a `.tf` input's sources (as `files::collect` lists them), read; a
/// manifest that does not read is a note, and no module is read from it.
pub fn of(sources: &[SourceFile]) -> (Option<Manifest>, Option<Finding>) {
    let Some((index, source)) = sources
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, s)| is_manifest(&s.path))
    else {
        return (None, None);
    };
    let root = super::files::normalize(&sources[0].path);
    match Manifest::parse(&root, &source.text) {
        Ok(m) => (Some(m), None),
        Err(e) => (
            None,
            Some(
                Finding::new(
                    Rule::UnresolvedInput,
                    Span::in_file(index as u32, 0, 0),
                    format!("the manifest of the modules `terraform init` installed cannot be read: {e}; registry and git modules are not read"),
                )
                .help("run `terraform init` again, which writes the manifest anew"),
            ),
        ),
    }
}

/// Where the manifest is, relative to the root module.
pub const PATH: &str = ".terraform/modules/modules.json";
/// Where `terraform init` installs every module it downloads.
const INSTALLED_UNDER: &str = ".terraform/modules/";

/// Whether a source of a `.tf` input is the manifest.
pub fn is_manifest(path: &str) -> bool {
    path.replace('\\', "/").ends_with(PATH)
}

/// One module call as `terraform init` installed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// The directory, as the reader names module directories (joined to the root, normalized).
    pub dir: String,
    /// The source as `terraform init` resolved it (`registry.terraform.io/Azure/aks/azurerm`).
    pub source: String,
    pub version: Option<String>,
}

/// The installed modules, by the directory of the module that calls them and the call's name.
#[derive(Debug, Default)]
pub struct Manifest {
    calls: HashMap<(String, String), Installed>,
}

impl Manifest {
    /// Reads the manifest of the root module `root` (its directory as the reader names it).
    pub fn parse(root: &str, text: &str) -> Result<Manifest, String> {
        let json: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("it is not valid JSON: {e}"))?;
        let records = json
            .get("Modules")
            .and_then(serde_json::Value::as_array)
            .ok_or("it has no `Modules` list")?;
        let text_of =
            |r: &serde_json::Value, k: &str| r.get(k).and_then(serde_json::Value::as_str).map(str::to_string);
        // Each key's directory first, so a call's caller is found whatever the order.
        let mut records: Vec<(String, String, String, Option<String>)> = records
            .iter()
            .filter_map(|r| {
                Some((
                    text_of(r, "Key")?,
                    text_of(r, "Dir")?.replace('\\', "/"),
                    text_of(r, "Source").unwrap_or_default(),
                    text_of(r, "Version").filter(|v| !v.is_empty()),
                ))
            })
            .collect();
        records.sort();
        let join = |dir: &str| super::files::normalize(&super::files::join(root, dir));
        let dirs: HashMap<&str, String> = records
            .iter()
            .map(|(key, dir, _, _)| (key.as_str(), join(dir)))
            .chain(std::iter::once(("", super::files::normalize(root))))
            .collect();
        let mut calls = HashMap::new();
        for (key, dir, source, version) in &records {
            if key.is_empty() {
                continue;
            }
            let (parent, name) = key.rsplit_once('.').unwrap_or(("", key));
            let Some(caller) = dirs.get(parent) else {
                continue;
            };
            // Only what `terraform init` downloaded is read from here; a local module is
            // read where its `source` points, and a `Dir` elsewhere is no download.
            let normalized = super::files::normalize(dir);
            if !normalized.starts_with(INSTALLED_UNDER) {
                continue;
            }
            calls
                .entry((caller.clone(), name.to_string()))
                .or_insert(Installed {
                    dir: join(&normalized),
                    source: source.clone(),
                    version: version.clone(),
                });
        }
        Ok(Manifest { calls })
    }

    /// Where the call `name` of the module in `caller` (a directory as the reader names it) was
    /// installed, if `terraform init` installed it.
    pub fn installed(&self, caller: &str, name: &str) -> Option<&Installed> {
        self.calls
            .get(&(super::files::normalize(caller), name.to_string()))
    }

    /// Whether the manifest's source is the one the configuration writes: the registry's
    /// host is added by `terraform init` (`Azure/aks/azurerm` →
    /// `registry.terraform.io/Azure/aks/azurerm`).
    pub fn same_source(installed: &Installed, written: &str) -> bool {
        let strip = |s: &str| {
            s.trim_start_matches("registry.terraform.io/")
                .trim_start_matches("git::")
                .to_ascii_lowercase()
        };
        strip(&installed.source) == strip(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_found_by_caller_and_name() {
        // As `terraform init` writes it for a root calling a registry module `network` and a
        // local module `aks` (`../`) that calls the registry module `main`.
        let text = r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"aks","Source":"../","Dir":".."},{"Key":"aks.main","Source":"registry.terraform.io/Azure/aks/azurerm","Version":"9.0.0","Dir":".terraform/modules/aks.main"},{"Key":"network","Source":"registry.terraform.io/Azure/network/azurerm","Version":"5.3.0","Dir":".terraform/modules/network"},{"Key":"evil","Source":"x","Dir":"../../etc"}]}"#;
        let m = Manifest::parse("repo/example", text).unwrap();
        let network = m.installed("repo/example", "network").unwrap();
        assert_eq!(network.dir, "repo/example/.terraform/modules/network");
        assert_eq!(network.version.as_deref(), Some("5.3.0"));
        assert!(Manifest::same_source(network, "Azure/network/azurerm"));
        assert_eq!(
            m.installed("repo", "main").map(|i| i.dir.as_str()),
            Some("repo/example/.terraform/modules/aks.main")
        );
        assert_eq!(m.installed("repo/example", "aks"), None);
        assert_eq!(m.installed("repo/example", "evil"), None);
        assert!(Manifest::parse("r", "{}").is_err());
        assert!(Manifest::parse("r", "not json").is_err());
        assert!(is_manifest("a/b/.terraform/modules/modules.json"));
    }
}
