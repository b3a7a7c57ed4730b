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

/// The opening tag of the element with this `data-testid`.
fn tag<'a>(html: &'a str, testid: &str) -> &'a str {
    let needle = format!("data-testid=\"{testid}\"");
    assert!(html.contains(&needle), "no {testid}");
    let at = html.find(&needle).expect("checked above");
    let start = html[..at].rfind('<').expect("inside a tag");
    let end = at + html[at..].find('>').expect("a closed tag");
    &html[start..end]
}

/// An attribute of the element with this `data-testid` (`None` when it has none).
fn attr(html: &str, testid: &str, name: &str) -> Option<String> {
    let t = tag(html, testid);
    let needle = format!(" {name}=\"");
    let at = t.find(&needle)? + needle.len();
    let len = t[at..].find('"')?;
    Some(t[at..at + len].to_string())
}

fn with_uncertainty(st: AppState) -> AppState {
    let u = model::simulate(st.scenario(), 1_000).expect("valid");
    let mut st = st;
    st.uncertainty = Some((st.generation, Rc::new(u)));
    st
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
        model::data::REGIONS.len() + 2 * 26 + 3 + targets_in_plan + 2 * 3 + 4,
        "regions, two year pickers, three objectives, the targets in the plan years, two \
         chance pickers and the goal's year"
    );
    assert!(!html.contains("NaN"));
}

#[tokio::test]
async fn figures_carry_their_exact_values() {
    use model::eval::Horizon;
    use model::figures::Figure;
    let s = Scenario::default();
    let p = model::evaluate(&s).expect("valid");
    let u = model::simulate(&s, 1_000).expect("valid");
    let html = render(with_uncertainty(AppState::default())).await;
    assert_eq!(
        attr(&html, "kpi-deaths-averted", "data-value"),
        Some(p.headline.deaths_averted.lifetime.to_string())
    );
    // Every figure of the catalogue for the lifetime horizon, by its key, with its exact
    // value and band.
    let mut shown = 0;
    for f in kehoach_app::components::kpis::shown(Horizon::Lifetime) {
        let id = kehoach_app::components::kpis::test_id(f);
        assert_eq!(attr(&html, &id, "data-figure").as_deref(), Some(f.key()));
        assert_eq!(
            attr(&html, &id, "data-value"),
            f.value(&p).map(|v| v.to_string()),
            "{f:?}"
        );
        assert_eq!(
            attr(&html, &id, "data-p10"),
            f.band(&u).map(|b| b.p10.to_string()),
            "{f:?}"
        );
        shown += 1;
    }
    assert_eq!(
        shown,
        Figure::ALL.len() - 2,
        "all but the plan-years figures"
    );
    assert!(!html.contains("data-figure=\"deaths_averted_plan\" data-value"));
    // The plan-years view shows the other two and not the lifetime ones.
    let mut st = with_uncertainty(AppState::default());
    st.horizon = Horizon::Plan;
    let plan = render(st).await;
    assert_eq!(
        attr(&plan, "kpi-deaths-averted-plan", "data-value"),
        Some(p.headline.deaths_averted.plan.to_string())
    );
    assert!(!plan.contains("data-testid=\"kpi-deaths-averted\""));
    assert!(!plan.contains("data-testid=\"kpi-dalys-averted\""));
    assert!(plan.contains("data-testid=\"kpi-cost-per-death-averted-plan\""));
    let met = p.target("cfc-2030").expect("target").met;
    assert_eq!(
        attr(&html, "target-cfc-2030", "data-met"),
        Some(met.to_string())
    );
}

#[tokio::test]
async fn a_target_card_shows_met_only_with_the_chance_asked_for() {
    let s = Scenario::default();
    let u = model::simulate(&s, 1_000).expect("valid");
    let chance = u.target("drowning-2030").expect("listed").probability;
    let p = model::evaluate(&s).expect("valid");
    let o = p.target("drowning-2030").expect("listed");
    // The default plan meets the 2030 drowning target at central values with a chance
    // between 50 % and 80 %.
    assert!(o.met && chance > 0.5 && chance < 0.8, "{chance}");
    let card = |html: &str| {
        (
            attr(html, "target-drowning-2030", "data-verdict"),
            attr(html, "target-drowning-2030", "data-chance"),
        )
    };
    // Before the Monte Carlo: no ✓, whatever the central verdict.
    let html = render(AppState::default()).await;
    assert_eq!(card(&html), (Some("pending".into()), None));
    // At 80 %: met at central values, but not sure.
    let html = render(with_uncertainty(AppState::default())).await;
    assert_eq!(
        card(&html),
        (Some("uncertain".into()), Some(chance.to_string()))
    );
    assert!(html.contains("Chưa chắc"));
    assert!(html.contains("Xu hướng giả định khi không có kế hoạch: −2,5 % mỗi năm"));
    // At 50 %: met.
    let mut st = with_uncertainty(AppState::default());
    st.chance = 0.5;
    let html = render(st).await;
    assert_eq!(card(&html).0, Some("met".into()));
    // A stale chance (an earlier version of the plan) never shows ✓.
    let mut st = with_uncertainty(AppState::default());
    st.chance = 0.5;
    st.generation += 1;
    let html = render(st).await;
    assert_eq!(card(&html), (Some("pending".into()), None));
    assert!(html.contains("đang cập nhật"));
}

#[tokio::test]
async fn the_vietnamese_planner_reads_no_english_word() {
    // The English half of the words waits in the idle wasm (crates/split): a first screen
    // that read one would wait for it.
    let before = model::words::english_reads();
    let html = render(with_uncertainty(AppState::default())).await;
    assert!(html.contains("data-testid=\"kpi-deaths-averted\""));
    assert_eq!(
        model::words::english_reads(),
        before,
        "English words read on the first screen"
    );
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
