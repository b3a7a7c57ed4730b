//! The national targets of the scenario on the projector, met or missed.

use std::rc::Rc;

use model::Lang;
use model::data::{TARGETS, TargetKind};
use model::words::Ui;
use yew::prelude::*;

use crate::format;

/// Props of [`Badges`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct BadgesProps {
    /// The projection shown.
    pub projection: Rc<model::Projection>,
    /// Language.
    pub lang: Lang,
}

/// The national targets of the plan years, met or missed: icon and words, not colour alone.
#[component]
pub fn Badges(props: &BadgesProps) -> Html {
    let lang = props.lang;
    let p = &props.projection;
    html! {
        <ul class="ws-badges" aria-label={Ui::WsNationalTargets.get(lang)}>
        { for TARGETS.iter().filter_map(|t| {
            let o = p.target(t.id)?;
            if !o.assessable {
                return None;
            }
            let shown = |v: f64| match t.kind {
                TargetKind::DrowningReduction => format!("−{}", format::pct(v, lang)),
                _ => format::pct(v, lang),
            };
            Some(html! {
                <li class={classes!("ws-badge", if o.met { "met" } else { "missed" })}
                    data-testid={format!("ws-target-{}", t.id)} data-met={o.met.to_string()} data-value={o.value.to_string()}>
                    <span class="ws-badge-icon" aria-hidden="true">{ if o.met { "✓" } else { "✗" } }</span>
                    <strong>{ if o.met { Ui::TargetMet.get(lang) } else { Ui::TargetMissed.get(lang) } }</strong>
                    <span class="ws-badge-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</span>
                    <span class="ws-badge-value">{ shown(o.value) }</span>
                </li>
            })
        }) }
        </ul>
    }
}
