//! `simulate --churn` drawn: per range the spread of peak demand over the seeded trials
//! (P50 to P99, whisker to the maximum) beside the deterministic scenario's peak and usable.

use super::html::escape;
use super::svg::{count, nice_ceiling};
use crate::churn::{Churn, ChurnRow};
use crate::render::churn::share;
use std::fmt::Write;

const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 30.0;
const PAD: f64 = 6.0;

/// `asked`: the plan's own trials, when the page ran fewer.
pub fn write(out: &mut String, churn: &Result<Churn, String>, asked: Option<u32>, headroom: f64) {
    out.push_str(r#"<section id="churn"><h2>Churn</h2>"#);
    let churn = match churn {
        Ok(churn) => churn,
        Err(why) => {
            let _ = write!(out, "<p>No churn trials: {}</p></section>", escape(why));
            return;
        }
    };
    let _ = write!(
        out,
        r#"<p class="lead">Peak demand over <b>{} trials</b> with <b>seed {}</b> (rollout surge {}, pods per node ± {}; <code>cniplan simulate --churn --trials {} --seed {}</code> gives the same figures). <span class="key box-key"></span>P50 to P95, whisker to P99, <span class="key max-key"></span>maximum, <span class="key scenario-key"></span>the scenario's peak, <span class="key usable-key"></span>usable, <span class="key headroom-key"></span>headroom line.</p>"#,
        count(u64::from(churn.trials)),
        churn.seed,
        escape(&churn.rollout_surge.to_string()),
        escape(&churn.pods_spread.to_string()),
        churn.trials,
        churn.seed
    );
    if let Some(asked) = asked {
        let _ = write!(
            out,
            r#"<p class="warn-text">The plan asks for {} trials; on a plan this large the page runs {} so it is written in seconds. <code>cniplan report --trials {asked}</code> runs them all.</p>"#,
            count(u64::from(asked)),
            count(u64::from(churn.trials))
        );
    }
    if churn.subnets.is_empty() {
        out.push_str("<p>No subnet is used by a node pool; nothing to churn.</p></section>");
        return;
    }
    out.push_str(
        r#"<table class="churn"><thead><tr><th>range</th><th>spread of peaks (each row to its own scale)</th><th class="num">scenario</th><th class="num">P50</th><th class="num">P95</th><th class="num">P99</th><th class="num">max</th><th class="num">usable</th><th class="num">runs out</th></tr></thead><tbody>"#,
    );
    for row in &churn.subnets {
        let label = match &row.vnet {
            Some(vnet) => format!("{vnet}/{}", row.name),
            None => row.name.clone(),
        };
        let _ = write!(
            out,
            r#"<tr><td>{}<br><code>{}</code> {}</td><td>"#,
            escape(&label),
            escape(&row.cidr),
            escape(row.per_node)
        );
        spread(out, row, headroom);
        let runs_out = if row.runs_out_share > 0.0 {
            format!(r#"<span class="bad">{}</span>"#, share(row.runs_out_share))
        } else {
            share(row.runs_out_share)
        };
        let _ = write!(
            out,
            r#"</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{runs_out}</td></tr>"#,
            count(row.scenario_peak),
            count(row.p50),
            count(row.p95),
            count(row.p99),
            count(row.max),
            count(row.usable)
        );
    }
    out.push_str("</tbody></table></section>");
}

/// One row's figures on a horizontal axis from 0; usable is drawn when it is within four
/// times the maximum, else named at the right end.
fn spread(out: &mut String, row: &ChurnRow, headroom: f64) {
    let highest = row.max.max(row.scenario_peak) as f64;
    let usable = row.usable as f64;
    let shows_usable = usable <= highest * 4.0;
    let top = nice_ceiling(
        if shows_usable {
            highest.max(usable)
        } else {
            highest
        }
        .max(1.0)
            * 1.05,
    );
    let x = |v: f64| PAD + (WIDTH - 2.0 * PAD) * (v / top).clamp(0.0, 1.0);
    let mid = HEIGHT / 2.0;
    let _ = write!(
        out,
        r#"<svg class="spread" viewBox="0 0 {WIDTH:.0} {HEIGHT:.0}" width="{WIDTH:.0}" height="{HEIGHT:.0}" role="img" aria-label="peak demand spread of {}"><line class="axis" x1="{PAD:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
        escape(&row.name),
        HEIGHT - 4.0,
        WIDTH - PAD,
        HEIGHT - 4.0
    );
    if shows_usable {
        for (v, class) in [(usable, "usable"), (usable * headroom, "headroom")] {
            let _ = write!(
                out,
                r#"<line class="{class}" x1="{0:.1}" y1="2" x2="{0:.1}" y2="{1:.1}"/>"#,
                x(v),
                HEIGHT - 4.0
            );
        }
    }
    let (p50, p95, p99, max) = (row.p50 as f64, row.p95 as f64, row.p99 as f64, row.max as f64);
    let _ = write!(
        out,
        r#"<line class="whisker" x1="{:.1}" y1="{mid:.1}" x2="{:.1}" y2="{mid:.1}"/><rect class="box" x="{:.1}" y="{:.1}" width="{:.1}" height="12"/><circle class="max" cx="{:.1}" cy="{mid:.1}" r="3.5"/><path class="scenario" d="M{:.1} {:.1}l5 6-5 6-5-6z"/>"#,
        x(p95),
        x(p99),
        x(p50),
        mid - 6.0,
        (x(p95) - x(p50)).max(2.0),
        x(max),
        x(row.scenario_peak as f64),
        mid - 6.0
    );
    let _ = write!(
        out,
        r#"<text class="tick" x="{:.1}" y="10" text-anchor="end">{}{}</text></svg>"#,
        WIDTH - PAD,
        count(top as u64),
        if shows_usable {
            String::new()
        } else {
            format!(" (usable {} beyond)", count(row.usable))
        }
    );
}
