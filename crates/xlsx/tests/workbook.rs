//! The workbook is a valid XLSX file (a zip with the parts Excel needs) holding the four
//! sheets, Vietnamese text, and the figures of the model; bad requests are refused with a
//! message, never a panic.

use std::io::{Cursor, Read};

use kehoach_xlsx::{Reply, handle_request, sheet_names, workbook};
use model::{Lang, Scenario};

fn parts(bytes: &[u8]) -> zip::ZipArchive<Cursor<&[u8]>> {
    zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file")
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut z = parts(bytes);
    let mut f = z.by_name(name).expect("part exists");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 xml");
    s
}

#[test]
fn a_workbook_has_the_parts_and_sheets_excel_needs() {
    let s = Scenario::default_for("dien-bien");
    let bytes = workbook(&s, Lang::Vi).expect("workbook");
    assert_eq!(&bytes[..2], b"PK");
    let names: Vec<String> = parts(&bytes)
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .collect();
    for p in [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet4.xml",
        "docProps/core.xml",
    ] {
        assert!(names.iter().any(|n| n == p), "missing {p}: {names:?}");
    }
    let wb = part(&bytes, "xl/workbook.xml");
    for name in sheet_names(Lang::Vi) {
        assert!(wb.contains(&format!("name=\"{name}\"")), "{name}");
    }
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("Kế hoạch Tỉnh Điện Biên 2027–2030") || strings.contains("Điện Biên"));
    assert!(strings.contains("Dạy bơi an toàn"));
    assert!(strings.contains("Ngân sách trung ương"));
    assert!(strings.contains("Nguồn"));
    // The projection sheet holds the model's numbers.
    let p = model::evaluate(&s).expect("valid");
    let sheet3 = part(&bytes, "xl/worksheets/sheet3.xml");
    assert!(sheet3.contains(&format!("<v>{}</v>", p.years[0].budget.0)));
    assert!(sheet3.contains("<v>2030</v>"));
}

#[test]
fn english_headers_in_english() {
    let bytes = workbook(&Scenario::default(), Lang::En).expect("workbook");
    let wb = part(&bytes, "xl/workbook.xml");
    assert!(wb.contains("name=\"Projection by year\""));
    assert!(part(&bytes, "xl/sharedStrings.xml").contains("Programme line"));
}

#[test]
fn markup_in_the_name_is_text_in_the_workbook() {
    let s = Scenario {
        name: "<script>alert(1)</script> & “x”".into(),
        ..Scenario::default()
    };
    let bytes = workbook(&s, Lang::Vi).expect("workbook");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “x”"));
}

fn text(r: Reply) -> Option<String> {
    match r {
        Reply::Text(t) => Some(t),
        Reply::Bytes(_) => None,
    }
}

#[test]
fn requests_are_read_and_bad_ones_answered_with_a_message() {
    let code = model::encode(&Scenario::default());
    let ok = handle_request(&format!("xlsx\nen\n{code}"));
    assert!(
        matches!(&ok, Reply::Bytes(b) if b.starts_with(b"PK")),
        "a workbook"
    );
    let json = text(handle_request(&format!("json\nvi\n{code}"))).expect("text");
    let json = json.strip_prefix("ok\n").expect("ok");
    assert_eq!(
        kehoach_xlsx::parse_import(json, Lang::Vi),
        Ok(Scenario::default())
    );
    for bad in [
        "",
        "xlsx",
        "xlsx\nvi\nAXja",
        "json\nvi\n",
        "what\nvi\nx",
        "\u{0}",
    ] {
        assert!(matches!(handle_request(bad), Reply::Text(_)), "{bad:?}");
    }
    let msg = text(handle_request("xlsx\nvi\nAXja")).expect("text");
    assert!(msg.contains("Liên kết"), "{msg}");
}
