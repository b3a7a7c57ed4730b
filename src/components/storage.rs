//! Storage in the scenario menu: whether the browser keeps the work for good, how much is
//! used, and — where it may be deleted or saving fails — a one-tap backup file (the whole
//! working set, `model::backup`) and, on iPhone/iPad Safari, the advice to add the app to
//! the home screen.

use model::words::Ui;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::panel_button::PanelButton;
use super::use_app;
use crate::platform::download;
use crate::platform::storage::{self, StorageInfo};
use crate::state::AppState;

/// The name of the backup file.
pub const BACKUP_FILE: &str = "kehoach-sao-luu.json";

/// Saves the whole working set as the backup file; the sentence to show.
pub fn save_backup(app: &AppState) -> String {
    let text = model::backup::to_json(app.entries.iter().map(|e| &e.scenario), app.current);
    match download::download_text(BACKUP_FILE, "application/json", &text) {
        Ok(()) => Ui::BackupSaved.fill(app.lang, &[BACKUP_FILE]),
        Err(why) => why,
    }
}

/// The "save a backup file" button; `testid` names it for tests.
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct BackupButtonProps {
    /// `data-testid`.
    pub testid: AttrValue,
}

/// See [`BackupButtonProps`]; says what happened below it.
#[component]
pub fn BackupButton(props: &BackupButtonProps) -> Html {
    let app = use_app();
    let said = use_state(String::new);
    let onclick = {
        let app = app.clone();
        let said = said.clone();
        Callback::from(move |_: MouseEvent| said.set(save_backup(&app)))
    };
    html! {
        <>
            <button type="button" class="btn small" data-testid={props.testid.clone()} {onclick}>
                { "⤓ " }{ Ui::SaveBackup.get(app.lang) }
            </button>
            if !said.is_empty() {
                <span class="small muted backup-said" role="status" data-testid={format!("{}-said", props.testid)}>{ (*said).clone() }</span>
            }
        </>
    }
}

/// The storage button of the scenario menu and its panel.
#[component]
pub fn StorageButton() -> Html {
    let app = use_app();
    let lang = app.lang;
    let label = if app.storage_failing {
        format!("⚠ {}", Ui::StorageHeading.get(lang))
    } else {
        Ui::StorageHeading.get(lang).to_string()
    };
    html! {
        <PanelButton class={classes!("btn", "ghost", "small", app.storage_failing.then_some("danger"))}
            testid="storage-button" controls="storage-panel" label={label}
            panel={Callback::from(|close| html! { <StoragePanel on_close={close}/> })}/>
    }
}

/// Props of [`StoragePanel`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct StoragePanelProps {
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// What the browser says about the storage, asked when the panel opens.
#[component]
pub fn StoragePanel(props: &StoragePanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let info = use_state(|| None::<StorageInfo>);
    {
        let info = info.clone();
        use_effect_with(app.entries.len(), move |_| {
            spawn_local(async move { info.set(Some(storage::info().await)) });
        });
    }
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
    let known = (*info).unwrap_or_default();
    let used = known.usage.map_or_else(
        || Ui::StorageUsedUnknown.get(lang).to_string(),
        |u| model::fmt::bytes(u, lang),
    );
    let (state, text) = if app.storage_failing {
        ("failing", Ui::StorageFailing.get(lang).to_string())
    } else {
        match known.persisted {
            Some(true) => ("persistent", Ui::StoragePersistent.fill(lang, &[&used])),
            Some(false) => (
                "not-persistent",
                Ui::StorageNotPersistent.fill(lang, &[&used]),
            ),
            None => ("unknown", Ui::StorageUnknown.get(lang).to_string()),
        }
    };
    let offer_backup = app.storage_failing || known.persisted != Some(true);
    html! {
        <section id="storage-panel" class="popover storage-panel" data-testid="storage-panel" onkeydown={on_key}
            aria-label={Ui::StorageHeading.get(lang)}>
            <div class="popover-head">
                <h2>{ Ui::StorageHeading.get(lang) }</h2>
                <button type="button" class="btn ghost small" onclick={close} data-testid="storage-close"
                    aria-label={Ui::Close.get(lang)}>{ "×" }</button>
            </div>
            if info.is_some() || app.storage_failing {
                <p class="storage-state" data-testid="storage-state" data-state={state}
                    data-usage={known.usage.map(|u| u.to_string())}>{ text }</p>
            }
            if offer_backup {
                <p><BackupButton testid="storage-backup"/></p>
                if storage::ios_safari_in_browser() {
                    <p class="small muted" data-testid="storage-ios">{ Ui::StorageIosAdvice.get(lang) }</p>
                }
            }
        </section>
    }
}
