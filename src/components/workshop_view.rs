//! Workshop mode: the projector view. The headline figures and the deaths chart, very
//! large; the scenario's name and its target badges; stepping through the deck with the
//! arrow keys, a clicker (PageUp/PageDown) or the buttons; a big QR code of the scenario
//! on screen (key `Q`); two "what if" sliders for questions from the room; `Esc` leaves.

use std::rc::Rc;

use model::words::Ui;
use yew::prelude::*;

use super::use_app;
use super::workshop_badges::{Badges, chances_of};
use super::workshop_figure::{Figure, Fmt};
use super::workshop_pack::PackPanel;
use super::workshop_qr::QrOverlay;
use super::workshop_side::SideBySide;
use super::workshop_toggle::WorkshopToggle;
use super::workshop_what_if::WhatIf;
use crate::charts::{DeathsChart, deaths_svg};
use crate::format;
use crate::hooks::{use_compare_bands, use_notice_timeout, use_workshop_keys};
use crate::platform::{sw, workshop as web};
use crate::state::{Action, WorkshopAction};

/// Width and height the chart is drawn at. The page scales it to fit: drawing small and
/// scaling up makes its text large on a projector (about 18 px at 1280 × 720).
const CHART_W: u32 = 340;
const CHART_H: u32 = 215;
/// How long a message stays on the projector, ms.
const NOTICE_MS: u32 = 8_000;

/// The whole screen in workshop mode.
#[component]
pub fn WorkshopView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let panel = use_state_eq(|| false);
    let qr = app.workshop.qr;

    // Keys: arrows and clicker keys step, Q shows the QR code, F full screen, Esc leaves
    // (closing the QR code or the pack panel first).
    use_workshop_keys(app.dispatcher(), qr, app.workshop.side, panel.clone());

    // A workshop may run in a hall without a connection: store every file now (a phone's
    // first visit stores only what the first screen needs).
    use_effect_with((), |_| sw::store_everything());
    // On a projector a message is clutter: it goes after a while (it stays in the planner).
    use_notice_timeout(app.dispatcher(), app.notice.clone(), NOTICE_MS);
    let (shown, projection) = app.shown();
    let shown = shown.clone();
    let p = projection.clone();
    let trial = app.trial().cloned();
    let (pos, n) = app.slide_position();
    let at = pos.map_or(0, |p| p + 1);
    let d = app.dispatcher();
    let step = |by: i32| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Workshop(WorkshopAction::Step(by))))
    };
    let toggle_qr = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Workshop(WorkshopAction::Qr(None))))
    };
    let toggle_panel = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| panel.set(!*panel))
    };
    let close_panel = {
        let panel = panel.clone();
        Callback::from(move |()| panel.set(false))
    };
    let fullscreen = Callback::from(|_: MouseEvent| web::toggle_fullscreen());
    let other = lang.other();
    let switch_lang = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetLang(other)))
    };
    let region = model::data::region(&shown.region)
        .map(|r| r.name(lang))
        .unwrap_or_else(|| shown.region.clone());
    let title = if app.workshop.title.trim().is_empty() {
        Ui::WsDefaultTitle.get(lang).to_string()
    } else {
        app.workshop.title.clone()
    };
    // The uncertainty of what is on screen: the prepared scenario's (the planner's band), or
    // a trial's, computed once the sliders pause (issue 14: a "what if" keeps the band).
    let trial_u = use_compare_bands(trial.iter().map(|t| t.scenario.clone()).collect());
    let u: Option<&model::Uncertainty> = match &trial {
        None => app.fresh_uncertainty(),
        Some(_) => trial_u
            .as_ref()
            .and_then(|b| b.first())
            .and_then(Option::as_ref),
    };
    let band = u.map(DeathsChart::band);
    let band_drawn = band.is_some();
    let range = u.map(|u| {
        format!(
            "{} {}–{}",
            Ui::WsRange.get(lang),
            format::deaths(u.deaths_averted.lifetime.p10, lang),
            format::deaths(u.deaths_averted.lifetime.p90, lang)
        )
    });
    let chances = u.map(chances_of);
    // One y axis for every slide of the deck (issue 14).
    let y_range = {
        let app = app.clone();
        use_memo((app.slides(), app.generation), move |_| app.deck_y_range())
    };
    let chart = {
        let key = (
            app.generation,
            lang,
            band.is_some(),
            trial_u.as_ref().map(Rc::as_ptr),
            trial.clone().map(|t| t.amounts),
            *y_range,
        );
        let p = p.clone();
        let y_range = *y_range;
        use_memo(key, move |_| {
            let data = DeathsChart {
                y_range,
                ..DeathsChart::from_projection(&p, band)
            };
            deaths_svg(&data, lang, CHART_W, CHART_H).ok()
        })
    };
    let h = &p.headline;
    let last_year = p.years.last().map(|y| y.year).unwrap_or(shown.end_year);

    html! {
        <div class={classes!("ws", trial.is_some().then_some("trying"))} data-testid="workshop"
            data-band={band_drawn.to_string()}
            aria-roledescription={Ui::WsRoleDescription.get(lang)}>
            <header class="ws-bar">
                <div class="ws-where">
                    <svg class="ws-logo" viewBox="0 0 64 64" aria-hidden="true">
                        <rect width="64" height="64" rx="12" fill="#0b5394"/>
                        <path d="M10 42c6-5 10-5 16 0s10 5 16 0 10-5 12-2" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>
                        <circle cx="32" cy="20" r="8" fill="#ffd966"/>
                    </svg>
                    <span class="ws-title" data-testid="ws-title">{ title }</span>
                    <span class="ws-pos" data-testid="ws-position" data-value={at.to_string()} data-count={n.to_string()}>
                        { Ui::WsScenarioWord.get(lang) }<strong>{ at }</strong>{ " / " }{ n }
                    </span>
                </div>
                <nav class="ws-actions" aria-label={Ui::WsControls.get(lang)}>
                    <button type="button" class="btn ws-step" data-testid="ws-prev" onclick={step(-1)}
                        disabled={pos.is_some_and(|p| p == 0)}
                        title={Ui::WsPrevTitle.get(lang)}>
                        { "◀ " }{ Ui::WsPrev.get(lang) }
                    </button>
                    <button type="button" class="btn ws-step" data-testid="ws-next" onclick={step(1)}
                        disabled={pos.is_some_and(|p| p + 1 >= n)}
                        title={Ui::WsNextTitle.get(lang)}>
                        { Ui::WsNext.get(lang) }{ " ▶" }
                    </button>
                    <button type="button" class="btn ghost" data-testid="ws-qr-toggle" aria-pressed={qr.to_string()}
                        onclick={toggle_qr} title={Ui::WsQrTitle.get(lang)}>
                        { "▦ " }{ Ui::WsQr.get(lang) }
                    </button>
                    <button type="button" class="btn ghost" data-testid="ws-pack-toggle" aria-expanded={panel.to_string()}
                        aria-controls="ws-pack" onclick={toggle_panel}>
                        { Ui::WsPack.get(lang) }
                    </button>
                    <button type="button" class="btn ghost" data-testid="ws-fullscreen" onclick={fullscreen}
                        title={Ui::WsFullscreenTitle.get(lang)}>
                        <svg class="ws-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6" fill="none" stroke="currentColor" stroke-width="2.5"/></svg>
                        <span class="sr-only">{ Ui::WsFullscreen.get(lang) }</span>
                    </button>
                    <button type="button" class="btn ghost" data-testid="lang-toggle" lang={other.code()} onclick={switch_lang}>
                        { Ui::OtherLanguageName.get(lang) }
                    </button>
                    <WorkshopToggle/>
                </nav>
            </header>
            <crate::components::notice::NoticeBar/>
            if *panel {
                <PackPanel on_close={close_panel}/>
            }
            if app.workshop.side {
                <SideBySide/>
            } else {
                <section class="ws-slide" aria-live="polite">
                    <div class="ws-head">
                        <h2 class="ws-name" data-testid="ws-name">{ shown.name.clone() }</h2>
                        <p class="ws-meta">
                            { region }{ " · " }{ shown.start_year }{ "–" }{ shown.end_year }
                            if trial.is_some() {
                                <span class="ws-trying" data-testid="ws-trying">{ Ui::WsTrying.get(lang) }</span>
                            }
                        </p>
                    </div>
                    <div class="ws-body">
                        <div class="ws-figures">
                            <Figure testid="ws-deaths-averted" main=true value={h.deaths_averted.lifetime} fmt={Fmt::Deaths} lang={lang}
                                label={Ui::WsDeathsAverted.get(lang)}
                                detail={range.map(AttrValue::from)}/>
                            <Figure testid="ws-drowning-rate" value={h.rate_final} fmt={Fmt::Rate} lang={lang}
                                label={Ui::WsRateIn.fill(lang, &[&last_year.to_string()])}
                                detail={Some(AttrValue::from(format!("{} {}", Ui::WsWithoutPlan.get(lang), format::rate(h.rate_baseline_final, lang))))}/>
                            <Figure testid="ws-swim-share" value={h.swim_share_final} fmt={Fmt::Pct} lang={lang}
                                label={Ui::WsSwimIn.fill(lang, &[&last_year.to_string()])}/>
                            <Figure testid="ws-children-supported" value={h.children_supported as f64} fmt={Fmt::Count} lang={lang}
                                label={Ui::WsChildrenSupported.get(lang)}/>
                        </div>
                        <figure class="ws-chart" data-testid="ws-chart"
                            data-y-max={y_range.map(|r| r.1.to_string()).unwrap_or_default()}>
                            if let Some(svg) = (*chart).clone() {
                                { Html::from_html_unchecked(AttrValue::from(svg)) }
                            }
                        </figure>
                    </div>
                    <Badges projection={p.clone()} chances={chances} asked={app.chance} lang={lang}/>
                </section>
                <WhatIf/>
            }
            if qr {
                <QrOverlay/>
            }
        </div>
    }
}
