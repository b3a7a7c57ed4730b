//! Monte Carlo uncertainty: seeded draws of every uncertain input — each line's unit cost
//! and drowning effect, the region's base drowning rate and its no-plan trend — give
//! p10/p50/p90 bands for the headline figures, per-year bands for the charts, per-line
//! bands, and the chance that each national target is met with and without the plan.
//!
//! **Distribution.** Each input is known as (low, central, high). A draw comes from the
//! two-piece triangular distribution [`two_piece`]: half of the draws fall below the
//! central value, half above, each half a triangle peaking at the central value. So the
//! central value is both the most likely and the **median** draw, and the headline figures
//! ([`crate::evaluate`], which uses the central values) are the model at every input's
//! median — they lie inside their own p10–p90 bands (a property test checks it).
//!
//! **Streams keyed by name.** Every input has its own random stream, seeded from the
//! scenario's seed and the input's name (`line.<id>.cost`, `line.<id>.effect`,
//! `region.drowning_rate`, `region.trend`; [`Rng::keyed`]), so adding a line or changing
//! the order of the catalogue leaves every other input's draws — and bands — unchanged.
//!
//! **Determinism across platforms.** Our own [`Rng`]; the inverse CDF uses only
//! `+ − × ÷` and `sqrt`, which IEEE 754 rounds exactly; the rest of the model uses `libm`.
//! Native and wasm32 builds give bit-identical results for the same seed.
//!
//! Percentiles use the nearest-rank method on the draws sorted with `f64::total_cmp`:
//! the p-th percentile of n draws is the ⌈p·n/100⌉-th smallest (1-based). Every band value
//! is therefore one of the draws, never an interpolation.

use serde::Serialize;

use crate::data::{self, TARGETS};
use crate::error::ScenarioError;
use crate::eval::{ByHorizon, Env, Horizon, LineParams, Model, Outcome};
use crate::money::Money;
use crate::rng::Rng;
use crate::scenario::Scenario;

/// The most draws one run makes; larger requests are clamped to this.
pub const MAX_DRAWS: u32 = 100_000;

/// The draws a normal run makes (the app's and the CLI's default).
pub const DEFAULT_DRAWS: u32 = 1_000;

/// A figure's 10th, 50th and 90th percentiles over the draws (nearest rank).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Band3<T = f64> {
    /// 10th percentile: 1 draw in 10 is at or below it.
    pub p10: T,
    /// Median.
    pub p50: T,
    /// 90th percentile: 9 draws in 10 are at or below it.
    pub p90: T,
}

impl Band3<f64> {
    /// Whether `x` lies within p10–p90.
    pub fn contains(&self, x: f64) -> bool {
        self.p10 <= x && x <= self.p90
    }
}

/// One plan year's band, for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct YearBand {
    /// The year.
    pub year: i32,
    /// Expected child drowning deaths with the plan.
    pub deaths: Band3,
    /// The same per 100.000 children.
    pub rate: Band3,
}

/// How likely a national target is met.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TargetChance {
    /// Target id ([`crate::TARGETS`]).
    pub id: &'static str,
    /// The year it must be met by.
    pub year: i32,
    /// Whether the year lies within the plan; if not, both probabilities are 0.
    pub assessable: bool,
    /// Share of draws in which it is met with the plan (0–1).
    pub probability: f64,
    /// Share of draws in which it is met without the plan (the trend alone).
    pub probability_without_plan: f64,
}

/// One line's bands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LineBand {
    /// Line id.
    pub id: &'static str,
    /// Units bought over the plan (children taught, households, calls…).
    pub units: Band3<u64>,
    /// Children the line supports over the plan (people).
    pub children_supported: Band3<u64>,
    /// Deaths averted attributed to the line (only when asked for: it costs a split of
    /// every draw).
    pub deaths_averted: Option<ByHorizon<Band3>>,
}

/// The uncertainty of a scenario's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Uncertainty {
    /// The seed used.
    pub seed: u64,
    /// Draws made (after clamping to [`MAX_DRAWS`]). With 0 draws every band collapses on
    /// the central run (what `evaluate` shows) and each probability is 0 or 1.
    pub draws: u32,
    /// Child drowning deaths averted, over both horizons.
    pub deaths_averted: ByHorizon<Band3>,
    /// DALYs averted, over both horizons.
    pub dalys_averted: ByHorizon<Band3>,
    /// Expected child drowning deaths over the plan years with the plan.
    pub deaths: Band3,
    /// Deaths per 100.000 children in the last plan year.
    pub rate_final: Band3,
    /// Share of children 6–15 able to swim in the last plan year (0–1).
    pub swim_share_final: Band3,
    /// Share of child-friendly communes in the last plan year (0–1).
    pub child_friendly_share_final: Band3,
    /// Children reached over the plan (people).
    pub children_reached: Band3<u64>,
    /// Children supported over the plan (people).
    pub children_supported: Band3<u64>,
    /// Contacts over the plan (lượt).
    pub contacts: Band3<u64>,
    /// Spend on drowning-prevention lines per death averted, đồng; `None` where a draw
    /// averts no death (an infinite cost).
    pub cost_per_death_averted: ByHorizon<Band3<Option<Money>>>,
    /// The same per DALY averted (both discounted).
    pub cost_per_daly: ByHorizon<Band3<Option<Money>>>,
    /// Per plan year, in order.
    pub years: Vec<YearBand>,
    /// Per national target, in [`crate::TARGETS`] order.
    pub targets: Vec<TargetChance>,
    /// Per line, catalogue order.
    pub lines: Vec<LineBand>,
}

impl Uncertainty {
    /// A target's chance by id.
    pub fn target(&self, id: &str) -> Option<&TargetChance> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// A line's bands by id.
    pub fn line(&self, id: &str) -> Option<&LineBand> {
        self.lines.iter().find(|l| l.id == id)
    }
}

/// A draw from the two-piece triangular distribution with central value `mid` on
/// [`low`, `high`] by its inverse CDF at `u` ∈ [0, 1): below ½ the left triangle
/// `low + (mid − low)·√(2u)`, from ½ the right one `high − (high − mid)·√(2(1 − u))`.
/// Half of the draws lie on each side of `mid`, which is the median and the mode. Uses
/// only `+ − × ÷` and `sqrt`, so it is bit-identical on every platform. A degenerate or
/// NaN range gives `mid`; a `mid` outside the range is clamped into it.
pub fn two_piece(low: f64, mid: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    // Written so NaN bounds (any comparison false) also take the degenerate path.
    if width.is_nan() || width <= 0.0 || !u.is_finite() || mid.is_nan() {
        return mid;
    }
    let c = mid.clamp(low, high);
    let u = u.clamp(0.0, 1.0);
    if u < 0.5 {
        low + (c - low) * (2.0 * u).sqrt()
    } else {
        high - (high - c) * (2.0 * (1.0 - u)).sqrt()
    }
}

/// Validates a scenario and runs `draws` Monte Carlo draws with the scenario's seed.
///
/// ```
/// use model::{Scenario, simulate};
/// let u = simulate(&Scenario::default(), 200)?;
/// let d = u.deaths_averted.lifetime;
/// assert!(d.p10 <= d.p50 && d.p50 <= d.p90);
/// # Ok::<(), model::ScenarioError>(())
/// ```
pub fn simulate(s: &Scenario, draws: u32) -> Result<Uncertainty, ScenarioError> {
    Ok(Model::new(s)?.simulate(s.seed, draws, false))
}

/// Like [`simulate`], with each line's deaths averted split out in every draw (for the
/// optimiser's proposals: slower).
pub fn simulate_lines(s: &Scenario, draws: u32) -> Result<Uncertainty, ScenarioError> {
    Ok(Model::new(s)?.simulate(s.seed, draws, true))
}

/// The keyed random streams of one scenario's uncertain inputs.
pub(crate) struct Sampler {
    cost: Vec<Rng>,
    effect: Vec<Rng>,
    rate: Rng,
    trend: Rng,
}

impl Sampler {
    pub(crate) fn new(seed: u64) -> Sampler {
        let ids = data::lines().iter().map(|l| l.id);
        let (cost, effect) = ids
            .map(|id| {
                (
                    Rng::keyed(seed, &format!("line.{id}.cost")),
                    Rng::keyed(seed, &format!("line.{id}.effect")),
                )
            })
            .unzip();
        Sampler {
            cost,
            effect,
            rate: Rng::keyed(seed, "region.drowning_rate"),
            trend: Rng::keyed(seed, "region.trend"),
        }
    }

    /// Draws the next set of inputs into `env` and `lines` (which start as copies of the
    /// model's). Every stream advances by one number per draw, used or not.
    pub(crate) fn next(&mut self, m: &Model, env: &mut Env, lines: &mut [LineParams]) {
        for (i, (l, base)) in lines.iter_mut().zip(&m.lines).enumerate() {
            let (lo, mid, hi) = base.cost_tri;
            let u = self.cost.get_mut(i).map_or(0.5, Rng::next_f64);
            l.cost = two_piece(lo, mid, hi, u);
            let (lo, mid, hi) = base.rrr_tri;
            let u = self.effect.get_mut(i).map_or(0.5, Rng::next_f64);
            l.rrr = two_piece(lo, mid, hi, u);
        }
        let (lo, mid, hi) = m.rate_tri;
        let rate = two_piece(lo, mid, hi, self.rate.next_f64());
        env.band_rate = [rate * m.band_factor[0], rate * m.band_factor[1]];
        let (lo, mid, hi) = m.trend_tri;
        env.trend = two_piece(lo, mid, hi, self.trend.next_f64());
    }
}

/// The figures of one run that the bands are made of.
struct Samples {
    averted: [Vec<f64>; 2],
    dalys: [Vec<f64>; 2],
    deaths: Vec<f64>,
    rate_final: Vec<f64>,
    swim: Vec<f64>,
    cf: Vec<f64>,
    reached: Vec<u64>,
    supported: Vec<u64>,
    contacts: Vec<u64>,
    cost: [Vec<f64>; 2],
    cost_daly: [Vec<f64>; 2],
    /// `[year][draw]`.
    year_deaths: Vec<Vec<f64>>,
    /// Draws in which each target is met, with and without the plan.
    met: Vec<(u32, u32)>,
    /// `[line][draw]`.
    line_units: Vec<Vec<u64>>,
    line_supported: Vec<Vec<u64>>,
    line_averted: Option<Vec<[Vec<f64>; 2]>>,
}

impl Samples {
    fn with_capacity(n: usize, years: usize, lines: usize, per_line: bool) -> Samples {
        let v = || Vec::with_capacity(n);
        let w = || Vec::with_capacity(n);
        Samples {
            averted: [v(), v()],
            dalys: [v(), v()],
            deaths: v(),
            rate_final: v(),
            swim: v(),
            cf: v(),
            reached: w(),
            supported: w(),
            contacts: w(),
            cost: [v(), v()],
            cost_daly: [v(), v()],
            year_deaths: (0..years).map(|_| v()).collect(),
            met: vec![(0, 0); TARGETS.len()],
            line_units: (0..lines).map(|_| w()).collect(),
            line_supported: (0..lines).map(|_| w()).collect(),
            line_averted: per_line.then(|| (0..lines).map(|_| [v(), v()]).collect()),
        }
    }
}

const HORIZONS: [Horizon; 2] = [Horizon::Plan, Horizon::Lifetime];

impl Model {
    /// Runs `draws` Monte Carlo draws (clamped to [`MAX_DRAWS`]) from `seed`. With
    /// `per_line`, each draw's deaths averted are also split between lines.
    pub fn simulate(&self, seed: u64, draws: u32, per_line: bool) -> Uncertainty {
        let draws = draws.min(MAX_DRAWS);
        let ny = self.years.len();
        let nl = self.lines.len();
        let mut samples = Samples::with_capacity(draws.max(1) as usize, ny, nl, per_line);
        let mut out = Outcome::for_model(self);
        if draws == 0 {
            self.run(&self.env, &self.lines, &self.spend, &mut out, per_line);
            self.record(&self.env, &self.lines, &out, &mut samples);
        } else {
            let mut sampler = Sampler::new(seed);
            let mut lines = self.lines.clone();
            let mut env = self.env;
            for _ in 0..draws {
                sampler.next(self, &mut env, &mut lines);
                self.run(&env, &lines, &self.spend, &mut out, per_line);
                self.record(&env, &lines, &out, &mut samples);
            }
        }
        self.bands(seed, draws, samples)
    }

    /// Adds one run's figures to the samples, computed as [`Model::evaluate`] does.
    fn record(&self, _env: &Env, lines: &[LineParams], out: &Outcome, s: &mut Samples) {
        let n = lines.len();
        let ny = self.years.len();
        let children = self.pop[0] + self.pop[1];
        // What counts as drowning spend never depends on a draw (a drawn effect of 0 does
        // not make a line's money free).
        let spend = self.drowning_spend(&self.lines, &self.spend).as_f64();
        let spend_pv = self.drowning_spend_pv(&self.lines, &self.spend);
        for (k, h) in HORIZONS.iter().enumerate() {
            let averted = out.deaths_averted(*h);
            let dalys = out.dalys_averted(*h, self);
            s.averted[k].push(averted);
            s.dalys[k].push(dalys);
            s.cost[k].push(ratio(spend, averted));
            s.cost_daly[k].push(ratio(spend_pv, dalys));
        }
        s.deaths.push(out.deaths[..ny].iter().sum());
        let last = ny.saturating_sub(1);
        s.rate_final
            .push(out.deaths.get(last).copied().unwrap_or(0.0) / children * 1e5);
        s.swim
            .push(out.swim_share.get(last).copied().unwrap_or(0.0));
        s.cf.push(out.cf_share.get(last).copied().unwrap_or(0.0));
        let (reached, supported) = self.people(lines, out);
        s.reached.push(crate::eval::floor_u64(reached));
        s.supported.push(crate::eval::floor_u64(supported));
        s.contacts.push(self.contacts(lines, out).0);
        for (y, col) in s.year_deaths.iter_mut().enumerate() {
            col.push(out.deaths.get(y).copied().unwrap_or(0.0));
        }
        for (t, met) in TARGETS.iter().zip(s.met.iter_mut()) {
            let Some(y) = self.years.iter().position(|y| *y == t.year) else {
                continue;
            };
            if self.target_value(t.kind, out, y) >= t.value - 1e-12 {
                met.0 += 1;
            }
            if self.target_baseline(t.kind, out, y) >= t.value - 1e-12 {
                met.1 += 1;
            }
        }
        for (i, l) in lines.iter().enumerate() {
            let units: Vec<f64> = (0..ny).map(|y| out.new_units[y * n + i]).collect();
            let total: f64 = units.iter().sum();
            let distinct = if l.yearly {
                units.iter().copied().fold(0.0, f64::max)
            } else {
                total
            };
            if let Some(col) = s.line_units.get_mut(i) {
                col.push(crate::eval::floor_u64(total));
            }
            if let Some(col) = s.line_supported.get_mut(i) {
                col.push(crate::eval::floor_u64(
                    (distinct * l.supported).min(l.support_pool),
                ));
            }
            if let Some(per) = s.line_averted.as_mut().and_then(|v| v.get_mut(i)) {
                for (k, h) in HORIZONS.iter().enumerate() {
                    let span = out.span(*h);
                    per[k].push((0..span).map(|y| out.averted_line[y * n + i]).sum());
                }
            }
        }
    }

    fn bands(&self, seed: u64, draws: u32, mut s: Samples) -> Uncertainty {
        let children = self.pop[0] + self.pop[1];
        let runs = s.deaths.len().max(1) as f64;
        let money_band = |v: &mut Vec<f64>| {
            let b = band_f64(v);
            let money = |x: f64| {
                if x.is_finite() {
                    Money::from_f64(x)
                } else {
                    None
                }
            };
            Band3 {
                p10: money(b.p10),
                p50: money(b.p50),
                p90: money(b.p90),
            }
        };
        let [c_plan, c_life] = &mut s.cost;
        let cost_per_death_averted = ByHorizon {
            plan: money_band(c_plan),
            lifetime: money_band(c_life),
        };
        let [d_plan, d_life] = &mut s.cost_daly;
        let cost_per_daly = ByHorizon {
            plan: money_band(d_plan),
            lifetime: money_band(d_life),
        };
        let years = self
            .years
            .iter()
            .zip(s.year_deaths.iter_mut())
            .map(|(year, col)| {
                let deaths = band_f64(col);
                YearBand {
                    year: *year,
                    deaths,
                    // Deaths → rate is increasing, so its percentiles are the same draws'.
                    rate: Band3 {
                        p10: deaths.p10 / children * 1e5,
                        p50: deaths.p50 / children * 1e5,
                        p90: deaths.p90 / children * 1e5,
                    },
                }
            })
            .collect();
        let targets = TARGETS
            .iter()
            .zip(&s.met)
            .map(|(t, met)| {
                let assessable = self.years.contains(&t.year);
                let p = |n: u32| {
                    if assessable { f64::from(n) / runs } else { 0.0 }
                };
                TargetChance {
                    id: t.id,
                    year: t.year,
                    assessable,
                    probability: p(met.0),
                    probability_without_plan: p(met.1),
                }
            })
            .collect();
        let mut line_averted = s.line_averted.take();
        let lines = data::lines()
            .iter()
            .enumerate()
            .map(|(i, l)| LineBand {
                id: l.id,
                units: band_u64(s.line_units.get_mut(i).map_or(&mut [][..], |v| &mut v[..])),
                children_supported: band_u64(
                    s.line_supported
                        .get_mut(i)
                        .map_or(&mut [][..], |v| &mut v[..]),
                ),
                deaths_averted: line_averted.as_mut().and_then(|v| v.get_mut(i)).map(
                    |[plan, life]| ByHorizon {
                        plan: band_f64(plan),
                        lifetime: band_f64(life),
                    },
                ),
            })
            .collect();
        let [a_plan, a_life] = &mut s.averted;
        let [y_plan, y_life] = &mut s.dalys;
        Uncertainty {
            seed,
            draws,
            deaths_averted: ByHorizon {
                plan: band_f64(a_plan),
                lifetime: band_f64(a_life),
            },
            dalys_averted: ByHorizon {
                plan: band_f64(y_plan),
                lifetime: band_f64(y_life),
            },
            deaths: band_f64(&mut s.deaths),
            rate_final: band_f64(&mut s.rate_final),
            swim_share_final: band_f64(&mut s.swim),
            child_friendly_share_final: band_f64(&mut s.cf),
            children_reached: band_u64(&mut s.reached),
            children_supported: band_u64(&mut s.supported),
            contacts: band_u64(&mut s.contacts),
            cost_per_death_averted,
            cost_per_daly,
            years,
            targets,
            lines,
        }
    }
}

/// `num / den`, infinite when `den` is (almost) nothing.
fn ratio(num: f64, den: f64) -> f64 {
    if den > 1e-6 { num / den } else { f64::INFINITY }
}

/// The nearest-rank percentile `pct` (1–100) of sorted values: the ⌈pct·n/100⌉-th
/// smallest. Empty input gives the default.
fn nearest_rank<T: Copy + Default>(sorted: &[T], pct: usize) -> T {
    let n = sorted.len();
    let rank = (pct.min(100) * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied().unwrap_or_default()
}

pub(crate) fn band_f64(v: &mut [f64]) -> Band3 {
    v.sort_unstable_by(f64::total_cmp);
    Band3 {
        p10: nearest_rank(v, 10),
        p50: nearest_rank(v, 50),
        p90: nearest_rank(v, 90),
    }
}

fn band_u64(v: &mut [u64]) -> Band3<u64> {
    v.sort_unstable();
    Band3 {
        p10: nearest_rank(v, 10),
        p50: nearest_rank(v, 50),
        p90: nearest_rank(v, 90),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::evaluate;

    #[test]
    fn two_piece_inverse_cdf_by_hand() {
        // (0, 1, 3): below ½ the left triangle 0 + 1·√(2u); from ½ the right 3 − 2·√(2(1−u)).
        assert_eq!(two_piece(0.0, 1.0, 3.0, 0.125), 0.5);
        assert_eq!(two_piece(0.0, 1.0, 3.0, 0.5), 1.0);
        assert_eq!(two_piece(0.0, 1.0, 3.0, 0.875), 2.0);
        assert_eq!(two_piece(0.0, 1.0, 3.0, 0.0), 0.0);
        // The central value is the median whatever the skew.
        assert_eq!(two_piece(192_000.0, 384_000.0, 1_440_000.0, 0.5), 384_000.0);
        // Degenerate and hostile inputs never panic and stay in range.
        assert_eq!(two_piece(3.0, 3.0, 3.0, 0.3), 3.0);
        assert_eq!(two_piece(1.0, 2.0, f64::NAN, 0.3), 2.0);
        assert_eq!(two_piece(0.0, 1.0, 2.0, f64::NAN), 1.0);
        let x = two_piece(0.0, 9.0, 2.0, 0.99);
        assert!((0.0..=2.0).contains(&x));
    }

    #[test]
    fn two_piece_draws_split_evenly_around_the_central_value() {
        // Half below, half above; mean of each half at a third of the way from the centre.
        let mut r = Rng::seed_from_u64(7);
        let n = 200_000;
        let draws: Vec<f64> = (0..n)
            .map(|_| two_piece(0.5, 0.7, 0.93, r.next_f64()))
            .collect();
        let below = draws.iter().filter(|x| **x < 0.7).count() as f64 / f64::from(n);
        assert!((below - 0.5).abs() < 0.005, "{below}");
        let mean: f64 = draws.iter().sum::<f64>() / f64::from(n);
        let expect = 0.5 * (0.7 - (0.7 - 0.5) / 3.0) + 0.5 * (0.7 + (0.93 - 0.7) / 3.0);
        assert!((mean - expect).abs() < 0.002, "{mean} vs {expect}");
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<u64> = (1..=10).collect();
        assert_eq!(nearest_rank(&v, 10), 1);
        assert_eq!(nearest_rank(&v, 50), 5);
        assert_eq!(nearest_rank(&v, 90), 9);
        assert_eq!(nearest_rank(&v, 100), 10);
        assert_eq!(nearest_rank(&[7u64], 10), 7);
        assert_eq!(nearest_rank::<u64>(&[], 50), 0);
    }

    #[test]
    fn the_central_run_lies_within_the_band() {
        let s = Scenario::default();
        let p = evaluate(&s).expect("valid");
        let u = simulate(&s, 1_000).expect("valid");
        assert_eq!(u.draws, 1_000);
        let h = &p.headline;
        for hz in Horizon::ALL {
            assert!(
                u.deaths_averted.get(hz).contains(h.deaths_averted.get(hz)),
                "{hz:?}"
            );
            assert!(u.dalys_averted.get(hz).contains(h.dalys_averted.get(hz)));
            let cost = h.cost_per_death_averted.get(hz).expect("deaths averted");
            let band = u.cost_per_death_averted.get(hz);
            assert!(band.p10.expect("finite") <= cost && cost <= band.p90.expect("finite"));
        }
        assert!(u.deaths.contains(h.deaths));
        assert!(u.rate_final.contains(h.rate_final));
        assert!(u.swim_share_final.contains(h.swim_share_final));
        assert!(
            u.child_friendly_share_final
                .contains(h.child_friendly_share_final)
        );
        let r = u.children_reached;
        assert!(r.p10 <= h.children_reached && h.children_reached <= r.p90);
        let c = u.children_supported;
        assert!(c.p10 <= h.children_supported && h.children_supported <= c.p90);
        for (yb, yo) in u.years.iter().zip(&p.years) {
            assert_eq!(yb.year, yo.year);
            assert!(yb.deaths.contains(yo.deaths));
            assert!(yb.rate.contains(yo.rate));
        }
        for b in [
            u.deaths_averted.lifetime,
            u.deaths,
            u.rate_final,
            u.swim_share_final,
        ] {
            assert!(b.p10 <= b.p50 && b.p50 <= b.p90);
        }
    }

    #[test]
    fn zero_draws_collapse_on_the_central_run() {
        let s = Scenario::default();
        let p = evaluate(&s).expect("valid");
        let u = simulate(&s, 0).expect("valid");
        assert_eq!(u.draws, 0);
        assert_eq!(
            u.deaths_averted.lifetime.p10,
            p.headline.deaths_averted.lifetime
        );
        assert_eq!(u.deaths_averted.plan.p90, p.headline.deaths_averted.plan);
        assert_eq!(u.children_reached.p50, p.headline.children_reached);
        assert_eq!(u.children_supported.p50, p.headline.children_supported);
        assert_eq!(
            u.cost_per_death_averted.lifetime.p50,
            p.headline.cost_per_death_averted.lifetime
        );
        for (c, t) in u.targets.iter().zip(&p.targets) {
            assert_eq!(c.probability, if t.met { 1.0 } else { 0.0 }, "{}", t.id);
            let without = if t.met_without_plan { 1.0 } else { 0.0 };
            assert_eq!(c.probability_without_plan, without, "{}", t.id);
        }
    }

    #[test]
    fn draws_are_clamped_and_the_seed_matters() {
        let s = Scenario::default();
        let m = Model::new(&s).expect("valid");
        assert_eq!(m.simulate(1, 10, false).draws, 10);
        let a = m.simulate(1, 50, false);
        assert_eq!(a, m.simulate(1, 50, false));
        assert_ne!(a, m.simulate(2, 50, false));
    }

    #[test]
    fn target_chances_are_probabilities_and_the_trend_moves_them() {
        let s = Scenario::default();
        let u = simulate(&s, 500).expect("valid");
        assert_eq!(u.targets.len(), TARGETS.len());
        for t in &u.targets {
            assert!((0.0..=1.0).contains(&t.probability));
            assert!(
                t.probability + 1e-12 >= t.probability_without_plan,
                "{}",
                t.id
            );
            if !t.assessable {
                assert_eq!(t.probability, 0.0);
            }
        }
        // The 2030 drowning target is uncertain because the trend is: a steeper trend
        // range makes it likelier, a flatter one less likely.
        let chance = |trend: (f64, f64, f64)| {
            let mut t = s.clone();
            t.overrides.region.trend = Some(crate::Tri {
                low: trend.0,
                mode: trend.1,
                high: trend.2,
            });
            let u = simulate(&t, 500).expect("valid");
            u.target("drowning-2030").expect("target").probability
        };
        let base = u.target("drowning-2030").expect("target").probability;
        assert!(0.0 < base && base < 1.0, "{base}");
        let steep = chance((-0.06, -0.04, -0.02));
        let flat = chance((-0.02, -0.01, 0.0));
        assert!(steep > base && base > flat, "{steep} {base} {flat}");
    }

    #[test]
    fn streams_are_keyed_by_name_not_by_order() {
        // A line's draws depend on its id and the seed only.
        let a = Rng::keyed(2027, "line.swim.cost").next_f64();
        let b = Rng::keyed(2027, "line.swim.cost").next_f64();
        let c = Rng::keyed(2027, "line.barrier.cost").next_f64();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let u = simulate(&Scenario::default(), 200).expect("valid");
        let swim = u.line("swim").expect("swim");
        assert!(swim.units.p10 < swim.units.p90);
        assert!(swim.deaths_averted.is_none());
        let per = simulate_lines(&Scenario::default(), 200).expect("valid");
        let d = per
            .line("swim")
            .and_then(|l| l.deaths_averted)
            .expect("split");
        assert!(d.lifetime.p10 > 0.0 && d.lifetime.p10 <= d.lifetime.p90);
        // Asking for the split changes no other band.
        assert_eq!(per.deaths_averted, u.deaths_averted);
        assert_eq!(per.line("swim").map(|l| l.units), Some(swim.units));
    }
}
