//! A header button that opens and closes its panel (share, export/import): the open state,
//! `aria-expanded`/`aria-controls`, and a close callback handed to the panel.

use yew::prelude::*;

/// Props of [`PanelButton`].
#[derive(Properties, PartialEq, Clone)]
pub struct PanelButtonProps {
    /// The button's text.
    pub label: AttrValue,
    /// Its `data-testid`.
    pub testid: AttrValue,
    /// The id of the panel it controls.
    pub controls: AttrValue,
    /// CSS classes of the button.
    pub class: Classes,
    /// Renders the open panel, given the callback that closes it.
    pub panel: Callback<Callback<()>, Html>,
}

/// See the module docs.
#[component]
pub fn PanelButton(props: &PanelButtonProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    html! {
        <>
            <button type="button" class={props.class.clone()} data-testid={props.testid.clone()}
                aria-expanded={open.to_string()} aria-controls={props.controls.clone()} onclick={toggle}>
                { props.label.clone() }
            </button>
            if *open { { props.panel.emit(close) } }
        </>
    }
}
