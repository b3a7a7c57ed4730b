//! The top bar: name, what the app is, undo and redo, the language switch and room for page
//! actions.

use model::words::Ui;
use yew::prelude::*;

use super::undo::UndoButtons;
use super::use_app;
use crate::state::Action;

/// Props of [`Header`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct HeaderProps {
    /// Extra actions (share, workshop…), shown before the language switch.
    #[prop_or_default]
    pub children: Html,
}

/// See the module docs.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let other = lang.other();
    let toggle = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::SetLang(other)))
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true">
                    <rect width="64" height="64" rx="12" fill="#0b5394"/>
                    <path d="M10 42c6-5 10-5 16 0s10 5 16 0 10-5 12-2" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>
                    <circle cx="32" cy="20" r="8" fill="#ffd966"/>
                </svg>
                <div>
                    <h1 data-testid="app-title">{ Ui::AppTitle.get(lang) }</h1>
                    <p class="tagline">{ Ui::Tagline.get(lang) }</p>
                </div>
            </div>
            <div class="top-actions">
                <UndoButtons/>
                { props.children.clone() }
                <button type="button" class="btn ghost" data-testid="lang-toggle" lang={other.code()}
                    aria-label={Ui::SwitchLanguage.get(lang)}
                    onclick={toggle}>
                    { Ui::OtherLanguageName.get(lang) }
                </button>
            </div>
        </header>
    }
}
