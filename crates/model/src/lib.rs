//! kehoach's pure simulation core: embedded default data with sources, scenarios,
//! evaluation, Monte Carlo, optimiser, goal seek and the share-link codec.
//!
//! No web dependencies: the compiler keeps this crate pure, deterministic and testable
//! natively. Money is integer đồng ([`Money`]); nothing here panics on user input.

pub mod advice;
pub mod assumptions;
pub mod autosave;
pub mod backup;
pub mod codec;
pub mod compare;
pub mod data;
pub mod edit;
pub mod error;
pub mod eval;
pub mod field;
pub mod figures;
pub mod file_name;
pub mod fmt;
pub mod goal;
pub mod lang;
pub mod mc;
pub mod money;
pub mod optimize;
pub mod pack;
pub mod rng;
pub mod room;
pub mod scenario;
pub mod verdict;
pub mod words;
pub mod worker;

pub use assumptions::{Assumption, AssumptionValue, Unit, assumptions};
pub use codec::{LinkError, decode, encode, fragment};
pub use data::{Confidence, LINES, REGIONS, TARGETS, Tri};
pub use edit::Edit;
pub use error::ScenarioError;
pub use eval::{
    AfterYear, ByHorizon, Headline, Horizon, LineOutcome, Marginal, Model, Projection,
    TargetOutcome, TrendAssumed, YearOutcome, evaluate, marginal_returns,
};
pub use field::FieldPath;
pub use goal::{GoalOutcome, GoalSeek, TargetProposal, goal_seek, optimize_for_target};
pub use lang::Lang;
pub use mc::{Band3, TargetChance, Uncertainty, YearBand, simulate};
pub use verdict::Verdict;
// `codec.rs` writes `crate::fmt_int`.
pub use fmt::fmt_int;
pub use money::{MAX_MONEY, Money, parse_money};
pub use optimize::{Objective, Proposal, objective_value, optimize};
pub use scenario::{
    Baseline, Constraint, Figure, Overrides, SCHEMA_VERSION, Scenario, YearBudget, region_baseline,
};
