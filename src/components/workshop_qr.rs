//! The big QR code of the scenario on the projector.

use model::words::Ui;
use yew::prelude::*;

use super::use_app;
use crate::state::{Action, WorkshopAction};

/// The big QR code of the scenario on screen, for the room's phones.
#[component]
pub fn QrOverlay() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (shown, _) = app.shown();
    let link = use_state(String::new);
    {
        // The page's address is read in an effect: rendering stays free of the browser.
        let link = link.clone();
        use_effect_with(shown.clone(), move |s| {
            link.set(super::share::share_link(s));
        });
    }
    let code = use_memo((*link).clone(), |l| {
        if l.is_empty() {
            None
        } else {
            crate::qr::encode(l)
        }
    });
    let close = {
        let d = app.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::Qr(Some(false))))
        })
    };
    let title = Ui::WsQrLabel.fill(lang, &[&shown.name]);
    html! {
        <div class="ws-qr" role="dialog" aria-modal="true" aria-label={title.clone()}>
            <div class="ws-qr-card">
                if let Some(q) = (*code).clone() {
                    <div class="ws-qr-code" data-testid="workshop-qr" data-link={(*link).clone()}>
                        { Html::from_html_unchecked(AttrValue::from(q.to_svg(&title))) }
                    </div>
                } else if !link.is_empty() {
                    <p data-testid="workshop-qr-too-long">{ Ui::WsQrTooLong.get(lang) }</p>
                }
                <div class="ws-qr-text">
                    <p class="ws-qr-name">{ shown.name.clone() }</p>
                    <p>{ Ui::WsQrHelp.get(lang) }</p>
                    <p class="ws-qr-link" data-testid="workshop-qr-link">{ (*link).clone() }</p>
                    <button type="button" class="btn" data-testid="ws-qr-close" onclick={close}>
                        { Ui::WsQrClose.get(lang) }
                    </button>
                </div>
            </div>
        </div>
    }
}
