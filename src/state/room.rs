//! The room's part of the app state (issue 16) and its pure reducer: the plans handed in
//! (`model::room::Room`), what the last reading of links did, and the room cleared last
//! (for undo). The room's saved text lives in the browser's storage under its own key; the
//! room view reads it once and saves every change (`components::room`).
//!
//! While the room holds no plan it follows the planner: its starting plan is the scenario
//! open there. The first plan that arrives fixes the starting plan until the room is
//! cleared.

use std::rc::Rc;

use model::Scenario;
use model::room::{Report, Room};

use super::book::{self, BookAction};
use super::{AppState, View};

/// The room's part of the app state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoomState {
    /// The saved room has been read (nothing is saved before, so it is never overwritten).
    pub loaded: bool,
    /// The room (`None` until a plan arrives, and after clearing).
    pub room: Option<Rc<Room>>,
    /// Bumps on every change of the room (the summary and the autosave follow it).
    pub version: u64,
    /// What the last reading of links did.
    pub report: Option<Rc<Report>>,
    /// The room as it was before the last clearing, for undo.
    pub cleared: Option<Rc<Room>>,
    /// The saved room could not be read (it was set aside).
    pub unreadable: bool,
}

impl RoomState {
    /// Plans in the room.
    pub fn len(&self) -> usize {
        self.room.as_ref().map_or(0, |r| r.len())
    }

    /// No plan in the room.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What can happen to the room.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomAction {
    /// Open the room view.
    Open,
    /// The saved text read from storage (`None`: nothing saved; `Some(Err)`: storage
    /// refused), read once when the room view first opens.
    Restore(Option<String>),
    /// Read the links in a text (a paste, a file, what the camera decoded).
    Read(String),
    /// Remove one plan (by its index in the room).
    Remove(usize),
    /// Empty the room (undo brings it back).
    Clear,
    /// Bring back the room cleared last.
    Undo,
    /// Open a plan of the room in the planner, as a new scenario of the working set.
    OpenPlan(usize),
    /// Add the room's plan to the working set under a name and open it in the planner.
    KeepRoomPlan(Box<Scenario>),
}

/// Applies a room action. Returns the same `Rc` when nothing changes.
pub fn reduce(state: Rc<AppState>, action: RoomAction) -> Rc<AppState> {
    match action {
        RoomAction::Open => state.with(|st| {
            st.view = View::Room;
            st.notice = None;
        }),
        RoomAction::Restore(_) if state.room.loaded => state,
        RoomAction::Restore(text) => state.with(|st| {
            st.room.loaded = true;
            // A room that already holds plans (read before the saved text arrived) wins.
            if !st.room.is_empty() {
                return;
            }
            match text.as_deref().map(model::room::read) {
                None => {}
                Some(Ok((room, _))) => {
                    st.room.room = (!room.is_empty()).then(|| Rc::new(room));
                    st.room.version += 1;
                }
                Some(Err(_)) => st.room.unreadable = true,
            }
        }),
        RoomAction::Read(text) => state.with(|st| {
            let mut room = match &st.room.room {
                Some(r) if !r.is_empty() => (**r).clone(),
                _ => Room::new(st.scenario().clone()),
            };
            let report = room.add_text(&text);
            let [added, replaced, ..] = report.counts();
            if added + replaced > 0 {
                st.room.room = Some(Rc::new(room));
                st.room.version += 1;
            }
            st.room.report = Some(Rc::new(report));
        }),
        RoomAction::Remove(i) => match &state.room.room {
            Some(r) if i < r.len() => {
                let mut room = (**r).clone();
                room.remove(i);
                state.with(|st| {
                    st.room.room = (!room.is_empty()).then(|| Rc::new(room));
                    st.room.version += 1;
                })
            }
            _ => state,
        },
        RoomAction::Clear => match state.room.room.clone() {
            Some(r) => state.with(|st| {
                st.room.cleared = Some(r);
                st.room.room = None;
                st.room.report = None;
                st.room.version += 1;
            }),
            None => state,
        },
        RoomAction::Undo => match state.room.cleared.clone() {
            Some(r) => state.with(|st| {
                st.room.room = Some(r);
                st.room.cleared = None;
                st.room.version += 1;
            }),
            None => state,
        },
        RoomAction::OpenPlan(i) => {
            let Some(s) = state
                .room
                .room
                .as_ref()
                .and_then(|r| r.plans().get(i))
                .cloned()
            else {
                return state;
            };
            let before = state.entries.len();
            let mut next = book::reduce(state, BookAction::OpenShared(Ok(Box::new(s))));
            if next.entries.len() > before {
                Rc::make_mut(&mut next).view = View::Planner;
            }
            next
        }
        RoomAction::KeepRoomPlan(s) => {
            let before = state.entries.len();
            let mut next = book::reduce(state, BookAction::OpenShared(Ok(s)));
            // A full working set says so in the notice, over the room.
            if next.entries.len() > before {
                Rc::make_mut(&mut next).view = View::Planner;
            }
            next
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use yew::Reducible;

    fn named(name: &str, gifts: i64) -> Scenario {
        let mut s = Scenario {
            name: name.into(),
            ..Default::default()
        };
        s.allocation.insert("gifts".into(), model::Money(gifts));
        s
    }

    fn act(st: Rc<AppState>, a: RoomAction) -> Rc<AppState> {
        st.reduce(Action::Room(a))
    }

    #[test]
    fn reading_clearing_and_undo() {
        let st = Rc::new(AppState::default());
        let st = act(st, RoomAction::Restore(None));
        assert!(st.room.loaded && st.room.is_empty());
        let text = format!(
            "{} {} #s=broken",
            model::fragment(&named("A", 1)),
            model::fragment(&named("B", 2))
        );
        let st = act(st, RoomAction::Read(text));
        assert_eq!(st.room.len(), 2);
        assert_eq!(
            st.room.report.as_ref().map(|r| r.counts()),
            Some([2, 0, 0, 1])
        );
        let v = st.room.version;
        let st = act(st, RoomAction::Clear);
        assert!(st.room.is_empty() && st.room.version > v);
        assert!(st.room.cleared.is_some());
        let st = act(st, RoomAction::Undo);
        assert_eq!(st.room.len(), 2);
        // A saved room arriving late never replaces plans already read.
        let st2 = Rc::new(AppState::default());
        let st2 = act(st2, RoomAction::Read(model::fragment(&named("C", 3))));
        let saved = model::room::write(st.room.room.as_deref().expect("room"));
        let st2 = act(st2, RoomAction::Restore(Some(saved.clone())));
        assert_eq!(st2.room.len(), 1);
        let st3 = act(
            Rc::new(AppState::default()),
            RoomAction::Restore(Some(saved)),
        );
        assert_eq!(st3.room.len(), 2);
        let bad = act(
            Rc::new(AppState::default()),
            RoomAction::Restore(Some("x".into())),
        );
        assert!(bad.room.unreadable && bad.room.is_empty());
    }

    #[test]
    fn opening_a_plan_adds_a_scenario_and_shows_the_planner() {
        let st = Rc::new(AppState::default());
        let st = act(st, RoomAction::Open);
        assert_eq!(st.view, View::Room);
        let st = act(st, RoomAction::Read(model::fragment(&named("Bàn 4", 7))));
        let n = st.entries.len();
        let st = act(st, RoomAction::OpenPlan(0));
        assert_eq!(st.entries.len(), n + 1);
        assert_eq!(st.view, View::Planner);
        assert_eq!(st.scenario().name, "Bàn 4");
        let unchanged = act(st.clone(), RoomAction::OpenPlan(9));
        assert!(Rc::ptr_eq(&st, &unchanged));
    }
}
