//! The chosen language, told to the document and remembered.

use model::Lang;
use yew::prelude::*;

use crate::platform;

/// Where the chosen language is remembered.
pub const LANG_KEY: &str = "kehoach.lang";

/// Sets `<html lang>` to the language and remembers it for the next visit.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        platform::set_document_lang(lang.code());
        let _ = platform::save(LANG_KEY, lang.code());
    });
}
