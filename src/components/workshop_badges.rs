//! The national targets of the scenario on the projector, with the verdict the planner's
//! cards give ([`model::Verdict`]): ✓ "Đạt" only when the chance of meeting the target
//! reaches the chance asked for.

use std::rc::Rc;

use model::data::{TARGETS, TargetKind};
use model::words::Ui;
use model::{Lang, Verdict};
use yew::prelude::*;

use crate::format;

/// Props of [`Badges`].
#[derive(Properties, PartialEq, Clone, Debug)]
pub struct BadgesProps {
    /// The projection shown.
    pub projection: Rc<model::Projection>,
    /// The chance of meeting each target of [`TARGETS`] (in its order) for this projection;
    /// `None` while it is computed.
    pub chances: Option<Rc<Vec<Option<f64>>>>,
    /// The chance asked for.
    pub asked: f64,
    /// Language.
    pub lang: Lang,
}

/// The chances of [`TARGETS`] in a Monte Carlo result, in their order.
pub fn chances_of(u: &model::Uncertainty) -> Rc<Vec<Option<f64>>> {
    Rc::new(
        TARGETS
            .iter()
            .map(|t| {
                u.target(t.id)
                    .filter(|c| c.assessable)
                    .map(|c| c.probability)
            })
            .collect(),
    )
}

/// The national targets of the plan years with their verdicts: icon and words, not colour
/// alone.
#[component]
pub fn Badges(props: &BadgesProps) -> Html {
    let lang = props.lang;
    let p = &props.projection;
    html! {
        <ul class="ws-badges" aria-label={Ui::WsNationalTargets.get(lang)}>
        { for TARGETS.iter().enumerate().filter_map(|(i, t)| {
            let o = p.target(t.id)?;
            if !o.assessable {
                return None;
            }
            let chance = props.chances.as_ref().and_then(|c| c.get(i).copied().flatten());
            let verdict = Verdict::of(o.assessable, o.met, chance, props.asked);
            let shown = |v: f64| match t.kind {
                TargetKind::DrowningReduction => format!("−{}", format::pct(v, lang)),
                _ => format::pct(v, lang),
            };
            Some(html! {
                <li class={classes!("ws-badge", verdict.key())}
                    data-testid={format!("ws-target-{}", t.id)} data-met={o.met.to_string()} data-value={o.value.to_string()}
                    data-verdict={verdict.key()} data-chance={chance.map(|c| c.to_string())}>
                    <span class="ws-badge-icon" aria-hidden="true">{ verdict.icon() }</span>
                    <strong>{ verdict.word(lang) }</strong>
                    <span class="ws-badge-label">{ t.label(lang) }{ " (" }{ t.year }{ ")" }</span>
                    <span class="ws-badge-value">{ shown(o.value) }</span>
                    if let Some(c) = chance {
                        <span class="ws-badge-chance">{ Ui::ChanceMet.fill(lang, &[&format::pct(c, lang)]) }</span>
                    }
                </li>
            })
        }) }
        </ul>
    }
}
