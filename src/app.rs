//! The root component: owns the app state, runs the side effects (Monte Carlo refinement,
//! persistence, language), and lays out the planner screen.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use model::Lang;
use yew::prelude::*;

use crate::components::assumptions::AssumptionsPanel;
use crate::components::budget::BudgetPanel;
use crate::components::charts_panel::ChartsPanel;
use crate::components::header::Header;
use crate::components::kpis::Kpis;
use crate::components::lines::LinesPanel;
use crate::components::notice::NoticeBar;
use crate::components::optimise::OptimisePanel;
use crate::components::plan::PlanSettings;
use crate::components::targets::Targets;
use crate::platform;
use crate::state::{Action, AppContext, AppState};

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
        None => startup_state(),
    });

    // Refine the uncertainty band once editing pauses.
    {
        let state = state.clone();
        use_effect_with(state.generation, move |generation| {
            let generation = *generation;
            let scenario = state.scenario().clone();
            let dispatcher = state.dispatcher();
            let timer = Timeout::new(REFINE_DELAY_MS, move || {
                if let Ok(u) = model::mc::simulate(&scenario, DRAWS) {
                    dispatcher.dispatch(Action::Uncertainty(generation, Rc::new(u)));
                }
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
    let mut st = AppState::default();
    st.lang = lang;
    st
}

/// The page layout.
#[component]
pub fn Shell() -> Html {
    let app = crate::components::use_app();
    let lang = app.lang;
    html! {
        <div class="app" data-testid="app-ready" lang={lang.code()}>
            <a class="skip" href="#results">{ lang.pick("Chuyển đến kết quả", "Skip to results") }</a>
            <Header/>
            <NoticeBar/>
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
            <footer class="footer">
                <p>{ lang.pick(
                    "Số liệu mặc định kèm nguồn (xem “Số liệu nền” và bảng giả định); các số ước tính được ghi rõ. Ứng dụng chạy hoàn toàn trên máy của bạn, không gửi dữ liệu đi đâu.",
                    "Default figures carry their sources (see “Baseline” and the assumptions table); estimates are marked. The app runs entirely on your device and sends no data anywhere.") }</p>
            </footer>
        </div>
    }
}
