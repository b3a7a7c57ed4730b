//! The axes of a chart of values per plan year (the deaths chart, the compare chart): a
//! value scale with labelled grid lines, one column per year with its label below, and the
//! mapping from (year index, value) to pixels.

use model::Lang;
use model::money::fmt_num;
use plotters::prelude::*;

use super::{
    Align, ChartError, GRID, Pen, TEXT, TEXT_MUTED, clean, nice_step, step_decimals, text_width,
    to_i32,
};

/// Where the plot of a year chart lies and how values map onto it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YearAxes {
    left: i32,
    bottom: i32,
    plot_w: f64,
    plot_h: f64,
    columns: usize,
    y_min: f64,
    y_span: f64,
}

impl YearAxes {
    /// Draws the grid (labelled values, a darker zero line when zero is on the axis) and
    /// the year labels (thinned when they would collide) for values in `lo..=hi`, in the
    /// area below `top`; returns the mapping. `years` must not be empty.
    pub(crate) fn draw<DB: DrawingBackend>(
        pen: &Pen<'_, DB>,
        years: &[i32],
        lo: f64,
        hi: f64,
        top: i32,
        lang: Lang,
    ) -> Result<YearAxes, ChartError> {
        let m = pen.m;
        let n = years.len().max(1);
        let bottom = m.h - m.pad - m.line_h();
        let plot_h = f64::from((bottom - top).max(20));
        let target = ((plot_h / (m.font * 3.0)) as usize).clamp(2, 6);
        let (y_min, step, ticks) = y_scale(lo, hi, target);
        let decimals = step_decimals(step);
        let labels: Vec<String> = (0..=ticks)
            .map(|k| fmt_num(y_min + k as f64 * step, decimals, lang))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, m.small))
            .fold(0.0, f64::max);
        let left = m.pad + to_i32(label_w) + m.pad / 2 + 2;
        let right = m.w - m.pad;
        let axes = YearAxes {
            left,
            bottom,
            plot_w: f64::from((right - left).max(20)),
            plot_h,
            columns: n,
            y_min,
            y_span: step * ticks as f64,
        };
        for (k, label) in labels.iter().enumerate() {
            let ty = axes.y(y_min + k as f64 * step);
            let color = if k == 0 && y_min == 0.0 {
                TEXT_MUTED
            } else {
                GRID
            };
            pen.path(vec![(left, ty), (right, ty)], color.to_rgba(), 1)?;
            pen.text(
                label,
                left - m.pad / 2,
                ty,
                m.small,
                TEXT_MUTED,
                Align::End,
                false,
            )?;
        }
        let year_w = text_width("2030", m.small) + f64::from(m.pad);
        let every = ((year_w * n as f64 / axes.plot_w).ceil() as usize).max(1);
        for (i, year) in years.iter().enumerate() {
            if i % every == 0 {
                pen.text(
                    &year.to_string(),
                    axes.x(i),
                    bottom + m.line_h() / 2 + 2,
                    m.small,
                    TEXT,
                    Align::Middle,
                    false,
                )?;
            }
        }
        Ok(axes)
    }

    /// The x of the middle of the `i`-th year's column.
    pub(crate) fn x(&self, i: usize) -> i32 {
        self.left + to_i32((i as f64 + 0.5) * self.plot_w / self.columns as f64)
    }

    /// The y of a value (clamped to the plot).
    pub(crate) fn y(&self, v: f64) -> i32 {
        self.bottom - to_i32(((clean(v) - self.y_min) / self.y_span).clamp(0.0, 1.0) * self.plot_h)
    }
}

/// The unit of the value axis (a small muted line, "Số ca tử vong / năm") below `y`;
/// returns the y below it.
pub(crate) fn draw_unit<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    unit: &str,
    y: i32,
) -> Result<i32, ChartError> {
    let m = pen.m;
    let y = y + to_i32(m.small * 0.3);
    pen.text(
        unit,
        m.pad,
        y + to_i32(m.small * 0.6),
        m.small,
        TEXT_MUTED,
        Align::Start,
        false,
    )?;
    Ok(y + to_i32(m.small * 1.2))
}

/// The y axis for values in `lo..=hi`: (first tick, step, number of steps). Starts at zero
/// when `lo` is below 40 % of `hi`; otherwise leaves some room around the data.
pub(crate) fn y_scale(lo: f64, hi: f64, target: usize) -> (f64, f64, usize) {
    let target = target.max(2);
    let hi = clean(hi);
    let lo = if lo.is_finite() {
        clean(lo).min(hi)
    } else {
        0.0
    };
    if hi <= 0.0 {
        return (0.0, 1.0, target);
    }
    if lo < 0.4 * hi {
        let step = nice_step(hi, target);
        let ticks = ((hi / step).ceil() as usize).clamp(1, 40);
        return (0.0, step, ticks);
    }
    let room = ((hi - lo) * 0.25).max(hi * 0.01);
    let (a, b) = ((lo - room).max(0.0), hi + room);
    let step = nice_step(b - a, target);
    let first = (a / step).floor() * step;
    let ticks = (((b - first) / step).ceil() as usize).clamp(1, 40);
    (first.max(0.0), step, ticks)
}
