//! Components, one per file.
pub mod assumptions;
pub mod budget;
pub mod charts_panel;
pub mod compare;
pub mod export;
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
pub mod scenarios;
pub mod share;
pub mod targets;
pub mod workshop_badges;
pub mod workshop_figure;
pub mod workshop_pack;
pub mod workshop_qr;
pub mod workshop_toggle;
pub mod workshop_view;
pub mod workshop_what_if;

pub use crate::hooks::use_app;
