//! The reach of a run: the one rule for a path an input names (a Bicep module or
//! `loadTextContent` file, a Terraform module's `source`, a `.cniplan.yaml` deployment's
//! template), before any reader follows it and before `--fix` writes it.
//!
//! cniplan is a CI gate that reads pull requests: a path in a file under review is the
//! author's, not the user's. It may lead to the runner's secrets (`/proc/self/environ`, a
//! key in the home directory), whose text would then be shown in findings, PR comments and
//! job summaries; and `--fix` would write wherever it leads. So a path an input names is
//! followed only when the file it leads to, through every symbolic link, lies within the
//! reach of the run: the current directory, the paths named on the command line (a named
//! file's directory, a named directory) and the configuration's directory; and never into
//! `/proc`, `/sys` or `/dev`, whatever the reach.

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The directories of the run, canonical, besides the current directory.
static ROOTS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Directories of the system that hold no input and may hold the process's secrets.
const SYSTEM: [&str; 3] = ["/proc", "/sys", "/dev"];

/// Adds a path named on the command line to the reach: a directory itself, a file its
/// directory. Standard input (`-`) and a path that does not resolve add nothing.
pub fn allow(path: &Path) {
    if path.as_os_str() == "-" {
        return;
    }
    let Ok(real) = std::fs::canonicalize(path) else {
        return;
    };
    let dir = if real.is_dir() {
        real
    } else {
        match real.parent() {
            Some(p) => p.to_path_buf(),
            None => return,
        }
    };
    let mut roots = ROOTS.lock().unwrap_or_else(|p| p.into_inner());
    if !roots.contains(&dir) {
        roots.push(dir);
    }
}

/// Why a path is not followed.
#[derive(Debug, PartialEq, Eq)]
pub enum Outside {
    /// It leads into `/proc`, `/sys` or `/dev`.
    System,
    /// It leads out of the run's reach.
    Beyond,
}

impl Outside {
    /// What a message says of `shown`, the path as the input writes it (escaped here).
    pub fn message(&self, shown: &str) -> String {
        let shown = super::visible(shown);
        match self {
            Outside::System => format!(
                "'{shown}' leads into /proc, /sys or /dev, which hold the environment and devices of the machine cniplan runs on; cniplan does not read them"
            ),
            Outside::Beyond => format!(
                "'{shown}' leads outside what this run reads (the current directory, the paths named on the command line and the configuration's directory); cniplan does not follow it"
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            Outside::System => "a template's files lie beside it, in its repository",
            Outside::Beyond => {
                "run cniplan from the repository's root, or name the directory that holds the file on the command line"
            }
        }
    }
}

/// Where `path` leads when a run may follow it: the file as the file system resolves it
/// (every symbolic link followed), which is what a reader must then open. A path that does
/// not exist is judged by the directory it would be in, so whether a file outside exists is
/// never told.
pub fn within(path: &Path) -> Result<PathBuf, Outside> {
    let real = resolved(path);
    if SYSTEM.iter().any(|s| real.starts_with(s)) {
        return Err(Outside::System);
    }
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    let roots = ROOTS.lock().unwrap_or_else(|p| p.into_inner());
    if cwd.iter().chain(roots.iter()).any(|root| real.starts_with(root)) {
        Ok(real)
    } else {
        Err(Outside::Beyond)
    }
}

/// Whether `--fix` may write the file at `path`: the same reach as reading.
pub fn writable(path: &Path) -> bool {
    within(path).is_ok()
}

/// `path` absolute, through every symbolic link of the part that exists; the rest lexically.
fn resolved(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    if let Ok(real) = std::fs::canonicalize(&absolute) {
        return real;
    }
    // The longest part that exists, resolved; the rest joined without `.` and `..`.
    let mut existing = absolute.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                match Path::new(part).components().next() {
                    Some(Component::ParentDir) => {
                        out.pop();
                    }
                    Some(Component::CurDir) | None => {}
                    _ => out.push(part),
                }
            }
            return out;
        }
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => {
                // `..` at the end of a missing path: drop it lexically.
                match existing.parent() {
                    Some(parent) if existing.ends_with("..") => {
                        rest.push("..".into());
                        existing = parent.to_path_buf();
                    }
                    _ => return absolute,
                }
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn system_directories_are_never_within_reach() {
        assert_eq!(within(Path::new("/proc/self/environ")), Err(Outside::System));
        assert_eq!(within(Path::new("/dev/zero")), Err(Outside::System));
        assert_eq!(within(Path::new("/sys/kernel")), Err(Outside::System));
    }

    #[test]
    fn a_path_is_judged_where_it_leads() {
        let cwd = std::env::current_dir().unwrap();
        assert!(within(&cwd.join("Cargo.toml")).is_ok());
        // `..` out of the current directory, to a file that exists and to one that does not.
        let up = cwd.join("../../../../../../../../etc/hostname");
        assert_eq!(within(&up), Err(Outside::Beyond));
        let missing = cwd.join("no-such-dir/../../../../../../../../../etc/nothing-here");
        assert_eq!(within(&missing), Err(Outside::Beyond));
        // A missing file inside stays inside.
        assert!(within(&cwd.join("no-such-dir/x.bicep")).is_ok());
        // A symbolic link inside that leads outside is outside.
        // In the current directory itself: `target` may be elsewhere (CARGO_TARGET_DIR).
        let dir = tempfile::Builder::new()
            .prefix(".reach-test")
            .tempdir_in(&cwd)
            .unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link")).unwrap();
        assert_eq!(within(&dir.path().join("link")), Err(Outside::Beyond));
        std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("env")).unwrap();
        assert_eq!(within(&dir.path().join("env")), Err(Outside::System));
    }
}
