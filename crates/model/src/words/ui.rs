//! The app's screens.

crate::words! {
    /// Words of the app's screens.
    pub enum Ui {
        SkipToResults => "Chuyển đến kết quả", "Skip to results";

        // ---- Charts ----
        CompareChartTitle => "Biểu đồ so sánh số trẻ tử vong do đuối nước dự kiến mỗi năm", "Chart comparing expected child drowning deaths per year";
        NoData => "Không có số liệu", "No data";
        DeathsPerYear => "Số ca tử vong / năm", "Deaths per year";
    }
}
