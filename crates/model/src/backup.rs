//! The backup file: the whole working set as one JSON file, saved by the person (the
//! scenario menu's "save a backup file", or the notice when the browser refused to store
//! the work) and read back by the export panel's import field. It restores the working set
//! exactly: the same scenarios, to the last digit, in the same order, the same one open.
//!
//! ```json
//! {"format": "kehoach-backup", "version": 1, "current": 0, "scenarios": [scenario, …]}
//! ```
//! Each scenario is in the format of `docs/scenario.md` (as the one-scenario JSON export
//! and the workshop pack's file).

use serde::{Deserialize, Serialize};

use crate::autosave::MAX_SCENARIOS;
use crate::scenario::Scenario;

/// The `format` field of a backup file.
pub const FORMAT: &str = "kehoach-backup";
/// The `version` this build writes and reads.
pub const VERSION: u32 = 1;
/// Largest backup file read, in bytes (50 scenarios with the longest notes fit in a tenth).
pub const MAX_BACKUP_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u32,
    current: usize,
    scenarios: Vec<Scenario>,
}

/// A working set read from a backup file.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// The scenarios, 1 to [`MAX_SCENARIOS`], each valid.
    pub scenarios: Vec<Scenario>,
    /// Index of the open one.
    pub current: usize,
}

/// The backup file of a working set (pretty JSON).
pub fn to_json<'a>(scenarios: impl IntoIterator<Item = &'a Scenario>, current: usize) -> String {
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        current,
        scenarios: scenarios.into_iter().cloned().collect(),
    };
    // Plain structs, maps with string keys and finite numbers: serialising cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Whether a file's text claims to be a backup file (then [`from_json`] reads it, not the
/// one-scenario import).
pub fn is_backup(text: &str) -> bool {
    let head: String = text.chars().take(200).collect();
    head.contains("\"format\"") && head.contains(FORMAT)
}

/// Reads a backup file. Never panics; every scenario returned is valid. The error is a
/// short technical reason (the app puts it in a sentence of the words catalogue).
pub fn from_json(text: &str) -> Result<Backup, String> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(format!("{} bytes, at most {MAX_BACKUP_BYTES}", text.len()));
    }
    let text = text.trim_start_matches('\u{feff}');
    let file: File = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if file.format != FORMAT {
        return Err(format!("format {:?}, expected {FORMAT:?}", file.format));
    }
    if file.version == 0 || file.version > VERSION {
        return Err(format!(
            "version {}, this app reads {VERSION}",
            file.version
        ));
    }
    if file.scenarios.is_empty() || file.scenarios.len() > MAX_SCENARIOS {
        return Err(format!(
            "{} scenarios, expected 1 to {MAX_SCENARIOS}",
            file.scenarios.len()
        ));
    }
    let mut scenarios = Vec::with_capacity(file.scenarios.len());
    for (i, s) in file.scenarios.into_iter().enumerate() {
        let s = s.migrated();
        s.validate()
            .map_err(|e| format!("scenario {}: {e}", i + 1))?;
        scenarios.push(s);
    }
    Ok(Backup {
        current: file.current.min(scenarios.len() - 1),
        scenarios,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{LineOverride, MAX_NAME, MAX_NOTES};
    use crate::{Money, Tri};

    fn awkward(i: usize) -> Scenario {
        let mut s = Scenario::default_for(if i % 2 == 0 { "dien-bien" } else { "lai-chau" });
        s.name = format!("Kịch bản {i} <b>\"đậm\"</b> {}", "ơ".repeat(MAX_NAME))
            .chars()
            .take(MAX_NAME)
            .collect();
        s.notes = "Ghi chú\nnhiều dòng \u{1F30A} "
            .repeat(MAX_NOTES)
            .chars()
            .take(MAX_NOTES)
            .collect();
        s.overrides.lines.insert(
            "swim".into(),
            LineOverride {
                unit_cost: Some(Tri {
                    low: Money(500_001 + i as i64),
                    mode: Money(650_003),
                    high: Money(900_007),
                }),
                ..Default::default()
            },
        );
        s
    }

    #[test]
    fn a_backup_restores_the_working_set_exactly() {
        let set: Vec<Scenario> = (0..MAX_SCENARIOS).map(awkward).collect();
        let text = to_json(&set, 17);
        assert!(is_backup(&text));
        let back = from_json(&text).expect("reads back");
        assert_eq!(back.scenarios, set);
        assert_eq!(back.current, 17);
        // With a byte-order mark too (some editors add one).
        assert_eq!(from_json(&format!("\u{feff}{text}")), Ok(back));
    }

    #[test]
    fn other_files_and_damaged_backups_are_refused_with_a_reason() {
        assert!(!is_backup(&crate::pack::to_json(
            &crate::pack::Pack::new("", vec![Scenario::default()]).expect("valid")
        )));
        assert!(from_json("{").is_err());
        assert!(from_json("null").is_err());
        let one = to_json(&[Scenario::default()], 0);
        assert!(from_json(&one.replace("\"version\": 1", "\"version\": 9")).is_err());
        assert!(from_json(&one.replace(FORMAT, "kehoach-pack")).is_err());
        let none = to_json(&[], 0);
        assert!(from_json(&none).is_err());
        let many: Vec<Scenario> = vec![Scenario::default(); MAX_SCENARIOS + 1];
        assert!(from_json(&to_json(&many, 0)).is_err());
        let bad = Scenario {
            name: "x".repeat(MAX_NAME + 1),
            ..Scenario::default()
        };
        let e = from_json(&to_json(&[bad], 0)).expect_err("invalid scenario");
        assert!(e.starts_with("scenario 1:"), "{e}");
        assert!(from_json(&" ".repeat(MAX_BACKUP_BYTES + 1)).is_err());
        // A current beyond the end opens the last.
        let two = to_json(&[Scenario::default(), awkward(1)], 0)
            .replace("\"current\": 0", "\"current\": 99");
        assert_eq!(from_json(&two).map(|b| b.current), Ok(1));
    }
}
