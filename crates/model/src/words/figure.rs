//! The names of the figures of [`crate::figures`], and the words the advice on a proposal
//! uses.

crate::words! {
    /// Figure names.
    pub enum FigureWords {
        DeathsAverted => "Ca tử vong do đuối nước tránh được", "Child drowning deaths averted";
        DeathsAvertedPlan => "Ca tử vong tránh được trong các năm kế hoạch", "Deaths averted during the plan years";
        DalysAverted => "Số năm sống điều chỉnh theo bệnh tật (DALY) tránh mất", "Disability-adjusted life years (DALYs) averted";
        ExpectedDeaths => "Ca tử vong dự kiến trong các năm kế hoạch (có kế hoạch)", "Expected deaths in the plan years (with the plan)";
        RateFinal => "Tỷ suất tử vong do đuối nước năm cuối (/100.000 trẻ)", "Final-year drowning death rate (per 100,000 children)";
        SwimShare => "Trẻ 6–dưới 16 tuổi biết bơi an toàn (năm cuối)", "Children 6–15 who swim safely (final year)";
        ChildFriendlyShare => "Xã, phường phù hợp với trẻ em (năm cuối)", "Child-friendly communes (final year)";
        ChildrenReached => "Trẻ em được tiếp cận (không tính trùng)", "Children reached (each counted once)";
        ChildrenSupported => "Trẻ em được hỗ trợ (không tính trùng)", "Children supported (each counted once)";
        Contacts => "Lượt tiếp cận trẻ em (mỗi tuyến, mỗi năm)", "Contacts with children (each line, each year)";
        SpendTotal => "Tổng chi cả kỳ kế hoạch", "Spend over the plan";
        CostPerDeathAverted => "Chi phí cho một ca tử vong tránh được", "Cost per death averted";
        CostPerDeathAvertedPlan => "Chi phí cho một ca tử vong tránh được (chỉ các năm kế hoạch)", "Cost per death averted (plan years only)";
        CostPerDaly => "Chi phí cho một DALY tránh được", "Cost per DALY averted";
        CostPerChildSupported => "Chi phí cho một trẻ được hỗ trợ", "Cost per child supported";
    }
}
