//! The side-by-side slide of workshop mode (key `S`, or the pack panel's button): two to
//! four scenarios of the deck at once — each one's deaths averted with its p10–p90 range,
//! its drowning rate in the last year, its deaths chart and its national targets met
//! (by the one verdict rule, `model::Verdict`) — every chart on the y axis the deck's
//! slides share, so the room compares heights, not scales.

use std::rc::Rc;

use model::data::TARGETS;
use model::words::Ui;
use model::{Projection, Scenario, Verdict};
use yew::prelude::*;

use super::use_app;
use crate::charts::{DeathsChart, deaths_svg};
use crate::format;
use crate::hooks::use_compare_bands;

/// The size each chart is drawn at, by the number of scenarios: drawn small and scaled up
/// to its column, so its text reads at 20 px or more at 1280 × 720.
fn chart_size(n: usize) -> (u32, u32) {
    match n {
        0..=2 => (300, 190),
        3 => (220, 165),
        _ => (170, 150),
    }
}

/// See the module docs.
#[component]
pub fn SideBySide() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (ids, scenarios): (Vec<u32>, Vec<Scenario>) = app
        .side_slides()
        .iter()
        .filter_map(|id| app.entries.iter().find(|e| e.id == *id))
        .map(|e| (e.id, e.scenario.clone()))
        .unzip();
    let projections = use_memo(scenarios.clone(), |ss| {
        ss.iter()
            .map(|s| model::evaluate(s).ok().map(Rc::new))
            .collect::<Vec<Option<Rc<Projection>>>>()
    });
    let bands = use_compare_bands(scenarios.clone());
    let y_range = app.deck_y_range();
    let n = scenarios.len();
    let (w, h) = chart_size(n);
    let asked = app.chance;
    let charts = use_memo(
        (
            projections.clone(),
            bands.as_ref().map(Rc::as_ptr),
            y_range.map(|(a, b)| (a.to_bits(), b.to_bits())),
            lang,
        ),
        {
            let bands = bands.clone();
            move |(ps, _, _, lang)| {
                ps.iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let p = p.as_ref()?;
                        let band = bands
                            .as_ref()
                            .and_then(|b| b.get(i).and_then(Option::as_ref))
                            .map(DeathsChart::band);
                        let data = DeathsChart {
                            y_range,
                            ..DeathsChart::from_projection(p, band)
                        };
                        deaths_svg(&data, *lang, w, h).ok()
                    })
                    .collect::<Vec<Option<String>>>()
            }
        },
    );
    html! {
        <section class={classes!("ws-side", format!("n{n}"))} data-testid="ws-side" data-count={n.to_string()}
            aria-label={Ui::WsSideHeading.get(lang)}>
            { for scenarios.iter().enumerate().map(|(i, s)| {
                let Some(p) = projections.get(i).cloned().flatten() else {
                    return html! {};
                };
                let u = bands.as_ref().and_then(|b| b.get(i).and_then(Option::as_ref));
                let h = &p.headline;
                let region = model::data::region(&s.region)
                    .map(|r| r.name(lang))
                    .unwrap_or_else(|| s.region.clone());
                let last_year = p.years.last().map(|y| y.year).unwrap_or(s.end_year);
                let assessable: Vec<_> = TARGETS
                    .iter()
                    .filter_map(|t| p.target(t.id).filter(|o| o.assessable).map(|o| (t, o)))
                    .collect();
                let met = u.map(|u| {
                    assessable
                        .iter()
                        .filter(|(t, o)| {
                            let c = u.target(t.id).filter(|c| c.assessable).map(|c| c.probability);
                            Verdict::of(o.assessable, o.met, c, asked).is_met()
                        })
                        .count()
                });
                let chart = charts.get(i).cloned().flatten();
                html! {
                    <article class="ws-side-col" data-testid={format!("ws-side-{i}")} data-id={ids.get(i).map(u32::to_string)}>
                        <h2 class="ws-side-name" title={s.name.clone()}>{ s.name.clone() }</h2>
                        <p class="ws-side-meta">{ region }{ " · " }{ s.start_year }{ "–" }{ s.end_year }</p>
                        <p class="ws-side-value" data-testid={format!("ws-side-{i}-averted")}
                            data-value={h.deaths_averted.lifetime.to_string()}>
                            { format::deaths(h.deaths_averted.lifetime, lang) }
                        </p>
                        <p class="ws-side-label">{ Ui::WsDeathsAverted.get(lang) }</p>
                        if let Some(u) = u {
                            <p class="ws-side-detail">
                                { Ui::WsRange.get(lang) }{ " " }
                                { format::deaths(u.deaths_averted.lifetime.p10, lang) }{ "–" }
                                { format::deaths(u.deaths_averted.lifetime.p90, lang) }
                            </p>
                        }
                        <p class="ws-side-detail">
                            <strong>{ format::rate(h.rate_final, lang) }</strong>{ " " }
                            { Ui::WsRateIn.fill(lang, &[&last_year.to_string()]) }
                        </p>
                        <figure class="ws-side-chart" data-testid={format!("ws-side-{i}-chart")}
                            data-y-max={y_range.map(|r| r.1.to_string()).unwrap_or_default()}>
                            if let Some(svg) = chart {
                                { Html::from_html_unchecked(AttrValue::from(svg)) }
                            }
                        </figure>
                        <p class={classes!("ws-side-targets", met.is_none().then_some("pending"))}
                            data-testid={format!("ws-side-{i}-targets")}
                            data-met={met.map(|m| m.to_string())} data-of={assessable.len().to_string()}>
                            { match met {
                                Some(m) => Ui::WsSideTargets.fill(lang, &[&m.to_string(), &assessable.len().to_string()]),
                                None => Ui::WsSideTargetsPending.get(lang).to_string(),
                            } }
                        </p>
                    </article>
                }
            }) }
        </section>
    }
}
