//! The planner of the default plan as HTML, rendered at build time by the same Yew
//! components the app runs (server-side rendering), for scripts/prerender.mjs to put into
//! the built index.html: a slow link shows the figures while the wasm downloads, and the
//! app replaces that copy when it starts (docs/perf.md, "First paint").
//!
//! Prints one JSON object: `html` (the page body the app renders), `book` (the autosave
//! text of the default working set: saved work equal to it needs no "updating" mark) and
//! `pending` (the catalogue's words for figures about to be replaced).
//!
//!   cargo run -q --bin prerender [WIDTH]       # WIDTH of the window drawn for, px (1280)

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::rc::Rc;

    use kehoach_app::app::{App, AppProps};
    use kehoach_app::state::AppState;

    let width = std::env::args()
        .nth(1)
        .and_then(|w| w.parse::<u32>().ok())
        .unwrap_or(1280);
    kehoach_app::platform::set_prerender_width(Some(width));
    let state = AppState::default();
    let book = model::autosave::write(state.entries.iter().map(|e| &e.scenario), state.current);
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("prerender: no runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let html = runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(AppProps {
            initial: Some(Rc::new(state)),
        })
        .hydratable(false)
        .render(),
    );
    let out = serde_json::json!({
        "html": html,
        "book": book,
        "pending": model::words::Ui::Updating.get(model::Lang::Vi),
        "pending_en": model::words::Ui::Updating.get(model::Lang::En),
    });
    use std::io::Write;
    match writeln!(std::io::stdout(), "{out}") {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
