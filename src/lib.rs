//! kehoach — the Yew app: renders a `model::Scenario` and its `model::Projection` and
//! dispatches actions. It holds no model logic.
pub mod app;
pub mod charts;
pub mod components;
pub mod format;
pub mod hooks;
pub mod platform;
pub mod qr;
pub mod state;
