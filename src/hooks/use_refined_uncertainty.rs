//! The Monte Carlo band, refined once editing pauses.

use std::rc::Rc;

use yew::prelude::*;

use crate::platform::{self, timers};
use crate::state::{Action, AppState};

/// Monte Carlo draws for the uncertainty band.
pub const DRAWS: u32 = 1_000;
/// Quiet time after the last edit before the band is recomputed, ms. The figures
/// themselves are exact on every input; only the p10–p90 band waits.
pub const REFINE_DELAY_MS: u32 = 150;

/// Recomputes the uncertainty band of the current scenario [`REFINE_DELAY_MS`] after its
/// last change (a change in between starts the wait again) and stores it with the
/// generation it belongs to.
#[hook]
pub fn use_refined_uncertainty(state: &UseReducerHandle<AppState>) {
    let state = state.clone();
    use_effect_with(state.generation, move |generation| {
        let generation = *generation;
        let scenario = state.scenario().clone();
        let dispatcher = state.dispatcher();
        let timer = timers::after(REFINE_DELAY_MS, move || {
            platform::mark_start("kehoach:monte-carlo");
            if let Ok(u) = model::mc::simulate(&scenario, DRAWS) {
                dispatcher.dispatch(Action::Uncertainty(generation, Rc::new(u)));
            }
            platform::measure_since_start("kehoach:monte-carlo");
        });
        move || drop(timer)
    });
}
