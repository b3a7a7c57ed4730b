//! The optimiser: the annual allocation that maximises an objective (deaths averted,
//! children supported or a weighted mix) within the budget, the locks, the floors and the
//! ceilings — and, when asked, keeping the targets met now and the children supported.
//!
//! **Under uncertainty.** Every allocation is scored by its *expected* outcome over
//! [`SEARCH_DRAWS`] Monte Carlo draws of the uncertain inputs (the first draws of the
//! scenario's own keyed streams, the same for every candidate), not by the central values
//! alone. Deaths averted count over the lifetime of what the plan buys by default
//! ([`Horizon::Lifetime`]), as cost-effectiveness studies do: a child taught to swim in the
//! last plan year stays protected until she turns 16.
//!
//! **Method.** Greedy marginal allocation with step sizes that shrink from the whole free
//! budget down to 1 triệu đồng (1 000 đ for budgets under 1 tỷ) in a 1–2–5 sequence; at
//! each step size, money first goes where the next step buys most, then pairwise
//! transfers (take a step from one line, give it to another) are made while any improves
//! the objective. Every candidate is scored by the model's own core (`Model::run`), so
//! the optimiser and `evaluate` never disagree about a formula. Constraints ("keep the
//! targets met now", "keep children supported at least at today's level") enter as
//! penalties far larger than any gain, so they are met first whenever the budget allows.
//!
//! **Guarantees.** Amounts are whole đồng; the total never exceeds the smallest year's
//! budget; a locked line keeps exactly its amount; every line stays within its floor and
//! ceiling (lines with no effect on the objective, or not well evidenced when only
//! well-evidenced lines may be funded, get their floor, 0 without one); no line gets money
//! that would buy nothing in some plan year (the idle money of issue 14); floors and locks
//! that do not fit the budget are an error, never silently cut; the result is never worse
//! than the scenario's own allocation when that one is feasible and has no idle money.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::{self, Confidence, LineDef, Role, TARGETS};
use crate::error::ScenarioError;
use crate::eval::{Env, Horizon, LineParams, Model, Outcome};
use crate::lang::Lang;
use crate::mc::Sampler;
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

/// Draws an allocation's expected outcome is taken over while searching.
pub const SEARCH_DRAWS: u32 = 16;

/// Largest number of search draws accepted.
pub const MAX_SEARCH_DRAWS: u32 = 1_000;

/// What the optimiser maximises over the plan years.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Objective {
    /// Child drowning deaths averted (expected over the draws, over the options' horizon).
    /// The default.
    #[default]
    DeathsAverted,
    /// Children supported over the plan (people, not contacts; expected over the draws).
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
        use crate::words::ModelWords as W;
        match self {
            Objective::DeathsAverted => W::ObjectiveDeaths.get(lang).to_string(),
            Objective::ChildrenSupported => W::ObjectiveSupported.get(lang).to_string(),
            Objective::Weighted { per_death } => {
                W::ObjectiveWeighted.fill(lang, &[&crate::fmt::fmt_num(per_death, 0, lang)])
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

/// Which lines the optimiser may fund above their floor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Every line.
    #[default]
    Any,
    /// Only well-evidenced lines ([`well_evidenced`]).
    Strong,
}

impl Evidence {
    /// Reads `any` or `strong` (also `well`, `well-evidenced`).
    pub fn from_name(name: &str) -> Option<Evidence> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "any" | "all" => Some(Evidence::Any),
            "strong" | "well" | "well-evidenced" => Some(Evidence::Strong),
            _ => None,
        }
    }
}

/// The grade of a line's effect: the source of its drowning effect, else of the count of
/// children it supports, else of its eligibility.
pub fn effect_grade(l: &LineDef) -> Confidence {
    match (l.drowning, l.supported_source) {
        (Some((_, _, s)), _) => s.confidence,
        (None, Some(s)) => s.confidence,
        (None, None) => l.eligible_source.confidence,
    }
}

/// Whether a line is well evidenced: its drowning effect comes from studies or official
/// figures (academic or official), or — for a line that only supports children — its count
/// of children is reported (academic, official or press); and its unit cost is at least
/// reported in the press. Lines resting on our own estimates are not.
pub fn well_evidenced(l: &LineDef) -> bool {
    use Confidence::{Academic, Official, Press};
    let effect = effect_grade(l);
    let effect_ok = if l.drowning.is_some() {
        matches!(effect, Academic | Official)
    } else {
        l.supported_per_unit > 0.0 && matches!(effect, Academic | Official | Press)
    };
    effect_ok && matches!(l.cost_source.confidence, Academic | Official | Press)
}

/// How the optimiser searches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The years deaths averted count over (default: the lifetime of what is bought).
    pub horizon: Horizon,
    /// Which lines may be funded above their floor.
    pub evidence: Evidence,
    /// Keep every target that the current allocation meets (at central values) met.
    pub keep_targets: bool,
    /// Keep children supported (expected) at least at the current allocation's level.
    pub keep_supported: bool,
    /// Draws each allocation's expected outcome is taken over (0: central values only).
    pub draws: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            horizon: Horizon::Lifetime,
            evidence: Evidence::Any,
            keep_targets: false,
            keep_supported: false,
            draws: SEARCH_DRAWS,
        }
    }
}

/// What the optimiser proposes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Proposal {
    /// The objective maximised.
    pub objective: Objective,
    /// How it searched.
    pub options: Options,
    /// The budget the allocation fits in: the smallest year's total, đồng.
    pub budget: Money,
    /// Proposed annual amount for every line of the catalogue (0 included), đồng.
    pub allocation: BTreeMap<String, Money>,
    /// Sum of the proposed amounts (≤ `budget`).
    pub allocated: Money,
    /// `budget − allocated`: money that buys nothing more for this objective (every line
    /// that serves it is at its ceiling, its cap or its evidence limit).
    pub unallocated: Money,
    /// The expected objective with the scenario's current allocation (even if that one
    /// does not fit the budget or its bounds).
    pub before: f64,
    /// The expected objective with the proposed allocation.
    pub after: f64,
    /// Targets the proposal was asked to keep met, and whether it does (at central values).
    pub kept_targets: Vec<(&'static str, bool)>,
    /// With `keep_supported`: whether children supported stay at today's level.
    pub kept_supported: Option<bool>,
    /// The scenario with the proposed allocation (everything else unchanged); it validates.
    pub scenario: Scenario,
}

/// Proposes the annual allocation that maximises `objective` with the default
/// [`Options`] (lifetime horizon, every line, no extra constraint).
///
/// ```
/// use model::{Objective, Scenario, optimize};
/// let p = optimize(&Scenario::default(), Objective::DeathsAverted)?;
/// assert!(p.allocated <= p.budget && p.after >= p.before);
/// assert_eq!(p.scenario.validate(), Ok(()));
/// # Ok::<(), model::ScenarioError>(())
/// ```
pub fn optimize(s: &Scenario, objective: Objective) -> Result<Proposal, ScenarioError> {
    optimize_with(s, objective, &Options::default())
}

/// Proposes the annual allocation that maximises `objective` within the smallest year's
/// budget ([`Scenario::min_year_budget`]), respecting locks, floors and ceilings and the
/// options.
///
/// The scenario may be over budget or have unlocked lines outside their bounds (the
/// proposal fixes both); any other problem is returned as is. Locks and floors that need
/// more than the budget give [`ScenarioError::ConstraintsOverBudget`].
pub fn optimize_with(
    s: &Scenario,
    objective: Objective,
    options: &Options,
) -> Result<Proposal, ScenarioError> {
    objective.check()?;
    check_draws(options.draws)?;
    let setup = Setup::new(s)?;
    let budget = s.min_year_budget();
    let required = setup.required();
    if required > budget.0 {
        return Err(ScenarioError::ConstraintsOverBudget {
            required: Money(required),
            budget,
        });
    }
    let goal = Goal::Objective(objective, options.horizon);
    let own: Vec<i64> = data::lines().iter().map(|l| s.alloc(l.id).0).collect();
    let keep = Keep::for_options(&setup, s.seed, options, &own);
    let mut search = Search::new(&setup, goal, s.seed, options.draws);
    // Lines that serve a kept constraint may be funded even if the objective ignores them.
    search.widen_for(&keep);
    search.evidence(options.evidence);
    let before = search.value(&own);
    search.keep = keep;
    // With constraints to keep, first buy them as cheaply as possible, then spend the rest
    // on the objective (a greedy step that meets a constraint at once with any line would
    // otherwise pick the first line, not the cheapest).
    let start = (!search.keep.is_empty()).then(|| search.satisfy(budget.0));
    let (mut x, mut after) = search.solve(budget.0, start);
    let own_ok = setup.feasible(&own, budget.0) && search.allowed(&own);
    if own_ok && search.penalised(&own) > after {
        // The heuristic ended below the user's own plan: improve that plan instead.
        let (y, v) = search.solve(budget.0, Some(own));
        if v > after {
            x = y;
        }
    }
    after = search.objective(&x);
    let kept_targets = search.keep.kept_targets(&setup, &x);

    let keep = std::mem::take(&mut search.keep);
    let kept_supported = keep.kept_supported(&mut search, &x);
    let allocation = Setup::allocation(&x);
    let allocated: Money = allocation.values().copied().sum();
    let mut scenario = s.clone();
    scenario.allocation = allocation.clone();
    Ok(Proposal {
        objective,
        options: *options,
        budget,
        allocation,
        allocated,
        unallocated: budget.saturating_sub(allocated),
        before,
        after,
        kept_targets,
        kept_supported,
        scenario,
    })
}

/// The expected objective of the scenario's own allocation, as the optimiser scores it
/// (for comparing allocations; `Proposal::before` and `after` use the same measure).
pub fn objective_value(s: &Scenario, objective: Objective) -> Result<f64, ScenarioError> {
    objective_value_with(s, objective, &Options::default())
}

/// [`objective_value`] with options (horizon, draws).
pub fn objective_value_with(
    s: &Scenario,
    objective: Objective,
    options: &Options,
) -> Result<f64, ScenarioError> {
    objective.check()?;
    check_draws(options.draws)?;
    let setup = Setup::new(s)?;
    let mut search = Search::new(
        &setup,
        Goal::Objective(objective, options.horizon),
        s.seed,
        options.draws,
    );
    let own: Vec<i64> = data::lines().iter().map(|l| s.alloc(l.id).0).collect();
    Ok(search.value(&own))
}

fn check_draws(draws: u32) -> Result<(), ScenarioError> {
    if draws > MAX_SEARCH_DRAWS {
        return Err(ScenarioError::OutOfRange {
            field: crate::field::FieldPath::Param(crate::field::Param::Draws),
            value: f64::from(draws),
            min: 0.0,
            max: f64::from(MAX_SEARCH_DRAWS),
        });
    }
    Ok(())
}

/// What a search maximises (the public objectives and the goal-seek targets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Goal {
    /// A public objective over a horizon.
    Objective(Objective, Horizon),
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
        let drowning = l.protects();
        let support = l.supported > 0.0;
        match self {
            Goal::Objective(Objective::DeathsAverted, _) | Goal::DeathsIn(_) => drowning,
            Goal::Objective(Objective::ChildrenSupported, _) => support,
            Goal::Objective(Objective::Weighted { per_death }, _) => {
                (per_death > 0.0 && drowning) || support
            }
            Goal::SwimShareIn(_) => l.role == Role::Swimming,
            Goal::ChildFriendlyIn(_) => l.role == Role::ChildFriendly,
        }
    }

    /// Years of a run the goal reads (the rest need not be computed).
    fn years_needed(self, m: &Model) -> usize {
        let plan = m.years.len();
        match self {
            Goal::Objective(Objective::ChildrenSupported, _) => plan,
            Goal::Objective(_, Horizon::Plan) => plan,
            Goal::Objective(_, Horizon::Lifetime) => plan + m.tail,
            Goal::DeathsIn(y) | Goal::SwimShareIn(y) | Goal::ChildFriendlyIn(y) => y + 1,
        }
    }

    /// The goal's value for a finished run (larger is better; NaN counts as −∞).
    pub(crate) fn score(self, m: &Model, lines: &[LineParams], out: &Outcome) -> f64 {
        let v = match self {
            Goal::Objective(Objective::DeathsAverted, h) => out.deaths_averted(h),
            Goal::Objective(Objective::ChildrenSupported, _) => m.people(lines, out).1,
            Goal::Objective(Objective::Weighted { per_death }, h) => {
                out.deaths_averted(h) * per_death + m.people(lines, out).1
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
    /// Spend beyond which the line would buy nothing in some plan year (its cap is full):
    /// found per line with the central costs; for saturating lines, 40 × the cap's cost.
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
        let lines = data::lines();
        let mut lo = Vec::with_capacity(lines.len());
        let mut ceiling = Vec::with_capacity(lines.len());
        for l in lines {
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
        s0.allocation = lines
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
        let useful = (0..model.lines.len())
            .map(|i| useful_spend(&model, i).max(lo[i]))
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
        data::lines()
            .iter()
            .zip(x)
            .map(|(l, v)| (l.id.to_string(), Money(*v)))
            .collect()
    }
}

/// The largest annual amount, in whole triệu, for which line `i` buys something with every
/// đồng in every plan year at central costs (its later years' headroom shrinks as what
/// it bought earlier keeps working). Saturating lines: 40 × the cap's cost, where e^−40
/// of the headroom is left.
fn useful_spend(m: &Model, i: usize) -> i64 {
    let Some(l) = m.lines.get(i) else { return 0 };
    let cap_cost = l.cap * l.cost;
    if !cap_cost.is_finite() || cap_cost >= AMOUNT_LIMIT as f64 {
        return AMOUNT_LIMIT;
    }
    if l.saturating {
        return round_up(
            (40.0 * cap_cost).min(AMOUNT_LIMIT as f64).ceil() as i64,
            TRIEU,
        );
    }
    let mut spend = vec![0.0; m.lines.len()];
    let mut out = Outcome::for_model(m);
    let plan = m.years.len();
    let n = m.lines.len();
    let mut no_idle = |a: f64| {
        spend[i] = a;
        m.run_upto(&m.env, &m.lines, &spend, &mut out, false, plan);
        (0..plan).all(|y| out.new_units[y * n + i] * l.cost >= a * (1.0 - 1e-9))
    };
    // The first year always buys the cap's cost; later years may buy less.
    let (mut lo, mut hi) = (0.0f64, cap_cost);
    if no_idle(hi) {
        return whole_below(hi);
    }
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if no_idle(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    whole_below(lo)
}

/// Whole triệu at or below `v` (whole thousands below 1 triệu): never above, which would
/// leave money idle.
fn whole_below(v: f64) -> i64 {
    let unit = if v >= TRIEU as f64 { TRIEU } else { 1_000 };
    ((v / unit as f64).floor() as i64)
        .saturating_mul(unit)
        .min(AMOUNT_LIMIT)
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

/// What a search must keep (constraints that enter as penalties).
#[derive(Debug, Clone, Default)]
pub(crate) struct Keep {
    /// (target index, plan year index, threshold) that must stay met at central values.
    targets: Vec<(usize, usize, f64)>,
    /// Children supported (expected over the draws) that must be kept.
    supported: Option<f64>,
}

/// A penalty far above any objective's value, per unit of shortfall.
const PENALTY: f64 = 1e12;

impl Keep {
    fn for_options(setup: &Setup, seed: u64, o: &Options, own: &[i64]) -> Keep {
        let m = &setup.model;
        let mut keep = Keep::default();
        if o.keep_targets {
            let mut out = Outcome::for_model(m);
            let spend: Vec<f64> = own.iter().map(|v| *v as f64).collect();
            m.run(&m.env, &m.lines, &spend, &mut out, false);
            for (ti, t) in TARGETS.iter().enumerate() {
                if let Some(y) = m.years.iter().position(|y| *y == t.year) {
                    if m.target_value(t.kind, &out, y) >= t.value - 1e-12 {
                        keep.targets.push((ti, y, t.value));
                    }
                }
            }
        }
        if o.keep_supported {
            let mut s = Search::new(
                setup,
                Goal::Objective(Objective::ChildrenSupported, Horizon::Plan),
                seed,
                o.draws,
            );
            keep.supported = Some(s.value(own));
        }
        keep
    }

    fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.supported.is_none()
    }

    fn kept_targets(&self, setup: &Setup, x: &[i64]) -> Vec<(&'static str, bool)> {
        if self.targets.is_empty() {
            return Vec::new();
        }
        let m = &setup.model;
        let mut out = Outcome::for_model(m);
        let spend: Vec<f64> = x.iter().map(|v| *v as f64).collect();
        m.run(&m.env, &m.lines, &spend, &mut out, false);
        self.targets
            .iter()
            .filter_map(|(ti, y, thr)| {
                let t = TARGETS.get(*ti)?;
                Some((t.id, m.target_value(t.kind, &out, *y) >= thr - 1e-12))
            })
            .collect()
    }

    fn kept_supported(&self, search: &mut Search, x: &[i64]) -> Option<bool> {
        let want = self.supported?;
        Some(search.expected_supported(x) >= want * (1.0 - 1e-9))
    }
}

/// A search over allocations for one goal.
pub(crate) struct Search<'a> {
    setup: &'a Setup,
    goal: Goal,
    /// The draws every candidate is scored on (the central values when none).
    draws: Vec<(Env, Vec<LineParams>)>,
    out: Outcome,
    spend: Vec<f64>,
    scores: Vec<f64>,
    upto: usize,
    /// Upper bound per line for this goal: the ceiling, no more than is useful, and the
    /// lower bound for lines that do not serve the goal (or may not be funded).
    hi: Vec<i64>,
    /// Constraints kept by penalties.
    pub(crate) keep: Keep,
    /// Core runs made (for tests and benchmarks).
    pub(crate) runs: u32,
}

impl<'a> Search<'a> {
    pub(crate) fn new(setup: &'a Setup, goal: Goal, seed: u64, draws: u32) -> Search<'a> {
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
        let draws = if draws == 0 {
            vec![(m.env, m.lines.clone())]
        } else {
            let mut sampler = Sampler::new(seed);
            (0..draws.min(MAX_SEARCH_DRAWS))
                .map(|_| {
                    let mut env = m.env;
                    let mut lines = m.lines.clone();
                    sampler.next(m, &mut env, &mut lines);
                    (env, lines)
                })
                .collect()
        };
        Search {
            setup,
            goal,
            scores: Vec::with_capacity(draws.len()),
            draws,
            out: Outcome::for_model(m),
            spend: vec![0.0; m.lines.len()],
            upto: goal.years_needed(m),
            hi,
            keep: Keep::default(),
            runs: 0,
        }
    }

    /// Lets lines that serve a kept constraint take money up to their useful bound: a kept
    /// drowning target the lines with a drowning effect, a kept swim or child-friendly
    /// target their lines, kept support the supporting lines.
    fn widen_for(&mut self, keep: &Keep) {
        let kinds: Vec<data::TargetKind> = keep
            .targets
            .iter()
            .filter_map(|(ti, _, _)| TARGETS.get(*ti).map(|t| t.kind))
            .collect();
        let m = &self.setup.model;
        for (i, l) in m.lines.iter().enumerate() {
            let serves = kinds.iter().any(|k| match k {
                data::TargetKind::DrowningReduction => l.protects(),
                data::TargetKind::SwimShare => l.role == Role::Swimming,
                data::TargetKind::ChildFriendlyShare => l.role == Role::ChildFriendly,
            }) || (keep.supported.is_some() && l.supported > 0.0);
            if serves {
                let lo = self.setup.lo.get(i).copied().unwrap_or(0);
                let ceil = self.setup.ceiling.get(i).copied().unwrap_or(lo);
                let useful = self.setup.useful.get(i).copied().unwrap_or(lo);
                if let Some(h) = self.hi.get_mut(i) {
                    *h = (*h).max(ceil.min(useful).max(lo));
                }
            }
        }
    }

    /// Holds lines that are not well evidenced at their lower bound.
    pub(crate) fn evidence(&mut self, e: Evidence) {
        if e == Evidence::Strong {
            for (i, l) in data::lines().iter().enumerate() {
                if !well_evidenced(l) {
                    if let (Some(h), Some(lo)) = (self.hi.get_mut(i), self.setup.lo.get(i)) {
                        *h = *lo;
                    }
                }
            }
        }
    }

    /// How much more line `i` can usefully take above `x` within this search's bounds.
    pub(crate) fn room(&self, i: usize, x: &[i64]) -> i64 {
        let hi = self.hi.get(i).copied().unwrap_or(0);
        hi.saturating_sub(x.get(i).copied().unwrap_or(0)).max(0)
    }

    /// Whether an allocation keeps every line within this search's upper bounds.
    fn allowed(&self, x: &[i64]) -> bool {
        x.iter().zip(&self.hi).all(|(v, h)| v <= h)
    }

    /// The most useful allocation regardless of budget: every line serving the goal at
    /// its upper bound, the others at their lower bound.
    pub(crate) fn saturated(&self) -> Vec<i64> {
        self.hi.clone()
    }

    fn set_spend(&mut self, x: &[i64]) {
        for (s, v) in self.spend.iter_mut().zip(x) {
            *s = *v as f64;
        }
    }

    /// The goal's value for an allocation (its mean over the draws), without penalties.
    pub(crate) fn objective(&mut self, x: &[i64]) -> f64 {
        self.set_spend(x);
        let m = &self.setup.model;
        self.scores.clear();
        for (env, lines) in &self.draws {
            m.run_upto(env, lines, &self.spend, &mut self.out, false, self.upto);
            self.scores.push(self.goal.score(m, lines, &self.out));
        }
        self.runs += self.draws.len() as u32;
        self.scores.iter().sum::<f64>() / self.scores.len().max(1) as f64
    }

    /// Children supported by an allocation, expected over the draws.
    fn expected_supported(&mut self, x: &[i64]) -> f64 {
        self.set_spend(x);
        let m = &self.setup.model;
        let plan = m.years.len();
        let mut total = 0.0;
        for (env, lines) in &self.draws {
            m.run_upto(env, lines, &self.spend, &mut self.out, false, plan);
            total += m.people(lines, &self.out).1;
        }
        total / self.draws.len().max(1) as f64
    }

    /// The penalty of an allocation's shortfalls on the kept constraints (0 when kept).
    fn penalty(&mut self, x: &[i64]) -> f64 {
        if self.keep.is_empty() {
            return 0.0;
        }
        let mut p = 0.0;
        if !self.keep.targets.is_empty() {
            self.set_spend(x);
            let m = &self.setup.model;
            let upto = self.keep.targets.iter().map(|t| t.1 + 1).max().unwrap_or(0);
            m.run_upto(&m.env, &m.lines, &self.spend, &mut self.out, false, upto);
            for (ti, y, thr) in &self.keep.targets {
                if let Some(t) = TARGETS.get(*ti) {
                    let v = m.target_value(t.kind, &self.out, *y);
                    let short = if v.is_nan() { 1.0 } else { (thr - v).max(0.0) };
                    p += short * PENALTY;
                }
            }
        }
        if let Some(want) = self.keep.supported {
            let have = self.expected_supported(x);
            p += (want - have).max(0.0) / want.max(1.0) * PENALTY;
        }
        p
    }

    /// The goal's value for an allocation minus its penalties.
    fn penalised(&mut self, x: &[i64]) -> f64 {
        let v = self.objective(x);
        v - self.penalty(x)
    }

    /// What the search maximises: the goal's value minus penalties.
    pub(crate) fn value(&mut self, x: &[i64]) -> f64 {
        self.penalised(x)
    }

    /// The cheapest allocation from the lower bounds that keeps the constraints: small steps
    /// (1/256 of the free budget) each to the line that reduces the shortfall most per
    /// đồng, until none is left or nothing helps.
    pub(crate) fn satisfy(&mut self, budget: i64) -> Vec<i64> {
        let mut x = self.setup.lo.clone();
        let free = budget.saturating_sub(x.iter().sum());
        let unit = unit_for(budget);
        let step = (free / 256).max(unit) / unit * unit;
        if step <= 0 {
            return x;
        }
        let mut p = self.penalty(&x);
        for _ in 0..1_024 {
            let rem = budget.saturating_sub(x.iter().sum());
            if p <= 0.0 || rem <= 0 {
                break;
            }
            let mut best: Option<(usize, i64, f64, f64)> = None;
            for i in 0..x.len() {
                let d = step.min(self.room(i, &x)).min(rem);
                if d <= 0 {
                    continue;
                }
                x[i] += d;
                let q = self.penalty(&x);
                x[i] -= d;
                let rate = (p - q) / d as f64;
                if rate > 0.0 && best.is_none_or(|b| rate > b.2) {
                    best = Some((i, d, rate, q));
                }
            }
            let Some((i, d, _, q)) = best else { break };
            x[i] += d;
            p = q;
        }
        x
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
            assert_eq!(p.allocation.len(), data::lines().len());
            assert_eq!(p.scenario.validate(), Ok(()));
            let again = objective_value(&p.scenario, objective).expect("valid");
            assert_eq!(again, p.after);
        }
        let p = optimize(&s, Objective::DeathsAverted).expect("optimises");
        let e = evaluate(&p.scenario).expect("valid");
        assert!(
            e.headline.deaths_averted.lifetime
                > evaluate(&s)
                    .expect("valid")
                    .headline
                    .deaths_averted
                    .lifetime
        );
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
            let w: Vec<f64> = data::lines().iter().map(|_| r.next_f64()).collect();
            let total: f64 = w.iter().sum();
            let mut t = s.clone();
            for (l, wi) in data::lines().iter().zip(&w) {
                let v = (budget as f64 * wi / total).floor() as i64;
                t.allocation.insert(l.id.to_string(), Money(v));
            }
            let v = objective_value(&t, objective).expect("valid");
            assert!(p.after >= v, "{} < {v}", p.after);
        }
    }
}
