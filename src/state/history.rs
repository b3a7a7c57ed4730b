//! Undo and redo. Every change of a scenario is a step that can be taken back, kept per
//! scenario (each scenario of the working set has its own steps); adding or deleting a
//! scenario is a step of the working set (the "book"). Ctrl+Z takes back the newest step
//! among the open scenario's and the book's, Ctrl+Shift+Z (or Ctrl+Y) puts back the step
//! taken back last. A step keeps the whole scenario as it was, so taking it back restores
//! the identical plan (the same share code).
//!
//! Pure: the reducer records steps ([`super::AppState`] calls [`History::record`] and
//! [`History::record_book`]) and asks which step is next; nothing here touches the page.

use std::collections::BTreeMap;

use model::Scenario;

use super::Entry;

/// Most steps kept per scenario (and for the book); older steps are forgotten.
pub const MAX_STEPS: usize = 100;

/// What a step did, for the buttons' titles and the notice after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepKind {
    /// An edit of a field (an amount, the budget, an assumption, the years…).
    Edit,
    /// Moves of one line's slider, counted as one step until another change comes between.
    Slide(String),
    /// The region was switched (the money rescaled).
    Region,
    /// A proposal of the optimiser or goal seek was accepted.
    Accept,
    /// The scenario was renamed.
    Rename,
    /// A scenario was added (new, copy, import).
    Add,
    /// A scenario was deleted.
    Delete,
}

/// One step of a scenario: the scenario on the other side of the step.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    kind: StepKind,
    scenario: Scenario,
    /// When the step was recorded (or last moved between undo and redo).
    pub(super) at: u64,
}

/// The steps of one scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stacks {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl Stacks {
    /// Steps that can be taken back.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Steps that can be put back.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

/// Whether a book step added or removed its scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookChange {
    /// The scenario was added: taking the step back removes it.
    Added,
    /// The scenario was removed: taking the step back puts it back where it was.
    Removed,
}

/// One step of the book.
#[derive(Debug, Clone, PartialEq)]
pub struct BookStep {
    /// What happened.
    pub change: BookChange,
    /// Where the scenario was (or went) in the working set.
    pub index: usize,
    /// The scenario with its id.
    pub entry: Entry,
    /// Its own steps, kept while it is out of the working set.
    pub stacks: Stacks,
    pub(super) at: u64,
}

/// Which step comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A step of the open scenario.
    Scenario,
    /// A step of the book.
    Book,
}

/// Every scenario's steps and the book's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    scenarios: BTreeMap<u32, Stacks>,
    book_undo: Vec<BookStep>,
    book_redo: Vec<BookStep>,
    clock: u64,
}

fn trim<T>(v: &mut Vec<T>) {
    if v.len() > MAX_STEPS {
        let extra = v.len() - MAX_STEPS;
        v.drain(..extra);
    }
}

impl History {
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// The steps of a scenario (empty when it has none).
    pub fn of(&self, id: u32) -> Stacks {
        self.scenarios.get(&id).cloned().unwrap_or_default()
    }

    /// Records that scenario `id` changed from `before`. A slider move right after a move
    /// of the same slider belongs to the same step. Whatever was taken back can no longer
    /// be put back.
    pub fn record(&mut self, id: u32, kind: StepKind, before: Scenario) {
        let at = self.tick();
        self.book_redo.clear();
        let stacks = self.scenarios.entry(id).or_default();
        stacks.redo.clear();
        if let StepKind::Slide(_) = &kind {
            if let Some(top) = stacks.undo.last_mut() {
                if top.kind == kind && top.at + 1 == at {
                    // The same drag goes on: keep where it started.
                    top.at = at;
                    return;
                }
            }
        }
        stacks.undo.push(Step {
            kind,
            scenario: before,
            at,
        });
        trim(&mut stacks.undo);
    }

    /// Records that a scenario was added or removed (with its own steps when removed).
    pub fn record_book(&mut self, change: BookChange, index: usize, entry: Entry, stacks: Stacks) {
        let at = self.tick();
        self.book_redo.clear();
        self.book_undo.push(BookStep {
            change,
            index,
            entry,
            stacks,
            at,
        });
        trim(&mut self.book_undo);
    }

    /// Which step Ctrl+Z would take back with scenario `id` open: the newer of its own last
    /// step and the book's.
    pub fn next_undo(&self, id: u32) -> Option<Next> {
        let own = self.scenarios.get(&id).and_then(|s| s.undo.last());
        pick(own.map(|s| s.at), self.book_undo.last().map(|b| b.at))
    }

    /// Which step Ctrl+Shift+Z would put back with scenario `id` open: the one taken back
    /// last.
    pub fn next_redo(&self, id: u32) -> Option<Next> {
        let own = self.scenarios.get(&id).and_then(|s| s.redo.last());
        pick(own.map(|s| s.at), self.book_redo.last().map(|b| b.at))
    }

    /// What the next undo would take back (for the button's title).
    pub fn undo_kind(&self, id: u32) -> Option<StepKind> {
        match self.next_undo(id)? {
            Next::Scenario => self.scenarios.get(&id)?.undo.last().map(|s| s.kind.clone()),
            Next::Book => self.book_undo.last().map(|b| book_kind(b.change)),
        }
    }

    /// What the next redo would put back.
    pub fn redo_kind(&self, id: u32) -> Option<StepKind> {
        match self.next_redo(id)? {
            Next::Scenario => self.scenarios.get(&id)?.redo.last().map(|s| s.kind.clone()),
            Next::Book => self.book_redo.last().map(|b| book_kind(b.change)),
        }
    }

    /// Takes back scenario `id`'s last step: returns the scenario to restore. `now` (the
    /// scenario as it is) becomes the step to put back.
    pub fn undo_scenario(&mut self, id: u32, now: Scenario) -> Option<(StepKind, Scenario)> {
        let at = self.tick();
        let stacks = self.scenarios.get_mut(&id)?;
        let step = stacks.undo.pop()?;
        stacks.redo.push(Step {
            kind: step.kind.clone(),
            scenario: now,
            at,
        });
        trim(&mut stacks.redo);
        Some((step.kind, step.scenario))
    }

    /// Puts back scenario `id`'s step taken back last: returns the scenario to restore.
    pub fn redo_scenario(&mut self, id: u32, now: Scenario) -> Option<(StepKind, Scenario)> {
        let at = self.tick();
        let stacks = self.scenarios.get_mut(&id)?;
        let step = stacks.redo.pop()?;
        stacks.undo.push(Step {
            kind: step.kind.clone(),
            scenario: now,
            at,
        });
        trim(&mut stacks.undo);
        Some((step.kind, step.scenario))
    }

    /// Takes the book's last step off the undo list (the caller reverses it and hands it
    /// to [`History::push_book_redo`]).
    pub fn pop_book_undo(&mut self) -> Option<BookStep> {
        self.book_undo.pop()
    }

    /// Takes the book step taken back last off the redo list.
    pub fn pop_book_redo(&mut self) -> Option<BookStep> {
        self.book_redo.pop()
    }

    /// A book step that was taken back, ready to be put back.
    pub fn push_book_redo(&mut self, mut step: BookStep) {
        step.at = self.tick();
        self.book_redo.push(step);
        trim(&mut self.book_redo);
    }

    /// A book step that was put back, ready to be taken back again.
    pub fn push_book_undo(&mut self, mut step: BookStep) {
        step.at = self.tick();
        self.book_undo.push(step);
        trim(&mut self.book_undo);
    }

    /// Removes and returns a scenario's steps (it leaves the working set).
    pub fn take(&mut self, id: u32) -> Stacks {
        self.scenarios.remove(&id).unwrap_or_default()
    }

    /// Gives a scenario its steps back (it returns to the working set).
    pub fn put(&mut self, id: u32, stacks: Stacks) {
        if stacks != Stacks::default() {
            self.scenarios.insert(id, stacks);
        }
    }

    /// The largest scenario id any book step holds (ids are never given twice while a step
    /// may bring the scenario back).
    pub fn max_id(&self) -> u32 {
        self.book_undo
            .iter()
            .chain(&self.book_redo)
            .map(|b| b.entry.id)
            .max()
            .unwrap_or(0)
    }
}

fn book_kind(c: BookChange) -> StepKind {
    match c {
        BookChange::Added => StepKind::Add,
        BookChange::Removed => StepKind::Delete,
    }
}

fn pick(own: Option<u64>, book: Option<u64>) -> Option<Next> {
    match (own, book) {
        (None, None) => None,
        (Some(_), None) => Some(Next::Scenario),
        (None, Some(_)) => Some(Next::Book),
        (Some(a), Some(b)) => Some(if a >= b { Next::Scenario } else { Next::Book }),
    }
}
