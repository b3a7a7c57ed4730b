//! The short fuzz pass on the stable toolchain: every target over mutations of the golden
//! fixtures (a fixed, deterministic sequence), plus every saved regression input. The
//! coverage-guided run is `make fuzz`; see docs/reliability.md.
//!
//! `KEHOACH_FUZZ_CASES` sets the mutations per target (defaults below: a few seconds each in a
//! debug build).

use kehoach_fuzz::{Mutator, TARGETS, regressions, seeds};

fn cases(default: usize) -> usize {
    std::env::var("KEHOACH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn every_target_has_seeds() {
    for (name, _) in TARGETS {
        assert!(seeds(name).len() >= 3, "{name}: too few seeds");
    }
}

#[test]
fn the_wire_path_reaches_the_wire() {
    // A v2 body behind a hand-written stored zlib stream opens like the code it came from.
    for seed in seeds("link") {
        let Some((&version, body)) = seed.split_first() else {
            continue;
        };
        if version == 2 && !body.is_empty() && body.iter().any(|&b| b > b'z') {
            assert!(
                kehoach_fuzz::wire_opens(version, body),
                "a fixture body opens"
            );
            return;
        }
    }
    panic!("no v2 body among the seeds");
}

#[test]
fn regressions_replay() {
    let mut n = 0;
    for (name, run) in TARGETS {
        for input in regressions(name) {
            run(&input);
            n += 1;
        }
    }
    println!("{n} regression inputs replayed");
}

fn short_pass(target: &str, default_cases: usize) {
    let (_, run) = TARGETS
        .iter()
        .find(|(n, _)| *n == target)
        .expect("a target");
    let seeds = seeds(target);
    for s in &seeds {
        run(s);
    }
    let mut m = Mutator::new(target.len() as u64 * 7_919);
    let mut pool = seeds.clone();
    let started = std::time::Instant::now();
    let n = cases(default_cases);
    for i in 0..n {
        let a = &pool[i % pool.len()];
        let b = &seeds[(i / 7) % seeds.len()];
        let input = m.mutate(a, b);
        run(&input);
        // Keep some mutants as parents so mutations stack up.
        if i % 5 == 0 && pool.len() < 512 {
            pool.push(input);
        }
    }
    println!(
        "{target}: {} seeds, {n} mutations in {:.1} s",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn short_pass_link() {
    short_pass("link", 6_000);
}

#[test]
fn short_pass_pack() {
    short_pass("pack", 6_000);
}

#[test]
fn short_pass_pack_json() {
    short_pass("pack_json", 40_000);
}

#[test]
fn short_pass_import_json() {
    short_pass("import_json", 20_000);
}

#[test]
fn short_pass_autosave() {
    short_pass("autosave", 3_000);
}

#[test]
fn short_pass_worker_reply() {
    short_pass("worker_reply", 3_000);
}

#[test]
fn short_pass_room() {
    short_pass("room", 1_000);
}
