//! The engine's operations on JSON text, in plain Rust: each reads its arguments, calls the
//! model and writes the model's own serde types as JSON — the same text the `kehoach` CLI
//! prints with `--json`, so the package and the CLI give equal figures by construction.
//! `lib.rs` only moves values between JavaScript and these functions, so everything here
//! runs (and is tested for panics) natively too.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use model::data::{REGIONS, TARGETS};
use model::{Objective, Scenario};

use crate::failure::{Failure, Kind};
use crate::words::Engine;

/// Largest JSON text read (a scenario is a few KB; the CLI reads at most as much).
pub const MAX_INPUT: usize = 4 * 1024 * 1024;

/// Version of the JSON shapes (the CLI's `--json` version, docs/cli.md).
pub const JSON_VERSION: u32 = 2;

/// Options of `optimize` (the model's `optimize::Options`, in camelCase; an unknown one is
/// refused rather than ignored).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OptimizeOptions {
    /// `"lifetime"` (default) or `"plan"`: the years deaths averted count over.
    #[serde(default)]
    pub horizon: Option<model::Horizon>,
    /// `"any"` (default) or `"strong"`: only well-evidenced lines get money.
    #[serde(default)]
    pub evidence: Option<model::optimize::Evidence>,
    /// Keep every target met now met.
    #[serde(default)]
    pub keep_targets: bool,
    /// Keep children supported at least at today's level.
    #[serde(default)]
    pub keep_supported: bool,
    /// Draws the expected outcome is taken over (default 16).
    #[serde(default)]
    pub draws: Option<u32>,
}

impl OptimizeOptions {
    /// The model's options.
    pub fn model(&self) -> model::optimize::Options {
        let d = model::optimize::Options::default();
        model::optimize::Options {
            horizon: self.horizon.unwrap_or(d.horizon),
            evidence: self.evidence.unwrap_or(d.evidence),
            keep_targets: self.keep_targets,
            keep_supported: self.keep_supported,
            draws: self.draws.unwrap_or(d.draws),
        }
    }
}

/// Options of `goalSeek`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GoalOptions {
    /// The plan year the target is judged in (default: the target's own year).
    #[serde(default)]
    pub year: Option<i32>,
    /// The least chance of meeting it, 0,5–0,99 (default 0,8).
    #[serde(default)]
    pub chance: Option<f64>,
}

impl GoalOptions {
    /// The model's options.
    pub fn model(&self) -> model::goal::GoalOptions {
        let d = model::goal::GoalOptions::default();
        model::goal::GoalOptions {
            year: self.year,
            chance: self.chance.unwrap_or(d.chance),
            ..d
        }
    }
}

/// An input of `len` bytes, more than [`MAX_INPUT`].
pub fn too_large(arg: Engine, field: &str, len: usize) -> Failure {
    let n = |x: usize, lang| model::fmt_int(i64::try_from(x).unwrap_or(i64::MAX), lang);
    let fill = |lang| {
        let (len, max) = (n(len, lang), n(MAX_INPUT, lang));
        Engine::TooLarge.fill(lang, &[arg.get(lang), &len, &max])
    };
    Failure {
        kind: Kind::Input,
        field: field.to_string(),
        vi: fill(model::Lang::Vi),
        en: fill(model::Lang::En),
    }
}

/// Reads JSON text as `T`, naming the field where it stops.
pub fn read<T: DeserializeOwned>(arg: Engine, text: &str) -> Result<T, Failure> {
    if text.len() > MAX_INPUT {
        return Err(too_large(arg, "", text.len()));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de)
        .map_err(|e| Failure::json(arg, &e.path().to_string(), e.inner()))?;
    de.end()
        .map_err(|e| Failure::json(arg, "", &e))
        .map(|()| value)
}

/// Reads a scenario as the CLI does: JSON, then schema migration (not yet validated).
pub fn read_scenario(text: &str) -> Result<Scenario, Failure> {
    read::<Scenario>(Engine::ArgScenario, text).map(Scenario::migrated)
}

/// Reads and validates a scenario.
pub fn valid_scenario(text: &str) -> Result<Scenario, Failure> {
    let s = read_scenario(text)?;
    s.validate().map_err(|e| Failure::scenario(&e))?;
    Ok(s)
}

/// Our own plain types always serialise; a failure would be a bug, reported as one.
pub fn write<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| Failure::internal(&e.to_string()))
}

/// `evaluate`: the projection (CLI `run --json` → `projection`).
pub fn evaluate(scenario: &str) -> Result<String, Failure> {
    let s = valid_scenario(scenario)?;
    let p = model::evaluate(&s).map_err(|e| Failure::scenario(&e))?;
    write(&p)
}

/// `simulate`: the Monte Carlo bands from the scenario's seed (CLI `run --json` →
/// `uncertainty`). `draws` are clamped to [`model::mc::MAX_DRAWS`] by the model.
pub fn simulate(scenario: &str, draws: u32) -> Result<String, Failure> {
    let s = valid_scenario(scenario)?;
    let u = model::simulate(&s, draws).map_err(|e| Failure::scenario(&e))?;
    write(&u)
}

/// An objective by the CLI's names (`deaths`, `supported`, `mixed`, `mixed:N`) or the
/// model's (`deaths_averted`, `children_supported`, `weighted:N`).
pub fn objective_by_name(name: &str) -> Result<Objective, Failure> {
    let n = name.trim().to_ascii_lowercase();
    let found = if n == "mixed" {
        Some(Objective::weighted())
    } else {
        match n
            .strip_prefix("mixed:")
            .or_else(|| n.strip_prefix("mixed="))
        {
            Some(w) => Objective::from_name(&format!("weighted:{w}")),
            None => Objective::from_name(&n),
        }
    };
    found.ok_or_else(|| {
        Failure::words(
            Kind::Argument,
            "objective",
            Engine::BadObjective,
            &[&clip(name, 60)],
        )
    })
}

/// `optimize`: the best allocation within the budget (CLI `optimize --json` → `proposal`).
/// Like the CLI, the scenario may be over budget: the proposal repairs that.
pub fn optimize(
    scenario: &str,
    objective: Objective,
    options: &OptimizeOptions,
) -> Result<String, Failure> {
    let s = read_scenario(scenario)?;
    let p = model::optimize::optimize_with(&s, objective, &options.model())
        .map_err(|e| Failure::scenario(&e))?;
    write(&p)
}

/// `goalSeek`: the least budget that meets a target (CLI `goal --json` → `goal`).
pub fn goal_seek(scenario: &str, target: &str, options: &GoalOptions) -> Result<String, Failure> {
    let s = valid_scenario(scenario)?;
    let g = model::goal::goal_seek_with(&s, target, &options.model())
        .map_err(|e| Failure::scenario(&e))?;
    write(&g)
}

/// `assumptions`: every parameter in use with its source (CLI `assumptions --json`).
pub fn assumptions(scenario: &str) -> Result<String, Failure> {
    let s = valid_scenario(scenario)?;
    write(&model::assumptions(&s))
}

/// `encodeLink`: the share code (what follows `#s=`), as the app writes it.
pub fn encode_link(scenario: &str) -> Result<String, Failure> {
    let s = valid_scenario(scenario)?;
    Ok(model::encode(&s))
}

/// `decodeLink`: the scenario in a code, a `#s=` fragment or a whole URL.
pub fn decode_link(text: &str) -> Result<String, Failure> {
    let s = model::decode(text).map_err(|e| Failure::link(&e))?;
    write(&s)
}

/// `defaults`: the plan the app starts with for a region.
pub fn defaults(region: &str) -> Result<String, Failure> {
    let Some(r) = model::data::region(region) else {
        let e = model::ScenarioError::UnknownRegion(clip(region, 60));
        let mut f = Failure::scenario(&e);
        f.kind = Kind::Argument;
        return Err(f);
    };
    write(&Scenario::default_for(r.id))
}

/// `formatMoney`: an amount as a planner says it ("9,4 tỷ đồng" / "9.4 billion VND"), as
/// the app writes it. `lang` is a language code ("vi" unless it starts with "en").
pub fn format_money(dong: f64, lang: &str) -> Result<String, Failure> {
    let m = model::Money::from_f64(dong).ok_or_else(|| {
        Failure::words(
            Kind::Argument,
            "amount",
            Engine::BadAmount,
            &[&dong.to_string()],
        )
    })?;
    Ok(model::fmt::money(m, model::Lang::from_code(lang)))
}

/// The catalogue: programme lines, regions and national targets, with their sources.
#[derive(serde::Serialize)]
pub struct Catalogue {
    /// Programme lines, in display order.
    pub lines: &'static [model::data::LineDef],
    /// The nation, then the provincial units.
    pub regions: &'static [model::data::RegionDef],
    /// National targets.
    pub targets: &'static [model::data::TargetDef],
}

/// The catalogue as built into this package (the lines in use: `model::data::lines()`).
pub fn catalogue_data() -> Catalogue {
    Catalogue {
        lines: model::data::lines(),
        regions: REGIONS,
        targets: TARGETS,
    }
}

/// `catalogue`.
pub fn catalogue() -> Result<String, Failure> {
    write(&catalogue_data())
}

/// What this package reads and writes.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    /// The package version (equal to the model crate's and the `kehoach` CLI's).
    pub engine: &'static str,
    /// The share-link format written, and the newest read.
    pub link_format: u8,
    /// The scenario schema written (every older one is read).
    pub scenario_schema: u32,
    /// The version of the JSON shapes (the CLI's `--json` version).
    pub json: u32,
    /// Fingerprint of the built-in data: FNV-1a (64 bits, hex) of the catalogue and of
    /// every region's default assumptions as JSON. Equal fingerprints, equal data.
    pub data: String,
}

/// `versions`.
pub fn versions() -> Result<String, Failure> {
    write(&Versions {
        engine: env!("CARGO_PKG_VERSION"),
        link_format: model::codec::LINK_VERSION,
        scenario_schema: model::SCHEMA_VERSION,
        json: JSON_VERSION,
        data: data_fingerprint()?,
    })
}

/// See [`Versions::data`].
pub fn data_fingerprint() -> Result<String, Failure> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |text: &str| {
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(&write(&catalogue_data())?);
    for r in REGIONS {
        eat(&write(&model::assumptions(&Scenario::default_for(r.id)))?);
    }
    Ok(format!("{h:016x}"))
}

/// At most `max` characters of `s` (for echoing user text in a message).
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_json() -> String {
        serde_json::to_string(&Scenario::default()).expect("serialises")
    }

    #[test]
    fn evaluate_writes_the_models_own_projection() {
        let got = evaluate(&default_json()).expect("the default plan evaluates");
        let want = serde_json::to_string(&model::evaluate(&Scenario::default()).expect("ok"))
            .expect("serialises");
        assert_eq!(got, want);
    }

    #[test]
    fn links_round_trip_and_match_the_codec() {
        let code = encode_link(&default_json()).expect("encodes");
        assert_eq!(code, model::encode(&Scenario::default()));
        let back = decode_link(&format!("https://example.org/#s={code}")).expect("decodes");
        assert_eq!(back, default_json());
    }

    #[test]
    fn refusals_name_the_field() {
        let mut s = Scenario::default();
        s.allocation.insert("swim".into(), model::Money(-5));
        let text = serde_json::to_string(&s).expect("serialises");
        let f = evaluate(&text).expect_err("negative money");
        assert_eq!(
            (f.kind, f.field.as_str()),
            (Kind::Scenario, "allocation.swim")
        );
        let f = defaults("atlantis").expect_err("no such region");
        assert_eq!((f.kind, f.field.as_str()), (Kind::Argument, "region"));
        let f = objective_by_name("happiness").expect_err("no such objective");
        assert_eq!((f.kind, f.field.as_str()), (Kind::Argument, "objective"));
        let f = goal_seek(&default_json(), "world-peace", &GoalOptions::default())
            .expect_err("no such target");
        assert_eq!((f.kind, f.field.as_str()), (Kind::Argument, "target"));
        let f = decode_link("#s=AAAA").expect_err("not a link");
        assert_eq!(f.kind, Kind::Link);
        let f = read::<GoalOptions>(Engine::ArgOptions, r#"{"yaer": 2030}"#).expect_err("typo");
        assert_eq!((f.kind, f.field.as_str()), (Kind::Input, "yaer"));
        assert!(f.en.contains("year"), "{f:?}");
    }

    #[test]
    fn objective_names_follow_the_cli() {
        assert_eq!(objective_by_name("deaths"), Ok(Objective::DeathsAverted));
        assert_eq!(
            objective_by_name("supported"),
            Ok(Objective::ChildrenSupported)
        );
        assert_eq!(objective_by_name("mixed"), Ok(Objective::weighted()));
        assert_eq!(
            objective_by_name("mixed:50"),
            Ok(Objective::Weighted { per_death: 50.0 })
        );
        assert_eq!(
            objective_by_name("weighted:7"),
            Ok(Objective::Weighted { per_death: 7.0 })
        );
    }

    #[test]
    fn the_package_version_is_the_models() {
        let manifest = include_str!("../../model/Cargo.toml");
        let line = format!("version = \"{}\"", env!("CARGO_PKG_VERSION"));
        assert!(
            manifest.lines().any(|l| l.trim() == line),
            "crates/engine and crates/model must carry the same version"
        );
    }

    #[test]
    fn versions_say_what_is_read() {
        let v: serde_json::Value =
            serde_json::from_str(&versions().expect("writes")).expect("JSON");
        assert_eq!(v["linkFormat"], model::codec::LINK_VERSION);
        assert_eq!(v["scenarioSchema"], model::SCHEMA_VERSION);
        assert_eq!(v["data"].as_str().map(str::len), Some(16));
        // Deterministic: the same data, the same fingerprint.
        assert_eq!(data_fingerprint(), data_fingerprint());
    }
}
