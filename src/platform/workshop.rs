//! Browser services of workshop mode: the keyboard and clicker keys, animation frames for
//! the counting figures, the reduced-motion preference, and full screen.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{AnimationFrame, request_animation_frame};
use wasm_bindgen::JsCast;

/// A key press that workshop mode may act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// `KeyboardEvent.key` ("ArrowRight", "PageDown", "q", "Escape"…).
    pub key: String,
    /// Ctrl, Alt or Meta was held (browser shortcuts are left alone).
    pub modified: bool,
    /// What has the focus: a text field takes every key but Esc, a slider or select its
    /// arrows.
    pub field: Field,
}

/// The kind of element a key press went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Not a form field.
    None,
    /// A text input, text area or editable element.
    Text,
    /// A slider, select, checkbox or other control with keys of its own.
    Control,
}

/// Listens to key presses on the whole page. `handle` returns true when it used the key;
/// the browser's default action (scrolling on PageDown, …) is then prevented. Listening
/// stops when the guard is dropped.
pub fn on_key(handle: impl Fn(&Key) -> bool + 'static) -> Option<EventListener> {
    let doc = web_sys::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &doc,
        "keydown",
        options,
        move |event| {
            let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if e.repeat() && e.key() != "ArrowLeft" && e.key() != "ArrowRight" {
                return;
            }
            let field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map_or(Field::None, |el| field_of(&el));
            let key = Key {
                key: e.key(),
                modified: e.ctrl_key() || e.alt_key() || e.meta_key(),
                field,
            };
            if handle(&key) {
                e.prevent_default();
            }
        },
    ))
}

fn field_of(el: &web_sys::Element) -> Field {
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" => Field::Text,
        "select" => Field::Control,
        "input" => match el
            .get_attribute("type")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "range" | "checkbox" | "radio" | "button" | "submit" | "file" | "color" => {
                Field::Control
            }
            _ => Field::Text,
        },
        _ if el.get_attribute("contenteditable").is_some() => Field::Text,
        _ => Field::None,
    }
}

/// Whether the person asked the system for less motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Runs `frame(t)` on every animation frame with `t` going from 0 to 1 over `ms`
/// milliseconds, then once more with exactly 1. Dropping the handle stops it.
pub fn animate(ms: f64, frame: impl Fn(f64) + 'static) -> Animation {
    let start = now();
    let state = std::rc::Rc::new(std::cell::RefCell::new(None::<AnimationFrame>));
    let frame = std::rc::Rc::new(frame);
    schedule(state.clone(), frame, start, ms.max(1.0));
    Animation { _state: state }
}

/// A running animation; it stops when dropped.
pub struct Animation {
    _state: std::rc::Rc<std::cell::RefCell<Option<AnimationFrame>>>,
}

type Slot = std::rc::Rc<std::cell::RefCell<Option<AnimationFrame>>>;

fn schedule(slot: Slot, frame: std::rc::Rc<dyn Fn(f64)>, start: f64, ms: f64) {
    let next = slot.clone();
    let handle = request_animation_frame(move |_| {
        let t = ((now() - start) / ms).clamp(0.0, 1.0);
        frame(t);
        if t < 1.0 {
            schedule(next, frame, start, ms);
        } else {
            next.borrow_mut().take();
        }
    });
    // The slot holds the pending frame; replacing it drops the one that just ran.
    if let Ok(mut s) = slot.try_borrow_mut() {
        *s = Some(handle);
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Puts the page in full screen, or leaves it. Refusals (no user gesture) are ignored.
pub fn toggle_fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}

/// The pack fragment of the address (`#w=…`), if there is one; it is removed from the
/// address (history.replaceState) so a reload does not open it a second time.
pub fn take_pack_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    if !hash.starts_with(model::pack::PACK_PREFIX) {
        return None;
    }
    super::share::clear_fragment();
    Some(hash)
}

/// Calls `f` with the fragment whenever a pack link is pasted into the address bar of the
/// open page. Listening stops when the guard is dropped.
pub fn on_pack_fragment(f: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        if let Some(h) = take_pack_fragment() {
            f(h);
        }
    }))
}
