//! The Word file of the plan, opened by a real reader: python-docx (`pip install
//! python-docx`) reads every paragraph and table cell of the file the worker writes for the
//! Điện Biên example, and the test finds the header, the sections, the signature block,
//! "Nơi nhận", the figures of the model and each line's unit cost said once with its line —
//! and none of the internal references of the data ("§", "seed", "SOURCES.md").

use std::process::Command;

use kehoach_xlsx::office::{self, DocOp, DocRequest, Issuer};
use kehoach_xlsx::{Reply, handle_request};
use model::{Lang, Scenario};

/// Every paragraph, then every table cell's paragraphs (tables nested in order), one a line,
/// as python-docx reads them.
const READ: &str = r#"
import sys, docx
d = docx.Document(sys.argv[1])
out = []
def cells(t):
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                out.append(p.text)
            for inner in c.tables:
                cells(inner)
for p in d.paragraphs:
    out.append(p.text)
for t in d.tables:
    cells(t)
s = d.sections[0]
out.append("PAGE %d %d" % (round(s.page_width.mm), round(s.page_height.mm)))
sys.stdout.write("\n".join(out))
"#;

fn word_file(lang: Lang) -> (Vec<u8>, kehoach_xlsx::plan::PlanDoc) {
    let s = Scenario::default_for("dien-bien");
    let issuer = Issuer {
        name: "Nguyễn Văn A".into(),
        date: Some((2027, 1, 5)),
        ..Issuer::default_for("dien-bien", lang)
    };
    let req = DocRequest {
        code: model::encode(&s),
        link: String::new(),
        issuer: issuer.clone(),
        year: 2026,
        chance: model::goal::DEFAULT_CHANCE,
    };
    let reply = handle_request(&office::request(DocOp::Docx, lang, &req));
    let Reply::Bytes(bytes) = reply else {
        unreachable!("no Word file: {reply:?}");
    };
    let doc = kehoach_xlsx::document(
        &s,
        lang,
        &issuer.cleaned(),
        2026,
        "",
        model::goal::DEFAULT_CHANCE,
    )
    .expect("document");
    (bytes, doc)
}

fn read_with_python_docx(bytes: &[u8], tag: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kehoach-docx-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("ke-hoach.docx");
    std::fs::write(&path, bytes).expect("written");
    let out = Command::new("python3")
        .arg("-c")
        .arg(READ)
        .arg(&path)
        .output()
        .expect("python3 runs (the test needs python3 with python-docx: pip install python-docx)");
    assert!(
        out.status.success(),
        "python-docx could not read the file (pip install python-docx): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn python_docx_reads_the_state_document_of_dien_bien() {
    let (bytes, doc) = word_file(Lang::Vi);
    let text = read_with_python_docx(&bytes, "vi");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for part in [
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
        "SỞ Y TẾ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CHỈ TIÊU",
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn A",
        "Nơi nhận:",
        "PHỤ LỤC",
    ] {
        assert!(lines.contains(&part), "no line “{part}” in:\n{text}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Số:") && l.ends_with("/KH-SYT"))
    );
    assert!(
        lines.contains(&"Điện Biên, ngày 05 tháng 01 năm 2027"),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Thực hiện công tác trẻ em"))
    );
    assert!(
        lines.contains(&"- Lưu: VT."),
        "recipients end with the archive: {text}"
    );
    assert!(lines.contains(&"PAGE 210 297"), "A4 portrait");
    // The figures are the model's, as the catalogue writes them.
    let figures = doc.figures();
    assert!(figures.len() >= 5, "{figures:?}");
    for (key, _, written) in &figures {
        assert!(
            text.contains(written.as_str()),
            "figure {key} = {written} missing"
        );
    }
    let p = model::evaluate(&Scenario::default_for("dien-bien")).expect("valid");
    let deaths = model::figures::Figure::DeathsAverted;
    let averted = deaths.format(deaths.value(&p), Lang::Vi);
    assert!(text.contains(&averted), "deaths averted {averted}");
    // Each funded line's unit cost is said once, with its line's name.
    let s = Scenario::default_for("dien-bien");
    for line in model::data::lines() {
        if s.alloc(line.id) == model::Money::ZERO {
            continue;
        }
        let said = text
            .matches(&format!("Đơn giá của “{}”", line.short_name(Lang::Vi)))
            .count();
        assert_eq!(said, 1, "unit cost of {} said {said} times", line.id);
    }
    for internal in ["§", "seed 0", "SOURCES.md", "CHILD-WORK"] {
        assert!(
            !text.contains(internal),
            "internal reference “{internal}” in the file"
        );
    }
}

#[test]
fn the_english_word_file_is_in_english() {
    let (bytes, _) = word_file(Lang::En);
    let text = read_with_python_docx(&bytes, "en");
    for part in [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "PLAN",
        "V. IMPLEMENTATION",
        "Recipients:",
    ] {
        assert!(text.lines().any(|l| l.trim() == part), "no line {part}");
    }
    for vi in ["Nơi nhận", "KẾ HOẠCH", "Chỉ tiêu", "mỗi năm", "Đơn giá"] {
        assert!(!text.contains(vi), "Vietnamese “{vi}” in the English file");
    }
}
