//! A message that goes away on its own.

use yew::prelude::*;

use crate::platform::timers;
use crate::state::{Action, AppState, Notice};

/// Clears the notice `ms` milliseconds after it appears (a new notice starts the wait
/// again). On a projector a message is clutter; in the planner it stays.
#[hook]
pub fn use_notice_timeout(
    dispatcher: UseReducerDispatcher<AppState>,
    notice: Option<Notice>,
    ms: u32,
) {
    use_effect_with(notice, move |notice| {
        let timer = notice
            .as_ref()
            .map(|_| timers::after(ms, move || dispatcher.dispatch(Action::Notice(None))));
        move || drop(timer)
    });
}
