//! Link limits (issue 13, SOURCES.md §10.5): the longest scenario a planner can build in
//! the app — every line's assumptions, every constraint, every region figure, fifteen plan
//! years with a different budget per source, awkward amounts to the đồng, percentages typed
//! with two decimals, the longest name and the longest notes in Vietnamese — must give a
//! share link of at most 2 000 characters whose QR code scans at error correction M. The QR
//! code is drawn with `qrcodegen` as the app draws it and read back with jsQR (node).

use std::path::PathBuf;
use std::process::Command;

use kehoach_app::format::parse_number;
use model::codec::{self, MAX_SHARE_FRAGMENT, NOTES_CUT_MARK};
use model::scenario::{Constraint, LineOverride, MAX_NAME, MAX_NOTES, YearBudget};
use model::{Lang, Money, Scenario, Tri};
use qrcodegen::{QrCode, QrCodeEcc};

/// A typical address the app is served from.
const ORIGIN: &str = "https://kehoach.example.vn/";

/// 2 000 characters of a planner's notes, Vietnamese with diacritics.
const NOTES: &str = "Phương án này do tổ công tác liên ngành của tỉnh soạn thảo sau ba buổi họp với Sở Giáo dục và Đào tạo, Sở Y tế, Sở Văn hóa, Thể thao và Du lịch cùng đại diện Hội Liên hiệp Phụ nữ. Mục tiêu chính: giảm ít nhất 20% số trẻ em tử vong do đuối nước vào năm 2030 so với năm 2020, ưu tiên các xã vùng cao có nhiều ao, hồ, suối và sông.\n\
Về dạy bơi: đơn giá lấy theo báo giá thực tế của các trung tâm thể thao huyện Mường Chà và Tủa Chùa năm 2025, đã cộng chi phí thuê bể bơi di động, áo phao và bồi dưỡng hướng dẫn viên. Mức chi thấp nhất ứng với lớp đông học sinh ở thị trấn; mức cao nhất ứng với bản xa, phải đưa đón bằng xe máy. Tỷ lệ giảm nguy cơ lấy theo khoảng của tổ chức Y tế Thế giới, nhưng chúng tôi hạ cận trên vì trẻ ở đây ít có dịp luyện tập sau khóa học.\n\
Rào chắn ao, giếng: ước tính mỗi hộ cần khoảng hai ngày công và vật liệu địa phương (tre, lưới thép). Ủy ban nhân dân xã sẽ vận động đoàn thanh niên làm giúp các gia đình khó khăn; phần vận động xã hội hóa vì thế cao hơn mặc định.\n\
Nhóm trẻ cộng đồng: đề nghị thí điểm ở bốn xã trước, đánh giá sau mười hai tháng rồi mới nhân rộng. Người trông trẻ được tập huấn sơ cứu, hồi sức tim phổi và nhận phụ cấp hằng tháng từ ngân sách địa phương.\n\
Hỗ trợ trẻ em có hoàn cảnh đặc biệt được khóa ở mức hiện tại theo chỉ đạo của lãnh đạo tỉnh: không cắt giảm dù tối ưu hóa đề xuất chuyển tiền sang dạy bơi. Học bổng và khám bệnh miễn phí giữ nguyên; quà tặng dịp Tết Trung thu và ngày Quốc tế Thiếu nhi giảm nhẹ để dành kinh phí cho truyền thông trên loa phát thanh, Zalo và trong trường học.\n\
Số liệu dân số trẻ em lấy từ báo cáo của Cục Thống kê tháng 6/2025; số cuộc gọi đến Tổng đài 111 lấy theo thống kê của Bộ Lao động – Thương binh và Xã hội cũ (nay thuộc Bộ Y tế). Xu hướng tử vong khi không có kế hoạch được chỉnh theo số liệu năm năm gần nhất của tỉnh, giảm chậm hơn bình quân cả nước.\n\
Việc cần làm tiếp: xin ý kiến Sở Tài chính về nguồn vốn trung ương; thống nhất với huyện về lịch mở lớp bơi mùa hè; bổ sung chỉ tiêu theo dõi cho từng quý và";

/// A share typed in percent in the assumptions table ("45,83"), stored as the app does.
fn pct(typed: &str) -> f64 {
    parse_number(typed, Lang::Vi).expect("a number") / 100.0
}

/// A number typed in the assumptions table ("6,83").
fn num(typed: &str) -> f64 {
    parse_number(typed, Lang::Vi).expect("a number")
}

fn maximal() -> Scenario {
    let mut s = Scenario::default_for("ho-chi-minh");
    let name = "Kế hoạch phòng, chống đuối nước trẻ em TP. Hồ Chí Minh 2027–2041: ưu tiên dạy bơi, rào chắn ao hồ và hỗ trợ trẻ em có hoàn cảnh đặc biệt";
    s.name = name.chars().take(MAX_NAME).collect();
    s.notes = NOTES.into();
    s.start_year = 2027;
    s.end_year = 2041;
    s.budget = (0..15i64)
        .map(|i| YearBudget {
            central: Money(180_123_456_789 + i * 7_654_321),
            provincial: Money(150_987_654_321 - i * 1_234_567),
            mobilised: Money(20_111_222_333 + i * 98_765),
        })
        .collect();
    let percents = [
        ("23,17", "45,83", "87,39"),
        ("11,29", "38,61", "72,47"),
        ("19,73", "52,09", "91,13"),
        ("7,41", "24,87", "49,93"),
        ("3,17", "12,71", "31,39"),
        ("5,83", "17,27", "36,91"),
    ];
    s.allocation.clear();
    for (i, l) in model::data::lines().iter().enumerate() {
        let k = i as i64;
        let amount = 23_456_789_012 - k * 1_357_913_579;
        s.allocation.insert(l.id.to_string(), Money(amount));
        s.constraints.insert(
            l.id.to_string(),
            Constraint {
                locked: i % 2 == 0,
                floor: Some(Money(amount - 1_234_567_891 - k * 17)),
                ceiling: Some(Money(amount + 2_345_678_901 + k * 23)),
            },
        );
        let (lo, mo, hi) = percents[i % percents.len()];
        s.overrides.lines.insert(
            l.id.to_string(),
            LineOverride {
                unit_cost: Some(Tri {
                    low: Money(487_321 + k * 1_013),
                    mode: Money(612_987 + k * 2_029),
                    high: Money(799_999 + k * 3_037),
                }),
                rrr: l.drowning.map(|_| Tri {
                    low: pct(lo),
                    mode: pct(mo),
                    high: pct(hi),
                }),
                max_coverage: Some(pct(["83,27", "61,93", "47,19"][i % 3])),
                durability_years: Some(num(["5,7", "3,3", "12,9"][i % 3])),
            },
        );
    }
    let r = &mut s.overrides.region;
    r.children = Some(2_345_678);
    r.share_under5 = Some(pct("27,43"));
    r.drowning_rate = Some(Tri {
        low: num("6,83"),
        mode: num("7,41"),
        high: num("8,29"),
    });
    r.trend = Some(Tri {
        low: pct("-4,37"),
        mode: pct("-2,61"),
        high: pct("-1,13"),
    });
    r.swim_share = Some(pct("31,57"));
    r.special_circumstances = Some(58_431);
    r.communes = Some(168);
    r.child_friendly_share = Some(pct("63,29"));
    r.hotline_calls = Some(123_457);
    s.seed = 0xDEAD_BEEF_1234_5678;
    s
}

/// Worse than the app lets anyone type: a file written by hand with floats that are no
/// short decimal (1/3, 1/7…) everywhere.
fn hand_written_worst() -> Scenario {
    let mut s = maximal();
    for (i, o) in s.overrides.lines.values_mut().enumerate() {
        let x = 1.0 / (3.0 + i as f64);
        o.rrr = o.rrr.map(|_| Tri {
            low: x / 3.0,
            mode: x / 2.0,
            high: x,
        });
        o.max_coverage = Some(1.0 - x / 7.0);
        o.durability_years = Some(1.0 + x * 11.0);
    }
    s
}

fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("link-limits")
}

/// The QR code as a binary PGM, 4 pixels a module with a 4-module quiet zone.
fn pgm(qr: &QrCode) -> Vec<u8> {
    let scale = 4;
    let border = 4;
    let n = (qr.size() + 2 * border) * scale;
    let mut out = format!("P5\n{n} {n}\n255\n").into_bytes();
    for y in 0..n {
        for x in 0..n {
            let (mx, my) = (x / scale - border, y / scale - border);
            out.push(if qr.get_module(mx, my) { 0 } else { 255 });
        }
    }
    out
}

fn decode_qr_with_jsqr(image: &[u8], name: &str) -> String {
    let dir = target_dir();
    std::fs::create_dir_all(&dir).expect("target dir");
    let path = dir.join(format!("{name}.pgm"));
    std::fs::write(&path, image).expect("write image");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("node")
        .arg(root.join("tests/e2e/tools/qr-decode.mjs"))
        .arg(&path)
        .current_dir(root.join("tests/e2e"))
        .output()
        .expect("node runs (scripts/setup.sh test installs it and jsqr)");
    assert!(
        out.status.success(),
        "jsQR could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_longest_scenario_makes_a_short_link_whose_qr_scans_at_ecc_m() {
    let s = maximal();
    assert_eq!(s.validate(), Ok(()));
    assert_eq!(s.name.chars().count(), MAX_NAME);
    assert_eq!(s.notes.chars().count(), MAX_NOTES);
    assert_eq!(s.year_count(), 15);
    assert!(s.notes.chars().filter(|c| !c.is_ascii()).count() > 400);

    // Autosave, the XLSX worker and packs keep everything.
    let lossless = codec::encode(&s);
    assert_eq!(model::decode(&lossless), Ok(s.clone()));

    // The share link fits, with the notes cut to what fits.
    let link = codec::share_link(&s);
    let url = format!("{ORIGIN}{}", link.fragment);
    println!(
        "maximal scenario: lossless code {} characters; share fragment {} characters \
         (notes {} of {} characters); full URL {} characters",
        lossless.len(),
        link.fragment.len(),
        link.notes_sent,
        link.notes_total,
        url.len()
    );
    assert!(link.fits());
    assert!(
        link.fragment.len() <= MAX_SHARE_FRAGMENT,
        "{}",
        link.fragment.len()
    );
    assert!(
        link.notes_cut(),
        "2 000 characters of notes do not fit beside the figures"
    );
    assert!(
        link.notes_sent >= 400,
        "{} note characters",
        link.notes_sent
    );
    let opened = codec::open(&url).expect("the link opens");
    assert!(opened.notes_cut);
    let kept: String = s.notes.chars().take(link.notes_sent).collect();
    assert_eq!(opened.scenario.notes, format!("{kept}{NOTES_CUT_MARK}"));
    assert_eq!(
        Scenario {
            notes: s.notes.clone(),
            ..opened.scenario
        },
        s,
        "everything but the notes travels whole"
    );

    // Its QR code at error correction M (the app's own choice for it), read by jsQR.
    let app_qr = kehoach_app::qr::encode(&url).expect("fits a QR code");
    assert!(matches!(app_qr.ecc, 'M' | 'Q' | 'H'), "ECC {}", app_qr.ecc);
    let qr = QrCode::encode_text(&url, QrCodeEcc::Medium).expect("fits at M");
    assert_eq!(qr.size() as u32, app_qr.size);
    println!(
        "QR: version {}, {} modules, ECC {:?}",
        qr.version().value(),
        qr.size(),
        qr.error_correction_level()
    );
    assert_eq!(decode_qr_with_jsqr(&pgm(&qr), "maximal"), url);
}

#[test]
fn short_notes_travel_whole_and_figures_alone_always_fit() {
    let mut s = maximal();
    s.notes.clear();
    println!(
        "maximal without notes: {} characters",
        codec::fragment(&s).len()
    );
    s.notes = NOTES.chars().take(300).collect();
    let link = codec::share_link(&s);
    println!(
        "maximal with 300 characters of notes: {}",
        link.fragment.len()
    );
    assert!(link.fits() && !link.notes_cut());
    assert_eq!(model::decode(&link.fragment), Ok(s.clone()));

    let worst = hand_written_worst();
    assert_eq!(worst.validate(), Ok(()));
    let link = codec::share_link(&worst);
    println!(
        "hand-written worst case: share fragment {} characters, notes {} of {}",
        link.fragment.len(),
        link.notes_sent,
        link.notes_total
    );
    assert!(link.fits(), "{}", link.fragment.len());
    assert_eq!(model::decode(&codec::encode(&worst)), Ok(worst));
}
