//! "Best mix for this budget" and "least budget for this target": the result is shown as a
//! proposed change, line by line, for the planner to accept or discard — never applied
//! silently. Locks, floors and ceilings hold.

use model::data::{self, LINES, TargetKind};
use model::goal::GoalOutcome;
use model::optimize::Objective;
use model::{Lang, Money, Scenario};
use yew::prelude::*;

use super::use_app;
use crate::format;
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
            <h2 id="opt-h">{ lang.pick("Tối ưu và tìm mức ngân sách", "Optimise and goal seek") }</h2>
            <div class="opt-row">
                <label class="field">
                    <span>{ lang.pick("Mục tiêu tối ưu", "Maximise") }</span>
                    <select data-testid="objective-select" onchange={on_objective}>
                        <option value="deaths" selected={*objective == "deaths"}>{ Objective::DeathsAverted.label(lang) }</option>
                        <option value="supported" selected={*objective == "supported"}>{ Objective::ChildrenSupported.label(lang) }</option>
                        <option value="weighted" selected={*objective == "weighted"}>{ Objective::weighted().label(lang) }</option>
                    </select>
                </label>
                <button type="button" class="btn" data-testid="optimize-button" onclick={run_optimise}>
                    { lang.pick("Tìm phân bổ tốt nhất cho ngân sách này", "Best mix for this budget") }
                </button>
            </div>
            <div class="opt-row">
                <label class="field">
                    <span>{ lang.pick("Mục tiêu cần đạt", "Target to meet") }</span>
                    <select data-testid="goal-target" onchange={on_target} disabled={targets.is_empty()}>
                        { for targets.iter().map(|t| html! {
                            <option value={t.id} selected={t.id == chosen_target}>{ t.label(lang) }{ " (" }{ t.year }{ ")" }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="btn ghost" data-testid="goal-button" onclick={run_goal} disabled={targets.is_empty()}>
                    { lang.pick("Ngân sách tối thiểu để đạt", "Least budget to meet it") }
                </button>
            </div>
            if targets.is_empty() {
                <p class="muted small">{ lang.pick("Không có mục tiêu nào trong kỳ kế hoạch này.", "No target falls within these plan years.") }</p>
            }
            <p class="muted small">{ lang.pick(
                "Các tuyến bị khóa giữ nguyên; mức sàn và trần được tôn trọng. Kết quả là đề xuất: bạn xem và quyết định.",
                "Locked lines stay as they are; floors and ceilings hold. The result is a proposal for you to review.") }</p>
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
                    <button type="button" class="btn" data-testid="proposal-accept" onclick={accept.clone()}>{ lang.pick("Áp dụng đề xuất", "Accept") }</button>
                }
                <button type="button" class="btn ghost" data-testid="proposal-discard" onclick={discard.clone()}>{ lang.pick("Bỏ qua", "Discard") }</button>
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
                    <h3>{ lang.pick("Đề xuất phân bổ", "Proposed allocation") }</h3>
                    <p>{ o.objective.label(lang) }{ ": " }
                        <strong>{ objective_value(o.objective, o.before, lang) }</strong>{ " → " }
                        <strong>{ objective_value(o.objective, o.after, lang) }</strong>
                        if better <= 1e-9 { { lang.pick(" (phân bổ hiện tại đã tốt nhất)", " (the current mix is already best)") } }
                    </p>
                    { diff_table(&current, &o.scenario, lang) }
                    if o.unallocated.0 > 0 {
                        <p class="muted small">{ lang.pick("Chưa phân bổ: ", "Left unallocated: ") }{ format::money(o.unallocated, lang) }{ lang.pick(" (không tuyến nào dùng thêm được)", " (no line can use more)") }</p>
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
                TargetKind::DrowningReduction => format!("−{}", format::pct(v, lang)),
                _ => format::pct(v, lang),
            };
            match &g.outcome {
                GoalOutcome::Reached {
                    budget,
                    value,
                    scenario,
                    ..
                } => html! {
                    <div class="proposal" data-testid="proposal" data-kind="goal" data-budget={budget.0.to_string()} data-reached="true">
                        <h3>{ lang.pick("Ngân sách tối thiểu", "Least budget") }</h3>
                        <p>{ label }{ " (" }{ g.year }{ "): " }
                            { lang.pick("cần ít nhất ", "needs at least ") }<strong>{ format::money(*budget, lang) }</strong>{ lang.pick(" mỗi năm", " a year") }
                            { lang.pick(", đạt ", ", reaching ") }{ shown(*value) }{ lang.pick(" (yêu cầu ", " (required ") }{ shown(g.threshold) }{ ")." }
                        </p>
                        { diff_table(&current, scenario, lang) }
                        { buttons(true) }
                    </div>
                },
                GoalOutcome::Unreachable { best, budget } => html! {
                    <div class="proposal failed" data-testid="proposal" data-kind="goal" data-reached="false">
                        <p data-testid="proposal-unreachable"><strong>{ lang.pick("Không thể đạt trong giới hạn hiện có. ", "Unreachable within the caps. ") }</strong>
                            { label }{ " (" }{ g.year }{ "): " }{ lang.pick("tốt nhất đạt ", "the best is ") }{ shown(*best) }
                            { lang.pick(" với ", " at ") }{ format::money(*budget, lang) }{ lang.pick(" mỗi năm, so với yêu cầu ", " a year, against ") }{ shown(g.threshold) }{ "." }
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
        Objective::DeathsAverted => format::deaths(v, lang),
        Objective::ChildrenSupported => format::count_f(v, lang),
        Objective::Weighted { .. } => format::count_f(v, lang),
    }
}

fn diff_table(from: &Scenario, to: &Scenario, lang: Lang) -> Html {
    let rows = LINES.iter().filter_map(|l| {
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
                <td class="num">{ format::money(a, lang) }</td>
                <td class="num">{ format::money(b, lang) }</td>
                <td class={classes!("num", if up { "up" } else { "down" })}>
                    { if up { "▲ +" } else { "▼ −" } }{ format::money(Money(d.0.saturating_abs()), lang) }
                </td>
            </tr>
        })
    });
    let budget_changed = from.budget != to.budget;
    html! {
        <div class="table-wrap">
            <table class="diff">
                <thead><tr>
                    <th scope="col">{ lang.pick("Tuyến", "Line") }</th>
                    <th scope="col">{ lang.pick("Hiện tại", "Now") }</th>
                    <th scope="col">{ lang.pick("Đề xuất", "Proposed") }</th>
                    <th scope="col">{ lang.pick("Thay đổi", "Change") }</th>
                </tr></thead>
                <tbody>
                    { for rows }
                    if budget_changed {
                        <tr class="budget-row">
                            <th scope="row">{ lang.pick("Ngân sách mỗi năm", "Budget per year") }</th>
                            <td class="num">{ format::money(from.min_year_budget(), lang) }</td>
                            <td class="num">{ format::money(to.min_year_budget(), lang) }</td>
                            <td></td>
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
