//! Typed errors of the model, each able to say what is wrong in the user's language and
//! which field it belongs to.

use crate::field::FieldPath;
use crate::lang::Lang;
use crate::money::{Money, fmt_dong, fmt_num};

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
        let vi = lang == Lang::Vi;
        let money = |m: &Money| fmt_dong(*m, lang);
        let field = self.path().label(lang);
        match self {
            ScenarioError::UnsupportedVersion { found, supported } => {
                if vi {
                    format!(
                        "Kịch bản có phiên bản {found}, ứng dụng này chỉ đọc được đến phiên bản {supported}. Hãy tải lại trang để dùng bản mới nhất."
                    )
                } else {
                    format!(
                        "The scenario has version {found}; this app reads up to version {supported}. Reload the page to get the newest version."
                    )
                }
            }
            ScenarioError::UnknownRegion(r) => {
                if vi {
                    format!("Không có địa phương “{r}”.")
                } else {
                    format!("There is no region “{r}”.")
                }
            }
            ScenarioError::UnknownLine(l) => {
                if vi {
                    format!("Không có tuyến chương trình “{l}”.")
                } else {
                    format!("There is no programme line “{l}”.")
                }
            }
            ScenarioError::Years { start, end } => {
                if vi {
                    format!(
                        "Kỳ kế hoạch {start}–{end} không hợp lệ: các năm phải trong khoảng 2020–2045, tối đa 15 năm."
                    )
                } else {
                    format!(
                        "Plan years {start}–{end} are not valid: years must lie within 2020–2045, at most 15 of them."
                    )
                }
            }
            ScenarioError::BudgetYears { expected, found } => {
                if vi {
                    format!("Ngân sách có {found} năm nhưng kỳ kế hoạch có {expected} năm.")
                } else {
                    format!("The budget has {found} years but the plan has {expected}.")
                }
            }
            ScenarioError::NegativeMoney { value, .. } => {
                if vi {
                    format!("{field}: số tiền không được âm ({}).", money(value))
                } else {
                    format!("{field}: the amount cannot be negative ({}).", money(value))
                }
            }
            ScenarioError::TooMuchMoney { value, .. } => {
                if vi {
                    format!(
                        "{field}: số tiền quá lớn ({}); tối đa 1.000.000 tỷ đồng.",
                        money(value)
                    )
                } else {
                    format!(
                        "{field}: the amount is too large ({}); at most 1,000,000 billion VND.",
                        money(value)
                    )
                }
            }
            ScenarioError::OverBudget {
                year,
                allocated,
                budget,
            } => {
                let over = allocated.saturating_sub(*budget);
                if vi {
                    format!(
                        "Phân bổ {} vượt ngân sách năm {year} ({}) là {}.",
                        money(allocated),
                        money(budget),
                        money(&over)
                    )
                } else {
                    format!(
                        "Allocations of {} exceed the {year} budget ({}) by {}.",
                        money(allocated),
                        money(budget),
                        money(&over)
                    )
                }
            }
            ScenarioError::OutOfRange {
                value, min, max, ..
            } => {
                let f = |x: f64| fmt_num(x, 4, lang);
                if vi {
                    format!(
                        "{field}: giá trị phải từ {} đến {}, không phải {}.",
                        f(*min),
                        f(*max),
                        f(*value)
                    )
                } else {
                    format!(
                        "{field}: the value must be between {} and {}, not {}.",
                        f(*min),
                        f(*max),
                        f(*value)
                    )
                }
            }
            ScenarioError::NonFinite { .. } => {
                if vi {
                    format!("{field}: không phải là một số.")
                } else {
                    format!("{field}: not a number.")
                }
            }
            ScenarioError::BadRange { .. } => {
                if vi {
                    format!("{field}: cần thấp ≤ khả năng nhất ≤ cao.")
                } else {
                    format!("{field}: low ≤ most likely ≤ high is required.")
                }
            }
            ScenarioError::FloorAboveCeiling { floor, ceiling, .. } => {
                if vi {
                    format!(
                        "{field}: mức sàn {} cao hơn mức trần {}.",
                        money(floor),
                        money(ceiling)
                    )
                } else {
                    format!(
                        "{field}: the floor {} is above the ceiling {}.",
                        money(floor),
                        money(ceiling)
                    )
                }
            }
            ScenarioError::OutsideBounds {
                value,
                floor,
                ceiling,
                ..
            } => {
                let lo = floor.map(|m| money(&m)).unwrap_or_else(|| "0 đ".into());
                let hi = ceiling.map(|m| money(&m)).unwrap_or_else(|| "—".into());
                if vi {
                    format!(
                        "{field}: {} nằm ngoài mức sàn {lo} – trần {hi}.",
                        money(value)
                    )
                } else {
                    format!(
                        "{field}: {} is outside the floor {lo} – ceiling {hi}.",
                        money(value)
                    )
                }
            }
            ScenarioError::ConstraintsOverBudget { required, budget } => {
                if vi {
                    format!(
                        "Các tuyến bị khóa và mức sàn cần {}, vượt ngân sách năm thấp nhất ({}). Hãy giảm mức sàn, mở khóa hoặc tăng ngân sách.",
                        money(required),
                        money(budget)
                    )
                } else {
                    format!(
                        "Locked lines and floors need {}, more than the smallest yearly budget ({}). Lower a floor, unlock a line or raise the budget.",
                        money(required),
                        money(budget)
                    )
                }
            }
            ScenarioError::UnknownTarget(t) => {
                if vi {
                    format!("Không có mục tiêu “{t}”.")
                } else {
                    format!("There is no target “{t}”.")
                }
            }
            ScenarioError::YearOutsidePlan { year, start, end } => {
                if vi {
                    format!("Năm {year} nằm ngoài kỳ kế hoạch {start}–{end}.")
                } else {
                    format!("The year {year} lies outside the plan years {start}–{end}.")
                }
            }
            ScenarioError::TextTooLong { len, max, .. } => {
                if vi {
                    format!("{field}: quá dài ({len} ký tự, tối đa {max}).")
                } else {
                    format!("{field}: too long ({len} characters, at most {max}).")
                }
            }
            ScenarioError::NotAnAssumption(_) => {
                crate::words::Common::NotAnAssumption.fill(lang, &[&field])
            }
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
