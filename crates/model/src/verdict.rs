//! The one rule for what a target's verdict says, used everywhere a verdict is written: the
//! planner's target cards, the comparison, the optimiser's table, the workshop's badges, the
//! print sheet, the plan document (print and Word), the XLSX workbook and the CLI.
//!
//! A target counts as **met** (✓, "Đạt") only when the chance of meeting it — the share of
//! the Monte Carlo draws in which it is met — is at least the chance asked for (by default
//! [`crate::goal::DEFAULT_CHANCE`], 80 %). Met at central values with less chance is
//! "not sure"; without a chance yet it is "computing"; the central value alone never
//! makes a ✓.

use crate::Lang;
use crate::words::{AdviceWords, Common, Ui};

/// A chance `p` reaches the chance `asked` (a rounding hair below counts: 800 of 1 000
/// draws is 80 %).
pub fn chance_enough(p: f64, asked: f64) -> bool {
    p.is_finite() && p + 1e-9 >= asked
}

/// The chance a planner can ask for nearest to `c` (50, 80 or 95 %; the default, 80 %,
/// for anything unreadable): what a chance from a request or storage is read as.
pub fn asked_chance(c: f64) -> f64 {
    let mut best = crate::goal::DEFAULT_CHANCE;
    if c.is_finite() {
        for k in crate::goal::CHANCES {
            if (k - c).abs() < (best - c).abs() {
                best = k;
            }
        }
    }
    best
}

/// What is said about a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Met with at least the chance asked for.
    Met,
    /// Met at central values, with less than the chance asked for.
    Uncertain,
    /// Missed at central values, with less than the chance asked for.
    Missed,
    /// The chance of this version of the plan is being computed: no ✓ yet.
    Pending,
    /// Its year is outside the plan.
    Outside,
}

impl Verdict {
    /// The verdict of a target (`assessable`: its year is in the plan; `met`: met at
    /// central values) with the chance `chance` (of this version of the plan; `None` while
    /// it is computed) against the chance `asked`.
    pub fn of(assessable: bool, met: bool, chance: Option<f64>, asked: f64) -> Verdict {
        if !assessable {
            return Verdict::Outside;
        }
        match chance {
            None => Verdict::Pending,
            Some(c) if chance_enough(c, asked) => Verdict::Met,
            Some(_) if met => Verdict::Uncertain,
            Some(_) => Verdict::Missed,
        }
    }

    /// The verdict written in a file (a document, a workbook, the CLI's table), where
    /// nothing is still being computed: a chance that could not be computed counts as no
    /// chance at all, so it is never [`Verdict::Met`].
    pub fn settled(assessable: bool, met: bool, chance: Option<f64>, asked: f64) -> Verdict {
        Verdict::of(assessable, met, Some(chance.unwrap_or(0.0)), asked)
    }

    /// Whether it is [`Verdict::Met`].
    pub fn is_met(self) -> bool {
        self == Verdict::Met
    }

    /// `data-verdict` and the CSS class.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Uncertain => "uncertain",
            Verdict::Missed => "missed",
            Verdict::Pending => "pending",
            Verdict::Outside => "outside",
        }
    }

    /// The badge's icon (✓ only for [`Verdict::Met`]).
    pub fn icon(self) -> &'static str {
        match self {
            Verdict::Met => "✓",
            Verdict::Uncertain => "?",
            Verdict::Missed => "✗",
            Verdict::Pending => "…",
            Verdict::Outside => "–",
        }
    }

    /// The verdict's word: "Đạt", "Chưa chắc", "Chưa đạt", "Đang tính", "ngoài kỳ".
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Met => Common::Met.get(lang),
            Verdict::Uncertain => AdviceWords::BadgeUncertain.get(lang),
            Verdict::Missed => Common::Missed.get(lang),
            Verdict::Pending => AdviceWords::BadgePending.get(lang),
            Verdict::Outside => Ui::TargetOutsidePlan.get(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::DEFAULT_CHANCE;

    #[test]
    fn met_only_with_the_chance_asked_for() {
        let a = DEFAULT_CHANCE;
        // Met at central values with 79,9 %: not sure, never ✓.
        assert_eq!(Verdict::of(true, true, Some(0.799), a), Verdict::Uncertain);
        // 800 of 1 000 draws is 80 %, and a rounding hair below still counts.
        assert_eq!(Verdict::of(true, true, Some(0.8), a), Verdict::Met);
        assert_eq!(
            Verdict::of(true, true, Some(800.0 / 1000.0 - 1e-12), a),
            Verdict::Met
        );
        // Missed at central values yet met in enough draws: met (the chance decides).
        assert_eq!(Verdict::of(true, false, Some(0.85), a), Verdict::Met);
        assert_eq!(Verdict::of(true, false, Some(0.2), a), Verdict::Missed);
        // Other asked chances.
        assert_eq!(Verdict::of(true, true, Some(0.9), 0.95), Verdict::Uncertain);
        assert_eq!(Verdict::of(true, true, Some(0.5), 0.5), Verdict::Met);
        // No chance yet; outside the plan years.
        assert_eq!(Verdict::of(true, true, None, a), Verdict::Pending);
        assert_eq!(Verdict::of(false, true, Some(1.0), a), Verdict::Outside);
        // A NaN chance is never enough.
        assert_eq!(
            Verdict::of(true, true, Some(f64::NAN), a),
            Verdict::Uncertain
        );
    }

    #[test]
    fn an_asked_chance_is_one_a_planner_can_ask_for() {
        assert_eq!(asked_chance(0.95), 0.95);
        assert_eq!(asked_chance(0.5), 0.5);
        assert_eq!(asked_chance(0.0), 0.5);
        assert_eq!(asked_chance(0.9), 0.95);
        assert_eq!(asked_chance(f64::NAN), DEFAULT_CHANCE);
        assert_eq!(asked_chance(f64::INFINITY), DEFAULT_CHANCE);
    }

    #[test]
    fn a_file_never_writes_met_without_a_chance() {
        let a = DEFAULT_CHANCE;
        assert_eq!(Verdict::settled(true, true, None, a), Verdict::Uncertain);
        assert_eq!(Verdict::settled(true, false, None, a), Verdict::Missed);
        assert_eq!(Verdict::settled(true, true, Some(0.97), a), Verdict::Met);
        assert_eq!(Verdict::settled(false, true, None, a), Verdict::Outside);
    }

    #[test]
    fn words_icons_and_keys_in_both_languages() {
        let all = [
            Verdict::Met,
            Verdict::Uncertain,
            Verdict::Missed,
            Verdict::Pending,
            Verdict::Outside,
        ];
        assert_eq!(Verdict::Met.word(Lang::Vi), "Đạt");
        assert_eq!(Verdict::Missed.word(Lang::Vi), "Chưa đạt");
        assert_eq!(Verdict::Met.word(Lang::En), "Met");
        for v in all {
            assert!(!v.word(Lang::Vi).is_empty() && !v.word(Lang::En).is_empty());
            assert_eq!(v.icon() == "✓", v.is_met());
        }
        let keys: std::collections::HashSet<_> = all.iter().map(|v| v.key()).collect();
        assert_eq!(keys.len(), all.len());
    }
}
