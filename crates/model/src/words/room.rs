//! The room's plans (issue 16): the facilitator's room view, the participant's hand-in,
//! the reasons a handed-in plan is refused, and the room's exports.

crate::words! {
    /// Words of the room and of handing in a plan.
    pub enum RoomWords {
        // ---- Reading links (model::room) ----
        ReasonPack => "đây là liên kết gói hội thảo của người điều phối, không phải kế hoạch của người tham dự.", "this is the facilitator's workshop-pack link, not a participant's plan.";
        ReasonRegion => "kế hoạch cho {0}, còn phòng này bàn kế hoạch cho {1}.", "a plan for {0}, while this room discusses {1}.";
        ReasonYears => "kế hoạch cho các năm {0}, còn phòng này bàn các năm {1}.", "a plan for {0}, while this room discusses {1}.";
        ReasonFull => "phòng đã đủ {0} kế hoạch, là mức tối đa.", "the room already holds {0} plans, the most it keeps.";
        NothingFound => "Không tìm thấy liên kết kế hoạch nào trong đoạn văn bản.", "No plan link was found in the text.";
        ReadSummary => "Đã đọc {0} liên kết: thêm {1}, thay bản cũ {2}, trùng {3}, không nhận {4}.", "Read {0} links: {1} added, {2} replaced an older one, {3} already in, {4} refused.";
        Skipped => "{0} liên kết sau liên kết thứ {1} chưa được đọc: hãy dán riêng phần còn lại.", "{0} links after the first {1} were not read: paste the rest separately.";
        TextCut => "Văn bản dài hơn 1 MB: chỉ phần đầu được đọc.", "The text is longer than 1 MB: only its beginning was read.";
        Agrees => "Cả phòng gần như thống nhất: một nửa số người ở giữa chọn cùng mức cho mọi tuyến.", "The room agrees: the middle half of the plans give every line the same amount.";
        Disputed => "Cả phòng khác nhau nhiều nhất ở: {0}.", "The room disagrees most on: {0}.";
        DisputedItem => "{0} (một nửa số người ở giữa chọn từ {1} đến {2}, chênh {3} ngân sách)", "{0} (the middle half chose {1} to {2}, {3} of the budget apart)";

        // ---- Exports (CSV, XLSX) ----
        ColParticipant => "Người tham dự", "Participant";
        /// Central values only: the room has no Monte Carlo of each plan, so not the
        /// verdict of `model::Verdict` (which needs the chance).
        ColTargetsMet => "Mục tiêu đạt ở giá trị trung tâm", "Targets met at central values";
        ColCode => "Mã kế hoạch", "Plan code";
        RowStart => "Kế hoạch xuất phát", "Starting plan";
        RowMin => "Thấp nhất", "Least";
        RowMedian => "Trung vị", "Median";
        RowMax => "Cao nhất", "Most";
        RowMoved => "Số người đã đổi", "Participants who changed it";
        RowRoom => "Kế hoạch của cả phòng", "The room's plan";
        SheetRoom => "Cả phòng", "Room";
        SheetLines => "Theo tuyến", "By line";

        // ---- The room view ----
        Toggle => "Gom kế hoạch", "Room";
        ToggleTitle => "Thu kế hoạch của người tham dự và xem cả phòng đồng ý, khác nhau ở đâu", "Collect participants' plans and see where the room agrees and differs";
        Back => "← Về lập kế hoạch", "← Back to planning";
        Title => "Kế hoạch của cả phòng", "The room's plans";
        Count => "{0} kế hoạch", "{0} plans";
        StartIs => "Xuất phát từ: {0} · {1} · {2} · ngân sách {3} mỗi năm", "Starting from: {0} · {1} · {2} · budget {3} a year";
        Empty => "Chưa có kế hoạch nào. Quét mã QR của người tham dự, dán các liên kết họ gửi, hoặc nhập tệp.", "No plan yet. Scan participants' QR codes, paste the links they sent, or import a file.";
        PasteLabel => "Dán liên kết (cả đoạn tin nhắn nhóm cũng được)", "Paste links (a whole group chat is fine)";
        Add => "Đọc các liên kết", "Read the links";
        Import => "Nhập tệp…", "Import a file…";
        ExportJson => "Xuất JSON", "Export JSON";
        ExportCsv => "Xuất CSV", "Export CSV";
        ExportXlsx => "Xuất Excel", "Export Excel";
        ExportBusy => "Đang tạo tệp…", "Making the file…";
        ExportDone => "Đã tạo tệp {0}.", "Made the file {0}.";
        ExportFailed => "Không tạo được tệp: {0}", "Could not make the file: {0}";
        ImportFailed => "Không đọc được tệp: {0}", "Could not read the file: {0}";
        Clear => "Xoá cả phòng", "Clear the room";
        Cleared => "Đã xoá {0} kế hoạch khỏi phòng.", "Removed {0} plans from the room.";
        Undo => "Hoàn tác", "Undo";
        Restored => "Đã khôi phục {0} kế hoạch.", "Restored {0} plans.";
        RefusedHeading => "Không nhận ({0})", "Refused ({0})";
        RefusedItem => "Liên kết {0} ({1}): {2}", "Link {0} ({1}): {2}";
        NotesHeading => "Ghi chú", "Notes";
        NoteReplaced => "“{0}” nộp lại: bản mới thay bản cũ.", "“{0}” handed in again: the new plan replaces the older one.";
        NoteSame => "“{0}”: kế hoạch này đã có trong phòng.", "“{0}”: this plan is already in the room.";
        NoteAdded => "Đã nhận kế hoạch “{0}”.", "Received the plan “{0}”.";
        Unnamed => "(không tên)", "(no name)";
        SavedRoomUnreadable => "Không đọc được phòng đã lưu; phòng bắt đầu lại từ đầu và bản cũ được giữ riêng.", "The saved room could not be read; the room starts afresh and the old text is kept aside.";

        // Scanning.
        Scan => "Quét mã QR", "Scan QR codes";
        ScanStop => "Dừng quét", "Stop scanning";
        ScanHelp => "Đưa mã QR của người tham dự vào khung hình. Mỗi mã nhận được sẽ kêu một tiếng.", "Hold a participant's QR code up to the camera. Each code accepted beeps.";
        ScanStarting => "Đang mở camera…", "Opening the camera…";
        ScanAccepted => "Đã nhận {0} mã", "{0} codes accepted";
        CameraDenied => "Trình duyệt không cho dùng camera ({0}). Hãy cho phép camera trong cài đặt của trang, hoặc dán liên kết.", "The browser refused the camera ({0}). Allow the camera in the page's settings, or paste the links.";
        CameraAbsent => "Không tìm thấy camera dùng được ({0}). Hãy dán liên kết thay vì quét.", "No usable camera was found ({0}). Paste the links instead.";
        ScannerFailed => "Bộ đọc mã QR không chạy được ({0}). Hãy dán liên kết thay vì quét.", "The QR reader could not start ({0}). Paste the links instead.";

        // Showing.
        LinesHeading => "Từng tuyến: mỗi chấm là một người", "Each line: one dot per participant";
        Legend => "● người tham dự · ◆ kế hoạch xuất phát · ▮ trung vị", "● participant · ◆ starting plan · ▮ median";
        LineStats => "thấp nhất {0} · trung vị {1} · cao nhất {2}", "least {0} · median {1} · most {2}";
        Moved => "{0}/{1} người đã đổi", "{0} of {1} changed it";
        RankHeading => "Các kế hoạch, xếp theo số ca tử vong tránh được", "The plans, ranked by deaths averted";
        TargetsMet => "{0}/{1} mục tiêu", "{0}/{1} targets";
        TargetsLabel => "Mục tiêu quốc gia đạt ở giá trị trung tâm", "National targets met at central values";
        RankCentral => "Các số của từng kế hoạch là giá trị trung tâm, chưa tính khả năng đạt. Mở một kế hoạch để xem khoảng dao động và khả năng đạt từng mục tiêu.", "Each plan's figures are central values, without the chance of meeting a target. Open a plan to see its range and the chance of meeting each target.";
        OpenPlan => "Mở “{0}” trong trang lập kế hoạch", "Open “{0}” in the planner";
        PlanHeading => "Kế hoạch của cả phòng", "The room's plan";
        PlanHow => "Trung vị của từng tuyến, nhân cùng một tỷ lệ để tổng bằng ngân sách {0} mỗi năm.", "Each line's median, all scaled by one factor to add up to the budget of {0} a year.";
        PlanNone => "Chưa tính được: mọi kế hoạch đều để trống mọi tuyến.", "Not available: every plan leaves every line empty.";
        PlanMake => "Lưu thành kịch bản", "Save as a scenario";
        PlanName => "Kế hoạch của cả phòng ({0} người)", "The room's plan ({0} people)";
        ColRoom => "Cả phòng", "The room";
        ColStart => "Xuất phát", "Starting plan";
        DisagreeHeading => "Khác nhau nhiều nhất", "Where the room differs";

        // ---- The participant's hand-in ----
        HandIn => "Nộp kế hoạch", "Hand in my plan";
        HandInTitle => "Nộp kế hoạch cho người điều phối", "Hand in your plan to the facilitator";
        HandInLabel => "Tên hoặc số bàn của bạn", "Your name or table";
        HandInHelp => "Đưa mã QR này cho người điều phối quét, hoặc gửi liên kết vào nhóm Zalo.", "Show this QR code to the facilitator's camera, or send the link to the group chat.";
        HandInShare => "Gửi liên kết", "Send the link";
        HandInCopy => "Sao chép liên kết", "Copy the link";
        HandInCopied => "Đã sao chép liên kết.", "The link is copied.";
        HandInSelect => "Liên kết đã được chọn: nhấn Ctrl+C hoặc giữ và chọn Sao chép.", "The link is selected: press Ctrl+C or long-press and Copy.";
        HandInClose => "Đóng", "Close";
        HandInTooLong => "Kế hoạch quá dài để vẽ mã QR; hãy gửi liên kết.", "The plan is too long for a QR code; send the link instead.";
        HandInQrLabel => "Mã QR kế hoạch của {0}", "QR code of {0}'s plan";
    }
}

#[cfg(test)]
mod tests {
    use super::RoomWords;

    #[test]
    fn every_entry_has_both_languages_and_the_same_places() {
        for w in RoomWords::ALL {
            let (vi, en) = (w.vi(), w.en());
            assert!(!vi.is_empty() && !en.is_empty(), "{w:?}");
            for d in 0..10 {
                let p = format!("{{{d}}}");
                assert_eq!(vi.contains(&p), en.contains(&p), "{p} in {w:?}");
            }
        }
    }
}
