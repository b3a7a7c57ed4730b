//! Issue 14's words: money as planners type it, money that buys nothing, the plan as a
//! state document (Decree 30/2020/NĐ-CP: print sheet and Word file), the workshop screen,
//! the phone's reading view and the file worker when it is not there.

crate::words! {
    /// Words of the plan document and the screens around it.
    pub enum Office {
        // ---- Money as planners type it ----
        /// How a typed amount was read; `{0}` is the amount.
        ReadAs => "đã hiểu là {0}", "read as {0}";
        /// The same when a mark was read against the language's habit; `{1}` is the mark.
        ReadDecimalMark => "đã hiểu dấu “{1}” là dấu thập phân: {0}", "read “{1}” as the decimal mark: {0}";
        ReadGroupMark => "đã hiểu dấu “{1}” là dấu phân cách hàng nghìn: {0}", "read “{1}” as the thousands separator: {0}";
        /// An amount that can be read two ways: `{0}` the text, `{1}` and `{2}` the readings.
        MoneyAmbiguous => "“{0}” có thể là {1} hoặc {2}. Bạn muốn số nào?", "“{0}” can be read as {1} or as {2}. Which one do you mean?";
        MoneyChoose => "Chọn {0}", "Choose {0}";
        MoneyUnitOrder => "“{0}”: các đơn vị phải đi từ lớn đến nhỏ, mỗi đơn vị một lần (ví dụ 45 tỷ 500 triệu).", "“{0}”: units must go from large to small, each once (for example 45 billion 500 million).";
    }
}
