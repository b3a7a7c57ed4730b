//! The `kehoach` command-line tool.

crate::words! {
    /// Words of the command-line tool.
    pub enum Cli {
        /// The whole `kehoach help` text; `{0}` is the list of target ids.
        Help => "\
kehoach — mô phỏng kế hoạch ngân sách bảo vệ trẻ em (bản dòng lệnh)

Cách dùng:
  kehoach run <kịch-bản.json> [--json] [--draws N] [--horizon lifetime|plan]
          [--chance 50|80|95] [--lang vi|en]
      Tính kết quả: số trẻ được tiếp cận, được hỗ trợ (không tính trùng), số lượt,
      số ca tử vong do đuối nước và DALY tránh được (mặc định tính cả các năm sau kế
      hoạch, đến khi tác dụng hết, tối đa 2045), các mục tiêu quốc gia với khả năng
      đạt (“Đạt” khi khả năng đạt ít nhất --chance, mặc định 80 %); khoảng bất định
      p10–p90 từ N lần rút (mặc định 1.000; 0 = bỏ qua).
  kehoach link <kịch-bản.json>
      In đoạn liên kết chia sẻ #s=… của kịch bản.
  kehoach open <liên-kết>
      Đọc liên kết (mã, #s=…, hoặc cả URL) và in kịch bản dạng JSON.
  kehoach optimize <kịch-bản.json> --objective deaths|supported|mixed [--json]
          [--horizon lifetime|plan] [--evidence any|strong] [--keep-targets] [--keep-supported]
          [--chance 50|80|95]
      Đề xuất phân bổ tốt nhất (theo kết quả kỳ vọng qua các lần rút) trong ngân sách,
      giữ các tuyến bị khóa, mức sàn, trần; cho biết đề xuất thay đổi mọi chỉ số, mục
      tiêu, mức độ bằng chứng của từng tuyến và vì sao một tuyến về 0.
  kehoach goal <kịch-bản.json> --target <mã mục tiêu> [--year <năm>] [--chance 50|80|95] [--json]
      Ngân sách nhỏ nhất để đạt một mục tiêu quốc gia vào một năm với khả năng đạt ít
      nhất bằng mức yêu cầu (mặc định 80 %).
  kehoach assumptions <kịch-bản.json> [--json]
      Liệt kê mọi giả định (số liệu địa phương, chi phí, hiệu quả) và nguồn.
  kehoach help

Dùng “-” thay cho tên tệp (hoặc liên kết) để đọc từ đầu vào chuẩn.
Mã thoát: 0 thành công · 1 đầu vào sai · 2 dòng lệnh sai · 3 không có lời giải.
Mã mục tiêu: {0}
", "\
kehoach — child-protection budget planning simulator (command line)

Usage:
  kehoach run <scenario.json> [--json] [--draws N] [--horizon lifetime|plan]
          [--chance 50|80|95] [--lang vi|en]
      Projects the plan: children reached and supported (each counted once), contacts,
      child drowning deaths and DALYs averted (by default including the years after the
      plan until the protection ends, at most 2045), national targets with the chance of
      meeting them (“Met” when the chance is at least --chance, default 80 %); p10–p90
      uncertainty from N draws (default 1,000; 0 = skip).
  kehoach link <scenario.json>
      Prints the scenario's share-link fragment #s=….
  kehoach open <link>
      Reads a link (the code, #s=…, or a whole URL) and prints the scenario JSON.
  kehoach optimize <scenario.json> --objective deaths|supported|mixed [--json]
          [--horizon lifetime|plan] [--evidence any|strong] [--keep-targets] [--keep-supported]
          [--chance 50|80|95]
      Proposes the best allocation (by its expected outcome over the draws) within the
      budget, keeping locks, floors, ceilings; says what it changes in every figure and
      target, each line's evidence grade, and why a line goes to 0.
  kehoach goal <scenario.json> --target <target id> [--year <year>] [--chance 50|80|95] [--json]
      The least budget that meets a national target by a year with at least the asked
      chance (default 80 %).
  kehoach assumptions <scenario.json> [--json]
      Lists every assumption (region figures, costs, effects) with its source.
  kehoach help

Use “-” for the file (or link) to read standard input.
Exit codes: 0 success · 1 bad input · 2 bad command line · 3 no answer.
Target ids: {0}
";
        /// The label before the target ids at the end of [`Cli::Help`] (for wrapping them).
        TargetIdsLabel => "Mã mục tiêu: ", "Target ids: ";
        SeeHelp => "Gõ `kehoach help` để xem cách dùng.", "Run `kehoach help` for usage.";

        // The command line.
        OptionNotHere => "tùy chọn không hợp lệ ở đây: {0}", "option not valid here: {0}";
        JsonTakesNoValue => "--json không nhận giá trị", "--json takes no value";
        FlagTakesNoValue => "{0} không nhận giá trị", "{0} takes no value";
        HorizonValues => "lifetime hoặc plan", "lifetime or plan";
        EvidenceValues => "any hoặc strong", "any or strong";
        ChanceValues => "50, 80 hoặc 95 (phần trăm) hay 0,5–0,99", "50, 80 or 95 (per cent) or 0.5–0.99";

        // What a proposal changes (optimize, goal).
        ExpectedObjective => "Mục tiêu tối ưu, kỳ vọng qua {0} lần rút", "Objective, expected over {0} draws";
        HorizonLifetime => "tính cả các năm sau kế hoạch đến khi hết tác dụng (tối đa 2045)", "including the years after the plan until the protection ends (at most 2045)";
        HorizonPlan => "chỉ trong các năm kế hoạch", "during the plan years only";
        WhatChanges => "Đề xuất thay đổi gì (trước → sau; p10–p90 của đề xuất)", "What the proposal changes (before → after; the proposal's p10–p90)";
        TargetsChange => "Các mục tiêu (kết quả và khả năng đạt, trước → sau)", "Targets (verdict and chance, before → after)";
        MovedLines => "Các tuyến thay đổi: mức độ bằng chứng và kết quả p10–p90", "Lines it moves: evidence grades and p10–p90 result";
        EffectGradeColumn => "Bằng chứng hiệu quả", "Effect evidence";
        CostGradeColumn => "Bằng chứng chi phí", "Cost evidence";
        ResultColumn => "Kết quả p10–p90", "Result p10–p90";
        WellEvidencedMark => "có bằng chứng tốt", "well evidenced";
        ResultDeaths => "{0}–{1} ca tử vong tránh được", "{0}–{1} deaths averted";
        ResultSupported => "{0}–{1} trẻ được hỗ trợ", "{0}–{1} children supported";
        ResultUnits => "{0}–{1} đơn vị", "{0}–{1} units";
        WhyZero => "Vì sao các tuyến về 0", "Why lines go to 0";
        ZeroNoEffect => "{0}: tiền ở tuyến này không đóng góp cho mục tiêu tối ưu.", "{0}: money on this line does nothing for the objective.";
        ZeroEvidence => "{0}: chỉ đề xuất các tuyến có bằng chứng tốt; tuyến này chưa có.", "{0}: only well-evidenced lines were allowed, and this one is not.";
        ZeroLess => "{0}: mỗi {1} mỗi năm ở đây thêm {2}, ít hơn {3} lần so với {4} ({5}).", "{0}: each {1} a year here adds {2}, {3}× less than {4} ({5}).";
        GainDeaths => "{0} ca tử vong tránh được", "{0} deaths averted";
        GainChildren => "{0} trẻ được hỗ trợ", "{0} children supported";
        GainScore => "{0} điểm", "{0} points";
        KeptTarget => "Giữ mục tiêu đã đạt {0}: {1}", "Keep the met target {0}: {1}";
        KeptSupported => "Giữ số trẻ được hỗ trợ ở mức hiện nay: {0}", "Keep children supported at today's level: {0}";
        Kept => "giữ được", "kept";
        NotKept => "không giữ được trong ngân sách này", "not possible within this budget";
        ChanceAsked => "Khả năng đạt yêu cầu", "Chance asked for";
        ChanceNow => "Khả năng đạt với phân bổ hiện nay", "Chance with the current allocation";
        ChanceReached => "Khả năng đạt với đề xuất", "Chance with the proposal";
        CannotReachChance => "Không đạt được khả năng {0} trong giới hạn của các tuyến: tốt nhất {1} với {2} mỗi năm.", "The chance of {0} cannot be reached within the lines' caps: at best {1} with {2} a year.";
        ChanceWithoutPlanColumn => "Khả năng (không có KH)", "Chance (no plan)";
        TrendAssumedNote => "Các kết quả về đuối nước giả định xu hướng khi không có kế hoạch {0}/năm (khoảng {1} đến {2}/năm).", "Drowning verdicts assume a no-plan trend of {0} a year (range {1} to {2} a year).";
        MetWithoutPlanNote => "{0}: đạt cả khi không có kế hoạch (theo xu hướng).", "{0}: met even without the plan (the trend alone).";
        OptionNeedsValue => "{0} cần một giá trị", "{0} needs a value";
        /// An option, its value, what it should be.
        BadValue => "{0}: “{1}” không phải {2}", "{0}: “{1}” is not {2}";
        ViOrEn => "vi hoặc en", "vi or en";
        WholeNumber => "một số nguyên không âm", "a whole number ≥ 0";
        AYear => "một năm", "a year";
        Missing => "thiếu {0}", "missing {0}";
        ScenarioFile => "tệp kịch bản", "a scenario file";
        ALink => "liên kết", "a link";
        UnexpectedArgument => "thừa đối số: {0}", "unexpected argument: {0}";
        NoCommand => "không có lệnh “{0}”", "no command “{0}”";
        MissingObjective => "thiếu --objective deaths|supported|mixed", "missing --objective deaths|supported|mixed";
        BadObjective => "--objective: “{0}” không hợp lệ (deaths, supported, mixed hoặc mixed:N)",
            "--objective: “{0}” is not valid (deaths, supported, mixed or mixed:N)";
        MissingTarget => "thiếu --target (một trong: {0})", "missing --target (one of: {0})";
        /// A message, then the target ids.
        WithIds => "{0} (các mã: {1})", "{0} (ids: {1})";

        // Files.
        StandardInput => "đầu vào chuẩn", "standard input";
        CannotRead => "không đọc được {0}: {1}", "cannot read {0}: {1}";
        NoSuchFile => "không có tệp này", "no such file";
        PermissionDenied => "không có quyền đọc", "permission denied";
        TooLarge => "{0} quá lớn (tối đa 4 MB)", "{0} is too large (at most 4 MB)";
        NotUtf8 => "{0} không phải văn bản UTF-8", "{0} is not UTF-8 text";
        NotScenarioJson => "{0}: không phải tệp kịch bản JSON hợp lệ (dòng {1}, cột {2}): {3}",
            "{0}: not a valid scenario JSON file (line {1}, column {2}): {3}";
        InvalidScenario => "{0}: kịch bản không hợp lệ — {1} [{2}]", "{0}: the scenario is not valid — {1} [{2}]";

        // Column heads of the terminal tables: short forms of the figures' labels
        // (`Common::DeathsWithoutPlan`…), so a table fits a terminal.
        DeathsNoPlanColumn => "Tử vong (không KH)", "Deaths (no plan)";
        DeathsPlanColumn => "Tử vong (có KH)", "Deaths (plan)";
        AvertedColumn => "Tránh được", "Averted";
        RateColumn => "Tỷ suất/100.000", "Rate/100,000";
        SwimColumn => "Trẻ biết bơi", "Can swim";
        ChildFriendlyColumn => "Xã PHTE", "Child-friendly";
        SupportedColumn => "Trẻ được hỗ trợ", "Supported";

        // `run`.
        Reach => "Đạt được", "Reach";
        Saturation => "Bão hòa", "Saturation";
        LinesUnfunded => "({0} tuyến không được phân bổ)", "({0} lines have no allocation)";
        OneLineUnfunded => "(1 tuyến không được phân bổ)", "(1 line has no allocation)";
        ReachNote => "Đạt được: tổng số đơn vị trong cả kỳ kế hoạch.", "Reach: units over the whole plan.";
        SpendOverPlan => "Tổng chi cả kỳ", "Spend over the plan";
        CostPerDeathAverted => "Chi phí / ca tử vong tránh được", "Cost per death averted";
        CostPerChildReached => "Chi phí / trẻ được tiếp cận", "Cost per child reached";
        CostPerChildSupported => "Chi phí / trẻ được hỗ trợ", "Cost per child supported";
        DrawsNote => "p10–p90: {0} lần rút Monte Carlo, hạt giống {1}.", "p10–p90: {0} Monte Carlo draws, seed {1}.";
        Chance => "Xác suất đạt", "Chance";

        // `assumptions`.
        Sources => "Nguồn:", "Sources:";

        // `optimize` and `goal`.
        Objective => "Mục tiêu tối ưu", "Objective";
        Constraint => "Ràng buộc", "Constraint";
        Locked => "khóa", "locked";
        FloorOf => "sàn {0}", "floor {0}";
        CeilingOf => "trần {0}", "ceiling {0}";
        /// Target label, year, threshold.
        GoalTarget => "{0} (năm {1}; ngưỡng: {2})", "{0} (year {1}; threshold: {2})";
        CurrentAchieves => "Phân bổ hiện tại đạt", "The current allocation achieves";
        LeastBudgetAYear => "Ngân sách tối thiểu mỗi năm", "Least budget a year";
        ItAchieves => "Khi đó đạt", "It achieves";
        CannotMeetWithinCaps => "Không thể đạt mục tiêu trong giới hạn của các tuyến: tốt nhất {0} với {1} mỗi năm.",
            "The target cannot be met within the lines' caps: at best {0} with {1} a year.";
        CannotMeetBy => "không thể đạt “{0}” vào năm {1}", "“{0}” cannot be met by {1}";
    }
}
