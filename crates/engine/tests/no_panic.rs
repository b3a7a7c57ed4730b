//! The engine never panics on input. In the wasm package a panic aborts (the workspace's
//! release profile has `panic = "abort"`, and wasm32 cannot unwind anyway): the call would
//! end in a `RuntimeError: unreachable` and the module could be left broken for the page.
//! So every operation is fed garbage and damaged scenarios here, natively, where proptest
//! catches a panic and shrinks it to the smallest input.
#![cfg(not(target_arch = "wasm32"))]

use kehoach_engine::api::{self, GoalOptions, OptimizeOptions};
use kehoach_engine::failure::Kind;
use kehoach_engine::words::Engine;
use model::{Objective, Scenario};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Every operation that takes text, on one input. Each returns a value or a refusal with
/// both languages filled in.
fn every_operation(text: &str) {
    let results = [
        api::evaluate(text),
        api::simulate(text, 20),
        api::optimize(text, Objective::DeathsAverted, &OptimizeOptions::default()),
        api::optimize(text, Objective::weighted(), &OptimizeOptions::default()),
        api::goal_seek(text, "drowning-2030", &GoalOptions::default()),
        api::goal_seek(
            text,
            "swim-2030",
            &GoalOptions {
                year: Some(2029),
                chance: None,
            },
        ),
        api::assumptions(text),
        api::encode_link(text),
        api::decode_link(text),
        api::defaults(text),
        api::objective_by_name(text).map(|_| String::new()),
        api::read::<GoalOptions>(Engine::ArgOptions, text).map(|_| String::new()),
    ];
    for r in results {
        if let Err(f) = r {
            assert!(!f.vi.is_empty() && !f.en.is_empty(), "{f:?}");
            assert_ne!(f.kind, Kind::Internal, "{f:?}");
        }
    }
}

/// Any JSON value, small.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN", |x| x.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just(0.0),
            Just(-0.0),
            Just(1e-300),
            Just(1e300),
            Just(-1.0),
            Just(0.5),
            Just(2030.0)
        ]
        .prop_map(Value::from),
        "[a-z_ ]{0,12}".prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid scenario to damage: the default, a province, and one with every kind of edit.
fn base() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Scenario::default()),
        Just(Scenario::default_for("dien-bien")),
        Just({
            let mut s = Scenario::default();
            s.constraints.insert(
                "swim".into(),
                model::Constraint {
                    locked: true,
                    floor: Some(model::Money(100_000_000_000)),
                    ceiling: Some(model::Money(130_000_000_000)),
                },
            );
            s.overrides.region.trend = Some(model::Tri {
                low: -0.04,
                mode: -0.02,
                high: 0.0,
            });
            s
        }),
    ]
    .prop_map(|s| serde_json::to_value(s).expect("a scenario serialises"))
}

/// Every path to a value inside `v` (keys of objects, indexes of arrays).
fn paths(v: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                prefix.push(Step::Key(k.clone()));
                out.push(prefix.clone());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(Step::Index(i));
                out.push(prefix.clone());
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// How to damage the value found at a path.
#[derive(Debug, Clone)]
enum Harm {
    /// Remove it.
    Remove,
    /// Put any JSON there.
    Replace(Value),
    /// Scale a number (negative, huge, tiny, fractional).
    Scale(f64),
    /// Add a sibling key (an unknown line id, an unknown field).
    Sibling(String, Value),
}

fn harm() -> impl Strategy<Value = Harm> {
    prop_oneof![
        1 => Just(Harm::Remove),
        3 => any_json().prop_map(Harm::Replace),
        4 => prop::sample::select(vec![-1.0, 0.0, 0.5, 1.5, 3.0, 1e3, 1e6, 1e12, 1e-9, -1e-9])
            .prop_map(Harm::Scale),
        1 => (key(), any_json()).prop_map(|(k, v)| Harm::Sibling(k, v)),
    ]
}

/// The scenario with one harm done at the `at`-th of its paths.
fn damage(mut v: Value, at: prop::sample::Index, harm: &Harm) -> Value {
    let mut all = Vec::new();
    paths(&v, &mut Vec::new(), &mut all);
    if all.is_empty() {
        return v;
    }
    let path = &all[at.index(all.len())];
    let Some((last, parents)) = path.split_last() else {
        return v;
    };
    let mut parent = &mut v;
    for step in parents {
        let next = match (step, parent) {
            (Step::Key(k), Value::Object(m)) => m.get_mut(k),
            (Step::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => parent = n,
            None => return v,
        }
    }
    match (last, parent, harm) {
        (Step::Key(k), Value::Object(m), Harm::Remove) => {
            m.remove(k);
        }
        (Step::Index(i), Value::Array(a), Harm::Remove) => {
            a.remove(*i);
        }
        (Step::Key(_), Value::Object(m), Harm::Sibling(k, x)) => {
            m.insert(k.clone(), x.clone());
        }
        (Step::Index(_), Value::Array(a), Harm::Sibling(_, x)) => a.push(x.clone()),
        (step, parent, harm) => {
            let slot = match (step, parent) {
                (Step::Key(k), Value::Object(m)) => m.get_mut(k),
                (Step::Index(i), Value::Array(a)) => a.get_mut(*i),
                _ => None,
            };
            if let Some(slot) = slot {
                *slot = match harm {
                    Harm::Replace(x) => x.clone(),
                    Harm::Scale(f) => match slot.as_f64() {
                        Some(n) if slot.is_i64() || slot.is_u64() => {
                            Value::from((n * f).round() as i64)
                        }
                        Some(n) => Value::from(n * f),
                        None => Value::from(*f),
                    },
                    _ => slot.clone(),
                };
            }
        }
    }
    v
}

/// Keys that exist in scenarios (so a sibling lands beside real ones), and some that do not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "swim",
            "barrier",
            "hotline",
            "play",
            "lunch",
            "locked",
            "floor",
            "ceiling",
            "unit_cost",
            "rrr",
            "low",
            "mode",
            "high",
            "trend",
            "children",
            "seed",
            "name",
        ])
        .prop_map(str::to_string),
        "[a-z_0-9]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn garbage_text_is_refused_not_panicked_on(text in "\\PC{0,200}") {
        every_operation(&text);
    }

    #[test]
    fn any_json_is_refused_or_answered(v in any_json()) {
        every_operation(&v.to_string());
    }

    #[test]
    fn damaged_scenarios_are_refused_or_answered(
        s in base(),
        at in any::<prop::sample::Index>(),
        harm in harm(),
    ) {
        every_operation(&damage(s, at, &harm).to_string());
    }

    #[test]
    fn damaged_links_are_refused_not_panicked_on(
        cut in 0usize..200,
        flip in 0usize..200,
        with in "[A-Za-z0-9_\\-#=&% ]",
    ) {
        let code = model::encode(&Scenario::default_for("ha-noi"));
        let mut chars: Vec<char> = code.chars().collect();
        if !chars.is_empty() {
            let i = flip % chars.len();
            chars[i] = with.chars().next().unwrap_or('A');
        }
        let damaged: String = chars.into_iter().take(cut.max(1)).collect();
        if let Err(f) = api::decode_link(&damaged) {
            prop_assert_eq!(f.kind, Kind::Link);
        }
    }
}

#[test]
fn extreme_but_valid_plans_answer() {
    // The largest amounts and the longest plan the scenario accepts.
    let s = Scenario {
        start_year: 2031,
        end_year: 2045,
        budget: vec![
            model::YearBudget {
                central: model::MAX_MONEY,
                provincial: model::Money(0),
                mobilised: model::Money(0),
            };
            15
        ],
        ..Scenario::default()
    };
    let text = serde_json::to_string(&s).expect("serialises");
    for r in [
        api::evaluate(&text),
        api::simulate(&text, 50),
        api::optimize(&text, Objective::DeathsAverted, &OptimizeOptions::default()),
        api::goal_seek(
            &text,
            "drowning-2030",
            &GoalOptions {
                year: Some(2040),
                chance: None,
            },
        ),
        api::encode_link(&text),
    ] {
        if let Err(f) = r {
            assert_ne!(f.kind, Kind::Internal, "{f:?}");
        }
    }
    let zero = json!({"version": 2, "region": "VN", "start_year": 2027, "end_year": 2027,
        "budget": [{"central": 0, "provincial": 0, "mobilised": 0}]});
    every_operation(&zero.to_string());
}

/// The damage above must reach the model, not only the JSON reader: a fixed sample of
/// damaged scenarios has both answers and refusals of each kind.
#[test]
fn damage_reaches_every_layer() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let strategy = (base(), any::<prop::sample::Index>(), harm());
    let mut runner = TestRunner::deterministic();
    let (mut answered, mut unreadable, mut invalid, mut other) = (0, 0, 0, Vec::new());
    for _ in 0..400 {
        let (s, at, harm) = strategy
            .new_tree(&mut runner)
            .expect("the strategy makes values")
            .current();
        match api::evaluate(&damage(s, at, &harm).to_string()) {
            Ok(_) => answered += 1,
            Err(f) if f.kind == Kind::Input => unreadable += 1,
            Err(f) if f.kind == Kind::Scenario => invalid += 1,
            Err(f) => other.push(f),
        }
    }
    eprintln!("damaged scenarios: {answered} answered, {unreadable} unreadable, {invalid} invalid");
    assert!(other.is_empty(), "unexpected refusals: {other:?}");
    assert!(
        answered >= 40 && unreadable >= 40 && invalid >= 20,
        "answered {answered}, unreadable {unreadable}, invalid {invalid}"
    );
}
