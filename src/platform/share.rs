//! Sharing a scenario: the page's own address for a share link, reading and clearing the
//! `#s=` fragment, the clipboard, and the system share sheet (Web Share API) on phones.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;

use super::js_text;

/// Name of the `<meta>` in which the single-file build (scripts/single.mjs) names the
/// published address its share and workshop links point to (a page opened from `file://`
/// has no address another person can open).
const PUBLISHED_META: &str = "kehoach-published";

/// The page's address without its fragment (`https://host/path/`), to put `#s=…` after:
/// the published address when the page names one (the single-file build), else its own.
/// Empty when there is no window (server rendering, tests).
pub fn base_url() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    if let Some(url) = published_url() {
        return url;
    }
    let loc = window.location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    format!("{origin}{path}{search}")
}

/// The published address named by the single-file build (`None` on a served page).
pub fn published_url() -> Option<String> {
    super::meta_content(PUBLISHED_META)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
}

/// The share fragment of the address (`#s=…`), if there is one; it is removed from the
/// address (history.replaceState) so a reload does not open it a second time.
pub fn take_link_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    if !hash.starts_with(model::codec::FRAGMENT_PREFIX) {
        return None;
    }
    clear_fragment();
    Some(hash)
}

/// Removes the fragment from the address (history.replaceState), so a reload does not open
/// it again.
pub(crate) fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let loc = window.location();
    let path = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

/// Calls `f` with the fragment whenever a share link is pasted into the address bar of an
/// open page (the `hashchange` event). Listening stops when the guard is dropped.
pub fn on_link_fragment(f: impl Fn(String) + 'static) -> Option<Listener> {
    let window = web_sys::window()?;
    Listener::new(window.into(), "hashchange", move || {
        if let Some(h) = take_link_fragment() {
            f(h);
        }
    })
}

/// An event listener that is removed when dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    closure: Closure<dyn Fn()>,
}

impl Listener {
    /// Listens to `event` on `target`.
    pub fn new(
        target: web_sys::EventTarget,
        event: &'static str,
        f: impl Fn() + 'static,
    ) -> Option<Listener> {
        let closure = Closure::<dyn Fn()>::new(f);
        target
            .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target,
            event,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// Copies text to the clipboard. Fails (with the reason) when the browser has no clipboard
/// API or refuses (insecure page, no permission): the caller then selects the text.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let nav = window.navigator();
    // `navigator.clipboard` is undefined on insecure pages: check before calling.
    let has = js_sys::Reflect::get(&nav, &"clipboard".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !has {
        return Err("no clipboard".into());
    }
    JsFuture::from(nav.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| js_text(&e))
}

/// Selects the whole text of an input (so the person can press Ctrl+C / long-press Copy).
pub fn select_input(id: &str) {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Whether the system share sheet is available (phones, some desktops).
pub fn can_web_share() -> bool {
    web_sys::window()
        .map(|w| {
            js_sys::Reflect::get(&w.navigator(), &"share".into())
                .map(|f| f.is_function())
                .unwrap_or(false)
        })
        .unwrap_or(false)
}

/// Opens the system share sheet with a title, a line of text and the link. `Ok(false)`
/// when the person closed it without sharing.
pub async fn web_share(title: &str, text: &str, url: &str) -> Result<bool, String> {
    let window = web_sys::window().ok_or("no window")?;
    let nav = window.navigator();
    let share = js_sys::Reflect::get(&nav, &"share".into()).map_err(|e| js_text(&e))?;
    let share: js_sys::Function = share.dyn_into().map_err(|_| "no Web Share".to_string())?;
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &k.into(), &v.into());
    }
    let promise = share.call1(&nav, &data).map_err(|e| js_text(&e))?;
    let promise: js_sys::Promise = promise
        .dyn_into()
        .map_err(|_| "share returned no promise".to_string())?;
    match JsFuture::from(promise).await {
        Ok(_) => Ok(true),
        Err(e) if js_text(&e) == "AbortError" => Ok(false),
        Err(e) => Err(js_text(&e)),
    }
}
