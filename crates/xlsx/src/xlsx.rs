//! The XLSX workbook: four sheets — summary (every figure of the catalogue with its
//! p10–p90 range, and the targets), allocation by line and budget by source and year,
//! projection by year, assumptions with their sources in the reader's language — written
//! with `rust_xlsxwriter`. Headers follow the user's language; money is in whole đồng
//! (numbers, not text, so Excel can add them up).

use model::data::{self, TARGETS};
use model::figures::{Figure, FigureUnit};
use model::words::{Common, Doc};
use model::{Lang, Scenario, Verdict};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::DRAWS;

/// The workbook of a scenario as XLSX bytes; its verdicts count a target as met with at
/// least the chance `chance` ([`model::Verdict`]).
pub fn workbook(s: &Scenario, lang: Lang, chance: f64) -> Result<Vec<u8>, String> {
    let p = model::evaluate(s).map_err(|e| e.message(lang))?;
    let u = model::simulate(s, DRAWS).ok();
    build(s, &p, u.as_ref(), chance, lang)
        .map_err(|e| Doc::WorkbookFailed.fill(lang, &[&e.to_string()]))
}

/// Sheet names (at most 31 characters, none of `[]:*?/\`).
pub fn sheet_names(lang: Lang) -> [&'static str; 4] {
    [
        Doc::SheetSummary.get(lang),
        Doc::SheetAllocation.get(lang),
        Common::ProjectionByYear.get(lang),
        Common::Assumptions.get(lang),
    ]
}

struct Styles {
    title: Format,
    head: Format,
    money: Format,
    int: Format,
    dec2: Format,
    pct: Format,
    wrap: Format,
    bold: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(0xE3EEF9)
                .set_border_bottom(FormatBorder::Thin),
            money: Format::new().set_num_format("#,##0"),
            int: Format::new().set_num_format("#,##0"),
            dec2: Format::new().set_num_format("#,##0.00"),
            pct: Format::new().set_num_format("0.0%"),
            wrap: Format::new().set_text_wrap(),
            bold: Format::new().set_bold(),
        }
    }
}

fn headers(ws: &mut Worksheet, row: u32, cols: &[&str], st: &Styles) -> Result<(), XlsxError> {
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &st.head)?;
    }
    Ok(())
}

/// A finite number, or a blank cell.
fn num(ws: &mut Worksheet, r: u32, c: u16, v: f64, f: &Format) -> Result<(), XlsxError> {
    if v.is_finite() {
        ws.write_number_with_format(r, c, v, f)?;
    }
    Ok(())
}

fn build(
    s: &Scenario,
    p: &model::Projection,
    u: Option<&model::Uncertainty>,
    chance: f64,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let names = sheet_names(lang);
    let in_dong = |w: &str| Common::InDong.fill(lang, &[w]);
    let mut wb = Workbook::new();
    let region = model::data::region(&s.region).map_or_else(|| s.region.clone(), |r| r.name(lang));
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(s.name.as_str())
        .set_subject(Doc::WorkbookSubject.get(lang))
        .set_company("Kế hoạch");
    wb.set_properties(&props);

    // 1. Summary.
    {
        let ws = wb.add_worksheet();
        ws.set_name(names[0])?;
        ws.set_column_width(0, 52)?;
        ws.set_column_width(1, 18)?;
        ws.set_column_width(2, 18)?;
        ws.set_column_width(3, 18)?;
        ws.set_column_width(4, 18)?;
        ws.write_string_with_format(0, 0, s.name.as_str(), &st.title)?;
        let meta: [(&str, String); 4] = [
            (Common::Region.get(lang), region.clone()),
            (
                Common::PlanYears.get(lang),
                format!("{}–{}", s.start_year, s.end_year),
            ),
            (Doc::FirstYearBudget.get(lang), String::new()),
            (&in_dong(Common::AnnualAllocation.get(lang)), String::new()),
        ];
        for (i, (k, v)) in meta.iter().enumerate() {
            let r = 2 + i as u32;
            ws.write_string_with_format(r, 0, *k, &st.bold)?;
            match i {
                2 => {
                    ws.write_number_with_format(
                        r,
                        1,
                        s.budget.first().map_or(0, |b| b.total().0) as f64,
                        &st.money,
                    )?;
                }
                3 => {
                    ws.write_number_with_format(r, 1, s.allocated().0 as f64, &st.money)?;
                }
                _ => {
                    ws.write_string(r, 1, v.as_str())?;
                }
            }
        }
        if !s.notes.is_empty() {
            ws.write_string_with_format(6, 0, Common::Notes.get(lang), &st.bold)?;
            ws.write_string_with_format(6, 1, s.notes.as_str(), &st.wrap)?;
        }
        let row0 = 8;
        headers(
            ws,
            row0,
            &[
                Doc::HeadlineFigures.get(lang),
                Common::Value.get(lang),
                "p10",
                "p90",
            ],
            &st,
        )?;
        // Every figure of the catalogue, named and written as everywhere else.
        let figures = Figure::ALL;
        for (i, f) in figures.iter().enumerate() {
            let r = row0 + 1 + i as u32;
            let format = match f.unit() {
                FigureUnit::Deaths | FigureUnit::Rate => &st.dec2,
                FigureUnit::Years | FigureUnit::Count => &st.int,
                FigureUnit::Share => &st.pct,
                FigureUnit::Money => &st.money,
            };
            ws.write_string(r, 0, f.label(lang))?;
            num(ws, r, 1, f.value(p).unwrap_or(f64::NAN), format)?;
            if let Some(b) = u.and_then(|u| f.band(u)) {
                num(ws, r, 2, b.p10, format)?;
                num(ws, r, 3, b.p90, format)?;
            }
        }
        let row1 = row0 + 2 + figures.len() as u32;
        headers(
            ws,
            row1,
            &[
                Common::NationalTarget.get(lang),
                Common::Result.get(lang),
                Common::Achieved.get(lang),
                Common::Needed.get(lang),
                Doc::ChanceOfMeeting.get(lang),
            ],
            &st,
        )?;
        for (i, t) in TARGETS.iter().enumerate() {
            let r = row1 + 1 + i as u32;
            ws.write_string(r, 0, format!("{} ({})", t.label(lang), t.year))?;
            match p.target(t.id) {
                Some(o) if o.assessable => {
                    let c = u
                        .and_then(|u| u.target(t.id))
                        .filter(|c| c.assessable)
                        .map(|c| c.probability);
                    let verdict = Verdict::settled(o.assessable, o.met, c, chance);
                    ws.write_string(r, 1, verdict.word(lang))?;
                    num(ws, r, 2, o.value, &st.pct)?;
                    num(ws, r, 3, o.threshold, &st.pct)?;
                    if let Some(c) = c {
                        num(ws, r, 4, c, &st.pct)?;
                    }
                }
                _ => {
                    ws.write_string(r, 1, Common::OutsidePlanYears.get(lang))?;
                }
            }
        }
        ws.write_string_with_format(
            row1 + 1 + TARGETS.len() as u32,
            0,
            Doc::VerdictRule.fill(lang, &[&model::fmt::pct(chance, lang)]),
            &st.wrap,
        )?;
        let row2 = row1 + 3 + TARGETS.len() as u32;
        ws.write_string_with_format(row2, 0, Doc::WorkbookNote.get(lang), &st.wrap)?;
    }

    // 2. Allocation by line, then budget by source and year.
    {
        let ws = wb.add_worksheet();
        ws.set_name(names[1])?;
        let cols = [
            Common::ProgrammeLine.get(lang),
            Doc::Id.get(lang),
            Common::Unit.get(lang),
            &in_dong(Common::AnnualAllocation.get(lang)),
            &in_dong(Common::WholePlan.get(lang)),
            Doc::UnitsOverPlan.get(lang),
            Common::ChildrenReached.get(lang),
            Common::ChildrenSupported.get(lang),
            Common::DeathsAverted.get(lang),
        ];
        headers(ws, 0, &cols, &st)?;
        ws.set_column_width(0, 44)?;
        ws.set_column_width(1, 16)?;
        ws.set_column_width(2, 22)?;
        for c in 3..cols.len() as u16 {
            ws.set_column_width(c, 18)?;
        }
        ws.set_freeze_panes(1, 1)?;
        let mut r = 1;
        for l in data::lines() {
            let o = p.line(l.id);
            ws.write_string(r, 0, l.name(lang))?;
            ws.write_string(r, 1, l.id)?;
            ws.write_string(r, 2, l.unit(lang))?;
            ws.write_number_with_format(r, 3, s.alloc(l.id).0 as f64, &st.money)?;
            if let Some(o) = o {
                ws.write_number_with_format(r, 4, o.spend_total.0 as f64, &st.money)?;
                ws.write_number_with_format(r, 5, o.reach_total as f64, &st.int)?;
                ws.write_number_with_format(r, 6, o.children_reached as f64, &st.int)?;
                ws.write_number_with_format(r, 7, o.children_supported as f64, &st.int)?;
                num(ws, r, 8, o.deaths_averted.lifetime, &st.dec2)?;
            }
            r += 1;
        }
        ws.write_string_with_format(r, 0, Common::Total.get(lang), &st.bold)?;
        ws.write_number_with_format(r, 3, s.allocated().0 as f64, &st.money)?;
        ws.write_number_with_format(r, 4, p.headline.spend_total.0 as f64, &st.money)?;
        r += 3;
        ws.write_string_with_format(
            r,
            0,
            in_dong(Common::BudgetBySourceYear.get(lang)),
            &st.title,
        )?;
        r += 1;
        headers(
            ws,
            r,
            &[
                Common::Year.get(lang),
                "",
                "",
                Common::CentralBudget.get(lang),
                Common::ProvincialBudget.get(lang),
                Common::MobilisedFunds.get(lang),
                Common::Total.get(lang),
            ],
            &st,
        )?;
        for (i, (b, y)) in s.budget.iter().zip(s.years()).enumerate() {
            let rr = r + 1 + i as u32;
            ws.write_number(rr, 0, f64::from(y))?;
            ws.write_number_with_format(rr, 3, b.central.0 as f64, &st.money)?;
            ws.write_number_with_format(rr, 4, b.provincial.0 as f64, &st.money)?;
            ws.write_number_with_format(rr, 5, b.mobilised.0 as f64, &st.money)?;
            ws.write_number_with_format(rr, 6, b.total().0 as f64, &st.money)?;
        }
    }

    // 3. Projection by year.
    {
        let ws = wb.add_worksheet();
        ws.set_name(names[2])?;
        let cols = [
            Common::Year.get(lang),
            &in_dong(Common::Budget.get(lang)),
            &in_dong(Common::Allocated.get(lang)),
            Common::DeathsWithoutPlan.get(lang),
            Common::DeathsWithPlan.get(lang),
            Common::DeathsAverted.get(lang),
            "p10",
            "p90",
            Common::RateWithoutPlan.get(lang),
            Common::RateWithPlan.get(lang),
            Common::SwimShare.get(lang),
            Common::ChildFriendlyCommunes.get(lang),
            Common::ChildrenReached.get(lang),
            Common::ChildrenSupported.get(lang),
        ];
        headers(ws, 0, &cols, &st)?;
        ws.set_column_width(0, 8)?;
        for c in 1..cols.len() as u16 {
            ws.set_column_width(c, 17)?;
        }
        ws.set_freeze_panes(1, 1)?;
        for (i, y) in p.years.iter().enumerate() {
            let r = 1 + i as u32;
            let band = u.and_then(|u| u.years.iter().find(|b| b.year == y.year));
            ws.write_number(r, 0, f64::from(y.year))?;
            ws.write_number_with_format(r, 1, y.budget.0 as f64, &st.money)?;
            ws.write_number_with_format(r, 2, y.allocated.0 as f64, &st.money)?;
            num(ws, r, 3, y.deaths_baseline, &st.dec2)?;
            num(ws, r, 4, y.deaths, &st.dec2)?;
            num(ws, r, 5, y.deaths_averted, &st.dec2)?;
            if let Some(b) = band {
                num(ws, r, 6, b.deaths.p10, &st.dec2)?;
                num(ws, r, 7, b.deaths.p90, &st.dec2)?;
            }
            num(ws, r, 8, y.rate_baseline, &st.dec2)?;
            num(ws, r, 9, y.rate, &st.dec2)?;
            num(ws, r, 10, y.swim_share, &st.pct)?;
            num(ws, r, 11, y.child_friendly_share, &st.pct)?;
            ws.write_number_with_format(r, 12, y.contacts as f64, &st.int)?;
            ws.write_number_with_format(r, 13, y.contacts_supported as f64, &st.int)?;
        }
    }

    // 4. Assumptions with sources.
    {
        let ws = wb.add_worksheet();
        ws.set_name(names[3])?;
        let cols = [
            Common::Group.get(lang),
            Common::Assumption.get(lang),
            Common::Value.get(lang),
            Common::Unit.get(lang),
            Common::Source.get(lang),
            Common::Confidence.get(lang),
            Common::ChangedInScenario.get(lang),
            Doc::SourcedDefault.get(lang),
            Doc::Key.get(lang),
        ];
        headers(ws, 0, &cols, &st)?;
        for (c, w) in [28, 44, 26, 22, 60, 14, 12, 26, 34].iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (i, a) in model::assumptions(s).iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_string(r, 0, a.group(lang))?;
            ws.write_string(r, 1, a.label(lang))?;
            ws.write_string(r, 2, a.display(lang))?;
            ws.write_string(r, 3, a.unit_label(lang))?;
            ws.write_string_with_format(r, 4, data::source_text(a.source, lang), &st.wrap)?;
            ws.write_string(r, 5, a.confidence.label(lang))?;
            ws.write_string(
                r,
                6,
                if a.edited {
                    Doc::Yes.get(lang)
                } else {
                    Doc::No.get(lang)
                },
            )?;
            if let Some(d) = &a.default {
                ws.write_string(r, 7, model::assumptions::display_value(d, a.unit, lang))?;
            }
            ws.write_string(r, 8, a.key.as_str())?;
        }
    }
    wb.save_to_buffer()
}
