//! The DOM behind form fields, for components: what an input, select or text area says,
//! whether a box is ticked or a `<details>` open, filling and focusing a field, keeping a
//! tab in view, and reading a picked file. Components get plain values from events and
//! node refs here and never name a DOM type themselves.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Element, Event, HtmlDetailsElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};
use yew::NodeRef;

use super::js_text;

fn target(e: &Event) -> Option<web_sys::EventTarget> {
    e.target()
}

/// The value of the input, select or text area an event came from ("" for anything else).
pub fn value(e: &Event) -> String {
    let Some(t) = target(e) else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(s) = t.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else if let Some(a) = t.dyn_ref::<HtmlTextAreaElement>() {
        a.value()
    } else {
        String::new()
    }
}

/// Puts a value into the input an event came from (a slider stopped short of where it was
/// dragged).
pub fn set_value(e: &Event, value: &str) {
    if let Some(i) = target(e).and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
        i.set_value(value);
    }
}

/// Whether the checkbox an event came from is ticked.
pub fn checked(e: &Event) -> bool {
    target(e)
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Whether the `<details>` a `toggle` event came from is open.
pub fn details_open(e: &Event) -> bool {
    target(e)
        .and_then(|t| t.dyn_into::<HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// The value of the input a node ref points to.
pub fn node_value(node: &NodeRef) -> Option<String> {
    node.cast::<HtmlInputElement>().map(|i| i.value())
}

/// Puts `value` into the input a node ref points to, focuses it and selects its text.
pub fn fill_and_select(node: &NodeRef, value: &str) {
    if let Some(i) = node.cast::<HtmlInputElement>() {
        i.set_value(value);
        let _ = i.focus();
        i.select();
    }
}

/// Scrolls the element a node ref points to sideways so that its first descendant
/// matching `selector` is in view (with 8 px to spare).
pub fn keep_in_view(node: &NodeRef, selector: &str) {
    let Some(list) = node.cast::<HtmlElement>() else {
        return;
    };
    let Some(item) = list
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e: Element| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let (left, width) = (item.offset_left(), item.offset_width());
    let (from, view) = (list.scroll_left(), list.client_width());
    if left < from || left + width > from + view {
        list.set_scroll_left((left - 8).max(0));
    }
}

/// A file input (`<input type="file">`), from its change event or its node ref.
#[derive(Debug, Clone)]
pub struct FileInput(HtmlInputElement);

impl FileInput {
    /// The file input an event came from.
    pub fn of_event(e: &Event) -> Option<FileInput> {
        target(e)
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .map(FileInput)
    }

    /// The file input a node ref points to.
    pub fn of_node(node: &NodeRef) -> Option<FileInput> {
        node.cast::<HtmlInputElement>().map(FileInput)
    }

    /// The name and text of the first file picked, refusing files over `max_bytes` (the
    /// error is then "too large"); `None` when nothing is picked. The input is emptied
    /// afterwards so the same file can be picked again after a fix.
    pub async fn read(&self, max_bytes: usize) -> Result<Option<(String, String)>, String> {
        let read = self.read_first(max_bytes).await;
        self.0.set_value("");
        read
    }

    async fn read_first(&self, max_bytes: usize) -> Result<Option<(String, String)>, String> {
        let Some(file) = self.0.files().and_then(|f| f.get(0)) else {
            return Ok(None);
        };
        if file.size() > max_bytes as f64 {
            return Err(TOO_LARGE.into());
        }
        let text = JsFuture::from(file.text())
            .await
            .map_err(|e| js_text(&e))?
            .as_string()
            .unwrap_or_default();
        Ok(Some((file.name(), text)))
    }
}

/// The error [`FileInput::read`] gives for a file over the limit.
pub const TOO_LARGE: &str = "too large";
