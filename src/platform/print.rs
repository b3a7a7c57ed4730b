//! Printing: the browser's print dialog (and "Save as PDF"), the element the print sheet is
//! rendered into, and the beforeprint/afterprint events.

use super::share::Listener;

/// Id of the element (a child of `<body>`) the print sheet is rendered into.
pub const PRINT_HOST_ID: &str = "print-host";

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The element the print sheet goes into, created at the end of `<body>` when missing.
pub fn print_host() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    if let Some(e) = document.get_element_by_id(PRINT_HOST_ID) {
        return Some(e);
    }
    let host = document.create_element("div").ok()?;
    host.set_id(PRINT_HOST_ID);
    document.body()?.append_child(&host).ok()?;
    Some(host)
}

/// Whether the plan document's view is open in the print host (it is then what prints).
pub fn document_open() -> bool {
    print_host()
        .and_then(|h| h.query_selector(".doc-view").ok().flatten())
        .is_some()
}

/// Calls `before` when the browser starts printing (Ctrl+P, the menu, `print()`) and
/// `after` when it is done. Listening stops when the guards are dropped.
pub fn on_print(before: impl Fn() + 'static, after: impl Fn() + 'static) -> Vec<Listener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let target: web_sys::EventTarget = window.into();
    [
        Listener::new(target.clone(), "beforeprint", before),
        Listener::new(target, "afterprint", after),
    ]
    .into_iter()
    .flatten()
    .collect()
}
