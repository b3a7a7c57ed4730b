//! Saving the working set on every change, shared with the app's other tabs.

use std::cell::RefCell;
use std::rc::Rc;

use model::autosave::{self, Book};
use yew::prelude::*;

use crate::platform;
use crate::state::{Action, AppState, BookAction};

/// What the sync needs between renders.
struct Sync {
    /// The book as this tab last read or wrote it (`model::autosave::merge`'s base); read
    /// at the first save (never while rendering: server rendering has no storage).
    base: Option<Book>,
    /// The state as last rendered.
    latest: Rc<AppState>,
    /// Whether the browser was asked to keep the storage for good.
    asked_persist: bool,
}

/// Saves the working set (`model::autosave` text) on every change, merged with what other
/// tabs saved meanwhile (and takes in their changes when they save: the `storage` event).
/// A failure keeps the work in memory and shows one notice (until a save works again,
/// which stores everything). The first time the work is more than the default scenario,
/// the browser is asked to keep the storage for good.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let sync = use_mut_ref(|| Sync {
        base: None,
        latest: Rc::new((**state).clone()),
        asked_persist: false,
    });
    sync.borrow_mut().latest = Rc::new((**state).clone());
    {
        let sync = sync.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((state.entries.clone(), state.current), move |_| {
            save(&sync, &dispatcher)
        });
    }
    {
        let sync = sync.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = platform::storage::on_book_change(move || save(&sync, &dispatcher));
            move || drop(listener)
        });
    }
}

/// The stored book, if there is one that reads.
fn stored_book() -> Option<Book> {
    let text = platform::storage::load_book().ok()??;
    autosave::read(&text).ok().map(|r| r.book)
}

/// Reads the stored book, merges this tab's working set into it, writes the result when
/// it differs, and gives this tab the merged set when it differs from its own.
fn save(sync: &Rc<RefCell<Sync>>, dispatcher: &UseReducerDispatcher<AppState>) {
    if sync.borrow().base.is_none() {
        sync.borrow_mut().base = Some(stored_book().unwrap_or_default());
    }
    let (merged, write) = {
        let s = sync.borrow();
        let base = s.base.clone().unwrap_or_default();
        let mine = s.latest.book(&base);
        let stored_text = platform::storage::load_book().ok().flatten();
        let stored = match &stored_text {
            Some(t) => autosave::read(t).map(|r| r.book).unwrap_or_default(),
            None => Book::default(),
        };
        let merged = autosave::merge(&stored, &mine, &base, s.latest.lang);
        let text = autosave::write_book(&merged);
        let write = (stored_text.as_deref() != Some(text.as_str())).then_some(text);
        (merged, write)
    };
    let result = match write {
        Some(text) => platform::storage::save_book(&text),
        None => Ok(()),
    };
    let latest = sync.borrow().latest.clone();
    match result {
        Ok(()) => {
            if latest.storage_failing {
                dispatcher.dispatch(Action::StorageFailing(None));
            }
            let own_work = merged
                .scenarios
                .iter()
                .any(|s| s.scenario != model::Scenario::default());
            let mut s = sync.borrow_mut();
            s.base = Some(merged.clone());
            if own_work && !s.asked_persist {
                s.asked_persist = true;
                wasm_bindgen_futures::spawn_local(async {
                    let _ = platform::storage::ask_persist().await;
                });
            }
        }
        Err(why) => {
            if !latest.storage_failing {
                dispatcher.dispatch(Action::StorageFailing(Some(why)));
            }
        }
    }
    let mine = latest.book(&merged);
    if mine.scenarios != merged.scenarios || mine.current != merged.current {
        dispatcher.dispatch(Action::Book(BookAction::Synced(Box::new(merged))));
    }
}
