//! Workshop mode's services for the whole app.

use model::words::Ui;
use yew::prelude::*;

use crate::platform::{sw, workshop as web};
use crate::state::{Action, AppState, Notice, WorkshopAction};

/// Registers the service worker (and says when a newer release has taken over), and opens
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
        let packs = web::on_pack_fragment(move |hash| {
            dispatcher.dispatch(Action::Workshop(WorkshopAction::OpenPack(
                model::pack::decode(&hash),
            )))
        });
        move || {
            drop(newer);
            drop(packs);
        }
    });
}
