//! Offline support: registering the service worker (`assets/sw.js`), hearing when a new
//! release has taken over, and the browser's online/offline state.
//!
//! Every function is a no-op where the browser has no service workers (an insecure page, an
//! old browser, server rendering): the app then simply needs the network.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// Name of the `<meta>` the build writes its release id into (scripts/sw-build.sh).
const BUILD_META: &str = "kehoach-build";

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    // `navigator.serviceWorker` is undefined on insecure pages: check before touching it.
    let c = js_sys::Reflect::get(&nav, &"serviceWorker".into()).ok()?;
    if c.is_undefined() || c.is_null() {
        return None;
    }
    c.dyn_into().ok()
}

/// The release id of the running page (`dev` before the build step wrote it).
pub fn page_build() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"{BUILD_META}\"]"))
        .ok()??;
    meta.get_attribute("content")
}

/// Whether this page is the single-file build (scripts/single.mjs: everything inlined,
/// often opened from `file://`): it needs no service worker to start without the network.
/// (It registers none: its script hides `navigator.serviceWorker`, so that start-up runs no
/// code of its own here.)
pub fn single_file() -> bool {
    super::share::published_url().is_some()
}

/// Registers `sw.js` (next to index.html). Returns a guard that keeps listening for a newer
/// release: `on_newer` is called once a service worker of another release has taken over
/// this page (the page still runs the release it loaded; a reload switches).
pub fn register(on_newer: impl Fn() + 'static) -> Option<EventListener> {
    let c = container()?;
    // A rejection (sw.js missing in a dev setup, storage disabled) is not an error for the
    // app: it goes on needing the network.
    let promise = c.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
    let mine = page_build();
    Some(EventListener::new(&c, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = event.data();
        let field = |k: &str| {
            js_sys::Reflect::get(&data, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if field("type").as_deref() != Some("kehoach-activated") {
            return;
        }
        if let (Some(theirs), Some(mine)) = (field("build"), mine.as_deref()) {
            if theirs != mine && mine != "dev" {
                on_newer();
            }
        }
    }))
}

/// Asks the service worker to store every file of the release now, including those the
/// first screen does not need (the spreadsheet worker). Without a controlling worker it
/// does nothing.
pub fn store_everything() {
    let Some(worker) = container().and_then(|c| c.controller()) else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"kehoach-store-all".into());
    let _ = worker.post_message(&msg);
}

/// Whether the page would start without the network: a service worker controls it, or it
/// is the single-file build (which carries everything).
pub fn controlled() -> bool {
    single_file() || container().is_some_and(|c| c.controller().is_some())
}

/// Calls `f` once a service worker controls the page (at once if one already does).
pub fn on_controlled(f: impl Fn() + 'static) -> Option<EventListener> {
    let c = container()?;
    if c.controller().is_some() {
        f();
        return None;
    }
    Some(EventListener::new(&c, "controllerchange", move |_| f()))
}

/// The browser's idea of being online (`navigator.onLine`; true when unknown).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `f(online)` whenever the connection comes or goes. Listening stops when the
/// guards are dropped.
pub fn on_online_change(f: impl Fn(bool) + Clone + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let g = f.clone();
    vec![
        EventListener::new(&window, "online", move |_| f(true)),
        EventListener::new(&window, "offline", move |_| g(false)),
    ]
}
