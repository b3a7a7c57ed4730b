//! Properties of the engine on arbitrary input: the budget is conserved, more money never
//! buys less, the same seed gives the same bands, and nothing panics — not on scenarios
//! built directly with hostile numbers, nor on ones parsed from random JSON.

use std::collections::BTreeMap;

use model::data::TARGETS;
use model::optimize::DEFAULT_PER_DEATH;
use model::rng::Rng;
use model::scenario::{Constraint, LineOverride, Overrides, RegionOverride, YearBudget};
use model::{
    LINES, MAX_MONEY, Money, Objective, REGIONS, Scenario, Tri, evaluate, goal_seek,
    marginal_returns, objective_value, optimize, optimize_for_target, simulate,
};
use proptest::prelude::*;
use serde_json::Value;

const TY: i64 = 1_000_000_000;

// ---------------------------------------------------------------------------------------
// Generators

fn line_ids() -> Vec<String> {
    LINES.iter().map(|l| l.id.to_string()).collect()
}

/// A line id, usually a real one.
fn line_id() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(line_ids()),
        1 => "\\PC{0,12}",
    ]
}

/// A region id, usually a real one.
fn region_id() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(REGIONS.iter().map(|r| r.id.to_string()).collect::<Vec<_>>()),
        1 => "\\PC{0,12}",
    ]
}

/// An amount of money: usually plausible, sometimes hostile.
fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        12 => (0i64..=400 * TY).prop_map(Money),
        1 => any::<i64>().prop_map(Money),
        1 => prop::sample::select(vec![
            0,
            -1,
            1,
            MAX_MONEY.0,
            MAX_MONEY.0 + 1,
            i64::MIN,
            i64::MAX,
        ])
        .prop_map(Money),
    ]
}

/// A float: usually a share, sometimes anything at all.
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => 0.0..=1.0f64,
        1 => -1e6..1e6f64,
        1 => any::<f64>(),
        1 => prop::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            1e300,
            -1e-300,
            30.0,
        ]),
    ]
}

fn tri<T: std::fmt::Debug, S: Strategy<Value = T>>(
    make: impl Fn() -> S,
) -> impl Strategy<Value = Tri<T>> {
    (make(), make(), make()).prop_map(|(low, mode, high)| Tri { low, mode, high })
}

fn constraint() -> impl Strategy<Value = Constraint> {
    (
        any::<bool>(),
        prop::option::of(money()),
        prop::option::of(money()),
    )
        .prop_map(|(locked, floor, ceiling)| Constraint {
            locked,
            floor,
            ceiling,
        })
}

fn line_override() -> impl Strategy<Value = LineOverride> {
    (
        prop::option::of(tri(money)),
        prop::option::of(tri(float)),
        prop::option::of(float()),
        prop::option::of(prop_oneof![float(), 1.0..30.0f64]),
    )
        .prop_map(
            |(unit_cost, rrr, max_coverage, durability_years)| LineOverride {
                unit_cost,
                rrr,
                max_coverage,
                durability_years,
            },
        )
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![4 => 0u64..=60_000_000, 1 => any::<u64>()]
}

fn region_override() -> impl Strategy<Value = RegionOverride> {
    (
        (
            prop::option::of(count()),
            prop::option::of(float()),
            prop::option::of(prop_oneof![float(), 0.0..50.0f64]),
            prop::option::of(prop_oneof![float(), -0.5..0.5f64]),
            prop::option::of(float()),
        ),
        (
            prop::option::of(count()),
            prop::option::of(any::<u32>()),
            prop::option::of(float()),
            prop::option::of(count()),
        ),
    )
        .prop_map(
            |(
                (children, share_under5, drowning_rate, trend, swim_share),
                (special_circumstances, communes, child_friendly_share, hotline_calls),
            )| RegionOverride {
                children,
                share_under5,
                drowning_rate: drowning_rate.map(Tri::point),
                trend: trend.map(|t: f64| Tri {
                    low: t - 0.01,
                    mode: t,
                    high: t + 0.01,
                }),
                swim_share,
                special_circumstances,
                communes,
                child_friendly_share,
                hotline_calls,
            },
        )
}

fn year_budget() -> impl Strategy<Value = YearBudget> {
    (money(), money(), money()).prop_map(|(central, provincial, mobilised)| YearBudget {
        central,
        provincial,
        mobilised,
    })
}

/// Any scenario at all, built field by field: mostly invalid.
fn wild_scenario() -> impl Strategy<Value = Scenario> {
    (
        (
            any::<u32>(),
            "\\PC{0,20}",
            region_id(),
            prop_oneof![2015i32..2050, any::<i32>()],
            0i32..20,
            prop::collection::vec(year_budget(), 0..18),
        ),
        (
            prop::collection::btree_map(line_id(), money(), 0..14),
            prop::collection::btree_map(line_id(), constraint(), 0..4),
            prop::collection::btree_map(line_id(), line_override(), 0..3),
            region_override(),
            any::<u64>(),
        ),
    )
        .prop_map(
            |(
                (version, name, region, start_year, span, budget),
                (allocation, constraints, lines, region_o, seed),
            )| {
                let end_year = start_year.saturating_add(span - 2);
                let mut budget = budget;
                if version % 2 == 0 {
                    // Often one row per plan year, so validation gets past the shape.
                    let n = end_year
                        .saturating_sub(start_year)
                        .saturating_add(1)
                        .clamp(0, 20);
                    let row = budget.first().copied().unwrap_or_default();
                    budget.resize(n as usize, row);
                }
                Scenario {
                    version: version % 3,
                    name,
                    notes: String::new(),
                    region,
                    start_year,
                    end_year,
                    budget,
                    allocation,
                    constraints,
                    overrides: Overrides {
                        lines,
                        region: region_o,
                    },
                    seed,
                }
            },
        )
}

/// One change a planner (or a bug) might make to a good scenario.
#[derive(Debug, Clone)]
enum Edit {
    Alloc(String, Money),
    Budget(usize, u8, Money),
    Constrain(String, Constraint),
    Line(String, LineOverride),
    Region(RegionOverride),
    Years(i32, i32),
    Seed(u64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (line_id(), money()).prop_map(|(i, m)| Edit::Alloc(i, m)),
        2 => (0usize..6, 0u8..3, money()).prop_map(|(y, s, m)| Edit::Budget(y, s, m)),
        3 => (line_id(), constraint()).prop_map(|(i, c)| Edit::Constrain(i, c)),
        2 => (line_id(), line_override()).prop_map(|(i, o)| Edit::Line(i, o)),
        1 => region_override().prop_map(Edit::Region),
        1 => (2024i32..2034, 2024i32..2034).prop_map(|(a, b)| Edit::Years(a, b)),
        1 => any::<u64>().prop_map(Edit::Seed),
    ]
}

/// A region's default plan with a few edits: often valid, often just off.
fn edited_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::sample::select(REGIONS.iter().map(|r| r.id).collect::<Vec<_>>()),
        prop::collection::vec(edit(), 0..5),
    )
        .prop_map(|(region, edits)| {
            let mut s = Scenario::default_for(region);
            for e in edits {
                match e {
                    Edit::Alloc(id, m) => {
                        s.allocation.insert(id, m);
                    }
                    Edit::Budget(y, src, m) => {
                        if let Some(b) = s.budget.get_mut(y) {
                            match src {
                                0 => b.central = m,
                                1 => b.provincial = m,
                                _ => b.mobilised = m,
                            }
                        }
                    }
                    Edit::Constrain(id, c) => {
                        s.constraints.insert(id, c);
                    }
                    Edit::Line(id, o) => {
                        s.overrides.lines.insert(id, o);
                    }
                    Edit::Region(r) => s.overrides.region = r,
                    Edit::Years(a, b) => {
                        let n = (b - a + 1).max(0) as usize;
                        let row = s.budget.first().copied().unwrap_or_default();
                        s.start_year = a;
                        s.end_year = b;
                        s.budget = vec![row; n];
                    }
                    Edit::Seed(seed) => s.seed = seed,
                }
            }
            s
        })
}

/// A valid scenario: a region's default plan with a random allocation within budget and
/// a lock, floor or ceiling on up to two lines (each respected by the allocation).
fn valid_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::sample::select(REGIONS.iter().map(|r| r.id).collect::<Vec<_>>()),
        prop::collection::vec(0.0..1.0f64, LINES.len()),
        0.0..=1.0f64,
        any::<u64>(),
        prop::collection::vec((0usize..LINES.len(), 0u8..6), 0..=2),
    )
        .prop_map(|(region, weights, spent, seed, limits)| {
            let mut s = Scenario::default_for(region);
            let budget = s.min_year_budget().0 as f64 * spent;
            let total: f64 = weights.iter().sum::<f64>().max(1e-9);
            for (l, w) in LINES.iter().zip(&weights) {
                s.allocation
                    .insert(l.id.to_string(), Money((budget * w / total).floor() as i64));
            }
            s.seed = seed;
            for (line, kind) in limits {
                let id = LINES[line].id;
                let v = s.alloc(id).0;
                let c = match kind {
                    1 => Constraint {
                        locked: true,
                        floor: None,
                        ceiling: None,
                    },
                    2 => Constraint {
                        locked: false,
                        floor: Some(Money(v / 2)),
                        ceiling: None,
                    },
                    3 => Constraint {
                        locked: false,
                        floor: None,
                        ceiling: Some(Money(v.saturating_mul(2))),
                    },
                    4 => Constraint {
                        locked: false,
                        floor: Some(Money(v)),
                        ceiling: Some(Money(v)),
                    },
                    _ => Constraint::default(),
                };
                s.constraints.insert(id.to_string(), c);
            }
            s
        })
}

/// JSON keys the scenario format uses, plus noise.
fn key() -> impl Strategy<Value = String> {
    let known: Vec<String> = [
        "version",
        "name",
        "notes",
        "region",
        "start_year",
        "end_year",
        "budget",
        "allocation",
        "constraints",
        "overrides",
        "seed",
        "central",
        "provincial",
        "mobilised",
        "locked",
        "floor",
        "ceiling",
        "lines",
        "unit_cost",
        "rrr",
        "max_coverage",
        "durability_years",
        "low",
        "mode",
        "high",
        "children",
        "share_under5",
        "drowning_rate",
        "trend",
        "swim_share",
        "communes",
        "child_friendly_share",
        "hotline_calls",
        "special_circumstances",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .chain(line_ids())
    .collect();
    prop_oneof![5 => prop::sample::select(known), 1 => "\\PC{0,8}"]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0i64..=400 * TY).prop_map(Value::from),
        (2015i64..2050).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (0.0..1.0f64).prop_map(Value::from),
        "\\PC{0,10}".prop_map(Value::String),
        region_id().prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A scenario with every kind of field present, so JSON pointers reach them all.
fn rich_scenario() -> Scenario {
    let mut s = Scenario {
        notes: "ghi chú".into(),
        ..Scenario::default()
    };
    s.constraints.insert(
        "swim".into(),
        Constraint {
            locked: false,
            floor: Some(Money(10 * TY)),
            ceiling: Some(Money(200 * TY)),
        },
    );
    s.constraints.insert(
        "gifts".into(),
        Constraint {
            locked: true,
            floor: None,
            ceiling: None,
        },
    );
    s.overrides.lines.insert(
        "swim".into(),
        LineOverride {
            unit_cost: Some(Tri {
                low: Money(500_000),
                mode: Money(600_000),
                high: Money(700_000),
            }),
            rrr: Some(Tri {
                low: 0.2,
                mode: 0.5,
                high: 0.9,
            }),
            max_coverage: Some(0.8),
            durability_years: Some(5.0),
        },
    );
    s.overrides.region = RegionOverride {
        children: Some(24_000_000),
        share_under5: Some(0.3),
        drowning_rate: Some(Tri {
            low: 6.5,
            mode: 7.0,
            high: 7.5,
        }),
        trend: Some(Tri {
            low: -0.03,
            mode: -0.02,
            high: -0.01,
        }),
        swim_share: Some(0.25),
        special_circumstances: Some(1_500_000),
        communes: Some(3_321),
        child_friendly_share: Some(0.6),
        hotline_calls: Some(300_000),
    };
    s
}

/// JSON pointers into [`rich_scenario`]'s JSON.
fn pointer() -> impl Strategy<Value = String> {
    let mut paths: Vec<String> = [
        "/version",
        "/name",
        "/region",
        "/start_year",
        "/end_year",
        "/budget",
        "/budget/0",
        "/budget/0/central",
        "/budget/1/provincial",
        "/budget/3/mobilised",
        "/allocation",
        "/seed",
        "/constraints/swim/floor",
        "/constraints/swim/ceiling",
        "/constraints/gifts/locked",
        "/overrides/lines/swim/unit_cost/low",
        "/overrides/lines/swim/unit_cost/high",
        "/overrides/lines/swim/rrr/mode",
        "/overrides/lines/swim/rrr/high",
        "/overrides/lines/swim/max_coverage",
        "/overrides/lines/swim/durability_years",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    for f in [
        "children",
        "share_under5",
        "drowning_rate",
        "trend",
        "swim_share",
        "special_circumstances",
        "communes",
        "child_friendly_share",
        "hotline_calls",
    ] {
        paths.push(format!("/overrides/region/{f}"));
    }
    paths.extend(LINES.iter().map(|l| format!("/allocation/{}", l.id)));
    prop::sample::select(paths)
}

/// A value to put in place of another: mostly a number of some kind.
fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (0i64..=400 * TY).prop_map(Value::from),
        2 => (-1_000i64..3_000).prop_map(Value::from),
        2 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        3 => (-2.0..2.0f64).prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => json(),
    ]
}

/// The rich scenario's JSON with a few values replaced and, rarely, a key added.
fn mutated_json() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((pointer(), replacement()), 1..4),
        prop::collection::vec((key(), json()), 0..=1),
        0u8..8,
    )
        .prop_map(|(replace, add, coin)| {
            let mut v = serde_json::to_value(rich_scenario()).unwrap_or(Value::Null);
            for (p, new) in replace {
                if let Some(slot) = v.pointer_mut(&p) {
                    *slot = new;
                }
            }
            if coin == 0 {
                if let Value::Object(m) = &mut v {
                    for (k, new) in add {
                        m.insert(k, new);
                    }
                }
            }
            v
        })
}

// ---------------------------------------------------------------------------------------
// What must hold for any scenario

/// Runs every entry point; checks what must hold whatever the input.
fn exercise(s: &Scenario, draws: u32, pick: usize, year: Option<i32>) -> Result<(), TestCaseError> {
    let problems = s.problems();
    let valid = s.validate().is_ok();
    prop_assert_eq!(valid, problems.is_empty());
    for e in &problems {
        let _ = (
            e.field(),
            e.message(model::Lang::Vi),
            e.message(model::Lang::En),
        );
    }
    let projection = evaluate(s);
    prop_assert_eq!(valid, projection.is_ok());
    if let Ok(p) = &projection {
        prop_assert_eq!(p.years.len(), s.year_count());
        for y in &p.years {
            prop_assert_eq!(y.allocated, s.allocated());
            prop_assert!(y.allocated <= y.budget);
        }
    }
    prop_assert_eq!(valid, simulate(s, draws).is_ok());
    prop_assert_eq!(valid, marginal_returns(s, Money(100_000_000)).is_ok());
    let objective = [
        Objective::DeathsAverted,
        Objective::ChildrenSupported,
        Objective::Weighted {
            per_death: DEFAULT_PER_DEATH,
        },
    ][pick % 3];
    if let Ok(p) = optimize(s, objective) {
        prop_assert!(p.allocated <= p.budget);
        prop_assert_eq!(p.budget, s.min_year_budget());
        prop_assert_eq!(p.scenario.validate(), Ok(()));
        prop_assert!(p.after.is_finite());
        // Never worse than the user's own plan — when that plan is valid and buys
        // something with every đồng in every year (the optimiser never proposes idle money,
        // so a plan that buys more in its first year with money idle later can beat it).
        let no_idle = evaluate(s).is_ok_and(|e| e.lines.iter().all(|l| l.idle_total.0 == 0));
        if valid && no_idle {
            prop_assert!(p.after >= p.before, "{} < {}", p.after, p.before);
        }
        // The proposal itself has no idle money, except what a lock or a floor forces.
        if let Ok(e) = evaluate(&p.scenario) {
            for l in &e.lines {
                let c = s.constraint(l.id);
                let forced = c.locked || c.floor.is_some_and(|f| l.annual <= f);
                prop_assert!(
                    l.idle_total.0 == 0 || forced,
                    "{} idle in the proposal",
                    l.id
                );
            }
        }
        for l in LINES {
            let c = s.constraint(l.id);
            let v = p.allocation.get(l.id).copied().unwrap_or_default();
            if c.locked {
                prop_assert_eq!(v, s.alloc(l.id));
            }
            if let Some(f) = c.floor.filter(|_| !c.locked) {
                prop_assert!(v >= f);
            }
            if let Some(ce) = c.ceiling.filter(|_| !c.locked) {
                prop_assert!(v <= ce);
            }
        }
    } else if valid {
        // A valid scenario can only fail when its locks and floors exceed the budget —
        // impossible, since its own allocation respects them within the budget.
        prop_assert!(false, "optimize failed on a valid scenario");
    }
    let ids: Vec<&str> = TARGETS.iter().map(|t| t.id).chain(["nope"]).collect();
    let target = ids[pick % ids.len()];
    if let Ok(g) = goal_seek(s, target, year) {
        if let model::GoalOutcome::Reached {
            budget,
            scenario,
            chance,
            ..
        } = &g.outcome
        {
            prop_assert_eq!(scenario.validate(), Ok(()));
            prop_assert!(scenario.budget.iter().all(|b| b.total() == *budget));
            prop_assert!(*chance >= g.chance);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn wild_scenarios_never_panic(
        s in wild_scenario(),
        draws in 0u32..40,
        pick in any::<usize>(),
        year in prop::option::of(2020i32..2040),
    ) {
        exercise(&s, draws, pick, year)?;
    }

    #[test]
    fn edited_scenarios_never_panic(
        s in edited_scenario(),
        draws in 0u32..40,
        pick in any::<usize>(),
        year in prop::option::of(2024i32..2034),
    ) {
        exercise(&s, draws, pick, year)?;
    }

    #[test]
    fn scenarios_from_random_json_never_panic(
        v in json(),
        draws in 0u32..20,
        pick in any::<usize>(),
    ) {
        if let Ok(s) = serde_json::from_value::<Scenario>(v) {
            exercise(&s, draws, pick, None)?;
        }
    }

    #[test]
    fn scenarios_from_mutated_json_never_panic(
        v in mutated_json(),
        draws in 0u32..20,
        pick in any::<usize>(),
        year in prop::option::of(2026i32..2032),
    ) {
        let text = serde_json::to_string(&v).unwrap_or_default();
        if let Ok(s) = serde_json::from_str::<Scenario>(&text) {
            exercise(&s, draws, pick, year)?;
        }
    }

    #[test]
    fn more_money_never_buys_less(
        s in valid_scenario(),
        line in 0usize..LINES.len(),
        extra in 1i64..=50 * TY,
    ) {
        let mut s = s;
        s.constraints.clear();
        let id = LINES[line].id;
        let mut more = s.clone();
        more.allocation.insert(id.to_string(), s.alloc(id).saturating_add(Money(extra)));
        for b in &mut more.budget {
            b.mobilised = b.mobilised.saturating_add(Money(extra));
        }
        let a = evaluate(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = evaluate(&more).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (la, lb) = (a.line(id), b.line(id));
        let (Some(la), Some(lb)) = (la, lb) else {
            return Err(TestCaseError::fail("line missing"));
        };
        // Units still working never fall; units bought over the plan may differ by the
        // flooring of each year's count (< 1 a year) when a durable line reaches its cap.
        prop_assert!(lb.stock_final >= la.stock_final * (1.0 - 1e-12));
        prop_assert!(lb.reach_total + a.years.len() as u64 >= la.reach_total);
        prop_assert!(lb.reach[0] >= la.reach[0]);
        for (ya, yb) in a.years.iter().zip(&b.years) {
            prop_assert!(yb.deaths <= ya.deaths * (1.0 + 1e-12), "{} > {}", yb.deaths, ya.deaths);
        }
        for h in model::Horizon::ALL {
            prop_assert!(b.headline.deaths_averted.get(h) >= a.headline.deaths_averted.get(h) - 1e-9);
        }
        prop_assert!(b.headline.swim_share_final >= a.headline.swim_share_final);
        prop_assert!(b.headline.child_friendly_share_final >= a.headline.child_friendly_share_final);
    }

    #[test]
    fn the_optimiser_conserves_the_budget_and_never_loses(
        s in valid_scenario(),
        pick in 0usize..3,
        per_death in 0.0..1e6f64,
    ) {
        let objective = [
            Objective::DeathsAverted,
            Objective::ChildrenSupported,
            Objective::Weighted { per_death },
        ][pick];
        let p = optimize(&s, objective).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(p.allocated <= s.min_year_budget());
        prop_assert_eq!(p.allocated, p.scenario.allocated());
        let no_idle = evaluate(&s).is_ok_and(|e| e.lines.iter().all(|l| l.idle_total.0 == 0));
        prop_assert!(p.after >= p.before || !no_idle);
        let own = objective_value(&s, objective).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(own, p.before);
    }

    #[test]
    fn goal_seek_meets_the_target_with_the_asked_chance(
        s in valid_scenario(),
        target in prop::sample::select(vec!["drowning-2030", "swim-2030", "cfc-2030"]),
        chance in prop::sample::select(vec![0.5, 0.8, 0.95]),
    ) {
        let o = model::goal::GoalOptions { year: Some(2030), chance, ..Default::default() };
        let g = model::goal::goal_seek_with(&s, target, &o)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        match &g.outcome {
            model::GoalOutcome::Reached { budget, scenario, chance: got, .. } => {
                // The card's own Monte Carlo gives the answer at least the asked chance.
                let u = simulate(scenario, 1_000).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let card = u.target(target).map_or(0.0, |t| t.probability);
                prop_assert!(card >= chance, "{target}: {card} < {chance}");
                prop_assert_eq!(card, *got);
                if budget.0 > 0 {
                    // A twentieth less does not reach the chance.
                    let mut t = s.clone();
                    let less = budget.0 - budget.0 / 20;
                    t.budget = vec![YearBudget { central: Money(less), ..YearBudget::default() }; s.budget.len()];
                    match optimize_for_target(&t, target, &o) {
                        Ok(p) => prop_assert!(!p.met, "{target}: {budget:?} less still meets"),
                        // Less than the locks and floors need: the answer was the least.
                        Err(model::ScenarioError::ConstraintsOverBudget { .. }) => {}
                        Err(e) => return Err(TestCaseError::fail(e.to_string())),
                    }
                }
            }
            model::GoalOutcome::Unreachable { best_chance, .. } => {
                prop_assert!(*best_chance < chance);
            }
        }
    }

    #[test]
    fn headline_figures_lie_within_their_own_band(s in valid_scenario()) {
        let p = evaluate(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let u = simulate(&s, 1_000).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let h = &p.headline;
        let within = |b: model::Band3, x: f64| b.p10 <= x + 1e-9 * x.abs() && x <= b.p90 + 1e-9 * x.abs();
        for hz in model::Horizon::ALL {
            prop_assert!(within(u.deaths_averted.get(hz), h.deaths_averted.get(hz)), "{hz:?} {:?} {}", u.deaths_averted.get(hz), h.deaths_averted.get(hz));
            prop_assert!(within(u.dalys_averted.get(hz), h.dalys_averted.get(hz)), "dalys {hz:?}");
        }
        prop_assert!(within(u.deaths, h.deaths), "deaths {:?} {}", u.deaths, h.deaths);
        prop_assert!(within(u.rate_final, h.rate_final), "rate");
        prop_assert!(within(u.swim_share_final, h.swim_share_final), "swim");
        prop_assert!(within(u.child_friendly_share_final, h.child_friendly_share_final), "cfc");
        let r = u.children_reached;
        prop_assert!(r.p10 <= h.children_reached && h.children_reached <= r.p90, "reached {r:?} {}", h.children_reached);
        let c = u.children_supported;
        prop_assert!(c.p10 <= h.children_supported && h.children_supported <= c.p90, "supported {c:?} {}", h.children_supported);
    }

    #[test]
    fn children_never_exceed_the_children_who_exist(
        region in 0usize..REGIONS.len(),
        ty in prop::sample::select(vec![0i64, 1, 10, 1_000, 100_000, 1_000_000]),
        weights in prop::collection::vec(0.0..1.0f64, LINES.len()),
    ) {
        // Any split of any budget up to 10^15 đ (a million tỷ) a year.
        let mut s = Scenario::default_for(REGIONS[region].id);
        let budget = (ty * TY).min(MAX_MONEY.0);
        let total: f64 = weights.iter().sum::<f64>().max(1e-9);
        s.allocation = LINES
            .iter()
            .zip(&weights)
            .map(|(l, w)| (l.id.to_string(), Money((budget as f64 * w / total).floor() as i64)))
            .collect();
        for b in &mut s.budget {
            *b = YearBudget { central: Money(budget), ..YearBudget::default() };
        }
        let p = evaluate(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let children = p.baseline.children.value;
        prop_assert!(p.headline.children_reached as f64 <= children);
        prop_assert!(p.headline.children_supported as f64 <= children);
        for l in &p.lines {
            prop_assert!(l.children_reached as f64 <= children, "{}", l.id);
            prop_assert!(l.children_supported as f64 <= children, "{}", l.id);
        }
        let u = simulate(&s, 50).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(u.children_reached.p90 as f64 <= children);
        prop_assert!(u.children_supported.p90 as f64 <= children);
    }

    #[test]
    fn the_same_seed_gives_the_same_bands(s in valid_scenario(), draws in 1u32..60) {
        let a = simulate(&s, draws).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = simulate(&s, draws).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&a, &b);
        let ja = serde_json::to_string(&a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let jb = serde_json::to_string(&b).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ja, jb);
    }

    #[test]
    fn different_seeds_give_different_bands(a in any::<u64>(), b in any::<u64>()) {
        prop_assume!(a != b);
        let mut s = Scenario { seed: a, ..Scenario::default() };
        let ua = simulate(&s, 100).map_err(|e| TestCaseError::fail(e.to_string()))?;
        s.seed = b;
        let ub = simulate(&s, 100).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_ne!(ua.deaths_averted, ub.deaths_averted);
    }
}

// ---------------------------------------------------------------------------------------
// The optimiser against random feasible allocations

/// A random allocation that respects every lock, floor and ceiling of `s` and fits its
/// smallest year's budget: floors first, then the rest split by random weights, skewed so
/// that some allocations concentrate on a few lines.
fn random_feasible(s: &Scenario, r: &mut Rng) -> BTreeMap<String, Money> {
    let budget = s.min_year_budget().0;
    let mut x: Vec<i64> = LINES
        .iter()
        .map(|l| {
            let c = s.constraint(l.id);
            if c.locked {
                s.alloc(l.id).0
            } else {
                c.floor.map_or(0, |m| m.0)
            }
        })
        .collect();
    let free = budget - x.iter().sum::<i64>();
    let w: Vec<f64> = LINES
        .iter()
        .map(|l| {
            if s.constraint(l.id).locked {
                0.0
            } else {
                let u = r.next_f64();
                u * u * u
            }
        })
        .collect();
    let total: f64 = w.iter().sum::<f64>().max(1e-12);
    for (i, l) in LINES.iter().enumerate() {
        let c = s.constraint(l.id);
        let add = (free as f64 * w[i] / total).floor() as i64;
        let cap = c.ceiling.map_or(i64::MAX, |m| m.0);
        x[i] = (x[i] + add).min(cap).max(x[i]);
    }
    LINES
        .iter()
        .zip(x)
        .map(|(l, v)| (l.id.to_string(), Money(v)))
        .collect()
}

fn beats_random(s: &Scenario, objective: Objective, seed: u64) {
    let p = optimize(s, objective).expect("the scenario is valid");
    assert!(p.allocated <= p.budget);
    let own = objective_value(s, objective).expect("valid");
    assert!(p.after >= own, "{objective:?}: {} < own {own}", p.after);
    let mut r = Rng::seed_from_u64(seed);
    for k in 0..1_000 {
        let mut t = s.clone();
        t.allocation = random_feasible(s, &mut r);
        assert_eq!(t.validate(), Ok(()), "random allocation {k} is feasible");
        let v = objective_value(&t, objective).expect("valid");
        assert!(
            p.after >= v,
            "{objective:?}: optimiser {} < random allocation {k}: {v} ({:?})",
            p.after,
            t.allocation
        );
    }
}

#[test]
fn the_optimiser_beats_1000_random_allocations_of_the_national_plan() {
    let s = Scenario::default();
    beats_random(&s, Objective::DeathsAverted, 1);
    beats_random(&s, Objective::ChildrenSupported, 2);
    beats_random(&s, Objective::weighted(), 3);
    beats_random(
        &s,
        Objective::Weighted {
            per_death: 20_000.0,
        },
        4,
    );
}

#[test]
fn the_optimiser_beats_1000_random_allocations_under_constraints() {
    let mut s = Scenario::default_for("dien-bien");
    let c = |locked, floor: Option<i64>, ceiling: Option<i64>| Constraint {
        locked,
        floor: floor.map(Money),
        ceiling: ceiling.map(Money),
    };
    // Lock scholarships, keep special support at 0,4 tỷ at least, cap first aid at 0,5 tỷ
    // and day care between 0,1 and 0,8 tỷ.
    s.constraints
        .insert("scholarship".into(), c(true, None, None));
    s.constraints
        .insert("special_support".into(), c(false, Some(400_000_000), None));
    s.allocation
        .insert("special_support".into(), Money(500_000_000));
    s.allocation.insert("gifts".into(), Money(0));
    s.constraints
        .insert("first_aid".into(), c(false, None, Some(500_000_000)));
    s.allocation.insert("first_aid".into(), Money(50_000_000));
    s.constraints.insert(
        "daycare".into(),
        c(false, Some(100_000_000), Some(800_000_000)),
    );
    assert_eq!(s.validate(), Ok(()));
    beats_random(&s, Objective::DeathsAverted, 5);
    beats_random(&s, Objective::ChildrenSupported, 6);
    beats_random(&s, Objective::weighted(), 7);
}
