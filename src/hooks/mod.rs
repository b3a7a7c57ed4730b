//! The app's hooks, one per file: reading the app state, and the side effects that keep the
//! page in step with it (the Monte Carlo band, autosave, the document's language, links
//! pasted into the address bar, the service worker). They reach the browser only through
//! `platform`.

pub mod use_app;
pub mod use_autosave;
pub mod use_compare_bands;
pub mod use_details_open;
pub mod use_document_lang;
pub mod use_meaning_note;
pub mod use_notice_timeout;
pub mod use_proposal_work;
pub mod use_refined_uncertainty;
pub mod use_remembered_chance;
pub mod use_reveal_changes;
pub mod use_shared_links;
pub mod use_undo_keys;
pub mod use_workshop_keys;
pub mod use_workshop_services;

pub use use_app::use_app;
pub use use_autosave::use_autosave;
pub use use_compare_bands::use_compare_bands;
pub use use_details_open::use_details_open;
pub use use_document_lang::use_document_lang;
pub use use_meaning_note::use_meaning_note;
pub use use_notice_timeout::use_notice_timeout;
pub use use_proposal_work::use_proposal_work;
pub use use_refined_uncertainty::use_refined_uncertainty;
pub use use_remembered_chance::use_remembered_chance;
pub use use_reveal_changes::use_reveal_changes;
pub use use_shared_links::use_shared_links;
pub use use_undo_keys::use_undo_keys;
pub use use_workshop_keys::use_workshop_keys;
pub use use_workshop_services::use_workshop_services;
