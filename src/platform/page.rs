//! Page-wide services of the planner: the undo and redo shortcuts (Ctrl+Z, Ctrl+Shift+Z,
//! Ctrl+Y; ⌘ on a Mac), and bringing a part of the page into view.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// A shortcut of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y.
    Redo,
}

/// Listens for the undo and redo shortcuts on the whole page and calls `handle` with them
/// (the browser's own action is then prevented). A text field the person has typed into
/// since it got the focus keeps Ctrl+Z for its own text. Listening stops when the guard is
/// dropped.
pub fn on_shortcut(handle: impl Fn(Shortcut) + 'static) -> Option<ShortcutGuard> {
    let doc = web_sys::window()?.document()?;
    // The text field typed into since it got the focus, if any.
    let typed: Rc<RefCell<Option<web_sys::Element>>> = Rc::new(RefCell::new(None));
    let on_input = {
        let typed = typed.clone();
        EventListener::new(&doc, "input", move |e| {
            let el = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .filter(is_text_field);
            if el.is_some() {
                *typed.borrow_mut() = el;
            }
        })
    };
    let on_focus = {
        let typed = typed.clone();
        EventListener::new(&doc, "focusin", move |_| {
            typed.borrow_mut().take();
        })
    };
    let options = EventListenerOptions::enable_prevent_default();
    let on_key = EventListener::new_with_options(&doc, "keydown", options, move |event| {
        let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        let key = e.key().to_ascii_lowercase();
        let shortcut = match (key.as_str(), e.shift_key()) {
            ("z", false) => Shortcut::Undo,
            ("z", true) | ("y", false) => Shortcut::Redo,
            _ => return,
        };
        let target = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let own_text = match (&target, &*typed.borrow()) {
            (Some(t), Some(typed)) => t == typed,
            _ => false,
        };
        if own_text {
            return;
        }
        e.prevent_default();
        handle(shortcut);
    });
    Some(ShortcutGuard {
        _listeners: [on_input, on_focus, on_key],
    })
}

/// Listening to the shortcuts; it stops when dropped.
pub struct ShortcutGuard {
    _listeners: [EventListener; 3],
}

fn is_text_field(el: &web_sys::Element) -> bool {
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" => true,
        "input" => !matches!(
            el.get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase()
                .as_str(),
            "range" | "checkbox" | "radio" | "button" | "submit" | "file" | "color"
        ),
        _ => el.get_attribute("contenteditable").is_some(),
    }
}

/// Scrolls the element with this id to the top of the view and gives it the focus (it
/// needs `tabindex="-1"`), so a screen reader reads it next.
pub fn reveal(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    el.scroll_into_view_with_bool(true);
    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

/// Whether the page is laid out for a narrow screen (a phone or a narrow window: the
/// figures below the form, the bottom bar of figures shown).
pub fn narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 1099px)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// [`reveal`] once the page has drawn the change just dispatched (a layout that moves
/// first, like the form coming back above a shared plan's results).
pub fn reveal_later(id: &str) {
    let id = id.to_string();
    gloo::timers::callback::Timeout::new(0, move || reveal(&id)).forget();
}

/// This year by the device's clock (the plan document's date line).
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}
