//! The app's screens.

crate::words! {
    /// Words of the app's screens.
    pub enum Ui {
        SkipToResults => "Chuyển đến kết quả", "Skip to results";
    }
}
