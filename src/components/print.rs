//! The printable plan sheet: one A4 page for the leadership meeting — name, region and
//! years, the budget by line and by source in triệu đồng, the headline figures with their
//! p10–p90 ranges, the targets met or missed, the deaths chart, the key assumptions with
//! sources, and a QR code that reopens the scenario. The browser's print dialog (or "Save
//! as PDF") produces it.
//!
//! The sheet is rendered (into a `<div id="print-host">` at the end of `<body>`) only while
//! printing: when the "In" button is pressed, or on the browser's `beforeprint` (Ctrl+P).
//! The print CSS hides the app whenever the sheet is there. Keeping it out of the page the
//! rest of the time keeps every edit as fast as before.

use model::data::{LINES, TARGETS, TargetKind};
use model::money::fmt_num;
use model::{Lang, Money, Scenario};
use yew::prelude::*;

use super::scenarios::display_name;
use super::share::{QrSvg, share_link};
use super::use_app;
use crate::charts::{DeathsChart, deaths_svg};
use crate::format;
use crate::platform::print as web;
use crate::state::Source;

/// Money in triệu đồng, no unit: "120.000" / "1.234,5".
pub fn trieu(m: Money, lang: Lang) -> String {
    fmt_num(m.0 as f64 / 1e6, 1, lang)
}

/// The "In" button; renders the sheet while printing.
#[component]
pub fn PrintButton() -> Html {
    let app = use_app();
    let lang = app.lang;
    let active = use_state(|| false);
    let requested = use_state(|| false);
    {
        let active = active.clone();
        use_effect_with((), move |_| {
            let (on, off) = (active.clone(), active);
            let guards = web::on_print(move || on.set(true), move || off.set(false));
            move || drop(guards)
        });
    }
    {
        // The button asked for printing: open the dialog once the sheet is in the page.
        let requested = requested.clone();
        use_effect_with((*active, *requested), move |(active, req)| {
            if *active && *req {
                requested.set(false);
                web::print();
            }
        });
    }
    let click = {
        let active = active.clone();
        let requested = requested.clone();
        Callback::from(move |_: MouseEvent| {
            active.set(true);
            requested.set(true);
        })
    };
    let sheet = if *active {
        match web::print_host() {
            Some(host) => create_portal(html! { <PrintSheet/> }, host),
            None => html! {},
        }
    } else {
        html! {}
    };
    html! {
        <>
            <button type="button" class="btn ghost" data-testid="print-button" onclick={click}
                title={lang.pick("In một trang A4 hoặc lưu thành PDF", "Print one A4 page or save it as PDF")}>
                { lang.pick("In / PDF", "Print / PDF") }
            </button>
            { sheet }
        </>
    }
}

/// The sheet itself.
#[component]
pub fn PrintSheet() -> Html {
    let app = use_app();
    let lang = app.lang;
    let s = app.scenario().clone();
    let p = app.projection.clone();
    let u = app.fresh_uncertainty().cloned();
    let link = use_memo(s.clone(), share_link);
    let code = use_memo(link.clone(), |l| crate::qr::encode(l));
    let region = model::data::region(&s.region)
        .map_or_else(|| s.region.clone(), |r| r.name(lang).to_string());
    let years = s.year_count().max(1) as i64;
    let annual = s.allocated();
    let h = &p.headline;
    let range = |band: Option<(f64, f64)>, f: fn(f64, Lang) -> String| -> String {
        match band {
            Some((a, b)) => format!("{}–{}", f(a, lang), f(b, lang)),
            None => "—".into(),
        }
    };
    let band = |g: fn(&model::Uncertainty) -> model::Band3| {
        u.as_ref().map(|u| {
            let b = g(u);
            (b.p10, b.p90)
        })
    };
    let count_band = |g: fn(&model::Uncertainty) -> model::Band3<u64>| {
        u.as_ref().map(|u| {
            let b = g(u);
            (b.p10 as f64, b.p90 as f64)
        })
    };
    let figures: Vec<(&str, String, String, &str)> = vec![
        (
            lang.pick(
                "Ca tử vong do đuối nước tránh được (cả kỳ)",
                "Drowning deaths averted (plan)",
            ),
            format::deaths(h.deaths_averted, lang),
            range(band(|u| u.deaths_averted), format::deaths),
            "averted",
        ),
        (
            lang.pick(
                "Tỷ suất tử vong /100.000 trẻ năm cuối",
                "Deaths per 100,000 in the last year",
            ),
            format::rate(h.rate_final, lang),
            range(band(|u| u.rate_final), format::rate),
            "rate",
        ),
        (
            lang.pick(
                "Trẻ 6–15 tuổi biết bơi năm cuối",
                "Children 6–15 who swim, last year",
            ),
            format::pct(h.swim_share_final, lang),
            range(band(|u| u.swim_share_final), format::pct),
            "swim",
        ),
        (
            lang.pick("Lượt trẻ em được hỗ trợ", "Children supported"),
            format::count(h.children_supported, lang),
            range(count_band(|u| u.children_supported), format::count_f),
            "supported",
        ),
        (
            lang.pick("Lượt trẻ em được tiếp cận", "Children reached"),
            format::count(h.children_reached, lang),
            range(count_band(|u| u.children_reached), format::count_f),
            "reached",
        ),
    ];
    // Budget by line: only lines with money, in catalogue order.
    let line_rows = LINES.iter().filter(|l| s.alloc(l.id).0 > 0).map(|l| {
        let a = s.alloc(l.id);
        html! {
            <tr>
                <th scope="row">{ l.name(lang) }</th>
                <td class="num">{ trieu(a, lang) }</td>
                <td class="num">{ trieu(Money(a.0.saturating_mul(years)), lang) }</td>
            </tr>
        }
    });
    // One row per run of years with the same budget ("2027–2030" when all are equal).
    let source_cols: Vec<(String, Vec<Money>)> = budget_runs(&s)
        .into_iter()
        .map(|(a, b, yb)| {
            let label = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            (
                label,
                Source::ALL
                    .iter()
                    .map(|src| src.amount(&yb))
                    .chain([yb.total()])
                    .collect(),
            )
        })
        .collect();
    let plan_total: Vec<Money> = (0..4)
        .map(|k| {
            s.budget
                .iter()
                .map(|b| match k {
                    0 => b.central,
                    1 => b.provincial,
                    2 => b.mobilised,
                    _ => b.total(),
                })
                .fold(Money(0), Money::saturating_add)
        })
        .collect();
    let source_names: Vec<String> = [
        lang.pick("Trung ương", "Central"),
        lang.pick("Địa phương", "Provincial"),
        lang.pick("Xã hội hóa", "Mobilised"),
        lang.pick("Tổng", "Total"),
    ]
    .iter()
    .map(|n| (*n).to_string())
    .collect();
    let chart = {
        let band = u.as_ref().map(DeathsChart::band);
        deaths_svg(&DeathsChart::from_projection(&p, band), lang, 480, 250).unwrap_or_default()
    };
    // Keep the page to one sheet when the budget table is long.
    let mut assumptions = key_assumptions(&s);
    assumptions.truncate(if source_cols.len() > 6 { 6 } else { 9 });
    let notes: String = s.notes.chars().take(280).collect();
    html! {
        <article class="print-sheet" data-testid="print-sheet" lang={lang.code()}>
            <header class="ps-head">
                <div class="ps-title">
                    <p class="ps-kicker">{ lang.pick("Kế hoạch thực hiện công tác trẻ em — mô phỏng ngân sách", "Child-work plan — budget simulation") }</p>
                    <h1 data-testid="print-name">{ display_name(&s.name, lang) }</h1>
                    <p class="ps-meta">
                        <strong>{ region }</strong>{ " · " }{ s.start_year }{ "–" }{ s.end_year }
                        { " · " }{ lang.pick("ngân sách ", "budget ") }{ format::money(s.budget.first().map(|b| b.total()).unwrap_or_default(), lang) }{ lang.pick("/năm", "/year") }
                        { " · " }{ lang.pick("phân bổ ", "allocated ") }{ format::money(annual, lang) }{ lang.pick("/năm", "/year") }
                    </p>
                </div>
                if let Some(q) = &*code {
                    <figure class="ps-qr">
                        <QrSvg code={q.clone()} title={lang.pick("Mã QR mở lại kịch bản này", "QR code that reopens this scenario")} testid="print-qr"/>
                        <figcaption>{ lang.pick("Quét để mở kịch bản", "Scan to open") }</figcaption>
                    </figure>
                }
            </header>
            <section class="ps-figures">
                { for figures.iter().map(|(label, v, r, key)| html! {
                    <div class="ps-figure" data-testid={format!("print-fig-{key}")}>
                        <div class="ps-value">{ v.clone() }</div>
                        <div class="ps-label">{ label.to_string() }</div>
                        <div class="ps-range">{ "p10–p90: " }{ r.clone() }</div>
                    </div>
                }) }
            </section>
            <div class="ps-cols">
                <section>
                    <h2>{ lang.pick("Phân bổ theo tuyến (triệu đồng)", "Allocation by line (million VND)") }</h2>
                    <table class="ps-table">
                        <thead><tr>
                            <th scope="col">{ lang.pick("Tuyến chương trình", "Programme line") }</th>
                            <th scope="col" class="num">{ lang.pick("Mỗi năm", "Each year") }</th>
                            <th scope="col" class="num">{ lang.pick("Cả kỳ", "Plan") }</th>
                        </tr></thead>
                        <tbody>{ for line_rows }</tbody>
                        <tfoot><tr>
                            <th scope="row">{ lang.pick("Tổng", "Total") }</th>
                            <td class="num">{ trieu(annual, lang) }</td>
                            <td class="num">{ trieu(Money(annual.0.saturating_mul(years)), lang) }</td>
                        </tr></tfoot>
                    </table>
                </section>
                <section>
                    <h2>{ lang.pick("Ngân sách theo nguồn (triệu đồng)", "Budget by source (million VND)") }</h2>
                    <table class="ps-table">
                        <thead><tr>
                            <th scope="col">{ lang.pick("Năm", "Year") }</th>
                            { for source_names.iter().map(|n| html! { <th scope="col" class="num">{ n.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for source_cols.iter().map(|(y, v)| html! {
                                <tr>
                                    <th scope="row">{ y.clone() }</th>
                                    { for v.iter().map(|m| html! { <td class="num">{ trieu(*m, lang) }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                        <tfoot><tr>
                            <th scope="row">{ lang.pick("Cả kỳ", "Plan") }</th>
                            { for plan_total.iter().map(|m| html! { <td class="num">{ trieu(*m, lang) }</td> }) }
                        </tr></tfoot>
                    </table>
                    <h2>{ lang.pick("Trẻ tử vong do đuối nước mỗi năm", "Child drowning deaths per year") }</h2>
                    <div class="ps-chart">{ Html::from_html_unchecked(AttrValue::from(chart)) }</div>
                </section>
            </div>
            <section class="ps-targets-box">
                <h2>{ lang.pick("Mục tiêu quốc gia", "National targets") }</h2>
                <ul class="ps-targets">
                    { for TARGETS.iter().filter_map(|t| {
                        let o = p.target(t.id)?;
                        let shown = |v: f64| match t.kind {
                            TargetKind::DrowningReduction => format!("−{}", format::pct(v, lang)),
                            _ => format::pct(v, lang),
                        };
                        Some(if o.assessable {
                            html! {
                                <li data-testid={format!("print-target-{}", t.id)} data-met={o.met.to_string()}>
                                    <strong>{ if o.met { lang.pick("✓ Đạt", "✓ Met") } else { lang.pick("✗ Chưa đạt", "✗ Missed") } }</strong>
                                    { " " }{ t.label(lang) }{ " (" }{ t.year }{ "): " }{ shown(o.value) }
                                    { lang.pick(" / yêu cầu ", " / needed ") }{ shown(o.threshold) }
                                </li>
                            }
                        } else {
                            html! {
                                <li data-testid={format!("print-target-{}", t.id)} data-met="false">
                                    { "– " }{ t.label(lang) }{ " (" }{ t.year }{ "): " }{ lang.pick("ngoài kỳ kế hoạch", "outside the plan years") }
                                </li>
                            }
                        })
                    }) }
                </ul>
            </section>
            <section>
                <h2>{ lang.pick("Giả định chính và nguồn", "Key assumptions and sources") }</h2>
                <table class="ps-table ps-assumptions">
                    <tbody>
                        { for assumptions.iter().map(|a| html! {
                            <tr>
                                <th scope="row">{ a.label(lang).to_string() }{ if a.edited { " ✎" } else { "" } }</th>
                                <td class="num">{ a.display(lang) }</td>
                                <td class="src">{ a.source }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
            <footer class="ps-foot">
                if !notes.is_empty() { <p class="ps-notes">{ lang.pick("Ghi chú: ", "Notes: ") }{ notes }{ if s.notes.chars().count() > 280 { "…" } else { "" } }</p> }
                <p>{ lang.pick(
                    "Số liệu là ước tính của mô hình, kèm khoảng p10–p90 từ 1.000 lần mô phỏng; ✎ = giả định đã sửa trong kịch bản. Tạo bằng ứng dụng Kế hoạch (chạy trên máy người dùng).",
                    "Figures are model estimates with p10–p90 ranges from 1,000 simulation runs; ✎ = assumption changed in this scenario. Made with the Kế hoạch app (runs on the user's device).") }</p>
            </footer>
        </article>
    }
}

/// The assumptions worth a line on paper: the region's drowning figures, every changed
/// assumption, and unit cost and effect of the three best-funded drowning lines (at most 9).
pub fn key_assumptions(s: &Scenario) -> Vec<model::Assumption> {
    let all = model::assumptions(s);
    let region_keys = [
        "region.children",
        "region.drowning_rate",
        "region.trend",
        "region.swim_share",
    ];
    let mut out: Vec<model::Assumption> = Vec::new();
    for k in region_keys {
        if let Some(a) = all.iter().find(|a| a.key == k) {
            out.push(a.clone());
        }
    }
    for a in all.iter().filter(|a| a.edited) {
        if !out.iter().any(|o| o.key == a.key) {
            out.push(a.clone());
        }
    }
    let mut funded: Vec<&model::data::LineDef> = LINES
        .iter()
        .filter(|l| l.drowning.is_some() && s.alloc(l.id).0 > 0)
        .collect();
    funded.sort_by_key(|l| std::cmp::Reverse(s.alloc(l.id)));
    for l in funded.into_iter().take(3) {
        for param in ["unit_cost", "rrr"] {
            let key = format!("line.{}.{param}", l.id);
            if let Some(a) = all.iter().find(|a| a.key == key) {
                if !out.iter().any(|o| o.key == a.key) {
                    out.push(a.clone());
                }
            }
        }
    }
    out.truncate(9);
    out
}

/// Runs of consecutive plan years with the same budget: (first year, last year, budget).
pub fn budget_runs(s: &Scenario) -> Vec<(i32, i32, model::YearBudget)> {
    let mut out: Vec<(i32, i32, model::YearBudget)> = Vec::new();
    for (b, y) in s.budget.iter().zip(s.years()) {
        match out.last_mut() {
            Some((_, last, prev)) if prev == b => *last = y,
            _ => out.push((y, y, *b)),
        }
    }
    out
}
