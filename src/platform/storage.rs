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

/// Listens for changes another tab of the app makes to the saved working set (the
/// `storage` event, which fires in every other tab of the same origin) and calls `changed`.
/// Listening stops when the returned listener is dropped.
pub fn on_book_change(changed: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |e| {
            let key = js_sys::Reflect::get(e, &"key".into())
                .ok()
                .and_then(|k| k.as_string());
            // `key` is null when another tab cleared the whole storage.
            if key.as_deref().is_none_or(|k| k == BOOK_KEY) {
                changed();
            }
        },
    ))
}

/// What the browser says about the site's storage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StorageInfo {
    /// Whether the browser keeps it for good (`None`: the browser does not say).
    pub persisted: Option<bool>,
    /// Bytes used by the site (`None`: unknown).
    pub usage: Option<u64>,
}

/// `navigator.storage`, when the browser has it (secure contexts only).
fn storage_manager() -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    let m = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    (!m.is_undefined() && !m.is_null()).then_some(m)
}

/// Calls the promise-returning method `name` of `navigator.storage` and awaits it.
async fn call(name: &str) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let m = storage_manager()?;
    let f: js_sys::Function = js_sys::Reflect::get(&m, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = f.call0(&m).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Asks the browser to keep the site's storage for good (`navigator.storage.persist()`)
/// and says what it answered (`None`: it cannot be asked).
pub async fn ask_persist() -> Option<bool> {
    call("persist").await?.as_bool()
}

/// Whether the storage is kept for good and how much is used.
pub async fn info() -> StorageInfo {
    let persisted = call("persisted").await.and_then(|v| v.as_bool());
    let usage = call("estimate")
        .await
        .and_then(|e| js_sys::Reflect::get(&e, &"usage".into()).ok())
        .and_then(|u| u.as_f64())
        .filter(|u| u.is_finite() && *u >= 0.0)
        .map(|u| u as u64);
    StorageInfo { persisted, usage }
}

/// Whether this is Safari on an iPhone or iPad, not opened from the home screen (where
/// Safari deletes a site's storage after 7 days without a visit).
pub fn ios_safari_in_browser() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let touch = js_sys::Reflect::get(&navigator, &"maxTouchPoints".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let ios = agent.contains("iPhone")
        || agent.contains("iPad")
        || agent.contains("iPod")
        || (agent.contains("Macintosh") && touch > 1.0);
    let standalone = js_sys::Reflect::get(&navigator, &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    ios && !standalone
}

/// A random seed for the ids of this tab's new scenarios.
pub fn random_seed() -> u64 {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (part() << 32) ^ part() ^ js_sys::Date::now() as u64
}
