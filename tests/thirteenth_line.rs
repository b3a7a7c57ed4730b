//! Issue 10: a new programme line is one entry in the data. This test binary installs a
//! test-only catalogue — today's twelve lines with a thirteenth (life jackets) inserted in
//! the middle — and proves that the app renders it, that share links carry it, that every
//! golden link still decodes, and that the other lines' Monte Carlo bands are bit-identical
//! to the golden run made with the built-in catalogue (draws are keyed by line id, not by
//! position). Its own process: the catalogue is installed once, before anything reads it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Once;

use kehoach_app::app::{App, AppProps};
use kehoach_app::state::AppState;
use model::data::{
    Bands, Category, Confidence, Eligible, Lasting, LineDef, PerUnit, Role, Shape, Source, Tri,
};
use model::{Money, Scenario, YearBudget, decode, encode, simulate};
use serde_json::Value;
use yew::LocalServerRenderer;

const ID: &str = "life_jacket";

fn source(text: &'static str) -> Source {
    Source {
        text,
        confidence: Confidence::Estimate,
    }
}

/// The test-only line: life jackets for children crossing rivers to school.
fn life_jackets() -> LineDef {
    LineDef {
        id: ID,
        name_vi: "Áo phao cho trẻ qua sông đi học",
        name_en: "Life jackets for children crossing rivers",
        short_vi: "Áo phao",
        short_en: "Life jackets",
        category: Category::DrowningPrevention,
        unit_vi: "áo phao",
        unit_en: "life jackets",
        unit_cost: Tri {
            low: Money(150_000),
            mode: Money(250_000),
            high: Money(400_000),
        },
        cost_source: source("test line: a life jacket costs 150–400 nghìn đ"),
        eligible: Eligible::Children {
            bands: Bands::School,
            fraction: 0.05,
        },
        max_coverage: 0.9,
        eligible_source: source("test line: 5 % of school-age children cross rivers"),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: source("test line: one child per jacket"),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 3.0,
        lasting: Lasting::Fixed,
        default_ty: 0,
        durability_source: source("test line: a jacket lasts 3 years"),
        drowning: Some((
            Bands::School,
            Tri {
                low: 0.05,
                mode: 0.1,
                high: 0.2,
            },
            source("test line: small effect"),
        )),
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Plain,
    }
}

/// Installs the thirteen-line catalogue once for this process.
fn setup() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let mut lines: Vec<LineDef> = model::data::LINES.to_vec();
        lines.insert(3, life_jackets());
        let lines: &'static [LineDef] = Box::leak(lines.into_boxed_slice());
        assert!(
            model::data::install_catalogue(lines),
            "installed before any use"
        );
    });
    assert_eq!(model::data::lines().len(), 13);
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[tokio::test]
async fn the_app_renders_the_thirteenth_line() {
    setup();
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        initial: Some(Rc::new(AppState::default())),
    })
    .hydratable(false)
    .render()
    .await;
    for prefix in ["alloc-", "lock-", "slider-", "line-"] {
        assert!(
            html.contains(&format!("data-testid=\"{prefix}{ID}\"")),
            "missing {prefix}{ID}"
        );
    }
    assert!(html.contains("Áo phao cho trẻ qua sông đi học"));
}

fn with_jackets() -> Scenario {
    let mut s = Scenario::default();
    let extra = Money(5_000_000_000);
    s.allocation.insert(ID.to_string(), extra);
    for b in &mut s.budget {
        *b = YearBudget {
            mobilised: b.mobilised.saturating_add(extra),
            ..*b
        };
    }
    s
}

#[test]
fn links_with_the_thirteenth_line_round_trip() {
    setup();
    let s = with_jackets();
    assert_eq!(s.validate(), Ok(()));
    assert_eq!(decode(&encode(&s)), Ok(s.clone()));
    let p = model::evaluate(&s).expect("valid");
    let l = p.line(ID).expect("the line is evaluated");
    assert_eq!(
        l.reach_total,
        4 * 20_000,
        "5 tỷ at 250.000 đ a jacket, four years"
    );
    assert!(l.deaths_averted.lifetime > 0.0);
}

#[test]
fn golden_links_still_decode() {
    setup();
    let dir = root().join("crates/model/tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("link-v") && name.ends_with(".txt")) {
            continue;
        }
        let code = std::fs::read_to_string(&path).expect("read");
        let s = decode(&code).unwrap_or_else(|e| unreachable!("{name}: {e:?}"));
        assert_eq!(s.alloc(ID), Money::ZERO, "{name}");
        assert_eq!(s.validate(), Ok(()), "{name}");
        seen += 1;
    }
    assert!(seen >= 10, "only {seen} golden links");
}

/// The golden Monte Carlo run of the built-in catalogue (crates/model/tests/golden.rs).
fn golden() -> Value {
    let text =
        std::fs::read_to_string(root().join("crates/model/tests/fixtures/golden-mc-v1.json"))
            .expect("golden fixture");
    serde_json::from_str(&text).expect("JSON")
}

fn by_id(v: &Value) -> std::collections::BTreeMap<String, Value> {
    v["lines"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| (l["id"].as_str().unwrap_or("").to_string(), l.clone()))
        .collect()
}

#[test]
fn the_other_lines_bands_are_bit_identical() {
    setup();
    let want = golden();
    // The default plan does not fund the new line: every band is the golden run's.
    let got = serde_json::to_value(simulate(&Scenario::default(), 1_000).expect("valid"))
        .expect("serialises");
    for (key, value) in want.as_object().into_iter().flatten() {
        if key != "lines" {
            assert_eq!(&got[key], value, "{key}");
        }
    }
    let (want_lines, got_lines) = (by_id(&want), by_id(&got));
    assert_eq!(got_lines.len(), 13);
    for (id, band) in &want_lines {
        assert_eq!(got_lines.get(id), Some(band), "{id}");
    }
    // Funding the new line changes the deaths, but no other line's own draws: their units
    // bought and children supported keep the golden bands bit for bit.
    let funded =
        serde_json::to_value(simulate(&with_jackets(), 1_000).expect("valid")).expect("serialises");
    assert_ne!(funded["deaths_averted"], want["deaths_averted"]);
    let funded_lines = by_id(&funded);
    for (id, band) in &want_lines {
        let got = funded_lines.get(id).expect("line");
        assert_eq!(got["units"], band["units"], "{id}");
        assert_eq!(
            got["children_supported"], band["children_supported"],
            "{id}"
        );
    }
}
