//! Charts of a projection, drawn with plotters, plus their text alternatives.
//!
//! Four charts (issue 4): drowning deaths per year ([`deaths`]), budget by line and by
//! funding source ([`budget`]), children reached and supported by line ([`reach`]) and
//! target progress ([`targets`]); and the compare screen's deaths per year of up to four
//! scenarios ([`compare`]). Each has
//! - a plain-data input struct built from a [`model::Projection`] (language-independent, so
//!   the page can keep it in props and compare it cheaply),
//! - `draw_<name>(area, &data, lang)`, generic over plotters' [`DrawingBackend`],
//! - `<name>_svg(&data, lang, w, h)`, the SVG string the page shows, and
//! - a table in [`table`] (text alternative and CSV download).
//!
//! # What the SVG looks like
//! plotters' `SVGBackend` (plotters-svg 0.3.7) writes `<svg width="W" height="H"
//! viewBox="0 0 W H">`; [`finish_svg`] replaces that opening tag with `width="100%"`, no
//! height (the browser keeps the viewBox's aspect ratio), `role="img"`, an `aria-label`
//! and a `<title>`. Render at about the CSS width the chart will get (360 on a phone, the
//! container width on a desktop or projector): text sizes are chosen from `w`, so a chart
//! drawn for a phone is not a shrunken desktop chart. Use `preferred_height(w)` of each
//! data struct for `h`.
//!
//! # Escaping
//! plotters-svg escapes `< > & " '` in text content and in attribute values, so text given
//! to plotters must NOT be escaped first (it would show as `&amp;amp;`). Only what
//! [`finish_svg`] splices into the markup itself (the label and title) is escaped here, by
//! [`escape_xml`]. Only the compare chart shows user-provided text (scenario names in its
//! legend), and only through plotters; line and target names come from the catalogue.
//!
//! # Cost and safety
//! Layout is computed here from estimated text widths: no chart calls plotters' text
//! measurement (`estimate_text_size`, used by captions, `titled` and right-hand mesh
//! labels). On wasm32 that measurement inserts a `<span>` into the document and reads its
//! size, which forces a layout per label and `unwrap`s the window and body. Each chart is a
//! few dozen rectangles, paths and texts; nothing is drawn per pixel.

mod axes;
pub mod budget;
pub mod compare;
pub mod deaths;
pub mod reach;
pub mod table;
pub mod targets;

use std::fmt;

use model::Lang;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub use budget::{BudgetChart, BudgetLine, YearSources, budget_svg, draw_budget};
pub use compare::{CompareChart, Series, compare_svg, draw_compare};
pub use deaths::{DeathsChart, deaths_svg, draw_deaths};
pub use reach::{ReachChart, ReachLine, draw_reach, reach_svg};
pub use table::{
    Cell, CsvDialect, Table, budget_lines_table, budget_sources_table, deaths_table, reach_table,
    targets_table, to_csv, to_csv_with,
};
pub use targets::{TargetRow, TargetsChart, draw_targets, targets_svg};

/// The data of all four charts, built from one projection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartData {
    /// Chart 1.
    pub deaths: DeathsChart,
    /// Chart 2.
    pub budget: BudgetChart,
    /// Chart 3.
    pub reach: ReachChart,
    /// Chart 4.
    pub targets: TargetsChart,
}

impl ChartData {
    /// Builds every chart's data from `p`, the scenario `s` it was evaluated from (for the
    /// budget by source) and the per-year (p10, p90) deaths band, if any.
    pub fn new(
        p: &model::Projection,
        s: &model::Scenario,
        band: Option<Vec<(f64, f64)>>,
    ) -> ChartData {
        ChartData {
            deaths: DeathsChart::from_projection(p, band),
            budget: BudgetChart::from_projection(p, s),
            reach: ReachChart::from_projection(p),
            targets: TargetsChart::from_projection(p),
        }
    }
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The drawing backend failed (message from plotters).
    Draw(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Draw(msg) => write!(f, "chart drawing failed: {msg}"),
        }
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(e.to_string())
    }
}

/// Smallest width and height an SVG is drawn at; smaller requests are enlarged.
pub const MIN_SIZE: u32 = 200;
/// Largest width and height an SVG is drawn at; larger requests are reduced.
pub const MAX_SIZE: u32 = 4_000;

// ---- Palette (Okabe–Ito, colour-blind safe) ----------------------------------------------
// Contrast against the white background: text colours ≥ 7:1; series colours ≥ 3:1 (WCAG
// 1.4.11 for graphics). No series is told apart by colour alone: lines differ in dash and
// marker, stacked segments are separated by white gaps and named in a legend, target bars
// carry "met"/"missed" in words.

/// Main text, #1F2328 (15,8:1 on white).
pub const TEXT: RGBColor = RGBColor(0x1F, 0x23, 0x28);
/// Secondary text (units, axis labels), #4A4F55 (8,1:1 on white).
pub const TEXT_MUTED: RGBColor = RGBColor(0x4A, 0x4F, 0x55);
/// Grid lines and tracks (decorative).
pub const GRID: RGBColor = RGBColor(0xD0, 0xD7, 0xDE);
/// Background of bar tracks (decorative).
pub const TRACK: RGBColor = RGBColor(0xEE, 0xF1, 0xF4);
/// Blue #0072B2 (5,2:1): the scenario, central budget, "met".
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Vermillion #D55E00 (3,9:1): the no-plan baseline, mobilised funds, "missed".
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Bluish green #009E73 (3,4:1): provincial budget, children supported.
pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// Reddish purple #CC79A7 (3,1:1): the fourth scenario compared.
pub const PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
/// Background.
pub const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Sizes derived from the drawing width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Metrics {
    /// Width, px.
    pub w: i32,
    /// Height, px.
    pub h: i32,
    /// Body text size, px.
    pub font: f64,
    /// Small text size, px.
    pub small: f64,
    /// Outer padding, px.
    pub pad: i32,
}

impl Metrics {
    /// Text grows with the width: 14 px up to 700 px wide, 22 px from 1100 px (projector).
    pub(crate) fn for_size(w: u32, h: u32) -> Metrics {
        let font = (f64::from(w) / 50.0).clamp(14.0, 22.0).round();
        Metrics {
            w: to_i32(f64::from(w)),
            h: to_i32(f64::from(h)),
            font,
            small: (font * 0.86).round().max(12.0),
            pad: to_i32(font * 0.6),
        }
    }

    /// Height of one line of body text.
    pub(crate) fn line_h(&self) -> i32 {
        to_i32(self.font * 1.3)
    }
}

/// Rounds to pixels; non-finite becomes 0 and huge values are clamped.
pub(crate) fn to_i32(x: f64) -> i32 {
    if x.is_finite() {
        x.round().clamp(-1.0e7, 1.0e7) as i32
    } else {
        0
    }
}

/// A finite, non-negative value (anything else is 0).
pub(crate) fn clean(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 { x } else { 0.0 }
}

/// Estimated width of `s` at `px` in a sans-serif font. Browsers do not tell us the real
/// width without a layout, so layout uses this slightly generous estimate.
pub fn text_width(s: &str, px: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            '\u{0300}'..='\u{036F}' => 0.0,
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '(' | ')' | ' ' => 0.3,
            'f' | 't' | 'r' | 'I' | '-' | '[' | ']' => 0.38,
            'm' | 'w' | 'M' | 'W' | '%' | '—' | '…' => 0.9,
            'A'..='Z' => 0.68,
            '0'..='9' => 0.56,
            _ => 0.56,
        })
        .sum();
    em * px
}

/// Cuts `s` to fit `max_w` at `px`, ending with "…" when cut.
pub(crate) fn truncate(s: &str, px: f64, max_w: f64) -> String {
    if text_width(s, px) <= max_w {
        return s.to_string();
    }
    let ell = text_width("…", px);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width(c.encode_utf8(&mut [0u8; 4]), px);
        if w + cw + ell > max_w {
            break;
        }
        w += cw;
        out.push(c);
    }
    let mut out = out
        .trim_end()
        .trim_end_matches([',', ';', ':', '(', '–'])
        .to_string();
    out.push('…');
    out
}

/// Wraps `s` into at most `max_lines` lines no wider than `max_w`; the last line is cut
/// with "…" if the text does not fit.
pub(crate) fn wrap(s: &str, px: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, px) <= max_w || current.is_empty() {
            current = candidate;
            i += 1;
        } else {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines - 1 {
                break;
            }
        }
    }
    let rest: Vec<&str> = words.get(i..).unwrap_or_default().to_vec();
    if !rest.is_empty() {
        let tail = if current.is_empty() {
            rest.join(" ")
        } else {
            format!("{current} {}", rest.join(" "))
        };
        current = tail;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines.into_iter().map(|l| truncate(&l, px, max_w)).collect()
}

/// Escapes `& < > " '` for XML text and attribute values.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes plotters' SVG responsive and labelled: the opening `<svg …>` tag becomes
/// `<svg width="100%" viewBox="0 0 W H" preserveAspectRatio="xMidYMid meet" role="img"
/// aria-label="…" class="chart chart-<kind>" xmlns=…>` followed by `<title>…</title>`.
/// `label` and `kind` are escaped here.
pub fn finish_svg(svg: &str, w: u32, h: u32, label: &str, kind: &str) -> String {
    let label = escape_xml(label);
    let kind = escape_xml(kind);
    let head = format!(
        "<svg width=\"100%\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMidYMid meet\" \
         xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{label}\" \
         class=\"chart chart-{kind}\">\n<title>{label}</title>\n"
    );
    let body = match svg.find("<svg") {
        Some(start) => match svg[start..].find('>') {
            Some(end) => svg[start + end + 1..].trim_start_matches('\n'),
            None => "",
        },
        None => svg,
    };
    let mut out = String::with_capacity(head.len() + body.len());
    out.push_str(&head);
    out.push_str(body);
    out
}

/// Undoes [`escape_xml`] (and plotters' escaping, which uses the same five entities).
pub fn unescape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
            ("&amp;", '&'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A chart SVG finished by [`finish_svg`], taken apart so that a page can show it as an
/// `<svg>` element whose drawing elements are updated one by one: when a slider moves, only
/// the elements whose markup changed (the moving series, a value label, an axis that
/// rescaled) are touched, and the rest of the chart — grid, axes, legend, labels — stays
/// in the document as it was. Put back together (see [`SvgParts::to_svg`]) the parts give
/// the same markup as the string, without the line breaks between elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvgParts {
    /// The `viewBox` attribute, `0 0 W H`.
    pub view_box: String,
    /// The accessible name (`aria-label` and `<title>`), unescaped.
    pub label: String,
    /// The `class` attribute, `chart chart-<kind>`, unescaped.
    pub class: String,
    /// Every top-level drawing element after the `<title>`, in order, as markup (a
    /// `<text>` keeps its inner line breaks, as plotters writes it).
    pub elements: Vec<String>,
}

/// The attributes [`finish_svg`] writes with the same value on every chart, in its order
/// around `viewBox`: `width`, then `preserveAspectRatio` and `xmlns`, then `role`.
pub const SVG_WIDTH: &str = "100%";
/// See [`SVG_WIDTH`].
pub const SVG_ASPECT: &str = "xMidYMid meet";
/// See [`SVG_WIDTH`].
pub const SVG_XMLNS: &str = "http://www.w3.org/2000/svg";
/// See [`SVG_WIDTH`].
pub const SVG_ROLE: &str = "img";

impl SvgParts {
    /// Takes apart an SVG made by [`finish_svg`] from plotters' output (one element per
    /// line, a `<text>` over three lines). `None` when `svg` is not of that shape.
    pub fn parse(svg: &str) -> Option<SvgParts> {
        let start = svg.find("<svg ")?;
        let head_end = start + svg[start..].find('>')?;
        // A leading space, so that every attribute reads ` name="`.
        let head = format!(" {}", &svg[start + 5..head_end]);
        let attr = |name: &str| -> Option<String> {
            let key = format!(" {name}=\"");
            let at = head.find(&key)? + key.len();
            let end = at + head[at..].find('"')?;
            Some(unescape_xml(&head[at..end]))
        };
        let (view_box, label, class) = (attr("viewBox")?, attr("aria-label")?, attr("class")?);
        let rest = svg[head_end + 1..].trim_start_matches('\n');
        let rest = rest.strip_prefix("<title>")?;
        let title_end = rest.find("</title>")?;
        if unescape_xml(&rest[..title_end]) != label {
            return None;
        }
        let body = &rest[title_end + "</title>".len()..];
        let mut elements = Vec::new();
        let mut depth = 0usize;
        let mut current = String::new();
        let mut closed = false;
        for line in body.split('\n') {
            if line.is_empty() && depth == 0 {
                continue;
            }
            if depth == 0 && line.trim() == "</svg>" {
                closed = true;
                break;
            }
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line);
            if line.starts_with("</") {
                depth = depth.checked_sub(1)?;
            } else if line.starts_with('<') && !line.ends_with("/>") {
                depth += 1;
            }
            if depth == 0 {
                elements.push(std::mem::take(&mut current));
            }
        }
        if !closed || depth != 0 {
            return None;
        }
        Some(SvgParts {
            view_box,
            label,
            class,
            elements,
        })
    }

    /// The parts as one SVG string, as a page shows them: [`finish_svg`]'s markup without
    /// the line breaks between elements.
    pub fn to_svg(&self) -> String {
        let mut out = format!(
            "<svg width=\"{SVG_WIDTH}\" viewBox=\"{}\" preserveAspectRatio=\"{SVG_ASPECT}\" \
             xmlns=\"{SVG_XMLNS}\" role=\"{SVG_ROLE}\" aria-label=\"{}\" class=\"{}\"><title>{}</title>",
            escape_xml(&self.view_box),
            escape_xml(&self.label),
            escape_xml(&self.class),
            escape_xml(&self.label),
        );
        for e in &self.elements {
            out.push_str(e);
        }
        out.push_str("</svg>");
        out
    }
}

/// Clamps a requested size to [`MIN_SIZE`]..=[`MAX_SIZE`].
pub(crate) fn clamp_size(w: u32, h: u32) -> (u32, u32) {
    (w.clamp(MIN_SIZE, MAX_SIZE), h.clamp(MIN_SIZE, MAX_SIZE))
}

/// Draws with `draw` into an SVG string of `w × h` and finishes it with [`finish_svg`].
pub(crate) fn render_svg<F>(
    w: u32,
    h: u32,
    label: &str,
    kind: &str,
    draw: F,
) -> Result<String, ChartError>
where
    F: for<'b> FnOnce(&DrawingArea<SVGBackend<'b>, Shift>) -> Result<(), ChartError>,
{
    let (w, h) = clamp_size(w, h);
    let mut buf = String::with_capacity(12 * 1024);
    {
        let root = SVGBackend::with_string(&mut buf, (w, h)).into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(finish_svg(&buf, w, h, label, kind))
}

/// Thin drawing helpers over a shifted drawing area, in pixels.
pub(crate) struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    /// Sizes for this area.
    pub m: Metrics,
}

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Start,
    Middle,
    End,
}

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    /// A pen for `area`, sized by its pixel dimensions; fills the background.
    pub(crate) fn new(area: &'a DrawingArea<DB, Shift>) -> Result<Self, ChartError> {
        let (w, h) = area.dim_in_pixel();
        area.fill(&BACKGROUND)?;
        Ok(Pen {
            area,
            m: Metrics::for_size(w, h),
        })
    }

    fn style(color: RGBAColor, filled: bool, width: u32) -> ShapeStyle {
        ShapeStyle {
            color,
            filled,
            stroke_width: width,
        }
    }

    /// A bar's value label, just after its end `x` at height `mid`.
    pub(crate) fn value_after(&self, text: &str, x: i32, mid: i32) -> Result<(), ChartError> {
        let m = self.m;
        self.text(text, x + m.pad / 2, mid, m.font, TEXT, Align::Start, false)
    }

    /// A filled rectangle (skipped when empty).
    pub(crate) fn fill_rect(
        &self,
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        c: RGBAColor,
    ) -> Result<(), ChartError> {
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            Self::style(c, true, 0),
        ))?;
        Ok(())
    }

    /// A polyline.
    pub(crate) fn path(
        &self,
        pts: Vec<(i32, i32)>,
        c: RGBAColor,
        width: u32,
    ) -> Result<(), ChartError> {
        if pts.len() < 2 {
            return Ok(());
        }
        self.area
            .draw(&PathElement::new(pts, Self::style(c, false, width)))?;
        Ok(())
    }

    /// A dashed polyline.
    pub(crate) fn dashed(
        &self,
        pts: Vec<(i32, i32)>,
        c: RGBAColor,
        width: u32,
        dash: i32,
        gap: i32,
    ) -> Result<(), ChartError> {
        if pts.len() < 2 {
            return Ok(());
        }
        self.area.draw(&DashedPathElement::new(
            pts,
            dash.max(1),
            gap.max(1),
            Self::style(c, false, width),
        ))?;
        Ok(())
    }

    /// A circle, filled or outlined.
    pub(crate) fn circle(
        &self,
        x: i32,
        y: i32,
        r: i32,
        c: RGBAColor,
        filled: bool,
        width: u32,
    ) -> Result<(), ChartError> {
        self.area.draw(&Circle::new(
            (x, y),
            r.max(1),
            Self::style(c, filled, width),
        ))?;
        Ok(())
    }

    /// A filled polygon.
    pub(crate) fn polygon(&self, pts: Vec<(i32, i32)>, c: RGBAColor) -> Result<(), ChartError> {
        if pts.len() < 3 {
            return Ok(());
        }
        self.area
            .draw(&Polygon::new(pts, Self::style(c, true, 0)))?;
        Ok(())
    }

    /// Text at `(x, y)`, vertically centred on `y`. `px` is the size the browser shows
    /// (plotters' SVG backend divides the given size by 1,24, so it is multiplied here).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn text(
        &self,
        s: &str,
        x: i32,
        y: i32,
        px: f64,
        c: RGBColor,
        align: Align,
        bold: bool,
    ) -> Result<(), ChartError> {
        if s.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let font_style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let style = TextStyle::from((FontFamily::SansSerif, px * 1.24, font_style))
            .color(&c)
            .pos(Pos::new(h, VPos::Center));
        self.area.draw_text(s, &style, (x, y))?;
        Ok(())
    }
}

/// A legend entry's sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A line, dashed or solid, with a square or circle marker.
    Line {
        color: RGBColor,
        dashed: bool,
        square: bool,
    },
    /// A filled box (bars, bands).
    Box(RGBAColor),
    /// A tall dark tick (a threshold).
    Tick(RGBColor),
    /// A hollow circle (a baseline marker).
    Ring(RGBColor),
}

/// Where each legend item goes (swatch x, row centre y, fitted label) and the y below the
/// legend; items flow left to right and wrap.
pub(crate) fn legend_layout(
    m: &Metrics,
    labels: &[&str],
    x0: i32,
    x1: i32,
    y0: i32,
) -> (Vec<(i32, i32, String)>, i32) {
    let row_h = to_i32(m.small * 1.6);
    let sw = to_i32(m.small * 1.8);
    let gap = to_i32(m.small * 0.4);
    let spacing = to_i32(m.small * 1.2);
    let mut x = x0;
    let mut y = y0 + row_h / 2;
    let mut out = Vec::with_capacity(labels.len());
    for label in labels {
        let max_label = f64::from((x1 - x0 - sw - gap).max(10));
        let label = truncate(label, m.small, max_label);
        let item_w = sw + gap + to_i32(text_width(&label, m.small));
        if x > x0 && x + item_w > x1 {
            x = x0;
            y += row_h;
        }
        out.push((x, y, label));
        x += item_w + spacing;
    }
    (out, y + row_h / 2)
}

/// Draws a legend laid out by [`legend_layout`]; returns the y below it.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    items: &[(Swatch, String)],
    x0: i32,
    x1: i32,
    y0: i32,
) -> Result<i32, ChartError> {
    let m = pen.m;
    let labels: Vec<&str> = items.iter().map(|(_, l)| l.as_str()).collect();
    let (placed, bottom) = legend_layout(&m, &labels, x0, x1, y0);
    let sw = to_i32(m.small * 1.8);
    let gap = to_i32(m.small * 0.4);
    for ((swatch, _), (x, y, label)) in items.iter().zip(placed) {
        legend_swatch(pen, *swatch, x, y, sw)?;
        pen.text(&label, x + sw + gap, y, m.small, TEXT, Align::Start, false)?;
    }
    Ok(bottom)
}

fn legend_swatch<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    swatch: Swatch,
    x: i32,
    y: i32,
    sw: i32,
) -> Result<(), ChartError> {
    let half = to_i32(pen.m.small * 0.35);
    match swatch {
        Swatch::Line {
            color,
            dashed,
            square,
        } => {
            let pts = vec![(x, y), (x + sw, y)];
            if dashed {
                pen.dashed(pts, color.to_rgba(), 3, 6, 3)?;
            } else {
                pen.path(pts, color.to_rgba(), 3)?;
            }
            marker(pen, x + sw / 2, y, color, square)?;
        }
        Swatch::Box(c) => pen.fill_rect(x, y - half, x + sw, y + half, c)?,
        Swatch::Tick(c) => pen.fill_rect(
            x + sw / 2 - 1,
            y - half - 3,
            x + sw / 2 + 2,
            y + half + 3,
            c.to_rgba(),
        )?,
        Swatch::Ring(c) => pen.circle(x + sw / 2, y, half.max(3), c.to_rgba(), false, 2)?,
    }
    Ok(())
}

/// A point marker: a hollow square (baseline) or a filled circle (scenario).
pub(crate) fn marker<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    x: i32,
    y: i32,
    color: RGBColor,
    square: bool,
) -> Result<(), ChartError> {
    let r = to_i32(pen.m.font * 0.28).max(3);
    if square {
        pen.fill_rect(x - r, y - r, x + r + 1, y + r + 1, color.to_rgba())?;
        pen.fill_rect(
            x - r + 2,
            y - r + 2,
            x + r - 1,
            y + r - 1,
            BACKGROUND.to_rgba(),
        )?;
    } else {
        pen.circle(x, y, r, color.to_rgba(), true, 1)?;
    }
    Ok(())
}

/// A message in place of an empty chart.
pub(crate) fn draw_empty<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    msg: &str,
    y: i32,
) -> Result<(), ChartError> {
    let m = pen.m;
    let lines = wrap(msg, m.font, f64::from(m.w - 2 * m.pad), 3);
    let mut y = y;
    for l in lines {
        pen.text(&l, m.pad, y, m.font, TEXT_MUTED, Align::Start, false)?;
        y += m.line_h();
    }
    Ok(())
}

/// A "nice" tick step (1, 2, 2,5 or 5 × 10ⁿ) for about `target` intervals over `range`.
pub(crate) fn nice_step(range: f64, target: usize) -> f64 {
    let range = if range.is_finite() && range > 0.0 {
        range
    } else {
        1.0
    };
    let raw = range / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * mag
}

/// Decimals needed to write multiples of `step` exactly (0 for steps ≥ 1).
pub(crate) fn step_decimals(step: f64) -> u32 {
    let mut d = 0;
    let mut s = step;
    while d < 6 && (s - s.round()).abs() > 1e-9 * s.abs().max(1.0) {
        s *= 10.0;
        d += 1;
    }
    d
}

/// The chart name of a line: the catalogue name, and its short form for narrow charts.
pub(crate) fn line_names(id: &str, lang: Lang) -> (String, String) {
    match model::data::line(id) {
        Some(l) => (l.name(lang).to_string(), l.short_name(lang).to_string()),
        None => (id.to_string(), id.to_string()),
    }
}

/// One row of a horizontal bar panel: where its label and its bar go.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowGeom {
    /// Label lines, already fitted.
    pub label: Vec<String>,
    /// Centre of the first label line.
    pub label_y: i32,
    /// Bar top.
    pub bar_y0: i32,
    /// Bar bottom.
    pub bar_y1: i32,
}

/// Layout of a horizontal bar panel.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rows {
    /// Labels start here.
    pub label_x: i32,
    /// Bars start here (value 0).
    pub bar_x0: i32,
    /// Longest bar ends here; values are written to the right of it.
    pub bar_x1: i32,
    /// Per row.
    pub rows: Vec<RowGeom>,
    /// y below the last row.
    pub bottom: i32,
}

/// A label: the full text and a short form used when the full ones do not fit.
pub(crate) struct RowLabel {
    pub full: String,
    pub short: String,
}

/// How row labels are placed: beside the bars (in a column `label_w` wide) or above
/// them, in full or in their short form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LabelMode {
    /// Labels in a column left of the bars.
    pub side: bool,
    /// Short forms instead of full names.
    pub short: bool,
    /// Width of the label column (side mode).
    pub label_w: f64,
}

/// Chooses the label mode for `labels` between `x0` and `x1`.
///
/// When the labels fit in 40 % of the width (short forms are allowed from 600 px wide)
/// they go in a column left of the bars; otherwise each label goes on its own line above
/// its bar (short forms when a full name would not fit on one line), so long Vietnamese
/// names stay readable on a 360 px phone.
pub(crate) fn label_mode(m: &Metrics, labels: &[RowLabel], x0: i32, x1: i32) -> LabelMode {
    let width = f64::from((x1 - x0).max(40));
    let widest = |short: bool| {
        labels
            .iter()
            .map(|l| text_width(if short { &l.short } else { &l.full }, m.font))
            .fold(0.0, f64::max)
    };
    let side_limit = width * 0.4;
    if widest(false) <= side_limit {
        LabelMode {
            side: true,
            short: false,
            label_w: widest(false),
        }
    } else if m.w >= 600 && widest(true) <= side_limit {
        LabelMode {
            side: true,
            short: true,
            label_w: widest(true),
        }
    } else {
        LabelMode {
            side: false,
            short: widest(false) > width,
            label_w: 0.0,
        }
    }
}

/// Lays out horizontal bar rows between `x0` and `x1` from `y0`, with the labels placed as
/// `mode` says (see [`label_mode`]). `value_w` is room kept right of the longest bar for
/// its value text.
#[allow(clippy::too_many_arguments)]
pub(crate) fn layout_rows_with(
    m: &Metrics,
    labels: &[RowLabel],
    mode: LabelMode,
    x0: i32,
    x1: i32,
    y0: i32,
    value_w: f64,
    max_lines: usize,
) -> Rows {
    let width = f64::from((x1 - x0).max(40));
    let font = m.font;
    let gap = f64::from(m.pad);
    let bar_h = to_i32(font * 1.1);
    let line_h = m.line_h();
    let row_gap = to_i32(font * 0.55);
    let mut rows = Vec::with_capacity(labels.len());
    let mut y = y0;
    let pick = |l: &RowLabel| {
        if mode.short {
            l.short.clone()
        } else {
            l.full.clone()
        }
    };
    if mode.side {
        let bar_x0 = x0 + to_i32(mode.label_w + gap);
        let bar_x1 = (x1 - to_i32(value_w + gap)).max(bar_x0 + 20);
        let row_h = line_h.max(bar_h);
        let label_max = mode.label_w.max(10.0) + 1.0;
        for l in labels {
            let mid = y + row_h / 2;
            rows.push(RowGeom {
                label: vec![truncate(&pick(l), font, label_max)],
                label_y: mid,
                bar_y0: mid - bar_h / 2,
                bar_y1: mid - bar_h / 2 + bar_h,
            });
            y += row_h + row_gap;
        }
        Rows {
            label_x: x0,
            bar_x0,
            bar_x1,
            rows,
            bottom: y,
        }
    } else {
        let bar_x0 = x0;
        let bar_x1 = (x1 - to_i32(value_w + gap)).max(bar_x0 + 20);
        for l in labels {
            let lines = wrap(&pick(l), font, width, max_lines);
            let n = lines.len().max(1) as i32;
            let label_y = y + line_h / 2;
            let bar_y0 = y + n * line_h;
            rows.push(RowGeom {
                label: lines,
                label_y,
                bar_y0,
                bar_y1: bar_y0 + bar_h,
            });
            y = bar_y0 + bar_h + row_gap + to_i32(font * 0.2);
        }
        Rows {
            label_x: x0,
            bar_x0,
            bar_x1,
            rows,
            bottom: y,
        }
    }
}

/// [`layout_rows_with`] in the mode [`label_mode`] picks for these labels.
pub(crate) fn layout_rows(
    m: &Metrics,
    labels: &[RowLabel],
    x0: i32,
    x1: i32,
    y0: i32,
    value_w: f64,
    max_lines: usize,
) -> Rows {
    let mode = label_mode(m, labels, x0, x1);
    layout_rows_with(m, labels, mode, x0, x1, y0, value_w, max_lines)
}

/// Draws the labels of laid-out rows.
pub(crate) fn draw_row_labels<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    rows: &Rows,
) -> Result<(), ChartError> {
    let line_h = pen.m.line_h();
    for r in &rows.rows {
        let mut y = r.label_y;
        for l in &r.label {
            pen.text(l, rows.label_x, y, pen.m.font, TEXT, Align::Start, false)?;
            y += line_h;
        }
    }
    Ok(())
}

/// The lines of a panel heading.
pub(crate) fn heading_lines(m: &Metrics, text: &str) -> Vec<String> {
    wrap(text, m.font, f64::from(m.w - 2 * m.pad), 2)
}

/// The y below a heading of `n` lines drawn at `y`.
pub(crate) fn heading_bottom(m: &Metrics, y: i32, n: usize) -> i32 {
    y + n as i32 * m.line_h() + to_i32(m.font * 0.4)
}

/// A panel heading (bold); returns the y below it.
pub(crate) fn draw_heading<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    text: &str,
    y: i32,
) -> Result<i32, ChartError> {
    let m = pen.m;
    let lines = heading_lines(&m, text);
    let mut ly = y + m.line_h() / 2;
    for l in &lines {
        pen.text(l, m.pad, ly, m.font, TEXT, Align::Start, true)?;
        ly += m.line_h();
    }
    Ok(heading_bottom(&m, y, lines.len()))
}

/// Maps `v` in `0..=max` onto `x0..=x1`.
pub(crate) fn scale_x(v: f64, max: f64, x0: i32, x1: i32) -> i32 {
    if max <= 0.0 || !max.is_finite() {
        return x0;
    }
    let t = (clean(v) / max).clamp(0.0, 1.0);
    x0 + to_i32(t * f64::from(x1 - x0))
}
