//! The scenario: what the user edits, saves, shares and opens. Versioned; validated into
//! typed errors that name the field and the value.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::{self, Confidence, Tri, national};
use crate::error::ScenarioError;
use crate::field::{Bound, FieldPath, LineParam, RegionParam, Source};
use crate::money::{MAX_MONEY, Money, TY};

/// The schema version this build writes. Every version ever shipped keeps reading.
pub const SCHEMA_VERSION: u32 = 2;
/// First plan year accepted.
pub const MIN_YEAR: i32 = 2020;
/// Last plan year accepted.
pub const MAX_YEAR: i32 = 2045;
/// Longest plan, in years.
pub const MAX_PLAN_YEARS: i32 = 15;
/// Longest scenario name, in characters.
pub const MAX_NAME: usize = 120;
/// Longest notes, in characters.
pub const MAX_NOTES: usize = 2_000;

/// One plan year's budget by funding source, đồng.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct YearBudget {
    /// Ngân sách trung ương (NSTW).
    pub central: Money,
    /// Ngân sách địa phương (NSĐP).
    pub provincial: Money,
    /// Nguồn vận động, xã hội hóa, viện trợ.
    pub mobilised: Money,
}

impl YearBudget {
    /// All three sources together.
    pub fn total(&self) -> Money {
        self.central
            .saturating_add(self.provincial)
            .saturating_add(self.mobilised)
    }
}

/// Limits a line's allocation (for the user and for the optimiser).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Constraint {
    /// The optimiser leaves this line exactly as it is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locked: bool,
    /// Least annual amount, đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Money>,
    /// Greatest annual amount, đồng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceiling: Option<Money>,
}

impl Constraint {
    /// True when it constrains nothing.
    pub fn is_empty(&self) -> bool {
        !self.locked && self.floor.is_none() && self.ceiling.is_none()
    }
}

/// Changes to a line's default parameters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LineOverride {
    /// Unit cost, đồng (low, most likely, high).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<Tri<Money>>,
    /// Relative reduction of drowning risk among children covered, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rrr: Option<Tri<f64>>,
    /// Largest share of the eligible population reachable, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_coverage: Option<f64>,
    /// Years one unit keeps working, 1–30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durability_years: Option<f64>,
}

impl LineOverride {
    /// True when it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.unit_cost.is_none()
            && self.rrr.is_none()
            && self.max_coverage.is_none()
            && self.durability_years.is_none()
    }
}

/// Reads `Option<Tri<f64>>` from a number (schema 1: a single value, no uncertainty) or
/// from `{ "low", "mode", "high" }`.
fn point_or_range<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Tri<f64>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum PointOrRange {
        Point(f64),
        Range(Tri<f64>),
    }
    Ok(match Option::<PointOrRange>::deserialize(d)? {
        None => None,
        Some(PointOrRange::Point(x)) => Some(Tri::point(x)),
        Some(PointOrRange::Range(t)) => Some(t),
    })
}

/// Changes to the region's baseline figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RegionOverride {
    /// Children under 16.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<u64>,
    /// Share of them aged 0–4, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_under5: Option<f64>,
    /// Child drowning deaths per 100.000 children in the base year (low, most likely,
    /// high). JSON also accepts a plain number (schema 1), read as a range of one value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "point_or_range"
    )]
    pub drowning_rate: Option<Tri<f64>>,
    /// Yearly change of that rate without this plan (−0,025 = −2,5 %/year), −0,5–0,5, as
    /// (low, most likely, high). JSON also accepts a plain number (schema 1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "point_or_range"
    )]
    pub trend: Option<Tri<f64>>,
    /// Share of children 6–15 able to swim safely, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swim_share: Option<f64>,
    /// Children in special circumstances.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_circumstances: Option<u64>,
    /// Commune-level units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communes: Option<u32>,
    /// Share of communes recognised child-friendly, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_friendly_share: Option<f64>,
    /// Calls to hotline 111 a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotline_calls: Option<u64>,
}

impl RegionOverride {
    /// True when it changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == RegionOverride::default()
    }
}

/// Every change to the default assumptions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Overrides {
    /// Per line id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<String, LineOverride>,
    /// For the scenario's region.
    #[serde(default, skip_serializing_if = "RegionOverride::is_empty")]
    pub region: RegionOverride,
}

impl Overrides {
    /// True when nothing is overridden.
    pub fn is_empty(&self) -> bool {
        self.lines.values().all(LineOverride::is_empty) && self.region.is_empty()
    }
}

/// A plan: region, years, budget, allocation, assumptions. What the user edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Scenario {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub version: u32,
    /// Name shown in lists, charts and print (plain text, never markup).
    #[serde(default)]
    pub name: String,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Region id ("VN" or a province slug, see [`data::REGIONS`]).
    pub region: String,
    /// First plan year.
    pub start_year: i32,
    /// Last plan year (inclusive).
    pub end_year: i32,
    /// Budget of each plan year in order, by funding source.
    pub budget: Vec<YearBudget>,
    /// Annual allocation per line id, đồng, spent in every plan year. Missing lines get 0.
    #[serde(default)]
    pub allocation: BTreeMap<String, Money>,
    /// Locks, floors and ceilings per line id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub constraints: BTreeMap<String, Constraint>,
    /// Changed assumptions.
    #[serde(default, skip_serializing_if = "Overrides::is_empty")]
    pub overrides: Overrides,
    /// Seed of the Monte Carlo draws: same seed, same numbers, everywhere.
    #[serde(default)]
    pub seed: u64,
}

impl Default for Scenario {
    /// The national plan for 2027–2030: 350 tỷ đ a year, split between sources roughly as
    /// the 2011–2015 national programme was (51,8 % central, 42,1 % local, the rest
    /// mobilised; SOURCES.md §7.7), spread over every line.
    fn default() -> Self {
        Scenario {
            version: SCHEMA_VERSION,
            name: "Kế hoạch toàn quốc 2027–2030".to_string(),
            notes: String::new(),
            region: national::NATIONAL_ID.to_string(),
            start_year: 2027,
            end_year: 2030,
            budget: vec![
                YearBudget {
                    central: Money(180 * TY),
                    provincial: Money(150 * TY),
                    mobilised: Money(20 * TY),
                };
                4
            ],
            allocation: data::lines()
                .iter()
                .filter(|l| l.default_ty > 0)
                .map(|l| (l.id.to_string(), Money(i64::from(l.default_ty) * TY)))
                .collect(),
            constraints: BTreeMap::new(),
            overrides: Overrides::default(),
            seed: 2027,
        }
    }
}

impl Scenario {
    /// The default plan scaled to a region by its share of the nation's children, with
    /// amounts rounded to the nearest triệu đồng. Unknown ids get the national plan.
    pub fn default_for(region_id: &str) -> Scenario {
        let mut s = Scenario::default();
        let Some(r) = data::region(region_id) else {
            return s;
        };
        if r.id == national::NATIONAL_ID {
            return s;
        }
        let share = r.children as f64 / national::CHILDREN;
        let scale = |m: Money| Money(((m.0 as f64 * share / 1e6).round() as i64) * 1_000_000);
        s.region = r.id.to_string();
        s.name = format!("Kế hoạch {} 2027–2030", r.name(crate::Lang::Vi));
        for b in &mut s.budget {
            b.central = scale(b.central);
            b.provincial = scale(b.provincial);
            b.mobilised = scale(b.mobilised);
        }
        for v in s.allocation.values_mut() {
            *v = scale(*v);
        }
        // Rounding may push the sum a few triệu above the budget: trim the largest line.
        let budget = s.budget[0].total();
        let total: Money = s.allocation.values().copied().sum();
        if total > budget {
            if let Some(v) = s.allocation.values_mut().max() {
                *v = v.saturating_sub(total.saturating_sub(budget));
            }
        }
        s
    }

    /// The scenario read as the current schema. Schema 1 differs only in that a trend or a
    /// base rate was one value, which schema 2 reads as a range of one value (serde does
    /// that); every other version is left as it is for validation to judge.
    pub fn migrated(mut self) -> Scenario {
        if self.version == 1 {
            self.version = SCHEMA_VERSION;
        }
        self
    }

    /// The plan years, first to last.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.start_year..=self.end_year
    }

    /// Number of plan years (0 when the range is reversed).
    pub fn year_count(&self) -> usize {
        if self.end_year < self.start_year {
            0
        } else {
            (self.end_year - self.start_year + 1) as usize
        }
    }

    /// Annual allocation of a line (0 when absent).
    pub fn alloc(&self, id: &str) -> Money {
        self.allocation.get(id).copied().unwrap_or_default()
    }

    /// Total annual allocation.
    pub fn allocated(&self) -> Money {
        self.allocation.values().copied().sum()
    }

    /// The constraint of a line (empty when absent).
    pub fn constraint(&self, id: &str) -> Constraint {
        self.constraints.get(id).copied().unwrap_or_default()
    }

    /// The smallest yearly budget (what a constant annual allocation must fit in).
    pub fn min_year_budget(&self) -> Money {
        self.budget
            .iter()
            .map(YearBudget::total)
            .min()
            .unwrap_or_default()
    }

    /// Every problem with the scenario, in field order (empty when valid).
    pub fn problems(&self) -> Vec<ScenarioError> {
        let mut out = Vec::new();
        if self.version == 0 || self.version > SCHEMA_VERSION {
            out.push(ScenarioError::UnsupportedVersion {
                found: self.version,
                supported: SCHEMA_VERSION,
            });
        }
        let name_len = self.name.chars().count();
        if name_len > MAX_NAME {
            out.push(ScenarioError::TextTooLong {
                field: FieldPath::Name,
                len: name_len as u32,
                max: MAX_NAME as u32,
            });
        }
        let notes_len = self.notes.chars().count();
        if notes_len > MAX_NOTES {
            out.push(ScenarioError::TextTooLong {
                field: FieldPath::Notes,
                len: notes_len as u32,
                max: MAX_NOTES as u32,
            });
        }
        if data::region(&self.region).is_none() {
            out.push(ScenarioError::UnknownRegion(clip(&self.region)));
        }
        let years_ok = self.start_year >= MIN_YEAR
            && self.end_year <= MAX_YEAR
            && self.start_year <= self.end_year
            && self.end_year - self.start_year < MAX_PLAN_YEARS;
        if !years_ok {
            out.push(ScenarioError::Years {
                start: self.start_year,
                end: self.end_year,
            });
        } else if self.budget.len() != self.year_count() {
            out.push(ScenarioError::BudgetYears {
                expected: self.year_count() as u32,
                found: self.budget.len().min(u32::MAX as usize) as u32,
            });
        }
        for (i, b) in self.budget.iter().enumerate().take(64) {
            let year = self.start_year.saturating_add(i as i32);
            for (source, m) in [
                (Source::Central, b.central),
                (Source::Provincial, b.provincial),
                (Source::Mobilised, b.mobilised),
            ] {
                let field = FieldPath::BudgetCell {
                    year: Some(year),
                    source,
                };
                money_check(&mut out, field, m);
            }
        }
        for (id, m) in &self.allocation {
            if data::line(id).is_none() {
                out.push(ScenarioError::UnknownLine(clip(id)));
                continue;
            }
            money_check(&mut out, FieldPath::allocation(id), *m);
        }
        for (id, c) in &self.constraints {
            if data::line(id).is_none() {
                out.push(ScenarioError::UnknownLine(clip(id)));
                continue;
            }
            if let Some(f) = c.floor {
                money_check(&mut out, FieldPath::bound(id, Bound::Floor), f);
            }
            if let Some(c) = c.ceiling {
                money_check(&mut out, FieldPath::bound(id, Bound::Ceiling), c);
            }
            match (c.floor, c.ceiling) {
                (Some(f), Some(ce)) if f > ce => out.push(ScenarioError::FloorAboveCeiling {
                    line: id.clone(),
                    floor: f,
                    ceiling: ce,
                }),
                _ => {
                    let v = self.alloc(id);
                    let below = c.floor.is_some_and(|f| v < f);
                    let above = c.ceiling.is_some_and(|ce| v > ce);
                    if below || above {
                        out.push(ScenarioError::OutsideBounds {
                            line: id.clone(),
                            value: v,
                            floor: c.floor,
                            ceiling: c.ceiling,
                        });
                    }
                }
            }
        }
        self.check_overrides(&mut out);
        let allocated = self.allocated();
        if out.is_empty() {
            for (i, b) in self.budget.iter().enumerate() {
                if allocated > b.total() {
                    out.push(ScenarioError::OverBudget {
                        year: self.start_year + i as i32,
                        allocated,
                        budget: b.total(),
                    });
                    break;
                }
            }
        }
        out
    }

    /// The first problem, if any.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn check_overrides(&self, out: &mut Vec<ScenarioError>) {
        for (id, o) in &self.overrides.lines {
            if data::line(id).is_none() {
                out.push(ScenarioError::UnknownLine(clip(id)));
                continue;
            }
            if let Some(t) = o.unit_cost {
                let field = FieldPath::line_param(id, LineParam::UnitCost);
                if t.low.0 <= 0 || t.high > MAX_MONEY {
                    out.push(ScenarioError::OutOfRange {
                        field,
                        value: t.low.0 as f64,
                        min: 1.0,
                        max: MAX_MONEY.0 as f64,
                    });
                } else if !(t.low <= t.mode && t.mode <= t.high) {
                    out.push(ScenarioError::BadRange { field });
                }
            }
            if let Some(t) = o.rrr {
                share_tri(out, FieldPath::line_param(id, LineParam::Rrr), t);
            }
            if let Some(v) = o.max_coverage {
                range(
                    out,
                    FieldPath::line_param(id, LineParam::MaxCoverage),
                    v,
                    0.0,
                    1.0,
                );
            }
            if let Some(v) = o.durability_years {
                range(
                    out,
                    FieldPath::line_param(id, LineParam::DurabilityYears),
                    v,
                    1.0,
                    30.0,
                );
            }
        }
        let r = &self.overrides.region;
        let p = FieldPath::region_param;
        if let Some(v) = r.children {
            range(out, p(RegionParam::Children), v as f64, 1.0, 50_000_000.0);
        }
        if let Some(v) = r.share_under5 {
            range(out, p(RegionParam::ShareUnder5), v, 0.01, 0.99);
        }
        if let Some(t) = r.drowning_rate {
            tri_in(out, p(RegionParam::DrowningRate), t, 0.0, 1_000.0);
        }
        if let Some(t) = r.trend {
            tri_in(out, p(RegionParam::Trend), t, -0.5, 0.5);
        }
        if let Some(v) = r.swim_share {
            range(out, p(RegionParam::SwimShare), v, 0.0, 1.0);
        }
        if let Some(v) = r.special_circumstances {
            range(
                out,
                p(RegionParam::SpecialCircumstances),
                v as f64,
                0.0,
                50_000_000.0,
            );
        }
        if let Some(v) = r.communes {
            range(out, p(RegionParam::Communes), f64::from(v), 1.0, 100_000.0);
        }
        if let Some(v) = r.child_friendly_share {
            range(out, p(RegionParam::ChildFriendlyShare), v, 0.0, 1.0);
        }
        if let Some(v) = r.hotline_calls {
            range(out, p(RegionParam::HotlineCalls), v as f64, 0.0, 1.0e9);
        }
    }
}

fn money_check(out: &mut Vec<ScenarioError>, field: FieldPath, m: Money) {
    if m.0 < 0 {
        out.push(ScenarioError::NegativeMoney { field, value: m });
    } else if m > MAX_MONEY {
        out.push(ScenarioError::TooMuchMoney { field, value: m });
    }
}

fn range(out: &mut Vec<ScenarioError>, field: FieldPath, v: f64, min: f64, max: f64) {
    if !v.is_finite() {
        out.push(ScenarioError::NonFinite { field });
    } else if v < min || v > max {
        out.push(ScenarioError::OutOfRange {
            field,
            value: v,
            min,
            max,
        });
    }
}

fn share_tri(out: &mut Vec<ScenarioError>, field: FieldPath, t: Tri<f64>) {
    tri_in(out, field, t, 0.0, 1.0);
}

fn tri_in(out: &mut Vec<ScenarioError>, field: FieldPath, t: Tri<f64>, min: f64, max: f64) {
    let before = out.len();
    for v in [t.low, t.mode, t.high] {
        range(out, field.clone(), v, min, max);
        if out.len() > before {
            return;
        }
    }
    if !(t.low <= t.mode && t.mode <= t.high) {
        out.push(ScenarioError::BadRange { field });
    }
}

/// Keeps error messages short when an id is huge or hostile.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A figure of the region's baseline with its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Figure {
    /// The value in its natural unit (a count, a share 0–1, a rate per 100.000); for an
    /// uncertain figure, the most likely value.
    pub value: f64,
    /// Lowest and highest plausible values, for the figures the Monte Carlo draws.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub range: Option<(f64, f64)>,
    /// Where it comes from.
    pub source: &'static str,
    /// How far it can be trusted ([`Confidence::Edited`] when the scenario changed it).
    pub confidence: Confidence,
}

impl Figure {
    fn from(value: f64, s: data::Source) -> Figure {
        Figure {
            value,
            range: None,
            source: s.text,
            confidence: s.confidence,
        }
    }

    fn uncertain(t: Tri<f64>, s: data::Source) -> Figure {
        Figure {
            range: Some((t.low, t.high)),
            ..Figure::from(t.mode, s)
        }
    }

    fn or_edit(self, edit: Option<f64>) -> Figure {
        match edit {
            Some(v) => Figure {
                value: v,
                range: None,
                source: "changed in this scenario",
                confidence: Confidence::Edited,
            },
            None => self,
        }
    }

    fn or_edit_range(self, edit: Option<Tri<f64>>) -> Figure {
        match edit {
            Some(t) => Figure {
                range: Some((t.low, t.high)),
                ..self.or_edit(Some(t.mode))
            },
            None => self,
        }
    }

    /// The figure as (low, most likely, high); a figure without a range is a point.
    pub fn tri(&self) -> Tri<f64> {
        let (low, high) = self.range.unwrap_or((self.value, self.value));
        Tri {
            low,
            mode: self.value,
            high,
        }
    }
}

/// The region's baseline figures after the scenario's overrides.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Baseline {
    /// Children under 16.
    pub children: Figure,
    /// Share of them aged 0–4.
    pub share_under5: Figure,
    /// Child drowning deaths per 100.000 children, base year ([`national::BASE_YEAR`]).
    pub drowning_rate: Figure,
    /// Yearly change of the rate without this plan.
    pub trend: Figure,
    /// Share of drowning deaths among 0–4-year-olds.
    pub death_share_under5: Figure,
    /// The 2020 rate the reduction targets are measured against.
    pub reference_rate_2020: Figure,
    /// Share of children 6–15 able to swim safely.
    pub swim_share: Figure,
    /// Children in special circumstances.
    pub special_circumstances: Figure,
    /// Commune-level units.
    pub communes: Figure,
    /// Share of communes recognised child-friendly.
    pub child_friendly_share: Figure,
    /// Calls to hotline 111 a year.
    pub hotline_calls: Figure,
}

/// The baseline of a region id with no overrides; `None` for an unknown id.
pub fn region_baseline(region_id: &str) -> Option<Baseline> {
    baseline_with(region_id, &RegionOverride::default())
}

pub(crate) fn baseline_with(region_id: &str, o: &RegionOverride) -> Option<Baseline> {
    let r = data::region(region_id)?;
    let nation = r.id == national::NATIONAL_ID;
    let children =
        Figure::from(r.children as f64, r.children_source).or_edit(o.children.map(|v| v as f64));
    let child_share = children.value / national::CHILDREN;
    let special = match r.special {
        Some((v, s)) => Figure::from(v as f64, s),
        None => Figure::from(
            libm::round(children.value * national::SPECIAL_SHARE),
            national::SPECIAL_SHARE_SOURCE,
        ),
    }
    .or_edit(o.special_circumstances.map(|v| v as f64));
    let communes = if nation {
        national::COMMUNES
    } else {
        let provinces = &data::REGIONS[1..];
        let pop: f64 = provinces.iter().map(|p| p.pop_admin as f64).sum();
        let area: f64 = provinces.iter().map(|p| p.area_km2).sum();
        let w = 0.5 * r.pop_admin as f64 / pop + 0.5 * r.area_km2 / area;
        libm::round(national::COMMUNES * w).max(1.0)
    };
    let cf = match r.child_friendly {
        Some((v, s)) => Figure::from(v, s),
        None => Figure::from(
            national::CHILD_FRIENDLY_SHARE,
            national::CHILD_FRIENDLY_SHARE_SOURCE,
        ),
    };
    Some(Baseline {
        children,
        share_under5: Figure::from(national::SHARE_UNDER5, national::SHARE_UNDER5_SOURCE)
            .or_edit(o.share_under5),
        drowning_rate: Figure::uncertain(national::DROWNING_RATE, national::DROWNING_RATE_SOURCE)
            .or_edit_range(o.drowning_rate),
        trend: Figure::uncertain(national::TREND, national::TREND_SOURCE).or_edit_range(o.trend),
        death_share_under5: Figure::from(
            national::DEATH_SHARE_UNDER5,
            national::DEATH_SHARE_UNDER5_SOURCE,
        ),
        reference_rate_2020: Figure::from(
            national::REFERENCE_RATE_2020,
            national::REFERENCE_RATE_2020_SOURCE,
        ),
        swim_share: Figure::from(national::SWIM_SHARE, national::SWIM_SHARE_SOURCE)
            .or_edit(o.swim_share),
        special_circumstances: special,
        communes: Figure::from(communes, national::COMMUNES_SOURCE)
            .or_edit(o.communes.map(f64::from)),
        child_friendly_share: cf.or_edit(o.child_friendly_share),
        hotline_calls: Figure::from(
            libm::round(national::HOTLINE_CALLS * if nation { 1.0 } else { child_share }),
            // The national count is official; a province's share of it is our estimate.
            if nation {
                national::HOTLINE_CALLS_SOURCE
            } else {
                national::HOTLINE_CALLS_PROVINCE_SOURCE
            },
        )
        .or_edit(o.hotline_calls.map(|v| v as f64)),
    })
}

/// Whether a line's default parameters are changed in this scenario.
pub fn line_edited(s: &Scenario, id: &str) -> bool {
    s.overrides.lines.get(id).is_some_and(|o| !o.is_empty())
}

/// Lines of the catalogue in order, with their annual allocation.
pub fn allocations(s: &Scenario) -> impl Iterator<Item = (&'static data::LineDef, Money)> + '_ {
    data::lines().iter().map(move |l| (l, s.alloc(l.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid_and_spends_its_budget() {
        let s = Scenario::default();
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(s.allocated(), Money(350 * TY));
        assert_eq!(s.budget[0].total(), Money(350 * TY));
        assert_eq!(s.year_count(), 4);
    }

    #[test]
    fn every_region_default_is_valid() {
        for r in data::REGIONS {
            let s = Scenario::default_for(r.id);
            assert_eq!(s.validate(), Ok(()), "{}", r.id);
            assert!(s.allocated() <= s.min_year_budget());
        }
        // Điện Biên: 208.222 / 24.800.000 × 350 tỷ ≈ 2,939 tỷ a year.
        let s = Scenario::default_for("dien-bien");
        assert_eq!(s.budget[0].total(), Money(2_938_000_000));
    }

    #[test]
    fn problems_name_the_field_and_value() {
        let mut s = Scenario::default();
        s.allocation.insert("swim".into(), Money(-5));
        s.allocation.insert("nope".into(), Money(1));
        s.region = "XX".into();
        s.overrides.lines.insert(
            "swim".into(),
            LineOverride {
                rrr: Some(Tri {
                    low: 0.1,
                    mode: f64::NAN,
                    high: 0.2,
                }),
                ..Default::default()
            },
        );
        let p = s.problems();
        assert!(p.contains(&ScenarioError::UnknownRegion("XX".into())));
        assert!(p.contains(&ScenarioError::UnknownLine("nope".into())));
        assert!(p.contains(&ScenarioError::NegativeMoney {
            field: FieldPath::allocation("swim"),
            value: Money(-5)
        }));
        assert!(p.contains(&ScenarioError::NonFinite {
            field: FieldPath::line_param("swim", LineParam::Rrr)
        }));
    }

    #[test]
    fn over_budget_names_the_year() {
        let mut s = Scenario::default();
        s.budget[2].provincial = Money(0);
        assert_eq!(
            s.validate(),
            Err(ScenarioError::OverBudget {
                year: 2029,
                allocated: Money(350 * TY),
                budget: Money(200 * TY)
            })
        );
    }

    #[test]
    fn years_and_budget_rows_must_agree() {
        let mut s = Scenario {
            end_year: 2031,
            ..Scenario::default()
        };
        assert_eq!(
            s.validate(),
            Err(ScenarioError::BudgetYears {
                expected: 5,
                found: 4
            })
        );
        s.end_year = 2019;
        assert!(matches!(s.validate(), Err(ScenarioError::Years { .. })));
        s.start_year = 2020;
        s.end_year = 2040;
        assert!(matches!(s.validate(), Err(ScenarioError::Years { .. })));
    }

    #[test]
    fn json_round_trips_and_rejects_unknown_fields() {
        let s = Scenario::default();
        let json = serde_json::to_string(&s).expect("serialises");
        let back: Scenario = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, s);
        let bad = json.replacen("\"seed\"", "\"sneed\":1,\"seed\"", 1);
        assert!(serde_json::from_str::<Scenario>(&bad).is_err());
    }

    #[test]
    fn baseline_uses_provincial_reports() {
        let b = region_baseline("dien-bien").expect("known region");
        assert_eq!(b.children.value, 208_222.0);
        assert_eq!(b.special_circumstances.value, 6_847.0);
        assert_eq!(b.child_friendly_share.value, 0.66);
        let n = region_baseline("VN").expect("nation");
        assert_eq!(n.communes.value, 3_321.0);
        assert_eq!(n.special_circumstances.value, 1_736_000.0);
        // The provinces' commune estimates add up to the national count within rounding.
        let sum: f64 = data::REGIONS[1..]
            .iter()
            .map(|r| region_baseline(r.id).map_or(0.0, |b| b.communes.value))
            .sum();
        assert!((sum - 3_321.0).abs() <= 17.0, "{sum}");
    }
}
