//! The embedded default data: regions (the nation and the 34 provincial units in force
//! since 1 July 2025), the programme-line catalogue and the national targets.
//!
//! Every figure carries its source and a confidence grade. A [`Source`] says, in Vietnamese
//! and in English, where the figure comes from in words a user can read; the internal
//! references (row numbers such as "§1.3" of `shared/data/SOURCES.md`, which gives the full
//! citation and link) are kept apart in [`Source::refs`] and never shown. Figures marked
//! [`Confidence::Estimate`] are our own computations or assumptions; the text says how
//! they were made and they must not be presented as official.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::money::Money;
use crate::words::ModelWords;

/// One of a data row's two texts: data rows carry both languages as fields.
fn bilingual(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// How far a figure can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Confidence {
    /// A legal document or a ministry statement.
    Official,
    /// A peer-reviewed paper, abstract or systematic review.
    Academic,
    /// A newspaper reporting an official figure.
    Press,
    /// Computed or assumed by us; the source text says how.
    Estimate,
    /// Changed by the user in this scenario.
    Edited,
}

impl Confidence {
    /// Label in the user's language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Confidence::Official => ModelWords::GradeOfficial.get(lang),
            Confidence::Academic => ModelWords::GradeAcademic.get(lang),
            Confidence::Press => ModelWords::GradePress.get(lang),
            Confidence::Estimate => ModelWords::GradeEstimate.get(lang),
            Confidence::Edited => ModelWords::GradeEdited.get(lang),
        }
    }
}

/// Where a figure comes from, in words a user can read in either language. Neither text
/// carries an internal reference: those live in [`Source::refs`], for the documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Source {
    /// The citation for an English reader, short enough for a table cell. Code that shows a
    /// source reads it in the user's language with [`Source::get`] (or [`source_text`] when it
    /// holds only this text).
    pub text: &'static str,
    /// The same for a Vietnamese reader: a Vietnamese summary; a foreign study keeps its
    /// original title.
    pub vi: &'static str,
    /// Internal references, never shown to users: "§n.m" rows of the data notes
    /// (shared/data/SOURCES.md), "seed 003" (the requester's seed facts).
    pub refs: &'static str,
    /// How far it can be trusted.
    pub confidence: Confidence,
}

impl Source {
    /// The citation in a language.
    pub fn get(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Vi => self.vi,
            crate::Lang::En => self.text,
        }
    }
}

const fn src(
    vi: &'static str,
    en: &'static str,
    refs: &'static str,
    confidence: Confidence,
) -> Source {
    Source {
        text: en,
        vi,
        refs,
        confidence,
    }
}

/// A quantity known as a range: low, most likely (mode) and high.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Tri<T> {
    /// Lowest plausible value.
    pub low: T,
    /// Most likely value; the figure used by `evaluate`.
    pub mode: T,
    /// Highest plausible value.
    pub high: T,
}

impl<T: Copy> Tri<T> {
    /// A range of one value (no uncertainty).
    pub const fn point(x: T) -> Tri<T> {
        Tri {
            low: x,
            mode: x,
            high: x,
        }
    }
}

/// An age band of children under 16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Band {
    /// Children aged 0–4.
    #[serde(rename = "0-4")]
    Under5,
    /// Children aged 5–15.
    #[serde(rename = "5-15")]
    School,
}

/// Which children a drowning effect applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Bands {
    /// Children aged 0–4 only.
    Under5,
    /// Children aged 5–15 only.
    School,
    /// All children under 16.
    All,
}

impl Bands {
    /// Whether the set contains the band.
    pub fn contains(self, band: Band) -> bool {
        matches!(
            (self, band),
            (Bands::All, _) | (Bands::Under5, Band::Under5) | (Bands::School, Band::School)
        )
    }
}

/// The four groups lines are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Category {
    /// Phòng, chống đuối nước.
    DrowningPrevention,
    /// Dịch vụ bảo vệ trẻ em.
    ProtectionServices,
    /// Hỗ trợ trực tiếp.
    DirectSupport,
    /// Điều kiện, môi trường.
    Enabling,
}

impl Category {
    /// All categories in display order.
    pub const ALL: [Category; 4] = [
        Category::DrowningPrevention,
        Category::ProtectionServices,
        Category::DirectSupport,
        Category::Enabling,
    ];

    /// Name in the user's language.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        match self {
            Category::DrowningPrevention => ModelWords::CategoryDrowning.get(lang),
            Category::ProtectionServices => ModelWords::CategoryProtection.get(lang),
            Category::DirectSupport => ModelWords::CategoryDirect.get(lang),
            Category::Enabling => ModelWords::CategoryEnabling.get(lang),
        }
    }
}

/// How reach grows with money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Shape {
    /// `reach = min(headroom, spend / unit_cost)`.
    Linear,
    /// Diminishing returns: `reach = headroom × (1 − e^(−spend / (unit_cost × headroom)))`;
    /// the first đồng buys as much as in the linear form, the last almost nothing.
    Saturating,
}

/// How what a line buys keeps protecting in the years after it is bought. Deaths averted
/// "over the lifetime" count every year until nothing is left (at most to
/// [`national::HORIZON_END`]); "during the plan" counts the plan years only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Lasting {
    /// Works fully for `durability_years` years, then stops: a barrier's service life, a
    /// place in day care for the year it is paid (1).
    Fixed,
    /// Children age out evenly over `durability_years` years: a child taught to swim at
    /// 6–15 stays protected until 16 — 10 years for a 6-year-old, 1 for a 15-year-old.
    AgeOut,
    /// Fades by the same share every year, lasting `durability_years` on average: skills
    /// without refresher, messages.
    Fades,
}

impl Lasting {
    /// Share of what was bought still working `k` whole years later (`k = 0`: the year it
    /// is bought, always 1). `years` is the line's durability (at least 1).
    pub fn survival(self, years: f64, k: u32) -> f64 {
        let d = if years.is_finite() {
            years.max(1.0)
        } else {
            1.0
        };
        let k = f64::from(k);
        match self {
            Lasting::Fixed => (d - k).clamp(0.0, 1.0),
            Lasting::AgeOut => (1.0 - k / d).max(0.0),
            Lasting::Fades => libm::pow(1.0 - 1.0 / d, k),
        }
    }

    /// Years after the purchase year in which anything is left (0 for a yearly purchase);
    /// what fades counts until less than 1 % is left.
    pub fn span(self, years: f64) -> u32 {
        let d = if years.is_finite() {
            years.clamp(1.0, 100.0)
        } else {
            1.0
        };
        let whole = libm::ceil(d) as u32;
        match self {
            Lasting::Fixed | Lasting::AgeOut => whole.saturating_sub(1),
            Lasting::Fades => {
                let keep = 1.0 - 1.0 / d;
                if keep <= 0.0 {
                    0
                } else {
                    libm::ceil(libm::log(1e-2) / libm::log(keep)).clamp(0.0, 200.0) as u32
                }
            }
        }
    }
}

/// Who a line can reach; the cap is this population × the line's maximum coverage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Eligible {
    /// A fraction of an age band (or of all children).
    Children {
        /// The band(s).
        bands: Bands,
        /// Fraction of the band eligible.
        fraction: f64,
    },
    /// Children 5–15 who cannot yet swim: the band × (1 − swim share).
    NonSwimmers,
    /// Children in special circumstances (trẻ em có hoàn cảnh đặc biệt).
    SpecialCircumstances,
    /// Calls to hotline 111: today's demand × this factor.
    HotlineDemand {
        /// Headroom over today's call volume.
        factor: f64,
    },
    /// One unit per commune.
    Communes,
    /// Communes not yet recognised as child-friendly.
    CommunesNotCertified,
}

/// What a line does: its role in the targets beyond reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Role {
    /// Nothing beyond reach, support and drowning effect.
    Plain,
    /// Children taught count towards the swim-safely target.
    Swimming,
    /// Communes certified count towards the child-friendly-commune target.
    ChildFriendly,
}

/// How many children one unit reaches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PerUnit {
    /// A fixed number.
    Fixed(f64),
    /// All the children of an average commune of the region.
    ChildrenPerCommune,
}

/// A programme line in the catalogue. Numbers here are defaults; a scenario may override
/// the unit cost, the effect, the maximum coverage and the durability.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LineDef {
    /// Stable id used in scenarios, links and `data-testid`s.
    pub id: &'static str,
    /// Name in Vietnamese.
    pub name_vi: &'static str,
    /// Name in English.
    pub name_en: &'static str,
    /// Short name in Vietnamese, for narrow charts, legends and tables.
    pub short_vi: &'static str,
    /// Short name in English.
    pub short_en: &'static str,
    /// Display group.
    pub category: Category,
    /// Unit of reach, Vietnamese (plural noun phrase).
    pub unit_vi: &'static str,
    /// Unit of reach, English.
    pub unit_en: &'static str,
    /// Cost of one unit, đồng.
    pub unit_cost: Tri<Money>,
    /// Where the unit cost comes from.
    pub cost_source: Source,
    /// Who can be reached.
    pub eligible: Eligible,
    /// Largest share of the eligible population the line can reach.
    pub max_coverage: f64,
    /// Where the eligibility and cap come from.
    pub eligible_source: Source,
    /// Children reached per unit.
    pub per_unit: PerUnit,
    /// Where the children-per-unit figure comes from.
    pub per_unit_source: Source,
    /// Whether `per_unit` children count in the "children reached" headline.
    pub counts_children: bool,
    /// How reach grows with money.
    pub shape: Shape,
    /// Years one unit keeps working, read by `lasting`: a service life, the span over
    /// which children age out, or the average life of what fades; 1 = bought again every
    /// year.
    pub durability_years: f64,
    /// How what is bought stops protecting over the years after it is bought.
    pub lasting: Lasting,
    /// Annual amount of the national default plan, tỷ đồng (0: not funded by default);
    /// provinces get it scaled by their share of children ([`crate::Scenario::default_for`]).
    pub default_ty: u32,
    /// Where the durability comes from.
    pub durability_source: Source,
    /// Drowning effect: the bands protected and the relative risk reduction among the
    /// children covered.
    pub drowning: Option<(Bands, Tri<f64>, Source)>,
    /// Children counted as supported per unit bought (0 for lines that only protect).
    pub supported_per_unit: f64,
    /// Where the supported count comes from.
    pub supported_source: Option<Source>,
    /// Role in targets.
    pub role: Role,
}

impl LineDef {
    /// Name in the user's language.
    pub fn name(&self, lang: crate::Lang) -> &'static str {
        bilingual(lang, self.name_vi, self.name_en)
    }

    /// Short name in the user's language (narrow charts, legends, tables).
    pub fn short_name(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Vi => self.short_vi,
            crate::Lang::En => self.short_en,
        }
    }

    /// Unit in the user's language.
    pub fn unit(&self, lang: crate::Lang) -> &'static str {
        bilingual(lang, self.unit_vi, self.unit_en)
    }
}

/// The programme-line catalogue, in display order.
pub static LINES: &[LineDef] = &[
    LineDef {
        id: "swim",
        name_vi: "Dạy bơi an toàn (trẻ 6–15 tuổi)",
        name_en: "Survival swimming lessons (ages 6–15)",
        short_vi: "Dạy bơi an toàn",
        short_en: "Swimming lessons",
        category: Category::DrowningPrevention,
        unit_vi: "trẻ được dạy bơi",
        unit_en: "children taught to swim",
        unit_cost: Tri {
            low: Money(480_000),
            mode: Money(600_000),
            high: Money(720_000),
        },
        cost_source: src(
            "20–30 USD cho mỗi trẻ học xong khóa bơi sinh tồn tại Việt Nam (tóm tắt hội nghị, Injury Prevention 2024;30 Suppl 1:A35.2); quy đổi 24.000 đ/USD",
            "US$ 20–30 per child completing a survival-swim course in Vietnam (conference abstract, Injury Prevention 2024;30 Suppl 1:A35.2); US$ at 24.000 đ",
            "§3.19; default §8",
            Confidence::Academic,
        ),
        eligible: Eligible::NonSwimmers,
        max_coverage: 0.9,
        eligible_source: src(
            "trẻ 5–15 tuổi chưa biết bơi (19,2 % biết bơi, năm 2022); tiếp cận được tối đa 90 % — ước tính",
            "children 5–15 who cannot swim (19,2 % could, 2022); at most 90 % reachable — estimate",
            "§1.15",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "theo định nghĩa: mỗi khóa học xong là một trẻ",
            "by definition: one child per course completed",
            "",
            Confidence::Estimate,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 10.0,
        lasting: Lasting::AgeOut,
        default_ty: 120,
        durability_source: src(
            "trẻ được dạy bơi ở tuổi 6–15 được bảo vệ đến 16 tuổi: 10 năm với trẻ 6 tuổi, 1 năm với trẻ 15 tuổi, trung bình 5,5 năm (giả định số trẻ mỗi tuổi như nhau); 84 % vẫn bơi và nổi được sau hơn 10 năm (Rahman và cộng sự, Injury Prevention 2024) — ước tính",
            "a child taught at 6–15 stays protected until 16: 10 years for a 6-year-old, 1 for a 15-year-old, 5,5 on average (ages assumed even); 84 % still swim and float more than 10 years later (Rahman et al., Injury Prevention 2024) — estimate",
            "§3.13",
            Confidence::Estimate,
        ),
        drowning: Some((
            Bands::School,
            Tri {
                low: 0.50,
                mode: 0.70,
                high: 0.93,
            },
            src(
                "hiệu quả ở trẻ đã học xong: tử vong do đuối nước giảm 93 % ở trẻ hoàn thành SwimSafe (RR 0,072; Rahman và cộng sự, “Cost-effectiveness of an injury and drowning prevention program in Bangladesh”, Pediatrics 2012) — nghiên cứu quan sát nên là mức cao nhất; kết quả trên diện rộng ở Việt Nam tương ứng khoảng −60 % đến −90 %; thấp −50 %, nhiều khả năng nhất −70 %",
                "effect among children who completed lessons: −93 % drowning deaths for SwimSafe graduates (RR 0,072; Rahman et al., “Cost-effectiveness of an injury and drowning prevention program in Bangladesh”, Pediatrics 2012) — observational, so an upper bound; Vietnamese area-wide results imply ≈ −60 % to −90 %; low −50 %, most likely −70 %",
                "§3.5; §10.1",
                Confidence::Academic,
            ),
        )),
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Swimming,
    },
    LineDef {
        id: "barrier",
        name_vi: "Rào chắn, nắp đậy ao, giếng, bể nước tại gia đình (trẻ 0–4)",
        name_en: "Barriers and covers for home ponds, wells and tanks (ages 0–4)",
        short_vi: "Rào chắn, nắp đậy ao, giếng",
        short_en: "Pond and well barriers",
        category: Category::DrowningPrevention,
        unit_vi: "hộ được làm rào chắn",
        unit_en: "households with barriers",
        unit_cost: Tri {
            low: Money(1_000_000),
            mode: Money(2_000_000),
            high: Money(4_000_000),
        },
        cost_source: src(
            "chưa có số liệu chi phí ở Việt Nam; nắp giếng hoặc rào ao bằng vật liệu địa phương giả định 1–4 triệu đ mỗi hộ — ước tính",
            "no Vietnamese costing found; a well cover or pond fence of local materials assumed 1–4 million VND per household — estimate",
            "",
            Confidence::Estimate,
        ),
        eligible: Eligible::Children {
            bands: Bands::Under5,
            fraction: 0.6,
        },
        max_coverage: 0.8,
        eligible_source: src(
            "trẻ dưới 5 tuổi đuối nước gần nhà (ao, bể, hố); nguy cơ ở nông thôn gấp đôi thành thị; giả định 60 % trẻ dưới 5 tuổi sống gần nguồn nước hở — ước tính",
            "under-5s drown near home in ponds, tanks and pits; rural risk twice urban; 60 % of under-5s assumed to live near open water at home — estimate",
            "§1.13",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.2),
        per_unit_source: src(
            "khoảng 1,2 trẻ 0–4 tuổi được bảo vệ ở mỗi hộ nông thôn có con nhỏ — ước tính",
            "≈ 1,2 children aged 0–4 protected per rural household with young children — estimate",
            "",
            Confidence::Estimate,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 5.0,
        lasting: Lasting::Fixed,
        default_ty: 20,
        durability_source: src(
            "rào chắn giả định dùng được 5 năm, bảo vệ cả trẻ nhỏ sinh sau trong hộ — ước tính",
            "a barrier assumed to last 5 years, protecting the household's next young child too — estimate",
            "",
            Confidence::Estimate,
        ),
        drowning: Some((
            Bands::Under5,
            Tri {
                low: 0.20,
                mode: 0.50,
                high: 0.83,
            },
            src(
                "rào bể bơi: OR 0,27 (0,16–0,47), giảm 73 % (tổng quan Cochrane CD001047, “Pool fencing for preventing drowning in children”), hạ xuống vì chuyển từ bể bơi ở nước giàu sang ao, giếng ở Việt Nam",
                "pool fencing: OR 0,27 (0,16–0,47), −73 % (Cochrane review CD001047, “Pool fencing for preventing drowning in children”), lowered for transfer from pools in rich countries to Vietnamese ponds and wells",
                "§3.15",
                Confidence::Academic,
            ),
        )),
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Plain,
    },
    LineDef {
        id: "daycare",
        name_vi: "Nhóm trẻ cộng đồng, trông giữ trẻ an toàn (1–4 tuổi)",
        name_en: "Community day care (ages 1–4)",
        short_vi: "Nhóm trẻ cộng đồng",
        short_en: "Community day care",
        category: Category::DrowningPrevention,
        unit_vi: "trẻ được trông giữ mỗi năm",
        unit_en: "children in day care per year",
        unit_cost: Tri {
            low: Money(192_000),
            mode: Money(384_000),
            high: Money(1_440_000),
        },
        cost_source: src(
            "nhóm trẻ 16 USD mỗi trẻ mỗi năm (8–23), dự án SoLiD ở Bangladesh (Alfonso và cộng sự, Injury Epidemiology 2021); đến 60 USD (nhóm trẻ Anchal, Rahman và cộng sự, Pediatrics 2012); quy đổi 24.000 đ/USD",
            "crèche US$ 16 per child-year (8–23), SoLiD project in Bangladesh (Alfonso et al., Injury Epidemiology 2021); up to US$ 60 (Anchal crèches, Rahman et al., Pediatrics 2012); US$ at 24.000 đ",
            "§3.9; §3.6",
            Confidence::Academic,
        ),
        eligible: Eligible::Children {
            bands: Bands::Under5,
            fraction: 0.8,
        },
        max_coverage: 0.5,
        eligible_source: src(
            "trẻ 1–4 tuổi = 4/5 nhóm 0–4 tuổi; tối đa một nửa đi nhóm trẻ cộng đồng — ước tính",
            "ages 1–4 = 4/5 of the 0–4 band; at most half attend community groups — estimate",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "theo định nghĩa: mỗi chỗ là một trẻ",
            "by definition: one child per place",
            "",
            Confidence::Estimate,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 1.0,
        lasting: Lasting::Fixed,
        default_ty: 25,
        durability_source: src(
            "chỉ bảo vệ khi trẻ đang đi nhóm trẻ: mua mỗi năm",
            "protects only while the child attends: bought each year",
            "",
            Confidence::Estimate,
        ),
        drowning: Some((
            Bands::Under5,
            Tri {
                low: 0.50,
                mode: 0.82,
                high: 0.88,
            },
            src(
                "hiệu quả ở trẻ đi nhóm trẻ: giảm 82 % (nhóm trẻ Anchal, RR 0,181; Rahman và cộng sự, “Cost-effectiveness of an injury and drowning prevention program in Bangladesh”, Pediatrics 2012), giảm 88 % (đi nhóm trẻ SoLiD; Alonge và cộng sự, Injury Epidemiology 2020); thấp −50 % khi trông giữ kém hơn; mức −50 % trên toàn vùng của SoLiD chỉ dùng để đối chiếu",
                "effect among children attending: −82 % (Anchal crèches, RR 0,181; Rahman et al., “Cost-effectiveness of an injury and drowning prevention program in Bangladesh”, Pediatrics 2012), −88 % (SoLiD crèche attendance; Alonge et al., Injury Epidemiology 2020); low −50 % for weaker supervision; SoLiD's −50 % area-wide change is a check, not an input",
                "§3.6; §3.8; §10.1",
                Confidence::Academic,
            ),
        )),
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Plain,
    },
    LineDef {
        id: "first_aid",
        name_vi: "Tập huấn cứu đuối, sơ cứu cho người dân",
        name_en: "Bystander rescue and first-aid training",
        short_vi: "Cứu đuối, sơ cứu",
        short_en: "Rescue and first aid",
        category: Category::DrowningPrevention,
        unit_vi: "người được tập huấn",
        unit_en: "people trained",
        unit_cost: Tri {
            low: Money(600_000),
            mode: Money(1_200_000),
            high: Money(2_500_000),
        },
        cost_source: src(
            "chưa có số liệu chi phí; khóa tập huấn cộng đồng 1–2 ngày giả định 0,6–2,5 triệu đ mỗi người — ước tính",
            "no costing found; a 1–2 day community course assumed 0.6–2.5 million VND per person — estimate",
            "",
            Confidence::Estimate,
        ),
        eligible: Eligible::Children {
            bands: Bands::All,
            fraction: 1.0,
        },
        max_coverage: 0.3,
        eligible_source: src(
            "mỗi người được tập huấn giả định phụ trách 50 trẻ trong thôn; người biết cứu đuối có mặt kịp với tối đa 30 % số trẻ (đuối nước thường xảy ra khi vắng người lớn) — ước tính",
            "each trained person assumed to cover 50 children of their hamlet; a trained bystander is at hand for at most 30 % of children (drownings happen away from adults) — estimate",
            "§1.13",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(50.0),
        per_unit_source: src(
            "mỗi người lớn được tập huấn giả định có mặt kịp với khoảng 50 trẻ trong thôn — ước tính",
            "each trained adult assumed to be at hand for ≈ 50 children of their hamlet — estimate",
            "",
            Confidence::Estimate,
        ),
        counts_children: false,
        shape: Shape::Linear,
        durability_years: 3.0,
        lasting: Lasting::Fades,
        default_ty: 10,
        durability_source: src(
            "kỹ năng giả định giữ được 3 năm nếu không tập huấn lại — ước tính",
            "skills assumed to last 3 years without refresher — estimate",
            "",
            Confidence::Estimate,
        ),
        drowning: Some((
            Bands::All,
            Tri {
                low: 0.02,
                mode: 0.06,
                high: 0.12,
            },
            src(
                "người sơ cứu cộng đồng của CIPRB (Bangladesh): 22 trong 184 ca đuối nước sống sót sau hồi sức tim phổi, nên tránh được tối đa khoảng 12 % ca tử vong ở trẻ được bao phủ — ước tính",
                "CIPRB community first responders (Bangladesh): 22 of 184 drowning casualties survived after CPR, so at most ≈ 12 % of deaths among covered children averted — estimate",
                "§3.12",
                Confidence::Estimate,
            ),
        )),
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Plain,
    },
    LineDef {
        id: "communication",
        name_vi: "Truyền thông phòng, chống đuối nước",
        name_en: "Drowning-prevention communication",
        short_vi: "Truyền thông",
        short_en: "Communication",
        category: Category::DrowningPrevention,
        unit_vi: "trẻ, gia đình được truyền thông",
        unit_en: "children or families reached",
        unit_cost: Tri {
            low: Money(8_000),
            mode: Money(15_000),
            high: Money(30_000),
        },
        cost_source: src(
            "chưa có số liệu chi phí; tờ rơi, loa truyền thanh và buổi nói chuyện ở trường giả định 8–30 nghìn đ mỗi trẻ — ước tính",
            "no costing found; leaflets, loudspeaker and school sessions assumed 8–30 thousand VND per child reached — estimate",
            "",
            Confidence::Estimate,
        ),
        eligible: Eligible::Children {
            bands: Bands::All,
            fraction: 1.0,
        },
        max_coverage: 0.95,
        eligible_source: src(
            "mọi trẻ em và gia đình — ước tính",
            "all children and their families — estimate",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "theo định nghĩa: mỗi lượt là một trẻ (cùng gia đình)",
            "by definition: one child (with their family) per contact",
            "",
            Confidence::Estimate,
        ),
        counts_children: true,
        shape: Shape::Saturating,
        durability_years: 1.0,
        lasting: Lasting::Fades,
        default_ty: 15,
        durability_source: src(
            "thông điệp giả định hết tác dụng trong vòng một năm",
            "messages assumed to wear off within a year",
            "",
            Confidence::Estimate,
        ),
        drowning: Some((
            Bands::All,
            Tri {
                low: 0.0,
                mode: 0.03,
                high: 0.08,
            },
            src(
                "WHO coi truyền thông là một chiến lược, chưa phải biện pháp đã được chứng minh (“Preventing drowning: an implementation guide”, 2017); giả định tác dụng nhỏ — ước tính",
                "WHO lists public awareness as a strategy, not a proven intervention (“Preventing drowning: an implementation guide”, 2017); small effect assumed — estimate",
                "§3.2",
                Confidence::Estimate,
            ),
        )),
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Plain,
    },
    LineDef {
        id: "hotline",
        name_vi: "Tổng đài 111 (năng lực tiếp nhận, tư vấn)",
        name_en: "Child helpline 111 capacity",
        short_vi: "Tổng đài 111",
        short_en: "Helpline 111",
        category: Category::ProtectionServices,
        unit_vi: "cuộc gọi được tiếp nhận",
        unit_en: "calls answered",
        unit_cost: Tri {
            low: Money(25_000),
            mode: Money(45_000),
            high: Money(90_000),
        },
        cost_source: src(
            "chưa có số liệu chi phí; nhân sự và đường dây giả định 25–90 nghìn đ mỗi cuộc gọi được tiếp nhận — ước tính",
            "no costing found; staff and line cost assumed 25–90 thousand VND per call answered — estimate",
            "",
            Confidence::Estimate,
        ),
        eligible: Eligible::HotlineDemand { factor: 1.5 },
        max_coverage: 1.0,
        eligible_source: src(
            "323.615 cuộc gọi năm 2023 (Tổng đài 111), quy theo số trẻ em của địa phương; năng lực tối đa gấp 1,5 nhu cầu hiện nay — ước tính",
            "323.615 calls in 2023 (hotline 111), scaled to the region's children; capacity up to 1,5× today's demand — estimate",
            "§4.21",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "theo định nghĩa: mỗi đơn vị là một cuộc gọi được tiếp nhận",
            "by definition: one call answered per unit",
            "",
            Confidence::Estimate,
        ),
        counts_children: false,
        shape: Shape::Linear,
        durability_years: 1.0,
        lasting: Lasting::Fixed,
        default_ty: 15,
        durability_source: src(
            "dịch vụ mua mỗi năm",
            "a service bought each year",
            "",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 0.067,
        supported_source: Some(src(
            "6,7 % cuộc gọi dẫn đến tư vấn (15.991 trên 238.500 cuộc gọi, 9 tháng năm 2023, theo báo cáo của Bộ LĐ-TB&XH đăng trên VietnamPlus)",
            "6,7 % of calls lead to counselling (15.991 of 238.500 calls, first 9 months of 2023, ministry figures reported by VietnamPlus)",
            "§4.20",
            Confidence::Press,
        )),
        role: Role::Plain,
    },
    LineDef {
        id: "special_support",
        name_vi: "Hỗ trợ trẻ em có hoàn cảnh đặc biệt",
        name_en: "Support for children in special circumstances",
        short_vi: "Trẻ có hoàn cảnh đặc biệt",
        short_en: "Special circumstances",
        category: Category::DirectSupport,
        unit_vi: "trẻ được hỗ trợ",
        unit_en: "children supported",
        unit_cost: Tri {
            low: Money(900_000),
            mode: Money(1_123_595),
            high: Money(2_000_000),
        },
        cost_source: src(
            "Quỹ Bảo trợ trẻ em Việt Nam, Tháng hành động vì trẻ em 2023: hơn 20 tỷ đ cho 17.800 trẻ, khoảng 1.123.595 đ mỗi trẻ (báo Nhân Dân, 07/2023)",
            "Vietnam Fund for Children, Month of Action for Children 2023: more than VND 20 billion for 17,800 children ≈ VND 1,123,595 each (Nhân Dân newspaper, 07/2023)",
            "seed 003; §5.1",
            Confidence::Press,
        ),
        eligible: Eligible::SpecialCircumstances,
        max_coverage: 1.0,
        eligible_source: src(
            "trẻ em có hoàn cảnh đặc biệt của địa phương",
            "children in special circumstances of the region",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "mỗi suất hỗ trợ là một trẻ, như báo cáo Tháng hành động",
            "one child per package, as the Month of Action reports count",
            "seed 003",
            Confidence::Press,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 1.0,
        lasting: Lasting::Fixed,
        default_ty: 60,
        durability_source: src(
            "gói hỗ trợ mỗi năm",
            "a yearly package",
            "",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 1.0,
        supported_source: Some(src(
            "mỗi suất hỗ trợ là một trẻ, như báo cáo Tháng hành động",
            "one child per package, as the Month of Action reports count",
            "seed 003",
            Confidence::Press,
        )),
        role: Role::Plain,
    },
    LineDef {
        id: "scholarship",
        name_vi: "Học bổng cho trẻ em",
        name_en: "Scholarships",
        short_vi: "Học bổng",
        short_en: "Scholarships",
        category: Category::DirectSupport,
        unit_vi: "suất học bổng",
        unit_en: "scholarships",
        unit_cost: Tri {
            low: Money(500_000),
            mode: Money(671_428),
            high: Money(1_000_000),
        },
        cost_source: src(
            "Tháng hành động vì trẻ em 2023: 9,4 tỷ đ cho khoảng 14.000 suất học bổng, khoảng 671.428 đ mỗi suất (báo chí); học bổng của địa phương 1.000.000 đ",
            "Month of Action for Children 2023: VND 9.4 billion for ≈ 14,000 scholarships ≈ VND 671,428 each (press); local scholarships VND 1,000,000",
            "seed 003; §5.3",
            Confidence::Press,
        ),
        eligible: Eligible::Children {
            bands: Bands::School,
            fraction: 0.1,
        },
        max_coverage: 1.0,
        eligible_source: src(
            "trẻ 5–15 tuổi thuộc hộ nghèo, cận nghèo, giả định 10 % — ước tính",
            "children 5–15 of poor and near-poor households, assumed 10 % — estimate",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "mỗi suất học bổng là một trẻ",
            "one child per scholarship",
            "seed 003",
            Confidence::Press,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 1.0,
        lasting: Lasting::Fixed,
        default_ty: 30,
        durability_source: src(
            "trao mỗi năm",
            "awarded each year",
            "",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 1.0,
        supported_source: Some(src(
            "mỗi suất học bổng là một trẻ",
            "one child per scholarship",
            "seed 003",
            Confidence::Press,
        )),
        role: Role::Plain,
    },
    LineDef {
        id: "health_check",
        name_vi: "Khám, chữa bệnh miễn phí cho trẻ em",
        name_en: "Free health examinations",
        short_vi: "Khám, chữa bệnh",
        short_en: "Health examinations",
        category: Category::DirectSupport,
        unit_vi: "lượt khám",
        unit_en: "examinations",
        unit_cost: Tri {
            low: Money(80_000),
            mode: Money(116_666),
            high: Money(200_000),
        },
        cost_source: src(
            "Tháng hành động vì trẻ em 2023: 7,7 tỷ đ cho hơn 66.000 lượt khám, khoảng 116.666 đ mỗi lượt (báo chí)",
            "Month of Action for Children 2023: VND 7.7 billion for more than 66,000 examinations ≈ VND 116,666 each (press)",
            "seed 003; §5.4",
            Confidence::Press,
        ),
        eligible: Eligible::Children {
            bands: Bands::All,
            fraction: 1.0,
        },
        max_coverage: 1.0,
        eligible_source: src(
            "mọi trẻ em, mỗi năm một lần",
            "every child, once a year",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "mỗi lượt khám là một trẻ",
            "one child per examination",
            "seed 003",
            Confidence::Press,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 1.0,
        lasting: Lasting::Fixed,
        default_ty: 20,
        durability_source: src(
            "mỗi năm khám một lần",
            "one examination a year",
            "",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 1.0,
        supported_source: Some(src(
            "mỗi lượt khám là một trẻ",
            "one child per examination",
            "seed 003",
            Confidence::Press,
        )),
        role: Role::Plain,
    },
    LineDef {
        id: "gifts",
        name_vi: "Tặng quà cho trẻ em",
        name_en: "Gifts for children",
        short_vi: "Tặng quà",
        short_en: "Gifts",
        category: Category::DirectSupport,
        unit_vi: "suất quà",
        unit_en: "gifts",
        unit_cost: Tri {
            low: Money(50_000),
            mode: Money(65_217),
            high: Money(100_000),
        },
        cost_source: src(
            "Tháng hành động vì trẻ em 2023: hơn 30 tỷ đ cho khoảng 460.000 trẻ, khoảng 65.217 đ mỗi trẻ (báo chí)",
            "Month of Action for Children 2023: more than VND 30 billion for ≈ 460,000 children ≈ VND 65,217 each (press)",
            "seed 003; §5.2",
            Confidence::Press,
        ),
        eligible: Eligible::Children {
            bands: Bands::All,
            fraction: 1.0,
        },
        max_coverage: 1.0,
        eligible_source: src(
            "mọi trẻ em, mỗi năm một lần",
            "every child, once a year",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(1.0),
        per_unit_source: src(
            "mỗi suất quà là một trẻ",
            "one child per gift",
            "seed 003",
            Confidence::Press,
        ),
        counts_children: true,
        shape: Shape::Linear,
        durability_years: 1.0,
        lasting: Lasting::Fixed,
        default_ty: 10,
        durability_source: src(
            "quà tặng một lần",
            "a one-off gift",
            "",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 1.0,
        supported_source: Some(src(
            "tính là trẻ được hỗ trợ, như báo cáo Tháng hành động (báo Nhân Dân, 07/2023)",
            "counted as supported, as the Month of Action reports do (Nhân Dân, 07/2023)",
            "§4.43",
            Confidence::Press,
        )),
        role: Role::Plain,
    },
    LineDef {
        id: "child_friendly",
        name_vi: "Xây dựng xã, phường phù hợp với trẻ em",
        name_en: "Child-friendly commune certification",
        short_vi: "Xã phù hợp với trẻ em",
        short_en: "Child-friendly communes",
        category: Category::Enabling,
        unit_vi: "xã được công nhận",
        unit_en: "communes certified",
        unit_cost: Tri {
            low: Money(30_000_000),
            mode: Money(60_000_000),
            high: Money(150_000_000),
        },
        cost_source: src(
            "chưa có số liệu chi phí; hỗ trợ đạt 13 tiêu chí của Quyết định 06/QĐ-TTg giả định 30–150 triệu đ mỗi xã — ước tính",
            "no costing found; support to meet the 13 criteria of Decision 06/QĐ-TTg assumed 30–150 million VND per commune — estimate",
            "§4.34",
            Confidence::Estimate,
        ),
        eligible: Eligible::CommunesNotCertified,
        max_coverage: 1.0,
        eligible_source: src(
            "các xã, phường chưa được công nhận",
            "communes not yet recognised",
            "",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::ChildrenPerCommune,
        per_unit_source: src(
            "toàn bộ trẻ em của một xã trung bình trong địa phương (số trẻ em ÷ số xã)",
            "all children of an average commune of the region (children ÷ communes)",
            "",
            Confidence::Estimate,
        ),
        counts_children: false,
        shape: Shape::Linear,
        durability_years: 10.0,
        lasting: Lasting::Fixed,
        default_ty: 15,
        durability_source: src(
            "việc công nhận được đánh giá lại vào năm thứ 2 và thứ 4 của mỗi kế hoạch 5 năm; giả định giữ được — ước tính",
            "recognition is reassessed in the 2nd and 4th year of each 5-year plan; assumed kept — estimate",
            "§4.36",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::ChildFriendly,
    },
    LineDef {
        id: "play",
        name_vi: "Điểm vui chơi, công trình cho trẻ em",
        name_en: "Play and culture facilities",
        short_vi: "Điểm vui chơi",
        short_en: "Play facilities",
        category: Category::Enabling,
        unit_vi: "công trình",
        unit_en: "facilities",
        unit_cost: Tri {
            low: Money(100_000_000),
            mode: Money(250_000_000),
            high: Money(800_000_000),
        },
        cost_source: src(
            "272 công trình được xây trong Tháng hành động 2023, không có chi phí; 15 bể bơi di động và sân chơi khoảng 1,8 tỷ đ ở Hà Tĩnh; giả định 0,1–0,8 tỷ đ — ước tính",
            "272 facilities built in the Month of Action 2023 with no cost given; 15 mobile pools and a playground ≈ VND 1.8 billion in Hà Tĩnh; assumed VND 0.1–0.8 billion — estimate",
            "§5.6; §4.47",
            Confidence::Estimate,
        ),
        eligible: Eligible::Communes,
        max_coverage: 1.0,
        eligible_source: src(
            "giả định mỗi xã một điểm (mục tiêu: ít nhất 40–45 % số xã có điểm vui chơi, Quyết định 23/QĐ-TTg) — ước tính",
            "one per commune, assumed (target: at least 40–45 % of communes with a play point, Decision 23/QĐ-TTg) — estimate",
            "§2.14",
            Confidence::Estimate,
        ),
        per_unit: PerUnit::Fixed(400.0),
        per_unit_source: src(
            "mỗi điểm vui chơi cấp xã giả định phục vụ khoảng 400 trẻ — ước tính",
            "a commune play point assumed to serve ≈ 400 children — estimate",
            "",
            Confidence::Estimate,
        ),
        counts_children: false,
        shape: Shape::Linear,
        durability_years: 10.0,
        lasting: Lasting::Fixed,
        default_ty: 10,
        durability_source: src(
            "công trình giả định dùng được lâu hơn kỳ kế hoạch",
            "a building assumed to last beyond the plan",
            "",
            Confidence::Estimate,
        ),
        drowning: None,
        supported_per_unit: 0.0,
        supported_source: None,
        role: Role::Plain,
    },
];

static CATALOGUE: std::sync::OnceLock<&'static [LineDef]> = std::sync::OnceLock::new();

/// The programme lines in use, in display order: [`LINES`] unless another catalogue was
/// installed with [`install_catalogue`] before the first use. Everything that lists,
/// validates, evaluates or encodes lines reads this, so a new line is one entry in the
/// data (docs/architecture.md).
pub fn lines() -> &'static [LineDef] {
    CATALOGUE.get_or_init(|| LINES)
}

/// Installs another line catalogue for the whole process (a test's thirteenth line, a
/// data update). Only possible before anything read the lines; returns `false` after.
pub fn install_catalogue(lines: &'static [LineDef]) -> bool {
    CATALOGUE.set(lines).is_ok() || std::ptr::eq(self::lines(), lines)
}

/// Looks a line up by id.
pub fn line(id: &str) -> Option<&'static LineDef> {
    lines().iter().find(|l| l.id == id)
}

/// Index of a line in [`lines`].
pub fn line_index(id: &str) -> Option<usize> {
    lines().iter().position(|l| l.id == id)
}

/// The kind of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum RegionKind {
    /// The whole country.
    Nation,
    /// A province (tỉnh).
    Province,
    /// A centrally-run city (thành phố trực thuộc trung ương).
    City,
}

/// A row of the region table (SOURCES.md §6a).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RegionDef {
    /// Stable id ("VN" for the nation, a slug for provinces).
    pub id: &'static str,
    /// Short name with diacritics ("Điện Biên").
    pub short: &'static str,
    /// Kind.
    pub kind: RegionKind,
    /// The pre-2025 units it was formed from (Vietnamese).
    pub formed_from: &'static str,
    /// Area, km².
    pub area_km2: f64,
    /// Administrative population measure ("quy mô dân số") of NQ 202/2025/QH15.
    pub pop_admin: u64,
    /// Children under 16: a provincial report where one exists, else the estimate.
    pub children: u64,
    /// Source of `children`.
    pub children_source: Source,
    /// Children in special circumstances, where the province reports it.
    pub special: Option<(u64, Source)>,
    /// Share of communes recognised child-friendly, where the province reports it.
    pub child_friendly: Option<(f64, Source)>,
}

impl RegionDef {
    /// Full name in the user's language ("Tỉnh Điện Biên" / "Điện Biên Province").
    pub fn name(&self, lang: crate::Lang) -> String {
        match (self.kind, lang) {
            (RegionKind::Nation, crate::Lang::Vi) => "Toàn quốc".to_string(),
            (RegionKind::Nation, crate::Lang::En) => "Viet Nam (national)".to_string(),
            (RegionKind::Province, crate::Lang::Vi) => format!("Tỉnh {}", self.short),
            (RegionKind::Province, crate::Lang::En) => format!("{} Province", self.short),
            (RegionKind::City, crate::Lang::Vi) => format!("Thành phố {}", self.short),
            (RegionKind::City, crate::Lang::En) => format!("{} City", self.short),
        }
    }

    /// The pre-2025 units it was formed from, in the user's language: "không sáp nhập" /
    /// "not merged", or the units' names ("Hà Giang + Tuyên Quang"; the names are kept as
    /// they are, only "TP." becomes "City" in English).
    pub fn formed_from_in(&self, lang: crate::Lang) -> String {
        match (self.kind, self.formed_from, lang) {
            (RegionKind::Nation, _, crate::Lang::En) => "34 provincial-level units".to_string(),
            (_, NOT_MERGED, crate::Lang::En) => "not merged".to_string(),
            (_, from, crate::Lang::Vi) => from.to_string(),
            (_, from, crate::Lang::En) => from
                .split(" + ")
                .map(|unit| match unit.strip_prefix("TP. ") {
                    Some(city) => format!("{city} City"),
                    None => unit.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" + "),
        }
    }
}

/// `formed_from` of a provincial unit the 2025 reform left as it was.
const NOT_MERGED: &str = "không sáp nhập";

const EST_CHILDREN: Source = src(
    "ước tính: quy mô dân số (Nghị quyết 202/2025/QH15; bảng của báo Lao Động cho các đơn vị không sáp nhập) × 22,1 %; chưa tính việc các tỉnh miền núi có dân số trẻ hơn",
    "estimate: administrative population (Resolution 202/2025/QH15; Lao Động table for unchanged units) × 22,1 %; ignores that mountain provinces are younger",
    "§6a",
    Confidence::Estimate,
);

macro_rules! province {
    ($id:literal, $short:literal, $kind:ident, $from:literal, $area:literal, $pop:literal, $children:literal) => {
        RegionDef {
            id: $id,
            short: $short,
            kind: RegionKind::$kind,
            formed_from: $from,
            area_km2: $area,
            pop_admin: $pop,
            children: $children,
            children_source: EST_CHILDREN,
            special: None,
            child_friendly: None,
        }
    };
}

/// The nation first, then the 34 provincial units in the order of NQ 202/2025/QH15 tables.
pub static REGIONS: &[RegionDef] = &[
    RegionDef {
        id: national::NATIONAL_ID,
        short: "Việt Nam",
        kind: RegionKind::Nation,
        formed_from: "34 đơn vị hành chính cấp tỉnh",
        area_km2: 331_344.82,
        pop_admin: 112_093_848,
        children: 24_800_000,
        children_source: src(
            "khoảng 24,8 triệu trẻ em dưới 16 tuổi (dân số 100,3 triệu cuối năm 2023 × khoảng 24,7 %, Tổng cục Thống kê); Tổng điều tra 2019: 24.776.733 — ước tính",
            "≈ 24,8 million children <16 (100,3 M population end-2023 × ≈ 24,7 %, General Statistics Office); census 2019: 24.776.733 — estimate",
            "§4.4; §4.1",
            Confidence::Estimate,
        ),
        special: None,
        child_friendly: None,
    },
    province!(
        "ha-noi",
        "Hà Nội",
        City,
        "không sáp nhập",
        3_359.82,
        8_718_000,
        1_927_000
    ),
    province!(
        "hue",
        "Huế",
        City,
        "không sáp nhập",
        4_947.10,
        1_236_393,
        273_000
    ),
    province!(
        "lai-chau",
        "Lai Châu",
        Province,
        "không sáp nhập",
        9_068.70,
        494_626,
        109_000
    ),
    RegionDef {
        id: "dien-bien",
        short: "Điện Biên",
        kind: RegionKind::Province,
        formed_from: "không sáp nhập",
        area_km2: 9_539.90,
        pop_admin: 653_422,
        children: 208_222,
        children_source: src(
            "208.222 trẻ em dưới 16 tuổi, 31,2 % dân số (báo cáo của tỉnh Điện Biên năm 2025, báo Điện Biên Phủ)",
            "208.222 children <16, 31,2 % of the population (Điện Biên province report 2025, Điện Biên Phủ newspaper)",
            "§4.10",
            Confidence::Press,
        ),
        special: Some((
            6_847,
            src(
                "6.847 trẻ em có hoàn cảnh đặc biệt (Điện Biên, 2025, báo Điện Biên Phủ)",
                "6.847 children in special circumstances (Điện Biên, 2025, Điện Biên Phủ newspaper)",
                "§4.10",
                Confidence::Press,
            ),
        )),
        child_friendly: Some((
            0.66,
            src(
                "66 % số xã đạt tiêu chuẩn phù hợp với trẻ em (Điện Biên, 9 tháng đầu năm, khoảng 2024, báo Điện Biên Phủ)",
                "66 % of communes child-friendly (Điện Biên, first 9 months, ≈ 2024, Điện Biên Phủ newspaper)",
                "§4.10",
                Confidence::Press,
            ),
        )),
    },
    province!(
        "son-la",
        "Sơn La",
        Province,
        "không sáp nhập",
        14_109.80,
        1_327_430,
        293_000
    ),
    RegionDef {
        id: "lang-son",
        short: "Lạng Sơn",
        kind: RegionKind::Province,
        formed_from: "không sáp nhập",
        area_km2: 8_310.20,
        pop_admin: 813_978,
        children: 204_049,
        children_source: src(
            "204.049 trẻ em, 26,85 % dân số (Kế hoạch 32/KH-UBND tỉnh Lạng Sơn, 30/01/2024)",
            "204.049 children, 26,85 % of the population (Plan 32/KH-UBND of Lạng Sơn province, 30/01/2024)",
            "§4.11",
            Confidence::Official,
        ),
        special: None,
        child_friendly: None,
    },
    province!(
        "quang-ninh",
        "Quảng Ninh",
        Province,
        "không sáp nhập",
        6_207.90,
        1_429_841,
        316_000
    ),
    province!(
        "thanh-hoa",
        "Thanh Hóa",
        Province,
        "không sáp nhập",
        11_114.70,
        3_760_650,
        831_000
    ),
    province!(
        "nghe-an",
        "Nghệ An",
        Province,
        "không sáp nhập",
        16_493.70,
        3_470_988,
        767_000
    ),
    province!(
        "ha-tinh",
        "Hà Tĩnh",
        Province,
        "không sáp nhập",
        5_994.40,
        1_622_901,
        359_000
    ),
    province!(
        "cao-bang",
        "Cao Bằng",
        Province,
        "không sáp nhập",
        6_700.40,
        555_809,
        123_000
    ),
    province!(
        "tuyen-quang",
        "Tuyên Quang",
        Province,
        "Hà Giang + Tuyên Quang",
        13_795.50,
        1_865_270,
        412_000
    ),
    province!(
        "lao-cai",
        "Lào Cai",
        Province,
        "Yên Bái + Lào Cai",
        13_256.92,
        1_778_785,
        393_000
    ),
    province!(
        "thai-nguyen",
        "Thái Nguyên",
        Province,
        "Bắc Kạn + Thái Nguyên",
        8_375.21,
        1_799_489,
        398_000
    ),
    province!(
        "phu-tho",
        "Phú Thọ",
        Province,
        "Vĩnh Phúc + Hòa Bình + Phú Thọ",
        9_361.38,
        4_022_638,
        889_000
    ),
    province!(
        "bac-ninh",
        "Bắc Ninh",
        Province,
        "Bắc Giang + Bắc Ninh",
        4_718.60,
        3_619_433,
        800_000
    ),
    province!(
        "hung-yen",
        "Hưng Yên",
        Province,
        "Thái Bình + Hưng Yên",
        2_514.81,
        3_567_943,
        789_000
    ),
    province!(
        "hai-phong",
        "Hải Phòng",
        City,
        "Hải Dương + Hải Phòng",
        3_194.72,
        4_664_124,
        1_031_000
    ),
    province!(
        "ninh-binh",
        "Ninh Bình",
        Province,
        "Hà Nam + Nam Định + Ninh Bình",
        3_942.62,
        4_412_264,
        975_000
    ),
    province!(
        "quang-tri",
        "Quảng Trị",
        Province,
        "Quảng Bình + Quảng Trị",
        12_700.00,
        1_870_845,
        413_000
    ),
    province!(
        "da-nang",
        "Đà Nẵng",
        City,
        "Quảng Nam + Đà Nẵng",
        11_859.59,
        3_065_628,
        678_000
    ),
    province!(
        "quang-ngai",
        "Quảng Ngãi",
        Province,
        "Kon Tum + Quảng Ngãi",
        14_832.55,
        2_161_755,
        478_000
    ),
    province!(
        "gia-lai",
        "Gia Lai",
        Province,
        "Bình Định + Gia Lai",
        21_576.53,
        3_583_693,
        792_000
    ),
    province!(
        "khanh-hoa",
        "Khánh Hòa",
        Province,
        "Ninh Thuận + Khánh Hòa",
        8_555.86,
        2_243_554,
        496_000
    ),
    province!(
        "lam-dong",
        "Lâm Đồng",
        Province,
        "Đắk Nông + Bình Thuận + Lâm Đồng",
        24_233.07,
        3_872_999,
        856_000
    ),
    province!(
        "dak-lak",
        "Đắk Lắk",
        Province,
        "Phú Yên + Đắk Lắk",
        18_096.40,
        3_346_853,
        740_000
    ),
    province!(
        "ho-chi-minh",
        "Hồ Chí Minh",
        City,
        "Bà Rịa – Vũng Tàu + Bình Dương + TP. Hồ Chí Minh",
        6_772.59,
        14_002_598,
        3_095_000
    ),
    province!(
        "dong-nai",
        "Đồng Nai",
        Province,
        "Bình Phước + Đồng Nai",
        12_737.18,
        4_491_408,
        993_000
    ),
    province!(
        "tay-ninh",
        "Tây Ninh",
        Province,
        "Long An + Tây Ninh",
        8_536.44,
        3_254_170,
        719_000
    ),
    province!(
        "can-tho",
        "Cần Thơ",
        City,
        "Sóc Trăng + Hậu Giang + Cần Thơ",
        6_360.83,
        4_199_824,
        928_000
    ),
    province!(
        "vinh-long",
        "Vĩnh Long",
        Province,
        "Bến Tre + Trà Vinh + Vĩnh Long",
        6_296.20,
        4_257_581,
        941_000
    ),
    province!(
        "dong-thap",
        "Đồng Tháp",
        Province,
        "Tiền Giang + Đồng Tháp",
        5_938.64,
        4_370_046,
        966_000
    ),
    province!(
        "ca-mau",
        "Cà Mau",
        Province,
        "Bạc Liêu + Cà Mau",
        7_942.39,
        2_606_672,
        576_000
    ),
    province!(
        "an-giang",
        "An Giang",
        Province,
        "Kiên Giang + An Giang",
        9_888.91,
        4_952_238,
        1_095_000
    ),
];

/// Every source of the built-in data (lines, regions, national figures, targets), once
/// each, in the order they are defined.
pub fn all_sources() -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut add = |s: Source| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for l in lines() {
        for s in [
            l.cost_source,
            l.eligible_source,
            l.per_unit_source,
            l.durability_source,
        ] {
            add(s);
        }
        if let Some((_, _, s)) = l.drowning {
            add(s);
        }
        if let Some(s) = l.supported_source {
            add(s);
        }
    }
    add(EST_CHILDREN);
    for r in REGIONS {
        add(r.children_source);
        if let Some((_, s)) = r.special {
            add(s);
        }
        if let Some((_, s)) = r.child_friendly {
            add(s);
        }
    }
    for s in national::SOURCES {
        add(s);
    }
    for t in TARGETS {
        add(t.source);
    }
    out
}

/// A source's citation in the user's language, found by its English text
/// ([`Source::text`], which is what an [`crate::Assumption`] and a baseline figure keep).
/// Text that is no built-in source (a user's own) comes back as it is.
pub fn source_text(text: &str, lang: crate::Lang) -> String {
    all_sources()
        .into_iter()
        .find(|s| s.text == text)
        .map_or_else(|| text.to_string(), |s| s.get(lang).to_string())
}

/// The internal references of a source found by its English text ("" for none); for the
/// documentation only, never for users.
pub fn source_refs(text: &str) -> &'static str {
    all_sources()
        .into_iter()
        .find(|s| s.text == text)
        .map_or("", |s| s.refs)
}

/// Looks a region up by id.
pub fn region(id: &str) -> Option<&'static RegionDef> {
    REGIONS.iter().find(|r| r.id == id)
}

/// National figures shared by every region (no provincial series exists for them).
pub mod national {
    use super::{Confidence, Source, Tri, src};

    /// Id of the national region.
    pub const NATIONAL_ID: &str = "VN";

    /// Children under 16 nationally (the national region's figure, §4.4).
    pub const CHILDREN: f64 = 24_800_000.0;

    /// Year the baseline figures describe.
    pub const BASE_YEAR: i32 = 2025;

    /// Child (<16) drowning deaths a year nationally, base year.
    pub const DROWNING_DEATHS: f64 = 1_800.0;
    /// Source of [`DROWNING_DEATHS`].
    pub const DROWNING_DEATHS_SOURCE: Source = src(
        "khoảng 1.800 trẻ em tử vong do đuối nước mỗi năm (Thứ trưởng Bộ Y tế, báo Lao Động 17/12/2025; Việt Nam News 12/03/2026)",
        "≈ 1.800 child drowning deaths a year (Deputy Minister of Health, Lao Động 17/12/2025; Viet Nam News 12/03/2026)",
        "§1.3",
        Confidence::Press,
    );

    /// Child drowning death rate per 100.000 children <16, base year: most likely 1.800 /
    /// 24,8 M = 7,26; low 7,0; high 2.000 / 24,8 M = 8,07.
    pub const DROWNING_RATE: Tri<f64> = Tri {
        low: 7.0,
        mode: 7.26,
        high: 8.07,
    };
    /// Source of [`DROWNING_RATE`].
    pub const DROWNING_RATE_SOURCE: Source = src(
        "1.800 ca tử vong (Thứ trưởng Bộ Y tế, 12/2025) / 24,8 triệu trẻ em = 7,26 trên 100.000; đến 8,07 nếu con số “gần 2.000 mỗi năm” vẫn được nêu năm 2025 còn đúng; thấp nhất 7,0; chưa có tỷ suất chính thức cấp tỉnh nên mọi tỉnh dùng tỷ suất toàn quốc — ước tính",
        "1.800 deaths (Deputy Minister of Health, 12/2025) / 24,8 M children = 7,26 per 100.000; up to 8,07 if the “nearly 2.000 a year” still cited in 2025 holds; down to 7,0; no official provincial rates, so every province gets the national rate — estimate",
        "§1.3; §4.4; §1.4; §8; §1.8",
        Confidence::Estimate,
    );

    /// Reference rate in 2020 for the −10 % / −20 % targets.
    pub const REFERENCE_RATE_2020: f64 = 8.07;
    /// Source of [`REFERENCE_RATE_2020`].
    pub const REFERENCE_RATE_2020_SOURCE: Source = src(
        "khoảng 2.000 ca tử vong quanh năm 2020 (2.000 thường được nêu trong 2015–2019, 1.990 năm 2021) / 24,78 triệu trẻ em = 8,07 trên 100.000 — ước tính",
        "≈ 2.000 deaths around 2020 (2.000 commonly cited for 2015–2019, 1.990 in 2021) / 24,78 M children = 8,07 per 100.000 — estimate",
        "§1.1; §1.2; §4.1",
        Confidence::Estimate,
    );

    /// Yearly change of the drowning rate without this plan: most likely −2,5 %/yr, from
    /// −4,5 %/yr to −1,1 %/yr.
    pub const TREND: Tri<f64> = Tri {
        low: -0.045,
        mode: -0.025,
        high: -0.011,
    };
    /// Source of [`TREND`].
    pub const TREND_SOURCE: Source = src(
        "số trẻ tử vong do đuối nước giảm từ 1.990 xuống khoảng 1.800 trong 2021–2025 (−2,5 %/năm), từ 3.300 xuống 1.990 trong 2010–2021 (−4,5 %/năm); tỷ suất mọi lứa tuổi giảm 7,2 → 6,9 trên 100.000 trong 2009–2013 (−1,1 %/năm; Nguyen và cộng sự, “Trends of drowning mortality in Vietnam”, Injury Prevention 2019); các tuyến của kế hoạch tác động thêm trên xu hướng này — ước tính",
        "child drowning deaths fell from 1.990 to ≈ 1.800 in 2021–2025 (−2,5 %/yr) and from 3.300 to 1.990 in 2010–2021 (−4,5 %/yr); the all-age rate fell 7,2 → 6,9 per 100.000 in 2009–2013 (−1,1 %/yr; Nguyen et al., “Trends of drowning mortality in Vietnam”, Injury Prevention 2019); the plan's lines act on top of this trend — estimate",
        "§1.2–1.3; §10.2; §1.9",
        Confidence::Estimate,
    );

    /// Share of children <16 aged 0–4.
    pub const SHARE_UNDER5: f64 = 0.30;
    /// Source of [`SHARE_UNDER5`].
    pub const SHARE_UNDER5_SOURCE: Source = src(
        "5 trong 16 lứa tuổi (31 %), làm tròn xuống vì số sinh giảm — ước tính",
        "5 of 16 single-year cohorts (31 %), rounded down for falling births — estimate",
        "",
        Confidence::Estimate,
    );

    /// Share of the 5–15 band aged 6–15 (the swim-safely targets count children 6 to
    /// under 16): 10 of its 11 single-year cohorts.
    pub const SHARE_6_15_OF_SCHOOL: f64 = 10.0 / 11.0;
    /// Source of [`SHARE_6_15_OF_SCHOOL`].
    pub const SHARE_6_15_OF_SCHOOL_SOURCE: Source = src(
        "Quyết định 1248/QĐ-TTg tính trẻ từ 6 đến dưới 16 tuổi; 10 trong 11 lứa tuổi của nhóm 5–15, giả định bằng nhau — ước tính",
        "Decision 1248/QĐ-TTg counts children 6 to under 16; 10 of the 11 cohorts aged 5–15, assumed equal in size — estimate",
        "§2.6",
        Confidence::Estimate,
    );

    /// The last year deaths averted are counted in, "over the lifetime" of what a plan
    /// buys (protection still working after this year is not counted).
    pub const HORIZON_END: i32 = 2045;

    /// Yearly discount rate of health effects and costs for DALYs (WHO-CHOICE).
    pub const DISCOUNT_RATE: f64 = 0.03;
    /// Years of life left at the mean age of a child drowning death: age 2 in the 0–4
    /// band, age 10 in the 5–15 band.
    pub const LIFE_LEFT: [f64; 2] = [84.2, 76.3];
    /// Source of [`DISCOUNT_RATE`] and [`LIFE_LEFT`].
    pub const DALY_SOURCE: Source = src(
        "số năm sống mất đi khi tử vong, chiết khấu 3 %/năm, không trọng số tuổi (theo WHO-CHOICE, như Rahman và cộng sự 2012); số năm sống còn lại theo bảng sống chuẩn GBD 2010 (84,2 năm ở tuổi 2, 76,3 ở tuổi 10); tuổi tử vong trung bình 2 và 10 giả định theo phân bố tuổi của các ca đuối nước — ước tính",
        "years of life lost at death, discounted 3 %/yr, no age weights (WHO-CHOICE, as Rahman et al. 2012); life left from the GBD 2010 standard life table (84,2 years at age 2, 76,3 at age 10); mean ages at death 2 and 10 assumed from the age profile of drownings — estimate",
        "§3.5; GBD 2010 life table: not in SOURCES.md; §1.10–1.12",
        Confidence::Estimate,
    );

    /// Share of child drowning deaths among 0–4-year-olds.
    pub const DEATH_SHARE_UNDER5: f64 = 0.41;
    /// Source of [`DEATH_SHARE_UNDER5`].
    pub const DEATH_SHARE_UNDER5_SOURCE: Source = src(
        "0–4 tuổi: 36 %, 5–9: 25 %, 10–14: 26 % số ca đuối nước 0–19 tuổi (Bộ Y tế, khoảng 2012), quy về dưới 16 tuổi: 41 % / 59 % — ước tính",
        "0–4: 36 %, 5–9: 25 %, 10–14: 26 % of drownings at 0–19 (Ministry of Health, ≈ 2012), rescaled to under 16: 41 % / 59 % — estimate",
        "§1.12; §8",
        Confidence::Estimate,
    );

    /// Share of children 6–15 able to swim safely.
    pub const SWIM_SHARE: f64 = 0.192;
    /// Source of [`SWIM_SHARE`].
    pub const SWIM_SHARE_SOURCE: Source = src(
        "19,2 % trẻ em cả nước biết bơi (2022; tóm tắt hội nghị, Injury Prevention 2024;30 Suppl 1:A33.1); dùng cho mọi tỉnh",
        "19,2 % of children nationally could swim (2022; conference abstract, Injury Prevention 2024;30 Suppl 1:A33.1); used for every province",
        "§1.15",
        Confidence::Academic,
    );

    /// Share of children in special circumstances.
    pub const SPECIAL_SHARE: f64 = 0.07;
    /// Source of [`SPECIAL_SHARE`].
    pub const SPECIAL_SHARE_SOURCE: Source = src(
        "khoảng 7 % trẻ em có hoàn cảnh đặc biệt (cuối năm 2020, Cục Trẻ em) × số trẻ em của địa phương — ước tính",
        "≈ 7 % of children were in special circumstances (end-2020, Department of Children) × the region's children — estimate",
        "§4.5",
        Confidence::Estimate,
    );

    /// Commune-level units nationally after 1 July 2025.
    pub const COMMUNES: f64 = 3_321.0;
    /// Source of [`COMMUNES`].
    pub const COMMUNES_SOURCE: Source = src(
        "3.321 đơn vị hành chính cấp xã từ 01/7/2025 (các nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp cấp xã, báo chí 06/2025); mỗi tỉnh: 3.321 × (½ tỷ lệ dân số + ½ tỷ lệ diện tích) — ước tính",
        "3.321 commune-level units from 1/7/2025 (Standing Committee of the National Assembly resolutions on commune mergers, press 06/2025); per province: 3.321 × (½ population share + ½ area share) — estimate",
        "not in SOURCES.md",
        Confidence::Estimate,
    );

    /// Share of communes recognised child-friendly.
    pub const CHILD_FRIENDLY_SHARE: f64 = 0.60;
    /// Source of [`CHILD_FRIENDLY_SHARE`].
    pub const CHILD_FRIENDLY_SHARE_SOURCE: Source = src(
        "chưa có số liệu toàn quốc; giả định 60 %, thấp hơn mức 66 % của Điện Biên — ước tính",
        "no national figure; assumed 60 %, below Điện Biên's 66 % — estimate",
        "§4.39; §4.10",
        Confidence::Estimate,
    );

    /// Calls to hotline 111 a year nationally.
    pub const HOTLINE_CALLS: f64 = 323_615.0;
    /// Source of [`HOTLINE_CALLS`].
    pub const HOTLINE_CALLS_SOURCE: Source = src(
        "323.615 cuộc gọi năm 2023 (Tổng đài quốc gia bảo vệ trẻ em 111, tongdai111.vn)",
        "323.615 calls in 2023 (national child-protection hotline 111, tongdai111.vn)",
        "§4.21",
        Confidence::Official,
    );
    /// Source of a province's hotline calls: its share of the national count.
    pub const HOTLINE_CALLS_PROVINCE_SOURCE: Source = src(
        "323.615 cuộc gọi cả nước năm 2023 (Tổng đài 111) × tỷ lệ trẻ em của tỉnh — ước tính",
        "323.615 calls nationally in 2023 (hotline 111) × the province's share of children — estimate",
        "§4.21",
        Confidence::Estimate,
    );

    /// Every source of this module.
    pub const SOURCES: [Source; 14] = [
        DROWNING_DEATHS_SOURCE,
        DROWNING_RATE_SOURCE,
        REFERENCE_RATE_2020_SOURCE,
        TREND_SOURCE,
        SHARE_UNDER5_SOURCE,
        SHARE_6_15_OF_SCHOOL_SOURCE,
        DALY_SOURCE,
        DEATH_SHARE_UNDER5_SOURCE,
        SWIM_SHARE_SOURCE,
        SPECIAL_SHARE_SOURCE,
        COMMUNES_SOURCE,
        CHILD_FRIENDLY_SHARE_SOURCE,
        HOTLINE_CALLS_SOURCE,
        HOTLINE_CALLS_PROVINCE_SOURCE,
    ];
}

/// What a national target measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum TargetKind {
    /// The child drowning death rate falls by at least `value` (a share) against 2020.
    DrowningReduction,
    /// At least `value` of children 6–15 swim safely.
    SwimShare,
    /// At least `value` of communes are child-friendly.
    ChildFriendlyShare,
}

/// A national target a plan is held against.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TargetDef {
    /// Stable id (`data-testid="target-<id>"`).
    pub id: &'static str,
    /// What it measures.
    pub kind: TargetKind,
    /// The year it must be met by.
    pub year: i32,
    /// Threshold (a share: 0,2 = 20 %).
    pub value: f64,
    /// Short label, Vietnamese.
    pub label_vi: &'static str,
    /// Short label, English.
    pub label_en: &'static str,
    /// The decision that sets it.
    pub source: Source,
}

impl TargetDef {
    /// Label in the user's language.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        bilingual(lang, self.label_vi, self.label_en)
    }
}

/// The national targets (Decisions 1248/QĐ-TTg, 3246/QĐ-BVHTTDL, 23/QĐ-TTg).
pub static TARGETS: &[TargetDef] = &[
    TargetDef {
        id: "drowning-2025",
        kind: TargetKind::DrowningReduction,
        year: 2025,
        value: 0.10,
        label_vi: "Giảm ≥ 10 % tử vong do đuối nước so với 2020",
        label_en: "Child drowning deaths −10 % vs 2020",
        source: src(
            "1248/QĐ-TTg (19/07/2021); 3246/QĐ-BVHTTDL",
            "1248/QĐ-TTg (19/07/2021); 3246/QĐ-BVHTTDL",
            "§2.2; §2.11",
            Confidence::Official,
        ),
    },
    TargetDef {
        id: "drowning-2030",
        kind: TargetKind::DrowningReduction,
        year: 2030,
        value: 0.20,
        label_vi: "Giảm ≥ 20 % tử vong do đuối nước so với 2020",
        label_en: "Child drowning deaths −20 % vs 2020",
        source: src(
            "1248/QĐ-TTg (19/07/2021); 3246/QĐ-BVHTTDL",
            "1248/QĐ-TTg (19/07/2021); 3246/QĐ-BVHTTDL",
            "§2.2; §2.11",
            Confidence::Official,
        ),
    },
    TargetDef {
        id: "swim-2025",
        kind: TargetKind::SwimShare,
        year: 2025,
        value: 0.50,
        label_vi: "≥ 50 % trẻ 6–dưới 16 tuổi biết bơi an toàn",
        label_en: "≥ 50 % of children 6–15 swim safely",
        source: src(
            "3246/QĐ-BVHTTDL (14/12/2021)",
            "3246/QĐ-BVHTTDL (14/12/2021)",
            "§2.11",
            Confidence::Official,
        ),
    },
    TargetDef {
        id: "swim-2030",
        kind: TargetKind::SwimShare,
        year: 2030,
        value: 0.60,
        label_vi: "≥ 60 % trẻ 6–dưới 16 tuổi biết bơi an toàn",
        label_en: "≥ 60 % of children 6–15 swim safely",
        source: src(
            "1248/QĐ-TTg; 3246/QĐ-BVHTTDL",
            "1248/QĐ-TTg; 3246/QĐ-BVHTTDL",
            "§2.6; §2.11",
            Confidence::Official,
        ),
    },
    TargetDef {
        id: "cfc-2025",
        kind: TargetKind::ChildFriendlyShare,
        year: 2025,
        value: 0.65,
        label_vi: "≥ 65 % xã, phường phù hợp với trẻ em",
        label_en: "≥ 65 % of communes child-friendly",
        source: src(
            "23/QĐ-TTg (07/01/2021)",
            "23/QĐ-TTg (07/01/2021)",
            "§2.14",
            Confidence::Official,
        ),
    },
    TargetDef {
        id: "cfc-2030",
        kind: TargetKind::ChildFriendlyShare,
        year: 2030,
        value: 0.75,
        label_vi: "≥ 75 % xã, phường phù hợp với trẻ em",
        label_en: "≥ 75 % of communes child-friendly",
        source: src(
            "23/QĐ-TTg (07/01/2021)",
            "23/QĐ-TTg (07/01/2021)",
            "§2.14",
            Confidence::Official,
        ),
    },
];

/// Looks a target up by id.
pub fn target(id: &str) -> Option<&'static TargetDef> {
    TARGETS.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_34_provincial_units_and_the_nation() {
        assert_eq!(REGIONS.len(), 35);
        assert_eq!(
            REGIONS
                .iter()
                .filter(|r| r.kind == RegionKind::City)
                .count(),
            6
        );
        let ids: std::collections::BTreeSet<_> = REGIONS.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 35, "region ids are unique");
    }

    #[test]
    fn provincial_estimates_add_up_to_the_national_child_population() {
        // §6a: the estimate column sums to 24.775.000; Điện Biên and Lạng Sơn use their own
        // reports (+64.222 and +24.049), so the provinces add up to ≈ 24,86 M vs 24,8 M.
        let sum: u64 = REGIONS.iter().skip(1).map(|r| r.children).sum();
        assert_eq!(sum, 24_775_000 - 144_000 + 208_222 - 180_000 + 204_049);
        let pop: u64 = REGIONS.iter().skip(1).map(|r| r.pop_admin).sum();
        assert_eq!(pop, 112_093_848, "NQ 202/2025/QH15 total (§6a)");
    }

    #[test]
    fn every_line_is_sourced_and_sane() {
        let ids: std::collections::BTreeSet<_> = LINES.iter().map(|l| l.id).collect();
        assert_eq!(ids.len(), LINES.len());
        assert!(LINES.len() >= 12);
        for l in LINES {
            assert!(l.unit_cost.low.0 > 0 && l.unit_cost.low <= l.unit_cost.mode);
            assert!(l.unit_cost.mode <= l.unit_cost.high, "{}", l.id);
            assert!(!l.cost_source.text.is_empty() && !l.eligible_source.text.is_empty());
            assert!(l.max_coverage > 0.0 && l.max_coverage <= 1.0);
            assert!(l.durability_years >= 1.0);
            if let Some((_, rrr, s)) = l.drowning {
                assert!(
                    0.0 <= rrr.low
                        && rrr.low <= rrr.mode
                        && rrr.mode <= rrr.high
                        && rrr.high <= 1.0
                );
                assert!(!s.text.is_empty());
            }
            assert!(
                l.drowning.is_some()
                    || l.supported_per_unit > 0.0
                    || l.role != Role::Plain
                    || l.id == "play"
            );
        }
    }

    #[test]
    fn base_rate_matches_deaths_over_children() {
        // 1.800 / 24.800.000 × 100.000 = 7,258…
        let r = national::DROWNING_DEATHS / 24_800_000.0 * 1e5;
        assert!((r - national::DROWNING_RATE.mode).abs() < 0.01);
        assert!((2_000.0 / 24_800_000.0 * 1e5 - national::DROWNING_RATE.high).abs() < 0.01);
        // 2.000 / 24.776.733 × 100.000 = 8,072…
        assert!((2_000.0 / 24_776_733.0 * 1e5 - national::REFERENCE_RATE_2020).abs() < 0.01);
    }

    #[test]
    fn sources_speak_both_languages_without_internal_references() {
        let all = all_sources();
        assert!(all.len() > 60, "{}", all.len());
        for s in &all {
            for text in [s.vi, s.text] {
                assert!(!text.trim().is_empty(), "{s:?}");
                let lower = text.to_lowercase();
                for inside in ["§", "sources.md", "seed 0", "seed fact"] {
                    assert!(!lower.contains(inside), "internal reference in {text:?}");
                }
            }
            // Vietnamese words in the Vietnamese text, none of the English ones, and back.
            // Words outside quoted titles (a foreign study keeps its original title).
            let words = |t: &str| {
                let mut plain = String::new();
                let mut quoted = false;
                for c in t.chars() {
                    match c {
                        '“' => quoted = true,
                        '”' => quoted = false,
                        _ if !quoted => plain.push(c),
                        _ => {}
                    }
                }
                plain
                    .split(|c: char| !c.is_alphabetic())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            };
            let (vi, en) = (words(s.vi), words(s.text));
            for english in [
                "the", "of", "per", "assumed", "estimate", "children", "calls",
            ] {
                assert!(
                    !vi.iter().any(|w| w == english),
                    "English “{english}” in {:?}",
                    s.vi
                );
            }
            for vietnamese in ["của", "mỗi", "trẻ", "giả", "định", "ước", "tính", "năm"]
            {
                assert!(
                    !en.iter().any(|w| w == vietnamese),
                    "Vietnamese “{vietnamese}” in {:?}",
                    s.text
                );
            }
            assert_eq!(source_text(s.text, crate::Lang::Vi), s.vi);
            assert_eq!(source_text(s.text, crate::Lang::En), s.text);
        }
        assert_eq!(source_text("my own note", crate::Lang::Vi), "my own note");
        assert_eq!(
            source_refs(national::TREND_SOURCE.text),
            national::TREND_SOURCE.refs
        );
    }

    #[test]
    fn grades_agree_with_their_own_text() {
        for s in all_sources() {
            let says_estimate = ["estimate", "assumed", "by definition"]
                .iter()
                .any(|w| s.text.contains(w))
                || ["ước tính", "giả định", "theo định nghĩa"]
                    .iter()
                    .any(|w| s.vi.contains(w));
            if says_estimate {
                assert_ne!(s.confidence, Confidence::Official, "{:?}", s.text);
            }
            if s.text.ends_with("— estimate") {
                assert_eq!(s.confidence, Confidence::Estimate, "{:?}", s.text);
                assert!(s.vi.ends_with("— ước tính"), "{:?}", s.vi);
            }
        }
    }

    #[test]
    fn formed_from_reads_in_the_users_language() {
        let dien_bien = region("dien-bien").expect("Điện Biên");
        assert_eq!(dien_bien.formed_from_in(crate::Lang::Vi), "không sáp nhập");
        assert_eq!(dien_bien.formed_from_in(crate::Lang::En), "not merged");
        let hcm = region("ho-chi-minh").expect("HCMC");
        assert_eq!(
            hcm.formed_from_in(crate::Lang::En),
            "Bà Rịa – Vũng Tàu + Bình Dương + Hồ Chí Minh City"
        );
        assert_eq!(
            hcm.formed_from_in(crate::Lang::Vi),
            "Bà Rịa – Vũng Tàu + Bình Dương + TP. Hồ Chí Minh"
        );
        for r in REGIONS {
            let en = r.formed_from_in(crate::Lang::En);
            assert!(!en.contains("sáp nhập") && !en.contains("đơn vị"), "{en}");
        }
    }
}
