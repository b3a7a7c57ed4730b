//! Native side of the engine benchmark (tests/engine/bench.mjs runs it, then the same
//! work through the Node package, and prints the ratios). Prints JSON: median time per
//! call, in microseconds, of
//! - `evaluate` / `simulate_1000` on a `Scenario` (the model alone, as the CLI and the app
//!   call it);
//! - `evaluate_json` / `simulate_1000_json`: the engine's own path natively — scenario JSON
//!   in, the model, projection JSON out — the same work the wasm package does per call.
//!
//! Run with `cargo run --profile bench -p kehoach-engine --example bench_native`.

use std::hint::black_box;
use std::time::Instant;

use kehoach_engine::api;
use model::Scenario;

/// Median over `batches` of the time per call, µs.
fn median_us(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..per_batch {
        f(); // warm up
    }
    let mut times: Vec<f64> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / per_batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let s = Scenario::default();
    let text = serde_json::to_string(&s).expect("a scenario serialises");
    let evaluate = median_us(31, 2000, || {
        black_box(model::evaluate(black_box(&s)).ok());
    });
    let evaluate_json = median_us(31, 2000, || {
        black_box(api::evaluate(black_box(&text)).ok());
    });
    let simulate = median_us(15, 20, || {
        black_box(model::simulate(black_box(&s), 1000).ok());
    });
    let simulate_json = median_us(15, 20, || {
        black_box(api::simulate(black_box(&text), 1000).ok());
    });
    println!(
        "{{\"evaluate\": {evaluate:.3}, \"evaluate_json\": {evaluate_json:.3}, \"simulate_1000\": {simulate:.1}, \"simulate_1000_json\": {simulate_json:.1}}}"
    );
}
