//! The one app state and its actions. The reducer only maps actions to calls into `model`
//! (edits, evaluation, optimiser, goal seek) and never into the browser (storage, timers
//! and the URL live in `platform` and in hooks).
//!
//! What follows from the current scenario — its projection and generation, and the
//! refusal, proposal and uncertainty band that belong to one version of it — is set in
//! one place, [`AppState::set_current`] (a changed scenario) and [`AppState::select`]
//! (another scenario of the working set), both through `follow`.

pub mod book;
pub mod room;
pub mod workshop;

use std::rc::Rc;

use model::mc::Uncertainty;
use model::words::Ui;
use model::{FieldPath, Lang, Projection, Scenario, ScenarioError};
use yew::prelude::*;

pub use book::BookAction;
pub use model::edit::{Edit, Source};
pub use room::RoomAction;
pub use workshop::WorkshopAction;

/// A scenario of the user's working set.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable id within the set (not shown).
    pub id: u32,
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
        }
    }
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

/// A proposed change, shown for the planner to accept or discard; never applied silently.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposal {
    /// The optimiser's best mix for this budget.
    Optimised(Rc<model::optimize::Proposal>),
    /// Goal seek's least budget for a target (or why there is none).
    Goal(Rc<model::goal::GoalSeek>),
    /// The optimiser or goal seek refused (floors above the budget…).
    Failed(ScenarioError),
}

impl Proposal {
    /// The scenario that accepting would install, if any.
    pub fn scenario(&self) -> Option<&Scenario> {
        match self {
            Proposal::Optimised(p) => Some(&p.scenario),
            Proposal::Goal(g) => match &g.outcome {
                model::goal::GoalOutcome::Reached { scenario, .. } => Some(scenario),
                model::goal::GoalOutcome::Unreachable { .. } => None,
            },
            Proposal::Failed(_) => None,
        }
    }
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
                scenario,
            })
            .collect();
        if entries.is_empty() {
            entries.push(Entry {
                id: 1,
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
        }
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

    /// Makes `next` the current scenario after validating it; on error keeps everything
    /// and records the refusal against `field`.
    pub fn set_current(&mut self, field: FieldPath, next: Scenario) {
        match model::Model::new(&next) {
            Ok(m) => {
                let projection = Rc::new(m.evaluate());
                let i = self.current.min(self.entries.len() - 1);
                self.entries[i].scenario = next;
                self.follow(projection);
            }
            Err(error) => self.rejected = Some(Rejected { field, error }),
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
    }

    /// An id no entry has.
    pub(crate) fn next_id(&self) -> u32 {
        self.entries
            .iter()
            .map(|e| e.id)
            .max()
            .unwrap_or(0)
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
        let at = at.unwrap_or(self.entries.len()).min(self.entries.len());
        self.entries.insert(at, Entry { id, scenario });
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
    /// Propose the best mix of the current budget for an objective.
    Optimise(model::optimize::Objective),
    /// Propose the least budget that meets a target by a year.
    GoalSeek {
        /// Target id.
        target: String,
        /// Plan year (`None`: the target's own year).
        year: Option<i32>,
    },
    /// Install the proposal.
    AcceptProposal,
    /// Drop the proposal.
    DiscardProposal,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => {
                let field = edit.field();
                match edit.apply(self.scenario()) {
                    Ok(s) if &s == self.scenario() => {
                        if self.rejected.is_some() {
                            self.with(|st| st.rejected = None)
                        } else {
                            self
                        }
                    }
                    Ok(s) => self.with(|st| st.set_current(field, s)),
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
            Action::SetView(v) if v == self.view => self,
            Action::SetView(v) => self.with(|st| st.view = v),
            Action::Optimise(objective) => {
                let p = match model::optimize::optimize(self.scenario(), objective) {
                    Ok(p) => Proposal::Optimised(Rc::new(p)),
                    Err(e) => Proposal::Failed(e),
                };
                self.with(|st| st.proposal = Some((st.generation, p)))
            }
            Action::GoalSeek { target, year } => {
                let p = match model::goal::goal_seek(self.scenario(), &target, year) {
                    Ok(g) => Proposal::Goal(Rc::new(g)),
                    Err(e) => Proposal::Failed(e),
                };
                self.with(|st| st.proposal = Some((st.generation, p)))
            }
            Action::AcceptProposal => {
                let accepted = match &self.proposal {
                    Some((generation, p)) if *generation == self.generation => {
                        p.scenario().cloned()
                    }
                    _ => None,
                };
                match accepted {
                    Some(s) => self.with(|st| st.set_current(FieldPath::Scenario, s)),
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
        }
    }
}

/// The state shared through context.
pub type AppContext = UseReducerHandle<AppState>;
