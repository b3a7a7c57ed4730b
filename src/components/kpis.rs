//! The headline figures. Each carries its exact value in `data-value` (plain number) so
//! tests compare numbers, not strings.

use model::Lang;
use model::fmt;
use model::words::Ui;
use yew::prelude::*;

use super::use_app;

/// Props of [`Kpi`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct KpiProps {
    /// `data-testid`.
    pub testid: AttrValue,
    /// Exact value for `data-value`.
    pub value: f64,
    /// What it is.
    pub label: AttrValue,
    /// The figure as written.
    pub shown: AttrValue,
    /// A second line (range, comparison).
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    /// Dim the detail (stale uncertainty being recomputed).
    #[prop_or_default]
    pub pending: bool,
    /// Emphasis.
    #[prop_or_default]
    pub main: bool,
}

/// One headline figure.
#[component]
pub fn Kpi(props: &KpiProps) -> Html {
    html! {
        <div class={classes!("kpi", props.main.then_some("main"))} data-testid={props.testid.clone()} data-value={props.value.to_string()}>
            <div class="kpi-value">{ props.shown.clone() }</div>
            <div class="kpi-label">{ props.label.clone() }</div>
            if let Some(d) = &props.detail {
                <div class={classes!("kpi-detail", props.pending.then_some("pending"))}>{ d.clone() }</div>
            }
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
    let last_year = p.years.last().map(|y| y.year).unwrap_or_default();
    let fresh = app.fresh_uncertainty().is_some();
    let u = app.any_uncertainty();
    let range = u.map(|u| {
        Ui::KpiRange.fill(
            lang,
            &[
                &fmt::deaths(u.deaths_averted.lifetime.p10, lang),
                &fmt::deaths(u.deaths_averted.lifetime.p90, lang),
            ],
        )
    });
    let averted_detail = match (range, fresh) {
        (Some(r), true) => r,
        (Some(r), false) => format!("{r} · {}", Ui::Updating.get(lang)),
        (None, _) => Ui::ComputingRange.get(lang).to_string(),
    };
    html! {
        <section class="panel kpis" aria-labelledby="kpis-h" aria-live="polite">
            <h2 id="kpis-h">{ Ui::WhatThePlanBuys.get(lang) }</h2>
            <div class="kpi-grid">
                <Kpi main=true testid="kpi-deaths-averted" value={h.deaths_averted.lifetime}
                    shown={fmt::deaths(h.deaths_averted.lifetime, lang)}
                    label={Ui::KpiDeathsAverted.get(lang)}
                    detail={Some(AttrValue::from(averted_detail))} pending={!fresh}/>
                <Kpi testid="kpi-drowning-rate" value={h.rate_final}
                    shown={fmt::rate(h.rate_final, lang)}
                    label={rate_label(last_year, lang)}
                    detail={Some(AttrValue::from(Ui::KpiWithoutPlan.fill(lang, &[&fmt::rate(h.rate_baseline_final, lang)])))}/>
                <Kpi testid="kpi-swim-share" value={h.swim_share_final}
                    shown={fmt::pct(h.swim_share_final, lang)}
                    label={Ui::KpiSwimShare.fill(lang, &[&last_year.to_string()])}
                    detail={Some(AttrValue::from(Ui::KpiToday.fill(lang, &[&fmt::pct(p.baseline.swim_share.value, lang)])))}/>
                <Kpi testid="kpi-children-supported" value={h.children_supported as f64}
                    shown={fmt::count(h.children_supported, lang)}
                    label={Ui::KpiChildrenSupported.get(lang)}
                    detail={Some(AttrValue::from(Ui::KpiEach.fill(lang, &[&fmt::money_opt(h.cost_per_child_supported, lang)])))}/>
                <Kpi testid="kpi-children-reached" value={h.children_reached as f64}
                    shown={fmt::count(h.children_reached, lang)}
                    label={Ui::KpiChildrenReached.get(lang)}/>
                <Kpi testid="kpi-cost-per-death" value={h.cost_per_death_averted.lifetime.map_or(f64::NAN, |m| m.0 as f64)}
                    shown={fmt::money_opt(h.cost_per_death_averted.lifetime, lang)}
                    label={Ui::KpiCostPerDeath.get(lang)}/>
            </div>
        </section>
    }
}

fn rate_label(year: i32, lang: Lang) -> String {
    Ui::KpiRate.fill(lang, &[&year.to_string()])
}
