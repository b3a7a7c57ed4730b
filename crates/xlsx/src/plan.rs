//! The plan as a state document: one model of the document, built from the scenario, its
//! projection and uncertainty, the language and the issuing-body settings, in the layout of
//! Decree 30/2020/NĐ-CP (shared/OFFICE.md) — national title and motto, issuing body,
//! number and symbol, place and date, "KẾ HOẠCH" and its subject, the sections (I. Mục
//! đích, yêu cầu; II. Chỉ tiêu; III. Nhiệm vụ và giải pháp; IV. Kinh phí thực hiện; V. Tổ
//! chức thực hiện), the signature block and "Nơi nhận", then an annex of tables.
//!
//! Two renderers read it: [`crate::html`] (the print sheet) and [`crate::docx`] (the Word
//! file), so paper and Word say the same thing. Every headline figure comes from the
//! figures catalogue (`model::figures::Figure`: label, format) and is kept as a
//! [`Span::Figure`] with its key and exact value.

use model::data::{self, Confidence, TARGETS, TargetKind};
use model::figures::Figure;
use model::fmt;
use model::words::{self, Common, Office, Piece, Ui};
use model::{Lang, Money, Projection, Scenario, Uncertainty, Verdict};

use crate::office::Issuer;

/// A run of text.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    /// Plain text.
    Text(String),
    /// Bold text.
    Bold(String),
    /// A headline figure of the catalogue: its key, exact value and text as written.
    Figure {
        /// `Figure::key()`.
        key: &'static str,
        /// The exact value.
        value: f64,
        /// The value as written in the document's language.
        text: String,
    },
}

impl Span {
    /// Its text.
    pub fn text(&self) -> &str {
        match self {
            Span::Text(t) | Span::Bold(t) => t,
            Span::Figure { text, .. } => text,
        }
    }
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// A section heading ("I. MỤC ĐÍCH, YÊU CẦU").
    Heading,
    /// A numbered sub-heading ("1. Mục đích").
    Subheading,
    /// Body text (justified, first line indented).
    Body,
    /// A "- " item.
    Bullet,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// What it is.
    pub kind: ParaKind,
    /// Its runs.
    pub spans: Vec<Span>,
    /// A test id for the print sheet (`data-testid`), if any.
    pub testid: Option<String>,
    /// `data-met` of a target's line.
    pub met: Option<bool>,
}

/// A table of the annex.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// "Bảng 1. …".
    pub caption: String,
    /// "Đơn vị tính: triệu đồng" (may be empty).
    pub unit: String,
    /// Column heads.
    pub head: Vec<String>,
    /// Relative column widths (they need not add up to anything).
    pub widths: Vec<u32>,
    /// Columns of numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// Rows: cells of runs; the last may be a total.
    pub rows: Vec<Vec<Vec<Span>>>,
    /// The last row is a total (bold).
    pub total: bool,
    /// A test id for the print sheet.
    pub testid: String,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
}

/// The whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDoc {
    /// Its language.
    pub lang: Lang,
    /// The scenario's name (the file's title property).
    pub name: String,
    /// Parent body, upper case (may be empty).
    pub parent: String,
    /// Issuing body, upper case.
    pub body: String,
    /// "Số: ……/KH-SYT".
    pub number: String,
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    pub national: String,
    /// "Độc lập - Tự do - Hạnh phúc".
    pub motto: String,
    /// "Điện Biên, ngày …… tháng …… năm 2026".
    pub place_date: String,
    /// "KẾ HOẠCH".
    pub doc_type: String,
    /// "Thực hiện công tác trẻ em năm 2027".
    pub subject: String,
    /// The basis and sections I–V.
    pub content: Vec<Block>,
    /// Signing authority and position, one a line.
    pub signature: Vec<String>,
    /// The signer's name (may be empty: room is left).
    pub signer: String,
    /// "Nơi nhận:".
    pub recipients_title: String,
    /// Recipients, each "- …;" (the last "- …./.").
    pub recipients: Vec<String>,
    /// "PHỤ LỤC".
    pub annex_title: String,
    /// "(Kèm theo Kế hoạch số …/KH-SYT …)".
    pub annex_of: String,
    /// The annex's tables.
    pub annex: Vec<Block>,
    /// The note under the annex.
    pub annex_note: String,
    /// The share link a QR code on paper opens (empty: none).
    pub link: String,
    /// The QR code's caption.
    pub qr_caption: String,
}

/// Catalogue figures listed under "II. Chỉ tiêu", in this order.
pub const FIGURES: [Figure; 7] = [
    Figure::DeathsAverted,
    Figure::RateFinal,
    Figure::SwimShare,
    Figure::ChildFriendlyShare,
    Figure::ChildrenReached,
    Figure::ChildrenSupported,
    Figure::CostPerDeathAverted,
];

/// A line's unit without a trailing "mỗi năm" / "per year" (day care counts per year), for
/// sentences that say "a year" themselves.
pub fn unit_once(unit: &'static str, lang: Lang) -> &'static str {
    unit.strip_suffix(Office::PerYearSuffix.get(lang))
        .unwrap_or(unit)
}

/// A template filled with runs: `{n}` takes `args[n]`, the rest is plain text.
fn fill(template: &str, args: Vec<Span>) -> Vec<Span> {
    words::pieces(template)
        .filter_map(|p| match p {
            Piece::Text(t) => Some(Span::Text(t.to_string())),
            Piece::Value(n) => args.get(n).cloned(),
        })
        .collect()
}

fn text(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

fn para(kind: ParaKind, spans: Vec<Span>) -> Block {
    Block::Para(Para {
        kind,
        spans,
        testid: None,
        met: None,
    })
}

fn plain(kind: ParaKind, s: impl Into<String>) -> Block {
    para(kind, vec![text(s)])
}

/// "05" for days 1–9; months 1 and 2 likewise (Decree 30/2020/NĐ-CP).
fn two_digits(n: u32, pad: bool) -> String {
    if pad && n < 10 {
        format!("0{n}")
    } else {
        n.to_string()
    }
}

/// A change a year with its sign: "−2,5 %".
fn signed_pct(x: f64, lang: Lang) -> String {
    if x < 0.0 {
        format!("−{}", fmt::pct(-x, lang))
    } else if x > 0.0 {
        format!("+{}", fmt::pct(x, lang))
    } else {
        fmt::pct(0.0, lang)
    }
}

/// Runs of consecutive plan years with the same budget: (first year, last year, budget).
pub fn budget_runs(s: &Scenario) -> Vec<(i32, i32, model::YearBudget)> {
    let mut out: Vec<(i32, i32, model::YearBudget)> = Vec::new();
    for (b, y) in s.budget.iter().zip(s.years()) {
        match out.last_mut() {
            Some((_, last, prev)) if prev == b => *last = y,
            _ => out.push((y, y, *b)),
        }
    }
    out
}

/// The Monte Carlo result the document's ranges and chances come from, and the chance a
/// target must be met with to count as met ([`model::Verdict`]).
#[derive(Debug, Clone, Copy)]
pub struct Odds<'a> {
    /// The Monte Carlo result (`None`: none could be computed; no target is then "met").
    pub u: Option<&'a Uncertainty>,
    /// The chance asked for (50, 80 or 95 %).
    pub asked: f64,
}

impl<'a> Odds<'a> {
    /// These Monte Carlo results with the default chance asked for (80 %).
    pub fn at_default_chance(u: Option<&'a Uncertainty>) -> Odds<'a> {
        Odds {
            u,
            asked: model::goal::DEFAULT_CHANCE,
        }
    }
}

impl PlanDoc {
    /// Builds the document. `year` is this year (the date line when the date is left
    /// blank); `link` the share link for the QR code on paper (empty: none).
    pub fn build(
        s: &Scenario,
        p: &Projection,
        odds: Odds<'_>,
        lang: Lang,
        issuer: &Issuer,
        year: i32,
        link: &str,
    ) -> PlanDoc {
        let u = odds.u;
        let blank = "……";
        let number = Office::NumberLine.fill(lang, &[blank, &issuer.symbol]);
        let place_date = match issuer.date {
            Some((y, m, d)) => Office::PlaceDate.fill(
                lang,
                &[
                    &issuer.place,
                    &two_digits(d, true),
                    &two_digits(m, m <= 2),
                    &y.to_string(),
                ],
            ),
            None => Office::PlaceDate.fill(lang, &[&issuer.place, blank, blank, &year.to_string()]),
        };
        let (subject, period) = if s.start_year == s.end_year {
            let y = s.start_year.to_string();
            (
                Office::SubjectYear.fill(lang, &[&y]),
                Office::PeriodYear.fill(lang, &[&y]),
            )
        } else {
            let (a, b) = (s.start_year.to_string(), s.end_year.to_string());
            (
                Office::SubjectYears.fill(lang, &[&a, &b]),
                Office::PeriodYears.fill(lang, &[&a, &b]),
            )
        };
        let mut content = vec![plain(ParaKind::Body, Office::Basis.fill(lang, &[&period]))];
        purpose(&mut content, s, lang);
        targets(&mut content, p, odds, lang);
        tasks(&mut content, s, p, lang);
        funding(&mut content, s, lang);
        organisation(&mut content, lang);
        let n = issuer.recipients.len();
        let recipients = issuer
            .recipients
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let r = r.trim_end_matches([';', '.']);
                if i + 1 == n {
                    format!("- {r}.")
                } else {
                    format!("- {r};")
                }
            })
            .collect();
        let body_name = if issuer.body.is_empty() {
            issuer.parent.clone()
        } else {
            issuer.body.clone()
        };
        PlanDoc {
            lang,
            name: s.name.clone(),
            parent: issuer.parent.clone(),
            body: issuer.body.clone(),
            annex_of: Office::AnnexOf.fill(lang, &[&number, &body_name]),
            number,
            national: Office::NationalTitle.get(lang).into(),
            motto: Office::Motto.get(lang).into(),
            place_date,
            doc_type: Office::DocType.get(lang).into(),
            subject,
            content,
            signature: [&issuer.authority, &issuer.title]
                .iter()
                .filter(|t| !t.is_empty())
                .map(|t| (*t).clone())
                .collect(),
            signer: issuer.name.clone(),
            recipients_title: Office::Recipients.get(lang).into(),
            recipients,
            annex_title: Office::AnnexTitle.get(lang).into(),
            annex: annex(s, p, u, lang),
            annex_note: Office::AnnexNote.get(lang).into(),
            link: link.to_string(),
            qr_caption: Office::ScanToReopen.get(lang).into(),
        }
    }

    /// Every figure of the document: (key, exact value, text).
    pub fn figures(&self) -> Vec<(&'static str, f64, String)> {
        let mut out = Vec::new();
        for b in &self.content {
            if let Block::Para(p) = b {
                for s in &p.spans {
                    if let Span::Figure { key, value, text } = s {
                        out.push((*key, *value, text.clone()));
                    }
                }
            }
        }
        out
    }

    /// The whole text, one paragraph a line (tests, search).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        for s in [
            &self.parent,
            &self.body,
            &self.number,
            &self.national,
            &self.motto,
            &self.place_date,
            &self.doc_type,
            &self.subject,
        ] {
            line(s);
        }
        let blocks = |blocks: &[Block], line: &mut dyn FnMut(&str)| {
            for b in blocks {
                match b {
                    Block::Para(p) => {
                        let t: String = p.spans.iter().map(Span::text).collect();
                        line(&t);
                    }
                    Block::Table(t) => {
                        line(&t.caption);
                        line(&t.head.join(" | "));
                        for r in &t.rows {
                            let cells: Vec<String> = r
                                .iter()
                                .map(|c| c.iter().map(Span::text).collect::<String>())
                                .collect();
                            line(&cells.join(" | "));
                        }
                    }
                }
            }
        };
        blocks(&self.content, &mut line);
        for s in &self.signature {
            line(s);
        }
        line(&self.signer);
        line(&self.recipients_title);
        for r in &self.recipients {
            line(r);
        }
        line(&self.annex_title);
        line(&self.annex_of);
        blocks(&self.annex, &mut line);
        line(&self.annex_note);
        out
    }
}

fn region_name(s: &Scenario, lang: Lang) -> String {
    data::region(&s.region).map_or_else(|| s.region.clone(), |r| r.name(lang))
}

/// A region's name inside a sentence: "tỉnh Điện Biên", not "Tỉnh Điện Biên" (the kind of
/// unit is a common noun in Vietnamese; proper names keep their capitals).
fn mid_sentence(name: &str) -> String {
    for kind in ["Tỉnh ", "Thành phố "] {
        if let Some(rest) = name.strip_prefix(kind) {
            return format!("{}{rest}", kind.to_lowercase());
        }
    }
    name.to_string()
}

/// The lines with money, in catalogue order.
fn funded(s: &Scenario) -> Vec<&'static data::LineDef> {
    data::lines()
        .iter()
        .filter(|l| s.alloc(l.id).0 > 0)
        .collect()
}

fn purpose(out: &mut Vec<Block>, s: &Scenario, lang: Lang) {
    out.push(plain(ParaKind::Heading, Office::SecPurpose.get(lang)));
    out.push(plain(ParaKind::Subheading, Office::Purpose.get(lang)));
    out.push(plain(
        ParaKind::Body,
        Office::PurposeText.fill(lang, &[&mid_sentence(&region_name(s, lang))]),
    ));
    out.push(plain(ParaKind::Subheading, Office::Requirements.get(lang)));
    let years = format!("{}–{}", s.start_year, s.end_year);
    out.push(plain(
        ParaKind::Body,
        Office::RequirementsText.fill(
            lang,
            &[
                &fmt::money(s.allocated(), lang),
                &years,
                &funded(s).len().to_string(),
            ],
        ),
    ));
}

fn targets(out: &mut Vec<Block>, p: &Projection, odds: Odds<'_>, lang: Lang) {
    let u = odds.u;
    out.push(plain(ParaKind::Heading, Office::SecTargets.get(lang)));
    out.push(plain(
        ParaKind::Subheading,
        Office::HeadlineResults.get(lang),
    ));
    for f in FIGURES {
        let Some(v) = f.value(p).filter(|v| v.is_finite()) else {
            continue;
        };
        let figure = Span::Figure {
            key: f.key(),
            value: v,
            text: f.format(Some(v), lang),
        };
        let label = text(f.label(lang));
        let spans = match u.and_then(|u| f.band(u)) {
            Some(b) => {
                let range = format!(
                    "{}–{}",
                    f.format(Some(b.p10), lang),
                    f.format(Some(b.p90), lang)
                );
                fill(
                    Office::FigureWithRange.get(lang),
                    vec![label, figure, text(range)],
                )
            }
            None => fill(Office::FigureOnly.get(lang), vec![label, figure]),
        };
        out.push(Block::Para(Para {
            kind: ParaKind::Bullet,
            spans,
            testid: Some(format!("print-fig-{}", f.key())),
            met: None,
        }));
    }
    out.push(plain(
        ParaKind::Subheading,
        Office::NationalTargetsHeading.get(lang),
    ));
    let mut any = false;
    for t in TARGETS {
        let Some(o) = p.target(t.id).filter(|o| o.assessable) else {
            continue;
        };
        any = true;
        let shown = |v: f64| match t.kind {
            TargetKind::DrowningReduction => format!("−{}", fmt::pct(v, lang)),
            _ => fmt::pct(v, lang),
        };
        let chance = u
            .and_then(|u| u.target(t.id))
            .filter(|c| c.assessable)
            .map(|c| c.probability);
        let verdict = Verdict::settled(o.assessable, o.met, chance, odds.asked);
        let mut rest =
            vec![Office::TargetAgainst.fill(lang, &[&shown(o.value), &shown(o.threshold)])];
        if let Some(c) = chance {
            rest.push(Office::TargetChance.fill(lang, &[&fmt::pct(c, lang)]));
        }
        let mut without = Office::TargetWithout.fill(lang, &[&shown(o.baseline_value)]);
        if o.met_without_plan {
            without.push(' ');
            without.push_str(Office::TargetMetWithout.get(lang));
        }
        rest.push(without);
        if let Some(tr) = o.trend {
            rest.push(Office::TrendAssumed.fill(
                lang,
                &[
                    &signed_pct(tr.central, lang),
                    &signed_pct(tr.low, lang),
                    &signed_pct(tr.high, lang),
                ],
            ));
        }
        let spans = vec![
            Span::Bold(verdict.word(lang).to_string()),
            text(format!(
                " — {} ({}): {}.",
                t.label(lang),
                t.year,
                rest.join("; ")
            )),
        ];
        out.push(Block::Para(Para {
            kind: ParaKind::Bullet,
            spans,
            testid: Some(format!("print-target-{}", t.id)),
            met: Some(verdict.is_met()),
        }));
    }
    if !any {
        out.push(plain(ParaKind::Bullet, Ui::NoTargetInPlan.get(lang)));
    }
}

fn tasks(out: &mut Vec<Block>, s: &Scenario, p: &Projection, lang: Lang) {
    out.push(plain(ParaKind::Heading, Office::SecTasks.get(lang)));
    let years = s.year_count().max(1);
    for (k, l) in funded(s).into_iter().enumerate() {
        let Some(o) = p.line(l.id) else {
            continue;
        };
        // One paragraph a task: its money, what it buys, then its own unit cost and effect,
        // each named with the task.
        let mut spans = fill(
            Office::TaskFunding.get(lang),
            vec![
                Span::Bold(format!("{}. {}", k + 1, l.name(lang))),
                text(fmt::money(s.alloc(l.id), lang)),
                text(fmt::money(o.spend_total, lang)),
            ],
        );
        let per_year = o.reach_total as f64 / years as f64;
        let mut buys = vec![Office::TaskBuys.fill(
            lang,
            &[&fmt::count_f(per_year, lang), unit_once(l.unit(lang), lang)],
        )];
        if o.children_reached > 0 {
            buys.push(Office::TaskReached.fill(lang, &[&fmt::count(o.children_reached, lang)]));
        }
        if o.children_supported > 0 {
            buys.push(Office::TaskSupported.fill(lang, &[&fmt::count(o.children_supported, lang)]));
        }
        if o.deaths_averted.lifetime > 0.005 {
            buys.push(
                Office::TaskAverted.fill(lang, &[&fmt::deaths(o.deaths_averted.lifetime, lang)]),
            );
        }
        let short = l.short_name(lang);
        let over = s.overrides.lines.get(l.id);
        let cost = over
            .and_then(|o| o.unit_cost)
            .map_or(l.unit_cost.mode, |t| t.mode);
        let mut facts =
            vec![Office::TaskUnitCost.fill(lang, &[short, &fmt::money(cost, lang), l.unit(lang)])];
        if let Some((_, rrr, _)) = l.drowning {
            let effect = over.and_then(|o| o.rrr).map_or(rrr.mode, |t| t.mode);
            facts.push(Office::TaskEffect.fill(lang, &[short, &fmt::pct(effect, lang)]));
        }
        let mut rest = format!("; {}. {}.", buys.join("; "), facts.join("; "));
        if o.idle_total.0 > 0 {
            let idle = Money(o.idle_total.0 / years as i64);
            rest.push(' ');
            rest.push_str(&Office::TaskIdle.fill(lang, &[&fmt::money(idle, lang), short]));
        }
        spans.push(text(rest));
        out.push(Block::Para(Para {
            kind: ParaKind::Body,
            spans,
            testid: Some(format!("print-task-{}", l.id)),
            met: None,
        }));
    }
    let unfunded: Vec<&str> = data::lines()
        .iter()
        .filter(|l| s.alloc(l.id).0 == 0)
        .map(|l| l.name(lang))
        .collect();
    if !unfunded.is_empty() {
        out.push(plain(
            ParaKind::Body,
            Office::TasksUnfunded.fill(lang, &[&unfunded.join(", ")]),
        ));
    }
}

/// Sums over the plan years: central, provincial, mobilised, total.
fn plan_totals(s: &Scenario) -> [Money; 4] {
    let sum = |f: fn(&model::YearBudget) -> Money| -> Money { s.budget.iter().map(f).sum() };
    [
        sum(|b| b.central),
        sum(|b| b.provincial),
        sum(|b| b.mobilised),
        sum(|b| b.total()),
    ]
}

fn funding(out: &mut Vec<Block>, s: &Scenario, lang: Lang) {
    out.push(plain(ParaKind::Heading, Office::SecFunding.get(lang)));
    let [central, provincial, mobilised, total] = plan_totals(s);
    out.push(plain(
        ParaKind::Body,
        Office::FundingTotal.fill(lang, &[&fmt::money(total, lang)]),
    ));
    for (w, m) in [
        (Office::FundCentral, central),
        (Office::FundProvincial, provincial),
        (Office::FundMobilised, mobilised),
    ] {
        out.push(plain(
            ParaKind::Bullet,
            format!("{};", w.fill(lang, &[&fmt::money(m, lang)])),
        ));
    }
    let left = s.min_year_budget().saturating_sub(s.allocated());
    if left.0 > 0 {
        out.push(plain(
            ParaKind::Body,
            Office::FundingLeft.fill(lang, &[&fmt::money(left, lang)]),
        ));
    }
    out.push(plain(ParaKind::Body, Office::FundingAnnex.get(lang)));
}

fn organisation(out: &mut Vec<Block>, lang: Lang) {
    out.push(plain(ParaKind::Heading, Office::SecOrganisation.get(lang)));
    for w in [
        Office::OrgLead,
        Office::OrgAgencies,
        Office::OrgCommunes,
        Office::OrgClosing,
    ] {
        out.push(plain(ParaKind::Body, w.get(lang)));
    }
}

fn cell(s: impl Into<String>) -> Vec<Span> {
    vec![text(s)]
}

fn annex(s: &Scenario, p: &Projection, u: Option<&Uncertainty>, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    let million = Office::AnnexUnitMillion.get(lang).to_string();
    let tr = |m: Money| fmt::trieu(m, lang);

    // Table 1: funding and results by task.
    let mut rows: Vec<Vec<Vec<Span>>> = Vec::new();
    let (mut annual, mut whole, mut reached, mut supported, mut averted) =
        (Money::ZERO, Money::ZERO, 0u64, 0u64, 0.0f64);
    for (k, l) in funded(s).into_iter().enumerate() {
        let Some(o) = p.line(l.id) else {
            continue;
        };
        annual = annual.saturating_add(o.annual);
        whole = whole.saturating_add(o.spend_total);
        reached = reached.saturating_add(o.children_reached);
        supported = supported.saturating_add(o.children_supported);
        averted += o.deaths_averted.lifetime;
        rows.push(vec![
            cell((k + 1).to_string()),
            cell(format!("{} ({})", l.name(lang), l.unit(lang))),
            cell(tr(o.annual)),
            cell(tr(o.spend_total)),
            cell(fmt::count(o.reach_total, lang)),
            cell(fmt::count(o.children_reached, lang)),
            cell(fmt::count(o.children_supported, lang)),
            cell(fmt::deaths(o.deaths_averted.lifetime, lang)),
        ]);
    }
    rows.push(vec![
        cell(""),
        cell(Common::Total.get(lang)),
        cell(tr(annual)),
        cell(tr(whole)),
        cell(""),
        cell(fmt::count(reached, lang)),
        cell(fmt::count(supported, lang)),
        cell(fmt::deaths(averted, lang)),
    ]);
    out.push(Block::Table(Table {
        caption: Office::TableTasks.get(lang).into(),
        unit: million.clone(),
        head: vec![
            Office::ColNo.get(lang).into(),
            Office::ColTask.get(lang).into(),
            Common::AnnualAllocation.get(lang).into(),
            Common::WholePlan.get(lang).into(),
            Office::ColUnits.get(lang).into(),
            Office::ColReached.get(lang).into(),
            Office::ColSupported.get(lang).into(),
            Office::ColAverted.get(lang).into(),
        ],
        widths: vec![5, 31, 11, 11, 11, 11, 11, 9],
        numeric: vec![false, false, true, true, true, true, true, true],
        rows,
        total: true,
        testid: "print-table-tasks".into(),
    }));

    // Table 2: funding by source and year.
    let mut rows: Vec<Vec<Vec<Span>>> = budget_runs(s)
        .into_iter()
        .map(|(a, b, yb)| {
            let years = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            vec![
                cell(years),
                cell(tr(yb.central)),
                cell(tr(yb.provincial)),
                cell(tr(yb.mobilised)),
                cell(tr(yb.total())),
            ]
        })
        .collect();
    let totals = plan_totals(s);
    let mut total_row = vec![cell(Common::WholePlan.get(lang))];
    total_row.extend(totals.iter().map(|m| cell(tr(*m))));
    rows.push(total_row);
    out.push(Block::Table(Table {
        caption: Office::TableSources.get(lang).into(),
        unit: million,
        head: vec![
            Common::Year.get(lang).into(),
            Common::CentralBudget.get(lang).into(),
            Common::ProvincialBudget.get(lang).into(),
            Common::MobilisedFunds.get(lang).into(),
            Common::Total.get(lang).into(),
        ],
        widths: vec![16, 21, 21, 21, 21],
        numeric: vec![false, true, true, true, true],
        rows,
        total: true,
        testid: "print-table-sources".into(),
    }));

    // Table 3: deaths by year.
    let rows = p
        .years
        .iter()
        .map(|y| {
            let band = u
                .and_then(|u| u.years.iter().find(|b| b.year == y.year))
                .map_or_else(
                    || fmt::NONE.to_string(),
                    |b| {
                        format!(
                            "{}–{}",
                            fmt::deaths(b.deaths.p10, lang),
                            fmt::deaths(b.deaths.p90, lang)
                        )
                    },
                );
            vec![
                cell(y.year.to_string()),
                cell(fmt::deaths(y.deaths_baseline, lang)),
                cell(fmt::deaths(y.deaths, lang)),
                cell(band),
                cell(fmt::deaths(y.deaths_averted, lang)),
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: Office::TableYears.get(lang).into(),
        unit: String::new(),
        head: vec![
            Common::Year.get(lang).into(),
            Office::ColWithout.get(lang).into(),
            Office::ColWith.get(lang).into(),
            Office::ColRange.get(lang).into(),
            Office::ColAverted.get(lang).into(),
        ],
        widths: vec![16, 21, 21, 21, 21],
        numeric: vec![false, true, true, true, true],
        rows,
        total: false,
        testid: "print-table-years".into(),
    }));

    // Table 4: the assumptions of the region and of the funded lines, with sources in the
    // reader's language; a line's assumption is named with its line.
    let funded_ids: Vec<&str> = funded(s).iter().map(|l| l.id).collect();
    let rows = model::assumptions(s)
        .iter()
        .filter(|a| a.line.is_none_or(|id| funded_ids.contains(&id)))
        .map(|a| {
            let label = match a.line.and_then(data::line) {
                Some(l) => Office::LineAssumption.fill(lang, &[l.name(lang), a.label(lang)]),
                None => a.label(lang).to_string(),
            };
            let unit = a.unit_label(lang);
            let value = if unit == "%" || unit.is_empty() {
                a.display(lang)
            } else {
                format!("{} ({unit})", a.display(lang))
            };
            let source = if a.confidence == Confidence::Edited {
                String::new()
            } else {
                data::source_text(a.source, lang)
            };
            vec![
                cell(label),
                cell(value),
                cell(a.confidence.label(lang)),
                cell(source),
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        caption: Office::TableAssumptions.get(lang).into(),
        unit: String::new(),
        head: vec![
            Office::ColAssumption.get(lang).into(),
            Office::ColValue.get(lang).into(),
            Office::ColGrade.get(lang).into(),
            Office::ColSource.get(lang).into(),
        ],
        widths: vec![26, 20, 10, 44],
        numeric: vec![false, false, false, false],
        rows,
        total: false,
        testid: "print-table-assumptions".into(),
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(region: &str, lang: Lang) -> PlanDoc {
        let s = Scenario::default_for(region);
        let p = model::evaluate(&s).expect("valid");
        let u = model::simulate(&s, 200).expect("valid");
        PlanDoc::build(
            &s,
            &p,
            crate::plan::Odds::at_default_chance(Some(&u)),
            lang,
            &Issuer::default_for(region, lang),
            2026,
            "https://example.org/#s=x",
        )
    }

    #[test]
    fn the_document_has_every_part_of_decree_30() {
        let d = doc("dien-bien", Lang::Vi);
        let t = d.plain_text();
        for part in [
            "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
            "SỞ Y TẾ",
            "Số: ……/KH-SYT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Điện Biên, ngày …… tháng …… năm 2026",
            "KẾ HOẠCH",
            "Thực hiện công tác trẻ em giai đoạn 2027–2030",
            "trên địa bàn tỉnh Điện Biên",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. CHỈ TIÊU",
            "III. NHIỆM VỤ VÀ GIẢI PHÁP",
            "IV. KINH PHÍ THỰC HIỆN",
            "V. TỔ CHỨC THỰC HIỆN",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Nơi nhận:",
            "- Lưu: VT.",
            "PHỤ LỤC",
            "Bảng 4. Giả định và nguồn số liệu",
        ] {
            assert!(t.contains(part), "missing {part}");
        }
        // Every unit cost and effect names its line.
        assert!(t.contains("Đơn giá của “Dạy bơi an toàn”: "), "{t}");
        assert!(t.contains("mức giảm nguy cơ đuối nước của “Dạy bơi an toàn”: "));
        assert!(!t.contains("mỗi năm mỗi năm"));
        for internal in ["§", "SOURCES", "seed 0"] {
            assert!(!t.contains(internal), "{internal} in the document");
        }
        // Figures from the catalogue, written as the catalogue writes them.
        let figs = d.figures();
        assert_eq!(figs.len(), FIGURES.len());
        let s = Scenario::default_for("dien-bien");
        let p = model::evaluate(&s).expect("valid");
        for (key, value, text) in figs {
            let f = Figure::ALL
                .into_iter()
                .find(|f| f.key() == key)
                .expect("a catalogue key");
            assert_eq!(f.value(&p), Some(value));
            assert_eq!(f.format(Some(value), Lang::Vi), text);
        }
    }

    #[test]
    fn english_has_no_vietnamese_words_of_the_app() {
        let t = doc("dien-bien", Lang::En).plain_text();
        assert!(t.contains("SOCIALIST REPUBLIC OF VIET NAM"));
        assert!(t.contains("III. TASKS AND MEASURES"));
        for vi in [
            "Nơi nhận",
            "Đơn giá",
            "mỗi năm",
            "ước tính",
            "giả định",
            "Bảng",
        ] {
            assert!(!t.contains(vi), "“{vi}” in the English document");
        }
        assert!(!t.contains("per year a year"));
    }

    #[test]
    fn a_dated_document_writes_the_date_as_the_decree_asks() {
        let s = Scenario::default_for("dien-bien");
        let p = model::evaluate(&s).expect("valid");
        let issuer = Issuer {
            date: Some((2027, 1, 5)),
            ..Issuer::default_for("dien-bien", Lang::Vi)
        };
        let d = PlanDoc::build(
            &s,
            &p,
            crate::plan::Odds::at_default_chance(None),
            Lang::Vi,
            &issuer,
            2026,
            "",
        );
        assert_eq!(d.place_date, "Điện Biên, ngày 05 tháng 01 năm 2027");
        let issuer = Issuer {
            date: Some((2027, 11, 15)),
            ..issuer
        };
        let d = PlanDoc::build(
            &s,
            &p,
            crate::plan::Odds::at_default_chance(None),
            Lang::Vi,
            &issuer,
            2026,
            "",
        );
        assert_eq!(d.place_date, "Điện Biên, ngày 15 tháng 11 năm 2027");
        // Without a Monte Carlo result the figures have no range but are all there.
        assert_eq!(d.figures().len(), FIGURES.len());
    }

    #[test]
    fn money_past_a_ceiling_is_named_in_the_plan() {
        let mut s = Scenario::default_for("dien-bien");
        s.allocation.insert("daycare".into(), Money(17_800_000_000));
        for b in &mut s.budget {
            b.provincial = Money(b.provincial.0 + 20_000_000_000);
        }
        let p = model::evaluate(&s).expect("valid");
        let idle = p.line("daycare").map_or(Money::ZERO, |o| o.idle_total);
        assert!(idle.0 > 0, "day care past its cap");
        let t = PlanDoc::build(
            &s,
            &p,
            crate::plan::Odds::at_default_chance(None),
            Lang::Vi,
            &Issuer::default(),
            2026,
            "",
        )
        .plain_text();
        assert!(
            t.contains("vượt mức tối đa nên không mua thêm được gì"),
            "{t}"
        );
    }
}
