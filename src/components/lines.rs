//! Allocation per programme line: a slider and a number field kept in step, a lock, a
//! floor and a ceiling; what the line reaches, what the next 100 triệu đồng would buy and
//! a warning near saturation. Lines are grouped by category.

use std::rc::Rc;

use model::data::{Category, LINES, LineDef};
use model::{Lang, LineOutcome, Marginal, Money};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::money_input::MoneyInput;
use super::use_app;
use crate::format;
use crate::state::{Action, Edit};

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
    html! {
        <section class="panel lines" aria-labelledby="lines-h">
            <h2 id="lines-h">{ lang.pick("Phân bổ theo tuyến chương trình (mỗi năm)", "Allocation by programme line (per year)") }</h2>
            { for Category::ALL.iter().map(|cat| html! {
                <div class="category">
                    <h3>{ cat.name(lang) }</h3>
                    { for LINES.iter().filter(|l| l.category == *cat).map(|l| {
                        let m = marginals.iter().find(|m| m.id == l.id).cloned();
                        html! { <LineRow key={l.id} id={l.id} marginal={m} /> }
                    }) }
                </div>
            }) }
        </section>
    }
}

/// Props of [`LineRow`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct LineRowProps {
    /// Line id.
    pub id: &'static str,
    /// What the next 100 triệu would buy.
    pub marginal: Option<Marginal>,
}

/// One line.
#[component]
pub fn LineRow(props: &LineRowProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(def) = model::data::line(props.id) else {
        return html! {};
    };
    let s = app.scenario();
    let id = props.id;
    let value = s.alloc(id);
    let c = s.constraint(id);
    // The slider spans the whole annual budget so every line reads on the same scale;
    // a drag past what is left stops at what is left (the balance bar says so).
    let left = s.min_year_budget().saturating_sub(s.allocated());
    let mut reachable = value.saturating_add(left);
    if let Some(ceiling) = c.ceiling {
        reachable = reachable.min(ceiling).max(value);
    }
    let max = s.min_year_budget().max(value);
    let min = c.floor.unwrap_or_default().min(value);
    let step = slider_step(s.min_year_budget());
    let outcome = app.projection.line(id).cloned();
    let edited = model::scenario::line_edited(s, id);
    let dispatch_alloc = {
        let app = app.clone();
        Callback::from(move |amount: Money| {
            app.dispatch(Action::Edit(Edit::Alloc {
                line: id.to_string(),
                amount,
            }))
        })
    };
    let on_slide = {
        let dispatch_alloc = dispatch_alloc.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(m) = input.value().parse::<f64>().ok().and_then(Money::from_f64) {
                let clamped = m.min(reachable);
                if clamped != m {
                    input.set_value(&clamped.0.to_string());
                }
                dispatch_alloc.emit(clamped);
            }
        })
    };
    let on_lock = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::Lock {
                line: id.to_string(),
                locked: input.checked(),
            }));
        })
    };
    let bound = |is_floor: bool| {
        let app = app.clone();
        Callback::from(move |m: Money| {
            let amount = (m.0 > 0).then_some(m);
            let line = id.to_string();
            app.dispatch(Action::Edit(if is_floor {
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
                    { format::money(unit_cost(s, def), lang) }{ " / " }{ unit_singular(def, lang) }
                    if edited { <span class="badge edited" title={lang.pick("Giả định đã được sửa", "Assumptions changed")}>{ lang.pick("đã sửa", "edited") }</span> }
                </span>
            </header>
            <div class="line-controls">
                <input type="range" class="slider" data-testid={format!("slider-{id}")}
                    aria-labelledby={format!("name-{id}")}
                    aria-valuetext={format::money(value, lang)}
                    min={min.0.to_string()} max={max.0.to_string()} step={step.0.to_string()}
                    value={value.0.to_string()} disabled={c.locked} oninput={on_slide}/>
                <MoneyInput value={value} testid={format!("alloc-{id}")}
                    label={format!("{} — {}", name, lang.pick("phân bổ mỗi năm (đồng)", "allocation per year (VND)"))}
                    hide_label=true lang={lang} on_change={dispatch_alloc}
                    error={app.rejection(&format!("allocation.{id}")).map(AttrValue::from)} class="compact"/>
                <label class="lock">
                    <input type="checkbox" data-testid={format!("lock-{id}")} checked={c.locked} onchange={on_lock}/>
                    { lang.pick("Khóa", "Lock") }
                </label>
            </div>
            if let Some(o) = outcome { { reach_text(def, &o, s.year_count(), lang) } }
            if let Some(m) = &props.marginal { { marginal_text(def, m, lang) } }
            <details class="bounds">
                <summary>{ lang.pick("Mức sàn / mức trần", "Floor / ceiling") }
                    if c.floor.is_some() || c.ceiling.is_some() { { " ✓" } }
                </summary>
                <div class="bounds-grid">
                    <MoneyInput value={c.floor.unwrap_or_default()} testid={format!("floor-{id}")}
                        label={lang.pick("Mức sàn (0 = không)", "Floor (0 = none)")} lang={lang} on_change={bound(true)}
                        error={app.rejection(&format!("constraints.{id}.floor")).map(AttrValue::from)} class="compact"/>
                    <MoneyInput value={c.ceiling.unwrap_or_default()} testid={format!("ceiling-{id}")}
                        label={lang.pick("Mức trần (0 = không)", "Ceiling (0 = none)")} lang={lang} on_change={bound(false)}
                        error={app.rejection(&format!("constraints.{id}.ceiling")).map(AttrValue::from)} class="compact"/>
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

fn unit_singular(def: &LineDef, lang: Lang) -> &'static str {
    def.unit(lang)
}

fn reach_text(def: &LineDef, o: &LineOutcome, years: usize, lang: Lang) -> Html {
    let per_year = o.reach_total / years.max(1) as u64;
    let averted = if o.deaths_averted > 0.005 {
        Some(format::deaths(o.deaths_averted, lang))
    } else {
        None
    };
    html! {
        <p class="line-reach" data-testid={format!("reach-{}", def.id)} data-value={o.reach_total.to_string()}>
            { "→ " }<strong>{ format::count(per_year, lang) }</strong>{ " " }{ def.unit(lang) }{ lang.pick(" mỗi năm", " a year") }
            if let Some(a) = averted {
                { " · " }<strong>{ a }</strong>{ lang.pick(" ca tử vong tránh được trong kỳ", " deaths averted over the plan") }
            }
            { " · " }{ lang.pick("đạt ", "at ") }{ format::pct(o.saturation, lang) }{ lang.pick(" mức tối đa", " of its cap") }
        </p>
    }
}

fn marginal_text(def: &LineDef, m: &Marginal, lang: Lang) -> Html {
    let units = format::count_f(m.units_per_year, lang);
    let mut text = format!(
        "+{units} {}{}",
        def.unit(lang),
        lang.pick(" mỗi năm", " a year")
    );
    if m.deaths_averted > 0.0 {
        let d = if m.deaths_averted < 0.01 {
            lang.pick("< 0,01", "< 0.01").to_string()
        } else {
            format::deaths(m.deaths_averted, lang)
        };
        text.push_str(&format!(
            "; −{} {}",
            d,
            lang.pick("ca tử vong trong kỳ", "deaths over the plan")
        ));
    }
    html! {
        <>
            <p class="marginal" data-testid={format!("marginal-{}", def.id)} data-value={m.units_per_year.to_string()}>
                { lang.pick("+100 triệu/năm → ", "+100 million a year → ") }{ text }
            </p>
            if m.near_saturation {
                <p class="warn" data-testid={format!("saturation-{}", def.id)} role="note">
                    <span aria-hidden="true">{ "⚠ " }</span>
                    { lang.pick("Gần đạt mức tối đa: thêm tiền mua được ít hơn", "Near saturation: more money buys less") }
                    { " (" }{ format::pct(m.saturation, lang) }{ ")" }
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
