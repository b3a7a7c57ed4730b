//! The room's camera (issue 16): frames from `getUserMedia` shown in a `<video>`, copied a
//! few times a second onto a canvas and read by the QR reader, a web worker (`crates/scan`,
//! built by Trunk beside the app, index.html) started only when the camera opens — the
//! decoder is never part of the first load. One frame is in flight at a time. A short beep
//! (Web Audio) says a code was accepted.
//!
//! Everything stops when the [`Scanner`] is dropped: the timer, the camera tracks and the
//! worker. Every failure comes back as a [`CameraProblem`], never a panic.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AudioContext, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack, Worker,
};

use super::js_text;

/// The QR reader's loader script, next to index.html (Trunk's `data-loader-shim`; worker
/// file names are not hashed).
pub const SCAN_WORKER: &str = "./kehoach-scan_loader.js";
/// What the reader posts once it is listening (`kehoach_scan::READY`).
const READY: &str = "ready";
/// Time between two frames, ms.
const FRAME_MS: i32 = 200;
/// Frames are scaled down to at most this many pixels on their longer side.
const MAX_SIDE: u32 = 800;
/// How many times a crashed reader is started again before giving up.
const MAX_RESTARTS: u32 = 3;

/// Why scanning cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CameraProblem {
    /// The person or the browser refused the camera (the browser's reason).
    Denied(String),
    /// No camera, or none that works (the browser's reason).
    Absent(String),
    /// The QR reader could not start or keeps failing.
    Reader(String),
}

type Handlers = Vec<Closure<dyn FnMut(JsValue)>>;

#[derive(Default)]
struct Inner {
    stopped: Cell<bool>,
    stream: RefCell<Option<MediaStream>>,
    worker: RefCell<Option<Worker>>,
    ready: Cell<bool>,
    busy: Cell<bool>,
    restarts: Cell<u32>,
    interval: Cell<Option<i32>>,
    handlers: RefCell<Handlers>,
    tick: RefCell<Option<Closure<dyn FnMut()>>>,
    audio: RefCell<Option<AudioContext>>,
}

/// A running camera and QR reader; dropping it stops both.
pub struct Scanner {
    inner: Rc<Inner>,
}

impl Drop for Scanner {
    fn drop(&mut self) {
        stop(&self.inner);
    }
}

impl Scanner {
    /// A short beep (the code was accepted); silent when the browser has no Web Audio.
    pub fn beep(&self) {
        let ctx = self.inner.audio.borrow();
        let Some(ctx) = ctx.as_ref() else {
            return;
        };
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
            return;
        };
        osc.frequency().set_value(1_320.0);
        gain.gain().set_value(0.15);
        let now = ctx.current_time();
        let _ = osc.connect_with_audio_node(&gain);
        let _ = gain.connect_with_audio_node(&ctx.destination());
        let _ = osc.start();
        let _ = osc.stop_with_when(now + 0.12);
    }
}

fn stop(inner: &Inner) {
    inner.stopped.set(true);
    if let (Some(id), Some(w)) = (inner.interval.take(), web_sys::window()) {
        w.clear_interval_with_handle(id);
    }
    if let Some(stream) = inner.stream.borrow_mut().take() {
        for t in stream.get_tracks().iter() {
            if let Ok(t) = t.dyn_into::<MediaStreamTrack>() {
                t.stop();
            }
        }
    }
    if let Some(w) = inner.worker.borrow_mut().take() {
        w.terminate();
    }
    if let Some(ctx) = inner.audio.borrow_mut().take() {
        let _ = ctx.close();
    }
}

/// Opens the camera into the `<video>` with id `video_id` and reads QR codes from it:
/// `on_codes` gets the texts read in each frame (none, most of the time), `on_problem` why
/// scanning stopped. Call it
/// from a click (browsers allow sound only after one).
pub fn start(
    video_id: &str,
    on_codes: impl Fn(Vec<String>) + 'static,
    on_problem: impl Fn(CameraProblem) + 'static,
) -> Scanner {
    let inner = Rc::new(Inner::default());
    *inner.audio.borrow_mut() = AudioContext::new().ok();
    let scanner = Scanner {
        inner: inner.clone(),
    };
    let video_id = video_id.to_string();
    let on_codes: Rc<dyn Fn(Vec<String>)> = Rc::new(on_codes);
    let on_problem: Rc<dyn Fn(CameraProblem)> = Rc::new(on_problem);
    wasm_bindgen_futures::spawn_local(async move {
        let stream = match open_stream().await {
            Ok(s) => s,
            Err(p) => {
                if !inner.stopped.get() {
                    on_problem(p);
                }
                return;
            }
        };
        *inner.stream.borrow_mut() = Some(stream.clone());
        if inner.stopped.get() {
            stop(&inner);
            return;
        }
        let Some(video) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&video_id))
            .and_then(|e| e.dyn_into::<HtmlVideoElement>().ok())
        else {
            on_problem(CameraProblem::Absent("no video element".into()));
            return;
        };
        video.set_muted(true);
        let _ = video.set_attribute("playsinline", "");
        video.set_src_object(Some(&stream));
        if let Ok(p) = video.play() {
            let _ = JsFuture::from(p).await;
        }
        if let Err(why) = start_worker(&inner, on_codes.clone(), on_problem.clone()) {
            on_problem(CameraProblem::Reader(why));
            return;
        }
        start_frames(&inner, video, on_problem);
    });
    scanner
}

async fn open_stream() -> Result<MediaStream, CameraProblem> {
    let absent = |why: &str| CameraProblem::Absent(why.to_string());
    let window = web_sys::window().ok_or_else(|| absent("no window"))?;
    let nav = window.navigator();
    // `navigator.mediaDevices` is undefined on pages that are not https (or localhost).
    let has = js_sys::Reflect::get(&nav, &"mediaDevices".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !has {
        return Err(absent("no mediaDevices: open the page over https"));
    }
    let devices = nav.media_devices().map_err(|e| absent(&js_text(&e)))?;
    let constraints = MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| absent(&js_text(&e)))?;
    match JsFuture::from(promise).await {
        Ok(s) => s.dyn_into::<MediaStream>().map_err(|_| absent("no stream")),
        Err(e) => {
            let name = js_text(&e);
            Err(match name.as_str() {
                "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => {
                    CameraProblem::Denied(name)
                }
                _ => CameraProblem::Absent(name),
            })
        }
    }
}

fn start_worker(
    inner: &Rc<Inner>,
    on_codes: Rc<dyn Fn(Vec<String>)>,
    on_problem: Rc<dyn Fn(CameraProblem)>,
) -> Result<(), String> {
    let worker = Worker::new(SCAN_WORKER).map_err(|e| js_text(&e))?;
    inner.ready.set(false);
    inner.busy.set(false);
    let on_message = {
        let inner = Rc::downgrade(inner);
        let on_codes = on_codes.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(inner) = inner.upgrade() else {
                return;
            };
            let data = ev
                .dyn_ref::<web_sys::MessageEvent>()
                .and_then(|m| m.data().as_string())
                .unwrap_or_default();
            if data == READY {
                inner.ready.set(true);
                return;
            }
            inner.busy.set(false);
            let texts: Vec<String> = data
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect();
            // Every answered frame, even one without a code (the camera is live).
            if !inner.stopped.get() {
                on_codes(texts);
            }
        })
    };
    let on_error = {
        let weak = Rc::downgrade(inner);
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(inner) = weak.upgrade() else {
                return;
            };
            let why = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the QR reader stopped".into());
            if let Some(w) = inner.worker.borrow_mut().take() {
                w.terminate();
            }
            if inner.stopped.get() {
                return;
            }
            // A frame that crashed the reader: start it again, a few times.
            let n = inner.restarts.get() + 1;
            inner.restarts.set(n);
            let again = if n <= MAX_RESTARTS {
                start_worker(&inner, on_codes.clone(), on_problem.clone())
            } else {
                Err(why)
            };
            if let Err(why) = again {
                on_problem(CameraProblem::Reader(why));
                stop(&inner);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let mut handlers = inner.handlers.borrow_mut();
    // Handlers of a crashed worker are dropped once it is replaced (not while it calls).
    if handlers.len() > 4 {
        let old = handlers.len() - 2;
        handlers.drain(..old);
    }
    handlers.push(on_message);
    handlers.push(on_error);
    *inner.worker.borrow_mut() = Some(worker);
    Ok(())
}

fn start_frames(inner: &Rc<Inner>, video: HtmlVideoElement, on_problem: Rc<dyn Fn(CameraProblem)>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(canvas) = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
    else {
        on_problem(CameraProblem::Reader("no canvas".into()));
        return;
    };
    let ctx: Option<CanvasRenderingContext2d> = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok());
    let Some(ctx) = ctx else {
        on_problem(CameraProblem::Reader("no 2d canvas".into()));
        return;
    };
    let weak = Rc::downgrade(inner);
    let tick = Closure::<dyn FnMut()>::new(move || {
        let Some(inner) = weak.upgrade() else {
            return;
        };
        if inner.stopped.get() || !inner.ready.get() || inner.busy.get() {
            return;
        }
        // HAVE_CURRENT_DATA or better.
        if video.ready_state() < 2 {
            return;
        }
        let (w, h) = (video.video_width(), video.video_height());
        if w == 0 || h == 0 {
            return;
        }
        let scale = (f64::from(MAX_SIDE) / f64::from(w.max(h))).min(1.0);
        let (cw, ch) = (
            ((f64::from(w) * scale) as u32).max(1),
            ((f64::from(h) * scale) as u32).max(1),
        );
        if canvas.width() != cw || canvas.height() != ch {
            canvas.set_width(cw);
            canvas.set_height(ch);
        }
        let (fw, fh) = (f64::from(cw), f64::from(ch));
        if ctx
            .draw_image_with_html_video_element_and_dw_and_dh(&video, 0.0, 0.0, fw, fh)
            .is_err()
        {
            return;
        }
        let Ok(frame) = ctx.get_image_data(0.0, 0.0, fw, fh) else {
            return;
        };
        if let Some(worker) = inner.worker.borrow().as_ref() {
            if worker.post_message(&frame).is_ok() {
                inner.busy.set(true);
            }
        }
    });
    if let Some(w) = web_sys::window() {
        if let Ok(id) = w.set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            FRAME_MS,
        ) {
            inner.interval.set(Some(id));
        }
    }
    *inner.tick.borrow_mut() = Some(tick);
}
