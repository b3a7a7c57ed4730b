//! The plan as a state document (Decree 30/2020/NĐ-CP): a view over the page that shows
//! the print sheet the file worker writes (`kehoach_xlsx::office`, request `sheet`), the
//! issuing-body settings (remembered on this device per region), and buttons to print it
//! (or save it as PDF) and to download the same document as a Word file (request `docx`).
//! The sheet and the Word file come from one model of the document in the worker, so paper
//! and Word say the same thing; none of the writers is in the app's first load.

use kehoach_xlsx::office::{self, DocOp, DocRequest, Issuer};
use model::Lang;
use model::words::{Office, Ui};
use yew::prelude::*;

use super::share::share_link;
use super::use_app;
use crate::platform::download::{self, WorkerReply};
use crate::platform::{dom, print as web};

/// localStorage key of a region's issuing-body settings.
fn settings_key(region: &str) -> String {
    format!("kehoach.issuer.{region}")
}

/// The remembered settings of a region, or its defaults in the user's language.
fn load_issuer(region: &str, lang: Lang) -> Issuer {
    crate::platform::load(&settings_key(region))
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Issuer>(&t).ok())
        .unwrap_or_else(|| Issuer::default_for(region, lang))
}

fn save_issuer(region: &str, issuer: &Issuer) {
    if let Ok(text) = serde_json::to_string(issuer) {
        let _ = crate::platform::save(&settings_key(region), &text);
    }
}

/// What the sheet area shows.
#[derive(Debug, Clone, PartialEq)]
enum Sheet {
    Loading,
    Ready(AttrValue),
    Failed(String),
}

/// The "Document (Word)" button; opens the document view.
#[component]
pub fn DocumentButton() -> Html {
    let app = use_app();
    let lang = app.lang;
    let open = use_state(|| false);
    let view = if *open {
        let close = {
            let open = open.clone();
            Callback::from(move |()| open.set(false))
        };
        match web::print_host() {
            Some(host) => create_portal(html! { <DocumentView on_close={close}/> }, host),
            None => html! {},
        }
    } else {
        html! {}
    };
    let click = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    html! {
        <>
            <button type="button" class="btn ghost" data-testid="document-button" onclick={click}
                title={Office::DocButtonHint.get(lang)}>
                { Office::DocButton.get(lang) }
            </button>
            { view }
        </>
    }
}

/// Props of [`DocumentView`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct DocumentViewProps {
    /// Close the view.
    pub on_close: Callback<()>,
}

/// The document view: bar, settings, the sheet on paper.
#[component]
pub fn DocumentView(props: &DocumentViewProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let scenario = app.scenario().clone();
    let region = scenario.region.clone();
    let issuer = {
        let region = region.clone();
        use_state(move || load_issuer(&region, lang))
    };
    let sheet = use_state(|| Sheet::Loading);
    let status = use_state(|| None::<(bool, String)>);
    let year = crate::platform::page::current_year();
    let request = DocRequest {
        code: model::encode(&scenario),
        link: share_link(&scenario),
        issuer: (*issuer).clone(),
        year,
        chance: app.chance,
    };
    {
        // Ask the worker for the sheet whenever the plan, the language or a setting changes.
        let sheet = sheet.clone();
        use_effect_with((request.clone(), lang), move |(req, lang)| {
            let lang = *lang;
            sheet.set(Sheet::Loading);
            let live = std::rc::Rc::new(std::cell::Cell::new(true));
            let still = live.clone();
            download::ask_worker(office::request(DocOp::Sheet, lang, req), move |reply| {
                if !still.get() {
                    return;
                }
                sheet.set(match reply {
                    Ok(WorkerReply::Text(t)) => match model::worker::read_reply(&t) {
                        Ok(html) => Sheet::Ready(AttrValue::from(html.to_string())),
                        Err(problems) => Sheet::Failed(
                            problems
                                .into_iter()
                                .map(|p| p.message)
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    },
                    Ok(WorkerReply::Bytes(_)) => {
                        Sheet::Failed(download::WorkerError::Crashed("bytes".into()).message(lang))
                    }
                    Err(why) => Sheet::Failed(why.message(lang)),
                });
            });
            move || live.set(false)
        });
    }
    let on_print = Callback::from(|_: MouseEvent| web::print());
    let on_word = {
        let status = status.clone();
        let request = request.clone();
        let file = format!("{}-ke-hoach.docx", model::file_name::stem(&scenario.name));
        Callback::from(move |_: MouseEvent| {
            status.set(Some((false, Office::DocLoading.get(lang).into())));
            let status = status.clone();
            let file = file.clone();
            download::ask_worker(office::request(DocOp::Docx, lang, &request), move |reply| {
                let mime =
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                let result = match reply {
                    Ok(WorkerReply::Bytes(b)) => download::download_bytes(&file, mime, &b),
                    Ok(WorkerReply::Text(t)) => Err(t),
                    Err(why) => Err(why.message(lang)),
                };
                status.set(Some(match result {
                    Ok(()) => (
                        false,
                        Ui::Made.fill(lang, &[Office::DocWordFile.get(lang), &file]),
                    ),
                    Err(e) => (true, e),
                }));
            });
        })
    };
    let close = {
        let c = props.on_close.clone();
        Callback::from(move |_: MouseEvent| c.emit(()))
    };
    let edit = |f: fn(&mut Issuer, String)| {
        let issuer = issuer.clone();
        let region = region.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*issuer).clone();
            f(&mut next, dom::value(&e));
            save_issuer(&region, &next);
            issuer.set(next);
        })
    };
    let reset = {
        let issuer = issuer.clone();
        let region = region.clone();
        Callback::from(move |_: MouseEvent| {
            let next = Issuer::default_for(&region, lang);
            save_issuer(&region, &next);
            issuer.set(next);
        })
    };
    let field = |label: Office, testid: &'static str, value: &str, f: fn(&mut Issuer, String)| {
        html! {
            <label>
                { label.get(lang) }
                <input type="text" data-testid={testid} value={value.to_string()}
                    maxlength={office::MAX_FIELD.to_string()} oninput={edit(f)}/>
            </label>
        }
    };
    let i = &*issuer;
    let sheet_html = match &*sheet {
        Sheet::Loading => html! {
            <p class="doc-status" role="status" data-testid="doc-loading">{ Office::DocLoading.get(lang) }</p>
        },
        Sheet::Ready(markup) => Html::from_html_unchecked(markup.clone()),
        Sheet::Failed(why) => html! {
            <p class="doc-status failed" role="alert" data-testid="doc-failed">{ why.clone() }</p>
        },
    };
    html! {
        <div class="doc-view" data-testid="doc-view" role="dialog" aria-modal="true"
            aria-label={Office::DocViewTitle.get(lang)}>
            <div class="doc-bar">
                <h2>{ Office::DocViewTitle.get(lang) }</h2>
                <button type="button" class="btn" data-testid="doc-print" onclick={on_print}
                    disabled={!matches!(*sheet, Sheet::Ready(_))}>{ Office::DocPrint.get(lang) }</button>
                <button type="button" class="btn" data-testid="doc-word" onclick={on_word}>
                    { Office::DocWord.get(lang) }</button>
                <button type="button" class="btn ghost" data-testid="doc-close" onclick={close}>
                    { Office::DocClose.get(lang) }</button>
            </div>
            if let Some((failed, text)) = &*status {
                <p class={classes!("doc-status", failed.then_some("failed"))} role="status"
                    data-testid="doc-status">{ text.clone() }</p>
            }
            <details class="doc-settings" data-testid="doc-settings">
                <summary>{ Office::DocSettings.get(lang) }</summary>
                <p class="hint">{ Office::DocSettingsNote.get(lang) }</p>
                <div class="doc-fields">
                    { field(Office::FieldParent, "doc-parent", &i.parent, |i, v| i.parent = v) }
                    { field(Office::FieldBody, "doc-body", &i.body, |i, v| i.body = v) }
                    { field(Office::FieldSymbol, "doc-symbol", &i.symbol, |i, v| i.symbol = v) }
                    { field(Office::FieldPlace, "doc-place", &i.place, |i, v| i.place = v) }
                    { field(Office::FieldAuthority, "doc-authority", &i.authority, |i, v| i.authority = v) }
                    { field(Office::FieldTitle, "doc-title", &i.title, |i, v| i.title = v) }
                    { field(Office::FieldName, "doc-name", &i.name, |i, v| i.name = v) }
                    <label class="wide">
                        { Office::FieldRecipients.get(lang) }
                        <textarea data-testid="doc-recipients" value={i.recipients.join("\n")}
                            oninput={edit(|i, v| i.recipients = v.lines().map(str::to_string).collect())}/>
                    </label>
                </div>
                <button type="button" class="btn ghost small" data-testid="doc-reset" onclick={reset}>
                    { Office::DocReset.get(lang) }</button>
            </details>
            <div class="doc-paper" data-testid="doc-paper">{ sheet_html }</div>
        </div>
    }
}
