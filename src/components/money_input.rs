//! A money field: typed in đồng with Vietnamese grouping ("1.250.000", "9,4 tỷ"), read back
//! in triệu/tỷ đồng, with its message beside it. A bad value never reaches the model: the
//! field keeps what the user typed, says what is wrong, and the last good figures stay.

use model::money::{MoneyParseError, fmt_int, parse_money};
use model::{Lang, Money};
use yew::prelude::*;

/// Props of [`MoneyInput`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct MoneyInputProps {
    /// The current amount.
    pub value: Money,
    /// `data-testid` of the input; the message gets `<testid>-error`.
    pub testid: AttrValue,
    /// Visible label (also the accessible name).
    pub label: AttrValue,
    /// Language of messages and grouping.
    pub lang: Lang,
    /// Called with every amount that parses.
    pub on_change: Callback<Money>,
    /// A refusal from the model for this field, already in the user's language.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Hide the label visually (it stays the accessible name).
    #[prop_or_default]
    pub hide_label: bool,
    /// Extra class on the wrapper.
    #[prop_or_default]
    pub class: Classes,
}

/// See the module docs.
#[component]
pub fn MoneyInput(props: &MoneyInputProps) -> Html {
    // Some(text) while the user is typing or the text does not parse.
    let text = use_state(|| None::<String>);
    let parse_error = use_state(|| None::<MoneyParseError>);
    // The amount when this round of typing began: while the text does not parse, the model
    // goes back to it, so a half-typed prefix ("999…" on the way to something too large)
    // never stays in the plan.
    let start = use_mut_ref(|| None::<Money>);
    // The last amount this field sent, to tell its own echo from a change made elsewhere.
    let emitted = use_mut_ref(|| None::<Money>);
    {
        // The amount changed from outside (optimiser, region switch): show it and end the
        // round of typing.
        let text = text.clone();
        let parse_error = parse_error.clone();
        let start = start.clone();
        let emitted = emitted.clone();
        use_effect_with(props.value, move |value| {
            if *emitted.borrow() != Some(*value) && text.is_some() {
                text.set(None);
                parse_error.set(None);
                *start.borrow_mut() = None;
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let parse_error = parse_error.clone();
        let on_change = props.on_change.clone();
        let lang = props.lang;
        let value = props.value;
        let start = start.clone();
        let emitted = emitted.clone();
        Callback::from(move |e: InputEvent| {
            let t = crate::platform::dom::value(&e);
            let first = *start.borrow_mut().get_or_insert(value);
            match parse_money(&t, lang) {
                Ok(m) => {
                    parse_error.set(None);
                    *emitted.borrow_mut() = Some(m);
                    on_change.emit(m);
                }
                Err(err) => {
                    parse_error.set(Some(err));
                    if value != first {
                        *emitted.borrow_mut() = Some(first);
                        on_change.emit(first);
                    }
                }
            }
            text.set(Some(t));
        })
    };
    let onblur = {
        let text = text.clone();
        let parse_error = parse_error.clone();
        let start = start.clone();
        let refused = props.error.is_some();
        Callback::from(move |_: FocusEvent| {
            // Keep what the user typed while it is wrong, so nothing typed is lost.
            if parse_error.is_none() && !refused {
                text.set(None);
                *start.borrow_mut() = None;
            }
        })
    };
    let shown = match &*text {
        Some(t) => t.clone(),
        None => fmt_int(props.value.0, props.lang),
    };
    let message: Option<String> = parse_error
        .as_ref()
        .map(|e| e.message(props.lang))
        .or_else(|| props.error.as_ref().map(|e| e.to_string()));
    let id = format!("in-{}", props.testid);
    let err_id = format!("{}-error", props.testid);
    let readback = if parse_error.is_none() {
        crate::format::money(props.value, props.lang)
    } else {
        String::new()
    };
    html! {
        <div class={classes!("money-field", message.is_some().then_some("invalid"), props.class.clone())}>
            <label for={id.clone()} class={classes!(props.hide_label.then_some("sr-only"))}>{ props.label.clone() }</label>
            <div class="money-row">
                <input
                    id={id}
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid={props.testid.clone()}
                    data-value={props.value.0.to_string()}
                    aria-invalid={message.is_some().to_string()}
                    aria-describedby={err_id.clone()}
                    value={shown}
                    {oninput}
                    {onblur}
                />
                <span class="unit" aria-hidden="true">{ "đ" }</span>
            </div>
            <div class="field-readback" aria-live="polite">{ readback }</div>
            if let Some(m) = message {
                <p id={err_id} class="field-error" role="alert" data-testid={format!("{}-error", props.testid)}>{ m }</p>
            } else {
                <p id={err_id} class="field-error empty"></p>
            }
        </div>
    }
}
