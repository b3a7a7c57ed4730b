//! Autosave of the working set in localStorage: one key holds the whole set (the text of
//! `model::autosave::write`). Damaged saved text is copied aside under its own key before
//! anything overwrites it, so a person (or a later version) can still recover it.

use super::{load, local_storage, save};

/// Key of the autosaved working set.
pub const BOOK_KEY: &str = "kehoach.book";
/// Prefix of keys holding saved text that could not be read (followed by a time stamp).
pub const SET_ASIDE_PREFIX: &str = "kehoach.book.corrupt.";
/// At most this many set-aside copies are kept (the oldest go first).
const MAX_SET_ASIDE: usize = 3;

/// The saved working set, if any.
pub fn load_book() -> Result<Option<String>, String> {
    load(BOOK_KEY)
}

/// Saves the working set. An error says why (quota, private mode, no storage).
pub fn save_book(text: &str) -> Result<(), String> {
    save(BOOK_KEY, text)
}

/// Copies unreadable saved text to `kehoach.book.corrupt.<ms since 1970>` (keeping the
/// newest few) and returns that key.
pub fn set_aside(text: &str) -> Result<String, String> {
    let storage = local_storage()?;
    let key = format!("{SET_ASIDE_PREFIX}{}", js_sys::Date::now() as u64);
    let mut old: Vec<String> = Vec::new();
    let n = storage.length().unwrap_or(0);
    for i in 0..n {
        if let Ok(Some(k)) = storage.key(i) {
            if k.starts_with(SET_ASIDE_PREFIX) {
                old.push(k);
            }
        }
    }
    old.sort();
    while old.len() >= MAX_SET_ASIDE {
        let k = old.remove(0);
        let _ = storage.remove_item(&k);
    }
    storage
        .set_item(&key, text)
        .map_err(|e| super::js_text(&e))?;
    Ok(key)
}
