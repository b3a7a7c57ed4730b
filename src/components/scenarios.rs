//! The working set as tabs (like sheets in a workbook): switch between scenarios, add a new
//! one, duplicate, rename or delete the open one. Names are shown as text, never markup.

use model::FieldPath;
use model::words::Ui;
use yew::prelude::*;

use super::storage::StorageButton;
use super::use_app;
use crate::platform::dom;
use crate::state::{Action, BookAction};

/// See the module docs.
#[component]
pub fn ScenarioBar() -> Html {
    let app = use_app();
    let lang = app.lang;
    let renaming = use_state(|| false);
    let confirm_delete = use_state(|| false);
    let input = use_node_ref();
    let list = use_node_ref();
    let current = app.current.min(app.entries.len().saturating_sub(1));
    let Some(open) = app.entries.get(current).cloned() else {
        return html! {};
    };
    let dispatch = |a: BookAction| {
        let app = app.clone();
        let renaming = renaming.clone();
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| {
            renaming.set(false);
            confirm_delete.set(false);
            app.dispatch(Action::Book(a.clone()));
        })
    };
    let start_rename = {
        let renaming = renaming.clone();
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_delete.set(false);
            renaming.set(true);
        })
    };
    let cancel_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(false))
    };
    let save_rename = {
        let app = app.clone();
        let renaming = renaming.clone();
        let input = input.clone();
        let id = open.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(name) = dom::node_value(&input) {
                app.dispatch(Action::Book(BookAction::Rename { id, name }));
            }
            renaming.set(false);
        })
    };
    let on_rename_key = {
        let renaming = renaming.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                renaming.set(false);
            }
        })
    };
    let ask_delete = {
        let renaming = renaming.clone();
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| {
            renaming.set(false);
            confirm_delete.set(true);
        })
    };
    let keep = {
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| confirm_delete.set(false))
    };
    // Fill and focus the rename field when it opens. The field is not bound to the state
    // (no `value` prop): a re-render while typing (the Monte Carlo band arriving) would
    // otherwise put the old name back.
    {
        let input = input.clone();
        let name = open.scenario.name.clone();
        use_effect_with(*renaming, move |open| {
            if *open {
                dom::fill_and_select(&input, &name);
            }
        });
    }
    // Keep the open tab in view when the list scrolls sideways (phones, many scenarios).
    {
        let list = list.clone();
        use_effect_with(open.id, move |_| {
            dom::keep_in_view(&list, "[aria-current='page']")
        });
    }
    let name_error = app.rejection(&FieldPath::Name);
    let n = app.entries.len();
    html! {
        <nav class="scenario-bar" aria-label={Ui::YourScenarios.get(lang)} data-testid="scenario-bar">
            <span class="scenario-count" data-testid="scenario-count" data-value={n.to_string()}>
                { Ui::Scenarios.get(lang) }{ " (" }{ n }{ ")" }
            </span>
            <ul class="scenario-tabs" ref={list}>
                { for app.entries.iter().enumerate().map(|(i, e)| {
                    let is_open = i == current;
                    let select = dispatch(BookAction::Select(e.id));
                    html! {
                        <li key={e.id}>
                            <button type="button" class={classes!("scenario-tab", is_open.then_some("open"))}
                                data-testid={format!("scenario-tab-{}", i)} data-id={e.id.to_string()}
                                aria-current={is_open.then_some("page")}
                                title={e.scenario.name.clone()} onclick={select}>
                                if is_open { <span class="tab-mark" aria-hidden="true">{ "● " }</span> }
                                <span class="scenario-name">{ display_name(&e.scenario.name, lang) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <div class="scenario-actions">
                <button type="button" class="btn ghost small" data-testid="scenario-new" onclick={dispatch(BookAction::New)}>
                    { Ui::NewScenario.get(lang) }
                </button>
                <button type="button" class="btn ghost small" data-testid="scenario-duplicate" onclick={dispatch(BookAction::Duplicate(open.id))}>
                    { Ui::Duplicate.get(lang) }
                </button>
                <button type="button" class="btn ghost small" data-testid="scenario-rename" onclick={start_rename}>
                    { Ui::Rename.get(lang) }
                </button>
                <button type="button" class="btn ghost small danger" data-testid="scenario-delete" onclick={ask_delete}>
                    { Ui::Delete.get(lang) }
                </button>
                <StorageButton/>
            </div>
            if *renaming {
                <form class="scenario-rename" onsubmit={save_rename}>
                    <label>
                        <span>{ Ui::NewScenarioName.get(lang) }</span>
                        <input ref={input} type="text" maxlength="120" data-testid="scenario-rename-input"
                            onkeydown={on_rename_key}/>
                    </label>
                    <button type="submit" class="btn small" data-testid="scenario-rename-save">{ Ui::SaveName.get(lang) }</button>
                    <button type="button" class="btn ghost small" onclick={cancel_rename}>{ Ui::Cancel.get(lang) }</button>
                </form>
            }
            if *confirm_delete {
                <div class="scenario-confirm" role="alert" data-testid="scenario-delete-ask">
                    <p>
                        { if n == 1 {
                            Ui::DeleteOnlyScenario.fill(lang, &[&open.scenario.name])
                        } else {
                            Ui::DeleteScenario.fill(lang, &[&open.scenario.name])
                        } }
                    </p>
                    <button type="button" class="btn small danger-solid" data-testid="scenario-delete-confirm"
                        onclick={dispatch(BookAction::Delete(open.id))}>{ Ui::Delete.get(lang) }</button>
                    <button type="button" class="btn ghost small" data-testid="scenario-delete-cancel" onclick={keep}>
                        { Ui::KeepIt.get(lang) }
                    </button>
                </div>
            }
            if let Some(m) = name_error { <p class="field-error" role="alert" data-testid="scenario-rename-error">{ m }</p> }
        </nav>
    }
}

/// A name for lists: the name, or "(chưa đặt tên)" when empty.
pub fn display_name(name: &str, lang: model::Lang) -> String {
    if name.trim().is_empty() {
        Ui::Untitled.get(lang).to_string()
    } else {
        name.to_string()
    }
}
