//! The p10–p90 bands of the scenarios on the compare screen.

use std::rc::Rc;

use model::Scenario;
use model::mc::Uncertainty;
use yew::prelude::*;

use super::use_refined_uncertainty::DRAWS;
use crate::platform::timers;

/// Quiet time before the bands are computed, ms (the tables show first).
pub const DELAY_MS: u32 = 50;

/// The Monte Carlo of each compared scenario (the same draws as the planner's band), in
/// their order; `None` until computed, and again while a new choice is being computed.
#[hook]
pub fn use_compare_bands(scenarios: Vec<Scenario>) -> Option<Rc<Vec<Option<Uncertainty>>>> {
    let bands = use_state(|| None::<(Vec<Scenario>, Rc<Vec<Option<Uncertainty>>>)>);
    {
        let bands = bands.clone();
        use_effect_with(scenarios.clone(), move |scenarios| {
            let scenarios = scenarios.clone();
            let timer = timers::after(DELAY_MS, move || {
                let u = scenarios
                    .iter()
                    .map(|s| model::mc::simulate(s, DRAWS).ok())
                    .collect();
                bands.set(Some((scenarios, Rc::new(u))));
            });
            move || drop(timer)
        });
    }
    match &*bands {
        Some((for_these, u)) if *for_these == scenarios => Some(u.clone()),
        _ => None,
    }
}
