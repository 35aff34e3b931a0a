use std::process::ExitCode;

// A check is one burst of allocation and freeing (a span tree, a typed plan and a capacity row
// per subnet). glibc's malloc spent a fifth of the estate's time in malloc, free and their
// arena locks and kept freed pages resident; mimalloc, built without transparent huge pages
// (Cargo.toml) and returning freed pages 10 ms after they are freed, holds the estate's peak
// near 100 MB, not 133 MB. Returned at once (a delay of 0, as before), a walk of a Terraform
// monorepo faulted its pages in again root after root: 7 % more CPU for 1 % less memory; at
// mimalloc's own default (1 s) the monorepo's peak grows by 8 % (BENCHMARKS.md, issue 24).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc 3's `mi_option_purge_delay` (its mimalloc.h; libmimalloc-sys 0.1.49 names only
/// version 2's options). libmimalloc-sys is pinned in Cargo.toml.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// Milliseconds between freeing a page and returning it.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

fn main() -> ExitCode {
    // mimalloc's own variable, when set, wins (for measuring).
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: a plain setter of an integer option, called before any thread is started.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
    cniplan::cli::main()
}
