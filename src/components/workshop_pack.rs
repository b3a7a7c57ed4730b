//! The workshop pack panel: choose the scenarios of the workshop (and add ones colleagues
//! sent as links), name it, and hand it on as one link `…/#w=<code>` or one JSON file that
//! opens straight into workshop mode on another machine. It also says whether this
//! browser can run the workshop without a connection.

use model::words::Ui;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::use_app;
use crate::platform::dom::{self, FileInput};
use crate::platform::{download, share as web, sw};
use crate::state::workshop::deck_pack;
use crate::state::{Action, WorkshopAction};

/// Props of [`PackPanel`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct PackPanelProps {
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// Whether the app would start without the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offline {
    Unknown,
    Ready,
    NotYet,
}

/// See the module docs.
#[component]
pub fn PackPanel(props: &PackPanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let d = app.dispatcher();
    let slides = app.slides();
    let pack = deck_pack(&app);
    let base = use_state(String::new);
    let offline = use_state_eq(|| Offline::Unknown);
    let online = use_state_eq(|| true);
    let copied = use_state_eq(|| false);
    let added = use_state(String::new);
    {
        let base = base.clone();
        let offline = offline.clone();
        let online = online.clone();
        use_effect_with((), move |_| {
            base.set(web::base_url());
            online.set(sw::online());
            offline.set(if sw::controlled() {
                Offline::Ready
            } else {
                Offline::NotYet
            });
            let ready = {
                let offline = offline.clone();
                sw::on_controlled(move || offline.set(Offline::Ready))
            };
            let net = {
                let online = online.clone();
                sw::on_online_change(move |on| online.set(on))
            };
            move || {
                drop(ready);
                drop(net);
            }
        });
    }
    let link = match &pack {
        Ok(p) if !base.is_empty() => Some(format!("{}{}", *base, model::pack::fragment(p))),
        _ => None,
    };
    {
        let copied = copied.clone();
        use_effect_with(link.clone(), move |_| copied.set(false));
    }
    let copy = {
        let link = link.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(link) = link.clone() else { return };
            let copied = copied.clone();
            spawn_local(async move {
                match web::copy_text(&link).await {
                    Ok(()) => copied.set(true),
                    Err(_) => web::select_input("pack-link"),
                }
            });
        })
    };
    let save = {
        let pack = pack.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(p) = &pack {
                let stem = if p.title.trim().is_empty() {
                    "hoi-thao".to_string()
                } else {
                    model::file_name::stem(&p.title)
                };
                let _ = download::download_text(
                    &format!("{stem}.kehoach-pack.json"),
                    "application/json",
                    &model::pack::to_json(p),
                );
            }
        })
    };
    let open_file = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let Some(input) = FileInput::of_event(&e) else {
                return;
            };
            let d = d.clone();
            spawn_local(async move {
                let read = input.read(model::pack::MAX_PACK_JSON).await;
                let opened = match read {
                    Ok(None) => return,
                    Ok(Some((_, text))) => model::pack::from_json(&text),
                    Err(why) => Err(model::pack::PackError::Json(why)),
                };
                d.dispatch(Action::Workshop(WorkshopAction::OpenPack(opened)));
            });
        })
    };
    let title_input = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::Title(dom::value(&e))));
        })
    };
    let add_text = {
        let added = added.clone();
        Callback::from(move |e: InputEvent| added.set(dom::value(&e)))
    };
    let add = {
        let d = d.clone();
        let added = added.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = added.trim().to_string();
            if !text.is_empty() {
                d.dispatch(Action::Workshop(WorkshopAction::AddLink(text)));
                added.set(String::new());
            }
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let side = {
        let d = d.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::Side(None)));
            on_close.emit(());
        })
    };
    html! {
        <section class="ws-pack" id="ws-pack" data-testid="ws-pack" aria-labelledby="ws-pack-h">
            <div class="ws-pack-head">
                <h3 id="ws-pack-h">{ Ui::WsPack.get(lang) }</h3>
                <button type="button" class="btn ghost small" onclick={close}
                    aria-label={Ui::Close.get(lang)}>{ "×" }</button>
            </div>
            <p class="muted small">{ Ui::PackHelp.get(lang) }</p>
            <div class="ws-pack-grid">
                <div>
                    <label class="field">
                        <span>{ Ui::PackTitle.get(lang) }</span>
                        <input type="text" data-testid="pack-title" maxlength="120"
                            value={app.workshop.title.clone()} oninput={title_input}
                            placeholder={Ui::PackTitlePlaceholder.get(lang)}/>
                    </label>
                    <fieldset class="ws-pack-list">
                        <legend>{ Ui::PackScenarios.get(lang) }</legend>
                        { for app.entries.iter().map(|e| {
                            let id = e.id;
                            let on = slides.contains(&id);
                            let onchange = {
                                let d = d.clone();
                                Callback::from(move |ev: Event| {
                                    d.dispatch(Action::Workshop(WorkshopAction::InDeck { id, on: dom::checked(&ev) }));
                                })
                            };
                            let number = slides.iter().position(|s| *s == id).map(|i| i + 1);
                            html! {
                                <label class="ws-pack-item">
                                    <input type="checkbox" data-testid={format!("pack-in-{id}")} checked={on} onchange={onchange}/>
                                    <span class="ws-pack-no">{ number.map(|n| n.to_string()).unwrap_or_default() }</span>
                                    <span>{ e.scenario.name.clone() }</span>
                                </label>
                            }
                        }) }
                    </fieldset>
                    <button type="button" class="btn small" data-testid="pack-side" disabled={slides.len() < 2}
                        aria-pressed={app.workshop.side.to_string()} onclick={side}
                        title={Ui::WsSideTitle.get(lang)}>
                        { "▥ " }{ Ui::WsSide.get(lang) }
                    </button>
                    <form class="ws-pack-add" onsubmit={add}>
                        <label class="field">
                            <span>{ Ui::PackAddLabel.get(lang) }</span>
                            <input type="text" data-testid="pack-add-input" value={(*added).clone()} oninput={add_text}
                                autocomplete="off" spellcheck="false"/>
                        </label>
                        <button type="submit" class="btn small" data-testid="pack-add">{ Ui::PackAdd.get(lang) }</button>
                    </form>
                </div>
                <div>
                    { match (&pack, &link) {
                        (Ok(p), Some(link)) => html! {
                            <>
                                <label class="field">
                                    <span>{ Ui::PackLink.fill(lang, &[&p.scenarios.len().to_string()]) }</span>
                                    <input type="text" id="pack-link" data-testid="pack-link" readonly=true value={link.clone()}
                                        data-length={link.len().to_string()}/>
                                </label>
                                <div class="ws-pack-buttons">
                                    <button type="button" class="btn small" data-testid="pack-copy" onclick={copy}>
                                        if *copied { { Ui::PackCopied.get(lang) } } else { { Ui::PackCopy.get(lang) } }
                                    </button>
                                    <button type="button" class="btn ghost small" data-testid="pack-download" onclick={save}>
                                        { Ui::PackDownload.get(lang) }
                                    </button>
                                    <label class="btn ghost small ws-file">
                                        { Ui::PackOpenFile.get(lang) }
                                        <input type="file" accept=".json,application/json" data-testid="pack-open-file"
                                            class="sr-only" onchange={open_file}/>
                                    </label>
                                </div>
                            </>
                        },
                        (Err(e), _) => html! {
                            <p class="field-error" data-testid="pack-error">{ e.message(lang) }</p>
                        },
                        _ => html! {},
                    } }
                    <p class={classes!("ws-offline", matches!(*offline, Offline::Ready).then_some("ready"))} data-testid="offline-status"
                        data-ready={matches!(*offline, Offline::Ready).to_string()} data-online={online.to_string()}>
                        { match (*offline, *online) {
                            (Offline::Ready, true) => Ui::PackOfflineReady.get(lang),
                            (Offline::Ready, false) => Ui::PackOfflineNow.get(lang),
                            (_, false) => Ui::PackOfflineNotStored.get(lang),
                            (Offline::NotYet, true) => Ui::PackStoring.get(lang),
                            (Offline::Unknown, true) => "",
                        } }
                    </p>
                </div>
            </div>
        </section>
    }
}
