//! The workbook is a valid XLSX file (a zip with the parts Excel needs) holding the four
//! sheets, Vietnamese text, and the figures of the model; bad requests are refused with a
//! message, never a panic.

use std::io::{Cursor, Read};

use kehoach_xlsx::{Reply, handle_request, sheet_names, workbook};
use model::goal::DEFAULT_CHANCE;
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
    let bytes = workbook(&s, Lang::Vi, DEFAULT_CHANCE).expect("workbook");
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
    let bytes = workbook(&Scenario::default(), Lang::En, DEFAULT_CHANCE).expect("workbook");
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
    let bytes = workbook(&s, Lang::Vi, DEFAULT_CHANCE).expect("workbook");
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

/// The cells of a sheet (`"B12"` → its text; shared strings looked up), read from the
/// file's XML.
fn cells(bytes: &[u8], sheet: &str) -> std::collections::HashMap<String, String> {
    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }
    fn inner<'a>(s: &'a str, tag: &str) -> Option<&'a str> {
        let open = s.find(&format!("<{tag}"))?;
        let rest = &s[open..];
        let start = rest.find('>')? + 1;
        let end = rest.find(&format!("</{tag}>"))?;
        rest.get(start..end)
    }
    let strings: Vec<String> = part(bytes, "xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| unescape(inner(si, "t").unwrap_or_default()))
        .collect();
    let xml = part(bytes, sheet);
    let mut out = std::collections::HashMap::new();
    for c in xml.split("<c r=\"").skip(1) {
        let Some((reference, rest)) = c.split_once('"') else {
            continue;
        };
        let head = &rest[..rest.find('>').unwrap_or(0)];
        let Some(v) = inner(rest, "v") else { continue };
        let text = if head.contains("t=\"s\"") {
            v.parse::<usize>()
                .ok()
                .and_then(|i| strings.get(i).cloned())
                .unwrap_or_default()
        } else {
            unescape(v)
        };
        out.insert(reference.to_string(), text);
    }
    out
}

#[test]
fn the_workbook_writes_the_verdict_the_app_shows() {
    // Điện Biên's default plan meets the drowning target at central values with a chance
    // below 80 %: the app says "Chưa chắc", so must the workbook (issue 14).
    let s = Scenario::default_for("dien-bien");
    let p = model::evaluate(&s).expect("valid");
    let u = model::simulate(&s, kehoach_xlsx::DRAWS).expect("valid");
    let mut uncertain = 0;
    for (chance, lang) in [
        (DEFAULT_CHANCE, Lang::Vi),
        (0.5, Lang::Vi),
        (0.95, Lang::En),
    ] {
        let bytes = workbook(&s, lang, chance).expect("workbook");
        let cells = cells(&bytes, "xl/worksheets/sheet1.xml");
        for t in model::TARGETS {
            let label = format!("{} ({})", t.label(lang), t.year);
            let row = cells
                .iter()
                .find(|(k, v)| k.starts_with('A') && **v == label)
                .map(|(k, _)| k[1..].to_string())
                .unwrap_or_default();
            assert!(!row.is_empty(), "{label} is in the summary");
            let o = p.target(t.id).expect("a target");
            let c = u.target(t.id).filter(|c| c.assessable);
            let want =
                model::Verdict::settled(o.assessable, o.met, c.map(|c| c.probability), chance);
            let got = &cells[&format!("B{row}")];
            if o.assessable {
                assert_eq!(got, want.word(lang), "{} at {chance}", t.id);
                let read: f64 = cells[&format!("E{row}")].parse().expect("a chance");
                assert!((read - c.expect("a chance").probability).abs() < 1e-9);
                if want == model::Verdict::Uncertain {
                    uncertain += 1;
                    assert!(o.met, "central value met");
                    assert_ne!(got, model::words::Common::Met.get(lang));
                }
            } else {
                assert_eq!(got, model::words::Common::OutsidePlanYears.get(lang));
            }
        }
        let rule = model::words::Doc::VerdictRule.fill(lang, &[&model::fmt::pct(chance, lang)]);
        assert!(cells.values().any(|v| *v == rule), "the rule is written");
    }
    let d = p.target("drowning-2030").expect("target");
    let dc = u.target("drowning-2030").expect("chance").probability;
    assert!(d.met && (0.5..DEFAULT_CHANCE).contains(&dc), "{dc}");
    assert!(
        uncertain > 0,
        "a central-value met target is not “Đạt” below 80 %"
    );
}

#[test]
fn the_chance_asked_for_travels_with_the_request() {
    let s = Scenario::default_for("dien-bien");
    let code = model::encode(&s);
    for (chance, word) in [(0.5, "Đạt"), (0.95, "Chưa chắc")] {
        let body = model::worker::xlsx_body(&code, chance);
        let Reply::Bytes(bytes) = handle_request(&format!("xlsx\nvi\n{body}")) else {
            unreachable!("a workbook");
        };
        let cells = cells(&bytes, "xl/worksheets/sheet1.xml");
        let label = format!(
            "{} (2030)",
            model::data::target("drowning-2030")
                .expect("t")
                .label(Lang::Vi)
        );
        let row = cells
            .iter()
            .find(|(k, v)| k.starts_with('A') && **v == label)
            .map(|(k, _)| k[1..].to_string())
            .expect("the drowning target's row");
        assert_eq!(cells[&format!("B{row}")], word, "at {chance}");
    }
}
