//! The app's screens.

crate::words! {
    /// Words of the app's screens.
    pub enum Ui {
        SkipToResults => "Chuyển đến kết quả", "Skip to results";

        // ---- Notices and names the app's state gives ----
        NoticeBadLink => "{0} Đang hiển thị kịch bản mặc định; công việc của bạn không bị mất.", "{0} Showing the default scenario; none of your work was lost.";
        NoticeLinkOpened => "Đã mở kịch bản được chia sẻ “{0}” thành một bản sao mới.", "Opened the shared scenario “{0}” as a new copy.";
        NoticeStorageFailed => "Trình duyệt không cho lưu ({0}). Ứng dụng vẫn chạy; hãy xuất JSON để giữ công việc.", "The browser refused to save ({0}). The app keeps working; export JSON to keep your work.";
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
        CmpTargetsCaption => "Mục tiêu nào đổi và vì sao", "Which targets change, and why";
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
        WsQr => "Mã QR", "QR code";
        WsFullscreenTitle => "Toàn màn hình (phím F)", "Full screen (key F)";
        WsFullscreen => "Toàn màn hình", "Full screen";
        LanguageName => "Tiếng Việt", "English";
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
    }
}
