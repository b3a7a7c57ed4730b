//! Chart 2: the budget. Top panel: annual allocation per programme line, as horizontal
//! bars labelled in tỷ / triệu đồng. Bottom panel: each plan year's budget split by funding
//! source (central, provincial, mobilised) as a stacked bar, with a dark tick at the amount
//! allocated to lines, so over- and under-allocation show at a glance.

use model::fmt;
use model::words::{Common, Ui};
use model::{Lang, Money, Projection, Scenario};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    Align, BACKGROUND, BLUE, ChartError, GREEN, Metrics, Pen, RowLabel, Rows, Swatch, TEXT,
    VERMILLION, draw_heading, draw_legend, draw_row_labels, heading_bottom, heading_lines,
    layout_rows, legend_layout, line_names, render_svg, scale_x, text_width, to_i32,
};

/// One programme line's allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    /// Line id (catalogue).
    pub id: &'static str,
    /// Annual allocation.
    pub annual: Money,
    /// Allocation over the plan.
    pub total: Money,
}

/// One plan year's budget by source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSources {
    /// The year.
    pub year: i32,
    /// Ngân sách trung ương.
    pub central: Money,
    /// Ngân sách địa phương.
    pub provincial: Money,
    /// Vận động, xã hội hóa.
    pub mobilised: Money,
    /// Allocated to lines in that year.
    pub allocated: Money,
}

impl YearSources {
    /// All three sources.
    pub fn total(&self) -> Money {
        self.central
            .saturating_add(self.provincial)
            .saturating_add(self.mobilised)
    }
}

/// What the budget chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BudgetChart {
    /// Per line, catalogue order.
    pub lines: Vec<BudgetLine>,
    /// Per plan year.
    pub years: Vec<YearSources>,
}

/// Names of the funding sources, in stacking order.
pub fn source_names(lang: Lang) -> [&'static str; 3] {
    [
        Common::CentralBudget.get(lang),
        Common::ProvincialBudget.get(lang),
        Common::MobilisedFunds.get(lang),
    ]
}

const SOURCE_COLORS: [RGBColor; 3] = [BLUE, GREEN, VERMILLION];

impl BudgetChart {
    /// Lines from the projection; each year's sources from the scenario's budget row for
    /// that year (zeros when the scenario has no row for it, e.g. a stale projection).
    pub fn from_projection(p: &Projection, s: &Scenario) -> BudgetChart {
        BudgetChart {
            lines: p
                .lines
                .iter()
                .map(|l| BudgetLine {
                    id: l.id,
                    annual: l.annual,
                    total: l.spend_total,
                })
                .collect(),
            years: p
                .years
                .iter()
                .map(|y| {
                    let idx = i64::from(y.year) - i64::from(s.start_year);
                    let b = usize::try_from(idx)
                        .ok()
                        .and_then(|i| s.budget.get(i))
                        .copied()
                        .unwrap_or_default();
                    YearSources {
                        year: y.year,
                        central: b.central,
                        provincial: b.provincial,
                        mobilised: b.mobilised,
                        allocated: y.allocated,
                    }
                })
                .collect(),
        }
    }

    /// The chart's title, used as its accessible name.
    pub fn title(lang: Lang) -> &'static str {
        Ui::BudgetChartTitle.get(lang)
    }

    /// The height that fits every row at width `w`.
    pub fn preferred_height(&self, w: u32, lang: Lang) -> u32 {
        let m = Metrics::for_size(w, super::MAX_SIZE);
        let plan = self.plan(&m, lang);
        (plan.bottom + m.pad).clamp(super::MIN_SIZE as i32, super::MAX_SIZE as i32) as u32
    }

    fn plan(&self, m: &Metrics, lang: Lang) -> Plan {
        let x0 = m.pad;
        let x1 = m.w - m.pad;
        let head1_y = m.pad;
        let head1 = heading_lines(m, Ui::AllocationByLineYear.get(lang));
        let mut y = heading_bottom(m, head1_y, head1.len());
        let line_values: Vec<String> = self
            .lines
            .iter()
            .map(|l| fmt::money(l.annual, lang))
            .collect();
        let labels: Vec<RowLabel> = self
            .lines
            .iter()
            .map(|l| {
                let (full, short) = line_names(l.id, lang);
                RowLabel { full, short }
            })
            .collect();
        let vw = widest(&line_values, m.font);
        let rows1 = layout_rows(m, &labels, x0, x1, y, vw, 2);
        y = rows1.bottom + to_i32(m.font * 0.8);

        let head2_y = y;
        let head2 = heading_lines(m, Common::BudgetBySourceYear.get(lang));
        y = heading_bottom(m, head2_y, head2.len());
        let names = source_names(lang);
        let legend_labels = [names[0], names[1], names[2], Ui::AllocatedToLines.get(lang)];
        let (_, legend_bottom) = legend_layout(m, &legend_labels, x0, x1, y);
        y = legend_bottom + to_i32(m.font * 0.3);
        let year_values: Vec<String> = self
            .years
            .iter()
            .map(|ys| fmt::money(ys.total(), lang))
            .collect();
        let year_labels: Vec<RowLabel> = self
            .years
            .iter()
            .map(|ys| RowLabel {
                full: ys.year.to_string(),
                short: ys.year.to_string(),
            })
            .collect();
        let vw = widest(&year_values, m.font);
        let rows2 = layout_rows(m, &year_labels, x0, x1, y, vw, 1);
        let bottom = rows2.bottom;
        Plan {
            head1_y,
            rows1,
            line_values,
            head2_y,
            legend_y: heading_bottom(m, head2_y, head2.len()),
            rows2,
            year_values,
            bottom,
        }
    }
}

struct Plan {
    head1_y: i32,
    rows1: Rows,
    line_values: Vec<String>,
    head2_y: i32,
    legend_y: i32,
    rows2: Rows,
    year_values: Vec<String>,
    bottom: i32,
}

fn widest(texts: &[String], px: f64) -> f64 {
    texts.iter().map(|t| text_width(t, px)).fold(0.0, f64::max)
}

fn m_f64(m: Money) -> f64 {
    m.0.max(0) as f64
}

/// Draws the budget chart onto `area`.
pub fn draw_budget<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &BudgetChart,
    lang: Lang,
) -> Result<(), ChartError> {
    let pen = Pen::new(area)?;
    let m = pen.m;
    let plan = data.plan(&m, lang);

    // Panel 1: lines.
    draw_heading(&pen, Ui::AllocationByLineYear.get(lang), plan.head1_y)?;
    draw_row_labels(&pen, &plan.rows1)?;
    let max1 = data
        .lines
        .iter()
        .map(|l| m_f64(l.annual))
        .fold(0.0, f64::max);
    let r1 = &plan.rows1;
    for ((line, geom), value) in data.lines.iter().zip(&r1.rows).zip(&plan.line_values) {
        let end = scale_x(m_f64(line.annual), max1, r1.bar_x0, r1.bar_x1);
        pen.fill_rect(r1.bar_x0, geom.bar_y0, end, geom.bar_y1, BLUE.to_rgba())?;
        let mid = (geom.bar_y0 + geom.bar_y1) / 2;
        pen.value_after(value, end, mid)?;
    }

    // Panel 2: sources per year.
    draw_heading(&pen, Common::BudgetBySourceYear.get(lang), plan.head2_y)?;
    let names = source_names(lang);
    let mut items: Vec<(Swatch, String)> = names
        .iter()
        .zip(SOURCE_COLORS)
        .map(|(n, c)| (Swatch::Box(c.to_rgba()), (*n).to_string()))
        .collect();
    items.push((
        Swatch::Tick(TEXT),
        Ui::AllocatedToLines.get(lang).to_string(),
    ));
    draw_legend(&pen, &items, m.pad, m.w - m.pad, plan.legend_y)?;
    let r2 = &plan.rows2;
    draw_row_labels(&pen, r2)?;
    let max2 = data
        .years
        .iter()
        .map(|y| m_f64(y.total()).max(m_f64(y.allocated)))
        .fold(0.0, f64::max);
    let gap = 2;
    for ((ys, geom), value) in data.years.iter().zip(&r2.rows).zip(&plan.year_values) {
        let mut acc = 0.0;
        let mut x_prev = r2.bar_x0;
        for (amount, color) in [ys.central, ys.provincial, ys.mobilised]
            .into_iter()
            .zip(SOURCE_COLORS)
        {
            acc += m_f64(amount);
            let x = scale_x(acc, max2, r2.bar_x0, r2.bar_x1);
            if x > x_prev {
                pen.fill_rect(x_prev, geom.bar_y0, x, geom.bar_y1, color.to_rgba())?;
                // A white gap between segments, so they never touch by colour alone.
                if x_prev > r2.bar_x0 {
                    pen.fill_rect(
                        x_prev,
                        geom.bar_y0,
                        x_prev + gap,
                        geom.bar_y1,
                        BACKGROUND.to_rgba(),
                    )?;
                }
                x_prev = x;
            }
        }
        let tick = scale_x(m_f64(ys.allocated), max2, r2.bar_x0, r2.bar_x1);
        let ext = to_i32(m.font * 0.25);
        pen.fill_rect(
            tick - 1,
            geom.bar_y0 - ext,
            tick + 2,
            geom.bar_y1 + ext,
            TEXT.to_rgba(),
        )?;
        let end = x_prev.max(tick + 2);
        let mid = (geom.bar_y0 + geom.bar_y1) / 2;
        pen.text(
            value,
            end + m.pad / 2,
            mid,
            m.font,
            TEXT,
            Align::Start,
            false,
        )?;
    }
    Ok(())
}

/// The budget chart as a responsive SVG string drawn at `w × h`; use
/// [`BudgetChart::preferred_height`] for `h`.
pub fn budget_svg(data: &BudgetChart, lang: Lang, w: u32, h: u32) -> Result<String, ChartError> {
    render_svg(w, h, BudgetChart::title(lang), "budget", |area| {
        draw_budget(area, data, lang)
    })
}
