//! Share the open scenario: a link (`…/#s=<code>`, the model's codec) to copy, the phone's
//! share sheet (Web Share API) when there is one, and a QR code of the link drawn as SVG,
//! with a full-screen view for scanning from a projected screen.

use model::words::Ui;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::panel_button::PanelButton;
use super::{fill_html, strong, use_app};
use crate::platform::share as web;
use crate::qr;

/// The share link of a scenario on this page.
pub fn share_link(s: &model::Scenario) -> String {
    format!("{}{}", web::base_url(), model::fragment(s))
}

/// Where the copy went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    No,
    Yes,
    /// No clipboard: the text is selected for the person to copy.
    Selected,
}

/// The "Share" button and its panel.
#[component]
pub fn ShareButton() -> Html {
    let lang = use_app().lang;
    html! {
        <PanelButton class={classes!("btn")} testid="share-button" controls="share-panel"
            label={Ui::Share.get(lang)}
            panel={Callback::from(|close| html! { <SharePanel on_close={close}/> })}/>
    }
}

/// Props of [`SharePanel`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct SharePanelProps {
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// The link, copy and share buttons, and the QR code.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let scenario = app.scenario().clone();
    let link = use_memo(scenario.clone(), share_link);
    let code = use_memo(link.clone(), |l| qr::encode(l));
    let copied = use_state(|| Copied::No);
    let big = use_state(|| false);
    let share_error = use_state(|| None::<String>);
    {
        // A new link needs a new copy.
        let copied = copied.clone();
        use_effect_with(link.clone(), move |_| copied.set(Copied::No));
    }
    let copy = {
        let link = link.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let link = (*link).clone();
            let copied = copied.clone();
            spawn_local(async move {
                match web::copy_text(&link).await {
                    Ok(()) => copied.set(Copied::Yes),
                    Err(_) => {
                        web::select_input("share-link");
                        copied.set(Copied::Selected);
                    }
                }
            });
        })
    };
    let select_all = Callback::from(|_: FocusEvent| web::select_input("share-link"));
    let can_share = web::can_web_share();
    let share = {
        let link = link.clone();
        let name = scenario.name.clone();
        let share_error = share_error.clone();
        Callback::from(move |_: MouseEvent| {
            let link = (*link).clone();
            let name = name.clone();
            let share_error = share_error.clone();
            spawn_local(async move {
                let text = Ui::ShareText.fill(lang, &[&name]);
                match web::web_share(&name, &text, &link).await {
                    Ok(_) => share_error.set(None),
                    Err(why) => share_error.set(Some(why)),
                }
            });
        })
    };
    let toggle_big = {
        let big = big.clone();
        Callback::from(move |_: MouseEvent| big.set(!*big))
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_key = {
        let on_close = props.on_close.clone();
        let big = big.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                if *big {
                    big.set(false);
                } else {
                    on_close.emit(());
                }
            }
        })
    };
    let qr_title = Ui::ShareQrTitle.get(lang);
    html! {
        <section id="share-panel" class="popover share-panel" data-testid="share-panel" onkeydown={on_key}
            aria-label={Ui::ShareScenario.get(lang)}>
            <div class="popover-head">
                <h2>{ Ui::ShareScenario.get(lang) }</h2>
                <button type="button" class="btn ghost small" onclick={close} data-testid="share-close"
                    aria-label={Ui::Close.get(lang)}>{ "×" }</button>
            </div>
            <p class="muted small">
                { fill_html(Ui::ShareExplainer.get(lang), vec![strong(scenario.name.clone())]) }
            </p>
            <label class="field">
                <span>{ Ui::Link.get(lang) }</span>
                <input id="share-link" type="text" readonly=true data-testid="share-link" value={(*link).clone()}
                    onfocus={select_all} spellcheck="false"/>
            </label>
            <div class="share-actions">
                <button type="button" class="btn" data-testid="share-copy" onclick={copy}>
                    { Ui::CopyLink.get(lang) }
                </button>
                if can_share {
                    <button type="button" class="btn ghost" data-testid="share-native" onclick={share}>
                        { Ui::SendVia.get(lang) }
                    </button>
                }
                <span class="share-status" role="status" aria-live="polite" data-testid="share-status">
                    { match *copied {
                        Copied::No => "",
                        Copied::Yes => Ui::LinkCopied.get(lang),
                        Copied::Selected => Ui::LinkSelected.get(lang),
                    } }
                </span>
            </div>
            if let Some(why) = (*share_error).clone() {
                <p class="field-error" role="alert">{ Ui::ShareSheetFailed.fill(lang, &[&why]) }</p>
            }
            <p class="muted small">{ Ui::LinkLength.fill(lang, &[&link.chars().count().to_string()]) }</p>
            { match &*code {
                Some(q) => html! {
                    <figure class="share-qr-figure">
                        <QrSvg code={q.clone()} title={qr_title} testid="share-qr" class="share-qr"/>
                        <figcaption class="small muted">
                            { Ui::ScanToOpenScenario.get(lang) }
                        </figcaption>
                        <button type="button" class="btn ghost small" data-testid="share-qr-big" onclick={toggle_big.clone()}>
                            { Ui::EnlargeQr.get(lang) }
                        </button>
                    </figure>
                },
                None => html! {
                    <p class="warn" data-testid="share-qr-too-long">{ Ui::LinkTooLongForQr.get(lang) }</p>
                },
            } }
            if *big {
                if let Some(q) = &*code {
                    <div class="qr-fullscreen" data-testid="share-qr-fullscreen" role="dialog" aria-modal="true"
                        aria-label={qr_title} onclick={toggle_big.clone()}>
                        <QrSvg code={q.clone()} title={qr_title} testid="share-qr-large" class="qr-large"/>
                        <p>{ scenario.name.clone() }</p>
                        <button type="button" class="btn" onclick={toggle_big}>{ Ui::Close.get(lang) }</button>
                    </div>
                }
            }
        </section>
    }
}

/// Props of [`QrSvg`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct QrSvgProps {
    /// The code.
    pub code: qr::Qr,
    /// Accessible name.
    pub title: AttrValue,
    /// `data-testid`.
    pub testid: AttrValue,
    /// CSS class.
    #[prop_or_default]
    pub class: AttrValue,
}

/// A QR code as inline SVG, built as elements (no markup string reaches the DOM).
#[component]
pub fn QrSvg(props: &QrSvgProps) -> Html {
    let n = props.code.outer.to_string();
    html! {
        <svg class={props.class.clone()} data-testid={props.testid.clone()} viewBox={format!("0 0 {n} {n}")}
            role="img" aria-label={props.title.clone()} shape-rendering="crispEdges"
            data-modules={props.code.size.to_string()} data-ecc={props.code.ecc.to_string()}
            xmlns="http://www.w3.org/2000/svg">
            <title>{ props.title.clone() }</title>
            <rect width={n.clone()} height={n} fill="#fff"/>
            <path d={props.code.path.clone()} fill="#000"/>
        </svg>
    }
}
