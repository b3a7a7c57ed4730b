//! Edits of the current scenario: each is a pure function from the old scenario to the new
//! one. Validation happens once, in the reducer, through `model::Model::new`.

use model::assumptions::AssumptionValue;
use model::data;
use model::scenario::{LineOverride, RegionOverride, YearBudget};
use model::{Money, Scenario, ScenarioError, Tri};

/// A funding source of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Ngân sách trung ương.
    Central,
    /// Ngân sách địa phương.
    Provincial,
    /// Vận động, xã hội hóa.
    Mobilised,
}

impl Source {
    /// All sources in display order.
    pub const ALL: [Source; 3] = [Source::Central, Source::Provincial, Source::Mobilised];

    /// Key used in field names and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Source::Central => "central",
            Source::Provincial => "provincial",
            Source::Mobilised => "mobilised",
        }
    }

    /// Name in the user's language.
    pub fn name(self, lang: model::Lang) -> &'static str {
        match self {
            Source::Central => lang.pick("Ngân sách trung ương", "Central budget"),
            Source::Provincial => lang.pick("Ngân sách địa phương", "Provincial budget"),
            Source::Mobilised => lang.pick("Vận động, xã hội hóa", "Mobilised funds"),
        }
    }

    fn get(self, b: &YearBudget) -> Money {
        match self {
            Source::Central => b.central,
            Source::Provincial => b.provincial,
            Source::Mobilised => b.mobilised,
        }
    }

    fn set(self, b: &mut YearBudget, m: Money) {
        match self {
            Source::Central => b.central = m,
            Source::Provincial => b.provincial = m,
            Source::Mobilised => b.mobilised = m,
        }
    }

    /// Amount of this source in a year.
    pub fn amount(self, b: &YearBudget) -> Money {
        self.get(b)
    }
}

/// A change to the current scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Switch region; money is rescaled by the ratio of children, region overrides dropped.
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
    /// budget (or past the line's ceiling) stops there instead of being refused.
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
    /// Change one assumption by its field path (`overrides.region.<key>` or
    /// `overrides.lines.<id>.<param>`, as `model::assumptions` gives it); `None` resets it.
    Assumption {
        /// Field path.
        field: String,
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
    /// The field key the edit belongs to (where a refusal is shown).
    pub fn field(&self) -> String {
        match self {
            Edit::Region(_) => "region".into(),
            Edit::Years { .. } => "years".into(),
            Edit::BudgetTotal(_) => "budget.total".into(),
            Edit::BudgetCell { year, source, .. } => match year {
                Some(y) => format!("budget.{y}.{}", source.key()),
                None => format!("budget.all.{}", source.key()),
            },
            Edit::Alloc { line, .. } | Edit::AllocUpTo { line, .. } => format!("allocation.{line}"),
            Edit::Lock { line, .. } => format!("constraints.{line}.lock"),
            Edit::Floor { line, .. } => format!("constraints.{line}.floor"),
            Edit::Ceiling { line, .. } => format!("constraints.{line}.ceiling"),
            Edit::LineOverride { line, .. } => format!("overrides.lines.{line}"),
            Edit::RegionOverride(_) => "overrides.region".into(),
            Edit::ResetAssumptions => "overrides".into(),
            Edit::Assumption { field, .. } => field.clone(),
            Edit::Name(_) => "name".into(),
            Edit::Notes(_) => "notes".into(),
            Edit::Replace(_) => "scenario".into(),
        }
    }

    /// The scenario after the edit (not yet validated).
    pub fn apply(self, s: &Scenario) -> Result<Scenario, ScenarioError> {
        let mut n = s.clone();
        match self {
            Edit::Region(id) => {
                let Some(to) = data::region(&id) else {
                    return Err(ScenarioError::UnknownRegion(id));
                };
                if to.id == s.region {
                    return Ok(n);
                }
                let from_children = model::region_baseline(&s.region)
                    .map(|b| {
                        s.overrides
                            .region
                            .children
                            .map_or(b.children.value, |c| c as f64)
                    })
                    .unwrap_or(model::data::national::CHILDREN);
                let ratio = to.children as f64 / from_children.max(1.0);
                let scale = |m: Money| Money((m.0 as f64 * ratio / 1e6).round() as i64 * 1_000_000);
                for b in &mut n.budget {
                    for src in Source::ALL {
                        src.set(b, scale(src.get(b)));
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
            }
            Edit::Years { start, end } => {
                if end < start || end - start >= model::scenario::MAX_PLAN_YEARS {
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
                    let y = s.start_year + i as i32;
                    if year.is_none_or(|want| want == y) {
                        source.set(b, amount);
                    }
                }
            }
            Edit::Alloc { line, amount } => {
                if data::line(&line).is_none() {
                    return Err(ScenarioError::UnknownLine(line));
                }
                n.allocation.insert(line, amount);
            }
            Edit::AllocUpTo { line, amount } => {
                if data::line(&line).is_none() {
                    return Err(ScenarioError::UnknownLine(line));
                }
                let current = s.alloc(&line);
                let left = s.min_year_budget().saturating_sub(s.allocated());
                let mut most = current.saturating_add(left);
                if let Some(ceiling) = s.constraint(&line).ceiling {
                    most = most.min(ceiling).max(current.min(ceiling));
                }
                n.allocation.insert(line, amount.max(Money::ZERO).min(most));
            }
            Edit::Lock { line, locked } => {
                let c = n.constraints.entry(line).or_default();
                c.locked = locked;
                n.constraints.retain(|_, c| !c.is_empty());
            }
            Edit::Floor { line, amount } => {
                let c = n.constraints.entry(line).or_default();
                c.floor = amount;
                n.constraints.retain(|_, c| !c.is_empty());
            }
            Edit::Ceiling { line, amount } => {
                let c = n.constraints.entry(line).or_default();
                c.ceiling = amount;
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

/// Sets (or resets) one override from an assumption's field path.
fn set_assumption(
    s: &mut Scenario,
    field: &str,
    value: Option<AssumptionValue>,
) -> Result<(), ScenarioError> {
    let bad = || ScenarioError::OutOfRange {
        field: field.to_string(),
        value: f64::NAN,
        min: 0.0,
        max: 0.0,
    };
    let number = |v: &AssumptionValue| v.central();
    let tri = |v: &AssumptionValue| match *v {
        AssumptionValue::Range { low, mode, high } => Tri { low, mode, high },
        _ => Tri::point(v.central()),
    };
    let count = |v: &AssumptionValue| -> Result<u64, ScenarioError> {
        let x = v.central();
        if x.is_finite() && (0.0..=1e12).contains(&x) {
            Ok(x.round() as u64)
        } else {
            Err(bad())
        }
    };
    let parts: Vec<&str> = field.split('.').collect();
    match parts.as_slice() {
        ["overrides", "region", key] => {
            let r = &mut s.overrides.region;
            let v = value.as_ref();
            match *key {
                "children" => r.children = v.map(count).transpose()?,
                "share_under5" => r.share_under5 = v.map(number),
                "drowning_rate" => r.drowning_rate = v.map(tri),
                "trend" => r.trend = v.map(tri),
                "swim_share" => r.swim_share = v.map(number),
                "special_circumstances" => r.special_circumstances = v.map(count).transpose()?,
                "communes" => {
                    r.communes = v
                        .map(count)
                        .transpose()?
                        .map(|c| c.min(u64::from(u32::MAX)) as u32)
                }
                "child_friendly_share" => r.child_friendly_share = v.map(number),
                "hotline_calls" => r.hotline_calls = v.map(count).transpose()?,
                _ => return Err(bad()),
            }
        }
        ["overrides", "lines", id, param] => {
            if data::line(id).is_none() {
                return Err(ScenarioError::UnknownLine((*id).to_string()));
            }
            let o = s.overrides.lines.entry((*id).to_string()).or_default();
            match (*param, value) {
                ("unit_cost", None) => o.unit_cost = None,
                ("unit_cost", Some(AssumptionValue::MoneyRange { low, mode, high })) => {
                    o.unit_cost = Some(Tri { low, mode, high })
                }
                ("rrr", None) => o.rrr = None,
                ("rrr", Some(AssumptionValue::Range { low, mode, high })) => {
                    o.rrr = Some(Tri { low, mode, high })
                }
                ("max_coverage", v) => o.max_coverage = v.as_ref().map(number),
                ("durability_years", v) => o.durability_years = v.as_ref().map(number),
                _ => return Err(bad()),
            }
            s.overrides.lines.retain(|_, o| !o.is_empty());
        }
        _ => return Err(bad()),
    }
    Ok(())
}

/// A year's budget with a new total, keeping its split between sources (or the default
/// split when it was empty). The parts add up exactly to `total`.
fn split_like(b: &YearBudget, total: Money) -> YearBudget {
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

/// After rounding, take any excess over the smallest year's budget off the largest line.
fn trim_to_budget(s: &mut Scenario) {
    let budget = s.min_year_budget();
    let total = s.allocated();
    if total > budget {
        if let Some(v) = s.allocation.values_mut().max() {
            *v = v.saturating_sub(total.saturating_sub(budget));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::money::TY;

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
    }

    #[test]
    fn region_switch_rescales_money() {
        let s = Scenario::default();
        let n = Edit::Region("dien-bien".into()).apply(&s).expect("applies");
        assert_eq!(n.region, "dien-bien");
        assert!(n.budget[0].total() < Money(3 * TY));
        assert!(n.allocated() <= n.min_year_budget());
        assert_eq!(n.name, Scenario::default_for("dien-bien").name);
        assert!(n.validate().is_ok());
    }

    #[test]
    fn assumptions_set_and_reset_overrides() {
        let s = Scenario::default();
        let n = Edit::Assumption {
            field: "overrides.lines.swim.rrr".into(),
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
            field: "overrides.region.children".into(),
            value: Some(AssumptionValue::Number { value: 1e6 }),
        }
        .apply(&n)
        .expect("applies");
        assert_eq!(n.overrides.region.children, Some(1_000_000));
        let back = Edit::Assumption {
            field: "overrides.lines.swim.rrr".into(),
            value: None,
        }
        .apply(&n)
        .expect("applies");
        assert!(!back.overrides.lines.contains_key("swim"));
        assert!(
            Edit::Assumption {
                field: "overrides.lines.nope.rrr".into(),
                value: None
            }
            .apply(&s)
            .is_err()
        );
        assert!(
            Edit::Assumption {
                field: "bogus".into(),
                value: None
            }
            .apply(&s)
            .is_err()
        );
    }

    #[test]
    fn a_slider_drag_stops_at_what_is_left() {
        let s = Scenario::default(); // fully allocated: nothing left
        let n = Edit::AllocUpTo {
            line: "swim".into(),
            amount: Money(500 * TY),
        }
        .apply(&s)
        .expect("applies");
        assert_eq!(n.alloc("swim"), s.alloc("swim"));
        let n = Edit::AllocUpTo {
            line: "swim".into(),
            amount: Money(100 * TY),
        }
        .apply(&s)
        .expect("applies");
        assert_eq!(n.alloc("swim"), Money(100 * TY));
        let n = Edit::AllocUpTo {
            line: "swim".into(),
            amount: Money(130 * TY),
        }
        .apply(&n)
        .expect("applies");
        assert_eq!(n.alloc("swim"), Money(120 * TY), "the 20 tỷ freed, no more");
        assert!(n.validate().is_ok());
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
}
