//! The undo and redo shortcuts.

use yew::prelude::*;

use crate::platform::page::{self, Shortcut};
use crate::state::{Action, AppState};

/// Ctrl+Z (⌘Z) undoes the newest step, Ctrl+Shift+Z or Ctrl+Y puts it back, on every
/// screen; a text field being typed in keeps Ctrl+Z for its own text.
#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let guard = page::on_shortcut(move |s| {
            dispatcher.dispatch(match s {
                Shortcut::Undo => Action::Undo,
                Shortcut::Redo => Action::Redo,
            });
        });
        move || drop(guard)
    });
}
