//! What a proposal costs, said before it is accepted: the change in every headline figure
//! and every target's verdict and chance, each moved line's evidence grade and p10–p90
//! result, and why each line that goes to 0 goes there. Used for the optimiser's and goal
//! seek's proposals in the app and the CLI.

use serde::Serialize;

use crate::data::{self, Confidence};
use crate::error::ScenarioError;
use crate::eval::{Horizon, Model};
use crate::figures::Figure;
use crate::mc::{Band3, DEFAULT_DRAWS};
use crate::money::{Money, TRIEU};
use crate::optimize::{Goal, Objective, SEARCH_DRAWS, Search, Setup, effect_grade, well_evidenced};
use crate::scenario::Scenario;

/// The step "why it goes to 0" is told in: 100 triệu đồng a year.
pub const WHY_STEP: Money = Money(100 * TRIEU);

/// A headline figure before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FigureChange {
    /// The figure.
    pub figure: Figure,
    /// With the current plan (`None`: none, e.g. a cost with nothing bought).
    pub before: Option<f64>,
    /// With the proposal.
    pub after: Option<f64>,
    /// The proposal's p10–p90 band, where the figure has one.
    pub band_after: Option<Band3>,
}

/// A target before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TargetChange {
    /// Target id.
    pub id: &'static str,
    /// Whether its year lies within the plan.
    pub assessable: bool,
    /// Met at central values, before and after.
    pub met_before: bool,
    /// Met at central values with the proposal.
    pub met_after: bool,
    /// Chance of meeting it before (the scenario's Monte Carlo).
    pub chance_before: f64,
    /// Chance with the proposal.
    pub chance_after: f64,
    /// Its value (reduction or share) before and after, at central values.
    pub value_before: f64,
    /// With the proposal.
    pub value_after: f64,
}

/// What a line's result is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ResultKind {
    /// Deaths averted (over the advice's horizon).
    DeathsAverted,
    /// Children supported.
    ChildrenSupported,
    /// Units bought (a line with neither).
    Units,
}

/// A line whose allocation the proposal changes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LineMove {
    /// Line id.
    pub id: &'static str,
    /// Annual amount now.
    pub before: Money,
    /// Annual amount proposed.
    pub after: Money,
    /// Grade of the line's effect (academic / official / press / estimate).
    pub effect_grade: Confidence,
    /// Grade of its unit cost.
    pub cost_grade: Confidence,
    /// Whether it counts as well evidenced ([`well_evidenced`]).
    pub well_evidenced: bool,
    /// What its result is counted in.
    pub result_kind: ResultKind,
    /// The line's p10–p90 result with the proposal.
    pub result: Band3,
}

/// Why a line goes to 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Zeroed {
    /// Line id.
    pub id: &'static str,
    /// Its annual amount now.
    pub before: Money,
    /// What [`WHY_STEP`] more a year on it would add to the objective (expected), at the
    /// proposal.
    pub gain: f64,
    /// The line where the same money adds most (among lines that can still take it).
    pub best: &'static str,
    /// What it adds there.
    pub best_gain: f64,
    /// Why, in one word: the line does nothing for the objective, is held back for its
    /// evidence, or does less than the best line.
    pub reason: ZeroReason,
}

/// The reason a line goes to 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ZeroReason {
    /// Money there does nothing for the objective.
    NoEffect,
    /// Only well-evidenced lines were allowed, and this one is not.
    Evidence,
    /// The same money does more elsewhere.
    LessThanBest,
}

/// Everything a proposal changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Advice {
    /// The horizon deaths averted are counted over.
    pub horizon: Horizon,
    /// Every headline figure, before and after.
    pub figures: Vec<FigureChange>,
    /// Every target, before and after.
    pub targets: Vec<TargetChange>,
    /// Every line whose amount changes.
    pub moves: Vec<LineMove>,
    /// Every line that goes from some money to none, and why.
    pub zeroed: Vec<Zeroed>,
}

impl Advice {
    /// The figures whose value changes.
    pub fn changed_figures(&self) -> impl Iterator<Item = &FigureChange> {
        self.figures.iter().filter(|f| match (f.before, f.after) {
            (Some(a), Some(b)) => (a - b).abs() > 1e-9 * a.abs().max(1.0),
            (None, None) => false,
            _ => true,
        })
    }

    /// The targets whose verdict or chance changes.
    pub fn changed_targets(&self) -> impl Iterator<Item = &TargetChange> {
        self.targets.iter().filter(|t| {
            t.met_before != t.met_after || (t.chance_before - t.chance_after).abs() > 1e-12
        })
    }
}

/// What accepting `after` in place of `before` changes, for a proposal made for
/// `objective` with `evidence` over `horizon`.
pub fn advise(
    before: &Scenario,
    after: &Scenario,
    objective: Objective,
    horizon: Horizon,
    strong_only: bool,
) -> Result<Advice, ScenarioError> {
    let mb = Model::new(before)?;
    let ma = Model::new(after)?;
    let (pb, pa) = (mb.evaluate(), ma.evaluate());
    let ub = mb.simulate(before.seed, DEFAULT_DRAWS, false);
    let ua = ma.simulate(after.seed, DEFAULT_DRAWS, true);
    let figures = Figure::ALL
        .iter()
        .map(|f| FigureChange {
            figure: *f,
            before: f.value(&pb),
            after: f.value(&pa),
            band_after: f.band(&ua),
        })
        .collect();
    let targets = pb
        .targets
        .iter()
        .zip(&pa.targets)
        .zip(ub.targets.iter().zip(&ua.targets))
        .map(|((tb, ta), (cb, ca))| TargetChange {
            id: tb.id,
            assessable: tb.assessable,
            met_before: tb.met,
            met_after: ta.met,
            chance_before: cb.probability,
            chance_after: ca.probability,
            value_before: tb.value,
            value_after: ta.value,
        })
        .collect();
    let mut moves = Vec::new();
    for (l, band) in data::lines().iter().zip(&ua.lines) {
        let (b, a) = (before.alloc(l.id), after.alloc(l.id));
        if a == b {
            continue;
        }
        let (result_kind, result) = match (l.drowning.is_some(), band.deaths_averted) {
            (true, Some(d)) => (ResultKind::DeathsAverted, d.get(horizon)),
            _ if l.supported_per_unit > 0.0 => (
                ResultKind::ChildrenSupported,
                Band3 {
                    p10: band.children_supported.p10 as f64,
                    p50: band.children_supported.p50 as f64,
                    p90: band.children_supported.p90 as f64,
                },
            ),
            _ => (
                ResultKind::Units,
                Band3 {
                    p10: band.units.p10 as f64,
                    p50: band.units.p50 as f64,
                    p90: band.units.p90 as f64,
                },
            ),
        };
        moves.push(LineMove {
            id: l.id,
            before: b,
            after: a,
            effect_grade: effect_grade(l),
            cost_grade: l.cost_source.confidence,
            well_evidenced: well_evidenced(l),
            result_kind,
            result,
        });
    }
    let zeroed = why_zero(before, after, objective, horizon, strong_only)?;
    Ok(Advice {
        horizon,
        figures,
        targets,
        moves,
        zeroed,
    })
}

/// For each line that goes from some money to none: what [`WHY_STEP`] more a year would
/// add there and at the best line, expected over the optimiser's draws.
fn why_zero(
    before: &Scenario,
    after: &Scenario,
    objective: Objective,
    horizon: Horizon,
    strong_only: bool,
) -> Result<Vec<Zeroed>, ScenarioError> {
    let lines = data::lines();
    let gone: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| before.alloc(l.id).0 > 0 && after.alloc(l.id).0 == 0)
        .map(|(i, _)| i)
        .collect();
    if gone.is_empty() {
        return Ok(Vec::new());
    }
    let setup = Setup::new(after)?;
    let mut search = Search::new(
        &setup,
        Goal::Objective(objective, horizon),
        after.seed,
        SEARCH_DRAWS,
    );
    let x: Vec<i64> = lines.iter().map(|l| after.alloc(l.id).0).collect();
    let base = search.objective(&x);
    let gains: Vec<f64> = (0..lines.len())
        .map(|i| {
            let mut y = x.clone();
            y[i] = y[i].saturating_add(WHY_STEP.0);
            search.objective(&y) - base
        })
        .collect();
    // The best use of the same money: among lines that can still take it without buying
    // nothing (below their cap and ceiling), and, when asked, well evidenced.
    let allowed = |i: &usize| !strong_only || lines.get(*i).is_some_and(well_evidenced);
    let best = (0..lines.len())
        .filter(|i| allowed(i) && search.room(*i, &x) >= WHY_STEP.0)
        .max_by(|a, b| gains[*a].total_cmp(&gains[*b]))
        .or_else(|| {
            (0..lines.len())
                .filter(allowed)
                .max_by(|a, b| gains[*a].total_cmp(&gains[*b]))
        })
        .unwrap_or(0);
    Ok(gone
        .into_iter()
        .map(|i| {
            let gain = gains[i];
            let l = &lines[i];
            let reason = if strong_only && !well_evidenced(l) {
                ZeroReason::Evidence
            } else if gain <= 1e-12 * base.abs().max(1.0) {
                ZeroReason::NoEffect
            } else {
                ZeroReason::LessThanBest
            };
            Zeroed {
                id: l.id,
                before: before.alloc(l.id),
                gain,
                best: lines[best].id,
                best_gain: gains[best],
                reason,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::{Options, optimize_with};

    #[test]
    fn a_proposal_lists_what_it_changes_and_why_lines_go_to_zero() {
        let s = Scenario::default();
        let p = optimize_with(&s, Objective::DeathsAverted, &Options::default()).expect("ok");
        let a = advise(
            &s,
            &p.scenario,
            Objective::DeathsAverted,
            Horizon::Lifetime,
            false,
        )
        .expect("valid");
        assert_eq!(a.figures.len(), Figure::ALL.len());
        assert_eq!(a.targets.len(), crate::TARGETS.len());
        // Optimising deaths drops the support lines: children supported fall, and it says so.
        let supported = a
            .figures
            .iter()
            .find(|f| f.figure == Figure::ChildrenSupported)
            .expect("listed");
        assert!(supported.after < supported.before, "{supported:?}");
        assert!(
            a.changed_figures()
                .any(|f| f.figure == Figure::ChildrenSupported)
        );
        let gifts = a
            .zeroed
            .iter()
            .find(|z| z.id == "gifts")
            .expect("gifts go to 0");
        assert_eq!(gifts.reason, ZeroReason::NoEffect);
        // Every moved line carries its grades and a p10–p90 result.
        for m in &a.moves {
            assert!(m.result.p10 <= m.result.p90, "{m:?}");
        }
        let swim = a.moves.iter().find(|m| m.id == "swim");
        if let Some(swim) = swim {
            assert_eq!(swim.effect_grade, Confidence::Academic);
            assert_eq!(swim.result_kind, ResultKind::DeathsAverted);
        }
    }
}
