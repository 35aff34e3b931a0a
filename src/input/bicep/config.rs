//! `bicepconfig.json` as Bicep reads it, for what a module reference means: `moduleAliases`
//! (`br/<alias>:` a registry and a repository path, `ts/<alias>:` a subscription and a
//! resource group) and `cacheRootDirectory` (where `bicep restore` keeps what it fetched).
//!
//! Bicep takes the nearest `bicepconfig.json` walking up from the Bicep file's directory,
//! follows its `extends` (a relative path; at most 64 files, no cycle), and merges them onto
//! its built-in configuration, the leaf last: objects key by key, any other value replaced, a
//! `null` ignored. The built-in configuration has one alias, `br/public` →
//! `mcr.microsoft.com/bicep` (Azure/bicep, `src/Bicep.Core/Configuration/bicepconfig.json`
//! and `BicepConfigurationManager.cs`). Comments are allowed, as Bicep allows them.
//!
//! The cache, as Bicep lays it out (`BicepRegistryArtifact.cs`, `TagEncoder.cs`,
//! `TemplateSpecModuleArtifact.cs`): `br/<registry, lower case, ':' as '$'>/<repository, '/'
//! as '$'>/<tag, then '$' and a hex mask of its upper-case letters>/main.json` for a registry
//! module, `ts/<subscription>/<resource group>/<name>/<version>/main.json` (lower case) for a
//! template spec, which holds the template spec version as Azure returns it: its template is
//! `properties.mainTemplate`.

use super::{normalize, Unit};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file Bicep looks for.
pub const FILE_NAME: &str = "bicepconfig.json";
/// Configuration files one `extends` chain may hold, as Bicep limits it.
const MAX_CHAIN: usize = 64;

/// What a Bicep file's configuration says about modules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `moduleAliases.br`: alias → (registry, module path).
    pub br: BTreeMap<String, (String, Option<String>)>,
    /// `moduleAliases.ts`: alias → (subscription, resource group).
    pub ts: BTreeMap<String, (String, String)>,
    /// `cacheRootDirectory`, `~` expanded; `None` is `~/.bicep`.
    pub cache_root: Option<PathBuf>,
}

impl Default for Config {
    /// Bicep's built-in configuration.
    fn default() -> Self {
        Config::merged(&[])
    }
}

fn builtin() -> Value {
    serde_json::json!({
        "moduleAliases": {
            "ts": {},
            "br": {"public": {"registry": "mcr.microsoft.com", "modulePath": "bicep"}}
        }
    })
}

/// `first` with `second` on top, as Bicep's `JsonElement.Merge`.
fn merge(first: &mut Value, second: Value) {
    match (first, second) {
        (_, Value::Null) => {}
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        a.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

impl Config {
    /// The configuration of a chain of files' texts, the leaf first (unreadable JSON is
    /// skipped: Bicep then falls back to its built-in configuration, and so do the aliases
    /// that file would have defined).
    pub fn merged(chain: &[&str]) -> Config {
        let mut all = builtin();
        for text in chain.iter().rev() {
            if let Ok(v) = serde_json::from_str::<Value>(&crate::input::arm::blank_comments(text)) {
                let mut v = v;
                if let Value::Object(m) = &mut v {
                    m.remove("extends");
                }
                merge(&mut all, v);
            }
        }
        let aliases = |kind: &str| {
            all.get("moduleAliases")
                .and_then(|m| m.get(kind))
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default()
        };
        let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let br = aliases("br")
            .iter()
            .filter_map(|(name, a)| Some((name.clone(), (s(a, "registry")?, s(a, "modulePath")))))
            .collect();
        let ts = aliases("ts")
            .iter()
            .filter_map(|(name, a)| Some((name.clone(), (s(a, "subscription")?, s(a, "resourceGroup")?))))
            .collect();
        let cache_root = all
            .get("cacheRootDirectory")
            .and_then(Value::as_str)
            .filter(|d| !d.trim().is_empty())
            .map(expand_home);
        Config { br, ts, cache_root }
    }

    /// The cache's root: `cacheRootDirectory`, else `~/.bicep`.
    pub fn cache(&self) -> Option<PathBuf> {
        self.cache_root.clone().or_else(super::default_cache)
    }

    /// Where `bicep restore` puts the module a reference names, relative to the cache's root;
    /// `Err` says why the reference names nothing (an alias the configuration lacks).
    /// `Ok(None)` for a local path.
    pub fn cache_entry(&self, reference: &str) -> Result<Option<PathBuf>, String> {
        if let Some(rest) = reference.strip_prefix("br:") {
            return oci_entry(rest).map(Some);
        }
        if let Some(rest) = reference.strip_prefix("br/") {
            let (alias, rest) = rest
                .split_once(':')
                .ok_or("a registry reference is `br/<alias>:<path>:<tag>`")?;
            let (registry, path) = self
                .br
                .get(alias)
                .ok_or_else(|| format!("no module alias `br/{alias}` is defined in bicepconfig.json"))?;
            let full = match path {
                Some(p) => format!("{registry}/{}/{rest}", p.trim_matches('/')),
                None => format!("{registry}/{rest}"),
            };
            return oci_entry(&full).map(Some);
        }
        if let Some(rest) = reference.strip_prefix("ts:") {
            return ts_entry(rest).map(Some);
        }
        if let Some(rest) = reference.strip_prefix("ts/") {
            let (alias, rest) = rest
                .split_once(':')
                .ok_or("a template spec reference is `ts/<alias>:<name>:<version>`")?;
            let (sub, rg) = self.ts.get(alias).ok_or_else(|| {
                format!("no template spec alias `ts/{alias}` is defined in bicepconfig.json")
            })?;
            return ts_entry(&format!("{sub}/{rg}/{rest}")).map(Some);
        }
        Ok(None)
    }
}

/// `~` and `~/…` as Bicep expands them (`RootConfiguration.ExpandCacheRootDirectory`).
fn expand_home(dir: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    match (dir, home()) {
        ("~", Some(h)) => PathBuf::from(h),
        (d, Some(h)) if d.starts_with("~/") || d.starts_with("~\\") => Path::new(&h).join(&d[2..]),
        (d, _) => PathBuf::from(d),
    }
}

/// `registry/repository:tag` (or `@sha256:…`) → `br/…/main.json`.
fn oci_entry(reference: &str) -> Result<PathBuf, String> {
    let bad = || format!("`{reference}` is not `registry/repository:tag`");
    let (registry, rest) = reference.split_once('/').ok_or_else(bad)?;
    let (repository, version) = match rest.split_once('@') {
        Some((repo, digest)) => (repo, digest.replace(':', "#")),
        None => {
            let (repo, tag) = rest.rsplit_once(':').ok_or_else(bad)?;
            (repo, encode_tag(tag))
        }
    };
    if registry.is_empty() || repository.is_empty() || repository.contains("..") {
        return Err(bad());
    }
    Ok(Path::new("br")
        .join(registry.replace(':', "$").to_lowercase())
        .join(repository.replace('/', "$"))
        .join(version)
        .join("main.json"))
}

/// Bicep's `TagEncoder.Encode`: the tag, `$`, then a mask of its upper-case letters in hex
/// (64 letters a word, the high words first, no leading zeros).
fn encode_tag(tag: &str) -> String {
    let chars: Vec<char> = tag.chars().collect();
    let mut words = vec![0u64; chars.len().div_ceil(64).max(1)];
    for (i, c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            words[i / 64] |= 1 << (i % 64);
        }
    }
    let mut out = format!("{tag}$");
    let mut leading = false;
    for w in words.iter().rev() {
        if leading {
            out.push_str(&format!("{w:016x}"));
        } else if *w != 0 {
            out.push_str(&format!("{w:x}"));
            leading = true;
        }
    }
    out
}

/// `subscription/resourceGroup/name:version` → `ts/…/main.json`, lower case.
fn ts_entry(reference: &str) -> Result<PathBuf, String> {
    let bad = || format!("`{reference}` is not `subscription/resourceGroup/name:version`");
    let (path, version) = reference.rsplit_once(':').ok_or_else(bad)?;
    let parts: Vec<&str> = path.split('/').collect();
    let [sub, rg, name] = parts[..] else {
        return Err(bad());
    };
    if [sub, rg, name, version]
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(bad());
    }
    Ok(Path::new("ts")
        .join(sub.to_lowercase())
        .join(rg.to_lowercase())
        .join(name.to_lowercase())
        .join(version.to_lowercase())
        .join("main.json"))
}

/// How many directories up from `dir` the directory `config_dir` is, if it is above it or
/// is it (lexically, both normalized; leading `..` counted).
fn levels_up(dir: &Path, config_dir: &Path) -> Option<usize> {
    let ups = |p: &Path| {
        p.components()
            .take_while(|c| matches!(c, std::path::Component::ParentDir))
            .count()
    };
    let len = |p: &Path| p.components().count();
    let (k, m) = (ups(config_dir), ups(dir));
    if k <= m {
        dir.starts_with(config_dir).then(|| len(dir) - len(config_dir))
    } else {
        (len(config_dir) == k).then(|| (len(dir) - m) + (k - m))
    }
}

/// The configuration of the Bicep file `from` among an input's sources: the nearest
/// `bicepconfig.json` above it that the input holds (gathered by [`files_for`]) and the
/// files it extends.
pub fn of_units(units: &[Unit<'_>], from: &str) -> Config {
    let dir = normalize(Path::new(from).parent().unwrap_or(Path::new("")));
    let configs = units.iter().enumerate().filter(|(_, u)| is_config(&u.path));
    let nearest = configs
        .filter_map(|(i, u)| {
            let cdir = normalize(Path::new(&u.path).parent().unwrap_or(Path::new("")));
            levels_up(&dir, &cdir).map(|n| (n, i))
        })
        .min();
    let Some((_, mut index)) = nearest else {
        return Config::default();
    };
    let mut chain: Vec<usize> = vec![index];
    while chain.len() < MAX_CHAIN {
        let Some(next) = extends(units[index].text) else {
            break;
        };
        let target = normalize(&super::beside(&units[index].path, &next));
        let Some(found) = units.iter().position(|u| normalize(Path::new(&u.path)) == target) else {
            break;
        };
        if chain.contains(&found) {
            break;
        }
        chain.push(found);
        index = found;
    }
    let texts: Vec<&str> = chain.iter().map(|&i| units[i].text).collect();
    Config::merged(&texts)
}

/// Whether the source `index` is configuration: a `bicepconfig.json`, or a file one extends.
pub fn is_config_unit(units: &[Unit<'_>], index: usize) -> bool {
    if units.get(index).is_some_and(|u| is_config(&u.path)) {
        return true;
    }
    let target = normalize(Path::new(&units[index].path));
    units.iter().filter(|u| is_config(&u.path)).any(|u| {
        let mut at = u;
        for _ in 0..MAX_CHAIN {
            let Some(next) = extends(at.text) else {
                return false;
            };
            let path = normalize(&super::beside(&at.path, &next));
            if path == target {
                return true;
            }
            match units.iter().find(|v| normalize(Path::new(&v.path)) == path) {
                Some(v) => at = v,
                None => return false,
            }
        }
        false
    })
}

/// Whether a path names a Bicep configuration file.
pub fn is_config(path: &str) -> bool {
    Path::new(path)
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case(FILE_NAME))
}

/// The relative path a configuration `extends`, if any.
fn extends(text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(&crate::input::arm::blank_comments(text)).ok()?;
    let e = v.get("extends")?.as_str()?.trim();
    // Bicep refuses an absolute path here.
    (!e.is_empty() && !Path::new(e).has_root()).then(|| e.to_string())
}

/// The configuration files on disk that apply to the Bicep file `from`: the nearest
/// `bicepconfig.json` walking up from its directory, then the files it extends, each named
/// by a path relative to `from`'s as the input names its files (`../bicepconfig.json`).
pub fn files_for(from: &str) -> Vec<crate::source::SourceFile> {
    let mut dir = normalize(Path::new(from).parent().unwrap_or(Path::new("")));
    let mut out: Vec<crate::source::SourceFile> = Vec::new();
    for _ in 0..MAX_CHAIN {
        let candidate = normalize(&dir.join(FILE_NAME));
        if candidate.is_file() {
            let mut path = candidate;
            while out.len() < MAX_CHAIN {
                let shown = path.to_string_lossy().into_owned();
                if out.iter().any(|f| f.path == shown) {
                    break;
                }
                let Some(text) = crate::source::read::read_file(&path, &shown)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                else {
                    break;
                };
                let next = extends(&text);
                out.push(crate::source::SourceFile::new(shown.clone(), text));
                match next {
                    // A file the configuration names is followed within the run's reach only
                    // (source::reach): its text joins the input's and may be shown.
                    Some(n) => {
                        path = normalize(&super::beside(&shown, &n));
                        if super::is_absolute(&n) || crate::source::reach::within(&path).is_err() {
                            break;
                        }
                    }
                    None => break,
                }
            }
            return out;
        }
        // Up one directory, until the file system's root.
        let here = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir.as_path()
        };
        match std::fs::canonicalize(here) {
            Ok(abs) if abs.parent().is_some() => dir = normalize(&dir.join("..")),
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_encoded_as_bicep_encodes_them() {
        // Azure/bicep src/Bicep.Core.UnitTests/Registry/TagEncoderTests.cs
        assert_eq!(encode_tag(""), "$");
        assert_eq!(encode_tag("v1"), "v1$");
        assert_eq!(encode_tag("V1"), "V1$1");
        assert_eq!(encode_tag("AbCd"), "AbCd$5");
        assert_eq!(encode_tag("ABCDABCDABCDABCDAB"), "ABCDABCDABCDABCDAB$3ffff");
        let long = "A".repeat(65);
        assert_eq!(encode_tag(&long), format!("{long}$1ffffffffffffffff"));
    }

    #[test]
    fn builtin_public_alias_and_merged_aliases() {
        let c = Config::default();
        assert_eq!(
            c.cache_entry("br/public:avm/res/network/virtual-network:0.5.1")
                .unwrap(),
            Some(PathBuf::from(
                "br/mcr.microsoft.com/bicep$avm$res$network$virtual-network/0.5.1$/main.json"
            ))
        );
        let leaf = r#"{
          // a comment, as Bicep allows
          "moduleAliases": {
            "br": {"contoso": {"registry": "Contoso.azurecr.io", "modulePath": "bicep/modules"},
                   "public": {"registry": "mirror.example.com"}},
            "ts": {"specs": {"subscription": "00000000-0000-0000-0000-000000000000", "resourceGroup": "Specs-RG"}}
          },
          "cacheRootDirectory": "/tmp/bicep-cache"
        }"#;
        let c = Config::merged(&[leaf]);
        assert_eq!(
            c.cache_entry("br/contoso:vnet:V2").unwrap(),
            Some(PathBuf::from(
                "br/contoso.azurecr.io/bicep$modules$vnet/V2$1/main.json"
            ))
        );
        // Merged key by key: the public alias keeps the built-in module path.
        assert_eq!(
            c.cache_entry("br/public:x:1.0").unwrap(),
            Some(PathBuf::from("br/mirror.example.com/bicep$x/1.0$/main.json"))
        );
        assert_eq!(
            c.cache_entry("ts/specs:Net:1.0").unwrap(),
            Some(PathBuf::from(
                "ts/00000000-0000-0000-0000-000000000000/specs-rg/net/1.0/main.json"
            ))
        );
        assert_eq!(c.cache_root, Some(PathBuf::from("/tmp/bicep-cache")));
        assert!(c.cache_entry("br/nope:x:1").unwrap_err().contains("br/nope"));
        assert_eq!(c.cache_entry("./local.bicep").unwrap(), None);
        assert_eq!(
            c.cache_entry("br:example.com:5000/a/b@sha256:abc").unwrap(),
            Some(PathBuf::from("br/example.com$5000/a$b/sha256#abc/main.json"))
        );
    }

    #[test]
    fn nearest_configuration_is_found_lexically() {
        assert_eq!(levels_up(Path::new("a/b"), Path::new("a")), Some(1));
        assert_eq!(levels_up(Path::new("a/b"), Path::new("")), Some(2));
        assert_eq!(levels_up(Path::new(""), Path::new("..")), Some(1));
        assert_eq!(levels_up(Path::new("../x"), Path::new("../..")), Some(2));
        assert_eq!(levels_up(Path::new("a"), Path::new("b")), None);
        assert_eq!(levels_up(Path::new("../x"), Path::new("../y")), None);
    }
}
