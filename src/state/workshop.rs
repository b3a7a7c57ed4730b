//! Workshop mode's state and its pure reducer: the deck of prepared scenarios (the working
//! set, or the ones a facilitator picked or a pack brought), stepping through it, the big
//! QR code, the "what if" sliders, and opening a workshop pack.
//!
//! The slide on screen is always the working set's current scenario, so the figures, the
//! uncertainty band, the share link and the autosave all agree on what the room sees. A
//! "what if" never changes a scenario: it is a trial copy with its own projection, dropped
//! when the facilitator steps on (or kept as a new scenario on request). Leaving returns to
//! the scenario the planner had open; every edit stays where it was made, in the entries.

use std::collections::BTreeMap;
use std::rc::Rc;

use model::pack::{Pack, PackError};
use model::words::Ui;
use model::{Money, Projection, Scenario};

use super::book::{MAX_ENTRIES, unique_name};
use super::{AppState, Entry, Notice, View};

/// The most scenarios the side-by-side slide shows at once.
pub const SIDE_MAX: usize = 4;

/// Lines the "what if" sliders move, in display order.
pub const WHAT_IF_LINES: [&str; 2] = ["swim", "barrier"];

/// Workshop mode's part of the app state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workshop {
    /// Entry ids shown, in order; `None` shows the whole working set.
    pub deck: Option<Vec<u32>>,
    /// Title of the workshop (from a pack, or typed by the facilitator).
    pub title: String,
    /// The entry the planner had open when workshop mode started (restored on leaving).
    pub return_to: Option<u32>,
    /// The big QR code is showing.
    pub qr: bool,
    /// The side-by-side slide is showing (key `S`, or the pack panel's button): two to
    /// four scenarios of the deck at once, on one y axis ([`AppState::side_slides`]).
    pub side: bool,
    /// A "what if" trial of the slide on screen, if a slider moved.
    pub trial: Option<Trial>,
}

/// A "what if" variant of the slide on screen: never stored unless kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Trial {
    /// Entry id of the slide it varies.
    pub of: u32,
    /// Annual amount per line set by the sliders.
    pub amounts: BTreeMap<String, Money>,
    /// The varied scenario (budget raised where the amounts need it).
    pub scenario: Scenario,
    /// Its projection.
    pub projection: Rc<Projection>,
    /// Budget added per year to fit the amounts (counted as mobilised funds), đồng.
    pub extra_budget: Money,
}

/// What can happen in workshop mode.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopAction {
    /// Start workshop mode from the planner.
    Enter,
    /// Back to the planner.
    Leave,
    /// Move through the deck by this many slides (clamped to the ends).
    Step(i32),
    /// Go to a slide by its position in the deck (from 0).
    Go(u32),
    /// Show, hide (or with `None` toggle) the big QR code.
    Qr(Option<bool>),
    /// Show, hide (or with `None` toggle) the side-by-side slide (shown only when the deck
    /// has two scenarios or more).
    Side(Option<bool>),
    /// Set a line's annual amount in the "what if" trial.
    WhatIf {
        /// Line id (one of [`WHAT_IF_LINES`]).
        line: String,
        /// Annual amount, đồng.
        amount: Money,
    },
    /// Drop the trial: back to the prepared scenario.
    ResetWhatIf,
    /// Keep the trial as a new scenario of the working set (and of the deck).
    KeepWhatIf,
    /// A workshop pack was opened (link or file): add its scenarios and start at slide 1.
    OpenPack(Result<Pack, PackError>),
    /// A pasted link (a scenario's `#s=` or a pack's `#w=`): add it to the deck.
    AddLink(String),
    /// Put a scenario in the deck or take it out.
    InDeck {
        /// Entry id.
        id: u32,
        /// In the deck.
        on: bool,
    },
    /// Rename the workshop.
    Title(String),
}

impl Workshop {
    /// The entry ids on the deck that still exist, in order (never empty while the working
    /// set has a scenario: an emptied deck shows the whole set).
    pub fn slides(&self, st: &AppState) -> Vec<u32> {
        let all: Vec<u32> = st.entries.iter().map(|e| e.id).collect();
        match &self.deck {
            Some(ids) => {
                let kept: Vec<u32> = ids.iter().copied().filter(|id| all.contains(id)).collect();
                if kept.is_empty() { all } else { kept }
            }
            None => all,
        }
    }
}

impl AppState {
    /// The slides of workshop mode (entry ids, in order).
    pub fn slides(&self) -> Vec<u32> {
        self.workshop.slides(self)
    }

    /// The y range every slide's deaths chart shares: from 0 to the most deaths a year (with
    /// or without the plan) of any scenario on the deck, with a little room, so the axis
    /// does not rescale from one slide to the next and a small change does not look like a
    /// steep drop. `None` when no slide can be evaluated.
    pub fn deck_y_range(&self) -> Option<(f64, f64)> {
        let slides = self.slides();
        let hi = self
            .entries
            .iter()
            .filter(|e| slides.contains(&e.id))
            .filter_map(|e| model::evaluate(&e.scenario).ok())
            .flat_map(|p| {
                p.years
                    .iter()
                    .map(|y| y.deaths_baseline.max(y.deaths))
                    .collect::<Vec<f64>>()
            })
            .filter(|v| v.is_finite())
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))?;
        Some((0.0, hi * 1.15))
    }

    /// The scenarios of the side-by-side slide (entry ids, in deck order): the whole deck
    /// when it has at most [`SIDE_MAX`], else the [`SIDE_MAX`] from the slide on screen on
    /// (the last [`SIDE_MAX`] at the end); empty for a deck of one.
    pub fn side_slides(&self) -> Vec<u32> {
        let slides = self.slides();
        let n = slides.len();
        if n < 2 {
            return Vec::new();
        }
        if n <= SIDE_MAX {
            return slides;
        }
        let start = self.slide_position().0.unwrap_or(0).min(n - SIDE_MAX);
        slides[start..start + SIDE_MAX].to_vec()
    }

    /// The slide on screen: its position in the deck and the deck's length. The position is
    /// `None` when the current scenario is not on the deck.
    pub fn slide_position(&self) -> (Option<usize>, usize) {
        let slides = self.slides();
        let id = self.entries.get(self.current).map(|e| e.id);
        (slides.iter().position(|s| Some(*s) == id), slides.len())
    }

    /// The scenario and projection workshop mode shows: the trial when a slider moved,
    /// otherwise the current scenario.
    pub fn shown(&self) -> (&Scenario, &Rc<Projection>) {
        let id = self.entries.get(self.current).map(|e| e.id);
        match &self.workshop.trial {
            Some(t) if Some(t.of) == id => (&t.scenario, &t.projection),
            _ => (self.scenario(), &self.projection),
        }
    }

    /// The trial of the slide on screen, if any.
    pub fn trial(&self) -> Option<&Trial> {
        let id = self.entries.get(self.current).map(|e| e.id);
        self.workshop.trial.as_ref().filter(|t| Some(t.of) == id)
    }
}

/// Applies a workshop action. Returns the same `Rc` when nothing changes.
pub fn reduce(state: Rc<AppState>, action: WorkshopAction) -> Rc<AppState> {
    match action {
        WorkshopAction::Enter => {
            if state.view == View::Workshop {
                return state;
            }
            let mut st = (*state).clone();
            st.workshop.return_to = st.entries.get(st.current).map(|e| e.id);
            st.workshop.trial = None;
            st.workshop.qr = false;
            st.workshop.side = false;
            st.view = View::Workshop;
            let slides = st.slides();
            let on_deck = st
                .entries
                .get(st.current)
                .is_some_and(|e| slides.contains(&e.id));
            if let (false, Some(first)) = (on_deck, slides.first()) {
                select(&mut st, *first);
            }
            Rc::new(st)
        }
        WorkshopAction::Leave => {
            if state.view != View::Workshop {
                return state;
            }
            let mut st = (*state).clone();
            st.view = View::Planner;
            st.workshop.trial = None;
            st.workshop.qr = false;
            st.workshop.side = false;
            if let Some(id) = st.workshop.return_to.take() {
                select(&mut st, id);
            }
            Rc::new(st)
        }
        WorkshopAction::Step(by) => {
            let slides = state.slides();
            let (pos, n) = state.slide_position();
            if n == 0 {
                return state;
            }
            let target = match pos {
                Some(p) => (p as i64 + i64::from(by)).clamp(0, n as i64 - 1) as usize,
                None => 0,
            };
            go(state, slides[target])
        }
        WorkshopAction::Go(i) => {
            let slides = state.slides();
            match slides.get(i as usize) {
                Some(id) => go(state, *id),
                None => state,
            }
        }
        WorkshopAction::Qr(show) => {
            let next = show.unwrap_or(!state.workshop.qr);
            if next == state.workshop.qr {
                return state;
            }
            let mut st = (*state).clone();
            st.workshop.qr = next;
            Rc::new(st)
        }
        WorkshopAction::Side(show) => {
            let next = show.unwrap_or(!state.workshop.side) && state.slides().len() >= 2;
            if next == state.workshop.side {
                return state;
            }
            let mut st = (*state).clone();
            st.workshop.side = next;
            st.workshop.trial = None;
            Rc::new(st)
        }
        WorkshopAction::WhatIf { line, amount } => {
            let Some(entry) = state.entries.get(state.current) else {
                return state;
            };
            let mut amounts = match state.trial() {
                Some(t) => t.amounts.clone(),
                None => BTreeMap::new(),
            };
            let base = entry.scenario.allocation.get(&line).copied();
            if base == Some(amount) || (base.is_none() && amount == Money(0)) {
                amounts.remove(&line);
            } else {
                amounts.insert(line, amount);
            }
            let trial = if amounts.is_empty() {
                None
            } else {
                match trial_of(entry, amounts) {
                    Some(t) => Some(t),
                    // An amount the model refuses leaves the last good trial on screen.
                    None => return state,
                }
            };
            if trial == state.workshop.trial {
                return state;
            }
            let mut st = (*state).clone();
            st.workshop.trial = trial;
            Rc::new(st)
        }
        WorkshopAction::ResetWhatIf => {
            if state.workshop.trial.is_none() {
                return state;
            }
            let mut st = (*state).clone();
            st.workshop.trial = None;
            Rc::new(st)
        }
        WorkshopAction::KeepWhatIf => {
            let Some(t) = state.trial().cloned() else {
                return state;
            };
            let lang = state.lang;
            let mut s = t.scenario;
            let base: String = s.name.chars().take(100).collect();
            s.name = unique_name(&state, &Ui::WhatIfName.fill(lang, &[base.trim()]));
            let mut st = (*state).clone();
            let position = st.current + 1;
            match insert(&mut st, s, Some(position)) {
                Some(id) => {
                    if let Some(deck) = st.workshop.deck.as_mut() {
                        let at = deck
                            .iter()
                            .position(|d| *d == t.of)
                            .map_or(deck.len(), |p| p + 1);
                        deck.insert(at, id);
                    }
                    st.workshop.trial = None;
                    select(&mut st, id);
                }
                None => full_notice(&mut st),
            }
            Rc::new(st)
        }
        WorkshopAction::OpenPack(Err(e)) => {
            let mut st = (*state).clone();
            st.notice = Some(Notice::PackFailed(e));
            Rc::new(st)
        }
        WorkshopAction::OpenPack(Ok(pack)) => {
            let mut st = (*state).clone();
            if st.view != View::Workshop {
                st.workshop.return_to = st.entries.get(st.current).map(|e| e.id);
            }
            let (ids, missed) = add_all(&mut st, &pack.scenarios);
            if ids.is_empty() {
                full_notice(&mut st);
                return Rc::new(st);
            }
            st.workshop.deck = Some(ids.clone());
            st.workshop.title = pack.title.clone();
            st.workshop.trial = None;
            st.workshop.qr = false;
            st.workshop.side = false;
            st.view = View::Workshop;
            select(&mut st, ids[0]);
            st.notice = Some(Notice::PackOpened {
                title: pack.title.clone(),
                scenarios: ids.len(),
                missed,
            });
            Rc::new(st)
        }
        WorkshopAction::AddLink(text) => {
            let pack = match model::pack::decode(&text) {
                Ok(p) => p,
                Err(e) => {
                    let mut st = (*state).clone();
                    st.notice = Some(Notice::PackFailed(e));
                    return Rc::new(st);
                }
            };
            let mut st = (*state).clone();
            let (ids, missed) = add_all(&mut st, &pack.scenarios);
            if let Some(deck) = st.workshop.deck.as_mut() {
                for id in &ids {
                    if !deck.contains(id) {
                        deck.push(*id);
                    }
                }
            }
            if st.workshop.title.is_empty() {
                st.workshop.title = pack.title.clone();
            }
            if missed > 0 {
                full_notice(&mut st);
            } else {
                st.notice = Some(Notice::words(Ui::NoticePackAdded, ids.len()));
            }
            Rc::new(st)
        }
        WorkshopAction::InDeck { id, on } => {
            if !state.entries.iter().any(|e| e.id == id) {
                return state;
            }
            let slides = state.slides();
            if slides.contains(&id) == on {
                return state;
            }
            // Keep the working set's order; an emptied deck falls back to the whole set.
            let mut chosen: Vec<u32> = state
                .entries
                .iter()
                .map(|e| e.id)
                .filter(|e| if *e == id { on } else { slides.contains(e) })
                .collect();
            if chosen.is_empty() {
                chosen = vec![id];
            }
            let mut st = (*state).clone();
            st.workshop.deck = if chosen.len() == st.entries.len() {
                None
            } else {
                Some(chosen)
            };
            Rc::new(st)
        }
        WorkshopAction::Title(t) => {
            let t: String = t.chars().take(model::pack::MAX_TITLE).collect();
            if t == state.workshop.title {
                return state;
            }
            let mut st = (*state).clone();
            st.workshop.title = t;
            Rc::new(st)
        }
    }
}

/// The pack of the deck (title and scenarios in order), for the pack link and file.
pub fn deck_pack(st: &AppState) -> Result<Pack, PackError> {
    let scenarios: Vec<Scenario> = st
        .slides()
        .iter()
        .filter_map(|id| st.entries.iter().find(|e| e.id == *id))
        .map(|e| e.scenario.clone())
        .collect();
    Pack::new(st.workshop.title.trim(), scenarios)
}

/// The range of a "what if" slider for a line: 0 to a round amount well above both the
/// line's amount and a quarter of the smallest yearly budget. Also the step.
pub fn slider_range(s: &Scenario, line: &str) -> (Money, Money) {
    let now = s.allocation.get(line).copied().unwrap_or(Money(0)).0;
    let budget = s
        .budget
        .iter()
        .map(|b| b.total().0)
        .min()
        .unwrap_or(0)
        .max(0);
    let want = now
        .saturating_mul(2)
        .max(now.saturating_add(budget / 4))
        .max(1);
    let step = nice_step(want / 100);
    let max = (want.saturating_add(step - 1) / step).saturating_mul(step);
    (Money(max), Money(step))
}

/// 1, 2 or 5 × 10ⁿ at or above `x` (at least 1 000 000 đồng).
fn nice_step(x: i64) -> i64 {
    let mut p: i64 = 1_000_000;
    loop {
        for m in [1, 2, 5] {
            let v = p.saturating_mul(m);
            if v >= x || v == i64::MAX {
                return v;
            }
        }
        if p > i64::MAX / 10 {
            return p;
        }
        p *= 10;
    }
}

fn go(state: Rc<AppState>, id: u32) -> Rc<AppState> {
    let same = state.entries.get(state.current).is_some_and(|e| e.id == id);
    if same && state.workshop.trial.is_none() {
        return state;
    }
    let mut st = (*state).clone();
    st.workshop.trial = None;
    if !same {
        select(&mut st, id);
    }
    Rc::new(st)
}

/// Opens an entry by id, unless it is open already.
fn select(st: &mut AppState, id: u32) {
    match st.entries.iter().position(|e| e.id == id) {
        Some(i) if i != st.current => st.select(i),
        _ => {}
    }
}

/// The trial of an entry with these amounts, or `None` when the model refuses it.
fn trial_of(entry: &Entry, amounts: BTreeMap<String, Money>) -> Option<Trial> {
    let mut s = entry.scenario.clone();
    for (line, amount) in &amounts {
        s.allocation.insert(line.clone(), *amount);
        // A question to the room ignores the planner's locks and bounds on the line.
        s.constraints.remove(line);
    }
    let allocated = s
        .allocation
        .values()
        .fold(0i64, |a, m| a.saturating_add(m.0));
    let mut extra = 0i64;
    for y in &mut s.budget {
        let short = allocated.saturating_sub(y.total().0);
        if short > 0 {
            y.mobilised = Money(y.mobilised.0.saturating_add(short));
            extra = extra.max(short);
        }
    }
    let projection = model::evaluate(&s).ok()?;
    Some(Trial {
        of: entry.id,
        amounts,
        scenario: s,
        projection: Rc::new(projection),
        extra_budget: Money(extra),
    })
}

/// Inserts a valid scenario as a new entry; `None` when the working set is full.
fn insert(st: &mut AppState, s: Scenario, at: Option<usize>) -> Option<u32> {
    st.insert(s, at).ok().map(|(id, _)| id)
}

/// Adds each scenario of a pack unless an identical one is already in the working set
/// (opening the same pack twice adds nothing), keeping its name even when another scenario
/// has it. Returns the entry ids in pack order and how many did not fit.
fn add_all(st: &mut AppState, scenarios: &[Scenario]) -> (Vec<u32>, usize) {
    let mut ids = Vec::with_capacity(scenarios.len());
    let mut missed = 0;
    for s in scenarios {
        if let Some(e) = st.entries.iter().find(|e| &e.scenario == s) {
            if !ids.contains(&e.id) {
                ids.push(e.id);
            }
            continue;
        }
        // Names stay as the facilitator wrote them: they are what the room reads.
        match insert(st, s.clone(), None) {
            Some(id) => ids.push(id),
            None => missed += 1,
        }
    }
    (ids, missed)
}

fn full_notice(st: &mut AppState) {
    st.notice = Some(Notice::words(Ui::NoticePackFull, MAX_ENTRIES));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use model::Lang;
    use yew::Reducible;

    fn state3() -> Rc<AppState> {
        let b = Scenario {
            name: "B".into(),
            ..Scenario::default()
        };
        let mut c = Scenario {
            name: "C".into(),
            ..Scenario::default()
        };
        c.allocation.insert("swim".into(), Money(150_000_000_000));
        c.allocation.insert("scholarship".into(), Money(0));
        Rc::new(AppState::with_entries(
            vec![Scenario::default(), b, c],
            1,
            Lang::Vi,
        ))
    }

    fn act(st: Rc<AppState>, a: WorkshopAction) -> Rc<AppState> {
        st.reduce(Action::Workshop(a))
    }

    #[test]
    fn the_side_by_side_slide_shows_two_to_four_of_the_deck() {
        let st = act(state3(), WorkshopAction::Enter);
        assert_eq!(st.side_slides(), st.slides(), "a deck of three, all of it");
        let st = act(st, WorkshopAction::Side(None));
        assert!(st.workshop.side);
        let st = act(st, WorkshopAction::Side(None));
        assert!(!st.workshop.side, "the key toggles it");
        let on = act(st.clone(), WorkshopAction::Side(Some(true)));
        assert!(on.workshop.side);
        assert!(
            !act(on, WorkshopAction::Leave).workshop.side,
            "leaving closes it"
        );
        // A deck of one has nothing to set side by side.
        let mut one = (*st).clone();
        one.workshop.deck = Some(vec![st.slides()[0]]);
        let one = Rc::new(one);
        assert!(one.side_slides().is_empty());
        assert!(!act(one, WorkshopAction::Side(Some(true))).workshop.side);
        // A deck of six: four at a time, from the slide on screen, the last four at the end.
        let six: Vec<Scenario> = (0..6)
            .map(|i| Scenario {
                name: format!("S{i}"),
                ..Scenario::default()
            })
            .collect();
        let st = act(
            Rc::new(AppState::with_entries(six, 0, Lang::Vi)),
            WorkshopAction::Enter,
        );
        let ids = st.slides();
        assert_eq!(st.side_slides(), ids[0..4].to_vec());
        let st = act(st, WorkshopAction::Step(1));
        assert_eq!(st.side_slides(), ids[1..5].to_vec());
        let st = act(st, WorkshopAction::Step(i32::MAX));
        assert_eq!(st.side_slides(), ids[2..6].to_vec());
    }

    #[test]
    fn entering_steps_and_leaving_returns_to_the_planners_scenario() {
        let st = act(state3(), WorkshopAction::Enter);
        assert_eq!(st.view, View::Workshop);
        assert_eq!(
            st.slide_position(),
            (Some(1), 3),
            "starts where the planner was"
        );
        let st = act(st, WorkshopAction::Step(1));
        assert_eq!(st.scenario().name, "C");
        let g = st.generation;
        let same = act(st.clone(), WorkshopAction::Step(1));
        assert!(Rc::ptr_eq(&same, &st), "the end of the deck is a no-op");
        let st = act(st, WorkshopAction::Step(-5));
        assert_eq!(st.slide_position(), (Some(0), 3));
        assert!(st.generation > g);
        let st = act(st, WorkshopAction::Leave);
        assert_eq!(st.view, View::Planner);
        assert_eq!(st.scenario().name, "B");
        assert_eq!(st.entries, state3().entries, "nothing edited");
    }

    #[test]
    fn what_if_never_changes_a_scenario_and_raises_the_budget_when_needed() {
        let st = act(state3(), WorkshopAction::Enter);
        let before = st.entries.clone();
        let deaths = st.projection.headline.deaths_averted;
        let st = act(
            st,
            WorkshopAction::WhatIf {
                line: "swim".into(),
                amount: Money(200_000_000_000),
            },
        );
        let t = st.trial().expect("a trial");
        assert_eq!(t.extra_budget, Money(80_000_000_000));
        assert!(st.shown().1.headline.deaths_averted.lifetime > deaths.lifetime);
        assert_eq!(st.entries, before);
        // Back to the scenario's own amount: the trial disappears.
        let st = act(
            st,
            WorkshopAction::WhatIf {
                line: "swim".into(),
                amount: Money(120_000_000_000),
            },
        );
        assert!(st.trial().is_none());
        // Stepping drops a trial.
        let st = act(
            st,
            WorkshopAction::WhatIf {
                line: "barrier".into(),
                amount: Money(1),
            },
        );
        assert!(st.trial().is_some());
        let st = act(st, WorkshopAction::Step(1));
        assert!(st.trial().is_none());
    }

    #[test]
    fn a_kept_trial_becomes_a_new_scenario_after_its_slide() {
        let st = act(state3(), WorkshopAction::Enter);
        let st = act(
            st,
            WorkshopAction::WhatIf {
                line: "swim".into(),
                amount: Money(130_000_000_000),
            },
        );
        let st = act(st, WorkshopAction::KeepWhatIf);
        assert_eq!(st.entries.len(), 4);
        assert_eq!(st.scenario().name, "B (thử)");
        assert_eq!(
            st.scenario().allocation.get("swim"),
            Some(&Money(130_000_000_000))
        );
        assert_eq!(st.slide_position(), (Some(2), 4));
        assert!(st.trial().is_none());
    }

    #[test]
    fn a_pack_opens_in_workshop_mode_once() {
        let a = Scenario {
            name: "Gói A".into(),
            ..Scenario::default()
        };
        let mut b = Scenario::default_for("dien-bien");
        b.name = "Gói B".into();
        let pack = Pack::new("Hội thảo", vec![a, b]).expect("valid");
        let st = act(state3(), WorkshopAction::OpenPack(Ok(pack.clone())));
        assert_eq!(st.view, View::Workshop);
        assert_eq!(st.entries.len(), 5);
        assert_eq!(st.scenario().name, "Gói A");
        assert_eq!(st.slide_position(), (Some(0), 2));
        assert_eq!(st.workshop.title, "Hội thảo");
        assert_eq!(deck_pack(&st), Ok(pack.clone()));
        // Opening it again adds nothing.
        let st = act(st, WorkshopAction::OpenPack(Ok(pack)));
        assert_eq!(st.entries.len(), 5);
        let st = act(st, WorkshopAction::Leave);
        assert_eq!(
            st.scenario().name,
            "B",
            "back to the planner's own scenario"
        );
    }

    #[test]
    fn a_bad_pack_is_a_notice_and_nothing_else() {
        let st = state3();
        let next = act(
            st.clone(),
            WorkshopAction::OpenPack(Err(PackError::NoScenarios)),
        );
        assert_eq!(next.view, View::Planner);
        assert_eq!(next.entries, st.entries);
        assert!(
            next.notice
                .as_ref()
                .is_some_and(|n| n.message(Lang::Vi).contains("Không mở được gói"))
        );
        let next = act(st, WorkshopAction::AddLink("#w=AAAA".into()));
        assert!(next.notice.is_some());
    }

    #[test]
    fn the_deck_can_be_chosen_and_never_empties() {
        let st = act(state3(), WorkshopAction::InDeck { id: 1, on: false });
        assert_eq!(st.slides(), vec![2, 3]);
        let st = act(st, WorkshopAction::InDeck { id: 2, on: false });
        let st = act(st, WorkshopAction::InDeck { id: 3, on: false });
        assert_eq!(st.slides(), vec![3], "the last one stays");
        let st = act(st, WorkshopAction::InDeck { id: 1, on: true });
        let st = act(st, WorkshopAction::InDeck { id: 2, on: true });
        assert_eq!(st.workshop.deck, None, "all of them again");
        // Entering with the planner's scenario off the deck starts at the deck's first.
        let st = act(st, WorkshopAction::InDeck { id: 2, on: false });
        let st = act(st, WorkshopAction::Enter);
        assert_eq!(st.scenario().name, "Kế hoạch toàn quốc 2027–2030");
    }

    #[test]
    fn pasted_links_join_the_deck() {
        let mut s = Scenario::default_for("dien-bien");
        s.name = "Điện Biên".into();
        let link = format!("http://127.0.0.1/{}", model::codec::fragment(&s));
        let st = act(state3(), WorkshopAction::InDeck { id: 1, on: false });
        let st = act(st, WorkshopAction::AddLink(link));
        assert_eq!(st.slides(), vec![2, 3, 4]);
        assert_eq!(st.entries[3].scenario.name, "Điện Biên");
        assert_eq!(st.scenario().name, "B", "adding does not switch");
    }

    #[test]
    fn slider_ranges_are_round_and_above_todays_amount() {
        let s = Scenario::default();
        let (max, step) = slider_range(&s, "swim");
        assert!(max.0 >= 240_000_000_000, "{max:?}");
        assert_eq!(max.0 % step.0, 0);
        assert_eq!(step, Money(5_000_000_000));
        let db = Scenario::default_for("dien-bien");
        let (max, step) = slider_range(&db, "barrier");
        assert!(max.0 > 0 && step.0 >= 1_000_000 && max.0 % step.0 == 0);
    }
}
