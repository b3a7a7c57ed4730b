//! Goal seek: the least annual budget for which the optimised allocation meets a national
//! target by a chosen plan year, or a clear "unreachable within the caps".
//!
//! The allocation at each budget comes from the optimiser ([`mod@crate::optimize`]) with the
//! objective the target calls for: a drowning-reduction target minimises expected deaths
//! in the chosen year, a swim-safely target maximises that year's swim share and a
//! child-friendly target that year's share of child-friendly communes. The budget is found
//! by bisection (geometric, then arithmetic) down to 0,05 % and rounded up to whole triệu
//! đồng (1 000 đ under 1 tỷ); every answer is checked to meet the target exactly as
//! [`crate::evaluate`] judges it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::data::{self, LINES, TargetDef, TargetKind};
use crate::error::ScenarioError;
use crate::money::{MAX_MONEY, Money};
use crate::optimize::{Goal, Search, Setup, unit_for};
use crate::scenario::{Scenario, YearBudget};

/// What goal seek found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GoalSeek {
    /// Target id ([`crate::TARGETS`]).
    pub target: &'static str,
    /// The plan year by which it is to be met.
    pub year: i32,
    /// The target's threshold (a share: 0,2 = a 20 % reduction or 20 % of children).
    pub threshold: f64,
    /// What the scenario's current allocation achieves that year (reduction or share).
    pub current: f64,
    /// The answer.
    pub outcome: GoalOutcome,
}

/// The least budget, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum GoalOutcome {
    /// The target is met with this annual budget, and not with 1 % less.
    Reached {
        /// The least annual budget (all sources), đồng.
        budget: Money,
        /// What it achieves (reduction or share, ≥ the threshold).
        value: f64,
        /// The optimised annual allocation at that budget, every line.
        allocation: BTreeMap<String, Money>,
        /// The scenario with that allocation and every plan year's budget set to `budget`,
        /// split between funding sources in that year's current proportions.
        scenario: Box<Scenario>,
    },
    /// Even with every line that serves the target at its cap (or ceiling) the target is
    /// not met.
    Unreachable {
        /// The best value achievable (reduction or share).
        best: f64,
        /// The annual spend at which that best is reached, đồng.
        budget: Money,
    },
}

impl GoalOutcome {
    /// Whether the target can be met.
    pub fn reached(&self) -> bool {
        matches!(self, GoalOutcome::Reached { .. })
    }
}

/// A target made into something the optimiser can chase.
struct Chase {
    target: &'static TargetDef,
    year: i32,
    goal: Goal,
    children: f64,
    reference: f64,
}

impl Chase {
    /// Checks the request and the scenario (ignoring what a new allocation or budget can
    /// fix) and compiles it.
    fn new(s: &Scenario, target: &str, year: Option<i32>) -> Result<(Chase, Setup), ScenarioError> {
        let Some(t) = data::target(target) else {
            return Err(ScenarioError::UnknownTarget(
                target.chars().take(40).collect(),
            ));
        };
        let setup = Setup::new(s)?;
        let m = &setup.model;
        let year = year.unwrap_or(t.year);
        let Some(yi) = m.years.iter().position(|y| *y == year) else {
            return Err(ScenarioError::YearOutsidePlan {
                year,
                start: s.start_year,
                end: s.end_year,
            });
        };
        let goal = match t.kind {
            TargetKind::DrowningReduction => Goal::DeathsIn(yi),
            TargetKind::SwimShare => Goal::SwimShareIn(yi),
            TargetKind::ChildFriendlyShare => Goal::ChildFriendlyIn(yi),
        };
        let chase = Chase {
            target: t,
            year,
            goal,
            children: m.pop[0] + m.pop[1],
            reference: m.reference_rate,
        };
        Ok((chase, setup))
    }

    /// The target's value (reduction or share) from the goal's score, with the same
    /// arithmetic as [`crate::evaluate`], so both always agree on `met`.
    fn value(&self, score: f64) -> f64 {
        match self.target.kind {
            TargetKind::DrowningReduction => 1.0 - (-score / self.children * 1e5) / self.reference,
            _ => score,
        }
    }

    /// Whether a score meets the target (with evaluate's tolerance).
    fn meets(&self, score: f64) -> bool {
        self.value(score) >= self.target.value - 1e-12
    }
}

/// The allocation within the scenario's own budget (the smallest year's) that does most
/// for one target in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetProposal {
    /// Target id.
    pub target: &'static str,
    /// The plan year it is judged in.
    pub year: i32,
    /// The target's threshold.
    pub threshold: f64,
    /// What the proposed allocation achieves that year (reduction or share).
    pub value: f64,
    /// `value ≥ threshold`.
    pub met: bool,
    /// Proposed annual amount for every line, đồng.
    pub allocation: BTreeMap<String, Money>,
    /// The scenario with that allocation (everything else unchanged); it validates.
    pub scenario: Scenario,
}

/// The allocation within the smallest year's budget that does most for `target` in
/// `year` (`None` = the target's own year): least deaths that year for a drowning target,
/// the largest swim or child-friendly share for the others. Lines that do not serve the
/// target keep their floor (0 without one). This is the optimiser [`goal_seek`] runs at
/// each budget it tries.
pub fn optimize_for_target(
    s: &Scenario,
    target: &str,
    year: Option<i32>,
) -> Result<TargetProposal, ScenarioError> {
    let (chase, setup) = Chase::new(s, target, year)?;
    let budget = s.min_year_budget();
    let required = setup.required();
    if required > budget.0 {
        return Err(ScenarioError::ConstraintsOverBudget {
            required: Money(required),
            budget,
        });
    }
    let mut search = Search::new(&setup, chase.goal);
    let (x, score) = search.solve(budget.0, None);
    let allocation = Setup::allocation(&x);
    let mut scenario = s.clone();
    scenario.allocation = allocation.clone();
    Ok(TargetProposal {
        target: chase.target.id,
        year: chase.year,
        threshold: chase.target.value,
        value: chase.value(score),
        met: chase.meets(score),
        allocation,
        scenario,
    })
}

/// The least annual budget for which the optimised allocation meets `target` (a
/// [`crate::TARGETS`] id) in `year` (a plan year; `None` = the target's own year).
/// Locks, floors and ceilings hold as in [`crate::optimize()`], so the answer is never
/// below what the locks and floors need. At the answer, [`optimize_for_target`] on the
/// returned scenario meets the target; with 1 % less it does not.
///
/// ```
/// use model::{GoalOutcome, Scenario, goal_seek};
/// let g = goal_seek(&Scenario::default(), "drowning-2030", None)?;
/// match g.outcome {
///     GoalOutcome::Reached { budget, .. } => assert!(budget.0 >= 0),
///     GoalOutcome::Unreachable { best, .. } => assert!(best < g.threshold),
/// }
/// # Ok::<(), model::ScenarioError>(())
/// ```
pub fn goal_seek(s: &Scenario, target: &str, year: Option<i32>) -> Result<GoalSeek, ScenarioError> {
    let (chase, setup) = Chase::new(s, target, year)?;
    let to_value = |score: f64| chase.value(score);
    let meets = |score: f64| chase.meets(score);
    let mut search = Search::new(&setup, chase.goal);
    let own: Vec<i64> = LINES.iter().map(|l| s.alloc(l.id).0).collect();
    let current = to_value(search.value(&own));
    let done = |outcome| GoalSeek {
        target: chase.target.id,
        year: chase.year,
        threshold: chase.target.value,
        current,
        outcome,
    };

    // The most the lines can do: every line that serves the target at its cap or ceiling.
    let required = setup.required();
    let top = search.saturated();
    let top_budget = top.iter().sum::<i64>();
    let (top_budget, top_x, top_v) = if top_budget <= MAX_MONEY.0 {
        let v = search.value(&top);
        (top_budget, top, v)
    } else {
        let (x, v) = search.solve(MAX_MONEY.0, None);
        (MAX_MONEY.0, x, v)
    };
    if !meets(top_v) {
        return Ok(done(GoalOutcome::Unreachable {
            best: to_value(top_v),
            budget: Money(top_budget),
        }));
    }
    let lo_x = setup.lo.clone();
    let lo_v = search.value(&lo_x);
    if meets(lo_v) {
        return Ok(done(reached(s, Money(required), to_value(lo_v), &lo_x)));
    }

    // Bisection on the money above the locks and floors: `lo_f` fails, `hi_f` meets.
    let mut lo_f = 0i64;
    let mut hi_f = top_budget - required;
    let mut best = {
        let (x, v) = search.solve(top_budget, None);
        if meets(v) { (x, v) } else { (top_x, top_v) }
    };
    let probe = |f: i64, search: &mut Search, best: &mut (Vec<i64>, f64)| {
        let (x, v) = search.solve(required + f, None);
        let ok = meets(v);
        if ok {
            *best = (x, v);
        }
        ok
    };
    while hi_f > 4 * lo_f.max(1_000) {
        let mid = libm::sqrt(lo_f.max(1_000) as f64 * hi_f as f64) as i64;
        if probe(mid, &mut search, &mut best) {
            hi_f = mid;
        } else {
            lo_f = mid;
        }
    }
    while hi_f - lo_f > ((required + hi_f) / 2_000).max(1_000) {
        let mid = lo_f + (hi_f - lo_f) / 2;
        if probe(mid, &mut search, &mut best) {
            hi_f = mid;
        } else {
            lo_f = mid;
        }
    }
    // Round the answer up to whole triệu (or thousands) when that still meets.
    let exact = required + hi_f;
    let unit = unit_for(exact);
    let rounded = exact
        .div_euclid(unit)
        .saturating_add(i64::from(exact % unit != 0))
        * unit;
    let (budget, (x, v)) = if rounded != exact && rounded <= MAX_MONEY.0 {
        let (x, v) = search.solve(rounded, None);
        if meets(v) {
            (rounded, (x, v))
        } else {
            (exact, best)
        }
    } else {
        (exact, best)
    };
    Ok(done(reached(s, Money(budget), to_value(v), &x)))
}

fn reached(s: &Scenario, budget: Money, value: f64, x: &[i64]) -> GoalOutcome {
    let allocation = Setup::allocation(x);
    let mut scenario = s.clone();
    scenario.allocation = allocation.clone();
    scenario.budget = with_total(&s.budget, budget);
    GoalOutcome::Reached {
        budget,
        value,
        allocation,
        scenario: Box::new(scenario),
    }
}

/// Every row set to `total`, split between sources in the row's proportions (a row with
/// no money takes the first funded row's, and all central when none is funded).
fn with_total(rows: &[YearBudget], total: Money) -> Vec<YearBudget> {
    let fallback = rows.iter().find(|r| r.total().0 > 0).copied();
    rows.iter()
        .map(|row| {
            let r = if row.total().0 > 0 {
                Some(*row)
            } else {
                fallback
            };
            let Some(r) = r else {
                return YearBudget {
                    central: total,
                    ..YearBudget::default()
                };
            };
            let t = i128::from(r.total().0);
            let part = |m: Money| Money((i128::from(total.0) * i128::from(m.0) / t) as i64);
            let central = part(r.central);
            let provincial = part(r.provincial);
            YearBudget {
                central,
                provincial,
                mobilised: total.saturating_sub(central).saturating_sub(provincial),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::evaluate;
    use crate::money::TY;
    use crate::scenario::Constraint;

    /// Whether the optimiser meets the target at this annual budget.
    fn meets_at(s: &Scenario, target: &str, year: i32, budget: i64) -> bool {
        let mut t = s.clone();
        t.budget = with_total(&s.budget, Money(budget));
        optimize_for_target(&t, target, Some(year)).is_ok_and(|p| p.met)
    }

    #[test]
    fn the_least_budget_meets_and_one_percent_less_does_not() {
        let s = Scenario::default();
        for (target, year) in [
            ("drowning-2030", 2030),
            ("swim-2030", 2030),
            ("cfc-2030", 2030),
            ("drowning-2030", 2029),
        ] {
            let g = goal_seek(&s, target, Some(year)).expect("valid");
            let GoalOutcome::Reached {
                budget, scenario, ..
            } = &g.outcome
            else {
                // Unreachable is a legitimate answer, but these targets are reachable.
                assert!(g.outcome.reached(), "{target} {year}: {g:?}");
                continue;
            };
            assert!(meets_at(&s, target, year, budget.0), "{target}");
            if budget.0 == 0 {
                // Met without any plan (the no-plan trend alone gets there).
                continue;
            }
            let less = budget.0 - budget.0 / 100;
            assert!(
                !meets_at(&s, target, year, less),
                "{target} {year}: {budget:?}"
            );
            assert_eq!(scenario.validate(), Ok(()));
            assert!(scenario.budget.iter().all(|b| b.total() == *budget));
            if year == data::target(target).expect("target").year {
                let p = evaluate(scenario).expect("valid");
                assert!(p.target(target).expect("target").met, "{target}");
            }
        }
    }

    #[test]
    fn an_already_met_target_needs_only_the_floors() {
        // With 80 % of communes already child-friendly, 75 % by 2030 costs nothing more
        // than the floors (none here).
        let mut s = Scenario::default();
        s.overrides.region.child_friendly_share = Some(0.8);
        let g = goal_seek(&s, "cfc-2030", None).expect("valid");
        assert!(
            matches!(
                g.outcome,
                GoalOutcome::Reached {
                    budget: Money(0),
                    ..
                }
            ),
            "{g:?}"
        );
        // A floor on a line counts in the least budget even when it does not serve the
        // target.
        s.constraints.insert(
            "gifts".into(),
            Constraint {
                locked: false,
                floor: Some(Money(5 * TY)),
                ceiling: None,
            },
        );
        let g = goal_seek(&s, "cfc-2030", None).expect("valid");
        assert!(
            matches!(g.outcome, GoalOutcome::Reached { budget, .. } if budget == Money(5 * TY)),
            "{g:?}"
        );
    }

    #[test]
    fn capped_lines_make_a_target_unreachable() {
        // At most 90 % of non-swimmers can be taught: with a ceiling of 1 tỷ a year on
        // swimming, 60 % of children cannot swim by 2030.
        let mut s = Scenario::default();
        s.constraints.insert(
            "swim".into(),
            Constraint {
                locked: false,
                floor: None,
                ceiling: Some(Money(TY)),
            },
        );
        s.allocation.insert("swim".into(), Money(TY));
        let g = goal_seek(&s, "swim-2030", None).expect("valid");
        assert!(
            matches!(g.outcome, GoalOutcome::Unreachable { best, budget }
                if best < 0.6 && best > 0.192 && budget == Money(TY)),
            "{g:?}"
        );
        assert!(!g.outcome.reached());
    }

    #[test]
    fn bad_requests_are_typed_errors() {
        let s = Scenario::default();
        assert_eq!(
            goal_seek(&s, "nope", None),
            Err(ScenarioError::UnknownTarget("nope".into()))
        );
        assert_eq!(
            goal_seek(&s, "drowning-2025", None),
            Err(ScenarioError::YearOutsidePlan {
                year: 2025,
                start: 2027,
                end: 2030
            })
        );
    }

    #[test]
    fn budget_rows_keep_their_source_proportions() {
        let rows = [
            YearBudget {
                central: Money(60),
                provincial: Money(30),
                mobilised: Money(10),
            },
            YearBudget::default(),
        ];
        let out = with_total(&rows, Money(1_000));
        assert_eq!(
            out[0],
            YearBudget {
                central: Money(600),
                provincial: Money(300),
                mobilised: Money(100)
            }
        );
        assert_eq!(out[1], out[0]);
        let none = with_total(&[YearBudget::default()], Money(7));
        assert_eq!(none[0].central, Money(7));
    }
}
