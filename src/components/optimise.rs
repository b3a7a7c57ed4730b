//! "Best mix for this budget" and "least budget for this target": the result is shown as a
//! proposed change, line by line, for the planner to accept or discard — never applied
//! silently. Locks, floors and ceilings hold.

use model::data::{self, TargetKind};
use model::fmt;
use model::goal::GoalOutcome;
use model::optimize::Objective;
use model::words::{Common, Ui};
use model::{Lang, Money, Scenario};
use yew::prelude::*;

use super::{fill_html, strong, use_app};
use crate::platform::dom;
use crate::state::{Action, Proposal};

/// See the module docs.
#[component]
pub fn OptimisePanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    let s = app.scenario().clone();
    let objective = use_state(|| "deaths".to_string());
    let targets: Vec<&data::TargetDef> = data::TARGETS
        .iter()
        .filter(|t| t.year >= s.start_year && t.year <= s.end_year)
        .collect();
    let target = use_state(|| "drowning-2030".to_string());
    let chosen_target = if targets.iter().any(|t| t.id == *target) {
        (*target).clone()
    } else {
        targets
            .first()
            .map(|t| t.id.to_string())
            .unwrap_or_default()
    };
    let on_objective = {
        let objective = objective.clone();
        Callback::from(move |e: Event| {
            objective.set(dom::value(&e));
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            target.set(dom::value(&e));
        })
    };
    let run_optimise = {
        let app = app.clone();
        let objective = objective.clone();
        Callback::from(move |_| {
            let o = Objective::from_name(&objective).unwrap_or_default();
            app.dispatch(Action::Optimise(o));
        })
    };
    let run_goal = {
        let app = app.clone();
        let t = chosen_target.clone();
        Callback::from(move |_| {
            if !t.is_empty() {
                app.dispatch(Action::GoalSeek {
                    target: t.clone(),
                    year: None,
                });
            }
        })
    };
    html! {
        <section class="panel optimise" aria-labelledby="opt-h">
            <h2 id="opt-h">{ Ui::OptimiseAndGoalSeek.get(lang) }</h2>
            <div class="opt-row">
                <label class="field">
                    <span>{ Ui::Maximise.get(lang) }</span>
                    <select data-testid="objective-select" onchange={on_objective}>
                        <option value="deaths" selected={*objective == "deaths"}>{ Objective::DeathsAverted.label(lang) }</option>
                        <option value="supported" selected={*objective == "supported"}>{ Objective::ChildrenSupported.label(lang) }</option>
                        <option value="weighted" selected={*objective == "weighted"}>{ Objective::weighted().label(lang) }</option>
                    </select>
                </label>
                <button type="button" class="btn" data-testid="optimize-button" onclick={run_optimise}>
                    { Ui::BestMix.get(lang) }
                </button>
            </div>
            <div class="opt-row">
                <label class="field">
                    <span>{ Ui::TargetToMeet.get(lang) }</span>
                    <select data-testid="goal-target" onchange={on_target} disabled={targets.is_empty()}>
                        { for targets.iter().map(|t| html! {
                            <option value={t.id} selected={t.id == chosen_target}>{ t.label(lang) }{ " (" }{ t.year }{ ")" }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="btn ghost" data-testid="goal-button" onclick={run_goal} disabled={targets.is_empty()}>
                    { Ui::LeastBudgetToMeet.get(lang) }
                </button>
            </div>
            if targets.is_empty() {
                <p class="muted small">{ Ui::NoTargetInTheseYears.get(lang) }</p>
            }
            <p class="muted small">{ Ui::OptimiseNote.get(lang) }</p>
            <ProposalView/>
        </section>
    }
}

/// The pending proposal with accept/discard.
#[component]
fn ProposalView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some((generation, p)) = app.proposal.clone() else {
        return html! {};
    };
    if generation != app.generation {
        return html! {};
    }
    let current = app.scenario().clone();
    let accept = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::AcceptProposal))
    };
    let discard = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DiscardProposal))
    };
    let buttons = |can_accept: bool| {
        html! {
            <div class="proposal-actions">
                if can_accept {
                    <button type="button" class="btn" data-testid="proposal-accept" onclick={accept.clone()}>{ Ui::Accept.get(lang) }</button>
                }
                <button type="button" class="btn ghost" data-testid="proposal-discard" onclick={discard.clone()}>{ Ui::Discard.get(lang) }</button>
            </div>
        }
    };
    match p {
        Proposal::Failed(e) => html! {
            <div class="proposal failed" data-testid="proposal" role="alert">
                <p class="field-error">{ e.message(lang) }</p>
                { buttons(false) }
            </div>
        },
        Proposal::Optimised(o) => {
            let better = o.after - o.before;
            html! {
                <div class="proposal" data-testid="proposal" data-kind="optimise" data-before={o.before.to_string()} data-after={o.after.to_string()}>
                    <h3>{ Ui::ProposedAllocation.get(lang) }</h3>
                    <p>{ o.objective.label(lang) }{ ": " }
                        <strong>{ objective_value(o.objective, o.before, lang) }</strong>{ " → " }
                        <strong>{ objective_value(o.objective, o.after, lang) }</strong>
                        if better <= 1e-9 { { " " }{ Ui::AlreadyBest.get(lang) } }
                    </p>
                    { diff_table(&current, &o.scenario, lang) }
                    if o.unallocated.0 > 0 {
                        <p class="muted small">{ Ui::LeftUnallocated.fill(lang, &[&fmt::money(o.unallocated, lang)]) }</p>
                    }
                    { buttons(true) }
                </div>
            }
        }
        Proposal::Goal(g) => {
            let label = data::target(g.target)
                .map(|t| t.label(lang))
                .unwrap_or_default();
            let kind = data::target(g.target)
                .map(|t| t.kind)
                .unwrap_or(TargetKind::SwimShare);
            let shown = |v: f64| match kind {
                TargetKind::DrowningReduction => format!("−{}", fmt::pct(v, lang)),
                _ => fmt::pct(v, lang),
            };
            match &g.outcome {
                GoalOutcome::Reached {
                    budget,
                    value,
                    scenario,
                    ..
                } => html! {
                    <div class="proposal" data-testid="proposal" data-kind="goal" data-budget={budget.0.to_string()} data-reached="true">
                        <h3>{ Ui::LeastBudget.get(lang) }</h3>
                        <p>{ label }{ " (" }{ g.year }{ "): " }
                            { fill_html(Ui::GoalReached.get(lang), vec![strong(fmt::money(*budget, lang)), shown(*value).into(), shown(g.threshold).into()]) }
                        </p>
                        { diff_table(&current, scenario, lang) }
                        { buttons(true) }
                    </div>
                },
                GoalOutcome::Unreachable { best, budget, .. } => html! {
                    <div class="proposal failed" data-testid="proposal" data-kind="goal" data-reached="false">
                        <p data-testid="proposal-unreachable"><strong>{ Ui::Unreachable.get(lang) }</strong>
                            { " " }{ label }{ " (" }{ g.year }{ "): " }
                            { Ui::GoalBest.fill(lang, &[&shown(*best), &fmt::money(*budget, lang), &shown(g.threshold)]) }
                        </p>
                        { buttons(false) }
                    </div>
                },
            }
        }
    }
}

fn objective_value(o: Objective, v: f64, lang: Lang) -> String {
    match o {
        Objective::DeathsAverted => fmt::deaths(v, lang),
        Objective::ChildrenSupported => fmt::count_f(v, lang),
        Objective::Weighted { .. } => fmt::count_f(v, lang),
    }
}

fn diff_table(from: &Scenario, to: &Scenario, lang: Lang) -> Html {
    let rows = data::lines().iter().filter_map(|l| {
        let a = from.alloc(l.id);
        let b = to.alloc(l.id);
        if a == b {
            return None;
        }
        let d = Money(b.0.saturating_sub(a.0));
        let up = d.0 > 0;
        Some(html! {
            <tr data-testid={format!("proposal-{}", l.id)} data-value={b.0.to_string()}>
                <th scope="row">{ l.name(lang) }</th>
                <td class="num">{ fmt::money(a, lang) }</td>
                <td class="num">{ fmt::money(b, lang) }</td>
                <td class={classes!("num", if up { "up" } else { "down" })}>
                    { if up { "▲ +" } else { "▼ −" } }{ fmt::money(Money(d.0.saturating_abs()), lang) }
                </td>
            </tr>
        })
    });
    let budget_changed = from.budget != to.budget;
    html! {
        <div class="table-wrap">
            <table class="diff">
                <thead><tr>
                    <th scope="col">{ Common::Line.get(lang) }</th>
                    <th scope="col">{ Common::Current.get(lang) }</th>
                    <th scope="col">{ Common::Proposed.get(lang) }</th>
                    <th scope="col">{ Common::Change.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for rows }
                    if budget_changed {
                        <tr class="budget-row">
                            <th scope="row">{ Common::BudgetAYear.get(lang) }</th>
                            <td class="num">{ fmt::money(from.min_year_budget(), lang) }</td>
                            <td class="num">{ fmt::money(to.min_year_budget(), lang) }</td>
                            <td></td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
