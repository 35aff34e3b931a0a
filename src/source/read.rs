//! Reading a file from disk, the one way every reader does (plans, `.tf` and variable files,
//! `--var-file`, ARM parameters, `.cniplan.yaml`): a regular file of at most
//! [`MAX_FILE_BYTES`], checked on the opened handle. A named pipe would block cniplan
//! forever and a device (a link to `/dev/zero`) never ends; both are refused with a message
//! before a byte is read, as are sockets and directories. Standard input (`-`) is read
//! within the same limit.

use std::io::Read;
use std::path::Path;

/// Larger than any real input (the 2,000-VNet benchmark estate is 6.5 MB, a 100 MB plan JSON
/// is tested); a file over it is refused, and a configuration's files together stop here.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes of a regular file, or why it cannot be read (naming the path as `shown`).
pub fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, String> {
    let shown = super::visible(shown);
    let (file, meta) = open_regular(path, &shown)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&shown));
    }
    remember(path, &meta);
    // Sized up front: a 35 MB plan read into a growing Vec was copied twice over.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file that grows while it is read still stops at the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&shown));
    }
    Ok(bytes)
}

/// At most the first `limit` bytes of a regular file, checked on the opened handle as
/// [`read_file`] checks it: what tells a template from other JSON, or a Karpenter manifest
/// from other YAML, without blocking on a named pipe or reading a device.
pub fn head(path: &Path, shown: &str, limit: u64) -> Result<Vec<u8>, String> {
    let shown = super::visible(shown);
    let (file, _) = open_regular(path, &shown)?;
    let mut bytes = Vec::new();
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    Ok(bytes)
}

/// The file opened, if it is a regular one: fstat of the handle opened, not a second look at
/// the path, which may have changed.
fn open_regular(path: &Path, shown: &str) -> Result<(std::fs::File, std::fs::Metadata), String> {
    let file = open(path).map_err(|e| match not_regular(path) {
        // A socket cannot be opened at all ("No such device or address"): named for what it
        // is, as a pipe or a device is.
        Some(kind) => format!("cannot read {shown}: it is {kind}, not a regular file"),
        None => format!("cannot read {shown}: {e}"),
    })?;
    let meta = file.metadata().map_err(|e| format!("cannot read {shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "cannot read {shown}: it is {}, not a regular file",
            kind(&meta)
        ));
    }
    Ok((file, meta))
}

/// What the file at `path` is when it is no regular file ("a named pipe (FIFO)", "a
/// device", "a directory"), as [`read_file`] names it; `None` for a regular file or a path
/// that does not resolve. Looked up without opening it.
pub fn not_regular(path: &Path) -> Option<&'static str> {
    let meta = std::fs::metadata(path).ok()?;
    (!meta.is_file()).then(|| kind(&meta))
}

/// Standard input, within the same limit. Its size is not known up front, so the buffer grows
/// by doubling but never past the limit: `read_to_end` alone doubles 256 MiB to 512 MiB to
/// find out that one byte more has come (`cniplan check - < /dev/zero` peaked at 532 MB).
pub fn read_stdin() -> Result<Vec<u8>, String> {
    read_bounded(std::io::stdin().lock(), MAX_FILE_BYTES)
        .map_err(|e| format!("cannot read <stdin>: {e}"))?
        .ok_or_else(|| too_large("<stdin>"))
}

/// At most `limit` bytes of `input`, or `None` if it holds more; the buffer never holds more
/// than `limit` bytes.
fn read_bounded(mut input: impl Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => return Ok(Some(bytes)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if bytes.len() + n > limit {
            return Ok(None);
        }
        if bytes.capacity() - bytes.len() < n {
            // Doubling, but never past the limit.
            let want = (bytes.len() * 2).max(bytes.len() + n).min(limit);
            bytes.reserve_exact(want - bytes.len());
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
}

/// The files this process has read, whatever reader opened them (a plan, a module, a
/// parameters file, a file a Bicep `loadTextContent` names): `--output` must overwrite none
/// of them, and a list kept here cannot miss a reader that a list kept by each reader would.
static READ: std::sync::Mutex<Vec<Identity>> = std::sync::Mutex::new(Vec::new());

/// A file's identity: its device and inode, shared by every name of it (a symlink, `..`, a
/// hard link); elsewhere its canonical path.
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = std::path::PathBuf;

#[cfg(unix)]
fn identity(_: &Path, meta: &std::fs::Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path, _: &std::fs::Metadata) -> Option<Identity> {
    std::fs::canonicalize(path).ok()
}

fn remember(path: &Path, meta: &std::fs::Metadata) {
    if let Some(id) = identity(path, meta) {
        READ.lock().unwrap_or_else(|p| p.into_inner()).push(id);
    }
}

/// Whether this process read the file at `path` (of metadata `meta`).
pub fn was_read(path: &Path, meta: &std::fs::Metadata) -> bool {
    identity(path, meta).is_some_and(|id| READ.lock().unwrap_or_else(|p| p.into_inner()).contains(&id))
}

fn too_large(shown: &str) -> String {
    format!(
        "{shown} is larger than {} MiB; no input cniplan reads is that large",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

/// Opens without blocking: opening a named pipe for reading waits for a writer, so the
/// check on the handle would come too late. Reads of a regular file ignore the flag.
#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_read_to_its_limit_and_no_further() {
        let fits = super::read_bounded(&b"0123456789"[..], 10).unwrap();
        assert_eq!(fits.as_deref(), Some(&b"0123456789"[..]));
        assert_eq!(super::read_bounded(&b"0123456789"[..], 9).unwrap(), None);
        // An endless stream stops at the limit, not at the next doubling.
        let mut zero = std::io::repeat(0).take(1 << 20);
        assert_eq!(super::read_bounded(&mut zero, 200_000).unwrap(), None);
        let mut probe = std::io::repeat(7).take(150_000);
        let bytes = super::read_bounded(&mut probe, 200_000).unwrap().unwrap();
        assert_eq!(bytes.len(), 150_000);
        assert!(bytes.capacity() <= 200_000, "{}", bytes.capacity());
    }

    #[test]
    fn devices_pipes_and_directories_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.tf");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read_file(&fifo, "pipe.tf").unwrap_err();
        assert_eq!(
            err,
            "cannot read pipe.tf: it is a named pipe (FIFO), not a regular file"
        );
        let link = dir.path().join("zero.tfvars");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read_file(&link, "zero.tfvars").unwrap_err();
        assert_eq!(err, "cannot read zero.tfvars: it is a device, not a regular file");
        let err = read_file(dir.path(), "d").unwrap_err();
        assert_eq!(err, "cannot read d: it is a directory, not a regular file");
        std::fs::write(dir.path().join("ok.tf"), "x").unwrap();
        assert_eq!(read_file(&dir.path().join("ok.tf"), "ok.tf").unwrap(), b"x");
    }
}
