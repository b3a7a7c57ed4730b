//! The working set of named scenarios (the "book"): its actions (new, duplicate, rename,
//! delete, select, open a shared link as a copy, import), the pure reducer behind them, the
//! autosave format, and the problems of an imported file (read by the file worker).
//!
//! Nothing here touches the browser: `platform::storage` stores the text [`to_json`] makes
//! and hands back what [`from_json`] reads.

use std::rc::Rc;

use model::codec::LinkError;
use model::{Scenario, ScenarioError};

use super::{AppState, Entry, Notice, Rejected, project};

/// Most scenarios one working set holds (keeps the autosave well inside localStorage's quota).
pub const MAX_ENTRIES: usize = 50;
/// Version of the autosave format ([`to_json`]).
pub const BOOK_VERSION: u32 = 1;
/// Largest import file read, bytes (a scenario is a few KB).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// A change to the working set.
#[derive(Debug, Clone, PartialEq)]
pub enum BookAction {
    /// Add a fresh default plan for the current region and switch to it.
    New,
    /// Add a copy of a scenario (by entry id) after it and switch to the copy.
    Duplicate(u32),
    /// Rename a scenario (by entry id). Names are plain text, at most 120 characters.
    Rename {
        /// Entry id.
        id: u32,
        /// The new name (trimmed; an empty name is refused).
        name: String,
    },
    /// Remove a scenario. Removing the last one leaves a fresh default.
    Delete(u32),
    /// Switch to a scenario.
    Select(u32),
    /// A share link was opened: its scenario (added as a new copy, never over an existing
    /// one) or why it could not be read (the default scenario is shown with a notice).
    OpenShared(Result<Box<Scenario>, LinkError>),
    /// An imported file's scenario: added as a new copy and selected.
    Import(Box<Scenario>),
}

/// Applies a book action. Returns the same `Rc` when nothing changes.
pub fn reduce(state: Rc<AppState>, action: BookAction) -> Rc<AppState> {
    let lang = state.lang;
    match action {
        BookAction::New => {
            let mut s = Scenario::default_for(&state.scenario().region);
            s.name = unique_name(&state, lang.pick("Kịch bản mới", "New scenario"));
            add(state, s, None)
        }
        BookAction::Duplicate(id) => {
            let Some(i) = index_of(&state, id) else {
                return state;
            };
            let mut s = state.entries[i].scenario.clone();
            let base = format!("{} ({})", s.name.trim(), lang.pick("bản sao", "copy"));
            s.name = unique_name(&state, &clip_name(&base));
            add(state, s, Some(i + 1))
        }
        BookAction::Rename { id, name } => {
            let Some(i) = index_of(&state, id) else {
                return state;
            };
            let name = name.trim().to_string();
            if name.is_empty() || name == state.entries[i].scenario.name {
                return state;
            }
            let len = name.chars().count();
            let mut st = (*state).clone();
            if len > model::scenario::MAX_NAME {
                st.rejected = Some(Rejected {
                    field: "name".into(),
                    error: ScenarioError::TextTooLong {
                        field: "name".into(),
                        len: len as u32,
                        max: model::scenario::MAX_NAME as u32,
                    },
                });
                return Rc::new(st);
            }
            // A name changes no figure: the projection and its uncertainty stay valid.
            st.entries[i].scenario.name = name;
            Rc::new(st)
        }
        BookAction::Delete(id) => {
            let Some(i) = index_of(&state, id) else {
                return state;
            };
            let mut st = (*state).clone();
            st.entries.remove(i);
            let was_current = i == st.current;
            if st.entries.is_empty() {
                st.entries.push(Entry {
                    id: next_id(&state),
                    scenario: Scenario::default(),
                });
            }
            if i < st.current {
                st.current -= 1;
            }
            st.current = st.current.min(st.entries.len() - 1);
            if was_current {
                switched(&mut st);
            }
            Rc::new(st)
        }
        BookAction::Select(id) => match index_of(&state, id) {
            Some(i) if i != state.current => {
                let mut st = (*state).clone();
                st.current = i;
                switched(&mut st);
                Rc::new(st)
            }
            _ => state,
        },
        BookAction::OpenShared(Ok(s)) => {
            let mut s = *s;
            s.name = unique_name(&state, &s.name);
            let name = s.name.clone();
            let before = state.entries.len();
            let mut st = add(state, s, None);
            if st.entries.len() > before {
                Rc::make_mut(&mut st).notice = Some(Notice::LinkOpened(name));
            }
            st
        }
        BookAction::OpenShared(Err(e)) => {
            let default = Scenario::default();
            let mut st = match state.entries.iter().position(|e| e.scenario == default) {
                Some(i) if i == state.current => (*state).clone(),
                Some(i) => {
                    let mut st = (*state).clone();
                    st.current = i;
                    switched(&mut st);
                    st
                }
                None => (*add(state, default, None)).clone(),
            };
            st.notice = Some(Notice::BadLink(e));
            Rc::new(st)
        }
        BookAction::Import(s) => {
            let mut s = *s;
            s.name = unique_name(&state, &s.name);
            let name = s.name.clone();
            let before = state.entries.len();
            let mut st = add(state, s, None);
            if st.entries.len() > before {
                Rc::make_mut(&mut st).notice = Some(Notice::Text {
                    vi: format!("Đã nhập kịch bản “{name}” thành một bản mới."),
                    en: format!("Imported the scenario “{name}” as a new copy."),
                });
            }
            st
        }
    }
}

/// The entry index of an id.
fn index_of(state: &AppState, id: u32) -> Option<usize> {
    state.entries.iter().position(|e| e.id == id)
}

fn next_id(state: &AppState) -> u32 {
    state
        .entries
        .iter()
        .map(|e| e.id)
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// Adds a valid scenario at `at` (default: the end) and switches to it. A full book or an
/// invalid scenario leaves everything as it was, with a notice.
fn add(state: Rc<AppState>, scenario: Scenario, at: Option<usize>) -> Rc<AppState> {
    if state.entries.len() >= MAX_ENTRIES {
        let mut st = (*state).clone();
        st.notice = Some(Notice::Text {
            vi: format!(
                "Đã có {MAX_ENTRIES} kịch bản, là mức tối đa. Hãy xóa bớt kịch bản không dùng để thêm kịch bản mới."
            ),
            en: format!(
                "There are already {MAX_ENTRIES} scenarios, the most this app keeps. Delete one you no longer need to add another."
            ),
        });
        return Rc::new(st);
    }
    if let Err(error) = scenario.validate() {
        let mut st = (*state).clone();
        st.rejected = Some(Rejected {
            field: "scenario".into(),
            error,
        });
        return Rc::new(st);
    }
    let id = next_id(&state);
    let mut st = (*state).clone();
    let at = at.unwrap_or(st.entries.len()).min(st.entries.len());
    st.entries.insert(at, Entry { id, scenario });
    st.current = at;
    switched(&mut st);
    Rc::new(st)
}

/// The current scenario changed: new projection, new generation, no stale refusal.
fn switched(st: &mut AppState) {
    st.current = st.current.min(st.entries.len().saturating_sub(1));
    st.projection = project(st.scenario());
    st.generation += 1;
    st.rejected = None;
}

/// `base` if no scenario has that name, else `base (2)`, `base (3)`…
pub fn unique_name(state: &AppState, base: &str) -> String {
    let base = base.trim();
    let taken = |n: &str| state.entries.iter().any(|e| e.scenario.name == n);
    if !taken(base) {
        return base.to_string();
    }
    for k in 2..=(MAX_ENTRIES as u32 + 2) {
        let suffix = format!(" ({k})");
        let keep = model::scenario::MAX_NAME.saturating_sub(suffix.chars().count());
        let head: String = base.chars().take(keep).collect();
        let candidate = format!("{}{suffix}", head.trim_end());
        if !taken(&candidate) {
            return candidate;
        }
    }
    base.to_string()
}

fn clip_name(s: &str) -> String {
    s.chars().take(model::scenario::MAX_NAME).collect()
}

// ---- Autosave format -----------------------------------------------------------------

/// First line of the autosave text, followed by the format version.
const BOOK_MAGIC: &str = "kehoach-book";

/// The working set as autosave text: a first line `kehoach-book 1`, a line `current N` (the
/// open one), then one line per scenario in order, each its share code (`model::encode`:
/// compact, checksummed and exact — `decode(encode(s)) == s`). About 160 characters a
/// scenario, and no JSON reader for scenarios in the first load.
pub fn to_json(entries: &[Entry], current: usize) -> String {
    let mut out = format!("{BOOK_MAGIC} {BOOK_VERSION}\ncurrent {current}\n");
    for e in entries {
        out.push_str(&model::encode(&e.scenario));
        out.push('\n');
    }
    out
}

/// A working set read back from autosave text.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The valid scenarios, in order.
    pub scenarios: Vec<Scenario>,
    /// Index of the open one (within `scenarios`).
    pub current: usize,
    /// Scenarios that could not be read and were left out.
    pub dropped: usize,
}

/// Why saved text could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Corrupt {
    /// Not the autosave format (damaged, edited, or from another program).
    Unreadable(String),
    /// Written by a newer version of the app.
    FutureVersion(u32),
    /// Readable, but no scenario in it is valid.
    NothingValid,
}

/// Reads autosave text. Scenarios that do not decode are dropped one by one (counted in
/// `dropped`); anything else wrong makes the whole text [`Corrupt`].
pub fn from_json(text: &str) -> Result<Restored, Corrupt> {
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default();
    let version = head
        .strip_prefix(BOOK_MAGIC)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or_else(|| Corrupt::Unreadable(clip_text(head)))?;
    if version != BOOK_VERSION {
        return Err(if version > BOOK_VERSION {
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
        if scenarios.len() >= MAX_ENTRIES {
            continue;
        }
        if let Ok(s) = model::decode(code) {
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

fn clip_text(s: &str) -> String {
    s.chars().take(40).collect()
}

// ---- Import ----------------------------------------------------------------------------

/// One thing wrong with an imported file, placed by field.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    /// The scenario field ("allocation.swim", "budget.2027.central", "region", …), or
    /// "file" when the file itself cannot be read.
    pub field: String,
    /// The message in the user's language.
    pub message: String,
}

impl ImportProblem {
    /// Reads the file worker's answer to an import: `ok\n<share code>`, or `err\n` then one
    /// `field<TAB>message` line per problem (see `kehoach_xlsx::reply_import`).
    pub fn read_reply(reply: &str) -> Result<String, Vec<ImportProblem>> {
        if let Some(code) = reply.strip_prefix("ok\n") {
            return Ok(code.trim().to_string());
        }
        let body = reply.strip_prefix("err\n").unwrap_or(reply);
        let problems: Vec<ImportProblem> = body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| match l.split_once('\t') {
                Some((field, message)) => ImportProblem {
                    field: field.to_string(),
                    message: message.to_string(),
                },
                None => ImportProblem {
                    field: "file".into(),
                    message: l.to_string(),
                },
            })
            .collect();
        Err(problems)
    }
}

/// A file name for a scenario: its name in ASCII letters and digits (Vietnamese letters
/// lose their marks), joined by `-`, at most 60 characters; "kich-ban" when nothing is left.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = fold_vietnamese(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "kich-ban".into()
    } else {
        out
    }
}

/// A Vietnamese letter without its marks ('ế' → 'e', 'đ' → 'd'); other characters as is.
fn fold_vietnamese(c: char) -> char {
    const GROUPS: [(&str, char); 14] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'E'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'U'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or(c, |(_, base)| *base)
}
