//! What the engine says when it refuses an input, in Vietnamese and English side by side
//! (the model's `words!` catalogue macro; the model's own messages — an invalid scenario,
//! a broken link — come from the model).

model::words! {
    /// Words of the JavaScript engine.
    pub enum Engine {
        ArgScenario => "Kịch bản", "The scenario";
        ArgObjective => "Mục tiêu tối ưu", "The objective";
        ArgOptions => "Tùy chọn", "The options";
        ArgLink => "Liên kết", "The link";
        ArgRegion => "Mã địa phương", "The region id";
        ArgTarget => "Mã mục tiêu", "The target id";
        ArgDraws => "Số lần rút", "The number of draws";
        ArgAmount => "Số tiền", "The amount";
        /// {0} = one of the Arg… words.
        Missing => "{0}: thiếu, cần truyền vào.", "{0} is missing.";
        /// {0} = one of the Arg… words.
        NotText => "{0} phải là một chuỗi văn bản.", "{0} must be a string.";
        /// {0} = argument, {1} = what it is instead (a JavaScript type: number, array…).
        NotObject => "{0} phải là một đối tượng {…}, không phải {1}.", "{0} must be an object {…}, not {1}.";
        /// {0} = argument, {1} = the JavaScript engine's reason.
        NotJson => "{0} không chuyển được thành JSON ({1}).", "{0} cannot be turned into JSON ({1}).";
        /// {0} = argument, {1} = size, {2} = limit, in bytes.
        TooLarge => "{0} quá lớn ({1} byte, tối đa {2}).", "{0} is too large ({1} bytes, at most {2}).";
        /// {0} = argument, {1} = line, {2} = column, {3} = the parser's reason (English).
        JsonSyntax => "{0} không phải JSON hợp lệ (dòng {1}, cột {2}): {3}.", "{0} is not valid JSON (line {1}, column {2}): {3}.";
        /// {0} = field name.
        MissingField => "Thiếu trường “{0}”.", "The field “{0}” is missing.";
        /// {0} = field name, {1} = the fields allowed.
        UnknownField => "Không có trường “{0}” ở đây (các trường hợp lệ: {1}).", "There is no field “{0}” here (expected one of: {1}).";
        /// {0} = field name.
        DuplicateField => "Trường “{0}” xuất hiện hai lần.", "The field “{0}” appears twice.";
        /// {0} = value, {1} = the values allowed.
        UnknownVariant => "“{0}” không phải giá trị hợp lệ (cần một trong: {1}).", "“{0}” is not a valid value (expected one of: {1}).";
        /// {0} = what was found, {1} = what is expected (serde's words).
        InvalidType => "Sai kiểu dữ liệu: có {0}, cần {1}.", "Wrong type: found {0}, expected {1}.";
        /// {0} = what was found, {1} = what is expected (serde's words).
        InvalidValue => "Giá trị không hợp lệ: có {0}, cần {1}.", "Invalid value: found {0}, expected {1}.";
        /// {0} = count found, {1} = what is expected.
        InvalidLength => "Sai số phần tử: có {0}, cần {1}.", "Wrong number of items: found {0}, expected {1}.";
        NoVariantMatched => "Giá trị không đúng dạng: cần một số, hoặc {low, mode, high}.", "The value has the wrong shape: expected a number, or {low, mode, high}.";
        TooDeep => "Dữ liệu lồng nhau quá sâu.", "The data is nested too deeply.";
        /// {0} = serde's reason (English).
        Unreadable => "Không đọc được dữ liệu: {0}.", "The data cannot be read: {0}.";
        /// {0} = largest, {1} = what was given.
        BadDraws => "Số lần rút phải là số nguyên từ 0 đến {0}, không phải {1}.", "The number of draws must be a whole number from 0 to {0}, not {1}.";
        /// {0} = what was given.
        BadObjective => "Mục tiêu tối ưu “{0}” không hợp lệ: dùng deaths, supported, mixed hoặc mixed:N (N trẻ được hỗ trợ = 1 ca tử vong tránh được).", "The objective “{0}” is not valid: use deaths, supported, mixed or mixed:N (N children supported = 1 death averted).";
        /// {0} = what was given.
        BadAmount => "Số tiền phải là một số đồng, tối đa 1.000.000 tỷ đồng, không phải {0}.", "The amount must be a number of đồng, at most 1,000,000 billion, not {0}.";
        /// {0} = what was given.
        BadYear => "Năm phải là một số nguyên, không phải {0}.", "The year must be a whole number, not {0}.";
        /// {0} = detail.
        Internal => "Lỗi nội bộ của bộ máy tính toán: {0}. Xin báo lỗi này.", "Internal engine error: {0}. Please report it.";
    }
}
