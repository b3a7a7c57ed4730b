//! The note that the meaning of deaths averted changed, for work saved by an earlier
//! version.

use yew::prelude::*;

use crate::platform;
use crate::state::{Action, AppState};

/// Set once this version has started in the browser: work saved before it was counted the
/// old way (deaths averted in the plan years only, the trend one fixed number).
pub const MEANING_KEY: &str = "kehoach.meaning.v2";

/// On the first start of this version in a browser that holds work saved by an earlier one,
/// shows the note that deaths averted are now counted over the lifetime of what a plan buys
/// (with the trend uncertain); then remembers that it was shown.
#[hook]
pub fn use_meaning_note(state: &UseReducerHandle<AppState>) {
    // Read while rendering the first time: before anything this version saves (and only
    // in a browser: server rendering has no storage).
    let earlier_work = use_memo((), |_| {
        if !cfg!(target_arch = "wasm32") {
            return false;
        }
        let seen = matches!(platform::load(MEANING_KEY), Ok(Some(_)));
        !seen && matches!(platform::storage::load_book(), Ok(Some(_)))
    });
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        if *earlier_work {
            dispatcher.dispatch(Action::MeaningNote(true));
        }
        let _ = platform::save(MEANING_KEY, "1");
    });
}
