//! Monte Carlo uncertainty: seeded draws of every line's unit cost and drowning effect
//! give p10/p50/p90 bands for the headline figures, per-year bands for the charts and the
//! chance that each national target is met.
//!
//! Determinism across platforms: the draws come from our own [`Rng`] and the triangular
//! inverse CDF uses only `+ − × ÷` and `sqrt`, which IEEE 754 rounds exactly, so native
//! and wasm32 builds give bit-identical results for the same seed (the rest of the model
//! uses `libm`, a pure-Rust implementation, never the platform's `exp`/`ln`/`pow`).
//!
//! Percentiles use the nearest-rank method on the draws sorted with `f64::total_cmp`:
//! the p-th percentile of n draws is the ⌈p·n/100⌉-th smallest (1-based). Every band value
//! is therefore one of the draws, never an interpolation.

use serde::Serialize;

use crate::data::{TARGETS, TargetKind};
use crate::error::ScenarioError;
use crate::eval::{LineParams, Model, Outcome, floor_u64};
use crate::money::Money;
use crate::rng::Rng;
use crate::scenario::Scenario;

/// The most draws one run makes; larger requests are clamped to this.
pub const MAX_DRAWS: u32 = 100_000;

/// The draws a normal run makes (the app's and the CLI's default).
pub const DEFAULT_DRAWS: u32 = 1_000;

/// A figure's 10th, 50th and 90th percentiles over the draws (nearest rank).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Band3<T = f64> {
    /// 10th percentile: 1 draw in 10 is at or below it.
    pub p10: T,
    /// Median.
    pub p50: T,
    /// 90th percentile: 9 draws in 10 are at or below it.
    pub p90: T,
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
    /// Whether the year lies within the plan; if not, `probability` is 0.
    pub assessable: bool,
    /// Share of draws in which it is met (0–1).
    pub probability: f64,
}

/// The uncertainty of a scenario's outcome over the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Uncertainty {
    /// The seed used.
    pub seed: u64,
    /// Draws made (after clamping to [`MAX_DRAWS`]). With 0 draws every band collapses on
    /// the most-likely run (what `evaluate` shows) and each probability is 0 or 1.
    pub draws: u32,
    /// Child drowning deaths averted over the plan years.
    pub deaths_averted: Band3,
    /// Expected child drowning deaths over the plan years with the plan.
    pub deaths: Band3,
    /// Deaths per 100.000 children in the last plan year.
    pub rate_final: Band3,
    /// Share of children 6–15 able to swim in the last plan year (0–1).
    pub swim_share_final: Band3,
    /// Share of child-friendly communes in the last plan year (0–1).
    pub child_friendly_share_final: Band3,
    /// Children reached over the plan.
    pub children_reached: Band3<u64>,
    /// Children supported over the plan.
    pub children_supported: Band3<u64>,
    /// Spend on drowning-prevention lines per death averted, đồng; `None` where a draw
    /// averts no death (an infinite cost).
    pub cost_per_death_averted: Band3<Option<Money>>,
    /// Per plan year, in order.
    pub years: Vec<YearBand>,
    /// Per national target, in [`crate::TARGETS`] order.
    pub targets: Vec<TargetChance>,
}

/// A draw from the triangular distribution (low, mode, high) by its inverse CDF at
/// `u` ∈ [0, 1). Uses only `+ − × ÷` and `sqrt`, so it is bit-identical on every platform.
/// A degenerate range (high ≤ low, or NaN) gives the mode; a mode outside the range is
/// clamped into it.
pub fn triangular(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    // Written so NaN bounds (any comparison false) also take the degenerate path.
    if width.is_nan() || width <= 0.0 || !u.is_finite() {
        return mode;
    }
    let c = mode.clamp(low, high);
    let u = u.clamp(0.0, 1.0);
    let split = (c - low) / width;
    if u < split {
        low + (u * width * (c - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - c)).sqrt()
    }
}

/// Validates a scenario and runs `draws` Monte Carlo draws with the scenario's seed.
///
/// ```
/// use model::{Scenario, simulate};
/// let u = simulate(&Scenario::default(), 200)?;
/// assert!(u.deaths_averted.p10 <= u.deaths_averted.p50);
/// assert!(u.deaths_averted.p50 <= u.deaths_averted.p90);
/// # Ok::<(), model::ScenarioError>(())
/// ```
pub fn simulate(s: &Scenario, draws: u32) -> Result<Uncertainty, ScenarioError> {
    Ok(Model::new(s)?.simulate(s.seed, draws))
}

/// The figures of one run that the bands are made of.
struct Samples {
    deaths_averted: Vec<f64>,
    deaths: Vec<f64>,
    rate_final: Vec<f64>,
    swim: Vec<f64>,
    cf: Vec<f64>,
    reached: Vec<u64>,
    supported: Vec<u64>,
    cost: Vec<f64>,
    /// `[year][draw]`.
    year_deaths: Vec<Vec<f64>>,
    /// Draws in which each target is met.
    met: Vec<u32>,
}

impl Samples {
    fn with_capacity(n: usize, years: usize) -> Samples {
        Samples {
            deaths_averted: Vec::with_capacity(n),
            deaths: Vec::with_capacity(n),
            rate_final: Vec::with_capacity(n),
            swim: Vec::with_capacity(n),
            cf: Vec::with_capacity(n),
            reached: Vec::with_capacity(n),
            supported: Vec::with_capacity(n),
            cost: Vec::with_capacity(n),
            year_deaths: (0..years).map(|_| Vec::with_capacity(n)).collect(),
            met: vec![0; TARGETS.len()],
        }
    }
}

impl Model {
    /// Runs `draws` Monte Carlo draws (clamped to [`MAX_DRAWS`]) from `seed`. Each draw
    /// takes every line's unit cost and relative risk reduction from its triangular
    /// (low, mode, high) range, independently, for the whole plan, in catalogue order:
    /// two uniform numbers per line per draw (cost, then effect).
    pub fn simulate(&self, seed: u64, draws: u32) -> Uncertainty {
        let draws = draws.min(MAX_DRAWS);
        let ny = self.years.len();
        let mut samples = Samples::with_capacity(draws.max(1) as usize, ny);
        let mut out = Outcome::for_model(self);
        if draws == 0 {
            self.run(&self.lines, &self.spend, &mut out, false);
            self.record(&self.lines, &out, &mut samples);
        } else {
            let mut rng = Rng::seed_from_u64(seed);
            let mut lines = self.lines.clone();
            for _ in 0..draws {
                for (l, base) in lines.iter_mut().zip(&self.lines) {
                    let (lo, mode, hi) = base.cost_tri;
                    l.cost = triangular(lo, mode, hi, rng.next_f64());
                    let (lo, mode, hi) = base.rrr_tri;
                    l.rrr = triangular(lo, mode, hi, rng.next_f64());
                }
                self.run(&lines, &self.spend, &mut out, false);
                self.record(&lines, &out, &mut samples);
            }
        }
        self.bands(seed, draws, samples)
    }

    /// Adds one run's figures to the samples, computed as [`Model::evaluate`] does.
    fn record(&self, lines: &[LineParams], out: &Outcome, s: &mut Samples) {
        let n = lines.len();
        let children = self.pop[0] + self.pop[1];
        let averted = out.deaths_averted();
        s.deaths_averted.push(averted);
        s.deaths.push(out.deaths.iter().sum());
        let last = out.deaths.len().saturating_sub(1);
        s.rate_final
            .push(out.deaths.get(last).copied().unwrap_or(0.0) / children * 1e5);
        s.swim
            .push(out.swim_share.get(last).copied().unwrap_or(0.0));
        s.cf.push(out.cf_share.get(last).copied().unwrap_or(0.0));
        let mut reached = 0u64;
        let mut supported = 0u64;
        for row in out.new_units.chunks_exact(n.max(1)) {
            for (new, l) in row.iter().zip(lines) {
                if l.counts_children {
                    reached += floor_u64(new * l.cpu);
                }
                supported += floor_u64(new * l.supported);
            }
        }
        s.reached.push(reached);
        s.supported.push(supported);
        // Spend on lines with a drowning effect in the most-likely run (as evaluate counts
        // it), so a draw of a zero effect does not change what counts as drowning spend.
        let years = self.years.len() as i64;
        let drowning_spend: Money = self
            .lines
            .iter()
            .zip(&self.spend)
            .filter(|(l, _)| l.rrr > 0.0)
            .map(|(_, s)| Money((*s as i64).saturating_mul(years)))
            .sum();
        s.cost.push(if averted > 1e-6 {
            drowning_spend.0 as f64 / averted
        } else {
            f64::INFINITY
        });
        for (y, v) in out.deaths.iter().enumerate() {
            if let Some(col) = s.year_deaths.get_mut(y) {
                col.push(*v);
            }
        }
        for (t, met) in TARGETS.iter().zip(s.met.iter_mut()) {
            let Some(y) = self.years.iter().position(|y| *y == t.year) else {
                continue;
            };
            let value = match t.kind {
                TargetKind::DrowningReduction => {
                    let rate = out.deaths.get(y).copied().unwrap_or(f64::NAN) / children * 1e5;
                    1.0 - rate / self.reference_rate
                }
                TargetKind::SwimShare => out.swim_share.get(y).copied().unwrap_or(f64::NAN),
                TargetKind::ChildFriendlyShare => out.cf_share.get(y).copied().unwrap_or(f64::NAN),
            };
            if value >= t.value - 1e-12 {
                *met += 1;
            }
        }
    }

    fn bands(&self, seed: u64, draws: u32, mut s: Samples) -> Uncertainty {
        let children = self.pop[0] + self.pop[1];
        let runs = s.deaths.len().max(1) as f64;
        let cost = band_f64(&mut s.cost);
        let money = |x: f64| {
            if x.is_finite() {
                Money::from_f64(x)
            } else {
                None
            }
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
                TargetChance {
                    id: t.id,
                    year: t.year,
                    assessable,
                    probability: if assessable {
                        f64::from(*met) / runs
                    } else {
                        0.0
                    },
                }
            })
            .collect();
        Uncertainty {
            seed,
            draws,
            deaths_averted: band_f64(&mut s.deaths_averted),
            deaths: band_f64(&mut s.deaths),
            rate_final: band_f64(&mut s.rate_final),
            swim_share_final: band_f64(&mut s.swim),
            child_friendly_share_final: band_f64(&mut s.cf),
            children_reached: band_u64(&mut s.reached),
            children_supported: band_u64(&mut s.supported),
            cost_per_death_averted: Band3 {
                p10: money(cost.p10),
                p50: money(cost.p50),
                p90: money(cost.p90),
            },
            years,
            targets,
        }
    }
}

/// The nearest-rank percentile `pct` (1–100) of sorted values: the ⌈pct·n/100⌉-th
/// smallest. Empty input gives the default.
fn nearest_rank<T: Copy + Default>(sorted: &[T], pct: usize) -> T {
    let n = sorted.len();
    let rank = (pct.min(100) * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied().unwrap_or_default()
}

fn band_f64(v: &mut [f64]) -> Band3 {
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
    fn triangular_inverse_cdf_by_hand() {
        // (0, 1, 2): F(1) = 0,5; u = 0,125 → √(0,125 · 2 · 1) = 0,5; u = 0,875 → 2 − 0,5.
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.125), 0.5);
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.5), 1.0);
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.875), 1.5);
        assert_eq!(triangular(0.0, 1.0, 2.0, 0.0), 0.0);
        // Mode at the low end: u = 0,75 → 4 − √(0,25 · 4 · 4) = 2.
        assert_eq!(triangular(0.0, 0.0, 4.0, 0.75), 2.0);
        // Degenerate and hostile inputs never panic and stay in range.
        assert_eq!(triangular(3.0, 3.0, 3.0, 0.3), 3.0);
        assert_eq!(triangular(1.0, 2.0, f64::NAN, 0.3), 2.0);
        assert_eq!(triangular(0.0, 1.0, 2.0, f64::NAN), 1.0);
        let x = triangular(0.0, 9.0, 2.0, 0.99);
        assert!((0.0..=2.0).contains(&x));
    }

    #[test]
    fn triangular_draws_have_the_right_mean() {
        // Mean of a triangular distribution = (low + mode + high) / 3.
        let mut r = Rng::seed_from_u64(7);
        let n = 200_000;
        let sum: f64 = (0..n)
            .map(|_| triangular(0.16, 0.5, 0.93, r.next_f64()))
            .sum();
        let mean = sum / f64::from(n);
        assert!((mean - (0.16 + 0.5 + 0.93) / 3.0).abs() < 0.002, "{mean}");
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
    fn the_most_likely_run_lies_within_the_band() {
        let s = Scenario::default();
        let p = evaluate(&s).expect("valid");
        let u = simulate(&s, 1_000).expect("valid");
        assert_eq!(u.draws, 1_000);
        let within = |b: Band3, x: f64| b.p10 <= x && x <= b.p90;
        let h = &p.headline;
        assert!(within(u.deaths_averted, h.deaths_averted), "{u:?}");
        assert!(within(u.deaths, h.deaths));
        assert!(within(u.rate_final, h.rate_final));
        assert!(within(u.swim_share_final, h.swim_share_final));
        assert!(within(
            u.child_friendly_share_final,
            h.child_friendly_share_final
        ));
        let r = u.children_reached;
        assert!(r.p10 <= h.children_reached && h.children_reached <= r.p90);
        let c = u.children_supported;
        assert!(c.p10 <= h.children_supported && h.children_supported <= c.p90);
        let cost = h.cost_per_death_averted.expect("deaths averted");
        let band = u.cost_per_death_averted;
        assert!(band.p10.expect("finite") <= cost && cost <= band.p90.expect("finite"));
        for (yb, yo) in u.years.iter().zip(&p.years) {
            assert_eq!(yb.year, yo.year);
            assert!(within(yb.deaths, yo.deaths));
            assert!(within(yb.rate, yo.rate));
        }
        // Bands are ordered.
        for b in [u.deaths_averted, u.deaths, u.rate_final, u.swim_share_final] {
            assert!(b.p10 <= b.p50 && b.p50 <= b.p90);
        }
    }

    #[test]
    fn zero_draws_collapse_on_the_most_likely_run() {
        let s = Scenario::default();
        let p = evaluate(&s).expect("valid");
        let u = simulate(&s, 0).expect("valid");
        assert_eq!(u.draws, 0);
        assert_eq!(u.deaths_averted.p10, p.headline.deaths_averted);
        assert_eq!(u.deaths_averted.p90, p.headline.deaths_averted);
        assert_eq!(u.children_reached.p50, p.headline.children_reached);
        assert_eq!(u.children_supported.p50, p.headline.children_supported);
        assert_eq!(
            u.cost_per_death_averted.p50,
            p.headline.cost_per_death_averted
        );
        for (c, t) in u.targets.iter().zip(&p.targets) {
            assert_eq!(c.probability, if t.met { 1.0 } else { 0.0 }, "{}", t.id);
        }
    }

    #[test]
    fn draws_are_clamped_and_the_seed_matters() {
        let s = Scenario::default();
        let m = Model::new(&s).expect("valid");
        assert_eq!(m.simulate(1, 10).draws, 10);
        let a = m.simulate(1, 50);
        assert_eq!(a, m.simulate(1, 50));
        assert_ne!(a, m.simulate(2, 50));
    }

    #[test]
    fn target_chances_are_probabilities() {
        let u = simulate(&Scenario::default(), 500).expect("valid");
        assert_eq!(u.targets.len(), TARGETS.len());
        for t in &u.targets {
            assert!((0.0..=1.0).contains(&t.probability));
            if !t.assessable {
                assert_eq!(t.probability, 0.0);
            }
        }
    }
}
