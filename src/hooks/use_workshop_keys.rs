//! Workshop mode's keys: what a keyboard or a presentation clicker does on the projector.

use yew::prelude::*;

use crate::platform::workshop as web;
use crate::state::{Action, AppState, WorkshopAction};

/// Arrows, PageUp/PageDown (clickers), `n`/`p`, Home and End step through the deck; `Q`
/// shows or hides the big QR code; `S` the side-by-side slide; `F` toggles full screen;
/// `Esc` closes the QR code, then the pack panel (`panel`), then the side-by-side slide
/// (`side`), then leaves workshop mode. A text field keeps every key but
/// Esc; a focused slider or select keeps its arrows, Home and End; keys with Ctrl, Alt or
/// Meta are the browser's.
#[hook]
pub fn use_workshop_keys(
    dispatcher: UseReducerDispatcher<AppState>,
    qr: bool,
    side: bool,
    panel: UseStateHandle<bool>,
) {
    use_effect_with((qr, side, *panel), move |&(qr, side, panel_open)| {
        let guard = web::on_key(move |k| {
            if k.modified {
                return false;
            }
            let d = |a: WorkshopAction| dispatcher.dispatch(Action::Workshop(a));
            let text = k.field == web::Field::Text;
            // A focused slider or select keeps its own arrows, Home and End.
            let control = k.field == web::Field::Control
                && matches!(
                    k.key.as_str(),
                    "ArrowRight" | "ArrowLeft" | "ArrowUp" | "ArrowDown" | "Home" | "End"
                );
            match k.key.as_str() {
                "Escape" => {
                    if qr {
                        d(WorkshopAction::Qr(Some(false)));
                    } else if panel_open {
                        panel.set(false);
                    } else if side {
                        d(WorkshopAction::Side(Some(false)));
                    } else {
                        d(WorkshopAction::Leave);
                    }
                    true
                }
                _ if text || control => false,
                // Clickers send PageDown/PageUp (some send the arrows).
                "PageDown" => {
                    d(WorkshopAction::Step(1));
                    true
                }
                "PageUp" => {
                    d(WorkshopAction::Step(-1));
                    true
                }
                "ArrowRight" | "ArrowDown" | "n" | "N" => {
                    d(WorkshopAction::Step(1));
                    true
                }
                "ArrowLeft" | "ArrowUp" | "p" | "P" => {
                    d(WorkshopAction::Step(-1));
                    true
                }
                "Home" => {
                    d(WorkshopAction::Go(0));
                    true
                }
                "End" => {
                    d(WorkshopAction::Step(i32::MAX));
                    true
                }
                "q" | "Q" => {
                    d(WorkshopAction::Qr(None));
                    true
                }
                "s" | "S" => {
                    d(WorkshopAction::Side(None));
                    true
                }
                "f" | "F" => {
                    web::toggle_fullscreen();
                    true
                }
                _ => false,
            }
        });
        move || drop(guard)
    });
}
