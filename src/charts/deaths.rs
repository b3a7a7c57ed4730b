//! Chart 1: expected child drowning deaths per plan year, without the plan (dashed,
//! hollow squares) and with it (solid, filled circles), with the Monte Carlo p10–p90 range
//! shaded when the page has one.
//!
//! The y axis starts at zero when the data come near it; otherwise (national deaths of
//! about 1.760 against 1.720) it is fitted around the data, as a line chart may be, so the
//! gap the plan makes stays visible. Grid lines are labelled, and the zero line is drawn
//! darker only when zero is on the axis.

use model::words::{Common, Ui};
use model::{Lang, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{YearAxes, draw_unit};
use super::{
    BLUE, ChartError, Pen, Swatch, VERMILLION, clean, draw_empty, draw_legend, marker, render_svg,
    to_i32,
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
    /// A y range every series must fit into, shared by several charts (a workshop pack's
    /// slides): the axis covers it (and the data, should they fall outside), so it does not
    /// rescale from one chart to the next. `None`: fitted to this chart's data.
    pub y_range: Option<(f64, f64)>,
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
            y_range: None,
        }
    }

    /// The per-year (p10, p90) of deaths with the plan from a Monte Carlo result: the band
    /// [`DeathsChart::from_projection`] takes.
    pub fn band(u: &model::Uncertainty) -> Vec<(f64, f64)> {
        u.years
            .iter()
            .map(|y| (y.deaths.p10, y.deaths.p90))
            .collect()
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
    let y = draw_legend(&pen, &legend, m.pad, m.w - m.pad, m.pad)?;
    let y = draw_unit(&pen, Ui::DeathsPerYear.get(lang), y)?;

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
    if let Some((a, b)) = data.y_range.filter(|(a, b)| a.is_finite() && b.is_finite()) {
        lo = lo.min(a.max(0.0));
        hi = hi.max(b);
    }
    let axes = YearAxes::draw(&pen, &data.years, lo, hi, y + to_i32(m.small * 0.7), lang)?;
    let (to_x, to_y) = (|i| axes.x(i), |v| axes.y(v));

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
