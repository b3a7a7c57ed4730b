//! The root component: owns the app state, starts the app-wide hooks (Monte Carlo
//! refinement, autosave, language, pasted links, the service worker; see `hooks`), and lays
//! out the planner screen.

use std::rc::Rc;

use model::Lang;
use model::words::Ui;
use yew::prelude::*;

use crate::components::assumptions::AssumptionsPanel;
use crate::components::budget::BudgetPanel;
use crate::components::charts_panel::ChartsPanel;
use crate::components::compare::{Compare, CompareToggle};
use crate::components::document::DocumentButton;
use crate::components::export::ExportButton;
use crate::components::hand_in::HandIn;
use crate::components::header::Header;
use crate::components::kpis::Kpis;
use crate::components::lines::LinesPanel;
use crate::components::mini_summary::MiniSummary;
use crate::components::notice::NoticeBar;
use crate::components::optimise::OptimisePanel;
use crate::components::plan::PlanSettings;
use crate::components::print::PrintButton;
use crate::components::room::{RoomToggle, RoomView};
use crate::components::scenarios::ScenarioBar;
use crate::components::share::ShareButton;
use crate::components::targets::Targets;
use crate::components::workshop_toggle::WorkshopToggle;
use crate::components::workshop_view::WorkshopView;
use crate::hooks::use_document_lang::LANG_KEY;
use crate::hooks::use_remembered_chance::remembered_chance;
use crate::hooks::{
    use_autosave, use_document_lang, use_meaning_note, use_refined_uncertainty,
    use_remembered_chance, use_shared_links, use_undo_keys, use_workshop_services,
};
use crate::platform;
use crate::state::{Action, AppContext, AppState, BookAction, Notice, View, WorkshopAction, book};

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone, Debug, Default)]
pub struct AppProps {
    /// Start from this state instead of the saved one (tests, server rendering).
    #[prop_or_default]
    pub initial: Option<Rc<AppState>>,
}

/// The app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || match initial {
        Some(s) => (*s).clone(),
        None => with_pack_link(startup_state()),
    });
    use_refined_uncertainty(&state);
    use_meaning_note(&state);
    use_undo_keys(state.dispatcher());
    use_remembered_chance(state.chance);
    use_document_lang(state.lang);
    use_effect_with((), |_| platform::remove_loading_screen());
    use_workshop_services(&state);
    use_autosave(&state);
    use_shared_links(&state);

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <Shell/>
        </ContextProvider<AppContext>>
    }
}

fn startup_state() -> AppState {
    let lang = match platform::load(LANG_KEY) {
        Ok(Some(code)) => Lang::from_code(&code),
        _ => Lang::Vi,
    };
    let (mut st, mut notice) = restore_book(lang);
    // Opening `…/#s=<code>` adds that scenario as a new copy (or, for a broken link, shows the
    // default scenario with a notice); the fragment is removed so a reload does not repeat it.
    if let Some(hash) = platform::share::take_link_fragment() {
        let opened = model::decode(&hash).map(Box::new);
        let next = book::reduce(Rc::new(st), BookAction::OpenLink(opened));
        st = Rc::unwrap_or_clone(next);
        notice = st.notice.take().or(notice);
    }
    st.notice = notice;
    if let Some(c) = remembered_chance() {
        st.chance = c;
    }
    st
}

/// The state to start with when the page was opened with a pack link `…/#w=<code>`: the
/// pack's scenarios join the working set and workshop mode starts at the first of them (a
/// broken pack leaves the state as it was, with a notice). Without a pack fragment the
/// state is returned untouched.
fn with_pack_link(st: AppState) -> AppState {
    match platform::workshop::take_pack_fragment() {
        Some(hash) => {
            let opened = model::pack::decode(&hash);
            Rc::unwrap_or_clone(
                Rc::new(st).reduce(Action::Workshop(WorkshopAction::OpenPack(opened))),
            )
        }
        None => st,
    }
}

/// The autosaved working set, or the default one; a notice when storage failed or the saved
/// text was damaged (it is then copied aside, never lost).
fn restore_book(lang: Lang) -> (AppState, Option<Notice>) {
    let seed = platform::storage::random_seed();
    let default = || {
        let mut st = AppState {
            lang,
            seed,
            ..AppState::default()
        };
        st.entries[0].uid = st.new_uid(st.entries[0].id);
        st
    };
    match platform::storage::load_book() {
        Ok(None) => (default(), None),
        Ok(Some(text)) => match model::autosave::read(&text) {
            Ok(r) => {
                let notice = (r.dropped > 0).then(|| {
                    let _ = platform::storage::set_aside(&text);
                    Notice::StorageCorrupt
                });
                (AppState::from_book(&r.book, lang, seed), notice)
            }
            Err(_) => {
                let _ = platform::storage::set_aside(&text);
                (default(), Some(Notice::StorageCorrupt))
            }
        },
        Err(why) => (default(), Some(Notice::StorageFailed(why))),
    }
}

/// Above the results of a plan opened from a shared link: on a phone they come first
/// (`AppState::results_first`), and "Chỉnh sửa" goes to the form.
#[component]
fn SharedFirst() -> Html {
    let app = crate::hooks::use_app();
    let lang = app.lang;
    // On a phone the results come first: scroll past the header and notices to them.
    use_effect_with((), |_| {
        if platform::page::narrow() {
            platform::page::reveal_later("results");
        }
    });
    let edit = {
        let d = app.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::EditShared);
            platform::page::reveal_later("plan-form");
        })
    };
    html! {
        <div class="shared-first" data-testid="shared-first">
            <p>{ Ui::SharedResultsNote.get(lang) }</p>
            <button type="button" class="btn" data-testid="edit-shared" onclick={edit}>
                { "✎ " }{ Ui::EditShared.get(lang) }
            </button>
        </div>
    }
}

/// The page layout.
#[component]
pub fn Shell() -> Html {
    let app = crate::hooks::use_app();
    let lang = app.lang;
    if app.view == View::Room {
        return html! {
            <div class="app room-app" data-testid="app-ready" lang={lang.code()}>
                <NoticeBar/>
                <RoomView/>
            </div>
        };
    }
    if app.view == crate::state::View::Workshop {
        return html! {
            <div class="app workshop-app" data-testid="app-ready" lang={lang.code()}>
                <WorkshopView/>
            </div>
        };
    }
    html! {
        <div class="app" data-testid="app-ready" lang={lang.code()}>
            <a class="skip" href="#results">{ Ui::SkipToResults.get(lang) }</a>
            <Header>
                <CompareToggle/>
                <ShareButton/>
                <ExportButton/>
                <PrintButton/>
                <DocumentButton/>
                <WorkshopToggle/>
                <HandIn/>
                <RoomToggle/>
            </Header>
            <NoticeBar/>
            <ScenarioBar/>
            if app.view == View::Compare { <Compare/> } else {
            <main class={classes!("planner", app.results_first.then_some("results-first"))}>
                <div class="col-inputs" id="plan-form" tabindex="-1">
                    <PlanSettings/>
                    <BudgetPanel/>
                    <LinesPanel/>
                </div>
                <div class="col-outputs" id="results">
                    if app.results_first { <SharedFirst/> }
                    <Kpis/>
                    <Targets/>
                    <OptimisePanel/>
                    <ChartsPanel/>
                    <AssumptionsPanel/>
                </div>
            </main>
            }
            if app.view != View::Compare { <MiniSummary/> }
            <footer class="footer">
                <p>{ Ui::Footer.get(lang) }</p>
            </footer>
        </div>
    }
}
