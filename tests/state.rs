//! Native tests of the app's reducer: actions go in through `Rc<AppState>::reduce`, as the
//! page dispatches them, and the scenario, its projection and generation, refusals and
//! proposals come out. The edits themselves are the model's (`model::edit`, tested there);
//! these tests check that the reducer maps actions to them and keeps the derived state in
//! step.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kehoach_app::state::advice::work;
use kehoach_app::state::{Action, AppState, Edit, Proposal, Request, Source};
use model::field::{Bound, LineParam, RegionParam};
use model::money::TY;
use model::optimize::{Objective, Options};
use model::{AssumptionValue, FieldPath, Lang, Money, Scenario};
use yew::Reducible;

fn act(st: &Rc<AppState>, a: Action) -> Rc<AppState> {
    st.clone().reduce(a)
}

/// Asks for a proposal and hands back the answer, as the page's hook does.
fn propose(st: &Rc<AppState>, r: Request) -> Rc<AppState> {
    let pending = act(st, Action::Propose(r.clone()));
    assert!(matches!(
        pending.proposal,
        Some((g, Proposal::Pending(_))) if g == st.generation
    ));
    let answer = work(pending.scenario(), &r);
    act(&pending, Action::Proposed(pending.generation, answer))
}

fn optimise(st: &Rc<AppState>, objective: Objective) -> Rc<AppState> {
    propose(
        st,
        Request::Optimise {
            objective,
            options: Options::default(),
        },
    )
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
    assert!(st.projection.headline.deaths_averted.lifetime > before.lifetime);
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
    let proposed = optimise(&st, Objective::DeathsAverted);
    assert_eq!(
        proposed.scenario(),
        st.scenario(),
        "a proposal is not applied"
    );
    assert_eq!(proposed.generation, g);
    let p = match &proposed.proposal {
        Some((pg, Proposal::Optimised(p, _))) if *pg == g => Some(p.clone()),
        _ => None,
    }
    .expect("an optimised proposal for this version of the scenario");
    assert!(p.after >= p.before);
    let accepted = act(&proposed, Action::AcceptProposal);
    assert_eq!(*accepted.scenario(), p.scenario);
    assert_eq!(accepted.generation, g + 1);
    assert!(accepted.proposal.is_none(), "the proposal is used up");
    assert_in_step(&accepted);
    assert!(
        accepted.projection.headline.deaths_averted.lifetime
            >= st.projection.headline.deaths_averted.lifetime
    );
    // Accepting again does nothing.
    let again = act(&accepted, Action::AcceptProposal);
    assert!(Rc::ptr_eq(&again, &accepted));
}

#[test]
fn a_proposal_for_an_older_version_is_never_installed() {
    let st = Rc::new(AppState::default());
    let proposed = optimise(&st, Objective::DeathsAverted);
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
    let failed = optimise(
        &st,
        Objective::Weighted {
            per_death: f64::NAN,
        },
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
    let st = optimise(&st, Objective::DeathsAverted);
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

// ---- Undo and redo -------------------------------------------------------------------

fn code(st: &AppState) -> String {
    model::encode(st.scenario())
}

fn alloc(st: &Rc<AppState>, line: &str, amount: Money) -> Rc<AppState> {
    edit(
        st,
        Edit::Alloc {
            line: line.into(),
            amount,
        },
    )
}

#[test]
fn every_edit_is_undone_to_the_identical_plan_and_redone() {
    let start = Rc::new(AppState::default());
    let first = code(&start);
    assert!(start.history.next_undo(start.current_id()).is_none());
    // Nothing to undo says so and changes no plan.
    let nothing = act(&start, Action::Undo);
    assert_eq!(code(&nothing), first);
    assert!(matches!(
        nothing.notice,
        Some(kehoach_app::state::Notice::NothingToUndo)
    ));
    // 60 edits of different kinds: more than the 50 steps asked for.
    let mut st = start.clone();
    let mut codes = vec![first.clone()];
    for k in 1..=60i64 {
        st = match k % 3 {
            0 => alloc(&st, "gifts", Money(k * 100_000_000)),
            1 => edit(&st, Edit::BudgetTotal(Money(350 * TY + k * 1_000_000))),
            _ => edit(&st, Edit::Name(format!("Kế hoạch {k}"))),
        };
        assert!(st.rejected.is_none(), "{k}: {:?}", st.rejected);
        codes.push(code(&st));
    }
    // Back one step at a time, each to the identical plan (the same share code).
    for k in (0..60).rev() {
        st = act(&st, Action::Undo);
        assert_eq!(code(&st), codes[k], "undo to step {k}");
        assert_in_step(&st);
    }
    assert!(st.history.next_undo(st.current_id()).is_none());
    // And forward again.
    for (k, want) in codes.iter().enumerate().skip(1) {
        st = act(&st, Action::Redo);
        assert_eq!(&code(&st), want, "redo to step {k}");
    }
    assert!(st.history.next_redo(st.current_id()).is_none());
    // A new edit after an undo: what was taken back can no longer be put back.
    let back = act(&st, Action::Undo);
    let edited = alloc(&back, "play", Money(TY));
    assert!(edited.history.next_redo(edited.current_id()).is_none());
    let same = act(&edited, Action::Redo);
    assert_eq!(code(&same), code(&edited));
}

#[test]
fn at_most_a_hundred_steps_are_kept_and_the_oldest_go_first() {
    let mut st = Rc::new(AppState::default());
    let mut codes = vec![code(&st)];
    for k in 1..=(kehoach_app::state::history::MAX_STEPS as i64 + 20) {
        st = alloc(&st, "gifts", Money(k * 10_000_000));
        codes.push(code(&st));
    }
    let mut undone = 0;
    while st.history.next_undo(st.current_id()).is_some() {
        st = act(&st, Action::Undo);
        undone += 1;
    }
    assert_eq!(undone, kehoach_app::state::history::MAX_STEPS);
    assert_eq!(code(&st), codes[20], "the 20 oldest steps were forgotten");
}

#[test]
fn a_slider_drag_is_one_step() {
    let st = Rc::new(AppState::default());
    let st = alloc(&st, "gifts", Money(5 * TY));
    let before_drag = code(&st);
    let mut dragged = st.clone();
    for k in 1..=20 {
        dragged = edit(
            &dragged,
            Edit::AllocUpTo {
                line: "swim".into(),
                amount: Money(120 * TY + k * 200_000_000),
            },
        );
    }
    assert_ne!(code(&dragged), before_drag);
    // Another slider starts a new step.
    let other = edit(
        &dragged,
        Edit::AllocUpTo {
            line: "play".into(),
            amount: Money(0),
        },
    );
    let one = act(&other, Action::Undo);
    assert_eq!(code(&one), code(&dragged));
    let two = act(&one, Action::Undo);
    assert_eq!(code(&two), before_drag, "the whole drag in one step");
}

#[test]
fn steps_are_kept_per_scenario() {
    let st = Rc::new(AppState::with_entries(
        vec![Scenario::default(), Scenario::default_for("dien-bien")],
        0,
        Lang::Vi,
    ));
    let (a0, b0) = (
        model::encode(&st.entries[0].scenario),
        model::encode(&st.entries[1].scenario),
    );
    let st = alloc(&st, "gifts", Money(TY));
    let a1 = code(&st);
    let b = st.entries[1].id;
    let st = act(&st, Action::Book(kehoach_app::state::BookAction::Select(b)));
    let st = alloc(&st, "gifts", Money(10_000_000));
    let b1 = code(&st);
    // Undo on B takes back B's edit only.
    let st = act(&st, Action::Undo);
    assert_eq!(code(&st), b0);
    assert_eq!(
        model::encode(&st.entries[0].scenario),
        a1,
        "A keeps its edit"
    );
    // Back on A, undo takes back A's edit; B's redo is still there.
    let a = st.entries[0].id;
    let st = act(&st, Action::Book(kehoach_app::state::BookAction::Select(a)));
    let st = act(&st, Action::Undo);
    assert_eq!(code(&st), a0);
    let st = act(&st, Action::Book(kehoach_app::state::BookAction::Select(b)));
    let st = act(&st, Action::Redo);
    assert_eq!(code(&st), b1);
}

#[test]
fn accepting_a_proposal_is_undone_to_the_identical_plan() {
    let st = Rc::new(AppState::default());
    let before = code(&st);
    let proposed = optimise(&st, Objective::DeathsAverted);
    let (p, advice) = match &proposed.proposal {
        Some((_, Proposal::Optimised(p, a))) => Some((p.clone(), a.clone())),
        _ => None,
    }
    .expect("an optimised proposal with its advice");
    // The advice covers every figure and target, and each moved line's evidence.
    assert_eq!(advice.figures.len(), model::figures::Figure::ALL.len());
    assert_eq!(advice.targets.len(), model::TARGETS.len());
    assert!(!advice.moves.is_empty());
    let accepted = act(&proposed, Action::AcceptProposal);
    assert_eq!(*accepted.scenario(), p.scenario);
    // The figures it changed are marked for this version of the plan.
    let changed = accepted.changed.as_ref().expect("changed figures marked");
    assert_eq!(changed.generation, accepted.generation);
    assert!(
        changed
            .figures
            .contains(&model::figures::Figure::DeathsAverted)
    );
    assert!(matches!(
        accepted.notice,
        Some(kehoach_app::state::Notice::Accepted)
    ));
    assert_eq!(
        accepted.history.undo_kind(accepted.current_id()),
        Some(kehoach_app::state::StepKind::Accept)
    );
    let undone = act(&accepted, Action::Undo);
    assert_eq!(
        code(&undone),
        before,
        "the plan before the proposal, exactly"
    );
    assert!(undone.changed.is_none());
    let redone = act(&undone, Action::Redo);
    assert_eq!(*redone.scenario(), p.scenario);
}

#[test]
fn a_goal_seek_proposal_lists_every_target_and_meets_the_asked_chance() {
    // Điện Biên, 45 tỷ a year, special support locked (issue 11).
    let st = Rc::new(AppState::default());
    let st = edit(&st, Edit::Region("dien-bien".into()));
    let st = edit(&st, Edit::BudgetTotal(Money(45 * TY)));
    let st = edit(
        &st,
        Edit::Lock {
            line: "special_support".into(),
            locked: true,
        },
    );
    let before = code(&st);
    let asked = st.chance;
    let proposed = propose(
        &st,
        Request::Goal {
            target: "drowning-2030".into(),
            options: model::goal::GoalOptions {
                chance: asked,
                ..Default::default()
            },
            horizon: st.horizon,
        },
    );
    let advice = match &proposed.proposal {
        Some((_, Proposal::Goal(g, Some(a)))) if g.outcome.reached() => Some(a.clone()),
        _ => None,
    }
    .expect("goal seek reaches the target, with advice");
    let t = advice
        .targets
        .iter()
        .find(|t| t.id == "drowning-2030")
        .expect("listed");
    assert!(proposed.chance_enough(t.chance_after), "{t:?}");
    assert_eq!(advice.targets.len(), model::TARGETS.len());
    let accepted = act(&proposed, Action::AcceptProposal);
    // The card's own Monte Carlo agrees with the proposal's chance.
    let u = model::simulate(accepted.scenario(), 1_000).expect("valid");
    let chance = u.target("drowning-2030").expect("listed").probability;
    assert_eq!(chance, t.chance_after);
    assert!(accepted.chance_enough(chance));
    let undone = act(&accepted, Action::Undo);
    assert_eq!(code(&undone), before);
}

#[test]
fn switching_region_says_what_it_rescaled_and_is_undone() {
    let st = Rc::new(AppState::default());
    let st = edit(&st, Edit::Region("dien-bien".into()));
    let st = edit(&st, Edit::BudgetTotal(Money(45 * TY)));
    let before = code(&st);
    let moved = edit(&st, Edit::Region("lai-chau".into()));
    assert_eq!(moved.scenario().region, "lai-chau");
    let notice = moved.notice.as_ref().expect("a notice");
    assert!(notice.undoable());
    let vi = notice.message(Lang::Vi);
    assert!(
        vi.contains("từ 45 tỷ đồng xuống") && vi.contains("Lai Châu"),
        "{vi}"
    );
    let en = notice.message(Lang::En);
    assert!(en.contains("down to") && en.contains("Lai Châu"), "{en}");
    let undone = act(&moved, Action::Undo);
    assert_eq!(code(&undone), before);
    assert_eq!(undone.scenario().region, "dien-bien");
    let redone = act(&undone, Action::Redo);
    assert_eq!(code(&redone), code(&moved));
}

#[test]
fn a_deleted_scenario_comes_back_where_it_was_with_its_own_steps() {
    use kehoach_app::state::BookAction;
    let st = Rc::new(AppState::with_entries(
        vec![
            Scenario::default(),
            Scenario::default_for("dien-bien"),
            Scenario::default_for("lai-chau"),
        ],
        1,
        Lang::Vi,
    ));
    let st = alloc(&st, "gifts", Money(10_000_000));
    let edited = code(&st);
    let id = st.current_id();
    let ids: Vec<u32> = st.entries.iter().map(|e| e.id).collect();
    let gone = act(&st, Action::Book(BookAction::Delete(id)));
    assert_eq!(gone.entries.len(), 2);
    assert!(gone.notice.as_ref().is_some_and(|n| n.undoable()));
    // A scenario added now never takes the deleted one's id.
    let added = act(&gone, Action::Book(BookAction::New));
    assert!(added.entries.iter().all(|e| e.id != id));
    let gone = act(&added, Action::Undo);
    assert_eq!(gone.entries.len(), 2, "undo takes back the addition first");
    let back = act(&gone, Action::Undo);
    assert_eq!(
        back.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        ids,
        "back in its place"
    );
    assert_eq!(back.current_id(), id, "and open");
    assert_eq!(code(&back), edited);
    assert_in_step(&back);
    // Its own steps came back with it.
    let before_edit = act(&back, Action::Undo);
    assert_eq!(
        code(&before_edit),
        model::encode(&Scenario::default_for("dien-bien"))
    );
    // Redo: the edit, then the deletion again.
    let again = act(&act(&before_edit, Action::Redo), Action::Redo);
    assert_eq!(again.entries.len(), 2);
    assert!(again.entries.iter().all(|e| e.id != id));
    // Deleting the last scenario and undoing it brings it back too.
    let one = Rc::new(AppState::default());
    let only = one.current_id();
    let empty = act(&one, Action::Book(BookAction::Delete(only)));
    assert_eq!(empty.entries.len(), 1, "a fresh default takes its place");
    let restored = act(&empty, Action::Undo);
    assert!(restored.entries.iter().any(|e| e.id == only));
    assert_eq!(restored.current_id(), only);
}

#[test]
fn horizon_and_chance_settings() {
    use model::eval::Horizon;
    let st = Rc::new(AppState::default());
    assert_eq!(st.horizon, Horizon::Lifetime, "the lifetime is the default");
    assert_eq!(st.chance, 0.8);
    let plan = act(&st, Action::SetHorizon(Horizon::Plan));
    assert_eq!(plan.horizon, Horizon::Plan);
    assert!(Rc::ptr_eq(
        &act(&plan, Action::SetHorizon(Horizon::Plan)),
        &plan
    ));
    let c = act(&st, Action::SetChance(0.95));
    assert_eq!(c.chance, 0.95);
    // Only 50, 80 and 95 % can be asked for.
    assert_eq!(act(&st, Action::SetChance(0.51)).chance, 0.5);
    assert_eq!(act(&st, Action::SetChance(f64::NAN)).chance, 0.8);
    assert!(c.chance_enough(0.95) && !c.chance_enough(0.949));
    // 800 of 1 000 draws is 80 %.
    assert!(st.chance_enough(800.0 / 1000.0));
}

#[test]
fn an_answer_for_an_older_version_is_dropped() {
    let st = Rc::new(AppState::default());
    let r = Request::Optimise {
        objective: Objective::DeathsAverted,
        options: Options::default(),
    };
    let pending = act(&st, Action::Propose(r.clone()));
    let answer = work(pending.scenario(), &r);
    let edited = alloc(&pending, "gifts", Money(TY));
    let late = act(
        &edited,
        Action::Proposed(pending.generation, answer.clone()),
    );
    assert!(Rc::ptr_eq(&late, &edited));
    // An answer nobody asked for is dropped too.
    let unasked = act(&st, Action::Proposed(st.generation, answer));
    assert!(Rc::ptr_eq(&unasked, &st));
}

#[test]
fn a_link_on_a_fresh_device_replaces_the_untouched_default_and_shows_results_first() {
    use kehoach_app::state::BookAction;
    let shared = Scenario {
        name: "Điện Biên: gửi đi".into(),
        ..Scenario::default_for("dien-bien")
    };
    // A fresh device: the default alone, nothing to undo.
    let fresh = Rc::new(AppState::default());
    let st = act(
        &fresh,
        Action::Book(BookAction::OpenLink(Ok(Box::new(shared.clone())))),
    );
    assert_eq!(st.entries.len(), 1, "no extra default tab");
    assert_eq!(st.scenario(), &shared);
    assert!(st.results_first);
    // "Chỉnh sửa" goes back to the form.
    let edit = act(&st, Action::EditShared);
    assert!(!edit.results_first);
    // A device with work of its own keeps it: the link is added beside it.
    let mine = act(&fresh, Action::Edit(Edit::Name("Của tôi".into())));
    let st = act(
        &mine,
        Action::Book(BookAction::OpenLink(Ok(Box::new(shared.clone())))),
    );
    assert_eq!(st.entries.len(), 2);
    assert_eq!(st.entries[0].scenario.name, "Của tôi");
    assert_eq!(st.scenario(), &shared);
    // The room opens plans beside the default (never in its place), without results first.
    let room = act(
        &fresh,
        Action::Book(BookAction::OpenShared(Ok(Box::new(shared)))),
    );
    assert_eq!(room.entries.len(), 2);
    assert!(!room.results_first);
}
