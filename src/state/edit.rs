//! Edits of the current scenario: each is a pure function from the old scenario to the new
//! one. Validation happens once, in the reducer, through `model::Model::new`.

use model::data;
use model::scenario::{LineOverride, RegionOverride, YearBudget};
use model::{Money, Scenario, ScenarioError};

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
            Edit::Alloc { line, .. } => format!("allocation.{line}"),
            Edit::Lock { line, .. } => format!("constraints.{line}.lock"),
            Edit::Floor { line, .. } => format!("constraints.{line}.floor"),
            Edit::Ceiling { line, .. } => format!("constraints.{line}.ceiling"),
            Edit::LineOverride { line, .. } => format!("overrides.lines.{line}"),
            Edit::RegionOverride(_) => "overrides.region".into(),
            Edit::ResetAssumptions => "overrides".into(),
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
            Edit::Name(name) => n.name = name,
            Edit::Notes(notes) => n.notes = notes,
            Edit::Replace(s) => n = *s,
        }
        Ok(n)
    }
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
