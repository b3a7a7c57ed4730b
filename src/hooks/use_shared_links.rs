//! Share links pasted into the address bar of the open page.

use yew::prelude::*;

use crate::platform;
use crate::state::{Action, AppState, BookAction};

/// Opens a share link (`#s=…`) pasted into the address bar of the open page as a new copy
/// (or, when broken, shows why).
#[hook]
pub fn use_shared_links(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let guard = platform::share::on_link_fragment(move |hash| {
            let opened = model::decode(&hash).map(Box::new);
            dispatcher.dispatch(Action::Book(BookAction::OpenLink(opened)));
        });
        move || drop(guard)
    });
}
