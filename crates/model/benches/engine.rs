//! Benchmarks of the engine's hot paths on the default national scenario (2027–2030, all
//! twelve lines): evaluate, Monte Carlo with 1 000 draws, optimise, goal seek, and the
//! share-link codec. Targets on the reference machine (native): evaluate ≤ 20 µs,
//! 1 000 draws ≤ 20 ms, optimise ≤ 10 ms, goal seek ≤ 50 ms. Nothing here asserts a
//! time; run `cargo bench -p model --bench engine` and read the medians.

use std::hint::black_box;
use std::time::Duration;

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

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = engine
}
criterion_main!(benches);
