//! Chart 4: progress towards each national target that falls within the plan years. Per
//! target: a bar from 0 to what the plan achieves in the target's year (blue when met,
//! vermillion when missed), a dark tick at the threshold, a hollow ring at the no-plan
//! value, and the achieved value with "met" / "missed" written out, so colour is never
//! the only signal. The scale is 0–100 %.

use model::fmt;
use model::words::{Common, Ui};
use model::{Lang, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    Align, BLUE, ChartError, GRID, Metrics, Pen, RowLabel, Rows, Swatch, TEXT, TEXT_MUTED, TRACK,
    VERMILLION, draw_empty, draw_legend, draw_row_labels, layout_rows, legend_layout, render_svg,
    scale_x, text_width, to_i32,
};

/// One national target's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    /// Target id (catalogue).
    pub id: &'static str,
    /// The year it must be met by.
    pub year: i32,
    /// Threshold, a share (0,2 = 20 %).
    pub threshold: f64,
    /// Whether the year lies within the plan; the chart shows only these.
    pub assessable: bool,
    /// What the plan achieves in that year (reduction or share).
    pub value: f64,
    /// What the region would have without the plan.
    pub baseline_value: f64,
    /// `value ≥ threshold`.
    pub met: bool,
}

/// What the targets chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetsChart {
    /// Every national target, catalogue order (assessable or not).
    pub targets: Vec<TargetRow>,
}

/// "Đạt" / "Chưa đạt" (vi), "Met" / "Missed" (en).
pub fn status(met: bool, lang: Lang) -> &'static str {
    if met {
        Common::Met.get(lang)
    } else {
        Common::Missed.get(lang)
    }
}

/// A target's label with its year: "2030: Giảm ≥ 20 % …".
pub fn target_label(id: &str, year: i32, lang: Lang) -> String {
    let label = model::data::target(id).map(|t| t.label(lang)).unwrap_or(id);
    format!("{year}: {label}")
}

impl TargetsChart {
    /// Takes every target of a projection.
    pub fn from_projection(p: &Projection) -> TargetsChart {
        TargetsChart {
            targets: p
                .targets
                .iter()
                .map(|t| TargetRow {
                    id: t.id,
                    year: t.year,
                    threshold: t.threshold,
                    assessable: t.assessable,
                    value: t.value,
                    baseline_value: t.baseline_value,
                    met: t.met,
                })
                .collect(),
        }
    }

    /// The chart's title, used as its accessible name.
    pub fn title(lang: Lang) -> &'static str {
        Ui::TargetsChartTitle.get(lang)
    }

    /// The targets the chart draws (those within the plan years).
    pub fn shown(&self) -> impl Iterator<Item = &TargetRow> {
        self.targets.iter().filter(|t| t.assessable)
    }

    /// The height that fits every row at width `w`.
    pub fn preferred_height(&self, w: u32, lang: Lang) -> u32 {
        let m = Metrics::for_size(w, super::MAX_SIZE);
        let plan = self.plan(&m, lang);
        (plan.bottom + m.pad).clamp(super::MIN_SIZE as i32, super::MAX_SIZE as i32) as u32
    }

    fn plan(&self, m: &Metrics, lang: Lang) -> Plan {
        let legend = legend_items(lang);
        let labels: Vec<&str> = legend.iter().map(|(_, l)| l.as_str()).collect();
        let (_, legend_bottom) = legend_layout(m, &labels, m.pad, m.w - m.pad, m.pad);
        let y = legend_bottom + to_i32(m.font * 0.4);
        let shown: Vec<&TargetRow> = self.shown().collect();
        let values: Vec<String> = shown
            .iter()
            .map(|t| format!("{} · {}", fmt::pct(t.value, lang), status(t.met, lang)))
            .collect();
        let row_labels: Vec<RowLabel> = shown
            .iter()
            .map(|t| {
                let full = target_label(t.id, t.year, lang);
                RowLabel {
                    short: full.clone(),
                    full,
                }
            })
            .collect();
        let vw = values
            .iter()
            .map(|v| text_width(v, m.font))
            .fold(0.0, f64::max);
        let rows = layout_rows(m, &row_labels, m.pad, m.w - m.pad, y, vw, 2);
        let axis_y = rows.bottom + to_i32(m.small * 0.3);
        let bottom = if shown.is_empty() {
            y + 3 * m.line_h()
        } else {
            axis_y + m.line_h()
        };
        Plan {
            rows_y: y,
            rows,
            values,
            axis_y,
            bottom,
        }
    }
}

struct Plan {
    rows_y: i32,
    rows: Rows,
    values: Vec<String>,
    axis_y: i32,
    bottom: i32,
}

fn legend_items(lang: Lang) -> Vec<(Swatch, String)> {
    vec![
        (
            Swatch::Box(BLUE.to_rgba()),
            Ui::WithPlanMet.get(lang).to_string(),
        ),
        (
            Swatch::Box(VERMILLION.to_rgba()),
            Ui::WithPlanMissed.get(lang).to_string(),
        ),
        (Swatch::Tick(TEXT), Common::Target.get(lang).to_string()),
        (
            Swatch::Ring(TEXT_MUTED),
            Common::WithoutPlan.get(lang).to_string(),
        ),
    ]
}

/// Draws the targets chart onto `area`.
pub fn draw_targets<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TargetsChart,
    lang: Lang,
) -> Result<(), ChartError> {
    let pen = Pen::new(area)?;
    let m = pen.m;
    let plan = data.plan(&m, lang);
    draw_legend(&pen, &legend_items(lang), m.pad, m.w - m.pad, m.pad)?;
    let shown: Vec<&TargetRow> = data.shown().collect();
    if shown.is_empty() {
        return draw_empty(
            &pen,
            Ui::NoTargetInPlan.get(lang),
            plan.rows_y + m.line_h() / 2,
        );
    }
    let r = &plan.rows;
    let (x0, x1) = (r.bar_x0, r.bar_x1);

    // Grid at 0, 25, 50, 75 and 100 %, labelled below the rows.
    let grid_top = r.rows.first().map_or(plan.rows_y, |g| g.bar_y0);
    let grid_bottom = r.rows.last().map_or(plan.rows_y, |g| g.bar_y1);
    for k in 0..=4 {
        let share = f64::from(k) * 0.25;
        let x = scale_x(share, 1.0, x0, x1);
        pen.path(vec![(x, grid_top), (x, grid_bottom)], GRID.to_rgba(), 1)?;
        if k % 2 == 0 {
            let align = match k {
                0 => Align::Start,
                4 => Align::End,
                _ => Align::Middle,
            };
            pen.text(
                &fmt::pct(share, lang),
                x,
                plan.axis_y + m.line_h() / 2,
                m.small,
                TEXT_MUTED,
                align,
                false,
            )?;
        }
    }

    draw_row_labels(&pen, r)?;
    let ext = to_i32(m.font * 0.3);
    let ring = to_i32(m.font * 0.3).max(3);
    for ((t, geom), value) in shown.iter().zip(&r.rows).zip(&plan.values) {
        let (y0, y1) = (geom.bar_y0, geom.bar_y1);
        let mid = (y0 + y1) / 2;
        pen.fill_rect(x0, y0, x1, y1, TRACK.to_rgba())?;
        let color = if t.met { BLUE } else { VERMILLION };
        let end = scale_x(t.value, 1.0, x0, x1);
        pen.fill_rect(x0, y0, end, y1, color.to_rgba())?;
        if t.threshold.is_finite() {
            let tx = scale_x(t.threshold, 1.0, x0, x1);
            pen.fill_rect(tx - 1, y0 - ext, tx + 2, y1 + ext, TEXT.to_rgba())?;
        }
        if t.baseline_value.is_finite() {
            let bx = scale_x(t.baseline_value, 1.0, x0, x1);
            pen.circle(bx, mid, ring, TEXT_MUTED.to_rgba(), false, 2)?;
        }
        pen.value_after(value, x1, mid)?;
    }
    Ok(())
}

/// The targets chart as a responsive SVG string drawn at `w × h`; use
/// [`TargetsChart::preferred_height`] for `h`.
pub fn targets_svg(data: &TargetsChart, lang: Lang, w: u32, h: u32) -> Result<String, ChartError> {
    render_svg(w, h, TargetsChart::title(lang), "targets", |area| {
        draw_targets(area, data, lang)
    })
}
