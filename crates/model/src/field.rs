//! Every editable place in a scenario, typed: [`FieldPath`]. Errors say which field they
//! belong to with it, the assumptions table names what each row overrides with it, the
//! app's edits and refusals are keyed by it and the CLI prints it.
//!
//! A field path prints as the dotted form links, tests and files have always used
//! (`allocation.swim`, `budget.2027.central`, `constraints.swim.floor`,
//! `overrides.lines.swim.rrr`, `overrides.region.trend`, …) and parses back from it:
//! `p.to_string().parse() == Ok(p)` for every path.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;
use crate::words::Common;

/// A funding source of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// Ngân sách trung ương (NSTW).
    Central,
    /// Ngân sách địa phương (NSĐP).
    Provincial,
    /// Vận động, xã hội hóa.
    Mobilised,
}

impl Source {
    /// All sources in display order.
    pub const ALL: [Source; 3] = [Source::Central, Source::Provincial, Source::Mobilised];

    /// Key used in field paths and test ids ("central", "provincial", "mobilised").
    pub fn key(self) -> &'static str {
        match self {
            Source::Central => "central",
            Source::Provincial => "provincial",
            Source::Mobilised => "mobilised",
        }
    }

    /// The source of a key.
    pub fn from_key(key: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Name in the user's language.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Source::Central => Common::SourceCentral,
            Source::Provincial => Common::SourceProvincial,
            Source::Mobilised => Common::SourceMobilised,
        }
        .get(lang)
    }
}

/// One of a line's constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bound {
    /// The optimiser leaves the line as it is.
    Lock,
    /// Least annual amount.
    Floor,
    /// Greatest annual amount.
    Ceiling,
}

impl Bound {
    /// Every bound.
    pub const ALL: [Bound; 3] = [Bound::Lock, Bound::Floor, Bound::Ceiling];

    /// Key in field paths ("lock", "floor", "ceiling").
    pub fn key(self) -> &'static str {
        match self {
            Bound::Lock => "lock",
            Bound::Floor => "floor",
            Bound::Ceiling => "ceiling",
        }
    }
}

/// A line parameter a scenario can override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LineParam {
    /// Unit cost, đồng (a range).
    UnitCost,
    /// Relative reduction of drowning risk among children covered (a range).
    Rrr,
    /// Largest share of the eligible population reachable.
    MaxCoverage,
    /// Years one unit keeps working.
    DurabilityYears,
}

impl LineParam {
    /// Every parameter, in the order of the assumptions table.
    pub const ALL: [LineParam; 4] = [
        LineParam::UnitCost,
        LineParam::Rrr,
        LineParam::MaxCoverage,
        LineParam::DurabilityYears,
    ];

    /// Key in field paths ("unit_cost", "rrr", "max_coverage", "durability_years").
    pub fn key(self) -> &'static str {
        match self {
            LineParam::UnitCost => "unit_cost",
            LineParam::Rrr => "rrr",
            LineParam::MaxCoverage => "max_coverage",
            LineParam::DurabilityYears => "durability_years",
        }
    }
}

/// A figure of the region's baseline a scenario can override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionParam {
    /// Children under 16.
    Children,
    /// Share of them aged 0–4.
    ShareUnder5,
    /// Drowning deaths per 100.000 children in the base year (a range).
    DrowningRate,
    /// Yearly change of that rate without the plan (a range).
    Trend,
    /// Share of children 6–15 able to swim safely.
    SwimShare,
    /// Children in special circumstances.
    SpecialCircumstances,
    /// Commune-level units.
    Communes,
    /// Share of communes recognised child-friendly.
    ChildFriendlyShare,
    /// Calls to hotline 111 a year.
    HotlineCalls,
}

impl RegionParam {
    /// Every figure, in the order of the assumptions table.
    pub const ALL: [RegionParam; 9] = [
        RegionParam::Children,
        RegionParam::ShareUnder5,
        RegionParam::DrowningRate,
        RegionParam::Trend,
        RegionParam::SwimShare,
        RegionParam::SpecialCircumstances,
        RegionParam::Communes,
        RegionParam::ChildFriendlyShare,
        RegionParam::HotlineCalls,
    ];

    /// Key in field paths ("children", "share_under5", "trend", …).
    pub fn key(self) -> &'static str {
        match self {
            RegionParam::Children => "children",
            RegionParam::ShareUnder5 => "share_under5",
            RegionParam::DrowningRate => "drowning_rate",
            RegionParam::Trend => "trend",
            RegionParam::SwimShare => "swim_share",
            RegionParam::SpecialCircumstances => "special_circumstances",
            RegionParam::Communes => "communes",
            RegionParam::ChildFriendlyShare => "child_friendly_share",
            RegionParam::HotlineCalls => "hotline_calls",
        }
    }

    /// The figure of a key.
    pub fn from_key(key: &str) -> Option<RegionParam> {
        RegionParam::ALL.into_iter().find(|p| p.key() == key)
    }

    fn label(self) -> Common {
        match self {
            RegionParam::Children => Common::FieldChildren,
            RegionParam::ShareUnder5 => Common::FieldShareUnder5,
            RegionParam::DrowningRate => Common::FieldDrowningRate,
            RegionParam::Trend => Common::FieldTrend,
            RegionParam::SwimShare => Common::FieldSwimShare,
            RegionParam::SpecialCircumstances => Common::FieldSpecialCircumstances,
            RegionParam::Communes => Common::FieldCommunes,
            RegionParam::ChildFriendlyShare => Common::FieldChildFriendlyShare,
            RegionParam::HotlineCalls => Common::FieldHotlineCalls,
        }
    }
}

/// A parameter of the optimiser or of goal seek (given with the request, not stored in the
/// scenario).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    /// The weighted objective's children supported per death averted (`objective.per_death`).
    PerDeath,
    /// Goal seek's target id (`target`).
    Target,
    /// Goal seek's year (`year`).
    Year,
}

/// An editable place in a scenario (or a parameter given with it). See the module docs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldPath {
    /// The whole scenario (`scenario`): an import, an accepted proposal.
    Scenario,
    /// The schema version (`version`).
    Version,
    /// The name (`name`).
    Name,
    /// The notes (`notes`).
    Notes,
    /// The region (`region`).
    Region,
    /// The plan years (`years`).
    Years,
    /// The budget as a whole (`budget`): its rows against the years, allocations above it.
    Budget,
    /// Every year's total budget (`budget.total`).
    BudgetTotal,
    /// One source in one year, or in every year (`budget.2027.central`, `budget.all.central`).
    BudgetCell {
        /// The year, or every year.
        year: Option<i32>,
        /// The source.
        source: Source,
    },
    /// A line's annual allocation (`allocation.<line id>`).
    Allocation(String),
    /// Every constraint together (`constraints`).
    Constraints,
    /// A line's constraints together (`constraints.<line id>`) or one of them
    /// (`constraints.<line id>.lock|floor|ceiling`).
    Constraint {
        /// Line id.
        line: String,
        /// One bound, or all of the line's.
        bound: Option<Bound>,
    },
    /// Every override together (`overrides`).
    Overrides,
    /// A line's overrides together (`overrides.lines.<line id>`) or one of them
    /// (`overrides.lines.<line id>.unit_cost|rrr|max_coverage|durability_years`).
    LineOverride {
        /// Line id.
        line: String,
        /// One parameter, or all of the line's.
        param: Option<LineParam>,
    },
    /// The region's overrides together (`overrides.region`) or one of them
    /// (`overrides.region.children`, …).
    RegionOverride(Option<RegionParam>),
    /// A parameter of the optimiser or goal seek.
    Param(Param),
}

impl FieldPath {
    /// A line's allocation.
    pub fn allocation(line: &str) -> FieldPath {
        FieldPath::Allocation(line.to_string())
    }

    /// One of a line's constraints.
    pub fn bound(line: &str, bound: Bound) -> FieldPath {
        FieldPath::Constraint {
            line: line.to_string(),
            bound: Some(bound),
        }
    }

    /// One of a line's parameters.
    pub fn line_param(line: &str, param: LineParam) -> FieldPath {
        FieldPath::LineOverride {
            line: line.to_string(),
            param: Some(param),
        }
    }

    /// One of the region's figures.
    pub fn region_param(param: RegionParam) -> FieldPath {
        FieldPath::RegionOverride(Some(param))
    }

    /// The programme line the field belongs to, if any.
    pub fn line(&self) -> Option<&str> {
        match self {
            FieldPath::Allocation(line)
            | FieldPath::Constraint { line, .. }
            | FieldPath::LineOverride { line, .. } => Some(line),
            _ => None,
        }
    }

    /// A readable name for the field in the user's language, for messages: the line's
    /// name for anything of a line, "Ngân sách trung ương 2027" for a budget cell, the
    /// figure's name for a region override.
    pub fn label(&self, lang: Lang) -> String {
        let word = |w: Common| w.get(lang).to_string();
        match self {
            FieldPath::Allocation(id)
            | FieldPath::Constraint { line: id, .. }
            | FieldPath::LineOverride { line: id, .. } => crate::data::line(id)
                .map(|l| l.name(lang).to_string())
                .unwrap_or_else(|| id.clone()),
            FieldPath::BudgetCell { year, source } => match year {
                Some(y) => format!("{} {y}", source.name(lang)),
                None => Common::FieldEveryYear.fill(lang, &[source.name(lang)]),
            },
            FieldPath::Name => word(Common::FieldName),
            FieldPath::Notes => word(Common::FieldNotes),
            FieldPath::Region => word(Common::FieldRegion),
            FieldPath::Years => word(Common::FieldYears),
            FieldPath::Budget => word(Common::FieldBudget),
            FieldPath::BudgetTotal => word(Common::FieldBudgetTotal),
            FieldPath::RegionOverride(Some(p)) => word(p.label()),
            FieldPath::Param(Param::PerDeath) => word(Common::FieldPerDeath),
            FieldPath::Param(Param::Target) => word(Common::FieldTarget),
            FieldPath::Param(Param::Year) => word(Common::FieldYear),
            FieldPath::Scenario
            | FieldPath::Version
            | FieldPath::Constraints
            | FieldPath::Overrides
            | FieldPath::RegionOverride(None) => self.to_string(),
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Scenario => f.write_str("scenario"),
            FieldPath::Version => f.write_str("version"),
            FieldPath::Name => f.write_str("name"),
            FieldPath::Notes => f.write_str("notes"),
            FieldPath::Region => f.write_str("region"),
            FieldPath::Years => f.write_str("years"),
            FieldPath::Budget => f.write_str("budget"),
            FieldPath::BudgetTotal => f.write_str("budget.total"),
            FieldPath::BudgetCell { year, source } => match year {
                Some(y) => write!(f, "budget.{y}.{}", source.key()),
                None => write!(f, "budget.all.{}", source.key()),
            },
            FieldPath::Allocation(line) => write!(f, "allocation.{line}"),
            FieldPath::Constraints => f.write_str("constraints"),
            FieldPath::Constraint { line, bound } => match bound {
                Some(b) => write!(f, "constraints.{line}.{}", b.key()),
                None => write!(f, "constraints.{line}"),
            },
            FieldPath::Overrides => f.write_str("overrides"),
            FieldPath::LineOverride { line, param } => match param {
                Some(p) => write!(f, "overrides.lines.{line}.{}", p.key()),
                None => write!(f, "overrides.lines.{line}"),
            },
            FieldPath::RegionOverride(param) => match param {
                Some(p) => write!(f, "overrides.region.{}", p.key()),
                None => f.write_str("overrides.region"),
            },
            FieldPath::Param(Param::PerDeath) => f.write_str("objective.per_death"),
            FieldPath::Param(Param::Target) => f.write_str("target"),
            FieldPath::Param(Param::Year) => f.write_str("year"),
        }
    }
}

/// Text that is not a field path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a scenario field: {0:?}")]
pub struct NotAField(pub String);

/// A line id as it may appear in a path: not empty, no dot.
fn id(s: &str) -> Option<String> {
    (!s.is_empty() && !s.contains('.')).then(|| s.to_string())
}

impl FromStr for FieldPath {
    type Err = NotAField;

    fn from_str(s: &str) -> Result<FieldPath, NotAField> {
        let parts: Vec<&str> = s.split('.').collect();
        let path = match parts.as_slice() {
            ["scenario"] => Some(FieldPath::Scenario),
            ["version"] => Some(FieldPath::Version),
            ["name"] => Some(FieldPath::Name),
            ["notes"] => Some(FieldPath::Notes),
            ["region"] => Some(FieldPath::Region),
            ["years"] => Some(FieldPath::Years),
            ["budget"] => Some(FieldPath::Budget),
            ["budget", "total"] => Some(FieldPath::BudgetTotal),
            ["budget", year, source] => {
                let year = match *year {
                    "all" => Some(None),
                    // Only the form `Display` writes ("2027", "-1"; not "+5" or "02027").
                    y => y
                        .parse::<i32>()
                        .ok()
                        .filter(|n| n.to_string() == y)
                        .map(Some),
                };
                match (year, Source::from_key(source)) {
                    (Some(year), Some(source)) => Some(FieldPath::BudgetCell { year, source }),
                    _ => None,
                }
            }
            ["allocation", line] => id(line).map(FieldPath::Allocation),
            ["constraints"] => Some(FieldPath::Constraints),
            ["constraints", line] => {
                id(line).map(|line| FieldPath::Constraint { line, bound: None })
            }
            ["constraints", line, bound] => {
                let bound = Bound::ALL.into_iter().find(|b| b.key() == *bound);
                match (id(line), bound) {
                    (Some(line), Some(b)) => Some(FieldPath::Constraint {
                        line,
                        bound: Some(b),
                    }),
                    _ => None,
                }
            }
            ["overrides"] => Some(FieldPath::Overrides),
            ["overrides", "lines", line] => {
                id(line).map(|line| FieldPath::LineOverride { line, param: None })
            }
            ["overrides", "lines", line, param] => {
                let param = LineParam::ALL.into_iter().find(|p| p.key() == *param);
                match (id(line), param) {
                    (Some(line), Some(p)) => Some(FieldPath::LineOverride {
                        line,
                        param: Some(p),
                    }),
                    _ => None,
                }
            }
            ["overrides", "region"] => Some(FieldPath::RegionOverride(None)),
            ["overrides", "region", key] => {
                RegionParam::from_key(key).map(|p| FieldPath::RegionOverride(Some(p)))
            }
            ["objective", "per_death"] => Some(FieldPath::Param(Param::PerDeath)),
            ["target"] => Some(FieldPath::Param(Param::Target)),
            ["year"] => Some(FieldPath::Param(Param::Year)),
            _ => None,
        };
        path.ok_or_else(|| NotAField(s.chars().take(80).collect()))
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FieldPath, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<FieldPath> {
        let mut all = vec![
            FieldPath::Scenario,
            FieldPath::Version,
            FieldPath::Name,
            FieldPath::Notes,
            FieldPath::Region,
            FieldPath::Years,
            FieldPath::Budget,
            FieldPath::BudgetTotal,
            FieldPath::allocation("swim"),
            FieldPath::Constraints,
            FieldPath::Constraint {
                line: "swim".into(),
                bound: None,
            },
            FieldPath::Overrides,
            FieldPath::LineOverride {
                line: "barrier".into(),
                param: None,
            },
            FieldPath::RegionOverride(None),
            FieldPath::Param(Param::PerDeath),
            FieldPath::Param(Param::Target),
            FieldPath::Param(Param::Year),
        ];
        for source in Source::ALL {
            all.push(FieldPath::BudgetCell {
                year: Some(2027),
                source,
            });
            all.push(FieldPath::BudgetCell { year: None, source });
        }
        all.extend(Bound::ALL.map(|b| FieldPath::bound("gifts", b)));
        all.extend(LineParam::ALL.map(|p| FieldPath::line_param("swim", p)));
        all.extend(RegionParam::ALL.map(FieldPath::region_param));
        all
    }

    #[test]
    fn paths_print_as_they_always_have() {
        let cases = [
            (FieldPath::allocation("swim"), "allocation.swim"),
            (
                FieldPath::BudgetCell {
                    year: Some(2027),
                    source: Source::Central,
                },
                "budget.2027.central",
            ),
            (
                FieldPath::BudgetCell {
                    year: None,
                    source: Source::Mobilised,
                },
                "budget.all.mobilised",
            ),
            (FieldPath::BudgetTotal, "budget.total"),
            (
                FieldPath::bound("swim", Bound::Floor),
                "constraints.swim.floor",
            ),
            (
                FieldPath::bound("swim", Bound::Lock),
                "constraints.swim.lock",
            ),
            (
                FieldPath::line_param("swim", LineParam::Rrr),
                "overrides.lines.swim.rrr",
            ),
            (
                FieldPath::region_param(RegionParam::Trend),
                "overrides.region.trend",
            ),
            (FieldPath::Param(Param::PerDeath), "objective.per_death"),
        ];
        for (path, text) in cases {
            assert_eq!(path.to_string(), text);
            assert_eq!(text.parse::<FieldPath>(), Ok(path));
        }
    }

    #[test]
    fn every_path_round_trips_and_has_a_label() {
        for p in every_kind() {
            let text = p.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(p.clone()), "{text}");
            for lang in [Lang::Vi, Lang::En] {
                assert!(!p.label(lang).is_empty(), "{text}");
            }
            let json = serde_json::to_string(&p).expect("serialises");
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<FieldPath>(&json).ok(), Some(p));
        }
    }

    #[test]
    fn nonsense_is_not_a_field() {
        for bad in [
            "",
            "bogus",
            "allocation",
            "allocation.",
            "allocation.a.b",
            "budget.20x7.central",
            "budget.+5.central",
            "budget.02027.central",
            "budget.2027.gold",
            "constraints.swim.roof",
            "overrides.lines.swim.colour",
            "overrides.region.weather",
            "overrides.lines..rrr",
            "objective.weight",
        ] {
            assert!(bad.parse::<FieldPath>().is_err(), "{bad}");
        }
    }

    #[test]
    fn labels_name_the_line_the_cell_and_the_figure() {
        assert_eq!(
            FieldPath::allocation("swim").label(Lang::Vi),
            crate::data::line("swim").map_or("", |l| l.name(Lang::Vi))
        );
        assert_eq!(FieldPath::allocation("nope").label(Lang::En), "nope");
        let cell = FieldPath::BudgetCell {
            year: Some(2027),
            source: Source::Central,
        };
        assert_eq!(cell.label(Lang::Vi), "Ngân sách trung ương 2027");
        assert_eq!(cell.label(Lang::En), "Central budget 2027");
        assert_eq!(
            FieldPath::region_param(RegionParam::Trend).label(Lang::En),
            "Yearly trend"
        );
        assert_eq!(FieldPath::Name.label(Lang::Vi), "Tên kịch bản");
    }
}
