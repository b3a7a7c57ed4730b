//! The printable plan sheet: one A4 page for the leadership meeting — name, region and
//! years, the budget by line and by source in triệu đồng, the headline figures with their
//! p10–p90 ranges, the targets met or missed, the deaths chart, the key assumptions with
//! sources, and a QR code that reopens the scenario. The browser's print dialog (or "Save
//! as PDF") produces it.
//!
//! The sheet is rendered (into a `<div id="print-host">` at the end of `<body>`) only while
//! printing: when the "In" button is pressed, or on the browser's `beforeprint` (Ctrl+P).
//! The print CSS hides the app whenever the sheet is there. Keeping it out of the page the
//! rest of the time keeps every edit as fast as before.

use model::data::{self, TARGETS, TargetKind};
use model::fmt;
use model::words::{Common, Doc};
use model::{Lang, Money, Scenario, Verdict};
use yew::prelude::*;

use super::scenarios::display_name;
use super::share::{QrSvg, share_link};
use super::use_app;
use crate::charts::{DeathsChart, deaths_svg};
use crate::platform::print as web;
use crate::state::Source;

/// The "In" button; renders the sheet while printing.
#[component]
pub fn PrintButton() -> Html {
    let app = use_app();
    let lang = app.lang;
    let active = use_state(|| false);
    let requested = use_state(|| false);
    {
        let active = active.clone();
        use_effect_with((), move |_| {
            let (on, off) = (active.clone(), active);
            // While the plan document's view is open, it is what prints.
            let guards = web::on_print(
                move || {
                    if !web::document_open() {
                        on.set(true)
                    }
                },
                move || off.set(false),
            );
            move || drop(guards)
        });
    }
    {
        // The button asked for printing: open the dialog once the sheet is in the page.
        let requested = requested.clone();
        use_effect_with((*active, *requested), move |(active, req)| {
            if *active && *req {
                requested.set(false);
                web::print();
            }
        });
    }
    let click = {
        let active = active.clone();
        let requested = requested.clone();
        Callback::from(move |_: MouseEvent| {
            active.set(true);
            requested.set(true);
        })
    };
    let sheet = if *active {
        match web::print_host() {
            Some(host) => create_portal(html! { <PrintSheet/> }, host),
            None => html! {},
        }
    } else {
        html! {}
    };
    html! {
        <>
            <button type="button" class="btn ghost" data-testid="print-button" onclick={click}
                title={Doc::PrintHint.get(lang)}>
                { Doc::PrintButton.get(lang) }
            </button>
            { sheet }
        </>
    }
}

/// The sheet itself.
#[component]
pub fn PrintSheet() -> Html {
    let app = use_app();
    let lang = app.lang;
    let s = app.scenario().clone();
    let p = app.projection.clone();
    let u = app.fresh_uncertainty().cloned();
    let asked = app.chance;
    let link = use_memo(s.clone(), share_link);
    let code = use_memo(link.clone(), |l| crate::qr::encode(l));
    let region = model::data::region(&s.region)
        .map_or_else(|| s.region.clone(), |r| r.name(lang).to_string());
    let years = s.year_count().max(1) as i64;
    let annual = s.allocated();
    let h = &p.headline;
    let range = |band: Option<(f64, f64)>, f: fn(f64, Lang) -> String| -> String {
        match band {
            Some((a, b)) => format!("{}–{}", f(a, lang), f(b, lang)),
            None => fmt::NONE.into(),
        }
    };
    let band = |g: fn(&model::Uncertainty) -> model::Band3| {
        u.as_ref().map(|u| {
            let b = g(u);
            (b.p10, b.p90)
        })
    };
    let count_band = |g: fn(&model::Uncertainty) -> model::Band3<u64>| {
        u.as_ref().map(|u| {
            let b = g(u);
            (b.p10 as f64, b.p90 as f64)
        })
    };
    let figures: Vec<(&str, String, String, &str)> = vec![
        (
            Common::DeathsAverted.get(lang),
            fmt::deaths(h.deaths_averted.lifetime, lang),
            range(band(|u| u.deaths_averted.lifetime), fmt::deaths),
            "averted",
        ),
        (
            Common::RateFinal.get(lang),
            fmt::rate(h.rate_final, lang),
            range(band(|u| u.rate_final), fmt::rate),
            "rate",
        ),
        (
            Common::SwimShareFinal.get(lang),
            fmt::pct(h.swim_share_final, lang),
            range(band(|u| u.swim_share_final), fmt::pct),
            "swim",
        ),
        (
            Common::ChildrenSupported.get(lang),
            fmt::count(h.children_supported, lang),
            range(count_band(|u| u.children_supported), fmt::count_f),
            "supported",
        ),
        (
            Common::ChildrenReached.get(lang),
            fmt::count(h.children_reached, lang),
            range(count_band(|u| u.children_reached), fmt::count_f),
            "reached",
        ),
    ];
    // Budget by line: only lines with money, in catalogue order.
    let line_rows = data::lines()
        .iter()
        .filter(|l| s.alloc(l.id).0 > 0)
        .map(|l| {
            let a = s.alloc(l.id);
            html! {
                <tr>
                    <th scope="row">{ l.name(lang) }</th>
                    <td class="num">{ fmt::trieu(a, lang) }</td>
                    <td class="num">{ fmt::trieu(Money(a.0.saturating_mul(years)), lang) }</td>
                </tr>
            }
        });
    // One row per run of years with the same budget ("2027–2030" when all are equal).
    let source_cols: Vec<(String, Vec<Money>)> = budget_runs(&s)
        .into_iter()
        .map(|(a, b, yb)| {
            let label = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            (
                label,
                Source::ALL
                    .iter()
                    .map(|src| src.amount(&yb))
                    .chain([yb.total()])
                    .collect(),
            )
        })
        .collect();
    let plan_total: Vec<Money> = (0..4)
        .map(|k| {
            s.budget
                .iter()
                .map(|b| match k {
                    0 => b.central,
                    1 => b.provincial,
                    2 => b.mobilised,
                    _ => b.total(),
                })
                .fold(Money(0), Money::saturating_add)
        })
        .collect();
    let source_names: Vec<String> = [
        Doc::Central.get(lang),
        Doc::Provincial.get(lang),
        Doc::Mobilised.get(lang),
        Common::Total.get(lang),
    ]
    .iter()
    .map(|n| (*n).to_string())
    .collect();
    let chart = {
        let band = u.as_ref().map(DeathsChart::band);
        deaths_svg(&DeathsChart::from_projection(&p, band), lang, 480, 250).unwrap_or_default()
    };
    // Keep the page to one sheet when the budget table is long.
    let mut assumptions = key_assumptions(&s);
    assumptions.truncate(if source_cols.len() > 6 { 6 } else { 9 });
    let notes: String = s.notes.chars().take(280).collect();
    html! {
        <article class="print-sheet" data-testid="print-sheet" lang={lang.code()}>
            <header class="ps-head">
                <div class="ps-title">
                    <p class="ps-kicker">{ Doc::PrintKicker.get(lang) }</p>
                    <h1 data-testid="print-name">{ display_name(&s.name, lang) }</h1>
                    <p class="ps-meta">
                        <strong>{ region }</strong>{ " · " }{ s.start_year }{ "–" }{ s.end_year }
                        { " · " }{ Doc::BudgetPerYear.fill(lang, &[&fmt::money(s.budget.first().map(|b| b.total()).unwrap_or_default(), lang)]) }
                        { " · " }{ Doc::AllocatedPerYear.fill(lang, &[&fmt::money(annual, lang)]) }
                    </p>
                </div>
                if let Some(q) = &*code {
                    <figure class="ps-qr">
                        <QrSvg code={q.clone()} title={Doc::QrReopens.get(lang)} testid="print-qr"/>
                        <figcaption>{ Doc::ScanToOpen.get(lang) }</figcaption>
                    </figure>
                }
            </header>
            <section class="ps-figures">
                { for figures.iter().map(|(label, v, r, key)| html! {
                    <div class="ps-figure" data-testid={format!("print-fig-{key}")}>
                        <div class="ps-value">{ v.clone() }</div>
                        <div class="ps-label">{ label.to_string() }</div>
                        <div class="ps-range">{ "p10–p90: " }{ r.clone() }</div>
                    </div>
                }) }
            </section>
            <div class="ps-cols">
                <section>
                    <h2>{ Doc::AllocationByLineMillion.get(lang) }</h2>
                    <table class="ps-table">
                        <thead><tr>
                            <th scope="col">{ Common::ProgrammeLine.get(lang) }</th>
                            <th scope="col" class="num">{ Doc::EachYear.get(lang) }</th>
                            <th scope="col" class="num">{ Common::WholePlan.get(lang) }</th>
                        </tr></thead>
                        <tbody>{ for line_rows }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ Common::Total.get(lang) }</th>
                            <td class="num">{ fmt::trieu(annual, lang) }</td>
                            <td class="num">{ fmt::trieu(Money(annual.0.saturating_mul(years)), lang) }</td>
                        </tr></tfoot>
                    </table>
                </section>
                <section>
                    <h2>{ Doc::BudgetBySourceMillion.get(lang) }</h2>
                    <table class="ps-table">
                        <thead><tr>
                            <th scope="col">{ Common::Year.get(lang) }</th>
                            { for source_names.iter().map(|n| html! { <th scope="col" class="num">{ n.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for source_cols.iter().map(|(y, v)| html! {
                                <tr>
                                    <th scope="row">{ y.clone() }</th>
                                    { for v.iter().map(|m| html! { <td class="num">{ fmt::trieu(*m, lang) }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                        <tfoot><tr>
                            <th scope="row">{ Common::WholePlan.get(lang) }</th>
                            { for plan_total.iter().map(|m| html! { <td class="num">{ fmt::trieu(*m, lang) }</td> }) }
                        </tr></tfoot>
                    </table>
                    <h2>{ Doc::DeathsPerYear.get(lang) }</h2>
                    <div class="ps-chart">{ Html::from_html_unchecked(AttrValue::from(chart)) }</div>
                </section>
            </div>
            <section class="ps-targets-box">
                <h2>{ Common::NationalTargets.get(lang) }</h2>
                <ul class="ps-targets">
                    { for TARGETS.iter().filter_map(|t| {
                        let o = p.target(t.id)?;
                        let shown = |v: f64| match t.kind {
                            TargetKind::DrowningReduction => format!("−{}", fmt::pct(v, lang)),
                            _ => fmt::pct(v, lang),
                        };
                        let chance = u.as_ref().and_then(|u| u.target(t.id)).filter(|c| c.assessable).map(|c| c.probability);
                        let verdict = Verdict::of(o.assessable, o.met, chance, asked);
                        Some(if o.assessable {
                            html! {
                                <li data-testid={format!("print-target-{}", t.id)} data-met={verdict.is_met().to_string()}
                                    data-verdict={verdict.key()}>
                                    <strong>{ verdict.icon() }{ " " }{ verdict.word(lang) }</strong>
                                    if let Some(c) = chance { { " (" }{ fmt::pct(c, lang) }{ ")" } }
                                    { " " }{ t.label(lang) }{ " (" }{ t.year }{ "): " }{ Doc::ValueOfNeeded.fill(lang, &[&shown(o.value), &shown(o.threshold)]) }
                                </li>
                            }
                        } else {
                            html! {
                                <li data-testid={format!("print-target-{}", t.id)} data-met="false">
                                    { "– " }{ t.label(lang) }{ " (" }{ t.year }{ "): " }{ Common::OutsidePlanYears.get(lang) }
                                </li>
                            }
                        })
                    }) }
                </ul>
            </section>
            <section>
                <h2>{ Doc::KeyAssumptions.get(lang) }</h2>
                <table class="ps-table ps-assumptions">
                    <tbody>
                        { for assumptions.iter().map(|a| html! {
                            <tr>
                                <th scope="row">{ a.label(lang).to_string() }{ if a.edited { " ✎" } else { "" } }</th>
                                <td class="num">{ a.display(lang) }</td>
                                <td class="src">{ model::data::source_text(a.source, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
            <footer class="ps-foot">
                if !notes.is_empty() { <p class="ps-notes">{ Common::Notes.get(lang) }{ ": " }{ notes }{ if s.notes.chars().count() > 280 { "…" } else { "" } }</p> }
                <p>{ Doc::PrintFooter.get(lang) }</p>
            </footer>
        </article>
    }
}

/// The assumptions worth a line on paper: the region's drowning figures, every changed
/// assumption, and unit cost and effect of the three best-funded drowning lines (at most 9).
pub fn key_assumptions(s: &Scenario) -> Vec<model::Assumption> {
    let all = model::assumptions(s);
    let region_keys = [
        "region.children",
        "region.drowning_rate",
        "region.trend",
        "region.swim_share",
    ];
    let mut out: Vec<model::Assumption> = Vec::new();
    for k in region_keys {
        if let Some(a) = all.iter().find(|a| a.key == k) {
            out.push(a.clone());
        }
    }
    for a in all.iter().filter(|a| a.edited) {
        if !out.iter().any(|o| o.key == a.key) {
            out.push(a.clone());
        }
    }
    let mut funded: Vec<&model::data::LineDef> = data::lines()
        .iter()
        .filter(|l| l.drowning.is_some() && s.alloc(l.id).0 > 0)
        .collect();
    funded.sort_by_key(|l| std::cmp::Reverse(s.alloc(l.id)));
    for l in funded.into_iter().take(3) {
        for param in ["unit_cost", "rrr"] {
            let key = format!("line.{}.{param}", l.id);
            if let Some(a) = all.iter().find(|a| a.key == key) {
                if !out.iter().any(|o| o.key == a.key) {
                    out.push(a.clone());
                }
            }
        }
    }
    out.truncate(9);
    out
}

/// Runs of consecutive plan years with the same budget: (first year, last year, budget).
pub fn budget_runs(s: &Scenario) -> Vec<(i32, i32, model::YearBudget)> {
    let mut out: Vec<(i32, i32, model::YearBudget)> = Vec::new();
    for (b, y) in s.budget.iter().zip(s.years()) {
        match out.last_mut() {
            Some((_, last, prev)) if prev == b => *last = y,
            _ => out.push((y, y, *b)),
        }
    }
    out
}
