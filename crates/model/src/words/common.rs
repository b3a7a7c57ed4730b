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

        // ---- Assumptions (model::assumptions): their rows, groups and units ----
        AsmRegionChildren => "Số trẻ em dưới 16 tuổi", "Children under 16";
        AsmRegionShareUnder5 => "Tỷ lệ trẻ 0–4 tuổi", "Share aged 0–4";
        AsmRegionDrowningRate => "Tỷ suất tử vong do đuối nước (năm gốc)", "Drowning death rate (base year)";
        AsmRegionTrend => "Xu hướng hằng năm khi không có kế hoạch", "Yearly trend without the plan";
        AsmRegionDeathShareUnder5 => "Tỷ lệ ca tử vong ở trẻ 0–4 tuổi", "Share of deaths aged 0–4";
        AsmRegionReferenceRate2020 => "Tỷ suất tử vong năm 2020 (mốc so sánh mục tiêu)", "2020 death rate (target reference)";
        AsmRegionSwimShare => "Tỷ lệ trẻ 6–15 tuổi biết bơi an toàn", "Share aged 6–15 able to swim";
        AsmRegionSpecialCircumstances => "Trẻ em có hoàn cảnh đặc biệt", "Children in special circumstances";
        AsmRegionCommunes => "Số xã, phường", "Communes";
        AsmRegionChildFriendlyShare => "Tỷ lệ xã, phường phù hợp với trẻ em", "Share of child-friendly communes";
        AsmRegionHotlineCalls => "Cuộc gọi đến Tổng đài 111 mỗi năm", "Calls to hotline 111 a year";
        AsmLineUnitCost => "Chi phí đơn vị", "Unit cost";
        AsmLineRrr => "Mức giảm nguy cơ đuối nước ở trẻ được bao phủ", "Drowning risk reduction among children covered";
        AsmLineMaxCoverage => "Độ bao phủ tối đa", "Maximum coverage";
        AsmLineDurabilityYears => "Thời gian tác dụng", "Durability";
        AsmLineEligible => "Đối tượng có thể tiếp cận", "Eligible population";
        AsmLineChildrenPerUnit => "Số trẻ em được bao phủ trên mỗi đơn vị", "Children covered per unit";
        AsmLineSupportedPerUnit => "Số trẻ được tính là được hỗ trợ trên mỗi đơn vị", "Children counted as supported per unit";
        RegionFigures => "Số liệu địa phương", "Region figures";
        UnitSharePerYear => "% / năm", "% a year";
        UnitPerHundredThousand => "ca tử vong / 100.000 trẻ", "deaths per 100,000 children";
        UnitCommunes => "xã, phường", "communes";
        UnitCallsPerYear => "cuộc gọi / năm", "calls a year";
        UnitDongPer => "đ / {0}", "VND / {0}";
        UnitChildrenPer => "trẻ em / {0}", "children per {0}";
        UnitSupportedPer => "trẻ được hỗ trợ / {0}", "children supported per {0}";
        UnitYears => "năm", "years";
        CurrencySuffix => " đ", " VND";

        // ---- What is wrong with a scenario (model::ScenarioError) ----
        ErrVersion => "Kịch bản có phiên bản {0}, ứng dụng này chỉ đọc được đến phiên bản {1}. Hãy tải lại trang để dùng bản mới nhất.", "The scenario has version {0}; this app reads up to version {1}. Reload the page to get the newest version.";
        ErrUnknownRegion => "Không có địa phương “{0}”.", "There is no region “{0}”.";
        ErrUnknownLine => "Không có tuyến chương trình “{0}”.", "There is no programme line “{0}”.";
        ErrYears => "Kỳ kế hoạch {0}–{1} không hợp lệ: các năm phải trong khoảng 2020–2045, tối đa 15 năm.", "Plan years {0}–{1} are not valid: years must lie within 2020–2045, at most 15 of them.";
        ErrBudgetYears => "Ngân sách có {0} năm nhưng kỳ kế hoạch có {1} năm.", "The budget has {0} years but the plan has {1}.";
        ErrNegativeMoney => "{0}: số tiền không được âm ({1}).", "{0}: the amount cannot be negative ({1}).";
        ErrTooMuchMoney => "{0}: số tiền quá lớn ({1}); tối đa 1.000.000 tỷ đồng.", "{0}: the amount is too large ({1}); at most 1,000,000 billion VND.";
        ErrOverBudget => "Phân bổ {0} vượt ngân sách năm {1} ({2}) là {3}.", "Allocations of {0} exceed the {1} budget ({2}) by {3}.";
        ErrOutOfRange => "{0}: giá trị phải từ {1} đến {2}, không phải {3}.", "{0}: the value must be between {1} and {2}, not {3}.";
        ErrNonFinite => "{0}: không phải là một số.", "{0}: not a number.";
        ErrBadRange => "{0}: cần thấp ≤ khả năng nhất ≤ cao.", "{0}: low ≤ most likely ≤ high is required.";
        ErrFloorAboveCeiling => "{0}: mức sàn {1} cao hơn mức trần {2}.", "{0}: the floor {1} is above the ceiling {2}.";
        ErrOutsideBounds => "{0}: {1} nằm ngoài mức sàn {2} – trần {3}.", "{0}: {1} is outside the floor {2} – ceiling {3}.";
        ErrConstraintsOverBudget => "Các tuyến bị khóa và mức sàn cần {0}, vượt ngân sách năm thấp nhất ({1}). Hãy giảm mức sàn, mở khóa hoặc tăng ngân sách.", "Locked lines and floors need {0}, more than the smallest yearly budget ({1}). Lower a floor, unlock a line or raise the budget.";
        ErrUnknownTarget => "Không có mục tiêu “{0}”.", "There is no target “{0}”.";
        ErrYearOutsidePlan => "Năm {0} nằm ngoài kỳ kế hoạch {1}–{2}.", "The year {0} lies outside the plan years {1}–{2}.";
        ErrTextTooLong => "{0}: quá dài ({1} ký tự, tối đa {2}).", "{0}: too long ({1} characters, at most {2}).";
    }
}
