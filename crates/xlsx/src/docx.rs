//! The plan document as a Word file (.docx), written with `docx-rs` in the file worker:
//! A4 portrait, margins 20/20/30/15 mm, Times New Roman 13 pt, body justified with the
//! first line indented; the header as a two-column table without borders (issuing body
//! and number on the left, national title, motto and date on the right), page numbers
//! from page 2 at the top centre, the signature block and "Nơi nhận" side by side, the
//! annex after a page break (Decree 30/2020/NĐ-CP; shared/OFFICE.md).

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header, LineSpacing, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, Run, RunFonts, Table, TableCell, TableRow,
    VAlignType, WidthType,
};

use crate::plan::{Block, ParaKind, PlanDoc, Span};

/// Twips per millimetre.
const MM: f64 = 56.692_913;
/// Text width of the page: A4 (210 mm) less 30 mm left and 15 mm right.
const TEXT_W: usize = ((210.0 - 30.0 - 15.0) * MM) as usize;
/// Body size, half-points (13 pt).
const BODY: usize = 26;
/// Tables, half-points (11 pt).
const SMALL: usize = 22;
/// Recipients' list, half-points (11 pt); their title 12 pt.
const REC: usize = 22;
const REC_TITLE: usize = 24;

fn font() -> RunFonts {
    RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman")
        .east_asia("Times New Roman")
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(font())
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn centred(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    let mut r = run(text, size);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
        .add_run(r)
}

/// A short rule under a centred heading: an empty paragraph with a bottom border, narrowed
/// by indents.
fn rule(indent: i32) -> Paragraph {
    let mut p = Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 60).line(60))
        .indent(Some(indent), None, Some(indent), None);
    p.property = p.property.set_border(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(6),
    );
    p
}

fn runs(spans: &[Span], size: usize) -> Vec<Run> {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => run(t, size),
            Span::Bold(t) => run(t, size).bold(),
            Span::Figure { text, .. } => run(text, size).bold(),
        })
        .collect()
}

fn paragraph(kind: ParaKind, spans: &[Span]) -> Paragraph {
    let mut p = match kind {
        ParaKind::Heading => Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(spacing(120, 60))
            .keep_next(true),
        ParaKind::Subheading => Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(spacing(60, 40))
            .indent(Some(567), None, None, None)
            .keep_next(true),
        ParaKind::Body => Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(spacing(0, 60))
            .indent(
                None,
                Some(docx_rs::SpecialIndentType::FirstLine(567)),
                None,
                None,
            ),
        ParaKind::Bullet => Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(spacing(0, 40))
            .indent(
                Some(567),
                Some(docx_rs::SpecialIndentType::Hanging(227)),
                None,
                None,
            ),
    };
    if kind == ParaKind::Bullet {
        p = p.add_run(run("- ", BODY));
    }
    for mut r in runs(spans, BODY) {
        if matches!(kind, ParaKind::Heading | ParaKind::Subheading) {
            r = r.bold();
        }
        p = p.add_run(r);
    }
    p
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

fn table(t: &crate::plan::Table) -> Vec<docx_rs::DocumentChild> {
    let mut out: Vec<docx_rs::DocumentChild> = Vec::new();
    let caption = Paragraph::new()
        .align(AlignmentType::Left)
        .line_spacing(spacing(200, 40))
        .keep_next(true)
        .add_run(run(&t.caption, BODY).bold());
    out.push(docx_rs::DocumentChild::Paragraph(Box::new(caption)));
    if !t.unit.is_empty() {
        let unit = Paragraph::new()
            .align(AlignmentType::Right)
            .line_spacing(spacing(0, 40))
            .keep_next(true)
            .add_run(run(&t.unit, SMALL).italic());
        out.push(docx_rs::DocumentChild::Paragraph(Box::new(unit)));
    }
    let sum: usize = t.widths.iter().map(|w| *w as usize).sum::<usize>().max(1);
    let widths: Vec<usize> = t
        .widths
        .iter()
        .map(|w| TEXT_W * *w as usize / sum)
        .collect();
    let align = |c: usize| {
        if t.numeric.get(c).copied().unwrap_or(false) {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        }
    };
    let mut rows = vec![TableRow::new(
        t.head
            .iter()
            .enumerate()
            .map(|(c, h)| {
                cell(
                    vec![
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .line_spacing(spacing(0, 0))
                            .add_run(run(h, SMALL).bold()),
                    ],
                    widths.get(c).copied().unwrap_or(1000),
                )
            })
            .collect(),
    )];
    let n = t.rows.len();
    for (i, r) in t.rows.iter().enumerate() {
        let total = t.total && i + 1 == n;
        rows.push(TableRow::new(
            r.iter()
                .enumerate()
                .map(|(c, spans)| {
                    let mut p = Paragraph::new().align(align(c)).line_spacing(spacing(0, 0));
                    for mut run in runs(spans, SMALL) {
                        if total {
                            run = run.bold();
                        }
                        p = p.add_run(run);
                    }
                    cell(vec![p], widths.get(c).copied().unwrap_or(1000))
                })
                .collect(),
        ));
    }
    out.push(docx_rs::DocumentChild::Table(Box::new(
        Table::new(rows).set_grid(widths.clone()),
    )));
    out
}

fn add_blocks(mut docx: Docx, blocks: &[Block]) -> Docx {
    for b in blocks {
        match b {
            Block::Para(p) => docx = docx.add_paragraph(paragraph(p.kind, &p.spans)),
            Block::Table(t) => {
                for child in table(t) {
                    docx = match child {
                        docx_rs::DocumentChild::Paragraph(p) => docx.add_paragraph(*p),
                        docx_rs::DocumentChild::Table(t) => docx.add_table(*t),
                        _ => docx,
                    };
                }
            }
        }
    }
    docx
}

/// The Word file of a plan document.
pub fn render(d: &PlanDoc) -> Result<Vec<u8>, String> {
    let left_w = TEXT_W * 40 / 100;
    let right_w = TEXT_W - left_w;
    // Header: issuing body | national title.
    let mut issuer = Vec::new();
    if !d.parent.is_empty() && !d.body.is_empty() {
        issuer.push(centred(&d.parent, 24, false, false));
    }
    let body = if d.body.is_empty() {
        &d.parent
    } else {
        &d.body
    };
    issuer.push(centred(body, 24, true, false));
    issuer.push(rule(900));
    issuer.push(centred(&d.number, BODY, false, false));
    let nation = vec![
        centred(&d.national, 24, true, false),
        centred(&d.motto, BODY, true, false),
        rule(1300),
        centred(&d.place_date, BODY, false, true),
    ];
    let head = Table::without_borders(vec![TableRow::new(vec![
        cell(issuer, left_w),
        cell(nation, right_w),
    ])])
    .set_grid(vec![left_w, right_w]);

    let page_numbers = Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().size(BODY).fonts(font()))
            .add_page_num(PageNum::new()),
    );
    let mut docx = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(PageMargin {
            top: (20.0 * MM) as i32,
            bottom: (20.0 * MM) as i32,
            left: (30.0 * MM) as i32,
            right: (15.0 * MM) as i32,
            header: (10.0 * MM) as i32,
            footer: (10.0 * MM) as i32,
            gutter: 0,
        })
        .default_fonts(font())
        .default_size(BODY)
        .header(page_numbers)
        .first_header(Header::new())
        .add_table(head)
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(spacing(360, 0))
                .add_run(run(&d.doc_type, 28).bold()),
        )
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(spacing(0, 0))
                .add_run(run(&d.subject, BODY).bold()),
        )
        .add_paragraph(rule(3400));
    docx = add_blocks(docx, &d.content);

    // Recipients | signature.
    let mut recipients = vec![
        Paragraph::new()
            .line_spacing(spacing(0, 0))
            .add_run(run(&d.recipients_title, REC_TITLE).bold().italic()),
    ];
    for r in &d.recipients {
        recipients.push(
            Paragraph::new()
                .line_spacing(spacing(0, 0))
                .add_run(run(r, REC)),
        );
    }
    let mut sign: Vec<Paragraph> = d
        .signature
        .iter()
        .map(|s| centred(s, BODY, true, false))
        .collect();
    for _ in 0..4 {
        sign.push(centred("", BODY, false, false));
    }
    sign.push(centred(&d.signer, BODY, true, false));
    let end = Table::without_borders(vec![TableRow::new(vec![
        cell(recipients, left_w + 400),
        cell(sign, right_w - 400),
    ])])
    .set_grid(vec![left_w + 400, right_w - 400]);
    docx = docx
        .add_paragraph(Paragraph::new().line_spacing(spacing(0, 0)))
        .add_table(end);

    // The annex on a new page.
    docx = docx
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(spacing(0, 0))
                .add_run(Run::new().add_break(BreakType::Page))
                .add_run(run(&d.annex_title, BODY).bold()),
        )
        .add_paragraph(centred(&d.annex_of, BODY, false, true));
    docx = add_blocks(docx, &d.annex);
    docx = docx.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(spacing(200, 0))
            .add_run(run(&d.annex_note, SMALL).italic()),
    );
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::Issuer;
    use model::{Lang, Scenario};
    use std::io::Read;

    /// The text of word/document.xml (tags dropped).
    fn document_text(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("the document part")
            .read_to_string(&mut xml)
            .expect("utf-8");
        let mut text = String::new();
        let mut tag = false;
        for c in xml.chars() {
            match c {
                '<' => tag = true,
                '>' => tag = false,
                _ if !tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    #[test]
    fn the_word_file_holds_the_document() {
        let s = Scenario::default_for("dien-bien");
        let p = model::evaluate(&s).expect("valid");
        let u = model::simulate(&s, 100).expect("valid");
        let d = PlanDoc::build(
            &s,
            &p,
            crate::plan::Odds::at_default_chance(Some(&u)),
            Lang::Vi,
            &Issuer::default_for("dien-bien", Lang::Vi),
            2026,
            "",
        );
        let bytes = render(&d).expect("written");
        assert_eq!(&bytes[..2], b"PK");
        let text = document_text(&bytes);
        for part in [
            "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "KẾ HOẠCH",
            "V. TỔ CHỨC THỰC HIỆN",
            "Nơi nhận:",
            "PHỤ LỤC",
        ] {
            assert!(text.contains(part), "missing {part}");
        }
        for (_, _, figure) in d.figures() {
            assert!(text.contains(&figure), "figure {figure}");
        }
    }
}
