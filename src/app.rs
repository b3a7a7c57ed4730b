//! The root component: owns the app state, runs the side effects (Monte Carlo refinement,
//! persistence, language), and lays out the planner screen.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use model::Lang;
use model::words::Ui;
use yew::prelude::*;

use crate::components::assumptions::AssumptionsPanel;
use crate::components::budget::BudgetPanel;
use crate::components::charts_panel::ChartsPanel;
use crate::components::compare::{Compare, CompareToggle};
use crate::components::export::ExportButton;
use crate::components::header::Header;
use crate::components::kpis::Kpis;
use crate::components::lines::LinesPanel;
use crate::components::mini_summary::MiniSummary;
use crate::components::notice::NoticeBar;
use crate::components::optimise::OptimisePanel;
use crate::components::plan::PlanSettings;
use crate::components::print::PrintButton;
use crate::components::scenarios::ScenarioBar;
use crate::components::share::ShareButton;
use crate::components::targets::Targets;
use crate::components::workshop::{
    WorkshopToggle, WorkshopView, use_workshop_services, with_pack_link,
};
use crate::platform;
use crate::state::{Action, AppContext, AppState, BookAction, Notice, View, book};

/// Monte Carlo draws for the uncertainty band.
pub const DRAWS: u32 = 1_000;
/// Quiet time after the last edit before the band is recomputed, ms. The figures
/// themselves are exact on every input; only the p10–p90 band waits.
pub const REFINE_DELAY_MS: u32 = 150;

const LANG_KEY: &str = "kehoach.lang";

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

    // Refine the uncertainty band once editing pauses.
    {
        let state = state.clone();
        use_effect_with(state.generation, move |generation| {
            let generation = *generation;
            let scenario = state.scenario().clone();
            let dispatcher = state.dispatcher();
            let timer = Timeout::new(REFINE_DELAY_MS, move || {
                platform::mark_start("kehoach:monte-carlo");
                if let Ok(u) = model::mc::simulate(&scenario, DRAWS) {
                    dispatcher.dispatch(Action::Uncertainty(generation, Rc::new(u)));
                }
                platform::measure_since_start("kehoach:monte-carlo");
            });
            move || drop(timer)
        });
    }
    // Language: persist it and tell the document.
    use_effect_with(state.lang, |lang| {
        platform::set_document_lang(lang.code());
        let _ = platform::save(LANG_KEY, lang.code());
    });
    use_effect_with((), |_| platform::remove_loading_screen());
    use_workshop_services(&state);
    use_autosave(&state);
    // A share link pasted into the address bar of the open page.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let guard = platform::share::on_link_fragment(move |hash| {
                let opened = model::decode(&hash).map(Box::new);
                dispatcher.dispatch(Action::Book(BookAction::OpenShared(opened)));
            });
            move || drop(guard)
        });
    }

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
        let next = book::reduce(Rc::new(st), BookAction::OpenShared(opened));
        st = Rc::unwrap_or_clone(next);
        notice = st.notice.take().or(notice);
    }
    st.notice = notice;
    st
}

/// The autosaved working set, or the default one; a notice when storage failed or the saved
/// text was damaged (it is then copied aside, never lost).
fn restore_book(lang: Lang) -> (AppState, Option<Notice>) {
    let default = || AppState {
        lang,
        ..AppState::default()
    };
    match platform::storage::load_book() {
        Ok(None) => (default(), None),
        Ok(Some(text)) => match book::from_json(&text) {
            Ok(r) => {
                let notice = (r.dropped > 0).then(|| {
                    let _ = platform::storage::set_aside(&text);
                    Notice::StorageCorrupt
                });
                (AppState::with_entries(r.scenarios, r.current, lang), notice)
            }
            Err(_) => {
                let _ = platform::storage::set_aside(&text);
                (default(), Some(Notice::StorageCorrupt))
            }
        },
        Err(why) => (default(), Some(Notice::StorageFailed(why))),
    }
}

/// Saves the working set on every change. A failure shows one notice (until a save works
/// again); the app goes on in memory.
#[hook]
fn use_autosave(state: &UseReducerHandle<AppState>) {
    let failed = use_mut_ref(|| false);
    let dispatcher = state.dispatcher();
    use_effect_with(
        (state.entries.clone(), state.current),
        move |(entries, current)| {
            let text = book::to_json(entries, *current);
            match platform::storage::save_book(&text) {
                Ok(()) => *failed.borrow_mut() = false,
                Err(why) => {
                    if !*failed.borrow() {
                        *failed.borrow_mut() = true;
                        dispatcher.dispatch(Action::Notice(Some(Notice::StorageFailed(why))));
                    }
                }
            }
        },
    );
}

/// The page layout.
#[component]
pub fn Shell() -> Html {
    let app = crate::components::use_app();
    let lang = app.lang;
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
                <WorkshopToggle/>
            </Header>
            <NoticeBar/>
            <ScenarioBar/>
            if app.view == View::Compare { <Compare/> } else {
            <main class="planner">
                <div class="col-inputs">
                    <PlanSettings/>
                    <BudgetPanel/>
                    <LinesPanel/>
                </div>
                <div class="col-outputs" id="results">
                    <Kpis/>
                    <Targets/>
                    <ChartsPanel/>
                    <OptimisePanel/>
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
