//! What the plan is for: region, plan years, name — and the region's baseline with sources.

use model::data::{self, REGIONS, RegionKind};
use model::{Confidence, FieldPath};
use yew::prelude::*;

use super::use_app;
use crate::platform::dom;
use crate::state::{Action, Edit};
use model::fmt;
use model::words::{Common, Ui};

/// See the module docs.
#[component]
pub fn PlanSettings() -> Html {
    let app = use_app();
    let lang = app.lang;
    let s = app.scenario().clone();
    let on_region = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            app.dispatch(Action::Edit(Edit::Region(dom::value(&e))));
        })
    };
    let on_year = |first: bool| {
        let app = app.clone();
        let (start, end) = (s.start_year, s.end_year);
        Callback::from(move |e: Event| {
            let Ok(y) = dom::value(&e).parse::<i32>() else {
                return;
            };
            let (a, b) = if first {
                (y, end.max(y))
            } else {
                (start.min(y), y)
            };
            app.dispatch(Action::Edit(Edit::Years { start: a, end: b }));
        })
    };
    // What is being typed into the name field, with the scenario it was typed over: a
    // re-render (the uncertainty band arriving) must not put the old name back mid-word,
    // and a refused name stays in the field to correct.
    let draft = use_state(|| None::<(String, String, usize)>);
    let shown_name = match &*draft {
        Some((text, base, current)) if *base == s.name && *current == app.current => text.clone(),
        _ => s.name.clone(),
    };
    let on_name_input = {
        let draft = draft.clone();
        let base = (s.name.clone(), app.current);
        Callback::from(move |e: InputEvent| {
            draft.set(Some((dom::value(&e), base.0.clone(), base.1)));
        })
    };
    let on_name = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            app.dispatch(Action::Edit(Edit::Name(dom::value(&e))));
        })
    };
    let group = |kind: RegionKind| {
        REGIONS
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| html! { <option value={r.id} selected={r.id == s.region}>{ r.name(lang) }</option> })
            .collect::<Html>()
    };
    let years = |selected: i32| {
        (model::scenario::MIN_YEAR..=model::scenario::MAX_YEAR)
            .map(
                |y| html! { <option value={y.to_string()} selected={y == selected}>{ y }</option> },
            )
            .collect::<Html>()
    };
    let years_error = app.rejection(&FieldPath::Years);
    let name_error = app.rejection(&FieldPath::Name);
    html! {
        <section class="panel plan" aria-labelledby="plan-h">
            <h2 id="plan-h">{ Ui::PlanHeading.get(lang) }</h2>
            <div class="plan-grid">
                <label class="field">
                    <span>{ Common::Region.get(lang) }</span>
                    <select data-testid="region-select" onchange={on_region}>
                        { group(RegionKind::Nation) }
                        <optgroup label={Ui::CentrallyRunCities.get(lang)}>{ group(RegionKind::City) }</optgroup>
                        <optgroup label={Ui::Provinces.get(lang)}>{ group(RegionKind::Province) }</optgroup>
                    </select>
                </label>
                <fieldset class="field years">
                    <legend>{ Common::PlanYears.get(lang) }</legend>
                    <select data-testid="year-start" aria-label={Ui::FirstYear.get(lang)} onchange={on_year(true)}>{ years(s.start_year) }</select>
                    <span aria-hidden="true">{ "–" }</span>
                    <select data-testid="year-end" aria-label={Ui::LastYear.get(lang)} onchange={on_year(false)}>{ years(s.end_year) }</select>
                </fieldset>
                <label class="field name">
                    <span>{ Ui::ScenarioName.get(lang) }</span>
                    <input type="text" data-testid="scenario-name" maxlength="120" value={shown_name} oninput={on_name_input} onchange={on_name}/>
                </label>
            </div>
            if let Some(m) = years_error { <p class="field-error" role="alert" data-testid="years-error">{ m }</p> }
            if let Some(m) = name_error { <p class="field-error" role="alert" data-testid="scenario-name-error">{ m }</p> }
            <Baseline/>
        </section>
    }
}

/// The region's baseline figures with their sources.
#[component]
fn Baseline() -> Html {
    let app = use_app();
    let lang = app.lang;
    let b = app.projection.baseline;
    let deaths = b.drowning_rate.value / 1e5 * b.children.value;
    let row = |label: &str, value: String, f: &model::Figure| {
        html! {
            <tr class={classes!((f.confidence == Confidence::Edited).then_some("edited"))}>
                <th scope="row">{ label.to_string() }</th>
                <td class="num">{ value }</td>
                <td><span class={classes!("conf", conf_class(f.confidence))}>{ f.confidence.label(lang) }</span></td>
                <td class="src">{ model::data::source_text(f.source, lang) }</td>
            </tr>
        }
    };
    html! {
        <details class="baseline" data-testid="baseline">
            <summary>
                { Ui::Baseline.get(lang) }{ ": " }
                { Ui::BaselineSummary.fill(lang, &[&fmt::count_f(b.children.value, lang), &fmt::deaths(deaths, lang)]) }
            </summary>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{ Ui::Figure.get(lang) }</th>
                    <th scope="col">{ Common::Value.get(lang) }</th>
                    <th scope="col">{ Common::Confidence.get(lang) }</th>
                    <th scope="col">{ Common::Source.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { row(Ui::ChildrenUnder16.get(lang), fmt::count_f(b.children.value, lang), &b.children) }
                    { row(Ui::ShareUnder5.get(lang), fmt::pct(b.share_under5.value, lang), &b.share_under5) }
                    { row(Ui::DrowningRate2025.get(lang), fmt::rate(b.drowning_rate.value, lang), &b.drowning_rate) }
                    { row(Ui::TrendWithoutPlan.get(lang), fmt::pct(b.trend.value, lang), &b.trend) }
                    { row(Ui::Rate2020.get(lang), fmt::rate(b.reference_rate_2020.value, lang), &b.reference_rate_2020) }
                    { row(Common::SwimShare.get(lang), fmt::pct(b.swim_share.value, lang), &b.swim_share) }
                    { row(Ui::SpecialCircumstances.get(lang), fmt::count_f(b.special_circumstances.value, lang), &b.special_circumstances) }
                    { row(Ui::Communes.get(lang), fmt::count_f(b.communes.value, lang), &b.communes) }
                    { row(Common::ChildFriendlyCommunes.get(lang), fmt::pct(b.child_friendly_share.value, lang), &b.child_friendly_share) }
                    { row(Ui::HotlineCalls.get(lang), fmt::count_f(b.hotline_calls.value, lang), &b.hotline_calls) }
                </tbody>
            </table>
            </div>
            if let Some(r) = data::region(&app.scenario().region) {
                <p class="muted small">{ Ui::FormedFrom.fill(lang, &[&r.formed_from_in(lang)]) }</p>
            }
        </details>
    }
}

/// CSS class of a confidence grade.
pub fn conf_class(c: Confidence) -> &'static str {
    match c {
        Confidence::Official => "official",
        Confidence::Academic => "academic",
        Confidence::Press => "press",
        Confidence::Estimate => "estimate",
        Confidence::Edited => "edited",
    }
}
