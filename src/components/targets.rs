//! The national targets, met or missed by their year. Colour is never the only signal:
//! each badge says "Đạt"/"Chưa đạt" and carries an icon.

use model::Lang;
use model::data::{TARGETS, TargetKind};
use model::fmt;
use model::words::{Common, Ui};
use yew::prelude::*;

use super::use_app;

/// See the module docs.
#[component]
pub fn Targets() -> Html {
    let app = use_app();
    let lang = app.lang;
    let p = app.projection.clone();
    let s = app.scenario();
    let u = app.fresh_uncertainty();
    html! {
        <section class="panel targets" aria-labelledby="targets-h">
            <h2 id="targets-h">{ Common::NationalTargets.get(lang) }</h2>
            <ul class="target-list">
            { for TARGETS.iter().filter_map(|t| {
                let o = p.target(t.id)?;
                let shown = |v: f64| match t.kind {
                    TargetKind::DrowningReduction => format!("−{}", fmt::pct(v, lang)),
                    _ => fmt::pct(v, lang),
                };
                let probability = u.and_then(|u| u.targets.iter().find(|c| c.id == t.id && c.assessable).map(|c| c.probability));
                Some(if o.assessable {
                    html! {
                        <li class={classes!("target", if o.met { "met" } else { "missed" })}
                            data-testid={format!("target-{}", t.id)} data-met={o.met.to_string()}
                            data-value={o.value.to_string()} data-assessable="true">
                            <span class="badge" aria-hidden="true">{ if o.met { "✓" } else { "✗" } }</span>
                            <div>
                                <p class="target-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</p>
                                <p class="target-status">
                                    <strong>{ if o.met { Common::Met.get(lang) } else { Common::Missed.get(lang) } }</strong>
                                    { ": " }{ Ui::TargetStatus.fill(lang, &[&shown(o.value), &shown(o.threshold), &shown(o.baseline_value)]) }
                                    if let Some(pr) = probability {
                                        { " · " }{ Ui::ChanceMet.fill(lang, &[&fmt::pct(pr, lang)]) }
                                    }
                                </p>
                                <p class="muted small">{ t.source.text }</p>
                            </div>
                        </li>
                    }
                } else {
                    html! {
                        <li class="target outside" data-testid={format!("target-{}", t.id)} data-met="false" data-assessable="false">
                            <span class="badge" aria-hidden="true">{ "–" }</span>
                            <div>
                                <p class="target-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</p>
                                <p class="target-status">{ outside(t.year, s.start_year, s.end_year, lang) }</p>
                            </div>
                        </li>
                    }
                })
            }) }
            </ul>
        </section>
    }
}

fn outside(year: i32, start: i32, end: i32, lang: Lang) -> String {
    Ui::TargetNotAssessed.fill(
        lang,
        &[&year.to_string(), &start.to_string(), &end.to_string()],
    )
}
