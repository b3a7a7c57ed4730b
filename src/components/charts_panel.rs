//! The charts of the planner: drowning deaths per year with the uncertainty band, budget by
//! line and source, children reached and supported, target progress. Each has a table as
//! its text alternative and a CSV download of its numbers (UTF-8 with BOM, via a `data:`
//! link, so it works offline and needs no script).

use std::rc::Rc;

use model::Lang;
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
    svg: Result<String, String>,
    tables: Vec<(Table, &'static str)>,
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

/// See the module docs.
#[component]
pub fn ChartsPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    // The charts are redrawn when editing pauses — together with the uncertainty band,
    // which arrives then — not on every slider step: replacing four SVGs costs more than a
    // frame. The headline figures above stay exact on every step; meanwhile the charts are
    // marked as updating.
    let settled = app.uncertainty.as_ref().map_or(0, |(g, _)| *g);
    let stale = settled != app.generation && app.uncertainty.is_some();
    let figures = {
        let p = app.projection.clone();
        let s = app.scenario().clone();
        let band: Option<Vec<(f64, f64)>> = app
            .any_uncertainty()
            .filter(|u| u.years.len() == p.years.len())
            .map(DeathsChart::band);
        use_memo((settled, lang), move |_| Rc::new(build(&p, &s, band, lang)))
    };
    html! {
        <section class="panel charts" aria-labelledby="charts-h" data-testid="charts"
            data-stale={stale.to_string()} aria-busy={stale.to_string()}>
            <h2 id="charts-h">{ lang.pick("Biểu đồ", "Charts") }
                if stale { <span class="updating">{ lang.pick(" · đang cập nhật…", " · updating…") }</span> }
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
    vec![
        Figure {
            id: "deaths",
            title: lang
                .pick(
                    "Trẻ tử vong do đuối nước mỗi năm: không có và có kế hoạch",
                    "Child drowning deaths per year: without and with the plan",
                )
                .into(),
            svg: charts::deaths_svg(&deaths, lang, w, deaths.preferred_height(w, lang))
                .map_err(err),
            tables: vec![(deaths_table(&deaths, lang), "tu-vong-theo-nam")],
        },
        Figure {
            id: "targets",
            title: lang
                .pick(
                    "Tiến độ mục tiêu quốc gia",
                    "Progress towards the national targets",
                )
                .into(),
            svg: charts::targets_svg(&targets, lang, w, targets.preferred_height(w, lang))
                .map_err(err),
            tables: vec![(targets_table(&targets, lang), "muc-tieu")],
        },
        Figure {
            id: "budget",
            title: lang
                .pick(
                    "Ngân sách theo tuyến và nguồn vốn",
                    "Budget by line and funding source",
                )
                .into(),
            svg: charts::budget_svg(&budget, lang, w, budget.preferred_height(w, lang))
                .map_err(err),
            tables: vec![
                (budget_lines_table(&budget, lang), "ngan-sach-theo-tuyen"),
                (budget_sources_table(&budget, lang), "ngan-sach-theo-nguon"),
            ],
        },
        Figure {
            id: "reach",
            title: lang
                .pick(
                    "Trẻ em được tiếp cận và hỗ trợ theo tuyến",
                    "Children reached and supported by line",
                )
                .into(),
            svg: charts::reach_svg(&reach, lang, w, reach.preferred_height(w, lang)).map_err(err),
            tables: vec![(reach_table(&reach, lang), "tiep-can-ho-tro")],
        },
    ]
}

fn figure(f: &Figure, lang: Lang) -> Html {
    html! {
        <figure class="chart" data-testid={format!("chart-{}", f.id)}>
            <figcaption>{ f.title.clone() }</figcaption>
            { match &f.svg {
                // The SVG comes from our own drawing code; plotters escapes its text.
                Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
                Err(e) => html! { <p class="field-error">{ lang.pick("Không vẽ được biểu đồ: ", "Could not draw the chart: ") }{ e }</p> },
            } }
            <details class="chart-table">
                <summary>{ lang.pick("Bảng số liệu", "Data table") }</summary>
                { for f.tables.iter().map(|(t, _)| table(t)) }
            </details>
            <p class="downloads">
                { for f.tables.iter().map(|(t, name)| html! {
                    <a class="btn ghost small" download={format!("kehoach-{name}.csv")}
                        href={csv_href(t, lang)} data-testid={format!("csv-{name}")}>
                        { lang.pick("Tải CSV", "Download CSV") }{ if f.tables.len() > 1 { format!(" ({})", t.caption) } else { String::new() } }
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
