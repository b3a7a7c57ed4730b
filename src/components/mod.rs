//! Components, one per file.
pub mod assumptions;
pub mod budget;
pub mod charts_panel;
pub mod compare;
pub mod document;
pub mod export;
pub mod hand_in;
pub mod header;
pub mod kpis;
pub mod lines;
pub mod mini_summary;
pub mod money_input;
pub mod notice;
pub mod optimise;
pub mod panel_button;
pub mod plan;
pub mod print;
pub mod room;
pub mod room_scan;
pub mod scenarios;
pub mod share;
pub mod storage;
pub mod targets;
pub mod undo;
pub mod workshop_badges;
pub mod workshop_figure;
pub mod workshop_pack;
pub mod workshop_qr;
pub mod workshop_side;
pub mod workshop_toggle;
pub mod workshop_view;
pub mod workshop_what_if;

pub use crate::hooks::use_app;
use yew::prelude::*;

/// A catalogue template (`model::words`) with markup in its places: `{0}` becomes
/// `values[0]` and so on, so each language puts a bold figure where its grammar wants it.
pub fn fill_html(template: &'static str, values: Vec<Html>) -> Html {
    use model::words::{Piece, pieces};
    use yew::virtual_dom::VText;
    pieces(template)
        .map(|p| match p {
            Piece::Text(t) => Html::from(VText::new(t)),
            Piece::Value(n) => values.get(n).cloned().unwrap_or_default(),
        })
        .collect()
}

/// A figure in bold, for [`fill_html`].
pub fn strong(text: impl Into<AttrValue>) -> Html {
    html! { <strong>{ text.into() }</strong> }
}
