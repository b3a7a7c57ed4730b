//! The header button that starts workshop mode (and, inside it, leaves it).

use model::words::Ui;
use yew::prelude::*;

use super::use_app;
use crate::state::{Action, View, WorkshopAction};

/// The header button that starts workshop mode (and, inside it, leaves it).
#[component]
pub fn WorkshopToggle() -> Html {
    let app = use_app();
    let lang = app.lang;
    let inside = app.view == View::Workshop;
    let onclick = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Workshop(if inside {
                WorkshopAction::Leave
            } else {
                WorkshopAction::Enter
            }))
        })
    };
    html! {
        <button type="button" class="btn ghost"
            data-testid="workshop-toggle" aria-pressed={inside.to_string()} onclick={onclick}
            title={Ui::WsToggleTitle.get(lang)}>
            if inside {
                { Ui::WsLeave.get(lang) }
            } else {
                { Ui::WsEnter.get(lang) }
            }
        </button>
    }
}
