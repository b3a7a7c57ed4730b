//! Words the model, the app, the CLI and the exports share: units, grades, categories,
//! figure labels and the model's messages.

crate::words! {
    /// Shared words.
    pub enum Common {
        Children => "trẻ em", "children";
    }
}
