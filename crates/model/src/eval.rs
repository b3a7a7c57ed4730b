//! Evaluation: a scenario becomes a projection — reach, coverage, children supported,
//! expected and averted drowning deaths, DALYs, rates, shares, costs and targets, year by
//! year. `docs/model.md` gives the model in one page; in short:
//! - each line buys `units = spend / unit_cost` a year, linearly until its cap or with
//!   diminishing returns (`headroom × (1 − e^(−units/headroom))`);
//! - what is bought keeps working as the line's [`Lasting`] says (a child taught to swim
//!   ages out evenly over 10 years; a barrier lasts its service life; a place in day care
//!   one year): `stock(y) = Σ_t new(t) × survival(y − t)`;
//! - expected deaths `Σ_bands pop_b × rate_b(y) × Π_i (1 − coverage_i,b(y) × rrr_i)`, with
//!   `rate_b(y) = rate_b × (1 + trend)^(y − base year)` and coverage = stock × children per
//!   unit / band population;
//! - deaths averted = the same without any line minus that, counted over two horizons:
//!   the plan years, and every year until what the plan bought stops working (at most to
//!   [`national::HORIZON_END`]): the **lifetime** view cost-effectiveness studies use;
//! - children reached and supported are people, not contacts: see [`Model::people`].
//!
//! Every figure is computed at each input's central value, which is also the median of
//! the Monte Carlo draws (see [`crate::mc`]).

use serde::{Deserialize, Serialize};

use crate::data::{self, Band, Eligible, PerUnit, Role, Shape, TargetKind, national};
use crate::error::ScenarioError;
use crate::money::Money;
use crate::scenario::{Baseline, Scenario, baseline_with};

/// Which years deaths averted are counted over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// The plan years only.
    Plan,
    /// Until what the plan bought stops working, at most to [`national::HORIZON_END`]:
    /// a child taught to swim in the last plan year counts until she turns 16. The
    /// default, as in cost-effectiveness studies.
    #[default]
    Lifetime,
}

impl Horizon {
    /// Both horizons, the default first.
    pub const ALL: [Horizon; 2] = [Horizon::Lifetime, Horizon::Plan];

    /// Reads `plan` or `lifetime` (as typed on a command line).
    pub fn from_name(name: &str) -> Option<Horizon> {
        match name.trim().to_ascii_lowercase().as_str() {
            "plan" | "plan-years" | "plan_years" => Some(Horizon::Plan),
            "lifetime" | "life" => Some(Horizon::Lifetime),
            _ => None,
        }
    }

    /// The name `from_name` reads.
    pub fn name(self) -> &'static str {
        match self {
            Horizon::Plan => "plan",
            Horizon::Lifetime => "lifetime",
        }
    }
}

/// A figure counted over both horizons.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ByHorizon<T> {
    /// Over the plan years.
    pub plan: T,
    /// Over the lifetime of what the plan bought.
    pub lifetime: T,
}

impl<T: Copy> ByHorizon<T> {
    /// The figure for a horizon.
    pub fn get(&self, h: Horizon) -> T {
        match h {
            Horizon::Plan => self.plan,
            Horizon::Lifetime => self.lifetime,
        }
    }

    /// Applies `f` to both.
    pub fn map<U>(self, f: impl Fn(T) -> U) -> ByHorizon<U> {
        ByHorizon {
            plan: f(self.plan),
            lifetime: f(self.lifetime),
        }
    }
}

/// A line's parameters as the engine uses them (after overrides; costs in đồng as f64).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LineParams {
    /// Unit cost used in this run, đồng.
    pub cost: f64,
    /// (low, central, high) of the unit cost, for Monte Carlo draws.
    pub cost_tri: (f64, f64, f64),
    /// Relative risk reduction used in this run (0 for lines without a drowning effect).
    pub rrr: f64,
    /// (low, central, high) of the rrr.
    pub rrr_tri: (f64, f64, f64),
    /// Cap on the stock, in units.
    pub cap: f64,
    /// Children per unit.
    pub cpu: f64,
    /// Diminishing returns instead of linear-to-cap.
    pub saturating: bool,
    /// Drowning effect among 0–4-year-olds.
    pub under5: bool,
    /// Drowning effect among 5–15-year-olds.
    pub school: bool,
    /// Effect applies to all children (coverage over all children).
    pub all_bands: bool,
    /// Children counted supported per unit.
    pub supported: f64,
    /// Whether its children count as reached.
    pub counts_children: bool,
    /// Role in the targets.
    pub role: Role,
    /// Bought again every year: it reaches the same children each year as far as it can.
    pub yearly: bool,
    /// Children the line can reach at all (its eligible population, in children).
    pub pool: f64,
    /// Children the line can support at all.
    pub support_pool: f64,
    /// Share of the line's children in the 0–4 and 5–15 bands.
    pub band_share: [f64; 2],
}

impl LineParams {
    /// Whether the line has a drowning effect in any draw (its highest effect is above 0).
    pub(crate) fn protects(&self) -> bool {
        self.rrr_tri.2 > 0.0
    }
}

/// What a run computes for a line, decided once per scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineMeta {
    /// What it buys works beyond the year it is bought (else nothing is carried over).
    pub lasts: bool,
    /// It acts after the plan (a drowning effect or a target role); else its stock after
    /// the plan years is never read and is left at 0.
    pub tail: bool,
}

/// The region-level inputs of one run that the Monte Carlo draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Env {
    /// Deaths per child a year in the base year, 0–4 and 5–15.
    pub band_rate: [f64; 2],
    /// Yearly change of the rate without the plan.
    pub trend: f64,
}

/// A scenario compiled for fast repeated runs (evaluation, Monte Carlo, optimiser).
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) region: String,
    /// Plan years.
    pub(crate) years: Vec<i32>,
    /// Years counted in the lifetime view after the last plan year.
    pub(crate) tail: usize,
    pub(crate) budgets: Vec<Money>,
    /// Children 0–4 and 5–15.
    pub(crate) pop: [f64; 2],
    /// Children 6–15 (the swim-safely targets' population).
    pub(crate) pop_6_15: f64,
    /// The central run's region inputs.
    pub(crate) env: Env,
    /// (low, central, high) of the base-year rate per 100.000 children and of the trend.
    pub(crate) rate_tri: (f64, f64, f64),
    pub(crate) trend_tri: (f64, f64, f64),
    /// Converts a rate per 100.000 children into per-child rates of the two bands.
    pub(crate) band_factor: [f64; 2],
    pub(crate) lines: Vec<LineParams>,
    /// Per line, the share still working `k` years after purchase (`k` = 0 … years).
    pub(crate) survival: Vec<Vec<f64>>,
    /// Per line, what a run needs to compute for it (fixed for a scenario).
    pub(crate) meta: Vec<LineMeta>,
    /// Annual allocation per line (catalogue order), đồng.
    pub(crate) spend: Vec<f64>,
    pub(crate) swim_base: f64,
    pub(crate) cf_base: f64,
    pub(crate) communes: f64,
    pub(crate) reference_rate: f64,
    pub(crate) baseline: Baseline,
    pub(crate) edited: Vec<bool>,
    /// DALYs per death, 0–4 and 5–15 (discounted years of life lost).
    pub(crate) daly: [f64; 2],
    /// Discount factor of each year (plan and tail) to the first plan year.
    pub(crate) disc: Vec<f64>,
}

/// Reusable buffers of one run; indices are `year * lines + line`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    /// Units bought in each plan year, `year * lines + line`.
    pub new_units: Vec<f64>,
    /// The same by line, `line * plan years + year` (for the carried-over stock).
    pub bought: Vec<f64>,
    /// Whether each line bought anything in the plan years run so far.
    pub bought_any: Vec<bool>,
    /// Units working in each year (plan and tail).
    pub stock: Vec<f64>,
    pub averted_line: Vec<f64>,
    pub deaths: Vec<f64>,
    pub deaths_base: Vec<f64>,
    /// Deaths averted per band.
    pub averted_band: Vec<[f64; 2]>,
    pub swim_share: Vec<f64>,
    pub cf_share: Vec<f64>,
    /// Plan years (the first `plan` entries of the yearly vectors).
    pub plan: usize,
}

impl Outcome {
    pub(crate) fn for_model(m: &Model) -> Outcome {
        let p = m.years.len();
        let y = p + m.tail;
        let l = m.lines.len();
        Outcome {
            new_units: vec![0.0; p * l],
            bought: vec![0.0; p * l],
            bought_any: vec![false; l],
            stock: vec![0.0; y * l],
            averted_line: vec![0.0; y * l],
            deaths: vec![0.0; y],
            deaths_base: vec![0.0; y],
            averted_band: vec![[0.0; 2]; y],
            swim_share: vec![0.0; y],
            cf_share: vec![0.0; y],
            plan: p,
        }
    }

    /// Years counted over a horizon.
    pub(crate) fn span(&self, h: Horizon) -> usize {
        match h {
            Horizon::Plan => self.plan,
            Horizon::Lifetime => self.deaths.len(),
        }
    }

    /// Deaths averted over a horizon.
    pub(crate) fn deaths_averted(&self, h: Horizon) -> f64 {
        let n = self.span(h);
        self.deaths_base[..n]
            .iter()
            .zip(&self.deaths[..n])
            .map(|(b, d)| b - d)
            .sum()
    }

    /// DALYs averted over a horizon, discounted to the first plan year.
    pub(crate) fn dalys_averted(&self, h: Horizon, m: &Model) -> f64 {
        let n = self.span(h);
        self.averted_band[..n]
            .iter()
            .zip(&m.disc)
            .map(|(a, d)| (a[0] * m.daly[0] + a[1] * m.daly[1]) * d)
            .sum()
    }
}

/// Discounted years of life lost by a death with `left` years of life ahead, at `rate`
/// a year: `(1 − e^(−rate·left)) / rate`.
pub fn yll(left: f64, rate: f64) -> f64 {
    if rate <= 0.0 {
        left.max(0.0)
    } else {
        (1.0 - libm::exp(-rate * left.max(0.0))) / rate
    }
}

impl Model {
    /// Validates and compiles a scenario.
    pub fn new(s: &Scenario) -> Result<Model, ScenarioError> {
        s.validate()?;
        let baseline = baseline_with(&s.region, &s.overrides.region)
            .ok_or_else(|| ScenarioError::UnknownRegion(s.region.clone()))?;
        let children = baseline.children.value;
        let su5 = baseline.share_under5.value;
        let pop = [children * su5, children * (1.0 - su5)];
        let pop_6_15 = pop[1] * national::SHARE_6_15_OF_SCHOOL;
        let ds = baseline.death_share_under5.value;
        // rate per 100.000 children → deaths per child of each band.
        let band_factor = [ds / su5 / 1e5, (1.0 - ds) / (1.0 - su5) / 1e5];
        let rate = baseline.drowning_rate.tri();
        let trend = baseline.trend.tri();
        let env = Env {
            band_rate: [rate.mode * band_factor[0], rate.mode * band_factor[1]],
            trend: trend.mode,
        };
        let years: Vec<i32> = s.years().collect();
        let swim_base = baseline.swim_share.value;
        let cf_base = baseline.child_friendly_share.value;
        let communes = baseline.communes.value;
        let pop_share = [su5, 1.0 - su5];
        let mut edited = Vec::with_capacity(data::lines().len());
        let mut survival = Vec::with_capacity(data::lines().len());
        let mut tail = 0usize;
        let last = s.end_year.min(national::HORIZON_END);
        let tail_max = (national::HORIZON_END - last).max(0) as usize;
        let lines = data::lines()
            .iter()
            .map(|l| {
                let o = s.overrides.lines.get(l.id).copied().unwrap_or_default();
                edited.push(!o.is_empty());
                let cost = o.unit_cost.unwrap_or(l.unit_cost);
                let max_cov = o.max_coverage.unwrap_or(l.max_coverage);
                let durability = o.durability_years.unwrap_or(l.durability_years).max(1.0);
                let span = (l.lasting.span(durability) as usize).min(tail_max);
                if l.drowning.is_some() || l.role != Role::Plain {
                    tail = tail.max(span);
                }
                survival.push(
                    (0..=(years.len() + tail_max) as u32)
                        .map(|k| l.lasting.survival(durability, k))
                        .collect::<Vec<f64>>(),
                );
                let cpu = match l.per_unit {
                    PerUnit::Fixed(n) => n,
                    PerUnit::ChildrenPerCommune => children / communes.max(1.0),
                };
                let (eligible_children, band_share) = match l.eligible {
                    Eligible::Children { bands, fraction } => {
                        let u5 = if bands.contains(Band::Under5) {
                            pop[0]
                        } else {
                            0.0
                        };
                        let sc = if bands.contains(Band::School) {
                            pop[1]
                        } else {
                            0.0
                        };
                        let total = u5 + sc;
                        (
                            total * fraction,
                            if total > 0.0 {
                                [u5 / total, sc / total]
                            } else {
                                pop_share
                            },
                        )
                    }
                    Eligible::NonSwimmers => (pop_6_15 * (1.0 - swim_base), [0.0, 1.0]),
                    Eligible::SpecialCircumstances => {
                        (baseline.special_circumstances.value, pop_share)
                    }
                    Eligible::HotlineDemand { factor } => {
                        (baseline.hotline_calls.value * factor, pop_share)
                    }
                    Eligible::Communes => (communes * cpu, pop_share),
                    Eligible::CommunesNotCertified => (communes * (1.0 - cf_base) * cpu, pop_share),
                };
                let (rrr_tri, bands) = match l.drowning {
                    Some((bands, tri, _)) => {
                        let t = o.rrr.unwrap_or(tri);
                        ((t.low, t.mode, t.high), Some(bands))
                    }
                    None => ((0.0, 0.0, 0.0), None),
                };
                // Children who can be counted: a line about calls supports children among
                // all children; a line about children supports its own eligible children.
                let support_pool = match l.eligible {
                    Eligible::HotlineDemand { .. } => children,
                    _ => eligible_children,
                };
                LineParams {
                    cost: cost.mode.0 as f64,
                    cost_tri: (cost.low.0 as f64, cost.mode.0 as f64, cost.high.0 as f64),
                    rrr: rrr_tri.1,
                    rrr_tri,
                    cap: eligible_children * max_cov / cpu.max(1e-9),
                    cpu,
                    saturating: l.shape == Shape::Saturating,
                    under5: bands.is_some_and(|b| b.contains(Band::Under5)),
                    school: bands.is_some_and(|b| b.contains(Band::School)),
                    all_bands: bands == Some(data::Bands::All),
                    supported: l.supported_per_unit,
                    counts_children: l.counts_children,
                    role: l.role,
                    yearly: durability <= 1.0,
                    pool: eligible_children,
                    support_pool,
                    band_share,
                }
            })
            .collect();
        let r = national::DISCOUNT_RATE;
        let disc = (0..years.len() + tail)
            .map(|k| libm::pow(1.0 + r, -(k as f64)))
            .collect();
        let meta = data::lines()
            .iter()
            .zip(&survival)
            .map(|(l, surv)| LineMeta {
                lasts: surv.get(1).is_some_and(|v| *v > 0.0),
                tail: l.drowning.is_some() || l.role != Role::Plain,
            })
            .collect();
        Ok(Model {
            meta,
            region: s.region.clone(),
            budgets: s.budget.iter().map(|b| b.total()).collect(),
            years,
            tail,
            pop,
            pop_6_15,
            env,
            rate_tri: (rate.low, rate.mode, rate.high),
            trend_tri: (trend.low, trend.mode, trend.high),
            band_factor,
            lines,
            survival,
            spend: data::lines()
                .iter()
                .map(|l| s.alloc(l.id).0 as f64)
                .collect(),
            swim_base,
            cf_base,
            communes,
            reference_rate: baseline.reference_rate_2020.value,
            baseline,
            edited,
            daly: [
                yll(national::LIFE_LEFT[0], r),
                yll(national::LIFE_LEFT[1], r),
            ],
            disc,
        })
    }

    /// Runs the projection over the plan and the tail years for given region inputs, line
    /// parameters and annual spend per line. With `attribute` false, the per-line split of
    /// deaths averted is skipped (faster).
    pub(crate) fn run(
        &self,
        env: &Env,
        lines: &[LineParams],
        spend: &[f64],
        out: &mut Outcome,
        attribute: bool,
    ) {
        self.run_upto(env, lines, spend, out, attribute, usize::MAX);
    }

    /// [`Model::run`] over the first `upto` years only (a search that judges one plan
    /// year needs no later year); later entries of `out` are left as they were.
    pub(crate) fn run_upto(
        &self,
        env: &Env,
        lines: &[LineParams],
        spend: &[f64],
        out: &mut Outcome,
        attribute: bool,
        upto: usize,
    ) {
        let n = lines.len();
        let p = self.years.len();
        let total_pop = self.pop[0] + self.pop[1];
        let first = self.years.first().copied().unwrap_or(national::BASE_YEAR);
        let growth = 1.0 + env.trend;
        let mut factor = libm::pow(growth, f64::from(first - national::BASE_YEAR));
        for b in out.bought_any.iter_mut() {
            *b = false;
        }
        for y in 0..(p + self.tail).min(upto) {
            if y > 0 {
                factor *= growth;
            }
            let mut prod = [1.0f64; 2];
            let mut swim = self.swim_base;
            let mut cf = self.cf_base;
            let bought_before = y.min(p);
            let in_plan = y < p;
            for (i, (l, meta)) in lines.iter().zip(&self.meta).enumerate() {
                let bought_any = out.bought_any.get(i).copied().unwrap_or(false);
                let acts_after = meta.tail && meta.lasts && bought_any;
                if !in_plan && !acts_after {
                    // After the plan nothing new is bought: a line that bought nothing,
                    // whose purchases do not outlast their year, or that acts on nothing
                    // then, has no stock to compute.
                    out.stock[y * n + i] = 0.0;
                    continue;
                }
                let mut carried = 0.0;
                if meta.lasts && bought_any && bought_before > 0 {
                    // Σ_t bought(t) × survival(y − t) over the years bought so far.
                    let mine = out.bought.get(i * p..i * p + bought_before).unwrap_or(&[]);
                    let surv = self.survival[i]
                        .get(y + 1 - bought_before..=y)
                        .unwrap_or(&[]);
                    carried = mine.iter().zip(surv.iter().rev()).map(|(a, b)| a * b).sum();
                }
                let new = if in_plan {
                    let headroom = (l.cap - carried).max(0.0);
                    let units = spend.get(i).copied().unwrap_or(0.0).max(0.0) / l.cost;
                    let new = if headroom <= 0.0 || units <= 0.0 {
                        0.0
                    } else if l.saturating {
                        headroom * (1.0 - libm::exp(-units / headroom))
                    } else {
                        units.min(headroom)
                    };
                    out.new_units[y * n + i] = new;
                    out.bought[i * p + y] = new;
                    if new > 0.0 {
                        out.bought_any[i] = true;
                    }
                    new
                } else {
                    0.0
                };
                let stock = carried + new;
                out.stock[y * n + i] = stock;
                if l.rrr > 0.0 && stock > 0.0 {
                    let covered = stock * l.cpu;
                    if l.all_bands {
                        let f = 1.0 - (covered / total_pop).min(1.0) * l.rrr;
                        prod[0] *= f;
                        prod[1] *= f;
                    } else if l.under5 {
                        prod[0] *= 1.0 - (covered / self.pop[0]).min(1.0) * l.rrr;
                    } else if l.school {
                        prod[1] *= 1.0 - (covered / self.pop[1]).min(1.0) * l.rrr;
                    }
                }
                match l.role {
                    Role::Swimming => swim += stock * l.cpu / self.pop_6_15,
                    Role::ChildFriendly => cf += stock / self.communes,
                    Role::Plain => {}
                }
            }
            let base = [
                self.pop[0] * env.band_rate[0] * factor,
                self.pop[1] * env.band_rate[1] * factor,
            ];
            out.deaths_base[y] = base[0] + base[1];
            out.deaths[y] = base[0] * prod[0] + base[1] * prod[1];
            out.averted_band[y] = [base[0] * (1.0 - prod[0]), base[1] * (1.0 - prod[1])];
            out.swim_share[y] = swim.min(1.0);
            out.cf_share[y] = cf.min(1.0);
            if attribute {
                self.attribute(lines, out, y, base, prod, total_pop);
            }
        }
    }

    /// Splits a year's deaths averted between lines in proportion to each line's share of
    /// the log of the survival product (exact when a single line acts on a band).
    fn attribute(
        &self,
        lines: &[LineParams],
        out: &mut Outcome,
        y: usize,
        base: [f64; 2],
        prod: [f64; 2],
        total_pop: f64,
    ) {
        let n = lines.len();
        let ln_prod = [libm::log(prod[0]), libm::log(prod[1])];
        for (i, l) in lines.iter().enumerate() {
            let mut averted = 0.0;
            let stock = out.stock[y * n + i];
            if l.rrr > 0.0 && stock > 0.0 {
                let covered = stock * l.cpu;
                for b in 0..2 {
                    let acts = l.all_bands || (b == 0 && l.under5) || (b == 1 && l.school);
                    if !acts || ln_prod[b] >= 0.0 {
                        continue;
                    }
                    let denom = if l.all_bands { total_pop } else { self.pop[b] };
                    let f = 1.0 - (covered / denom).min(1.0) * l.rrr;
                    averted += base[b] * (1.0 - prod[b]) * libm::log(f) / ln_prod[b];
                }
            }
            out.averted_line[y * n + i] = averted;
        }
    }

    /// Children reached and supported by a run, as people, not contacts: `(reached,
    /// supported)`, never more than the children who exist.
    ///
    /// The overlap rule (docs/model.md): a line bought every year reaches the same
    /// children each year as far as it can, so its children over the plan are those of
    /// its largest year; a line whose protection lasts (lessons, barriers, …) reaches new
    /// children each year, so its years add up. Either way a line never counts more
    /// children than it can reach (its eligible population). Children of different lines
    /// overlap by chance within their age band: of `N` children in a band, lines reaching
    /// `d₁, d₂, …` of them reach `N × (1 − Π (1 − dᵢ/N))` together.
    pub(crate) fn people(&self, lines: &[LineParams], out: &Outcome) -> (f64, f64) {
        let n = lines.len().max(1);
        let p = self.years.len();
        let mut miss_reached = [1.0f64; 2];
        let mut miss_supported = [1.0f64; 2];
        for (i, l) in lines.iter().enumerate() {
            let (mut sum, mut max) = (0.0f64, 0.0f64);
            for y in 0..p {
                let u = out.new_units.get(y * n + i).copied().unwrap_or(0.0);
                sum += u;
                max = max.max(u);
            }
            let units = if l.yearly { max } else { sum };
            let reached = if l.counts_children {
                (units * l.cpu).min(l.pool)
            } else {
                0.0
            };
            let supported = (units * l.supported).min(l.support_pool);
            for b in 0..2 {
                if self.pop[b] > 0.0 {
                    let share = l.band_share[b];
                    miss_reached[b] *= 1.0 - (reached * share / self.pop[b]).min(1.0);
                    miss_supported[b] *= 1.0 - (supported * share / self.pop[b]).min(1.0);
                }
            }
        }
        let union = |miss: [f64; 2]| self.pop[0] * (1.0 - miss[0]) + self.pop[1] * (1.0 - miss[1]);
        (union(miss_reached), union(miss_supported))
    }

    /// Contacts (lượt) of a run: `(children reached, children supported)` counted once
    /// per line and year, as programme reports count them.
    pub(crate) fn contacts(&self, lines: &[LineParams], out: &Outcome) -> (u64, u64) {
        let n = lines.len().max(1);
        let mut reached = 0u64;
        let mut supported = 0u64;
        for row in out.new_units.chunks_exact(n) {
            for (new, l) in row.iter().zip(lines) {
                if l.counts_children {
                    reached = reached.saturating_add(floor_u64(new * l.cpu));
                }
                supported = supported.saturating_add(floor_u64(new * l.supported));
            }
        }
        (reached, supported)
    }

    /// Annual spend on lines with a drowning effect, đồng, and its total over the plan.
    pub(crate) fn drowning_spend(&self, lines: &[LineParams], spend: &[f64]) -> Money {
        let years = self.years.len() as i64;
        lines
            .iter()
            .zip(spend)
            .filter(|(l, _)| l.protects())
            .map(|(_, s)| Money((*s as i64).saturating_mul(years)))
            .sum()
    }

    /// The present value, at the first plan year, of the spend on lines with a drowning
    /// effect (discounted like the DALYs).
    pub(crate) fn drowning_spend_pv(&self, lines: &[LineParams], spend: &[f64]) -> f64 {
        let annual: f64 = lines
            .iter()
            .zip(spend)
            .filter(|(l, _)| l.protects())
            .map(|(_, s)| s.max(0.0))
            .sum();
        self.disc
            .iter()
            .take(self.years.len())
            .map(|d| annual * d)
            .sum()
    }

    /// The plan years.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Builds the full projection at every input's central value.
    pub fn evaluate(&self) -> Projection {
        let mut out = Outcome::for_model(self);
        self.run(&self.env, &self.lines, &self.spend, &mut out, true);
        self.projection(&out)
    }

    /// A target's value (reduction or share) in plan year `y` of a run.
    pub(crate) fn target_value(&self, kind: TargetKind, out: &Outcome, y: usize) -> f64 {
        let children = self.pop[0] + self.pop[1];
        match kind {
            TargetKind::DrowningReduction => {
                let rate = out.deaths.get(y).copied().unwrap_or(f64::NAN) / children * 1e5;
                1.0 - rate / self.reference_rate
            }
            TargetKind::SwimShare => out.swim_share.get(y).copied().unwrap_or(f64::NAN),
            TargetKind::ChildFriendlyShare => out.cf_share.get(y).copied().unwrap_or(f64::NAN),
        }
    }

    /// The same value without the plan.
    pub(crate) fn target_baseline(&self, kind: TargetKind, out: &Outcome, y: usize) -> f64 {
        let children = self.pop[0] + self.pop[1];
        match kind {
            TargetKind::DrowningReduction => {
                let rate = out.deaths_base.get(y).copied().unwrap_or(f64::NAN) / children * 1e5;
                1.0 - rate / self.reference_rate
            }
            TargetKind::SwimShare => self.swim_base,
            TargetKind::ChildFriendlyShare => self.cf_base,
        }
    }

    fn projection(&self, out: &Outcome) -> Projection {
        let n = self.lines.len();
        let ny = self.years.len();
        let children = self.pop[0] + self.pop[1];
        let annual: Money = self.spend.iter().map(|s| Money(*s as i64)).sum();
        let mut year_rows = Vec::with_capacity(ny);
        for (y, year) in self.years.iter().enumerate() {
            let mut contacts = 0u64;
            let mut contacts_supported = 0u64;
            for (i, l) in self.lines.iter().enumerate() {
                let new = out.new_units[y * n + i];
                if l.counts_children {
                    contacts += floor_u64(new * l.cpu);
                }
                contacts_supported += floor_u64(new * l.supported);
            }
            let budget = self.budgets.get(y).copied().unwrap_or_default();
            year_rows.push(YearOutcome {
                year: *year,
                budget,
                allocated: annual,
                unallocated: budget.saturating_sub(annual),
                deaths_baseline: out.deaths_base[y],
                deaths: out.deaths[y],
                deaths_averted: out.deaths_base[y] - out.deaths[y],
                rate_baseline: out.deaths_base[y] / children * 1e5,
                rate: out.deaths[y] / children * 1e5,
                swim_share: out.swim_share[y],
                child_friendly_share: out.cf_share[y],
                contacts,
                contacts_supported,
            });
        }
        let after_plan = (ny..ny + self.tail)
            .map(|y| AfterYear {
                year: self.years.last().copied().unwrap_or(national::BASE_YEAR)
                    + (y - ny + 1) as i32,
                deaths_averted: out.deaths_base[y] - out.deaths[y],
            })
            .collect();
        let years_n = ny as i64;
        let all = ny + self.tail;
        let lines: Vec<LineOutcome> = data::lines()
            .iter()
            .zip(&self.lines)
            .enumerate()
            .map(|(i, (def, l))| {
                let annual = Money(self.spend[i] as i64);
                let spend_total = Money(annual.0.saturating_mul(years_n));
                let reach: Vec<u64> = (0..ny)
                    .map(|y| floor_u64(out.new_units[y * n + i]))
                    .collect();
                let reach_total: u64 = reach.iter().sum();
                let units: Vec<f64> = (0..ny).map(|y| out.new_units[y * n + i]).collect();
                let distinct = if l.yearly {
                    units.iter().copied().fold(0.0, f64::max)
                } else {
                    units.iter().sum()
                };
                let idle: Vec<Money> = units
                    .iter()
                    .map(|u| {
                        if l.saturating {
                            Money::ZERO
                        } else {
                            Money((self.spend[i] - u * l.cost).max(0.0) as i64)
                        }
                    })
                    .collect();
                let last = out.stock[(ny - 1) * n + i];
                let averted = |h: Horizon| -> f64 {
                    let span = if h == Horizon::Plan { ny } else { all };
                    (0..span).map(|y| out.averted_line[y * n + i]).sum()
                };
                LineOutcome {
                    id: def.id,
                    annual,
                    spend_total,
                    reach,
                    reach_total,
                    children_reached: if l.counts_children {
                        floor_u64((distinct * l.cpu).min(l.pool))
                    } else {
                        0
                    },
                    children_supported: floor_u64((distinct * l.supported).min(l.support_pool)),
                    contacts: if l.counts_children {
                        units.iter().map(|u| floor_u64(u * l.cpu)).sum()
                    } else {
                        0
                    },
                    stock_final: last,
                    cap: l.cap,
                    saturation: if l.cap > 0.0 {
                        (last / l.cap).min(1.0)
                    } else {
                        1.0
                    },
                    deaths_averted: ByHorizon {
                        plan: averted(Horizon::Plan),
                        lifetime: averted(Horizon::Lifetime),
                    },
                    cost_per_unit: divide(spend_total, reach_total as f64),
                    idle_total: idle.iter().copied().sum(),
                    idle,
                    edited: self.edited[i],
                }
            })
            .collect();
        let last = &year_rows[ny - 1];
        let spend_total = Money(annual.0.saturating_mul(years_n));
        let drowning_spend = self.drowning_spend(&self.lines, &self.spend);
        let spend_pv = self.drowning_spend_pv(&self.lines, &self.spend);
        let (reached, supported) = self.people(&self.lines, out);
        let (contacts, contacts_supported) = self.contacts(&self.lines, out);
        let supported_spend: Money = self
            .lines
            .iter()
            .zip(&self.spend)
            .filter(|(l, _)| l.supported > 0.0)
            .map(|(_, s)| Money((*s as i64).saturating_mul(years_n)))
            .sum();
        let averted = ByHorizon {
            plan: out.deaths_averted(Horizon::Plan),
            lifetime: out.deaths_averted(Horizon::Lifetime),
        };
        let dalys = ByHorizon {
            plan: out.dalys_averted(Horizon::Plan, self),
            lifetime: out.dalys_averted(Horizon::Lifetime, self),
        };
        let headline = Headline {
            deaths_averted: averted,
            dalys_averted: dalys,
            deaths_baseline: out.deaths_base[..ny].iter().sum(),
            deaths: out.deaths[..ny].iter().sum(),
            rate_final: last.rate,
            rate_baseline_final: last.rate_baseline,
            swim_share_final: last.swim_share,
            child_friendly_share_final: last.child_friendly_share,
            children_reached: floor_u64(reached),
            children_supported: floor_u64(supported),
            contacts,
            contacts_supported,
            spend_total,
            cost_per_death_averted: averted.map(|a| per(drowning_spend.as_f64(), a)),
            cost_per_daly: dalys.map(|d| per(spend_pv, d)),
            cost_per_child_reached: divide(spend_total, floor_u64(reached) as f64),
            cost_per_child_supported: divide(supported_spend, floor_u64(supported) as f64),
        };
        let targets = data::TARGETS
            .iter()
            .map(|t| {
                let y = self.years.iter().position(|y| *y == t.year);
                let (value, base) = match y {
                    None => (f64::NAN, f64::NAN),
                    Some(y) => (
                        self.target_value(t.kind, out, y),
                        self.target_baseline(t.kind, out, y),
                    ),
                };
                TargetOutcome {
                    id: t.id,
                    year: t.year,
                    threshold: t.value,
                    assessable: y.is_some(),
                    value,
                    baseline_value: base,
                    met: y.is_some() && value >= t.value - 1e-12,
                    met_without_plan: y.is_some() && base >= t.value - 1e-12,
                    trend: (t.kind == TargetKind::DrowningReduction).then_some(TrendAssumed {
                        central: self.trend_tri.1,
                        low: self.trend_tri.0,
                        high: self.trend_tri.2,
                    }),
                }
            })
            .collect();
        Projection {
            region: self.region.clone(),
            years: year_rows,
            after_plan,
            lines,
            targets,
            headline,
            baseline: self.baseline,
        }
    }
}

/// `money / by` as whole đồng when something was bought (`by` > 10⁻⁶).
fn per(money: f64, by: f64) -> Option<Money> {
    if by > 1e-6 && money.is_finite() {
        Money::from_f64(money / by)
    } else {
        None
    }
}

pub(crate) fn floor_u64(x: f64) -> u64 {
    // A hair of tolerance so 17.800,000… computed as 17.799,999… still counts as 17.800.
    let v = libm::floor(x * (1.0 + 1e-12) + 1e-9);
    if v.is_finite() && v > 0.0 {
        v as u64
    } else {
        0
    }
}

fn divide(m: Money, by: f64) -> Option<Money> {
    if by >= 1.0 {
        Money::from_f64(m.0 as f64 / by)
    } else {
        None
    }
}

/// Validates and evaluates a scenario.
pub fn evaluate(s: &Scenario) -> Result<Projection, ScenarioError> {
    Ok(Model::new(s)?.evaluate())
}

/// One plan year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct YearOutcome {
    /// The year.
    pub year: i32,
    /// Budget of the year, all sources.
    pub budget: Money,
    /// Annual allocation to lines.
    pub allocated: Money,
    /// Budget left unallocated (0 when over).
    pub unallocated: Money,
    /// Expected child drowning deaths without this plan.
    pub deaths_baseline: f64,
    /// Expected child drowning deaths with it.
    pub deaths: f64,
    /// The difference.
    pub deaths_averted: f64,
    /// Deaths per 100.000 children without the plan.
    pub rate_baseline: f64,
    /// Deaths per 100.000 children with it.
    pub rate: f64,
    /// Share of children 6–15 able to swim safely (0–1).
    pub swim_share: f64,
    /// Share of communes recognised child-friendly (0–1).
    pub child_friendly_share: f64,
    /// Contacts with children this year (lượt: a child reached by two lines counts twice).
    pub contacts: u64,
    /// Support given to children this year, counted per line (lượt).
    pub contacts_supported: u64,
}

/// A year after the plan in which what it bought still averts deaths.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AfterYear {
    /// The year.
    pub year: i32,
    /// Deaths averted that year by what the plan bought.
    pub deaths_averted: f64,
}

/// One line over the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LineOutcome {
    /// Line id.
    pub id: &'static str,
    /// Annual allocation.
    pub annual: Money,
    /// Allocation over the plan.
    pub spend_total: Money,
    /// Units newly bought each year (children taught, households, calls…).
    pub reach: Vec<u64>,
    /// Units over the plan.
    pub reach_total: u64,
    /// Children reached over the plan, as people (see [`Model::people`]; 0 for lines
    /// whose units are not children).
    pub children_reached: u64,
    /// Children supported over the plan, as people.
    pub children_supported: u64,
    /// Contacts with children over the plan (lượt): every year counted.
    pub contacts: u64,
    /// Units still working in the last plan year.
    pub stock_final: f64,
    /// Most units the line can have working at once.
    pub cap: f64,
    /// `stock_final / cap` (1 = saturated).
    pub saturation: f64,
    /// Deaths averted attributed to this line, over both horizons.
    pub deaths_averted: ByHorizon<f64>,
    /// Spend over the plan per unit bought.
    pub cost_per_unit: Option<Money>,
    /// Money of each plan year that bought nothing (the line was at its cap).
    pub idle: Vec<Money>,
    /// Their sum over the plan.
    pub idle_total: Money,
    /// Whether its parameters were changed in the scenario.
    pub edited: bool,
}

/// The trend a drowning target's verdict assumes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TrendAssumed {
    /// The yearly change used for the verdict (the central value).
    pub central: f64,
    /// Lowest plausible (the steepest fall).
    pub low: f64,
    /// Highest plausible.
    pub high: f64,
}

/// A national target, met or missed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TargetOutcome {
    /// Target id.
    pub id: &'static str,
    /// The year it must be met by.
    pub year: i32,
    /// Threshold (share).
    pub threshold: f64,
    /// Whether the year lies within the plan; if not, `met` is false and values are NaN.
    pub assessable: bool,
    /// What the plan achieves in that year (reduction or share), at central values.
    pub value: f64,
    /// What the region would have without the plan.
    pub baseline_value: f64,
    /// `value ≥ threshold` at central values (the chance is in [`crate::Uncertainty`]).
    pub met: bool,
    /// Met even without the plan (at central values): the trend alone gets there.
    pub met_without_plan: bool,
    /// For drowning targets, the no-plan trend the verdict assumes.
    pub trend: Option<TrendAssumed>,
}

/// The headline figures over the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Headline {
    /// Child drowning deaths averted, over the plan years and over the lifetime of what
    /// the plan bought.
    pub deaths_averted: ByHorizon<f64>,
    /// Disability-adjusted life years averted (discounted years of life lost).
    pub dalys_averted: ByHorizon<f64>,
    /// Expected deaths over the plan years without it.
    pub deaths_baseline: f64,
    /// Expected deaths over the plan years with it.
    pub deaths: f64,
    /// Deaths per 100.000 children in the last plan year.
    pub rate_final: f64,
    /// The same without the plan.
    pub rate_baseline_final: f64,
    /// Share of children 6–15 able to swim in the last plan year.
    pub swim_share_final: f64,
    /// Share of child-friendly communes in the last plan year.
    pub child_friendly_share_final: f64,
    /// Children reached over the plan, as people: never more than the children who exist.
    pub children_reached: u64,
    /// Children supported over the plan, as people.
    pub children_supported: u64,
    /// Contacts with children over the plan (lượt): each line, each year.
    pub contacts: u64,
    /// Support given over the plan, counted per line and year (lượt).
    pub contacts_supported: u64,
    /// Allocation over the plan.
    pub spend_total: Money,
    /// Spend on drowning-prevention lines per death averted.
    pub cost_per_death_averted: ByHorizon<Option<Money>>,
    /// Spend on drowning-prevention lines per DALY averted, both discounted at 3 %/yr.
    pub cost_per_daly: ByHorizon<Option<Money>>,
    /// All spend per child reached.
    pub cost_per_child_reached: Option<Money>,
    /// Spend on supporting lines per child supported.
    pub cost_per_child_supported: Option<Money>,
}

/// Everything a scenario buys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Projection {
    /// Region id.
    pub region: String,
    /// Per plan year.
    pub years: Vec<YearOutcome>,
    /// Per year after the plan in which its protection still works (lifetime view).
    pub after_plan: Vec<AfterYear>,
    /// Per line, catalogue order.
    pub lines: Vec<LineOutcome>,
    /// Per national target.
    pub targets: Vec<TargetOutcome>,
    /// Over the plan.
    pub headline: Headline,
    /// The region's baseline with provenance.
    pub baseline: Baseline,
}

impl Projection {
    /// A line's outcome by id.
    pub fn line(&self, id: &str) -> Option<&LineOutcome> {
        self.lines.iter().find(|l| l.id == id)
    }

    /// A target's outcome by id.
    pub fn target(&self, id: &str) -> Option<&TargetOutcome> {
        self.targets.iter().find(|t| t.id == id)
    }
}

/// What the next slice of money buys on one line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marginal {
    /// Line id.
    pub id: &'static str,
    /// The extra annual amount tested.
    pub step: Money,
    /// Extra units a year, averaged over the plan.
    pub units_per_year: f64,
    /// Extra children supported over the plan (people).
    pub children_supported: f64,
    /// Extra deaths averted, over both horizons.
    pub deaths_averted: ByHorizon<f64>,
    /// Share of the cap in use in the last year.
    pub saturation: f64,
    /// True when the line is close to its cap or the step buys less than half of what
    /// the same money bought at the start.
    pub near_saturation: bool,
}

/// What `step` more a year on each line would buy, given the rest of the scenario.
pub fn marginal_returns(s: &Scenario, step: Money) -> Result<Vec<Marginal>, ScenarioError> {
    let m = Model::new(s)?;
    Ok(m.marginal_returns(step))
}

impl Model {
    /// See [`marginal_returns`].
    pub fn marginal_returns(&self, step: Money) -> Vec<Marginal> {
        let n = self.lines.len();
        let ny = self.years.len();
        let mut base = Outcome::for_model(self);
        self.run(&self.env, &self.lines, &self.spend, &mut base, false);
        let base_averted = ByHorizon {
            plan: base.deaths_averted(Horizon::Plan),
            lifetime: base.deaths_averted(Horizon::Lifetime),
        };
        let base_supported = self.people(&self.lines, &base).1;
        let mut out = Outcome::for_model(self);
        let mut spend = self.spend.clone();
        let step_f = step.0.max(0) as f64;
        data::lines()
            .iter()
            .zip(&self.lines)
            .enumerate()
            .map(|(i, (def, l))| {
                spend[i] = self.spend[i] + step_f;
                self.run(&self.env, &self.lines, &spend, &mut out, false);
                spend[i] = self.spend[i];
                let mut units = 0.0;
                for y in 0..ny {
                    units += out.new_units[y * n + i] - base.new_units[y * n + i];
                }
                let units_per_year = units / ny as f64;
                let saturation = if l.cap > 0.0 {
                    (base.stock[(ny - 1) * n + i] / l.cap).min(1.0)
                } else {
                    1.0
                };
                let linear = step_f / l.cost;
                Marginal {
                    id: def.id,
                    step,
                    units_per_year,
                    children_supported: self.people(&self.lines, &out).1 - base_supported,
                    deaths_averted: ByHorizon {
                        plan: out.deaths_averted(Horizon::Plan) - base_averted.plan,
                        lifetime: out.deaths_averted(Horizon::Lifetime) - base_averted.lifetime,
                    },
                    saturation,
                    near_saturation: saturation >= 0.9
                        || (step_f > 0.0 && units_per_year < 0.5 * linear),
                }
            })
            .collect()
    }
}
#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::money::TY;
    use crate::scenario::{LineOverride, YearBudget};

    fn only(region: &str, years: (i32, i32), allocation: &[(&str, i64)]) -> Scenario {
        let n = (years.1 - years.0 + 1) as usize;
        let total: i64 = allocation.iter().map(|(_, m)| m).sum();
        Scenario {
            region: region.into(),
            start_year: years.0,
            end_year: years.1,
            budget: vec![
                YearBudget {
                    central: Money(total),
                    ..Default::default()
                };
                n
            ],
            allocation: allocation
                .iter()
                .map(|(id, m)| ((*id).to_string(), Money(*m)))
                .collect::<BTreeMap<_, _>>(),
            ..Scenario::default()
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1e-12)
    }

    #[test]
    fn the_month_of_action_2023_seeds_reproduce() {
        // Seed 003: 20 tỷ → 17.800 children; 30 tỷ → ≈ 460.000 gifts; 9,4 tỷ → ≈ 14.000
        // scholarships; 7,7 tỷ → ≈ 66.000 examinations.
        let s = only(
            "VN",
            (2023, 2023),
            &[
                ("special_support", 20 * TY),
                ("gifts", 30 * TY),
                ("scholarship", 9_400_000_000),
                ("health_check", 7_700_000_000),
            ],
        );
        let p = evaluate(&s).expect("valid");
        let r = |id| p.line(id).map(|l| l.reach_total).unwrap_or(0);
        assert_eq!(r("special_support"), 17_800); // 20e9 / 1.123.595 = 17.800,008
        assert_eq!(r("scholarship"), 14_000); // 9,4e9 / 671.428 = 14.000,01
        assert_eq!(r("health_check"), 66_000); // 7,7e9 / 116.666 = 66.000,3
        assert_eq!(r("gifts"), 460_002); // 30e9 / 65.217 = 460.002,8 ("gần 460.000")
        // Contacts add the lines up; children (people) overlap a little by chance.
        let sum = 17_800 + 14_000 + 66_000 + 460_002;
        assert_eq!(p.headline.contacts_supported, sum);
        let people = p.headline.children_supported;
        assert!(people < sum && people > sum - 2_000, "{people}");
    }

    #[test]
    fn swimming_lessons_by_hand() {
        // Điện Biên, one year, 6 tỷ on swimming at 600.000 đ: 10.000 children taught.
        // Children 208.222; 5–15 = 70 % = 145.755,4; rate 7,26/100.000 with 59 % of deaths in
        // 5–15 over 70 % of children: 7,26e-5 × 0,59/0,70 = 6,1191e-5 per child in 2025,
        // × 0,975² in 2027 = 5,8171e-5. Baseline deaths 5–15: 145.755,4 × 5,8171e-5 = 8,4787.
        // Coverage 10.000 / 145.755,4 = 0,068608; × rrr 0,7 → deaths × (1 − 0,048026):
        // averted = 8,4787 × 0,048026 = 0,40720 in 2027 (the plan year).
        let s = only("dien-bien", (2027, 2027), &[("swim", 6 * TY)]);
        let p = evaluate(&s).expect("valid");
        let l = p.line("swim").expect("line");
        assert_eq!(l.reach_total, 10_000);
        assert!(
            close(p.headline.deaths_averted.plan, 0.40720, 1e-3),
            "{}",
            p.headline.deaths_averted.plan
        );
        assert!(close(
            l.deaths_averted.plan,
            p.headline.deaths_averted.plan,
            1e-9
        ));
        // Swim share among children 6–15 (10/11 of the band): 0,192 + 10.000 / 132.504,9
        // = 0,267469.
        assert!(close(p.headline.swim_share_final, 0.267469, 1e-4));
        // Spend on drowning lines per death averted in the plan year: 6e9 / 0,40720.
        let c = p.headline.cost_per_death_averted.plan.expect("some").0 as f64;
        assert!(close(c, 6e9 / 0.40720, 1e-3));
        // Over the lifetime the 10.000 children age out evenly over 10 years (survival
        // 1; 0,9; …; 0,1), each later year at a lower baseline (×0,975 a year): the
        // lifetime figure is the plan year's times Σ 0,975^k × (1 − k/10), k = 0…9, to
        // first order in the coverage.
        let weights: f64 = (0..10)
            .map(|k| 0.975f64.powi(k) * (1.0 - f64::from(k) / 10.0))
            .sum();
        assert!(
            close(p.headline.deaths_averted.lifetime, 0.40720 * weights, 5e-3),
            "{} vs {}",
            p.headline.deaths_averted.lifetime,
            0.40720 * weights
        );
    }

    #[test]
    fn durable_stock_ages_out() {
        // Two years: 6 tỷ in each year; children age out over 10 years → stock(2) =
        // 10.000 × 0,9 + 10.000; after the plan the stock keeps ageing out.
        let s = only("dien-bien", (2027, 2028), &[("swim", 6 * TY)]);
        let m = Model::new(&s).expect("valid");
        let mut out = Outcome::for_model(&m);
        m.run(&m.env, &m.lines, &m.spend, &mut out, false);
        let n = m.lines.len();
        assert!(close(out.stock[n], 10_000.0 * 0.9 + 10_000.0, 1e-12));
        // 2029 (first tail year): 10.000 × 0,8 + 10.000 × 0,9.
        assert!(close(out.stock[2 * n], 17_000.0, 1e-12));
        // 2036: 10.000 × 0,1 + 10.000 × 0,2; nothing is left 10 years after the last
        // lessons (2038). The tail runs as long as any line's protection could (first-aid
        // skills fade below 1 % in 12 years), up to 2045.
        assert!(close(out.stock[9 * n], 3_000.0, 1e-9));
        assert_eq!(out.stock[11 * n], 0.0);
        assert_eq!(m.tail, 12);
    }

    #[test]
    fn reach_stops_at_the_cap() {
        // Special support in Điện Biên: 6.847 children at most.
        let s = only("dien-bien", (2027, 2027), &[("special_support", 100 * TY)]);
        let p = evaluate(&s).expect("valid");
        let l = p.line("special_support").expect("line");
        assert_eq!(l.reach_total, 6_847);
        assert_eq!(l.saturation, 1.0);
    }

    #[test]
    fn saturating_line_has_diminishing_returns() {
        // Communication: headroom × (1 − e^(−units/headroom)).
        let s = only("dien-bien", (2027, 2027), &[("communication", TY)]);
        let m = Model::new(&s).expect("valid");
        let l = m.lines[crate::data::line_index("communication").expect("line")];
        let units = 1e9 / 15_000.0;
        let expect = l.cap * (1.0 - (-units / l.cap).exp());
        let p = m.evaluate();
        assert_eq!(
            p.line("communication").expect("line").reach_total,
            expect.floor() as u64
        );
        assert!(expect < units);
    }

    #[test]
    fn no_money_no_effect_and_targets_follow_the_baseline() {
        let s = only("VN", (2027, 2030), &[]);
        let p = evaluate(&s).expect("valid");
        assert_eq!(p.headline.deaths_averted.lifetime, 0.0);
        assert_eq!(p.headline.children_reached, 0);
        // National baseline 2030 at the most likely trend: 7,26 × 0,975⁵ = 6,3974 per
        // 100.000 → −20,7 % vs 8,07: the −20 % target is met without a plan (at this trend).
        let t = p.target("drowning-2030").expect("target");
        assert!(t.assessable && t.met);
        assert!(close(t.value, 1.0 - 7.26 * 0.975f64.powi(5) / 8.07, 1e-9));
        assert!(!p.target("drowning-2025").expect("target").assessable);
    }

    #[test]
    fn overrides_change_the_numbers_and_are_marked() {
        let mut s = Scenario::default();
        let before = evaluate(&s).expect("valid");
        s.overrides.lines.insert(
            "swim".into(),
            LineOverride {
                rrr: Some(data::Tri {
                    low: 0.9,
                    mode: 0.93,
                    high: 0.95,
                }),
                ..Default::default()
            },
        );
        let after = evaluate(&s).expect("valid");
        assert!(after.headline.deaths_averted.lifetime > before.headline.deaths_averted.lifetime);
        assert!(after.line("swim").expect("line").edited);
    }

    #[test]
    fn default_plan_is_reasonable() {
        let p = evaluate(&Scenario::default()).expect("valid");
        let d = p.headline.deaths_averted;
        assert!(d.plan > 50.0 && d.plan < 2_000.0, "{d:?}");
        assert!(d.lifetime > d.plan, "{d:?}");
        assert!(p.headline.children_supported > 100_000);
        assert!(p.headline.rate_final < p.headline.rate_baseline_final);
        for h in Horizon::ALL {
            let sum: f64 = p.lines.iter().map(|l| l.deaths_averted.get(h)).sum();
            assert!(close(sum, d.get(h), 1e-9), "{h:?}");
        }
        // People, not contacts: never more than the children who exist.
        assert!(p.headline.children_reached <= 24_800_000);
        assert!(p.headline.contacts > p.headline.children_reached);
        // DALYs: about 30 discounted years of life per child death.
        let per_death = p.headline.dalys_averted.lifetime / d.lifetime;
        assert!((25.0..31.0).contains(&per_death), "{per_death}");
    }

    #[test]
    fn marginal_returns_match_a_rerun() {
        let s = Scenario::default();
        let m = marginal_returns(&s, Money(100_000_000)).expect("valid");
        let swim = m.iter().find(|x| x.id == "swim").expect("swim");
        // 100 triệu at 600.000 đ = 166,67 children a year while below the cap.
        assert!(close(swim.units_per_year, 1e8 / 6e5, 1e-9));
        let mut s2 = s.clone();
        *s2.allocation.get_mut("swim").expect("swim") = Money(120 * TY + 100_000_000);
        for b in &mut s2.budget {
            b.mobilised = b.mobilised.saturating_add(Money(100_000_000));
        }
        let d = evaluate(&s2)
            .expect("valid")
            .headline
            .deaths_averted
            .lifetime
            - evaluate(&s)
                .expect("valid")
                .headline
                .deaths_averted
                .lifetime;
        assert!(close(swim.deaths_averted.lifetime, d, 1e-9));
        let gifts = m.iter().find(|x| x.id == "gifts").expect("gifts");
        assert!(gifts.deaths_averted.lifetime == 0.0 && gifts.children_supported > 1_000.0);
    }
}
