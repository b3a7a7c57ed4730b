//! The "what if" sliders of workshop mode: questions from the room, tried on a copy of the
//! scenario on screen.

use model::Money;
use model::words::Ui;
use yew::prelude::*;

use super::use_app;
use crate::format;
use crate::platform::dom;
use crate::state::workshop::{WHAT_IF_LINES, slider_range};
use crate::state::{Action, WorkshopAction};

/// The "what if" sliders: a trial of the scenario on screen, never saved unless kept.
#[component]
pub fn WhatIf() -> Html {
    let app = use_app();
    let lang = app.lang;
    let base = app.scenario().clone();
    let trial = app.trial().cloned();
    let d = app.dispatcher();
    let reset = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::ResetWhatIf))
        })
    };
    let keep = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::KeepWhatIf))
        })
    };
    html! {
        <section class="ws-whatif" aria-labelledby="ws-whatif-h">
            <h3 id="ws-whatif-h">{ Ui::WhatIfHeading.get(lang) }</h3>
            { for WHAT_IF_LINES.iter().map(|line| {
                let (max, step) = slider_range(&base, line);
                let now = trial.as_ref().and_then(|t| t.amounts.get(*line).copied())
                    .or_else(|| base.allocation.get(*line).copied())
                    .unwrap_or(Money(0));
                let name = crate::charts::line_names(line, lang).1;
                let id = format!("whatif-{line}");
                let oninput = {
                    let d = d.clone();
                    let line = line.to_string();
                    Callback::from(move |e: InputEvent| {
                        if let Ok(x) = dom::value(&e).parse::<f64>() {
                            if x.is_finite() && x >= 0.0 {
                                d.dispatch(Action::Workshop(WorkshopAction::WhatIf {
                                    line: line.clone(),
                                    amount: Money(x.round() as i64),
                                }));
                            }
                        }
                    })
                };
                html! {
                    <label class="ws-slider" for={id.clone()}>
                        <span class="ws-slider-name">{ name }</span>
                        <input type="range" id={id.clone()} data-testid={id} min="0" max={max.0.to_string()}
                            step={step.0.to_string()} value={now.0.to_string()} oninput={oninput}
                            aria-valuetext={format!("{} {}", format::money(now, lang), Ui::WhatIfAYear.get(lang))}/>
                        <span class="ws-slider-value" data-value={now.0.to_string()}>
                            { format::money(now, lang) }{ Ui::WhatIfPerYear.get(lang) }
                        </span>
                    </label>
                }
            }) }
            <div class="ws-whatif-actions">
                if let Some(t) = &trial {
                    if t.extra_budget.0 > 0 {
                        <span class="ws-extra" data-testid="whatif-extra" data-value={t.extra_budget.0.to_string()}>
                            { Ui::WhatIfNeeds.get(lang) }{ format::money(t.extra_budget, lang) }
                            { Ui::WhatIfNeedsMore.get(lang) }
                        </span>
                    }
                    <button type="button" class="btn ghost small" data-testid="whatif-reset" onclick={reset}>
                        { Ui::WhatIfReset.get(lang) }
                    </button>
                    <button type="button" class="btn small" data-testid="whatif-keep" onclick={keep}>
                        { Ui::WhatIfKeep.get(lang) }
                    </button>
                } else {
                    <span class="muted">{ Ui::WhatIfHelp.get(lang) }</span>
                }
            </div>
        </section>
    }
}
