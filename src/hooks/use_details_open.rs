//! A `<details>` whose content is built only while it is open.

use yew::prelude::*;

use crate::platform::dom;

/// Whether a `<details>` is open, and the `ontoggle` handler that keeps it so. Panels with
/// many fields use it to build their content only while open, so slider drags elsewhere do
/// not pay for it.
#[hook]
pub fn use_details_open() -> (UseStateHandle<bool>, Callback<Event>) {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(dom::details_open(&e)))
    };
    (open, ontoggle)
}
