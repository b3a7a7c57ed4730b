//! The one app state and its actions. The reducer only maps actions to calls into `model`
//! (edits, evaluation, optimiser, goal seek) and never into the browser (storage, timers
//! and the URL live in `platform` and in hooks).
//!
//! What follows from the current scenario — its projection and generation, and the
//! refusal, proposal and uncertainty band that belong to one version of it — is set in
//! one place, [`AppState::set_current`] (a changed scenario) and [`AppState::select`]
//! (another scenario of the working set), both through `follow`. Every change of a
//! scenario is recorded for undo there too ([`history`]).

pub mod advice;
pub mod book;
pub mod history;
pub mod room;
pub mod workshop;

use std::rc::Rc;

use model::edit::Rescaled;
use model::eval::Horizon;
use model::figures::Figure;
use model::mc::Uncertainty;
use model::words::{AdviceWords, Ui};
use model::{FieldPath, Lang, Projection, Scenario, ScenarioError};
use yew::prelude::*;

pub use advice::{Proposal, Request};
pub use book::BookAction;
pub use history::{History, StepKind};
pub use model::edit::{Edit, Source};
pub use room::RoomAction;
pub use workshop::WorkshopAction;

/// A scenario of the user's working set.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable id within the set (not shown).
    pub id: u32,
    /// Id in the saved book, the same in every tab (`model::autosave::Saved::uid`).
    pub uid: u64,
    /// The scenario.
    pub scenario: Scenario,
}

/// A message to the user, rendered in the current language at render time.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A shared link could not be opened; the default scenario is shown instead.
    BadLink(model::codec::LinkError),
    /// A shared link was opened as a new copy (its name).
    LinkOpened(String),
    /// The browser refused to store the work; the app goes on in memory.
    StorageFailed(String),
    /// Saved work could not be read back; it was set aside.
    StorageCorrupt,
    /// A workshop pack could not be opened.
    PackFailed(model::pack::PackError),
    /// A workshop pack was opened.
    PackOpened {
        /// Its title (may be empty).
        title: String,
        /// Scenarios on its deck.
        scenarios: usize,
        /// Scenarios that did not fit in the working set.
        missed: usize,
    },
    /// Words of the catalogue, with the values of their `{0}`, `{1}`, ….
    Words(Ui, Vec<String>),
    /// The region was switched and the money rescaled by the number of children.
    Rescaled(Rescaled),
    /// A proposal was accepted; the figures it changed are marked.
    Accepted,
    /// A scenario was deleted (its name).
    Deleted(String),
    /// A step was taken back.
    Undone(StepKind),
    /// A step was put back.
    Redone(StepKind),
    /// Nothing to take back or put back.
    NothingToUndo,
    /// A deleted scenario cannot come back: the working set is full.
    CannotRestore,
}

impl Notice {
    /// Words of the catalogue with one value.
    pub fn words(w: Ui, value: impl ToString) -> Notice {
        Notice::Words(w, vec![value.to_string()])
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::BadLink(e) => Ui::NoticeBadLink.fill(lang, &[&e.message(lang)]),
            Notice::LinkOpened(name) => Ui::NoticeLinkOpened.fill(lang, &[name]),
            Notice::StorageFailed(why) => Ui::NoticeStorageFailed.fill(lang, &[why]),
            Notice::StorageCorrupt => Ui::NoticeStorageCorrupt.get(lang).to_string(),
            Notice::PackFailed(e) => Ui::NoticePackFailed.fill(lang, &[&e.message(lang)]),
            Notice::PackOpened {
                title,
                scenarios,
                missed,
            } => {
                let title = title.trim();
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" “{title}”")
                };
                let more = if *missed > 0 {
                    let (missed, max) = (missed.to_string(), book::MAX_ENTRIES.to_string());
                    Ui::NoticePackMissed.fill(lang, &[&missed, &max])
                } else {
                    String::new()
                };
                Ui::NoticePackOpened.fill(lang, &[&title, &scenarios.to_string(), &more])
            }
            Notice::Words(w, values) => {
                let values: Vec<&str> = values.iter().map(String::as_str).collect();
                w.fill(lang, &values)
            }
            Notice::Rescaled(r) => rescaled_message(r, lang),
            Notice::Accepted => AdviceWords::NoticeAccepted.get(lang).to_string(),
            Notice::Deleted(name) => AdviceWords::NoticeDeleted.fill(lang, &[name]),
            Notice::Undone(k) => AdviceWords::NoticeUndone.fill(lang, &[&step_name(k, lang)]),
            Notice::Redone(k) => AdviceWords::NoticeRedone.fill(lang, &[&step_name(k, lang)]),
            Notice::NothingToUndo => AdviceWords::NothingToUndo.get(lang).to_string(),
            Notice::CannotRestore => {
                AdviceWords::CannotRestore.fill(lang, &[&book::MAX_ENTRIES.to_string()])
            }
        }
    }

    /// Whether the notice is about a change that the "undo" button beside it takes back.
    pub fn undoable(&self) -> bool {
        matches!(
            self,
            Notice::Rescaled(_) | Notice::Accepted | Notice::Deleted(_)
        )
    }
}

/// What a step did, in a few words ("accepting the proposal").
pub fn step_name(k: &StepKind, lang: Lang) -> String {
    match k {
        StepKind::Edit => AdviceWords::StepEdit.get(lang).to_string(),
        StepKind::Slide(line) => {
            let name = model::data::line(line).map_or(line.as_str(), |l| l.short_name(lang));
            AdviceWords::StepSlide.fill(lang, &[name])
        }
        StepKind::Region => AdviceWords::StepRegion.get(lang).to_string(),
        StepKind::Accept => AdviceWords::StepAccept.get(lang).to_string(),
        StepKind::Rename => AdviceWords::StepRename.get(lang).to_string(),
        StepKind::Add => AdviceWords::StepAdd.get(lang).to_string(),
        StepKind::Delete => AdviceWords::StepDelete.get(lang).to_string(),
    }
}

/// "Switched to Lai Châu: the budget was rescaled from 45 tỷ down to 23,6 tỷ by the number
/// of children …".
fn rescaled_message(r: &Rescaled, lang: Lang) -> String {
    let name = |id: &str| model::data::region(id).map_or_else(|| id.to_string(), |d| d.name(lang));
    let to = name(&r.to);
    let money = |m: model::Money| model::fmt::money(m, lang);
    let (b0, b1) = r.budget;
    let budget_word = if b1 < b0 {
        AdviceWords::RescaledBudgetDown
    } else {
        AdviceWords::RescaledBudgetUp
    };
    let mut out = budget_word.fill(lang, &[&money(b0), &money(b1), &to]);
    let (a0, a1) = r.allocated;
    if a0 != a1 {
        out.push(' ');
        out.push_str(&AdviceWords::RescaledAllocation.fill(lang, &[&money(a0), &money(a1)]));
    }
    if r.dropped_region_overrides {
        out.push(' ');
        out.push_str(&AdviceWords::RescaledDroppedOverrides.fill(lang, &[&name(&r.from)]));
    }
    out
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The planner (allocation, figures, charts).
    #[default]
    Planner,
    /// Scenarios side by side.
    Compare,
    /// The projector view of workshop mode.
    Workshop,
    /// The room's plans, handed in by a workshop's participants (issue 16).
    Room,
}

/// The figures and targets an accepted proposal changed, marked on the page until the next
/// change.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    /// The generation the proposal was accepted into.
    pub generation: u64,
    /// Figures whose value changed.
    pub figures: Vec<Figure>,
    /// Targets whose verdict or chance changed.
    pub targets: Vec<&'static str>,
}

/// An edit the model refused, shown next to the field it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// The field of the edit (`allocation.swim`, `budget.total`, …).
    pub field: FieldPath,
    /// Why.
    pub error: ScenarioError,
}

/// Why a scenario was not added to the working set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NotAdded {
    /// It holds [`book::MAX_ENTRIES`] already.
    Full,
    /// The scenario is not valid.
    Invalid(ScenarioError),
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Display language.
    pub lang: Lang,
    /// The working set of scenarios.
    pub entries: Vec<Entry>,
    /// Index of the scenario being edited.
    pub current: usize,
    /// Projection of the current scenario (the last good one).
    pub projection: Rc<Projection>,
    /// Bumps on every change of the current scenario.
    pub generation: u64,
    /// Monte Carlo of the current scenario, with the generation it was computed for.
    pub uncertainty: Option<(u64, Rc<Uncertainty>)>,
    /// The last refused edit.
    pub rejected: Option<Rejected>,
    /// A message for the user.
    pub notice: Option<Notice>,
    /// The screen showing.
    pub view: View,
    /// A proposal awaiting accept/discard, with the generation it was computed for.
    pub proposal: Option<(u64, Proposal)>,
    /// Workshop mode: the deck, the QR code, the "what if" trial (see [`workshop`]).
    pub workshop: workshop::Workshop,
    /// The room's plans (see [`room`]).
    pub room: room::RoomState,
    /// Deaths averted (and cost per death averted, and what the optimiser ranks by) counted
    /// over the lifetime of what the plan buys (the default) or the plan years only.
    pub horizon: Horizon,
    /// The chance a target must be met with before its card says "met" (0,5, 0,8 or 0,95);
    /// also the chance goal seek aims at.
    pub chance: f64,
    /// Undo and redo (see [`history`]).
    pub history: History,
    /// What an accepted proposal changed (marked on the page).
    pub changed: Option<Changed>,
    /// Show that the meaning of deaths averted changed (a shared link or work saved by an
    /// earlier version was opened).
    pub meaning_note: bool,
    /// Seed of the ids of scenarios this tab adds (random per tab, so two tabs never give
    /// two scenarios the same id).
    pub seed: u64,
    /// The browser refuses to store the work (the last save failed); it is in memory only.
    pub storage_failing: bool,
    /// A shared link was just opened: on a narrow screen the planner shows the results
    /// (headline figures and targets) first and the form only after "Chỉnh sửa" (issue 14).
    pub results_first: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::with_entries(vec![Scenario::default()], 0, Lang::Vi)
    }
}

impl AppState {
    /// A state holding these scenarios (invalid ones are replaced by the default).
    pub fn with_entries(scenarios: Vec<Scenario>, current: usize, lang: Lang) -> AppState {
        let mut entries: Vec<Entry> = scenarios
            .into_iter()
            .filter(|s| s.validate().is_ok())
            .enumerate()
            .map(|(i, scenario)| Entry {
                id: i as u32 + 1,
                uid: i as u64 + 1,
                scenario,
            })
            .collect();
        if entries.is_empty() {
            entries.push(Entry {
                id: 1,
                uid: 1,
                scenario: Scenario::default(),
            });
        }
        let current = current.min(entries.len() - 1);
        let projection = project(&entries[current].scenario);
        AppState {
            lang,
            entries,
            current,
            projection,
            generation: 1,
            uncertainty: None,
            rejected: None,
            notice: None,
            view: View::Planner,
            proposal: None,
            workshop: workshop::Workshop::default(),
            room: room::RoomState::default(),
            horizon: Horizon::Lifetime,
            chance: model::goal::DEFAULT_CHANCE,
            history: History::default(),
            changed: None,
            meaning_note: false,
            seed: 0,
            storage_failing: false,
            results_first: false,
        }
    }

    /// A state holding a saved book (its ids kept; invalid scenarios are left out).
    pub fn from_book(book: &model::autosave::Book, lang: Lang, seed: u64) -> AppState {
        let valid: Vec<&model::autosave::Saved> = book
            .scenarios
            .iter()
            .filter(|s| s.scenario.validate().is_ok())
            .collect();
        let current = valid
            .iter()
            .position(|s| s.uid == book.current)
            .unwrap_or(0);
        let mut st = AppState::with_entries(
            valid.iter().map(|s| s.scenario.clone()).collect(),
            current,
            lang,
        );
        st.seed = seed;
        if st.entries.len() == valid.len() {
            for (e, s) in st.entries.iter_mut().zip(&valid) {
                e.uid = s.uid;
            }
        } else {
            st.entries[0].uid = st.new_uid(st.entries[0].id);
        }
        st
    }

    /// An id for the saved book that no scenario of this tab has.
    pub fn new_uid(&self, id: u32) -> u64 {
        let taken: Vec<u64> = self.entries.iter().map(|e| e.uid).collect();
        model::autosave::fresh_uid(self.seed ^ u64::from(id).rotate_left(40), &taken)
    }

    /// The working set as a saved book, with the revisions of `base` (the book as this tab
    /// last read or wrote it).
    pub fn book(&self, base: &model::autosave::Book) -> model::autosave::Book {
        model::autosave::Book {
            scenarios: self
                .entries
                .iter()
                .map(|e| model::autosave::Saved {
                    uid: e.uid,
                    rev: base.get(e.uid).map_or(0, |b| b.rev),
                    scenario: e.scenario.clone(),
                })
                .collect(),
            current: self
                .entries
                .get(self.current.min(self.entries.len().saturating_sub(1)))
                .map_or(0, |e| e.uid),
            deleted: base.deleted.clone(),
        }
    }

    /// The id of the scenario being edited.
    pub fn current_id(&self) -> u32 {
        self.entries
            .get(self.current.min(self.entries.len().saturating_sub(1)))
            .map_or(0, |e| e.id)
    }

    /// Whether a target's chance `p` reaches the chance asked for (the one rule,
    /// `model::verdict::chance_enough`: 800 of 1 000 draws is 80 %).
    pub fn chance_enough(&self, p: f64) -> bool {
        model::verdict::chance_enough(p, self.chance)
    }

    /// The scenario being edited.
    pub fn scenario(&self) -> &Scenario {
        &self.entries[self.current.min(self.entries.len() - 1)].scenario
    }

    /// The Monte Carlo result if it belongs to the current scenario.
    pub fn fresh_uncertainty(&self) -> Option<&Uncertainty> {
        match &self.uncertainty {
            Some((g, u)) if *g == self.generation => Some(u),
            _ => None,
        }
    }

    /// The Monte Carlo result, possibly of an earlier version of the scenario.
    pub fn any_uncertainty(&self) -> Option<&Uncertainty> {
        self.uncertainty.as_ref().map(|(_, u)| u.as_ref())
    }

    /// The refusal message for a field, if the last edit of that field was refused.
    pub fn rejection(&self, field: &FieldPath) -> Option<String> {
        self.rejected
            .as_ref()
            .filter(|r| &r.field == field)
            .map(|r| r.error.message(self.lang))
    }

    /// Makes `next` the current scenario after validating it, as a step that can be
    /// undone; on error keeps everything and records the refusal against `field`.
    pub fn set_current(&mut self, field: FieldPath, next: Scenario) {
        let kind = match &field {
            FieldPath::Region => StepKind::Region,
            FieldPath::Scenario => StepKind::Accept,
            FieldPath::Name => StepKind::Rename,
            _ => StepKind::Edit,
        };
        self.set_current_as(field, next, Some(kind));
    }

    /// [`AppState::set_current`] recording the step as `kind` (`None`: not recorded, for
    /// undo and redo themselves). Returns whether the scenario was installed.
    pub fn set_current_as(
        &mut self,
        field: FieldPath,
        next: Scenario,
        kind: Option<StepKind>,
    ) -> bool {
        match model::Model::new(&next) {
            Ok(m) => {
                let projection = Rc::new(m.evaluate());
                let i = self.current.min(self.entries.len() - 1);
                let before = std::mem::replace(&mut self.entries[i].scenario, next);
                if let Some(kind) = kind {
                    let id = self.entries[i].id;
                    self.history.record(id, kind, before);
                }
                self.follow(projection);
                true
            }
            Err(error) => {
                self.rejected = Some(Rejected { field, error });
                false
            }
        }
    }

    /// Opens the scenario at `index` of the working set (clamped), even when it is already
    /// the open one (its entry may have been replaced).
    pub fn select(&mut self, index: usize) {
        self.current = index.min(self.entries.len().saturating_sub(1));
        let projection = project(self.scenario());
        self.follow(projection);
    }

    /// The one place the state follows a new current scenario (or a new version of it): its
    /// projection and a new generation. The last refusal and any proposal were about the
    /// scenario as it was and go; the Monte Carlo result stays, marked stale by its older
    /// generation, until the new one arrives (the page shows it as "updating").
    fn follow(&mut self, projection: Rc<Projection>) {
        self.projection = projection;
        self.generation += 1;
        self.rejected = None;
        self.proposal = None;
        self.changed = None;
    }

    /// An id no entry has, nor any deleted scenario that undo may bring back.
    pub(crate) fn next_id(&self) -> u32 {
        self.entries
            .iter()
            .map(|e| e.id)
            .max()
            .unwrap_or(0)
            .max(self.history.max_id())
            .saturating_add(1)
    }

    /// Puts a valid scenario into the working set at `at` (default: the end) under a new
    /// id; the open scenario stays open. Returns the id and where it went. A full set or an
    /// invalid scenario changes nothing.
    pub(crate) fn insert(
        &mut self,
        scenario: Scenario,
        at: Option<usize>,
    ) -> Result<(u32, usize), NotAdded> {
        if self.entries.len() >= book::MAX_ENTRIES {
            return Err(NotAdded::Full);
        }
        scenario.validate().map_err(NotAdded::Invalid)?;
        let id = self.next_id();
        let uid = self.new_uid(id);
        let at = at.unwrap_or(self.entries.len()).min(self.entries.len());
        self.entries.insert(at, Entry { id, uid, scenario });
        if at <= self.current && self.entries.len() > 1 {
            self.current += 1;
        }
        Ok((id, at))
    }

    /// This state, changed by `f`.
    fn with(self: Rc<Self>, f: impl FnOnce(&mut AppState)) -> Rc<AppState> {
        let mut st = Rc::unwrap_or_clone(self);
        f(&mut st);
        Rc::new(st)
    }
}

fn project(s: &Scenario) -> Rc<Projection> {
    match model::evaluate(s) {
        Ok(p) => Rc::new(p),
        // Only reachable with a default that fails validation, which tests forbid.
        Err(_) => Rc::new(
            model::evaluate(&Scenario::default()).expect("the default scenario is valid (tested)"),
        ),
    }
}

/// What can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Change the current scenario.
    Edit(Edit),
    /// Switch the display language.
    SetLang(Lang),
    /// Store a Monte Carlo result computed for a generation.
    Uncertainty(u64, Rc<Uncertainty>),
    /// Show or clear a message.
    Notice(Option<Notice>),
    /// Forget the last refused edit (the user fixed or abandoned it).
    ClearRejection(FieldPath),
    /// Switch screens (edits are kept: they live in the entries, not in the view).
    SetView(View),
    /// Change the working set of scenarios (see [`book`]).
    Book(BookAction),
    /// Workshop mode (see [`workshop`]).
    Workshop(WorkshopAction),
    /// The room's plans (see [`room`]).
    Room(RoomAction),
    /// Ask the optimiser or goal seek for a proposal (computed by the `use_proposal_work`
    /// hook with [`advice::work`], which answers with [`Action::Proposed`]).
    Propose(Request),
    /// The answer to a request, for the generation it was asked for.
    Proposed(u64, Proposal),
    /// Install the proposal (a step that can be undone); the figures it changed are marked.
    AcceptProposal,
    /// Drop the proposal.
    DiscardProposal,
    /// Take back the newest step (the open scenario's or the working set's).
    Undo,
    /// Put back the step taken back last.
    Redo,
    /// Count deaths averted over the lifetime of what is bought or the plan years only.
    SetHorizon(Horizon),
    /// The chance a target must be met with to count as met (0,5, 0,8 or 0,95).
    SetChance(f64),
    /// Show or hide the note that the meaning of deaths averted changed.
    MeaningNote(bool),
    /// Leave the results-first view of a shared plan for the form ("Chỉnh sửa").
    EditShared,
    /// Whether the browser refuses to store the work (set by the autosave; a change shows
    /// or clears the notice saying so).
    StorageFailing(Option<String>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(Edit::Region(id)) => edit_region(self, id),
            Action::Edit(edit) => {
                let field = edit.field();
                let kind = match &edit {
                    Edit::AllocUpTo { line, .. } => StepKind::Slide(line.clone()),
                    _ => StepKind::Edit,
                };
                match edit.apply(self.scenario()) {
                    Ok(s) if &s == self.scenario() => {
                        if self.rejected.is_some() {
                            self.with(|st| st.rejected = None)
                        } else {
                            self
                        }
                    }
                    Ok(s) => self.with(|st| {
                        let kind = match &field {
                            FieldPath::Name => StepKind::Rename,
                            _ => kind,
                        };
                        st.set_current_as(field, s, Some(kind));
                    }),
                    Err(error) => self.with(|st| st.rejected = Some(Rejected { field, error })),
                }
            }
            Action::SetLang(lang) if lang == self.lang => self,
            Action::SetLang(lang) => self.with(|st| st.lang = lang),
            Action::Uncertainty(generation, _) if generation != self.generation => self,
            Action::Uncertainty(generation, u) => {
                self.with(|st| st.uncertainty = Some((generation, u)))
            }
            Action::Notice(n) if n == self.notice => self,
            Action::Notice(n) => self.with(|st| st.notice = n),
            Action::Book(b) => book::reduce(self, b),
            Action::Workshop(w) => workshop::reduce(self, w),
            Action::Room(r) => room::reduce(self, r),
            Action::EditShared if !self.results_first => self,
            Action::EditShared => self.with(|st| st.results_first = false),
            Action::SetView(v) if v == self.view => self,
            Action::SetView(v) => self.with(|st| st.view = v),
            Action::Propose(request) => self.with(|st| {
                st.proposal = Some((st.generation, Proposal::Pending(request)));
            }),
            Action::Proposed(generation, p) => {
                let asked = matches!(
                    &self.proposal,
                    Some((g, Proposal::Pending(_))) if *g == generation && generation == self.generation
                );
                if asked {
                    self.with(|st| st.proposal = Some((generation, p)))
                } else {
                    self
                }
            }
            Action::AcceptProposal => {
                let accepted = match &self.proposal {
                    Some((generation, p)) if *generation == self.generation => p
                        .scenario()
                        .cloned()
                        .map(|s| (s, p.advice().map(changed_by))),
                    _ => None,
                };
                match accepted {
                    Some((s, changed)) => self.with(|st| {
                        if st.set_current_as(FieldPath::Scenario, s, Some(StepKind::Accept)) {
                            st.changed = changed.map(|(figures, targets)| Changed {
                                generation: st.generation,
                                figures,
                                targets,
                            });
                            st.notice = Some(Notice::Accepted);
                        }
                    }),
                    None => self,
                }
            }
            Action::DiscardProposal if self.proposal.is_none() => self,
            Action::DiscardProposal => self.with(|st| st.proposal = None),
            Action::ClearRejection(field) => {
                if self.rejected.as_ref().is_some_and(|r| r.field == field) {
                    self.with(|st| st.rejected = None)
                } else {
                    self
                }
            }
            Action::Undo => self.with(|st| st.undo()),
            Action::Redo => self.with(|st| st.redo()),
            Action::SetHorizon(h) if h == self.horizon => self,
            Action::SetHorizon(h) => self.with(|st| st.horizon = h),
            Action::SetChance(c) => {
                let c = nearest_chance(c);
                if c == self.chance {
                    self
                } else {
                    self.with(|st| st.chance = c)
                }
            }
            Action::MeaningNote(on) if on == self.meaning_note => self,
            Action::MeaningNote(on) => self.with(|st| st.meaning_note = on),
            Action::StorageFailing(why) if why.is_some() == self.storage_failing => self,
            Action::StorageFailing(Some(why)) => self.with(|st| {
                st.storage_failing = true;
                st.notice = Some(Notice::StorageFailed(why));
            }),
            Action::StorageFailing(None) => self.with(|st| {
                st.storage_failing = false;
                st.notice = Some(Notice::words(Ui::NoticeStorageBack, ""));
            }),
        }
    }
}

/// The chance a planner can ask for nearest to `c` (50, 80 or 95 %).
pub fn nearest_chance(c: f64) -> f64 {
    model::verdict::asked_chance(c)
}

/// The figures and targets a proposal changes.
fn changed_by(a: &model::advice::Advice) -> (Vec<Figure>, Vec<&'static str>) {
    (
        a.changed_figures().map(|f| f.figure).collect(),
        a.changed_targets().map(|t| t.id).collect(),
    )
}

/// Switches region: the money rescaled by the number of children, as a step that can be
/// undone, with a notice saying what was rescaled.
fn edit_region(state: Rc<AppState>, id: String) -> Rc<AppState> {
    match model::edit::rescale_to_region(state.scenario(), &id) {
        Ok((s, _)) if &s == state.scenario() => state,
        Ok((s, rescaled)) => state.with(|st| {
            if st.set_current_as(FieldPath::Region, s, Some(StepKind::Region)) {
                st.notice = Some(Notice::Rescaled(rescaled));
            }
        }),
        Err(error) => state.with(|st| {
            st.rejected = Some(Rejected {
                field: FieldPath::Region,
                error,
            })
        }),
    }
}

impl AppState {
    /// Takes back the newest step: the open scenario's own, or the working set's.
    fn undo(&mut self) {
        let id = self.current_id();
        match self.history.next_undo(id) {
            None => self.notice = Some(Notice::NothingToUndo),
            Some(history::Next::Scenario) => {
                let now = self.scenario().clone();
                if let Some((kind, s)) = self.history.undo_scenario(id, now) {
                    if self.set_current_as(FieldPath::Scenario, s, None) {
                        self.notice = Some(Notice::Undone(kind));
                    }
                }
            }
            Some(history::Next::Book) => {
                if let Some(step) = self.history.pop_book_undo() {
                    let kind = match step.change {
                        history::BookChange::Added => StepKind::Add,
                        history::BookChange::Removed => StepKind::Delete,
                    };
                    let (step, done) = book::reverse(self, step, true);
                    if done {
                        self.history.push_book_redo(step);
                        self.notice = Some(Notice::Undone(kind));
                    } else {
                        self.history.push_book_undo(step);
                        self.notice = Some(Notice::CannotRestore);
                    }
                }
            }
        }
    }

    /// Puts back the step taken back last.
    fn redo(&mut self) {
        let id = self.current_id();
        match self.history.next_redo(id) {
            None => self.notice = Some(Notice::NothingToUndo),
            Some(history::Next::Scenario) => {
                let now = self.scenario().clone();
                if let Some((kind, s)) = self.history.redo_scenario(id, now) {
                    if self.set_current_as(FieldPath::Scenario, s, None) {
                        self.notice = Some(Notice::Redone(kind));
                    }
                }
            }
            Some(history::Next::Book) => {
                if let Some(step) = self.history.pop_book_redo() {
                    let kind = match step.change {
                        history::BookChange::Added => StepKind::Add,
                        history::BookChange::Removed => StepKind::Delete,
                    };
                    let (step, done) = book::reverse(self, step, false);
                    if done {
                        self.history.push_book_undo(step);
                        self.notice = Some(Notice::Redone(kind));
                    } else {
                        self.history.push_book_redo(step);
                        self.notice = Some(Notice::CannotRestore);
                    }
                }
            }
        }
    }
}

/// The state shared through context.
pub type AppContext = UseReducerHandle<AppState>;
