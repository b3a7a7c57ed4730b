//! The only code that touches the browser (storage, URL, DOM outside Yew, form fields,
//! timers, downloads): `web_sys` and `gloo` are named nowhere else in the app.
//! Every function degrades gracefully: errors come back as values, never panics.

pub mod camera;
pub mod dom;
pub mod download;
pub mod page;
pub mod print;
pub mod share;
pub mod storage;
pub mod sw;
pub mod timers;
pub mod workshop;

/// Reads a string from localStorage.
pub fn load(key: &str) -> Result<Option<String>, String> {
    let storage = local_storage()?;
    storage.get_item(key).map_err(|e| js_text(&e))
}

/// Writes a string to localStorage.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage()?;
    storage.set_item(key, value).map_err(|e| js_text(&e))
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is unavailable".into()),
        Err(e) => Err(js_text(&e)),
    }
}

/// The `content` of the page's `<meta name="{name}">`, if it has one.
pub fn meta_content(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    meta.get_attribute("content")
}

/// A short text for a JS error value.
pub fn js_text(v: &wasm_bindgen::JsValue) -> String {
    if let Some(s) = v.as_string() {
        return s;
    }
    js_sys::Reflect::get(v, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "error".into())
}

/// Removes the loading screen of index.html once the app has rendered.
pub fn remove_loading_screen() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        el.remove();
    }
}

/// Sets `<html lang>` so screen readers and hyphenation follow the chosen language.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// The browser's preferred language code ("vi-VN", "en-US"…), if any.
pub fn browser_lang() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// The window's inner width in CSS pixels (`None` outside a browser, e.g. server rendering).
pub fn viewport_width() -> Option<u32> {
    #[cfg(target_arch = "wasm32")]
    {
        let w = web_sys::window()?.inner_width().ok()?.as_f64()?;
        if w.is_finite() && w > 0.0 {
            Some(w as u32)
        } else {
            None
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        PRERENDER_WIDTH.with(std::cell::Cell::get)
    }
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static PRERENDER_WIDTH: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// The window width [`viewport_width`] reports outside a browser: the build's prerender
/// (src/bin/prerender.rs) draws the page for a desktop window, as the app will.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_prerender_width(width: Option<u32>) {
    PRERENDER_WIDTH.with(|w| w.set(width));
}

/// Marks the start of some background work in the page's performance timeline.
pub fn mark_start(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Records how long the work begun with [`mark_start`] took (`performance.measure`), so
/// the browser benchmark can read it.
pub fn measure_since_start(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}
