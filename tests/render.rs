//! Native server-side render tests of the main components (Yew SSR): the page renders in
//! Vietnamese by default, in English on request, with the test ids people and tests use.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kehoach_app::app::{App, AppProps};
use kehoach_app::state::AppState;
use model::{Lang, Scenario};
use yew::LocalServerRenderer;

async fn render(state: AppState) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        initial: Some(Rc::new(state)),
    })
    .hydratable(false)
    .render()
    .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn the_planner_renders_in_vietnamese_with_every_test_id() {
    let html = render(AppState::default()).await;
    for id in [
        "app-ready",
        "region-select",
        "budget-total",
        "kpi-deaths-averted",
        "kpi-children-supported",
        "kpi-children-reached",
        "kpi-drowning-rate",
        "kpi-swim-share",
        "lang-toggle",
        "target-drowning-2030",
        "target-swim-2030",
        "target-cfc-2030",
        "balance",
    ] {
        assert!(
            html.contains(&format!("data-testid=\"{id}\"")),
            "missing {id}"
        );
    }
    for line in model::data::lines() {
        for prefix in ["alloc-", "lock-", "slider-", "line-", "floor-", "ceiling-"] {
            assert!(
                html.contains(&format!("data-testid=\"{prefix}{}\"", line.id)),
                "missing {prefix}{}",
                line.id
            );
        }
    }
    assert!(html.contains("Phân bổ theo tuyến chương trình"));
    assert!(
        html.contains("350.000.000.000"),
        "the budget in Vietnamese grouping"
    );
    let s = Scenario::default();
    let targets_in_plan = model::data::TARGETS
        .iter()
        .filter(|t| t.year >= s.start_year && t.year <= s.end_year)
        .count();
    assert_eq!(targets_in_plan, 3, "the 2030 targets of a 2027–2030 plan");
    assert_eq!(
        count(&html, "<option"),
        model::data::REGIONS.len() + 2 * 26 + 3 + targets_in_plan,
        "regions, two year pickers, three objectives and the targets in the plan years"
    );
    assert!(!html.contains("NaN"));
}

#[tokio::test]
async fn figures_carry_their_exact_values() {
    let p = model::evaluate(&Scenario::default()).expect("valid");
    let html = render(AppState::default()).await;
    let want = format!(
        "data-testid=\"kpi-deaths-averted\" data-value=\"{}\"",
        p.headline.deaths_averted.lifetime
    );
    assert!(html.contains(&want), "{want}");
    let met = p.target("cfc-2030").expect("target").met;
    assert!(html.contains(&format!(
        "data-testid=\"target-cfc-2030\" data-met=\"{met}\""
    )));
}

#[tokio::test]
async fn english_on_request() {
    let st = AppState {
        lang: Lang::En,
        ..AppState::default()
    };
    let html = render(st).await;
    assert!(html.contains("Allocation by programme line"));
    assert!(html.contains("350,000,000,000"));
    assert!(
        html.contains(">Tiếng Việt<"),
        "the toggle offers Vietnamese"
    );
}

#[tokio::test]
async fn a_scenario_name_with_markup_is_text() {
    let s = Scenario {
        name: "<script>alert(1)</script>".into(),
        ..Scenario::default()
    };
    let html = render(AppState::with_entries(vec![s], 0, Lang::Vi)).await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;") || html.contains("&lt;script>"));
}
