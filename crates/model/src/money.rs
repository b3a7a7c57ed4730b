//! Money in integer đồng, and amounts read the way planners type them. Writing amounts
//! (and every other number) is [`crate::fmt`]'s job.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::words::Common;

// assumptions.rs, error.rs and optimize.rs still import these from here; they move to
// `crate::fmt` when those files are next edited, and this line goes.
pub use crate::fmt::{fmt_dong, fmt_int, fmt_num};

/// An amount of money in Vietnamese đồng. Never a float.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Money(pub i64);

/// The largest amount any field accepts: 1 triệu tỷ đồng (10^15 đ), about 40 times
/// Vietnam's whole state budget, so sums over years and lines never overflow `i64`.
pub const MAX_MONEY: Money = Money(1_000_000_000_000_000);

/// One triệu (million) đồng.
pub const TRIEU: i64 = 1_000_000;
/// One tỷ (billion) đồng.
pub const TY: i64 = 1_000_000_000;

impl Money {
    /// Zero đồng.
    pub const ZERO: Money = Money(0);

    /// Amount in đồng as `f64` (for rates and ratios; never for storing money).
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }

    /// Builds an amount from tỷ đồng, rounding to the nearest đồng; `None` when not finite
    /// or out of range.
    pub fn from_ty(ty: f64) -> Option<Money> {
        Money::from_f64(ty * TY as f64)
    }

    /// Rounds a float amount of đồng to the nearest đồng; `None` when not finite or
    /// outside ±[`MAX_MONEY`].
    pub fn from_f64(dong: f64) -> Option<Money> {
        if !dong.is_finite() || dong.abs() > MAX_MONEY.0 as f64 {
            return None;
        }
        Some(Money(libm::round(dong) as i64))
    }

    /// Sum that saturates instead of overflowing.
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// Difference that saturates instead of overflowing.
    pub fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Money::saturating_add)
    }
}

/// Why a typed amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyParseError {
    /// Nothing was typed.
    #[error("enter an amount")]
    Empty,
    /// The text is not a number.
    #[error("not a number: {0}")]
    NotANumber(String),
    /// A negative amount.
    #[error("the amount cannot be negative")]
    Negative,
    /// Above [`MAX_MONEY`].
    #[error("the amount is too large (at most 1,000,000 billion VND)")]
    TooLarge,
}

impl MoneyParseError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MoneyParseError::Empty => Common::MoneyEmpty.get(lang).to_string(),
            MoneyParseError::NotANumber(s) => Common::MoneyNotANumber.fill(lang, &[&clip(s)]),
            MoneyParseError::Negative => Common::MoneyNegative.get(lang).to_string(),
            MoneyParseError::TooLarge => Common::MoneyTooLarge.get(lang).to_string(),
        }
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        out.push('…');
    }
    out
}

/// Reads an amount typed by a person. Accepts plain digits ("1250000"), grouped digits in
/// the language's style ("1.250.000" / "1,250,000"), spaces, a currency mark (đ, đồng, VND,
/// ₫) and a scale word with decimals ("9,4 tỷ", "350 triệu", "1.5 billion", "2 tr").
pub fn parse_money(input: &str, lang: Lang) -> Result<Money, MoneyParseError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(MoneyParseError::Empty);
    }
    let lower = raw.to_lowercase();
    let mut s = lower.as_str();
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = true;
        s = rest.trim_start();
    }
    // Strip a currency mark at the end or the start.
    for mark in ["đồng", "dong", "vnđ", "vnd", "đ", "₫"] {
        if let Some(rest) = s.strip_suffix(mark) {
            s = rest.trim_end();
            break;
        }
    }
    for mark in ["vnđ", "vnd", "₫"] {
        if let Some(rest) = s.strip_prefix(mark) {
            s = rest.trim_start();
            break;
        }
    }
    let scales: [(&str, i64); 10] = [
        ("nghìn tỷ", 1_000 * TY),
        ("ngàn tỷ", 1_000 * TY),
        ("tỷ", TY),
        ("ty", TY),
        ("billion", TY),
        ("bn", TY),
        ("triệu", TRIEU),
        ("million", TRIEU),
        ("tr", TRIEU),
        ("nghìn", 1_000),
    ];
    let mut scale = 1i64;
    for (word, factor) in scales {
        if let Some(rest) = s.strip_suffix(word) {
            scale = factor;
            s = rest.trim_end();
            break;
        }
    }
    if s.is_empty() {
        return Err(MoneyParseError::NotANumber(raw.to_string()));
    }
    let (group, decimal) = (crate::fmt::group_sep(lang), crate::fmt::decimal_mark(lang));
    let mut int_digits = String::new();
    let mut frac_digits = String::new();
    let mut seen_decimal = false;
    for ch in s.chars() {
        if ch.is_ascii_digit() {
            if seen_decimal {
                frac_digits.push(ch);
            } else {
                int_digits.push(ch);
            }
        } else if ch == group || ch == ' ' || ch == '\u{a0}' || ch == '\u{202f}' {
            if seen_decimal {
                return Err(MoneyParseError::NotANumber(raw.to_string()));
            }
        } else if ch == decimal && !seen_decimal {
            seen_decimal = true;
        } else {
            return Err(MoneyParseError::NotANumber(raw.to_string()));
        }
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(MoneyParseError::NotANumber(raw.to_string()));
    }
    if negative {
        return Err(MoneyParseError::Negative);
    }
    let int_digits = int_digits.trim_start_matches('0');
    if int_digits.len() > 18 {
        return Err(MoneyParseError::TooLarge);
    }
    let int_value: i128 = if int_digits.is_empty() {
        0
    } else {
        int_digits
            .parse::<i128>()
            .map_err(|_| MoneyParseError::NotANumber(raw.to_string()))?
    };
    let mut total: i128 = int_value * i128::from(scale);
    // Decimals below one đồng are dropped (rounded half up).
    let mut place = i128::from(scale);
    let mut round_up = false;
    for (i, d) in frac_digits.chars().enumerate() {
        let digit = i128::from(d.to_digit(10).unwrap_or(0));
        if place >= 10 {
            place /= 10;
            total += digit * place;
        } else {
            if i < frac_digits.len() && digit >= 5 {
                round_up = true;
            }
            break;
        }
    }
    if round_up {
        total += 1;
    }
    if total > i128::from(MAX_MONEY.0) {
        return Err(MoneyParseError::TooLarge);
    }
    Ok(Money(total as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        let vi = Lang::Vi;
        assert_eq!(parse_money("1.250.000", vi), Ok(Money(1_250_000)));
        assert_eq!(parse_money(" 1250000 đ ", vi), Ok(Money(1_250_000)));
        assert_eq!(parse_money("9,4 tỷ", vi), Ok(Money(9_400_000_000)));
        assert_eq!(parse_money("9,4 tỷ đồng", vi), Ok(Money(9_400_000_000)));
        assert_eq!(parse_money("350 triệu", vi), Ok(Money(350_000_000)));
        assert_eq!(parse_money("2 tr", vi), Ok(Money(2_000_000)));
        assert_eq!(parse_money("1,5", vi), Ok(Money(2)));
        assert_eq!(parse_money("1,25 nghìn tỷ", vi), Ok(Money(1_250 * TY)));
        assert_eq!(parse_money("1,250,000", Lang::En), Ok(Money(1_250_000)));
        assert_eq!(
            parse_money("1.5 billion", Lang::En),
            Ok(Money(1_500_000_000))
        );
        assert_eq!(parse_money("", vi), Err(MoneyParseError::Empty));
        assert_eq!(parse_money("   ", vi), Err(MoneyParseError::Empty));
        assert_eq!(parse_money("-5", vi), Err(MoneyParseError::Negative));
        assert!(matches!(
            parse_money("abc", vi),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert!(matches!(
            parse_money("1,2,3", vi),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert!(matches!(
            parse_money("tỷ", vi),
            Err(MoneyParseError::NotANumber(_))
        ));
        assert_eq!(
            parse_money("99999999999999999999999", vi),
            Err(MoneyParseError::TooLarge)
        );
        assert_eq!(
            parse_money("2000000 tỷ", vi),
            Err(MoneyParseError::TooLarge)
        );
    }

    #[test]
    fn error_messages_speak_both_languages() {
        let e = MoneyParseError::NotANumber("abc".into());
        assert!(e.message(Lang::Vi).contains("không phải là số tiền"));
        assert!(e.message(Lang::En).contains("is not an amount"));
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = parse_money(&s, Lang::Vi);
            let _ = parse_money(&s, Lang::En);
        }
    }
}
