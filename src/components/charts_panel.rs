//! The charts of the planner: drowning deaths per year with the uncertainty band, budget by
//! line and source, children reached and supported, target progress. Each has a table as
//! its text alternative and a CSV download of its numbers (UTF-8 with BOM, via a `data:`
//! link, so it works offline and needs no script).
//!
//! The charts follow a drag: they are redrawn with the figures on every edit (a slider
//! step included), from the exact projection; the uncertainty band, which needs 1 000
//! draws, is the last one computed and is replaced when editing pauses (meanwhile the panel
//! is marked as updating). A chart is shown as an `<svg>` whose drawing elements are each
//! their own virtual node ([`charts::SvgParts`], [`element`]): a step sets only the
//! attributes and texts that changed — the moving series' points, a bar's width, a value
//! label — on the elements already in the document, so the browser parses nothing and
//! restyles little more than what moved.

use std::rc::Rc;

use model::Lang;
use model::words::Ui;
use yew::prelude::*;

use super::use_app;
use crate::charts::{
    self, BudgetChart, DeathsChart, ReachChart, Table, TargetsChart, budget_lines_table,
    budget_sources_table, deaths_table, reach_table, targets_table,
};
use crate::platform;

/// One chart with its alternative.
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    id: &'static str,
    title: String,
    svg: Result<Drawing, String>,
    /// Each table, the name of its CSV file and the CSV as a `data:` URL.
    tables: Vec<(Table, &'static str, AttrValue)>,
}

/// A chart's SVG as the page shows it.
#[derive(Debug, Clone, PartialEq)]
enum Drawing {
    /// Taken apart: one virtual node per drawing element (see [`element`]), so that a
    /// redraw sets only the attributes and texts that changed.
    Parts {
        view_box: AttrValue,
        label: AttrValue,
        class: AttrValue,
        elements: Html,
    },
    /// As one piece (only if the SVG were not of the shape [`charts::SvgParts`] reads).
    Whole(AttrValue),
}

impl Drawing {
    fn new(svg: String) -> Drawing {
        match charts::SvgParts::parse(&svg) {
            Some(p) => Drawing::Parts {
                view_box: p.view_box.into(),
                label: p.label.into(),
                class: p.class.into(),
                elements: p.elements.iter().map(|e| element(e)).collect::<Html>(),
            },
            None => Drawing::Whole(svg.into()),
        }
    }

    fn view(&self) -> Html {
        match self {
            // The SVG comes from our own drawing code; plotters escapes its text.
            Drawing::Whole(svg) => Html::from_html_unchecked(svg.clone()),
            Drawing::Parts {
                view_box,
                label,
                class,
                elements,
            } => html! {
                <svg width={charts::SVG_WIDTH} viewBox={view_box.clone()}
                    preserveAspectRatio={charts::SVG_ASPECT} xmlns={charts::SVG_XMLNS}
                    role={charts::SVG_ROLE} aria-label={label.clone()} class={class.to_string()}>
                    <title>{ label.clone() }</title>
                    { elements.clone() }
                </svg>
            },
        }
    }
}

/// Width the charts are drawn at, about the CSS width they get: the phone's width on
/// phones, the whole page below 1100 px, half of it (one column) above — so text on a
/// projector is drawn large rather than scaled up.
fn chart_width() -> u32 {
    match platform::viewport_width() {
        Some(w) if w < 700 => w.saturating_sub(40).max(280),
        Some(w) if w < 1100 => w.saturating_sub(60),
        Some(w) => (w.min(1600) / 2).saturating_sub(60),
        None => 640,
    }
}

/// One drawing element of plotters' SVG (`<rect …/>`, `<polyline …/>`, `<circle …/>`,
/// `<polygon …/>`, `<line …/>`, or `<text …>⏎text⏎</text>`) as a virtual node with the same
/// attributes and text, so that Yew's diff updates an element in place (a bar's `width`,
/// a series' `points`, a label's text) instead of parsing new markup. Anything else stays
/// raw markup (replaced whole when it changes).
fn element(markup: &str) -> Html {
    tag(markup).unwrap_or_else(|| Html::from_html_unchecked(AttrValue::from(markup.to_string())))
}

fn tag(markup: &str) -> Option<Html> {
    let rest = markup.strip_prefix('<')?;
    let name_end = rest.find([' ', '/', '>'])?;
    let name = known(
        &rest[..name_end],
        &["rect", "polyline", "polygon", "circle", "line", "text"],
    )?;
    // By position in ATTRIBUTES. The element is built by `html!` with optional attributes
    // (the code every other element of the page runs), not with Yew's run-time attribute
    // map, so that drawing the first screen needs no code the split wasm holds.
    let mut a: [Option<AttrValue>; 23] = Default::default();
    let mut at = &rest[name_end..];
    loop {
        at = at.trim_start_matches([' ', '\n']);
        if at.starts_with("/>") || at.starts_with('>') {
            break;
        }
        let eq = at.find("=\"")?;
        let key = ATTRIBUTES.iter().position(|n| *n == &at[..eq])?;
        let value_end = eq + 2 + at[eq + 2..].find('"')?;
        *a.get_mut(key)? = Some(charts::unescape_xml(&at[eq + 2..value_end]).into());
        at = &at[value_end + 1..];
    }
    let text = match at.strip_prefix('>') {
        // `<text …>⏎text⏎</text>`: the text keeps plotters' line breaks, as in the markup.
        Some(body) => Some(charts::unescape_xml(body.strip_suffix("</text>")?)),
        None if at == "/>" => None,
        None => return None,
    };
    let [
        x,
        y,
        width,
        height,
        fill,
        stroke,
        stroke_width,
        opacity,
        points,
        cx,
        cy,
        r,
        x1,
        y1,
        x2,
        y2,
        dy,
        text_anchor,
        font_family,
        font_size,
        font_weight,
        font_style,
        transform,
    ] = a;
    Some(html! {
        <@{name} x={x} y={y} width={width} height={height} fill={fill} stroke={stroke}
            stroke-width={stroke_width} opacity={opacity} points={points} cx={cx} cy={cy} r={r}
            x1={x1} y1={y1} x2={x2} y2={y2} dy={dy} text-anchor={text_anchor}
            font-family={font_family} font-size={font_size} font-weight={font_weight}
            font-style={font_style} transform={transform}>
            { for text }
        </@>
    })
}

/// The attributes plotters' SVG backend writes; any other keeps an element raw.
const ATTRIBUTES: &[&str] = &[
    "x",
    "y",
    "width",
    "height",
    "fill",
    "stroke",
    "stroke-width",
    "opacity",
    "points",
    "cx",
    "cy",
    "r",
    "x1",
    "y1",
    "x2",
    "y2",
    "dy",
    "text-anchor",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "transform",
];

/// `name` as the `'static` string of `names` it equals, if any.
fn known(name: &str, names: &[&'static str]) -> Option<&'static str> {
    names.iter().copied().find(|n| *n == name)
}

/// See the module docs.
#[component]
pub fn ChartsPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    // The charts are redrawn on every edit (see the module docs); the band is the last one
    // computed until the new one arrives when editing pauses, and meanwhile the panel is
    // marked as updating.
    let settled = app.uncertainty.as_ref().map_or(0, |(g, _)| *g);
    let stale = settled != app.generation && app.uncertainty.is_some();
    let drawn = app.generation;
    let figures = {
        let p = app.projection.clone();
        let s = app.scenario().clone();
        let band: Option<Vec<(f64, f64)>> = app
            .any_uncertainty()
            .filter(|u| u.years.len() == p.years.len())
            .map(DeathsChart::band);
        use_memo((drawn, settled, lang), move |_| {
            Rc::new(build(&p, &s, band, lang))
        })
    };
    // `data-drawn`: the generation of the plan the charts show (the latency benchmark
    // waits for it).
    html! {
        <section class="panel charts" aria-labelledby="charts-h" data-testid="charts"
            data-stale={stale.to_string()} aria-busy={stale.to_string()}
            data-drawn={drawn.to_string()}>
            <h2 id="charts-h">{ Ui::Charts.get(lang) }
                if stale { <span class="updating">{ " · " }{ Ui::Updating.get(lang) }</span> }
            </h2>
            { for figures.iter().map(|f| figure(f, lang)) }
        </section>
    }
}

fn build(
    p: &model::Projection,
    s: &model::Scenario,
    band: Option<Vec<(f64, f64)>>,
    lang: Lang,
) -> Vec<Figure> {
    let w = chart_width();
    let deaths = DeathsChart::from_projection(p, band);
    let budget = BudgetChart::from_projection(p, s);
    let reach = ReachChart::from_projection(p);
    let targets = TargetsChart::from_projection(p);
    let err = |e: charts::ChartError| e.to_string();
    let figures = vec![
        Drawn {
            id: "deaths",
            title: DeathsChart::title(lang).into(),
            svg: charts::deaths_svg(&deaths, lang, w, deaths.preferred_height(w, lang))
                .map_err(err),
            tables: vec![(deaths_table(&deaths, lang), "tu-vong-theo-nam")],
        },
        Drawn {
            id: "targets",
            title: TargetsChart::title(lang).into(),
            svg: charts::targets_svg(&targets, lang, w, targets.preferred_height(w, lang))
                .map_err(err),
            tables: vec![(targets_table(&targets, lang), "muc-tieu")],
        },
        Drawn {
            id: "budget",
            title: BudgetChart::title(lang).into(),
            svg: charts::budget_svg(&budget, lang, w, budget.preferred_height(w, lang))
                .map_err(err),
            tables: vec![
                (budget_lines_table(&budget, lang), "ngan-sach-theo-tuyen"),
                (budget_sources_table(&budget, lang), "ngan-sach-theo-nguon"),
            ],
        },
        Drawn {
            id: "reach",
            title: ReachChart::title(lang).into(),
            svg: charts::reach_svg(&reach, lang, w, reach.preferred_height(w, lang)).map_err(err),
            tables: vec![(reach_table(&reach, lang), "tiep-can-ho-tro")],
        },
    ];
    figures
        .into_iter()
        .map(|f| Figure {
            id: f.id,
            title: f.title,
            svg: f.svg.map(Drawing::new),
            tables: f
                .tables
                .into_iter()
                .map(|(t, name)| {
                    let href = AttrValue::from(csv_href(&t, lang));
                    (t, name, href)
                })
                .collect(),
        })
        .collect()
}

/// A figure as [`build`] draws it, before the SVG is taken apart and the CSV written.
struct Drawn {
    id: &'static str,
    title: String,
    svg: Result<String, String>,
    tables: Vec<(Table, &'static str)>,
}

fn figure(f: &Figure, lang: Lang) -> Html {
    html! {
        <figure class="chart" data-testid={format!("chart-{}", f.id)}>
            <figcaption>{ f.title.clone() }</figcaption>
            { match &f.svg {
                Ok(svg) => svg.view(),
                Err(e) => html! { <p class="field-error">{ Ui::CouldNotDrawChart.fill(lang, &[e]) }</p> },
            } }
            <details class="chart-table">
                <summary>{ Ui::DataTable.get(lang) }</summary>
                { for f.tables.iter().map(|(t, _, _)| table(t)) }
            </details>
            <p class="downloads">
                { for f.tables.iter().map(|(t, name, href)| html! {
                    <a class="btn ghost small" download={format!("kehoach-{name}.csv")}
                        href={href.clone()} data-testid={format!("csv-{name}")}>
                        { Ui::DownloadCsv.get(lang) }{ if f.tables.len() > 1 { format!(" ({})", t.caption) } else { String::new() } }
                    </a>
                }) }
            </p>
        </figure>
    }
}

fn table(t: &Table) -> Html {
    html! {
        <div class="table-wrap">
            <table>
                <caption>{ t.caption.clone() }</caption>
                <thead><tr>{ for t.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>{ for t.rows.iter().map(|r| html! {
                    <tr>{ for r.iter().enumerate().map(|(i, c)| if i == 0 {
                        html! { <th scope="row">{ c }</th> }
                    } else {
                        html! { <td class="num">{ c }</td> }
                    }) }</tr>
                }) }</tbody>
            </table>
        </div>
    }
}

/// A `data:` URL holding the table as CSV (percent-encoded UTF-8, BOM included).
pub fn csv_href(t: &Table, lang: Lang) -> String {
    let csv = charts::to_csv(t, lang);
    let mut out = String::with_capacity(csv.len() * 2 + 32);
    out.push_str("data:text/csv;charset=utf-8,");
    for b in csv.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
