//! The autosave text of a working set of scenarios: what the app keeps in the browser's
//! storage between visits. Pure text in and out; the app's `platform::storage` stores it.
//!
//! # Format (version 1)
//! ```text
//! kehoach-book 1
//! current 2
//! <share code of scenario 0>
//! <share code of scenario 1>
//! …
//! ```
//! A first line `kehoach-book` and the format version, a line `current N` (the scenario
//! that was open, from 0), then one line per scenario in order, each its share code
//! ([`crate::encode`]: compact, checksummed and exact — `decode(encode(s)) == s`). About
//! 160 characters a scenario, and no JSON reader for scenarios in the app's first load.
//!
//! Reading never panics: a line that does not decode is dropped (and counted), at most
//! [`MAX_SCENARIOS`] are read, and anything else wrong makes the whole text [`Corrupt`].

use crate::scenario::Scenario;

/// Version of the format [`write`] writes.
pub const VERSION: u32 = 1;
/// Most scenarios read back (the app's working set holds no more).
pub const MAX_SCENARIOS: usize = 50;
/// First word of the text.
const MAGIC: &str = "kehoach-book";

/// The working set as autosave text: the scenarios in order and the index of the open one.
pub fn write<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>, current: usize) -> String {
    let mut out = format!("{MAGIC} {VERSION}\ncurrent {current}\n");
    for s in scenarios {
        out.push_str(&crate::encode(s));
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

/// Reads autosave text (see the module docs).
pub fn read(text: &str) -> Result<Restored, Corrupt> {
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default();
    let version = head
        .strip_prefix(MAGIC)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or_else(|| Corrupt::Unreadable(head.chars().take(40).collect()))?;
    if version != VERSION {
        return Err(if version > VERSION {
            Corrupt::FutureVersion(version)
        } else {
            Corrupt::Unreadable(format!("version {version}"))
        });
    }
    let open = lines
        .next()
        .and_then(|l| l.strip_prefix("current "))
        .and_then(|n| n.trim().parse::<u64>().ok())
        .ok_or_else(|| Corrupt::Unreadable("no current line".into()))?;
    let mut total = 0;
    let mut scenarios = Vec::new();
    let mut current = 0;
    for (i, code) in lines.map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        total += 1;
        if scenarios.len() >= MAX_SCENARIOS {
            continue;
        }
        if let Ok(s) = crate::decode(code) {
            if i as u64 <= open {
                current = scenarios.len();
            }
            scenarios.push(s);
        }
    }
    if scenarios.is_empty() {
        return Err(Corrupt::NothingValid);
    }
    Ok(Restored {
        dropped: total - scenarios.len(),
        scenarios,
        current,
    })
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
        assert!(text.starts_with("kehoach-book 1\ncurrent 1\n"));
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
        let text =
            write(&[named("A"), named("B")], 1).replace("current 1", "current 99999999999999");
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
}
