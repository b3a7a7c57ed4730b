//! The app's screens, in the order the planner meets them.

crate::words! {
    /// Words of the app's screens.
    pub enum Ui {
        // The page.
        SkipToResults => "Chuyển đến kết quả", "Skip to results";
        /// Above the results of a plan opened from a shared link (phones show them first).
        SharedResultsNote => "Kết quả của kế hoạch được chia sẻ. Muốn thay đổi, bấm “Chỉnh sửa”.",
            "The results of the shared plan. To change it, press “Edit”.";
        /// The button that goes from a shared plan's results to its form.
        EditShared => "Chỉnh sửa", "Edit";

        // ---- Notices and names the app's state gives ----
        NoticeBadLink => "{0} Đang hiển thị kịch bản mặc định; công việc của bạn không bị mất.", "{0} Showing the default scenario; none of your work was lost.";
        NoticeLinkOpened => "Đã mở kịch bản được chia sẻ “{0}” thành một bản sao mới.", "Opened the shared scenario “{0}” as a new copy.";
        NoticeStorageFailed => "Trình duyệt không cho lưu ({0}): bộ nhớ có thể đã đầy hoặc bị tắt. Công việc vẫn còn trong trang này và ứng dụng vẫn chạy; hãy lưu tệp sao lưu ngay. Lần lưu được tiếp theo sẽ lưu lại tất cả.", "The browser refused to save ({0}): its storage may be full or turned off. Your work is still in this page and the app keeps working; save a backup file now. The next save that works stores everything.";
        NoticeStorageBack => "Đã lưu lại được: mọi kịch bản đã được lưu trong trình duyệt.", "Saving works again: every scenario is stored in the browser.";
        NoticeSynced => "Đã cập nhật thay đổi từ một thẻ khác của ứng dụng.", "Brought in changes made in another tab of the app.";
        NoticeBackupRestored => "Đã khôi phục {0} kịch bản từ tệp sao lưu “{1}”.", "Restored {0} scenarios from the backup file “{1}”.";
        BackupUnreadable => "Không đọc được tệp sao lưu “{0}”: {1}", "Could not read the backup file “{0}”: {1}";
        SaveBackup => "Lưu tệp sao lưu", "Save a backup file";
        BackupSaved => "Đã lưu tệp sao lưu {0}. Để khôi phục: Xuất / Nhập → chọn tệp này.", "Saved the backup file {0}. To restore it: Export / import → choose this file.";
        StorageHeading => "Lưu trữ trên máy này", "Storage on this device";
        StoragePersistent => "Trình duyệt giữ dữ liệu lâu dài; đã dùng {0}.", "The browser keeps this data for good; {0} used.";
        StorageNotPersistent => "Trình duyệt có thể xóa dữ liệu này khi thiếu chỗ hoặc lâu không dùng; đã dùng {0}. Hãy lưu tệp sao lưu thường xuyên.", "The browser may delete this data when space runs low or after a while unused; {0} used. Save a backup file from time to time.";
        StorageUnknown => "Không rõ trình duyệt có giữ dữ liệu lâu dài không. Hãy lưu tệp sao lưu thường xuyên.", "This browser does not say whether it keeps the data for good. Save a backup file from time to time.";
        StorageFailing => "Trình duyệt đang không cho lưu: công việc chỉ còn trong trang này. Hãy lưu tệp sao lưu.", "The browser is refusing to save: the work is only in this page. Save a backup file.";
        StorageIosAdvice => "Trên iPhone/iPad (Safari): bấm Chia sẻ → “Thêm vào MH chính” để Safari không xóa dữ liệu sau 7 ngày không mở.", "On iPhone/iPad (Safari): tap Share → “Add to Home Screen” so Safari does not delete the data after 7 days unopened.";
        StorageUsedUnknown => "không rõ dung lượng", "amount unknown";
        NoticeStorageCorrupt => "Dữ liệu đã lưu bị hỏng và đã được bỏ qua; đang dùng kịch bản mặc định.", "Saved data was damaged and has been set aside; using the default scenario.";
        NoticeImported => "Đã nhập kịch bản “{0}” thành một bản mới.", "Imported the scenario “{0}” as a new copy.";
        NoticeBookFull => "Đã có {0} kịch bản, là mức tối đa. Hãy xóa bớt kịch bản không dùng để thêm kịch bản mới.", "There are already {0} scenarios, the most this app keeps. Delete one you no longer need to add another.";
        NoticePackFull => "Đã có {0} kịch bản, là mức tối đa; một số kịch bản của gói chưa được thêm. Hãy xóa bớt kịch bản không dùng rồi mở lại.", "There are already {0} scenarios, the most this app keeps; some scenarios of the pack were not added. Delete some you no longer need and open it again.";
        NoticePackFailed => "Không mở được gói hội thảo: {0}", "Could not open the workshop pack: {0}";
        NoticePackOpened => "Đã mở gói hội thảo{0}: {1} kịch bản{2}. Dùng phím ← → để chuyển, Esc để về trang lập kế hoạch.", "Opened the workshop pack{0}: {1} scenarios{2}. Use ← → to step, Esc to go back to the planner.";
        NoticePackMissed => " ({0} kịch bản không thêm được vì đã đủ {1} kịch bản)", " ({0} could not be added: the set already holds {1})";
        NoticePackAdded => "Đã thêm {0} kịch bản vào buổi hội thảo.", "Added {0} scenario(s) to the workshop.";
        NoticeNewVersion => "Đã có phiên bản mới của ứng dụng. Tải lại trang để dùng phiên bản mới; công việc của bạn được giữ nguyên.", "A new version of the app is ready. Reload the page to use it; your work is kept.";
        NewScenarioName => "Kịch bản mới", "New scenario";
        RenameScenarioLabel => "Tên mới của kịch bản", "New name of the scenario";
        CopyName => "{0} (bản sao)", "{0} (copy)";
        WhatIfName => "{0} (thử)", "{0} (what if)";

        // ---- Compare screen, workshop mode, the app shell ----
        CmpSameAsA => "= như A", "= same as A";
        CmpPick => "Chọn 2–4 kịch bản để so sánh (kịch bản đầu tiên là mốc A)", "Pick 2–4 scenarios to compare (the first is the reference A)";
        CmpNeedTwo => "Cần ít nhất 2 kịch bản để so sánh.", "Comparing needs at least 2 scenarios.";
        CmpDuplicateOpen => "Nhân bản kịch bản đang mở để so sánh", "Duplicate the open scenario to compare";
        CmpTitle => "So sánh kịch bản", "Compare scenarios";
        CmpBack => "← Quay lại lập kế hoạch", "← Back to planning";
        CmpFigure => "Chỉ số", "Figure";
        CmpBest => "tốt nhất", "best";
        CmpBestSr => " (tốt nhất)", " (best)";
        TargetMet => "Đạt", "Met";
        TargetMissed => "Chưa đạt", "Missed";
        TargetOutsidePlan => "ngoài kỳ", "outside plan";
        CmpDiffersFromA => "≠ A", "≠ A";
        CmpWithoutPlanA => "Không có kế hoạch (A)", "Without a plan (A)";
        CmpHeadline => "Kết quả chính", "Headline figures";
        CmpHeadlineHelp => "Ô khác với A có viền đậm và ghi mức chênh lệch (▲ tăng, ▼ giảm); ★ là giá trị tốt nhất.", "Cells that differ from A have a bold border and the difference (▲ up, ▼ down); ★ marks the best value.";
        CmpChartHeading => "Trẻ tử vong do đuối nước dự kiến mỗi năm", "Expected child drowning deaths per year";
        CmpChartCaption => "Mỗi kịch bản có kiểu đường và ký hiệu riêng (A ●, B ■, C ▲, D ◆); đường gạch xám: không có kế hoạch.", "Each scenario has its own line style and marker (A ●, B ■, C ▲, D ◆); grey dashes: no plan.";
        CmpSplitHeading => "Chênh lệch do giả định hay do phân bổ?", "Is the difference from assumptions or from allocation?";
        CmpSplitHelp => "Giả định: đơn giá, hiệu quả, độ phủ tối đa, độ bền và số liệu nền đã sửa. Phân bổ: ngân sách theo nguồn và tiền cho từng tuyến. Hai thay đổi tác động lẫn nhau nên kết quả phụ thuộc thứ tự: bảng ghi cả hai thứ tự và cột chính là trung bình của hai thứ tự (luôn cộng lại đúng bằng tổng chênh lệch).", "Assumptions: changed unit costs, effects, coverage caps, durability and baseline figures. Allocation: the budget by source and the money for each line. The two changes interact, so the split depends on the order: the table shows both orders, and the main column is their average (which always adds up to the whole difference).";
        CmpLinesHeading => "Phân bổ hằng năm và kết quả theo tuyến", "Annual allocation and outcome by line";
        CmpOutcomeDeaths => "ca tử vong tránh được", "deaths averted";
        CmpOutcomeSupported => "lượt trẻ được hỗ trợ", "children supported";
        CmpOutcomeReached => "lượt trẻ được tiếp cận", "children reached";
        CmpOutcomeUnits => "đơn vị", "units";
        CmpSplitDifferentSetting => "Hai kịch bản khác địa phương hoặc kỳ kế hoạch nên không tách được phần do giả định và phần do phân bổ.", "The two scenarios differ in region or plan years, so the difference cannot be split into assumptions and allocation.";
        CmpWholeDifference => "Tổng chênh lệch", "Whole difference";
        CmpFromAssumptions => "Do giả định (TB)", "From assumptions (avg)";
        CmpFromAllocation => "Do phân bổ (TB)", "From allocation (avg)";
        CmpAssumptionsFirst => "Đổi giả định trước: giả định / phân bổ", "Assumptions first: assumptions / allocation";
        CmpAllocationFirst => "Đổi phân bổ trước: giả định / phân bổ", "Allocation first: assumptions / allocation";
        CmpTargetsCaption => "Mục tiêu nào đổi và vì sao (ở giá trị trung tâm, chưa tính khả năng đạt)",
            "Which targets change, and why (at central values, before the chance of meeting them)";
        /// A target in the split table reached at central values (not a verdict).
        CmpCentralReaches => "đủ mức", "reaches it";
        /// A target in the split table short at central values (not a verdict).
        CmpCentralShort => "chưa đủ mức", "falls short";
        CmpTarget => "Mục tiêu", "Target";
        CmpOnlyAssumptions => "Chỉ đổi giả định", "Only assumptions changed";
        CmpOnlyAllocation => "Chỉ đổi phân bổ", "Only allocation changed";
        CmpTogglePlanning => "← Lập kế hoạch", "← Planning";
        CmpToggle => "So sánh", "Compare";
        WsNationalTargets => "Mục tiêu quốc gia", "National targets";
        WsPack => "Gói hội thảo", "Workshop pack";
        Close => "Đóng", "Close";
        PackHelp => "Chọn các kịch bản sẽ trình chiếu, theo thứ tự trong danh sách. Gửi liên kết hoặc tệp gói cho máy chiếu: mở ra là vào thẳng chế độ hội thảo.", "Pick the scenarios to present, in list order. Send the link or the pack file to the projector's computer: it opens straight into workshop mode.";
        PackTitle => "Tên buổi hội thảo", "Workshop title";
        PackTitlePlaceholder => "Ví dụ: Hội thảo kế hoạch 2027 — Điện Biên", "e.g. Planning workshop 2027 — Điện Biên";
        PackScenarios => "Kịch bản trong gói", "Scenarios in the pack";
        PackAddLabel => "Thêm kịch bản từ liên kết (dán liên kết #s=… hoặc gói #w=…)", "Add from a link (paste a #s=… or #w=… link)";
        PackAdd => "Thêm", "Add";
        PackCopied => "✓ Đã sao chép", "✓ Copied";
        PackCopy => "Sao chép liên kết", "Copy link";
        PackDownload => "Tải tệp gói (JSON)", "Download pack (JSON)";
        PackOpenFile => "Mở tệp gói…", "Open a pack file…";
        PackOfflineReady => "✓ Máy này đã lưu ứng dụng: buổi hội thảo chạy được cả khi không có mạng.", "✓ This browser has stored the app: the workshop runs without a connection.";
        PackOfflineNow => "✓ Đang không có mạng; ứng dụng vẫn chạy từ bản đã lưu.", "✓ Offline now; the app runs from its stored copy.";
        PackOfflineNotStored => "⚠ Đang không có mạng và ứng dụng chưa được lưu trên máy này.", "⚠ Offline, and the app is not stored in this browser yet.";
        PackStoring => "… Đang lưu ứng dụng để dùng khi không có mạng.", "… Storing the app for use without a connection.";
        WsQrTooLong => "Liên kết quá dài để làm mã QR.", "The link is too long for a QR code.";
        WsQrHelp => "Quét mã bằng điện thoại để mở kịch bản này. Mọi thay đổi trên điện thoại không ảnh hưởng đến bản trình chiếu.", "Scan with a phone to open this scenario. Changes made on a phone do not touch the one on screen.";
        WsQrClose => "Đóng (Esc)", "Close (Esc)";
        WsToggleTitle => "Trình chiếu cho hội thảo (phím Esc để thoát)", "Present to a workshop (Esc leaves)";
        WsLeave => "✕ Thoát trình chiếu", "✕ Leave workshop";
        WsEnter => "▶ Trình chiếu hội thảo", "▶ Workshop mode";
        WsDefaultTitle => "Hội thảo", "Workshop";
        WsRange => "khoảng", "range";
        WsRoleDescription => "trình chiếu", "presentation";
        WsScenarioWord => "Kịch bản ", "Scenario ";
        WsControls => "Điều khiển trình chiếu", "Presentation controls";
        WsPrevTitle => "Kịch bản trước (←, PageUp)", "Previous scenario (←, PageUp)";
        WsPrev => "Trước", "Previous";
        WsNextTitle => "Kịch bản sau (→, PageDown)", "Next scenario (→, PageDown)";
        WsNext => "Sau", "Next";
        WsQrTitle => "Mã QR cho người tham dự (phím Q)", "QR code for the room (key Q)";
        /// The pack panel's button for the side-by-side slide.
        WsSide => "Xem cạnh nhau", "Side by side";
        WsSideTitle => "Hai đến bốn kịch bản của gói trên một trang, cùng một trục (phím S)",
            "Two to four scenarios of the pack on one slide, on one axis (key S)";
        /// The side-by-side slide's label for screen readers and its heading.
        WsSideHeading => "Các kịch bản cạnh nhau", "Scenarios side by side";
        /// On the side-by-side slide: the national targets met ({0} of {1}).
        WsSideTargets => "Mục tiêu quốc gia đạt: {0}/{1}", "National targets met: {0}/{1}";
        /// On the side-by-side slide while the chances are computed.
        WsSideTargetsPending => "Mục tiêu quốc gia: đang tính khả năng đạt…", "National targets: computing the chances…";
        WsQr => "Mã QR", "QR code";
        WsFullscreenTitle => "Toàn màn hình (phím F)", "Full screen (key F)";
        WsFullscreen => "Toàn màn hình", "Full screen";
        LanguageName => "Tiếng Việt", "English";
        /// The language toggle's label: the other language's name, read in the current
        /// language's slot so that the Vietnamese screen never reads an English text (the
        /// English half loads with the idle wasm).
        OtherLanguageName => "English", "Tiếng Việt";
        WsTrying => "✎ Đang thử: chưa lưu", "✎ What if: not saved";
        WsDeathsAverted => "ca tử vong do đuối nước ở trẻ em tránh được", "child drowning deaths averted";
        WsWithoutPlan => "không có kế hoạch:", "without the plan:";
        WsChildrenSupported => "lượt trẻ em được hỗ trợ", "children supported";
        WhatIfHeading => "Nếu như…", "What if…";
        WhatIfAYear => "mỗi năm", "a year";
        WhatIfPerYear => "/năm", "/year";
        WhatIfNeeds => "Cần thêm ", "Needs ";
        WhatIfNeedsMore => "/năm (tính vào vận động)", "/year more (as mobilised funds)";
        WhatIfReset => "↺ Về kịch bản gốc", "↺ Back to the scenario";
        WhatIfKeep => "Lưu thành kịch bản mới", "Keep as a new scenario";
        WhatIfHelp => "Kéo để thử; kịch bản gốc không đổi.", "Drag to try; the scenario stays as it is.";
        Footer => "Số liệu mặc định kèm nguồn (xem “Số liệu nền” và bảng giả định); các số ước tính được ghi rõ. Ứng dụng chạy hoàn toàn trên máy của bạn, không gửi dữ liệu đi đâu.", "Default figures carry their sources (see “Baseline” and the assumptions table); estimates are marked. The app runs entirely on your device and sends no data anywhere.";

        CmpFigDeathsAverted => "Ca tử vong do đuối nước tránh được (cả kỳ)", "Drowning deaths averted (plan)";
        CmpFigDeaths => "Trẻ tử vong do đuối nước dự kiến (cả kỳ)", "Expected drowning deaths (plan)";
        CmpFigRate => "Tỷ suất tử vong /100.000 trẻ, năm cuối", "Deaths per 100,000, last year";
        CmpFigSwim => "Trẻ 6–15 tuổi biết bơi, năm cuối", "Children 6–15 who swim, last year";
        CmpFigSupported => "Lượt trẻ em được hỗ trợ", "Children supported";
        CmpFigReached => "Lượt trẻ em được tiếp cận", "Children reached";
        CmpFigCfc => "Xã, phường phù hợp với trẻ em, năm cuối", "Child-friendly communes, last year";
        CmpFigSpend => "Tổng phân bổ cả kỳ", "Allocated over the plan";
        CmpFigCostPerDeath => "Chi phí phòng đuối nước / ca tử vong tránh được", "Drowning-prevention spend per death averted";

        PackLink => "Liên kết gói ({0} kịch bản)", "Pack link ({0} scenarios)";
        WsQrLabel => "Mã QR mở kịch bản “{0}”", "QR code opening the scenario “{0}”";
        WsRateIn => "tử vong /100.000 trẻ năm {0}", "deaths per 100,000 children in {0}";
        WsSwimIn => "trẻ 6–15 tuổi biết bơi năm {0}", "of children 6–15 swim in {0}";

        // ---- Charts ----
        CompareChartTitle => "Biểu đồ so sánh số trẻ tử vong do đuối nước dự kiến mỗi năm", "Chart comparing expected child drowning deaths per year";
        NoData => "Không có số liệu", "No data";
        DeathsPerYear => "Số ca tử vong / năm", "Deaths per year";
        AppTitle => "Kế hoạch", "Kế hoạch (Plan)";
        Tagline => "Mô phỏng kế hoạch và ngân sách bảo vệ, chăm sóc trẻ em",
            "Planning and budget simulator for child protection";
        /// The language switch's label, in the current language.
        SwitchLanguage => "Chuyển sang tiếng Anh", "Switch to Vietnamese";
        DismissMessage => "Đóng thông báo", "Dismiss the message";

        // Scenario tabs.
        YourScenarios => "Các kịch bản của bạn", "Your scenarios";
        Scenarios => "Kịch bản", "Scenarios";
        NewScenario => "+ Kịch bản mới", "+ New scenario";
        Duplicate => "Nhân bản", "Duplicate";
        Rename => "Đổi tên", "Rename";
        Delete => "Xóa", "Delete";
        SaveName => "Lưu tên", "Save name";
        Cancel => "Hủy", "Cancel";
        DeleteOnlyScenario => "Xóa kịch bản “{0}”? Đây là kịch bản duy nhất: một kịch bản mặc định sẽ thay thế nó.",
            "Delete the scenario “{0}”? It is the only one: a default scenario takes its place.";
        DeleteScenario => "Xóa kịch bản “{0}”? Không thể hoàn tác; hãy xuất JSON trước nếu cần giữ.",
            "Delete the scenario “{0}”? This cannot be undone; export JSON first to keep it.";
        KeepIt => "Giữ lại", "Keep it";
        Untitled => "(chưa đặt tên)", "(untitled)";

        // Plan settings and baseline.
        PlanHeading => "Kế hoạch", "Plan";
        CentrallyRunCities => "Thành phố trực thuộc trung ương", "Centrally-run cities";
        Provinces => "Tỉnh", "Provinces";
        FirstYear => "Năm đầu", "First year";
        LastYear => "Năm cuối", "Last year";
        ScenarioName => "Tên kịch bản", "Scenario name";
        Baseline => "Số liệu nền", "Baseline";
        BaselineSummary => "{0} trẻ em dưới 16 tuổi · ≈ {1} trẻ tử vong do đuối nước/năm",
            "{0} children under 16 · ≈ {1} child drowning deaths a year";
        Figure => "Chỉ số", "Figure";
        ChildrenUnder16 => "Trẻ em dưới 16 tuổi", "Children under 16";
        ShareUnder5 => "Tỷ lệ trẻ 0–4 tuổi", "Share aged 0–4";
        DrowningRate2025 => "Tỷ suất tử vong do đuối nước (/100.000 trẻ, 2025)",
            "Drowning death rate (per 100,000, 2025)";
        TrendWithoutPlan => "Xu hướng mỗi năm nếu không có kế hoạch", "Yearly trend without the plan";
        Rate2020 => "Tỷ suất năm 2020 (mốc so sánh)", "2020 rate (reference)";
        SpecialCircumstances => "Trẻ em có hoàn cảnh đặc biệt", "Children in special circumstances";
        Communes => "Số xã, phường", "Communes";
        HotlineCalls => "Cuộc gọi Tổng đài 111/năm", "Hotline 111 calls a year";
        FormedFrom => "Hình thành từ: {0}", "Formed from: {0}";

        // Budget.
        SourceEveryYear => "{0} (mọi năm)", "{0} (every year)";
        TotalBudgetPerYear => "Tổng ngân sách mỗi năm (đồng)", "Total budget per year (VND)";
        TotalBudgetFirstYear => "Tổng ngân sách năm đầu (các năm khác nhau)",
            "Total budget, first year (years differ)";
        AllocatedAgainstBudget => "Đã phân bổ so với ngân sách", "Allocated against budget";
        AllocatedOfBudget => "Đã phân bổ {0} / năm trên {1}", "Allocated {0} a year of {1}";
        LeftOver => "còn lại {0}", "left: {0}";
        FullyAllocated => "đã phân bổ hết", "fully allocated";
        ByYearAndSource => "Theo năm và nguồn vốn", "By year and funding source";
        EveryYear => "Mọi năm", "Every year";
        BudgetNote => "Phân bổ cho từng tuyến là số tiền mỗi năm, áp dụng cho mọi năm của kỳ kế hoạch; năm có ngân sách thấp nhất quyết định mức tối đa.",
            "Each line's allocation is an amount per year, spent in every plan year; the year with the smallest budget sets the limit.";

        // Programme lines.
        AllocationByLine => "Phân bổ theo tuyến chương trình (mỗi năm)", "Allocation by programme line (per year)";
        AssumptionsChanged => "Giả định đã được sửa", "Assumptions changed";
        Edited => "đã sửa", "edited";
        AllocationField => "{0} — phân bổ mỗi năm (đồng)", "{0} — allocation per year (VND)";
        Lock => "Khóa", "Lock";
        FloorCeiling => "Mức sàn / mức trần", "Floor / ceiling";
        FloorField => "Mức sàn (0 = không)", "Floor (0 = none)";
        CeilingField => "Mức trần (0 = không)", "Ceiling (0 = none)";
        /// A count of units, then the unit.
        UnitsAYear => "{0} {1} mỗi năm", "{0} {1} a year";
        LineDeathsAverted => "{0} ca tử vong tránh được trong kỳ", "{0} deaths averted over the plan";
        ShareOfCap => "đạt {0} mức tối đa", "at {0} of its cap";
        MarginalDeaths => "−{0} ca tử vong trong kỳ", "−{0} deaths over the plan";
        NextSlice => "+100 triệu/năm → {0}", "+100 million a year → {0}";
        NearSaturation => "Gần đạt mức tối đa: thêm tiền mua được ít hơn", "Near saturation: more money buys less";

        // Headline figures.
        WhatThePlanBuys => "Kết quả của kế hoạch", "What the plan buys";
        KpiDeathsAverted => "ca tử vong do đuối nước ở trẻ em tránh được trong cả kỳ",
            "child drowning deaths averted over the plan";
        KpiRange => "khoảng {0}–{1} (p10–p90)", "range {0}–{1} (p10–p90)";
        Updating => "đang cập nhật…", "updating…";
        ComputingRange => "đang tính khoảng bất định…", "computing the uncertainty range…";
        KpiRate => "trẻ tử vong do đuối nước /100.000 trẻ năm {0}", "child drowning deaths per 100,000 in {0}";
        KpiWithoutPlan => "không có kế hoạch: {0}", "without the plan: {0}";
        KpiSwimShare => "trẻ 6–15 tuổi biết bơi an toàn năm {0}", "of children 6–15 swim safely in {0}";
        KpiToday => "hiện nay: {0}", "today: {0}";
        KpiChildrenSupported => "lượt trẻ em được hỗ trợ trong kỳ", "children supported over the plan";
        KpiEach => "{0} mỗi lượt", "{0} each";
        KpiChildrenReached => "lượt trẻ em được tiếp cận trong kỳ", "children reached over the plan";
        KpiCostPerDeath => "chi phí phòng đuối nước cho mỗi ca tử vong tránh được",
            "drowning-prevention spend per death averted";
        SummaryOfResults => "Tóm tắt kết quả", "Summary of results";
        MiniDeathsAverted => "{0} ca tử vong tránh được", "{0} deaths averted";
        MiniChildrenSupported => "{0} lượt trẻ được hỗ trợ", "{0} children supported";
        MiniLeft => "còn {0}", "left {0}";

        // Targets.
        TargetStatus => "{0} so với yêu cầu {1}; không có kế hoạch: {2}",
            "{0} against {1}; without the plan: {2}";
        ChanceMet => "khả năng đạt {0}", "chance met {0}";
        TargetNotAssessed => "Năm {0} nằm ngoài kỳ kế hoạch {1}–{2}: không đánh giá.",
            "{0} lies outside the plan years {1}–{2}: not assessed.";

        // Charts.
        Charts => "Biểu đồ", "Charts";
        DeathsChartTitle => "Trẻ tử vong do đuối nước mỗi năm: không có và có kế hoạch",
            "Child drowning deaths per year: without and with the plan";
        TargetsChartTitle => "Tiến độ mục tiêu quốc gia", "Progress towards the national targets";
        BudgetChartTitle => "Ngân sách theo tuyến và nguồn vốn", "Budget by line and funding source";
        ReachChartTitle => "Trẻ em được tiếp cận và hỗ trợ theo tuyến", "Children reached and supported by line";
        CouldNotDrawChart => "Không vẽ được biểu đồ: {0}", "Could not draw the chart: {0}";
        DataTable => "Bảng số liệu", "Data table";
        DownloadCsv => "Tải CSV", "Download CSV";
        AllocationByLineYear => "Phân bổ mỗi năm theo tuyến", "Annual allocation by line";
        AllocatedToLines => "Đã phân bổ cho các tuyến", "Allocated to lines";
        P10P90Range => "Khoảng p10–p90", "p10–p90 range";
        PlanHasNoYears => "Kế hoạch chưa có năm nào.", "The plan has no years.";
        ReachedOverPlan => "Trẻ em được tiếp cận (cả giai đoạn)", "Children reached (over the plan)";
        SupportedOverPlan => "Trẻ em được hỗ trợ (cả giai đoạn)", "Children supported (over the plan)";
        LineEditedNote => "* Tuyến có giả định đã được chỉnh sửa.", "* Line with edited assumptions.";
        NoLineYet => "Chưa có tuyến nào.", "No line yet.";
        WithPlanMet => "Có kế hoạch: đạt", "With the plan: met";
        WithPlanMissed => "Có kế hoạch: chưa đạt", "With the plan: missed";
        NoTargetInPlan => "Không có mục tiêu quốc gia nào rơi vào các năm của kế hoạch.",
            "No national target falls within the plan years.";

        // Optimiser and goal seek.
        OptimiseAndGoalSeek => "Tối ưu và tìm mức ngân sách", "Optimise and goal seek";
        Maximise => "Mục tiêu tối ưu", "Maximise";
        BestMix => "Tìm phân bổ tốt nhất cho ngân sách này", "Best mix for this budget";
        TargetToMeet => "Mục tiêu cần đạt", "Target to meet";
        LeastBudgetToMeet => "Ngân sách tối thiểu để đạt", "Least budget to meet it";
        NoTargetInTheseYears => "Không có mục tiêu nào trong kỳ kế hoạch này.", "No target falls within these plan years.";
        OptimiseNote => "Các tuyến bị khóa giữ nguyên; mức sàn và trần được tôn trọng. Kết quả là đề xuất: bạn xem và quyết định.",
            "Locked lines stay as they are; floors and ceilings hold. The result is a proposal for you to review.";
        Accept => "Áp dụng đề xuất", "Accept";
        Discard => "Bỏ qua", "Discard";
        ProposedAllocation => "Đề xuất phân bổ", "Proposed allocation";
        AlreadyBest => "(phân bổ hiện tại đã tốt nhất)", "(the current mix is already best)";
        LeftUnallocated => "Chưa phân bổ: {0} (không tuyến nào dùng thêm được)", "Left unallocated: {0} (no line can use more)";
        LeastBudget => "Ngân sách tối thiểu", "Least budget";
        GoalReached => "cần ít nhất {0} mỗi năm, đạt {1} (yêu cầu {2}).", "needs at least {0} a year, reaching {1} (required {2}).";
        Unreachable => "Không thể đạt trong giới hạn hiện có.", "Unreachable within the caps.";
        GoalBest => "tốt nhất đạt {0} với {1} mỗi năm, so với yêu cầu {2}.", "the best is {0} at {1} a year, against {2}.";

        // Assumptions.
        AssumptionsAndSources => "Giả định và nguồn số liệu", "Assumptions and sources";
        SomeEdited => "có giá trị đã sửa", "some edited";
        AssumptionsNote => "Sửa một giá trị để xem kết quả thay đổi; tỷ lệ nhập theo %. “Mặc định” đưa về số liệu có nguồn.",
            "Change a value to see the figures move; shares are in %. “Default” restores the sourced figure.";
        ResetAll => "Đưa tất cả về mặc định", "Reset every assumption";
        Default => "Mặc định", "Default";

        // Share.
        Share => "Chia sẻ", "Share";
        ShareScenario => "Chia sẻ kịch bản", "Share the scenario";
        ShareQrTitle => "Mã QR của liên kết chia sẻ", "QR code of the share link";
        ShareText => "Kịch bản kế hoạch “{0}” trên Kế hoạch", "Plan scenario “{0}” in Kế hoạch";
        ShareExplainer => "Người nhận mở liên kết sẽ thấy đúng kịch bản “{0}” như bạn đang thấy, dưới dạng một bản sao của họ; thay đổi của họ không ảnh hưởng đến bạn. Liên kết chứa toàn bộ kịch bản, không gửi gì lên máy chủ.",
            "Whoever opens the link sees exactly the scenario “{0}” as you see it, as their own copy; their changes never touch yours. The link holds the whole scenario; nothing is sent to a server.";
        Link => "Liên kết", "Link";
        CopyLink => "Sao chép liên kết", "Copy link";
        SendVia => "Gửi qua Zalo, thư…", "Send via Zalo, mail…";
        LinkCopied => "✓ Đã sao chép liên kết.", "✓ Link copied.";
        LinkSelected => "Đã chọn liên kết: nhấn Ctrl+C (hoặc giữ và chọn Sao chép) để sao chép.",
            "The link is selected: press Ctrl+C (or long-press and Copy) to copy it.";
        ShareSheetFailed => "Không mở được bảng chia sẻ: {0}", "Could not open the share sheet: {0}";
        LinkLength => "Độ dài: {0} ký tự", "Length: {0} characters";
        ScanToOpenScenario => "Quét bằng camera điện thoại hoặc Zalo để mở kịch bản.",
            "Scan with a phone camera or Zalo to open the scenario.";
        EnlargeQr => "Phóng to mã QR để trình chiếu", "Enlarge the QR code for the projector";
        LinkTooLongForQr => "Liên kết quá dài để tạo mã QR (ghi chú quá dài?). Vẫn có thể sao chép và gửi liên kết.",
            "The link is too long for a QR code (long notes?). You can still copy and send the link.";

        // Export and import.
        ExportImport => "Xuất / Nhập", "Export / import";
        ExportAndImport => "Xuất và nhập kịch bản", "Export and import";
        ExportScenario => "Xuất kịch bản", "Export the scenario";
        OpenScenario => "Kịch bản đang mở: {0}", "Open scenario: {0}";
        ScenarioFileJson => "Tệp kịch bản (JSON)", "Scenario file (JSON)";
        ProjectionCsv => "Dự báo theo năm (CSV)", "Projection by year (CSV)";
        WorkbookXlsx => "Bảng tính Excel (XLSX)", "Excel workbook (XLSX)";
        ExcelWorkbook => "bảng tính Excel", "Excel workbook";
        ExportNote => "JSON mở lại được trong ứng dụng; CSV mở bằng Excel (dấu “;”, dấu thập phân “,”); XLSX gồm phân bổ, dự báo theo năm và giả định kèm nguồn.",
            "JSON opens again in the app; CSV opens in Excel; XLSX holds the allocation, the projection by year and the assumptions with sources.";
        MakingWorkbook => "Đang tạo bảng tính Excel…", "Making the Excel workbook…";
        /// A file was written: what, then the file name.
        Made => "Đã tạo {0}: {1}", "Made the {0}: {1}";
        ImportHeading => "Nhập kịch bản từ tệp JSON", "Import a scenario from a JSON file";
        ChooseJsonFile => "Chọn tệp .json (kịch bản được thêm thành bản mới, không ghi đè)",
            "Choose a .json file (added as a new scenario, nothing is overwritten)";
        Imported => "Đã nhập tệp {0}.", "Imported {0}.";
        ImportFailed => "Không nhập được tệp {0}: có {1} lỗi, xem bên dưới.", "Could not import {0}: {1} problem(s), see below.";
    }
}
