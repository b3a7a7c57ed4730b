//! Export and import: the open scenario as JSON (the documented scenario format), its
//! projection as CSV (UTF-8 with BOM; Vietnamese headers, `;` and decimal comma in
//! Vietnamese mode), a workbook (XLSX, written by a web worker loaded only on demand), and
//! a JSON file read back with every problem shown by field.

use std::rc::Rc;

use model::words::{Common, Ui};
use model::worker::{self, ImportProblem, MAX_IMPORT_BYTES, Op};
use model::{Lang, Projection};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::panel_button::PanelButton;
use super::{fill_html, strong, use_app};
use crate::charts::table::{Cell, Table, to_csv};
use crate::platform::dom::{self, FileInput};
use crate::platform::download::{self, WorkerReply};
use crate::state::{Action, BookAction};

/// The projection by year as a table (the CSV download).
pub fn projection_table(p: &Projection, lang: Lang) -> Table {
    // Texts are taken where they are named: a catalogue entry passed around as a value
    // would keep the whole catalogue in the wasm.
    let in_dong = |w: &str| Common::InDong.fill(lang, &[w]);
    let in_pct = |w: &str| {
        let mut s = w.to_string();
        s.push_str(" (%)");
        s
    };
    let headers: Vec<String> = vec![
        Common::Year.get(lang).to_string(),
        in_dong(Common::Budget.get(lang)),
        in_dong(Common::Allocated.get(lang)),
        Common::DeathsWithoutPlan.get(lang).to_string(),
        Common::DeathsWithPlan.get(lang).to_string(),
        Common::DeathsAverted.get(lang).to_string(),
        Common::RateWithoutPlan.get(lang).to_string(),
        Common::RateWithPlan.get(lang).to_string(),
        in_pct(Common::SwimShare.get(lang)),
        in_pct(Common::ChildFriendlyCommunes.get(lang)),
        Common::ChildrenReached.get(lang).to_string(),
        Common::ChildrenSupported.get(lang).to_string(),
    ];
    let count = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let num = |value: f64, decimals: u32| Cell::Num { value, decimals };
    let csv_rows: Vec<Vec<Cell>> = p
        .years
        .iter()
        .map(|y| {
            vec![
                Cell::Int(i64::from(y.year)),
                Cell::Int(y.budget.0),
                Cell::Int(y.allocated.0),
                num(y.deaths_baseline, 2),
                num(y.deaths, 2),
                num(y.deaths_averted, 2),
                num(y.rate_baseline, 3),
                num(y.rate, 3),
                num(y.swim_share * 100.0, 2),
                num(y.child_friendly_share * 100.0, 2),
                count(y.contacts),
                count(y.contacts_supported),
            ]
        })
        .collect();
    Table {
        caption: Common::ProjectionByYear.get(lang).to_string(),
        headers: headers.clone(),
        rows: Vec::new(),
        csv_headers: headers,
        csv_rows,
    }
}

/// The CSV file of the projection: BOM, header, one row per plan year.
pub fn projection_csv(p: &Projection, lang: Lang) -> String {
    to_csv(&projection_table(p, lang), lang)
}

/// A button's click: ask the file worker for `op` with `body` and offer its answer as
/// the file `file` (`mime`); the status says busy, then `done` or why not. One request at
/// a time.
fn worker_download(
    status: UseStateHandle<Status>,
    op: Op,
    lang: Lang,
    body: String,
    file: String,
    mime: &'static str,
    done: String,
) -> Callback<MouseEvent> {
    let code = body;
    Callback::from(move |_: MouseEvent| {
        if *status == Status::Busy {
            return;
        }
        status.set(Status::Busy);
        let (status, file, done) = (status.clone(), file.clone(), done.clone());
        download::ask_worker(worker::request(op, lang, &code), move |reply| {
            let bytes = match reply {
                Ok(WorkerReply::Bytes(b)) => Ok(b),
                Ok(WorkerReply::Text(t)) => worker::read_reply(&t)
                    .map(|body| body.as_bytes().to_vec())
                    .map_err(|problems| {
                        let messages: Vec<String> =
                            problems.into_iter().map(|p| p.message).collect();
                        messages.join(" ")
                    }),
                Err(why) => Err(why.message(lang)),
            };
            status.set(
                match bytes.and_then(|b: Vec<u8>| download::download_bytes(&file, mime, &b)) {
                    Ok(()) => Status::Done(done),
                    Err(why) => Status::Failed(why),
                },
            );
        });
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Busy,
    Done(String),
    Failed(String),
}

/// The "Export / import" button and its panel.
#[component]
pub fn ExportButton() -> Html {
    let lang = use_app().lang;
    html! {
        <PanelButton class={classes!("btn", "ghost")} testid="export-button" controls="export-panel"
            label={Ui::ExportImport.get(lang)}
            panel={Callback::from(|close| html! { <ExportPanel on_close={close}/> })}/>
    }
}

/// Props of [`ExportPanel`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct ExportPanelProps {
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// Download buttons and the import field.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let status = use_state(|| Status::Idle);
    let problems = use_state(|| Rc::new(Vec::<ImportProblem>::new()));
    let file_input = use_node_ref();
    let scenario = app.scenario().clone();
    let stem = model::file_name::stem(&scenario.name);

    let saved = |what: &str, file: &str| Ui::Made.fill(lang, &[what, file]);
    let on_json = {
        let file = format!("{stem}.kehoach.json");
        let done = saved("JSON", &file);
        let mime = "application/json";
        let body = model::encode(&scenario);
        worker_download(status.clone(), Op::Json, lang, body, file, mime, done)
    };
    let on_csv = {
        let status = status.clone();
        let p = app.projection.clone();
        let file = format!("{stem}-du-bao.csv");
        let done = saved("CSV", &file);
        Callback::from(move |_: MouseEvent| {
            let text = projection_csv(&p, lang);
            status.set(
                match download::download_text(&file, "text/csv;charset=utf-8", &text) {
                    Ok(()) => Status::Done(done.clone()),
                    Err(e) => Status::Failed(e),
                },
            );
        })
    };
    let on_xlsx = {
        let file = format!("{stem}.xlsx");
        let done = saved(Ui::ExcelWorkbook.get(lang), &file);
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let body = worker::xlsx_body(&model::encode(&scenario), app.chance);
        worker_download(status.clone(), Op::Xlsx, lang, body, file, mime, done)
    };
    let on_file = {
        let app = app.clone();
        let problems = problems.clone();
        let status = status.clone();
        let file_input = file_input.clone();
        Callback::from(move |_: Event| {
            let Some(input) = FileInput::of_node(&file_input) else {
                return;
            };
            let app = app.clone();
            let problems = problems.clone();
            let status = status.clone();
            spawn_local(async move {
                let read = input.read(MAX_IMPORT_BYTES).await;
                let lang = app.lang;
                match read {
                    Ok(None) => {}
                    Ok(Some((name, text))) if model::backup::is_backup(&text) => {
                        // A backup file of the whole working set: read here, no worker.
                        problems.set(Rc::new(Vec::new()));
                        match model::backup::from_json(&text) {
                            Ok(b) => {
                                let n = b.scenarios.len().to_string();
                                status.set(Status::Done(
                                    Ui::NoticeBackupRestored.fill(lang, &[&n, &name]),
                                ));
                                app.dispatch(Action::Book(BookAction::Restore(Box::new(b), name)));
                            }
                            Err(why) => status.set(Status::Failed(
                                Ui::BackupUnreadable.fill(lang, &[&name, &why]),
                            )),
                        }
                    }
                    Ok(Some((name, text))) => {
                        status.set(Status::Busy);
                        let request = worker::request(Op::Import, lang, &text);
                        download::ask_worker(request, move |r| {
                            let read = match r {
                                Ok(WorkerReply::Text(t)) => {
                                    worker::read_reply(&t).and_then(|code| {
                                        model::decode(code.trim())
                                            .map_err(|e| vec![ImportProblem::file(e.message(lang))])
                                    })
                                }
                                Ok(WorkerReply::Bytes(_)) => Err(Vec::new()),
                                Err(why) => Err(vec![ImportProblem::file(why.message(lang))]),
                            };
                            match read {
                                Ok(s) => {
                                    problems.set(Rc::new(Vec::new()));
                                    status.set(Status::Done(Ui::Imported.fill(lang, &[&name])));
                                    app.dispatch(Action::Book(BookAction::Import(Box::new(s))));
                                }
                                Err(p) => {
                                    status.set(Status::Failed(
                                        Ui::ImportFailed.fill(lang, &[&name, &p.len().to_string()]),
                                    ));
                                    problems.set(Rc::new(p));
                                }
                            }
                        });
                    }
                    Err(why) => {
                        problems.set(Rc::new(Vec::new()));
                        status.set(Status::Failed(if why == dom::TOO_LARGE {
                            Common::FileTooLarge.get(lang).to_string()
                        } else {
                            why
                        }));
                    }
                }
            });
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_key = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    let busy = *status == Status::Busy;
    html! {
        <section id="export-panel" class="popover export-panel" data-testid="export-panel" onkeydown={on_key}
            aria-label={Ui::ExportAndImport.get(lang)}>
            <div class="popover-head">
                <h2>{ Ui::ExportScenario.get(lang) }</h2>
                <button type="button" class="btn ghost small" onclick={close} data-testid="export-close"
                    aria-label={Ui::Close.get(lang)}>{ "×" }</button>
            </div>
            <p class="muted small">{ fill_html(Ui::OpenScenario.get(lang), vec![strong(scenario.name.clone())]) }</p>
            <div class="export-actions">
                <button type="button" class="btn ghost" data-testid="export-json" onclick={on_json} disabled={busy}>
                    { Ui::ScenarioFileJson.get(lang) }
                </button>
                <button type="button" class="btn ghost" data-testid="export-csv" onclick={on_csv}>
                    { Ui::ProjectionCsv.get(lang) }
                </button>
                <button type="button" class="btn ghost" data-testid="export-xlsx" onclick={on_xlsx} disabled={busy} aria-busy={busy.to_string()}>
                    { Ui::WorkbookXlsx.get(lang) }
                </button>
            </div>
            <p class="small muted">{ Ui::ExportNote.get(lang) }</p>
            <p class="export-status" role="status" aria-live="polite" data-testid="export-status"
                data-state={match &*status { Status::Idle => "idle", Status::Busy => "busy", Status::Done(_) => "done", Status::Failed(_) => "failed" }}>
                { match &*status {
                    Status::Idle => String::new(),
                    Status::Busy => Ui::MakingWorkbook.get(lang).to_string(),
                    Status::Done(m) => format!("✓ {m}"),
                    Status::Failed(m) => format!("⚠ {m}"),
                } }
            </p>
            <h3>{ Ui::ImportHeading.get(lang) }</h3>
            <label class="field">
                <span>{ Ui::ChooseJsonFile.get(lang) }</span>
                <input ref={file_input} type="file" accept=".json,application/json" data-testid="import-file" onchange={on_file}/>
            </label>
            if !problems.is_empty() {
                <ul class="import-errors" data-testid="import-errors" role="alert">
                    { for problems.iter().map(|p| html! {
                        <li data-field={p.field.clone()}>
                            <span class="field-error">{ p.message.clone() }</span>
                            if p.field != worker::FILE { <code class="small muted">{ " " }{ p.field.clone() }</code> }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
