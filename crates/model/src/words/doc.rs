//! The exported files: the XLSX workbook, the plan document (print sheet and Word) and CSV.

crate::words! {
    /// Words of exported files.
    pub enum Doc {
        Sheet => "Bảng", "Sheet";
    }
}
