//! kehoach's file worker: everything that turns a scenario into a file or a file into a
//! scenario and is too heavy for the app's first load —
//! - the XLSX workbook ([`xlsx`], `rust_xlsxwriter`): every figure of the catalogue with
//!   its p10–p90 range, the targets, the allocation, the budget by source and year, the
//!   projection by year, the assumptions with their sources;
//! - the plan as a state document ([`plan`], Decree 30/2020/NĐ-CP), written two ways: the
//!   print sheet's HTML ([`html`]) and the Word file ([`docx`], `docx-rs`);
//! - the scenario JSON file: written for "export JSON", read back for "import" with every
//!   problem placed by field ([`json`]).
//!
//! `src/main.rs` wraps [`handle_request`] in a web worker the app starts only when someone
//! exports, imports or prints. The app links this crate too, without its `writers`
//! feature, for [`office`] only: the document request and the issuing-body settings.
//!
//! # Requests and replies
//! The protocol is `model::worker`, shared with the app, plus the two document requests of
//! [`office`]:
//! - `xlsx` (a share code) → the workbook's bytes, or an error message;
//! - `json` (a share code) → `ok` and the JSON file, or an error message;
//! - `import` (a file's text) → `ok` and the scenario's share code, or its problems by field;
//! - `sheet` ([`office::DocRequest`]) → `ok` and the print sheet's HTML, or a message;
//! - `docx` ([`office::DocRequest`]) → the Word file's bytes, or a message.
//!
//! Scenarios travel as share codes (`model::encode`), which are exact.

pub mod json;
pub mod office;
#[cfg(feature = "writers")]
pub mod room;

#[cfg(feature = "writers")]
pub mod docx;
#[cfg(feature = "writers")]
pub mod html;
#[cfg(feature = "writers")]
pub mod plan;
#[cfg(feature = "writers")]
pub mod xlsx;

pub use json::{ImportProblem, MAX_IMPORT_BYTES, export_json, parse_import};
#[cfg(feature = "writers")]
pub use xlsx::{sheet_names, workbook};

/// Monte Carlo draws for the p10–p90 ranges (as the app).
pub const DRAWS: u32 = 1_000;

/// What the worker answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A file's bytes (the workbook, the Word file).
    Bytes(Vec<u8>),
    /// Text (see the module docs).
    Text(String),
}

/// Answers one request (see the module docs). Never panics; a request it cannot read gets
/// an error message in Vietnamese and English.
#[cfg(feature = "writers")]
pub fn handle_request(request: &str) -> Reply {
    use model::worker::{self, Op, Request};

    if office::DocOp::of_request(request).is_some() {
        return reply_document(request);
    }
    let Request { op, lang, body } = Request::parse(request);
    let scenario = || model::decode(body).map_err(|e| e.message(lang));
    match op {
        Some(Op::Xlsx) => {
            let (code, chance) = worker::read_xlsx_body(body);
            let book = model::decode(code)
                .map_err(|e| e.message(lang))
                .and_then(|s| workbook(&s, lang, chance));
            match book {
                Ok(bytes) => Reply::Bytes(bytes),
                Err(e) => Reply::Text(e),
            }
        }
        Some(Op::Json) => match scenario() {
            Ok(s) => Reply::Text(worker::ok(&export_json(&s))),
            Err(e) => Reply::Text(e),
        },
        Some(Op::Import) => Reply::Text(reply_import(body, lang)),
        Some(Op::Room) => room::reply(body, lang),
        None => Reply::Text(invalid()),
    }
}

#[cfg(feature = "writers")]
fn invalid() -> String {
    use model::words::Doc;
    format!(
        "{} / {}",
        Doc::InvalidRequest.vi(),
        Doc::InvalidRequest.en()
    )
}

/// The plan document of a request: its print sheet (`ok` and the HTML) or its Word file.
#[cfg(feature = "writers")]
fn reply_document(request: &str) -> Reply {
    use model::words::Office;

    let Some((op, lang, req)) = office::parse(request) else {
        return Reply::Text(invalid());
    };
    let doc = model::decode(&req.code)
        .map_err(|e| e.message(lang))
        .and_then(|s| document(&s, lang, &req.issuer, req.year, &req.link, req.chance));
    match (op, doc) {
        (office::DocOp::Sheet, Ok(d)) => Reply::Text(model::worker::ok(&html::render(&d))),
        (office::DocOp::Docx, Ok(d)) => match docx::render(&d) {
            Ok(bytes) => Reply::Bytes(bytes),
            Err(e) => Reply::Text(Office::DocFailed.fill(lang, &[&e])),
        },
        (_, Err(e)) => Reply::Text(e),
    }
}

/// The plan document of a scenario (its projection and Monte Carlo computed here, as the
/// app computes them: the same seed, the same draws, the same figures); its verdicts
/// count a target as met with at least the chance `chance` ([`model::Verdict`]).
#[cfg(feature = "writers")]
pub fn document(
    s: &model::Scenario,
    lang: model::Lang,
    issuer: &office::Issuer,
    year: i32,
    link: &str,
    chance: f64,
) -> Result<plan::PlanDoc, String> {
    let p = model::evaluate(s).map_err(|e| e.message(lang))?;
    let u = model::simulate(s, DRAWS).ok();
    Ok(plan::PlanDoc::build(
        s,
        &p,
        plan::Odds {
            u: u.as_ref(),
            asked: chance,
        },
        lang,
        issuer,
        year,
        link,
    ))
}

/// The reply to an import: the scenario's share code, or its problems by field
/// (`model::worker::ok` / `model::worker::problems`).
pub fn reply_import(text: &str, lang: model::Lang) -> String {
    use model::worker;
    match parse_import(text, lang) {
        Ok(s) => worker::ok(&model::encode(&s)),
        Err(problems) => worker::problems(&problems),
    }
}
