//! The optimiser's and goal seek's proposals: what is asked ([`Request`]), the one function
//! that answers it ([`work`]: the optimiser or goal seek, then `model::advice::advise` on
//! the result), and the answer ([`Proposal`]). The reducer stores a request as pending; the
//! hook `use_proposal_work` runs [`work`] off the click and hands the answer back, so the
//! page can say "computing" meanwhile and the work can later move to a web worker.

use std::rc::Rc;

use model::advice::{Advice, advise};
use model::data::{self, TargetKind};
use model::eval::Horizon;
use model::goal::{GoalOptions, GoalOutcome, GoalSeek, goal_seek_with};
use model::optimize::{Evidence, Objective, Options, optimize_with};
use model::{Scenario, ScenarioError};

/// What the planner asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// The best mix of the current budget for an objective.
    Optimise {
        /// What to maximise.
        objective: Objective,
        /// Horizon, evidence, what to keep.
        options: Options,
    },
    /// The least budget that meets a target with a chance.
    Goal {
        /// Target id.
        target: String,
        /// Year and chance.
        options: GoalOptions,
        /// The horizon the advice counts deaths averted over.
        horizon: Horizon,
    },
}

/// A proposed change, shown for the planner to accept or discard; never applied silently.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposal {
    /// Asked, being computed.
    Pending(Request),
    /// The optimiser's best mix for this budget, with what it changes.
    Optimised(Rc<model::optimize::Proposal>, Rc<Advice>),
    /// Goal seek's least budget for a target, with what it changes (`None` when the target
    /// cannot be reached: nothing to accept).
    Goal(Rc<GoalSeek>, Option<Rc<Advice>>),
    /// The optimiser or goal seek refused (floors above the budget…).
    Failed(ScenarioError),
}

impl Proposal {
    /// The scenario that accepting would install, if any.
    pub fn scenario(&self) -> Option<&Scenario> {
        match self {
            Proposal::Optimised(p, _) => Some(&p.scenario),
            Proposal::Goal(g, _) => match &g.outcome {
                GoalOutcome::Reached { scenario, .. } => Some(scenario),
                GoalOutcome::Unreachable { .. } => None,
            },
            Proposal::Pending(_) | Proposal::Failed(_) => None,
        }
    }

    /// What accepting it changes, if known.
    pub fn advice(&self) -> Option<&Advice> {
        match self {
            Proposal::Optimised(_, a) => Some(a),
            Proposal::Goal(_, a) => a.as_deref(),
            Proposal::Pending(_) | Proposal::Failed(_) => None,
        }
    }
}

/// The objective a goal's advice explains zeroed lines by: deaths averted for a drowning
/// target; for the other targets (`None`) a line not serving them is simply not needed.
pub fn goal_objective(target: &str) -> Option<Objective> {
    match data::target(target)?.kind {
        TargetKind::DrowningReduction => Some(Objective::DeathsAverted),
        _ => None,
    }
}

/// Answers a request for `s`: the proposal and what it changes. Pure and deterministic.
pub fn work(s: &Scenario, request: &Request) -> Proposal {
    match request {
        Request::Optimise { objective, options } => {
            let p = match optimize_with(s, *objective, options) {
                Ok(p) => p,
                Err(e) => return Proposal::Failed(e),
            };
            let strong = options.evidence == Evidence::Strong;
            match advise(s, &p.scenario, *objective, options.horizon, strong) {
                Ok(a) => Proposal::Optimised(Rc::new(p), Rc::new(a)),
                Err(e) => Proposal::Failed(e),
            }
        }
        Request::Goal {
            target,
            options,
            horizon,
        } => {
            let g = match goal_seek_with(s, target, options) {
                Ok(g) => g,
                Err(e) => return Proposal::Failed(e),
            };
            let advice = match &g.outcome {
                GoalOutcome::Reached { scenario, .. } => {
                    let objective = goal_objective(target).unwrap_or_default();
                    match advise(s, scenario, objective, *horizon, false) {
                        Ok(a) => Some(Rc::new(a)),
                        Err(e) => return Proposal::Failed(e),
                    }
                }
                GoalOutcome::Unreachable { .. } => None,
            };
            Proposal::Goal(Rc::new(g), advice)
        }
    }
}
