//! Chart 1: expected child drowning deaths per plan year, without the plan (dashed,
//! hollow squares) and with it (solid, filled circles), with the Monte Carlo p10–p90 range
//! shaded when the page has one.
//!
//! The y axis starts at zero when the data come near it; otherwise (national deaths of
//! about 1.760 against 1.720) it is fitted around the data, as a line chart may be, so the
//! gap the plan makes stays visible. Grid lines are labelled, and the zero line is drawn
//! darker only when zero is on the axis.

use model::fmt;
use model::words::{Common, Ui};
use model::{Lang, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    Align, BLUE, ChartError, GRID, Pen, Swatch, TEXT, TEXT_MUTED, VERMILLION, clean, draw_empty,
    draw_legend, marker, nice_step, render_svg, step_decimals, text_width, to_i32,
};

/// What the deaths chart shows; one entry per plan year in every vector.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeathsChart {
    /// Plan years.
    pub years: Vec<i32>,
    /// Expected deaths without the plan, per year.
    pub baseline: Vec<f64>,
    /// Expected deaths with the plan, per year.
    pub scenario: Vec<f64>,
    /// Per year (p10, p90) of deaths with the plan, from the Monte Carlo. Ignored when its
    /// length differs from `years`.
    pub band: Option<Vec<(f64, f64)>>,
}

impl DeathsChart {
    /// Takes the years from a projection; `band` is per year (p10, p90) deaths with the
    /// plan, or `None` while there is no Monte Carlo result.
    pub fn from_projection(p: &Projection, band: Option<Vec<(f64, f64)>>) -> DeathsChart {
        DeathsChart {
            years: p.years.iter().map(|y| y.year).collect(),
            baseline: p.years.iter().map(|y| y.deaths_baseline).collect(),
            scenario: p.years.iter().map(|y| y.deaths).collect(),
            band,
        }
    }

    /// The band when it is usable (one finite pair per year), as (low, high) ≥ 0.
    pub fn valid_band(&self) -> Option<Vec<(f64, f64)>> {
        let band = self.band.as_ref()?;
        if band.len() != self.years.len() || band.is_empty() {
            return None;
        }
        if band.iter().any(|(a, b)| !a.is_finite() || !b.is_finite()) {
            return None;
        }
        Some(
            band.iter()
                .map(|(a, b)| (clean(a.min(*b)), clean(a.max(*b))))
                .collect(),
        )
    }

    /// A good height for width `w` (about 5:3, taller on phones). The language does not
    /// change it; it is taken for symmetry with the other charts.
    pub fn preferred_height(&self, w: u32, _lang: Lang) -> u32 {
        (f64::from(w) * 0.62).clamp(280.0, 560.0) as u32
    }

    /// The chart's title, used as its accessible name.
    pub fn title(lang: Lang) -> &'static str {
        Ui::DeathsChartTitle.get(lang)
    }

    fn value(v: &[f64], i: usize) -> f64 {
        clean(v.get(i).copied().unwrap_or(0.0))
    }
}

/// Draws the deaths chart onto `area`.
pub fn draw_deaths<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &DeathsChart,
    lang: Lang,
) -> Result<(), ChartError> {
    let pen = Pen::new(area)?;
    let m = pen.m;
    let band = data.valid_band();
    let n = data.years.len();

    let mut legend = vec![
        (
            Swatch::Line {
                color: VERMILLION,
                dashed: true,
                square: true,
            },
            Common::WithoutPlan.get(lang).to_string(),
        ),
        (
            Swatch::Line {
                color: BLUE,
                dashed: false,
                square: false,
            },
            Common::WithPlan.get(lang).to_string(),
        ),
    ];
    if band.is_some() {
        legend.push((
            Swatch::Box(BLUE.mix(0.22)),
            Ui::P10P90Range.get(lang).to_string(),
        ));
    }
    let mut y = draw_legend(&pen, &legend, m.pad, m.w - m.pad, m.pad)?;
    y += to_i32(m.small * 0.3);
    pen.text(
        Ui::DeathsPerYear.get(lang),
        m.pad,
        y + to_i32(m.small * 0.6),
        m.small,
        TEXT_MUTED,
        Align::Start,
        false,
    )?;
    y += to_i32(m.small * 1.2);

    if n == 0 {
        return draw_empty(&pen, Ui::PlanHasNoYears.get(lang), y + m.line_h());
    }

    // Y scale: nice values around every series and the band.
    let mut lo = f64::INFINITY;
    let mut hi = 0.0f64;
    for i in 0..n {
        for v in [
            DeathsChart::value(&data.baseline, i),
            DeathsChart::value(&data.scenario, i),
        ] {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if let Some(b) = &band {
        for (l, h) in b {
            lo = lo.min(*l);
            hi = hi.max(*h);
        }
    }
    let top = y + to_i32(m.small * 0.7);
    let bottom = m.h - m.pad - m.line_h();
    let plot_h = f64::from((bottom - top).max(20));
    let target = ((plot_h / (m.font * 3.0)) as usize).clamp(2, 6);
    let (y_min, step, ticks) = y_scale(lo, hi, target);
    let y_span = step * ticks as f64;
    let decimals = step_decimals(step);
    let labels: Vec<String> = (0..=ticks)
        .map(|k| fmt::fmt_num(y_min + k as f64 * step, decimals, lang))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| text_width(l, m.small))
        .fold(0.0, f64::max);
    let left = m.pad + to_i32(label_w) + m.pad / 2 + 2;
    let right = m.w - m.pad;
    let plot_w = f64::from((right - left).max(20));
    let to_y = |v: f64| bottom - to_i32(((clean(v) - y_min) / y_span).clamp(0.0, 1.0) * plot_h);
    let to_x = |i: usize| left + to_i32((i as f64 + 0.5) * plot_w / n as f64);

    for (k, label) in labels.iter().enumerate() {
        let ty = to_y(y_min + k as f64 * step);
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

    // Year labels, thinned when they would collide.
    let year_w = text_width("2030", m.small) + f64::from(m.pad);
    let every = ((year_w * n as f64 / plot_w).ceil() as usize).max(1);
    for (i, year) in data.years.iter().enumerate() {
        if i % every == 0 {
            pen.text(
                &year.to_string(),
                to_x(i),
                bottom + m.line_h() / 2 + 2,
                m.small,
                TEXT,
                Align::Middle,
                false,
            )?;
        }
    }

    if let Some(b) = &band {
        let mut pts: Vec<(i32, i32)> = Vec::with_capacity(2 * n + 2);
        if let (1, Some(&(lo, hi))) = (n, b.first()) {
            let half = to_i32(m.font * 0.8);
            let x = to_x(0);
            pts.extend([
                (x - half, to_y(hi)),
                (x + half, to_y(hi)),
                (x + half, to_y(lo)),
                (x - half, to_y(lo)),
            ]);
        } else {
            pts.extend(
                b.iter()
                    .enumerate()
                    .map(|(i, (_, hi))| (to_x(i), to_y(*hi))),
            );
            pts.extend(
                b.iter()
                    .enumerate()
                    .rev()
                    .map(|(i, (lo, _))| (to_x(i), to_y(*lo))),
            );
        }
        pen.polygon(pts, BLUE.mix(0.22))?;
    }

    let base: Vec<(i32, i32)> = (0..n)
        .map(|i| (to_x(i), to_y(DeathsChart::value(&data.baseline, i))))
        .collect();
    let scen: Vec<(i32, i32)> = (0..n)
        .map(|i| (to_x(i), to_y(DeathsChart::value(&data.scenario, i))))
        .collect();
    let dash = to_i32(m.font * 0.6);
    pen.dashed(base.clone(), VERMILLION.to_rgba(), 3, dash, dash / 2 + 1)?;
    pen.path(scen.clone(), BLUE.to_rgba(), 3)?;
    for (x, y) in base {
        marker(&pen, x, y, VERMILLION, true)?;
    }
    for (x, y) in scen {
        marker(&pen, x, y, BLUE, false)?;
    }
    Ok(())
}

/// The deaths chart as a responsive SVG string, drawn at `w × h` (see [`super::finish_svg`]).
pub fn deaths_svg(data: &DeathsChart, lang: Lang, w: u32, h: u32) -> Result<String, ChartError> {
    render_svg(w, h, DeathsChart::title(lang), "deaths", |area| {
        draw_deaths(area, data, lang)
    })
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
