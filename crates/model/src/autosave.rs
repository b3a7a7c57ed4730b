//! The autosave text of a working set of scenarios: what the app keeps in the browser's
//! storage between visits, shared by every tab of the app. Pure text in and out; the app's
//! `platform::storage` stores it.
//!
//! # Format (version 2, written by this build)
//! ```text
//! kehoach-book 2
//! current 9f2c41d07a3be815
//! deleted 1b2c3d4e5f607182 …
//! 9f2c41d07a3be815 3 <share code of scenario 0>
//! 00c0ffee00c0ffee 1 <share code of scenario 1>
//! …
//! ```
//! A first line `kehoach-book` and the format version, a line `current U` (the id of the
//! scenario that was open), a line `deleted …` (ids of scenarios deleted lately, so a tab
//! that still holds one does not bring it back), then one line per scenario in order: its
//! id (16 hex digits, unique across tabs), its revision (bumped each time a tab saves a
//! changed version) and its share code ([`crate::encode`]: compact, checksummed and exact
//! — `decode(encode(s)) == s`). About 180 characters a scenario, and no JSON reader for
//! scenarios in the app's first load.
//!
//! Version 1 (`current N` an index, one share code a line, no ids) is still read: its
//! scenarios get the ids 1, 2, 3… and revision 0.
//!
//! Reading never panics: a line that does not decode is dropped (and counted), at most
//! [`MAX_SCENARIOS`] are read, and anything else wrong makes the whole text [`Corrupt`].
//!
//! # Tabs
//! Every tab keeps the book as it last read or wrote it (its *base*). Before it writes, it
//! reads the stored book and [`merge`]s: scenarios only one side changed take that side's
//! version, scenarios both changed keep both (the stored one under its id, this tab's as a
//! new scenario named "… (bản sao)" / "… (copy)"), scenarios added anywhere stay, and a
//! scenario deleted in one tab goes from the others unless they changed it meanwhile.

use crate::lang::Lang;
use crate::scenario::{MAX_NAME, Scenario};
use crate::words::Ui;

/// Version of the format [`write`] and [`write_book`] write.
pub const VERSION: u32 = 2;
/// Most scenarios read back (the app's working set holds no more).
pub const MAX_SCENARIOS: usize = 50;
/// Most ids of deleted scenarios a book remembers (the oldest are forgotten first).
pub const MAX_DELETED: usize = 200;
/// First word of the text.
const MAGIC: &str = "kehoach-book";

/// One scenario of a saved book.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Id, unique across tabs and visits (never 0).
    pub uid: u64,
    /// Revision: how many times a changed version of it was saved.
    pub rev: u32,
    /// The scenario.
    pub scenario: Scenario,
}

/// A working set as stored: the scenarios, the open one, the ids deleted lately.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    /// The scenarios in order.
    pub scenarios: Vec<Saved>,
    /// Id of the open scenario.
    pub current: u64,
    /// Ids of scenarios deleted lately (newest last, at most [`MAX_DELETED`]).
    pub deleted: Vec<u64>,
}

impl Book {
    /// The scenario with this id.
    pub fn get(&self, uid: u64) -> Option<&Saved> {
        self.scenarios.iter().find(|s| s.uid == uid)
    }

    /// Index of the open scenario (0 when it is not there).
    pub fn current_index(&self) -> usize {
        self.scenarios
            .iter()
            .position(|s| s.uid == self.current)
            .unwrap_or(0)
    }
}

/// The working set as autosave text, with ids 1, 2, 3… (a single tab's first save; the app
/// writes [`write_book`]).
pub fn write<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>, current: usize) -> String {
    let book = Book {
        scenarios: scenarios
            .into_iter()
            .enumerate()
            .map(|(i, s)| Saved {
                uid: i as u64 + 1,
                rev: 0,
                scenario: s.clone(),
            })
            .collect(),
        current: current as u64 + 1,
        deleted: Vec::new(),
    };
    write_book(&book)
}

/// The book as autosave text (see the module docs).
pub fn write_book(book: &Book) -> String {
    let mut out = format!("{MAGIC} {VERSION}\ncurrent {:016x}\ndeleted", book.current);
    for d in &book.deleted {
        out.push_str(&format!(" {d:016x}"));
    }
    out.push('\n');
    for s in &book.scenarios {
        out.push_str(&format!("{:016x} {} ", s.uid, s.rev));
        out.push_str(&crate::encode(&s.scenario));
        out.push('\n');
    }
    out
}

/// A working set read back from autosave text.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The scenarios that decoded, in order (never empty).
    pub scenarios: Vec<Scenario>,
    /// Index of the open one within `scenarios` (the nearest earlier one when the open one
    /// was dropped).
    pub current: usize,
    /// Scenarios that could not be read (or did not fit) and were left out.
    pub dropped: usize,
    /// The book read, with its ids and revisions (the same scenarios).
    pub book: Book,
}

/// Why autosave text could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Corrupt {
    /// Not the autosave format (damaged, edited, or from another program); the first
    /// 40 characters of what was found.
    Unreadable(String),
    /// Written by a newer version of the app.
    FutureVersion(u32),
    /// Readable, but no scenario in it decodes.
    NothingValid,
}

/// Reads autosave text of either version (see the module docs).
pub fn read(text: &str) -> Result<Restored, Corrupt> {
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default();
    let version = head
        .strip_prefix(MAGIC)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or_else(|| Corrupt::Unreadable(head.chars().take(40).collect()))?;
    if version > VERSION {
        return Err(Corrupt::FutureVersion(version));
    }
    if version == 0 {
        return Err(Corrupt::Unreadable(format!("version {version}")));
    }
    let open = lines
        .next()
        .and_then(|l| l.strip_prefix("current "))
        .map(str::trim)
        .and_then(|n| {
            if version == 1 {
                n.parse::<u64>().ok()
            } else {
                u64::from_str_radix(n, 16).ok()
            }
        })
        .ok_or_else(|| Corrupt::Unreadable("no current line".into()))?;
    let mut deleted = Vec::new();
    if version >= 2 {
        let line = lines
            .next()
            .and_then(|l| l.strip_prefix("deleted"))
            .ok_or_else(|| Corrupt::Unreadable("no deleted line".into()))?;
        for d in line.split_ascii_whitespace() {
            if deleted.len() >= MAX_DELETED {
                break;
            }
            if let Ok(d) = u64::from_str_radix(d, 16) {
                deleted.push(d);
            }
        }
    }
    let mut total = 0;
    let mut book = Book {
        deleted,
        ..Book::default()
    };
    let mut current = 0;
    for (i, line) in lines.map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        total += 1;
        if book.scenarios.len() >= MAX_SCENARIOS {
            continue;
        }
        let saved = if version == 1 {
            crate::decode(line).ok().map(|scenario| Saved {
                uid: i as u64 + 1,
                rev: 0,
                scenario,
            })
        } else {
            let mut parts = line.splitn(3, ' ');
            let uid = parts.next().and_then(|u| u64::from_str_radix(u, 16).ok());
            let rev = parts.next().and_then(|r| r.parse::<u32>().ok());
            match (uid, rev, parts.next()) {
                (Some(uid), Some(rev), Some(code)) if uid != 0 && book.get(uid).is_none() => {
                    crate::decode(code)
                        .ok()
                        .map(|scenario| Saved { uid, rev, scenario })
                }
                _ => None,
            }
        };
        if let Some(s) = saved {
            let open_here = if version == 1 {
                i as u64 <= open
            } else {
                s.uid == open
            };
            if open_here {
                current = book.scenarios.len();
            }
            book.scenarios.push(s);
        }
    }
    if book.scenarios.is_empty() {
        return Err(Corrupt::NothingValid);
    }
    book.current = book.scenarios[current].uid;
    Ok(Restored {
        dropped: total - book.scenarios.len(),
        scenarios: book.scenarios.iter().map(|s| s.scenario.clone()).collect(),
        current,
        book,
    })
}

/// The book to store when this tab holds `mine` (its scenarios, revisions as in `base`,
/// and the one it has open), it last read or wrote `base`, and the storage now holds
/// `stored` (see the module docs). `lang` names the copies. Never more than
/// [`MAX_SCENARIOS`] scenarios (this tab's first); the open one is this tab's, or the copy
/// of it when both changed it.
pub fn merge(stored: &Book, mine: &Book, base: &Book, lang: Lang) -> Book {
    let mut out: Vec<Saved> = Vec::new();
    let mut current = mine.current;
    let mut taken: Vec<u64> = stored
        .scenarios
        .iter()
        .chain(&mine.scenarios)
        .chain(&base.scenarios)
        .map(|s| s.uid)
        .chain(stored.deleted.iter().copied())
        .chain(base.deleted.iter().copied())
        .collect();
    let mut copies = Vec::new();
    for m in &mine.scenarios {
        let b = base.get(m.uid);
        let base_rev = b.map_or(0, |b| b.rev);
        let mine_changed = b.is_none_or(|b| b.scenario != m.scenario);
        match stored.get(m.uid) {
            Some(s) if s.scenario == m.scenario => out.push(Saved {
                rev: s.rev.max(base_rev),
                ..m.clone()
            }),
            Some(s) => {
                // Another version under the revision this tab knows: a tab that had not read
                // this tab's version wrote over it (storage reaches other tabs a few
                // milliseconds late). Neither may be dropped.
                let raced = b.is_some_and(|b| s.rev == b.rev && s.scenario != b.scenario);
                let stored_changed = raced || b.is_none_or(|b| s.rev > b.rev);
                if stored_changed && (mine_changed || raced) {
                    out.push(s.clone());
                    let uid = fresh_uid(m.uid ^ (u64::from(s.rev) << 32), &taken);
                    taken.push(uid);
                    let mut scenario = m.scenario.clone();
                    let name = Ui::CopyName.fill(lang, &[scenario.name.trim()]);
                    scenario.name = name.chars().take(MAX_NAME).collect();
                    if m.uid == mine.current {
                        current = uid;
                    }
                    copies.push((
                        m.uid,
                        Saved {
                            uid,
                            rev: 1,
                            scenario,
                        },
                    ));
                } else if mine_changed {
                    out.push(Saved {
                        rev: s.rev.max(base_rev).saturating_add(1),
                        ..m.clone()
                    });
                } else if stored_changed {
                    out.push(s.clone());
                } else {
                    // The stored version is older than this tab's: a tab wrote before it
                    // had read this one's.
                    out.push(Saved {
                        rev: base_rev,
                        ..m.clone()
                    });
                }
            }
            None if stored.deleted.contains(&m.uid) && !mine_changed => {}
            None => out.push(Saved {
                rev: if mine_changed {
                    base_rev.saturating_add(1)
                } else {
                    base_rev
                },
                ..m.clone()
            }),
        }
    }
    let mine_deleted = |uid: u64| base.get(uid).is_some() && mine.get(uid).is_none();
    for s in &stored.scenarios {
        if mine.get(s.uid).is_some() {
            continue;
        }
        if mine_deleted(s.uid) && base.get(s.uid).is_some_and(|b| s.rev <= b.rev) {
            continue;
        }
        if mine.deleted.contains(&s.uid) && base.get(s.uid).is_none_or(|b| s.rev <= b.rev) {
            continue;
        }
        out.push(s.clone());
    }
    // The order: the stored one (so every tab comes to the same), with this tab's new
    // scenarios after the one they follow here, and each copy after its original.
    let mut order: Vec<u64> = stored
        .scenarios
        .iter()
        .map(|s| s.uid)
        .filter(|u| out.iter().any(|s| s.uid == *u))
        .collect();
    let mut at = 0;
    for m in &mine.scenarios {
        match order.iter().position(|u| *u == m.uid) {
            Some(i) => at = i + 1,
            None if out.iter().any(|s| s.uid == m.uid) => {
                order.insert(at, m.uid);
                at += 1;
            }
            None => {}
        }
    }
    for (original, copy) in &copies {
        let i = order
            .iter()
            .position(|u| u == original)
            .map_or(order.len(), |i| i + 1);
        order.insert(i, copy.uid);
    }
    out.extend(copies.into_iter().map(|(_, c)| c));
    let mut out: Vec<Saved> = order
        .iter()
        .filter_map(|u| out.iter().find(|s| s.uid == *u).cloned())
        .collect();
    out.truncate(MAX_SCENARIOS);
    let mut deleted: Vec<u64> = Vec::new();
    let gone = stored
        .deleted
        .iter()
        .chain(&base.deleted)
        .chain(&mine.deleted)
        .copied()
        .chain(
            base.scenarios
                .iter()
                .map(|s| s.uid)
                .filter(|&u| mine_deleted(u)),
        );
    for d in gone {
        if !deleted.contains(&d) && !out.iter().any(|s| s.uid == d) {
            deleted.push(d);
        }
    }
    if deleted.len() > MAX_DELETED {
        deleted.drain(..deleted.len() - MAX_DELETED);
    }
    if !out.iter().any(|s| s.uid == current) {
        current = out.first().map_or(0, |s| s.uid);
    }
    Book {
        scenarios: out,
        current,
        deleted,
    }
}

/// A new id from `seed` that is not 0 and not in `taken` (splitmix64).
pub fn fresh_uid(seed: u64, taken: &[u64]) -> u64 {
    let mut x = seed;
    loop {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        if z != 0 && !taken.contains(&z) {
            return z;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            ..Scenario::default()
        }
    }

    #[test]
    fn round_trips_every_scenario_and_the_open_one() {
        let mut a = named("A <b>đậm</b>");
        a.notes = "Ghi chú \"có\" ngoặc\nvà dòng mới".into();
        a.overrides.lines.insert(
            "swim".into(),
            crate::scenario::LineOverride {
                unit_cost: Some(crate::Tri {
                    low: crate::Money(500_000),
                    mode: crate::Money(650_000),
                    high: crate::Money(900_000),
                }),
                ..Default::default()
            },
        );
        let set = vec![a, Scenario::default_for("dien-bien"), named("C")];
        let text = write(&set, 1);
        assert!(text.starts_with("kehoach-book 2\ncurrent 0000000000000002\ndeleted\n"));
        let r = read(&text).expect("reads back");
        assert_eq!(r.scenarios, set);
        assert_eq!((r.current, r.dropped), (1, 0));
    }

    #[test]
    fn damaged_text_is_reported_not_fatal() {
        assert!(matches!(read("{not json"), Err(Corrupt::Unreadable(_))));
        assert!(matches!(read(""), Err(Corrupt::Unreadable(_))));
        assert!(matches!(
            read("kehoach-book 1\n"),
            Err(Corrupt::Unreadable(_))
        ));
        assert_eq!(
            read("kehoach-book 9\ncurrent 0\n"),
            Err(Corrupt::FutureVersion(9))
        );
        assert!(matches!(
            read("kehoach-book 0\ncurrent 0\n"),
            Err(Corrupt::Unreadable(_))
        ));
        assert_eq!(
            read("kehoach-book 1\ncurrent 0\nAXja-broken\n"),
            Err(Corrupt::NothingValid)
        );
        assert_eq!(
            read("kehoach-book 1\ncurrent 0\n"),
            Err(Corrupt::NothingValid)
        );
        // One damaged scenario among good ones: the good ones stay, the open one stays open.
        let good = crate::encode(&named("Tốt"));
        let cut = good[..good.len() / 2].to_string();
        let text = format!(
            "kehoach-book 1\ncurrent 3\n{good}\n{cut}\n<script>\n{}\n",
            crate::encode(&named("Mở"))
        );
        let r = read(&text).expect("partly readable");
        assert_eq!(r.dropped, 2);
        assert_eq!(
            r.scenarios
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>(),
            ["Tốt", "Mở"]
        );
        assert_eq!(r.current, 1, "the open one is still open");
        // The open one damaged: the nearest earlier one opens.
        let text = format!("kehoach-book 1\ncurrent 2\n{good}\n{cut}\n{cut}\n");
        assert_eq!(read(&text).expect("readable").current, 0);
        // A huge `current` opens the last one.
        let text = format!(
            "kehoach-book 1\ncurrent 99999999999999\n{}\n{}\n",
            crate::encode(&named("A")),
            crate::encode(&named("B"))
        );
        assert_eq!(read(&text).expect("readable").current, 1);
        // Anything at all, never a panic.
        for junk in [
            "null",
            "kehoach-book",
            "kehoach-book x\ncurrent 0",
            "kehoach-book 1\ncurrent 99999999999999999999999\n",
            "kehoach-book 1\ncurrent -1\nAAAA",
            "\u{0}\u{1}",
        ] {
            assert!(read(junk).is_err(), "{junk}");
        }
    }

    #[test]
    fn at_most_the_cap_is_read() {
        let many: Vec<Scenario> = (0..MAX_SCENARIOS + 3)
            .map(|i| named(&i.to_string()))
            .collect();
        let r = read(&write(&many, 0)).expect("readable");
        assert_eq!(r.scenarios.len(), MAX_SCENARIOS);
        assert_eq!(r.dropped, 3);
    }

    fn book(items: &[(u64, u32, &str)], current: u64) -> Book {
        Book {
            scenarios: items
                .iter()
                .map(|&(uid, rev, name)| Saved {
                    uid,
                    rev,
                    scenario: named(name),
                })
                .collect(),
            current,
            deleted: Vec::new(),
        }
    }

    fn names(b: &Book) -> Vec<&str> {
        b.scenarios
            .iter()
            .map(|s| s.scenario.name.as_str())
            .collect()
    }

    /// `mine` as the app builds it: this tab's scenarios with the revisions of its base.
    fn edited(base: &Book, f: impl FnOnce(&mut Vec<Saved>)) -> Book {
        let mut b = base.clone();
        f(&mut b.scenarios);
        b
    }

    fn rename(list: &mut [Saved], uid: u64, name: &str) {
        if let Some(s) = list.iter_mut().find(|s| s.uid == uid) {
            s.scenario.name = name.into();
        }
    }

    #[test]
    fn a_book_round_trips_with_ids_revisions_and_deletions() {
        let mut b = book(&[(0xabc, 3, "Một"), (u64::MAX, 0, "Hai"), (7, 1, "Ba")], 7);
        b.deleted = vec![1, 0xdead_beef];
        let r = read(&write_book(&b)).expect("reads back");
        assert_eq!(r.book, b);
        assert_eq!((r.current, r.dropped), (2, 0));
        assert_eq!(names(&r.book), ["Một", "Hai", "Ba"]);
    }

    #[test]
    fn version_1_text_still_opens_with_ids_in_order() {
        let v1 = format!(
            "kehoach-book 1\ncurrent 1\n{}\n{}\n",
            crate::encode(&named("A")),
            crate::encode(&named("B"))
        );
        let r = read(&v1).expect("v1 reads");
        assert_eq!(r.book, book(&[(1, 0, "A"), (2, 0, "B")], 2));
        assert_eq!(r.current, 1);
    }

    #[test]
    fn damaged_version_2_lines_are_dropped_and_duplicate_ids_too() {
        let good = crate::encode(&named("Tốt"));
        let text = format!(
            "kehoach-book 2\ncurrent 0000000000000005\ndeleted zz 10\n5 1 {good}\n5 2 {good}\n0 1 {good}\nx 1 {good}\n6 -1 {good}\n7 1\n8 1 {}\n",
            &good[..good.len() / 2]
        );
        let r = read(&text).expect("partly readable");
        assert_eq!(r.book.scenarios.len(), 1);
        assert_eq!(r.dropped, 6);
        assert_eq!(r.book.deleted, vec![0x10]);
        assert!(matches!(
            read("kehoach-book 2\ncurrent 1\n"),
            Err(Corrupt::Unreadable(_))
        ));
    }

    #[test]
    fn edits_to_different_scenarios_in_two_tabs_both_survive() {
        let base = book(&[(1, 0, "A"), (2, 0, "B")], 1);
        // Tab one renames A and writes first (the storage still held `base`).
        let one = edited(&base, |l| rename(l, 1, "A1"));
        let stored = merge(&base, &one, &base, Lang::Vi);
        assert_eq!(names(&stored), ["A1", "B"]);
        assert_eq!(stored.get(1).map(|s| s.rev), Some(1));
        // Tab two, still on `base`, renames B and adds C.
        let mut two = edited(&base, |l| rename(l, 2, "B2"));
        two.scenarios.push(Saved {
            uid: 9,
            rev: 0,
            scenario: named("C"),
        });
        let after = merge(&stored, &two, &base, Lang::Vi);
        assert_eq!(names(&after), ["A1", "B2", "C"]);
        assert_eq!(after.current, 1);
        // Tab one then reads it: nothing changes any more.
        let again = merge(&after, &stored, &stored, Lang::Vi);
        assert_eq!(names(&again), ["A1", "B2", "C"]);
        assert_eq!(merge(&again, &again, &again, Lang::Vi), again);
    }

    #[test]
    fn the_same_scenario_edited_in_two_tabs_keeps_both_versions() {
        let base = book(&[(1, 0, "A"), (2, 0, "B")], 2);
        let one = edited(&base, |l| rename(l, 2, "B một"));
        let stored = merge(&base, &one, &base, Lang::Vi);
        let two = edited(&base, |l| rename(l, 2, "B hai"));
        let after = merge(&stored, &two, &base, Lang::Vi);
        assert_eq!(names(&after), ["A", "B một", "B hai (bản sao)"]);
        // The later tab keeps its own version open: the copy.
        assert_eq!(after.current, after.scenarios[2].uid);
        assert!(![0, 1, 2].contains(&after.current));
        let en = merge(&stored, &two, &base, Lang::En);
        assert_eq!(names(&en)[2], "B hai (copy)");
        // The copy's name never passes the limit.
        let long: String = "x".repeat(MAX_NAME);
        let two = edited(&base, |l| rename(l, 2, &long));
        let after = merge(&stored, &two, &base, Lang::Vi);
        assert_eq!(after.scenarios[2].scenario.name.chars().count(), MAX_NAME);
    }

    #[test]
    fn a_stale_write_does_not_take_back_a_newer_version() {
        // Tab one wrote A1 (rev 1); tab two, which had not read it, wrote the old A back.
        let base = book(&[(1, 0, "A")], 1);
        let one = edited(&base, |l| rename(l, 1, "A1"));
        let written = merge(&base, &one, &base, Lang::Vi);
        let stale = base.clone();
        // Tab one reads the stale text: its newer version stays (and is written again).
        let healed = merge(&stale, &written, &written, Lang::Vi);
        assert_eq!(names(&healed), ["A1"]);
        assert_eq!(healed.scenarios[0].rev, 1);
    }

    #[test]
    fn a_version_written_over_by_a_tab_that_had_not_read_it_is_kept() {
        // Tab one wrote A1 (rev 1); tab two read the storage before A1 reached it, and wrote
        // A2 under the same revision.
        let base = book(&[(1, 0, "A")], 1);
        let one = edited(&base, |l| rename(l, 1, "A1"));
        let written_one = merge(&base, &one, &base, Lang::Vi);
        let two = edited(&base, |l| rename(l, 1, "A2"));
        let written_two = merge(&base, &two, &base, Lang::Vi);
        assert_eq!(written_two.scenarios[0].rev, written_one.scenarios[0].rev);
        // Tab one hears of it: both versions stay, and tab two agrees without another copy.
        let healed = merge(&written_two, &written_one, &written_one, Lang::Vi);
        assert_eq!(names(&healed), ["A2", "A1 (bản sao)"]);
        let at_two = merge(&healed, &written_two, &written_two, Lang::Vi);
        assert_eq!(at_two.scenarios, healed.scenarios);
    }

    #[test]
    fn a_scenario_added_elsewhere_is_not_taken_for_a_deletion() {
        // Tab one added C and wrote; tab two wrote from text that did not have C yet.
        let base = book(&[(1, 0, "A")], 1);
        let mut one = base.clone();
        one.scenarios.push(Saved {
            uid: 3,
            rev: 0,
            scenario: named("C"),
        });
        let written = merge(&base, &one, &base, Lang::Vi);
        let two = edited(&base, |l| rename(l, 1, "A2"));
        let stale_write = merge(&base, &two, &base, Lang::Vi);
        // Tab one reads tab two's text: C stays, A2 arrives.
        let healed = merge(&stale_write, &written, &written, Lang::Vi);
        assert_eq!(names(&healed), ["A2", "C"]);
    }

    #[test]
    fn deletions_travel_unless_the_other_tab_changed_it() {
        let base = book(&[(1, 0, "A"), (2, 0, "B")], 1);
        let one = edited(&base, |l| l.retain(|s| s.uid != 2));
        let stored = merge(&base, &one, &base, Lang::Vi);
        assert_eq!(names(&stored), ["A"]);
        assert_eq!(stored.deleted, vec![2]);
        // A tab that did not touch B lets it go.
        let two = base.clone();
        assert_eq!(names(&merge(&stored, &two, &base, Lang::Vi)), ["A"]);
        // A tab that changed B keeps it.
        let two = edited(&base, |l| rename(l, 2, "B đã sửa"));
        let kept = merge(&stored, &two, &base, Lang::Vi);
        assert_eq!(names(&kept), ["A", "B đã sửa"]);
        assert!(kept.deleted.is_empty());
        // Deleted here while changed elsewhere: the change stays.
        let edited_elsewhere = merge(
            &base,
            &edited(&base, |l| rename(l, 2, "B'")),
            &base,
            Lang::Vi,
        );
        let here = edited(&base, |l| l.retain(|s| s.uid != 2));
        assert_eq!(
            names(&merge(&edited_elsewhere, &here, &base, Lang::Vi)),
            ["A", "B'"]
        );
        // Everything deleted: an empty book (the app then shows a default).
        let none = edited(&base, Vec::clear);
        let empty = merge(&base, &none, &base, Lang::Vi);
        assert!(empty.scenarios.is_empty());
        assert_eq!(empty.current, 0);
    }

    #[test]
    fn fresh_ids_are_never_zero_nor_taken() {
        let a = fresh_uid(0, &[]);
        assert_ne!(a, 0);
        let b = fresh_uid(0, &[a]);
        assert!(b != a && b != 0);
        assert_eq!(fresh_uid(42, &[]), fresh_uid(42, &[]));
    }

    /// Two tabs and the storage, driven by a random sequence of edits, additions,
    /// deletions and saves (each save merges into what is stored, as the app does, and
    /// the other tab may hear of it or not).
    mod tabs {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Op {
            Rename { tab: usize, pick: usize },
            Add { tab: usize },
            Delete { tab: usize, pick: usize },
            Save { tab: usize, heard: bool },
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                4 => (0..2usize, 0..8usize).prop_map(|(tab, pick)| Op::Rename { tab, pick }),
                1 => (0..2usize).prop_map(|tab| Op::Add { tab }),
                1 => (0..2usize, 0..8usize).prop_map(|(tab, pick)| Op::Delete { tab, pick }),
                4 => (0..2usize, any::<bool>()).prop_map(|(tab, heard)| Op::Save { tab, heard }),
            ]
        }

        struct Tab {
            mine: Book,
            base: Book,
        }

        impl Tab {
            /// Saves: merge into the storage, write, take the merged set.
            fn save(&mut self, stored: &mut Book) {
                let merged = merge(stored, &self.mine, &self.base, Lang::Vi);
                *stored = merged.clone();
                self.base = merged.clone();
                self.mine = merged;
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn tabs_converge_and_no_saved_name_is_lost(ops in proptest::collection::vec(op(), 1..40)) {
                let start = book(&[(1, 0, "A"), (2, 0, "B")], 1);
                let mut stored = start.clone();
                let mut tabs = [
                    Tab { mine: start.clone(), base: start.clone() },
                    Tab { mine: start.clone(), base: start.clone() },
                ];
                let mut counter = 0u32;
                // Names each tab gave and did not delete: each must survive (as itself or
                // as a copy of itself).
                let mut given: Vec<String> = Vec::new();
                let mut deleted: Vec<u64> = Vec::new();
                for op in ops {
                    match op {
                        Op::Rename { tab, pick } => {
                            let list = &mut tabs[tab].mine.scenarios;
                            if !list.is_empty() {
                                counter += 1;
                                let name = format!("n{counter}");
                                let i = pick % list.len();
                                list[i].scenario.name = name.clone();
                                given.push(name);
                            }
                        }
                        Op::Add { tab } => {
                            counter += 1;
                            let name = format!("n{counter}");
                            let uid = 1000 + u64::from(counter);
                            tabs[tab].mine.scenarios.push(Saved { uid, rev: 0, scenario: named(&name) });
                            given.push(name);
                        }
                        Op::Delete { tab, pick } => {
                            let list = &mut tabs[tab].mine.scenarios;
                            if !list.is_empty() {
                                let i = pick % list.len();
                                deleted.push(list.remove(i).uid);
                            }
                        }
                        Op::Save { tab, heard } => {
                            tabs[tab].save(&mut stored);
                            if heard {
                                tabs[1 - tab].save(&mut stored);
                            }
                        }
                    }
                }
                // Everyone saves twice: the tabs agree and nothing changes any more.
                for _ in 0..2 {
                    for t in &mut tabs {
                        t.save(&mut stored);
                    }
                }
                prop_assert_eq!(&tabs[0].mine.scenarios, &tabs[1].mine.scenarios);
                prop_assert_eq!(&tabs[0].mine.scenarios, &stored.scenarios);
                let again = merge(&stored, &tabs[0].mine, &tabs[0].base, Lang::Vi);
                prop_assert_eq!(&again.scenarios, &stored.scenarios);
                // A name given to a scenario no tab deleted is still there, maybe as a copy,
                // unless a later name replaced it in the same scenario.
                let names: Vec<&str> = stored.scenarios.iter().map(|s| s.scenario.name.as_str()).collect();
                let mut uids: Vec<u64> = stored.scenarios.iter().map(|s| s.uid).collect();
                uids.sort_unstable();
                uids.dedup();
                prop_assert_eq!(uids.len(), stored.scenarios.len(), "ids are unique");
                prop_assert!(stored.scenarios.len() <= MAX_SCENARIOS);
                if deleted.is_empty() {
                    // Without deletions, the newest name each tab gave survives.
                    if let Some(last) = given.last() {
                        prop_assert!(names.iter().any(|n| n.starts_with(last.as_str())), "{} lost from {:?}", last, names);
                    }
                }
            }
        }
    }
}
