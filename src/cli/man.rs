//! `cniplan man`: the man page, rendered by clap_mangen from the same definition as
//! `--help`, so the two never disagree. A subcommand, named, gets a page of its own
//! (`cniplan-check(1)`) with its options; the main page lists them all.

use super::args::Cli;
use clap::CommandFactory;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;

/// The roff of cniplan(1), or of one subcommand's page.
pub fn page(subcommand: Option<&str>) -> Result<String, String> {
    let mut cli = Cli::command();
    // Building names each subcommand as its parent calls it (`cniplan check`, `cniplan-check`).
    cli.build();
    let mut out = Vec::new();
    let written = match subcommand {
        None => main_page(cli, &mut out),
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name).cloned() else {
                let names: Vec<&str> = cli.get_subcommands().map(|s| s.get_name()).collect();
                return Err(format!("no subcommand `{name}`; pages: {}", names.join(", ")));
            };
            // A subcommand has no version of its own; the page's footer names cniplan's.
            let source = format!("cniplan {}", cli.get_version().unwrap_or_default());
            Man::new(sub).source(source).render(&mut out)
        }
    };
    // Rendering into memory fails only on a clap_mangen bug; say so rather than panic.
    written.map_err(|e| format!("cannot render the man page: {e}"))?;
    String::from_utf8(out).map_err(|e| format!("the man page is not UTF-8: {e}"))
}

/// clap_mangen's sections, with EXIT STATUS and SEE ALSO before VERSION as man-pages(7) orders
/// them: a script's author reads the exit codes here.
fn main_page(cli: clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let man = Man::new(cli);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    let mut roff = Roff::default();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        ("0", "no finding at or above --fail-on"),
        (
            "1",
            "findings at or above --fail-on (a plan that does not parse or fit the schema is a finding)",
        ),
        ("2", "usage error, unreadable or oversized file, internal error"),
    ] {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "cniplan explain RULE prints a rule's page; the README and docs/ of \
         https://github.com/cniplan/cniplan describe the plan format and the JSON output.",
    )]);
    roff.to_writer(out)?;
    man.render_version_section(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_names_every_subcommand() {
        let page = page(None).expect("cniplan(1)");
        for sub in Cli::command().get_subcommands() {
            let entry = format!("cniplan\\-{}(1)", sub.get_name());
            assert!(page.contains(&entry), "cniplan(1) lacks {entry}");
        }
        assert!(page.contains("EXIT STATUS"));
    }

    #[test]
    fn every_subcommand_has_a_page_with_its_options() {
        for sub in Cli::command().get_subcommands() {
            let name = sub.get_name();
            let page = page(Some(name)).expect("a subcommand's page");
            assert!(page.contains(&format!(".TH cniplan-{name} 1")), "{name}: {page}");
            assert!(page.contains(env!("CARGO_PKG_VERSION")), "{name}: {page}");
            for arg in sub.get_arguments().filter_map(|a| a.get_long()) {
                // roff escapes every hyphen: `\-\-fail\-on`.
                let escaped = format!("--{arg}").replace('-', "\\-");
                assert!(page.contains(&escaped), "{name} lacks --{arg}");
            }
        }
    }

    #[test]
    fn an_unknown_page_names_the_ones_there_are() {
        let error = page(Some("chek")).expect_err("no such page");
        assert!(error.contains("check"), "{error}");
    }
}
