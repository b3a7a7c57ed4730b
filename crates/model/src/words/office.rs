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

        // ---- The plan as a state document (Decree 30/2020/NĐ-CP) ----
        NationalTitle => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM";
        Motto => "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness";
        /// `{0}` the number (room left for it), `{1}` the symbol ("KH-SYT").
        NumberLine => "Số: {0}/{1}", "No.: {0}/{1}";
        /// `{0}` place, `{1}` day, `{2}` month, `{3}` year.
        PlaceDate => "{0}, ngày {1} tháng {2} năm {3}", "{0}, {1}/{2}/{3}";
        DocType => "KẾ HOẠCH", "PLAN";
        SubjectYear => "Thực hiện công tác trẻ em năm {0}", "Implementing child work in {0}";
        SubjectYears => "Thực hiện công tác trẻ em giai đoạn {0}–{1}", "Implementing child work, {0}–{1}";
        /// The legal basis; `{0}` "năm 2027" / "giai đoạn 2027–2030".
        Basis => "Căn cứ Quyết định số 1248/QĐ-TTg ngày 19/7/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, chống tai nạn, thương tích trẻ em giai đoạn 2021–2030; Quyết định số 23/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ ban hành Chương trình hành động quốc gia vì trẻ em giai đoạn 2021–2030, xây dựng Kế hoạch thực hiện công tác trẻ em {0} như sau:",
            "Under Decision 1248/QĐ-TTg of 19 July 2021 of the Prime Minister approving the Programme on preventing child accidents and injuries 2021–2030, and Decision 23/QĐ-TTg of 7 January 2021 of the Prime Minister issuing the National Action Programme for Children 2021–2030, this plan for child work {0} is issued as follows:";
        PeriodYear => "năm {0}", "in {0}";
        PeriodYears => "giai đoạn {0}–{1}", "for {0}–{1}";
        SecPurpose => "I. MỤC ĐÍCH, YÊU CẦU", "I. PURPOSE AND REQUIREMENTS";
        Purpose => "1. Mục đích", "1. Purpose";
        PurposeText => "Giảm tử vong do đuối nước ở trẻ em; bảo vệ, chăm sóc và hỗ trợ trẻ em trên địa bàn {0}, góp phần thực hiện các mục tiêu quốc gia về trẻ em đến năm 2030.",
            "Reduce child drowning deaths and protect, care for and support the children of {0}, towards the national targets for children by 2030.";
        Requirements => "2. Yêu cầu", "2. Requirements";
        /// `{0}` budget a year, `{1}` plan years, `{2}` number of tasks.
        RequirementsText => "Bố trí {0} mỗi năm trong các năm {1}, phân bổ cho {2} nhiệm vụ theo hiệu quả ước tính. Các chỉ tiêu dưới đây là ước tính của mô hình Kế hoạch, kèm khoảng p10–p90 từ 1.000 lần mô phỏng; giả định và nguồn số liệu nêu tại Phụ lục.",
            "Provide {0} a year in {1}, allocated to {2} tasks by their estimated effect. The targets below are estimates of the Kế hoạch model, with p10–p90 ranges from 1,000 simulation runs; assumptions and sources are in the Annex.";
        SecTargets => "II. CHỈ TIÊU", "II. TARGETS";
        HeadlineResults => "1. Kết quả dự kiến", "1. Expected results";
        /// A figure with its p10–p90 range: `{0}` label, `{1}` value, `{2}` range.
        FigureWithRange => "{0}: {1} (khoảng {2})", "{0}: {1} (range {2})";
        FigureOnly => "{0}: {1}", "{0}: {1}";
        NationalTargetsHeading => "2. Mục tiêu quốc gia", "2. National targets";
        /// `{0}` value, `{1}` threshold.
        TargetAgainst => "{0} so với yêu cầu {1}", "{0} against {1}";
        TargetChance => "khả năng đạt {0}", "chance met {0}";
        TargetWithout => "không có kế hoạch: {0}", "without the plan: {0}";
        TargetMetWithout => "(xu hướng hiện nay tự đạt)", "(met by today's trend alone)";
        /// `{0}` the central yearly change, `{1}`–`{2}` its range.
        TrendAssumed => "giả định xu hướng khi không có kế hoạch {0}/năm (từ {1} đến {2})", "assuming a no-plan trend of {0} a year ({1} to {2})";
        TargetOutside => "{0} ({1}): năm {1} nằm ngoài kỳ kế hoạch, không đánh giá.", "{0} ({1}): {1} lies outside the plan years; not assessed.";
        SecTasks => "III. NHIỆM VỤ VÀ GIẢI PHÁP", "III. TASKS AND MEASURES";
        /// `{0}` line name, `{1}` a year, `{2}` over the plan.
        TaskFunding => "{0}: bố trí {1} mỗi năm ({2} cả kỳ)", "{0}: {1} a year ({2} over the plan)";
        /// `{0}` units a year, `{1}` the unit.
        TaskBuys => "kết quả {0} {1} mỗi năm", "buying {0} {1} a year";
        TaskReached => "{0} trẻ em được tiếp cận", "{0} children reached";
        TaskSupported => "{0} trẻ em được hỗ trợ", "{0} children supported";
        TaskAverted => "{0} ca tử vong do đuối nước tránh được", "{0} child drowning deaths averted";
        /// `{0}` line name, `{1}` the unit cost, `{2}` the line's unit.
        TaskUnitCost => "Đơn giá của “{0}”: {1} / {2}", "Unit cost of “{0}”: {1} per {2}";
        /// `{0}` line name, `{1}` the effect.
        TaskEffect => "mức giảm nguy cơ đuối nước của “{0}”: {1}", "drowning-risk reduction of “{0}”: {1}";
        /// `{0}` the money a year that buys nothing, `{1}` line name.
        TaskIdle => "Lưu ý: khoảng {0} mỗi năm của “{1}” vượt mức tối đa nên không mua thêm được gì.", "Note: about {0} a year of “{1}” is above its cap and buys nothing.";
        TasksUnfunded => "Các nhiệm vụ chưa bố trí kinh phí: {0}.", "Tasks without funds: {0}.";
        SecFunding => "IV. KINH PHÍ THỰC HIỆN", "IV. FUNDING";
        /// `{0}` total over the plan.
        FundingTotal => "Tổng kinh phí cả kỳ: {0}, gồm:", "Total over the plan: {0}, of which:";
        FundCentral => "Ngân sách trung ương: {0}", "Central budget: {0}";
        FundProvincial => "Ngân sách địa phương: {0}", "Provincial budget: {0}";
        FundMobilised => "Huy động xã hội hóa: {0}", "Mobilised (non-state) funds: {0}";
        FundingLeft => "Chưa phân bổ: {0} mỗi năm.", "Not yet allocated: {0} a year.";
        FundingAnnex => "Kinh phí theo năm, theo nguồn và theo nhiệm vụ nêu tại Phụ lục.", "Funding by year, source and task is in the Annex.";
        SecOrganisation => "V. TỔ CHỨC THỰC HIỆN", "V. IMPLEMENTATION";
        OrgLead => "1. Cơ quan chủ trì: hướng dẫn, theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo cấp có thẩm quyền trước ngày 15 tháng 12 hằng năm.",
            "1. The lead agency guides, follows and urges the implementation of this plan, and reports the results to the competent authority by 15 December each year.";
        OrgAgencies => "2. Các sở, ban, ngành, đoàn thể: theo chức năng, nhiệm vụ, phối hợp thực hiện các nhiệm vụ tại Mục III.",
            "2. Departments, agencies and mass organisations carry out the tasks of Section III within their remits.";
        OrgCommunes => "3. Ủy ban nhân dân cấp xã: bố trí nguồn lực, tổ chức thực hiện tại cơ sở; báo cáo kết quả theo quy định.",
            "3. Commune People's Committees provide resources, carry out the tasks locally and report the results as required.";
        OrgClosing => "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về cơ quan chủ trì để tổng hợp, điều chỉnh cho phù hợp./.",
            "Difficulties met in implementation are reported to the lead agency for review and adjustment./.";
        Recipients => "Nơi nhận:", "Recipients:";
        SignHere => "(Ký, đóng dấu)", "(Signature and seal)";
        AnnexTitle => "PHỤ LỤC", "ANNEX";
        /// `{0}` the number line, `{1}` the issuing body.
        AnnexOf => "(Kèm theo Kế hoạch {0} của {1})", "(To Plan {0} of {1})";
        AnnexUnitMillion => "Đơn vị tính: triệu đồng", "Unit: million VND";
        TableTasks => "Bảng 1. Kinh phí và kết quả theo nhiệm vụ", "Table 1. Funding and results by task";
        TableSources => "Bảng 2. Kinh phí theo nguồn và theo năm", "Table 2. Funding by source and year";
        TableYears => "Bảng 3. Trẻ em tử vong do đuối nước dự kiến theo năm", "Table 3. Expected child drowning deaths by year";
        TableAssumptions => "Bảng 4. Giả định và nguồn số liệu", "Table 4. Assumptions and sources";
        ColNo => "STT", "No.";
        ColTask => "Nhiệm vụ", "Task";
        ColUnits => "Số đơn vị cả kỳ", "Units over the plan";
        ColReached => "Trẻ được tiếp cận", "Children reached";
        ColSupported => "Trẻ được hỗ trợ", "Children supported";
        ColAverted => "Tử vong tránh được", "Deaths averted";
        ColWithout => "Không có kế hoạch", "Without the plan";
        ColWith => "Có kế hoạch", "With the plan";
        ColRange => "Khoảng p10–p90", "p10–p90 range";
        ColAssumption => "Giả định", "Assumption";
        ColValue => "Giá trị", "Value";
        ColGrade => "Mức tin cậy", "Grade";
        ColSource => "Nguồn", "Source";
        /// An assumption of a line: `{0}` line name, `{1}` the assumption.
        LineAssumption => "{0}: {1}", "{0}: {1}";
        AnnexNote => "Số liệu là ước tính của mô hình Kế hoạch (chạy trên máy người dùng), kèm khoảng p10–p90 từ 1.000 lần mô phỏng; “đã sửa” là giả định đã thay đổi trong kịch bản này.",
            "Figures are estimates of the Kế hoạch model (run on the user's device), with p10–p90 ranges from 1,000 simulation runs; “edited” marks an assumption changed in this scenario.";
        ScanToReopen => "Quét mã để mở lại kịch bản này trong ứng dụng Kế hoạch", "Scan to reopen this scenario in the Kế hoạch app";
        DocFailed => "Không tạo được văn bản: {0}", "Could not write the document: {0}";

        // ---- Issuing-body settings: the defaults a region gets ----
        DefaultParentProvince => "ỦY BAN NHÂN DÂN TỈNH {0}", "PEOPLE'S COMMITTEE OF {0} PROVINCE";
        DefaultParentCity => "ỦY BAN NHÂN DÂN THÀNH PHỐ {0}", "PEOPLE'S COMMITTEE OF {0} CITY";
        DefaultParentNation => "BỘ Y TẾ", "MINISTRY OF HEALTH";
        DefaultBody => "SỞ Y TẾ", "DEPARTMENT OF HEALTH";
        DefaultBodyNation => "CỤC BÀ MẸ VÀ TRẺ EM", "DEPARTMENT OF MATERNAL AND CHILD HEALTH";
        DefaultAuthority => "KT. GIÁM ĐỐC", "FOR THE DIRECTOR";
        DefaultAuthorityNation => "KT. CỤC TRƯỞNG", "FOR THE DIRECTOR GENERAL";
        DefaultTitle => "PHÓ GIÁM ĐỐC", "DEPUTY DIRECTOR";
        DefaultTitleNation => "PHÓ CỤC TRƯỞNG", "DEPUTY DIRECTOR GENERAL";
        DefaultRecipientsProvince => "Ủy ban nhân dân tỉnh (để báo cáo)\nCác sở, ban, ngành liên quan\nỦy ban nhân dân các xã, phường\nLưu: VT",
            "Provincial People's Committee (for reporting)\nRelevant departments and agencies\nCommune People's Committees\nArchive: Office";
        DefaultRecipientsCity => "Ủy ban nhân dân thành phố (để báo cáo)\nCác sở, ban, ngành liên quan\nỦy ban nhân dân các xã, phường\nLưu: VT",
            "City People's Committee (for reporting)\nRelevant departments and agencies\nCommune People's Committees\nArchive: Office";
        DefaultRecipientsNation => "Bộ trưởng (để báo cáo)\nCác đơn vị thuộc Bộ\nSở Y tế các tỉnh, thành phố\nLưu: VT",
            "The Minister (for reporting)\nUnits of the Ministry\nProvincial Departments of Health\nArchive: Office";

        // ---- The document view (print sheet and Word file of the plan) ----
        DocButton => "Văn bản (Word)", "Document (Word)";
        DocButtonHint => "Kế hoạch theo thể thức văn bản hành chính: in, lưu PDF hoặc tải tệp Word để chỉnh sửa", "The plan as an administrative document: print, save as PDF or download a Word file to edit";
        DocViewTitle => "Văn bản kế hoạch", "Plan document";
        DocPrint => "In / Lưu PDF", "Print / Save PDF";
        DocWord => "Tải tệp Word (.docx)", "Download Word file (.docx)";
        DocClose => "Đóng", "Close";
        DocLoading => "Đang soạn văn bản…", "Writing the document…";
        DocWordFile => "tệp Word", "Word file";
        DocSettings => "Cơ quan ban hành, người ký, nơi nhận", "Issuing body, signer, recipients";
        DocSettingsNote => "Được ghi nhớ trên máy này cho từng địa phương. Số văn bản để trống, điền khi vào sổ.", "Remembered on this device for each region. The number is left blank, to fill in when registered.";
        DocReset => "Về mặc định", "Back to the defaults";
        FieldParent => "Cơ quan chủ quản", "Parent body";
        FieldBody => "Cơ quan ban hành", "Issuing body";
        FieldSymbol => "Ký hiệu", "Symbol";
        FieldPlace => "Địa danh", "Place";
        FieldAuthority => "Thẩm quyền ký", "Signing authority";
        FieldTitle => "Chức vụ người ký", "Signer's position";
        FieldName => "Họ và tên người ký", "Signer's full name";
        FieldRecipients => "Nơi nhận (mỗi dòng một nơi)", "Recipients (one a line)";

        // ---- The file worker when it is not there ----
        WorkerOffline => "Chưa xuất được tệp khi không có mạng: bộ tạo tệp (Excel, Word) chưa được lưu trên máy này. Hãy kết nối mạng và mở lại ứng dụng một lần; sau đó có thể xuất tệp cả khi không có mạng.",
            "Cannot make the file offline: the file maker (Excel, Word) is not stored on this device yet. Connect once and reopen the app; after that files can be made offline too.";
        WorkerMissing => "Không tải được bộ tạo tệp (Excel, Word). Hãy kiểm tra kết nối mạng rồi thử lại.",
            "Could not load the file maker (Excel, Word). Check the connection and try again.";
        WorkerCrashed => "Bộ tạo tệp gặp lỗi ({0}). Hãy thử lại; nếu vẫn lỗi, hãy tải lại trang.",
            "The file maker failed ({0}). Try again; if it fails again, reload the page.";
        WorkerTimeout => "Bộ tạo tệp không trả lời sau một phút. Hãy thử lại.",
            "The file maker did not answer within a minute. Try again.";

        // ---- Money that buys nothing ----
        /// The end of a line's unit that already says "a year" (day care is counted per
        /// year): a sentence that adds "mỗi năm" leaves it out.
        PerYearSuffix => " mỗi năm", " per year";
        /// On a line: `{0}` the money a year above what the line can use.
        LineIdle => "{0} mỗi năm không mua thêm được gì: tuyến đã đạt mức tối đa (100 %).", "{0} a year buys nothing more: the line is at its maximum (100 %).";
        /// The budget bar's split of what is allocated: `{0}` money with effect, `{1}` above ceilings.
        BudgetSplit => "có tác dụng {0} · vượt mức trần {1} (không mua thêm được gì)", "with effect {0} · above the lines' ceilings {1} (buys nothing)";
    }
}
