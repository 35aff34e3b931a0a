//! Where a report goes: standard output, or the file `--output` names, byte for byte the same.

use std::io::{IsTerminal, Write};
use std::path::Path;

/// `--output -` is standard output, as for the plan paths.
fn file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| *path != Path::new("-"))
}

/// Whether the report goes to a terminal, for `--color auto`: a file never wants colors.
pub fn is_terminal(output: Option<&Path>) -> bool {
    file(output).is_none() && std::io::stdout().is_terminal()
}

/// Runs `write` into standard output or the file. The file is created (or truncated) only
/// once the report is ready, so a run that fails before it leaves no half-written file.
pub fn write_with(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match file(output) {
        None => {
            let mut out = std::io::stdout().lock();
            super::quiet_broken_pipe(write(&mut out).and_then(|_| out.flush()))
        }
        Some(path) => {
            let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
            let file = std::fs::File::create(path).map_err(cannot)?;
            let mut out = std::io::BufWriter::new(file);
            write(&mut out).and_then(|_| out.flush()).map_err(cannot)
        }
    }
}

/// A report already rendered into text.
pub fn write_text(output: Option<&Path>, text: &str) -> Result<(), String> {
    write_with(output, |out| out.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use crate::cli::args::Cli;
    use clap::CommandFactory;

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
