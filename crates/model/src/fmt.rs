//! Numbers as kehoach writes them, in the user's language: the one home of every number,
//! money, share, count, deaths and rate formatter the app, the CLI and the exports use.
//!
//! Vietnamese style groups thousands with a dot and writes decimals with a comma
//! (1.250.000 đ; 9,4 tỷ đồng — Thông tư 32/2011/TT-BTC Điều 6, SOURCES.md 7.1).
//! English style uses the comma for grouping and the dot for decimals. A value that cannot
//! be written (not finite, or no value at all) is [`NONE`].
//!
//! The functions build their text with `push_str` rather than `format!`: they run on every
//! slider move and their code ships in the app's first load.

use crate::Lang;
use crate::money::{Money, TRIEU, TY};
use crate::words::Common;

/// What is written for a value that does not exist or is not finite.
pub const NONE: &str = "—";

/// The thousands separator: "." (vi) / "," (en).
pub fn group_sep(lang: Lang) -> char {
    match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    }
}

/// The decimal mark: "," (vi) / "." (en).
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

/// Groups the digits of an integer: `1250000` → "1.250.000" (vi) or "1,250,000" (en).
pub fn fmt_int(n: i64, lang: Lang) -> String {
    let sep = group_sep(lang);
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

/// Writes a number with a fixed count of decimals (at most 6), grouped: `9.4` → "9,4"
/// (vi) / "9.4" (en). Non-finite values are written as [`NONE`].
pub fn fmt_dec(x: f64, decimals: u32, lang: Lang) -> String {
    if !x.is_finite() {
        return NONE.to_string();
    }
    let decimals = decimals.min(6);
    let scale = libm::pow(10.0, f64::from(decimals));
    let scaled = libm::round(x.abs() * scale);
    if scaled > 9.0e15 {
        return NONE.to_string();
    }
    let scaled = scaled as u64;
    let scale_u = scale as u64;
    let int_part = (scaled / scale_u) as i64;
    let mut out = String::new();
    if x < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&fmt_int(int_part, lang));
    if decimals > 0 {
        out.push(decimal_mark(lang));
        let frac = (scaled % scale_u).to_string();
        for _ in frac.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// Writes a number with up to `max_decimals` decimals, dropping trailing zeros:
/// `9.40` → "9,4", `350.0` → "350".
pub fn fmt_num(x: f64, max_decimals: u32, lang: Lang) -> String {
    let mut s = fmt_dec(x, max_decimals, lang);
    let dec = decimal_mark(lang);
    if max_decimals > 0 && s.contains(dec) {
        s.truncate(s.trim_end_matches('0').trim_end_matches(dec).len());
    }
    s
}

/// `value` then a space and `unit`.
fn with_unit(mut value: String, unit: &str) -> String {
    value.push(' ');
    value.push_str(unit);
    value
}

/// Full amount with the currency: "1.250.000 đ" (vi) / "1,250,000 VND" (en).
pub fn fmt_dong(m: Money, lang: Lang) -> String {
    with_unit(fmt_int(m.0, lang), Common::DongSign.get(lang))
}

/// Amount in the unit a planner would say aloud: "9,4 tỷ đồng", "350 triệu đồng",
/// "65.217 đồng" (vi); "9.4 billion VND", "350 million VND" (en). Three significant
/// figures at most, never fewer than the integer part.
pub fn money(m: Money, lang: Lang) -> String {
    let a = m.0.unsigned_abs();
    // Each text is taken where it is chosen: a catalogue entry picked at run time would
    // keep the whole catalogue in the binary.
    let (value, unit) = if a >= TY as u64 {
        (m.0 as f64 / TY as f64, Common::BillionDong.get(lang))
    } else if a >= TRIEU as u64 {
        (m.0 as f64 / TRIEU as f64, Common::MillionDong.get(lang))
    } else {
        return with_unit(fmt_int(m.0, lang), Common::Dong.get(lang));
    };
    let decimals = if value.abs() >= 100.0 {
        0
    } else if value.abs() >= 10.0 {
        1
    } else {
        2
    };
    with_unit(fmt_num(value, decimals, lang), unit)
}

/// Money in triệu đồng with at most one decimal and no unit (a table headed "triệu
/// đồng"): "120.000", "1.234,5".
pub fn trieu(m: Money, lang: Lang) -> String {
    fmt_num(m.0 as f64 / TRIEU as f64, 1, lang)
}

/// [`money`], or [`NONE`] when there is no amount.
pub fn money_opt(m: Option<Money>, lang: Lang) -> String {
    m.map_or_else(|| NONE.to_string(), |m| money(m, lang))
}

/// A share 0–1 as a percentage with at most one decimal: 0.2606 → "26,1 %" (vi) /
/// "26.1 %" (en), 0.5 → "50 %"; [`NONE`] when not finite.
pub fn pct(share: f64, lang: Lang) -> String {
    if !share.is_finite() {
        return NONE.to_string();
    }
    with_unit(fmt_num(share * 100.0, 1, lang), "%")
}

/// An amount of storage: "850 B", "12 KB", "1,4 MB" (1 KB = 1 024 bytes).
pub fn bytes(n: u64, lang: Lang) -> String {
    const K: f64 = 1024.0;
    let x = n as f64;
    if n < 1024 {
        format!("{} B", count(n, lang))
    } else if x < K * K {
        format!(
            "{} KB",
            fmt_num(x / K, if x < 10.0 * K { 1 } else { 0 }, lang)
        )
    } else {
        format!("{} MB", fmt_num(x / (K * K), 1, lang))
    }
}

/// A count of people or units: "1.234.567".
pub fn count(n: u64, lang: Lang) -> String {
    fmt_int(i64::try_from(n).unwrap_or(i64::MAX), lang)
}

/// A count that a model gives as a float, rounded: "1.234"; [`NONE`] when not finite.
pub fn count_f(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return NONE.to_string();
    }
    fmt_int(libm::round(x) as i64, lang)
}

/// Deaths (expected values, fractional): no decimals from 100 up, at most one from 1,
/// at most two below.
pub fn deaths(x: f64, lang: Lang) -> String {
    let decimals = if x.abs() >= 100.0 {
        0
    } else if x.abs() >= 1.0 {
        1
    } else {
        2
    };
    fmt_num(x, decimals, lang)
}

/// A rate per 100.000 with two decimals: "7,26".
pub fn rate(x: f64, lang: Lang) -> String {
    fmt_dec(x, 2, lang)
}

/// Reads a plain number typed in the user's style ("7,26", "1.250", "19.2" in English).
/// Percent signs and spaces are ignored. `None` when it is not a finite number.
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    let group = group_sep(lang);
    let dec = decimal_mark(lang);
    let mut normal = String::with_capacity(text.len());
    for c in text.trim().trim_end_matches('%').chars() {
        if c.is_whitespace() || c == group {
            continue;
        }
        normal.push(if c == dec { '.' } else { c });
    }
    if normal.is_empty() || normal.len() > 40 {
        return None;
    }
    normal.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// `text` in lower case, for comparing what people type (money units, participants'
/// names): ASCII, Latin-1 and the Latin letters Vietnamese uses (Ă Đ Ĩ Ũ Ơ Ư and the
/// toned vowels Ạ…Ỹ), other letters unchanged. Not `str::to_lowercase`, whose Unicode-wide
/// table is 27 KB of the app's first load (12 KB gzipped, docs/perf.md).
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        // Latin Extended-A pairs (Ă, Đ, Ĩ, Ũ…): upper even, lower odd; 0139–0148 and
        // 0179–017E the other way round.
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x1A0 | 0x1AF => u + 1,
        // Latin Extended Additional (Ạ…Ỹ): upper even, lower odd.
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_agrees_with_the_standard_library_on_the_letters_people_type() {
        let typed = "45,5 TỶ 500 TRIỆU · Tỉ · NGHÌN ngàn Đ đ ĂÂÊÔƠƯ ÁÀẢÃẠ ẮẰẲẴẶ ẤẦẨẪẬ ÉÈẺẼẸ ẾỀỂỄỆ \
                     ÍÌỈĨỊ ÓÒỎÕỌ ỐỒỔỖỘ ỚỜỞỠỢ ÚÙỦŨỤ ỨỪỬỮỰ ÝỲỶỸỴ Bàn 3 — Nguyễn Thị Hạnh ÇÑÖÅ ŁŹŸ";
        assert_eq!(super::lower(typed), typed.to_lowercase());
        for u in (0u32..0x250).chain(0x1E00..0x1F00) {
            if let Some(c) = char::from_u32(u) {
                let std: String = c.to_lowercase().collect();
                if std.chars().count() == 1
                    && (c.is_ascii()
                        || "ĂÂĐÊÔƠƯ".contains(c)
                        || (0xC0..0x17F).contains(&u)
                        || (0x1EA0..0x1F00).contains(&u)
                        || u == 0x1A0
                        || u == 0x1AF)
                {
                    assert_eq!(super::lower(&c.to_string()), std, "U+{u:04X}");
                }
            }
        }
    }

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
    fn writes_decimals_in_each_language() {
        assert_eq!(fmt_dec(99.14, 1, Lang::Vi), "99,1");
        assert_eq!(fmt_dec(-0.04, 1, Lang::Vi), "0,0");
        assert_eq!(fmt_dec(f64::NAN, 1, Lang::Vi), "—");
        assert_eq!(fmt_dec(1234.5, 2, Lang::En), "1,234.50");
        assert_eq!(fmt_dec(0.05, 3, Lang::Vi), "0,050");
        assert_eq!(fmt_dec(-2.5, 0, Lang::En), "-3");
        assert_eq!(fmt_dec(1e300, 1, Lang::En), "—");
        assert_eq!(fmt_num(9.40, 2, Lang::Vi), "9,4");
        assert_eq!(fmt_num(350.0, 2, Lang::Vi), "350");
        assert_eq!(fmt_num(1000.0, 0, Lang::Vi), "1.000");
        assert_eq!(fmt_num(f64::INFINITY, 2, Lang::Vi), "—");
    }

    #[test]
    fn writes_money_as_planners_do() {
        assert_eq!(fmt_dong(Money(1_250_000), Lang::Vi), "1.250.000 đ");
        assert_eq!(fmt_dong(Money(1_250_000), Lang::En), "1,250,000 VND");
        assert_eq!(money(Money(9_400_000_000), Lang::Vi), "9,4 tỷ đồng");
        assert_eq!(money(Money(9_400_000_000), Lang::En), "9.4 billion VND");
        assert_eq!(money(Money(350 * TY), Lang::Vi), "350 tỷ đồng");
        assert_eq!(money(Money(1_764_500 * TRIEU), Lang::Vi), "1.765 tỷ đồng");
        assert_eq!(money(Money(100 * TRIEU), Lang::Vi), "100 triệu đồng");
        assert_eq!(money(Money(100 * TRIEU), Lang::En), "100 million VND");
        assert_eq!(money(Money(65_217), Lang::Vi), "65.217 đồng");
        assert_eq!(money(Money(-2 * TY), Lang::Vi), "-2 tỷ đồng");
        assert_eq!(money_opt(None, Lang::Vi), "—");
        assert_eq!(trieu(Money(120 * TY), Lang::Vi), "120.000");
        assert_eq!(trieu(Money(1_234_560_000), Lang::En), "1,234.6");
        assert_eq!(money_opt(Some(Money(0)), Lang::En), "0 VND");
    }

    #[test]
    fn writes_shares_counts_deaths_and_rates() {
        assert_eq!(pct(0.2606, Lang::Vi), "26,1 %");
        assert_eq!(pct(0.2606, Lang::En), "26.1 %");
        assert_eq!(pct(0.5, Lang::Vi), "50 %");
        assert_eq!(pct(-0.5, Lang::Vi), "-50 %");
        assert_eq!(pct(f64::NAN, Lang::Vi), "—");
        assert_eq!(count(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(count(u64::MAX, Lang::En), "9,223,372,036,854,775,807");
        assert_eq!(count_f(1233.6, Lang::Vi), "1.234");
        assert_eq!(count_f(f64::NAN, Lang::Vi), "—");
        assert_eq!(deaths(123.44, Lang::Vi), "123");
        assert_eq!(deaths(12.34, Lang::Vi), "12,3");
        assert_eq!(deaths(12.0, Lang::En), "12");
        assert_eq!(deaths(0.046, Lang::Vi), "0,05");
        assert_eq!(rate(7.258, Lang::Vi), "7,26");
        assert_eq!(rate(7.0, Lang::En), "7.00");
    }

    #[test]
    fn reads_numbers_in_each_style() {
        assert_eq!(parse_number("7,26", Lang::Vi), Some(7.26));
        assert_eq!(parse_number("1.250", Lang::Vi), Some(1250.0));
        assert_eq!(parse_number("19,2 %", Lang::Vi), Some(19.2));
        assert_eq!(parse_number("-1", Lang::Vi), Some(-1.0));
        assert_eq!(parse_number("1,250.5", Lang::En), Some(1250.5));
        assert_eq!(parse_number("1 250,5", Lang::Vi), Some(1250.5));
        assert_eq!(parse_number("abc", Lang::Vi), None);
        assert_eq!(parse_number("", Lang::Vi), None);
        assert_eq!(parse_number("inf", Lang::En), None);
        assert_eq!(parse_number("NaN", Lang::En), None);
    }

    proptest::proptest! {
        #[test]
        fn formatted_amounts_read_back(n in 0i64..=crate::money::MAX_MONEY.0) {
            for lang in [Lang::Vi, Lang::En] {
                proptest::prop_assert_eq!(
                    crate::money::parse_money(&fmt_dong(Money(n), lang), lang),
                    Ok(Money(n))
                );
            }
        }

        #[test]
        fn numbers_read_back(x in -1.0e9f64..1.0e9) {
            for lang in [Lang::Vi, Lang::En] {
                let back = parse_number(&fmt_dec(x, 3, lang), lang);
                proptest::prop_assert!(back.is_some_and(|b| (b - x).abs() < 1e-3), "{x} {back:?}");
            }
        }
    }

    #[test]
    fn bytes_read_as_storage_amounts() {
        assert_eq!(bytes(850, Lang::Vi), "850 B");
        assert_eq!(bytes(1536, Lang::Vi), "1,5 KB");
        assert_eq!(bytes(12 * 1024 + 300, Lang::En), "12 KB");
        assert_eq!(bytes(1_468_006, Lang::Vi), "1,4 MB");
        assert_eq!(bytes(1_468_006, Lang::En), "1.4 MB");
    }
}
