//! The working set of named scenarios (the "book"): its actions (new, duplicate, rename,
//! delete, select, open a shared link as a copy, import) and the pure reducer behind them.
//! Adding and deleting a scenario are steps that can be undone ([`super::history`]); a
//! rename is a step of the renamed scenario.
//! The text it is saved as is `model::autosave`; `platform::storage` keeps that text.

use std::rc::Rc;

use model::codec::LinkError;
use model::words::Ui;
use model::{FieldPath, Scenario, ScenarioError};

use super::history::{BookChange, BookStep, StepKind};
use super::{AppState, Entry, NotAdded, Notice, Rejected};

/// Most scenarios one working set holds (keeps the autosave well inside localStorage's
/// quota; the autosave reader reads no more).
pub const MAX_ENTRIES: usize = model::autosave::MAX_SCENARIOS;

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
    /// A share link opened in the address bar (at start or pasted while open): as
    /// [`BookAction::OpenShared`], except that a fresh device's untouched default scenario
    /// gives way to the shared plan, and a phone shows its results first.
    OpenLink(Result<Box<Scenario>, LinkError>),
    /// An imported file's scenario: added as a new copy and selected.
    Import(Box<Scenario>),
    /// The working set as merged with what other tabs saved (`model::autosave::merge`):
    /// it replaces this tab's (scenarios keep their entry ids, and their undo steps).
    Synced(Box<model::autosave::Book>),
    /// A backup file was read: its scenarios replace the working set (its name for the
    /// notice).
    Restore(Box<model::backup::Backup>, String),
}

/// Applies a book action. Returns the same `Rc` when nothing changes.
pub fn reduce(state: Rc<AppState>, action: BookAction) -> Rc<AppState> {
    let lang = state.lang;
    match action {
        BookAction::New => {
            let mut s = Scenario::default_for(&state.scenario().region);
            s.name = unique_name(&state, Ui::NewScenarioName.get(lang));
            recorded_add(state, |st| add(st, s, None))
        }
        BookAction::Duplicate(id) => {
            let Some(i) = index_of(&state, id) else {
                return state;
            };
            let mut s = state.entries[i].scenario.clone();
            let base = Ui::CopyName.fill(lang, &[s.name.trim()]);
            s.name = unique_name(&state, &clip_name(&base));
            recorded_add(state, |st| add(st, s, Some(i + 1)))
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
                    field: FieldPath::Name,
                    error: ScenarioError::TextTooLong {
                        field: FieldPath::Name,
                        len: len as u32,
                        max: model::scenario::MAX_NAME as u32,
                    },
                });
                return Rc::new(st);
            }
            // A name changes no figure: the projection and its uncertainty stay valid.
            let before = std::mem::replace(&mut st.entries[i].scenario.name, name);
            let mut was = st.entries[i].scenario.clone();
            was.name = before;
            st.history.record(id, StepKind::Rename, was);
            Rc::new(st)
        }
        BookAction::Delete(id) => {
            let Some(i) = index_of(&state, id) else {
                return state;
            };
            let mut st = (*state).clone();
            let entry = remove_at(&mut st, i);
            let stacks = st.history.take(id);
            st.notice = Some(Notice::Deleted(entry.scenario.name.clone()));
            st.history
                .record_book(BookChange::Removed, i, entry, stacks);
            Rc::new(st)
        }
        BookAction::Select(id) => match index_of(&state, id) {
            Some(i) if i != state.current => state.with(|st| st.select(i)),
            _ => state,
        },
        BookAction::OpenLink(Ok(s)) => {
            // A fresh device (a phone opening its first link: the only scenario is the
            // untouched default, nothing to undo) gets the shared plan alone, not an extra
            // default tab beside it (issue 14).
            let pristine = state.entries.len() == 1
                && state.entries[0].scenario == Scenario::default()
                && state.history == super::history::History::default()
                && s.validate().is_ok();
            let mut st = if pristine {
                state.with(|st| {
                    let name = s.name.clone();
                    st.entries[0].scenario = *s;
                    st.select(0);
                    st.notice = Some(Notice::LinkOpened(name));
                    st.meaning_note = true;
                })
            } else {
                reduce(state, BookAction::OpenShared(Ok(s)))
            };
            // On a phone, a shared plan opens on its results (see `AppState::results_first`).
            if !st.results_first {
                Rc::make_mut(&mut st).results_first = true;
            }
            st
        }
        BookAction::OpenLink(Err(e)) => reduce(state, BookAction::OpenShared(Err(e))),
        BookAction::OpenShared(Ok(s)) => {
            // Every link is read as the current schema; the figures it gives may differ from
            // what its sender saw before deaths averted were counted over the lifetime.
            let mut st = add_copy(state, *s, Notice::LinkOpened);
            if !st.meaning_note {
                Rc::make_mut(&mut st).meaning_note = true;
            }
            st
        }
        BookAction::OpenShared(Err(e)) => {
            let default = Scenario::default();
            let mut st = match state.entries.iter().position(|e| e.scenario == default) {
                Some(i) if i == state.current => (*state).clone(),
                Some(i) => {
                    let mut st = (*state).clone();
                    st.select(i);
                    st
                }
                None => (*add(state, default, None)).clone(),
            };
            st.notice = Some(Notice::BadLink(e));
            Rc::new(st)
        }
        BookAction::Import(s) => recorded_add(state, |st| {
            add_copy(st, *s, |name| Notice::words(Ui::NoticeImported, name))
        }),
        BookAction::Synced(book) => synced(state, &book),
        BookAction::Restore(backup, file) => state.with(|st| {
            let mut entries = Vec::with_capacity(backup.scenarios.len());
            for scenario in backup.scenarios.into_iter().take(MAX_ENTRIES) {
                let id = st
                    .next_id()
                    .max(entries.iter().map(|e: &Entry| e.id + 1).max().unwrap_or(0));
                let taken: Vec<u64> = st.entries.iter().chain(&entries).map(|e| e.uid).collect();
                let uid = model::autosave::fresh_uid(
                    st.seed ^ u64::from(id).rotate_left(40) ^ 0x5eed,
                    &taken,
                );
                entries.push(Entry { id, uid, scenario });
            }
            if entries.is_empty() {
                return;
            }
            let n = entries.len();
            st.entries = entries;
            st.select(backup.current);
            st.notice = Some(Notice::Words(
                Ui::NoticeBackupRestored,
                vec![n.to_string(), file],
            ));
        }),
    }
}

/// This tab's working set replaced by the merged book: entries keep their ids by book id,
/// new ones get new ids; the open one is the book's; the projection follows when the open
/// scenario changed. An empty book leaves one fresh default scenario.
fn synced(state: Rc<AppState>, book: &model::autosave::Book) -> Rc<AppState> {
    let same = book.scenarios.len() == state.entries.len()
        && book
            .scenarios
            .iter()
            .zip(&state.entries)
            .all(|(b, e)| b.uid == e.uid && b.scenario == e.scenario);
    let open_uid = state.entries.get(state.current).map(|e| e.uid);
    if same && open_uid == Some(book.current) {
        return state;
    }
    let open_before = state.entries.get(state.current).cloned();
    state.with(|st| {
        let mut entries: Vec<Entry> = Vec::with_capacity(book.scenarios.len());
        let mut next = st.next_id();
        for b in book.scenarios.iter().take(MAX_ENTRIES) {
            if b.scenario.validate().is_err() {
                continue;
            }
            let id = match st.entries.iter().find(|e| e.uid == b.uid) {
                Some(e) => e.id,
                None => {
                    next += 1;
                    next - 1
                }
            };
            entries.push(Entry {
                id,
                uid: b.uid,
                scenario: b.scenario.clone(),
            });
        }
        if entries.is_empty() {
            let uid = st.new_uid(next);
            entries.push(Entry {
                id: next,
                uid,
                scenario: Scenario::default(),
            });
        }
        st.entries = entries;
        let current = st
            .entries
            .iter()
            .position(|e| e.uid == book.current)
            .unwrap_or(0);
        if st.entries.get(current) == open_before.as_ref() {
            st.current = current;
        } else {
            st.select(current);
        }
        if !same {
            st.notice = Some(Notice::words(Ui::NoticeSynced, ""));
        }
    })
}

/// Adds a scenario with `add` and, when one was added, records it as a step that can be
/// undone.
fn recorded_add(
    state: Rc<AppState>,
    add: impl FnOnce(Rc<AppState>) -> Rc<AppState>,
) -> Rc<AppState> {
    let before: Vec<u32> = state.entries.iter().map(|e| e.id).collect();
    let mut st = add(state);
    let added = st
        .entries
        .iter()
        .enumerate()
        .find(|(_, e)| !before.contains(&e.id))
        .map(|(i, e)| (i, e.clone()));
    if let Some((i, entry)) = added {
        Rc::make_mut(&mut st)
            .history
            .record_book(BookChange::Added, i, entry, Default::default());
    }
    st
}

/// Removes the entry at `i` (a valid index) and returns it; the open scenario stays open
/// unless it was the one removed; removing the last one leaves a fresh default.
fn remove_at(st: &mut AppState, i: usize) -> Entry {
    let next_id = st.next_id();
    let entry = st.entries.remove(i);
    let was_current = i == st.current;
    if st.entries.is_empty() {
        let uid = st.new_uid(next_id);
        st.entries.push(Entry {
            id: next_id,
            uid,
            scenario: Scenario::default(),
        });
    }
    if i < st.current {
        st.current -= 1;
    }
    st.current = st.current.min(st.entries.len() - 1);
    if was_current {
        st.select(st.current);
    }
    entry
}

/// Reverses a book step: for `undo`, an added scenario is removed and a removed one put
/// back where it was (and opened); otherwise (redo) the other way round. Returns the step
/// as it now stands (the scenario as it was when removed, with its own steps) and whether
/// it was reversed: not when the working set is full, or the scenario is gone (the step is
/// then returned unchanged).
pub(crate) fn reverse(st: &mut AppState, mut step: BookStep, undo: bool) -> (BookStep, bool) {
    let put_back = (step.change == BookChange::Removed) == undo;
    if put_back {
        if st.entries.len() >= MAX_ENTRIES || index_of(st, step.entry.id).is_some() {
            return (step, false);
        }
        let at = step.index.min(st.entries.len());
        st.entries.insert(at, step.entry.clone());
        st.history
            .put(step.entry.id, std::mem::take(&mut step.stacks));
        st.select(at);
        (step, true)
    } else {
        let Some(i) = index_of(st, step.entry.id) else {
            return (step, false);
        };
        let id = step.entry.id;
        step.entry = remove_at(st, i);
        step.index = i;
        step.stacks = st.history.take(id);
        (step, true)
    }
}

/// The entry index of an id.
fn index_of(state: &AppState, id: u32) -> Option<usize> {
    state.entries.iter().position(|e| e.id == id)
}

/// Adds a valid scenario at `at` (default: the end) and switches to it. A full book or an
/// invalid scenario leaves everything as it was, with a notice or a refusal.
fn add(state: Rc<AppState>, scenario: Scenario, at: Option<usize>) -> Rc<AppState> {
    state.with(|st| match st.insert(scenario, at) {
        Ok((_, at)) => st.select(at),
        Err(NotAdded::Full) => st.notice = Some(Notice::words(Ui::NoticeBookFull, MAX_ENTRIES)),
        Err(NotAdded::Invalid(error)) => {
            st.rejected = Some(Rejected {
                field: FieldPath::Scenario,
                error,
            })
        }
    })
}

/// Adds a scenario from outside (a link, a file) as a new copy under a name no other
/// scenario has, with the notice `said(name)` once it is in.
fn add_copy(state: Rc<AppState>, mut s: Scenario, said: impl Fn(String) -> Notice) -> Rc<AppState> {
    s.name = unique_name(&state, &s.name);
    let name = s.name.clone();
    let before = state.entries.len();
    let mut st = add(state, s, None);
    if st.entries.len() > before {
        Rc::make_mut(&mut st).notice = Some(said(name));
    }
    st
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
