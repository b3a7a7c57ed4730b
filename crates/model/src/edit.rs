//! Every change a person makes to a scenario, as a value ([`Edit`]) and its pure
//! application: each edit takes the old scenario and gives the new one (not yet validated:
//! whoever installs it validates once, through [`crate::Model::new`]). The app's reducer
//! and tests call [`Edit::apply`]; the pieces it is made of (the slider's room, rescaling
//! to a region, keeping a budget's split, trimming to the budget, setting an assumption by
//! its [`FieldPath`]) are public for whoever needs one alone.

use crate::assumptions::AssumptionValue;
use crate::data::{self, Tri};
use crate::error::ScenarioError;
use crate::field::{Bound, FieldPath, LineParam, RegionParam};
use crate::money::Money;
use crate::scenario::{LineOverride, MAX_PLAN_YEARS, RegionOverride, Scenario, YearBudget};

pub use crate::field::Source;

impl Source {
    /// Amount of this source in a year.
    pub fn amount(self, b: &YearBudget) -> Money {
        match self {
            Source::Central => b.central,
            Source::Provincial => b.provincial,
            Source::Mobilised => b.mobilised,
        }
    }

    /// Sets this source of a year.
    pub fn set(self, b: &mut YearBudget, m: Money) {
        match self {
            Source::Central => b.central = m,
            Source::Provincial => b.provincial = m,
            Source::Mobilised => b.mobilised = m,
        }
    }
}

/// A change to a scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Switch region; money is rescaled by the ratio of children, region overrides dropped
    /// (see [`rescale_to_region`]).
    Region(String),
    /// Change the plan years; budget rows are copied or dropped at the end.
    Years {
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    },
    /// Set every year's total budget, keeping each year's split between sources.
    BudgetTotal(Money),
    /// Set one source in one year (`None`: every year).
    BudgetCell {
        /// Year, or all years.
        year: Option<i32>,
        /// Source.
        source: Source,
        /// Amount.
        amount: Money,
    },
    /// Set a line's annual allocation.
    Alloc {
        /// Line id.
        line: String,
        /// Amount.
        amount: Money,
    },
    /// Set a line's annual allocation from a slider: a drag past what is left of the
    /// budget (or past the line's ceiling) stops there instead of being refused
    /// (see [`slide`]).
    AllocUpTo {
        /// Line id.
        line: String,
        /// Amount asked for.
        amount: Money,
    },
    /// Lock or unlock a line for the optimiser.
    Lock {
        /// Line id.
        line: String,
        /// Locked.
        locked: bool,
    },
    /// Set or clear a line's floor.
    Floor {
        /// Line id.
        line: String,
        /// Floor.
        amount: Option<Money>,
    },
    /// Set or clear a line's ceiling.
    Ceiling {
        /// Line id.
        line: String,
        /// Ceiling.
        amount: Option<Money>,
    },
    /// Replace a line's parameter overrides (empty = back to defaults).
    LineOverride {
        /// Line id.
        line: String,
        /// Overrides.
        value: LineOverride,
    },
    /// Replace the region's overrides.
    RegionOverride(RegionOverride),
    /// Back to every default assumption.
    ResetAssumptions,
    /// Change one assumption (a [`FieldPath::LineOverride`] or [`FieldPath::RegionOverride`]
    /// with its parameter, as [`crate::assumptions`] gives it); `None` resets it.
    Assumption {
        /// Which one.
        field: FieldPath,
        /// New value, or back to the default.
        value: Option<AssumptionValue>,
    },
    /// Rename.
    Name(String),
    /// Change the notes.
    Notes(String),
    /// Replace the whole scenario (an accepted proposal, an import).
    Replace(Box<Scenario>),
}

impl Edit {
    /// The field the edit belongs to (where a refusal is shown).
    pub fn field(&self) -> FieldPath {
        match self {
            Edit::Region(_) => FieldPath::Region,
            Edit::Years { .. } => FieldPath::Years,
            Edit::BudgetTotal(_) => FieldPath::BudgetTotal,
            Edit::BudgetCell { year, source, .. } => FieldPath::BudgetCell {
                year: *year,
                source: *source,
            },
            Edit::Alloc { line, .. } | Edit::AllocUpTo { line, .. } => FieldPath::allocation(line),
            Edit::Lock { line, .. } => FieldPath::bound(line, Bound::Lock),
            Edit::Floor { line, .. } => FieldPath::bound(line, Bound::Floor),
            Edit::Ceiling { line, .. } => FieldPath::bound(line, Bound::Ceiling),
            Edit::LineOverride { line, .. } => FieldPath::LineOverride {
                line: line.clone(),
                param: None,
            },
            Edit::RegionOverride(_) => FieldPath::RegionOverride(None),
            Edit::ResetAssumptions => FieldPath::Overrides,
            Edit::Assumption { field, .. } => field.clone(),
            Edit::Name(_) => FieldPath::Name,
            Edit::Notes(_) => FieldPath::Notes,
            Edit::Replace(_) => FieldPath::Scenario,
        }
    }

    /// The scenario after the edit (not yet validated). Errors only for what cannot be
    /// expressed at all (an unknown region or line, reversed years, a field that is not an
    /// assumption); values out of range come out of validation.
    pub fn apply(self, s: &Scenario) -> Result<Scenario, ScenarioError> {
        let mut n = s.clone();
        match self {
            Edit::Region(id) => return rescale_to_region(s, &id).map(|(n, _)| n),
            Edit::Years { start, end } => {
                if end < start || end - start >= MAX_PLAN_YEARS {
                    return Err(ScenarioError::Years { start, end });
                }
                let count = (end - start + 1) as usize;
                let last = n.budget.last().copied().unwrap_or_default();
                n.budget.resize(count, last);
                n.start_year = start;
                n.end_year = end;
            }
            Edit::BudgetTotal(total) => {
                for b in &mut n.budget {
                    *b = split_like(b, total);
                }
            }
            Edit::BudgetCell {
                year,
                source,
                amount,
            } => {
                for (i, b) in n.budget.iter_mut().enumerate() {
                    let y = s.start_year.saturating_add(i as i32);
                    if year.is_none_or(|want| want == y) {
                        source.set(b, amount);
                    }
                }
            }
            Edit::Alloc { line, amount } => {
                known_line(&line)?;
                n.allocation.insert(line, amount);
            }
            Edit::AllocUpTo { line, amount } => {
                known_line(&line)?;
                let left = s.min_year_budget().saturating_sub(s.allocated());
                let amount = slide(amount, s.alloc(&line), left, s.constraint(&line).ceiling);
                n.allocation.insert(line, amount);
            }
            Edit::Lock { line, locked } => {
                n.constraints.entry(line).or_default().locked = locked;
                n.constraints.retain(|_, c| !c.is_empty());
            }
            Edit::Floor { line, amount } => {
                n.constraints.entry(line).or_default().floor = amount;
                n.constraints.retain(|_, c| !c.is_empty());
            }
            Edit::Ceiling { line, amount } => {
                n.constraints.entry(line).or_default().ceiling = amount;
                n.constraints.retain(|_, c| !c.is_empty());
            }
            Edit::LineOverride { line, value } => {
                if value.is_empty() {
                    n.overrides.lines.remove(&line);
                } else {
                    n.overrides.lines.insert(line, value);
                }
            }
            Edit::RegionOverride(r) => n.overrides.region = r,
            Edit::ResetAssumptions => n.overrides = Default::default(),
            Edit::Assumption { field, value } => set_assumption(&mut n, &field, value)?,
            Edit::Name(name) => n.name = name,
            Edit::Notes(notes) => n.notes = notes,
            Edit::Replace(s) => n = *s,
        }
        Ok(n)
    }
}

fn known_line(id: &str) -> Result<(), ScenarioError> {
    match data::line(id) {
        Some(_) => Ok(()),
        None => Err(ScenarioError::UnknownLine(id.to_string())),
    }
}

/// Where a slider drag of a line lands: `asked`, but no lower than 0 and no higher than
/// the line's room — its amount now plus what is `left` of the smallest yearly budget,
/// and under its `ceiling` (a line already above its ceiling may stay where it is, never
/// go higher). The app's slider and [`Edit::AllocUpTo`] both use this one rule.
pub fn slide(asked: Money, current: Money, left: Money, ceiling: Option<Money>) -> Money {
    let mut most = current.saturating_add(left.max(Money::ZERO));
    if let Some(ceiling) = ceiling {
        most = most.min(ceiling).max(current.min(ceiling));
    }
    asked.max(Money::ZERO).min(most)
}

/// What [`rescale_to_region`] changed, for telling the person ("budget rescaled from 45 to
/// 23,6 tỷ").
#[derive(Debug, Clone, PartialEq)]
pub struct Rescaled {
    /// The region before.
    pub from: String,
    /// The region after.
    pub to: String,
    /// Children there over children here: what every amount was multiplied by.
    pub ratio: f64,
    /// The first year's total budget before and after.
    pub budget: (Money, Money),
    /// The annual allocation before and after (after trimming to the budget).
    pub allocated: (Money, Money),
    /// The region's overrides were dropped (they described the old region).
    pub dropped_region_overrides: bool,
}

/// The scenario moved to another region: every amount (budget, allocations, floors,
/// ceilings) scaled by the ratio of children and rounded to whole triệu đồng, the excess
/// of rounding taken off the largest line, the default name renamed, the region's
/// overrides dropped. Also says what it did. The same region changes nothing.
pub fn rescale_to_region(
    s: &Scenario,
    region: &str,
) -> Result<(Scenario, Rescaled), ScenarioError> {
    let Some(to) = data::region(region) else {
        return Err(ScenarioError::UnknownRegion(region.to_string()));
    };
    let budget_before = s.budget.first().map(YearBudget::total).unwrap_or_default();
    let mut n = s.clone();
    if to.id == s.region {
        let same = Rescaled {
            from: s.region.clone(),
            to: s.region.clone(),
            ratio: 1.0,
            budget: (budget_before, budget_before),
            allocated: (s.allocated(), s.allocated()),
            dropped_region_overrides: false,
        };
        return Ok((n, same));
    }
    let from_children = crate::region_baseline(&s.region)
        .map(|b| {
            s.overrides
                .region
                .children
                .map_or(b.children.value, |c| c as f64)
        })
        .unwrap_or(data::national::CHILDREN);
    let ratio = to.children as f64 / from_children.max(1.0);
    let scale = |m: Money| Money((m.0 as f64 * ratio / 1e6).round() as i64 * 1_000_000);
    for b in &mut n.budget {
        for src in Source::ALL {
            src.set(b, scale(src.amount(b)));
        }
    }
    for v in n.allocation.values_mut() {
        *v = scale(*v);
    }
    for c in n.constraints.values_mut() {
        c.floor = c.floor.map(scale);
        c.ceiling = c.ceiling.map(scale);
    }
    trim_to_budget(&mut n);
    if s.name == Scenario::default_for(&s.region).name || s.name.is_empty() {
        n.name = Scenario::default_for(to.id).name;
    }
    n.region = to.id.to_string();
    n.overrides.region = RegionOverride::default();
    let rescaled = Rescaled {
        from: s.region.clone(),
        to: n.region.clone(),
        ratio,
        budget: (
            budget_before,
            n.budget.first().map(YearBudget::total).unwrap_or_default(),
        ),
        allocated: (s.allocated(), n.allocated()),
        dropped_region_overrides: !s.overrides.region.is_empty(),
    };
    Ok((n, rescaled))
}

/// A year's budget with a new total, keeping its split between sources (or the default
/// split when it was empty). The parts add up exactly to `total`.
pub fn split_like(b: &YearBudget, total: Money) -> YearBudget {
    let old = b.total();
    let (c, p) = if old.0 > 0 {
        (
            b.central.0 as f64 / old.0 as f64,
            b.provincial.0 as f64 / old.0 as f64,
        )
    } else {
        let d = Scenario::default().budget[0];
        let t = d.total().0 as f64;
        (d.central.0 as f64 / t, d.provincial.0 as f64 / t)
    };
    let central = Money((total.0 as f64 * c).round() as i64);
    let provincial = Money((total.0 as f64 * p).round() as i64);
    YearBudget {
        central,
        provincial,
        mobilised: total.saturating_sub(central).saturating_sub(provincial),
    }
}

/// Takes any allocation above the smallest year's budget off the largest line (after
/// rounding, a few triệu may be over).
pub fn trim_to_budget(s: &mut Scenario) {
    let budget = s.min_year_budget();
    let total = s.allocated();
    if total > budget {
        if let Some(v) = s.allocation.values_mut().max() {
            *v = v.saturating_sub(total.saturating_sub(budget));
        }
    }
}

/// Sets (or with `None` resets) one assumption: a line parameter or a region figure. A
/// value of another shape is read as well as it can be (a number for a range is a range
/// of one value; a range for a number is its most likely value). Counts must be finite,
/// 0–10¹²; any other field is [`ScenarioError::NotAnAssumption`].
pub fn set_assumption(
    s: &mut Scenario,
    field: &FieldPath,
    value: Option<AssumptionValue>,
) -> Result<(), ScenarioError> {
    let number = |v: &AssumptionValue| v.central();
    let tri = |v: &AssumptionValue| match *v {
        AssumptionValue::Range { low, mode, high } => Tri { low, mode, high },
        AssumptionValue::MoneyRange { low, mode, high } => Tri {
            low: low.as_f64(),
            mode: mode.as_f64(),
            high: high.as_f64(),
        },
        _ => Tri::point(v.central()),
    };
    let money_tri = |v: &AssumptionValue| match *v {
        AssumptionValue::MoneyRange { low, mode, high } => Some(Tri { low, mode, high }),
        _ => Money::from_f64(v.central()).map(Tri::point),
    };
    let count = |v: &AssumptionValue| -> Result<u64, ScenarioError> {
        let x = v.central();
        if !x.is_finite() {
            Err(ScenarioError::NonFinite {
                field: field.clone(),
            })
        } else if (0.0..=1e12).contains(&x) {
            Ok(x.round() as u64)
        } else {
            Err(ScenarioError::OutOfRange {
                field: field.clone(),
                value: x,
                min: 0.0,
                max: 1e12,
            })
        }
    };
    match field {
        FieldPath::RegionOverride(Some(key)) => {
            let r = &mut s.overrides.region;
            let v = value.as_ref();
            match key {
                RegionParam::Children => r.children = v.map(count).transpose()?,
                RegionParam::ShareUnder5 => r.share_under5 = v.map(number),
                RegionParam::DrowningRate => r.drowning_rate = v.map(tri),
                RegionParam::Trend => r.trend = v.map(tri),
                RegionParam::SwimShare => r.swim_share = v.map(number),
                RegionParam::SpecialCircumstances => {
                    r.special_circumstances = v.map(count).transpose()?
                }
                RegionParam::Communes => {
                    r.communes = v
                        .map(count)
                        .transpose()?
                        .map(|c| c.min(u64::from(u32::MAX)) as u32)
                }
                RegionParam::ChildFriendlyShare => r.child_friendly_share = v.map(number),
                RegionParam::HotlineCalls => r.hotline_calls = v.map(count).transpose()?,
            }
        }
        FieldPath::LineOverride {
            line,
            param: Some(param),
        } => {
            known_line(line)?;
            let o = s.overrides.lines.entry(line.clone()).or_default();
            let v = value.as_ref();
            match param {
                LineParam::UnitCost => match v.map(money_tri) {
                    None => o.unit_cost = None,
                    Some(Some(t)) => o.unit_cost = Some(t),
                    Some(None) => {
                        return Err(ScenarioError::NonFinite {
                            field: field.clone(),
                        });
                    }
                },
                LineParam::Rrr => o.rrr = v.map(tri),
                LineParam::MaxCoverage => o.max_coverage = v.map(number),
                LineParam::DurabilityYears => o.durability_years = v.map(number),
            }
            s.overrides.lines.retain(|_, o| !o.is_empty());
        }
        _ => return Err(ScenarioError::NotAnAssumption(field.clone())),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::TY;

    #[test]
    fn budget_total_keeps_the_split_and_adds_up() {
        let s = Scenario::default();
        let n = Edit::BudgetTotal(Money(400 * TY + 1))
            .apply(&s)
            .expect("applies");
        for b in &n.budget {
            assert_eq!(b.total(), Money(400 * TY + 1));
            assert!(b.central > b.provincial && b.provincial > b.mobilised);
        }
        // An empty year takes the default split.
        let empty = split_like(&YearBudget::default(), Money(100));
        assert_eq!(empty.total(), Money(100));
        assert!(empty.central > empty.mobilised);
    }

    #[test]
    fn a_budget_cell_sets_one_year_or_every_year() {
        let s = Scenario::default();
        let n = Edit::BudgetCell {
            year: Some(2028),
            source: Source::Mobilised,
            amount: Money(TY),
        }
        .apply(&s)
        .expect("applies");
        assert_eq!(n.budget[1].mobilised, Money(TY));
        assert_eq!(n.budget[0].mobilised, s.budget[0].mobilised);
        let all = Edit::BudgetCell {
            year: None,
            source: Source::Central,
            amount: Money(7),
        }
        .apply(&s)
        .expect("applies");
        assert!(all.budget.iter().all(|b| b.central == Money(7)));
        assert_eq!(
            Edit::BudgetCell {
                year: None,
                source: Source::Central,
                amount: Money(7),
            }
            .field()
            .to_string(),
            "budget.all.central"
        );
    }

    #[test]
    fn region_switch_rescales_money_and_says_how() {
        let s = Scenario::default();
        let n = Edit::Region("dien-bien".into()).apply(&s).expect("applies");
        assert_eq!(n.region, "dien-bien");
        assert!(n.budget[0].total() < Money(3 * TY));
        assert!(n.allocated() <= n.min_year_budget());
        assert_eq!(n.name, Scenario::default_for("dien-bien").name);
        assert!(n.validate().is_ok());
        let (m, r) = rescale_to_region(&s, "dien-bien").expect("known");
        assert_eq!(m, n);
        assert_eq!((r.from.as_str(), r.to.as_str()), ("VN", "dien-bien"));
        assert_eq!(r.budget, (Money(350 * TY), n.budget[0].total()));
        assert_eq!(r.allocated.1, n.allocated());
        assert!(r.ratio > 0.0 && r.ratio < 0.01, "{}", r.ratio);
        // The same region changes nothing; an unknown one is refused.
        let (same, r) = rescale_to_region(&n, "dien-bien").expect("known");
        assert_eq!((same, r.ratio), (n.clone(), 1.0));
        assert_eq!(
            Edit::Region("atlantis".into()).apply(&s),
            Err(ScenarioError::UnknownRegion("atlantis".into()))
        );
    }

    #[test]
    fn a_named_plan_keeps_its_name_and_loses_the_old_regions_figures() {
        let mut s = Scenario {
            name: "Của tôi".into(),
            ..Scenario::default()
        };
        s.overrides.region.children = Some(1_000_000);
        let (n, r) = rescale_to_region(&s, "dien-bien").expect("known");
        assert_eq!(n.name, "Của tôi");
        assert!(n.overrides.region.is_empty() && r.dropped_region_overrides);
        // Scaled from the overridden number of children, not the nation's.
        assert!((r.ratio - 208_222.0 / 1_000_000.0).abs() < 1e-9);
    }

    #[test]
    fn trim_takes_the_excess_off_the_largest_line() {
        let mut s = Scenario::default();
        s.allocation.insert("gifts".into(), Money(10 * TY + 5));
        trim_to_budget(&mut s);
        assert_eq!(s.alloc("swim"), Money(120 * TY - 5));
        assert_eq!(s.allocated(), s.min_year_budget());
        let before = s.clone();
        trim_to_budget(&mut s);
        assert_eq!(s, before, "nothing to trim");
    }

    #[test]
    fn assumptions_set_and_reset_overrides() {
        let s = Scenario::default();
        let rrr = FieldPath::line_param("swim", LineParam::Rrr);
        let n = Edit::Assumption {
            field: rrr.clone(),
            value: Some(AssumptionValue::Range {
                low: 0.2,
                mode: 0.6,
                high: 0.9,
            }),
        }
        .apply(&s)
        .expect("applies");
        assert_eq!(
            n.overrides.lines["swim"].rrr,
            Some(Tri {
                low: 0.2,
                mode: 0.6,
                high: 0.9
            })
        );
        let n = Edit::Assumption {
            field: FieldPath::region_param(RegionParam::Children),
            value: Some(AssumptionValue::Number { value: 1e6 }),
        }
        .apply(&n)
        .expect("applies");
        assert_eq!(n.overrides.region.children, Some(1_000_000));
        let back = Edit::Assumption {
            field: rrr,
            value: None,
        }
        .apply(&n)
        .expect("applies");
        assert!(!back.overrides.lines.contains_key("swim"));
        assert_eq!(
            Edit::Assumption {
                field: FieldPath::line_param("nope", LineParam::Rrr),
                value: None
            }
            .apply(&s),
            Err(ScenarioError::UnknownLine("nope".into()))
        );
        assert_eq!(
            Edit::Assumption {
                field: FieldPath::Name,
                value: None
            }
            .apply(&s),
            Err(ScenarioError::NotAnAssumption(FieldPath::Name))
        );
        let children = FieldPath::region_param(RegionParam::Children);
        assert!(matches!(
            set_assumption(
                &mut s.clone(),
                &children,
                Some(AssumptionValue::Number { value: -3.0 })
            ),
            Err(ScenarioError::OutOfRange { .. })
        ));
        assert_eq!(
            set_assumption(
                &mut s.clone(),
                &children,
                Some(AssumptionValue::Number { value: f64::NAN })
            ),
            Err(ScenarioError::NonFinite { field: children })
        );
    }

    #[test]
    fn every_editable_assumption_can_be_set_and_reset_by_its_field() {
        let s = Scenario::default();
        for a in crate::assumptions(&s) {
            let Some(field) = a.field.clone() else {
                continue;
            };
            let n = Edit::Assumption {
                field: field.clone(),
                value: Some(a.value),
            }
            .apply(&s)
            .expect("applies");
            assert!(n.validate().is_ok(), "{field}");
            let edited = crate::assumptions(&n)
                .into_iter()
                .find(|b| b.key == a.key)
                .expect("still there");
            assert!(edited.edited, "{field}");
            let back = Edit::Assumption { field, value: None }
                .apply(&n)
                .expect("applies");
            assert_eq!(back, s);
        }
    }

    #[test]
    fn a_slider_drag_stops_at_what_is_left() {
        let s = Scenario::default(); // fully allocated: nothing left
        let up_to = |s: &Scenario, amount| {
            Edit::AllocUpTo {
                line: "swim".into(),
                amount,
            }
            .apply(s)
            .expect("applies")
        };
        let n = up_to(&s, Money(500 * TY));
        assert_eq!(n.alloc("swim"), s.alloc("swim"));
        let n = up_to(&s, Money(100 * TY));
        assert_eq!(n.alloc("swim"), Money(100 * TY));
        let n = up_to(&n, Money(130 * TY));
        assert_eq!(n.alloc("swim"), Money(120 * TY), "the 20 tỷ freed, no more");
        assert!(n.validate().is_ok());
        assert_eq!(up_to(&s, Money(-5)).alloc("swim"), Money::ZERO);
    }

    #[test]
    fn the_slider_rule_keeps_under_the_ceiling() {
        let c = Some(Money(50));
        assert_eq!(slide(Money(80), Money(40), Money(100), c), Money(50));
        assert_eq!(slide(Money(30), Money(40), Money(100), c), Money(30));
        // Above its ceiling already: it may stay or come down, never go up.
        assert_eq!(slide(Money(90), Money(70), Money(100), c), Money(50));
        assert_eq!(slide(Money(90), Money(70), Money(0), None), Money(70));
        assert_eq!(
            slide(Money(i64::MAX), Money(1), Money(i64::MAX), None),
            Money(i64::MAX)
        );
    }

    #[test]
    fn allocations_and_constraints_of_unknown_lines() {
        let s = Scenario::default();
        assert_eq!(
            Edit::Alloc {
                line: "nope".into(),
                amount: Money(1)
            }
            .apply(&s),
            Err(ScenarioError::UnknownLine("nope".into()))
        );
        let n = Edit::Floor {
            line: "swim".into(),
            amount: Some(Money(TY)),
        }
        .apply(&s)
        .expect("applies");
        assert_eq!(n.constraint("swim").floor, Some(Money(TY)));
        let n = Edit::Lock {
            line: "swim".into(),
            locked: true,
        }
        .apply(&n)
        .expect("applies");
        assert!(n.constraint("swim").locked);
        let n = Edit::Floor {
            line: "swim".into(),
            amount: None,
        }
        .apply(&n)
        .expect("applies");
        let n = Edit::Lock {
            line: "swim".into(),
            locked: false,
        }
        .apply(&n)
        .expect("applies");
        assert!(n.constraints.is_empty(), "empty constraints are dropped");
        let n = Edit::Ceiling {
            line: "barrier".into(),
            amount: Some(Money(5)),
        }
        .apply(&n)
        .expect("applies");
        assert_eq!(n.constraint("barrier").ceiling, Some(Money(5)));
    }

    #[test]
    fn years_resize_the_budget() {
        let s = Scenario::default();
        let n = Edit::Years {
            start: 2026,
            end: 2030,
        }
        .apply(&s)
        .expect("applies");
        assert_eq!(n.budget.len(), 5);
        assert!(n.validate().is_ok());
        assert!(
            Edit::Years {
                start: 2030,
                end: 2026
            }
            .apply(&s)
            .is_err()
        );
    }

    #[test]
    fn names_notes_overrides_and_replacing() {
        let s = Scenario::default();
        let n = Edit::Name("Mới".into()).apply(&s).expect("applies");
        assert_eq!(n.name, "Mới");
        let n = Edit::Notes("ghi".into()).apply(&n).expect("applies");
        assert_eq!(n.notes, "ghi");
        let o = LineOverride {
            max_coverage: Some(0.5),
            ..Default::default()
        };
        let n = Edit::LineOverride {
            line: "swim".into(),
            value: o,
        }
        .apply(&n)
        .expect("applies");
        assert_eq!(n.overrides.lines["swim"], o);
        let n = Edit::RegionOverride(RegionOverride {
            swim_share: Some(0.3),
            ..Default::default()
        })
        .apply(&n)
        .expect("applies");
        assert_eq!(n.overrides.region.swim_share, Some(0.3));
        let n = Edit::ResetAssumptions.apply(&n).expect("applies");
        assert!(n.overrides.is_empty());
        let back = Edit::Replace(Box::new(s.clone()))
            .apply(&n)
            .expect("applies");
        assert_eq!(back, s);
        assert_eq!(Edit::ResetAssumptions.field(), FieldPath::Overrides);
        assert_eq!(Edit::Replace(Box::new(s)).field(), FieldPath::Scenario);
    }
}
