//! Export and import: the open scenario as JSON (the documented scenario format), its
//! projection as CSV (UTF-8 with BOM; Vietnamese headers, `;` and decimal comma in
//! Vietnamese mode), a workbook (XLSX, written by a web worker loaded only on demand), and
//! a JSON file read back with every problem shown by field.

use std::rc::Rc;

use model::worker::{self, ImportProblem, MAX_IMPORT_BYTES, Op};
use model::{Lang, Projection, Scenario};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::panel_button::PanelButton;
use super::use_app;
use crate::charts::table::{Cell, Table, to_csv};
use crate::platform::dom::{self, FileInput};
use crate::platform::download::{self, WorkerReply};
use crate::state::{Action, BookAction};

/// The projection by year as a table (the CSV download).
pub fn projection_table(p: &Projection, lang: Lang) -> Table {
    let cols: [(&str, &str); 12] = [
        ("Năm", "Year"),
        ("Ngân sách (đồng)", "Budget (VND)"),
        ("Đã phân bổ (đồng)", "Allocated (VND)"),
        (
            "Trẻ tử vong do đuối nước, không có kế hoạch (ca)",
            "Child drowning deaths without the plan",
        ),
        (
            "Trẻ tử vong do đuối nước, có kế hoạch (ca)",
            "Child drowning deaths with the plan",
        ),
        ("Số ca tử vong tránh được", "Deaths averted"),
        (
            "Tỷ suất tử vong /100.000 trẻ, không có kế hoạch",
            "Deaths per 100,000 children without the plan",
        ),
        (
            "Tỷ suất tử vong /100.000 trẻ, có kế hoạch",
            "Deaths per 100,000 children with the plan",
        ),
        (
            "Tỷ lệ trẻ 6–15 tuổi biết bơi an toàn (%)",
            "Children 6–15 able to swim safely (%)",
        ),
        (
            "Tỷ lệ xã, phường phù hợp với trẻ em (%)",
            "Child-friendly communes (%)",
        ),
        ("Lượt trẻ em được tiếp cận", "Children reached"),
        ("Lượt trẻ em được hỗ trợ", "Children supported"),
    ];
    let headers: Vec<String> = cols
        .iter()
        .map(|(v, e)| lang.pick(v, e).to_string())
        .collect();
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
                count(y.children_reached),
                count(y.children_supported),
            ]
        })
        .collect();
    Table {
        caption: lang
            .pick("Dự báo theo năm", "Projection by year")
            .to_string(),
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

/// A button's click: ask the file worker for `op` of the scenario and offer its answer as
/// the file `file` (`mime`); the status says busy, then `done` or why not. One request at
/// a time.
fn worker_download(
    status: UseStateHandle<Status>,
    op: Op,
    lang: Lang,
    scenario: &Scenario,
    file: String,
    mime: &'static str,
    done: String,
) -> Callback<MouseEvent> {
    let code = model::encode(scenario);
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
                Err(why) => Err(why),
            };
            status.set(
                match bytes.and_then(|b| download::download_bytes(&file, mime, &b)) {
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
            label={lang.pick("Xuất / Nhập", "Export / import")}
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

    let saved = |what: &str, file: &str| match lang {
        Lang::Vi => format!("Đã tạo {what}: {file}"),
        Lang::En => format!("Made the {what}: {file}"),
    };
    let on_json = {
        let file = format!("{stem}.kehoach.json");
        let done = saved("JSON", &file);
        let mime = "application/json";
        worker_download(status.clone(), Op::Json, lang, &scenario, file, mime, done)
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
        let done = saved(lang.pick("bảng tính Excel", "Excel workbook"), &file);
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        worker_download(status.clone(), Op::Xlsx, lang, &scenario, file, mime, done)
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
                                Err(why) => Err(vec![ImportProblem::file(why)]),
                            };
                            match read {
                                Ok(s) => {
                                    problems.set(Rc::new(Vec::new()));
                                    status.set(Status::Done(match lang {
                                        Lang::Vi => format!("Đã nhập tệp {name}."),
                                        Lang::En => format!("Imported {name}."),
                                    }));
                                    app.dispatch(Action::Book(BookAction::Import(Box::new(s))));
                                }
                                Err(p) => {
                                    status.set(Status::Failed(match lang {
                                        Lang::Vi => format!(
                                            "Không nhập được tệp {name}: có {} lỗi, xem bên dưới.",
                                            p.len()
                                        ),
                                        Lang::En => format!(
                                            "Could not import {name}: {} problem(s), see below.",
                                            p.len()
                                        ),
                                    }));
                                    problems.set(Rc::new(p));
                                }
                            }
                        });
                    }
                    Err(why) => {
                        problems.set(Rc::new(Vec::new()));
                        status.set(Status::Failed(if why == dom::TOO_LARGE {
                            lang.pick(
                                "Tệp quá lớn để là một kịch bản (tối đa 1 MB).",
                                "The file is too large to be a scenario (at most 1 MB).",
                            )
                            .to_string()
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
            aria-label={lang.pick("Xuất và nhập kịch bản", "Export and import")}>
            <div class="popover-head">
                <h2>{ lang.pick("Xuất kịch bản", "Export the scenario") }</h2>
                <button type="button" class="btn ghost small" onclick={close} data-testid="export-close"
                    aria-label={lang.pick("Đóng", "Close")}>{ "×" }</button>
            </div>
            <p class="muted small">{ lang.pick("Kịch bản đang mở: ", "Open scenario: ") }<strong>{ scenario.name.clone() }</strong></p>
            <div class="export-actions">
                <button type="button" class="btn ghost" data-testid="export-json" onclick={on_json} disabled={busy}>
                    { lang.pick("Tệp kịch bản (JSON)", "Scenario file (JSON)") }
                </button>
                <button type="button" class="btn ghost" data-testid="export-csv" onclick={on_csv}>
                    { lang.pick("Dự báo theo năm (CSV)", "Projection by year (CSV)") }
                </button>
                <button type="button" class="btn ghost" data-testid="export-xlsx" onclick={on_xlsx} disabled={busy} aria-busy={busy.to_string()}>
                    { lang.pick("Bảng tính Excel (XLSX)", "Excel workbook (XLSX)") }
                </button>
            </div>
            <p class="small muted">{ lang.pick(
                "JSON mở lại được trong ứng dụng; CSV mở bằng Excel (dấu “;”, dấu thập phân “,”); XLSX gồm phân bổ, dự báo theo năm và giả định kèm nguồn.",
                "JSON opens again in the app; CSV opens in Excel; XLSX holds the allocation, the projection by year and the assumptions with sources.") }</p>
            <p class="export-status" role="status" aria-live="polite" data-testid="export-status"
                data-state={match &*status { Status::Idle => "idle", Status::Busy => "busy", Status::Done(_) => "done", Status::Failed(_) => "failed" }}>
                { match &*status {
                    Status::Idle => String::new(),
                    Status::Busy => lang.pick("Đang tạo bảng tính Excel…", "Making the Excel workbook…").to_string(),
                    Status::Done(m) => format!("✓ {m}"),
                    Status::Failed(m) => format!("⚠ {m}"),
                } }
            </p>
            <h3>{ lang.pick("Nhập kịch bản từ tệp JSON", "Import a scenario from a JSON file") }</h3>
            <label class="field">
                <span>{ lang.pick("Chọn tệp .json (kịch bản được thêm thành bản mới, không ghi đè)", "Choose a .json file (added as a new scenario, nothing is overwritten)") }</span>
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
