//! The budget: the annual total in đồng, each year by funding source, and a balance bar of
//! what is allocated against what is available.

use model::{FieldPath, Money};
use yew::prelude::*;

use super::money_input::MoneyInput;
use crate::hooks::use_details_open;
use model::fmt;
use model::words::{Common, Office, Ui};

use super::{fill_html, strong, use_app};
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
    // Money above the lines' ceilings buys nothing: the bar splits it from the rest.
    let idle: Money = app
        .projection
        .lines
        .iter()
        .map(super::lines::idle_per_year)
        .sum();
    let idle_share = if available.0 > 0 {
        (idle.0 as f64 / available.0 as f64).min(share)
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
            None => Ui::SourceEveryYear.fill(lang, &[source.name(lang)]),
        };
        html! {
            <MoneyInput value={value} testid={testid} label={label} hide_label=true lang={lang}
                on_change={on_change} error={app.rejection(&field).map(AttrValue::from)} class="compact"/>
        }
    };
    html! {
        <section class="panel budget" aria-labelledby="budget-h">
            <h2 id="budget-h">{ Common::Budget.get(lang) }</h2>
            <MoneyInput
                value={first.total()}
                testid="budget-total"
                label={if same_every_year {
                    Ui::TotalBudgetPerYear.get(lang)
                } else {
                    Ui::TotalBudgetFirstYear.get(lang)
                }}
                lang={lang}
                on_change={on_total}
                error={app.rejection(&FieldPath::BudgetTotal).map(AttrValue::from)}
            />
            <div class="balance" data-testid="balance" data-value={left.0.to_string()} data-idle={idle.0.to_string()}
                role="meter" aria-valuemin="0" aria-valuemax={available.0.to_string()} aria-valuenow={allocated.0.to_string()}
                aria-label={Ui::AllocatedAgainstBudget.get(lang)}>
                <div class="balance-bar">
                    <div class="balance-fill" style={format!("width:{:.1}%", (share - idle_share) * 100.0)}></div>
                    <div class="balance-idle" style={format!("width:{:.1}%", idle_share * 100.0)}></div>
                </div>
                <p>
                    { fill_html(Ui::AllocatedOfBudget.get(lang), vec![strong(fmt::money(allocated, lang)), strong(fmt::money(available, lang))]) }
                    { " · " }
                    if idle.0 > 0 {
                        <span data-testid="balance-split">{ fill_html(Office::BudgetSplit.get(lang), vec![strong(fmt::money(allocated.saturating_sub(idle), lang)), strong(fmt::money(idle, lang))]) }</span>
                        if left.0 > 0 {
                            { " · " }{ fill_html(Ui::LeftOver.get(lang), vec![strong(fmt::money(left, lang))]) }
                        }
                    } else if left.0 > 0 {
                        { fill_html(Ui::LeftOver.get(lang), vec![strong(fmt::money(left, lang))]) }
                    } else {
                        <strong>{ Ui::FullyAllocated.get(lang) }</strong>
                    }
                </p>
            </div>
            if let Some(m) = app.rejection(&FieldPath::Budget) {
                <p class="field-error" role="alert">{ m }</p>
            }
            <details class="by-source" data-testid="budget-by-source" {ontoggle} open={*open}>
                <summary>{ Ui::ByYearAndSource.get(lang) }</summary>
                if *open {
                <div class="table-wrap">
                <table class="budget-table">
                    <thead><tr>
                        <th scope="col">{ Common::Year.get(lang) }</th>
                        { for Source::ALL.iter().map(|src| html! { <th scope="col">{ src.name(lang) }</th> }) }
                        <th scope="col">{ Common::Total.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        <tr class="all-years">
                            <th scope="row">{ Ui::EveryYear.get(lang) }</th>
                            { for Source::ALL.iter().map(|src| html! { <td>{ cell(None, *src, src.amount(&first)) }</td> }) }
                            <td class="num">{ fmt::money(first.total(), lang) }</td>
                        </tr>
                        { for s.budget.iter().enumerate().map(|(i, b)| {
                            let y = s.start_year + i as i32;
                            html! {
                                <tr>
                                    <th scope="row">{ y }</th>
                                    { for Source::ALL.iter().map(|src| html! { <td>{ cell(Some(y), *src, src.amount(b)) }</td> }) }
                                    <td class="num">{ fmt::money(b.total(), lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
                <p class="muted small">{ Ui::BudgetNote.get(lang) }</p>
                }
            </details>
        </section>
    }
}
