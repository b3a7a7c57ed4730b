//! The headline figures, listed from the catalogue (`model::figures::Figure`): its labels,
//! its formatting and its p10–p90 bands. Deaths averted are counted over the lifetime of
//! what the plan buys (the headline) or the plan years only — one toggle, which also
//! switches cost per death averted and what the optimiser ranks by.
//!
//! Every figure carries `data-figure="<key>"` and its exact value in `data-value` (plain
//! number; none when the figure has no value), and its band in `data-p10`/`data-p50`/
//! `data-p90` once the Monte Carlo of this version of the plan is in, so tests compare
//! numbers, not strings.

use model::Lang;
use model::eval::Horizon;
use model::figures::Figure;
use model::fmt;
use model::mc::Band3;
use model::words::{AdviceWords, Ui};
use yew::prelude::*;

use super::use_app;
use crate::hooks::use_reveal_changes;
use crate::hooks::use_reveal_changes::FIGURES_ID;
use crate::state::Action;

/// The figures shown for a horizon: every figure that counts over it or has no horizon.
pub fn shown(h: Horizon) -> impl Iterator<Item = Figure> {
    Figure::ALL
        .into_iter()
        .filter(move |f| f.horizon().is_none_or(|fh| fh == h))
}

/// Deaths averted over a horizon: the headline.
pub fn main_figure(h: Horizon) -> Figure {
    match h {
        Horizon::Lifetime => Figure::DeathsAverted,
        Horizon::Plan => Figure::DeathsAvertedPlan,
    }
}

/// Whether a figure gets a card of its own (the others are listed below the cards).
fn card(f: Figure) -> bool {
    !matches!(
        f,
        Figure::ExpectedDeaths
            | Figure::ChildFriendlyShare
            | Figure::Contacts
            | Figure::SpendTotal
            | Figure::CostPerChildSupported
    )
}

/// A figure's `data-testid`: `kpi-<key>`, and the name the page has always used for cost
/// per death averted.
pub fn test_id(f: Figure) -> String {
    match f {
        Figure::CostPerDeathAverted => "kpi-cost-per-death".into(),
        _ => f.test_id(),
    }
}

/// The exact value as `data-value` holds it (`None`: the figure has no value).
pub fn data_value(v: Option<f64>) -> Option<AttrValue> {
    v.filter(|v| v.is_finite())
        .map(|v| AttrValue::from(v.to_string()))
}

/// "range a–b (p10–p90)" for a figure's band.
pub fn band_text(f: Figure, b: &Band3, lang: Lang) -> String {
    Ui::KpiRange.fill(
        lang,
        &[&f.format(Some(b.p10), lang), &f.format(Some(b.p90), lang)],
    )
}

/// Props of [`Kpi`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct KpiProps {
    /// Which figure.
    pub figure: Figure,
    /// Its value.
    pub value: Option<f64>,
    /// Its band, when the Monte Carlo gives one.
    #[prop_or_default]
    pub band: Option<Band3>,
    /// The band is of an earlier version of the plan (being recomputed).
    #[prop_or_default]
    pub stale: bool,
    /// The Monte Carlo has not answered yet.
    #[prop_or_default]
    pub computing: bool,
    /// A line of context (the year, the value without the plan…).
    #[prop_or_default]
    pub context: Option<AttrValue>,
    /// Changed by the proposal just accepted.
    #[prop_or_default]
    pub changed: bool,
    /// Emphasis.
    #[prop_or_default]
    pub main: bool,
}

/// One headline figure.
#[component]
pub fn Kpi(props: &KpiProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let f = props.figure;
    let band = props.band.filter(|_| !props.stale);
    let detail = match (&props.band, props.stale, props.computing) {
        (Some(b), false, _) => Some(band_text(f, b, lang)),
        (Some(b), true, _) => Some(format!(
            "{} · {}",
            band_text(f, b, lang),
            Ui::Updating.get(lang)
        )),
        (None, _, true) => Some(Ui::ComputingRange.get(lang).to_string()),
        (None, _, false) => None,
    };
    let pending = props.stale || props.computing;
    html! {
        <div class={classes!("kpi", props.main.then_some("main"), props.changed.then_some("changed"))}
            data-testid={test_id(f)} data-figure={f.key()} data-value={data_value(props.value)}
            data-p10={band.map(|b| b.p10.to_string())} data-p50={band.map(|b| b.p50.to_string())}
            data-p90={band.map(|b| b.p90.to_string())} data-changed={props.changed.then_some("true")}>
            <div class="kpi-value">{ f.format(props.value, lang) }</div>
            <div class="kpi-label">{ f.label(lang) }</div>
            if let Some(c) = &props.context {
                <div class="kpi-context">{ c.clone() }</div>
            }
            if let Some(d) = detail {
                <div class={classes!("kpi-detail", pending.then_some("pending"))}>{ d }</div>
            }
            if props.changed {
                <div class="kpi-changed">{ "▲ " }{ AdviceWords::Changed.get(lang) }</div>
            }
        </div>
    }
}

/// The switch between the two horizons of deaths averted (here and in the optimiser).
#[component]
pub fn HorizonToggle() -> Html {
    let app = use_app();
    let lang = app.lang;
    let button = |h: Horizon, label: &'static str| {
        let app = app.clone();
        let on = app.horizon == h;
        let click = Callback::from(move |_: MouseEvent| app.dispatch(Action::SetHorizon(h)));
        html! {
            <button type="button" class={classes!("seg", on.then_some("on"))} aria-pressed={on.to_string()}
                data-testid={format!("horizon-{}", h.name())} onclick={click}>
                { label }
            </button>
        }
    };
    html! {
        <div class="horizon" role="group" aria-label={AdviceWords::HorizonLabel.get(lang)}>
            <span class="horizon-label">{ AdviceWords::HorizonLabel.get(lang) }</span>
            <span class="seg-group">
                { button(Horizon::Lifetime, AdviceWords::HorizonLifetime.get(lang)) }
                { button(Horizon::Plan, AdviceWords::HorizonPlan.get(lang)) }
            </span>
        </div>
    }
}

/// All headline figures of the current scenario.
#[component]
pub fn Kpis() -> Html {
    let app = use_app();
    let lang = app.lang;
    let p = app.projection.clone();
    let h = &p.headline;
    let s = app.scenario();
    let last_year = p.years.last().map(|y| y.year).unwrap_or_default();
    let fresh = app.fresh_uncertainty().is_some();
    let u = app.any_uncertainty();
    let changed = app
        .changed
        .as_ref()
        .filter(|c| c.generation == app.generation);
    use_reveal_changes(changed.map(|c| c.generation));
    let horizon = app.horizon;
    let main = main_figure(horizon);
    let year = AdviceWords::InYear.fill(lang, &[&last_year.to_string()]);
    let context = |f: Figure| -> Option<AttrValue> {
        let text = match f {
            Figure::RateFinal => format!(
                "{year} · {}",
                Ui::KpiWithoutPlan.fill(lang, &[&fmt::rate(h.rate_baseline_final, lang)])
            ),
            Figure::SwimShare => format!(
                "{year} · {}",
                Ui::KpiToday.fill(lang, &[&fmt::pct(p.baseline.swim_share.value, lang)])
            ),
            Figure::ChildFriendlyShare => format!(
                "{year} · {}",
                Ui::KpiToday.fill(
                    lang,
                    &[&fmt::pct(p.baseline.child_friendly_share.value, lang)]
                )
            ),
            _ => return None,
        };
        Some(text.into())
    };
    let kpi = |f: Figure, is_main: bool| {
        html! {
            <Kpi figure={f} value={f.value(&p)} band={u.and_then(|u| f.band(u))}
                stale={!fresh && u.is_some()} computing={u.is_none()} main={is_main}
                context={context(f)}
                changed={changed.is_some_and(|c| c.figures.contains(&f))}/>
        }
    };
    let help = match horizon {
        Horizon::Lifetime => AdviceWords::HorizonHelpLifetime.get(lang).to_string(),
        Horizon::Plan => AdviceWords::HorizonHelpPlan
            .fill(lang, &[&s.start_year.to_string(), &s.end_year.to_string()]),
    };
    let rows = shown(horizon).filter(|f| !card(*f)).map(|f| {
        let v = f.value(&p);
        let band = u.and_then(|u| f.band(u));
        let is_changed = changed.is_some_and(|c| c.figures.contains(&f));
        let b = band.filter(|_| fresh);
        html! {
            <tr class={classes!(is_changed.then_some("changed"))} data-testid={test_id(f)} data-figure={f.key()}
                data-value={data_value(v)} data-p10={b.map(|b| b.p10.to_string())}
                data-p50={b.map(|b| b.p50.to_string())} data-p90={b.map(|b| b.p90.to_string())}
                data-changed={is_changed.then_some("true")}>
                <th scope="row">{ f.label(lang) }</th>
                <td class="num"><strong>{ f.format(v, lang) }</strong></td>
                <td class={classes!("small", "muted", (!fresh).then_some("pending"))}>
                    { [band.map(|b| band_text(f, &b, lang)), context(f).map(|c| c.to_string())]
                        .into_iter().flatten().collect::<Vec<_>>().join(" · ") }
                    if is_changed { <span class="kpi-changed">{ " ▲ " }{ AdviceWords::Changed.get(lang) }</span> }
                </td>
            </tr>
        }
    });
    html! {
        <section class="panel kpis" id={FIGURES_ID} tabindex="-1" aria-labelledby="kpis-h" aria-live="polite">
            <h2 id="kpis-h">{ Ui::WhatThePlanBuys.get(lang) }</h2>
            <HorizonToggle/>
            <p class="muted small horizon-help">{ help }</p>
            <div class="kpi-grid">
                { kpi(main, true) }
                { for shown(horizon).filter(|f| *f != main && card(*f)).map(|f| kpi(f, false)) }
            </div>
            <div class="table-wrap kpi-more">
                <table class="kpi-table">
                    <caption>{ AdviceWords::OtherFigures.get(lang) }</caption>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
