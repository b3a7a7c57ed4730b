//! The room's plans (issue 16), the facilitator's side: a projector view that collects the
//! plans participants hand in — scanned from their QR codes (`room_scan`), pasted in bulk
//! (a whole chat), or imported from a file — and shows where the room agrees and where it
//! does not: every participant's amount per line as a dot, min / median / max, how many
//! moved each line; the plans ranked by their figures (tap one to open it); the room's plan
//! beside the starting plan (one tap keeps it as a scenario); the most disputed lines in
//! words. The room is saved in the browser under its own key and can be cleared with undo;
//! exports (JSON, CSV, XLSX) are written by the file worker.

use std::rc::Rc;

use model::Lang;
use model::figures::Figure;
use model::room::{self, Outcome, Room, Summary};
use model::words::room::RoomWords;
use model::worker::{self, Op};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::room_scan::RoomScanner;
use super::use_app;
use crate::format;
use crate::platform::dom::{self, FileInput};
use crate::platform::download::{self, WorkerReply};
use crate::platform::{self as web};
use crate::state::{Action, AppContext, RoomAction, View};

/// localStorage key of the room's saved text (`model::room::write`).
pub const ROOM_KEY: &str = "kehoach.room";
/// Where saved room text that could not be read is copied before anything overwrites it.
pub const ROOM_ASIDE_KEY: &str = "kehoach.room.unreadable";

/// The header button that opens the room.
#[component]
pub fn RoomToggle() -> Html {
    let app = use_app();
    let lang = app.lang;
    let open = {
        let d = app.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Room(RoomAction::Open)))
    };
    html! {
        <button type="button" class="btn ghost" data-testid="room-toggle" onclick={open}
            title={RoomWords::ToggleTitle.get(lang)}>
            { RoomWords::Toggle.get(lang) }
        </button>
    }
}

/// Reads the saved room once, then saves it on every change.
#[hook]
fn use_room_storage(app: &AppContext) {
    let d = app.dispatcher();
    let loaded = app.room.loaded;
    let room = app.room.room.clone();
    use_effect_with((loaded, app.room.version), move |_| {
        if !loaded {
            let text = web::load(ROOM_KEY).ok().flatten();
            if let Some(t) = &text {
                if !t.trim().is_empty() && room::read(t).is_err() {
                    let _ = web::save(ROOM_ASIDE_KEY, t);
                }
            }
            d.dispatch(Action::Room(RoomAction::Restore(text)));
        } else {
            let text = room.as_deref().map(room::write).unwrap_or_default();
            let _ = web::save(ROOM_KEY, &text);
        }
    });
}

/// The summary of the room (or of an empty room starting from the open scenario), made
/// again only when the room changes; timed in the page's performance timeline
/// (`kehoach:room-summary`) for the browser benchmark.
#[hook]
fn use_summary(app: &AppContext) -> (Rc<Room>, Rc<Summary>) {
    let room = app
        .room
        .room
        .clone()
        .unwrap_or_else(|| Rc::new(Room::new(app.scenario().clone())));
    let key = (
        app.room.version,
        app.room.room.is_none().then(|| app.scenario().clone()),
    );
    let r = room.clone();
    let summary = use_memo(key, move |_| {
        web::mark_start("kehoach:room-summary");
        let s = room::summarise(&r);
        web::measure_since_start("kehoach:room-summary");
        s
    });
    (room, summary)
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Busy,
    Done(String),
    Failed(String),
}

/// The whole screen of the room.
#[component]
pub fn RoomView() -> Html {
    let app = use_app();
    let lang = app.lang;
    use_room_storage(&app);
    let (room, summary) = use_summary(&app);
    let scanning = use_state_eq(|| false);
    let status = use_state_eq(|| Status::Idle);
    // The pasted text is kept aside (typing re-renders nothing); a new key empties the box.
    let paste = use_mut_ref(String::new);
    let paste_key = use_state_eq(|| 0u32);
    let d = app.dispatcher();

    let on_paste = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| *paste.borrow_mut() = dom::value(&e))
    };
    let add = {
        let (d, paste, paste_key) = (d.clone(), paste.clone(), paste_key.clone());
        Callback::from(move |_: MouseEvent| {
            let text = std::mem::take(&mut *paste.borrow_mut());
            d.dispatch(Action::Room(RoomAction::Read(text)));
            paste_key.set(*paste_key + 1);
        })
    };
    let import = {
        let (d, status) = (d.clone(), status.clone());
        Callback::from(move |e: Event| {
            let Some(input) = FileInput::of_event(&e) else {
                return;
            };
            let (d, status) = (d.clone(), status.clone());
            spawn_local(async move {
                match input.read(room::MAX_TEXT).await {
                    Ok(Some((_, text))) => d.dispatch(Action::Room(RoomAction::Read(text))),
                    Ok(None) => {}
                    Err(why) => {
                        status.set(Status::Failed(RoomWords::ImportFailed.fill(lang, &[&why])))
                    }
                }
            });
        })
    };
    let export = |format: &'static str, ext: &'static str, mime: &'static str| {
        let status = status.clone();
        let text = room::write(&room);
        Callback::from(move |_: MouseEvent| {
            if *status == Status::Busy {
                return;
            }
            status.set(Status::Busy);
            let status = status.clone();
            let name = format!("ke-hoach-ca-phong.{ext}");
            let body = format!("{format}\n{text}");
            download::ask_worker(worker::request(Op::Room, lang, &body), move |reply| {
                let bytes = match reply {
                    Ok(WorkerReply::Bytes(b)) => Ok(b),
                    Ok(WorkerReply::Text(t)) => worker::read_reply(&t)
                        .map(|b| b.as_bytes().to_vec())
                        .map_err(|p| {
                            p.into_iter()
                                .map(|p| p.message)
                                .collect::<Vec<_>>()
                                .join(" ")
                        }),
                    Err(why) => Err(why.message(lang)),
                };
                status.set(
                    match bytes.and_then(|b: Vec<u8>| download::download_bytes(&name, mime, &b)) {
                        Ok(()) => Status::Done(RoomWords::ExportDone.fill(lang, &[&name])),
                        Err(why) => Status::Failed(RoomWords::ExportFailed.fill(lang, &[&why])),
                    },
                );
            });
        })
    };
    let act = |a: RoomAction| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Room(a.clone())))
    };
    let toggle_scan = {
        let scanning = scanning.clone();
        Callback::from(move |_: MouseEvent| scanning.set(!*scanning))
    };
    let back = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetView(View::Planner)))
    };
    let switch_lang = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetLang(lang.other())))
    };
    let n = summary.count;
    let start = room.start();
    let region =
        model::data::region(&start.region).map_or_else(|| start.region.clone(), |r| r.name(lang));

    html! {
        <div class="room" data-testid="room" lang={lang.code()}>
            <header class="room-bar">
                <h1>{ RoomWords::Title.get(lang) }</h1>
                <p class="room-count" data-testid="room-count" data-value={n.to_string()}>
                    { RoomWords::Count.fill(lang, &[&n.to_string()]) }
                </p>
                <div class="room-actions">
                    <button type="button" class="btn" data-testid="room-scan" aria-pressed={scanning.to_string()}
                        onclick={toggle_scan}>
                        { if *scanning { RoomWords::ScanStop.get(lang) } else { RoomWords::Scan.get(lang) } }
                    </button>
                    <label class="btn ghost" data-testid="room-import">
                        { RoomWords::Import.get(lang) }
                        <input type="file" hidden=true data-testid="room-import-file"
                            accept=".json,.csv,.txt,text/plain,application/json,text/csv" onchange={import}/>
                    </label>
                    <button type="button" class="btn ghost" data-testid="room-export-json" disabled={n == 0}
                        onclick={export("json", "json", "application/json")}>{ RoomWords::ExportJson.get(lang) }</button>
                    <button type="button" class="btn ghost" data-testid="room-export-csv" disabled={n == 0}
                        onclick={export("csv", "csv", "text/csv;charset=utf-8")}>{ RoomWords::ExportCsv.get(lang) }</button>
                    <button type="button" class="btn ghost" data-testid="room-export-xlsx" disabled={n == 0}
                        onclick={export("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}>
                        { RoomWords::ExportXlsx.get(lang) }
                    </button>
                    <button type="button" class="btn ghost danger" data-testid="room-clear" disabled={n == 0}
                        onclick={act(RoomAction::Clear)}>{ RoomWords::Clear.get(lang) }</button>
                    <button type="button" class="btn ghost" data-testid="room-lang" lang={lang.other().code()}
                        onclick={switch_lang}>{ model::words::Ui::OtherLanguageName.get(lang) }</button>
                    <button type="button" class="btn ghost" data-testid="room-back" onclick={back}>
                        { RoomWords::Back.get(lang) }
                    </button>
                </div>
            </header>
            <p class="room-start" data-testid="room-start">
                { RoomWords::StartIs.fill(lang, &[
                    &start.name,
                    &region,
                    &format!("{}–{}", start.start_year, start.end_year),
                    &format::money(summary.budget, lang),
                ]) }
            </p>
            <div class="room-status" role="status" aria-live="polite" data-testid="room-status">
                { match &*status {
                    Status::Idle => html! {},
                    Status::Busy => html! { <p>{ RoomWords::ExportBusy.get(lang) }</p> },
                    Status::Done(t) => html! { <p>{ t.clone() }</p> },
                    Status::Failed(t) => html! { <p class="field-error">{ t.clone() }</p> },
                } }
                if app.room.unreadable {
                    <p class="field-error">{ RoomWords::SavedRoomUnreadable.get(lang) }</p>
                }
                if let (true, Some(c)) = (n == 0, &app.room.cleared) {
                    <p data-testid="room-cleared">
                        { RoomWords::Cleared.fill(lang, &[&c.len().to_string()]) }{ " " }
                        <button type="button" class="btn small" data-testid="room-undo"
                            onclick={act(RoomAction::Undo)}>{ RoomWords::Undo.get(lang) }</button>
                    </p>
                }
            </div>
            if *scanning {
                <RoomScanner/>
            }
            <section class="room-collect">
                <label class="room-paste">
                    <span>{ RoomWords::PasteLabel.get(lang) }</span>
                    <textarea key={paste_key.to_string()} data-testid="room-paste" rows="2" spellcheck="false"
                        oninput={on_paste}/>
                </label>
                <button type="button" class="btn" data-testid="room-add" onclick={add}>
                    { RoomWords::Add.get(lang) }
                </button>
            </section>
            { report(&app, lang) }
            if n == 0 {
                <p class="room-empty" data-testid="room-empty">{ RoomWords::Empty.get(lang) }</p>
            } else {
                <div class="room-main">
                    { lines(&summary, lang) }
                    <div class="room-side">
                        { room_plan(&summary, lang, &d) }
                        <section class="room-disagree" data-testid="room-disagree">
                            <h2>{ RoomWords::DisagreeHeading.get(lang) }</h2>
                            <p>{ summary.disagreement(lang) }</p>
                        </section>
                        { ranking(&room, &summary, lang, &d) }
                    </div>
                </div>
            }
        </div>
    }
}

/// What the last reading did: a sentence, the refused links with their reasons, and notes
/// (replaced, already in).
fn report(app: &AppContext, lang: Lang) -> Html {
    let Some(r) = app.room.report.clone() else {
        return html! {};
    };
    let refused: Vec<Html> = r
        .refused()
        .map(|(item, reason)| {
            let at = item.at.to_string();
            html! {
                <li data-at={at.clone()}>
                    { RoomWords::RefusedItem.fill(lang, &[&at, &item.excerpt, &reason.message(lang)]) }
                </li>
            }
        })
        .collect();
    let notes: Vec<Html> = r
        .items
        .iter()
        .filter_map(|i| {
            let name = if i.name.trim().is_empty() {
                RoomWords::Unnamed.get(lang)
            } else {
                i.name.as_str()
            };
            let text = match i.outcome {
                Outcome::Replaced => RoomWords::NoteReplaced.fill(lang, &[name]),
                Outcome::Same => RoomWords::NoteSame.fill(lang, &[name]),
                _ => return None,
            };
            Some(html! { <li>{ text }</li> })
        })
        .collect();
    html! {
        <section class="room-report" data-testid="room-report">
            <p data-testid="room-report-text">{ r.message(lang) }</p>
            if !refused.is_empty() {
                <details open=true class="room-refused">
                    <summary>{ RoomWords::RefusedHeading.fill(lang, &[&refused.len().to_string()]) }</summary>
                    <ol data-testid="room-rejected">{ for refused }</ol>
                </details>
            }
            if !notes.is_empty() {
                <details class="room-notes">
                    <summary>{ RoomWords::NotesHeading.get(lang) }</summary>
                    <ul data-testid="room-notes">{ for notes }</ul>
                </details>
            }
        </section>
    }
}

/// Per line: the dots, the median, min and max, how many moved it, the room's amount.
fn lines(summary: &Summary, lang: Lang) -> Html {
    let n = summary.count;
    let rows = summary
        .lines
        .iter()
        .filter(|l| l.max.0 > 0 || l.start.0 > 0)
        .map(|l| {
            let name = model::data::line(l.id).map_or(l.id, |d| d.short_name(lang));
            let top = l.max.0.max(l.start.0).max(1) as f64;
            let x = |m: model::Money| format!("{:.1}", 4.0 + 992.0 * m.0 as f64 / top);
            let dots = l.amounts.iter().enumerate().map(|(i, a)| {
                let y = 20 + ((i * 7) % 5) as i32 * 4 - 8;
                html! { <circle cx={x(*a)} cy={y.to_string()} r="7" data-value={a.0.to_string()}/> }
            });
            let (sx, mx) = (x(l.start), x(l.median));
            html! {
                <li class="room-line" data-testid={format!("room-line-{}", l.id)}>
                    <div class="room-line-head">
                        <span class="room-line-name">{ name }</span>
                        <strong data-testid={format!("room-median-{}", l.id)} data-value={l.median.0.to_string()}>
                            { format::money(l.median, lang) }
                        </strong>
                    </div>
                    <svg class="room-dots" viewBox="0 0 1000 40" preserveAspectRatio="none" aria-hidden="true">
                        <line class="room-axis" x1="0" y1="20" x2="1000" y2="20"/>
                        { for dots }
                        <rect class="room-median-mark" x={mx} y="2" width="5" height="36"/>
                        <path class="room-start-mark" transform={format!("translate({sx} 20)")} d="M0 -9L7 0L0 9L-7 0Z"/>
                    </svg>
                    <p class="room-line-stats">
                        <span class="room-moved" data-testid={format!("room-moved-{}", l.id)} data-value={l.moved.to_string()}>
                            { RoomWords::Moved.fill(lang, &[&l.moved.to_string(), &n.to_string()]) }
                        </span>
                        { " · " }
                        { RoomWords::LineStats.fill(lang, &[
                            &format::money(l.min, lang),
                            &format::money(l.median, lang),
                            &format::money(l.max, lang),
                        ]) }
                    </p>
                </li>
            }
        });
    html! {
        <section class="room-lines">
            <h2>{ RoomWords::LinesHeading.get(lang) }</h2>
            <p class="room-legend">{ RoomWords::Legend.get(lang) }</p>
            <ul>{ for rows }</ul>
        </section>
    }
}

fn figure_cells(f: Option<room::Figures>, lang: Lang) -> [String; 3] {
    match f {
        Some(f) => [
            Figure::DeathsAverted.format(Some(f.deaths_averted), lang),
            Figure::ChildrenSupported.format(Some(f.children_supported), lang),
            RoomWords::TargetsMet.fill(lang, &[&f.targets_met.to_string(), &f.targets.to_string()]),
        ],
        None => [model::fmt::NONE.to_string(), String::new(), String::new()],
    }
}

/// The room's plan: its amounts (in the line rows' data), its figures beside the starting
/// plan's, and the button that keeps it as a scenario.
fn room_plan(
    summary: &Summary,
    lang: Lang,
    d: &UseReducerDispatcher<crate::state::AppState>,
) -> Html {
    let Some(plan) = summary.room_plan.clone() else {
        return html! {
            <section class="room-plan-card"><p>{ RoomWords::PlanNone.get(lang) }</p></section>
        };
    };
    let keep = {
        let d = d.clone();
        let mut s = plan.clone();
        s.name = RoomWords::PlanName.fill(lang, &[&summary.count.to_string()]);
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Room(RoomAction::KeepRoomPlan(Box::new(s.clone()))))
        })
    };
    let ours = figure_cells(summary.room_figures, lang);
    let theirs = figure_cells(summary.start_figures, lang);
    let labels = [
        Figure::DeathsAverted.label(lang),
        Figure::ChildrenSupported.label(lang),
        RoomWords::TargetsLabel.get(lang),
    ];
    let amounts = summary.lines.iter().map(|l| {
        html! { <li data-testid={format!("room-plan-line-{}", l.id)} data-value={l.room.0.to_string()}/> }
    });
    html! {
        <section class="room-plan-card" data-testid="room-plan-card">
            <h2>{ RoomWords::PlanHeading.get(lang) }</h2>
            <p class="small">{ RoomWords::PlanHow.fill(lang, &[&format::money(summary.budget, lang)]) }</p>
            <table class="room-figures">
                <thead><tr>
                    <th></th>
                    <th scope="col">{ RoomWords::ColRoom.get(lang) }</th>
                    <th scope="col">{ RoomWords::ColStart.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for (0..3).map(|i| html! {
                        <tr>
                            <th scope="row">{ labels[i] }</th>
                            <td data-testid={format!("room-plan-figure-{i}")}>{ ours[i].clone() }</td>
                            <td>{ theirs[i].clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <ul hidden=true>{ for amounts }</ul>
            <button type="button" class="btn" data-testid="room-plan" onclick={keep}>
                { RoomWords::PlanMake.get(lang) }
            </button>
        </section>
    }
}

/// The plans, best first; a tap opens one in the planner.
fn ranking(
    room: &Room,
    summary: &Summary,
    lang: Lang,
    d: &UseReducerDispatcher<crate::state::AppState>,
) -> Html {
    let items = summary.ranked.iter().enumerate().map(|(k, r)| {
        let name = room
            .plans()
            .get(r.index)
            .map_or(String::new(), |p| p.name.clone());
        let [deaths, children, targets] = figure_cells(Some(r.figures), lang);
        let open = {
            let d = d.clone();
            let i = r.index;
            Callback::from(move |_: MouseEvent| d.dispatch(Action::Room(RoomAction::OpenPlan(i))))
        };
        html! {
            <li>
                <button type="button" class="room-rank-item" data-testid={format!("room-rank-{k}")}
                    data-index={r.index.to_string()} title={RoomWords::OpenPlan.fill(lang, &[&name])}
                    onclick={open}>
                    <span class="room-rank-n">{ k + 1 }</span>
                    <span class="room-rank-name">{ name }</span>
                    <span class="room-rank-figs">
                        <strong>{ deaths }</strong>{ " · " }{ children }{ " · " }{ targets }
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <section class="room-rank">
            <h2>{ RoomWords::RankHeading.get(lang) }</h2>
            <p class="small">
                { Figure::DeathsAverted.label(lang) }{ " · " }{ Figure::ChildrenSupported.label(lang) }
                { " · " }{ RoomWords::TargetsLabel.get(lang) }
            </p>
            <p class="small">{ RoomWords::RankCentral.get(lang) }</p>
            <ol>{ for items }</ol>
        </section>
    }
}
