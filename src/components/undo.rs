//! Undo and redo buttons: take back the newest change of the open scenario (or the newest
//! addition or deletion of a scenario) and put it back; Ctrl+Z and Ctrl+Shift+Z do the
//! same (`hooks::use_undo_keys`). Each button's title says what it would undo.

use model::words::AdviceWords;
use yew::prelude::*;

use super::use_app;
use crate::state::{Action, step_name};

/// See the module docs.
#[component]
pub fn UndoButtons() -> Html {
    let app = use_app();
    let lang = app.lang;
    let id = app.current_id();
    let undo_kind = app.history.undo_kind(id);
    let redo_kind = app.history.redo_kind(id);
    let stacks = app.history.of(id);
    let click = |a: Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(a.clone()))
    };
    let undo_title = match &undo_kind {
        Some(k) => AdviceWords::UndoTitle.fill(lang, &[&step_name(k, lang)]),
        None => AdviceWords::NothingToUndoTitle.get(lang).to_string(),
    };
    let redo_title = match &redo_kind {
        Some(k) => AdviceWords::RedoTitle.fill(lang, &[&step_name(k, lang)]),
        None => AdviceWords::NothingToRedoTitle.get(lang).to_string(),
    };
    html! {
        <div class="undo-redo" role="group">
            <button type="button" class="btn ghost" data-testid="undo-button" title={undo_title.clone()}
                aria-label={undo_title} disabled={undo_kind.is_none()} onclick={click(Action::Undo)}
                data-steps={stacks.undo_len().to_string()}>
                <span aria-hidden="true">{ "↶ " }</span>{ AdviceWords::Undo.get(lang) }
            </button>
            <button type="button" class="btn ghost" data-testid="redo-button" title={redo_title.clone()}
                aria-label={redo_title} disabled={redo_kind.is_none()} onclick={click(Action::Redo)}
                data-steps={stacks.redo_len().to_string()}>
                <span aria-hidden="true">{ "↷ " }</span>{ AdviceWords::Redo.get(lang) }
            </button>
        </div>
    }
}
