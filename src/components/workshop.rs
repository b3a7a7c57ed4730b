//! Workshop mode: the projector view. The headline figures and the deaths chart, very
//! large; the scenario's name and its target badges; stepping through the deck with the
//! arrow keys, a clicker (PageUp/PageDown) or the buttons; a big QR code of the scenario
//! on screen (key `Q`); two "what if" sliders for questions from the room; `Esc` leaves.
//!
//! Every figure carries its exact value in `data-value` at all times; only the text counts
//! up to it (skipped when the person asked for reduced motion).

use std::rc::Rc;

use model::data::{TARGETS, TargetKind};
use model::{Lang, Money};
use yew::prelude::*;

use super::use_app;
use super::workshop_pack::PackPanel;
use crate::charts::{DeathsChart, deaths_svg};
use crate::format;
use crate::platform::{sw, workshop as web};
use crate::state::workshop::{WHAT_IF_LINES, slider_range};
use crate::state::{Action, AppState, Notice, View, WorkshopAction};

/// Width and height the chart is drawn at. The page scales it to fit: drawing small and
/// scaling up makes its text large on a projector (about 18 px at 1280 × 720).
const CHART_W: u32 = 470;
const CHART_H: u32 = 300;
/// How long a figure counts from one scenario to the next, ms.
const COUNT_MS: f64 = 650.0;
/// How long a message stays on the projector, ms.
const NOTICE_MS: u32 = 8_000;

/// The state to start with when the page was opened with a pack link `…/#w=<code>`: the
/// pack's scenarios join the working set and workshop mode starts at the first of them (a
/// broken pack leaves the state as it was, with a notice). Reading the address is the only
/// browser call; without a pack fragment the state is returned untouched.
pub fn with_pack_link(st: AppState) -> AppState {
    match web::take_pack_fragment() {
        Some(hash) => {
            let opened = model::pack::decode(&hash);
            Rc::unwrap_or_clone(
                Rc::new(st).reduce(Action::Workshop(WorkshopAction::OpenPack(opened))),
            )
        }
        None => st,
    }
}

/// Workshop mode's side effects for the whole app: registers the service worker (and says
/// when a newer release has taken over), and opens pack links pasted into the address bar.
#[hook]
pub fn use_workshop_services(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let newer = {
            let dispatcher = dispatcher.clone();
            sw::register(move || {
                dispatcher.dispatch(Action::Notice(Some(Notice::Text {
                    vi: "Đã có phiên bản mới của ứng dụng. Tải lại trang để dùng phiên bản mới; công việc của bạn được giữ nguyên.".into(),
                    en: "A new version of the app is ready. Reload the page to use it; your work is kept.".into(),
                })))
            })
        };
        let packs = web::on_pack_fragment(move |hash| {
            dispatcher.dispatch(Action::Workshop(WorkshopAction::OpenPack(
                model::pack::decode(&hash),
            )))
        });
        move || {
            drop(newer);
            drop(packs);
        }
    });
}

/// The header button that starts workshop mode (and, inside it, leaves it).
#[component]
pub fn WorkshopToggle() -> Html {
    let app = use_app();
    let lang = app.lang;
    let inside = app.view == View::Workshop;
    let onclick = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Workshop(if inside {
                WorkshopAction::Leave
            } else {
                WorkshopAction::Enter
            }))
        })
    };
    html! {
        <button type="button" class="btn ghost"
            data-testid="workshop-toggle" aria-pressed={inside.to_string()} onclick={onclick}
            title={lang.pick("Trình chiếu cho hội thảo (phím Esc để thoát)", "Present to a workshop (Esc leaves)")}>
            if inside {
                { lang.pick("✕ Thoát trình chiếu", "✕ Leave workshop") }
            } else {
                { lang.pick("▶ Trình chiếu hội thảo", "▶ Workshop mode") }
            }
        </button>
    }
}

/// The whole screen in workshop mode.
#[component]
pub fn WorkshopView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let panel = use_state_eq(|| false);
    let qr = app.workshop.qr;

    // Keys: arrows and clicker keys step, Q shows the QR code, F full screen, Esc leaves
    // (closing the QR code or the pack panel first).
    {
        let dispatcher = app.dispatcher();
        let panel = panel.clone();
        use_effect_with((qr, *panel), move |&(qr, panel_open)| {
            let guard = web::on_key(move |k| {
                if k.modified {
                    return false;
                }
                let d = |a: WorkshopAction| dispatcher.dispatch(Action::Workshop(a));
                let text = k.field == web::Field::Text;
                // A focused slider or select keeps its own arrows, Home and End.
                let control = k.field == web::Field::Control
                    && matches!(
                        k.key.as_str(),
                        "ArrowRight" | "ArrowLeft" | "ArrowUp" | "ArrowDown" | "Home" | "End"
                    );
                match k.key.as_str() {
                    "Escape" => {
                        if qr {
                            d(WorkshopAction::Qr(Some(false)));
                        } else if panel_open {
                            panel.set(false);
                        } else {
                            d(WorkshopAction::Leave);
                        }
                        true
                    }
                    _ if text || control => false,
                    // Clickers send PageDown/PageUp (some send the arrows).
                    "PageDown" => {
                        d(WorkshopAction::Step(1));
                        true
                    }
                    "PageUp" => {
                        d(WorkshopAction::Step(-1));
                        true
                    }
                    "ArrowRight" | "ArrowDown" | "n" | "N" => {
                        d(WorkshopAction::Step(1));
                        true
                    }
                    "ArrowLeft" | "ArrowUp" | "p" | "P" => {
                        d(WorkshopAction::Step(-1));
                        true
                    }
                    "Home" => {
                        d(WorkshopAction::Go(0));
                        true
                    }
                    "End" => {
                        d(WorkshopAction::Step(i32::MAX));
                        true
                    }
                    "q" | "Q" => {
                        d(WorkshopAction::Qr(None));
                        true
                    }
                    "f" | "F" => {
                        web::toggle_fullscreen();
                        true
                    }
                    _ => false,
                }
            });
            move || drop(guard)
        });
    }

    // A workshop may run in a hall without a connection: store every file now (a phone's
    // first visit stores only what the first screen needs).
    use_effect_with((), |_| sw::store_everything());
    // On a projector a message is clutter: it goes after a while (it stays in the planner).
    {
        let dispatcher = app.dispatcher();
        use_effect_with(app.notice.clone(), move |notice| {
            let timer = notice.as_ref().map(|_| {
                gloo::timers::callback::Timeout::new(NOTICE_MS, move || {
                    dispatcher.dispatch(Action::Notice(None))
                })
            });
            move || drop(timer)
        });
    }
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
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let switch_lang = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetLang(other)))
    };
    let region = model::data::region(&shown.region)
        .map(|r| r.name(lang))
        .unwrap_or_else(|| shown.region.clone());
    let title = if app.workshop.title.trim().is_empty() {
        lang.pick("Hội thảo", "Workshop").to_string()
    } else {
        app.workshop.title.clone()
    };
    // The uncertainty band belongs to the prepared scenario, not to a trial.
    let band = match (&trial, app.fresh_uncertainty()) {
        (None, Some(u)) => Some(
            u.years
                .iter()
                .map(|y| (y.deaths.p10, y.deaths.p90))
                .collect(),
        ),
        _ => None,
    };
    let range = match (&trial, app.fresh_uncertainty()) {
        (None, Some(u)) => Some(format!(
            "{} {}–{}",
            lang.pick("khoảng", "range"),
            format::deaths(u.deaths_averted.p10, lang),
            format::deaths(u.deaths_averted.p90, lang)
        )),
        _ => None,
    };
    let chart = {
        let key = (
            app.generation,
            lang,
            band.is_some(),
            trial.clone().map(|t| t.amounts),
        );
        let p = p.clone();
        use_memo(key, move |_| {
            let data = DeathsChart::from_projection(&p, band);
            deaths_svg(&data, lang, CHART_W, CHART_H).ok()
        })
    };
    let h = &p.headline;
    let last_year = p.years.last().map(|y| y.year).unwrap_or(shown.end_year);

    html! {
        <div class={classes!("ws", trial.is_some().then_some("trying"))} data-testid="workshop"
            aria-roledescription={lang.pick("trình chiếu", "presentation")}>
            <header class="ws-bar">
                <div class="ws-where">
                    <svg class="ws-logo" viewBox="0 0 64 64" aria-hidden="true">
                        <rect width="64" height="64" rx="12" fill="#0b5394"/>
                        <path d="M10 42c6-5 10-5 16 0s10 5 16 0 10-5 12-2" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>
                        <circle cx="32" cy="20" r="8" fill="#ffd966"/>
                    </svg>
                    <span class="ws-title" data-testid="ws-title">{ title }</span>
                    <span class="ws-pos" data-testid="ws-position" data-value={at.to_string()} data-count={n.to_string()}>
                        { lang.pick("Kịch bản ", "Scenario ") }<strong>{ at }</strong>{ " / " }{ n }
                    </span>
                </div>
                <nav class="ws-actions" aria-label={lang.pick("Điều khiển trình chiếu", "Presentation controls")}>
                    <button type="button" class="btn ws-step" data-testid="ws-prev" onclick={step(-1)}
                        disabled={pos.is_some_and(|p| p == 0)}
                        title={lang.pick("Kịch bản trước (←, PageUp)", "Previous scenario (←, PageUp)")}>
                        { "◀ " }{ lang.pick("Trước", "Previous") }
                    </button>
                    <button type="button" class="btn ws-step" data-testid="ws-next" onclick={step(1)}
                        disabled={pos.is_some_and(|p| p + 1 >= n)}
                        title={lang.pick("Kịch bản sau (→, PageDown)", "Next scenario (→, PageDown)")}>
                        { lang.pick("Sau", "Next") }{ " ▶" }
                    </button>
                    <button type="button" class="btn ghost" data-testid="ws-qr-toggle" aria-pressed={qr.to_string()}
                        onclick={toggle_qr} title={lang.pick("Mã QR cho người tham dự (phím Q)", "QR code for the room (key Q)")}>
                        { "▦ " }{ lang.pick("Mã QR", "QR code") }
                    </button>
                    <button type="button" class="btn ghost" data-testid="ws-pack-toggle" aria-expanded={panel.to_string()}
                        aria-controls="ws-pack" onclick={toggle_panel}>
                        { lang.pick("Gói hội thảo", "Workshop pack") }
                    </button>
                    <button type="button" class="btn ghost" data-testid="ws-fullscreen" onclick={fullscreen}
                        title={lang.pick("Toàn màn hình (phím F)", "Full screen (key F)")}>
                        <svg class="ws-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6" fill="none" stroke="currentColor" stroke-width="2.5"/></svg>
                        <span class="sr-only">{ lang.pick("Toàn màn hình", "Full screen") }</span>
                    </button>
                    <button type="button" class="btn ghost" data-testid="lang-toggle" lang={other.code()} onclick={switch_lang}>
                        { other.pick("Tiếng Việt", "English") }
                    </button>
                    <WorkshopToggle/>
                </nav>
            </header>
            <crate::components::notice::NoticeBar/>
            if *panel {
                <PackPanel on_close={close_panel}/>
            }
            <section class="ws-slide" aria-live="polite">
                <div class="ws-head">
                    <h2 class="ws-name" data-testid="ws-name">{ shown.name.clone() }</h2>
                    <p class="ws-meta">
                        { region }{ " · " }{ shown.start_year }{ "–" }{ shown.end_year }
                        if trial.is_some() {
                            <span class="ws-trying" data-testid="ws-trying">{ lang.pick("✎ Đang thử: chưa lưu", "✎ What if: not saved") }</span>
                        }
                    </p>
                </div>
                <div class="ws-body">
                    <div class="ws-figures">
                        <Figure testid="ws-deaths-averted" main=true value={h.deaths_averted} fmt={Fmt::Deaths} lang={lang}
                            label={lang.pick("ca tử vong do đuối nước ở trẻ em tránh được", "child drowning deaths averted")}
                            detail={range.map(AttrValue::from)}/>
                        <Figure testid="ws-drowning-rate" value={h.rate_final} fmt={Fmt::Rate} lang={lang}
                            label={match lang {
                                Lang::Vi => format!("tử vong /100.000 trẻ năm {last_year}"),
                                Lang::En => format!("deaths per 100,000 children in {last_year}"),
                            }}
                            detail={Some(AttrValue::from(format!("{} {}", lang.pick("không có kế hoạch:", "without the plan:"), format::rate(h.rate_baseline_final, lang))))}/>
                        <Figure testid="ws-swim-share" value={h.swim_share_final} fmt={Fmt::Pct} lang={lang}
                            label={match lang {
                                Lang::Vi => format!("trẻ 6–15 tuổi biết bơi năm {last_year}"),
                                Lang::En => format!("of children 6–15 swim in {last_year}"),
                            }}/>
                        <Figure testid="ws-children-supported" value={h.children_supported as f64} fmt={Fmt::Count} lang={lang}
                            label={lang.pick("lượt trẻ em được hỗ trợ", "children supported")}/>
                    </div>
                    <figure class="ws-chart" data-testid="ws-chart">
                        if let Some(svg) = (*chart).clone() {
                            { Html::from_html_unchecked(AttrValue::from(svg)) }
                        }
                    </figure>
                </div>
                <Badges projection={p.clone()} lang={lang}/>
            </section>
            <WhatIf/>
            if qr {
                <QrOverlay/>
            }
        </div>
    }
}

/// How a figure is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fmt {
    /// Deaths (one decimal below 100).
    Deaths,
    /// A rate per 100.000.
    Rate,
    /// A share as a percentage.
    Pct,
    /// A count of children.
    Count,
}

impl Fmt {
    fn write(self, v: f64, lang: Lang) -> String {
        match self {
            Fmt::Deaths => format::deaths(v, lang),
            Fmt::Rate => format::rate(v, lang),
            Fmt::Pct => format::pct(v, lang),
            Fmt::Count => format::count_f(v, lang),
        }
    }
}

/// Props of [`Figure`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct FigureProps {
    /// `data-testid`.
    pub testid: AttrValue,
    /// The exact value (always in `data-value`).
    pub value: f64,
    /// How to write it.
    pub fmt: Fmt,
    /// Language.
    pub lang: Lang,
    /// What it is.
    pub label: AttrValue,
    /// A second line.
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    /// The headline figure.
    #[prop_or_default]
    pub main: bool,
}

/// A big figure that counts from its previous value to the new one.
#[component]
pub fn Figure(props: &FigureProps) -> Html {
    let value = props.value;
    let shown = use_state_eq(|| value);
    let at = use_mut_ref(|| value);
    let running = use_mut_ref(|| None::<web::Animation>);
    {
        let shown = shown.clone();
        use_effect_with(value.to_bits(), move |_| {
            let from = *at.borrow();
            let to = value;
            let still = !from.is_finite() || !to.is_finite() || from == to;
            if still || web::reduced_motion() {
                running.borrow_mut().take();
                *at.borrow_mut() = to;
                shown.set(to);
            } else {
                let at = at.clone();
                let shown = shown.clone();
                let anim = web::animate(COUNT_MS, move |t| {
                    // Ease out: fast at first, settling on the exact value.
                    let e = 1.0 - (1.0 - t).powi(3);
                    let v = if t >= 1.0 { to } else { from + (to - from) * e };
                    *at.borrow_mut() = v;
                    shown.set(v);
                });
                *running.borrow_mut() = Some(anim);
            }
        });
    }
    let text = props.fmt.write(*shown, props.lang);
    html! {
        <div class={classes!("ws-fig", props.main.then_some("main"))} data-testid={props.testid.clone()}
            data-value={value.to_string()}>
            <div class="ws-fig-value" aria-hidden="true">{ text }</div>
            // Screen readers get the final figure at once, not every frame of the count.
            <span class="sr-only">{ props.fmt.write(value, props.lang) }</span>
            <div class="ws-fig-text">
                <div class="ws-fig-label">{ props.label.clone() }</div>
                if let Some(d) = &props.detail {
                    <div class="ws-fig-detail">{ d.clone() }</div>
                }
            </div>
        </div>
    }
}

/// Props of [`Badges`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct BadgesProps {
    /// The projection shown.
    pub projection: Rc<model::Projection>,
    /// Language.
    pub lang: Lang,
}

/// The national targets of the plan years, met or missed: icon and words, not colour alone.
#[component]
pub fn Badges(props: &BadgesProps) -> Html {
    let lang = props.lang;
    let p = &props.projection;
    html! {
        <ul class="ws-badges" aria-label={lang.pick("Mục tiêu quốc gia", "National targets")}>
        { for TARGETS.iter().filter_map(|t| {
            let o = p.target(t.id)?;
            if !o.assessable {
                return None;
            }
            let shown = |v: f64| match t.kind {
                TargetKind::DrowningReduction => format!("−{}", format::pct(v, lang)),
                _ => format::pct(v, lang),
            };
            Some(html! {
                <li class={classes!("ws-badge", if o.met { "met" } else { "missed" })}
                    data-testid={format!("ws-target-{}", t.id)} data-met={o.met.to_string()} data-value={o.value.to_string()}>
                    <span class="ws-badge-icon" aria-hidden="true">{ if o.met { "✓" } else { "✗" } }</span>
                    <strong>{ if o.met { lang.pick("Đạt", "Met") } else { lang.pick("Chưa đạt", "Missed") } }</strong>
                    <span class="ws-badge-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</span>
                    <span class="ws-badge-value">{ shown(o.value) }</span>
                </li>
            })
        }) }
        </ul>
    }
}

/// The "what if" sliders: a trial of the scenario on screen, never saved unless kept.
#[component]
pub fn WhatIf() -> Html {
    let app = use_app();
    let lang = app.lang;
    let base = app.scenario().clone();
    let trial = app.trial().cloned();
    let d = app.dispatcher();
    let reset = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::ResetWhatIf))
        })
    };
    let keep = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::KeepWhatIf))
        })
    };
    html! {
        <section class="ws-whatif" aria-labelledby="ws-whatif-h">
            <h3 id="ws-whatif-h">{ lang.pick("Nếu như…", "What if…") }</h3>
            { for WHAT_IF_LINES.iter().map(|line| {
                let (max, step) = slider_range(&base, line);
                let now = trial.as_ref().and_then(|t| t.amounts.get(*line).copied())
                    .or_else(|| base.allocation.get(*line).copied())
                    .unwrap_or(Money(0));
                let name = crate::charts::line_names(line, lang).1;
                let id = format!("whatif-{line}");
                let oninput = {
                    let d = d.clone();
                    let line = line.to_string();
                    Callback::from(move |e: InputEvent| {
                        let v: String = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                        if let Ok(x) = v.parse::<f64>() {
                            if x.is_finite() && x >= 0.0 {
                                d.dispatch(Action::Workshop(WorkshopAction::WhatIf {
                                    line: line.clone(),
                                    amount: Money(x.round() as i64),
                                }));
                            }
                        }
                    })
                };
                html! {
                    <label class="ws-slider" for={id.clone()}>
                        <span class="ws-slider-name">{ name }</span>
                        <input type="range" id={id.clone()} data-testid={id} min="0" max={max.0.to_string()}
                            step={step.0.to_string()} value={now.0.to_string()} oninput={oninput}
                            aria-valuetext={format!("{} {}", format::money(now, lang), lang.pick("mỗi năm", "a year"))}/>
                        <span class="ws-slider-value" data-value={now.0.to_string()}>
                            { format::money(now, lang) }{ lang.pick("/năm", "/year") }
                        </span>
                    </label>
                }
            }) }
            <div class="ws-whatif-actions">
                if let Some(t) = &trial {
                    if t.extra_budget.0 > 0 {
                        <span class="ws-extra" data-testid="whatif-extra" data-value={t.extra_budget.0.to_string()}>
                            { lang.pick("Cần thêm ", "Needs ") }{ format::money(t.extra_budget, lang) }
                            { lang.pick("/năm (tính vào vận động)", "/year more (as mobilised funds)") }
                        </span>
                    }
                    <button type="button" class="btn ghost small" data-testid="whatif-reset" onclick={reset}>
                        { lang.pick("↺ Về kịch bản gốc", "↺ Back to the scenario") }
                    </button>
                    <button type="button" class="btn small" data-testid="whatif-keep" onclick={keep}>
                        { lang.pick("Lưu thành kịch bản mới", "Keep as a new scenario") }
                    </button>
                } else {
                    <span class="muted">{ lang.pick("Kéo để thử; kịch bản gốc không đổi.", "Drag to try; the scenario stays as it is.") }</span>
                }
            </div>
        </section>
    }
}

/// The big QR code of the scenario on screen, for the room's phones.
#[component]
pub fn QrOverlay() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (shown, _) = app.shown();
    let link = use_state(String::new);
    {
        // The page's address is read in an effect: rendering stays free of the browser.
        let link = link.clone();
        use_effect_with(shown.clone(), move |s| {
            link.set(super::share::share_link(s));
        });
    }
    let code = use_memo((*link).clone(), |l| {
        if l.is_empty() {
            None
        } else {
            crate::qr::encode(l)
        }
    });
    let close = {
        let d = app.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Workshop(WorkshopAction::Qr(Some(false))))
        })
    };
    let title = match lang {
        Lang::Vi => format!("Mã QR mở kịch bản “{}”", shown.name),
        Lang::En => format!("QR code opening the scenario “{}”", shown.name),
    };
    html! {
        <div class="ws-qr" role="dialog" aria-modal="true" aria-label={title.clone()}>
            <div class="ws-qr-card">
                if let Some(q) = (*code).clone() {
                    <div class="ws-qr-code" data-testid="workshop-qr" data-link={(*link).clone()}>
                        { Html::from_html_unchecked(AttrValue::from(q.to_svg(&title))) }
                    </div>
                } else if !link.is_empty() {
                    <p data-testid="workshop-qr-too-long">{ lang.pick("Liên kết quá dài để làm mã QR.", "The link is too long for a QR code.") }</p>
                }
                <div class="ws-qr-text">
                    <p class="ws-qr-name">{ shown.name.clone() }</p>
                    <p>{ lang.pick("Quét mã bằng điện thoại để mở kịch bản này. Mọi thay đổi trên điện thoại không ảnh hưởng đến bản trình chiếu.",
                        "Scan with a phone to open this scenario. Changes made on a phone do not touch the one on screen.") }</p>
                    <p class="ws-qr-link" data-testid="workshop-qr-link">{ (*link).clone() }</p>
                    <button type="button" class="btn" data-testid="ws-qr-close" onclick={close}>
                        { lang.pick("Đóng (Esc)", "Close (Esc)") }
                    </button>
                </div>
            </div>
        </div>
    }
}
