//! The engine's JS face in a real browser (`wasm-pack test --headless --chrome`, run by
//! `make test` with Debian's Chromium and ChromeDriver): the exported functions called as
//! JS would call them — with JS objects, JSON text, junk, cycles and BigInts — give the
//! model's figures, throw `KehoachError`s with both languages, and keep working after.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON, Object, Reflect};
use kehoach_engine as engine;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |at, key| {
        Reflect::get(&at, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON parses")
}

/// The thrown value is a `KehoachError` with its fields filled in; returns (kind, field).
fn refused(r: Result<JsValue, JsValue>) -> (String, String) {
    let e = r.expect_err("the call must throw");
    assert!(e.is_instance_of::<js_sys::Error>(), "an Error: {e:?}");
    assert_eq!(get(&e, "name").as_string().as_deref(), Some("KehoachError"));
    let text = |k: &str| get(&e, k).as_string().unwrap_or_default();
    let (vi, en) = (text("vi"), text("en"));
    assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{vi} / {en}");
    let message = e.unchecked_ref::<js_sys::Error>().message();
    assert!(
        String::from(message).contains(&en),
        "the message carries the English text"
    );
    (text("kind"), text("field"))
}

#[wasm_bindgen_test]
fn evaluate_in_the_browser_equals_the_model() {
    let s = engine::defaults(JsValue::from_str("dien-bien")).expect("a region");
    let p = engine::evaluate(s.clone()).expect("the default plan evaluates");
    let native = model::evaluate(&model::Scenario::default_for("dien-bien")).expect("valid");
    assert_eq!(
        get(&p, "headline.deaths_averted.lifetime").as_f64(),
        Some(native.headline.deaths_averted.lifetime)
    );
    assert_eq!(
        get(&p, "headline.children_supported").as_f64(),
        Some(native.headline.children_supported as f64)
    );
    // The same scenario as JSON text gives the same projection.
    let text = JSON::stringify(&s).expect("stringifies");
    let again = engine::evaluate(text.into()).expect("JSON text evaluates");
    assert_eq!(
        JSON::stringify(&again).ok().and_then(|t| t.as_string()),
        JSON::stringify(&p).ok().and_then(|t| t.as_string())
    );
    // Not assessable targets come out as null, as in `kehoach run --json`.
    let targets = Array::from(&get(&p, "targets"));
    assert_eq!(targets.length() as usize, model::TARGETS.len());
}

#[wasm_bindgen_test]
fn simulate_is_seeded_and_checks_its_draws() {
    let s = engine::defaults(JsValue::from_str("VN")).expect("national");
    let u = engine::simulate(s.clone(), Some(JsValue::from_f64(200.0).unchecked_into()))
        .expect("simulates");
    let native = model::simulate(&model::Scenario::default(), 200).expect("valid");
    assert_eq!(get(&u, "draws").as_f64(), Some(200.0));
    assert_eq!(
        get(&u, "deaths_averted.lifetime.p50").as_f64(),
        Some(native.deaths_averted.lifetime.p50)
    );
    for bad in [-1.0, 1.5, f64::NAN, 1e9] {
        let (kind, field) = refused(engine::simulate(
            s.clone(),
            Some(JsValue::from_f64(bad).unchecked_into()),
        ));
        assert_eq!((kind.as_str(), field.as_str()), ("argument", "draws"));
    }
    refused(engine::simulate(
        s,
        Some(JsValue::from_str("many").unchecked_into()),
    ));
}

#[wasm_bindgen_test]
fn links_round_trip_and_read_the_apps_golden_links() {
    let s = engine::defaults(JsValue::from_str("ha-noi")).expect("a region");
    let code = engine::encode_link(s.clone()).expect("encodes");
    let back = engine::decode_link(JsValue::from_str(&format!("#s={code}"))).expect("decodes");
    assert_eq!(
        JSON::stringify(&back).ok().and_then(|t| t.as_string()),
        JSON::stringify(&s).ok().and_then(|t| t.as_string())
    );
    let golden = include_str!("../../model/tests/fixtures/link-v1-dien-bien-2027.txt");
    let opened = engine::decode_link(JsValue::from_str(golden)).expect("a golden link");
    let native = model::decode(golden).expect("the codec reads it");
    assert_eq!(
        get(&opened, "region").as_string().as_deref(),
        Some(native.region.as_str())
    );
    assert_eq!(engine::link_format(), model::codec::LINK_VERSION);
    let (kind, _) = refused(engine::decode_link(JsValue::from_str("#s=AXja")));
    assert_eq!(kind, "link");
    let (kind, field) = refused(engine::decode_link(JsValue::from_f64(7.0)));
    assert_eq!((kind.as_str(), field.as_str()), ("argument", "link"));
}

#[wasm_bindgen_test]
fn bad_inputs_throw_errors_with_the_field_and_both_languages() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).expect("sets");
    let with_bigint = js(r#"{"version": 2}"#);
    Reflect::set(
        &with_bigint,
        &"seed".into(),
        &js_sys::BigInt::from(5u32).into(),
    )
    .expect("sets");
    let negative = engine::defaults(JsValue::from_str("VN")).expect("national");
    Reflect::set(
        &get(&negative, "allocation"),
        &"swim".into(),
        &(-1.0).into(),
    )
    .expect("sets");
    let cases: Vec<(JsValue, &str, &str)> = vec![
        (JsValue::UNDEFINED, "input", ""),
        (JsValue::NULL, "input", ""),
        (JsValue::from_f64(42.0), "input", ""),
        (JsValue::from_str("{\"version\": 2,"), "input", ""),
        (
            js(r#"{"version": 2, "region": "VN"}"#),
            "input",
            "start_year",
        ),
        (cyclic.into(), "input", ""),
        (with_bigint, "input", ""),
        (negative, "scenario", "allocation.swim"),
    ];
    for (input, kind, field) in cases {
        let got = refused(engine::evaluate(input));
        assert_eq!((got.0.as_str(), got.1.as_str()), (kind, field));
    }
    let s = engine::defaults(JsValue::from_str("VN")).expect("national");
    let (kind, field) = refused(engine::optimize(
        s.clone(),
        JsValue::from_str("happiness"),
        None,
    ));
    assert_eq!((kind.as_str(), field.as_str()), ("argument", "objective"));
    let (kind, field) = refused(engine::optimize(
        s.clone(),
        js(r#"{"weighted": {"per_death": -3}}"#),
        None,
    ));
    assert_eq!(
        (kind.as_str(), field.as_str()),
        ("argument", "objective.per_death")
    );
    let (kind, field) = refused(engine::goal_seek(
        s.clone(),
        JsValue::from_str("drowning-2030"),
        Some(js(r#"{"year": 2019}"#).unchecked_into()),
    ));
    assert_eq!((kind.as_str(), field.as_str()), ("argument", "year"));
    let (kind, field) = refused(engine::defaults(JsValue::from_str("atlantis")));
    assert_eq!((kind.as_str(), field.as_str()), ("argument", "region"));
    // And the module still answers after every refusal.
    let p = engine::optimize(s, JsValue::from_str("deaths"), None).expect("optimises");
    assert!(get(&p, "after").as_f64() >= get(&p, "before").as_f64());
}

#[wasm_bindgen_test]
fn the_catalogue_and_versions_describe_the_built_in_data() {
    let c = engine::catalogue().expect("the catalogue");
    assert_eq!(
        Array::from(&get(&c, "lines")).length() as usize,
        model::data::lines().len()
    );
    assert_eq!(
        Array::from(&get(&c, "regions")).length() as usize,
        model::REGIONS.len()
    );
    let v = engine::versions().expect("versions");
    assert_eq!(
        get(&v, "data").as_string(),
        kehoach_engine::api::data_fingerprint().ok()
    );
    assert_eq!(
        get(&v, "scenarioSchema").as_f64(),
        Some(f64::from(model::SCHEMA_VERSION))
    );
}
