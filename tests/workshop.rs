//! Native render tests of workshop mode (Yew SSR): the projector view carries its figures
//! with exact values, the scenario's name and the target badges in words, shows a pack's
//! title as text, and the planner header offers the way in.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kehoach_app::app::{App, AppProps};
use kehoach_app::state::{Action, AppState, View, WorkshopAction};
use model::pack::Pack;
use model::{Lang, Scenario};
use yew::{LocalServerRenderer, Reducible};

async fn render(state: AppState) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        initial: Some(Rc::new(state)),
    })
    .hydratable(false)
    .render()
    .await
}

fn act(st: AppState, a: WorkshopAction) -> AppState {
    Rc::unwrap_or_clone(Rc::new(st).reduce(Action::Workshop(a)))
}

fn attr(html: &str, testid: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("data-testid=\"{testid}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let key = format!("{name}=\"");
    let v = tag.find(&key)? + key.len();
    Some(tag[v..v + tag[v..].find('"')?].to_string())
}

#[tokio::test]
async fn the_planner_header_offers_workshop_mode() {
    let html = render(AppState::default()).await;
    assert!(html.contains("data-testid=\"workshop-toggle\""));
    assert!(html.contains("Trình chiếu hội thảo"));
    assert!(!html.contains("data-testid=\"workshop\""));
}

#[tokio::test]
async fn the_projector_view_shows_exact_figures_names_and_badges_in_words() {
    let st = act(AppState::default(), WorkshopAction::Enter);
    assert_eq!(st.view, View::Workshop);
    let h = st.projection.headline.clone();
    let html = render(st).await;
    for id in [
        "workshop",
        "ws-name",
        "ws-position",
        "ws-prev",
        "ws-next",
        "ws-qr-toggle",
        "ws-pack-toggle",
        "workshop-toggle",
        "lang-toggle",
        "whatif-swim",
        "whatif-barrier",
        "ws-chart",
        "ws-target-drowning-2030",
    ] {
        assert!(
            html.contains(&format!("data-testid=\"{id}\"")),
            "missing {id}"
        );
    }
    assert_eq!(
        attr(&html, "ws-deaths-averted", "data-value"),
        Some(h.deaths_averted.lifetime.to_string())
    );
    assert_eq!(
        attr(&html, "ws-children-supported", "data-value"),
        Some((h.children_supported as f64).to_string())
    );
    assert_eq!(
        attr(&html, "ws-position", "data-value").as_deref(),
        Some("1")
    );
    // Not colour alone: each badge says its verdict in words and has an icon. Before the
    // chance is computed (this first render) no badge says "Đạt" (model::Verdict).
    assert!(html.contains("data-verdict=\"pending\""));
    assert!(html.contains("<strong>Đang tính</strong>"));
    assert!(!html.contains("<strong>Đạt</strong>"));
    assert!(html.contains("…"));
    // The chart is drawn for the projector, with its accessible name.
    assert!(html.contains("class=\"chart chart-deaths\""));
    // The planner's panels are gone: figures only.
    assert!(!html.contains("data-testid=\"budget-total\""));
}

#[tokio::test]
async fn a_pack_title_and_names_are_text_never_markup() {
    let s = Scenario {
        name: "<img src=x onerror=alert(1)> Phương án A".into(),
        ..Scenario::default()
    };
    let pack = Pack::new("<script>alert(2)</script> Hội thảo", vec![s]).expect("valid");
    let st = act(AppState::default(), WorkshopAction::OpenPack(Ok(pack)));
    let html = render(st).await;
    assert!(!html.contains("<script>alert(2)"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt; Hội thảo"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; Phương án A"));
}

#[tokio::test]
async fn english_for_a_mixed_room() {
    let st = AppState {
        lang: Lang::En,
        ..AppState::default()
    };
    let st = act(st, WorkshopAction::Enter);
    let html = render(st).await;
    assert!(html.contains("child drowning deaths averted"));
    assert!(html.contains("Leave workshop"));
    assert!(html.contains("What if"));
}
