//! On phones and narrow windows the figures sit below the sliders; this bar keeps the ones
//! that matter most in view while the planner drags — deaths averted (over the horizon
//! chosen) and children supported, from the catalogue of figures with their p10–p90 band —
//! and what is left of the budget.

use model::figures::Figure;
use model::fmt;
use model::words::Ui;
use yew::prelude::*;

use super::kpis::{data_value, main_figure};
use super::{fill_html, strong, use_app};

/// See the module docs.
#[component]
pub fn MiniSummary() -> Html {
    let app = use_app();
    let lang = app.lang;
    let p = app.projection.clone();
    let s = app.scenario();
    let left = s.min_year_budget().saturating_sub(s.allocated());
    let u = app.fresh_uncertainty();
    let figures = [main_figure(app.horizon), Figure::ChildrenSupported];
    let item = |f: Figure| {
        let v = f.value(&p);
        let band = u.and_then(|u| f.band(u));
        html! {
            <span class="mini-figure" data-figure={f.key()} data-value={data_value(v)}
                data-p10={band.map(|b| b.p10.to_string())} data-p90={band.map(|b| b.p90.to_string())}>
                <strong>{ f.format(v, lang) }</strong>
                if let Some(b) = band {
                    <span class="mini-band">{ " (" }{ f.format(Some(b.p10), lang) }{ "–" }{ f.format(Some(b.p90), lang) }{ ")" }</span>
                }
                { " " }<span class="mini-label">{ f.label(lang) }</span>
            </span>
        }
    };
    html! {
        <aside class="mini-summary" data-testid="mini-summary" aria-label={Ui::SummaryOfResults.get(lang)}>
            <a href="#results">
                { for figures.into_iter().map(item) }
                <span>{ fill_html(Ui::MiniLeft.get(lang), vec![strong(fmt::money(left, lang))]) }</span>
            </a>
        </aside>
    }
}
