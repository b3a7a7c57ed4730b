//! Text alternatives of the charts: one [`Table`] per chart (two for the budget chart, one
//! per panel), in the user's language with Vietnamese number formatting, and the same
//! numbers as CSV for "download CSV".
//!
//! # CSV format
//! - UTF-8 with a byte-order mark first (`\u{FEFF}`), so Excel on Windows reads the
//!   Vietnamese letters correctly; lines end with CRLF; fields are quoted as RFC 4180 says
//!   (a field holding the separator, `"`, CR or LF is wrapped in `"` and its `"` doubled).
//! - Numbers are plain: no grouping, no units (the unit is in the header: đồng, %, ca),
//!   money in whole đồng, shares as percentages.
//! - The separator and decimal mark follow the language ([`CsvDialect::for_lang`]):
//!   Vietnamese writes `;` between fields and `,` as the decimal mark; English writes `,`
//!   and `.`. Reason: the planner "lives in Excel", and Excel opens a double-clicked CSV with
//!   the system's list separator and decimal mark. On a Vietnamese Windows (vi-VN: decimal
//!   `,`, grouping `.`) a comma-separated file lands in one column and `1763.42` is read
//!   as text or a date; `1763,42` separated by `;` opens as numbers. An English interface
//!   gets the RFC 4180 default that every other tool reads. A page that wants one format
//!   regardless of language can call [`to_csv_with`] with a fixed dialect.
//! - Text cells that start with `= + - @`, a tab or CR get a leading `'` so a spreadsheet
//!   does not run them as formulas (OWASP "CSV injection"); numbers are never changed.

use model::fmt::{self, NONE};
use model::words::{Common, Doc};
use model::{Lang, Money};

use super::budget::{BudgetChart, source_names};
use super::deaths::DeathsChart;
use super::reach::ReachChart;
use super::targets::{TargetsChart, status};

/// A CSV value, written according to the dialect.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, written as is (quoted when needed).
    Text(String),
    /// A whole number (đồng, people, years).
    Int(i64),
    /// A decimal number with a fixed count of decimals; empty when not finite.
    Num {
        /// The value.
        value: f64,
        /// Decimals written.
        decimals: u32,
    },
}

impl Cell {
    fn money(m: Money) -> Cell {
        Cell::Int(m.0)
    }

    fn count(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    fn num(value: f64, decimals: u32) -> Cell {
        Cell::Num { value, decimals }
    }

    fn empty() -> Cell {
        Cell::Text(String::new())
    }

    /// The cell as CSV field text (before quoting).
    pub fn to_field(&self, d: CsvDialect) -> String {
        match self {
            Cell::Text(s) => {
                if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    format!("'{s}")
                } else {
                    s.clone()
                }
            }
            Cell::Int(n) => n.to_string(),
            Cell::Num { value, decimals } => {
                if !value.is_finite() {
                    return String::new();
                }
                let mut s = format!("{:.*}", (*decimals).min(10) as usize, value);
                if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
                    s.remove(0);
                }
                if d.decimal != '.' {
                    s = s.replace('.', d.decimal.encode_utf8(&mut [0u8; 4]));
                }
                s
            }
        }
    }
}

/// A chart's numbers as a table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// What the table shows (for `<caption>`).
    pub caption: String,
    /// Column headings for display.
    pub headers: Vec<String>,
    /// Cells formatted for display (Vietnamese grouping and decimals, tỷ / triệu đồng).
    pub rows: Vec<Vec<String>>,
    /// Column headings for CSV (with units, since CSV numbers carry none).
    pub csv_headers: Vec<String>,
    /// Plain values for CSV; the same shape as `rows`.
    pub csv_rows: Vec<Vec<Cell>>,
}

/// What a column's CSV header adds to the shown one: the unit of its plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum In {
    /// Nothing (text, years, counts).
    Same,
    /// Whole đồng.
    Dong,
    /// Percent.
    Percent,
    /// Deaths.
    Deaths,
}

impl Table {
    fn new(caption: &str, lang: Lang, columns: &[(&str, In)]) -> Table {
        let csv = |(h, unit): &(&str, In)| match unit {
            In::Same => (*h).to_string(),
            In::Dong => Common::InDong.fill(lang, &[h]),
            In::Percent => {
                let mut s = (*h).to_string();
                s.push_str(" (%)");
                s
            }
            In::Deaths => Doc::InDeaths.fill(lang, &[h]),
        };
        Table {
            caption: caption.to_string(),
            headers: columns.iter().map(|(h, _)| (*h).to_string()).collect(),
            rows: Vec::new(),
            csv_headers: columns.iter().map(csv).collect(),
            csv_rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<(String, Cell)>) {
        let (shown, raw): (Vec<String>, Vec<Cell>) = row.into_iter().unzip();
        self.rows.push(shown);
        self.csv_rows.push(raw);
    }
}

/// How CSV fields are separated and decimals written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvDialect {
    /// Between fields.
    pub separator: char,
    /// Decimal mark of numbers.
    pub decimal: char,
}

impl CsvDialect {
    /// `;` and `,`: what Excel expects on a Vietnamese (vi-VN) system.
    pub const VI: CsvDialect = CsvDialect {
        separator: ';',
        decimal: ',',
    };
    /// `,` and `.`: RFC 4180 as most tools read it.
    pub const EN: CsvDialect = CsvDialect {
        separator: ',',
        decimal: '.',
    };

    /// The dialect for the interface language (see the module docs): the language's
    /// decimal mark, and `;` between fields where that mark is a comma.
    pub fn for_lang(lang: Lang) -> CsvDialect {
        if fmt::decimal_mark(lang) == ',' {
            CsvDialect::VI
        } else {
            CsvDialect::EN
        }
    }
}

/// The table as CSV in the language's dialect ([`CsvDialect::for_lang`]).
pub fn to_csv(table: &Table, lang: Lang) -> String {
    to_csv_with(table, CsvDialect::for_lang(lang))
}

/// The table as CSV: BOM, CSV headers, one record per row, CRLF after every record.
pub fn to_csv_with(table: &Table, d: CsvDialect) -> String {
    let mut out = String::with_capacity(64 + 48 * (table.csv_rows.len() + 1));
    out.push('\u{FEFF}');
    write_record(&mut out, table.csv_headers.iter().cloned(), d.separator);
    for row in &table.csv_rows {
        write_record(&mut out, row.iter().map(|c| c.to_field(d)), d.separator);
    }
    out
}

fn write_record(out: &mut String, fields: impl Iterator<Item = String>, sep: char) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(sep);
        }
        if f.contains([sep, '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

fn text(s: &str) -> (String, Cell) {
    (s.to_string(), Cell::Text(s.to_string()))
}

fn money(m: Money, lang: Lang) -> (String, Cell) {
    (fmt::money(m, lang), Cell::money(m))
}

fn count(n: u64, lang: Lang) -> (String, Cell) {
    (fmt::count(n, lang), Cell::count(n))
}

fn share(x: f64, lang: Lang) -> (String, Cell) {
    if x.is_finite() {
        (fmt::pct(x, lang), Cell::num(x * 100.0, 2))
    } else {
        none()
    }
}

fn deaths(x: f64, decimals: u32, lang: Lang) -> (String, Cell) {
    if x.is_finite() {
        (fmt::fmt_num(x, decimals, lang), Cell::num(x, 2))
    } else {
        none()
    }
}

fn none() -> (String, Cell) {
    (NONE.to_string(), Cell::empty())
}

fn blank() -> (String, Cell) {
    (String::new(), Cell::empty())
}

/// Deaths per year: without the plan, with it, averted, and p10 / p90 when the band is
/// given; a last row sums the plan (p10 / p90 left empty: they do not add up).
pub fn deaths_table(d: &DeathsChart, lang: Lang) -> Table {
    let band = d.valid_band();
    let mut cols = vec![
        (Common::Year.get(lang), In::Same),
        (Common::WithoutPlan.get(lang), In::Deaths),
        (Common::WithPlan.get(lang), In::Deaths),
        (Common::DeathsAverted.get(lang), In::Same),
    ];
    if band.is_some() {
        cols.push((Doc::WithPlanP10.get(lang), In::Deaths));
        cols.push((Doc::WithPlanP90.get(lang), In::Deaths));
    }
    let mut t = Table::new(Doc::DeathsTableCaption.get(lang), lang, &cols);
    let get = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(f64::NAN);
    let max = (0..d.years.len())
        .map(|i| get(&d.baseline, i).max(get(&d.scenario, i)))
        .filter(|x| x.is_finite())
        .fold(0.0, f64::max);
    let dec = if max >= 100.0 { 0 } else { 1 };
    let (mut sum_b, mut sum_s) = (0.0, 0.0);
    for (i, year) in d.years.iter().enumerate() {
        let (b, s) = (get(&d.baseline, i), get(&d.scenario, i));
        sum_b += b;
        sum_s += s;
        let mut row = vec![
            (year.to_string(), Cell::Int(i64::from(*year))),
            deaths(b, dec, lang),
            deaths(s, dec, lang),
            deaths(b - s, dec, lang),
        ];
        if let Some(band) = &band {
            let (lo, hi) = band.get(i).copied().unwrap_or((f64::NAN, f64::NAN));
            row.push(deaths(lo, dec, lang));
            row.push(deaths(hi, dec, lang));
        }
        t.push(row);
    }
    if !d.years.is_empty() {
        let mut row = vec![
            text(Common::WholePlan.get(lang)),
            deaths(sum_b, dec, lang),
            deaths(sum_s, dec, lang),
            deaths(sum_b - sum_s, dec, lang),
        ];
        if band.is_some() {
            row.push(blank());
            row.push(blank());
        }
        t.push(row);
    }
    t
}

/// Annual allocation per line, its total over the plan and its share; a last row sums.
pub fn budget_lines_table(b: &BudgetChart, lang: Lang) -> Table {
    let cols = [
        (Common::Line.get(lang), In::Same),
        (Common::Group.get(lang), In::Same),
        (Common::AnnualAllocation.get(lang), In::Dong),
        (Common::WholePlan.get(lang), In::Dong),
        (Doc::ShareOfTotal.get(lang), In::Percent),
    ];
    let mut t = Table::new(Doc::LinesTableCaption.get(lang), lang, &cols);
    let annual: Money = b.lines.iter().map(|l| l.annual).sum();
    let total: Money = b.lines.iter().map(|l| l.total).sum();
    let share_of = |m: Money| {
        if annual.0 > 0 {
            m.0 as f64 / annual.0 as f64
        } else {
            f64::NAN
        }
    };
    for l in &b.lines {
        let def = model::data::line(l.id);
        let name = def.map_or(l.id, |d| d.name(lang));
        let group = def.map_or("", |d| d.category.name(lang));
        t.push(vec![
            text(name),
            text(group),
            money(l.annual, lang),
            money(l.total, lang),
            share(share_of(l.annual), lang),
        ]);
    }
    t.push(vec![
        text(Common::Total.get(lang)),
        blank(),
        money(annual, lang),
        money(total, lang),
        share(share_of(annual), lang),
    ]);
    t
}

/// Each year's budget by source, the amount allocated to lines and what is left (negative
/// when more is allocated than available).
pub fn budget_sources_table(b: &BudgetChart, lang: Lang) -> Table {
    let [central, provincial, mobilised] = source_names(lang);
    let cols = [
        (Common::Year.get(lang), In::Same),
        (central, In::Dong),
        (provincial, In::Dong),
        (mobilised, In::Dong),
        (Doc::TotalBudget.get(lang), In::Dong),
        (Common::Allocated.get(lang), In::Dong),
        (Doc::LeftOrOver.get(lang), In::Dong),
    ];
    let mut t = Table::new(Common::BudgetBySourceYear.get(lang), lang, &cols);
    for y in &b.years {
        let total = y.total();
        let left = Money(total.0.saturating_sub(y.allocated.0));
        t.push(vec![
            (y.year.to_string(), Cell::Int(i64::from(y.year))),
            money(y.central, lang),
            money(y.provincial, lang),
            money(y.mobilised, lang),
            money(total, lang),
            money(y.allocated, lang),
            money(left, lang),
        ]);
    }
    t
}

/// Units, children reached and children supported per line over the plan; a last row sums
/// the children (units differ between lines and are not summed).
pub fn reach_table(r: &ReachChart, lang: Lang) -> Table {
    let cols = [
        (Common::Line.get(lang), In::Same),
        (Common::Unit.get(lang), In::Same),
        (Common::Units.get(lang), In::Same),
        (Common::ChildrenReached.get(lang), In::Same),
        (Common::ChildrenSupported.get(lang), In::Same),
    ];
    let caption = Doc::ReachTableCaption.get(lang);
    let mut t = Table::new(caption, lang, &cols);
    let (mut reached, mut supported) = (0u64, 0u64);
    if r.lines.iter().any(|l| l.edited) {
        t.caption.push_str(". ");
        t.caption.push_str(ReachChart::edited_note(lang));
    }
    for l in &r.lines {
        let def = model::data::line(l.id);
        reached = reached.saturating_add(l.children_reached);
        supported = supported.saturating_add(l.children_supported);
        let mut name = def.map_or(l.id, |d| d.name(lang)).to_string();
        if l.edited {
            name.push_str(" *");
        }
        t.push(vec![
            (name.clone(), Cell::Text(name)),
            text(def.map_or("", |d| d.unit(lang))),
            count(l.units, lang),
            count(l.children_reached, lang),
            count(l.children_supported, lang),
        ]);
    }
    t.push(vec![
        text(Common::Total.get(lang)),
        blank(),
        blank(),
        count(reached, lang),
        count(supported, lang),
    ]);
    t
}

/// Every national target: threshold, value without and with the plan in its year, and
/// whether it is met ("outside the plan years" when the year is not planned).
pub fn targets_table(tc: &TargetsChart, lang: Lang) -> Table {
    let cols = [
        (Common::Target.get(lang), In::Same),
        (Common::Year.get(lang), In::Same),
        (Common::Threshold.get(lang), In::Percent),
        (Common::WithoutPlan.get(lang), In::Percent),
        (Common::WithPlan.get(lang), In::Percent),
        (Common::Result.get(lang), In::Same),
    ];
    let mut t = Table::new(Doc::TargetsTableCaption.get(lang), lang, &cols);
    for row in &tc.targets {
        let label = model::data::target(row.id).map_or(row.id, |d| d.label(lang));
        let result = if row.assessable {
            status(row.met, lang)
        } else {
            Common::OutsidePlanYears.get(lang)
        };
        let (base, value) = if row.assessable {
            (share(row.baseline_value, lang), share(row.value, lang))
        } else {
            (none(), none())
        };
        t.push(vec![
            text(label),
            (row.year.to_string(), Cell::Int(i64::from(row.year))),
            share(row.threshold, lang),
            base,
            value,
            text(result),
        ]);
    }
    t
}
