//! The optimiser: the annual allocation that maximises an objective (deaths averted,
//! children supported or a weighted mix) within the budget, the locks, the floors and the
//! ceilings.
//!
//! Method: greedy marginal allocation with step sizes that shrink from the whole free
//! budget down to 1 triệu đồng (1 000 đ for budgets under 1 tỷ) in a 1–2–5 sequence; at
//! each step size, money first goes where the next step buys most, then pairwise
//! transfers (take a step from one line, give it to another) are made while any improves
//! the objective. Every candidate is scored by the model's own fast core (`Model::run`),
//! so the optimiser and `evaluate` never disagree about a formula.
//!
//! Guarantees: amounts are whole đồng; the total never exceeds the smallest year's budget;
//! a locked line keeps exactly its amount; every line stays within its floor and ceiling
//! (lines with no effect on the objective get their floor, 0 without one); floors and
//! locks that do not fit the budget are an error, never silently cut; and the result is
//! never worse than the scenario's own allocation when that one is feasible.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::{LINES, Role};
use crate::error::ScenarioError;
use crate::eval::{LineParams, Model, Outcome};
use crate::lang::Lang;
use crate::money::{MAX_MONEY, Money, TRIEU, TY};
use crate::scenario::{Scenario, YearBudget};

/// The default weight of a death averted in [`Objective::Weighted`]: one child's drowning
/// death averted counts as much as 100 000 children supported.
///
/// Why this figure: with the default catalogue the cheapest support (a 65 217 đ gift)
/// buys about 61 000 children supported per tỷ đồng a year over a 4-year plan, while the
/// most effective drowning line averts about 1,2 deaths per tỷ a year; the two break even
/// near 50 000. Below that the weighted objective behaves like
/// [`Objective::ChildrenSupported`], well above it like [`Objective::DeathsAverted`]; 100 000
/// sits on the side of deaths without ignoring support once drowning lines saturate.
/// Planners with a different view pass their own `per_death`.
pub const DEFAULT_PER_DEATH: f64 = 100_000.0;

/// Largest `per_death` accepted.
pub const MAX_PER_DEATH: f64 = 1e12;

/// What the optimiser maximises over the plan years.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Child drowning deaths averted over the plan (expected, most-likely parameters).
    /// The default.
    #[default]
    DeathsAverted,
    /// Children supported over the plan (direct support, scholarships, examinations,
    /// gifts and counselling), counted fractionally so the optimiser sees every đồng.
    ChildrenSupported,
    /// `deaths averted × per_death + children supported`.
    Weighted {
        /// How many children supported one death averted is worth (0–10^12); see
        /// [`DEFAULT_PER_DEATH`].
        per_death: f64,
    },
}

impl Objective {
    /// The weighted mix with [`DEFAULT_PER_DEATH`].
    pub fn weighted() -> Objective {
        Objective::Weighted {
            per_death: DEFAULT_PER_DEATH,
        }
    }

    /// Reads a name as typed on a command line: `deaths` (or `deaths_averted`),
    /// `supported` (or `children_supported`), `weighted` (default weight) or
    /// `weighted:N` / `weighted=N` with N children per death averted. `None` otherwise.
    pub fn from_name(name: &str) -> Option<Objective> {
        let n = name.trim().to_ascii_lowercase().replace('-', "_");
        match n.as_str() {
            "deaths" | "deaths_averted" => Some(Objective::DeathsAverted),
            "supported" | "children_supported" => Some(Objective::ChildrenSupported),
            "weighted" => Some(Objective::weighted()),
            _ => {
                let w = n
                    .strip_prefix("weighted:")
                    .or_else(|| n.strip_prefix("weighted="))?;
                let per_death: f64 = w.trim().parse().ok()?;
                Some(Objective::Weighted { per_death })
            }
        }
    }

    /// A short description in the user's language.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Objective::DeathsAverted => {
                lang.pick(
                    "Số ca tử vong do đuối nước tránh được",
                    "Drowning deaths averted",
                )
            }
            .to_string(),
            Objective::ChildrenSupported => lang
                .pick("Số trẻ em được hỗ trợ", "Children supported")
                .to_string(),
            Objective::Weighted { per_death } => {
                let w = crate::money::fmt_num(per_death, 0, lang);
                match lang {
                    Lang::Vi => format!("Kết hợp: 1 ca tử vong tránh được = {w} trẻ được hỗ trợ"),
                    Lang::En => format!("Weighted: 1 death averted = {w} children supported"),
                }
            }
        }
    }

    fn check(self) -> Result<(), ScenarioError> {
        if let Objective::Weighted { per_death } = self {
            let field = crate::field::FieldPath::Param(crate::field::Param::PerDeath);
            if !per_death.is_finite() {
                return Err(ScenarioError::NonFinite { field });
            }
            if !(0.0..=MAX_PER_DEATH).contains(&per_death) {
                return Err(ScenarioError::OutOfRange {
                    field,
                    value: per_death,
                    min: 0.0,
                    max: MAX_PER_DEATH,
                });
            }
        }
        Ok(())
    }
}

/// What the optimiser proposes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The objective maximised.
    pub objective: Objective,
    /// The budget the allocation fits in: the smallest year's total, đồng.
    pub budget: Money,
    /// Proposed annual amount for every line of the catalogue (0 included), đồng.
    pub allocation: BTreeMap<String, Money>,
    /// Sum of the proposed amounts (≤ `budget`).
    pub allocated: Money,
    /// `budget − allocated`: money that buys nothing more for this objective (every line
    /// that serves it is at its ceiling or its cap).
    pub unallocated: Money,
    /// The objective with the scenario's current allocation (even if that one does not
    /// fit the budget or its bounds).
    pub before: f64,
    /// The objective with the proposed allocation.
    pub after: f64,
    /// The scenario with the proposed allocation (everything else unchanged); it validates.
    pub scenario: Scenario,
}

/// Proposes the annual allocation that maximises `objective` within the smallest year's
/// budget ([`Scenario::min_year_budget`]), respecting locks, floors and ceilings.
///
/// The scenario may be over budget or have unlocked lines outside their bounds (the
/// proposal fixes both); any other problem is returned as is. Locks and floors that need
/// more than the budget give [`ScenarioError::ConstraintsOverBudget`].
///
/// ```
/// use model::{Objective, Scenario, optimize};
/// let p = optimize(&Scenario::default(), Objective::DeathsAverted)?;
/// assert!(p.allocated <= p.budget && p.after >= p.before);
/// assert_eq!(p.scenario.validate(), Ok(()));
/// # Ok::<(), model::ScenarioError>(())
/// ```
pub fn optimize(s: &Scenario, objective: Objective) -> Result<Proposal, ScenarioError> {
    objective.check()?;
    let setup = Setup::new(s)?;
    let budget = s.min_year_budget();
    let required = setup.required();
    if required > budget.0 {
        return Err(ScenarioError::ConstraintsOverBudget {
            required: Money(required),
            budget,
        });
    }
    let goal = Goal::Objective(objective);
    let mut search = Search::new(&setup, goal);
    let own: Vec<i64> = LINES.iter().map(|l| s.alloc(l.id).0).collect();
    let before = search.value(&own);
    let (mut x, mut after) = search.solve(budget.0, None);
    if setup.feasible(&own, budget.0) && before > after {
        // The heuristic ended below the user's own plan: improve that plan instead.
        let (y, v) = search.solve(budget.0, Some(own));
        if v > after {
            x = y;
            after = v;
        }
    }
    Ok(setup.proposal(s, objective, budget, &x, before, after))
}

/// The objective of the scenario's own allocation, as the optimiser scores it (for
/// comparing allocations; `Proposal::before` and `after` use the same measure).
pub fn objective_value(s: &Scenario, objective: Objective) -> Result<f64, ScenarioError> {
    objective.check()?;
    let m = Model::new(s)?;
    let mut out = Outcome::for_model(&m);
    m.run(&m.lines, &m.spend, &mut out, false);
    Ok(Goal::Objective(objective).score(&m.lines, &out))
}

/// What a search maximises (the public objectives and the goal-seek targets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Goal {
    /// A public objective over the plan.
    Objective(Objective),
    /// Fewest expected deaths in the plan year with this index.
    DeathsIn(usize),
    /// Largest swim-safely share in the plan year with this index.
    SwimShareIn(usize),
    /// Largest child-friendly share in the plan year with this index.
    ChildFriendlyIn(usize),
}

impl Goal {
    /// Whether money on this line can move the goal at all.
    fn relevant(self, l: &LineParams) -> bool {
        let drowning = l.rrr > 0.0;
        let support = l.supported > 0.0;
        match self {
            Goal::Objective(Objective::DeathsAverted) | Goal::DeathsIn(_) => drowning,
            Goal::Objective(Objective::ChildrenSupported) => support,
            Goal::Objective(Objective::Weighted { per_death }) => {
                (per_death > 0.0 && drowning) || support
            }
            Goal::SwimShareIn(_) => l.role == Role::Swimming,
            Goal::ChildFriendlyIn(_) => l.role == Role::ChildFriendly,
        }
    }

    /// The goal's value for a finished run (larger is better; NaN counts as −∞).
    pub(crate) fn score(self, lines: &[LineParams], out: &Outcome) -> f64 {
        let supported = || {
            let n = lines.len().max(1);
            out.new_units
                .chunks_exact(n)
                .map(|row| {
                    row.iter()
                        .zip(lines)
                        .map(|(u, l)| u * l.supported)
                        .sum::<f64>()
                })
                .sum::<f64>()
        };
        let v = match self {
            Goal::Objective(Objective::DeathsAverted) => out.deaths_averted(),
            Goal::Objective(Objective::ChildrenSupported) => supported(),
            Goal::Objective(Objective::Weighted { per_death }) => {
                out.deaths_averted() * per_death + supported()
            }
            Goal::DeathsIn(y) => -out.deaths.get(y).copied().unwrap_or(f64::NAN),
            Goal::SwimShareIn(y) => out.swim_share.get(y).copied().unwrap_or(f64::NAN),
            Goal::ChildFriendlyIn(y) => out.cf_share.get(y).copied().unwrap_or(f64::NAN),
        };
        if v.is_nan() { f64::NEG_INFINITY } else { v }
    }
}

/// A scenario prepared for searching: the compiled model and each line's bounds.
pub(crate) struct Setup {
    pub(crate) model: Model,
    /// Least annual amount per line (locked amount or floor), đồng, catalogue order.
    pub(crate) lo: Vec<i64>,
    /// Greatest annual amount per line (locked amount or ceiling), đồng.
    pub(crate) ceiling: Vec<i64>,
    /// Spend beyond which the line buys nothing more (its cap is full in the first
    /// year; for saturating lines, 40 × the cap's cost, where e^−40 of it is left).
    pub(crate) useful: Vec<i64>,
}

/// Amounts are kept below this so sums over lines never overflow.
const AMOUNT_LIMIT: i64 = MAX_MONEY.0;

impl Setup {
    /// Checks the scenario, ignoring what a new allocation or budget can fix (being over
    /// budget; an unlocked line outside its bounds), and compiles it.
    pub(crate) fn new(s: &Scenario) -> Result<Setup, ScenarioError> {
        let blocking = s.problems().into_iter().find(|e| match e {
            ScenarioError::OverBudget { .. } => false,
            ScenarioError::OutsideBounds { line, .. } => s.constraint(line).locked,
            _ => true,
        });
        if let Some(e) = blocking {
            return Err(e);
        }
        let mut lo = Vec::with_capacity(LINES.len());
        let mut ceiling = Vec::with_capacity(LINES.len());
        for l in LINES {
            let c = s.constraint(l.id);
            if c.locked {
                let v = s.alloc(l.id).0.clamp(0, AMOUNT_LIMIT);
                lo.push(v);
                ceiling.push(v);
            } else {
                let f = c.floor.map_or(0, |m| m.0.clamp(0, AMOUNT_LIMIT));
                lo.push(f);
                ceiling.push(
                    c.ceiling
                        .map_or(AMOUNT_LIMIT, |m| m.0.clamp(f, AMOUNT_LIMIT)),
                );
            }
        }
        // Compile with an allocation that passes validation whatever the budget: the
        // lower bounds, under a budget row that holds them. The search passes its own
        // spend to the core; the compiled allocation and budget are never used.
        let mut s0 = s.clone();
        s0.allocation = LINES
            .iter()
            .zip(&lo)
            .map(|(l, v)| (l.id.to_string(), Money(*v)))
            .collect();
        for b in &mut s0.budget {
            *b = YearBudget {
                central: MAX_MONEY,
                provincial: Money::ZERO,
                mobilised: Money::ZERO,
            };
        }
        let model = Model::new(&s0)?;
        let useful = model
            .lines
            .iter()
            .zip(&lo)
            .map(|(l, lo)| {
                let units = if l.saturating { 40.0 } else { 1.0 } * l.cap;
                let dong = units * l.cost;
                let v = if dong.is_finite() && dong < AMOUNT_LIMIT as f64 {
                    round_up(dong.ceil() as i64, TRIEU)
                } else {
                    AMOUNT_LIMIT
                };
                v.max(*lo)
            })
            .collect();
        Ok(Setup {
            model,
            lo,
            ceiling,
            useful,
        })
    }

    /// Sum of the lower bounds (locks and floors), đồng.
    pub(crate) fn required(&self) -> i64 {
        self.lo.iter().sum()
    }

    /// Whether an allocation respects every bound and fits `budget`.
    fn feasible(&self, x: &[i64], budget: i64) -> bool {
        let within = x
            .iter()
            .zip(self.lo.iter().zip(&self.ceiling))
            .all(|(v, (lo, hi))| lo <= v && v <= hi);
        within && x.iter().copied().map(i128::from).sum::<i128>() <= i128::from(budget)
    }

    /// The allocation as a map over every line.
    pub(crate) fn allocation(x: &[i64]) -> BTreeMap<String, Money> {
        LINES
            .iter()
            .zip(x)
            .map(|(l, v)| (l.id.to_string(), Money(*v)))
            .collect()
    }

    fn proposal(
        &self,
        s: &Scenario,
        objective: Objective,
        budget: Money,
        x: &[i64],
        before: f64,
        after: f64,
    ) -> Proposal {
        let allocation = Setup::allocation(x);
        let allocated: Money = allocation.values().copied().sum();
        let mut scenario = s.clone();
        scenario.allocation = allocation.clone();
        Proposal {
            objective,
            budget,
            allocation,
            allocated,
            unallocated: budget.saturating_sub(allocated),
            before,
            after,
            scenario,
        }
    }
}

/// Rounds `v` (≥ 0) up to a multiple of `unit`.
fn round_up(v: i64, unit: i64) -> i64 {
    let unit = unit.max(1);
    v.div_euclid(unit)
        .saturating_add(i64::from(v.rem_euclid(unit) != 0))
        .saturating_mul(unit)
}

/// The smallest step for a budget: 1 triệu đồng, or 1 000 đ under 1 tỷ.
pub(crate) fn unit_for(budget: i64) -> i64 {
    if budget >= TY { TRIEU } else { 1_000 }
}

/// Step sizes from `free` down to `unit`: `free` itself, then every amount of the form
/// 1, 2 or 5 × 10^k below it.
fn steps(free: i64, unit: i64) -> Vec<i64> {
    let mut out = Vec::new();
    if free <= 0 {
        return out;
    }
    out.push(free);
    let mut decade = unit.max(1);
    let mut below = Vec::new();
    'outer: while decade <= free {
        for m in [1, 2, 5] {
            let s = decade.saturating_mul(m);
            if s >= free {
                break 'outer;
            }
            below.push(s);
        }
        decade = decade.saturating_mul(10);
    }
    below.reverse();
    out.extend(below);
    out
}

/// Most improving moves made at one step size (a guard; searches end far sooner).
const MAX_MOVES: u32 = 200;
/// Transfers tried exactly per move, best predicted first.
const TRIES: usize = 6;

/// A search over allocations for one goal.
pub(crate) struct Search<'a> {
    setup: &'a Setup,
    goal: Goal,
    out: Outcome,
    spend: Vec<f64>,
    /// Upper bound per line for this goal: the ceiling, no more than is useful, and the
    /// lower bound for lines that do not serve the goal.
    hi: Vec<i64>,
    /// Core runs made (for tests and benchmarks).
    pub(crate) runs: u32,
}

impl<'a> Search<'a> {
    pub(crate) fn new(setup: &'a Setup, goal: Goal) -> Search<'a> {
        let m = &setup.model;
        let hi = m
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let lo = setup.lo.get(i).copied().unwrap_or(0);
                let ceil = setup.ceiling.get(i).copied().unwrap_or(lo);
                let useful = setup.useful.get(i).copied().unwrap_or(lo);
                if goal.relevant(l) {
                    ceil.min(useful).max(lo)
                } else {
                    lo
                }
            })
            .collect();
        Search {
            setup,
            goal,
            out: Outcome::for_model(m),
            spend: vec![0.0; m.lines.len()],
            hi,
            runs: 0,
        }
    }

    /// The most useful allocation regardless of budget: every line serving the goal at
    /// its upper bound, the others at their lower bound.
    pub(crate) fn saturated(&self) -> Vec<i64> {
        self.hi.clone()
    }

    /// The goal's value for an allocation.
    pub(crate) fn value(&mut self, x: &[i64]) -> f64 {
        for (s, v) in self.spend.iter_mut().zip(x) {
            *s = *v as f64;
        }
        let m = &self.setup.model;
        m.run(&m.lines, &self.spend, &mut self.out, false);
        self.runs += 1;
        self.goal.score(&m.lines, &self.out)
    }

    /// The best allocation found within `budget`, from the lower bounds or from `start`
    /// (which must respect the bounds), with its value.
    pub(crate) fn solve(&mut self, budget: i64, start: Option<Vec<i64>>) -> (Vec<i64>, f64) {
        let lo = self.setup.lo.clone();
        let mut x = start.unwrap_or_else(|| lo.clone());
        let mut f = self.value(&x);
        let free = budget.saturating_sub(lo.iter().sum());
        for s in steps(free, unit_for(budget)) {
            self.fill(&mut x, &mut f, s, budget);
            self.transfer(&mut x, &mut f, s);
        }
        (x, f)
    }

    /// Spends what is left of `budget` in steps of `s`, each where it buys most.
    fn fill(&mut self, x: &mut [i64], f: &mut f64, s: i64, budget: i64) {
        let n = x.len();
        for _ in 0..(4 * n + 8) {
            let rem = budget.saturating_sub(x.iter().sum());
            if rem <= 0 {
                return;
            }
            let mut best: Option<(usize, i64, f64, f64)> = None;
            for i in 0..n {
                let d = s.min(self.hi[i].saturating_sub(x[i])).min(rem);
                if d <= 0 {
                    continue;
                }
                x[i] += d;
                let v = self.value(x);
                x[i] -= d;
                let rate = (v - *f) / d as f64;
                if best.is_none_or(|b| rate > b.2) {
                    best = Some((i, d, rate, v));
                }
            }
            match best {
                Some((i, d, _, v)) if v > *f + tolerance(*f) => {
                    x[i] += d;
                    *f = v;
                }
                _ => return,
            }
        }
    }

    /// Moves steps of `s` from one line to another while that improves the goal.
    fn transfer(&mut self, x: &mut [i64], f: &mut f64, s: i64) {
        let n = x.len();
        let lo = &self.setup.lo;
        let mut up: Vec<Option<(i64, f64)>> = vec![None; n];
        let mut down: Vec<Option<(i64, f64)>> = vec![None; n];
        let mut pairs: Vec<(f64, usize, usize)> = Vec::with_capacity(n * n);
        for _ in 0..MAX_MOVES {
            for i in 0..n {
                let d = s.min(self.hi[i].saturating_sub(x[i]));
                up[i] = (d > 0).then(|| {
                    x[i] += d;
                    let v = self.value(x);
                    x[i] -= d;
                    (d, (v - *f) / d as f64)
                });
                let d = s.min(x[i].saturating_sub(lo[i]));
                down[i] = (d > 0).then(|| {
                    x[i] -= d;
                    let v = self.value(x);
                    x[i] += d;
                    (d, (*f - v) / d as f64)
                });
            }
            pairs.clear();
            for (i, u) in up.iter().enumerate() {
                let Some((_, gain)) = u else { continue };
                for (j, dn) in down.iter().enumerate() {
                    let Some((_, loss)) = dn else { continue };
                    if i != j && gain > loss {
                        pairs.push((gain - loss, i, j));
                    }
                }
            }
            pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            let mut moved = false;
            for &(_, i, j) in pairs.iter().take(TRIES) {
                let (Some((du, _)), Some((dd, _))) = (up[i], down[j]) else {
                    continue;
                };
                let d = du.min(dd);
                x[i] += d;
                x[j] -= d;
                let v = self.value(x);
                if v > *f + tolerance(*f) {
                    *f = v;
                    moved = true;
                    break;
                }
                x[i] -= d;
                x[j] += d;
            }
            if !moved {
                return;
            }
        }
    }
}

/// Least improvement that counts, so rounding noise never makes the search cycle.
fn tolerance(f: f64) -> f64 {
    1e-12 * f.abs() + 1e-15
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::evaluate;
    use crate::rng::Rng;
    use crate::scenario::Constraint;

    #[test]
    fn steps_shrink_in_a_1_2_5_sequence() {
        assert_eq!(
            steps(12_000, 1_000),
            vec![12_000, 10_000, 5_000, 2_000, 1_000]
        );
        assert_eq!(steps(1_000, 1_000), vec![1_000]);
        assert_eq!(steps(0, 1_000), Vec::<i64>::new());
        assert_eq!(steps(500, 1_000), vec![500]);
        assert_eq!(round_up(1_000_001, TRIEU), 2_000_000);
        assert_eq!(round_up(2_000_000, TRIEU), 2_000_000);
    }

    #[test]
    fn names_read_back() {
        assert_eq!(
            Objective::from_name("deaths"),
            Some(Objective::DeathsAverted)
        );
        assert_eq!(
            Objective::from_name("children-supported"),
            Some(Objective::ChildrenSupported)
        );
        assert_eq!(
            Objective::from_name("weighted"),
            Some(Objective::weighted())
        );
        assert_eq!(
            Objective::from_name("weighted:5000"),
            Some(Objective::Weighted { per_death: 5000.0 })
        );
        assert_eq!(Objective::from_name("nope"), None);
        assert!(Objective::weighted().label(Lang::Vi).contains("100.000"));
        let json = serde_json::to_string(&Objective::weighted()).expect("serialises");
        assert_eq!(json, r#"{"weighted":{"per_death":100000.0}}"#);
    }

    #[test]
    fn improves_the_default_plan_and_respects_the_budget() {
        let s = Scenario::default();
        for objective in [
            Objective::DeathsAverted,
            Objective::ChildrenSupported,
            Objective::weighted(),
        ] {
            let p = optimize(&s, objective).expect("optimises");
            assert!(p.after >= p.before, "{objective:?}: {p:?}");
            assert!(p.allocated <= p.budget);
            assert_eq!(p.allocation.len(), LINES.len());
            assert_eq!(p.scenario.validate(), Ok(()));
            let again = objective_value(&p.scenario, objective).expect("valid");
            assert_eq!(again, p.after);
        }
        let p = optimize(&s, Objective::DeathsAverted).expect("optimises");
        let e = evaluate(&p.scenario).expect("valid");
        assert!(e.headline.deaths_averted > evaluate(&s).expect("valid").headline.deaths_averted);
        // Lines that avert no death get nothing without a floor.
        assert_eq!(p.allocation["gifts"], Money::ZERO);
        // Every amount is whole triệu đồng.
        assert!(p.allocation.values().all(|m| m.0 % TRIEU == 0), "{p:?}");
    }

    #[test]
    fn locks_floors_and_ceilings_hold() {
        let mut s = Scenario::default();
        let c = |locked, floor: Option<i64>, ceiling: Option<i64>| Constraint {
            locked,
            floor: floor.map(Money),
            ceiling: ceiling.map(Money),
        };
        s.constraints.insert("gifts".into(), c(true, None, None));
        s.constraints
            .insert("special_support".into(), c(false, Some(40 * TY), None));
        s.constraints
            .insert("first_aid".into(), c(false, None, Some(30 * TY)));
        s.constraints
            .insert("daycare".into(), c(false, Some(5 * TY), Some(50 * TY)));
        let p = optimize(&s, Objective::DeathsAverted).expect("optimises");
        assert_eq!(p.allocation["gifts"], Money(10 * TY));
        assert!(p.allocation["special_support"] >= Money(40 * TY));
        assert!(p.allocation["first_aid"] <= Money(30 * TY));
        let d = p.allocation["daycare"];
        assert!(Money(5 * TY) <= d && d <= Money(50 * TY));
        assert!(p.allocated <= p.budget);
        assert_eq!(p.scenario.validate(), Ok(()));
    }

    #[test]
    fn floors_beyond_the_budget_are_an_error_not_a_cut() {
        let mut s = Scenario::default();
        s.constraints.insert(
            "gifts".into(),
            Constraint {
                locked: false,
                floor: Some(Money(300 * TY)),
                ceiling: None,
            },
        );
        s.allocation.insert("gifts".into(), Money(300 * TY));
        s.constraints.insert(
            "swim".into(),
            Constraint {
                locked: true,
                ..Default::default()
            },
        );
        let e = optimize(&s, Objective::DeathsAverted).expect_err("cannot fit");
        assert_eq!(
            e,
            ScenarioError::ConstraintsOverBudget {
                required: Money(420 * TY),
                budget: Money(350 * TY)
            }
        );
        assert_eq!(e.field(), "constraints");
        assert!(e.message(Lang::Vi).contains("vượt ngân sách"));
    }

    #[test]
    fn fixes_an_over_budget_plan() {
        let mut s = Scenario::default();
        for b in &mut s.budget {
            b.provincial = Money(50 * TY);
        }
        assert!(s.validate().is_err());
        let p = optimize(&s, Objective::weighted()).expect("optimises");
        assert_eq!(p.budget, Money(250 * TY));
        assert!(p.allocated <= p.budget);
        assert_eq!(p.scenario.validate(), Ok(()));
    }

    #[test]
    fn bad_weights_and_bad_scenarios_are_errors() {
        let s = Scenario::default();
        for w in [f64::NAN, -1.0, f64::INFINITY, 1e13] {
            assert!(optimize(&s, Objective::Weighted { per_death: w }).is_err());
        }
        let mut bad = s.clone();
        bad.region = "XX".into();
        assert!(optimize(&bad, Objective::DeathsAverted).is_err());
    }

    #[test]
    fn beats_random_allocations_in_a_small_province() {
        let s = Scenario::default_for("dien-bien");
        let objective = Objective::DeathsAverted;
        let p = optimize(&s, objective).expect("optimises");
        let budget = s.min_year_budget().0;
        let mut r = Rng::seed_from_u64(1);
        for _ in 0..200 {
            let w: Vec<f64> = LINES.iter().map(|_| r.next_f64()).collect();
            let total: f64 = w.iter().sum();
            let mut t = s.clone();
            for (l, wi) in LINES.iter().zip(&w) {
                let v = (budget as f64 * wi / total).floor() as i64;
                t.allocation.insert(l.id.to_string(), Money(v));
            }
            let v = objective_value(&t, objective).expect("valid");
            assert!(p.after >= v, "{} < {v}", p.after);
        }
    }
}
