//! Which files a `.tf` directory is: its configuration, its variable files in Terraform's
//! order, and the directories of the modules it calls: local ones found by following
//! `source`, registry and git ones where `terraform init` installed them (the manifest,
//! `.terraform/modules/modules.json`).
//! The only part of the `.tf` reader that touches the file system: the rest reads
//! [`SourceFile`]s, so tests and the fuzzer need no directory.

use crate::source::SourceFile;
use hcl_edit::structure::Body;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// More files than any real root module and its local modules hold; reading stops here.
pub const MAX_FILES: usize = 5_000;
/// A configuration's files together are held to the limit of one input file.
const MAX_BYTES: u64 = crate::source::read::MAX_FILE_BYTES;
/// One `.tf` or `.tf.json` file is held to this, for memory: a `.tf` file takes 33 to 54
/// times its size at the peak of its reading (hcl-edit's tree most of it, the evaluated
/// resources the rest; BENCHMARKS.md, issue 19), so the largest `.tf` file allowed is read
/// in under 500 MB (about 455 MB of the smallest resources, 295 MB of plain subnets). A
/// `.tf.json` file of resources written as `"name": {}` is not held so: 15 bytes a resource,
/// 3 GB at this size (its own issue). No configuration file, written or generated, comes
/// near it; a larger one is refused at once rather than parsed.
pub const MAX_CONFIG_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Local modules nest a few levels in practice; a `source` that leads round in circles
/// through new paths (symbolic links) ends here.
pub const MAX_MODULE_DEPTH: usize = 16;

/// The sources of one `.tf` input, numbered as the reader expects: 0 is the directory itself
/// (no text), then the root module's `.tf` files by name, then its variable files in the
/// order Terraform applies them (`terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
/// and `*.auto.tfvars.json` by name, then each `--var-file` as given), then the manifest
/// of installed modules when `terraform init` has run, then the `.tf` files of each module
/// directory (local, or installed).
pub fn collect(dir: &Path, var_files: &[PathBuf]) -> Result<Vec<SourceFile>, String> {
    let root = normalize(&dir.to_string_lossy());
    let mut reader = Reader::default();
    let mut sources = vec![SourceFile::new(root.clone(), "")];
    let names = list(dir)?;
    if !names.iter().any(|n| is_config(n)) {
        return Err(format!("{root} holds no .tf files"));
    }
    for name in names.iter().filter(|n| is_config(n)) {
        sources.push(reader.read(&join(&root, name))?);
    }
    let auto = |n: &&String| n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json");
    let vars = ["terraform.tfvars", "terraform.tfvars.json"]
        .into_iter()
        .filter(|n| names.iter().any(|m| m == n))
        .map(str::to_string)
        .chain(names.iter().filter(auto).cloned());
    for name in vars {
        sources.push(reader.read(&join(&root, &name))?);
    }
    for file in var_files {
        let path = file.to_string_lossy().into_owned();
        if is_config(&path) {
            return Err(format!(
                "--var-file {path}: a variable file holds values (.tfvars), not configuration"
            ));
        }
        sources.push(reader.read(&path)?);
    }
    // A manifest that does not parse is the reader's finding; it installs nothing here.
    let manifest_path = join(&root, super::manifest::PATH);
    let mut manifest = None;
    if Path::new(&manifest_path).is_file() {
        let source = reader.read(&manifest_path)?;
        manifest = super::manifest::Manifest::parse(&root, &source.text).ok();
        sources.push(source);
    }
    // Directories are told apart as the file system resolves them. One reached through a
    // second path (a symbolic link) is another module of the same files, as in Terraform:
    // its files are taken from memory, not read again. One that leads back to a directory
    // calling it is a cycle, which Terraform cannot install either: it is not read, and the
    // reader reports the cycle at the call's `source` ([`same_directory`]).
    let root_id = identity(&root);
    let mut read: HashMap<PathBuf, std::ops::Range<usize>> = HashMap::new();
    read.insert(root_id.clone(), 1..1 + config_count(&names));
    let mut seen = HashSet::from([root.clone()]);
    let mut pending: Vec<(String, Vec<PathBuf>)> = module_dirs(&root, &sources[1..], manifest.as_ref())
        .into_iter()
        .map(|d| (d, vec![root_id.clone()]))
        .collect();
    while let Some((module_dir, callers)) = pending.pop() {
        if callers.len() > MAX_MODULE_DEPTH || !seen.insert(module_dir.clone()) {
            continue;
        }
        // A `source` out of the run's reach is not followed (source::reach); the call says so.
        if crate::source::reach::within(Path::new(&module_dir)).is_err() {
            continue;
        }
        let id = identity(&module_dir);
        if callers.contains(&id) {
            continue;
        }
        let first = sources.len();
        if let Some(same) = read.get(&id).cloned() {
            for i in same {
                let name = sources[i].path.rsplit('/').next().unwrap_or_default().to_string();
                let text = sources[i].text.clone();
                reader.count(text.len())?;
                sources.push(SourceFile::new(join(&module_dir, &name), text));
            }
        } else {
            // A missing module directory is the reader's finding, at the `source` naming it.
            let Ok(names) = list(Path::new(&module_dir)) else {
                continue;
            };
            for name in names.iter().filter(|n| is_config(n)) {
                sources.push(reader.read(&join(&module_dir, name))?);
            }
            read.insert(id.clone(), first..sources.len());
        }
        let nested = module_dirs(&module_dir, &sources[first..], manifest.as_ref());
        let mut chain = callers;
        chain.push(id);
        pending.extend(nested.into_iter().map(|d| (d, chain.clone())));
    }
    Ok(sources)
}

/// A directory as the file system resolves it; as written when it does not resolve (the
/// reader reports a missing module at the `source` that names it).
fn identity(dir: &str) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| PathBuf::from(normalize(dir)))
}

/// Which of `dirs` (module directories the reader has files of) the file system resolves
/// `dir` to: a `source` through a symbolic link that leads back to a directory calling it is
/// not read ([`collect`]), and is that directory's module, so the reader reports the cycle
/// as it reports one written with `../`. `None` when `dir` does not resolve, or resolves to
/// none of them.
pub fn same_directory(dir: &str, dirs: &[String]) -> Option<usize> {
    let id = std::fs::canonicalize(dir).ok()?;
    dirs.iter()
        .position(|d| std::fs::canonicalize(d).is_ok_and(|d| d == id))
}

fn config_count(names: &[String]) -> usize {
    names.iter().filter(|n| is_config(n)).count()
}

/// A configuration file: `.tf`, or `.tf.json` in Terraform's JSON syntax.
pub fn is_config(name: &str) -> bool {
    name.ends_with(".tf") || name.ends_with(".tf.json")
}

/// An override file (`override.tf`, `*_override.tf` and their `.tf.json` forms), which
/// Terraform merges into the blocks it names (config::merge_override).
pub fn is_override(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name
        .strip_suffix(".tf.json")
        .or_else(|| name.strip_suffix(".tf"))
        .unwrap_or("");
    stem == "override" || stem.ends_with("_override")
}

/// Directories of the modules that these files of `dir` call, in order of appearance: local
/// ones, and those `terraform init` installed when its manifest is given.
pub fn module_dirs(
    dir: &str,
    files: &[SourceFile],
    manifest: Option<&super::manifest::Manifest>,
) -> Vec<String> {
    let mut dirs = Vec::new();
    for file in files.iter().filter(|f| is_config(&f.path)) {
        // A `.tf.json` file calls modules as the HCL it stands for does; one that does not
        // convert is reported by the reader and calls nothing here.
        let converted;
        let text = if super::tfjson::is_json(&file.path) {
            match super::tfjson::convert(file, 0) {
                Ok(c) => {
                    converted = c.hcl;
                    converted.as_str()
                }
                Err(_) => continue,
            }
        } else {
            file.text.as_str()
        };
        for (name, source) in module_sources(text).iter() {
            let target = local_module_dir(dir, source).or_else(|| {
                manifest
                    .and_then(|m| m.installed(dir, name))
                    .map(|i| i.dir.clone())
            });
            if let Some(target) = target {
                if !dirs.contains(&target) {
                    dirs.push(target);
                }
            }
        }
    }
    dirs
}

/// Texts whose module sources are kept; past it they are parsed each time.
const KEPT_TEXTS: usize = 100_000;

/// The name and literal `source` of every `module` block of a file's text, in order. A directory walk
/// asks this of every `.tf` file to tell root modules from the modules they call, and reading
/// each root asks it again of the same files: the answer is kept by text, so each file is
/// parsed for it once (a walk of 200 root modules spent a third of its parsing here).
fn module_sources(text: &str) -> std::sync::Arc<[(String, String)]> {
    type Kept = std::sync::Mutex<HashMap<Box<str>, std::sync::Arc<[(String, String)]>>>;
    static KEPT: std::sync::OnceLock<Kept> = std::sync::OnceLock::new();
    let kept = KEPT.get_or_init(Kept::default);
    if let Some(sources) = kept.lock().ok().and_then(|k| k.get(text).cloned()) {
        return sources;
    }
    // A file that does not parse is reported by the reader; it calls nothing here.
    let sources: std::sync::Arc<[(String, String)]> =
        match may_call_modules(text).then(|| parsed(text, Parse::Discover)) {
            None => std::sync::Arc::from([]),
            Some(Ok(body)) => body
                .blocks()
                .filter(|b| b.ident.as_str() == "module")
                .filter_map(|b| {
                    let name = b.labels.first()?.as_str().to_string();
                    let source = b.body.get_attribute("source")?.value.as_str()?.to_string();
                    Some((name, source))
                })
                .collect(),
            Some(Err(_)) => std::sync::Arc::from([]),
        };
    if let Ok(mut k) = kept.lock() {
        if k.len() < KEPT_TEXTS {
            k.insert(text.into(), sources.clone());
        }
    }
    sources
}

/// Whether a text may hold a `module` block, without parsing it: a block is an item of the
/// file's body, and HCL starts every item on a line of its own, so a block's `module` starts
/// a line, or follows a `/* … */` comment on it. A file with neither (most files: variables,
/// outputs, a root's resources) calls no module, and the walk's discovery does not parse it.
fn may_call_modules(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"*/").is_some()
        || text.lines().any(|line| {
            line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .starts_with("module")
        })
}

pub use crate::input::once::Parse;

/// Text kept parsed, in bytes ([`parsed`]). A tree takes about 25 times its text, so what is
/// kept stays under about 100 MB, and only in a repository whose files are that large; past
/// it, a file is parsed again when it is read.
const KEPT_PARSED_BYTES: usize = 4 << 20;

static KEPT: crate::input::once::Kept<Body> = crate::input::once::Kept::new(KEPT_PARSED_BYTES);

/// How many `.tf` texts this process has parsed ([`parsed`]).
pub fn parses() -> u64 {
    KEPT.parses()
}

/// A `.tf` text parsed by hcl-edit, once per text for the process where it can be
/// ([`crate::input::once`]): a walk's discovery parses every file for its module calls and
/// the reader then reads the same tree, and every root module of a walk that calls
/// `modules/network` reads that module's one tree (the spans are offsets in the text,
/// whatever the file's place among a root's sources). The walk parsed each file twice and
/// each module once per root that called it, three times the bytes of one parse; a text
/// that does not parse is not kept.
pub fn parsed(text: &str, how: Parse) -> Result<Arc<Body>, hcl_edit::parser::Error> {
    KEPT.parsed(text, how, hcl_edit::parser::parse_body)
}

/// The directory a local `source` (`./x`, `../x`) names, from the calling module's directory;
/// `None` for registry and remote sources, which cniplan does not fetch.
pub fn local_module_dir(dir: &str, source: &str) -> Option<String> {
    let local = source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
    local.then(|| normalize(&join(dir, source)))
}

pub fn join(dir: &str, name: &str) -> String {
    Path::new(dir).join(name).to_string_lossy().into_owned()
}

/// The directory part of a file's path ("." for a bare name).
pub fn parent(path: &str) -> String {
    match Path::new(path).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_string_lossy().into_owned(),
        _ => ".".to_string(),
    }
}

/// A path with `.` and `x/..` removed without asking the file system, so the same directory
/// reached two ways has one name, here and in the reader, which reads no directory.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<Component> = Vec::new();
    for component in Path::new(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => parts.push(component),
            },
            other => parts.push(other),
        }
    }
    let joined: PathBuf = parts.iter().collect();
    let text = joined.to_string_lossy().into_owned();
    if text.is_empty() {
        ".".to_string()
    } else {
        text
    }
}

/// File names in a directory, sorted (Terraform reads a module's files in lexical order).
fn list(dir: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
        if entry.file_type().is_ok_and(|t| !t.is_dir()) {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Reads files within the limits on their number and total size.
#[derive(Default)]
struct Reader {
    files: usize,
    bytes: u64,
}

impl Reader {
    /// Counts one more file of `len` bytes against the limits of a configuration.
    fn count(&mut self, len: usize) -> Result<(), String> {
        self.files += 1;
        if self.files > MAX_FILES {
            return Err(format!(
                "more than {MAX_FILES} .tf and variable files; no configuration is that large"
            ));
        }
        self.bytes += len as u64;
        if self.bytes > MAX_BYTES {
            return Err(format!(
                "the .tf files are larger than {} MiB together; no configuration is that large",
                MAX_BYTES / 1024 / 1024
            ));
        }
        Ok(())
    }

    fn read(&mut self, path: &str) -> Result<SourceFile, String> {
        // A file of a configuration may be a link to a file shared by several roots; one that
        // leads out of the run's reach (`main.tf -> /etc/passwd`, a key in the home directory)
        // would show its lines in a finding's snippet, so it is refused as a module `source`
        // out of reach is not followed.
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            match crate::source::reach::within(Path::new(path)) {
                Err(outside @ crate::source::reach::Outside::Beyond) => {
                    return Err(format!("{}; {}", outside.message(path), outside.help()));
                }
                Err(outside) => return Err(outside.message(path)),
                Ok(_) => {}
            }
        }
        let bytes = crate::source::read::read_file(Path::new(path), path)?;
        if is_config(path) && bytes.len() as u64 > MAX_CONFIG_FILE_BYTES {
            // In bytes: a file just past the limit is as many whole MiB as the limit.
            return Err(format!(
                "{path}: a configuration file of {} bytes; cniplan reads `.tf` and `.tf.json` files of at most {} MiB ({} bytes)",
                crate::numbers::thousands(bytes.len() as u64),
                MAX_CONFIG_FILE_BYTES >> 20,
                crate::numbers::thousands(MAX_CONFIG_FILE_BYTES)
            ));
        }
        self.count(bytes.len())?;
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(path, text)),
            Err(e) => {
                let lossy = String::from_utf8_lossy(bytes);
                let at = SourceFile::new(path, lossy).position(e.valid_up_to());
                // Terraform refuses such a file too; nothing in it can be read reliably.
                Err(format!("{path}:{at}: the file is not UTF-8 text"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_text_that_may_call_a_module_is_parsed_for_its_calls() {
        assert!(may_call_modules("module \"net\" {\n  source = \"./net\"\n}\n"));
        assert!(may_call_modules("\u{feff}  module \"net\" {}\n"));
        // A block comment may stand before the block on its line: parsed, to be sure.
        assert!(may_call_modules("/* x */ module \"net\" {}\n"));
        let plain = "variable \"modules\" {}\noutput \"o\" {\n  value = module.net.id\n}\n";
        assert!(!may_call_modules(plain));
        assert!(module_sources(plain).is_empty());
        let calls = "locals {}\nmodule \"net\" {\n  source = \"../net\"\n}\n";
        assert_eq!(
            &module_sources(calls)[..],
            &[("net".to_string(), "../net".to_string())]
        );
    }

    #[test]
    fn a_tree_is_shared_by_the_roots_that_call_a_module_and_handed_once_to_a_root() {
        let module = "resource \"azurerm_subnet\" \"shared_by_roots\" {}\n";
        let a = parsed(module, Parse::Module).unwrap();
        let b = parsed(module, Parse::Module).unwrap();
        assert!(Arc::ptr_eq(&a, &b), "a module's files are parsed once");
        let root = "resource \"azurerm_subnet\" \"found_by_the_walk\" {}\n";
        let found = parsed(root, Parse::Discover).unwrap();
        let read = parsed(root, Parse::Root).unwrap();
        assert!(
            Arc::ptr_eq(&found, &read),
            "the walk's tree is the one the root reads"
        );
        let again = parsed(root, Parse::Root).unwrap();
        assert!(
            !Arc::ptr_eq(&read, &again),
            "a root's tree is not kept after it is read"
        );
        assert!(parsed("resource {", Parse::Module).is_err());
    }

    #[test]
    fn paths_are_normalized_without_the_file_system() {
        assert_eq!(normalize("a/./b/../c"), "a/c");
        assert_eq!(normalize("a/examples/startup/../.."), "a");
        assert_eq!(normalize("../x/./y"), "../x/y");
        assert_eq!(normalize("./"), ".");
        assert_eq!(normalize("/a/../.."), "/");
        assert_eq!(
            local_module_dir("root", "./modules/net").as_deref(),
            Some("root/modules/net")
        );
        assert_eq!(
            local_module_dir("root/examples/x", "../..").as_deref(),
            Some("root")
        );
        assert_eq!(local_module_dir("root", "Azure/aks/azurerm"), None);
        assert_eq!(local_module_dir("root", "git::https://example.com/x.git"), None);
        assert_eq!(parent("main.tf"), ".");
        assert_eq!(parent("a/b/main.tf"), "a/b");
        assert!(is_config("main.tf") && is_config("x.tf.json") && !is_config("x.tfvars.json"));
        assert!(is_override("override.tf") && is_override("a/net_override.tf.json"));
        assert!(!is_override("main.tf") && !is_override("overrides.tf") && !is_override("override.tfvars"));
    }
}
