//! Handing in a plan (issue 16), the participant's side: a header button that shows, over
//! the whole screen, a large QR code of her plan's share link under her name or table label
//! (editable; it becomes the plan's name, which is how the room tells participants apart),
//! and the link to send (the phone's share sheet, or copy). Works offline: the code is
//! drawn in the page.

use model::scenario::MAX_NAME;
use model::words::room::RoomWords;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::share::{QrSvg, share_link};
use super::use_app;
use crate::platform::{dom, share as web};
use crate::qr;
use crate::state::{Action, BookAction};

/// The "hand in my plan" button and its screen.
#[component]
pub fn HandIn() -> Html {
    let app = use_app();
    let lang = app.lang;
    let open = use_state_eq(|| false);
    let label = use_state_eq(|| None::<String>);
    let copied = use_state_eq(|| None::<bool>);
    let entry = &app.entries[app.current.min(app.entries.len() - 1)];
    let name = (*label)
        .clone()
        .unwrap_or_else(|| entry.scenario.name.clone());
    let mut plan = entry.scenario.clone();
    plan.name = name.trim().chars().take(MAX_NAME).collect();
    let show = *open;
    // The page's address is read only while the screen shows.
    let link = use_memo((plan, show), |(p, show)| {
        if *show { share_link(p) } else { String::new() }
    });
    let code = use_memo(link.clone(), |l| {
        if l.is_empty() { None } else { qr::encode(l) }
    });

    let toggle = {
        let (open, label, copied) = (open.clone(), label.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            label.set(None);
            copied.set(None);
            open.set(!*open);
        })
    };
    let on_input = {
        let label = label.clone();
        Callback::from(move |e: InputEvent| label.set(Some(dom::value(&e))))
    };
    // The label is kept as the plan's name once typed (the working set remembers it).
    let on_change = {
        let d = app.dispatcher();
        let id = entry.id;
        Callback::from(move |e: Event| {
            d.dispatch(Action::Book(BookAction::Rename {
                id,
                name: dom::value(&e),
            }))
        })
    };
    let copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (link, copied) = ((*link).clone(), copied.clone());
            spawn_local(async move {
                let ok = web::copy_text(&link).await.is_ok();
                if !ok {
                    web::select_input("hand-in-link");
                }
                copied.set(Some(ok));
            });
        })
    };
    let send = {
        let (link, title) = (link.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let (link, title) = ((*link).clone(), title.clone());
            spawn_local(async move {
                let text = RoomWords::HandInTitle.get(lang);
                let _ = web::web_share(&title, text, &link).await;
            });
        })
    };
    let qr_title = RoomWords::HandInQrLabel.fill(lang, &[&name]);
    html! {
        <>
            <button type="button" class="btn" data-testid="hand-in" onclick={toggle.clone()}
                aria-expanded={show.to_string()}>
                { RoomWords::HandIn.get(lang) }
            </button>
            if show {
                <div class="hand-in" role="dialog" aria-modal="true" data-testid="hand-in-screen"
                    aria-label={RoomWords::HandInTitle.get(lang)}>
                    <h2>{ RoomWords::HandInTitle.get(lang) }</h2>
                    <label class="field">
                        <span>{ RoomWords::HandInLabel.get(lang) }</span>
                        <input type="text" data-testid="hand-in-name" value={name.clone()}
                            maxlength={MAX_NAME.to_string()} oninput={on_input} onchange={on_change}/>
                    </label>
                    { match &*code {
                        Some(q) => html! {
                            <div class="hand-in-qr" data-testid="hand-in-qr" data-link={(*link).clone()}>
                                <QrSvg code={q.clone()} title={qr_title} testid="hand-in-qr-svg"/>
                                <p class="hand-in-name">{ name.clone() }</p>
                            </div>
                        },
                        None => html! { <p class="warn">{ RoomWords::HandInTooLong.get(lang) }</p> },
                    } }
                    <p class="small">{ RoomWords::HandInHelp.get(lang) }</p>
                    <input id="hand-in-link" class="hand-in-link" type="text" readonly=true
                        data-testid="hand-in-link" value={(*link).clone()} spellcheck="false"/>
                    <div class="hand-in-actions">
                        if web::can_web_share() {
                            <button type="button" class="btn" data-testid="hand-in-share" onclick={send}>
                                { RoomWords::HandInShare.get(lang) }
                            </button>
                        }
                        <button type="button" class="btn ghost" data-testid="hand-in-copy" onclick={copy}>
                            { RoomWords::HandInCopy.get(lang) }
                        </button>
                        <button type="button" class="btn ghost" data-testid="hand-in-close" onclick={toggle}>
                            { RoomWords::HandInClose.get(lang) }
                        </button>
                    </div>
                    <p class="small" role="status" aria-live="polite">
                        { match *copied {
                            Some(true) => RoomWords::HandInCopied.get(lang),
                            Some(false) => RoomWords::HandInSelect.get(lang),
                            None => "",
                        } }
                    </p>
                </div>
            }
        </>
    }
}
