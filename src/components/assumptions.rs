//! Every parameter in use — unit costs, effects, coverage caps, durability, baseline rates,
//! population — with its source and confidence, editable, with "reset to default". Edited
//! values are marked here and on the lines they change.

use model::assumptions::{Assumption, AssumptionValue, Unit};
use model::fmt;
use model::words::{Common, Ui};
use model::{FieldPath, Lang, Money};
use yew::prelude::*;

use super::money_input::MoneyInput;
use super::plan::conf_class;
use super::use_app;
use crate::hooks::use_details_open;
use crate::platform::dom;
use crate::state::{Action, Edit};

/// See the module docs.
#[component]
pub fn AssumptionsPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    // The table has some 60 rows of inputs: build it only while it is open, so slider drags
    // elsewhere do not pay for it.
    let (open, ontoggle) = use_details_open();
    let s = app.scenario().clone();
    let edited_count = if *open {
        0
    } else {
        usize::from(!s.overrides.is_empty())
    };
    let reset_all = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::ResetAssumptions)))
    };
    html! {
        <section class="panel assumptions" aria-labelledby="asm-h">
            <details data-testid="assumptions" {ontoggle} open={*open}>
                <summary><h2 id="asm-h" class="inline">{ Ui::AssumptionsAndSources.get(lang) }</h2>
                    if edited_count > 0 { <span class="badge edited">{ Ui::SomeEdited.get(lang) }</span> }
                </summary>
                if *open {
                    <p class="muted small">{ Ui::AssumptionsNote.get(lang) }</p>
                    if !s.overrides.is_empty() {
                        <button type="button" class="btn ghost small" data-testid="assumptions-reset-all" onclick={reset_all}>
                            { Ui::ResetAll.get(lang) }</button>
                    }
                    <AssumptionTable/>
                }
            </details>
        </section>
    }
}

#[component]
fn AssumptionTable() -> Html {
    let app = use_app();
    let lang = app.lang;
    let rows = model::assumptions(app.scenario());
    let mut group = String::new();
    let mut out = Vec::new();
    for a in rows {
        let g = a.group(lang);
        if g != group {
            out.push(html! { <tr class="group"><th colspan="4" scope="colgroup">{ g.clone() }</th></tr> });
            group = g;
        }
        let k = a.key.clone();
        out.push(html! { <AssumptionRow key={k} a={a} /> });
    }
    html! {
        <div class="table-wrap">
            <table class="assumption-table">
                <thead><tr>
                    <th scope="col">{ Common::Assumption.get(lang) }</th>
                    <th scope="col">{ Common::Value.get(lang) }</th>
                    <th scope="col">{ Common::Confidence.get(lang) }</th>
                    <th scope="col">{ Common::Source.get(lang) }</th>
                </tr></thead>
                <tbody>{ for out }</tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone, Debug)]
struct RowProps {
    a: Assumption,
}

#[component]
fn AssumptionRow(props: &RowProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let a = &props.a;
    let key = a.key.replace('.', "-");
    let editor = match &a.field {
        Some(field) => editor(field, a, &key, lang, &app),
        None => html! { <span class="num">{ a.display(lang) }</span> },
    };
    let reset = a.field.clone().filter(|_| a.edited).map(|field| {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Edit(Edit::Assumption {
                field: field.clone(),
                value: None,
            }))
        })
    });
    let error = a.field.as_ref().and_then(|f| app.rejection(f));
    html! {
        <tr class={classes!(a.edited.then_some("edited"))} data-testid={format!("asm-{key}")} data-edited={a.edited.to_string()}>
            <th scope="row">{ a.label(lang).to_string() }<div class="muted small">{ a.unit_label(lang) }</div></th>
            <td>
                { editor }
                if let Some(r) = reset {
                    <button type="button" class="btn ghost small" data-testid={format!("asm-reset-{key}")} onclick={r}>{ Ui::Default.get(lang) }</button>
                }
                if let Some(e) = error { <p class="field-error" role="alert">{ e }</p> }
            </td>
            <td><span class={classes!("conf", conf_class(a.confidence))}>{ a.confidence.label(lang) }</span></td>
            <td class="src">{ model::data::source_text(a.source, lang) }</td>
        </tr>
    }
}

/// Shares are typed in percent; other numbers as they are.
fn scale(unit: Unit) -> f64 {
    match unit {
        Unit::Share | Unit::SharePerYear => 100.0,
        _ => 1.0,
    }
}

fn editor(
    field: &FieldPath,
    a: &Assumption,
    key: &str,
    lang: Lang,
    app: &crate::state::AppContext,
) -> Html {
    let k = scale(a.unit);
    let send = {
        let app = app.clone();
        let field = field.clone();
        move |v: AssumptionValue| {
            app.dispatch(Action::Edit(Edit::Assumption {
                field: field.clone(),
                value: Some(v),
            }))
        }
    };
    let number = |id: String, value: f64, label: String, on: Callback<f64>| {
        let onchange = Callback::from(move |e: Event| {
            if let Some(x) = fmt::parse_number(&dom::value(&e), lang) {
                on.emit(x / k);
            }
        });
        html! {
            <input type="text" inputmode="decimal" class="num-input" data-testid={id} aria-label={label}
                value={fmt::fmt_num(value * k, 4, lang)} {onchange}/>
        }
    };
    let label = a.label(lang).to_string();
    match a.value {
        AssumptionValue::Number { value } => {
            let send = send.clone();
            number(
                format!("asm-in-{key}"),
                value,
                label,
                Callback::from(move |x| send(AssumptionValue::Number { value: x })),
            )
        }
        AssumptionValue::Range { low, mode, high } => {
            let part = |which: usize, v: f64, name: &str| {
                let send = send.clone();
                let on = Callback::from(move |x: f64| {
                    let mut t = [low, mode, high];
                    t[which] = x;
                    send(AssumptionValue::Range {
                        low: t[0],
                        mode: t[1],
                        high: t[2],
                    });
                });
                number(
                    format!("asm-in-{key}-{name}"),
                    v,
                    format!("{label} ({name})"),
                    on,
                )
            };
            html! { <div class="range-in">{ part(0, low, "low") }{ part(1, mode, "mode") }{ part(2, high, "high") }</div> }
        }
        AssumptionValue::Money { value } => {
            let send = send.clone();
            html! { <MoneyInput value={value} testid={format!("asm-in-{key}")} label={label} hide_label=true lang={lang}
            on_change={Callback::from(move |m: Money| send(AssumptionValue::Money { value: m }))} class="compact"/> }
        }
        AssumptionValue::MoneyRange { low, mode, high } => {
            let part = |which: usize, v: Money, name: &str| {
                let send = send.clone();
                let on = Callback::from(move |m: Money| {
                    let mut t = [low, mode, high];
                    t[which] = m;
                    send(AssumptionValue::MoneyRange {
                        low: t[0],
                        mode: t[1],
                        high: t[2],
                    });
                });
                html! { <MoneyInput value={v} testid={format!("asm-in-{key}-{name}")} label={format!("{label} ({name})")}
                hide_label=true lang={lang} on_change={on} class="compact"/> }
            };
            html! { <div class="range-in">{ part(0, low, "low") }{ part(1, mode, "mode") }{ part(2, high, "high") }</div> }
        }
    }
}
