//! Where a report goes: standard output, or the file `--output` names, byte for byte the same.
//! A file is never one the run read, and appears only whole.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// `--output -` is standard output, as for the plan paths.
fn file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| *path != Path::new("-"))
}

/// Whether the report goes to a terminal, for `--color auto`: a file never wants colors.
pub fn is_terminal(output: Option<&Path>) -> bool {
    file(output).is_none() && std::io::stdout().is_terminal()
}

/// Runs `write` into standard output or the file. `inputs` are the files the run read: the
/// file may be none of them. It is written under a temporary name beside it and renamed
/// into place once complete, so a run that fails or is killed part way leaves the file as
/// it was, never half-written.
pub fn write_with(
    output: Option<&Path>,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match file(output) {
        None => {
            let mut out = std::io::stdout().lock();
            super::quiet_broken_pipe(write(&mut out).and_then(|_| out.flush()))
        }
        Some(path) => {
            refuse_input(path, inputs)?;
            let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
            write_whole(path, write).map_err(cannot)
        }
    }
}

/// A report already rendered into text.
pub fn write_text(output: Option<&Path>, inputs: &[PathBuf], text: &str) -> Result<(), String> {
    write_with(output, inputs, |out| out.write_all(text.as_bytes()))
}

/// A file's text rather than a report about it (`check --diff`, `size --write`): byte for
/// byte into a file or a pipe, where `git apply` or the next tool reads it; on a terminal,
/// which would obey the control characters a plan's comment may hold, escaped as every
/// report shows them.
pub fn write_file_text(output: Option<&Path>, inputs: &[PathBuf], text: &str) -> Result<(), String> {
    write_text(output, inputs, &as_written(text, is_terminal(output)))
}

/// `text` as [`write_file_text`] writes it: escaped for a terminal (line breaks kept), else
/// as it is.
fn as_written(text: &str, terminal: bool) -> std::borrow::Cow<'_, str> {
    if terminal {
        crate::source::visible_lines(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// An input file rewritten by `check --fix`, whole or not at all, keeping its permissions and
/// a byte order mark it had. A symbolic link is refused rather than followed (its target may
/// lie anywhere), and so is a file whose bytes changed since the run read `before`.
pub fn replace_input(path: &Path, before: &str, after: &str) -> Result<(), String> {
    let cannot = |why: String| format!("cannot fix {}: {why}", path.display());
    let meta = std::fs::symlink_metadata(path).map_err(|e| cannot(e.to_string()))?;
    if meta.file_type().is_symlink() {
        return Err(cannot(
            "it is a symbolic link; fix the file it points to".to_string(),
        ));
    }
    if !meta.is_file() {
        return Err(cannot("it is not a regular file".to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(e.to_string()))?;
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    let on_disk = if bom { &bytes[3..] } else { &bytes[..] };
    if on_disk != before.as_bytes() {
        return Err(cannot("it changed since cniplan read it; run again".to_string()));
    }
    write_whole(path, |out| {
        if bom {
            out.write_all(b"\xef\xbb\xbf")?;
        }
        out.write_all(after.as_bytes())
    })
    .map_err(|e| cannot(e.to_string()))
}

/// `cniplan report plan.yaml -o plan.yaml` would replace the plan with its report.
fn refuse_input(path: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    // A file that does not exist yet was read by nobody.
    let Ok(output) = std::fs::metadata(path) else {
        return Ok(());
    };
    let Some(input) = inputs.iter().find(|input| same_file(path, &output, input)) else {
        // A file a reader opened beside the inputs (a Bicep `loadTextContent` file).
        if crate::source::read::was_read(path, &output) {
            return Err(format!(
                "--output {} is a file this run read; cniplan does not overwrite its inputs: write the output to another file",
                path.display()
            ));
        }
        return Ok(());
    };
    let what = if input == path {
        "an input".to_string()
    } else {
        format!("the input {} by another name", input.display())
    };
    Err(format!(
        "--output {} is {what}; cniplan does not overwrite its inputs: write the output to another file",
        path.display()
    ))
}

/// Whether `input` is the file at `path`: the same device and inode, which every name of a
/// file shares (a symlink, `./` or `..`, a hard link); the same canonical path is the same
/// inode too.
#[cfg(unix)]
fn same_file(_: &Path, output: &std::fs::Metadata, input: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(input).is_ok_and(|read| (read.dev(), read.ino()) == (output.dev(), output.ino()))
}

/// Elsewhere, the same canonical path (a symlink, `./` or `..`; not a hard link).
#[cfg(not(unix))]
fn same_file(path: &Path, _: &std::fs::Metadata, input: &Path) -> bool {
    let canonical = std::fs::canonicalize(path).ok();
    canonical.is_some() && std::fs::canonicalize(input).ok() == canonical
}

/// The file written whole or not at all: into a temporary file in its directory (a rename
/// is atomic only within one file system), renamed over it when complete. A symlink is
/// followed, so the file it points to is replaced and the link stays; a device or a pipe
/// (`-o /dev/stderr`) has no directory entry to replace and is written as it is.
fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&target)?);
        return write(&mut out).and_then(|_| out.flush());
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // `.report.html.a1B2c3.tmp`: hidden, and named after the file it will become.
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the permissions `File::create` gives (0666 less the umask); a file
    // replaced keeps its own.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir)?;
    if let Some(existing) = &existing {
        temp.as_file().set_permissions(existing.permissions())?;
    }
    let mut out = std::io::BufWriter::new(temp.as_file_mut());
    write(&mut out).and_then(|_| out.flush())?;
    drop(out);
    // Dropped on any error above, the temporary file is removed. No fsync: the promise is
    // against a run that fails or is killed, not a power cut, which would cost every run a
    // flush to disk.
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::cli::args::Cli;
    use clap::CommandFactory;

    /// A diff or a plan written back holds what the plan holds, a comment's ESC sequence,
    /// BEL and right-to-left override included: a terminal is shown them escaped, a pipe or a
    /// file gets them as they are, for `git apply` and the next tool (the tests run without a
    /// terminal, so this is where the terminal's side is decided).
    #[test]
    fn file_text_is_escaped_on_a_terminal_only() {
        let diff = "-  cidr: 10.1.0.0/30  # \u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}\r\n+  cidr: 10.1.0.0/29\n";
        assert_eq!(
            super::as_written(diff, true),
            "-  cidr: 10.1.0.0/30  # \\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}\r\n+  cidr: 10.1.0.0/29\n"
        );
        assert_eq!(super::as_written(diff, false), diff);
    }

    /// A command that prints a report in a chosen format can write it to a file too: a new
    /// report command without `--output` fails here.
    #[test]
    fn every_command_with_a_format_has_output() {
        for sub in Cli::command().get_subcommands() {
            let has = |id: &str| sub.get_arguments().any(|a| a.get_id() == id);
            if has("format") {
                assert!(has("output"), "`cniplan {}` lacks --output", sub.get_name());
            }
        }
    }
}
