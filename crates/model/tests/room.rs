//! The room's plans (issue 16) on a workshop's worth of links: 30 participants' links in a
//! chat (5 of them broken: tampered, cut, from a newer version, another region, other plan
//! years) give 25 plans and 5 refusals with their reasons; the per-line amounts, medians
//! and the room's plan computed here are written to `tests/e2e/fixtures/room.json`, which
//! the browser test pastes and compares with what the page shows.

use model::codec::{self, LinkError};
use model::money::TY;
use model::room::{self, Outcome, Reason, Room};
use model::{Lang, Money, Scenario};

const NAMES: [&str; 25] = [
    "Lan", "Minh", "Hùng", "Thảo", "Tuấn", "Hoa", "Dũng", "Mai", "Sơn", "Ngọc", "Bình", "Hạnh",
    "Quang", "Trang", "Phúc", "Yến", "Long", "Nhung", "Khánh", "Vy", "Đức", "Linh", "Hải", "Thu",
    "Nam",
];

/// A small deterministic generator (the plans must not change between runs).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Participant `i`'s plan: the starting plan with money moved between lines (in steps of
/// 500 triệu; the room leans towards drowning prevention, as rooms do), sometimes some
/// left unspent, one plan in eight unchanged.
fn participant(i: usize, rng: &mut Lcg) -> Scenario {
    let mut s = Scenario {
        name: format!("Bàn {} — {}", i / 5 + 1, NAMES[i % NAMES.len()]),
        ..Default::default()
    };
    let ids: Vec<&str> = model::data::lines().iter().map(|l| l.id).collect();
    let givers = [
        "gifts",
        "health_check",
        "scholarship",
        "special_support",
        "child_friendly",
    ];
    let takers = ["swim", "barrier", "daycare", "first_aid", "hotline"];
    let moves = if rng.next(8) == 0 { 0 } else { 5 + rng.next(6) };
    for _ in 0..moves {
        let leaning = rng.next(3) != 0;
        let pick = |rng: &mut Lcg, side: &[&'static str]| -> &'static str {
            if leaning {
                side[rng.next(side.len() as u64) as usize]
            } else {
                ids[rng.next(ids.len() as u64) as usize]
            }
        };
        let from = pick(rng, &givers);
        let to = pick(rng, &takers);
        let have = s.alloc(from).0;
        let step = TY / 2;
        let amount = (rng.next(30) as i64 * step).min(have);
        s.allocation.insert(from.into(), Money(have - amount));
        // One move in seven leaves the money unspent.
        if rng.next(7) != 0 {
            let got = s.alloc(to).0;
            s.allocation.insert(to.into(), Money(got + amount));
        }
    }
    assert!(s.validate().is_ok(), "{}", s.name);
    s
}

/// The same participant's plan, changed: 1 tỷ less on her largest line.
fn resubmitted(p: &Scenario) -> Scenario {
    let mut again = p.clone();
    let (id, m) = again
        .allocation
        .iter()
        .max_by_key(|(_, m)| **m)
        .map(|(id, m)| (id.clone(), *m))
        .expect("some line");
    again.allocation.insert(id, Money(m.0 - TY));
    again
}

fn plans() -> Vec<Scenario> {
    let mut rng = Lcg(16);
    (0..25).map(|i| participant(i, &mut rng)).collect()
}

/// The five broken links: tampered, cut, newer version, another region, other years.
fn broken(plans: &[Scenario]) -> Vec<(String, &'static str)> {
    let code = codec::encode(&plans[3]);
    let mut tampered = code.clone().into_bytes();
    let k = tampered.len() * 2 / 3;
    tampered[k] = if tampered[k] == b'Q' { b'R' } else { b'Q' };
    let tampered = String::from_utf8(tampered).expect("ascii");
    let cut = code[..code.len() - 30].to_string();
    // Version byte 2 then zlib's 0x78 start every code with "An"; "B3" is the same bits
    // with version byte 7.
    assert!(code.starts_with("An"));
    let future = format!("B3{}", &code[2..]);
    let mut region = Scenario::default_for("son-la");
    region.name = "Bàn 9 — Sơn La".into();
    let mut years = plans[5].clone();
    years.name = "Bàn 9 — Kỳ khác".into();
    years.start_year = 2026;
    years.budget.insert(0, years.budget[0]);
    vec![
        (tampered, "damaged"),
        (cut, "cut"),
        (future, "future"),
        (codec::encode(&region), "region"),
        (codec::encode(&years), "years"),
    ]
}

/// The chat the facilitator pastes: 30 links among messages, in three forms (a whole
/// address, a bare fragment, a bare code).
fn chat(plans: &[Scenario], broken: &[(String, &'static str)]) -> (String, Vec<&'static str>) {
    let mut out = String::from("Nhóm Zalo: Hội thảo kế hoạch bảo vệ trẻ em 2027–2030\n");
    let mut kinds = Vec::new();
    let mut b = broken.iter();
    for (i, p) in plans.iter().enumerate() {
        let code = codec::encode(p);
        let line = match i % 3 {
            0 => format!(
                "[09:{:02}] {}: Em gửi kế hoạch ạ https://kehoach.example/app/#s={code}",
                i + 1,
                p.name
            ),
            1 => format!("[09:{:02}] {}: #s={code} (gửi lại cho chắc)", i + 1, p.name),
            _ => format!("[09:{:02}] {}:\n{code}", i + 1, p.name),
        };
        out.push_str(&line);
        out.push('\n');
        kinds.push("ok");
        if i % 5 == 4 {
            if let Some((code, why)) = b.next() {
                out.push_str(&format!(
                    "[09:{:02}] Ai đó: link của bàn em https://kehoach.example/app/#s={code}\n",
                    i + 1
                ));
                kinds.push(why);
            }
        }
        if i % 4 == 1 {
            out.push_str("Cảm ơn mọi người, tuyệt vời 👍\n");
        }
    }
    (out, kinds)
}

fn fixture() -> serde_json::Value {
    let plans = plans();
    let broken = broken(&plans);
    let (chat, kinds) = chat(&plans, &broken);
    let mut room = Room::new(Scenario::default());
    let report = room.add_text(&chat);
    assert_eq!(report.items.len(), 30);
    assert_eq!(report.counts(), [25, 0, 0, 5]);
    assert_eq!(room.plans(), plans.as_slice());
    let s = room::summarise(&room);
    let by_line = |f: &dyn Fn(&room::LineSpread) -> serde_json::Value| -> serde_json::Value {
        s.lines
            .iter()
            .map(|l| (l.id.to_string(), f(l)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let refused: Vec<serde_json::Value> = report
        .refused()
        .map(|(item, reason)| {
            serde_json::json!({
                "at": item.at,
                "vi": reason.message(Lang::Vi),
                "en": reason.message(Lang::En),
            })
        })
        .collect();
    let rf = s.room_figures.expect("the room's plan evaluates");
    // The bench: 100 more participants.
    let mut rng = Lcg(100);
    let bench: Vec<String> = (0..100)
        .map(|i| {
            let mut p = participant(i, &mut rng);
            p.name = format!("Người {}", i + 1);
            codec::fragment(&p)
        })
        .collect();
    let again = resubmitted(&plans[2]);
    serde_json::json!({
        "note": "Written by crates/model/tests/room.rs (KEHOACH_WRITE_FIXTURES=1 cargo test -p model --test room); checked there against model::room.",
        "chat": chat,
        "kinds": kinds,
        "plans": plans.len(),
        "names": plans.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "refused": refused,
        "amounts": by_line(&|l| l.amounts.iter().map(|m| m.0).collect::<Vec<_>>().into()),
        "min": by_line(&|l| l.min.0.into()),
        "median": by_line(&|l| l.median.0.into()),
        "max": by_line(&|l| l.max.0.into()),
        "moved": by_line(&|l| l.moved.into()),
        "room_plan": by_line(&|l| l.room.0.into()),
        "room_figures": {
            "deaths_averted": model::figures::Figure::DeathsAverted.format(Some(rf.deaths_averted), Lang::Vi),
            "children_supported": model::figures::Figure::ChildrenSupported.format(Some(rf.children_supported), Lang::Vi),
        },
        "room_deaths_averted": rf.deaths_averted.to_string(),
        "best": plans[s.ranked[0].index].name,
        "resubmit": { "name": again.name, "link": codec::fragment(&again) },
        "bench": bench,
    })
}

#[test]
fn the_browser_tests_room_fixture_matches_the_model() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/e2e/fixtures/room.json"
    );
    let want = fixture();
    if std::env::var_os("KEHOACH_WRITE_FIXTURES").is_some() {
        let text = serde_json::to_string_pretty(&want).expect("json") + "\n";
        std::fs::write(path, text).expect("write fixture");
    }
    let text = std::fs::read_to_string(path).expect("fixture exists");
    let have: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
    assert_eq!(have, want, "regenerate with KEHOACH_WRITE_FIXTURES=1");
}

#[test]
fn thirty_links_give_25_plans_and_5_reasons() {
    let plans = plans();
    let broken = broken(&plans);
    let (chat, kinds) = chat(&plans, &broken);
    let mut room = Room::new(Scenario::default());
    let report = room.add_text(&chat);
    let reasons: Vec<&Reason> = report.refused().map(|(_, r)| r).collect();
    assert_eq!(reasons.len(), 5);
    assert!(matches!(
        reasons[0],
        Reason::Link(LinkError::Corrupt | LinkError::Truncated)
    ));
    assert!(matches!(
        reasons[1],
        Reason::Link(LinkError::Corrupt | LinkError::Truncated)
    ));
    assert!(matches!(
        reasons[2],
        Reason::Link(LinkError::FutureVersion { found: 7, .. })
    ));
    assert!(matches!(reasons[3], Reason::Region { .. }));
    assert!(matches!(reasons[4], Reason::Years { .. }));
    let refused_at: Vec<u32> = report.refused().map(|(i, _)| i.at).collect();
    let expected_at: Vec<u32> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| **k != "ok")
        .map(|(i, _)| i as u32 + 1)
        .collect();
    assert_eq!(refused_at, expected_at);

    // The same chat again: nothing changes, every plan is already in.
    let again = room.add_text(&chat);
    assert_eq!(again.counts(), [0, 0, 25, 5]);
    assert_eq!(room.len(), 25);

    // Some lines were moved by some participants and not by others.
    let s = room::summarise(&room);
    assert!(
        s.lines
            .iter()
            .any(|l| l.moved > 0 && (l.moved as usize) < 25)
    );
    for l in &s.lines {
        assert!(l.min <= l.q1 && l.q1 <= l.median && l.median <= l.q3 && l.q3 <= l.max);
        let mut sorted = l.amounts.clone();
        sorted.sort();
        assert_eq!(l.median, sorted[12], "{}", l.id);
    }
    let plan = s.room_plan.as_ref().expect("a room's plan");
    assert_eq!(plan.allocated(), Money(350 * TY));
    assert!(!s.disagreement(Lang::Vi).is_empty());
}

#[test]
fn a_participant_handing_in_again_replaces_her_plan() {
    let plans = plans();
    let mut room = Room::new(Scenario::default());
    for p in &plans {
        assert_eq!(room.offer(p.clone()), Outcome::Added);
    }
    let again = resubmitted(&plans[2]);
    let r = room.add_text(&codec::fragment(&again));
    assert_eq!(r.items[0].outcome, Outcome::Replaced);
    assert_eq!(room.len(), 25);
    assert_eq!(room.plans()[2], again);
}
