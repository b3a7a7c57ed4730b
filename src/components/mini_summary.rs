//! On phones and narrow windows the figures sit below the sliders; this bar keeps the
//! three that matter most in view while the planner drags: deaths averted, children
//! supported, and what is left of the budget.

use model::fmt;
use model::words::Ui;
use yew::prelude::*;

use super::{fill_html, strong, use_app};

/// See the module docs.
#[component]
pub fn MiniSummary() -> Html {
    let app = use_app();
    let lang = app.lang;
    let h = &app.projection.headline;
    let s = app.scenario();
    let left = s.min_year_budget().saturating_sub(s.allocated());
    html! {
        <aside class="mini-summary" data-testid="mini-summary" aria-label={Ui::SummaryOfResults.get(lang)}>
            <a href="#results">
                <span>{ fill_html(Ui::MiniDeathsAverted.get(lang), vec![strong(fmt::deaths(h.deaths_averted.lifetime, lang))]) }</span>
                <span>{ fill_html(Ui::MiniChildrenSupported.get(lang), vec![strong(fmt::count(h.children_supported, lang))]) }</span>
                <span>{ fill_html(Ui::MiniLeft.get(lang), vec![strong(fmt::money(left, lang))]) }</span>
            </a>
        </aside>
    }
}
