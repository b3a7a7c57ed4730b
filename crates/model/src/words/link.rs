//! What the model says about share links, workshop packs, objectives and grades.

crate::words! {
    /// Words of links, packs, objectives, grades and categories.
    pub enum ModelWords {
        LinkEmpty => "Liên kết trống: không có kịch bản nào để mở.", "The link is empty: there is no scenario to open.";
        LinkTooLong => "Liên kết quá dài ({0} byte, tối đa {1}): đây không phải liên kết do ứng dụng tạo ra.", "The link is too long ({0} bytes, at most {1}): this app did not make it.";
        LinkBadCharacter => "Liên kết có ký tự không hợp lệ {0} ở vị trí {1}. Hãy sao chép lại toàn bộ liên kết.", "The link contains an invalid character {0} at position {1}. Copy the whole link again.";
        LinkTruncated => "Liên kết bị cắt ngắn. Hãy sao chép lại toàn bộ liên kết.", "The link is cut off. Copy the whole link again.";
        LinkCorrupt => "Liên kết bị hỏng nên không mở được kịch bản. Hãy xin người gửi liên kết mới.", "The link is damaged and cannot be opened. Ask the sender for a new link.";
        LinkTooLarge => "Liên kết chứa quá nhiều dữ liệu: đây không phải liên kết do ứng dụng tạo ra.", "The link holds too much data: this app did not make it.";
        LinkFuture => "Liên kết được tạo bằng phiên bản mới hơn (định dạng {0}; ứng dụng này đọc đến {1}). Hãy tải lại trang để dùng bản mới nhất.", "The link was made by a newer version (format {0}; this app reads up to {1}). Reload the page to get the newest version.";
        LinkInvalid => "Kịch bản trong liên kết không hợp lệ: {0}", "The scenario in the link is not valid: {0}";
        PackEmpty => "Gói hội thảo không có kịch bản nào.", "The workshop pack holds no scenario.";
        PackTooMany => "Gói hội thảo có {0} kịch bản; tối đa {1}.", "The workshop pack holds {0} scenarios; at most {1}.";
        PackTitleTooLong => "Tên gói hội thảo dài {0} ký tự; tối đa {1}.", "The workshop pack title has {0} characters; at most {1}.";
        PackInvalid => "Kịch bản thứ {0} trong gói không hợp lệ: {1}", "Scenario {0} of the pack is not valid: {1}";
        PackNotAPack => "Tệp này không phải gói hội thảo của Kế hoạch ({0}).", "This file is not a kehoach workshop pack ({0}).";
        ObjectiveDeaths => "Số ca tử vong do đuối nước tránh được", "Drowning deaths averted";
        ObjectiveSupported => "Số trẻ em được hỗ trợ", "Children supported";
        ObjectiveWeighted => "Kết hợp: 1 ca tử vong tránh được = {0} trẻ được hỗ trợ", "Weighted: 1 death averted = {0} children supported";
        GradeOfficial => "chính thức", "official";
        GradeAcademic => "nghiên cứu", "academic";
        GradePress => "báo chí", "press";
        GradeEstimate => "ước tính", "estimate";
        GradeEdited => "đã sửa", "edited";
        CategoryDrowning => "Phòng, chống đuối nước", "Drowning prevention";
        CategoryProtection => "Dịch vụ bảo vệ trẻ em", "Protection services";
        CategoryDirect => "Hỗ trợ trực tiếp", "Direct support";
        CategoryEnabling => "Môi trường, điều kiện", "Enabling environment";
    }
}
