//! "Best mix for this budget" and "least budget for this target": the result is shown as a
//! proposed change for the planner to accept or discard — never applied silently. Before
//! accepting, the proposal says what it costs (`model::advice`): every headline figure and
//! every target's verdict and chance before and after, each moved line with its evidence
//! grades and p10–p90 result, and why each line that goes to 0 goes there. Accepting can be
//! undone. Locks, floors and ceilings hold; options: well-evidenced lines only, keep the
//! targets met now, keep children supported at today's level, and the horizon deaths
//! averted are counted over.

use model::Scenario;
use model::advice::{Advice, LineMove, ResultKind, ZeroReason, Zeroed};
use model::data::{self, TARGETS};
use model::fmt;
use model::goal::{GoalOptions, GoalOutcome};
use model::optimize::{Evidence, Objective, Options, SEARCH_DRAWS};
use model::words::{AdviceWords, Common, Ui};
use model::{Lang, Money};
use yew::prelude::*;

use super::kpis::{HorizonToggle, data_value};
use super::plan::conf_class;
use super::targets::{ChanceSelect, Verdict, target_value};
use super::{fill_html, strong, use_app};
use crate::hooks::use_proposal_work;
use crate::platform::dom;
use crate::state::advice::goal_objective;
use crate::state::{Action, Proposal, Request};

/// See the module docs.
#[component]
pub fn OptimisePanel() -> Html {
    let app = use_app();
    use_proposal_work(&app);
    let lang = app.lang;
    let s = app.scenario().clone();
    let objective = use_state(|| "deaths".to_string());
    let strong_only = use_state(|| false);
    let keep_targets = use_state(|| false);
    let keep_supported = use_state(|| false);
    let targets: Vec<&data::TargetDef> = TARGETS
        .iter()
        .filter(|t| t.year >= s.start_year && t.year <= s.end_year)
        .collect();
    let target = use_state(|| "drowning-2030".to_string());
    let year = use_state(|| None::<i32>);
    let chosen = targets
        .iter()
        .find(|t| t.id == *target)
        .or(targets.first())
        .copied();
    let chosen_year = (*year).filter(|y| *y >= s.start_year && *y <= s.end_year);
    let on_objective = {
        let objective = objective.clone();
        Callback::from(move |e: Event| objective.set(dom::value(&e)))
    };
    let on_target = {
        let target = target.clone();
        let year = year.clone();
        Callback::from(move |e: Event| {
            target.set(dom::value(&e));
            year.set(None);
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |e: Event| year.set(dom::value(&e).parse::<i32>().ok()))
    };
    let tick = |h: &UseStateHandle<bool>| {
        let h = h.clone();
        Callback::from(move |e: Event| h.set(dom::checked(&e)))
    };
    let busy = matches!(&app.proposal, Some((g, Proposal::Pending(_))) if *g == app.generation);
    let run_optimise = {
        let app = app.clone();
        let objective = objective.clone();
        let options = Options {
            horizon: app.horizon,
            evidence: if *strong_only {
                Evidence::Strong
            } else {
                Evidence::Any
            },
            keep_targets: *keep_targets,
            keep_supported: *keep_supported,
            draws: SEARCH_DRAWS,
        };
        Callback::from(move |_| {
            let objective = Objective::from_name(&objective).unwrap_or_default();
            app.dispatch(Action::Propose(Request::Optimise { objective, options }));
        })
    };
    let run_goal = {
        let app = app.clone();
        let t = chosen.map(|t| t.id.to_string());
        let options = GoalOptions {
            year: chosen_year,
            chance: app.chance,
            ..GoalOptions::default()
        };
        Callback::from(move |_| {
            if let Some(target) = t.clone() {
                app.dispatch(Action::Propose(Request::Goal {
                    target,
                    options,
                    horizon: app.horizon,
                }));
            }
        })
    };
    let check = |id: &'static str, h: &UseStateHandle<bool>, label: &str, help: Option<&str>| {
        html! {
            <label class="check">
                <input type="checkbox" data-testid={id} checked={**h} onchange={tick(h)}/>
                <span>{ label.to_string() }
                    if let Some(help) = help { <span class="muted small">{ " (" }{ help.to_string() }{ ")" }</span> }
                </span>
            </label>
        }
    };
    let years = chosen.map(|t| {
        (s.start_year..=s.end_year)
            .map(|y| {
                let text = if y == t.year {
                    AdviceWords::GoalYearOwn.fill(lang, &[&y.to_string()])
                } else {
                    y.to_string()
                };
                let selected = chosen_year.unwrap_or(t.year) == y;
                html! { <option value={y.to_string()} {selected}>{ text }</option> }
            })
            .collect::<Html>()
    });
    html! {
        <section class="panel optimise" id="optimise" aria-labelledby="opt-h">
            <h2 id="opt-h">{ Ui::OptimiseAndGoalSeek.get(lang) }</h2>
            <HorizonToggle/>
            <div class="opt-row">
                <label class="field">
                    <span>{ Ui::Maximise.get(lang) }</span>
                    <select data-testid="objective-select" onchange={on_objective}>
                        <option value="deaths" selected={*objective == "deaths"}>{ Objective::DeathsAverted.label(lang) }</option>
                        <option value="supported" selected={*objective == "supported"}>{ Objective::ChildrenSupported.label(lang) }</option>
                        <option value="weighted" selected={*objective == "weighted"}>{ Objective::weighted().label(lang) }</option>
                    </select>
                </label>
                <button type="button" class="btn" data-testid="optimize-button" onclick={run_optimise} disabled={busy}>
                    { Ui::BestMix.get(lang) }
                </button>
            </div>
            <div class="opt-options">
                { check("opt-strong", &strong_only, AdviceWords::OptStrong.get(lang), Some(AdviceWords::OptStrongHelp.get(lang))) }
                { check("opt-keep-targets", &keep_targets, AdviceWords::OptKeepTargets.get(lang), None) }
                { check("opt-keep-supported", &keep_supported, AdviceWords::OptKeepSupported.get(lang), None) }
            </div>
            <div class="opt-row">
                <label class="field">
                    <span>{ Ui::TargetToMeet.get(lang) }</span>
                    <select data-testid="goal-target" onchange={on_target} disabled={targets.is_empty()}>
                        { for targets.iter().map(|t| html! {
                            <option value={t.id} selected={chosen.is_some_and(|c| c.id == t.id)}>{ t.label(lang) }{ " (" }{ t.year }{ ")" }</option>
                        }) }
                    </select>
                </label>
                if let Some(years) = years {
                    <label class="field">
                        <span>{ AdviceWords::GoalYear.get(lang) }</span>
                        <select data-testid="goal-year" onchange={on_year}>{ years }</select>
                    </label>
                }
                <ChanceSelect testid="goal-chance" label={AdviceWords::GoalChance.get(lang)}/>
                <button type="button" class="btn ghost" data-testid="goal-button" onclick={run_goal} disabled={targets.is_empty() || busy}>
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

/// The pending proposal with what it changes, and accept/discard.
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
        Proposal::Pending(_) => html! {
            <div class="proposal pending" data-testid="proposal-pending" role="status" aria-busy="true">
                <p>{ AdviceWords::Computing.get(lang) }</p>
            </div>
        },
        Proposal::Failed(e) => html! {
            <div class="proposal failed" data-testid="proposal" role="alert">
                <p class="field-error">{ e.message(lang) }</p>
                { buttons(false) }
            </div>
        },
        Proposal::Optimised(o, advice) => {
            let better = o.after - o.before;
            let lost_targets = o.kept_targets.iter().filter(|(_, kept)| !kept).map(|(id, _)| {
                let label = data::target(id).map_or(*id, |t| t.label(lang));
                html! { <p class="warn" data-testid={format!("proposal-lost-{id}")}>{ AdviceWords::KeptTargetLost.fill(lang, &[label]) }</p> }
            });
            let why = WhyWords::Objective(o.objective);
            html! {
                <div class="proposal" data-testid="proposal" data-kind="optimise" data-before={o.before.to_string()} data-after={o.after.to_string()}
                    data-horizon={o.options.horizon.name()}>
                    <h3>{ Ui::ProposedAllocation.get(lang) }</h3>
                    <p>{ o.objective.label(lang) }{ " (" }{ AdviceWords::Expected.get(lang) }{ "): " }
                        <strong>{ objective_value(o.objective, o.before, lang) }</strong>{ " → " }
                        <strong>{ objective_value(o.objective, o.after, lang) }</strong>
                        if better <= 1e-9 { { " " }{ Ui::AlreadyBest.get(lang) } }
                    </p>
                    { for lost_targets }
                    if o.kept_supported == Some(false) {
                        <p class="warn" data-testid="proposal-lost-supported">{ AdviceWords::KeptSupportedLost.get(lang) }</p>
                    }
                    <AdviceView advice={advice.clone()} from={current.clone()} to={o.scenario.clone()} why={why}/>
                    if o.unallocated.0 > 0 {
                        <p class="muted small">{ Ui::LeftUnallocated.fill(lang, &[&fmt::money(o.unallocated, lang)]) }</p>
                    }
                    { buttons(true) }
                </div>
            }
        }
        Proposal::Goal(g, advice) => {
            let t = data::target(g.target);
            let label = t.map(|t| t.label(lang)).unwrap_or_default();
            let shown = |v: f64| t.map(|t| target_value(t, v, lang)).unwrap_or_default();
            let asked = fmt::pct(g.chance, lang);
            let now = AdviceWords::GoalNow.fill(
                lang,
                &[&shown(g.current), &fmt::pct(g.current_chance, lang)],
            );
            match (&g.outcome, advice) {
                (
                    GoalOutcome::Reached {
                        budget,
                        value,
                        chance,
                        scenario,
                        ..
                    },
                    Some(advice),
                ) => {
                    let why = match goal_objective(g.target) {
                        Some(o) => WhyWords::Objective(o),
                        None => WhyWords::NotForTarget,
                    };
                    html! {
                        <div class="proposal" data-testid="proposal" data-kind="goal" data-budget={budget.0.to_string()}
                            data-reached="true" data-chance={chance.to_string()} data-chance-asked={g.chance.to_string()}>
                            <h3>{ Ui::LeastBudget.get(lang) }</h3>
                            <p>{ label }{ " (" }{ g.year }{ "): " }
                                { fill_html(AdviceWords::GoalReached.get(lang), vec![
                                    strong(fmt::money(*budget, lang)), shown(*value).into(), shown(g.threshold).into(),
                                    strong(fmt::pct(*chance, lang)), asked.into()]) }
                            </p>
                            <p class="muted small">{ now }</p>
                            <AdviceView advice={advice.clone()} from={current.clone()} to={(**scenario).clone()} why={why}/>
                            { buttons(true) }
                        </div>
                    }
                }
                (
                    GoalOutcome::Unreachable {
                        best,
                        budget,
                        best_chance,
                    },
                    _,
                ) => html! {
                    <div class="proposal failed" data-testid="proposal" data-kind="goal" data-reached="false">
                        <p data-testid="proposal-unreachable"><strong>{ Ui::Unreachable.get(lang) }</strong>
                            { " " }{ label }{ " (" }{ g.year }{ "): " }
                            { Ui::GoalBest.fill(lang, &[&shown(*best), &fmt::money(*budget, lang), &shown(g.threshold)]) }
                            { " " }{ AdviceWords::GoalBestChance.fill(lang, &[&fmt::pct(*best_chance, lang), &asked]) }
                        </p>
                        <p class="muted small">{ now }</p>
                        { buttons(false) }
                    </div>
                },
                // Reached without advice cannot happen (`advice::work` fails instead).
                (GoalOutcome::Reached { .. }, None) => html! {
                    <div class="proposal failed" data-testid="proposal" role="alert">{ buttons(false) }</div>
                },
            }
        }
    }
}

/// What "why it goes to 0" is told against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WhyWords {
    /// The objective the proposal maximised.
    Objective(Objective),
    /// A goal seek for a target that only some lines serve.
    NotForTarget,
}

/// Props of [`AdviceView`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct AdviceViewProps {
    /// What the proposal changes.
    pub advice: std::rc::Rc<Advice>,
    /// The plan now.
    pub from: Scenario,
    /// The plan proposed.
    pub to: Scenario,
    /// How to explain lines that go to 0.
    pub why: WhyWords,
}

/// Every figure and target before and after, each moved line with its evidence and result,
/// and why lines go to 0.
#[component]
pub fn AdviceView(props: &AdviceViewProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let a = &props.advice;
    let changed_figures: Vec<_> = a.changed_figures().map(|f| f.figure).collect();
    let figure_rows = a.figures.iter().map(|c| {
        let f = c.figure;
        let changed = changed_figures.contains(&f);
        let delta = match (c.before, c.after) {
            (Some(b), Some(x)) if changed => f.format_change(x - b, lang),
            (None, None) => String::new(),
            _ if changed => fmt::NONE.to_string(),
            _ => AdviceWords::Unchanged.get(lang).to_string(),
        };
        let up = match (c.before, c.after, f.more_is_better()) {
            (Some(b), Some(x), Some(more)) if changed => Some((x > b) == more),
            _ => None,
        };
        html! {
            <tr class={classes!(changed.then_some("changed"), up.map(|g| if g { "better" } else { "worse" }))}
                data-testid={format!("proposal-figure-{}", f.key())} data-figure={f.key()}
                data-before={data_value(c.before)} data-after={data_value(c.after)} data-changed={changed.to_string()}>
                <th scope="row">{ f.label(lang) }</th>
                <td class="num">{ f.format(c.before, lang) }</td>
                <td class="num"><strong>{ f.format(c.after, lang) }</strong></td>
                <td class="num">{ delta }</td>
                <td class="num small">{ c.band_after.map(|b| format!("{}–{}", f.format(Some(b.p10), lang), f.format(Some(b.p90), lang))).unwrap_or_default() }</td>
            </tr>
        }
    });
    let target_rows = a.targets.iter().filter_map(|t| {
        let def = data::target(t.id)?;
        let cell = |met: bool, chance: f64| {
            let v = Verdict::of(t.assessable, met, Some(chance), app.chance);
            html! {
                <span class={classes!("verdict", v.key())} data-verdict={v.key()}>
                    { v.icon() }{ " " }{ v.word(lang) }
                    if t.assessable { { " · " }{ fmt::pct(chance, lang) } }
                </span>
            }
        };
        let changed = t.met_before != t.met_after || (t.chance_before - t.chance_after).abs() > 1e-12;
        Some(html! {
            <tr class={classes!(changed.then_some("changed"))} data-testid={format!("proposal-target-{}", t.id)}
                data-chance-before={t.chance_before.to_string()} data-chance-after={t.chance_after.to_string()}
                data-met-before={t.met_before.to_string()} data-met-after={t.met_after.to_string()}
                data-assessable={t.assessable.to_string()} data-changed={changed.to_string()}>
                <th scope="row">{ def.label(lang) }{ " (" }{ def.year }{ ")" }</th>
                <td>{ cell(t.met_before, t.chance_before) }
                    if t.assessable { <span class="small muted">{ " " }{ target_value(def, t.value_before, lang) }</span> }</td>
                <td>{ cell(t.met_after, t.chance_after) }
                    if t.assessable { <span class="small muted">{ " " }{ target_value(def, t.value_after, lang) }</span> }</td>
            </tr>
        })
    });
    let budget_changed = props.from.budget != props.to.budget;
    let line_rows = a.moves.iter().map(|m| line_row(m, lang));
    let zeroed: Vec<Html> = a
        .zeroed
        .iter()
        .map(|z| {
            html! { <li data-testid={format!("proposal-why-{}", z.id)} data-reason={reason_key(z.reason)}>{ why_text(z, props.why, lang) }</li> }
        })
        .collect();
    html! {
        <div class="advice" data-testid="proposal-advice">
            <h4>{ AdviceWords::WhatChanges.get(lang) }</h4>
            <div class="table-wrap">
                <table class="diff advice-figures" data-testid="proposal-figures">
                    <caption>{ AdviceWords::FiguresHeading.get(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ Ui::Figure.get(lang) }</th>
                        <th scope="col">{ Common::Current.get(lang) }</th>
                        <th scope="col">{ Common::Proposed.get(lang) }</th>
                        <th scope="col">{ Common::Change.get(lang) }</th>
                        <th scope="col">{ AdviceWords::ColBandAfter.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for figure_rows }</tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="diff advice-targets" data-testid="proposal-targets">
                    <caption>{ AdviceWords::TargetsHeading.get(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ Ui::CmpTarget.get(lang) }</th>
                        <th scope="col">{ Common::Current.get(lang) }</th>
                        <th scope="col">{ Common::Proposed.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for target_rows }</tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="diff advice-lines" data-testid="proposal-lines">
                    <caption>{ AdviceWords::LinesHeading.get(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ Common::Line.get(lang) }</th>
                        <th scope="col">{ Common::Current.get(lang) }</th>
                        <th scope="col">{ Common::Proposed.get(lang) }</th>
                        <th scope="col">{ Common::Change.get(lang) }</th>
                        <th scope="col">{ AdviceWords::ColEvidence.get(lang) }</th>
                        <th scope="col">{ AdviceWords::ColResult.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for line_rows }
                        if budget_changed {
                            <tr class="budget-row" data-testid="proposal-budget" data-value={props.to.min_year_budget().0.to_string()}>
                                <th scope="row">{ Common::BudgetAYear.get(lang) }</th>
                                <td class="num">{ fmt::money(props.from.min_year_budget(), lang) }</td>
                                <td class="num">{ fmt::money(props.to.min_year_budget(), lang) }</td>
                                <td></td><td></td><td></td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            if !zeroed.is_empty() {
                <div class="why-zero" data-testid="proposal-why">
                    <h5>{ AdviceWords::WhyZeroHeading.get(lang) }</h5>
                    <ul>{ for zeroed }</ul>
                </div>
            }
        </div>
    }
}

fn line_row(m: &LineMove, lang: Lang) -> Html {
    let Some(l) = data::line(m.id) else {
        return html! {};
    };
    let d = m.after.0.saturating_sub(m.before.0);
    let up = d > 0;
    let count = |x: f64| fmt::count_f(x, lang);
    let deaths = |x: f64| fmt::deaths(x, lang);
    let r = m.result;
    let result =
        match m.result_kind {
            ResultKind::DeathsAverted => AdviceWords::ResultDeaths
                .fill(lang, &[&deaths(r.p50), &deaths(r.p10), &deaths(r.p90)]),
            ResultKind::ChildrenSupported => AdviceWords::ResultSupported
                .fill(lang, &[&count(r.p50), &count(r.p10), &count(r.p90)]),
            ResultKind::Units => AdviceWords::ResultUnits.fill(
                lang,
                &[&count(r.p50), &count(r.p10), &count(r.p90), l.unit(lang)],
            ),
        };
    let kind = match m.result_kind {
        ResultKind::DeathsAverted => "deaths_averted",
        ResultKind::ChildrenSupported => "children_supported",
        ResultKind::Units => "units",
    };
    html! {
        <tr data-testid={format!("proposal-{}", m.id)} data-value={m.after.0.to_string()} data-before={m.before.0.to_string()}
            data-well-evidenced={m.well_evidenced.to_string()}
            data-effect-grade={conf_class(m.effect_grade)} data-cost-grade={conf_class(m.cost_grade)}
            data-result-kind={kind} data-result-p10={r.p10.to_string()} data-result-p50={r.p50.to_string()}
            data-result-p90={r.p90.to_string()}>
            <th scope="row">{ l.name(lang) }</th>
            <td class="num">{ fmt::money(m.before, lang) }</td>
            <td class="num">{ fmt::money(m.after, lang) }</td>
            <td class={classes!("num", if up { "up" } else { "down" })}>
                { if up { "▲ +" } else { "▼ −" } }{ fmt::money(Money(d.saturating_abs()), lang) }
            </td>
            <td class="grades">
                <span class={classes!("conf", conf_class(m.effect_grade))}>{ AdviceWords::EffectGrade.fill(lang, &[m.effect_grade.label(lang)]) }</span>
                { " " }
                <span class={classes!("conf", conf_class(m.cost_grade))}>{ AdviceWords::CostGrade.fill(lang, &[m.cost_grade.label(lang)]) }</span>
            </td>
            <td class="small">{ result }</td>
        </tr>
    }
}

fn reason_key(r: ZeroReason) -> &'static str {
    match r {
        ZeroReason::NoEffect => "no_effect",
        ZeroReason::Evidence => "evidence",
        ZeroReason::LessThanBest => "less_than_best",
    }
}

/// A small gain written with enough digits to be told from 0 ("0,004").
fn gain(x: f64, lang: Lang) -> String {
    let a = x.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 1.0 {
        1
    } else if a >= 0.01 {
        2
    } else {
        3
    };
    fmt::fmt_num(x, decimals, lang)
}

/// Why a line goes to 0, in one sentence.
fn why_text(z: &Zeroed, why: WhyWords, lang: Lang) -> String {
    let name = data::line(z.id).map_or(z.id, |l| l.name(lang));
    let best = data::line(z.best).map_or(z.best, |l| l.name(lang));
    let objective = match why {
        WhyWords::NotForTarget => return AdviceWords::WhyNotForTarget.fill(lang, &[name]),
        WhyWords::Objective(o) => o,
    };
    match z.reason {
        ZeroReason::Evidence => AdviceWords::WhyEvidence.fill(lang, &[name]),
        ZeroReason::NoEffect => AdviceWords::WhyNoEffect.fill(lang, &[name]),
        ZeroReason::LessThanBest => {
            let ratio = if z.gain > 0.0 {
                z.best_gain / z.gain
            } else {
                f64::INFINITY
            };
            let ratio = if ratio.is_finite() {
                fmt::fmt_num(ratio, 1, lang)
            } else {
                fmt::NONE.to_string()
            };
            let values = [name, &gain(z.gain, lang), &ratio, best];
            // Each text taken where it is chosen (see `model::words`).
            match objective {
                Objective::DeathsAverted => AdviceWords::WhyLessDeaths.fill(lang, &values),
                Objective::ChildrenSupported => AdviceWords::WhyLessSupported.fill(lang, &values),
                Objective::Weighted { .. } => AdviceWords::WhyLessWeighted.fill(lang, &values),
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
