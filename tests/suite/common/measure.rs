//! `cniplan` run with its peak memory and processor time, read from wait4: what the tests of
//! hostile input hold each run to.

use std::ffi::OsStr;
use std::process::{Command, Output};
use std::time::Duration;

/// What one run of `cniplan` printed and took.
pub struct Run {
    pub output: Output,
    /// Peak resident memory.
    pub peak_kb: i64,
    /// Processor time, user and system, over all its threads: unlike wall time, it does not
    /// grow with what else the machine runs.
    pub cpu: Duration,
}

/// Runs `cniplan ARGS`, killing it past `limit` of wall time. Output is read while
/// it runs, so a large report never blocks on a full pipe; the child is reaped with wait4,
/// which reports that child's own peak memory and processor time.
#[expect(
    clippy::zombie_processes,
    reason = "the child is reaped with libc::wait4, to read its peak memory"
)]
pub fn run(args: &[&OsStr], limit: Duration) -> Run {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cniplan"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id() as libc::pid_t;
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = read(Box::new(child.stdout.take().expect("stdout")));
    let stderr = read(Box::new(child.stderr.take().expect("stderr")));
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: pid is our own unreaped child; status and usage outlive the call.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let cpu = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
        let _ = done.send((
            reaped,
            status,
            usage.ru_maxrss,
            cpu(usage.ru_utime) + cpu(usage.ru_stime),
        ));
    });
    let (reaped, status, peak_kb, cpu) = match result.recv_timeout(limit) {
        Ok(reaped) => reaped,
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("cniplan {args:?} still running after {limit:?}");
        }
    };
    assert_eq!(reaped, pid, "wait4 reaped the child");
    let status = std::os::unix::process::ExitStatusExt::from_raw(status);
    let output = Output {
        status,
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    };
    Run { output, peak_kb, cpu }
}
