//! The golden Monte Carlo run: `simulate(&Scenario::default(), 1000)` serialised as
//! pretty JSON (`serde_json::to_string_pretty`) plus a final newline must equal
//! `fixtures/golden-mc-v1.json` byte for byte. The same comparison runs in a wasm32 browser
//! test, which proves native and wasm32 draw the same numbers.
//!
//! After a deliberate change to the model or the data, regenerate the fixture with
//! `UPDATE_GOLDEN=1 cargo test -p model --test golden` and say why in the commit.

use std::path::PathBuf;

use model::{Scenario, simulate};

const FIXTURE: &str = "tests/fixtures/golden-mc-v1.json";

/// The text the fixture holds.
fn golden_text() -> String {
    let u = simulate(&Scenario::default(), 1_000).expect("the default scenario is valid");
    let json = serde_json::to_string_pretty(&u).expect("bands serialise");
    format!("{json}\n")
}

#[test]
fn the_default_monte_carlo_run_matches_the_golden_fixture() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let got = golden_text();
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &got).expect("fixture is writable");
    }
    let want =
        std::fs::read_to_string(&path).expect("fixture exists (create it with UPDATE_GOLDEN=1)");
    let diff = (got != want).then(|| {
        got.lines()
            .zip(want.lines())
            .enumerate()
            .find(|(_, (g, w))| g != w)
            .map(|(i, (g, w))| format!("line {}: got {g:?}, want {w:?}", i + 1))
            .unwrap_or_else(|| "one text is a prefix of the other".to_string())
    });
    assert!(diff.is_none(), "golden Monte Carlo run changed — {diff:?}");
}

#[test]
fn the_golden_run_is_repeatable_within_a_process() {
    assert_eq!(golden_text(), golden_text());
}
