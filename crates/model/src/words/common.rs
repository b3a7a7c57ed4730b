//! Words the model, the app, the CLI and the exports share: units, grades, categories,
//! figure labels and the model's messages.

crate::words! {
    /// Shared words.
    pub enum Common {
        Children => "trẻ em", "children";

        // ---- Funding sources and scenario fields (model::field) ----
        SourceCentral => "Ngân sách trung ương", "Central budget";
        SourceProvincial => "Ngân sách địa phương", "Provincial budget";
        SourceMobilised => "Vận động, xã hội hóa", "Mobilised funds";
        FieldEveryYear => "{0} (mọi năm)", "{0} (every year)";
        FieldName => "Tên kịch bản", "Scenario name";
        FieldNotes => "Ghi chú", "Notes";
        FieldRegion => "Địa phương", "Region";
        FieldYears => "Kỳ kế hoạch", "Plan years";
        FieldBudget => "Ngân sách", "Budget";
        FieldBudgetTotal => "Tổng ngân sách mỗi năm", "Total budget per year";
        FieldChildren => "Số trẻ em", "Children";
        FieldShareUnder5 => "Tỷ lệ trẻ 0–4 tuổi", "Share aged 0–4";
        FieldDrowningRate => "Tỷ suất tử vong do đuối nước", "Drowning death rate";
        FieldTrend => "Xu hướng hằng năm", "Yearly trend";
        FieldSwimShare => "Tỷ lệ trẻ biết bơi", "Share able to swim";
        FieldSpecialCircumstances => "Trẻ em có hoàn cảnh đặc biệt", "Children in special circumstances";
        FieldCommunes => "Số xã, phường", "Communes";
        FieldChildFriendlyShare => "Tỷ lệ xã phù hợp với trẻ em", "Child-friendly share";
        FieldHotlineCalls => "Cuộc gọi Tổng đài 111", "Hotline 111 calls";
        FieldPerDeath => "Số trẻ được hỗ trợ tương đương một ca tử vong tránh được", "Children supported worth one death averted";
        FieldTarget => "Mục tiêu", "Target";
        FieldYear => "Năm", "Year";
        NotAnAssumption => "{0}: không phải một giả định có thể sửa.", "{0}: not an assumption that can be changed.";
    }
}
