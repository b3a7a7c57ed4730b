//! Native tests of the working set ("book"): its reducer, QR codes, the projection CSV,
//! names with markup in the compare chart, and the share-link fixture the browser tests use
//! (kept in step with the codec here). The autosave text, the file worker's replies, file
//! names and the compare split are the model's (`model::autosave`, `model::worker`,
//! `model::file_name`, `model::compare`) and tested there.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kehoach_app::charts::compare::{CompareChart, Series, compare_svg};
use kehoach_app::components::export::projection_csv;
use kehoach_app::state::book::{BookAction, MAX_ENTRIES};
use kehoach_app::state::{Action, AppState, Notice};
use model::codec::LinkError;
use model::money::TY;
use model::words::Ui;
use model::{FieldPath, Lang, Money, Scenario};
use yew::Reducible;

fn reduce(st: Rc<AppState>, a: BookAction) -> Rc<AppState> {
    st.reduce(Action::Book(a))
}

fn names(st: &AppState) -> Vec<String> {
    st.entries.iter().map(|e| e.scenario.name.clone()).collect()
}

fn named(name: &str) -> Scenario {
    Scenario {
        name: name.into(),
        ..Scenario::default()
    }
}

fn ids(st: &AppState) -> Vec<u32> {
    st.entries.iter().map(|e| e.id).collect()
}

#[test]
fn new_duplicate_rename_select_delete() {
    let st = Rc::new(AppState::default());
    let g0 = st.generation;
    let st = reduce(st, BookAction::New);
    assert_eq!(st.entries.len(), 2);
    assert_eq!(st.current, 1);
    assert_eq!(st.scenario().name, "Kịch bản mới");
    assert!(
        st.generation > g0,
        "switching scenarios refreshes the figures"
    );
    let st = reduce(st, BookAction::New);
    assert_eq!(st.scenario().name, "Kịch bản mới (2)", "names stay unique");

    let first = st.entries[0].id;
    let st = reduce(st, BookAction::Duplicate(first));
    assert_eq!(st.current, 1, "the copy goes right after the original");
    assert_eq!(st.scenario().name, "Kế hoạch toàn quốc 2027–2030 (bản sao)");
    assert_eq!(st.scenario().allocation, st.entries[0].scenario.allocation);
    let mut seen = ids(&st);
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), st.entries.len(), "ids are unique");

    let copy = st.entries[1].id;
    let g = st.generation;
    let st = reduce(
        st,
        BookAction::Rename {
            id: copy,
            name: "  Thêm lớp dạy bơi  ".into(),
        },
    );
    assert_eq!(st.entries[1].scenario.name, "Thêm lớp dạy bơi");
    assert_eq!(st.generation, g, "a name changes no figure");
    let before = st.clone();
    let st = reduce(
        st,
        BookAction::Rename {
            id: copy,
            name: "   ".into(),
        },
    );
    assert!(
        Rc::ptr_eq(&st, &before),
        "an empty name is refused silently"
    );
    let st = reduce(
        st,
        BookAction::Rename {
            id: copy,
            name: "x".repeat(121),
        },
    );
    assert_eq!(st.entries[1].scenario.name, "Thêm lớp dạy bơi");
    assert!(
        st.rejection(&FieldPath::Name)
            .is_some_and(|m| m.contains("121"))
    );

    let st = reduce(st, BookAction::Select(first));
    assert_eq!(st.current, 0);
    assert!(st.rejected.is_none());
    let same = reduce(st.clone(), BookAction::Select(first));
    assert!(
        Rc::ptr_eq(&same, &st),
        "selecting the open scenario is a no-op"
    );
    let unknown = reduce(st.clone(), BookAction::Select(999));
    assert!(Rc::ptr_eq(&unknown, &st));

    // Delete one before the open one: the open one stays open.
    let st = reduce(st, BookAction::Select(copy));
    let open_name = st.scenario().name.clone();
    let st = reduce(st, BookAction::Delete(first));
    assert_eq!(st.scenario().name, open_name);
    // Delete the open one: a neighbour opens, figures follow it.
    let st = reduce(st, BookAction::Delete(copy));
    assert_eq!(st.entries.len(), 2);
    // (Targets outside the plan hold NaN, so compare the headline, not the whole projection.)
    assert_eq!(
        st.projection.headline,
        model::evaluate(st.scenario()).expect("valid").headline
    );
}

#[test]
fn deleting_the_last_scenario_leaves_a_default() {
    let st = Rc::new(AppState::with_entries(vec![named("Chỉ một")], 0, Lang::Vi));
    let id = st.entries[0].id;
    let st = reduce(st, BookAction::Delete(id));
    assert_eq!(st.entries.len(), 1);
    assert_eq!(*st.scenario(), Scenario::default());
    assert_ne!(st.entries[0].id, id, "a new id for the new scenario");
}

#[test]
fn a_shared_link_is_added_as_a_new_copy_never_over_an_existing_one() {
    let mine = named("Của tôi");
    let st = Rc::new(AppState::with_entries(vec![mine.clone()], 0, Lang::Vi));
    let shared = named("Của tôi");
    let code = model::encode(&shared);
    let st = reduce(
        st,
        BookAction::OpenShared(model::decode(&code).map(Box::new)),
    );
    assert_eq!(names(&st), ["Của tôi", "Của tôi (2)"]);
    assert_eq!(st.current, 1);
    assert_eq!(
        st.entries[0].scenario, mine,
        "the opener's scenario is untouched"
    );
    assert_eq!(st.notice, Some(Notice::LinkOpened("Của tôi (2)".into())));
}

#[test]
fn a_broken_link_shows_the_default_scenario_with_a_notice_and_loses_nothing() {
    let mut edited = named("Đã sửa");
    edited.allocation.insert("swim".into(), Money(100 * TY));
    let st = Rc::new(AppState::with_entries(vec![edited.clone()], 0, Lang::Vi));
    let st = reduce(st, BookAction::OpenShared(Err(LinkError::Truncated)));
    assert_eq!(
        st.entries.len(),
        2,
        "the default is added beside the user's work"
    );
    assert_eq!(st.entries[0].scenario, edited);
    assert_eq!(*st.scenario(), Scenario::default());
    assert_eq!(st.notice, Some(Notice::BadLink(LinkError::Truncated)));
    // A second broken link does not pile up defaults.
    let st = reduce(st, BookAction::OpenShared(Err(LinkError::Corrupt)));
    assert_eq!(st.entries.len(), 2);
    assert_eq!(*st.scenario(), Scenario::default());
    assert!(
        st.notice
            .as_ref()
            .is_some_and(|n| n.message(Lang::Vi).contains("bị hỏng"))
    );
}

#[test]
fn the_book_is_capped() {
    let many: Vec<Scenario> = (0..MAX_ENTRIES).map(|i| named(&format!("S{i}"))).collect();
    let st = Rc::new(AppState::with_entries(many, 0, Lang::Vi));
    let st = reduce(st, BookAction::New);
    assert_eq!(st.entries.len(), MAX_ENTRIES);
    assert!(matches!(
        st.notice,
        Some(Notice::Words(Ui::NoticeBookFull, _))
    ));
    let st = reduce(st, BookAction::Import(Box::default()));
    assert_eq!(st.entries.len(), MAX_ENTRIES);
}

#[test]
fn an_invalid_import_is_refused_by_the_reducer_too() {
    let st = Rc::new(AppState::default());
    let bad = Scenario {
        region: "XX".into(),
        ..Scenario::default()
    };
    let st = reduce(st, BookAction::Import(Box::new(bad)));
    assert_eq!(st.entries.len(), 1);
    assert!(st.rejected.is_some());
}

// ---- Compare chart --------------------------------------------------------------------

#[test]
fn names_with_markup_are_escaped_in_the_compare_chart() {
    let evil = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>";
    let p = model::evaluate(&Scenario::default()).expect("valid");
    let s = Series {
        label: evil.into(),
        points: p.years.iter().map(|y| (y.year, y.deaths)).collect(),
    };
    let chart = CompareChart {
        series: vec![s.clone(), s.clone()],
        baseline: Some(s),
    };
    let svg = compare_svg(&chart, Lang::Vi, 760, 380).expect("draws");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    assert!(!svg.contains("<script"), "markup must not survive");
    assert!(!svg.contains("<img"));
    assert!(svg.contains("&lt;script&gt;"));
    // Empty data draws a message, never panics.
    let empty = compare_svg(&CompareChart::default(), Lang::En, 300, 200).expect("draws");
    assert!(empty.contains("No data"));
    assert!(empty.contains("chart-compare"));
}

// ---- QR, CSV ---------------------------------------------------------------------------

#[test]
fn qr_codes_cover_every_link_this_app_makes() {
    let link = format!(
        "https://example.org/kehoach/{}",
        model::fragment(&Scenario::default())
    );
    let q = kehoach_app::qr::encode(&link).expect("fits");
    assert_eq!(q.outer, q.size + 8, "a four-module quiet zone");
    assert!(q.size >= 21 && q.size <= 177);
    assert!(q.path.starts_with('M'));
    let svg = q.to_svg("<b>");
    assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
    // The longest notes still make a link; beyond what any QR holds, no code (no panic).
    assert!(kehoach_app::qr::encode(&"x".repeat(4000)).is_none());
}

#[test]
fn the_projection_csv_has_a_bom_vietnamese_headers_and_excel_separators() {
    let p = model::evaluate(&Scenario::default()).expect("valid");
    let vi = projection_csv(&p, Lang::Vi);
    let bytes = vi.as_bytes();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark");
    let lines: Vec<&str> = vi.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert!(
        lines[0].starts_with("Năm;Ngân sách (đồng);"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("Trẻ tử vong do đuối nước, có kế hoạch (ca)"));
    assert!(
        lines[1].starts_with("2027;350000000000;350000000000;"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains(','), "decimal comma in Vietnamese mode");
    assert_eq!(lines.len(), 4 + 2, "header, 4 years, final CRLF");
    let en = projection_csv(&p, Lang::En);
    assert!(
        en.trim_start_matches('\u{FEFF}')
            .starts_with("Year,Budget (VND),")
    );
}

// ---- The share-link fixture of the browser tests ------------------------------------------

/// Scenarios behind `tests/e2e/fixtures/links.json`: valid links (one with markup in its
/// name) and links that decode but hold an invalid scenario with markup in its name.
fn fixture_links() -> serde_json::Value {
    let evil =
        "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> & “Kịch bản”";
    let mut valid = Scenario::default_for("dien-bien");
    valid.name = evil.into();
    valid.notes = "Ghi chú <b>không</b> phải mã".into();
    let mut too_long = valid.clone();
    too_long.name = format!("{evil}{}", "x".repeat(130));
    let mut negative = valid.clone();
    negative.allocation.insert("swim".into(), Money(-5));
    let mut over = valid.clone();
    over.allocation.insert("swim".into(), Money(100 * TY));
    serde_json::json!({
        "note": "Written by tests/book.rs (KEHOACH_WRITE_FIXTURES=1 cargo test --test book); checked there against the codec.",
        "valid_markup_name": { "name": evil, "code": model::encode(&valid) },
        "invalid_markup_name": [
            model::encode(&too_long),
            model::encode(&negative),
            model::encode(&over),
        ],
    })
}

#[test]
fn the_browser_tests_link_fixture_matches_the_codec() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures/links.json");
    let want = fixture_links();
    if std::env::var_os("KEHOACH_WRITE_FIXTURES").is_some() {
        let text = serde_json::to_string_pretty(&want).expect("json") + "\n";
        std::fs::write(path, text).expect("write fixture");
    }
    let text = std::fs::read_to_string(path).expect("fixture exists");
    let have: serde_json::Value = serde_json::from_str(&text).expect("fixture is JSON");
    assert_eq!(have, want, "regenerate with KEHOACH_WRITE_FIXTURES=1");
    let code = want["valid_markup_name"]["code"].as_str().expect("code");
    assert!(model::decode(code).is_ok());
    for bad in want["invalid_markup_name"].as_array().expect("list") {
        assert!(matches!(
            model::decode(bad.as_str().expect("code")),
            Err(LinkError::Invalid(_))
        ));
    }
}

/// Two tabs on one working set, as the autosave runs them: each merges its set into the
/// stored book before writing, and takes the merged set back (`BookAction::Synced`).
#[test]
fn two_tabs_keep_both_edits_and_both_versions_of_one_scenario() {
    use model::autosave::{Book, merge};
    let start = Rc::new(AppState::with_entries(
        vec![named("A"), named("B")],
        0,
        Lang::Vi,
    ));
    let base = start.book(&Book::default());
    let stored = merge(&Book::default(), &base, &Book::default(), Lang::Vi);
    let mut one = Rc::new(AppState {
        seed: 1,
        ..(*start).clone()
    });
    let mut two = Rc::new(AppState {
        seed: 2,
        ..(*start).clone()
    });
    let id = ids(&two)[1];
    two = reduce(two, BookAction::Select(id));
    let b_id = ids(&two)[1];
    // Tab one renames A, tab two renames B and adds a scenario, both before either saves.
    let a_id = ids(&one)[0];
    one = reduce(
        one,
        BookAction::Rename {
            id: a_id,
            name: "A một".into(),
        },
    );
    two = reduce(
        two,
        BookAction::Rename {
            id: b_id,
            name: "B hai".into(),
        },
    );
    two = reduce(two, BookAction::New);
    let written_one = merge(&stored, &one.book(&stored), &stored, Lang::Vi);
    let written_two = merge(&written_one, &two.book(&stored), &stored, Lang::Vi);
    let two = reduce(two, BookAction::Synced(Box::new(written_two.clone())));
    assert_eq!(names(&two), ["A một", "B hai", "Kịch bản mới"]);
    assert_eq!(
        ids(&two)[1],
        b_id,
        "a scenario keeps its entry id (and its undo steps)"
    );
    assert_eq!(
        two.scenario().name,
        "Kịch bản mới",
        "the open one stays open"
    );
    // Tab one hears of it (the storage event) and gets the same set.
    let again = merge(
        &written_two,
        &one.book(&written_one),
        &written_one,
        Lang::Vi,
    );
    assert_eq!(
        again.scenarios, written_two.scenarios,
        "nothing more to write"
    );
    let one = reduce(one, BookAction::Synced(Box::new(again)));
    assert_eq!(names(&one), names(&two));
    assert_eq!(one.scenario().name, "A một");
    assert!(matches!(
        &one.notice,
        Some(Notice::Words(Ui::NoticeSynced, _))
    ));

    // Both edit the same scenario: both versions are kept, the later tab's as the copy,
    // which it keeps open with its own figures.
    let base = written_two;
    let mut one = one;
    let mut two = two;
    let id = ids(&one)[0];
    one = reduce(one, BookAction::Select(id));
    let id = ids(&two)[0];
    two = reduce(two, BookAction::Select(id));
    let mut budget = one.scenario().clone();
    budget.notes = "một".into();
    one = Rc::new(AppState::clone(&one));
    let set = |st: Rc<AppState>, s: Scenario| {
        let mut st = (*st).clone();
        st.set_current(FieldPath::Scenario, s);
        Rc::new(st)
    };
    one = set(one, budget);
    let mut other = two.scenario().clone();
    other.notes = "hai".into();
    two = set(two, other.clone());
    let w1 = merge(&base, &one.book(&base), &base, Lang::Vi);
    let w2 = merge(&w1, &two.book(&base), &base, Lang::Vi);
    let two = reduce(two, BookAction::Synced(Box::new(w2)));
    assert_eq!(
        names(&two),
        ["A một", "A một (bản sao)", "B hai", "Kịch bản mới"]
    );
    assert_eq!(two.entries[0].scenario.notes, "một");
    assert_eq!(two.scenario().notes, "hai");
    assert_eq!(two.current, 1);
}

#[test]
fn a_synced_empty_book_leaves_a_default_and_the_same_book_changes_nothing() {
    use model::autosave::Book;
    let st = Rc::new(AppState::with_entries(vec![named("A")], 0, Lang::Vi));
    let same = st.book(&Book::default());
    let after = reduce(st.clone(), BookAction::Synced(Box::new(same)));
    assert!(Rc::ptr_eq(&st, &after));
    let after = reduce(st, BookAction::Synced(Box::default()));
    assert_eq!(after.entries.len(), 1);
    assert_eq!(after.scenario(), &Scenario::default());
}

#[test]
fn a_backup_file_restores_the_working_set_exactly() {
    let mut set: Vec<Scenario> = (0..5).map(|i| named(&format!("S{i}"))).collect();
    set[3].notes = "Ghi chú".into();
    set[4] = Scenario::default_for("lai-chau");
    let st = Rc::new(AppState::with_entries(set.clone(), 3, Lang::Vi));
    let text = model::backup::to_json(st.entries.iter().map(|e| &e.scenario), st.current);
    // Later the working set is something else entirely.
    let other = Rc::new(AppState::with_entries(vec![named("Khác")], 0, Lang::Vi));
    let backup = model::backup::from_json(&text).expect("reads");
    let restored = reduce(
        other,
        BookAction::Restore(Box::new(backup), "kehoach-sao-luu.json".into()),
    );
    let got: Vec<Scenario> = restored
        .entries
        .iter()
        .map(|e| e.scenario.clone())
        .collect();
    assert_eq!(got, set);
    assert_eq!(restored.current, 3);
    let mut uids: Vec<u64> = restored.entries.iter().map(|e| e.uid).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), 5, "every restored scenario has its own id");
    assert_eq!(
        restored.notice.as_ref().map(|n| n.message(Lang::En)),
        Some("Restored 5 scenarios from the backup file “kehoach-sao-luu.json”.".into())
    );
}
