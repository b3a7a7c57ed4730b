//! The share-link codec: exact round trips, a size budget, golden v1 and v2 links that
//! must keep decoding forever, and hostile input that must never panic.

use std::collections::BTreeMap;
use std::path::PathBuf;

use model::codec::{self, LinkError, MAX_LINK_TEXT};
use model::scenario::{Constraint, LineOverride, RegionOverride, YearBudget};
use model::{LINES, Lang, Money, REGIONS, Scenario, Tri, decode, encode};
use proptest::prelude::*;

const TY: i64 = 1_000_000_000;

/// The default plan after a planner has touched everything a workshop touches: every
/// line's allocation, a lock with floor and ceiling, a line's assumptions and the region's.
fn fully_edited() -> Scenario {
    let mut s = Scenario::default();
    let amounts = [
        117_350_000_000,
        22_500_000_000,
        24_000_000_000,
        9_750_000_000,
        12_300_000_000,
        16_000_000_000,
        63_450_000_000,
        28_000_000_000,
        19_250_000_000,
        8_800_000_000,
        14_600_000_000,
        11_000_000_000,
    ];
    for (l, a) in LINES.iter().zip(amounts) {
        s.allocation.insert(l.id.to_string(), Money(a));
    }
    s.constraints.insert(
        "special_support".into(),
        Constraint {
            locked: true,
            floor: Some(Money(50 * TY)),
            ceiling: Some(Money(80 * TY)),
        },
    );
    s.overrides.lines.insert(
        "swim".into(),
        LineOverride {
            unit_cost: Some(Tri {
                low: Money(500_000),
                mode: Money(650_000),
                high: Money(800_000),
            }),
            rrr: Some(Tri {
                low: 0.2,
                mode: 0.45,
                high: 0.9,
            }),
            max_coverage: Some(0.85),
            durability_years: Some(5.5),
        },
    );
    s.overrides.region.drowning_rate = Some(model::Tri::point(7.1));
    s.overrides.region.swim_share = Some(0.25);
    s.name = "Kế hoạch toàn quốc 2027–2030 (phương án B, đã chỉnh sửa)".into();
    s
}

/// Worse than any slider: every amount to the đồng, every line overridden.
fn pathological() -> Scenario {
    let mut s = fully_edited();
    for (i, l) in LINES.iter().enumerate() {
        s.allocation
            .insert(l.id.to_string(), Money(9_876_543_211 + 7_919 * i as i64));
        s.overrides.lines.insert(
            l.id.to_string(),
            LineOverride {
                unit_cost: Some(Tri {
                    low: Money(123_457 + i as i64),
                    mode: Money(234_568),
                    high: Money(345_679),
                }),
                rrr: l.drowning.map(|_| Tri {
                    low: 0.1 / 3.0,
                    mode: 0.2 / 3.0,
                    high: 0.7,
                }),
                max_coverage: Some(0.87),
                durability_years: Some(3.0),
            },
        );
    }
    s.constraints.clear();
    for b in &mut s.budget {
        b.central = Money(180_123_456_789);
    }
    s
}

#[test]
fn the_fully_edited_default_fits_the_size_budget() {
    let s = fully_edited();
    assert_eq!(s.validate(), Ok(()));
    let code = encode(&s);
    println!("fully edited default: {} characters", code.len());
    assert!(code.len() <= 600, "{} characters", code.len());
    assert_eq!(decode(&code), Ok(s));
    let plain = encode(&Scenario::default());
    println!("default: {} characters", plain.len());
    let worst = pathological();
    assert_eq!(worst.validate(), Ok(()));
    let worst_code = encode(&worst);
    println!(
        "every line overridden, amounts to the đồng: {} characters",
        worst_code.len()
    );
    assert!(worst_code.len() <= 600, "{}", worst_code.len());
    assert_eq!(decode(&worst_code), Ok(worst));
}

#[test]
fn every_region_default_round_trips_and_is_short() {
    for r in REGIONS {
        let s = Scenario::default_for(r.id);
        let code = encode(&s);
        assert!(code.len() <= 250, "{}: {}", r.id, code.len());
        assert_eq!(decode(&code), Ok(s), "{}", r.id);
    }
}

#[test]
fn accepts_the_forms_people_paste() {
    let s = fully_edited();
    let code = encode(&s);
    let spaced: String = code
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let sep = if i % 40 == 39 { Some('\n') } else { None };
            std::iter::once(c).chain(sep)
        })
        .collect();
    for text in [
        code.clone(),
        format!("#s={code}"),
        format!("s={code}"),
        format!("https://kehoach.example/app/#s={code}"),
        format!("https://kehoach.example/?lang=en#s={code}&view=table"),
        format!("  {code}  \n"),
        format!("#s={spaced}"),
        format!("{code}=="),
    ] {
        assert_eq!(decode(&text).as_ref(), Ok(&s), "{text}");
    }
}

#[test]
fn markup_in_the_name_round_trips_as_plain_text() {
    let s = Scenario {
        name: "<script>alert('x')</script> & \"Điện Biên\" <b>".into(),
        notes: "<img src=x onerror=alert(1)>\n— ghi chú".into(),
        ..Scenario::default()
    };
    let back = decode(&encode(&s)).expect("round trips");
    assert_eq!(back.name, s.name);
    assert_eq!(back.notes, s.notes);
    // And the code itself is inert in HTML and URLs.
    assert!(
        encode(&s)
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    );
}

fn check(text: &str) {
    match decode(text) {
        Ok(s) => assert_eq!(s.validate(), Ok(()), "decode returned an invalid scenario"),
        Err(e) => {
            assert!(!e.message(Lang::Vi).is_empty());
            assert!(!e.message(Lang::En).is_empty());
        }
    }
}

fn b64(bytes: &[u8]) -> String {
    // A test-side encoder, independent of the codec's.
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = String::new();
    for &b in bytes {
        bits = (bits << 8) | u32::from(b);
        n += 8;
        while n >= 6 {
            n -= 6;
            out.push(char::from(A[((bits >> n) & 63) as usize]));
        }
    }
    if n > 0 {
        out.push(char::from(A[((bits << (6 - n)) & 63) as usize]));
    }
    out
}

fn unb64(code: &str) -> Vec<u8> {
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in code.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            _ => 63,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

#[test]
fn broken_links_give_errors_not_panics() {
    let s = fully_edited();
    let code = encode(&s);
    let bytes = unb64(&code);
    assert_eq!(b64(&bytes), code, "test helpers agree with the codec");
    let mut cases = 0u32;

    // Truncated at every position.
    for i in 0..code.len() {
        let r = decode(&code[..i]);
        assert!(r.is_err(), "a link cut at {i} must not open");
        check(&code[..i]);
        cases += 1;
    }
    // Every single bit flipped: the checksum catches what the decoder does not.
    let mut opened = 0;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            let text = b64(&b);
            check(&text);
            // Flips in the deflate stream's padding bits are ignored by design; any
            // other flip that still opened would show a different plan.
            if decode(&text).is_ok_and(|d| d != s) {
                opened += 1;
            }
            cases += 1;
        }
    }
    assert_eq!(
        opened, 0,
        "{opened} bit-flipped links opened a different plan"
    );
    // Every character replaced.
    for i in 0..code.len() {
        let mut t = code.clone().into_bytes();
        t[i] = if t[i] == b'A' { b'B' } else { b'A' };
        check(&String::from_utf8(t).expect("ascii"));
        cases += 1;
    }
    // Wrong version bytes: 0 is never written, 1 is another body, 3 and up are future.
    for v in [0u8, 1, 3, 127, 255] {
        let mut b = bytes.clone();
        b[0] = v;
        let r = decode(&b64(&b));
        match v {
            0 | 1 => assert!(
                matches!(r, Err(LinkError::Corrupt | LinkError::Truncated)),
                "{v}: {r:?}"
            ),
            _ => assert_eq!(
                r,
                Err(LinkError::FutureVersion {
                    found: v,
                    supported: codec::LINK_VERSION
                })
            ),
        }
        cases += 1;
    }
    // Hand-made nonsense.
    let long = "A".repeat(MAX_LINK_TEXT + 1);
    let hand: Vec<String> = vec![
        String::new(),
        "   \n\t ".into(),
        "#".into(),
        "#s=".into(),
        "s=".into(),
        "https://kehoach.example/#s=".into(),
        "https://kehoach.example/#s=&x=1".into(),
        "A".into(),
        "AQ".into(),
        "AQA".into(),
        "AQAB".into(),
        "Ag".into(),
        "<script>alert(1)</script>".into(),
        "#s=<script>".into(),
        "%3Cscript%3E".into(),
        "Zm9vYmFy".into(),
        "++//".into(),
        "AQ==".into(),
        "=====".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "Đường dẫn".into(),
        "😀😀😀😀".into(),
        long.clone(),
        format!("#s={}", &code[..code.len() / 2]),
        format!("{code}{code}"),
        format!("{code}A"),
        format!("{code}AB"),
        code.replace('A', "-"),
        code.to_uppercase(),
        code.to_lowercase(),
        code.chars().rev().collect(),
        format!("AQ{}", &code[2..]),
        format!("Ag{}", &code[2..]),
    ];
    for t in &hand {
        check(t);
        cases += 1;
    }
    assert_eq!(decode(""), Err(LinkError::Empty));
    assert_eq!(decode(" #s= "), Err(LinkError::Empty));
    assert_eq!(decode("A"), Err(LinkError::Truncated));
    assert!(matches!(decode(&long), Err(LinkError::TooLong { .. })));
    assert_eq!(
        decode("<script>"),
        Err(LinkError::BadCharacters {
            found: '<',
            position: 1
        })
    );
    assert_eq!(
        decode("#s=AQ!x"),
        Err(LinkError::BadCharacters {
            found: '!',
            position: 3
        })
    );
    assert!(cases >= 50, "{cases}");
    println!("{cases} broken links checked");
}

#[test]
fn a_compression_bomb_is_refused() {
    // 1 MB of zeros deflates to about 1 KB: well under the text cap, far over the body cap.
    let zeros = vec![0u8; 1 << 20];
    for version in [1u8, 2] {
        let mut bytes = vec![version];
        bytes.extend(miniz_oxide_zlib(&zeros));
        let text = b64(&bytes);
        assert!(text.len() < MAX_LINK_TEXT, "{}", text.len());
        assert_eq!(decode(&text), Err(LinkError::TooLarge));
    }
}

fn miniz_oxide_zlib(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 10)
}

#[test]
fn a_valid_body_with_an_invalid_scenario_is_invalid() {
    let mut s = Scenario::default();
    s.allocation.insert("swim".into(), Money(-1));
    let r = decode(&encode(&s));
    assert!(matches!(r, Err(LinkError::Invalid(_))), "{r:?}");
    let msg = r.err().map(|e| e.message(Lang::Vi)).unwrap_or_default();
    assert!(msg.contains("không được âm"), "{msg}");

    let future = Scenario {
        version: 9,
        ..Scenario::default()
    };
    assert!(matches!(
        decode(&encode(&future)),
        Err(LinkError::Invalid(
            model::ScenarioError::UnsupportedVersion { found: 9, .. }
        ))
    ));
    let far = Scenario {
        start_year: i32::MIN,
        end_year: i32::MAX,
        ..Scenario::default()
    };
    assert!(matches!(decode(&encode(&far)), Err(LinkError::Invalid(_))));
}

#[test]
fn every_error_speaks_both_languages() {
    let errors = [
        LinkError::Empty,
        LinkError::TooLong {
            len: 9000,
            max: 8192,
        },
        LinkError::BadCharacters {
            found: '<',
            position: 4,
        },
        LinkError::BadCharacters {
            found: '\u{7}',
            position: 1,
        },
        LinkError::Truncated,
        LinkError::Corrupt,
        LinkError::TooLarge,
        LinkError::FutureVersion {
            found: 3,
            supported: 2,
        },
        LinkError::Invalid(model::ScenarioError::UnknownRegion("XX".into())),
    ];
    for e in errors {
        let vi = e.message(Lang::Vi);
        let en = e.message(Lang::En);
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{e:?}");
    }
    assert_eq!(
        LinkError::TooLong {
            len: 9000,
            max: 8192
        }
        .message(Lang::Vi),
        "Liên kết quá dài (9.000 byte, tối đa 8.192): đây không phải liên kết do ứng dụng tạo ra."
    );
}

// ---------------------------------------------------------------------------------------
// Golden v1 links: tests/fixtures/link-v1-<name>.txt holds a code, link-v1-<name>.json the
// scenario it must decode to. Never edit or delete them: people have these links.

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn golden_v1_links_decode_forever() {
    let mut seen = 0;
    let dir = std::fs::read_dir(fixtures()).expect("fixtures directory");
    let mut names: Vec<PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("link-v1-") && n.ends_with(".txt"))
        })
        .collect();
    names.sort();
    for txt in names {
        let code = std::fs::read_to_string(&txt).expect("read link");
        let json_path = txt.with_extension("json");
        let json = std::fs::read_to_string(&json_path).expect("the expected scenario beside it");
        let mut expected: Scenario = serde_json::from_str(&json).expect("expected scenario parses");
        // The fixtures hold what the sender had (schema 1); a v1 link reads as the current
        // schema, the only migration being a single trend or base rate read as a point.
        expected.version = model::SCHEMA_VERSION;
        let got = decode(&code).unwrap_or_else(|e| {
            let _ = &e;
            Scenario {
                name: format!("DECODE FAILED: {e:?}"),
                ..Scenario::default()
            }
        });
        assert_eq!(got, expected, "{}", txt.display());
        // And what decodes re-encodes to a link that decodes to the same scenario.
        assert_eq!(decode(&encode(&got)).as_ref(), Ok(&expected));
        seen += 1;
    }
    assert!(seen >= 5, "only {seen} golden links");
    // The fully edited fixture is this file's own `fully_edited()`, frozen.
    let code = std::fs::read_to_string(fixtures().join("link-v1-fully-edited.txt"))
        .expect("fully edited fixture");
    assert_eq!(decode(&code), Ok(fully_edited()));
}

// ---------------------------------------------------------------------------------------
// Golden v2 links: tests/fixtures/link-v2-<name>.txt holds a code, link-v2-<name>.json the
// scenario it must decode to. Written once by `write_missing_v2_fixtures`, then never
// edited or deleted. This build must also write the very same codes (but for the link
// with cut notes, whose full notes are not in the fixture).

fn example(name: &str) -> Scenario {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(path).expect("example file");
    Scenario::migrated(serde_json::from_str(&text).expect("example parses"))
}

/// What v2 carries that v1 could not: the base rate and the trend as ranges.
fn fully_edited_with_ranges() -> Scenario {
    let mut s = fully_edited();
    s.overrides.region.drowning_rate = Some(Tri {
        low: 6.8,
        mode: 7.1,
        high: 8.35,
    });
    s.overrides.region.trend = Some(Tri {
        low: -0.045,
        mode: -2.57 / 100.0,
        high: -0.011,
    });
    s
}

/// Text that needs escapes, floats that travel raw or as percentages.
fn odd_text_and_values() -> Scenario {
    let mut s = Scenario::default_for("ho-chi-minh");
    s.name = "<b>Kịch bản</b> & “TP.HCM” 😀 中文 \u{7}".into();
    s.notes = "Dòng 1\r\nDòng 2\t— «trích» ±5 % → 10 € · \u{0}\u{1f} ǅ".into();
    s.overrides.lines.insert(
        "barrier".into(),
        LineOverride {
            unit_cost: Some(Tri::point(Money(1_234_567))),
            rrr: Some(Tri {
                low: 1.0 / 3.0,
                mode: 45.37 / 100.0,
                high: 0.5,
            }),
            max_coverage: Some(0.1 + 0.2),
            durability_years: Some(7.3),
        },
    );
    s.overrides.region.children = Some(7_654_321);
    s.overrides.region.communes = Some(168);
    s.seed = u64::MAX;
    s
}

/// Notes too long for a share link: the link carries their beginning.
fn long_notes() -> Scenario {
    Scenario {
        notes: (0..model::scenario::MAX_NOTES as u32)
            .map(|i| char::from_u32(0x4E00 + (i.wrapping_mul(2_654_435_761) >> 20) % 20_000))
            .map(|c| c.unwrap_or('x'))
            .collect(),
        ..Scenario::default_for("dien-bien")
    }
}

fn v2_fixtures() -> Vec<(&'static str, String)> {
    vec![
        ("default", encode(&Scenario::default())),
        ("dien-bien-2027", encode(&example("dien-bien-2027.json"))),
        ("fully-edited-ranges", encode(&fully_edited_with_ranges())),
        ("odd-text-and-values", encode(&odd_text_and_values())),
        (
            "notes-cut",
            codec::share_link(&long_notes())
                .fragment
                .trim_start_matches(codec::FRAGMENT_PREFIX)
                .to_string(),
        ),
    ]
}

/// Writes the golden v2 links that do not exist yet (never overwrites one):
/// `cargo test -p model --test codec -- --ignored write_missing_v2_fixtures`.
#[test]
#[ignore]
fn write_missing_v2_fixtures() {
    for (name, code) in v2_fixtures() {
        let txt = fixtures().join(format!("link-v2-{name}.txt"));
        if !txt.exists() {
            let s = decode(&code).expect("a fixture decodes");
            std::fs::write(&txt, &code).expect("write code");
            let json = serde_json::to_string_pretty(&s).expect("json") + "\n";
            std::fs::write(txt.with_extension("json"), json).expect("write json");
        }
    }
}

#[test]
fn golden_v2_links_decode_forever() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("link-v2-") && n.ends_with(".txt"))
        })
        .collect();
    names.sort();
    for txt in &names {
        let code = std::fs::read_to_string(txt).expect("read link");
        let json = std::fs::read_to_string(txt.with_extension("json")).expect("json beside it");
        let expected: Scenario = serde_json::from_str(&json).expect("expected scenario parses");
        let opened = codec::open(&code);
        let cut = txt.to_string_lossy().contains("notes-cut");
        assert_eq!(
            opened,
            Ok(codec::Opened {
                scenario: expected.clone(),
                notes_cut: cut
            }),
            "{}",
            txt.display()
        );
        if !cut {
            assert_eq!(encode(&expected), code.trim(), "{}", txt.display());
        }
    }
    assert!(names.len() >= 5, "only {} golden v2 links", names.len());
    // The fixtures are this file's own scenarios, frozen.
    for (name, code) in v2_fixtures() {
        let txt = fixtures().join(format!("link-v2-{name}.txt"));
        let frozen = std::fs::read_to_string(&txt).expect("fixture written");
        assert_eq!(
            frozen.trim(),
            code,
            "{name}: this build writes another code"
        );
    }
    let notes_cut = std::fs::read_to_string(fixtures().join("link-v2-notes-cut.txt"))
        .expect("notes-cut fixture");
    let got = decode(&notes_cut).expect("opens");
    assert!(got.notes.ends_with(codec::NOTES_CUT_MARK));
    assert!(
        long_notes()
            .notes
            .starts_with(got.notes.trim_end_matches(codec::NOTES_CUT_MARK))
    );
}

#[test]
fn v2_carries_ranges_that_v1_could_not() {
    let s = fully_edited_with_ranges();
    assert_eq!(s.validate(), Ok(()));
    assert_eq!(decode(&encode(&s)), Ok(s.clone()));
    let v1 = std::fs::read_to_string(fixtures().join("link-v1-fully-edited.txt")).expect("v1");
    let v2 = encode(&fully_edited());
    println!(
        "fully edited: v1 {} characters, v2 {} characters",
        v1.trim().len(),
        v2.len()
    );
    assert!(v2.len() <= v1.trim().len(), "v2 is no longer than v1");
}

// ---------------------------------------------------------------------------------------
// Property tests.

fn money_strategy(max: i64) -> impl Strategy<Value = i64> {
    prop_oneof![
        0..=max,
        (0..=max / 1_000_000).prop_map(|m| m * 1_000_000),
        Just(0),
    ]
}

fn share() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..=1.0f64,
        (0u32..=100).prop_map(|p| f64::from(p) / 100.0)
    ]
}

fn tri_share() -> impl Strategy<Value = Tri<f64>> {
    (share(), share(), share()).prop_map(|(a, b, c)| {
        let mut v = [a, b, c];
        v.sort_by(f64::total_cmp);
        Tri {
            low: v[0],
            mode: v[1],
            high: v[2],
        }
    })
}

fn line_override() -> impl Strategy<Value = LineOverride> {
    (
        proptest::option::of((1i64..=10_000_000_000, 0i64..=1_000_000, 0i64..=1_000_000)),
        proptest::option::of(tri_share()),
        proptest::option::of(share()),
        proptest::option::of(prop_oneof![1.0..=30.0f64, (1u32..=30).prop_map(f64::from)]),
    )
        .prop_map(|(cost, rrr, cov, dur)| LineOverride {
            unit_cost: cost.map(|(l, d1, d2)| Tri {
                low: Money(l),
                mode: Money(l + d1),
                high: Money(l + d1 + d2),
            }),
            rrr,
            max_coverage: cov,
            durability_years: dur,
        })
}

fn region_override() -> impl Strategy<Value = RegionOverride> {
    use proptest::option::of;
    (
        (
            of(1u64..=50_000_000),
            of(0.01..=0.99f64),
            of(prop_oneof![
                (0.0..=1_000.0f64).prop_map(model::Tri::point),
                (0.0..=500.0f64, 0.0..=250.0f64, 0.0..=250.0f64).prop_map(|(l, a, b)| Tri {
                    low: l,
                    mode: l + a,
                    high: l + a + b,
                }),
                Just(Tri {
                    low: 7.0,
                    mode: 7.26,
                    high: 8.07
                }),
            ]),
            of(prop_oneof![
                (-0.5..=0.5f64).prop_map(model::Tri::point),
                (-500i32..=-1, 0i32..=200, 0i32..=300).prop_map(|(l, a, b)| Tri {
                    low: f64::from(l) / 1_000.0,
                    mode: f64::from(l + a) / 1_000.0,
                    high: f64::from(l + a + b) / 1_000.0,
                }),
            ]),
            of(share()),
        ),
        (
            of(0u64..=50_000_000),
            of(1u32..=100_000),
            of(share()),
            of(0u64..=1_000_000_000),
        ),
    )
        .prop_map(
            |((c, su5, rate, trend, swim), (sp, com, cf, hot))| RegionOverride {
                children: c,
                share_under5: su5,
                drowning_rate: rate,
                trend,
                swim_share: swim,
                special_circumstances: sp,
                communes: com,
                child_friendly_share: cf,
                hotline_calls: hot,
            },
        )
}

prop_compose! {
    fn valid_scenario()(
        region in proptest::sample::select(REGIONS.iter().map(|r| r.id).collect::<Vec<_>>()),
        start in 2020i32..=2045,
        span in 0i32..15,
        allocs in proptest::collection::vec(proptest::option::of(money_strategy(500 * TY)), LINES.len()),
        extra in proptest::collection::vec((money_strategy(100 * TY), money_strategy(50 * TY), money_strategy(10 * TY)), 15),
        constraints in proptest::collection::vec(proptest::option::of((any::<bool>(), proptest::option::of(0u32..=100), proptest::option::of(0i64..=10 * TY))), LINES.len()),
        overrides in proptest::collection::vec(proptest::option::of(line_override()), LINES.len()),
        region_override in region_override(),
        name in "\\PC{0,120}",
        notes in prop_oneof!["", "[\\PC\n]{0,400}"],
        seed in any::<u64>(),
    ) -> Scenario {
        let end = (start + span).min(2045);
        let mut allocation = BTreeMap::new();
        for (l, a) in LINES.iter().zip(&allocs) {
            if let Some(a) = a {
                allocation.insert(l.id.to_string(), Money(*a));
            }
        }
        let sum: i64 = allocation.values().map(|m| m.0).sum();
        let budget = (start..=end)
            .zip(&extra)
            .map(|(_, (c, p, m))| YearBudget {
                central: Money(sum + c),
                provincial: Money(*p),
                mobilised: Money(*m),
            })
            .collect();
        let mut cons = BTreeMap::new();
        for (l, c) in LINES.iter().zip(&constraints) {
            if let Some((locked, floor_pct, above)) = c {
                let a = allocation.get(l.id).map_or(0, |m| m.0);
                cons.insert(
                    l.id.to_string(),
                    Constraint {
                        locked: *locked,
                        floor: floor_pct.map(|p| Money(a / 100 * i64::from(p))),
                        ceiling: above.map(|x| Money(a + x)),
                    },
                );
            }
        }
        let mut s = Scenario {
            name,
            notes,
            region: region.to_string(),
            start_year: start,
            end_year: end,
            budget,
            allocation,
            constraints: cons,
            seed,
            ..Scenario::default()
        };
        for (l, o) in LINES.iter().zip(&overrides) {
            if let Some(o) = o {
                s.overrides.lines.insert(l.id.to_string(), *o);
            }
        }
        s.overrides.region = region_override;
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_valid_scenario_round_trips_exactly(s in valid_scenario()) {
        prop_assert_eq!(s.validate(), Ok(()));
        let code = encode(&s);
        prop_assert!(code.len() <= MAX_LINK_TEXT);
        prop_assert_eq!(decode(&code), Ok(s.clone()));
        // The share link: whole, or with the notes cut to fit and everything else whole.
        let link = codec::share_link(&s);
        prop_assert!(link.fits() || link.notes_sent == 0);
        let opened = codec::open(&link.fragment);
        prop_assert!(opened.is_ok());
        let opened = opened.expect("checked");
        prop_assert_eq!(opened.notes_cut, link.notes_cut());
        if link.notes_cut() {
            let kept: String = s.notes.chars().take(link.notes_sent).collect();
            prop_assert_eq!(&opened.scenario.notes, &format!("{kept}{}", codec::NOTES_CUT_MARK));
            prop_assert_eq!(Scenario { notes: s.notes.clone(), ..opened.scenario }, s);
        } else {
            prop_assert_eq!(opened.scenario, s);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        check(&text);
    }

    #[test]
    fn arbitrary_base64url_never_panics(text in "[A-Za-z0-9_-]{0,800}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_after_a_version_byte_never_panic(
        version in prop_oneof![Just(1u8), any::<u8>()],
        body in proptest::collection::vec(any::<u8>(), 0..1_000),
    ) {
        let mut bytes = vec![version];
        bytes.extend(body);
        check(&b64(&bytes));
    }

    #[test]
    fn arbitrary_compressed_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..600)) {
        // Valid zlib around random bytes: exercises the postcard and scenario layers.
        let mut bytes = vec![1u8];
        bytes.extend(miniz_oxide_zlib(&body));
        check(&b64(&bytes));
    }

    #[test]
    fn damaged_valid_links_never_panic(
        s in valid_scenario(),
        cut in 0usize..2_000,
        flips in proptest::collection::vec((0usize..2_000, 0u8..8), 0..4),
    ) {
        let mut bytes = unb64(&encode(&s));
        for (i, bit) in flips {
            let n = bytes.len();
            if n > 0 {
                bytes[i % n] ^= 1 << bit;
            }
        }
        let text = b64(&bytes);
        let cut = cut % (text.len() + 1);
        check(&text[..cut]);
        check(&text);
    }
}

#[test]
fn a_schema_1_scenario_in_a_v2_link_opens_as_the_current_schema() {
    // Found by fuzzing (fuzz/regressions/pack/schema-1-in-a-v2-pack): a v2 body saying
    // schema 1 opened as schema 1 while a JSON file of it opened as schema 2.
    let s = Scenario {
        version: 1,
        ..Scenario::default()
    };
    let got = decode(&encode(&s)).expect("opens");
    assert_eq!(got.version, model::SCHEMA_VERSION);
    assert_eq!(Scenario { version: 1, ..got }, s);
}
