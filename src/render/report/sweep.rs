//! The sweeps of `simulate --sweep`: the pods-per-node sweep drawn (every used range's peak
//! as a share of its usable IPs, each density put into every pool), and per range the
//! largest pods per node, max_pods and max_count that still fit.

use super::html::escape;
use super::svg::{axis_top, percent, polyline, series_color, text, Frame};
use crate::simulate::{Sweep, SweepKind, SweepSubnet};
use std::fmt::Write;

/// Lines on one chart before it turns into a tangle: the fullest ranges are drawn.
const MOST_LINES: usize = 8;
/// The chart's top when some range runs far out: 200 % of usable says enough.
const HIGHEST_SHARE: f64 = 2.0;

pub fn write(out: &mut String, sweeps: &[Sweep], headroom: f64) {
    out.push_str(r#"<section id="sweeps"><h2>Sweeps</h2>"#);
    out.push_str(
        r#"<p class="lead">Peak demand of every used range as pods per node vary on every pool together (<code>cniplan simulate --sweep pods-per-node</code>), as a share of usable IPs.</p>"#,
    );
    let Some(pods) = sweeps.iter().find(|s| s.kind == SweepKind::PodsPerNode) else {
        out.push_str("</section>");
        return;
    };
    if pods.subnets.is_empty() || pods.values.is_empty() {
        out.push_str("<p>No subnet is used by a node pool.</p></section>");
        return;
    }
    chart(out, pods, headroom);
    table(out, sweeps);
    out.push_str("</section>");
}

/// Each series' share of usable at every value; `None` for a range with no usable IP.
fn shares(sweep: &Sweep, i: usize) -> Option<Vec<(f64, f64)>> {
    sweep
        .values
        .iter()
        .map(|v| {
            let row = v.subnets.get(i)?;
            (row.usable > 0).then(|| (f64::from(v.value), row.peak_demand as f64 / row.usable as f64))
        })
        .collect()
}

fn chart(out: &mut String, sweep: &Sweep, headroom: f64) {
    let mut series: Vec<(usize, Vec<(f64, f64)>)> = (0..sweep.subnets.len())
        .filter_map(|i| shares(sweep, i).map(|s| (i, s)))
        .collect();
    let last = |s: &[(f64, f64)]| s.last().map_or(0.0, |p| p.1);
    if series.len() > MOST_LINES {
        series.sort_by(|a, b| last(&b.1).total_cmp(&last(&a.1)).then(a.0.cmp(&b.0)));
        series.truncate(MOST_LINES);
        series.sort_by_key(|s| s.0);
        let _ = write!(
            out,
            "<p>The {MOST_LINES} fullest of {} ranges are drawn.</p>",
            sweep.subnets.len()
        );
    }
    let highest = series
        .iter()
        .flat_map(|(_, s)| s.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    let zoomed = highest < headroom / 2.0;
    let top = if zoomed {
        highest * 1.25
    } else {
        (highest.max(1.0) * 1.05).min(HIGHEST_SHARE)
    };
    let x_max = sweep.values.last().map_or(1.0, |v| f64::from(v.value.max(1)));
    let f = Frame {
        width: 1100.0,
        height: 320.0,
        left: 58.0,
        right: 16.0,
        top: 24.0,
        bottom: 40.0,
        x_max,
        y_max: axis_top(top.max(0.0001), false),
    };
    out.push_str(r#"<figure class="card wide">"#);
    f.open(out, "pods-per-node sweep");
    f.y_axis(out, percent);
    for k in 0..=5 {
        let v = (x_max * f64::from(k) / 5.0).round();
        text(
            out,
            f.x(v),
            f.plot_bottom() + 16.0,
            "tick",
            "middle",
            &format!("{v}"),
        );
    }
    text(
        out,
        (f.left + f.plot_right()) / 2.0,
        f.plot_bottom() + 32.0,
        "axis-label",
        "middle",
        "pods per node",
    );
    f.reference_line(out, 1.0, "usable", "usable (100 %)");
    f.reference_line(
        out,
        headroom,
        "headroom",
        &format!("headroom {}", percent(headroom)),
    );
    if zoomed {
        text(
            out,
            f.plot_right(),
            f.top - 8.0,
            "note",
            "end",
            &format!("the headroom line ({}) is above this scale", percent(headroom)),
        );
    } else if highest > HIGHEST_SHARE {
        text(
            out,
            f.plot_right(),
            f.top - 8.0,
            "note",
            "end",
            "lines above the top are cut",
        );
    }
    for (n, (_, points)) in series.iter().enumerate() {
        let points: Vec<(f64, f64)> = points.iter().map(|&(x, y)| (f.x(x), f.y(y))).collect();
        polyline(out, "series", series_color(n), &points);
    }
    out.push_str("</svg><p class=\"legend\">");
    for (n, (i, _)) in series.iter().enumerate() {
        let _ = write!(
            out,
            r#"<span class="swatch" style="background:{}"></span>{} "#,
            series_color(n),
            escape(&label(&sweep.subnets[*i]))
        );
    }
    out.push_str("</p></figure>");
}

fn label(s: &SweepSubnet) -> String {
    match &s.vnet {
        Some(vnet) => format!("{vnet}/{}", s.name),
        None => s.name.clone(),
    }
}

/// Per range, the largest value of each sweep that still fits.
fn table(out: &mut String, sweeps: &[Sweep]) {
    out.push_str(r#"<table><thead><tr><th>range</th><th>role</th>"#);
    for sweep in sweeps {
        let _ = write!(out, r#"<th class="num">largest {}</th>"#, sweep.kind.key());
    }
    out.push_str("</tr></thead><tbody>");
    let Some(first) = sweeps.first() else {
        out.push_str("</tbody></table>");
        return;
    };
    for (i, subnet) in first.subnets.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            escape(&label(subnet)),
            escape(subnet.role.as_str())
        );
        for sweep in sweeps {
            let cell = match sweep.subnets.get(i) {
                Some(s) if s.every_value_fits => {
                    format!("{} (every value)", s.largest_fitting.unwrap_or_default())
                }
                Some(SweepSubnet {
                    largest_fitting: Some(v),
                    ..
                }) => v.to_string(),
                Some(_) => r#"<span class="bad">none fits</span>"#.to_string(),
                None => String::new(),
            };
            let _ = write!(out, r#"<td class="num">{cell}</td>"#);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}
