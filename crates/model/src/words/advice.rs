//! The app's words for honest figures (issue 11): the horizon of deaths averted, target
//! verdicts with their chance and trend, the optimiser's options and what a proposal
//! changes, and undo/redo.

crate::words! {
    /// Figures, targets, proposals, undo.
    pub enum AdviceWords {
        // The horizon of deaths averted.
        HorizonLabel => "Tính số ca tử vong tránh được", "Count deaths averted";
        HorizonLifetime => "Cả thời gian tác dụng", "Over the lifetime";
        HorizonPlan => "Chỉ trong các năm kế hoạch", "During the plan years only";
        HorizonHelpLifetime => "Tính đến khi tác dụng của những gì kế hoạch mua hết (muộn nhất năm 2045): một trẻ học bơi năm 2030 được tính đến khi em 16 tuổi.",
            "Counted until what the plan buys stops working (2045 at most): a child taught to swim in 2030 counts until she turns 16.";
        HorizonHelpPlan => "Chỉ tính các năm {0}–{1}; tác dụng kéo dài sau kỳ kế hoạch không được tính.",
            "Only {0}–{1} are counted; protection that lasts beyond the plan is left out.";
        OtherFigures => "Các số liệu khác", "Other figures";
        InYear => "năm {0}", "in {0}";
        Changed => "đã thay đổi", "changed";

        // Target cards.
        ChanceSetting => "Coi là đạt khi khả năng đạt ít nhất", "Count as met when the chance is at least";
        ChanceSettingHelp => "Khả năng đạt là tỷ lệ các lần rút ngẫu nhiên (chi phí, hiệu quả, tỷ suất nền, xu hướng) mà mục tiêu đạt được.",
            "The chance is the share of random draws (costs, effects, base rate, trend) in which the target is met.";
        BadgeUncertain => "Chưa chắc", "Not sure";
        BadgePending => "Đang tính", "Computing";
        VerdictMet => "khả năng đạt {0}, không dưới mức {1} bạn yêu cầu.", "a {0} chance, at least the {1} you asked for.";
        VerdictUncertain => "đạt ở giá trị trung tâm, nhưng khả năng đạt chỉ {0}, dưới mức {1} bạn yêu cầu.",
            "met at central values, but the chance is only {0}, below the {1} you asked for.";
        VerdictMissed => "khả năng đạt {0}.", "a {0} chance of meeting it.";
        VerdictPending => "đang tính khả năng đạt…", "computing the chance of meeting it…";
        ChanceLine => "Khả năng đạt: {0} · không có kế hoạch: {1}", "Chance of meeting it: {0} · without the plan: {1}";
        MetWithoutPlan => "Mục tiêu này đạt được cả khi không có kế hoạch (theo xu hướng giả định).",
            "This target is met even without the plan (on the assumed trend).";
        TrendAssumed => "Xu hướng giả định khi không có kế hoạch: {0} mỗi năm (khoảng {1} đến {2}).",
            "Assumed trend without the plan: {0} a year (range {1} to {2}).";

        // The optimiser and goal seek.
        OptStrong => "Chỉ các tuyến có bằng chứng tốt", "Well-evidenced lines only";
        OptStrongHelp => "hiệu quả từ nghiên cứu hoặc số liệu chính thức, chi phí ít nhất có trên báo chí",
            "effect from studies or official figures, cost at least reported in the press";
        OptKeepTargets => "Giữ các mục tiêu đang đạt", "Keep the targets met now";
        OptKeepSupported => "Giữ số trẻ được hỗ trợ như hiện nay", "Keep children supported at today's level";
        GoalYear => "Đạt vào năm", "Met by";
        GoalYearOwn => "{0} (năm của mục tiêu)", "{0} (the target's year)";
        GoalChance => "Với khả năng ít nhất", "With a chance of at least";
        Computing => "Đang tính đề xuất…", "Computing the proposal…";
        Expected => "kỳ vọng trên các lần rút ngẫu nhiên", "expected over random draws";
        GoalReached => "cần ít nhất {0} mỗi năm: đạt {1} (yêu cầu {2}) với khả năng {3} (bạn yêu cầu ít nhất {4}).",
            "needs at least {0} a year: reaching {1} (required {2}) with a {3} chance (you asked for at least {4}).";
        GoalBestChance => "Khả năng cao nhất có thể: {0}, dưới mức {1} bạn yêu cầu.", "The best chance possible: {0}, below the {1} you asked for.";
        GoalNow => "Hiện nay: {0}, khả năng đạt {1}.", "Now: {0}, a {1} chance.";
        WhatChanges => "Đề xuất này thay đổi gì (trước khi chấp nhận)", "What this proposal changes (before you accept it)";
        FiguresHeading => "Các số liệu", "Figures";
        ColBandAfter => "p10–p90 (đề xuất)", "p10–p90 (proposed)";
        Unchanged => "không đổi", "unchanged";
        TargetsHeading => "Các mục tiêu: kết luận và khả năng đạt", "Targets: verdict and chance";
        LinesHeading => "Các tuyến thay đổi", "Lines that change";
        ColEvidence => "Bằng chứng", "Evidence";
        ColResult => "Kết quả dự kiến (p10–p90)", "Expected result (p10–p90)";
        EffectGrade => "hiệu quả: {0}", "effect: {0}";
        CostGrade => "chi phí: {0}", "cost: {0}";
        ResultDeaths => "{0} ca tử vong tránh được ({1}–{2})", "{0} deaths averted ({1}–{2})";
        ResultSupported => "{0} trẻ được hỗ trợ ({1}–{2})", "{0} children supported ({1}–{2})";
        ResultUnits => "{0} {3} ({1}–{2})", "{0} {3} ({1}–{2})";
        WhyZeroHeading => "Vì sao các tuyến này về 0", "Why these lines go to 0";
        WhyNoEffect => "{0}: thêm tiền ở tuyến này không làm tăng điều đang tối ưu.", "{0}: more money here adds nothing to what is optimised.";
        WhyEvidence => "{0}: chưa đủ bằng chứng, mà bạn chỉ chọn các tuyến có bằng chứng tốt.", "{0}: not well evidenced, and you asked for well-evidenced lines only.";
        WhyLessDeaths => "{0}: mỗi 100 triệu đồng một năm ở đây tránh được {1} ca tử vong, ít hơn {2} lần so với {3}.",
            "{0}: each 100 million VND a year here averts {1} deaths, {2}× less than {3}.";
        WhyLessSupported => "{0}: mỗi 100 triệu đồng một năm ở đây hỗ trợ thêm {1} trẻ, ít hơn {2} lần so với {3}.",
            "{0}: each 100 million VND a year here supports {1} more children, {2}× less than {3}.";
        WhyLessWeighted => "{0}: mỗi 100 triệu đồng một năm ở đây thêm {1} điểm (kết hợp), ít hơn {2} lần so với {3}.",
            "{0}: each 100 million VND a year here adds {1} points (weighted), {2}× less than {3}.";
        WhyNotForTarget => "{0}: không góp phần vào mục tiêu này.", "{0}: does not serve this target.";
        KeptTargetLost => "Không giữ được mục tiêu: {0}.", "Could not keep the target: {0}.";
        KeptSupportedLost => "Không giữ được số trẻ được hỗ trợ như hiện nay.", "Could not keep children supported at today's level.";

        // Undo and redo.
        Undo => "Hoàn tác", "Undo";
        Redo => "Làm lại", "Redo";
        UndoTitle => "Hoàn tác: {0} (Ctrl+Z)", "Undo: {0} (Ctrl+Z)";
        RedoTitle => "Làm lại: {0} (Ctrl+Shift+Z)", "Redo: {0} (Ctrl+Shift+Z)";
        NothingToUndoTitle => "Chưa có gì để hoàn tác", "Nothing to undo";
        NothingToRedoTitle => "Chưa có gì để làm lại", "Nothing to redo";
        StepEdit => "thay đổi", "the change";
        StepSlide => "kéo thanh {0}", "moving {0}";
        StepRegion => "đổi tỉnh, thành phố", "switching region";
        StepAccept => "chấp nhận đề xuất", "accepting the proposal";
        StepRename => "đổi tên", "renaming";
        StepAdd => "thêm kịch bản", "adding a scenario";
        StepDelete => "xóa kịch bản", "deleting a scenario";
        NoticeAccepted => "Đã áp dụng đề xuất. Các số liệu thay đổi được đánh dấu.", "Proposal accepted. The figures it changed are marked.";
        NoticeDeleted => "Đã xóa kịch bản “{0}”.", "Deleted “{0}”.";
        NoticeUndone => "Đã hoàn tác: {0}.", "Undone: {0}.";
        NoticeRedone => "Đã làm lại: {0}.", "Redone: {0}.";
        NothingToUndo => "Không có gì để hoàn tác hoặc làm lại.", "Nothing to undo or redo.";
        CannotRestore => "Không khôi phục được: đã có đủ {0} kịch bản. Hãy xóa bớt một kịch bản rồi thử lại.",
            "Cannot bring it back: there are already {0} scenarios. Delete one and try again.";
        RescaledBudgetDown => "Đã điều chỉnh ngân sách từ {0} xuống {1} theo số trẻ em của {2}.",
            "The budget was rescaled from {0} down to {1} by the number of children in {2}.";
        RescaledBudgetUp => "Đã điều chỉnh ngân sách từ {0} lên {1} theo số trẻ em của {2}.",
            "The budget was rescaled from {0} up to {1} by the number of children in {2}.";
        RescaledAllocation => "Số đã phân bổ: {0} thành {1}.", "Allocated: {0} became {1}.";
        RescaledDroppedOverrides => "Các số liệu địa phương đã sửa cho {0} không còn dùng.", "The local figures edited for {0} no longer apply.";

        // Work saved or shared by an earlier version.
        MeaningChanged => "Lưu ý: số ca tử vong tránh được nay được tính trong suốt thời gian tác dụng của những gì kế hoạch mua (muộn nhất đến 2045), và xu hướng khi không có kế hoạch được tính như một khoảng bất định. Kịch bản lưu hoặc chia sẻ từ phiên bản trước có thể cho số khác trước đây.",
            "Note: deaths averted are now counted over the lifetime of what a plan buys (until 2045 at most), and the trend without the plan is an uncertain range. Scenarios saved or shared with an earlier version may show different figures than before.";
    }
}
