//! Allocation per programme line: a slider and a number field kept in step, a lock, a
//! floor and a ceiling; what the line reaches, what the next 100 triệu đồng would buy and
//! a warning near saturation. Lines are grouped by category.

use std::cell::RefCell;
use std::rc::Rc;

use model::data::{self, Category, LineDef};
use model::field::Bound;
use model::{Constraint, FieldPath, Lang, LineOutcome, Marginal, Money};
use yew::prelude::*;

use super::money_input::MoneyInput;
use crate::platform::dom;
use model::fmt;
use model::words::{Office, Ui};

use super::{fill_html, strong, use_app};
use crate::state::{Action, AppState, Edit};

/// The step for "what the next slice buys": 100 triệu đồng.
pub const MARGINAL_STEP: Money = Money(100_000_000);

/// See the module docs.
#[component]
pub fn LinesPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    let marginals = {
        let s = app.scenario().clone();
        use_memo(app.generation, move |_| {
            Rc::new(model::marginal_returns(&s, MARGINAL_STEP).unwrap_or_default())
        })
    };
    let s = app.scenario();
    let dispatch = app.dispatcher();
    // What is left of the budget, shared with the rows without being a prop that changes
    // (the Rc compares by pointer), so a drag elsewhere does not re-render every row.
    let left = use_mut_ref(|| Money::ZERO);
    *left.borrow_mut() = s.min_year_budget().saturating_sub(s.allocated());
    let step = slider_step(s.min_year_budget());
    let years = s.year_count();
    html! {
        <section class="panel lines" aria-labelledby="lines-h">
            <h2 id="lines-h">{ Ui::AllocationByLine.get(lang) }</h2>
            { for Category::ALL.iter().map(|cat| html! {
                <div class="category">
                    <h3>{ cat.name(lang) }</h3>
                    { for data::lines().iter().filter(|l| l.category == *cat).map(|l| {
                        let id = l.id;
                        let error = |f: FieldPath| app.rejection(&f).map(AttrValue::from);
                        html! { <LineRow key={id} id={id} lang={lang}
                            value={s.alloc(id)} constraint={s.constraint(id)}
                            budget={s.min_year_budget()} step={step} years={years}
                            unit_cost={unit_cost(s, l)} edited={model::scenario::line_edited(s, id)}
                            outcome={app.projection.line(id).cloned()}
                            marginal={marginals.iter().find(|m| m.id == id).cloned()}
                            alloc_error={error(FieldPath::allocation(id))}
                            floor_error={error(FieldPath::bound(id, Bound::Floor))}
                            ceiling_error={error(FieldPath::bound(id, Bound::Ceiling))}
                            left={left.clone()} dispatch={dispatch.clone()} /> }
                    }) }
                </div>
            }) }
        </section>
    }
}

/// Props of [`LineRow`]: everything the row shows, so it re-renders only when one of its
/// own figures changes (the dispatcher compares by pointer).
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct LineRowProps {
    /// Line id.
    pub id: &'static str,
    /// Display language.
    pub lang: Lang,
    /// Annual allocation.
    pub value: Money,
    /// Lock, floor, ceiling.
    pub constraint: Constraint,
    /// The annual budget (the slider's scale).
    pub budget: Money,
    /// The slider's step.
    pub step: Money,
    /// Plan years.
    pub years: usize,
    /// Unit cost in use.
    pub unit_cost: Money,
    /// Whether the line's assumptions were changed.
    pub edited: bool,
    /// What the line buys.
    pub outcome: Option<LineOutcome>,
    /// What the next 100 triệu would buy.
    pub marginal: Option<Marginal>,
    /// Refusal of the allocation field.
    pub alloc_error: Option<AttrValue>,
    /// Refusal of the floor field.
    pub floor_error: Option<AttrValue>,
    /// Refusal of the ceiling field.
    pub ceiling_error: Option<AttrValue>,
    /// What is left of the budget now (read when the slider moves).
    pub left: Rc<RefCell<Money>>,
    /// Where edits go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// One line.
#[component]
pub fn LineRow(props: &LineRowProps) -> Html {
    let lang = props.lang;
    let Some(def) = model::data::line(props.id) else {
        return html! {};
    };
    let id = props.id;
    let value = props.value;
    let c = props.constraint;
    // The slider spans the whole annual budget so every line reads on the same scale; the
    // reducer stops a drag at what is left (the balance bar says so).
    let max = props.budget.max(value);
    let min = c.floor.unwrap_or_default().min(value);
    let step = props.step;
    let edited = props.edited;
    let dispatch_alloc = {
        let d = props.dispatch.clone();
        Callback::from(move |amount: Money| {
            d.dispatch(Action::Edit(Edit::Alloc {
                line: id.to_string(),
                amount,
            }))
        })
    };
    let on_slide = {
        let d = props.dispatch.clone();
        let left = props.left.clone();
        let ceiling = c.ceiling;
        Callback::from(move |e: InputEvent| {
            if let Some(asked) = dom::value(&e).parse::<f64>().ok().and_then(Money::from_f64) {
                // Stop the thumb where the money runs out (the model's one rule, which the
                // reducer applies again to the scenario).
                let amount = model::edit::slide(asked, value, *left.borrow(), ceiling);
                if amount != asked {
                    dom::set_value(&e, &amount.0.to_string());
                }
                d.dispatch(Action::Edit(Edit::AllocUpTo {
                    line: id.to_string(),
                    amount,
                }));
            }
        })
    };
    let on_lock = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::Edit(Edit::Lock {
                line: id.to_string(),
                locked: dom::checked(&e),
            }));
        })
    };
    let bound = |is_floor: bool| {
        let d = props.dispatch.clone();
        Callback::from(move |m: Money| {
            let amount = (m.0 > 0).then_some(m);
            let line = id.to_string();
            d.dispatch(Action::Edit(if is_floor {
                Edit::Floor { line, amount }
            } else {
                Edit::Ceiling { line, amount }
            }));
        })
    };
    let name = def.name(lang);
    html! {
        <article class={classes!("line", c.locked.then_some("locked"), edited.then_some("edited"))} data-testid={format!("line-{id}")}>
            <header class="line-head">
                <h4 id={format!("name-{id}")}>{ name }</h4>
                <span class="unit-cost">
                    { fmt::money(props.unit_cost, lang) }{ " / " }{ def.unit(lang) }
                    if edited { <span class="badge edited" title={Ui::AssumptionsChanged.get(lang)}>{ Ui::Edited.get(lang) }</span> }
                </span>
            </header>
            <div class="line-controls">
                <input type="range" class="slider" data-testid={format!("slider-{id}")}
                    aria-labelledby={format!("name-{id}")}
                    aria-valuetext={fmt::money(value, lang)}
                    min={min.0.to_string()} max={max.0.to_string()} step={step.0.to_string()}
                    value={value.0.to_string()} disabled={c.locked} oninput={on_slide}/>
                <MoneyInput value={value} testid={format!("alloc-{id}")}
                    label={Ui::AllocationField.fill(lang, &[name])}
                    hide_label=true lang={lang} on_change={dispatch_alloc}
                    error={props.alloc_error.clone()} class="compact"/>
                <label class="lock">
                    <input type="checkbox" data-testid={format!("lock-{id}")} checked={c.locked} onchange={on_lock}/>
                    { Ui::Lock.get(lang) }
                </label>
            </div>
            if let Some(o) = &props.outcome { { reach_text(def, o, props.years, lang) } }
            if let Some(m) = &props.marginal { { marginal_text(def, m, props.outcome.as_ref().is_some_and(|o| idle_per_year(o).0 > 0), lang) } }
            <details class="bounds">
                <summary>{ Ui::FloorCeiling.get(lang) }
                    if c.floor.is_some() || c.ceiling.is_some() { { " ✓" } }
                </summary>
                <div class="bounds-grid">
                    <MoneyInput value={c.floor.unwrap_or_default()} testid={format!("floor-{id}")}
                        label={Ui::FloorField.get(lang)} lang={lang} on_change={bound(true)}
                        error={props.floor_error.clone()} class="compact"/>
                    <MoneyInput value={c.ceiling.unwrap_or_default()} testid={format!("ceiling-{id}")}
                        label={Ui::CeilingField.get(lang)} lang={lang} on_change={bound(false)}
                        error={props.ceiling_error.clone()} class="compact"/>
                </div>
            </details>
        </article>
    }
}

fn unit_cost(s: &model::Scenario, def: &LineDef) -> Money {
    s.overrides
        .lines
        .get(def.id)
        .and_then(|o| o.unit_cost)
        .map_or(def.unit_cost.mode, |t| t.mode)
}

/// A line's unit without a trailing "mỗi năm" / "per year" (day care counts per year), for
/// sentences that say "a year" themselves.
pub fn unit_once(def: &LineDef, lang: Lang) -> &'static str {
    let unit = def.unit(lang);
    unit.strip_suffix(Office::PerYearSuffix.get(lang))
        .unwrap_or(unit)
}

/// Money a year that buys nothing on this line (the most in any plan year).
pub fn idle_per_year(o: &LineOutcome) -> Money {
    o.idle.iter().copied().max().unwrap_or_default()
}

fn reach_text(def: &LineDef, o: &LineOutcome, years: usize, lang: Lang) -> Html {
    let per_year = o.reach_total / years.max(1) as u64;
    let idle = idle_per_year(o);
    let averted = if o.deaths_averted.lifetime > 0.005 {
        Some(fmt::deaths(o.deaths_averted.lifetime, lang))
    } else {
        None
    };
    html! {
        <>
        <p class="line-reach" data-testid={format!("reach-{}", def.id)} data-value={o.reach_total.to_string()}>
            { "→ " }{ fill_html(Ui::UnitsAYear.get(lang), vec![strong(fmt::count(per_year, lang)), unit_once(def, lang).into()]) }
            if let Some(a) = averted {
                { " · " }{ fill_html(Ui::LineDeathsAverted.get(lang), vec![strong(a)]) }
            }
            { " · " }{ Ui::ShareOfCap.fill(lang, &[&fmt::pct(o.saturation, lang)]) }
        </p>
        if idle.0 > 0 {
            <p class="warn idle" data-testid={format!("idle-{}", def.id)} data-value={idle.0.to_string()} role="note">
                <span aria-hidden="true">{ "⚠ " }</span>
                { Office::LineIdle.fill(lang, &[&fmt::money(idle, lang)]) }
            </p>
        }
        </>
    }
}

/// What the next 100 triệu would buy; the near-saturation warning unless the line already
/// has money that buys nothing (`idle`: said by the line's own note).
fn marginal_text(def: &LineDef, m: &Marginal, idle: bool, lang: Lang) -> Html {
    let units = fmt::count_f(m.units_per_year, lang);
    let mut text = Ui::UnitsAYear.fill(lang, &[&format!("+{units}"), unit_once(def, lang)]);
    if m.deaths_averted.lifetime > 0.0 {
        let d = if m.deaths_averted.lifetime < 0.01 {
            format!("< {}", fmt::fmt_num(0.01, 2, lang))
        } else {
            fmt::deaths(m.deaths_averted.lifetime, lang)
        };
        text.push_str("; ");
        text.push_str(&Ui::MarginalDeaths.fill(lang, &[&d]));
    }
    html! {
        <>
            <p class="marginal" data-testid={format!("marginal-{}", def.id)} data-value={m.units_per_year.to_string()}>
                { Ui::NextSlice.fill(lang, &[&text]) }
            </p>
            if m.near_saturation && !idle {
                <p class="warn" data-testid={format!("saturation-{}", def.id)} role="note">
                    <span aria-hidden="true">{ "⚠ " }</span>
                    { Ui::NearSaturation.get(lang) }
                    { " (" }{ fmt::pct(m.saturation, lang) }{ ")" }
                </p>
            }
        </>
    }
}

/// A slider step of about 1/500 of the budget, rounded to whole triệu đồng.
pub fn slider_step(budget: Money) -> Money {
    let raw = budget.0 / 500;
    let trieu = 1_000_000;
    Money(((raw + trieu / 2) / trieu).max(1) * trieu)
}
