//! Benchmarks of the engine's hot paths on the default national scenario (2027–2030, all
//! twelve lines): evaluate, Monte Carlo with 1 000 draws, optimise, goal seek, and the
//! share-link codec. Targets on the reference machine (native): evaluate ≤ 20 µs,
//! 1 000 draws ≤ 20 ms, optimise ≤ 10 ms, goal seek ≤ 150 ms (it was 50 ms when goal seek
//! chased a point estimate; since issue 11 it judges every budget it tries on the target
//! card's own 1 000 draws — a button press, not a drag). Run
//! `cargo bench -p model --bench engine`: criterion reports each path, then `targets`
//! measures the five targeted paths once more in the same run, prints each median as a
//! ratio of its target, and fails the benchmark (exit 1) if any ratio is above 1. Speed is
//! asserted here, never in the tests.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use model::{Model, Objective, Scenario, decode, encode, evaluate, goal_seek, optimize, simulate};

/// One hot path: its name, the target in µs if it has one, and one call of it.
struct HotPath<'a> {
    name: &'static str,
    target_us: Option<f64>,
    call: Box<dyn Fn() + 'a>,
}

fn path<'a, O>(name: &'static str, target_us: Option<f64>, f: impl Fn() -> O + 'a) -> HotPath<'a> {
    let call = Box::new(move || drop(black_box(f())));
    HotPath {
        name,
        target_us,
        call,
    }
}

fn hot_paths<'a>(s: &'a Scenario, m: &'a Model) -> Vec<HotPath<'a>> {
    let s = move || black_box(s);
    vec![
        path("evaluate", Some(20.0), move || evaluate(s())),
        path("evaluate_compiled", None, move || black_box(m).evaluate()),
        path("monte_carlo_1000", Some(20_000.0), move || {
            simulate(s(), 1_000)
        }),
        path("optimize_deaths", Some(10_000.0), move || {
            optimize(s(), Objective::DeathsAverted)
        }),
        path("optimize_weighted", Some(10_000.0), move || {
            optimize(s(), Objective::weighted())
        }),
        path("goal_seek_drowning_2030", Some(150_000.0), move || {
            goal_seek(s(), "drowning-2030", None)
        }),
        path("encode_decode", None, move || decode(&encode(s()))),
    ]
}

fn engine(c: &mut Criterion) {
    let s = Scenario::default();
    let m = Model::new(&s).expect("the default scenario is valid");
    let mut g = c.benchmark_group("engine");
    for p in hot_paths(&s, &m) {
        g.bench_function(p.name, |b| b.iter(&p.call));
    }
    g.finish();
}

/// Median time of one call of `f`, in µs: 21 samples, each long enough (≥ 2 ms) that the
/// clock's resolution does not matter, after a warm-up.
fn median_us(f: &dyn Fn()) -> f64 {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < Duration::from_millis(200) || calls < 3 {
        f();
        calls += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / f64::from(calls);
    let batch = ((0.002 / per_call).ceil() as u32).max(1);
    let mut samples: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// The targets, checked in one run: each targeted path's median over its target.
/// Criterion keeps its statistics to itself, so the paths are timed once more here.
/// Fails (exit 1) when a path is slower than its target.
fn targets(_: &mut Criterion) {
    let s = Scenario::default();
    let m = Model::new(&s).expect("the default scenario is valid");
    println!("\ntargets (one run; ratio = median / target, must be ≤ 1)");
    let mut missed = Vec::new();
    for p in hot_paths(&s, &m) {
        let Some(target_us) = p.target_us else {
            continue;
        };
        let median = median_us(&p.call);
        let ratio = median / target_us;
        println!(
            "  {:<26} median {median:>10.2} µs  target {target_us:>8.0} µs  ratio {ratio:.3}",
            p.name
        );
        if ratio > 1.0 {
            missed.push(p.name);
        }
    }
    if !missed.is_empty() {
        eprintln!("targets missed: {}", missed.join(", "));
        std::process::exit(1);
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = engine, targets
}
criterion_main!(benches);
