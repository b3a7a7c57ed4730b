//! The room's exports (issue 16; `model::worker::Op::Room`): the body is the format
//! (`xlsx`, `json` or `csv`), a line break, then the room's saved text (`model::room::write`).
//! JSON and CSV are `model::room`'s; the workbook has two sheets — one row per plan with
//! its amounts, figures and code (then the starting plan, least, median, most, how many
//! changed each line and the room's plan), and one row per programme line.

use model::data;
use model::figures::Figure;
use model::room::{self, Room, Summary};
use model::words::Common;
use model::words::room::RoomWords;
use model::{Lang, Scenario, worker};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::Reply;

/// Answers a room export request.
pub fn reply(body: &str, lang: Lang) -> Reply {
    let (format, text) = body.split_once('\n').unwrap_or((body, ""));
    let room = match room::read(text) {
        Ok((room, _)) => room,
        Err(e) => {
            let why = match e {
                room::Unreadable::Start(e) => e.message(lang),
                _ => RoomWords::SavedRoomUnreadable.get(lang).to_string(),
            };
            return Reply::Text(worker::problems(&[worker::ImportProblem::file(why)]));
        }
    };
    let summary = room::summarise(&room);
    match format.trim() {
        "json" => Reply::Text(worker::ok(&room::to_json(&room, &summary))),
        "csv" => Reply::Text(worker::ok(&room::to_csv(&room, &summary, lang))),
        _ => match workbook(&room, &summary, lang) {
            Ok(bytes) => Reply::Bytes(bytes),
            Err(e) => Reply::Text(worker::problems(&[worker::ImportProblem::file(
                e.to_string(),
            )])),
        },
    }
}

struct Styles {
    money: Format,
    dec2: Format,
}

/// One statistic of a line's spread, as a spreadsheet number.
type Stat = fn(&room::LineSpread) -> f64;

/// One plan's row: name, amounts, figures and (for a participant's plan) its code.
fn plan_row(
    ws: &mut Worksheet,
    st: &Styles,
    r: u32,
    name: &str,
    s: &Scenario,
    f: Option<room::Figures>,
    code: bool,
) -> Result<(), XlsxError> {
    let lines = data::lines();
    let n = lines.len() as u16;
    ws.write_string(r, 0, name)?;
    for (c, l) in lines.iter().enumerate() {
        ws.write_number_with_format(r, 1 + c as u16, s.alloc(l.id).0 as f64, &st.money)?;
    }
    if let Some(f) = f {
        ws.write_number_with_format(r, n + 1, f.deaths_averted, &st.dec2)?;
        ws.write_number_with_format(r, n + 2, f.children_supported, &st.money)?;
        ws.write_string(r, n + 3, format!("{}/{}", f.targets_met, f.targets))?;
    }
    if code {
        ws.write_string(r, n + 4, model::encode(s))?;
    }
    Ok(())
}

/// The room's workbook.
pub fn workbook(room: &Room, summary: &Summary, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xE3EEF9)
        .set_border_bottom(FormatBorder::Thin);
    let bold = Format::new().set_bold();
    let st = Styles {
        money: Format::new().set_num_format("#,##0"),
        dec2: Format::new().set_num_format("#,##0.00"),
    };
    let lines = data::lines();
    let mut wb = Workbook::new();

    // 1. One row per plan.
    {
        let ws = wb.add_worksheet();
        ws.set_name(RoomWords::SheetRoom.get(lang))?;
        let mut cols: Vec<String> = vec![RoomWords::ColParticipant.get(lang).to_string()];
        cols.extend(
            lines
                .iter()
                .map(|l| Common::InDong.fill(lang, &[l.short_name(lang)])),
        );
        cols.push(Figure::DeathsAverted.label(lang).to_string());
        cols.push(Figure::ChildrenSupported.label(lang).to_string());
        cols.push(RoomWords::ColTargetsMet.get(lang).to_string());
        cols.push(RoomWords::ColCode.get(lang).to_string());
        for (c, h) in cols.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h.as_str(), &head)?;
        }
        ws.set_column_width(0, 30)?;
        for c in 1..cols.len() as u16 {
            ws.set_column_width(c, 16)?;
        }
        ws.set_freeze_panes(1, 1)?;
        let mut figures = vec![None; room.plans().len()];
        for r in &summary.ranked {
            if let Some(slot) = figures.get_mut(r.index) {
                *slot = Some(r.figures);
            }
        }
        let mut r = 1u32;
        for (p, f) in room.plans().iter().zip(figures) {
            plan_row(ws, &st, r, &p.name, p, f, true)?;
            r += 1;
        }
        r += 1;
        let start = RoomWords::RowStart.get(lang);
        plan_row(
            ws,
            &st,
            r,
            start,
            room.start(),
            summary.start_figures,
            false,
        )?;
        r += 1;
        let stats: [(&str, Stat); 4] = [
            (RoomWords::RowMin.get(lang), |l| l.min.0 as f64),
            (RoomWords::RowMedian.get(lang), |l| l.median.0 as f64),
            (RoomWords::RowMax.get(lang), |l| l.max.0 as f64),
            (RoomWords::RowMoved.get(lang), |l| f64::from(l.moved)),
        ];
        for (label, f) in stats {
            ws.write_string_with_format(r, 0, label, &bold)?;
            for (c, l) in summary.lines.iter().enumerate() {
                ws.write_number_with_format(r, 1 + c as u16, f(l), &st.money)?;
            }
            r += 1;
        }
        if let Some(s) = &summary.room_plan {
            let name = RoomWords::RowRoom.get(lang);
            plan_row(ws, &st, r, name, s, summary.room_figures, false)?;
        }
    }

    // 2. One row per line.
    {
        let ws = wb.add_worksheet();
        ws.set_name(RoomWords::SheetLines.get(lang))?;
        let cols = [
            Common::ProgrammeLine.get(lang),
            RoomWords::RowStart.get(lang),
            RoomWords::RowMin.get(lang),
            RoomWords::RowMedian.get(lang),
            RoomWords::RowMax.get(lang),
            RoomWords::RowMoved.get(lang),
            RoomWords::RowRoom.get(lang),
        ];
        for (c, h) in cols.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head)?;
        }
        ws.set_column_width(0, 44)?;
        for c in 1..cols.len() as u16 {
            ws.set_column_width(c, 18)?;
        }
        for (i, l) in summary.lines.iter().enumerate() {
            let r = 1 + i as u32;
            let name = data::line(l.id).map_or(l.id, |d| d.name(lang));
            ws.write_string(r, 0, name)?;
            for (c, m) in [l.start, l.min, l.median, l.max].iter().enumerate() {
                ws.write_number_with_format(r, 1 + c as u16, m.0 as f64, &st.money)?;
            }
            ws.write_number(r, 5, f64::from(l.moved))?;
            ws.write_number_with_format(r, 6, l.room.0 as f64, &st.money)?;
        }
        let r = 2 + summary.lines.len() as u32;
        ws.write_string(r, 0, summary.disagreement(lang))?;
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_answers_and_a_bad_room_is_a_problem() {
        let mut room = Room::new(Scenario::default());
        let mut p = Scenario {
            name: "Bàn 1".into(),
            ..Default::default()
        };
        p.allocation.insert("gifts".into(), model::Money(0));
        room.offer(p);
        let text = room::write(&room);
        for (f, lang) in [("json", Lang::Vi), ("csv", Lang::En)] {
            let answer = reply(&format!("{f}\n{text}"), lang);
            let Reply::Text(t) = answer else {
                unreachable!("{f} is text")
            };
            let body = worker::read_reply(&t).expect("ok");
            assert!(body.contains("Bàn 1"), "{f}");
        }
        let xlsx = reply(&format!("xlsx\n{text}"), Lang::Vi);
        assert!(
            matches!(&xlsx, Reply::Bytes(b) if b.starts_with(b"PK")),
            "{xlsx:?}"
        );
        let bad = reply("xlsx\nnot a room", Lang::Vi);
        assert!(
            matches!(&bad, Reply::Text(t) if worker::read_reply(t).is_err()),
            "{bad:?}"
        );
    }
}
