//! Per used subnet and pod CIDR, `simulate`'s own step table drawn: demand through baseline,
//! scale-out and surge against usable IPs and the headroom line, with the soft and hard
//! limits where the range has them.

use super::html::escape;
use super::svg::{axis_top, count, percent, polyline, text, Frame};
use crate::capacity::{AssumedSurge, Role, SurgeDefault};
use crate::render::table::SURGES_LISTED;
use crate::simulate::SubnetSteps;
use std::fmt::Write;

/// More charts than this would make a page nobody scrolls: the fullest ranges are drawn.
pub const MOST_CHARTS: usize = 100;

/// When the peak is below this share of usable, the chart zooms onto the demand and says
/// that the usable and headroom lines are above its scale; the gauge under it stays to scale.
const ZOOM_BELOW: f64 = 0.25;

pub fn write(out: &mut String, steps: &[SubnetSteps], headroom: f64, surges: &[AssumedSurge]) {
    out.push_str(r#"<section id="demand"><h2>Demand through the scenario</h2>"#);
    let _ = write!(
        out,
        r#"<p class="lead">What each range holds at every step of <code>cniplan simulate</code>: baseline, scale-out to every pool's max_count, then the upgrade surge. <span class="key usable-key"></span>usable, <span class="key headroom-key"></span>headroom line ({} of usable, <code>allocation.headroom_warning</code>).</p>"#,
        percent(headroom)
    );
    if steps.is_empty() {
        out.push_str("<p>No subnet is used by a node pool.</p></section>");
        return;
    }
    assumed_surges(out, surges);
    let chosen = fullest(steps);
    if chosen.len() < steps.len() {
        let _ = write!(
            out,
            "<p>The {} fullest of {} ranges are drawn; <code>cniplan simulate</code> lists them all.</p>",
            chosen.len(),
            steps.len()
        );
    }
    out.push_str(r#"<div class="charts">"#);
    for &i in &chosen {
        chart(out, &steps[i], headroom);
    }
    out.push_str("</div></section>");
}

/// The pools whose surge step counts the default surge, and why (`check` and `simulate` say
/// the same under their tables).
fn assumed_surges(out: &mut String, surges: &[AssumedSurge]) {
    if surges.is_empty() {
        return;
    }
    out.push_str(r#"<p class="surge-default">Upgrade surge assumed for the pools that write none (<code>max_surge</code>), as counted in the surge step:</p><ul class="surge-default">"#);
    for s in surges.iter().take(SURGES_LISTED) {
        let _ = write!(
            out,
            "<li><code>{}/{}</code>: {}</li>",
            escape(&s.cluster),
            escape(&s.pool),
            escape(&s.figures())
        );
    }
    if surges.len() > SURGES_LISTED {
        let _ = write!(
            out,
            "<li>… and {} more pools, each likewise</li>",
            count((surges.len() - SURGES_LISTED) as u64)
        );
    }
    out.push_str("</ul>");
    let mut defaults: Vec<SurgeDefault> = surges.iter().map(|s| s.default).collect();
    defaults.sort_unstable();
    defaults.dedup();
    for default in &defaults {
        let _ = write!(
            out,
            r#"<p class="surge-default">Why: {}.</p>"#,
            escape(default.why())
        );
    }
    if defaults.contains(&SurgeDefault::Aks) {
        out.push_str(r#"<p class="surge-default">Write a pool's <code>max_surge</code> (a node count, or a percentage such as "33%") to plan for another.</p>"#);
    }
}

/// Indices of the ranges to draw, in plan order: all, or the `MOST_CHARTS` fullest.
fn fullest(steps: &[SubnetSteps]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..steps.len()).collect();
    if steps.len() > MOST_CHARTS {
        let fill = |s: &SubnetSteps| s.row.utilization.unwrap_or(f64::INFINITY);
        order.sort_by(|&a, &b| fill(&steps[b]).total_cmp(&fill(&steps[a])).then(a.cmp(&b)));
        order.truncate(MOST_CHARTS);
        order.sort_unstable();
    }
    order
}

fn chart(out: &mut String, s: &SubnetSteps, headroom: f64) {
    let row = &s.row;
    let unit = if row.role == Role::PodCidr {
        "node slots"
    } else {
        "IPs"
    };
    let usable = row.usable as f64;
    let peak = s
        .steps
        .iter()
        .map(|p| p.allocated)
        .max()
        .unwrap_or(0)
        .max(row.peak_demand) as f64;
    let zoomed = peak < usable * ZOOM_BELOW;
    let top = if zoomed {
        peak * 1.25
    } else {
        peak.max(usable) * 1.05
    };
    let f = Frame {
        width: 540.0,
        height: 250.0,
        left: 58.0,
        right: 12.0,
        top: 26.0,
        bottom: 58.0,
        // By step number: steps left out of a long scale-out are a straight stretch of line.
        x_max: s.steps.last().map_or(1, |p| p.step.max(1)) as f64,
        y_max: axis_top(top.max(1.0), true),
    };
    let _ = write!(
        out,
        r#"<figure class="card"><figcaption><b>{}</b> <code>{}</code> · {} · peak {} of {} usable {unit}{}"#,
        escape(&row.label()),
        escape(&row.cidr),
        escape(row.role.as_str()),
        count(row.peak_demand),
        count(row.usable),
        row.utilization
            .map(|u| format!(" ({})", percent(u)))
            .unwrap_or_default()
    );
    let pools: Vec<String> = s.pool_names.iter().map(|p| escape(p).into_owned()).collect();
    let _ = write!(
        out,
        r#"<br><span class="small">pools: {}</span></figcaption>"#,
        pools.join(", ")
    );
    f.open(out, &format!("demand of {} through the scenario", row.label()));
    phases(out, &f, s);
    f.y_axis(out, |v| count(v.round() as u64));
    f.reference_line(out, usable, "usable", &format!("usable {}", count(row.usable)));
    f.reference_line(
        out,
        usable * headroom,
        "headroom",
        &format!("headroom {}", percent(headroom)),
    );
    if zoomed {
        text(
            out,
            f.plot_right(),
            f.top - 6.0,
            "note",
            "end",
            &format!("usable {} is above this scale", count(row.usable)),
        );
    }
    limits(out, &f, s);
    let points: Vec<(f64, f64)> = s
        .steps
        .iter()
        .map(|p| (f.x(p.step as f64), f.y(p.allocated as f64)))
        .collect();
    let mut area = points.clone();
    if let (Some(&(x0, _)), Some(&(x1, _))) = (points.first(), points.last()) {
        area.push((x1, f.plot_bottom()));
        area.push((x0, f.plot_bottom()));
    }
    polyline(out, "area", "none", &area);
    polyline(out, "demand", "#2563eb", &points);
    if points.len() <= 40 {
        for (x, y) in &points {
            let _ = write!(out, r##"<circle class="dot" cx="{x:.1}" cy="{y:.1}" r="3"/>"##);
        }
    }
    gauge(out, &f, row.peak_demand, row.usable, headroom);
    out.push_str("</svg>");
    let mut notes = Vec::new();
    if s.omitted_steps > 0 {
        notes.push(format!(
            "{} steps of the scale-out are left out, as in <code>cniplan simulate</code>; the line joins their neighbours",
            count(s.omitted_steps)
        ));
    }
    if let Some(e) = &row.exhaustion {
        notes.push(format!(
            r#"<span class="bad">runs out</span> in {} step {}: {} of {} at {} nodes of {}/{}"#,
            escape(e.phase.as_str()),
            e.step,
            count(e.demand),
            count(row.usable),
            count(e.nodes),
            escape(&e.cluster),
            escape(&e.pool)
        ));
    }
    if !notes.is_empty() {
        let _ = write!(out, r#"<p class="small">{}</p>"#, notes.join("; "));
    }
    out.push_str("</figure>");
}

/// A band and a name per run of steps in one phase, each band reaching halfway to the
/// neighbouring phase's first step.
fn phases(out: &mut String, f: &Frame, s: &SubnetSteps) {
    let mut start = 0;
    for i in 1..=s.steps.len() {
        let ends = i == s.steps.len() || s.steps[i].phase != s.steps[start].phase;
        if !ends {
            continue;
        }
        let phase = s.steps[start].phase;
        let step = |k: usize| s.steps[k].step as f64;
        let x0 = if start == 0 {
            f.left
        } else {
            f.x((step(start - 1) + step(start)) / 2.0)
        };
        let x1 = if i == s.steps.len() {
            f.plot_right()
        } else {
            f.x((step(i - 1) + step(i)) / 2.0)
        };
        let _ = write!(
            out,
            r#"<rect class="phase phase-{phase}" x="{x0:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/>"#,
            f.top,
            (x1 - x0).max(1.0),
            f.plot_bottom() - f.top
        );
        // Names of narrow bands at the edges stay inside the chart.
        let centre = ((x0 + x1) / 2.0).clamp(f.left + 22.0, f.plot_right() - 22.0);
        text(
            out,
            centre,
            f.plot_bottom() + 14.0,
            "tick",
            "middle",
            phase.as_str(),
        );
        start = i;
    }
}

/// Dashed lines at the soft limit (batches stop fitting) and the hard limit (pods fail).
fn limits(out: &mut String, f: &Frame, s: &SubnetSteps) {
    // A range without soft and hard limits (node subnets, blocks, pod CIDRs) runs out at its
    // exhaustion point alone.
    let runs_out = match (&s.soft_limit, &s.row.exhaustion) {
        (None, Some(e)) => Some(e.step),
        _ => None,
    };
    let marks = [
        (s.soft_limit.as_ref().map(|p| p.step), "soft", "soft limit"),
        (s.hard_limit.as_ref().map(|p| p.step), "hard", "hard limit"),
        (runs_out, "hard", "runs out"),
    ];
    for (step, class, name) in marks {
        let Some(step) = step else { continue };
        let x = f.x(step as f64);
        let _ = write!(
            out,
            r#"<line class="limit-{class}" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}"/>"#,
            f.top,
            f.plot_bottom()
        );
        let dy = if class == "soft" { 10.0 } else { 20.0 };
        // Near the right edge the name goes to the line's left, inside the chart.
        let (tx, anchor) = if x > f.plot_right() - 70.0 {
            (x - 3.0, "end")
        } else {
            (x + 3.0, "start")
        };
        text(out, tx, f.top + dy, &format!("limit-label {class}"), anchor, name);
    }
}

/// The peak against usable to scale, under the chart, whatever the chart's zoom.
fn gauge(out: &mut String, f: &Frame, peak: u64, usable: u64, headroom: f64) {
    let y = f.plot_bottom() + 24.0;
    let w = f.plot_right() - f.left;
    let full = (peak.max(usable) as f64).max(1.0);
    let at = |v: f64| f.left + w * (v / full).clamp(0.0, 1.0);
    let _ = write!(
        out,
        r#"<rect class="gauge-bg" x="{:.1}" y="{y:.1}" width="{:.1}" height="10"/><rect class="gauge-fill{}" x="{:.1}" y="{y:.1}" width="{:.1}" height="10"/><line class="headroom" x1="{hx:.1}" y1="{:.1}" x2="{hx:.1}" y2="{:.1}"/>"#,
        f.left,
        at(usable as f64) - f.left,
        if peak > usable { " over" } else { "" },
        f.left,
        (at(peak as f64) - f.left).max(1.0),
        y - 2.0,
        y + 12.0,
        hx = at(usable as f64 * headroom),
    );
    text(
        out,
        f.left,
        y + 24.0,
        "tick",
        "start",
        &format!("to scale: peak {} of {} usable", count(peak), count(usable)),
    );
}
