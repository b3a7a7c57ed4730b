//! The app state from context.

use yew::prelude::*;

use crate::state::AppContext;

/// The app state from context. Every component below `App` has it.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside App's context provider")
}
