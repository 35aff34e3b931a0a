//! What every chart of the page shares: the plotting frame, value axes with round ticks,
//! and number formats. Coordinates are written with one decimal, so the same figures always
//! give the same bytes.

use super::html::escape;
use crate::numbers::thousands;
use std::fmt::Write;

/// Colors of the series of one chart, in order; the CSS names them too, so the legend and
/// the lines agree.
pub const SERIES: [&str; 8] = [
    "#2563eb", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#db2777", "#65a30d", "#475569",
];

pub fn series_color(i: usize) -> &'static str {
    SERIES[i % SERIES.len()]
}

/// A round number at or above `v` (1, 2, 2.5 or 5 times a power of ten), the top of an axis.
pub fn nice_ceiling(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&t| t >= v * 0.999_999)
        .unwrap_or(10.0 * power)
}

/// A grid step at or above `v`: finer than [`nice_ceiling`] so an axis ends near its data.
fn round_step(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(v.log10().floor());
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&t| t >= v * 0.999_999)
        .unwrap_or(10.0 * power)
}

/// The top of a value axis of four equal steps holding `top`: each step round, and whole
/// when the axis counts (IPs, node slots), so every grid line is a value a label can name.
pub fn axis_top(top: f64, whole: bool) -> f64 {
    let step = round_step(top / 4.0);
    4.0 * if whole { step.max(1.0).ceil() } else { step }
}

/// A count as the other outputs write it: `65,531`.
pub fn count(v: u64) -> String {
    thousands(v)
}

/// A share as a percentage with one decimal: `1.1 %`.
pub fn percent(v: f64) -> String {
    format!("{:.1} %", v * 100.0)
}

/// A chart's drawing area inside its SVG, and the value ranges it maps.
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub x_max: f64,
    pub y_max: f64,
}

impl Frame {
    /// The x of value `v` (0 at the left edge of the plot).
    pub fn x(&self, v: f64) -> f64 {
        let span = (self.width - self.left - self.right).max(1.0);
        self.left + span * (v / self.x_max.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0)
    }

    /// The y of value `v` (0 on the x axis), clamped into the plot.
    pub fn y(&self, v: f64) -> f64 {
        let span = (self.height - self.top - self.bottom).max(1.0);
        self.height - self.bottom - span * (v / self.y_max.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0)
    }

    pub fn plot_right(&self) -> f64 {
        self.width - self.right
    }

    pub fn plot_bottom(&self) -> f64 {
        self.height - self.bottom
    }

    /// The opening tag; `label` names the chart for screen readers.
    pub fn open(&self, out: &mut String, label: &str) {
        let _ = write!(
            out,
            r#"<svg class="chart" viewBox="0 0 {:.0} {:.0}" width="{:.0}" height="{:.0}" role="img" aria-label="{}">"#,
            self.width,
            self.height,
            self.width,
            self.height,
            escape(label)
        );
    }

    /// Horizontal grid lines with their values at the left, five steps of a round axis.
    pub fn y_axis(&self, out: &mut String, label: impl Fn(f64) -> String) {
        for k in 0..=4 {
            let v = self.y_max * f64::from(k) / 4.0;
            let y = self.y(v);
            let _ = write!(
                out,
                r#"<line class="grid" x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
                self.left,
                self.plot_right(),
                self.left - 4.0,
                y + 3.5,
                escape(&label(v))
            );
        }
    }

    /// A horizontal reference line across the plot (usable IPs, the headroom line) with its
    /// name at the right end; nothing when the value is above the axis.
    pub fn reference_line(&self, out: &mut String, v: f64, class: &str, text: &str) {
        if v > self.y_max {
            return;
        }
        let y = self.y(v);
        let _ = write!(
            out,
            r#"<line class="{class}" x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text class="ref-label {class}-label" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            self.left,
            self.plot_right(),
            self.plot_right() - 2.0,
            y - 3.0,
            escape(text)
        );
    }
}

/// A polyline through `points`.
pub fn polyline(out: &mut String, class: &str, color: &str, points: &[(f64, f64)]) {
    let _ = write!(out, r#"<polyline class="{class}" stroke="{color}" points=""#);
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{x:.1},{y:.1}");
    }
    out.push_str(r#""/>"#);
}

/// Text at a place, escaped.
pub fn text(out: &mut String, x: f64, y: f64, class: &str, anchor: &str, content: &str) {
    let _ = write!(
        out,
        r#"<text class="{class}" x="{x:.1}" y="{y:.1}" text-anchor="{anchor}">{}</text>"#,
        escape(content)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_ceiling(753.0), 1000.0);
        assert_eq!(nice_ceiling(1.7), 2.0);
        assert_eq!(nice_ceiling(0.21), 0.25);
        assert_eq!(nice_ceiling(65_531.0), 100_000.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(500.0), 500.0);
        assert_eq!(axis_top(3.75, true), 4.0);
        assert_eq!(axis_top(941.0, true), 1000.0);
        assert_eq!(axis_top(9.0, true), 12.0);
        assert_eq!(axis_top(1070.0, true), 1200.0);
        assert!((axis_top(0.0144, false) - 0.016).abs() < 1e-12);
    }
}
