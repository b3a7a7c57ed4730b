//! Money in integer đồng, and amounts read the way planners type them. Writing amounts
//! (and every other number) is [`crate::fmt`]'s job.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::words::{Common, Office};

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
    /// Units out of order or repeated ("500 triệu 2 tỷ").
    #[error("units out of order: {0}")]
    UnitOrder(String),
    /// The text reads two ways ("1.250 tỷ": 1.250 tỷ or 1,25 tỷ?): the person is asked,
    /// never guessed for.
    #[error("ambiguous: {text}")]
    Ambiguous {
        /// What was typed.
        text: String,
        /// The two readings, the language's own habit first.
        options: [Money; 2],
    },
}

impl MoneyParseError {
    /// The message for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MoneyParseError::Empty => Common::MoneyEmpty.get(lang).to_string(),
            MoneyParseError::NotANumber(s) => Common::MoneyNotANumber.fill(lang, &[&clip(s)]),
            MoneyParseError::Negative => Common::MoneyNegative.get(lang).to_string(),
            MoneyParseError::TooLarge => Common::MoneyTooLarge.get(lang).to_string(),
            MoneyParseError::UnitOrder(s) => Office::MoneyUnitOrder.fill(lang, &[&clip(s)]),
            MoneyParseError::Ambiguous { text, options } => Office::MoneyAmbiguous.fill(
                lang,
                &[
                    &clip(text),
                    &crate::fmt::money(options[0], lang),
                    &crate::fmt::money(options[1], lang),
                ],
            ),
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

/// A mark read against the language's habit (the field then says how it read it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swapped {
    /// This mark was read as the decimal mark ("45.5 tỷ" in Vietnamese).
    Decimal(char),
    /// This mark was read as the thousands separator ("1,250,000" in Vietnamese).
    Group(char),
}

/// A typed amount, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyReading {
    /// The amount.
    pub amount: Money,
    /// A mark read against the language's habit, if any.
    pub swapped: Option<Swapped>,
}

impl MoneyReading {
    /// How the field says it read the text: "đã hiểu là 45,5 tỷ đồng", naming the mark
    /// when it was read against the language's habit.
    pub fn note(&self, lang: Lang) -> String {
        let amount = crate::fmt::money(self.amount, lang);
        match self.swapped {
            None => Office::ReadAs.fill(lang, &[&amount]),
            Some(Swapped::Decimal(c)) => {
                Office::ReadDecimalMark.fill(lang, &[&amount, &c.to_string()])
            }
            Some(Swapped::Group(c)) => Office::ReadGroupMark.fill(lang, &[&amount, &c.to_string()]),
        }
    }
}

/// Reads an amount typed by a person. See [`read_money`] for what it accepts.
pub fn parse_money(input: &str, lang: Lang) -> Result<Money, MoneyParseError> {
    read_money(input, lang).map(|r| r.amount)
}

/// Scale words a planner types after a number, lower case, with their value in đồng.
/// Consecutive words multiply ("nghìn tỷ").
const SCALES: [(&str, i64); 17] = [
    ("tỷ", TY),
    ("tỉ", TY),
    ("ty", TY),
    ("ti", TY),
    ("billion", TY),
    ("bn", TY),
    ("triệu", TRIEU),
    ("trieu", TRIEU),
    ("tr", TRIEU),
    ("million", TRIEU),
    ("m", TRIEU),
    ("nghìn", 1_000),
    ("ngàn", 1_000),
    ("nghin", 1_000),
    ("ngan", 1_000),
    ("k", 1_000),
    ("thousand", 1_000),
];

/// Currency marks, at the end (or the start) of an amount.
const CURRENCY: [&str; 6] = ["đồng", "dong", "vnđ", "vnd", "đ", "₫"];

/// A piece of typed text: a number or a word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Num(String),
    Word(String),
}

/// Splits on spaces and between digits and letters ("500k" → 500, k); digits separated by
/// a space are one number when the later group has three digits ("1 250 000").
fn tokens(s: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let is_space = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}';
    for chunk in s.split(is_space).filter(|c| !c.is_empty()) {
        let mut cur = String::new();
        let mut cur_num: Option<bool> = None;
        for ch in chunk.chars() {
            let num = ch.is_ascii_digit() || ch == '.' || ch == ',';
            if cur_num.is_some_and(|n| n != num) {
                out.push(if cur_num == Some(true) {
                    Token::Num(std::mem::take(&mut cur))
                } else {
                    Token::Word(std::mem::take(&mut cur))
                });
            }
            cur_num = Some(num);
            cur.push(ch);
        }
        if !cur.is_empty() {
            let tok = if cur_num == Some(true) {
                Token::Num(cur)
            } else {
                Token::Word(cur)
            };
            // "1 250 000": a three-digit group after a number joins it.
            match (out.last_mut(), &tok) {
                (Some(Token::Num(prev)), Token::Num(next))
                    if next.len() == 3
                        && next.chars().all(|c| c.is_ascii_digit())
                        && prev.ends_with(|c: char| c.is_ascii_digit()) =>
                {
                    prev.push(' ');
                    prev.push_str(next);
                }
                _ => out.push(tok),
            }
        }
    }
    out
}

/// A number read: its integer and fraction digits.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Digits {
    int: String,
    frac: String,
}

/// How a number's text reads: once, or two ways (the language's habit first).
#[derive(Debug, Clone, PartialEq, Eq)]
enum NumRead {
    One(Digits, Option<Swapped>),
    Two(Digits, Digits),
}

/// Digits grouped by `mark` in threes ("1.250.000"): the digits, or `None` when the groups
/// are not threes.
fn grouped(s: &str, mark: char) -> Option<String> {
    let parts: Vec<&str> = s.split(mark).collect();
    let first_ok = parts
        .first()
        .is_some_and(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let rest_ok = parts[1..]
        .iter()
        .all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()));
    (first_ok && rest_ok).then(|| parts.concat())
}

fn digits_only(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit())
}

/// Reads one number. `unit`: a scale word follows, so a decimal reading is plausible.
fn read_number(raw: &str, unit: bool, lang: Lang) -> Option<NumRead> {
    let s: String = raw.chars().filter(|c| *c != ' ').collect();
    if s.is_empty() || !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let decimal = crate::fmt::decimal_mark(lang);
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let whole = |int: &str| Digits {
        int: int.to_string(),
        frac: String::new(),
    };
    if raw.contains(' ') && dots + commas > 0 {
        // Spaces group the thousands ("1 250 000"); a mark may only be the decimal one.
        let (int, frac) = s.rsplit_once(['.', ','])?;
        let mark = if dots > 0 { '.' } else { ',' };
        if dots + commas > 1 || !digits_only(int) || !digits_only(frac) {
            return None;
        }
        let swapped = (mark != decimal).then_some(Swapped::Decimal(mark));
        return Some(NumRead::One(
            Digits {
                int: int.to_string(),
                frac: frac.to_string(),
            },
            swapped,
        ));
    }
    match (dots, commas) {
        (0, 0) => digits_only(&s).then(|| NumRead::One(whole(&s), None)),
        (d, c) if d > 0 && c > 0 => {
            // Both marks: the last one is the decimal mark and appears once.
            let last = s.chars().rev().find(|c| *c == '.' || *c == ',')?;
            let group = if last == '.' { ',' } else { '.' };
            if s.matches(last).count() != 1 {
                return None;
            }
            let (int, frac) = s.rsplit_once(last)?;
            let int = grouped(int, group)?;
            if !digits_only(frac) {
                return None;
            }
            let swapped = (last != decimal).then_some(Swapped::Decimal(last));
            Some(NumRead::One(
                Digits {
                    int,
                    frac: frac.to_string(),
                },
                swapped,
            ))
        }
        (d, c) if d + c >= 2 => {
            // One mark, several times: thousands ("1.250.000", "1,250,000").
            let mark = if d > 0 { '.' } else { ',' };
            let int = grouped(&s, mark)?;
            let swapped = (mark == decimal).then_some(Swapped::Group(mark));
            Some(NumRead::One(whole(&int), swapped))
        }
        _ => {
            // One mark, once.
            let mark = if dots == 1 { '.' } else { ',' };
            let (int, frac) = s.split_once(mark)?;
            if !digits_only(int) || !digits_only(frac) || (int.is_empty() && frac.is_empty()) {
                return None;
            }
            let as_decimal = Digits {
                int: int.to_string(),
                frac: frac.to_string(),
            };
            let decimal_swap = (mark != decimal).then_some(Swapped::Decimal(mark));
            if frac.len() != 3 || int.is_empty() || int.len() > 3 {
                // A dot or comma followed by other than three digits is a decimal mark.
                return Some(NumRead::One(as_decimal, decimal_swap));
            }
            let as_group = whole(&format!("{int}{frac}"));
            let group_swap = (mark == decimal).then_some(Swapped::Group(mark));
            if !unit {
                // Plain đồng have no decimals: three digits after the mark are thousands.
                return Some(NumRead::One(as_group, group_swap));
            }
            if frac == "000" {
                // "2.000 tỷ": nobody writes a whole number with three zero decimals, so the
                // mark groups thousands (2 000 tỷ), in either language.
                return Some(NumRead::One(as_group, group_swap));
            }
            // "1.250 tỷ" / "1,250 tỷ": thousands or a decimal — ask, the habit first.
            Some(if mark == decimal {
                NumRead::Two(as_decimal, as_group)
            } else {
                NumRead::Two(as_group, as_decimal)
            })
        }
    }
}

/// `d` × `scale` in đồng, rounding below one đồng half up; `None` when far too large.
fn scaled(d: &Digits, scale: i64) -> Option<i128> {
    let int = d.int.trim_start_matches('0');
    if int.len() > 18 {
        return None;
    }
    let int_value: i128 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut total = int_value.checked_mul(i128::from(scale))?;
    let mut place = i128::from(scale);
    for ch in d.frac.chars() {
        let digit = i128::from(ch.to_digit(10)?);
        if place >= 10 {
            place /= 10;
            total += digit * place;
        } else {
            if digit >= 5 {
                total += 1;
            }
            break;
        }
    }
    Some(total)
}

/// Reads an amount typed by a person, and says how it read it. Accepts:
/// - digits, grouped the language's way or the other ("1.250.000", "1,250,000",
///   "1 250 000"), with a currency mark (đ, đồng, VND, ₫);
/// - a scale word with decimals: "9,4 tỷ", "45.5 tỷ" (a dot followed by fewer than three
///   digits is a decimal mark, whatever the language), "45 tỉ", "450 tr", "1,2 triệu",
///   "500k", "500 nghìn/ngàn", "1.5 billion", "1,25 nghìn tỷ";
/// - several amounts from large units to small: "45 tỷ 500 triệu".
///
/// What reads two ways is refused with [`MoneyParseError::Ambiguous`] and both readings:
/// "1.250 tỷ" (1.250 tỷ or 1,25 tỷ?), "45 tỷ 500" (45 tỷ 500 triệu or 45 tỷ 500 đồng?).
pub fn read_money(input: &str, lang: Lang) -> Result<MoneyReading, MoneyParseError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(MoneyParseError::Empty);
    }
    let not_a_number = || MoneyParseError::NotANumber(raw.to_string());
    let lower = crate::fmt::lower(raw);
    let mut s = lower.as_str();
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = true;
        s = rest.trim_start();
    }
    for mark in CURRENCY {
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
    let toks = tokens(s);
    // Groups of a number and its scale (the product of the words after it).
    let mut groups: Vec<(String, Option<i64>)> = Vec::new();
    for t in toks {
        match t {
            Token::Num(n) => groups.push((n, None)),
            Token::Word(w) => {
                let factor = SCALES
                    .iter()
                    .find(|(word, _)| *word == w)
                    .map(|(_, f)| *f)
                    .ok_or_else(not_a_number)?;
                let Some((_, scale)) = groups.last_mut() else {
                    return Err(not_a_number());
                };
                *scale = match *scale {
                    None => Some(factor),
                    // Only "nghìn tỷ" (a thousand billion) takes two words.
                    Some(1_000) if factor == TY => Some(1_000 * TY),
                    Some(_) => return Err(MoneyParseError::UnitOrder(raw.into())),
                };
            }
        }
    }
    if groups.is_empty() {
        return Err(not_a_number());
    }
    // Units from large to small, each once; only the last number may go without one.
    for pair in groups.windows(2) {
        match (pair[0].1, pair[1].1) {
            (Some(a), Some(b)) if b >= a => return Err(MoneyParseError::UnitOrder(raw.into())),
            (None, _) => return Err(not_a_number()),
            _ => {}
        }
    }
    let n = groups.len();
    let mut first = 0i128;
    let mut second = 0i128;
    let mut ambiguous = false;
    let mut swapped = None;
    for (i, (text, scale)) in groups.iter().enumerate() {
        let read = read_number(text, scale.is_some(), lang).ok_or_else(not_a_number)?;
        match (scale, read) {
            (Some(sc), NumRead::One(d, sw)) => {
                let v = scaled(&d, *sc).ok_or(MoneyParseError::TooLarge)?;
                first += v;
                second += v;
                swapped = swapped.or(sw);
            }
            (Some(sc), NumRead::Two(a, b)) => {
                first += scaled(&a, *sc).ok_or(MoneyParseError::TooLarge)?;
                second += scaled(&b, *sc).ok_or(MoneyParseError::TooLarge)?;
                ambiguous = true;
            }
            (None, NumRead::One(d, sw)) if i > 0 && i + 1 == n => {
                // "45 tỷ 500": 500 of the next unit down (as said aloud) or 500 đồng.
                let above = groups[i - 1].1.unwrap_or(1);
                let below = SCALES
                    .iter()
                    .map(|(_, f)| *f)
                    .filter(|f| *f < above)
                    .max()
                    .unwrap_or(1);
                if !d.frac.is_empty() || d.int.len() > 3 {
                    return Err(not_a_number());
                }
                // "1 tỷ 2" says 1 tỷ 200 triệu: the digits fill the next unit from the left.
                let fill = 10i64.pow(3 - d.int.len() as u32);
                let spoken =
                    scaled(&d, below.saturating_mul(fill)).ok_or(MoneyParseError::TooLarge)?;
                let literal = scaled(&d, 1).ok_or(MoneyParseError::TooLarge)?;
                first += spoken;
                second += literal;
                ambiguous = true;
                swapped = swapped.or(sw);
            }
            (None, NumRead::One(d, sw)) => {
                let v = scaled(&d, 1).ok_or(MoneyParseError::TooLarge)?;
                first += v;
                second += v;
                swapped = swapped.or(sw);
            }
            (None, NumRead::Two(..)) => return Err(not_a_number()),
        }
    }
    if negative {
        return Err(MoneyParseError::Negative);
    }
    let max = i128::from(MAX_MONEY.0);
    if ambiguous && first != second {
        if first > max || second > max {
            // Only one reading fits: it is the one meant.
            let only = if first > max { second } else { first };
            if only > max {
                return Err(MoneyParseError::TooLarge);
            }
            return Ok(MoneyReading {
                amount: Money(only as i64),
                swapped,
            });
        }
        return Err(MoneyParseError::Ambiguous {
            text: raw.to_string(),
            options: [Money(first as i64), Money(second as i64)],
        });
    }
    if first > max {
        return Err(MoneyParseError::TooLarge);
    }
    Ok(MoneyReading {
        amount: Money(first as i64),
        swapped,
    })
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

    /// Reads in Vietnamese: the amount and whether a mark was read against the habit.
    fn vi(s: &str) -> Result<MoneyReading, MoneyParseError> {
        read_money(s, Lang::Vi)
    }

    #[test]
    fn reads_money_as_planners_type_it() {
        let ok = |s: &str, dong: i64| {
            let r = vi(s).expect(s);
            assert_eq!(r.amount, Money(dong), "{s}");
            r
        };
        // The Vietnamese way.
        assert_eq!(ok("45,5 tỷ", 45_500_000_000).swapped, None);
        // The English way: a dot followed by fewer than three digits is a decimal mark.
        let r = ok("45.5 tỷ", 45_500_000_000);
        assert_eq!(r.swapped, Some(Swapped::Decimal('.')));
        assert_eq!(
            r.note(Lang::Vi),
            "đã hiểu dấu “.” là dấu thập phân: 45,5 tỷ đồng"
        );
        assert_eq!(
            ok("45,5 tỷ", 45_500_000_000).note(Lang::Vi),
            "đã hiểu là 45,5 tỷ đồng"
        );
        ok("0.25 tỷ", 250_000_000);
        ok("45.5tỷ", 45_500_000_000);
        // Spellings of the units.
        ok("45 tỉ", 45_000_000_000);
        ok("45 TỶ", 45_000_000_000);
        ok("45 ty", 45_000_000_000);
        ok("45 tỷ 500 triệu", 45_500_000_000);
        ok("45 tỷ 500 triệu đồng", 45_500_000_000);
        ok("1 tỷ 250 triệu 500 nghìn", 1_250_500_000);
        ok("450 tr", 450_000_000);
        ok("450tr", 450_000_000);
        ok("1,2 triệu", 1_200_000);
        ok("500k", 500_000);
        ok("500 K", 500_000);
        ok("500 nghìn", 500_000);
        ok("500 ngàn", 500_000);
        ok("500 ngàn đồng", 500_000);
        ok("1,25 nghìn tỷ", 1_250 * TY);
        ok("1 250 000", 1_250_000);
        ok("1 250 000 đ", 1_250_000);
        ok("1.250.000,5", 1_250_001);
        // Digits grouped the English way are read, and said so.
        let r = ok("1,250,000", 1_250_000);
        assert_eq!(r.swapped, Some(Swapped::Group(',')));
        assert_eq!(
            r.note(Lang::Vi),
            "đã hiểu dấu “,” là dấu phân cách hàng nghìn: 1,25 triệu đồng"
        );
        ok("1,250.5 triệu", 1_250_500_000);
        // Plain đồng have no decimals: three digits after one mark are thousands.
        ok("1.250", 1_250);
        assert_eq!(ok("1,250", 1_250).swapped, Some(Swapped::Group(',')));
        // English.
        let en = |s: &str| read_money(s, Lang::En).map(|r| r.amount);
        assert_eq!(en("45.5 billion"), Ok(Money(45_500_000_000)));
        assert_eq!(en("45,5 tỷ"), Ok(Money(45_500_000_000)));
        assert_eq!(en("2.5m"), Ok(Money(2_500_000)));
        assert_eq!(en("1,250,000 VND"), Ok(Money(1_250_000)));
        assert_eq!(
            read_money("45,5 tỷ", Lang::En).map(|r| r.note(Lang::En)),
            Ok("read “,” as the decimal mark: 45.5 billion VND".to_string())
        );
    }

    #[test]
    fn three_zero_decimals_are_thousands() {
        let vi = |s: &str| read_money(s, Lang::Vi).map(|r| r.amount);
        let en = |s: &str| read_money(s, Lang::En).map(|r| r.amount);
        assert_eq!(vi("2.000 tỷ"), Ok(Money(2_000 * TY)));
        assert_eq!(vi("9.000 tỷ"), Ok(Money(9_000 * TY)));
        assert_eq!(en("2,000 billion"), Ok(Money(2_000 * TY)));
        assert_eq!(en("2.000 tỷ"), Ok(Money(2_000 * TY)));
        // One digit other than zero and it reads two ways again.
        assert!(matches!(
            read_money("2.001 tỷ", Lang::Vi),
            Err(MoneyParseError::Ambiguous { .. })
        ));
    }

    #[test]
    fn what_reads_two_ways_is_asked() {
        let asked = |s: &str, lang: Lang| match read_money(s, lang) {
            Err(MoneyParseError::Ambiguous { options, .. }) => options,
            other => unreachable!("{s} is not asked: {other:?}"),
        };
        // The language's habit first.
        assert_eq!(
            asked("1.250 tỷ", Lang::Vi),
            [Money(1_250 * TY), Money(1_250_000_000)]
        );
        assert_eq!(
            asked("1,250 tỷ", Lang::Vi),
            [Money(1_250_000_000), Money(1_250 * TY)]
        );
        assert_eq!(
            asked("1.250 billion", Lang::En),
            [Money(1_250_000_000), Money(1_250 * TY)]
        );
        assert_eq!(
            asked("45.500 triệu", Lang::Vi),
            [Money(45_500_000_000), Money(45_500_000)]
        );
        // A bare number after a unit: the spoken way (45 tỷ 500 triệu) or đồng.
        assert_eq!(
            asked("45 tỷ 500", Lang::Vi),
            [Money(45_500_000_000), Money(45_000_000_500)]
        );
        assert_eq!(
            asked("1 tỷ 2", Lang::Vi),
            [Money(1_200_000_000), Money(1_000_000_002)]
        );
        let e = read_money("1.250 tỷ", Lang::Vi).expect_err("asked");
        assert_eq!(
            e.message(Lang::Vi),
            "“1.250 tỷ” có thể là 1.250 tỷ đồng hoặc 1,25 tỷ đồng. Bạn muốn số nào?"
        );
        assert!(e.message(Lang::En).contains("Which one"));
        // Only one reading fits under the largest amount: no question.
        assert_eq!(
            parse_money("999.999 nghìn tỷ", Lang::Vi),
            Ok(Money(999_999 * TY))
        );
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        let e = |s: &str| vi(s).expect_err(s);
        assert!(matches!(e("45 tỷ tỷ"), MoneyParseError::UnitOrder(_)));
        assert!(matches!(e("500 triệu 2 tỷ"), MoneyParseError::UnitOrder(_)));
        assert!(matches!(e("45 đô"), MoneyParseError::NotANumber(_)));
        assert!(matches!(e("k"), MoneyParseError::NotANumber(_)));
        assert!(matches!(e("1.2.3 tỷ"), MoneyParseError::NotANumber(_)));
        assert!(matches!(e("1 2"), MoneyParseError::NotANumber(_)));
        assert!(matches!(e("45 tỷ 5,5"), MoneyParseError::NotANumber(_)));
        assert!(matches!(e("."), MoneyParseError::NotANumber(_)));
        assert_eq!(e("-45 tỷ"), MoneyParseError::Negative);
        assert!(
            e("500 triệu 2 tỷ")
                .message(Lang::Vi)
                .contains("từ lớn đến nhỏ")
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
