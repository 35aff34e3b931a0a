//! Which plan files a command line names, and reading them.

use crate::config::Settings;
use crate::diagnostic::Span;
use crate::source::SourceFile;
use std::path::Path;

/// File names picked when walking a directory (docs/commands.md), and Terraform plans in JSON
/// (`terraform show -json tfplan > tfplan.json`, or `NAME.tfplan.json`).
pub fn is_plan_file_name(name: &str) -> bool {
    // `.cniplan.yaml` itself is the configuration file, not a plan.
    let named = |suffix: &str| name.len() > suffix.len() && name.ends_with(suffix);
    name == "cniplan.yaml"
        || named(".cniplan.yaml")
        || named(".cniplan.yml")
        || name == "tfplan.json"
        || named(".tfplan.json")
}

/// The inputs the paths name, each the paths read as one estate: a file named directly
/// (a `.tf` file stands for its directory, a parameters file for its template with it, as
/// pre-commit names changed files: `discover::named`); under a
/// directory, every input a walk finds (honouring .gitignore, skipping hidden directories,
/// then the configuration's include/exclude globs: `discover` says which), each directory's
/// in sorted order, each input once.
pub fn expand(paths: &[String], settings: &Settings) -> Result<Vec<Vec<String>>, String> {
    if paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err("`-` (standard input) can be given once".to_string());
    }
    let mut inputs = Vec::new();
    for path in paths {
        if force_excluded(path, settings) {
            continue;
        }
        if path == "-" || !Path::new(path).is_dir() {
            inputs.push(if path == "-" {
                vec![path.clone()]
            } else {
                super::discover::named(path)
            });
            continue;
        }
        let mut found = walk(path, settings)?;
        // The walk runs on every core and finds files in any order; output is by path.
        found.plans.sort();
        found.tf_files.sort();
        found.json_files.sort();
        found.bicep_files.sort();
        found.yaml_files.sort();
        inputs.extend(super::discover::inputs(found));
    }
    Ok(once_each(inputs))
}

/// A file named on the command line that `exclude` leaves out under `force_exclude`; the
/// globs are matched from the working directory (pre-commit runs at the repository's root).
pub fn force_excluded(path: &str, settings: &Settings) -> bool {
    if !settings.force_exclude || settings.exclude.is_empty() || path == "-" || Path::new(path).is_dir() {
        return false;
    }
    let relative = path.strip_prefix("./").unwrap_or(path);
    globs(".", &settings.exclude, "!").is_ok_and(|g| g.matched(relative, false).is_ignore())
}

/// The files with each one kept where it is first named: `a.yaml a.yaml`, or a file and its
/// directory, would otherwise report every finding twice. Paths are compared as the file
/// system resolves them (`./a.yaml`, `dir/../a.yaml`, a symlink); a path that does not
/// resolve is kept as written, for `read` to report.
fn once_each(inputs: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .filter(|paths| {
            let key: Vec<std::path::PathBuf> = paths
                .iter()
                .map(|path| match path.as_str() {
                    "-" => std::path::PathBuf::from(path),
                    _ => std::fs::canonicalize(path).unwrap_or_else(|_| path.into()),
                })
                .collect();
            seen.insert(key)
        })
        .collect()
}

/// The files under `root` that may be inputs, walked in parallel (a tree of a thousand plans
/// is mostly directory reads).
fn walk(root: &str, settings: &Settings) -> Result<super::discover::Found, String> {
    let include = globs(root, &settings.include, "")?;
    let exclude = globs(root, &settings.exclude, "!")?;
    let found = std::sync::Mutex::new(super::discover::Found::default());
    let error = std::sync::Mutex::new(None);
    let refused = std::sync::Mutex::new(Vec::new());
    let mut walker = ignore::WalkBuilder::new(root);
    // Only excludes go in as the walk's override: an override's whitelist beats .gitignore
    // and hidden-file skipping, and an include must not bring `vendor/` or `.git/` back.
    // .gitignore counts outside a git checkout too (a plan tree copied or unpacked in CI).
    // As many walkers as rayon has workers, so RAYON_NUM_THREADS bounds the whole run.
    walker
        .overrides(exclude)
        .require_git(false)
        .threads(rayon::current_num_threads());
    walker.build_parallel().run(|| {
        Box::new(|entry| {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    *error.lock().unwrap_or_else(|p| p.into_inner()) =
                        Some(format!("cannot walk {root}: {e}"));
                    return ignore::WalkState::Quit;
                }
            };
            let name = entry.file_name().to_string_lossy();
            // Include globs widen the choice beyond the plan file names; excludes narrow it.
            let chosen = if settings.include.is_empty() {
                is_plan_file_name(&name)
            } else {
                include.matched(entry.path(), false).is_whitelist()
            };
            let Some(file_type) = entry.file_type() else {
                return ignore::WalkState::Continue;
            };
            // A link or special file of no input's name is no concern, and costs no look.
            let candidate =
                chosen || by_name(&name) || [".json", ".yaml", ".yml"].iter().any(|e| name.ends_with(e));
            if !file_type.is_file() && !candidate {
                return ignore::WalkState::Continue;
            }
            let is_file = match walked(entry.path(), file_type) {
                Walked::File => true,
                Walked::Other => false,
                Walked::Refused(message) => {
                    // What would have been an input by its name is named, as it is when named
                    // on the command line (exit 2): passed over without a word, a plan, a
                    // parameters file or a root would go unchecked while the gate passes.
                    if chosen || by_name(&name) {
                        let message = format!("{message}, or add it to `exclude` in .cniplan.yaml");
                        let at = entry.path().to_path_buf();
                        refused
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push((at, message));
                    }
                    false
                }
            };
            if is_file {
                use crate::input::terraform::files::is_config;
                let mut found = found.lock().unwrap_or_else(|p| p.into_inner());
                let list = if chosen {
                    &mut found.plans
                } else if is_config(&name) {
                    &mut found.tf_files
                } else if name.ends_with(".json") {
                    &mut found.json_files
                } else if name.ends_with(".bicep") || name.ends_with(".bicepparam") {
                    &mut found.bicep_files
                } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                    &mut found.yaml_files
                } else {
                    return ignore::WalkState::Continue;
                };
                // Paths travel as text through every reader and report; a name that is not
                // UTF-8 would be read under a lossy name that no longer opens. Say which.
                let Some(path) = entry.path().to_str() else {
                    let bytes = entry.path().as_os_str().as_encoded_bytes().escape_ascii();
                    *error.lock().unwrap_or_else(|p| p.into_inner()) = Some(format!(
                        "cannot read {bytes}: its name is not valid UTF-8, and cniplan reads \
                         files by UTF-8 names; rename it, or add it to `exclude` in .cniplan.yaml"
                    ));
                    return ignore::WalkState::Quit;
                };
                list.push(path.to_owned());
            }
            ignore::WalkState::Continue
        })
    });
    if let Some(message) = error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(message);
    }
    let mut refused = refused.into_inner().unwrap_or_else(|p| p.into_inner());
    if !refused.is_empty() {
        // The walk runs on every core; the messages are by path.
        refused.sort();
        let messages: Vec<String> = refused.into_iter().map(|(_, message)| message).collect();
        return Err(messages.join("\n"));
    }
    Ok(found.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// What the walk makes of an entry that may be an input.
#[derive(Debug, PartialEq, Eq)]
enum Walked {
    /// A regular file, or a symbolic link the walk follows to one.
    File,
    /// A directory (the walk goes into it, or, through a link, passes it over as it passes
    /// over links to directories).
    Other,
    /// No file the walk reads: the message that says why, and what to do about it.
    Refused(String),
}

/// The entry at `path` of type `file_type` (not followed). A symbolic link is followed as
/// the readers follow a path an input names (`source::reach`): to a regular file within the
/// run's reach, never into /proc, /sys or /dev (the Terraform reader holds the files of its
/// directory to the same rule). A named pipe, a device, a socket, a link that leads nowhere,
/// back to itself or out of reach is refused, as a file named on the command line is.
fn walked(path: &Path, file_type: std::fs::FileType) -> Walked {
    if file_type.is_file() {
        return Walked::File;
    }
    if file_type.is_dir() {
        return Walked::Other;
    }
    let shown = path.to_string_lossy();
    let special = |why: &str| {
        Walked::Refused(format!(
            "cannot read {}: {why}; a walk reads regular files and links to them only: remove it",
            crate::source::visible(&shown)
        ))
    };
    let outside = |outside: crate::source::reach::Outside| {
        let help = match outside {
            crate::source::reach::Outside::System => "remove it",
            crate::source::reach::Outside::Beyond => outside.help(),
        };
        Walked::Refused(format!("{}; {help}", outside.message(&shown)))
    };
    if !file_type.is_symlink() {
        let kind = crate::source::read::not_regular(path).unwrap_or("a special file");
        return special(&format!("it is {kind}, not a regular file"));
    }
    if let Err(o) = crate::source::reach::within(path) {
        return outside(o);
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Walked::File,
        Ok(meta) if meta.is_dir() => Walked::Other,
        Ok(_) => {
            let kind = crate::source::read::not_regular(path).unwrap_or("a special file");
            special(&format!("it is a symbolic link to {kind}, not to a regular file"))
        }
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            special("it is a symbolic link that leads back to itself, a cycle of links")
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Where a link to nothing points is told only when it points within reach:
            // whether a file outside exists is never told (`source::reach::within`).
            let target = std::fs::read_link(path)
                .map(|t| path.parent().unwrap_or(Path::new("")).join(t))
                .unwrap_or_else(|_| path.to_path_buf());
            match crate::source::reach::within(&target) {
                Err(o) => outside(o),
                Ok(_) => special("it is a symbolic link to a file that does not exist"),
            }
        }
        Err(e) => special(&e.to_string()),
    }
}

/// Whether a walk takes a file of this name whatever it holds: a Terraform file, a Bicep
/// file, an ARM or Bicep parameters file (`X.parameters.json`, `X.parameters.ENV.json`,
/// paired with its template by name). Plan file names and include globs are chosen besides;
/// other JSON and YAML is an input only by what it holds, which no special file tells.
fn by_name(name: &str) -> bool {
    crate::input::terraform::files::is_config(name)
        || name.ends_with(".bicep")
        || name.ends_with(".bicepparam")
        || (name.ends_with(".json") && name.contains(".parameters."))
}

/// The configuration's `include` (prefix "") or `exclude` (prefix "!") globs as a matcher:
/// a path an include glob matches is whitelisted, one an exclude glob matches is ignored.
fn globs(root: &str, globs: &[String], prefix: &str) -> Result<ignore::overrides::Override, String> {
    let mut builder = ignore::overrides::OverrideBuilder::new(root);
    for glob in globs {
        builder.add(&format!("{prefix}{glob}")).map_err(|e| {
            format!(
                "{}: bad glob `{glob}`: {e}; globs are written as in .gitignore, e.g. `legacy/**`",
                crate::config::FILE_NAME
            )
        })?;
    }
    builder
        .build()
        .map_err(|e| format!("{}: {e}", crate::config::FILE_NAME))
}

/// A plan's text. Bytes that are not UTF-8 still make a source (so the finding can point at
/// them); the returned span marks the first bad byte.
pub fn read(path: &str) -> Result<(SourceFile, Option<Span>), String> {
    let display = if path == "-" {
        crate::render::STDIN_PATH
    } else {
        path
    };
    let mut bytes = if path == "-" {
        crate::source::read::read_stdin()?
    } else {
        crate::source::read::read_file(Path::new(path), path)?
    };
    // A UTF-8 byte order mark is invisible in editors and confuses libyaml; columns are
    // counted as editors show them, without it.
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((SourceFile::new(display, text), None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // Lossy decoding keeps the valid prefix byte for byte, so `at` starts the
            // replacement character that stands for the first bad byte.
            let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
            Ok((SourceFile::new(display, text), Some(Span::new(at, end))))
        }
    }
}
