//! After a proposal is accepted, the figures it changed come into view.

use yew::prelude::*;

use crate::platform::page;

/// The id of the figures panel.
pub const FIGURES_ID: &str = "kpis";

/// Scrolls the figures panel into view (and gives it the focus) each time a proposal is
/// accepted (`accepted`: the generation it was accepted into).
#[hook]
pub fn use_reveal_changes(accepted: Option<u64>) {
    use_effect_with(accepted, |accepted| {
        if accepted.is_some() {
            page::reveal(FIGURES_ID);
        }
    });
}
