//! Files in and out: downloads made in the page (JSON, CSV, XLSX, DOCX), reading a file the
//! person picked, and the file web worker.
//!
//! The writers (the workbook, the plan document's print sheet and Word file) and the
//! scenario JSON reader/writer are not part of the app's first load: they live in their own
//! wasm binary (`crates/xlsx`, built by Trunk as a web worker, index.html) that
//! [`ask_worker`] starts only when someone exports, imports or prints. When it cannot be
//! had (offline before it was ever stored), [`WorkerError::Unavailable`] says so, and the
//! page says it in the user's language.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::js_text;

/// The worker's loader script, next to index.html (Trunk's `data-loader-shim`; worker file
/// names are not hashed).
pub const XLSX_WORKER: &str = "./kehoach-xlsx_loader.js";
/// How long to wait for an answer, ms (the first start loads about 1 MB).
const XLSX_TIMEOUT_MS: i32 = 60_000;
/// How long the worker may take to be ready, ms: long enough for a slow first download.
const START_TIMEOUT_MS: i32 = 30_000;
/// The same when the browser says it is offline (the files are stored or not there).
const START_TIMEOUT_OFFLINE_MS: i32 = 15_000;

/// Why the file worker gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// Its files could not be loaded (offline before they were ever stored, or missing);
    /// `offline` is the browser's idea of being offline at that moment.
    Unavailable {
        /// The browser says it is offline.
        offline: bool,
    },
    /// It started, then failed (the browser's message, not for users).
    Crashed(String),
    /// It did not answer within a minute.
    Timeout,
}

impl WorkerError {
    /// What to tell the user, in their language.
    pub fn message(&self, lang: model::Lang) -> String {
        use model::words::Office;
        match self {
            WorkerError::Unavailable { offline: true } => Office::WorkerOffline.get(lang).into(),
            WorkerError::Unavailable { offline: false } => Office::WorkerMissing.get(lang).into(),
            WorkerError::Crashed(why) => Office::WorkerCrashed.fill(lang, &[why]),
            WorkerError::Timeout => Office::WorkerTimeout.get(lang).into(),
        }
    }
}

/// Offers `bytes` as a file download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|e| js_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_text(&e))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_text(&e))?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    } else {
        a.click();
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Offers text as a UTF-8 file download.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_bytes(name, mime, text.as_bytes())
}

/// What the file worker answered.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerReply {
    /// A file's bytes.
    Bytes(Vec<u8>),
    /// Text (see `kehoach_xlsx`'s request protocol).
    Text(String),
}

type Done = Box<dyn FnOnce(Result<WorkerReply, WorkerError>)>;
type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(JsValue)>>>>;

fn offline() -> bool {
    !super::sw::online()
}

/// Sends one request to the file worker (`model::worker::request` or a document request of
/// `kehoach_xlsx::office`); `done` gets its reply, or why there is none (no worker, a
/// crash, no answer within a minute). The worker is started for this request and stopped
/// after its answer.
pub fn ask_worker(request: String, done: impl FnOnce(Result<WorkerReply, WorkerError>) + 'static) {
    let worker = match web_sys::Worker::new(XLSX_WORKER) {
        Ok(w) => w,
        Err(_) => {
            done(Err(WorkerError::Unavailable { offline: offline() }));
            return;
        }
    };
    // Whether the worker said it was ready: an error before that means its files could not
    // be loaded, after it a crash.
    let started = Rc::new(std::cell::Cell::new(false));
    let done: Rc<RefCell<Option<Done>>> = Rc::new(RefCell::new(Some(Box::new(done))));
    // Keeps the closures alive until the answer; dropped (and the worker stopped) then.
    let keep: Handlers = Rc::new(RefCell::new(Vec::new()));
    let finish = {
        let done = done.clone();
        let keep = keep.clone();
        let worker = worker.clone();
        move |r: Result<WorkerReply, WorkerError>| {
            worker.terminate();
            if let Some(f) = done.borrow_mut().take() {
                f(r);
            }
            // Let the closures go after this call returns.
            let keep = keep.clone();
            let later = Closure::once_into_js(move || keep.borrow_mut().clear());
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    0,
                );
            }
        }
    };
    let finish = Rc::new(RefCell::new(Some(finish)));
    let on_message = {
        let worker = worker.clone();
        let finish = finish.clone();
        let started = started.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let data = ev
                .dyn_ref::<web_sys::MessageEvent>()
                .map(|m| m.data())
                .unwrap_or(JsValue::UNDEFINED);
            if data.as_string().as_deref() == Some(model::worker::READY) {
                // The worker's wasm is loaded and listening: now send the request.
                started.set(true);
                if let Err(e) = worker.post_message(&JsValue::from_str(&request)) {
                    if let Some(f) = finish.borrow_mut().take() {
                        f(Err(WorkerError::Crashed(js_text(&e))));
                    }
                }
                return;
            }
            let result = if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
                Ok(WorkerReply::Bytes(bytes.to_vec()))
            } else {
                data.as_string()
                    .map(WorkerReply::Text)
                    .ok_or_else(|| WorkerError::Crashed("the worker sent nothing".into()))
            };
            if let Some(f) = finish.borrow_mut().take() {
                f(result);
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        let started = started.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let why = if started.get() {
                WorkerError::Crashed(
                    ev.dyn_ref::<web_sys::ErrorEvent>()
                        .map(|e| e.message())
                        .unwrap_or_default(),
                )
            } else {
                WorkerError::Unavailable { offline: offline() }
            };
            if let Some(f) = finish.borrow_mut().take() {
                f(Err(why));
            }
        })
    };
    // A worker whose wasm never loads (its script stored but not its wasm, offline) says
    // nothing at all: if it is not ready soon, it is not there.
    let start_timeout = {
        let finish = finish.clone();
        let started = started.clone();
        Closure::once_into_js(move || {
            if !started.get() {
                if let Some(f) = finish.borrow_mut().take() {
                    f(Err(WorkerError::Unavailable { offline: offline() }));
                }
            }
        })
    };
    if let Some(w) = web_sys::window() {
        let wait = if offline() {
            START_TIMEOUT_OFFLINE_MS
        } else {
            START_TIMEOUT_MS
        };
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            start_timeout.unchecked_ref(),
            wait,
        );
    }
    // A worker that never answers (blocked script, crash) must not leave the button busy.
    let timeout = {
        let finish = finish.clone();
        Closure::once_into_js(move || {
            if let Some(f) = finish.borrow_mut().take() {
                f(Err(WorkerError::Timeout));
            }
        })
    };
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            timeout.unchecked_ref(),
            XLSX_TIMEOUT_MS,
        );
    }
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    keep.borrow_mut().push(on_message);
    keep.borrow_mut().push(on_error);
}
