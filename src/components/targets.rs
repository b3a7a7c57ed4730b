//! The national targets, each with its verdict, the chance of meeting it (the share of the
//! Monte Carlo draws in which it is met), the chance without the plan, whether it is met
//! without the plan at all, and the no-plan trend the verdict assumed. A card says "met"
//! (✓) only when the chance reaches the chance the planner asks for (50, 80 or 95 %), and
//! never on a chance of an earlier version of the plan. Colour is never the only signal:
//! each badge carries a word and an icon.

use model::data::{TARGETS, TargetDef, TargetKind};
use model::fmt;
use model::words::{AdviceWords, Common, Ui};
use model::{Lang, TargetChance};
use yew::prelude::*;

use super::use_app;
use crate::platform::dom;
use crate::state::Action;

pub use model::verdict::Verdict;

/// A target's value as its card writes it: "−22,6 %" for a reduction, "26,1 %" for a share.
pub fn target_value(t: &TargetDef, v: f64, lang: Lang) -> String {
    match t.kind {
        TargetKind::DrowningReduction => format!("−{}", fmt::pct(v, lang)),
        _ => fmt::pct(v, lang),
    }
}

/// A trend as written: "−2,5 %".
fn trend(v: f64, lang: Lang) -> String {
    if v < 0.0 {
        format!("−{}", fmt::pct(-v, lang))
    } else {
        format!("+{}", fmt::pct(v, lang))
    }
}

/// The select of the chance asked for (here and beside goal seek).
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct ChanceSelectProps {
    /// Its `data-testid`.
    pub testid: AttrValue,
    /// Its label.
    pub label: AttrValue,
}

/// 50 / 80 / 95 %: the chance a target must be met with to count as met.
#[component]
pub fn ChanceSelect(props: &ChanceSelectProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let on_change = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Ok(c) = dom::value(&e).parse::<f64>() {
                app.dispatch(Action::SetChance(c));
            }
        })
    };
    html! {
        <label class="field chance">
            <span>{ props.label.clone() }</span>
            <select data-testid={props.testid.clone()} onchange={on_change}>
                { for model::goal::CHANCES.iter().map(|c| html! {
                    <option value={c.to_string()} selected={*c == app.chance}>{ fmt::pct(*c, lang) }</option>
                }) }
            </select>
        </label>
    }
}

/// See the module docs.
#[component]
pub fn Targets() -> Html {
    let app = use_app();
    let lang = app.lang;
    let p = app.projection.clone();
    let s = app.scenario();
    let fresh = app.fresh_uncertainty();
    let any = app.any_uncertainty();
    let changed = app
        .changed
        .as_ref()
        .filter(|c| c.generation == app.generation);
    let asked = fmt::pct(app.chance, lang);
    let chance_of = |u: &model::Uncertainty, id: &str| -> Option<TargetChance> {
        u.targets
            .iter()
            .find(|c| c.id == id && c.assessable)
            .copied()
    };
    html! {
        <section class="panel targets" aria-labelledby="targets-h">
            <h2 id="targets-h">{ Common::NationalTargets.get(lang) }</h2>
            <div class="chance-row">
                <ChanceSelect testid="chance-setting" label={AdviceWords::ChanceSetting.get(lang)}/>
                <p class="muted small">{ AdviceWords::ChanceSettingHelp.get(lang) }</p>
            </div>
            <ul class="target-list">
            { for TARGETS.iter().filter_map(|t| {
                let o = p.target(t.id)?;
                let now = fresh.and_then(|u| chance_of(u, t.id));
                let shown_chance = any.and_then(|u| chance_of(u, t.id));
                let verdict = Verdict::of(o.assessable, o.met, now.map(|c| c.probability), app.chance);
                let is_changed = changed.is_some_and(|c| c.targets.contains(&t.id));
                if !o.assessable {
                    return Some(html! {
                        <li class="target outside" data-testid={format!("target-{}", t.id)} data-met="false"
                            data-assessable="false" data-verdict={verdict.key()}>
                            <span class="badge" aria-hidden="true">{ verdict.icon() }</span>
                            <div>
                                <p class="target-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</p>
                                <p class="target-status">{ outside(t.year, s.start_year, s.end_year, lang) }</p>
                            </div>
                        </li>
                    });
                }
                let why = match (verdict, now) {
                    (Verdict::Met, Some(c)) => AdviceWords::VerdictMet.fill(lang, &[&fmt::pct(c.probability, lang), &asked]),
                    (Verdict::Uncertain, Some(c)) => AdviceWords::VerdictUncertain.fill(lang, &[&fmt::pct(c.probability, lang), &asked]),
                    (Verdict::Missed, Some(c)) => AdviceWords::VerdictMissed.fill(lang, &[&fmt::pct(c.probability, lang)]),
                    _ => AdviceWords::VerdictPending.get(lang).to_string(),
                };
                Some(html! {
                    <li class={classes!("target", verdict.key(), is_changed.then_some("changed"))}
                        data-testid={format!("target-{}", t.id)} data-met={o.met.to_string()}
                        data-value={o.value.to_string()} data-assessable="true" data-verdict={verdict.key()}
                        data-chance={now.map(|c| c.probability.to_string())}
                        data-chance-without-plan={now.map(|c| c.probability_without_plan.to_string())}
                        data-met-without-plan={o.met_without_plan.to_string()}
                        data-changed={is_changed.then_some("true")}>
                        <span class="badge" aria-hidden="true">{ verdict.icon() }</span>
                        <div>
                            <p class="target-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</p>
                            <p class="target-status">
                                <strong>{ verdict.word(lang) }</strong>{ ": " }{ why }
                            </p>
                            <p class="target-value">
                                { Ui::TargetStatus.fill(lang, &[&target_value(t, o.value, lang), &target_value(t, o.threshold, lang), &target_value(t, o.baseline_value, lang)]) }
                            </p>
                            if let Some(c) = shown_chance {
                                <p class={classes!("target-chance", now.is_none().then_some("pending"))}>
                                    { AdviceWords::ChanceLine.fill(lang, &[&fmt::pct(c.probability, lang), &fmt::pct(c.probability_without_plan, lang)]) }
                                    if now.is_none() { { " · " }{ Ui::Updating.get(lang) } }
                                </p>
                            }
                            if o.met_without_plan {
                                <p class="target-without" data-testid={format!("target-{}-without-plan", t.id)}>
                                    { AdviceWords::MetWithoutPlan.get(lang) }
                                </p>
                            }
                            if let Some(tr) = o.trend {
                                <p class="target-trend small" data-testid={format!("target-{}-trend", t.id)}
                                    data-trend={tr.central.to_string()} data-trend-low={tr.low.to_string()} data-trend-high={tr.high.to_string()}>
                                    { AdviceWords::TrendAssumed.fill(lang, &[&trend(tr.central, lang), &trend(tr.low, lang), &trend(tr.high, lang)]) }
                                </p>
                            }
                            if is_changed { <p class="kpi-changed small">{ "▲ " }{ AdviceWords::Changed.get(lang) }</p> }
                            <p class="muted small">{ t.source.get(lang) }</p>
                        </div>
                    </li>
                })
            }) }
            </ul>
        </section>
    }
}

fn outside(year: i32, start: i32, end: i32, lang: Lang) -> String {
    Ui::TargetNotAssessed.fill(
        lang,
        &[&year.to_string(), &start.to_string(), &end.to_string()],
    )
}
