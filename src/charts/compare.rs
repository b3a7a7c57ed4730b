//! The compare screen's chart: expected child drowning deaths per year of up to four
//! scenarios, and the first one's no-plan baseline. Each scenario has its own colour, dash
//! and marker (A ●, B ■, C ▲, D ◆), so colour is never the only difference; the baseline is
//! grey dashes. Drawn on the shared kit (`Pen`, the palette, the legend layout, the year
//! axes); scenario names (any user text) reach the SVG only through plotters, which
//! escapes them.

use model::Lang;
use model::words::Ui;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{YearAxes, draw_unit};
use super::{
    Align, BLUE, ChartError, GREEN, PURPLE, Pen, TEXT, TEXT_MUTED, VERMILLION, draw_empty,
    legend_layout, render_svg, to_i32,
};

/// Most scenarios drawn (A–D).
pub const MAX_SERIES: usize = 4;

/// One line of the chart: a label (may hold any user text) and (year, expected deaths)
/// points in year order.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend text.
    pub label: String,
    /// Points in year order.
    pub points: Vec<(i32, f64)>,
}

/// What the compare chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompareChart {
    /// The scenarios, A first (at most [`MAX_SERIES`] are drawn).
    pub series: Vec<Series>,
    /// The no-plan baseline (grey dashes), if shown.
    pub baseline: Option<Series>,
}

impl CompareChart {
    /// The chart's title, used as its accessible name.
    pub fn title(lang: Lang) -> &'static str {
        Ui::CompareChartTitle.get(lang)
    }

    /// The years on the x axis: from the first year any series has to the last (plans of
    /// different years share one axis), or only the years present when that span is absurd.
    fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .lines()
            .flat_map(|(_, s)| s.points.iter().map(|p| p.0))
            .collect();
        years.sort_unstable();
        years.dedup();
        match (years.first(), years.last()) {
            (Some(&a), Some(&b)) if b.saturating_sub(a) <= 100 => (a..=b).collect(),
            _ => years,
        }
    }

    /// The baseline (style `None`), then each scenario with its style index.
    fn lines(&self) -> impl Iterator<Item = (Option<usize>, &Series)> {
        self.baseline.iter().map(|b| (None, b)).chain(
            self.series
                .iter()
                .take(MAX_SERIES)
                .enumerate()
                .map(|(i, s)| (Some(i), s)),
        )
    }
}

/// How a line is drawn: colour, dash (`None`: solid) and marker.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    color: RGBColor,
    dash: Option<(i32, i32)>,
    mark: Mark,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    None,
    Circle,
    Square,
    Triangle,
    Diamond,
}

fn style(line: Option<usize>) -> Style {
    let (color, dash, mark) = match line {
        None => (TEXT_MUTED, Some((6, 5)), Mark::None),
        Some(0) => (BLUE, None, Mark::Circle),
        Some(1) => (VERMILLION, Some((12, 4)), Mark::Square),
        Some(2) => (GREEN, Some((3, 3)), Mark::Triangle),
        Some(_) => (PURPLE, Some((10, 3)), Mark::Diamond),
    };
    Style { color, dash, mark }
}

fn stroke<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    pts: Vec<(i32, i32)>,
    s: Style,
) -> Result<(), ChartError> {
    let width = if s.mark == Mark::None { 2 } else { 3 };
    match s.dash {
        None => pen.path(pts, s.color.to_rgba(), width),
        Some((dash, gap)) => pen.dashed(pts, s.color.to_rgba(), width, dash, gap),
    }
}

fn mark<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    (x, y): (i32, i32),
    s: Style,
) -> Result<(), ChartError> {
    let r = to_i32(pen.m.font * 0.35).max(4);
    let c = s.color.to_rgba();
    match s.mark {
        Mark::None => Ok(()),
        Mark::Circle => pen.circle(x, y, r, c, true, 1),
        Mark::Square => pen.fill_rect(x - r + 1, y - r + 1, x + r, y + r, c),
        Mark::Triangle => pen.polygon(
            vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
            c,
        ),
        Mark::Diamond => pen.polygon(
            vec![
                (x, y - r - 1),
                (x + r + 1, y),
                (x, y + r + 1),
                (x - r - 1, y),
            ],
            c,
        ),
    }
}

/// Draws the compare chart onto `area`: the legend above, then the plot.
pub fn draw_compare<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CompareChart,
    lang: Lang,
) -> Result<(), ChartError> {
    let pen = Pen::new(area)?;
    let m = pen.m;
    let years = data.years();
    let values: Vec<f64> = data
        .lines()
        .flat_map(|(_, s)| s.points.iter().map(|p| p.1))
        .filter(|v| v.is_finite())
        .collect();
    if years.is_empty() || values.is_empty() {
        return draw_empty(&pen, Ui::NoData.get(lang), m.pad + m.line_h());
    }
    // Legend: each entry's line and marker, then its (fitted) label.
    let lines: Vec<(Option<usize>, &Series)> = data.lines().collect();
    let labels: Vec<&str> = lines.iter().map(|(_, s)| s.label.as_str()).collect();
    let (placed, y) = legend_layout(&m, &labels, m.pad, m.w - m.pad, m.pad);
    let sw = to_i32(m.small * 1.8);
    let gap = to_i32(m.small * 0.4);
    for ((line, _), (x, ly, label)) in lines.iter().zip(placed) {
        let s = style(*line);
        stroke(&pen, vec![(x, ly), (x + sw, ly)], s)?;
        mark(&pen, (x + sw / 2, ly), s)?;
        pen.text(&label, x + sw + gap, ly, m.small, TEXT, Align::Start, false)?;
    }
    let y = draw_unit(&pen, Ui::DeathsPerYear.get(lang), y)?;
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(0.0, f64::max);
    let axes = YearAxes::draw(&pen, &years, lo, hi, y + to_i32(m.small * 0.7), lang)?;
    let column = |year: i32| years.iter().position(|y| *y == year).unwrap_or_default();
    for (line, series) in lines {
        let s = style(line);
        let pts: Vec<(i32, i32)> = series
            .points
            .iter()
            .filter(|p| p.1.is_finite())
            .map(|(year, v)| (axes.x(column(*year)), axes.y(*v)))
            .collect();
        stroke(&pen, pts.clone(), s)?;
        for p in pts {
            mark(&pen, p, s)?;
        }
    }
    Ok(())
}

/// The compare chart as a responsive SVG string, drawn at `w × h` (see
/// [`super::finish_svg`]).
pub fn compare_svg(data: &CompareChart, lang: Lang, w: u32, h: u32) -> Result<String, ChartError> {
    render_svg(w, h, CompareChart::title(lang), "compare", |area| {
        draw_compare(area, data, lang)
    })
}
