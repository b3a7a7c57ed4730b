//! The chance a target must be met with, remembered like the language.

use yew::prelude::*;

use crate::platform;
use crate::state::nearest_chance;

/// Where the chance asked for is remembered ("0.8").
pub const CHANCE_KEY: &str = "kehoach.chance";

/// The chance remembered from an earlier visit, if any (read when the app starts).
pub fn remembered_chance() -> Option<f64> {
    let text = platform::load(CHANCE_KEY).ok()??;
    text.trim().parse::<f64>().ok().map(nearest_chance)
}

/// Remembers every change of the chance asked for, for the next visit.
#[hook]
pub fn use_remembered_chance(chance: f64) {
    let first = use_mut_ref(|| true);
    use_effect_with(chance.to_bits(), move |bits| {
        // The value the app started with is already the remembered one (or the default).
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            let _ = platform::save(CHANCE_KEY, &f64::from_bits(*bits).to_string());
        }
    });
}
