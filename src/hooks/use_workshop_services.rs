//! Workshop mode's services for the whole app.

use model::words::Ui;
use yew::prelude::*;

use crate::platform::{sw, workshop as web};
use crate::state::{Action, AppState, Notice, WorkshopAction};

/// Registers the service worker (and says when a newer release has taken over), has it
/// store the file worker for offline export once it controls the page, and opens
/// pack links (`#w=…`) pasted into the address bar.
#[hook]
pub fn use_workshop_services(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let newer = {
            let dispatcher = dispatcher.clone();
            sw::register(move || {
                let newer = Notice::Words(Ui::NoticeNewVersion, Vec::new());
                dispatcher.dispatch(Action::Notice(Some(newer)))
            })
        };
        // Once a service worker controls the page, it stores the rest of the release (the
        // file worker: XLSX and Word export) so export works offline after the first visit.
        let stored = sw::on_controlled(sw::store_everything);
        let packs = web::on_pack_fragment(move |hash| {
            dispatcher.dispatch(Action::Workshop(WorkshopAction::OpenPack(
                model::pack::decode(&hash),
            )))
        });
        move || {
            drop(newer);
            drop(stored);
            drop(packs);
        }
    });
}
