//! `.cniplan.yaml`: a repository's settings for cniplan — per-rule severity or `off`, the
//! headroom warning, and which plan files a directory walk takes. Found upward from the
//! working directory, or named with `--config`.

use crate::diagnostic::Rule;
use crate::diagnostic::{Finding, Severity};
use crate::input::de::{Reader, StructInfo};
use crate::input::yaml;
use crate::source::SourceFile;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = ".cniplan.yaml";

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    headroom_warning: Option<f64>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    force_exclude: bool,
    /// Read from the span tree by `input::deployments`, which keeps the inline values' places.
    #[serde(default, rename = "deployments")]
    _deployments: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "terraform")]
    _terraform: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    karpenter: Vec<KarpenterEntry>,
}

/// `karpenter:` an entry: the Karpenter manifests a glob matches run in the cluster named.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KarpenterEntry {
    manifests: String,
    cluster: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Note,
    Off,
}

/// Settings in force for a run; the default is every rule at its default severity.
#[derive(Debug, Default, Clone)]
pub struct Settings {
    /// A rule's severity, or `None` when it is off; rules not listed keep their default.
    severities: BTreeMap<Rule, Option<Severity>>,
    /// Used where a plan does not set `allocation.headroom_warning` itself.
    pub headroom_warning: Option<f64>,
    /// Globs a directory walk takes plan files by, and leaves out.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// `exclude` also leaves out files named on the command line (as pre-commit names the
    /// changed files), not only what a walk finds: ruff's `force-exclude`.
    pub force_exclude: bool,
    /// The run writes or prints fixes (`check --fix`, `--diff`): their verification may
    /// check the input again more often than a plain check's (`fix::verify`).
    pub fixing: bool,
    /// The deployments and Terraform roots the file lists, when it lists any.
    pub estates: Option<Estates>,
    /// `karpenter:`: the cluster (its name, Terraform address or resource ID) whose
    /// NodePools the manifests a glob matches are, for estates with several clusters that
    /// provision nodes automatically (docs/karpenter.md). Globs match from the working
    /// directory, as `include` and `exclude` do.
    pub karpenter: Vec<(String, String)>,
}

/// What `deployments:` and `terraform:` name, as paths a run reads (relative to the
/// configuration's directory as written, joined to the configuration's path).
#[derive(Debug, Default, Clone)]
pub struct Estates {
    /// The configuration file, as the estate's first source is named.
    pub config: String,
    /// Whether `deployments:` lists any deployment: they are then checked as one estate.
    pub deployments: bool,
    /// Every template and parameters file of the deployments: a walk does not check them
    /// again on their own.
    pub files: Vec<PathBuf>,
    /// Each Terraform entry: the root's directory and its variable files.
    pub terraform: Vec<(String, Vec<String>)>,
}

impl Estates {
    /// The directory the configuration sits in.
    pub fn dir(&self) -> PathBuf {
        let dir = Path::new(&self.config).parent().unwrap_or(Path::new("."));
        if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir.to_path_buf()
        }
    }
}

impl Settings {
    /// The cluster `karpenter:` names for a manifest at `path`: the first entry whose glob
    /// matches it.
    pub fn karpenter_cluster(&self, path: &str) -> Option<&str> {
        let relative = path.strip_prefix("./").unwrap_or(path);
        self.karpenter.iter().find_map(|(glob, cluster)| {
            let mut built = ignore::overrides::OverrideBuilder::new(".");
            built.add(glob).ok()?;
            let matcher = built.build().ok()?;
            matcher
                .matched(relative, false)
                .is_whitelist()
                .then_some(cluster.as_str())
        })
    }

    /// Drops findings of rules turned off and gives the others their configured severity.
    pub fn adjust(&self, findings: Vec<Finding>) -> Vec<Finding> {
        if self.severities.is_empty() {
            return findings;
        }
        findings
            .into_iter()
            .filter_map(|f| match self.severities.get(&f.rule) {
                None => Some(f),
                Some(None) => None,
                Some(Some(severity)) => Some(f.severity(*severity)),
            })
            .collect()
    }
}

/// `.cniplan.yaml` in `start` or the nearest directory above it. Anything but a directory
/// by that name is the configuration, so that a pipe or a device is refused by [`load`]
/// with a message instead of passed over for another file or none, without a word.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| !m.is_dir()))
}

/// Reads a configuration file; every mistake is an error naming the file, line and column.
pub fn load(path: &Path) -> Result<Settings, String> {
    let shown = shown_relative(&path.display().to_string());
    let bytes = crate::source::read::read_file(path, &shown)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{shown} is not UTF-8 text"))?;
    let source = SourceFile::new(shown.clone(), text);
    let located = |span: crate::diagnostic::Span, message: &str| {
        format!("{shown}:{}: {message}", source.position(span.start))
    };
    let document = yaml::parse(&source, 0).map_err(|e| located(e.span, &e.message))?;
    let mut errors: Vec<String> = Vec::new();
    // An empty file, or one holding only comments, sets nothing.
    let file: File = match &document.root {
        None => File::default(),
        Some(root) => {
            let structs = BTreeMap::from([
                (
                    "File",
                    StructInfo {
                        description: FILE_NAME,
                        required: Vec::new(),
                    },
                ),
                (
                    "KarpenterEntry",
                    StructInfo {
                        description: "a `karpenter` entry",
                        required: vec!["manifests".to_string(), "cluster".to_string()],
                    },
                ),
            ]);
            let (file, findings) = Reader::new(&source.text, &structs).read::<File>(root);
            // Every mistake of the file in one run, as a linter shows a plan's.
            for f in &findings {
                let help = f.help.as_deref().map_or(String::new(), |h| format!("; {h}"));
                errors.push(located(
                    f.span.unwrap_or_default(),
                    &format!("{}{help}", f.message),
                ));
            }
            file.unwrap_or_default()
        }
    };
    let mut severities = BTreeMap::new();
    for (name, level) in file.rules {
        let Some(rule) = Rule::from_name(&name) else {
            let near = crate::suggest::nearest(&name, Rule::ALL.iter().map(|r| r.name()));
            let hint = near.map_or(String::from("`cniplan rules` lists them"), |n| {
                format!("did you mean `{n}`?")
            });
            errors.push(format!(
                "{shown}: `rules` names `{name}`, which is no cniplan rule; {hint}"
            ));
            continue;
        };
        let severity = match level {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Note => Some(Severity::Note),
            Level::Off => None,
        };
        severities.insert(rule, severity);
    }
    let estates = match &document.root {
        Some(root) => estates(root, &shown, &located, &mut errors),
        None => None,
    };
    if let Some(h) = file.headroom_warning.filter(|h| !(*h > 0.0 && *h <= 1.0)) {
        errors.push(format!(
            "{shown}: `headroom_warning` {h} is not a fraction in (0, 1]"
        ));
    }
    for entry in &file.karpenter {
        let mut built = ignore::overrides::OverrideBuilder::new(".");
        if let Err(e) = built.add(&entry.manifests).and_then(|b| b.build().map(|_| ())) {
            errors.push(format!(
                "{shown}: `karpenter` glob `{}` is no glob: {e}",
                entry.manifests
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    Ok(Settings {
        severities,
        headroom_warning: file.headroom_warning,
        include: file.include,
        exclude: file.exclude,
        force_exclude: file.force_exclude,
        fixing: false,
        estates,
        karpenter: file
            .karpenter
            .into_iter()
            .map(|e| (e.manifests, e.cluster))
            .collect(),
    })
}

/// Why a file (a directory when `dir`) a deployment names cannot be read, if it cannot: out
/// of the run's reach (`source::reach`, judged first, so nothing is told of a file outside),
/// missing, a cycle of symbolic links, or no regular file (a named pipe, a device).
fn not_usable(path: &Path, dir: bool) -> Option<String> {
    let shown = crate::source::visible(&path.to_string_lossy()).into_owned();
    if let Err(outside) = crate::source::reach::within(path) {
        return Some(format!("is not read: {}", outside.message(&shown)));
    }
    match std::fs::metadata(path) {
        Ok(m) if dir && m.is_dir() => None,
        Ok(m) if !dir && m.is_file() => None,
        Ok(_) if dir => Some(format!("is not a directory: {shown}")),
        Ok(_) => Some(format!(
            "cannot be read: {shown} is {}, not a regular file",
            crate::source::read::not_regular(path).unwrap_or("a special file")
        )),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => Some(format!(
            "cannot be read: {shown} is a symbolic link that leads back to itself, a cycle of links"
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(format!(
            "is not found: {shown} does not exist{}",
            if dir { " or is no directory" } else { "" }
        )),
        Err(e) => Some(format!("cannot be read: {shown}: {e}")),
    }
}

/// The deployments and Terraform roots listed, each file they name found, or the mistakes.
fn estates(
    root: &crate::input::tree::Node<'_>,
    shown: &str,
    located: &dyn Fn(crate::diagnostic::Span, &str) -> String,
    errors: &mut Vec<String>,
) -> Option<Estates> {
    use crate::input::deployments::{self, Parameters};
    let (listed, mistakes) = deployments::read(root);
    errors.extend(mistakes.iter().map(|(span, m)| located(*span, m)));
    if listed.deployments.is_empty() && listed.terraform.is_empty() {
        return None;
    }
    let config = shown.to_string();
    let mut found = |written: &crate::diagnostic::Spanned<String>, what: &str, dir: bool| {
        let path = deployments::path_of(&config, &written.value);
        if let Some(why) = not_usable(Path::new(&path), dir) {
            errors.push(located(
                written.span,
                &format!("{what} `{}` {why}", written.value),
            ));
        }
        path
    };
    let mut files = Vec::new();
    for d in &listed.deployments {
        files.push(found(&d.template, "the template", false));
        for p in &d.parameters {
            if let Parameters::File(f) = p {
                files.push(found(f, "the parameters file", false));
            }
        }
    }
    let terraform = listed
        .terraform
        .iter()
        .map(|t| {
            let root = found(&t.root, "the Terraform root", true);
            let vars = t
                .var_files
                .iter()
                .map(|v| found(v, "the variable file", false))
                .collect();
            (root, vars)
        })
        .collect();
    Some(Estates {
        config,
        deployments: !listed.deployments.is_empty(),
        files: files
            .iter()
            .filter_map(|f| std::fs::canonicalize(f).ok())
            .collect(),
        terraform,
    })
}

/// The configuration's path as a run shows it: relative to the working directory when it
/// lies under it (`.cniplan.yaml`, not the absolute path `find` gives).
fn shown_relative(shown: &str) -> String {
    let path = Path::new(shown);
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| shown.to_string(), |p| p.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Settings, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        load(&path)
    }

    #[test]
    fn karpenter_entries_name_a_cluster_per_glob() {
        let settings = load_text("karpenter:\n  - manifests: \"k8s/prod/*.yaml\"\n    cluster: aks-prod\n  - manifests: \"k8s/**\"\n    cluster: aks-dev\n").unwrap();
        assert_eq!(
            settings.karpenter_cluster("./k8s/prod/nodepools.yaml"),
            Some("aks-prod")
        );
        assert_eq!(settings.karpenter_cluster("k8s/dev/nap.yaml"), Some("aks-dev"));
        assert_eq!(settings.karpenter_cluster("other/nap.yaml"), None);
        let missing = load_text("karpenter:\n  - manifests: \"k8s/*.yaml\"\n").unwrap_err();
        assert!(missing.contains("cluster"), "{missing}");
        let bad = load_text("karpenter:\n  - manifests: \"k8s/[\"\n    cluster: x\n").unwrap_err();
        assert!(bad.contains("is no glob"), "{bad}");
    }

    #[test]
    fn severities_and_off() {
        let s = load_text("rules:\n  subnet-headroom: error\n  vnet-overlap: off\n").unwrap();
        let span = crate::diagnostic::Span::new(0, 1);
        let findings = vec![
            Finding::new(Rule::SubnetHeadroom, span, "a"),
            Finding::new(Rule::VnetOverlap, span, "b"),
            Finding::new(Rule::SubnetOverlap, span, "c"),
        ];
        let adjusted: Vec<(Rule, Severity)> =
            s.adjust(findings).iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            adjusted,
            vec![
                (Rule::SubnetHeadroom, Severity::Error),
                (Rule::SubnetOverlap, Severity::Error)
            ]
        );
    }

    #[test]
    fn mistakes_are_errors_with_a_suggestion() {
        let err = load_text("rule:\n  subnet-headroom: off\n").unwrap_err();
        assert!(
            err.contains("1:1: unknown key `rule`") && err.contains("did you mean `rules`?"),
            "{err}"
        );
        let err = load_text("rules:\n  subnet-headrom: off\n").unwrap_err();
        assert!(err.contains("did you mean `subnet-headroom`?"), "{err}");
        let err = load_text("rules:\n  subnet-headroom: loud\n").unwrap_err();
        assert!(err.contains("2:20: `subnet-headroom` must be one of"), "{err}");
        assert!(load_text("headroom_warning: 2\n").is_err());
        // Every mistake in one run, each located.
        let err = load_text(
            "rules:\n  no-such-rule: off\n  subnet-headroom: loud\nheadroom_warning: 2\nunknown_key: 1\n",
        )
        .unwrap_err();
        assert_eq!(err.lines().count(), 4, "{err}");
        assert!(err.contains("`rules` names `no-such-rule`"), "{err}");
        assert!(err.contains("3:20: `subnet-headroom` must be one of"), "{err}");
        assert!(err.contains("5:1: unknown key `unknown_key`"), "{err}");
        assert!(err.contains("`headroom_warning` 2 is not a fraction"), "{err}");
        assert!(load_text("# nothing yet\n").is_ok());
    }

    #[test]
    fn found_upward_from_a_subdirectory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "include: ['**/*.yaml']\n").unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(find(&deep), Some(dir.path().join(FILE_NAME)));
    }
}
