//! The share-link codec: exact round trips, a size budget, golden v1 links that must keep
//! decoding forever, and hostile input that must never panic.

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
    // Wrong version bytes.
    for v in [0u8, 2, 3, 127, 255] {
        let mut b = bytes.clone();
        b[0] = v;
        let r = decode(&b64(&b));
        match v {
            0 => assert_eq!(r, Err(LinkError::Corrupt)),
            _ => assert_eq!(
                r,
                Err(LinkError::FutureVersion {
                    found: v,
                    supported: 1
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
    let mut bytes = vec![1u8];
    bytes.extend(miniz_oxide_zlib(&zeros));
    let text = b64(&bytes);
    assert!(text.len() < MAX_LINK_TEXT, "{}", text.len());
    assert_eq!(decode(&text), Err(LinkError::TooLarge));
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
            found: 2,
            supported: 1,
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
            of(prop_oneof![0.0..=1_000.0f64, Just(7.26)]),
            of(-0.5..=0.5f64),
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
                drowning_rate: rate.map(model::Tri::point),
                trend: trend.map(model::Tri::point),
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
        prop_assert_eq!(decode(&codec::fragment(&s)), Ok(s));
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
