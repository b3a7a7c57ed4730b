//! Numbers as the page writes them, in the user's language.

use model::money::{fmt_dec, fmt_int, fmt_num};
use model::{Lang, Money};

/// A share 0–1 as a percentage with one decimal: "26,1 %" / "26.1 %".
pub fn pct(share: f64, lang: Lang) -> String {
    format!("{} %", fmt_dec(share * 100.0, 1, lang))
}

/// A count of people: "1.234.567".
pub fn count(n: u64, lang: Lang) -> String {
    fmt_int(n.min(i64::MAX as u64) as i64, lang)
}

/// A count that comes from a model as a float, rounded: "1.234".
pub fn count_f(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    fmt_int(x.round() as i64, lang)
}

/// Deaths (fractional expected values): no decimals from 100 up, one from 1, two below.
pub fn deaths(x: f64, lang: Lang) -> String {
    if x.abs() >= 100.0 {
        fmt_dec(x, 0, lang)
    } else if x.abs() >= 1.0 {
        fmt_num(x, 1, lang)
    } else {
        fmt_num(x, 2, lang)
    }
}

/// A rate per 100.000 with two decimals: "7,26".
pub fn rate(x: f64, lang: Lang) -> String {
    fmt_dec(x, 2, lang)
}

/// Money in the unit a planner says aloud: "9,4 tỷ đồng".
pub fn money(m: Money, lang: Lang) -> String {
    model::fmt_money_short(m, lang)
}

/// Money as an optional figure ("—" when there is none).
pub fn money_opt(m: Option<Money>, lang: Lang) -> String {
    m.map(|m| money(m, lang)).unwrap_or_else(|| "—".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_vietnamese_style() {
        assert_eq!(pct(0.2606, Lang::Vi), "26,1 %");
        assert_eq!(pct(0.2606, Lang::En), "26.1 %");
        assert_eq!(count(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(deaths(123.44, Lang::Vi), "123");
        assert_eq!(deaths(12.34, Lang::Vi), "12,3");
        assert_eq!(deaths(0.046, Lang::Vi), "0,05");
        assert_eq!(rate(7.258, Lang::Vi), "7,26");
        assert_eq!(money(Money(9_400_000_000), Lang::Vi), "9,4 tỷ đồng");
    }
}

/// Reads a plain number typed in the user's style ("7,26", "1.250", "19.2" in English).
/// Percent signs and spaces are ignored. `None` when it is not a finite number.
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    let t: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let normal = match lang {
        Lang::Vi => t.replace('.', "").replace(',', "."),
        Lang::En => t.replace(',', ""),
    };
    if normal.is_empty() || normal.len() > 40 {
        return None;
    }
    normal.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn reads_numbers_in_each_style() {
        assert_eq!(parse_number("7,26", Lang::Vi), Some(7.26));
        assert_eq!(parse_number("1.250", Lang::Vi), Some(1250.0));
        assert_eq!(parse_number("19,2 %", Lang::Vi), Some(19.2));
        assert_eq!(parse_number("-1", Lang::Vi), Some(-1.0));
        assert_eq!(parse_number("1,250.5", Lang::En), Some(1250.5));
        assert_eq!(parse_number("abc", Lang::Vi), None);
        assert_eq!(parse_number("", Lang::Vi), None);
        assert_eq!(parse_number("inf", Lang::En), None);
    }
}
