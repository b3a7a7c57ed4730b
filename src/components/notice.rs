//! The page-level message (a broken link, a storage failure…), in the current language.

use model::words::Ui;
use yew::prelude::*;

use super::use_app;
use crate::state::Action;

/// See the module docs.
#[component]
pub fn NoticeBar() -> Html {
    let app = use_app();
    let Some(n) = app.notice.clone() else {
        return html! {};
    };
    let lang = app.lang;
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Notice(None)))
    };
    html! {
        <div class="notice" role="status" aria-live="polite" data-testid="notice">
            <p>{ n.message(lang) }</p>
            <button type="button" class="btn ghost small" onclick={close}
                aria-label={Ui::DismissMessage.get(lang)}>{ "×" }</button>
        </div>
    }
}
