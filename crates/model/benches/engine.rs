//! Benchmarks of the engine's hot paths on the default national scenario (2027–2030, all
//! twelve lines): evaluate, Monte Carlo with 1 000 draws, optimise, goal seek, and the
//! share-link codec. Targets on the reference machine (native): evaluate ≤ 20 µs,
//! 1 000 draws ≤ 20 ms, optimise ≤ 10 ms, goal seek ≤ 50 ms. Run
//! `cargo bench -p model --bench engine`: criterion reports each path, then `targets`
//! measures the four targeted paths once more in the same run, prints each median as a
//! ratio of its target, and fails the benchmark (exit 1) if any ratio is above 1. Speed is
//! asserted here, never in the tests.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use model::{Model, Objective, Scenario, decode, encode, evaluate, goal_seek, optimize, simulate};

fn engine(c: &mut Criterion) {
    let s = Scenario::default();
    let mut g = c.benchmark_group("engine");
    g.bench_function("evaluate", |b| {
        b.iter(|| evaluate(black_box(&s)));
    });
    let m = Model::new(&s).expect("the default scenario is valid");
    g.bench_function("evaluate_compiled", |b| {
        b.iter(|| black_box(&m).evaluate());
    });
    g.bench_function("monte_carlo_1000", |b| {
        b.iter(|| simulate(black_box(&s), 1_000));
    });
    g.bench_function("optimize_deaths", |b| {
        b.iter(|| optimize(black_box(&s), Objective::DeathsAverted));
    });
    g.bench_function("optimize_weighted", |b| {
        b.iter(|| optimize(black_box(&s), Objective::weighted()));
    });
    g.bench_function("goal_seek_drowning_2030", |b| {
        b.iter(|| goal_seek(black_box(&s), "drowning-2030", None));
    });
    g.bench_function("encode_decode", |b| {
        b.iter(|| decode(&encode(black_box(&s))));
    });
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

/// The targets, checked in one run: each median over its target. Fails (exit 1)
/// when a path is slower than its target.
fn targets(_: &mut Criterion) {
    let s = Scenario::default();
    println!("\ntargets (one run; ratio = median / target, must be ≤ 1)");
    let mut missed = Vec::new();
    let mut check = |name: &str, target_us: f64, f: &dyn Fn()| {
        let m = median_us(f);
        let ratio = m / target_us;
        println!("  {name:<26} median {m:>10.2} µs  target {target_us:>8.0} µs  ratio {ratio:.3}");
        if ratio > 1.0 {
            missed.push(name.to_owned());
        }
    };
    check("evaluate", 20.0, &|| {
        let _ = black_box(evaluate(black_box(&s)));
    });
    check("monte_carlo_1000", 20_000.0, &|| {
        let _ = black_box(simulate(black_box(&s), 1_000));
    });
    check("optimize_deaths", 10_000.0, &|| {
        let _ = black_box(optimize(black_box(&s), Objective::DeathsAverted));
    });
    check("optimize_weighted", 10_000.0, &|| {
        let _ = black_box(optimize(black_box(&s), Objective::weighted()));
    });
    check("goal_seek_drowning_2030", 50_000.0, &|| {
        let _ = black_box(goal_seek(black_box(&s), "drowning-2030", None));
    });
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
