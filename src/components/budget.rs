//! The budget: the annual total in đồng, each year by funding source, and a balance bar of
//! what is allocated against what is available.

use model::{FieldPath, Money};
use yew::prelude::*;

use super::money_input::MoneyInput;
use super::use_app;
use crate::format;
use crate::hooks::use_details_open;
use crate::state::{Action, Edit, Source};

/// See the module docs.
#[component]
pub fn BudgetPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    // The year × source table has 18 money fields: build it only while it is open, so a
    // slider drag does not re-render it.
    let (open, ontoggle) = use_details_open();
    let s = app.scenario().clone();
    let first = s.budget.first().copied().unwrap_or_default();
    let same_every_year = s.budget.iter().all(|b| b.total() == first.total());
    let available = s.min_year_budget();
    let allocated = s.allocated();
    let left = available.saturating_sub(allocated);
    let share = if available.0 > 0 {
        (allocated.0 as f64 / available.0 as f64).min(1.0)
    } else {
        0.0
    };
    let on_total = {
        let app = app.clone();
        Callback::from(move |m: Money| app.dispatch(Action::Edit(Edit::BudgetTotal(m))))
    };
    let cell = |year: Option<i32>, source: Source, value: Money| {
        let dispatch = app.dispatcher();
        let testid = match year {
            Some(y) => format!("budget-{y}-{}", source.key()),
            None => format!("budget-all-{}", source.key()),
        };
        let field = FieldPath::BudgetCell { year, source };
        let on_change = Callback::from(move |amount: Money| {
            dispatch.dispatch(Action::Edit(Edit::BudgetCell {
                year,
                source,
                amount,
            }))
        });
        let label = match year {
            Some(y) => format!("{} {y}", source.name(lang)),
            None => format!(
                "{} ({})",
                source.name(lang),
                lang.pick("mọi năm", "every year")
            ),
        };
        html! {
            <MoneyInput value={value} testid={testid} label={label} hide_label=true lang={lang}
                on_change={on_change} error={app.rejection(&field).map(AttrValue::from)} class="compact"/>
        }
    };
    html! {
        <section class="panel budget" aria-labelledby="budget-h">
            <h2 id="budget-h">{ lang.pick("Ngân sách", "Budget") }</h2>
            <MoneyInput
                value={first.total()}
                testid="budget-total"
                label={if same_every_year {
                    lang.pick("Tổng ngân sách mỗi năm (đồng)", "Total budget per year (VND)")
                } else {
                    lang.pick("Tổng ngân sách năm đầu (các năm khác nhau)", "Total budget, first year (years differ)")
                }}
                lang={lang}
                on_change={on_total}
                error={app.rejection(&FieldPath::BudgetTotal).map(AttrValue::from)}
            />
            <div class="balance" data-testid="balance" data-value={left.0.to_string()}
                role="meter" aria-valuemin="0" aria-valuemax={available.0.to_string()} aria-valuenow={allocated.0.to_string()}
                aria-label={lang.pick("Đã phân bổ so với ngân sách", "Allocated against budget")}>
                <div class="balance-bar"><div class="balance-fill" style={format!("width:{:.1}%", share * 100.0)}></div></div>
                <p>
                    { lang.pick("Đã phân bổ ", "Allocated ") }<strong>{ format::money(allocated, lang) }</strong>
                    { lang.pick(" / năm trên ", " a year of ") }<strong>{ format::money(available, lang) }</strong>
                    { " · " }
                    if left.0 > 0 {
                        { lang.pick("còn lại ", "left: ") }<strong>{ format::money(left, lang) }</strong>
                    } else {
                        <strong>{ lang.pick("đã phân bổ hết", "fully allocated") }</strong>
                    }
                </p>
            </div>
            if let Some(m) = app.rejection(&FieldPath::Budget) {
                <p class="field-error" role="alert">{ m }</p>
            }
            <details class="by-source" data-testid="budget-by-source" {ontoggle} open={*open}>
                <summary>{ lang.pick("Theo năm và nguồn vốn", "By year and funding source") }</summary>
                if *open {
                <div class="table-wrap">
                <table class="budget-table">
                    <thead><tr>
                        <th scope="col">{ lang.pick("Năm", "Year") }</th>
                        { for Source::ALL.iter().map(|src| html! { <th scope="col">{ src.name(lang) }</th> }) }
                        <th scope="col">{ lang.pick("Tổng", "Total") }</th>
                    </tr></thead>
                    <tbody>
                        <tr class="all-years">
                            <th scope="row">{ lang.pick("Mọi năm", "Every year") }</th>
                            { for Source::ALL.iter().map(|src| html! { <td>{ cell(None, *src, src.amount(&first)) }</td> }) }
                            <td class="num">{ format::money(first.total(), lang) }</td>
                        </tr>
                        { for s.budget.iter().enumerate().map(|(i, b)| {
                            let y = s.start_year + i as i32;
                            html! {
                                <tr>
                                    <th scope="row">{ y }</th>
                                    { for Source::ALL.iter().map(|src| html! { <td>{ cell(Some(y), *src, src.amount(b)) }</td> }) }
                                    <td class="num">{ format::money(b.total(), lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
                <p class="muted small">{ lang.pick(
                    "Phân bổ cho từng tuyến là số tiền mỗi năm, áp dụng cho mọi năm của kỳ kế hoạch; năm có ngân sách thấp nhất quyết định mức tối đa.",
                    "Each line's allocation is an amount per year, spent in every plan year; the year with the smallest budget sets the limit.") }</p>
                }
            </details>
        </section>
    }
}
