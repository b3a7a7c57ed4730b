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

        // ---- Charts ----
        CompareChartTitle => "Biểu đồ so sánh số trẻ tử vong do đuối nước dự kiến mỗi năm", "Chart comparing expected child drowning deaths per year";
        NoData => "Không có số liệu", "No data";
        DeathsPerYear => "Số ca tử vong / năm", "Deaths per year";
    }
}
