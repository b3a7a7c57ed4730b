//! Comparing two scenarios: how much of the difference in a figure comes from their
//! **assumptions** and how much from their **allocation**.
//!
//! A scenario's *assumptions* are its parameter overrides (unit costs, effects, coverage
//! caps, durability, the region's baseline figures); its *allocation* is its budget by
//! source and year, its allocation by line and its constraints. Region and plan years are
//! the setting: two scenarios are split only when they share both.
//!
//! With A the reference and B the other, the mixed scenarios are
//! A-assumptions + B-allocation and B-assumptions + A-allocation ([`mix`]). The split
//! depends on the order in which the two changes are made (the effects interact: a cheaper
//! unit cost matters more when more money goes to that line):
//! - assumptions first: Δass = f(B-ass + A-alloc) − f(A), Δalloc = f(B) − f(B-ass + A-alloc);
//! - allocation first: Δalloc = f(A-ass + B-alloc) − f(A), Δass = f(B) − f(A-ass + B-alloc).
//!
//! [`Parts::average`] is the **symmetric average** of the two orders (the Shapley value of
//! the two changes), which always adds up to the whole difference; both orders are kept
//! beside it so the interaction is visible.

use crate::error::ScenarioError;
use crate::eval::Projection;
use crate::scenario::Scenario;

/// `assumptions_from`'s parameter overrides with `allocation_from`'s budget, allocation and
/// constraints; `None` when region or plan years differ.
pub fn mix(assumptions_from: &Scenario, allocation_from: &Scenario) -> Option<Scenario> {
    if assumptions_from.region != allocation_from.region
        || assumptions_from.start_year != allocation_from.start_year
        || assumptions_from.end_year != allocation_from.end_year
    {
        return None;
    }
    let mut s = allocation_from.clone();
    s.overrides = assumptions_from.overrides.clone();
    Some(s)
}

/// The four evaluated corners of a split between a reference A and another scenario B.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// A.
    pub a: Projection,
    /// B.
    pub b: Projection,
    /// B's assumptions with A's allocation ("only the assumptions changed").
    pub b_ass_a_alloc: Projection,
    /// A's assumptions with B's allocation ("only the allocation changed").
    pub a_ass_b_alloc: Projection,
}

/// Why two scenarios cannot be split.
#[derive(Debug, Clone, PartialEq)]
pub enum SplitError {
    /// Different region or plan years.
    DifferentSetting,
    /// A scenario or a mixed one is not valid.
    Invalid(ScenarioError),
}

/// Evaluates the four corners.
pub fn split(a: &Scenario, b: &Scenario) -> Result<Split, SplitError> {
    let ba = mix(b, a).ok_or(SplitError::DifferentSetting)?;
    let ab = mix(a, b).ok_or(SplitError::DifferentSetting)?;
    let eval = |s: &Scenario| crate::evaluate(s).map_err(SplitError::Invalid);
    Ok(Split {
        a: eval(a)?,
        b: eval(b)?,
        b_ass_a_alloc: eval(&ba)?,
        a_ass_b_alloc: eval(&ab)?,
    })
}

/// One figure's difference B − A, split.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// B − A.
    pub total: f64,
    /// Assumptions changed first: (from assumptions, from allocation).
    pub assumptions_first: (f64, f64),
    /// Allocation changed first: (from assumptions, from allocation).
    pub allocation_first: (f64, f64),
    /// Symmetric average: (from assumptions, from allocation); adds up to `total`.
    pub average: (f64, f64),
    /// How much the two orders disagree (|Δass first − Δass second|).
    pub interaction: f64,
}

impl Split {
    /// The split of the figure `f`.
    pub fn parts(&self, f: impl Fn(&Projection) -> f64) -> Parts {
        let (a, b, ba, ab) = (
            f(&self.a),
            f(&self.b),
            f(&self.b_ass_a_alloc),
            f(&self.a_ass_b_alloc),
        );
        let first = (ba - a, b - ba);
        let second = (b - ab, ab - a);
        let ass = (first.0 + second.0) / 2.0;
        Parts {
            total: b - a,
            assumptions_first: first,
            allocation_first: second,
            average: (ass, (b - a) - ass),
            interaction: (first.0 - second.0).abs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Tri;
    use crate::money::{Money, TY};
    use crate::scenario::LineOverride;

    fn with_overrides_and_allocation() -> (Scenario, Scenario) {
        let a = Scenario::default();
        let mut b = Scenario {
            name: "Nhiều lớp bơi hơn, đơn giá thấp hơn".into(),
            ..Scenario::default()
        };
        // Allocation: move 40 tỷ from gifts and play to swimming.
        b.allocation.insert("gifts".into(), Money(0));
        b.allocation.insert("play".into(), Money(0));
        b.allocation.insert("swim".into(), Money(140 * TY));
        // Assumption: swimming lessons cheaper.
        b.overrides.lines.insert(
            "swim".into(),
            LineOverride {
                unit_cost: Some(Tri {
                    low: Money(350_000),
                    mode: Money(450_000),
                    high: Money(600_000),
                }),
                ..Default::default()
            },
        );
        (a, b)
    }

    #[test]
    fn the_split_adds_up_and_shows_both_orders() {
        let (a, b) = with_overrides_and_allocation();
        let sp = split(&a, &b).expect("same setting");
        let p = sp.parts(|p| p.headline.deaths_averted);
        assert!(p.total > 0.0);
        let (ass, alloc) = p.average;
        assert!((ass + alloc - p.total).abs() < 1e-9, "the average adds up");
        let first = p.assumptions_first;
        let second = p.allocation_first;
        assert!((first.0 + first.1 - p.total).abs() < 1e-9);
        assert!((second.0 + second.1 - p.total).abs() < 1e-9);
        assert!(
            ass > 0.0 && alloc > 0.0,
            "both changes avert deaths: {ass} {alloc}"
        );
        // They interact (cheaper lessons matter more with more money), so the orders differ.
        assert!(p.interaction > 1e-6, "{p:?}");
        assert!((p.interaction - (first.0 - second.0).abs()).abs() < 1e-12);

        // Only the allocation differs: everything comes from allocation.
        let mut c = a.clone();
        c.allocation.insert("swim".into(), Money(100 * TY));
        let p = split(&a, &c)
            .expect("same setting")
            .parts(|p| p.headline.deaths_averted);
        assert!(p.average.0.abs() < 1e-9 && (p.average.1 - p.total).abs() < 1e-9);
        // Only the assumptions differ: everything comes from assumptions.
        let mut d = a.clone();
        d.overrides = b.overrides.clone();
        let p = split(&a, &d)
            .expect("same setting")
            .parts(|p| p.headline.deaths_averted);
        assert!(p.average.1.abs() < 1e-9 && (p.average.0 - p.total).abs() < 1e-9);
    }

    #[test]
    fn mixing_needs_the_same_region_and_years() {
        let a = Scenario::default();
        let b = Scenario::default_for("dien-bien");
        assert!(mix(&a, &b).is_none());
        assert!(matches!(split(&a, &b), Err(SplitError::DifferentSetting)));
        let (a, b) = with_overrides_and_allocation();
        let m = mix(&a, &b).expect("same setting");
        assert_eq!(m.allocation, b.allocation);
        assert_eq!(m.overrides, a.overrides);
    }

    #[test]
    fn an_invalid_scenario_is_an_error_not_a_split() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.allocation.insert("swim".into(), Money(-1));
        assert!(matches!(split(&a, &b), Err(SplitError::Invalid(_))));
    }
}
