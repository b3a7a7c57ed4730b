//! What the plan is for: region, plan years, name — and the region's baseline with sources.

use model::data::{self, REGIONS, RegionKind};
use model::{Confidence, FieldPath};
use yew::prelude::*;

use super::use_app;
use crate::format;
use crate::platform::dom;
use crate::state::{Action, Edit};

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
            <h2 id="plan-h">{ lang.pick("Kế hoạch", "Plan") }</h2>
            <div class="plan-grid">
                <label class="field">
                    <span>{ lang.pick("Địa phương", "Region") }</span>
                    <select data-testid="region-select" onchange={on_region}>
                        { group(RegionKind::Nation) }
                        <optgroup label={lang.pick("Thành phố trực thuộc trung ương", "Centrally-run cities")}>{ group(RegionKind::City) }</optgroup>
                        <optgroup label={lang.pick("Tỉnh", "Provinces")}>{ group(RegionKind::Province) }</optgroup>
                    </select>
                </label>
                <fieldset class="field years">
                    <legend>{ lang.pick("Kỳ kế hoạch", "Plan years") }</legend>
                    <select data-testid="year-start" aria-label={lang.pick("Năm đầu", "First year")} onchange={on_year(true)}>{ years(s.start_year) }</select>
                    <span aria-hidden="true">{ "–" }</span>
                    <select data-testid="year-end" aria-label={lang.pick("Năm cuối", "Last year")} onchange={on_year(false)}>{ years(s.end_year) }</select>
                </fieldset>
                <label class="field name">
                    <span>{ lang.pick("Tên kịch bản", "Scenario name") }</span>
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
                <td class="src">{ f.source }</td>
            </tr>
        }
    };
    html! {
        <details class="baseline" data-testid="baseline">
            <summary>
                { lang.pick("Số liệu nền", "Baseline") }{ ": " }
                { format::count_f(b.children.value, lang) }{ lang.pick(" trẻ em dưới 16 tuổi · ≈ ", " children under 16 · ≈ ") }
                { format::deaths(deaths, lang) }{ lang.pick(" trẻ tử vong do đuối nước/năm", " child drowning deaths a year") }
            </summary>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{ lang.pick("Chỉ số", "Figure") }</th>
                    <th scope="col">{ lang.pick("Giá trị", "Value") }</th>
                    <th scope="col">{ lang.pick("Độ tin cậy", "Confidence") }</th>
                    <th scope="col">{ lang.pick("Nguồn", "Source") }</th>
                </tr></thead>
                <tbody>
                    { row(lang.pick("Trẻ em dưới 16 tuổi", "Children under 16"), format::count_f(b.children.value, lang), &b.children) }
                    { row(lang.pick("Tỷ lệ trẻ 0–4 tuổi", "Share aged 0–4"), format::pct(b.share_under5.value, lang), &b.share_under5) }
                    { row(lang.pick("Tỷ suất tử vong do đuối nước (/100.000 trẻ, 2025)", "Drowning death rate (per 100,000, 2025)"), format::rate(b.drowning_rate.value, lang), &b.drowning_rate) }
                    { row(lang.pick("Xu hướng mỗi năm nếu không có kế hoạch", "Yearly trend without the plan"), format::pct(b.trend.value, lang), &b.trend) }
                    { row(lang.pick("Tỷ suất năm 2020 (mốc so sánh)", "2020 rate (reference)"), format::rate(b.reference_rate_2020.value, lang), &b.reference_rate_2020) }
                    { row(lang.pick("Trẻ 6–15 tuổi biết bơi", "Children 6–15 able to swim"), format::pct(b.swim_share.value, lang), &b.swim_share) }
                    { row(lang.pick("Trẻ em có hoàn cảnh đặc biệt", "Children in special circumstances"), format::count_f(b.special_circumstances.value, lang), &b.special_circumstances) }
                    { row(lang.pick("Số xã, phường", "Communes"), format::count_f(b.communes.value, lang), &b.communes) }
                    { row(lang.pick("Xã, phường phù hợp với trẻ em", "Child-friendly communes"), format::pct(b.child_friendly_share.value, lang), &b.child_friendly_share) }
                    { row(lang.pick("Cuộc gọi Tổng đài 111/năm", "Hotline 111 calls a year"), format::count_f(b.hotline_calls.value, lang), &b.hotline_calls) }
                </tbody>
            </table>
            </div>
            if let Some(r) = data::region(&app.scenario().region) {
                <p class="muted small">{ lang.pick("Hình thành từ: ", "Formed from: ") }{ r.formed_from }</p>
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
