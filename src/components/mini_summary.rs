//! On phones and narrow windows the figures sit below the sliders; this bar keeps the
//! three that matter most in view while the planner drags: deaths averted, children
//! supported, and what is left of the budget.

use yew::prelude::*;

use super::use_app;
use crate::format;

/// See the module docs.
#[component]
pub fn MiniSummary() -> Html {
    let app = use_app();
    let lang = app.lang;
    let h = &app.projection.headline;
    let s = app.scenario();
    let left = s.min_year_budget().saturating_sub(s.allocated());
    html! {
        <aside class="mini-summary" data-testid="mini-summary" aria-label={lang.pick("Tóm tắt kết quả", "Summary of results")}>
            <a href="#results">
                <span><strong>{ format::deaths(h.deaths_averted, lang) }</strong>{ lang.pick(" ca tử vong tránh được", " deaths averted") }</span>
                <span><strong>{ format::count(h.children_supported, lang) }</strong>{ lang.pick(" lượt trẻ được hỗ trợ", " children supported") }</span>
                <span>{ lang.pick("còn ", "left ") }<strong>{ format::money(left, lang) }</strong></span>
            </a>
        </aside>
    }
}
