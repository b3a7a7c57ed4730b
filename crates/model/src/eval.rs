//! Evaluation: a scenario becomes a projection — reach, coverage, children supported,
//! expected and averted drowning deaths, rates, shares, costs and targets, year by year.
//!
//! The model (DESIGN.md "The model (v1)"):
//! - each line buys `units = spend / unit_cost` a year, linearly until its cap or with
//!   diminishing returns (`headroom × (1 − e^(−units/headroom))`);
//! - durable lines keep a stock: `stock(y) = stock(y−1) × (1 − 1/durability) + new(y)`,
//!   so a child taught to swim stays protected and then ages out;
//! - expected deaths `Σ_bands pop_b × rate_b(y) × Π_i (1 − coverage_i,b(y) × rrr_i)`, with
//!   `rate_b(y) = rate_b × (1 + trend)^(y − base year)` and coverage = stock × children per
//!   unit / band population;
//! - deaths averted = the same without any line (the no-programme baseline) minus that.

use serde::Serialize;

use crate::data::{self, Band, Eligible, LINES, PerUnit, Role, Shape, TargetKind, national};
use crate::error::ScenarioError;
use crate::money::Money;
use crate::scenario::{Baseline, Scenario, baseline_with};

/// A line's parameters as the engine uses them (after overrides; costs in đồng as f64).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LineParams {
    /// Unit cost used in this run, đồng.
    pub cost: f64,
    /// (low, mode, high) of the unit cost, for Monte Carlo draws.
    pub cost_tri: (f64, f64, f64),
    /// Relative risk reduction used in this run (0 for lines without a drowning effect).
    pub rrr: f64,
    /// (low, mode, high) of the rrr.
    pub rrr_tri: (f64, f64, f64),
    /// Cap on the stock, in units.
    pub cap: f64,
    /// Children per unit.
    pub cpu: f64,
    /// Share of last year's stock still working this year (1 − 1/durability).
    pub keep: f64,
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
}

/// A scenario compiled for fast repeated runs (evaluation, Monte Carlo, optimiser).
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) region: String,
    pub(crate) years: Vec<i32>,
    pub(crate) budgets: Vec<Money>,
    /// Children 0–4 and 5–15.
    pub(crate) pop: [f64; 2],
    /// Baseline deaths per child a year, per plan year and band.
    pub(crate) rate: Vec<[f64; 2]>,
    pub(crate) lines: Vec<LineParams>,
    /// Annual allocation per line (catalogue order), đồng.
    pub(crate) spend: Vec<f64>,
    pub(crate) swim_base: f64,
    pub(crate) cf_base: f64,
    pub(crate) communes: f64,
    pub(crate) reference_rate: f64,
    pub(crate) baseline: Baseline,
    pub(crate) edited: Vec<bool>,
}

/// Reusable buffers of one run; indices are `year * lines + line`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    pub new_units: Vec<f64>,
    pub stock: Vec<f64>,
    pub averted_line: Vec<f64>,
    pub deaths: Vec<f64>,
    pub deaths_base: Vec<f64>,
    pub swim_share: Vec<f64>,
    pub cf_share: Vec<f64>,
}

impl Outcome {
    pub(crate) fn for_model(m: &Model) -> Outcome {
        let y = m.years.len();
        let l = m.lines.len();
        Outcome {
            new_units: vec![0.0; y * l],
            stock: vec![0.0; y * l],
            averted_line: vec![0.0; y * l],
            deaths: vec![0.0; y],
            deaths_base: vec![0.0; y],
            swim_share: vec![0.0; y],
            cf_share: vec![0.0; y],
        }
    }

    /// Deaths averted over the plan.
    pub(crate) fn deaths_averted(&self) -> f64 {
        self.deaths_base
            .iter()
            .zip(&self.deaths)
            .map(|(b, d)| b - d)
            .sum()
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
        let ds = baseline.death_share_under5.value;
        let per_child = baseline.drowning_rate.value / 1e5;
        let band_rate = [per_child * ds / su5, per_child * (1.0 - ds) / (1.0 - su5)];
        let years: Vec<i32> = s.years().collect();
        let trend = baseline.trend.value;
        let rate = years
            .iter()
            .map(|y| {
                let f = libm::pow(1.0 + trend, f64::from(y - national::BASE_YEAR));
                [band_rate[0] * f, band_rate[1] * f]
            })
            .collect();
        let swim_base = baseline.swim_share.value;
        let cf_base = baseline.child_friendly_share.value;
        let communes = baseline.communes.value;
        let mut edited = Vec::with_capacity(LINES.len());
        let lines = LINES
            .iter()
            .map(|l| {
                let o = s.overrides.lines.get(l.id).copied().unwrap_or_default();
                edited.push(!o.is_empty());
                let cost = o.unit_cost.unwrap_or(l.unit_cost);
                let max_cov = o.max_coverage.unwrap_or(l.max_coverage);
                let durability = o.durability_years.unwrap_or(l.durability_years).max(1.0);
                let cpu = match l.per_unit {
                    PerUnit::Fixed(n) => n,
                    PerUnit::ChildrenPerCommune => children / communes.max(1.0),
                };
                let eligible_children = match l.eligible {
                    Eligible::Children { bands, fraction } => {
                        let mut p = 0.0;
                        if bands.contains(Band::Under5) {
                            p += pop[0];
                        }
                        if bands.contains(Band::School) {
                            p += pop[1];
                        }
                        p * fraction
                    }
                    Eligible::NonSwimmers => pop[1] * (1.0 - swim_base),
                    Eligible::SpecialCircumstances => baseline.special_circumstances.value,
                    Eligible::HotlineDemand { factor } => baseline.hotline_calls.value * factor,
                    Eligible::Communes => communes * cpu,
                    Eligible::CommunesNotCertified => communes * (1.0 - cf_base) * cpu,
                };
                let (rrr_tri, bands) = match l.drowning {
                    Some((bands, tri, _)) => {
                        let t = o.rrr.unwrap_or(tri);
                        ((t.low, t.mode, t.high), Some(bands))
                    }
                    None => ((0.0, 0.0, 0.0), None),
                };
                LineParams {
                    cost: cost.mode.0 as f64,
                    cost_tri: (cost.low.0 as f64, cost.mode.0 as f64, cost.high.0 as f64),
                    rrr: rrr_tri.1,
                    rrr_tri,
                    cap: eligible_children * max_cov / cpu.max(1e-9),
                    cpu,
                    keep: 1.0 - 1.0 / durability,
                    saturating: l.shape == Shape::Saturating,
                    under5: bands.is_some_and(|b| b.contains(Band::Under5)),
                    school: bands.is_some_and(|b| b.contains(Band::School)),
                    all_bands: bands == Some(data::Bands::All),
                    supported: l.supported_per_unit,
                    counts_children: l.counts_children,
                    role: l.role,
                }
            })
            .collect();
        Ok(Model {
            region: s.region.clone(),
            budgets: s.budget.iter().map(|b| b.total()).collect(),
            years,
            pop,
            rate,
            lines,
            spend: LINES.iter().map(|l| s.alloc(l.id).0 as f64).collect(),
            swim_base,
            cf_base,
            communes,
            reference_rate: baseline.reference_rate_2020.value,
            baseline,
            edited,
        })
    }

    /// Runs the projection for given line parameters and annual spend per line.
    /// With `attribute` false, the per-line split of deaths averted is skipped (faster).
    pub(crate) fn run(
        &self,
        lines: &[LineParams],
        spend: &[f64],
        out: &mut Outcome,
        attribute: bool,
    ) {
        let n = lines.len();
        let total_pop = self.pop[0] + self.pop[1];
        for (y, rate) in self.rate.iter().enumerate() {
            let mut prod = [1.0f64; 2];
            let mut swim = self.swim_base;
            let mut cf = self.cf_base;
            for (i, l) in lines.iter().enumerate() {
                let carried = if y == 0 {
                    0.0
                } else {
                    out.stock[(y - 1) * n + i] * l.keep
                };
                let headroom = (l.cap - carried).max(0.0);
                let units = spend.get(i).copied().unwrap_or(0.0).max(0.0) / l.cost;
                let new = if headroom <= 0.0 || units <= 0.0 {
                    0.0
                } else if l.saturating {
                    headroom * (1.0 - libm::exp(-units / headroom))
                } else {
                    units.min(headroom)
                };
                let stock = carried + new;
                out.new_units[y * n + i] = new;
                out.stock[y * n + i] = stock;
                if l.rrr > 0.0 {
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
                    Role::Swimming => swim += stock * l.cpu / self.pop[1],
                    Role::ChildFriendly => cf += stock / self.communes,
                    Role::Plain => {}
                }
            }
            let base = [self.pop[0] * rate[0], self.pop[1] * rate[1]];
            out.deaths_base[y] = base[0] + base[1];
            out.deaths[y] = base[0] * prod[0] + base[1] * prod[1];
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
            if l.rrr > 0.0 {
                let covered = out.stock[y * n + i] * l.cpu;
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

    /// The scenario's plan years.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Builds the full projection.
    pub fn evaluate(&self) -> Projection {
        let mut out = Outcome::for_model(self);
        self.run(&self.lines, &self.spend, &mut out, true);
        self.projection(&out)
    }

    fn projection(&self, out: &Outcome) -> Projection {
        let n = self.lines.len();
        let ny = self.years.len();
        let children = self.pop[0] + self.pop[1];
        let annual: Money = self.spend.iter().map(|s| Money(*s as i64)).sum();
        let mut year_rows = Vec::with_capacity(ny);
        let mut reached_total = 0u64;
        let mut supported_total = 0u64;
        for (y, year) in self.years.iter().enumerate() {
            let mut reached = 0u64;
            let mut supported = 0u64;
            for (i, l) in self.lines.iter().enumerate() {
                let new = out.new_units[y * n + i];
                if l.counts_children {
                    reached += floor_u64(new * l.cpu);
                }
                supported += floor_u64(new * l.supported);
            }
            reached_total += reached;
            supported_total += supported;
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
                children_reached: reached,
                children_supported: supported,
            });
        }
        let years_n = ny as i64;
        let mut drowning_spend = Money::ZERO;
        let mut supported_spend = Money::ZERO;
        let lines: Vec<LineOutcome> = LINES
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
                let children_reached = if l.counts_children {
                    (0..ny)
                        .map(|y| floor_u64(out.new_units[y * n + i] * l.cpu))
                        .sum()
                } else {
                    0
                };
                let children_supported = (0..ny)
                    .map(|y| floor_u64(out.new_units[y * n + i] * l.supported))
                    .sum();
                let last = out.stock[(ny - 1) * n + i];
                if l.rrr > 0.0 {
                    drowning_spend = drowning_spend.saturating_add(spend_total);
                }
                if l.supported > 0.0 {
                    supported_spend = supported_spend.saturating_add(spend_total);
                }
                LineOutcome {
                    id: def.id,
                    annual,
                    spend_total,
                    reach,
                    reach_total,
                    children_reached,
                    children_supported,
                    stock_final: last,
                    cap: l.cap,
                    saturation: if l.cap > 0.0 {
                        (last / l.cap).min(1.0)
                    } else {
                        1.0
                    },
                    deaths_averted: (0..ny).map(|y| out.averted_line[y * n + i]).sum(),
                    cost_per_unit: divide(spend_total, reach_total as f64),
                    edited: self.edited[i],
                }
            })
            .collect();
        let last = &year_rows[ny - 1];
        let averted = out.deaths_averted();
        let spend_total = Money(annual.0.saturating_mul(years_n));
        let headline = Headline {
            deaths_averted: averted,
            deaths_baseline: out.deaths_base.iter().sum(),
            deaths: out.deaths.iter().sum(),
            rate_final: last.rate,
            rate_baseline_final: last.rate_baseline,
            swim_share_final: last.swim_share,
            child_friendly_share_final: last.child_friendly_share,
            children_reached: reached_total,
            children_supported: supported_total,
            spend_total,
            cost_per_death_averted: if averted > 1e-6 {
                Money::from_f64(drowning_spend.0 as f64 / averted)
            } else {
                None
            },
            cost_per_child_reached: divide(spend_total, reached_total as f64),
            cost_per_child_supported: divide(supported_spend, supported_total as f64),
        };
        let targets = data::TARGETS
            .iter()
            .map(|t| {
                let y = self.years.iter().position(|y| *y == t.year);
                let (value, base) = match y {
                    None => (f64::NAN, f64::NAN),
                    Some(y) => match t.kind {
                        TargetKind::DrowningReduction => (
                            1.0 - year_rows[y].rate / self.reference_rate,
                            1.0 - year_rows[y].rate_baseline / self.reference_rate,
                        ),
                        TargetKind::SwimShare => (year_rows[y].swim_share, self.swim_base),
                        TargetKind::ChildFriendlyShare => {
                            (year_rows[y].child_friendly_share, self.cf_base)
                        }
                    },
                };
                TargetOutcome {
                    id: t.id,
                    year: t.year,
                    threshold: t.value,
                    assessable: y.is_some(),
                    value,
                    baseline_value: base,
                    met: y.is_some() && value >= t.value - 1e-12,
                }
            })
            .collect();
        Projection {
            region: self.region.clone(),
            years: year_rows,
            lines,
            targets,
            headline,
            baseline: self.baseline,
        }
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
    /// Children newly reached this year.
    pub children_reached: u64,
    /// Children supported this year.
    pub children_supported: u64,
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
    /// Children reached over the plan (0 for lines whose units are not children).
    pub children_reached: u64,
    /// Children supported over the plan.
    pub children_supported: u64,
    /// Units still working in the last plan year.
    pub stock_final: f64,
    /// Most units the line can have working at once.
    pub cap: f64,
    /// `stock_final / cap` (1 = saturated).
    pub saturation: f64,
    /// Deaths averted over the plan attributed to this line.
    pub deaths_averted: f64,
    /// Spend over the plan per unit bought.
    pub cost_per_unit: Option<Money>,
    /// Whether its parameters were changed in the scenario.
    pub edited: bool,
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
    /// What the plan achieves in that year (reduction or share).
    pub value: f64,
    /// What the region would have without the plan.
    pub baseline_value: f64,
    /// `value ≥ threshold`.
    pub met: bool,
}

/// The headline figures over the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Headline {
    /// Child drowning deaths averted over the plan years.
    pub deaths_averted: f64,
    /// Expected deaths over the plan without it.
    pub deaths_baseline: f64,
    /// Expected deaths over the plan with it.
    pub deaths: f64,
    /// Deaths per 100.000 children in the last plan year.
    pub rate_final: f64,
    /// The same without the plan.
    pub rate_baseline_final: f64,
    /// Share of children 6–15 able to swim in the last plan year.
    pub swim_share_final: f64,
    /// Share of child-friendly communes in the last plan year.
    pub child_friendly_share_final: f64,
    /// Children reached over the plan (lines whose units are children).
    pub children_reached: u64,
    /// Children supported over the plan (direct support and counselling).
    pub children_supported: u64,
    /// Allocation over the plan.
    pub spend_total: Money,
    /// Spend on drowning-prevention lines per death averted.
    pub cost_per_death_averted: Option<Money>,
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
    /// Extra children supported over the plan.
    pub children_supported: f64,
    /// Extra deaths averted over the plan.
    pub deaths_averted: f64,
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
        self.run(&self.lines, &self.spend, &mut base, false);
        let base_averted = base.deaths_averted();
        let mut out = Outcome::for_model(self);
        let mut spend = self.spend.clone();
        let step_f = step.0.max(0) as f64;
        LINES
            .iter()
            .zip(&self.lines)
            .enumerate()
            .map(|(i, (def, l))| {
                spend[i] = self.spend[i] + step_f;
                self.run(&self.lines, &spend, &mut out, false);
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
                    children_supported: units * l.supported,
                    deaths_averted: out.deaths_averted() - base_averted,
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
        assert_eq!(
            p.headline.children_supported,
            17_800 + 14_000 + 66_000 + 460_002
        );
    }

    #[test]
    fn swimming_lessons_by_hand() {
        // Điện Biên, one year, 6 tỷ on swimming at 600.000 đ: 10.000 children taught.
        // Children 208.222; 5–15 = 70 % = 145.755,4; rate 7,26/100.000 with 59 % of deaths in
        // 5–15 over 70 % of children: 7,26e-5 × 0,59/0,70 = 6,1191e-5 per child in 2025,
        // × 0,975² in 2027 = 5,8171e-5. Baseline deaths 5–15: 145.755,4 × 5,8171e-5 = 8,4787.
        // Coverage 10.000 / 145.755,4 = 0,068608; × rrr 0,5 → deaths × (1 − 0,034304):
        // averted = 8,4787 × 0,034304 = 0,29085.
        let s = only("dien-bien", (2027, 2027), &[("swim", 6 * TY)]);
        let p = evaluate(&s).expect("valid");
        let l = p.line("swim").expect("line");
        assert_eq!(l.reach_total, 10_000);
        assert!(
            close(p.headline.deaths_averted, 0.29085, 1e-3),
            "{}",
            p.headline.deaths_averted
        );
        assert!(close(l.deaths_averted, p.headline.deaths_averted, 1e-9));
        // Swim share 0,192 + 10.000 / 145.755,4 = 0,260608.
        assert!(close(p.headline.swim_share_final, 0.260608, 1e-4));
        // Spend on drowning lines per death averted: 6e9 / 0,29085 ≈ 20,6 tỷ đ.
        let c = p.headline.cost_per_death_averted.expect("some").0 as f64;
        assert!(close(c, 6e9 / 0.29085, 1e-3));
    }

    #[test]
    fn durable_stock_ages_out() {
        // Two years: 6 tỷ in each year, durability 6 → stock(2) = 10.000 × 5/6 + 10.000.
        let s = only("dien-bien", (2027, 2028), &[("swim", 6 * TY)]);
        let m = Model::new(&s).expect("valid");
        let mut out = Outcome::for_model(&m);
        m.run(&m.lines, &m.spend, &mut out, false);
        assert!(close(
            out.stock[m.lines.len()],
            10_000.0 * 5.0 / 6.0 + 10_000.0,
            1e-12
        ));
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
        assert_eq!(p.headline.deaths_averted, 0.0);
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
        assert!(after.headline.deaths_averted > before.headline.deaths_averted);
        assert!(after.line("swim").expect("line").edited);
    }

    #[test]
    fn default_plan_is_reasonable() {
        let p = evaluate(&Scenario::default()).expect("valid");
        assert!(
            p.headline.deaths_averted > 50.0 && p.headline.deaths_averted < 2_000.0,
            "{}",
            p.headline.deaths_averted
        );
        assert!(p.headline.children_supported > 100_000);
        assert!(p.headline.rate_final < p.headline.rate_baseline_final);
        let sum: f64 = p.lines.iter().map(|l| l.deaths_averted).sum();
        assert!(close(sum, p.headline.deaths_averted, 1e-9));
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
        let d = evaluate(&s2).expect("valid").headline.deaths_averted
            - evaluate(&s).expect("valid").headline.deaths_averted;
        assert!(close(swim.deaths_averted, d, 1e-9));
        let gifts = m.iter().find(|x| x.id == "gifts").expect("gifts");
        assert!(gifts.deaths_averted == 0.0 && gifts.children_supported > 1_000.0);
    }
}
