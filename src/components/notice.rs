//! The page-level message (a broken link, a storage failure, a rescaled budget, an
//! accepted proposal…), in the current language — with "undo" beside a change that can be
//! taken back — and the note that the meaning of deaths averted changed, shown when work
//! from an earlier version is opened.

use model::words::{AdviceWords, Ui};
use yew::prelude::*;

use super::storage::BackupButton;
use super::use_app;
use crate::state::{Action, Notice};

/// See the module docs.
#[component]
pub fn NoticeBar() -> Html {
    let app = use_app();
    let lang = app.lang;
    let meaning = app.meaning_note.then(|| {
        let close = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::MeaningNote(false)))
        };
        html! {
            <div class="notice meaning" role="note" data-testid="meaning-notice">
                <p>{ AdviceWords::MeaningChanged.get(lang) }</p>
                <button type="button" class="btn ghost small" onclick={close} data-testid="meaning-notice-close"
                    aria-label={Ui::DismissMessage.get(lang)}>{ "×" }</button>
            </div>
        }
    });
    let notice = app.notice.clone().map(|n| {
        let close = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Notice(None)))
        };
        let undo = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Undo))
        };
        html! {
            <div class="notice" role="status" aria-live="polite" data-testid="notice">
                <p>{ n.message(lang) }</p>
                if matches!(n, Notice::StorageFailed(_)) {
                    <BackupButton testid="notice-backup"/>
                }
                if n.undoable() {
                    <button type="button" class="btn small" data-testid="notice-undo" onclick={undo}>
                        { "↶ " }{ AdviceWords::Undo.get(lang) }
                    </button>
                }
                <button type="button" class="btn ghost small" onclick={close}
                    aria-label={Ui::DismissMessage.get(lang)}>{ "×" }</button>
            </div>
        }
    });
    html! { <>{ for meaning }{ for notice }</> }
}
