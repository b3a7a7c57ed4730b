//! Chart 3: children reached and children supported over the plan, by programme line, as
//! two panels of horizontal bars (each with its own scale and heading, so the two measures
//! are told apart by words, not by colour). Lines with nothing in a panel are left out of
//! it; the table lists every line.

use model::fmt::count;
use model::words::Ui;
use model::{Lang, Projection};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    Align, BLUE, ChartError, GREEN, LabelMode, Metrics, Pen, RowLabel, Rows, TEXT_MUTED,
    draw_heading, draw_row_labels, heading_bottom, heading_lines, label_mode, layout_rows_with,
    line_names, render_svg, scale_x, text_width, to_i32,
};

/// One line's reach over the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReachLine {
    /// Line id (catalogue).
    pub id: &'static str,
    /// Units bought over the plan (children taught, households, calls…).
    pub units: u64,
    /// Children reached over the plan (0 when the line's units are not children).
    pub children_reached: u64,
    /// Children supported over the plan.
    pub children_supported: u64,
    /// Whether the line's assumptions were edited (marked with " *" and a footnote).
    pub edited: bool,
}

/// What the reach chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReachChart {
    /// Per line, catalogue order.
    pub lines: Vec<ReachLine>,
}

impl ReachChart {
    /// Takes every line of a projection.
    pub fn from_projection(p: &Projection) -> ReachChart {
        ReachChart {
            lines: p
                .lines
                .iter()
                .map(|l| ReachLine {
                    id: l.id,
                    units: l.reach_total,
                    children_reached: l.children_reached,
                    children_supported: l.children_supported,
                    edited: l.edited,
                })
                .collect(),
        }
    }

    /// The chart's title, used as its accessible name.
    pub fn title(lang: Lang) -> &'static str {
        Ui::ReachChartTitle.get(lang)
    }

    /// Heading of the "reached" panel.
    pub fn reached_heading(lang: Lang) -> &'static str {
        Ui::ReachedOverPlan.get(lang)
    }

    /// Heading of the "supported" panel.
    pub fn supported_heading(lang: Lang) -> &'static str {
        Ui::SupportedOverPlan.get(lang)
    }

    /// The height that fits every row at width `w`.
    pub fn preferred_height(&self, w: u32, lang: Lang) -> u32 {
        let m = Metrics::for_size(w, super::MAX_SIZE);
        let plan = self.plan(&m, lang);
        (plan.bottom + m.pad).clamp(super::MIN_SIZE as i32, super::MAX_SIZE as i32) as u32
    }

    fn label(l: &ReachLine, lang: Lang) -> RowLabel {
        let (full, short) = line_names(l.id, lang);
        if l.edited {
            RowLabel {
                full: format!("{full} *"),
                short: format!("{short} *"),
            }
        } else {
            RowLabel { full, short }
        }
    }

    /// Text of the footnote shown when a line's assumptions were edited.
    pub fn edited_note(lang: Lang) -> &'static str {
        Ui::LineEditedNote.get(lang)
    }

    fn panel(&self, m: &Metrics, lang: Lang, supported: bool, y: i32, mode: LabelMode) -> Panel {
        let head = heading_lines(
            m,
            if supported {
                Self::supported_heading(lang)
            } else {
                Self::reached_heading(lang)
            },
        );
        let rows_y = heading_bottom(m, y, head.len());
        let picked: Vec<(&ReachLine, u64)> = self
            .lines
            .iter()
            .map(|l| {
                (
                    l,
                    if supported {
                        l.children_supported
                    } else {
                        l.children_reached
                    },
                )
            })
            .filter(|(_, v)| *v > 0)
            .collect();
        let values: Vec<String> = picked.iter().map(|(_, v)| count(*v, lang)).collect();
        let labels: Vec<RowLabel> = picked.iter().map(|(l, _)| Self::label(l, lang)).collect();
        let vw = values
            .iter()
            .map(|v| text_width(v, m.font))
            .fold(0.0, f64::max);
        let rows = layout_rows_with(m, &labels, mode, m.pad, m.w - m.pad, rows_y, vw, 2);
        let bottom = if picked.is_empty() {
            rows_y + m.line_h() + to_i32(m.font * 0.5)
        } else {
            rows.bottom
        };
        Panel {
            y,
            rows,
            values: picked.into_iter().map(|(_, v)| v).zip(values).collect(),
            bottom,
        }
    }

    fn plan(&self, m: &Metrics, lang: Lang) -> Plan {
        // One label mode for both panels, so names and bars line up.
        let shown: Vec<&ReachLine> = self
            .lines
            .iter()
            .filter(|l| l.children_reached > 0 || l.children_supported > 0)
            .collect();
        let labels: Vec<RowLabel> = shown.iter().map(|l| Self::label(l, lang)).collect();
        let mode = label_mode(m, &labels, m.pad, m.w - m.pad);
        let reached = self.panel(m, lang, false, m.pad, mode);
        let supported = self.panel(m, lang, true, reached.bottom + to_i32(m.font * 0.8), mode);
        let note_y = shown
            .iter()
            .any(|l| l.edited)
            .then_some(supported.bottom + to_i32(m.small * 0.2));
        let bottom = note_y.map_or(supported.bottom, |y| y + m.line_h());
        Plan {
            reached,
            supported,
            note_y,
            bottom,
        }
    }
}

struct Panel {
    y: i32,
    rows: Rows,
    values: Vec<(u64, String)>,
    bottom: i32,
}

struct Plan {
    reached: Panel,
    supported: Panel,
    note_y: Option<i32>,
    bottom: i32,
}

fn draw_panel<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    panel: &Panel,
    heading: &str,
    color: RGBColor,
    lang: Lang,
) -> Result<(), ChartError> {
    let m = pen.m;
    let y = draw_heading(pen, heading, panel.y)?;
    if panel.values.is_empty() {
        return pen.text(
            Ui::NoLineYet.get(lang),
            m.pad,
            y + m.line_h() / 2,
            m.font,
            TEXT_MUTED,
            Align::Start,
            false,
        );
    }
    draw_row_labels(pen, &panel.rows)?;
    let max = panel
        .values
        .iter()
        .map(|(v, _)| *v as f64)
        .fold(0.0, f64::max);
    let r = &panel.rows;
    for ((v, text), geom) in panel.values.iter().zip(&r.rows) {
        let end = scale_x(*v as f64, max, r.bar_x0, r.bar_x1).max(r.bar_x0 + 2);
        pen.fill_rect(r.bar_x0, geom.bar_y0, end, geom.bar_y1, color.to_rgba())?;
        let mid = (geom.bar_y0 + geom.bar_y1) / 2;
        pen.value_after(text, end, mid)?;
    }
    Ok(())
}

/// Draws the reach chart onto `area`.
pub fn draw_reach<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ReachChart,
    lang: Lang,
) -> Result<(), ChartError> {
    let pen = Pen::new(area)?;
    let plan = data.plan(&pen.m, lang);
    draw_panel(
        &pen,
        &plan.reached,
        ReachChart::reached_heading(lang),
        BLUE,
        lang,
    )?;
    draw_panel(
        &pen,
        &plan.supported,
        ReachChart::supported_heading(lang),
        GREEN,
        lang,
    )?;
    if let Some(y) = plan.note_y {
        pen.text(
            ReachChart::edited_note(lang),
            pen.m.pad,
            y + pen.m.line_h() / 2,
            pen.m.small,
            TEXT_MUTED,
            Align::Start,
            false,
        )?;
    }
    Ok(())
}

/// The reach chart as a responsive SVG string drawn at `w × h`; use
/// [`ReachChart::preferred_height`] for `h`.
pub fn reach_svg(data: &ReachChart, lang: Lang, w: u32, h: u32) -> Result<String, ChartError> {
    render_svg(w, h, ReachChart::title(lang), "reach", |area| {
        draw_reach(area, data, lang)
    })
}
