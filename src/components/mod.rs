//! Components, one per file.
pub mod assumptions;
pub mod budget;
pub mod charts_panel;
pub mod compare;
pub mod export;
pub mod header;
pub mod kpis;
pub mod lines;
pub mod mini_summary;
pub mod money_input;
pub mod notice;
pub mod optimise;
pub mod panel_button;
pub mod plan;
pub mod print;
pub mod scenarios;
pub mod share;
pub mod targets;
pub mod workshop;
pub mod workshop_pack;

use yew::prelude::*;

use crate::state::AppContext;

/// The app state from context. Every component below `App` has it.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App's context provider")
}
