//! Saving the working set on every change.

use yew::prelude::*;

use crate::platform;
use crate::state::{Action, AppState, Notice};

/// Saves the working set (`model::autosave` text) on every change. A failure shows one
/// notice (until a save works again); the app goes on in memory.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let failed = use_mut_ref(|| false);
    let dispatcher = state.dispatcher();
    use_effect_with(
        (state.entries.clone(), state.current),
        move |(entries, current)| {
            let text = model::autosave::write(entries.iter().map(|e| &e.scenario), *current);
            match platform::storage::save_book(&text) {
                Ok(()) => *failed.borrow_mut() = false,
                Err(why) => {
                    if !*failed.borrow() {
                        *failed.borrow_mut() = true;
                        dispatcher.dispatch(Action::Notice(Some(Notice::StorageFailed(why))));
                    }
                }
            }
        },
    );
}
