//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts and computes in a
//! real browser, localStorage works, and the engine gives bit-identical numbers on wasm32
//! and natively (the Monte Carlo golden run of crates/model/tests/fixtures).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use kehoach_app::app::{App, AppProps};
use kehoach_app::state::AppState;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            initial: Some(Rc::new(AppState::default())),
        },
    )
    .render();
    root
}

fn data_value(root: &web_sys::Element, id: &str) -> f64 {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-value"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_models_figures() {
    let root = mount();
    yew::scheduler::flush().await;
    let p = model::evaluate(&model::Scenario::default()).expect("valid");
    assert_eq!(
        data_value(&root, "kpi-deaths-averted"),
        p.headline.deaths_averted.lifetime
    );
    assert_eq!(data_value(&root, "budget-total"), 350e9);
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Phân bổ theo tuyến chương trình"));
}

#[wasm_bindgen_test]
fn monte_carlo_on_wasm32_equals_the_native_golden_run() {
    let u = model::simulate(&model::Scenario::default(), 1_000).expect("valid");
    let json = serde_json::to_string_pretty(&u).expect("serialises");
    let golden = include_str!("../crates/model/tests/fixtures/golden-mc-v1.json");
    assert_eq!(json.trim(), golden.trim(), "wasm32 and native differ");
}

#[wasm_bindgen_test]
fn local_storage_round_trips() {
    kehoach_app::platform::save("kehoach.test", "Điện Biên").expect("stored");
    assert_eq!(
        kehoach_app::platform::load("kehoach.test").expect("read"),
        Some("Điện Biên".into())
    );
}
