//! Compare 2–4 scenarios side by side: every headline figure of the catalogue
//! (`model::figures::Figure`, with its p10–p90 band once computed), allocation and outcome
//! by line, targets with their chance, an overlay chart of expected drowning deaths per year (`charts::compare`), and —
//! for each scenario against the first — how much of the difference comes from
//! **assumptions** and how much from **allocation** (`model::compare`: the symmetric average
//! of the two orders of change, with both orders beside it).

use std::rc::Rc;

use model::compare::{SplitError, split};
use model::data::{self, TARGETS};
use model::figures::{Figure, FigureUnit};
use model::words::Ui;
use model::{Lang, Projection, Scenario};
use yew::prelude::*;

use super::kpis::{band_text, data_value};
use super::scenarios::display_name;
use super::targets::{Verdict, target_value};
use super::use_app;
use crate::charts::compare::{CompareChart, MAX_SERIES, Series, compare_svg};
use crate::format;
use crate::hooks::use_compare_bands;
use crate::state::{Action, BookAction, Entry, View};

/// Most scenarios compared at once.
pub const MAX_COMPARED: usize = MAX_SERIES;
/// Column letters.
pub const LETTERS: [&str; MAX_COMPARED] = ["A", "B", "C", "D"];

/// Signed difference as text with an arrow, so it reads without colour.
fn delta_text(d: f64, shown: impl Fn(f64) -> String, lang: Lang) -> String {
    if !d.is_finite() {
        return String::new();
    }
    if d.abs() < 1e-9 {
        return Ui::CmpSameAsA.get(lang).to_string();
    }
    let (arrow, sign) = if d > 0.0 {
        ("▲", "+")
    } else {
        ("▼", "−")
    };
    format!("{arrow} {sign}{}", shown(d.abs()))
}

/// A figure's key as `data-testid`s on this screen write it (`deaths-averted`).
fn dashed(f: Figure) -> String {
    f.key().replace('_', "-")
}

/// The compare screen.
#[component]
pub fn Compare() -> Html {
    let app = use_app();
    let lang = app.lang;
    let current_id = app.entries.get(app.current).map_or(0, |e| e.id);
    let picked = use_state(|| {
        let mut ids = vec![current_id];
        ids.extend(
            app.entries
                .iter()
                .map(|e| e.id)
                .filter(|id| *id != current_id)
                .take(MAX_COMPARED - 1),
        );
        ids
    });
    // Only ids that still exist, in the order picked.
    let chosen: Vec<Entry> = picked
        .iter()
        .filter_map(|id| app.entries.iter().find(|e| e.id == *id).cloned())
        .take(MAX_COMPARED)
        .collect();
    let evaluated = use_memo(chosen.clone(), |chosen| {
        chosen
            .iter()
            .filter_map(|e| {
                model::evaluate(&e.scenario)
                    .ok()
                    .map(|p| (e.clone(), Rc::new(p)))
            })
            .collect::<Vec<_>>()
    });
    let toggle = |id: u32| {
        let picked = picked.clone();
        Callback::from(move |_: Event| {
            let mut v = (*picked).clone();
            if let Some(i) = v.iter().position(|x| *x == id) {
                v.remove(i);
            } else if v.len() < MAX_COMPARED {
                v.push(id);
            }
            picked.set(v);
        })
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetView(View::Planner)))
    };
    let duplicate = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Book(BookAction::Duplicate(current_id)));
        })
    };
    let n_picked = chosen.len();
    let picker = html! {
        <fieldset class="compare-picker" data-testid="compare-picker">
            <legend>{ Ui::CmpPick.get(lang) }</legend>
            { for app.entries.iter().map(|e| {
                let pos = chosen.iter().position(|c| c.id == e.id);
                let checked = pos.is_some();
                let disabled = !checked && n_picked >= MAX_COMPARED;
                html! {
                    <label class={classes!("pick", checked.then_some("on"))}>
                        <input type="checkbox" checked={checked} disabled={disabled}
                            data-testid={format!("compare-pick-{}", e.id)} onchange={toggle(e.id)}/>
                        if let Some(p) = pos { <span class="letter" aria-hidden="true">{ LETTERS[p] }</span> }
                        <span class="scenario-name">{ display_name(&e.scenario.name, lang) }</span>
                    </label>
                }
            }) }
        </fieldset>
    };
    let body = if evaluated.len() < 2 {
        html! {
            <div class="panel" data-testid="compare-need-more">
                <p>{ Ui::CmpNeedTwo.get(lang) }</p>
                if app.entries.len() < 2 {
                    <button type="button" class="btn" onclick={duplicate}>
                        { Ui::CmpDuplicateOpen.get(lang) }
                    </button>
                }
            </div>
        }
    } else {
        html! { <CompareBody items={evaluated.clone()}/> }
    };
    html! {
        <main class="compare" data-testid="compare-view" id="results">
            <div class="compare-head">
                <h2>{ Ui::CmpTitle.get(lang) }</h2>
                <button type="button" class="btn ghost" data-testid="compare-back" onclick={back}>
                    { Ui::CmpBack.get(lang) }
                </button>
            </div>
            { picker }
            { body }
        </main>
    }
}

/// Props of [`CompareBody`].
#[derive(Properties, Clone, Debug)]
pub struct CompareBodyProps {
    /// The compared scenarios with their projections (2–4).
    pub items: Rc<Vec<(Entry, Rc<Projection>)>>,
}

impl PartialEq for CompareBodyProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.items, &other.items)
    }
}

/// The tables, chart and split of the chosen scenarios.
#[component]
pub fn CompareBody(props: &CompareBodyProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let items = &props.items;
    let heads = html! {
        <>
            <th scope="col">{ Ui::CmpFigure.get(lang) }</th>
            { for items.iter().enumerate().map(|(i, (e, _))| html! {
                <th scope="col" data-testid={format!("compare-col-{i}")}>
                    <span class="letter">{ LETTERS[i] }</span>{ " " }
                    <span class="scenario-name">{ display_name(&e.scenario.name, lang) }</span>
                </th>
            }) }
        </>
    };
    let reference = &items[0].1;
    let scenarios: Vec<Scenario> = items.iter().map(|(e, _)| e.scenario.clone()).collect();
    let bands = use_compare_bands(scenarios);
    let band_of = |i: usize, f: Figure| {
        bands
            .as_ref()
            .and_then(|b| b.get(i).and_then(Option::as_ref))
            .and_then(|u| f.band(u))
    };
    let headline = Figure::ALL.iter().map(|&f| {
        let value = |p: &Projection| f.value(p).unwrap_or(f64::NAN);
        let base = value(reference);
        let values: Vec<f64> = items.iter().map(|(_, p)| value(p)).collect();
        let best = f.more_is_better().and_then(|more| {
            let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
            let pick = if more { finite.iter().copied().fold(f64::MIN, f64::max) } else { finite.iter().copied().fold(f64::MAX, f64::min) };
            // A best value only means something when the scenarios differ.
            let differ = finite.iter().any(|v| (v - finite[0]).abs() > 1e-9);
            (differ && !finite.is_empty()).then_some(pick)
        });
        html! {
            <tr>
                <th scope="row">{ f.label(lang) }</th>
                { for values.iter().enumerate().map(|(i, v)| {
                    let d = v - base;
                    let differs = i > 0 && d.is_finite() && d.abs() > 1e-9;
                    let is_best = best.is_some_and(|b| (v - b).abs() < 1e-9);
                    let band = band_of(i, f);
                    html! {
                        <td class={classes!("num", differs.then_some("differs"), is_best.then_some("best"))}
                            data-testid={format!("cmp-{}-{i}", dashed(f))} data-figure={f.key()} data-value={data_value(Some(*v))}
                            data-p10={band.map(|b| b.p10.to_string())} data-p90={band.map(|b| b.p90.to_string())}>
                            <span class="v">{ f.format(Some(*v), lang) }</span>
                            if is_best { <span class="best-mark" title={Ui::CmpBest.get(lang)}>{ " ★" }<span class="sr-only">{ Ui::CmpBestSr.get(lang) }</span></span> }
                            if let Some(b) = band { <span class="delta band">{ band_text(f, &b, lang) }</span> }
                            if i > 0 { <span class="delta">{ delta_text(d, |x| f.format(Some(x), lang), lang) }</span> }
                        </td>
                    }
                }) }
            </tr>
        }
    });
    let targets_row = TARGETS.iter().map(|t| {
        html! {
            <tr>
                <th scope="row">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</th>
                { for items.iter().enumerate().map(|(i, (_, p))| {
                    let o = p.target(t.id);
                    let chance = bands
                        .as_ref()
                        .and_then(|b| b.get(i).and_then(Option::as_ref))
                        .and_then(|u| u.target(t.id))
                        .map(|c| c.probability);
                    let verdict = o.map_or(Verdict::Outside, |o| {
                        Verdict::of(o.assessable, o.met, chance, app.chance)
                    });
                    let met = o.is_some_and(|o| o.assessable && o.met);
                    // A column differs from A when its verdict (the one rule) does; while a
                    // chance is computed, the central values decide.
                    let ref_chance = bands
                        .as_ref()
                        .and_then(|b| b.first().and_then(Option::as_ref))
                        .and_then(|u| u.target(t.id))
                        .map(|c| c.probability);
                    let ref_verdict = reference.target(t.id).map_or(Verdict::Outside, |o| {
                        Verdict::of(o.assessable, o.met, ref_chance, app.chance)
                    });
                    let ref_met = reference.target(t.id).is_some_and(|o| o.assessable && o.met);
                    let differs = i > 0
                        && if verdict == Verdict::Pending || ref_verdict == Verdict::Pending {
                            ref_met != met
                        } else {
                            ref_verdict != verdict
                        };
                    let value = o.filter(|o| o.assessable).map(|o| target_value(t, o.value, lang));
                    html! {
                        <td class={classes!("target-cell", verdict.key(), differs.then_some("differs"))}
                            data-testid={format!("cmp-target-{}-{i}", t.id)} data-met={met.to_string()}
                            data-verdict={verdict.key()} data-chance={chance.filter(|_| verdict != Verdict::Outside).map(|c| c.to_string())}>
                            <span>{ verdict.icon() }{ " " }{ verdict.word(lang) }</span>
                            if let (Some(c), true) = (chance, verdict != Verdict::Outside) { <span class="delta">{ format::pct(c, lang) }</span> }
                            if let Some(v) = value { <span class="delta">{ v }</span> }
                            if differs { <span class="delta">{ Ui::CmpDiffersFromA.get(lang) }</span> }
                        </td>
                    }
                }) }
            </tr>
        }
    });
    let lines_rows = data::lines().iter().map(|l| {
        let base = items[0].0.scenario.alloc(l.id);
        html! {
            <tr>
                <th scope="row">{ l.name(lang) }</th>
                { for items.iter().enumerate().map(|(i, (e, p))| {
                    let a = e.scenario.alloc(l.id);
                    let d = a.0 - base.0;
                    let differs = i > 0 && d != 0;
                    let outcome = p.line(l.id).map(|o| line_outcome(o, lang)).unwrap_or_default();
                    html! {
                        <td class={classes!("num", differs.then_some("differs"))}
                            data-testid={format!("cmp-alloc-{}-{i}", l.id)} data-value={a.0.to_string()}>
                            <span class="v">{ format::money(a, lang) }</span>
                            if differs {
                                <span class="delta">{ delta_text(d as f64, |x| format::money(model::Money(x.round() as i64), lang), lang) }</span>
                            }
                            <span class="outcome">{ outcome }</span>
                        </td>
                    }
                }) }
            </tr>
        }
    });
    let series: Vec<Series> = items
        .iter()
        .enumerate()
        .map(|(i, (e, p))| Series {
            label: format!("{} · {}", LETTERS[i], display_name(&e.scenario.name, lang)),
            points: p.years.iter().map(|y| (y.year, y.deaths)).collect(),
        })
        .collect();
    let baseline = Series {
        label: Ui::CmpWithoutPlanA.get(lang).to_string(),
        points: reference
            .years
            .iter()
            .map(|y| (y.year, y.deaths_baseline))
            .collect(),
    };
    let chart = CompareChart {
        series,
        baseline: Some(baseline),
    };
    let svg = use_memo((chart, lang), |(chart, lang)| {
        compare_svg(chart, *lang, 760, 380).unwrap_or_default()
    });
    let splits = items.iter().enumerate().skip(1).map(|(i, (e, _))| {
        html! { <SplitView a={items[0].0.scenario.clone()} b={e.scenario.clone()} index={i as u32}/> }
    });
    html! {
        <div class="compare-body">
            <section class="panel" aria-labelledby="cmp-headline-h">
                <h3 id="cmp-headline-h">{ Ui::CmpHeadline.get(lang) }</h3>
                <p class="small muted">{ Ui::CmpHeadlineHelp.get(lang) }</p>
                <div class="table-wrap">
                    <table class="compare-table" data-testid="compare-headline">
                        <thead><tr>{ heads.clone() }</tr></thead>
                        <tbody>{ for headline }{ for targets_row }</tbody>
                    </table>
                </div>
            </section>
            <section class="panel" aria-labelledby="cmp-chart-h">
                <h3 id="cmp-chart-h">{ Ui::CmpChartHeading.get(lang) }</h3>
                <figure class="chart-figure" data-testid="compare-chart">
                    { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
                    <figcaption class="small muted">{ Ui::CmpChartCaption.get(lang) }</figcaption>
                </figure>
            </section>
            <section class="panel" aria-labelledby="cmp-split-h">
                <h3 id="cmp-split-h">{ Ui::CmpSplitHeading.get(lang) }</h3>
                <p class="small muted">{ Ui::CmpSplitHelp.get(lang) }</p>
                { for splits }
            </section>
            <section class="panel" aria-labelledby="cmp-lines-h">
                <h3 id="cmp-lines-h">{ Ui::CmpLinesHeading.get(lang) }</h3>
                <div class="table-wrap">
                    <table class="compare-table" data-testid="compare-lines">
                        <thead><tr>{ heads }</tr></thead>
                        <tbody>{ for lines_rows }</tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}

/// A line's main outcome in a few words.
fn line_outcome(o: &model::LineOutcome, lang: Lang) -> String {
    if o.deaths_averted.lifetime > 0.005 {
        format!(
            "{} {}",
            format::deaths(o.deaths_averted.lifetime, lang),
            Ui::CmpOutcomeDeaths.get(lang)
        )
    } else if o.children_supported > 0 {
        format!(
            "{} {}",
            format::count(o.children_supported, lang),
            Ui::CmpOutcomeSupported.get(lang)
        )
    } else if o.children_reached > 0 {
        format!(
            "{} {}",
            format::count(o.children_reached, lang),
            Ui::CmpOutcomeReached.get(lang)
        )
    } else {
        format!(
            "{} {}",
            format::count(o.reach_total, lang),
            Ui::CmpOutcomeUnits.get(lang)
        )
    }
}

/// Props of [`SplitView`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct SplitViewProps {
    /// Reference.
    pub a: Scenario,
    /// The other.
    pub b: Scenario,
    /// B's column (1–3).
    pub index: u32,
}

/// The assumptions-vs-allocation split of B against A.
#[component]
pub fn SplitView(props: &SplitViewProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let result = use_memo((props.a.clone(), props.b.clone()), |(a, b)| split(a, b));
    let letter = LETTERS.get(props.index as usize).copied().unwrap_or("B");
    let title = format!("{letter} − A");
    let sp = match &*result {
        Err(SplitError::DifferentSetting) => {
            return html! {
                <div class="split" data-testid={format!("split-{}", props.index)} data-state="different-setting">
                    <h4>{ title }</h4>
                    <p class="muted">{ Ui::CmpSplitDifferentSetting.get(lang) }</p>
                </div>
            };
        }
        Err(SplitError::Invalid(e)) => {
            return html! {
                <div class="split" data-testid={format!("split-{}", props.index)} data-state="invalid">
                    <h4>{ title }</h4>
                    <p class="field-error">{ e.message(lang) }</p>
                </div>
            };
        }
        Ok(sp) => sp,
    };
    // Money figures are left out: a cost does not split into parts that add up.
    let rows = Figure::ALL
        .iter()
        .filter(|f| f.unit() != FigureUnit::Money)
        .map(|&f| {
            let p = sp.parts(|p| f.value(p).unwrap_or(f64::NAN));
            let signed = |d: f64| {
                if !d.is_finite() {
                    "—".to_string()
                } else if d.abs() < 1e-9 {
                    "0".to_string()
                } else {
                    f.format_change(d, lang)
                }
            };
            html! {
                <tr data-testid={format!("split-{}-{}", props.index, dashed(f))} data-figure={f.key()}
                    data-total={p.total.to_string()} data-assumptions={p.average.0.to_string()} data-allocation={p.average.1.to_string()}>
                    <th scope="row">{ f.label(lang) }</th>
                    <td class="num"><strong>{ signed(p.total) }</strong></td>
                    <td class="num">{ signed(p.average.0) }</td>
                    <td class="num">{ signed(p.average.1) }</td>
                    <td class="num small muted">{ signed(p.assumptions_first.0) }{ " / " }{ signed(p.assumptions_first.1) }</td>
                    <td class="num small muted">{ signed(p.allocation_first.0) }{ " / " }{ signed(p.allocation_first.1) }</td>
                </tr>
            }
        });
    let met = |p: &Projection, id: &str| -> Html {
        match p.target(id) {
            // Central values only (these mixed plans have no chance of their own): not the
            // verdict's words, which need the chance asked for (model::Verdict).
            Some(o) if o.assessable && o.met => {
                html! { <span class="met">{ "≥ " }{ Ui::CmpCentralReaches.get(lang) }</span> }
            }
            Some(o) if o.assessable => {
                html! { <span class="missed">{ "< " }{ Ui::CmpCentralShort.get(lang) }</span> }
            }
            _ => html! { <span class="muted">{ "–" }</span> },
        }
    };
    let target_rows = TARGETS
        .iter()
        .filter(|t| sp.a.target(t.id).is_some_and(|o| o.assessable))
        .map(|t| {
            html! {
                <tr>
                    <th scope="row">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</th>
                    <td>{ met(&sp.a, t.id) }</td>
                    <td>{ met(&sp.b_ass_a_alloc, t.id) }</td>
                    <td>{ met(&sp.a_ass_b_alloc, t.id) }</td>
                    <td>{ met(&sp.b, t.id) }</td>
                </tr>
            }
        });
    html! {
        <div class="split" data-testid={format!("split-{}", props.index)} data-state="ok">
            <h4>{ title }</h4>
            <div class="table-wrap">
                <table class="split-table">
                    <thead><tr>
                        <th scope="col">{ Ui::CmpFigure.get(lang) }</th>
                        <th scope="col">{ Ui::CmpWholeDifference.get(lang) }</th>
                        <th scope="col">{ Ui::CmpFromAssumptions.get(lang) }</th>
                        <th scope="col">{ Ui::CmpFromAllocation.get(lang) }</th>
                        <th scope="col">{ Ui::CmpAssumptionsFirst.get(lang) }</th>
                        <th scope="col">{ Ui::CmpAllocationFirst.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="split-table targets">
                    <caption>{ Ui::CmpTargetsCaption.get(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ Ui::CmpTarget.get(lang) }</th>
                        <th scope="col">{ "A" }</th>
                        <th scope="col">{ Ui::CmpOnlyAssumptions.get(lang) }</th>
                        <th scope="col">{ Ui::CmpOnlyAllocation.get(lang) }</th>
                        <th scope="col">{ letter }</th>
                    </tr></thead>
                    <tbody>{ for target_rows }</tbody>
                </table>
            </div>
        </div>
    }
}

/// The header button that opens the compare screen (and goes back to planning).
#[component]
pub fn CompareToggle() -> Html {
    let app = use_app();
    let lang = app.lang;
    let comparing = app.view == View::Compare;
    let click = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::SetView(if comparing {
                View::Planner
            } else {
                View::Compare
            }));
        })
    };
    html! {
        <button type="button" class="btn ghost" data-testid="compare-toggle" aria-pressed={comparing.to_string()} onclick={click}>
            { if comparing { Ui::CmpTogglePlanning.get(lang) } else { Ui::CmpToggle.get(lang) } }
        </button>
    }
}
