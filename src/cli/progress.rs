//! The churn's progress bar: on stderr, only when stderr is a terminal, and only once the run
//! has taken more than a moment, so a quick run (and every pipe and CI log) shows nothing.

use crate::churn::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long a run goes before its bar appears.
const MOMENT: Duration = Duration::from_millis(400);

pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    /// Whether the bar may appear at all: stderr is a terminal.
    terminal: bool,
    shown: AtomicBool,
}

impl Bar {
    pub fn new() -> Self {
        let bar = ProgressBar::hidden();
        if let Ok(style) =
            ProgressStyle::with_template("churn {bar:40} {pos}/{len} trials, {per_sec}, {eta} left")
        {
            bar.set_style(style);
        }
        Bar {
            bar,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// Clears the bar from the terminal, so the report starts on a clean line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.bar.set_length(total);
    }

    fn advance(&self) {
        self.bar.inc(1);
        if self.terminal
            && self.started.elapsed() > MOMENT
            && self
                .shown
                .compare_exchange(false, true, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}
