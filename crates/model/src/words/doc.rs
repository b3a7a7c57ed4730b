//! The exported files: the XLSX workbook, the chart tables (shown under each chart and
//! downloaded as CSV), the scenario JSON import, and the print sheet.

crate::words! {
    /// Words of exported files.
    pub enum Doc {
        // Chart tables and CSV.
        /// A CSV column of deaths.
        InDeaths => "{0} (ca tử vong)", "{0} (deaths)";
        DeathsTableCaption => "Số trẻ em tử vong do đuối nước dự kiến mỗi năm",
            "Expected child drowning deaths per year";
        WithPlanP10 => "Có kế hoạch, p10", "With the plan, p10";
        WithPlanP90 => "Có kế hoạch, p90", "With the plan, p90";
        LinesTableCaption => "Phân bổ ngân sách theo tuyến", "Budget allocation by programme line";
        /// A line's part of the allocation.
        ShareOfTotal => "Tỷ trọng", "Share";
        TotalBudget => "Tổng ngân sách", "Total budget";
        LeftOrOver => "Còn lại (âm: vượt)", "Left (negative: over)";
        ReachTableCaption => "Trẻ em được tiếp cận và được hỗ trợ theo tuyến, cả giai đoạn",
            "Children reached and supported by line, over the plan";
        TargetsTableCaption => "Các mục tiêu quốc gia: đạt hay chưa đạt", "National targets: met or missed";

        // The XLSX workbook.
        SheetSummary => "Tổng quan", "Summary";
        SheetAllocation => "Phân bổ", "Allocation";
        WorkbookSubject => "Kế hoạch ngân sách bảo vệ trẻ em", "Child-protection budget plan";
        FirstYearBudget => "Ngân sách năm đầu (đồng)", "First-year budget (VND)";
        HeadlineFigures => "Kết quả chính (cả kỳ)", "Headline figures (plan)";
        WorkbookNote => "Số liệu là ước tính của mô hình Kế hoạch; p10–p90 từ 1.000 lần mô phỏng Monte Carlo. Giả định và nguồn: xem trang “Giả định”.",
            "Figures are estimates of the Kế hoạch model; p10–p90 from 1,000 Monte Carlo runs. Assumptions and sources: see the “Assumptions” sheet.";
        /// The workbook's column of the chance of meeting a target.
        ChanceOfMeeting => "Khả năng đạt", "Chance of meeting it";
        /// Under the workbook's targets: the rule of its verdicts ({0}: 80 %).
        VerdictRule => "“Đạt” khi khả năng đạt ít nhất {0}; “Chưa chắc” khi đạt ở giá trị trung tâm nhưng khả năng thấp hơn.",
            "“Met” when the chance of meeting it is at least {0}; “Not sure” when met at central values with less chance.";
        Id => "Mã", "Id";
        UnitsOverPlan => "Số đơn vị cả kỳ", "Units over the plan";
        SourcedDefault => "Mặc định (có nguồn)", "Sourced default";
        Key => "Khóa", "Key";
        Yes => "có", "yes";
        No => "không", "no";
        WorkbookFailed => "Không tạo được bảng tính: {0}", "Could not write the workbook: {0}";
        InvalidRequest => "Yêu cầu không hợp lệ", "Invalid request";

        // Importing a scenario file.
        FileEmpty => "Tệp trống.", "The file is empty.";
        NotJson => "Tệp không phải JSON hợp lệ (dòng {0}, cột {1}). Hãy chọn tệp .json do ứng dụng xuất ra.",
            "The file is not valid JSON (line {0}, column {1}). Choose a .json file this app exported.";
        UnknownField => "Trường “{0}” không có trong định dạng kịch bản (dòng {1}).",
            "“{0}” is not a field of the scenario format (line {1}).";
        MissingField => "Thiếu trường bắt buộc “{0}”.", "The required field “{0}” is missing.";
        WrongType => "Giá trị sai kiểu ở dòng {0}, cột {1}{2}.", "A value has the wrong type at line {0}, column {1}{2}.";

        // The print sheet.
        PrintHint => "In một trang A4 hoặc lưu thành PDF", "Print one A4 page or save it as PDF";
        PrintButton => "In / PDF", "Print / PDF";
        PrintKicker => "Kế hoạch thực hiện công tác trẻ em — mô phỏng ngân sách", "Child-work plan — budget simulation";
        BudgetPerYear => "ngân sách {0}/năm", "budget {0}/year";
        AllocatedPerYear => "phân bổ {0}/năm", "allocated {0}/year";
        QrReopens => "Mã QR mở lại kịch bản này", "QR code that reopens this scenario";
        ScanToOpen => "Quét để mở kịch bản", "Scan to open";
        AllocationByLineMillion => "Phân bổ theo tuyến (triệu đồng)", "Allocation by line (million VND)";
        EachYear => "Mỗi năm", "Each year";
        BudgetBySourceMillion => "Ngân sách theo nguồn (triệu đồng)", "Budget by source (million VND)";
        Central => "Trung ương", "Central";
        Provincial => "Địa phương", "Provincial";
        Mobilised => "Xã hội hóa", "Mobilised";
        DeathsPerYear => "Trẻ tử vong do đuối nước mỗi năm", "Child drowning deaths per year";
        /// A target's value against what it asks for.
        ValueOfNeeded => "{0} / yêu cầu {1}", "{0} / needed {1}";
        KeyAssumptions => "Giả định chính và nguồn", "Key assumptions and sources";
        PrintFooter => "Số liệu là ước tính của mô hình, kèm khoảng p10–p90 từ 1.000 lần mô phỏng; ✎ = giả định đã sửa trong kịch bản. Tạo bằng ứng dụng Kế hoạch (chạy trên máy người dùng).",
            "Figures are model estimates with p10–p90 ranges from 1,000 simulation runs; ✎ = assumption changed in this scenario. Made with the Kế hoạch app (runs on the user's device).";
    }
}
