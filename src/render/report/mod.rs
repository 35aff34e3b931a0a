//! `cniplan report`: one self-contained HTML page (inline CSS and SVG, no scripts, nothing
//! fetched) with the address map, the demand through the scenario, the sweeps, churn and
//! the findings with their snippets. Every figure comes from the function its own command
//! calls ([`crate::report::figures`]); this module only draws. Every string from the user's
//! files goes through [`html::escape`].

mod address_map;
mod churn;
mod demand;
mod findings;
pub mod html;
mod svg;
mod sweep;

use crate::capacity::Model;
use crate::check::FileReport;
use crate::render::Summary;
use crate::report::Figures;
use html::escape;
use std::fmt::Write;

const STYLE: &str = include_str!("style.css");

/// What one page shows: the checked input, and when it loaded, its model and figures.
pub struct Page<'a> {
    pub report: &'a FileReport,
    pub loaded: Option<(&'a Model, &'a Figures)>,
}

pub fn html(page: &Page<'_>) -> String {
    let report = page.report;
    let path = &report.source.path;
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>cniplan report: {}</title><style>{STYLE}</style></head><body><main>",
        escape(path)
    );
    let _ = write!(
        out,
        r#"<header><h1>cniplan report</h1><p class="path"><code>{}</code></p>"#,
        escape(path)
    );
    summary(&mut out, report);
    out.push_str("</header>");
    match page.loaded {
        Some((model, figures)) => {
            nav(&mut out);
            let headroom = model.topology.allocation.headroom_warning;
            overview(&mut out, report);
            address_map::write(&mut out, &model.topology, &model.capacity);
            demand::write(&mut out, &figures.steps, headroom, &report.assumed_surges);
            sweep::write(&mut out, &figures.sweeps, headroom);
            churn::write(&mut out, &figures.churn, figures.churn_trials_asked, headroom);
        }
        None => out.push_str(
            r#"<p class="warn-text">The input did not load, so there is no address map or simulation: the findings below say why.</p>"#,
        ),
    }
    findings::write(&mut out, report);
    out.push_str(
        "<footer>Written by cniplan. The same input gives the same page, byte for byte.</footer></main></body></html>\n",
    );
    out
}

fn summary(out: &mut String, report: &FileReport) {
    let s = Summary::of(std::slice::from_ref(report));
    out.push_str(r##"<p class="summary"><a href="#findings">"##);
    for (n, severity) in [(s.errors, "error"), (s.warnings, "warning"), (s.notes, "note")] {
        let class = if n == 0 { "zero" } else { severity };
        let plural = if n == 1 { "" } else { "s" };
        let _ = write!(
            out,
            r#"<span class="badge {class}">{n} {severity}{plural}</span> "#
        );
    }
    out.push_str("</a></p>");
}

fn nav(out: &mut String) {
    out.push_str(r##"<nav><a href="#overview">Capacity</a> <a href="#address-map">Address map</a> <a href="#demand">Demand</a> <a href="#sweeps">Sweeps</a> <a href="#churn">Churn</a> <a href="#findings">Findings</a></nav>"##);
}

/// The capacity table of `check`, one row per subnet and pod CIDR.
fn overview(out: &mut String, report: &FileReport) {
    out.push_str(
        r#"<section id="overview"><h2>Capacity</h2><table><thead><tr><th>range</th><th>CIDR</th><th>role</th><th class="num">usable</th><th class="num">baseline</th><th class="num">peak</th><th class="num">used at peak</th></tr></thead><tbody>"#,
    );
    for row in &report.subnets {
        let used = match row.utilization {
            Some(u) if row.exhaustion.is_some() => format!(r#"<span class="bad">{}</span>"#, svg::percent(u)),
            Some(u) => svg::percent(u),
            None => "–".to_string(),
        };
        let _ = write!(
            out,
            r#"<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{used}</td></tr>"#,
            escape(&row.label()),
            escape(&row.cidr),
            escape(row.role.as_str()),
            svg::count(row.usable),
            svg::count(row.baseline_demand),
            svg::count(row.peak_demand)
        );
    }
    out.push_str("</tbody></table></section>");
}
