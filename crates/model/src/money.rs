//! Money in integer đồng, and numbers written the way Vietnamese planners write them.
//!
//! Vietnamese style groups thousands with a dot and writes decimals with a comma
//! (1.250.000 đ; 9,4 tỷ đồng — Thông tư 32/2011/TT-BTC Điều 6, SOURCES.md 7.1).
//! English style uses the comma for grouping and the dot for decimals.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

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

/// Groups the digits of an integer: `1250000` → "1.250.000" (vi) or "1,250,000" (en).
pub fn fmt_int(n: i64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    let first = digits.len() % 3;
    for (i, ch) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Writes a number with a fixed count of decimals, grouped: `9.4` → "9,4" (vi) / "9.4" (en).
/// Non-finite values are written as "—".
pub fn fmt_dec(x: f64, decimals: u32, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let scale = libm::pow(10.0, f64::from(decimals.min(6)));
    let scaled = libm::round(x.abs() * scale);
    if scaled > 9.0e15 {
        return "—".to_string();
    }
    let scaled = scaled as u64;
    let scale_u = scale as u64;
    let int_part = (scaled / scale_u) as i64;
    let frac = scaled % scale_u;
    let mut out = String::new();
    if x < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&fmt_int(int_part, lang));
    if decimals > 0 {
        out.push(match lang {
            Lang::Vi => ',',
            Lang::En => '.',
        });
        out.push_str(&format!(
            "{:0width$}",
            frac,
            width = decimals.min(6) as usize
        ));
    }
    out
}

/// Writes a number with up to `max_decimals` decimals, dropping trailing zeros:
/// `9.40` → "9,4", `350.0` → "350".
pub fn fmt_num(x: f64, max_decimals: u32, lang: Lang) -> String {
    let s = fmt_dec(x, max_decimals, lang);
    let dec = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    if max_decimals == 0 || !s.contains(dec) {
        return s;
    }
    let trimmed = s.trim_end_matches('0');
    trimmed.trim_end_matches(dec).to_string()
}

/// Full amount with the currency: "1.250.000 đ" (vi) / "1,250,000 VND" (en).
pub fn fmt_dong(m: Money, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} đ", fmt_int(m.0, lang)),
        Lang::En => format!("{} VND", fmt_int(m.0, lang)),
    }
}

/// Amount in the unit a planner would say aloud: "9,4 tỷ đồng", "350 triệu đồng",
/// "65.217 đồng" (vi); "9.4 billion VND", "350 million VND" (en).
pub fn fmt_money_short(m: Money, lang: Lang) -> String {
    let a = m.0.unsigned_abs();
    let (value, unit_vi, unit_en) = if a >= TY as u64 {
        (m.0 as f64 / TY as f64, "tỷ đồng", "billion VND")
    } else if a >= TRIEU as u64 {
        (m.0 as f64 / TRIEU as f64, "triệu đồng", "million VND")
    } else {
        return match lang {
            Lang::Vi => format!("{} đồng", fmt_int(m.0, lang)),
            Lang::En => format!("{} VND", fmt_int(m.0, lang)),
        };
    };
    // Three significant figures at most, never fewer than the integer part.
    let decimals = if value.abs() >= 100.0 {
        0
    } else if value.abs() >= 10.0 {
        1
    } else {
        2
    };
    let unit = match lang {
        Lang::Vi => unit_vi,
        Lang::En => unit_en,
    };
    format!("{} {}", fmt_num(value, decimals, lang), unit)
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
        match (self, lang) {
            (MoneyParseError::Empty, Lang::Vi) => "Hãy nhập số tiền (đồng).".into(),
            (MoneyParseError::Empty, Lang::En) => "Enter an amount (VND).".into(),
            (MoneyParseError::NotANumber(s), Lang::Vi) => {
                format!(
                    "“{}” không phải là số tiền. Ví dụ: 1.250.000 hoặc 9,4 tỷ.",
                    clip(s)
                )
            }
            (MoneyParseError::NotANumber(s), Lang::En) => format!(
                "“{}” is not an amount. For example: 1,250,000 or 9.4 billion.",
                clip(s)
            ),
            (MoneyParseError::Negative, Lang::Vi) => "Số tiền không được âm.".into(),
            (MoneyParseError::Negative, Lang::En) => "The amount cannot be negative.".into(),
            (MoneyParseError::TooLarge, Lang::Vi) => {
                "Số tiền quá lớn (tối đa 1.000.000 tỷ đồng).".into()
            }
            (MoneyParseError::TooLarge, Lang::En) => {
                "The amount is too large (at most 1,000,000 billion VND).".into()
            }
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
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
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
    fn groups_thousands_in_each_language() {
        assert_eq!(fmt_int(1_250_000, Lang::Vi), "1.250.000");
        assert_eq!(fmt_int(1_250_000, Lang::En), "1,250,000");
        assert_eq!(fmt_int(999, Lang::Vi), "999");
        assert_eq!(fmt_int(1_000, Lang::Vi), "1.000");
        assert_eq!(fmt_int(-12_345, Lang::Vi), "-12.345");
        assert_eq!(fmt_int(0, Lang::En), "0");
        assert_eq!(fmt_int(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn writes_money_as_planners_do() {
        assert_eq!(fmt_dong(Money(1_250_000), Lang::Vi), "1.250.000 đ");
        assert_eq!(
            fmt_money_short(Money(9_400_000_000), Lang::Vi),
            "9,4 tỷ đồng"
        );
        assert_eq!(
            fmt_money_short(Money(9_400_000_000), Lang::En),
            "9.4 billion VND"
        );
        assert_eq!(fmt_money_short(Money(350 * TY), Lang::Vi), "350 tỷ đồng");
        assert_eq!(
            fmt_money_short(Money(1_764_500 * TRIEU), Lang::Vi),
            "1.765 tỷ đồng"
        );
        assert_eq!(
            fmt_money_short(Money(100 * TRIEU), Lang::Vi),
            "100 triệu đồng"
        );
        assert_eq!(fmt_money_short(Money(65_217), Lang::Vi), "65.217 đồng");
        assert_eq!(fmt_dec(99.14, 1, Lang::Vi), "99,1");
        assert_eq!(fmt_dec(-0.04, 1, Lang::Vi), "0,0");
        assert_eq!(fmt_dec(f64::NAN, 1, Lang::Vi), "—");
    }

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

        #[test]
        fn formatted_amounts_read_back(n in 0i64..=MAX_MONEY.0) {
            for lang in [Lang::Vi, Lang::En] {
                proptest::prop_assert_eq!(parse_money(&fmt_dong(Money(n), lang), lang), Ok(Money(n)));
            }
        }
    }
}
