//! Native tests of the app's reducer: actions go in through `Rc<AppState>::reduce`, as the
//! page dispatches them, and the scenario, its projection and generation, refusals and
//! proposals come out. The edits themselves are the model's (`model::edit`, tested there);
//! these tests check that the reducer maps actions to them and keeps the derived state in
//! step.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kehoach_app::state::{Action, AppState, Edit, Proposal, Source};
use model::field::{Bound, LineParam, RegionParam};
use model::money::TY;
use model::optimize::Objective;
use model::{AssumptionValue, FieldPath, Lang, Money, Scenario};
use yew::Reducible;

fn act(st: &Rc<AppState>, a: Action) -> Rc<AppState> {
    st.clone().reduce(a)
}

fn edit(st: &Rc<AppState>, e: Edit) -> Rc<AppState> {
    act(st, Action::Edit(e))
}

/// The projection the state shows is the model's projection of the scenario it shows.
fn assert_in_step(st: &AppState) {
    let fresh = model::evaluate(st.scenario()).expect("the current scenario is valid");
    assert_eq!(st.projection.headline, fresh.headline);
    assert_eq!(st.projection.years.len(), fresh.years.len());
}

#[test]
fn an_edit_changes_the_scenario_the_projection_and_the_generation() {
    let st = Rc::new(AppState::default());
    let g = st.generation;
    let before = st.projection.headline.deaths_averted;
    // Free 20 tỷ from gifts and play, then give them to swimming lessons.
    let st = edit(
        &st,
        Edit::Alloc {
            line: "gifts".into(),
            amount: Money::ZERO,
        },
    );
    let st = edit(
        &st,
        Edit::Alloc {
            line: "play".into(),
            amount: Money::ZERO,
        },
    );
    let st = edit(
        &st,
        Edit::Alloc {
            line: "swim".into(),
            amount: Money(140 * TY),
        },
    );
    assert_eq!(st.scenario().alloc("swim"), Money(140 * TY));
    assert_eq!(st.generation, g + 3, "one generation per change");
    assert!(st.projection.headline.deaths_averted > before);
    assert!(st.rejected.is_none());
    assert_in_step(&st);
    // The same value again changes nothing, not even the generation.
    let same = edit(
        &st,
        Edit::Alloc {
            line: "swim".into(),
            amount: Money(140 * TY),
        },
    );
    assert!(Rc::ptr_eq(&same, &st));
}

#[test]
fn a_refused_edit_keeps_everything_and_says_why_by_field() {
    let st = Rc::new(AppState::default());
    // The default plan spends its whole budget: 1 đồng more is over budget.
    let over = edit(
        &st,
        Edit::Alloc {
            line: "swim".into(),
            amount: Money(120 * TY + 1),
        },
    );
    assert_eq!(
        over.scenario(),
        st.scenario(),
        "the last good scenario stays"
    );
    assert_eq!(over.generation, st.generation);
    assert!(Rc::ptr_eq(&over.projection, &st.projection));
    let swim = FieldPath::allocation("swim");
    let r = over.rejected.as_ref().expect("refused");
    assert_eq!(r.field, swim);
    assert!(matches!(r.error, model::ScenarioError::OverBudget { .. }));
    let message = over.rejection(&swim).expect("a message under the line");
    assert!(message.contains("vượt ngân sách"), "{message}");
    assert!(over.rejection(&FieldPath::allocation("barrier")).is_none());
    // Edits the model cannot even express are refused the same way.
    let unknown = edit(
        &st,
        Edit::Alloc {
            line: "nope".into(),
            amount: Money(1),
        },
    );
    assert_eq!(
        unknown.rejected.as_ref().map(|r| &r.field),
        Some(&FieldPath::allocation("nope"))
    );
    let floor = edit(
        &st,
        Edit::Floor {
            line: "swim".into(),
            amount: Some(Money(-1)),
        },
    );
    assert_eq!(
        floor.rejected.as_ref().map(|r| &r.field),
        Some(&FieldPath::bound("swim", Bound::Floor))
    );
    // Fixing it (or putting the old value back) clears the refusal.
    let back = edit(
        &over,
        Edit::Alloc {
            line: "swim".into(),
            amount: Money(120 * TY),
        },
    );
    assert!(back.rejected.is_none());
    assert_eq!(back.scenario(), st.scenario());
    let cleared = act(&over, Action::ClearRejection(swim.clone()));
    assert!(cleared.rejected.is_none());
    let other = act(&over, Action::ClearRejection(FieldPath::Name));
    assert!(Rc::ptr_eq(&other, &over), "another field's refusal stays");
}

#[test]
fn the_slider_stops_at_what_is_left() {
    let st = Rc::new(AppState::default());
    let st = edit(
        &st,
        Edit::Alloc {
            line: "gifts".into(),
            amount: Money(5 * TY),
        },
    );
    let st = edit(
        &st,
        Edit::AllocUpTo {
            line: "swim".into(),
            amount: Money(500 * TY),
        },
    );
    assert_eq!(st.scenario().alloc("swim"), Money(125 * TY));
    assert_eq!(st.scenario().allocated(), st.scenario().min_year_budget());
    assert!(st.rejected.is_none());
    assert_in_step(&st);
}

#[test]
fn budget_region_years_and_assumption_edits_go_through_the_model() {
    let st = Rc::new(AppState::default());
    let st = edit(
        &st,
        Edit::BudgetCell {
            year: Some(2028),
            source: Source::Mobilised,
            amount: Money(30 * TY),
        },
    );
    assert_eq!(st.scenario().budget[1].mobilised, Money(30 * TY));
    let st = edit(&st, Edit::BudgetTotal(Money(400 * TY)));
    assert!(
        st.scenario()
            .budget
            .iter()
            .all(|b| b.total() == Money(400 * TY))
    );
    let st = edit(
        &st,
        Edit::Years {
            start: 2027,
            end: 2032,
        },
    );
    assert_eq!(st.projection.years.len(), 6);
    let field = FieldPath::line_param("swim", LineParam::MaxCoverage);
    let st = edit(
        &st,
        Edit::Assumption {
            field: field.clone(),
            value: Some(AssumptionValue::Number { value: 0.5 }),
        },
    );
    assert_eq!(
        st.scenario().overrides.lines["swim"].max_coverage,
        Some(0.5)
    );
    // An assumption out of range is refused under its own row.
    let bad = edit(
        &st,
        Edit::Assumption {
            field: field.clone(),
            value: Some(AssumptionValue::Number { value: 1.5 }),
        },
    );
    assert!(bad.rejection(&field).is_some());
    assert_eq!(bad.scenario(), st.scenario());
    let st = edit(
        &st,
        Edit::Assumption {
            field: FieldPath::region_param(RegionParam::Children),
            value: Some(AssumptionValue::Number { value: 1e6 }),
        },
    );
    assert_in_step(&st);
    // A region switch rescales the money and drops the old region's figures.
    let st = edit(&st, Edit::Region("dien-bien".into()));
    assert_eq!(st.scenario().region, "dien-bien");
    assert!(st.scenario().overrides.region.is_empty());
    assert!(st.scenario().allocated() <= st.scenario().min_year_budget());
    assert_in_step(&st);
}

#[test]
fn optimise_proposes_and_accepting_installs_it() {
    let st = Rc::new(AppState::default());
    let g = st.generation;
    let proposed = act(&st, Action::Optimise(Objective::DeathsAverted));
    assert_eq!(
        proposed.scenario(),
        st.scenario(),
        "a proposal is not applied"
    );
    assert_eq!(proposed.generation, g);
    let p = match &proposed.proposal {
        Some((pg, Proposal::Optimised(p))) if *pg == g => Some(p.clone()),
        _ => None,
    }
    .expect("an optimised proposal for this version of the scenario");
    assert!(p.after >= p.before);
    let accepted = act(&proposed, Action::AcceptProposal);
    assert_eq!(*accepted.scenario(), p.scenario);
    assert_eq!(accepted.generation, g + 1);
    assert!(accepted.proposal.is_none(), "the proposal is used up");
    assert_in_step(&accepted);
    assert!(accepted.projection.headline.deaths_averted >= st.projection.headline.deaths_averted);
    // Accepting again does nothing.
    let again = act(&accepted, Action::AcceptProposal);
    assert!(Rc::ptr_eq(&again, &accepted));
}

#[test]
fn a_proposal_for_an_older_version_is_never_installed() {
    let st = Rc::new(AppState::default());
    let proposed = act(&st, Action::Optimise(Objective::DeathsAverted));
    // An edit after the proposal: the proposal was for the scenario as it was.
    let edited = edit(
        &proposed,
        Edit::Alloc {
            line: "gifts".into(),
            amount: Money(TY),
        },
    );
    assert!(edited.proposal.is_none());
    let accepted = act(&edited, Action::AcceptProposal);
    assert!(Rc::ptr_eq(&accepted, &edited));
    // A discarded proposal is gone too.
    let discarded = act(&proposed, Action::DiscardProposal);
    assert!(discarded.proposal.is_none());
    assert_eq!(discarded.scenario(), st.scenario());
}

#[test]
fn a_failed_optimisation_is_a_proposal_that_cannot_be_accepted() {
    let st = Rc::new(AppState::default());
    let st = edit(
        &st,
        Edit::Floor {
            line: "swim".into(),
            amount: Some(Money(120 * TY)),
        },
    );
    let st = edit(
        &st,
        Edit::Floor {
            line: "special_support".into(),
            amount: Some(Money(60 * TY)),
        },
    );
    let st = edit(&st, Edit::BudgetTotal(Money(150 * TY)));
    // The floors (180 tỷ) are above the budget (150 tỷ): the edit itself was refused …
    assert!(st.rejected.is_some());
    // … so lower the allocation first, then the budget.
    let mut s: Scenario = st.scenario().clone();
    for (id, v) in s.allocation.iter_mut() {
        if id != "swim" && id != "special_support" {
            *v = Money::ZERO;
        }
    }
    let st = edit(&st, Edit::Replace(Box::new(s)));
    let st = edit(&st, Edit::BudgetTotal(Money(180 * TY)));
    assert!(st.rejected.is_none(), "{:?}", st.rejected);
    let failed = act(
        &st,
        Action::Optimise(Objective::Weighted {
            per_death: f64::NAN,
        }),
    );
    assert!(matches!(
        failed.proposal,
        Some((_, Proposal::Failed(model::ScenarioError::NonFinite { .. })))
    ));
    let accepted = act(&failed, Action::AcceptProposal);
    assert!(Rc::ptr_eq(&accepted, &failed));
}

#[test]
fn selecting_another_scenario_follows_it() {
    let b = Scenario::default_for("dien-bien");
    let st = Rc::new(AppState::with_entries(
        vec![Scenario::default(), b.clone()],
        0,
        Lang::Vi,
    ));
    // Leave a refusal and a proposal on the first scenario.
    let st = edit(
        &st,
        Edit::Alloc {
            line: "swim".into(),
            amount: Money(-1),
        },
    );
    let st = act(&st, Action::Optimise(Objective::DeathsAverted));
    assert!(st.rejected.is_some() && st.proposal.is_some());
    let g = st.generation;
    let mut next = (*st).clone();
    next.select(1);
    assert_eq!(*next.scenario(), b);
    assert_eq!(next.generation, g + 1);
    assert!(
        next.rejected.is_none(),
        "refusals belong to the other scenario"
    );
    assert!(next.proposal.is_none(), "so do proposals");
    assert!(next.fresh_uncertainty().is_none());
    assert_in_step(&next);
    // An index past the end opens the last one.
    next.select(99);
    assert_eq!(next.current, 1);
    // An uncertainty band for an older generation is not stored.
    let u = model::simulate(next.scenario(), 20).expect("valid");
    let next = Rc::new(next);
    let stale = act(
        &next,
        Action::Uncertainty(next.generation - 1, Rc::new(u.clone())),
    );
    assert!(Rc::ptr_eq(&stale, &next));
    let fresh = act(&next, Action::Uncertainty(next.generation, Rc::new(u)));
    assert!(fresh.fresh_uncertainty().is_some());
}
