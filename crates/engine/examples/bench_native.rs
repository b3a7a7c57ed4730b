//! Native side of the engine benchmark (tests/engine/bench.mjs runs it in turns with the
//! same work through the Node package, and prints the ratios). Prints JSON: the fastest
//! batch's time per call (the least disturbed by other work on the machine), in
//! microseconds, of
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

/// The fastest of `batches` batches, µs per call.
fn fastest_us(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
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
    times[0]
}

fn main() {
    let s = Scenario::default();
    let text = serde_json::to_string(&s).expect("a scenario serialises");
    let evaluate = fastest_us(15, 1000, || {
        black_box(model::evaluate(black_box(&s)).ok());
    });
    let evaluate_json = fastest_us(15, 1000, || {
        black_box(api::evaluate(black_box(&text)).ok());
    });
    let simulate = fastest_us(9, 10, || {
        black_box(model::simulate(black_box(&s), 1000).ok());
    });
    let simulate_json = fastest_us(9, 10, || {
        black_box(api::simulate(black_box(&text), 1000).ok());
    });
    println!(
        "{{\"evaluate\": {evaluate:.3}, \"evaluate_json\": {evaluate_json:.3}, \"simulate_1000\": {simulate:.1}, \"simulate_1000_json\": {simulate_json:.1}}}"
    );
}
