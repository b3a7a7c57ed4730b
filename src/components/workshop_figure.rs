//! A big figure of workshop mode that counts from its previous value to the new one. Its
//! exact value is in `data-value` at all times; only the text counts up to it (skipped
//! when the person asked for reduced motion).

use model::Lang;
use yew::prelude::*;

use crate::format;
use crate::platform::workshop as web;

/// How long a figure counts from one scenario to the next, ms.
const COUNT_MS: f64 = 650.0;

/// How a figure is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fmt {
    /// Deaths (one decimal below 100).
    Deaths,
    /// A rate per 100.000.
    Rate,
    /// A share as a percentage.
    Pct,
    /// A count of children.
    Count,
}

impl Fmt {
    fn write(self, v: f64, lang: Lang) -> String {
        match self {
            Fmt::Deaths => format::deaths(v, lang),
            Fmt::Rate => format::rate(v, lang),
            Fmt::Pct => format::pct(v, lang),
            Fmt::Count => format::count_f(v, lang),
        }
    }
}

/// Props of [`Figure`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct FigureProps {
    /// `data-testid`.
    pub testid: AttrValue,
    /// The exact value (always in `data-value`).
    pub value: f64,
    /// How to write it.
    pub fmt: Fmt,
    /// Language.
    pub lang: Lang,
    /// What it is.
    pub label: AttrValue,
    /// A second line.
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    /// The headline figure.
    #[prop_or_default]
    pub main: bool,
}

/// A big figure that counts from its previous value to the new one.
#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let value = props.value;
    let shown = use_state_eq(|| value);
    let at = use_mut_ref(|| value);
    let running = use_mut_ref(|| None::<web::Animation>);
    {
        let shown = shown.clone();
        use_effect_with(value.to_bits(), move |_| {
            let from = *at.borrow();
            let to = value;
            let still = !from.is_finite() || !to.is_finite() || from == to;
            if still || web::reduced_motion() {
                running.borrow_mut().take();
                *at.borrow_mut() = to;
                shown.set(to);
            } else {
                let at = at.clone();
                let shown = shown.clone();
                let anim = web::animate(COUNT_MS, move |t| {
                    // Ease out: fast at first, settling on the exact value.
                    let e = 1.0 - (1.0 - t).powi(3);
                    let v = if t >= 1.0 { to } else { from + (to - from) * e };
                    *at.borrow_mut() = v;
                    shown.set(v);
                });
                *running.borrow_mut() = Some(anim);
            }
        });
    }
    let text = props.fmt.write(*shown, props.lang);
    html! {
        <div class={classes!("ws-fig", props.main.then_some("main"))} data-testid={props.testid.clone()}
            data-value={value.to_string()}>
            <div class="ws-fig-value" aria-hidden="true">{ text }</div>
            // Screen readers get the final figure at once, not every frame of the count.
            <span class="sr-only">{ props.fmt.write(value, props.lang) }</span>
            <div class="ws-fig-text">
                <div class="ws-fig-label">{ props.label.clone() }</div>
                if let Some(d) = &props.detail {
                    <div class="ws-fig-detail">{ d.clone() }</div>
                }
            </div>
        </div>
    }
}
