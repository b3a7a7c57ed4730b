//! Words the model, the app, the CLI and the exports share: units, the plan's parts, figure
//! labels, targets and assumptions. A figure has one label here, used by the app's tables,
//! the print sheet, the CSV and XLSX files and the CLI alike.

crate::words! {
    /// Shared words.
    pub enum Common {
        // Money and units.
        /// After a full amount: "1.250.000 đ".
        DongSign => "đ", "VND";
        /// After a small amount said aloud: "65.217 đồng".
        Dong => "đồng", "VND";
        MillionDong => "triệu đồng", "million VND";
        BillionDong => "tỷ đồng", "billion VND";
        /// A column of amounts in đồng.
        InDong => "{0} (đồng)", "{0} (VND)";
        MoneyEmpty => "Hãy nhập số tiền (đồng).", "Enter an amount (VND).";
        MoneyNotANumber => "“{0}” không phải là số tiền. Ví dụ: 1.250.000 hoặc 9,4 tỷ.",
            "“{0}” is not an amount. For example: 1,250,000 or 9.4 billion.";
        MoneyNegative => "Số tiền không được âm.", "The amount cannot be negative.";
        MoneyTooLarge => "Số tiền quá lớn (tối đa 1.000.000 tỷ đồng).",
            "The amount is too large (at most 1,000,000 billion VND).";

        // The plan and its parts.
        Scenario => "Kịch bản", "Scenario";
        Region => "Địa phương", "Region";
        PlanYears => "Kỳ kế hoạch", "Plan years";
        Year => "Năm", "Year";
        /// The whole plan period (a column of totals).
        WholePlan => "Cả kỳ", "Whole plan";
        ProgrammeLine => "Tuyến chương trình", "Programme line";
        Line => "Tuyến", "Line";
        Group => "Nhóm", "Group";
        Unit => "Đơn vị", "Unit";
        /// How many units a line buys.
        Units => "Số đơn vị", "Units";
        Total => "Tổng", "Total";
        Notes => "Ghi chú", "Notes";
        WithoutPlan => "Không có kế hoạch", "Without the plan";
        WithPlan => "Có kế hoạch", "With the plan";
        ProjectionByYear => "Dự báo theo năm", "Projection by year";

        // Budget.
        Budget => "Ngân sách", "Budget";
        BudgetAYear => "Ngân sách mỗi năm", "Budget a year";
        CentralBudget => "Ngân sách trung ương", "Central budget";
        ProvincialBudget => "Ngân sách địa phương", "Provincial budget";
        MobilisedFunds => "Vận động, xã hội hóa", "Mobilised funds";
        BudgetBySourceYear => "Ngân sách theo nguồn vốn, từng năm", "Budget by funding source, each year";
        AnnualAllocation => "Phân bổ mỗi năm", "Annual allocation";
        Allocated => "Đã phân bổ", "Allocated";
        Unallocated => "Còn lại", "Unallocated";
        /// The allocation in force (against a proposal).
        Current => "Hiện tại", "Current";
        Proposed => "Đề xuất", "Proposed";
        Change => "Thay đổi", "Change";

        // Figures.
        DeathsAverted => "Ca tử vong do đuối nước tránh được", "Drowning deaths averted";
        DeathsWithoutPlan => "Trẻ tử vong do đuối nước, không có kế hoạch (ca)",
            "Child drowning deaths without the plan";
        DeathsWithPlan => "Trẻ tử vong do đuối nước, có kế hoạch (ca)",
            "Child drowning deaths with the plan";
        RateWithoutPlan => "Tỷ suất tử vong /100.000 trẻ, không có kế hoạch",
            "Deaths per 100,000 children without the plan";
        RateWithPlan => "Tỷ suất tử vong /100.000 trẻ, có kế hoạch",
            "Deaths per 100,000 children with the plan";
        RateFinal => "Tỷ suất tử vong /100.000 trẻ, năm cuối",
            "Deaths per 100,000 children, last year";
        SwimShare => "Trẻ 6–15 tuổi biết bơi", "Children 6–15 able to swim";
        SwimShareFinal => "Trẻ 6–15 tuổi biết bơi, năm cuối", "Children 6–15 able to swim, last year";
        ChildFriendlyCommunes => "Xã, phường phù hợp với trẻ em", "Child-friendly communes";
        ChildFriendlyFinal => "Xã, phường phù hợp với trẻ em, năm cuối",
            "Child-friendly communes, last year";
        ChildrenReached => "Trẻ em được tiếp cận", "Children reached";
        ChildrenSupported => "Trẻ em được hỗ trợ", "Children supported";

        // Targets.
        NationalTarget => "Mục tiêu quốc gia", "National target";
        NationalTargets => "Mục tiêu quốc gia", "National targets";
        Target => "Mục tiêu", "Target";
        Threshold => "Ngưỡng", "Threshold";
        Result => "Kết quả", "Result";
        Met => "Đạt", "Met";
        Missed => "Chưa đạt", "Missed";
        OutsidePlanYears => "Ngoài kỳ kế hoạch", "Outside the plan years";
        /// The value a target reached.
        Achieved => "Đạt được", "Achieved";
        /// The value a target asks for.
        Needed => "Yêu cầu", "Needed";

        // Assumptions.
        Assumption => "Giả định", "Assumption";
        Assumptions => "Giả định", "Assumptions";
        Value => "Giá trị", "Value";
        Source => "Nguồn", "Source";
        Confidence => "Độ tin cậy", "Confidence";
        ChangedInScenario => "Đã sửa trong kịch bản này", "Changed in this scenario";

        // Files.
        FileTooLarge => "Tệp quá lớn để là một kịch bản (tối đa 1 MB).",
            "The file is too large to be a scenario (at most 1 MB).";
    }
}
