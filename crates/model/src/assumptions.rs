//! The assumptions behind a scenario: every parameter the engine uses for its region and
//! programme lines, with a stable key, labels, value, unit, source, confidence and whether
//! the scenario changed it. Feeds the app's "edit assumptions" table and `kehoach
//! assumptions`.

use serde::Serialize;

use crate::data::{self, Band, Confidence, Eligible, LineDef, PerUnit, Source, Tri};
use crate::field::{FieldPath, LineParam, RegionParam};
use crate::lang::Lang;
use crate::money::{Money, fmt_dong, fmt_int, fmt_num};
use crate::scenario::{Baseline, Figure, LineOverride, Scenario, baseline_with, region_baseline};
use crate::words::Common;

/// The value of an assumption: a number or a (low, most likely, high) range, in đồng or not.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum AssumptionValue {
    /// A single number in the assumption's unit.
    Number {
        /// The value.
        value: f64,
    },
    /// A range in the assumption's unit.
    Range {
        /// Lowest plausible value.
        low: f64,
        /// Most likely value (what `evaluate` uses).
        mode: f64,
        /// Highest plausible value.
        high: f64,
    },
    /// An amount of money, đồng.
    Money {
        /// The amount.
        value: Money,
    },
    /// A range of money, đồng.
    MoneyRange {
        /// Lowest plausible amount.
        low: Money,
        /// Most likely amount (what `evaluate` uses).
        mode: Money,
        /// Highest plausible amount.
        high: Money,
    },
}

impl AssumptionValue {
    /// The value `evaluate` uses (the mode of a range), as a number.
    pub fn central(&self) -> f64 {
        match *self {
            AssumptionValue::Number { value } => value,
            AssumptionValue::Range { mode, .. } => mode,
            AssumptionValue::Money { value } => value.as_f64(),
            AssumptionValue::MoneyRange { mode, .. } => mode.as_f64(),
        }
    }
}

/// What an assumption's numbers count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Unit {
    /// Children (a count).
    Children,
    /// A share, 0–1 (shown as a percentage).
    Share,
    /// A share per year, −1–1 (shown as % a year).
    SharePerYear,
    /// Deaths per 100.000 children a year.
    PerHundredThousand,
    /// Commune-level units.
    Communes,
    /// Calls a year.
    CallsPerYear,
    /// Đồng per unit of the line.
    DongPerUnit,
    /// Children per unit of the line.
    ChildrenPerUnit,
    /// Children counted as supported per unit of the line.
    SupportedPerUnit,
    /// Years.
    Years,
}

/// One parameter in use, as a row of the assumptions table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Assumption {
    /// Stable key: `region.<figure>` or `line.<line id>.<parameter>` (for example
    /// "region.children", "line.swim.unit_cost").
    pub key: String,
    /// The line it belongs to (`None` for the region's figures).
    pub line: Option<&'static str>,
    /// Short label, Vietnamese.
    pub label_vi: String,
    /// Short label, English.
    pub label_en: String,
    /// The value the scenario uses (the override when edited).
    pub value: AssumptionValue,
    /// The sourced default when the scenario changed it (`None` when not edited).
    pub default: Option<AssumptionValue>,
    /// What the numbers count.
    pub unit: Unit,
    /// Where the default comes from ("§n.m" points into SOURCES.md).
    pub source: &'static str,
    /// How far the value can be trusted ([`Confidence::Edited`] when the scenario changed it).
    pub confidence: Confidence,
    /// Whether the scenario overrides it.
    pub edited: bool,
    /// The scenario field that overrides it (`overrides.lines.swim.unit_cost`,
    /// `overrides.region.children`), the same path [`crate::ScenarioError::path`] reports
    /// and [`crate::edit::Edit::Assumption`] takes; `None` when it cannot be changed in a
    /// scenario.
    pub field: Option<FieldPath>,
}

impl Assumption {
    /// The label in the user's language.
    pub fn label(&self, lang: Lang) -> &str {
        if lang == Lang::Vi {
            &self.label_vi
        } else {
            &self.label_en
        }
    }

    /// The group it is shown under: the line's name, or the region's figures.
    pub fn group(&self, lang: Lang) -> String {
        match self.line.and_then(data::line) {
            Some(l) => l.name(lang).to_string(),
            None => Common::RegionFigures.get(lang).to_string(),
        }
    }

    /// The unit in the user's language ("đ / trẻ được dạy bơi", "% / năm", …).
    pub fn unit_label(&self, lang: Lang) -> String {
        let line_unit = self
            .line
            .and_then(data::line)
            .map(|l| l.unit(lang))
            .unwrap_or("");
        match self.unit {
            Unit::Children => Common::Children.get(lang).into(),
            Unit::Share => "%".into(),
            Unit::SharePerYear => Common::UnitSharePerYear.get(lang).into(),
            Unit::PerHundredThousand => Common::UnitPerHundredThousand.get(lang).into(),
            Unit::Communes => Common::UnitCommunes.get(lang).into(),
            Unit::CallsPerYear => Common::UnitCallsPerYear.get(lang).into(),
            Unit::DongPerUnit => Common::UnitDongPer.fill(lang, &[line_unit]),
            Unit::ChildrenPerUnit => Common::UnitChildrenPer.fill(lang, &[line_unit]),
            Unit::SupportedPerUnit => Common::UnitSupportedPer.fill(lang, &[line_unit]),
            Unit::Years => Common::UnitYears.get(lang).into(),
        }
    }

    /// The value written for a person: "480.000 – 600.000 – 720.000 đ", "19,2 %", "6 năm".
    pub fn display(&self, lang: Lang) -> String {
        display_value(&self.value, self.unit, lang)
    }
}

/// Writes a value in a unit for a person, in the user's language.
pub fn display_value(v: &AssumptionValue, unit: Unit, lang: Lang) -> String {
    let one = |x: f64| -> String {
        match unit {
            Unit::Share => format!("{} %", fmt_num(x * 100.0, 2, lang)),
            Unit::SharePerYear => format!("{} %", fmt_num(x * 100.0, 2, lang)),
            Unit::Children | Unit::Communes | Unit::CallsPerYear => {
                if x.is_finite() && x.abs() < 9.0e15 {
                    fmt_int(libm::round(x) as i64, lang)
                } else {
                    "—".into()
                }
            }
            _ => fmt_num(x, 3, lang),
        }
    };
    match *v {
        AssumptionValue::Number { value } => one(value),
        AssumptionValue::Range { low, mode, high } => {
            format!("{} – {} – {}", one(low), one(mode), one(high))
        }
        AssumptionValue::Money { value } => fmt_dong(value, lang),
        AssumptionValue::MoneyRange { low, mode, high } => {
            let suffix = Common::CurrencySuffix.get(lang);
            format!(
                "{} – {} – {}",
                fmt_dong(low, lang).trim_end_matches(suffix),
                fmt_dong(mode, lang).trim_end_matches(suffix),
                fmt_dong(high, lang)
            )
        }
    }
}

/// Every parameter the engine uses for the scenario's region and the catalogue's lines, in
/// a stable order: the region's figures, then each line in catalogue order. An unknown
/// region yields only the lines' rows. Never panics, even on an invalid scenario.
pub fn assumptions(s: &Scenario) -> Vec<Assumption> {
    let mut out = Vec::with_capacity(12 + crate::data::lines().len() * 7);
    let baseline = baseline_with(&s.region, &s.overrides.region);
    if let (Some(b), Some(d)) = (baseline.as_ref(), region_baseline(&s.region)) {
        region_rows(&mut out, b, &d);
    }
    for l in crate::data::lines() {
        let o = s.overrides.lines.get(l.id).copied().unwrap_or_default();
        line_rows(&mut out, l, &o, baseline.as_ref());
    }
    out
}

fn region_rows(out: &mut Vec<Assumption>, b: &Baseline, d: &Baseline) {
    // (key, label, unit, figure with overrides, default figure, editable)
    let rows: [(&str, Common, Unit, Figure, Figure, bool); 11] = [
        (
            "children",
            Common::AsmRegionChildren,
            Unit::Children,
            b.children,
            d.children,
            true,
        ),
        (
            "share_under5",
            Common::AsmRegionShareUnder5,
            Unit::Share,
            b.share_under5,
            d.share_under5,
            true,
        ),
        (
            "drowning_rate",
            Common::AsmRegionDrowningRate,
            Unit::PerHundredThousand,
            b.drowning_rate,
            d.drowning_rate,
            true,
        ),
        (
            "trend",
            Common::AsmRegionTrend,
            Unit::SharePerYear,
            b.trend,
            d.trend,
            true,
        ),
        (
            "death_share_under5",
            Common::AsmRegionDeathShareUnder5,
            Unit::Share,
            b.death_share_under5,
            d.death_share_under5,
            false,
        ),
        (
            "reference_rate_2020",
            Common::AsmRegionReferenceRate2020,
            Unit::PerHundredThousand,
            b.reference_rate_2020,
            d.reference_rate_2020,
            false,
        ),
        (
            "swim_share",
            Common::AsmRegionSwimShare,
            Unit::Share,
            b.swim_share,
            d.swim_share,
            true,
        ),
        (
            "special_circumstances",
            Common::AsmRegionSpecialCircumstances,
            Unit::Children,
            b.special_circumstances,
            d.special_circumstances,
            true,
        ),
        (
            "communes",
            Common::AsmRegionCommunes,
            Unit::Communes,
            b.communes,
            d.communes,
            true,
        ),
        (
            "child_friendly_share",
            Common::AsmRegionChildFriendlyShare,
            Unit::Share,
            b.child_friendly_share,
            d.child_friendly_share,
            true,
        ),
        (
            "hotline_calls",
            Common::AsmRegionHotlineCalls,
            Unit::CallsPerYear,
            b.hotline_calls,
            d.hotline_calls,
            true,
        ),
    ];
    for (key, label, unit, fig, def, editable) in rows {
        let edited = fig.confidence == Confidence::Edited;
        out.push(Assumption {
            key: format!("region.{key}"),
            line: None,
            label_vi: label.vi().into(),
            label_en: label.en().into(),
            value: figure_value(&fig),
            default: edited.then(|| figure_value(&def)),
            unit,
            source: def.source,
            confidence: fig.confidence,
            edited,
            field: editable
                .then(|| RegionParam::from_key(key).map(FieldPath::region_param))
                .flatten(),
        });
    }
}

/// A baseline figure as a value: a range where the Monte Carlo draws it, else a number.
fn figure_value(f: &Figure) -> AssumptionValue {
    match f.range {
        Some(_) => f_tri(f.tri()),
        None => AssumptionValue::Number { value: f.value },
    }
}

fn money_tri(t: Tri<Money>) -> AssumptionValue {
    AssumptionValue::MoneyRange {
        low: t.low,
        mode: t.mode,
        high: t.high,
    }
}

fn f_tri(t: Tri<f64>) -> AssumptionValue {
    AssumptionValue::Range {
        low: t.low,
        mode: t.mode,
        high: t.high,
    }
}

/// Builds a line row; `edit` is the override's value when the scenario sets one.
#[allow(clippy::too_many_arguments)]
fn row(
    l: &LineDef,
    param: &str,
    label: Common,
    unit: Unit,
    default: AssumptionValue,
    edit: Option<AssumptionValue>,
    source: Source,
    editable: bool,
) -> Assumption {
    let edited = edit.is_some();
    Assumption {
        key: format!("line.{}.{param}", l.id),
        line: Some(l.id),
        label_vi: label.vi().into(),
        label_en: label.en().into(),
        value: edit.unwrap_or(default),
        default: edited.then_some(default),
        unit,
        source: source.text,
        confidence: if edited {
            Confidence::Edited
        } else {
            source.confidence
        },
        edited,
        field: editable
            .then(|| {
                LineParam::ALL
                    .into_iter()
                    .find(|p| p.key() == param)
                    .map(|p| FieldPath::line_param(l.id, p))
            })
            .flatten(),
    }
}

fn line_rows(out: &mut Vec<Assumption>, l: &LineDef, o: &LineOverride, b: Option<&Baseline>) {
    let num = |value: f64| AssumptionValue::Number { value };
    out.push(row(
        l,
        "unit_cost",
        Common::AsmLineUnitCost,
        Unit::DongPerUnit,
        money_tri(l.unit_cost),
        o.unit_cost.map(money_tri),
        l.cost_source,
        true,
    ));
    if let Some((_, rrr, source)) = l.drowning {
        out.push(row(
            l,
            "rrr",
            Common::AsmLineRrr,
            Unit::Share,
            f_tri(rrr),
            o.rrr.map(f_tri),
            source,
            true,
        ));
    }
    out.push(row(
        l,
        "max_coverage",
        Common::AsmLineMaxCoverage,
        Unit::Share,
        num(l.max_coverage),
        o.max_coverage.map(num),
        l.eligible_source,
        true,
    ));
    out.push(row(
        l,
        "durability_years",
        Common::AsmLineDurabilityYears,
        Unit::Years,
        num(l.durability_years),
        o.durability_years.map(num),
        l.durability_source,
        true,
    ));
    if let Some(b) = b {
        let (value, unit) = eligible(l, b);
        out.push(row(
            l,
            "eligible",
            Common::AsmLineEligible,
            unit,
            num(value),
            None,
            l.eligible_source,
            false,
        ));
    }
    if let PerUnit::Fixed(n) = l.per_unit {
        if n != 1.0 {
            out.push(row(
                l,
                "children_per_unit",
                Common::AsmLineChildrenPerUnit,
                Unit::ChildrenPerUnit,
                num(n),
                None,
                l.eligible_source,
                false,
            ));
        }
    }
    if let Some(source) = l.supported_source {
        out.push(row(
            l,
            "supported_per_unit",
            Common::AsmLineSupportedPerUnit,
            Unit::SupportedPerUnit,
            num(l.supported_per_unit),
            None,
            source,
            false,
        ));
    }
}

/// The population a line can reach in its region (before the maximum coverage), with its
/// unit: children, calls or communes. Mirrors the engine's eligibility rules.
fn eligible(l: &LineDef, b: &Baseline) -> (f64, Unit) {
    let children = b.children.value;
    let su5 = b.share_under5.value;
    let pop = [children * su5, children * (1.0 - su5)];
    match l.eligible {
        Eligible::Children { bands, fraction } => {
            let mut p = 0.0;
            if bands.contains(Band::Under5) {
                p += pop[0];
            }
            if bands.contains(Band::School) {
                p += pop[1];
            }
            (p * fraction, Unit::Children)
        }
        Eligible::NonSwimmers => (pop[1] * (1.0 - b.swim_share.value), Unit::Children),
        Eligible::SpecialCircumstances => (b.special_circumstances.value, Unit::Children),
        Eligible::HotlineDemand { factor } => (b.hotline_calls.value * factor, Unit::CallsPerYear),
        Eligible::Communes => (b.communes.value, Unit::Communes),
        Eligible::CommunesNotCertified => (
            b.communes.value * (1.0 - b.child_friendly_share.value),
            Unit::Communes,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::LineOverride;

    fn find<'a>(rows: &'a [Assumption], key: &str) -> &'a Assumption {
        rows.iter()
            .find(|a| a.key == key)
            .unwrap_or_else(|| rows.first().expect("rows"))
    }

    #[test]
    fn the_default_lists_every_parameter_once_and_nothing_is_edited() {
        let rows = assumptions(&Scenario::default());
        let keys: std::collections::BTreeSet<_> = rows.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(keys.len(), rows.len(), "keys are unique");
        assert!(rows.iter().all(|a| !a.edited && a.default.is_none()));
        for l in crate::data::lines() {
            for p in ["unit_cost", "max_coverage", "durability_years", "eligible"] {
                assert!(
                    keys.contains(format!("line.{}.{p}", l.id).as_str()),
                    "{} {p}",
                    l.id
                );
            }
            assert_eq!(
                keys.contains(format!("line.{}.rrr", l.id).as_str()),
                l.drowning.is_some()
            );
        }
        // 11 region figures; 12 lines × 4; 5 drowning lines' rrr; 3 lines with
        // several children per unit; 5 lines counting supported children.
        assert_eq!(rows.len(), 11 + 48 + 5 + 3 + 5);
        let c = find(&rows, "region.children");
        assert_eq!(c.key, "region.children");
        assert_eq!(
            c.value,
            AssumptionValue::Number {
                value: 24_800_000.0
            }
        );
        assert_eq!(c.display(Lang::Vi), "24.800.000");
        assert_eq!(
            c.field.as_ref().map(ToString::to_string).as_deref(),
            Some("overrides.region.children")
        );
        let swim = find(&rows, "line.swim.unit_cost");
        assert_eq!(swim.display(Lang::Vi), "480.000 – 600.000 – 720.000 đ");
        assert_eq!(swim.unit_label(Lang::Vi), "đ / trẻ được dạy bơi");
        assert_eq!(swim.confidence, Confidence::Academic);
        assert_eq!(
            find(&rows, "line.swim.rrr").display(Lang::Vi),
            "50 % – 70 % – 93 %"
        );
        assert_eq!(
            find(&rows, "region.trend").display(Lang::Vi),
            "-4,5 % – -2,5 % – -1,1 %"
        );
        assert!(find(&rows, "region.death_share_under5").field.is_none());
    }

    #[test]
    fn eligible_population_matches_the_hand_calculation() {
        // Điện Biên: 208.222 children × 70 % aged 5–15 × (1 − 0,192) who cannot swim
        // = 117.770,4 children eligible for swimming lessons.
        let rows = assumptions(&Scenario::default_for("dien-bien"));
        let e = find(&rows, "line.swim.eligible");
        assert_eq!(e.key, "line.swim.eligible");
        assert!((e.value.central() - 117_770.4).abs() < 0.1, "{:?}", e.value);
        assert_eq!(
            find(&rows, "line.special_support.eligible").value.central(),
            6_847.0
        );
    }

    #[test]
    fn overrides_are_marked_edited_with_their_defaults() {
        let mut s = Scenario::default();
        s.overrides.region.children = Some(1_000_000);
        s.overrides.lines.insert(
            "swim".into(),
            LineOverride {
                durability_years: Some(4.0),
                ..Default::default()
            },
        );
        let rows = assumptions(&s);
        let c = find(&rows, "region.children");
        assert!(c.edited);
        assert_eq!(c.confidence, Confidence::Edited);
        assert_eq!(c.value.central(), 1_000_000.0);
        assert_eq!(
            c.default,
            Some(AssumptionValue::Number {
                value: 24_800_000.0
            })
        );
        assert!(c.source.contains("24,8 million"));
        let d = find(&rows, "line.swim.durability_years");
        assert!(d.edited && d.value.central() == 4.0);
        assert_eq!(d.default, Some(AssumptionValue::Number { value: 10.0 }));
        assert!(!find(&rows, "line.swim.unit_cost").edited);
        assert_eq!(rows.iter().filter(|a| a.edited).count(), 2);
    }

    #[test]
    fn an_unknown_region_still_lists_the_lines() {
        let s = Scenario {
            region: "atlantis".into(),
            ..Scenario::default()
        };
        let rows = assumptions(&s);
        assert!(rows.iter().all(|a| a.line.is_some()));
        assert!(!rows.is_empty());
    }

    #[test]
    fn serialises_with_a_tagged_value() {
        let rows = assumptions(&Scenario::default());
        let json = serde_json::to_value(&rows).expect("serialises");
        let first = &json[0];
        assert_eq!(first["key"], "region.children");
        assert_eq!(first["value"]["kind"], "number");
        assert_eq!(first["unit"], "children");
        let cost = json
            .as_array()
            .and_then(|a| a.iter().find(|r| r["key"] == "line.swim.unit_cost"))
            .expect("row");
        assert_eq!(cost["value"]["kind"], "money_range");
        assert_eq!(cost["value"]["mode"], 600_000);
    }
}
