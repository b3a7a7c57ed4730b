//! The optimiser's and goal seek's work, done off the click.

use yew::prelude::*;

use crate::platform::{self, timers};
use crate::state::advice::{self, Proposal};
use crate::state::{Action, AppState};

/// Time given to the page to show "computing…" before the work starts, ms.
pub const PAINT_DELAY_MS: u32 = 30;

/// When a request is pending, answers it ([`advice::work`]: the optimiser or goal seek and
/// what the proposal changes) once the page has shown that it is computing, and hands the
/// answer back for the generation it was asked for. A newer request or edit cancels it.
#[hook]
pub fn use_proposal_work(state: &UseReducerHandle<AppState>) {
    let pending = match &state.proposal {
        Some((g, Proposal::Pending(r))) => Some((*g, r.clone())),
        _ => None,
    };
    let scenario = state.scenario().clone();
    let dispatcher = state.dispatcher();
    use_effect_with(pending, move |pending| {
        let timer = pending.clone().map(|(generation, request)| {
            timers::after(PAINT_DELAY_MS, move || {
                platform::mark_start("kehoach:proposal");
                let p = advice::work(&scenario, &request);
                platform::measure_since_start("kehoach:proposal");
                dispatcher.dispatch(Action::Proposed(generation, p));
            })
        });
        move || drop(timer)
    });
}
