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
    let file = open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    // fstat of the handle opened, not a second look at the path, which may have changed.
    let meta = file.metadata().map_err(|e| format!("cannot read {shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "cannot read {shown}: it is {}, not a regular file",
            kind(&meta)
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&shown));
    }
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

/// Standard input, within the same limit.
pub fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read <stdin>: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large("<stdin>"));
    }
    Ok(bytes)
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
