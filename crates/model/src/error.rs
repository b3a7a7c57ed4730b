//! Typed errors of the model, each able to say what is wrong in the user's language and
//! which field it belongs to.

use crate::field::FieldPath;
use crate::lang::Lang;
use crate::money::{Money, fmt_dong, fmt_num};
use crate::words::Common;

/// What is wrong with a scenario.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    /// The scenario was written by a newer (or broken) version.
    #[error("scenario version {found} is not supported (this app reads up to {supported})")]
    UnsupportedVersion {
        /// Version found.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// No such region.
    #[error("unknown region {0:?}")]
    UnknownRegion(String),
    /// No such programme line.
    #[error("unknown programme line {0:?}")]
    UnknownLine(String),
    /// Plan years out of range, reversed or too many.
    #[error("plan years {start}–{end} must lie within 2020–2045 and span at most 15 years")]
    Years {
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    },
    /// The budget does not have one row per plan year.
    #[error("the budget has {found} years but the plan has {expected}")]
    BudgetYears {
        /// Plan years.
        expected: u32,
        /// Budget rows.
        found: u32,
    },
    /// Money below zero.
    #[error("{field} is negative: {value:?}")]
    NegativeMoney {
        /// Field path.
        field: FieldPath,
        /// Value.
        value: Money,
    },
    /// Money above [`crate::MAX_MONEY`].
    #[error("{field} is too large: {value:?}")]
    TooMuchMoney {
        /// Field path.
        field: FieldPath,
        /// Value.
        value: Money,
    },
    /// Allocations exceed a year's budget.
    #[error("allocations total {allocated:?} but the {year} budget is {budget:?}")]
    OverBudget {
        /// The year.
        year: i32,
        /// Annual allocation.
        allocated: Money,
        /// That year's budget.
        budget: Money,
    },
    /// A number outside its range.
    #[error("{field} must be between {min} and {max}, not {value}")]
    OutOfRange {
        /// Field path.
        field: FieldPath,
        /// Value.
        value: f64,
        /// Least allowed.
        min: f64,
        /// Greatest allowed.
        max: f64,
    },
    /// NaN or infinity.
    #[error("{field} is not a finite number")]
    NonFinite {
        /// Field path.
        field: FieldPath,
    },
    /// low ≤ mode ≤ high violated.
    #[error("{field}: low ≤ most likely ≤ high is required")]
    BadRange {
        /// Field path.
        field: FieldPath,
    },
    /// A floor above the ceiling.
    #[error("line {line}: floor {floor:?} is above ceiling {ceiling:?}")]
    FloorAboveCeiling {
        /// Line id.
        line: String,
        /// Floor.
        floor: Money,
        /// Ceiling.
        ceiling: Money,
    },
    /// An allocation outside its floor/ceiling.
    #[error(
        "line {line}: allocation {value:?} is outside its floor {floor:?} / ceiling {ceiling:?}"
    )]
    OutsideBounds {
        /// Line id.
        line: String,
        /// Allocation.
        value: Money,
        /// Floor.
        floor: Option<Money>,
        /// Ceiling.
        ceiling: Option<Money>,
    },
    /// Locked lines and floors need more than the smallest year's budget, so no allocation
    /// can respect them (the optimiser never silently defunds such a line).
    #[error(
        "locked lines and floors need {required:?} but the smallest yearly budget is {budget:?}"
    )]
    ConstraintsOverBudget {
        /// Sum of locked amounts and floors.
        required: Money,
        /// The smallest yearly budget.
        budget: Money,
    },
    /// No such national target.
    #[error("unknown target {0:?}")]
    UnknownTarget(String),
    /// A year outside the plan years.
    #[error("year {year} lies outside the plan years {start}–{end}")]
    YearOutsidePlan {
        /// The year asked for.
        year: i32,
        /// First plan year.
        start: i32,
        /// Last plan year.
        end: i32,
    },
    /// Text longer than allowed.
    #[error("{field} is too long ({len} characters, at most {max})")]
    TextTooLong {
        /// Field path.
        field: FieldPath,
        /// Length.
        len: u32,
        /// Maximum.
        max: u32,
    },
    /// A field that is not an assumption was given to set one (see
    /// [`crate::edit::set_assumption`]).
    #[error("{0} is not an assumption")]
    NotAnAssumption(FieldPath),
}

impl ScenarioError {
    /// The field the error belongs to, for placing the message.
    pub fn path(&self) -> FieldPath {
        match self {
            ScenarioError::UnsupportedVersion { .. } => FieldPath::Version,
            ScenarioError::UnknownRegion(_) => FieldPath::Region,
            ScenarioError::UnknownLine(id) => FieldPath::Allocation(id.clone()),
            ScenarioError::Years { .. } => FieldPath::Years,
            ScenarioError::BudgetYears { .. } | ScenarioError::OverBudget { .. } => {
                FieldPath::Budget
            }
            ScenarioError::NegativeMoney { field, .. }
            | ScenarioError::TooMuchMoney { field, .. }
            | ScenarioError::OutOfRange { field, .. }
            | ScenarioError::NonFinite { field }
            | ScenarioError::BadRange { field }
            | ScenarioError::TextTooLong { field, .. }
            | ScenarioError::NotAnAssumption(field) => field.clone(),
            ScenarioError::FloorAboveCeiling { line, .. } => FieldPath::Constraint {
                line: line.clone(),
                bound: None,
            },
            ScenarioError::OutsideBounds { line, .. } => FieldPath::Allocation(line.clone()),
            ScenarioError::ConstraintsOverBudget { .. } => FieldPath::Constraints,
            ScenarioError::UnknownTarget(_) => FieldPath::Param(crate::field::Param::Target),
            ScenarioError::YearOutsidePlan { .. } => FieldPath::Param(crate::field::Param::Year),
        }
    }

    /// The field path the error belongs to, as text ("allocation.swim",
    /// "budget.2027.central", "overrides.lines.swim.rrr", "region", "years", …).
    pub fn field(&self) -> String {
        self.path().to_string()
    }

    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let money = |m: &Money| fmt_dong(*m, lang);
        let field = self.path().label(lang);
        let say = |w: Common, args: &[&str]| w.fill(lang, args);
        match self {
            ScenarioError::UnsupportedVersion { found, supported } => say(
                Common::ErrVersion,
                &[&found.to_string(), &supported.to_string()],
            ),
            ScenarioError::UnknownRegion(r) => say(Common::ErrUnknownRegion, &[r]),
            ScenarioError::UnknownLine(l) => say(Common::ErrUnknownLine, &[l]),
            ScenarioError::Years { start, end } => {
                say(Common::ErrYears, &[&start.to_string(), &end.to_string()])
            }
            ScenarioError::BudgetYears { expected, found } => say(
                Common::ErrBudgetYears,
                &[&found.to_string(), &expected.to_string()],
            ),
            ScenarioError::NegativeMoney { value, .. } => {
                say(Common::ErrNegativeMoney, &[&field, &money(value)])
            }
            ScenarioError::TooMuchMoney { value, .. } => {
                say(Common::ErrTooMuchMoney, &[&field, &money(value)])
            }
            ScenarioError::OverBudget {
                year,
                allocated,
                budget,
            } => {
                let over = allocated.saturating_sub(*budget);
                say(
                    Common::ErrOverBudget,
                    &[
                        &money(allocated),
                        &year.to_string(),
                        &money(budget),
                        &money(&over),
                    ],
                )
            }
            ScenarioError::OutOfRange {
                value, min, max, ..
            } => {
                let f = |x: f64| fmt_num(x, 4, lang);
                say(
                    Common::ErrOutOfRange,
                    &[&field, &f(*min), &f(*max), &f(*value)],
                )
            }
            ScenarioError::NonFinite { .. } => say(Common::ErrNonFinite, &[&field]),
            ScenarioError::BadRange { .. } => say(Common::ErrBadRange, &[&field]),
            ScenarioError::FloorAboveCeiling { floor, ceiling, .. } => say(
                Common::ErrFloorAboveCeiling,
                &[&field, &money(floor), &money(ceiling)],
            ),
            ScenarioError::OutsideBounds {
                value,
                floor,
                ceiling,
                ..
            } => {
                let lo = floor
                    .map(|m| money(&m))
                    .unwrap_or_else(|| money(&Money::ZERO));
                let hi = ceiling.map(|m| money(&m)).unwrap_or_else(|| "—".into());
                say(Common::ErrOutsideBounds, &[&field, &money(value), &lo, &hi])
            }
            ScenarioError::ConstraintsOverBudget { required, budget } => say(
                Common::ErrConstraintsOverBudget,
                &[&money(required), &money(budget)],
            ),
            ScenarioError::UnknownTarget(t) => say(Common::ErrUnknownTarget, &[t]),
            ScenarioError::YearOutsidePlan { year, start, end } => say(
                Common::ErrYearOutsidePlan,
                &[&year.to_string(), &start.to_string(), &end.to_string()],
            ),
            ScenarioError::TextTooLong { len, max, .. } => say(
                Common::ErrTextTooLong,
                &[&field, &len.to_string(), &max.to_string()],
            ),
            ScenarioError::NotAnAssumption(_) => say(Common::NotAnAssumption, &[&field]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_line_in_the_users_language() {
        let e = ScenarioError::NegativeMoney {
            field: FieldPath::allocation("swim"),
            value: Money(-5),
        };
        assert_eq!(e.field(), "allocation.swim");
        assert!(
            e.message(Lang::Vi).starts_with("Dạy bơi an toàn"),
            "{}",
            e.message(Lang::Vi)
        );
        assert!(e.message(Lang::Vi).contains("không được âm"));
        assert!(e.message(Lang::En).starts_with("Survival swimming"));
        let o = ScenarioError::OverBudget {
            year: 2028,
            allocated: Money(12),
            budget: Money(10),
        };
        assert_eq!(
            o.message(Lang::Vi),
            "Phân bổ 12 đ vượt ngân sách năm 2028 (10 đ) là 2 đ."
        );
        let b = ScenarioError::NegativeMoney {
            field: FieldPath::BudgetCell {
                year: Some(2027),
                source: crate::field::Source::Central,
            },
            value: Money(-1),
        };
        assert!(b.message(Lang::Vi).starts_with("Ngân sách trung ương 2027"));
    }
}
